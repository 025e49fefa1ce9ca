/* SPDX-License-Identifier: MIT */
#include "base/ascii.h"

#include <string.h>

int zl_ascii_ncasecmp(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = zl_ascii_lower((unsigned char)a[i]), y = zl_ascii_lower((unsigned char)b[i]);
        if (x != y)
            return x < y ? -1 : 1;
        if (x == '\0')
            return 0;
    }
    return 0;
}

int zl_ascii_casecmp(const char *a, const char *b)
{
    return zl_ascii_ncasecmp(a, b, (size_t)-1);
}

bool zl_ascii_eq(const uint8_t *a, const uint8_t *b, size_t n)
{
    /* A word at a time: names of a zone are compared by the thousand. */
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x, y;
        memcpy(&x, a + i, 8);
        memcpy(&y, b + i, 8);
        if (x != y && zl_ascii_lower8(x) != zl_ascii_lower8(y))
            return false;
    }
    for (; i < n; i++)
        if (zl_ascii_lower(a[i]) != zl_ascii_lower(b[i]))
            return false;
    return true;
}

/* Skips to the needle's first byte (memchr when it is not a letter) before
 * comparing the needle: rules look for words in every TXT record. */
long zl_ascii_find(const char *s, size_t n, const char *needle)
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

unsigned zl_ascii_distance(const uint8_t *a, size_t an, const char *b, unsigned max)
{
    size_t bn = strlen(b);
    if (an > 63 || bn > 63 || (an > bn ? an - bn : bn - an) > max)
        return max + 1;
    unsigned row[64];
    for (size_t j = 0; j <= bn; j++)
        row[j] = (unsigned)j;
    for (size_t i = 1; i <= an; i++) {
        unsigned diag = row[0], low = (unsigned)i;
        row[0] = (unsigned)i;
        for (size_t j = 1; j <= bn; j++) {
            unsigned up = row[j];
            unsigned cost = zl_ascii_lower(a[i - 1]) == zl_ascii_lower((unsigned char)b[j - 1]) ? 0 : 1;
            unsigned best = diag + cost;
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
            if (best < low)
                low = best;
        }
        if (low > max)
            return max + 1;
    }
    return row[bn] > max ? max + 1 : row[bn];
}

bool zl_ascii_in_list(const char *const *list, const uint8_t *s, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && zl_ascii_eq((const uint8_t *)*list, s, n))
            return true;
    return false;
}
