/* What `verify` expects the delegated servers to serve: every RRset of
 * --zone (or only its mail-authentication records), the records SES looks
 * up for --ses-identity, and the zone's own SOA and apex NS. Values are
 * wire RDATA made by zonelint's parser from the text as written (the zone
 * file, or a line built from the SES identity), so served answers compare
 * as RDATA (verify/rrcmp.h). */
#ifndef ZL_VERIFY_EXPECT_H
#define ZL_VERIFY_EXPECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "lint.h"
#include "loc.h"
#include "names.h"
#include "ses_identity.h"
#include "source.h"

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

enum zl_vrecords { ZL_VREC_ALL, ZL_VREC_MAIL };

struct zl_vexpect_opts {
    const struct zl_name *domain;
    const char *zone_path;      /* --zone, or NULL */
    int input_format;           /* enum zl_input_format; ZL_INPUT_AUTO detects */
    enum zl_dialect dialect;
    enum zl_vrecords records;
    const struct zl_ses_expect *ses; /* --ses-identity, or NULL */
    const char *const *ses_paths;    /* the identity files, to point findings at their lines */
    size_t nses_paths;
    struct zl_source **sources;      /* sources read are pushed here */
    struct zl_diag_sink sink;        /* the zone's own syntax findings */
};

/* Builds the expectations. Returns 0, or -1 with a message in err (an
 * unreadable zone, an identity for another domain): exit 2. */
int zl_vexpect_build(const struct zl_vexpect_opts *o, struct zl_vexpects *out, char *err, size_t errlen);
void zl_vexpects_free(struct zl_vexpects *x);

/* Appends one expectation built from a record line in master-file syntax
 * ("name ttl IN TYPE rdata", absolute names); the line is parsed by
 * zonelint's parser. Returns the expectation, or NULL when the line does
 * not parse (a bug in the caller). */
struct zl_vexpect *zl_vexpect_add_line(struct zl_vexpects *x, const char *line, enum zl_vmatch match,
                                       const char *what, const struct zl_span *span);

/* True for a mail-authentication record (--records=mail): DKIM (a name
 * with a _domainkey label, or a v=DKIM1 TXT), _amazonses TXT, SPF, DMARC,
 * an MX to amazonses.com. */
bool zl_vexpect_is_mail(const struct zl_name *owner, uint16_t type, const uint8_t *rdata, size_t rdlen);

#endif
