/* SPDX-License-Identifier: MIT */
/* Source locations. Lines and columns are 1-based; columns count bytes;
 * end_col is one past the last byte (so end_col - col is the length). */
#ifndef ZL_LOC_H
#define ZL_LOC_H

#include <stdint.h>

struct zl_source; /* one input file (see source.h) */

struct zl_span {
    const struct zl_source *src;
    uint32_t line, col;
    uint32_t end_line, end_col;
};

/* From the start of a to the end of b. */
struct zl_span zl_span_join(const struct zl_span *a, const struct zl_span *b);
/* Bytes [off, off+len) of a token written on one line (else the token). */
struct zl_span zl_span_sub(const struct zl_span *s, uint32_t off, uint32_t len);

#endif
