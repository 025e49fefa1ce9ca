/* SPDX-License-Identifier: MIT */
/* Reading .zonelint files (config.h). */
#include "cli/config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/names.h"
#include "cli/glob.h"
#include "cli/suggest.h"
#include "input/confine.h"
#include "input/dialect.h"
#include "input/readers.h"
#include "lint/engine.h"

void zl_strlist_add(struct zl_strlist *l, const char *s)
{
    l->v = zl_xrealloc(l->v, (l->n + 2) * sizeof *l->v);
    l->v[l->n++] = zl_xstrdup(s);
    l->v[l->n] = NULL;
}

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
            char *w = zl_xstrndup(p, (size_t)(q - p));
            zl_strlist_add(l, w);
            free(w);
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

static void section_free(struct zl_config_section *s)
{
    free(s->glob);
    zl_strlist_free(&s->select);
    zl_strlist_free(&s->ignore);
    zl_strlist_free(&s->disable);
    free(s->origin);
    free(s->dialect);
    free(s->input_format);
}

void zl_config_free(struct zl_config *c)
{
    free(c->path);
    free(c->dir);
    zl_strlist_free(&c->select);
    zl_strlist_free(&c->ignore);
    zl_strlist_free(&c->disable);
    free(c->origin);
    free(c->origin_from);
    free(c->format);
    free(c->color);
    free(c->dialect);
    free(c->input_format);
    free(c->include_root);
    free(c->include_root_narrow);
    free(c->include_root_where);
    free(c->stdin_filename);
    zl_strlist_free(&c->senders);
    zl_strlist_free(&c->ses_identity);
    free(c->expect_ns);
    for (size_t i = 0; i < c->nsections; i++)
        section_free(&c->sections[i]);
    free(c->sections);
    for (size_t i = 0; i < c->nsender_refs; i++)
        free(c->sender_refs[i].name);
    free(c->sender_refs);
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

bool zl_origin_parse(const char *text, struct zl_name *out)
{
    size_t n = strlen(text);
    /* a zone's name as people write it: no blanks, quotes or punctuation
     * that a master file would need escaped (a '\\' escape still works) */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 ||
              strchr("-_.*/\\", c)))
            return false;
        if (c == '\\' && i + 1 < n)
            i++;
    }
    /* origin example.com means the absolute name example.com. */
    char buf[1100];
    if (n == 0 || n + 2 > sizeof buf)
        return false;
    memcpy(buf, text, n);
    if (buf[n - 1] != '.' || (n >= 2 && buf[n - 2] == '\\'))
        buf[n++] = '.';
    return zl_name_from_text(out, buf, n, NULL, NULL) == ZL_NAME_OK;
}

/* path (absolute, normalised) as the user would write it from the working
 * directory cwd (the same): "b/.zonelint", "../.zonelint". */
static char *relative_to_cwd(const char *path, const char *cwd)
{
    size_t common = 0;
    for (size_t i = 0;; i++) {
        bool end_p = path[i] == '\0' || path[i] == '/', end_c = cwd[i] == '\0' || cwd[i] == '/';
        if (end_p && end_c)
            common = i;
        if (path[i] != cwd[i] || !path[i] || !cwd[i])
            break;
    }
    struct zl_buf b = { 0 };
    for (const char *c = cwd + common; *c; c++)
        if (*c == '/' && (c[1] || c == cwd + common))
            zl_buf_puts(&b, b.len ? "/.." : "..");
    if (strcmp(cwd, "/") == 0 && b.len)
        b.len = 0;
    const char *rest = path + common;
    while (*rest == '/')
        rest++;
    if (b.len && *rest)
        zl_buf_putc(&b, '/');
    zl_buf_puts(&b, rest);
    return zl_buf_cstr(&b);
}

