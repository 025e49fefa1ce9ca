/* SPDX-License-Identifier: MIT */
/* What RDATA parsing reports, shared by the dispatcher (rdata.c) and the
 * readers below it, which must not include rdata.h. */
#ifndef ZL_RDATA_ERROR_H
#define ZL_RDATA_ERROR_H

#include <stdint.h>

/* Fields one record keeps at most (a TXT record may have more strings). */
#define ZL_RDATA_MAX_FIELDS 512

struct zl_rdata_error {
    uint32_t tok;   /* index of the offending token; == ntoks: something is missing */
    char msg[256];  /* e.g. "MX preference must be a number 0-65535, got 'mail'" */
};

#endif
