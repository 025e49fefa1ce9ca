/* SPDX-License-Identifier: MIT */
/* Loading YAML/JSON documents and mapping libyaml's marks to byte spans. */
#include "input/exports/ydoc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "input/exports/ypos.h"

/* ---- lines and positions ------------------------------------------------ */

#define STRIDE 64 /* characters between checkpoints */

static bool is_cont(char c)
{
    return ((unsigned char)c & 0xc0) == 0x80;
}

/* Line starts and column checkpoints in one pass over the input. */
static void index_lines(struct zl_ydocs *y)
{
    size_t cap = 64, ccap = 64, nck = 0;
    y->lines = zl_xmalloc(cap * sizeof *y->lines);
    y->line_ck = zl_xmalloc((cap + 1) * sizeof *y->line_ck);
    y->ck = zl_xmalloc(ccap * sizeof *y->ck);
    y->nlines = 0;
    size_t off = 0;
    for (;;) {
        if (y->nlines == cap) {
            cap *= 2;
            y->lines = zl_xrealloc(y->lines, cap * sizeof *y->lines);
            y->line_ck = zl_xrealloc(y->line_ck, (cap + 1) * sizeof *y->line_ck);
        }
        y->lines[y->nlines] = off;
        y->line_ck[y->nlines] = nck;
        y->nlines++;
        /* the characters of this line, as mark_offset steps over them */
        size_t c = 0;
        while (off < y->len && y->data[off] != '\n') {
            off++;
            while (off < y->len && is_cont(y->data[off]))
                off++;
            if (++c % STRIDE == 0) {
                if (nck == ccap) {
                    ccap *= 2;
                    y->ck = zl_xrealloc(y->ck, ccap * sizeof *y->ck);
                }
                y->ck[nck++] = off;
            }
        }
        if (off >= y->len)
            break;
        off++; /* the newline */
    }
    y->line_ck[y->nlines] = nck;
}

/* Byte offset of character col of line l (the line's end when shorter). */
static size_t advance(const struct zl_ydocs *y, size_t l, size_t col)
{
    size_t off = y->lines[l], c = 0;
    size_t have = y->line_ck[l + 1] - y->line_ck[l], k = col / STRIDE;
    if (k > have)
        k = have;
    if (k) {
        off = y->ck[y->line_ck[l] + k - 1];
        c = k * STRIDE;
    }
    for (; c < col && off < y->len && y->data[off] != '\n'; c++) {
        off++;
        while (off < y->len && is_cont(y->data[off]))
            off++;
    }
    return off;
}

