/* SPDX-License-Identifier: MIT */
/* Judging the delegation and the servers: what the parent says (not
 * delegated, parents that disagree), the NS sets (referral, --expect-ns,
 * the file, each server's own), addresses and glue, lame servers,
 * addresses this machine cannot reach, and the SOA serials. */
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "rules/rules.h"
#include "rules/ses_data.h"
#include "rdata/types.h"
#include "verify/judge_impl.h"
#include "verify/rrcmp.h"

static bool serial_newer(uint32_t a, uint32_t b)
{
    return a != b && (uint32_t)(a - b) < 0x80000000u;
}

/* ---- the delegation ----------------------------------------------------------------------- */

static const char *parent_zone_text(const struct zl_vrun *r, char *out)
{
    if (r->parent_named)
        zl_vj_ntext(&r->parent_zone, out);
    else
        strcpy(out, "?");
    return out;
}

bool zl_vj_kind(struct zl_vj *J)
{
    const struct zl_vrun *r = J->r;
    char pl[ZL_NAME_TEXT_MAX + 80], pz[ZL_NAME_TEXT_MAX];
    zl_vj_parent_label(r, r->answering_parent, pl, sizeof pl);
    const struct zl_vaddr *pa = zl_vj_parent_addr(r, r->answering_parent);
    struct zl_diag *d = NULL;
    if (r->kind == ZL_VDL_NXDOMAIN) {
        if (r->parent_named)
            d = zl_vj_emit(J, ZL_RULE_REF(ZL6001), zl_vj_soa_anchor(J),
                           "the parent zone '%s' does not delegate '%s': its server %s answers NXDOMAIN (the name does "
                           "not exist there)",
                           parent_zone_text(r, pz), J->dn, pl);
        else
            d = zl_vj_emit(J, ZL_RULE_REF(ZL6001), zl_vj_soa_anchor(J),
                           "the parent server %s does not delegate '%s': it answers NXDOMAIN (the name does not exist "
                           "there)",
                           pl, J->dn);
        NOTE(d, "the domain is not registered, its registration lapsed, or the registrar has no name servers for "
                "it: no record published for it is seen by anyone");
    } else if (r->kind == ZL_VDL_NODATA) {
        d = zl_vj_emit(
            J, ZL_RULE_REF(ZL6001), zl_vj_soa_anchor(J),
            "'%s' exists in the parent zone but is not delegated: %s answers for it with authority and has no "
            "NS records there",
            J->dn, pl);
        NOTE(d, "set the name servers of the domain at the registrar (or add the NS records to the parent zone)");
    } else {
        return true;
    }
    zl_vj_dig_note(d, pa, ZL_T_NS, &r->domain, false);
    return false;
}

static bool has_name(const struct zl_name *v, size_t n, const struct zl_name *x)
{
    for (size_t i = 0; i < n; i++)
        if (zl_name_equal(&v[i], x))
            return true;
    return false;
}

static int cmp_name(const void *a, const void *b)
{
    return zl_name_compare(a, b);
}

/* The NS names a reply gives for the domain (referral or answer), sorted. */
static size_t ns_names(const struct zl_vresp *resp, const struct zl_name *domain, struct zl_name *out, size_t cap)
{
    size_t n = 0, all = (size_t)resp->nan + resp->nns;
    for (size_t i = 0; i < all; i++) {
        const struct zl_vrr *rr = &resp->rr[i];
        struct zl_name t;
        if (rr->type != ZL_T_NS || !zl_name_equal(&rr->owner, domain) ||
            zl_name_from_wire(&t, rr->rdata, rr->rdlen) != rr->rdlen || has_name(out, n, &t) || n == cap)
            continue;
        out[n++] = t;
    }
    if (n)
        qsort(out, n, sizeof *out, cmp_name);
    return n;
}

/* "missing: a, b; extra: c" between two sets (want: the reference). */
static void set_diff(struct zl_buf *b, const struct zl_name *want, size_t nw, const struct zl_name *have, size_t nh,
                     const char *missing_word, const char *extra_word)
{
    char t[ZL_NAME_TEXT_MAX];
    bool any = false;
    for (size_t i = 0; i < nw; i++)
        if (!has_name(have, nh, &want[i])) {
            zl_buf_printf(b, "%s%s", any ? ", " : missing_word, zl_vj_ntext(&want[i], t));
            any = true;
        }
    bool first = true;
    for (size_t i = 0; i < nh; i++)
        if (!has_name(want, nw, &have[i])) {
            zl_buf_printf(b, "%s%s", first ? (any ? "; " : "") : ", ", first ? extra_word : "");
            zl_buf_puts(b, zl_vj_ntext(&have[i], t));
            first = false;
            any = true;
        }
}

