/* SPDX-License-Identifier: MIT */
/* CloudFormation intrinsic functions (cfn_eval.h says what is known). */
#include "input/exports/cfn_eval.h"
#include "input/exports/r53_rrset.h"

#include <stdalign.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Bounds per template: far above any real one (thousands of functions,
 * kilobytes of text), low enough that aliases of aliases stop early. A
 * node's value does not depend on where it is used, so each is evaluated
 * once (memo): YAML aliases cost one evaluation, not one per use. */
#define MAX_STEPS 200000u
#define MAX_BYTES (16u << 20)
#define MAX_DEPTH 96
#define MAX_STRING 65536u

struct block {
    struct block *next;
    size_t used, cap;
    alignas(max_align_t) unsigned char data[];
};

enum cond_state { C_UNSEEN, C_BUSY, C_DONE };

struct cfn_eval {
    struct zl_fmt *f;
    size_t doc;
    yaml_node_t *root, *params, *mappings, *conds, *resources;
    struct block *mem;
    unsigned long steps, bytes;
    unsigned depth;
    bool exhausted;
    unsigned char *cstate;   /* per pair of Conditions */
    enum cfn_truth *cvalue;
    struct cfn_val **memo;   /* per node of the document: its value, once known */
    size_t nnodes;
};

/* ---- memory ------------------------------------------------------------------------- */

static void *alloc(struct cfn_eval *e, size_t n)
{
    n = (n + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1);
    if (!e->mem || e->mem->cap - e->mem->used < n) {
        size_t cap = n > 65536 ? n : 65536;
        struct block *b = zl_xmalloc(sizeof *b + cap);
        b->next = e->mem;
        b->used = 0;
        b->cap = cap;
        e->mem = b;
    }
    void *p = e->mem->data + e->mem->used;
    e->mem->used += n;
    return p;
}

