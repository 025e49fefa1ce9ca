/* SPDX-License-Identifier: MIT */
/* ZL5001-ZL5009: Amazon SES Easy DKIM records.
 *
 * SES verifies a domain when all three CNAMEs of a set resolve:
 *   <token>._domainkey.<domain>.  CNAME  <token>.dkim.amazonses.com.
 * (some regions sign under dkim.<region>.amazonses.com). References: SES
 * developer guide "Easy DKIM" (send-email-authentication-dkim-easy.md), the
 * SESv2 DkimAttributes/SigningHostedZone docs, and the AWS knowledge-center
 * articles on domains stuck in "verification pending".
 *
 *   bad:   tok._domainkey  CNAME  tok.dkim.amazonses.com      ; origin appended
 *   bad:   tok_domainkey   CNAME  tok.dkim.amazonses.com.     ; no dot before _domainkey
 *   good:  tok._domainkey  CNAME  tok.dkim.amazonses.com.
 *
 * A CNAME is SES's when its target says so: a label amazonses (or a
 * misspelling of it, or one with the zone appended), or <token>.dkim.<your
 * own domain> (a template that put the domain where amazonses.com belongs).
 * The token's shape alone decides nothing: senders that run on SES under
 * their own DKIM domain (Stripe's <token>.dkim.custom-email-domain.stripe.com,
 * Howie's <token>.dkim.howiemail.co) and other senders' DKIM CNAMEs
 * (Microsoft, SendGrid, Mailchimp...) are left alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint/ref.h"
#include "base/ascii.h"
#include "rules.h"
#include "ses_data.h"
#include "rdata/types.h"

enum {
    P_LENGTH = 1 << 0,
    P_CHARSET = 1 << 1,
    P_CASE = 1 << 2,     /* harmless: DNS ignores case */
    P_MISMATCH = 1 << 3,
    P_TARGET = 1 << 4,
    P_GLUED = 1 << 5,
    P_SWAPPED = 1 << 6,
    P_DOUBLED = 1 << 7,  /* the owner ends in the zone name twice (name-doubled-origin says so) */
    P_NAME = 1 << 8,     /* the owner is not <token>._domainkey.<domain> (ses-dkim-name) */
};
#define P_BREAKS (P_LENGTH | P_CHARSET | P_MISMATCH | P_TARGET | P_GLUED | P_SWAPPED | P_DOUBLED | P_NAME)

/* One SES DKIM CNAME as the set rule remembers it. */
struct dkim_entry {
    struct zl_name domain;  /* the identity: owner without token and _domainkey */
    struct zl_name zone;    /* signing domain when the target is valid, else len 0 */
    uint8_t token[64];
    uint8_t token_len;
    unsigned problems;
    const char *reason;
    struct zl_span span;
};

struct set_state {
    struct zl_list entries;
};

/* ---- small helpers ------------------------------------------------------------ */

static bool eq_ci(const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
    return an == bn && zl_ascii_eq(a, b, an);
}

/* The span of the first n bytes of a written token when it starts with
 * exactly those bytes (no escapes), else the whole token. */
static struct zl_span prefix_span(const struct zl_token *t, const uint8_t *s, size_t n)
{
    if (t->len >= n && !(t->flags & ZL_TOK_QUOTED) && memcmp(t->text, s, n) == 0)
        return zl_span_sub(&t->span, 0, (uint32_t)n);
    return t->span;
}

/* A token for messages: printable bytes as they are, others as \DDD. */
static const char *show(const uint8_t *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 5 < cap; i++) {
        if (s[i] > 0x20 && s[i] < 0x7f)
            out[o++] = (char)s[i];
        else
            o += (size_t)snprintf(out + o, cap - o, "\\%03u", s[i]);
    }
    out[o] = '\0';
    return out;
}

/* ---- token checks ------------------------------------------------------------ */

static unsigned check_token(struct zl_ctx *ctx, const uint8_t *tok, size_t n, const struct zl_span *at,
                            const char *where)
{
    char shown[300];
    unsigned p = 0;
    show(tok, n, shown, sizeof shown);
    if (n != 32) {
        p |= P_LENGTH;
        if (n < 32)
            zl_report(ctx, ZL_RULE_REF(ZL5002), at,
                      "DKIM token '%s' in the %s has %zu characters, %zu fewer than the 32 SES issues: "
                      "it was truncated when it was copied",
                      shown, where, n, 32 - n);
        else
            zl_report(ctx, ZL_RULE_REF(ZL5002), at,
                      "DKIM token '%s' in the %s has %zu characters, %zu more than the 32 SES issues: "
                      "extra characters were added when it was copied",
                      shown, where, n, n - 32);
    }
    size_t bad = n;
    bool upper = false;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = tok[i];
        if (c >= 'A' && c <= 'Z') {
            upper = true;
            continue;
        }
        if (!zl_ses_b32_char(c)) {
            bad = i;
            break;
        }
    }
    if (bad < n) {
        p |= P_CHARSET;
        char ch[8];
        show(tok + bad, 1, ch, sizeof ch);
        const char *hint = tok[bad] == '0' ? " ('0' is usually a misread 'o')"
                           : tok[bad] == '1' ? " ('1' is usually a misread 'l' or 'i')"
                           : tok[bad] == '8' ? " ('8' is usually a misread 'b')"
                           : tok[bad] == '9' ? " ('9' is usually a misread 'g')"
                                             : "";
        zl_report(ctx, ZL_RULE_REF(ZL5003), at,
                  "DKIM token '%s' in the %s has '%s' at position %zu; SES tokens use only a-z and 2-7 "
                  "(lowercase base32), so this is not the token SES issued%s",
                  shown, where, ch, bad + 1, hint);
    } else if (upper) {
        p |= P_CASE;
        zl_report(ctx, ZL_RULE_REF(ZL5004), at,
                  "DKIM token '%s' in the %s has uppercase letters; DNS ignores case so it resolves, "
                  "but SES issues lowercase tokens: copy it as shown",
                  shown, where);
    }
    return p;
}