static bool same_set(const struct zl_name *a, size_t na, const struct zl_name *b, size_t nb)
{
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (!has_name(b, nb, &a[i]))
            return false;
    return true;
}

void zl_vj_parents(struct zl_vj *J, const struct zl_name *deleg, size_t nd)
{
    const struct zl_vrun *r = J->r;
    struct zl_name other[ZL_VMAX_SERVERS];
    char pl[ZL_NAME_TEXT_MAX + 80], ql[ZL_NAME_TEXT_MAX + 80];
    zl_vj_parent_label(r, r->answering_parent, ql, sizeof ql);
    for (size_t i = 0; i < r->nparents; i++) {
        const struct zl_vresp *p = &r->parents[i].resp;
        if (i == r->answering_parent || p->status != ZL_VQ_OK || p->rcode != ZL_VQ_RCODE_NOERROR)
            continue;
        size_t no = ns_names(p, &r->domain, other, ZL_VMAX_SERVERS);
        if (!no || same_set(deleg, nd, other, no))
            continue;
        zl_vj_parent_label(r, i, pl, sizeof pl);
        struct zl_buf a = { 0 }, b = { 0 }, c = { 0 };
        zl_vj_names(&a, other, no);
        zl_vj_names(&b, deleg, nd);
        set_diff(&c, deleg, nd, other, no, "it lacks ", "it adds ");
        struct zl_diag *d = zl_vj_emit(J, ZL_RULE_REF(ZL6002), zl_vj_ns_anchor(J, NULL),
                                       "the parent's servers disagree about '%s': %s delegates it to %s, %s to %s (%s)",
                                       J->dn, pl, zl_buf_cstr(&a), ql, zl_buf_cstr(&b), zl_buf_cstr(&c));
        NOTE(d, "the parent zone is not the same on all its servers: the registry or registrar has not finished "
                "the change; resolvers get either answer until it has");
        zl_vj_dig_note(d, zl_vj_parent_addr(r, i), ZL_T_NS, &r->domain, false);
        zl_buf_free(&a);
        zl_buf_free(&b);
        zl_buf_free(&c);
    }
}

void zl_vj_expect_ns(struct zl_vj *J, const struct zl_name *deleg, size_t nd)
{
    const struct zl_delegation *dl = J->o->expect_ns;
    if (!dl)
        return;
    const struct zl_name *w[ZL_VMAX_SERVERS];
    struct zl_name want[ZL_VMAX_SERVERS];
    size_t other;
    size_t nw = zl_delegation_for(dl, &J->r->domain, w, ZL_VMAX_SERVERS, &other);
    for (size_t i = 0; i < nw; i++)
        want[i] = *w[i];
    if (nw && nw > 1)
        qsort(want, nw, sizeof *want, cmp_name);
    if (!nw || same_set(want, nw, deleg, nd))
        return;
    struct zl_buf a = { 0 }, b = { 0 }, c = { 0 };
    zl_vj_names(&a, deleg, nd);
    zl_vj_names(&b, want, nw);
    set_diff(&c, want, nw, deleg, nd, "not delegated to: ", "delegated to but not expected: ");
    struct zl_diag *d = zl_vj_emit(J, ZL_RULE_REF(ZL6002), zl_vj_ns_anchor(J, NULL),
                                   "the parent delegates '%s' to %s, but %s lists %s (%s)", J->dn, zl_buf_cstr(&a),
                                   dl->source, zl_buf_cstr(&b), zl_buf_cstr(&c));
    NOTE(d, "change the name servers at the registrar, or update %s if the delegation is what is meant", dl->source);
    zl_vj_dig_note(d, zl_vj_parent_addr(J->r, J->r->answering_parent), ZL_T_NS, &J->r->domain, false);
    zl_buf_free(&a);
    zl_buf_free(&b);
    zl_buf_free(&c);
}

