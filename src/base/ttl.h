/* SPDX-License-Identifier: MIT */
/* TTL values as BIND reads them: "3600", or units "1w2d3h4m5s" (any case,
 * any order, repeats allowed). */
#ifndef ZL_TTL_H
#define ZL_TTL_H

#include <stddef.h>
#include <stdint.h>

#define ZL_TTL_MAXTTL 2147483647u /* RFC 2181: larger values are treated as 0 */

enum zl_ttl_status {
    ZL_TTL_OK,
    ZL_TTL_BAD,    /* not a TTL at all */
    ZL_TTL_RANGE,  /* looks like one but exceeds 32 bits */
};

enum zl_ttl_status zl_ttl_parse(const char *s, size_t n, uint32_t *out);

#endif
