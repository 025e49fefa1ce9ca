/* SPDX-License-Identifier: MIT */
/* Cross-checks against what the outside world says about the zone:
 *
 *   ZL5020 ses-identity-missing     a record SES expects is not in the zone
 *   ZL5021 ses-identity-mismatch    it is there with another value or type
 *   ZL5022 ses-identity-wrong-name  it is there under another name
 *   ZL5023 ses-identity-soa         SES read another SOA: another zone
 *   ZL3110 ns-delegation-mismatch   the apex NS set is not the delegation
 *
 * The SES rules run only with --ses-identity (the JSON of `aws sesv2
 * get-email-identity` or `aws ses get-identity-*-attributes`, loaded by
 * src/xcheck/ses_identity.c); the delegation rule only with --expect-ns
 * (src/xcheck/delegation.c). Unlike ses_dkim.c and friends, which judge records
 * by their shape, these rules know the exact names and values SES looks
 * up, so they can also say what is missing and give the line to add.
 *
 * Zone hooks see only hashes of records, so the record hook keeps a copy of
 * the few records that may matter (apex SOA and NS, and CNAME/TXT/MX records
 * whose name or value mentions a token, the selector, _amazonses or the
 * MAIL FROM name) and the zone hook compares them with the expectations.
 * The five rules share that work: the first enabled one does it and reports
 * for all (zl_report drops the findings of rules not selected). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xcheck/delegation.h"
#include "base/ascii.h"
#include "rules.h"
#include "ses_data.h"
#include "xcheck/ses_identity.h"
#include "rdata/types.h"

const uint16_t zl_types_ses_crosscheck[] = { ZL_T_CNAME, ZL_T_TXT, ZL_T_MX, ZL_T_SOA, ZL_T_NS, 0 };

#define R_MISSING ZL_RULE_REF(ZL5020)
#define R_MISMATCH ZL_RULE_REF(ZL5021)
#define R_WRONG_NAME ZL_RULE_REF(ZL5022)
#define R_SOA ZL_RULE_REF(ZL5023)
#define R_DELEGATION ZL_RULE_REF(ZL3110)

/* TTL in the lines we suggest: what the SES console shows. */
#define SUGGESTED_TTL 1800
#define TXT_KEEP 1024 /* TXT values longer than this are not SES's */

/* One record kept for the zone hook. */
struct xrec {
    struct zl_name owner;
    struct zl_name origin;      /* in effect for the record: for relative fix-its */
    uint16_t type;
    uint16_t pref;              /* MX */
    bool has_target;            /* CNAME, MX, NS */
    struct zl_name target;
    char *text;                 /* TXT: the strings joined */
    size_t tlen;
    uint32_t ttl;
    bool ttl_explicit, class_explicit, owner_relative;
    bool rewritable;            /* owner written on the record's only line: a fix-it may rewrite it */
    uint16_t rclass;
    struct zl_span span, owner_span, type_span, value_span;
};

struct state {
    bool picked;
    enum zl_ses_pick pick;
    struct zl_ses_identity id;
    struct zl_list recs;    /* struct xrec: CNAME, TXT, MX */
    struct zl_list ns;      /* struct xrec: apex NS */
    bool have_soa;
    struct zl_name mname;
    uint32_t serial;
    struct zl_span soa_span, mname_span, serial_span;
};

/* ---- helpers ------------------------------------------------------------------ */

static struct state *get_state(struct zl_ctx *ctx)
{
    void **slot = zl_ctx_state(ctx, R_MISSING);
    if (!*slot)
        *slot = zl_ctx_alloc(ctx, sizeof(struct state));
    return *slot;
}

static void pick(struct zl_ctx *ctx, struct state *st, const struct zl_name *origin)
{
    const struct zl_ses_expect *x = zl_ctx_ses_expect(ctx);
    if (st->picked || !x)
        return;
    st->picked = true;
    st->pick = zl_ses_expect_pick(x, origin, &st->id);
}

/* label + "." + base, in wire form (no text escaping to get wrong). */
static bool prepend(struct zl_name *out, const char *label, const struct zl_name *base)
{
    size_t l = strlen(label);
    if (l == 0 || l > ZL_LABEL_MAX || (size_t)base->len + l + 1 > ZL_NAME_MAX)
        return false;
    out->wire[0] = (uint8_t)l;
    memcpy(out->wire + 1, label, l);
    memcpy(out->wire + 1 + l, base->wire, base->len);
    out->len = (uint8_t)(base->len + l + 1);
    out->nlabels = (uint8_t)(base->nlabels + 1);
    return true;
}

static bool label0_is(const struct zl_name *n, const char *s)
{
    const uint8_t *l = zl_name_label(n, 0);
    return l && l[0] == strlen(s) && zl_ascii_eq(l + 1, (const uint8_t *)s, l[0]);
}

/* Label 0 of n contains s (case-insensitively). */
static bool label0_has(const struct zl_name *n, const char *s)
{
    const uint8_t *l = zl_name_label(n, 0);
    return l && zl_ascii_find((const char *)l + 1, l[0], s) >= 0;
}

static bool same_label0(const struct zl_name *a, const struct zl_name *b)
{
    const uint8_t *x = zl_name_label(a, 0), *y = zl_name_label(b, 0);
    return x && y && x[0] == y[0] && zl_ascii_eq(x + 1, y + 1, x[0]);
}

static const char *name_text(const struct zl_name *n, char *out)
{
    return zl_name_text(n, out);
}

/* owner == want + origin (a name written without its trailing dot). */
static bool origin_appended(const struct zl_name *owner, const struct zl_name *want, const struct zl_name *origin)
{
    if (!origin || origin->nlabels == 0 || owner->nlabels != want->nlabels + origin->nlabels)
        return false;
    struct zl_name head;
    if (!zl_name_strip_origin(owner, origin, &head))
        return false;
    /* head is want's labels followed by the root: compare with want. */
    return zl_name_equal(&head, want);
}

/* The owner name as the record would be written, relative to the record's
 * origin when it was written relative. */
static void owner_as_written(const struct xrec *r, const struct zl_name *n, char *out)
{
    struct zl_name rel;
    if (r->owner_relative && zl_name_equal(n, &r->origin)) {
        strcpy(out, "@");
    } else if (r->owner_relative && zl_name_strip_origin(n, &r->origin, &rel)) {
        size_t l = zl_name_to_text(&rel, out);
        if (l > 1 && out[l - 1] == '.')
            out[l - 1] = '\0';
    } else {
        name_text(n, out);
    }
}

/* The record r rewritten with owner n, type and value (TTL and class kept
 * as written). */
static char *rewrite(const struct xrec *r, const struct zl_name *n, const char *type, const char *value)
{
    char o[ZL_NAME_TEXT_MAX], cls[16];
    owner_as_written(r, n, o);
    struct zl_buf b = { 0 };
    zl_buf_puts(&b, o);
    if (r->ttl_explicit)
        zl_buf_printf(&b, " %u", r->ttl);
    if (r->class_explicit)
        zl_buf_printf(&b, " %s", zl_class_to_text(r->rclass, cls));
    zl_buf_printf(&b, " %s %s", type, value);
    return zl_buf_cstr(&b);
}

/* A full line to add, with absolute names so it is right wherever it goes
 * in the file, whatever $ORIGIN is in effect there. */
static void add_line(struct zl_diag *d, const struct zl_name *n, const char *type, const char *value)
{
    char o[ZL_NAME_TEXT_MAX];
    if (d)
        zl_diag_add_note(d, "add: %s %d IN %s %s", name_text(n, o), SUGGESTED_TTL, type, value);
}

static void fix_record(struct zl_diag *d, const struct xrec *r, const struct zl_name *n, const char *type,
                       const char *value)
{
    if (!d)
        return;
    char *line = rewrite(r, n, type, value);
    if (r->rewritable)
        zl_diag_set_fix(d, r->span, line, ZL_FIX_UNSAFE);
    else
        zl_diag_add_note(d, "the record should read: %s", line);
    free(line);
}

