/* SPDX-License-Identifier: MIT */
/* A fast source of libyaml events for block-style YAML, the YAML that
 * octoDNS and people write: block mappings and sequences (indentless ones
 * too), simple and "? " keys, plain, single-quoted and double-quoted
 * scalars without escapes (folded over lines as libyaml folds them) and
 * comments. For such a file, the events libyaml's parser makes of it,
 * with the same marks, at a small part of libyaml's cost; at anything
 * else (a tab, CR, a byte outside printable ASCII, flow collections,
 * anchors, tags, block scalars, directives, a second document, or what
 * libyaml would call an error) it gives up, and ystream.c reads the file
 * through libyaml instead, so the readers see the same events either way. */
#ifndef ZL_YBLOCK_H
#define ZL_YBLOCK_H

#include <stddef.h>
#include <yaml.h>

/* The input: read returns up to max bytes, 0 at its end. */
typedef size_t (*zl_yb_read_fn)(void *data, char *buf, size_t max);

struct zl_yb;
struct zl_yb *zl_yb_new(zl_yb_read_fn read, void *data);
void zl_yb_free(struct zl_yb *b);
/* The next event into *ev: 1, or 0 when the input is not YAML this source
 * reads (from then on, always 0). *ev holds pointers into b until the next
 * call: never give it to yaml_event_delete. After the stream's end:
 * YAML_NO_EVENT, as libyaml. */
int zl_yb_next(struct zl_yb *b, yaml_event_t *ev);
/* How many mappings and sequences are open after the last event given. */
size_t zl_yb_depth(const struct zl_yb *b);
/* Reads events without giving them, at most budget of them, until only
 * depth collections are open (the event that closes one more is read):
 * 1; 0 when the budget ran out first; -1 when zl_yb_next is to give the
 * next event (one that would open more than limit, or a merge key "<<")
 * or to say it gave up. *line is the line of the last event read. */
int zl_yb_skip(struct zl_yb *b, size_t depth, size_t limit, size_t budget, size_t *line);

#endif
