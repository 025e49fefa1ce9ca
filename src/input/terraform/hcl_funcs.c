/* SPDX-License-Identifier: MIT */
/* Terraform's built-in functions that DNS and SES modules use, evaluated
 * statically (developer.hashicorp.com/terraform/language/functions). One
 * table row per function. Anything not here, or called with arguments that
 * are unknown or of the wrong type, is UNKNOWN: never a guess. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/terraform/hcl_eval.h"

typedef const struct zl_hv *(*fn_t)(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at);

#define U() zl_hv_unknown(E, at)

static bool is_str(const struct zl_hv *v)
{
    return v && v->kind == ZL_HV_STR;
}

static bool is_coll(const struct zl_hv *v)
{
    return v && (v->kind == ZL_HV_LIST || v->kind == ZL_HV_MAP);
}

/* Strings where a string is expected: numbers and bools convert. */
static const struct zl_hv *str_arg(struct zl_hcl_eval *E, const struct zl_hv *v)
{
    return v ? zl_hv_to_str(E, v) : NULL;
}

/* A string whose bytes are those of s, mapped byte for byte (same length). */
static const struct zl_hv *same_shape(struct zl_hcl_eval *E, const struct zl_hv *s, char *text, struct zl_span at)
{
    struct zl_hv *v = zl_hv_new(E, ZL_HV_STR, at);
    v->s = text;
    v->len = s->len;
    v->segs = s->segs;
    v->nsegs = s->nsegs;
    return v;
}

/* A substring [a, b) of s, keeping the segments' positions. */
static const struct zl_hv *slice_str(struct zl_hcl_eval *E, const struct zl_hv *s, size_t a, size_t b,
                                     struct zl_span at)
{
    struct zl_hv_strb sb;
    memset(&sb, 0, sizeof sb);
    for (uint32_t i = 0; i < s->nsegs; i++) {
        struct zl_hv_seg g = s->segs[i];
        size_t lo = g.off > a ? g.off : a, hi = g.off + g.len < b ? g.off + g.len : b;
        if (lo >= hi)
            continue;
        struct zl_hv part;
        memset(&part, 0, sizeof part);
        part.kind = ZL_HV_STR;
        part.s = s->s + lo;
        part.len = (uint32_t)(hi - lo);
        struct zl_hv_seg pg = { 0, part.len, g.span, g.exact };
        if (g.exact)
            pg.span.col += (uint32_t)(lo - g.off);
        part.segs = &pg;
        part.nsegs = 1;
        zl_hv_strb_add(E, &sb, &part);
    }
    if (s->nsegs == 0)
        zl_hv_strb_raw(E, &sb, s->s + a, b - a, s->span);
    return zl_hv_strb_done(E, &sb, at);
}

static const struct zl_hv *f_lower(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    const struct zl_hv *s = n == 1 ? str_arg(E, a[0]) : NULL;
    if (!s)
        return U();
    char *t = zl_arena_strndup(E->arena, s->s, s->len);
    for (uint32_t i = 0; i < s->len; i++)
        t[i] = (char)tolower((unsigned char)t[i]);
    return same_shape(E, s, t, at);
}

static const struct zl_hv *f_upper(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    const struct zl_hv *s = n == 1 ? str_arg(E, a[0]) : NULL;
    if (!s)
        return U();
    char *t = zl_arena_strndup(E->arena, s->s, s->len);
    for (uint32_t i = 0; i < s->len; i++)
        t[i] = (char)toupper((unsigned char)t[i]);
    return same_shape(E, s, t, at);
}

static bool space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static const struct zl_hv *f_trimspace(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    const struct zl_hv *s = n == 1 ? str_arg(E, a[0]) : NULL;
    if (!s)
        return U();
    size_t b = 0, e = s->len;
    while (b < e && space(s->s[b]))
        b++;
    while (e > b && space(s->s[e - 1]))
        e--;
    return slice_str(E, s, b, e, at);
}

