/* SPDX-License-Identifier: MIT */
/* Base64, hex, type bitmaps and the RFC 3597 \# form. */
#include <string.h>

#include "rdata/enc.h"
#include "rdata/types.h"

/* ---- base64, hex ---------------------------------------------------------------- */

struct b64 {
    int val[4];
    int digits;
    bool end; /* padding seen: nothing may follow */
};

static int b64val(int ch)
{
    if (ch >= 'A' && ch <= 'Z')
        return ch - 'A';
    if (ch >= 'a' && ch <= 'z')
        return ch - 'a' + 26;
    if (ch >= '0' && ch <= '9')
        return ch - '0' + 52;
    if (ch == '+')
        return 62;
    if (ch == '/')
        return 63;
    if (ch == '=')
        return 64;
    return -1;
}

/* One base64 character, BIND's rules (padding only at the end of a quad,
 * unused bits zero). */
static int b64_char(struct b64 *d, int ch, struct zl_buf *out)
{
    if (d->end)
        return -1;
    int v = b64val(ch);
    if (v < 0)
        return -1;
    d->val[d->digits++] = v;
    if (d->digits < 4)
        return 0;
    int *x = d->val;
    if (x[0] == 64 || x[1] == 64)
        return -1;
    if (x[2] == 64 && x[3] != 64)
        return -1;
    if (x[2] == 64 && (x[1] & 0xf))
        return -1;
    if (x[3] == 64 && (x[2] & 0x3))
        return -1;
    int n = x[2] == 64 ? 1 : x[3] == 64 ? 2 : 3;
    if (n != 3) {
        d->end = true;
        if (x[2] == 64)
            x[2] = 0;
        if (x[3] == 64)
            x[3] = 0;
    }
    uint8_t b[3] = { (uint8_t)(x[0] << 2 | x[1] >> 4), (uint8_t)(x[1] << 4 | x[2] >> 2),
                     (uint8_t)(x[2] << 6 | x[3]) };
    zl_buf_put(out, b, (size_t)n);
    d->digits = 0;
    return 0;
}

/* Decodes one complete base64 string; 0 ok, -1 bad. */
int zl_rd_b64_decode(const char *s, size_t n, struct zl_buf *out)
{
    struct b64 d = { { 0 }, 0, false };
    for (size_t i = 0; i < n; i++)
        if (b64_char(&d, (uint8_t)s[i], out) != 0)
            return -1;
    return d.digits ? -1 : 0;
}

/* Base64 in one or more tokens, to the end of the RDATA (or to the padding).
 * Records one field. */
int zl_rd_b64_tokens(struct pctx *c, const char *label, bool allow_empty)
{
    c->last = label;
    struct b64 d = { { 0 }, 0, false };
    size_t first = c->i, off = c->wire->len;
    char sh[80];
    while (c->i < c->ntoks && !d.end) {
        const struct zl_token *t = &c->toks[c->i];
        if (t->flags & ZL_TOK_QUOTED)
            return zl_rd_perr(c, c->i, "%s %s must be base64, not a quoted string; got %s",
                              c->tname, label, zl_rd_show(t, sh, sizeof sh));
        for (size_t k = 0; k < t->len; k++)
            if (b64_char(&d, (uint8_t)t->text[k], c->wire) != 0)
                return zl_rd_perr(c, c->i, "%s %s must be base64, got %s", c->tname, label,
                                  zl_rd_show(t, sh, sizeof sh));
        c->i++;
    }
    if (d.digits)
        return zl_rd_perr(c, c->i - 1, "%s %s is not valid base64: its length is not a multiple of 4",
                          c->tname, label);
    if (c->wire->len == off && !allow_empty)
        return zl_rd_perr(c, c->ntoks, "missing %s %s (base64)", c->tname, label);
    zl_rd_field(c, ZL_FIELD_OTHER, 0, first, c->i - first, off);
    return 0;
}

/* Hex in one or more tokens (digit pairs may straddle tokens, as in BIND).
 * want > 0: exactly that many octets; -1: to the end, at least one octet;
 * -2: to the end, may be empty. Records one field. */
