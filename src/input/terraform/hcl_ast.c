/* SPDX-License-Identifier: MIT */
/* Building the HCL syntax tree: the actions of grammar/hcl.y, the arena,
 * template whitespace stripping ("~") and heredoc indentation ("<<-"). */
#include "input/terraform/hcl_ast.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "hcl.tab.h"
#include "hcl.lex.h"
#include "input/terraform/hcl_ast_impl.h"

/* ---- arena ------------------------------------------------------------------ */

struct zl_arena_chunk {
    struct zl_arena_chunk *next;
    size_t used, cap;
    max_align_t data[];
};

#define CHUNK 65536

void *zl_arena_alloc(struct zl_arena *a, size_t n)
{
    n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    if (n == 0)
        n = sizeof(max_align_t);
    struct zl_arena_chunk *c = a->head;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > CHUNK ? n : CHUNK;
        c = zl_xmalloc(sizeof *c + cap);
        c->cap = cap;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    a->used += n;
    if (a->limit && a->used > a->limit)
        a->exhausted = true;
    memset(p, 0, n);
    return p;
}

char *zl_arena_strndup(struct zl_arena *a, const char *s, size_t n)
{
    char *p = zl_arena_alloc(a, n + 1);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void zl_arena_free(struct zl_arena *a)
{
    for (struct zl_arena_chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    a->head = NULL;
    a->used = 0;
}

/* ---- nodes ------------------------------------------------------------------ */

struct zl_hcl_node *zl_hcl_node_new(struct zl_arena *a, enum zl_hcl_kind kind, struct zl_span span)
{
    struct zl_hcl_node *n = zl_arena_alloc(a, sizeof *n);
    n->kind = (uint8_t)kind;
    n->span = span;
    return n;
}

/* Children grow by doubling; the capacity is the next power of two. */
void zl_hcl_node_add(struct zl_arena *a, struct zl_hcl_node *n, struct zl_hcl_node *kid)
{
    uint32_t k = n->nkids;
    if ((k & (k - 1)) == 0) {
        uint32_t cap = k ? k * 2 : 2;
        struct zl_hcl_node **v = zl_arena_alloc(a, cap * sizeof *v);
        if (k)
            memcpy(v, n->kids, k * sizeof *v);
        n->kids = v;
    }
    n->kids[n->nkids++] = kid;
}

const struct zl_hcl_attr *zl_hcl_attr_get(const struct zl_hcl_body *b, const char *name)
{
    size_t n = strlen(name);
    for (uint32_t i = 0; b && i < b->nattrs; i++)
        if (b->attrs[i]->len == n && !memcmp(b->attrs[i]->name, name, n))
            return b->attrs[i];
    return NULL;
}

const struct zl_hcl_block *zl_hcl_block_get(const struct zl_hcl_body *b, const char *type)
{
    size_t n = strlen(type);
    for (uint32_t i = 0; b && i < b->nblocks; i++)
        if (b->blocks[i]->tlen == n && !memcmp(b->blocks[i]->type, type, n))
            return b->blocks[i];
    return NULL;
}

/* ---- spans and errors ----------------------------------------------------------- */

struct zl_span zl_hcl_span(const struct zl_hcl_parser *P, const struct zl_hcl_ltype *l)
{
    if (P->fixed_span)
        return P->at;
    struct zl_span s = { P->src, (uint32_t)l->first_line, (uint32_t)l->first_column,
                         (uint32_t)l->last_line, (uint32_t)l->last_column };
    return s;
}

struct zl_span zl_hcl_span2(const struct zl_hcl_parser *P, const struct zl_hcl_ltype *a,
                            const struct zl_hcl_ltype *b)
{
    struct zl_span s = zl_hcl_span(P, a), e = zl_hcl_span(P, b);
    s.end_line = e.end_line;
    s.end_col = e.end_col;
    return s;
}

void zl_hcl_lex_error(struct zl_hcl_parser *P, const struct zl_hcl_ltype *at, const char *fmt, ...)
{
    if (P->failed)
        return;
    P->failed = true;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    struct zl_span s = zl_hcl_span(P, at);
    if (s.end_line == s.line && s.end_col <= s.col)
        s.end_col = s.col + 1;
    if (P->err && P->err->fn)
        P->err->fn(P->err->user, &s, msg);
}

static void error_at(zl_hcl_P *P, struct zl_span s, const char *msg)
{
    if (P->failed)
        return;
    P->failed = true;
    if (P->err && P->err->fn)
        P->err->fn(P->err->user, &s, msg);
}

/* ---- bodies ---------------------------------------------------------------------- */

struct zl_hcl_body *zl_hcl_body_new(zl_hcl_P *P)
{
    return zl_arena_alloc(P->arena, sizeof(struct zl_hcl_body));
}

#define GROW(a, v, n, cap)                                                     \
    do {                                                                       \
        if ((n) == (cap)) {                                                    \
            uint32_t c_ = (cap) ? (cap) * 2 : 8;                               \
            void *p_ = zl_arena_alloc((a), c_ * sizeof *(v));                  \
            if (n)                                                             \
                memcpy(p_, (v), (n) * sizeof *(v));                            \
            (v) = p_;                                                          \
            (cap) = c_;                                                        \
        }                                                                      \
    } while (0)

void zl_hcl_body_add(zl_hcl_P *P, struct zl_hcl_body *b, struct zl_hcl_item it)
{
    if (it.attr) {
        for (uint32_t i = 0; i < b->nattrs; i++)
            if (b->attrs[i]->len == it.attr->len && !memcmp(b->attrs[i]->name, it.attr->name, it.attr->len)) {
                char msg[160];
                snprintf(msg, sizeof msg, "attribute '%.*s' is defined twice in this body (first at line %u)",
                         (int)(it.attr->len > 60 ? 60 : it.attr->len), it.attr->name, b->attrs[i]->name_span.line);
                error_at(P, it.attr->name_span, msg);
                return;
            }
        GROW(P->arena, b->attrs, b->nattrs, b->cattrs);
        b->attrs[b->nattrs++] = it.attr;
    } else if (it.block) {
        GROW(P->arena, b->blocks, b->nblocks, b->cblocks);
        b->blocks[b->nblocks++] = it.block;
    }
}

struct zl_hcl_item zl_hcl_attr_item(zl_hcl_P *P, const zl_hcl_T *name, struct zl_span ns, zl_hcl_N *e,
                                    struct zl_span s)
{
    struct zl_hcl_attr *a = zl_arena_alloc(P->arena, sizeof *a);
    a->name = name->s;
    a->len = name->len;
    a->name_span = ns;
    a->span = s;
    a->expr = e;
    struct zl_hcl_item it = { a, NULL };
    return it;
}

struct zl_hcl_item zl_hcl_block_item(zl_hcl_P *P, const zl_hcl_T *type, struct zl_span ts,
                                     struct zl_hcl_labels *l, struct zl_hcl_body *body, struct zl_span s)
{
    struct zl_hcl_block *b = zl_arena_alloc(P->arena, sizeof *b);
    b->type = type->s;
    b->tlen = type->len;
    b->type_span = ts;
    b->span = s;
    if (l) {
        b->labels = l->s;
        b->label_lens = l->len;
        b->label_spans = l->span;
        b->nlabels = l->n;
    }
    b->body = body;
    struct zl_hcl_item it = { NULL, b };
    return it;
}

struct zl_hcl_labels *zl_hcl_labels_add(zl_hcl_P *P, struct zl_hcl_labels *l, const zl_hcl_T *t,
                                        struct zl_span s)
{
    if (!l)
        l = zl_arena_alloc(P->arena, sizeof *l);
    if (l->n == l->cap) {
        uint32_t c = l->cap ? l->cap * 2 : 4;
        const char **ns = zl_arena_alloc(P->arena, c * sizeof *ns);
        size_t *nl = zl_arena_alloc(P->arena, c * sizeof *nl);
        struct zl_span *sp = zl_arena_alloc(P->arena, c * sizeof *sp);
        if (l->n) {
            memcpy(ns, l->s, l->n * sizeof *ns);
            memcpy(nl, l->len, l->n * sizeof *nl);
            memcpy(sp, l->span, l->n * sizeof *sp);
        }
        l->s = ns;
        l->len = nl;
        l->span = sp;
        l->cap = c;
    }
    l->s[l->n] = t->s;
    l->len[l->n] = t->len;
    l->span[l->n] = s;
    l->n++;
    return l;
}

int zl_hcl_literal_label(zl_hcl_P *P, zl_hcl_N *tpl, zl_hcl_T *out, struct zl_span s)
{
    struct zl_buf b = { 0 };
    for (uint32_t i = 0; i < tpl->nkids; i++) {
        if (tpl->kids[i]->kind != ZL_HCL_LIT) {
            zl_buf_free(&b);
            error_at(P, tpl->kids[i]->span, "a block label must be a literal string, not a template");
            return -1;
        }
        zl_buf_put(&b, tpl->kids[i]->s, tpl->kids[i]->len);
    }
    out->s = zl_arena_strndup(P->arena, b.data ? (const char *)b.data : "", b.len);
    out->len = b.len;
    out->flags = 0;
    zl_buf_free(&b);
    (void)s;
    return 0;
}

/* ---- expressions ------------------------------------------------------------------ */

zl_hcl_N *zl_hcl_n3(zl_hcl_P *P, enum zl_hcl_kind k, int op, zl_hcl_N *a, zl_hcl_N *b, zl_hcl_N *c,
                    struct zl_span s)
{
    zl_hcl_N *n = zl_hcl_node_new(P->arena, k, s);
    n->op = (uint8_t)op;
    if (a)
        zl_hcl_node_add(P->arena, n, a);
    if (b)
        zl_hcl_node_add(P->arena, n, b);
    if (c)
        zl_hcl_node_add(P->arena, n, c);
    return n;
}

zl_hcl_N *zl_hcl_bin(zl_hcl_P *P, enum zl_hcl_op op, zl_hcl_N *a, zl_hcl_N *b, struct zl_span s)
{
    return zl_hcl_n3(P, ZL_HCL_BINARY, (int)op, a, b, NULL, s);
}

static zl_hcl_N *anon(zl_hcl_P *P, zl_hcl_N *splat)
{
    return splat->nkids > 1 && splat->kids[1] ? splat->kids[1] : zl_hcl_node_new(P->arena, ZL_HCL_ANON, splat->span);
}

/* A step after a splat applies to each element: a[*].b.c is [for x in a: x.b.c]. */
static zl_hcl_N *continue_splat(zl_hcl_P *P, zl_hcl_N *splat, zl_hcl_N *step, struct zl_span s)
{
    if (splat->nkids < 2)
        zl_hcl_node_add(P->arena, splat, step);
    else
        splat->kids[1] = step;
    splat->span = s;
    return splat;
}

zl_hcl_N *zl_hcl_step_attr(zl_hcl_P *P, zl_hcl_N *on, const zl_hcl_T *name, struct zl_span s)
{
    bool in_splat = on->kind == ZL_HCL_SPLAT;
    zl_hcl_N *n = zl_hcl_n3(P, ZL_HCL_GETATTR, 0, in_splat ? anon(P, on) : on, NULL, NULL, s);
    n->s = name->s;
    n->len = name->len;
    return in_splat ? continue_splat(P, on, n, s) : n;
}

zl_hcl_N *zl_hcl_step_legacy(zl_hcl_P *P, zl_hcl_N *on, const zl_hcl_T *num, struct zl_span ns,
                             struct zl_span s)
{
    zl_hcl_N *k = zl_hcl_number(P, num, ns);
    bool in_splat = on->kind == ZL_HCL_SPLAT;
    zl_hcl_N *n = zl_hcl_n3(P, ZL_HCL_INDEX, 0, in_splat ? anon(P, on) : on, k, NULL, s);
    n->flags |= ZL_HCL_F_LEGACY;
    return in_splat ? continue_splat(P, on, n, s) : n;
}

zl_hcl_N *zl_hcl_step_index(zl_hcl_P *P, zl_hcl_N *on, zl_hcl_N *key, struct zl_span s)
{
    /* An index ends an attribute-only splat (a.*.b[0] is (a.*.b)[0]). */
    bool in_splat = on->kind == ZL_HCL_SPLAT && (on->flags & ZL_HCL_F_FULL);
    zl_hcl_N *n = zl_hcl_n3(P, ZL_HCL_INDEX, 0, in_splat ? anon(P, on) : on, key, NULL, s);
    return in_splat ? continue_splat(P, on, n, s) : n;
}

zl_hcl_N *zl_hcl_splat(zl_hcl_P *P, zl_hcl_N *on, bool full, struct zl_span s)
{
    if (on->kind == ZL_HCL_SPLAT && (full || !(on->flags & ZL_HCL_F_FULL))) {
        zl_hcl_N *inner = zl_hcl_n3(P, ZL_HCL_SPLAT, 0, anon(P, on), NULL, NULL, s);
        if (full)
            inner->flags |= ZL_HCL_F_FULL;
        return continue_splat(P, on, inner, s);
    }
    zl_hcl_N *n = zl_hcl_n3(P, ZL_HCL_SPLAT, 0, on, NULL, NULL, s);
    if (full)
        n->flags |= ZL_HCL_F_FULL;
    return n;
}

zl_hcl_N *zl_hcl_number(zl_hcl_P *P, const zl_hcl_T *t, struct zl_span s)
{
    zl_hcl_N *n = zl_hcl_node_new(P->arena, ZL_HCL_NUM, s);
    n->s = t->s;
    n->len = t->len;
    n->num = strtod(t->s, NULL);
    return n;
}

zl_hcl_N *zl_hcl_var(zl_hcl_P *P, const zl_hcl_T *t, struct zl_span s)
{
    zl_hcl_N *n;
    if (t->len == 4 && !memcmp(t->s, "true", 4)) {
        n = zl_hcl_node_new(P->arena, ZL_HCL_BOOL, s);
        n->num = 1;
    } else if (t->len == 5 && !memcmp(t->s, "false", 5)) {
        n = zl_hcl_node_new(P->arena, ZL_HCL_BOOL, s);
    } else if (t->len == 4 && !memcmp(t->s, "null", 4)) {
        n = zl_hcl_node_new(P->arena, ZL_HCL_NULL, s);
    } else {
        n = zl_hcl_node_new(P->arena, ZL_HCL_VAR, s);
    }
    n->s = t->s;
    n->len = t->len;
    return n;
}

zl_hcl_N *zl_hcl_call(zl_hcl_P *P, const zl_hcl_T *name, const zl_hcl_T *name2, zl_hcl_N *args,
                      struct zl_span s)
{
    args->span = s;
    if (name2) {
        /* provider::NAME::FUNCTION */
        size_t n = 10 + name->len + 2 + name2->len;
        char *t = zl_arena_alloc(P->arena, n + 1);
        snprintf(t, n + 1, "provider::%.*s::%.*s", (int)name->len, name->s, (int)name2->len, name2->s);
        args->s = t;
        args->len = n;
    } else {
        args->s = name->s;
        args->len = name->len;
    }
    return args;
}

void zl_hcl_obj_add(zl_hcl_P *P, zl_hcl_N *obj, zl_hcl_N *k, zl_hcl_N *v)
{
    zl_hcl_node_add(P->arena, obj, k);
    zl_hcl_node_add(P->arena, obj, v);
}

struct zl_hcl_forhead *zl_hcl_for_head(zl_hcl_P *P, const zl_hcl_T *k, const zl_hcl_T *v, zl_hcl_N *coll,
                                       struct zl_span s)
{
    struct zl_hcl_forhead *h = zl_arena_alloc(P->arena, sizeof *h);
    if (k) {
        h->k = k->s;
        h->klen = k->len;
    }
    h->v = v->s;
    h->vlen = v->len;
    h->coll = coll;
    h->span = s;
    return h;
}

zl_hcl_N *zl_hcl_for(zl_hcl_P *P, struct zl_hcl_forhead *h, zl_hcl_N *key, zl_hcl_N *val, bool group,
                     zl_hcl_N *cond, struct zl_span s)
{
    zl_hcl_N *n = zl_hcl_node_new(P->arena, ZL_HCL_FOR, s);
    n->s = h->k;
    n->len = h->klen;
    n->s2 = h->v;
    n->len2 = h->vlen;
    n->kids = zl_arena_alloc(P->arena, 4 * sizeof *n->kids);
    n->nkids = 4;
    n->kids[0] = h->coll;
    n->kids[1] = key;
    n->kids[2] = val;
    n->kids[3] = cond;
    if (group)
        n->flags |= ZL_HCL_F_GROUP;
    if (group && !key)
        error_at(P, s, "'...' groups values only in a for expression that builds an object");
    return n;
}

/* ---- templates ------------------------------------------------------------------- */

static bool ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void ltrim(zl_hcl_N *lit)
{
    size_t k = 0;
    while (k < lit->len && ws(lit->s[k]))
        k++;
    lit->s += k;
    lit->len -= k;
    if ((lit->flags & ZL_HCL_F_EXACT) && lit->span.line == lit->span.end_line)
        lit->span.col += (uint32_t)k;
}

static void rtrim(zl_hcl_N *lit)
{
    size_t k = 0;
    while (k < lit->len && ws(lit->s[lit->len - 1 - k]))
        k++;
    lit->len -= k;
    if ((lit->flags & ZL_HCL_F_EXACT) && lit->span.line == lit->span.end_line)
        lit->span.end_col -= (uint32_t)k;
}

/* "~" before a tag: whitespace at the end of what precedes goes, across
 * literal parts that become empty. */
static void rtrim_last(zl_hcl_N *tpl)
{
    for (uint32_t i = tpl->nkids; i-- > 0;) {
        if (tpl->kids[i]->kind != ZL_HCL_LIT)
            return;
        rtrim(tpl->kids[i]);
        if (tpl->kids[i]->len)
            return;
    }
}

zl_hcl_N *zl_hcl_tpl_add(zl_hcl_P *P, zl_hcl_N *tpl, zl_hcl_N *part)
{
    if (tpl->nkids == 0 && tpl->span.line == 0)
        tpl->span = part->span;
    if (part->kind == ZL_HCL_LIT) {
        if (P->strip_next) {
            ltrim(part);
            P->strip_next = part->len == 0;
        }
    } else if (part->flags & ZL_HCL_F_STRIP_BEFORE) {
        rtrim_last(tpl);
    }
    zl_hcl_node_add(P->arena, tpl, part);
    tpl->span.end_line = part->span.end_line;
    tpl->span.end_col = part->span.end_col;
    return tpl;
}

zl_hcl_N *zl_hcl_lit(zl_hcl_P *P, const zl_hcl_T *t, struct zl_span s)
{
    zl_hcl_N *n = zl_hcl_node_new(P->arena, ZL_HCL_LIT, s);
    n->s = t->s;
    n->len = t->len;
    if ((t->flags & ZL_HCL_T_EXACT) && !P->fixed_span)
        n->flags |= ZL_HCL_F_EXACT;
    if (t->flags & ZL_HCL_T_BOL)
        n->flags |= ZL_HCL_F_BOL;
    return n;
}

/* An interpolation is the expression itself, marked as a template part. */
zl_hcl_N *zl_hcl_interp(zl_hcl_P *P, const zl_hcl_T *open, zl_hcl_N *e, const zl_hcl_T *close)
{
    zl_hcl_N *n = zl_hcl_n3(P, ZL_HCL_PAREN, 0, e, NULL, NULL, e->span);
    if (open->flags & ZL_HCL_T_STRIP)
        n->flags |= ZL_HCL_F_STRIP_BEFORE;
    if (open->flags & ZL_HCL_T_BOL)
        n->flags |= ZL_HCL_F_BOL;
    P->strip_next = (close->flags & ZL_HCL_T_STRIP) != 0;
    return n;
}

zl_hcl_N *zl_hcl_tag_open(zl_hcl_P *P, enum zl_hcl_kind k, const zl_hcl_T *open, zl_hcl_N *e,
                          const zl_hcl_T *close, struct zl_span s)
{
    zl_hcl_N *n = zl_hcl_n3(P, k, 0, e, NULL, NULL, s);
    if (open->flags & ZL_HCL_T_STRIP)
        n->flags |= ZL_HCL_F_STRIP_BEFORE;
    if (open->flags & ZL_HCL_T_BOL)
        n->flags |= ZL_HCL_F_BOL;
    P->strip_next = (close->flags & ZL_HCL_T_STRIP) != 0;
    return n;
}

zl_hcl_N *zl_hcl_tpl_if(zl_hcl_P *P, zl_hcl_N *head, zl_hcl_N *then, zl_hcl_N *elsehead, zl_hcl_N *els,
                        const zl_hcl_T *end, const zl_hcl_T *close, struct zl_span s)
{
    if (elsehead && (elsehead->flags & ZL_HCL_F_STRIP_BEFORE))
        rtrim_last(then);
    if (end->flags & ZL_HCL_T_STRIP)
        rtrim_last(els ? els : then);
    head->span = s;
    zl_hcl_node_add(P->arena, head, then);
    zl_hcl_node_add(P->arena, head, els);
    P->strip_next = (close->flags & ZL_HCL_T_STRIP) != 0;
    return head;
}

zl_hcl_N *zl_hcl_tpl_for_head(zl_hcl_P *P, const zl_hcl_T *open, const zl_hcl_T *k, const zl_hcl_T *v,
                              zl_hcl_N *coll, const zl_hcl_T *close, struct zl_span s)
{
    zl_hcl_N *n = zl_hcl_tag_open(P, ZL_HCL_TPL_FOR, open, coll, close, s);
    if (k) {
        n->s = k->s;
        n->len = k->len;
    }
    n->s2 = v->s;
    n->len2 = v->len;
    return n;
}

zl_hcl_N *zl_hcl_tpl_for(zl_hcl_P *P, zl_hcl_N *head, zl_hcl_N *body, const zl_hcl_T *end,
                         const zl_hcl_T *close, struct zl_span s)
{
    if (end->flags & ZL_HCL_T_STRIP)
        rtrim_last(body);
    head->span = s;
    zl_hcl_node_add(P->arena, head, body);
    P->strip_next = (close->flags & ZL_HCL_T_STRIP) != 0;
    return head;
}

/* "<<-": the smallest indentation of the lines that hold text is removed
 * from every line. */
static void strip_indent(zl_hcl_N *tpl)
{
    size_t min = (size_t)-1;
    for (uint32_t i = 0; i < tpl->nkids; i++) {
        zl_hcl_N *p = tpl->kids[i];
        if (!(p->flags & ZL_HCL_F_BOL))
            continue;
        if (p->kind != ZL_HCL_LIT) {
            min = 0;
            break;
        }
        size_t k = 0;
        while (k < p->len && (p->s[k] == ' ' || p->s[k] == '\t'))
            k++;
        bool blank_line = k == p->len && (i + 1 == tpl->nkids || (tpl->kids[i + 1]->kind == ZL_HCL_LIT &&
                                                                 tpl->kids[i + 1]->s[0] == '\n'));
        if (p->len == 1 && p->s[0] == '\n')
            blank_line = true;
        if (!blank_line && k < min)
            min = k;
    }
    if (min == (size_t)-1 || min == 0)
        return;
    for (uint32_t i = 0; i < tpl->nkids; i++) {
        zl_hcl_N *p = tpl->kids[i];
        if (!(p->flags & ZL_HCL_F_BOL) || p->kind != ZL_HCL_LIT)
            continue;
        size_t k = 0;
        while (k < p->len && k < min && (p->s[k] == ' ' || p->s[k] == '\t'))
            k++;
        p->s += k;
        p->len -= k;
        if (p->flags & ZL_HCL_F_EXACT)
            p->span.col += (uint32_t)k;
    }
}

zl_hcl_N *zl_hcl_heredoc(zl_hcl_P *P, const zl_hcl_T *open, zl_hcl_N *tpl, struct zl_span s)
{
    (void)P;
    tpl->flags |= ZL_HCL_F_HEREDOC;
    if (open->flags & ZL_HCL_T_INDENT)
        strip_indent(tpl);
    tpl->span = s;
    return tpl;
}

/* ---- entry points ------------------------------------------------------------------- */

static void *run(struct zl_hcl_parser *P, struct zl_hcl_lexer *L)
{
    yyscan_t sc;
    if (zl_hcl_yylex_init_extra(L, &sc) != 0)
        return NULL;
    int rc = zl_hcl_yyparse(sc, P);
    zl_hcl_yylex_destroy(sc);
    if (rc != 0 && !P->failed) {
        struct zl_hcl_ltype at = { (int)L->tline, (int)L->tcol, (int)L->line, (int)L->col };
        zl_hcl_lex_error(P, &at, "syntax error");
    }
    return rc == 0 && !P->failed ? (void *)P : NULL;
}

struct zl_hcl_body *zl_hcl_parse(const char *text, size_t len, const struct zl_source *src,
                                 struct zl_arena *arena, const struct zl_hcl_error_fn *err)
{
    struct zl_hcl_parser P;
    memset(&P, 0, sizeof P);
    P.arena = arena;
    P.src = src;
    P.err = err;
    P.at = (struct zl_span){ src, 1, 1, 1, 1 };
    if (len > ZL_HCL_MAX_FILE) {
        error_at(&P, P.at, "the file is larger than the 16 MiB a Terraform file may have here");
        return NULL;
    }
    struct zl_hcl_lexer L;
    memset(&L, 0, sizeof L);
    L.text = text;
    L.len = len;
    L.line = L.col = 1;
    if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3)) {
        /* a byte-order mark: not part of the first token (columns count bytes) */
        L.text += 3;
        L.len -= 3;
        L.col = 4;
    }
    L.first = START_BODY;
    L.P = &P;
    return run(&P, &L) ? P.root : NULL;
}

