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
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "rules.h"
#include "ses_data.h"
#include "types.h"
#include "verify/judge.h"
#include "verify/rrcmp.h"

#define MAXRR 64

struct soa {
    bool ok;
    struct zl_name mname;
    uint32_t ttl, serial, refresh, retry, expire, minimum;
};

struct judge {
    const struct zl_vrun *r;
    const struct zl_vexpects *x;
    const struct zl_vjudge_opts *o;
    struct zl_diags *out;
    char dn[ZL_NAME_TEXT_MAX];
    bool *ok;                     /* per target: answered the SOA with authority */
    struct soa *soa;              /* per target */
    size_t nok;
};

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

static struct zl_diag *emit(struct judge *J, const struct zl_rule *rule, const struct zl_span *span, const char *fmt,
                            ...) __attribute__((format(printf, 4, 5)));

static struct zl_diag *emit(struct judge *J, const struct zl_rule *rule, const struct zl_span *span, const char *fmt,
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
    zl_sink_vemit(&sink, rule->code, rule->slug, rule->severity, span && span->src ? span : &none, fmt, ap);
    va_end(ap);
    return &J->out->v[J->out->n - 1];
}

#define NOTE(d, ...)                          \
    do {                                      \
        if (d)                                \
            zl_diag_add_note(d, __VA_ARGS__); \
    } while (0)

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

static void dig_note(struct zl_diag *d, const struct zl_vaddr *a, uint16_t type, const struct zl_name *name, bool rec)
{
    if (!d)
        return;
    struct zl_buf b = { 0 };
    zl_vdig(&b, a, type, name, rec);
    zl_diag_add_note(d, "reproduce: %s", zl_buf_cstr(&b));
    zl_buf_free(&b);
}

/* ---- text helpers --------------------------------------------------------------- */

static const char *ntext(const struct zl_name *n, char *out)
{
    zl_name_to_text(n, out);
    return out;
}

static void names_list(struct zl_buf *b, const struct zl_name *v, size_t n)
{
    char t[ZL_NAME_TEXT_MAX];
    for (size_t i = 0; i < n; i++)
        zl_buf_printf(b, "%s%s", i ? ", " : "", ntext(&v[i], t));
    if (!n)
        zl_buf_puts(b, "none");
}

static void rdata_text(struct zl_buf *b, uint16_t type, const uint8_t *rd, size_t len)
{
    zl_vrdata_text(type, rd, len, b);
}

/* "ns1.example.com. (192.0.2.1, 2001:db8::1) and ns2.example.com. (192.0.2.2)" */
static void targets_text(const struct judge *J, const size_t *idx, size_t n, struct zl_buf *b)
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
            zl_buf_printf(b, "%s (", ntext(&s->name, nm));
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

static const char *plural(size_t n)
{
    return n == 1 ? "" : "s";
}

/* ---- anchors ---------------------------------------------------------------------- */

static const struct zl_span *ns_anchor(const struct judge *J, const struct zl_name *server)
{
    const struct zl_vexpects *x = J->x;
    for (size_t i = 0; server && x && i < x->nns; i++)
        if (zl_name_equal(&x->ns[i], server))
            return &x->ns_span[i];
    return x && x->nns ? &x->ns_span[0] : NULL;
}

static const struct zl_span *soa_anchor(const struct judge *J)
{
    const struct zl_vexpects *x = J->x;
    if (x && x->have_soa)
        return &x->serial_span;
    return ns_anchor(J, NULL);
}

/* ---- SOA ------------------------------------------------------------------------------ */

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static bool soa_rdata(const uint8_t *rd, size_t len, struct soa *s)
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

static bool serial_newer(uint32_t a, uint32_t b)
{
    return a != b && (uint32_t)(a - b) < 0x80000000u;
}

/* ---- the delegation ----------------------------------------------------------------------- */

static const struct zl_vaddr *parent_addr(const struct zl_vrun *r, size_t i)
{
    return &r->parents[i].srv.addr[r->parents[i].used];
}

static void parent_label(const struct zl_vrun *r, size_t i, char *out, size_t cap)
{
    char a[ZL_VADDR_TEXT_MAX], n[ZL_NAME_TEXT_MAX];
    zl_vaddr_text(parent_addr(r, i), false, a);
    if (r->parents[i].srv.named)
        snprintf(out, cap, "%s (%s)", ntext(&r->parents[i].srv.name, n), a);
    else
        snprintf(out, cap, "%s", a);
}

static const char *parent_zone_text(const struct zl_vrun *r, char *out)
{
    if (r->parent_named)
        ntext(&r->parent_zone, out);
    else
        strcpy(out, "?");
    return out;
}

