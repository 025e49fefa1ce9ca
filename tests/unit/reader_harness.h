/* SPDX-License-Identifier: MIT */
/* For the unit tests of the structured readers: reads a text or a file
 * through zl_read_input (as `check` and `print` do) and keeps what came
 * out: records as `print` writes them, with their spans, and findings. */
#ifndef ZL_TEST_READER_HARNESS_H
#define ZL_TEST_READER_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/names.h"
#include "input/readers.h"
#include "lint/lint.h"
#include "report/print.h"
#include "rdata/record.h"

#define H_RECS 64
#define H_DIAGS 32

struct h_rec {
    char line[1200];         /* print form, without its newline */
    char owner_tok[256];
    char origin[256];        /* the record's origin, "" when none */
    struct zl_span owner_span, type_span;
    unsigned ntoks;
    struct zl_span tok_span[8];
    char set_id[64];
};

struct h_diag {
    char code[8];
    char msg[1024];
    struct zl_span span;
};

struct h_got {
    struct h_rec recs[H_RECS];
    unsigned nrecs;
    struct h_diag diags[H_DIAGS];
    unsigned ndiags;
    struct zl_buf printed;
    struct zl_source *sources;
    struct zl_parse_result res;
    enum zl_input_format used;
};

#define H_UNUSED __attribute__((unused))

static void h_on_record(void *user, const struct zl_record *rec)
{
    struct h_got *g = user;
    zl_print_record(rec, &g->printed);
    if (g->nrecs >= H_RECS)
        return;
    struct h_rec *t = &g->recs[g->nrecs++];
    memset(t, 0, sizeof *t);
    struct zl_buf b = { 0 };
    zl_print_record(rec, &b);
    snprintf(t->line, sizeof t->line, "%.*s", (int)(b.len ? b.len - 1 : 0), (const char *)b.data);
    zl_buf_free(&b);
    snprintf(t->owner_tok, sizeof t->owner_tok, "%.*s", (int)rec->owner_tok.len, rec->owner_tok.text);
    if (rec->origin)
        zl_name_to_text(rec->origin, t->origin);
    t->owner_span = rec->owner_tok.span;
    t->type_span = rec->type_span;
    t->ntoks = rec->ntoks;
    for (unsigned i = 0; i < rec->ntoks && i < 8; i++)
        t->tok_span[i] = rec->toks[i].span;
    if (rec->set_id)
        snprintf(t->set_id, sizeof t->set_id, "%.*s", (int)rec->set_id_len, rec->set_id);
}

static void h_on_diag(void *user, struct zl_diag *d)
{
    struct h_got *g = user;
    if (g->ndiags < H_DIAGS) {
        struct h_diag *t = &g->diags[g->ndiags++];
        snprintf(t->code, sizeof t->code, "%s", d->code);
        snprintf(t->msg, sizeof t->msg, "%s", d->message);
        t->span = d->span;
    }
    zl_diag_free(d);
}

/* zone: --origin (NULL: none); path == NULL reads text as a file named name. */
static struct h_got *h_read(const char *path, const char *text, const char *name, enum zl_input_format fmt,
                            const struct zl_name *zone)
{
    struct h_got *g = calloc(1, sizeof *g);
    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    po.origin = zone;
    po.zone = zone;
    po.on_record = h_on_record;
    po.user = g;
    po.sink.emit = h_on_diag;
    po.sink.user = g;
    po.sources = &g->sources;
    if (path)
        zl_read_input(path, NULL, NULL, 0, fmt, &po, &g->res, &g->used);
    else
        zl_read_input(NULL, name, text, strlen(text), fmt, &po, &g->res, &g->used);
    return g;
}

static void h_free(struct h_got *g)
{
    zl_buf_free(&g->printed);
    zl_parse_sources_free(g->sources);
    free(g);
}

/* How many findings of a code the reader made. */
static unsigned h_count(const struct h_got *g, const char *code)
{
    unsigned n = 0;
    for (unsigned i = 0; i < g->ndiags; i++)
        n += strcmp(g->diags[i].code, code) == 0;
    return n;
}

/* The first finding of a code, or NULL. */
H_UNUSED static const struct h_diag *h_find(const struct h_got *g, const char *code)
{
    for (unsigned i = 0; i < g->ndiags; i++)
        if (!strcmp(g->diags[i].code, code))
            return &g->diags[i];
    return NULL;
}

/* Every finding, to read when a test fails. */
static void h_dump(const struct h_got *g)
{
    for (unsigned i = 0; i < g->ndiags; i++)
        fprintf(stderr, "  %u:%u %s %s\n", g->diags[i].span.line, g->diags[i].span.col, g->diags[i].code,
                g->diags[i].msg);
}

/* Findings of the whole lint (every rule), counted by code. */
H_UNUSED static unsigned h_lint_count(const char *text, const char *name, const struct zl_name *origin, const char *code)
{
    struct zl_lint_opts o;
    memset(&o, 0, sizeof o);
    o.input_format = ZL_INPUT_AUTO;
    o.origin = origin;
    struct zl_diags d = { 0 };
    struct zl_source *sources = NULL;
    zl_lint_buffer(text, strlen(text), name, &o, &sources, &d);
    unsigned n = 0;
    for (size_t i = 0; i < d.n; i++)
        n += strcmp(d.v[i].code, code) == 0;
    zl_diags_free(&d);
    zl_parse_sources_free(sources);
    return n;
}

/* `print` of an export equals `print` of its BIND twin, byte for byte. */
H_UNUSED static void h_same_print(const char *export_path, const char *bind_path, const char *zone_text)
{
    struct zl_name zone;
    assert_int_equal(zl_name_from_text(&zone, zone_text, strlen(zone_text), NULL, NULL), ZL_NAME_OK);
    struct h_got *a = h_read(export_path, NULL, NULL, ZL_INPUT_AUTO, NULL);
    struct h_got *b = h_read(bind_path, NULL, NULL, ZL_INPUT_AUTO, &zone);
    assert_false(a->res.io_error);
    assert_false(b->res.io_error);
    assert_true(a->nrecs >= 10);
    assert_int_equal(a->ndiags, 0);
    assert_int_equal(b->ndiags, 0);
    assert_int_equal(a->printed.len, b->printed.len);
    assert_memory_equal(a->printed.data, b->printed.data, a->printed.len);
    h_free(a);
    h_free(b);
}

H_UNUSED static void h_at(struct zl_span s, uint32_t line, uint32_t col, uint32_t end_col)
{
    if (s.line != line || s.col != col || (end_col && s.end_col != end_col))
        fprintf(stderr, "  span %u:%u-%u, expected %u:%u-%u\n", s.line, s.col, s.end_col, line, col, end_col);
    assert_int_equal(s.line, line);
    assert_int_equal(s.col, col);
    if (end_col)
        assert_int_equal(s.end_col, end_col);
}

#endif
