/* SPDX-License-Identifier: MIT */
/* The reporter object: picks the format's ops and owns what every format
 * needs (the stream, a source-line cache, scratch buffers). */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include "report/report_impl.h"

static const struct {
    const char *name;
    enum zl_format fmt;
    const struct zl_report_ops *ops;
} formats[] = {
    { "text", ZL_FMT_TEXT, &zl_report_text_ops },
    { "gcc", ZL_FMT_GCC, &zl_report_gcc_ops },
    { "json", ZL_FMT_JSON, &zl_report_json_ops },
    { "sarif", ZL_FMT_SARIF, &zl_report_sarif_ops },
    { "github", ZL_FMT_GITHUB, &zl_report_github_ops },
};

#define NFORMATS (sizeof formats / sizeof formats[0])

static bool same_ascii_nocase(const char *a, const char *b)
{
    for (;; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y + 32);
        if (x != y)
            return false;
        if (!x)
            return true;
    }
}

int zl_format_from_name(const char *name, enum zl_format *out)
{
    for (size_t i = 0; name && i < NFORMATS; i++) {
        if (same_ascii_nocase(name, formats[i].name)) {
            *out = formats[i].fmt;
            return 0;
        }
    }
    return -1;
}

const char *zl_format_name(enum zl_format fmt)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].fmt == fmt)
            return formats[i].name;
    return "text";
}

struct zl_reporter *zl_reporter_new(enum zl_format fmt, FILE *out, const struct zl_report_opts *opts)
{
    const struct zl_report_ops *ops = &zl_report_text_ops;
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].fmt == fmt)
            ops = formats[i].ops;

    struct zl_reporter *r = zl_xcalloc(1, sizeof *r);
    r->ops = ops;
    r->out = out;
    if (opts) {
        r->color = opts->color;
        r->base_dir = opts->base_dir ? zl_xstrdup(opts->base_dir) : NULL;
    }
    r->lines = zl_line_cache_new();
    if (r->ops->begin)
        r->ops->begin(r);
    return r;
}

void zl_reporter_add(struct zl_reporter *r, const struct zl_diag *d)
{
    if (!r || !d)
        return;
    r->ops->add(r, d);
    r->count++;
}

void zl_reporter_add_all(struct zl_reporter *r, const struct zl_diag *v, size_t n)
{
    if (!r || !n)
        return;
    if (r->ops->add_all) {
        r->ops->add_all(r, v, n);
        return;
    }
    for (size_t i = 0; i < n; i++)
        zl_reporter_add(r, &v[i]);
}

int zl_reporter_finish(struct zl_reporter *r)
{
    if (!r)
        return 0;
    r->ops->finish(r);
    int rc = (fflush(r->out) != 0 || ferror(r->out)) ? -1 : 0;
    zl_line_cache_free(r->lines);
    zl_buf_free(&r->line);
    zl_buf_free(&r->tmp);
    free(r->base_dir);
    free(r);
    return rc;
}

void zl_report_flush(struct zl_reporter *r, struct zl_buf *b)
{
    if (b->len)
        fwrite(b->data, 1, b->len, r->out);
    b->len = 0;
}
