/* SPDX-License-Identifier: MIT */
/* The libFuzzer target: ZL_FUZZ_ENTRY (zl_fuzz_zone, zl_fuzz_route53, ...)
 * is chosen when compiling, one binary per reader (make fuzz FUZZ_TARGET=). */
#include "fuzz.h"

#ifndef ZL_FUZZ_ENTRY
#error "compile with -DZL_FUZZ_ENTRY=zl_fuzz_<target>"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Called once by libFuzzer: see zl_fuzz_max_generate. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    zl_fuzz_max_generate = 1024;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return ZL_FUZZ_ENTRY(data, size);
}