/* ---- the target ------------------------------------------------------------------ */

/* Writes "<token>.<rest>" as expected text into out. */
static void expected(char *out, size_t cap, const uint8_t *tok, size_t n, const char *rest)
{
    snprintf(out, cap, "%.*s.%s", (int)n, (const char *)tok, rest);
}

static unsigned check_target(struct zl_ctx *ctx, const struct zl_record *rec, const struct zl_name *t,
                             const struct zl_token *tt, bool rel, const uint8_t *tok, size_t tn,
                             const struct zl_name *domain, bool certain, const char **reason)
{
    const struct zl_rule *r = ZL_RULE_REF(ZL5001);
    char tname[ZL_NAME_TEXT_MAX], want[ZL_NAME_TEXT_MAX + 80];
    zl_name_text(t, tname);
    struct zl_span at = tt ? tt->span : rec->span;
    struct zl_diag *d;

    if (zl_ses_is_signing_domain(t, 1))
        return 0;

    /* "dkim.amazonses.com." alone: the token is missing. */
    if (zl_ses_is_signing_domain(t, 0)) {
        *reason = "the target lacks the token";
        expected(want, sizeof want, tok, tn, tname);
        d = zl_report(ctx, r, &at, "target '%s' lacks the token; SES expects '%s'", tname, want);
        if (d && certain)
            zl_diag_set_fix(d, at, want, ZL_FIX_UNSAFE);
        return P_TARGET;
    }

    /* The origin was appended: relative in this file, or by a tool. */
    struct zl_name stripped;
    if (zl_name_strip_origin(t, rec->origin, &stripped) && zl_ses_is_signing_domain(&stripped, 1)) {
        zl_name_text(&stripped, want);
        if (rel && tt) {
            *reason = "the target has no trailing dot";
            d = zl_report(ctx, r, &at,
                          "target '%.*s' has no trailing dot, so it expands to '%s'; SES expects '%s'",
                          (int)tt->len, tt->text, tname, want);
        } else {
            *reason = "the target has the zone name appended";
            d = zl_report(ctx, r, &at,
                          "target '%s' has the zone name appended (a DNS tool or provider added it); "
                          "SES expects '%s'",
                          tname, want);
        }
        if (d)
            zl_diag_set_fix(d, at, want, ZL_FIX_SAFE);
        return P_TARGET;
    }

    /* Look at the target without its first label. */
    struct zl_name s;
    zl_name_suffix(&s, t, 1);
    const uint8_t *s0 = zl_name_label(&s, 0);
    const uint8_t *s1 = zl_name_label(&s, 1);
    const uint8_t *s2 = zl_name_label(&s, 2);
    const uint8_t *s3 = zl_name_label(&s, 3);
    *reason = "the target is not an SES signing domain";

    if (zl_name_label_is(s0, "dkim") && s.nlabels > 1) {
        struct zl_name below;
        zl_name_suffix(&below, &s, 1);
        const struct zl_name *origin = zl_ctx_origin(ctx);
        if (zl_name_equal(&below, domain) || (origin && zl_name_equal(&below, origin))) {
            *reason = "the target uses your own domain";
            expected(want, sizeof want, tok, tn, "dkim.amazonses.com.");
            d = zl_report(ctx, r, &at,
                          "target '%s' points into your own domain; SES publishes the DKIM keys under "
                          "dkim.amazonses.com, so it expects '%s'",
                          tname, want);
            if (d)
                zl_diag_add_note(d, "in regions with their own DKIM domain (af-south-1, eu-south-1, ...) "
                                    "the value is <token>.dkim.<region>.amazonses.com.; copy it from the "
                                    "SES console");
            return P_TARGET;
        }
        /* dkim.<region>.amazonses.com. for a region signing under dkim.amazonses.com */
        if (s.nlabels == 4 && zl_name_label_is(s2, "amazonses") && zl_name_label_is(s3, "com")) {
            if (zl_ses_region_known(s1 + 1, s1[0])) {
                *reason = "the region has no regional DKIM domain";
                expected(want, sizeof want, tok, tn, "dkim.amazonses.com.");
                d = zl_report(ctx, r, &at,
                              "target '%s' does not exist: region '%.*s' signs under dkim.amazonses.com, "
                              "so SES expects '%s'",
                              tname, (int)s1[0], (const char *)s1 + 1, want);
                if (d && certain)
                    zl_diag_set_fix(d, at, want, ZL_FIX_UNSAFE);
                return P_TARGET;
            }
            if (zl_ses_region_shaped(s1 + 1, s1[0])) {
                /* a region newer than our table, unless it is a typo of one */
                char near[160];
                if (!zl_aws_region(s1 + 1, s1[0]) && zl_ses_region_nearest(s1 + 1, s1[0], near, sizeof near)) {
                    *reason = "the target's region is misspelt";
                    d = zl_report(ctx, r, &at,
                                  "target '%s' names region '%.*s', which does not exist (nearest: %s): SES's key "
                                  "is not there",
                                  tname, (int)s1[0], (const char *)s1 + 1, near);
                    if (d && d->severity == r->severity)
                        d->severity = ZL_SEV_WARNING;
                    return P_TARGET;
                }
                return 0;
            }
        }
    }

    /* "amazonses.com." or "<region>.amazonses.com." without "dkim." */
    bool bare = s.nlabels == 2 && zl_name_label_is(s0, "amazonses") && zl_name_label_is(s1, "com");
    bool regional = s.nlabels == 3 && zl_name_label_is(s1, "amazonses") && zl_name_label_is(s2, "com") &&
                    zl_ses_region_known(s0 + 1, s0[0]);
    if (bare || regional) {
        *reason = "the target lacks 'dkim.'";
        if (regional && zl_ascii_in_list(zl_ses_dkim_regions, s0 + 1, s0[0])) {
            char reg[80];
            snprintf(reg, sizeof reg, "dkim.%.*s.amazonses.com.", (int)s0[0], (const char *)s0 + 1);
            expected(want, sizeof want, tok, tn, reg);
        } else {
            expected(want, sizeof want, tok, tn, "dkim.amazonses.com.");
        }
        d = zl_report(ctx, r, &at, "target '%s' lacks 'dkim.' before the SES domain; SES expects '%s'",
                      tname, want);
        if (d && certain)
            zl_diag_set_fix(d, at, want, ZL_FIX_UNSAFE);
        return P_TARGET;
    }

    expected(want, sizeof want, tok, tn, "dkim.amazonses.com.");
    int ai = zl_ses_find_amazonses(t);
    const uint8_t *al = ai >= 0 ? zl_name_label(t, (unsigned)ai) : NULL;
    if (al && !zl_name_label_is(al, "amazonses")) {
        *reason = "the target misspells amazonses";
        d = zl_report(ctx, r, &at, "target '%s' misspells 'amazonses' as '%.*s'; SES expects '%s'", tname,
                      (int)al[0], (const char *)al + 1, want);
        if (d && certain && t->nlabels == 4 && ai == 2)
            zl_diag_set_fix(d, at, want, ZL_FIX_UNSAFE);
        return P_TARGET;
    }
    zl_report(ctx, r, &at,
              "target '%s' is not under an SES DKIM signing domain; SES expects '%s' "
              "(or <token>.dkim.<region>.amazonses.com. in regions with their own DKIM domain)",
              tname, want);
    return P_TARGET;
}

