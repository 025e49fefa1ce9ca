/* SPDX-License-Identifier: MIT */
/* Terraform's JSON forms, read through libyaml (src/formats/ydoc.c) for the
 * line and column of every value, which findings point at:
 *
 *  - *.tf.json (developer.hashicorp.com/terraform/language/syntax/json):
 *    the same body as a .tf file; strings are templates ("${var.x}"), the
 *    top-level keys are block types (resource, data, variable, locals,
 *    module, output) whose nested objects carry the labels. A nested
 *    object inside a resource is kept as an attribute: the mapper accepts
 *    a block written either way.
 *  - `terraform show -json` of a plan or of the state
 *    (developer.hashicorp.com/terraform/internals/json-format):
 *    planned_values (a plan) or values (the state), root_module and
 *    child_modules, each resource with type, name, index and its values.
 *    Everything Terraform resolved is a plain value there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/exports/emit.h"
#include "input/readers.h"
#include "input/terraform/tf_module.h"
#include "input/terraform/tf_records.h"

static bool is_string(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE && n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
}

/* The span of a scalar's value, and whether its bytes are the source's. */
static struct zl_span value_span(struct zl_ydocs *y, size_t doc, const yaml_node_t *n, bool *exact)
{
    size_t *map = zl_y_scalar_map(y, doc, n);
    size_t len = n->data.scalar.length;
    struct zl_span s;
    *exact = false;
    if (map && len && map[len] - map[0] == len) {
        s = zl_y_map_span(y, map, 0, len);
        *exact = true;
    } else if (map && len) {
        s = zl_y_map_span(y, map, 0, len);
    } else {
        s = zl_y_span(y, doc, n);
    }
    free(map);
    return s;
}

/* ---- *.tf.json ---------------------------------------------------------------- */

struct jctx {
    struct zl_tf_reader *R;
    struct zl_ydocs *y;
    size_t doc;
    unsigned depth;
    const struct zl_source *src; /* the .tf.json file */
};

static void json_error(void *user, const struct zl_span *at, const char *msg)
{
    struct zl_tf_reader *R = user;
    zl_fmt_error(R->f, at, "%s", msg);
}

static struct zl_hcl_node *expr_of(struct jctx *J, const yaml_node_t *n)
{
    struct zl_arena *A = &J->R->arena;
    if (!n)
        return zl_hcl_node_new(A, ZL_HCL_NULL, (struct zl_span){ J->src, 1, 1, 1, 2 });
    struct zl_span s = zl_y_span(J->y, J->doc, n);
    if (J->depth > 64)
        return zl_hcl_node_new(A, ZL_HCL_NULL, s);
    J->depth++;
    struct zl_hcl_node *e;
    if (n->type == YAML_SCALAR_NODE) {
        size_t len;
        const char *v = zl_y_str(n, &len);
        if (is_string(n)) {
            bool exact;
            struct zl_span vs = value_span(J->y, J->doc, n, &exact);
            struct zl_hcl_error_fn err = { json_error, J->R };
            e = zl_hcl_parse_template(v, len, J->src, vs, exact, A, &err);
            if (!e)
                e = zl_hcl_node_new(A, ZL_HCL_NULL, vs);
            e->span = vs;
        } else if (len == 4 && !memcmp(v, "true", 4)) {
            e = zl_hcl_node_new(A, ZL_HCL_BOOL, s);
            e->num = 1;
        } else if (len == 5 && !memcmp(v, "false", 5)) {
            e = zl_hcl_node_new(A, ZL_HCL_BOOL, s);
        } else if (len == 4 && !memcmp(v, "null", 4)) {
            e = zl_hcl_node_new(A, ZL_HCL_NULL, s);
        } else {
            e = zl_hcl_node_new(A, ZL_HCL_NUM, s);
            e->s = v;
            e->len = len;
            e->num = strtod(v, NULL);
        }
    } else if (n->type == YAML_SEQUENCE_NODE) {
        e = zl_hcl_node_new(A, ZL_HCL_TUPLE, s);
        for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++)
            zl_hcl_node_add(A, e, expr_of(J, zl_y_node(J->y, J->doc, *it)));
    } else {
        e = zl_hcl_node_new(A, ZL_HCL_OBJECT, s);
        for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
            yaml_node_t *k = zl_y_node(J->y, J->doc, p->key);
            if (!zl_y_is_scalar(k))
                continue;
            size_t kl;
            const char *ks = zl_y_str(k, &kl);
            struct zl_hcl_node *kn = zl_hcl_node_new(A, ZL_HCL_VAR, zl_y_span(J->y, J->doc, k));
            kn->s = ks;
            kn->len = kl;
            zl_hcl_node_add(A, e, kn);
            zl_hcl_node_add(A, e, expr_of(J, zl_y_node(J->y, J->doc, p->value)));
        }
    }
    J->depth--;
    return e;
}

