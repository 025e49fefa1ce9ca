/* SPDX-License-Identifier: MIT */
/* The origin of a master file from the BIND configuration beside it
 * (named_conf.h): a small reader of named.conf's statement syntax, enough
 * for zone, view and include statements. */
#include "input/named_conf.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "input/confine.h"
#include "input/parser.h"

#define CONF_MAX_BYTES (512u * 1024)  /* one configuration file */
#define CONF_MAX_FILES 64             /* files read, includes counted */
#define TREE_MAX_ENTRIES 4000         /* directory entries looked at to find them */
#define TREE_MAX_DEPTH 3              /* below the top of the work tree */

struct stmt {
    struct zl_name origin;
    char *file;            /* the zone statement's file, as written */
    char where[256];       /* "etc/bind/named.conf.local:12" */
};

/* Every zone statement of the configuration under one root, read once per
 * process (linting a thousand files of one tree reads its named.conf once). */
struct conf_index {
    char root[PATH_MAX];
    struct stmt *v;
    size_t n;
};

struct search {
    const struct zl_root *root;
    unsigned files;        /* configuration files read */
    char seen[CONF_MAX_FILES][PATH_MAX];
    struct conf_index *ix;
};

/* ---- tokens ---------------------------------------------------------------- */

struct lex {
    const char *p, *end;
    unsigned line;
};

enum tok { T_END, T_WORD, T_STRING, T_OPEN, T_CLOSE, T_SEMI };

/* Skips blanks and the three comment forms (#, //, slash-star). */
static void skip(struct lex *l)
{
    while (l->p < l->end) {
        char c = *l->p;
        if (c == '\n') {
            l->line++;
            l->p++;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            l->p++;
        } else if (c == '#' || (c == '/' && l->p + 1 < l->end && l->p[1] == '/')) {
            while (l->p < l->end && *l->p != '\n')
                l->p++;
        } else if (c == '/' && l->p + 1 < l->end && l->p[1] == '*') {
            l->p += 2;
            while (l->p + 1 < l->end && !(l->p[0] == '*' && l->p[1] == '/')) {
                if (*l->p == '\n')
                    l->line++;
                l->p++;
            }
            l->p = l->p + 2 <= l->end ? l->p + 2 : l->end;
        } else {
            return;
        }
    }
}

static enum tok next(struct lex *l, const char **s, size_t *n, unsigned *line)
{
    skip(l);
    *line = l->line;
    if (l->p >= l->end)
        return T_END;
    char c = *l->p;
    if (c == '{' || c == '}' || c == ';') {
        l->p++;
        return c == '{' ? T_OPEN : c == '}' ? T_CLOSE : T_SEMI;
    }
    if (c == '"') {
        const char *a = ++l->p;
        while (l->p < l->end && *l->p != '"') {
            if (*l->p == '\\' && l->p + 1 < l->end)
                l->p++;
            if (*l->p == '\n')
                l->line++;
            l->p++;
        }
        *s = a;
        *n = (size_t)(l->p - a);
        if (l->p < l->end)
            l->p++;
        return T_STRING;
    }
    const char *a = l->p;
    while (l->p < l->end && !strchr(" \t\r\n{};\"#", *l->p) &&
           !(*l->p == '/' && l->p + 1 < l->end && (l->p[1] == '/' || l->p[1] == '*')))
        l->p++;
    *s = a;
    *n = (size_t)(l->p - a);
    if (*n == 0) { /* a lone character no rule takes: step over it */
        l->p++;
        return next(l, s, n, line);
    }
    return T_WORD;
}

/* Skips to the end of the current statement: past its ';', or past a
 * block and the ';' after it. */
static void skip_statement(struct lex *l)
{
    const char *s;
    size_t n;
    unsigned line, depth = 0;
    for (enum tok t; (t = next(l, &s, &n, &line)) != T_END;) {
        if (t == T_OPEN)
            depth++;
        else if (t == T_CLOSE && depth)
            depth--;
        else if (t == T_SEMI && depth == 0)
            return;
    }
}

/* ---- matching -------------------------------------------------------------- */

