/* SPDX-License-Identifier: MIT */
/* ZL4103 dmarc-syntax: a DMARC record at _dmarc.* that does not parse
 * (RFC 7489 6.3, 6.4). Tags are a table: name, the pattern its value must
 * match and what to say when it does not.
 *
 *   bad:   _dmarc  IN TXT "v=DMARC1; rua=dmarc@example.com; p=none"
 *   good:  _dmarc  IN TXT "v=DMARC1; p=none; rua=mailto:dmarc@example.com"
 */
#include <stdint.h>
#include <string.h>

#include "base/ascii.h"
#include "mail_policy.h"
#include "rules.h"

const char zl_explain_dmarc_syntax[] =
    "A DMARC policy is a TXT record at _dmarc.<domain> made of tag=value pairs\n"
    "separated by semicolons (RFC 7489 6.3, 6.4). It must start with\n"
    "v=DMARC1 (exactly, in upper case), the policy tag p= must follow it, and\n"
    "receivers discard a record that does not parse, so the domain ends up\n"
    "with no DMARC policy at all.\n"
    "\n"
    "Checked: the version comes first; p= is present (and second); tags are\n"
    "v, p, sp, np, rua, ruf, adkim, aspf, pct, fo, rf, ri, t and psd, each at\n"
    "most once; p, sp and np are none, quarantine or reject; adkim and aspf\n"
    "are r or s; pct is 0-100; rua and ruf are comma-separated mailto: URIs\n"
    "(a bare address is a common mistake). Unknown tags and p= in another\n"
    "place are warnings; the rest are errors.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    _dmarc  3600 IN TXT \"v=DMARC1; rua=dmarc@example.com; p=none, pct=100\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    _dmarc  3600 IN TXT \"v=DMARC1; p=none; pct=100; rua=mailto:dmarc@example.com\"\n";

static bool eq_nocase(const char *s, size_t n, const char *p)
{
    return strlen(p) == n && zl_ascii_has_prefix(s, n, p);
}

static bool is_wsp(char ch)
{
    return ch == ' ' || ch == '\t';
}

static bool is_dmarc_owner(const struct zl_name *owner)
{
    return owner->nlabels >= 1 && owner->wire[0] == 6 &&
           zl_ascii_has_prefix((const char *)owner->wire + 1, 6, "_dmarc");
}

/* How a tag's value is checked. */
enum tag_kind {
    TAG_VERSION,   /* v: must come first */
    TAG_POLICY,    /* p: required, right after v */
    TAG_PATTERN,   /* value must match the pattern */
    TAG_URIS,      /* comma-separated mailto: URIs */
    TAG_INTERVAL,  /* ri: seconds, 32 bits */
};

static const struct tag {
    const char *name;
    enum tag_kind kind;
    enum zl_pattern_id pattern; /* ZL_PAT__COUNT: none */
    const char *expect;         /* what the value must be, for the message */
} tags[] = {
    { "v", TAG_VERSION, ZL_PAT__COUNT, "" },
    { "p", TAG_POLICY, ZL_PAT_DMARC_POLICY, "none, quarantine or reject" },
    { "sp", TAG_PATTERN, ZL_PAT_DMARC_POLICY, "none, quarantine or reject" },
    { "np", TAG_PATTERN, ZL_PAT_DMARC_POLICY, "none, quarantine or reject" },
    { "rua", TAG_URIS, ZL_PAT__COUNT, "" },
    { "ruf", TAG_URIS, ZL_PAT__COUNT, "" },
    { "adkim", TAG_PATTERN, ZL_PAT_DMARC_ALIGN, "r (relaxed) or s (strict)" },
    { "aspf", TAG_PATTERN, ZL_PAT_DMARC_ALIGN, "r (relaxed) or s (strict)" },
    { "pct", TAG_PATTERN, ZL_PAT_DMARC_PCT, "a number 0-100" },
    { "fo", TAG_PATTERN, ZL_PAT_DMARC_FO, "0, 1, d or s, separated by ':'" },
    { "rf", TAG_PATTERN, ZL_PAT_DMARC_RF, "afrf or iodef, separated by ':'" },
    { "ri", TAG_INTERVAL, ZL_PAT_DMARC_RI, "a number of seconds" },
    { "t", TAG_PATTERN, ZL_PAT_DMARC_BOOL, "y or n" },
    { "psd", TAG_PATTERN, ZL_PAT_DMARC_PSD, "y, n or u" },
};
#define NTAGS (sizeof tags / sizeof tags[0])

static void check_uris(struct zl_txt_check *c, const char *tag, size_t v0, size_t vl)
{
    const char *v = c->v;
    size_t i = v0, end = v0 + vl;
    while (i <= end) {
        size_t s = i;
        while (i < end && v[i] != ',')
            i++;
        size_t a = s, b = i;
        while (a < b && is_wsp(v[a]))
            a++;
        while (b > a && is_wsp(v[b - 1]))
            b--;
        if (b == a) {
            zl_txt_check_report(c, s, 1, false, "DMARC: empty entry in %s=", tag);
        } else if (!zl_pattern_match(c->pats, ZL_PAT_DMARC_URI, v + a, b - a)) {
            const char *u = v + a;
            size_t ul = b - a;
            if (!memchr(u, ':', ul) && memchr(u, '@', ul))
                zl_txt_check_report(c, a, ul, false, "DMARC: %s= needs URIs: write 'mailto:%.*s'", tag,
                                    (int)ul, u);
            else if (!zl_ascii_has_prefix(u, ul, "mailto:"))
                zl_txt_check_report(c, a, ul, false, "DMARC: '%.*s' in %s= is not a mailto: URI", (int)ul,
                                    u, tag);
            else
                zl_txt_check_report(c, a, ul, false, "DMARC: '%.*s' in %s= is not a valid mailto: URI",
                                    (int)ul, u, tag);
        }
        i++;
    }
}