static const struct zl_span *apex_anchor(const struct state *st, const struct zl_zone *z, struct zl_ctx *ctx,
                                         struct zl_span *tmp)
{
    if (st->have_soa)
        return &st->soa_span;
    if (st->ns.n)
        return &((const struct xrec *)zl_list_at(&st->ns, 0))->span;
    if (z->nrecs) {
        *tmp = zl_zone_span(z, 0);
        return tmp;
    }
    *tmp = zl_ctx_file_start(ctx);
    return tmp;
}

static struct zl_span field_span(const struct zl_record *rec, unsigned first, unsigned last)
{
    if (rec->generic || rec->nfields <= last)
        return rec->span;
    const struct zl_field *a = &rec->fields[first], *b = &rec->fields[last];
    if (!a->ntok || !b->ntok || a->tok >= rec->ntoks || b->tok + b->ntok - 1 >= rec->ntoks)
        return rec->span;
    return zl_span_join(&rec->toks[a->tok].span, &rec->toks[b->tok + b->ntok - 1].span);
}

static bool field_name(const struct zl_record *rec, unsigned i, struct zl_name *out)
{
    if (i >= rec->nfields || rec->fields[i].kind != ZL_FIELD_NAME)
        return false;
    const struct zl_field *f = &rec->fields[i];
    return zl_name_from_wire(out, rec->rdata + f->off, f->len) != 0;
}

/* A name below or at the other whose first label is feedback-smtp and which
 * ends in <region>.amazonses.com.: the SES MAIL FROM MX target. */
static bool feedback_target(const struct zl_name *t, char *region, size_t cap)
{
    if (t->nlabels != 4 || !label0_is(t, "feedback-smtp"))
        return false;
    const uint8_t *r = zl_name_label(t, 1);
    if (!zl_name_label_is(zl_name_label(t, 2), "amazonses") || !zl_name_label_is(zl_name_label(t, 3), "com") ||
        !zl_ses_region_shaped(r + 1, r[0]))
        return false;
    if (region)
        snprintf(region, cap, "%.*s", (int)r[0], (const char *)r + 1);
    return true;
}

static bool spf_text(const struct xrec *r)
{
    return r->type == ZL_T_TXT && r->tlen >= 6 && zl_ascii_has_prefix(r->text, r->tlen, "v=spf1") &&
           (r->tlen == 6 || r->text[6] == ' ');
}

static bool spf_includes_ses(const struct xrec *r)
{
    return spf_text(r) && zl_ses_spf_authorises(r->text + 6, r->tlen - 6);
}

/* ---- the record hook ---------------------------------------------------------- */

static bool mentions_identity(const struct zl_ses_identity *id, const struct zl_record *rec, const char *txt,
                              size_t tlen)
{
    const char *ow = (const char *)rec->owner.wire;
    for (size_t i = 0; i < id->ntokens; i++) {
        if (zl_ascii_find(ow, rec->owner.len, id->tokens[i]) >= 0)
            return true;
        if (rec->type == ZL_T_CNAME && rec->rdlen &&
            zl_ascii_find((const char *)rec->rdata, rec->rdlen, id->tokens[i]) >= 0)
            return true;
    }
    if (rec->type == ZL_T_TXT) {
        if (zl_name_find_label(&rec->owner, "_amazonses") >= 0)
            return true;
        if (id->verification_token[0] && txt && tlen <= TXT_KEEP &&
            zl_ascii_find(txt, tlen, id->verification_token) >= 0)
            return true;
    }
    if (id->have_mail_from &&
        (zl_name_equal(&rec->owner, &id->mail_from) || same_label0(&rec->owner, &id->mail_from)))
        return true;
    if (rec->type == ZL_T_MX && rec->rdlen > 2 && zl_wire_has_label(rec->rdata + 2, rec->rdlen - 2u,
                                                                        "feedback-smtp"))
        return true;
    return false;
}

static struct xrec *keep(struct zl_ctx *ctx, struct zl_list *l, const struct zl_record *rec)
{
    struct xrec *r = zl_list_push(ctx, l, sizeof *r);
    r->owner = rec->owner;
    if (rec->origin)
        r->origin = *rec->origin;
    r->type = rec->type;
    r->ttl = rec->ttl;
    r->ttl_explicit = rec->ttl_source == ZL_TTL_EXPLICIT;
    r->class_explicit = rec->class_explicit != 0;
    r->rclass = rec->rclass;
    r->owner_relative = (rec->owner_flags & ZL_OWNER_RELATIVE) != 0 && rec->origin;
    r->rewritable = rec->owner_tok.len && !(rec->owner_flags & (ZL_OWNER_INHERITED | ZL_OWNER_GENERATED)) &&
                    rec->span.line == rec->span.end_line && rec->owner_tok.span.line == rec->span.line &&
                    rec->owner_tok.span.col == rec->span.col;
    r->span = rec->span;
    r->owner_span = zl_record_owner_span(rec);
    r->type_span = rec->type_span;
    r->value_span = rec->span;
    return r;
}

void zl_crosscheck_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    const struct zl_ses_expect *x = zl_ctx_ses_expect(ctx);
    const struct zl_delegation *dl = zl_ctx_delegation(ctx);
    if (!x && !dl)
        return;
    struct state *st = get_state(ctx);
    const struct zl_name *origin = zl_ctx_origin(ctx);
    bool apex = origin && zl_name_equal(&rec->owner, origin);

    if (rec->type == ZL_T_SOA) {
        if (!apex || st->have_soa || rec->nfields < 3 || rec->fields[2].kind != ZL_FIELD_INT ||
            rec->fields[2].len != 4 || !field_name(rec, 0, &st->mname))
            return;
        const uint8_t *p = rec->rdata + rec->fields[2].off;
        st->serial = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
        st->have_soa = true;
        st->soa_span = rec->span;
        st->mname_span = field_span(rec, 0, 0);
        st->serial_span = field_span(rec, 2, 2);
        return;
    }
    if (rec->type == ZL_T_NS) {
        struct zl_name t;
        if (!apex || !field_name(rec, 0, &t))
            return;
        struct xrec *r = keep(ctx, &st->ns, rec);
        r->has_target = true;
        r->target = t;
        r->value_span = field_span(rec, 0, 0);
        return;
    }
    if (!x)
        return;
    pick(ctx, st, origin);
    if (st->pick != ZL_SES_PICK_OK)
        return;

    char txt[TXT_KEEP + 1];
    size_t tlen = 0;
    if (rec->type == ZL_T_TXT) {
        tlen = zl_txt_join(rec, txt, sizeof txt - 1, NULL);
        if (tlen > TXT_KEEP)
            tlen = TXT_KEEP + 1; /* too long to matter; still kept if its name does */
    }
    if (!mentions_identity(&st->id, rec, rec->type == ZL_T_TXT ? txt : NULL, tlen))
        return;
    struct xrec *r = keep(ctx, &st->recs, rec);
    switch (rec->type) {
    case ZL_T_CNAME:
        r->has_target = field_name(rec, 0, &r->target);
        r->value_span = field_span(rec, 0, 0);
        break;
    case ZL_T_MX:
        if (rec->nfields >= 2 && rec->fields[0].kind == ZL_FIELD_INT && rec->fields[0].len == 2)
            r->pref = (uint16_t)(rec->rdata[rec->fields[0].off] << 8 | rec->rdata[rec->fields[0].off + 1]);
        r->has_target = field_name(rec, 1, &r->target);
        r->value_span = field_span(rec, 0, 1);
        break;
    case ZL_T_TXT:
        if (tlen <= TXT_KEEP) {
            r->text = zl_ctx_strdup(ctx, txt, tlen);
            r->tlen = tlen;
        } else {
            r->text = zl_ctx_strdup(ctx, "", 0);
        }
        r->value_span = zl_txt_whole_span(rec);
        break;
    default:
        break;
    }
}

/* ---- reporting helpers ---------------------------------------------------------- */

/* A record of another type at name n, from the zone summary (A, AAAA...). */
static const struct zl_zrec *other_type_at(const struct zl_zone *z, const struct zl_name *n, uint16_t want)
{
    for (uint32_t i = zl_zone_first(z, zl_name_hash64(n)); i != UINT32_MAX; i = z->recs[i].next)
        if (z->recs[i].type != want)
            return &z->recs[i];
    return NULL;
}

