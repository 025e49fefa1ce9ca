/* SPDX-License-Identifier: MIT */
/* Static evaluation of HCL expressions (see hcl_eval.h). Semantics follow
 * hclsyntax/spec.md: template unwrapping ("${x}" is x itself), splats over
 * lists (a null source gives an empty list, any other value a one-element
 * list), for expressions over lists and maps with "..." grouping. Type
 * errors are not reported (Terraform does that): they make UNKNOWN. */
#include "input/terraform/hcl_eval.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- values ------------------------------------------------------------------- */

struct zl_hv *zl_hv_new(struct zl_hcl_eval *E, enum zl_hv_kind k, struct zl_span at)
{
    struct zl_hv *v = zl_arena_alloc(E->arena, sizeof *v);
    v->kind = (uint8_t)k;
    v->span = at;
    return v;
}

const struct zl_hv *zl_hv_unknown(struct zl_hcl_eval *E, struct zl_span at)
{
    return zl_hv_new(E, ZL_HV_UNKNOWN, at);
}

const struct zl_hv *zl_hv_str(struct zl_hcl_eval *E, const char *s, size_t len, struct zl_span at, bool exact)
{
    struct zl_hv *v = zl_hv_new(E, ZL_HV_STR, at);
    v->s = zl_arena_strndup(E->arena, s, len);
    v->len = (uint32_t)len;
    v->segs = zl_arena_alloc(E->arena, sizeof *v->segs);
    v->segs[0] = (struct zl_hv_seg){ 0, (uint32_t)len, at, exact && at.line == at.end_line };
    v->nsegs = 1;
    return v;
}

const struct zl_hv *zl_hv_num(struct zl_hcl_eval *E, double x, struct zl_span at)
{
    struct zl_hv *v = zl_hv_new(E, ZL_HV_NUM, at);
    v->num = x;
    return v;
}

const struct zl_hv *zl_hv_bool(struct zl_hcl_eval *E, bool b, struct zl_span at)
{
    struct zl_hv *v = zl_hv_new(E, ZL_HV_BOOL, at);
    v->b = b;
    return v;
}

static void grow(struct zl_hcl_eval *E, struct zl_hv *v, bool keys)
{
    uint32_t k = v->n;
    if (k && (k & (k - 1)) != 0)
        return;
    uint32_t cap = k ? k * 2 : 4;
    struct zl_hv **items = zl_arena_alloc(E->arena, cap * sizeof *items);
    if (k)
        memcpy(items, v->items, k * sizeof *items);
    v->items = items;
    if (keys) {
        const char **ks = zl_arena_alloc(E->arena, cap * sizeof *ks);
        uint32_t *kl = zl_arena_alloc(E->arena, cap * sizeof *kl);
        if (k) {
            memcpy(ks, v->keys, k * sizeof *ks);
            memcpy(kl, v->klens, k * sizeof *kl);
        }
        v->keys = ks;
        v->klens = kl;
    }
}

void zl_hv_push(struct zl_hcl_eval *E, struct zl_hv *list, const struct zl_hv *item)
{
    if (list->n >= ZL_HCL_EVAL_MAX_ITEMS) {
        E->exhausted = true;
        return;
    }
    grow(E, list, false);
    list->items[list->n++] = (struct zl_hv *)item;
}

void zl_hv_put(struct zl_hcl_eval *E, struct zl_hv *map, const char *key, size_t klen, const struct zl_hv *v)
{
    for (uint32_t i = 0; i < map->n; i++)
        if (map->klens[i] == klen && !memcmp(map->keys[i], key, klen)) {
            map->items[i] = (struct zl_hv *)v; /* a later key wins (merge, tfvars) */
            return;
        }
    if (map->n >= ZL_HCL_EVAL_MAX_ITEMS) {
        E->exhausted = true;
        return;
    }
    grow(E, map, true);
    map->keys[map->n] = zl_arena_strndup(E->arena, key, klen);
    map->klens[map->n] = (uint32_t)klen;
    map->items[map->n++] = (struct zl_hv *)v;
}

static int keycmp(const char *a, uint32_t al, const char *b, uint32_t bl)
{
    int c = memcmp(a, b, al < bl ? al : bl);
    return c ? c : (al > bl) - (al < bl);
}

