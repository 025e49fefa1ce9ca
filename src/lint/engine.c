/* Rule engine: dispatch, per-file state, the zone summary, suppressions. */
#include "lint/engine.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "lint/patterns.h"
#include "rdata/types.h"
#include "lint/senders.h"
#include "base/source.h"

#define TYPE_BITS 512 /* types below this get a dispatch list; larger ones are looked up */

struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    unsigned char data[];
};

struct suppression {
    const struct zl_source *src;
    uint32_t line;
    bool own_line;      /* alone on its line: applies to the next line */
    bool file_wide;
    bool used;
    struct zl_span span;
    char *codes;        /* comma-separated, as written */
};

/* The owner index: 8 bytes a slot. While records stream in, a slot holds
 * its owner's latest record and each record links to the one before it;
 * at the end the chains are turned around so a slot holds the first. The
 * full hash is read from the record; the slot keeps 32 bits of it to skip
 * most mismatches without touching the record. */
struct owner_slot {
    uint32_t tag;   /* low 32 bits of the owner hash */
    uint32_t rec;   /* record index + 1; 0 = empty slot */
};

/* How many findings one rule made for one record (a hash table slot). */
struct line_count {
    uint64_t file;                 /* file identity (file_key) */
    uint32_t line, col;            /* where the record starts */
    uint32_t rule;                 /* index in zl_rules + 1; 0: empty slot */
    uint32_t n;                    /* findings made, kept or not */
    size_t last;                   /* pending index of the last one kept */
};

struct zl_ctx {
    /* run-wide */
    const struct zl_registry *reg;
    struct zl_selection sel;
    struct zl_diag_sink sink;
    bool *enabled;                 /* per rule */
    bool *pass_on;                 /* per pass: one of its rules is enabled */
    /* Dispatch by type: for each type below TYPE_BITS, the running passes
     * with a record hook that want it, in registry order; a type's list is
     * made when its first record comes (a file has a few types, and an
     * engine is made per file). */
    uint8_t ndispatch[TYPE_BITS];
    bool dispatch_ready[TYPE_BITS];
    uint8_t *dispatch;             /* [TYPE_BITS][npasses] */

    /* per file */
    struct zl_name origin;
    bool have_origin;
    bool whole_zone;
    void **state;                  /* per rule */
    struct arena_block *arena;
    struct zl_zrec *recs;
    size_t nrecs, crecs;
    struct zl_ztarget *targets;
    size_t ntargets, ctargets;
    const struct zl_source **srcs;  /* zl_zrec.src indexes this */
    size_t nsrcs, last_src;
    uint32_t *slots_src;            /* file_key -> index + 1 (source_index) */
    size_t cslots_src;
    struct owner_slot *slots;
    size_t last_slot;               /* slot of the previous record's owner */
    size_t nslots, used_slots;
    bool soa_at_apex, ns_at_apex;
    struct zl_diag *pending;
    size_t npending, cpending;
    struct line_count *lcount;     /* findings per (rule, line): see zl_report */
    size_t nlcount, clcount;
    struct suppression *supp;
    size_t nsupp, csupp;
    const struct zl_record *cur;   /* record being checked, for line anchoring */
    struct zl_patterns *pats;      /* run-wide, compiled on first use */
    const struct zl_ses_expect *ses_expect;  /* run-wide, --ses-identity */
    const struct zl_delegation *delegation;  /* run-wide, --expect-ns */
    const struct zl_source *file;  /* per file: the top source */
    unsigned input_zones;          /* per file: zones of the input (zl_ctx_input_zones) */
    struct zl_senders *senders;    /* run-wide sender packs (the caller's, or own_senders) */
    bool own_senders;
};

struct zl_engine {
    struct zl_ctx ctx;
};

/* ---- hashing ------------------------------------------------------------ */

static uint64_t mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

/* ASCII upper case to lower case in 8 bytes at once (bytes >= 0x80 kept). */
static inline uint64_t lower8(uint64_t w)
{
    uint64_t low7 = w & 0x7f7f7f7f7f7f7f7full;
    uint64_t above_z = low7 + 0x2525252525252525ull;  /* high bit set when > 'Z' */
    uint64_t from_a = low7 + 0x3f3f3f3f3f3f3f3full;   /* high bit set when >= 'A' */
    uint64_t upper = (from_a ^ above_z) & ~w & 0x8080808080808080ull;
    return w | (upper >> 2);
}

