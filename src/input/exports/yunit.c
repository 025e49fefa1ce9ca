/* SPDX-License-Identifier: MIT */
/* The units of a streamed reader (ystream.h): the nodes of one record set
 * built from the events into libyaml's own node structs, which the node
 * helpers of ydoc.h read as document 0 of f->y; kept in blocks of ours that
 * are reused from unit to unit (no allocation per node). */
#include "input/exports/ystream.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "input/exports/emit.h"

/* A unit's nodes, strings and lists: libyaml's own node structs (the node
 * helpers read them through unit.nodes), in memory of ours that is kept
 * from unit to unit (no allocation per node). */
struct blk {
    struct blk *next;
    size_t used, cap;
    max_align_t data[];
};

struct zl_ys_store {
    yaml_node_t *nodes;
    size_t n, cap;
    struct blk *blocks;          /* the first is kept when a unit ends */
    int *items;                  /* children of the open lists, then copied out */
    size_t nitems, citems;
    yaml_node_pair_t *pairs;     /* the same for the open mappings */
    size_t npairs, cpairs;
};

#define BLOCK 16384

static void *store_alloc(struct zl_ys_store *st, size_t n)
{
    n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
    struct blk *b = st->blocks;
    if (!b || b->used + n > b->cap) {
        size_t cap = n > BLOCK ? n : BLOCK;
        struct blk *nb = zl_xmalloc(sizeof *nb + cap);
        nb->used = 0;
        nb->cap = cap;
        if (b && b->used == 0 && b->cap < cap) {
            /* an empty first block too small for this: replaced */
            nb->next = b->next;
            free(b);
        } else {
            nb->next = b;
        }
        st->blocks = b = nb;
    }
    void *q = (char *)b->data + b->used;
    b->used += n;
    return q;
}

static void store_reset(struct zl_ys_store *st)
{
    struct blk *b = st->blocks;
    while (b && b->next) {
        struct blk *next = b->next;
        free(b);
        b = next;
    }
    st->blocks = b;
    if (b)
        b->used = 0;
    st->n = 0;
}

void zl_ys_store_free(struct zl_ys_store *st)
{
    if (!st)
        return;
    store_reset(st);
    free(st->blocks);
    free(st->nodes);
    free(st->items);
    free(st->pairs);
    free(st);
}

/* A new node (index i + 1); the array may move. */
static int new_node(struct zl_ys *s, yaml_node_type_t type)
{
    struct zl_ys_store *st = s->store;
    if (st->n == st->cap) {
        st->cap = st->cap ? 2 * st->cap : 32;
        st->nodes = zl_xrealloc(st->nodes, st->cap * sizeof *st->nodes);
    }
    yaml_node_t *n = &st->nodes[st->n++];
    memset(n, 0, sizeof *n);
    n->type = type;
    return (int)st->n;
}

static yaml_node_t *node_at(struct zl_ys *s, int idx)
{
    return &s->store->nodes[idx - 1];
}

/* A node's marks: byte offsets (index) in the read pass, and libyaml's
 * lines and columns (the file's own from a fast source: ydoc.h's
 * exact_marks; else only compared with each other: a scalar on one line). */
static void set_marks(yaml_node_t *n, uint64_t a, uint64_t b, const yaml_mark_t *ma, const yaml_mark_t *mb)
{
    n->start_mark.index = (size_t)a;
    n->end_mark.index = (size_t)b;
    n->start_mark.line = ma->line;
    n->end_mark.line = mb->line;
    n->start_mark.column = ma->column;
    n->end_mark.column = mb->column;
}

/* The unit as the document the node helpers read (document 0 of f->y). */
static void expose(struct zl_ys *s)
{
    struct zl_ys_store *st = s->store;
    s->unit.nodes.start = st->nodes;
    /* no arithmetic on a null pointer (an empty store), even of 0 */
    s->unit.nodes.top = st->nodes ? st->nodes + st->n : NULL;
    s->unit.nodes.end = st->nodes ? st->nodes + st->cap : NULL;
}

void zl_ys_unit(struct zl_ys *s)
{
    if (!s->store)
        s->store = zl_xcalloc(1, sizeof *s->store);
    store_reset(s->store);
    memset(&s->unit, 0, sizeof s->unit);
    s->unit_open = true;
    expose(s);
    s->f->y.docs = &s->unit;
    s->f->y.ndocs = 1;
    if (s->failed)
        return;
    /* What is before the unit's first line is not needed any more. */
    zl_ys_keep_from(s, s->convert ? zl_ys_line_of(s->pos, s->start) : s->chunk_line + s->ev.start_mark.line);
}