static bool judge_kind(struct judge *J)
{
    const struct zl_vrun *r = J->r;
    char pl[ZL_NAME_TEXT_MAX + 80], pz[ZL_NAME_TEXT_MAX];
    parent_label(r, r->answering_parent, pl, sizeof pl);
    const struct zl_vaddr *pa = parent_addr(r, r->answering_parent);
    struct zl_diag *d = NULL;
    if (r->kind == ZL_VDL_NXDOMAIN) {
        if (r->parent_named)
            d = emit(J, ZL_RULE_REF(ZL6001), soa_anchor(J),
                     "the parent zone '%s' does not delegate '%s': its server %s answers NXDOMAIN (the name does "
                     "not exist there)",
                     parent_zone_text(r, pz), J->dn, pl);
        else
            d = emit(J, ZL_RULE_REF(ZL6001), soa_anchor(J),
                     "the parent server %s does not delegate '%s': it answers NXDOMAIN (the name does not exist "
                     "there)",
                     pl, J->dn);
        NOTE(d, "the domain is not registered, its registration lapsed, or the registrar has no name servers for "
                "it: no record published for it is seen by anyone");
    } else if (r->kind == ZL_VDL_NODATA) {
        d = emit(J, ZL_RULE_REF(ZL6001), soa_anchor(J),
                 "'%s' exists in the parent zone but is not delegated: %s answers for it with authority and has no "
                 "NS records there",
                 J->dn, pl);
        NOTE(d, "set the name servers of the domain at the registrar (or add the NS records to the parent zone)");
    } else {
        return true;
    }
    dig_note(d, pa, ZL_T_NS, &r->domain, false);
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
            zl_buf_printf(b, "%s%s", any ? ", " : missing_word, ntext(&want[i], t));
            any = true;
        }
    bool first = true;
    for (size_t i = 0; i < nh; i++)
        if (!has_name(want, nw, &have[i])) {
            zl_buf_printf(b, "%s%s", first ? (any ? "; " : "") : ", ", first ? extra_word : "");
            zl_buf_puts(b, ntext(&have[i], t));
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

static void judge_parents(struct judge *J, const struct zl_name *deleg, size_t nd)
{
    const struct zl_vrun *r = J->r;
    struct zl_name other[ZL_VMAX_SERVERS];
    char pl[ZL_NAME_TEXT_MAX + 80], ql[ZL_NAME_TEXT_MAX + 80];
    parent_label(r, r->answering_parent, ql, sizeof ql);
    for (size_t i = 0; i < r->nparents; i++) {
        const struct zl_vresp *p = &r->parents[i].resp;
        if (i == r->answering_parent || p->status != ZL_VQ_OK || p->rcode != ZL_VQ_RCODE_NOERROR)
            continue;
        size_t no = ns_names(p, &r->domain, other, ZL_VMAX_SERVERS);
        if (!no || same_set(deleg, nd, other, no))
            continue;
        parent_label(r, i, pl, sizeof pl);
        struct zl_buf a = { 0 }, b = { 0 }, c = { 0 };
        names_list(&a, other, no);
        names_list(&b, deleg, nd);
        set_diff(&c, deleg, nd, other, no, "it lacks ", "it adds ");
        struct zl_diag *d = emit(J, ZL_RULE_REF(ZL6002), ns_anchor(J, NULL),
                                 "the parent's servers disagree about '%s': %s delegates it to %s, %s to %s (%s)",
                                 J->dn, pl, zl_buf_cstr(&a), ql, zl_buf_cstr(&b), zl_buf_cstr(&c));
        NOTE(d, "the parent zone is not the same on all its servers: the registry or registrar has not finished "
                "the change; resolvers get either answer until it has");
        dig_note(d, parent_addr(r, i), ZL_T_NS, &r->domain, false);
        zl_buf_free(&a);
        zl_buf_free(&b);
        zl_buf_free(&c);
    }
}

static void judge_expect_ns(struct judge *J, const struct zl_name *deleg, size_t nd)
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
    names_list(&a, deleg, nd);
    names_list(&b, want, nw);
    set_diff(&c, want, nw, deleg, nd, "not delegated to: ", "delegated to but not expected: ");
    struct zl_diag *d = emit(J, ZL_RULE_REF(ZL6002), ns_anchor(J, NULL),
                             "the parent delegates '%s' to %s, but %s lists %s (%s)", J->dn, zl_buf_cstr(&a),
                             dl->source, zl_buf_cstr(&b), zl_buf_cstr(&c));
    NOTE(d, "change the name servers at the registrar, or update %s if the delegation is what is meant", dl->source);
    dig_note(d, parent_addr(J->r, J->r->answering_parent), ZL_T_NS, &J->r->domain, false);
    zl_buf_free(&a);
    zl_buf_free(&b);
    zl_buf_free(&c);
}

static void judge_file_ns(struct judge *J, const struct zl_name *deleg, size_t nd)
{
    const struct zl_vexpects *x = J->x;
    if (!x || !x->have_zone || !x->nns || same_set(x->ns, x->nns, deleg, nd))
        return;
    char t[ZL_NAME_TEXT_MAX];
    struct zl_buf dl = { 0 }, fl = { 0 };
    names_list(&dl, deleg, nd);
    names_list(&fl, x->ns, x->nns);
    size_t common = 0;
    for (size_t i = 0; i < x->nns; i++)
        common += has_name(deleg, nd, &x->ns[i]);
    if (common == 0) {
        struct zl_diag *d = emit(J, ZL_RULE_REF(ZL6002), &x->ns_span[0],
                                 "'%s' is delegated to %s, none of which is in this file's NS set (%s): this file is "
                                 "not the zone resolvers and SES read",
                                 J->dn, zl_buf_cstr(&dl), zl_buf_cstr(&fl));
        NOTE(d, "publish the records with the provider that runs %s, or change the delegation at the registrar to %s",
             zl_buf_cstr(&dl), zl_buf_cstr(&fl));
        dig_note(d, parent_addr(J->r, J->r->answering_parent), ZL_T_NS, &J->r->domain, false);
    } else {
        for (size_t i = 0; i < x->nns; i++) {
            if (has_name(deleg, nd, &x->ns[i]))
                continue;
            struct zl_diag *d = emit(J, ZL_RULE_REF(ZL6002), &x->ns_span[i],
                                     "name server '%s' is in this file's NS set but the parent does not delegate to "
                                     "it (it delegates to %s)",
                                     ntext(&x->ns[i], t), zl_buf_cstr(&dl));
            NOTE(d, "add it to the delegation at the registrar, or remove it here");
        }
        for (size_t i = 0; i < nd; i++) {
            if (has_name(x->ns, x->nns, &deleg[i]))
                continue;
            struct zl_diag *d = emit(J, ZL_RULE_REF(ZL6002), &x->ns_span[x->nns - 1],
                                     "the parent delegates '%s' to '%s', which is missing from this file's NS set "
                                     "(%s)",
                                     J->dn, ntext(&deleg[i], t), zl_buf_cstr(&fl));
            NOTE(d, "add: %s 3600 IN NS %s", J->dn, t);
        }
    }
    zl_buf_free(&dl);
    zl_buf_free(&fl);
}

/* Servers named without a usable address. */
static void judge_addresses(struct judge *J)
{
    const struct zl_vrun *r = J->r;
    char t[ZL_NAME_TEXT_MAX];
    for (size_t i = 0; i < r->nservers; i++) {
        const struct zl_vserver *s = &r->servers[i];
        if (s->naddr)
            continue;
        struct zl_diag *d;
        if (s->in_domain) {
            d = emit(J, ZL_RULE_REF(ZL6003), ns_anchor(J, &s->name),
                     "the delegation of '%s' names '%s', inside the zone, without glue: no resolver can find its "
                     "address, and it was not checked",
                     J->dn, ntext(&s->name, t));
            NOTE(d, "add the server's address as glue at the registrar (\"host\" or \"child name server\" records)");
        } else {
            d = emit(J, ZL_RULE_REF(ZL6003), ns_anchor(J, &s->name),
                     "delegated name server '%s' has no address: %s; it was not checked", ntext(&s->name, t),
                     s->addr_error[0] ? s->addr_error : "none found");
        }
        dig_note(d, parent_addr(r, r->answering_parent), ZL_T_NS, &r->domain, false);
    }
}

