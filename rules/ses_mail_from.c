/* SPDX-License-Identifier: MIT */
/* ZL5012-ZL5014: Amazon SES custom MAIL FROM and the DMARC record around it.
 *
 *   bounce.<domain>.  MX   10 feedback-smtp.<region>.amazonses.com.
 *   bounce.<domain>.  TXT  "v=spf1 include:amazonses.com ~all"
 * "You must publish exactly one MX record"; the MAIL FROM domain must be a
 * subdomain of the identity and must not receive mail; with it, DMARC SPF
 * alignment must be relaxed. References: SES developer guide mail-from.md,
 * regions.md (feedback and inbound endpoints), send-email-authentication-dmarc.md.
 *
 *   bad:   bounce  MX  10 feedback-smtp.us-east-1.amazonses.com     ; origin appended
 *   bad:   _dmarc  TXT "v=DMARC1; p=reject; aspf=s"                  ; never aligns
 *   good:  bounce  MX  10 feedback-smtp.us-east-1.amazonses.com.
 *          bounce  TXT "v=spf1 include:amazonses.com ~all"
 *          _dmarc  TXT "v=DMARC1; p=reject"
 *
 * The record hooks gather the few records that matter (SES MX targets, SPF
 * and DMARC TXT); the zone hooks judge them together. adkim=s is not
 * judged: SES signs with d= the identity, so strict DKIM alignment passes
 * whenever mail is sent From: the identity itself (a subdomain identity
 * included), and the From domains are not in the zone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint/ref.h"
#include "base/ascii.h"
#include "rules.h"
#include "ses_data.h"
#include "rdata/types.h"

enum mx_kind { MX_FEEDBACK, MX_INBOUND };

struct mx_entry {
    uint64_t owner;
    struct zl_name name;
    struct zl_span span, target_span;
    char *target;     /* as text, for messages */
    uint8_t kind;     /* enum mx_kind */
    bool apex;
};

struct spf_entry {
    uint64_t owner;
    struct zl_span span;
    bool ses;         /* include:amazonses.com */
    bool delegates;   /* include:/redirect= elsewhere: the rest is not in this zone */
};

struct dmarc_entry {
    struct zl_name domain;
    struct zl_span span;
    bool strict;                 /* aspf=s */
    struct zl_span fix_span;
    char *fix;                   /* the string without the tag, or NULL */
};

struct mail_state {
    struct zl_list mx, spf, dmarc;
    /* built once for the zone hooks: sorted by owner, so lookups stay
     * logarithmic in zones with many SPF records */
    const struct mx_entry **mx_sorted;
    const struct spf_entry **spf_sorted;
    bool indexed;
};

static struct mail_state *state(struct zl_ctx *ctx)
{
    void **slot = zl_ctx_state(ctx, ZL_RULE_REF(ZL5012)); /* shared by the family */
    if (!*slot)
        *slot = zl_ctx_alloc(ctx, sizeof(struct mail_state));
    return *slot;
}

/* ---- MX ------------------------------------------------------------------------ */

static void report_target(struct zl_ctx *ctx, const struct zl_record *rec, const struct zl_field *f,
                          const struct zl_name *t, const struct zl_name *fixed)
{
    char tname[ZL_NAME_TEXT_MAX], want[ZL_NAME_TEXT_MAX];
    zl_name_text(t, tname);
    zl_name_text(fixed, want);
    const struct zl_token *tt = f->ntok ? &rec->toks[f->tok] : NULL;
    struct zl_span at = tt ? tt->span : rec->span;
    struct zl_diag *d;
    if (tt && (f->flags & ZL_NAME_F_RELATIVE))
        d = zl_report(ctx, ZL_RULE_REF(ZL5012), &at,
                      "MX target '%.*s' has no trailing dot, so it expands to '%s'; SES expects '%s'",
                      (int)tt->len, tt->text, tname, want);
    else
        d = zl_report(ctx, ZL_RULE_REF(ZL5012), &at,
                      "MX target '%s' has the zone name appended; SES expects '%s'", tname, want);
    if (d && tt)
        zl_diag_set_fix(d, at, want, ZL_FIX_SAFE);
}

