/* SPDX-License-Identifier: MIT */
/* The read policy of confine.h: a resolver that walks a path one component
 * at a time, as the kernel does, checking each location before it looks at
 * it. */
#include "input/confine.h"

#include "base/buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINKS 40 /* as the kernel's ELOOP */

/* ---- path text --------------------------------------------------------------- */

/* p == r or p below r (both absolute, normalised). */
static bool under(const char *p, const char *r)
{
    if (!r[0])
        return false;
    if (r[0] == '/' && r[1] == '\0')
        return p[0] == '/';
    size_t n = strlen(r);
    return strncmp(p, r, n) == 0 && (p[n] == '/' || p[n] == '\0');
}

bool zl_root_holds(const struct zl_root *root, const char *p)
{
    return root && root->kind != ZL_ROOT_NONE && under(p, root->phys);
}

/* Appends component c (n bytes) to the absolute path in buf; -1 when too long. */
static int join(char *buf, const char *c, size_t n)
{
    size_t l = strlen(buf);
    bool slash = l > 0 && buf[l - 1] == '/';
    if (l + (slash ? 0 : 1) + n + 1 > PATH_MAX)
        return -1;
    if (!slash)
        buf[l++] = '/';
    memcpy(buf + l, c, n);
    buf[l + n] = '\0';
    return 0;
}

static void up(char *buf)
{
    char *s = strrchr(buf, '/');
    if (!s || s == buf)
        strcpy(buf, "/");
    else
        *s = '\0';
}

/* Lexically normalised absolute path of p (relative to base when not
 * absolute): no "//", ".", "..". -1 when too long. */
static int lexnorm(const char *base, const char *p, char *out)
{
    strcpy(out, "/");
    for (int pass = 0; pass < 2; pass++) {
        const char *s = pass == 0 ? (p[0] == '/' ? "" : base) : p;
        while (*s) {
            while (*s == '/')
                s++;
            const char *e = s;
            while (*e && *e != '/')
                e++;
            size_t n = (size_t)(e - s);
            if (n == 0)
                break;
            if (n == 1 && s[0] == '.') {
            } else if (n == 2 && s[0] == '.' && s[1] == '.') {
                up(out);
            } else if (join(out, s, n) != 0) {
                return -1;
            }
            s = e;
        }
    }
    return 0;
}

static bool has_git(const char *dir)
{
    char p[PATH_MAX];
    struct stat st;
    size_t n = strlen(dir);
    bool slash = dir[0] && dir[1]; /* "/" itself takes no second slash */
    if (n + slash + 5 > sizeof p)
        return false;
    memcpy(p, dir, n);
    if (slash)
        p[n++] = '/';
    memcpy(p + n, ".git", 5);
    return lstat(p, &st) == 0;
}

/* The innermost work tree holding resolved directory dir, into out ("" none). */
static void find_tree(const char *dir, char *out)
{
    char d[PATH_MAX];
    size_t n = strlen(dir);
    if (n >= sizeof d) {
        out[0] = '\0';
        return;
    }
    memcpy(d, dir, n + 1);
    for (;;) {
        if (has_git(d)) {
            strcpy(out, d);
            return;
        }
        if (!strcmp(d, "/"))
            break;
        up(d);
    }
    out[0] = '\0';
}

/* ---- the resolver -------------------------------------------------------------- */

/* Locations a confined walk may look at: below a root, or on the way down
 * to it (its ancestors). */
struct allow {
    const struct zl_root *r[2];
};

static bool on_way(const char *p, const struct zl_root *r)
{
    return under(p, r->phys) || under(r->phys, p) || (r->lex[0] && (under(p, r->lex) || under(r->lex, p)));
}

static bool allowed(const struct allow *a, const char *p)
{
    if (!a)
        return true;
    for (int i = 0; i < 2; i++)
        if (a->r[i] && a->r[i]->kind != ZL_ROOT_NONE && on_way(p, a->r[i]))
            return true;
    return false;
}

static bool inside(const struct allow *a, const char *p)
{
    if (!a)
        return true;
    for (int i = 0; i < 2; i++)
        if (a->r[i] && a->r[i]->kind != ZL_ROOT_NONE && under(p, a->r[i]->phys))
            return true;
    return false;
}

