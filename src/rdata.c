/* RDATA engine: dispatch by type, the RFC 3597 "\#" form, the field codes
 * most types are made of, and the helpers the per-type files share.
 * Validation follows BIND 9.18's fromtext/fromwire; printing follows what
 * named-checkzone -D prints. Types made only of simple fields are rows of
 * the table below; the others have custom code in rdata_types.c and
 * rdata_misc.c. */
#include "rdata.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "rdata_impl.h"
#include "types.h"

#define F(c, l) { c, l }

/* Sorted by type (binary search). */
static const struct rdesc table[] = {
    { ZL_T_A, { F(F_IP4, "address") }, NULL, NULL },
    { ZL_T_NS, { F(F_NAME, "name server") }, NULL, NULL },
    { ZL_T_MD, { F(F_NAME, "mail destination") }, NULL, NULL },
    { ZL_T_MF, { F(F_NAME, "mail forwarder") }, NULL, NULL },
    { ZL_T_CNAME, { F(F_NAME, "target") }, NULL, NULL },
    { ZL_T_SOA, { F(F_NAME, "primary name server"), F(F_NAME, "mailbox"), F(F_U32, "serial"),
                  F(F_TTL, "refresh"), F(F_TTL, "retry"), F(F_TTL, "expire"),
                  F(F_TTL, "minimum") }, NULL, NULL },
    { ZL_T_MB, { F(F_NAME, "mailbox host") }, NULL, NULL },
    { ZL_T_MG, { F(F_NAME, "mailbox") }, NULL, NULL },
    { ZL_T_MR, { F(F_NAME, "new mailbox") }, NULL, NULL },
    { ZL_T_PTR, { F(F_NAME, "target") }, NULL, NULL },
    { ZL_T_HINFO, { F(F_STR, "CPU"), F(F_STR, "OS") }, NULL, NULL },
    { ZL_T_MINFO, { F(F_NAME, "responsible mailbox"), F(F_NAME, "error mailbox") }, NULL, NULL },
    { ZL_T_MX, { F(F_U16, "preference"), F(F_NAME, "exchange") }, NULL, NULL },
    { ZL_T_TXT, { F(F_STRS, "character-string") }, NULL, NULL },
    { ZL_T_RP, { F(F_NAME, "mailbox"), F(F_NAME, "TXT name") }, NULL, NULL },
    { ZL_T_AFSDB, { F(F_U16, "subtype"), F(F_NAME, "hostname") }, NULL, NULL },
    { ZL_T_ISDN, { F(F_STR, "address"), F(F_OSTR, "subaddress") }, NULL, NULL },
    { ZL_T_RT, { F(F_U16, "preference"), F(F_NAME, "intermediate host") }, NULL, NULL },
    { ZL_T_NSAP_PTR, { F(F_NAME, "target") }, NULL, NULL },
    { ZL_T_SIG, { F(F_TYPE, "type covered"), F(F_ALG, "algorithm"), F(F_U8, "labels"),
                  F(F_U32, "original TTL"), F(F_DATE, "expiration"), F(F_DATE, "inception"),
                  F(F_U16, "key tag"), F(F_NAME, "signer"), F(F_B64, "signature") }, NULL, NULL },
    { ZL_T_PX, { F(F_U16, "preference"), F(F_NAME, "MAP822"), F(F_NAME, "MAPX400") }, NULL, NULL },
    { ZL_T_GPOS, { F(F_STR, "longitude"), F(F_STR, "latitude"), F(F_STR, "altitude") }, NULL, NULL },
    { ZL_T_AAAA, { F(F_IP6, "address") }, NULL, NULL },
    { ZL_T_EID, { F(F_HEX, "endpoint identifier") }, NULL, NULL },
    { ZL_T_NIMLOC, { F(F_HEX, "locator") }, NULL, NULL },
    { ZL_T_SRV, { F(F_U16, "priority"), F(F_U16, "weight"), F(F_U16, "port"), F(F_NAME, "target") },
      NULL, NULL },
    { ZL_T_KX, { F(F_U16, "preference"), F(F_NAME, "exchanger") }, NULL, NULL },
    { ZL_T_DNAME, { F(F_NAME, "target") }, NULL, NULL },
    { ZL_T_SINK, { F(F_U8, "meaning"), F(F_U8, "coding"), F(F_U8, "subcoding"), F(F_B64_0, "data") },
      NULL, NULL },
    { ZL_T_RRSIG, { F(F_TYPE, "type covered"), F(F_ALG, "algorithm"), F(F_U8, "labels"),
                    F(F_U32, "original TTL"), F(F_TIME, "expiration"), F(F_TIME, "inception"),
                    F(F_U16, "key tag"), F(F_NAME, "signer"), F(F_B64, "signature") },
      zl_rd_rrsig_parse, zl_rd_rrsig_walk },
    { ZL_T_NSEC, { F(F_NAME, "next name"), F(F_BITMAP, "type list") }, NULL, NULL },
    { ZL_T_DHCID, { F(F_B64, "digest") }, NULL, NULL },
    { ZL_T_TLSA, { F(F_U8, "certificate usage"), F(F_U8, "selector"), F(F_U8, "matching type"),
                   F(F_HEX, "certificate association data") }, NULL, NULL },
    { ZL_T_SMIMEA, { F(F_U8, "certificate usage"), F(F_U8, "selector"), F(F_U8, "matching type"),
                     F(F_HEX, "certificate association data") }, NULL, NULL },
    { ZL_T_NINFO, { F(F_STRS, "character-string") }, NULL, NULL },
    { ZL_T_TALINK, { F(F_NAME, "previous name"), F(F_NAME, "next name") }, NULL, NULL },
    { ZL_T_OPENPGPKEY, { F(F_B64, "public key") }, NULL, NULL },
    { ZL_T_CSYNC, { F(F_U32, "SOA serial"), F(F_U16, "flags"), F(F_BITMAP_0, "type list") }, NULL,
      NULL },
    { ZL_T_HHIT, { F(F_B64, "data") }, NULL, NULL },
    { ZL_T_BRID, { F(F_B64, "data") }, NULL, NULL },
    { ZL_T_SPF, { F(F_STRS, "character-string") }, NULL, NULL },
    { ZL_T_L32, { F(F_U16, "preference"), F(F_IP4, "locator") }, NULL, NULL },
    { ZL_T_LP, { F(F_U16, "preference"), F(F_NAME, "FQDN") }, NULL, NULL },
    { ZL_T_URI, { F(F_U16, "priority"), F(F_U16, "weight"), F(F_QTEXT, "target") }, NULL, NULL },
    { ZL_T_AVC, { F(F_STRS, "character-string") }, NULL, NULL },
    { ZL_T_RESINFO, { F(F_STRS, "character-string") }, NULL, NULL },
    { ZL_T_WALLET, { F(F_STRS, "character-string") }, NULL, NULL },
};

