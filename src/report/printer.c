/* SPDX-License-Identifier: MIT */
/* `zonelint print` with the TTLs BIND gives (print.h says how it picks them). */
#include <stdlib.h>
#include <string.h>

#include "report/print.h"
#include "base/ascii.h"
#include "lint/engine.h"
#include "rdata/types.h"

struct rrset {
    uint64_t hash;          /* set_hash: kept for growing the table */
    size_t name_off;        /* owner wire in names, as first written; compared ignoring case */
    uint8_t name_len;
    uint16_t type, rclass, covers;
    uint32_t ttl;           /* the TTL of the latest run that held the RRset */
};

struct line {
    size_t off;             /* in lines */
    uint32_t len, set;
    uint32_t ttl;           /* as printed */
    uint16_t ttl_at, ttl_len;
};

struct run_set {
    uint32_t set, ttl;
};

/* Records BIND's loader holds before it adds them to the zone: those of
 * one owner (its exact spelling), with the first TTL of each RRset. */
struct run {
    struct zl_name owner;
    bool active;
    struct run_set *v;
    size_t n, cap;
};

struct zl_printer {
    struct zl_buf lines;
    struct zl_buf names;
    struct line *v;
    size_t n, cap;
    struct rrset *sets;
    size_t nsets, capsets;
    uint32_t *slots;        /* open addressing: set index + 1, 0 empty; power of two */
    size_t nslots;
    /* What BIND's loader is collecting: the run of one owner, and inside
     * it the glue run of a name its NS records point to (whose records do
     * not end the owner's run); one file at a time. */
    struct run cur, glue;
    const struct zl_source *src;
    struct zl_buf ns_targets;   /* NS targets in cur: length byte + wire, each */
    uint32_t last_ttl;          /* the previous record's TTL as BIND set it */
    bool have_last;
};

struct zl_printer *zl_printer_new(void)
{
    return zl_xcalloc(1, sizeof(struct zl_printer));
}

/* Names compare ignoring case: the engine's case-folding hash, a word at a time. */
static uint64_t set_hash(const uint8_t *wire, size_t len, uint16_t type, uint16_t rclass, uint16_t covers)
{
    uint64_t h = zl_wire_hash64(wire, len);
    return h ^ ((uint64_t)type << 32 | (uint64_t)rclass << 16 | covers) * 0x9e3779b97f4a7c15ull;
}

static uint32_t find_set(struct zl_printer *pr, const struct zl_record *rec, uint16_t covers)
{
    if (pr->nsets * 2 >= pr->nslots) {
        size_t n = pr->nslots ? pr->nslots * 2 : 1024;
        uint32_t *s = zl_xcalloc(n, sizeof *s);
        for (size_t i = 0; i < pr->nsets; i++) {
            const struct rrset *r = &pr->sets[i];
            size_t k = (size_t)r->hash & (n - 1);
            while (s[k])
                k = (k + 1) & (n - 1);
            s[k] = (uint32_t)i + 1;
        }
        free(pr->slots);
        pr->slots = s;
        pr->nslots = n;
    }
    uint64_t h = set_hash(rec->owner.wire, rec->owner.len, rec->type, rec->rclass, covers);
    size_t k = (size_t)h & (pr->nslots - 1);
    for (; pr->slots[k]; k = (k + 1) & (pr->nslots - 1)) {
        const struct rrset *r = &pr->sets[pr->slots[k] - 1];
        if (r->hash == h && r->type == rec->type && r->rclass == rec->rclass && r->covers == covers &&
            r->name_len == rec->owner.len && zl_ascii_eq(pr->names.data + r->name_off, rec->owner.wire,
                                                         rec->owner.len))
            return pr->slots[k] - 1;
    }
    if (pr->nsets == pr->capsets) {
        pr->capsets = pr->capsets ? pr->capsets * 2 : 256;
        pr->sets = zl_xrealloc(pr->sets, pr->capsets * sizeof *pr->sets);
    }
    struct rrset *r = &pr->sets[pr->nsets];
    r->hash = h;
    r->name_off = pr->names.len;
    r->name_len = rec->owner.len;
    zl_buf_put(&pr->names, rec->owner.wire, rec->owner.len);
    r->type = rec->type;
    r->rclass = rec->rclass;
    r->covers = covers;
    r->ttl = rec->ttl;
    pr->slots[k] = (uint32_t)pr->nsets + 1;
    return (uint32_t)pr->nsets++;
}

/* The run is loaded: its TTLs become the RRsets'. */
static void end_run(struct zl_printer *pr, struct run *r)
{
    for (size_t i = 0; i < r->n; i++)
        pr->sets[r->v[i].set].ttl = r->v[i].ttl;
    r->n = 0;
    r->active = false;
    if (r == &pr->cur)
        pr->ns_targets.len = 0;
}

static void start_run(struct run *r, const struct zl_name *owner)
{
    zl_name_copy(&r->owner, owner); /* as long as it is */
    r->active = true;
}

static bool same_spelling(const struct zl_name *a, const struct zl_name *b)
{
    return a->len == b->len && memcmp(a->wire, b->wire, a->len) == 0;
}