/* A region that looks like one but is not in the SES tables: a typo of a
 * known region (no such AWS region, one or two letters off) is a warning
 * naming the nearest; a real AWS region, or one far from any, is only an
 * info: SES may have opened there since the table was written. */
static void region_hint(struct zl_ctx *ctx, const struct zl_span *at, const char *tname, const uint8_t *reg,
                        bool right_domain)
{
    if (!right_domain)
        return; /* the wrong domain is reported below, and says it all */
    const struct zl_rule *r = ZL_RULE_REF(ZL5012);
    char near[160];
    struct zl_diag *d;
    if (!zl_aws_region(reg + 1, reg[0]) && zl_ses_region_nearest(reg + 1, reg[0], near, sizeof near)) {
        d = zl_report(ctx, r, at,
                      "MX target '%s' names region '%.*s', which does not exist (nearest: %s): the MX host does not "
                      "exist, so SES finds no MAIL FROM MX",
                      tname, (int)reg[0], (const char *)reg + 1, near);
        if (d && d->severity == r->severity)
            d->severity = ZL_SEV_WARNING;
        return;
    }
    d = zl_report(ctx, r, at,
                  "MX target '%s' names region '%.*s', which is not in zonelint's list of SES regions; check that SES "
                  "has a feedback endpoint there",
                  tname, (int)reg[0], (const char *)reg + 1);
    if (d && d->severity == r->severity)
        d->severity = ZL_SEV_INFO;
}

/* MAIL FROM published as a CNAME to the feedback endpoint: SES looks for an
 * MX there, and the SPF TXT cannot sit beside a CNAME. */
static void gather_cname(const struct zl_record *rec, struct zl_ctx *ctx)
{
    if (rec->nfields < 1 || rec->fields[0].kind != ZL_FIELD_NAME)
        return;
    const struct zl_field *f = &rec->fields[0];
    const uint8_t *l0 = rec->rdata + f->off;
    if (f->off >= rec->rdlen || !zl_name_label_is(l0, "feedback-smtp"))
        return;
    struct zl_name t;
    if (!zl_name_from_wire(&t, rec->rdata + f->off, rec->rdlen - f->off) || zl_ses_find_amazonses(&t) < 0)
        return;
    char oname[ZL_NAME_TEXT_MAX], tname[ZL_NAME_TEXT_MAX];
    zl_name_text(&rec->owner, oname);
    zl_name_text(&t, tname);
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL5012), &rec->type_span,
                                  "MAIL FROM domain '%s' is a CNAME to the SES feedback endpoint '%s'; SES looks for "
                                  "an MX record there (MX 10 %s), and its SPF TXT record cannot sit beside a CNAME",
                                  oname, tname, tname);
    if (d && rec->type_span.line == rec->span.end_line) {
        char fix[ZL_NAME_TEXT_MAX + 16];
        snprintf(fix, sizeof fix, "MX 10 %s", tname);
        zl_diag_set_fix(d, zl_span_join(&rec->type_span, &rec->span), fix, ZL_FIX_UNSAFE);
        zl_diag_add_note(d, "and add: %s TXT \"v=spf1 include:amazonses.com ~all\"", oname);
    }
}

