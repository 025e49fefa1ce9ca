/* zonelint command line: check (default), print, rules, explain. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "cli/config.h"
#include "input/confine.h"
#include "xcheck/delegation.h"
#include "input/exports/emit.h"
#include "input/readers.h"
#include "lint/lint.h"
#include "cli/options.h"
#include "input/parser.h"
#include "report/print.h"
#include "report/report.h"
#include "report/report_impl.h"
#include "lint/rule.h"
#include "xcheck/ses_identity.h"
#include "cli/senders.h"
#include "cli/verify.h"
#include "base/version.h"

enum cmd { CMD_CHECK, CMD_PRINT, CMD_RULES, CMD_EXPLAIN, CMD_SENDERS };

/* ---- the command line: one row per subcommand and per option ---------------
 * --help, the completions (--completions=SHELL) and the man page test
 * (tests/man/) all read these rows; parse_args() switches on .id. */

static const struct zl_cmd commands[] = {
    { "check", "[check] [options] FILE...", "lint zone files ('-' = stdin)" },
    { "print", "print [options] FILE", "print every record fully expanded" },
    { "rules", "rules [--format=json]", "list the rules" },
    { "explain", "explain CODE|SLUG|sender:NAME", "explain one rule, or describe one sender pack" },
    { "senders", "senders", "list the mail-sender packs" },
    { "verify", "verify [options] DOMAIN", "ask the delegated servers (zonelint verify --help)" },
};

enum opt_id {
    OPT_FORMAT, OPT_COLOR, OPT_SELECT, OPT_IGNORE, OPT_FAIL_LEVEL, OPT_EXIT_ZERO, OPT_ORIGIN,
    OPT_INPUT_FORMAT, OPT_DIALECT, OPT_SES_IDENTITY, OPT_EXPECT_NS, OPT_OCTODNS_CONFIG, OPT_CONFIG, OPT_STDIN_FILENAME,
    OPT_INCLUDE_ROOT, OPT_NO_INCLUDE, OPT_MAX_INPUT_SIZE, OPT_INCLUDE_BUDGET, OPT_PRINT_CONFIG, OPT_COMPLETIONS, OPT_HELP, OPT_VERSION,
};

static const struct zl_opt options[] = {
    { OPT_FORMAT, "--format", NULL, "FMT", ZL_OV_WORDS, "auto text gcc json sarif github", NULL,
      "text, gcc, json, sarif, github or auto (default auto: github under GITHUB_ACTIONS=true, "
      "text on a terminal, gcc otherwise)" },
    { OPT_COLOR, "--color", NULL, "WHEN", ZL_OV_WORDS, "auto always never", NULL,
      "auto, always or never (auto: colour on a terminal; NO_COLOR turns it off, FORCE_COLOR on)" },
    { OPT_SELECT, "--select", NULL, "LIST", ZL_OV_RULES, NULL, NULL,
      "only these rules (codes, slugs or prefixes such as ZL5 or ses-, comma-separated); sender:NAME "
      "keeps the sender-* findings about that sender" },
    { OPT_IGNORE, "--ignore", NULL, "LIST", ZL_OV_RULES, NULL, NULL,
      "skip these rules; sender:NAME drops the findings about that sender" },
    { OPT_FAIL_LEVEL, "--fail-level", NULL, "SEV", ZL_OV_WORDS, "error warning info", NULL,
      "exit 1 when a finding is at or above SEV: error, warning (default) or info" },
    { OPT_EXIT_ZERO, "--exit-zero", NULL, NULL, ZL_OV_NONE, NULL, NULL,
      "exit 0 even with findings (still 2 on usage or I/O errors)" },
    { OPT_ORIGIN, "--origin", NULL, "NAME", ZL_OV_NONE, NULL, NULL,
      "origin for relative names (else $ORIGIN, else the file name)" },
    { OPT_INPUT_FORMAT, "--input-format", NULL, "FMT", ZL_OV_WORDS, NULL, zl_input_format_words,
      "read every input as {values} (default auto: each file's format from its content; the README's "
      "Input formats section says what each reads)" },
    { OPT_DIALECT, "--dialect", NULL, "NAME", ZL_OV_WORDS, NULL, zl_dialect_names,
      "how to read a BIND-style provider export: auto (default: from its header), bind, cloudflare, "
      "godaddy, azure, gcloud, digitalocean, hetzner or cli53" },
    { OPT_SES_IDENTITY, "--ses-identity", NULL, "FILE", ZL_OV_FILE, NULL, NULL,
      "JSON of 'aws sesv2 get-email-identity' (or of 'aws ses get-identity-*-attributes'; "
      "repeatable): report each record SES expects that the zone lacks, holds with another value "
      "or name; NAME=FILE says which identity (mail.example.com=mail.json), else it is the zone's, "
      "where its DKIM records are" },
    { OPT_EXPECT_NS, "--expect-ns", NULL, "NS,...|FILE", ZL_OV_FILE, NULL, NULL,
      "the delegated name servers, or a file of 'dig NS' output: report an apex NS set that differs" },
    { OPT_OCTODNS_CONFIG, "--octodns-config", NULL, "FILE", ZL_OV_FILE, NULL, NULL,
      "the octoDNS config (providers:, zones:) that says which zones are lenient (default: found "
      "above the octoDNS zone files)" },
    { OPT_CONFIG, "--config", NULL, "FILE", ZL_OV_FILE, NULL, NULL,
      "settings file (default: .zonelint found from the first file upwards)" },
    { OPT_STDIN_FILENAME, "--stdin-filename", NULL, "PATH", ZL_OV_NONE, NULL, NULL,
      "name to show for '-' (and to derive the origin from)" },
    { OPT_INCLUDE_ROOT, "--include-root", NULL, "DIR", ZL_OV_DIR, NULL, NULL,
      "allow $INCLUDE (and links of files named here) below DIR (default: the git work tree holding "
      "the zone file, else its directory; also ZONELINT_INCLUDE_ROOT; a .zonelint may only narrow it)" },
    { OPT_NO_INCLUDE, "--no-include", NULL, NULL, ZL_OV_NONE, NULL, NULL, "refuse every $INCLUDE" },
    { OPT_MAX_INPUT_SIZE, "--max-input-size", NULL, "N", ZL_OV_NONE, NULL, NULL,
      "read no file larger than N bytes (k, M, G suffixes; default 4G)" },
    { OPT_INCLUDE_BUDGET, "--include-budget", NULL, "N", ZL_OV_NONE, NULL, NULL,
      "what all $INCLUDEs of a run may read together (default 1G; each included file counts at "
      "least 16k)" },
    { OPT_PRINT_CONFIG, "--print-config", NULL, NULL, ZL_OV_NONE, NULL, NULL,
      "show the effective settings and the origin chosen for each file, and exit" },
    { OPT_COMPLETIONS, "--completions", NULL, "SHELL", ZL_OV_WORDS, "bash zsh fish", NULL,
      "print the completion script for bash, zsh or fish, and exit" },
    { OPT_HELP, "--help", "-h", NULL, ZL_OV_NONE, NULL, NULL, "this text" },
    { OPT_VERSION, "--version", NULL, NULL, ZL_OV_NONE, NULL, NULL, "the version and the licence" },
};

