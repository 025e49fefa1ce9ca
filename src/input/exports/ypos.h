/* SPDX-License-Identifier: MIT */
/* The input of a streamed reader (ystream.h) read in a window that moves
 * with it, and its '\n' lines found as it goes: what ydoc.c's position
 * arithmetic needs of a streamed input, without the whole input in memory
 * or a table of all its lines. */
#ifndef ZL_YPOS_H
#define ZL_YPOS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/fileio.h"

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

#endif