void zl_vj_file_ns(struct zl_vj *J, const struct zl_name *deleg, size_t nd)
{
    const struct zl_vexpects *x = J->x;
    if (!x || !x->have_zone || !x->nns || same_set(x->ns, x->nns, deleg, nd))
        return;
    char t[ZL_NAME_TEXT_MAX];
    struct zl_buf dl = { 0 }, fl = { 0 };
    zl_vj_names(&dl, deleg, nd);
    zl_vj_names(&fl, x->ns, x->nns);
    size_t common = 0;
    for (size_t i = 0; i < x->nns; i++)
        common += has_name(deleg, nd, &x->ns[i]);
    if (common == 0) {
        struct zl_diag *d =
            zl_vj_emit(J, ZL_RULE_REF(ZL6002), &x->ns_span[0],
                       "'%s' is delegated to %s, none of which is in this file's NS set (%s): this file is "
                       "not the zone resolvers and SES read",
                       J->dn, zl_buf_cstr(&dl), zl_buf_cstr(&fl));
        NOTE(d, "publish the records with the provider that runs %s, or change the delegation at the registrar to %s",
             zl_buf_cstr(&dl), zl_buf_cstr(&fl));
        zl_vj_dig_note(d, zl_vj_parent_addr(J->r, J->r->answering_parent), ZL_T_NS, &J->r->domain, false);
    } else {
        for (size_t i = 0; i < x->nns; i++) {
            if (has_name(deleg, nd, &x->ns[i]))
                continue;
            struct zl_diag *d =
                zl_vj_emit(J, ZL_RULE_REF(ZL6002), &x->ns_span[i],
                           "name server '%s' is in this file's NS set but the parent does not delegate to "
                           "it (it delegates to %s)",
                           zl_vj_ntext(&x->ns[i], t), zl_buf_cstr(&dl));
            NOTE(d, "add it to the delegation at the registrar, or remove it here");
        }
        for (size_t i = 0; i < nd; i++) {
            if (has_name(x->ns, x->nns, &deleg[i]))
                continue;
            struct zl_diag *d =
                zl_vj_emit(J, ZL_RULE_REF(ZL6002), &x->ns_span[x->nns - 1],
                           "the parent delegates '%s' to '%s', which is missing from this file's NS set "
                           "(%s)",
                           J->dn, zl_vj_ntext(&deleg[i], t), zl_buf_cstr(&fl));
            NOTE(d, "add: %s 3600 IN NS %s", J->dn, t);
        }
    }
    zl_buf_free(&dl);
    zl_buf_free(&fl);
}

/* Servers named without a usable address. */
void zl_vj_addresses(struct zl_vj *J)
{
    const struct zl_vrun *r = J->r;
    char t[ZL_NAME_TEXT_MAX];
    for (size_t i = 0; i < r->nservers; i++) {
        const struct zl_vserver *s = &r->servers[i];
        if (s->naddr)
            continue;
        struct zl_diag *d;
        if (s->in_domain) {
            d = zl_vj_emit(J, ZL_RULE_REF(ZL6003), zl_vj_ns_anchor(J, &s->name),
                           "the delegation of '%s' names '%s', inside the zone, without glue: no resolver can find its "
                           "address, and it was not checked",
                           J->dn, zl_vj_ntext(&s->name, t));
            NOTE(d, "add the server's address as glue at the registrar (\"host\" or \"child name server\" records)");
        } else {
            d = zl_vj_emit(J, ZL_RULE_REF(ZL6003), zl_vj_ns_anchor(J, &s->name),
                           "delegated name server '%s' has no address: %s; it was not checked",
                           zl_vj_ntext(&s->name, t), s->addr_error[0] ? s->addr_error : "none found");
        }
        zl_vj_dig_note(d, zl_vj_parent_addr(r, r->answering_parent), ZL_T_NS, &r->domain, false);
    }
}

/* ---- lame servers ------------------------------------------------------------------------- */