char *zl_config_find(const char *start_dir, const char *stop)
{
    /* Up the directories as written (lexically, as git does), so the path
     * shown is the one the user would type; stop is compared resolved. */
    char *cwd = getcwd(NULL, 0);
    if (!cwd)
        return NULL;
    struct zl_buf abs = { 0 };
    if (start_dir[0] == '/') {
        zl_buf_puts(&abs, "/");
    } else {
        zl_buf_puts(&abs, cwd);
        zl_buf_putc(&abs, '/');
    }
    zl_buf_puts(&abs, start_dir);
    char *d = zl_glob_rel("/", zl_buf_cstr(&abs)); /* the absolute, normalised path without its '/' */
    zl_buf_free(&abs);
    struct zl_buf cur = { 0 };
    zl_buf_putc(&cur, '/');
    if (d)
        zl_buf_puts(&cur, d);
    free(d);
    char *found = NULL;
    for (unsigned depth = 0; depth < 64 && !found; depth++) {
        const char *c = zl_buf_cstr(&cur);
        struct zl_buf cand = { 0 };
        zl_buf_printf(&cand, "%s%s.zonelint", c, strcmp(c, "/") ? "/" : "");
        if (access(zl_buf_cstr(&cand), R_OK) == 0)
            found = relative_to_cwd(zl_buf_cstr(&cand), cwd);
        zl_buf_free(&cand);
        char rp[PATH_MAX];
        if (found || !strcmp(c, "/") || (stop && realpath(c, rp) && strcmp(rp, stop) == 0))
            break;
        char *slash = strrchr(c, '/');
        cur.len = slash == c ? 1 : (size_t)(slash - c);
    }
    zl_buf_free(&cur);
    free(cwd);
    return found;
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

/* Cuts a comment: '#' or ';' at the start, or after a blank. */
static void cut_comment(char *s)
{
    for (char *p = s; *p; p++)
        if ((*p == '#' || *p == ';') && (p == s || p[-1] == ' ' || p[-1] == '\t')) {
            *p = '\0';
            return;
        }
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
        snprintf(err, errlen, "%s: error: %s", path, why);
        return NULL;
    }
    FILE *f = fdopen(o.file.fd, "r");
    if (!f) {
        snprintf(err, errlen, "%s: error: %s", path, strerror(errno));
        zl_file_close(&o.file);
    }
    return f;
}

struct loader {
    struct zl_config *c;
    const char *path;
    unsigned line;
    char *err;
    size_t errlen;
};

static int fail(struct loader *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct loader *l, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(l->err, l->errlen, "%s:%u: error: %s", l->path, l->line, msg);
    return -1;
}

/* A path of the file made relative to its directory (absolute stays). */
static char *relative_to_config(const struct loader *l, const char *val)
{
    struct zl_buf b = { 0 };
    const char *slash = strrchr(l->path, '/');
    if (val[0] != '/' && slash)
        zl_buf_put(&b, l->path, (size_t)(slash - l->path) + 1);
    zl_buf_puts(&b, val);
    return zl_buf_cstr(&b);
}

/* select/ignore/disable: every item a rule, a prefix or sender:NAME. */
static int rule_list(struct loader *l, const char *key, const char *val, struct zl_strlist *into)
{
    struct zl_strlist items = { 0 };
    zl_strlist_add_csv(&items, val);
    if (!items.n) {
        zl_strlist_free(&items);
        return fail(l, "%s needs a list of rule codes or slugs", key);
    }
    for (size_t i = 0; i < items.n; i++) {
        const char *w = items.v[i];
        if (!strncasecmp(w, "sender:", 7)) {
            struct zl_config *c = l->c;
            c->sender_refs = zl_xrealloc(c->sender_refs, (c->nsender_refs + 1) * sizeof *c->sender_refs);
            c->sender_refs[c->nsender_refs].name = zl_xstrdup(w);
            c->sender_refs[c->nsender_refs++].line = l->line;
        } else if (strcasecmp(w, "all") != 0) {
            char *one[1] = { items.v[i] };
            struct zl_selection sel = { one, 1, NULL, 0 };
            const char *bad;
            if (!zl_selection_valid(&sel, &bad)) {
                char hint[160];
                int rc = fail(l, "%s: no rule matches '%s'%s (see 'zonelint rules')", key, w,
                              zl_suggest_text(zl_suggest_rule(w), hint, sizeof hint));
                zl_strlist_free(&items);
                return rc;
            }
        }
        zl_strlist_add(into, w);
    }
    zl_strlist_free(&items);
    return 0;
}

