/* SPDX-License-Identifier: MIT */
/* ZL5010-ZL5011: the legacy Amazon SES domain-verification TXT record.
 *
 *   _amazonses.<domain>.  TXT  "<VerificationToken>"
 * The token is base64 of 32 bytes: 43 characters of [A-Za-z0-9+/] and one
 * '='. References: SES API VerifyDomainIdentity / VerificationToken, the SES
 * developer guide "Verifying a domain" (legacy TXT record), and AWS's
 * troubleshooting notes on "_amazonses.example.com.example.com".
 *
 *   bad:   _amazonses  TXT  "ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg"    ; '=' lost
 *   bad:   _amazonses.example.com  TXT  "..."    ; in example.com.: doubled
 *   good:  _amazonses  TXT  "ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg="
 *
 * Several values in one RRset are normal (one per account or region). The
 * token may also sit at the apex (for providers that reject underscores);
 * apex TXT records are never judged, since most of them are something else. */
#include <stdio.h>
#include <string.h>

#include "rules.h"
#include "base/ascii.h"
#include "ses_data.h"

static bool b64_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

/* ^[A-Za-z0-9+/]{43}=$ */
static bool token_ok(const char *s, size_t n)
{
    if (n != 44 || s[43] != '=')
        return false;
    for (size_t i = 0; i < 43; i++)
        if (!b64_char(s[i]))
            return false;
    return true;
}

static bool all_b64(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!b64_char(s[i]))
            return false;
    return true;
}

/* Describes what is wrong with a value free of quotes and spaces, and
 * repairs it into fixed when the repair is certain. */
static void judge_shape(const char *c, size_t n, struct zl_buf *why, char *fixed, size_t *fixed_len)
{
    *fixed_len = 0;
    if (token_ok(c, n))
        return;
    if (n == 43 && all_b64(c, 43)) {
        zl_buf_puts(why, "it has 43 characters and lacks the trailing '=' (SES tokens are 44 characters "
                         "ending in exactly one '=')");
        memcpy(fixed, c, 43);
        fixed[43] = '=';
        *fixed_len = 44;
        return;
    }
    if (n > 44 && token_ok(c, 44)) {
        zl_buf_printf(why, "it has %zu extra character%s after the 44-character token ('%.*s')", n - 44,
                      n - 44 == 1 ? "" : "s", (int)(n - 44 > 40 ? 40 : n - 44), c + 44);
        memcpy(fixed, c, 44);
        *fixed_len = 44;
        return;
    }
    if (n > 44 && token_ok(c + n - 44, 44)) {
        zl_buf_printf(why, "it has %zu extra character%s before the 44-character token ('%.*s')", n - 44,
                      n - 44 == 1 ? "" : "s", (int)(n - 44 > 40 ? 40 : n - 44), c);
        memcpy(fixed, c + n - 44, 44);
        *fixed_len = 44;
        return;
    }
    if (n == 32) {
        bool b32 = true;
        for (size_t i = 0; i < n && b32; i++)
            b32 = zl_ses_b32_char((uint8_t)c[i]);
        if (b32) {
            zl_buf_puts(why, "it is a 32-character Easy DKIM token (lowercase base32), not the 44-character "
                             "verification token: a DKIM value was pasted in the wrong place (DKIM tokens "
                             "belong in <token>._domainkey CNAME records)");
            return;
        }
    }
    if (n < 44) {
        zl_buf_printf(why, "it has %zu characters, %zu fewer than the 44 of an SES token: it was truncated", n,
                      44 - n);
        return;
    }
    if (n > 44) {
        zl_buf_printf(why, "it has %zu characters, %zu more than the 44 of an SES token", n, n - 44);
        return;
    }
    for (size_t i = 0; i < 43; i++)
        if (!b64_char(c[i])) {
            if (c[i] == '=')
                zl_buf_printf(why, "it has '=' at position %zu; an SES token has exactly one '=', at the end",
                              i + 1);
            else
                zl_buf_printf(why, "character '%c' at position %zu is not base64 (A-Z, a-z, 0-9, '+', '/')",
                              c[i] >= 0x21 && c[i] < 0x7f ? c[i] : '?', i + 1);
            return;
        }
    zl_buf_puts(why, "it does not end in '=' (SES tokens are 43 base64 characters and one '=')");
}

