/* SPDX-License-Identifier: MIT */
/* did-you-mean (suggest.h). */
#include "cli/suggest.h"

#include <stdio.h>
#include <string.h>

#include "base/ascii.h"
#include "lint/rule.h"

const char *zl_suggest(const char *s, const char *const *words, size_t n)
{
    size_t len = strlen(s);
    unsigned max = len >= 6 ? 2 : len >= 3 ? 1 : 0;
    if (!max)
        return NULL;
    const char *best = NULL;
    unsigned bd = max + 1;
    for (size_t i = 0; i < n; i++) {
        if (!words[i])
            continue;
        unsigned d = zl_ascii_distance((const uint8_t *)s, len, words[i], max);
        if (d < bd) {
            bd = d;
            best = words[i];
        }
    }
    return bd <= max && bd > 0 ? best : NULL;
}

const char *zl_suggest_rule(const char *s)
{
    const char *best = NULL;
    size_t len = strlen(s);
    unsigned max = len >= 6 ? 2 : len >= 3 ? 1 : 0, bd = max + 1;
    for (unsigned i = 0; max && i < zl_rule_count; i++) {
        const char *w[2] = { zl_rules[i].code, zl_rules[i].slug };
        for (int k = 0; k < 2; k++) {
            unsigned d = zl_ascii_distance((const uint8_t *)s, len, w[k], max);
            if (d < bd) {
                bd = d;
                best = w[k];
            }
        }
    }
    return bd <= max && bd > 0 ? best : NULL;
}

const char *zl_suggest_text(const char *best, char *buf, size_t cap)
{
    if (!best) {
        if (cap)
            buf[0] = '\0';
        return buf;
    }
    snprintf(buf, cap, " (did you mean '%s'?)", best);
    return buf;
}