static int build(struct zl_ys *s)
{
    struct zl_ys_store *st = s->store;
    if (!s->unit_open || !st)
        return 0;
    yaml_event_t *e = &s->ev;
    int idx;
    switch (zl_ys_type(s)) {
    case YAML_SCALAR_EVENT: {
        idx = new_node(s, YAML_SCALAR_NODE);
        size_t len = e->data.scalar.length;
        yaml_char_t *v = store_alloc(st, len + 1);
        memcpy(v, e->data.scalar.value, len);
        v[len] = '\0';
        yaml_node_t *n = node_at(s, idx);
        n->data.scalar.value = v;
        n->data.scalar.length = len;
        n->data.scalar.style = e->data.scalar.style;
        set_marks(n, s->start, s->end, &e->start_mark, &e->end_mark);
        zl_ys_next(s);
        break;
    }
    case YAML_SEQUENCE_START_EVENT: {
        idx = new_node(s, YAML_SEQUENCE_NODE);
        yaml_sequence_style_t style = e->data.sequence_start.style;
        uint64_t a = s->start;
        yaml_mark_t ma = e->start_mark;
        size_t base = st->nitems;
        zl_ys_next(s);
        while (zl_ys_type(s) != YAML_SEQUENCE_END_EVENT) {
            int item = build(s);
            if (!item)
                return 0;
            if (st->nitems == st->citems) {
                st->citems = st->citems ? 2 * st->citems : 64;
                st->items = zl_xrealloc(st->items, st->citems * sizeof *st->items);
            }
            st->items[st->nitems++] = item;
        }
        size_t k = st->nitems - base;
        yaml_node_item_t *items = store_alloc(st, (k ? k : 1) * sizeof *items);
        if (k)
            memcpy(items, st->items + base, k * sizeof *items);
        st->nitems = base;
        yaml_node_t *n = node_at(s, idx);
        n->data.sequence.items.start = items;
        n->data.sequence.items.end = n->data.sequence.items.top = items + k;
        n->data.sequence.style = style;
        set_marks(n, a, s->end, &ma, &e->end_mark);
        zl_ys_next(s);
        break;
    }
    case YAML_MAPPING_START_EVENT: {
        idx = new_node(s, YAML_MAPPING_NODE);
        yaml_mapping_style_t style = e->data.mapping_start.style;
        uint64_t a = s->start;
        yaml_mark_t ma = e->start_mark;
        size_t base = st->npairs;
        zl_ys_next(s);
        while (zl_ys_type(s) != YAML_MAPPING_END_EVENT) {
            int key = build(s);
            int value = key ? build(s) : 0;
            if (!value)
                return 0;
            if (st->npairs == st->cpairs) {
                st->cpairs = st->cpairs ? 2 * st->cpairs : 64;
                st->pairs = zl_xrealloc(st->pairs, st->cpairs * sizeof *st->pairs);
            }
            st->pairs[st->npairs].key = key;
            st->pairs[st->npairs++].value = value;
        }
        size_t k = st->npairs - base;
        yaml_node_pair_t *pairs = store_alloc(st, (k ? k : 1) * sizeof *pairs);
        if (k)
            memcpy(pairs, st->pairs + base, k * sizeof *pairs);
        st->npairs = base;
        yaml_node_t *n = node_at(s, idx);
        n->data.mapping.pairs.start = pairs;
        n->data.mapping.pairs.end = n->data.mapping.pairs.top = pairs + k;
        n->data.mapping.style = style;
        set_marks(n, a, s->end, &ma, &e->end_mark);
        zl_ys_next(s);
        break;
    }
    default:
        s->failed = true;
        return 0;
    }
    expose(s);
    return idx;
}

yaml_node_t *zl_ys_build(struct zl_ys *s)
{
    int idx = build(s);
    return idx && !s->failed ? yaml_document_get_node(&s->unit, idx) : NULL;
}

int zl_ys_build_index(struct zl_ys *s)
{
    int idx = build(s);
    return s->failed ? 0 : idx;
}

/* A mapping node of the unit, for a reader that builds one pair by pair
 * (zl_ys_end_mapping); returns its index. */
int zl_ys_new_mapping(struct zl_ys *s)
{
    if (!s->store)
        return 0;
    int idx = new_node(s, YAML_MAPPING_NODE);
    node_at(s, idx)->data.mapping.style = s->ev.data.mapping_start.style;
    expose(s);
    return idx;
}

/* Ends such a mapping: its pairs and marks. */
void zl_ys_end_mapping(struct zl_ys *s, int map, const yaml_node_pair_t *pairs, size_t n, uint64_t a, uint64_t b,
                       const yaml_mark_t *ma, const yaml_mark_t *mb)
{
    yaml_node_pair_t *v = store_alloc(s->store, (n ? n : 1) * sizeof *v);
    if (n)
        memcpy(v, pairs, n * sizeof *v);
    yaml_node_t *node = node_at(s, map);
    node->data.mapping.pairs.start = v;
    node->data.mapping.pairs.end = node->data.mapping.pairs.top = v + n;
    set_marks(node, a, b, ma, mb);
    expose(s);
}
