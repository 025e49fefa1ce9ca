/* SPDX-License-Identifier: MIT */
/* zonelint command line: the option table, parsing, and the small
 * subcommands (rules, explain, senders); check and print are check.c. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "base/version.h"
#include "cli/cli.h"
#include "cli/config.h"
#include "cli/options.h"
#include "cli/senders.h"
#include "cli/settings.h"
#include "cli/suggest.h"
#include "cli/verify.h"
#include "input/dialect.h"
#include "input/readers.h"
#include "lint/rule.h"
#include "report/report.h"
#include "report/report_impl.h"

/* ---- the command line: one row per subcommand and per option ---------------
 * --help, the completions (--completions=SHELL) and the man page test
 * (tests/man/) all read these rows; parse_args() switches on .id. */

static const struct zl_cmd commands[] = {
    { "check", "[check] [options] FILE|DIR...", "lint zone files and exports ('-' = stdin; directories are walked)" },
    { "print", "print [options] FILE", "print every record fully expanded" },
    { "rules", "rules [--format=json]", "list the rules" },
    { "explain", "explain CODE|SLUG|sender:NAME", "explain one rule, or describe one sender pack" },
    { "senders", "senders", "list the mail-sender packs" },
    { "verify", "verify [options] DOMAIN", "ask the delegated servers (zonelint verify --help)" },
};

enum opt_id {
    OPT_FORMAT, OPT_COLOR, OPT_SELECT, OPT_IGNORE, OPT_FAIL_LEVEL, OPT_EXIT_ZERO, OPT_ORIGIN,
    OPT_INPUT_FORMAT, OPT_DIALECT, OPT_SES_IDENTITY, OPT_EXPECT_NS, OPT_OCTODNS_CONFIG, OPT_CONFIG, OPT_STDIN_FILENAME,
    OPT_INCLUDE_ROOT, OPT_NO_INCLUDE, OPT_MAX_INPUT_SIZE, OPT_INCLUDE_BUDGET,
    OPT_FIX, OPT_UNSAFE_FIXES, OPT_DIFF, OPT_BASELINE, OPT_WRITE_BASELINE, OPT_ADD_SUPPRESSIONS, OPT_EXCLUDE,
    OPT_STATISTICS, OPT_QUIET,
    OPT_PRINT_CONFIG, OPT_COMPLETIONS, OPT_HELP, OPT_VERSION,
};

static const struct zl_opt options[] = {
    { OPT_FORMAT, "--format", NULL, "FMT", ZL_OV_WORDS, "auto text gcc json sarif github", NULL,
      "text, gcc, json, sarif, github or auto (default auto: github under GITHUB_ACTIONS=true, "
      "text on a terminal, gcc otherwise)" },
    { OPT_COLOR, "--color", NULL, "WHEN", ZL_OV_WORDS, "auto always never", NULL,
      "auto, always or never (auto: colour on a terminal; NO_COLOR turns it off, FORCE_COLOR on); "
      "text and gcc output" },
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
      "settings file for every file (default: each file uses the nearest .zonelint above it, up to "
      "the top of its git work tree)" },
    { OPT_STDIN_FILENAME, "--stdin-filename", NULL, "PATH", ZL_OV_NONE, NULL, NULL,
      "name to show for '-' (and to derive the origin and find the .zonelint from)" },
    { OPT_INCLUDE_ROOT, "--include-root", NULL, "DIR", ZL_OV_DIR, NULL, NULL,
      "allow $INCLUDE (and links of files named here) below DIR (default: the git work tree holding "
      "the zone file, else its directory; also ZONELINT_INCLUDE_ROOT; a .zonelint may only narrow it)" },
    { OPT_NO_INCLUDE, "--no-include", NULL, NULL, ZL_OV_NONE, NULL, NULL, "refuse every $INCLUDE" },
    { OPT_MAX_INPUT_SIZE, "--max-input-size", NULL, "N", ZL_OV_NONE, NULL, NULL,
      "read no file larger than N bytes (k, M, G suffixes; default 4G)" },
    { OPT_INCLUDE_BUDGET, "--include-budget", NULL, "N", ZL_OV_NONE, NULL, NULL,
      "what all $INCLUDEs of a run may read together (default 1G; each included file counts at "
      "least 16k)" },
    { OPT_FIX, "--fix", NULL, NULL, ZL_OV_NONE, NULL, NULL,
      "apply the safe fix-its to the files (replaced atomically; everything outside the fixed spans "
      "stays byte for byte), then report what is left" },
    { OPT_UNSAFE_FIXES, "--unsafe-fixes", NULL, NULL, ZL_OV_NONE, NULL, NULL,
      "apply the unsafe fix-its too (a judgement such as which token was meant: review the result); "
      "implies --fix unless --diff is given" },
    { OPT_DIFF, "--diff", NULL, NULL, ZL_OV_NONE, NULL, NULL,
      "print what --fix would change as a unified diff (patch -p0 applies it) and write nothing" },
    { OPT_BASELINE, "--baseline", NULL, "FILE", ZL_OV_FILE, NULL, NULL,
      "do not report the findings FILE records (made by --write-baseline); an entry that matches "
      "no finding any more is reported once, as info" },
    { OPT_WRITE_BASELINE, "--write-baseline", NULL, "FILE", ZL_OV_FILE, NULL, NULL,
      "record every finding in FILE (JSON, one entry a line, stable order) and exit 0" },
    { OPT_ADD_SUPPRESSIONS, "--add-suppressions", NULL, NULL, ZL_OV_NONE, NULL, NULL,
      "write a '; zonelint: disable=CODE' comment on the line of every finding in master files, and "
      "exit 0" },
    { OPT_EXCLUDE, "--exclude", NULL, "GLOB", ZL_OV_NONE, NULL, NULL,
      "leave out files and directories matching GLOB when walking a directory (repeatable; "
      ".gitignore patterns)" },
    { OPT_STATISTICS, "--statistics", NULL, NULL, ZL_OV_NONE, NULL, NULL,
      "print how many findings each rule made instead of the findings" },
    { OPT_QUIET, "--quiet", "-q", NULL, ZL_OV_NONE, NULL, NULL,
      "print the findings only: no summary, no line for a clean run" },
    { OPT_PRINT_CONFIG, "--print-config", NULL, NULL, ZL_OV_NONE, NULL, NULL,
      "show the effective settings and the origin chosen for each file, and exit" },
    { OPT_COMPLETIONS, "--completions", NULL, "SHELL", ZL_OV_WORDS, "bash zsh fish", NULL,
      "print the completion script for bash, zsh or fish, and exit" },
    { OPT_HELP, "--help", "-h", NULL, ZL_OV_NONE, NULL, NULL, "this text" },
    { OPT_VERSION, "--version", "-V", NULL, ZL_OV_NONE, NULL, NULL, "the version and the licence" },
};

