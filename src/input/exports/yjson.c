/* SPDX-License-Identifier: MIT */
/* libyaml's events for plain JSON (yjson.h), from the tokens of
 * grammar/json.l. The marks are libyaml's: index and column count
 * characters (bytes here: the input is ASCII), lines count '\n'; a token's
 * start mark is its first byte, its end mark the byte after it. */
#include "input/exports/yjson.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "input/exports/yjson_lex.h"
#include "json.lex.h"

/* Where each open object or array is: what comes next in it. */
enum {
    OBJ_KEY_OR_END = 1, /* after '{' */
    OBJ_KEY,            /* after ',' */
    OBJ_COLON,
    OBJ_VALUE,
    OBJ_NEXT,           /* ',' or '}' */
    ARR_VALUE_OR_END,   /* after '[' */
    ARR_VALUE,          /* after ',' */
    ARR_NEXT,           /* ',' or ']' */
};

/* libyaml forgets a possible key that starts 1024 characters or more
 * before its ':' (or on another line), and reads such a pair otherwise. */
#define KEY_REACH 1000

enum { P_STREAM, P_DOC, P_VALUE, P_DOC_END, P_STREAM_END, P_DONE };

struct zl_yj {
    struct zl_yj_input in;
    yyscan_t sc;
    int phase;
    /* the current token */
    int tok;
    bool have_tok;
    yaml_mark_t ts, te;
    yaml_mark_t key_at;
    /* the open objects and arrays */
    uint8_t *stack;
    size_t depth, cap;
    /* the current string's value: in the scanner's buffer, or val */
    const char *value;
    char *val;
    size_t vlen, vcap;
    bool keep_values;
    bool chunked;       /* the input ends with the value (zl_yj_chunked) */
    size_t value_end, value_end_line;
};

/* A token's value: a string's without its quotes, its escapes undone. It
 * stays in the scanner's buffer when it can (nothing escaped: its closing
 * quote, already matched, becomes its end), else it is copied to j->val. */
static void take_value(struct zl_yj *j, char *t, size_t n, bool string)
{
    if (!string) {
        j->value = t; /* the scanner ends its match with a NUL */
        j->vlen = n;
        return;
    }
    if (!memchr(t + 1, '\\', n - 2)) {
        t[n - 1] = '\0';
        j->value = t + 1;
        j->vlen = n - 2;
        return;
    }
    if (n + 1 > j->vcap) {
        j->vcap = n + 64;
        j->val = zl_xrealloc(j->val, j->vcap);
    }
    j->value = j->val;
    t++;
    n -= 2;
    const char *esc = memchr(t, '\\', n);
    size_t o = (size_t)(esc - t);
    memcpy(j->val, t, o);
    for (size_t i = o; i < n; i++) {
        char c = t[i];
        if (c == '\\') {
            c = t[++i];
            switch (c) {
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            default: break; /* '"' and '\\' */
            }
        }
        j->val[o++] = c;
    }
    j->val[o] = '\0';
    j->vlen = o;
}

/* The next token other than blanks and newlines. */
static int next_tok(struct zl_yj *j)
{
    struct zl_yj_input *in = &j->in;
    in->block = j->phase == P_DOC || j->phase == P_DOC_END;
    int t = zl_json_yylex(j->sc);
    if (t == ZL_YJ_EOF) {
        in->tok_off = in->off;
        in->len = 0;
        in->tok_line = in->line;
        in->tok_line_start = in->line_start;
    }
    j->ts = (yaml_mark_t){ in->tok_off, in->tok_line, in->tok_off - in->tok_line_start };
    j->te = (yaml_mark_t){ in->tok_off + in->len, in->tok_line, in->tok_off + in->len - in->tok_line_start };
    if ((t == ZL_YJ_STRING || t == ZL_YJ_SCALAR) && j->keep_values)
        take_value(j, in->text, in->len, t == ZL_YJ_STRING);
    return t;
}

struct zl_yj *zl_yj_new(zl_yj_read_fn read, void *data)
{
    struct zl_yj *j = zl_xcalloc(1, sizeof *j);
    j->in.read = read;
    j->in.data = data;
    j->keep_values = true;
    if (zl_json_yylex_init_extra(&j->in, &j->sc) != 0) {
        free(j);
        return NULL;
    }
    return j;
}

void zl_yj_free(struct zl_yj *j)
{
    if (!j)
        return;
    zl_json_yylex_destroy(j->sc);
    free(j->stack);
    free(j->val);
    free(j);
}

void zl_yj_chunked(struct zl_yj *j)
{
    j->chunked = true;
}

