/* SPDX-License-Identifier: MIT */
/* One DNS question to one server, through ldns: the query packet, UDP with
 * EDNS0 and TCP when the answer is truncated, IPv4 or IPv6, RD set or not.
 * The answer is copied into plain structs (names as zl_name, RDATA as wire
 * bytes), so nothing past this file sees ldns. One attempt per call: the
 * caller (verify/pool.c) owns retries, rate limits and the deadline. */
#ifndef ZL_VERIFY_QUERY_H
#define ZL_VERIFY_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/names.h"

/* A server address: what dig writes after '@'. */
struct zl_vaddr {
    int family;                /* AF_INET or AF_INET6 */
    uint8_t a[16];
    uint16_t port;
};

#define ZL_VADDR_TEXT_MAX 64

/* "192.0.2.1", "2001:db8::1"; with_port adds ":5300" / "[2001:db8::1]:5300". */
const char *zl_vaddr_text(const struct zl_vaddr *a, bool with_port, char out[ZL_VADDR_TEXT_MAX]);
/* "ADDR", "ADDR:PORT", "[V6]:PORT" or a bare IPv6 address; port 0 in the
 * text is refused. Returns 0, or -1. */
int zl_vaddr_parse(const char *s, uint16_t default_port, struct zl_vaddr *out);
bool zl_vaddr_equal(const struct zl_vaddr *a, const struct zl_vaddr *b);

/* One resource record of an answer. */
struct zl_vrr {
    struct zl_name owner;
    uint16_t type, rclass;
    uint32_t ttl;
    uint16_t rdlen;
    uint8_t *rdata;            /* owned; uncompressed wire RDATA */
};

enum zl_vq_status {
    ZL_VQ_NOT_ASKED = 0,       /* the query was not made (an earlier answer made it moot) */
    ZL_VQ_OK,                  /* a reply that matches the question */
    ZL_VQ_TIMEOUT,             /* no reply within the timeout, every attempt */
    ZL_VQ_UNREACHABLE,         /* could not send at all: no route from this machine */
    ZL_VQ_BAD_REPLY,           /* a reply that does not parse or does not match the question */
    ZL_VQ_DEADLINE,            /* not made: the run's deadline had passed */
};

/* A reply, sections in one array: answer [0, nan), authority [nan,
 * nan+nns), additional after that (OPT is not kept). */
struct zl_vresp {
    enum zl_vq_status status;
    char error[160];           /* for TIMEOUT/UNREACHABLE/BAD_REPLY */
    uint8_t rcode;             /* LDNS_RCODE_*: 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED */
    bool aa, tc, ra, tcp;      /* tcp: the answer came over TCP (UDP was truncated) */
    unsigned attempts;
    struct zl_vrr *rr;
    uint16_t nan, nns, nar;
};

void zl_vresp_free(struct zl_vresp *r);
/* Deep copy (for results kept by several owners). */
void zl_vresp_copy(struct zl_vresp *dst, const struct zl_vresp *src);

struct zl_vq_opts {
    unsigned timeout_ms;       /* per attempt */
    bool rd;                   /* recursion desired (only for --resolver) */
    uint16_t edns_size;        /* EDNS0 UDP payload size advertised; 0: 1232 */
};

/* One attempt: sends qname/qtype IN to `to` and waits at most
 * o->timeout_ms; fills *out (status, and for OK the reply). */
void zl_vq_ask(const struct zl_vaddr *to, const struct zl_name *qname, uint16_t qtype,
               const struct zl_vq_opts *o, struct zl_vresp *out);

/* "NOERROR", "SERVFAIL", "NXDOMAIN", "REFUSED", ... or "RCODE19". */
const char *zl_vq_rcode_name(unsigned rcode, char out[16]);

enum { ZL_VQ_RCODE_NOERROR = 0, ZL_VQ_RCODE_FORMERR = 1, ZL_VQ_RCODE_SERVFAIL = 2, ZL_VQ_RCODE_NXDOMAIN = 3,
       ZL_VQ_RCODE_NOTIMP = 4, ZL_VQ_RCODE_REFUSED = 5 };

#endif
