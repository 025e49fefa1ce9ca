/* The one entry point shared by the libFuzzer target and the replay driver. */
#ifndef ZL_FUZZ_H
#define ZL_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Lints data[1..] as a zone file; data[0] picks the options (fuzz_zone.c). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
