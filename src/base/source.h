/* SPDX-License-Identifier: MIT */
/* Input files as the user named them. A source lives for the whole run so
 * that diagnostics can point into it after parsing has moved on. */
#ifndef ZL_SOURCE_H
#define ZL_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "base/loc.h"

struct zl_source {
    char *path;              /* as shown to the user (relative paths stay relative) */
    char *realpath;          /* resolved, for include confinement and cycle checks; may be NULL (stdin) */
    char *dir;               /* resolved directory it was named in (base of its $INCLUDEs); may be NULL */
    dev_t dev;               /* the file read (has_id): lines are shown again only from it */
    ino_t ino;
    bool has_id;
    const struct zl_source *parent; /* including file, or NULL */
    struct zl_span include_span;     /* the $INCLUDE in parent */
    unsigned char *memory;   /* stdin: the whole input, so lines can be shown later */
    size_t memory_len;
    struct zl_source *next;  /* list of all sources of a run */
    unsigned char input_format; /* how it was read: enum zl_input_format in
                                   formats/format.h (0: a zone file) */
    unsigned char dialect;   /* enum zl_dialect the parser read a top file as (0: not parsed) */
};

/* Copies source line `line` (1-based, without its line ending) into out;
 * returns 0, or -1 when unavailable. Re-reads the file, which is fine: it is
 * only called to show a finding. */
struct zl_buf;
int zl_source_line(const struct zl_source *src, uint32_t line, struct zl_buf *out);

/* A list of sources: zl_source_new pushes a zeroed source (path copied) on
 * *list; zl_source_free_all frees a list with everything each source owns
 * (path, realpath, dir and memory must be heap-allocated when set). */
struct zl_source *zl_source_new(struct zl_source **list, const char *path);
void zl_source_free_all(struct zl_source *head);

/* zl_source_line for many findings: remembers one line start in every 64 of
 * the last source asked for, and keeps that file open, so each finding
 * costs a seek and a short read instead of a scan from the start. Reporters
 * own one for their lifetime. */
struct zl_line_cache;
struct zl_line_cache *zl_line_cache_new(void);
void zl_line_cache_free(struct zl_line_cache *c);
int zl_line_cache_get(struct zl_line_cache *c, const struct zl_source *src, uint32_t line,
                      struct zl_buf *out);

#endif
