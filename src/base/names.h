/* SPDX-License-Identifier: MIT */
/* Domain names: wire-form labels for comparison (case-insensitive, RFC 4343),
 * presentation text with BIND's escapes for output. */
#ifndef ZL_NAMES_H
#define ZL_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

#define ZL_NAME_MAX 255
#define ZL_LABEL_MAX 63
/* Longest presentation form: every octet as \DDD plus dots. */
#define ZL_NAME_TEXT_MAX 1024

struct zl_name {
    uint8_t len;             /* wire length including the root label */
    uint8_t nlabels;         /* labels excluding the root */
    uint8_t wire[ZL_NAME_MAX];
};

/* How a name was written. */
enum {
    ZL_NAME_F_ABSOLUTE = 1 << 0, /* ended in a dot (or was ".") */
    ZL_NAME_F_RELATIVE = 1 << 1, /* origin appended */
    ZL_NAME_F_AT = 1 << 2,       /* written as "@" */
};

enum zl_name_status {
    ZL_NAME_OK = 0,
    ZL_NAME_EMPTY,           /* "" */
    ZL_NAME_EMPTY_LABEL,     /* "a..b" or ".a" */
    ZL_NAME_LABEL_TOO_LONG,  /* > 63 octets */
    ZL_NAME_TOO_LONG,        /* > 255 octets (after the origin is appended) */
    ZL_NAME_BAD_ESCAPE,      /* \DDD > 255, or a lone trailing backslash */
    ZL_NAME_NO_ORIGIN,       /* relative name and no origin known */
};

/* Parses presentation text (escapes \X and \DDD) into wire form. A name not
 * ending in an unescaped dot is relative and gets origin appended (origin may
 * be NULL: then ZL_NAME_NO_ORIGIN). "@" alone is the origin. flags (may be
 * NULL) receives ZL_NAME_F_*. */
enum zl_name_status zl_name_from_text(struct zl_name *out, const char *s, size_t n,
                                      const struct zl_name *origin, unsigned *flags);
const char *zl_name_status_text(enum zl_name_status st);

void zl_name_root(struct zl_name *out);
/* Parses wire form at p (no compression); returns bytes used or 0 if invalid. */
size_t zl_name_from_wire(struct zl_name *out, const uint8_t *p, size_t avail);

/* Copies a name: only the bytes it uses. */
static inline void zl_name_copy(struct zl_name *dst, const struct zl_name *src)
{
    dst->len = src->len;
    dst->nlabels = src->nlabels;
    if (src->len <= 32)
        __builtin_memcpy(dst->wire, src->wire, 32); /* one fixed copy: most names are short */
    else
        __builtin_memcpy(dst->wire, src->wire, src->len);
}

/* The uncompressed wire name at p (at most avail bytes) as presentation
 * text into out (ZL_NAME_TEXT_MAX bytes): its length, with the bytes of
 * wire it used in *used; 0 when the wire form is not a valid name (as
 * zl_name_from_wire). */
size_t zl_wire_to_text(const uint8_t *p, size_t avail, char *out, size_t *used);

/* Appends the presentation form (absolute, trailing dot) to b. */
void zl_name_to_buf(const struct zl_name *n, struct zl_buf *b);
/* Same into a char buffer of ZL_NAME_TEXT_MAX bytes; returns its length. */
size_t zl_name_to_text(const struct zl_name *n, char *out);

bool zl_name_equal(const struct zl_name *a, const struct zl_name *b);
/* DNSSEC canonical order (RFC 4034 6.1): <0, 0, >0. */
int zl_name_compare(const struct zl_name *a, const struct zl_name *b);
/* True when name is parent or below it. */
bool zl_name_is_subdomain(const struct zl_name *name, const struct zl_name *parent);
/* Offset in name->wire of label i (0 = leftmost). */
size_t zl_name_label_offset(const struct zl_name *n, unsigned i);
/* Hash that ignores ASCII case. */
uint32_t zl_name_hash(const struct zl_name *n);
/* Does n, with its last `skip` labels removed, end in the labels of s
 * (s's root label aside)? "x.example.com" + "example.com." asks whether the
 * origin was written out before the origin got appended. */
bool zl_name_ends_in_before(const struct zl_name *n, unsigned skip, const struct zl_name *s);
/* The name with its first k labels removed. */
void zl_name_suffix(struct zl_name *out, const struct zl_name *n, unsigned k);

/* ---- labels ------------------------------------------------------------ */

/* Label i (0 = leftmost) as its length octet, or NULL past the last label. */
const uint8_t *zl_name_label(const struct zl_name *n, unsigned i);
/* Label (length-prefixed) equals s, ignoring ASCII case. */
bool zl_name_label_is(const uint8_t *label, const char *s);
/* Index of the first label equal to s, or -1. */
int zl_name_find_label(const struct zl_name *n, const char *s);
/* True when n is a listed domain ("example.com", no dot) or below one. */
bool zl_name_under_any(const struct zl_name *n, const char *const *list);
/* Label s somewhere in the uncompressed wire name at p (n bytes), without
 * copying it: for cheap gates on RDATA. */
bool zl_wire_has_label(const uint8_t *p, size_t n, const char *s);
/* The name as text with its trailing dot into out (ZL_NAME_TEXT_MAX); returns out. */
const char *zl_name_text(const struct zl_name *n, char *out);
/* n with the origin's labels removed from its end, as a relative name
 * (out); false when n is not strictly below origin. */
bool zl_name_strip_origin(const struct zl_name *n, const struct zl_name *origin, struct zl_name *out);

#endif