const char *cfn_keep(struct cfn_eval *e, const char *s, size_t n)
{
    char *p = alloc(e, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* ---- positions ------------------------------------------------------------------------ */

static void offsets(struct cfn_eval *e, yaml_node_t *n, size_t *a, size_t *b)
{
    zl_y_offsets(&e->f->y, e->doc, n, a, b);
}

struct zl_span cfn_span(struct cfn_eval *e, const struct cfn_val *v, size_t a, size_t b)
{
    return zl_y_map_span(&e->f->y, v->off, a, b);
}

struct zl_span cfn_point(struct cfn_eval *e, size_t off)
{
    size_t m[2] = { off, off };
    return zl_y_map_span(&e->f->y, m, 0, 1);
}

const char *cfn_written(struct cfn_eval *e, yaml_node_t *n, size_t *at)
{
    size_t a, b;
    offsets(e, n, &a, &b);
    *at = a;
    size_t k = a;
    while (k < b && k - a < 60 && e->f->y.data[k] != '\n' && e->f->y.data[k] != '\r')
        k++;
    while (k > a && (e->f->y.data[k - 1] == ' ' || e->f->y.data[k - 1] == ','))
        k--;
    return cfn_keep(e, e->f->y.data + a, k - a);
}

/* ---- values ---------------------------------------------------------------------------- */

static struct cfn_val unknown_at(struct cfn_eval *e, yaml_node_t *n, const char *why)
{
    struct cfn_val v = { .kind = CFN_UNKNOWN, .node = n };
    size_t at;
    const char *w = cfn_written(e, n, &at);
    v.why = why ? why : w;
    v.why_off = at;
    return v;
}

static struct cfn_val wrong(struct cfn_eval *e, yaml_node_t *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The template is wrong: CloudFormation refuses it. Reported here, once. */
static struct cfn_val wrong(struct cfn_eval *e, yaml_node_t *n, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    struct zl_span s = zl_fmt_span(e->f, e->doc, n);
    zl_fmt_error(e->f, &s, "%s", msg);
    struct cfn_val v = unknown_at(e, n, NULL);
    v.error = true;
    return v;
}

/* Unknown because the template is wrong there (reported already). */
static struct cfn_val failed(struct cfn_eval *e, yaml_node_t *n)
{
    struct cfn_val v = unknown_at(e, n, NULL);
    v.error = true;
    return v;
}

static struct cfn_val too_much(struct cfn_eval *e, yaml_node_t *n)
{
    if (!e->exhausted) {
        e->exhausted = true;
        struct zl_span s = zl_fmt_span(e->f, e->doc, n);
        zl_fmt_error(e->f, &s, "this template's intrinsic functions expand beyond what zonelint evaluates "
                               "(%u steps, %u MiB of text); what depends on them is not checked",
                     MAX_STEPS, MAX_BYTES >> 20);
    }
    struct cfn_val v = unknown_at(e, n, NULL);
    v.error = true;
    return v;
}

/* A string under construction. */
struct sb {
    char *s;
    size_t *off;
    size_t len, cap;
    bool over;
};

static void sb_put(struct sb *b, const char *s, size_t n, const size_t *off, size_t at)
{
    if (b->over || b->len + n > MAX_STRING) {
        b->over = true;
        return;
    }
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = zl_xrealloc(b->s, b->cap);
        b->off = zl_xrealloc(b->off, b->cap * sizeof *b->off);
    }
    memcpy(b->s + b->len, s, n);
    for (size_t i = 0; i < n; i++)
        b->off[b->len + i] = off ? off[i] : at;
    b->len += n;
}

/* The finished string (end: the offset after its last byte). */
static struct cfn_val sb_done(struct cfn_eval *e, struct sb *b, size_t end, yaml_node_t *n)
{
    if (b->over) {
        free(b->s);
        free(b->off);
        return wrong(e, n, "this value is longer than %s: no DNS value is", "64 KiB");
    }
    e->bytes += b->len;
    if (e->bytes > MAX_BYTES) {
        free(b->s);
        free(b->off);
        return too_much(e, n);
    }
    struct cfn_val v = { .kind = CFN_STR, .node = n };
    char *s = alloc(e, b->len + 1);
    size_t *off = alloc(e, (b->len + 1) * sizeof *off);
    if (b->len) {
        memcpy(s, b->s, b->len);
        memcpy(off, b->off, b->len * sizeof *off);
    }
    s[b->len] = '\0';
    off[b->len] = end;
    v.s = s;
    v.len = b->len;
    v.off = off;
    free(b->s);
    free(b->off);
    return v;
}

/* A string whose every byte comes from one place [a, b) (a parameter's
 * Default, substituted where it is referred to). */
static struct cfn_val str_at(struct cfn_eval *e, const char *s, size_t n, size_t a, size_t b, yaml_node_t *node)
{
    struct sb sb = { 0 };
    sb_put(&sb, s, n, NULL, a);
    return sb_done(e, &sb, b, node);
}

static struct cfn_val scalar(struct cfn_eval *e, yaml_node_t *n)
{
    size_t len;
    const char *s = zl_y_str(n, &len);
    size_t *map = zl_y_scalar_map(&e->f->y, e->doc, n);
    if (!map) {
        size_t a, b;
        offsets(e, n, &a, &b);
        return str_at(e, s, len, a, b, n);
    }
    struct sb sb = { 0 };
    sb_put(&sb, s, len, map, 0);
    struct cfn_val v = sb_done(e, &sb, map[len], n);
    free(map);
    return v;
}

static bool text_is(const char *s, size_t n, const char *t)
{
    return strlen(t) == n && memcmp(s, t, n) == 0;
}

/* An intrinsic function: a local tag (!Sub, kept by libyaml) or a mapping
 * of one key, Ref, Condition or Fn::Name. *args: the node whose content
 * the function reads (the tagged node itself, or the key's value). */
static bool intrinsic(struct cfn_eval *e, yaml_node_t *n, const char **name, size_t *nlen, yaml_node_t **args)
{
    const char *tag = (const char *)n->tag;
    if (tag && tag[0] == '!' && tag[1]) {
        *name = tag + 1;
        *nlen = strlen(tag + 1);
        *args = n;
        return true;
    }
    if (n->type != YAML_MAPPING_NODE || n->data.mapping.pairs.top - n->data.mapping.pairs.start != 1)
        return false;
    yaml_node_pair_t *p = n->data.mapping.pairs.start;
    yaml_node_t *k = zl_y_node(&e->f->y, e->doc, p->key);
    if (!zl_y_is_scalar(k))
        return false;
    size_t kl;
    const char *ks = zl_y_str(k, &kl);
    if (text_is(ks, kl, "Ref") || text_is(ks, kl, "Condition")) {
        *name = ks;
        *nlen = kl;
    } else if (kl > 4 && !memcmp(ks, "Fn::", 4)) {
        *name = ks + 4;
        *nlen = kl - 4;
    } else {
        return false;
    }
    *args = zl_y_node(&e->f->y, e->doc, p->value);
    return true;
}

/* The arguments of a function that takes a list: from min to max items. */
static int arg_list(struct cfn_eval *e, yaml_node_t *args, const char *fn, size_t min, size_t max,
                    yaml_node_t **out)
{
    size_t n = args->type == YAML_SEQUENCE_NODE
                   ? (size_t)(args->data.sequence.items.top - args->data.sequence.items.start) : 0;
    if (args->type != YAML_SEQUENCE_NODE || n < min || n > max) {
        wrong(e, args, "Fn::%s takes a list of its arguments; CloudFormation refuses the template", fn);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = zl_y_node(&e->f->y, e->doc, args->data.sequence.items.start[i]);
    return (int)n;
}

static yaml_node_t *get(struct cfn_eval *e, yaml_node_t *map, const char *key)
{
    return zl_y_get(&e->f->y, e->doc, map, key);
}

static yaml_node_t *get_n(struct cfn_eval *e, yaml_node_t *map, const char *key, size_t len)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = zl_y_node(&e->f->y, e->doc, p->key);
        size_t kl;
        if (zl_y_is_scalar(k) && zl_y_str(k, &kl) && kl == len && !memcmp(k->data.scalar.value, key, len))
            return zl_y_node(&e->f->y, e->doc, p->value);
    }
    return NULL;
}

yaml_node_t *cfn_resource(struct cfn_eval *e, const char *id, size_t len)
{
    return get_n(e, e->resources, id, len);
}

/* A parameter's value, substituted at [a, b). */
static struct cfn_val parameter(struct cfn_eval *e, yaml_node_t *p, const char *name, size_t nl, yaml_node_t *at,
                                size_t a, size_t b)
{
    yaml_node_t *def = get(e, p, "Default");
    yaml_node_t *type = get(e, p, "Type");
    char note[120];
    size_t tl = 0, dl;
    const char *t = zl_y_is_scalar(type) ? zl_y_str(type, &tl) : "";
    bool ssm = tl >= 26 && !memcmp(t, "AWS::SSM::Parameter::Value", 26);
    if (!zl_y_is_scalar(def) || ssm) {
        struct cfn_val v = unknown_at(e, at, NULL);
        if (ssm)
            snprintf(note, sizeof note, ", a parameter read from SSM when the stack is deployed");
        else
            snprintf(note, sizeof note, ", a parameter without a Default");
        v.note = cfn_keep(e, note, strlen(note));
        size_t wl = strlen(v.why);
        char *w = alloc(e, wl + strlen(note) + 1);
        memcpy(w, v.why, wl);
        strcpy(w + wl, note);
        v.why = w;
        return v;
    }
    const char *d = zl_y_str(def, &dl);
    if (text_is(t, tl, "CommaDelimitedList") || (tl > 5 && !memcmp(t, "List<", 5))) {
        size_t n = 1;
        for (size_t i = 0; i < dl; i++)
            n += d[i] == ',';
        struct cfn_val *items = alloc(e, n * sizeof *items);
        size_t k = 0, s = 0;
        for (size_t i = 0; i <= dl; i++) {
            if (i < dl && d[i] != ',')
                continue;
            size_t x = s, y = i; /* each member space trimmed, as CloudFormation does */
            while (x < y && d[x] == ' ')
                x++;
            while (y > x && d[y - 1] == ' ')
                y--;
            items[k++] = str_at(e, d + x, y - x, a, b, at);
            s = i + 1;
        }
        struct cfn_val v = { .kind = CFN_LIST, .items = items, .n = k, .node = at };
        return v;
    }
    return str_at(e, d, dl, a, b, at);
}

/* Ref Name (at: the node that refers, [a, b) where). */
static struct cfn_val ref(struct cfn_eval *e, const char *name, size_t nl, yaml_node_t *at, size_t a, size_t b)
{
    if (text_is(name, nl, "AWS::NoValue")) {
        struct cfn_val v = { .kind = CFN_NOVALUE, .node = at };
        return v;
    }
    if (nl > 5 && !memcmp(name, "AWS::", 5))
        return unknown_at(e, at, NULL); /* pseudo parameters: the stack's */
    yaml_node_t *p = get_n(e, e->params, name, nl);
    if (p)
        return parameter(e, p, name, nl, at, a, b);
    return unknown_at(e, at, NULL); /* a resource's physical ID, or nothing CloudFormation knows */
}

static struct cfn_val eval(struct cfn_eval *e, yaml_node_t *n);

static struct cfn_val eval_str(struct cfn_eval *e, yaml_node_t *n, const char *what)
{
    struct cfn_val v = eval(e, n);
    if (v.kind == CFN_STR || v.kind == CFN_UNKNOWN)
        return v;
    return wrong(e, n, "%s must be a string here; CloudFormation refuses the template", what);
}

/* Fn::Sub: ${Name} from vars, parameters, pseudo parameters (unknown),
 * resources and Name.Attribute (unknown); ${!Literal} stays "${Literal}". */
static struct cfn_val sub(struct cfn_eval *e, yaml_node_t *fn, yaml_node_t *args)
{
    yaml_node_t *tmpl = args, *vars = NULL;
    if (args->type == YAML_SEQUENCE_NODE) {
        yaml_node_t *a[2];
        if (arg_list(e, args, "Sub", 2, 2, a) < 0)
            return failed(e, fn);
        tmpl = a[0];
        vars = a[1];
    }
    if (!zl_y_is_scalar(tmpl) || (tmpl != args && tmpl->tag && tmpl->tag[0] == '!'))
        return wrong(e, tmpl, "Fn::Sub takes a string (or [string, {variables}]); %s", "CloudFormation refuses the template");
    struct cfn_val t = scalar(e, tmpl);
    if (t.kind != CFN_STR)
        return t;
    struct sb b = { 0 };
    for (size_t i = 0; i < t.len;) {
        if (t.s[i] != '$' || i + 1 >= t.len || t.s[i + 1] != '{') {
            sb_put(&b, t.s + i, 1, t.off + i, 0);
            i++;
            continue;
        }
        if (i + 2 < t.len && t.s[i + 2] == '!') { /* ${!Literal} */
            sb_put(&b, t.s + i, 2, t.off + i, 0);
            i += 3;
            continue;
        }
        const char *close = memchr(t.s + i + 2, '}', t.len - i - 2);
        if (!close) {
            sb_put(&b, t.s + i, t.len - i, t.off + i, 0);
            break;
        }
        size_t j = (size_t)(close - t.s), nl = j - i - 2;
        const char *name = t.s + i + 2;
        size_t a = t.off[i], z = t.off[j + 1];
        struct cfn_val v = { .kind = CFN_UNKNOWN };
        yaml_node_t *var = vars ? get_n(e, vars, name, nl) : NULL;
        if (var) {
            v = eval(e, var);
        } else if (memchr(name, '.', nl) && !(nl > 5 && !memcmp(name, "AWS::", 5))) {
            /* ${Resource.Attribute}: Fn::GetAtt */
        } else {
            v = ref(e, name, nl, tmpl, a, z);
        }
        if (v.kind != CFN_STR) {
            free(b.s);
            free(b.off);
            if (v.kind == CFN_UNKNOWN && v.error)
                return v;
            if (v.kind == CFN_LIST || v.kind == CFN_OBJECT)
                return wrong(e, tmpl, "a Fn::Sub variable must be a string; %s", "CloudFormation refuses the template");
            struct cfn_val u = { .kind = CFN_UNKNOWN, .node = fn };
            char why[200];
            snprintf(why, sizeof why, "${%.*s}%s", (int)(nl > 60 ? 60 : nl), name,
                     v.kind == CFN_UNKNOWN && v.note ? v.note : "");
            u.why = cfn_keep(e, why, strlen(why));
            u.why_off = a;
            return u;
        }
        /* every byte of the value points at the ${Name} it replaces */
        sb_put(&b, v.s, v.len, NULL, a);
        i = j + 1;
    }
    return sb_done(e, &b, t.off[t.len], fn);
}

/* A list value: a plain sequence, or a function that makes one. */
static struct cfn_val list_of(struct cfn_eval *e, yaml_node_t *n, const char *fn)
{
    struct cfn_val v = eval(e, n);
    if (v.kind == CFN_LIST || v.kind == CFN_UNKNOWN)
        return v;
    return wrong(e, n, "Fn::%s needs a list here; CloudFormation refuses the template", fn);
}

static struct cfn_val join(struct cfn_eval *e, yaml_node_t *fn, yaml_node_t *args)
{
    yaml_node_t *a[2];
    if (arg_list(e, args, "Join", 2, 2, a) < 0)
        return failed(e, fn);
    struct cfn_val d = eval_str(e, a[0], "the Fn::Join delimiter");
    if (d.kind != CFN_STR)
        return d;
    struct cfn_val l = list_of(e, a[1], "Join");
    if (l.kind != CFN_LIST)
        return l;
    struct sb b = { 0 };
    bool first = true;
    for (size_t i = 0; i < l.n; i++) {
        const struct cfn_val *it = &l.items[i];
        if (it->kind == CFN_NOVALUE)
            continue;
        if (it->kind != CFN_STR) {
            free(b.s);
            free(b.off);
            if (it->kind == CFN_UNKNOWN)
                return *it;
            return wrong(e, it->node ? it->node : a[1], "Fn::Join joins strings; %s", "CloudFormation refuses the template");
        }
        if (!first)
            sb_put(&b, d.s, d.len, d.off, 0);
        first = false;
        sb_put(&b, it->s, it->len, it->off, 0);
    }
    size_t x, y;
    offsets(e, fn, &x, &y);
    return sb_done(e, &b, y, fn);
}

static bool index_of(const struct cfn_val *v, size_t *out)
{
    if (v->len == 0 || v->len > 6)
        return false;
    size_t x = 0;
    for (size_t i = 0; i < v->len; i++) {
        if (v->s[i] < '0' || v->s[i] > '9')
            return false;
        x = x * 10 + (size_t)(v->s[i] - '0');
    }
    *out = x;
    return true;
}

static struct cfn_val select_fn(struct cfn_eval *e, yaml_node_t *fn, yaml_node_t *args)
{
    yaml_node_t *a[2];
    if (arg_list(e, args, "Select", 2, 2, a) < 0)
        return failed(e, fn);
    struct cfn_val i = eval_str(e, a[0], "the Fn::Select index");
    if (i.kind != CFN_STR)
        return i;
    size_t k;
    if (!index_of(&i, &k))
        return wrong(e, a[0], "the Fn::Select index must be a number; %s", "CloudFormation refuses the template");
    const char *nm;
    size_t nml;
    yaml_node_t *inner;
    if (a[1]->type == YAML_SEQUENCE_NODE && !intrinsic(e, a[1], &nm, &nml, &inner)) {
        /* a literal list: only the item chosen needs a value */
        size_t n = (size_t)(a[1]->data.sequence.items.top - a[1]->data.sequence.items.start);
        if (k >= n)
            return wrong(e, a[0], "Fn::Select picks past the end of its list; %s", "CloudFormation refuses the template");
        return eval(e, zl_y_node(&e->f->y, e->doc, a[1]->data.sequence.items.start[k]));
    }
    struct cfn_val l = list_of(e, a[1], "Select");
    if (l.kind != CFN_LIST)
        return l;
    if (k >= l.n)
        return wrong(e, a[0], "Fn::Select picks past the end of its list; %s", "CloudFormation refuses the template");
    return l.items[k];
}

static struct cfn_val split(struct cfn_eval *e, yaml_node_t *fn, yaml_node_t *args)
{
    yaml_node_t *a[2];
    if (arg_list(e, args, "Split", 2, 2, a) < 0)
        return failed(e, fn);
    struct cfn_val d = eval_str(e, a[0], "the Fn::Split delimiter");
    if (d.kind != CFN_STR)
        return d;
    if (d.len == 0)
        return wrong(e, a[0], "the Fn::Split delimiter is empty; %s", "CloudFormation refuses the template");
    struct cfn_val s = eval_str(e, a[1], "the Fn::Split source");
    if (s.kind != CFN_STR)
        return s;
    size_t n = 1;
    for (size_t i = 0; i + d.len <= s.len; i++)
        if (!memcmp(s.s + i, d.s, d.len)) {
            n++;
            i += d.len - 1;
        }
    struct cfn_val *items = alloc(e, n * sizeof *items);
    size_t k = 0, from = 0;
    for (size_t i = 0; i <= s.len; i++) {
        bool at_end = i == s.len;
        if (!at_end && (i + d.len > s.len || memcmp(s.s + i, d.s, d.len)))
            continue;
        struct sb b = { 0 };
        sb_put(&b, s.s + from, i - from, s.off + from, 0);
        items[k++] = sb_done(e, &b, s.off[i], fn);
        if (at_end)
            break;
        i += d.len - 1;
        from = i + 1;
    }
    struct cfn_val v = { .kind = CFN_LIST, .items = items, .n = k, .node = fn };
    return v;
}

static enum cfn_truth cond_named(struct cfn_eval *e, const char *name, size_t nl, yaml_node_t *at);

static struct cfn_val if_fn(struct cfn_eval *e, yaml_node_t *fn, yaml_node_t *args)
{
    yaml_node_t *a[3];
    if (arg_list(e, args, "If", 3, 3, a) < 0)
        return failed(e, fn);
    if (!zl_y_is_scalar(a[0]))
        return wrong(e, a[0], "Fn::If takes the name of a condition first; %s", "CloudFormation refuses the template");
    size_t nl;
    const char *name = zl_y_str(a[0], &nl);
    enum cfn_truth t = cond_named(e, name, nl, a[0]);
    if (t == CFN_MAYBE)
        return unknown_at(e, fn, NULL);
    return eval(e, t == CFN_TRUE ? a[1] : a[2]);
}

/* v with every byte coming from [a, b). */
static struct cfn_val relocate(struct cfn_eval *e, struct cfn_val v, size_t a, size_t b)
{
    if (v.kind == CFN_STR)
        return str_at(e, v.s, v.len, a, b, v.node);
    if (v.kind == CFN_LIST) {
        struct cfn_val *items = alloc(e, (v.n ? v.n : 1) * sizeof *items);
        for (size_t i = 0; i < v.n; i++)
            items[i] = relocate(e, v.items[i], a, b);
        v.items = items;
    }
    return v;
}

static struct cfn_val find_in_map(struct cfn_eval *e, yaml_node_t *fn, yaml_node_t *args)
{
    yaml_node_t *a[4];
    int n = arg_list(e, args, "FindInMap", 3, 4, a);
    if (n < 0)
        return failed(e, fn);
    struct cfn_val k[3];
    for (int i = 0; i < 3; i++) {
        k[i] = eval_str(e, a[i], "a Fn::FindInMap key");
        if (k[i].kind != CFN_STR)
            return k[i];
    }
    yaml_node_t *m = get_n(e, e->mappings, k[0].s, k[0].len);
    yaml_node_t *top = m ? get_n(e, m, k[1].s, k[1].len) : NULL;
    yaml_node_t *v = top ? get_n(e, top, k[2].s, k[2].len) : NULL;
    if (!v && n == 4) /* AWS::LanguageExtensions: {DefaultValue: x} */
        v = get(e, a[3], "DefaultValue");
    if (v) {
        /* found in Mappings, used here: findings point at the use */
        size_t x, y;
        offsets(e, fn, &x, &y);
        return relocate(e, eval(e, v), x, y);
    }
    return unknown_at(e, fn, NULL); /* not there with these defaults: no value to check */
}

static struct cfn_val call(struct cfn_eval *e, yaml_node_t *n, const char *name, size_t nl, yaml_node_t *args)
{
    if (text_is(name, nl, "Ref")) {
        if (!zl_y_is_scalar(args) || (args != n && args->tag && args->tag[0] == '!'))
            return wrong(e, args, "Ref takes the name of a parameter or resource; %s", "CloudFormation refuses the template");
        size_t al, a, b;
        const char *s = zl_y_str(args, &al);
        offsets(e, n, &a, &b);
        return ref(e, s, al, n, a, b);
    }
    if (text_is(name, nl, "Sub"))
        return sub(e, n, args);
    if (text_is(name, nl, "Join"))
        return join(e, n, args);
    if (text_is(name, nl, "Select"))
        return select_fn(e, n, args);
    if (text_is(name, nl, "Split"))
        return split(e, n, args);
    if (text_is(name, nl, "If"))
        return if_fn(e, n, args);
    if (text_is(name, nl, "FindInMap"))
        return find_in_map(e, n, args);
    /* Fn::GetAtt, Fn::ImportValue, Fn::GetAZs, Fn::Base64, Fn::Cidr,
     * Fn::Transform...: what they give is known when the stack is deployed. */
    return unknown_at(e, n, NULL);
}

static struct cfn_val eval(struct cfn_eval *e, yaml_node_t *n)
{
    if (!n) {
        struct cfn_val v = { .kind = CFN_UNKNOWN, .error = true };
        return v;
    }
    size_t idx = (size_t)(n - e->f->y.docs[e->doc].nodes.start);
    if (idx < e->nnodes && e->memo[idx])
        return *e->memo[idx];
    if (e->exhausted || ++e->steps > MAX_STEPS || e->depth >= MAX_DEPTH)
        return too_much(e, n);
    e->depth++;
    const char *name;
    size_t nl;
    yaml_node_t *args;
    struct cfn_val v;
    if (intrinsic(e, n, &name, &nl, &args)) {
        v = call(e, n, name, nl, args);
    } else if (n->type == YAML_SCALAR_NODE) {
        v = scalar(e, n);
        size_t at, pl;
        /* {{resolve:ssm:...}} (a dynamic reference), or what another tool
         * fills in first (Serverless's ${self:...}, a template's ${var}) */
        if (v.kind == CFN_STR && zl_r53_placeholder(v.s, v.len, false, &at, &pl)) {
            struct cfn_val u = { .kind = CFN_UNKNOWN, .node = n, .why_off = v.off[at] };
            u.why = cfn_keep(e, v.s + at, pl > 60 ? 60 : pl);
            v = u;
        }
    } else if (n->type == YAML_SEQUENCE_NODE) {
        size_t cnt = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start), k = 0;
        struct cfn_val *items = alloc(e, (cnt ? cnt : 1) * sizeof *items);
        e->bytes += cnt * sizeof *items;
        for (size_t i = 0; i < cnt; i++) {
            struct cfn_val it = eval(e, zl_y_node(&e->f->y, e->doc, n->data.sequence.items.start[i]));
            if (it.kind != CFN_NOVALUE) /* Ref AWS::NoValue in a list: left out */
                items[k++] = it;
        }
        v = (struct cfn_val){ .kind = CFN_LIST, .items = items, .n = k, .node = n };
    } else {
        v = (struct cfn_val){ .kind = CFN_OBJECT, .node = n };
    }
    e->depth--;
    if (idx < e->nnodes && !e->exhausted) {
        e->memo[idx] = alloc(e, sizeof *e->memo[idx]);
        *e->memo[idx] = v;
    }
    return v;
}

