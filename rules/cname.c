/* SPDX-License-Identifier: MIT */
/* CNAME rules (RFC 1034 3.6.2, RFC 2181 10.1 and 10.3):
 *   ZL3104 cname-and-other-data  a CNAME shares its name with other data
 *   ZL3105 cname-at-apex         a CNAME at the zone apex (where SOA/NS must be)
 *   ZL3106 cname-multiple        more than one CNAME at one name
 *   ZL3107 target-is-cname       an MX, NS or SRV target that is an alias here
 *
 *   bad:   www IN CNAME web.example.net.
 *          www IN TXT   "hello"
 *   good:  www IN CNAME web.example.net.
 *
 * All but cname-at-apex are zone rules over the owner index; each owner is
 * looked at once (a bitmap of visited chain heads), so the work is linear. */
#include <stdlib.h>
#include <string.h>

#include "lint/engine.h"
#include "lint/ref.h"
#include "rules.h"
#include "base/source.h"
#include "rdata/types.h"

const char zl_explain_cname_and_other_data[] =
    "A CNAME says that the name is an alias and that every question about it\n"
    "should be asked of the target instead (RFC 1034 3.6.2, RFC 2181 10.1).\n"
    "So no other data may exist at that name. Name servers refuse to load such\n"
    "a zone or answer inconsistently; resolvers will never see the other\n"
    "records. Only the DNSSEC records RRSIG, NSEC and NSEC3 may sit next to a\n"
    "CNAME.\n"
    "\n"
    "Typical causes are a TXT verification record or an MX added at a name\n"
    "that already points elsewhere. Put the other record at the CNAME's\n"
    "target, or replace the CNAME with address records.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    mail  3600 IN CNAME mail.provider.example.\n"
    "    mail  3600 IN TXT   \"v=spf1 include:provider.example -all\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    mail  3600 IN A     192.0.2.25\n"
    "    mail  3600 IN TXT   \"v=spf1 include:provider.example -all\"\n";

const char zl_explain_cname_at_apex[] =
    "The zone apex (the origin, written @) must hold the zone's SOA and NS\n"
    "records, and a CNAME may not share its name with any other data (RFC 1034\n"
    "3.6.2). A CNAME at the apex is therefore always wrong: name servers refuse\n"
    "the zone, or the apex stops answering for mail and name server lookups.\n"
    "\n"
    "Use A and AAAA records at the apex. Many DNS providers offer an ALIAS,\n"
    "ANAME or \"CNAME flattening\" feature that publishes the target's\n"
    "addresses at the apex instead.\n"
    "\n"
    "Cloudflare flattens a CNAME at the apex by default, on every plan: it\n"
    "answers with the target's addresses and keeps the apex SOA, NS and other\n"
    "records (developers.cloudflare.com/dns/cname-flattening). For records\n"
    "Cloudflare serves (its zone export, cloudflare_record and\n"
    "cloudflare_dns_record in Terraform) this is an info, and the CNAME's\n"
    "sharing the apex with data other than A and AAAA is not reported; the\n"
    "same zone moved to another provider would break.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    @     3600 IN CNAME myapp.herokuapp.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    @     3600 IN A     192.0.2.10\n"
    "    www   3600 IN CNAME myapp.herokuapp.com.\n";

const char zl_explain_cname_multiple[] =
    "A name can be an alias for one name only: an RRset of type CNAME holds a\n"
    "single record (RFC 2181 10.1). With two different CNAMEs at one name,\n"
    "name servers refuse the zone or pick one at random, so lookups follow\n"
    "whichever the server kept. Identical copies are not reported here (see\n"
    "duplicate-record).\n"
    "\n"
    "Keep the one CNAME you mean and delete the others.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    www   3600 IN CNAME old-site.example.net.\n"
    "    www   3600 IN CNAME new-site.example.net.\n"
    "\n"
    "Good:\n"
    "\n"
    "    www   3600 IN CNAME new-site.example.net.\n";

