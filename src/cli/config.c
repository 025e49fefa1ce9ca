#include "cli/config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/buf.h"
#include "input/confine.h"

void zl_strlist_add_csv(struct zl_strlist *l, const char *csv)
{
    const char *p = csv;
    while (*p) {
        while (*p == ',' || *p == ' ' || *p == '\t')
            p++;
        const char *q = p;
        while (*q && *q != ',' && *q != ' ' && *q != '\t')
            q++;
        if (q > p) {
            l->v = zl_xrealloc(l->v, (l->n + 2) * sizeof *l->v);
            l->v[l->n++] = zl_xstrndup(p, (size_t)(q - p));
            l->v[l->n] = NULL;
        }
        p = q;
    }
}

void zl_strlist_free(struct zl_strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

void zl_config_free(struct zl_config *c)
{
    free(c->path);
    zl_strlist_free(&c->select);
    zl_strlist_free(&c->ignore);
    zl_strlist_free(&c->disable);
    free(c->origin);
    free(c->origin_from);
    free(c->format);
    free(c->color);
    free(c->include_root);
    free(c->include_root_narrow);
    free(c->include_root_where);
    free(c->stdin_filename);
    zl_strlist_free(&c->senders);
    memset(c, 0, sizeof *c);
}

int zl_severity_from_name(const char *s, enum zl_severity *out)
{
    if (strcasecmp(s, "error") == 0)
        *out = ZL_SEV_ERROR;
    else if (strcasecmp(s, "warning") == 0)
        *out = ZL_SEV_WARNING;
    else if (strcasecmp(s, "info") == 0)
        *out = ZL_SEV_INFO;
    else
        return -1;
    return 0;
}

char *zl_config_find(const char *start_dir)
{
    /* Walk up with "dir/.." so the path shown stays relative, as given. */
    struct zl_buf dir = { 0 };
    zl_buf_puts(&dir, start_dir);
    for (unsigned depth = 0; depth < 64; depth++) {
        struct zl_buf cand = { 0 };
        zl_buf_printf(&cand, "%s/.zonelint", zl_buf_cstr(&dir));
        if (access(zl_buf_cstr(&cand), R_OK) == 0) {
            zl_buf_free(&dir);
            return zl_buf_cstr(&cand);
        }
        zl_buf_free(&cand);
        char rp[PATH_MAX];
        if (!realpath(zl_buf_cstr(&dir), rp) || strcmp(rp, "/") == 0)
            break;
        zl_buf_puts(&dir, "/..");
    }
    zl_buf_free(&dir);
    return NULL;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

static bool parse_bool(const char *v, bool *out)
{
    if (!strcasecmp(v, "true") || !strcasecmp(v, "yes") || !strcmp(v, "1"))
        *out = true;
    else if (!strcasecmp(v, "false") || !strcasecmp(v, "no") || !strcmp(v, "0"))
        *out = false;
    else
        return false;
    return true;
}

/* The file through confine.c, as a stream. */
static FILE *open_config(const char *path, char *err, size_t errlen)
{
    struct zl_opened o;
    enum zl_open_status st = zl_open_argument(path, NULL, ZL_CONFIG_MAX, &o);
    if (st != ZL_OPEN_OK) {
        char why[400];
        if (st == ZL_OPEN_ERRNO)
            snprintf(why, sizeof why, "%s", strerror(o.file.err));
        else if (st == ZL_OPEN_LINK_OUT)
            snprintf(why, sizeof why, "is a symbolic link that leads out of the %s holding it; not read",
                     o.root.kind == ZL_ROOT_TREE ? "git work tree" : "directory");
        else
            zl_open_status_text(st, &o.file, ZL_CONFIG_MAX, why, sizeof why);
        snprintf(err, errlen, "%s: %s", path, why);
        return NULL;
    }
    FILE *f = fdopen(o.file.fd, "r");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        zl_file_close(&o.file);
    }
    return f;
}

int zl_config_load(struct zl_config *c, const char *path, char *err, size_t errlen)
{
    FILE *f = open_config(path, err, errlen);
    if (!f)
        return -1;
    free(c->path);
    c->path = zl_xstrdup(path);
    char line[4096];
    unsigned ln = 0;
    int rc = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        char *s = trim(line);
        if (!*s || *s == '#' || *s == ';')
            continue;
        char *eq = strchr(s, '=');
        if (!eq) {
            snprintf(err, errlen, "%s:%u: expected 'key = value'", path, ln);
            rc = -1;
            break;
        }
        *eq = '\0';
        char *key = trim(s), *val = trim(eq + 1);
        if (!strcmp(key, "select"))
            zl_strlist_add_csv(&c->select, val);
        else if (!strcmp(key, "ignore"))
            zl_strlist_add_csv(&c->ignore, val);
        else if (!strcmp(key, "disable"))
            zl_strlist_add_csv(&c->disable, val);
        else if (!strcmp(key, "fail-level")) {
            if (zl_severity_from_name(val, &c->fail_level) != 0) {
                snprintf(err, errlen, "%s:%u: fail-level must be error, warning or info", path, ln);
                rc = -1;
                break;
            }
        } else if (!strcmp(key, "exit-zero")) {
            if (!parse_bool(val, &c->exit_zero)) {
                snprintf(err, errlen, "%s:%u: exit-zero must be true or false", path, ln);
                rc = -1;
                break;
            }
        } else if (!strcmp(key, "no-include")) {
            if (!parse_bool(val, &c->no_include)) {
                snprintf(err, errlen, "%s:%u: no-include must be true or false", path, ln);
                rc = -1;
                break;
            }
        } else if (!strcmp(key, "origin")) {
            free(c->origin);
            free(c->origin_from);
            c->origin = zl_xstrdup(val);
            c->origin_from = zl_xstrdup(path);
        } else if (!strcmp(key, "format")) {
            free(c->format);
            c->format = zl_xstrdup(val);
        } else if (!strcmp(key, "color")) {
            free(c->color);
            c->color = zl_xstrdup(val);
        } else if (!strcmp(key, "include-root")) {
            /* relative to the config file, as every path in it */
            struct zl_buf b = { 0 };
            const char *slash = strrchr(path, '/');
            if (val[0] != '/' && slash)
                zl_buf_put(&b, path, (size_t)(slash - path) + 1);
            zl_buf_puts(&b, val);
            free(c->include_root_narrow);
            c->include_root_narrow = zl_buf_cstr(&b);
            free(c->include_root_where);
            struct zl_buf w = { 0 };
            zl_buf_printf(&w, "%s:%u", path, ln);
            c->include_root_where = zl_buf_cstr(&w);
        } else if (!strcmp(key, "senders")) {
            /* A directory of sender packs (senders/README.md), relative to
             * this file's directory, so the setting works from anywhere. */
            if (!*val) {
                snprintf(err, errlen, "%s:%u: senders needs a directory", path, ln);
                rc = -1;
                break;
            }
            const char *slash = strrchr(path, '/');
            struct zl_buf dir = { 0 };
            if (val[0] != '/' && slash)
                zl_buf_printf(&dir, "%.*s/%s", (int)(slash - path), path, val);
            else
                zl_buf_puts(&dir, val);
            c->senders.v = zl_xrealloc(c->senders.v, (c->senders.n + 2) * sizeof *c->senders.v);
            c->senders.v[c->senders.n++] = zl_buf_cstr(&dir);
            c->senders.v[c->senders.n] = NULL;
        } else {
            snprintf(err, errlen, "%s:%u: unknown key '%s' (known: select, ignore, disable, fail-level, "
                     "exit-zero, origin, format, color, include-root, no-include, senders)", path, ln, key);
            rc = -1;
            break;
        }
    }
    fclose(f);
    return rc;
}
