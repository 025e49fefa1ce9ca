/* SPDX-License-Identifier: MIT */
/* Walking directory arguments (walk.h). */
#include "cli/walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "base/fileio.h"
#include "cli/glob.h"
#include "input/confine.h"
#include "input/readers.h"

#define HEAD 65536

/* A Terraform module (a directory of *.tf files) is walked like any
 * directory: its files are lint items, and the check reads the module once
 * for all of them (ZL_READS_MODULE in src/input/readers.def). */

/* ---- what is lint material ------------------------------------------------------ */

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n > m && strcasecmp(s + n - m, suffix) == 0;
}

static bool is_class_or_ttl(const char *t, size_t n)
{
    if ((n == 2 && (zl_ascii_has_prefix(t, n, "IN") || zl_ascii_has_prefix(t, n, "CH") ||
                    zl_ascii_has_prefix(t, n, "HS"))))
        return true;
    if (!n || t[0] < '0' || t[0] > '9')
        return false;
    for (size_t i = 0; i < n; i++)
        if (!strchr("0123456789smhdwSMHDW", t[i]))
            return false;
    return true;
}

/* An SOA record's line: "[owner] [ttl] [class] SOA mname rname ...", the
 * word before SOA an owner (first), a class or a TTL, the two after it
 * names. */
static bool soa_line(const char *t, size_t n)
{
    const char *tok[8];
    size_t len[8], k = 0;
    for (size_t i = 0; i < n && k < 8;) {
        while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r'))
            i++;
        if (i >= n || t[i] == ';')
            break;
        size_t s = i;
        while (i < n && t[i] != ' ' && t[i] != '\t' && t[i] != '\r' && t[i] != ';')
            i++;
        tok[k] = t + s;
        len[k++] = i - s;
    }
    for (size_t j = 1; j + 2 < k && j <= 3; j++) {
        if (len[j] != 3 || !zl_ascii_has_prefix(tok[j], 3, "SOA"))
            continue;
        if (j > 1 && !is_class_or_ttl(tok[j - 1], len[j - 1]))
            continue;
        bool names = true;
        for (size_t m = j + 1; m <= j + 2; m++)
            names &= memchr(tok[m], '.', len[m]) != NULL || (len[m] == 1 && tok[m][0] == '@') ||
                     (len[m] == 1 && tok[m][0] == '(');
        if (names)
            return true;
    }
    return false;
}

/* The start of a master file: a directive, or an SOA record. */
static bool reads_like_zone(const char *t, size_t n)
{
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(t + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - t) : n;
        size_t a = i;
        while (a < e && (t[a] == ' ' || t[a] == '\t'))
            a++;
        if (a < e && t[a] == '$') {
            const char *d[] = { "$ORIGIN", "$TTL", "$INCLUDE", "$GENERATE" };
            for (size_t k = 0; k < 4; k++)
                if (zl_ascii_has_prefix(t + a, e - a, d[k]))
                    return true;
        }
        if (soa_line(t + i, e - i))
            return true;
        i = e + 1;
    }
    return false;
}

bool zl_walk_wants(const char *name, const char *head, size_t len)
{
    /* a named zone file that is UTF-16 or binary is read, and its reader
     * says what is wrong; other binary files are not lint material */
    if (zl_text_not_utf8((const unsigned char *)head, len) || memchr(head, '\0', len))
        return ends_with(name, ".zone");
    char why[256];
    int f = zl_input_format_detect(head, len, name, why, sizeof why);
    if (f < 0)
        return false; /* JSON or YAML, but no export: package.json, CI files */
    if (f != ZL_INPUT_ZONE)
        return true;
    if (ends_with(name, ".json") || ends_with(name, ".yaml") || ends_with(name, ".yml"))
        return false;
    return ends_with(name, ".zone") || reads_like_zone(head, len);
}

/* A name that may be lint material without looking inside (a link out of
 * the work tree is never read: the lint says why it refuses it). */
static bool name_looks_like_input(const char *name)
{
    return ends_with(name, ".zone") || ends_with(name, ".db") || !strncasecmp(name, "db.", 3) ||
           ends_with(name, ".json") || ends_with(name, ".yaml") || ends_with(name, ".yml");
}

