/* Mail policy records in TXT (generic, not provider specific):
 *   ZL4101 spf-multiple   two or more v=spf1 records at one name (RFC 7208 3.2)
 *   ZL4102 spf-syntax     an SPF record that does not parse (RFC 7208 4.6, 5, 6, 7)
 *   ZL4103 dmarc-syntax   a DMARC record at _dmarc.* that does not parse (RFC 7489 6.3, 6.4)
 *
 *   bad:   @       IN TXT "v=spf1 inlcude:_spf.google.com ~all"
 *          _dmarc  IN TXT "v=DMARC1; rua=dmarc@example.com; p=none"
 *   good:  @       IN TXT "v=spf1 include:_spf.google.com ~all"
 *          _dmarc  IN TXT "v=DMARC1; p=none; rua=mailto:dmarc@example.com"
 *
 * A TXT record's strings are joined without a separator before checking,
 * as receivers do. Only records that start with the version tag are parsed,
 * so the per-record cost for ordinary TXT records is a prefix compare.
 * Findings the RFC calls a permerror are errors; the rest (ignored terms,
 * tag order, unknown tags, ptr) are one level softer. */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "patterns.h"
#include "rules.h"
#include "types.h"

const char zl_explain_spf_multiple[] =
    "A name may publish at most one SPF record (RFC 7208 3.2). When a\n"
    "receiver finds two TXT records that start with v=spf1 at the same name,\n"
    "SPF evaluation ends with a permanent error and the mail is treated as if\n"
    "it had no valid SPF at all, which DMARC then counts as a failure. It\n"
    "usually happens when a second sending service is set up and its\n"
    "instructions say \"add this TXT record\".\n"
    "\n"
    "Merge the mechanisms into one record.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    @  3600 IN TXT \"v=spf1 include:_spf.google.com ~all\"\n"
    "    @  3600 IN TXT \"v=spf1 include:amazonses.com ~all\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    @  3600 IN TXT \"v=spf1 include:_spf.google.com include:amazonses.com ~all\"\n";

const char zl_explain_spf_syntax[] =
    "An SPF record (a TXT record starting with v=spf1; its strings are joined\n"
    "without a separator) is a list of mechanisms and modifiers separated by\n"
    "spaces (RFC 7208). Receivers return a permanent error, which counts as a\n"
    "failure, when the record does not parse: an unknown mechanism (ipv4:,\n"
    "a misspelt include:), an include: or exists: without a domain, a bad\n"
    "ip4:/ip6: address or prefix length, a repeated redirect= or exp=, or\n"
    "more than 10 mechanisms and modifiers that need DNS lookups (include,\n"
    "a, mx, ptr, exists, redirect).\n"
    "\n"
    "Softer findings are reported as warnings: mechanisms after all are never\n"
    "evaluated, redirect= is ignored when the record has all, ptr is slow and\n"
    "should not be used, and unknown modifiers are ignored.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    @  3600 IN TXT \"v=spf1 ip4:192.0.2.0/33 inlcude:_spf.google.com -all a\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    @  3600 IN TXT \"v=spf1 ip4:192.0.2.0/24 include:_spf.google.com a -all\"\n";

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

const uint16_t zl_types_txt[] = { ZL_T_TXT, 0 };


#define MAX_JOINED 65536

/* ---- the joined value and where its bytes were written ---------------- */

static inline unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static bool prefix_nocase(const char *s, size_t n, const char *p)
{
    size_t m = strlen(p);
    if (n < m)
        return false;
    for (size_t i = 0; i < m; i++)
        if (lower((unsigned char)s[i]) != (unsigned char)p[i])
            return false;
    return true;
}

static bool eq_nocase(const char *s, size_t n, const char *p)
{
    return strlen(p) == n && prefix_nocase(s, n, p);
}

