/* Custom RDATA code for types with their own syntax: CAA, NAPTR, X25, NSAP,
 * EUI48/EUI64, L64/NID, A6, NXT, ATMA. (LOC, WKS and APL are in
 * rdata_loc.c, SVCB/HTTPS in rdata_svcb.c.) */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rdata/rdata_impl.h"
#include "rdata/types.h"

static bool is_alnum(int ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static bool is_digit(int ch)
{
    return ch >= '0' && ch <= '9';
}

/* ---- CAA ------------------------------------------------------------------------ */

static int caa_parse(struct pctx *c)
{
    if (zl_rd_int(c, 1, 255, "flags") != 0)
        return -1;
    size_t ti = c->i;
    char sh[80];
    const struct zl_token *t = zl_rd_word(c, "tag", "letters and digits, such as issue");
    if (!t)
        return -1;
    for (size_t k = 0; k < t->len; k++)
        if (!is_alnum((uint8_t)t->text[k]))
            return zl_rd_perr(c, ti, "CAA tag must be letters and digits only (such as issue, "
                              "issuewild, iodef), got %s", zl_rd_show(t, sh, sizeof sh));
    if (t->len > 255)
        return zl_rd_perr(c, ti, "CAA tag is %u octets; at most 255 are allowed", t->len);
    size_t off = c->wire->len;
    zl_buf_putc(c->wire, (uint8_t)t->len);
    zl_buf_put(c->wire, t->text, t->len);
    zl_rd_field(c, ZL_FIELD_STRING, 0, ti, 1, off);
    ti = c->i;
    if (!(t = zl_rd_need(c, "value", "a string, usually quoted")))
        return -1;
    off = c->wire->len;
    zl_buf_reserve(c->wire, t->len);
    size_t n;
    if (zl_rd_unescape(t->text, t->len, c->wire->data + off, &n, false, NULL) != 0)
        return zl_rd_perr(c, ti, "CAA value %s has a bad escape (use \\X or \\DDD with DDD 000-255)",
                          zl_rd_show(t, sh, sizeof sh));
    c->wire->len += n;
    zl_rd_field(c, ZL_FIELD_STRING, t->flags & ZL_TOK_QUOTED, ti, 1, off);
    return 0;
}

static int caa_walk(struct wctx *w)
{
    if (zl_rd_wuint(w, 1) != 0 || w->off >= w->len)
        return -1;
    size_t off = w->off, n = w->p[w->off];
    if (n == 0 || w->len - w->off - 1 < n)
        return -1;
    for (size_t k = 0; k < n; k++)
        if (!is_alnum(w->p[off + 1 + k]))
            return -1;
    zl_rd_sep(w);
    zl_buf_put(w->out, w->p + off + 1, n);
    w->off += n + 1;
    zl_rd_wfield(w, ZL_FIELD_STRING, off);
    off = w->off;
    zl_rd_sep(w);
    zl_rd_put_txt(w->out, w->p + off, w->len - off);
    w->off = w->len;
    zl_rd_wfield(w, ZL_FIELD_STRING, off);
    return 0;
}

/* ---- NAPTR ---------------------------------------------------------------------- */

/* Number of parenthesised subexpressions of a POSIX extended regex, or -1
 * when it does not compile. */
static int regex_subs(const char *re)
{
    /* BIND's validator rejects a repetition right after a repetition
     * ("a**", "a+?"), which glibc accepts. */
    bool rep = false;
    if (!*re)
        return -1;
    for (const char *p = re; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            rep = false;
        } else if (*p == '[') {
            p++;
            if (*p == '^')
                p++;
            if (*p == ']')
                p++;
            while (*p && *p != ']')
                p++;
            if (!*p)
                return -1;
            rep = false;
        } else if (*p == '*' || *p == '+' || *p == '?' || *p == '{') {
            if (rep)
                return -1;
            if (*p == '{')
                while (*p && *p != '}')
                    p++;
            if (!*p)
                return -1;
            rep = true;
        } else {
            rep = false;
        }
    }
    regex_t rx;
    if (regcomp(&rx, re, REG_EXTENDED | REG_NOSUB) != 0)
        return -1;
    int n = (int)rx.re_nsub;
    regfree(&rx);
    return n;
}

