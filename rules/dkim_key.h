/* SPDX-License-Identifier: MIT */
/* A DKIM key record read the way verifiers read it (RFC 6376 3.6.1): the
 * tags of the joined TXT value, and what its p= holds. Shared by the
 * generic DKIM key rules (rules/dkim_key.c) and the SES BYODKIM ones
 * (rules/ses_dkim_key.c), which judge the same reading differently. */
#ifndef ZL_DKIM_KEY_H
#define ZL_DKIM_KEY_H

#include <stdbool.h>
#include <stddef.h>

#include "rdata/record.h"

#define ZL_DKIM_VMAX 16384 /* joined TXT bytes looked at: a 16384-bit key fits */

struct zl_dkim_key {
    /* the tag-list */
    bool key_record;      /* meant as a key record: v=DKIM1 first, a k= or p= tag, or a bare base64 key */
    bool has_p;           /* a p= tag (quotes or blanks pasted before its name do not hide it) */
    bool revoked;         /* p= empty (RFC 6376 3.6.1: a revoked key) */
    bool bare_key;        /* no p= tag, but a base64 key where its value belongs */
    bool rsa;             /* k= absent or rsa */
    size_t ps, pe;        /* the p= value in the joined value */

    /* what p= holds */
    bool ws;              /* blanks inside (FWS, legal) */
    bool quote;           /* literal '"' */
    bool pem;             /* PEM armour lines */
    bool doubled_quotes;  /* the quotes come as "" pairs: Terraform's split trick */
    size_t first_ws, first_quote;
    char ws_char;         /* the first blank: ' ', '\t', ... */
    bool private_key;     /* a private key (PEM PRIVATE KEY, PKCS#8 or PKCS#1 private) */
    bool valid;           /* decodes to a public key of its k= type */
    unsigned bits;        /* RSA modulus size; 0 when not RSA or not valid */
    char why[256];        /* why it is not valid */

    /* where things are, for messages and fix-its */
    unsigned nstrings;
    size_t bounds[64];    /* offsets where character-strings start (after the first) */
    unsigned nbounds;
    char *fix;            /* the strings rewritten with the clean key (malloc'd), or NULL */
};

/* Reads rec (a TXT record) as a DKIM key record. Returns false when it is
 * not one (then k holds nothing to free). */
bool zl_dkim_key_read(const struct zl_record *rec, struct zl_dkim_key *k);
void zl_dkim_key_free(struct zl_dkim_key *k);

/* The first blank (quote: the first quote) in p=, described relative to
 * the string split ("character-string 2 begins with a space"); *str: the
 * index of the string that holds it. */
void zl_dkim_key_describe(const struct zl_dkim_key *k, bool quote, char *out, size_t cap, unsigned *str);

/* The owner's selector (the labels before _domainkey) as text, or false
 * when the owner has no _domainkey label after one. */
bool zl_dkim_selector(const struct zl_record *rec, char *out, size_t cap, int *dk);

#endif
