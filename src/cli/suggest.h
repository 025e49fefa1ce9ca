/* SPDX-License-Identifier: MIT */
/* "did you mean ...?": the closest of a list of words to what was typed, for
 * options, subcommands, rule codes and slugs, configuration keys. */
#ifndef ZL_SUGGEST_H
#define ZL_SUGGEST_H

#include <stddef.h>

/* The word of words[0..n) closest to s (ASCII case ignored), when it is
 * close enough to be a typo (at most 2 edits, and fewer than half of s),
 * else NULL. */
const char *zl_suggest(const char *s, const char *const *words, size_t n);

/* The same over every rule's code and slug. */
const char *zl_suggest_rule(const char *s);

/* " (did you mean 'x'?)" into buf when there is a suggestion, else "". */
const char *zl_suggest_text(const char *best, char *buf, size_t cap);

#endif