/* BIND's txt_valid_regex: empty, or <delim>regex<delim>replacement<delim>[i]
 * where back-references in the replacement exist in the regex. */
static bool naptr_regexp_ok(const uint8_t *s, size_t len)
{
    if (len == 0)
        return true;
    uint8_t delim = s[0];
    if (is_digit(delim) || delim == '\\' || delim == 'i' || delim == 0)
        return false;
    char re[256];
    size_t r = 0;
    int nsub = 0;
    bool repl = false, flags = false;
    for (size_t i = 1; i < len; i++) {
        uint8_t ch = s[i];
        if (ch == 0)
            return false;
        if (ch == delim && !repl) {
            repl = true;
            re[r] = '\0';
            if ((nsub = regex_subs(re)) < 0)
                return false;
            continue;
        } else if (ch == delim && !flags) {
            flags = true;
            continue;
        } else if (ch == delim) {
            return false;
        }
        if (flags) {
            if (ch != 'i')
                return false;
            continue;
        }
        if (!repl)
            re[r++] = (char)ch;
        if (ch == '\\') {
            if (++i >= len || s[i] == 0)
                return false;
            ch = s[i];
            if (repl && is_digit(ch) && (ch == '0' || ch - '0' > nsub))
                return false;
            if (!repl)
                re[r++] = (char)ch;
        }
    }
    return flags;
}

static int naptr_parse(struct pctx *c)
{
    if (zl_rd_int(c, 2, 0xffff, "order") != 0 || zl_rd_int(c, 2, 0xffff, "preference") != 0 ||
        zl_rd_pfield(c, F_STR, "flags") != 0 || zl_rd_pfield(c, F_STR, "services") != 0)
        return -1;
    size_t ti = c->i, off = c->wire->len;
    if (zl_rd_pfield(c, F_STR, "regexp") != 0)
        return -1;
    if (!naptr_regexp_ok(c->wire->data + off + 1, c->wire->data[off])) {
        char sh[80];
        return zl_rd_perr(c, ti, "NAPTR regexp %s is not valid: it must be empty or "
                          "<delim>regex<delim>replacement<delim>[i] with a valid regex",
                          zl_rd_show(&c->toks[ti], sh, sizeof sh));
    }
    return zl_rd_pfield(c, F_NAME, "replacement");
}

/* BIND checks the regexp on the wire too. */
static int naptr_walk(struct wctx *w)
{
    if (zl_rd_wuint(w, 2) != 0 || zl_rd_wuint(w, 2) != 0 || zl_rd_wstring(w) != 0 ||
        zl_rd_wstring(w) != 0)
        return -1;
    size_t off = w->off;
    if (off >= w->len || w->len - off - 1 < w->p[off] ||
        !naptr_regexp_ok(w->p + off + 1, w->p[off]))
        return -1;
    if (zl_rd_wstring(w) != 0)
        return -1;
    return zl_rd_wname(w);
}

/* ---- X25 ------------------------------------------------------------------------- */

static int x25_parse(struct pctx *c)
{
    const struct zl_token *t = c->i < c->ntoks ? &c->toks[c->i] : NULL;
    if (t) {
        bool ok = t->len >= 4;
        for (size_t k = 0; k < t->len && ok; k++)
            ok = is_digit((uint8_t)t->text[k]);
        if (!ok) {
            char sh[80];
            return zl_rd_perr(c, c->i, "X25 PSDN address must be at least 4 digits, got %s",
                              zl_rd_show(t, sh, sizeof sh));
        }
    }
    return zl_rd_pfield(c, F_STR, "PSDN address");
}