enum { RS_OK = 0, RS_ERRNO = -1, RS_OUTSIDE = -2 };

/* Resolves path (relative to the resolved directory start, or absolute) to
 * out, following every link. With a, every location is checked before it
 * is looked at, and the result must be inside a (must_be_inside) or at least
 * on the way to it. dir receives the resolved directory of the last
 * component as written (may be NULL). Returns RS_OK, RS_ERRNO (errno set) or
 * RS_OUTSIDE. */
static int resolve(const char *start, const char *path, const struct allow *a, bool must_be_inside,
                   int *links, char *out, char *dir)
{
    char cur[PATH_MAX];
    snprintf(cur, sizeof cur, "%s", path[0] == '/' ? "/" : start);
    const char *s = path;
    char final[PATH_MAX];
    final[0] = '\0';
    bool last_seen = false;
    while (!last_seen) {
        while (*s == '/')
            s++;
        const char *e = s;
        while (*e && *e != '/')
            e++;
        size_t n = (size_t)(e - s);
        const char *rest = e;
        while (*rest == '/')
            rest++;
        bool last = *rest == '\0';
        last_seen = last;
        if (n == 0) {
            /* "" or a trailing slash: the path names cur itself */
            strcpy(final, cur);
            if (dir)
                strcpy(dir, cur);
            break;
        }
        if (n == 1 && s[0] == '.') {
            if (last) {
                strcpy(final, cur);
                if (dir)
                    strcpy(dir, cur);
            }
            s = e;
            continue;
        }
        if (n == 2 && s[0] == '.' && s[1] == '.') {
            up(cur);
            if (last) {
                strcpy(final, cur);
                if (dir)
                    strcpy(dir, cur);
            }
            s = e;
            continue;
        }
        char next[PATH_MAX];
        strcpy(next, cur);
        if (join(next, s, n) != 0) {
            errno = ENAMETOOLONG;
            return RS_ERRNO;
        }
        if (!allowed(a, next))
            return RS_OUTSIDE;
        struct stat st;
        if (lstat(next, &st) != 0)
            return RS_ERRNO;
        if (S_ISLNK(st.st_mode)) {
            if (++*links > MAX_LINKS) {
                errno = ELOOP;
                return RS_ERRNO;
            }
            char target[PATH_MAX];
            ssize_t tl = readlink(next, target, sizeof target - 1);
            if (tl < 0)
                return RS_ERRNO;
            target[tl] = '\0';
            char to[PATH_MAX];
            int r = resolve(cur, target, a, must_be_inside || last, links, to, NULL);
            if (r != RS_OK)
                return r;
            if (last) {
                strcpy(final, to);
                if (dir)
                    strcpy(dir, cur);
            } else {
                strcpy(cur, to);
            }
        } else if (last) {
            strcpy(final, next);
            if (dir)
                strcpy(dir, cur);
        } else if (S_ISDIR(st.st_mode)) {
            strcpy(cur, next);
        } else {
            errno = ENOTDIR;
            return RS_ERRNO;
        }
        s = e;
    }
    if (!final[0])
        strcpy(final, cur);
    if (a && (must_be_inside ? !inside(a, final) : !allowed(a, final)))
        return RS_OUTSIDE;
    strcpy(out, final);
    return RS_OK;
}

/* ---- files named on the command line ------------------------------------------- */

static int cwd_phys(char *out)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd) || !realpath(cwd, out))
        return -1;
    return 0;
}

/* Resolves a written argument as confine.h says: out = resolved file, dir =
 * resolved directory it was named in, tree = innermost work tree holding
 * that ("" none). Returns RS_OK, RS_ERRNO or RS_OUTSIDE (a link led out). */
