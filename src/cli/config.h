/* Settings: defaults, then the .zonelint file (found by walking up from the
 * first input, or --config), then the command line. key = value lines. */
#ifndef ZL_CONFIG_H
#define ZL_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "report/report.h"

struct zl_strlist {
    char **v;
    size_t n;
};

struct zl_config {
    char *path;                 /* config file used, or NULL */
    struct zl_strlist select, ignore, disable;
    enum zl_severity fail_level;
    bool exit_zero;
    char *origin;               /* --origin / origin = */
    char *origin_from;          /* "command line" or the config path */
    char *format;               /* text|gcc|json|sarif|github|auto */
    char *color;                /* auto|always|never */
    char *include_root;         /* explicit root: --include-root or ZONELINT_INCLUDE_ROOT (widens) */
    char *include_root_narrow;  /* include-root of the config file, relative to its directory
                                   resolved: may only narrow the default root. A config file
                                   comes with the pull request: any future setting that names
                                   a file to read must be held inside the default root the
                                   same way (settle_include_root in main.c) */
    char *include_root_where;   /* "path:line" of that setting, for messages */
    bool no_include;
    char *stdin_filename;
    struct zl_strlist senders;  /* senders = DIR: sender-pack directories, relative to the config file */
};

void zl_strlist_add_csv(struct zl_strlist *l, const char *csv);
void zl_strlist_free(struct zl_strlist *l);
void zl_config_free(struct zl_config *c);

/* A config file is small: anything larger is refused. */
#define ZL_CONFIG_MAX (1u << 20)

/* Finds .zonelint in dir or its parents; returns a malloc'd path or NULL. */
char *zl_config_find(const char *start_dir);
/* Reads a config file into c (command-line values set later override).
 * It is opened as a file named on the command line is (confine.h: a link
 * in a work tree that leads out of it is refused). include-root goes to
 * include_root_narrow, made relative to the config file's directory.
 * Returns 0, or -1 with a message in err (file:line: what is wrong). */
int zl_config_load(struct zl_config *c, const char *path, char *err, size_t errlen);
int zl_severity_from_name(const char *s, enum zl_severity *out);

#endif