static const struct xrec *find_at(const struct state *st, const struct zl_name *n, uint16_t type, size_t *count)
{
    const struct xrec *first = NULL;
    size_t c = 0;
    for (size_t i = 0; i < st->recs.n; i++) {
        const struct xrec *r = zl_list_at(&st->recs, i);
        if (r->type == type && zl_name_equal(&r->owner, n)) {
            if (!first)
                first = r;
            c++;
        }
    }
    if (count)
        *count = c;
    return first;
}

/* Says what is at n instead of a record of type want (summary first: it
 * sees every type). */
static void report_other_type(struct zl_ctx *ctx, const struct zl_zone *z, const struct state *st,
                              const struct zl_name *n, const char *want_type, uint16_t want, const char *want_value,
                              const char *why)
{
    const struct zl_zrec *o = other_type_at(z, n, want);
    if (!o)
        return;
    char nt[ZL_NAME_TEXT_MAX], tt[16];
    zl_type_to_text(o->type, tt);
    /* The stored copy, when there is one, knows where the type token is. */
    const struct xrec *r = NULL;
    for (size_t i = 0; i < st->recs.n && !r; i++) {
        const struct xrec *c = zl_list_at(&st->recs, i);
        if (c->type == o->type && zl_name_equal(&c->owner, n))
            r = c;
    }
    struct zl_span o_span = zl_zone_span(z, (uint32_t)(o - z->recs));
    struct zl_diag *d = zl_report(ctx, R_MISMATCH, r ? &r->type_span : &o_span,
                                  "SES expects a %s record at '%s' with the value %s (%s); the zone has a %s "
                                  "record there instead",
                                  want_type, name_text(n, nt), want_value, why, tt);
    if (d && r && r->type_span.line == r->span.end_line) {
        char fix[600];
        snprintf(fix, sizeof fix, "%s %s", want_type, want_value);
        zl_diag_set_fix(d, zl_span_join(&r->type_span, &r->span), fix, ZL_FIX_UNSAFE);
    } else if (d) {
        add_line(d, n, want_type, want_value);
    }
    if (d && o->type == ZL_T_CNAME)
        zl_diag_add_note(d, "a CNAME cannot share its name with other data: SES follows it and never sees a %s "
                            "here",
                         want_type);
}

/* ---- DKIM ------------------------------------------------------------------------- */

enum tok_state { T_MISSING, T_OK, T_REPORTED };

static bool dkim_target_ok(const struct zl_ses_identity *id, const char *tok, const struct zl_name *t)
{
    if (!label0_is(t, tok))
        return false;
    if (id->have_signing_zone) {
        struct zl_name s;
        zl_name_suffix(&s, t, 1);
        return zl_name_equal(&s, &id->signing_zone);
    }
    return zl_ses_is_signing_domain(t, 1);
}

static void dkim_value(const struct zl_ses_identity *id, const char *tok, char *out, size_t cap)
{
    char z[ZL_NAME_TEXT_MAX];
    if (id->have_signing_zone)
        snprintf(out, cap, "%s.%s", tok, name_text(&id->signing_zone, z));
    else
        snprintf(out, cap, "%s.dkim.amazonses.com.", tok);
}

/* Why a DKIM CNAME's target is not the one SES gave. */
static void dkim_mismatch_note(struct zl_diag *d, const struct zl_ses_identity *id, const char *tok,
                               const struct xrec *r, const struct zl_name *origin)
{
    struct zl_name head;
    char z[ZL_NAME_TEXT_MAX];
    if (origin && zl_name_strip_origin(&r->target, &r->origin, &head) && dkim_target_ok(id, tok, &head)) {
        zl_diag_add_note(d, "the zone name was appended to the value: write it with a trailing dot");
        return;
    }
    if (!label0_is(&r->target, tok)) {
        const uint8_t *l = zl_name_label(&r->target, 0);
        zl_diag_add_note(d, "the value starts with '%.*s', not the token '%s' of the name: copy the value from the "
                            "same row as the name",
                         l ? (int)l[0] : 0, l ? (const char *)l + 1 : "", tok);
        return;
    }
    if (id->have_signing_zone)
        zl_diag_add_note(d, "SES signs this identity under '%s' (DkimAttributes.SigningHostedZone); the value "
                            "points elsewhere",
                         name_text(&id->signing_zone, z));
    else
        zl_diag_add_note(d, "SES DKIM values end in dkim.amazonses.com. (dkim.<region>.amazonses.com. in regions "
                            "with their own DKIM domain)");
}

/* A record that carries the token under another name: the DKIM CNAME in
 * the wrong place (origin doubled, _domainkey left out, name and value
 * swapped, another identity's name). */
static const struct xrec *dkim_elsewhere(const struct state *st, const char *tok, const struct zl_name *want)
{
    const struct xrec *best = NULL;
    for (size_t i = 0; i < st->recs.n; i++) {
        const struct xrec *r = zl_list_at(&st->recs, i);
        if (zl_name_equal(&r->owner, want) || (r->type != ZL_T_CNAME && r->type != ZL_T_TXT))
            continue;
        bool hit = label0_has(&r->owner, tok) || (r->has_target && label0_is(&r->target, tok));
        if (hit && (!best || (best->type != ZL_T_CNAME && r->type == ZL_T_CNAME)))
            best = r;
    }
    return best;
}

static void wrong_name_note(struct zl_diag *d, const struct xrec *r, const struct zl_name *want)
{
    if (!d)
        return;
    if (origin_appended(&r->owner, want, &r->origin)) {
        zl_diag_add_note(d, "the zone name was appended to the name: it was written with the domain but "
                            "without a trailing dot");
        return;
    }
    if (zl_name_find_label(want, "_domainkey") < 0)
        return;
    if (zl_name_find_label(&r->owner, "amazonses") >= 0)
        zl_diag_add_note(d, "name and value are swapped: the name is the value SES shows");
    else if (zl_name_find_label(&r->owner, "_domainkey") >= 0)
        zl_diag_add_note(d, "the record sits under another domain than the identity's");
    else if (zl_ascii_find((const char *)r->owner.wire, r->owner.len, "_domainkey") >= 0)
        zl_diag_add_note(d, "the name has no dot before '_domainkey', so token and '_domainkey' form one label");
    else
        zl_diag_add_note(d, "the name lacks the '_domainkey' label");
}