void zl_vj_lame(struct zl_vj *J)
{
    const struct zl_vrun *r = J->r;
    char lab[ZL_NAME_TEXT_MAX + 80], rc[16], t[ZL_NAME_TEXT_MAX];
    for (size_t i = 0; i < r->ntargets; i++) {
        const struct zl_vtarget *tg = &r->targets[i];
        const struct zl_vresp *s = &tg->soa;
        const struct zl_vserver *srv = &r->servers[tg->server];
        if (J->ok[i] || s->status == ZL_VQ_UNREACHABLE || s->status == ZL_VQ_DEADLINE || s->status == ZL_VQ_NOT_ASKED)
            continue;
        zl_vtarget_label(r, tg, lab, sizeof lab);
        const struct zl_span *at = zl_vj_ns_anchor(J, srv->named ? &srv->name : NULL);
        enum zl_vans k = zl_vclassify(s, &r->domain, ZL_T_SOA, true);
        struct zl_diag *d = NULL;
        const char *fix = "set the zone up on it, or remove it from the delegation (at the registrar) and from the "
                          "zone's NS records";
        switch (k) {
        case ZL_VANS_FAILED:
            if (s->status == ZL_VQ_TIMEOUT)
                d = zl_vj_emit(J, ZL_RULE_REF(ZL6004), at,
                               "%s is delegated for '%s' but does not answer: no reply to SOA within %u ms, %u tr%s",
                               lab, J->dn, r->lim.timeout_ms, s->attempts, s->attempts == 1 ? "y" : "ies");
            else
                d = zl_vj_emit(J, ZL_RULE_REF(ZL6004), at, "%s is delegated for '%s' but gives no usable reply: %s",
                               lab, J->dn, s->error);
            fix = "a server that is down, or filtered on UDP/TCP port 53: resolvers wait for it, then try another; "
                  "SES's lookups may time out";
            break;
        case ZL_VANS_RCODE:
            if (s->rcode == ZL_VQ_RCODE_REFUSED) {
                d = zl_vj_emit(J, ZL_RULE_REF(ZL6004), at,
                               "%s is delegated for '%s' but answers REFUSED: it does not serve the zone (a lame "
                               "delegation)",
                               lab, J->dn);
            } else if (s->rcode == ZL_VQ_RCODE_SERVFAIL) {
                d = zl_vj_emit(J, ZL_RULE_REF(ZL6004), at,
                               "%s is delegated for '%s' but answers SERVFAIL: it has the zone but cannot serve it",
                               lab, J->dn);
                fix = "a secondary whose copy expired (it cannot transfer from the primary), or a zone that fails "
                      "to load: see the server's log";
            } else {
                d = zl_vj_emit(J, ZL_RULE_REF(ZL6004), at, "%s is delegated for '%s' but answers %s to its SOA", lab,
                               J->dn, zl_vq_rcode_name(s->rcode, rc));
            }
            break;
        case ZL_VANS_REFERRAL:
        case ZL_VANS_NOT_AUTH:
            d = zl_vj_emit(J, ZL_RULE_REF(ZL6004), at,
                           "%s is delegated for '%s' but answers without authority (no AA flag): %s", lab, J->dn,
                           k == ZL_VANS_REFERRAL ? "it refers the question elsewhere, so it does not serve the zone"
                                                 : "an answer from a cache or another zone, not from the zone itself");
            break;
        case ZL_VANS_NXDOMAIN:
            d = zl_vj_emit(
                J, ZL_RULE_REF(ZL6004), at,
                "%s is delegated for '%s' but answers NXDOMAIN for the zone's own name: it serves a zone above "
                "it, not '%s'",
                lab, J->dn, J->dn);
            break;
        default:
            d = zl_vj_emit(J, ZL_RULE_REF(ZL6004), at,
                           "%s is delegated for '%s' but has no SOA record at '%s': '%s' is not a "
                           "zone there",
                           lab, J->dn, J->dn, zl_vj_ntext(&r->domain, t));
            break;
        }
        NOTE(d, "%s", fix);
        zl_vj_dig_note(d, &tg->addr, ZL_T_SOA, &r->domain, false);
    }
}

/* Addresses this machine could not send to at all: one note for a family
 * that is wholly unreachable (no IPv6 here), a warning for single ones. */