/* ---- swapped name and value --------------------------------------------------------- */

static void report_swapped(struct zl_ctx *ctx, const struct zl_record *rec, const struct zl_name *t,
                           const struct zl_token *tt)
{
    char oname[ZL_NAME_TEXT_MAX], tname[ZL_NAME_TEXT_MAX];
    zl_name_text(&rec->owner, oname);
    zl_name_text(t, tname);
    struct zl_span at = zl_record_owner_span(rec);
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL5007), &at,
                                  "name and value are swapped: the name '%s' is the value SES shows and the "
                                  "target '%s' is the name; SES looks up '%s' and finds nothing",
                                  oname, tname, tname);
    if (!d || !tt || !rec->owner_tok.len || rec->span.line != rec->span.end_line)
        return;
    /* Rewrite the record: the value becomes the name, the name (without the
     * origin it picked up) the absolute target. */
    char value[ZL_NAME_TEXT_MAX], cls[16];
    struct zl_name bare;
    if ((rec->owner_flags & ZL_OWNER_RELATIVE) && zl_name_strip_origin(&rec->owner, rec->origin, &bare))
        zl_name_text(&bare, value);
    else
        zl_name_text(&rec->owner, value);
    struct zl_buf b = { 0 };
    zl_buf_put(&b, tt->text, tt->len);
    if (rec->ttl_source == ZL_TTL_EXPLICIT)
        zl_buf_printf(&b, " %u", rec->ttl);
    if (rec->class_explicit)
        zl_buf_printf(&b, " %s", zl_class_to_text(rec->rclass, cls));
    zl_buf_printf(&b, " CNAME %s", value);
    zl_diag_set_fix(d, rec->span, zl_buf_cstr(&b), ZL_FIX_UNSAFE);
    zl_buf_free(&b);
}

/* ---- the record hook -------------------------------------------------------------------- */

static void remember(struct zl_ctx *ctx, const struct zl_name *domain, const struct zl_name *t, bool valid_zone,
                     const uint8_t *tok, size_t tn, unsigned problems, const char *reason,
                     const struct zl_span *span)
{
    const struct zl_rule *set = ZL_RULE_REF(ZL5009);
    if (!zl_ctx_enabled(ctx, set))
        return;
    void **slot = zl_ctx_state(ctx, set);
    if (!*slot)
        *slot = zl_ctx_alloc(ctx, sizeof(struct set_state));
    struct set_state *st = *slot;
    struct dkim_entry *e = zl_list_push(ctx, &st->entries, sizeof *e);
    e->domain = *domain;
    if (valid_zone)
        zl_name_suffix(&e->zone, t, 1);
    if (tn > sizeof e->token)
        tn = sizeof e->token;
    memcpy(e->token, tok, tn);
    e->token_len = (uint8_t)tn;
    e->problems = problems;
    e->reason = reason;
    e->span = *span;
}

