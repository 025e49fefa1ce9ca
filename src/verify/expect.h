/* SPDX-License-Identifier: MIT */
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

#include "base/diag.h"
#include "lint/lint.h"
#include "base/loc.h"
#include "base/names.h"
#include "xcheck/ses_identity.h"
#include "base/source.h"
#include "verify/expectation.h"

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
