/* SPDX-License-Identifier: MIT */
/* YAML/JSON documents with positions in the file as written. libyaml reads
 * both (the exports' JSON is YAML-compatible) and marks every node with its
 * line and column; those columns count characters, so this layer turns them
 * into the byte columns zonelint's spans use. JSON pages written one after
 * another ("{...}{...}", as hand-saved Route 53 pages are) are split into
 * separate documents first, because YAML does not allow that. */
#ifndef ZL_YDOC_H
#define ZL_YDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

#include "base/loc.h"

struct zl_ys_pos;

/* Deeper nesting is an error before libyaml loads the document (libyaml
 * is quadratic in depth; no DNS export nests more than about ten levels). */
#define ZL_YAML_MAX_DEPTH 64

struct zl_ydocs {
    const char *data;          /* the whole input (not owned) */
    size_t len;
    const struct zl_source *src;
    size_t *lines;             /* byte offset of each line start */
    size_t nlines;
    /* libyaml counts columns in characters: a byte offset every
     * ZL_YDOC_STRIDE characters of each line, so a column is found in
     * constant time on a minified one-line export. */
    size_t *ck;                /* checkpoints, line after line */
    size_t *line_ck;           /* index in ck of each line's first; nlines + 1 entries */
    yaml_document_t *docs;
    size_t *doc_off;           /* byte offset of the text each document was parsed from */
    size_t ndocs;
    /* Streamed (ystream.h): docs is the unit being read, its marks are byte
     * offsets already, and lines and bytes come from the stream's window. */
    struct zl_ys_pos *stream;
    bool stream_json;          /* ... and its first value opens a JSON object or array */
    /* ... and its nodes' lines and columns are the file's (a fast source
     * read it from the first byte, yjson.h or yblock.h: ASCII, no CR), so
     * a span needs no look-up of lines */
    bool exact_marks;
};

/* A syntax error: where and libyaml's words. */
struct zl_yerror {
    struct zl_span span;
    char msg[256];
    bool nested;               /* too deep (ZL_YAML_MAX_DEPTH), not a syntax error */
};

/* Loads every document. Returns 0, or -1 with err filled (the documents
 * before the error stay loaded). */
int zl_ydocs_load(struct zl_ydocs *y, const char *data, size_t len, const struct zl_source *src,
                  struct zl_yerror *err);
void zl_ydocs_free(struct zl_ydocs *y);

yaml_node_t *zl_y_root(struct zl_ydocs *y, size_t doc);
yaml_node_t *zl_y_node(struct zl_ydocs *y, size_t doc, int index);
/* Value of key in a mapping node (scalar keys compared exactly), or NULL. */
/* The value of key in map, YAML 1.1 merge keys ("<<: *anchor", as
 * PyYAML's SafeLoader reads them for octoDNS) included; NULL when absent. */
yaml_node_t *zl_y_get(struct zl_ydocs *y, size_t doc, const yaml_node_t *map, const char *key);
/* Is k the merge key "<<" (plain)? */
bool zl_y_is_merge_key(const yaml_node_t *k);
/* fn for each key of map, merged keys included: the mapping's own, then
 * the merged ones none of those shadow (an earlier merge wins). */
void zl_y_each_pair(struct zl_ydocs *y, size_t doc, const yaml_node_t *map,
                    void (*fn)(void *user, yaml_node_t *key, yaml_node_t *value), void *user);
bool zl_y_is_scalar(const yaml_node_t *n);
/* Scalar text (not NUL-terminated; libyaml does terminate it) and length. */
const char *zl_y_str(const yaml_node_t *n, size_t *len);
/* True when n is a scalar equal to s. */
bool zl_y_eq(const yaml_node_t *n, const char *s);
/* Whole node: from its start mark to its end mark. */
struct zl_span zl_y_span(const struct zl_ydocs *y, size_t doc, const yaml_node_t *n);
/* The same as byte offsets in the input (a <= b). */
void zl_y_offsets(const struct zl_ydocs *y, size_t doc, const yaml_node_t *n, size_t *a, size_t *b);

/* Byte offsets in the input of each byte of a scalar's value, so a token
 * inside "10 mx.example.com." gets its own column: map[i] for value byte i,
 * map[len] just past the last one. Only for a scalar on one line whose
 * source decodes back to its value (plain, single- or double-quoted, after
 * its tag and anchor); returns NULL otherwise. The caller frees the map. */
size_t *zl_y_scalar_map(const struct zl_ydocs *y, size_t doc, const yaml_node_t *n);
/* The span of a scalar's whole value as zl_y_scalar_map would give it
 * (the node's span when there is no map, or the value is empty). */
struct zl_span zl_y_value_span(const struct zl_ydocs *y, size_t doc, const yaml_node_t *n);
/* Span of value bytes [a, b) through a map (a < b <= len). */
struct zl_span zl_y_map_span(const struct zl_ydocs *y, const size_t *map, size_t a, size_t b);

#endif
