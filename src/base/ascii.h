/* SPDX-License-Identifier: MIT */
/* ASCII-only case-insensitive text: codes, slugs, DNS labels and record
 * keywords are compared without regard to ASCII case, and never through
 * the C library's locale-dependent strcasecmp or tolower. */
#ifndef ZL_ASCII_H
#define ZL_ASCII_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

static inline unsigned char zl_ascii_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* ASCII upper case to lower case in 8 bytes at once (bytes >= 0x80 kept):
 * no byte's sum carries into the next. */
static inline uint64_t zl_ascii_lower8(uint64_t w)
{
    uint64_t low7 = w & 0x7f7f7f7f7f7f7f7full;
    uint64_t above_z = low7 + 0x2525252525252525ull; /* high bit set when > 'Z' */
    uint64_t from_a = low7 + 0x3f3f3f3f3f3f3f3full;  /* high bit set when >= 'A' */
    uint64_t upper = (from_a ^ above_z) & ~w & 0x8080808080808080ull;
    return w | (upper >> 2);
}

/* strcmp/strncmp without regard to ASCII case. */
int zl_ascii_casecmp(const char *a, const char *b);
int zl_ascii_ncasecmp(const char *a, const char *b, size_t n);
/* n bytes equal without regard to ASCII case. */
bool zl_ascii_eq(const uint8_t *a, const uint8_t *b, size_t n);
/* s[0..n) starts with prefix; inline: called per record with literal
 * prefixes, whose length is then known when compiled. */
static inline bool zl_ascii_has_prefix(const char *s, size_t n, const char *prefix)
{
    size_t pl = __builtin_strlen(prefix);
    if (n < pl)
        return false;
    for (size_t i = 0; i < pl; i++)
        if (zl_ascii_lower((unsigned char)s[i]) != zl_ascii_lower((unsigned char)prefix[i]))
            return false;
    return true;
}
/* Offset of needle in s[0..n), or -1. */
long zl_ascii_find(const char *s, size_t n, const char *needle);
/* Levenshtein distance between s[0..n) and word, ignoring ASCII case; a
 * value above max (or inputs over 63 bytes) comes back as max + 1. */
unsigned zl_ascii_distance(const uint8_t *s, size_t n, const char *word, unsigned max);
/* s[0..n) is one of the NULL-terminated list. */
bool zl_ascii_in_list(const char *const *list, const uint8_t *s, size_t n);

#endif
