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

#endif
