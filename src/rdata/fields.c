/* SPDX-License-Identifier: MIT */
/* The field engine: one field code at a time, presentation -> wire
 * (validating as BIND's fromtext) and wire -> BIND's presentation. */
#include "rdata/fields.h"

#include "rdata/types.h"

/* ---- parse ------------------------------------------------------------------ */

int zl_rd_pfield(struct pctx *c, int code, const char *label)
{
    size_t ti = c->i;
    const struct zl_token *t;
    uint32_t v;
    char sh[80];
    switch (code) {
    case F_U8: return zl_rd_int(c, 1, 0xff, label);
    case F_U16: return zl_rd_int(c, 2, 0xffff, label);
    case F_U32: return zl_rd_int(c, 4, 0xffffffffU, label);
    case F_TTL: {
        const char *expect = "a number of seconds or a TTL such as 1h30m";
        if (!(t = zl_rd_word(c, label, expect)))
            return -1;
        int r = zl_rd_parse_ttl(t->text, t->len, &v);
        if (r != 0)
            return zl_rd_perr(c, ti, "%s %s must be %s%s, got %s", c->tname, label, expect,
                              r == -2 ? " (at most 4294967295 seconds)" : "",
                              zl_rd_show(t, sh, sizeof sh));
        size_t off = c->wire->len;
        zl_buf_put_u32(c->wire, v);
        zl_rd_field(c, ZL_FIELD_INT, 0, ti, 1, off);
        return 0;
    }
    case F_TIME:
    case F_DATE: {
        const char *expect = code == F_TIME ? "a time YYYYMMDDHHmmSS or seconds since 1970"
                                            : "a time YYYYMMDDHHmmSS";
        if (!(t = zl_rd_word(c, label, expect)))
            return -1;
        int r = zl_rd_parse_time(t->text, t->len, code == F_TIME, &v);
        if (r != 0)
            return zl_rd_perr(c, ti, "%s %s must be %s, got %s%s", c->tname, label, expect,
                              zl_rd_show(t, sh, sizeof sh),
                              r == -2 ? " (out of range)" : "");
        size_t off = c->wire->len;
        zl_buf_put_u32(c->wire, v);
        zl_rd_field(c, ZL_FIELD_INT, 0, ti, 1, off);
        return 0;
    }
    case F_NAME: return zl_rd_pname(c, label);
    case F_STR: return zl_rd_pstring(c, label);
    case F_OSTR: return c->i < c->ntoks ? zl_rd_pstring(c, label) : 0;
    case F_STRS:
        if (zl_rd_pstring(c, label) != 0)
            return -1;
        while (c->i < c->ntoks)
            if (zl_rd_pstring(c, label) != 0)
                return -1;
        return 0;
    case F_QTEXT: return zl_rd_pqtext(c, label);
    case F_IP4: return zl_rd_paddr(c, label, false);
    case F_IP6: return zl_rd_paddr(c, label, true);
    case F_ALG: return zl_rd_palg(c, label);
    case F_TYPE: return zl_rd_prrtype(c, label);
    case F_B64: return zl_rd_b64_tokens(c, label, false);
    case F_B64_0: return zl_rd_b64_tokens(c, label, true);
    case F_HEX: return zl_rd_hex_tokens(c, label, -1);
    case F_HEX_0: return zl_rd_hex_tokens(c, label, -2);
    case F_BITMAP: return zl_rd_parse_bitmap(c, label, false);
    case F_BITMAP_0: return zl_rd_parse_bitmap(c, label, true);
    default: return zl_rd_perr(c, ti, "internal error: bad field code %d", code);
    }
}

int zl_rd_pfields(struct pctx *c, const struct fdesc *f, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (zl_rd_pfield(c, f[k].code, f[k].label) != 0)
            return -1;
    return 0;
}

/* ---- walk: validate, print, record ------------------------------------------ */

int zl_rd_wcode(struct wctx *w, int code)
{
    size_t off = w->off, rest = w->len - w->off;
    uint32_t v;
    switch (code) {
    case F_U8:
    case F_ALG: return zl_rd_wuint(w, 1);
    case F_U16: return zl_rd_wuint(w, 2);
    case F_U32:
    case F_TTL: return zl_rd_wuint(w, 4);
    case F_TYPE: {
        if (zl_rd_get(w, 2, &v) != 0)
            return -1;
        char tn[16];
        zl_rd_sep(w);
        zl_buf_puts(w->out, zl_type_to_text((uint16_t)v, tn));
        zl_rd_wfield(w, ZL_FIELD_INT, off);
        return 0;
    }
    case F_TIME:
    case F_DATE:
        if (zl_rd_get(w, 4, &v) != 0)
            return -1;
        zl_rd_sep(w);
        if (zl_rd_put_time(w->out, v) != 0)
            return -1;
        zl_rd_wfield(w, ZL_FIELD_INT, off);
        return 0;
    case F_NAME: return zl_rd_wname(w);
    case F_STR: return zl_rd_wstring(w);
    case F_OSTR: return rest ? zl_rd_wstring(w) : 0;
    case F_STRS:
        if (zl_rd_wstring(w) != 0)
            return -1;
        while (w->off < w->len)
            if (zl_rd_wstring(w) != 0)
                return -1;
        return 0;
    case F_QTEXT:
        zl_rd_sep(w);
        zl_rd_put_txt(w->out, w->p + off, rest);
        w->off = w->len;
        zl_rd_wfield(w, ZL_FIELD_STRING, off);
        return 0;
    case F_IP4:
    case F_IP6: {
        size_t n = code == F_IP4 ? 4 : 16;
        if (rest < n)
            return -1;
        zl_rd_sep(w);
        if (n == 4)
            zl_rd_put_ip4(w->out, w->p + off);
        else
            zl_rd_put_ip6(w->out, w->p + off);
        w->off += n;
        zl_rd_wfield(w, ZL_FIELD_OTHER, off);
        return 0;
    }
    case F_B64:
    case F_B64_0:
    case F_HEX:
    case F_HEX_0:
        if (rest)
            return zl_rd_wrest(w, code == F_B64 || code == F_B64_0, true, false);
        if (code == F_B64 || code == F_HEX)
            return -1;
        zl_rd_wfield(w, ZL_FIELD_OTHER, off); /* empty, but a field */
        return 0;
    case F_BITMAP:
    case F_BITMAP_0:
        if (zl_rd_bitmap_ok(w->p + off, rest, code == F_BITMAP_0) != 0)
            return -1;
        if (rest) {
            zl_rd_sep(w);
            zl_rd_put_bitmap(w->out, w->p + off, rest);
        }
        w->off = w->len;
        zl_rd_wfield(w, ZL_FIELD_OTHER, off);
        return 0;
    default: return -1;
    }
}

int zl_rd_wfields(struct wctx *w, const struct fdesc *f, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (zl_rd_wcode(w, f[k].code) != 0)
            return -1;
    return 0;
}
