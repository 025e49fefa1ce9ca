/* SPDX-License-Identifier: MIT */
/* Each file's settings (settings.h). */
#include "cli/settings.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/buf.h"
#include "cli/senders.h"
#include "cli/suggest.h"
#include "input/confine.h"
#include "xcheck/delegation.h"
#include "xcheck/ses_identity.h"

/* One configuration file, read once, with what it names. */
struct entry {
    char *key;                  /* resolved path */
    struct zl_config cfg;
    struct zl_senders *senders;
    struct zl_ses_expect ses;
    struct zl_delegation dl;
};

struct zl_settings_cache {
    struct cli *c;
    struct entry **v;
    size_t n;
    struct zl_senders *builtin; /* for files without a configuration */
    struct zl_ses_expect cli_ses;
    struct zl_delegation cli_dl;
    bool cli_loaded;
    const char *explicit_root;  /* --include-root or ZONELINT_INCLUDE_ROOT */
};

struct zl_settings_cache *zl_settings_cache_new(struct cli *c)
{
    struct zl_settings_cache *s = zl_xcalloc(1, sizeof *s);
    s->c = c;
    s->explicit_root = c->include_root ? c->include_root : zl_confine_env_root();
    return s;
}

static void entry_free(struct entry *e)
{
    free(e->key);
    zl_config_free(&e->cfg);
    zl_senders_free(e->senders);
    zl_ses_expect_free(&e->ses);
    zl_delegation_free(&e->dl);
    free(e);
}

void zl_settings_cache_free(struct zl_settings_cache *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        entry_free(s->v[i]);
    free(s->v);
    zl_senders_free(s->builtin);
    zl_ses_expect_free(&s->cli_ses);
    zl_delegation_free(&s->cli_dl);
    free(s);
}

/* ---- what a configuration names: inside its repository only -------------------- */

/* The roots a configuration's files may lie in: its repository, and an
 * explicit root the command line or the environment set. */
static int config_roots(const struct zl_settings_cache *s, const char *cfg_path, struct zl_root *repo,
                        struct zl_root *expl, bool *have_expl)
{
    *have_expl = s->explicit_root && zl_root_from_dir(s->explicit_root, ZL_ROOT_EXPLICIT, expl) == 0;
    return zl_root_default(cfg_path, repo);
}

/* An absolute path is shown by its last part: the log of a CI run shows no
 * path of the machine, even one a pull request wrote. */
static void outside(const char *where, unsigned line, const char *key, const char *val, const char *why)
{
    const char *slash = val[0] == '/' ? strrchr(val, '/') : NULL;
    fprintf(stderr,
            "%s:%u: error: %s %s%s' %s; a configuration file may only narrow what zonelint reads (name it on the "
            "command line, or widen the root with --include-root or ZONELINT_INCLUDE_ROOT)\n",
            where, line, key, slash ? "(an absolute path) '..." : "'", slash ? slash : val, why);
}

/* Reads a file named by the configuration, confined like an $INCLUDE. */
static int read_confined(const struct zl_settings_cache *s, const struct zl_config *cfg, unsigned line,
                         const char *key, const char *path, uint64_t max, struct zl_buf *out)
{
    struct zl_root repo, expl;
    bool have_expl;
    if (config_roots(s, cfg->path, &repo, &expl, &have_expl) != 0) {
        fprintf(stderr, "%s:%u: error: %s '%s': %s\n", cfg->path, line, key, path, strerror(errno));
        return -1;
    }
    char cwd[PATH_MAX], base[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd) || !realpath(cwd, base)) {
        fprintf(stderr, "%s:%u: error: %s: the working directory: %s\n", cfg->path, line, key, strerror(errno));
        return -1;
    }
    struct zl_opened o;
    enum zl_open_status st = zl_open_include(base, path, &repo, max, &o);
    if (st == ZL_OPEN_OUTSIDE && have_expl)
        st = zl_open_include(base, path, &expl, max, &o);
    if (st == ZL_OPEN_OUTSIDE || st == ZL_OPEN_LINK_OUT) {
        outside(cfg->path, line, key, path,
                repo.kind == ZL_ROOT_TREE ? "lies outside the git work tree holding this configuration"
                                          : "lies outside the directory holding this configuration");
        return -1;
    }
    if (st != ZL_OPEN_OK) {
        char why[300];
        fprintf(stderr, "%s:%u: error: %s '%s': %s\n", cfg->path, line, key, path,
                st == ZL_OPEN_ERRNO ? strerror(o.file.err) : zl_open_status_text(st, &o.file, max, why, sizeof why));
        return -1;
    }
    char buf[65536];
    uint64_t done = 0;
    long r;
    while ((r = zl_file_read(&o.file, done, buf, sizeof buf)) > 0) {
        zl_buf_put(out, buf, (size_t)r);
        done += (uint64_t)r;
    }
    int err = r < 0 ? errno : 0;
    zl_file_close(&o.file);
    if (err) {
        fprintf(stderr, "%s:%u: error: %s '%s': %s\n", cfg->path, line, key, path, strerror(err));
        return -1;
    }
    return 0;
}