static const struct rdesc *find_desc(uint16_t type)
{
    size_t lo = 0, hi = sizeof table / sizeof table[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (table[mid].type == type)
            return &table[mid];
        if (table[mid].type < type)
            lo = mid + 1;
        else
            hi = mid;
    }
    const struct rdesc *d = zl_rd_types_find(type);
    return d ? d : zl_rd_misc_find(type);
}

bool zl_rdata_type_known(uint16_t type)
{
    return find_desc(type) != NULL;
}

static bool is_meta(uint16_t type)
{
    /* BIND: type 0, OPT and the whole 128-255 range are meta-types. */
    return type == 0 || type == ZL_T_OPT || (type >= 128 && type <= 255);
}

/* ---- errors and tokens --------------------------------------------------- */

int zl_rd_perr(struct pctx *c, size_t tok, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err->msg, sizeof c->err->msg, fmt, ap);
    va_end(ap);
    c->err->tok = (uint32_t)(tok > UINT32_MAX ? UINT32_MAX : tok);
    return -1;
}

/* A token for messages: 'text' (or "text" when it was quoted), shortened. */
const char *zl_rd_show(const struct zl_token *t, char *buf, size_t size)
{
    char q = (t->flags & ZL_TOK_QUOTED) ? '"' : '\'';
    size_t max = size > 8 ? size - 8 : 1;
    if (t->len <= max)
        snprintf(buf, size, "%c%.*s%c", q, (int)t->len, t->text, q);
    else
        snprintf(buf, size, "%c%.*s...%c", q, (int)max, t->text, q);
    return buf;
}

const struct zl_token *zl_rd_need(struct pctx *c, const char *what, const char *expect)
{
    if (c->i >= c->ntoks) {
        zl_rd_perr(c, c->ntoks, "missing %s %s (%s)", c->tname, what, expect);
        return NULL;
    }
    c->last = what;
    return &c->toks[c->i++];
}

/* Like zl_rd_need, for fields BIND reads as plain words: a quoted string
 * there is an error ("unexpected token" in BIND). */
const struct zl_token *zl_rd_word(struct pctx *c, const char *what, const char *expect)
{
    const struct zl_token *t = zl_rd_need(c, what, expect);
    if (t && (t->flags & ZL_TOK_QUOTED)) {
        char sh[80];
        zl_rd_perr(c, c->i - 1, "%s %s must be %s, not a quoted string; got %s", c->tname, what,
                   expect, zl_rd_show(t, sh, sizeof sh));
        return NULL;
    }
    return t;
}