void zl_hv_map_done(struct zl_hv *map)
{
    /* Terraform iterates maps in key order: insertion sort (maps are small). */
    for (uint32_t i = 1; i < map->n; i++)
        for (uint32_t j = i; j > 0 && keycmp(map->keys[j - 1], map->klens[j - 1], map->keys[j], map->klens[j]) > 0; j--) {
            const char *k = map->keys[j];
            uint32_t kl = map->klens[j];
            struct zl_hv *v = map->items[j];
            map->keys[j] = map->keys[j - 1];
            map->klens[j] = map->klens[j - 1];
            map->items[j] = map->items[j - 1];
            map->keys[j - 1] = k;
            map->klens[j - 1] = kl;
            map->items[j - 1] = v;
        }
}

const struct zl_hv *zl_hv_get(const struct zl_hv *map, const char *key, size_t klen)
{
    if (!map || map->kind != ZL_HV_MAP)
        return NULL;
    for (uint32_t i = 0; i < map->n; i++)
        if (map->klens[i] == klen && !memcmp(map->keys[i], key, klen))
            return map->items[i];
    return NULL;
}

bool zl_hv_has_unknown(const struct zl_hv *v)
{
    if (!v || v->kind == ZL_HV_UNKNOWN || v->kind == ZL_HV_REF)
        return true;
    for (uint32_t i = 0; (v->kind == ZL_HV_LIST || v->kind == ZL_HV_MAP) && i < v->n; i++)
        if (zl_hv_has_unknown(v->items[i]))
            return true;
    return false;
}

/* ---- strings with segments ----------------------------------------------------- */

static void strb_reserve(struct zl_hcl_eval *E, struct zl_hv_strb *b, size_t n)
{
    if (b->len + n + 1 <= b->cap)
        return;
    uint32_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + n + 1)
        cap *= 2;
    char *d = zl_arena_alloc(E->arena, cap);
    if (b->len)
        memcpy(d, b->data, b->len);
    b->data = d;
    b->cap = cap;
}

static void strb_seg(struct zl_hcl_eval *E, struct zl_hv_strb *b, struct zl_hv_seg s)
{
    if (b->nsegs == b->csegs) {
        uint32_t c = b->csegs ? b->csegs * 2 : 4;
        struct zl_hv_seg *v = zl_arena_alloc(E->arena, c * sizeof *v);
        if (b->nsegs)
            memcpy(v, b->segs, b->nsegs * sizeof *v);
        b->segs = v;
        b->csegs = c;
    }
    b->segs[b->nsegs++] = s;
}

void zl_hv_strb_raw(struct zl_hcl_eval *E, struct zl_hv_strb *b, const char *s, size_t n, struct zl_span at)
{
    if (b->len + n > ZL_HCL_EVAL_MAX_STR) {
        b->overflow = true;
        return;
    }
    strb_reserve(E, b, n);
    memcpy(b->data + b->len, s, n);
    strb_seg(E, b, (struct zl_hv_seg){ b->len, (uint32_t)n, at, false });
    b->len += (uint32_t)n;
}

void zl_hv_strb_add(struct zl_hcl_eval *E, struct zl_hv_strb *b, const struct zl_hv *s)
{
    if (b->len + s->len > ZL_HCL_EVAL_MAX_STR) {
        b->overflow = true;
        return;
    }
    strb_reserve(E, b, s->len);
    memcpy(b->data + b->len, s->s, s->len);
    if (s->nsegs == 0)
        strb_seg(E, b, (struct zl_hv_seg){ b->len, s->len, s->span, false });
    for (uint32_t i = 0; i < s->nsegs; i++) {
        struct zl_hv_seg g = s->segs[i];
        g.off += b->len;
        strb_seg(E, b, g);
    }
    b->len += s->len;
}

const struct zl_hv *zl_hv_strb_done(struct zl_hcl_eval *E, struct zl_hv_strb *b, struct zl_span at)
{
    if (b->overflow) {
        E->exhausted = true;
        return zl_hv_unknown(E, at);
    }
    struct zl_hv *v = zl_hv_new(E, ZL_HV_STR, at);
    strb_reserve(E, b, 0);
    b->data[b->len] = '\0';
    v->s = b->data;
    v->len = b->len;
    v->segs = b->segs;
    v->nsegs = b->nsegs;
    return v;
}

