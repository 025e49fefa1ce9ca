/* SPDX-License-Identifier: MIT */
/* The configuration file, .zonelint: `key = value` lines, `#` or `;`
 * comments (alone on a line, or after a blank anywhere on one), and
 * per-path sections that narrow settings to some files:
 *
 *   select = ZL2, ZL3, ses-          # the whole repository
 *   [path "zones/legacy/..."]        # files below the config's directory
 *   ignore = rrset-ttl-mismatch
 *   fail-level = error
 *
 * Each file uses the nearest .zonelint found walking up from that file (to
 * the top of its git work tree), or --config for every file; the command
 * line goes on top (settings.c). Every value is checked when the file is
 * read; an error names the file and line ("path:LINE: error: ...", exit 2).
 * Paths in the file are relative to its directory, and a file named in a
 * committed configuration may only narrow what zonelint reads: it must lie
 * in the repository the configuration belongs to (settings.c checks). */
#ifndef ZL_CONFIG_H
#define ZL_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "report/report.h"

struct zl_strlist {
    char **v;                   /* NULL-terminated when n > 0 */
    size_t n;
};

/* What a [path "GLOB"] section sets; has_* say which keys it has. */
struct zl_config_section {
    char *glob;                 /* relative to the config file's directory */
    unsigned line;
    struct zl_strlist select, ignore, disable;
    bool has_select;
    char *origin;
    char *dialect;
    char *input_format;
    bool has_fail_level;
    enum zl_severity fail_level;
};

/* A `sender:NAME` in select/ignore/disable, checked once the packs are known. */
struct zl_config_sender_ref {
    char *name;                 /* "sender:mailgun" */
    unsigned line;
};

struct zl_config {
    char *path;                 /* config file used, or NULL */
    char *dir;                  /* its directory as written ("." for ".zonelint") */
    struct zl_strlist select, ignore, disable;
    bool has_select;            /* the file sets select (the command line's replaces it) */
    enum zl_severity fail_level;
    bool has_fail_level;
    bool exit_zero;
    char *origin;               /* --origin / origin = */
    char *origin_from;          /* "--origin" or "path:line" */
    char *format;               /* text|gcc|json|sarif|github|auto */
    char *color;                /* auto|always|never */
    char *dialect;              /* a dialect name (checked) */
    char *input_format;         /* a reader name (checked) */
    char *include_root;         /* explicit root: --include-root or ZONELINT_INCLUDE_ROOT (widens) */
    char *include_root_narrow;  /* include-root of the config file, relative to its directory
                                   resolved: may only narrow the default root. A config file
                                   comes with the pull request: every setting that names a
                                   file to read is held inside the default root the same way
                                   (settings.c) */
    char *include_root_where;   /* "path:line" of that setting, for messages */
    bool no_include;
    char *stdin_filename;
    struct zl_strlist senders;  /* senders = DIR: sender-pack directories, relative to the config file */
    unsigned senders_line;
    struct zl_strlist ses_identity; /* ses-identity = [NAME=]FILE, FILE relative to the config file */
    unsigned ses_identity_line;
    char *expect_ns;            /* expect-ns = LIST|FILE (a FILE relative to the config file) */
    unsigned expect_ns_line;
    struct zl_config_section *sections;
    size_t nsections;
    struct zl_config_sender_ref *sender_refs;
    size_t nsender_refs;
};

void zl_strlist_add(struct zl_strlist *l, const char *s);
void zl_strlist_add_csv(struct zl_strlist *l, const char *csv);
void zl_strlist_free(struct zl_strlist *l);
void zl_config_free(struct zl_config *c);

/* A config file is small: anything larger is refused. */
#define ZL_CONFIG_MAX (1u << 20)

/* The keys the file accepts, for the "known:" list and the man page test. */
#define ZL_CONFIG_KEYS                                                                                  \
    "select, ignore, disable, fail-level, exit-zero, origin, format, color, dialect, input-format, "   \
    "include-root, no-include, senders, ses-identity, expect-ns"

/* Finds .zonelint in dir or its parents, not above stop (a resolved
 * directory: the top of the git work tree; NULL: up to /). Returns a
 * malloc'd path (relative when dir is) or NULL. */
char *zl_config_find(const char *start_dir, const char *stop);

/* Reads a config file into c (zeroed by the caller). It is opened as a file
 * named on the command line is (confine.h: a link in a work tree that leads
 * out of it is refused). Returns 0, or -1 with the message in err:
 * "path:LINE: error: what is wrong" (or "path: error: ..." when it cannot
 * be read). */
int zl_config_load(struct zl_config *c, const char *path, char *err, size_t errlen);

/* The sections of c that apply to file (as written; matched relative to
 * the config's directory), in file order: calls fn for each. */
void zl_config_each_section(const struct zl_config *c, const char *file,
                            void (*fn)(void *user, const struct zl_config_section *s), void *user);

int zl_severity_from_name(const char *s, enum zl_severity *out);

/* origin = NAME / --origin NAME: an absolute name (a missing final dot is
 * added). False when it is not a domain name. */
struct zl_name;
bool zl_origin_parse(const char *text, struct zl_name *out);

#endif