/* ---- lame servers ------------------------------------------------------------------------- */

static void judge_lame(struct judge *J)
{
    const struct zl_vrun *r = J->r;
    char lab[ZL_NAME_TEXT_MAX + 80], rc[16], t[ZL_NAME_TEXT_MAX];
    for (size_t i = 0; i < r->ntargets; i++) {
        const struct zl_vtarget *tg = &r->targets[i];
        const struct zl_vresp *s = &tg->soa;
        const struct zl_vserver *srv = &r->servers[tg->server];
        if (J->ok[i] || s->status == ZL_VQ_UNREACHABLE || s->status == ZL_VQ_DEADLINE ||
            s->status == ZL_VQ_NOT_ASKED)
            continue;
        zl_vtarget_label(r, tg, lab, sizeof lab);
        const struct zl_span *at = ns_anchor(J, srv->named ? &srv->name : NULL);
        enum zl_vans k = zl_vclassify(s, &r->domain, ZL_T_SOA, true);
        struct zl_diag *d = NULL;
        const char *fix = "set the zone up on it, or remove it from the delegation (at the registrar) and from the "
                          "zone's NS records";
        switch (k) {
        case ZL_VANS_FAILED:
            if (s->status == ZL_VQ_TIMEOUT)
                d = emit(J, ZL_RULE_REF(ZL6004), at,
                         "%s is delegated for '%s' but does not answer: no reply to SOA within %u ms, %u tr%s", lab,
                         J->dn, r->lim.timeout_ms, s->attempts, s->attempts == 1 ? "y" : "ies");
            else
                d = emit(J, ZL_RULE_REF(ZL6004), at, "%s is delegated for '%s' but gives no usable reply: %s", lab,
                         J->dn, s->error);
            fix = "a server that is down, or filtered on UDP/TCP port 53: resolvers wait for it, then try another; "
                  "SES's lookups may time out";
            break;
        case ZL_VANS_RCODE:
            if (s->rcode == ZL_VQ_RCODE_REFUSED) {
                d = emit(J, ZL_RULE_REF(ZL6004), at,
                         "%s is delegated for '%s' but answers REFUSED: it does not serve the zone (a lame "
                         "delegation)",
                         lab, J->dn);
            } else if (s->rcode == ZL_VQ_RCODE_SERVFAIL) {
                d = emit(J, ZL_RULE_REF(ZL6004), at,
                         "%s is delegated for '%s' but answers SERVFAIL: it has the zone but cannot serve it", lab,
                         J->dn);
                fix = "a secondary whose copy expired (it cannot transfer from the primary), or a zone that fails "
                      "to load: see the server's log";
            } else {
                d = emit(J, ZL_RULE_REF(ZL6004), at, "%s is delegated for '%s' but answers %s to its SOA", lab, J->dn,
                         zl_vq_rcode_name(s->rcode, rc));
            }
            break;
        case ZL_VANS_REFERRAL:
        case ZL_VANS_NOT_AUTH:
            d = emit(J, ZL_RULE_REF(ZL6004), at,
                     "%s is delegated for '%s' but answers without authority (no AA flag): %s", lab, J->dn,
                     k == ZL_VANS_REFERRAL ? "it refers the question elsewhere, so it does not serve the zone"
                                           : "an answer from a cache or another zone, not from the zone itself");
            break;
        case ZL_VANS_NXDOMAIN:
            d = emit(J, ZL_RULE_REF(ZL6004), at,
                     "%s is delegated for '%s' but answers NXDOMAIN for the zone's own name: it serves a zone above "
                     "it, not '%s'",
                     lab, J->dn, J->dn);
            break;
        default:
            d = emit(J, ZL_RULE_REF(ZL6004), at, "%s is delegated for '%s' but has no SOA record at '%s': '%s' is not a "
                                                 "zone there",
                     lab, J->dn, J->dn, ntext(&r->domain, t));
            break;
        }
        NOTE(d, "%s", fix);
        dig_note(d, &tg->addr, ZL_T_SOA, &r->domain, false);
    }
}

/* Addresses this machine could not send to at all: one note for a family
 * that is wholly unreachable (no IPv6 here), a warning for single ones. */
static void judge_unreachable(struct judge *J)
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
            struct zl_diag *d = emit(J, ZL_RULE_REF(ZL6013), NULL,
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
            emit(J, ZL_RULE_REF(ZL6012), ns_anchor(J, s->named ? &s->name : NULL),
                 "%s was not checked: this machine cannot send to it (%s)", zl_vtarget_label(r, t, lab, sizeof lab),
                 t->soa.error);
        }
    }
}

/* ---- serials ----------------------------------------------------------------------------------- */