static bool check_dkim(struct zl_ctx *ctx, const struct zl_zone *z, const struct state *st,
                       const struct zl_ses_identity *id, const struct zl_span *apex)
{
    enum tok_state ts[ZL_SES_MAX_TOKENS] = { 0 };
    struct zl_name names[ZL_SES_MAX_TOKENS];
    const struct xrec *present = NULL; /* an Easy DKIM CNAME of this identity, to anchor missing ones */
    char nt[ZL_NAME_TEXT_MAX], want[ZL_NAME_TEXT_MAX + 80], tv[ZL_NAME_TEXT_MAX];
    size_t ok = 0;

    for (size_t i = 0; i < id->ntokens; i++) {
        const char *tok = id->tokens[i];
        struct zl_name dk;
        if (!prepend(&dk, "_domainkey", &id->domain) || !prepend(&names[i], tok, &dk)) {
            ts[i] = T_REPORTED; /* too long for DNS: SES could not have issued it */
            continue;
        }
        const struct zl_name *n = &names[i];
        dkim_value(id, tok, want, sizeof want);
        const struct xrec *r = find_at(st, n, ZL_T_CNAME, NULL);
        if (r) {
            if (!present)
                present = r;
            if (r->has_target && dkim_target_ok(id, tok, &r->target)) {
                ts[i] = T_OK;
                ok++;
                continue;
            }
            ts[i] = T_REPORTED;
            struct zl_diag *d = zl_report(ctx, R_MISMATCH, &r->value_span,
                                          "DKIM CNAME '%s' points to '%s'; SES expects '%s'", name_text(n, nt),
                                          r->has_target ? name_text(&r->target, tv) : "?", want);
            if (d) {
                dkim_mismatch_note(d, id, tok, r, z->origin);
                /* the target SES gives, with the zone appended (no trailing
                 * dot): the fix only removes the doubled zone, for sure */
                struct zl_name wn, stripped;
                bool appended = r->has_target && zl_name_from_text(&wn, want, strlen(want), NULL, NULL) == ZL_NAME_OK &&
                                zl_name_strip_origin(&r->target, &r->origin, &stripped) && zl_name_equal(&stripped, &wn);
                zl_diag_set_fix(d, r->value_span, want, appended ? ZL_FIX_SAFE : ZL_FIX_UNSAFE);
            }
            continue;
        }
        if (other_type_at(z, n, ZL_T_CNAME)) {
            ts[i] = T_REPORTED;
            report_other_type(ctx, z, st, n, "CNAME", ZL_T_CNAME, want, "Easy DKIM");
            continue;
        }
        const struct xrec *w = dkim_elsewhere(st, tok, n);
        if (w) {
            ts[i] = T_REPORTED;
            char wt[16];
            struct zl_diag *d = zl_report(ctx, R_WRONG_NAME, &w->owner_span,
                                          "the %s for DKIM token '%s' is at '%s'; SES looks up '%s' CNAME '%s'",
                                          zl_type_to_text(w->type, wt), tok, name_text(&w->owner, tv),
                                          name_text(n, nt), want);
            wrong_name_note(d, w, n);
            if (d && w->type == ZL_T_CNAME && !(w->has_target && dkim_target_ok(id, tok, &w->target)))
                zl_diag_add_note(d, "its value '%s' is wrong too", w->has_target ? name_text(&w->target, tv) : "?");
            else if (d && w->type != ZL_T_CNAME)
                zl_diag_add_note(d, "and it must be a CNAME, not a %s", zl_type_to_text(w->type, wt));
            fix_record(d, w, n, "CNAME", want);
        }
    }

    /* Missing ones last, anchored next to their siblings when there are any. */
    for (size_t i = 0; i < id->ntokens; i++) {
        if (ts[i] != T_MISSING)
            continue;
        dkim_value(id, id->tokens[i], want, sizeof want);
        struct zl_diag *d = zl_report(ctx, R_MISSING, present ? &present->span : apex,
                                      "SES expects '%s' CNAME '%s' (Easy DKIM, token %zu of %zu) and the zone "
                                      "has no record there",
                                      name_text(&names[i], nt), want, i + 1, id->ntokens);
        add_line(d, &names[i], "CNAME", want);
    }
    return ok == id->ntokens;
}

/* BYODKIM: Tokens[0] is the selector; SES does not return the key, so
 * only the name and the presence of p= can be checked. */
static bool check_byodkim(struct zl_ctx *ctx, const struct zl_zone *z, const struct state *st,
                          const struct zl_ses_identity *id, const struct zl_span *apex)
{
    static const char placeholder[] = "\"p=<your public key: the base64 between the PEM header and footer, "
                                      "on one line>\"";
    const char *sel = id->tokens[0];
    struct zl_name dk, n;
    char nt[ZL_NAME_TEXT_MAX], ot[ZL_NAME_TEXT_MAX];
    if (!prepend(&dk, "_domainkey", &id->domain) || !prepend(&n, sel, &dk))
        return false;
    size_t count;
    const struct xrec *r = find_at(st, &n, ZL_T_TXT, &count);
    if (r) {
        for (size_t i = 0; i < st->recs.n; i++) {
            const struct xrec *c = zl_list_at(&st->recs, i);
            if (c->type == ZL_T_TXT && zl_name_equal(&c->owner, &n) &&
                (zl_ascii_has_prefix(c->text, c->tlen, "p=") || zl_ascii_find(c->text, c->tlen, "; p=") >= 0 ||
                 zl_ascii_find(c->text, c->tlen, ";p=") >= 0 || c->tlen > TXT_KEEP))
                return true;
            /* a DKIM record without p= is dkim-key-missing's finding */
            if (c->type == ZL_T_TXT && zl_name_equal(&c->owner, &n) &&
                (zl_ascii_has_prefix(c->text, c->tlen, "v=DKIM1") || zl_ascii_find(c->text, c->tlen, "k=") >= 0))
                return false;
        }
        struct zl_diag *d = zl_report(ctx, R_MISMATCH, &r->value_span,
                                      "the TXT record at BYODKIM selector '%s' has no 'p=' public key; SES "
                                      "expects '%s' TXT \"p=<public key>\"",
                                      name_text(&n, nt), nt);
        if (d)
            zl_diag_add_note(d, "publish the public key of the pair you gave SES, as \"p=\" followed by the "
                                "base64 without the PEM header, footer and line breaks");
        return false;
    }
    if (other_type_at(z, &n, ZL_T_TXT)) {
        report_other_type(ctx, z, st, &n, "TXT", ZL_T_TXT, "\"p=<public key>\"", "BYODKIM public key");
        return false;
    }
    for (size_t i = 0; i < st->recs.n; i++) {
        const struct xrec *c = zl_list_at(&st->recs, i);
        if (c->type != ZL_T_TXT || !label0_is(&c->owner, sel) || zl_name_equal(&c->owner, &n))
            continue;
        struct zl_diag *d = zl_report(ctx, R_WRONG_NAME, &c->owner_span,
                                      "the TXT record for BYODKIM selector '%s' is at '%s'; SES looks up '%s'",
                                      sel, name_text(&c->owner, ot), name_text(&n, nt));
        wrong_name_note(d, c, &n);
        if (d && c->rewritable) {
            char o[ZL_NAME_TEXT_MAX];
            owner_as_written(c, &n, o);
            zl_diag_set_fix(d, c->owner_span, o, ZL_FIX_UNSAFE);
        }
        return false;
    }
    struct zl_diag *d = zl_report(ctx, R_MISSING, apex,
                                  "SES expects the BYODKIM public key at '%s' (selector '%s') and the zone has no "
                                  "TXT record there",
                                  name_text(&n, nt), sel);
    add_line(d, &n, "TXT", placeholder);
    return false;
}

/* ---- legacy verification TXT ------------------------------------------------------ */

/* How close a published value is to the token: for the note and whether a
 * fix-it is safe. */
static const char *closeness(const char *have, size_t n, const char *tok)
{
    size_t tl = strlen(tok);
    if (n == tl && zl_ascii_eq((const uint8_t *)have, (const uint8_t *)tok, n))
        return "it differs only in letter case, and the token is case-sensitive (base64)";
    if (n + 1 == tl && tok[tl - 1] == '=' && memcmp(have, tok, n) == 0)
        return "it lacks the token's trailing '='";
    if (n < tl && n >= 8 && memcmp(have, tok, n) == 0)
        return "it is the token cut short";
    if (n > tl && memcmp(have, tok, tl) == 0)
        return "it is the token followed by extra characters";
    if (n >= tl && zl_ascii_find(have, n, tok) >= 0)
        return "it holds the token with characters around it";
    return NULL;
}

