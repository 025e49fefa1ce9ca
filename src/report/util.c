/* SPDX-License-Identifier: MIT */
/* Text helpers shared by the reporters: UTF-8 checking, making text safe for
 * a terminal, JSON strings and a minimal JSON writer, fix-it summaries. */
#include <string.h>

#include "report/report_impl.h"

#include "input/dialect.h"
#include "input/readers.h"

size_t zl_utf8_len(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    unsigned char c = s[0];
    size_t len;
    uint32_t v, min;
    if (c < 0x80) {
        if (cp)
            *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0; /* continuation byte, C0/C1 (overlong) or F5..FF */
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    if (cp)
        *cp = v;
    return len;
}

static const char hexdig[] = "0123456789abcdef";

bool zl_cp_hidden(uint32_t c)
{
    return (c >= 0x80 && c <= 0x9f) ||                   /* C1 controls */
           c == 0xad || c == 0x34f || c == 0x61c ||      /* soft hyphen, CGJ, Arabic letter mark */
           c == 0x115f || c == 0x1160 || c == 0x17b4 || c == 0x17b5 || c == 0x3164 || c == 0xffa0 ||
           (c >= 0x180b && c <= 0x180f) ||               /* Mongolian selectors */
           (c >= 0x200b && c <= 0x200f) ||               /* zero-width, LRM, RLM */
           (c >= 0x2028 && c <= 0x202e) ||               /* separators, bidi embeddings/overrides */
           (c >= 0x2060 && c <= 0x206f) ||               /* word joiner, invisible operators, isolates */
           (c >= 0xfe00 && c <= 0xfe0f) ||               /* variation selectors */
           c == 0xfeff ||                                /* byte order mark */
           (c >= 0xfff0 && c <= 0xfffb) ||               /* interlinear annotation */
           (c >= 0xe0000 && c <= 0xe0fff);               /* tags, variation selectors supplement */
}

size_t zl_put_cp_escape(struct zl_buf *b, uint32_t cp)
{
    char e[16];
    int n = snprintf(e, sizeof e, "<U+%04X>", (unsigned)cp);
    if (b)
        zl_buf_put(b, e, (size_t)n);
    return (size_t)n;
}

void zl_put_visible(struct zl_buf *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        const unsigned char *q = p;
        while (q < end && *q < 0x80)
            q++;
        zl_buf_put(b, p, (size_t)(q - p));
        p = q;
        if (p >= end)
            break;
        uint32_t cp;
        size_t len = zl_utf8_len(p, (size_t)(end - p), &cp);
        if (len && zl_cp_hidden(cp)) {
            zl_put_cp_escape(b, cp);
            p += len;
        } else {
            size_t k = len ? len : 1; /* not UTF-8: each format words that */
            zl_buf_put(b, p, k);
            p += k;
        }
    }
}

static void put_hex_escape(struct zl_buf *b, unsigned char c)
{
    char e[4] = { '\\', 'x', hexdig[c >> 4], hexdig[c & 15] };
    zl_buf_put(b, e, 4);
}

void zl_put_printable(struct zl_buf *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned char c = *p;
        if (c >= 0x20 && c < 0x7F) {
            /* copy the printable ASCII run in one go */
            const unsigned char *q = p;
            while (q < end && *q >= 0x20 && *q < 0x7F)
                q++;
            zl_buf_put(b, p, (size_t)(q - p));
            p = q;
            continue;
        }
        if (c == '\n' || c == '\r' || c == '\t') {
            zl_buf_putc(b, '\\');
            zl_buf_putc(b, c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
            p++;
            continue;
        }
        uint32_t cp;
        size_t len = c >= 0x80 ? zl_utf8_len(p, (size_t)(end - p), &cp) : 0;
        /* C1 controls act as escapes on some terminals; bidi controls and
         * invisibles change what the text seems to say */
        if (len && zl_cp_hidden(cp)) {
            zl_put_cp_escape(b, cp);
            p += len;
        } else if (len) {
            zl_buf_put(b, p, len);
            p += len;
        } else {
            put_hex_escape(b, c);
            p++;
        }
    }
}

void zl_json_escape(struct zl_buf *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned char c = *p;
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            const unsigned char *q = p;
            while (q < end && *q >= 0x20 && *q < 0x80 && *q != '"' && *q != '\\')
                q++;
            zl_buf_put(b, p, (size_t)(q - p));
            p = q;
            continue;
        }
        if (c >= 0x80) {
            size_t len = zl_utf8_len(p, (size_t)(end - p), NULL);
            if (len) {
                zl_buf_put(b, p, len);
                p += len;
            } else {
                zl_buf_puts(b, "\\ufffd");
                p++;
            }
            continue;
        }
        p++;
        switch (c) {
        case '"':
            zl_buf_puts(b, "\\\"");
            break;
        case '\\':
            zl_buf_puts(b, "\\\\");
            break;
        case '\b':
            zl_buf_puts(b, "\\b");
            break;
        case '\f':
            zl_buf_puts(b, "\\f");
            break;
        case '\n':
            zl_buf_puts(b, "\\n");
            break;
        case '\r':
            zl_buf_puts(b, "\\r");
            break;
        case '\t':
            zl_buf_puts(b, "\\t");
            break;
        default: {
            char e[6] = { '\\', 'u', '0', '0', hexdig[c >> 4], hexdig[c & 15] };
            zl_buf_put(b, e, 6);
        }
        }
    }
}

