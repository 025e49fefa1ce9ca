/* SPDX-License-Identifier: MIT */
/* Path patterns (glob.h). */
#include "cli/glob.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"

/* A class at p ("[...]"): whether c is in it; *end is set past the ']'.
 * Returns -1 when p opens no well-formed class (then '[' is literal). */
static int class_match(const char *p, char c, const char **end)
{
    const char *q = p + 1;
    bool neg = *q == '!' || *q == '^';
    if (neg)
        q++;
    bool hit = false, first = true;
    for (; *q && (first || *q != ']'); first = false) {
        char lo = *q == '\\' && q[1] ? *++q : *q;
        q++;
        char hi = lo;
        if (q[0] == '-' && q[1] && q[1] != ']') {
            hi = q[1] == '\\' && q[2] ? q[2] : q[1];
            q += q[1] == '\\' && q[2] ? 3 : 2;
        }
        if (lo <= c && c <= hi)
            hit = true;
    }
    if (*q != ']')
        return -1;
    *end = q + 1;
    return hit != neg;
}

bool zl_glob_match_whole(const char *p, const char *s)
{
    for (;;) {
        if (p[0] == '*' && p[1] == '*') {
            while (*p == '*')
                p++;
            bool dirs = *p == '/'; /* "**" "/": zero or more whole directories */
            if (dirs)
                p++;
            for (const char *t = s;; t++) {
                if ((!dirs || t == s || t[-1] == '/') && zl_glob_match_whole(p, t))
                    return true;
                if (!*t)
                    return false;
            }
        }
        switch (*p) {
        case '\0':
            return *s == '\0';
        case '*':
            p++;
            for (const char *t = s;; t++) {
                if (zl_glob_match_whole(p, t))
                    return true;
                if (!*t || *t == '/')
                    return false;
            }
        case '?':
            if (!*s || *s == '/')
                return false;
            p++, s++;
            break;
        case '[': {
            const char *end;
            int m = *s && *s != '/' ? class_match(p, *s, &end) : 0;
            if (m < 0) {
                if (*s != '[')
                    return false;
                p++, s++;
                break;
            }
            if (!m)
                return false;
            p = end, s++;
            break;
        }
        case '\\':
            if (p[1])
                p++;
            /* fall through */
        default:
            if (*p != *s)
                return false;
            p++, s++;
            break;
        }
    }
}

bool zl_glob_match(const char *pattern, const char *path)
{
    struct zl_buf pb = { 0 };
    zl_buf_puts(&pb, pattern);
    char *pat = zl_buf_cstr(&pb);
    size_t n = strlen(pat);
    while (n > 1 && pat[n - 1] == '/')
        pat[--n] = '\0';
    bool anchored = strchr(pat, '/') != NULL;
    const char *p = pat;
    while (*p == '/')
        p++;
    bool hit = false;
    char *s = zl_xstrdup(path);
    /* every prefix that ends at a component: "a", "a/b", "a/b/c" */
    for (size_t i = 0, start = 0; !hit; i++) {
        if (s[i] != '/' && s[i] != '\0')
            continue;
        char saved = s[i];
        s[i] = '\0';
        hit = anchored ? zl_glob_match_whole(p, s) : zl_glob_match_whole(p, s + start);
        s[i] = saved;
        if (!saved)
            break;
        start = i + 1;
    }
    free(s);
    free(pat);
    return hit;
}

/* Absolute and normalised, lexically. */
static char *lexical(const char *path)
{
    struct zl_buf in = { 0 }, out = { 0 };
    if (path[0] != '/') {
        char *cwd = getcwd(NULL, 0);
        zl_buf_puts(&in, cwd ? cwd : "/");
        zl_buf_putc(&in, '/');
        free(cwd);
    }
    zl_buf_puts(&in, path);
    const char *s = zl_buf_cstr(&in);
    while (*s) {
        while (*s == '/')
            s++;
        size_t len = strcspn(s, "/");
        if (len == 0)
            break;
        if (len == 1 && s[0] == '.') {
        } else if (len == 2 && s[0] == '.' && s[1] == '.') {
            while (out.len && out.data[out.len - 1] != '/')
                out.len--;
            if (out.len)
                out.len--;
        } else {
            zl_buf_putc(&out, '/');
            zl_buf_put(&out, s, len);
        }
        s += len;
    }
    if (!out.len)
        zl_buf_putc(&out, '/');
    zl_buf_free(&in);
    return zl_buf_cstr(&out);
}

char *zl_glob_rel(const char *dir, const char *path)
{
    char *d = lexical(dir), *p = lexical(path);
    size_t n = strlen(d);
    char *rel = NULL;
    if (!strcmp(d, "/"))
        rel = p[1] ? zl_xstrdup(p + 1) : NULL;
    else if (!strncmp(p, d, n) && p[n] == '/' && p[n + 1])
        rel = zl_xstrdup(p + n + 1);
    free(d);
    free(p);
    return rel;
}