static struct zl_hcl_body *body_of(struct jctx *J, const yaml_node_t *obj);

static void add_attr(struct jctx *J, struct zl_hcl_body *b, const yaml_node_t *k, const yaml_node_t *v)
{
    struct zl_arena *A = &J->R->arena;
    if (b->nattrs == b->cattrs) {
        uint32_t c = b->cattrs ? b->cattrs * 2 : 8;
        struct zl_hcl_attr **a = zl_arena_alloc(A, c * sizeof *a);
        if (b->nattrs)
            memcpy(a, b->attrs, b->nattrs * sizeof *a);
        b->attrs = a;
        b->cattrs = c;
    }
    struct zl_hcl_attr *a = zl_arena_alloc(A, sizeof *a);
    a->name = zl_y_str(k, &a->len);
    a->name_span = zl_y_span(J->y, J->doc, k);
    a->span = a->name_span;
    a->expr = expr_of(J, v);
    b->attrs[b->nattrs++] = a;
}

static void add_block(struct jctx *J, struct zl_hcl_body *b, const char *type, size_t tlen, const char **labels,
                      size_t *lens, struct zl_span *spans, uint32_t nl, const yaml_node_t *obj)
{
    struct zl_arena *A = &J->R->arena;
    if (b->nblocks == b->cblocks) {
        uint32_t c = b->cblocks ? b->cblocks * 2 : 8;
        struct zl_hcl_block **v = zl_arena_alloc(A, c * sizeof *v);
        if (b->nblocks)
            memcpy(v, b->blocks, b->nblocks * sizeof *v);
        b->blocks = v;
        b->cblocks = c;
    }
    struct zl_hcl_block *k = zl_arena_alloc(A, sizeof *k);
    k->type = type;
    k->tlen = tlen;
    k->span = k->type_span = zl_y_span(J->y, J->doc, obj);
    k->nlabels = nl;
    k->labels = zl_arena_alloc(A, (nl + 1) * sizeof *k->labels);
    k->label_lens = zl_arena_alloc(A, (nl + 1) * sizeof *k->label_lens);
    k->label_spans = zl_arena_alloc(A, (nl + 1) * sizeof *k->label_spans);
    for (uint32_t i = 0; i < nl; i++) {
        k->labels[i] = labels[i];
        k->label_lens[i] = lens[i];
        k->label_spans[i] = spans[i];
    }
    k->body = body_of(J, obj);
    b->blocks[b->nblocks++] = k;
}

/* Labels: nested objects, one level per label; an array at any level
 * holds several. */
static void labelled(struct jctx *J, struct zl_hcl_body *b, const char *type, size_t tlen, uint32_t want,
                     const char **labels, size_t *lens, struct zl_span *spans, uint32_t have,
                     const yaml_node_t *v)
{
    if (!v || J->depth > 16)
        return;
    if (v->type == YAML_SEQUENCE_NODE) {
        J->depth++;
        for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++)
            labelled(J, b, type, tlen, want, labels, lens, spans, have, zl_y_node(J->y, J->doc, *it));
        J->depth--;
        return;
    }
    if (v->type != YAML_MAPPING_NODE)
        return;
    if (have == want) {
        add_block(J, b, type, tlen, labels, lens, spans, have, v);
        return;
    }
    for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
        yaml_node_t *k = zl_y_node(J->y, J->doc, p->key);
        if (!zl_y_is_scalar(k))
            continue;
        labels[have] = zl_y_str(k, &lens[have]);
        spans[have] = zl_y_span(J->y, J->doc, k);
        J->depth++;
        labelled(J, b, type, tlen, want, labels, lens, spans, have + 1, zl_y_node(J->y, J->doc, p->value));
        J->depth--;
    }
}