static bool wanted_file(const char *path, const char *name)
{
    struct zl_opened o;
    enum zl_open_status st = zl_open_argument(path, NULL, 0, &o);
    if (st == ZL_OPEN_LINK_OUT)
        return name_looks_like_input(name);
    if (st != ZL_OPEN_OK)
        return false;
    char *buf = zl_xmalloc(HEAD);
    size_t got = 0;
    long r;
    while (got < HEAD && (r = zl_file_read(&o.file, got, buf + got, HEAD - got)) > 0)
        got += (size_t)r;
    zl_file_close(&o.file);
    bool want = zl_walk_wants(name, buf, got);
    free(buf);
    return want;
}

/* ---- .gitignore ------------------------------------------------------------------- */

struct ignore_rule {
    char *pat;
    char *base;       /* directory of the .gitignore, relative to the walk's top ("" at the top) */
    bool neg, dir_only, anchored;
};

struct ignores {
    struct ignore_rule *v;
    size_t n;
};

static void read_gitignore(struct ignores *ig, const char *top, const char *rel)
{
    struct zl_buf p = { 0 };
    zl_buf_printf(&p, "%s/%s%s.gitignore", top, rel, *rel ? "/" : "");
    struct zl_opened o;
    if (zl_open_argument(zl_buf_cstr(&p), NULL, 1u << 20, &o) != ZL_OPEN_OK) {
        zl_buf_free(&p);
        return;
    }
    zl_buf_free(&p);
    struct zl_buf t = { 0 };
    char buf[8192];
    long r;
    uint64_t done = 0;
    while ((r = zl_file_read(&o.file, done, buf, sizeof buf)) > 0) {
        zl_buf_put(&t, buf, (size_t)r);
        done += (uint64_t)r;
    }
    zl_file_close(&o.file);
    char *s = zl_buf_cstr(&t);
    for (char *line = s; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
            line[--n] = '\0';
        if (n && line[0] != '#') {
            struct ignore_rule rule = { 0 };
            char *q = line;
            if (*q == '!')
                rule.neg = true, q++;
            size_t qn = strlen(q);
            if (qn && q[qn - 1] == '/') {
                rule.dir_only = true;
                q[--qn] = '\0';
            }
            rule.anchored = strchr(q, '/') != NULL;
            while (*q == '/')
                q++;
            if (*q) {
                rule.pat = zl_xstrdup(q);
                rule.base = zl_xstrdup(rel);
                ig->v = zl_xrealloc(ig->v, (ig->n + 1) * sizeof *ig->v);
                ig->v[ig->n++] = rule;
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    zl_buf_free(&t);
}

static bool ignored_by_files(const struct ignores *ig, const char *rel, bool is_dir)
{
    bool hit = false;
    for (size_t i = 0; i < ig->n; i++) {
        const struct ignore_rule *r = &ig->v[i];
        const char *sub = rel;
        size_t bl = strlen(r->base);
        if (bl) {
            if (strncmp(rel, r->base, bl) != 0 || rel[bl] != '/')
                continue;
            sub = rel + bl + 1;
        }
        if (r->dir_only && !is_dir)
            continue;
        const char *leaf = strrchr(sub, '/');
        if (zl_glob_match_whole(r->pat, r->anchored ? sub : leaf ? leaf + 1 : sub))
            hit = !r->neg;
    }
    return hit;
}

static void ignores_free(struct ignores *ig)
{
    for (size_t i = 0; i < ig->n; i++) {
        free(ig->v[i].pat);
        free(ig->v[i].base);
    }
    free(ig->v);
}

/* git -C top check-ignore --stdin -z on the NUL-separated paths in in;
 * the ignored ones come back in out. Returns git's status (0 some, 1 none),
 * or -1 when git cannot answer (not installed, not a work tree). */
static int git_check_ignore(const char *top, const struct zl_buf *in, struct zl_buf *out)
{
    char tmpl[] = "/tmp/zonelint-walk-XXXXXX";
    int tfd = mkstemp(tmpl);
    if (tfd < 0)
        return -1;
    unlink(tmpl);
    for (size_t done = 0; done < in->len;) {
        ssize_t w = write(tfd, in->data + done, in->len - done);
        if (w <= 0) {
            close(tfd);
            return -1;
        }
        done += (size_t)w;
    }
    lseek(tfd, 0, SEEK_SET);
    int pfd[2];
    if (pipe(pfd) != 0) {
        close(tfd);
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(tfd);
        close(pfd[0]);
        close(pfd[1]);
        return -1;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(tfd, 0);
        dup2(pfd[1], 1);
        if (null >= 0)
            dup2(null, 2);
        close(pfd[0]);
        execlp("git", "git", "-C", top, "check-ignore", "--stdin", "-z", (char *)NULL);
        _exit(127);
    }
    close(tfd);
    close(pfd[1]);
    char buf[8192];
    ssize_t r;
    while ((r = read(pfd[0], buf, sizeof buf)) != 0) {
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            break;
        zl_buf_put(out, buf, (size_t)r);
    }
    close(pfd[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!WIFEXITED(status))
        return -1;
    int rc = WEXITSTATUS(status);
    return rc == 0 || rc == 1 ? rc : -1;
}

/* ---- the walk ------------------------------------------------------------------------- */

struct entry {
    char *rel;        /* relative to the walk's top */
    bool is_dir;
    bool ignored;
};

static int by_rel(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->rel, ((const struct entry *)b)->rel);
}

static char *join(const char *top, const char *rel)
{
    struct zl_buf b = { 0 };
    if (!*rel)
        zl_buf_puts(&b, top);
    else if (!strcmp(top, "."))
        zl_buf_puts(&b, rel);
    else
        zl_buf_printf(&b, "%s%s%s", top, top[strlen(top) - 1] == '/' ? "" : "/", rel);
    return zl_buf_cstr(&b);
}

static bool excluded(const struct zl_strlist *exclude, const char *shown)
{
    const char *p = !strncmp(shown, "./", 2) ? shown + 2 : shown;
    for (size_t i = 0; exclude && i < exclude->n; i++)
        if (zl_glob_match(exclude->v[i], p))
            return true;
    return false;
}

/* Marks the entries git (or the .gitignore files) ignores. */
static void mark_ignored(const char *top, struct entry *v, size_t n, bool *use_git, struct ignores *ig)
{
    if (*use_git) {
        struct zl_buf in = { 0 }, out = { 0 };
        for (size_t i = 0; i < n; i++) {
            zl_buf_puts(&in, v[i].rel);
            if (v[i].is_dir)
                zl_buf_putc(&in, '/');
            zl_buf_putc(&in, '\0');
        }
        int rc = n ? git_check_ignore(top, &in, &out) : 1;
        zl_buf_free(&in);
        if (rc >= 0) {
            for (size_t off = 0; off < out.len;) {
                const char *s = (const char *)out.data + off;
                size_t l = strnlen(s, out.len - off);
                size_t k = l;
                while (k && s[k - 1] == '/')
                    k--;
                for (size_t i = 0; i < n; i++)
                    if (strlen(v[i].rel) == k && !memcmp(v[i].rel, s, k))
                        v[i].ignored = true;
                off += l + 1;
            }
            zl_buf_free(&out);
            return;
        }
        zl_buf_free(&out);
        *use_git = false; /* no git here: read the .gitignore files instead */
    }
    for (size_t i = 0; i < n; i++)
        v[i].ignored = ignored_by_files(ig, v[i].rel, v[i].is_dir);
}

static bool tf_name(const char *rel)
{
    return ends_with(rel, ".tf") || ends_with(rel, ".tf.json");
}

/* A *.tf file below a directory that holds *.tf files itself: a child
 * module, read through the module that calls it with its inputs, not as a
 * root of its own (where its variables would have no values). */
static bool in_child_module(const struct entry *files, size_t n, const char *rel)
{
    if (!tf_name(rel))
        return false;
    const char *slash = strrchr(rel, '/');
    size_t dl = slash ? (size_t)(slash - rel) : 0; /* its directory: rel[0..dl) */
    for (size_t i = 0; i < n; i++) {
        const char *o = files[i].rel, *os = strrchr(o, '/');
        size_t ol = os ? (size_t)(os - o) : 0;
        /* another module's directory that is a proper ancestor of this one */
        if (tf_name(o) && ol < dl && (ol == 0 || (!strncmp(o, rel, ol) && rel[ol] == '/')))
            return true;
    }
    return false;
}

static int walk_dir(const char *top, const struct zl_strlist *exclude, struct zl_strlist *out)
{
    struct entry *files = NULL;
    size_t nfiles = 0;
    char **frontier = zl_xmalloc(sizeof *frontier);
    frontier[0] = zl_xstrdup("");
    size_t nfront = 1;
    /* git answers for the work tree the directory is in; outside one (or
     * without git) the .gitignore files are read as the walk goes */
    struct zl_buf none = { 0 }, got = { 0 };
    bool use_git = git_check_ignore(top, &none, &got) >= 0;
    zl_buf_free(&got);
    struct ignores ig = { 0 };
    int rc = 0;
    for (unsigned depth = 0; nfront && depth < 64; depth++) {
        struct entry *level = NULL;
        size_t nlevel = 0;
        for (size_t f = 0; f < nfront; f++) {
            char *dpath = join(top, frontier[f]);
            if (!use_git)
                read_gitignore(&ig, top, frontier[f]);
            DIR *d = opendir(dpath);
            if (!d) {
                if (depth == 0) {
                    fprintf(stderr, "zonelint: %s: %s\n", dpath, strerror(errno));
                    rc = 2;
                }
                free(dpath);
                continue;
            }
            for (struct dirent *e; (e = readdir(d));) {
                if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !strcmp(e->d_name, ".git"))
                    continue;
                struct zl_buf rel = { 0 };
                zl_buf_printf(&rel, "%s%s%s", frontier[f], *frontier[f] ? "/" : "", e->d_name);
                char *full = join(top, zl_buf_cstr(&rel));
                struct stat st;
                bool keep = lstat(full, &st) == 0 && (S_ISDIR(st.st_mode) || S_ISREG(st.st_mode) || S_ISLNK(st.st_mode));
                if (keep && S_ISLNK(st.st_mode)) {
                    /* a link to a file is a file; a link to a directory is not followed */
                    struct stat tst;
                    keep = stat(full, &tst) == 0 ? S_ISREG(tst.st_mode) : name_looks_like_input(e->d_name);
                }
                if (keep && !excluded(exclude, full)) {
                    level = zl_xrealloc(level, (nlevel + 1) * sizeof *level);
                    level[nlevel++] = (struct entry){ zl_buf_cstr(&rel), S_ISDIR(st.st_mode), false };
                } else {
                    zl_buf_free(&rel);
                }
                free(full);
            }
            closedir(d);
            free(dpath);
        }
        for (size_t f = 0; f < nfront; f++)
            free(frontier[f]);
        nfront = 0;
        if (nlevel)
            qsort(level, nlevel, sizeof *level, by_rel);
        mark_ignored(top, level, nlevel, &use_git, &ig);
        for (size_t i = 0; i < nlevel; i++) {
            struct entry *e = &level[i];
            char *full = join(top, e->rel);
            if (e->ignored) {
                free(e->rel);
            } else if (e->is_dir) {
                frontier = zl_xrealloc(frontier, (nfront + 1) * sizeof *frontier);
                frontier[nfront++] = e->rel;
            } else {
                files = zl_xrealloc(files, (nfiles + 1) * sizeof *files);
                files[nfiles++] = *e;
            }
            free(full);
        }
        free(level);
    }
    for (size_t f = 0; f < nfront; f++)
        free(frontier[f]);
    free(frontier);
    if (nfiles)
        qsort(files, nfiles, sizeof *files, by_rel);
    bool *child = zl_xcalloc(nfiles ? nfiles : 1, sizeof *child);
    for (size_t i = 0; i < nfiles; i++)
        child[i] = in_child_module(files, nfiles, files[i].rel);
    for (size_t i = 0; i < nfiles; i++) {
        char *full = join(top, files[i].rel);
        const char *name = strrchr(files[i].rel, '/');
        if (!child[i] && wanted_file(full, name ? name + 1 : files[i].rel))
            zl_strlist_add(out, full);
        free(full);
        free(files[i].rel);
    }
    free(child);
    free(files);
    ignores_free(&ig);
    return rc;
}

int zl_walk_args(char **args, size_t n, const struct zl_strlist *exclude, struct zl_strlist *out)
{
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t before = out->n;
            if (walk_dir(args[i], exclude, out) != 0)
                rc = 2;
            else if (out->n == before)
                fprintf(stderr, "zonelint: %s: no zone files or provider exports in this directory\n", args[i]);
        } else {
            zl_strlist_add(out, args[i]);
        }
    }
    return rc;
}
