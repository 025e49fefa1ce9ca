/* SPDX-License-Identifier: MIT */
/* Looking rules up in a registry by code or slug. */
#include "lint/rule.h"

#include <stddef.h>

#include "base/ascii.h"

const struct zl_rule *zl_registry_find(const struct zl_registry *reg, const char *code_or_slug)
{
    if (!code_or_slug)
        return NULL;
    /* A linear scan: the table has tens of entries and lookups happen while
     * reading options and suppressions, not per record. */
    for (unsigned i = 0; i < reg->nrules; i++) {
        if (!zl_ascii_casecmp(code_or_slug, reg->rules[i].code) ||
            !zl_ascii_casecmp(code_or_slug, reg->rules[i].slug))
            return &reg->rules[i];
    }
    return NULL;
}
