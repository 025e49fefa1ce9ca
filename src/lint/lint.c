/* SPDX-License-Identifier: MIT */
#include "lint/lint.h"

#include "input/named_conf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "input/readers.h"

struct run {
    struct zl_engine *engine;
    struct zl_diags *out;
    const struct zl_lint_opts *opts;
    struct zl_source **sources;
    struct zl_source *before;      /* the sources list before this input */
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
    /* A format without the SOA record (octoDNS: the provider writes it). */
    if (d->rule == ZL_RULE_ZL3101 && !(zl_reader_of_source(d->span.src)->caps & ZL_READS_SOA)) {
        zl_diag_free(d);
        return;
    }
    /* Records of many zones (a Terraform module): the reader checks each
     * record against its own zone, not the engine against the first one's. */
    if (d->rule == ZL_RULE_ZL3103 && (zl_reader_of_source(d->span.src)->caps & ZL_READS_MANY_ZONES)) {
        zl_diag_free(d);
        return;
    }
    /* A fix-it is master-file text; in a JSON/YAML export it would break the file. */
    if (d->fix && !(zl_reader_of_source(d->fix->span.src ? d->fix->span.src : d->span.src)->caps & ZL_READS_FIXITS)) {
        free(d->fix->replacement);
        free(d->fix);
        d->fix = NULL;
    }
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

/* Per engine run: the suppressions of the config and the top file read. */
static void start_run(struct run *r)
{
    if (r->opts->disable)
        for (const char *const *d = r->opts->disable; *d; d++)
            zl_engine_disable_file(r->engine, *d);
}

static void set_top_file(struct run *r)
{
    /* The parser pushes the top file first and its includes after it, so
     * the top file is the one without a parent among the new sources. */
    for (struct zl_source *s = r->sources ? *r->sources : NULL; s && s != r->before; s = s->next)
        if (!s->parent)
            zl_engine_set_file(r->engine, s);
}

/* A reader of many zones: each zone is its own engine run, so no rule
 * compares records of different zones. */
static void on_zone(void *user, const struct zl_name *origin, unsigned index, unsigned nzones)
{
    struct run *r = user;
    if (index > 0) {
        set_top_file(r);
        zl_engine_end(r->engine, false);
        start_run(r);
    }
    zl_engine_begin(r->engine, origin);
    zl_engine_set_input_zones(r->engine, nzones);
}

static int lint(const char *path, const char *display, const char *data, size_t len,
                const struct zl_lint_opts *opts, struct zl_source **sources, struct zl_diags *out)
{
    struct zl_diag_sink sink = { collect, out };
    struct zl_engine *e = zl_engine_new(&opts->sel, sink);
    struct run r = { e, out, opts, sources, sources ? *sources : NULL };
    struct zl_name fname;
    bool from_conf = false;
    const struct zl_name *origin = opts->origin;
    if (!origin)
        origin = zl_initial_origin(path, display ? display : path, &fname, &from_conf, NULL);

    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    po.origin = origin;
    po.origin_is_guess = origin && !opts->origin && !from_conf; /* a zone statement is no guess */
    po.zone = opts->origin; /* given explicitly: it is the zone */
    po.dialect = opts->dialect;
    po.include_root = opts->include_root;
    po.include_root_narrow = opts->include_root_narrow;
    po.no_include = opts->no_include;
    po.octodns_config = opts->octodns_config;
    po.max_input_size = opts->max_input_size;
    po.budget = opts->budget;
    po.max_generate = opts->max_generate;
    po.on_record = on_record;
    po.on_comment = on_comment;
    po.on_zone = on_zone;
    po.user = &r;
    po.sink.emit = on_diag;
    po.sink.user = &r;
    po.sources = sources;
    po.overlay = opts->overlay;

    zl_engine_begin(e, opts->origin);
    zl_engine_set_ses_expect(e, opts->ses_expect);
    zl_engine_set_delegation(e, opts->expect_ns);
    zl_engine_set_senders(e, opts->senders);
    start_run(&r);
    struct zl_parse_result res;
    /* Zone files go to the master-file parser, provider exports to their readers. */
    int rc = zl_read_input(path, data ? (display ? display : "<buffer>") : display, data, len,
                           opts->input_format, &po, &res, NULL);
    set_top_file(&r);
    /* An $INCLUDE that was not read leaves the zone incomplete: what it
     * lacks may be in that file. */
    zl_engine_end(e, res.include_failed);
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
