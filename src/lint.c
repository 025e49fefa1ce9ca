#include "lint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"

struct run {
    struct zl_engine *engine;
    struct zl_diags *out;
};

void zl_diags_free(struct zl_diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        zl_diag_free(&d->v[i]);
    free(d->v);
    memset(d, 0, sizeof *d);
}

static void collect(void *user, struct zl_diag *d)
{
    struct zl_diags *out = user;
    if (out->n == out->cap) {
        out->cap = out->cap ? out->cap * 2 : 16;
        out->v = zl_xrealloc(out->v, out->cap * sizeof *out->v);
    }
    out->v[out->n++] = *d;
    memset(d, 0, sizeof *d);
}

static void on_record(void *user, const struct zl_record *rec)
{
    struct run *r = user;
    zl_engine_record(r->engine, rec);
}

static void on_comment(void *user, const struct zl_comment *c)
{
    struct run *r = user;
    zl_engine_comment(r->engine, c->text, c->len, &c->span, c->own_line);
}

static void on_diag(void *user, struct zl_diag *d)
{
    struct run *r = user;
    zl_engine_diag(r->engine, d);
}

static int lint(const char *path, const char *display, const char *data, size_t len,
                const struct zl_lint_opts *opts, struct zl_source **sources, struct zl_diags *out)
{
    struct zl_diag_sink sink = { collect, out };
    struct zl_engine *e = zl_engine_new(&opts->sel, sink);
    struct run r = { e, out };
    struct zl_name fname;
    const struct zl_name *origin = opts->origin;
    if (!origin && zl_origin_from_filename(display ? display : path ? path : "", &fname))
        origin = &fname;

    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    po.origin = origin;
    po.zone = opts->origin; /* given explicitly: it is the zone */
    po.include_root = opts->include_root;
    po.no_include = opts->no_include;
    po.on_record = on_record;
    po.on_comment = on_comment;
    po.user = &r;
    po.sink.emit = on_diag;
    po.sink.user = &r;
    po.sources = sources;

    zl_engine_begin(e, opts->origin);
    if (opts->disable)
        for (const char *const *d = opts->disable; *d; d++)
            zl_engine_disable_file(e, *d);
    struct zl_parse_result res;
    int rc = data ? zl_parse_buffer(data, len, display ? display : "<buffer>", &po, &res)
                  : zl_parse_file(path, display, &po, &res);
    zl_engine_end(e, res.saw_include);
    zl_engine_free(e);
    return rc;
}

int zl_lint_file(const char *path, const char *display_name, const struct zl_lint_opts *opts,
                 struct zl_source **sources, struct zl_diags *out)
{
    return lint(path, display_name, NULL, 0, opts, sources, out);
}

int zl_lint_buffer(const char *data, size_t len, const char *name, const struct zl_lint_opts *opts,
                   struct zl_source **sources, struct zl_diags *out)
{
    return lint(NULL, name, data, len, opts, sources, out);
}