/* ZL5006: "<token>_domainkey" as one label. */
static void report_glued(struct zl_ctx *ctx, const struct zl_record *rec, const uint8_t *tok, size_t tn,
                         const struct zl_name *domain)
{
    char oname[ZL_NAME_TEXT_MAX], dname[ZL_NAME_TEXT_MAX];
    zl_name_text(&rec->owner, oname);
    zl_name_text(domain, dname);
    struct zl_span oat = zl_record_owner_span(rec);
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL5006), &oat,
                                  "name '%s' has no dot before '_domainkey', so the token and "
                                  "'_domainkey' form one label; SES looks up '%.*s._domainkey.%s'",
                                  oname, (int)tn, (const char *)tok, dname);
    long at = rec->owner_tok.len ? zl_ascii_find(rec->owner_tok.text, rec->owner_tok.len, "_domainkey") : -1;
    if (d && at > 0) {
        struct zl_buf b = { 0 };
        zl_buf_put(&b, rec->owner_tok.text, (size_t)at);
        zl_buf_putc(&b, '.');
        zl_buf_put(&b, rec->owner_tok.text + at, rec->owner_tok.len - (size_t)at);
        zl_diag_set_fix(d, rec->owner_tok.span, zl_buf_cstr(&b), ZL_FIX_SAFE);
        zl_buf_free(&b);
    }
}

/* ZL5005 (and the target token's length and alphabet): the token in the
 * target differs from the owner's. Returns the problems found. */
static unsigned check_target_token(struct zl_ctx *ctx, const struct zl_record *rec, const uint8_t *t0,
                                   const struct zl_token *tt, const uint8_t *tok, size_t tn,
                                   const char **reason)
{
    if (t0[0] == tn && memcmp(t0 + 1, tok, tn) == 0)
        return 0;
    struct zl_span tat = tt ? prefix_span(tt, t0 + 1, t0[0]) : rec->span;
    if (eq_ci(t0 + 1, t0[0], tok, tn)) {
        check_token(ctx, t0 + 1, t0[0], &tat, "target"); /* case differs only */
        return 0;
    }
    /* Length and alphabet of a target token that is not the owner's. */
    unsigned ttp = check_token(ctx, t0 + 1, t0[0], &tat, "target") & ~P_CASE;
    if (!*reason)
        *reason = (ttp & P_LENGTH) ? (t0[0] < 32 ? "the target token is truncated"
                                                 : "the target token has extra characters")
                                   : "the name and target tokens differ";
    char a[300], b[300];
    show(tok, tn, a, sizeof a);
    show(t0 + 1, t0[0], b, sizeof b);
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL5005), &tat,
                                  "target token '%s' differs from the token '%s' in the name; SES "
                                  "publishes the key for '<token>._domainkey' at "
                                  "'<token>.dkim.amazonses.com.', so both must be the same",
                                  b, a);
    if (d && t0[0] < tn && zl_ascii_eq(t0 + 1, tok, t0[0]))
        zl_diag_add_note(d, "the target token is the name's token with its last %zu character(s) "
                            "cut off",
                         tn - t0[0]);
    else if (d && tn < t0[0] && zl_ascii_eq(t0 + 1, tok, tn))
        zl_diag_add_note(d, "the name's token is the target token with its last %zu character(s) "
                            "cut off",
                         t0[0] - tn);
    else if (d)
        zl_diag_add_note(d, "copy the name and the value from the same row of the SES console");
    return ttp | P_MISMATCH;
}

/* <token>.dkim.<the identity or the zone>: a template that put the domain
 * where amazonses.com belongs (alemuro/terraform-aws-ses-email-forwarding#5). */
static bool own_domain_target(struct zl_ctx *ctx, const struct zl_name *t, const uint8_t *tok, size_t tn,
                              const struct zl_name *domain)
{
    if (t->nlabels < 3 || !zl_ses_tokenish(tok, tn) || !zl_name_label_is(zl_name_label(t, 1), "dkim"))
        return false;
    const uint8_t *t0 = zl_name_label(t, 0);
    if (!eq_ci(t0 + 1, t0[0], tok, tn))
        return false;
    struct zl_name below;
    zl_name_suffix(&below, t, 2);
    const struct zl_name *origin = zl_ctx_origin(ctx);
    return zl_name_equal(&below, domain) || (origin && zl_name_equal(&below, origin));
}

/* How a CNAME's owner looks: "<token>._domainkey" (normal), with the dot
 * lost (glued), name and value swapped ("<token>.dkim.amazonses.com"), or
 * one of the shapes real zones hold where SES finds nothing: the label
 * misspelt ("domainkey", "_domainkeys", "_dkim"), the token left out
 * ("_domainkey" alone), the token or "_domainkey" written twice. */
enum owner_shape {
    SHAPE_NONE, SHAPE_NORMAL, SHAPE_GLUED, SHAPE_SWAPPED,
    SHAPE_LABEL_TYPO, SHAPE_NO_TOKEN, SHAPE_TOKEN_TWICE, SHAPE_DK_TWICE,
};

/* A label that was meant as _domainkey: one edit away, or _dkim/dkim. */
static bool domainkey_like(const uint8_t *l)
{
    if (!l || l[0] < 4 || l[0] > 12)
        return false;
    return zl_ses_one_edit(l + 1, l[0], "_domainkey") || zl_name_label_is(l, "_dkim") ||
           zl_name_label_is(l, "_domainkeys") || zl_name_label_is(l, "domainkeys");
}

static enum owner_shape owner_shape(const struct zl_name *o)
{
    const uint8_t *l0 = zl_name_label(o, 0);
    if (!l0 || o->nlabels < 2)
        return SHAPE_NONE;
    const uint8_t *l1 = zl_name_label(o, 1);
    if (zl_name_label_is(l1, "_domainkey")) {
        if (zl_name_label_is(l0, "_domainkey"))
            return SHAPE_NO_TOKEN; /* _domainkey._domainkey: no token either */
        if (zl_name_label_is(zl_name_label(o, 2), "_domainkey"))
            return SHAPE_DK_TWICE;
        return SHAPE_NORMAL;
    }
    if (zl_name_label_is(l0, "_domainkey"))
        return SHAPE_NO_TOKEN;
    if (l0[0] > 10 && zl_ascii_eq(l0 + 1 + l0[0] - 10, (const uint8_t *)"_domainkey", 10))
        return SHAPE_GLUED;
    if (zl_name_label_is(l1, "dkim") && zl_name_find_label(o, "amazonses") > 1)
        return SHAPE_SWAPPED;
    if (l0[0] == l1[0] && zl_ascii_eq(l0 + 1, l1 + 1, l0[0]) && zl_name_label_is(zl_name_label(o, 2), "_domainkey"))
        return SHAPE_TOKEN_TWICE;
    if (domainkey_like(l1))
        return SHAPE_LABEL_TYPO;
    return SHAPE_NONE;
}