/* Original text of a span, lines joined by '\n'; -1 when unreadable. */
static int span_text(struct zl_reporter *r, const struct zl_span *sp, struct zl_buf *out)
{
    if (!sp->src || sp->line == 0)
        return -1;
    uint32_t last = sp->end_line >= sp->line ? sp->end_line : sp->line;
    for (uint32_t ln = sp->line; ln <= last; ln++) {
        if (zl_line_cache_get(r->lines, sp->src, ln, &r->line) != 0)
            return -1;
        size_t from = 0, to = r->line.len;
        if (ln == sp->line)
            from = sp->col > 0 ? sp->col - 1 : 0;
        if (ln == last)
            to = sp->end_line >= sp->line ? (sp->end_col > 0 ? sp->end_col - 1 : 0) : from;
        if (to > r->line.len)
            to = r->line.len;
        if (from > to)
            from = to;
        if (ln != sp->line)
            zl_buf_putc(out, '\n');
        zl_buf_put(out, r->line.data + from, to - from);
        if (ln == UINT32_MAX)
            break;
    }
    return 0;
}

/* Keeps the first and last SUMMARY_KEEP bytes of out[mark..] (on UTF-8
 * boundaries) with an ellipsis between: a fix-it may replace a whole
 * 64 KB record, and its summary is for reading. */
#define SUMMARY_KEEP 60

static void elide_tail(struct zl_buf *out, size_t mark)
{
    size_t n = out->len - mark;
    if (n <= 2 * SUMMARY_KEEP + 8)
        return;
    uint8_t *p = out->data + mark;
    size_t a = SUMMARY_KEEP, b = n - SUMMARY_KEEP;
    while (a > 0 && (p[a] & 0xc0) == 0x80)
        a--;
    while (b < n && (p[b] & 0xc0) == 0x80)
        b++;
    static const char ell[] = "\xe2\x80\xa6"; /* U+2026 */
    memcpy(p + a, ell, 3);
    memmove(p + a + 3, p + b, n - b);
    out->len = mark + a + 3 + (n - b);
}

/* The end of a common part on a UTF-8 boundary: n backed off so that it
 * does not split a sequence of a (b is the same text there). */
static size_t utf8_floor(const uint8_t *a, size_t n, size_t len)
{
    while (n > 0 && n < len && (a[n] & 0xc0) == 0x80)
        n--;
    return n;
}

#define FIX_CONTEXT 24 /* bytes of unchanged text shown before an insertion or deletion */

/* Up to FIX_CONTEXT bytes of p[0..n) from its end, after an ellipsis when cut. */
static void put_context_tail(struct zl_buf *out, const uint8_t *p, size_t n)
{
    size_t from = n > FIX_CONTEXT ? n - FIX_CONTEXT : 0;
    while (from > 0 && from < n && (p[from] & 0xc0) == 0x80)
        from++;
    if (from)
        zl_buf_puts(out, "\xe2\x80\xa6");
    zl_buf_put(out, p + from, n - from);
}

static void put_context_head(struct zl_buf *out, const uint8_t *p, size_t n)
{
    size_t to = n > FIX_CONTEXT ? FIX_CONTEXT : n;
    while (to < n && (p[to] & 0xc0) == 0x80)
        to--;
    zl_buf_put(out, p, to);
    if (to < n)
        zl_buf_puts(out, "\xe2\x80\xa6");
}

static void put_part(struct zl_buf *out, const void *p, size_t n)
{
    size_t mark = out->len;
    zl_buf_put(out, p, n);
    elide_tail(out, mark);
}

