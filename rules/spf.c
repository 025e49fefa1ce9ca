/* SPDX-License-Identifier: MIT */
/* ZL4102 spf-syntax: an SPF record that does not parse or exceeds the DNS
 * lookup limit (RFC 7208 4.6, 5, 6, 7). Mechanisms and modifiers are
 * tables: each says what argument it takes and whether it costs a lookup.
 *
 *   bad:   @  IN TXT "v=spf1 inlcude:_spf.google.com ~all"
 *   good:  @  IN TXT "v=spf1 include:_spf.google.com ~all"
 */
#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>

#include "base/ascii.h"
#include "mail_policy.h"
#include "rules.h"

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

enum { SPF_MAX_LOOKUPS = 10 };

/* What follows a mechanism's name. */
enum spf_arg {
    ARG_NONE,        /* all */
    ARG_DOMAIN,      /* include, exists: ":" domain-spec, required */
    ARG_DOMAIN_CIDR, /* a, mx: [":" domain-spec] [dual-cidr-length] */
    ARG_PTR,         /* ptr: [":" domain-spec], discouraged */
    ARG_IP4,         /* ip4: ":" address [/len] */
    ARG_IP6,         /* ip6: ":" address [/len] */
};

static const struct mechanism {
    const char *name;
    enum spf_arg arg;
    bool lookup;     /* counts against the 10 DNS-querying terms */
} mechanisms[] = {
    { "all", ARG_NONE, false },        { "include", ARG_DOMAIN, true }, { "exists", ARG_DOMAIN, true },
    { "a", ARG_DOMAIN_CIDR, true },    { "mx", ARG_DOMAIN_CIDR, true }, { "ptr", ARG_PTR, true },
    { "ip4", ARG_IP4, false },         { "ip6", ARG_IP6, false },
};

/* Modifiers RFC 7208 defines; each may appear once. */
static const struct modifier {
    const char *name;
    bool lookup;
} modifiers[] = { { "redirect", true }, { "exp", false } };

struct spf_state {
    struct zl_txt_check c;
    unsigned lookups;
    size_t all_at, redirect_at, exp_at; /* SIZE_MAX: not seen */
    bool reported_after_all, reported_lookups;
};

static bool eq_nocase(const char *s, size_t n, const char *p)
{
    return strlen(p) == n && zl_ascii_has_prefix(s, n, p);
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
static bool domain_spec_ok(const struct zl_txt_check *c, const char *s, size_t n)
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
            if (zl_ascii_has_prefix(t + i, n - i, starts[k]))
                return " (TXT strings are joined without a space: end the first string with "
                       "a space)";
    }
    return "";
}

static void count_lookup(struct spf_state *s, size_t t0, size_t tl)
{
    if (++s->lookups == SPF_MAX_LOOKUPS + 1 && !s->reported_lookups) {
        s->reported_lookups = true;
        zl_txt_check_report(&s->c, t0, tl, false, "SPF: more than %d DNS-querying terms (include, a, "
                            "mx, ptr, exists, redirect); receivers return a permanent error",
                            SPF_MAX_LOOKUPS);
    }
}

static bool ip6_ok(const struct zl_txt_check *c, const char *arg, size_t al)
{
    if (al < 2 || *arg != ':')
        return false;
    size_t adl = until_slash(arg + 1, al - 1);
    char addr[64];
    unsigned char bin[16];
    if (adl == 0 || adl >= sizeof addr)
        return false;
    memcpy(addr, arg + 1, adl);
    addr[adl] = '\0';
    if (inet_pton(AF_INET6, addr, bin) != 1)
        return false;
    return adl + 1 >= al || zl_pattern_match(c->pats, ZL_PAT_SPF_IP6_CIDR, arg + 1 + adl, al - 1 - adl);
}

/* name "=" value (RFC 7208 6); t is the whole term. */
static void modifier_term(struct spf_state *s, size_t t0, const char *t, size_t tl, size_t nl)
{
    struct zl_txt_check *c = &s->c;
    const char *val = t + nl + 1;
    size_t vl = tl - nl - 1;
    const struct modifier *mod = NULL;
    for (size_t k = 0; k < sizeof modifiers / sizeof modifiers[0]; k++)
        if (eq_nocase(t, nl, modifiers[k].name))
            mod = &modifiers[k];
    if (mod) {
        bool redirect = mod == &modifiers[0];
        size_t *at = redirect ? &s->redirect_at : &s->exp_at;
        if (*at != SIZE_MAX)
            zl_txt_check_report(c, t0, tl, false, "SPF: '%.*s=' appears twice; a repeated "
                                "modifier is a permanent error", (int)nl, t);
        *at = t0;
        if (!domain_spec_ok(c, val, vl))
            zl_txt_check_report(c, t0, tl, false, "SPF: '%.*s' needs a domain name after '='%s",
                                (int)tl, t, glued_hint(t, tl));
        if (mod->lookup)
            count_lookup(s, t0, tl);
        if (redirect && s->all_at != SIZE_MAX)
            zl_txt_check_report(c, t0, tl, true, "SPF: 'redirect=' is ignored because the record "
                                "has an 'all' mechanism");
        return;
    }
    for (size_t k = 0; k < sizeof mechanisms / sizeof mechanisms[0]; k++)
        if (eq_nocase(t, nl, mechanisms[k].name)) {
            zl_txt_check_report(c, t0, tl, false, "SPF: '%.*s' is a mechanism: write '%.*s:%.*s', "
                                "with ':' instead of '='", (int)nl, t, (int)nl, t, (int)vl, val);
            return;
        }
    if (!zl_pattern_match(c->pats, ZL_PAT_SPF_MACRO_STRING, val, vl))
        zl_txt_check_report(c, t0, tl, false, "SPF: modifier '%.*s' has an invalid value", (int)tl, t);
    else
        zl_txt_check_report(c, t0, tl, true, "SPF: unknown modifier '%.*s=' is ignored by receivers",
                            (int)nl, t);
}