static const struct zl_cli_spec cli_spec = {
    commands, sizeof commands / sizeof commands[0], options, sizeof options / sizeof options[0],
    "exit status: 0 nothing at or above the fail level, 1 findings (syntax errors\n"
    "included), 2 usage, configuration, I/O or internal error.\n"
    "suppress a finding with '; zonelint: disable=CODE[,slug]' on its line or the line\n"
    "above, or '; zonelint: disable-file=CODE' anywhere in the file.\n",
};

/* What to print instead of running a command (--help, --version, --completions). */
enum info { INFO_NONE, INFO_HELP, INFO_VERSION, INFO_COMPLETIONS };

struct cli {
    struct zl_config cfg;
    bool print_config;
    const char *config_path;
    char **files;
    size_t nfiles;
    /* command-line values, applied over the config file */
    struct zl_strlist select, ignore;
    const char *fail_level, *origin, *format, *color, *include_root, *stdin_filename;
    const char *input_format;   /* --input-format (command line only) */
    const char *dialect;        /* --dialect (command line only) */
    const char *ses_identity[8]; /* --ses-identity files (command line only) */
    size_t nses_identity;
    const char *expect_ns;      /* --expect-ns (command line only) */
    const char *octodns_config; /* --octodns-config (command line only) */
    bool exit_zero, no_include;
    enum info info;
    const char *completions;    /* --completions: the shell */
    struct zl_senders *senders; /* built-in packs + the config's senders = DIR */
    uint64_t max_input_size;    /* --max-input-size (command line only); 0: default */
    struct zl_include_budget budget; /* run-wide, --include-budget */
};

static int usage_error(const char *fmt, const char *arg)
{
    fputs("zonelint: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\ntry 'zonelint --help'\n", stderr);
    return 2;
}

/* --key=value or --key value; returns the value or NULL. */
static const char *opt_value(const char *arg, const char *name, int *i, int argc, char **argv)
{
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0)
        return NULL;
    if (arg[n] == '=')
        return arg + n + 1;
    if (arg[n] == '\0') {
        if (*i + 1 >= argc)
            return "";
        return argv[++*i];
    }
    return NULL;
}

/* The row for argv[*i] (its value in *v), or NULL for an unknown option. */
static const struct zl_opt *find_option(const char *a, const char **v, int *i, int argc, char **argv)
{
    for (size_t k = 0; k < sizeof options / sizeof options[0]; k++) {
        const struct zl_opt *o = &options[k];
        if (o->arg ? (*v = opt_value(a, o->name, i, argc, argv)) != NULL
                   : !strcmp(a, o->name) || (o->alias && !strcmp(a, o->alias)))
            return o;
    }
    return NULL;
}