static struct zl_hcl_body *body_of(struct jctx *J, const yaml_node_t *obj)
{
    struct zl_hcl_body *b = zl_arena_alloc(&J->R->arena, sizeof *b);
    if (!obj || obj->type != YAML_MAPPING_NODE)
        return b;
    for (yaml_node_pair_t *p = obj->data.mapping.pairs.start; p < obj->data.mapping.pairs.top; p++) {
        yaml_node_t *k = zl_y_node(J->y, J->doc, p->key);
        if (!zl_y_is_scalar(k))
            continue;
        size_t kl;
        const char *ks = zl_y_str(k, &kl);
        if (kl == 2 && !memcmp(ks, "//", 2))
            continue; /* a comment */
        add_attr(J, b, k, zl_y_node(J->y, J->doc, p->value));
    }
    return b;
}

struct zl_hcl_body *zl_tfjson_body(struct zl_tf_reader *R, struct zl_tf_file *file)
{
    struct zl_tf_ydocs *keep = zl_arena_alloc(&R->arena, sizeof *keep);
    struct zl_ydocs *y = &keep->y;
    struct zl_yerror err;
    if (zl_ydocs_load(y, file->text, file->len, file->src, &err) != 0 || y->ndocs != 1) {
        if (y->ndocs == 1 || !err.msg[0])
            snprintf(err.msg, sizeof err.msg, "expected one JSON object");
        zl_fmt_error(R->f, &err.span, "JSON syntax error: %s", err.msg);
        zl_ydocs_free(y);
        return NULL;
    }
    struct jctx J = { R, y, 0, 0, file->src };
    yaml_node_t *root = zl_y_root(y, 0);
    struct zl_hcl_body *b = zl_arena_alloc(&R->arena, sizeof *b);
    if (!root || root->type != YAML_MAPPING_NODE) {
        struct zl_span s = root ? zl_y_span(y, 0, root) : (struct zl_span){ file->src, 1, 1, 1, 2 };
        zl_fmt_error(R->f, &s, "a .tf.json file must hold one JSON object");
        zl_ydocs_free(y);
        return b;
    }
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
        yaml_node_t *k = zl_y_node(y, 0, p->key), *v = zl_y_node(y, 0, p->value);
        if (!zl_y_is_scalar(k))
            continue;
        size_t kl;
        const char *ks = zl_y_str(k, &kl);
        const char *labels[2];
        size_t lens[2];
        struct zl_span spans[2];
        uint32_t want = (kl == 8 && !memcmp(ks, "resource", 8)) || (kl == 4 && !memcmp(ks, "data", 4)) ? 2
                        : (kl == 8 && !memcmp(ks, "variable", 8)) || (kl == 6 && !memcmp(ks, "output", 6)) ||
                                (kl == 6 && !memcmp(ks, "module", 6))
                            ? 1
                            : 0;
        if (kl == 6 && !memcmp(ks, "locals", 6))
            labelled(&J, b, ks, kl, 0, labels, lens, spans, 0, v);
        else if (want)
            labelled(&J, b, ks, kl, want, labels, lens, spans, 0, v);
    }
    /* The tree points into the documents: they live as long as the reader. */
    keep->next = R->ydocs;
    R->ydocs = keep;
    return b;
}

void zl_tfjson_free(struct zl_tf_reader *R)
{
    for (struct zl_tf_ydocs *d = R->ydocs; d; d = d->next)
        zl_ydocs_free(&d->y);
    R->ydocs = NULL;
}

/* ---- terraform show -json ------------------------------------------------------ */

struct show {
    struct zl_fmt *f;
    struct zl_hcl_eval E;
    struct zl_arena arena;
    struct zl_tf_emit X;
    struct zl_tf_batch batch;
    struct zl_hv *zones;    /* zone id -> zone name */
    unsigned unevaluated;
    struct zl_span first_unevaluated;
};