/* Characters from the start of line l to byte off on it. */
static size_t chars_to(const struct zl_ydocs *y, size_t l, size_t off)
{
    size_t lo = y->line_ck[l], hi = y->line_ck[l + 1];
    /* the last checkpoint at or before off */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (y->ck[mid] <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = lo - y->line_ck[l];
    size_t p = k ? y->ck[y->line_ck[l] + k - 1] : y->lines[l], c = k * STRIDE;
    while (p < off) {
        p++;
        while (p < off && is_cont(y->data[p]))
            p++;
        c++;
    }
    return c;
}

/* 0-based line holding byte off. */
static size_t line_of(const struct zl_ydocs *y, size_t off)
{
    if (y->stream)
        return zl_ys_line_of(y->stream, off);
    size_t lo = 0, hi = y->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (y->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static bool has_bom(const char *p, size_t n)
{
    return n >= 3 && (unsigned char)p[0] == 0xef && (unsigned char)p[1] == 0xbb &&
           (unsigned char)p[2] == 0xbf;
}

/* Byte offset of a mark of a document parsed from the text at chunk:
 * libyaml counts lines from the chunk's start and columns in characters. */
static size_t mark_offset(const struct zl_ydocs *y, size_t chunk, const yaml_mark_t *m)
{
    if (y->stream)
        return m->index; /* made an offset when the event came */
    size_t cl = line_of(y, chunk);
    if (m->line == 0) {
        /* the chunk may start inside its line ("{...}{...}" pages) */
        size_t col = chars_to(y, cl, chunk) + m->column;
        if (has_bom(y->data + chunk, y->len - chunk))
            col++; /* libyaml drops a byte order mark before counting */
        return advance(y, cl, col);
    }
    size_t l = cl + m->line;
    if (l >= y->nlines)
        return y->len;
    return advance(y, l, m->column);
}

/* The offset document doc was parsed from (a streamed unit's marks are
 * offsets already). */
static size_t chunk_of(const struct zl_ydocs *y, size_t doc)
{
    return y->stream ? 0 : y->doc_off[doc];
}

/* Where line l starts; SIZE_MAX when there is no such line. */
static size_t line_start(const struct zl_ydocs *y, size_t l)
{
    if (y->stream) {
        uint64_t st = zl_ys_line_start(y->stream, l);
        return st == UINT64_MAX ? SIZE_MAX : (size_t)st;
    }
    return l < y->nlines ? y->lines[l] : SIZE_MAX;
}

static void point(const struct zl_ydocs *y, size_t off, uint32_t *line, uint32_t *col)
{
    size_t l = line_of(y, off);
    size_t start = y->stream ? (size_t)zl_ys_line_start(y->stream, l) : y->lines[l];
    *line = (uint32_t)l + 1;
    *col = (uint32_t)(off - (start > off ? off : start)) + 1;
}

static struct zl_span span_of(const struct zl_ydocs *y, size_t a, size_t b)
{
    struct zl_span s;
    s.src = y->src;
    size_t l = line_of(y, a), ls = line_start(y, l);
    s.line = (uint32_t)l + 1;
    s.col = (uint32_t)(a - (ls > a ? a : ls)) + 1;
    if (b >= a && ls <= a && b < line_start(y, l + 1)) {
        /* the end on the start's line, as most spans: no second look-up */
        s.end_line = s.line;
        s.end_col = s.col + (uint32_t)(b - a);
    } else {
        point(y, b, &s.end_line, &s.end_col);
    }
    if (s.end_line == s.line && s.end_col <= s.col)
        s.end_col = s.col + 1;
    return s;
}

/* ---- loading -------------------------------------------------------------- */

/* End of the JSON value starting at i (an object or array), or len when it
 * does not close. Strings are skipped so braces inside them do not count. */
static size_t json_value_end(const char *p, size_t len, size_t i)
{
    int depth = 0;
    for (; i < len; i++) {
        char c = p[i];
        if (c == '"') {
            for (i++; i < len && p[i] != '"'; i++)
                if (p[i] == '\\')
                    i++;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                return i + 1;
        }
    }
    return len;
}

static size_t skip_space(const char *p, size_t len, size_t i)
{
    while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    return i;
}

static void push_doc(struct zl_ydocs *y, yaml_document_t *d, size_t off, size_t *cap)
{
    if (y->ndocs == *cap) {
        *cap = *cap ? *cap * 2 : 4;
        y->docs = zl_xrealloc(y->docs, *cap * sizeof *y->docs);
        y->doc_off = zl_xrealloc(y->doc_off, *cap * sizeof *y->doc_off);
    }
    y->docs[y->ndocs] = *d;
    y->doc_off[y->ndocs] = off;
    y->ndocs++;
}

/* Nesting deeper than ZL_YAML_MAX_DEPTH is an error before the document
 * is loaded: libyaml's events, counted, stop there after bounded work.
 * A syntax error is left to the loader to word. */
static int depth_ok(struct zl_ydocs *y, size_t off, size_t len, const char *what, struct zl_yerror *err)
{
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p))
        return 1;
    yaml_parser_set_input_string(&p, (const unsigned char *)y->data + off, len);
    int depth = 0, ok = 1;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev))
            break;
        yaml_event_type_t t = ev.type;
        if (t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT) {
            if (++depth > ZL_YAML_MAX_DEPTH) {
                size_t at = mark_offset(y, off, &ev.start_mark);
                err->span = span_of(y, at, at);
                snprintf(err->msg, sizeof err->msg, "%s nested more than %d levels deep; no DNS export "
                                                    "nests like that", what, ZL_YAML_MAX_DEPTH);
                ok = 0;
            }
        } else if (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT) {
            depth--;
        }
        yaml_event_delete(&ev);
        if (!ok || t == YAML_STREAM_END_EVENT)
            break;
    }
    yaml_parser_delete(&p);
    return ok;
}