/* Joins the record's strings into out (at most MAX_JOINED bytes). */
static size_t join_txt(const struct zl_record *rec, char *out)
{
    size_t n = 0;
    for (size_t p = 0; p < rec->rdlen;) {
        size_t l = rec->rdata[p];
        if (p + 1 + l > rec->rdlen || n + l > MAX_JOINED)
            break;
        memcpy(out + n, rec->rdata + p + 1, l);
        n += l;
        p += 1 + l;
    }
    return n;
}

/* The first few bytes of the joined value, without joining all of it. */
static size_t txt_prefix(const struct zl_record *rec, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t p = 0; p < rec->rdlen && n < cap;) {
        size_t l = rec->rdata[p];
        if (p + 1 + l > rec->rdlen)
            break;
        size_t take = l < cap - n ? l : cap - n;
        memcpy(out + n, rec->rdata + p + 1, take);
        n += take;
        p += 1 + l;
    }
    return n;
}

/* Offset in the written token text of decoded byte k. */
static size_t written_offset(const struct zl_token *tok, size_t k)
{
    size_t i = 0;
    while (k > 0 && i < tok->len) {
        if (tok->text[i] == '\\' && i + 1 < tok->len) {
            const char *p = tok->text + i + 1;
            bool ddd = i + 3 < tok->len && p[0] >= '0' && p[0] <= '9' && p[1] >= '0' &&
                       p[1] <= '9' && p[2] >= '0' && p[2] <= '9';
            i += ddd ? 4 : 2;
        } else {
            i++;
        }
        k--;
    }
    return i;
}

/* Span of joined bytes [off, off+len): inside the token that wrote them
 * when that is on one line, else the whole string or record. */
static struct zl_span value_span(const struct zl_record *rec, size_t off, size_t len)
{
    if ((rec->owner_flags & ZL_OWNER_GENERATED) || rec->generic)
        return rec->span;
    /* The wire strings, one token each (TXT and SPF): the field array may
     * end before the strings do (ZL_RDATA_MAX_FIELDS). */
    size_t base = 0, pos = 0;
    for (uint32_t i = 0; pos < rec->rdlen; i++) {
        size_t l = rec->rdata[pos];
        size_t next = pos + 1 + l;
        /* Past this string, unless it is the last: then clamp to its end. */
        if (off >= base + l && next < rec->rdlen) {
            base += l;
            pos = next;
            continue;
        }
        if (i >= rec->ntoks)
            return rec->span;
        const struct zl_token *tok = &rec->toks[i];
        struct zl_span s = tok->span;
        if (s.line != s.end_line)
            return s;
        uint32_t q = (tok->flags & ZL_TOK_QUOTED) ? 1 : 0;
        size_t a = off > base ? off - base : 0;
        size_t b = off + len - base < l ? off + len - base : l;
        s.col = tok->span.col + q + (uint32_t)written_offset(tok, a);
        s.end_col = tok->span.col + q + (uint32_t)written_offset(tok, b);
        if (s.end_col <= s.col)
            s.end_col = s.col + 1;
        return s;
    }
    return rec->span;
}

/* Findings the RFC does not call fatal are one level softer than the rule,
 * unless the user changed the rule's severity (then theirs holds). */
static void soften(struct zl_diag *d, const struct zl_rule *rule)
{
    if (d && d->severity == rule->severity && d->severity > ZL_SEV_INFO)
        d->severity = (enum zl_severity)(d->severity - 1);
}

static bool is_spf(const char *v, size_t n)
{
    return prefix_nocase(v, n, "v=spf1") && (n == 6 || v[6] == ' ');
}

struct scratch {
    char buf[MAX_JOINED];
};

static char *scratch(struct zl_ctx *ctx, const struct zl_rule *rule)
{
    struct scratch **slot = (struct scratch **)zl_ctx_state(ctx, rule);
    if (!*slot)
        *slot = zl_ctx_alloc(ctx, sizeof **slot);
    return (*slot)->buf;
}

/* ---- spf-multiple ------------------------------------------------------------ */

