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
#include <string.h>

#include "engine.h"
#include "rules.h"
#include "types.h"

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

const uint16_t zl_types_cname[] = { ZL_T_CNAME, 0 };
const uint16_t zl_types_target_is_cname[] = { ZL_T_MX, ZL_T_NS, ZL_T_SRV, 0 };

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

/* ---- cname-and-other-data ------------------------------------------------- */

void zl_zone_cname_and_other_data(const struct zl_zone *z, struct zl_ctx *ctx)
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
        for (uint32_t j = h; j != UINT32_MAX; j = z->recs[j].next) {
            const struct zl_zrec *r = &z->recs[j];
            if (r->type == ZL_T_CNAME) {
                if (cname == UINT32_MAX)
                    cname = j;
            } else if (!allowed_with_cname(r->type) && r->rclass == z->recs[i].rclass) {
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
        if (other > cname)
            d = zl_report(ctx, rule, &z->recs[other].span,
                          "%s record at a name that has a CNAME (line %u): a CNAME must be the "
                          "only data at its name", tn, z->recs[cname].span.line);
        else
            d = zl_report(ctx, rule, &z->recs[cname].span,
                          "CNAME at a name that already has %s data (line %u): a CNAME must be "
                          "the only data at its name", tn, z->recs[other].span.line);
        if (d && nother > 1)
            zl_diag_add_note(d, "%u records besides the CNAME share this name", nother);
        if (d)
            zl_diag_add_note(d, "move the other data to the CNAME's target, or replace the CNAME "
                                "with address records (RFC 1034 3.6.2)");
    }
}

/* ---- cname-at-apex ---------------------------------------------------------- */

void zl_check_cname_at_apex(const struct zl_record *rec, struct zl_ctx *ctx)
{
    const struct zl_name *origin = zl_ctx_origin(ctx);
    if (!origin || !zl_name_equal(&rec->owner, origin))
        return;
    char name[ZL_NAME_TEXT_MAX];
    zl_name_to_text(&rec->owner, name);
    const struct zl_span *sp = rec->owner_tok.len ? &rec->owner_tok.span : &rec->span;
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL3105), sp,
                                  "CNAME at the zone apex '%s': the apex needs SOA and NS records, "
                                  "and a CNAME allows no other data at its name", name);
    if (d)
        zl_diag_add_note(d, "use A/AAAA records, or the provider's ALIAS/ANAME (CNAME flattening) "
                            "feature");
}

/* ---- cname-multiple --------------------------------------------------------- */

void zl_zone_cname_multiple(const struct zl_zone *z, struct zl_ctx *ctx)
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
        for (uint32_t j = h; j != UINT32_MAX; j = z->recs[j].next) {
            const struct zl_zrec *r = &z->recs[j];
            if (r->type != ZL_T_CNAME)
                continue;
            if (first == UINT32_MAX) {
                first = j;
                continue;
            }
            /* An identical copy is served once: duplicate-record's business. */
            bool copy = false;
            for (uint32_t k = first; k != j && !copy; k = z->recs[k].next)
                copy = z->recs[k].type == ZL_T_CNAME && z->recs[k].rdata == r->rdata;
            if (copy)
                continue;
            struct zl_diag *d = zl_report(ctx, rule, &r->span,
                                          "second CNAME at this name (the first is at line %u): "
                                          "a name can be an alias for one name only",
                                          z->recs[first].span.line);
            if (d)
                zl_diag_add_note(d, "name servers reject the zone or keep one of them at random");
        }
    }
}

/* ---- target-is-cname -------------------------------------------------------- */

/* Expanded text of MX/NS/SRV targets inside the zone, by name hash, so the
 * zone hook can name them. Targets outside the zone cannot be CNAME owners
 * here, which keeps this small for delegation-heavy zones. */
struct target_map {
    uint64_t *keys;
    const char **names;
    size_t cap, used;
};