static int x25_walk(struct wctx *w)
{
    if (w->len < 5 || w->p[0] != w->len - 1)
        return -1;
    for (size_t i = 1; i < w->len; i++)
        if (!is_digit(w->p[i]))
            return -1;
    return zl_rd_wcode(w, F_STR);
}

/* ---- NSAP, ATMA ----------------------------------------------------------------------- */

/* Hex digits with '.' anywhere; an even number of digits, at least two. */
static int dotted_hex(struct pctx *c, const char *s, size_t n)
{
    int digits = 0, acc = 0;
    bool any = false;
    for (size_t k = 0; k < n; k++) {
        if (s[k] == '.')
            continue;
        int v = zl_rd_hexval((uint8_t)s[k]);
        if (v < 0)
            return -1;
        acc = acc << 4 | v;
        if (++digits == 2) {
            zl_buf_putc(c->wire, (uint8_t)acc);
            digits = 0;
            acc = 0;
            any = true;
        }
    }
    return (digits || !any) ? -1 : 0;
}

static int nsap_parse(struct pctx *c)
{
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_word(c, "address", "0x followed by hex digits");
    if (!t)
        return -1;
    size_t off = c->wire->len;
    if (t->len < 2 || t->text[0] != '0' || (t->text[1] | 0x20) != 'x' ||
        dotted_hex(c, t->text + 2, t->len - 2) != 0) {
        char sh[80];
        return zl_rd_perr(c, ti, "NSAP address must be 0x followed by an even number of hex "
                          "digits (dots allowed), got %s", zl_rd_show(t, sh, sizeof sh));
    }
    zl_rd_field(c, ZL_FIELD_OTHER, 0, ti, 1, off);
    return 0;
}

static void put_lhex(struct zl_buf *b, const uint8_t *p, size_t n)
{
    static const char hx[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        zl_buf_putc(b, (uint8_t)hx[p[i] >> 4]);
        zl_buf_putc(b, (uint8_t)hx[p[i] & 0xf]);
    }
}

static int nsap_walk(struct wctx *w)
{
    if (w->len == 0)
        return -1;
    zl_rd_sep(w);
    zl_buf_puts(w->out, "0x");
    put_lhex(w->out, w->p, w->len);
    w->off = w->len;
    zl_rd_wfield(w, ZL_FIELD_OTHER, 0);
    return 0;
}

static int atma_parse(struct pctx *c)
{
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_word(c, "address", "+E.164 digits or NSAP hex");
    if (!t)
        return -1;
    size_t off = c->wire->len;
    bool ok;
    if (t->len > 0 && t->text[0] == '+') {
        zl_buf_putc(c->wire, 1);
        ok = false;
        for (size_t k = 1; k < t->len; k++) {
            if (t->text[k] == '.')
                continue;
            if (!is_digit((uint8_t)t->text[k])) {
                ok = false;
                break;
            }
            zl_buf_putc(c->wire, (uint8_t)t->text[k]);
            ok = true;
        }
    } else {
        zl_buf_putc(c->wire, 0);
        ok = dotted_hex(c, t->text, t->len) == 0;
    }
    if (!ok) {
        char sh[80];
        return zl_rd_perr(c, ti, "ATMA address must be +digits (E.164) or hex (NSAP), got %s",
                          zl_rd_show(t, sh, sizeof sh));
    }
    zl_rd_field(c, ZL_FIELD_OTHER, 0, ti, 1, off);
    return 0;
}

static int atma_walk(struct wctx *w)
{
    if (w->len < 2)
        return -1;
    if (w->p[0] > 1)
        return zl_rd_wgeneric(w); /* unknown format: BIND prints \# */
    zl_rd_sep(w);
    if (w->p[0] == 1) {
        for (size_t i = 1; i < w->len; i++)
            if (!is_digit(w->p[i]))
                return -1;
        zl_buf_putc(w->out, '+');
        zl_buf_put(w->out, w->p + 1, w->len - 1);
    } else {
        put_lhex(w->out, w->p + 1, w->len - 1);
    }
    w->off = w->len;
    zl_rd_wfield(w, ZL_FIELD_OTHER, 0);
    return 0;
}

