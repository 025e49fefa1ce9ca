/* SPDX-License-Identifier: MIT */
/* ZL3111 occluded: a record at or below a zone cut of this zone, which the
 * zone's name servers never serve.
 *
 * An NS record at a name below the apex delegates that name: from there on
 * the child zone's servers are authoritative, and the parent answers every
 * query at or below the cut with a referral (RFC 1034 4.2.1, 4.3.2; RFC
 * 8499 calls such data "occluded", as BIND's named-checkzone does). Only
 * the cut's NS and DS records, and glue (addresses of the NS targets at or
 * below the cut), belong there. Route 53 and every other provider behave
 * the same. For SES this is "the records are not on the delegated name
 * servers": DKIM CNAMEs for mail.example.com added to the example.com zone
 * after mail was delegated.
 *
 *   bad:   mail                          NS     ns1.other.example.
 *          tok._domainkey.mail           CNAME  tok.dkim.amazonses.com.
 *   good:  mail                          NS     ns1.mail.example.com.
 *          ns1.mail                      A      192.0.2.25        ; glue
 *
 * Cost: zone summaries keep only owner hashes, so the record hook keeps, for
 * each owner at least two labels below the origin, the hashes of its
 * ancestors between it and the origin (12 bytes each, once per run of
 * records with one owner); the zone hook looks them up among the cuts.
 * Owners one label below the origin can only sit at a cut, which the owner
 * index answers directly. */
#include <stdlib.h>
#include <string.h>

#include "lint/engine.h"
#include "lint/list.h"
#include "lint/ref.h"
#include "rdata/types.h"
#include "rules.h"

struct cut {
    uint64_t hash;             /* zl_name_hash64: the owner index's key */
    uint64_t below;            /* below_hash: the key ancestors are matched with */
    const uint8_t *wire;       /* the cut's name, for messages */
    uint16_t len;
    uint32_t line;
    const struct zl_source *src;
};

/* Ancestor hashes of deep owners, with the record each came from (its
 * owner chain gives the rest), in fixed chunks: 12 bytes an ancestor, and
 * no half-empty doubling chunk at the end of a million-record zone. */
#define CHUNK 8192
#define FIRST_CHUNK 64 /* a small zone's is small: zeroing a big one cost more than the file */

struct below_chunk {
    struct below_chunk *next;
    uint32_t n, cap;
    uint32_t *rec;
    uint64_t *ancestor;
};

struct state {
    struct zl_list cuts;       /* struct cut */
    struct below_chunk *head, *tail;
    size_t nbelow;
    uint64_t last_cut;         /* hash of the previous NS record's owner */
    bool have_soa;             /* the apex is the SOA's owner ("$ORIGIN ." files) */
    struct zl_name soa;
    uint8_t last[ZL_NAME_MAX]; /* the previous owner's wire, to skip its repeats */
    size_t last_len;
};

static void keep_below(struct zl_ctx *ctx, struct state *st, uint64_t ancestor, uint32_t rec)
{
    struct below_chunk *c = st->tail;
    if (!c || c->n == c->cap) {
        /* Chunks double up to CHUNK entries. */
        uint32_t cap = !c ? FIRST_CHUNK : c->cap < CHUNK ? 2 * c->cap : CHUNK;
        struct below_chunk *nc = zl_ctx_alloc(ctx, sizeof *nc);
        nc->cap = cap;
        nc->ancestor = zl_ctx_alloc_raw(ctx, cap * sizeof *nc->ancestor);
        nc->rec = zl_ctx_alloc_raw(ctx, cap * sizeof *nc->rec);
        if (c)
            c->next = nc;
        else
            st->head = nc;
        st->tail = c = nc;
    }
    c->rec[c->n] = rec;
    c->ancestor[c->n++] = ancestor;
    st->nbelow++;
}

static struct state *get_state(struct zl_ctx *ctx)
{
    void **slot = zl_ctx_state(ctx, ZL_RULE_REF(ZL3111));
    if (!*slot)
        *slot = zl_ctx_alloc(ctx, sizeof(struct state));
    return *slot;
}

/* Hashes of a name's ancestors from the origin down, in one pass over its
 * labels below the origin, right to left: out[k] names the ancestor with
 * the k+1 labels next to the origin. The first `skip` labels of n (its own
 * leftmost ones) are not hashed. Compared only with the same hash of a
 * cut's name, so it need not be the owner index's hash, only cheap.
 * Returns how many were written: depth - skip. */
