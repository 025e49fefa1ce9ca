/* SPDX-License-Identifier: MIT */
/* Internal to src/rdata: the contexts RDATA is read and printed in, and
 * the helpers every reader shares (tokens, errors, recording fields). The
 * bottom of the rdata files: the encoders (enc.h) build on it. */
#ifndef ZL_RDATA_CTX_H
#define ZL_RDATA_CTX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/names.h"
#include "rdata/rdata_error.h"
#include "rdata/record.h"
#include "rdata/type_row.h"

/* Parsing presentation tokens into wire form. */
struct pctx {
    uint16_t type;
    const char *tname;             /* mnemonic for messages */
    const struct zl_type_row *row; /* the type's row of types.def */
    const struct zl_token *toks;
    size_t ntoks;
    size_t i;                      /* next token */
    const struct zl_name *origin;
    struct zl_buf *wire;
    size_t wstart;                 /* wire->len when the RDATA started */
    struct zl_field *fields;
    size_t nf;
    struct zl_rdata_error *err;
    const char *last;              /* label of the last field read (for messages) */
};

/* Walking wire RDATA: validates it, prints it (out) and, when fields is set,
 * records the fields. */
struct wctx {
    uint16_t type;
    const struct zl_type_row *row;
    const uint8_t *p;
    size_t len;
    size_t off;                    /* next byte */
    struct zl_buf *out;
    size_t ostart;                 /* out->len when printing started */
    struct zl_field *fields;       /* NULL: do not record */
    size_t nf;
    uint32_t ftok;                 /* token index recorded in fields */
};

/* ---- parsing: tokens and errors ------------------------------------------ */

/* Fills c->err; returns -1. */
int zl_rd_perr(struct pctx *c, size_t tok, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A token for messages: 'text' (or "text" when it was quoted), shortened. */
const char *zl_rd_show(const struct zl_token *t, char *buf, size_t size);
/* The errors of zl_rd_need and zl_rd_word (NULL). */
const struct zl_token *zl_rd_missing(struct pctx *c, const char *what, const char *expect);
const struct zl_token *zl_rd_quoted_word(struct pctx *c, const struct zl_token *t, const char *what,
                                         const char *expect);

/* The next token, or an error naming what is missing. Inline, as the
 * helpers below: every field of every record goes through them. */
static inline const struct zl_token *zl_rd_need(struct pctx *c, const char *what, const char *expect)
{
    if (c->i >= c->ntoks)
        return zl_rd_missing(c, what, expect);
    c->last = what;
    return &c->toks[c->i++];
}

/* Like zl_rd_need, for fields BIND reads as plain words (not quoted). */
static inline const struct zl_token *zl_rd_word(struct pctx *c, const char *what, const char *expect)
{
    const struct zl_token *t = zl_rd_need(c, what, expect);
    if (t && (t->flags & ZL_TOK_QUOTED))
        return zl_rd_quoted_word(c, t, what, expect);
    return t;
}

/* Records a field: tokens [tok, tok + ntok), wire bytes from off to the end. */
static inline void zl_rd_field(struct pctx *c, int kind, unsigned flags, size_t tok, size_t ntok, size_t off)
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

/* 0 when every token was used, else an error about the first extra one. */
int zl_rd_end(struct pctx *c);

/* ---- walking ------------------------------------------------------------- */

/* A blank before the next printed field (none before the first). */
static inline void zl_rd_sep(struct wctx *w)
{
    if (w->out->len > w->ostart)
        zl_buf_putc(w->out, ' ');
}

/* Records a field: wire bytes from off to w->off. */
static inline void zl_rd_wfield(struct wctx *w, int kind, size_t off)
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

/* Reads an n-octet big-endian number; -1 when the data ends first. */
static inline int zl_rd_get(struct wctx *w, size_t n, uint32_t *v)
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

static inline uint16_t rd_u16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t rd_u32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

#endif