void zl_report_fix_summary(struct zl_reporter *r, const struct zl_fix *fix, struct zl_buf *out)
{
    struct zl_buf old = { 0 };
    const char *rep = fix->replacement ? fix->replacement : "";
    size_t rl = strlen(rep);
    if (span_text(r, &fix->span, &old) != 0) {
        zl_buf_puts(out, "replace '?' with '");
        put_part(out, rep, rl);
        zl_buf_putc(out, '\'');
        zl_buf_free(&old);
        return;
    }
    const uint8_t *o = old.data ? old.data : (const uint8_t *)"", *n = (const uint8_t *)rep;
    size_t ol = old.len, pre = 0, suf = 0;
    while (pre < ol && pre < rl && o[pre] == n[pre])
        pre++;
    pre = utf8_floor(o, pre, ol);
    pre = utf8_floor(n, pre, rl);
    while (suf < ol - pre && suf < rl - pre && o[ol - 1 - suf] == n[rl - 1 - suf])
        suf++;
    while (suf > 0 && ((ol - suf < ol && (o[ol - suf] & 0xc0) == 0x80) || (rl - suf < rl && (n[rl - suf] & 0xc0) == 0x80)))
        suf--;
    size_t om = ol - pre - suf, nm = rl - pre - suf;
    /* nothing kept at the start of the span: the line before it is the context */
    struct zl_buf before = { 0 };
    const uint8_t *ctx = o;
    size_t ctxn = pre;
    if (!pre && fix->span.col > 1 && zl_line_cache_get(r->lines, fix->span.src, fix->span.line, &r->line) == 0) {
        size_t c0 = fix->span.col - 1 < r->line.len ? fix->span.col - 1 : r->line.len;
        zl_buf_put(&before, r->line.data, c0);
        ctx = before.data;
        ctxn = before.len;
    }
    if (!om && !nm) {
        zl_buf_puts(out, "nothing to change");
    } else if (!om) {
        zl_buf_puts(out, "insert '");
        put_part(out, n + pre, nm);
        if (ctxn) {
            zl_buf_puts(out, "' after '");
            put_context_tail(out, ctx, ctxn);
        } else if (suf) {
            zl_buf_puts(out, "' before '");
            put_context_head(out, o + pre, suf);
        }
        zl_buf_putc(out, '\'');
    } else if (!nm) {
        zl_buf_puts(out, "delete '");
        put_part(out, o + pre, om);
        if (ctxn) {
            zl_buf_puts(out, "' after '");
            put_context_tail(out, ctx, ctxn);
        } else if (suf) {
            zl_buf_puts(out, "' before '");
            put_context_head(out, o + pre + om, suf);
        }
        zl_buf_putc(out, '\'');
    } else {
        zl_buf_puts(out, "replace '");
        put_part(out, o + pre, om);
        zl_buf_puts(out, "' with '");
        put_part(out, n + pre, nm);
        if (ctxn) {
            zl_buf_puts(out, "' after '");
            put_context_tail(out, ctx, ctxn);
        }
        zl_buf_putc(out, '\'');
    }
    zl_buf_free(&old);
    zl_buf_free(&before);
}

/* ---- JSON writer ---- */

static void newline_indent(struct zl_jw *w, unsigned depth)
{
    zl_buf_putc(w->b, '\n');
    for (unsigned i = 0; i < depth; i++)
        zl_buf_put(w->b, "  ", 2);
}

/* Separator and layout before a value or a key. */
static void before_item(struct zl_jw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0)
        return;
    if (w->nonempty[w->depth])
        zl_buf_putc(w->b, ',');
    w->nonempty[w->depth] = true;
    if (w->depth <= w->pretty)
        newline_indent(w, w->depth);
}

static void open_container(struct zl_jw *w, char c)
{
    before_item(w);
    zl_buf_putc(w->b, (uint8_t)c);
    if (w->depth + 1 < ZL_JW_MAXDEPTH)
        w->depth++;
    w->nonempty[w->depth] = false;
}

static void close_container(struct zl_jw *w, char c)
{
    if (w->nonempty[w->depth] && w->depth <= w->pretty)
        newline_indent(w, w->depth - 1);
    zl_buf_putc(w->b, (uint8_t)c);
    if (w->depth)
        w->depth--;
}

void zl_jw_obj(struct zl_jw *w)
{
    open_container(w, '{');
}

void zl_jw_obj_end(struct zl_jw *w)
{
    close_container(w, '}');
}

void zl_jw_arr(struct zl_jw *w)
{
    open_container(w, '[');
}

void zl_jw_arr_end(struct zl_jw *w)
{
    close_container(w, ']');
}

void zl_jw_key(struct zl_jw *w, const char *key)
{
    before_item(w);
    zl_buf_putc(w->b, '"');
    zl_json_escape(w->b, key, strlen(key));
    zl_buf_puts(w->b, w->depth <= w->pretty ? "\": " : "\":");
    w->after_key = true;
}

void zl_jw_strn(struct zl_jw *w, const char *s, size_t n)
{
    before_item(w);
    zl_buf_putc(w->b, '"');
    zl_json_escape(w->b, s, n);
    zl_buf_putc(w->b, '"');
}

void zl_jw_text(struct zl_jw *w, const char *s)
{
    if (!s) {
        zl_jw_null(w);
        return;
    }
    struct zl_buf v = { 0 };
    zl_put_visible(&v, s, strlen(s));
    zl_jw_strn(w, v.data ? (const char *)v.data : "", v.len);
    zl_buf_free(&v);
}

void zl_jw_str(struct zl_jw *w, const char *s)
{
    if (!s) {
        zl_jw_null(w);
        return;
    }
    zl_jw_strn(w, s, strlen(s));
}

void zl_jw_uint(struct zl_jw *w, unsigned long long v)
{
    before_item(w);
    zl_buf_put_uint(w->b, v);
}

void zl_jw_null(struct zl_jw *w)
{
    before_item(w);
    zl_buf_puts(w->b, "null");
}

void zl_jw_raw(struct zl_jw *w, const char *json, size_t n)
{
    before_item(w);
    zl_buf_put(w->b, json, n);
}

const char *zl_report_input_kind(const struct zl_source *src)
{
    if (!src)
        return NULL;
    const char *d = zl_source_dialect(src);
    return d ? d : zl_input_format_name(zl_source_input_format(src));
}
