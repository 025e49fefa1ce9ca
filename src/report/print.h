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

#endif
