/* SPDX-License-Identifier: MIT */
/* ZL2108 txt-owner-value-swapped: a TXT record written backwards, the
 * token as its owner and the service name as its value.
 *
 * ACME (RFC 8555 8.4), DMARC, DKIM and domain verifications look up TXT at
 * a name that starts with a service label (_acme-challenge.www, _dmarc,
 * sel._domainkey, _amazonses, _github-challenge-org) and read the token
 * from the value. Pasted into the wrong columns, the record is served at
 * <token>.example.com and the service finds nothing at its name. Reported
 * only when both halves say so: the value is one word that is a name under
 * the zone starting with a service label, and the owner's first label is
 * token-shaped (20 or more base64url characters with letters and digits)
 * and is no service label itself.
 *
 *   bad:   6ch_e2oomGUrC3fuBFIleC7Fdj9BgJYDK3E2gZOWMjY  TXT  _acme-challenge.www.example.com
 *   good:  _acme-challenge.www  TXT  "6ch_e2oomGUrC3fuBFIleC7Fdj9BgJYDK3E2gZOWMjY"
 */
#include <stdio.h>
#include <string.h>

#include "base/names.h"
#include "lint/engine.h"
#include "rdata/txt.h"
#include "rules.h"

const char zl_explain_txt_owner_value_swapped[] =
    "ACME (Let's Encrypt's DNS-01 challenge), DMARC, DKIM and the domain\n"
    "verifications of mail senders and other services look up a TXT record at\n"
    "a name that starts with a service label (_acme-challenge.www, _dmarc,\n"
    "selector._domainkey, _amazonses) and read the token from its value. When\n"
    "the two are pasted into each other's place, the record is served at\n"
    "<token>.example.com, and the service finds nothing at the name it asks\n"
    "for: the certificate is not issued, the domain stays unverified.\n"
    "\n"
    "Reported only when the value is a single name under the zone that starts\n"
    "with a service label, and the owner's first label looks like a token (20\n"
    "or more letters, digits, '-' and '_', with both letters and digits).\n"
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    6ch_e2oomGUrC3fuBFIleC7Fdj9BgJYDK3E2gZOWMjY IN TXT _acme-challenge.www.example.com\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    _acme-challenge.www IN TXT \"6ch_e2oomGUrC3fuBFIleC7Fdj9BgJYDK3E2gZOWMjY\"\n"
    "    kx7q2wz8p3m9r4t6y1u5i0oaplsdkfjghzmxncbv IN TXT \"v=spf1 -all\"\n"
    "    _acme-challenge IN TXT \"_acme-challenge.www.example.com\"\n";

static bool token_char(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/* 20+ base64url characters with letters and digits, not a service label. */
static bool token_shaped(const uint8_t *label)
{
    unsigned n = label[0];
    if (n < 20 || label[1] == '_')
        return false;
    bool letter = false, digit = false;
    for (unsigned i = 1; i <= n; i++) {
        if (!token_char(label[i]))
            return false;
        letter |= (label[i] | 0x20) >= 'a' && (label[i] | 0x20) <= 'z';
        digit |= label[i] >= '0' && label[i] <= '9';
    }
    return letter && digit;
}

/* The value as a name: a first label that is a service label ("_x") or a
 * _domainkey second label, every label made of name characters. */
static bool service_name(const char *s, size_t n, struct zl_name *out)
{
    if (n < 4 || n > 253 || s[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++)
        if (!token_char((uint8_t)s[i]) && s[i] != '.')
            return false;
    char buf[256];
    memcpy(buf, s, n);
    if (buf[n - 1] != '.')
        buf[n++] = '.';
    if (zl_name_from_text(out, buf, n, NULL, NULL) != ZL_NAME_OK || out->nlabels < 2)
        return false;
    const uint8_t *l0 = zl_name_label(out, 0), *l1 = zl_name_label(out, 1);
    return (l0[0] > 1 && l0[1] == '_') || zl_name_label_is(l1, "_domainkey");
}

void zl_txt_swapped_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    /* one string, 4-253 bytes, starting with '_' or a selector */
    if (rec->rdlen < 5 || (size_t)rec->rdata[0] + 1 != rec->rdlen || !rec->origin)
        return;
    const uint8_t *first = zl_name_label(&rec->owner, 0);
    if (!first || !token_shaped(first) || !zl_name_is_subdomain(&rec->owner, rec->origin) ||
        zl_name_equal(&rec->owner, rec->origin))
        return;
    struct zl_name value;
    const char *s = (const char *)rec->rdata + 1;
    if (!service_name(s, rec->rdata[0], &value) || !zl_name_is_subdomain(&value, rec->origin))
        return;
    char vt[ZL_NAME_TEXT_MAX];
    zl_name_text(&value, vt);
    struct zl_span at = zl_record_owner_span(rec);
    zl_report(ctx, ZL_RULE_REF(ZL2108), &at,
              "TXT record written backwards: its owner '%.*s' is a token and its value the name '%s', where the "
              "service looks up the TXT record and finds none; write %s IN TXT \"%.*s\"",
              (int)first[0], (const char *)first + 1, vt, vt, (int)first[0], (const char *)first + 1);
}