static int parse_args(struct cli *c, int argc, char **argv, int start)
{
    bool only_files = false;
    for (int i = start; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            c->files = zl_xrealloc(c->files, (c->nfiles + 1) * sizeof *c->files);
            c->files[c->nfiles++] = argv[i];
            continue;
        }
        if (!strcmp(a, "--")) {
            only_files = true;
            continue;
        }
        const struct zl_opt *o = find_option(a, &v, &i, argc, argv);
        if (!o)
            return usage_error("unknown option '%s'", a);
        switch ((enum opt_id)o->id) {
        case OPT_FORMAT: c->format = v; break;
        case OPT_COLOR: c->color = v; break;
        case OPT_SELECT: zl_strlist_add_csv(&c->select, v); break;
        case OPT_IGNORE: zl_strlist_add_csv(&c->ignore, v); break;
        case OPT_FAIL_LEVEL: c->fail_level = v; break;
        case OPT_INPUT_FORMAT: c->input_format = v; break;
        case OPT_DIALECT: c->dialect = v; break;
        case OPT_SES_IDENTITY:
            if (c->nses_identity == sizeof c->ses_identity / sizeof c->ses_identity[0])
                return usage_error("--ses-identity given more than %s times", "8");
            c->ses_identity[c->nses_identity++] = v;
            break;
        case OPT_EXPECT_NS: c->expect_ns = v; break;
        case OPT_OCTODNS_CONFIG: c->octodns_config = v; break;
        case OPT_ORIGIN: c->origin = v; break;
        case OPT_CONFIG: c->config_path = v; break;
        case OPT_STDIN_FILENAME: c->stdin_filename = v; break;
        case OPT_INCLUDE_ROOT: c->include_root = v; break;
        case OPT_NO_INCLUDE: c->no_include = true; break;
        case OPT_MAX_INPUT_SIZE:
            if (zl_size_parse(v, &c->max_input_size) != 0)
                return usage_error("--max-input-size takes a size in bytes such as 4G, 512M or 100000, not '%s'", v);
            break;
        case OPT_INCLUDE_BUDGET: {
            uint64_t b;
            if (zl_size_parse(v, &b) != 0)
                return usage_error("--include-budget takes a size in bytes such as 1G or 64M, not '%s'", v);
            zl_include_budget_init(&c->budget, b);
            break;
        }
        case OPT_EXIT_ZERO: c->exit_zero = true; break;
        case OPT_PRINT_CONFIG: c->print_config = true; break;
        case OPT_COMPLETIONS:
            c->info = INFO_COMPLETIONS;
            c->completions = v;
            break;
        case OPT_HELP: c->info = INFO_HELP; break;
        case OPT_VERSION: c->info = INFO_VERSION; break;
        }
    }
    return 0;
}

