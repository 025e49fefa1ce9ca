/* SPDX-License-Identifier: MIT */
/* Judging a verify run (see judge.h).
 *
 * Findings about one expected record are made per outcome, not per server:
 * the addresses that answered the same way (the same missing record, the
 * same wrong value) share one finding that names them all, so four
 * servers without the DKIM records make three findings, not twelve. The
 * dig command reproduces it on the first of them. A finding points at the
 * record in --zone (or at the line of the identity file that holds the
 * token), so suppressions, editors and code scanning place it; findings
 * about servers point at the zone's NS or SOA record when there is one. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rdata/types.h"
#include "verify/judge_impl.h"

/* ---- emitting ----------------------------------------------------------------- */

static void collect(void *user, struct zl_diag *d)
{
    struct zl_diags *o = user;
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 32;
        o->v = zl_xrealloc(o->v, o->cap * sizeof *o->v);
    }
    o->v[o->n++] = *d;
    memset(d, 0, sizeof *d);
}

struct zl_diag *zl_vj_emit(struct zl_vj *J, const struct zl_rule *rule, const struct zl_span *span, const char *fmt,
                           ...)
{
    static const struct zl_selection all = { 0 };
    if (!zl_selection_selects(J->o->sel ? J->o->sel : &all, rule))
        return NULL;
    struct zl_span none;
    memset(&none, 0, sizeof none);
    struct zl_diag_sink sink = { collect, J->out };
    va_list ap;
    va_start(ap, fmt);
    zl_sink_vemit(&sink, (unsigned)(rule - zl_rules), span && span->src ? span : &none, fmt, ap);
    va_end(ap);
    return &J->out->v[J->out->n - 1];
}

static bool shell_safe(const char *s)
{
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '.' ||
              *s == '-' || *s == '_' || *s == '*'))
            return false;
    return true;
}

void zl_vdig(struct zl_buf *b, const struct zl_vaddr *a, uint16_t type, const struct zl_name *name, bool rec)
{
    char at[ZL_VADDR_TEXT_MAX], t[16], n[ZL_NAME_TEXT_MAX];
    zl_vaddr_text(a, false, at);
    zl_name_to_text(name, n);
    zl_buf_printf(b, "dig%s @%s", rec ? "" : " +norec", at);
    if (a->port != 53)
        zl_buf_printf(b, " -p %u", a->port);
    zl_buf_printf(b, " %s ", zl_type_to_text(type, t));
    if (shell_safe(n)) {
        zl_buf_puts(b, n);
    } else { /* single quotes; a quote inside becomes '\'' */
        zl_buf_putc(b, '\'');
        for (const char *p = n; *p; p++)
            zl_buf_puts(b, *p == '\'' ? "'\\''" : (char[2]){ *p, 0 });
        zl_buf_putc(b, '\'');
    }
}

void zl_vj_dig_note(struct zl_diag *d, const struct zl_vaddr *a, uint16_t type, const struct zl_name *name, bool rec)
{
    if (!d)
        return;
    struct zl_buf b = { 0 };
    zl_vdig(&b, a, type, name, rec);
    zl_diag_add_note(d, "reproduce: %s", zl_buf_cstr(&b));
    zl_buf_free(&b);
}

/* ---- text helpers --------------------------------------------------------------- */

const char *zl_vj_ntext(const struct zl_name *n, char *out)
{
    zl_name_to_text(n, out);
    return out;
}

void zl_vj_names(struct zl_buf *b, const struct zl_name *v, size_t n)
{
    char t[ZL_NAME_TEXT_MAX];
    for (size_t i = 0; i < n; i++)
        zl_buf_printf(b, "%s%s", i ? ", " : "", zl_vj_ntext(&v[i], t));
    if (!n)
        zl_buf_puts(b, "none");
}

/* "ns1.example.com. (192.0.2.1, 2001:db8::1) and ns2.example.com. (192.0.2.2)" */
void zl_vj_targets(const struct zl_vj *J, const size_t *idx, size_t n, struct zl_buf *b)
{
    const struct zl_vrun *r = J->r;
    bool *done = zl_xcalloc(n + 1, 1);
    size_t groups = 0, total = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || r->targets[idx[i]].server != r->targets[idx[i - 1]].server)
            total++;
    for (size_t i = 0; i < n; i++) {
        if (done[i])
            continue;
        const struct zl_vtarget *t = &r->targets[idx[i]];
        const struct zl_vserver *s = &r->servers[t->server];
        char nm[ZL_NAME_TEXT_MAX], a[ZL_VADDR_TEXT_MAX];
        groups++;
        if (groups > 1)
            zl_buf_puts(b, groups == total ? " and " : ", ");
        if (s->named)
            zl_buf_printf(b, "%s (", zl_vj_ntext(&s->name, nm));
        bool first = true;
        for (size_t k = i; k < n; k++) {
            if (r->targets[idx[k]].server != t->server)
                continue;
            done[k] = true;
            zl_buf_printf(b, "%s%s", first ? "" : ", ", zl_vaddr_text(&r->targets[idx[k]].addr, false, a));
            first = false;
        }
        if (s->named)
            zl_buf_putc(b, ')');
    }
    free(done);
}