#define NOPTIONS (sizeof options / sizeof options[0])

static const struct zl_cli_spec cli_spec = {
    commands, sizeof commands / sizeof commands[0], options, NOPTIONS,
    "exit status: 0 nothing at or above the fail level, 1 findings (syntax errors\n"
    "included), 2 usage, configuration, I/O or internal error.\n"
    "suppress a finding with '; zonelint: disable=CODE[,slug]' on its line or the line\n"
    "above, or '; zonelint: disable-file=CODE' anywhere in the file.\n",
};

/* What to print instead of running a command (--help, --version, --completions). */
enum info { INFO_NONE, INFO_HELP, INFO_VERSION, INFO_COMPLETIONS };

struct parsed {
    enum info info;
    const char *completions;
    /* the last option whose value was the next argument: "--origin x.zone"
     * swallows a file name, which the "no input files" error then names */
    const char *took_name, *took_value;
};

/* --key=value or --key value; returns the value or NULL. */
static const char *opt_value(const char *arg, const char *name, int *i, int argc, char **argv, bool *separate)
{
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0)
        return NULL;
    if (arg[n] == '=')
        return arg + n + 1;
    if (arg[n] == '\0') {
        if (*i + 1 >= argc)
            return "";
        *separate = true;
        return argv[++*i];
    }
    return NULL;
}

/* The row for argv[*i] (its value in *v), or NULL for an unknown option. */
static const struct zl_opt *find_option(const char *a, const char **v, int *i, int argc, char **argv, bool *separate)
{
    for (size_t k = 0; k < NOPTIONS; k++) {
        const struct zl_opt *o = &options[k];
        if (o->arg ? (*v = opt_value(a, o->name, i, argc, argv, separate)) != NULL
                   : !strcmp(a, o->name) || (o->alias && !strcmp(a, o->alias)))
            return o;
    }
    return NULL;
}

static int unknown_option(const char *a)
{
    const char *names[2 * NOPTIONS];
    size_t n = 0;
    for (size_t k = 0; k < NOPTIONS; k++) {
        names[n++] = options[k].name;
        if (options[k].alias)
            names[n++] = options[k].alias;
    }
    char *bare = zl_xstrndup(a, strcspn(a, "="));
    char hint[160], msg[400];
    snprintf(msg, sizeof msg, "unknown option '%s'%s", a, zl_suggest_text(zl_suggest(bare, names, n), hint, sizeof hint));
    free(bare);
    return zl_cli_usage_error("%s", msg);
}

