/* SPDX-License-Identifier: MIT */
/* RDATA dispatch: finds the type's row of types.def and reads or prints
 * the RDATA with the field engine (ENGINE rows) or the family file's hooks
 * (HOOKS rows); the RFC 3597 "\#" form for every type. Validation follows
 * BIND 9.18's fromtext/fromwire; printing follows what named-checkzone -D
 * prints. The top of the rdata files: nothing here is used below. */
#include "rdata/rdata.h"

#include "rdata/families.h"
#include "rdata/types.h"

struct hooks {
    int (*parse)(struct pctx *c);
    int (*walk)(struct wctx *w);
};

/* By row index, from the read column of types.def. */
#define ENGINE { NULL, NULL }
#define NOTEXT { NULL, NULL }
#define HOOKS(parse, walk) { zl_rd_##parse##_parse, zl_rd_##walk##_walk }
static const struct hooks hooks[] = {
#define ZL_TYPE(id, mnemonic, code, flags, target, read, fields) read,
#include "rdata/types.def"
#undef ZL_TYPE
};
#undef ENGINE
#undef NOTEXT
#undef HOOKS

/* The row of a type with a presentation form, or NULL. */
static const struct zl_type_row *text_row(uint16_t type)
{
    const struct zl_type_row *r = zl_type_row(type);
    return r && r->read != ZL_READ_NOTEXT ? r : NULL;
}

bool zl_rdata_type_known(uint16_t type)
{
    return text_row(type) != NULL;
}

static int walk(const struct zl_type_row *r, struct wctx *w)
{
    const struct hooks *h = &hooks[r - zl_type_rows];
    int rc = h->walk ? h->walk(w) : zl_rd_wfields(w, r->fields, r->nfields);
    return rc == 0 && w->off == w->len ? 0 : -1;
}

/* "\# <length> <hex>": for a type zonelint reads, the data must be valid
 * RDATA of that type (BIND's fromwire), and its fields are recorded. */
static int parse_generic(struct pctx *c, const struct zl_type_row *r)
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
    if (!r) {
        zl_rd_field(c, ZL_FIELD_OTHER, 0, first, c->i - first, off);
        return 0;
    }
    struct zl_buf scratch = { NULL, 0, 0 };
    static const uint8_t empty[1];
    /* "\# 0" may leave the buffer unallocated: NULL + offset is undefined. */
    const uint8_t *data = c->wire->data ? c->wire->data + c->wstart : empty;
    struct wctx w = { .type = c->type, .row = r, .p = data, .len = c->wire->len - c->wstart,
                      .out = &scratch, .fields = c->fields, .ftok = (uint32_t)first };
    int rc = walk(r, &w);
    zl_buf_free(&scratch);
    if (rc != 0) {
        c->nf = 0;
        return zl_rd_perr(c, first < c->ntoks ? first : c->ntoks,
                          "the RFC 3597 data (%u octets) is not valid %s RDATA", len, c->tname);
    }
    c->nf = w.nf;
    return 0;
}

bool zl_rdata_is_generic(uint16_t type, const struct zl_token *toks, size_t ntoks)
{
    if (ntoks == 0 || toks[0].len != 2 || toks[0].text[0] != '\\' || toks[0].text[1] != '#' ||
        (toks[0].flags & ZL_TOK_QUOTED))
        return false;
    if (type != ZL_T_TXT)
        return true;
    /* BIND asks its lexer for a number after a TXT's \#: a word of decimal
     * digits that fits 32 bits; anything else (none, a letter, a quoted
     * string) and the \# is text. */
    if (ntoks < 2 || toks[1].len == 0 || toks[1].len > 10 || (toks[1].flags & ZL_TOK_QUOTED))
        return false;
    uint64_t v = 0;
    for (size_t i = 0; i < toks[1].len; i++) {
        if (toks[1].text[i] < '0' || toks[1].text[i] > '9')
            return false;
        v = v * 10 + (uint64_t)(toks[1].text[i] - '0');
    }
    return v <= UINT32_MAX;
}

int zl_rdata_parse(uint16_t type, const struct zl_token *toks, size_t ntoks,
                   const struct zl_name *origin, struct zl_buf *wire, struct zl_field *fields,
                   size_t *nfields, struct zl_rdata_error *err)
{
    char tn[16];
    const struct zl_type_row *row = zl_type_row(type);
    struct pctx c = { .type = type, .tname = row ? row->name : zl_type_to_text(type, tn),
                      .toks = toks, .ntoks = ntoks, .origin = origin, .wire = wire,
                      .wstart = wire->len, .fields = fields, .err = err };
    *nfields = 0;
    /* zl_type_is_meta, from the row at hand */
    if (type == 0 || (type >= 128 && type <= 255) || (row && (row->flags & ZL_TF_META)))
        return zl_rd_perr(&c, ntoks ? 0 : ntoks,
                          "%s is a meta-type (queries and transfers only); it cannot appear in zone data",
                          c.tname);
    const struct zl_type_row *r = row && row->read != ZL_READ_NOTEXT ? row : NULL;
    c.row = r;
    int rc;
    if (zl_rdata_is_generic(type, toks, ntoks)) {
        rc = parse_generic(&c, r);
    } else if (!r) {
        if (row) /* NULL and friends: BIND knows them, but only in the \# form */
            rc = zl_rd_perr(&c, ntoks ? 0 : ntoks,
                            "%s RDATA can only be written in the RFC 3597 form \\# <length> <hex>",
                            c.tname);
        else
            rc = zl_rd_perr(&c, ntoks ? 0 : ntoks,
                            "%s is not a type BIND knows; its RDATA must be written in the RFC 3597 "
                            "form \\# <length> <hex>",
                            c.tname);
    } else {
        const struct hooks *h = &hooks[r - zl_type_rows];
        rc = h->parse ? h->parse(&c) : zl_rd_pfields(&c, r->fields, r->nfields);
        if (rc == 0)
            rc = zl_rd_end(&c);
    }
    if (rc != 0) {
        wire->len = c.wstart;
        return -1;
    }
    *nfields = c.nf;
    return 0;
}

int zl_rdata_to_text(uint16_t type, const uint8_t *rd, size_t len, struct zl_buf *out)
{
    const struct zl_type_row *r = text_row(type);
    size_t start = out->len;
    if (!r) {
        zl_rd_put_generic(out, rd, len);
        return 0;
    }
    struct wctx w = { .type = type, .row = r, .p = rd, .len = len, .out = out, .ostart = start };
    if (walk(r, &w) != 0) {
        out->len = start;
        return -1;
    }
    return 0;
}