/* senders = DIR: the directory and every pack in it inside the roots. */
static int senders_confined(const struct zl_settings_cache *s, const struct zl_config *cfg, const char *dir)
{
    struct zl_root repo, expl;
    bool have_expl;
    char real[PATH_MAX];
    if (config_roots(s, cfg->path, &repo, &expl, &have_expl) != 0 || !realpath(dir, real))
        return 0; /* the loader words what is missing */
    bool ok = zl_root_holds(&repo, real) || (have_expl && zl_root_holds(&expl, real));
    DIR *d = ok ? opendir(dir) : NULL;
    for (struct dirent *e; d && ok && (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        struct zl_buf p = { 0 };
        zl_buf_printf(&p, "%s/%s", real, e->d_name);
        char pr[PATH_MAX];
        if (realpath(zl_buf_cstr(&p), pr))
            ok = zl_root_holds(&repo, pr) || (have_expl && zl_root_holds(&expl, pr));
        zl_buf_free(&p);
    }
    if (d)
        closedir(d);
    if (!ok) {
        outside(cfg->path, cfg->senders_line, "senders", dir,
                repo.kind == ZL_ROOT_TREE ? "leads outside the git work tree holding this configuration"
                                          : "leads outside the directory holding this configuration");
        return -1;
    }
    return 0;
}

/* The packs, --ses-identity and --expect-ns inputs a configuration names. */
static int load_named(struct zl_settings_cache *s, struct entry *e)
{
    const struct zl_config *cfg = &e->cfg;
    for (size_t i = 0; i < cfg->senders.n; i++)
        if (senders_confined(s, cfg, cfg->senders.v[i]) != 0)
            return -1;
    e->senders = zl_senders_for_run(cfg->senders.v, cfg->senders.n, stderr);
    if (!e->senders)
        return -1;
    for (size_t i = 0; i < cfg->nsender_refs; i++) {
        char *one[1] = { cfg->sender_refs[i].name };
        const char *bad = zl_senders_unknown_name(e->senders, one, 1);
        if (bad) {
            fprintf(stderr, "%s:%u: error: no sender pack '%s' (see 'zonelint senders')\n", cfg->path,
                    cfg->sender_refs[i].line, bad);
            return -1;
        }
    }
    char err[1024];
    for (size_t i = 0; i < cfg->ses_identity.n; i++) {
        const char *v = cfg->ses_identity.v[i];
        const char *eq = strchr(v, '=');
        const char *file = eq ? eq + 1 : v;
        struct zl_name as;
        if (eq && !zl_ses_identity_name(v, (size_t)(eq - v), &as))
            eq = NULL;
        struct zl_buf b = { 0 };
        if (read_confined(s, cfg, cfg->ses_identity_line, "ses-identity", file, 16u << 20, &b) != 0) {
            zl_buf_free(&b);
            return -1;
        }
        int rc = zl_ses_expect_load_buffer_as(&e->ses, b.len ? (const char *)b.data : "", b.len, file,
                                              eq ? &as : NULL, err, sizeof err);
        zl_buf_free(&b);
        if (rc != 0) {
            fprintf(stderr, "%s:%u: error: ses-identity: %s\n", cfg->path, cfg->ses_identity_line, err);
            return -1;
        }
    }
    if (cfg->expect_ns) {
        const char *v = cfg->expect_ns;
        bool file = strchr(v, '/') || access(v, F_OK) == 0;
        int rc;
        if (file) {
            struct zl_buf b = { 0 };
            if (read_confined(s, cfg, cfg->expect_ns_line, "expect-ns", v, 4u << 20, &b) != 0) {
                zl_buf_free(&b);
                return -1;
            }
            rc = zl_delegation_parse_text(&e->dl, b.len ? (const char *)b.data : "", b.len, v, err, sizeof err);
            zl_buf_free(&b);
        } else {
            rc = zl_delegation_parse_list(&e->dl, v, err, sizeof err);
        }
        if (rc != 0) {
            fprintf(stderr, "%s:%u: error: expect-ns: %s\n", cfg->path, cfg->expect_ns_line, err);
            return -1;
        }
    }
    return 0;
}

static struct entry *load_config(struct zl_settings_cache *s, const char *path)
{
    char real[PATH_MAX];
    const char *key = realpath(path, real) ? real : path;
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i]->key, key))
            return s->v[i];
    struct entry *e = zl_xcalloc(1, sizeof *e);
    e->key = zl_xstrdup(key);
    char err[1400];
    if (zl_config_load(&e->cfg, path, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err);
        entry_free(e);
        return NULL;
    }
    if (load_named(s, e) != 0) {
        entry_free(e);
        return NULL;
    }
    s->v = zl_xrealloc(s->v, (s->n + 1) * sizeof *s->v);
    s->v[s->n++] = e;
    return e;
}