void zl_vj_unreachable(struct zl_vj *J)
{
    const struct zl_vrun *r = J->r;
    for (int fam = 0; fam < 2; fam++) {
        int af = fam ? AF_INET6 : AF_INET;
        size_t total = 0, un = 0, first = 0;
        for (size_t i = 0; i < r->ntargets; i++) {
            if (r->targets[i].addr.family != af)
                continue;
            total++;
            if (r->targets[i].soa.status == ZL_VQ_UNREACHABLE && !un++)
                first = i;
        }
        if (!un)
            continue;
        if (un == total) {
            struct zl_diag *d =
                zl_vj_emit(J, ZL_RULE_REF(ZL6013), NULL,
                           "the %s address%s of the delegated servers (%zu) %s not checked: this machine "
                           "cannot send to %s (%s)",
                           fam ? "IPv6" : "IPv4", un == 1 ? "" : "es", un, un == 1 ? "was" : "were",
                           un == 1 ? "it" : "them", r->targets[first].soa.error);
            NOTE(d, "resolvers elsewhere use them; check from a network with %s, or pass %s to skip them",
                 fam ? "IPv6" : "IPv4", fam ? "-4" : "-6");
            continue;
        }
        for (size_t i = 0; i < r->ntargets; i++) {
            const struct zl_vtarget *t = &r->targets[i];
            if (t->addr.family != af || t->soa.status != ZL_VQ_UNREACHABLE)
                continue;
            char lab[ZL_NAME_TEXT_MAX + 80];
            const struct zl_vserver *s = &r->servers[t->server];
            zl_vj_emit(J, ZL_RULE_REF(ZL6012), zl_vj_ns_anchor(J, s->named ? &s->name : NULL),
                       "%s was not checked: this machine cannot send to it (%s)",
                       zl_vtarget_label(r, t, lab, sizeof lab), t->soa.error);
        }
    }
}

/* ---- serials ----------------------------------------------------------------------------------- */

void zl_vj_serials(struct zl_vj *J)
{
    const struct zl_vrun *r = J->r;
    const struct zl_vexpects *x = J->x;
    size_t newest = r->ntargets;
    for (size_t i = 0; i < r->ntargets; i++)
        if (J->ok[i] && J->soa[i].ok &&
            (newest == r->ntargets || serial_newer(J->soa[i].serial, J->soa[newest].serial)))
            newest = i;
    if (newest == r->ntargets)
        return;
    uint32_t top = J->soa[newest].serial;
    bool file_same_primary = x && x->have_soa && zl_name_equal(&x->mname, &J->soa[newest].mname);
    size_t *grp = zl_xcalloc(r->ntargets + 1, sizeof *grp), *newer = zl_xcalloc(r->ntargets + 1, sizeof *newer);
    bool *done = zl_xcalloc(r->ntargets + 1, 1);
    size_t nn = 0;
    for (size_t i = 0; i < r->ntargets; i++)
        if (J->ok[i] && J->soa[i].ok && J->soa[i].serial == top)
            newer[nn++] = i;
    for (size_t i = 0; i < r->ntargets; i++) {
        if (!J->ok[i] || !J->soa[i].ok || J->soa[i].serial == top || done[i])
            continue;
        size_t ng = 0;
        for (size_t k = i; k < r->ntargets; k++)
            if (J->ok[k] && J->soa[k].ok && J->soa[k].serial == J->soa[i].serial) {
                grp[ng++] = k;
                done[k] = true;
            }
        struct zl_buf a = { 0 }, b = { 0 };
        zl_vj_targets(J, grp, ng, &a);
        zl_vj_targets(J, newer, nn, &b);
        bool file_too = file_same_primary && x->serial == top;
        struct zl_diag *d =
            zl_vj_emit(J, ZL_RULE_REF(ZL6005), zl_vj_soa_anchor(J),
                       "%s serve%s '%s' with SOA serial %u, older than %u on %s%s: %s not caught up", zl_buf_cstr(&a),
                       ng == 1 && r->servers[r->targets[grp[0]].server].named ? "s" : "", J->dn, J->soa[i].serial, top,
                       zl_buf_cstr(&b), file_too ? " and in this file" : "", ng == 1 ? "it has" : "they have");
        NOTE(d,
             "a secondary that misses NOTIFY or cannot transfer the zone from the primary (SOA refresh %u s, "
             "expire %u s); until it catches up it serves the old records",
             J->soa[newest].refresh, J->soa[newest].expire);
        zl_vj_dig_note(d, &r->targets[i].addr, ZL_T_SOA, &r->domain, false);
        zl_buf_free(&a);
        zl_buf_free(&b);
    }
    if (file_same_primary && x->serial != top) {
        struct zl_buf b = { 0 };
        zl_vj_targets(J, newer, nn, &b);
        struct zl_diag *d;
        if (serial_newer(x->serial, top)) {
            d = zl_vj_emit(
                J, ZL_RULE_REF(ZL6005), &x->serial_span,
                "this file's SOA serial %u is newer than the %u that %s serve%s: the file's latest changes are "
                "not deployed (or the servers did not reload)",
                x->serial, top, zl_buf_cstr(&b), nn == 1 ? "s" : "");
        } else {
            d = zl_vj_emit(
                J, ZL_RULE_REF(ZL6005), &x->serial_span,
                "%s serve%s SOA serial %u, newer than this file's %u: the zone was changed after this file, so "
                "the file is not what is served",
                zl_buf_cstr(&b), nn == 1 ? "s" : "", top, x->serial);
        }
        zl_vj_dig_note(d, &r->targets[newest].addr, ZL_T_SOA, &r->domain, false);
        zl_buf_free(&b);
    }
    free(grp);
    free(newer);
    free(done);
}

