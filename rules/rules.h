/* What rules/rules.def needs declared: each rule's explanation text and
 * hooks, plus an enum so code can name a rule without a lookup:
 * ZL_RULE_REF(ZL1001) is &zl_rules[ZL_RULE_ZL1001]. */
#ifndef ZL_RULES_H
#define ZL_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "rule.h"

/* Index of every rule in zl_rules[], in rules.def order. */
enum zl_rule_id {
#define ZL_RULE(code, id, ...) ZL_RULE_##code,
#include "rules.def"
#undef ZL_RULE
    ZL_RULE__COUNT
};

#define ZL_RULE_REF(code) (&zl_rules[ZL_RULE_##code])

/* Explanations: paragraphs of plain text; examples are indented by four
 * spaces and introduced by "Bad:" and "Good:" lines. */
#define ZL_RULE(code, id, ...) extern const char zl_explain_##id[];
#include "rules.def"
#undef ZL_RULE

/* Hooks. A hook is named in rules.def only when it exists, and NULL cannot
 * be declared, so each rule file's author adds its prototypes here, e.g.
 *   extern const uint16_t zl_types_cname_and_other[];
 *   void zl_check_cname_and_other(const struct zl_record *rec, struct zl_ctx *ctx);
 * (syntax and unused-suppression have none: the parser and the suppression
 * engine report them.) */

#endif