static int print_info(const struct cli *c)
{
    switch (c->info) {
    case INFO_HELP:
        zl_cli_print_help(stdout, &cli_spec);
        break;
    case INFO_VERSION:
        printf("zonelint %s", ZL_VERSION);
        if (zl_build_describe[0])
            printf(" (git %s)", zl_build_describe);
        printf("\nCopyright (c) the zonelint authors\n"
               "License: MIT <https://opensource.org/license/mit>\n"
               "This is free software: you are free to change and redistribute it.\n"
               "There is NO WARRANTY, to the extent permitted by law.\n");
        break;
    case INFO_COMPLETIONS:
        if (zl_cli_print_completions(stdout, c->completions, &cli_spec) != 0)
            return usage_error("--completions must be bash, zsh or fish, not '%s'", c->completions);
        break;
    case INFO_NONE:
        break;
    }
    return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
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

/* Where $INCLUDE may read (confine.h). Only the command line and the
 * environment widen; a .zonelint root must lie inside the default root of
 * every file it applies to, else the whole run stops (exit 2): a
 * configuration in a pull request cannot open the machine up. */
static int settle_include_root(struct cli *c)
{
    struct zl_config *cfg = &c->cfg;
    const char *explicit_root = c->include_root ? c->include_root : zl_confine_env_root();
    if (explicit_root) {
        struct zl_root r;
        if (zl_root_from_dir(explicit_root, ZL_ROOT_EXPLICIT, &r) != 0)
            return usage_error(c->include_root ? "--include-root '%s' is not a directory that can be read"
                                               : "ZONELINT_INCLUDE_ROOT '%s' is not a directory that can be read",
                               explicit_root);
        free(cfg->include_root);
        cfg->include_root = zl_xstrdup(explicit_root);
        /* an explicit root replaces the configuration's */
        free(cfg->include_root_narrow);
        cfg->include_root_narrow = NULL;
        return 0;
    }
    if (!cfg->include_root_narrow)
        return 0;
    struct zl_root narrow;
    if (zl_root_from_dir(cfg->include_root_narrow, ZL_ROOT_CONFIG, &narrow) != 0) {
        fprintf(stderr, "zonelint: config error: %s: include-root '%s': %s\n", cfg->include_root_where,
                cfg->include_root_narrow, strerror(errno));
        return 2;
    }
    size_t n = c->nfiles ? c->nfiles : 1;
    for (size_t i = 0; i < n; i++) {
        const char *f = c->nfiles ? c->files[i] : "-";
        struct zl_root dflt;
        if (zl_root_default(f, &dflt) != 0)
            continue; /* the file cannot be read: that error comes later */
        if (!zl_root_holds(&dflt, narrow.phys)) {
            char where[400];
            const char *shown = strcmp(f, "-") ? f : "the working directory";
            fprintf(stderr, "zonelint: config error: %s: include-root '%s' lies outside %s; a configuration "
                            "file may only narrow where $INCLUDE may read (widen it with --include-root or "
                            "ZONELINT_INCLUDE_ROOT)\n",
                    cfg->include_root_where, cfg->include_root_narrow,
                    zl_root_describe(&dflt, shown, where, sizeof where));
            return 2;
        }
    }
    return 0;
}

/* senders = DIR comes with the pull request like the rest of the config:
 * it may only name a directory inside the tree the inputs are in (their
 * default root), or inside --include-root / ZONELINT_INCLUDE_ROOT. */
static int settle_senders(struct cli *c)
{
    struct zl_config *cfg = &c->cfg;
    const char *explicit_root = c->include_root ? c->include_root : zl_confine_env_root();
    size_t n = explicit_root ? 1 : c->nfiles ? c->nfiles : 1;
    for (size_t k = 0; k < cfg->senders.n; k++) {
        struct zl_root dir;
        if (zl_root_from_dir(cfg->senders.v[k], ZL_ROOT_CONFIG, &dir) != 0)
            continue; /* cannot be read: loading it says so */
        for (size_t i = 0; i < n; i++) {
            const char *f = explicit_root || !c->nfiles ? "-" : c->files[i];
            struct zl_root root;
            if (explicit_root ? zl_root_from_dir(explicit_root, ZL_ROOT_EXPLICIT, &root) != 0
                              : zl_root_default(f, &root) != 0)
                continue; /* the file cannot be read: that error comes later */
            if (!zl_root_holds(&root, dir.phys)) {
                char where[400];
                /* the directory as written, but no absolute path of this machine */
                const char *shown_dir = cfg->senders.v[k][0] == '/' ? "(an absolute path)" : cfg->senders.v[k];
                fprintf(stderr, "zonelint: config error: %s: senders '%s' lies outside %s; a configuration "
                                "file may only name sender packs inside it (widen with --include-root or "
                                "ZONELINT_INCLUDE_ROOT)\n", cfg->path ? cfg->path : "config",
                        shown_dir, explicit_root ? "the --include-root directory"
                        : zl_root_describe(&root, strcmp(f, "-") ? f : "the working directory", where,
                                           sizeof where));
                return 2;
            }
        }
    }
    return 0;
}

/* Config file, then command line on top. */
static int settle_config(struct cli *c)
{
    struct zl_config *cfg = &c->cfg;
    cfg->fail_level = ZL_SEV_WARNING;
    char *found = NULL;
    if (c->config_path) {
        found = zl_xstrdup(c->config_path);
    } else {
        char *d = dir_of(c->nfiles && strcmp(c->files[0], "-") ? c->files[0] : "./x");
        found = zl_config_find(d);
        free(d);
    }
    if (found) {
        char err[512];
        int rc = zl_config_load(cfg, found, err, sizeof err);
        free(found);
        if (rc != 0) {
            fprintf(stderr, "zonelint: config error: %s\n", err);
            return 2;
        }
    }
    for (size_t i = 0; i < c->select.n; i++)
        zl_strlist_add_csv(&cfg->select, c->select.v[i]);
    /* Command-line --select replaces the config's selection. */
    if (c->select.n) {
        zl_strlist_free(&cfg->select);
        for (size_t i = 0; i < c->select.n; i++)
            zl_strlist_add_csv(&cfg->select, c->select.v[i]);
    }
    for (size_t i = 0; i < c->ignore.n; i++)
        zl_strlist_add_csv(&cfg->ignore, c->ignore.v[i]);
    if (c->fail_level && zl_severity_from_name(c->fail_level, &cfg->fail_level) != 0)
        return usage_error("--fail-level must be error, warning or info, not '%s'", c->fail_level);
    if (c->exit_zero)
        cfg->exit_zero = true;
    if (c->no_include)
        cfg->no_include = true;
#define OVERRIDE(field, val)            \
    if (val) {                          \
        free(cfg->field);               \
        cfg->field = zl_xstrdup(val);   \
    }
    OVERRIDE(format, c->format)
    OVERRIDE(color, c->color)
    OVERRIDE(stdin_filename, c->stdin_filename)
    if (c->origin) {
        OVERRIDE(origin, c->origin)
        free(cfg->origin_from);
        cfg->origin_from = zl_xstrdup("--origin");
    }
#undef OVERRIDE
    int rc = settle_include_root(c);
    return rc ? rc : settle_senders(c);
}

static bool parse_origin(const char *text, struct zl_name *out)
{
    size_t n = strlen(text);
    /* --origin example.com means the absolute name example.com. */
    char buf[1100];
    if (n == 0 || n + 2 > sizeof buf)
        return false;
    memcpy(buf, text, n);
    if (buf[n - 1] != '.' || (n >= 2 && buf[n - 2] == '\\'))
        buf[n++] = '.';
    return zl_name_from_text(out, buf, n, NULL, NULL) == ZL_NAME_OK;
}

static int resolve_format(const char *name, enum zl_format *fmt)
{
    if (!name || !strcasecmp(name, "auto")) {
        const char *gh = getenv("GITHUB_ACTIONS");
        if (gh && !strcmp(gh, "true"))
            *fmt = ZL_FMT_GITHUB;
        else if (isatty(1))
            *fmt = ZL_FMT_TEXT;
        else
            *fmt = ZL_FMT_GCC;
        return 0;
    }
    return zl_format_from_name(name, fmt);
}

static int resolve_input_format(const struct cli *c, enum zl_input_format *out)
{
    *out = ZL_INPUT_AUTO;
    if (c->input_format && zl_input_format_from_name(c->input_format, out) != 0) {
        char names[256], msg[512];
        snprintf(msg, sizeof msg, "--input-format must be %s, not '%s'", zl_input_format_names(names, sizeof names),
                 c->input_format);
        return usage_error("%s", msg);
    }
    return 0;
}

static int resolve_dialect(const struct cli *c, enum zl_dialect *out)
{
    *out = ZL_DIALECT_AUTO;
    if (c->dialect && zl_dialect_from_name(c->dialect, out) != 0)
        return usage_error("--dialect must be one of %s", zl_dialect_names());
    return 0;
}

/* --print-config: the dialect a file would be read as. Detection needs the
 * header and the first records, so the file is parsed (quietly). */
static const char *dialect_reason(const struct cli *c, const char *file, char *buf, size_t cap)
{
    enum zl_dialect forced = ZL_DIALECT_AUTO;
    if (c->dialect && zl_dialect_from_name(c->dialect, &forced) != 0) {
        snprintf(buf, cap, "invalid ('%s')", c->dialect);
        return buf;
    }
    if (forced != ZL_DIALECT_AUTO) {
        snprintf(buf, cap, "%s (from --dialect)", zl_dialect_name(forced));
        return buf;
    }
    if (!strcmp(file, "-")) {
        snprintf(buf, cap, "auto (detected when the input is read)");
        return buf;
    }
    enum zl_input_format in = ZL_INPUT_AUTO;
    if (c->input_format)
        zl_input_format_from_name(c->input_format, &in);
    int fmt = zl_input_format_of_file(file, in);
    if (fmt > 0 && fmt != ZL_INPUT_ZONE) {
        snprintf(buf, cap, "none (%s input, not a master file)", zl_input_format_name((enum zl_input_format)fmt));
        return buf;
    }
    struct zl_name guess;
    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    if (!c->cfg.origin && zl_origin_from_filename(file, &guess)) {
        po.origin = &guess;
        po.origin_is_guess = true;
    }
    po.max_errors = 1;
    struct zl_parse_result res;
    zl_parse_file(file, NULL, &po, &res);
    if (res.io_error) {
        snprintf(buf, cap, "auto (the file cannot be read)");
    } else if (res.have_header_zone) {
        char z[ZL_NAME_TEXT_MAX];
        zl_name_to_text(&res.header_zone, z);
        snprintf(buf, cap, "%s (detected; the header names the zone %s)", zl_dialect_name(res.dialect), z);
    } else {
        snprintf(buf, cap, "%s (detected)", zl_dialect_name(res.dialect));
    }
    return buf;
}

static int resolve_color(const char *when, bool *color)
{
    if (!when || !strcasecmp(when, "auto")) {
        /* NO_COLOR (no-color.org) wins over FORCE_COLOR (force-color.org),
         * which colours a pipe too (CI logs); "0" and "false" do not force. */
        const char *nc = getenv("NO_COLOR"), *fc = getenv("FORCE_COLOR");
        bool force = fc && *fc && strcmp(fc, "0") != 0 && strcasecmp(fc, "false") != 0;
        *color = !(nc && *nc) && (force || isatty(1));
        return 0;
    }
    if (!strcasecmp(when, "always"))
        *color = true;
    else if (!strcasecmp(when, "never"))
        *color = false;
    else
        return -1;
    return 0;
}

/* Reads stdin whole (so source lines can be shown later), at most max
 * bytes (0: the default cap); *too_big says when it had more. */
static char *slurp_stdin(size_t *len, uint64_t max, bool *too_big)
{
    struct zl_buf b = { 0 };
    if (!max)
        max = ZL_MAX_INPUT_DEFAULT;
    int rc = zl_buf_read_stream(&b, stdin, (size_t)(max < SIZE_MAX ? max : SIZE_MAX));
    *too_big = rc == -2;
    if (rc != 0) {
        zl_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return zl_buf_cstr(&b);
}

static void stdin_error(const char *shown, bool too_big, uint64_t max)
{
    char a[32];
    if (too_big)
        fprintf(stderr, "zonelint: %s: the input is larger than the limit of %s (raise it with --max-input-size)\n",
                shown, zl_size_text(max ? max : ZL_MAX_INPUT_DEFAULT, a, sizeof a));
    else
        fprintf(stderr, "zonelint: %s: read error: %s\n", shown, strerror(errno));
}

static const char *origin_reason(const struct cli *c, const char *file, char *buf, size_t cap)
{
    struct zl_name n;
    enum zl_input_format in = ZL_INPUT_AUTO;
    if (c->input_format)
        zl_input_format_from_name(c->input_format, &in);
    int fmt = zl_input_format_of_file(file, in);
    if (c->cfg.origin) {
        snprintf(buf, cap, "%s (from %s)", c->cfg.origin, c->cfg.origin_from);
    } else if (fmt > 0 && (zl_reader_of((enum zl_input_format)fmt)->caps & ZL_READS_ZONE_IS_FILE_NAME)) {
        const struct zl_reader *r = zl_reader_of((enum zl_input_format)fmt);
        if (zl_fmt_origin_from_filename(file, &n)) {
            char t[ZL_NAME_TEXT_MAX];
            zl_name_to_text(&n, t);
            snprintf(buf, cap, "%s (from %s)", t, r->zone_from);
        } else {
            snprintf(buf, cap, "none (the zone is %s; pass --origin)", r->zone_from);
        }
    } else if (fmt > 0) {
        snprintf(buf, cap, "%s", zl_reader_of((enum zl_input_format)fmt)->zone_from);
    } else if (fmt < 0) {
        snprintf(buf, cap, "none (the file matches no input format)");
    } else if (zl_origin_from_filename(file, &n)) {
        char t[ZL_NAME_TEXT_MAX];
        zl_name_to_text(&n, t);
        snprintf(buf, cap, "%s (from the file name; a $ORIGIN in the file takes over)", t);
    } else {
        snprintf(buf, cap, "none (a $ORIGIN in the file, else relative names are errors)");
    }
    return buf;
}

static void print_config(const struct cli *c)
{
    const struct zl_config *g = &c->cfg;
    printf("config-file = %s\n", g->path ? g->path : "(none)");
    printf("format = %s\n", g->format ? g->format : "auto");
    printf("color = %s\n", g->color ? g->color : "auto");
    printf("fail-level = %s\n", zl_severity_name(g->fail_level));
    printf("exit-zero = %s\n", g->exit_zero ? "true" : "false");
    printf("select =");
    for (size_t i = 0; i < g->select.n; i++)
        printf("%s%s", i ? "," : " ", g->select.v[i]);
    printf("%s\nignore =", g->select.n ? "" : " (all rules)");
    for (size_t i = 0; i < g->ignore.n; i++)
        printf("%s%s", i ? "," : " ", g->ignore.v[i]);
    printf("\ndisable =");
    for (size_t i = 0; i < g->disable.n; i++)
        printf("%s%s", i ? "," : " ", g->disable.v[i]);
    if (g->include_root)
        printf("\ninclude-root = %s (from %s)\n", g->include_root,
               c->include_root ? "--include-root" : "ZONELINT_INCLUDE_ROOT");
    else if (g->include_root_narrow)
        printf("\ninclude-root = %s (from %s; narrows the default)\n", g->include_root_narrow,
               g->include_root_where);
    else
        printf("\ninclude-root = (the git work tree holding each file, else its directory)\n");
    printf("no-include = %s\n", g->no_include ? "true" : "false");
    printf("senders =");
    for (size_t i = 0; i < g->senders.n; i++)
        printf("%s%s", i ? "," : " ", g->senders.v[i]);
    printf("%s\n", g->senders.n ? "" : " (built-in packs only)");
    char buf[1400];
    for (size_t i = 0; i < c->nfiles; i++) {
        const char *f = strcmp(c->files[i], "-") ? c->files[i] : (g->stdin_filename ? g->stdin_filename : "-");
        printf("origin[%s] = %s\n", f, origin_reason(c, f, buf, sizeof buf));
        enum zl_input_format in = ZL_INPUT_AUTO;
        if (c->input_format)
            zl_input_format_from_name(c->input_format, &in);
        printf("input-format[%s] = %s\n", f, zl_input_format_describe(c->files[i], in, buf, sizeof buf));
        printf("dialect[%s] = %s\n", f, dialect_reason(c, c->files[i], buf, sizeof buf));
    }
}

/* ---- print ----------------------------------------------------------------- */

struct print_state {
    struct zl_printer *out; /* lines kept to the end: the TTLs BIND gives (print.h) */
    bool write_error;
    struct zl_reporter *errs;
    unsigned errors;
};

static void print_record(void *user, const struct zl_record *rec)
{
    struct print_state *ps = user;
    zl_printer_record(ps->out, rec);
}

static void print_diag(void *user, struct zl_diag *d)
{
    struct print_state *ps = user;
    if (d->severity == ZL_SEV_ERROR)
        ps->errors++;
    zl_reporter_add(ps->errs, d);
    zl_diag_free(d);
}

static int cmd_print(struct cli *c)
{
    if (c->nfiles != 1)
        return usage_error("print takes exactly one file%s", "");
    struct zl_name origin, fname;
    const struct zl_name *op = NULL;
    if (c->cfg.origin) {
        if (!parse_origin(c->cfg.origin, &origin))
            return usage_error("--origin '%s' is not a valid domain name", c->cfg.origin);
        op = &origin;
    }
    enum zl_input_format infmt;
    if (resolve_input_format(c, &infmt) != 0)
        return 2;
    enum zl_dialect dialect;
    if (resolve_dialect(c, &dialect) != 0)
        return 2;
    const char *file = c->files[0];
    bool is_stdin = !strcmp(file, "-");
    const char *shown = is_stdin ? (c->cfg.stdin_filename ? c->cfg.stdin_filename : "<stdin>") : file;
    if (!op && zl_origin_from_filename(shown, &fname))
        op = &fname;

    struct print_state ps;
    memset(&ps, 0, sizeof ps);
    ps.out = zl_printer_new();
    struct zl_source *sources = NULL;
    ps.errs = zl_reporter_new(ZL_FMT_GCC, stderr, NULL);
    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    po.origin = op;
    po.origin_is_guess = op && !c->cfg.origin;
    po.zone = c->cfg.origin ? &origin : NULL;
    po.dialect = dialect;
    po.drop_outside_zone = true;
    po.include_root = c->cfg.include_root;
    po.include_root_narrow = c->cfg.include_root_narrow;
    po.no_include = c->cfg.no_include;
    po.octodns_config = c->octodns_config;
    po.max_input_size = c->max_input_size;
    po.budget = &c->budget;
    po.on_record = print_record;
    po.user = &ps;
    po.sink.emit = print_diag;
    po.sink.user = &ps;
    po.sources = &sources;
    struct zl_parse_result res;
    int rc;
    if (is_stdin) {
        size_t len;
        bool too_big;
        char *data = slurp_stdin(&len, c->max_input_size, &too_big);
        if (!data) {
            stdin_error(shown, too_big, c->max_input_size);
            zl_reporter_finish(ps.errs);
            zl_printer_finish(ps.out, stdout);
            return 2;
        }
        rc = zl_read_input(NULL, shown, data, len, infmt, &po, &res, NULL);
        free(data);
    } else {
        rc = zl_read_input(file, NULL, NULL, 0, infmt, &po, &res, NULL);
    }
    if (zl_printer_finish(ps.out, stdout) != 0)
        ps.write_error = true;
    if (fflush(stdout) != 0)
        ps.write_error = true;
    zl_reporter_finish(ps.errs);
    zl_parse_sources_free(sources);
    if (rc != 0 || res.io_error || ps.write_error)
        return 2;
    return res.errors ? 1 : 0;
}

/* ---- rules / explain ---------------------------------------------------- */

/* zonelint rules [--format=json]: the registry as a table, or as JSON for
 * tools (make docs builds docs/rules/ from it). */
static int cmd_rules(const struct cli *c)
{
    if (c->nfiles)
        return usage_error("rules takes no arguments, got '%s'", c->files[0]);
    if (c->format && strcasecmp(c->format, "json") != 0 && strcasecmp(c->format, "text") != 0)
        return usage_error("rules --format must be text or json, not '%s'", c->format);
    if (!c->format || !strcasecmp(c->format, "text")) {
        for (unsigned i = 0; i < zl_rule_count; i++) {
            const struct zl_rule *r = &zl_rules[i];
            printf("%-7s %-32s %-8s %s\n", r->code, r->slug, zl_severity_name(r->severity), r->summary);
        }
        return fflush(stdout) == 0 ? 0 : 2;
    }
    struct zl_buf b = { 0 };
    struct zl_jw w = { .b = &b, .pretty = 2 };
    zl_jw_arr(&w);
    for (unsigned i = 0; i < zl_rule_count; i++) {
        const struct zl_rule *r = &zl_rules[i];
        zl_jw_obj(&w);
        zl_jw_key(&w, "code");
        zl_jw_str(&w, r->code);
        zl_jw_key(&w, "slug");
        zl_jw_str(&w, r->slug);
        zl_jw_key(&w, "severity");
        zl_jw_str(&w, zl_severity_name(r->severity));
        zl_jw_key(&w, "summary");
        zl_jw_str(&w, r->summary ? r->summary : "");
        zl_jw_key(&w, "explain");
        zl_jw_str(&w, r->explain ? r->explain : "");
        zl_jw_obj_end(&w);
    }
    zl_jw_arr_end(&w);
    zl_buf_putc(&b, '\n');
    int rc = fwrite(b.data, 1, b.len, stdout) == b.len && fflush(stdout) == 0 ? 0 : 2;
    zl_buf_free(&b);
    return rc;
}

static int cmd_explain(struct cli *c)
{
    if (c->nfiles != 1)
        return usage_error("explain takes one rule code or slug%s", "");
    if (!zl_ascii_ncasecmp(c->files[0], "sender:", 7)) {
        if (!zl_senders_print_pack(c->senders, c->files[0] + 7, stdout))
            return usage_error("no sender pack '%s' (see 'zonelint senders')", c->files[0]);
        return 0;
    }
    const struct zl_rule *r = zl_rule_find(c->files[0]);
    if (!r)
        return usage_error("no rule '%s' (see 'zonelint rules')", c->files[0]);
    printf("%s %s (%s)\n%s\n\n%s", r->code, r->slug, zl_severity_name(r->severity), r->summary, r->explain);
    if (r->explain[0] && r->explain[strlen(r->explain) - 1] != '\n')
        putchar('\n');
    return 0;
}

/* ---- check --------------------------------------------------------------- */

/* --ses-identity and --expect-ns: read once, shared by every file. On
 * error both are freed and the status is 2. */
static int load_crosschecks(const struct cli *c, struct zl_ses_expect *ses, struct zl_delegation *dl)
{
    char err[1024];
    for (size_t i = 0; i < c->nses_identity; i++) {
        const char *f = c->ses_identity[i];
        if (!*f)
            return usage_error("--ses-identity needs a file%s", "");
        for (size_t k = 0; !strcmp(f, "-") && k < c->nfiles; k++)
            if (!strcmp(c->files[k], "-"))
                return usage_error("--ses-identity - and a zone on stdin cannot both read stdin%s", "");
        /* NAME=FILE names the identity a v2 output describes; a file whose
         * own name has '=' is still just a file. */
        struct zl_name as;
        const char *eq = strchr(f, '=');
        bool named = eq && access(f, F_OK) != 0;
        if (named && !zl_ses_identity_name(f, (size_t)(eq - f), &as)) {
            zl_ses_expect_free(ses);
            return usage_error("--ses-identity NAME=FILE: '%s' is not a domain name", f);
        }
        if (named && !eq[1]) {
            zl_ses_expect_free(ses);
            return usage_error("--ses-identity NAME=FILE needs a file after '='%s", "");
        }
        if (zl_ses_expect_load_as(ses, named ? eq + 1 : f, named ? &as : NULL, err, sizeof err) != 0) {
            fprintf(stderr, "zonelint: --ses-identity: %s\n", err);
            zl_ses_expect_free(ses);
            return 2;
        }
    }
    if (c->expect_ns) {
        if (!*c->expect_ns) {
            zl_ses_expect_free(ses);
            return usage_error("--expect-ns needs a list of name servers or a file%s", "");
        }
        if (zl_delegation_load(dl, c->expect_ns, err, sizeof err) != 0) {
            fprintf(stderr, "zonelint: --expect-ns: %s\n", err);
            zl_ses_expect_free(ses);
            zl_delegation_free(dl);
            return 2;
        }
    }
    return 0;
}

static int cmd_check(struct cli *c)
{
    if (c->nfiles == 0)
        return usage_error("no input files%s", "");
    struct zl_config *g = &c->cfg;
    enum zl_format fmt;
    if (resolve_format(g->format, &fmt) != 0)
        return usage_error("--format must be text, gcc, json, sarif, github or auto, not '%s'", g->format);
    bool color;
    if (resolve_color(g->color, &color) != 0)
        return usage_error("--color must be auto, always or never, not '%s'", g->color);
    struct zl_name origin;
    if (g->origin && !parse_origin(g->origin, &origin))
        return usage_error("--origin '%s' is not a valid domain name", g->origin);

    enum zl_input_format infmt;
    if (resolve_input_format(c, &infmt) != 0)
        return 2;
    enum zl_dialect dialect;
    if (resolve_dialect(c, &dialect) != 0)
        return 2;
    struct zl_lint_opts lo;
    memset(&lo, 0, sizeof lo);
    lo.input_format = (int)infmt;
    lo.dialect = dialect;
    lo.origin = g->origin ? &origin : NULL;
    lo.sel.select = g->select.v;
    lo.sel.nselect = g->select.n;
    lo.sel.ignore = g->ignore.v;
    lo.sel.nignore = g->ignore.n;
    lo.include_root = g->include_root;
    lo.include_root_narrow = g->include_root_narrow;
    lo.no_include = g->no_include;
    lo.octodns_config = c->octodns_config;
    lo.max_input_size = c->max_input_size;
    lo.budget = &c->budget;
    lo.disable = (const char *const *)g->disable.v;
    const char *bad;
    if (!zl_selection_valid(&lo.sel, &bad))
        return usage_error("no rule matches '%s' (see 'zonelint rules')", bad);
    if ((bad = zl_senders_unknown_name(c->senders, g->select.v, g->select.n)) ||
        (bad = zl_senders_unknown_name(c->senders, g->ignore.v, g->ignore.n)))
        return usage_error("no sender pack '%s' (see 'zonelint senders')", bad);
    lo.senders = c->senders;
    struct zl_ses_expect ses;
    struct zl_delegation dl;
    memset(&ses, 0, sizeof ses);
    memset(&dl, 0, sizeof dl);
    if (load_crosschecks(c, &ses, &dl) != 0)
        return 2;
    lo.ses_expect = ses.n ? &ses : NULL;
    lo.expect_ns = dl.n ? &dl : NULL;

    char cwd[PATH_MAX];
    struct zl_report_opts ro = { color, getcwd(cwd, sizeof cwd) ? cwd : NULL };
    struct zl_reporter *rep = zl_reporter_new(fmt, stdout, &ro);
    struct zl_source *sources = NULL;
    int status = 0;
    bool failing = false;
    for (size_t i = 0; i < c->nfiles; i++) {
        struct zl_diags ds = { 0 };
        const char *file = c->files[i];
        int rc;
        if (!strcmp(file, "-")) {
            size_t len;
            bool too_big;
            char *data = slurp_stdin(&len, c->max_input_size, &too_big);
            if (!data) {
                stdin_error("<stdin>", too_big, c->max_input_size);
                status = 2;
                continue;
            }
            rc = zl_lint_buffer(data, len, g->stdin_filename ? g->stdin_filename : "<stdin>", &lo, &sources, &ds);
            free(data);
        } else {
            rc = zl_lint_file(file, NULL, &lo, &sources, &ds);
        }
        if (rc != 0)
            status = 2;
        for (size_t k = 0; k < ds.n; k++) {
            if (!strcmp(ds.v[k].code, "ZL1000"))
                status = 2; /* the file could not be read */
            else if (ds.v[k].severity >= g->fail_level)
                failing = true;
            zl_reporter_add(rep, &ds.v[k]);
        }
        zl_diags_free(&ds);
    }
    if (zl_reporter_finish(rep) != 0)
        status = 2;
    zl_parse_sources_free(sources);
    zl_ses_expect_free(&ses);
    zl_delegation_free(&dl);
    if (status)
        return status;
    return failing && !g->exit_zero ? 1 : 0;
}

int main(int argc, char **argv)
{
    enum cmd cmd = CMD_CHECK;
    enum info word = INFO_NONE; /* "zonelint help", "zonelint version" */
    int start = 1;
    if (argc > 1) {
        const char *a = argv[1];
        if (!strcmp(a, "verify")) /* its own options: src/cli/verify.c */
            return zl_verify_main(argc - 1, argv + 1);
        if (!strcmp(a, "help")) word = INFO_HELP, start = 2;
        else if (!strcmp(a, "version")) word = INFO_VERSION, start = 2;
        else if (!strcmp(a, "check")) cmd = CMD_CHECK, start = 2;
        else if (!strcmp(a, "print")) cmd = CMD_PRINT, start = 2;
        else if (!strcmp(a, "rules")) cmd = CMD_RULES, start = 2;
        else if (!strcmp(a, "explain")) cmd = CMD_EXPLAIN, start = 2;
        else if (!strcmp(a, "senders")) cmd = CMD_SENDERS, start = 2;
    }
    struct cli c;
    memset(&c, 0, sizeof c);
    zl_include_budget_init(&c.budget, 0);
    int rc = parse_args(&c, argc, argv, start);
    if (rc == 0 && word != INFO_NONE)
        c.info = word;
    if (rc == 0 && c.info != INFO_NONE) {
        rc = print_info(&c);
    } else if (rc == 0) {
        rc = settle_config(&c);
    }
    /* Sender packs: built in, plus the config's senders = DIR (exit 2 on a
     * broken pack, with file:line:col). */
    if (rc == 0 && c.info == INFO_NONE && !(c.senders = zl_senders_for_run(c.cfg.senders.v, c.cfg.senders.n, stderr)))
        rc = 2;
    if (rc == 0 && c.info == INFO_NONE) {
        if (c.print_config) {
            print_config(&c);
        } else {
            switch (cmd) {
            case CMD_CHECK: rc = cmd_check(&c); break;
            case CMD_PRINT: rc = cmd_print(&c); break;
            case CMD_RULES: rc = cmd_rules(&c); break;
            case CMD_EXPLAIN: rc = cmd_explain(&c); break;
            case CMD_SENDERS: zl_senders_print_list(c.senders, stdout); rc = 0; break;
            }
        }
    }
    zl_senders_free(c.senders);
    zl_config_free(&c.cfg);
    zl_strlist_free(&c.select);
    zl_strlist_free(&c.ignore);
    free(c.files);
    return rc;
}