struct zl_hcl_node *zl_hcl_parse_template(const char *text, size_t len, const struct zl_source *src,
                                          struct zl_span at, bool exact, struct zl_arena *arena,
                                          const struct zl_hcl_error_fn *err)
{
    struct zl_hcl_parser P;
    memset(&P, 0, sizeof P);
    P.arena = arena;
    P.src = src;
    P.err = err;
    P.at = at;
    P.fixed_span = !exact;
    struct zl_hcl_lexer L;
    memset(&L, 0, sizeof L);
    L.text = text;
    L.len = len;
    L.line = at.line;
    L.col = at.col;
    L.first = START_TEMPLATE;
    L.tplonly = true;
    L.P = &P;
    if (!run(&P, &L))
        return NULL;
    P.tpl_root->span = at;
    return P.tpl_root;
}

/* ---- dump (tests) ------------------------------------------------------------ */

static const char *const op_names[] = { "?", "||", "&&", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%" };

void zl_hcl_dump(const struct zl_hcl_node *n, struct zl_buf *b)
{
    if (!n) {
        zl_buf_printf(b, "_");
        return;
    }
    switch ((enum zl_hcl_kind)n->kind) {
    case ZL_HCL_NULL: zl_buf_printf(b, "null"); return;
    case ZL_HCL_BOOL: zl_buf_printf(b, n->num ? "true" : "false"); return;
    case ZL_HCL_NUM: zl_buf_printf(b, "%.*s", (int)n->len, n->s); return;
    case ZL_HCL_LIT: zl_buf_printf(b, "'%.*s'", (int)n->len, n->s); return;
    case ZL_HCL_VAR: zl_buf_printf(b, "%.*s", (int)n->len, n->s); return;
    case ZL_HCL_ANON: zl_buf_printf(b, "@"); return;
    case ZL_HCL_GETATTR:
        zl_hcl_dump(n->kids[0], b);
        zl_buf_printf(b, ".%.*s", (int)n->len, n->s);
        return;
    case ZL_HCL_INDEX:
        zl_hcl_dump(n->kids[0], b);
        zl_buf_printf(b, "[");
        zl_hcl_dump(n->kids[1], b);
        zl_buf_printf(b, "]");
        return;
    default: break;
    }
    static const char *const kinds[] = {
        [ZL_HCL_TEMPLATE] = "tpl", [ZL_HCL_TPL_IF] = "%if", [ZL_HCL_TPL_FOR] = "%for",
        [ZL_HCL_TUPLE] = "tuple", [ZL_HCL_OBJECT] = "object", [ZL_HCL_SPLAT] = "splat",
        [ZL_HCL_CALL] = "call", [ZL_HCL_UNARY] = "unary", [ZL_HCL_BINARY] = "bin",
        [ZL_HCL_COND] = "cond", [ZL_HCL_FOR] = "for", [ZL_HCL_PAREN] = "paren",
    };
    zl_buf_printf(b, "(%s", kinds[n->kind]);
    if (n->kind == ZL_HCL_BINARY)
        zl_buf_printf(b, " %s", op_names[n->op < 14 ? n->op : 0]);
    if (n->kind == ZL_HCL_UNARY)
        zl_buf_printf(b, " %c", n->op);
    if (n->kind == ZL_HCL_CALL)
        zl_buf_printf(b, " %.*s%s", (int)n->len, n->s, (n->flags & ZL_HCL_F_EXPAND) ? "..." : "");
    if (n->kind == ZL_HCL_FOR || n->kind == ZL_HCL_TPL_FOR)
        zl_buf_printf(b, " %.*s,%.*s%s", (int)n->len, n->s ? n->s : "", (int)n->len2, n->s2,
                      (n->flags & ZL_HCL_F_GROUP) ? " ..." : "");
    if (n->kind == ZL_HCL_SPLAT && (n->flags & ZL_HCL_F_FULL))
        zl_buf_printf(b, " [*]");
    for (uint32_t i = 0; i < n->nkids; i++) {
        zl_buf_printf(b, " ");
        zl_hcl_dump(n->kids[i], b);
    }
    zl_buf_printf(b, ")");
}

void zl_hcl_dump_body(const struct zl_hcl_body *body, struct zl_buf *b)
{
    for (uint32_t i = 0; i < body->nattrs; i++) {
        zl_buf_printf(b, "%.*s=", (int)body->attrs[i]->len, body->attrs[i]->name);
        zl_hcl_dump(body->attrs[i]->expr, b);
        zl_buf_printf(b, ";");
    }
    for (uint32_t i = 0; i < body->nblocks; i++) {
        const struct zl_hcl_block *k = body->blocks[i];
        zl_buf_printf(b, "%.*s", (int)k->tlen, k->type);
        for (uint32_t j = 0; j < k->nlabels; j++)
            zl_buf_printf(b, " \"%.*s\"", (int)k->label_lens[j], k->labels[j]);
        zl_buf_printf(b, "{");
        zl_hcl_dump_body(k->body, b);
        zl_buf_printf(b, "}");
    }
}
