/* SPDX-License-Identifier: MIT */
/* Applying fix-its (fix.h). */
#include "cli/fix.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/ascii.h"
#include "base/codes.h"
#include "base/fileio.h"
#include "base/source.h"
#include "cli/glob.h"
#include "input/readers.h"
#include "lint/lint.h"

/* One file the fixer has changed (or tried to). */
struct file {
    char *key;              /* resolved path, or "-" for standard input */
    char *shown;            /* as the user wrote it (diff labels, messages) */
    struct stat st;         /* when it was read; a file that changed since is not written */
    struct zl_buf orig;     /* as read */
    struct zl_buf text;     /* as changed */
    bool refused;           /* may not be changed (said once) */
};

struct zl_fixer {
    bool unsafe, write;
    struct file **v;
    size_t n;
    struct zl_overlay overlay;
};

static const char *overlay_text(void *user, const char *realpath, size_t *len)
{
    struct zl_fixer *f = user;
    for (size_t i = 0; i < f->n; i++)
        if (!f->v[i]->refused && !strcmp(f->v[i]->key, realpath)) {
            *len = f->v[i]->text.len;
            return f->v[i]->text.data ? (const char *)f->v[i]->text.data : "";
        }
    return NULL;
}

struct zl_fixer *zl_fixer_new(bool unsafe, bool write)
{
    struct zl_fixer *f = zl_xcalloc(1, sizeof *f);
    f->unsafe = unsafe;
    f->write = write;
    f->overlay.text = overlay_text;
    f->overlay.user = f;
    return f;
}

void zl_fixer_free(struct zl_fixer *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i]->key);
        free(f->v[i]->shown);
        zl_buf_free(&f->v[i]->orig);
        zl_buf_free(&f->v[i]->text);
        free(f->v[i]);
    }
    free(f->v);
    free(f);
}

const struct zl_overlay *zl_fixer_overlay(struct zl_fixer *f)
{
    return &f->overlay;
}

bool zl_fixer_wants(const struct zl_fixer *f, const struct zl_diag *d)
{
    return d->fix && d->fix->span.src && d->fix->span.line && (f->unsafe || d->fix->safety == ZL_FIX_SAFE) &&
           (zl_reader_of_source(d->fix->span.src)->caps & ZL_READS_FIXITS);
}

/* ---- spans to bytes ------------------------------------------------------------ */

/* Where each line starts: built once per file and round, so a zone with
 * thousands of fix-its is not scanned once per fix-it. */
struct lines {
    size_t *start;   /* start[k]: offset of line k + 1 */
    size_t n;
};

static void lines_build(struct lines *l, const char *t, size_t n)
{
    size_t cap = 256;
    l->start = zl_xmalloc(cap * sizeof *l->start);
    l->n = 0;
    l->start[l->n++] = 0;
    for (const char *p = t, *end = t + n; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
        if (l->n == cap)
            l->start = zl_xrealloc(l->start, (cap *= 2) * sizeof *l->start);
        l->start[l->n++] = (size_t)(p - t) + 1;
    }
}

/* Bytes of line ln (1-based) without its '\n' (a '\r' before it is kept:
 * the parser counts it as a column); SIZE_MAX when there is no such line. */
static size_t line_len(const struct lines *l, size_t n, uint32_t ln, size_t *start)
{
    if (ln == 0 || ln > l->n)
        return SIZE_MAX;
    *start = l->start[ln - 1];
    size_t end = ln < l->n ? l->start[ln] - 1 : n;
    return end - *start;
}

static int span_offsets(const struct lines *l, const char *text, size_t len, const struct zl_span *sp, size_t *start,
                        size_t *end)
{
    if (!sp->line || !sp->col)
        return -1;
    size_t bom = len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3) ? 3 : 0;
    uint32_t el = sp->end_line ? sp->end_line : sp->line, ec = sp->end_line ? sp->end_col : sp->col;
    if (el < sp->line || (el == sp->line && ec < sp->col) || !ec)
        return -1;
    size_t a = 0, b = 0, an = line_len(l, len, sp->line, &a), bn = line_len(l, len, el, &b);
    if (an == SIZE_MAX || bn == SIZE_MAX)
        return -1;
    size_t a_extra = sp->line == 1 ? bom : 0, b_extra = el == 1 ? bom : 0;
    if ((size_t)sp->col - 1 + a_extra > an || (size_t)ec - 1 + b_extra > bn)
        return -1;
    *start = a + a_extra + sp->col - 1;
    *end = b + b_extra + ec - 1;
    return *start <= *end ? 0 : -1;
}

int zl_fix_span_offsets(const char *text, size_t len, const struct zl_span *sp, size_t *start, size_t *end)
{
    struct lines l;
    lines_build(&l, text, len);
    int rc = span_offsets(&l, text, len, sp, start, end);
    free(l.start);
    return rc;
}

/* ---- files ------------------------------------------------------------------------ */