int zl_rd_hex_tokens(struct pctx *c, const char *label, long want)
{
    c->last = label;
    size_t first = c->i, off = c->wire->len, got = 0;
    int digits = 0, acc = 0;
    char sh[80];
    while (c->i < c->ntoks && !(want > 0 && got == (size_t)want && digits == 0)) {
        const struct zl_token *t = &c->toks[c->i];
        if (t->flags & ZL_TOK_QUOTED)
            return zl_rd_perr(c, c->i, "%s %s must be hexadecimal, not a quoted string; got %s",
                              c->tname, label, zl_rd_show(t, sh, sizeof sh));
        for (size_t k = 0; k < t->len; k++) {
            int v = zl_rd_hexval((uint8_t)t->text[k]);
            if (v < 0)
                return zl_rd_perr(c, c->i, "%s %s must be hexadecimal, got %s", c->tname, label,
                                  zl_rd_show(t, sh, sizeof sh));
            acc = acc << 4 | v;
            if (++digits == 2) {
                if (want > 0 && got == (size_t)want)
                    return zl_rd_perr(c, c->i, "%s %s is longer than %ld octets", c->tname, label,
                                      want);
                zl_buf_putc(c->wire, (uint8_t)acc);
                got++;
                digits = 0;
                acc = 0;
            }
        }
        c->i++;
    }
    if (digits)
        return zl_rd_perr(c, c->i - 1, "%s %s has an odd number of hex digits", c->tname, label);
    if (want > 0 && got < (size_t)want)
        return zl_rd_perr(c, c->ntoks, "%s %s is %zu octets; it must be %ld", c->tname, label, got,
                          want);
    if (want == -1 && got == 0)
        return zl_rd_perr(c, c->ntoks, "missing %s %s (hexadecimal)", c->tname, label);
    zl_rd_field(c, ZL_FIELD_OTHER, 0, first, c->i - first, off);
    return 0;
}

int zl_rd_hex_word(const char *s, size_t n, size_t max, struct zl_buf *out)
{
    if (n % 2 || n / 2 > max)
        return -1;
    for (size_t k = 0; k < n; k += 2) {
        int a = zl_rd_hexval((uint8_t)s[k]), b = zl_rd_hexval((uint8_t)s[k + 1]);
        if (a < 0 || b < 0)
            return -2;
        zl_buf_putc(out, (uint8_t)(a << 4 | b));
    }
    return 0;
}

/* BIND prints base64 and hex in 56-character words when the dump style has
 * a line width (named-checkzone -D does). */
#define WORD_CHARS 56

void zl_rd_put_hex(struct zl_buf *b, const uint8_t *p, size_t n, bool split)
{
    static const char hx[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        if (split && i > 0 && i % (WORD_CHARS / 2) == 0)
            zl_buf_putc(b, ' ');
        zl_buf_putc(b, (uint8_t)hx[p[i] >> 4]);
        zl_buf_putc(b, (uint8_t)hx[p[i] & 0xf]);
    }
}