static bool interval_ok(const char *val, size_t vl)
{
    unsigned long long x = 0;
    for (size_t k = 0; k < vl; k++)
        x = x * 10 + (unsigned)(val[k] - '0');
    return x <= 4294967295ull;
}

static void dmarc_syntax(struct zl_txt_check *c)
{
    const char *v = c->v;
    size_t n = c->n;
    bool seen[NTAGS] = { false };
    size_t idx = 0;
    bool have_p = false, bad_first = false;
    size_t i = 0;
    while (i < n) {
        size_t s = i;
        while (i < n && v[i] != ';')
            i++;
        size_t a = s, b = i;
        i++; /* past ';' */
        while (a < b && is_wsp(v[a]))
            a++;
        while (b > a && is_wsp(v[b - 1]))
            b--;
        if (a == b)
            continue; /* "p=none;" ends with an empty tag: allowed */
        const char *eq = memchr(v + a, '=', b - a);
        if (!eq) {
            zl_txt_check_report(c, a, b - a, false, "DMARC: '%.*s' is not a tag=value pair", (int)(b - a),
                                v + a);
            idx++;
            continue;
        }
        size_t ne = (size_t)(eq - v);
        size_t nb = ne;
        while (nb > a && is_wsp(v[nb - 1]))
            nb--;
        size_t v0 = ne + 1;
        while (v0 < b && is_wsp(v[v0]))
            v0++;
        const char *name = v + a;
        size_t nl = nb - a;
        const char *val = v + v0;
        size_t vl = b - v0;

        size_t t = 0;
        while (t < NTAGS && !eq_nocase(name, nl, tags[t].name))
            t++;
        if (idx == 0) {
            bad_first = t != 0;
            if (bad_first)
                zl_txt_check_report(c, a, b - a, false, "DMARC: the record must start with v=DMARC1, "
                                    "not '%.*s'; receivers ignore it", (int)(b - a), v + a);
            else if (!(vl == 6 && memcmp(val, "DMARC1", 6) == 0))
                zl_txt_check_report(c, a, b - a, false, "DMARC: version must be 'DMARC1' (upper case), "
                                    "got '%.*s'", (int)vl, val);
        }
        idx++;
        if (t == NTAGS) {
            if (idx > 1 || !bad_first) /* a bad first tag is reported once, above */
                zl_txt_check_report(c, a, b - a, true, "DMARC: unknown tag '%.*s' is ignored by receivers",
                                    (int)nl, name);
            continue;
        }
        if (seen[t]) {
            zl_txt_check_report(c, a, b - a, false, "DMARC: tag '%s' appears twice", tags[t].name);
            continue;
        }
        seen[t] = true;
        const struct tag *tag = &tags[t];
        bool ok = true;
        switch (tag->kind) {
        case TAG_VERSION:
            if (idx != 1 && !bad_first)
                zl_txt_check_report(c, a, b - a, false, "DMARC: v=DMARC1 must be the first tag");
            break;
        case TAG_POLICY:
            have_p = true;
            if (idx != 2 && !bad_first)
                zl_txt_check_report(c, a, b - a, true, "DMARC: p= should come right after v=DMARC1 "
                                    "(RFC 7489 6.4)");
            break;
        case TAG_URIS:
            check_uris(c, tag->name, v0, vl);
            break;
        case TAG_INTERVAL:
            ok = !zl_pattern_match(c->pats, tag->pattern, val, vl) || interval_ok(val, vl);
            break;
        case TAG_PATTERN:
            break;
        }
        if (tag->pattern != ZL_PAT__COUNT && (!ok || !zl_pattern_match(c->pats, tag->pattern, val, vl)))
            zl_txt_check_report(c, v0 < b ? v0 : a, v0 < b ? vl : b - a, false,
                                "DMARC: %s=%.*s is invalid: expected %s%s", tag->name, (int)vl, val,
                                tag->expect, memchr(val, '=', vl) ? " (tags are separated by ';', not ',')" : "");
    }
    if (!have_p)
        zl_txt_check_report(c, 0, n, false, "DMARC: the record has no p= tag (the policy is required)");
}

void zl_dmarc_syntax_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    if (!is_dmarc_owner(&rec->owner))
        return;
    struct zl_txt_check c;
    zl_txt_check_begin(&c, rec, ctx, ZL_RULE_REF(ZL4103));
    const char *v = c.v;
    size_t n = c.n;
    /* Only what is meant as DMARC: the first tag is v, or v=DMARC1 is in it. */
    size_t k = 0;
    while (k < n && is_wsp(v[k]))
        k++;
    bool first_v = k < n && (v[k] == 'v' || v[k] == 'V');
    if (first_v) {
        size_t e = k + 1;
        while (e < n && is_wsp(v[e]))
            e++;
        first_v = e < n && v[e] == '=';
    }
    if (!first_v && zl_ascii_find(v, n, "v=dmarc1") < 0)
        return;
    dmarc_syntax(&c);
}
