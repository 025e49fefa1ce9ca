/* SPDX-License-Identifier: MIT */
/* The json format: one array, one object per finding (one per line):
 *
 *   {"file":"a.zone","input":"bind","line":3,"column":5,"end_line":3,"end_column":9,
 *    "severity":"error","code":"ZL1001","rule":"syntax","message":"...",
 *    "notes":["..."],"fix":null}
 *
 * fix is null or {"replacement","line","column","end_line","end_column","safety"};
 * safety is "safe" (--fix applies it) or "unsafe" (--unsafe-fixes).
 * A finding with properties (a sender pack's: {"sender":"sendgrid"}) has a
 * "properties" object after "fix"; others have none.
 * Columns count bytes, end_column is one past the last byte (as in loc.h).
 * file is null for a finding that belongs to no file. Strings are escaped by
 * zl_json_escape: invalid UTF-8 bytes become U+FFFD; in message and notes,
 * bidi controls, C1 controls and invisible characters are written as the
 * text "<U+202E>" (zl_cp_hidden). The fix's replacement is data: exact. */
#include <stdlib.h>

#include "report/report_impl.h"

struct json_state {
    struct zl_jw w;
};

static void json_begin(struct zl_reporter *r)
{
    struct json_state *st = zl_xcalloc(1, sizeof *st);
    st->w.b = &r->tmp;
    st->w.pretty = 1; /* the array is pretty, each finding is one line */
    r->priv = st;
    zl_jw_arr(&st->w);
    zl_report_flush(r, &r->tmp);
}

static void put_span(struct zl_jw *w, const struct zl_span *sp)
{
    uint32_t end_line = sp->end_line, end_col = sp->end_col;
    if (end_line < sp->line || (end_line == sp->line && end_col < sp->col)) {
        end_line = sp->line; /* no end recorded: an empty span at the start */
        end_col = sp->col;
    }
    zl_jw_key(w, "line");
    zl_jw_uint(w, sp->line);
    zl_jw_key(w, "column");
    zl_jw_uint(w, sp->col);
    zl_jw_key(w, "end_line");
    zl_jw_uint(w, end_line);
    zl_jw_key(w, "end_column");
    zl_jw_uint(w, end_col);
}

static void json_add(struct zl_reporter *r, const struct zl_diag *d)
{
    struct json_state *st = r->priv;
    struct zl_jw *w = &st->w;
    zl_jw_obj(w);
    zl_jw_key(w, "file");
    zl_jw_str(w, d->span.src ? d->span.src->path : NULL);
    zl_jw_key(w, "input");
    zl_jw_str(w, zl_report_input_kind(d->span.src));
    put_span(w, &d->span);
    zl_jw_key(w, "severity");
    zl_jw_str(w, zl_severity_name(d->severity));
    zl_jw_key(w, "code");
    zl_jw_str(w, d->code);
    zl_jw_key(w, "rule");
    zl_jw_str(w, d->slug);
    zl_jw_key(w, "message");
    zl_jw_text(w, d->message ? d->message : "");
    zl_jw_key(w, "notes");
    zl_jw_arr(w);
    for (size_t i = 0; i < d->nnotes; i++)
        zl_jw_text(w, d->notes[i]);
    zl_jw_arr_end(w);
    zl_jw_key(w, "fix");
    if (d->fix) {
        zl_jw_obj(w);
        zl_jw_key(w, "replacement");
        zl_jw_str(w, d->fix->replacement ? d->fix->replacement : "");
        put_span(w, &d->fix->span);
        zl_jw_key(w, "safety");
        zl_jw_str(w, zl_fix_safety_name(d->fix->safety));
        zl_jw_obj_end(w);
    } else {
        zl_jw_null(w);
    }
    if (d->nprops) {
        zl_jw_key(w, "properties");
        zl_jw_obj(w);
        for (size_t i = 0; i < d->nprops; i++) {
            zl_jw_key(w, d->props[i].key);
            zl_jw_str(w, d->props[i].value);
        }
        zl_jw_obj_end(w);
    }
    zl_jw_obj_end(w);
    zl_report_flush(r, &r->tmp);
}

static void json_finish(struct zl_reporter *r)
{
    struct json_state *st = r->priv;
    zl_jw_arr_end(&st->w);
    zl_buf_putc(&r->tmp, '\n');
    zl_report_flush(r, &r->tmp);
    free(st);
    r->priv = NULL;
}

const struct zl_report_ops zl_report_json_ops = { json_begin, json_add, json_finish, NULL };
