/* SPDX-License-Identifier: MIT */
/* The run model's small helpers (see run.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rdata/types.h"
#include "verify/run.h"

static void check_free(struct zl_vcheck *c)
{
    zl_vresp_free(&c->main);
    struct zl_vresp *f[3] = { c->doubled, c->swapped, c->probe };
    for (int i = 0; i < 3; i++) {
        zl_vresp_free(f[i]);
        free(f[i]);
    }
}

void zl_vrun_free(struct zl_vrun *r)
{
    size_t nx = r->x ? r->x->n : 0;
    for (size_t i = 0; i < r->ntargets; i++) {
        struct zl_vtarget *t = &r->targets[i];
        zl_vresp_free(&t->soa);
        zl_vresp_free(&t->ns);
        for (size_t k = 0; t->glue && k < 2 * r->nglue_ns; k++)
            zl_vresp_free(&t->glue[k]);
        free(t->glue);
        for (size_t k = 0; t->checks && k < nx; k++)
            check_free(&t->checks[k]);
        free(t->checks);
    }
    free(r->targets);
    for (size_t i = 0; i < r->nparents; i++)
        zl_vresp_free(&r->parents[i].resp);
    free(r->parents);
    free(r->servers);
    free(r->glue_ns);
    for (size_t k = 0; r->resolved && k < nx; k++)
        zl_vresp_free(&r->resolved[k]);
    free(r->resolved);
    memset(r, 0, sizeof *r);
}

void zl_vrun_reset_delegation(struct zl_vrun *r)
{
    for (size_t i = 0; i < r->nparents; i++)
        zl_vresp_free(&r->parents[i].resp);
    free(r->parents);
    free(r->servers);
    r->parents = NULL;
    r->servers = NULL;
    r->nparents = r->nservers = 0;
    r->answering_parent = 0;
    r->have_enclosing = false;
    r->parent_named = false;
}

const char *zl_vtarget_label(const struct zl_vrun *r, const struct zl_vtarget *t, char *out, size_t cap)
{
    char a[ZL_VADDR_TEXT_MAX], n[ZL_NAME_TEXT_MAX];
    const struct zl_vserver *s = &r->servers[t->server];
    zl_vaddr_text(&t->addr, false, a);
    if (s->named)
        snprintf(out, cap, "%s (%s)", (zl_name_to_text(&s->name, n), n), a);
    else
        snprintf(out, cap, "%s", a);
    return out;
}

size_t zl_vresp_rrset(const struct zl_vresp *r, const struct zl_name *owner, uint16_t type,
                      const struct zl_vrr **out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nan; i++)
        if (r->rr[i].type == type && zl_name_equal(&r->rr[i].owner, owner)) {
            if (n < cap)
                out[n] = &r->rr[i];
            n++;
        }
    return n;
}

enum zl_vans zl_vclassify(const struct zl_vresp *r, const struct zl_name *qname, uint16_t qtype, bool need_aa)
{
    if (r->status != ZL_VQ_OK)
        return ZL_VANS_FAILED;
    if (r->rcode != ZL_VQ_RCODE_NOERROR && r->rcode != ZL_VQ_RCODE_NXDOMAIN)
        return ZL_VANS_RCODE;
    if (need_aa && !r->aa) {
        for (size_t i = r->nan; i < (size_t)r->nan + r->nns; i++)
            if (r->rr[i].type == ZL_T_NS && zl_name_is_subdomain(qname, &r->rr[i].owner))
                return ZL_VANS_REFERRAL;
        return ZL_VANS_NOT_AUTH;
    }
    if (r->rcode == ZL_VQ_RCODE_NXDOMAIN)
        return ZL_VANS_NXDOMAIN;
    bool cname = false;
    for (size_t i = 0; i < r->nan; i++) {
        if (!zl_name_equal(&r->rr[i].owner, qname))
            continue;
        if (r->rr[i].type == qtype)
            return ZL_VANS_DATA;
        if (r->rr[i].type == ZL_T_CNAME)
            cname = true;
    }
    return cname ? ZL_VANS_CNAME : ZL_VANS_NODATA;
}

bool zl_vappend(const struct zl_name *name, const struct zl_name *domain, struct zl_name *out)
{
    if (name->len < 1 || (size_t)name->len - 1 + domain->len > ZL_NAME_MAX)
        return false;
    memcpy(out->wire, name->wire, name->len - 1u);
    memcpy(out->wire + name->len - 1, domain->wire, domain->len);
    out->len = (uint8_t)(name->len - 1 + domain->len);
    out->nlabels = (uint8_t)(name->nlabels + domain->nlabels);
    return true;
}
