/* SPDX-License-Identifier: MIT */
/* ZL5019: a DKIM or verification CNAME proxied by Cloudflare.
 *
 * Cloudflare's BIND export marks each A/AAAA/CNAME with a trailing comment
 * "cf_tags=cf-proxied:true|false" (other text may come before cf_tags=).
 * For a proxied CNAME Cloudflare answers with its own addresses instead of
 * the CNAME, so SES (or any sender) never sees the target and verification
 * stays pending. Reference: Cloudflare "Import and export DNS records";
 * sender guides that say email records must be DNS only.
 *
 *   bad:   tok._domainkey.example.com. 1 IN CNAME tok.dkim.amazonses.com. ; cf_tags=cf-proxied:true
 *   good:  tok._domainkey.example.com. 1 IN CNAME tok.dkim.amazonses.com. ; cf_tags=cf-proxied:false
 *
 * Proxying matters for DKIM, verification and return-path names; a
 * link-branding CNAME (SendGrid's url1234 CNAME sendgrid.net) may be
 * proxied, as the senders document. */
#include <string.h>

#include "rules.h"
#include "base/ascii.h"
#include "ses_data.h"

/* Underscore names: _domainkey, _amazonses, ACM's _<hash>, _dmarc, ... */
static bool underscore_name(const struct zl_name *o)
{
    for (unsigned i = 0; i < 3; i++) {
        const uint8_t *l = zl_name_label(o, i);
        if (!l)
            return false;
        if (l[0] && l[1] == '_')
            return true;
    }
    return false;
}

void zl_ses_cloudflare_proxied_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    if (rec->comment_len < 23) /* strlen("cf_tags=cf-proxied:true") */
        return;
    long tags = zl_ascii_find(rec->comment, rec->comment_len, "cf_tags=");
    if (tags < 0)
        return;
    long p = zl_ascii_find(rec->comment + tags, rec->comment_len - (size_t)tags, "cf-proxied:true");
    if (p < 0)
        return;
    p += tags;
    if (rec->nfields < 1 || rec->fields[0].kind != ZL_FIELD_NAME)
        return;
    struct zl_name t;
    if (!zl_name_from_wire(&t, rec->rdata + rec->fields[0].off, rec->rdlen - rec->fields[0].off))
        return;
    if (!underscore_name(&rec->owner) && !zl_name_under_any(&t, zl_ses_esp_domains))
        return;
    /* Click tracking: served over HTTPS through the proxy, verified by nobody. */
    if (!underscore_name(&rec->owner)) {
        char tt[ZL_NAME_TEXT_MAX];
        size_t tl = zl_name_to_text(&t, tt);
        if (tl > 1 && zl_ascii_in_list(zl_ses_link_tracking_targets, (const uint8_t *)tt, tl - 1))
            return;
    }
    char oname[ZL_NAME_TEXT_MAX], tname[ZL_NAME_TEXT_MAX];
    zl_name_text(&rec->owner, oname);
    zl_name_text(&t, tname);
    /* The comment span starts at ';'; "true" follows "cf-proxied:". */
    struct zl_span at = zl_span_sub(&rec->comment_span, (uint32_t)p + 1, 15);
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL5019), &at,
                                  "CNAME '%s' is proxied by Cloudflare (cf-proxied:true): Cloudflare answers "
                                  "with its own addresses instead of the CNAME, so '%s' is never seen and "
                                  "verification stays pending; set the record to DNS only",
                                  oname, tname);
    if (d && at.col != rec->comment_span.col)
        zl_diag_set_fix(d, at, "cf-proxied:false", ZL_FIX_UNSAFE);
}

const char zl_explain_ses_cloudflare_proxied[] =
    "Cloudflare can proxy A, AAAA and CNAME records: it then answers queries with\n"
    "its own addresses and hides the CNAME. DKIM and domain-verification CNAMEs\n"
    "(SES _domainkey records, ACM validation records, SendGrid, Mailchimp and\n"
    "other senders' records) only work when the CNAME itself is served, so they\n"
    "must be \"DNS only\". Cloudflare's zone export shows the setting as a\n"
    "trailing comment 'cf_tags=cf-proxied:true', and honours it on import.\n"
    "\n"
    "Proxying matters for DKIM, verification and return-path (bounce) names. A\n"
    "link-branding CNAME for click tracking (SendGrid's url1234 and account-id\n"
    "CNAMEs to sendgrid.net, Mailgun's email CNAME to mailgun.org) may be\n"
    "proxied: the senders document it for HTTPS tracking links, and nothing is\n"
    "verified through it.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey.example.com. 1 IN CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com. ; cf_tags=cf-proxied:true\n"
    "\n"
    "Good:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey.example.com. 1 IN CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com. ; cf_tags=cf-proxied:false\n"
    "    url6170.example.com. 1 IN CNAME sendgrid.net. ; cf_tags=cf-proxied:true\n";
