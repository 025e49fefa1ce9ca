/* The rule table, expanded from rules/rules.def, and lookup by code or slug. */
#include "lint/rule.h"

#include <stdbool.h>
#include <stddef.h>

#include "rules/rules.h"

const struct zl_rule zl_rules[] = {
#define ZL_RULE(code, id, slug, sev, summary, types, check_record, check_zone) \
    { #code, slug, ZL_SEV_##sev, summary, zl_explain_##id, types, check_record, check_zone },
#include "rules/rules.def"
#undef ZL_RULE
};

const unsigned zl_rule_count = ZL_RULE__COUNT;

_Static_assert(sizeof zl_rules / sizeof zl_rules[0] == ZL_RULE__COUNT,
               "zl_rules[] and enum zl_rule_id disagree");

/* ASCII-only on purpose: codes and slugs are ASCII, and the C library's
 * strcasecmp would follow the locale. */
static bool same_ascii_nocase(const char *a, const char *b)
{
    for (;; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return false;
        if (x == '\0')
            return true;
    }
}

const struct zl_rule *zl_rule_find(const char *code_or_slug)
{
    if (!code_or_slug)
        return NULL;
    /* A linear scan: the table has tens of entries and lookups happen while
     * reading options and suppressions, not per record. */
    for (unsigned i = 0; i < zl_rule_count; i++) {
        if (same_ascii_nocase(code_or_slug, zl_rules[i].code) ||
            same_ascii_nocase(code_or_slug, zl_rules[i].slug))
            return &zl_rules[i];
    }
    return NULL;
}