static const struct zl_hv *f_chomp(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    const struct zl_hv *s = n == 1 ? str_arg(E, a[0]) : NULL;
    if (!s)
        return U();
    size_t e = s->len;
    while (e > 0 && (s->s[e - 1] == '\n' || s->s[e - 1] == '\r'))
        e--;
    return slice_str(E, s, 0, e, at);
}

static const struct zl_hv *f_trimprefix(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    const struct zl_hv *s = n == 2 ? str_arg(E, a[0]) : NULL, *p = n == 2 ? str_arg(E, a[1]) : NULL;
    if (!s || !p)
        return U();
    bool has = p->len <= s->len && !memcmp(s->s, p->s, p->len);
    return slice_str(E, s, has ? p->len : 0, s->len, at);
}

static const struct zl_hv *f_trimsuffix(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    const struct zl_hv *s = n == 2 ? str_arg(E, a[0]) : NULL, *p = n == 2 ? str_arg(E, a[1]) : NULL;
    if (!s || !p)
        return U();
    bool has = p->len <= s->len && !memcmp(s->s + s->len - p->len, p->s, p->len);
    return slice_str(E, s, 0, has ? s->len - p->len : s->len, at);
}

static const struct zl_hv *f_trim(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    const struct zl_hv *s = n == 2 ? str_arg(E, a[0]) : NULL, *c = n == 2 ? str_arg(E, a[1]) : NULL;
    if (!s || !c)
        return U();
    size_t b = 0, e = s->len;
    while (b < e && memchr(c->s, s->s[b], c->len))
        b++;
    while (e > b && memchr(c->s, s->s[e - 1], c->len))
        e--;
    return slice_str(E, s, b, e, at);
}

static const struct zl_hv *f_replace(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    const struct zl_hv *s = n == 3 ? str_arg(E, a[0]) : NULL, *o = n == 3 ? str_arg(E, a[1]) : NULL;
    const struct zl_hv *r = n == 3 ? str_arg(E, a[2]) : NULL;
    if (!s || !o || !r)
        return U();
    if (o->len >= 2 && o->s[0] == '/' && o->s[o->len - 1] == '/')
        return U(); /* a regular expression (RE2): not evaluated here */
    if (o->len == 0)
        return s;
    struct zl_hv_strb b;
    memset(&b, 0, sizeof b);
    size_t i = 0, from = 0;
    while (i + o->len <= s->len) {
        if (!memcmp(s->s + i, o->s, o->len)) {
            if (i > from) {
                const struct zl_hv *part = slice_str(E, s, from, i, at);
                zl_hv_strb_add(E, &b, part);
            }
            zl_hv_strb_add(E, &b, r);
            i += o->len;
            from = i;
        } else {
            i++;
        }
    }
    if (from < s->len)
        zl_hv_strb_add(E, &b, slice_str(E, s, from, s->len, at));
    return zl_hv_strb_done(E, &b, at);
}

static const struct zl_hv *f_substr(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    const struct zl_hv *s = n == 3 ? str_arg(E, a[0]) : NULL;
    if (!s || a[1]->kind != ZL_HV_NUM || a[2]->kind != ZL_HV_NUM)
        return U();
    /* Offsets count characters; only ASCII is handled exactly. */
    for (uint32_t i = 0; i < s->len; i++)
        if ((unsigned char)s->s[i] >= 0x80)
            return U();
    double off = a[1]->num, len = a[2]->num;
    if (off < 0)
        off += s->len;
    if (off < 0 || off > s->len)
        return U();
    size_t b = (size_t)off, e = len < 0 || b + (size_t)len > s->len ? s->len : b + (size_t)len;
    return slice_str(E, s, b, e, at);
}