static unsigned below_hashes(const struct zl_name *n, unsigned depth, unsigned skip, uint64_t *out)
{
    size_t off[ZL_NAME_MAX];
    size_t o = 0;
    for (unsigned i = 0; i < depth; i++) {
        off[i] = o;
        o += (size_t)n->wire[o] + 1;
    }
    uint64_t h = 0x9e3779b97f4a7c15ull;
    for (unsigned k = 0; k + skip < depth; k++) {
        const uint8_t *l = n->wire + off[depth - 1 - k];
        for (unsigned j = 0; j <= l[0]; j++) {
            uint8_t c = l[j];
            c |= (uint8_t)(((unsigned)(c - 'A') < 26u) << 5); /* ASCII lower case, no branch */
            h = (h ^ c) * 0x100000001b3ull;
        }
        h ^= h >> 29;
        out[k] = h;
    }
    return depth - skip;
}

void zl_occluded_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    const struct zl_name *origin = zl_ctx_origin(ctx);
    if (!origin)
        return;
    const struct zl_name *o = &rec->owner;
    unsigned depth = o->nlabels > origin->nlabels ? (unsigned)(o->nlabels - origin->nlabels) : 0;
    /* most records: one label below the origin, neither NS nor SOA */
    if (depth < 2 && rec->type != ZL_T_NS && rec->type != ZL_T_SOA)
        return;
    struct state *st = get_state(ctx);
    if (rec->type == ZL_T_SOA && !st->have_soa) {
        st->have_soa = true;
        st->soa = *o;
    }
    if (!depth)
        return; /* the apex, or above it */
    if (rec->type == ZL_T_NS) {
        if (!zl_name_is_subdomain(o, origin))
            return;
        uint64_t h = zl_ctx_owner_hash(ctx, rec);
        if (st->last_cut != h) { /* an NS set is kept once */
            uint64_t bh[ZL_NAME_MAX];
            struct cut *c = zl_list_push(ctx, &st->cuts, sizeof *c);
            c->hash = h;
            c->below = bh[below_hashes(o, depth, 0, bh) - 1];
            c->wire = (const uint8_t *)zl_ctx_strdup(ctx, (const char *)o->wire, o->len);
            c->len = o->len;
            c->line = rec->span.line;
            c->src = rec->span.src;
            st->last_cut = h;
        }
    }
    if (depth < 2)
        return;
    if (st->last_len == o->len && memcmp(st->last, o->wire, o->len) == 0)
        return; /* the same owner as the record before: already kept */
    memcpy(st->last, o->wire, o->len);
    st->last_len = o->len;
    /* ancestors strictly between the owner and the origin */
    uint64_t bh[ZL_NAME_MAX];
    unsigned na = below_hashes(o, depth, 1, bh); /* the owner itself is not its ancestor */
    uint32_t idx = zl_ctx_record_index(ctx);
    for (unsigned k = 0; k < na; k++)
        keep_below(ctx, st, bh[k], idx);
}




/* NS targets, for glue: an open-addressing set, built in one pass. */
struct hset {
    uint64_t *v;
    size_t mask;
};

static void hset_build(struct zl_ctx *ctx, struct hset *s, const struct zl_zone *z)
{
    size_t n = 0;
    for (size_t i = 0; i < z->ntargets; i++)
        n += z->recs[z->targets[i].rec].type == ZL_T_NS;
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    s->v = zl_ctx_block(ctx, cap * sizeof *s->v); /* zeroed: 0 is no hash */
    s->mask = cap - 1;
    for (size_t i = 0; i < z->ntargets; i++) {
        if (z->recs[z->targets[i].rec].type != ZL_T_NS)
            continue;
        uint64_t h = z->targets[i].name;
        size_t j = h & s->mask;
        while (s->v[j] && s->v[j] != h)
            j = (j + 1) & s->mask;
        s->v[j] = h;
    }
}

static bool in_set(const struct hset *s, uint64_t h)
{
    for (size_t j = h & s->mask; s->v[j]; j = (j + 1) & s->mask)
        if (s->v[j] == h)
            return true;
    return false;
}

/* The cuts by below hash, in an open-addressing table: looked up once per
 * kept ancestor. */
struct cut_table {
    const struct cut **v;
    size_t mask;
};

static void cut_table_build(struct zl_ctx *ctx, struct cut_table *t, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    t->v = zl_ctx_block(ctx, cap * sizeof *t->v);
    t->mask = cap - 1;
}

/* False when the name is in already (a second NS set, later in the file). */
static bool cut_table_add(struct cut_table *t, const struct cut *c)
{
    size_t j = c->below & t->mask;
    for (; t->v[j]; j = (j + 1) & t->mask)
        if (t->v[j]->below == c->below)
            return false;
    t->v[j] = c;
    return true;
}

