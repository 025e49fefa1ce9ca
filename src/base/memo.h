/* SPDX-License-Identifier: MIT */
/* A small memo of yes/no answers about short strings: a direct-mapped
 * table keyed by (what was asked, the string), for questions that are pure
 * functions of both (does this pattern match this subject?) and are asked
 * again and again about the same strings (a zone repeats its SPF includes,
 * DMARC addresses and target domains thousands of times). A slot holds the
 * string itself, so a hit is an exact answer; strings longer than
 * ZL_MEMO_KEY are not kept. */
#ifndef ZL_MEMO_H
#define ZL_MEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define ZL_MEMO_SLOTS 512
#define ZL_MEMO_KEY 56

struct zl_memo_slot {
    uintptr_t what;          /* 0: empty */
    uint8_t len;
    bool answer;
    char s[ZL_MEMO_KEY];
};

struct zl_memo {
    struct zl_memo_slot slot[ZL_MEMO_SLOTS];
};

static inline size_t zl_memo_index(uintptr_t what, const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t)what;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    h ^= h >> 29;
    return (size_t)(h & (ZL_MEMO_SLOTS - 1));
}

/* The answer kept for (what, s), if any. what != 0. */
static inline bool zl_memo_get(const struct zl_memo *m, uintptr_t what, const char *s, size_t n, bool *answer)
{
    if (n > ZL_MEMO_KEY)
        return false;
    const struct zl_memo_slot *e = &m->slot[zl_memo_index(what, s, n)];
    if (e->what != what || e->len != n || memcmp(e->s, s, n) != 0)
        return false;
    *answer = e->answer;
    return true;
}

static inline void zl_memo_put(struct zl_memo *m, uintptr_t what, const char *s, size_t n, bool answer)
{
    if (n > ZL_MEMO_KEY)
        return;
    struct zl_memo_slot *e = &m->slot[zl_memo_index(what, s, n)];
    e->what = what;
    e->len = (uint8_t)n;
    e->answer = answer;
    memcpy(e->s, s, n);
}

#endif
