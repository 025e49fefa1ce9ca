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
    for (size_t i = 0; i < n; i++)
        if (zl_ascii_lower(a[i]) != zl_ascii_lower(b[i]))
            return false;
    return true;
}

bool zl_ascii_has_prefix(const char *s, size_t n, const char *prefix)
{
    size_t pl = strlen(prefix);
    return n >= pl && zl_ascii_eq((const uint8_t *)s, (const uint8_t *)prefix, pl);
}

long zl_ascii_find(const char *s, size_t n, const char *needle)
{
    size_t nl = strlen(needle);
    for (size_t i = 0; i + nl <= n; i++)
        if (zl_ascii_eq((const uint8_t *)s + i, (const uint8_t *)needle, nl))
            return (long)i;
    return -1;
}

bool zl_ascii_in_list(const char *const *list, const uint8_t *s, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && zl_ascii_eq((const uint8_t *)*list, s, n))
            return true;
    return false;
}
