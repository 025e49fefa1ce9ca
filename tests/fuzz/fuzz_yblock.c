/* SPDX-License-Identifier: MIT */
/* A differential target: the fast block-YAML event source (yblock.c)
 * against libyaml on the input (tests/unit/yb_compare.h), read whole and
 * in reads of a few bytes; any difference aborts. */
#include <stdlib.h>

#include "../unit/yb_compare.h"
#include "fuzz.h"

int zl_fuzz_yblock(const uint8_t *data, size_t size)
{
    if (size > ZL_FUZZ_MAX_INPUT)
        return 0;
    char why[512];
    const char *s = (const char *)data;
    enum yb_result whole = yb_compare(s, size, 0, why, sizeof why);
    if (whole == YB_MISMATCH) {
        fprintf(stderr, "yblock: %s\n", why);
        abort();
    }
    enum yb_result small = yb_compare(s, size, 1 + size % 7, why, sizeof why);
    if (small != whole) {
        fprintf(stderr, "yblock: reads of a few bytes: %s\n", small == YB_MISMATCH ? why : "another result");
        abort();
    }
    return 0;
}
