/* SPDX-License-Identifier: MIT */
/* How a finding names another record it refers to: "line 12" when that
 * record is in the finding's own file, "modules/mail/email.tf:12" when it
 * is in another (a Terraform module's other file, an $INCLUDEd file). */
#ifndef ZL_REF_H
#define ZL_REF_H

#include <stddef.h>
#include <stdint.h>

#include "base/loc.h"
#include "lint/engine.h"

/* The record written at other, seen from a finding at from. Returns buf. */
const char *zl_line_ref(const struct zl_span *other, const struct zl_span *from, char *buf, size_t cap);
/* The same for record i of the zone summary. */
const char *zl_zone_line_ref(const struct zl_zone *z, uint32_t i, const struct zl_span *from, char *buf,
                             size_t cap);

/* Enough for "line N" and a path as shown. */
#define ZL_LINE_REF_MAX 4200

#endif
