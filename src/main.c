/* zonelint command line: check (default), print, rules, explain. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "delegation.h"
#include "formats/format.h"
#include "lint.h"
#include "parser.h"
#include "print.h"
#include "report.h"
#include "rule.h"
#include "ses_identity.h"
#include "version.h"

static const char usage_text[] =
    "usage: zonelint [check] [options] FILE...   lint zone files ('-' = stdin)\n"
    "       zonelint print [options] FILE        print every record fully expanded\n"
    "       zonelint rules                       list the rules\n"
    "       zonelint explain CODE|SLUG           explain one rule\n"
    "\n"
    "options:\n"
    "  --format=FMT        text, gcc, json, sarif, github or auto (default auto: github\n"
    "                      under GITHUB_ACTIONS=true, text on a terminal, gcc otherwise)\n"
    "  --color=WHEN        auto, always or never (auto honours NO_COLOR)\n"
    "  --select=LIST       only these rules (codes, slugs or prefixes, comma-separated)\n"
    "  --ignore=LIST       skip these rules\n"
    "  --fail-level=SEV    exit 1 when a finding is at or above SEV: error, warning (default), info\n"
    "  --exit-zero         exit 0 even with findings (still 2 on usage or I/O errors)\n"
    "  --origin=NAME       origin for relative names (else $ORIGIN, else the file name)\n"
    "  --input-format=FMT  zone, route53 (list-resource-record-sets JSON), octodns (YAML),\n"
    "                      gcloud (record-sets export YAML/JSON), terraform (a module:\n"
    "                      .tf/.tf.json files or their directory), tfjson (terraform\n"
    "                      show -json) or auto (default: from the content)\n"
    "  --dialect=NAME      how to read a BIND-style provider export: auto (default:\n"
    "                      from its header), bind, cloudflare, godaddy, azure, gcloud,\n"
    "                      digitalocean, hetzner or cli53\n"
    "  --ses-identity=FILE JSON of 'aws sesv2 get-email-identity' (or of 'aws ses\n"
    "                      get-identity-*-attributes'; repeatable): report each record SES\n"
    "                      expects that the zone lacks, holds with another value or name\n"
    "  --expect-ns=NS,...  the delegated name servers, or a file of 'dig NS' output:\n"
    "                      report an apex NS set that differs\n"
    "  --config=FILE       settings file (default: .zonelint found from the first file upwards)\n"
    "  --stdin-filename=P  name to show for '-' (and to derive the origin from)\n"
    "  --include-root=DIR  allow $INCLUDE below DIR (default: the zone file's directory)\n"
    "  --no-include        refuse every $INCLUDE\n"
    "  --print-config      show the effective settings and exit\n"
    "  -h, --help          this text;  --version  the version\n"
    "\n"
    "exit status: 0 nothing at or above the fail level, 1 findings (syntax errors\n"
    "included), 2 usage, configuration, I/O or internal error.\n"
    "suppress a finding with '; zonelint: disable=CODE[,slug]' on its line or the line\n"
    "above, or '; zonelint: disable-file=CODE' anywhere in the file.\n";

enum cmd { CMD_CHECK, CMD_PRINT, CMD_RULES, CMD_EXPLAIN };

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
    bool exit_zero, no_include;
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

static int parse_args(struct cli *c, int argc, char **argv, int start)
{
    bool only_files = false;
    for (int i = start; i < argc; i++) {
        const char *a = argv[i], *v;
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            c->files = zl_xrealloc(c->files, (c->nfiles + 1) * sizeof *c->files);
            c->files[c->nfiles++] = argv[i];
            continue;
        }
        if (!strcmp(a, "--")) {
            only_files = true;
        } else if ((v = opt_value(a, "--format", &i, argc, argv))) {
            c->format = v;
        } else if ((v = opt_value(a, "--color", &i, argc, argv))) {
            c->color = v;
        } else if ((v = opt_value(a, "--select", &i, argc, argv))) {
            zl_strlist_add_csv(&c->select, v);
        } else if ((v = opt_value(a, "--ignore", &i, argc, argv))) {
            zl_strlist_add_csv(&c->ignore, v);
        } else if ((v = opt_value(a, "--fail-level", &i, argc, argv))) {
            c->fail_level = v;
        } else if ((v = opt_value(a, "--input-format", &i, argc, argv))) {
            c->input_format = v;
        } else if ((v = opt_value(a, "--dialect", &i, argc, argv))) {
            c->dialect = v;
        } else if ((v = opt_value(a, "--ses-identity", &i, argc, argv))) {
            if (c->nses_identity == sizeof c->ses_identity / sizeof c->ses_identity[0])
                return usage_error("--ses-identity given more than %s times", "8");
            c->ses_identity[c->nses_identity++] = v;
        } else if ((v = opt_value(a, "--expect-ns", &i, argc, argv))) {
            c->expect_ns = v;
        } else if ((v = opt_value(a, "--origin", &i, argc, argv))) {
            c->origin = v;
        } else if ((v = opt_value(a, "--config", &i, argc, argv))) {
            c->config_path = v;
        } else if ((v = opt_value(a, "--stdin-filename", &i, argc, argv))) {
            c->stdin_filename = v;
        } else if ((v = opt_value(a, "--include-root", &i, argc, argv))) {
            c->include_root = v;
        } else if (!strcmp(a, "--no-include")) {
            c->no_include = true;
        } else if (!strcmp(a, "--exit-zero")) {
            c->exit_zero = true;
        } else if (!strcmp(a, "--print-config")) {
            c->print_config = true;
        } else {
            return usage_error("unknown option '%s'", a);
        }
    }
    return 0;
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
    OVERRIDE(include_root, c->include_root)
    OVERRIDE(stdin_filename, c->stdin_filename)
    if (c->origin) {
        OVERRIDE(origin, c->origin)
        free(cfg->origin_from);
        cfg->origin_from = zl_xstrdup("--origin");
    }
#undef OVERRIDE
    return 0;
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
    if (c->input_format && zl_input_format_from_name(c->input_format, out) != 0)
        return usage_error("--input-format must be auto, zone, route53, octodns, gcloud, terraform or tfjson, "
                           "not '%s'",
                           c->input_format);
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
        const char *nc = getenv("NO_COLOR");
        *color = isatty(1) && !(nc && *nc);
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

/* Reads stdin whole (so source lines can be shown later). */
static char *slurp_stdin(size_t *len)
{
    struct zl_buf b = { 0 };
    if (zl_buf_read_stream(&b, stdin, 0) != 0) {
        zl_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return zl_buf_cstr(&b);
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
    } else if (fmt == ZL_INPUT_ROUTE53 || fmt == ZL_INPUT_GCLOUD) {
        snprintf(buf, cap, "from the export (its SOA record's name, else the suffix common to its names)");
    } else if (fmt == ZL_INPUT_OCTODNS) {
        if (zl_fmt_origin_from_filename(file, &n)) {
            char t[ZL_NAME_TEXT_MAX];
            zl_name_to_text(&n, t);
            snprintf(buf, cap, "%s (from the file name, as octoDNS takes it)", t);
        } else {
            snprintf(buf, cap, "none (octoDNS takes the zone from the file name <zone>.yaml; pass --origin)");
        }
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
    printf("\ninclude-root = %s\n", g->include_root ? g->include_root : "(each zone file's directory)");
    printf("no-include = %s\n", g->no_include ? "true" : "false");
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
    struct zl_buf out;
    bool write_error;
    struct zl_reporter *errs;
    unsigned errors;
};

static void print_record(void *user, const struct zl_record *rec)
{
    struct print_state *ps = user;
    zl_print_record(rec, &ps->out);
    if (ps->out.len >= (1u << 16)) {
        if (fwrite(ps->out.data, 1, ps->out.len, stdout) != ps->out.len)
            ps->write_error = true;
        ps->out.len = 0;
    }
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
    po.no_include = c->cfg.no_include;
    po.on_record = print_record;
    po.user = &ps;
    po.sink.emit = print_diag;
    po.sink.user = &ps;
    po.sources = &sources;
    struct zl_parse_result res;
    int rc;
    if (is_stdin) {
        size_t len;
        char *data = slurp_stdin(&len);
        if (!data) {
            fprintf(stderr, "zonelint: %s: read error: %s\n", shown, strerror(errno));
            zl_reporter_finish(ps.errs);
            return 2;
        }
        rc = zl_read_input(NULL, shown, data, len, infmt, &po, &res, NULL);
        free(data);
    } else {
        rc = zl_read_input(file, NULL, NULL, 0, infmt, &po, &res, NULL);
    }
    if (ps.out.len && fwrite(ps.out.data, 1, ps.out.len, stdout) != ps.out.len)
        ps.write_error = true;
    zl_buf_free(&ps.out);
    if (fflush(stdout) != 0)
        ps.write_error = true;
    zl_reporter_finish(ps.errs);
    zl_parse_sources_free(sources);
    if (rc != 0 || res.io_error || ps.write_error)
        return 2;
    return res.errors ? 1 : 0;
}

/* ---- rules / explain ---------------------------------------------------- */

static int cmd_rules(void)
{
    for (unsigned i = 0; i < zl_rule_count; i++) {
        const struct zl_rule *r = &zl_rules[i];
        printf("%-7s %-32s %-8s %s\n", r->code, r->slug, zl_severity_name(r->severity), r->summary);
    }
    return 0;
}

static int cmd_explain(struct cli *c)
{
    if (c->nfiles != 1)
        return usage_error("explain takes one rule code or slug%s", "");
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
        if (zl_ses_expect_load(ses, f, err, sizeof err) != 0) {
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
    lo.no_include = g->no_include;
    lo.disable = (const char *const *)g->disable.v;
    const char *bad;
    if (!zl_selection_valid(&lo.sel, &bad))
        return usage_error("no rule matches '%s' (see 'zonelint rules')", bad);
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
            char *data = slurp_stdin(&len);
            if (!data) {
                fprintf(stderr, "zonelint: <stdin>: read error: %s\n", strerror(errno));
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
    int start = 1;
    if (argc > 1) {
        const char *a = argv[1];
        if (!strcmp(a, "-h") || !strcmp(a, "--help") || !strcmp(a, "help")) {
            fputs(usage_text, stdout);
            return 0;
        }
        if (!strcmp(a, "--version") || !strcmp(a, "version")) {
            printf("zonelint %s\n", ZL_VERSION);
            return 0;
        }
        if (!strcmp(a, "check")) cmd = CMD_CHECK, start = 2;
        else if (!strcmp(a, "print")) cmd = CMD_PRINT, start = 2;
        else if (!strcmp(a, "rules")) cmd = CMD_RULES, start = 2;
        else if (!strcmp(a, "explain")) cmd = CMD_EXPLAIN, start = 2;
    }
    struct cli c;
    memset(&c, 0, sizeof c);
    int rc = parse_args(&c, argc, argv, start);
    if (rc == 0)
        rc = settle_config(&c);
    if (rc == 0) {
        if (c.print_config) {
            print_config(&c);
        } else {
            switch (cmd) {
            case CMD_CHECK: rc = cmd_check(&c); break;
            case CMD_PRINT: rc = cmd_print(&c); break;
            case CMD_RULES: rc = cmd_rules(); break;
            case CMD_EXPLAIN: rc = cmd_explain(&c); break;
            }
        }
    }
    zl_config_free(&c.cfg);
    zl_strlist_free(&c.select);
    zl_strlist_free(&c.ignore);
    free(c.files);
    return rc;
}