struct owner_set {
    uint64_t *keys;
    uint32_t *lines;
    size_t cap, used;
};

/* Returns the line of an earlier SPF record at this owner, or 0 after
 * remembering this one. */
static uint32_t seen_before(struct zl_ctx *ctx, struct owner_set *s, uint64_t key, uint32_t line)
{
    if ((s->used + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        uint64_t *keys = zl_ctx_alloc(ctx, cap * sizeof *keys);
        uint32_t *lines = zl_ctx_alloc(ctx, cap * sizeof *lines);
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->keys[i])
                continue;
            size_t j = s->keys[i] & (cap - 1);
            while (keys[j])
                j = (j + 1) & (cap - 1);
            keys[j] = s->keys[i];
            lines[j] = s->lines[i];
        }
        s->keys = keys;
        s->lines = lines;
        s->cap = cap;
    }
    size_t j = key & (s->cap - 1);
    while (s->keys[j]) {
        if (s->keys[j] == key)
            return s->lines[j] ? s->lines[j] : 1;
        j = (j + 1) & (s->cap - 1);
    }
    s->keys[j] = key;
    s->lines[j] = line;
    s->used++;
    return 0;
}

void zl_check_spf_multiple(const struct zl_record *rec, struct zl_ctx *ctx)
{
    char pre[8];
    size_t n = txt_prefix(rec, pre, 7);
    if (!is_spf(pre, n))
        return;
    const struct zl_rule *rule = ZL_RULE_REF(ZL4101);
    struct owner_set **slot = (struct owner_set **)zl_ctx_state(ctx, rule);
    if (!*slot)
        *slot = zl_ctx_alloc(ctx, sizeof **slot);
    uint32_t first = seen_before(ctx, *slot, zl_name_hash64(&rec->owner), rec->span.line);
    if (!first)
        return;
    char owner[ZL_NAME_TEXT_MAX];
    zl_name_to_text(&rec->owner, owner);
    struct zl_span sp = value_span(rec, 0, 6);
    struct zl_diag *d = zl_report(ctx, rule, &sp,
                                  "second SPF record at '%s' (the first is at line %u): with more "
                                  "than one v=spf1 record SPF fails with a permanent error",
                                  owner, first);
    if (d)
        zl_diag_add_note(d, "merge the mechanisms into one record (RFC 7208 3.2)");
}

/* ---- spf-syntax ---------------------------------------------------------------- */

struct spf_check {
    const struct zl_record *rec;
    struct zl_ctx *ctx;
    const struct zl_rule *rule;
    const struct zl_patterns *pats;
    const char *v;
};

static void spf_report(struct spf_check *c, size_t off, size_t len, bool soft, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void spf_report(struct spf_check *c, size_t off, size_t len, bool soft, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    struct zl_span sp = value_span(c->rec, off, len);
    struct zl_diag *d = zl_report(c->ctx, c->rule, &sp, "%s", msg);
    if (soft)
        soften(d, c->rule);
}

/* Splits "name:arg/cidr" style arguments: the domain-spec part ends at the
 * first '/' (macros with '/' delimiters are rare enough to ignore). */
static size_t until_slash(const char *s, size_t n)
{
    const char *p = memchr(s, '/', n);
    return p ? (size_t)(p - s) : n;
}

/* RFC 7208 7.1 syntax; without macros the name must also be a plain host
 * name, which catches two strings joined without a space. */
static bool domain_spec_ok(struct spf_check *c, const char *s, size_t n)
{
    if (n == 0 || !zl_pattern_match(c->pats, ZL_PAT_SPF_DOMAIN_SPEC, s, n))
        return false;
    return memchr(s, '%', n) || zl_pattern_match(c->pats, ZL_PAT_HOSTNAME, s, n);
}

/* "...cominclude:b.example" : a mechanism glued to the previous term. */
static const char *glued_hint(const char *t, size_t n)
{
    static const char *const starts[] = { "include:", "ip4:", "ip6:", "exists:", "redirect=",
                                          "-all", "~all" };
    for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++) {
        size_t m = strlen(starts[k]);
        for (size_t i = 1; i + m <= n; i++)
            if (prefix_nocase(t + i, n - i, starts[k]))
                return " (TXT strings are joined without a space: end the first string with "
                       "a space)";
    }
    return "";
}

