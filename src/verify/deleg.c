/* SPDX-License-Identifier: MIT */
/* Finding the delegation (see deleg.h).
 *
 * The walk is what an iterative resolver does, without a cache and with
 * RD=0: ask a server of the current zone for DOMAIN NS; a referral names
 * the next zone down and its servers (addresses from the glue, or looked
 * up the same way when there is none); the referral for DOMAIN itself, an
 * authoritative answer or NXDOMAIN ends it. The last zone's servers are the
 * parent's: each is asked again, in parallel, so that parents that
 * disagree are seen. Every question counts against a budget, so a loop of
 * referrals or of glueless names ends. */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "rdata/types.h"
#include "verify/deleg.h"

#define WALK_BUDGET 96   /* questions for the whole walk, lookups of glueless names included */
#define WALK_DEPTH 24    /* referrals followed */
#define TRIES 6          /* addresses tried at one level */
#define LOOKUP_DEPTH 3   /* glueless names inside the lookup of a glueless name */

/* IANA root hints (named.root): a..m.root-servers.net. */
static const char *const root_hints[] = {
    "198.41.0.4",     "170.247.170.2",  "192.33.4.12",    "199.7.91.13",    "192.203.230.10",
    "192.5.5.241",    "192.112.36.4",   "198.97.190.53",  "192.36.148.17",  "192.58.128.30",
    "193.0.14.129",   "199.7.83.42",    "202.12.27.33",   "2001:503:ba3e::2:30", "2801:1b8:10::b",
    "2001:500:2::c",  "2001:500:2d::d", "2001:500:a8::e", "2001:500:2f::f", "2001:500:12::d0d",
    "2001:500:1::53", "2001:7fe::53",   "2001:503:c27::2:30", "2001:7fd::1", "2001:500:9f::42",
    "2001:dc3::35",
};

size_t zl_vroot_hints(struct zl_vaddr *out, size_t cap, uint16_t port)
{
    size_t n = 0;
    for (size_t i = 0; i < sizeof root_hints / sizeof root_hints[0] && n < cap; i++)
        if (zl_vaddr_parse(root_hints[i], port, &out[n]) == 0)
            n++;
    return n;
}

/* One zone's servers during the walk. */
struct level {
    struct zl_name zone;
    struct zl_vserver *srv;
    size_t n;
};

struct walker {
    struct zl_vrun *r;
    const struct zl_vdeleg_opts *o;
    struct zl_vaddr roots[32];
    size_t nroots;
    unsigned budget, depth;
    unsigned unreachable, timeouts, lame;
    char error[256];          /* the last failure, for the message */
    struct zl_vpacer pace;
};

static bool family_ok(const struct walker *W, const struct zl_vaddr *a)
{
    int f = W->o->families ? W->o->families : ZL_VFAMILY_V4 | ZL_VFAMILY_V6;
    return (a->family == AF_INET && (f & ZL_VFAMILY_V4)) || (a->family == AF_INET6 && (f & ZL_VFAMILY_V6));
}

static void level_free(struct level *L)
{
    free(L->srv);
    memset(L, 0, sizeof *L);
}

static struct zl_vserver *level_add(struct level *L, const struct zl_name *name)
{
    for (size_t i = 0; name && i < L->n; i++)
        if (L->srv[i].named && zl_name_equal(&L->srv[i].name, name))
            return &L->srv[i];
    if (L->n == ZL_VMAX_SERVERS)
        return NULL;
    L->srv = zl_xrealloc(L->srv, (L->n + 1) * sizeof *L->srv);
    struct zl_vserver *s = &L->srv[L->n++];
    memset(s, 0, sizeof *s);
    if (name) {
        s->name = *name;
        s->named = true;
    }
    return s;
}

static void add_addr(struct zl_vserver *s, const struct zl_vaddr *a, bool glued)
{
    for (size_t i = 0; i < s->naddr; i++)
        if (zl_vaddr_equal(&s->addr[i], a))
            return;
    if (s->naddr < ZL_VMAX_ADDRS) {
        s->glued[s->naddr] = glued;
        s->addr[s->naddr++] = *a;
    }
}

