/* SPDX-License-Identifier: MIT */
/* The zone summary's indexes: owner -> its records (8-byte slots, chains
 * turned around at the end), record -> its source file (runs of records)
 * and its routing identifier (the few that have one), and the spans rules
 * read back from the summary. */
#include <stdlib.h>

#include "base/buf.h"
#include "lint/engine_impl.h"

static size_t find_slot(const struct zl_ctx *c, const struct owner_slot *slots, size_t nslots, uint64_t key)
{
    size_t j = key & (nslots - 1);
    while (slots[j].rec && !(slots[j].tag == (uint32_t)key && c->recs[slots[j].rec - 1].owner == key))
        j = (j + 1) & (nslots - 1);
    return j;
}

void zl_zindex_add(struct zl_ctx *c, uint64_t key, uint32_t idx)
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
        c->recs[idx].next = c->slots[j].rec - 1; /* backwards until zl_zindex_finish() */
    }
    c->slots[j].rec = idx + 1;
    c->last_slot = j;
}

/* Turns every owner chain around: first record first, as rules expect. */
void zl_zindex_finish(struct zl_ctx *c)
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
        c->rflags[prev] |= ZL_ZREC_OWNER_FIRST;
    }
}

/* The index of a record's source in srcs. Records mostly come from the
 * source of the record before; the rest are looked up by file (file_key):
 * a file included thousands of times is thousands of sources but one file
 * with the same lines, so it takes one index (a zrec holds 16 bits). */
uint16_t zl_zindex_source(struct zl_ctx *c, const struct zl_source *src)
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

void zl_zindex_note_source(struct zl_ctx *c, uint32_t idx, uint16_t src)
{
    if (c->nsrc_runs && c->src_runs[c->nsrc_runs - 1].src == src)
        return;
    if (c->nsrc_runs == c->csrc_runs) {
        c->csrc_runs = c->csrc_runs ? c->csrc_runs * 2 : 16;
        c->src_runs = zl_xrealloc(c->src_runs, c->csrc_runs * sizeof *c->src_runs);
    }
    c->src_runs[c->nsrc_runs++] = (struct src_run){ idx, src };
}

uint16_t zl_zindex_source_of(const struct zl_ctx *c, uint32_t i)
{
    /* the last run that starts at or before i */
    size_t lo = 0, hi = c->nsrc_runs;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->src_runs[mid].first <= i)
            lo = mid;
        else
            hi = mid;
    }
    return c->nsrc_runs ? c->src_runs[lo].src : 0;
}

void zl_zindex_note_set_id(struct zl_ctx *c, uint32_t idx, uint32_t id)
{
    if (c->nset_ids == c->cset_ids) {
        c->cset_ids = c->cset_ids ? c->cset_ids * 2 : 16;
        c->set_ids = zl_xrealloc(c->set_ids, c->cset_ids * sizeof *c->set_ids);
    }
    c->set_ids[c->nset_ids++] = (struct set_id_of){ idx, id };
    c->rflags[idx] |= ZL_ZREC_SET_ID;
}

uint32_t zl_zone_set_id(const struct zl_zone *z, uint32_t i)
{
    if (!(z->flags[i] & ZL_ZREC_SET_ID))
        return 0;
    const struct zl_ctx *c = z->ctx;
    size_t lo = 0, hi = c->nset_ids; /* by record index, as they came */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->set_ids[mid].rec < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->nset_ids && c->set_ids[lo].rec == i ? c->set_ids[lo].id : 0;
}

struct zl_span zl_zone_span(const struct zl_zone *z, uint32_t i)
{
    const struct zl_zrec *r = &z->recs[i];
    struct zl_span s = { z->ctx->srcs[zl_zindex_source_of(z->ctx, i)], r->line, r->col, r->line, r->end_col };
    return s;
}

struct zl_span zl_zone_target_span(const struct zl_zone *z, size_t k)
{
    const struct zl_ztarget *t = &z->targets[k];
    struct zl_span s = { z->ctx->srcs[zl_zindex_source_of(z->ctx, t->rec)], t->line, t->col, t->line, t->end_col };
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
