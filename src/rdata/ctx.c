/* Tokens, errors and field records for the RDATA readers and printers. */
#include "rdata/ctx.h"

#include <stdarg.h>
#include <stdio.h>

/* ---- parsing ------------------------------------------------------------- */

int zl_rd_perr(struct pctx *c, size_t tok, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err->msg, sizeof c->err->msg, fmt, ap);
    va_end(ap);
    c->err->tok = (uint32_t)(tok > UINT32_MAX ? UINT32_MAX : tok);
    return -1;
}

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

/* A quoted string where BIND wants a word is "unexpected token" in BIND. */
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

/* ---- walking ------------------------------------------------------------- */

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
