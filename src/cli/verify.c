/* SPDX-License-Identifier: MIT */
/* zonelint verify: the command line (see cmd.h and `zonelint verify --help`).
 *
 * The steps: read what is expected (--zone, --ses-identity), find the
 * delegation at the parent, ask every delegated server address (and the
 * resolver), judge, report through the same reporters and exit codes as
 * `check`. Network trouble that leaves nothing to check (no route, every
 * parent server silent or lame) is exit 2 with one clear line, never a wait
 * beyond --timeout x (1 + --retries) per server tried, and never past
 * --deadline. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cli/config.h"
#include "xcheck/delegation.h"
#include "input/readers.h"
#include "lint/lint.h"
#include "input/parser.h"
#include "report/report.h"
#include "lint/rule.h"
#include "xcheck/ses_identity.h"
#include "verify/ask.h"
#include "cli/verify.h"
#include "verify/deleg.h"
#include "verify/expect.h"
#include "verify/judge.h"
#include "verify/run.h"

static const char verify_usage[] =
    "usage: zonelint verify [options] DOMAIN\n"
    "\n"
    "Asks the servers DOMAIN is delegated to, without recursion, whether they serve\n"
    "what is expected, and reports what differs like `check` does (ZL6xxx rules).\n"
    "\n"
    "what is expected (any of; with none, only the delegation and the servers):\n"
    "  --zone=FILE          every RRset of this zone (any input format zonelint reads)\n"
    "  --records=all|mail   with --zone: every RRset (default), or only DKIM, _amazonses,\n"
    "                       SPF, DMARC and the SES MAIL FROM records\n"
    "  --ses-identity=FILE  the records SES looks up (aws sesv2 get-email-identity JSON;\n"
    "                       repeatable)\n"
    "  --expect-ns=NS,...   the name servers the registrar should delegate to (or a file)\n"
    "  --input-format=FMT, --dialect=NAME   how to read --zone (as for check)\n"
    "\n"
    "where to ask:\n"
    "  --parent=ADDR[:PORT][,...]  the parent zone's servers (default: walk down from the\n"
    "                       root servers)\n"
    "  --root=ADDR[:PORT][,...]    start the walk at these servers (a private root)\n"
    "  --resolver=ADDR[:PORT]      also ask this recursive resolver (what SES may see)\n"
    "  --port=N             the port of every query (default 53)\n"
    "  -4, -6               only IPv4, only IPv6 addresses\n"
    "\n"
    "bounds:\n"
    "  --timeout=SECONDS    per attempt (default 2; fractions allowed)\n"
    "  --retries=N          more attempts after a timeout (default 2)\n"
    "  --deadline=SECONDS   for the whole run (default 60)\n"
    "  --rate=N             queries per second per server (default 20)\n"
    "  --jobs=N             servers asked at the same time (default 8)\n"
    "\n"
    "output (as for check): --format, --color, --select, --ignore, --fail-level,\n"
    "  --exit-zero; -v traces every query on stderr\n"
    "\n"
    "exit status: 0 nothing at or above the fail level, 1 findings, 2 usage or I/O\n"
    "error, or no usable answer from the parent zone's servers (no network).\n"
    "verify does not read .zonelint: check stays the offline step, verify runs after\n"
    "the deploy.\n";

struct vcli {
    const char *domain;
    const char *zone, *input_format, *dialect, *records, *expect_ns;
    const char *ses[8];
    size_t nses;
    struct zl_vaddr parents[16], roots[16], resolver;
    size_t nparents, nroots;
    const char *parents_arg, *roots_arg;
    bool have_resolver;
    const char *resolver_arg;
    unsigned port;
    double timeout, deadline;
    unsigned retries, rate, jobs;
    int families;
    const char *format, *color, *fail_level;
    struct zl_strlist select, ignore;
    bool exit_zero, verbose;
};

static int usage_error(const char *fmt, const char *arg)
{
    fputs("zonelint verify: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\ntry 'zonelint verify --help'\n", stderr);
    return 2;
}

static const char *opt_value(const char *arg, const char *name, int *i, int argc, char **argv)
{
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0)
        return NULL;
    if (arg[n] == '=')
        return arg + n + 1;
    if (arg[n] == '\0')
        return *i + 1 < argc ? argv[++*i] : "";
    return NULL;
}

static int parse_uint(const char *s, unsigned max, unsigned *out)
{
    char *end;
    if (!*s || *s == '-' || *s == '+')
        return -1;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end || v > max)
        return -1;
    *out = (unsigned)v;
    return 0;
}

static int parse_seconds(const char *s, double min, double max, double *out)
{
    char *end;
    if (!*s || *s == '-' || *s == '+')
        return -1;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || !(v >= min && v <= max))
        return -1;
    *out = v;
    return 0;
}

/* "a,b,c" of addresses into v (port 0: --port, filled in later). */
static int parse_addrs(const char *csv, struct zl_vaddr *v, size_t cap, size_t *n, const char *opt)
{
    char buf[1024];
    if (strlen(csv) >= sizeof buf || !*csv)
        return usage_error("%s needs ADDR[:PORT][,...]", opt);
    strcpy(buf, csv);
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (*n == cap)
            return usage_error("%s: too many addresses", opt);
        if (zl_vaddr_parse(tok, 0, &v[*n]) != 0) {
            fprintf(stderr, "zonelint verify: %s: '%s' is not an IPv4 or IPv6 address (ADDR, ADDR:PORT or "
                            "[V6]:PORT)\n",
                    opt, tok);
            return 2;
        }
        (*n)++;
    }
    return 0;
}

