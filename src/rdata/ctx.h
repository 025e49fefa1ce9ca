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
/* The next token, or an error naming what is missing. */
const struct zl_token *zl_rd_need(struct pctx *c, const char *what, const char *expect);
/* Like zl_rd_need, for fields BIND reads as plain words (not quoted). */
const struct zl_token *zl_rd_word(struct pctx *c, const char *what, const char *expect);
/* Records a field: tokens [tok, tok + ntok), wire bytes from off to the end. */
void zl_rd_field(struct pctx *c, int kind, unsigned flags, size_t tok, size_t ntok, size_t off);
/* 0 when every token was used, else an error about the first extra one. */
int zl_rd_end(struct pctx *c);

/* ---- walking ------------------------------------------------------------- */

/* A blank before the next printed field (none before the first). */
void zl_rd_sep(struct wctx *w);
/* Records a field: wire bytes from off to w->off. */
void zl_rd_wfield(struct wctx *w, int kind, size_t off);
/* Reads an n-octet big-endian number; -1 when the data ends first. */
int zl_rd_get(struct wctx *w, size_t n, uint32_t *v);

static inline uint16_t rd_u16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t rd_u32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

#endif