static void judge_serials(struct judge *J)
{
    const struct zl_vrun *r = J->r;
    const struct zl_vexpects *x = J->x;
    size_t newest = r->ntargets;
    for (size_t i = 0; i < r->ntargets; i++)
        if (J->ok[i] && J->soa[i].ok && (newest == r->ntargets || serial_newer(J->soa[i].serial, J->soa[newest].serial)))
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
        targets_text(J, grp, ng, &a);
        targets_text(J, newer, nn, &b);
        bool file_too = file_same_primary && x->serial == top;
        struct zl_diag *d = emit(J, ZL_RULE_REF(ZL6005), soa_anchor(J),
                                 "%s serve%s '%s' with SOA serial %u, older than %u on %s%s: %s not caught up",
                                 zl_buf_cstr(&a), ng == 1 && r->servers[r->targets[grp[0]].server].named ? "s" : "",
                                 J->dn, J->soa[i].serial, top, zl_buf_cstr(&b), file_too ? " and in this file" : "",
                                 ng == 1 ? "it has" : "they have");
        NOTE(d, "a secondary that misses NOTIFY or cannot transfer the zone from the primary (SOA refresh %u s, "
                "expire %u s); until it catches up it serves the old records",
             J->soa[newest].refresh, J->soa[newest].expire);
        dig_note(d, &r->targets[i].addr, ZL_T_SOA, &r->domain, false);
        zl_buf_free(&a);
        zl_buf_free(&b);
    }
    if (file_same_primary && x->serial != top) {
        struct zl_buf b = { 0 };
        targets_text(J, newer, nn, &b);
        struct zl_diag *d;
        if (serial_newer(x->serial, top)) {
            d = emit(J, ZL_RULE_REF(ZL6005), &x->serial_span,
                     "this file's SOA serial %u is newer than the %u that %s serve%s: the file's latest changes are "
                     "not deployed (or the servers did not reload)",
                     x->serial, top, zl_buf_cstr(&b), nn == 1 ? "s" : "");
        } else {
            d = emit(J, ZL_RULE_REF(ZL6005), &x->serial_span,
                     "%s serve%s SOA serial %u, newer than this file's %u: the zone was changed after this file, so "
                     "the file is not what is served",
                     zl_buf_cstr(&b), nn == 1 ? "s" : "", top, x->serial);
        }
        dig_note(d, &r->targets[newest].addr, ZL_T_SOA, &r->domain, false);
        zl_buf_free(&b);
    }
    free(grp);
    free(newer);
    free(done);
}

/* ---- each server's own NS set and glue ----------------------------------------------------------- */

static void judge_served_ns(struct judge *J, const struct zl_name *deleg, size_t nd)
{
    const struct zl_vrun *r = J->r;
    struct zl_name (*sets)[ZL_VMAX_SERVERS] = zl_xcalloc(r->ntargets + 1, sizeof *sets);
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
        targets_text(J, grp, ng, &a);
        names_list(&b, sets[i], ns[i]);
        names_list(&c, deleg, nd);
        set_diff(&e, deleg, nd, sets[i], ns[i], "missing there: ", "not delegated: ");
        struct zl_diag *d = emit(J, ZL_RULE_REF(ZL6002), ns_anchor(J, NULL),
                                 "%s serve%s the apex NS set %s for '%s', but the parent delegates to %s (%s)",
                                 zl_buf_cstr(&a), ng == 1 ? "s" : "", zl_buf_cstr(&b), J->dn, zl_buf_cstr(&c),
                                 zl_buf_cstr(&e));
        NOTE(d, "resolvers that take the zone's own NS set (RFC 2181 5.4.1) ask the servers it names: make the "
                "zone's NS records and the delegation at the registrar the same");
        dig_note(d, &r->targets[i].addr, ZL_T_NS, &r->domain, false);
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

static void judge_glue(struct judge *J)
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
                    struct zl_diag *d = emit(J, ZL_RULE_REF(ZL6003), ns_anchor(J, &s->name),
                                             "the parent's %s glue for '%s' is %s, but the zone on %s serves %s",
                                             fam ? "AAAA" : "A", ntext(&s->name, t), ng ? zl_buf_cstr(&a) : "missing",
                                             lab, ns ? zl_buf_cstr(&b) : "no such record");
                    NOTE(d, "resolvers use the glue first: make the glue at the registrar and the zone's %s record "
                            "for '%s' the same",
                         fam ? "AAAA" : "A", t);
                    dig_note(d, &r->targets[i].addr, type, &s->name, false);
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
                struct zl_diag *d = emit(J, ZL_RULE_REF(ZL6003), &fr->span,
                                         "this file gives '%s' the address %s, but the parent's glue for it is %s",
                                         t, zl_buf_cstr(&b), zl_buf_cstr(&a));
                NOTE(d, "resolvers use the glue: update it at the registrar, or this record");
                dig_note(d, parent_addr(r, r->answering_parent), ZL_T_NS, &r->domain, false);
                zl_buf_free(&a);
                zl_buf_free(&b);
            }
        }
    }
}

/* ---- the expected records ------------------------------------------------------------------------- */

enum okind {
    K_OK,
    K_SKIP,           /* not asked: lame, stopped, deadline (counted by judge_incomplete) */
    K_FAILED,         /* asked, no usable reply */
    K_NXDOMAIN,
    K_NODATA,
    K_REFERRAL,
    K_RCODE,
    K_CNAME,          /* a CNAME where another type is expected */
    K_TXT,            /* a TXT where a CNAME is expected */
    K_MISMATCH,
    K_VALUE_APPENDED, /* a CNAME-like value with the domain appended */
    K_DOUBLED,        /* found at NAME.DOMAIN. */
    K_SWAPPED,        /* found at TARGET.DOMAIN. */
};

struct outc {
    enum okind k;
    uint64_t fp;                  /* what was served, to group equal outcomes */
    struct zl_vmatch_res m;
    const struct zl_vrr *got[MAXRR];
    size_t ngot;
    uint8_t rcode;
};

static uint64_t fnv(uint64_t h, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= p[i] >= 'A' && p[i] <= 'Z' ? (uint8_t)(p[i] | 0x20) : p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static uint64_t set_fp(const struct zl_vrr *const *got, size_t n)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++)
        s += fnv(0xcbf29ce484222325ull ^ got[i]->type, got[i]->rdata, got[i]->rdlen);
    return s;
}