const char *zl_vj_plural(size_t n)
{
    return n == 1 ? "" : "s";
}

/* ---- anchors ---------------------------------------------------------------------- */

const struct zl_span *zl_vj_ns_anchor(const struct zl_vj *J, const struct zl_name *server)
{
    const struct zl_vexpects *x = J->x;
    for (size_t i = 0; server && x && i < x->nns; i++)
        if (zl_name_equal(&x->ns[i], server))
            return &x->ns_span[i];
    return x && x->nns ? &x->ns_span[0] : NULL;
}

const struct zl_span *zl_vj_soa_anchor(const struct zl_vj *J)
{
    const struct zl_vexpects *x = J->x;
    if (x && x->have_soa)
        return &x->serial_span;
    return zl_vj_ns_anchor(J, NULL);
}

/* ---- SOA ------------------------------------------------------------------------------ */

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static bool soa_rdata(const uint8_t *rd, size_t len, struct zl_vj_soa *s)
{
    struct zl_name rname;
    size_t a = zl_name_from_wire(&s->mname, rd, len);
    size_t b = a ? zl_name_from_wire(&rname, rd + a, len - a) : 0;
    if (!a || !b || len != a + b + 20)
        return false;
    const uint8_t *p = rd + a + b;
    s->serial = get32(p);
    s->refresh = get32(p + 4);
    s->retry = get32(p + 8);
    s->expire = get32(p + 12);
    s->minimum = get32(p + 16);
    s->ok = true;
    return true;
}

const struct zl_vaddr *zl_vj_parent_addr(const struct zl_vrun *r, size_t i)
{
    return &r->parents[i].srv.addr[r->parents[i].used];
}

void zl_vj_parent_label(const struct zl_vrun *r, size_t i, char *out, size_t cap)
{
    char a[ZL_VADDR_TEXT_MAX], n[ZL_NAME_TEXT_MAX];
    zl_vaddr_text(zl_vj_parent_addr(r, i), false, a);
    if (r->parents[i].srv.named)
        snprintf(out, cap, "%s (%s)", zl_vj_ntext(&r->parents[i].srv.name, n), a);
    else
        snprintf(out, cap, "%s", a);
}

static void msort(struct zl_diag *v, struct zl_diag *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2, i = 0, j = h, k = 0;
    msort(v, tmp, h);
    msort(v + h, tmp, n - h);
    while (i < h && j < n)
        tmp[k++] = zl_diag_cmp(&v[j], &v[i]) < 0 ? v[j++] : v[i++];
    while (i < h)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

void zl_vdiags_sort(struct zl_diags *d)
{
    struct zl_diag *tmp = zl_xmalloc((d->n + 1) * sizeof *tmp);
    msort(d->v, tmp, d->n);
    free(tmp);
}

void zl_vjudge(const struct zl_vrun *r, const struct zl_vjudge_opts *o, struct zl_diags *out)
{
    struct zl_vj J;
    memset(&J, 0, sizeof J);
    J.r = r;
    J.x = r->x;
    J.o = o;
    struct zl_diags mine = { 0 };
    J.out = &mine;
    zl_name_to_text(&r->domain, J.dn);
    J.ok = zl_xcalloc(r->ntargets + 1, sizeof *J.ok);
    J.soa = zl_xcalloc(r->ntargets + 1, sizeof *J.soa);
    for (size_t i = 0; i < r->ntargets; i++) {
        const struct zl_vresp *s = &r->targets[i].soa;
        if (zl_vclassify(s, &r->domain, ZL_T_SOA, true) != ZL_VANS_DATA)
            continue;
        J.ok[i] = true;
        J.nok++;
        const struct zl_vrr *rr[1];
        if (zl_vresp_rrset(s, &r->domain, ZL_T_SOA, rr, 1) && soa_rdata(rr[0]->rdata, rr[0]->rdlen, &J.soa[i]))
            J.soa[i].ttl = rr[0]->ttl;
    }

    if (r->nparents && zl_vj_kind(&J)) {
        struct zl_name deleg[ZL_VMAX_SERVERS];
        size_t nd = 0;
        for (size_t i = 0; i < r->nservers && nd < ZL_VMAX_SERVERS; i++)
            deleg[nd++] = r->servers[i].name;
        zl_vj_parents(&J, deleg, nd);
        zl_vj_expect_ns(&J, deleg, nd);
        zl_vj_file_ns(&J, deleg, nd);
        zl_vj_addresses(&J);
        zl_vj_lame(&J);
        zl_vj_unreachable(&J);
        zl_vj_serials(&J);
        zl_vj_served_ns(&J, deleg, nd);
        zl_vj_glue(&J);
        zl_vj_records(&J);
        zl_vj_resolver(&J);
        zl_vj_incomplete(&J);
    }

    /* sorted like check's findings; equal places keep the order above */
    zl_vdiags_sort(&mine);
    for (size_t i = 0; i < mine.n; i++)
        collect(out, &mine.v[i]);
    free(mine.v);
    free(J.ok);
    free(J.soa);
}