static const struct cut *find_cut(const struct cut_table *t, uint64_t h)
{
    for (size_t j = h & t->mask; t->v[j]; j = (j + 1) & t->mask)
        if (t->v[j]->below == h)
            return t->v[j];
    return NULL;
}

/* Served at a cut, or below it as glue. */
static bool allowed(const struct zl_zrec *r, bool at_cut, const struct hset *ns_targets)
{
    if (at_cut && (r->type == ZL_T_NS || r->type == ZL_T_DS || r->type == ZL_T_NSEC || r->type == ZL_T_RRSIG))
        return true;
    return (r->type == ZL_T_A || r->type == ZL_T_AAAA) && in_set(ns_targets, r->owner);
}

static void report(struct zl_ctx *ctx, const struct zl_zone *z, uint32_t i, const struct cut *c, bool at_cut)
{
    char cn[ZL_NAME_TEXT_MAX], tn[16];
    struct zl_name name;
    if (!zl_name_from_wire(&name, c->wire, c->len))
        return;
    zl_name_text(&name, cn);
    struct zl_span at = zl_zone_span(z, i);
    const struct zl_rule *r = ZL_RULE_REF(ZL3111);
    struct zl_diag *d;
    struct zl_span cut_at = { c->src, c->line, 1, c->line, 1 };
    char ref[ZL_LINE_REF_MAX];
    zl_line_ref(&cut_at, &at, ref, sizeof ref);
    if (at_cut) {
        /* At the cut itself the child zone's apex data is what resolvers
         * get; the parent's copy is dead, but often a harmless duplicate. */
        d = zl_report(ctx, r, &at,
                      "%s record at '%s', where this zone delegates (NS at %s): name servers answer for the "
                      "name with a referral, so the child zone's data is served, not this record",
                      zl_type_to_text(z->recs[i].type, tn), cn, ref);
        if (d && d->severity == r->severity)
            d->severity = ZL_SEV_INFO;
    } else {
        d = zl_report(ctx, r, &at,
                      "%s record below '%s', which this zone delegates (NS at %s): name servers answer "
                      "queries there with a referral to the delegated servers, so this record is never served",
                      zl_type_to_text(z->recs[i].type, tn), cn, ref);
        /* An address below a cut is glue-like (BIND keeps it for glue) and
         * usually a copy of the child zone's host: dead, rarely a mistake. */
        uint16_t t = z->recs[i].type;
        if (d && (t == ZL_T_A || t == ZL_T_AAAA) && d->severity == r->severity)
            d->severity = ZL_SEV_INFO;
    }
    if (d)
        zl_diag_add_note(d, "publish it in the zone of '%s' on its own name servers, or remove the delegation", cn);
}

/* An NS owner strictly below the apex (the SOA's owner when the file has
 * one, for "$ORIGIN ." files; else the origin). */
static bool is_cut(const struct state *st, const struct cut *c)
{
    if (!st->have_soa)
        return true; /* below the origin already */
    struct zl_name n;
    return zl_name_from_wire(&n, c->wire, c->len) && zl_name_is_subdomain(&n, &st->soa) &&
           !zl_name_equal(&n, &st->soa);
}

/* Owners already judged, so each owner is judged once; grows as needed
 * (most zones have no owner below a cut at all). */
struct seen_set {
    struct hset s;
    size_t used;
};

static bool first_time(struct zl_ctx *ctx, struct seen_set *t, uint64_t h)
{
    if (!t->s.v || (t->used + 1) * 2 > t->s.mask + 1) {
        size_t cap = t->s.v ? (t->s.mask + 1) * 2 : 64;
        uint64_t *v = zl_ctx_alloc(ctx, cap * sizeof *v);
        for (size_t i = 0; t->s.v && i <= t->s.mask; i++) {
            if (!t->s.v[i])
                continue;
            size_t j = t->s.v[i] & (cap - 1);
            while (v[j])
                j = (j + 1) & (cap - 1);
            v[j] = t->s.v[i];
        }
        t->s.v = v;
        t->s.mask = cap - 1;
    }
    size_t j = h & t->s.mask;
    for (; t->s.v[j]; j = (j + 1) & t->s.mask)
        if (t->s.v[j] == h)
            return false;
    t->s.v[j] = h;
    t->used++;
    return true;
}

