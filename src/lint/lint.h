/* SPDX-License-Identifier: MIT */
/* Parse + rules for one input, collecting diagnostics: what `zonelint check`
 * does per file, and what rule tests call. */
#ifndef ZL_LINT_H
#define ZL_LINT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "lint/engine.h"
#include "base/names.h"
#include "input/parser.h"

struct zl_lint_opts {
    const struct zl_name *origin;     /* NULL: $ORIGIN or the file name */
    struct zl_selection sel;
    const char *include_root;         /* explicit, widening root (parser.h) */
    const char *include_root_narrow;  /* a .zonelint's root: narrows only */
    bool no_include;
    const char *octodns_config;       /* --octodns-config, or NULL: found above the zone file */
    uint64_t max_input_size;          /* 0: ZL_MAX_INPUT_DEFAULT */
    struct zl_include_budget *budget; /* run-wide; NULL: one per file */
    const char *const *disable;       /* extra file-wide suppressions (config), NULL-terminated */
    enum zl_dialect dialect;          /* --dialect; ZL_DIALECT_AUTO (0) detects it per file */
    const struct zl_ses_expect *ses_expect;  /* --ses-identity, or NULL */
    const struct zl_delegation *expect_ns;   /* --expect-ns, or NULL */
    int input_format;                 /* --input-format: enum zl_input_format
                                         (formats/format.h); 0 = zone file, ZL_INPUT_AUTO detects */
    unsigned long max_generate;       /* $GENERATE records per directive; 0: default (65536) */
    struct zl_senders *senders;       /* sender packs for the run (src/senders.h); NULL: built-in */
    const struct zl_overlay *overlay; /* --fix/--diff: changed text read instead of files; NULL: none */
};

struct zl_diags {
    struct zl_diag *v;
    size_t n, cap;
};

void zl_diags_free(struct zl_diags *d);

/* Lints one file ("-" = stdin); diagnostics are appended to out, sorted.
 * sources receives every zl_source read (free with zl_parse_sources_free
 * after the diagnostics are reported). Returns 0, or -1 on I/O error. */
int zl_lint_file(const char *path, const char *display_name, const struct zl_lint_opts *opts,
                 struct zl_source **sources, struct zl_diags *out);
int zl_lint_buffer(const char *data, size_t len, const char *name, const struct zl_lint_opts *opts,
                   struct zl_source **sources, struct zl_diags *out);

#endif
