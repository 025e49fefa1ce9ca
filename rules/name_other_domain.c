/* SPDX-License-Identifier: MIT */
/* ZL2107 name-other-domain: a service name written with another domain in
 * it, in a zone that appends its own name.
 *
 * A DMARC, DKIM, verification or ACME record is often copied from a
 * provider's help page or another domain's setup, name and all:
 * "_dmarc.solarmora.com" (Google's sample domain) in the zone of
 * thomaswygonik.com. A relative name gets the zone appended (in a zone
 * file, and in Route 53 or Azure through Terraform), so the record is served
 * as _dmarc.solarmora.com.thomaswygonik.com, where no receiver looks, and
 * the zone's own _dmarc has no record. Reported only with two signs: the
 * labels between the service label and the zone end in a real top-level
 * domain (the Public Suffix List) and form a domain of two or more labels,
 * and the record's own value names that domain too (rua=mailto:...@it, a
 * target under it), so a subdomain such as api.dev of the zone is never
 * taken for one.
 *
 *   bad:   _dmarc.solarmora.com  TXT "v=DMARC1; p=reject; rua=mailto:postmaster@solarmora.com"
 *   good:  _dmarc                TXT "v=DMARC1; p=reject; rua=mailto:postmaster@example.com"
 */
#include <stdio.h>
#include <string.h>

#include "base/ascii.h"
#include "base/names.h"
#include "lint/engine.h"
#include "rdata/txt.h"
#include "rdata/types.h"
#include "rules.h"

const char zl_explain_name_other_domain[] =
    "Records that a service looks up under a service label (_dmarc, a DKIM\n"
    "selector's _domainkey, _amazonses, _acme-challenge, ...) are often copied\n"
    "from a help page or from another domain's setup, with that domain left in\n"
    "the name: '_dmarc.solarmora.com' in the zone of example.com. A name without\n"
    "a trailing dot gets the zone's name appended, in a zone file and at\n"
    "providers such as Route 53 and Azure, so the record is served as\n"
    "_dmarc.solarmora.com.example.com, where nobody looks, and example.com's own\n"
    "_dmarc has no record.\n"
    "\n"
    "The rule reports such a name only when the labels after the service label\n"
    "form a domain that ends in a real top-level domain and the record's value\n"
    "names that domain as well (a report address, a target under it).\n"
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    _dmarc.solarmora.com  IN TXT \"v=DMARC1; p=reject; rua=mailto:postmaster@solarmora.com\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    _dmarc                IN TXT \"v=DMARC1; p=reject; rua=mailto:postmaster@example.com\"\n"
    "    _dmarc.api.dev        IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc@example.com\"\n";

/* The value's text in lower case (the joined TXT, or a target name). */
static bool value_text(const struct zl_record *rec, char *out, size_t cap)
{
    if (rec->type == ZL_T_TXT) {
        size_t n = zl_txt_join(rec, out, cap, NULL);
        out[n < cap ? n : cap - 1] = '\0';
    } else {
        struct zl_name t;
        if (rec->nfields < 1 || !zl_name_from_wire(&t, rec->rdata + rec->fields[0].off, rec->fields[0].len))
            return false;
        char txt[ZL_NAME_TEXT_MAX];
        zl_name_text(&t, txt);
        snprintf(out, cap, "%s", txt);
    }
    for (char *p = out; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + 32);
    return true;
}

/* Does text hold dom as a name (not inside a longer label: "x.com" is not
 * in "ax.com"), or dom with dashes for dots? */
static bool names_domain(const char *text, const char *dom)
{
    size_t n = strlen(dom);
    char dashed[ZL_NAME_TEXT_MAX];
    snprintf(dashed, sizeof dashed, "%s", dom);
    for (char *p = dashed; *p; p++)
        if (*p == '.')
            *p = '-';
    for (int form = 0; form < 2; form++) {
        const char *d = form ? dashed : dom;
        for (const char *p = strstr(text, d); p; p = strstr(p + 1, d)) {
            char before = p > text ? p[-1] : '@';
            char after = p[n];
            /* "selector1-contoso-com": a dashed domain follows a dash */
            bool lb = !((before >= 'a' && before <= 'z') || (before >= '0' && before <= '9') || (before == '-' && !form));
            bool la = !((after >= 'a' && after <= 'z') || (after >= '0' && after <= '9') || after == '-');
            if (lb && la)
                return true;
        }
    }
    return false;
}

void zl_name_other_domain_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    /* what was appended: the origin the name was read under (a Terraform
     * record's own zone), else the zone's */
    const struct zl_name *zone = rec->origin && rec->origin->nlabels ? rec->origin : zl_ctx_origin(ctx);
    if (!zone || zone->nlabels == 0 || !zl_name_is_subdomain(&rec->owner, zone))
        return;
    unsigned below = rec->owner.nlabels - zone->nlabels; /* labels before the zone's */
    /* the last service label (one that starts with '_') before the zone */
    int svc = -1;
    for (unsigned i = 0; i < below; i++) {
        const uint8_t *l = zl_name_label(&rec->owner, i);
        if (l && l[0] && l[1] == '_')
            svc = (int)i;
    }
    if (svc < 0 || below - (unsigned)svc - 1 < 2)
        return;
    /* the domain written after it: two labels or more, a real TLD last */
    const uint8_t *tld = zl_name_label(&rec->owner, below - 1);
    if (!tld || !zl_is_public_tld((const char *)tld + 1, tld[0]))
        return;
    char dom[ZL_NAME_TEXT_MAX];
    size_t o = 0;
    for (unsigned i = (unsigned)svc + 1; i < below && o + 66 < sizeof dom; i++) {
        const uint8_t *l = zl_name_label(&rec->owner, i);
        for (unsigned k = 1; k <= l[0]; k++) {
            char c = (char)l[k];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
                return; /* escapes, underscores: not a host name */
            dom[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        dom[o++] = i + 1 < below ? '.' : '\0';
    }
    dom[o ? o - 1 : 0] = '\0';
    char ztext[ZL_NAME_TEXT_MAX];
    zl_name_text(zone, ztext);
    size_t zl = strlen(ztext);
    if (zl && ztext[zl - 1] == '.')
        ztext[--zl] = '\0';
    if (zl_ascii_casecmp(dom, ztext) == 0)
        return; /* the zone itself: name-doubled-origin's */
    char value[4096];
    if (!value_text(rec, value, sizeof value) || !names_domain(value, dom))
        return;
    char oname[ZL_NAME_TEXT_MAX], want[ZL_NAME_TEXT_MAX];
    zl_name_text(&rec->owner, oname);
    size_t w = 0;
    for (int i = 0; i <= svc && w + 66 < sizeof want; i++) {
        const uint8_t *l = zl_name_label(&rec->owner, (unsigned)i);
        w += (size_t)snprintf(want + w, sizeof want - w, "%.*s.", l[0], (const char *)l + 1);
    }
    snprintf(want + w, sizeof want - w, "%s.", ztext);
    struct zl_span at = zl_record_owner_span(rec);
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL2107), &at,
                                  "the name holds the domain '%s' (the record's value is about it too), but the "
                                  "zone is '%s.': it is served as '%s', where nobody looks; this zone's own "
                                  "record is '%s'",
                                  dom, ztext, oname, want);
    if (d)
        zl_diag_add_note(d, "a record copied from another domain or from a help page's example; a record for '%s' "
                            "belongs in that domain's zone", dom);
}
