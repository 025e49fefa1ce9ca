/* SPDX-License-Identifier: MIT */
/* The gcc and text formats.
 *
 * gcc:  path:line:col: severity: message [CODE slug]
 *       one line per finding, so editors' and CI problem matchers read it.
 * text: the same line (coloured like gcc/clang when asked), then the source
 *       line with tabs expanded to 8-column stops, a caret line ("^" under
 *       the span start, "~" to its end or to the end of the line for a
 *       multi-line span), "  note: ..." lines and a "  fix: ..." line that
 *       shows only what changes ("insert '.' after '...com'"; "fix (unsafe,
 *       --unsafe-fixes):" for a fix-it that is a judgement). A blank line
 *       separates findings; a note that every finding of a rule in a file
 *       repeats is shown on the first, with a count.
 *
 * Paths, messages and source text go through zl_put_printable, so a control
 * character in a zone file or a file name cannot break a line in two or
 * drive the terminal. A finding without a file prints "zonelint:" as its
 * location, like "cc1:" in gcc. */
#include <stdlib.h>
#include <string.h>

#include "report/report_impl.h"

#define SGR_RESET "\033[0m"
#define SGR_BOLD "\033[1m"
#define SGR_ERROR "\033[1;31m"   /* gcc: bold red */
#define SGR_WARNING "\033[1;35m" /* gcc: bold magenta */
#define SGR_INFO "\033[1;36m"    /* gcc's colour for notes: bold cyan */
#define SGR_NOTE "\033[1;36m"
#define SGR_CARET "\033[1;32m"   /* gcc: bold green caret and fix-it */

static const char *severity_sgr(enum zl_severity s)
{
    return s == ZL_SEV_ERROR ? SGR_ERROR : s == ZL_SEV_WARNING ? SGR_WARNING : SGR_INFO;
}

static void sgr(struct zl_reporter *r, struct zl_buf *b, const char *code)
{
    if (r->color)
        zl_buf_puts(b, code);
}

static void put_str(struct zl_buf *b, const char *s)
{
    if (s)
        zl_put_printable(b, s, strlen(s));
}

/* "path:line:col: severity: message [CODE slug]" without the newline. */
static void put_headline(struct zl_reporter *r, struct zl_buf *b, const struct zl_diag *d)
{
    const struct zl_span *sp = &d->span;
    sgr(r, b, SGR_BOLD);
    if (sp->src) {
        put_str(b, sp->src->path);
        if (sp->line) {
            zl_buf_putc(b, ':');
            zl_buf_put_uint(b, sp->line);
            if (sp->col) {
                zl_buf_putc(b, ':');
                zl_buf_put_uint(b, sp->col);
            }
        }
    } else {
        zl_buf_puts(b, "zonelint");
    }
    zl_buf_putc(b, ':');
    sgr(r, b, SGR_RESET);
    zl_buf_putc(b, ' ');
    sgr(r, b, severity_sgr(d->severity));
    zl_buf_puts(b, zl_severity_name(d->severity));
    zl_buf_putc(b, ':');
    sgr(r, b, SGR_RESET);
    zl_buf_putc(b, ' ');
    put_str(b, d->message);
    zl_buf_puts(b, " [");
    sgr(r, b, severity_sgr(d->severity));
    put_str(b, d->code);
    zl_buf_putc(b, ' ');
    put_str(b, d->slug);
    sgr(r, b, SGR_RESET);
    zl_buf_putc(b, ']');
}

/* ---- source line and caret ---- */

/* Terminal cells of a code point: 0 for combining marks and the BOM, 2 for
 * the main East Asian wide blocks and emoji, else 1. Approximate on
 * purpose; a wrong guess only shifts a caret. */
