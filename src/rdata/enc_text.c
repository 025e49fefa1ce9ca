/* SPDX-License-Identifier: MIT */
/* Character-strings, quoted text and domain names. */
#include <string.h>

#include "base/bytescan.h"
#include "rdata/enc.h"

/* ---- strings ----------------------------------------------------------------- */

static int decval(int ch)
{
    return zl_rd_is_digit(ch) ? ch - '0' : -1;
}

/* BIND's txt_fromtext/commatxt_fromtext escapes: \DDD (000-255, exactly
 * three digits) and \X. Without the comma rule (which only SVCB values
 * use), runs between backslashes are copied whole: TXT strings are most of
 * a zone's bytes and rarely escaped. */
static int unescape_plain(const char *s, size_t n, uint8_t *out, size_t *outlen, size_t *used)
{
    size_t i = 0, o = 0;
    while (i < n) {
        const char *bs = memchr(s + i, '\\', n - i);
        size_t run = bs ? (size_t)(bs - (s + i)) : n - i;
        memcpy(out + o, s + i, run);
        o += run;
        i += run;
        if (!bs)
            break;
        if (++i >= n)
            return -1;
        int ch = (uint8_t)s[i++];
        if (decval(ch) >= 0) {
            if (i + 2 > n || decval(s[i]) < 0 || decval(s[i + 1]) < 0)
                return -1;
            ch = decval(ch) * 100 + decval(s[i]) * 10 + decval(s[i + 1]);
            i += 2;
            if (ch > 255)
                return -1;
        }
        out[o++] = (uint8_t)ch;
    }
    if (used)
        *used = i;
    *outlen = o;
    return 0;
}

int zl_rd_unescape(const char *s, size_t n, uint8_t *out, size_t *outlen, bool comma, size_t *used)
{
    if (!comma)
        return unescape_plain(s, n, out, outlen, used);
    size_t i = 0, o = 0;
    bool esc = false, cesc = false;
    while (i < n) {
        int ch = (uint8_t)s[i++];
        if (esc && decval(ch) >= 0) {
            if (i + 2 > n || decval(s[i]) < 0 || decval(s[i + 1]) < 0)
                return -1;
            ch = decval(ch) * 100 + decval(s[i]) * 10 + decval(s[i + 1]);
            i += 2;
            if (ch > 255)
                return -1;
        } else if (!esc && ch == '\\') {
            esc = true;
            continue;
        }
        esc = false;
        if (comma && !cesc && ch == ',') {
            if (used)
                *used = i;
            *outlen = o;
            return 1;
        }
        if (comma && !cesc && ch == '\\') {
            cesc = true;
            continue;
        }
        cesc = false;
        out[o++] = (uint8_t)ch;
    }
    if (esc || cesc)
        return -1;
    if (used)
        *used = i;
    *outlen = o;
    return 0;
}

/* One <character-string> field. */
int zl_rd_pstring(struct pctx *c, const char *label)
{
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_need(c, label, "a character-string");
    if (!t)
        return -1;
    size_t off = c->wire->len;
    zl_buf_reserve(c->wire, t->len + 1);
    uint8_t *p = c->wire->data + off;
    size_t n;
    if (zl_rd_unescape(t->text, t->len, p + 1, &n, false, NULL) != 0) {
        char sh[80];
        return zl_rd_perr(c, ti, "%s %s %s has a bad escape (use \\X or \\DDD with DDD 000-255)",
                          c->tname, label, zl_rd_show(t, sh, sizeof sh));
    }
    if (n > 255)
        return zl_rd_perr(c, ti, "%s %s is %zu octets; at most 255 are allowed", c->tname, label, n);
    p[0] = (uint8_t)n;
    c->wire->len += n + 1;
    zl_rd_field(c, ZL_FIELD_STRING, t->flags & ZL_TOK_QUOTED, ti, 1, off);
    return 0;
}

