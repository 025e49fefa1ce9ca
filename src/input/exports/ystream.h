/* SPDX-License-Identifier: MIT */
/* Reading YAML/JSON exports as a stream of libyaml events instead of a
 * document tree: the readers (Route 53, Cloud DNS, octoDNS) walk each
 * document's events down to the record sets and build one small tree per
 * record set (a unit), which they read with the node helpers of ydoc.h as
 * before; memory is what one unit needs, not what the file needs.
 *
 * The input comes from a file, read in a window that moves with the
 * events (its bytes before the current unit's first line are dropped), or
 * from memory (stdin). Marks are turned into byte offsets as the events
 * come, with the same arithmetic as the document loader (ydoc.c: libyaml's
 * line and character column, counted against the '\n' lines of the
 * input), so every span is the one the document tree gave.
 *
 * Two passes, as the loader made: the first (zl_ys_check) parses the whole
 * input once and says whether it loads, where it stops loading (a syntax
 * error, nesting deeper than ZL_YAML_MAX_DEPTH) and, for the readers that
 * guess the zone, what the zone is; the second (zl_ys_read) hands each
 * document that loaded to the reader. A file with anchors, aliases or
 * merge keys ("<<") is read through the document tree instead (rare in
 * exports; an alias can point anywhere in its document).
 *
 * A JSON file's first chunk comes from yjson.h's scanner instead of
 * libyaml when it is plain JSON, and a YAML file from yblock.h's when it
 * is block-style YAML (libyaml's events and marks, at a fraction of the
 * cost); when the check pass meets something else on the way, it starts
 * again through libyaml.
 *
 * ystream.c: chunks, events and the passes; yunit.c: the units;
 * ypos.c: the window and its lines; yjson.c and yblock.c: the fast events. */
#ifndef ZL_YSTREAM_H
#define ZL_YSTREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

#include "base/loc.h"
#include "input/exports/ydoc.h"
#include "input/exports/ypos.h"

struct zl_fmt;
struct zl_fmt_zone_guess;
struct zl_ys_check;
struct zl_ys_store;

/* One pass over the events. */
struct zl_ys {
    struct zl_fmt *f;
    struct zl_ys_pos *pos;
    bool json;                   /* JSON: one chunk per top-level value */
    yaml_parser_t parser;
    bool parser_open;            /* the parser, or a fast source (yj, yb), is open */
    bool fast;                   /* read by yjson.c (JSON's first chunk) or yblock.c (YAML) */
    bool fast_gave_up;           /* ... and it could not: the check pass again */
    struct zl_yj *yj;
    struct zl_yb *yb;
    uint64_t chunk, chunk_end;   /* the chunk fed to the parser: [chunk, chunk_end) */
    bool chunk_end_known;
    uint64_t fed;                /* bytes fed to the parser */
    /* the chunk's place, for its marks (ydoc.c's mark_offset) */
    size_t chunk_line, chunk_col;
    uint64_t chunk_first;        /* the offset of its first character's mark */
    struct zl_span chunk_first_span;
    /* the JSON value's end, found as the bytes are fed */
    int jdepth;
    bool jstr, jesc;
    /* bytes [chunk, clean_end) are ASCII with no lone CR: there a mark's
     * character index is its byte offset from the chunk */
    uint64_t clean_end;
    bool clean;
    bool convert;                /* every event's marks to offsets (the read pass) */
    unsigned long events;
    /* the current event, its marks as byte offsets */
    yaml_event_t ev;
    bool have_ev, failed, done;
    uint64_t start, end;
    /* the unit being built: a one-document zl_ydocs the node helpers read;
     * its nodes, strings and lists in a store of ours (ystream.c) */
    yaml_document_t unit;
    bool unit_open;
    struct zl_ys_store *store;
    unsigned depth;
    struct zl_ys_check *check;   /* the check pass: what stopped loading */
};

/* The reader's part for one document: consume its root node (the current
 * event is the root's first event). */