const char zl_explain_target_is_cname[] =
    "The target of an MX or NS record must be a name with address records,\n"
    "not an alias (RFC 2181 10.3; RFC 2782 says the same for SRV). Mail\n"
    "servers may refuse to follow the alias, and a name server given by an\n"
    "alias cannot be glued, so delegations break in ways that are hard to\n"
    "diagnose. This rule checks targets that are CNAME owners in the same\n"
    "zone file.\n"
    "\n"
    "Point the record at the canonical name (the CNAME's target), or give the\n"
    "target name its own A and AAAA records.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    @     3600 IN MX    10 mail.example.com.\n"
    "    mail  3600 IN CNAME mx1.example.com.\n"
    "    mx1   3600 IN A     192.0.2.25\n"
    "\n"
    "Good:\n"
    "\n"
    "    @     3600 IN MX    10 mx1.example.com.\n"
    "    mx1   3600 IN A     192.0.2.25\n";

/* Types that may share a name with a CNAME (RFC 4035 2.5, RFC 5155). */
static bool allowed_with_cname(uint16_t type)
{
    return type == ZL_T_CNAME || type == ZL_T_RRSIG || type == ZL_T_NSEC || type == ZL_T_NSEC3;
}

/* Marks chain head h as visited; false when it already was. */
static bool first_visit(uint8_t *seen, uint32_t h)
{
    if (seen[h / 8] & (1u << (h % 8)))
        return false;
    seen[h / 8] |= (uint8_t)(1u << (h % 8));
    return true;
}

static uint8_t *visit_map(struct zl_ctx *ctx, const struct zl_zone *z)
{
    return zl_ctx_alloc(ctx, z->nrecs / 8 + 1);
}

/* CNAMEs at the apex that their provider flattens (Cloudflare: answered
 * with the target's addresses, so the apex keeps its other data), by
 * record index: kept by the record hook for the zone rules. */
struct flattened {
    uint32_t *idx;
    size_t n, cap;
};

static struct flattened *flattened(struct zl_ctx *ctx)
{
    void **slot = zl_ctx_state(ctx, ZL_RULE_REF(ZL3105));
    if (!*slot)
        *slot = zl_ctx_alloc(ctx, sizeof(struct flattened));
    return *slot;
}

static bool is_flattened(struct zl_ctx *ctx, uint32_t i)
{
    const struct flattened *fl = *zl_ctx_state(ctx, ZL_RULE_REF(ZL3105));
    for (size_t k = 0; fl && k < fl->n; k++)
        if (fl->idx[k] == i)
            return true;
    return false;
}

/* Next to a flattened CNAME, Cloudflare still refuses A and AAAA records
 * (one name is an address or an alias); anything else is served. */
static bool conflicts_with_flattened(uint16_t type)
{
    return type == ZL_T_A || type == ZL_T_AAAA;
}

/* ---- cname-and-other-data ------------------------------------------------- */

