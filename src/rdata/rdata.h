/* SPDX-License-Identifier: MIT */
/* RDATA per type: presentation tokens -> wire (validating exactly as BIND
 * does), and wire -> BIND's presentation text. Driven by the RR-type table,
 * types.def (src/rdata/README). */
#ifndef ZL_RDATA_H
#define ZL_RDATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/names.h"
#include "rdata/record.h"

#include "rdata/rdata_error.h"

/* Parses the RDATA tokens of a record of the given type (known or not; the
 * RFC 3597 "\# len hex" form is accepted for every type). Appends wire bytes
 * to wire (which the caller clears) and fills fields. Relative names get
 * origin appended (origin may be NULL: relative names are then an error).
 * Returns 0 on success, -1 with err filled. */
int zl_rdata_parse(uint16_t type, const struct zl_token *toks, size_t ntoks,
                   const struct zl_name *origin, struct zl_buf *wire,
                   struct zl_field *fields, size_t *nfields,
                   struct zl_rdata_error *err);

/* True when the tokens are the RFC 3597 form "\# <length> ...": an unquoted
 * \# first. For TXT only when a decimal number follows, as BIND 9.18 reads
 * it: otherwise "\#" is an escaped '#', the text "#". */
bool zl_rdata_is_generic(uint16_t type, const struct zl_token *toks, size_t ntoks);

/* Appends the presentation form BIND's dump uses (named-checkzone -D) to out.
 * Unknown types print as "\# len hex". Returns 0, or -1 when the wire data is
 * not valid for the type (out is then left unchanged). */
int zl_rdata_to_text(uint16_t type, const uint8_t *rd, size_t len, struct zl_buf *out);

/* True when zonelint parses this type's presentation form (otherwise only
 * the \# form is accepted, as BIND does for types it does not know). */
bool zl_rdata_type_known(uint16_t type);

#endif
