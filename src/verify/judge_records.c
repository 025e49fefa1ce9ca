/* SPDX-License-Identifier: MIT */
/* Judging the expected records on every server address (grouped: the
 * addresses that answered alike share one finding), what a --resolver
 * still caches, and what could not be checked. */
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

#define MAXRR 64

static void rdata_text(struct zl_buf *b, uint16_t type, const uint8_t *rd, size_t len)
{
    zl_vrdata_text(type, rd, len, b);
}

/* ---- the expected records ------------------------------------------------------------------------- */

enum okind {
    K_OK,
    K_SKIP,   /* not asked: lame, stopped, deadline (counted by judge_incomplete) */
    K_FAILED, /* asked, no usable reply */
    K_NXDOMAIN,
    K_NODATA,
    K_REFERRAL,
    K_RCODE,
    K_CNAME, /* a CNAME where another type is expected */
    K_TXT,   /* a TXT where a CNAME is expected */
    K_MISMATCH,
    K_VALUE_APPENDED, /* a CNAME-like value with the domain appended */
    K_DOUBLED,        /* found at NAME.DOMAIN. */
    K_SWAPPED,        /* found at TARGET.DOMAIN. */
};

struct outc {
    enum okind k;
    uint64_t fp; /* what was served, to group equal outcomes */
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

static void outcome(const struct zl_vj *J, const struct zl_vexpect *e, const struct zl_vcheck *c, struct outc *o)
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
    zl_buf_printf(b, "'%s' %s", zl_vj_ntext(&e->name, n), zl_type_to_text(e->type, t));
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
static void mismatch_notes(struct zl_diag *d, const struct zl_vj *J, const struct zl_vexpect *e, const struct outc *o)
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

static void report_group(struct zl_vj *J, const struct zl_vexpect *e, const struct outc *o, const size_t *grp,
                         size_t ng, const size_t *okt, size_t nok)
{
    const struct zl_vrun *r = J->r;
    struct zl_buf who = { 0 }, subj = { 0 }, good = { 0 }, want = { 0 }, got = { 0 };
    zl_vj_targets(J, grp, ng, &who);
    subject(e, &subj);
    if (nok)
        zl_vj_targets(J, okt, nok, &good);
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
        d = zl_vj_emit(J, ZL_RULE_REF(ZL6006), &e->span, "%s is not served by %s: %s", S, W,
                       o->k == K_NXDOMAIN ? "NXDOMAIN (the name does not exist there)"
                       : o->k == K_NODATA ? "NODATA (the name exists, without a record of this type)"
                                          : "the server refers the name to another zone's servers (a delegation the "
                                            "expectation does not know)");
        if (nok)
            NOTE(d,
                 "%s serve%s it: where it is missing, the zone is an older or another copy (compare the SOA "
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
        d = zl_vj_emit(J, ZL_RULE_REF(ZL6006), &e->span, "%s is not served by %s: %s", S, W,
                       o->rcode ? zl_vq_rcode_name(o->rcode, rc) : "an answer without authority (no AA flag)");
        dtype = e->type;
        dname = &e->name;
        break;
    case K_CNAME:
        d = zl_vj_emit(J, ZL_RULE_REF(ZL6008), &e->span,
                       "%s is answered with a CNAME to %s on %s; %s a %s record there", S, G, W, whose(e),
                       zl_type_to_text(e->type, tt));
        NOTE(d, "a CNAME hides every other record at its name: replace it with the %s record", tt);
        dtype = e->type;
        dname = &e->name;
        break;
    case K_TXT:
        d = zl_vj_emit(J, ZL_RULE_REF(ZL6008), &e->span, "%s is a TXT record on %s (%s), not the CNAME %s", S, W, G,
                       e->what[0] ? "SES expects" : "this file has");
        NOTE(d, "publish it as a CNAME to %s: a TXT record holding the value is not what is looked up", E);
        dtype = ZL_T_TXT;
        dname = &e->name;
        break;
    case K_MISMATCH:
        if (e->match == ZL_VM_RRSET && o->m.nmissing == 0 && o->m.nextra) {
            /* the file's values are all there, with more beside them */
            struct zl_buf extra = { 0 };
            for (size_t k = 0; k < o->m.nextra && k < 8; k++) {
                if (k)
                    zl_buf_puts(&extra, ", ");
                rdata_text(&extra, e->type, o->got[o->m.extra[k]]->rdata, o->got[o->m.extra[k]]->rdlen);
            }
            d = zl_vj_emit(J, ZL_RULE_REF(ZL6007), value_anchor(e),
                           "%s on %s also has %s, which this file does not: the zone served is not this file", S, W,
                           zl_buf_cstr(&extra));
            NOTE(d, "added at the provider and not in git, or removed from git and not deployed; with "
                    "--records=mail only the file's own values are required");
            zl_buf_free(&extra);
        } else {
            d = zl_vj_emit(J, ZL_RULE_REF(ZL6007), value_anchor(e), "%s on %s is %s; %s %s", S, W, G, whose(e), E);
            mismatch_notes(d, J, e, o);
        }
        dtype = e->type;
        dname = &e->name;
        break;
    case K_VALUE_APPENDED:
        d = zl_vj_emit(J, ZL_RULE_REF(ZL6010), value_anchor(e), "%s on %s points to %s; %s %s", S, W, G, whose(e), E);
        mismatch_notes(d, J, e, o);
        dtype = e->type;
        dname = &e->name;
        break;
    case K_DOUBLED:
        zl_vappend(&e->name, &r->domain, &an);
        d = zl_vj_emit(J, ZL_RULE_REF(ZL6010), &e->span,
                       "%s is not served by %s, but '%s' is: the provider appended the domain to a name that already "
                       "ended in it",
                       S, W, zl_vj_ntext(&an, alt));
        if (zl_name_strip_origin(&e->name, &r->domain, &head)) {
            size_t l = zl_name_to_text(&head, rel);
            if (l > 1 && rel[l - 1] == '.')
                rel[l - 1] = '\0';
            NOTE(d,
                 "type '%s' in the provider's name field (the name without '%.*s'), or the full name with a "
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
        d = zl_vj_emit(J, ZL_RULE_REF(ZL6010), &e->span,
                       "%s is not served by %s, but '%s' has a CNAME to %s: name and value were entered the other way "
                       "round, and the provider appended the domain",
                       S, W, zl_vj_ntext(&an, alt), G);
        if (zl_name_strip_origin(&e->name, &r->domain, &head)) {
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
    zl_vj_dig_note(d, first, dtype, dname, false);
    zl_buf_free(&who);
    zl_buf_free(&subj);
    zl_buf_free(&good);
    zl_buf_free(&want);
    zl_buf_free(&got);
}

/* The SES DKIM records are all served right on target t (the legacy TXT is
 * then not needed there). */
static bool dkim_ok_on(const struct zl_vj *J, size_t t)
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

void zl_vj_records(struct zl_vj *J)
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
            zl_vj_targets(J, grp, ng, &who);
            subject(e, &subj);
            struct zl_diag *d =
                zl_vj_emit(J, ZL_RULE_REF(ZL6009), &e->span, "%s is served with TTL %u on %s; this file says %u",
                           zl_buf_cstr(&subj), oc[t].m.served_ttl, zl_buf_cstr(&who), e->ttl);
            NOTE(d, "the value is right; the provider may impose its own TTL, or the file changed since the deploy");
            zl_vj_dig_note(d, &r->targets[t].addr, e->type, &e->name, false);
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

void zl_vj_resolver(struct zl_vj *J)
{
    const struct zl_vrun *r = J->r;
    const struct zl_vexpects *x = J->x;
    if (!r->have_resolver || !x)
        return;
    char ra[ZL_VADDR_TEXT_MAX];
    zl_vaddr_text(&r->resolver, false, ra);
    /* the zone's negative-caching TTL: min(SOA TTL, SOA minimum), RFC 2308 */
    long neg = -1;
    const char *from = "the SOA minimum";
    for (size_t t = 0; t < r->ntargets && neg < 0; t++)
        if (J->ok[t] && J->soa[t].ok) {
            neg = J->soa[t].ttl < J->soa[t].minimum ? J->soa[t].ttl : J->soa[t].minimum;
            if (J->soa[t].ttl < J->soa[t].minimum)
                from = "the SOA's TTL (below its minimum)";
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
                d = zl_vj_emit(
                    J, ZL_RULE_REF(ZL6011), &e->span,
                    "the resolver %s still answers %s for %s, which the delegated servers serve: SES may still "
                    "see the old %s for up to %s, %ld seconds",
                    ra, k == ZL_VANS_NXDOMAIN ? "NXDOMAIN" : "NODATA", zl_buf_cstr(&subj),
                    k == ZL_VANS_NXDOMAIN ? "NXDOMAIN" : "NODATA", from, neg);
            else
                d = zl_vj_emit(J, ZL_RULE_REF(ZL6011), &e->span,
                               "the resolver %s still answers %s for %s, which the delegated servers serve", ra,
                               k == ZL_VANS_NXDOMAIN ? "NXDOMAIN" : "NODATA", zl_buf_cstr(&subj));
            if (left >= 0)
                NOTE(d, "its answer caches the negative result for %ld more seconds (the TTL of the SOA in it)", left);
            zl_vj_dig_note(d, &r->resolver, e->type, &e->name, true);
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
            d = zl_vj_emit(
                J, ZL_RULE_REF(ZL6011), &e->span,
                "the resolver %s answers %s for %s, but the delegated servers serve %s: it has the old answer "
                "cached",
                ra, zl_buf_cstr(&got), zl_buf_cstr(&subj), zl_buf_cstr(&want));
            if (o.ngot)
                NOTE(d, "for up to %u more seconds (the TTL in its answer)", o.got[0]->ttl);
            zl_vj_dig_note(d, &r->resolver, e->type, &e->name, true);
            zl_buf_free(&got);
            zl_buf_free(&want);
        } else if (k == ZL_VANS_RCODE && res->rcode == ZL_VQ_RCODE_SERVFAIL) {
            d = zl_vj_emit(J, ZL_RULE_REF(ZL6011), &e->span,
                           "the resolver %s answers SERVFAIL for %s, which the delegated servers serve: a DNSSEC "
                           "validation failure, or a lame server it ran into",
                           ra, zl_buf_cstr(&subj));
            zl_vj_dig_note(d, &r->resolver, e->type, &e->name, true);
        }
    next:
        zl_buf_free(&subj);
    }
    if (failed)
        zl_vj_emit(J, ZL_RULE_REF(ZL6012), NULL, "the resolver %s did not answer %u question%s (%s): not compared", ra,
                   failed, zl_vj_plural(failed), r->resolved[0].error);
}

/* ---- what was not checked ------------------------------------------------------------------------------ */

void zl_vj_incomplete(struct zl_vj *J)
{
    const struct zl_vrun *r = J->r;
    size_t nx = J->x ? J->x->n : 0;
    char lab[ZL_NAME_TEXT_MAX + 80];
    for (size_t t = 0; t < r->ntargets; t++) {
        const struct zl_vtarget *tg = &r->targets[t];
        const struct zl_vserver *s = &r->servers[tg->server];
        zl_vtarget_label(r, tg, lab, sizeof lab);
        if (tg->soa.status == ZL_VQ_DEADLINE) {
            zl_vj_emit(J, ZL_RULE_REF(ZL6012), zl_vj_ns_anchor(J, s->named ? &s->name : NULL),
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
        struct zl_diag *d = zl_vj_emit(J, ZL_RULE_REF(ZL6012), zl_vj_ns_anchor(J, s->named ? &s->name : NULL),
                                       "%zu of %zu expected record%s could not be checked on %s: %s",
                                       skipped + failed + deadline, nx, zl_vj_plural(nx), lab,
                                       deadline      ? "the deadline passed"
                                       : tg->stopped ? "it stopped answering (questions in a row timed out)"
                                                     : "its answers failed");
        if (err)
            NOTE(d, "the last failure: %s", err);
        if (deadline)
            NOTE(d,
                 "the run's deadline was %.1f s: give a longer --deadline, or a higher --rate (now %u a second "
                 "per server)",
                 r->lim.deadline_total_ms / 1000.0, r->lim.rate);
    }
}

/* ---- the whole run ------------------------------------------------------------------------------------------ */