static int resolve_argument(const char *written, const struct zl_root *widen, char *out, char *dir, char *tree)
{
    char cur[PATH_MAX];
    if (written[0] == '/')
        strcpy(cur, "/");
    else if (cwd_phys(cur) != 0)
        return RS_ERRNO;
    find_tree(cur, tree);
    int links = 0;
    const char *s = written;
    for (;;) {
        while (*s == '/')
            s++;
        const char *e = s;
        while (*e && *e != '/')
            e++;
        size_t n = (size_t)(e - s);
        const char *rest = e;
        while (*rest == '/')
            rest++;
        bool last = *rest == '\0';
        if (n == 0 || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.')) {
            if (n == 2) {
                up(cur);
                if (tree[0] && !under(cur, tree))
                    find_tree(cur, tree);
            }
            if (last || n == 0) {
                /* names a directory: let the open say so */
                strcpy(out, cur);
                strcpy(dir, cur);
                return RS_OK;
            }
            s = e;
            continue;
        }
        char next[PATH_MAX];
        strcpy(next, cur);
        if (join(next, s, n) != 0) {
            errno = ENAMETOOLONG;
            return RS_ERRNO;
        }
        struct stat st;
        if (lstat(next, &st) != 0)
            return RS_ERRNO;
        if (S_ISLNK(st.st_mode)) {
            char target[PATH_MAX];
            ssize_t tl = readlink(next, target, sizeof target - 1);
            if (tl < 0)
                return RS_ERRNO;
            target[tl] = '\0';
            char to[PATH_MAX];
            struct zl_root here;
            memset(&here, 0, sizeof here);
            int r;
            if (tree[0] || last) {
                /* Inside a work tree a link stays in it; outside any, the
                 * file itself stays in its directory. */
                here.kind = ZL_ROOT_TREE;
                strcpy(here.phys, tree[0] ? tree : cur);
                struct allow a = { { &here, widen } };
                r = resolve(cur, target, &a, true, &links, to, NULL);
                if (r == RS_OUTSIDE) {
                    strcpy(dir, cur); /* the root is the written path's */
                    return RS_OUTSIDE;
                }
            } else {
                /* a system link on the way (/var/run -> /run) */
                r = resolve(cur, target, NULL, false, &links, to, NULL);
            }
            if (r != RS_OK)
                return r;
            if (last) {
                strcpy(out, to);
                strcpy(dir, cur);
                return RS_OK;
            }
            strcpy(cur, to);
            find_tree(cur, tree);
        } else if (last) {
            strcpy(out, next);
            strcpy(dir, cur);
            return RS_OK;
        } else if (S_ISDIR(st.st_mode)) {
            strcpy(cur, next);
            if (has_git(cur))
                strcpy(tree, cur);
        } else {
            errno = ENOTDIR;
            return RS_ERRNO;
        }
        s = e;
    }
}

static void default_root(const char *dir, const char *tree, struct zl_root *out)
{
    out->kind = tree[0] ? ZL_ROOT_TREE : ZL_ROOT_DIR;
    strcpy(out->phys, tree[0] ? tree : dir);
    strcpy(out->lex, out->phys);
}

int zl_root_default(const char *written, struct zl_root *out)
{
    char real[PATH_MAX], dir[PATH_MAX] = "", tree[PATH_MAX] = "";
    zl_root_clear(out);
    if (!written || !strcmp(written, "-")) {
        if (cwd_phys(dir) != 0)
            return -1;
        find_tree(dir, tree);
        default_root(dir, tree, out);
        return 0;
    }
    int r = resolve_argument(written, NULL, real, dir, tree);
    if (r == RS_ERRNO || !dir[0])
        return -1;
    /* a link that leads out still has a tree: it is the written path's */
    default_root(dir, tree, out);
    return 0;
}

int zl_root_from_dir(const char *d, enum zl_root_kind kind, struct zl_root *out)
{
    zl_root_clear(out);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd) || lexnorm(cwd, d, out->lex) != 0)
        return -1;
    if (!realpath(d, out->phys))
        return -1;
    out->kind = kind;
    return 0;
}

/* Not a memset: the buffers are 12 KB, and a zone may include thousands
 * of files. */
static void opened_init(struct zl_opened *o)
{
    memset(&o->file, 0, sizeof o->file);
    o->file.fd = -1;
    o->real[0] = o->dir[0] = '\0';
    o->root.kind = ZL_ROOT_NONE;
    o->root.phys[0] = o->root.lex[0] = '\0';
}

