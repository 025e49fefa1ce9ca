/* SPDX-License-Identifier: MIT */
/* --fix, --unsafe-fixes and --diff: applying fix-its to the files they point
 * into.
 *
 * A fixer holds the text of every file it has changed so far, and hands it
 * to the parser as an overlay (parser.h), so the CLI can lint a file again
 * after fixing it: a fix-it that overlapped one applied, or one a first fix
 * made possible, gets its turn in the next round, and a second --fix finds
 * nothing to do. At the end the changed files are written (--fix) or shown
 * as a unified diff (--diff), both from the same text.
 *
 * What is applied: fix-its of the selected safety (safe; unsafe too with
 * --unsafe-fixes) in master files (the reader table's ZL_READS_FIXITS);
 * bytes outside the fixed spans are kept as they are (comments, blanks,
 * CRLF, a byte order mark). Not applied: a fix-it whose span touches a line
 * with a syntax error or a $GENERATE line, or overlaps one applied before it
 * in the same round (it is looked at again next round), and fix-its in a
 * file that may not be written: a file reached through a link that leads
 * outside the repository, a file with several hard links, standard input
 * for --fix. */
#ifndef ZL_FIX_H
#define ZL_FIX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/buf.h"
#include "base/diag.h"
#include "input/confine.h"
#include "input/parser.h"

struct zl_diags;

struct zl_fixer;

struct zl_fixer *zl_fixer_new(bool unsafe, bool write);
void zl_fixer_free(struct zl_fixer *f);

/* The changed text, for zl_lint_opts.overlay. */
const struct zl_overlay *zl_fixer_overlay(struct zl_fixer *f);

/* Whether d's fix-it is one this run applies (its safety, a file, a line). */
bool zl_fixer_wants(const struct zl_fixer *f, const struct zl_diag *d);

/* Applies what it can of the fix-its of one lint (ds) to the files they
 * point into; files must lie in repo (the repository of the file named on
 * the command line) to be changed. Returns the number of findings fixed
 * (0: nothing changed). */
size_t zl_fixer_apply(struct zl_fixer *f, const struct zl_diags *ds, const struct zl_root *repo);

/* The current text of standard input (after zl_fixer_apply changed it), or
 * NULL when it was not changed. */
const char *zl_fixer_stdin_text(struct zl_fixer *f, size_t *len);

/* Files changed so far. */
size_t zl_fixer_changed(const struct zl_fixer *f);

/* --diff: a unified diff of every changed file to out (paths relative to
 * the working directory, as `patch -p0` reads them). Returns 0, or -1 when
 * writing failed. */
int zl_fixer_print_diff(struct zl_fixer *f, FILE *out);

/* --fix: writes every changed file (fix_write.c); each failure is said on
 * err. Returns 0, or -1 when a file could not be written (it is left as it
 * was). */
int zl_fixer_write(struct zl_fixer *f, FILE *err);

/* ---- the parts, for unit tests ---- */

/* Byte offsets [*start, *end) of span sp in text, as the master-file parser
 * counts lines and columns (1-based; a UTF-8 byte order mark at the start
 * is not counted). Returns 0, or -1 when the span is not inside text. */
int zl_fix_span_offsets(const char *text, size_t len, const struct zl_span *sp, size_t *start, size_t *end);

/* A unified diff of a and b under the name label (both headers), with three
 * lines of context, appended to out; nothing when they are equal. */
void zl_unified_diff(struct zl_buf *out, const char *label, const char *a, size_t alen, const char *b,
                     size_t blen);

/* Replaces path's content with data, safely: a temporary file in the same
 * directory, written and fsync'd, given the original's mode and owner,
 * renamed over it; the original is never left truncated. expect: the file
 * as it was when it was read (it must still be: device, inode, size and
 * modification time), or NULL for any file or none yet (a new file gets
 * 0666 less the umask). Returns 0, or -1 with the reason in err (the file
 * is unchanged). */
struct stat;
int zl_safe_write(const char *path, const void *data, size_t len, const struct stat *expect, char *err,
                  size_t errlen);

#endif