typedef void (*zl_ys_doc_fn)(struct zl_fmt *f, struct zl_ys *s, void *arg);

enum zl_ys_mode {
    ZL_YS_STREAM,  /* loads, whole or in part (or not at all: not UTF-8 text): zl_ys_read it */
    ZL_YS_TREE,    /* has anchors, aliases or merge keys: read the document tree (zl_fmt_load_documents) */
    ZL_YS_NOTHING, /* the file could not be read whole (reported, I/O error): read nothing */
};

/* The first pass: reports what the document loader would (not UTF-8 text,
 * a syntax error, nesting too deep; syntax names the format: "JSON",
 * "YAML/JSON") and finds the documents that load. guess (may be NULL) is
 * called for every document with its own zl_fmt_zone_guess as arg; the
 * guesses of documents that load whole are merged into *g. */
enum zl_ys_mode zl_ys_check(struct zl_fmt *f, const char *text, size_t len, const char *syntax,
                            zl_ys_doc_fn guess, struct zl_fmt_zone_guess *g);
/* The second pass: doc for every document that loads, in order. */
void zl_ys_read(struct zl_fmt *f, zl_ys_doc_fn doc, void *arg);
/* Frees what the passes kept. */
void zl_ys_free(struct zl_fmt *f);
/* The whole of a reader whose zone is --origin or the guess its documents
 * make (Route 53, Cloud DNS): the first pass, then the stream (doc), or the
 * document tree (tree) for a file that needs it. */
void zl_ys_read_guessing(struct zl_fmt *f, const char *text, size_t len, const char *syntax, zl_ys_doc_fn guess,
                         zl_ys_doc_fn doc, void (*tree)(struct zl_fmt *f, const char *text, size_t len));
/* The whole input in memory, for the document tree (ZL_YS_TREE); NULL
 * after a read error (reported). */
const char *zl_ys_whole(struct zl_fmt *f, size_t *len);

/* ---- for the doc functions ------------------------------------------------- */

/* The current event's type (YAML_NO_EVENT after a failure). */
yaml_event_type_t zl_ys_type(const struct zl_ys *s);
/* Moves to the next event; false at the end or on a failure. */
bool zl_ys_next(struct zl_ys *s);
/* Skips the node that starts at the current event (the event after it
 * becomes current); *start, *end (may be NULL): its marks as offsets. */
void zl_ys_skip(struct zl_ys *s, uint64_t *start, uint64_t *end);
/* A new unit (the previous one is dropped): the node helpers of ydoc.h
 * read it as document 0 of f->y. */
void zl_ys_unit(struct zl_ys *s);
/* Builds the node that starts at the current event into the unit; returns
 * it (NULL on a failure). */
yaml_node_t *zl_ys_build(struct zl_ys *s);
/* The same as the node's index in the unit (0 on a failure): a node
 * pointer may move when the unit grows. */
int zl_ys_build_index(struct zl_ys *s);
/* A reader that builds a mapping of the unit pair by pair: a new mapping
 * node (its style the current event's), then its pairs, and its offsets
 * and events' marks (of its start and end events). */
int zl_ys_new_mapping(struct zl_ys *s);
void zl_ys_end_mapping(struct zl_ys *s, int map, const yaml_node_pair_t *pairs, size_t n, uint64_t a, uint64_t b,
                       const yaml_mark_t *ma, const yaml_mark_t *mb);
/* The span of bytes [a, b), as the document tree's span of a node with
 * those marks. */
struct zl_span zl_ys_span(struct zl_ys *s, uint64_t a, uint64_t b);
/* True when the current event is a scalar equal to key. */
bool zl_ys_is_key(const struct zl_ys *s, const char *key);

/* ---- between ystream.c (events, passes) and yunit.c (units) ---------------- */

/* Lets the window drop what is before line l (nothing goes back there). */
void zl_ys_keep_from(struct zl_ys *s, size_t l);
/* Frees a pass's unit store (NULL is fine). */
void zl_ys_store_free(struct zl_ys_store *st);

#endif