enum { SPF_MAX_LOOKUPS = 10 };

static void spf_syntax(struct spf_check *c, size_t n)
{
    const char *v = c->v;
    unsigned lookups = 0;
    size_t all_at = SIZE_MAX, redirect_at = SIZE_MAX, exp_at = SIZE_MAX;
    bool reported_after_all = false, reported_lookups = false;
    size_t i = 6;
    while (i < n) {
        if (v[i] == ' ') {
            i++;
            continue;
        }
        size_t t0 = i;
        while (i < n && v[i] != ' ')
            i++;
        const char *t = v + t0;
        size_t tl = i - t0;

        /* Modifier: name "=" value (RFC 7208 6). */
        const char *eq = memchr(t, '=', tl);
        const char *colon = memchr(t, ':', tl);
        const char *slash = memchr(t, '/', tl);
        if (eq && (!colon || eq < colon) && (!slash || eq < slash) &&
            zl_pattern_match(c->pats, ZL_PAT_SPF_NAME, t, (size_t)(eq - t))) {
            size_t nl = (size_t)(eq - t);
            const char *val = eq + 1;
            size_t vl = tl - nl - 1;
            if (eq_nocase(t, nl, "redirect") || eq_nocase(t, nl, "exp")) {
                bool redirect = nl == 8;
                size_t *at = redirect ? &redirect_at : &exp_at;
                if (*at != SIZE_MAX)
                    spf_report(c, t0, tl, false, "SPF: '%.*s=' appears twice; a repeated "
                               "modifier is a permanent error", (int)nl, t);
                *at = t0;
                if (!domain_spec_ok(c, val, vl))
                    spf_report(c, t0, tl, false, "SPF: '%.*s' needs a domain name after '='%s",
                               (int)tl, t, glued_hint(t, tl));
                if (redirect && ++lookups == SPF_MAX_LOOKUPS + 1 && !reported_lookups) {
                    reported_lookups = true;
                    spf_report(c, t0, tl, false, "SPF: more than %d DNS-querying terms (include, a, "
                               "mx, ptr, exists, redirect); receivers return a permanent error",
                               SPF_MAX_LOOKUPS);
                }
                if (redirect && all_at != SIZE_MAX)
                    spf_report(c, t0, tl, true, "SPF: 'redirect=' is ignored because the record "
                               "has an 'all' mechanism");
            } else if (eq_nocase(t, nl, "include") || eq_nocase(t, nl, "a") ||
                       eq_nocase(t, nl, "mx") || eq_nocase(t, nl, "ptr") ||
                       eq_nocase(t, nl, "ip4") || eq_nocase(t, nl, "ip6") ||
                       eq_nocase(t, nl, "exists") || eq_nocase(t, nl, "all")) {
                spf_report(c, t0, tl, false, "SPF: '%.*s' is a mechanism: write '%.*s:%.*s', "
                           "with ':' instead of '='", (int)nl, t, (int)nl, t, (int)vl, val);
            } else if (!zl_pattern_match(c->pats, ZL_PAT_SPF_MACRO_STRING, val, vl)) {
                spf_report(c, t0, tl, false, "SPF: modifier '%.*s' has an invalid value",
                           (int)tl, t);
            } else {
                spf_report(c, t0, tl, true, "SPF: unknown modifier '%.*s=' is ignored by "
                           "receivers", (int)nl, t);
            }
            continue;
        }

        /* Mechanism: [qualifier] name [":" domain-spec] [cidr]. */
        const char *m = t;
        size_t ml = tl;
        if (*m == '+' || *m == '-' || *m == '~' || *m == '?') {
            m++;
            ml--;
        }
        size_t nl = 0;
        while (nl < ml && m[nl] != ':' && m[nl] != '/')
            nl++;
        const char *arg = m + nl; /* ":" or "/" or end */
        size_t al = ml - nl;

        if (all_at != SIZE_MAX && !reported_after_all) {
            reported_after_all = true;
            spf_report(c, t0, tl, true, "SPF: '%.*s' comes after 'all' and is never evaluated",
                       (int)tl, t);
        }
        bool lookup = false;
        if (eq_nocase(m, nl, "all")) {
            if (al)
                spf_report(c, t0, tl, false, "SPF: 'all' takes no argument");
            if (all_at == SIZE_MAX)
                all_at = t0;
            if (redirect_at != SIZE_MAX)
                spf_report(c, redirect_at, 8, true, "SPF: 'redirect=' is ignored because the "
                           "record has an 'all' mechanism");
        } else if (eq_nocase(m, nl, "include") || eq_nocase(m, nl, "exists")) {
            lookup = true;
            if (al < 2 || *arg != ':' || !domain_spec_ok(c, arg + 1, al - 1))
                spf_report(c, t0, tl, false, "SPF: '%.*s' needs ':' and a domain name, got "
                           "'%.*s'%s", (int)nl, m, (int)tl, t, glued_hint(t, tl));
        } else if (eq_nocase(m, nl, "a") || eq_nocase(m, nl, "mx")) {
            lookup = true;
            size_t dl = 0;
            if (al && *arg == ':') {
                dl = until_slash(arg + 1, al - 1);
                if (!domain_spec_ok(c, arg + 1, dl))
                    spf_report(c, t0, tl, false, "SPF: '%.*s' has an invalid domain name%s",
                               (int)tl, t, glued_hint(t, tl));
                dl++;
            }
            if (!zl_pattern_match(c->pats, ZL_PAT_SPF_DUAL_CIDR, arg + dl, al - dl))
                spf_report(c, t0, tl, false, "SPF: '%.*s' has an invalid prefix length (/0-32 "
                           "for IPv4, //0-128 for IPv6)", (int)tl, t);
        } else if (eq_nocase(m, nl, "ptr")) {
            lookup = true;
            if (al && (*arg != ':' || !domain_spec_ok(c, arg + 1, al - 1)))
                spf_report(c, t0, tl, false, "SPF: '%.*s' has an invalid domain name", (int)tl, t);
            else
                spf_report(c, t0, tl, true, "SPF: 'ptr' is slow and unreliable and should not be "
                           "used (RFC 7208 5.5)");
        } else if (eq_nocase(m, nl, "ip4")) {
            if (al < 2 || *arg != ':' || !zl_pattern_match(c->pats, ZL_PAT_SPF_IP4, arg + 1, al - 1))
                spf_report(c, t0, tl, false, "SPF: '%.*s' is not an IPv4 address or network "
                           "(ip4:192.0.2.0/24)", (int)tl, t);
        } else if (eq_nocase(m, nl, "ip6")) {
            bool ok = al >= 2 && *arg == ':';
            if (ok) {
                size_t adl = until_slash(arg + 1, al - 1);
                char addr[64];
                unsigned char bin[16];
                ok = adl > 0 && adl < sizeof addr;
                if (ok) {
                    memcpy(addr, arg + 1, adl);
                    addr[adl] = '\0';
                    ok = inet_pton(AF_INET6, addr, bin) == 1;
                }
                if (ok && adl + 1 < al)
                    ok = zl_pattern_match(c->pats, ZL_PAT_SPF_IP6_CIDR, arg + 1 + adl, al - 1 - adl);
            }
            if (!ok)
                spf_report(c, t0, tl, false, "SPF: '%.*s' is not an IPv6 address or network "
                           "(ip6:2001:db8::/32)", (int)tl, t);
        } else {
            spf_report(c, t0, tl, false, "SPF: unknown mechanism '%.*s'; receivers return a "
                       "permanent error", (int)tl, t);
        }
        if (lookup && ++lookups == SPF_MAX_LOOKUPS + 1 && !reported_lookups) {
            reported_lookups = true;
            spf_report(c, t0, tl, false, "SPF: more than %d DNS-querying terms (include, a, mx, "
                       "ptr, exists, redirect); receivers return a permanent error",
                       SPF_MAX_LOOKUPS);
        }
    }
}

