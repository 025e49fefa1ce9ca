/* SPDX-License-Identifier: MIT */
/* The github format: GitHub Actions workflow commands, which the runner
 * turns into annotations on the run and the pull request:
 *
 *   ::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=CODE slug::message
 *
 * warning stays "warning", info becomes "notice". Notes and the fix-it are
 * appended to the message on lines of their own. Escaping follows the
 * runner's rules: in the message % \r \n become %25 %0D %0A; in property
 * values also : and , become %3A and %2C. Before that, other control bytes
 * become "\xHH" (a log viewer would interpret escape sequences), C1
 * controls, bidi controls and invisible characters "<U+XXXX>" (an
 * annotation must read as what it says), and bytes that are not UTF-8
 * become U+FFFD (the runner decodes its output as UTF-8 anyway; this makes
 * the replacement deterministic). The file property keeps the path exact:
 * it is what places the annotation. */
#include <string.h>

#include "report/report_impl.h"

static void put_escaped_as(struct zl_buf *b, const char *s, size_t n, bool property, bool exact)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned char c = *p;
        const char *rep = NULL;
        switch (c) {
        case '%':
            rep = "%25";
            break;
        case '\r':
            rep = "%0D";
            break;
        case '\n':
            rep = "%0A";
            break;
        case ':':
            rep = property ? "%3A" : NULL;
            break;
        case ',':
            rep = property ? "%2C" : NULL;
            break;
        default:
            break;
        }
        if (rep) {
            zl_buf_puts(b, rep);
            p++;
        } else if (c >= 0x80) {
            uint32_t cp;
            size_t len = zl_utf8_len(p, (size_t)(end - p), &cp);
            if (len && zl_cp_hidden(cp) && !exact) {
                zl_put_cp_escape(b, cp);
                p += len;
            } else if (len) {
                zl_buf_put(b, p, len);
                p += len;
            } else {
                zl_buf_puts(b, "\xEF\xBF\xBD"); /* U+FFFD */
                p++;
            }
        } else if (c < 0x20 || c == 0x7F) {
            zl_put_printable(b, (const char *)p, 1);
            p++;
        } else {
            zl_buf_putc(b, c);
            p++;
        }
    }
}

static void put_escaped(struct zl_buf *b, const char *s, size_t n, bool property)
{
    put_escaped_as(b, s, n, property, false);
}

static void put_prop(struct zl_buf *b, bool *first, const char *key, const char *val, size_t n)
{
    zl_buf_puts(b, *first ? " " : ",");
    *first = false;
    zl_buf_puts(b, key);
    zl_buf_putc(b, '=');
    /* the path places the annotation: exact */
    put_escaped_as(b, val, n, true, !strcmp(key, "file"));
}

static void put_prop_uint(struct zl_buf *b, bool *first, const char *key, uint32_t v)
{
    char num[16];
    int n = snprintf(num, sizeof num, "%u", (unsigned)v);
    put_prop(b, first, key, num, (size_t)n);
}

static void github_add(struct zl_reporter *r, const struct zl_diag *d)
{
    struct zl_buf *b = &r->tmp;
    const struct zl_span *sp = &d->span;
    zl_buf_puts(b, "::");
    zl_buf_puts(b, d->severity == ZL_SEV_ERROR     ? "error"
                   : d->severity == ZL_SEV_WARNING ? "warning"
                                                   : "notice");
    bool first = true;
    if (sp->src) {
        const char *path = sp->src->path ? sp->src->path : "";
        put_prop(b, &first, "file", path, strlen(path));
        if (sp->line) {
            put_prop_uint(b, &first, "line", sp->line);
            if (sp->col)
                put_prop_uint(b, &first, "col", sp->col);
            bool has_end = sp->end_line > sp->line ||
                           (sp->end_line == sp->line && sp->end_col >= sp->col);
            if (has_end) {
                put_prop_uint(b, &first, "endLine", sp->end_line);
                if (sp->col && sp->end_col)
                    put_prop_uint(b, &first, "endColumn", sp->end_col);
            }
        }
    }
    struct zl_buf title = { 0 };
    zl_buf_printf(&title, "%s %s", d->code ? d->code : "", d->slug ? d->slug : "");
    put_prop(b, &first, "title", (const char *)title.data, title.len);
    zl_buf_free(&title);
    zl_buf_puts(b, "::");

    const char *msg = d->message ? d->message : "";
    put_escaped(b, msg, strlen(msg), false);
    for (size_t i = 0; i < d->nnotes; i++) {
        zl_buf_puts(b, "%0Anote: ");
        put_escaped(b, d->notes[i], strlen(d->notes[i]), false);
    }
    if (d->fix) {
        struct zl_buf fix = { 0 };
        zl_report_fix_summary(r, d->fix, &fix);
        zl_buf_puts(b, "%0Afix: ");
        put_escaped(b, (const char *)fix.data, fix.len, false);
        zl_buf_free(&fix);
    }
    zl_buf_putc(b, '\n');
    zl_report_flush(r, b);
}

static void github_finish(struct zl_reporter *r)
{
    (void)r;
}

const struct zl_report_ops zl_report_github_ops = { NULL, github_add, github_finish, NULL };