struct cfn_val cfn_value(struct cfn_eval *e, yaml_node_t *n)
{
    return eval(e, n);
}

yaml_node_t *cfn_ref_target(struct cfn_eval *e, yaml_node_t *n, const char *attr)
{
    const char *name;
    size_t nl;
    yaml_node_t *args;
    if (!n || !intrinsic(e, n, &name, &nl, &args))
        return NULL;
    if (text_is(name, nl, "Ref") && zl_y_is_scalar(args)) {
        size_t l;
        const char *id = zl_y_str(args, &l);
        return cfn_resource(e, id, l);
    }
    if (!text_is(name, nl, "GetAtt"))
        return NULL;
    const char *id = NULL, *at = NULL;
    size_t il = 0, al = 0;
    if (zl_y_is_scalar(args)) { /* !GetAtt Zone.Id */
        id = zl_y_str(args, &il);
        const char *dot = memchr(id, '.', il);
        if (!dot)
            return NULL;
        at = dot + 1;
        al = il - (size_t)(dot + 1 - id);
        il = (size_t)(dot - id);
    } else if (args->type == YAML_SEQUENCE_NODE && args->data.sequence.items.top - args->data.sequence.items.start == 2) {
        yaml_node_t *x = zl_y_node(&e->f->y, e->doc, args->data.sequence.items.start[0]);
        yaml_node_t *y = zl_y_node(&e->f->y, e->doc, args->data.sequence.items.start[1]);
        if (!zl_y_is_scalar(x) || !zl_y_is_scalar(y))
            return NULL;
        id = zl_y_str(x, &il);
        at = zl_y_str(y, &al);
    } else {
        return NULL;
    }
    return text_is(at, al, attr) ? cfn_resource(e, id, il) : NULL;
}

