/* SPDX-License-Identifier: MIT */
/* Runs of ordinary bytes, found 16 at a time: the scanner's quoted strings
 * and comments, and the TXT strings `print` writes, are most of a zone's
 * bytes. SSE2 (every x86-64) where the compiler has it, eight bytes in a
 * 64-bit word elsewhere; both say exactly where the run ends, the callers
 * look at that byte themselves. */
#ifndef ZL_BYTESCAN_H
#define ZL_BYTESCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static inline uint64_t zl_bs_zero8(uint64_t w)
{
    return (w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull;
}

static inline uint64_t zl_bs_eq8(uint64_t w, unsigned char c)
{
    return zl_bs_zero8(w ^ (0x0101010101010101ull * c));
}

/* A byte below 0x20 (or, above the first such byte, one borrowed from it:
 * only the first flagged byte is exact). */
static inline uint64_t zl_bs_ctl8(uint64_t w)
{
    return (w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull;
}

/* Bytes from s (at most n) before the first '"', '\\' or byte below 0x20:
 * what a quoted string holds before its end, an escape or a line end. */
static inline size_t zl_bs_quoted_run(const char *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i q = _mm_set1_epi8('"'), b = _mm_set1_epi8('\\'), c = _mm_set1_epi8(0x1f);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, b)),
                                 _mm_cmpeq_epi8(_mm_min_epu8(v, c), v));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits)
            return i + (size_t)__builtin_ctz(bits);
    }
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t m = zl_bs_eq8(w, '"') | zl_bs_eq8(w, '\\') | zl_bs_ctl8(w);
        if (m)
            break;
    }
    while (i < n && s[i] != '"' && s[i] != '\\' && (unsigned char)s[i] >= 0x20)
        i++;
    return i;
}

/* Bytes from s (at most n) before the first '\n' or '\r'. */
static inline size_t zl_bs_line_run(const char *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned bits = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, cr)));
        if (bits)
            return i + (size_t)__builtin_ctz(bits);
    }
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (zl_bs_eq8(w, '\n') | zl_bs_eq8(w, '\r'))
            break;
    }
    while (i < n && s[i] != '\n' && s[i] != '\r')
        i++;
    return i;
}

/* Bytes from s (at most n) before the first '\n' or byte above 0x7f: where
 * a column in characters is a column in bytes. */
static inline size_t zl_bs_ascii_run(const char *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n');
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned bits = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, nl), v));
        if (bits)
            return i + (size_t)__builtin_ctz(bits);
    }
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (zl_bs_eq8(w, '\n') | (w & 0x8080808080808080ull))
            break;
    }
    while (i < n && s[i] != '\n' && (unsigned char)s[i] < 0x80)
        i++;
    return i;
}

/* Bytes from s (at most n) before the first '"', '{', '}', '[' or ']': what
 * a JSON scanner outside strings can step over. */
static inline size_t zl_bs_json_run(const char *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i q = _mm_set1_epi8('"'), ob = _mm_set1_epi8('{'), cb = _mm_set1_epi8('}'),
                  os = _mm_set1_epi8('['), cs = _mm_set1_epi8(']');
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, ob)),
                                 _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, cb), _mm_cmpeq_epi8(v, os)),
                                              _mm_cmpeq_epi8(v, cs)));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits)
            return i + (size_t)__builtin_ctz(bits);
    }
#endif
    while (i < n && s[i] != '"' && s[i] != '{' && s[i] != '}' && s[i] != '[' && s[i] != ']')
        i++;
    return i;
}

/* Bytes from s (at most n) before the first '\r' or byte above 0x7f. */
static inline size_t zl_bs_ascii_nocr_run(const char *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i cr = _mm_set1_epi8('\r');
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned bits = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, cr), v));
        if (bits)
            return i + (size_t)__builtin_ctz(bits);
    }
#endif
    while (i < n && s[i] != '\r' && (unsigned char)s[i] < 0x80)
        i++;
    return i;
}

/* Blanks (' ', '\t') from s, at most n. */
static inline size_t zl_bs_blank_run(const char *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned bits = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(v, tab)));
        if (bits != 0xffff)
            return i + (size_t)__builtin_ctz(~bits);
    }
#endif
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* Bytes from p (at most n) before the first '"', '\\', byte below `low`
 * (0x20, or 0x21 to count a space too) or above 0x7e: a TXT string prints
 * the run as it is (low 0x20), and no stray character hides in it. */
static inline size_t zl_bs_plain_run(const uint8_t *p, size_t n, unsigned char low)
{
    size_t i = 0;
#if defined(__SSE2__)
    /* Signed compare: 0x80-0xff are negative, so below `low` as well. */
    const __m128i q = _mm_set1_epi8('"'), b = _mm_set1_epi8('\\'), del = _mm_set1_epi8(0x7f),
                  sp = _mm_set1_epi8((char)low);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, b)),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, del), _mm_cmplt_epi8(v, sp)));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits)
            return i + (size_t)__builtin_ctz(bits);
    }
#endif
    if (low == 0x20) {
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            uint64_t m = zl_bs_eq8(w, '"') | zl_bs_eq8(w, '\\') | zl_bs_eq8(w, 0x7f) | zl_bs_ctl8(w) |
                         (w & 0x8080808080808080ull);
            if (m)
                break;
        }
    }
    while (i < n && p[i] != '"' && p[i] != '\\' && p[i] >= low && p[i] < 0x7f)
        i++;
    return i;
}

static inline size_t zl_bs_txt_plain_run(const uint8_t *p, size_t n)
{
    return zl_bs_plain_run(p, n, 0x20);
}

#endif
