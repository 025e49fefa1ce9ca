/* SPDX-License-Identifier: MIT */
/* ZL4112 dmarc-multiple, ZL4113 dmarc-misplaced, ZL4114 dmarc-name-as-value:
 * DMARC records that receivers never apply.
 *
 * Receivers look for the policy of example.com at _dmarc.example.com only
 * (RFC 7489 6.1); a v=DMARC1 record at the apex or in a host's own TXT set
 * is never read. With two v=DMARC1 records at one _dmarc name, "policy
 * discovery terminates and DMARC processing is not applied" (6.6.3). An
 * external-report authorisation is a record *at*
 * example.net._report._dmarc.example.com holding "v=DMARC1" (7.1): that
 * name stored as a TXT value instead authorises nothing. Authorisation
 * records themselves (names with _report._dmarc) are correct.
 *
 *   bad:   @       TXT "v=DMARC1; p=quarantine"
 *   good:  _dmarc  TXT "v=DMARC1; p=quarantine"
 */
#include <stdio.h>
#include <string.h>

#include "base/ascii.h"
#include "lint/engine.h"
#include "lint/list.h"
#include "mail_policy.h"
#include "rdata/txt.h"
#include "rdata/types.h"
#include "lint/ref.h"
#include "rules.h"

struct misplaced {
    uint64_t dmarc;          /* hash of _dmarc.<owner> */
    struct zl_span span;
    char *owner;
};

struct dmarc_state {
    struct zl_list misplaced;     /* struct misplaced */
    struct zl_owner_set at_dmarc; /* _dmarc names with a v=DMARC1 record */
    struct zl_owner_set multi;    /* _dmarc names with several */
};

static struct dmarc_state *get_state(struct zl_ctx *ctx)
{
    void **slot = zl_ctx_state(ctx, ZL_RULE_REF(ZL4113));
    if (!*slot)
        *slot = zl_ctx_alloc(ctx, sizeof(struct dmarc_state));
    return *slot;
}

/* A name "<domain>._report._dmarc.<domain>": labels _report then _dmarc. */
static bool report_authorisation(const struct zl_name *o)
{
    int r = zl_name_find_label(o, "_report");
    return r >= 1 && zl_name_label_is(zl_name_label(o, (unsigned)r + 1), "_dmarc");
}

/* "x.example.net._report._dmarc.example.com" as a value: a name, no blank, no '='. */
static bool name_as_value(const char *v, size_t n)
{
    if (n < 20 || memchr(v, '=', n) || memchr(v, ' ', n))
        return false;
    long at = zl_ascii_find(v, n, "._report._dmarc.");
    if (at <= 0)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = v[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
              c == '_'))
            return false;
    }
    return true;
}

void zl_dmarc_placement_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    if (rec->rdlen < 9)
        return;
    const char *s0 = (const char *)rec->rdata + 1;
    size_t l0 = rec->rdata[0];
    if (l0 > (size_t)rec->rdlen - 1)
        return;
    size_t a = 0;
    while (a < l0 && s0[a] == ' ')
        a++;
    /* a _report._dmarc name stored as the value: no '=' or blank in it */
    if (l0 - a >= 20 && s0[a] != 'v' && s0[a] != 'V') {
        if (memchr(s0, '=', l0) || memchr(s0 + a, ' ', l0 - a) || !memchr(s0, '_', l0))
            return;
        char v[600];
        size_t n = zl_txt_join(rec, v, sizeof v, NULL);
        if (n < sizeof v && name_as_value(v, n)) {
            const struct zl_token *t = zl_txt_token(rec, 0);
            struct zl_span at = t ? t->span : rec->span;
            zl_report(ctx, ZL_RULE_REF(ZL4114), &at,
                      "TXT value '%.*s' is a DNS name, not a DMARC record: an external-report authorisation is a "
                      "TXT record at that name holding \"v=DMARC1\" (RFC 7489 7.1)",
                      (int)n, v);
        }
        return;
    }
    if (l0 - a < 8 || (s0[a + 2] | 0x20) != 'd' || (s0[a + 3] | 0x20) != 'm' ||
        !zl_ascii_has_prefix(s0 + a, l0 - a, "v=DMARC1"))
        return;
    const struct zl_name *o = &rec->owner;
    if (zl_name_label_is(zl_name_label(o, 0), "_dmarc")) {
        /* ZL4112: several v=DMARC1 records at one _dmarc name */
        struct dmarc_state *st = get_state(ctx);
        struct zl_span first;
        if (zl_owner_set_seen(ctx, &st->at_dmarc, zl_ctx_owner_hash(ctx, rec), &rec->span, &first)) {
            zl_owner_set_seen(ctx, &st->multi, zl_ctx_owner_hash(ctx, rec), &rec->span, NULL);
            char oname[ZL_NAME_TEXT_MAX], ref[ZL_LINE_REF_MAX];
            zl_name_text(o, oname);
            const struct zl_token *t = zl_txt_token(rec, 0);
            struct zl_span at = t ? t->span : rec->span;
            struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL4112), &at,
                                          "second DMARC record at '%s' (the first is at %s): with more than one, "
                                          "receivers apply no DMARC policy at all (RFC 7489 6.6.3)",
                                          oname, zl_line_ref(&first, &at, ref, sizeof ref));
            if (d)
                zl_diag_add_note(d, "keep one record; several report addresses go in one rua= tag, comma-separated");
        }
        return;
    }
    if (report_authorisation(o))
        return; /* <domain>._report._dmarc.<domain>: RFC 7489 7.1 */
    /* A name made for the policy (_dmarc_ttp_policy, dmarc-policy): others
     * point their _dmarc CNAME to it, and receivers follow the CNAME. */
    const uint8_t *first = zl_name_label(o, 0);
    if (first && zl_ascii_find((const char *)first + 1, first[0], "dmarc") >= 0)
        return;
    /* ZL4113: where no receiver looks; judged once the file is read */
    struct zl_name d;
    struct dmarc_state *st = get_state(ctx);
    struct misplaced *m = zl_list_push(ctx, &st->misplaced, sizeof *m);
    const struct zl_token *t = zl_txt_token(rec, 0);
    m->span = t ? t->span : rec->span;
    const struct zl_name *base = o;
    char oname[ZL_NAME_TEXT_MAX];
    zl_name_text(o, oname);
    m->owner = zl_ctx_strdup(ctx, oname, strlen(oname));
    /* _dmarc.<owner> */
    if ((size_t)base->len + 7 > ZL_NAME_MAX)
        return;
    d.wire[0] = 6;
    memcpy(d.wire + 1, "_dmarc", 6);
    memcpy(d.wire + 7, base->wire, base->len);
    d.len = (uint8_t)(base->len + 7);
    d.nlabels = (uint8_t)(base->nlabels + 1);
    m->dmarc = zl_name_hash64(&d);
}