/* ---- conditions --------------------------------------------------------------------------- */

static enum cfn_truth cond(struct cfn_eval *e, yaml_node_t *n);

static enum cfn_truth cond_named(struct cfn_eval *e, const char *name, size_t nl, yaml_node_t *at)
{
    if (!e->conds || e->conds->type != YAML_MAPPING_NODE)
        return CFN_MAYBE;
    yaml_node_pair_t *p0 = e->conds->data.mapping.pairs.start;
    for (yaml_node_pair_t *p = p0; p < e->conds->data.mapping.pairs.top; p++) {
        yaml_node_t *k = zl_y_node(&e->f->y, e->doc, p->key);
        size_t kl;
        if (!zl_y_is_scalar(k) || !zl_y_str(k, &kl) || kl != nl || memcmp(k->data.scalar.value, name, nl))
            continue;
        size_t i = (size_t)(p - p0);
        if (e->cstate[i] == C_DONE)
            return e->cvalue[i];
        if (e->cstate[i] == C_BUSY) {
            wrong(e, at, "condition '%s' depends on itself; CloudFormation refuses the template",
                  cfn_keep(e, name, nl > 60 ? 60 : nl));
            return CFN_MAYBE;
        }
        e->cstate[i] = C_BUSY;
        enum cfn_truth t = cond(e, zl_y_node(&e->f->y, e->doc, p->value));
        e->cstate[i] = C_DONE;
        e->cvalue[i] = t;
        return t;
    }
    return CFN_MAYBE; /* no such condition: CloudFormation refuses it; not ours to guess */
}

