/* SPDX-License-Identifier: MIT */
/* yblock.c against libyaml on one input, for its unit test and its fuzz
 * target: each event the fast source gives must be libyaml's (type, marks,
 * value, style, flags); where libyaml fails, the fast source must give up
 * too (later is allowed: libyaml reads further ahead). */
#ifndef ZL_YB_COMPARE_H
#define ZL_YB_COMPARE_H

#include <stdio.h>
#include <string.h>

#include "input/exports/yblock.h"

enum yb_result {
    YB_MISMATCH = -2, /* why says how */
    YB_LIBYAML_FAILS = -1,
    YB_GAVE_UP = 0,   /* on what libyaml reads */
    YB_READ = 1,      /* both to the stream's end */
};

struct yb_mem {
    const char *p;
    size_t n, at, step;
};

/* Reads of at most step bytes (0: any), so that tokens cross refills. */
static inline size_t yb_mem_read(void *data, char *buf, size_t max)
{
    struct yb_mem *m = data;
    size_t k = m->n - m->at < max ? m->n - m->at : max;
    if (m->step && k > m->step)
        k = m->step;
    memcpy(buf, m->p + m->at, k);
    m->at += k;
    return k;
}

static inline int yb_same_mark(const yaml_mark_t *a, const yaml_mark_t *b)
{
    return a->index == b->index && a->line == b->line && a->column == b->column;
}

/* The first difference between events a (fast) and e (libyaml), or NULL. */
static inline const char *yb_diff(const yaml_event_t *a, const yaml_event_t *e)
{
    if (a->type != e->type)
        return "type";
    if (!yb_same_mark(&a->start_mark, &e->start_mark))
        return "start mark";
    if (!yb_same_mark(&a->end_mark, &e->end_mark))
        return "end mark";
    switch (a->type) {
    case YAML_SCALAR_EVENT:
        if (a->data.scalar.length != e->data.scalar.length ||
            memcmp(a->data.scalar.value, e->data.scalar.value, a->data.scalar.length) ||
            a->data.scalar.value[a->data.scalar.length] != 0)
            return "scalar value";
        if (a->data.scalar.style != e->data.scalar.style || a->data.scalar.plain_implicit != e->data.scalar.plain_implicit ||
            a->data.scalar.quoted_implicit != e->data.scalar.quoted_implicit || e->data.scalar.anchor ||
            e->data.scalar.tag)
            return "scalar style";
        return NULL;
    case YAML_MAPPING_START_EVENT:
        return a->data.mapping_start.style != e->data.mapping_start.style ||
                       a->data.mapping_start.implicit != e->data.mapping_start.implicit || e->data.mapping_start.anchor
                   ? "mapping style"
                   : NULL;
    case YAML_SEQUENCE_START_EVENT:
        return a->data.sequence_start.style != e->data.sequence_start.style ||
                       a->data.sequence_start.implicit != e->data.sequence_start.implicit ||
                       e->data.sequence_start.anchor
                   ? "sequence style"
                   : NULL;
    case YAML_DOCUMENT_START_EVENT:
        return a->data.document_start.implicit != e->data.document_start.implicit ? "document start" : NULL;
    case YAML_DOCUMENT_END_EVENT:
        return a->data.document_end.implicit != e->data.document_end.implicit ? "document end" : NULL;
    case YAML_STREAM_START_EVENT:
        return a->data.stream_start.encoding != e->data.stream_start.encoding ? "encoding" : NULL;
    default: return NULL;
    }
}

static inline enum yb_result yb_compare(const char *s, size_t n, size_t step, char *why, size_t cap)
{
    yaml_parser_t y;
    if (!yaml_parser_initialize(&y)) {
        snprintf(why, cap, "libyaml: no memory");
        return YB_MISMATCH;
    }
    yaml_parser_set_input_string(&y, (const unsigned char *)s, n);
    struct yb_mem m = { s, n, 0, step };
    struct zl_yb *b = zl_yb_new(yb_mem_read, &m);
    enum yb_result r = YB_GAVE_UP;
    for (unsigned long k = 0;; k++) {
        yaml_event_t a, e;
        int got = zl_yb_next(b, &a);
        if (!yaml_parser_parse(&y, &e)) {
            while (got && a.type != YAML_STREAM_END_EVENT)
                got = zl_yb_next(b, &a);
            r = YB_LIBYAML_FAILS;
            if (got)
                snprintf(why, cap, "event %lu: libyaml fails (%s), the fast source reads to the end", k,
                         y.problem ? y.problem : "?");
            if (got)
                r = YB_MISMATCH;
            break;
        }
        yaml_event_type_t t = e.type;
        if (!got) {
            yaml_event_delete(&e);
            while (t != YAML_STREAM_END_EVENT && yaml_parser_parse(&y, &e)) {
                t = e.type;
                yaml_event_delete(&e);
            }
            if (t != YAML_STREAM_END_EVENT)
                r = YB_LIBYAML_FAILS;
            break;
        }
        const char *d = yb_diff(&a, &e);
        if (d) {
            snprintf(why, cap, "event %lu: %s: type %d %zu/%zu:%zu-%zu/%zu:%zu, libyaml type %d %zu/%zu:%zu-%zu/%zu:%zu",
                     k, d, (int)a.type, a.start_mark.index, a.start_mark.line, a.start_mark.column, a.end_mark.index,
                     a.end_mark.line, a.end_mark.column, (int)e.type, e.start_mark.index, e.start_mark.line,
                     e.start_mark.column, e.end_mark.index, e.end_mark.line, e.end_mark.column);
            yaml_event_delete(&e);
            r = YB_MISMATCH;
            break;
        }
        yaml_event_delete(&e);
        if (t == YAML_STREAM_END_EVENT) {
            if (zl_yb_next(b, &a) != 1 || a.type != YAML_NO_EVENT) {
                snprintf(why, cap, "no YAML_NO_EVENT after the stream's end");
                r = YB_MISMATCH;
            } else {
                r = YB_READ;
            }
            break;
        }
    }
    zl_yb_free(b);
    yaml_parser_delete(&y);
    return r;
}

#endif