static const struct zl_hv *f_join(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    const struct zl_hv *sep = n >= 2 ? str_arg(E, a[0]) : NULL;
    if (!sep)
        return U();
    struct zl_hv_strb b;
    memset(&b, 0, sizeof b);
    bool first = true;
    for (uint32_t k = 1; k < n; k++) {
        if (a[k]->kind != ZL_HV_LIST)
            return U();
        for (uint32_t i = 0; i < a[k]->n; i++) {
            const struct zl_hv *s = str_arg(E, a[k]->items[i]);
            if (!s)
                return U();
            if (!first)
                zl_hv_strb_add(E, &b, sep);
            zl_hv_strb_add(E, &b, s);
            first = false;
        }
    }
    return zl_hv_strb_done(E, &b, at);
}

static const struct zl_hv *f_split(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    const struct zl_hv *sep = n == 2 ? str_arg(E, a[0]) : NULL, *s = n == 2 ? str_arg(E, a[1]) : NULL;
    if (!sep || !s || sep->len == 0)
        return U();
    struct zl_hv *l = zl_hv_new(E, ZL_HV_LIST, at);
    size_t from = 0;
    for (size_t i = 0; i + sep->len <= s->len;) {
        if (!memcmp(s->s + i, sep->s, sep->len)) {
            zl_hv_push(E, l, slice_str(E, s, from, i, at));
            i += sep->len;
            from = i;
        } else {
            i++;
        }
    }
    zl_hv_push(E, l, slice_str(E, s, from, s->len, at));
    return l;
}

/* format and formatlist: %s %d %v %q %f %%, with an optional width. */
static const struct zl_hv *format_one(struct zl_hcl_eval *E, const struct zl_hv *f, const struct zl_hv **a,
                                      uint32_t n, struct zl_span at)
{
    struct zl_hv_strb b;
    memset(&b, 0, sizeof b);
    uint32_t arg = 0;
    size_t lit = 0;
    for (size_t i = 0; i < f->len; i++) {
        if (f->s[i] != '%')
            continue;
        if (i > lit)
            zl_hv_strb_add(E, &b, slice_str(E, f, lit, i, at));
        size_t j = i + 1;
        if (j < f->len && f->s[j] == '%') {
            zl_hv_strb_raw(E, &b, "%", 1, at);
            i = j;
            lit = j + 1;
            continue;
        }
        while (j < f->len && (isdigit((unsigned char)f->s[j]) || f->s[j] == '.' || f->s[j] == '-' ||
                              f->s[j] == '+' || f->s[j] == '#' || f->s[j] == ' '))
            j++;
        if (j >= f->len || arg >= n || j - i > 1)
            return U(); /* widths, precisions and missing arguments: not evaluated */
        const struct zl_hv *v = a[arg++];
        char c = f->s[j];
        if (c == 's' || c == 'v') {
            const struct zl_hv *s = str_arg(E, v);
            if (!s)
                return U();
            zl_hv_strb_add(E, &b, s);
        } else if (c == 'd') {
            if (v->kind != ZL_HV_NUM || v->num != floor(v->num))
                return U();
            char t[40];
            int k = snprintf(t, sizeof t, "%.0f", v->num);
            zl_hv_strb_raw(E, &b, t, (size_t)k, v->span);
        } else if (c == 'q') {
            const struct zl_hv *s = str_arg(E, v);
            if (!s || memchr(s->s, '"', s->len) || memchr(s->s, '\\', s->len))
                return U();
            zl_hv_strb_raw(E, &b, "\"", 1, at);
            zl_hv_strb_add(E, &b, s);
            zl_hv_strb_raw(E, &b, "\"", 1, at);
        } else {
            return U();
        }
        i = j;
        lit = j + 1;
    }
    if (lit < f->len)
        zl_hv_strb_add(E, &b, slice_str(E, f, lit, f->len, at));
    return zl_hv_strb_done(E, &b, at);
}

static const struct zl_hv *f_format(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    const struct zl_hv *f = n >= 1 ? str_arg(E, a[0]) : NULL;
    for (uint32_t i = 1; i < n; i++)
        if (zl_hv_has_unknown(a[i]))
            return U();
    return f ? format_one(E, f, a + 1, n - 1, at) : U();
}