/* --ses-identity and --expect-ns: read once, shared by every file. */
static int load_cli_crosschecks(struct zl_settings_cache *s)
{
    if (s->cli_loaded)
        return 0;
    s->cli_loaded = true;
    const struct cli *c = s->c;
    char err[1024];
    for (size_t i = 0; i < c->nses_identity; i++) {
        const char *f = c->ses_identity[i];
        if (!*f)
            return zl_cli_usage_error("--ses-identity needs a file%s", "");
        for (size_t k = 0; !strcmp(f, "-") && k < c->nfiles; k++)
            if (!strcmp(c->files[k], "-"))
                return zl_cli_usage_error("--ses-identity - and a zone on stdin cannot both read stdin%s", "");
        /* NAME=FILE names the identity a v2 output describes; a file whose
         * own name has '=' is still just a file. */
        struct zl_name as;
        const char *eq = strchr(f, '=');
        bool named = eq && access(f, F_OK) != 0;
        if (named && !zl_ses_identity_name(f, (size_t)(eq - f), &as))
            return zl_cli_usage_error("--ses-identity NAME=FILE: '%s' is not a domain name", f);
        if (named && !eq[1])
            return zl_cli_usage_error("--ses-identity NAME=FILE needs a file after '='%s", "");
        if (zl_ses_expect_load_as(&s->cli_ses, named ? eq + 1 : f, named ? &as : NULL, err, sizeof err) != 0) {
            fprintf(stderr, "zonelint: --ses-identity: %s\n", err);
            return 2;
        }
    }
    if (c->expect_ns) {
        if (!*c->expect_ns)
            return zl_cli_usage_error("--expect-ns needs a list of name servers or a file%s", "");
        if (zl_delegation_load(&s->cli_dl, c->expect_ns, err, sizeof err) != 0) {
            fprintf(stderr, "zonelint: --expect-ns: %s\n", err);
            return 2;
        }
    }
    return 0;
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return zl_xstrdup(".");
    if (slash == path)
        return zl_xstrdup("/");
    return zl_xstrndup(path, (size_t)(slash - path));
}

/* The configuration a file uses: --config, else the nearest .zonelint
 * from its directory up to the top of its work tree. */
static int find_config(struct zl_settings_cache *s, const char *file, struct entry **out)
{
    *out = NULL;
    const struct cli *c = s->c;
    if (c->config_path) {
        *out = load_config(s, c->config_path);
        return *out ? 0 : 2;
    }
    const char *placed = strcmp(file, "-") ? file : c->stdin_filename ? c->stdin_filename : "./-";
    char *d = dir_of(placed);
    struct zl_root root;
    const char *stop = zl_root_default(strcmp(file, "-") ? file : "-", &root) == 0 && root.kind == ZL_ROOT_TREE
                           ? root.phys
                           : NULL;
    char *found = zl_config_find(d, stop);
    free(d);
    if (!found)
        return 0;
    *out = load_config(s, found);
    free(found);
    return *out ? 0 : 2;
}

int zl_settings_run_config(struct zl_settings_cache *s, const struct zl_config **out)
{
    struct entry *e;
    *out = NULL;
    int rc = find_config(s, "./.", &e);
    if (rc == 0 && e)
        *out = &e->cfg;
    return rc;
}

