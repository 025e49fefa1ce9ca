/* SPDX-License-Identifier: MIT */
/* One question, one server, one attempt, with ldns (NLnet Labs): ldns
 * builds the packet (EDNS0, RD as asked), sends it over UDP and, when the
 * answer comes back truncated, asks again over TCP, as dig does. The reply
 * must carry the query's ID and question, or it is not the answer. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <ldns/ldns.h>

#include "verify/query.h"

const char *zl_vaddr_text(const struct zl_vaddr *a, bool with_port, char out[ZL_VADDR_TEXT_MAX])
{
    char ip[INET6_ADDRSTRLEN];
    if (!inet_ntop(a->family, a->a, ip, sizeof ip))
        snprintf(ip, sizeof ip, "?");
    if (!with_port)
        snprintf(out, ZL_VADDR_TEXT_MAX, "%s", ip);
    else if (a->family == AF_INET6)
        snprintf(out, ZL_VADDR_TEXT_MAX, "[%s]:%u", ip, a->port);
    else
        snprintf(out, ZL_VADDR_TEXT_MAX, "%s:%u", ip, a->port);
    return out;
}

static int parse_port(const char *s, uint16_t *port)
{
    char *end;
    if (!*s || *s == '+' || *s == '-')
        return -1;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end || v == 0 || v > 65535)
        return -1;
    *port = (uint16_t)v;
    return 0;
}

int zl_vaddr_parse(const char *s, uint16_t default_port, struct zl_vaddr *out)
{
    char host[INET6_ADDRSTRLEN + 1];
    memset(out, 0, sizeof *out);
    out->port = default_port;
    const char *port = NULL;
    size_t n;
    if (s[0] == '[') {
        const char *close = strchr(s, ']');
        if (!close || (close[1] && close[1] != ':'))
            return -1;
        n = (size_t)(close - s - 1);
        if (n >= sizeof host)
            return -1;
        memcpy(host, s + 1, n);
        host[n] = '\0';
        if (close[1] == ':')
            port = close + 2;
        if (inet_pton(AF_INET6, host, out->a) != 1)
            return -1;
        out->family = AF_INET6;
    } else {
        const char *colon = strchr(s, ':');
        if (colon && strchr(colon + 1, ':')) { /* two colons: a bare IPv6 address */
            if (strlen(s) >= sizeof host || inet_pton(AF_INET6, s, out->a) != 1)
                return -1;
            out->family = AF_INET6;
        } else {
            n = colon ? (size_t)(colon - s) : strlen(s);
            if (n >= sizeof host)
                return -1;
            memcpy(host, s, n);
            host[n] = '\0';
            if (colon)
                port = colon + 1;
            if (inet_pton(AF_INET, host, out->a) != 1)
                return -1;
            out->family = AF_INET;
        }
    }
    if (port && parse_port(port, &out->port) != 0)
        return -1;
    return 0;
}

bool zl_vaddr_equal(const struct zl_vaddr *a, const struct zl_vaddr *b)
{
    size_t n = a->family == AF_INET ? 4 : 16;
    return a->family == b->family && a->port == b->port && memcmp(a->a, b->a, n) == 0;
}

void zl_vresp_free(struct zl_vresp *r)
{
    if (!r)
        return;
    size_t n = (size_t)r->nan + r->nns + r->nar;
    for (size_t i = 0; i < n; i++)
        free(r->rr[i].rdata);
    free(r->rr);
    memset(r, 0, sizeof *r);
}

void zl_vresp_copy(struct zl_vresp *dst, const struct zl_vresp *src)
{
    *dst = *src;
    size_t n = (size_t)src->nan + src->nns + src->nar;
    dst->rr = NULL;
    if (!n)
        return;
    dst->rr = zl_xcalloc(n, sizeof *dst->rr);
    for (size_t i = 0; i < n; i++) {
        dst->rr[i] = src->rr[i];
        dst->rr[i].rdata = zl_xmalloc(src->rr[i].rdlen ? src->rr[i].rdlen : 1);
        if (src->rr[i].rdlen)
            memcpy(dst->rr[i].rdata, src->rr[i].rdata, src->rr[i].rdlen);
    }
}

