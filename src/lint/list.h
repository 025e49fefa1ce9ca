/* SPDX-License-Identifier: MIT */
/* Growable lists in the engine's per-file arena, for rules that collect
 * records to judge at the end of a file. Elements never move. */
#ifndef ZL_LIST_H
#define ZL_LIST_H

#include <stddef.h>

struct zl_ctx;
struct zl_list_chunk;

struct zl_list {
    struct zl_list_chunk *head, *tail;
    size_t n, elem;
};

/* A zeroed new element of elem bytes (the first push fixes elem). */
void *zl_list_push(struct zl_ctx *ctx, struct zl_list *l, size_t elem);
/* Element i; walking with a loop over i is linear per chunk, fine for the
 * short lists rules keep. */
void *zl_list_at(const struct zl_list *l, size_t i);

#endif
