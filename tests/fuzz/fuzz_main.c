/* The libFuzzer target: ZL_FUZZ_ENTRY (zl_fuzz_zone, zl_fuzz_route53, ...)
 * is chosen when compiling, one binary per reader (make fuzz FUZZ_TARGET=). */
#include "fuzz.h"

#ifndef ZL_FUZZ_ENTRY
#error "compile with -DZL_FUZZ_ENTRY=zl_fuzz_<target>"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return ZL_FUZZ_ENTRY(data, size);
}