const char *zl_vq_rcode_name(unsigned rcode, char out[16])
{
    static const char *const names[] = { "NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP",
                                         "REFUSED", "YXDOMAIN", "YXRRSET", "NXRRSET", "NOTAUTH",
                                         "NOTZONE" };
    if (rcode < sizeof names / sizeof names[0])
        snprintf(out, 16, "%s", names[rcode]);
    else
        snprintf(out, 16, "RCODE%u", rcode);
    return out;
}

static bool name_of_rdf(const ldns_rdf *d, struct zl_name *out)
{
    return d && ldns_rdf_get_type(d) == LDNS_RDF_TYPE_DNAME &&
           zl_name_from_wire(out, ldns_rdf_data(d), ldns_rdf_size(d)) == ldns_rdf_size(d);
}

/* Copies one section; false when a record cannot be represented. */
static bool copy_section(const ldns_rr_list *l, struct zl_vrr *out, size_t n, ldns_buffer *scratch)
{
    for (size_t i = 0; i < n; i++) {
        const ldns_rr *rr = ldns_rr_list_rr(l, i);
        struct zl_vrr *v = &out[i];
        if (!name_of_rdf(ldns_rr_owner(rr), &v->owner))
            return false;
        v->type = (uint16_t)ldns_rr_get_type(rr);
        v->rclass = (uint16_t)ldns_rr_get_class(rr);
        v->ttl = ldns_rr_ttl(rr);
        ldns_buffer_clear(scratch);
        if (ldns_rr_rdata2buffer_wire(scratch, rr) != LDNS_STATUS_OK || ldns_buffer_position(scratch) > 65535)
            return false;
        v->rdlen = (uint16_t)ldns_buffer_position(scratch);
        v->rdata = zl_xmalloc(v->rdlen ? v->rdlen : 1);
        if (v->rdlen)
            memcpy(v->rdata, ldns_buffer_begin(scratch), v->rdlen);
    }
    return true;
}

static size_t count(const ldns_rr_list *l)
{
    return l ? ldns_rr_list_rr_count(l) : 0;
}

/* The reply into *out; false (and *out without records) when it is not a
 * reply to this question or cannot be represented. */
static bool take_reply(const ldns_pkt *q, const ldns_pkt *a, struct zl_vresp *out)
{
    const ldns_rr_list *qs = ldns_pkt_question(a);
    if (!ldns_pkt_qr(a) || ldns_pkt_id(a) != ldns_pkt_id(q) || count(qs) != 1) {
        snprintf(out->error, sizeof out->error, "the reply does not match the query (ID or question)");
        return false;
    }
    const ldns_rr *qa = ldns_rr_list_rr(qs, 0), *qq = ldns_rr_list_rr(ldns_pkt_question(q), 0);
    if (ldns_rr_get_type(qa) != ldns_rr_get_type(qq) || ldns_dname_compare(ldns_rr_owner(qa), ldns_rr_owner(qq)) != 0) {
        snprintf(out->error, sizeof out->error, "the reply is for another question");
        return false;
    }
    const ldns_rr_list *an = ldns_pkt_answer(a), *ns = ldns_pkt_authority(a), *ar = ldns_pkt_additional(a);
    size_t nan = count(an), nns = count(ns), nar = count(ar);
    if (nan > 65535 || nns > 65535 || nar > 65535)
        return false;
    out->rcode = (uint8_t)ldns_pkt_get_rcode(a);
    out->aa = ldns_pkt_aa(a);
    out->tc = ldns_pkt_tc(a);
    out->ra = ldns_pkt_ra(a);
    out->rr = zl_xcalloc(nan + nns + nar + 1, sizeof *out->rr);
    out->nan = (uint16_t)nan;
    out->nns = (uint16_t)nns;
    out->nar = (uint16_t)nar;
    ldns_buffer *scratch = ldns_buffer_new(512);
    bool ok = scratch && copy_section(an, out->rr, nan, scratch) && copy_section(ns, out->rr + nan, nns, scratch) &&
              copy_section(ar, out->rr + nan + nns, nar, scratch);
    if (scratch)
        ldns_buffer_free(scratch);
    if (!ok) {
        zl_vresp_free(out);
        snprintf(out->error, sizeof out->error, "the reply holds a record that cannot be read");
    }
    return ok;
}