void zl_rd_field(struct pctx *c, int kind, unsigned flags, size_t tok, size_t ntok, size_t off)
{
    if (c->nf >= ZL_RDATA_MAX_FIELDS)
        return;
    struct zl_field *f = &c->fields[c->nf++];
    f->kind = (uint8_t)kind;
    f->flags = (uint8_t)flags;
    f->tok = (uint32_t)tok;
    f->ntok = (uint32_t)ntok;
    f->off = (uint16_t)(off - c->wstart);
    f->len = (uint16_t)(c->wire->len - off);
}

int zl_rd_end(struct pctx *c)
{
    if (c->i < c->ntoks) {
        char sh[80];
        if (c->last)
            return zl_rd_perr(c, c->i, "extra token %s after the %s %s",
                              zl_rd_show(&c->toks[c->i], sh, sizeof sh), c->tname, c->last);
        return zl_rd_perr(c, c->i, "extra token %s at the end of the %s RDATA",
                          zl_rd_show(&c->toks[c->i], sh, sizeof sh), c->tname);
    }
    return 0;
}

/* ---- the generic engine: parse ----------------------------------------------------- */

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

static int parse_fields(struct pctx *c, const struct rdesc *d)
{
    for (int k = 0; k < RD_MAXF && d->f[k].code != F_NONE; k++)
        if (zl_rd_pfield(c, d->f[k].code, d->f[k].label) != 0)
            return -1;
    return 0;
}

/* ---- the generic engine: walk (validate, print, record) ------------------------------ */

void zl_rd_sep(struct wctx *w)
{
    if (w->out->len > w->ostart)
        zl_buf_putc(w->out, ' ');
}

void zl_rd_wfield(struct wctx *w, int kind, size_t off)
{
    if (!w->fields || w->nf >= ZL_RDATA_MAX_FIELDS)
        return;
    struct zl_field *f = &w->fields[w->nf++];
    f->kind = (uint8_t)kind;
    f->flags = 0;
    f->tok = w->ftok;
    f->ntok = 0;
    f->off = (uint16_t)off;
    f->len = (uint16_t)(w->off - off);
}

int zl_rd_get(struct wctx *w, size_t n, uint32_t *v)
{
    if (w->len - w->off < n)
        return -1;
    uint32_t x = 0;
    for (size_t i = 0; i < n; i++)
        x = x << 8 | w->p[w->off + i];
    w->off += n;
    *v = x;
    return 0;
}

int zl_rd_wuint(struct wctx *w, size_t n)
{
    size_t off = w->off;
    uint32_t v;
    if (zl_rd_get(w, n, &v) != 0)
        return -1;
    zl_rd_sep(w);
    zl_buf_put_uint(w->out, v);
    zl_rd_wfield(w, ZL_FIELD_INT, off);
    return 0;
}

int zl_rd_wname(struct wctx *w)
{
    struct zl_name n;
    size_t off = w->off;
    size_t used = zl_name_from_wire(&n, w->p + w->off, w->len - w->off);
    if (used == 0)
        return -1;
    w->off += used;
    zl_rd_sep(w);
    zl_name_to_buf(&n, w->out);
    zl_rd_wfield(w, ZL_FIELD_NAME, off);
    return 0;
}

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
        if (rest == 0 && (code == F_B64 || code == F_HEX))
            return -1;
        if (rest) {
            zl_rd_sep(w);
            if (code == F_B64 || code == F_B64_0)
                zl_rd_put_b64(w->out, w->p + off, rest, true);
            else
                zl_rd_put_hex(w->out, w->p + off, rest, true);
        }
        w->off = w->len;
        zl_rd_wfield(w, ZL_FIELD_OTHER, off);
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

static int walk(const struct rdesc *d, struct wctx *w)
{
    if (d->walk) {
        if (d->walk(w) != 0)
            return -1;
    } else {
        for (int k = 0; k < RD_MAXF && d->f[k].code != F_NONE; k++)
            if (zl_rd_wcode(w, d->f[k].code) != 0)
                return -1;
    }
    return w->off == w->len ? 0 : -1;
}

/* ---- RFC 3597 ------------------------------------------------------------------- */

static void put_generic(struct zl_buf *out, const uint8_t *rd, size_t len)
{
    zl_buf_puts(out, "\\# ");
    zl_buf_put_uint(out, len);
    if (len) {
        zl_buf_putc(out, ' ');
        zl_rd_put_hex(out, rd, len, true);
    }
}

