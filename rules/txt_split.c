/* SPDX-License-Identifier: MIT */
/* ZL4110 policy-split, ZL4111 policy-cut-by-comment: a mail policy TXT record
 * (SPF, DKIM, DMARC, MTA-STS, TLS-RPT, BIMI) whose strings, as a name server
 * serves them, are not the policy the author wrote.
 *
 * A TXT value is one or more character-strings; verifiers join them with
 * nothing in between (RFC 7208 3.3, RFC 6376 3.6.2.2, RFC 7489 6.6.3).
 * Written without quotes, every blank separates two strings:
 *   @  TXT  v=spf1 include:_spf.google.com ~all
 * is three strings, joined as "v=spf1include:_spf.google.com~all": no SPF
 * record at all. Quoted pieces split at a blank do the same
 * ("v=spf1" "include:amazonses.com ~all"). And unquoted, ';' starts a zone
 * file comment (RFC 1035 5.1), so
 *   _dmarc  TXT  v=DMARC1; p=quarantine
 * publishes "v=DMARC1" alone. A long key split inside its base64, or an SPF
 * record split in the middle of a term, joins back as meant and is fine.
 * DigitalOcean's zone-file export writes TXT values unquoted. */
#include <stdio.h>
#include <string.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "lint/engine.h"
#include "rdata/txt.h"
#include "rules.h"

enum kind { K_NONE, K_SPF, K_TAGS };

/* Tags of the tag-list records (DKIM key, DMARC, MTA-STS, TLS-RPT, BIMI). */
static const char *const tags[] = {
    "v", "k", "p", "h", "s", "t", "n", "g", "sp", "np", "rua", "ruf", "adkim", "aspf", "pct", "fo", "rf",
    "ri", "psd", "id", "l", "a", NULL,
};

/* SPF mechanisms and modifiers, by the text that starts them. */
static bool spf_term_start(const char *s, size_t n)
{
    if (n && (s[0] == '+' || s[0] == '-' || s[0] == '~' || s[0] == '?')) {
        s++;
        n--;
    }
    static const char *const names[] = { "include:", "exists:", "ip4:", "ip6:", "redirect=", "exp=", NULL };
    for (size_t i = 0; names[i]; i++)
        if (zl_ascii_has_prefix(s, n, names[i]))
            return true;
    static const char *const bare[] = { "all", "a", "mx", "ptr", NULL };
    for (size_t i = 0; bare[i]; i++) {
        size_t l = strlen(bare[i]);
        if (zl_ascii_has_prefix(s, n, bare[i]) && (n == l || s[l] == ':' || s[l] == '/'))
            return true;
    }
    return false;
}

/* "tag=value" at s: a known tag name, '=', and a value. */
static bool tag_start(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] == ' ')
        i++;
    size_t a = i;
    while (i < n && s[i] >= 'a' && s[i] <= 'z')
        i++;
    size_t tl = i - a;
    while (i < n && s[i] == ' ')
        i++;
    if (!tl || i >= n || s[i] != '=' || i + 1 >= n || s[i + 1] == '=')
        return false;
    return zl_ascii_in_list(tags, (const uint8_t *)s + a, tl);
}

/* What the value (the first string, or the first strings joined) starts
 * as. */
static enum kind kind_of(const struct zl_record *rec, const char *v, size_t n)
{
    size_t a = 0;
    while (a < n && v[a] == ' ')
        a++;
    if (n - a >= 4 && (v[a] | 0x20) == 'v' && v[a + 1] == '=' && (v[a + 2] | 0x20) == 's' && (v[a + 3] | 0x20) == 'p' &&
        zl_ascii_has_prefix(v + a, n - a, "v=spf1"))
        return K_SPF;
    if (n - a < 2 || v[a + 1] != '=')
        return K_NONE; /* neither v= nor a tag */
    static const char *const versions[] = { "v=DKIM1", "v=DMARC1", "v=STSv1", "v=TLSRPTv1", "v=BIMI1", NULL };
    for (size_t i = 0; versions[i]; i++)
        if (zl_ascii_has_prefix(v + a, n - a, versions[i]))
            return K_TAGS;
    if (zl_name_find_label(&rec->owner, "_domainkey") >= 1 && tag_start(v + a, n - a))
        return K_TAGS;
    return K_NONE;
}

/* The k-th string of the wire RDATA: *s, *n. */
struct str {
    const char *s;
    size_t n;
};

static unsigned strings(const struct zl_record *rec, struct str *out, unsigned cap)
{
    unsigned k = 0;
    for (size_t pos = 0; pos < rec->rdlen && k < cap;) {
        size_t l = rec->rdata[pos];
        if (pos + 1 + l > rec->rdlen)
            break;
        out[k].s = (const char *)rec->rdata + pos + 1;
        out[k++].n = l;
        pos += 1 + l;
    }
    return k;
}

/* Does joining left and right with nothing in between merge two parts of
 * the policy that the author kept apart? */