static void outcome(const struct judge *J, const struct zl_vexpect *e, const struct zl_vcheck *c, struct outc *o)
{
    const struct zl_vrun *r = J->r;
    memset(o, 0, sizeof *o);
    if (c->main.status == ZL_VQ_NOT_ASKED || c->main.status == ZL_VQ_DEADLINE) {
        o->k = K_SKIP;
        return;
    }
    enum zl_vans k = zl_vclassify(&c->main, &e->name, e->type, true);
    switch (k) {
    case ZL_VANS_DATA: {
        size_t n = zl_vresp_rrset(&c->main, &e->name, e->type, o->got, MAXRR);
        o->ngot = n < MAXRR ? n : MAXRR;
        zl_vmatch(e, o->got, o->ngot, &r->domain, &o->m);
        o->fp = set_fp(o->got, o->ngot);
        if (o->m.ok) {
            o->k = K_OK;
            return;
        }
        o->k = K_MISMATCH;
        /* a single value with the domain appended (CNAME-like types) */
        char why[512];
        if (e->nv && o->ngot == 1 &&
            zl_vexplain(e->type, e->v[0].rdata, e->v[0].rdlen, o->got[0]->rdata, o->got[0]->rdlen, &r->domain, why,
                        sizeof why) == ZL_VDIFF_APEX_APPENDED)
            o->k = K_VALUE_APPENDED;
        return;
    }
    case ZL_VANS_CNAME:
        o->ngot = zl_vresp_rrset(&c->main, &e->name, ZL_T_CNAME, o->got, 1) ? 1 : 0;
        o->k = K_CNAME;
        o->fp = set_fp(o->got, o->ngot);
        return;
    case ZL_VANS_FAILED:
        o->k = K_FAILED;
        return;
    case ZL_VANS_RCODE:
    case ZL_VANS_NOT_AUTH:
        o->k = K_RCODE;
        o->rcode = c->main.rcode;
        o->fp = c->main.rcode;
        return;
    default:
        break;
    }
    /* missing: was it put somewhere else? */
    struct zl_name alt;
    if (c->doubled && c->doubled->status == ZL_VQ_OK && zl_vappend(&e->name, &r->domain, &alt)) {
        enum zl_vans d = zl_vclassify(c->doubled, &alt, e->type, true);
        if (d == ZL_VANS_DATA || d == ZL_VANS_CNAME) {
            o->k = K_DOUBLED;
            o->ngot = zl_vresp_rrset(c->doubled, &alt, d == ZL_VANS_DATA ? e->type : ZL_T_CNAME, o->got, MAXRR);
            if (o->ngot > MAXRR)
                o->ngot = MAXRR;
            o->fp = set_fp(o->got, o->ngot);
            return;
        }
    }
    struct zl_name target;
    if (c->swapped && c->swapped->status == ZL_VQ_OK && e->nv &&
        zl_name_from_wire(&target, e->v[0].rdata, e->v[0].rdlen) && zl_vappend(&target, &r->domain, &alt) &&
        zl_vclassify(c->swapped, &alt, ZL_T_CNAME, true) == ZL_VANS_DATA) {
        o->k = K_SWAPPED;
        o->ngot = zl_vresp_rrset(c->swapped, &alt, ZL_T_CNAME, o->got, 1) ? 1 : 0;
        o->fp = set_fp(o->got, o->ngot);
        return;
    }
    if (c->probe && c->probe->status == ZL_VQ_OK && zl_vclassify(c->probe, &e->name, ZL_T_TXT, true) == ZL_VANS_DATA) {
        o->k = K_TXT;
        size_t n = zl_vresp_rrset(c->probe, &e->name, ZL_T_TXT, o->got, MAXRR);
        o->ngot = n < MAXRR ? n : MAXRR;
        o->fp = set_fp(o->got, o->ngot);
        return;
    }
    o->k = k == ZL_VANS_NXDOMAIN ? K_NXDOMAIN : k == ZL_VANS_NODATA ? K_NODATA : K_REFERRAL;
}

/* "'tok._domainkey.example.com.' CNAME (Easy DKIM, token 1 of 3)" */
static void subject(const struct zl_vexpect *e, struct zl_buf *b)
{
    char n[ZL_NAME_TEXT_MAX], t[16];
    zl_buf_printf(b, "'%s' %s", ntext(&e->name, n), zl_type_to_text(e->type, t));
    if (e->what[0])
        zl_buf_printf(b, " (%s)", e->what);
}

/* The expected value in words, for messages. */
static void expected_text(const struct zl_vexpect *e, struct zl_buf *b)
{
    switch (e->match) {
    case ZL_VM_SES_MX:
        zl_buf_puts(b, "an MX to feedback-smtp.<region>.amazonses.com.");
        return;
    case ZL_VM_SES_SPF:
        zl_buf_puts(b, "a v=spf1 TXT record that includes amazonses.com");
        return;
    case ZL_VM_DKIM_KEY:
        zl_buf_puts(b, "a TXT record with the public key (p=...)");
        return;
    default:
        break;
    }
    for (size_t i = 0; i < e->nv && i < 4; i++) {
        if (i)
            zl_buf_puts(b, ", ");
        rdata_text(b, e->type, e->v[i].rdata, e->v[i].rdlen);
    }
    if (e->nv > 4)
        zl_buf_printf(b, " and %zu more", e->nv - 4);
}

static void served_text(const struct outc *o, uint16_t type, struct zl_buf *b)
{
    for (size_t i = 0; i < o->ngot && i < 4; i++) {
        if (i)
            zl_buf_puts(b, ", ");
        rdata_text(b, type, o->got[i]->rdata, o->got[i]->rdlen);
    }
    if (o->ngot > 4)
        zl_buf_printf(b, " and %zu more", o->ngot - 4);
}

static const char *whose(const struct zl_vexpect *e)
{
    return e->what[0] ? "SES expects" : "this file has";
}

static const struct zl_span *value_anchor(const struct zl_vexpect *e)
{
    if (e->nv && e->v[0].value_span.src)
        return &e->v[0].value_span;
    return &e->span;
}

/* Why the served values differ: a note for the first pair that explains. */
static void mismatch_notes(struct zl_diag *d, const struct judge *J, const struct zl_vexpect *e, const struct outc *o)
{
    char why[600];
    if (!d)
        return;
    if (e->match == ZL_VM_RRSET) {
        for (size_t i = 0; i < o->m.nmissing && i < 8; i++)
            for (size_t k = 0; k < o->m.nextra && k < 8; k++) {
                const struct zl_vvalue *v = &e->v[o->m.missing[i]];
                const struct zl_vrr *g = o->got[o->m.extra[k]];
                if (zl_vexplain(e->type, v->rdata, v->rdlen, g->rdata, g->rdlen, &J->r->domain, why, sizeof why) !=
                    ZL_VDIFF_NONE) {
                    zl_diag_add_note(d, "%s", why);
                    return;
                }
            }
        return;
    }
    if (o->m.closest >= 0 && e->nv && e->match != ZL_VM_DKIM_KEY) {
        const struct zl_vrr *g = o->got[o->m.closest];
        if (zl_vexplain(e->type, e->v[0].rdata, e->v[0].rdlen, g->rdata, g->rdlen, &J->r->domain, why, sizeof why) !=
            ZL_VDIFF_NONE)
            zl_diag_add_note(d, "%s", why);
        else if (e->match == ZL_VM_SES_SPF)
            zl_diag_add_note(d, "add 'include:amazonses.com' before the 'all' term of the SPF record");
    }
}

