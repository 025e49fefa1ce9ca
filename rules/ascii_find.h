/* SPDX-License-Identifier: MIT */
/* zl_ascii_find and zl_ascii_has_prefix (src/base/ascii.h) for the rules'
 * per-record paths: the same answers, the first found by skipping to the
 * needle's first byte (memchr when it is not a letter) instead of
 * comparing the needle at every offset, the second inline. */
#ifndef ZL_RULES_ASCII_FIND_H
#define ZL_RULES_ASCII_FIND_H

#include <stddef.h>
#include <string.h>

#include "base/ascii.h"

/* zl_ascii_has_prefix, inline: with a literal prefix its length is
 * known when compiled, and no call is made per record. */
static inline bool zl_has_prefix_ci(const char *s, size_t n, const char *prefix)
{
    size_t pl = strlen(prefix);
    if (n < pl)
        return false;
    for (size_t i = 0; i < pl; i++)
        if (zl_ascii_lower((unsigned char)s[i]) != zl_ascii_lower((unsigned char)prefix[i]))
            return false;
    return true;
}

/* Offset of the first ASCII-case-insensitive occurrence of needle in
 * s[0..n), or -1. */
static inline long zl_find_ci(const char *s, size_t n, const char *needle)
{
    size_t nl = strlen(needle);
    if (nl > n)
        return -1;
    unsigned char c0 = zl_ascii_lower((unsigned char)needle[0]);
    bool letter = c0 >= 'a' && c0 <= 'z';
    for (size_t i = 0; i + nl <= n;) {
        if (!letter) {
            const char *p = nl ? memchr(s + i, needle[0], n - nl + 1 - i) : s + i;
            if (!p)
                return -1;
            i = (size_t)(p - s);
        } else if (zl_ascii_lower((unsigned char)s[i]) != c0) {
            i++;
            continue;
        }
        if (zl_ascii_eq((const uint8_t *)s + i, (const uint8_t *)needle, nl))
            return (long)i;
        i++;
    }
    return -1;
}

#endif