static const struct zl_hv_seg *seg_of(const struct zl_hv *s, size_t i)
{
    for (uint32_t k = 0; k < s->nsegs; k++)
        if (i >= s->segs[k].off && i < s->segs[k].off + s->segs[k].len)
            return &s->segs[k];
    return NULL;
}

struct zl_span zl_hv_sub_span(const struct zl_hv *s, size_t a, size_t b, struct zl_span fallback)
{
    if (!s || s->kind != ZL_HV_STR || a >= b || b > s->len)
        return fallback;
    const struct zl_hv_seg *x = seg_of(s, a), *y = seg_of(s, b - 1);
    /* Stretches from different places (a for_each element and the
     * template around it) make no one span: the expression's instead. */
    if (!x || !y || x->span.src != y->span.src || !x->span.line || (x != y && x->span.line != y->span.end_line))
        return fallback;
    struct zl_span r;
    r.src = x->span.src;
    if (x->exact) {
        r.line = r.end_line = x->span.line;
        r.col = x->span.col + (uint32_t)(a - x->off);
    } else {
        r.line = x->span.line;
        r.col = x->span.col;
    }
    if (y->exact) {
        r.end_line = y->span.line;
        r.end_col = y->span.col + (uint32_t)(b - y->off);
    } else {
        r.end_line = y->span.end_line;
        r.end_col = y->span.end_col;
    }
    if (r.end_line < r.line || (r.end_line == r.line && r.end_col <= r.col))
        return fallback;
    return r;
}

/* Numbers as Terraform prints them: integers without a fraction. */
static size_t num_text(double x, char *out, size_t cap)
{
    if (x == floor(x) && fabs(x) < 1e15)
        return (size_t)snprintf(out, cap, "%.0f", x);
    int n = snprintf(out, cap, "%.15g", x);
    if (strtod(out, NULL) != x)
        n = snprintf(out, cap, "%.17g", x);
    return (size_t)n;
}

const struct zl_hv *zl_hv_to_str(struct zl_hcl_eval *E, const struct zl_hv *v)
{
    char buf[64];
    switch (v->kind) {
    case ZL_HV_STR: return v;
    case ZL_HV_NUM: {
        size_t n = num_text(v->num, buf, sizeof buf);
        return zl_hv_str(E, buf, n, v->span, false);
    }
    case ZL_HV_BOOL: return zl_hv_str(E, v->b ? "true" : "false", v->b ? 4 : 5, v->span, false);
    default: return NULL;
    }
}

/* ---- evaluation ------------------------------------------------------------------ */

static const struct zl_hv *eval(struct zl_hcl_eval *E, const struct zl_hcl_node *n);

static const struct zl_hv *lookup_scope(const struct zl_hcl_eval *E, const char *name, size_t len)
{
    for (const struct zl_hcl_scope *s = E->scope; s; s = s->up)
        if (s->len == len && !memcmp(s->name, name, len))
            return s->val;
    return NULL;
}

static bool truthy(const struct zl_hv *v, bool *out)
{
    if (v->kind == ZL_HV_BOOL) {
        *out = v->b;
        return true;
    }
    if (v->kind == ZL_HV_STR && (!strcmp(v->s, "true") || !strcmp(v->s, "false"))) {
        *out = v->s[0] == 't';
        return true;
    }
    return false;
}

static bool to_num(const struct zl_hv *v, double *out)
{
    if (v->kind == ZL_HV_NUM) {
        *out = v->num;
        return true;
    }
    if (v->kind == ZL_HV_STR && v->len) {
        char *end;
        double x = strtod(v->s, &end);
        if (*end == '\0') {
            *out = x;
            return true;
        }
    }
    return false;
}

static bool hv_equal(const struct zl_hv *a, const struct zl_hv *b)
{
    if (a->kind != b->kind) {
        double x, y;
        if ((a->kind == ZL_HV_NUM || b->kind == ZL_HV_NUM) && to_num(a, &x) && to_num(b, &y))
            return false; /* Terraform: 1 == "1" is false */
        return false;
    }
    switch (a->kind) {
    case ZL_HV_NULL: return true;
    case ZL_HV_BOOL: return a->b == b->b;
    case ZL_HV_NUM: return a->num == b->num;
    case ZL_HV_STR: return a->len == b->len && !memcmp(a->s, b->s, a->len);
    case ZL_HV_LIST:
    case ZL_HV_MAP:
        if (a->n != b->n)
            return false;
        for (uint32_t i = 0; i < a->n; i++) {
            if (a->kind == ZL_HV_MAP && keycmp(a->keys[i], a->klens[i], b->keys[i], b->klens[i]))
                return false;
            if (zl_hv_has_unknown(a->items[i]) || zl_hv_has_unknown(b->items[i]) ||
                !hv_equal(a->items[i], b->items[i]))
                return false;
        }
        return true;
    default: return false;
    }
}