static const char *map_get(const struct target_map *m, uint64_t key)
{
    if (!m || !m->cap)
        return NULL;
    for (size_t j = key & (m->cap - 1); m->keys[j]; j = (j + 1) & (m->cap - 1))
        if (m->keys[j] == key)
            return m->names[j];
    return NULL;
}

static void map_put(struct zl_ctx *ctx, struct target_map *m, uint64_t key, const char *name, size_t n)
{
    if ((m->used + 1) * 2 > m->cap) {
        /* The old arrays stay in the per-file arena: at most doubles the memory. */
        size_t cap = m->cap ? m->cap * 2 : 256;
        uint64_t *keys = zl_ctx_alloc(ctx, cap * sizeof *keys);
        const char **names = zl_ctx_alloc(ctx, cap * sizeof *names);
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->keys[i])
                continue;
            size_t j = m->keys[i] & (cap - 1);
            while (keys[j])
                j = (j + 1) & (cap - 1);
            keys[j] = m->keys[i];
            names[j] = m->names[i];
        }
        m->keys = keys;
        m->names = names;
        m->cap = cap;
    }
    size_t j = key & (m->cap - 1);
    while (m->keys[j]) {
        if (m->keys[j] == key)
            return;
        j = (j + 1) & (m->cap - 1);
    }
    m->keys[j] = key;
    m->names[j] = zl_ctx_strdup(ctx, name, n);
    m->used++;
}

static int target_index(uint16_t type)
{
    return type == ZL_T_MX ? 1 : type == ZL_T_SRV ? 3 : 0;
}

void zl_check_target_is_cname(const struct zl_record *rec, struct zl_ctx *ctx)
{
    const struct zl_name *origin = zl_ctx_origin(ctx);
    int ti = target_index(rec->type);
    if (!origin || ti >= rec->nfields || rec->fields[ti].kind != ZL_FIELD_NAME)
        return;
    struct zl_name t;
    if (!zl_name_from_wire(&t, rec->rdata + rec->fields[ti].off, rec->fields[ti].len) ||
        !zl_name_is_subdomain(&t, origin))
        return;
    struct target_map **slot = (struct target_map **)zl_ctx_state(ctx, ZL_RULE_REF(ZL3107));
    if (!*slot)
        *slot = zl_ctx_alloc(ctx, sizeof **slot);
    uint64_t h = zl_name_hash64(&t);
    if (map_get(*slot, h))
        return;
    char text[ZL_NAME_TEXT_MAX];
    size_t n = zl_name_to_text(&t, text);
    map_put(ctx, *slot, h, text, n);
}

void zl_zone_target_is_cname(const struct zl_zone *z, struct zl_ctx *ctx)
{
    const struct zl_rule *rule = ZL_RULE_REF(ZL3107);
    const struct target_map *m = *zl_ctx_state(ctx, rule);
    for (size_t i = 0; i < z->nrecs; i++) {
        const struct zl_zrec *r = &z->recs[i];
        if ((r->type != ZL_T_MX && r->type != ZL_T_NS && r->type != ZL_T_SRV) || !r->target)
            continue;
        uint32_t cname = UINT32_MAX;
        for (uint32_t j = zl_zone_first(z, r->target); j != UINT32_MAX; j = z->recs[j].next)
            if (z->recs[j].type == ZL_T_CNAME) {
                cname = j;
                break;
            }
        if (cname == UINT32_MAX)
            continue;
        char tn[16];
        const char *name = map_get(m, r->target);
        struct zl_diag *d = zl_report(ctx, rule, &r->target_span,
                                      "%s target%s%s%s is an alias (a CNAME at line %u); the target "
                                      "must be a name with address records",
                                      zl_type_to_text(r->type, tn), name ? " '" : "",
                                      name ? name : "", name ? "'" : "", z->recs[cname].span.line);
        if (d)
            zl_diag_add_note(d, "point the %s at the CNAME's target instead (RFC %s)", tn,
                             r->type == ZL_T_SRV ? "2782" : "2181 10.3");
    }
}
