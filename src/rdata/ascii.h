/* SPDX-License-Identifier: MIT */
/* ASCII character tests for the rdata files, one copy each. Presentation
 * syntax is ASCII whatever the locale, so <ctype.h> is not used. */
#ifndef ZL_RDATA_ASCII_H
#define ZL_RDATA_ASCII_H

#include <stdbool.h>
#include <stddef.h>

static inline bool zl_rd_is_digit(int ch)
{
    return ch >= '0' && ch <= '9';
}

static inline bool zl_rd_is_alnum(int ch)
{
    return zl_rd_is_digit(ch) || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* Value of a hex digit (either case), or -1. */
static inline int zl_rd_hexval(int ch)
{
    if (zl_rd_is_digit(ch))
        return ch - '0';
    ch |= 0x20;
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    return -1;
}

static inline char zl_rd_upper(char c)
{
    return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

/* s[0..n) equals the upper-case mnemonic m (NUL-terminated), ignoring the
 * case of ASCII letters in s. */
static inline bool zl_rd_ieq(const char *s, size_t n, const char *m)
{
    size_t i = 0;
    for (; i < n; i++)
        if (!m[i] || zl_rd_upper(s[i]) != m[i])
            return false;
    return m[i] == '\0';
}

#endif