static void cname_and_other_data(const struct zl_zone *z, struct zl_ctx *ctx)
{
    const struct zl_rule *rule = ZL_RULE_REF(ZL3104);
    uint8_t *seen = NULL;
    for (size_t i = 0; i < z->nrecs; i++) {
        if (z->recs[i].type != ZL_T_CNAME)
            continue;
        uint32_t h = zl_zone_first(z, z->recs[i].owner);
        if (h == UINT32_MAX)
            continue;
        if (!seen)
            seen = visit_map(ctx, z);
        if (!first_visit(seen, h))
            continue;
        uint32_t cname = UINT32_MAX, other = UINT32_MAX;
        unsigned nother = 0;
        for (uint32_t j = h; j != UINT32_MAX; j = z->recs[j].next)
            if (z->recs[j].type == ZL_T_CNAME) {
                cname = j;
                break;
            }
        bool flat = cname != UINT32_MAX && is_flattened(ctx, cname);
        for (uint32_t j = h; j != UINT32_MAX; j = z->recs[j].next) {
            const struct zl_zrec *r = &z->recs[j];
            if (r->type == ZL_T_CNAME)
                continue;
            if (flat && !conflicts_with_flattened(r->type))
                continue;
            if (!allowed_with_cname(r->type) && r->rclass == z->recs[i].rclass) {
                if (other == UINT32_MAX)
                    other = j;
                nother++;
            }
        }
        if (cname == UINT32_MAX || other == UINT32_MAX)
            continue;
        char tn[16];
        zl_type_to_text(z->recs[other].type, tn);
        struct zl_diag *d;
        /* Anchor on whichever of the two came second: it made the conflict. */
        struct zl_span at = zl_zone_span(z, other > cname ? other : cname);
        char ref[ZL_LINE_REF_MAX];
        if (other > cname)
            d = zl_report(ctx, rule, &at,
                          "%s record at a name that has a CNAME (%s): a CNAME must be the "
                          "only data at its name", tn, zl_zone_line_ref(z, cname, &at, ref, sizeof ref));
        else
            d = zl_report(ctx, rule, &at,
                          "CNAME at a name that already has %s data (%s): a CNAME must be "
                          "the only data at its name", tn, zl_zone_line_ref(z, other, &at, ref, sizeof ref));
        if (d && nother > 1)
            zl_diag_add_note(d, "%u records besides the CNAME share this name", nother);
        if (d)
            zl_diag_add_note(d, "move the other data to the CNAME's target, or replace the CNAME "
                                "with address records (RFC 1034 3.6.2)");
    }
}

/* ---- cname-at-apex ---------------------------------------------------------- */

void zl_cname_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    const struct zl_name *origin = zl_ctx_origin(ctx);
    if (!origin || !zl_name_equal(&rec->owner, origin))
        return;
    char name[ZL_NAME_TEXT_MAX];
    zl_name_to_text(&rec->owner, name);
    const struct zl_span *sp = rec->owner_tok.len ? &rec->owner_tok.span : &rec->span;
    if (rec->served_by == ZL_SERVED_CLOUDFLARE) {
        struct flattened *fl = flattened(ctx);
        if (fl->n == fl->cap) {
            size_t cap = fl->cap ? fl->cap * 2 : 4;
            uint32_t *v = zl_ctx_alloc(ctx, cap * sizeof *v);
            if (fl->n)
                memcpy(v, fl->idx, fl->n * sizeof *v);
            fl->idx = v;
            fl->cap = cap;
        }
        fl->idx[fl->n++] = zl_ctx_record_index(ctx);
        struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL3105), sp,
                                      "CNAME at the zone apex '%s': Cloudflare flattens it, answering with "
                                      "the target's addresses, so it works there; another DNS provider would "
                                      "refuse it", name);
        if (d) {
            d->severity = ZL_SEV_INFO;
            zl_diag_add_note(d, "CNAME flattening at the apex is on by default on every Cloudflare plan "
                                "(developers.cloudflare.com/dns/cname-flattening)");
        }
        return;
    }
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL3105), sp,
                                  "CNAME at the zone apex '%s': the apex needs SOA and NS records, "
                                  "and a CNAME allows no other data at its name", name);
    if (d)
        zl_diag_add_note(d, "use A/AAAA records, or the provider's ALIAS/ANAME (CNAME flattening) "
                            "feature");
}

/* ---- cname-multiple --------------------------------------------------------- */

/* RDATA hashes of the CNAMEs met so far at one name, so that telling a copy
 * from a second alias stays linear when a name has thousands of CNAMEs
 * (one $GENERATE line makes 65536). Open addressing; 0 is kept as a flag,
 * so an empty slot is 0. */
struct rdset {
    uint32_t *slot;
    size_t cap, n;
    bool zero;
};