void zl_rd_put_b64(struct zl_buf *b, const uint8_t *p, size_t n, bool split)
{
    static const char al[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t quads = 0;
    for (size_t i = 0; i < n; i += 3) {
        if (split && quads > 0 && quads % (WORD_CHARS / 4) == 0)
            zl_buf_putc(b, ' ');
        uint32_t v = (uint32_t)p[i] << 16;
        if (i + 1 < n)
            v |= (uint32_t)p[i + 1] << 8;
        if (i + 2 < n)
            v |= p[i + 2];
        char q[4] = { al[v >> 18], al[v >> 12 & 63], i + 1 < n ? al[v >> 6 & 63] : '=',
                      i + 2 < n ? al[v & 63] : '=' };
        zl_buf_put(b, q, 4);
        quads++;
    }
}


int zl_rd_wrest(struct wctx *w, bool b64, bool split, bool allow_empty)
{
    size_t off = w->off, n = w->len - w->off;
    if (n == 0)
        return allow_empty ? 0 : -1;
    zl_rd_sep(w);
    if (b64)
        zl_rd_put_b64(w->out, w->p + off, n, split);
    else
        zl_rd_put_hex(w->out, w->p + off, n, split);
    w->off = w->len;
    zl_rd_wfield(w, ZL_FIELD_OTHER, off);
    return 0;
}

/* ---- type bitmaps ---------------------------------------------------------------- */

int zl_rd_parse_bitmap(struct pctx *c, const char *label, bool allow_empty)
{
    size_t first = c->i, off = c->wire->len;
    uint8_t win[32];
    int cur = -1, maxb = -1;
    uint16_t types[ZL_RDATA_MAX_FIELDS];
    size_t nt = 0;
    /* Collect, then sort: lists are short and usually already sorted. */
    for (; c->i < c->ntoks; c->i++) {
        const struct zl_token *t = &c->toks[c->i];
        int v = (t->flags & ZL_TOK_QUOTED) ? -1 : zl_type_from_text(t->text, t->len);
        if (v < 0) {
            char sh[80];
            return zl_rd_perr(c, c->i, "%s %s: %s is not an RR type", c->tname, label,
                              zl_rd_show(t, sh, sizeof sh));
        }
        if (nt < ZL_RDATA_MAX_FIELDS) {
            size_t k = nt++;
            while (k > 0 && types[k - 1] > v) {
                types[k] = types[k - 1];
                k--;
            }
            types[k] = (uint16_t)v;
        } else {
            return zl_rd_perr(c, c->i, "%s %s has more than %d types", c->tname, label,
                              ZL_RDATA_MAX_FIELDS);
        }
    }
    if (nt == 0 && !allow_empty)
        return zl_rd_perr(c, c->ntoks, "missing %s %s (at least one RR type)", c->tname, label);
    for (size_t k = 0; k <= nt; k++) {
        int w = k < nt ? types[k] >> 8 : -2;
        if (w != cur && cur >= 0) {
            zl_buf_putc(c->wire, (uint8_t)cur);
            zl_buf_putc(c->wire, (uint8_t)(maxb + 1));
            zl_buf_put(c->wire, win, (size_t)maxb + 1);
        }
        if (k == nt)
            break;
        if (w != cur) {
            cur = w;
            maxb = -1;
            memset(win, 0, sizeof win);
        }
        int bit = types[k] & 0xff;
        win[bit / 8] |= (uint8_t)(0x80 >> (bit % 8));
        if (bit / 8 > maxb)
            maxb = bit / 8;
    }
    zl_rd_field(c, ZL_FIELD_OTHER, 0, first, c->i - first, off);
    return 0;
}

int zl_rd_bitmap_ok(const uint8_t *p, size_t n, bool allow_empty)
{
    size_t i = 0;
    int last = -1;
    while (i < n) {
        if (i + 2 > n)
            return -1;
        int w = p[i], len = p[i + 1];
        i += 2;
        if (w <= last || len < 1 || len > 32 || i + (size_t)len > n || p[i + len - 1] == 0)
            return -1;
        last = w;
        i += (size_t)len;
    }
    return (last < 0 && !allow_empty) ? -1 : 0;
}

void zl_rd_put_bitmap(struct zl_buf *b, const uint8_t *p, size_t n)
{
    bool first = true;
    for (size_t i = 0; i + 2 <= n;) {
        unsigned w = p[i], len = p[i + 1];
        for (unsigned j = 0; j < len; j++)
            for (unsigned k = 0; k < 8; k++) {
                if (!(p[i + 2 + j] & (0x80 >> k)))
                    continue;
                char tn[16];
                if (!first)
                    zl_buf_putc(b, ' ');
                first = false;
                zl_buf_puts(b, zl_type_to_text((uint16_t)(w * 256 + j * 8 + k), tn));
            }
        i += 2 + len;
    }
}

/* ---- RFC 3597 ----------------------------------------------------------------- */

void zl_rd_put_generic(struct zl_buf *out, const uint8_t *rd, size_t len)
{
    zl_buf_puts(out, "\\# ");
    zl_buf_put_uint(out, len);
    if (len) {
        zl_buf_putc(out, ' ');
        zl_rd_put_hex(out, rd, len, true);
    }
}

int zl_rd_wgeneric(struct wctx *w)
{
    w->out->len = w->ostart;
    zl_rd_put_generic(w->out, w->p, w->len);
    w->off = w->len;
    w->nf = 0;
    zl_rd_wfield(w, ZL_FIELD_OTHER, 0);
    return 0;
}
