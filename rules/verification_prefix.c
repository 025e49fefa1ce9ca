/* SPDX-License-Identifier: MIT */
/* ZL2105 verification-prefix-typo: a domain-verification TXT value whose
 * prefix is a misspelling of the one the provider looks for.
 *
 * Google, Facebook, Apple, Atlassian and many others verify a domain by
 * looking for a TXT value "<their prefix>=<token>" at the apex or a named
 * host; they compare the prefix exactly. "google-site-verication=..." (two
 * letters lost) is never found, and the domain or subdomain never verifies.
 * Reported only for long prefixes (15 characters or more) at most two
 * edits from a documented one, so short or unknown prefixes of other
 * services are never taken for typos.
 *
 *   bad:   grants  TXT  "google-site-verication=Tv7gr5D9-eJRbfj..."
 *   good:  grants  TXT  "google-site-verification=Tv7gr5D9-eJRbfj..."
 */
#include <stdio.h>
#include <string.h>

#include "base/ascii.h"
#include "lint/engine.h"
#include "rdata/txt.h"
#include "rules.h"

/* Prefixes providers document for "<prefix>=<token>" values. */
static const char *const prefixes[] = {
    "google-site-verification", "facebook-domain-verification", "apple-domain-verification",
    "atlassian-domain-verification", "adobe-idp-site-verification", "globalsign-domain-verification",
    "dropbox-domain-verification", "have-i-been-pwned-verification", "keybase-site-verification",
    "onetrust-domain-verification", "teamviewer-sso-verification", "cisco-ci-domain-verification",
    "pinterest-site-verification", "heroku-domain-verification", "citrix-verification-code",
    "openai-domain-verification", "canva-site-verification", "stripe-verification", "yandex-verification",
    "mailru-verification", "postman-domain-verification", "twilio-domain-verification",
    "smartsheet-site-validation", "zoho-verification", "docker-verification", "miro-verification",
    NULL,
};

void zl_verification_prefix_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    /* Cheap gate: "<15-45 letters, digits, dashes>=" at the start of string 1. */
    if (rec->rdlen < 17)
        return;
    const char *s = (const char *)rec->rdata + 1;
    size_t n = rec->rdata[0];
    if (n > (size_t)rec->rdlen - 1)
        return;
    size_t k = 0;
    while (k < n && k < 46 && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') || s[k] == '-' ||
                               (s[k] >= '0' && s[k] <= '9')))
        k++;
    if (k < 15 || k > 45 || k >= n || s[k] != '=')
        return;
    if (k == 24 && memcmp(s, "google-site-verification", 24) == 0)
        return; /* by far the most common one */
    if (zl_ascii_in_list(prefixes, (const uint8_t *)s, k))
        return;
    const char *best = NULL;
    unsigned bd = 3;
    for (size_t i = 0; prefixes[i]; i++) {
        unsigned d = zl_ascii_distance((const uint8_t *)s, k, prefixes[i], 2);
        if (d < bd) {
            bd = d;
            best = prefixes[i];
        }
    }
    if (!best)
        return;
    const struct zl_token *t = zl_txt_token(rec, 0);
    struct zl_span at = zl_txt_span(rec, 0, k);
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL2105), &at,
                                  "TXT value starts with '%.*s=', a misspelling of '%s=': the provider looks for its "
                                  "own prefix exactly and never finds this token",
                                  (int)k, s, best);
    if (d && t && t->len >= k && memcmp(t->text, s, k) == 0 && at.line == at.end_line)
        zl_diag_set_fix(d, at, best, ZL_FIX_UNSAFE); /* written as served: the prefix is the token's start */
}

const char zl_explain_verification_prefix_typo[] =
    "Google, Facebook, Apple, Atlassian and many other services verify a domain\n"
    "by looking for a TXT value \"<their prefix>=<token>\", and compare the prefix\n"
    "exactly: google-site-verication= (two letters lost in the copy) is never\n"
    "found, and the domain stays unverified. Only long prefixes one or two\n"
    "letters away from a documented one are reported, so other services'\n"
    "prefixes are left alone.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    grants 3600 IN TXT \"google-site-verication=Tv7gr5D9-eJRbfj_o-TCQGQ5oK3W-PIRLW-m98evRbs\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    grants 3600 IN TXT \"google-site-verification=Tv7gr5D9-eJRbfj_o-TCQGQ5oK3W-PIRLW-m98evRbs\"\n"
    "    @      3600 IN TXT \"facebook-domain-verification=0t6kt6h3sd1dcw4a7bp6zpemb3rxmk\"\n";
