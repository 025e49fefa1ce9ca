/* SPDX-License-Identifier: MIT */
/* The hash of the RR-type mnemonic lookup, shared by types.c and the
 * generator that makes it perfect (tools/gentypes.c): a key from the
 * length and three characters (first, middle, last), ASCII case folded
 * with | 0x20 (letters only change; digits and '-' already have the bit),
 * then multiplied by a constant the generator searched for, so that every
 * mnemonic of types.def lands in its own slot. The caller compares the
 * whole mnemonic after the lookup: the key only picks the candidate. */
#ifndef ZL_RDATA_TYPE_HASH_H
#define ZL_RDATA_TYPE_HASH_H

#include <stddef.h>
#include <stdint.h>

/* n >= 1. */
static inline uint32_t zl_type_hash_key(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    return (uint32_t)n << 24 | (uint32_t)(u[0] | 0x20) << 16 | (uint32_t)(u[n / 2] | 0x20) << 8 |
           (uint32_t)(u[n - 1] | 0x20);
}

static inline unsigned zl_type_hash_slot(uint32_t key, uint32_t mul, unsigned bits)
{
    return (unsigned)((uint32_t)(key * mul) >> (32 - bits));
}

#endif