/* Path components of p compared from the end: how many are equal. */
static unsigned common_tail(const char *a, const char *b)
{
    size_t i = strlen(a), j = strlen(b);
    unsigned k = 0;
    for (;;) {
        while (i && a[i - 1] == '/')
            i--;
        while (j && b[j - 1] == '/')
            j--;
        if (!i || !j)
            return k;
        size_t ai = i, bj = j;
        while (ai && a[ai - 1] != '/')
            ai--;
        while (bj && b[bj - 1] != '/')
            bj--;
        if (i - ai != j - bj || memcmp(a + ai, b + bj, i - ai) != 0 || (i - ai == 1 && a[ai] == '.') ||
            (i - ai == 2 && a[ai] == '.' && a[ai + 1] == '.'))
            return k;
        k++;
        i = ai;
        j = bj;
    }
}

static void consider(struct search *s, const char *name, size_t nl, const char *file, size_t fl, const char *where)
{
    char nbuf[300];
    if (nl + 2 > sizeof nbuf || fl >= PATH_MAX || s->ix->n >= 100000)
        return;
    memcpy(nbuf, name, nl);
    size_t k = nl;
    if (!k || nbuf[k - 1] != '.')
        nbuf[k++] = '.';
    struct zl_name origin;
    if (zl_name_from_text(&origin, nbuf, k, NULL, NULL) != ZL_NAME_OK)
        return;
    s->ix->v = zl_xrealloc(s->ix->v, (s->ix->n + 1) * sizeof *s->ix->v);
    struct stmt *st = &s->ix->v[s->ix->n++];
    st->origin = origin;
    st->file = zl_xstrndup(file, fl);
    snprintf(st->where, sizeof st->where, "%.250s", where);
}

/* The statement whose file has the longest tail in common with the zone
 * file's path: basename at least. Two that fit equally well and name
 * different zones through different files give no answer; one file named
 * by several zones (a shared parked file) gives the first. */
static bool best_match(const struct conf_index *ix, const char *zone_real, struct zl_named_zone *out)
{
    const struct stmt *best = NULL;
    unsigned best_score = 0, nbest = 0;
    bool ambiguous = false;
    for (size_t i = 0; i < ix->n; i++) {
        unsigned score = common_tail(ix->v[i].file, zone_real);
        if (score == 0 || score < best_score)
            continue;
        if (score == best_score) {
            if (!strcmp(ix->v[i].file, best->file))
                nbest++;
            else if (!zl_name_equal(&ix->v[i].origin, &best->origin))
                ambiguous = true;
            continue;
        }
        best = &ix->v[i];
        best_score = score;
        nbest = 1;
        ambiguous = false;
    }
    if (!best || ambiguous)
        return false;
    out->origin = best->origin;
    snprintf(out->conf, sizeof out->conf, "%s", best->where);
    out->nzones = nbest;
    return true;
}

/* ---- reading ------------------------------------------------------------------- */

static void read_conf(struct search *s, const char *path, unsigned depth);

static void shown_path(const struct search *s, const char *real, char *out, size_t cap)
{
    size_t n = strlen(s->root->phys);
    if (!strncmp(real, s->root->phys, n) && real[n] == '/')
        snprintf(out, cap, "%s", real + n + 1);
    else
        snprintf(out, cap, "%s", strrchr(real, '/') ? strrchr(real, '/') + 1 : real);
}

/* An included file, as written: absolute paths of the installed layout
 * (/etc/bind/x) are looked for inside the tree by their tail. */
static void include_file(struct search *s, const char *from_dir, const char *inc, size_t il, unsigned depth)
{
    char w[PATH_MAX], path[PATH_MAX];
    if (il >= sizeof w)
        return;
    memcpy(w, inc, il);
    w[il] = '\0';
    if (w[0] != '/') {
        if (snprintf(path, sizeof path, "%s/%s", from_dir, w) < (int)sizeof path)
            read_conf(s, path, depth + 1);
        return;
    }
    /* its last one, two or three components, below the tree's top or beside the includer */
    const char *tail = w + strlen(w);
    for (int k = 0; k < 3 && tail > w; k++) {
        do
            tail--;
        while (tail > w && *tail != '/');
        if (snprintf(path, sizeof path, "%s%s", s->root->phys, tail) < (int)sizeof path)
            read_conf(s, path, depth + 1);
    }
    const char *base = strrchr(w, '/') + 1;
    if (snprintf(path, sizeof path, "%s/%s", from_dir, base) < (int)sizeof path)
        read_conf(s, path, depth + 1);
}