static void report_group(struct judge *J, const struct zl_vexpect *e, const struct outc *o, const size_t *grp,
                         size_t ng, const size_t *okt, size_t nok)
{
    const struct zl_vrun *r = J->r;
    struct zl_buf who = { 0 }, subj = { 0 }, good = { 0 }, want = { 0 }, got = { 0 };
    targets_text(J, grp, ng, &who);
    subject(e, &subj);
    if (nok)
        targets_text(J, okt, nok, &good);
    expected_text(e, &want);
    served_text(o, o->k == K_CNAME || o->k == K_SWAPPED ? ZL_T_CNAME : o->k == K_TXT ? ZL_T_TXT : e->type, &got);
    const char *S = zl_buf_cstr(&subj), *W = zl_buf_cstr(&who), *G = zl_buf_cstr(&got), *E = zl_buf_cstr(&want);
    char n[ZL_NAME_TEXT_MAX], alt[ZL_NAME_TEXT_MAX], rc[16], rel[ZL_NAME_TEXT_MAX], tt[16];
    const struct zl_vaddr *first = &r->targets[grp[0]].addr;
    struct zl_diag *d = NULL;
    struct zl_name an, head;
    uint16_t dtype = e->type;
    const struct zl_name *dname = &e->name;
    switch (o->k) {
    case K_NXDOMAIN:
    case K_NODATA:
    case K_REFERRAL:
        d = emit(J, ZL_RULE_REF(ZL6006), &e->span, "%s is not served by %s: %s", S, W,
                 o->k == K_NXDOMAIN ? "NXDOMAIN (the name does not exist there)"
                 : o->k == K_NODATA ? "NODATA (the name exists, without a record of this type)"
                                    : "the server refers the name to another zone's servers (a delegation the "
                                      "expectation does not know)");
        if (nok)
            NOTE(d, "%s serve%s it: where it is missing, the zone is an older or another copy (compare the SOA "
                    "serials)",
                 zl_buf_cstr(&good), nok == 1 && r->servers[r->targets[okt[0]].server].named ? "s" : "");
        else if (e->what[0])
            NOTE(d, "SES expects %s there; add it at the DNS provider that runs these servers", E);
        else
            NOTE(d, "the record is in this file but not on the servers: deploy the file, or add it at the DNS "
                    "provider that runs them");
        dtype = e->type;
        dname = &e->name;
        break;
    case K_RCODE:
        d = emit(J, ZL_RULE_REF(ZL6006), &e->span, "%s is not served by %s: %s", S, W,
                 o->rcode ? zl_vq_rcode_name(o->rcode, rc) : "an answer without authority (no AA flag)");
        dtype = e->type;
        dname = &e->name;
        break;
    case K_CNAME:
        d = emit(J, ZL_RULE_REF(ZL6008), &e->span, "%s is answered with a CNAME to %s on %s; %s a %s record there", S,
                 G, W, whose(e), zl_type_to_text(e->type, tt));
        NOTE(d, "a CNAME hides every other record at its name: replace it with the %s record", tt);
        dtype = e->type;
        dname = &e->name;
        break;
    case K_TXT:
        d = emit(J, ZL_RULE_REF(ZL6008), &e->span, "%s is a TXT record on %s (%s), not the CNAME %s", S, W, G,
                 e->what[0] ? "SES expects" : "this file has");
        NOTE(d, "publish it as a CNAME to %s: a TXT record holding the value is not what is looked up", E);
        dtype = ZL_T_TXT;
        dname = &e->name;
        break;
    case K_MISMATCH:
        d = emit(J, ZL_RULE_REF(ZL6007), value_anchor(e), "%s on %s is %s; %s %s", S, W, G, whose(e), E);
        mismatch_notes(d, J, e, o);
        dtype = e->type;
        dname = &e->name;
        break;
    case K_VALUE_APPENDED:
        d = emit(J, ZL_RULE_REF(ZL6010), value_anchor(e), "%s on %s points to %s; %s %s", S, W, G, whose(e), E);
        mismatch_notes(d, J, e, o);
        dtype = e->type;
        dname = &e->name;
        break;
    case K_DOUBLED:
        zl_vappend(&e->name, &r->domain, &an);
        d = emit(J, ZL_RULE_REF(ZL6010), &e->span,
                 "%s is not served by %s, but '%s' is: the provider appended the domain to a name that already "
                 "ended in it",
                 S, W, ntext(&an, alt));
        if (zl_ses_strip_origin(&e->name, &r->domain, &head)) {
            size_t l = zl_name_to_text(&head, rel);
            if (l > 1 && rel[l - 1] == '.')
                rel[l - 1] = '\0';
            NOTE(d, "type '%s' in the provider's name field (the name without '%.*s'), or the full name with a "
                    "trailing dot where the provider takes one",
                 rel, (int)(strlen(J->dn) - 1), J->dn);
        }
        dtype = e->type;
        dname = &an;
        break;
    case K_SWAPPED: {
        struct zl_name target;
        zl_name_from_wire(&target, e->v[0].rdata, e->v[0].rdlen);
        zl_vappend(&target, &r->domain, &an);
        d = emit(J, ZL_RULE_REF(ZL6010), &e->span,
                 "%s is not served by %s, but '%s' has a CNAME to %s: name and value were entered the other way "
                 "round, and the provider appended the domain",
                 S, W, ntext(&an, alt), G);
        if (zl_ses_strip_origin(&e->name, &r->domain, &head)) {
            size_t l = zl_name_to_text(&head, rel);
            if (l > 1 && rel[l - 1] == '.')
                rel[l - 1] = '\0';
            size_t tl = zl_name_to_text(&target, n);
            if (tl > 1)
                n[tl - 1] = '\0';
            NOTE(d, "type '%s' in the provider's name field and '%s' in its value field", rel, n);
        }
        dtype = ZL_T_CNAME;
        dname = &an;
        break;
    }
    default:
        break;
    }
    if (e->proxied)
        NOTE(d, "the file marks it proxied by Cloudflare (cf-proxied:true): Cloudflare then answers with its own "
                "addresses instead; set it to DNS only");
    dig_note(d, first, dtype, dname, false);
    zl_buf_free(&who);
    zl_buf_free(&subj);
    zl_buf_free(&good);
    zl_buf_free(&want);
    zl_buf_free(&got);
}