static bool is_ns_target(const struct zl_printer *pr, const struct zl_name *n)
{
    for (size_t i = 0; i < pr->ns_targets.len; i += 1 + (size_t)pr->ns_targets.data[i])
        if (pr->ns_targets.data[i] == n->len && zl_ascii_eq(pr->ns_targets.data + i + 1, n->wire, n->len))
            return true;
    return false;
}

/* Adds the record to the run; returns the TTL it gets there. */
static uint32_t run_add(struct run *r, uint32_t set, uint32_t ttl)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->v[i].set == set)
            return r->v[i].ttl; /* a later record of the RRset in the run: the first one's TTL */
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->v = zl_xrealloc(r->v, r->cap * sizeof *r->v);
    }
    r->v[r->n++] = (struct run_set){ set, ttl };
    return ttl;
}

void zl_printer_record(struct zl_printer *pr, const struct zl_record *rec)
{
    size_t mark = pr->lines.len, at, tl;
    if (zl_print_record_ttl(rec, &pr->lines, &at, &tl) != 0)
        return;
    /* RRSIG and SIG records are kept apart by the type they cover, as BIND does */
    uint16_t covers = (rec->type == ZL_T_RRSIG || rec->type == ZL_T_SIG) && rec->rdlen >= 2
                          ? (uint16_t)(rec->rdata[0] << 8 | rec->rdata[1]) : 0;
    /* Without $TTL a record takes the previous one's TTL (RFC 1035): BIND's,
     * after it gave that record its run's first TTL. */
    uint32_t ttl = rec->ttl_source == ZL_TTL_PREVIOUS && pr->have_last ? pr->last_ttl : rec->ttl;
    pr->have_last = true;
    uint32_t set = find_set(pr, rec, covers);
    if (pr->n == pr->cap) {
        pr->cap = pr->cap ? pr->cap * 2 : 1024;
        pr->v = zl_xrealloc(pr->v, pr->cap * sizeof *pr->v);
    }
    pr->v[pr->n++] = (struct line){ mark, (uint32_t)(pr->lines.len - mark), set, rec->ttl,
                                    (uint16_t)at, (uint16_t)tl };
    if (rec->owner_flags & ZL_OWNER_GENERATED) {
        pr->sets[set].ttl = pr->last_ttl = ttl; /* loaded at once, past the runs */
        return;
    }
    if (pr->src != rec->span.src) { /* an $INCLUDE starts or ends: both runs are loaded */
        end_run(pr, &pr->glue);
        end_run(pr, &pr->cur);
        pr->src = rec->span.src;
    }
    if (pr->glue.active && !same_spelling(&pr->glue.owner, &rec->owner))
        end_run(pr, &pr->glue);
    if (!pr->glue.active && pr->cur.active && !same_spelling(&pr->cur.owner, &rec->owner)) {
        if (is_ns_target(pr, &rec->owner))
            start_run(&pr->glue, &rec->owner);
        else
            end_run(pr, &pr->cur);
    }
    if (pr->glue.active) {
        pr->last_ttl = run_add(&pr->glue, set, ttl);
        return;
    }
    if (!pr->cur.active)
        start_run(&pr->cur, &rec->owner);
    pr->last_ttl = run_add(&pr->cur, set, ttl);
    if (rec->type == ZL_T_NS && rec->rdlen > 0 && rec->rdlen <= ZL_NAME_MAX) {
        zl_buf_putc(&pr->ns_targets, (uint8_t)rec->rdlen);
        zl_buf_put(&pr->ns_targets, rec->rdata, rec->rdlen);
    }
}

int zl_printer_finish(struct zl_printer *pr, FILE *out)
{
    end_run(pr, &pr->glue);
    end_run(pr, &pr->cur);
    int rc = 0;
    size_t from = 0, upto = 0; /* a stretch of lines written as they are */
    for (size_t i = 0; i < pr->n; i++) {
        const struct line *ln = &pr->v[i];
        uint32_t ttl = pr->sets[ln->set].ttl;
        if (ttl == ln->ttl) {
            upto = ln->off + ln->len;
            continue;
        }
        const char *l = (const char *)pr->lines.data + ln->off;
        if (upto > from && fwrite(pr->lines.data + from, 1, upto - from, out) != upto - from)
            rc = -1;
        if (fwrite(l, 1, ln->ttl_at, out) != ln->ttl_at || fprintf(out, "%u", ttl) < 0 ||
            fwrite(l + ln->ttl_at + ln->ttl_len, 1, ln->len - ln->ttl_at - ln->ttl_len, out) !=
                ln->len - ln->ttl_at - ln->ttl_len)
            rc = -1;
        from = upto = ln->off + ln->len;
    }
    if (upto > from && fwrite(pr->lines.data + from, 1, upto - from, out) != upto - from)
        rc = -1;
    zl_buf_free(&pr->lines);
    zl_buf_free(&pr->names);
    free(pr->v);
    free(pr->sets);
    free(pr->slots);
    free(pr->cur.v);
    free(pr->glue.v);
    zl_buf_free(&pr->ns_targets);
    free(pr);
    return rc;
}