/* ---- EUI48, EUI64 ----------------------------------------------------------------------- */

/* One sscanf "%2x": optional sign, optional 0x, hex digits, at most 2
 * characters in all. Returns characters used, 0 when no conversion. */
static size_t scan_2x(const char *s, size_t n, unsigned *v)
{
    size_t w = n < 2 ? n : 2, i = 0;
    bool neg = false;
    if (i < w && (s[i] == '+' || s[i] == '-')) {
        neg = s[i] == '-';
        i++;
    }
    unsigned x = 0;
    size_t start = i;
    if (i + 1 < w + 1 && i < w && s[i] == '0' && i + 1 < w && (s[i + 1] | 0x20) == 'x') {
        i += 2; /* "0x" fills the whole width: the value is 0 */
        *v = 0;
        return i;
    }
    while (i < w && zl_rd_hexval((uint8_t)s[i]) >= 0)
        x = x * 16 + (unsigned)zl_rd_hexval((uint8_t)s[i++]);
    if (i == start)
        return 0;
    *v = neg ? (unsigned)-(int)x : x;
    return i;
}

/* BIND reads EUI48/EUI64 with sscanf("%2x-%2x-..."): trailing text is ignored. */
static int eui_parse(struct pctx *c)
{
    size_t n = c->type == ZL_T_EUI48 ? 6 : 8;
    const char *expect = n == 6 ? "xx-xx-xx-xx-xx-xx (hex)" : "xx-xx-xx-xx-xx-xx-xx-xx (hex)";
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_word(c, "address", expect);
    if (!t)
        return -1;
    uint8_t out[8];
    size_t pos = 0;
    bool ok = true;
    for (size_t k = 0; k < n && ok; k++) {
        if (k > 0) {
            ok = pos < t->len && t->text[pos] == '-';
            pos++;
        }
        unsigned v = 0;
        size_t used = ok ? scan_2x(t->text + pos, t->len - pos, &v) : 0;
        ok = ok && used > 0 && v <= 255;
        pos += used;
        out[k] = (uint8_t)v;
    }
    if (!ok) {
        char sh[80];
        return zl_rd_perr(c, ti, "%s address must be %s, got %s", c->tname, expect,
                          zl_rd_show(t, sh, sizeof sh));
    }
    size_t off = c->wire->len;
    zl_buf_put(c->wire, out, n);
    zl_rd_field(c, ZL_FIELD_OTHER, 0, ti, 1, off);
    return 0;
}

static int eui_walk(struct wctx *w)
{
    size_t n = w->type == ZL_T_EUI48 ? 6 : 8;
    if (w->len != n)
        return -1;
    zl_rd_sep(w);
    for (size_t i = 0; i < n; i++) {
        if (i)
            zl_buf_putc(w->out, '-');
        put_lhex(w->out, w->p + i, 1);
    }
    w->off = n;
    zl_rd_wfield(w, ZL_FIELD_OTHER, 0);
    return 0;
}

/* ---- L64, NID ------------------------------------------------------------------------- */

/* Four groups of 1-4 hex digits separated by ':' (BIND's locator_pton). */
static int locator(const char *s, size_t n, uint8_t out[8])
{
    size_t tp = 0, xd = 0;
    unsigned val = 0;
    for (size_t i = 0; i < n; i++) {
        int d = zl_rd_hexval((uint8_t)s[i]);
        if (d >= 0) {
            val = val << 4 | (unsigned)d;
            if (++xd > 4)
                return -1;
            continue;
        }
        if (s[i] != ':' || !xd || tp + 2 > 8)
            return -1;
        out[tp++] = (uint8_t)(val >> 8);
        out[tp++] = (uint8_t)val;
        xd = 0;
        val = 0;
    }
    if (xd) {
        if (tp + 2 > 8)
            return -1;
        out[tp++] = (uint8_t)(val >> 8);
        out[tp++] = (uint8_t)val;
    }
    return tp == 8 ? 0 : -1;
}

