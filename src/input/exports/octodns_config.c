/* SPDX-License-Identifier: MIT */
/* octoDNS configuration files, read as octoDNS 1.x reads them
 * (octodns/manager.py): `zones:` maps zone names with their trailing dot to
 * a config; keys starting with '*' are dynamic and apply, in file order, to
 * the zones their sources list that no key names, narrowed by an optional
 * `glob:` (fnmatch) or `regex:` (searched, not anchored). A YamlProvider
 * (`class: octodns.provider.yaml.YamlProvider`, also SplitYamlProvider)
 * lists the `<zone>.yaml` files of its `directory`. */
#include "input/confine.h"
#include "input/exports/octodns_config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <dirent.h>
#include <fnmatch.h>
#include <limits.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/fileio.h"
#include "base/source.h"
#include "input/exports/ydoc.h"

/* Config files are small; a bigger one is not a config. */
#define CONFIG_MAX (4u << 20)

static bool has_key(const char *data, size_t len, const char *key)
{
    size_t kl = strlen(key);
    for (size_t i = 0; i + kl < len; i++)
        if ((i == 0 || data[i - 1] == '\n') && !memcmp(data + i, key, kl) && data[i + kl] == ':')
            return true;
    return false;
}

bool zl_octodns_is_config(const char *data, size_t len)
{
    /* Both top-level keys at the start of a line: cheap, and a zone file
     * with records named "providers" and "zones" is not plausible. */
    return has_key(data, len, "providers") && has_key(data, len, "zones");
}

static bool yaml_name(const char *name)
{
    size_t n = strlen(name);
    return (n > 5 && !strcmp(name + n - 5, ".yaml")) || (n > 4 && !strcmp(name + n - 4, ".yml"));
}

/* Through confine.c, as every file named in the repository: a link that
 * leads out of the work tree, a FIFO or a device is not read. */
static int read_small(const char *path, struct zl_buf *out)
{
    char err[PATH_MAX + 200];
    return zl_read_argument_file(path, CONFIG_MAX, out, NULL, err, sizeof err);
}