static int parse_args(struct vcli *c, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (a[0] != '-' || !strcmp(a, "-")) {
            if (c->domain)
                return usage_error("one DOMAIN only (got '%s' too)", a);
            c->domain = a;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(verify_usage, stdout);
            return -1;
        } else if (!strcmp(a, "-4")) {
            c->families = ZL_VFAMILY_V4;
        } else if (!strcmp(a, "-6")) {
            c->families = ZL_VFAMILY_V6;
        } else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            c->verbose = true;
        } else if (!strcmp(a, "--exit-zero")) {
            c->exit_zero = true;
        } else if ((v = opt_value(a, "--zone", &i, argc, argv))) {
            c->zone = v;
        } else if ((v = opt_value(a, "--records", &i, argc, argv))) {
            c->records = v;
        } else if ((v = opt_value(a, "--input-format", &i, argc, argv))) {
            c->input_format = v;
        } else if ((v = opt_value(a, "--dialect", &i, argc, argv))) {
            c->dialect = v;
        } else if ((v = opt_value(a, "--ses-identity", &i, argc, argv))) {
            if (c->nses == sizeof c->ses / sizeof c->ses[0])
                return usage_error("--ses-identity given more than %s times", "8");
            if (!*v)
                return usage_error("--ses-identity needs a file%s", "");
            c->ses[c->nses++] = v;
        } else if ((v = opt_value(a, "--expect-ns", &i, argc, argv))) {
            if (!*v)
                return usage_error("--expect-ns needs a list of name servers or a file%s", "");
            c->expect_ns = v;
        } else if ((v = opt_value(a, "--parent", &i, argc, argv))) {
            if (parse_addrs(v, c->parents, 16, &c->nparents, "--parent"))
                return 2;
        } else if ((v = opt_value(a, "--root", &i, argc, argv))) {
            if (parse_addrs(v, c->roots, 16, &c->nroots, "--root"))
                return 2;
        } else if ((v = opt_value(a, "--resolver", &i, argc, argv))) {
            size_t n = 0;
            if (parse_addrs(v, &c->resolver, 1, &n, "--resolver"))
                return 2;
            c->have_resolver = true;
        } else if ((v = opt_value(a, "--port", &i, argc, argv))) {
            if (parse_uint(v, 65535, &c->port) || !c->port)
                return usage_error("--port must be 1-65535, not '%s'", v);
        } else if ((v = opt_value(a, "--timeout", &i, argc, argv))) {
            if (parse_seconds(v, 0.01, 60, &c->timeout))
                return usage_error("--timeout must be 0.01-60 seconds, not '%s'", v);
        } else if ((v = opt_value(a, "--deadline", &i, argc, argv))) {
            if (parse_seconds(v, 0.1, 3600, &c->deadline))
                return usage_error("--deadline must be 0.1-3600 seconds, not '%s'", v);
        } else if ((v = opt_value(a, "--retries", &i, argc, argv))) {
            if (parse_uint(v, 10, &c->retries))
                return usage_error("--retries must be 0-10, not '%s'", v);
        } else if ((v = opt_value(a, "--rate", &i, argc, argv))) {
            if (parse_uint(v, 1000, &c->rate) || !c->rate)
                return usage_error("--rate must be 1-1000 queries a second, not '%s'", v);
        } else if ((v = opt_value(a, "--jobs", &i, argc, argv))) {
            if (parse_uint(v, 64, &c->jobs) || !c->jobs)
                return usage_error("--jobs must be 1-64, not '%s'", v);
        } else if ((v = opt_value(a, "--format", &i, argc, argv))) {
            c->format = v;
        } else if ((v = opt_value(a, "--color", &i, argc, argv))) {
            c->color = v;
        } else if ((v = opt_value(a, "--fail-level", &i, argc, argv))) {
            c->fail_level = v;
        } else if ((v = opt_value(a, "--select", &i, argc, argv))) {
            zl_strlist_add_csv(&c->select, v);
        } else if ((v = opt_value(a, "--ignore", &i, argc, argv))) {
            zl_strlist_add_csv(&c->ignore, v);
        } else {
            return usage_error("unknown option '%s'", a);
        }
    }
    if (!c->domain)
        return usage_error("no DOMAIN given%s", "");
    return 0;
}