/* Statements of a block (or of the file), up to its '}'. */
static void statements(struct search *s, struct lex *l, const char *shown, const char *dir, unsigned depth)
{
    const char *t;
    size_t n;
    unsigned line;
    for (enum tok k; (k = next(l, &t, &n, &line)) != T_END;) {
        if (k == T_CLOSE)
            return;
        if (k != T_WORD) {
            if (k == T_OPEN)
                skip_statement(l);
            continue;
        }
        if (n == 4 && !strncmp(t, "zone", 4)) {
            const char *name;
            size_t nl;
            unsigned zline;
            enum tok zt = next(l, &name, &nl, &zline);
            if (zt != T_STRING && zt != T_WORD) {
                skip_statement(l);
                continue;
            }
            /* [class] { ... file "x"; ... }; */
            const char *file = NULL;
            size_t fl = 0;
            enum tok z;
            while ((z = next(l, &t, &n, &line)) == T_WORD)
                ;
            if (z == T_OPEN) {
                unsigned d = 1;
                const char *prev = NULL;
                size_t pl = 0;
                while (d && (z = next(l, &t, &n, &line)) != T_END) {
                    if (z == T_OPEN)
                        d++;
                    else if (z == T_CLOSE)
                        d--;
                    else if (d == 1 && z == T_STRING && prev && pl == 4 && !strncmp(prev, "file", 4)) {
                        file = t;
                        fl = n;
                    }
                    prev = z == T_WORD ? t : NULL;
                    pl = z == T_WORD ? n : 0;
                }
                if (z != T_END)
                    next(l, &t, &n, &line); /* the ';' after the block */
            } else if (z != T_SEMI) {
                skip_statement(l);
            }
            if (file) {
                char where[512];
                snprintf(where, sizeof where, "%s:%u", shown, zline);
                consider(s, name, nl, file, fl, where);
            }
        } else if (n == 4 && !strncmp(t, "view", 4)) {
            /* view "name" [class] { statements }; */
            enum tok z;
            while ((z = next(l, &t, &n, &line)) == T_WORD || z == T_STRING)
                ;
            if (z == T_OPEN) {
                statements(s, l, shown, dir, depth);
                next(l, &t, &n, &line); /* ';' */
            }
        } else if (n == 7 && !strncmp(t, "include", 7)) {
            const char *inc;
            size_t il;
            if (next(l, &inc, &il, &line) == T_STRING) {
                include_file(s, dir, inc, il, depth);
                next(l, &t, &n, &line); /* ';' */
            } else {
                skip_statement(l);
            }
        } else {
            skip_statement(l);
        }
    }
}

static void read_conf(struct search *s, const char *path, unsigned depth)
{
    char real[PATH_MAX];
    if (depth > 8 || s->files >= CONF_MAX_FILES || !realpath(path, real) || !zl_root_holds(s->root, real))
        return;
    for (unsigned i = 0; i < s->files; i++)
        if (!strcmp(s->seen[i], real))
            return;
    snprintf(s->seen[s->files++], PATH_MAX, "%s", real);
    struct zl_buf b = { 0 };
    char err[PATH_MAX + 200];
    if (zl_read_argument_file(real, CONF_MAX_BYTES, &b, NULL, err, sizeof err) != 0) {
        zl_buf_free(&b);
        return;
    }
    char shown[PATH_MAX], dir[PATH_MAX];
    shown_path(s, real, shown, sizeof shown);
    snprintf(dir, sizeof dir, "%s", real);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    struct lex l = { b.data ? (const char *)b.data : "", b.data ? (const char *)b.data + b.len : "", 1 };
    statements(s, &l, shown, dir, depth);
    zl_buf_free(&b);
}

/* named.conf, named.conf.local, named.conf.zones, ...; zones.conf */
static bool conf_name(const char *n)
{
    size_t len = strlen(n);
    if (!strncmp(n, "named", 5) && strstr(n, ".conf"))
        return true;
    return len > 5 && !strcmp(n + len - 5, ".conf") && strstr(n, "zone") != NULL;
}

