/* SPDX-License-Identifier: MIT */
/* Records of a Terraform configuration, handed on zone by zone
 * (tf_records.h): a module often manages several zones, and records of
 * different zones must never be compared (a second DMARC record at
 * "_dmarc" of another domain is no second DMARC record). A record whose
 * zone's name is not known statically is grouped with the records whose
 * zone attribute holds the same value (the same zone id written, or the
 * same variable or data source known only at apply time), and with no
 * other. */
#include <stdlib.h>
#include <string.h>

#include "base/codes.h"
#include "input/terraform/tf_records.h"

static uint64_t mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

static uint64_t bytes_hash(uint64_t h, const uint8_t *p, size_t n, bool fold)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if (fold && c >= 'A' && c <= 'Z')
            c = (uint8_t)(c + 32);
        h = (h ^ c) * 0x100000001b3ull;
    }
    return h;
}

static uint64_t key_hash(const struct zl_tf_zone_key *k)
{
    uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t)k->kind;
    switch (k->kind) {
    case ZL_TF_ZONE_NAME:
        h = bytes_hash(h, k->name.wire, k->name.len, true);
        break;
    case ZL_TF_ZONE_ID:
        h = bytes_hash(h, (const uint8_t *)k->id, k->idlen, false);
        break;
    case ZL_TF_ZONE_VALUE:
        h ^= (uint64_t)(uintptr_t)k->value;
        break;
    default:
        break;
    }
    return mix(h);
}

void zl_tf_batch_add(struct zl_tf_emit *X, struct zl_tf_batch *b, const char *type, size_t tlen,
                     const struct zl_hv *inst, struct zl_span at, void *user)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        b->v = zl_xrealloc(b->v, b->cap * sizeof *b->v);
    }
    struct zl_tf_item *it = &b->v[b->n++];
    memset(it, 0, sizeof *it);
    it->type = type;
    it->tlen = tlen;
    it->inst = inst;
    it->at = at;
    it->user = user;
    zl_tf_zone_of(X, type, tlen, inst, &it->key);
}

struct group {
    uint32_t first, last;
};

void zl_tf_batch_map(struct zl_tf_emit *X, struct zl_tf_batch *b,
                     void (*done)(void *ctx, const struct zl_tf_item *it, const char *why), void *ctx)
{
    if (!b->n)
        return;
    /* items into groups by key, in order of first appearance */
    size_t cap = 16;
    while (cap < 2 * b->n)
        cap *= 2;
    uint32_t *slot = zl_xcalloc(cap, sizeof *slot); /* group + 1 */
    struct group *g = zl_xmalloc(b->n * sizeof *g);
    uint32_t ng = 0;
    for (uint32_t i = 0; i < b->n; i++) {
        struct zl_tf_item *it = &b->v[i];
        it->next = UINT32_MAX;
        size_t k = (size_t)key_hash(&it->key) & (cap - 1);
        while (slot[k] && !zl_tf_zone_key_equal(&b->v[g[slot[k] - 1].first].key, &it->key))
            k = (k + 1) & (cap - 1);
        if (!slot[k]) {
            g[ng].first = g[ng].last = i;
            slot[k] = ++ng;
        } else {
            struct group *gr = &g[slot[k] - 1];
            b->v[gr->last].next = i;
            gr->last = i;
        }
        it->group = slot[k] - 1;
    }
    free(slot);
    struct zl_fmt *f = X->f;
    X->zone_unknown = 0;
    for (uint32_t gi = 0; gi < ng; gi++) {
        const struct zl_tf_zone_key *key = &b->v[g[gi].first].key;
        bool named = key->kind == ZL_TF_ZONE_NAME;
        if (f->opts->on_zone)
            f->opts->on_zone(f->opts->user, named ? &key->name : NULL, gi, ng);
        for (uint32_t i = g[gi].first; i != UINT32_MAX; i = b->v[i].next) {
            const struct zl_tf_item *it = &b->v[i];
            unsigned long before = X->zone_unknown;
            const char *why = zl_tf_map_instance(X, it->type, it->tlen, it->inst, it->at);
            if (X->zone_unknown > before) {
                if (!b->unknown_zone) {
                    b->first_unknown = it->at;
                    b->unknown_attr = key->attr;
                }
                b->unknown_zone += X->zone_unknown - before;
            }
            if (done)
                done(ctx, it, why);
        }
    }
    free(g);
}

void zl_tf_batch_report(struct zl_tf_emit *X, const struct zl_tf_batch *b)
{
    if (!b->unknown_zone)
        return;
    unsigned long n = b->unknown_zone;
    const char *attr = b->unknown_attr ? b->unknown_attr : "zone_id";
    zl_fmt_report(X->f, ZL_RULE_ZL1006, &b->first_unknown,
                  "the zone of %lu DNS record%s is not known without running Terraform (%s is known only at "
                  "apply time, or names no zone given here), so %s name%s lack%s the zone: %s checked only with "
                  "the records of the same %s, and checks that need the domain skipped %s; give --origin when "
                  "they are all in one zone",
                  n, n == 1 ? "" : "s", attr, n == 1 ? "its" : "their", n == 1 ? "" : "s", n == 1 ? "s" : "",
                  n == 1 ? "it is" : "they are", attr, n == 1 ? "it" : "them");
}

void zl_tf_batch_free(struct zl_tf_batch *b)
{
    free(b->v);
    memset(b, 0, sizeof *b);
}