static int load_chunk(struct zl_ydocs *y, size_t off, size_t len, size_t *cap, struct zl_yerror *err, bool json)
{
    if (!depth_ok(y, off, len, json ? "JSON" : "YAML", err)) {
        err->nested = true;
        return -1;
    }
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) {
        err->span = span_of(y, off, off);
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return -1;
    }
    yaml_parser_set_input_string(&p, (const unsigned char *)y->data + off, len);
    int rc = 0;
    for (;;) {
        yaml_document_t d;
        if (!yaml_parser_load(&p, &d)) {
            size_t at = mark_offset(y, off, &p.problem_mark);
            err->span = span_of(y, at, at);
            if (p.context)
                snprintf(err->msg, sizeof err->msg, "%s %s", p.problem ? p.problem : "syntax error",
                         p.context);
            else
                snprintf(err->msg, sizeof err->msg, "%s", p.problem ? p.problem : "syntax error");
            rc = -1;
            break;
        }
        if (!yaml_document_get_root_node(&d)) {
            yaml_document_delete(&d);
            break;
        }
        push_doc(y, &d, off, cap);
    }
    yaml_parser_delete(&p);
    return rc;
}

int zl_ydocs_load(struct zl_ydocs *y, const char *data, size_t len, const struct zl_source *src,
                  struct zl_yerror *err)
{
    memset(y, 0, sizeof *y);
    memset(err, 0, sizeof *err);
    y->data = data;
    y->len = len;
    y->src = src;
    index_lines(y);
    size_t cap = 0;
    size_t start = has_bom(data, len) ? 3 : 0;
    size_t i = skip_space(data, len, start);
    if (i < len && (data[i] == '{' || data[i] == '[')) {
        /* JSON: one document per top-level value. */
        size_t chunk = 0;
        while (i < len) {
            size_t end = json_value_end(data, len, i);
            if (load_chunk(y, chunk, end - chunk, &cap, err, true) != 0)
                return -1;
            chunk = end;
            i = skip_space(data, len, end);
        }
        return 0;
    }
    return load_chunk(y, 0, len, &cap, err, false);
}

void zl_ydocs_free(struct zl_ydocs *y)
{
    for (size_t i = 0; i < y->ndocs; i++)
        yaml_document_delete(&y->docs[i]);
    free(y->docs);
    free(y->doc_off);
    free(y->lines);
    free(y->ck);
    free(y->line_ck);
    memset(y, 0, sizeof *y);
}

/* ---- nodes ---------------------------------------------------------------- */

yaml_node_t *zl_y_root(struct zl_ydocs *y, size_t doc)
{
    return yaml_document_get_root_node(&y->docs[doc]);
}

yaml_node_t *zl_y_node(struct zl_ydocs *y, size_t doc, int index)
{
    return yaml_document_get_node(&y->docs[doc], index);
}

bool zl_y_is_scalar(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE;
}

const char *zl_y_str(const yaml_node_t *n, size_t *len)
{
    *len = n->data.scalar.length;
    return (const char *)n->data.scalar.value;
}

bool zl_y_eq(const yaml_node_t *n, const char *s)
{
    size_t l = strlen(s);
    return zl_y_is_scalar(n) && n->data.scalar.length == l && memcmp(n->data.scalar.value, s, l) == 0;
}