/* "--select x.zone": a rule list that is a file name was meant as a file. */
static bool looks_like_file(const char *v)
{
    if (access(v, F_OK) == 0)
        return true;
    const char *dot = strrchr(v, '.');
    return strchr(v, '/') || (dot && (!strcasecmp(dot, ".zone") || !strcasecmp(dot, ".json") ||
                                      !strcasecmp(dot, ".yaml") || !strcasecmp(dot, ".yml") || !strcasecmp(dot, ".db")));
}

static int parse_args(struct cli *c, struct parsed *p, int argc, char **argv, int start)
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
        bool separate = false;
        const struct zl_opt *o = find_option(a, &v, &i, argc, argv, &separate);
        if (!o)
            return unknown_option(a);
        if (separate) {
            p->took_name = o->name;
            p->took_value = v;
            if (o->values == ZL_OV_RULES && looks_like_file(v) && !zl_rule_find(v)) {
                char msg[600];
                snprintf(msg, sizeof msg, "%s takes a list of rules, and '%s' is a file name; write %s=LIST "
                                          "(with '=') before the files", o->name, v, o->name);
                return zl_cli_usage_error("%s", msg);
            }
        }
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
                return zl_cli_usage_error("--ses-identity given more than %s times", "8");
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
                return zl_cli_usage_error("--max-input-size takes a size in bytes such as 4G, 512M or 100000, not '%s'", v);
            break;
        case OPT_INCLUDE_BUDGET: {
            uint64_t b;
            if (zl_size_parse(v, &b) != 0)
                return zl_cli_usage_error("--include-budget takes a size in bytes such as 1G or 64M, not '%s'", v);
            zl_include_budget_init(&c->budget, b);
            break;
        }
        case OPT_FIX: c->fix = true; break;
        case OPT_UNSAFE_FIXES: c->unsafe_fixes = true; break;
        case OPT_DIFF: c->diff = true; break;
        case OPT_BASELINE:
            if (!*v)
                return zl_cli_usage_error("--baseline needs a file%s", "");
            c->baseline = v;
            break;
        case OPT_WRITE_BASELINE:
            if (!*v)
                return zl_cli_usage_error("--write-baseline needs a file%s", "");
            c->write_baseline = v;
            break;
        case OPT_ADD_SUPPRESSIONS: c->add_suppressions = true; break;
        case OPT_EXCLUDE:
            if (!*v)
                return zl_cli_usage_error("--exclude needs a pattern%s", "");
            zl_strlist_add(&c->exclude, v);
            break;
        case OPT_STATISTICS: c->statistics = true; break;
        case OPT_QUIET: c->quiet = true; break;
        case OPT_EXIT_ZERO: c->exit_zero = true; break;
        case OPT_PRINT_CONFIG: c->print_config = true; break;
        case OPT_COMPLETIONS:
            p->info = INFO_COMPLETIONS;
            p->completions = v;
            break;
        case OPT_HELP: p->info = INFO_HELP; break;
        case OPT_VERSION: p->info = INFO_VERSION; break;
        }
    }
    return 0;
}

static int print_info(const struct parsed *p)
{
    switch (p->info) {
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
        if (zl_cli_print_completions(stdout, p->completions, &cli_spec) != 0)
            return zl_cli_usage_error("--completions must be bash, zsh or fish, not '%s'", p->completions);
        break;
    case INFO_NONE:
        break;
    }
    return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
}

/* ---- rules / explain ---------------------------------------------------- */

/* zonelint rules [--format=json]: the registry as a table, or as JSON for
 * tools (make docs builds docs/rules/ from it). */