static bool bad_boundary(enum kind kind, const struct str *l, const struct str *r)
{
    if (!l->n || !r->n || l->s[l->n - 1] == ' ' || r->s[0] == ' ')
        return false;
    if (kind == K_SPF) {
        /* the right piece starts a term, the left one ends one */
        size_t rw = 0;
        while (rw < r->n && r->s[rw] != ' ')
            rw++;
        if (!spf_term_start(r->s, rw))
            return false;
        size_t lw = l->n;
        while (lw > 0 && l->s[lw - 1] != ' ')
            lw--;
        const char *lt = l->s + lw;
        size_t ll = l->n - lw;
        if (ll == 6 && zl_ascii_eq((const uint8_t *)lt, (const uint8_t *)"v=spf1", 6))
            return true;
        /* a complete term: a mechanism with its argument, or all */
        if (!spf_term_start(lt, ll))
            return false;
        const char *sep = memchr(lt, ':', ll);
        if (!sep)
            sep = memchr(lt, '=', ll);
        return !sep || sep + 1 < lt + ll;
    }
    /* tag-list: a tag starts right after a value that was not ended by ';' */
    size_t e = l->n;
    while (e > 0 && (l->s[e - 1] == ' ' || l->s[e - 1] == '\t'))
        e--;
    if (!e || l->s[e - 1] == ';')
        return false;
    return tag_start(r->s, r->n);
}

#define MAXS 64

static void policy_split(const struct zl_record *rec, struct zl_ctx *ctx, const struct str *s, unsigned ns,
                         enum kind kind)
{
    bool bad[MAXS] = { false };
    unsigned nbad = 0, first = 0;
    bool unquoted = false;
    for (unsigned i = 1; i < ns; i++) {
        if (!bad_boundary(kind, &s[i - 1], &s[i]))
            continue;
        bad[i] = true;
        if (!nbad++)
            first = i;
    }
    if (!nbad)
        return;
    for (unsigned i = 0; i < ns; i++) {
        const struct zl_token *t = zl_txt_token(rec, i);
        if (t && !(t->flags & ZL_TOK_QUOTED))
            unquoted = true;
    }
    /* the value as served, and as meant */
    struct zl_buf served = { 0 }, meant = { 0 }, fix = { 0 };
    for (unsigned i = 0; i < ns; i++) {
        zl_buf_put(&served, s[i].s, s[i].n);
        if (bad[i])
            zl_buf_puts(&meant, kind == K_SPF ? " " : "; ");
        zl_buf_put(&meant, s[i].s, s[i].n);
    }
    const struct zl_token *t0 = zl_txt_token(rec, 0), *tn = zl_txt_token(rec, ns - 1);
    struct zl_span all = t0 && tn ? zl_span_join(&t0->span, &tn->span) : rec->span;
    const char *what = kind == K_SPF ? "SPF" : "policy";
    char shown[160];
    snprintf(shown, sizeof shown, "%.*s%s", (int)(served.len > 120 ? 120 : served.len), (const char *)served.data,
             served.len > 120 ? "..." : "");
    struct zl_diag *d;
    if (unquoted)
        d = zl_report(ctx, ZL_RULE_REF(ZL4110), &all,
                      "TXT value written without quotes is %u character-strings, which receivers join without "
                      "blanks: '%s'; the %s record meant is not published%s",
                      ns, shown, what, kind == K_SPF ? ", and the name has no SPF record" : "");
    else
        d = zl_report(ctx, ZL_RULE_REF(ZL4110), &all,
                      "the %s record is split at a blank between character-strings %u and %u, which receivers "
                      "join without one: '%s'",
                      what, first, first + 1, shown);
    if (d && all.line == all.end_line && t0 && !(rec->owner_flags & ZL_OWNER_GENERATED)) {
        zl_txt_put_quoted(&fix, (const char *)meant.data, meant.len);
        zl_diag_set_fix(d, all, zl_buf_cstr(&fix), ZL_FIX_SAFE);
    }
    zl_buf_free(&served);
    zl_buf_free(&meant);
    zl_buf_free(&fix);
}