static void check_verify_txt(struct zl_ctx *ctx, const struct state *st, const struct zl_ses_identity *id,
                             const struct zl_span *apex, bool dkim_known)
{
    const char *tok = id->verification_token;
    struct zl_name n;
    char nt[ZL_NAME_TEXT_MAX], ot[ZL_NAME_TEXT_MAX], quoted[ZL_SES_VTOKEN_MAX + 3];
    if (!prepend(&n, "_amazonses", &id->domain))
        return;
    snprintf(quoted, sizeof quoted, "\"%s\"", tok);
    size_t tl = strlen(tok);
    const struct xrec *at = NULL, *close = NULL;
    size_t count = 0;
    const char *why = NULL;
    for (size_t i = 0; i < st->recs.n; i++) {
        const struct xrec *r = zl_list_at(&st->recs, i);
        if (r->type != ZL_T_TXT)
            continue;
        bool here = zl_name_equal(&r->owner, &n), apex_txt = zl_name_equal(&r->owner, &id->domain);
        if ((here || apex_txt) && r->tlen == tl && memcmp(r->text, tok, tl) == 0)
            return; /* published */
        if (!here)
            continue;
        count++;
        if (!at)
            at = r;
        const char *c = closeness(r->text, r->tlen, tok);
        if (c && !close) {
            close = r;
            why = c;
        }
    }
    if (at) {
        const struct xrec *r = close ? close : at;
        struct zl_diag *d = zl_report(ctx, R_MISMATCH, &r->value_span,
                                      "%s TXT value%s at '%s' %s the verification token SES issued; SES expects "
                                      "%s, the zone has \"%.*s\"",
                                      count == 1 ? "the" : "none of the", count == 1 ? "" : "s", name_text(&n, nt),
                                      count == 1 ? "is not" : "is", quoted, (int)r->tlen, r->text);
        if (d && why)
            zl_diag_add_note(d, "%s", why);
        if (d && (close || count == 1))
            zl_diag_set_fix(d, r->value_span, quoted, ZL_FIX_UNSAFE);
        else if (d)
            add_line(d, &n, "TXT", quoted);
        if (d && count > 1 && !close)
            zl_diag_add_note(d, "several values are normal when several accounts or regions verify the domain; "
                                "add this one beside them");
        return;
    }
    for (size_t i = 0; i < st->recs.n; i++) {
        const struct xrec *r = zl_list_at(&st->recs, i);
        if (r->type != ZL_T_TXT || zl_name_equal(&r->owner, &id->domain) || !r->tlen ||
            zl_ascii_find(r->text, r->tlen, tok) < 0)
            continue;
        struct zl_diag *d = zl_report(ctx, R_WRONG_NAME, &r->owner_span,
                                      "the verification TXT record %s is at '%s'; SES looks up '%s'", quoted,
                                      name_text(&r->owner, ot), name_text(&n, nt));
        wrong_name_note(d, r, &n);
        fix_record(d, r, &n, "TXT", quoted);
        return;
    }
    struct zl_diag *d = zl_report(ctx, R_MISSING, apex,
                                  "SES expects '%s' TXT %s (domain verification) and the zone has no record there",
                                  name_text(&n, nt), quoted);
    add_line(d, &n, "TXT", quoted);
    if (d && !dkim_known)
        zl_diag_add_note(d, "or publish the identity's three DKIM CNAMEs instead: DKIM alone verifies a domain "
                            "(aws sesv2 get-email-identity lists them)");
}

/* ---- custom MAIL FROM --------------------------------------------------------------- */

/* The region for a suggested MAIL FROM MX. SES does not say (any region's
 * feedback endpoint works), so take the region the zone already uses for
 * this name, else the DKIM signing region, else any feedback MX's. */
static void guess_region(const struct state *st, const struct zl_ses_identity *id, char *region, size_t cap,
                         bool *guessed)
{
    *guessed = false;
    for (size_t i = 0; i < st->recs.n; i++) {
        const struct xrec *r = zl_list_at(&st->recs, i);
        struct zl_name head;
        if (r->type != ZL_T_MX || !r->has_target || !zl_name_equal(&r->owner, &id->mail_from))
            continue;
        if (feedback_target(&r->target, region, cap) ||
            (zl_name_strip_origin(&r->target, &r->origin, &head) && feedback_target(&head, region, cap)))
            return;
    }
    if (id->have_signing_zone && id->signing_zone.nlabels == 4 && label0_is(&id->signing_zone, "dkim")) {
        const uint8_t *l = zl_name_label(&id->signing_zone, 1);
        snprintf(region, cap, "%.*s", (int)l[0], (const char *)l + 1);
        return;
    }
    if (!strncmp(id->signing_origin, "AWS_SES_", 8) && id->signing_origin[8]) {
        size_t k = 0;
        for (const char *p = id->signing_origin + 8; *p && k + 1 < cap; p++)
            region[k++] = *p == '_' ? '-' : (char)(*p | 0x20);
        region[k] = '\0';
        return;
    }
    for (size_t i = 0; i < st->recs.n; i++) {
        const struct xrec *r = zl_list_at(&st->recs, i);
        if (r->type == ZL_T_MX && r->has_target && feedback_target(&r->target, region, cap))
            return;
    }
    snprintf(region, cap, "us-east-1");
    *guessed = true;
}

/* What SES expects at the MAIL FROM domain, worded once for every finding. */
struct mail_from_expect {
    const struct zl_name *name;
    char text[ZL_NAME_TEXT_MAX];
    char region[64];
    bool guessed;            /* region not known: us-east-1 is an example */
    char mx[160];            /* "10 feedback-smtp.<region>.amazonses.com." */
};

static const char ses_spf[] = "\"v=spf1 include:amazonses.com ~all\"";

static void region_note(struct zl_diag *d, const struct mail_from_expect *e)
{
    if (d && e->guessed)
        zl_diag_add_note(d, "use the feedback endpoint of the region you send from (us-east-1 is only an "
                            "example)");
}

/* The MAIL FROM record is at a name next to the one SES looks up (the zone
 * appended twice, another label): ZL5022 with a fix-it. */
static void report_moved(struct zl_ctx *ctx, const struct xrec *r, const struct mail_from_expect *e,
                         const char *what, const char *type, const char *value)
{
    char ot[ZL_NAME_TEXT_MAX];
    struct zl_diag *d = zl_report(ctx, R_WRONG_NAME, &r->owner_span,
                                  "the MAIL FROM %s is at '%s'; SES looks up '%s' %s %s", what,
                                  name_text(&r->owner, ot), e->text, type, value);
    wrong_name_note(d, r, e->name);
    if (d && r->rewritable) {
        char o[ZL_NAME_TEXT_MAX];
        owner_as_written(r, e->name, o);
        zl_diag_set_fix(d, r->owner_span, o, ZL_FIX_UNSAFE);
    }
}

static bool beside(const struct xrec *r, const struct zl_name *m)
{
    return same_label0(&r->owner, m) || origin_appended(&r->owner, m, &r->origin);
}

/* The MX: another target, a CNAME in its place, at a neighbouring name, or
 * missing. Returns the first MX at the name, or NULL. */
static const struct xrec *mail_from_mx(struct zl_ctx *ctx, const struct state *st, const struct zl_ses_identity *id,
                                       const struct zl_span *apex, const struct mail_from_expect *e)
{
    const struct zl_name *m = e->name;
    char tv[ZL_NAME_TEXT_MAX];
    const struct xrec *mx_at = NULL;
    bool mx_ok = false;
    for (size_t i = 0; i < st->recs.n; i++) {
        const struct xrec *r = zl_list_at(&st->recs, i);
        if (r->type != ZL_T_MX || !zl_name_equal(&r->owner, m))
            continue;
        if (!mx_at)
            mx_at = r; /* more than one MX is ses-mail-from-mx's finding */
        if (r->has_target && feedback_target(&r->target, NULL, 0))
            mx_ok = true;
    }
    if (mx_at) {
        if (mx_ok)
            return mx_at;
        struct zl_name head;
        bool appended = mx_at->has_target && zl_name_strip_origin(&mx_at->target, &mx_at->origin, &head) &&
                        feedback_target(&head, NULL, 0);
        struct zl_diag *d = zl_report(ctx, R_MISMATCH, &mx_at->value_span,
                                      "the MX at MAIL FROM domain '%s' points to '%s'; SES expects an MX to "
                                      "feedback-smtp.<region>.amazonses.com., such as '%s' MX %s",
                                      e->text, mx_at->has_target ? name_text(&mx_at->target, tv) : "?",
                                      e->text, e->mx);
        if (d && appended) {
            char fixv[160];
            snprintf(fixv, sizeof fixv, "%u feedback-smtp.%s.amazonses.com.", mx_at->pref, e->region);
            zl_diag_add_note(d, "the zone name was appended to the value: write it with a trailing dot");
            zl_diag_set_fix(d, mx_at->value_span, fixv, ZL_FIX_SAFE);
        } else {
            region_note(d, e);
        }
        return mx_at;
    }
    const struct xrec *cn = find_at(st, m, ZL_T_CNAME, NULL);
    if (cn) {
        /* A CNAME hides every other record at the name (an A is harmless). */
        struct zl_diag *d = zl_report(ctx, R_MISMATCH, &cn->type_span,
                                      "MAIL FROM domain '%s' is a CNAME to '%s'; SES expects an MX record there "
                                      "(such as MX %s) and an SPF TXT record, which a CNAME cannot sit beside",
                                      e->text, cn->has_target ? name_text(&cn->target, tv) : "?", e->mx);
        if (d) {
            zl_diag_add_note(d, "replace the CNAME with: %s %d IN MX %s", e->text, SUGGESTED_TTL, e->mx);
            zl_diag_add_note(d, "and add: %s %d IN TXT %s", e->text, SUGGESTED_TTL, ses_spf);
        }
        return NULL;
    }
    for (size_t i = 0; i < st->recs.n; i++) {
        const struct xrec *r = zl_list_at(&st->recs, i);
        if (r->type == ZL_T_MX && r->has_target && feedback_target(&r->target, NULL, 0) && beside(r, m)) {
            report_moved(ctx, r, e, "MX", "MX", e->mx);
            return NULL;
        }
    }
    struct zl_diag *d = zl_report(ctx, R_MISSING, apex,
                                  "SES expects an MX at '%s' to feedback-smtp.<region>.amazonses.com. for "
                                  "the custom MAIL FROM domain and the zone has no MX there",
                                  e->text);
    add_line(d, m, "MX", e->mx);
    region_note(d, e);
    if (d && id->mail_from_status[0])
        zl_diag_add_note(d, "SES reports the MAIL FROM status as %s", id->mail_from_status);
    return NULL;
}