/* a "/" b into out; false when it does not fit. */
static bool join_path(char *out, size_t cap, const char *a, const char *b)
{
    size_t al = strlen(a), bl = strlen(b);
    if (al + 1 + bl + 1 > cap)
        return false;
    memcpy(out, a, al);
    out[al] = '/';
    memcpy(out + al + 1, b, bl + 1);
    return true;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_true(const yaml_node_t *n)
{
    return zl_y_eq(n, "true") || zl_y_eq(n, "True") || zl_y_eq(n, "yes") || zl_y_eq(n, "on");
}

static void copy_key(char *out, size_t cap, const char *s, size_t n)
{
    if (n >= cap)
        n = cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

/* The zones: entry for zone name z ("example.com."). */
static yaml_node_t *zone_entry(struct zl_ydocs *y, yaml_node_t *zones, const char *z, char *key, size_t keycap)
{
    if (!zones || zones->type != YAML_MAPPING_NODE)
        return NULL;
    yaml_node_t *explicit = zl_y_get(y, 0, zones, z);
    if (explicit) {
        copy_key(key, keycap, z, strlen(z));
        return explicit;
    }
    for (yaml_node_pair_t *p = zones->data.mapping.pairs.start; p < zones->data.mapping.pairs.top; p++) {
        yaml_node_t *k = zl_y_node(y, 0, p->key), *v = zl_y_node(y, 0, p->value);
        size_t kl;
        const char *ks = zl_y_is_scalar(k) ? zl_y_str(k, &kl) : NULL;
        if (!ks || kl == 0 || ks[0] != '*')
            continue;
        yaml_node_t *glob = zl_y_get(y, 0, v, "glob"), *regex = zl_y_get(y, 0, v, "regex");
        bool ok = true;
        if (zl_y_is_scalar(glob)) {
            size_t gl;
            ok = fnmatch(zl_y_str(glob, &gl), z, 0) == 0;
        } else if (zl_y_is_scalar(regex)) {
            size_t rl;
            const char *rs = zl_y_str(regex, &rl);
            int ec;
            PCRE2_SIZE eo;
            pcre2_code *re = pcre2_compile((PCRE2_SPTR)rs, rl, 0, &ec, &eo, NULL);
            ok = false;
            if (re) {
                pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
                ok = md && pcre2_match(re, (PCRE2_SPTR)z, strlen(z), 0, 0, md, NULL) >= 0;
                pcre2_match_data_free(md);
                pcre2_code_free(re);
            }
        }
        if (ok) {
            copy_key(key, keycap, ks, kl);
            return v;
        }
    }
    return NULL;
}

/* A YamlProvider of the config whose directory is zone_dir (resolved). */
static bool reads_dir(struct zl_ydocs *y, yaml_node_t *providers, const char *config_dir, const char *zone_dir)
{
    char want[PATH_MAX];
    if (!providers || providers->type != YAML_MAPPING_NODE || !realpath(zone_dir, want))
        return false;
    for (yaml_node_pair_t *p = providers->data.mapping.pairs.start; p < providers->data.mapping.pairs.top; p++) {
        yaml_node_t *v = zl_y_node(y, 0, p->value);
        yaml_node_t *cls = zl_y_get(y, 0, v, "class"), *dir = zl_y_get(y, 0, v, "directory");
        size_t cl, dl;
        if (!zl_y_is_scalar(cls) || !zl_y_is_scalar(dir))
            continue;
        const char *cs = zl_y_str(cls, &cl);
        if (!strstr(cs, "YamlProvider"))
            continue;
        const char *ds = zl_y_str(dir, &dl);
        /* octoDNS resolves it from where octodns-sync runs: the config's
         * directory or the repository top above it are the usual two. */
        char cand[PATH_MAX], got[PATH_MAX], up[PATH_MAX];
        if (ds[0] == '/') {
            if (realpath(ds, got) && !strcmp(got, want))
                return true;
            continue;
        }
        if (join_path(cand, sizeof cand, config_dir, ds) && realpath(cand, got) && !strcmp(got, want))
            return true;
        if (join_path(up, sizeof up, config_dir, "..") && join_path(cand, sizeof cand, up, ds) &&
            realpath(cand, got) && !strcmp(got, want))
            return true;
    }
    return false;
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

int zl_octodns_config_zone(const char *path, const struct zl_name *zone, const char *zone_dir,
                           struct zl_octodns_zone *out, bool *match, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (match)
        *match = false;
    struct zl_buf b = { 0 };
    if (read_small(path, &b) != 0) {
        snprintf(err, errlen, "%s: cannot read the octoDNS config", path);
        zl_buf_free(&b);
        return -1;
    }
    struct zl_source src = { 0 };
    src.path = (char *)path;
    struct zl_ydocs y;
    memset(&y, 0, sizeof y);
    struct zl_yerror ye;
    int rc = 0;
    if (zl_ydocs_load(&y, b.data ? (const char *)b.data : "", b.len, &src, &ye) != 0 || y.ndocs == 0) {
        snprintf(err, errlen, "%s:%u:%u: the octoDNS config is not valid YAML: %s", path, ye.span.line,
                 ye.span.col, y.ndocs ? ye.msg : "empty");
        rc = -1;
        goto out;
    }
    yaml_node_t *root = zl_y_root(&y, 0);
    yaml_node_t *zones = zl_y_get(&y, 0, root, "zones"), *providers = zl_y_get(&y, 0, root, "providers");
    if (!zones || !providers) {
        snprintf(err, errlen, "%s: not an octoDNS config (it needs top-level providers: and zones:)", path);
        rc = -1;
        goto out;
    }
    char z[ZL_NAME_TEXT_MAX];
    zl_name_to_text(zone, z);
    yaml_node_t *entry = zone_entry(&y, zones, z, out->entry, sizeof out->entry);
    if (entry) {
        out->configured = true;
        out->lenient = is_true(zl_y_get(&y, 0, entry, "lenient"));
    }
    if (match && zone_dir) {
        char *cd = dir_of(path);
        *match = reads_dir(&y, providers, cd, zone_dir);
        free(cd);
    }
out:
    zl_ydocs_free(&y);
    zl_buf_free(&b);
    return rc;
}

/* octoDNS takes a *.yaml file with two or more dots for a zone file
 * (YamlProvider.list_zones); anything else may be its config. */
static bool config_name(const char *name)
{
    if (name[0] == '.' || !yaml_name(name))
        return false;
    unsigned dots = 0;
    for (const char *p = name; *p; p++)
        dots += *p == '.';
    return dots < 2;
}

#define MAX_CANDIDATES 64

struct search {
    const char *zone_dir;
    char *nearest;           /* the first config seen, nearest the zone */
    char *found;             /* the first whose YamlProvider reads zone_dir */
    unsigned looked;
};

static void try_file(struct search *s, const char *path)
{
    if (s->found || s->looked >= MAX_CANDIDATES)
        return;
    s->looked++;
    struct zl_buf b = { 0 };
    bool cfg = read_small(path, &b) == 0 && zl_octodns_is_config((const char *)b.data, b.len);
    zl_buf_free(&b);
    if (!cfg)
        return;
    static const struct zl_name root = { .len = 1 };
    struct zl_octodns_zone oz;
    bool match = false;
    char err[256];
    if (zl_octodns_config_zone(path, &root, s->zone_dir, &oz, &match, err, sizeof err) == 0 && match)
        s->found = zl_xstrdup(path);
    else if (!s->nearest)
        s->nearest = zl_xstrdup(path);
}

/* Configs in dir, then in its subdirectories (config/production.yaml next
 * to zones/), in name order. */
static void search_dir(struct search *s, const char *dir, bool subdirs)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) && n < 4096;) {
        if (e->d_name[0] == '.')
            continue;
        names = zl_xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = zl_xstrdup(e->d_name);
    }
    closedir(d);
    if (n) /* an empty directory leaves names NULL, which qsort may not take */
        qsort(names, n, sizeof *names, cmp_names);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n && !s->found; i++) {
            char path[PATH_MAX];
            if (!join_path(path, sizeof path, dir, names[i]))
                continue;
            if (pass == 0 && config_name(names[i]))
                try_file(s, path);
            else if (pass == 1 && subdirs && !yaml_name(names[i]))
                search_dir(s, path, false);
        }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* The top of the git work tree that holds dir (confine.c decides, as for
 * $INCLUDE). */
