/* SPDX-License-Identifier: MIT */
/* --add-suppressions (suppress_add.h). */
#include "cli/suppress_add.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/codes.h"
#include "base/fileio.h"
#include "base/source.h"
#include "cli/fix.h"
#include "input/readers.h"

struct want {
    uint32_t line;
    char *codes;      /* comma-separated, in order of first finding */
};

struct sfile {
    char *real, *shown;
    bool has_id;
    dev_t dev;
    ino_t ino;
    struct want *v;
    size_t n;
};

struct zl_suppress_adder {
    struct sfile *v;
    size_t n;
    unsigned long skipped_exports, skipped_other;
};

struct zl_suppress_adder *zl_suppress_adder_new(void)
{
    return zl_xcalloc(1, sizeof(struct zl_suppress_adder));
}

static bool has_code(const char *list, const char *code)
{
    size_t n = strlen(code);
    for (const char *p = list; *p;) {
        size_t l = strcspn(p, ",");
        if (l == n && !strncmp(p, code, n))
            return true;
        p += l + (p[l] == ',');
    }
    return false;
}

void zl_suppress_adder_add(struct zl_suppress_adder *a, const struct zl_diag *d, const struct zl_root *repo)
{
    const struct zl_source *src = d->span.src;
    if (!src || !d->span.line || !d->code)
        return;
    if (d->rule == ZL_RULE_ZL1000 || d->rule == ZL_RULE_ZL1001 || d->rule == ZL_RULE_ZL9001) {
        a->skipped_other++;
        return;
    }
    if (!(zl_reader_of_source(src)->caps & ZL_READS_FIXITS)) {
        a->skipped_exports++;
        return;
    }
    if (!src->realpath || (repo && repo->kind != ZL_ROOT_NONE && !zl_root_holds(repo, src->realpath))) {
        a->skipped_other++;
        return;
    }
    struct sfile *f = NULL;
    for (size_t i = 0; i < a->n && !f; i++)
        if (!strcmp(a->v[i].real, src->realpath))
            f = &a->v[i];
    if (!f) {
        a->v = zl_xrealloc(a->v, (a->n + 1) * sizeof *a->v);
        f = &a->v[a->n++];
        memset(f, 0, sizeof *f);
        f->real = zl_xstrdup(src->realpath);
        f->shown = zl_xstrdup(src->path ? src->path : src->realpath);
        f->has_id = src->has_id;
        f->dev = src->dev;
        f->ino = src->ino;
    }
    for (size_t i = 0; i < f->n; i++)
        if (f->v[i].line == d->span.line) {
            if (!has_code(f->v[i].codes, d->code)) {
                struct zl_buf b = { 0 };
                zl_buf_printf(&b, "%s,%s", f->v[i].codes, d->code);
                free(f->v[i].codes);
                f->v[i].codes = zl_buf_cstr(&b);
            }
            return;
        }
    f->v = zl_xrealloc(f->v, (f->n + 1) * sizeof *f->v);
    f->v[f->n].line = d->span.line;
    f->v[f->n++].codes = zl_xstrdup(d->code);
}

/* Where the comment of a master-file line starts (its ';'), or len; -1 when
 * a quote is left open. */
static long comment_at(const char *s, size_t len)
{
    bool q = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\\') {
            i++;
            continue;
        }
        if (s[i] == '"')
            q = !q;
        else if (s[i] == ';' && !q)
            return (long)i;
    }
    return q ? -1 : (long)len;
}

int zl_suppress_line(const char *s, size_t len, const char *codes, struct zl_buf *out)
{
    long c = comment_at(s, len);
    if (c < 0)
        return -1;
    size_t at = (size_t)c;
    if (at < len) {
        /* a comment: an existing "zonelint: disable=" list takes the codes */
        const char *z = NULL;
        for (size_t i = at; i + 9 <= len && !z; i++)
            if (!memcmp(s + i, "zonelint:", 9))
                z = s + i;
        if (z) {
            const char *k = z + 9, *end = s + len;
            while (k < end && (*k == ' ' || *k == '\t'))
                k++;
            if (end - k < 8 || memcmp(k, "disable=", 8) != 0)
                return -1; /* "disable-file=" or another word: the engine reads only the first */
            const char *ce = k + 8;
            while (ce < end && *ce != ' ' && *ce != '\t' && *ce != ';')
                ce++;
            zl_buf_put(out, s, (size_t)(ce - s));
            char *list = zl_xstrndup(k + 8, (size_t)(ce - (k + 8)));
            for (const char *p = codes; *p;) {
                size_t l = strcspn(p, ",");
                char *one = zl_xstrndup(p, l);
                if (!has_code(list, one)) {
                    zl_buf_putc(out, ',');
                    zl_buf_puts(out, one);
                }
                free(one);
                p += l + (p[l] == ',');
            }
            free(list);
            zl_buf_put(out, ce, (size_t)(end - ce));
            return 0;
        }
    }
    /* after the line (and after a comment it has), keeping blanks at its end */
    size_t e = len;
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    zl_buf_put(out, s, e);
    zl_buf_puts(out, e ? " ; zonelint: disable=" : "; zonelint: disable=");
    zl_buf_puts(out, codes);
    return 0;
}

