/* SPDX-License-Identifier: MIT */
/* libyaml's events for block-style YAML (yblock.h). The scanner and the
 * parser follow libyaml's rules for the block context (its tokens, its
 * indentation stack, its simple keys and its folding of scalars), so that
 * the events and their marks are libyaml's; every path libyaml would take
 * outside that subset, or into an error, gives up instead. Hand-written
 * rather than flex: what a character means depends on the indentation
 * stack and on what came before it on the line. The input is printable
 * ASCII and '\n' only, so a mark's index and column count bytes. */
#include "input/exports/yblock.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

#define READ_BLOCK 65536
/* libyaml forgets a possible simple key 1024 characters before its ':' */
#define KEY_REACH 1000

enum tok_type {
    T_STREAM_START = 1,
    T_STREAM_END,
    T_DOC_START,
    T_DOC_END,     /* "..." */
    T_SEQ_START,   /* BLOCK-SEQUENCE-START */
    T_MAP_START,   /* BLOCK-MAPPING-START */
    T_BLOCK_END,
    T_ENTRY,       /* "- " */
    T_KEY,
    T_VALUE,
    T_SCALAR,
};

struct tok {
    enum tok_type type;
    yaml_scalar_style_t style;
    yaml_mark_t s, e;
};

/* The parser's states (libyaml's, the block ones). */
enum {
    S_STREAM_START,
    S_IMPLICIT_DOC_START,
    S_DOC_START,
    S_DOC_CONTENT,
    S_DOC_END,
    S_BLOCK_NODE,
    S_SEQ_FIRST,
    S_SEQ_ENTRY,
    S_INDENTLESS_ENTRY,
    S_MAP_FIRST,
    S_MAP_KEY,
    S_MAP_VALUE,
    S_END,
};

struct zl_yb {
    zl_yb_read_fn read;
    void *data;
    /* the window: w[wpos..wlen) are the bytes from the mark on */
    char *w;
    size_t wpos, wlen, wcap;
    bool eof, bad, gave_up;
    /* the mark */
    size_t index, line, col;
    /* the scanner */
    bool started, ended;
    long indent;
    long *indents;
    size_t nindents, capindents;
    bool key_allowed;                /* libyaml's simple_key_allowed */
    struct tok *q;                   /* fetched, not yet parsed */
    size_t qhead, qtail, qcap;
    /* the one scalar in the queue: its value */
    char *val;
    size_t vlen, vcap;
    /* the parser */
    int state;
    uint8_t *states;
    size_t nstates, capstates;
    size_t depth;                    /* collections open in the events given */
    yaml_event_t held;               /* made by zl_yb_skip, for zl_yb_next */
    bool have_held;
};

/* ---- the input ------------------------------------------------------------------- */

/* How many of the n bytes at p are printable ASCII or '\n' (the rest is
 * libyaml's); eight at a time where none is below ' ' or above '~'. */
static size_t printable(const char *p, size_t n)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    size_t i = 0;
    for (;;) {
        for (; i + 8 <= n; i += 8) {
            uint64_t x;
            memcpy(&x, p + i, 8);
            if (x & highs)
                break;
            /* bytes below 0x80 here: adding 0x7f or 0x60 carries into a
             * byte's top bit exactly when it is non-zero or >= ' ' */
            uint64_t nl = x ^ (0x0a * ones), del = x ^ (0x7f * ones);
            uint64_t ctl = ~(x + 0x60 * ones) & (nl + 0x7f * ones);
            if ((ctl | ~(del + 0x7f * ones)) & highs)
                break;
        }
        size_t end = i + 8 < n ? i + 8 : n;
        for (; i < end; i++) {
            unsigned char c = (unsigned char)p[i];
            if ((c < 0x20 || c > 0x7e) && c != '\n')
                return i;
        }
        if (i >= n)
            return n;
    }
}

/* The window refilled until it holds the byte k after the mark: false
 * when the input ends first. */
