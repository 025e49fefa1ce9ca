/* SPDX-License-Identifier: MIT */
#include "base/ttl.h"

#include <stdbool.h>

enum zl_ttl_status zl_ttl_parse(const char *s, size_t n, uint32_t *out)
{
    if (n == 0 || s[0] < '0' || s[0] > '9')
        return ZL_TTL_BAD;

    uint64_t total = 0, cur = 0;
    bool digits = false, units = false, range = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            cur = cur * 10 + (uint64_t)(c - '0');
            if (cur > 0xffffffffu)
                range = true, cur = 0xffffffffu + 1ull;
            digits = true;
            continue;
        }
        uint64_t mult;
        switch (c | 0x20) {
        case 'w': mult = 604800; break;
        case 'd': mult = 86400; break;
        case 'h': mult = 3600; break;
        case 'm': mult = 60; break;
        case 's': mult = 1; break;
        default: return ZL_TTL_BAD;
        }
        if (!digits)
            return ZL_TTL_BAD;
        total += cur * mult;
        if (total > 0xffffffffu)
            range = true, total = 0xffffffffu + 1ull;
        cur = 0;
        digits = false;
        units = true;
    }
    if (units && digits)
        return ZL_TTL_BAD; /* "1h30": BIND wants a unit on every part */
    if (!units)
        total = cur;
    if (range || total > 0xffffffffu)
        return ZL_TTL_RANGE;
    *out = (uint32_t)total;
    return ZL_TTL_OK;
}
