/* `zonelint print` with the TTLs BIND gives (print.h says how it picks them). */
#include <stdlib.h>
#include <string.h>

#include "report/print.h"
#include "base/ascii.h"
#include "rdata/types.h"

struct rrset {
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

struct zl_printer {
    struct zl_buf lines;
    struct zl_buf names;
    struct line *v;
    size_t n, cap;
    struct rrset *sets;
    size_t nsets, capsets;
    uint32_t *slots;        /* open addressing: set index + 1, 0 empty; power of two */
    size_t nslots;
    /* the run of one owner BIND's loader is collecting */
    struct zl_name run_owner;
    const struct zl_source *run_src;
    bool in_run;
    struct run_set *run;
    size_t nrun, caprun;
};

struct zl_printer *zl_printer_new(void)
{
    return zl_xcalloc(1, sizeof(struct zl_printer));
}

static uint64_t set_hash(const uint8_t *wire, size_t len, uint16_t type, uint16_t rclass, uint16_t covers)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ zl_ascii_lower(wire[i])) * 1099511628211ull;
    return h ^ ((uint64_t)type << 32 | (uint64_t)rclass << 16 | covers) * 0x9e3779b97f4a7c15ull;
}

static uint32_t find_set(struct zl_printer *pr, const struct zl_record *rec, uint16_t covers)
{
    if (pr->nsets * 2 >= pr->nslots) {
        size_t n = pr->nslots ? pr->nslots * 2 : 1024;
        uint32_t *s = zl_xcalloc(n, sizeof *s);
        for (size_t i = 0; i < pr->nsets; i++) {
            const struct rrset *r = &pr->sets[i];
            size_t k = (size_t)set_hash(pr->names.data + r->name_off, r->name_len, r->type, r->rclass,
                                        r->covers) & (n - 1);
            while (s[k])
                k = (k + 1) & (n - 1);
            s[k] = (uint32_t)i + 1;
        }
        free(pr->slots);
        pr->slots = s;
        pr->nslots = n;
    }
    size_t k = (size_t)set_hash(rec->owner.wire, rec->owner.len, rec->type, rec->rclass, covers) &
               (pr->nslots - 1);
    for (; pr->slots[k]; k = (k + 1) & (pr->nslots - 1)) {
        const struct rrset *r = &pr->sets[pr->slots[k] - 1];
        if (r->type == rec->type && r->rclass == rec->rclass && r->covers == covers &&
            r->name_len == rec->owner.len && zl_ascii_eq(pr->names.data + r->name_off, rec->owner.wire,
                                                         rec->owner.len))
            return pr->slots[k] - 1;
    }
    if (pr->nsets == pr->capsets) {
        pr->capsets = pr->capsets ? pr->capsets * 2 : 256;
        pr->sets = zl_xrealloc(pr->sets, pr->capsets * sizeof *pr->sets);
    }
    struct rrset *r = &pr->sets[pr->nsets];
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
static void end_run(struct zl_printer *pr)
{
    for (size_t i = 0; i < pr->nrun; i++)
        pr->sets[pr->run[i].set].ttl = pr->run[i].ttl;
    pr->nrun = 0;
    pr->in_run = false;
}

void zl_printer_record(struct zl_printer *pr, const struct zl_record *rec)
{
    size_t mark = pr->lines.len;
    if (zl_print_record(rec, &pr->lines) != 0)
        return;
    const char *l = (const char *)pr->lines.data + mark;
    size_t at = 0;
    while (l[at] != '\t')
        at++;
    at++;
    size_t tl = 0;
    while (l[at + tl] != '\t')
        tl++;
    /* RRSIG and SIG records are kept apart by the type they cover, as BIND does */
    uint16_t covers = (rec->type == ZL_T_RRSIG || rec->type == ZL_T_SIG) && rec->rdlen >= 2
                          ? (uint16_t)(rec->rdata[0] << 8 | rec->rdata[1]) : 0;
    uint32_t set = find_set(pr, rec, covers);
    if (pr->n == pr->cap) {
        pr->cap = pr->cap ? pr->cap * 2 : 1024;
        pr->v = zl_xrealloc(pr->v, pr->cap * sizeof *pr->v);
    }
    pr->v[pr->n++] = (struct line){ mark, (uint32_t)(pr->lines.len - mark), set, rec->ttl,
                                    (uint16_t)at, (uint16_t)tl };
    if (rec->owner_flags & ZL_OWNER_GENERATED) {
        pr->sets[set].ttl = rec->ttl; /* loaded at once, past the run */
        return;
    }
    if (pr->in_run && (pr->run_src != rec->span.src || pr->run_owner.len != rec->owner.len ||
                       memcmp(pr->run_owner.wire, rec->owner.wire, rec->owner.len) != 0))
        end_run(pr);
    if (!pr->in_run) {
        pr->in_run = true;
        pr->run_owner = rec->owner;
        pr->run_src = rec->span.src;
    }
    for (size_t i = 0; i < pr->nrun; i++)
        if (pr->run[i].set == set)
            return; /* a later record of the RRset in the run: the first one's TTL */
    if (pr->nrun == pr->caprun) {
        pr->caprun = pr->caprun ? pr->caprun * 2 : 16;
        pr->run = zl_xrealloc(pr->run, pr->caprun * sizeof *pr->run);
    }
    pr->run[pr->nrun++] = (struct run_set){ set, rec->ttl };
}

int zl_printer_finish(struct zl_printer *pr, FILE *out)
{
    end_run(pr);
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
    free(pr->run);
    free(pr);
    return rc;
}