static const struct zl_hv *hv_of(struct show *S, size_t doc, const yaml_node_t *n, unsigned depth)
{
    struct zl_ydocs *y = &S->f->y;
    if (!n)
        return zl_hv_new(&S->E, ZL_HV_NULL, (struct zl_span){ S->f->src, 1, 1, 1, 2 });
    struct zl_span s = zl_y_span(y, doc, n);
    if (depth > 64)
        return zl_hv_unknown(&S->E, s);
    if (n->type == YAML_SCALAR_NODE) {
        size_t len;
        const char *v = zl_y_str(n, &len);
        if (is_string(n)) {
            bool exact;
            struct zl_span vs = value_span(y, doc, n, &exact);
            return zl_hv_str(&S->E, v, len, vs, exact);
        }
        if (len == 4 && !memcmp(v, "true", 4))
            return zl_hv_bool(&S->E, true, s);
        if (len == 5 && !memcmp(v, "false", 5))
            return zl_hv_bool(&S->E, false, s);
        if (len == 4 && !memcmp(v, "null", 4))
            return zl_hv_new(&S->E, ZL_HV_NULL, s);
        return zl_hv_num(&S->E, strtod(v, NULL), s);
    }
    if (n->type == YAML_SEQUENCE_NODE) {
        struct zl_hv *l = zl_hv_new(&S->E, ZL_HV_LIST, s);
        for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++)
            zl_hv_push(&S->E, l, hv_of(S, doc, zl_y_node(y, doc, *it), depth + 1));
        return l;
    }
    struct zl_hv *m = zl_hv_new(&S->E, ZL_HV_MAP, s);
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        yaml_node_t *k = zl_y_node(y, doc, p->key);
        if (!zl_y_is_scalar(k))
            continue;
        size_t kl;
        const char *ks = zl_y_str(k, &kl);
        zl_hv_put(&S->E, m, ks, kl, hv_of(S, doc, zl_y_node(y, doc, p->value), depth + 1));
    }
    zl_hv_map_done(m);
    return m;
}

typedef void (*res_fn)(struct show *S, size_t doc, const yaml_node_t *res);

static void walk(struct show *S, size_t doc, const yaml_node_t *mod, res_fn fn, unsigned depth)
{
    struct zl_ydocs *y = &S->f->y;
    if (!mod || mod->type != YAML_MAPPING_NODE || depth > 32)
        return;
    const yaml_node_t *rs = zl_y_get(y, doc, mod, "resources");
    if (rs && rs->type == YAML_SEQUENCE_NODE)
        for (yaml_node_item_t *it = rs->data.sequence.items.start; it < rs->data.sequence.items.top; it++)
            fn(S, doc, zl_y_node(y, doc, *it));
    const yaml_node_t *cm = zl_y_get(y, doc, mod, "child_modules");
    if (cm && cm->type == YAML_SEQUENCE_NODE)
        for (yaml_node_item_t *it = cm->data.sequence.items.start; it < cm->data.sequence.items.top; it++)
            walk(S, doc, zl_y_node(y, doc, *it), fn, depth + 1);
}

static bool type_is(struct show *S, size_t doc, const yaml_node_t *res, const char *t)
{
    return zl_y_eq(zl_y_get(&S->f->y, doc, res, "type"), t);
}

static void collect_zone(struct show *S, size_t doc, const yaml_node_t *res)
{
    const char *name_key = NULL;
    if (type_is(S, doc, res, "aws_route53_zone"))
        name_key = "name";
    else if (type_is(S, doc, res, "cloudflare_zone"))
        name_key = "zone";
    else
        return;
    const struct zl_hv *v = hv_of(S, doc, zl_y_get(&S->f->y, doc, res, "values"), 0);
    const struct zl_hv *name = zl_hv_get(v, name_key, strlen(name_key));
    if (!name)
        name = zl_hv_get(v, "name", 4);
    if (!name || name->kind != ZL_HV_STR)
        return;
    static const char *const ids[] = { "zone_id", "id" };
    for (size_t i = 0; i < 2; i++) {
        const struct zl_hv *id = zl_hv_get(v, ids[i], strlen(ids[i]));
        if (id && id->kind == ZL_HV_STR && id->len)
            zl_hv_put(&S->E, S->zones, id->s, id->len, name);
    }
}

