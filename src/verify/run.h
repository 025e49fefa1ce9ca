/* SPDX-License-Identifier: MIT */
/* One `verify` run: the delegation found at the parent, the delegated
 * servers and what each of their addresses answered, and what the
 * optional resolver answered. Filled by verify/deleg.c (the parent) and
 * verify/ask.c (the servers); judged by verify/findings.c, which sees only
 * this struct, so the judging is tested without a network. */
#ifndef ZL_VERIFY_RUN_H
#define ZL_VERIFY_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/names.h"
#include "verify/expect.h"
#include "verify/pool.h"
#include "verify/query.h"

#define ZL_VMAX_ADDRS 8
#define ZL_VMAX_SERVERS 32

struct zl_vserver {
    struct zl_name name;
    bool named;                         /* false: given as an address (--parent) */
    struct zl_vaddr addr[ZL_VMAX_ADDRS];
    bool glued[ZL_VMAX_ADDRS];          /* the address came with the referral */
    size_t naddr;
    bool in_domain;                     /* the name is inside the verified zone: it needs glue */
    char addr_error[128];               /* naddr == 0: why no address is known */
};

/* What a server address answered about one expectation. The follow-up
 * questions are asked only for a missing record (NULL otherwise), so a
 * large zone costs one reply per record and server. */
struct zl_vcheck {
    struct zl_vresp main;               /* NAME TYPE */
    struct zl_vresp *doubled;           /* NAME.DOMAIN. TYPE, when NAME is missing */
    struct zl_vresp *swapped;           /* TARGET.DOMAIN. CNAME, when a CNAME is missing */
    struct zl_vresp *probe;             /* NAME TXT, when a CNAME is missing but the name exists */
};

/* One address of one delegated server. */
struct zl_vtarget {
    size_t server;                      /* index in run->servers */
    struct zl_vaddr addr;
    struct zl_vresp soa, ns;
    struct zl_vresp *glue;              /* per delegated name server inside the zone: A, AAAA */
    struct zl_vcheck *checks;           /* per expectation */
    bool stopped;                       /* gave up after repeated timeouts */
};

enum zl_vdeleg_kind {
    ZL_VDL_REFERRAL,                    /* the parent refers to the zone's servers */
    ZL_VDL_SAME_SERVER,                 /* the parent's server is authoritative for the zone itself */
    ZL_VDL_NXDOMAIN,                    /* the name does not exist in the parent zone */
    ZL_VDL_NODATA,                      /* the name exists in the parent zone but is not delegated */
};

/* One parent server, asked for the delegation. */
struct zl_vparent {
    struct zl_vserver srv;
    size_t used;                        /* the address asked */
    struct zl_vresp resp;
};

struct zl_vrun {
    struct zl_name domain;
    uint16_t port;                      /* --port: every query */
    struct zl_vlimits lim;

    /* the parent */
    enum zl_vdeleg_kind kind;
    bool parent_named;                  /* parent_zone is known (the walk from the root) */
    struct zl_name parent_zone;
    struct zl_vparent *parents;
    size_t nparents;
    size_t answering_parent;            /* whose answer is the delegation */
    bool have_enclosing;                /* NODATA: the zone that serves the name instead */
    struct zl_name enclosing;

    /* the delegated servers (sorted by name) and their addresses */
    struct zl_vserver *servers;
    size_t nservers;
    struct zl_vtarget *targets;
    size_t ntargets;
    size_t *glue_ns;                    /* the in-zone servers whose A/AAAA each target is asked */
    size_t nglue_ns;

    const struct zl_vexpects *x;

    /* --resolver */
    bool have_resolver;
    struct zl_vaddr resolver;
    struct zl_vresp *resolved;          /* per expectation */

    unsigned long queries;              /* sent, for the summary */
};

void zl_vrun_free(struct zl_vrun *r);
/* Forgets the parents and servers found (before asking the servers), to
 * look for another domain's delegation with the same settings. */
void zl_vrun_reset_delegation(struct zl_vrun *r);

/* "ns1.example.com. (192.0.2.1)", or "192.0.2.1" for an unnamed server. */
const char *zl_vtarget_label(const struct zl_vrun *r, const struct zl_vtarget *t, char *out, size_t cap);

/* What an answer says about qname/qtype. */
enum zl_vans {
    ZL_VANS_DATA,                       /* records of qtype at qname */
    ZL_VANS_CNAME,                      /* a CNAME at qname (qtype is not CNAME) */
    ZL_VANS_NXDOMAIN,
    ZL_VANS_NODATA,
    ZL_VANS_REFERRAL,                   /* not authoritative: NS records of a zone further down */
    ZL_VANS_NOT_AUTH,                   /* NOERROR without AA and without a referral */
    ZL_VANS_RCODE,                      /* REFUSED, SERVFAIL, ... */
    ZL_VANS_FAILED,                     /* no reply (status is not OK) */
};

/* need_aa: an authoritative server's answer (without AA it is a referral
 * or NOT_AUTH); false for a resolver's. */
enum zl_vans zl_vclassify(const struct zl_vresp *r, const struct zl_name *qname, uint16_t qtype, bool need_aa);

/* The records of type at owner in the answer section (pointers into r),
 * at most cap; returns how many there are. */
size_t zl_vresp_rrset(const struct zl_vresp *r, const struct zl_name *owner, uint16_t type,
                      const struct zl_vrr **out, size_t cap);

/* name + "." + domain, false when too long. */
bool zl_vappend(const struct zl_name *name, const struct zl_name *domain, struct zl_name *out);

#endif