/* The addresses for name in the additional section (and answer). */
static void glue_from(const struct walker *W, const struct zl_vresp *r, struct zl_vserver *s, bool glued)
{
    size_t n = (size_t)r->nan + r->nns + r->nar;
    for (size_t i = 0; i < n; i++) {
        const struct zl_vrr *rr = &r->rr[i];
        if (i >= r->nan && i < (size_t)r->nan + r->nns)
            continue;
        if (!zl_name_equal(&rr->owner, &s->name))
            continue;
        struct zl_vaddr a;
        memset(&a, 0, sizeof a);
        a.port = W->r->port;
        if (rr->type == ZL_T_A && rr->rdlen == 4)
            a.family = AF_INET;
        else if (rr->type == ZL_T_AAAA && rr->rdlen == 16)
            a.family = AF_INET6;
        else
            continue;
        memcpy(a.a, rr->rdata, rr->rdlen);
        if (family_ok(W, &a))
            add_addr(s, &a, glued);
    }
}

/* The zone a referral points to: the deepest NS owner in the authority
 * section below `zone` and at or above qname. */
static bool referral_cut(const struct zl_vresp *r, const struct zl_name *zone, const struct zl_name *qname,
                         struct zl_name *cut)
{
    bool found = false;
    for (size_t i = r->nan; i < (size_t)r->nan + r->nns; i++) {
        const struct zl_vrr *rr = &r->rr[i];
        if (rr->type != ZL_T_NS || !zl_name_is_subdomain(qname, &rr->owner) ||
            rr->owner.nlabels <= zone->nlabels || !zl_name_is_subdomain(&rr->owner, zone))
            continue;
        if (!found || rr->owner.nlabels > cut->nlabels)
            *cut = rr->owner;
        found = true;
    }
    return found;
}

/* An answer the walk can use from a server of `zone`. */
static bool usable(const struct zl_vresp *r, const struct zl_name *zone, const struct zl_name *qname)
{
    struct zl_name cut;
    if (r->status != ZL_VQ_OK || (r->rcode != ZL_VQ_RCODE_NOERROR && r->rcode != ZL_VQ_RCODE_NXDOMAIN))
        return false;
    return r->aa || referral_cut(r, zone, qname, &cut);
}

static void note_failure(struct walker *W, const struct zl_vaddr *a, const struct zl_vresp *r)
{
    char at[ZL_VADDR_TEXT_MAX], rc[16];
    zl_vaddr_text(a, false, at);
    if (r->status == ZL_VQ_UNREACHABLE)
        W->unreachable++;
    else if (r->status == ZL_VQ_TIMEOUT || r->status == ZL_VQ_DEADLINE)
        W->timeouts++;
    else
        W->lame++;
    if (r->status == ZL_VQ_OK && r->rcode == ZL_VQ_RCODE_REFUSED)
        snprintf(W->error, sizeof W->error, "%s answers REFUSED: it does not serve the zone asked about", at);
    else if (r->status == ZL_VQ_OK && r->rcode != ZL_VQ_RCODE_NOERROR && r->rcode != ZL_VQ_RCODE_NXDOMAIN)
        snprintf(W->error, sizeof W->error, "%s answers %s", at, zl_vq_rcode_name(r->rcode, rc));
    else if (r->status == ZL_VQ_OK)
        snprintf(W->error, sizeof W->error, "%s answers %s without a referral or the AA flag", at,
                 zl_vq_rcode_name(r->rcode, rc));
    else
        snprintf(W->error, sizeof W->error, "%s: %s", at, r->error);
}

/* Asks the servers of L in turn until one answers usably. */
static int ask_level(struct walker *W, const struct level *L, const struct zl_name *qname, uint16_t qtype,
                     struct zl_vresp *out)
{
    unsigned tries = 0;
    for (size_t i = 0; i < L->n; i++)
        for (size_t k = 0; k < L->srv[i].naddr; k++) {
            const struct zl_vaddr *a = &L->srv[i].addr[k];
            if (!family_ok(W, a))
                continue;
            if (tries++ == TRIES || W->budget == 0) {
                if (W->budget == 0)
                    snprintf(W->error, sizeof W->error, "more than %d questions without reaching the zone",
                             WALK_BUDGET);
                return -1;
            }
            W->budget--;
            zl_vask(&W->r->lim, &W->pace, a, qname, qtype, false, out);
            if (usable(out, &L->zone, qname))
                return 0;
            note_failure(W, a, out);
            zl_vresp_free(out);
            if (out->status == ZL_VQ_DEADLINE)
                return -1;
        }
    if (tries == 0) {
        char z[ZL_NAME_TEXT_MAX];
        zl_name_to_text(&L->zone, z);
        snprintf(W->error, sizeof W->error, "no address of the servers of '%.100s' is left by -4/-6", z);
    }
    return -1;
}