/* Sends q once over UDP (or TCP with usevc) to the resolver's one server. */
static ldns_status send_once(ldns_resolver *r, ldns_pkt *q, bool tcp, ldns_pkt **a, int *err)
{
    ldns_resolver_set_usevc(r, tcp);
    /* A failed send marks the server unreachable inside ldns: undo that. */
    ldns_resolver_set_nameserver_rtt(r, 0, LDNS_RESOLV_RTT_MIN);
    errno = 0;
    ldns_status st = ldns_send(a, r, q);
    *err = errno;
    return st;
}

void zl_vq_ask(const struct zl_vaddr *to, const struct zl_name *qname, uint16_t qtype,
               const struct zl_vq_opts *o, struct zl_vresp *out)
{
    memset(out, 0, sizeof *out);
    out->attempts = 1;
    ldns_rdf *qn = ldns_rdf_new_frm_data(LDNS_RDF_TYPE_DNAME, qname->len, qname->wire);
    ldns_pkt *q = qn ? ldns_pkt_query_new(qn, (ldns_rr_type)qtype, LDNS_RR_CLASS_IN, o->rd ? LDNS_RD : 0) : NULL;
    ldns_resolver *r = ldns_resolver_new();
    ldns_rdf *ns = ldns_rdf_new_frm_data(to->family == AF_INET ? LDNS_RDF_TYPE_A : LDNS_RDF_TYPE_AAAA,
                                         to->family == AF_INET ? 4 : 16, to->a);
    if (!q || !r || !ns || ldns_resolver_push_nameserver(r, ns) != LDNS_STATUS_OK) {
        if (!q && qn)
            ldns_rdf_deep_free(qn);
        out->status = ZL_VQ_BAD_REPLY;
        snprintf(out->error, sizeof out->error, "out of memory building the query");
        goto done;
    }
    ldns_pkt_set_random_id(q);
    ldns_pkt_set_rd(q, o->rd);
    ldns_pkt_set_edns_udp_size(q, o->edns_size ? o->edns_size : 1232);
    ldns_resolver_set_port(r, to->port);
    ldns_resolver_set_retry(r, 1);
    ldns_resolver_set_retrans(r, 0);
    ldns_resolver_set_fallback(r, false); /* TC is handled below, so we know which transport answered */
    ldns_resolver_set_random(r, false);
    struct timeval tv = { (time_t)(o->timeout_ms / 1000), (suseconds_t)(o->timeout_ms % 1000) * 1000 };
    ldns_resolver_set_timeout(r, tv);

    ldns_pkt *a = NULL;
    int err = 0;
    ldns_status st = send_once(r, q, false, &a, &err);
    if (st == LDNS_STATUS_OK && a && ldns_pkt_tc(a)) {
        ldns_pkt_free(a);
        a = NULL;
        out->tcp = true;
        st = send_once(r, q, true, &a, &err);
    }
    if (st == LDNS_STATUS_OK && a) {
        out->status = take_reply(q, a, out) ? ZL_VQ_OK : ZL_VQ_BAD_REPLY;
    } else if (out->tcp) {
        /* A server whose TCP does not work cannot give the whole answer. */
        out->status = ZL_VQ_BAD_REPLY;
        char why[64];
        if (st == LDNS_STATUS_NETWORK_ERR)
            snprintf(why, sizeof why, "no answer within %u ms", o->timeout_ms);
        else
            snprintf(why, sizeof why, "%s", err ? strerror(err) : ldns_get_errorstr_by_id(st));
        snprintf(out->error, sizeof out->error, "the UDP answer was truncated and TCP failed: %s", why);
    } else if (st == LDNS_STATUS_SOCKET_ERROR || st == LDNS_STATUS_RES_NO_NS) {
        /* sendto failed at once: no route, or the address family is not configured */
        out->status = ZL_VQ_UNREACHABLE;
        snprintf(out->error, sizeof out->error, "%s", err ? strerror(err) : "cannot send");
    } else if (st == LDNS_STATUS_NETWORK_ERR) {
        out->status = ZL_VQ_TIMEOUT;
        snprintf(out->error, sizeof out->error, "no answer within %u ms", o->timeout_ms);
    } else {
        out->status = ZL_VQ_BAD_REPLY;
        snprintf(out->error, sizeof out->error, "%s", ldns_get_errorstr_by_id(st));
    }
    if (a)
        ldns_pkt_free(a);
done:
    if (ns)
        ldns_rdf_deep_free(ns);
    if (r)
        ldns_resolver_deep_free(r);
    if (q)
        ldns_pkt_free(q);
}