/* The SPF record: without amazonses.com, at a neighbouring name, or missing. */
static void mail_from_spf(struct zl_ctx *ctx, const struct state *st, const struct zl_span *apex,
                          const struct mail_from_expect *e, const struct xrec *mx_at)
{
    const struct zl_name *m = e->name;
    const struct xrec *spf_at = NULL;
    for (size_t i = 0; i < st->recs.n; i++) {
        const struct xrec *r = zl_list_at(&st->recs, i);
        if (!zl_name_equal(&r->owner, m) || !spf_text(r))
            continue;
        if (spf_includes_ses(r))
            return;
        if (!spf_at)
            spf_at = r;
    }
    if (spf_at) {
        bool delegates = zl_ses_spf_delegates(spf_at->text + 6, spf_at->tlen - 6);
        struct zl_diag *d = zl_report(ctx, R_MISMATCH, &spf_at->value_span,
                                      "the SPF record at MAIL FROM domain '%s' does not include amazonses.com%s; SES "
                                      "expects '%s' TXT %s",
                                      e->text, delegates ? " itself (the records it includes are not in this zone)"
                                                         : "",
                                      e->text, ses_spf);
        /* include:spf.<sender> may reach amazonses.com: only a hint then */
        if (d && delegates && d->severity == R_MISMATCH->severity)
            d->severity = ZL_SEV_INFO;
        if (d)
            zl_diag_add_note(d, "the zone has \"%.*s\"; add 'include:amazonses.com' before the 'all' term",
                             (int)spf_at->tlen, spf_at->text);
        return;
    }
    for (size_t i = 0; i < st->recs.n; i++) {
        const struct xrec *r = zl_list_at(&st->recs, i);
        if (spf_includes_ses(r) && !zl_name_equal(&r->owner, m) && beside(r, m)) {
            report_moved(ctx, r, e, "SPF record", "TXT", ses_spf);
            return;
        }
    }
    if (!mx_at && find_at(st, m, ZL_T_CNAME, NULL))
        return; /* the CNAME finding said it all */
    struct zl_diag *d = zl_report(ctx, R_MISSING, mx_at ? &mx_at->span : apex,
                                  "SES expects '%s' TXT %s for the custom MAIL FROM domain and the zone has no SPF "
                                  "record there",
                                  e->text, ses_spf);
    add_line(d, m, "TXT", ses_spf);
}

static void check_mail_from(struct zl_ctx *ctx, const struct zl_zone *z, const struct state *st,
                            const struct zl_ses_identity *id, const struct zl_span *apex)
{
    (void)z;
    struct mail_from_expect e;
    e.name = &id->mail_from;
    name_text(e.name, e.text);
    guess_region(st, id, e.region, sizeof e.region, &e.guessed);
    snprintf(e.mx, sizeof e.mx, "10 feedback-smtp.%s.amazonses.com.", e.region);
    const struct xrec *mx_at = mail_from_mx(ctx, st, id, apex, &e);
    mail_from_spf(ctx, st, apex, &e, mx_at);
}

/* ---- SOA --------------------------------------------------------------------------- */

/* RFC 1982 serial arithmetic: a is newer than b. */
static bool serial_newer(uint32_t a, uint32_t b)
{
    return a != b && (uint32_t)(a - b) < 0x80000000u;
}

static void check_soa(struct zl_ctx *ctx, const struct state *st, const struct zl_ses_identity *id)
{
    if (!st->have_soa || (!id->have_soa && !id->have_serial))
        return;
    char dn[ZL_NAME_TEXT_MAX], ses[ZL_NAME_TEXT_MAX], mine[ZL_NAME_TEXT_MAX];
    name_text(&id->domain, dn);
    name_text(&st->mname, mine);
    struct zl_diag *d = NULL;
    if (id->have_soa && !zl_name_equal(&id->soa_mname, &st->mname)) {
        name_text(&id->soa_mname, ses);
        if (id->have_serial)
            d = zl_report(ctx, R_SOA, &st->mname_span,
                          "SES last read the SOA for '%s' with primary name server '%s' and serial %u, but this "
                          "zone's SOA names '%s' (serial %u): SES is reading a different zone than this file, so "
                          "records added here are not on the delegated name servers",
                          dn, ses, id->soa_serial, mine, st->serial);
        else
            d = zl_report(ctx, R_SOA, &st->mname_span,
                          "SES last read the SOA for '%s' with primary name server '%s', but this zone's SOA names "
                          "'%s': SES is reading a different zone than this file, so records added here are not on "
                          "the delegated name servers",
                          dn, ses, mine);
        if (d)
            zl_diag_add_note(d, "publish the records with the DNS provider whose name servers the domain is "
                                "delegated to (dig NS %s), or delegate the domain to this zone's name servers at "
                                "the registrar",
                             dn);
    } else if (id->have_serial && serial_newer(id->soa_serial, st->serial)) {
        d = zl_report(ctx, R_SOA, &st->serial_span,
                      "SES last read serial %u for '%s', newer than this file's %u: the zone on the name servers is "
                      "not this file (an older copy, or another zone with the same primary)",
                      id->soa_serial, dn, st->serial);
        if (d)
            zl_diag_add_note(d, "compare with what is served (dig SOA %s) and edit the zone that is live", dn);
    }
    if (d && id->last_checked[0])
        zl_diag_add_note(d, "SES last checked at %s%s%s", id->last_checked, id->error_type[0] ? "; error " : "",
                         id->error_type);
}

/* ---- delegation ------------------------------------------------------------------- */

static void list_names(struct zl_buf *b, const struct zl_name *const *v, size_t n)
{
    char t[ZL_NAME_TEXT_MAX];
    for (size_t i = 0; i < n; i++)
        zl_buf_printf(b, "%s%s", i ? ", " : "", name_text(v[i], t));
}

#define MAX_NS 64