static int lookup(struct walker *W, const struct zl_name *name, struct zl_vserver *into);

/* The next level from a referral to cut. */
static void next_level(struct walker *W, const struct zl_vresp *r, const struct zl_name *cut, struct level *next)
{
    memset(next, 0, sizeof *next);
    next->zone = *cut;
    for (size_t i = r->nan; i < (size_t)r->nan + r->nns; i++) {
        const struct zl_vrr *rr = &r->rr[i];
        struct zl_name t;
        if (rr->type != ZL_T_NS || !zl_name_equal(&rr->owner, cut) ||
            zl_name_from_wire(&t, rr->rdata, rr->rdlen) != rr->rdlen)
            continue;
        struct zl_vserver *s = level_add(next, &t);
        if (s)
            glue_from(W, r, s, true);
    }
    bool any = false;
    for (size_t i = 0; i < next->n && !any; i++)
        any = next->srv[i].naddr > 0;
    /* glueless: look up a few names (not those inside the zone itself: they need glue) */
    unsigned looked = 0;
    for (size_t i = 0; i < next->n && !any && looked < 3; i++) {
        if (zl_name_is_subdomain(&next->srv[i].name, cut))
            continue;
        looked++;
        any = lookup(W, &next->srv[i].name, &next->srv[i]) == 0 && next->srv[i].naddr > 0;
    }
}

/* From L down to the zone that answers qname/qtype. On success *out is
 * the answer and L the level whose server gave it. */
static int walk(struct walker *W, struct level *L, const struct zl_name *qname, uint16_t qtype, bool stop_at_cut,
                struct zl_vresp *out)
{
    for (unsigned d = 0; d < WALK_DEPTH; d++) {
        if (ask_level(W, L, qname, qtype, out) != 0)
            return -1;
        struct zl_name cut;
        if (out->aa || out->rcode == ZL_VQ_RCODE_NXDOMAIN || !referral_cut(out, &L->zone, qname, &cut))
            return 0;
        if (stop_at_cut && zl_name_equal(&cut, qname))
            return 0;
        struct level next;
        next_level(W, out, &cut, &next);
        zl_vresp_free(out);
        level_free(L);
        *L = next;
    }
    snprintf(W->error, sizeof W->error, "more than %d referrals", WALK_DEPTH);
    return -1;
}

static void roots_level(struct walker *W, struct level *L)
{
    memset(L, 0, sizeof *L);
    zl_name_root(&L->zone);
    for (size_t i = 0; i < W->nroots; i++) {
        struct zl_vserver *s = level_add(L, NULL);
        if (s)
            add_addr(s, &W->roots[i], false);
    }
}

static void parents_level(struct walker *W, struct level *L)
{
    memset(L, 0, sizeof *L);
    zl_name_root(&L->zone);
    for (size_t i = 0; i < W->o->nparents; i++) {
        struct zl_vserver *s = level_add(L, NULL);
        if (s)
            add_addr(s, &W->o->parents[i], false);
    }
}

/* A name server's addresses when the referral had no glue: from the
 * --parent servers (they may serve its zone too), else from the root. */
