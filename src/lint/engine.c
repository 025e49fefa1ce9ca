/* SPDX-License-Identifier: MIT */
/* Rule engine: dispatch of records to the passes, per-file state, the zone
 * summary, reporting (findings per record, superseded and suppressed ones,
 * order). Indexes: zone_index.c; suppressions: suppress.c. */
#include "lint/engine_impl.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "lint/patterns.h"
#include "rdata/types.h"
#include "lint/senders.h"
#include "base/source.h"

static bool wants_type(const struct zl_pass *p, uint16_t type)
{
    if (!p->types)
        return true;
    for (const uint16_t *t = p->types; *t; t++)
        if (*t == type)
            return true;
    return false;
}

#define DISPATCH(c, t) ((c)->dispatch + (size_t)(t) * (c)->reg->npasses)

struct zl_engine *zl_engine_new_registry(const struct zl_registry *reg, const struct zl_selection *sel,
                                         struct zl_diag_sink sink)
{
    struct zl_engine *e = zl_xcalloc(1, sizeof *e);
    struct zl_ctx *c = &e->ctx;
    if (reg->npasses > 255)
        abort(); /* dispatch lists hold pass indexes in a byte */
    c->reg = reg;
    c->sel = *sel;
    c->sink = sink;
    c->enabled = zl_xcalloc(reg->nrules ? reg->nrules : 1, sizeof *c->enabled);
    c->state = zl_xcalloc(reg->nrules ? reg->nrules : 1, sizeof *c->state);
    c->pass_on = zl_xcalloc(reg->npasses ? reg->npasses : 1, sizeof *c->pass_on);
    c->dispatch = zl_xmalloc((size_t)TYPE_BITS * (reg->npasses ? reg->npasses : 1));
    for (unsigned i = 0; i < reg->nrules; i++) {
        c->enabled[i] = zl_selection_selects(sel, &reg->rules[i]);
        if (c->enabled[i] && reg->rules[i].pass < reg->npasses)
            c->pass_on[reg->rules[i].pass] = true;
    }
    return e;
}

/* The dispatch list of type t (below TYPE_BITS), on its first record. */
static void build_dispatch(struct zl_ctx *c, unsigned t)
{
    const struct zl_registry *reg = c->reg;
    uint8_t *list = DISPATCH(c, t);
    unsigned n = 0;
    for (unsigned i = 0; i < reg->npasses; i++)
        if (c->pass_on[i] && reg->passes[i].check_record && wants_type(&reg->passes[i], (uint16_t)t))
            list[n++] = (uint8_t)i;
    c->ndispatch[t] = (uint8_t)n;
    c->dispatch_ready[t] = true;
}

struct zl_engine *zl_engine_new(const struct zl_selection *sel, struct zl_diag_sink sink)
{
    return zl_engine_new_registry(&zl_registry, sel, sink);
}

/* ---- per-file memory ------------------------------------------------------ */

void *zl_ctx_alloc(struct zl_ctx *ctx, size_t n)
{
    void *p = zl_ctx_alloc_raw(ctx, n);
    memset(p, 0, n);
    return p;
}

