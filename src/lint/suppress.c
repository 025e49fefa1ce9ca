/* SPDX-License-Identifier: MIT */
/* Suppressions: "; zonelint: disable=CODE" comments (this line, or the
 * next when alone on its line), "disable-file=", and the configuration's
 * disable list; which were used, for unused-suppression. */
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "lint/engine_impl.h"

void zl_engine_comment(struct zl_engine *e, const char *text, size_t len, const struct zl_span *span,
                       bool own_line)
{
    struct zl_ctx *c = &e->ctx;
    /* "; zonelint: disable=CODE[,slug]" or "disable-file=..." anywhere in the comment. */
    const char *key = NULL;
    for (size_t i = 0; i + 9 <= len; i++)
        if (memcmp(text + i, "zonelint:", 9) == 0) {
            key = text + i + 9;
            break;
        }
    if (!key)
        return;
    const char *end = text + len;
    while (key < end && (*key == ' ' || *key == '\t'))
        key++;
    bool file_wide;
    if ((size_t)(end - key) >= 13 && memcmp(key, "disable-file=", 13) == 0) {
        file_wide = true;
        key += 13;
    } else if ((size_t)(end - key) >= 8 && memcmp(key, "disable=", 8) == 0) {
        file_wide = false;
        key += 8;
    } else {
        return;
    }
    const char *ce = key;
    while (ce < end && *ce != ' ' && *ce != '\t' && *ce != ';')
        ce++;
    if (c->nsupp == c->csupp) {
        c->csupp = c->csupp ? c->csupp * 2 : 8;
        c->supp = zl_xrealloc(c->supp, c->csupp * sizeof *c->supp);
    }
    struct suppression *s = &c->supp[c->nsupp++];
    memset(s, 0, sizeof *s);
    s->src = span->src;
    s->line = span->line;
    s->own_line = own_line;
    s->file_wide = file_wide;
    s->span = *span;
    s->codes = zl_xstrndup(key, (size_t)(ce - key));
}

void zl_engine_disable_file(struct zl_engine *e, const char *code_or_slug)
{
    struct zl_ctx *c = &e->ctx;
    if (c->nsupp == c->csupp) {
        c->csupp = c->csupp ? c->csupp * 2 : 8;
        c->supp = zl_xrealloc(c->supp, c->csupp * sizeof *c->supp);
    }
    struct suppression *s = &c->supp[c->nsupp++];
    memset(s, 0, sizeof *s);
    s->file_wide = true;
    s->used = true; /* from the config: not reported when unused */
    s->codes = zl_xstrdup(code_or_slug);
}

static bool codes_match(const char *codes, const struct zl_diag *d)
{
    const char *p = codes;
    const char *sender = zl_diag_prop(d, "sender");
    while (*p) {
        const char *q = strchr(p, ',');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        if (sender && n > 7 && zl_ascii_ncasecmp(p, "sender:", 7) == 0 && strlen(sender) == n - 7 &&
            zl_ascii_ncasecmp(p + 7, sender, n - 7) == 0)
            return true;
        if ((strlen(d->code) == n && zl_ascii_ncasecmp(p, d->code, n) == 0) ||
            (strlen(d->slug) == n && zl_ascii_ncasecmp(p, d->slug, n) == 0) ||
            (n == 3 && zl_ascii_ncasecmp(p, "all", 3) == 0))
            return true;
        if (!q)
            break;
        p = q + 1;
    }
    return false;
}

bool zl_engine_suppressed(struct zl_ctx *c, const struct zl_diag *d)
{
    bool hit = false;
    for (size_t i = 0; i < c->nsupp; i++) {
        struct suppression *s = &c->supp[i];
        if (!codes_match(s->codes, d))
            continue;
        if (s->file_wide || (s->src == d->span.src &&
                             (s->line == d->span.line || (s->own_line && s->line + 1 == d->span.line)))) {
            s->used = true;
            hit = true;
        }
    }
    return hit;
}