static void check_delegation(struct zl_ctx *ctx, const struct zl_zone *z, const struct state *st,
                             const struct zl_span *apex)
{
    const struct zl_delegation *dl = zl_ctx_delegation(ctx);
    const struct zl_name *want[MAX_NS], *have[MAX_NS];
    const struct xrec *have_rec[MAX_NS];
    size_t other;
    size_t nw = zl_delegation_for(dl, z->origin, want, MAX_NS, &other);
    char on[ZL_NAME_TEXT_MAX], t[ZL_NAME_TEXT_MAX];
    if (z->origin)
        name_text(z->origin, on);
    else
        strcpy(on, "(unknown origin)");
    if (nw == 0) {
        if (zl_ctx_input_zones(ctx) > 1)
            return; /* one zone of several: the delegation is another's */
        zl_report(ctx, R_DELEGATION, apex,
                  "the NS records in %s are for other names than this zone '%s'; nothing to compare the apex NS "
                  "set with",
                  dl->source, on);
        return;
    }
    struct zl_buf wl = { 0 };
    list_names(&wl, want, nw);
    size_t nh = 0;
    for (size_t i = 0; i < st->ns.n && nh < MAX_NS; i++) {
        const struct xrec *r = zl_list_at(&st->ns, i);
        bool dup = false;
        for (size_t k = 0; k < nh && !dup; k++)
            dup = zl_name_equal(have[k], &r->target);
        if (!dup) {
            have_rec[nh] = r;
            have[nh++] = &r->target;
        }
    }
    if (nh == 0) {
        struct zl_diag *d = zl_report(ctx, R_DELEGATION, apex,
                                      "the zone has no NS records at its apex, so it cannot be checked against the "
                                      "delegation (%s, from %s)",
                                      zl_buf_cstr(&wl), dl->source);
        for (size_t i = 0; d && z->origin && i < nw; i++)
            zl_diag_add_note(d, "add: %s 3600 IN NS %s", on, name_text(want[i], t));
        zl_buf_free(&wl);
        return;
    }
    size_t common = 0;
    for (size_t i = 0; i < nh; i++)
        for (size_t k = 0; k < nw; k++)
            if (zl_name_equal(have[i], want[k]))
                common++;
    if (common == 0) {
        struct zl_buf hl = { 0 };
        list_names(&hl, have, nh);
        struct zl_diag *d = zl_report(ctx, R_DELEGATION, &have_rec[0]->span,
                                      "none of this zone's name servers (%s) is among the delegated ones (%s, from "
                                      "%s): this file is not the zone the domain is delegated to, so SES and every "
                                      "resolver read another zone and never see the records here",
                                      zl_buf_cstr(&hl), zl_buf_cstr(&wl), dl->source);
        if (d)
            zl_diag_add_note(d, "publish the records with the provider that runs %s, or change the delegation at "
                                "the registrar to %s",
                             zl_buf_cstr(&wl), zl_buf_cstr(&hl));
        zl_buf_free(&hl);
        zl_buf_free(&wl);
        return;
    }
    for (size_t i = 0; i < nh; i++) {
        bool found = false;
        for (size_t k = 0; k < nw && !found; k++)
            found = zl_name_equal(have[i], want[k]);
        if (found)
            continue;
        struct zl_diag *d = zl_report(ctx, R_DELEGATION, &have_rec[i]->value_span,
                                      "name server '%s' is in this zone's apex NS set but not in the delegation "
                                      "(%s, from %s): resolvers are never sent to it, and if it serves another "
                                      "copy of the zone, what it answers differs",
                                      name_text(have[i], t), zl_buf_cstr(&wl), dl->source);
        if (d)
            zl_diag_add_note(d, "remove it here, or add it to the delegation at the registrar");
    }
    const struct xrec *last = have_rec[nh - 1];
    for (size_t k = 0; k < nw; k++) {
        bool found = false;
        for (size_t i = 0; i < nh && !found; i++)
            found = zl_name_equal(have[i], want[k]);
        if (found)
            continue;
        struct zl_diag *d = zl_report(ctx, R_DELEGATION, &last->span,
                                      "delegated name server '%s' (from %s) is missing from this zone's apex NS set",
                                      name_text(want[k], t), dl->source);
        if (d)
            zl_diag_add_note(d, "add: %s %u IN NS %s", on, last->ttl, t);
    }
    zl_buf_free(&wl);
}

/* ---- the zone hook -------------------------------------------------------------------- */

/* A name that ends in the zone's origin twice: a doubled name, never an
 * identity. */
static bool doubled(const struct zl_name *n, const struct zl_name *origin)
{
    return origin && origin->nlabels && n->nlabels >= 2 * origin->nlabels &&
           zl_name_ends_in_before(n, origin->nlabels, origin);
}

/* The v2 output does not name its identity. The zone shows it: the name the
 * DKIM tokens' CNAMEs (or the BYODKIM selector's key) sit under, else the
 * parent of the MAIL FROM domain; the origin when neither is below it. */
static void infer_identity(struct state *st, const struct zl_name *origin)
{
    struct zl_ses_identity *id = &st->id;
    struct zl_name best;
    size_t best_votes = 0;
    for (size_t i = 0; i < st->recs.n; i++) {
        const struct xrec *r = zl_list_at(&st->recs, i);
        if (r->owner.nlabels < 3 || !zl_name_label_is(zl_name_label(&r->owner, 1), "_domainkey"))
            continue;
        bool tok = false;
        for (size_t k = 0; k < id->ntokens && !tok; k++)
            tok = label0_is(&r->owner, id->tokens[k]);
        if (!tok)
            continue;
        struct zl_name d;
        zl_name_suffix(&d, &r->owner, 2);
        if (!zl_name_is_subdomain(&d, origin) || doubled(&d, origin))
            continue;
        size_t votes = 0;
        for (size_t j = 0; j < st->recs.n; j++) {
            const struct xrec *q = zl_list_at(&st->recs, j);
            struct zl_name e;
            if (q->owner.nlabels < 3 || !zl_name_label_is(zl_name_label(&q->owner, 1), "_domainkey"))
                continue;
            zl_name_suffix(&e, &q->owner, 2);
            votes += zl_name_equal(&e, &d);
        }
        if (votes > best_votes) {
            best = d;
            best_votes = votes;
        }
    }
    if (best_votes) {
        id->domain = best;
        return;
    }
    if (id->have_mail_from && id->mail_from.nlabels > origin->nlabels + 1) {
        struct zl_name parent;
        zl_name_suffix(&parent, &id->mail_from, 1);
        if (zl_name_is_subdomain(&parent, origin) && !doubled(&parent, origin))
            id->domain = parent;
    }
}

static void check_identity(struct zl_ctx *ctx, const struct zl_zone *z, struct state *st,
                           const struct zl_span *apex)
{
    const struct zl_ses_expect *x = zl_ctx_ses_expect(ctx);
    pick(ctx, st, z->origin);
    char on[ZL_NAME_TEXT_MAX], dn[ZL_NAME_TEXT_MAX];
    /* One zone of several (a Terraform module): the identity is checked in
     * the zone that holds it; the others say nothing about it. */
    bool one_of_many = zl_ctx_input_zones(ctx) > 1;
    if (one_of_many && (st->pick == ZL_SES_PICK_NO_ORIGIN || st->pick == ZL_SES_PICK_AMBIGUOUS))
        return;
    if (st->pick == ZL_SES_PICK_NO_ORIGIN) {
        zl_report(ctx, R_MISSING, apex,
                  "the zone's origin is unknown, so the names SES looks up cannot be checked; give --origin");
        return;
    }
    if (st->pick == ZL_SES_PICK_AMBIGUOUS) {
        struct zl_buf b = { 0 };
        for (size_t i = 0; i < x->n; i++)
            if (x->v[i].named)
                zl_buf_printf(&b, "%s%s", b.len ? ", " : "", name_text(&x->v[i].domain, dn));
        zl_report(ctx, R_MISSING, apex,
                  "%s describe several identities (%s) and none is this zone's origin '%s'; pass the one for "
                  "this zone",
                  x->files, zl_buf_cstr(&b), z->origin ? name_text(z->origin, on) : "?");
        zl_buf_free(&b);
        return;
    }
    if (st->id.assumed && z->origin)
        infer_identity(st, z->origin);
    const struct zl_ses_identity *id = &st->id;
    if (z->origin && !zl_name_is_subdomain(&id->domain, z->origin)) {
        if (one_of_many)
            return;
        struct zl_diag *d = zl_report(ctx, R_MISSING, apex,
                                      "SES identity '%s' (from %s) is not in this zone '%s': none of its records "
                                      "can be published here",
                                      name_text(&id->domain, dn), x->files, name_text(z->origin, on));
        if (d)
            zl_diag_add_note(d, "lint the zone of '%s', or give the identity output for '%s'", dn, on);
        return;
    }

    bool dkim_ok = false;
    if (id->have_dkim)
        dkim_ok = id->byodkim ? check_byodkim(ctx, z, st, id, apex) : check_dkim(ctx, z, st, id, apex);
    /* Since 2022 DKIM alone verifies a domain: the legacy TXT is needed only
     * when the DKIM records are not all in place. */
    if (id->verification_token[0] && !dkim_ok)
        check_verify_txt(ctx, st, id, apex, id->have_dkim);
    if (id->have_mail_from && (!z->origin || zl_name_is_subdomain(&id->mail_from, z->origin)))
        check_mail_from(ctx, z, st, id, apex);
    check_soa(ctx, st, id);
}