/* Adds v; false when it was there already. */
static bool rdset_add(struct rdset *s, uint32_t v)
{
    if (v == 0) {
        bool had = s->zero;
        s->zero = true;
        return !had;
    }
    if ((s->n + 1) * 2 > s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 16;
        uint32_t *ns = zl_xcalloc(ncap, sizeof *ns);
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->slot[i])
                continue;
            size_t k = s->slot[i] & (ncap - 1);
            while (ns[k])
                k = (k + 1) & (ncap - 1);
            ns[k] = s->slot[i];
        }
        free(s->slot);
        s->slot = ns;
        s->cap = ncap;
    }
    size_t k = v & (s->cap - 1);
    while (s->slot[k]) {
        if (s->slot[k] == v)
            return false;
        k = (k + 1) & (s->cap - 1);
    }
    s->slot[k] = v;
    s->n++;
    return true;
}

static void cname_multiple(const struct zl_zone *z, struct zl_ctx *ctx)
{
    const struct zl_rule *rule = ZL_RULE_REF(ZL3106);
    uint8_t *seen = NULL;
    for (size_t i = 0; i < z->nrecs; i++) {
        if (z->recs[i].type != ZL_T_CNAME)
            continue;
        uint32_t h = zl_zone_first(z, z->recs[i].owner);
        if (h == UINT32_MAX)
            continue;
        if (!seen)
            seen = visit_map(ctx, z);
        if (!first_visit(seen, h))
            continue;
        uint32_t first = UINT32_MAX;
        struct rdset rds = { 0 };
        for (uint32_t j = h; j != UINT32_MAX; j = z->recs[j].next) {
            const struct zl_zrec *r = &z->recs[j];
            if (r->type != ZL_T_CNAME)
                continue;
            if (first == UINT32_MAX) {
                first = j;
                rdset_add(&rds, r->rdata);
                continue;
            }
            /* An identical copy of any earlier CNAME is served once:
             * duplicate-record's business. */
            bool copy = !rdset_add(&rds, r->rdata);
            /* Route 53 weighted/failover/... CNAMEs: one per routing identifier. */
            if (copy || zl_zone_set_id(z, j) != zl_zone_set_id(z, first))
                continue;
            struct zl_span at = zl_zone_span(z, j);
            char ref[ZL_LINE_REF_MAX];
            struct zl_diag *d = zl_report(ctx, rule, &at,
                                          "second CNAME at this name (the first is at %s): "
                                          "a name can be an alias for one name only",
                                          zl_zone_line_ref(z, first, &at, ref, sizeof ref));
            if (d)
                zl_diag_add_note(d, "name servers reject the zone or keep one of them at random");
        }
        free(rds.slot);
    }
}

/* ---- target-is-cname -------------------------------------------------------- */

/* The target as written, read back from the source line: only for the few
 * findings, so nothing is kept per record (a million-record zone has
 * hundreds of thousands of MX/NS/SRV targets). */
static bool written_target(const struct zl_span *at, struct zl_buf *out)
{
    struct zl_buf line = { 0 };
    bool ok = at->src && zl_source_line(at->src, at->line, &line) == 0 && at->col >= 1 &&
              at->end_col > at->col && at->end_col - 1 <= line.len;
    if (ok)
        zl_buf_put(out, line.data + at->col - 1, at->end_col - at->col);
    zl_buf_free(&line);
    return ok;
}

/* The first CNAME of names that are targets, by chain head: found once
 * per name (walking its records each time would be quadratic when
 * thousands of NS or MX share a target with thousands of records). Only
 * names that have a CNAME are looked up, and they are few: a bit per
 * record says which. */
struct cname_memo {
    uint32_t *has;           /* bit per chain head: its name has a CNAME */
    uint32_t *slot;          /* open addressing: head + 1, then its first CNAME */
    size_t cap, used;
};

static void memo_build(struct zl_ctx *ctx, struct cname_memo *m, const struct zl_zone *z)
{
    m->has = zl_ctx_block(ctx, (z->nrecs / 32 + 1) * sizeof *m->has);
    for (uint32_t i = 0; i < z->nrecs; i++) {
        if (z->recs[i].type != ZL_T_CNAME)
            continue;
        uint32_t ch = zl_zone_first(z, z->recs[i].owner);
        if (ch != UINT32_MAX)
            m->has[ch / 32] |= 1u << (ch % 32);
    }
}

