/* SPDX-License-Identifier: MIT */
/* Asking the delegated servers (see ask.h). Every address of a server is
 * asked in turn by one worker, at the server's pace: the zone's SOA first
 * (an address that does not answer it authoritatively is lame, and nothing
 * more is asked there), then its apex NS, the addresses of the name servers
 * inside the zone (for the glue), and every expected record. A missing
 * record is asked again the ways it is commonly mistyped: NAME.DOMAIN.
 * (the domain appended to a name that already ended in it), and for a
 * CNAME, TARGET.DOMAIN. (name and value swapped, the domain appended) and
 * TXT at the name (the DKIM value published as TXT). */
#include <stdlib.h>
#include <string.h>

#include "rdata/types.h"
#include "verify/ask.h"

/* Give up on an address after this many failed questions in a row. */
#define MAX_FAILS 2

static bool failed(const struct zl_vresp *r)
{
    return r->status == ZL_VQ_TIMEOUT || r->status == ZL_VQ_BAD_REPLY || r->status == ZL_VQ_UNREACHABLE;
}

static struct zl_vresp *followup(struct zl_vresp **slot)
{
    if (!*slot)
        *slot = zl_xcalloc(1, sizeof **slot);
    return *slot;
}

static void ask_check(struct zl_vrun *r, struct zl_vtarget *t, struct zl_vpacer *p, const struct zl_vexpect *e,
                      struct zl_vcheck *c)
{
    const struct zl_vlimits *l = &r->lim;
    zl_vask(l, p, &t->addr, &e->name, e->type, false, &c->main);
    enum zl_vans k = zl_vclassify(&c->main, &e->name, e->type, true);
    if (k != ZL_VANS_NXDOMAIN && k != ZL_VANS_NODATA && k != ZL_VANS_REFERRAL)
        return;
    struct zl_name n;
    /* the doubled name only makes sense below the apex */
    if (zl_name_is_subdomain(&e->name, &r->domain) && !zl_name_equal(&e->name, &r->domain) &&
        zl_vappend(&e->name, &r->domain, &n))
        zl_vask(l, p, &t->addr, &n, e->type, false, followup(&c->doubled));
    if (e->type == ZL_T_CNAME && e->nv && e->v[0].rdlen) {
        struct zl_name target;
        if (zl_name_from_wire(&target, e->v[0].rdata, e->v[0].rdlen) && !zl_name_is_subdomain(&target, &r->domain) &&
            zl_vappend(&target, &r->domain, &n))
            zl_vask(l, p, &t->addr, &n, ZL_T_CNAME, false, followup(&c->swapped));
        if (k == ZL_VANS_NODATA)
            zl_vask(l, p, &t->addr, &e->name, ZL_T_TXT, false, followup(&c->probe));
    }
}

static void ask_target(struct zl_vrun *r, struct zl_vtarget *t, struct zl_vpacer *p)
{
    const struct zl_vlimits *l = &r->lim;
    zl_vask(l, p, &t->addr, &r->domain, ZL_T_SOA, false, &t->soa);
    if (zl_vclassify(&t->soa, &r->domain, ZL_T_SOA, true) != ZL_VANS_DATA)
        return;
    zl_vask(l, p, &t->addr, &r->domain, ZL_T_NS, false, &t->ns);
    for (size_t k = 0; k < r->nglue_ns; k++) {
        const struct zl_name *n = &r->servers[r->glue_ns[k]].name;
        zl_vask(l, p, &t->addr, n, ZL_T_A, false, &t->glue[2 * k]);
        zl_vask(l, p, &t->addr, n, ZL_T_AAAA, false, &t->glue[2 * k + 1]);
    }
    unsigned fails = 0;
    for (size_t i = 0; r->x && i < r->x->n; i++) {
        struct zl_vcheck *c = &t->checks[i];
        ask_check(r, t, p, &r->x->v[i], c);
        fails = failed(&c->main) ? fails + 1 : 0;
        if (fails >= MAX_FAILS || c->main.status == ZL_VQ_DEADLINE) {
            t->stopped = c->main.status != ZL_VQ_DEADLINE;
            break;
        }
    }
}

static void worker(size_t i, void *arg)
{
    struct zl_vrun *r = arg;
    struct zl_vpacer pace = { 0 };
    if (i == r->nservers) { /* the resolver */
        for (size_t k = 0; r->x && k < r->x->n; k++)
            zl_vask(&r->lim, &pace, &r->resolver, &r->x->v[k].name, r->x->v[k].type, true, &r->resolved[k]);
        return;
    }
    for (size_t t = 0; t < r->ntargets; t++)
        if (r->targets[t].server == i)
            ask_target(r, &r->targets[t], &pace);
}

void zl_vask_all(struct zl_vrun *r)
{
    size_t nx = r->x ? r->x->n : 0;
    for (size_t s = 0; s < r->nservers; s++)
        if (r->servers[s].in_domain) {
            r->glue_ns = zl_xrealloc(r->glue_ns, (r->nglue_ns + 1) * sizeof *r->glue_ns);
            r->glue_ns[r->nglue_ns++] = s;
        }
    for (size_t s = 0; s < r->nservers; s++)
        for (size_t a = 0; a < r->servers[s].naddr; a++) {
            r->targets = zl_xrealloc(r->targets, (r->ntargets + 1) * sizeof *r->targets);
            struct zl_vtarget *t = &r->targets[r->ntargets++];
            memset(t, 0, sizeof *t);
            t->server = s;
            t->addr = r->servers[s].addr[a];
            t->glue = zl_xcalloc(2 * r->nglue_ns + 1, sizeof *t->glue);
            t->checks = zl_xcalloc(nx + 1, sizeof *t->checks);
        }
    if (r->have_resolver)
        r->resolved = zl_xcalloc(nx + 1, sizeof *r->resolved);
    zl_vpool_run(r->nservers + (r->have_resolver ? 1 : 0), r->lim.jobs, worker, r);
}
