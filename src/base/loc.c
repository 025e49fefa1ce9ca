/* SPDX-License-Identifier: MIT */
#include "base/loc.h"

struct zl_span zl_span_join(const struct zl_span *a, const struct zl_span *b)
{
    struct zl_span s = *a;
    s.end_line = b->end_line;
    s.end_col = b->end_col;
    return s;
}

struct zl_span zl_span_sub(const struct zl_span *s, uint32_t off, uint32_t len)
{
    struct zl_span r = *s;
    if (s->line != s->end_line || s->col + off + len > s->end_col)
        return r; /* not on one line, or past its end: keep the whole token */
    r.col = s->col + off;
    r.end_col = r.col + len;
    return r;
}