static bool parse_domain(const char *text, struct zl_name *out)
{
    size_t n = strlen(text);
    char buf[1100];
    if (n == 0 || n + 2 > sizeof buf)
        return false;
    memcpy(buf, text, n);
    if (buf[n - 1] != '.' || (n >= 2 && buf[n - 2] == '\\'))
        buf[n++] = '.';
    return zl_name_from_text(out, buf, n, NULL, NULL) == ZL_NAME_OK && out->nlabels > 0;
}

/* As for check: github under GitHub Actions, text on a terminal, gcc otherwise. */
static int pick_format(const char *name, enum zl_format *fmt)
{
    if (!name || !strcasecmp(name, "auto")) {
        const char *gh = getenv("GITHUB_ACTIONS");
        *fmt = gh && !strcmp(gh, "true") ? ZL_FMT_GITHUB : isatty(1) ? ZL_FMT_TEXT : ZL_FMT_GCC;
        return 0;
    }
    return zl_format_from_name(name, fmt);
}

static int pick_color(const char *when, bool *color)
{
    if (!when || !strcasecmp(when, "auto")) {
        const char *nc = getenv("NO_COLOR");
        *color = isatty(1) && !(nc && *nc);
    } else if (!strcasecmp(when, "always")) {
        *color = true;
    } else if (!strcasecmp(when, "never")) {
        *color = false;
    } else {
        return -1;
    }
    return 0;
}

struct parse_sink {
    struct zl_diags *d;
    const struct zl_selection *sel;
};

static void keep_diag(void *user, struct zl_diag *d)
{
    struct parse_sink *s = user;
    const struct zl_rule *r = zl_rule_find(d->code);
    if (r && !zl_selection_selects(s->sel, r)) {
        zl_diag_free(d);
        return;
    }
    struct zl_diags *o = s->d;
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 16;
        o->v = zl_xrealloc(o->v, o->cap * sizeof *o->v);
    }
    o->v[o->n++] = *d;
    memset(d, 0, sizeof *d);
}

static void fill_ports(struct zl_vaddr *v, size_t n, uint16_t port)
{
    for (size_t i = 0; i < n; i++)
        if (!v[i].port)
            v[i].port = port;
}

struct state {
    struct vcli c;
    struct zl_ses_expect ses;
    struct zl_delegation dl;
    struct zl_vexpects x;
    struct zl_vrun run;
    struct zl_diags diags;
    struct zl_source *sources;
};

static void state_free(struct state *s)
{
    zl_vrun_free(&s->run);
    zl_vexpects_free(&s->x);
    zl_diags_free(&s->diags);
    zl_parse_sources_free(s->sources);
    zl_ses_expect_free(&s->ses);
    zl_delegation_free(&s->dl);
    zl_strlist_free(&s->c.select);
    zl_strlist_free(&s->c.ignore);
}

