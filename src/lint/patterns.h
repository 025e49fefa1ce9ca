/* SPDX-License-Identifier: MIT */
/* The PCRE2 pattern table: every regular expression rules use, compiled
 * once per process (JIT where the platform has it) and shared by every engine.
 * Rules get it with zl_ctx_patterns() and ask by id.
 *
 * The compiled code is made once per process (the first zl_patterns_new)
 * and shared read-only by every engine; the struct an engine owns holds
 * its own match data, so an instance belongs to one thread at a time (one
 * engine per thread). */
#ifndef ZL_PATTERNS_H
#define ZL_PATTERNS_H

#include <stdbool.h>
#include <stddef.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

/* Every pattern is anchored at both ends: a match means the whole subject
 * has the shape. Subjects are bytes, not UTF-8. */
enum zl_pattern_id {
    ZL_PAT_SPF_IP4,          /* ip4 network with optional /0-32 (RFC 7208 5.6) */
    ZL_PAT_SPF_IP6_CIDR,     /* "/0".."/128" (the address itself goes to inet_pton) */
    ZL_PAT_SPF_DUAL_CIDR,    /* a/mx suffix: "", "/24", "//64", "/24//64" */
    ZL_PAT_SPF_DOMAIN_SPEC,  /* macro-string domain-end (RFC 7208 7.1) */
    ZL_PAT_SPF_MACRO_STRING, /* macro-string, for unknown modifiers */
    ZL_PAT_SPF_NAME,         /* modifier name: ALPHA *(ALPHA / DIGIT / "-" / "_" / ".") */
    ZL_PAT_HOSTNAME,         /* dot-separated labels of letters, digits, '-', '_' */
    ZL_PAT_DMARC_POLICY,     /* none / quarantine / reject */
    ZL_PAT_DMARC_ALIGN,      /* r / s */
    ZL_PAT_DMARC_PCT,        /* 0-100 */
    ZL_PAT_DMARC_FO,         /* 0:1:d:s list */
    ZL_PAT_DMARC_RF,         /* afrf / iodef list */
    ZL_PAT_DMARC_RI,         /* decimal, up to 10 digits (range checked in C) */
    ZL_PAT_DMARC_URI,        /* mailto:local@domain with optional !size */
    ZL_PAT_DMARC_BOOL,       /* t: y / n */
    ZL_PAT_DMARC_PSD,        /* psd: y / n / u */
    ZL_PAT__COUNT
};

struct zl_patterns;

/* The table (compiled on the process's first call); NULL when a pattern
 * does not compile (a bug: the unit test compiles every one). */
struct zl_patterns *zl_patterns_new(void);
void zl_patterns_free(struct zl_patterns *p);

/* The compiled pattern, for callers that need more than a yes/no. */
const pcre2_code *zl_pattern(const struct zl_patterns *p, enum zl_pattern_id id);
/* The pattern's source text and its id's name, for tests and messages. */
const char *zl_pattern_source(enum zl_pattern_id id);
const char *zl_pattern_name(enum zl_pattern_id id);

/* True when subject s (n bytes) matches pattern id. Uses the table's match
 * data, so it allocates nothing. */
bool zl_pattern_match(const struct zl_patterns *p, enum zl_pattern_id id, const char *s, size_t n);

/* The engine's table, for rules (implemented in src/lint/engine.c, which owns
 * the table and frees it with the engine). */
struct zl_ctx;
const struct zl_patterns *zl_ctx_patterns(struct zl_ctx *ctx);

#endif