void zl_check_spf_syntax(const struct zl_record *rec, struct zl_ctx *ctx)
{
    char pre[8];
    size_t n = txt_prefix(rec, pre, 7);
    if (!is_spf(pre, n))
        return;
    const struct zl_rule *rule = ZL_RULE_REF(ZL4102);
    char *v = scratch(ctx, rule);
    n = join_txt(rec, v);
    struct spf_check c = { rec, ctx, rule, zl_ctx_patterns(ctx), v };
    spf_syntax(&c, n);
}

/* ---- dmarc-syntax -------------------------------------------------------------- */

static bool is_dmarc_owner(const struct zl_name *owner)
{
    return owner->nlabels >= 1 && owner->wire[0] == 6 &&
           prefix_nocase((const char *)owner->wire + 1, 6, "_dmarc");
}

static bool contains_nocase(const char *s, size_t n, const char *p)
{
    size_t m = strlen(p);
    for (size_t i = 0; i + m <= n; i++)
        if (prefix_nocase(s + i, n - i, p))
            return true;
    return false;
}

static bool is_wsp(char ch)
{
    return ch == ' ' || ch == '\t';
}

static const char *const dmarc_tags[] = {
    "v", "p", "sp", "np", "rua", "ruf", "adkim", "aspf", "pct", "fo", "rf", "ri", "t", "psd",
};
#define NTAGS (sizeof dmarc_tags / sizeof dmarc_tags[0])