static bool repo_top(const char *dir, char *out)
{
    char probe[PATH_MAX];
    struct zl_root r;
    if (!join_path(probe, sizeof probe, dir, ".") || zl_root_default(probe, &r) != 0 || r.kind != ZL_ROOT_TREE)
        return false;
    snprintf(out, PATH_MAX, "%s", r.phys);
    return true;
}

char *zl_octodns_config_find(const char *zone_file, const char *root)
{
    char *zone_dir = dir_of(zone_file);
    char dir[PATH_MAX], top[PATH_MAX], rroot[PATH_MAX];
    if (!realpath(zone_dir, dir)) {
        free(zone_dir);
        return NULL;
    }
    /* Up to the top of the repository, and never above the confinement root. */
    bool have_top = repo_top(dir, top);
    if (root && realpath(root, rroot) && (!have_top || strlen(rroot) > strlen(top))) {
        strcpy(top, rroot);
        have_top = true;
    }
    struct search s = { zone_dir, NULL, NULL, 0 };
    for (unsigned depth = 0; depth < 64 && !s.found; depth++) {
        search_dir(&s, dir, true);
        if (s.found || !have_top || !strcmp(dir, top) || strlen(dir) <= strlen(top))
            break;
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir)
            break;
        *slash = '\0';
    }
    free(zone_dir);
    if (s.found) {
        free(s.nearest);
        return s.found;
    }
    return s.nearest;
}