static void gather_mx(const struct zl_record *rec, struct zl_ctx *ctx)
{
    if (rec->nfields < 2 || rec->fields[1].kind != ZL_FIELD_NAME)
        return;
    const struct zl_field *f = &rec->fields[1];
    /* Cheap gate on the first label, in place. */
    const uint8_t *l0 = rec->rdata + f->off;
    if (f->off >= rec->rdlen || (size_t)l0[0] + 1 > (size_t)(rec->rdlen - f->off))
        return;
    bool feedback = zl_name_label_is(l0, "feedback-smtp");
    if (!feedback && !zl_name_label_is(l0, "inbound-smtp"))
        return;
    struct zl_name t;
    if (!zl_name_from_wire(&t, rec->rdata + f->off, rec->rdlen - f->off))
        return;
    int ses = zl_name_find_label(&t, "amazonses");
    int aws = zl_name_find_label(&t, "amazonaws");
    if (ses < 0 && aws < 0)
        return;
    const struct zl_name *origin = zl_ctx_origin(ctx);

    /* Origin appended: judge the name the writer meant. */
    struct zl_name meant = t;
    struct zl_name stripped;
    const struct zl_name *eff = rec->origin ? rec->origin : origin;
    if (zl_name_strip_origin(&t, eff, &stripped) && stripped.nlabels == 4 &&
        (zl_name_label_is(zl_name_label(&stripped, 2), "amazonses") ||
         zl_name_label_is(zl_name_label(&stripped, 2), "amazonaws")) &&
        zl_name_label_is(zl_name_label(&stripped, 3), "com")) {
        report_target(ctx, rec, f, &t, &stripped);
        meant = stripped;
    }
    char tname[ZL_NAME_TEXT_MAX];
    zl_name_text(&meant, tname);
    const struct zl_token *tt = f->ntok ? &rec->toks[f->tok] : NULL;
    struct zl_span tat = tt ? tt->span : rec->span;

    if (meant.nlabels != 4 || !zl_name_label_is(zl_name_label(&meant, 3), "com")) {
        if (feedback)
            zl_report(ctx, ZL_RULE_REF(ZL5012), &tat,
                      "MX target '%s' is not an SES feedback endpoint; SES expects "
                      "'feedback-smtp.<region>.amazonses.com.'",
                      tname);
        return;
    }
    const uint8_t *reg = zl_name_label(&meant, 1);
    const uint8_t *dom = zl_name_label(&meant, 2);
    if (!zl_ses_region_known(reg + 1, reg[0]) && zl_ses_region_shaped(reg + 1, reg[0]))
        region_hint(ctx, &tat, tname, reg, zl_ses_amazonses_like(dom + 1, dom[0]) == feedback);
    if (!zl_ses_region_known(reg + 1, reg[0]) && !zl_ses_region_shaped(reg + 1, reg[0])) {
        zl_report(ctx, ZL_RULE_REF(ZL5012), &tat,
                  "MX target '%s' names no AWS region ('%.*s'); SES endpoints look like "
                  "'%s.us-east-1.%s.com.'",
                  tname, (int)reg[0], (const char *)reg + 1, feedback ? "feedback-smtp" : "inbound-smtp",
                  feedback ? "amazonses" : "amazonaws");
        return;
    }
    if (feedback && !zl_name_label_is(dom, "amazonses")) {
        char want[ZL_NAME_TEXT_MAX];
        snprintf(want, sizeof want, "feedback-smtp.%.*s.amazonses.com.", (int)reg[0], (const char *)reg + 1);
        struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL5012), &tat,
                                      "MX target '%s' does not exist: the SES feedback endpoint is under "
                                      "amazonses.com; SES expects '%s'",
                                      tname, want);
        if (d && tt)
            zl_diag_set_fix(d, tat, want, ZL_FIX_UNSAFE);
        return;
    }
    if (!feedback && zl_name_label_is(dom, "amazonses")) {
        zl_report(ctx, ZL_RULE_REF(ZL5012), &tat,
                  "MX target '%s' does not exist: SES receives mail at 'inbound-smtp.%.*s.amazonaws.com.' "
                  "and a custom MAIL FROM uses 'feedback-smtp.%.*s.amazonses.com.'",
                  tname, (int)reg[0], (const char *)reg + 1, (int)reg[0], (const char *)reg + 1);
        return;
    }

    struct mail_state *st = state(ctx);
    struct mx_entry *e = zl_list_push(ctx, &st->mx, sizeof *e);
    e->owner = zl_ctx_owner_hash(ctx, rec);
    e->name = rec->owner;
    e->span = rec->span;
    e->target_span = tat;
    e->target = zl_ctx_strdup(ctx, tname, strlen(tname));
    e->kind = feedback ? MX_FEEDBACK : MX_INBOUND;
    e->apex = origin && zl_name_equal(&rec->owner, origin);
}