static enum cfn_truth cond(struct cfn_eval *e, yaml_node_t *n)
{
    const char *name;
    size_t nl;
    yaml_node_t *args;
    if (!n || e->exhausted || ++e->steps > MAX_STEPS || e->depth >= MAX_DEPTH || !intrinsic(e, n, &name, &nl, &args))
        return CFN_MAYBE;
    e->depth++;
    enum cfn_truth t = CFN_MAYBE;
    yaml_node_t *a[10];
    int k;
    if (text_is(name, nl, "Condition")) {
        if (zl_y_is_scalar(args)) {
            size_t cl;
            const char *c = zl_y_str(args, &cl);
            t = cond_named(e, c, cl, args);
        }
    } else if (text_is(name, nl, "Equals")) {
        if (arg_list(e, args, "Equals", 2, 2, a) == 2) {
            struct cfn_val x = eval(e, a[0]), y = eval(e, a[1]);
            if (x.kind == CFN_STR && y.kind == CFN_STR)
                t = x.len == y.len && !memcmp(x.s, y.s, x.len) ? CFN_TRUE : CFN_FALSE;
        }
    } else if (text_is(name, nl, "Not")) {
        if (arg_list(e, args, "Not", 1, 1, a) == 1) {
            enum cfn_truth x = cond(e, a[0]);
            t = x == CFN_MAYBE ? CFN_MAYBE : x == CFN_TRUE ? CFN_FALSE : CFN_TRUE;
        }
    } else if (text_is(name, nl, "And") || text_is(name, nl, "Or")) {
        bool and = name[0] == 'A';
        if ((k = arg_list(e, args, and ? "And" : "Or", 2, 10, a)) > 0) {
            t = and ? CFN_TRUE : CFN_FALSE;
            for (int i = 0; i < k; i++) {
                enum cfn_truth x = cond(e, a[i]);
                if (x == (and ? CFN_FALSE : CFN_TRUE)) {
                    t = x;
                    break;
                }
                if (x == CFN_MAYBE)
                    t = CFN_MAYBE;
            }
        }
    }
    e->depth--;
    return t;
}

