/* SPDX-License-Identifier: MIT */
/* YAML/JSON exports read as events (see ystream.h). */
#include "input/exports/ystream.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/bytescan.h"
#include "input/exports/emit.h"
#include "input/exports/yblock.h"
#include "input/exports/yjson.h"

#define READ_BLOCK 65536

/* What stopped the loading, found by the check pass. */
struct zl_ys_check {
    bool tree;               /* an anchor or an alias: read the document tree */
    bool nested, syntax;     /* loading stopped here */
    struct zl_span span;
    char msg[256];
};

/* What the check pass found, for the read pass (f->ys). */
struct zl_ys_run {
    struct zl_ys_pos pos;
    bool json;
    bool fast;               /* plain JSON (yjson.h) or block YAML (yblock.h): no libyaml */
    long fail_chunk;         /* chunk where loading stopped (-1: all of it loads) */
    unsigned long fail_docs; /* documents of that chunk that loaded */
};

/* A mark of the current chunk's parser as a byte offset (ydoc.c's
 * mark_offset: libyaml counts lines from the chunk, columns in
 * characters, after a byte order mark). */
static uint64_t mark_off(struct zl_ys *s, const yaml_mark_t *m)
{
    struct zl_ys_pos *p = s->pos;
    if (s->clean && s->chunk + m->index < s->clean_end)
        return s->chunk + m->index; /* ASCII lines: a character a byte */
    if (m->line == 0 && m->column == 0)
        return s->chunk_first; /* the reader's errors come with no mark: the chunk's start */
    if (m->line == 0)
        return zl_ys_advance(p, s->chunk_line, s->chunk_col + m->column);
    size_t l = s->chunk_line + m->line;
    if (zl_ys_line_start(p, l) == UINT64_MAX)
        return p->size;
    return zl_ys_advance(p, l, m->column);
}

static void point(struct zl_ys_pos *p, uint64_t off, uint32_t *line, uint32_t *col)
{
    size_t l = zl_ys_line_of(p, off);
    uint64_t ls = zl_ys_line_start(p, l);
    *line = (uint32_t)l + 1;
    *col = (uint32_t)(off - (ls == UINT64_MAX || ls > off ? off : ls)) + 1;
}

struct zl_span zl_ys_span(struct zl_ys *s, uint64_t a, uint64_t b)
{
    struct zl_span sp;
    sp.src = s->f->src;
    point(s->pos, a, &sp.line, &sp.col);
    point(s->pos, b < a ? a : b, &sp.end_line, &sp.end_col);
    if (sp.end_line == sp.line && sp.end_col <= sp.col)
        sp.end_col = sp.col + 1;
    return sp;
}

/* ---- chunks: what the parser reads --------------------------------------------- */

