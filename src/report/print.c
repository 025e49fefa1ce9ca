#include "report/print.h"

#include "rdata/rdata.h"
#include "rdata/types.h"

int zl_print_record(const struct zl_record *rec, struct zl_buf *out)
{
    size_t mark = out->len;
    char tmp[16];
    zl_name_to_buf(&rec->owner, out);
    zl_buf_putc(out, '\t');
    zl_buf_put_uint(out, rec->ttl);
    zl_buf_putc(out, '\t');
    zl_buf_puts(out, zl_class_to_text(rec->rclass, tmp));
    zl_buf_putc(out, '\t');
    zl_buf_puts(out, zl_type_to_text(rec->type, tmp));
    zl_buf_putc(out, '\t');
    if (zl_rdata_to_text(rec->type, rec->rdata, rec->rdlen, out) != 0) {
        out->len = mark;
        return -1;
    }
    zl_buf_putc(out, '\n');
    return 0;
}