/* ZL5024: the name SES looks up, <token>._domainkey.<domain>, is not the
 * record's; fixes the owner when it was written on one line. */
static void report_name(struct zl_ctx *ctx, const struct zl_record *rec, enum owner_shape shape, const uint8_t *tok,
                        size_t tn, const struct zl_name *domain)
{
    char oname[ZL_NAME_TEXT_MAX], dname[ZL_NAME_TEXT_MAX], why[200];
    zl_name_text(&rec->owner, oname);
    zl_name_text(domain, dname);
    const uint8_t *l1 = zl_name_label(&rec->owner, 1);
    switch (shape) {
    case SHAPE_LABEL_TYPO:
        if (zl_name_label_is(l1, "domainkey"))
            snprintf(why, sizeof why, "'domainkey' lacks its leading underscore");
        else
            snprintf(why, sizeof why, "the label '%.*s' should be '_domainkey'", (int)l1[0], (const char *)l1 + 1);
        break;
    case SHAPE_NO_TOKEN:
        snprintf(why, sizeof why, "the token is missing before '_domainkey'");
        break;
    case SHAPE_TOKEN_TWICE:
        snprintf(why, sizeof why, "the token is written twice");
        break;
    default:
        snprintf(why, sizeof why, "'_domainkey' is written twice");
        break;
    }
    struct zl_span at = zl_record_owner_span(rec);
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL5024), &at,
                                  "name '%s' is not where SES looks: %s; SES looks up '%.*s._domainkey.%s'", oname,
                                  why, (int)tn, (const char *)tok, dname);
    if (!d || !rec->owner_tok.len || (rec->owner_flags & (ZL_OWNER_INHERITED | ZL_OWNER_GENERATED)))
        return;
    /* the owner rewritten as it was written: relative stays relative */
    char want[ZL_NAME_TEXT_MAX + 80];
    snprintf(want, sizeof want, "%.*s._domainkey.%s", (int)tn, (const char *)tok, dname);
    struct zl_name wn, rel;
    if (zl_name_from_text(&wn, want, strlen(want), NULL, NULL) != ZL_NAME_OK)
        return;
    if ((rec->owner_flags & ZL_OWNER_RELATIVE) && rec->origin && zl_name_strip_origin(&wn, rec->origin, &rel)) {
        size_t l = zl_name_to_text(&rel, want);
        if (l > 1 && want[l - 1] == '.')
            want[l - 1] = '\0';
    }
    /* a label written twice is dropped for sure; a misspelt or missing one is a guess */
    bool guess = shape == SHAPE_LABEL_TYPO || shape == SHAPE_NO_TOKEN;
    zl_diag_set_fix(d, rec->owner_tok.span, want, guess ? ZL_FIX_UNSAFE : ZL_FIX_SAFE);
}