/* [qualifier] name [":" domain-spec] [cidr] */
static void mechanism_term(struct spf_state *s, size_t t0, const char *t, size_t tl)
{
    struct zl_txt_check *c = &s->c;
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

    if (s->all_at != SIZE_MAX && !s->reported_after_all) {
        s->reported_after_all = true;
        zl_txt_check_report(c, t0, tl, true, "SPF: '%.*s' comes after 'all' and is never evaluated",
                            (int)tl, t);
    }
    const struct mechanism *mech = NULL;
    for (size_t k = 0; k < sizeof mechanisms / sizeof mechanisms[0]; k++)
        if (eq_nocase(m, nl, mechanisms[k].name))
            mech = &mechanisms[k];
    if (!mech) {
        /* "~all!": a known mechanism with a stray character after it */
        const char *hint = "";
        for (size_t k = 0; k < sizeof mechanisms / sizeof mechanisms[0] && nl > 1 && !al; k++)
            if (eq_nocase(m, nl - 1, mechanisms[k].name) && !((m[nl - 1] | 0x20) >= 'a' && (m[nl - 1] | 0x20) <= 'z'))
                hint = " (a stray character after a mechanism)";
        zl_txt_check_report(c, t0, tl, false, "SPF: unknown mechanism '%.*s'%s; receivers return a "
                            "permanent error", (int)tl, t, hint);
        return;
    }
    switch (mech->arg) {
    case ARG_NONE:
        if (al)
            zl_txt_check_report(c, t0, tl, false, "SPF: 'all' takes no argument");
        if (s->all_at == SIZE_MAX)
            s->all_at = t0;
        if (s->redirect_at != SIZE_MAX)
            zl_txt_check_report(c, s->redirect_at, 8, true, "SPF: 'redirect=' is ignored because the "
                                "record has an 'all' mechanism");
        break;
    case ARG_DOMAIN:
        if (al < 2 || *arg != ':' || !domain_spec_ok(c, arg + 1, al - 1))
            zl_txt_check_report(c, t0, tl, false, "SPF: '%.*s' needs ':' and a domain name, got "
                                "'%.*s'%s", (int)nl, m, (int)tl, t, glued_hint(t, tl));
        break;
    case ARG_DOMAIN_CIDR: {
        size_t dl = 0;
        if (al && *arg == ':') {
            dl = until_slash(arg + 1, al - 1);
            if (!domain_spec_ok(c, arg + 1, dl))
                zl_txt_check_report(c, t0, tl, false, "SPF: '%.*s' has an invalid domain name%s",
                                    (int)tl, t, glued_hint(t, tl));
            dl++;
        }
        if (!zl_pattern_match(c->pats, ZL_PAT_SPF_DUAL_CIDR, arg + dl, al - dl))
            zl_txt_check_report(c, t0, tl, false, "SPF: '%.*s' has an invalid prefix length (/0-32 "
                                "for IPv4, //0-128 for IPv6)", (int)tl, t);
        break;
    }
    case ARG_PTR:
        if (al && (*arg != ':' || !domain_spec_ok(c, arg + 1, al - 1)))
            zl_txt_check_report(c, t0, tl, false, "SPF: '%.*s' has an invalid domain name", (int)tl, t);
        else
            zl_txt_check_report(c, t0, tl, true, "SPF: 'ptr' is slow and unreliable and should not be "
                                "used (RFC 7208 5.5)");
        break;
    case ARG_IP4:
        if (al < 2 || *arg != ':' || !zl_pattern_match(c->pats, ZL_PAT_SPF_IP4, arg + 1, al - 1))
            zl_txt_check_report(c, t0, tl, false, "SPF: '%.*s' is not an IPv4 address or network "
                                "(ip4:192.0.2.0/24)", (int)tl, t);
        break;
    case ARG_IP6:
        if (!ip6_ok(c, arg, al))
            zl_txt_check_report(c, t0, tl, false, "SPF: '%.*s' is not an IPv6 address or network "
                                "(ip6:2001:db8::/32)", (int)tl, t);
        break;
    }
    if (mech->lookup)
        count_lookup(s, t0, tl);
}

void zl_spf_syntax_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    char pre[8];
    if (!zl_spf_is_record(pre, zl_txt_prefix(rec, pre, 7)))
        return;
    struct spf_state s;
    memset(&s, 0, sizeof s);
    s.all_at = s.redirect_at = s.exp_at = SIZE_MAX;
    zl_txt_check_begin(&s.c, rec, ctx, ZL_RULE_REF(ZL4102));
    const char *v = s.c.v;
    size_t n = s.c.n;
    for (size_t i = 6; i < n;) {
        if (v[i] == ' ') {
            i++;
            continue;
        }
        size_t t0 = i;
        while (i < n && v[i] != ' ')
            i++;
        const char *t = v + t0;
        size_t tl = i - t0;
        /* A modifier's name ends at '=', before any ':' or '/'. */
        const char *eq = memchr(t, '=', tl);
        const char *colon = memchr(t, ':', tl);
        const char *slash = memchr(t, '/', tl);
        if (eq && (!colon || eq < colon) && (!slash || eq < slash) &&
            zl_pattern_match(s.c.pats, ZL_PAT_SPF_NAME, t, (size_t)(eq - t)))
            modifier_term(&s, t0, t, tl, (size_t)(eq - t));
        else
            mechanism_term(&s, t0, t, tl);
    }
}
