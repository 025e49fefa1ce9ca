/* SPDX-License-Identifier: MIT */
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

/* "00" .. "99": two digits per division. */
static const char two_digits[200] = {
#define D(x) '0' + (x) / 10, '0' + (x) % 10
    D(0), D(1), D(2), D(3), D(4), D(5), D(6), D(7), D(8), D(9), D(10), D(11), D(12), D(13), D(14), D(15),
    D(16), D(17), D(18), D(19), D(20), D(21), D(22), D(23), D(24), D(25), D(26), D(27), D(28), D(29), D(30),
    D(31), D(32), D(33), D(34), D(35), D(36), D(37), D(38), D(39), D(40), D(41), D(42), D(43), D(44), D(45),
    D(46), D(47), D(48), D(49), D(50), D(51), D(52), D(53), D(54), D(55), D(56), D(57), D(58), D(59), D(60),
    D(61), D(62), D(63), D(64), D(65), D(66), D(67), D(68), D(69), D(70), D(71), D(72), D(73), D(74), D(75),
    D(76), D(77), D(78), D(79), D(80), D(81), D(82), D(83), D(84), D(85), D(86), D(87), D(88), D(89), D(90),
    D(91), D(92), D(93), D(94), D(95), D(96), D(97), D(98), D(99),
#undef D
};

size_t zl_u64_text(unsigned long long v, char *out)
{
    char tmp[24];
    int i = (int)sizeof tmp;
    while (v >= 100) {
        unsigned d = (unsigned)(v % 100);
        v /= 100;
        tmp[--i] = two_digits[2 * d + 1];
        tmp[--i] = two_digits[2 * d];
    }
    if (v >= 10) {
        tmp[--i] = two_digits[2 * v + 1];
        tmp[--i] = two_digits[2 * v];
    } else {
        tmp[--i] = (char)('0' + v);
    }
    size_t n = sizeof tmp - (size_t)i;
    memcpy(out, tmp + i, n);
    return n;
}

void zl_buf_put_uint(struct zl_buf *b, unsigned long long v)
{
    zl_buf_reserve(b, 24);
    b->len += zl_u64_text(v, (char *)b->data + b->len);
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
