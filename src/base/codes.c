/* SPDX-License-Identifier: MIT */
/* The codes table, expanded from rules/rules.def. */
#include "base/codes.h"

const struct zl_code zl_codes[ZL_RULE__COUNT] = {
#define ZL_PASS(...)
#define ZL_RULE(code, id, slug, severity, ...) { #code, slug, ZL_SEV_##severity },
#include "rules/rules.def"
#undef ZL_RULE
#undef ZL_PASS
};
