/* SPDX-License-Identifier: MIT */
/* Baselines (baseline.h). The file is read with jansson; its lines are
 * found again by each entry's hash, which is unique enough in a file. */
#include "cli/baseline.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "base/buf.h"
#include "base/codes.h"
#include "cli/fix.h"
#include "cli/glob.h"
#include "lint/lint.h"
#include "rdata/types.h"
#include "report/report_impl.h"

#define BASELINE_MAX (64u << 20)

struct bentry {
    char *file, *code, *hash, *owner, *type;
    unsigned long count, matched;
    uint32_t line;      /* in the baseline file */
};

struct zl_baseline {
    char *path, *dir;
    char *real;
    struct bentry *v;
    size_t n;
};

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? zl_xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : zl_xstrdup(".");
}

/* The finding's file relative to the baseline's directory (as written
 * otherwise). */
static char *rel_file(const char *dir, const char *path)
{
    char *r = zl_glob_rel(dir, path);
    return r ? r : zl_xstrdup(path);
}

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 0x100000001b3ull;
    return h;
}

void zl_baseline_hash(const struct zl_diag *d, char out[17])
{
    uint64_t h = fnv(0xcbf29ce484222325ull, d->code ? d->code : "", strlen(d->code ? d->code : "") + 1);
    if (d->subject.valid) {
        uint8_t b[18];
        for (int i = 0; i < 8; i++) {
            b[i] = (uint8_t)(d->subject.owner_hash >> (8 * i));
            b[8 + i] = (uint8_t)(d->subject.value_hash >> (8 * i));
        }
        b[16] = (uint8_t)(d->subject.type >> 8);
        b[17] = (uint8_t)d->subject.type;
        h = fnv(h, "R", 1);
        h = fnv(h, b, sizeof b);
    } else if (d->span.src && d->span.line) {
        /* no record: the line as written, blanks folded */
        struct zl_buf line = { 0 };
        h = fnv(h, "L", 1);
        if (zl_source_line(d->span.src, d->span.line, &line) == 0) {
            bool space = false, any = false;
            for (size_t i = 0; i < line.len; i++) {
                unsigned char c = line.data[i];
                if (c == ' ' || c == '\t' || c == '\r') {
                    space = true;
                    continue;
                }
                if (space && any)
                    h = fnv(h, " ", 1);
                h = fnv(h, &c, 1);
                space = false;
                any = true;
            }
        }
        zl_buf_free(&line);
    } else {
        h = fnv(h, "F", 1);
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* ---- reading ---------------------------------------------------------------------- */

static const char *str_of(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

struct zl_baseline *zl_baseline_load(const char *path)
{
    struct zl_buf text = { 0 };
    bool too_big;
    char err[600];
    if (zl_read_argument_file(path, BASELINE_MAX, &text, &too_big, err, sizeof err) != 0) {
        fprintf(stderr, "zonelint: --baseline: %s\n", too_big ? "the baseline is larger than 64 MiB" : err);
        zl_buf_free(&text);
        return NULL;
    }
    json_error_t je;
    json_t *doc = json_loadb(text.data ? (const char *)text.data : "", text.len, 0, &je);
    if (!doc) {
        fprintf(stderr, "%s:%d:%d: error: not a zonelint baseline: %s\n", path, je.line, je.column, je.text);
        zl_buf_free(&text);
        return NULL;
    }
    json_t *list = json_object_get(doc, "findings");
    if (!json_is_object(doc) || !json_is_integer(json_object_get(doc, "zonelint-baseline")) || !json_is_array(list)) {
        fprintf(stderr, "%s:1: error: not a zonelint baseline (an object with \"zonelint-baseline\": 1 and "
                        "\"findings\": [...]; --write-baseline writes one)\n", path);
        json_decref(doc);
        zl_buf_free(&text);
        return NULL;
    }
    struct zl_baseline *b = zl_xcalloc(1, sizeof *b);
    b->path = zl_xstrdup(path);
    b->dir = dir_of(path);
    char real[PATH_MAX];
    b->real = realpath(path, real) ? zl_xstrdup(real) : NULL;
    size_t n = json_array_size(list);
    b->v = zl_xcalloc(n ? n : 1, sizeof *b->v);
    const char *t = zl_buf_cstr(&text);
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(list, i);
        const char *file = json_is_object(e) ? str_of(e, "file") : NULL, *code = file ? str_of(e, "code") : NULL,
                   *hash = code ? str_of(e, "hash") : NULL;
        json_t *cnt = json_is_object(e) ? json_object_get(e, "count") : NULL;
        if (!hash || (cnt && (!json_is_integer(cnt) || json_integer_value(cnt) < 1))) {
            fprintf(stderr, "%s: error: entry %zu of \"findings\" needs \"file\", \"code\" and \"hash\" strings "
                            "(and a \"count\" of at least 1)\n", path, i + 1);
            json_decref(doc);
            zl_buf_free(&text);
            zl_baseline_free(b);
            return NULL;
        }
        struct bentry *be = &b->v[b->n++];
        be->file = zl_xstrdup(file);
        be->code = zl_xstrdup(code);
        be->hash = zl_xstrdup(hash);
        const char *o = str_of(e, "owner"), *ty = str_of(e, "type");
        be->owner = o ? zl_xstrdup(o) : NULL;
        be->type = ty ? zl_xstrdup(ty) : NULL;
        be->count = cnt ? (unsigned long)json_integer_value(cnt) : 1;
        /* its line: where its hash is written */
        const char *at = strstr(t, hash);
        be->line = 1;
        for (const char *p = t; at && p < at; p++)
            be->line += *p == '\n';
    }
    json_decref(doc);
    zl_buf_free(&text);
    return b;
}

void zl_baseline_free(struct zl_baseline *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++) {
        free(b->v[i].file);
        free(b->v[i].code);
        free(b->v[i].hash);
        free(b->v[i].owner);
        free(b->v[i].type);
    }
    free(b->v);
    free(b->path);
    free(b->dir);
    free(b->real);
    free(b);
}

size_t zl_baseline_filter(struct zl_baseline *b, struct zl_diags *ds)
{
    size_t keep = 0, dropped = 0;
    for (size_t i = 0; i < ds->n; i++) {
        struct zl_diag *d = &ds->v[i];
        bool drop = false;
        if (d->span.src && d->span.src->path && d->code) {
            char hash[17];
            zl_baseline_hash(d, hash);
            char *file = rel_file(b->dir, d->span.src->path);
            for (size_t k = 0; k < b->n && !drop; k++) {
                struct bentry *e = &b->v[k];
                if (e->matched < e->count && !strcmp(e->hash, hash) && !strcmp(e->code, d->code) &&
                    !strcmp(e->file, file)) {
                    e->matched++;
                    drop = true;
                }
            }
            free(file);
        }
        if (drop) {
            zl_diag_free(d);
            dropped++;
        } else {
            ds->v[keep++] = *d;
        }
    }
    ds->n = keep;
    return dropped;
}

void zl_baseline_stale(struct zl_baseline *b, char *const *files, size_t nfiles, struct zl_source **sources,
                       struct zl_diags *out)
{
    struct zl_source *src = NULL;
    for (size_t k = 0; k < b->n; k++) {
        struct bentry *e = &b->v[k];
        if (e->matched >= e->count)
            continue;
        bool linted = false;
        for (size_t i = 0; i < nfiles && !linted; i++) {
            char *f = rel_file(b->dir, files[i]);
            linted = !strcmp(f, e->file);
            free(f);
        }
        if (!linted)
            continue;
        if (!src) {
            src = zl_source_new(sources, b->path);
            struct stat st;
            if (b->real && stat(b->real, &st) == 0) {
                src->realpath = zl_xstrdup(b->real);
                src->dev = st.st_dev;
                src->ino = st.st_ino;
                src->has_id = true;
            }
        }
        struct zl_span at = { src, e->line, 0, e->line, 0 };
        struct zl_diag d;
        char what[400] = "";
        if (e->owner)
            snprintf(what, sizeof what, " for '%s'%s%s", e->owner, e->type ? " " : "", e->type ? e->type : "");
        else if (e->type)
            snprintf(what, sizeof what, " for a %s record", e->type);
        unsigned long gone = e->count - e->matched;
        char many[64] = "";
        if (e->count > 1)
            snprintf(many, sizeof many, " (%lu of its %lu findings)", gone, e->count);
        zl_diag_init(&d, ZL_RULE_ZL9001, ZL_SEV_INFO, at,
                     "baseline entry %s%s in '%s' matches no finding any more%s; zonelint --write-baseline %s drops it",
                     e->code, what, e->file, many, b->path);
        if (out->n == out->cap) {
            out->cap = out->cap ? out->cap * 2 : 16;
            out->v = zl_xrealloc(out->v, out->cap * sizeof *out->v);
        }
        out->v[out->n++] = d;
    }
}

/* ---- writing ------------------------------------------------------------------------ */

struct zl_baseline_writer {
    char *path, *dir;
    struct bentry *v;
    size_t n, cap;
};

struct zl_baseline_writer *zl_baseline_writer_new(const char *path)
{
    struct zl_baseline_writer *w = zl_xcalloc(1, sizeof *w);
    w->path = zl_xstrdup(path);
    w->dir = dir_of(path);
    return w;
}

void zl_baseline_writer_add(struct zl_baseline_writer *w, const struct zl_diag *d)
{
    /* a file that cannot be read is not a finding to live with */
    if (!d->span.src || !d->span.src->path || !d->code || d->rule == ZL_RULE_ZL1000)
        return;
    char hash[17];
    zl_baseline_hash(d, hash);
    char *file = rel_file(w->dir, d->span.src->path);
    for (size_t i = 0; i < w->n; i++)
        if (!strcmp(w->v[i].hash, hash) && !strcmp(w->v[i].code, d->code) && !strcmp(w->v[i].file, file)) {
            w->v[i].count++;
            free(file);
            return;
        }
    if (w->n == w->cap)
        w->v = zl_xrealloc(w->v, (w->cap = w->cap ? w->cap * 2 : 64) * sizeof *w->v);
    struct bentry *e = &w->v[w->n++];
    memset(e, 0, sizeof *e);
    e->file = file;
    e->code = zl_xstrdup(d->code);
    e->hash = zl_xstrdup(hash);
    e->owner = d->subject.owner ? zl_xstrdup(d->subject.owner) : NULL;
    if (d->subject.valid) {
        char t[16];
        e->type = zl_xstrdup(zl_type_to_text(d->subject.type, t));
    }
    e->count = 1;
}

static int cmp_opt(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int by_entry(const void *pa, const void *pb)
{
    const struct bentry *a = pa, *b = pb;
    int c = strcmp(a->file, b->file);
    if (!c)
        c = strcmp(a->code, b->code);
    if (!c)
        c = cmp_opt(a->owner, b->owner);
    if (!c)
        c = cmp_opt(a->type, b->type);
    if (!c)
        c = strcmp(a->hash, b->hash);
    return c;
}

long zl_baseline_writer_finish(struct zl_baseline_writer *w)
{
    if (w->n)
        qsort(w->v, w->n, sizeof *w->v, by_entry);
    struct zl_buf b = { 0 };
    struct zl_jw j = { .b = &b, .pretty = 2 };
    zl_jw_obj(&j);
    zl_jw_key(&j, "zonelint-baseline");
    zl_jw_uint(&j, 1);
    zl_jw_key(&j, "findings");
    zl_jw_arr(&j);
    unsigned long total = 0;
    for (size_t i = 0; i < w->n; i++) {
        const struct bentry *e = &w->v[i];
        zl_jw_obj(&j);
        zl_jw_key(&j, "file");
        zl_jw_str(&j, e->file);
        zl_jw_key(&j, "code");
        zl_jw_str(&j, e->code);
        for (unsigned k = 0; k < ZL_RULE__COUNT; k++)
            if (!strcmp(zl_codes[k].code, e->code)) {
                zl_jw_key(&j, "rule");
                zl_jw_str(&j, zl_codes[k].slug);
                break;
            }
        if (e->owner) {
            zl_jw_key(&j, "owner");
            zl_jw_str(&j, e->owner);
        }
        if (e->type) {
            zl_jw_key(&j, "type");
            zl_jw_str(&j, e->type);
        }
        zl_jw_key(&j, "hash");
        zl_jw_str(&j, e->hash);
        zl_jw_key(&j, "count");
        zl_jw_uint(&j, e->count);
        zl_jw_obj_end(&j);
        total += e->count;
    }
    zl_jw_arr_end(&j);
    zl_jw_obj_end(&j);
    zl_buf_putc(&b, '\n');
    char err[600];
    long rc = (long)total;
    if (zl_safe_write(w->path, b.data, b.len, NULL, err, sizeof err) != 0) {
        fprintf(stderr, "zonelint: --write-baseline: %s: %s\n", w->path, err);
        rc = -1;
    }
    zl_buf_free(&b);
    for (size_t i = 0; i < w->n; i++) {
        free(w->v[i].file);
        free(w->v[i].code);
        free(w->v[i].hash);
        free(w->v[i].owner);
        free(w->v[i].type);
    }
    free(w->v);
    free(w->path);
    free(w->dir);
    free(w);
    return rc;
}