static void dmarc_report(struct spf_check *c, size_t off, size_t len, bool soft, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void dmarc_report(struct spf_check *c, size_t off, size_t len, bool soft, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    struct zl_span sp = value_span(c->rec, off, len);
    struct zl_diag *d = zl_report(c->ctx, c->rule, &sp, "%s", msg);
    if (soft)
        soften(d, c->rule);
}

static void check_uris(struct spf_check *c, const char *tag, size_t v0, size_t vl)
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
            dmarc_report(c, s, 1, false, "DMARC: empty entry in %s=", tag);
        } else if (!zl_pattern_match(c->pats, ZL_PAT_DMARC_URI, v + a, b - a)) {
            const char *u = v + a;
            size_t ul = b - a;
            if (!memchr(u, ':', ul) && memchr(u, '@', ul))
                dmarc_report(c, a, ul, false, "DMARC: %s= needs URIs: write 'mailto:%.*s'", tag,
                             (int)ul, u);
            else if (!prefix_nocase(u, ul, "mailto:"))
                dmarc_report(c, a, ul, false, "DMARC: '%.*s' in %s= is not a mailto: URI", (int)ul,
                             u, tag);
            else
                dmarc_report(c, a, ul, false, "DMARC: '%.*s' in %s= is not a valid mailto: URI",
                             (int)ul, u, tag);
        }
        i++;
    }
}