static void check_value(const struct zl_record *rec, struct zl_ctx *ctx)
{
    char v[1024];
    unsigned ns;
    size_t n = zl_txt_join(rec, v, sizeof v, &ns);
    if (n > sizeof v)
        n = sizeof v;
    char clean[1024];
    size_t cn = 0;
    bool quotes = false, spaces = false;
    for (size_t i = 0; i < n; i++) {
        if (v[i] == '"')
            quotes = true;
        else if (v[i] == ' ' || v[i] == '\t' || v[i] == '\r' || v[i] == '\n')
            spaces = true;
        else
            clean[cn++] = v[i];
    }
    if (!quotes && !spaces && ns == 1 && token_ok(v, n))
        return;
    const struct zl_token *first = zl_txt_token(rec, 0);
    struct zl_span at = zl_txt_whole_span(rec);
    if (ns > 1 && n == 44 * (size_t)ns && !quotes && !spaces) {
        /* Several whole tokens as strings of one record: each needs its own. */
        bool each = true;
        for (unsigned i = 0; i < ns && each; i++)
            each = token_ok(v + 44 * i, 44);
        if (each) {
            zl_report(ctx, ZL_RULE_REF(ZL5010), &at,
                      "one TXT record holds %u verification tokens as separate character-strings, which SES "
                      "reads as one value; publish each token as its own TXT record",
                      ns);
            return;
        }
    }

    struct zl_buf why = { 0 };
    if (ns > 1)
        zl_buf_printf(&why, "it is split into %u character-strings, which are served as separate strings, "
                            "not one token; ", ns);
    if (quotes)
        zl_buf_puts(&why, "it contains literal '\"' characters (quotes escaped or added twice, e.g. by a "
                          "tool that adds its own); ");
    if (spaces)
        zl_buf_puts(&why, "it contains spaces; ");
    char fixed[64];
    size_t fl = 0;
    judge_shape(clean, cn, &why, fixed, &fl);
    if (!fl && token_ok(clean, cn)) {
        memcpy(fixed, clean, 44);
        fl = 44;
    }
    /* drop a trailing "; " */
    if (why.len >= 2 && why.data[why.len - 2] == ';')
        why.len -= 2;
    char shown[120];
    snprintf(shown, sizeof shown, "%.*s%s", (int)(n > 100 ? 100 : n), v, n > 100 ? "..." : "");
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL5010), &at,
                                  "SES verification value '%s' is not a valid token: %s", shown,
                                  zl_buf_cstr(&why));
    if (d && fl) {
        char fix[80];
        snprintf(fix, sizeof fix, "\"%.*s\"", (int)fl, fixed);
        zl_diag_add_note(d, "SES expects the 44-character token alone: %s", fix);
        if (first)
            /* safe when only quotes, blanks or the lost '=' change; dropping
             * characters around a token is a guess */
            zl_diag_set_fix(d, at, fix, fl == cn || (cn == 43 && fl == 44) ? ZL_FIX_SAFE : ZL_FIX_UNSAFE);
    }
    zl_buf_free(&why);
}