/* ---- TXT ----------------------------------------------------------------------- */

/* The string token holding "tag=s" rewritten without it, for a fix-it. */
static void dmarc_fix(struct zl_ctx *ctx, const struct zl_record *rec, unsigned ns, const char *tag,
                      struct dmarc_entry *e)
{
    for (unsigned i = 0; i < ns; i++) {
        const struct zl_token *t = zl_txt_token(rec, i);
        if (!t || memchr(t->text, '\\', t->len))
            continue;
        size_t tl = strlen(tag);
        for (size_t p = 0; p + tl + 2 <= t->len; p++) {
            if (!zl_ascii_eq((const uint8_t *)t->text + p, (const uint8_t *)tag, tl))
                continue;
            if (p > 0 && t->text[p - 1] != ';' && t->text[p - 1] != ' ' && t->text[p - 1] != '\t')
                continue;
            size_t q = p + tl;
            while (q < t->len && (t->text[q] == ' ' || t->text[q] == '\t'))
                q++;
            if (q >= t->len || t->text[q] != '=')
                continue;
            q++;
            while (q < t->len && (t->text[q] == ' ' || t->text[q] == '\t'))
                q++;
            if (q >= t->len || (t->text[q] | 0x20) != 's')
                continue;
            q++;
            while (q < t->len && (t->text[q] == ' ' || t->text[q] == '\t'))
                q++;
            size_t start = p;
            if (q < t->len && t->text[q] == ';') {
                q++;
                while (q < t->len && (t->text[q] == ' ' || t->text[q] == '\t'))
                    q++;
            } else {
                /* last tag: drop the separator before it instead */
                while (start > 0 && (t->text[start - 1] == ' ' || t->text[start - 1] == '\t'))
                    start--;
                if (start > 0 && t->text[start - 1] == ';')
                    start--;
            }
            struct zl_buf b = { 0 };
            bool quoted = t->flags & ZL_TOK_QUOTED;
            if (quoted)
                zl_buf_putc(&b, '"');
            zl_buf_put(&b, t->text, start);
            zl_buf_put(&b, t->text + q, t->len - q);
            if (quoted)
                zl_buf_putc(&b, '"');
            e->fix = zl_ctx_strdup(ctx, zl_buf_cstr(&b), b.len);
            e->fix_span = t->span;
            zl_buf_free(&b);
            return;
        }
    }
}