enum cfn_truth cfn_condition(struct cfn_eval *e, yaml_node_t *name)
{
    if (!zl_y_is_scalar(name))
        return CFN_MAYBE;
    size_t nl;
    const char *s = zl_y_str(name, &nl);
    return cond_named(e, s, nl, name);
}

yaml_node_t *cfn_choose(struct cfn_eval *e, yaml_node_t *n, struct cfn_val *why)
{
    for (unsigned hops = 0; n && hops < MAX_DEPTH; hops++) {
        const char *name;
        size_t nl;
        yaml_node_t *args;
        if (!intrinsic(e, n, &name, &nl, &args))
            return n;
        if (text_is(name, nl, "Ref") && zl_y_eq(args, "AWS::NoValue")) {
            *why = (struct cfn_val){ .kind = CFN_NOVALUE, .node = n };
            return NULL;
        }
        yaml_node_t *a[3];
        if (!text_is(name, nl, "If") || arg_list(e, args, "If", 3, 3, a) < 0 || !zl_y_is_scalar(a[0])) {
            *why = unknown_at(e, n, NULL);
            return NULL;
        }
        size_t cl;
        const char *c = zl_y_str(a[0], &cl);
        enum cfn_truth t = cond_named(e, c, cl, a[0]);
        if (t == CFN_MAYBE) {
            *why = unknown_at(e, n, NULL);
            return NULL;
        }
        n = t == CFN_TRUE ? a[1] : a[2];
    }
    *why = (struct cfn_val){ .kind = CFN_UNKNOWN, .error = true };
    return NULL;
}

