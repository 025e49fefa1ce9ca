/* SPDX-License-Identifier: MIT */
/* The rule registry as tables: every rule and every analysis pass is one row
 * of rules/rules.def, expanded here (src/lint/rule.c) into zl_rules[] and
 * zl_passes[]. The engine runs a registry it is given, so tests can run it
 * with rules of their own. */
#ifndef ZL_RULE_H
#define ZL_RULE_H

#include <stdint.h>

#include "base/codes.h"
#include "base/diag.h"

struct zl_record;
struct zl_zone;
struct zl_ctx;

/* ends supersedes[] lists; the pass of a rule no pass reports */
#define ZL_NONE_ID 0xffffu

/* One analysis, run once per record (and per file) for all its rules. */
struct zl_pass {
    const char *name;
    const uint16_t *types;         /* RR types check_record wants, 0-terminated; NULL = all */
    void (*check_record)(const struct zl_record *rec, struct zl_ctx *ctx);
    void (*check_zone)(const struct zl_zone *zone, struct zl_ctx *ctx);
};

struct zl_rule {
    const char *code;              /* "ZL2101": stable forever, never reused */
    const char *slug;              /* "name-doubled-origin" */
    enum zl_severity severity;     /* default */
    const char *summary;           /* one line */
    const char *explain;           /* paragraphs with a bad and a good example */
    uint16_t pass;                 /* index in the registry's passes, or ZL_NONE_ID */
    const uint16_t *supersedes;    /* rule indexes ended by ZL_NONE_ID, or NULL */
};

struct zl_registry {
    const struct zl_rule *rules;
    unsigned nrules;
    const struct zl_pass *passes;
    unsigned npasses;
};

/* The built-in registry (rules/registry.c), and its rule table for code
 * that names a rule. */
extern const struct zl_registry zl_registry;
extern const struct zl_rule zl_rules[];
extern const unsigned zl_rule_count;

/* By code ("ZL2101") or slug, case-insensitive; NULL when unknown. */
const struct zl_rule *zl_rule_find(const char *code_or_slug);
const struct zl_rule *zl_registry_find(const struct zl_registry *reg, const char *code_or_slug);


#endif