static void gather_txt(const struct zl_record *rec, struct zl_ctx *ctx)
{
    char v[2048];
    unsigned ns;
    /* Cheap gate: the first string decides (v=spf1 / v=DMARC1). */
    if (rec->rdlen < 7)
        return;
    const char *first = (const char *)rec->rdata + 1;
    size_t fl = rec->rdata[0];
    bool dmarc = zl_name_label_is(zl_name_label(&rec->owner, 0), "_dmarc") && zl_ascii_has_prefix(first, fl, "v=DMARC1");
    bool spf = !dmarc && zl_ascii_has_prefix(first, fl, "v=spf1") && (fl == 6 || first[6] == ' ');
    if (!dmarc && !spf)
        return;
    size_t n = zl_txt_join(rec, v, sizeof v, &ns);
    if (n > sizeof v)
        n = sizeof v;
    struct mail_state *st = state(ctx);
    if (spf) {
        struct spf_entry *e = zl_list_push(ctx, &st->spf, sizeof *e);
        e->owner = zl_ctx_owner_hash(ctx, rec);
        e->span = rec->span;
        zl_ses_spf_scan(v, n, &e->ses, &e->delegates);
        return;
    }
    /* Only records with a strict tag matter; most have none. */
    if (zl_ascii_find(v, n, "=s") < 0 && zl_ascii_find(v, n, "= s") < 0)
        return;
    struct dmarc_entry tmp;
    memset(&tmp, 0, sizeof tmp);
    struct dmarc_entry *e = &tmp;
    /* tag=value; ... (RFC 7489 6.4) */
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j] != ';')
            j++;
        size_t a = i, b = j;
        while (a < b && (v[a] == ' ' || v[a] == '\t'))
            a++;
        while (b > a && (v[b - 1] == ' ' || v[b - 1] == '\t'))
            b--;
        const char *eq = memchr(v + a, '=', b - a);
        if (eq) {
            size_t kl = (size_t)(eq - (v + a));
            while (kl && (v[a + kl - 1] == ' ' || v[a + kl - 1] == '\t'))
                kl--;
            const char *val = eq + 1;
            while (val < v + b && (*val == ' ' || *val == '\t'))
                val++;
            if (kl == 4 && zl_ascii_eq((const uint8_t *)v + a, (const uint8_t *)"aspf", 4) && v + b - val == 1 &&
                (*val | 0x20) == 's') {
                e->strict = true;
                dmarc_fix(ctx, rec, ns, "aspf", e);
            }
        }
        i = j + 1;
    }
    if (!tmp.strict)
        return;
    e = zl_list_push(ctx, &st->dmarc, sizeof *e);
    *e = tmp;
    zl_name_suffix(&e->domain, &rec->owner, 1);
    e->span = rec->span;
}

void zl_ses_mail_from_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    if (rec->type == ZL_T_MX)
        gather_mx(rec, ctx);
    else if (rec->type == ZL_T_TXT)
        gather_txt(rec, ctx);
    else if (rec->type == ZL_T_CNAME)
        gather_cname(rec, ctx);
}


/* ---- zone hooks ------------------------------------------------------------------------ */

static int mx_order(const void *a, const void *b)
{
    const struct mx_entry *x = *(const struct mx_entry *const *)a, *y = *(const struct mx_entry *const *)b;
    if (x->owner != y->owner)
        return x->owner < y->owner ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1; /* feedback first */
    return (x->span.line > y->span.line) - (x->span.line < y->span.line);
}

static int spf_order(const void *a, const void *b)
{
    const struct spf_entry *x = *(const struct spf_entry *const *)a, *y = *(const struct spf_entry *const *)b;
    if (x->owner != y->owner)
        return x->owner < y->owner ? -1 : 1;
    return (x->span.line > y->span.line) - (x->span.line < y->span.line);
}

static struct mail_state *indexed_state(struct zl_ctx *ctx)
{
    struct mail_state *st = *zl_ctx_state(ctx, ZL_RULE_REF(ZL5012));
    if (!st || st->indexed)
        return st;
    st->indexed = true;
    st->mx_sorted = zl_ctx_alloc(ctx, (st->mx.n + 1) * sizeof *st->mx_sorted);
    for (size_t i = 0; i < st->mx.n; i++)
        st->mx_sorted[i] = zl_list_at(&st->mx, i);
    qsort(st->mx_sorted, st->mx.n, sizeof *st->mx_sorted, mx_order);
    st->spf_sorted = zl_ctx_alloc(ctx, (st->spf.n + 1) * sizeof *st->spf_sorted);
    for (size_t i = 0; i < st->spf.n; i++)
        st->spf_sorted[i] = zl_list_at(&st->spf, i);
    qsort(st->spf_sorted, st->spf.n, sizeof *st->spf_sorted, spf_order);
    return st;
}

/* The SPF records of owner: [*first, result). */
static size_t spf_range(const struct mail_state *st, uint64_t owner, size_t *first)
{
    size_t lo = 0, hi = st->spf.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->spf_sorted[mid]->owner < owner)
            lo = mid + 1;
        else
            hi = mid;
    }
    *first = lo;
    while (hi < st->spf.n && st->spf_sorted[hi]->owner == owner)
        hi++;
    return hi;
}