static int cmd_rules(const struct cli *c)
{
    if (c->nfiles)
        return zl_cli_usage_error("rules takes no arguments, got '%s'", c->files[0]);
    if (c->format && strcasecmp(c->format, "json") != 0 && strcasecmp(c->format, "text") != 0)
        return zl_cli_usage_error("rules --format must be text or json, not '%s'", c->format);
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

static int cmd_explain(struct cli *c, struct zl_senders *senders)
{
    if (c->nfiles != 1)
        return zl_cli_usage_error("explain takes one rule code or slug%s", "");
    if (!zl_ascii_ncasecmp(c->files[0], "sender:", 7)) {
        if (!zl_senders_print_pack(senders, c->files[0] + 7, stdout))
            return zl_cli_usage_error("no sender pack '%s' (see 'zonelint senders')", c->files[0]);
        return 0;
    }
    const struct zl_rule *r = zl_rule_find(c->files[0]);
    if (!r) {
        char hint[160], msg[400];
        snprintf(msg, sizeof msg, "no rule '%s'%s (see 'zonelint rules')", c->files[0],
                 zl_suggest_text(zl_suggest_rule(c->files[0]), hint, sizeof hint));
        return zl_cli_usage_error("%s", msg);
    }
    printf("%s %s (%s)\n%s\n\n%s", r->code, r->slug, zl_severity_name(r->severity), r->summary, r->explain);
    if (r->explain[0] && r->explain[strlen(r->explain) - 1] != '\n')
        putchar('\n');
    return 0;
}


static int cmd_senders(struct cli *c)
{
    struct zl_settings_cache *cache = zl_settings_cache_new(c);
    struct zl_settings st;
    int rc = zl_settings_for(cache, "-", &st);
    if (rc == 0)
        zl_senders_print_list(st.senders, stdout);
    zl_settings_free(&st);
    zl_settings_cache_free(cache);
    return rc ? rc : fflush(stdout) == 0 ? 0 : 2;
}

static int run_explain(struct cli *c)
{
    struct zl_settings_cache *cache = zl_settings_cache_new(c);
    struct zl_settings st;
    int rc = zl_settings_for(cache, "-", &st);
    if (rc == 0)
        rc = cmd_explain(c, st.senders);
    zl_settings_free(&st);
    zl_settings_cache_free(cache);
    return rc;
}

/* "zonelint explian": a word that is neither a file nor a command, but
 * close to a command, was meant as the command. */
static int misspelt_command(const char *a)
{
    if (strchr(a, '/') || strchr(a, '.') || a[0] == '-' || access(a, F_OK) == 0)
        return 0;
    const char *names[sizeof commands / sizeof commands[0] + 2];
    size_t n = 0;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        names[n++] = commands[i].name;
    names[n++] = "help";
    names[n++] = "version";
    const char *best = zl_suggest(a, names, n);
    if (!best)
        return 0;
    char msg[300];
    snprintf(msg, sizeof msg, "'%s' is neither a command nor a file (did you mean 'zonelint %s'?)", a, best);
    return zl_cli_usage_error("%s", msg);
}

int main(int argc, char **argv)
{
    struct cli c;
    memset(&c, 0, sizeof c);
    struct parsed p;
    memset(&p, 0, sizeof p);
    c.cmd = ZL_CMD_CHECK;
    enum info word = INFO_NONE; /* "zonelint help", "zonelint version" */
    int start = 1;
    if (argc > 1) {
        const char *a = argv[1];
        if (!strcmp(a, "verify")) /* its own options: src/cli/verify.c */
            return zl_verify_main(argc - 1, argv + 1);
        if (!strcmp(a, "help")) word = INFO_HELP, start = 2;
        else if (!strcmp(a, "version")) word = INFO_VERSION, start = 2;
        else if (!strcmp(a, "check")) c.cmd = ZL_CMD_CHECK, start = 2;
        else if (!strcmp(a, "print")) c.cmd = ZL_CMD_PRINT, start = 2;
        else if (!strcmp(a, "rules")) c.cmd = ZL_CMD_RULES, start = 2;
        else if (!strcmp(a, "explain")) c.cmd = ZL_CMD_EXPLAIN, start = 2;
        else if (!strcmp(a, "senders")) c.cmd = ZL_CMD_SENDERS, start = 2;
        else {
            int rc = misspelt_command(a);
            if (rc)
                return rc;
        }
    }
    zl_include_budget_init(&c.budget, 0);
    int rc = parse_args(&c, &p, argc, argv, start);
    if (rc == 0 && word != INFO_NONE)
        p.info = word;
    if (rc == 0 && p.info != INFO_NONE) {
        rc = print_info(&p);
    } else if (rc == 0 && c.print_config) {
        rc = zl_cmd_print_config(&c);
    } else if (rc == 0) {
        if (c.cmd == ZL_CMD_CHECK && !c.nfiles && p.took_value && access(p.took_value, F_OK) == 0) {
            char msg[600];
            snprintf(msg, sizeof msg, "no input files: '%s' was taken as the value of %s (write %s=VALUE)",
                     p.took_value, p.took_name, p.took_name);
            rc = zl_cli_usage_error("%s", msg);
        } else {
            switch (c.cmd) {
            case ZL_CMD_CHECK: rc = zl_cmd_check(&c); break;
            case ZL_CMD_PRINT: rc = zl_cmd_print(&c); break;
            case ZL_CMD_RULES: rc = cmd_rules(&c); break;
            case ZL_CMD_EXPLAIN: rc = run_explain(&c); break;
            case ZL_CMD_SENDERS: rc = cmd_senders(&c); break;
            }
        }
    }
    zl_strlist_free(&c.select);
    zl_strlist_free(&c.ignore);
    zl_strlist_free(&c.exclude);
    free(c.files);
    return rc;
}