static unsigned cp_width(uint32_t c)
{
    if ((c >= 0x0300 && c <= 0x036F) || c == 0x200B || c == 0xFEFF)
        return 0;
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
        (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
        (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
        (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD))
        return 2;
    return 1;
}

/* Renders the character at s[i] (appending to out unless NULL), advances
 * the display column *dc and returns the bytes consumed. */
static size_t render_char(const unsigned char *s, size_t n, size_t i, size_t *dc, struct zl_buf *out)
{
    unsigned char c = s[i];
    if (c == '\t') {
        size_t w = 8 - *dc % 8;
        for (size_t k = 0; out && k < w; k++)
            zl_buf_putc(out, ' ');
        *dc += w;
        return 1;
    }
    if (c >= 0x20 && c < 0x7F) {
        if (out)
            zl_buf_putc(out, c);
        *dc += 1;
        return 1;
    }
    uint32_t cp = 0;
    size_t len = c >= 0x80 ? zl_utf8_len(s + i, n - i, &cp) : 0;
    if (len && zl_cp_hidden(cp)) {
        /* bidi controls, C1 controls, invisibles: "<U+202E>" */
        *dc += zl_put_cp_escape(out, cp);
        return len;
    }
    if (len && cp >= 0xA0) {
        unsigned w = cp_width(cp);
        if (out && w)
            zl_buf_put(out, s + i, len);
        *dc += w;
        return len;
    }
    /* control byte, C1 control or invalid UTF-8: one "\xHH" per byte */
    if (out)
        zl_put_printable(out, (const char *)s + i, 1);
    *dc += 4;
    return 1;
}

/* Display column of byte index idx, counting from start (a display column
 * already); indexes past the end (a span at the end of the line) count one
 * column per byte. */
static size_t display_col(const unsigned char *s, size_t n, size_t idx, size_t start)
{
    size_t dc = start, i = 0;
    while (i < n && i < idx)
        i += render_char(s, n, i, &dc, NULL);
    if (idx > n)
        dc += idx - n;
    return dc;
}

/* Lines up to this many display columns are shown whole; longer ones (a
 * minified export is one line) as a window around the span: CONTEXT bytes
 * either side and at most SPAN_SHOWN of the span, with an ellipsis where
 * the line goes on. */
#define WHOLE_LINE 200
#define CONTEXT 60
#define SPAN_SHOWN 100

static size_t utf8_back(const unsigned char *s, size_t i)
{
    while (i > 0 && (s[i] & 0xc0) == 0x80)
        i--;
    return i;
}

static size_t utf8_fwd(const unsigned char *s, size_t n, size_t i)
{
    while (i < n && (s[i] & 0xc0) == 0x80)
        i++;
    return i;
}

static void put_source_and_caret(struct zl_reporter *r, struct zl_buf *b, const struct zl_diag *d)
{
    const struct zl_span *sp = &d->span;
    if (!sp->src || !sp->line || zl_line_cache_get(r->lines, sp->src, sp->line, &r->line) != 0)
        return;
    const unsigned char *s = r->line.data;
    size_t n = r->line.len;
    if (n == 0)
        return; /* nothing to point into (e.g. the end of the file) */

    size_t s0 = sp->col ? sp->col - 1 : 0, s1 = s0 + 1;
    if (sp->end_line == sp->line && sp->end_col > sp->col)
        s1 = sp->end_col - 1;
    else if (sp->end_line > sp->line)
        s1 = n;
    /* the window [from, to) of the line that is shown */
    size_t from = 0, to = n, lead = 0;
    if (n > WHOLE_LINE && display_col(s, n, n, 0) > WHOLE_LINE) {
        size_t a = s0 < n ? s0 : n;
        size_t e = s1 < n ? s1 : n;
        if (e > a + SPAN_SHOWN)
            e = a + SPAN_SHOWN;
        from = a > CONTEXT ? utf8_back(s, a - CONTEXT) : 0;
        to = e + CONTEXT < n ? utf8_fwd(s, n, e + CONTEXT) : n;
    }
    static const char ellipsis[] = "\xe2\x80\xa6"; /* U+2026, one column */
    if (from > 0) {
        zl_buf_puts(b, ellipsis);
        lead = 1;
    }
    size_t dc = lead;
    for (size_t i = from; i < to;)
        i += render_char(s, to, i, &dc, b);
    if (to < n)
        zl_buf_puts(b, ellipsis);
    /* keep a visible line even if it was only zero-width characters */
    zl_buf_putc(b, '\n');
    if (!sp->col)
        return;

    size_t d0 = display_col(s + from, to - from, s0 - from, lead), d1 = d0 + 1;
    if (s1 > s0 + 1 || sp->end_line > sp->line)
        d1 = display_col(s + from, to - from, (s1 < to ? s1 : to) - from, lead);
    if (d1 <= d0)
        d1 = d0 + 1;
    for (size_t k = 0; k < d0; k++)
        zl_buf_putc(b, ' ');
    sgr(r, b, SGR_CARET);
    zl_buf_putc(b, '^');
    for (size_t k = d0 + 1; k < d1; k++)
        zl_buf_putc(b, '~');
    sgr(r, b, SGR_RESET);
    zl_buf_putc(b, '\n');
}

/* Notes that every finding of a rule in one batch repeats (a rule's
 * general advice): shown on the first of them with a count, left out of
 * the others. A small open-addressing table keyed by rule and note text. */
struct repeat {
    uint64_t key;
    unsigned long count;   /* findings of the batch with this note */
    bool shown;
};

struct text_state {
    struct repeat *v;
    size_t cap;
};

static uint64_t note_key(const struct zl_diag *d, const char *note)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (const char *p = d->code ? d->code : ""; *p; p++)
        h = (h ^ (uint8_t)*p) * 0x100000001b3ull;
    h = (h ^ 0xff) * 0x100000001b3ull;
    for (const char *p = note; *p; p++)
        h = (h ^ (uint8_t)*p) * 0x100000001b3ull;
    return h | 1; /* 0 marks an empty slot */
}