static const struct zl_hv *binary(struct zl_hcl_eval *E, const struct zl_hcl_node *n)
{
    const struct zl_hv *a = eval(E, n->kids[0]);
    /* && and || need both sides known: Terraform evaluates both. */
    const struct zl_hv *b = eval(E, n->kids[1]);
    if (n->op == ZL_HCL_OP_EQ || n->op == ZL_HCL_OP_NE) {
        if (zl_hv_has_unknown(a) || zl_hv_has_unknown(b))
            return zl_hv_unknown(E, n->span);
        bool eq = hv_equal(a, b);
        return zl_hv_bool(E, n->op == ZL_HCL_OP_EQ ? eq : !eq, n->span);
    }
    if (a->kind == ZL_HV_UNKNOWN || b->kind == ZL_HV_UNKNOWN || a->kind == ZL_HV_REF || b->kind == ZL_HV_REF)
        return zl_hv_unknown(E, n->span);
    if (n->op == ZL_HCL_OP_AND || n->op == ZL_HCL_OP_OR) {
        bool x, y;
        if (!truthy(a, &x) || !truthy(b, &y))
            return zl_hv_unknown(E, n->span);
        return zl_hv_bool(E, n->op == ZL_HCL_OP_AND ? x && y : x || y, n->span);
    }
    double x, y;
    if (!to_num(a, &x) || !to_num(b, &y))
        return zl_hv_unknown(E, n->span);
    switch (n->op) {
    case ZL_HCL_OP_LT: return zl_hv_bool(E, x < y, n->span);
    case ZL_HCL_OP_LE: return zl_hv_bool(E, x <= y, n->span);
    case ZL_HCL_OP_GT: return zl_hv_bool(E, x > y, n->span);
    case ZL_HCL_OP_GE: return zl_hv_bool(E, x >= y, n->span);
    case ZL_HCL_OP_ADD: return zl_hv_num(E, x + y, n->span);
    case ZL_HCL_OP_SUB: return zl_hv_num(E, x - y, n->span);
    case ZL_HCL_OP_MUL: return zl_hv_num(E, x * y, n->span);
    case ZL_HCL_OP_DIV: return y == 0 ? zl_hv_unknown(E, n->span) : zl_hv_num(E, x / y, n->span);
    case ZL_HCL_OP_MOD:
        return y == 0 || !isfinite(x) ? zl_hv_unknown(E, n->span) : zl_hv_num(E, fmod(x, y), n->span);
    default: return zl_hv_unknown(E, n->span);
    }
}

static const struct zl_hv *template(struct zl_hcl_eval *E, const struct zl_hcl_node *n);