static void set_str(char **field, const char *val)
{
    free(*field);
    *field = zl_xstrdup(val);
}

static int check_origin(struct loader *l, const char *val)
{
    struct zl_name n;
    if (!zl_origin_parse(val, &n))
        return fail(l, "origin '%s' is not a domain name", val);
    return 0;
}

static int check_dialect(struct loader *l, const char *val)
{
    enum zl_dialect d;
    if (zl_dialect_from_name(val, &d) != 0)
        return fail(l, "dialect must be one of %s, not '%s'", zl_dialect_names(), val);
    return 0;
}

static int check_input_format(struct loader *l, const char *val)
{
    enum zl_input_format f;
    char names[256];
    if (zl_input_format_from_name(val, &f) != 0)
        return fail(l, "input-format must be %s, not '%s'", zl_input_format_names(names, sizeof names), val);
    return 0;
}

static int check_severity(struct loader *l, const char *val, enum zl_severity *out)
{
    if (zl_severity_from_name(val, out) != 0)
        return fail(l, "fail-level must be error, warning or info, not '%s'", val);
    return 0;
}

static const char *const global_keys[] = {
    "select", "ignore", "disable", "fail-level", "exit-zero", "origin", "format", "color", "dialect",
    "input-format", "include-root", "no-include", "senders", "ses-identity", "expect-ns",
};
#define NGLOBAL (sizeof global_keys / sizeof global_keys[0])

static const char *const section_keys[] = {
    "select", "ignore", "disable", "origin", "dialect", "input-format", "fail-level",
};
#define NSECTION (sizeof section_keys / sizeof section_keys[0])

static int section_key(struct loader *l, struct zl_config_section *s, const char *key, const char *val)
{
    if (!strcmp(key, "select")) {
        zl_strlist_free(&s->select);
        s->has_select = true;
        return rule_list(l, key, val, &s->select);
    }
    if (!strcmp(key, "ignore"))
        return rule_list(l, key, val, &s->ignore);
    if (!strcmp(key, "disable"))
        return rule_list(l, key, val, &s->disable);
    if (!strcmp(key, "origin")) {
        if (check_origin(l, val) != 0)
            return -1;
        set_str(&s->origin, val);
        return 0;
    }
    if (!strcmp(key, "dialect")) {
        if (check_dialect(l, val) != 0)
            return -1;
        set_str(&s->dialect, val);
        return 0;
    }
    if (!strcmp(key, "input-format")) {
        if (check_input_format(l, val) != 0)
            return -1;
        set_str(&s->input_format, val);
        return 0;
    }
    if (!strcmp(key, "fail-level")) {
        s->has_fail_level = true;
        return check_severity(l, val, &s->fail_level);
    }
    for (size_t i = 0; i < NGLOBAL; i++)
        if (!strcmp(key, global_keys[i]))
            return fail(l, "'%s' applies to the whole run and cannot be set in a [path] section (those take: "
                           "select, ignore, disable, origin, dialect, input-format, fail-level)", key);
    char hint[160];
    return fail(l, "unknown key '%s' in a [path] section%s (known: select, ignore, disable, origin, dialect, "
                   "input-format, fail-level)",
                key, zl_suggest_text(zl_suggest(key, section_keys, NSECTION), hint, sizeof hint));
}