static const struct zl_hv *f_formatlist(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    const struct zl_hv *f = n >= 1 ? str_arg(E, a[0]) : NULL;
    if (!f || n > 17)
        return U();
    uint32_t len = 0;
    bool have = false;
    for (uint32_t i = 1; i < n; i++) {
        if (zl_hv_has_unknown(a[i]))
            return U();
        if (a[i]->kind == ZL_HV_LIST) {
            if (have && a[i]->n != len)
                return U();
            len = a[i]->n;
            have = true;
        }
    }
    if (!have)
        return U();
    struct zl_hv *l = zl_hv_new(E, ZL_HV_LIST, at);
    for (uint32_t k = 0; k < len; k++) {
        const struct zl_hv *row[16];
        for (uint32_t i = 1; i < n; i++)
            row[i - 1] = a[i]->kind == ZL_HV_LIST ? a[i]->items[k] : a[i];
        zl_hv_push(E, l, format_one(E, f, row, n - 1, at));
    }
    return l;
}

static const struct zl_hv *f_concat(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    struct zl_hv *l = zl_hv_new(E, ZL_HV_LIST, at);
    for (uint32_t k = 0; k < n; k++) {
        if (a[k]->kind != ZL_HV_LIST)
            return U();
        for (uint32_t i = 0; i < a[k]->n; i++)
            zl_hv_push(E, l, a[k]->items[i]);
    }
    return l;
}

static const struct zl_hv *f_element(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 2 || a[0]->kind != ZL_HV_LIST || a[1]->kind != ZL_HV_NUM || a[0]->n == 0 || a[1]->num < 0)
        return U();
    return a[0]->items[(uint64_t)a[1]->num % a[0]->n]; /* element() wraps around */
}

static const struct zl_hv *f_lookup(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if ((n != 2 && n != 3) || a[0]->kind != ZL_HV_MAP)
        return U();
    const struct zl_hv *k = str_arg(E, a[1]);
    if (!k)
        return U();
    const struct zl_hv *v = zl_hv_get(a[0], k->s, k->len);
    return v ? v : n == 3 ? a[2] : U();
}

static const struct zl_hv *f_tolist(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 1 || a[0]->kind != ZL_HV_LIST)
        return U();
    return a[0];
}

/* toset: unique values; Terraform orders a set of strings lexically. */
static int cmp_str(const void *x, const void *y)
{
    const struct zl_hv *a = *(const struct zl_hv *const *)x, *b = *(const struct zl_hv *const *)y;
    int c = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);
    return c ? c : (a->len > b->len) - (a->len < b->len);
}

static const struct zl_hv *f_toset(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 1 || a[0]->kind != ZL_HV_LIST)
        return U();
    struct zl_hv *l = zl_hv_new(E, ZL_HV_LIST, at);
    l->set = true;
    for (uint32_t i = 0; i < a[0]->n; i++) {
        const struct zl_hv *s = str_arg(E, a[0]->items[i]);
        if (!s)
            return U();
        bool dup = false;
        for (uint32_t k = 0; k < l->n && !dup; k++)
            dup = l->items[k]->len == s->len && !memcmp(l->items[k]->s, s->s, s->len);
        if (!dup)
            zl_hv_push(E, l, s);
    }
    if (l->n > 1)
        qsort(l->items, l->n, sizeof *l->items, cmp_str);
    return l;
}

static const struct zl_hv *f_keys(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 1 || a[0]->kind != ZL_HV_MAP)
        return U();
    struct zl_hv *l = zl_hv_new(E, ZL_HV_LIST, at);
    for (uint32_t i = 0; i < a[0]->n; i++)
        zl_hv_push(E, l, zl_hv_str(E, a[0]->keys[i], a[0]->klens[i], a[0]->span, false));
    return l;
}

static const struct zl_hv *f_values(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 1 || a[0]->kind != ZL_HV_MAP)
        return U();
    struct zl_hv *l = zl_hv_new(E, ZL_HV_LIST, at);
    for (uint32_t i = 0; i < a[0]->n; i++)
        zl_hv_push(E, l, a[0]->items[i]);
    return l;
}