size_t zl_yj_value_end(const struct zl_yj *j)
{
    return j->value_end;
}

static void event(yaml_event_t *ev, yaml_event_type_t type, yaml_mark_t a, yaml_mark_t b)
{
    memset(ev, 0, sizeof *ev);
    ev->type = type;
    ev->start_mark = a;
    ev->end_mark = b;
}

static void scalar(struct zl_yj *j, yaml_event_t *ev, bool quoted)
{
    event(ev, YAML_SCALAR_EVENT, j->ts, j->te);
    ev->data.scalar.value = (yaml_char_t *)j->value;
    ev->data.scalar.length = j->vlen;
    ev->data.scalar.plain_implicit = !quoted;
    ev->data.scalar.quoted_implicit = quoted;
    ev->data.scalar.style = quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE;
}

static bool push(struct zl_yj *j, uint8_t state)
{
    if (j->depth == j->cap) {
        if (j->cap >= ((size_t)1 << 20))
            return false; /* libyaml's business (and too deep for any reader) */
        j->cap = j->cap ? j->cap * 2 : 64;
        j->stack = zl_xrealloc(j->stack, j->cap);
    }
    j->stack[j->depth++] = state;
    return true;
}

/* The top-level value closed (at the token just read). */
static void value_ends(struct zl_yj *j)
{
    j->phase = P_DOC_END;
    j->value_end = j->te.index;
    j->value_end_line = j->te.line;
}

/* A scalar value ended (never at the top: that is libyaml's): what its
 * container expects next. */
static void value_done(struct zl_yj *j)
{
    j->stack[j->depth - 1] = j->stack[j->depth - 1] == OBJ_VALUE ? OBJ_NEXT : ARR_NEXT;
}

/* What one token in the value makes (step). */
enum { EV_NOT_JSON, EV_NONE, EV_MAP_START, EV_SEQ_START, EV_MAP_END, EV_SEQ_END, EV_QUOTED, EV_PLAIN };

/* One token in the value: the containers' states moved on, and what event
 * it makes (EV_NONE for ':' and ','; EV_NOT_JSON when it is not JSON). */
static int step(struct zl_yj *j)
{
    uint8_t *st = j->depth ? &j->stack[j->depth - 1] : NULL;
    uint8_t s = st ? *st : ARR_VALUE;
    bool want_value = s == OBJ_VALUE || s == ARR_VALUE || s == ARR_VALUE_OR_END;
    switch (j->tok) {
    case ZL_YJ_LBRACE:
    case ZL_YJ_LBRACK:
        if (!want_value)
            return EV_NOT_JSON;
        if (st)
            *st = s == OBJ_VALUE ? OBJ_NEXT : ARR_NEXT; /* once it closes */
        if (!push(j, j->tok == ZL_YJ_LBRACE ? OBJ_KEY_OR_END : ARR_VALUE_OR_END))
            return EV_NOT_JSON;
        return j->tok == ZL_YJ_LBRACE ? EV_MAP_START : EV_SEQ_START;
    case ZL_YJ_RBRACE:
    case ZL_YJ_RBRACK: {
        bool obj = j->tok == ZL_YJ_RBRACE;
        if (obj ? s != OBJ_KEY_OR_END && s != OBJ_NEXT : s != ARR_VALUE_OR_END && s != ARR_NEXT)
            return EV_NOT_JSON;
        if (--j->depth == 0)
            value_ends(j);
        return obj ? EV_MAP_END : EV_SEQ_END;
    }
    case ZL_YJ_COLON:
        if (s != OBJ_COLON || j->ts.line != j->key_at.line || j->ts.index - j->key_at.index > KEY_REACH)
            return EV_NOT_JSON;
        *st = OBJ_VALUE;
        return EV_NONE;
    case ZL_YJ_COMMA:
        if (s != OBJ_NEXT && s != ARR_NEXT)
            return EV_NOT_JSON;
        *st = s == OBJ_NEXT ? OBJ_KEY : ARR_VALUE;
        return EV_NONE;
    case ZL_YJ_STRING:
        if (st && (s == OBJ_KEY_OR_END || s == OBJ_KEY)) {
            j->key_at = j->ts;
            *st = OBJ_COLON;
            return EV_QUOTED;
        }
        if (!want_value || !st)
            return EV_NOT_JSON; /* a string at the top: libyaml's */
        value_done(j);
        return EV_QUOTED;
    case ZL_YJ_SCALAR:
        if (!want_value || !st)
            return EV_NOT_JSON;
        value_done(j);
        return EV_PLAIN;
    default: return EV_NOT_JSON;
    }
}