static bool template_append(struct zl_hcl_eval *E, struct zl_hv_strb *b, const struct zl_hcl_node *n)
{
    for (uint32_t i = 0; i < n->nkids; i++) {
        const struct zl_hcl_node *p = n->kids[i];
        if (p->kind == ZL_HCL_LIT) {
            struct zl_hv s;
            memset(&s, 0, sizeof s);
            s.kind = ZL_HV_STR;
            s.s = p->s;
            s.len = (uint32_t)p->len;
            struct zl_hv_seg g = { 0, (uint32_t)p->len, p->span,
                                   (p->flags & ZL_HCL_F_EXACT) && p->span.line == p->span.end_line };
            s.segs = &g;
            s.nsegs = 1;
            zl_hv_strb_add(E, b, &s);
            continue;
        }
        if (p->kind == ZL_HCL_TPL_IF) {
            const struct zl_hv *c = eval(E, p->kids[0]);
            bool t;
            if (!truthy(c, &t))
                return false;
            const struct zl_hcl_node *branch = t ? p->kids[1] : p->kids[2];
            if (branch && !template_append(E, b, branch))
                return false;
            continue;
        }
        if (p->kind == ZL_HCL_TPL_FOR) {
            const struct zl_hv *coll = eval(E, p->kids[0]);
            if (coll->kind != ZL_HV_LIST && coll->kind != ZL_HV_MAP)
                return false;
            for (uint32_t k = 0; k < coll->n; k++) {
                struct zl_hcl_scope sk, sv;
                const struct zl_hcl_scope *saved = E->scope;
                const struct zl_hv *key = coll->kind == ZL_HV_MAP
                                              ? zl_hv_str(E, coll->keys[k], coll->klens[k], p->span, false)
                                              : zl_hv_num(E, k, p->span);
                sv = (struct zl_hcl_scope){ p->s2, p->len2, coll->items[k], E->scope };
                E->scope = &sv;
                if (p->s) {
                    sk = (struct zl_hcl_scope){ p->s, p->len, key, E->scope };
                    E->scope = &sk;
                }
                bool ok = template_append(E, b, p->kids[1]);
                E->scope = saved;
                if (!ok)
                    return false;
            }
            continue;
        }
        const struct zl_hv *v = eval(E, p);
        const struct zl_hv *s = zl_hv_to_str(E, v);
        if (!s)
            return false;
        zl_hv_strb_add(E, b, s);
    }
    return true;
}

static const struct zl_hv *template(struct zl_hcl_eval *E, const struct zl_hcl_node *n)
{
    /* "${x}" alone is x itself, of whatever type. */
    if (n->nkids == 1 && n->kids[0]->kind == ZL_HCL_PAREN && !(n->flags & ZL_HCL_F_HEREDOC))
        return eval(E, n->kids[0]->kids[0]);
    struct zl_hv_strb b;
    memset(&b, 0, sizeof b);
    if (!template_append(E, &b, n))
        return zl_hv_unknown(E, n->span);
    return zl_hv_strb_done(E, &b, n->span);
}

static const struct zl_hv *object(struct zl_hcl_eval *E, const struct zl_hcl_node *n)
{
    struct zl_hv *m = zl_hv_new(E, ZL_HV_MAP, n->span);
    for (uint32_t i = 0; i + 1 < n->nkids; i += 2) {
        const struct zl_hcl_node *kn = n->kids[i];
        const struct zl_hv *k;
        /* A bare name is the key itself, not a variable. */
        if (kn->kind == ZL_HCL_VAR || kn->kind == ZL_HCL_BOOL || kn->kind == ZL_HCL_NULL)
            k = zl_hv_str(E, kn->s, kn->len, kn->span, true);
        else
            k = zl_hv_to_str(E, eval(E, kn));
        if (!k)
            return zl_hv_unknown(E, n->span);
        zl_hv_put(E, m, k->s, k->len, eval(E, n->kids[i + 1]));
    }
    zl_hv_map_done(m);
    return m;
}

static const struct zl_hv *for_expr(struct zl_hcl_eval *E, const struct zl_hcl_node *n)
{
    const struct zl_hv *coll = eval(E, n->kids[0]);
    if (coll->kind != ZL_HV_LIST && coll->kind != ZL_HV_MAP)
        return zl_hv_unknown(E, n->span);
    bool is_obj = n->kids[1] != NULL;
    struct zl_hv *out = zl_hv_new(E, is_obj ? ZL_HV_MAP : ZL_HV_LIST, n->span);
    const struct zl_hcl_scope *saved = E->scope;
    for (uint32_t k = 0; k < coll->n; k++) {
        const struct zl_hv *key = coll->kind == ZL_HV_MAP
                                      ? zl_hv_str(E, coll->keys[k], coll->klens[k], n->span, false)
                                      : zl_hv_num(E, k, n->span);
        struct zl_hcl_scope sk, sv;
        sv = (struct zl_hcl_scope){ n->s2, n->len2, coll->items[k], saved };
        E->scope = &sv;
        if (n->s) {
            sk = (struct zl_hcl_scope){ n->s, n->len, key, E->scope };
            E->scope = &sk;
        }
        if (n->kids[3]) {
            bool keep;
            if (!truthy(eval(E, n->kids[3]), &keep)) {
                E->scope = saved;
                return zl_hv_unknown(E, n->span);
            }
            if (!keep)
                continue;
        }
        const struct zl_hv *val = eval(E, n->kids[2]);
        if (!is_obj) {
            zl_hv_push(E, out, val);
            continue;
        }
        const struct zl_hv *ks = zl_hv_to_str(E, eval(E, n->kids[1]));
        if (!ks) {
            E->scope = saved;
            return zl_hv_unknown(E, n->span);
        }
        if (n->flags & ZL_HCL_F_GROUP) {
            struct zl_hv *g = (struct zl_hv *)zl_hv_get(out, ks->s, ks->len);
            if (!g) {
                g = zl_hv_new(E, ZL_HV_LIST, n->span);
                zl_hv_put(E, out, ks->s, ks->len, g);
            }
            zl_hv_push(E, g, val);
        } else {
            zl_hv_put(E, out, ks->s, ks->len, val);
        }
    }
    E->scope = saved;
    if (is_obj)
        zl_hv_map_done(out);
    return out;
}

