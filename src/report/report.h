/* SPDX-License-Identifier: MIT */
/* Reporters: turn diagnostics into one of the output formats. This is the
 * stable CLI contract; the formats are described in report_*.c.
 *
 *   struct zl_reporter *r = zl_reporter_new(ZL_FMT_SARIF, stdout, &opts);
 *   for each diagnostic: zl_reporter_add(r, &d);
 *   if (zl_reporter_finish(r) != 0) ... write error: exit 2
 *
 * Reporters write to the FILE* only (fputs/fwrite), never exit, and read
 * source lines back through the diagnostics' spans when they show them, so
 * the sources must stay alive until zl_reporter_finish (source.h: a source
 * lives for the whole run). */
#ifndef ZL_REPORT_H
#define ZL_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "base/diag.h"

enum zl_format { ZL_FMT_TEXT, ZL_FMT_GCC, ZL_FMT_JSON, ZL_FMT_SARIF, ZL_FMT_GITHUB };

struct zl_report_opts {
    bool color;            /* ANSI colours (text and gcc); the caller decides TTY/NO_COLOR */
    const char *base_dir;  /* SARIF: URIs are made relative to this directory
                              (the repository root); NULL: relative paths stay
                              as given, absolute ones become file:// URIs */
};

struct zl_reporter;

/* opts may be NULL (no colour, no base dir). Copies what it needs from opts.
 * Formats with a header (json, sarif) write it here. */
struct zl_reporter *zl_reporter_new(enum zl_format fmt, FILE *out, const struct zl_report_opts *opts);
void zl_reporter_add(struct zl_reporter *r, const struct zl_diag *d);
/* The findings of one file together: the text format shows a note that
 * every finding of a rule repeats once, with a count. */
void zl_reporter_add_all(struct zl_reporter *r, const struct zl_diag *v, size_t n);
/* Writes the trailer, flushes and frees r. Returns 0, or -1 when writing
 * failed at any point (the stream's error flag was set). */
int zl_reporter_finish(struct zl_reporter *r);

/* "text", "gcc", "json", "sarif", "github" (ASCII case-insensitive): 0 and
 * *out set, or -1 for anything else ("auto" is the CLI's business). */
int zl_format_from_name(const char *name, enum zl_format *out);
const char *zl_format_name(enum zl_format fmt);

#endif
