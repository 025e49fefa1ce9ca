/* SPDX-License-Identifier: MIT */
/* The command line as data: one row per option and per subcommand. The
 * parser in main.c walks the option rows; --help and the bash, zsh and fish
 * completions (completions.c) are printed from the same rows, so an option
 * added here is documented and completed everywhere at once. */
#ifndef ZL_OPTIONS_H
#define ZL_OPTIONS_H

#include <stddef.h>
#include <stdio.h>

/* What a shell should offer for an option's value. */
enum zl_opt_values {
    ZL_OV_NONE,   /* a flag, or a free-form value (a name) */
    ZL_OV_WORDS,  /* one of .words (or of .words_fn()), separated by blanks or commas */
    ZL_OV_FILE,   /* a file name */
    ZL_OV_DIR,    /* a directory name */
    ZL_OV_RULES,  /* a comma-separated list of rule codes or slugs */
};

struct zl_opt {
    int id;                     /* main.c's enum; the parser switches on it */
    const char *name;           /* "--format" */
    const char *alias;          /* "-h", or NULL */
    const char *arg;            /* "FMT" (shown as --format=FMT), NULL for a flag */
    enum zl_opt_values values;
    const char *words;          /* ZL_OV_WORDS */
    const char *(*words_fn)(void); /* ZL_OV_WORDS, when the list lives elsewhere */
    const char *help;           /* one paragraph; --help wraps it; {values} stands for the
                                   words as "a, b or c" */
};

struct zl_cmd {
    const char *name;           /* "print" */
    const char *usage;          /* "print [options] FILE" (after "zonelint ") */
    const char *help;           /* one line */
};

struct zl_cli_spec {
    const struct zl_cmd *cmds;
    size_t ncmds;
    const struct zl_opt *opts;
    size_t nopts;
    const char *trailer;        /* printed after the options by --help */
};

/* The value words of an option, blank-separated, in buf ("" when none). */
const char *zl_opt_words(const struct zl_opt *o, char *buf, size_t cap);

void zl_cli_print_help(FILE *out, const struct zl_cli_spec *spec);

/* shell: "bash", "zsh" or "fish". Returns 0, or -1 for another shell. */
int zl_cli_print_completions(FILE *out, const char *shell, const struct zl_cli_spec *spec);

#endif