/* ---- each server's own NS set and glue ----------------------------------------------------------- */

void zl_vj_served_ns(struct zl_vj *J, const struct zl_name *deleg, size_t nd)
{
    const struct zl_vrun *r = J->r;
    struct zl_name(*sets)[ZL_VMAX_SERVERS] = zl_xcalloc(r->ntargets + 1, sizeof *sets);
    size_t *ns = zl_xcalloc(r->ntargets + 1, sizeof *ns), *grp = zl_xcalloc(r->ntargets + 1, sizeof *grp);
    bool *done = zl_xcalloc(r->ntargets + 1, 1);
    for (size_t i = 0; i < r->ntargets; i++)
        if (J->ok[i] && zl_vclassify(&r->targets[i].ns, &r->domain, ZL_T_NS, true) == ZL_VANS_DATA)
            ns[i] = ns_names(&r->targets[i].ns, &r->domain, sets[i], ZL_VMAX_SERVERS);
        else
            done[i] = true;
    for (size_t i = 0; i < r->ntargets; i++) {
        if (done[i] || same_set(sets[i], ns[i], deleg, nd))
            continue;
        size_t ng = 0;
        for (size_t k = i; k < r->ntargets; k++)
            if (!done[k] && same_set(sets[k], ns[k], sets[i], ns[i])) {
                grp[ng++] = k;
                done[k] = true;
            }
        struct zl_buf a = { 0 }, b = { 0 }, c = { 0 }, e = { 0 };
        zl_vj_targets(J, grp, ng, &a);
        zl_vj_names(&b, sets[i], ns[i]);
        zl_vj_names(&c, deleg, nd);
        set_diff(&e, deleg, nd, sets[i], ns[i], "missing there: ", "not delegated: ");
        struct zl_diag *d =
            zl_vj_emit(J, ZL_RULE_REF(ZL6002), zl_vj_ns_anchor(J, NULL),
                       "%s serve%s the apex NS set %s for '%s', but the parent delegates to %s (%s)", zl_buf_cstr(&a),
                       ng == 1 ? "s" : "", zl_buf_cstr(&b), J->dn, zl_buf_cstr(&c), zl_buf_cstr(&e));
        NOTE(d, "resolvers that take the zone's own NS set (RFC 2181 5.4.1) ask the servers it names: make the "
                "zone's NS records and the delegation at the registrar the same");
        zl_vj_dig_note(d, &r->targets[i].addr, ZL_T_NS, &r->domain, false);
        zl_buf_free(&a);
        zl_buf_free(&b);
        zl_buf_free(&c);
        zl_buf_free(&e);
    }
    free(sets);
    free(ns);
    free(grp);
    free(done);
}

static bool addr_in(const uint8_t *a, size_t len, const uint8_t (*set)[16], size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (memcmp(set[i], a, len) == 0)
            return true;
    return false;
}

static void addr_list(struct zl_buf *b, int af, const uint8_t (*set)[16], size_t n)
{
    struct zl_vaddr a;
    char t[ZL_VADDR_TEXT_MAX];
    for (size_t i = 0; i < n; i++) {
        memset(&a, 0, sizeof a);
        a.family = af;
        memcpy(a.a, set[i], af == AF_INET ? 4 : 16);
        zl_buf_printf(b, "%s%s", i ? ", " : "", zl_vaddr_text(&a, false, t));
    }
}

