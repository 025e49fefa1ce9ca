/* SPDX-License-Identifier: MIT */
/* Diagnostic construction and destruction. Messages are formatted once,
 * here, so reporters only ever copy finished text. */
#include "base/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/codes.h"
#include "base/source.h"

const char *zl_severity_name(enum zl_severity s)
{
    switch (s) {
    case ZL_SEV_INFO:
        return "info";
    case ZL_SEV_WARNING:
        return "warning";
    case ZL_SEV_ERROR:
        return "error";
    }
    return "error"; /* unreachable for valid values; never print garbage */
}

const char *zl_fix_safety_name(enum zl_fix_safety s)
{
    return s == ZL_FIX_UNSAFE ? "unsafe" : "safe";
}

void zl_diag_free(struct zl_diag *d)
{
    if (!d)
        return;
    free(d->message);
    for (size_t i = 0; i < d->nnotes; i++)
        free(d->notes[i]);
    free(d->notes);
    if (d->fix) {
        free(d->fix->replacement);
        free(d->fix);
    }
    for (size_t i = 0; i < d->nprops; i++) {
        free(d->props[i].key);
        free(d->props[i].value);
    }
    free(d->props);
    free(d->subject.owner);
    memset(d, 0, sizeof *d);
}

static char *vformat(const char *fmt, va_list ap)
{
    struct zl_buf b = { 0 };
    zl_buf_vprintf(&b, fmt, ap);
    return zl_buf_cstr(&b); /* ownership of the buffer moves to the caller */
}

void zl_diag_init(struct zl_diag *d, unsigned rule, enum zl_severity sev,
                  struct zl_span span, const char *fmt, ...)
{
    memset(d, 0, sizeof *d);
    d->code = zl_codes[rule].code;
    d->slug = zl_codes[rule].slug;
    d->rule = (uint16_t)rule;
    d->severity = sev;
    d->span = span;
    va_list ap;
    va_start(ap, fmt);
    d->message = vformat(fmt, ap);
    va_end(ap);
}

void zl_diag_add_note(struct zl_diag *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *note = vformat(fmt, ap);
    va_end(ap);
    d->notes = zl_xrealloc(d->notes, (d->nnotes + 1) * sizeof *d->notes);
    d->notes[d->nnotes++] = note;
}

void zl_diag_set_prop(struct zl_diag *d, const char *key, const char *value)
{
    for (size_t i = 0; i < d->nprops; i++)
        if (strcmp(d->props[i].key, key) == 0) {
            free(d->props[i].value);
            d->props[i].value = zl_xstrdup(value);
            return;
        }
    d->props = zl_xrealloc(d->props, (d->nprops + 1) * sizeof *d->props);
    d->props[d->nprops].key = zl_xstrdup(key);
    d->props[d->nprops].value = zl_xstrdup(value);
    d->nprops++;
}

const char *zl_diag_prop(const struct zl_diag *d, const char *key)
{
    for (size_t i = 0; i < d->nprops; i++)
        if (strcmp(d->props[i].key, key) == 0)
            return d->props[i].value;
    return NULL;
}

void zl_diag_set_fix(struct zl_diag *d, struct zl_span span, const char *replacement,
                     enum zl_fix_safety safety)
{
    if (d->fix)
        free(d->fix->replacement);
    else
        d->fix = zl_xmalloc(sizeof *d->fix);
    d->fix->span = span;
    d->fix->replacement = zl_xstrdup(replacement ? replacement : "");
    d->fix->safety = safety;
}

void zl_diag_copy(struct zl_diag *dst, const struct zl_diag *src)
{
    *dst = *src;
    dst->message = src->message ? zl_xstrdup(src->message) : NULL;
    dst->notes = NULL;
    if (src->nnotes) {
        dst->notes = zl_xmalloc(src->nnotes * sizeof *dst->notes);
        for (size_t i = 0; i < src->nnotes; i++)
            dst->notes[i] = zl_xstrdup(src->notes[i]);
    }
    dst->fix = NULL;
    if (src->fix)
        zl_diag_set_fix(dst, src->fix->span, src->fix->replacement, src->fix->safety);
    dst->subject.owner = src->subject.owner ? zl_xstrdup(src->subject.owner) : NULL;
    dst->props = NULL;
    dst->nprops = 0;
    for (size_t i = 0; i < src->nprops; i++)
        zl_diag_set_prop(dst, src->props[i].key, src->props[i].value);
}

static int cmp_u32(uint32_t a, uint32_t b)
{
    return (a > b) - (a < b);
}

int zl_diag_cmp(const struct zl_diag *a, const struct zl_diag *b)
{
    const struct zl_source *sa = a->span.src, *sb = b->span.src;
    if (sa != sb) {
        if (!sa || !sb)
            return sa ? 1 : -1;
        int c = strcmp(sa->path ? sa->path : "", sb->path ? sb->path : "");
        if (c)
            return c;
    }
    int c = cmp_u32(a->span.line, b->span.line);
    if (!c)
        c = cmp_u32(a->span.col, b->span.col);
    if (!c)
        c = strcmp(a->code ? a->code : "", b->code ? b->code : "");
    return c;
}

void zl_sink_vemit(const struct zl_diag_sink *sink, unsigned rule, const struct zl_span *span,
                   const char *fmt, va_list ap)
{
    if (!sink->emit)
        return;
    struct zl_diag d;
    memset(&d, 0, sizeof d);
    d.code = zl_codes[rule].code;
    d.slug = zl_codes[rule].slug;
    d.severity = zl_codes[rule].severity;
    d.rule = (uint16_t)rule;
    d.span = *span;
    d.message = vformat(fmt, ap);
    sink->emit(sink->user, &d);
}