static int global_key(struct loader *l, const char *key, const char *val)
{
    struct zl_config *c = l->c;
    if (!strcmp(key, "select")) {
        zl_strlist_free(&c->select);
        c->has_select = true;
        return rule_list(l, key, val, &c->select);
    }
    if (!strcmp(key, "ignore"))
        return rule_list(l, key, val, &c->ignore);
    if (!strcmp(key, "disable"))
        return rule_list(l, key, val, &c->disable);
    if (!strcmp(key, "fail-level")) {
        c->has_fail_level = true;
        return check_severity(l, val, &c->fail_level);
    }
    if (!strcmp(key, "exit-zero") || !strcmp(key, "no-include")) {
        if (!parse_bool(val, !strcmp(key, "exit-zero") ? &c->exit_zero : &c->no_include))
            return fail(l, "%s must be true or false, not '%s'", key, val);
        return 0;
    }
    if (!strcmp(key, "origin")) {
        if (check_origin(l, val) != 0)
            return -1;
        set_str(&c->origin, val);
        struct zl_buf w = { 0 };
        zl_buf_printf(&w, "%s:%u", l->path, l->line);
        free(c->origin_from);
        c->origin_from = zl_buf_cstr(&w);
        return 0;
    }
    if (!strcmp(key, "format")) {
        enum zl_format f;
        if (strcasecmp(val, "auto") != 0 && zl_format_from_name(val, &f) != 0)
            return fail(l, "format must be text, gcc, json, sarif, github or auto, not '%s'", val);
        set_str(&c->format, val);
        return 0;
    }
    if (!strcmp(key, "color")) {
        if (strcasecmp(val, "auto") && strcasecmp(val, "always") && strcasecmp(val, "never"))
            return fail(l, "color must be auto, always or never, not '%s'", val);
        set_str(&c->color, val);
        return 0;
    }
    if (!strcmp(key, "dialect")) {
        if (check_dialect(l, val) != 0)
            return -1;
        set_str(&c->dialect, val);
        return 0;
    }
    if (!strcmp(key, "input-format")) {
        if (check_input_format(l, val) != 0)
            return -1;
        set_str(&c->input_format, val);
        return 0;
    }
    if (!strcmp(key, "include-root")) {
        if (!*val)
            return fail(l, "include-root needs a directory");
        free(c->include_root_narrow);
        c->include_root_narrow = relative_to_config(l, val);
        struct zl_buf w = { 0 };
        zl_buf_printf(&w, "%s:%u", l->path, l->line);
        free(c->include_root_where);
        c->include_root_where = zl_buf_cstr(&w);
        return 0;
    }
    if (!strcmp(key, "senders")) {
        /* A directory of sender packs (senders/README.md), relative to
         * this file's directory, so the setting works from anywhere. */
        if (!*val)
            return fail(l, "senders needs a directory");
        char *dir = relative_to_config(l, val);
        zl_strlist_add(&c->senders, dir);
        free(dir);
        c->senders_line = l->line;
        return 0;
    }
    if (!strcmp(key, "ses-identity")) {
        /* [NAME=]FILE: the NAME stays, the FILE is relative to this file */
        const char *eq = strchr(val, '=');
        const char *file = eq ? eq + 1 : val;
        if (!*file)
            return fail(l, "ses-identity needs a file (the JSON of aws sesv2 get-email-identity)");
        if (eq) {
            struct zl_name n;
            char *name = zl_xstrndup(val, (size_t)(eq - val));
            bool ok = zl_origin_parse(name, &n);
            free(name);
            if (!ok)
                return fail(l, "ses-identity NAME=FILE: '%.*s' is not a domain name", (int)(eq - val), val);
        }
        char *rel = relative_to_config(l, file);
        struct zl_buf b = { 0 };
        if (eq)
            zl_buf_put(&b, val, (size_t)(eq - val) + 1);
        zl_buf_puts(&b, rel);
        free(rel);
        zl_strlist_add(&c->ses_identity, zl_buf_cstr(&b));
        zl_buf_free(&b);
        c->ses_identity_line = l->line;
        return 0;
    }
    if (!strcmp(key, "expect-ns")) {
        if (!*val)
            return fail(l, "expect-ns needs a list of name servers or a file");
        /* a file when the value has a '/' or names one beside this file */
        char *rel = relative_to_config(l, val);
        bool file = strchr(val, '/') || access(rel, F_OK) == 0;
        set_str(&c->expect_ns, file ? rel : val);
        free(rel);
        c->expect_ns_line = l->line;
        return 0;
    }
    char hint[160];
    return fail(l, "unknown key '%s'%s (known: " ZL_CONFIG_KEYS ")", key,
                zl_suggest_text(zl_suggest(key, global_keys, NGLOBAL), hint, sizeof hint));
}