void zl_vj_glue(struct zl_vj *J)
{
    const struct zl_vrun *r = J->r;
    const struct zl_vexpects *x = J->x;
    char t[ZL_NAME_TEXT_MAX], lab[ZL_NAME_TEXT_MAX + 80];
    for (size_t k = 0; k < r->nglue_ns; k++) {
        const struct zl_vserver *s = &r->servers[r->glue_ns[k]];
        for (int fam = 0; fam < 2; fam++) {
            int af = fam ? AF_INET6 : AF_INET;
            uint16_t type = fam ? ZL_T_AAAA : ZL_T_A;
            size_t alen = fam ? 16 : 4;
            uint8_t glue[ZL_VMAX_ADDRS][16];
            size_t ng = 0;
            for (size_t a = 0; a < s->naddr; a++)
                if (s->glued[a] && s->addr[a].family == af)
                    memcpy(glue[ng++], s->addr[a].a, alen);
            /* what the zone serves, on the first server that answers with authority */
            for (size_t i = 0; i < r->ntargets; i++) {
                const struct zl_vresp *g = &r->targets[i].glue[2 * k + (size_t)fam];
                enum zl_vans c = zl_vclassify(g, &s->name, type, true);
                if (!J->ok[i] || (c != ZL_VANS_DATA && c != ZL_VANS_NODATA && c != ZL_VANS_NXDOMAIN))
                    continue;
                const struct zl_vrr *rr[ZL_VMAX_ADDRS];
                size_t n = c == ZL_VANS_DATA ? zl_vresp_rrset(g, &s->name, type, rr, ZL_VMAX_ADDRS) : 0;
                uint8_t served[ZL_VMAX_ADDRS][16];
                size_t ns = 0;
                for (size_t q = 0; q < n && q < ZL_VMAX_ADDRS; q++)
                    if (rr[q]->rdlen == alen)
                        memcpy(served[ns++], rr[q]->rdata, alen);
                bool same = ns == ng;
                for (size_t q = 0; q < ns && same; q++)
                    same = addr_in(served[q], alen, (const uint8_t(*)[16])glue, ng);
                if (!same && (ng || ns)) {
                    struct zl_buf a = { 0 }, b = { 0 };
                    addr_list(&a, af, (const uint8_t(*)[16])glue, ng);
                    addr_list(&b, af, (const uint8_t(*)[16])served, ns);
                    zl_vtarget_label(r, &r->targets[i], lab, sizeof lab);
                    struct zl_diag *d =
                        zl_vj_emit(J, ZL_RULE_REF(ZL6003), zl_vj_ns_anchor(J, &s->name),
                                   "the parent's %s glue for '%s' is %s, but the zone on %s serves %s",
                                   fam ? "AAAA" : "A", zl_vj_ntext(&s->name, t), ng ? zl_buf_cstr(&a) : "missing", lab,
                                   ns ? zl_buf_cstr(&b) : "no such record");
                    NOTE(d,
                         "resolvers use the glue first: make the glue at the registrar and the zone's %s record "
                         "for '%s' the same",
                         fam ? "AAAA" : "A", t);
                    zl_vj_dig_note(d, &r->targets[i].addr, type, &s->name, false);
                    zl_buf_free(&a);
                    zl_buf_free(&b);
                }
                break;
            }
            /* and what this file says */
            for (size_t i = 0; x && i < x->naddrs; i++) {
                const struct zl_vaddr_rec *fr = &x->addrs[i];
                if (fr->type != type || !zl_name_equal(&fr->owner, &s->name) || !ng ||
                    addr_in(fr->a, alen, (const uint8_t(*)[16])glue, ng))
                    continue;
                struct zl_buf a = { 0 }, b = { 0 };
                addr_list(&a, af, (const uint8_t(*)[16])glue, ng);
                addr_list(&b, af, (const uint8_t(*)[16])fr->a, 1);
                struct zl_diag *d =
                    zl_vj_emit(J, ZL_RULE_REF(ZL6003), &fr->span,
                               "this file gives '%s' the address %s, but the parent's glue for it is %s", t,
                               zl_buf_cstr(&b), zl_buf_cstr(&a));
                NOTE(d, "resolvers use the glue: update it at the registrar, or this record");
                zl_vj_dig_note(d, zl_vj_parent_addr(r, r->answering_parent), ZL_T_NS, &r->domain, false);
                zl_buf_free(&a);
                zl_buf_free(&b);
            }
        }
    }
}