static const struct zl_hv *index_value(struct zl_hcl_eval *E, const struct zl_hv *c, const struct zl_hv *k,
                                       struct zl_span at)
{
    if (c->kind == ZL_HV_REF)
        return E->res && E->res->index ? E->res->index(E, c, k, at) : zl_hv_unknown(E, at);
    if (k->kind == ZL_HV_UNKNOWN || c->kind == ZL_HV_UNKNOWN || k->kind == ZL_HV_REF)
        return zl_hv_unknown(E, at);
    if (c->kind == ZL_HV_LIST) {
        double x;
        if (!to_num(k, &x) || x < 0 || x != floor(x) || x >= c->n)
            return zl_hv_unknown(E, at);
        return c->items[(uint32_t)x];
    }
    if (c->kind == ZL_HV_MAP) {
        const struct zl_hv *ks = zl_hv_to_str(E, k);
        const struct zl_hv *v = ks ? zl_hv_get(c, ks->s, ks->len) : NULL;
        return v ? v : zl_hv_unknown(E, at);
    }
    return zl_hv_unknown(E, at);
}

static const struct zl_hv *attr_value(struct zl_hcl_eval *E, const struct zl_hv *o, const char *name, size_t len,
                                      struct zl_span at)
{
    if (o->kind == ZL_HV_REF)
        return E->res && E->res->attr ? E->res->attr(E, o, name, len, at) : zl_hv_unknown(E, at);
    if (o->kind == ZL_HV_MAP) {
        const struct zl_hv *v = zl_hv_get(o, name, len);
        return v ? v : zl_hv_unknown(E, at);
    }
    return zl_hv_unknown(E, at);
}

static const struct zl_hv *splat(struct zl_hcl_eval *E, const struct zl_hcl_node *n)
{
    const struct zl_hv *src = eval(E, n->kids[0]);
    if (src->kind == ZL_HV_UNKNOWN || src->kind == ZL_HV_REF)
        return zl_hv_unknown(E, n->span);
    struct zl_hv *out = zl_hv_new(E, ZL_HV_LIST, n->span);
    if (src->kind == ZL_HV_NULL)
        return out;
    const struct zl_hv *one[1] = { src };
    const struct zl_hv *const *items = src->kind == ZL_HV_LIST ? (const struct zl_hv *const *)src->items : one;
    uint32_t count = src->kind == ZL_HV_LIST ? src->n : 1;
    const struct zl_hcl_scope *saved = E->scope;
    for (uint32_t i = 0; i < count; i++) {
        struct zl_hcl_scope s = { "@", 1, items[i], saved };
        E->scope = &s;
        zl_hv_push(E, out, n->nkids > 1 && n->kids[1] ? eval(E, n->kids[1]) : items[i]);
        E->scope = saved;
    }
    return out;
}

static const struct zl_hv *call(struct zl_hcl_eval *E, const struct zl_hcl_node *n)
{
    enum { MAX_ARGS = 64 };
    const struct zl_hv *args[MAX_ARGS];
    uint32_t na = 0;
    for (uint32_t i = 0; i < n->nkids && na < MAX_ARGS; i++) {
        const struct zl_hv *v = eval(E, n->kids[i]);
        if (i + 1 == n->nkids && (n->flags & ZL_HCL_F_EXPAND)) {
            if (v->kind != ZL_HV_LIST)
                return zl_hv_unknown(E, n->span);
            for (uint32_t k = 0; k < v->n && na < MAX_ARGS; k++)
                args[na++] = v->items[k];
            continue;
        }
        args[na++] = v;
    }
    if (n->nkids > MAX_ARGS)
        return zl_hv_unknown(E, n->span);
    return zl_hcl_call_fn(E, n->s, n->len, args, na, n->span);
}