static bool refill(struct zl_yb *b, size_t k)
{
    if (b->eof)
        return false;
    if (b->wpos) {
        memmove(b->w, b->w + b->wpos, b->wlen - b->wpos);
        b->wlen -= b->wpos;
        b->wpos = 0;
    }
    if (b->w)
        b->w[b->wlen] = '\0';
    while (b->wlen <= k && !b->eof) {
        if (b->wcap - b->wlen < READ_BLOCK) {
            b->wcap = b->wlen + 2 * READ_BLOCK;
            b->w = zl_xrealloc(b->w, b->wcap);
        }
        size_t got = b->read(b->data, b->w + b->wlen, b->wcap - b->wlen - 1);
        if (got == 0) {
            b->eof = true;
            break;
        }
        size_t ok = printable(b->w + b->wlen, got);
        if (ok < got) {
            b->bad = true;
            b->eof = true;
        }
        b->wlen += ok;
        b->w[b->wlen] = '\0'; /* take_run's sentinel */
    }
    return b->wlen > k;
}

/* The byte k after the mark, -1 past the input's end. */
static inline int ch(struct zl_yb *b, size_t k)
{
    if (b->wpos + k < b->wlen || refill(b, k))
        return (unsigned char)b->w[b->wpos + k];
    return -1;
}

static inline bool blankz(int c)
{
    return c == ' ' || c == '\n' || c < 0;
}

static inline void adv(struct zl_yb *b)
{
    b->wpos++;
    b->index++;
    b->col++;
}

static inline void adv_nl(struct zl_yb *b)
{
    b->wpos++;
    b->index++;
    b->line++;
    b->col = 0;
}

static inline yaml_mark_t mark(const struct zl_yb *b)
{
    return (yaml_mark_t){ b->index, b->line, b->col };
}

static bool give_up(struct zl_yb *b)
{
    b->gave_up = true;
    return false;
}

/* ---- the scanner ----------------------------------------------------------------- */

static void grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return;
    *cap = need < 64 ? 64 : need * 2;
    *p = zl_xrealloc(*p, *cap * size);
}

static struct tok *put(struct zl_yb *b, enum tok_type type, yaml_mark_t s, yaml_mark_t e)
{
    if (b->qtail == b->qcap)
        grow((void **)&b->q, &b->qcap, b->qtail + 1, sizeof *b->q);
    b->q[b->qtail] = (struct tok){ type, YAML_ANY_SCALAR_STYLE, s, e };
    return &b->q[b->qtail++];
}

static void val_room(struct zl_yb *b, size_t n)
{
    if (b->vlen + n + 1 > b->vcap)
        grow((void **)&b->val, &b->vcap, b->vlen + n + 1, 1);
}

static void val_fill(struct zl_yb *b, char c, size_t n)
{
    val_room(b, n);
    memset(b->val + b->vlen, c, n);
    b->vlen += n;
}

/* Where a run of a scalar's bytes stops: a blank, and what ends each style. */
enum { STOP_PLAIN = 1, STOP_SINGLE = 2, STOP_DOUBLE = 4 };
static const uint8_t stops[256] = {
    ['\0'] = STOP_PLAIN | STOP_SINGLE | STOP_DOUBLE, /* the window's end */
    [' '] = STOP_PLAIN | STOP_SINGLE | STOP_DOUBLE, ['\n'] = STOP_PLAIN | STOP_SINGLE | STOP_DOUBLE,
    [':'] = STOP_PLAIN, ['\''] = STOP_SINGLE, ['"'] = STOP_DOUBLE, ['\\'] = STOP_DOUBLE,
};

/* The bytes at the mark up to one that stops or the window's end, n >= 1
 * of them, into the value. */
static void take_run(struct zl_yb *b, uint8_t stop)
{
    const unsigned char *p = (const unsigned char *)b->w + b->wpos + 1;
    while (!(stops[*p] & stop))
        p++;
    size_t n = (size_t)((const char *)p - (b->w + b->wpos));
    val_room(b, n);
    memcpy(b->val + b->vlen, b->w + b->wpos, n);
    b->vlen += n;
    b->wpos += n;
    b->index += n;
    b->col += n;
}