bool zl_y_is_merge_key(const yaml_node_t *k)
{
    return k && k->type == YAML_SCALAR_NODE && k->data.scalar.length == 2 && k->data.scalar.value[0] == '<' &&
           k->data.scalar.value[1] == '<' && k->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

/* YAML 1.1 merge keys, as PyYAML's SafeLoader (octoDNS's loader) reads
 * them: "<<: *a" or "<<: [*a, *b]" adds the keys of those mappings that the
 * mapping does not have itself; of several, the earlier wins. Aliases may
 * nest; depth bounds a mapping that merges itself. */
/* yaml_document_get_node, without the call: every key lookup walks pairs. */
static inline yaml_node_t *node_of(const yaml_document_t *d, int index)
{
    return index > 0 && d->nodes.start + index <= d->nodes.top ? d->nodes.start + index - 1 : NULL;
}

static yaml_node_t *get_merged(struct zl_ydocs *y, size_t doc, const yaml_node_t *map, const char *key,
                               size_t klen, unsigned depth)
{
    if (!map || map->type != YAML_MAPPING_NODE || depth > 16)
        return NULL;
    const yaml_document_t *d = &y->docs[doc];
    bool merges = false;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        const yaml_node_t *k = node_of(d, p->key);
        if (!k || k->type != YAML_SCALAR_NODE)
            continue;
        if (k->data.scalar.length == klen && memcmp(k->data.scalar.value, key, klen) == 0)
            return node_of(d, p->value);
        merges = merges || zl_y_is_merge_key(k);
    }
    if (!merges)
        return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        if (!zl_y_is_merge_key(node_of(d, p->key)))
            continue;
        yaml_node_t *v = node_of(d, p->value);
        if (v && v->type == YAML_SEQUENCE_NODE) {
            for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
                yaml_node_t *got = get_merged(y, doc, node_of(d, *it), key, klen, depth + 1);
                if (got)
                    return got;
            }
        } else {
            yaml_node_t *got = get_merged(y, doc, v, key, klen, depth + 1);
            if (got)
                return got;
        }
    }
    return NULL;
}

yaml_node_t *zl_y_get(struct zl_ydocs *y, size_t doc, const yaml_node_t *map, const char *key)
{
    return get_merged(y, doc, map, key, strlen(key), 0);
}

static void each_pair(struct zl_ydocs *y, size_t doc, const yaml_node_t *map, const yaml_node_t *top,
                      unsigned depth, void (*fn)(void *, yaml_node_t *, yaml_node_t *), void *user)
{
    if (!map || map->type != YAML_MAPPING_NODE || depth > 16)
        return;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = zl_y_node(y, doc, p->key);
        if (zl_y_is_merge_key(k))
            continue;
        /* a merged key shadowed by one of the mapping itself (or an earlier merge) is not seen */
        size_t kl;
        const char *ks = zl_y_is_scalar(k) ? zl_y_str(k, &kl) : NULL;
        if (depth > 0 && (!ks || get_merged(y, doc, top, ks, strlen(ks), 0) != zl_y_node(y, doc, p->value)))
            continue;
        fn(user, k, zl_y_node(y, doc, p->value));
    }
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        if (!zl_y_is_merge_key(zl_y_node(y, doc, p->key)))
            continue;
        yaml_node_t *v = zl_y_node(y, doc, p->value);
        if (v && v->type == YAML_SEQUENCE_NODE)
            for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++)
                each_pair(y, doc, zl_y_node(y, doc, *it), top, depth + 1, fn, user);
        else
            each_pair(y, doc, v, top, depth + 1, fn, user);
    }
}

void zl_y_each_pair(struct zl_ydocs *y, size_t doc, const yaml_node_t *map,
                    void (*fn)(void *user, yaml_node_t *key, yaml_node_t *value), void *user)
{
    each_pair(y, doc, map, map, 0, fn, user);
}

void zl_y_offsets(const struct zl_ydocs *y, size_t doc, const yaml_node_t *n, size_t *a, size_t *b)
{
    *a = mark_offset(y, chunk_of(y, doc), &n->start_mark);
    *b = mark_offset(y, chunk_of(y, doc), &n->end_mark);
    if (*b < *a)
        *b = *a;
}

/* The node's marks are the file's lines and columns (exact_marks); not
 * an end libyaml put on a line of its own at the input's end. */
static bool exact(const struct zl_ydocs *y, const yaml_node_t *n)
{
    return y->exact_marks && n->start_mark.index <= n->end_mark.index && n->end_mark.index < y->len;
}

