/* SPDX-License-Identifier: MIT */
/* Each file's settings: defaults, then the nearest .zonelint above that file
 * (or --config for all), then its [path] sections that match the file, then
 * the command line. So a file gets the same findings whatever else is on
 * the command line and in which order.
 *
 * Configurations are read once each (a cache by path), with what they name:
 * sender packs, --ses-identity and --expect-ns inputs. What a committed
 * configuration names is read only from inside the repository it belongs
 * to (the git work tree holding it, else its directory; --include-root or
 * ZONELINT_INCLUDE_ROOT widen that): a configuration may narrow what
 * zonelint reads, never widen it. */
#ifndef ZL_SETTINGS_H
#define ZL_SETTINGS_H

#include <stdbool.h>

#include "cli/cli.h"
#include "cli/config.h"
#include "input/dialect.h"
#include "input/readers.h"
#include "lint/lint.h"

struct zl_settings {
    const struct zl_config *cfg;      /* the file's configuration, or NULL */
    struct zl_strlist select, ignore, disable; /* owned */
    enum zl_severity fail_level;
    bool exit_zero, no_include;
    char *origin;                     /* owned; NULL: $ORIGIN, else the file name */
    char *origin_from;                /* owned: "--origin", "path:line" */
    enum zl_input_format input_format;
    char *input_format_from;          /* owned, NULL: detected */
    enum zl_dialect dialect;
    char *dialect_from;               /* owned, NULL: detected */
    const char *include_root;         /* explicit, widening root (command line, environment) */
    const char *include_root_narrow;  /* the configuration's, narrowing only */
    struct zl_senders *senders;       /* the configuration's packs (shared) */
    const struct zl_ses_expect *ses;  /* NULL: none */
    const struct zl_delegation *expect_ns; /* NULL: none */
};

struct zl_settings_cache;

struct zl_settings_cache *zl_settings_cache_new(struct cli *c);
void zl_settings_cache_free(struct zl_settings_cache *s);

/* The settings for one file as written ("-": stdin, placed by
 * --stdin-filename). Returns 0, or 2 after printing why to stderr (a
 * configuration error, a cross-check input that cannot be read). */
int zl_settings_for(struct zl_settings_cache *s, const char *file, struct zl_settings *out);
void zl_settings_free(struct zl_settings *st);

/* Run-wide settings (format, color): --config, else the configuration
 * found from the working directory; NULL when there is none. Returns 2
 * after printing an error, else 0. */
int zl_settings_run_config(struct zl_settings_cache *s, const struct zl_config **out);

/* The lint options for a file with these settings (pointers into st and
 * the cache: valid while both live). origin receives the parsed origin. */
void zl_settings_lint_opts(const struct zl_settings *st, struct cli *c, struct zl_name *origin,
                           struct zl_lint_opts *lo);

#endif
