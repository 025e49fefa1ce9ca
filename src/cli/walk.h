/* SPDX-License-Identifier: MIT */
/* Directory arguments: `zonelint zones/` lints the zone files and provider
 * exports below zones/, decided by name and content with the reader table's
 * detection (readers.h): JSON and YAML files a reader recognises (Route 53,
 * Cloud DNS, octoDNS zone files), and master files: *.zone by name, other
 * text files (db.example.com, *.db, ...) when their start reads like one
 * ($ORIGIN, $TTL, $INCLUDE, $GENERATE or an SOA record). Skipped: .git,
 * what .gitignore ignores (asked of `git check-ignore` when git is there
 * and the directory is in a work tree, else the .gitignore files are read),
 * paths matching an --exclude pattern (glob.h), links to directories, and
 * everything that is not a regular file. Names are walked in byte order, so
 * the order of the findings does not depend on the file system.
 *
 * A directory that a reader takes as one input (a Terraform module: the
 * hcl reader) is handed on whole instead of walked: see dir_readers[] in
 * walk.c. */
#ifndef ZL_WALK_H
#define ZL_WALK_H

#include "cli/config.h"

/* Appends to out every file argument as it is and, for every directory
 * argument, what the walk finds in it. Returns 0, or 2 after printing an
 * error (a directory that cannot be read). */
int zl_walk_args(char **args, size_t n, const struct zl_strlist *exclude, struct zl_strlist *out);

/* Whether a file found in a walk is lint material (name, head of its
 * content); for tests. */
bool zl_walk_wants(const char *name, const char *head, size_t len);

#endif
