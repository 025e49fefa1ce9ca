/* SPDX-License-Identifier: MIT */
/* `zonelint print`: one record per line as a name server will serve it,
 * owner<TAB>ttl<TAB>class<TAB>type<TAB>rdata (named-checkzone -D style). */
#ifndef ZL_PRINT_H
#define ZL_PRINT_H

#include <stdio.h>

#include "base/buf.h"
#include "rdata/record.h"

/* Appends the record's line (with '\n') to out. Returns 0, or -1 when its
 * RDATA cannot be shown (then nothing is appended). */
int zl_print_record(const struct zl_record *rec, struct zl_buf *out);
/* Same, and where the line's TTL is in it (offset, length). */
int zl_print_record_ttl(const struct zl_record *rec, struct zl_buf *out, size_t *ttl_at, size_t *ttl_len);

/* The whole of `zonelint print` (printer.c): every record's line with the
 * TTL BIND 9.18 gives its RRset. BIND's loader collects the records of one
 * owner written in a row (the same spelling, the same file; records of a
 * name its NS records point to do not end the run; a $GENERATE line's
 * records go in on their own): within such a run an RRset keeps the TTL of
 * its first record ("TTL set to prior TTL"), and the run that comes last
 * sets the TTL of the whole RRset. So the lines are kept until the end and
 * written by zl_printer_finish, in file order. */
struct zl_printer;
struct zl_printer *zl_printer_new(void);
void zl_printer_record(struct zl_printer *pr, const struct zl_record *rec);
/* Writes every line to out and frees pr. Returns 0, or -1 on a write error. */
int zl_printer_finish(struct zl_printer *pr, FILE *out);

#endif
