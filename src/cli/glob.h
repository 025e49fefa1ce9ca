/* SPDX-License-Identifier: MIT */
/* Path patterns as .gitignore writes them, for [path "..."] sections,
 * --exclude and .gitignore files read without git:
 *   *      any run of characters but '/'      **   any run, '/' included
 *   ?      one character but '/'              [a-z] [!x]  a class
 *   \x     x itself
 * A pattern without a '/' (a trailing one aside) matches any component of
 * the path ("*.zone", ".git"); one with a '/' matches from the start of the
 * path (a leading '/' only anchors). A pattern that matches a directory of
 * the path matches everything below it ("zones/legacy" and "zones/legacy/STAR"
 * both take zones/legacy/old/x.zone; STAR is a "*"). */
#ifndef ZL_GLOB_H
#define ZL_GLOB_H

#include <stdbool.h>

/* path: relative, '/'-separated, without "./" (zl_glob_rel makes one). */
bool zl_glob_match(const char *pattern, const char *path);

/* True when the whole of s matches pattern (no component rules). */
bool zl_glob_match_whole(const char *pattern, const char *s);

/* path relative to dir when it lies below it (both as written, made
 * absolute against the working directory and normalised without looking
 * at the file system), else NULL. malloc'd. */
char *zl_glob_rel(const char *dir, const char *path);

#endif