static void map_resource(struct show *S, size_t doc, const yaml_node_t *res)
{
    struct zl_ydocs *y = &S->f->y;
    const yaml_node_t *t = zl_y_get(y, doc, res, "type");
    if (!zl_y_is_scalar(t) || !zl_y_eq(zl_y_get(y, doc, res, "mode"), "managed"))
        return;
    size_t tl;
    const char *ts = zl_y_str(t, &tl);
    if (!zl_tf_is_record_type(ts, tl))
        return;
    struct zl_span at = zl_y_span(y, doc, res);
    const yaml_node_t *vn = zl_y_get(y, doc, res, "values");
    struct zl_hv *v = (struct zl_hv *)hv_of(S, doc, vn, 0);
    /* A record's zone_id names a zone of this plan or state. */
    struct zl_hv *zid = (struct zl_hv *)zl_hv_get(v, "zone_id", 7);
    if (zid && zid->kind == ZL_HV_STR)
        zid->zone = zl_hv_get(S->zones, zid->s, zid->len);
    zl_tf_batch_add(&S->X, &S->batch, ts, tl, v, at, NULL);
}

static void mapped(void *ctx, const struct zl_tf_item *it, const char *why)
{
    struct show *S = ctx;
    if (why && S->unevaluated++ == 0)
        S->first_unevaluated = it->at;
}

void zl_read_tfshow(struct zl_fmt *f)
{
    struct show S;
    memset(&S, 0, sizeof S);
    S.f = f;
    S.E.arena = &S.arena;
    S.X.f = f;
    S.X.E = &S.E;
    for (size_t d = 0; d < f->y.ndocs; d++) {
        yaml_node_t *root = zl_y_root(&f->y, d);
        yaml_node_t *vals = zl_y_get(&f->y, d, root, "planned_values");
        if (!vals)
            vals = zl_y_get(&f->y, d, root, "values");
        yaml_node_t *rm = vals ? zl_y_get(&f->y, d, vals, "root_module") : NULL;
        if (!rm) {
            struct zl_span s = root ? zl_y_span(&f->y, d, root) : (struct zl_span){ f->src, 1, 1, 1, 2 };
            zl_fmt_error(f, &s, "expected the output of terraform show -json: an object with planned_values "
                                "(a plan) or values (the state) holding root_module");
            continue;
        }
        S.zones = zl_hv_new(&S.E, ZL_HV_MAP, zl_y_span(&f->y, d, root));
        /* A plan's data sources (the zone looked up by name) were read into
         * prior_state. */
        yaml_node_t *prior = zl_y_get(&f->y, d, root, "prior_state");
        yaml_node_t *pv = prior ? zl_y_get(&f->y, d, prior, "values") : NULL;
        if (pv)
            walk(&S, d, zl_y_get(&f->y, d, pv, "root_module"), collect_zone, 0);
        walk(&S, d, rm, collect_zone, 0);
        walk(&S, d, rm, map_resource, 0);
    }
    zl_tf_batch_map(&S.X, &S.batch, mapped, &S);
    zl_tf_batch_report(&S.X, &S.batch);
    zl_tf_batch_free(&S.batch);
    if (S.unevaluated)
        zl_fmt_report(f, ZL_RULE_ZL1006, &S.first_unevaluated,
                      "%u DNS record%s in this file %s values Terraform had not resolved "
                      "(known only after apply); rules that need them skipped them",
                      S.unevaluated, S.unevaluated == 1 ? "" : "s", S.unevaluated == 1 ? "has" : "have");
    zl_arena_free(&S.arena);
}

/* The reader table's entry for `terraform show -json` (src/input/readers.def). */
void zl_read_tfjson(struct zl_fmt *f, const char *text, size_t len)
{
    zl_fmt_load_documents(f, text, len, "JSON");
    zl_read_tfshow(f);
}