/* libyaml's roll_indent: a new block collection at column; false to give up. */
static bool roll(struct zl_yb *b, long column, enum tok_type type, yaml_mark_t at)
{
    if (b->indent >= column)
        return true;
    if (b->nindents >= 1000)
        return give_up(b); /* libyaml's depth limit is its business */
    if (b->nindents == b->capindents)
        grow((void **)&b->indents, &b->capindents, b->nindents + 1, sizeof *b->indents);
    b->indents[b->nindents++] = b->indent;
    b->indent = column;
    put(b, type, at, at);
    return true;
}

/* libyaml's unroll_indent: the block collections deeper than column end. */
static void unroll(struct zl_yb *b, long column)
{
    while (b->indent > column) {
        put(b, T_BLOCK_END, mark(b), mark(b));
        b->indent = b->indents[--b->nindents];
    }
}

/* Blanks, comments and line breaks up to the next token. */
static void to_next_token(struct zl_yb *b)
{
    for (;;) {
        int c;
        while ((c = ch(b, 0)) == ' ')
            adv(b);
        if (c == '#') {
            while ((c = ch(b, 0)) >= 0 && c != '\n')
                adv(b);
        }
        if (c != '\n')
            return;
        adv_nl(b);
        b->key_allowed = true;
    }
}

/* "---" or "..." and a blank at the mark, on column 0. */
static bool doc_indicator(struct zl_yb *b)
{
    if (b->col != 0)
        return false;
    int c = ch(b, 0);
    return (c == '-' || c == '.') && ch(b, 1) == c && ch(b, 2) == c && blankz(ch(b, 3));
}

/* The blanks and line breaks at the mark, skipped: true when there was a
 * break; *spaces: the spaces before it (none kept after one), *breaks:
 * the breaks after the first. */
static inline bool blanks(struct zl_yb *b, size_t *spaces, size_t *breaks)
{
    bool leading = false;
    int c;
    *spaces = *breaks = 0;
    while ((c = ch(b, 0)) == ' ' || c == '\n') {
        if (c == ' ') {
            if (!leading)
                (*spaces)++;
            adv(b);
        } else {
            if (leading)
                (*breaks)++;
            *spaces = 0;
            leading = true;
            adv_nl(b);
        }
    }
    return leading;
}

/* Line breaks folded as libyaml folds them: one is a space, n are n-1 newlines. */
static void fold(struct zl_yb *b, size_t breaks)
{
    if (breaks == 0)
        val_fill(b, ' ', 1);
    else
        val_fill(b, '\n', breaks);
}

/* A plain scalar (libyaml's scan_plain_scalar, block context). */
static void plain(struct zl_yb *b, struct tok *t)
{
    long indent = b->indent + 1;
    bool leading = false;      /* after a line break */
    size_t spaces = 0, breaks = 0;
    t->s = t->e = mark(b);
    for (;;) {
        if (doc_indicator(b) || ch(b, 0) == '#')
            break;
        int c;
        while (!blankz(c = ch(b, 0))) {
            if (c == ':' && blankz(ch(b, 1)))
                break;
            if (leading) {
                fold(b, breaks);
                leading = false;
                breaks = 0;
            } else if (spaces) {
                val_fill(b, ' ', spaces);
            }
            spaces = 0;
            take_run(b, STOP_PLAIN);
            t->e = mark(b);
        }
        if (c != ' ' && c != '\n')
            break;
        leading = blanks(b, &spaces, &breaks);
        if ((long)b->col < indent)
            break;
    }
    t->style = YAML_PLAIN_SCALAR_STYLE;
    if (leading)
        b->key_allowed = true;
}