/* [path "GLOB"] (the quotes may be left out). */
static int section_header(struct loader *l, char *s)
{
    size_t n = strlen(s);
    if (n < 2 || s[n - 1] != ']')
        return fail(l, "a section is written [path \"GLOB\"]");
    s[n - 1] = '\0';
    char *in = trim(s + 1);
    if (strncmp(in, "path", 4) != 0 || (in[4] != ' ' && in[4] != '\t'))
        return fail(l, "unknown section '[%s]' (known: [path \"GLOB\"])", in);
    char *g = trim(in + 4);
    size_t gl = strlen(g);
    if (gl >= 2 && g[0] == '"' && g[gl - 1] == '"') {
        g[gl - 1] = '\0';
        g++;
    } else if (g[0] == '"') {
        return fail(l, "the path of a section ends with '\"'");
    }
    if (!*g)
        return fail(l, "[path] needs a pattern such as \"zones/legacy/*\"");
    struct zl_config *c = l->c;
    c->sections = zl_xrealloc(c->sections, (c->nsections + 1) * sizeof *c->sections);
    struct zl_config_section *sec = &c->sections[c->nsections++];
    memset(sec, 0, sizeof *sec);
    sec->glob = zl_xstrdup(g);
    sec->line = l->line;
    return 0;
}

int zl_config_load(struct zl_config *c, const char *path, char *err, size_t errlen)
{
    FILE *f = open_config(path, err, errlen);
    if (!f)
        return -1;
    free(c->path);
    c->path = zl_xstrdup(path);
    const char *slash = strrchr(path, '/');
    free(c->dir);
    c->dir = slash ? zl_xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : zl_xstrdup(".");
    struct loader l = { c, path, 0, err, errlen };
    char line[4096];
    int rc = 0;
    struct zl_config_section *sec = NULL;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        l.line++;
        size_t len = strlen(line);
        if (len == sizeof line - 1 && line[len - 1] != '\n' && !feof(f)) {
            rc = fail(&l, "line longer than %zu bytes", sizeof line - 2);
            break;
        }
        cut_comment(line);
        char *s = trim(line);
        if (!*s)
            continue;
        if (*s == '[') {
            rc = section_header(&l, s);
            sec = rc == 0 ? &c->sections[c->nsections - 1] : NULL;
            continue;
        }
        char *eq = strchr(s, '=');
        if (!eq) {
            rc = fail(&l, "expected 'key = value', got '%.60s'", s);
            break;
        }
        *eq = '\0';
        char *key = trim(s), *val = trim(eq + 1);
        if (!*key) {
            rc = fail(&l, "a line starts with '=': the key is missing");
            break;
        }
        rc = sec ? section_key(&l, sec, key, val) : global_key(&l, key, val);
    }
    if (rc == 0 && ferror(f)) {
        snprintf(err, errlen, "%s: error: read error: %s", path, strerror(errno));
        rc = -1;
    }
    fclose(f);
    return rc;
}

void zl_config_each_section(const struct zl_config *c, const char *file,
                            void (*fn)(void *user, const struct zl_config_section *s), void *user)
{
    if (!c->nsections || !file)
        return;
    char *rel = zl_glob_rel(c->dir ? c->dir : ".", file);
    if (!rel)
        return;
    for (size_t i = 0; i < c->nsections; i++)
        if (zl_glob_match(c->sections[i].glob, rel))
            fn(user, &c->sections[i]);
    free(rel);
}