void zl_occluded_zone(const struct zl_zone *z, struct zl_ctx *ctx)
{
    struct state *st = *zl_ctx_state(ctx, ZL_RULE_REF(ZL3111));
    if (!st || !st->cuts.n)
        return;
    /* the cuts, one per name (its first NS line), in a table by below hash */
    size_t nc = 0;
    const struct cut **cuts = zl_ctx_block(ctx, st->cuts.n * sizeof *cuts); /* these tables: freed at the end */
    struct cut_table table;
    cut_table_build(ctx, &table, st->cuts.n);
    for (size_t i = 0; i < st->cuts.n; i++) {
        const struct cut *c = zl_list_at(&st->cuts, i);
        if (is_cut(st, c) && cut_table_add(&table, c))
            cuts[nc++] = c;
    }
    if (!nc) {
        zl_ctx_block_free(ctx, cuts);
        zl_ctx_block_free(ctx, table.v);
        return;
    }
    /* NS targets: their addresses are glue */
    struct hset nst;
    hset_build(ctx, &nst, z);

    /* data at a cut; records written on one line (an octoDNS values: list)
     * are one finding */
    for (size_t i = 0; i < nc; i++) {
        uint32_t last_line = 0, last_type = 0;
        for (uint32_t r = zl_zone_first(z, cuts[i]->hash); r != UINT32_MAX; r = z->recs[r].next) {
            if (allowed(&z->recs[r], true, &nst) || (z->recs[r].line == last_line && z->recs[r].type == last_type))
                continue;
            last_line = z->recs[r].line;
            last_type = z->recs[r].type;
            report(ctx, z, r, cuts[i], true);
        }
    }

    /* data below a cut: each owner once, named with the topmost cut above it
     * (ancestors were kept from the origin down) */
    struct seen_set seen = { { NULL, 0 }, 0 };
    for (const struct below_chunk *b = st->head; b; b = b->next)
        for (uint32_t i = 0; i < b->n; i++) {
            const struct cut *c = find_cut(&table, b->ancestor[i]);
            if (!c || b->rec[i] >= z->nrecs)
                continue;
            uint64_t owner = z->recs[b->rec[i]].owner;
            bool any = false; /* glue alone (the common case) needs no memory */
            for (uint32_t r = zl_zone_first(z, owner); r != UINT32_MAX && !any; r = z->recs[r].next)
                any = !allowed(&z->recs[r], false, &nst);
            if (!any || !first_time(ctx, &seen, owner))
                continue;
            uint32_t last_line = 0, last_type = 0;
            for (uint32_t r = zl_zone_first(z, owner); r != UINT32_MAX; r = z->recs[r].next) {
                if (allowed(&z->recs[r], false, &nst) ||
                    (z->recs[r].line == last_line && z->recs[r].type == last_type))
                    continue;
                last_line = z->recs[r].line;
                last_type = z->recs[r].type;
                report(ctx, z, r, c, false);
            }
        }
    zl_ctx_block_free(ctx, nst.v);
    zl_ctx_block_free(ctx, table.v);
    zl_ctx_block_free(ctx, cuts);
}

const char zl_explain_occluded[] =
    "An NS record at a name below the zone's apex is a zone cut: it delegates\n"
    "that name to other name servers. From there on the child zone is\n"
    "authoritative, and this zone's servers answer every query at or below the\n"
    "cut with a referral (RFC 1034 4.2.1). Records this zone still holds below\n"
    "the cut are never served (RFC 8499 and BIND call them occluded). Only glue\n"
    "(the addresses of name servers named by the NS records) belongs below a\n"
    "cut. Data at the cut's own name besides its NS and DS records, and other\n"
    "address records below the cut, are dead too, but are usually copies of the\n"
    "child zone's data: those are an info.\n"
    "\n"
    "It happens when records for a delegated subdomain are added to the parent\n"
    "zone: SES DKIM CNAMEs or ACM validation records for mail.example.com put in\n"
    "the example.com zone after mail.example.com was delegated elsewhere. SES\n"
    "and every resolver ask the delegated servers and never find them. Publish\n"
    "them in the delegated zone.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    @     IN SOA ns1.example.net. hostmaster.example.com. 1 7200 3600 1209600 3600\n"
    "    @     IN NS  ns1.example.net.\n"
    "    mail  IN NS  ns1.other.example.\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey.mail IN CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    @     IN SOA ns1.example.net. hostmaster.example.com. 1 7200 3600 1209600 3600\n"
    "    @     IN NS  ns1.example.net.\n"
    "    mail  IN NS  ns1.mail.example.com.\n"
    "    mail  IN DS  60485 13 2 d4b7d520e7bb5f0f67674a0cceb1e3e0614b93c4f9e99b8383f6a1e4469da50a\n"
    "    ns1.mail IN A 192.0.2.25\n"
    "    4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey IN CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n";
