/* SPDX-License-Identifier: MIT */
/* Served records against expected ones, without a network: RDATA compared
 * as RDATA (names without regard to case, TXT by its joined text, as SPF,
 * DKIM and SES read it), an expectation matched against a served RRset,
 * and a difference told the way the offline rules tell it (stray blanks or
 * quotes, a token one character short, a missing '=', the domain appended). */
#ifndef ZL_VERIFY_RRCMP_H
#define ZL_VERIFY_RRCMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/names.h"
#include "verify/expectation.h"
#include "verify/query.h"

/* Equal as a name server and a reader of the record see it. */
bool zl_vrdata_equal(uint16_t type, const uint8_t *a, size_t alen, const uint8_t *b, size_t blen);

/* BIND's presentation form ("\# n hex" for data the type cannot print). */
void zl_vrdata_text(uint16_t type, const uint8_t *rd, size_t len, struct zl_buf *out);

enum zl_vdiff {
    ZL_VDIFF_NONE,          /* nothing to say beyond "another value" */
    ZL_VDIFF_APEX_APPENDED, /* a name value with the domain appended */
    ZL_VDIFF_STRAY,         /* the value with blanks or quotes around it */
    ZL_VDIFF_CASE,          /* TXT differing only in letter case */
    ZL_VDIFF_NO_EQUALS,     /* a token without its trailing '=' */
    ZL_VDIFF_ONE_SHORT,     /* one character missing */
    ZL_VDIFF_CUT,           /* the value cut short */
    ZL_VDIFF_EXTRA,         /* the value followed by more characters */
    ZL_VDIFF_AROUND,        /* the value with characters around it */
    ZL_VDIFF_ONE_CHAR,      /* one character replaced by another */
    ZL_VDIFF_FIELD,         /* MX/SRV: a number differs, the name is right */
    ZL_VDIFF_OTHER_TOKEN,   /* a name value with another first label (another token) */
};

/* How the served value `got` differs from `want` (both wire RDATA of
 * type); a sentence for a note in out (empty for NONE). domain is the zone
 * verified, for the appended-domain case. */
enum zl_vdiff zl_vexplain(uint16_t type, const uint8_t *want, size_t wlen, const uint8_t *got, size_t glen,
                          const struct zl_name *domain, char *out, size_t cap);

/* The served RRset of one type at one name against an expectation. */
struct zl_vmatch_res {
    bool ok;
    size_t nmissing, nextra;    /* RRSET: expected values not served, served values not expected
                                   (which a subset expectation lets be) */
    size_t missing[8], extra[8];/* the first of them: indices into e->v and into got */
    long closest;               /* VALUE/predicates: the served record nearest the expected value, or -1 */
    bool ttl_differs;           /* RRSET: the served TTL is not the file's */
    uint32_t served_ttl;
};

/* got: the served records of e->type at e->name (any order). */
void zl_vmatch(const struct zl_vexpect *e, const struct zl_vrr *const *got, size_t n, const struct zl_name *domain,
               struct zl_vmatch_res *out);

/* "feedback-smtp.<region>.amazonses.com." */
bool zl_vses_feedback_mx(const struct zl_name *target);
/* A TXT whose joined text is v=spf1 with include:amazonses.com. */
bool zl_vses_spf(const uint8_t *rd, size_t len);

/* TXT RDATA's character-strings joined, at most cap bytes kept; returns the
 * full joined length. */
size_t zl_vtxt_join(const uint8_t *rd, size_t len, char *out, size_t cap);

#endif