static const struct zl_hv *eval(struct zl_hcl_eval *E, const struct zl_hcl_node *n)
{
    if (!n)
        return zl_hv_new(E, ZL_HV_NULL, E->scope ? E->scope->val->span : (struct zl_span){ 0 });
    if (E->exhausted || E->depth >= ZL_HCL_EVAL_MAX_DEPTH || ++E->steps > ZL_HCL_EVAL_MAX_STEPS ||
        (E->arena->limit && E->arena->exhausted)) {
        E->exhausted = true;
        return zl_hv_unknown(E, n->span);
    }
    E->depth++;
    const struct zl_hv *r;
    switch ((enum zl_hcl_kind)n->kind) {
    case ZL_HCL_NULL: r = zl_hv_new(E, ZL_HV_NULL, n->span); break;
    case ZL_HCL_BOOL: r = zl_hv_bool(E, n->num != 0, n->span); break;
    case ZL_HCL_NUM: r = zl_hv_num(E, n->num, n->span); break;
    case ZL_HCL_LIT: r = zl_hv_str(E, n->s, n->len, n->span, (n->flags & ZL_HCL_F_EXACT) != 0); break;
    case ZL_HCL_TEMPLATE: r = template(E, n); break;
    case ZL_HCL_TUPLE: {
        struct zl_hv *l = zl_hv_new(E, ZL_HV_LIST, n->span);
        for (uint32_t i = 0; i < n->nkids; i++)
            zl_hv_push(E, l, eval(E, n->kids[i]));
        r = l;
        break;
    }
    case ZL_HCL_OBJECT: r = object(E, n); break;
    case ZL_HCL_VAR: {
        const struct zl_hv *b = lookup_scope(E, n->s, n->len);
        r = b ? b : E->res && E->res->root ? E->res->root(E, n) : zl_hv_unknown(E, n->span);
        break;
    }
    case ZL_HCL_ANON: {
        const struct zl_hv *b = lookup_scope(E, "@", 1);
        r = b ? b : zl_hv_unknown(E, n->span);
        break;
    }
    case ZL_HCL_GETATTR: r = attr_value(E, eval(E, n->kids[0]), n->s, n->len, n->span); break;
    case ZL_HCL_INDEX: r = index_value(E, eval(E, n->kids[0]), eval(E, n->kids[1]), n->span); break;
    case ZL_HCL_SPLAT: r = splat(E, n); break;
    case ZL_HCL_CALL: r = call(E, n); break;
    case ZL_HCL_UNARY: {
        const struct zl_hv *a = eval(E, n->kids[0]);
        bool t;
        double x;
        if (n->op == '!')
            r = truthy(a, &t) ? zl_hv_bool(E, !t, n->span) : zl_hv_unknown(E, n->span);
        else
            r = to_num(a, &x) ? zl_hv_num(E, -x, n->span) : zl_hv_unknown(E, n->span);
        break;
    }
    case ZL_HCL_BINARY: r = binary(E, n); break;
    case ZL_HCL_COND: {
        bool t;
        if (!truthy(eval(E, n->kids[0]), &t))
            r = zl_hv_unknown(E, n->span);
        else
            r = eval(E, n->kids[t ? 1 : 2]);
        break;
    }
    case ZL_HCL_FOR: r = for_expr(E, n); break;
    case ZL_HCL_PAREN: r = eval(E, n->kids[0]); break;
    default: r = zl_hv_unknown(E, n->span); break;
    }
    E->depth--;
    /* A reference that stopped half way (var alone, aws_x.y without an
     * attribute) is not a value. */
    return r;
}

const struct zl_hv *zl_hcl_eval(struct zl_hcl_eval *E, const struct zl_hcl_node *n)
{
    const struct zl_hv *v = eval(E, n);
    /* Past a bound, a value may be partly built: none of it counts. */
    return E->exhausted ? zl_hv_unknown(E, n->span) : v;
}
