/* SPDX-License-Identifier: MIT */
/* What verify expects of one name and type, and of the zone as a whole:
 * the data itself, shared by building it (expect.c) and judging answers
 * against it (rrcmp.c, judge*.c). */
#ifndef ZL_VERIFY_EXPECTATION_H
#define ZL_VERIFY_EXPECTATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/loc.h"
#include "base/names.h"

/* How served records are judged against an expectation. */
enum zl_vmatch {
    ZL_VM_RRSET,     /* --zone: the served RRset is the file's (values compare as RDATA) */
    ZL_VM_VALUE,     /* SES: one served record has this value; others may sit beside it */
    ZL_VM_SES_MX,    /* SES MAIL FROM: an MX to feedback-smtp.<region>.amazonses.com. */
    ZL_VM_SES_SPF,   /* SES MAIL FROM: a v=spf1 TXT that includes amazonses.com */
    ZL_VM_DKIM_KEY,  /* SES BYODKIM: a TXT with a p= public key */
};

struct zl_vvalue {
    uint8_t *rdata;            /* owned */
    uint16_t rdlen;
    uint32_t ttl;
    struct zl_span span;       /* the record as written (zone), or the identity file's line */
    struct zl_span value_span; /* its RDATA as written */
};

struct zl_vexpect {
    struct zl_name name;
    uint16_t type;
    enum zl_vmatch match;
    struct zl_vvalue *v;       /* ZL_VM_RRSET, ZL_VM_VALUE: the values; the predicates: an example */
    size_t nv;
    char what[64];             /* "Easy DKIM, token 1 of 3" for SES; "" for zone records */
    bool subset;               /* ZL_VM_RRSET with --records=mail: the file's values must be served;
                                  others beside them (a site-verification TXT) are not its business */
    bool have_ttl;             /* from the zone: the RRset's TTL (its first record's) */
    uint32_t ttl;
    bool unless_dkim;          /* the legacy _amazonses TXT: needed only while DKIM is not in place */
    bool dkim;                 /* an SES DKIM record (for unless_dkim) */
    bool proxied;              /* --zone is a Cloudflare export and this record is proxied there */
    struct zl_span span;       /* where findings about it point (zero: nowhere) */
};

/* A/AAAA records of the zone file (for the glue of in-zone name servers). */
struct zl_vaddr_rec {
    struct zl_name owner;
    uint16_t type;
    uint8_t a[16];
    struct zl_span span;
};

struct zl_vexpects {
    struct zl_vexpect *v;
    size_t n, cap;

    /* From --zone, when given: */
    bool have_zone;
    const char *zone_path;
    bool have_soa;
    uint32_t serial, soa_minimum;
    struct zl_name mname;
    struct zl_span soa_span, serial_span;
    struct zl_name *ns;        /* apex NS targets, deduplicated, in file order */
    struct zl_span *ns_span;   /* each one's record */
    size_t nns;
    struct zl_vaddr_rec *addrs;
    size_t naddrs;
    unsigned long skipped_cut, skipped_dnssec, skipped_other; /* records not expected, and why */
    unsigned long skipped_proxied;  /* Cloudflare-proxied (answered with Cloudflare's addresses) */
};

#endif