void zl_ses_dkim_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    /* Cheap gates first: this runs on every CNAME of the zone. */
    const struct zl_name *o = &rec->owner;
    enum owner_shape shape = owner_shape(o);
    if (shape == SHAPE_NONE || rec->nfields < 1 || rec->fields[0].kind != ZL_FIELD_NAME)
        return;
    const struct zl_field *f = &rec->fields[0];
    struct zl_name t;
    if (!zl_name_from_wire(&t, rec->rdata + f->off, rec->rdlen - f->off))
        return;
    const struct zl_token *tt = f->ntok ? &rec->toks[f->tok] : NULL;
    bool rel = (f->flags & ZL_NAME_F_RELATIVE) != 0;
    const uint8_t *t0 = zl_name_label(&t, 0);
    if (!t0)
        return;

    if (shape == SHAPE_SWAPPED) {
        if (!zl_name_label_is(zl_name_label(&t, 1), "_domainkey"))
            return;
        report_swapped(ctx, rec, &t, tt);
        struct zl_name domain;
        zl_name_suffix(&domain, &t, 2);
        remember(ctx, &domain, &t, false, t0 + 1, t0[0], P_SWAPPED, "name and value are swapped", &rec->span);
        return;
    }

    bool glued = shape == SHAPE_GLUED;
    bool misnamed = shape >= SHAPE_LABEL_TYPO;
    const uint8_t *l0 = zl_name_label(o, 0);
    const uint8_t *tok = shape == SHAPE_NO_TOKEN ? t0 + 1 : l0 + 1;
    size_t tn = glued ? (size_t)l0[0] - 10 : shape == SHAPE_NO_TOKEN ? t0[0] : l0[0];
    struct zl_name domain;
    zl_name_suffix(&domain, o, glued || shape == SHAPE_NO_TOKEN ? 1 : shape >= SHAPE_TOKEN_TWICE ? 3 : 2);
    if (shape == SHAPE_NO_TOKEN && zl_name_label_is(zl_name_label(o, 1), "_domainkey"))
        zl_name_suffix(&domain, o, 2);
    if (zl_ses_find_amazonses(&t) < 0 && (misnamed || !own_domain_target(ctx, &t, tok, tn, &domain)))
        return;
    if (misnamed && !zl_ses_tokenish(tok, tn))
        return; /* another sender's selector (s1.domainkey...) */
    /* tok._domainkey.example.com.example.com.: the identity is example.com.,
     * not a second one named example.com.example.com. */
    bool doubled = false;
    const struct zl_name *zone = zl_ctx_origin(ctx);
    const struct zl_name *orig = rec->origin ? rec->origin : zone;
    struct zl_name once;
    if (orig && orig->nlabels && zl_name_is_subdomain(&domain, orig) &&
        zl_name_ends_in_before(&domain, orig->nlabels, orig) && zl_name_strip_origin(&domain, orig, &once)) {
        domain = once;
        doubled = true;
    }
    unsigned problems = doubled ? P_DOUBLED : 0;
    const char *reason = doubled ? "the name has the zone name twice" : NULL;
    struct zl_span tokat = rec->owner_tok.len ? prefix_span(&rec->owner_tok, tok, tn) : rec->span;
    if (misnamed) {
        problems |= P_NAME;
        reason = shape == SHAPE_NO_TOKEN      ? "the name lacks the token"
                 : shape == SHAPE_TOKEN_TWICE ? "the name has the token twice"
                 : shape == SHAPE_DK_TWICE    ? "the name has '_domainkey' twice"
                                              : "the name's '_domainkey' label is misspelt";
        report_name(ctx, rec, shape, tok, tn, &domain);
        if (shape == SHAPE_NO_TOKEN)
            tokat = rec->span; /* the token is in the target only */
    }
    if (glued) {
        problems |= P_GLUED;
        reason = "no dot before _domainkey";
        report_glued(ctx, rec, tok, tn, &domain);
    }

    unsigned tp = shape == SHAPE_NO_TOKEN ? 0 : check_token(ctx, tok, tn, &tokat, "name");
    problems |= tp;
    if ((tp & P_LENGTH) && !reason)
        reason = tn < 32 ? "the token is truncated" : "the token has extra characters";
    if ((tp & P_CHARSET) && !reason)
        reason = "the token has characters outside a-z and 2-7";

    bool token_target = !zl_ses_is_signing_domain(&t, 0);
    if (token_target)
        problems |= check_target_token(ctx, rec, t0, tt, tok, tn, &reason);

    /* A fix-it rewrites the target with the name's token: only when the
     * target already carries that token (or none). */
    const char *treason = NULL;
    bool certain = !token_target || eq_ci(t0 + 1, t0[0], tok, tn);
    unsigned tgp = check_target(ctx, rec, &t, tt, rel, tok, tn, &domain, certain, &treason);
    problems |= tgp;
    if (tgp && !reason)
        reason = treason;
    remember(ctx, &domain, &t, tgp == 0, tok, tn, problems, reason, &rec->span);
}


/* ---- ZL5008: the value published as TXT ------------------------------------------------ */

void zl_ses_dkim_as_txt_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    const uint8_t *l0 = zl_name_label(&rec->owner, 0);
    if (!l0 || !zl_name_label_is(zl_name_label(&rec->owner, 1), "_domainkey") || !zl_ses_tokenish(l0 + 1, l0[0]))
        return;
    char v[300];
    unsigned ns;
    size_t n = zl_txt_join(rec, v, sizeof v, &ns);
    if (n >= sizeof v)
        return;
    size_t a = 0;
    while (a < n && (v[a] == ' ' || v[a] == '\t' || v[a] == '"'))
        a++;
    while (n > a && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '"'))
        n--;
    size_t end = n && v[n - 1] == '.' ? n - 1 : n;
    static const char suffix[] = ".amazonses.com";
    size_t sl = sizeof suffix - 1;
    if (end - a <= sl || !zl_ascii_eq((const uint8_t *)v + end - sl, (const uint8_t *)suffix, sl))
        return;
    for (size_t i = a; i < end; i++) {
        char c = v[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'))
            return;
    }
    char oname[ZL_NAME_TEXT_MAX];
    zl_name_text(&rec->owner, oname);
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL5008), &rec->type_span,
                                  "'%s' is a TXT record holding '%.*s'; SES looks for a CNAME with that "
                                  "value, so it never finds this one",
                                  oname, (int)(end - a), v + a);
    if (d && rec->type_span.line == rec->span.end_line) {
        char fix[400];
        snprintf(fix, sizeof fix, "CNAME %.*s.", (int)(end - a), v + a);
        zl_diag_set_fix(d, zl_span_join(&rec->type_span, &rec->span), fix, ZL_FIX_UNSAFE);
    }
}

/* ---- ZL5009: the set, after the whole file ---------------------------------------------------- */

static int by_domain(const void *a, const void *b)
{
    const struct dkim_entry *x = *(const struct dkim_entry *const *)a;
    const struct dkim_entry *y = *(const struct dkim_entry *const *)b;
    int c = zl_name_compare(&x->domain, &y->domain);
    if (c)
        return c;
    /* valid ones grouped by signing domain, broken ones last */
    if (!x->zone.len != !y->zone.len)
        return x->zone.len ? -1 : 1;
    if (x->zone.len && (c = zl_name_compare(&x->zone, &y->zone)))
        return c;
    if (x->token_len != y->token_len)
        return x->token_len < y->token_len ? -1 : 1;
    for (size_t i = 0; i < x->token_len; i++) {
        uint8_t p = x->token[i] | 0x20, q = y->token[i] | 0x20;
        if (p != q)
            return p < q ? -1 : 1;
    }
    return 0;
}