/* Bytes [a, b) of a node on one line, from its exact marks. */
static struct zl_span exact_span(const struct zl_ydocs *y, const yaml_node_t *n, size_t a, size_t b)
{
    struct zl_span s;
    s.src = y->src;
    s.line = s.end_line = (uint32_t)n->start_mark.line + 1;
    s.col = (uint32_t)(n->start_mark.column + (a - n->start_mark.index)) + 1;
    s.end_col = s.col + (uint32_t)(b - a);
    if (s.end_col <= s.col)
        s.end_col = s.col + 1;
    return s;
}

struct zl_span zl_y_span(const struct zl_ydocs *y, size_t doc, const yaml_node_t *n)
{
    if (exact(y, n)) {
        struct zl_span s;
        s.src = y->src;
        s.line = (uint32_t)n->start_mark.line + 1;
        s.col = (uint32_t)n->start_mark.column + 1;
        s.end_line = (uint32_t)n->end_mark.line + 1;
        s.end_col = (uint32_t)n->end_mark.column + 1;
        if (s.end_line == s.line && s.end_col <= s.col)
            s.end_col = s.col + 1;
        return s;
    }
    size_t a = mark_offset(y, chunk_of(y, doc), &n->start_mark);
    size_t b = mark_offset(y, chunk_of(y, doc), &n->end_mark);
    return span_of(y, a, b < a ? a : b);
}