/* The whole RDATA in the \# form (for data BIND stores but cannot print). */
int zl_rd_wgeneric(struct wctx *w)
{
    w->out->len = w->ostart;
    put_generic(w->out, w->p, w->len);
    w->off = w->len;
    w->nf = 0;
    zl_rd_wfield(w, ZL_FIELD_OTHER, 0);
    return 0;
}

static int parse_generic(struct pctx *c, const struct rdesc *d)
{
    c->i = 1;
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_word(c, "RFC 3597 length", "a number 0-65535");
    if (!t)
        return -1;
    uint32_t len;
    char sh[80];
    if (zl_rd_number(t->text, t->len, &len) != 0 || len > 65535)
        return zl_rd_perr(c, ti, "%s RFC 3597 length must be a number 0-65535, got %s", c->tname,
                          zl_rd_show(t, sh, sizeof sh));
    size_t first = c->i, off = c->wire->len;
    if (len > 0 && zl_rd_hex_tokens(c, "RFC 3597 data", (long)len) != 0)
        return -1;
    if (zl_rd_end(c) != 0)
        return -1;
    c->nf = 0;
    if (!d) {
        zl_rd_field(c, ZL_FIELD_OTHER, 0, first, c->i - first, off);
        return 0;
    }
    /* Known type: the data must be valid RDATA of that type (BIND's fromwire). */
    struct zl_buf scratch = { NULL, 0, 0 };
    static const uint8_t empty[1];
    /* "\# 0" may leave the buffer unallocated: NULL + offset is undefined. */
    const uint8_t *data = c->wire->data ? c->wire->data + c->wstart : empty;
    struct wctx w = { c->type, data, c->wire->len - c->wstart, 0, &scratch,
                      0, c->fields, 0, (uint32_t)first };
    int r = walk(d, &w);
    zl_buf_free(&scratch);
    if (r != 0) {
        c->nf = 0;
        return zl_rd_perr(c, first < c->ntoks ? first : c->ntoks,
                          "the RFC 3597 data (%u octets) is not valid %s RDATA", len, c->tname);
    }
    c->nf = w.nf;
    return 0;
}

/* Types BIND knows but reads only in the \# form (NULL and friends). */
static bool generic_only(uint16_t type)
{
    return type == ZL_T_NULL || (type >= ZL_T_UINFO && type <= ZL_T_UNSPEC);
}

int zl_rdata_parse(uint16_t type, const struct zl_token *toks, size_t ntoks,
                   const struct zl_name *origin, struct zl_buf *wire, struct zl_field *fields,
                   size_t *nfields, struct zl_rdata_error *err)
{
    char tn[16];
    struct pctx c = { .type = type, .tname = zl_type_to_text(type, tn), .toks = toks,
                      .ntoks = ntoks, .origin = origin, .wire = wire, .wstart = wire->len,
                      .fields = fields, .err = err };
    *nfields = 0;
    if (is_meta(type))
        return zl_rd_perr(&c, ntoks ? 0 : ntoks,
                          "%s is a meta-type (queries and transfers only); it cannot appear in zone data",
                          c.tname);
    const struct rdesc *d = find_desc(type);
    int r;
    if (ntoks > 0 && toks[0].len == 2 && toks[0].text[0] == '\\' && toks[0].text[1] == '#' &&
        !(toks[0].flags & ZL_TOK_QUOTED)) {
        r = parse_generic(&c, d);
    } else if (!d) {
        if (generic_only(type))
            r = zl_rd_perr(&c, ntoks ? 0 : ntoks,
                           "%s RDATA can only be written in the RFC 3597 form \\# <length> <hex>",
                           c.tname);
        else
            r = zl_rd_perr(&c, ntoks ? 0 : ntoks,
                           "%s is not a type BIND knows; its RDATA must be written in the RFC 3597 "
                           "form \\# <length> <hex>",
                           c.tname);
    } else {
        r = d->parse ? d->parse(&c) : parse_fields(&c, d);
        if (r == 0)
            r = zl_rd_end(&c);
    }
    if (r != 0) {
        wire->len = c.wstart;
        return -1;
    }
    *nfields = c.nf;
    return 0;
}

int zl_rdata_to_text(uint16_t type, const uint8_t *rd, size_t len, struct zl_buf *out)
{
    const struct rdesc *d = find_desc(type);
    size_t start = out->len;
    if (!d) {
        put_generic(out, rd, len);
        return 0;
    }
    struct wctx w = { type, rd, len, 0, out, start, NULL, 0, 0 };
    if (walk(d, &w) != 0) {
        out->len = start;
        return -1;
    }
    return 0;
}
