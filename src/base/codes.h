/* SPDX-License-Identifier: MIT */
/* The stable code of every finding, from the rule registry (rules/rules.def):
 * what every stage reports with, the parser and input readers included,
 * which sit before the rule engine and must not name codes as strings. */
#ifndef ZL_CODES_H
#define ZL_CODES_H

#include "base/severity.h"

/* Index of every rule in the registry, in rules.def order: ZL_RULE_ZL1001. */
enum zl_rule_id {
#define ZL_PASS(...)
#define ZL_RULE(code, ...) ZL_RULE_##code,
#include "rules/rules.def"
#undef ZL_RULE
#undef ZL_PASS
    ZL_RULE__COUNT
};

struct zl_code {
    const char *code;          /* "ZL1001" */
    const char *slug;          /* "syntax" */
    enum zl_severity severity; /* the default */
};

extern const struct zl_code zl_codes[ZL_RULE__COUNT];

#endif