static struct repeat *repeat_slot(struct text_state *st, uint64_t key)
{
    if (!st || !st->cap)
        return NULL;
    size_t j = (size_t)key & (st->cap - 1);
    while (st->v[j].key && st->v[j].key != key)
        j = (j + 1) & (st->cap - 1);
    return &st->v[j];
}

static void put_fix_line(struct zl_reporter *r, struct zl_buf *b, const struct zl_fix *fix)
{
    struct zl_buf text = { 0 };
    zl_report_fix_summary(r, fix, &text);
    zl_buf_puts(b, "  ");
    sgr(r, b, SGR_CARET);
    zl_buf_puts(b, fix->safety == ZL_FIX_UNSAFE ? "fix (unsafe):" : "fix:");
    sgr(r, b, SGR_RESET);
    zl_buf_putc(b, ' ');
    zl_put_printable(b, (const char *)text.data, text.len);
    zl_buf_putc(b, '\n');
    zl_buf_free(&text);
}

static void text_add(struct zl_reporter *r, const struct zl_diag *d)
{
    struct zl_buf *b = &r->tmp;
    struct text_state *st = r->priv;
    if (r->count)
        zl_buf_putc(b, '\n'); /* a blank line between findings */
    put_headline(r, b, d);
    zl_buf_putc(b, '\n');
    put_source_and_caret(r, b, d);
    for (size_t i = 0; i < d->nnotes; i++) {
        struct repeat *rp = st && st->cap ? repeat_slot(st, note_key(d, d->notes[i])) : NULL;
        if (rp && rp->key && rp->count > 1 && rp->shown)
            continue;
        zl_buf_puts(b, "  ");
        sgr(r, b, SGR_NOTE);
        zl_buf_puts(b, "note:");
        sgr(r, b, SGR_RESET);
        zl_buf_putc(b, ' ');
        put_str(b, d->notes[i]);
        if (rp && rp->key && rp->count > 1) {
            rp->shown = true;
            zl_buf_printf(b, " (the same for the %lu other %s finding%s below)", rp->count - 1, d->code,
                          rp->count == 2 ? "" : "s");
        }
        zl_buf_putc(b, '\n');
    }
    if (d->fix)
        put_fix_line(r, b, d->fix);
    zl_report_flush(r, b);
}

static void text_add_all(struct zl_reporter *r, const struct zl_diag *v, size_t n)
{
    struct text_state st = { 0 };
    size_t notes = 0;
    for (size_t i = 0; i < n; i++)
        notes += v[i].nnotes;
    if (notes > 1) {
        st.cap = 16;
        while (st.cap < notes * 2)
            st.cap *= 2;
        st.v = zl_xcalloc(st.cap, sizeof *st.v);
        for (size_t i = 0; i < n; i++)
            for (size_t k = 0; k < v[i].nnotes; k++) {
                uint64_t key = note_key(&v[i], v[i].notes[k]);
                struct repeat *rp = repeat_slot(&st, key);
                rp->key = key;
                rp->count++;
            }
    }
    r->priv = &st;
    for (size_t i = 0; i < n; i++)
        zl_reporter_add(r, &v[i]);
    r->priv = NULL;
    free(st.v);
}

static void gcc_add(struct zl_reporter *r, const struct zl_diag *d)
{
    struct zl_buf *b = &r->tmp;
    put_headline(r, b, d);
    zl_buf_putc(b, '\n');
    zl_report_flush(r, b);
}

static void nothing_to_finish(struct zl_reporter *r)
{
    (void)r;
}

const struct zl_report_ops zl_report_text_ops = { NULL, text_add, nothing_to_finish, text_add_all };

/* gcc output is coloured only when asked (--color=always, FORCE_COLOR, or a
 * terminal): problem matchers read it from pipes, where auto means none. */
const struct zl_report_ops zl_report_gcc_ops = { NULL, gcc_add, nothing_to_finish, NULL };