static void dmarc_syntax(struct spf_check *c, size_t n)
{
    const char *v = c->v;
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
            dmarc_report(c, a, b - a, false, "DMARC: '%.*s' is not a tag=value pair", (int)(b - a),
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
        while (t < NTAGS && !eq_nocase(name, nl, dmarc_tags[t]))
            t++;
        if (idx == 0) {
            bad_first = t != 0;
            if (bad_first)
                dmarc_report(c, a, b - a, false, "DMARC: the record must start with v=DMARC1, "
                             "not '%.*s'; receivers ignore it", (int)(b - a), v + a);
            else if (!(vl == 6 && memcmp(val, "DMARC1", 6) == 0))
                dmarc_report(c, a, b - a, false, "DMARC: version must be 'DMARC1' (upper case), "
                             "got '%.*s'", (int)vl, val);
        }
        idx++;
        if (t == NTAGS) {
            dmarc_report(c, a, b - a, true, "DMARC: unknown tag '%.*s' is ignored by receivers",
                         (int)nl, name);
            continue;
        }
        if (seen[t]) {
            dmarc_report(c, a, b - a, false, "DMARC: tag '%s' appears twice", dmarc_tags[t]);
            continue;
        }
        seen[t] = true;
        const char *tag = dmarc_tags[t];
        bool ok = true;
        enum zl_pattern_id pid = ZL_PAT__COUNT;
        const char *expect = "";
        switch (t) {
        case 0:
            if (idx != 1 && !bad_first)
                dmarc_report(c, a, b - a, false, "DMARC: v=DMARC1 must be the first tag");
            break;
        case 1:
            have_p = true;
            if (idx != 2 && !bad_first)
                dmarc_report(c, a, b - a, true, "DMARC: p= should come right after v=DMARC1 "
                             "(RFC 7489 6.4)");
            /* fall through */
        case 2:
        case 3:
            pid = ZL_PAT_DMARC_POLICY;
            expect = "none, quarantine or reject";
            break;
        case 4:
        case 5:
            check_uris(c, tag, v0, vl);
            break;
        case 6:
        case 7:
            pid = ZL_PAT_DMARC_ALIGN;
            expect = "r (relaxed) or s (strict)";
            break;
        case 8:
            pid = ZL_PAT_DMARC_PCT;
            expect = "a number 0-100";
            break;
        case 9:
            pid = ZL_PAT_DMARC_FO;
            expect = "0, 1, d or s, separated by ':'";
            break;
        case 10:
            pid = ZL_PAT_DMARC_RF;
            expect = "afrf or iodef, separated by ':'";
            break;
        case 11:
            pid = ZL_PAT_DMARC_RI;
            expect = "a number of seconds";
            if (zl_pattern_match(c->pats, pid, val, vl)) {
                unsigned long long x = 0;
                for (size_t k = 0; k < vl; k++)
                    x = x * 10 + (unsigned)(val[k] - '0');
                ok = x <= 4294967295ull;
            }
            break;
        case 12:
            pid = ZL_PAT_DMARC_BOOL;
            expect = "y or n";
            break;
        case 13:
            pid = ZL_PAT_DMARC_PSD;
            expect = "y, n or u";
            break;
        default:
            break;
        }
        if (pid != ZL_PAT__COUNT && (!ok || !zl_pattern_match(c->pats, pid, val, vl)))
            dmarc_report(c, v0 < b ? v0 : a, v0 < b ? vl : b - a, false,
                         "DMARC: %s=%.*s is invalid: expected %s%s", tag, (int)vl, val, expect,
                         memchr(val, '=', vl) ? " (tags are separated by ';', not ',')" : "");
    }
    if (!have_p)
        dmarc_report(c, 0, n, false, "DMARC: the record has no p= tag (the policy is required)");
}

void zl_check_dmarc_syntax(const struct zl_record *rec, struct zl_ctx *ctx)
{
    if (!is_dmarc_owner(&rec->owner))
        return;
    const struct zl_rule *rule = ZL_RULE_REF(ZL4103);
    char *v = scratch(ctx, rule);
    size_t n = join_txt(rec, v);
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
    if (!first_v && !contains_nocase(v, n, "v=dmarc1"))
        return;
    struct spf_check c = { rec, ctx, rule, zl_ctx_patterns(ctx), v };
    dmarc_syntax(&c, n);
}