static int lookup(struct walker *W, const struct zl_name *name, struct zl_vserver *into)
{
    if (W->depth >= LOOKUP_DEPTH)
        return -1;
    W->depth++;
    int rc = -1;
    for (int from = W->o->nparents ? 0 : 1; from < 2 && rc != 0; from++) {
        struct level L;
        if (from == 0)
            parents_level(W, &L);
        else
            roots_level(W, &L);
        struct zl_vresp a;
        if (walk(W, &L, name, ZL_T_A, false, &a) == 0) {
            if (a.rcode == ZL_VQ_RCODE_NXDOMAIN) {
                char t[ZL_NAME_TEXT_MAX];
                snprintf(into->addr_error, sizeof into->addr_error, "'%.90s' does not exist (NXDOMAIN)",
                         (zl_name_to_text(name, t), t));
            } else {
                glue_from(W, &a, into, false);
                struct zl_vresp aaaa;
                if (ask_level(W, &L, name, ZL_T_AAAA, &aaaa) == 0) {
                    glue_from(W, &aaaa, into, false);
                    zl_vresp_free(&aaaa);
                }
                if (into->naddr == 0)
                    snprintf(into->addr_error, sizeof into->addr_error, "it has no A or AAAA record");
            }
            zl_vresp_free(&a);
            rc = 0;
        }
        level_free(&L);
    }
    if (rc != 0)
        snprintf(into->addr_error, sizeof into->addr_error, "its address could not be looked up (%.80s)", W->error);
    W->depth--;
    return rc;
}

/* ---- the parents ------------------------------------------------------------------ */

static void ask_parent(size_t i, void *arg)
{
    struct zl_vrun *r = arg;
    struct zl_vparent *p = &r->parents[i];
    struct zl_vpacer pace = { 0 };
    zl_vask(&r->lim, &pace, &p->srv.addr[p->used], &r->domain, ZL_T_NS, false, &p->resp);
}

static int cmp_server(const void *a, const void *b)
{
    const struct zl_vserver *x = a, *y = b;
    return zl_name_compare(&x->name, &y->name);
}

/* The delegated servers from the answering parent's reply. */
static void take_servers(struct walker *W, const struct zl_vresp *resp)
{
    struct zl_vrun *r = W->r;
    struct level L;
    memset(&L, 0, sizeof L);
    size_t from = r->kind == ZL_VDL_SAME_SERVER ? 0 : resp->nan, to = r->kind == ZL_VDL_SAME_SERVER ? resp->nan
                                                                                         : (size_t)resp->nan + resp->nns;
    for (size_t i = from; i < to; i++) {
        const struct zl_vrr *rr = &resp->rr[i];
        struct zl_name t;
        if (rr->type == ZL_T_NS && zl_name_equal(&rr->owner, &r->domain) &&
            zl_name_from_wire(&t, rr->rdata, rr->rdlen) == rr->rdlen)
            level_add(&L, &t);
    }
    if (L.n)
        qsort(L.srv, L.n, sizeof *L.srv, cmp_server);
    for (size_t i = 0; i < L.n; i++) {
        struct zl_vserver *s = &L.srv[i];
        s->in_domain = zl_name_is_subdomain(&s->name, &r->domain);
        glue_from(W, resp, s, true);
        if (s->naddr == 0 && s->in_domain)
            snprintf(s->addr_error, sizeof s->addr_error, "the referral has no glue for it");
        else if (s->naddr == 0)
            lookup(W, &s->name, s);
    }
    r->servers = L.srv;
    r->nservers = L.n;
}

static void kind_of(struct zl_vrun *r, const struct zl_vresp *resp)
{
    struct zl_name cut;
    zl_name_root(&cut);
    bool ns_answer = false;
    for (size_t i = 0; i < resp->nan; i++)
        ns_answer |= resp->rr[i].type == ZL_T_NS && zl_name_equal(&resp->rr[i].owner, &r->domain);
    if (resp->rcode == ZL_VQ_RCODE_NXDOMAIN)
        r->kind = ZL_VDL_NXDOMAIN;
    else if (resp->aa && ns_answer)
        r->kind = ZL_VDL_SAME_SERVER;
    else if (resp->aa)
        r->kind = ZL_VDL_NODATA;
    else
        r->kind = ZL_VDL_REFERRAL;
}

static int fail_message(const struct walker *W, const char *who, char *err, size_t errlen)
{
    char dn[ZL_NAME_TEXT_MAX];
    zl_name_to_text(&W->r->domain, dn);
    if (W->unreachable && !W->timeouts && !W->lame)
        snprintf(err, errlen,
                 "cannot reach %s from this machine (%s): no network? (or give --parent with an address you can "
                 "reach)",
                 who, W->error);
    else if (W->timeouts && !W->lame)
        snprintf(err, errlen, "no answer from %s (%s): is DNS (port %u) blocked?", who, W->error, W->r->port);
    else
        snprintf(err, errlen, "%s gave no usable answer for '%s' NS (%s)", who, dn, W->error);
    return -1;
}

