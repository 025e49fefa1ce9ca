/* SPDX-License-Identifier: MIT */
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

const struct zl_token *zl_rd_missing(struct pctx *c, const char *what, const char *expect)
{
    zl_rd_perr(c, c->ntoks, "missing %s %s (%s)", c->tname, what, expect);
    return NULL;
}

/* A quoted string where BIND wants a word is "unexpected token" in BIND. */
const struct zl_token *zl_rd_quoted_word(struct pctx *c, const struct zl_token *t, const char *what,
                                         const char *expect)
{
    char sh[80];
    zl_rd_perr(c, c->i - 1, "%s %s must be %s, not a quoted string; got %s", c->tname, what,
               expect, zl_rd_show(t, sh, sizeof sh));
    return NULL;
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