static int l64_parse(struct pctx *c)
{
    if (zl_rd_int(c, 2, 0xffff, "preference") != 0)
        return -1;
    const char *label = c->type == ZL_T_NID ? "node ID" : "locator";
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_word(c, label, "four groups of hex such as 2001:db8:1:2");
    if (!t)
        return -1;
    uint8_t a[8];
    if (locator(t->text, t->len, a) != 0) {
        char sh[80];
        return zl_rd_perr(c, ti, "%s %s must be four colon-separated groups of 1-4 hex digits, "
                          "got %s", c->tname, label, zl_rd_show(t, sh, sizeof sh));
    }
    size_t off = c->wire->len;
    zl_buf_put(c->wire, a, 8);
    zl_rd_field(c, ZL_FIELD_OTHER, 0, ti, 1, off);
    return 0;
}

static int l64_walk(struct wctx *w)
{
    if (w->len != 10 || zl_rd_wuint(w, 2) != 0)
        return -1;
    zl_rd_sep(w);
    for (int i = 0; i < 4; i++) {
        if (i)
            zl_buf_putc(w->out, ':');
        unsigned v = rd_u16(w->p + 2 + 2 * i);
        zl_buf_printf(w->out, "%x", v);
    }
    w->off = 10;
    zl_rd_wfield(w, ZL_FIELD_OTHER, 2);
    return 0;
}

/* ---- A6 ---------------------------------------------------------------------------------- */

static int a6_parse(struct pctx *c)
{
    if (zl_rd_int(c, 1, 128, "prefix length") != 0)
        return -1;
    unsigned plen = c->wire->data[c->wire->len - 1];
    if (plen != 128) {
        size_t ti = c->i;
        const struct zl_token *t = zl_rd_word(c, "address suffix", "an IPv6 address");
        if (!t)
            return -1;
        uint8_t a[16];
        if (zl_rd_ip6(t->text, t->len, a) != 0) {
            char sh[80];
            return zl_rd_perr(c, ti, "A6 address suffix must be an IPv6 address, got %s",
                              zl_rd_show(t, sh, sizeof sh));
        }
        size_t octets = 16 - plen / 8, off = c->wire->len;
        a[16 - octets] &= (uint8_t)(0xff >> (plen % 8));
        zl_buf_put(c->wire, a + 16 - octets, octets);
        zl_rd_field(c, ZL_FIELD_OTHER, 0, ti, 1, off);
    }
    return plen ? zl_rd_pfield(c, F_NAME, "prefix name") : 0;
}

static int a6_walk(struct wctx *w)
{
    if (w->len < 1 || w->p[0] > 128)
        return -1;
    unsigned plen = w->p[0];
    if (zl_rd_wuint(w, 1) != 0)
        return -1;
    zl_buf_putc(w->out, ' ');
    if (plen != 128) {
        size_t octets = 16 - plen / 8, off = w->off;
        if (w->len - off < octets)
            return -1;
        uint8_t mask = (uint8_t)(0xff >> (plen % 8));
        if (w->p[off] & ~mask)
            return -1;
        uint8_t a[16] = { 0 };
        memcpy(a + 16 - octets, w->p + off, octets);
        zl_rd_put_ip6(w->out, a);
        w->off += octets;
        zl_rd_wfield(w, ZL_FIELD_OTHER, off);
    }
    if (plen == 0)
        return 0;
    /* BIND prints "128  name" (two spaces) when there is no suffix. */
    zl_buf_putc(w->out, ' ');
    size_t keep = w->ostart;
    w->ostart = w->out->len; /* no extra separator before the name */
    int r = zl_rd_wname(w);
    w->ostart = keep;
    return r;
}

