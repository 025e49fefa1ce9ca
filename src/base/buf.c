#include "base/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(void)
{
    fputs("zonelint: out of memory\n", stderr);
    exit(2);
}

void *zl_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *zl_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *zl_xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        oom();
    return p;
}

char *zl_xstrndup(const char *s, size_t n)
{
    char *p = zl_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *zl_xstrdup(const char *s)
{
    return zl_xstrndup(s, strlen(s));
}

void zl_buf_free(struct zl_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void zl_buf_grow(struct zl_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->data = zl_xrealloc(b->data, cap);
    b->cap = cap;
}

void zl_buf_puts(struct zl_buf *b, const char *s)
{
    zl_buf_put(b, s, strlen(s));
}

void zl_buf_put_u16(struct zl_buf *b, uint16_t v)
{
    uint8_t x[2] = { (uint8_t)(v >> 8), (uint8_t)v };
    zl_buf_put(b, x, 2);
}

void zl_buf_put_u32(struct zl_buf *b, uint32_t v)
{
    uint8_t x[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v };
    zl_buf_put(b, x, 4);
}

void zl_buf_put_uint(struct zl_buf *b, unsigned long long v)
{
    char tmp[24];
    int i = (int)sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    zl_buf_put(b, tmp + i, sizeof tmp - (size_t)i);
}

void zl_buf_vprintf(struct zl_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    zl_buf_reserve(b, (size_t)n + 1);
    vsnprintf((char *)b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void zl_buf_printf(struct zl_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    zl_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

char *zl_buf_cstr(struct zl_buf *b)
{
    zl_buf_reserve(b, 1);
    b->data[b->len] = '\0';
    return (char *)b->data;
}

int zl_buf_read_stream(struct zl_buf *b, FILE *f, size_t max)
{
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) {
        zl_buf_put(b, tmp, n);
        if (max && b->len > max)
            return -2;
    }
    return ferror(f) ? -1 : 0;
}