/* The SES DKIM records are all served right on target t (the legacy TXT is
 * then not needed there). */
static bool dkim_ok_on(const struct judge *J, size_t t)
{
    const struct zl_vexpects *x = J->x;
    bool any = false;
    for (size_t i = 0; i < x->n; i++) {
        if (!x->v[i].dkim)
            continue;
        struct outc o;
        outcome(J, &x->v[i], &J->r->targets[t].checks[i], &o);
        if (o.k != K_OK)
            return false;
        any = true;
    }
    return any;
}

static void judge_records(struct judge *J)
{
    const struct zl_vrun *r = J->r;
    const struct zl_vexpects *x = J->x;
    if (!x)
        return;
    struct outc *oc = zl_xcalloc(r->ntargets + 1, sizeof *oc);
    size_t *grp = zl_xcalloc(r->ntargets + 1, sizeof *grp), *okt = zl_xcalloc(r->ntargets + 1, sizeof *okt);
    bool *done = zl_xcalloc(r->ntargets + 1, 1);
    for (size_t i = 0; i < x->n; i++) {
        const struct zl_vexpect *e = &x->v[i];
        size_t nok = 0;
        for (size_t t = 0; t < r->ntargets; t++) {
            done[t] = false;
            if (!J->ok[t]) {
                oc[t].k = K_SKIP;
                continue;
            }
            outcome(J, e, &r->targets[t].checks[i], &oc[t]);
            if (oc[t].k != K_OK && e->unless_dkim && dkim_ok_on(J, t))
                oc[t].k = K_OK;
            if (oc[t].k == K_OK)
                okt[nok++] = t;
        }
        for (size_t t = 0; t < r->ntargets; t++) {
            if (done[t] || oc[t].k == K_OK || oc[t].k == K_SKIP || oc[t].k == K_FAILED)
                continue;
            size_t ng = 0;
            for (size_t u = t; u < r->ntargets; u++)
                if (!done[u] && oc[u].k == oc[t].k && oc[u].fp == oc[t].fp) {
                    grp[ng++] = u;
                    done[u] = true;
                }
            report_group(J, e, &oc[t], grp, ng, okt, nok);
        }
        /* TTLs, for records served right */
        for (size_t t = 0; t < r->ntargets; t++)
            done[t] = false;
        for (size_t q = 0; q < nok; q++) {
            size_t t = okt[q];
            if (done[t] || !oc[t].m.ttl_differs)
                continue;
            size_t ng = 0;
            for (size_t u = q; u < nok; u++)
                if (!done[okt[u]] && oc[okt[u]].m.ttl_differs && oc[okt[u]].m.served_ttl == oc[t].m.served_ttl) {
                    grp[ng++] = okt[u];
                    done[okt[u]] = true;
                }
            struct zl_buf who = { 0 }, subj = { 0 };
            targets_text(J, grp, ng, &who);
            subject(e, &subj);
            struct zl_diag *d = emit(J, ZL_RULE_REF(ZL6009), &e->span, "%s is served with TTL %u on %s; this file says %u",
                                     zl_buf_cstr(&subj), oc[t].m.served_ttl, zl_buf_cstr(&who), e->ttl);
            NOTE(d, "the value is right; the provider may impose its own TTL, or the file changed since the deploy");
            dig_note(d, &r->targets[t].addr, e->type, &e->name, false);
            zl_buf_free(&who);
            zl_buf_free(&subj);
        }
    }
    free(oc);
    free(grp);
    free(okt);
    free(done);
}

/* ---- the resolver ------------------------------------------------------------------------------------ */

