/* SPDX-License-Identifier: MIT */
/* Shared by the rule tests that lint a zone text and look at the findings:
 * lint it (origin example.com., optionally one rule selected), find a
 * finding by code, line, column and message part, or assert there is none.
 * Header-only (static functions): each test_*.c is its own program. */
#ifndef ZL_TEST_LINT_CASE_H
#define ZL_TEST_LINT_CASE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/names.h"
#include "input/parser.h"
#include "input/readers.h"
#include "lint/lint.h"
#include "xcheck/ses_identity.h"

struct result {
    struct zl_source *sources;
    struct zl_diags d;
    const char *text;
};

/* Lints text as file `file` with --origin example.com. (origin NULL: none,
 * as a user who gives none: $ORIGIN, else the file name); select: one code
 * or slug, or NULL for every rule; ses: an identity set for --ses-identity,
 * or NULL. */
static inline void lint_origin(struct result *r, const char *text, const char *file, const char *select,
                               const struct zl_ses_expect *ses, const char *origin_text)
{
    memset(r, 0, sizeof *r);
    r->text = text;
    struct zl_name origin;
    struct zl_lint_opts opts;
    memset(&opts, 0, sizeof opts);
    if (origin_text) {
        assert_int_equal(zl_name_from_text(&origin, origin_text, strlen(origin_text), NULL, NULL), ZL_NAME_OK);
        opts.origin = &origin;
    }
    size_t fl = strlen(file);
    if (fl > 5 && strcmp(file + fl - 5, ".yaml") == 0)
        opts.input_format = ZL_INPUT_AUTO; /* an octoDNS zone */
    opts.ses_expect = ses;
    char *sel[1] = { (char *)select };
    if (select) {
        opts.sel.select = sel;
        opts.sel.nselect = 1;
    }
    assert_int_equal(zl_lint_buffer(text, strlen(text), file, &opts, &r->sources, &r->d), 0);
}

static inline void lint_as(struct result *r, const char *text, const char *file, const char *select,
                           const struct zl_ses_expect *ses)
{
    lint_origin(r, text, file, select, ses, "example.com.");
}

static inline void lint(struct result *r, const char *text, const char *select)
{
    lint_as(r, text, "test.zone", select, NULL);
}

static inline void done(struct result *r)
{
    zl_diags_free(&r->d);
    zl_parse_sources_free(r->sources);
}

static inline void dump(const struct result *r)
{
    for (size_t i = 0; i < r->d.n; i++)
        print_message("  %u:%u %s %s: %s\n", r->d.v[i].span.line, r->d.v[i].span.col, r->d.v[i].code,
                      zl_severity_name(r->d.v[i].severity), r->d.v[i].message);
}

static inline size_t count_code(const struct result *r, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < r->d.n; i++)
        if (strcmp(r->d.v[i].code, code) == 0)
            n++;
    return n;
}

/* The finding of code at line (0: any), col (0: any), msg in its message. */
static inline const struct zl_diag *expect(const struct result *r, const char *code, unsigned line, unsigned col,
                                           const char *msg)
{
    for (size_t i = 0; i < r->d.n; i++) {
        const struct zl_diag *d = &r->d.v[i];
        if (strcmp(d->code, code) || (line && d->span.line != line) || (col && d->span.col != col))
            continue;
        if (msg && !strstr(d->message, msg))
            continue;
        return d;
    }
    print_message("no %s at %u:%u with '%s'; got:\n", code, line, col, msg ? msg : "");
    dump(r);
    fail();
    return NULL;
}

/* No finding of code (NULL: of any code) at or above min severity. */
static inline void expect_none_of(const struct result *r, const char *code, enum zl_severity min)
{
    for (size_t i = 0; i < r->d.n; i++) {
        const struct zl_diag *d = &r->d.v[i];
        if ((code && strcmp(d->code, code)) || d->severity < min)
            continue;
        print_message("expected no %s finding, got:\n", code ? code : "");
        dump(r);
        fail();
    }
}

static inline void expect_none(const struct result *r)
{
    expect_none_of(r, NULL, ZL_SEV_INFO);
}

#endif