/* A word at a time: hashing is per record, and TXT RDATA runs to hundreds
 * of bytes. Equal inputs give equal hashes; that is all it has to do. */
static uint64_t fnv(uint64_t h, const uint8_t *p, size_t n, bool fold)
{
    h ^= n * 0x9e3779b97f4a7c15ull;
    size_t whole = n;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        if (fold)
            w = lower8(w);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 32;
        p += 8;
        n -= 8;
    }
    if (n) {
        /* The last n bytes, without a call to memcpy: the 8 bytes that end
         * them when the input is that long, else one at a time. */
        uint64_t w = 0;
        if (whole >= 8) {
            memcpy(&w, p + n - 8, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            w <<= 8 * (8 - n);
#else
            w >>= 8 * (8 - n);
#endif
        } else {
            for (size_t i = 0; i < n; i++)
                w |= (uint64_t)p[i] << (8 * i);
        }
        if (fold)
            w = lower8(w);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 32;
    }
    return h;
}

uint64_t zl_wire_hash64(const uint8_t *wire, size_t len)
{
    uint64_t h = mix(fnv(0xcbf29ce484222325ull, wire, len, true));
    return h ? h : 1; /* 0 means "no name" */
}

uint64_t zl_name_hash64(const struct zl_name *n)
{
    return zl_wire_hash64(n->wire, n->len);
}

uint64_t zl_rdata_hash64(const struct zl_record *rec)
{
    uint64_t h = 0xcbf29ce484222325ull ^ rec->type;
    size_t pos = 0;
    for (size_t i = 0; i < rec->nfields; i++) {
        const struct zl_field *f = &rec->fields[i];
        if (f->kind != ZL_FIELD_NAME)
            continue;
        /* Bytes before the name as they are; the name case-folded. */
        if (f->off > pos)
            h = fnv(h, rec->rdata + pos, f->off - pos, false);
        h = fnv(h, rec->rdata + f->off, f->len, true);
        pos = (size_t)f->off + f->len;
    }
    if (pos < rec->rdlen)
        h = fnv(h, rec->rdata + pos, rec->rdlen - pos, false);
    return mix(h);
}

/* ---- selection ---------------------------------------------------------- */

static bool pattern_matches(const char *pat, const struct zl_rule *r)
{
    if (zl_ascii_casecmp(pat, r->code) == 0 || zl_ascii_casecmp(pat, r->slug) == 0)
        return true;
    size_t n = strlen(pat);
    if (n == 0)
        return false;
    /* Prefixes: "ZL5" matches ZL5xxx, "ses-" (or "ses") matches ses-*. */
    if (zl_ascii_ncasecmp(pat, r->code, n) == 0)
        return true;
    if (zl_ascii_ncasecmp(pat, r->slug, n) == 0 && (pat[n - 1] == '-' || r->slug[n] == '-'))
        return true;
    return false;
}

/* "sender:NAME" in a selection (the name is the caller's to check). */
static bool sender_pattern(const char *pat)
{
    return zl_ascii_ncasecmp(pat, "sender:", 7) == 0 && pat[7] != '\0';
}

static bool sender_rule(const struct zl_rule *r)
{
    return strncmp(r->slug, "sender-", 7) == 0;
}

static bool any_matches(const char *pat)
{
    if (sender_pattern(pat))
        return true;
    for (unsigned i = 0; i < zl_registry.nrules; i++)
        if (pattern_matches(pat, &zl_registry.rules[i]))
            return true;
    return zl_ascii_casecmp(pat, "ALL") == 0;
}

bool zl_selection_valid(const struct zl_selection *sel, const char **bad)
{
    for (size_t i = 0; i < sel->nselect; i++)
        if (!any_matches(sel->select[i])) {
            *bad = sel->select[i];
            return false;
        }
    for (size_t i = 0; i < sel->nignore; i++)
        if (!any_matches(sel->ignore[i])) {
            *bad = sel->ignore[i];
            return false;
        }
    return true;
}

static bool selected(const struct zl_selection *sel, const struct zl_rule *r)
{
    bool on = sel->nselect == 0;
    for (size_t i = 0; i < sel->nselect && !on; i++)
        on = zl_ascii_casecmp(sel->select[i], "ALL") == 0 || pattern_matches(sel->select[i], r) ||
             (sender_pattern(sel->select[i]) && sender_rule(r));
    for (size_t i = 0; i < sel->nignore && on; i++)
        on = !pattern_matches(sel->ignore[i], r);
    return on;
}