static int report(struct state *s, enum zl_format fmt, bool color, enum zl_severity fail, bool *failing)
{
    char cwd[PATH_MAX];
    struct zl_report_opts ro = { color, getcwd(cwd, sizeof cwd) ? cwd : NULL };
    struct zl_reporter *rep = zl_reporter_new(fmt, stdout, &ro);
    zl_vdiags_sort(&s->diags);
    *failing = false;
    int status = 0;
    for (size_t i = 0; i < s->diags.n; i++) {
        if (!strcmp(s->diags.v[i].code, "ZL1000"))
            status = 2;
        else if (s->diags.v[i].severity >= fail)
            *failing = true;
        zl_reporter_add(rep, &s->diags.v[i]);
    }
    if (zl_reporter_finish(rep) != 0)
        status = 2;
    return status;
}

static int run(struct state *s)
{
    struct vcli *c = &s->c;
    struct zl_name domain;
    if (!parse_domain(c->domain, &domain))
        return usage_error("'%s' is not a valid domain name", c->domain);
    enum zl_format fmt;
    if (pick_format(c->format, &fmt) != 0)
        return usage_error("--format must be text, gcc, json, sarif, github or auto, not '%s'", c->format);
    bool color;
    if (pick_color(c->color, &color) != 0)
        return usage_error("--color must be auto, always or never, not '%s'", c->color);
    enum zl_severity fail = ZL_SEV_WARNING;
    if (c->fail_level && zl_severity_from_name(c->fail_level, &fail) != 0)
        return usage_error("--fail-level must be error, warning or info, not '%s'", c->fail_level);
    struct zl_selection sel = { c->select.v, c->select.n, c->ignore.v, c->ignore.n };
    const char *bad;
    if (!zl_selection_valid(&sel, &bad))
        return usage_error("no rule matches '%s' (see 'zonelint rules')", bad);
    enum zl_input_format infmt = ZL_INPUT_AUTO;
    if (c->input_format && zl_input_format_from_name(c->input_format, &infmt) != 0)
    {
        char names[256], msg[512];
        snprintf(msg, sizeof msg, "--input-format must be %s, not '%s'", zl_input_format_names(names, sizeof names),
                 c->input_format);
        return usage_error("%s", msg);
    }
    enum zl_dialect dialect = ZL_DIALECT_AUTO;
    if (c->dialect && zl_dialect_from_name(c->dialect, &dialect) != 0)
        return usage_error("--dialect must be one of %s", zl_dialect_names());
    enum zl_vrecords records = ZL_VREC_ALL;
    if (c->records && !strcasecmp(c->records, "mail"))
        records = ZL_VREC_MAIL;
    else if (c->records && strcasecmp(c->records, "all"))
        return usage_error("--records must be all or mail, not '%s'", c->records);
    if (c->records && !c->zone)
        return usage_error("--records needs --zone (with --ses-identity alone, SES's records are the ones "
                           "checked)%s",
                           "");

    char err[1024];
    for (size_t i = 0; i < c->nses; i++)
        if (zl_ses_expect_load(&s->ses, c->ses[i], err, sizeof err) != 0) {
            fprintf(stderr, "zonelint verify: --ses-identity: %s\n", err);
            return 2;
        }
    if (c->expect_ns && zl_delegation_load(&s->dl, c->expect_ns, err, sizeof err) != 0) {
        fprintf(stderr, "zonelint verify: --expect-ns: %s\n", err);
        return 2;
    }

    /* what is expected */
    struct parse_sink ps = { &s->diags, &sel };
    struct zl_vexpect_opts eo;
    memset(&eo, 0, sizeof eo);
    eo.domain = &domain;
    eo.zone_path = c->zone;
    eo.input_format = (int)infmt;
    eo.dialect = dialect;
    eo.records = records;
    eo.ses = s->ses.n ? &s->ses : NULL;
    eo.ses_paths = c->ses;
    eo.nses_paths = c->nses;
    eo.sources = &s->sources;
    eo.sink.emit = keep_diag;
    eo.sink.user = &ps;
    bool failing;
    if (zl_vexpect_build(&eo, &s->x, err, sizeof err) != 0) {
        if (err[0])
            fprintf(stderr, "zonelint verify: %s\n", err);
        report(s, fmt, color, fail, &failing);
        return 2;
    }

    /* where to ask, and the bounds */
    uint16_t port = (uint16_t)(c->port ? c->port : 53);
    fill_ports(c->parents, c->nparents, port);
    fill_ports(c->roots, c->nroots, port);
    fill_ports(&c->resolver, c->have_resolver, port);
    struct zl_vrun *r = &s->run;
    r->domain = domain;
    r->port = port;
    r->x = &s->x;
    r->lim.timeout_ms = (unsigned)lround((c->timeout > 0 ? c->timeout : 2.0) * 1000);
    r->lim.retries = c->retries;
    r->lim.rate = c->rate ? c->rate : 20;
    r->lim.jobs = c->jobs ? c->jobs : 8;
    r->lim.deadline_total_ms = (unsigned)llround((c->deadline > 0 ? c->deadline : 60.0) * 1000);
    r->lim.deadline_ms = zl_vnow_ms() + r->lim.deadline_total_ms;
    pthread_mutex_t trace_lock = PTHREAD_MUTEX_INITIALIZER;
    if (c->verbose) {
        r->lim.trace = stderr;
        r->lim.trace_lock = &trace_lock;
    }
    r->have_resolver = c->have_resolver;
    r->resolver = c->resolver;
    if (c->have_resolver && c->families &&
        !((c->families & ZL_VFAMILY_V4) ? c->resolver.family == AF_INET : c->resolver.family == AF_INET6))
        return usage_error("--resolver is excluded by -4/-6%s", "");

    struct zl_vdeleg_opts dopt = { c->nparents ? c->parents : NULL, c->nparents, c->nroots ? c->roots : NULL,
                                   c->nroots, c->families };
    uint64_t t0 = zl_vnow_ms();
    if (zl_vdeleg_find(r, &dopt, err, sizeof err) != 0) {
        report(s, fmt, color, fail, &failing);
        fprintf(stderr, "zonelint verify: %s\n", err);
        return 2;
    }
    if (r->kind == ZL_VDL_NODATA && r->have_enclosing && !c->zone) {
        /* an SES identity for a subdomain without a zone of its own: its
         * records are the enclosing zone's, on that zone's servers */
        char a[ZL_NAME_TEXT_MAX], b[ZL_NAME_TEXT_MAX];
        fprintf(stderr, "zonelint verify: '%s' is not a zone of its own; its records are in the zone '%s', whose "
                        "servers are checked\n",
                (zl_name_to_text(&r->domain, a), a), (zl_name_to_text(&r->enclosing, b), b));
        r->domain = r->enclosing;
        zl_vrun_reset_delegation(r);
        if (zl_vdeleg_find(r, &dopt, err, sizeof err) != 0) {
            report(s, fmt, color, fail, &failing);
            fprintf(stderr, "zonelint verify: %s\n", err);
            return 2;
        }
    }
    zl_vask_all(r);
    struct zl_vjudge_opts jo = { &sel, s->dl.n ? &s->dl : NULL };
    zl_vjudge(r, &jo, &s->diags);
    if (c->verbose)
        fprintf(stderr, "zonelint: verify %s: %zu server%s, %zu address%s, %zu expected RRset%s, %llu ms\n",
                c->domain, r->nservers, r->nservers == 1 ? "" : "s", r->ntargets, r->ntargets == 1 ? "" : "es",
                s->x.n, s->x.n == 1 ? "" : "s", (unsigned long long)(zl_vnow_ms() - t0));
    int status = report(s, fmt, color, fail, &failing);
    if (status)
        return status;
    return failing && !c->exit_zero ? 1 : 0;
}

int zl_verify_main(int argc, char **argv)
{
    /* a TCP peer that closes early must be an error, not the end of us */
    signal(SIGPIPE, SIG_IGN);
    struct state s;
    memset(&s, 0, sizeof s);
    int rc = parse_args(&s.c, argc, argv);
    if (rc == 0)
        rc = run(&s);
    else if (rc < 0)
        rc = 0; /* --help */
    state_free(&s);
    return rc;
}