/* Unquoted, ';' started a comment: the value stops at it. */
static bool cut_by_comment(const struct zl_record *rec, struct zl_ctx *ctx, const struct str *s, unsigned ns,
                           enum kind kind)
{
    if (kind != K_TAGS || !rec->comment_len || !ns)
        return false;
    const struct zl_token *last = zl_txt_token(rec, ns - 1);
    if (!last || (last->flags & ZL_TOK_QUOTED) || rec->comment_span.line != last->span.end_line)
        return false;
    if (!tag_start(rec->comment, rec->comment_len))
        return false;
    char oname[ZL_NAME_TEXT_MAX];
    zl_name_text(&rec->owner, oname);
    struct zl_buf served = { 0 };
    for (unsigned i = 0; i < ns; i++)
        zl_buf_put(&served, s[i].s, s[i].n);
    size_t cl = rec->comment_len;
    while (cl && (rec->comment[cl - 1] == ' ' || rec->comment[cl - 1] == '\t' || rec->comment[cl - 1] == '\r'))
        cl--;
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL4111), &rec->comment_span,
                                  "TXT value at '%s' is written without quotes, so this ';' starts a comment: "
                                  "the record holds only '%s', and '%.*s' is not published",
                                  oname, zl_buf_cstr(&served), (int)(cl > 80 ? 80 : cl), rec->comment);
    const struct zl_token *t0 = zl_txt_token(rec, 0);
    if (d && t0 && t0->span.line == rec->comment_span.line && !(rec->owner_flags & ZL_OWNER_GENERATED)) {
        /* the strings as written, the ';' and the comment: one quoted value */
        struct zl_buf meant = { 0 }, fix = { 0 };
        for (unsigned i = 0; i < ns; i++) {
            if (i)
                zl_buf_putc(&meant, ' ');
            zl_buf_put(&meant, s[i].s, s[i].n);
        }
        zl_buf_putc(&meant, ';');
        zl_buf_put(&meant, rec->comment, cl);
        zl_txt_put_quoted(&fix, (const char *)meant.data, meant.len);
        struct zl_span at = zl_span_join(&t0->span, &rec->comment_span);
        at.end_col = rec->comment_span.col + 1 + (uint32_t)cl;
        zl_diag_set_fix(d, at, zl_buf_cstr(&fix), ZL_FIX_UNSAFE);
        zl_buf_free(&meant);
        zl_buf_free(&fix);
    }
    zl_buf_free(&served);
    return true;
}

void zl_txt_split_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    /* Cheap gate: a value that starts like a policy (or a DKIM tag), and
     * either several strings or a comment on its line. */
    if (rec->rdlen < 4 || rec->generic)
        return;
    size_t fl = rec->rdata[0];
    if (fl + 1 >= rec->rdlen && !rec->comment_len)
        return; /* one string and no comment */
    const char *first = (const char *)rec->rdata + 1;
    if (fl > (size_t)rec->rdlen - 1)
        return;
    if (!(fl >= 2 && ((first[0] | 0x20) == 'v' || first[1] == '=' || first[0] == ' ' ||
                      zl_name_find_label(&rec->owner, "_domainkey") >= 1)))
        return;
    struct str s[MAXS];
    unsigned ns = strings(rec, s, MAXS);
    if (!ns)
        return;
    /* the kind from the strings as the author meant them: joined with blanks */
    char head[64];
    size_t hn = 0;
    for (unsigned i = 0; i < ns && hn < sizeof head - 1; i++) {
        if (i)
            head[hn++] = ' ';
        size_t c = s[i].n < sizeof head - 1 - hn ? s[i].n : sizeof head - 1 - hn;
        memcpy(head + hn, s[i].s, c);
        hn += c;
    }
    enum kind kind = kind_of(rec, head, hn);
    if (kind == K_NONE)
        return;
    if (cut_by_comment(rec, ctx, s, ns, kind))
        return;
    if (ns >= 2)
        policy_split(rec, ctx, s, ns, kind);
}

const char zl_explain_policy_split[] =
    "A TXT record is one or more character-strings, and SPF, DKIM and DMARC\n"
    "verifiers join them with nothing in between. A value written without quotes\n"
    "in a zone file is split at every blank: v=spf1 include:_spf.google.com ~all\n"
    "is three strings, served as \"v=spf1include:_spf.google.com~all\", which is no\n"
    "SPF record at all. Quoted pieces split at a blank (\"v=spf1\"\n"
    "\"include:amazonses.com ~all\", or a DKIM tag-list split as \"v=DKIM1\" \"k=rsa\")\n"
    "join the same way. Reported when the join merges two terms or tags the\n"
    "author kept apart; a long key split inside its base64, or an SPF record\n"
    "split in the middle of a term, joins back as meant and is fine.\n"
    "DigitalOcean's zone-file export writes TXT values without quotes.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    @       3600 IN TXT v=spf1 include:_spf.google.com ~all\n"
    "    mail    3600 IN TXT \"v=spf1\" \"include:amazonses.com ~all\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    @       3600 IN TXT \"v=spf1 include:_spf.google.com ~all\"\n"
    "    mail    3600 IN TXT \"v=spf1 \" \"include:amazonses.com ~all\"\n"
    "    google._domainkey 3600 IN TXT ( \"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkm\"\n"
    "        \"L/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\" )\n";

const char zl_explain_policy_cut_by_comment[] =
    "In a zone file ';' starts a comment unless it is inside quotes or escaped\n"
    "(RFC 1035 5.1). A DMARC or DKIM record written without quotes, such as\n"
    "_dmarc TXT v=DMARC1; p=quarantine, publishes only \"v=DMARC1\": the policy\n"
    "is lost (receivers ignore a DMARC record without p=), and a DKIM record\n"
    "loses its key. Quote the whole value.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    _dmarc  3600 IN TXT v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\n"
    "\n"
    "Good:\n"
    "\n"
    "    _dmarc  3600 IN TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\"\n"
    "    _dmarc.shop 3600 IN TXT v=DMARC1\\;p=none   ; an escaped ';' is part of the value\n";