int zl_vdeleg_find(struct zl_vrun *r, const struct zl_vdeleg_opts *o, char *err, size_t errlen)
{
    struct walker W;
    memset(&W, 0, sizeof W);
    W.r = r;
    W.o = o;
    W.budget = WALK_BUDGET;
    if (o->nroots) {
        for (size_t i = 0; i < o->nroots && W.nroots < 32; i++)
            W.roots[W.nroots++] = o->roots[i];
    } else {
        W.nroots = zl_vroot_hints(W.roots, 32, r->port);
    }

    /* --parent is where the walk starts instead of the root: a referral
     * from there further down is followed too */
    struct level L;
    if (o->nparents)
        parents_level(&W, &L);
    else
        roots_level(&W, &L);
    struct zl_vresp first;
    if (walk(&W, &L, &r->domain, ZL_T_NS, true, &first) != 0) {
        level_free(&L);
        return fail_message(&W, o->nparents ? (o->nparents > 1 ? "the --parent servers" : "the --parent server")
                                : o->nroots ? "the --root servers" : "the root servers",
                            err, errlen);
    }
    zl_vresp_free(&first);
    /* the zone whose servers answered: unknown when they are the --parent ones */
    r->parent_named = !(o->nparents && L.zone.nlabels == 0);
    r->parent_zone = L.zone;

    /* every parent server, asked once, in parallel */
    r->parents = zl_xcalloc(L.n + 1, sizeof *r->parents);
    for (size_t i = 0; i < L.n; i++) {
        size_t k = 0;
        while (k < L.srv[i].naddr && !family_ok(&W, &L.srv[i].addr[k]))
            k++;
        if (k == L.srv[i].naddr)
            continue;
        r->parents[r->nparents].srv = L.srv[i];
        r->parents[r->nparents++].used = k;
    }
    level_free(&L);
    zl_vpool_run(r->nparents, r->lim.jobs, ask_parent, r);

    r->answering_parent = r->nparents;
    for (size_t i = 0; i < r->nparents && r->answering_parent == r->nparents; i++) {
        const struct zl_vresp *p = &r->parents[i].resp;
        struct zl_name cut;
        if (usable(p, &r->parent_zone, &r->domain) &&
            (p->aa || p->rcode == ZL_VQ_RCODE_NXDOMAIN ||
             (referral_cut(p, &r->parent_zone, &r->domain, &cut) && zl_name_equal(&cut, &r->domain))))
            r->answering_parent = i;
        else
            note_failure(&W, &r->parents[i].srv.addr[r->parents[i].used], p);
    }
    if (r->answering_parent == r->nparents) {
        char who[ZL_NAME_TEXT_MAX + 64], pz[ZL_NAME_TEXT_MAX];
        if (!r->parent_named)
            snprintf(who, sizeof who, "the --parent server%s", o->nparents > 1 ? "s" : "");
        else
            snprintf(who, sizeof who, "the servers of the parent zone '%s'", (zl_name_to_text(&r->parent_zone, pz), pz));
        return fail_message(&W, r->nparents ? who : "any parent server (-4/-6 left no address)", err, errlen);
    }
    const struct zl_vresp *resp = &r->parents[r->answering_parent].resp;
    kind_of(r, resp);
    /* not a zone of its own: which zone serves it (the SOA of the NODATA answer) */
    for (size_t i = resp->nan; r->kind == ZL_VDL_NODATA && i < (size_t)resp->nan + resp->nns; i++)
        if (resp->rr[i].type == ZL_T_SOA && zl_name_is_subdomain(&r->domain, &resp->rr[i].owner) &&
            !zl_name_equal(&r->domain, &resp->rr[i].owner)) {
            r->have_enclosing = true;
            r->enclosing = resp->rr[i].owner;
        }
    if (r->kind == ZL_VDL_REFERRAL || r->kind == ZL_VDL_SAME_SERVER)
        take_servers(&W, resp);
    return 0;
}
