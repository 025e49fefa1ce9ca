/* SPDX-License-Identifier: MIT */
/* --baseline FILE and --write-baseline FILE: adopting zonelint in a
 * repository that has findings already. The baseline records each finding
 * by a fingerprint that survives lines moving: the file (relative to the
 * baseline's directory), the rule, and a hash of the record it is about
 * (owner, type and value, as the engine saw it: zl_diag.subject), or of
 * its source line when it is about no record (a syntax error), or of
 * nothing for a finding about the whole file. Findings the baseline
 * records are not reported; an entry that matches fewer findings than it
 * records (the finding was fixed) is reported once, as an info finding of
 * unused-suppression (ZL9001) at its line of the baseline file, so the
 * baseline shrinks. Only entries of files this run linted can be stale.
 *
 * The file is JSON, one entry per line, sorted (file, code, owner, type,
 * hash), so that it diffs well:
 *   {
 *     "zonelint-baseline": 1,
 *     "findings": [
 *       {"file": "zones/a.zone", "code": "ZL2102", "rule": "target-relative-external",
 *        "owner": "www.example.com.", "type": "CNAME", "hash": "9c0f3a2be61d7f45", "count": 1}
 *     ]
 *   }
 * owner and type are there for people reading the file; matching uses
 * file, code and hash. */
#ifndef ZL_BASELINE_H
#define ZL_BASELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/source.h"

struct zl_diags;
struct zl_baseline;

/* Reads a baseline. Returns it, or NULL after printing why (exit 2). */
struct zl_baseline *zl_baseline_load(const char *path);
void zl_baseline_free(struct zl_baseline *b);

/* Removes from ds the findings b records (each entry takes as many as it
 * counts); returns how many. */
size_t zl_baseline_filter(struct zl_baseline *b, struct zl_diags *ds);

/* The entries that matched fewer findings than they record, of files this
 * run linted (files: as written), as ZL9001 info findings appended to out;
 * the baseline file becomes a source on *sources so they can point into it. */
void zl_baseline_stale(struct zl_baseline *b, char *const *files, size_t nfiles, struct zl_source **sources,
                       struct zl_diags *out);

/* --write-baseline: collects findings, then writes the file (safely).
 * Returns the number of findings recorded, or -1 after printing why. */
struct zl_baseline_writer;
struct zl_baseline_writer *zl_baseline_writer_new(const char *path);
void zl_baseline_writer_add(struct zl_baseline_writer *w, const struct zl_diag *d);
long zl_baseline_writer_finish(struct zl_baseline_writer *w);

/* The fingerprint of a finding (16 hex digits and a NUL), for tests. */
void zl_baseline_hash(const struct zl_diag *d, char out[17]);

#endif