static const struct zl_hv *f_length(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 1)
        return U();
    if (is_coll(a[0]))
        return zl_hv_num(E, a[0]->n, at);
    if (is_str(a[0])) {
        size_t chars = 0;
        for (uint32_t i = 0; i < a[0]->len; i++)
            chars += ((unsigned char)a[0]->s[i] & 0xc0) != 0x80;
        return zl_hv_num(E, (double)chars, at);
    }
    return U();
}

static const struct zl_hv *f_coalesce(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    for (uint32_t i = 0; i < n; i++) {
        if (a[i]->kind == ZL_HV_UNKNOWN || a[i]->kind == ZL_HV_REF)
            return U();
        if (a[i]->kind == ZL_HV_NULL || (a[i]->kind == ZL_HV_STR && a[i]->len == 0))
            continue;
        return a[i];
    }
    return U();
}

static const struct zl_hv *f_coalescelist(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    for (uint32_t i = 0; i < n; i++) {
        if (a[i]->kind != ZL_HV_LIST)
            return U();
        if (a[i]->n)
            return a[i];
    }
    return U();
}

static const struct zl_hv *f_compact(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 1 || a[0]->kind != ZL_HV_LIST)
        return U();
    struct zl_hv *l = zl_hv_new(E, ZL_HV_LIST, at);
    for (uint32_t i = 0; i < a[0]->n; i++) {
        const struct zl_hv *v = a[0]->items[i];
        if (v->kind == ZL_HV_UNKNOWN)
            return U();
        if (v->kind == ZL_HV_NULL || (v->kind == ZL_HV_STR && v->len == 0))
            continue;
        zl_hv_push(E, l, v);
    }
    return l;
}

static void flatten_into(struct zl_hcl_eval *E, struct zl_hv *l, const struct zl_hv *v, unsigned depth)
{
    if (v->kind == ZL_HV_LIST && depth < 32) {
        for (uint32_t i = 0; i < v->n; i++)
            flatten_into(E, l, v->items[i], depth + 1);
        return;
    }
    zl_hv_push(E, l, v);
}

static const struct zl_hv *f_flatten(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 1 || a[0]->kind != ZL_HV_LIST)
        return U();
    struct zl_hv *l = zl_hv_new(E, ZL_HV_LIST, at);
    flatten_into(E, l, a[0], 0);
    return l;
}

static const struct zl_hv *f_merge(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    struct zl_hv *m = zl_hv_new(E, ZL_HV_MAP, at);
    for (uint32_t k = 0; k < n; k++) {
        if (a[k]->kind == ZL_HV_NULL)
            continue;
        if (a[k]->kind != ZL_HV_MAP)
            return U();
        for (uint32_t i = 0; i < a[k]->n; i++)
            zl_hv_put(E, m, a[k]->keys[i], a[k]->klens[i], a[k]->items[i]);
    }
    zl_hv_map_done(m);
    return m;
}

static const struct zl_hv *f_distinct(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 1 || a[0]->kind != ZL_HV_LIST || zl_hv_has_unknown(a[0]))
        return U();
    struct zl_hv *l = zl_hv_new(E, ZL_HV_LIST, at);
    for (uint32_t i = 0; i < a[0]->n; i++) {
        const struct zl_hv *v = a[0]->items[i];
        bool dup = false;
        for (uint32_t k = 0; k < l->n && !dup; k++)
            dup = v->kind == ZL_HV_STR && l->items[k]->kind == ZL_HV_STR && v->len == l->items[k]->len &&
                  !memcmp(v->s, l->items[k]->s, v->len);
        if (!dup)
            zl_hv_push(E, l, v);
    }
    return l;
}

static const struct zl_hv *f_contains(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 2 || a[0]->kind != ZL_HV_LIST || zl_hv_has_unknown(a[0]) || !is_str(a[1]))
        return U();
    for (uint32_t i = 0; i < a[0]->n; i++)
        if (is_str(a[0]->items[i]) && a[0]->items[i]->len == a[1]->len &&
            !memcmp(a[0]->items[i]->s, a[1]->s, a[1]->len))
            return zl_hv_bool(E, true, at);
    return zl_hv_bool(E, false, at);
}

