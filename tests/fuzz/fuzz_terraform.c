/* SPDX-License-Identifier: MIT */
/* Fuzz targets for the Terraform reader (src/input/terraform/): one file
 * given as bytes, read as a module of its own and linted with every rule.
 *
 * First byte:
 *   bit 0  --origin example.com.
 *   bit 1  terraform: named main.tf.json (Terraform's JSON syntax), else main.tf
 *   bit 3  reporter (zl_fuzz_report: bits 4-6) */
#include <string.h>

#include "input/readers.h"
#include "fuzz.h"

static int fuzz_tf(const uint8_t *data, size_t size, enum zl_input_format fmt, const char *name)
{
    if (size < 1 || size > ZL_FUZZ_MAX_INPUT)
        return 0;
    unsigned flags = data[0];
    struct zl_lint_opts lo;
    memset(&lo, 0, sizeof lo);
    lo.origin = (flags & 1) ? zl_fuzz_origin() : NULL;
    lo.no_include = true;
    lo.input_format = (int)fmt;
    zl_fuzz_lint((const char *)data + 1, size - 1, name, &lo, flags);
    return 0;
}

int zl_fuzz_terraform(const uint8_t *data, size_t size)
{
    return fuzz_tf(data, size, ZL_INPUT_TERRAFORM, size && (data[0] & 2) ? "main.tf.json" : "main.tf");
}

int zl_fuzz_tfjson(const uint8_t *data, size_t size)
{
    return fuzz_tf(data, size, ZL_INPUT_TFJSON, "plan.json");
}