/* The event of one token in the value; 0 when it is not JSON, 2 when the
 * token makes no event (':' and ','). */
static int value_token(struct zl_yj *j, yaml_event_t *ev)
{
    int e = step(j);
    switch (e) {
    case EV_NOT_JSON: return 0;
    case EV_NONE: return 2;
    case EV_MAP_START:
        event(ev, YAML_MAPPING_START_EVENT, j->ts, j->te);
        ev->data.mapping_start.implicit = 1;
        ev->data.mapping_start.style = YAML_FLOW_MAPPING_STYLE;
        return 1;
    case EV_SEQ_START:
        event(ev, YAML_SEQUENCE_START_EVENT, j->ts, j->te);
        ev->data.sequence_start.implicit = 1;
        ev->data.sequence_start.style = YAML_FLOW_SEQUENCE_STYLE;
        return 1;
    case EV_MAP_END: event(ev, YAML_MAPPING_END_EVENT, j->ts, j->te); return 1;
    case EV_SEQ_END: event(ev, YAML_SEQUENCE_END_EVENT, j->ts, j->te); return 1;
    default: scalar(j, ev, e == EV_QUOTED); return 1;
    }
}

size_t zl_yj_depth(const struct zl_yj *j)
{
    return j->depth;
}

int zl_yj_skip(struct zl_yj *j, size_t depth, size_t limit, size_t budget, size_t *line)
{
    *line = j->in.line;
    if (j->phase != P_VALUE || j->have_tok)
        return -1;
    bool keep = j->keep_values;
    j->keep_values = false;
    int r = 0;
    while (budget-- > 0) {
        j->tok = next_tok(j);
        if (((j->tok == ZL_YJ_LBRACE || j->tok == ZL_YJ_LBRACK) && j->depth >= limit) || step(j) == EV_NOT_JSON) {
            /* zl_yj_next makes this token's event, or fails on it */
            j->have_tok = true;
            r = -1;
            break;
        }
        if (j->depth <= depth) {
            r = 1;
            break;
        }
    }
    j->keep_values = keep;
    *line = j->in.line;
    return r;
}

int zl_yj_next(struct zl_yj *j, yaml_event_t *ev)
{
    switch (j->phase) {
    case P_STREAM: {
        yaml_mark_t zero = { 0, 0, 0 };
        event(ev, YAML_STREAM_START_EVENT, zero, zero);
        ev->data.stream_start.encoding = YAML_UTF8_ENCODING;
        j->phase = P_DOC;
        return 1;
    }
    case P_DOC:
        j->tok = next_tok(j);
        if (j->tok != ZL_YJ_LBRACE && j->tok != ZL_YJ_LBRACK)
            return 0;
        j->have_tok = true;
        event(ev, YAML_DOCUMENT_START_EVENT, j->ts, j->ts);
        ev->data.document_start.implicit = 1;
        j->phase = P_VALUE;
        return 1;
    case P_VALUE:
        for (;;) {
            if (!j->have_tok)
                j->tok = next_tok(j);
            j->have_tok = false;
            int r = value_token(j, ev);
            if (r != 2)
                return r;
        }
    case P_DOC_END:
        /* blanks up to the input's end (a chunk ends at the bracket) */
        if (!j->chunked && next_tok(j) != ZL_YJ_EOF)
            return 0;
        /* fall through */
    case P_STREAM_END: {
        /* libyaml at the end of its input: a new line when not at one */
        const struct zl_yj_input *in = &j->in;
        yaml_mark_t m = { in->off, in->line + (in->off != in->line_start), 0 };
        if (j->chunked)
            m = (yaml_mark_t){ j->value_end, j->value_end_line + 1, 0 }; /* just after the bracket */
        event(ev, j->phase == P_DOC_END ? YAML_DOCUMENT_END_EVENT : YAML_STREAM_END_EVENT, m, m);
        if (j->phase == P_DOC_END)
            ev->data.document_end.implicit = 1;
        j->phase++;
        return 1;
    }
    default:
        memset(ev, 0, sizeof *ev);
        return 1;
    }
}

bool zl_yj_valid(zl_yj_read_fn read, void *data)
{
    struct zl_yj *j = zl_yj_new(read, data);
    if (!j)
        return false;
    j->keep_values = false;
    yaml_event_t ev;
    bool ok = true;
    while (ok && j->phase <= P_DOC_END)
        ok = zl_yj_next(j, &ev) == 1; /* the document's end: blanks up to the input's end */
    zl_yj_free(j);
    return ok;
}
