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
#include "rdata/types.h"
#include "rules.h"

struct cut {
    uint64_t hash;
    const uint8_t *wire;       /* the cut's name, for messages */
    uint16_t len;
    uint32_t line;
};

/* Ancestor hashes of deep owners, with the record each came from (its
 * owner chain gives the rest), in fixed chunks: 12 bytes an ancestor, and
 * no half-empty doubling chunk at the end of a million-record zone. */
#define CHUNK 8192

struct below_chunk {
    struct below_chunk *next;
    uint32_t n;
    uint32_t rec[CHUNK];
    uint64_t ancestor[CHUNK];
};

struct state {
    struct zl_list cuts;       /* struct cut */
    struct below_chunk *head, *tail;
    size_t nbelow;
    uint32_t nrec;             /* records seen: the index the next one gets in the summary */
    uint64_t last_cut;         /* hash of the previous NS record's owner */
    bool have_soa;             /* the apex is the SOA's owner ("$ORIGIN ." files) */
    struct zl_name soa;
    uint8_t last[ZL_NAME_MAX]; /* the previous owner's wire, to skip its repeats */
    size_t last_len;
};

static void keep_below(struct zl_ctx *ctx, struct state *st, uint64_t ancestor, uint32_t rec)
{
    struct below_chunk *c = st->tail;
    if (!c || c->n == CHUNK) {
        struct below_chunk *nc = zl_ctx_alloc(ctx, sizeof *nc);
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

void zl_occluded_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    const struct zl_name *origin = zl_ctx_origin(ctx);
    struct state *st = get_state(ctx);
    uint32_t idx = st->nrec++; /* this record's index in the zone summary */
    if (!origin)
        return;
    const struct zl_name *o = &rec->owner;
    if (rec->type == ZL_T_SOA && !st->have_soa) {
        st->have_soa = true;
        st->soa = *o;
    }
    if (o->nlabels <= origin->nlabels)
        return; /* the apex, or above it */
    unsigned depth = (unsigned)(o->nlabels - origin->nlabels);
    if (rec->type == ZL_T_NS) {
        if (!zl_name_is_subdomain(o, origin))
            return;
        uint64_t h = zl_name_hash64(o);
        if (st->last_cut != h) { /* an NS set is kept once */
            struct cut *c = zl_list_push(ctx, &st->cuts, sizeof *c);
            c->hash = h;
            c->wire = (const uint8_t *)zl_ctx_strdup(ctx, (const char *)o->wire, o->len);
            c->len = o->len;
            c->line = rec->span.line;
            st->last_cut = h;
        }
    }
    if (depth < 2)
        return;
    if (st->last_len == o->len && memcmp(st->last, o->wire, o->len) == 0)
        return; /* the same owner as the record before: already kept */
    memcpy(st->last, o->wire, o->len);
    st->last_len = o->len;
    /* ancestors strictly between the owner and the origin: labels 1..depth-1 */
    size_t off = (size_t)o->wire[0] + 1;
    for (unsigned i = 1; i < depth; i++) {
        keep_below(ctx, st, zl_wire_hash64(o->wire + off, o->len - off), idx);
        off += (size_t)o->wire[off] + 1;
    }
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static int cmp_cut(const void *a, const void *b)
{
    const struct cut *x = *(const struct cut *const *)a, *y = *(const struct cut *const *)b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

/* An owner below a cut, with the order its ancestors were kept in (nearest
 * first), so the nearest cut is named. */
struct hit {
    uint64_t owner;
    size_t seq;
    const struct cut *cut;
};

static int cmp_hit(const void *a, const void *b)
{
    const struct hit *x = a, *y = b;
    if (x->owner != y->owner)
        return x->owner < y->owner ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

static bool in_set(const uint64_t *v, size_t n, uint64_t h)
{
    return n && bsearch(&h, v, n, sizeof *v, cmp_u64) != NULL;
}

/* The cut with hash h (the first NS line of it), or NULL. */
static const struct cut *find_cut(const struct cut *const *v, size_t n, uint64_t h)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid]->hash < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && v[lo]->hash == h ? v[lo] : NULL;
}

/* Served at a cut, or below it as glue. */
static bool allowed(const struct zl_zrec *r, bool at_cut, const uint64_t *ns_targets, size_t nt)
{
    if (at_cut && (r->type == ZL_T_NS || r->type == ZL_T_DS || r->type == ZL_T_NSEC || r->type == ZL_T_RRSIG))
        return true;
    return (r->type == ZL_T_A || r->type == ZL_T_AAAA) && in_set(ns_targets, nt, r->owner);
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
    if (at_cut) {
        /* At the cut itself the child zone's apex data is what resolvers
         * get; the parent's copy is dead, but often a harmless duplicate. */
        d = zl_report(ctx, r, &at,
                      "%s record at '%s', where this zone delegates (NS at line %u): name servers answer for the "
                      "name with a referral, so the child zone's data is served, not this record",
                      zl_type_to_text(z->recs[i].type, tn), cn, c->line);
        if (d && d->severity == r->severity)
            d->severity = ZL_SEV_INFO;
    } else {
        d = zl_report(ctx, r, &at,
                      "%s record below '%s', which this zone delegates (NS at line %u): name servers answer "
                      "queries there with a referral to the delegated servers, so this record is never served",
                      zl_type_to_text(z->recs[i].type, tn), cn, c->line);
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

void zl_occluded_zone(const struct zl_zone *z, struct zl_ctx *ctx)
{
    struct state *st = *zl_ctx_state(ctx, ZL_RULE_REF(ZL3111));
    if (!st || !st->cuts.n)
        return;
    /* the cuts by hash, one per name */
    size_t nc = 0, n = 0;
    const struct cut **cuts = zl_ctx_alloc(ctx, st->cuts.n * sizeof *cuts);
    for (size_t i = 0; i < st->cuts.n; i++) {
        const struct cut *c = zl_list_at(&st->cuts, i);
        if (is_cut(st, c))
            cuts[n++] = c;
    }
    if (!n)
        return;
    qsort(cuts, n, sizeof *cuts, cmp_cut);
    for (size_t i = 0; i < n; i++)
        if (!nc || cuts[nc - 1]->hash != cuts[i]->hash)
            cuts[nc++] = cuts[i];
    /* NS targets: their addresses are glue */
    size_t nt = 0;
    uint64_t *nst = zl_ctx_alloc(ctx, (z->ntargets + 1) * sizeof *nst);
    for (size_t i = 0; i < z->ntargets; i++)
        if (z->recs[z->targets[i].rec].type == ZL_T_NS)
            nst[nt++] = z->targets[i].name;
    qsort(nst, nt, sizeof *nst, cmp_u64);

    /* data at a cut; records written on one line (an octoDNS values: list)
     * are one finding */
    for (size_t i = 0; i < nc; i++) {
        uint32_t last_line = 0, last_type = 0;
        for (uint32_t r = zl_zone_first(z, cuts[i]->hash); r != UINT32_MAX; r = z->recs[r].next) {
            if (allowed(&z->recs[r], true, nst, nt) || (z->recs[r].line == last_line && z->recs[r].type == last_type))
                continue;
            last_line = z->recs[r].line;
            last_type = z->recs[r].type;
            report(ctx, z, r, cuts[i], true);
        }
    }

    /* data below a cut: each owner once, named with its nearest cut */
    size_t nh = 0, cap = 0, seq = 0;
    struct hit *hits = NULL;
    for (const struct below_chunk *b = st->head; b; b = b->next)
        for (uint32_t i = 0; i < b->n; i++, seq++) {
            const struct cut *c = find_cut(cuts, nc, b->ancestor[i]);
            if (!c || b->rec[i] >= z->nrecs)
                continue;
            if (nh == cap) {
                size_t ncap = cap ? cap * 2 : 64;
                struct hit *nv = zl_ctx_alloc(ctx, ncap * sizeof *nv);
                if (nh)
                    memcpy(nv, hits, nh * sizeof *nv);
                hits = nv;
                cap = ncap;
            }
            hits[nh++] = (struct hit){ z->recs[b->rec[i]].owner, seq, c };
        }
    if (!nh)
        return;
    qsort(hits, nh, sizeof *hits, cmp_hit);
    for (size_t i = 0; i < nh; i++) {
        if (i && hits[i].owner == hits[i - 1].owner)
            continue;
        uint32_t last_line = 0, last_type = 0;
        for (uint32_t r = zl_zone_first(z, hits[i].owner); r != UINT32_MAX; r = z->recs[r].next) {
            if (allowed(&z->recs[r], false, nst, nt) || (z->recs[r].line == last_line && z->recs[r].type == last_type))
                continue;
            last_line = z->recs[r].line;
            last_type = z->recs[r].type;
            report(ctx, z, r, hits[i].cut, false);
        }
    }
}

const char zl_explain_occluded[] =
    "An NS record at a name below the zone's apex is a zone cut: it delegates\n"
    "that name to other name servers. From there on the child zone is\n"
    "authoritative, and this zone's servers answer every query at or below the\n"
    "cut with a referral (RFC 1034 4.2.1). Records this zone still holds below\n"
    "the cut are never served (RFC 8499 and BIND call them occluded). Only glue\n"
    "(the addresses of name servers named by the NS records) belongs below a\n"
    "cut. Data at the cut's own name besides its NS and DS records is dead too,\n"
    "but is often a copy of the child zone's apex data: that is an info.\n"
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