static bool is_stdin_source(const struct zl_source *s)
{
    return !s->realpath && s->memory && !s->parent;
}

static struct file *find_file(struct zl_fixer *f, const char *key)
{
    for (size_t i = 0; i < f->n; i++)
        if (!strcmp(f->v[i]->key, key))
            return f->v[i];
    return NULL;
}

static void refuse(struct file *fl, const char *why)
{
    fl->refused = true;
    fprintf(stderr, "zonelint: %s: not fixed: %s\n", fl->shown, why);
}

/* The file a source was read from, read whole; the checks that decide
 * whether it may be changed are made once, here. */
static struct file *file_for(struct zl_fixer *f, const struct zl_source *src, const struct zl_root *repo)
{
    const char *key = is_stdin_source(src) ? "-" : src->realpath;
    if (!key)
        return NULL;
    struct file *fl = find_file(f, key);
    if (fl)
        return fl->refused ? NULL : fl;
    fl = zl_xcalloc(1, sizeof *fl);
    fl->key = zl_xstrdup(key);
    fl->shown = zl_xstrdup(src->path ? src->path : key);
    f->v = zl_xrealloc(f->v, (f->n + 1) * sizeof *f->v);
    f->v[f->n++] = fl;
    if (!strcmp(key, "-")) {
        if (f->write) {
            refuse(fl, "standard input cannot be changed in place (use --diff, or name the file)");
            return NULL;
        }
        zl_buf_put(&fl->orig, src->memory, src->memory_len);
        zl_buf_put(&fl->text, src->memory, src->memory_len);
        return fl;
    }
    if (repo && repo->kind != ZL_ROOT_NONE && !zl_root_holds(repo, key)) {
        refuse(fl, "it is (or is reached through a link to) a file outside the repository, which zonelint does "
                   "not change");
        return NULL;
    }
    struct stat st;
    if (stat(key, &st) != 0) {
        char why[300];
        snprintf(why, sizeof why, "%s", strerror(errno));
        refuse(fl, why);
        return NULL;
    }
    if (!S_ISREG(st.st_mode) || (src->has_id && (st.st_dev != src->dev || st.st_ino != src->ino))) {
        refuse(fl, "it changed while zonelint read it");
        return NULL;
    }
    fl->st = st;
    if (st.st_nlink > 1) {
        refuse(fl, "it has several hard links, and replacing it would leave the other names with the old text");
        return NULL;
    }
    if (src->memory) {
        /* the overlay's text of an earlier round */
        zl_buf_put(&fl->orig, src->memory, src->memory_len);
    } else {
        FILE *in = zl_file_reopen(key, src->has_id, src->dev, src->ino);
        int rc = in ? zl_buf_read_stream(&fl->orig, in, SIZE_MAX) : -1;
        if (in)
            fclose(in);
        if (rc != 0) {
            refuse(fl, "it could not be read again");
            return NULL;
        }
    }
    zl_buf_put(&fl->text, fl->orig.data ? (const char *)fl->orig.data : "", fl->orig.len);
    return fl;
}

/* ---- one round ------------------------------------------------------------------- */

struct edit {
    size_t start, end;
    const char *rep;
    size_t replen;
    size_t order;
};

