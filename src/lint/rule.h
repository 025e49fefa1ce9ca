/* The rule registry: every rule is one line in rules/rules.def, expanded
 * here into an enum and a const table (list, explain, SARIF rules[]). */
#ifndef ZL_RULE_H
#define ZL_RULE_H

#include <stdint.h>

#include "base/diag.h"

struct zl_record;
struct zl_zone;
struct zl_ctx;

struct zl_rule {
    const char *code;              /* "ZL2101": stable forever, never reused */
    const char *slug;              /* "name-doubled-origin" */
    enum zl_severity severity;     /* default */
    const char *summary;           /* one line */
    const char *explain;           /* paragraphs with a bad and a good example */
    const uint16_t *types;         /* RR types check_record wants, 0-terminated; NULL = all */
    void (*check_record)(const struct zl_record *rec, struct zl_ctx *ctx);
    void (*check_zone)(const struct zl_zone *zone, struct zl_ctx *ctx);
};

extern const struct zl_rule zl_rules[];
extern const unsigned zl_rule_count;

/* By code ("ZL2101") or slug, case-insensitive; NULL when unknown. */
const struct zl_rule *zl_rule_find(const char *code_or_slug);

#endif