static bool same_token(const struct dkim_entry *a, const struct dkim_entry *b)
{
    return eq_ci(a->token, a->token_len, b->token, b->token_len);
}

static void judge_domain(struct zl_ctx *ctx, struct dkim_entry **v, size_t n, bool whole)
{
    size_t valid = 0, broken = 0, total = 0;
    const struct dkim_entry *first_broken = NULL;
    for (size_t i = 0; i < n; i++) {
        if (i && same_token(v[i], v[i - 1]) && !v[i]->zone.len == !v[i - 1]->zone.len)
            continue; /* the same CNAME twice counts once */
        total++;
        if (v[i]->problems & P_BREAKS) {
            broken++;
            if (!first_broken || v[i]->span.line < first_broken->span.line)
                first_broken = v[i];
        } else {
            valid++;
        }
    }
    char dname[ZL_NAME_TEXT_MAX];
    zl_name_text(&v[0]->domain, dname);
    if (broken) {
        /* The broken ones in line order (v is sorted by domain and token):
         * up to three named in the message, one note each for the rest. */
        struct zl_buf why = { 0 };
        const struct dkim_entry *order[64];
        size_t no = 0;
        for (uint32_t after = 0; no < sizeof order / sizeof order[0];) {
            const struct dkim_entry *next = NULL;
            for (size_t i = 0; i < n; i++)
                if ((v[i]->problems & P_BREAKS) && v[i]->span.line > after &&
                    (!next || v[i]->span.line < next->span.line))
                    next = v[i];
            if (!next)
                break;
            order[no++] = next;
            after = next->span.line;
        }
        char ref[ZL_LINE_REF_MAX];
        for (size_t i = 0; i < no && i < 3; i++)
            zl_buf_printf(&why, "%s%s: %s", i ? "; " : "",
                          zl_line_ref(&order[i]->span, &first_broken->span, ref, sizeof ref),
                          order[i]->reason ? order[i]->reason : "broken");
        struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL5009), &first_broken->span,
                                      "only %zu of the %zu SES DKIM CNAMEs for '%s' are valid (%s%s); SES "
                                      "verifies the domain only when all three of a set resolve",
                                      valid, total, dname, zl_buf_cstr(&why), no > 3 ? "; more below" : "");
        zl_buf_free(&why);
        for (size_t i = 3; d && i < no; i++)
            zl_diag_add_note(d, "%s: %.*s: %s", zl_line_ref(&order[i]->span, &first_broken->span, ref, sizeof ref),
                             (int)order[i]->token_len,
                             (const char *)order[i]->token, order[i]->reason ? order[i]->reason : "broken");
        return;
    }
    if (!whole)
        return; /* a fragment: the rest of the set may live in another file */
    /* Every signing domain needs whole sets of three. */
    for (size_t i = 0; i < n;) {
        size_t j = i, count = 0;
        for (; j < n && zl_name_equal(&v[j]->zone, &v[i]->zone); j++)
            if (j == i || !same_token(v[j], v[j - 1]))
                count++;
        if (count % 3) {
            char zname[ZL_NAME_TEXT_MAX];
            zl_name_text(&v[i]->zone, zname);
            size_t missing = 3 - count % 3;
            zl_report(ctx, ZL_RULE_REF(ZL5009), &v[i]->span,
                      "'%s' has %zu SES DKIM CNAME%s pointing to %s; SES issues them in sets of three, so "
                      "%zu %s missing and verification stays pending",
                      dname, count, count == 1 ? "" : "s", zname, missing, missing == 1 ? "is" : "are");
        }
        i = j;
    }
}

void zl_ses_dkim_zone(const struct zl_zone *zone, struct zl_ctx *ctx)
{
    struct set_state *st = *zl_ctx_state(ctx, ZL_RULE_REF(ZL5009));
    if (!st || !st->entries.n)
        return;
    size_t n = st->entries.n;
    struct dkim_entry **v = zl_ctx_alloc(ctx, n * sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = zl_list_at(&st->entries, i);
    qsort(v, n, sizeof *v, by_domain);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && zl_name_equal(&v[j]->domain, &v[i]->domain))
            j++;
        judge_domain(ctx, v + i, j - i, zone->whole_zone);
        i = j;
    }
}

/* ---- explanations ------------------------------------------------------------------------------ */

const char zl_explain_ses_dkim_target[] =
    "Amazon SES Easy DKIM gives three CNAME records per identity and region. Each\n"
    "points <token>._domainkey.<domain> to <token>.dkim.amazonses.com. (a few\n"
    "regions, such as af-south-1 and eu-south-1, use dkim.<region>.amazonses.com.).\n"
    "SES follows the CNAME to the key it publishes; any other target leaves the\n"
    "identity in \"verification pending\" and, after 72 hours, \"failed\".\n"
    "\n"
    "The usual mistakes: the target written without a trailing dot in a zone\n"
    "file, so the origin is appended (tok.dkim.amazonses.com.example.com.); the\n"
    "target pointing into your own domain (tok.dkim.example.com.); 'dkim.' left\n"
    "out (tok.amazonses.com.); amazonses misspelt; the token left out.\n"
    "\n"
    "A CNAME counts as SES's when its target says so (amazonses, however\n"
    "mangled, or <token>.dkim.<your domain>), never by the token's shape alone:\n"
    "senders that run on SES under their own DKIM domain, such as Stripe's\n"
    "custom email domain (<token>.dkim.custom-email-domain.stripe.com.), publish\n"
    "tokens of the same shape and are correct as they are.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey 1800 IN CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com\n"
    "    tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo._domainkey 1800 IN CNAME tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo.dkim.amazoneses.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey 1800 IN CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n"
    "    tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo._domainkey 1800 IN CNAME tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo.dkim.amazonses.com.\n"
    "    vtlb7vjp6beuml7w2oxu4h7zsvbruq2r._domainkey 1800 IN CNAME vtlb7vjp6beuml7w2oxu4h7zsvbruq2r.dkim.custom-email-domain.stripe.com.\n";

