/* SPDX-License-Identifier: MIT */
/* What Amazon SES expects to find in DNS for a domain identity, read from
 * the JSON the AWS CLI prints:
 *   aws sesv2 get-email-identity --email-identity example.com       (v2)
 *   aws ses get-identity-verification-attributes --identities ...    (v1)
 *   aws ses get-identity-dkim-attributes --identities ...            (v1)
 *   aws ses get-identity-mail-from-domain-attributes --identities ...(v1)
 * A file may hold several of these documents one after the other (outputs
 * appended with >>), and several files may be loaded into one set: v1
 * parts are merged by identity. A v2 document does not name its identity:
 * the user may name it (--ses-identity mail.example.com=FILE), else it
 * applies to the zone being linted, at the name its DKIM records or MAIL
 * FROM domain show (rules/ses_crosscheck.c). The rules in
 * rules/ses_crosscheck.c compare a zone with one picked identity. */
#ifndef ZL_SES_IDENTITY_H
#define ZL_SES_IDENTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/names.h"

#define ZL_SES_MAX_TOKENS 16
#define ZL_SES_TOKEN_MAX 64   /* a label (63) and its NUL */
#define ZL_SES_VTOKEN_MAX 256 /* one TXT character-string (255) and its NUL */
#define ZL_SES_WORD_MAX 48    /* status and enum values */

/* One identity. Fields the input did not give stay zero/empty. */
struct zl_ses_identity {
    bool named;                        /* false: from v2, which does not say */
    bool assumed;                      /* after zl_ses_expect_pick: domain is the zone's origin,
                                          taken for an unnamed v2 document */
    struct zl_name domain;             /* when named (or after zl_ses_expect_pick) */
    unsigned from;                     /* ZL_SES_FROM_*: the documents that contributed */

    /* DKIM: Easy DKIM tokens, or for BYODKIM the selector (Tokens[0]). */
    bool have_dkim;
    char tokens[ZL_SES_MAX_TOKENS][ZL_SES_TOKEN_MAX];
    size_t ntokens;
    bool byodkim;                      /* SigningAttributesOrigin EXTERNAL */
    bool have_signing_zone;            /* v2 only: target suffix of the CNAMEs */
    struct zl_name signing_zone;
    char dkim_status[ZL_SES_WORD_MAX];
    char signing_origin[ZL_SES_WORD_MAX];

    /* Legacy verification TXT (v1 only). */
    char verification_token[ZL_SES_VTOKEN_MAX]; /* "" when not given */
    char verification_status[ZL_SES_WORD_MAX];

    /* Custom MAIL FROM. */
    bool have_mail_from;
    struct zl_name mail_from;
    char mail_from_status[ZL_SES_WORD_MAX];

    /* VerificationInfo (v2 only): the SOA SES saw when it last looked. */
    bool have_soa;
    struct zl_name soa_mname;
    bool have_serial;
    uint32_t soa_serial;
    char error_type[ZL_SES_WORD_MAX];
    char last_checked[ZL_SES_WORD_MAX];
};

enum {
    ZL_SES_FROM_V2 = 1 << 0,
    ZL_SES_FROM_V1_VERIFY = 1 << 1,
    ZL_SES_FROM_V1_DKIM = 1 << 2,
    ZL_SES_FROM_V1_MAIL_FROM = 1 << 3,
};

/* Everything loaded for one run. */
struct zl_ses_expect {
    struct zl_ses_identity *v;
    size_t n;
    char *files;                       /* the file names, comma-separated (for messages) */
};

/* Loads a JSON file ("-" = stdin) into x, merging with what x holds.
 * Returns 0, or -1 with a complete message in err ("FILE:LINE:COL: ...")
 * when the file cannot be read, is not JSON, or is not one of the shapes
 * above. */
int zl_ses_expect_load(struct zl_ses_expect *x, const char *path, char *err, size_t errlen);
/* The same for the output about identity `as` (--ses-identity NAME=FILE):
 * a v2 document is that identity's; v1 documents must describe it. */
int zl_ses_expect_load_as(struct zl_ses_expect *x, const char *path, const struct zl_name *as, char *err,
                          size_t errlen);
/* The same for text in memory; name is used in messages; as may be NULL. */
int zl_ses_expect_load_buffer(struct zl_ses_expect *x, const char *data, size_t len, const char *name,
                              char *err, size_t errlen);
int zl_ses_expect_load_buffer_as(struct zl_ses_expect *x, const char *data, size_t len, const char *name,
                                 const struct zl_name *as, char *err, size_t errlen);
/* Parses NAME of --ses-identity NAME=FILE ("mail.example.com", with or
 * without the final dot); false when it is not a domain name. */
bool zl_ses_identity_name(const char *s, size_t n, struct zl_name *out);
void zl_ses_expect_free(struct zl_ses_expect *x);

enum zl_ses_pick {
    ZL_SES_PICK_OK,          /* *out is the identity, out->domain set */
    ZL_SES_PICK_NO_ORIGIN,   /* only a v2 document and the zone's origin is unknown */
    ZL_SES_PICK_AMBIGUOUS,   /* several v1 identities, none is the origin */
};

/* The identity to check a zone with origin against: the v1 identity named
 * like the origin, else the only v1 domain identity, with a v2 document
 * (which has no name) laid over it; a v2 document alone is taken to be the
 * origin's. */
enum zl_ses_pick zl_ses_expect_pick(const struct zl_ses_expect *x, const struct zl_name *origin,
                                    struct zl_ses_identity *out);

/* True when a DKIM token is an Easy DKIM token (32 characters of base32),
 * as opposed to a BYODKIM selector. */
bool zl_ses_easy_token(const char *t);

#endif