static const struct zl_hv *f_zipmap(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 2 || a[0]->kind != ZL_HV_LIST || a[1]->kind != ZL_HV_LIST || a[0]->n != a[1]->n)
        return U();
    struct zl_hv *m = zl_hv_new(E, ZL_HV_MAP, at);
    for (uint32_t i = 0; i < a[0]->n; i++) {
        const struct zl_hv *k = str_arg(E, a[0]->items[i]);
        if (!k)
            return U();
        zl_hv_put(E, m, k->s, k->len, a[1]->items[i]);
    }
    zl_hv_map_done(m);
    return m;
}

static const struct zl_hv *f_range(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    double start = 0, end, step = 1;
    for (uint32_t i = 0; i < n; i++)
        if (a[i]->kind != ZL_HV_NUM)
            return U();
    if (n == 1)
        end = a[0]->num;
    else if (n == 2 || n == 3) {
        start = a[0]->num;
        end = a[1]->num;
        if (n == 3)
            step = a[2]->num;
    } else
        return U();
    if (step == 0 || fabs((end - start) / step) > 1024)
        return U();
    struct zl_hv *l = zl_hv_new(E, ZL_HV_LIST, at);
    for (double x = start; step > 0 ? x < end : x > end; x += step)
        zl_hv_push(E, l, zl_hv_num(E, x, at));
    return l;
}

static const struct zl_hv *f_try(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    /* An unknown argument may be what would have succeeded: only a first
     * argument known in full is the answer. */
    if (n >= 1 && !zl_hv_has_unknown(a[0]))
        return a[0];
    return U();
}

static const struct zl_hv *f_tostring(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    const struct zl_hv *s = n == 1 ? str_arg(E, a[0]) : NULL;
    return s ? s : U();
}

static const struct zl_hv *f_tonumber(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 1)
        return U();
    if (a[0]->kind == ZL_HV_NUM)
        return a[0];
    if (is_str(a[0]) && a[0]->len) {
        char *end;
        double x = strtod(a[0]->s, &end);
        if (*end == '\0')
            return zl_hv_num(E, x, at);
    }
    return U();
}

static const struct zl_hv *f_identity(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    return n == 1 ? a[0] : U(); /* tomap, sensitive, nonsensitive */
}

static const struct zl_hv *f_reverse(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 1 || a[0]->kind != ZL_HV_LIST)
        return U();
    struct zl_hv *l = zl_hv_new(E, ZL_HV_LIST, at);
    for (uint32_t i = a[0]->n; i-- > 0;)
        zl_hv_push(E, l, a[0]->items[i]);
    return l;
}

static const struct zl_hv *f_slice(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 3 || a[0]->kind != ZL_HV_LIST || a[1]->kind != ZL_HV_NUM || a[2]->kind != ZL_HV_NUM ||
        a[1]->num < 0 || a[2]->num > a[0]->n || a[1]->num > a[2]->num)
        return U();
    struct zl_hv *l = zl_hv_new(E, ZL_HV_LIST, at);
    for (uint32_t i = (uint32_t)a[1]->num; i < (uint32_t)a[2]->num; i++)
        zl_hv_push(E, l, a[0]->items[i]);
    return l;
}

static const struct zl_hv *f_one(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 1 || a[0]->kind != ZL_HV_LIST || a[0]->n > 1)
        return U();
    return a[0]->n ? a[0]->items[0] : zl_hv_new(E, ZL_HV_NULL, at);
}

static const struct zl_hv *f_startswith(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 2 || !is_str(a[0]) || !is_str(a[1]))
        return U();
    return zl_hv_bool(E, a[1]->len <= a[0]->len && !memcmp(a[0]->s, a[1]->s, a[1]->len), at);
}