/* ---- NXT ---------------------------------------------------------------------------------- */

static int nxt_parse(struct pctx *c)
{
    if (zl_rd_pfield(c, F_NAME, "next name") != 0)
        return -1;
    uint8_t bm[16] = { 0 };
    int last = -1;
    size_t first = c->i, off = c->wire->len;
    for (; c->i < c->ntoks; c->i++) {
        const struct zl_token *t = &c->toks[c->i];
        uint32_t v;
        int ty;
        if (zl_rd_number(t->text, t->len, &v) == 0)
            ty = v > 65535 ? 65536 : (int)v;
        else
            ty = zl_type_from_text(t->text, t->len);
        if (ty < 1 || ty > 127 || (t->flags & ZL_TOK_QUOTED)) {
            char sh[80];
            return zl_rd_perr(c, c->i, "NXT type list: %s must be a type 1-127", zl_rd_show(t, sh, sizeof sh));
        }
        bm[ty / 8] |= (uint8_t)(0x80 >> (ty % 8));
        if (ty > last)
            last = ty;
    }
    if (last >= 0)
        zl_buf_put(c->wire, bm, (size_t)(last + 8) / 8);
    zl_rd_field(c, ZL_FIELD_OTHER, 0, first, c->i - first, off);
    return 0;
}

static int nxt_walk(struct wctx *w)
{
    if (zl_rd_wname(w) != 0)
        return -1;
    size_t off = w->off, n = w->len - off;
    if (n > 16 || (n > 0 && (w->p[w->len - 1] == 0 || (w->p[off] & 0x80))))
        return -1;
    /* BIND prints types it has no name for as bare numbers here. */
    for (size_t i = 0; i < n; i++)
        for (unsigned k = 0; k < 8; k++)
            if (w->p[off + i] & (0x80 >> k)) {
                const char *tn = zl_type_name((uint16_t)(i * 8 + k));
                zl_rd_sep(w);
                if (tn)
                    zl_buf_puts(w->out, tn);
                else
                    zl_buf_put_uint(w->out, i * 8 + k);
            }
    w->off = w->len;
    zl_rd_wfield(w, ZL_FIELD_OTHER, off);
    return 0;
}

/* ---- table ------------------------------------------------------------------------------ */

static const struct rdesc custom[] = {
    { ZL_T_CAA, { { F_NONE, NULL } }, caa_parse, caa_walk },
    { ZL_T_NAPTR, { { F_U16, "order" }, { F_U16, "preference" }, { F_STR, "flags" },
                    { F_STR, "services" }, { F_STR, "regexp" }, { F_NAME, "replacement" } },
      naptr_parse, naptr_walk },
    { ZL_T_X25, { { F_NONE, NULL } }, x25_parse, x25_walk },
    { ZL_T_NSAP, { { F_NONE, NULL } }, nsap_parse, nsap_walk },
    { ZL_T_EUI48, { { F_NONE, NULL } }, eui_parse, eui_walk },
    { ZL_T_EUI64, { { F_NONE, NULL } }, eui_parse, eui_walk },
    { ZL_T_L64, { { F_NONE, NULL } }, l64_parse, l64_walk },
    { ZL_T_NID, { { F_NONE, NULL } }, l64_parse, l64_walk },
    { ZL_T_A6, { { F_NONE, NULL } }, a6_parse, a6_walk },
    { ZL_T_NXT, { { F_NONE, NULL } }, nxt_parse, nxt_walk },
    { ZL_T_ATMA, { { F_NONE, NULL } }, atma_parse, atma_walk },
};

const struct rdesc *zl_rd_misc_find(uint16_t type)
{
    for (size_t i = 0; i < sizeof custom / sizeof custom[0]; i++)
        if (custom[i].type == type)
            return &custom[i];
    const struct rdesc *d = zl_rd_loc_find(type);
    return d ? d : zl_rd_svcb_find(type);
}