static void judge_resolver(struct judge *J)
{
    const struct zl_vrun *r = J->r;
    const struct zl_vexpects *x = J->x;
    if (!r->have_resolver || !x)
        return;
    char ra[ZL_VADDR_TEXT_MAX];
    zl_vaddr_text(&r->resolver, false, ra);
    /* the zone's negative-caching TTL: min(SOA TTL, SOA minimum), RFC 2308 */
    long neg = -1;
    uint32_t minimum = 0;
    for (size_t t = 0; t < r->ntargets && neg < 0; t++)
        if (J->ok[t] && J->soa[t].ok) {
            minimum = J->soa[t].minimum;
            neg = J->soa[t].ttl < minimum ? J->soa[t].ttl : minimum;
        }
    unsigned failed = 0;
    for (size_t i = 0; i < x->n; i++) {
        const struct zl_vexpect *e = &x->v[i];
        size_t nok = 0, nanswered = 0;
        for (size_t t = 0; t < r->ntargets; t++) {
            if (!J->ok[t])
                continue;
            struct outc o;
            outcome(J, e, &r->targets[t].checks[i], &o);
            if (o.k == K_SKIP || o.k == K_FAILED)
                continue;
            nanswered++;
            nok += o.k == K_OK;
        }
        if (!nanswered || nok != nanswered)
            continue; /* the servers do not serve it right: that is the finding */
        const struct zl_vresp *res = &r->resolved[i];
        enum zl_vans k = zl_vclassify(res, &e->name, e->type, false);
        struct zl_buf subj = { 0 };
        subject(e, &subj);
        struct zl_diag *d = NULL;
        if (k == ZL_VANS_FAILED) {
            failed++;
        } else if (k == ZL_VANS_NXDOMAIN || k == ZL_VANS_NODATA) {
            long left = -1;
            for (size_t q = res->nan; q < (size_t)res->nan + res->nns; q++)
                if (res->rr[q].type == ZL_T_SOA)
                    left = res->rr[q].ttl;
            if (neg >= 0)
                d = emit(J, ZL_RULE_REF(ZL6011), &e->span,
                         "the resolver %s still answers %s for %s, which the delegated servers serve: SES may still "
                         "see the old %s for up to the SOA minimum, %ld seconds",
                         ra, k == ZL_VANS_NXDOMAIN ? "NXDOMAIN" : "NODATA", zl_buf_cstr(&subj),
                         k == ZL_VANS_NXDOMAIN ? "NXDOMAIN" : "NODATA", neg);
            else
                d = emit(J, ZL_RULE_REF(ZL6011), &e->span,
                         "the resolver %s still answers %s for %s, which the delegated servers serve", ra,
                         k == ZL_VANS_NXDOMAIN ? "NXDOMAIN" : "NODATA", zl_buf_cstr(&subj));
            if (left >= 0)
                NOTE(d, "its answer caches the negative result for %ld more seconds (the TTL of the SOA in it)", left);
            dig_note(d, &r->resolver, e->type, &e->name, true);
        } else if (k == ZL_VANS_DATA || k == ZL_VANS_CNAME) {
            struct outc o;
            memset(&o, 0, sizeof o);
            uint16_t ty = k == ZL_VANS_DATA ? e->type : ZL_T_CNAME;
            size_t n = zl_vresp_rrset(res, &e->name, ty, o.got, MAXRR);
            o.ngot = n < MAXRR ? n : MAXRR;
            struct zl_vmatch_res m;
            zl_vmatch(e, o.got, o.ngot, &r->domain, &m);
            if (k == ZL_VANS_DATA && m.ok)
                goto next;
            struct zl_buf got = { 0 }, want = { 0 };
            served_text(&o, ty, &got);
            expected_text(e, &want);
            d = emit(J, ZL_RULE_REF(ZL6011), &e->span,
                     "the resolver %s answers %s for %s, but the delegated servers serve %s: it has the old answer "
                     "cached",
                     ra, zl_buf_cstr(&got), zl_buf_cstr(&subj), zl_buf_cstr(&want));
            if (o.ngot)
                NOTE(d, "for up to %u more seconds (the TTL in its answer)", o.got[0]->ttl);
            dig_note(d, &r->resolver, e->type, &e->name, true);
            zl_buf_free(&got);
            zl_buf_free(&want);
        } else if (k == ZL_VANS_RCODE && res->rcode == ZL_VQ_RCODE_SERVFAIL) {
            d = emit(J, ZL_RULE_REF(ZL6011), &e->span,
                     "the resolver %s answers SERVFAIL for %s, which the delegated servers serve: a DNSSEC "
                     "validation failure, or a lame server it ran into",
                     ra, zl_buf_cstr(&subj));
            dig_note(d, &r->resolver, e->type, &e->name, true);
        }
    next:
        zl_buf_free(&subj);
    }
    if (failed)
        emit(J, ZL_RULE_REF(ZL6012), NULL, "the resolver %s did not answer %u question%s (%s): not compared", ra,
             failed, plural(failed), r->resolved[0].error);
    (void)minimum;
}

/* ---- what was not checked ------------------------------------------------------------------------------ */

static void judge_incomplete(struct judge *J)
{
    const struct zl_vrun *r = J->r;
    size_t nx = J->x ? J->x->n : 0;
    char lab[ZL_NAME_TEXT_MAX + 80];
    for (size_t t = 0; t < r->ntargets; t++) {
        const struct zl_vtarget *tg = &r->targets[t];
        const struct zl_vserver *s = &r->servers[tg->server];
        zl_vtarget_label(r, tg, lab, sizeof lab);
        if (tg->soa.status == ZL_VQ_DEADLINE) {
            emit(J, ZL_RULE_REF(ZL6012), ns_anchor(J, s->named ? &s->name : NULL),
                 "%s was not checked: the deadline (%.1f s) passed before it was asked", lab,
                 r->lim.deadline_total_ms / 1000.0);
            continue;
        }
        if (!J->ok[t])
            continue;
        size_t skipped = 0, failed = 0, deadline = 0;
        const char *err = NULL;
        for (size_t i = 0; i < nx; i++) {
            const struct zl_vresp *m = &tg->checks[i].main;
            if (m->status == ZL_VQ_NOT_ASKED)
                skipped++;
            else if (m->status == ZL_VQ_DEADLINE)
                deadline++;
            else if (m->status != ZL_VQ_OK) {
                failed++;
                err = m->error;
            }
        }
        if (!skipped && !failed && !deadline)
            continue;
        struct zl_diag *d = emit(J, ZL_RULE_REF(ZL6012), ns_anchor(J, s->named ? &s->name : NULL),
                                 "%zu of %zu expected record%s could not be checked on %s: %s", skipped + failed + deadline,
                                 nx, plural(nx), lab,
                                 deadline ? "the deadline passed"
                                 : tg->stopped ? "it stopped answering (questions in a row timed out)"
                                               : "its answers failed");
        if (err)
            NOTE(d, "the last failure: %s", err);
        if (deadline)
            NOTE(d, "the run's deadline was %.1f s: give a longer --deadline, or a higher --rate (now %u a second "
                    "per server)",
                 r->lim.deadline_total_ms / 1000.0, r->lim.rate);
    }
}

/* ---- the whole run ------------------------------------------------------------------------------------------ */

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
    struct judge J;
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

    if (r->nparents && judge_kind(&J)) {
        struct zl_name deleg[ZL_VMAX_SERVERS];
        size_t nd = 0;
        for (size_t i = 0; i < r->nservers && nd < ZL_VMAX_SERVERS; i++)
            deleg[nd++] = r->servers[i].name;
        judge_parents(&J, deleg, nd);
        judge_expect_ns(&J, deleg, nd);
        judge_file_ns(&J, deleg, nd);
        judge_addresses(&J);
        judge_lame(&J);
        judge_unreachable(&J);
        judge_serials(&J);
        judge_served_ns(&J, deleg, nd);
        judge_glue(&J);
        judge_records(&J);
        judge_resolver(&J);
        judge_incomplete(&J);
    }

    /* sorted like check's findings; equal places keep the order above */
    zl_vdiags_sort(&mine);
    for (size_t i = 0; i < mine.n; i++)
        collect(out, &mine.v[i]);
    free(mine.v);
    free(J.ok);
    free(J.soa);
}
