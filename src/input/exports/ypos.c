/* SPDX-License-Identifier: MIT */
/* The input of a streamed reader, read in a window, and its lines
 * (ystream.h): what ydoc.c's position arithmetic needs, without the whole
 * input or a table of all its lines. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/bytescan.h"
#include "input/exports/ypos.h"

#define READ_BLOCK 65536
#define TRIM_AT 65536 /* bytes the window may drop before it does */

/* ---- the window ------------------------------------------------------------- */

void zl_ys_pos_reset(struct zl_ys_pos *p)
{
    p->base = 0;
    p->len = 0;
    p->keep = 0;
    p->n = 1;
    p->first = 0;
    if (!p->starts) {
        p->scap = 64;
        p->starts = zl_xmalloc(p->scap * sizeof *p->starts);
    }
    p->starts[0] = 0;
    p->scanned = 0;
    p->all_lines = false;
    p->cc_line = 0;
    p->cc_col = 0;
    p->cc_off = 0;
}

/* Makes the bytes up to offset upto (at most the size) readable; false
 * when a read fails (read_errno set). */
bool zl_ys_fill(struct zl_ys_pos *p, uint64_t upto)
{
    if (upto > p->size)
        upto = p->size;
    if (p->mem)
        return true;
    while (p->base + p->len < upto) {
        if (p->keep > p->base + TRIM_AT && p->keep <= p->base + p->len) {
            size_t drop = (size_t)(p->keep - p->base);
            memmove(p->buf, p->buf + drop, p->len - drop);
            p->len -= drop;
            p->base += drop;
        }
        size_t want = READ_BLOCK;
        if (p->len + want > p->cap) {
            p->cap = p->cap ? p->cap * 2 : 2 * READ_BLOCK;
            while (p->len + want > p->cap)
                p->cap *= 2;
            p->buf = zl_xrealloc(p->buf, p->cap);
        }
        long r = zl_file_read(p->file, p->base + p->len, p->buf + p->len, want);
        if (r < 0) {
            p->read_errno = errno ? errno : EIO;
            return false;
        }
        if (r == 0) {
            /* the file is shorter than it was: what is there is all */
            p->size = p->base + p->len;
            break;
        }
        p->len += (size_t)r;
    }
    return true;
}

/* Byte off (in the window); -1 past the end or on a failure. */
int zl_ys_byte(struct zl_ys_pos *p, uint64_t off)
{
    if (off >= p->size)
        return -1;
    if (p->mem)
        return (unsigned char)p->mem[off];
    if (off < p->base)
        return -1;
    if (off >= p->base + p->len && !zl_ys_fill(p, off + 1))
        return -1;
    if (off >= p->base + p->len)
        return -1;
    return (unsigned char)p->buf[off - p->base];
}

const char *zl_ys_bytes(struct zl_ys_pos *p, uint64_t off, size_t n)
{
    if (off + n > p->size)
        return NULL;
    if (p->mem)
        return p->mem + off;
    if (off < p->base || !zl_ys_fill(p, off + n) || off + n > p->base + p->len)
        return NULL;
    return p->buf + (off - p->base);
}

/* ---- lines and characters (ydoc.c's arithmetic, on the window) ----------------- */

static bool is_cont(int c)
{
    return (c & 0xc0) == 0x80;
}

static void push_line(struct zl_ys_pos *p, uint64_t start)
{
    if (p->n == p->scap) {
        p->scap *= 2;
        p->starts = zl_xrealloc(p->starts, p->scap * sizeof *p->starts);
    }
    p->starts[p->n++] = start;
}

/* Finds the line starts in the bytes up to `until`, or until line l is
 * known: a block of SCAN_BLOCK bytes at a time (line after line, one call
 * for each would cost more than the scan). */
#define SCAN_BLOCK 16384
static void scan_lines(struct zl_ys_pos *p, uint64_t until, size_t l)
{
    if (until > p->size)
        until = p->size;
    while (!p->all_lines && p->scanned < until && p->first + p->n - 1 < l) {
        uint64_t end = p->scanned + SCAN_BLOCK < p->size ? p->scanned + SCAN_BLOCK : p->size;
        size_t m = (size_t)(end - p->scanned), k = 0;
        const char *b = zl_ys_bytes(p, p->scanned, m);
        if (!b)
            return;
        while (k < m) {
            const char *nl = memchr(b + k, '\n', m - k);
            if (!nl)
                break;
            k = (size_t)(nl - b) + 1;
            push_line(p, p->scanned + k);
        }
        p->scanned += m;
        if (p->scanned >= p->size)
            p->all_lines = true;
    }
}

uint64_t zl_ys_line_start(struct zl_ys_pos *p, size_t l)
{
    if (l < p->first)
        return p->starts[0]; /* dropped: nothing goes back that far */
    if (l >= p->first + p->n)
        scan_lines(p, p->size, l);
    if (l >= p->first + p->n)
        return UINT64_MAX; /* no such line */
    return p->starts[l - p->first];
}

size_t zl_ys_line_of(struct zl_ys_pos *p, uint64_t off)
{
    scan_lines(p, off + 1, SIZE_MAX);
    if (off < p->starts[0])
        return p->first;
    size_t lo = 0, hi = p->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return p->first + lo;
}

/* Byte offset of character col of line l (the line's end when shorter),
 * as ydoc.c's advance(): from the character cursor when it is on the way
 * (marks come in order, so a long line is walked once). */
uint64_t zl_ys_advance(struct zl_ys_pos *p, size_t l, size_t col)
{
    uint64_t off;
    size_t c;
    if (p->cc_line == l && p->cc_col <= col && p->cc_off >= p->keep) {
        off = p->cc_off;
        c = p->cc_col;
    } else {
        off = zl_ys_line_start(p, l);
        if (off == UINT64_MAX)
            return p->size;
        c = 0;
    }
    int b;
    while (c < col) {
        /* ASCII without a line end: a character a byte */
        size_t want = col - c;
        if (off + want > p->size)
            want = (size_t)(p->size - off);
        const char *q = want ? zl_ys_bytes(p, off, want) : NULL;
        if (q) {
            size_t r = zl_bs_ascii_run(q, want);
            off += r;
            c += r;
            if (c >= col)
                break;
        }
        if ((b = zl_ys_byte(p, off)) < 0 || b == '\n')
            break;
        off++;
        while ((b = zl_ys_byte(p, off)) >= 0 && is_cont(b))
            off++;
        c++;
    }
    p->cc_line = l;
    p->cc_col = c;
    p->cc_off = off;
    return off;
}

/* Characters from the start of line l to byte off on it (ydoc.c's chars_to). */
size_t zl_ys_chars_to(struct zl_ys_pos *p, size_t l, uint64_t off)
{
    uint64_t q;
    size_t c;
    if (p->cc_line == l && p->cc_off <= off && p->cc_off >= p->keep) {
        q = p->cc_off;
        c = p->cc_col;
    } else {
        q = zl_ys_line_start(p, l);
        c = 0;
    }
    int b;
    while (q < off) {
        const char *r = zl_ys_bytes(p, q, (size_t)(off - q));
        if (r) {
            /* ASCII: a character a byte ('\n' counts as one too here) */
            size_t k = 0, m = (size_t)(off - q);
            while (k < m && (unsigned char)r[k] < 0x80)
                k++;
            q += k;
            c += k;
            if (q >= off)
                break;
        }
        q++;
        while (q < off && (b = zl_ys_byte(p, q)) >= 0 && is_cont(b))
            q++;
        c++;
    }
    p->cc_line = l;
    p->cc_col = c;
    p->cc_off = off;
    return c;
}