static int by_line(const void *a, const void *b)
{
    const struct want *x = a, *y = b;
    return (x->line > y->line) - (x->line < y->line);
}

static int write_file(struct sfile *f, unsigned long *added, unsigned long *skipped)
{
    struct stat st;
    FILE *in = stat(f->real, &st) == 0 ? zl_file_reopen(f->real, f->has_id, f->dev, f->ino) : NULL;
    struct zl_buf t = { 0 };
    int rc = in ? zl_buf_read_stream(&t, in, 0) : -1;
    if (in)
        fclose(in);
    if (rc != 0) {
        fprintf(stderr, "zonelint: %s: not changed: it could not be read again\n", f->shown);
        zl_buf_free(&t);
        return -1;
    }
    if (f->n)
        qsort(f->v, f->n, sizeof *f->v, by_line);
    struct zl_buf out = { 0 };
    const char *s = t.data ? (const char *)t.data : "";
    size_t n = t.len, off = 0, w = 0;
    uint32_t ln = 1;
    while (off <= n && w < f->n) {
        const char *nl = memchr(s + off, '\n', n - off);
        size_t end = nl ? (size_t)(nl - s) : n;
        size_t body = end > off && s[end - 1] == '\r' ? end - 1 : end;
        if (ln == f->v[w].line) {
            size_t start = off;
            if (ln == 1 && n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3)) {
                zl_buf_put(&out, s, 3);
                start = 3;
            }
            if (zl_suppress_line(s + start, body - start, f->v[w].codes, &out) == 0) {
                ++*added;
            } else {
                zl_buf_put(&out, s + start, body - start);
                ++*skipped;
            }
            zl_buf_put(&out, s + body, (nl ? end + 1 : end) - body);
            w++;
        } else {
            zl_buf_put(&out, s + off, (nl ? end + 1 : end) - off);
        }
        if (!nl) {
            off = n + 1;
            break;
        }
        off = end + 1;
        ln++;
    }
    if (off < n)
        zl_buf_put(&out, s + off, n - off);
    rc = 0;
    if (out.len != t.len || (t.len && memcmp(out.data, s, t.len) != 0)) {
        char why[600];
        if (zl_safe_write(f->real, out.data, out.len, &st, why, sizeof why) != 0) {
            fprintf(stderr, "zonelint: %s: not written (the file is unchanged): %s\n", f->shown, why);
            rc = -1;
        }
    }
    zl_buf_free(&t);
    zl_buf_free(&out);
    return rc;
}

int zl_suppress_adder_finish(struct zl_suppress_adder *a)
{
    int rc = 0;
    unsigned long added = 0, skipped = 0, files = 0;
    for (size_t i = 0; i < a->n; i++) {
        unsigned long before = added;
        if (write_file(&a->v[i], &added, &skipped) != 0)
            rc = -1;
        files += added > before;
        for (size_t k = 0; k < a->v[i].n; k++)
            free(a->v[i].v[k].codes);
        free(a->v[i].v);
        free(a->v[i].real);
        free(a->v[i].shown);
    }
    fprintf(stderr, "zonelint: added %lu suppression comment%s in %lu file%s\n", added, added == 1 ? "" : "s",
            files, files == 1 ? "" : "s");
    if (skipped)
        fprintf(stderr, "zonelint: %lu line%s could not take a comment (an open quote, or a 'zonelint:' comment "
                        "that is not 'disable='): suppress those by hand\n",
                skipped, skipped == 1 ? "" : "s");
    if (a->skipped_exports)
        fprintf(stderr, "zonelint: %lu finding%s in provider exports, which have no comments: use --baseline "
                        "or the configuration's disable\n",
                a->skipped_exports, a->skipped_exports == 1 ? "" : "s");
    if (a->skipped_other)
        fprintf(stderr, "zonelint: %lu finding%s not suppressed (syntax errors and unreadable files need fixing)\n",
                a->skipped_other, a->skipped_other == 1 ? "" : "s");
    free(a->v);
    free(a);
    return rc;
}