/* Runs of MX entries with one owner: [i, result). */
static size_t owner_run(const struct mail_state *st, size_t i)
{
    size_t j = i + 1;
    while (j < st->mx.n && st->mx_sorted[j]->owner == st->mx_sorted[i]->owner)
        j++;
    return j;
}

static void mail_from_mx(const struct zl_zone *zone, struct zl_ctx *ctx)
{
    const struct mail_state *st = indexed_state(ctx);
    if (!st)
        return;
    const struct zl_rule *r = ZL_RULE_REF(ZL5012);
    for (size_t i = 0, j; i < st->mx.n; i = j) {
        j = owner_run(st, i);
        const struct mx_entry *e = st->mx_sorted[i];
        char oname[ZL_NAME_TEXT_MAX];
        zl_name_text(&e->name, oname);
        /* An SES receiving MX is a receiving domain, not a MAIL FROM, also
         * when its SPF includes amazonses.com (replies sent through SES). */
        if (e->kind == MX_INBOUND)
            continue;
        if (e->apex) {
            struct zl_diag *d = zl_report(ctx, r, &e->span,
                                          "MX '%s' for SES feedback is at the zone apex '%s': the custom MAIL "
                                          "FROM domain must be a subdomain of the identity, and this MX sends "
                                          "all mail for '%s' to SES's feedback endpoint",
                                          e->target, oname, oname);
            if (d)
                zl_diag_add_note(d, "use a subdomain such as 'bounce.%s' for the MX and its SPF record", oname);
            continue;
        }
        /* Exactly one MX at the MAIL FROM name. */
        size_t count = 0;
        uint32_t second = UINT32_MAX;
        for (uint32_t k = zl_zone_first(zone, e->owner); k != UINT32_MAX; k = zone->recs[k].next)
            if (zone->recs[k].type == ZL_T_MX && ++count == 2)
                second = k;
        if (count > 1) {
            struct zl_span at = zl_zone_span(zone, second);
            struct zl_diag *d = zl_report(ctx, r, &at,
                                          "MAIL FROM domain '%s' has %zu MX records; SES requires exactly one, "
                                          "'%s', or the custom MAIL FROM setup fails",
                                          oname, count, e->target);
            char ref[ZL_LINE_REF_MAX];
            for (uint32_t k = zl_zone_first(zone, e->owner); d && k != UINT32_MAX; k = zone->recs[k].next)
                if (zone->recs[k].type == ZL_T_MX)
                    zl_diag_add_note(d, "MX at %s", zl_zone_line_ref(zone, k, &at, ref, sizeof ref));
        }
    }
}

