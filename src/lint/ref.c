/* SPDX-License-Identifier: MIT */
#include "lint/ref.h"

#include <stdio.h>
#include <string.h>

#include "base/source.h"

static bool same_file(const struct zl_source *a, const struct zl_source *b)
{
    if (a == b)
        return true;
    if (!a || !b)
        return false;
    if (a->realpath && b->realpath)
        return strcmp(a->realpath, b->realpath) == 0;
    return a->path && b->path && strcmp(a->path, b->path) == 0;
}

const char *zl_line_ref(const struct zl_span *other, const struct zl_span *from, char *buf, size_t cap)
{
    const struct zl_source *s = other->src;
    if (same_file(s, from ? from->src : NULL) || !s || !s->path)
        snprintf(buf, cap, "line %u", other->line);
    else
        snprintf(buf, cap, "%s:%u", s->path, other->line);
    return buf;
}

const char *zl_zone_line_ref(const struct zl_zone *z, uint32_t i, const struct zl_span *from, char *buf,
                             size_t cap)
{
    struct zl_span other = zl_zone_span(z, i);
    return zl_line_ref(&other, from, buf, cap);
}