void zl_dmarc_placement_zone(const struct zl_zone *z, struct zl_ctx *ctx)
{
    (void)z;
    struct dmarc_state *st = *zl_ctx_state(ctx, ZL_RULE_REF(ZL4113));
    if (!st)
        return;
    const struct zl_rule *r = ZL_RULE_REF(ZL4113);
    for (size_t i = 0; i < st->misplaced.n; i++) {
        const struct misplaced *m = zl_list_at(&st->misplaced, i);
        /* looked up at the end of the file: inserting a name now is harmless */
        bool have = zl_owner_set_seen(ctx, &st->at_dmarc, m->dmarc, NULL, NULL) != 0;
        bool multi = have && zl_owner_set_seen(ctx, &st->multi, m->dmarc, NULL, NULL) != 0;
        struct zl_diag *d;
        if (have && !multi) {
            /* a dead copy beside the policy receivers use: harmless */
            d = zl_report(ctx, r, &m->span,
                          "DMARC record in the TXT set of '%s', where receivers never look; they read the one at "
                          "'_dmarc.%s': this copy can go",
                          m->owner, m->owner);
            if (d && d->severity == r->severity)
                d->severity = ZL_SEV_INFO;
        } else if (have) {
            d = zl_report(ctx, r, &m->span,
                          "DMARC record in the TXT set of '%s', where receivers never look; they read only "
                          "'_dmarc.%s', whose several records cancel each other, so no policy applies",
                          m->owner, m->owner);
            if (d && d->severity == r->severity)
                d->severity = ZL_SEV_WARNING;
        } else {
            d = zl_report(ctx, r, &m->span,
                          "DMARC record in the TXT set of '%s', where receivers never look: they read only "
                          "'_dmarc.%s' (RFC 7489 6.1), which has no record, so '%s' has no DMARC policy",
                          m->owner, m->owner, m->owner);
            if (d)
                zl_diag_add_note(d, "move it to _dmarc.%s", m->owner);
        }
    }
}

const char zl_explain_dmarc_multiple[] =
    "A domain's DMARC policy is the one v=DMARC1 TXT record at _dmarc.<domain>.\n"
    "With two (a second one added for a reporting service, an old one left in\n"
    "place), receivers stop looking and apply no DMARC policy at all (RFC 7489\n"
    "6.6.3). Keep one; several report addresses go into one rua= tag, separated\n"
    "by commas.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    _dmarc 3600 IN TXT \"v=DMARC1; p=none; rua=mailto:reports@example.com\"\n"
    "    _dmarc 3600 IN TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@vendor.example\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    _dmarc 3600 IN TXT \"v=DMARC1; p=reject; rua=mailto:reports@example.com,mailto:dmarc@vendor.example\"\n";

const char zl_explain_dmarc_misplaced[] =
    "Receivers look for the DMARC policy of example.com at _dmarc.example.com,\n"
    "and nowhere else (RFC 7489 6.1). A v=DMARC1 record at the apex, in a host's\n"
    "own TXT set (shop.example.com instead of _dmarc.shop.example.com) is never\n"
    "read: an error when _dmarc.<name> has no DMARC record (the name then has no\n"
    "policy), a warning when _dmarc.<name> has several (none applies), an info\n"
    "when it has one (the stray copy is dead, but harmless). External-report\n"
    "authorisations (example.com._report._dmarc.example.net, RFC 7489 7.1) and\n"
    "policies kept at a name of their own for other domains' _dmarc CNAMEs to\n"
    "point to (_dmarc_policy.example.com) are v=DMARC1 records by design and are\n"
    "not reported.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    @      3600 IN TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\"\n"
    "    shop   3600 IN TXT \"v=DMARC1; p=reject\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    _dmarc      3600 IN TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\"\n"
    "    _dmarc.shop 3600 IN TXT \"v=DMARC1; p=reject\"\n"
    "    example.net._report._dmarc 3600 IN TXT \"v=DMARC1\"\n"
    "    _dmarc_policy 3600 IN TXT \"v=DMARC1; p=reject\"\n";

const char zl_explain_dmarc_name_as_value[] =
    "A domain that accepts DMARC reports for others authorises each of them with\n"
    "a TXT record \"v=DMARC1\" at <their domain>._report._dmarc.<its domain> (RFC\n"
    "7489 7.1). That name stored as the value of a TXT record instead, typically\n"
    "under _dmarc, is neither a DMARC policy nor an authorisation: receivers\n"
    "ignore it, and reports to the outside address are not sent.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    _dmarc.shop 3600 IN TXT \"example.net._report._dmarc.example.com\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    example.net._report._dmarc 3600 IN TXT \"v=DMARC1\"\n";
