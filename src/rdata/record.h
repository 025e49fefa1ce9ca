/* SPDX-License-Identifier: MIT */
/* The record model: every record keeps what a name server will serve
 * (expanded owner, TTL, class, type, wire RDATA) and how each part was
 * written (spans, quoting, relative/absolute, @, inherited owner). */
#ifndef ZL_RECORD_H
#define ZL_RECORD_H

#include <stdint.h>

#include "base/loc.h"
#include "base/names.h"

/* One token as written. text is the raw token without surrounding quotes,
 * escapes still in place; it is not NUL-terminated. */
struct zl_token {
    const char *text;
    uint32_t len;
    uint32_t flags; /* ZL_TOK_* */
    struct zl_span span;
};

enum {
    ZL_TOK_QUOTED = 1 << 0,
};

/* One RDATA field. */
enum zl_field_kind {
    ZL_FIELD_NAME,   /* domain name: wire bytes are the uncompressed name */
    ZL_FIELD_INT,    /* 8/16/32/48-bit integer (len says which) */
    ZL_FIELD_STRING, /* one <character-string>: wire = length octet + bytes */
    ZL_FIELD_OTHER,  /* addresses, base64/hex blobs, bitmaps, ... */
};

struct zl_field {
    uint8_t kind;      /* enum zl_field_kind */
    uint8_t flags;     /* names: ZL_NAME_F_*; strings: ZL_TOK_QUOTED */
    uint32_t tok;      /* first written token of this field */
    uint32_t ntok;     /* number of tokens (0 when the field came from \# form); a record
                          may have more than 65535 (hex or base64 split into short tokens) */
    uint16_t off, len; /* bytes in the record's wire RDATA */
};

/* How the owner was written. */
enum {
    ZL_OWNER_INHERITED = 1 << 0, /* blank owner: previous record's owner */
    ZL_OWNER_AT = 1 << 1,        /* "@" */
    ZL_OWNER_RELATIVE = 1 << 2,  /* origin appended */
    ZL_OWNER_ABSOLUTE = 1 << 3,  /* trailing dot */
    ZL_OWNER_GENERATED = 1 << 4, /* from $GENERATE */
    ZL_OWNER_ZONE_UNKNOWN = 1 << 5, /* written relative to a zone the input does not name (Terraform
                                       whose zone_id is known only at apply time): the name lacks the
                                       zone's labels, so it says nothing about the domain */
};

/* Who serves the record, when the input says so (a Cloudflare zone export,
 * a cloudflare_* Terraform resource): for what that provider does beyond
 * the RFCs, such as answering a CNAME at the apex with addresses. */
enum zl_served_by {
    ZL_SERVED_ANY = 0,        /* not known: any name server */
    ZL_SERVED_CLOUDFLARE,     /* Cloudflare DNS */
};

/* Where the TTL came from. */
enum zl_ttl_source {
    ZL_TTL_EXPLICIT,  /* written on the record */
    ZL_TTL_DEFAULT,   /* $TTL */
    ZL_TTL_PREVIOUS,  /* no $TTL: the previous record's TTL (RFC 1035) */
    ZL_TTL_SOA_MIN,   /* no $TTL and no previous: SOA minimum (BIND) */
    ZL_TTL_PREVIOUS_IGNORED, /* no $TTL: the TTL written on the record before, which was
                                outside the zone and ignored (BIND still takes its TTL) */
};

struct zl_record {
    struct zl_name owner;
    struct zl_token owner_tok;  /* as written (inherited: zero length at the record's start) */
    uint32_t owner_flags;       /* ZL_OWNER_* */
    uint32_t ttl;
    uint8_t ttl_source;         /* enum zl_ttl_source */
    uint8_t class_explicit;
    uint16_t rclass;
    uint16_t type;
    struct zl_span type_span;
    struct zl_span span;        /* the whole record, first token to last */
    const struct zl_name *origin; /* origin in effect */

    const uint8_t *rdata;       /* wire RDATA */
    uint16_t rdlen;
    uint8_t generic;            /* written in RFC 3597 \# form */
    uint8_t served_by;          /* enum zl_served_by */

    const struct zl_token *toks; /* RDATA tokens as written */
    uint32_t ntoks;
    const struct zl_field *fields;
    uint16_t nfields;

    const char *comment;        /* trailing ';' comment on the record's lines, without ';' */
    uint32_t comment_len;
    struct zl_span comment_span;

    /* Route 53 routing policy (cli53's "; AWS routing=... identifier=..."):
     * records with different identifiers are separate record sets. */
    const char *set_id;         /* identifier, not NUL-terminated; NULL: none */
    uint32_t set_id_len;
};

/* The owner as written, or the whole record when the owner was inherited. */
static inline struct zl_span zl_record_owner_span(const struct zl_record *rec)
{
    return rec->owner_tok.len ? rec->owner_tok.span : rec->span;
}

#endif