enum zl_open_status zl_open_argument(const char *written, const struct zl_root *widen, uint64_t max,
                                     struct zl_opened *o)
{
    opened_init(o);
    char tree[PATH_MAX];
    int r = resolve_argument(written, widen, o->real, o->dir, tree);
    if (r == RS_ERRNO) {
        o->file.err = errno;
        return ZL_OPEN_ERRNO;
    }
    default_root(o->dir, tree, &o->root);
    if (r == RS_OUTSIDE)
        return ZL_OPEN_LINK_OUT;
    return zl_file_open(o->real, max, &o->file);
}

enum zl_open_status zl_open_include(const char *base_dir, const char *written, const struct zl_root *root,
                                    uint64_t max, struct zl_opened *o)
{
    opened_init(o);
    /* The path as written first: nothing outside is looked at, so a file
     * there that exists and one that does not get the same answer. */
    char lex[PATH_MAX];
    if (lexnorm(base_dir, written, lex) != 0) {
        o->file.err = ENAMETOOLONG;
        return ZL_OPEN_ERRNO;
    }
    if (!under(lex, root->phys) && !(root->lex[0] && under(lex, root->lex)))
        return ZL_OPEN_OUTSIDE;
    struct allow a = { { root, NULL } };
    int links = 0;
    int r = resolve(base_dir, written, &a, true, &links, o->real, o->dir);
    if (r == RS_OUTSIDE)
        return ZL_OPEN_OUTSIDE;
    if (r == RS_ERRNO) {
        o->file.err = errno;
        return ZL_OPEN_ERRNO;
    }
    return zl_file_open(o->real, max, &o->file);
}

const char *zl_root_describe(const struct zl_root *root, const char *shown, char *buf, size_t cap)
{
    switch (root ? root->kind : ZL_ROOT_NONE) {
    case ZL_ROOT_TREE:
        snprintf(buf, cap, "the git work tree holding '%s'", shown);
        break;
    case ZL_ROOT_DIR:
        snprintf(buf, cap, "the directory of '%s' (it is in no git work tree)", shown);
        break;
    case ZL_ROOT_EXPLICIT:
        snprintf(buf, cap, "the --include-root directory");
        break;
    case ZL_ROOT_CONFIG:
        snprintf(buf, cap, "the include-root set in .zonelint");
        break;
    default:
        snprintf(buf, cap, "the files zonelint may read");
        break;
    }
    return buf;
}

const char *zl_confine_env_root(void)
{
    const char *e = getenv("ZONELINT_INCLUDE_ROOT");
    return e && *e ? e : NULL;
}

void zl_include_budget_init(struct zl_include_budget *b, uint64_t bytes)
{
    b->bytes = b->bytes_total = bytes ? bytes : ZL_INCLUDE_BYTES_DEFAULT;
    /* a record takes some 20 bytes or more: the records follow the bytes
     * ($GENERATE makes many from few) */
    b->records = b->records_total = b->bytes_total / ZL_INCLUDE_BYTES_PER_RECORD;
}

int zl_read_argument_file(const char *path, uint64_t max, struct zl_buf *out, bool *too_big, char *err,
                          size_t errlen)
{
    struct zl_opened o;
    if (too_big)
        *too_big = false;
    enum zl_open_status st = zl_open_argument(path, NULL, max, &o);
    if (st == ZL_OPEN_TOO_BIG && too_big) {
        *too_big = true;
        snprintf(err, errlen, "%s: larger than the limit", path);
        return -1;
    }
    if (st != ZL_OPEN_OK) {
        char why[400];
        if (st == ZL_OPEN_LINK_OUT)
            snprintf(why, sizeof why, "is a symbolic link that leads out of the %s holding it; not read",
                     o.root.kind == ZL_ROOT_TREE ? "git work tree" : "directory");
        else
            zl_open_status_text(st, &o.file, max, why, sizeof why);
        snprintf(err, errlen, "%s: %s", path, why);
        return -1;
    }
    char tmp[65536];
    for (;;) {
        long r = zl_file_read(&o.file, out->len, tmp, sizeof tmp);
        if (r < 0) {
            snprintf(err, errlen, "%s: read error: %s", path, strerror(errno));
            zl_file_close(&o.file);
            return -1;
        }
        if (r == 0)
            break;
        zl_buf_put(out, tmp, (size_t)r);
    }
    zl_file_close(&o.file);
    return 0;
}