static void check_owner(const struct zl_record *rec, struct zl_ctx *ctx)
{
    const struct zl_name *o = &rec->owner;
    const struct zl_rule *r = ZL_RULE_REF(ZL5011);
    struct zl_span at = zl_record_owner_span(rec);
    char oname[ZL_NAME_TEXT_MAX], want[ZL_NAME_TEXT_MAX];
    zl_name_text(o, oname);

    if (zl_name_label_is(zl_name_label(o, 1), "_amazonses")) {
        struct zl_name fixed;
        zl_name_suffix(&fixed, o, 1);
        zl_name_text(&fixed, want);
        struct zl_diag *d = zl_report(ctx, r, &at,
                                      "TXT record at '%s' has '_amazonses' twice; SES looks up '%s'", oname, want);
        const struct zl_token *t = &rec->owner_tok;
        if (d && t->len > 11 && zl_ascii_has_prefix(t->text, t->len, "_amazonses._amazonses")) {
            char fix[ZL_NAME_TEXT_MAX];
            snprintf(fix, sizeof fix, "%.*s", (int)(t->len - 11), t->text + 11);
            zl_diag_set_fix(d, t->span, fix, ZL_FIX_SAFE);
        }
        return;
    }

    /* _amazonses.<X>.<origin>.<origin>: the zone name written twice. */
    const struct zl_name *origin = zl_ctx_origin(ctx);
    if (!origin || !origin->nlabels)
        return;
    unsigned k = origin->nlabels;
    if (o->nlabels < 1 + 2 * k || !zl_name_is_subdomain(o, origin))
        return;
    struct zl_name tail, first;
    zl_name_suffix(&tail, o, o->nlabels - 2 * k);
    if (!zl_name_strip_origin(&tail, origin, &first) || !zl_name_equal(&first, origin))
        return;
    struct zl_name fixed;
    zl_name_strip_origin(o, origin, &fixed);
    zl_name_text(&fixed, want);
    const struct zl_token *t = &rec->owner_tok;
    struct zl_diag *d;
    if ((rec->owner_flags & ZL_OWNER_RELATIVE) && t->len) {
        d = zl_report(ctx, r, &at,
                      "name '%.*s' has no trailing dot, so the origin is appended and it becomes '%s'; "
                      "SES looks up '%s'",
                      (int)t->len, t->text, oname, want);
        if (d) {
            char fix[ZL_NAME_TEXT_MAX + 2];
            snprintf(fix, sizeof fix, "%.*s.", (int)t->len, t->text);
            zl_diag_set_fix(d, t->span, fix, ZL_FIX_SAFE);
        }
    } else {
        d = zl_report(ctx, r, &at, "name '%s' repeats the zone name; SES looks up '%s'", oname, want);
        if (d && t->len)
            zl_diag_set_fix(d, t->span, want, ZL_FIX_SAFE);
    }
}

void zl_ses_verify_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    if (!zl_name_label_is(zl_name_label(&rec->owner, 0), "_amazonses"))
        return;
    check_owner(rec, ctx);
    check_value(rec, ctx);
}

const char zl_explain_ses_verify_token[] =
    "The legacy SES verification record is a TXT record at _amazonses.<domain>\n"
    "holding the VerificationToken: base64 of 32 bytes, so exactly 44 characters\n"
    "ending in one '='. SES compares the value with its token; a lost '=', a\n"
    "truncated token, stray quotes or spaces, a token split over several\n"
    "character-strings, or a 32-character DKIM token pasted here instead (it\n"
    "belongs in a <token>._domainkey CNAME) all leave the domain pending.\n"
    "\n"
    "Since 2022 SES verifies new domains through DKIM alone, but identities\n"
    "created with VerifyDomainIdentity still use this record. Several values in\n"
    "one RRset are fine: one per account or region.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    _amazonses 1800 IN TXT \"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg\"\n"
    "    _amazonses 1800 IN TXT \"\\\"T5etn/YylzSUQQWw6HspyK4+2+B9XzE7Kajpz9ogfJI=\\\"\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    _amazonses 1800 IN TXT \"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\"\n"
    "    _amazonses 1800 IN TXT \"T5etn/YylzSUQQWw6HspyK4+2+B9XzE7Kajpz9ogfJI=\"\n";

const char zl_explain_ses_verify_owner[] =
    "SES looks for the verification token at exactly _amazonses.<domain>. Two\n"
    "mistakes put it elsewhere: '_amazonses' written twice (a host field that\n"
    "already adds the prefix), and the domain written twice, either because the\n"
    "full name was typed without a trailing dot in a zone file, or into a\n"
    "provider's host field that appends the domain itself.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    _amazonses.example.com 1800 IN TXT \"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    _amazonses 1800 IN TXT \"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\"\n";