/* The configuration files of one directory, in name order. */
static void scan_dir(struct search *s, const char *dir, unsigned depth_below, unsigned *entries,
                     char (*subdirs)[PATH_MAX], unsigned *nsub, unsigned capsub)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) && *entries < TREE_MAX_ENTRIES;) {
        (*entries)++;
        if (e->d_name[0] == '.')
            continue;
        names = zl_xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = zl_xstrdup(e->d_name);
    }
    closedir(d);
    for (size_t i = 0; i < n; i++) {
        char path[PATH_MAX];
        if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= (int)sizeof path)
            continue;
        struct stat st;
        if (lstat(path, &st) != 0)
            continue;
        if (S_ISREG(st.st_mode) && conf_name(names[i]))
            read_conf(s, path, 0);
        else if (S_ISDIR(st.st_mode) && subdirs && depth_below < TREE_MAX_DEPTH && *nsub < capsub &&
                 strcmp(names[i], "node_modules"))
            snprintf(subdirs[(*nsub)++], PATH_MAX, "%s", path);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* Reads every configuration file under the root (or, outside a work tree,
 * in the zone file's directory). */
static void build_index(struct search *s, const char *zone_dir)
{
    const struct zl_root *root = s->root;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", zone_dir);
    unsigned entries = 0;
    if (root->kind != ZL_ROOT_TREE) {
        scan_dir(s, dir, 0, &entries, NULL, NULL, 0);
        return;
    }
    /* the directories from the zone file's up to the tree's top ... */
    for (unsigned up = 0; up < 32 && zl_root_holds(root, dir); up++) {
        scan_dir(s, dir, 0, &entries, NULL, NULL, 0);
        if (!strcmp(dir, root->phys))
            break;
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir)
            break;
        *slash = '\0';
    }
    /* ... and those a few levels below the top */
    enum { CAPSUB = 256 };
    char (*queue)[PATH_MAX] = zl_xcalloc(CAPSUB, PATH_MAX);
    unsigned nq = 0, qi = 0, level_end, level = 0;
    snprintf(queue[nq++], PATH_MAX, "%.4000s", root->phys);
    level_end = nq;
    while (qi < nq && entries < TREE_MAX_ENTRIES) {
        if (qi == level_end) {
            level++;
            level_end = nq;
        }
        char cur[PATH_MAX];
        snprintf(cur, sizeof cur, "%s", queue[qi++]);
        scan_dir(s, cur, level, &entries, queue, &nq, CAPSUB);
    }
    free(queue);
}

static struct conf_index cache[4];
static unsigned cache_next;

bool zl_named_conf_zone(const char *zone_file, struct zl_named_zone *out)
{
    struct zl_root root;
    char real[PATH_MAX];
    if (!zone_file || !strcmp(zone_file, "-") || zl_root_default(zone_file, &root) != 0 ||
        !realpath(zone_file, real))
        return false;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", real);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    /* the index of this tree (outside a tree: of this directory) */
    const char *key = root.kind == ZL_ROOT_TREE ? root.phys : dir;
    struct conf_index *ix = NULL;
    for (unsigned i = 0; i < sizeof cache / sizeof cache[0] && !ix; i++)
        if (cache[i].root[0] && !strcmp(cache[i].root, key))
            ix = &cache[i];
    if (!ix) {
        ix = &cache[cache_next++ % (sizeof cache / sizeof cache[0])];
        for (size_t i = 0; i < ix->n; i++)
            free(ix->v[i].file);
        free(ix->v);
        memset(ix, 0, sizeof *ix);
        snprintf(ix->root, sizeof ix->root, "%s", key);
        struct search *s = zl_xcalloc(1, sizeof *s);
        s->root = &root;
        s->ix = ix;
        build_index(s, dir);
        free(s);
    }
    return best_match(ix, real, out);
}

const struct zl_name *zl_initial_origin(const char *path, const char *shown, struct zl_name *out, bool *from_conf,
                                        struct zl_named_zone *nz)
{
    struct zl_named_zone local;
    if (!nz)
        nz = &local;
    *from_conf = false;
    if (path && zl_named_conf_zone(path, nz)) {
        *out = nz->origin;
        *from_conf = true;
        return out;
    }
    return zl_origin_from_filename(shown ? shown : path ? path : "", out) ? out : NULL;
}
