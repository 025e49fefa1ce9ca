/* SPDX-License-Identifier: MIT */
/* RRset rules (RFC 2181 5):
 *   ZL3108 duplicate-record     the same owner, class, type and RDATA twice
 *   ZL3109 rrset-ttl-mismatch   records of one RRset with different TTLs
 *
 *   bad:   www 300  IN A 192.0.2.1
 *          www 3600 IN A 192.0.2.2
 *   good:  www 300  IN A 192.0.2.1
 *          www 300  IN A 192.0.2.2
 *
 * Both are zone rules: one hash table over the file's records, linear. */
#include <stdlib.h>
#include <string.h>

#include "lint/engine.h"
#include "lint/ref.h"
#include "rules.h"
#include "rdata/types.h"

const char zl_explain_duplicate_record[] =
    "An RRset is a set: a record with the same owner, class, type and data as\n"
    "another is the same record (RFC 2181 5). Name servers load it once and\n"
    "serve it once, so the copy does nothing. Usually it is left over from a\n"
    "merge or an export that was pasted twice, and it hides which of the two\n"
    "lines is the one people edit. Names inside the data are compared without\n"
    "regard to case. Nothing served changes, so this is information.\n"
    "\n"
    "Delete the copy.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    @  3600 IN MX 10 mx1.example.com.\n"
    "    @  3600 IN MX 10 MX1.example.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    @  3600 IN MX 10 mx1.example.com.\n";

const char zl_explain_rrset_ttl_mismatch[] =
    "All records of one RRset (same owner, class and type) share one TTL\n"
    "(RFC 2181 5.2). When a zone file gives them different TTLs, name servers\n"
    "silently pick one: BIND uses the TTL of the first record it loads and\n"
    "logs a warning, others use the lowest. The record that was changed to\n"
    "shorten the TTL before a migration then has no effect. Every record is\n"
    "still served, so this is information.\n"
    "\n"
    "The rule reports each record whose TTL differs from the first record of\n"
    "its RRset. Give every record of the set the same TTL.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    www  300  IN A 192.0.2.1\n"
    "    www  3600 IN A 192.0.2.2\n"
    "\n"
    "Good:\n"
    "\n"
    "    www  300  IN A 192.0.2.1\n"
    "    www  300  IN A 192.0.2.2\n";

static uint64_t mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

/* Open addressing over record indexes (stored +1, 0 = empty). Returns the
 * earlier index with an equal key, or UINT32_MAX after inserting i. */
struct table {
    uint32_t *slot;
    size_t mask;
};

/* Route 53 routing records (SetIdentifier; cli53's "; AWS routing=...
 * identifier=..." comment) with different identifiers are separate record
 * sets, each with its own TTL, and may carry the same data. */
static bool same_rrset(const struct zl_zone *z, uint32_t i, uint32_t k)
{
    const struct zl_zrec *a = &z->recs[i], *b = &z->recs[k];
    return a->owner == b->owner && a->type == b->type && a->rclass == b->rclass &&
           zl_zone_set_id(z, i) == zl_zone_set_id(z, k);
}

static bool same_record(const struct zl_zone *z, uint32_t i, uint32_t k)
{
    return z->recs[i].rdata == z->recs[k].rdata && same_rrset(z, i, k);
}

typedef bool (*eq_fn)(const struct zl_zone *z, uint32_t i, uint32_t k);

static uint32_t find_or_add(struct table *t, const struct zl_zone *z, uint32_t i, uint64_t key, eq_fn eq)
{
    size_t j = key & t->mask;
    while (t->slot[j]) {
        uint32_t k = t->slot[j] - 1;
        if (eq(z, k, i))
            return k;
        j = (j + 1) & t->mask;
    }
    t->slot[j] = i + 1;
    return UINT32_MAX;
}

static uint64_t rrset_key(const struct zl_zone *z, uint32_t i)
{
    const struct zl_zrec *r = &z->recs[i];
    return mix(r->owner ^ zl_zone_set_id(z, i) ^ ((uint64_t)r->type << 16 | r->rclass) * 0x9e3779b97f4a7c15ull);
}

static uint64_t record_key(const struct zl_zone *z, uint32_t i)
{
    return mix(rrset_key(z, i) ^ z->recs[i].rdata);
}

