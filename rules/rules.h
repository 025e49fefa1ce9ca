/* SPDX-License-Identifier: MIT */
/* What rules/rules.def declares, for the rule files and the registry: the
 * passes' hook prototypes, each rule's explanation, the pass enum, and a
 * way to name a rule without a lookup: ZL_RULE_REF(ZL1001) is
 * &zl_rules[ZL_RULE_ZL1001]. Nothing here is written by hand per rule. */
#ifndef ZL_RULES_H
#define ZL_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lint/rule.h"

struct zl_record;
struct zl_zone;
struct zl_ctx;

#define ZL_RULE_REF(code) (&zl_rules[ZL_RULE_##code])

/* Index of every pass in the registry: ZL_PASS_cname. */
enum zl_pass_id {
#define ZL_PASS(name, ...) ZL_PASS_##name,
#define ZL_RULE(...)
#include "rules.def"
#undef ZL_RULE
#undef ZL_PASS
    ZL_PASS__COUNT
};

/* Hook prototypes, from each pass's REC(...) and ZONE(...). */
#define REC(f) void f(const struct zl_record *rec, struct zl_ctx *ctx);
#define ZONE(f) void f(const struct zl_zone *zone, struct zl_ctx *ctx);
#define ZL_PASS(name, types, hooks) hooks
#define ZL_RULE(...)
#include "rules.def"
#undef ZL_RULE
#undef ZL_PASS
#undef ZONE
#undef REC

/* Explanations: paragraphs of plain text; examples are indented by four
 * spaces and introduced by "Bad:" and "Good:" lines. */
#define ZL_PASS(...)
#define ZL_RULE(code, id, ...) extern const char zl_explain_##id[];
#include "rules.def"
#undef ZL_RULE
#undef ZL_PASS

/* rules/target_relative_external.c, for its unit test */
bool zl_is_public_tld(const char *label, size_t n);

#endif