static void mail_from_spf(const struct zl_zone *zone, struct zl_ctx *ctx)
{
    const struct mail_state *st = indexed_state(ctx);
    if (!st)
        return;
    const struct zl_rule *r = ZL_RULE_REF(ZL5013);
    for (size_t i = 0, j; i < st->mx.n; i = j) {
        j = owner_run(st, i);
        const struct mx_entry *e = st->mx_sorted[i];
        if (e->kind != MX_FEEDBACK || e->apex)
            continue;
        char oname[ZL_NAME_TEXT_MAX];
        zl_name_text(&e->name, oname);
        size_t first, end = spf_range(st, e->owner, &first), count = end - first;
        if (count == 0) {
            if (zone->whole_zone)
                zl_report(ctx, r, &e->span,
                          "MAIL FROM domain '%s' has no SPF record; SES expects a TXT record "
                          "\"v=spf1 include:amazonses.com ~all\" there",
                          oname);
        } else if (count > 1) {
            struct zl_diag *d = zl_report(ctx, r, &st->spf_sorted[first + 1]->span,
                                          "MAIL FROM domain '%s' has %zu SPF (v=spf1) records; SPF then fails "
                                          "with permerror (RFC 7208 4.5), so keep only "
                                          "\"v=spf1 include:amazonses.com ~all\"",
                                          oname, count);
            char ref[ZL_LINE_REF_MAX];
            for (size_t k = first; d && k < end; k++)
                zl_diag_add_note(d, "v=spf1 at %s", zl_line_ref(&st->spf_sorted[k]->span,
                                                               &st->spf_sorted[first + 1]->span, ref, sizeof ref));
        } else if (st->spf_sorted[first]->delegates) {
            /* include:spf.<sender> may well include amazonses.com: that
             * record is not in this zone, so this is only a hint. */
            struct zl_diag *d = zl_report(ctx, r, &st->spf_sorted[first]->span,
                                          "SPF record of MAIL FROM domain '%s' does not include amazonses.com "
                                          "itself; whether the records it includes do cannot be seen here",
                                          oname);
            if (d && d->severity == r->severity)
                d->severity = ZL_SEV_INFO;
            if (d)
                zl_diag_add_note(d, "SPF passes for mail SES sends only if the include chain reaches "
                                    "amazonses.com; \"v=spf1 include:amazonses.com ~all\" is what SES shows");
        } else if (!st->spf_sorted[first]->ses) {
            zl_report(ctx, r, &st->spf_sorted[first]->span,
                      "SPF record of MAIL FROM domain '%s' does not include amazonses.com, so mail SES sends "
                      "with this MAIL FROM fails SPF; SES expects \"v=spf1 include:amazonses.com ~all\"",
                      oname);
        }
    }
}

static void dmarc_strict(const struct zl_zone *zone, struct zl_ctx *ctx)
{
    (void)zone;
    const struct mail_state *st = *zl_ctx_state(ctx, ZL_RULE_REF(ZL5012));
    if (!st)
        return;
    const struct zl_rule *r = ZL_RULE_REF(ZL5014);
    for (size_t i = 0; i < st->dmarc.n; i++) {
        const struct dmarc_entry *dm = zl_list_at(&st->dmarc, i);
        char dname[ZL_NAME_TEXT_MAX], sub[ZL_NAME_TEXT_MAX];
        zl_name_text(&dm->domain, dname);
        if (!dm->strict)
            continue;
        for (size_t k = 0; k < st->mx.n; k++) {
            const struct mx_entry *e = zl_list_at(&st->mx, k);
            if (e->kind != MX_FEEDBACK || e->apex || zl_name_equal(&e->name, &dm->domain) ||
                !zl_name_is_subdomain(&e->name, &dm->domain))
                continue;
            zl_name_text(&e->name, sub);
            struct zl_diag *d = zl_report(ctx, r, &dm->span,
                                          "DMARC for '%s' sets aspf=s (strict SPF alignment), but SES sends "
                                          "with the custom MAIL FROM '%s', a subdomain; strict alignment needs "
                                          "the MAIL FROM to equal the From domain, so SPF alignment can never "
                                          "pass: remove aspf=s (relaxed is the default)",
                                          dname, sub);
            if (d && dm->fix)
                zl_diag_set_fix(d, dm->fix_span, dm->fix, ZL_FIX_UNSAFE);
            break;
        }
    }
}

/* ---- explanations -------------------------------------------------------------------------- */

void zl_ses_mail_from_zone(const struct zl_zone *zone, struct zl_ctx *ctx)
{
    mail_from_mx(zone, ctx);
    mail_from_spf(zone, ctx);
    dmarc_strict(zone, ctx);
}