/* ---- scalar maps ------------------------------------------------------------ */

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static size_t utf8_put(unsigned long cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/* One double-quoted escape at p[i] (the byte after '\'): its bytes into out;
 * returns how many, and the source bytes it used in *used; 0 when unknown. */
static size_t dq_escape(const char *p, size_t end, size_t i, char *out, size_t *used)
{
    static const char simple_in[] = "\"\\/bfnrt0aev ";
    static const char simple_out[] = "\"\\/\b\f\n\r\t\0\a\033\v ";
    if (i >= end)
        return 0;
    const char *s = strchr(simple_in, p[i]);
    if (s && p[i]) {
        out[0] = simple_out[s - simple_in];
        *used = 2;
        return 1;
    }
    int digits = p[i] == 'x' ? 2 : p[i] == 'u' ? 4 : p[i] == 'U' ? 8 : 0;
    if (!digits)
        return 0;
    unsigned long cp = 0;
    for (int k = 1; k <= digits; k++) {
        if (i + (size_t)k >= end)
            return 0;
        int h = hexval(p[i + (size_t)k]);
        if (h < 0)
            return 0;
        cp = cp * 16 + (unsigned long)h;
    }
    *used = 2 + (size_t)digits;
    return utf8_put(cp, out);
}

/* A one-line scalar's bytes as written, [*a, *b) from *q, after its tag
 * and anchor: false when there are none to map. */
static bool scalar_source(const struct zl_ydocs *y, size_t doc, const yaml_node_t *n, size_t *pa, size_t *pb,
                          const char **pq)
{
    if (!zl_y_is_scalar(n) || n->start_mark.line != n->end_mark.line)
        return false;
    size_t a = mark_offset(y, chunk_of(y, doc), &n->start_mark);
    size_t b = mark_offset(y, chunk_of(y, doc), &n->end_mark);
    if (b < a || b > y->len)
        return false;
    const char *q = y->stream ? zl_ys_bytes(y->stream, a, b - a) : y->data + a;
    if (!q)
        return false;
    /* A node's marks include its properties: a tag ("!Sub 'x'", as
     * CloudFormation's short forms are) and an anchor come first. */
    while (a < b && (*q == '!' || *q == '&')) {
        while (a < b && *q != ' ' && *q != '\t')
            a++, q++;
        while (a < b && (*q == ' ' || *q == '\t'))
            a++, q++;
    }
    *pa = a;
    *pb = b;
    *pq = q;
    return true;
}

/* Where a scalar's value bytes are when they are written as they are (plain,
 * or quoted without an escape or a doubled quote): value byte i at *base + i. */
static bool scalar_as_written(const yaml_node_t *n, size_t a, size_t b, const char *q, size_t *base)
{
    size_t vlen = n->data.scalar.length;
    const char *v = (const char *)n->data.scalar.value;
    switch (n->data.scalar.style) {
    case YAML_PLAIN_SCALAR_STYLE:
        *base = a;
        return b - a >= vlen && memcmp(q, v, vlen) == 0;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
        *base = a + 1;
        return b - a == vlen + 2 && q[0] == '"' && q[b - a - 1] == '"' && !memchr(q + 1, '\\', vlen) &&
               memcmp(q + 1, v, vlen) == 0;
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
        *base = a + 1;
        return b - a == vlen + 2 && q[0] == '\'' && q[b - a - 1] == '\'' && !memchr(q + 1, '\'', vlen) &&
               memcmp(q + 1, v, vlen) == 0;
    default: return false;
    }
}

/* The map of a scalar whose bytes as written are [a, b) from q (see
 * zl_y_scalar_map), or NULL when they do not decode to its value. */
static size_t *map_of(const yaml_node_t *n, size_t a, size_t b, const char *q)
{
    size_t vlen = n->data.scalar.length;
    const char *v = (const char *)n->data.scalar.value;
    size_t *map = zl_xmalloc((vlen + 1) * sizeof *map);
    size_t base;
    if (scalar_as_written(n, a, b, q, &base)) {
        /* most values: byte o at base + o, then the closing quote or the end */
        for (size_t o = 0; o <= vlen; o++)
            map[o] = base + o;
        return map;
    }
    /* P(i) is byte i of the input, i in [a, b). */
#define P(i) q[(i) - a]
    size_t o = 0; /* value bytes produced */
    bool ok = true;
    switch (n->data.scalar.style) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
        /* a == len when libyaml counted a line break that y->lines did
         * not (a lone CR): no quote there to read. */
        if (a >= b || P(a) != '\'') {
            ok = false;
            break;
        }
        for (size_t i = a + 1; ok && i < b && o <= vlen; i++) {
            if (P(i) == '\'') {
                if (i + 1 < b && P(i + 1) == '\'') {
                    ok = o < vlen && v[o] == '\'';
                    map[o++] = i++;
                    continue;
                }
                map[o] = i; /* closing quote */
                break;
            }
            ok = o < vlen && v[o] == P(i);
            map[o++] = i;
        }
        break;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
        if (a >= b || P(a) != '"') {
            ok = false;
            break;
        }
        for (size_t i = a + 1; ok && i < b && o <= vlen;) {
            if (P(i) == '"') {
                map[o] = i;
                break;
            }
            if (P(i) != '\\') {
                ok = o < vlen && v[o] == P(i);
                map[o++] = i++;
                continue;
            }
            char tmp[4];
            size_t used = 0, nb = dq_escape(q, b - a, i + 1 - a, tmp, &used);
            if (!nb || o + nb > vlen || memcmp(v + o, tmp, nb) != 0) {
                ok = false;
                break;
            }
            for (size_t k = 0; k < nb; k++)
                map[o++] = i;
            i += used;
        }
        break;
    default:
        ok = false;
    }
    if (!ok || o != vlen) {
        free(map);
        return NULL;
    }
    return map;
#undef P
}

size_t *zl_y_scalar_map(const struct zl_ydocs *y, size_t doc, const yaml_node_t *n)
{
    size_t a, b;
    const char *q;
    return scalar_source(y, doc, n, &a, &b, &q) ? map_of(n, a, b, q) : NULL;
}

struct zl_span zl_y_value_span(const struct zl_ydocs *y, size_t doc, const yaml_node_t *n)
{
    size_t a, b, base;
    const char *q;
    size_t len = zl_y_is_scalar(n) ? n->data.scalar.length : 0;
    if (!len || !scalar_source(y, doc, n, &a, &b, &q))
        return zl_y_span(y, doc, n);
    if (scalar_as_written(n, a, b, q, &base)) /* map_of's map[0] and map[len] */
        return exact(y, n) ? exact_span(y, n, base, base + len) : span_of(y, base, base + len);
    size_t *map = map_of(n, a, b, q);
    struct zl_span s = map ? zl_y_map_span(y, map, 0, len) : zl_y_span(y, doc, n);
    free(map);
    return s;
}

struct zl_span zl_y_map_span(const struct zl_ydocs *y, const size_t *map, size_t a, size_t b)
{
    return span_of(y, map[a], map[b]);
}
