/* SPDX-License-Identifier: MIT */
/* Application data with its own syntax: CAA (RFC 8659), NAPTR (RFC 3403,
 * with BIND's regexp check) and DOA. */
#include <regex.h>

#include "rdata/families.h"
#include "rdata/types.h"

/* ---- CAA ------------------------------------------------------------------------ */

int zl_rd_caa_parse(struct pctx *c)
{
    if (zl_rd_int(c, 1, 255, "flags") != 0)
        return -1;
    size_t ti = c->i;
    char sh[80];
    const struct zl_token *t = zl_rd_word(c, "tag", "letters and digits, such as issue");
    if (!t)
        return -1;
    for (size_t k = 0; k < t->len; k++)
        if (!zl_rd_is_alnum((uint8_t)t->text[k]))
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

int zl_rd_caa_walk(struct wctx *w)
{
    if (zl_rd_wuint(w, 1) != 0 || w->off >= w->len)
        return -1;
    size_t off = w->off, n = w->p[w->off];
    if (n == 0 || w->len - w->off - 1 < n)
        return -1;
    for (size_t k = 0; k < n; k++)
        if (!zl_rd_is_alnum(w->p[off + 1 + k]))
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
    if (zl_rd_is_digit(delim) || delim == '\\' || delim == 'i' || delim == 0)
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
            if (repl && zl_rd_is_digit(ch) && (ch == '0' || ch - '0' > nsub))
                return false;
            if (!repl)
                re[r++] = (char)ch;
        }
    }
    return flags;
}

/* The fields are the row's (types.def); the regexp is field 4. */
enum { NAPTR_REGEXP = 4 };

int zl_rd_naptr_parse(struct pctx *c)
{
    const struct fdesc *f = c->row->fields;
    for (size_t k = 0; k < c->row->nfields; k++) {
        size_t ti = c->i, off = c->wire->len;
        if (zl_rd_pfield(c, f[k].code, f[k].label) != 0)
            return -1;
        if (k == NAPTR_REGEXP && !naptr_regexp_ok(c->wire->data + off + 1, c->wire->data[off])) {
            char sh[80];
            return zl_rd_perr(c, ti, "NAPTR regexp %s is not valid: it must be empty or "
                              "<delim>regex<delim>replacement<delim>[i] with a valid regex",
                              zl_rd_show(&c->toks[ti], sh, sizeof sh));
        }
    }
    return 0;
}

/* BIND checks the regexp on the wire too. */
int zl_rd_naptr_walk(struct wctx *w)
{
    const struct fdesc *f = w->row->fields;
    for (size_t k = 0; k < w->row->nfields; k++) {
        size_t off = w->off;
        if (k == NAPTR_REGEXP && (off >= w->len || w->len - off - 1 < w->p[off] ||
                                  !naptr_regexp_ok(w->p + off + 1, w->p[off])))
            return -1;
        if (zl_rd_wcode(w, f[k].code) != 0)
            return -1;
    }
    return 0;
}

/* ---- DOA ---------------------------------------------------------------------- */

int zl_rd_doa_parse(struct pctx *c)
{
    if (zl_rd_int(c, 4, 0xffffffffU, "enterprise") != 0 ||
        zl_rd_int(c, 4, 0xffffffffU, "type") != 0 || zl_rd_int(c, 1, 255, "location") != 0 || zl_rd_pfield(c, F_STR, "media type") != 0)
        return -1;
    if (c->i + 1 == c->ntoks && c->toks[c->i].len == 1 && c->toks[c->i].text[0] == '-' &&
        !(c->toks[c->i].flags & ZL_TOK_QUOTED)) {
        zl_rd_field(c, ZL_FIELD_OTHER, 0, c->i, 1, c->wire->len);
        c->i++;
        return 0;
    }
    return zl_rd_b64_tokens(c, "data", false);
}

int zl_rd_doa_walk(struct wctx *w)
{
    if (zl_rd_wuint(w, 4) != 0 || zl_rd_wuint(w, 4) != 0 || zl_rd_wuint(w, 1) != 0 ||
        zl_rd_wcode(w, F_STR) != 0)
        return -1;
    if (w->off == w->len) {
        zl_rd_sep(w);
        zl_buf_putc(w->out, '-');
        return 0;
    }
    return zl_rd_wrest(w, true, true, false);
}