static uint32_t memo_first_cname(struct zl_ctx *ctx, struct cname_memo *m, const struct zl_zone *z, uint32_t h)
{
    if (!(m->has[h / 32] & (1u << (h % 32))))
        return UINT32_MAX;
    if ((m->used + 1) * 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        uint32_t *slot = zl_ctx_block(ctx, cap * 2 * sizeof *slot);
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->slot[2 * i])
                continue;
            size_t j = m->slot[2 * i] & (cap - 1);
            while (slot[2 * j])
                j = (j + 1) & (cap - 1);
            slot[2 * j] = m->slot[2 * i];
            slot[2 * j + 1] = m->slot[2 * i + 1];
        }
        zl_ctx_block_free(ctx, m->slot);
        m->slot = slot;
        m->cap = cap;
    }
    size_t j = (h + 1) & (m->cap - 1);
    for (; m->slot[2 * j]; j = (j + 1) & (m->cap - 1))
        if (m->slot[2 * j] == h + 1)
            return m->slot[2 * j + 1];
    uint32_t c = h;
    while (z->recs[c].type != ZL_T_CNAME) /* chains are in input order */
        c = z->recs[c].next;
    m->slot[2 * j] = h + 1;
    m->slot[2 * j + 1] = c;
    m->used++;
    return c;
}

static void target_is_cname(const struct zl_zone *z, struct zl_ctx *ctx)
{
    const struct zl_rule *rule = ZL_RULE_REF(ZL3107);
    struct cname_memo memo = { 0 };
    for (size_t k = 0; k < z->ntargets; k++) {
        const struct zl_ztarget *t = &z->targets[k];
        const struct zl_zrec *r = &z->recs[t->rec];
        if (r->type != ZL_T_MX && r->type != ZL_T_NS && r->type != ZL_T_SRV)
            continue;
        uint32_t h = zl_zone_first(z, t->name);
        if (h == UINT32_MAX)
            continue;
        if (!memo.has)
            memo_build(ctx, &memo, z);
        uint32_t cname = memo_first_cname(ctx, &memo, z, h);
        if (cname == UINT32_MAX)
            continue;
        char tn[16];
        struct zl_span at = zl_zone_target_span(z, k);
        struct zl_buf written = { 0 };
        const char *name = written_target(&at, &written) ? zl_buf_cstr(&written) : NULL;
        char ref[ZL_LINE_REF_MAX];
        struct zl_diag *d = zl_report(ctx, rule, &at,
                                      "%s target%s%s%s is an alias (a CNAME at %s); the target "
                                      "must be a name with address records",
                                      zl_type_to_text(r->type, tn), name ? " '" : "",
                                      name ? name : "", name ? "'" : "", zl_zone_line_ref(z, cname, &at, ref, sizeof ref));
        zl_buf_free(&written);
        if (d)
            zl_diag_add_note(d, "point the %s at the CNAME's target instead (RFC %s)", tn,
                             r->type == ZL_T_SRV ? "2782" : "2181 10.3");
    }
    zl_ctx_block_free(ctx, memo.slot);
    zl_ctx_block_free(ctx, memo.has);
}

/* ---- the pass ------------------------------------------------------------------ */

void zl_cname_zone(const struct zl_zone *z, struct zl_ctx *ctx)
{
    if (zl_ctx_enabled(ctx, ZL_RULE_REF(ZL3104)))
        cname_and_other_data(z, ctx);
    if (zl_ctx_enabled(ctx, ZL_RULE_REF(ZL3106)))
        cname_multiple(z, ctx);
    if (zl_ctx_enabled(ctx, ZL_RULE_REF(ZL3107)))
        target_is_cname(z, ctx);
}