static bool blank(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool bom_at(struct zl_ys_pos *p, uint64_t off)
{
    return zl_ys_byte(p, off) == 0xef && zl_ys_byte(p, off + 1) == 0xbb && zl_ys_byte(p, off + 2) == 0xbf;
}

/* The end of the JSON value in the bytes b[0..n), carrying the state
 * across calls (ydoc.c's json_value_end): true with *len the bytes up to
 * and with its closing bracket, false when the value goes on. */
static bool json_end(struct zl_ys *s, const unsigned char *b, size_t n, size_t *len)
{
    size_t i = 0;
    while (i < n) {
        if (s->jstr) {
            if (s->jesc) {
                s->jesc = false;
                i++;
                continue;
            }
            i += zl_bs_quoted_run((const char *)b + i, n - i);
            if (i >= n)
                break;
            if (b[i] == '\\')
                s->jesc = true;
            else if (b[i] == '"')
                s->jstr = false;
            i++;
            continue;
        }
        i += zl_bs_json_run((const char *)b + i, n - i);
        if (i >= n)
            break;
        unsigned char c = b[i++];
        if (c == '"')
            s->jstr = true;
        else if (c == '{' || c == '[')
            s->jdepth++;
        else if ((c == '}' || c == ']') && --s->jdepth == 0) {
            *len = i;
            return true;
        }
    }
    *len = n;
    return false;
}

/* libyaml's input: the chunk's bytes; for JSON the chunk ends where its
 * top-level value does. */
static int feed(void *data, unsigned char *buf, size_t size, size_t *got)
{
    struct zl_ys *s = data;
    struct zl_ys_pos *p = s->pos;
    *got = 0;
    uint64_t limit = s->chunk_end_known ? s->chunk_end : p->size;
    if (s->fed >= limit)
        return 1;
    size_t n = size < limit - s->fed ? size : (size_t)(limit - s->fed);
    if (!p->mem) {
        zl_ys_fill(p, s->fed + n);
        if (p->read_errno)
            return 0;
        if (s->fed + n > p->base + p->len)
            n = p->base + p->len > s->fed ? (size_t)(p->base + p->len - s->fed) : 0;
    }
    const char *b = n ? zl_ys_bytes(p, s->fed, n) : NULL;
    if (!b)
        n = 0;
    if (n)
        memcpy(buf, b, n);
    size_t e;
    if (s->yj || s->yb) {
        /* the fast sources find a JSON value's end themselves, and take
         * only ASCII without CR (the marks' index is the offset throughout) */
        s->fed += n;
        *got = n;
        return 1;
    }
    if (s->json && !s->chunk_end_known && json_end(s, buf, n, &e)) {
        n = e;
        s->chunk_end = s->fed + e;
        s->chunk_end_known = true;
    }
    if (s->clean && s->clean_end == s->fed) {
        /* still clean: ASCII, every CR followed by LF */
        size_t k = 0;
        for (;;) {
            k += zl_bs_ascii_nocr_run((const char *)buf + k, n - k);
            if (k < n && buf[k] == '\r' && k + 1 < n && buf[k + 1] == '\n') {
                k += 2;
                continue;
            }
            break;
        }
        s->clean_end = s->fed + k;
    }
    s->fed += n;
    if (!s->chunk_end_known && (n == 0 || s->fed >= p->size)) {
        s->chunk_end = s->fed;
        s->chunk_end_known = true;
    }
    *got = n;
    return 1;
}

/* The fast sources' input: the same chunk bytes libyaml would get. */
static size_t feed_yj(void *data, char *buf, size_t max)
{
    size_t got = 0;
    return feed(data, (unsigned char *)buf, max, &got) ? got : 0;
}

static void close_parser(struct zl_ys *s)
{
    if (s->have_ev && !s->yj && !s->yb)
        yaml_event_delete(&s->ev);
    s->have_ev = false;
    if (s->yj)
        zl_yj_free(s->yj);
    else if (s->yb)
        zl_yb_free(s->yb);
    else if (s->parser_open)
        yaml_parser_delete(&s->parser);
    s->yj = NULL;
    s->yb = NULL;
    s->parser_open = false;
}

/* Starts the chunk at offset at: false when there is none (a JSON input
 * with only blanks after its last value). */
static bool open_chunk(struct zl_ys *s, uint64_t at)
{
    struct zl_ys_pos *p = s->pos;
    close_parser(s);
    if (at > 0) {
        uint64_t i = at;
        int c;
        while ((c = zl_ys_byte(p, i)) >= 0 && blank(c))
            i++;
        if (c < 0)
            return false;
    }
    s->chunk = s->fed = at;
    s->chunk_end_known = !s->json;
    s->chunk_end = s->json ? 0 : p->size;
    s->jdepth = 0;
    s->jstr = s->jesc = false;
    s->depth = 0;
    s->chunk_line = zl_ys_line_of(p, at);
    bool bom = bom_at(p, at);
    s->chunk_col = zl_ys_chars_to(p, s->chunk_line, at) + (bom ? 1u : 0u);
    /* marks count from the chunk in characters: bytes only at a line start
     * and without a byte order mark */
    s->clean = !bom && s->chunk_col == 0;
    s->clean_end = at;
    s->chunk_first = zl_ys_advance(p, s->chunk_line, s->chunk_col);
    s->chunk_first_span = zl_ys_span(s, s->chunk_first, s->chunk_first);
    s->f->y.exact_marks = s->convert && s->fast && at == 0; /* the fast sources' marks are the file's */
    if (s->fast && !s->json) {
        /* YAML, unless the check pass gave up on it: one chunk */
        s->yb = zl_yb_new(feed_yj, s);
        s->parser_open = true;
        s->clean_end = UINT64_MAX;
        return true;
    }
    if (s->fast && at == 0) {
        /* JSON: its first chunk, unless the check pass gave up on it */
        s->yj = zl_yj_new(feed_yj, s);
        s->parser_open = s->yj != NULL;
        s->failed = !s->yj;
        if (s->yj) {
            zl_yj_chunked(s->yj);
            s->clean_end = UINT64_MAX;
        }
        return s->parser_open;
    }
    if (!yaml_parser_initialize(&s->parser)) {
        s->failed = true;
        return false;
    }
    s->parser_open = true;
    yaml_parser_set_input(&s->parser, feed, s);
    return true;
}

/* ---- events --------------------------------------------------------------------- */

yaml_event_type_t zl_ys_type(const struct zl_ys *s)
{
    return s->have_ev && !s->failed ? s->ev.type : YAML_NO_EVENT;
}

/* Anchors and aliases are the document tree's business (ystream.h), and
 * so are merge keys ("<<", ydoc.c's zl_y_get): a merged mapping's keys
 * count where the readers walk the events too. */
static bool needs_tree(const yaml_event_t *e)
{
    switch (e->type) {
    case YAML_ALIAS_EVENT: return true;
    case YAML_SCALAR_EVENT:
        return e->data.scalar.anchor != NULL ||
               (e->data.scalar.length == 2 && e->data.scalar.value[0] == '<' && e->data.scalar.value[1] == '<' &&
                e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE);
    case YAML_SEQUENCE_START_EVENT: return e->data.sequence_start.anchor != NULL;
    case YAML_MAPPING_START_EVENT: return e->data.mapping_start.anchor != NULL;
    default: return false;
    }
}

/* Lets the window drop what is before line l (nothing goes back there). */
void zl_ys_keep_from(struct zl_ys *s, size_t l)
{
    struct zl_ys_pos *p = s->pos;
    uint64_t ls = zl_ys_line_start(p, l);
    if (ls == UINT64_MAX || ls <= p->keep)
        return;
    p->keep = ls;
    if (l > p->first && l - p->first < p->n) {
        size_t drop = l - p->first;
        memmove(p->starts, p->starts + drop, (p->n - drop) * sizeof *p->starts);
        p->n -= drop;
        p->first = l;
    }
}

bool zl_ys_next(struct zl_ys *s)
{
    if (s->failed || !s->parser_open)
        return false;
    if (s->have_ev && !s->yj && !s->yb)
        yaml_event_delete(&s->ev);
    s->have_ev = false;
    struct zl_ys_check *c = s->check;
    if ((s->yj && !zl_yj_next(s->yj, &s->ev)) || (s->yb && !zl_yb_next(s->yb, &s->ev))) {
        /* Not plain JSON or block YAML: the check pass starts again
         * through libyaml. In the read pass the check pass read it whole:
         * the file changed. */
        s->failed = true;
        s->fast_gave_up = c != NULL;
        return false;
    }
    if (!s->yj && !s->yb && !yaml_parser_parse(&s->parser, &s->ev)) {
        s->failed = true;
        if (c && !s->pos->read_errno) {
            /* as zl_ydocs_load words it */
            yaml_parser_t *y = &s->parser;
            uint64_t at = mark_off(s, &y->problem_mark);
            c->syntax = true;
            /* the chunk's start may be long gone from the window: its place was kept */
            c->span = at == s->chunk_first ? s->chunk_first_span : zl_ys_span(s, at, at);
            if (y->context)
                snprintf(c->msg, sizeof c->msg, "%s %s", y->problem ? y->problem : "syntax error", y->context);
            else
                snprintf(c->msg, sizeof c->msg, "%s", y->problem ? y->problem : "syntax error");
        }
        return false;
    }
    s->have_ev = true;
    if (s->yj && s->ev.type == YAML_DOCUMENT_END_EVENT) {
        /* the chunk ends with its value, as json_end says for libyaml */
        s->chunk_end = s->chunk + zl_yj_value_end(s->yj);
        s->chunk_end_known = true;
    }
    if (s->convert) {
        s->start = mark_off(s, &s->ev.start_mark);
        s->end = mark_off(s, &s->ev.end_mark);
    } else if ((++s->events & 1023) == 0) {
        /* the check pass: only an error needs a place; the lines and bytes
         * before the current one are not needed any more */
        zl_ys_keep_from(s, s->chunk_line + s->ev.start_mark.line);
    }
    yaml_event_type_t t = s->ev.type;
    if (t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT) {
        if (++s->depth > ZL_YAML_MAX_DEPTH) {
            s->failed = true;
            if (c) {
                uint64_t at = mark_off(s, &s->ev.start_mark);
                c->nested = true;
                c->span = zl_ys_span(s, at, at);
                snprintf(c->msg, sizeof c->msg, "%s nested more than %d levels deep; no DNS export nests like that",
                         s->json ? "JSON" : "YAML", ZL_YAML_MAX_DEPTH);
            }
            return false;
        }
    } else if (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT) {
        s->depth--;
    }
    if (!s->yj && needs_tree(&s->ev)) { /* plain JSON has no anchor, alias or plain "<<" */
        /* the check pass: read the tree; the read pass: the file changed */
        s->failed = true;
        if (c)
            c->tree = true;
        return false;
    }
    return true;
}

/* The check pass over plain JSON or block YAML skips a value without
 * making events for it here (zl_yj_skip, zl_yb_skip): false when it stopped
 * at an event still to be made (*d: how many containers are open then,
 * from the value's). */
static size_t fast_depth(const struct zl_ys *s)
{
    return s->yj ? zl_yj_depth(s->yj) : zl_yb_depth(s->yb);
}

static bool fast_skip(struct zl_ys *s, unsigned *d)
{
    size_t d0 = fast_depth(s), s0 = s->depth, line;
    size_t limit = d0 + ZL_YAML_MAX_DEPTH - (s0 < ZL_YAML_MAX_DEPTH ? s0 : ZL_YAML_MAX_DEPTH);
    for (;;) {
        int r = s->yj ? zl_yj_skip(s->yj, d0 - 1, limit, 4096, &line) : zl_yb_skip(s->yb, d0 - 1, limit, 4096, &line);
        size_t dj = fast_depth(s);
        s->depth = (unsigned)(s0 + dj - d0); /* dj >= d0 - 1 and s0 >= 1 */
        zl_ys_keep_from(s, s->chunk_line + line);
        if (r > 0) {
            zl_ys_next(s);
            return true;
        }
        if (r < 0) {
            *d = (unsigned)(dj - (d0 - 1));
            zl_ys_next(s);
            return false;
        }
    }
}

void zl_ys_skip(struct zl_ys *s, uint64_t *start, uint64_t *end)
{
    if (start)
        *start = s->start;
    uint64_t last = s->end;
    yaml_event_type_t t = zl_ys_type(s);
    if (t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT) {
        unsigned d = 0;
        if ((s->yj || s->yb) && !s->convert && fast_skip(s, &d))
            goto done;
        for (;;) {
            t = zl_ys_type(s);
            if (t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT)
                d++;
            else if (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT)
                d--;
            else if (t == YAML_NO_EVENT)
                break;
            last = s->end;
            zl_ys_next(s);
            if (d == 0)
                break;
        }
    } else if (t != YAML_NO_EVENT) {
        zl_ys_next(s);
    }
done:
    if (end)
        *end = last;
}

bool zl_ys_is_key(const struct zl_ys *s, const char *key)
{
    size_t l = strlen(key);
    return zl_ys_type(s) == YAML_SCALAR_EVENT && s->ev.data.scalar.length == l &&
           memcmp(s->ev.data.scalar.value, key, l) == 0;
}

/* ---- the passes ---------------------------------------------------------------------- */

static void pass_begin(struct zl_ys *s, struct zl_fmt *f, struct zl_ys_run *run, struct zl_ys_check *check)
{
    memset(s, 0, sizeof *s);
    s->f = f;
    s->pos = &run->pos;
    s->json = run->json;
    s->fast = run->fast;
    s->check = check;
    s->convert = !check;
    zl_ys_pos_reset(&run->pos);
    if (run->pos.file)
        lseek(run->pos.file->fd, 0, SEEK_SET);
    /* the node helpers (ydoc.h) read the units: marks are offsets already */
    memset(&f->y, 0, sizeof f->y);
    f->y.src = f->src;
    f->y.len = (size_t)run->pos.size;
    f->y.stream = &run->pos;
    f->y.stream_json = run->json;
}

static void pass_end(struct zl_ys *s)
{
    close_parser(s);
    zl_ys_store_free(s->store);
    s->store = NULL;
    s->unit_open = false;
    memset(&s->f->y, 0, sizeof s->f->y);
}

static void guess_merge(struct zl_fmt_zone_guess *into, const struct zl_fmt_zone_guess *g)
{
    if (g->have_soa && !into->have_soa) {
        into->soa = g->soa;
        into->have_soa = true;
    }
    if (g->have_common)
        zl_fmt_common_suffix(&into->common, &into->have_common, &g->common);
}

/* The documents of every chunk, each handed to fn (or skipped): the check
 * pass (check set) up to the first failure, the read pass up to the
 * document the check stopped at. */
static void each_document(struct zl_ys *s, struct zl_ys_run *run, zl_ys_doc_fn fn, void *arg,
                          struct zl_fmt_zone_guess *g)
{
    struct zl_fmt_zone_guess chunk_g, doc_g;
    uint64_t at = 0;
    for (long chunk = 0;; chunk++) {
        if (!open_chunk(s, at))
            return;
        memset(&chunk_g, 0, sizeof chunk_g);
        unsigned long docs = 0;
        bool ok = zl_ys_next(s) && zl_ys_type(s) == YAML_STREAM_START_EVENT && zl_ys_next(s);
        while (ok && zl_ys_type(s) == YAML_DOCUMENT_START_EVENT) {
            if (!s->check && chunk == run->fail_chunk && docs >= run->fail_docs)
                return;
            if (!zl_ys_next(s))
                break;
            memset(&doc_g, 0, sizeof doc_g);
            if (fn)
                fn(s->f, s, g ? (void *)&doc_g : arg);
            /* whatever the reader left of the document */
            while (zl_ys_type(s) != YAML_DOCUMENT_END_EVENT && zl_ys_type(s) != YAML_NO_EVENT)
                zl_ys_skip(s, NULL, NULL);
            if (s->failed)
                break;
            docs++;
            if (g)
                guess_merge(&chunk_g, &doc_g);
            ok = zl_ys_next(s);
        }
        if (s->failed || zl_ys_type(s) != YAML_STREAM_END_EVENT) {
            s->failed = true;
            if (s->check) {
                run->fail_chunk = chunk;
                run->fail_docs = s->check->nested || s->check->tree ? 0 : docs;
                if (g && !s->check->nested && !s->check->tree)
                    guess_merge(g, &chunk_g);
            }
            return;
        }
        if (g)
            guess_merge(g, &chunk_g);
        if (!s->json)
            return;
        at = s->chunk_end;
    }
}

/* Reads what is left of the file (the loader read it whole before it
 * parsed): false after a read error. */
static bool drain(struct zl_ys_pos *p)
{
    if (!p->file)
        return true;
    char tmp[READ_BLOCK];
    uint64_t done = p->base + p->len;
    for (;;) {
        long r = zl_file_read(p->file, done, tmp, sizeof tmp);
        if (r < 0) {
            p->read_errno = errno ? errno : EIO;
            return false;
        }
        if (r == 0)
            return true;
        done += (uint64_t)r;
    }
}

static void io_error(struct zl_fmt *f, const char *fmt, const char *a)
{
    struct zl_span s = { f->src, 0, 0, 0, 0 };
    f->res->io_error = true;
    zl_fmt_report(f, ZL_RULE_ZL1000, &s, fmt, a);
}

enum zl_ys_mode zl_ys_check(struct zl_fmt *f, const char *text, size_t len, const char *syntax,
                            zl_ys_doc_fn guess, struct zl_fmt_zone_guess *g)
{
    struct zl_ys_run *run = zl_xcalloc(1, sizeof *run);
    f->ys = run;
    struct zl_ys_pos *p = &run->pos;
    if (text || !f->in.file) {
        p->mem = text ? text : "";
        p->size = text ? len : 0;
    } else {
        p->file = f->in.file;
        p->size = f->in.file->size;
    }
    run->fail_chunk = -1;
    zl_ys_pos_reset(p);
    if (p->file)
        lseek(p->file->fd, 0, SEEK_SET);

    /* JSON: one document per top-level value (zl_ydocs_load). */
    uint64_t i = bom_at(p, 0) ? 3 : 0;
    int c;
    while ((c = zl_ys_byte(p, i)) >= 0 && blank(c))
        i++;
    run->json = c == '{' || c == '[';
    /* Without a byte order mark (libyaml counts its marks after one): the
     * fast sources read JSON's first chunk (yjson.h) or the YAML
     * (yblock.h), unless the check pass finds they cannot */
    run->fast = !bom_at(p, 0);

    size_t hn = p->size < 4096 ? (size_t)p->size : 4096;
    const char *head = hn ? zl_ys_bytes(p, 0, hn) : "";
    const char *enc = head ? zl_text_not_utf8((const unsigned char *)head, hn) : NULL;
    struct zl_ys_check check;
    struct zl_ys s;
    struct zl_fmt_zone_guess g0;
    if (g)
        g0 = *g;
    for (;;) {
        memset(&check, 0, sizeof check);
        pass_begin(&s, f, run, &check);
        if (!enc && !p->read_errno)
            each_document(&s, run, guess ? guess : NULL, NULL, guess ? g : NULL);
        pass_end(&s);
        if (!s.fast_gave_up)
            break;
        /* not plain JSON after all: the pass again, through libyaml */
        run->fast = false;
        run->fail_chunk = -1;
        run->fail_docs = 0;
        if (g)
            *g = g0;
    }

    /* As the loader, which read the whole file first: a read error or a
     * file that grew is all there is to say. */
    if (!drain(p) || p->read_errno) {
        io_error(f, "read error: %s", strerror(p->read_errno));
        return ZL_YS_NOTHING;
    }
    if (p->file && zl_file_grew(p->file)) {
        char a[32];
        zl_size_text(p->file->size, a, sizeof a);
        io_error(f, "the file grew while it was read; only the %s it had when zonelint opened it were read "
                    "(lint it again when it is complete)", a);
        return ZL_YS_NOTHING;
    }
    if (enc) {
        /* as zl_fmt_load_documents: said, and no document loads */
        struct zl_span at = { f->src, 1, 1, 1, 2 };
        if (!strcmp(enc, "UTF-16"))
            zl_fmt_error(f, &at, "this file is UTF-16; convert it to UTF-8 (for example with iconv -f UTF-16 -t UTF-8)");
        else
            zl_fmt_error(f, &at, "this file is binary (mostly NUL bytes), not %s",
                         strcmp(syntax, "JSON") ? "YAML or JSON" : "JSON");
        run->fail_chunk = 0;
        run->fail_docs = 0;
        return ZL_YS_STREAM;
    }
    if (check.tree)
        return ZL_YS_TREE;
    if (check.nested)
        zl_fmt_error(f, &check.span, "%s", check.msg);
    else if (check.syntax)
        zl_fmt_error(f, &check.span, "%s syntax error: %s", syntax, check.msg);
    return ZL_YS_STREAM;
}

void zl_ys_read(struct zl_fmt *f, zl_ys_doc_fn doc, void *arg)
{
    struct zl_ys_run *run = f->ys;
    if (!run)
        return;
    struct zl_ys s;
    pass_begin(&s, f, run, NULL);
    each_document(&s, run, doc, arg, NULL);
    pass_end(&s);
}

const char *zl_ys_whole(struct zl_fmt *f, size_t *len)
{
    struct zl_ys_run *run = f->ys;
    struct zl_ys_pos *p = &run->pos;
    *len = (size_t)p->size;
    if (p->mem)
        return p->mem;
    zl_ys_pos_reset(p);
    lseek(p->file->fd, 0, SEEK_SET);
    const char *b = p->size ? zl_ys_bytes(p, 0, (size_t)p->size) : "";
    if (!b) {
        io_error(f, "read error: %s", strerror(p->read_errno ? p->read_errno : EIO));
        return NULL;
    }
    return b;
}

void zl_ys_free(struct zl_fmt *f)
{
    struct zl_ys_run *run = f->ys;
    if (!run)
        return;
    free(run->pos.buf);
    free(run->pos.starts);
    free(run);
    f->ys = NULL;
}

void zl_ys_read_guessing(struct zl_fmt *f, const char *text, size_t len, const char *syntax, zl_ys_doc_fn guess,
                         zl_ys_doc_fn doc, void (*tree)(struct zl_fmt *f, const char *text, size_t len))
{
    struct zl_fmt_zone_guess g;
    memset(&g, 0, sizeof g);
    switch (zl_ys_check(f, text, len, syntax, f->opts->zone ? NULL : guess, &g)) {
    case ZL_YS_NOTHING:
        break;
    case ZL_YS_TREE:
        if ((text = zl_ys_whole(f, &len)))
            tree(f, text, len);
        break;
    case ZL_YS_STREAM:
        if (f->opts->zone) {
            f->origin = *f->opts->zone;
            f->have_origin = true;
        } else {
            zl_fmt_zone_guess_use(f, &g);
        }
        zl_ys_read(f, doc, NULL);
        break;
    }
    zl_ys_free(f);
}