static void apply_section(void *user, const struct zl_config_section *sec)
{
    struct zl_settings *st = user;
    if (sec->has_select) {
        zl_strlist_free(&st->select);
        for (size_t i = 0; i < sec->select.n; i++)
            zl_strlist_add(&st->select, sec->select.v[i]);
    }
    for (size_t i = 0; i < sec->ignore.n; i++)
        zl_strlist_add(&st->ignore, sec->ignore.v[i]);
    for (size_t i = 0; i < sec->disable.n; i++)
        zl_strlist_add(&st->disable, sec->disable.v[i]);
    struct zl_buf w = { 0 };
    zl_buf_printf(&w, "%s:%u", st->cfg->path, sec->line);
    if (sec->origin) {
        free(st->origin);
        free(st->origin_from);
        st->origin = zl_xstrdup(sec->origin);
        st->origin_from = zl_xstrdup(zl_buf_cstr(&w));
    }
    if (sec->dialect) {
        zl_dialect_from_name(sec->dialect, &st->dialect);
        free(st->dialect_from);
        st->dialect_from = zl_xstrdup(zl_buf_cstr(&w));
    }
    if (sec->input_format) {
        zl_input_format_from_name(sec->input_format, &st->input_format);
        free(st->input_format_from);
        st->input_format_from = zl_xstrdup(zl_buf_cstr(&w));
    }
    if (sec->has_fail_level)
        st->fail_level = sec->fail_level;
    zl_buf_free(&w);
}

/* A .zonelint's include-root must lie inside the default root of the file
 * it applies to, else the run stops (exit 2). */
static int check_narrow_root(const struct zl_config *cfg, const char *file)
{
    struct zl_root narrow, dflt;
    if (zl_root_from_dir(cfg->include_root_narrow, ZL_ROOT_CONFIG, &narrow) != 0) {
        fprintf(stderr, "%s: error: include-root '%s': %s\n", cfg->include_root_where, cfg->include_root_narrow,
                strerror(errno));
        return 2;
    }
    if (zl_root_default(file, &dflt) != 0)
        return 0; /* the file cannot be read: that error comes later */
    if (!zl_root_holds(&dflt, narrow.phys)) {
        char where[400];
        const char *shown = strcmp(file, "-") ? file : "the working directory";
        fprintf(stderr, "%s: error: include-root '%s' lies outside %s; a configuration file may only narrow "
                        "where $INCLUDE may read (widen it with --include-root or ZONELINT_INCLUDE_ROOT)\n",
                cfg->include_root_where, cfg->include_root_narrow, zl_root_describe(&dflt, shown, where, sizeof where));
        return 2;
    }
    return 0;
}

