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
 * document that loaded to the reader. A file with anchors or aliases is
 * read through the document tree instead (rare in exports; an alias can
 * point anywhere in its document). */
#ifndef ZL_YSTREAM_H
#define ZL_YSTREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

#include "base/fileio.h"
#include "base/loc.h"
#include "input/exports/ydoc.h"

struct zl_fmt;
struct zl_fmt_zone_guess;
struct zl_ys_check;

/* Where the bytes are, and the lines seen so far. */
struct zl_ys_pos {
    /* the input */
    struct zl_file *file;        /* read from here (from offset 0), or */
    const char *mem;             /* ... all of it is here */
    uint64_t size;
    /* the window: bytes [base, base + len) of the input */
    char *buf;
    size_t cap, len;
    uint64_t base;
    uint64_t keep;               /* the window may drop the bytes before this */
    int read_errno;              /* a read failed */
    /* the starts of the '\n' lines first .. first + n - 1 */
    uint64_t *starts;
    size_t n, scap, first;
    uint64_t scanned;            /* bytes looked at for '\n' */
    bool all_lines;              /* every line of the input is known */
    /* a character cursor: byte offset cc_off is character cc_col of line cc_line */
    size_t cc_line, cc_col;
    uint64_t cc_off;
};

/* ---- the window and its lines (ypos.c) ------------------------------------ */

/* Back to the input's start (a file is read again from offset 0). */
void zl_ys_pos_reset(struct zl_ys_pos *p);
/* Reads up to offset upto (at most the size); false after a read error. */
bool zl_ys_fill(struct zl_ys_pos *p, uint64_t upto);
/* Byte off of the input, or -1 (past the end, dropped, a read error). */
int zl_ys_byte(struct zl_ys_pos *p, uint64_t off);
/* ydoc.c's advance() and chars_to(): the offset of character col of line l,
 * the characters of line l before byte off; quick when asked in order. */
uint64_t zl_ys_advance(struct zl_ys_pos *p, size_t l, size_t col);
size_t zl_ys_chars_to(struct zl_ys_pos *p, size_t l, uint64_t off);
/* Line holding byte off (0-based), for offsets in the current unit. */
size_t zl_ys_line_of(struct zl_ys_pos *p, uint64_t off);
/* Byte offset of the start of line l (for lines of the current unit). */
uint64_t zl_ys_line_start(struct zl_ys_pos *p, size_t l);
/* The bytes [off, off + n) of the input (in the window), or NULL. */
const char *zl_ys_bytes(struct zl_ys_pos *p, uint64_t off, size_t n);

/* One pass over the events. */
struct zl_ys {
    struct zl_fmt *f;
    struct zl_ys_pos *pos;
    bool json;                   /* JSON: one chunk per top-level value */
    yaml_parser_t parser;
    bool parser_open;
    uint64_t chunk, chunk_end;   /* the chunk fed to the parser: [chunk, chunk_end) */
    bool chunk_end_known;
    uint64_t fed;                /* bytes fed to the parser */
    /* the chunk's place, for its marks (ydoc.c's mark_offset) */
    size_t chunk_line, chunk_col;
    /* the JSON value's end, found as the bytes are fed */
    int jdepth;
    bool jstr, jesc, jstarted;
    /* the current event, its marks as byte offsets */
    yaml_event_t ev;
    bool have_ev, failed, done;
    uint64_t start, end;
    /* the unit being built: a one-document zl_ydocs the node helpers read */
    yaml_document_t unit;
    bool unit_open;
    unsigned depth;
    struct zl_ys_check *check;   /* the check pass: what stopped loading */
};

/* The reader's part for one document: consume its root node (the current
 * event is the root's first event). */
typedef void (*zl_ys_doc_fn)(struct zl_fmt *f, struct zl_ys *s, void *arg);

enum zl_ys_mode {
    ZL_YS_STREAM,  /* loads, whole or in part (or not at all: not UTF-8 text): zl_ys_read it */
    ZL_YS_TREE,    /* has anchors or aliases: read the document tree (zl_fmt_load_documents) */
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
/* The span of bytes [a, b), as the document tree's span of a node with
 * those marks. */
struct zl_span zl_ys_span(struct zl_ys *s, uint64_t a, uint64_t b);
/* True when the current event is a scalar equal to key. */
bool zl_ys_is_key(const struct zl_ys *s, const char *key);

#endif
