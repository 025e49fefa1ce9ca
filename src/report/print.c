/* SPDX-License-Identifier: MIT */
#include "report/print.h"

#include <string.h>

#include "rdata/rdata.h"
#include "rdata/types.h"

/* Written straight into the buffer: printing a million records is this
 * function a million times. */
int zl_print_record(const struct zl_record *rec, struct zl_buf *out)
{
    size_t at, len;
    return zl_print_record_ttl(rec, out, &at, &len);
}

int zl_print_record_ttl(const struct zl_record *rec, struct zl_buf *out, size_t *ttl_at, size_t *ttl_len)
{
    size_t mark = out->len;
    zl_buf_reserve(out, ZL_NAME_TEXT_MAX + 64);
    char *o = (char *)out->data + out->len;
    o += zl_name_to_text(&rec->owner, o);
    *o++ = '\t';
    *ttl_at = (size_t)(o - (char *)out->data) - mark;
    *ttl_len = zl_u64_text(rec->ttl, o);
    o += *ttl_len;
    *o++ = '\t';
    char tmp[16];
    const char *cls = rec->rclass == ZL_CLASS_IN ? "IN" : zl_class_to_text(rec->rclass, tmp);
    size_t n = strlen(cls);
    zl_copy_small(o, cls, n);
    o += n;
    *o++ = '\t';
    const char *tn = zl_type_name(rec->type);
    if (!tn)
        tn = zl_type_to_text(rec->type, tmp);
    n = strlen(tn);
    zl_copy_small(o, tn, n);
    o += n;
    *o++ = '\t';
    out->len = (size_t)(o - (char *)out->data);
    if (zl_rdata_to_text(rec->type, rec->rdata, rec->rdlen, out) != 0) {
        out->len = mark;
        return -1;
    }
    zl_buf_putc(out, '\n');
    return 0;
}