static int by_place(const void *a, const void *b)
{
    const struct edit *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* A line that is a $GENERATE directive: its spans are the template's. */
static bool generate_line(const char *t, size_t n, size_t off)
{
    size_t i = off;
    while (i < n && (t[i] == ' ' || t[i] == '\t'))
        i++;
    return n - i >= 9 && zl_ascii_has_prefix(t + i, n - i, "$GENERATE");
}

static int by_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The lines of src with a syntax error, sorted. */
static uint32_t *error_lines(const struct zl_diags *ds, const struct zl_source *src, size_t *n)
{
    uint32_t *v = NULL;
    *n = 0;
    for (size_t i = 0; i < ds->n; i++)
        if (ds->v[i].span.src == src && ds->v[i].rule == ZL_RULE_ZL1001) {
            v = zl_xrealloc(v, (*n + 1) * sizeof *v);
            v[(*n)++] = ds->v[i].span.line;
        }
    if (*n)
        qsort(v, *n, sizeof *v, by_u32);
    return v;
}

static bool line_has_error(const uint32_t *v, size_t n, uint32_t a, uint32_t b)
{
    size_t lo = 0, hi = n; /* the first error line >= a */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && v[lo] <= b;
}

size_t zl_fixer_apply(struct zl_fixer *f, const struct zl_diags *ds, const struct zl_root *repo)
{
    size_t fixed = 0;
    /* one file at a time: the sources fix-its point into */
    bool *done = zl_xcalloc(ds->n ? ds->n : 1, sizeof *done);
    for (size_t i = 0; i < ds->n; i++) {
        if (done[i] || !zl_fixer_wants(f, &ds->v[i]))
            continue;
        const struct zl_source *src = ds->v[i].fix->span.src;
        struct file *fl = file_for(f, src, repo);
        struct edit *ev = NULL;
        size_t ne = 0;
        const char *t = fl && fl->text.data ? (const char *)fl->text.data : "";
        size_t tn = fl ? fl->text.len : 0;
        struct lines lt = { NULL, 0 };
        if (fl)
            lines_build(&lt, t, tn);
        size_t nerr;
        uint32_t *errs = error_lines(ds, src, &nerr);
        for (size_t k = i; k < ds->n; k++) {
            const struct zl_diag *d = &ds->v[k];
            if (done[k] || !zl_fixer_wants(f, d) || d->fix->span.src != src)
                continue;
            done[k] = true;
            size_t a, b;
            if (!fl || span_offsets(&lt, t, tn, &d->fix->span, &a, &b) != 0)
                continue;
            uint32_t el = d->fix->span.end_line ? d->fix->span.end_line : d->fix->span.line;
            if (generate_line(t, tn, lt.start[d->fix->span.line - 1]) || line_has_error(errs, nerr, d->fix->span.line, el))
                continue;
            const char *rep = d->fix->replacement ? d->fix->replacement : "";
            size_t rl = strlen(rep);
            if (rl == b - a && !memcmp(t + a, rep, rl))
                continue; /* already so */
            ev = zl_xrealloc(ev, (ne + 1) * sizeof *ev);
            ev[ne++] = (struct edit){ a, b, rep, rl, k };
        }
        free(lt.start);
        free(errs);
        if (!ne) {
            free(ev);
            continue;
        }
        qsort(ev, ne, sizeof *ev, by_place);
        struct zl_buf out = { 0 };
        size_t at = 0;
        const struct edit *last = NULL;
        for (size_t k = 0; k < ne; k++) {
            const struct edit *e = &ev[k];
            if (last) {
                bool same = e->start == last->start && e->end == last->end && e->replen == last->replen &&
                            !memcmp(e->rep, last->rep, e->replen);
                if (same) {
                    fixed++; /* the same edit asked for twice ($INCLUDEd twice, two rules) */
                    continue;
                }
                bool overlap = e->start < last->end || (e->start == last->start && e->start == e->end);
                if (overlap)
                    continue; /* its finding stays: the next round looks again */
            }
            zl_buf_put(&out, t + at, e->start - at);
            zl_buf_put(&out, e->rep, e->replen);
            at = e->end;
            last = e;
            fixed++;
        }
        zl_buf_put(&out, t + at, tn - at);
        zl_buf_free(&fl->text);
        fl->text = out;
        free(ev);
    }
    free(done);
    return fixed;
}

const char *zl_fixer_stdin_text(struct zl_fixer *f, size_t *len)
{
    struct file *fl = find_file(f, "-");
    if (!fl || fl->refused)
        return NULL;
    *len = fl->text.len;
    return fl->text.data ? (const char *)fl->text.data : "";
}

static bool changed(const struct file *fl)
{
    return !fl->refused && (fl->orig.len != fl->text.len ||
                            (fl->orig.len && memcmp(fl->orig.data, fl->text.data, fl->orig.len) != 0));
}

size_t zl_fixer_changed(const struct zl_fixer *f)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        n += changed(f->v[i]);
    return n;
}

static int by_shown(const void *a, const void *b)
{
    return strcmp((*(struct file *const *)a)->shown, (*(struct file *const *)b)->shown);
}

int zl_fixer_print_diff(struct zl_fixer *f, FILE *out)
{
    struct file **v = zl_xmalloc((f->n ? f->n : 1) * sizeof *v);
    if (f->n) {
        memcpy(v, f->v, f->n * sizeof *v);
        qsort(v, f->n, sizeof *v, by_shown);
    }
    struct zl_buf b = { 0 };
    for (size_t i = 0; i < f->n; i++) {
        if (!changed(v[i]))
            continue;
        /* relative to the working directory: what patch -p0 opens */
        char *rel = v[i]->shown[0] == '/' ? zl_glob_rel(".", v[i]->shown) : NULL;
        const char *label = rel ? rel : v[i]->shown;
        if (!strncmp(label, "./", 2))
            label += 2;
        b.len = 0;
        zl_unified_diff(&b, label, (const char *)v[i]->orig.data, v[i]->orig.len, (const char *)v[i]->text.data,
                        v[i]->text.len);
        if (b.len)
            fwrite(b.data, 1, b.len, out);
        free(rel);
    }
    zl_buf_free(&b);
    free(v);
    return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

int zl_fixer_write(struct zl_fixer *f, FILE *err)
{
    int rc = 0;
    for (size_t i = 0; i < f->n; i++) {
        struct file *fl = f->v[i];
        if (!changed(fl))
            continue;
        char why[600];
        if (zl_safe_write(fl->key, fl->text.data, fl->text.len, &fl->st, why, sizeof why) != 0) {
            fprintf(err, "zonelint: %s: not written (the file is unchanged): %s\n", fl->shown, why);
            rc = -1;
        }
    }
    return rc;
}
