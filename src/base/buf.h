/* SPDX-License-Identifier: MIT */
/* Growable byte buffers: wire RDATA, output text, per-record token storage. */
#ifndef ZL_BUF_H
#define ZL_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct zl_buf {
    uint8_t *data;
    size_t len;
    size_t cap;
};

void zl_buf_free(struct zl_buf *b);
void zl_buf_grow(struct zl_buf *b, size_t extra); /* exits with a message on OOM */

/* The hot helpers are inline: printing a million records calls them tens
 * of millions of times. */
static inline void zl_buf_reserve(struct zl_buf *b, size_t extra)
{
    if (b->len + extra + 1 > b->cap)
        zl_buf_grow(b, extra);
}

/* n bytes from src to dst (not overlapping): up to 16 without a call to
 * memcpy, as two copies of a fixed size that may overlap each other. Most
 * of what a zone file holds is words this short. */
static inline void zl_copy_small(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (n >= 8 && n <= 16) {
        __builtin_memcpy(d, s, 8);
        __builtin_memcpy(d + n - 8, s + n - 8, 8);
    } else if (n >= 4 && n < 8) {
        __builtin_memcpy(d, s, 4);
        __builtin_memcpy(d + n - 4, s + n - 4, 4);
    } else if (n > 16) {
        __builtin_memcpy(d, s, n);
    } else {
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
    }
}

static inline void zl_buf_put(struct zl_buf *b, const void *p, size_t n)
{
    zl_buf_reserve(b, n);
    if (n)
        __builtin_memcpy(b->data + b->len, p, n);
    b->len += n;
}

/* zl_buf_put for what is usually a short word (the scanner's tokens). */
static inline void zl_buf_put_word(struct zl_buf *b, const void *p, size_t n)
{
    zl_buf_reserve(b, n);
    zl_copy_small(b->data + b->len, p, n);
    b->len += n;
}

static inline void zl_buf_putc(struct zl_buf *b, uint8_t c)
{
    zl_buf_reserve(b, 1);
    b->data[b->len++] = c;
}

void zl_buf_puts(struct zl_buf *b, const char *s);
void zl_buf_put_u16(struct zl_buf *b, uint16_t v); /* network order */
void zl_buf_put_u32(struct zl_buf *b, uint32_t v); /* network order */
void zl_buf_put_uint(struct zl_buf *b, unsigned long long v); /* decimal text */
/* v in decimal at out (at most 20 bytes, no NUL); returns the length. */
size_t zl_u64_text(unsigned long long v, char *out);
void zl_buf_printf(struct zl_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void zl_buf_vprintf(struct zl_buf *b, const char *fmt, va_list ap);
/* Appends all of stream f to b. Returns 0; -1 on a read error (errno set);
 * -2 when more than max bytes come (max 0: no limit). */
int zl_buf_read_stream(struct zl_buf *b, FILE *f, size_t max);
/* NUL-terminates without counting the NUL in len; returns data as char *. */
char *zl_buf_cstr(struct zl_buf *b);

void *zl_xmalloc(size_t n);
void *zl_xcalloc(size_t n, size_t size);
void *zl_xrealloc(void *p, size_t n);
char *zl_xstrdup(const char *s);
char *zl_xstrndup(const char *s, size_t n);

#endif