void zl_crosscheck_zone(const struct zl_zone *z, struct zl_ctx *ctx)
{
    if (!zl_ctx_ses_expect(ctx) && !zl_ctx_delegation(ctx))
        return;
    struct state *st = get_state(ctx);
    struct zl_span tmp;
    const struct zl_span *apex = apex_anchor(st, z, ctx, &tmp);
    if (zl_ctx_delegation(ctx))
        check_delegation(ctx, z, st, apex);
    if (zl_ctx_ses_expect(ctx))
        check_identity(ctx, z, st, apex);
}


/* ---- explanations ----------------------------------------------------------------------- */

const char zl_explain_ns_delegation_mismatch[] =
    "Runs only with --expect-ns: the name servers the domain is delegated to, as\n"
    "a comma-separated list or a file with 'dig NS' (or 'dig +short NS', or\n"
    "whois) output. Compares them with the zone's apex NS records.\n"
    "\n"
    "Resolvers, and SES when it verifies a domain, only ask the delegated name\n"
    "servers. A zone file whose NS set shares no server with the delegation is\n"
    "not the zone anyone reads: records added to it (DKIM CNAMEs, the MAIL FROM\n"
    "MX) are never seen, and the SES identity stays \"verification pending\".\n"
    "This happens after moving DNS to another provider, or when a second hosted\n"
    "zone of the same name exists (Route 53 makes new NS names for each). A\n"
    "partial difference is reported per server.\n"
    "\n"
    "Delegation (--expect-ns):\n"
    "\n"
    "    ns-1.awsdns-01.org,ns-2.awsdns-02.com\n"
    "\n"
    "Bad:\n"
    "\n"
    "    @  IN NS  ns1.example.net.\n"
    "    @  IN NS  ns2.example.net.\n"
    "\n"
    "Good:\n"
    "\n"
    "    @  IN NS  ns-1.awsdns-01.org.\n"
    "    @  IN NS  ns-2.awsdns-02.com.\n";

const char zl_explain_ses_identity_missing[] =
    "Runs only with --ses-identity FILE: the JSON printed by 'aws sesv2\n"
    "get-email-identity --email-identity example.com' (or by 'aws ses\n"
    "get-identity-verification-attributes', 'get-identity-dkim-attributes' and\n"
    "'get-identity-mail-from-domain-attributes'; the option may be repeated and\n"
    "a file may hold several outputs one after the other).\n"
    "\n"
    "From DkimAttributes.Tokens and SigningHostedZone, VerificationToken and\n"
    "MailFromAttributes.MailFromDomain, zonelint knows the exact names and values\n"
    "SES looks up, and reports each one the zone lacks, with the line to add.\n"
    "For BYODKIM (SigningAttributesOrigin EXTERNAL) Tokens holds the selector and\n"
    "the key itself is yours, so only its TXT record's presence is checked. The\n"
    "legacy _amazonses TXT record is expected only when the DKIM records are not\n"
    "all in place, since DKIM alone verifies a domain.\n"
    "\n"
    "The v2 output does not name its identity: name it with --ses-identity\n"
    "mail.example.com=FILE, or zonelint takes the name the zone's CNAMEs for its\n"
    "DKIM tokens sit under (<token>._domainkey.mail.example.com: the identity is\n"
    "mail.example.com), else the parent of its MailFromDomain, else the zone's\n"
    "origin. v1 outputs are keyed by identity: the one named like the origin is\n"
    "used, or the only one.\n"
    "\n"
    "Identity (--ses-identity):\n"
    "\n"
    "    {\"DkimAttributes\": {\"SigningEnabled\": true, \"Status\": \"PENDING\",\n"
    "      \"Tokens\": [\"4ixtpnvpubjuxqvnex727otq55y2ew7w\", \"tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo\",\n"
    "                 \"vtlb7vjp6beuml7w2oxu4h7zsvbruq2r\"],\n"
    "      \"SigningHostedZone\": \"dkim.amazonses.com\", \"SigningAttributesOrigin\": \"AWS_SES\"}}\n"
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo._domainkey CNAME tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo.dkim.amazonses.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n"
    "    tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo._domainkey CNAME tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo.dkim.amazonses.com.\n"
    "    vtlb7vjp6beuml7w2oxu4h7zsvbruq2r._domainkey CNAME vtlb7vjp6beuml7w2oxu4h7zsvbruq2r.dkim.amazonses.com.\n";

const char zl_explain_ses_identity_mismatch[] =
    "Runs only with --ses-identity. A record SES looks up is at the right name\n"
    "but holds another value than SES gave (a DKIM CNAME to another token or\n"
    "signing domain, an _amazonses TXT with another token, a MAIL FROM MX that\n"
    "is not an SES feedback endpoint, an SPF record without amazonses.com), or\n"
    "the name holds another type of record. SES reports these as INVALID_VALUE\n"
    "or TYPE_NOT_FOUND and the identity stays \"verification pending\".\n"
    "\n"
    "Identity (--ses-identity):\n"
    "\n"
    "    {\"DkimAttributes\": {\"SigningEnabled\": true, \"Status\": \"PENDING\",\n"
    "      \"Tokens\": [\"4ixtpnvpubjuxqvnex727otq55y2ew7w\"],\n"
    "      \"SigningHostedZone\": \"dkim.eu-south-1.amazonses.com\"}}\n"
    "\n"
    "Bad:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.eu-south-1.amazonses.com.\n";

const char zl_explain_ses_identity_wrong_name[] =
    "Runs only with --ses-identity. The record SES looks for is in the zone, but\n"
    "under another name than the one SES looks up: the zone name appended twice\n"
    "(a name copied with the domain and no trailing dot), '_domainkey' left out,\n"
    "name and value swapped, or the MAIL FROM records on another subdomain. SES\n"
    "reports HOST_NOT_FOUND.\n"
    "\n"
    "The v1 output of aws ses get-identity-verification-attributes:\n"
    "\n"
    "Identity (--ses-identity):\n"
    "\n"
    "    {\"VerificationAttributes\": {\"example.com\": {\"VerificationStatus\": \"Pending\",\n"
    "      \"VerificationToken\": \"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\"}}}\n"
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    _amazonses.example.com  TXT  \"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    _amazonses  TXT  \"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\"\n";

const char zl_explain_ses_identity_soa[] =
    "Runs only with --ses-identity and the v2 output, whose\n"
    "VerificationInfo.SOARecord is the SOA SES saw when it last looked for the\n"
    "records. When its primary name server differs from this zone's SOA MNAME,\n"
    "SES is reading another zone than this file: the domain is delegated\n"
    "elsewhere (another provider, or another hosted zone of the same name), and\n"
    "records added here are never seen. When the primary matches but SES saw a\n"
    "newer serial, this file is not what is served either. A warning, because\n"
    "SES's view dates from its last check. Edit the zone the domain is delegated\n"
    "to, or delegate the domain to this zone's name servers.\n"
    "\n"
    "Identity (--ses-identity):\n"
    "\n"
    "    {\"IdentityType\": \"DOMAIN\", \"VerificationStatus\": \"PENDING\",\n"
    "     \"VerificationInfo\": {\"ErrorType\": \"HOST_NOT_FOUND\",\n"
    "       \"SOARecord\": {\"PrimaryNameServer\": \"ns-1.awsdns-01.org\",\n"
    "         \"AdminEmail\": \"awsdns-hostmaster.amazon.com\", \"SerialNumber\": 1}}}\n"
    "\n"
    "Bad:\n"
    "\n"
    "    @  IN SOA  ns1.example.net. hostmaster.example.com. 2024060101 7200 3600 1209600 3600\n"
    "\n"
    "Good:\n"
    "\n"
    "    @  IN SOA  ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400\n";
