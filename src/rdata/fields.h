/* SPDX-License-Identifier: MIT */
/* Internal to src/rdata: the field engine. Reads and prints one field of a
 * field code (type_row.h), and whole field lists: the types whose row says
 * ENGINE are nothing more; family hooks use it for their ordinary fields. */
#ifndef ZL_RDATA_FIELDS_H
#define ZL_RDATA_FIELDS_H

#include "rdata/enc.h"

/* One field of the given code: 0, or -1 with the error filled. */
int zl_rd_pfield(struct pctx *c, int code, const char *label);
/* Every field of the list, in order. */
int zl_rd_pfields(struct pctx *c, const struct fdesc *f, size_t n);

/* Prints (and records) one field of the given code: 0, or -1 when the
 * wire data is not valid for it. */
int zl_rd_wcode(struct wctx *w, int code);
int zl_rd_wfields(struct wctx *w, const struct fdesc *f, size_t n);

#endif