bool zl_selection_selects(const struct zl_selection *sel, const struct zl_rule *r)
{
    return selected(sel, r);
}

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
        c->enabled[i] = selected(sel, &reg->rules[i]);
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

/* A file included many times is many sources but one file. */
static uint64_t file_key(const struct zl_source *src)
{
    if (src && src->realpath)
        return mix(fnv(0xcbf29ce484222325ull, (const uint8_t *)src->realpath, strlen(src->realpath), false)) | 1;
    return (uint64_t)(uintptr_t)src & ~(uint64_t)1;
}

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
    for (size_t i = 0; i < c->nrecs; i++) {
        const struct zl_zrec *r = &c->recs[i];
        size_t k = (size_t)mix(((uint64_t)r->src << 32) | r->line) & (cap - 1);
        while (slot[k] && !(c->recs[slot[k] - 1].src == r->src && c->recs[slot[k] - 1].line == r->line))
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
        while (slot[k] && !(c->recs[slot[k] - 1].src == src && c->recs[slot[k] - 1].line == d->span.line))
            k = (k + 1) & (cap - 1);
        if (!slot[k])
            continue;
        /* several records on one line ($GENERATE): the one whose span holds the column */
        size_t j = slot[k] - 1;
        for (size_t n = j; n < c->nrecs && c->recs[n].src == src && c->recs[n].line == d->span.line; n++)
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

/* ---- suppressions ----------------------------------------------------------- */

void zl_engine_comment(struct zl_engine *e, const char *text, size_t len, const struct zl_span *span,
                       bool own_line)
{
    struct zl_ctx *c = &e->ctx;
    /* "; zonelint: disable=CODE[,slug]" or "disable-file=..." anywhere in the comment. */
    const char *key = NULL;
    for (size_t i = 0; i + 9 <= len; i++)
        if (memcmp(text + i, "zonelint:", 9) == 0) {
            key = text + i + 9;
            break;
        }
    if (!key)
        return;
    const char *end = text + len;
    while (key < end && (*key == ' ' || *key == '\t'))
        key++;
    bool file_wide;
    if ((size_t)(end - key) >= 13 && memcmp(key, "disable-file=", 13) == 0) {
        file_wide = true;
        key += 13;
    } else if ((size_t)(end - key) >= 8 && memcmp(key, "disable=", 8) == 0) {
        file_wide = false;
        key += 8;
    } else {
        return;
    }
    const char *ce = key;
    while (ce < end && *ce != ' ' && *ce != '\t' && *ce != ';')
        ce++;
    if (c->nsupp == c->csupp) {
        c->csupp = c->csupp ? c->csupp * 2 : 8;
        c->supp = zl_xrealloc(c->supp, c->csupp * sizeof *c->supp);
    }
    struct suppression *s = &c->supp[c->nsupp++];
    memset(s, 0, sizeof *s);
    s->src = span->src;
    s->line = span->line;
    s->own_line = own_line;
    s->file_wide = file_wide;
    s->span = *span;
    s->codes = zl_xstrndup(key, (size_t)(ce - key));
}

void zl_engine_disable_file(struct zl_engine *e, const char *code_or_slug)
{
    struct zl_ctx *c = &e->ctx;
    if (c->nsupp == c->csupp) {
        c->csupp = c->csupp ? c->csupp * 2 : 8;
        c->supp = zl_xrealloc(c->supp, c->csupp * sizeof *c->supp);
    }
    struct suppression *s = &c->supp[c->nsupp++];
    memset(s, 0, sizeof *s);
    s->file_wide = true;
    s->used = true; /* from the config: not reported when unused */
    s->codes = zl_xstrdup(code_or_slug);
}

static bool codes_match(const char *codes, const struct zl_diag *d)
{
    const char *p = codes;
    const char *sender = zl_diag_prop(d, "sender");
    while (*p) {
        const char *q = strchr(p, ',');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        if (sender && n > 7 && zl_ascii_ncasecmp(p, "sender:", 7) == 0 && strlen(sender) == n - 7 &&
            zl_ascii_ncasecmp(p + 7, sender, n - 7) == 0)
            return true;
        if ((strlen(d->code) == n && zl_ascii_ncasecmp(p, d->code, n) == 0) ||
            (strlen(d->slug) == n && zl_ascii_ncasecmp(p, d->slug, n) == 0) ||
            (n == 3 && zl_ascii_ncasecmp(p, "all", 3) == 0))
            return true;
        if (!q)
            break;
        p = q + 1;
    }
    return false;
}

static bool suppressed(struct zl_ctx *c, const struct zl_diag *d)
{
    bool hit = false;
    for (size_t i = 0; i < c->nsupp; i++) {
        struct suppression *s = &c->supp[i];
        if (!codes_match(s->codes, d))
            continue;
        if (s->file_wide || (s->src == d->span.src &&
                             (s->line == d->span.line || (s->own_line && s->line + 1 == d->span.line)))) {
            s->used = true;
            hit = true;
        }
    }
    return hit;
}

/* ---- records ---------------------------------------------------------------- */

static size_t find_slot(const struct zl_ctx *c, const struct owner_slot *slots, size_t nslots, uint64_t key)
{
    size_t j = key & (nslots - 1);
    while (slots[j].rec && !(slots[j].tag == (uint32_t)key && c->recs[slots[j].rec - 1].owner == key))
        j = (j + 1) & (nslots - 1);
    return j;
}

static void index_owner(struct zl_ctx *c, uint64_t key, uint32_t idx)
{
    /* Records of one owner usually come together (blank owners): then the
     * previous record is the owner's latest, and the table can wait. */
    if (idx > 0 && c->recs[idx - 1].owner == key && c->last_slot < c->nslots &&
        c->slots[c->last_slot].rec == idx) {
        c->recs[idx].next = idx - 1;
        c->slots[c->last_slot].rec = idx + 1;
        return;
    }
    if (c->used_slots * 4 >= c->nslots * 3) { /* grow at 3/4 full */
        size_t n = c->nslots ? c->nslots * 2 : 1024;
        struct owner_slot *s = zl_xcalloc(n, sizeof *s);
        for (size_t i = 0; i < c->nslots; i++)
            if (c->slots[i].rec)
                s[find_slot(c, s, n, c->recs[c->slots[i].rec - 1].owner)] = c->slots[i];
        free(c->slots);
        c->slots = s;
        c->nslots = n;
    }
    size_t j = find_slot(c, c->slots, c->nslots, key);
    if (!c->slots[j].rec) {
        c->slots[j].tag = (uint32_t)key;
        c->used_slots++;
        c->recs[idx].next = UINT32_MAX;
    } else {
        c->recs[idx].next = c->slots[j].rec - 1; /* backwards until finish_index() */
    }
    c->slots[j].rec = idx + 1;
    c->last_slot = j;
}

/* Turns every owner chain around: first record first, as rules expect. */
static void finish_index(struct zl_ctx *c)
{
    for (size_t i = 0; i < c->nslots; i++) {
        if (!c->slots[i].rec)
            continue;
        uint32_t prev = UINT32_MAX, cur = c->slots[i].rec - 1;
        while (cur != UINT32_MAX) {
            uint32_t next = c->recs[cur].next;
            c->recs[cur].next = prev;
            prev = cur;
            cur = next;
        }
        c->slots[i].rec = prev + 1;
        c->recs[prev].flags |= ZL_ZREC_OWNER_FIRST;
    }
}

static uint16_t clamp16(uint32_t v)
{
    return v > 65535 ? 65535 : (uint16_t)v;
}

/* Records keep a 16-bit source index; the table is tiny (one per file read). */
/* The index of a record's source in srcs. Records mostly come from the
 * source of the record before; the rest are looked up by file (file_key):
 * a file included thousands of times is thousands of sources but one file
 * with the same lines, so it takes one index (a zrec holds 16 bits). */
static uint16_t source_index(struct zl_ctx *c, const struct zl_source *src)
{
    if (c->nsrcs && c->srcs[c->last_src] == src)
        return (uint16_t)c->last_src;
    uint64_t key = file_key(src);
    if ((c->nsrcs + 1) * 2 > c->cslots_src) {
        size_t ncap = c->cslots_src ? c->cslots_src * 2 : 64;
        uint32_t *nt = zl_xcalloc(ncap, sizeof *nt);
        for (size_t i = 0; i < c->cslots_src; i++) {
            uint32_t v = c->slots_src[i];
            if (!v)
                continue;
            size_t k = (size_t)mix(file_key(c->srcs[v - 1])) & (ncap - 1);
            while (nt[k])
                k = (k + 1) & (ncap - 1);
            nt[k] = v;
        }
        free(c->slots_src);
        c->slots_src = nt;
        c->cslots_src = ncap;
    }
    size_t k = (size_t)mix(key) & (c->cslots_src - 1);
    for (; c->slots_src[k]; k = (k + 1) & (c->cslots_src - 1)) {
        uint32_t i = c->slots_src[k] - 1;
        if (c->srcs[i] == src || file_key(c->srcs[i]) == key) {
            c->last_src = i;
            return (uint16_t)i;
        }
    }
    if (c->nsrcs >= 65535)
        return 0; /* 65535 different files in one zone: the first stands in */
    c->srcs = zl_xrealloc(c->srcs, (c->nsrcs + 1) * sizeof *c->srcs);
    c->srcs[c->nsrcs] = src;
    c->slots_src[k] = (uint32_t)c->nsrcs + 1;
    c->last_src = c->nsrcs;
    return (uint16_t)c->nsrcs++;
}

struct zl_span zl_zone_span(const struct zl_zone *z, uint32_t i)
{
    const struct zl_zrec *r = &z->recs[i];
    struct zl_span s = { z->ctx->srcs[r->src], r->line, r->col, r->line, r->end_col };
    return s;
}

struct zl_span zl_zone_target_span(const struct zl_zone *z, size_t k)
{
    const struct zl_ztarget *t = &z->targets[k];
    struct zl_span s = { z->ctx->srcs[z->recs[t->rec].src], t->line, t->col, t->line, t->end_col };
    return s;
}

uint32_t zl_zone_first(const struct zl_zone *z, uint64_t owner_hash)
{
    const struct zl_ctx *c = z->ctx;
    if (!c->nslots || !owner_hash)
        return UINT32_MAX;
    size_t j = find_slot(c, c->slots, c->nslots, owner_hash);
    return c->slots[j].rec ? c->slots[j].rec - 1 : UINT32_MAX;
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
    }
    struct zl_zrec *z = &c->recs[c->nrecs];
    memset(z, 0, sizeof *z);
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
    z->src = source_index(c, rec->span.src);
    if (rec->set_id) {
        uint64_t h = mix(fnv(0xcbf29ce484222325ull, (const uint8_t *)rec->set_id, rec->set_id_len, false));
        z->set_id = (uint32_t)h ? (uint32_t)h : 1;
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
        z->flags |= ZL_ZREC_APEX;
    if (c->have_origin && !zl_name_is_subdomain(&rec->owner, &c->origin))
        z->flags |= ZL_ZREC_OUT_OF_ZONE;

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
    index_owner(c, z->owner, (uint32_t)c->nrecs);
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

/* sender:NAME in the selection: ignoring one drops the findings about it;
 * selecting some keeps only sender-rule findings about those. */
static bool sender_wanted(const struct zl_selection *sel, const struct zl_diag *d)
{
    const char *sender = zl_diag_prop(d, "sender");
    if (!sender)
        return true;
    for (size_t i = 0; i < sel->nignore; i++)
        if (sender_pattern(sel->ignore[i]) && zl_ascii_casecmp(sel->ignore[i] + 7, sender) == 0)
            return false;
    if (strncmp(d->slug, "sender-", 7) != 0)
        return true;
    bool any = false;
    for (size_t i = 0; i < sel->nselect; i++) {
        if (!sender_pattern(sel->select[i]))
            continue;
        any = true;
        if (zl_ascii_casecmp(sel->select[i] + 7, sender) == 0)
            return true;
    }
    return !any;
}

static void drop_unwanted_senders(struct zl_ctx *c)
{
    size_t keep = 0;
    for (size_t i = 0; i < c->npending; i++) {
        if (c->pending[i].nprops && !sender_wanted(&c->sel, &c->pending[i]))
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
    memset(c->state, 0, c->reg->nrules * sizeof *c->state);
    free(c->recs);
    c->recs = NULL;
    c->nrecs = c->crecs = 0;
    free(c->targets);
    c->targets = NULL;
    c->ntargets = c->ctargets = 0;
    free(c->srcs);
    c->srcs = NULL;
    c->nsrcs = c->last_src = 0;
    free(c->slots_src);
    c->slots_src = NULL;
    c->cslots_src = 0;
    free(c->slots);
    c->slots = NULL;
    c->nslots = c->used_slots = 0;
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
    finish_index(c);
    struct zl_zone z = { c->have_origin ? &c->origin : NULL, c->whole_zone, incomplete, c->recs, c->nrecs,
                         c->targets, c->ntargets, c->soa_at_apex, c->ns_at_apex, c };
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
        if (suppressed(c, &c->pending[i]))
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