static void val_utf8(struct zl_yb *b, unsigned long v)
{
    val_room(b, 4);
    char *o = b->val + b->vlen;
    if (v <= 0x7f) {
        o[0] = (char)v;
        b->vlen += 1;
    } else if (v <= 0x7ff) {
        o[0] = (char)(0xc0 | (v >> 6));
        o[1] = (char)(0x80 | (v & 0x3f));
        b->vlen += 2;
    } else if (v <= 0xffff) {
        o[0] = (char)(0xe0 | (v >> 12));
        o[1] = (char)(0x80 | ((v >> 6) & 0x3f));
        o[2] = (char)(0x80 | (v & 0x3f));
        b->vlen += 3;
    } else {
        o[0] = (char)(0xf0 | (v >> 18));
        o[1] = (char)(0x80 | ((v >> 12) & 0x3f));
        o[2] = (char)(0x80 | ((v >> 6) & 0x3f));
        o[3] = (char)(0x80 | (v & 0x3f));
        b->vlen += 4;
    }
}

/* A double-quoted scalar's escape at the mark, as libyaml reads it: false
 * for an escaped line break (left to libyaml) or an error. */
static bool escape(struct zl_yb *b)
{
    int c = ch(b, 1);
    unsigned long v = 0;
    size_t digits = 0;
    switch (c) {
    case '0': v = 0; break;
    case 'a': v = 7; break;
    case 'b': v = 8; break;
    case 't': v = 9; break;
    case 'n': v = 10; break;
    case 'v': v = 11; break;
    case 'f': v = 12; break;
    case 'r': v = 13; break;
    case 'e': v = 27; break;
    case ' ': case '"': case '/': case '\\': v = (unsigned long)c; break;
    case 'N': v = 0x85; break;
    case '_': v = 0xa0; break;
    case 'L': v = 0x2028; break;
    case 'P': v = 0x2029; break;
    case 'x': digits = 2; break;
    case 'u': digits = 4; break;
    case 'U': digits = 8; break;
    default: return false; /* a line break, a tab, or not an escape */
    }
    for (size_t k = 0; k < digits; k++) {
        int h = ch(b, 2 + k);
        if (h >= '0' && h <= '9')
            v = v * 16 + (unsigned long)(h - '0');
        else if ((h | 0x20) >= 'a' && (h | 0x20) <= 'f')
            v = v * 16 + (unsigned long)((h | 0x20) - 'a' + 10);
        else
            return false;
    }
    if ((v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff)
        return false;
    val_utf8(b, v);
    for (size_t k = 0; k < 2 + digits; k++)
        adv(b);
    return true;
}

/* A quoted scalar (libyaml's scan_flow_scalar): false to give up. */
static bool quoted(struct zl_yb *b, struct tok *t)
{
    int q = ch(b, 0);
    bool single = q == '\'';
    t->s = mark(b);
    adv(b);
    for (;;) {
        if (doc_indicator(b) || ch(b, 0) < 0)
            return give_up(b); /* libyaml's error */
        int c;
        while (!blankz(c = ch(b, 0))) {
            if (single && c == '\'' && ch(b, 1) == '\'') {
                val_fill(b, '\'', 1);
                adv(b);
                adv(b);
            } else if (c == q) {
                break;
            } else if (c == '\\' && !single) {
                if (!escape(b))
                    return give_up(b);
            } else {
                take_run(b, single ? STOP_SINGLE : STOP_DOUBLE);
            }
        }
        if (c == q)
            break;
        size_t spaces, breaks;
        if (blanks(b, &spaces, &breaks))
            fold(b, breaks);
        else if (spaces)
            val_fill(b, ' ', spaces);
    }
    adv(b);
    t->e = mark(b);
    t->style = single ? YAML_SINGLE_QUOTED_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    return true;
}

/* A scalar, and the simple key it may be (libyaml's save_simple_key and
 * fetch_value, decided here: a key's ':' is on its line). */
static bool scalar(struct zl_yb *b)
{
    bool possible = b->key_allowed;
    bool required = possible && b->indent == (long)b->col;
    yaml_mark_t km = mark(b);
    b->key_allowed = false;
    b->vlen = 0;
    struct tok t;
    int c = ch(b, 0);
    if (c != '\'' && c != '"')
        plain(b, &t);
    else if (!quoted(b, &t))
        return false;
    val_room(b, 0);
    b->val[b->vlen] = '\0';
    if (possible && b->line == km.line) {
        while (ch(b, 0) == ' ')
            adv(b);
        if (ch(b, 0) == ':' && blankz(ch(b, 1))) {
            if (b->index > km.index + KEY_REACH)
                return give_up(b);
            if (!roll(b, (long)km.column, T_MAP_START, km))
                return false;
            put(b, T_KEY, km, km);
            put(b, T_SCALAR, t.s, t.e)->style = t.style;
            b->key_allowed = false;
            yaml_mark_t v = mark(b);
            adv(b);
            put(b, T_VALUE, v, mark(b));
            return true;
        }
        int d = ch(b, 0);
        if (d >= 0 && d != '\n' && d != '#')
            return give_up(b); /* libyaml may still take the scalar as a key, into an error */
    }
    if (required)
        return give_up(b); /* libyaml: "could not find expected ':'" */
    put(b, T_SCALAR, t.s, t.e)->style = t.style;
    return true;
}

/* "- ", "? " or ": " at the mark (not after a simple key). */
static bool indicator(struct zl_yb *b, enum tok_type type, enum tok_type collection)
{
    if (!b->key_allowed)
        return give_up(b); /* "... are not allowed in this context" */
    if (!roll(b, (long)b->col, collection, mark(b)))
        return false;
    b->key_allowed = true;
    yaml_mark_t s = mark(b);
    adv(b);
    put(b, type, s, mark(b));
    return true;
}

/* The next tokens into the queue (libyaml's fetch_next_token). */
static bool fetch(struct zl_yb *b)
{
    if (!b->started) {
        b->started = true;
        b->indent = -1;
        b->key_allowed = true;
        put(b, T_STREAM_START, mark(b), mark(b));
        return true;
    }
    if (b->ended)
        return give_up(b);
    to_next_token(b);
    unroll(b, (long)b->col);
    int c = ch(b, 0);
    if (c < 0) {
        if (b->col != 0) { /* libyaml ends the last line */
            b->col = 0;
            b->line++;
        }
        unroll(b, -1);
        b->key_allowed = false;
        b->ended = true;
        put(b, T_STREAM_END, mark(b), mark(b));
        return true;
    }
    if (b->col == 0 && c == '%')
        return give_up(b); /* directives */
    if (doc_indicator(b)) {
        unroll(b, -1);
        b->key_allowed = false;
        yaml_mark_t s = mark(b);
        adv(b);
        adv(b);
        adv(b);
        put(b, c == '-' ? T_DOC_START : T_DOC_END, s, mark(b));
        return true;
    }
    int n = ch(b, 1);
    if (c == '-' && blankz(n))
        return indicator(b, T_ENTRY, T_SEQ_START);
    if (c == '?' && blankz(n))
        return indicator(b, T_KEY, T_MAP_START);
    if (c == ':' && blankz(n))
        return indicator(b, T_VALUE, T_MAP_START);
    if (c == '\'' || c == '"')
        return scalar(b);
    /* flow collections, anchors, aliases, tags, block scalars, reserved
     * characters, and "?" or ":" starting a plain scalar */
    if (strchr(",[]{}#&*!|>%@`?:", c))
        return give_up(b);
    return scalar(b);
}

static struct tok *peek(struct zl_yb *b)
{
    if (b->qhead == b->qtail) {
        b->qhead = b->qtail = 0;
        while (b->qhead == b->qtail)
            if (!fetch(b))
                return NULL;
    }
    return &b->q[b->qhead];
}

static void skip(struct zl_yb *b)
{
    b->qhead++;
}

/* ---- the parser ------------------------------------------------------------------ */

static void push_state(struct zl_yb *b, int state)
{
    if (b->nstates == b->capstates)
        grow((void **)&b->states, &b->capstates, b->nstates + 1, 1);
    b->states[b->nstates++] = (uint8_t)state;
}

static int pop_state(struct zl_yb *b)
{
    return b->nstates ? b->states[--b->nstates] : S_END;
}

static void event(yaml_event_t *ev, yaml_event_type_t type, yaml_mark_t s, yaml_mark_t e)
{
    memset(ev, 0, sizeof *ev);
    ev->type = type;
    ev->start_mark = s;
    ev->end_mark = e;
}

static void empty_scalar(yaml_event_t *ev, yaml_mark_t at)
{
    event(ev, YAML_SCALAR_EVENT, at, at);
    ev->data.scalar.value = (yaml_char_t *)"";
    ev->data.scalar.plain_implicit = 1;
    ev->data.scalar.style = YAML_PLAIN_SCALAR_STYLE;
}

/* libyaml's parse_node, block context: false to give up. */
static bool node(struct zl_yb *b, yaml_event_t *ev, bool indentless)
{
    struct tok *t = peek(b);
    if (!t)
        return false;
    if (indentless && t->type == T_ENTRY) {
        event(ev, YAML_SEQUENCE_START_EVENT, t->s, t->e);
        ev->data.sequence_start.implicit = 1;
        ev->data.sequence_start.style = YAML_BLOCK_SEQUENCE_STYLE;
        b->state = S_INDENTLESS_ENTRY;
        return true;
    }
    switch (t->type) {
    case T_SCALAR:
        event(ev, YAML_SCALAR_EVENT, t->s, t->e);
        ev->data.scalar.value = (yaml_char_t *)b->val;
        ev->data.scalar.length = b->vlen;
        ev->data.scalar.plain_implicit = t->style == YAML_PLAIN_SCALAR_STYLE;
        ev->data.scalar.quoted_implicit = t->style != YAML_PLAIN_SCALAR_STYLE;
        ev->data.scalar.style = t->style;
        b->state = pop_state(b);
        skip(b);
        return true;
    case T_SEQ_START:
        event(ev, YAML_SEQUENCE_START_EVENT, t->s, t->e);
        ev->data.sequence_start.implicit = 1;
        ev->data.sequence_start.style = YAML_BLOCK_SEQUENCE_STYLE;
        b->state = S_SEQ_FIRST;
        return true;
    case T_MAP_START:
        event(ev, YAML_MAPPING_START_EVENT, t->s, t->e);
        ev->data.mapping_start.implicit = 1;
        ev->data.mapping_start.style = YAML_BLOCK_MAPPING_STYLE;
        b->state = S_MAP_FIRST;
        return true;
    default:
        return give_up(b); /* "did not find expected node content" */
    }
}

/* The token kinds after which an indicator's node is empty. */
#define KIND(t) (1u << (t))
#define AFTER_ENTRY (KIND(T_ENTRY) | KIND(T_BLOCK_END))
#define AFTER_INDENTLESS (KIND(T_ENTRY) | KIND(T_KEY) | KIND(T_VALUE) | KIND(T_BLOCK_END))
#define AFTER_KEY_OR_VALUE (KIND(T_KEY) | KIND(T_VALUE) | KIND(T_BLOCK_END))

/* The node after the indicator token ("- ", a key or ": ") at the head,
 * or an empty scalar at the indicator's end when the next token is one of
 * empty; the parser goes on in state next. */
static inline bool after_indicator(struct zl_yb *b, yaml_event_t *ev, unsigned empty, int next, bool indentless)
{
    yaml_mark_t m = b->q[b->qhead].e;
    skip(b);
    struct tok *t = peek(b);
    if (!t)
        return false;
    if (!(empty & KIND(t->type))) {
        push_state(b, next);
        return node(b, ev, indentless);
    }
    b->state = next;
    empty_scalar(ev, m);
    return true;
}

/* A collection's end (BLOCK-END at the head): its event. */
static inline bool block_end(struct zl_yb *b, yaml_event_t *ev, yaml_event_type_t type)
{
    struct tok *t = &b->q[b->qhead];
    b->state = pop_state(b);
    event(ev, type, t->s, t->e);
    skip(b);
    return true;
}

/* A block sequence's entry or end; first: after its start token. */
static bool seq_entry(struct zl_yb *b, yaml_event_t *ev, bool first)
{
    if (first)
        skip(b);
    struct tok *t = peek(b);
    if (!t)
        return false;
    if (t->type == T_ENTRY)
        return after_indicator(b, ev, AFTER_ENTRY, S_SEQ_ENTRY, false);
    if (t->type == T_BLOCK_END)
        return block_end(b, ev, YAML_SEQUENCE_END_EVENT);
    return give_up(b); /* "did not find expected '-' indicator" */
}

static bool indentless_entry(struct zl_yb *b, yaml_event_t *ev)
{
    struct tok *t = peek(b);
    if (!t)
        return false;
    if (t->type == T_ENTRY)
        return after_indicator(b, ev, AFTER_INDENTLESS, S_INDENTLESS_ENTRY, false);
    b->state = pop_state(b);
    event(ev, YAML_SEQUENCE_END_EVENT, t->s, t->s); /* the token stays */
    return true;
}

static bool map_key(struct zl_yb *b, yaml_event_t *ev, bool first)
{
    if (first)
        skip(b);
    struct tok *t = peek(b);
    if (!t)
        return false;
    if (t->type == T_KEY)
        return after_indicator(b, ev, AFTER_KEY_OR_VALUE, S_MAP_VALUE, true);
    if (t->type == T_BLOCK_END)
        return block_end(b, ev, YAML_MAPPING_END_EVENT);
    return give_up(b); /* "did not find expected key" */
}

static bool map_value(struct zl_yb *b, yaml_event_t *ev)
{
    struct tok *t = peek(b);
    if (!t)
        return false;
    if (t->type == T_VALUE)
        return after_indicator(b, ev, AFTER_KEY_OR_VALUE, S_MAP_KEY, true);
    b->state = S_MAP_KEY;
    empty_scalar(ev, t->s);
    return true;
}

static bool doc_start(struct zl_yb *b, yaml_event_t *ev, bool implicit)
{
    struct tok *t = peek(b);
    if (!t)
        return false;
    while (!implicit && t->type == T_DOC_END) {
        skip(b);
        if (!(t = peek(b)))
            return false;
    }
    if (implicit && t->type != T_DOC_START && t->type != T_STREAM_END) {
        push_state(b, S_DOC_END);
        b->state = S_BLOCK_NODE;
        event(ev, YAML_DOCUMENT_START_EVENT, t->s, t->s);
        ev->data.document_start.implicit = 1;
        return true;
    }
    if (t->type == T_DOC_START) {
        push_state(b, S_DOC_END);
        b->state = S_DOC_CONTENT;
        event(ev, YAML_DOCUMENT_START_EVENT, t->s, t->e);
        skip(b);
        return true;
    }
    if (t->type == T_STREAM_END) {
        b->state = S_END;
        event(ev, YAML_STREAM_END_EVENT, t->s, t->e);
        skip(b);
        return true;
    }
    return give_up(b); /* "did not find expected <document start>" */
}

static bool step(struct zl_yb *b, yaml_event_t *ev)
{
    struct tok *t;
    switch (b->state) {
    case S_STREAM_START:
        /* libyaml tells the encoding from the first bytes: a byte order
         * mark or UTF-16 is its business */
        if (ch(b, 0) < 0 && b->bad)
            return give_up(b);
        if (!(t = peek(b)))
            return false;
        event(ev, YAML_STREAM_START_EVENT, t->s, t->s);
        ev->data.stream_start.encoding = YAML_UTF8_ENCODING;
        b->state = S_IMPLICIT_DOC_START;
        skip(b);
        return true;
    case S_IMPLICIT_DOC_START: return doc_start(b, ev, true);
    case S_DOC_START: return doc_start(b, ev, false);
    case S_DOC_CONTENT:
        if (!(t = peek(b)))
            return false;
        if (t->type == T_DOC_START || t->type == T_DOC_END || t->type == T_STREAM_END) {
            b->state = pop_state(b);
            empty_scalar(ev, t->s);
            return true;
        }
        return node(b, ev, false);
    case S_DOC_END:
        if (!(t = peek(b)))
            return false;
        event(ev, YAML_DOCUMENT_END_EVENT, t->s, t->s);
        ev->data.document_end.implicit = 1;
        if (t->type == T_DOC_END) {
            ev->end_mark = t->e;
            ev->data.document_end.implicit = 0;
            skip(b);
        }
        b->state = S_DOC_START;
        return true;
    case S_BLOCK_NODE: return node(b, ev, false);
    case S_SEQ_FIRST: return seq_entry(b, ev, true);
    case S_SEQ_ENTRY: return seq_entry(b, ev, false);
    case S_INDENTLESS_ENTRY: return indentless_entry(b, ev);
    case S_MAP_FIRST: return map_key(b, ev, true);
    case S_MAP_KEY: return map_key(b, ev, false);
    case S_MAP_VALUE: return map_value(b, ev);
    default:
        memset(ev, 0, sizeof *ev); /* YAML_NO_EVENT after the stream's end */
        return true;
    }
}

struct zl_yb *zl_yb_new(zl_yb_read_fn read, void *data)
{
    struct zl_yb *b = zl_xcalloc(1, sizeof *b);
    b->read = read;
    b->data = data;
    b->state = S_STREAM_START;
    return b;
}

void zl_yb_free(struct zl_yb *b)
{
    if (!b)
        return;
    free(b->w);
    free(b->indents);
    free(b->q);
    free(b->val);
    free(b->states);
    free(b);
}

/* One event, and the collections open after it. */
static bool event_next(struct zl_yb *b, yaml_event_t *ev)
{
    if (b->gave_up)
        return false;
    if (!step(b, ev) || b->bad) {
        /* a byte this source does not read may have ended a token early */
        b->gave_up = true;
        return false;
    }
    if (ev->type == YAML_SEQUENCE_START_EVENT || ev->type == YAML_MAPPING_START_EVENT)
        b->depth++;
    else if (ev->type == YAML_SEQUENCE_END_EVENT || ev->type == YAML_MAPPING_END_EVENT)
        b->depth--;
    return true;
}

int zl_yb_next(struct zl_yb *b, yaml_event_t *ev)
{
    if (b->have_held) {
        *ev = b->held;
        b->have_held = false;
        if (ev->type == YAML_SEQUENCE_START_EVENT || ev->type == YAML_MAPPING_START_EVENT)
            b->depth++; /* counted when it is given */
        return 1;
    }
    return event_next(b, ev);
}

size_t zl_yb_depth(const struct zl_yb *b)
{
    return b->depth;
}

int zl_yb_skip(struct zl_yb *b, size_t depth, size_t limit, size_t budget, size_t *line)
{
    *line = b->line;
    if (b->have_held)
        return -1;
    yaml_event_t ev;
    while (budget-- > 0) {
        size_t before = b->depth;
        if (!event_next(b, &ev))
            return -1; /* zl_yb_next says it gave up */
        *line = ev.start_mark.line;
        bool opens = ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT;
        /* too deep, or a merge key ("<<"): the caller's to see */
        if ((opens && before >= limit) ||
            (ev.type == YAML_SCALAR_EVENT && ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
             ev.data.scalar.length == 2 && ev.data.scalar.value[0] == '<' && ev.data.scalar.value[1] == '<')) {
            b->held = ev;
            b->have_held = true;
            if (opens)
                b->depth--;
            return -1;
        }
        if (b->depth <= depth)
            return 1;
    }
    return 0;
}