const char zl_explain_ses_dkim_token_length[] =
    "Every Easy DKIM token SES issues is 32 characters of lowercase base32 (160\n"
    "bits). A token of 31 characters was cut short when it was copied from the\n"
    "console; one of 33 has a stray character. Either way the name SES looks up\n"
    "does not exist.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7.dkim.amazonses.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n";

const char zl_explain_ses_dkim_token_charset[] =
    "SES DKIM tokens use only the letters a-z and the digits 2-7. A 0, 1, 8 or 9,\n"
    "a dash or a space means the token was retyped or mangled (0 for o, 1 for l),\n"
    "so it is not the token SES issued and verification will not find it. This\n"
    "is a heuristic drawn from every token seen in the wild, hence a warning.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew0w._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew0w.dkim.amazonses.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ewow._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ewow.dkim.amazonses.com.\n";

const char zl_explain_ses_dkim_token_case[] =
    "DNS names are case-insensitive, so an uppercase token still resolves. SES\n"
    "shows tokens in lowercase, though, and a token in another case is a sign it\n"
    "was retyped rather than copied; worth a second look.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    4IXTPNVPUBJUXQVNEX727OTQ55Y2EW7W._domainkey CNAME 4IXTPNVPUBJUXQVNEX727OTQ55Y2EW7W.dkim.amazonses.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n";

const char zl_explain_ses_dkim_token_mismatch[] =
    "The same token appears twice in each SES DKIM record: in the name and at the\n"
    "start of the target. When they differ, the name was taken from one row of\n"
    "the console and the value from another, or one of them was cut short.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey CNAME tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo.dkim.amazonses.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n";

const char zl_explain_ses_dkim_missing_dot[] =
    "The DKIM name is the token, then the label _domainkey, then the domain. With\n"
    "the dot before _domainkey missing, token and _domainkey form one label and\n"
    "the record sits at a name nobody queries.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w_domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n";

const char zl_explain_ses_dkim_name[] =
    "SES looks up exactly <token>._domainkey.<domain>. Names real zones hold\n"
    "instead: the label without its underscore (tok.domainkey), misspelt or in\n"
    "the plural (_domainkeys, _dkim), the token left out (a record at\n"
    "_domainkey itself, the token only in the value), and the token or\n"
    "_domainkey written twice (a host field that already adds it). Each of\n"
    "these is a name nobody queries, and the identity's DKIM set stays\n"
    "incomplete. Judged for CNAMEs to amazonses only, so other senders' records\n"
    "(SendGrid's s1.domainkey.u123.wl.sendgrid.net is a target, not a name)\n"
    "are left alone. A file fragment without SOA is checked the same way.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w.domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n"
    "    _domainkey CNAME tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo.dkim.amazonses.com.\n"
    "    vtlb7vjp6beuml7w2oxu4h7zsvbruq2r._domainkey._domainkey CNAME vtlb7vjp6beuml7w2oxu4h7zsvbruq2r.dkim.amazonses.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n"
    "    tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo._domainkey CNAME tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo.dkim.amazonses.com.\n"
    "    vtlb7vjp6beuml7w2oxu4h7zsvbruq2r._domainkey CNAME vtlb7vjp6beuml7w2oxu4h7zsvbruq2r.dkim.amazonses.com.\n";

const char zl_explain_ses_dkim_swapped[] =
    "The SES console lists each DKIM record as a name and a value. Pasting the\n"
    "value into the name field and the name into the value field produces a CNAME\n"
    "at <token>.dkim.amazonses.com.<your domain> that nobody asks for, and\n"
    "nothing at <token>._domainkey.<your domain>.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey.example.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n";

const char zl_explain_ses_dkim_as_txt[] =
    "Easy DKIM records are CNAMEs: SES keeps the public key and rotates it behind\n"
    "the alias. A TXT record holding '<token>.dkim.amazonses.com' is not a DKIM\n"
    "key and not an alias, so SES never finds its key through it.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey TXT \"4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n";

const char zl_explain_ses_dkim_set[] =
    "SES looks for three unique CNAME records per identity and region and\n"
    "verifies the domain only when all three resolve. This rule counts the SES\n"
    "DKIM CNAMEs of each domain after the whole file is read, says how many are\n"
    "valid and lists the broken ones. Several sets for one domain are normal (one\n"
    "per region or account: 6 or 9 records); a count that is not a multiple of\n"
    "three means one was left out. Missing records are only reported for whole\n"
    "zones (a file with an SOA or apex NS), since a fragment may hold the rest.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    @ IN SOA ns1.example.net. hostmaster.example.com. 1 7200 3600 1209600 3600\n"
    "    @ IN NS  ns1.example.net.\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n"
    "    tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo._domainkey CNAME tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo.dkim.amazonses.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    @ IN SOA ns1.example.net. hostmaster.example.com. 1 7200 3600 1209600 3600\n"
    "    @ IN NS  ns1.example.net.\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n"
    "    tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo._domainkey CNAME tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo.dkim.amazonses.com.\n"
    "    vtlb7vjp6beuml7w2oxu4h7zsvbruq2r._domainkey CNAME vtlb7vjp6beuml7w2oxu4h7zsvbruq2r.dkim.amazonses.com.\n";
