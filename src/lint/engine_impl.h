/* SPDX-License-Identifier: MIT */
/* The rule engine's own state, shared by its files (engine.c: dispatch
 * and reporting; zone_index.c: the zone summary's owner and source
 * indexes; suppress.c: suppression comments; selection.c; hash.c). Not for
 * rules: they see struct zl_ctx only through engine.h. */
#ifndef ZL_ENGINE_IMPL_H
#define ZL_ENGINE_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lint/engine.h"
#include "base/ascii.h"
#include "base/source.h"

#define TYPE_BITS 512 /* types below this get a dispatch list; larger ones are looked up */

struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    unsigned char data[];
};

/* zl_ctx_block's blocks, in a list of their own: one may be freed early. */
struct own_block {
    struct own_block *prev, *next;
    max_align_t data[];
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

/* Records first.. (up to the next run's first) come from srcs[src]. */
struct src_run {
    uint32_t first;
    uint16_t src;
};

struct set_id_of {
    uint32_t rec, id;
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
    struct own_block *blocks;
    struct zl_zrec *recs;
    uint8_t *rflags;                /* ZL_ZREC_* of each record (crecs of them) */
    size_t nrecs, crecs;
    struct src_run *src_runs;       /* each record's source: runs of records */
    size_t nsrc_runs, csrc_runs;
    struct set_id_of *set_ids;      /* routing identifiers, by record index */
    size_t nset_ids, cset_ids;
    struct zl_ztarget *targets;
    size_t ntargets, ctargets;
    const struct zl_source **srcs;  /* src_run.src indexes this */
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

/* ---- hashing helpers (inlined where records stream through) ---------------- */

static inline uint64_t mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}


/* A word at a time: hashing is per record, and TXT RDATA runs to hundreds
 * of bytes. Equal inputs give equal hashes; that is all it has to do. */
static inline uint64_t fnv(uint64_t h, const uint8_t *p, size_t n, bool fold)
{
    h ^= n * 0x9e3779b97f4a7c15ull;
    size_t whole = n;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        if (fold)
            w = zl_ascii_lower8(w);
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
            w = zl_ascii_lower8(w);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 32;
    }
    return h;
}

/* A file included many times is many sources but one file. */
static inline uint64_t file_key(const struct zl_source *src)
{
    if (src && src->realpath)
        return mix(fnv(0xcbf29ce484222325ull, (const uint8_t *)src->realpath, strlen(src->realpath), false)) | 1;
    return (uint64_t)(uintptr_t)src & ~(uint64_t)1;
}

/* zone_index.c */
void zl_zindex_add(struct zl_ctx *c, uint64_t owner_key, uint32_t idx);
void zl_zindex_finish(struct zl_ctx *c);
uint16_t zl_zindex_source(struct zl_ctx *c, const struct zl_source *src);
/* Record idx (the next one) comes from srcs[src]; which source record i is from. */
void zl_zindex_note_source(struct zl_ctx *c, uint32_t idx, uint16_t src);
uint16_t zl_zindex_source_of(const struct zl_ctx *c, uint32_t i);
/* Record idx (the next one) comes from src: mostly the previous record's
 * source, which is the last run's already. */
static inline void zl_zindex_note_record_source(struct zl_ctx *c, uint32_t idx, const struct zl_source *src)
{
    if (c->nsrc_runs && c->srcs[c->last_src] == src && c->src_runs[c->nsrc_runs - 1].src == c->last_src)
        return;
    zl_zindex_note_source(c, idx, zl_zindex_source(c, src));
}
/* Record idx (the next one) has routing identifier id (not 0). */
void zl_zindex_note_set_id(struct zl_ctx *c, uint32_t idx, uint32_t id);

/* selection.c: sender:NAME in the selection: ignoring one drops the
 * findings about it; selecting some keeps only sender-rule findings about
 * those. */
bool zl_selection_wants_finding(const struct zl_selection *sel, const struct zl_diag *d);

/* suppress.c: does a suppression cover d (and marks it used)? */
bool zl_engine_suppressed(struct zl_ctx *c, const struct zl_diag *d);

#endif