static const struct zl_hv *f_endswith(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 2 || !is_str(a[0]) || !is_str(a[1]))
        return U();
    return zl_hv_bool(E, a[1]->len <= a[0]->len && !memcmp(a[0]->s + a[0]->len - a[1]->len, a[1]->s, a[1]->len), at);
}

static const struct zl_hv *f_strcontains(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 2 || !is_str(a[0]) || !is_str(a[1]))
        return U();
    for (uint32_t i = 0; i + a[1]->len <= a[0]->len; i++)
        if (!memcmp(a[0]->s + i, a[1]->s, a[1]->len))
            return zl_hv_bool(E, true, at);
    return zl_hv_bool(E, false, at);
}

static const struct zl_hv *f_minmax(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at,
                                    bool max)
{
    if (n == 0)
        return U();
    double r = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (a[i]->kind != ZL_HV_NUM)
            return U();
        if (i == 0 || (max ? a[i]->num > r : a[i]->num < r))
            r = a[i]->num;
    }
    return zl_hv_num(E, r, at);
}

static const struct zl_hv *f_max(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    return f_minmax(E, a, n, at, true);
}

static const struct zl_hv *f_min(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    return f_minmax(E, a, n, at, false);
}

static const struct zl_hv *f_index(struct zl_hcl_eval *E, const struct zl_hv **a, uint32_t n, struct zl_span at)
{
    if (n != 2 || a[0]->kind != ZL_HV_LIST || !is_str(a[1]))
        return U();
    for (uint32_t i = 0; i < a[0]->n; i++)
        if (is_str(a[0]->items[i]) && a[0]->items[i]->len == a[1]->len &&
            !memcmp(a[0]->items[i]->s, a[1]->s, a[1]->len))
            return zl_hv_num(E, i, at);
    return U();
}

static const struct { const char *name; fn_t fn; } fns[] = {
    { "chomp", f_chomp },         { "coalesce", f_coalesce },     { "coalescelist", f_coalescelist },
    { "compact", f_compact },     { "concat", f_concat },         { "contains", f_contains },
    { "distinct", f_distinct },   { "element", f_element },       { "endswith", f_endswith },
    { "flatten", f_flatten },     { "format", f_format },         { "formatlist", f_formatlist },
    { "index", f_index },         { "join", f_join },             { "keys", f_keys },
    { "length", f_length },       { "lookup", f_lookup },         { "lower", f_lower },
    { "max", f_max },             { "merge", f_merge },           { "min", f_min },
    { "nonsensitive", f_identity }, { "one", f_one },             { "range", f_range },
    { "replace", f_replace },     { "reverse", f_reverse },       { "sensitive", f_identity },
    { "slice", f_slice },         { "split", f_split },           { "startswith", f_startswith },
    { "strcontains", f_strcontains }, { "substr", f_substr },     { "tolist", f_tolist },
    { "tomap", f_identity },      { "tonumber", f_tonumber },     { "toset", f_toset },
    { "tostring", f_tostring },   { "trim", f_trim },             { "trimprefix", f_trimprefix },
    { "trimspace", f_trimspace }, { "trimsuffix", f_trimsuffix }, { "try", f_try },
    { "upper", f_upper },         { "values", f_values },         { "zipmap", f_zipmap },
};

const struct zl_hv *zl_hcl_call_fn(struct zl_hcl_eval *E, const char *name, size_t len,
                                   const struct zl_hv **args, uint32_t nargs, struct zl_span at)
{
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        if (strlen(fns[i].name) == len && !memcmp(fns[i].name, name, len)) {
            /* try() and coalesce() decide about unknowns themselves; the
             * others need every argument at the top level known. */
            if (fns[i].fn != f_try && fns[i].fn != f_coalesce)
                for (uint32_t k = 0; k < nargs; k++)
                    if (args[k]->kind == ZL_HV_UNKNOWN || args[k]->kind == ZL_HV_REF)
                        return U();
            return fns[i].fn(E, args, nargs, at);
        }
    return U();
}
