/* SPDX-License-Identifier: MIT */
/* Source lists and reading single lines back for display.
 *
 * A line is what follows the (line-1)th '\n': a final line without a newline
 * counts, and so does the empty line after a final newline (the parser can
 * report end-of-file there). One '\r' before the '\n' is dropped, so CRLF
 * files show like LF files. Everything else is returned byte for byte;
 * making it printable is the reporter's job.
 *
 * Lines come from src->memory when set, else from the file at src->realpath;
 * a source with neither (stdin that was not kept) has no lines to show. */
#include "base/source.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "base/buf.h"
#include "base/fileio.h"

struct zl_source *zl_source_new(struct zl_source **list, const char *path)
{
    struct zl_source *s = zl_xcalloc(1, sizeof *s);
    s->path = zl_xstrdup(path ? path : "");
    if (list) {
        s->next = *list;
        *list = s;
    }
    return s;
}

void zl_source_free_all(struct zl_source *head)
{
    while (head) {
        struct zl_source *next = head->next;
        free(head->path);
        free(head->realpath);
        free(head->dir);
        free(head->memory);
        free(head);
        head = next;
    }
}

/* One mark per STRIDE lines keeps the table small for million-line zones
 * (16 bytes per 64 lines) while a lookup reads at most STRIDE-1 lines too
 * many. */
#define STRIDE 64u
#define BLOCK 65536u /* mark scan */
#define READ 4096u    /* fetching one line */

struct zl_line_cache {
    const struct zl_source *src;
    FILE *f;                 /* NULL for in-memory sources */
    uint64_t *marks;         /* marks[k]: offset of line k*STRIDE+1 */
    size_t nmarks, capmarks;
    uint64_t scan_off;       /* how far the mark scan has read */
    uint64_t scan_line;      /* line number at scan_off */
    bool scan_eof;
    bool failed;             /* the file could not be opened */
    unsigned char *block;
    uint32_t last_line;      /* reporters ask for one line several times */
    struct zl_buf last;
};

struct zl_line_cache *zl_line_cache_new(void)
{
    struct zl_line_cache *c = zl_xcalloc(1, sizeof *c);
    c->block = zl_xmalloc(BLOCK);
    return c;
}

static void cache_reset(struct zl_line_cache *c)
{
    if (c->f)
        fclose(c->f);
    c->f = NULL;
    c->src = NULL;
    c->nmarks = 0;
    c->scan_off = 0;
    c->scan_line = 1;
    c->scan_eof = false;
    c->failed = false;
    c->last_line = 0;
}

void zl_line_cache_free(struct zl_line_cache *c)
{
    if (!c)
        return;
    cache_reset(c);
    free(c->marks);
    free(c->block);
    zl_buf_free(&c->last);
    free(c);
}

static void push_mark(struct zl_line_cache *c, uint64_t off)
{
    if (c->nmarks == c->capmarks) {
        c->capmarks = c->capmarks ? c->capmarks * 2 : 256;
        c->marks = zl_xrealloc(c->marks, c->capmarks * sizeof *c->marks);
    }
    c->marks[c->nmarks++] = off;
}

static void cache_open(struct zl_line_cache *c, const struct zl_source *src)
{
    cache_reset(c);
    c->src = src;
    if (!src->memory) {
        /* Only the resolved path: it survives a change of directory, and a
         * source without one is stdin, whose shown name (--stdin-filename)
         * may be a file on disk with other contents. And only the same
         * regular file that was read (src/fileio.c). */
        c->f = src->realpath ? zl_file_reopen(src->realpath, src->has_id, src->dev, src->ino) : NULL;
        if (!c->f) {
            c->failed = true;
            return;
        }
    }
    push_mark(c, 0);
}

/* Up to max (<= BLOCK) bytes at off into c->block; 0 at end of input or on
 * error. */
static size_t read_at(struct zl_line_cache *c, uint64_t off, size_t max)
{
    if (!c->f) {
        if (off >= c->src->memory_len)
            return 0;
        size_t n = c->src->memory_len - (size_t)off;
        if (n > max)
            n = max;
        memcpy(c->block, c->src->memory + off, n);
        return n;
    }
    if (fseeko(c->f, (off_t)off, SEEK_SET) != 0)
        return 0;
    return fread(c->block, 1, max, c->f);
}

/* Scans forward until mark k exists or the input ends. */
static void scan_to_mark(struct zl_line_cache *c, size_t k)
{
    while (c->nmarks <= k && !c->scan_eof) {
        size_t n = read_at(c, c->scan_off, BLOCK);
        if (n == 0) {
            c->scan_eof = true;
            break;
        }
        const unsigned char *p = c->block, *end = c->block + n;
        while (p < end && c->nmarks <= k) {
            const unsigned char *nl = memchr(p, '\n', (size_t)(end - p));
            if (!nl) {
                p = end;
                break;
            }
            p = nl + 1;
            c->scan_line++;
            if ((c->scan_line - 1) % STRIDE == 0)
                push_mark(c, c->scan_off + (uint64_t)(p - c->block));
        }
        c->scan_off += (uint64_t)(p - c->block);
    }
}

int zl_line_cache_get(struct zl_line_cache *c, const struct zl_source *src, uint32_t line,
                      struct zl_buf *out)
{
    out->len = 0;
    if (!c || !src || line == 0)
        return -1;
    if (c->src != src)
        cache_open(c, src);
    if (c->failed)
        return -1;
    if (line == c->last_line) {
        zl_buf_put(out, c->last.data, c->last.len);
        zl_buf_cstr(out);
        return 0;
    }

    size_t k = (line - 1) / STRIDE;
    scan_to_mark(c, k);
    if (k >= c->nmarks)
        return -1;

    uint64_t off = c->marks[k];
    uint32_t skip = (line - 1) % STRIDE; /* newlines between the mark and the line */
    for (;;) {
        /* lines are short: read a page at a time, not a whole block */
        size_t n = read_at(c, off, READ);
        if (n == 0)
            break;
        const unsigned char *p = c->block, *end = c->block + n;
        while (skip && p < end) {
            const unsigned char *nl = memchr(p, '\n', (size_t)(end - p));
            if (!nl) {
                p = end;
                break;
            }
            p = nl + 1;
            skip--;
        }
        if (!skip) {
            const unsigned char *nl = memchr(p, '\n', (size_t)(end - p));
            zl_buf_put(out, p, (size_t)((nl ? nl : end) - p));
            if (nl)
                break;
        }
        off += n;
    }
    if (skip)
        return -1; /* the input ends before this line */
    if (out->len && out->data[out->len - 1] == '\r')
        out->len--;
    zl_buf_cstr(out);
    c->last.len = 0;
    zl_buf_put(&c->last, out->data, out->len);
    c->last_line = line;
    return 0;
}

int zl_source_line(const struct zl_source *src, uint32_t line, struct zl_buf *out)
{
    struct zl_line_cache *c = zl_line_cache_new();
    int rc = zl_line_cache_get(c, src, line, out);
    zl_line_cache_free(c);
    return rc;
}