#define SMALL_GROUP 16

/* Calls found(i, k) for every record i that matches an earlier record k of
 * the same owner under eq (k the earliest). It works one owner at a time,
 * along the engine's owner chains: records of one name mostly sit together,
 * so memory is walked in order, with no table over the whole zone. Large
 * groups get a small table of their own. */
static void each_match(const struct zl_zone *z, struct zl_ctx *ctx,
                       eq_fn eq, uint64_t (*key)(const struct zl_zone *, uint32_t),
                       void (*found)(const struct zl_zone *, struct zl_ctx *, uint32_t, uint32_t))
{
    uint32_t *group = NULL;
    size_t cap = 0;
    for (uint32_t h = 0; h < z->nrecs; h++) {
        if (!(z->flags[h] & ZL_ZREC_OWNER_FIRST) || z->recs[h].next == UINT32_MAX)
            continue;
        size_t n = 0;
        for (uint32_t j = h; j != UINT32_MAX; j = z->recs[j].next) {
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                group = zl_xrealloc(group, cap * sizeof *group);
            }
            group[n++] = j;
        }
        if (n <= SMALL_GROUP) {
            for (size_t a = 1; a < n; a++)
                for (size_t b = 0; b < a; b++)
                    if (eq(z, group[b], group[a])) {
                        found(z, ctx, group[a], group[b]);
                        break;
                    }
            continue;
        }
        struct table t;
        size_t tcap = 16;
        while (tcap < n * 2)
            tcap *= 2;
        t.slot = zl_xcalloc(tcap, sizeof *t.slot);
        t.mask = tcap - 1;
        for (size_t a = 0; a < n; a++) {
            uint32_t k = find_or_add(&t, z, group[a], key(z, group[a]), eq);
            if (k != UINT32_MAX)
                found(z, ctx, group[a], k);
        }
        free(t.slot);
    }
    free(group);
}

static void report_duplicate(const struct zl_zone *z, struct zl_ctx *ctx, uint32_t i, uint32_t k)
{
    const struct zl_zrec *r = &z->recs[i];
    char tn[16];
    struct zl_span at = zl_zone_span(z, i);
    char ref[ZL_LINE_REF_MAX];
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL3108), &at,
                                  "duplicate %s record: the same name, class, type and data "
                                  "as %s", zl_type_to_text(r->type, tn), zl_zone_line_ref(z, k, &at, ref, sizeof ref));
    if (d)
        zl_diag_add_note(d, "name servers serve it once; delete the copy");
}

static void duplicate_record(const struct zl_zone *z, struct zl_ctx *ctx)
{
    each_match(z, ctx, same_record, record_key, report_duplicate);
}

static void report_ttl(const struct zl_zone *z, struct zl_ctx *ctx, uint32_t i, uint32_t k)
{
    const struct zl_zrec *r = &z->recs[i];
    /* RRSIGs cover different types, each with its own TTL: not one set in
     * the sense that matters here. */
    if (z->recs[k].ttl == r->ttl || r->type == ZL_T_RRSIG)
        return;
    char tn[16];
    struct zl_span at = zl_zone_span(z, i);
    char ref[ZL_LINE_REF_MAX];
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL3109), &at,
                                  "TTL %u differs from TTL %u of the first %s record at this "
                                  "name (%s)", r->ttl, z->recs[k].ttl,
                                  zl_type_to_text(r->type, tn), zl_zone_line_ref(z, k, &at, ref, sizeof ref));
    if (d)
        zl_diag_add_note(d, "an RRset has one TTL (RFC 2181 5.2); BIND serves %u for all of "
                            "them", z->recs[k].ttl);
}

static void rrset_ttl_mismatch(const struct zl_zone *z, struct zl_ctx *ctx)
{
    each_match(z, ctx, same_rrset, rrset_key, report_ttl);
}

void zl_rrset_zone(const struct zl_zone *z, struct zl_ctx *ctx)
{
    if (zl_ctx_enabled(ctx, ZL_RULE_REF(ZL3108)))
        duplicate_record(z, ctx);
    if (zl_ctx_enabled(ctx, ZL_RULE_REF(ZL3109)))
        rrset_ttl_mismatch(z, ctx);
}
