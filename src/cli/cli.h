/* SPDX-License-Identifier: MIT */
/* What the command line said, shared by main.c (parsing), settings.c (each
 * file's settings: its .zonelint, then these on top) and check.c (the run). */
#ifndef ZL_CLI_H
#define ZL_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli/config.h"
#include "input/confine.h"

struct zl_senders;

enum zl_cmd_id { ZL_CMD_CHECK, ZL_CMD_PRINT, ZL_CMD_RULES, ZL_CMD_EXPLAIN, ZL_CMD_SENDERS };

struct cli {
    enum zl_cmd_id cmd;
    const char *config_path;    /* --config: one configuration for every file */
    char **files;
    size_t nfiles;
    /* values applied over each file's configuration */
    struct zl_strlist select, ignore;
    const char *fail_level, *origin, *format, *color, *include_root, *stdin_filename;
    const char *input_format, *dialect;
    const char *ses_identity[8];
    size_t nses_identity;
    const char *expect_ns;
    const char *octodns_config;
    bool exit_zero, no_include, print_config;
    uint64_t max_input_size;    /* 0: default */
    struct zl_include_budget budget; /* run-wide, --include-budget */
    /* fixing and adopting */
    bool fix, unsafe_fixes, diff, add_suppressions;
    const char *baseline, *write_baseline;
    /* output */
    bool statistics, quiet;
    struct zl_strlist exclude;  /* --exclude GLOB (directory walks) */
};

int zl_cli_usage_error(const char *fmt, const char *arg);

/* zonelint [check]: lints c->files (directories walked). Returns the exit status. */
int zl_cmd_check(struct cli *c);
/* zonelint print FILE. */
int zl_cmd_print(struct cli *c);
/* --print-config. */
int zl_cmd_print_config(struct cli *c);

#endif
