/* SPDX-License-Identifier: MIT */
/* Master-file parser: the public entry points. Records are handed to the
 * caller as soon as each is complete (streaming); syntax errors go to the
 * diagnostic sink as ZL1001 syntax findings and parsing carries on. */
#ifndef ZL_PARSER_H
#define ZL_PARSER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input/dialect.h"
#include "base/diag.h"
#include "base/names.h"
#include "rdata/record.h"
#include "base/source.h"
#include "input/confine.h"

struct zl_comment {
    const char *text;          /* without the ';' */
    size_t len;
    struct zl_span span;
    bool own_line;             /* nothing but the comment on its line */
};

/* Text that stands in for a file's content: what --fix and --diff have made
 * of it so far. The file is still opened and confined as usual; only its
 * bytes come from here (and its lines are shown from them). text() returns
 * NULL for a file that is not changed. */
struct zl_overlay {
    const char *(*text)(void *user, const char *realpath, size_t *len);
    void *user;
};

/* The overlay's text for a resolved path, or NULL (also when o is NULL). */
const char *zl_overlay_text(const struct zl_overlay *o, const char *realpath, size_t *len);

struct zl_parse_opts {
    const struct zl_name *origin;   /* initial origin, or NULL */
    const struct zl_name *zone;     /* the zone's name when known for certain (--origin):
                                       an SOA must sit at its top */
    bool drop_outside_zone;         /* with zone: records outside it are reported and not
                                       handed on, as a name server ignores them (print) */
    const char *include_root;       /* $INCLUDE confinement widened to this directory (--include-root,
                                       ZONELINT_INCLUDE_ROOT); NULL: the default root (confine.h) */
    const char *include_root_narrow; /* narrower root from a .zonelint: used only when it lies
                                       inside the default root (the CLI refuses it otherwise) */
    bool no_include;                /* refuse every $INCLUDE */
    const char *octodns_config;     /* --octodns-config FILE; NULL: found above an octoDNS zone file */
    uint64_t max_input_size;        /* bytes per file read; 0: ZL_MAX_INPUT_DEFAULT */
    struct zl_include_budget *budget; /* run-wide $INCLUDE budget; NULL: a default one per call */
    unsigned max_include_depth;     /* 0: default (16) */
    unsigned max_errors;            /* per file; 0: default (100) */
    unsigned long max_generate;     /* $GENERATE iterations per directive; 0: default (65536) */
    enum zl_dialect dialect;        /* ZL_DIALECT_AUTO (0) detects it */
    bool origin_is_guess;           /* origin came from the file name: a provider header's
                                       zone or a first SOA's absolute owner replaces it */

    void (*on_record)(void *user, const struct zl_record *rec);
    void (*on_comment)(void *user, const struct zl_comment *c); /* may be NULL */
    /* A reader of many zones (ZL_READS_MANY_ZONES: a Terraform module)
     * calls this before the records of each zone, zone by zone: index of
     * nzones, origin NULL when the zone's name is not known. Records of
     * one zone are checked together, never against another zone's. May
     * be NULL. */
    void (*on_zone)(void *user, const struct zl_name *origin, unsigned index, unsigned nzones);
    void *user;
    struct zl_diag_sink sink;
    struct zl_source **sources;     /* every file read is pushed here (caller frees) */
    const struct zl_overlay *overlay; /* NULL: every file is read from disk */
};

struct zl_parse_result {
    unsigned long records;
    unsigned errors;            /* syntax errors reported (including those not shown) */
    bool io_error;              /* could not read the top file: exit 2 */
    bool saw_include;           /* the file uses $INCLUDE */
    bool include_failed;        /* an $INCLUDE was not read (refused, missing, over budget):
                                   the zone is incomplete, so absence is not a finding */
    bool saw_origin;            /* a $ORIGIN directive was seen */
    enum zl_dialect dialect;    /* what the file was read as (never AUTO) */
    bool dialect_forced;        /* from opts.dialect, not detected */
    struct zl_name header_zone; /* zone named by a provider header (";; Domain:", "Zone name:") */
    bool have_header_zone;
    unsigned long aliases;      /* cli53 AWS ALIAS pseudo-records read and skipped */
};

/* Parses the file at path ("-" = stdin, shown as display_name when given). */
int zl_parse_file(const char *path, const char *display_name,
                  const struct zl_parse_opts *opts, struct zl_parse_result *res);

/* Parses a file opened with zl_open_argument (confine.h) from its start,
 * taking it over (closes it); st is what the open returned: when not OK,
 * the error is reported as zl_parse_file would. shown is its name in
 * diagnostics. */
int zl_parse_opened(struct zl_opened *o, enum zl_open_status st, const char *shown,
                    const struct zl_parse_opts *opts, struct zl_parse_result *res);

/* Parses an in-memory buffer (tests, fuzzing); name is shown in diagnostics. */
int zl_parse_buffer(const char *data, size_t len, const char *name,
                    const struct zl_parse_opts *opts, struct zl_parse_result *res);

/* Origin implied by a file name: "example.com.zone", "db.example.com",
 * "example.com". Returns false when the name does not look like a domain. */
bool zl_origin_from_filename(const char *path, struct zl_name *out);

/* Frees a list of sources built up through opts.sources. */
void zl_parse_sources_free(struct zl_source *head);

#endif