void *zl_ctx_alloc_raw(struct zl_ctx *ctx, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    struct arena_block *b = ctx->arena;
    if (!b || b->used + n > b->cap) {
        size_t cap = n > 65536 ? n : 65536;
        b = zl_xmalloc(sizeof *b + cap);
        b->cap = cap;
        b->used = 0;
        b->next = ctx->arena;
        ctx->arena = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

void *zl_ctx_block(struct zl_ctx *ctx, size_t n)
{
    struct own_block *b = zl_xcalloc(1, sizeof *b + n);
    b->next = ctx->blocks;
    if (b->next)
        b->next->prev = b;
    ctx->blocks = b;
    return b->data;
}

void zl_ctx_block_free(struct zl_ctx *ctx, void *p)
{
    if (!p)
        return;
    struct own_block *b = (struct own_block *)((char *)p - offsetof(struct own_block, data));
    if (b->prev)
        b->prev->next = b->next;
    else
        ctx->blocks = b->next;
    if (b->next)
        b->next->prev = b->prev;
    free(b);
}

char *zl_ctx_strdup(struct zl_ctx *ctx, const char *s, size_t n)
{
    char *p = zl_ctx_alloc(ctx, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static size_t rule_index(const struct zl_ctx *ctx, const struct zl_rule *rule)
{
    size_t i = (size_t)(rule - ctx->reg->rules);
    if (i >= ctx->reg->nrules)
        abort(); /* a rule of another registry: a bug */
    return i;
}

void **zl_ctx_state(struct zl_ctx *ctx, const struct zl_rule *rule)
{
    return &ctx->state[rule_index(ctx, rule)];
}

const struct zl_name *zl_ctx_origin(const struct zl_ctx *ctx)
{
    return ctx->have_origin ? &ctx->origin : NULL;
}

bool zl_ctx_whole_zone(const struct zl_ctx *ctx)
{
    return ctx->whole_zone;
}

bool zl_ctx_enabled(const struct zl_ctx *ctx, const struct zl_rule *rule)
{
    return ctx->enabled[rule_index(ctx, rule)];
}

const struct zl_ses_expect *zl_ctx_ses_expect(const struct zl_ctx *ctx)
{
    return ctx->ses_expect;
}

const struct zl_delegation *zl_ctx_delegation(const struct zl_ctx *ctx)
{
    return ctx->delegation;
}

uint32_t zl_ctx_record_index(const struct zl_ctx *ctx)
{
    return (uint32_t)ctx->nrecs;
}

uint64_t zl_ctx_owner_hash(const struct zl_ctx *ctx, const struct zl_record *rec)
{
    if (rec == ctx->cur && ctx->nrecs < ctx->crecs)
        return ctx->recs[ctx->nrecs].owner;
    return zl_name_hash64(&rec->owner);
}

bool zl_ctx_owner_outside(const struct zl_ctx *ctx, const struct zl_record *rec)
{
    if (rec == ctx->cur && ctx->nrecs < ctx->crecs)
        return (ctx->rflags[ctx->nrecs] & ZL_ZREC_OUT_OF_ZONE) != 0;
    return ctx->have_origin && !zl_name_is_subdomain(&rec->owner, &ctx->origin);
}

struct zl_span zl_ctx_file_start(const struct zl_ctx *ctx)
{
    struct zl_span s = { ctx->file, 1, 1, 1, 1 };
    return s;
}

void zl_engine_set_ses_expect(struct zl_engine *e, const struct zl_ses_expect *x)
{
    e->ctx.ses_expect = x;
}

void zl_engine_set_delegation(struct zl_engine *e, const struct zl_delegation *d)
{
    e->ctx.delegation = d;
}

void zl_engine_set_senders(struct zl_engine *e, struct zl_senders *s)
{
    e->ctx.senders = s;
}

struct zl_senders *zl_ctx_senders(struct zl_ctx *ctx)
{
    if (!ctx->senders) {
        ctx->senders = zl_senders_new();
        ctx->own_senders = true;
    }
    return ctx->senders;
}

void zl_engine_set_file(struct zl_engine *e, const struct zl_source *src)
{
    e->ctx.file = src;
}

void zl_engine_set_input_zones(struct zl_engine *e, unsigned n)
{
    e->ctx.input_zones = n;
}

unsigned zl_ctx_input_zones(const struct zl_ctx *ctx)
{
    return ctx->input_zones ? ctx->input_zones : 1;
}

/* ---- reporting ------------------------------------------------------------ */

static struct zl_diag *push_pending(struct zl_ctx *c)
{
    if (c->npending == c->cpending) {
        c->cpending = c->cpending ? c->cpending * 2 : 16;
        c->pending = zl_xrealloc(c->pending, c->cpending * sizeof *c->pending);
    }
    struct zl_diag *d = &c->pending[c->npending++];
    memset(d, 0, sizeof *d);
    return d;
}

/* Findings of one rule for one record beyond this many are counted, not
 * kept: a $GENERATE line stands for up to 65536 records that share its
 * place, a file included over and over is one file, and that many copies of
 * a finding cost hundreds of MB and say nothing more. The last one kept gets
 * a note with the count (zl_engine_end). Per record, not per line: a
 * minified export has every record on line 1. */
#define MAX_PER_RECORD 100

static size_t lc_hash(uint64_t file, uint32_t line, uint32_t col, uint32_t rule, size_t cap)
{
    uint64_t h = (file * 0x9e3779b97f4a7c15ull) ^ ((uint64_t)line << 24) ^ ((uint64_t)col << 8) ^ rule;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return (size_t)h & (cap - 1);
}

/* The count for a finding of rule at span: keyed by the record being checked
 * (its first position), or by the finding's own place for zone checks. */
static struct line_count *line_count(struct zl_ctx *c, uint32_t rule, const struct zl_span *span)
{
    if ((c->nlcount + 1) * 2 > c->clcount) {
        size_t ncap = c->clcount ? c->clcount * 2 : 64;
        struct line_count *nt = zl_xcalloc(ncap, sizeof *nt);
        for (size_t i = 0; i < c->clcount; i++) {
            const struct line_count *o = &c->lcount[i];
            if (!o->rule)
                continue;
            size_t k = lc_hash(o->file, o->line, o->col, o->rule, ncap);
            while (nt[k].rule)
                k = (k + 1) & (ncap - 1);
            nt[k] = *o;
        }
        free(c->lcount);
        c->lcount = nt;
        c->clcount = ncap;
    }
    const struct zl_span *at = c->cur && c->cur->span.src == span->src ? &c->cur->span : span;
    uint64_t file = file_key(span->src);
    size_t k = lc_hash(file, at->line, at->col, rule, c->clcount);
    for (;; k = (k + 1) & (c->clcount - 1)) {
        struct line_count *e = &c->lcount[k];
        if (!e->rule) {
            e->file = file;
            e->line = at->line;
            e->col = at->col;
            e->rule = rule;
            c->nlcount++;
            return e;
        }
        if (e->rule == rule && e->line == at->line && e->col == at->col && e->file == file)
            return e;
    }
}

struct zl_diag *zl_report(struct zl_ctx *ctx, const struct zl_rule *rule, const struct zl_span *span,
                          const char *fmt, ...)
{
    if (!zl_ctx_enabled(ctx, rule))
        return NULL;
    size_t ri = rule_index(ctx, rule);
    struct line_count *lc = line_count(ctx, (uint32_t)ri + 1, span);
    if (++lc->n > MAX_PER_RECORD)
        return NULL;
    lc->last = ctx->npending;
    struct zl_diag *d = push_pending(ctx);
    struct zl_buf msg = { 0 };
    va_list ap;
    va_start(ap, fmt);
    zl_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    d->code = rule->code;
    d->slug = rule->slug;
    d->severity = rule->severity;
    d->rule = (uint16_t)ri;
    d->span = *span;
    d->message = zl_buf_cstr(&msg);
    if (ctx->cur && ctx->cur->span.src == span->src) {
        d->rec_line = ctx->cur->span.line;
        d->rec_col = ctx->cur->span.col;
    }
    if (ctx->cur) {
        char owner[ZL_NAME_TEXT_MAX];
        zl_name_to_text(&ctx->cur->owner, owner);
        d->subject.valid = true;
        d->subject.owner_hash = zl_name_hash64(&ctx->cur->owner);
        uint64_t rh = zl_rdata_hash64(ctx->cur);
        d->subject.value_hash = (uint32_t)(rh ^ (rh >> 32)); /* as the zone summary keeps it */
        d->subject.type = ctx->cur->type;
        d->subject.owner = zl_xstrdup(owner);
    }
    return d;
}

/* Zone rules report at a record's span without the record at hand: the
 * record that starts at the finding's line (and column, when several
 * share the line) is what it is about. A table of record lines is built
 * only when such a finding exists. */
static void zone_subjects(struct zl_ctx *c)
{
    size_t need = 0;
    for (size_t i = 0; i < c->npending; i++)
        need += !c->pending[i].subject.valid && c->pending[i].span.src && c->pending[i].span.line;
    if (!need || !c->nrecs)
        return;
    size_t cap = 64;
    while (cap < c->nrecs * 2)
        cap *= 2;
    uint32_t *slot = zl_xcalloc(cap, sizeof *slot); /* record index + 1, first per (file, line) */
    size_t run = 0;
    for (size_t i = 0; i < c->nrecs; i++) {
        const struct zl_zrec *r = &c->recs[i];
        while (run + 1 < c->nsrc_runs && c->src_runs[run + 1].first <= i)
            run++;
        uint16_t rs = c->src_runs[run].src;
        size_t k = (size_t)mix(((uint64_t)rs << 32) | r->line) & (cap - 1);
        while (slot[k] && !(c->recs[slot[k] - 1].line == r->line && zl_zindex_source_of(c, slot[k] - 1) == rs))
            k = (k + 1) & (cap - 1);
        if (!slot[k])
            slot[k] = (uint32_t)i + 1;
    }
    for (size_t i = 0; i < c->npending; i++) {
        struct zl_diag *d = &c->pending[i];
        if (d->subject.valid || !d->span.src || !d->span.line)
            continue;
        uint16_t src = 0;
        bool known = false;
        for (size_t s = 0; s < c->nsrcs && !known; s++)
            if (c->srcs[s] == d->span.src)
                src = (uint16_t)s, known = true;
        if (!known)
            continue;
        size_t k = (size_t)mix(((uint64_t)src << 32) | d->span.line) & (cap - 1);
        while (slot[k] && !(c->recs[slot[k] - 1].line == d->span.line && zl_zindex_source_of(c, slot[k] - 1) == src))
            k = (k + 1) & (cap - 1);
        if (!slot[k])
            continue;
        /* several records on one line ($GENERATE): the one whose span holds the column */
        size_t j = slot[k] - 1;
        for (size_t n = j; n < c->nrecs && c->recs[n].line == d->span.line && zl_zindex_source_of(c, (uint32_t)n) == src;
             n++)
            if (c->recs[n].col <= d->span.col && d->span.col < c->recs[n].end_col) {
                j = n;
                break;
            }
        const struct zl_zrec *r = &c->recs[j];
        d->subject.valid = true;
        d->subject.owner_hash = r->owner;
        d->subject.value_hash = r->rdata;
        d->subject.type = r->type;
    }
    free(slot);
}

void zl_engine_diag(struct zl_engine *e, struct zl_diag *d)
{
    /* The parser numbers its findings in the built-in registry; the engine
     * may run another (tests), so the code decides. */
    const struct zl_rule *r = zl_registry_find(e->ctx.reg, d->code);
    if (r && !zl_ctx_enabled(&e->ctx, r)) {
        zl_diag_free(d);
        return;
    }
    d->rule = r ? (uint16_t)rule_index(&e->ctx, r) : (uint16_t)ZL_NONE_ID;
    struct zl_diag *p = push_pending(&e->ctx);
    *p = *d;
    memset(d, 0, sizeof *d);
}

static uint16_t clamp16(uint32_t v)
{
    return v > 65535 ? 65535 : (uint16_t)v;
}

void zl_engine_begin(struct zl_engine *e, const struct zl_name *origin)
{
    struct zl_ctx *c = &e->ctx;
    c->have_origin = origin != NULL;
    if (origin)
        c->origin = *origin;
}

void zl_engine_record(struct zl_engine *e, const struct zl_record *rec)
{
    struct zl_ctx *c = &e->ctx;
    if (!c->have_origin && rec->origin) {
        c->origin = *rec->origin;
        c->have_origin = true;
    }
    bool apex = c->have_origin && zl_name_equal(&rec->owner, &c->origin);
    if (apex && rec->type == ZL_T_SOA)
        c->soa_at_apex = true;
    if (apex && rec->type == ZL_T_NS)
        c->ns_at_apex = true;

    if (c->nrecs == c->crecs) {
        c->crecs = c->crecs ? c->crecs * 2 : 1024;
        c->recs = zl_xrealloc(c->recs, c->crecs * sizeof *c->recs);
        c->rflags = zl_xrealloc(c->rflags, c->crecs);
    }
    struct zl_zrec *z = &c->recs[c->nrecs];
    memset(z, 0, sizeof *z);
    c->rflags[c->nrecs] = 0;
    z->owner = zl_name_hash64(&rec->owner);
    /* The owner index is the one big random access per record: fetch its
     * slot now, and index the record only after the rules have run. */
    if (c->nslots)
        __builtin_prefetch(&c->slots[z->owner & (c->nslots - 1)]);
    uint64_t rh = zl_rdata_hash64(rec);
    z->rdata = (uint32_t)(rh ^ (rh >> 32));
    z->ttl = rec->ttl;
    z->type = rec->type;
    z->rclass = rec->rclass;
    z->next = UINT32_MAX;
    z->line = rec->span.line;
    z->col = clamp16(rec->span.col);
    z->end_col = clamp16(rec->span.end_line == rec->span.line ? rec->span.end_col : rec->span.col + 1);
    zl_zindex_note_record_source(c, (uint32_t)c->nrecs, rec->span.src);
    if (rec->set_id) {
        uint64_t h = mix(fnv(0xcbf29ce484222325ull, (const uint8_t *)rec->set_id, rec->set_id_len, false));
        zl_zindex_note_set_id(c, (uint32_t)c->nrecs, (uint32_t)h ? (uint32_t)h : 1);
    }
    int tf = zl_type_target_field(rec->type);
    if (tf >= 0 && (size_t)tf < rec->nfields && rec->fields[tf].kind == ZL_FIELD_NAME) {
        const struct zl_field *f = &rec->fields[tf];
        struct zl_name t;
        if (zl_name_from_wire(&t, rec->rdata + f->off, f->len)) {
            struct zl_span ts = f->ntok ? rec->toks[f->tok].span : rec->span;
            if (c->ntargets == c->ctargets) {
                c->ctargets = c->ctargets ? c->ctargets * 2 : 256;
                c->targets = zl_xrealloc(c->targets, c->ctargets * sizeof *c->targets);
            }
            struct zl_ztarget *zt = &c->targets[c->ntargets++];
            zt->name = zl_name_hash64(&t);
            zt->rec = (uint32_t)c->nrecs;
            zt->line = ts.line;
            zt->col = clamp16(ts.col);
            zt->end_col = clamp16(ts.end_line == ts.line ? ts.end_col : ts.col + 1);
        }
    }
    if (apex)
        c->rflags[c->nrecs] |= ZL_ZREC_APEX;
    if (c->have_origin && !zl_name_is_subdomain(&rec->owner, &c->origin))
        c->rflags[c->nrecs] |= ZL_ZREC_OUT_OF_ZONE;

    c->cur = rec;
    const struct zl_pass *passes = c->reg->passes;
    if (rec->type < TYPE_BITS) {
        if (!c->dispatch_ready[rec->type])
            build_dispatch(c, rec->type);
        const uint8_t *list = DISPATCH(c, rec->type);
        for (unsigned k = 0; k < c->ndispatch[rec->type]; k++)
            passes[list[k]].check_record(rec, c);
    } else {
        for (unsigned i = 0; i < c->reg->npasses; i++)
            if (passes[i].check_record && c->pass_on[i] && wants_type(&passes[i], rec->type))
                passes[i].check_record(rec, c);
    }
    c->cur = NULL;
    zl_zindex_add(c, z->owner, (uint32_t)c->nrecs);
    c->nrecs++;
}

/* Findings ordered by (file, line, record): the groups superseding works
 * within. */
static int cmp_place(const void *a, const void *b)
{
    const struct zl_diag *x = *(const struct zl_diag *const *)a, *y = *(const struct zl_diag *const *)b;
    uintptr_t xs = (uintptr_t)x->span.src, ys = (uintptr_t)y->span.src;
    if (xs != ys)
        return xs < ys ? -1 : 1;
    if (x->span.line != y->span.line)
        return x->span.line < y->span.line ? -1 : 1;
    if (x->rec_line != y->rec_line)
        return x->rec_line < y->rec_line ? -1 : 1;
    if (x->rec_col != y->rec_col)
        return x->rec_col < y->rec_col ? -1 : 1;
    return x < y ? -1 : x > y; /* stable: input order */
}

/* Marks in hidden (when not NULL) the rules that the findings by[g..e) (or
 * only those without a record, unanchored_only) supersede; true when there
 * is any. */
static bool hides_any(const struct zl_registry *reg, struct zl_diag *const *by, size_t g, size_t e,
                      bool unanchored_only, bool *hidden)
{
    bool any = false;
    for (size_t k = g; k < e; k++) {
        unsigned r = by[k]->rule;
        if ((unanchored_only && by[k]->rec_line) || r >= reg->nrules || !reg->rules[r].supersedes)
            continue;
        for (const uint16_t *s = reg->rules[r].supersedes; *s != ZL_NONE_ID; s++)
            if (*s < reg->nrules) {
                any = true;
                if (hidden)
                    hidden[*s] = true;
            }
    }
    return any;
}

/* A generic finding gives way to a specific one about the same record: on
 * the same line, and of the same record when both know theirs (a minified
 * export has every record on line 1). Linear in the findings per line, not
 * quadratic in all of them: a file can have tens of thousands (one
 * $GENERATE line alone can), and every decision is made on the findings as
 * reported, before any is dropped. */
static void drop_superseded(struct zl_ctx *c)
{
    size_t n = c->npending;
    if (n < 2)
        return;
    struct zl_diag **by = zl_xmalloc(n * sizeof *by);
    bool *drop = zl_xcalloc(n, sizeof *drop);
    for (size_t i = 0; i < n; i++)
        by[i] = &c->pending[i];
    qsort(by, n, sizeof *by, cmp_place);
    const struct zl_registry *reg = c->reg;
    bool *hidden = zl_xcalloc(reg->nrules, sizeof *hidden); /* superseded in this record */
    bool *line_hidden = zl_xcalloc(reg->nrules, sizeof *line_hidden);
    for (size_t g = 0, e; g < n; g = e) {
        for (e = g; e < n && by[e]->span.src == by[g]->span.src && by[e]->span.line == by[g]->span.line; e++)
            ;
        if (!hides_any(reg, by, g, e, false, NULL))
            continue;
        /* Specific findings that know no record hide generic ones on the
         * whole line; the others only within their record. */
        memset(line_hidden, 0, reg->nrules * sizeof *line_hidden);
        hides_any(reg, by, g, e, true, line_hidden);
        for (size_t r = g, re; r < e; r = re) {
            for (re = r; re < e && by[re]->rec_line == by[r]->rec_line && by[re]->rec_col == by[r]->rec_col; re++)
                ;
            memcpy(hidden, line_hidden, reg->nrules * sizeof *hidden);
            hides_any(reg, by, by[r]->rec_line ? r : g, by[r]->rec_line ? re : e, false, hidden);
            for (size_t k = r; k < re; k++)
                if (by[k]->rule < reg->nrules && hidden[by[k]->rule])
                    drop[by[k] - c->pending] = true;
        }
    }
    free(hidden);
    free(line_hidden);
    size_t keep = 0;
    for (size_t i = 0; i < n; i++) {
        if (drop[i])
            zl_diag_free(&c->pending[i]);
        else
            c->pending[keep++] = c->pending[i];
    }
    c->npending = keep;
    free(by);
    free(drop);
}

static void drop_unwanted_senders(struct zl_ctx *c)
{
    size_t keep = 0;
    for (size_t i = 0; i < c->npending; i++) {
        if (c->pending[i].nprops && !zl_selection_wants_finding(&c->sel, &c->pending[i]))
            zl_diag_free(&c->pending[i]);
        else
            c->pending[keep++] = c->pending[i];
    }
    c->npending = keep;
}

static int cmp_diag(const void *a, const void *b)
{
    return zl_diag_cmp(a, b);
}

static void reset_file(struct zl_ctx *c)
{
    while (c->arena) {
        struct arena_block *n = c->arena->next;
        free(c->arena);
        c->arena = n;
    }
    while (c->blocks) {
        struct own_block *n = c->blocks->next;
        free(c->blocks);
        c->blocks = n;
    }
    memset(c->state, 0, c->reg->nrules * sizeof *c->state);
#define DROP(p) (free(p), (p) = NULL)
    DROP(c->recs);
    DROP(c->rflags);
    c->nrecs = c->crecs = 0;
    DROP(c->src_runs);
    c->nsrc_runs = c->csrc_runs = 0;
    DROP(c->set_ids);
    c->nset_ids = c->cset_ids = 0;
    DROP(c->targets);
    c->ntargets = c->ctargets = 0;
    DROP(c->srcs);
    c->nsrcs = c->last_src = 0;
    DROP(c->slots_src);
    c->cslots_src = 0;
    DROP(c->slots);
    c->nslots = c->used_slots = 0;
#undef DROP
    c->soa_at_apex = c->ns_at_apex = false;
    for (size_t i = 0; i < c->nsupp; i++)
        free(c->supp[i].codes);
    free(c->supp);
    c->supp = NULL;
    c->nsupp = c->csupp = 0;
    free(c->pending);
    c->pending = NULL;
    c->npending = c->cpending = 0;
    free(c->lcount);
    c->lcount = NULL;
    c->nlcount = c->clcount = 0;
    c->have_origin = false;
    c->whole_zone = false;
    c->file = NULL;
    c->input_zones = 0;
}

/* Rules that report what a zone lacks: when part of the zone was not read,
 * the missing records may well be in that part, and the refusal has been
 * reported already. */
static const enum zl_rule_id absence_rules[] = { ZL_RULE_ZL3101, ZL_RULE_ZL3102, ZL_RULE_ZL5020 };

static bool reports_absence(const struct zl_diag *d)
{
    for (size_t i = 0; i < sizeof absence_rules / sizeof absence_rules[0]; i++)
        if (!strcmp(d->code, zl_codes[absence_rules[i]].code))
            return true;
    return false;
}

void zl_engine_end(struct zl_engine *e, bool incomplete)
{
    struct zl_ctx *c = &e->ctx;
    c->whole_zone = !incomplete && (c->soa_at_apex || c->ns_at_apex);
    zl_zindex_finish(c);
    struct zl_zone z = { c->have_origin ? &c->origin : NULL, c->whole_zone, incomplete, c->recs, c->rflags,
                         c->nrecs, c->targets, c->ntargets, c->soa_at_apex, c->ns_at_apex, c };
    for (unsigned i = 0; i < c->reg->npasses; i++)
        if (c->reg->passes[i].check_zone && c->pass_on[i])
            c->reg->passes[i].check_zone(&z, c);

    for (size_t i = 0; i < c->clcount; i++) {
        const struct line_count *lc = &c->lcount[i];
        if (lc->rule && lc->n > MAX_PER_RECORD)
            zl_diag_add_note(&c->pending[lc->last], "%u more %s findings like this one are not shown",
                             lc->n - MAX_PER_RECORD, c->reg->rules[lc->rule - 1].slug);
    }
    if (incomplete) {
        /* after the notes above: they index pending */
        size_t keep = 0;
        for (size_t i = 0; i < c->npending; i++) {
            if (reports_absence(&c->pending[i]))
                zl_diag_free(&c->pending[i]);
            else
                c->pending[keep++] = c->pending[i];
        }
        c->npending = keep;
    }
    drop_unwanted_senders(c);
    drop_superseded(c);
    zone_subjects(c);

    /* Suppressions, then unused suppressions, then hand over in order. */
    size_t keep = 0;
    for (size_t i = 0; i < c->npending; i++) {
        if (zl_engine_suppressed(c, &c->pending[i]))
            zl_diag_free(&c->pending[i]);
        else
            c->pending[keep++] = c->pending[i];
    }
    c->npending = keep;
    const struct zl_rule *unused = zl_registry_find(c->reg, "ZL9001");
    for (size_t i = 0; unused && i < c->nsupp; i++) {
        if (c->supp[i].used)
            continue;
        zl_report(c, unused, &c->supp[i].span, "suppression 'disable%s=%s' matched no finding",
                  c->supp[i].file_wide ? "-file" : "", c->supp[i].codes);
    }
    if (c->npending)
        qsort(c->pending, c->npending, sizeof *c->pending, cmp_diag);
    for (size_t i = 0; i < c->npending; i++)
        c->sink.emit(c->sink.user, &c->pending[i]);
    c->npending = 0;
    reset_file(c);
}

const struct zl_patterns *zl_ctx_patterns(struct zl_ctx *ctx)
{
    if (!ctx->pats) {
        ctx->pats = zl_patterns_new();
        if (!ctx->pats)
            abort(); /* a pattern that does not compile is a bug; test_rules_generic catches it */
    }
    return ctx->pats;
}

void zl_engine_free(struct zl_engine *e)
{
    if (!e)
        return;
    zl_patterns_free(e->ctx.pats);
    if (e->ctx.own_senders)
        zl_senders_free(e->ctx.senders);
    reset_file(&e->ctx);
    free(e->ctx.enabled);
    free(e->ctx.pass_on);
    free(e->ctx.state);
    free(e->ctx.dispatch);
    free(e);
}