const char zl_explain_ses_mail_from_mx[] =
    "A custom MAIL FROM domain for SES is a subdomain of the identity with one MX\n"
    "record pointing to feedback-smtp.<region>.amazonses.com. SES checks it and\n"
    "fails the setup when the MX is missing, when there is more than one MX (\"you\n"
    "must publish exactly one MX record\"), or when the target is wrong.\n"
    "\n"
    "This rule reports: a feedback MX without its trailing dot (the origin is\n"
    "appended), a feedback MX at the zone apex (MAIL FROM must be a subdomain,\n"
    "and the apex's mail would go to SES's bounce endpoint), extra MX records at\n"
    "the MAIL FROM name, the MAIL FROM published as a CNAME to the feedback\n"
    "endpoint (SES looks for an MX, and the SPF TXT cannot sit beside a CNAME),\n"
    "and host names that do not exist (inbound-smtp under amazonses.com,\n"
    "feedback-smtp under amazonaws.com, a region misspelt: eu-east-1 is a\n"
    "warning that names the nearest regions, eu-west-1 or us-east-1; a real\n"
    "AWS region missing from zonelint's SES table is an info). An SES receiving MX\n"
    "(inbound-smtp.<region>.amazonaws.com) makes a receiving domain, not a MAIL\n"
    "FROM, and is fine also when its SPF includes amazonses.com (replies are sent\n"
    "through SES).\n"
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    bounce 1800 IN MX 10 feedback-smtp.us-east-1.amazonses.com\n"
    "    bounce 1800 IN MX 20 mx.example.net.\n"
    "    mail 1800 IN CNAME feedback-smtp.eu-west-1.amazonses.com.\n"
    "    em 1800 IN MX 10 feedback-smtp.eu-east-1.amazonses.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    bounce 1800 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n"
    "    tickets 1800 IN MX 10 inbound-smtp.us-east-1.amazonaws.com.\n"
    "    tickets 1800 IN TXT \"v=spf1 include:amazonses.com ~all\"\n";

const char zl_explain_ses_mail_from_spf[] =
    "SES sets the custom MAIL FROM status from the MX record alone; the SPF record\n"
    "decides whether the mail SES sends with that envelope sender passes SPF (and\n"
    "DMARC's SPF alignment). SES shows \"v=spf1 include:amazonses.com ~all\". With\n"
    "no SPF record, one that does not authorise amazonses.com, or two v=spf1\n"
    "records (SPF returns permerror, RFC 7208 section 4.5), receivers fail SPF\n"
    "for that mail. include:amazonses.com. with the trailing dot is the same\n"
    "name (RFC 7208 7.1); include:amazonses.com.evil.example is not. An SPF\n"
    "record that includes another sender's record (include:spf.<sender>) may\n"
    "reach amazonses.com through it, which cannot be seen offline: that is only\n"
    "an info. A missing record is only reported for whole zones.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    bounce 1800 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n"
    "    bounce 1800 IN TXT \"v=spf1 include:_spf.google.com ~all\"\n"
    "    bounce 1800 IN TXT \"v=spf1 include:amazonses.com ~all\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    bounce 1800 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n"
    "    bounce 1800 IN TXT \"v=spf1 include:amazonses.com ~all\"\n"
    "    mail 1800 IN MX 10 feedback-smtp.eu-west-1.amazonses.com.\n"
    "    mail 1800 IN TXT \"v=spf1 include:amazonses.com. -all\"\n";

const char zl_explain_ses_dmarc_strict[] =
    "With a custom MAIL FROM, SES sends with an envelope sender such as\n"
    "bounce.example.com while the From: header says example.com. DMARC's relaxed\n"
    "SPF alignment accepts that (same organisational domain); strict alignment\n"
    "(aspf=s) demands an exact match, so SPF can never align and DMARC rests on\n"
    "DKIM alone. The SES guide says to remove the tag.\n"
    "\n"
    "adkim=s is not reported: SES signs with d= the identity, so strict DKIM\n"
    "alignment passes whenever mail is sent From: the identity itself, a\n"
    "subdomain identity such as mail.example.com included (DMARC falls back to\n"
    "the organisational domain's policy for it).\n"
    "\n"
    "Bad:\n"
    "\n"
    "    bounce 1800 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n"
    "    _dmarc 1800 IN TXT \"v=DMARC1; p=quarantine; aspf=s\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    bounce 1800 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n"
    "    _dmarc 1800 IN TXT \"v=DMARC1; p=quarantine; adkim=s\"\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey.mail 1800 IN CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n";
