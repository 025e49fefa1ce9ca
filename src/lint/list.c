/* SPDX-License-Identifier: MIT */
#include "lint/list.h"

#include <string.h>

#include "lint/engine.h"

struct zl_list_chunk {
    struct zl_list_chunk *next;
    size_t n, cap;
    unsigned char data[];
};

void *zl_list_push(struct zl_ctx *ctx, struct zl_list *l, size_t elem)
{
    if (!l->elem)
        l->elem = elem;
    struct zl_list_chunk *c = l->tail;
    if (!c || c->n == c->cap) {
        /* Doubling chunks: few allocations, nothing ever moves. Elements
         * are zeroed as they come: a big chunk's unused end is never
         * touched, so it takes no memory. */
        size_t cap = c ? c->cap * 2 : 8;
        struct zl_list_chunk *nc = zl_ctx_alloc_raw(ctx, sizeof *nc + cap * l->elem);
        nc->next = NULL;
        nc->n = 0;
        nc->cap = cap;
        if (c)
            c->next = nc;
        else
            l->head = nc;
        l->tail = nc;
        c = nc;
    }
    void *p = c->data + c->n * l->elem;
    memset(p, 0, l->elem);
    c->n++;
    l->n++;
    return p;
}

void *zl_list_at(const struct zl_list *l, size_t i)
{
    for (struct zl_list_chunk *c = l->head; c; c = c->next) {
        if (i < c->n)
            return c->data + i * l->elem;
        i -= c->n;
    }
    return NULL;
}
