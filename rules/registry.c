/* SPDX-License-Identifier: MIT */
/* The built-in registry, expanded from rules/rules.def: the engine (src/lint)
 * runs whichever registry it is given; this is the one zonelint ships. */
#include "lint/rule.h"

#include <stdbool.h>
#include <stddef.h>

#include "rdata/types.h"
#include "rules.h"

#define TYPES(...) ((const uint16_t[]){ __VA_ARGS__, 0 })
#define ALL_TYPES NULL
#define REC(f) .check_record = f,
#define ZONE(f) .check_zone = f,
#define SUPERSEDES(...) ((const uint16_t[]){ __VA_ARGS__, ZL_NONE_ID })
#define NONE NULL

/* A superseded code is written bare (ZL2102): make it the rule's index. */
enum {
#define ZL_PASS(...)
#define ZL_RULE(code, ...) code = ZL_RULE_##code,
#include "rules.def"
#undef ZL_RULE
#undef ZL_PASS
};

static const struct zl_pass passes[] = {
#define ZL_PASS(p_name, p_types, p_hooks) { .name = #p_name, .types = p_types, p_hooks },
#define ZL_RULE(...)
#include "rules.def"
#undef ZL_RULE
#undef ZL_PASS
};

const struct zl_rule zl_rules[] = {
#define ZL_PASS(...)
#define ZL_RULE(code, id, slug, sev, pass, supersedes, summary) \
    { #code, slug, ZL_SEV_##sev, summary, zl_explain_##id, ZL_PASS_##pass, supersedes },
#define ZL_PASS_NO_PASS ZL_NONE_ID
#include "rules.def"
#undef ZL_RULE
#undef ZL_PASS
};

const unsigned zl_rule_count = ZL_RULE__COUNT;

const struct zl_registry zl_registry = {
    zl_rules, ZL_RULE__COUNT, passes, sizeof passes / sizeof passes[0],
};

_Static_assert(sizeof zl_rules / sizeof zl_rules[0] == ZL_RULE__COUNT,
               "zl_rules[] and enum zl_rule_id disagree");
_Static_assert(sizeof passes / sizeof passes[0] == ZL_PASS__COUNT, "passes[] and enum zl_pass_id disagree");

const struct zl_rule *zl_rule_find(const char *code_or_slug)
{
    return zl_registry_find(&zl_registry, code_or_slug);
}