/* URI target: must be written quoted (BIND), no length octet, no limit. */
int zl_rd_pqtext(struct pctx *c, const char *label)
{
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_need(c, label, "a quoted string");
    if (!t)
        return -1;
    char sh[80];
    if (!(t->flags & ZL_TOK_QUOTED))
        return zl_rd_perr(c, ti, "%s %s must be a quoted string, got %s", c->tname, label,
                          zl_rd_show(t, sh, sizeof sh));
    size_t off = c->wire->len;
    zl_buf_reserve(c->wire, t->len);
    size_t n;
    if (zl_rd_unescape(t->text, t->len, c->wire->data + off, &n, false, NULL) != 0)
        return zl_rd_perr(c, ti, "%s %s %s has a bad escape (use \\X or \\DDD with DDD 000-255)",
                          c->tname, label, zl_rd_show(t, sh, sizeof sh));
    c->wire->len += n;
    zl_rd_field(c, ZL_FIELD_STRING, ZL_TOK_QUOTED, ti, 1, off);
    return 0;
}

/* BIND's txt_totext with quoting: 0 as it is, 1 after a backslash, 2 as \DDD. */
static const uint8_t txt_class[256] = {
    [0 ... 0x1f] = 2, ['"'] = 1, ['\\'] = 1, [0x7f ... 0xff] = 2,
};

void zl_rd_put_txt(struct zl_buf *b, const uint8_t *p, size_t n)
{
    zl_buf_reserve(b, n * 4 + 2);
    uint8_t *o = b->data + b->len;
    *o++ = '"';
    size_t i = 0;
    while (i < n) {
        /* Runs without anything to escape are copied whole. */
        size_t run = zl_bs_txt_plain_run(p + i, n - i);
        memcpy(o, p + i, run);
        o += run;
        i += run;
        size_t end = i + 8 < n ? i + 8 : n;
        for (; i < end; i++) {
            uint8_t ch = p[i];
            switch (txt_class[ch]) {
            case 0:
                *o++ = ch;
                break;
            case 1:
                *o++ = '\\';
                *o++ = ch;
                break;
            default:
                *o++ = '\\';
                *o++ = (uint8_t)('0' + ch / 100);
                *o++ = (uint8_t)('0' + ch / 10 % 10);
                *o++ = (uint8_t)('0' + ch % 10);
            }
        }
    }
    *o++ = '"';
    b->len = (size_t)(o - b->data);
}

int zl_rd_wstring(struct wctx *w)
{
    size_t off = w->off;
    if (w->off >= w->len || w->len - w->off - 1 < w->p[w->off])
        return -1;
    size_t n = w->p[w->off];
    zl_rd_sep(w);
    zl_rd_put_txt(w->out, w->p + w->off + 1, n);
    w->off += n + 1;
    zl_rd_wfield(w, ZL_FIELD_STRING, off);
    return 0;
}

/* ---- names -------------------------------------------------------------------- */

static int pname(struct pctx *c, const char *label, bool quoted_ok)
{
    size_t ti = c->i;
    const struct zl_token *t = quoted_ok ? zl_rd_need(c, label, "a domain name")
                                         : zl_rd_word(c, label, "a domain name");
    if (!t)
        return -1;
    struct zl_name n;
    unsigned flags = 0;
    enum zl_name_status st = zl_name_from_text(&n, t->text, t->len, c->origin, &flags);
    if (st != ZL_NAME_OK) {
        char sh[80];
        return zl_rd_perr(c, ti, "%s %s %s is not a valid domain name: %s", c->tname, label,
                          zl_rd_show(t, sh, sizeof sh), zl_name_status_text(st));
    }
    size_t off = c->wire->len;
    zl_buf_put(c->wire, n.wire, n.len);
    zl_rd_field(c, ZL_FIELD_NAME, flags, ti, 1, off);
    return 0;
}

int zl_rd_pname(struct pctx *c, const char *label)
{
    return pname(c, label, false);
}

int zl_rd_pname_qstring(struct pctx *c, const char *label)
{
    return pname(c, label, true);
}

int zl_rd_wname(struct wctx *w)
{
    size_t off = w->off, used = 0;
    zl_buf_reserve(w->out, ZL_NAME_TEXT_MAX + 1);
    size_t sep = w->out->len > w->ostart;
    char *o = (char *)w->out->data + w->out->len;
    size_t n = zl_wire_to_text(w->p + w->off, w->len - w->off, o + sep, &used);
    if (n == 0)
        return -1;
    if (sep)
        o[0] = ' ';
    w->out->len += sep + n;
    w->off += used;
    zl_rd_wfield(w, ZL_FIELD_NAME, off);
    return 0;
}
