/* SPDX-License-Identifier: MIT */
/* The character-strings of a TXT (or SPF) record: joined as verifiers join
 * them, each as written, and written back as quoted strings. */
#ifndef ZL_TXT_H
#define ZL_TXT_H

#include <stddef.h>

#include "base/buf.h"
#include "rdata/record.h"

/* Joins the character-strings of the wire RDATA into out, at most cap bytes.
 * Returns the joined length (may exceed cap: then out holds the first cap
 * bytes) and the number of strings in *nstrings (may be NULL). */
size_t zl_txt_join(const struct zl_record *rec, char *out, size_t cap, unsigned *nstrings);
/* The written token of character-string i, or NULL (\# form). */
const struct zl_token *zl_txt_token(const struct zl_record *rec, unsigned i);
/* Appends s as quoted character-strings of at most 255 octets, escaping '"',
 * '\\' and non-printing bytes as BIND does. */
void zl_txt_put_quoted(struct zl_buf *b, const char *s, size_t n);
/* The span of joined bytes [off, off+len): inside the token that wrote them
 * when it sits on one line, else the whole string or record. */
struct zl_span zl_txt_span(const struct zl_record *rec, size_t off, size_t len);
/* From the first string's token to the last one's. */
struct zl_span zl_txt_whole_span(const struct zl_record *rec);

#endif