/* ---- the template ---------------------------------------------------------------------------- */

struct cfn_eval *cfn_eval_new(struct zl_fmt *f, size_t doc, yaml_node_t *root)
{
    struct cfn_eval *e = zl_xcalloc(1, sizeof *e);
    e->f = f;
    e->doc = doc;
    e->root = root;
    e->params = get(e, root, "Parameters");
    e->mappings = get(e, root, "Mappings");
    e->conds = get(e, root, "Conditions");
    e->resources = get(e, root, "Resources");
    size_t nc = e->conds && e->conds->type == YAML_MAPPING_NODE
                    ? (size_t)(e->conds->data.mapping.pairs.top - e->conds->data.mapping.pairs.start) : 0;
    e->cstate = zl_xcalloc(nc ? nc : 1, 1);
    e->cvalue = zl_xcalloc(nc ? nc : 1, sizeof *e->cvalue);
    yaml_document_t *d = &f->y.docs[doc];
    e->nnodes = (size_t)(d->nodes.top - d->nodes.start);
    e->memo = zl_xcalloc(e->nnodes ? e->nnodes : 1, sizeof *e->memo);
    return e;
}

void cfn_eval_free(struct cfn_eval *e)
{
    if (!e)
        return;
    for (struct block *b = e->mem, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(e->cstate);
    free(e->cvalue);
    free(e->memo);
    free(e);
}
