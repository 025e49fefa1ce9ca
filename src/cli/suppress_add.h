/* SPDX-License-Identifier: MIT */
/* --add-suppressions (ruff's --add-noqa): writes "; zonelint: disable=CODE"
 * on the line of every finding left, in master files, so a repository with
 * findings can adopt zonelint and fix them one by one. A line that already
 * has a "zonelint: disable=" comment gets the new codes added to its list;
 * another comment keeps its text and gets the suppression after it.
 * Not written: syntax errors and unreadable files (ZL1000, ZL1001: fix
 * those), unused suppressions (ZL9001), findings in provider exports (they
 * have no comments: use --baseline or the configuration's disable), lines
 * with an unbalanced quote, files outside the repository. */
#ifndef ZL_SUPPRESS_ADD_H
#define ZL_SUPPRESS_ADD_H

#include <stddef.h>

#include "base/diag.h"
#include "input/confine.h"

struct zl_suppress_adder;

struct zl_suppress_adder *zl_suppress_adder_new(void);
/* A finding of a file whose repository is repo (files outside it are left). */
void zl_suppress_adder_add(struct zl_suppress_adder *a, const struct zl_diag *d, const struct zl_root *repo);
/* Writes every file (safely); prints what it did on stderr. Returns 0, or
 * -1 when a file could not be written. */
int zl_suppress_adder_finish(struct zl_suppress_adder *a);

/* The line with codes (comma-separated) suppressed, into out; for tests.
 * Returns 0, or -1 when the line cannot take a comment. */
struct zl_buf;
int zl_suppress_line(const char *line, size_t len, const char *codes, struct zl_buf *out);

#endif