int zl_settings_for(struct zl_settings_cache *s, const char *file, struct zl_settings *st)
{
    memset(st, 0, sizeof *st);
    const struct cli *c = s->c;
    st->fail_level = ZL_SEV_WARNING;
    st->input_format = ZL_INPUT_AUTO;
    st->dialect = ZL_DIALECT_AUTO;
    int rc = load_cli_crosschecks(s);
    if (rc)
        return rc;
    struct entry *e;
    if ((rc = find_config(s, file, &e)) != 0)
        return rc;
    if (e) {
        const struct zl_config *cfg = &e->cfg;
        st->cfg = cfg;
        for (size_t i = 0; i < cfg->select.n; i++)
            zl_strlist_add(&st->select, cfg->select.v[i]);
        for (size_t i = 0; i < cfg->ignore.n; i++)
            zl_strlist_add(&st->ignore, cfg->ignore.v[i]);
        for (size_t i = 0; i < cfg->disable.n; i++)
            zl_strlist_add(&st->disable, cfg->disable.v[i]);
        if (cfg->has_fail_level)
            st->fail_level = cfg->fail_level;
        st->exit_zero = cfg->exit_zero;
        st->no_include = cfg->no_include;
        if (cfg->origin) {
            st->origin = zl_xstrdup(cfg->origin);
            st->origin_from = zl_xstrdup(cfg->origin_from);
        }
        if (cfg->dialect) {
            zl_dialect_from_name(cfg->dialect, &st->dialect);
            st->dialect_from = zl_xstrdup(cfg->path);
        }
        if (cfg->input_format) {
            zl_input_format_from_name(cfg->input_format, &st->input_format);
            st->input_format_from = zl_xstrdup(cfg->path);
        }
        zl_config_each_section(cfg, strcmp(file, "-") ? file : c->stdin_filename, apply_section, st);
        st->include_root_narrow = cfg->include_root_narrow;
        st->senders = e->senders;
        st->ses = e->ses.n ? &e->ses : NULL;
        st->expect_ns = e->dl.n ? &e->dl : NULL;
    }
    if (!st->senders) {
        if (!s->builtin && !(s->builtin = zl_senders_for_run(NULL, 0, stderr)))
            return 2;
        st->senders = s->builtin;
    }
    /* the command line on top */
    if (c->select.n) {
        zl_strlist_free(&st->select);
        for (size_t i = 0; i < c->select.n; i++)
            zl_strlist_add(&st->select, c->select.v[i]);
    }
    for (size_t i = 0; i < c->ignore.n; i++)
        zl_strlist_add(&st->ignore, c->ignore.v[i]);
    if (c->fail_level && zl_severity_from_name(c->fail_level, &st->fail_level) != 0)
        return zl_cli_usage_error("--fail-level must be error, warning or info, not '%s'", c->fail_level);
    if (c->exit_zero)
        st->exit_zero = true;
    if (c->no_include)
        st->no_include = true;
    if (c->origin) {
        free(st->origin);
        free(st->origin_from);
        st->origin = zl_xstrdup(c->origin);
        st->origin_from = zl_xstrdup("--origin");
    }
    if (c->input_format) {
        if (zl_input_format_from_name(c->input_format, &st->input_format) != 0) {
            char names[256], msg[512];
            snprintf(msg, sizeof msg, "--input-format must be %s, not '%s'",
                     zl_input_format_names(names, sizeof names), c->input_format);
            return zl_cli_usage_error("%s", msg);
        }
        free(st->input_format_from);
        st->input_format_from = zl_xstrdup("--input-format");
    }
    if (c->dialect) {
        if (zl_dialect_from_name(c->dialect, &st->dialect) != 0)
            return zl_cli_usage_error("--dialect must be one of %s", zl_dialect_names());
        free(st->dialect_from);
        st->dialect_from = zl_xstrdup("--dialect");
    }
    if (s->cli_ses.n)
        st->ses = &s->cli_ses;
    if (s->cli_dl.n)
        st->expect_ns = &s->cli_dl;
    /* where $INCLUDE may read: the command line and the environment widen */
    if (s->explicit_root) {
        struct zl_root r;
        if (zl_root_from_dir(s->explicit_root, ZL_ROOT_EXPLICIT, &r) != 0)
            return zl_cli_usage_error(c->include_root ? "--include-root '%s' is not a directory that can be read"
                                                      : "ZONELINT_INCLUDE_ROOT '%s' is not a directory that can be read",
                                      s->explicit_root);
        st->include_root = s->explicit_root;
        st->include_root_narrow = NULL;
    } else if (st->include_root_narrow && (rc = check_narrow_root(st->cfg, file)) != 0) {
        return rc;
    }
    /* rule names and sender packs of the command line */
    const char *bad;
    struct zl_selection sel = { st->select.v, st->select.n, st->ignore.v, st->ignore.n };
    if (!zl_selection_valid(&sel, &bad)) {
        char hint[160];
        const char *fileish = strchr(bad, '.') || strchr(bad, '/') ? "; it looks like a file name: "
                                                                     "write --select=LIST or --ignore=LIST"
                                                                   : "";
        char msg[700];
        snprintf(msg, sizeof msg, "no rule matches '%s'%s%s (see 'zonelint rules')", bad,
                 zl_suggest_text(zl_suggest_rule(bad), hint, sizeof hint), fileish);
        return zl_cli_usage_error("%s", msg);
    }
    if ((bad = zl_senders_unknown_name(st->senders, st->select.v, st->select.n)) ||
        (bad = zl_senders_unknown_name(st->senders, st->ignore.v, st->ignore.n)))
        return zl_cli_usage_error("no sender pack '%s' (see 'zonelint senders')", bad);
    if (st->origin) {
        struct zl_name n;
        if (!zl_origin_parse(st->origin, &n))
            return zl_cli_usage_error("--origin '%s' is not a valid domain name", st->origin);
    }
    return 0;
}

void zl_settings_free(struct zl_settings *st)
{
    zl_strlist_free(&st->select);
    zl_strlist_free(&st->ignore);
    zl_strlist_free(&st->disable);
    free(st->origin);
    free(st->origin_from);
    free(st->input_format_from);
    free(st->dialect_from);
    memset(st, 0, sizeof *st);
}

void zl_settings_lint_opts(const struct zl_settings *st, struct cli *c, struct zl_name *origin,
                           struct zl_lint_opts *lo)
{
    memset(lo, 0, sizeof *lo);
    lo->input_format = (int)st->input_format;
    lo->dialect = st->dialect;
    lo->origin = st->origin && zl_origin_parse(st->origin, origin) ? origin : NULL;
    lo->sel.select = st->select.v;
    lo->sel.nselect = st->select.n;
    lo->sel.ignore = st->ignore.v;
    lo->sel.nignore = st->ignore.n;
    lo->include_root = st->include_root;
    lo->include_root_narrow = st->include_root_narrow;
    lo->no_include = st->no_include;
    lo->octodns_config = c->octodns_config;
    lo->max_input_size = c->max_input_size;
    lo->budget = &c->budget;
    lo->disable = st->disable.n ? (const char *const *)st->disable.v : NULL;
    lo->senders = st->senders;
    lo->ses_expect = st->ses;
    lo->expect_ns = st->expect_ns;
}
