/* SPDX-License-Identifier: MIT */
/* zonelint [check]: the run.
 *
 *   1. the arguments, directories walked (walk.h), each file once, sorted
 *      by path (the output does not depend on the arguments' order);
 *   2. each file's settings (settings.h): its own .zonelint;
 *   3. each file linted; a file that another file of the run $INCLUDEs is
 *      linted through that file only (its findings alone would lack the
 *      origin and the rest of the zone);
 *   4. --fix/--diff: fix-its applied and the file linted again, until
 *      nothing more applies (fix.h); then written, or shown as a diff;
 *   5. --baseline drops what the baseline records; --write-baseline and
 *      --add-suppressions record what is left;
 *   6. the report, then (text output) a summary on stderr.
 * Nothing is printed before every file is read, so an error in step 2
 * stops the run before any output. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/codes.h"
#include "cli/baseline.h"
#include "cli/cli.h"
#include "cli/fix.h"
#include "cli/settings.h"
#include "cli/suppress_add.h"
#include "cli/walk.h"
#include "input/confine.h"
#include "input/exports/emit.h"
#include "input/named_conf.h"
#include "input/readers.h"
#include "input/terraform/tf_detect.h"
#include "lint/lint.h"
#include "report/print.h"
#include "report/report.h"
#include "report/report_impl.h"

#define FIX_ROUNDS 10

struct item {
    char *arg;                 /* as written, or as the walk found it */
    bool is_stdin;
    struct zl_settings st;
    struct zl_diags ds;        /* the findings to report */
    char *real;                /* resolved path (NULL: stdin, or it cannot be resolved) */
    struct zl_root repo;       /* the repository it is in: what --fix may change */
    bool included;             /* another file of the run $INCLUDEs it */
    int rc;
    char *data;                /* stdin's text */
    size_t len;
};

struct run {
    struct cli *c;
    struct item *v;
    size_t n;
    struct zl_source *sources;
    char **included;           /* resolved paths that files of the run $INCLUDE */
    size_t nincluded;
    bool stdin_too_big;
};

int zl_cli_usage_error(const char *fmt, const char *arg)
{
    fputs("zonelint: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\ntry 'zonelint --help'\n", stderr);
    return 2;
}

/* ---- output choices ------------------------------------------------------------------ */

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

/* ---- stdin ------------------------------------------------------------------------------ */

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

/* ---- linting ------------------------------------------------------------------------------ */

static const char *stdin_name(const struct cli *c)
{
    return c->stdin_filename ? c->stdin_filename : "<stdin>";
}

static int lint_item(struct run *r, struct item *it, struct zl_fixer *fx, struct zl_diags *out)
{
    struct zl_name origin;
    struct zl_lint_opts lo;
    zl_settings_lint_opts(&it->st, r->c, &origin, &lo);
    lo.overlay = fx ? zl_fixer_overlay(fx) : NULL;
    struct zl_source *before = r->sources;
    int rc;
    if (it->is_stdin) {
        size_t len = it->len;
        const char *text = fx ? zl_fixer_stdin_text(fx, &len) : NULL;
        rc = zl_lint_buffer(text ? text : it->data, text ? len : it->len, stdin_name(r->c), &lo, &r->sources, out);
    } else {
        rc = zl_lint_file(it->arg, NULL, &lo, &r->sources, out);
    }
    /* what it $INCLUDEs: those files are not linted alone */
    for (const struct zl_source *s = r->sources; s && s != before; s = s->next) {
        if (!s->parent || !s->realpath)
            continue;
        bool known = false;
        for (size_t i = 0; i < r->nincluded && !known; i++)
            known = !strcmp(r->included[i], s->realpath);
        if (!known) {
            r->included = zl_xrealloc(r->included, (r->nincluded + 1) * sizeof *r->included);
            r->included[r->nincluded++] = zl_xstrdup(s->realpath);
        }
    }
    return rc;
}

static bool is_included(const struct run *r, const struct item *it)
{
    for (size_t i = 0; it->real && i < r->nincluded; i++)
        if (!strcmp(r->included[i], it->real))
            return true;
    return false;
}

static void replace_diags(struct item *it, struct zl_diags *fresh)
{
    zl_diags_free(&it->ds);
    it->ds = *fresh;
    memset(fresh, 0, sizeof *fresh);
}

/* --fix/--diff on one file: rounds until nothing more applies. */
static size_t fix_item(struct run *r, struct item *it, struct zl_fixer *fx)
{
    size_t fixed = 0;
    for (unsigned round = 0; round < FIX_ROUNDS; round++) {
        bool any = false;
        for (size_t i = 0; i < it->ds.n && !any; i++)
            any = zl_fixer_wants(fx, &it->ds.v[i]);
        if (!any)
            break;
        size_t n = zl_fixer_apply(fx, &it->ds, &it->repo);
        if (!n)
            break;
        fixed += n;
        struct zl_diags fresh = { 0 };
        it->rc = lint_item(r, it, fx, &fresh);
        replace_diags(it, &fresh);
        if (round + 1 == FIX_ROUNDS)
            fprintf(stderr, "zonelint: %s: the fixes did not settle after %u rounds; look at what is left\n",
                    it->arg, FIX_ROUNDS);
    }
    return fixed;
}

/* ---- the summary ------------------------------------------------------------------------- */

struct tally {
    unsigned long sev[3];
    unsigned long files_with, files;
    unsigned long safe, unsafe;  /* findings with a fix-it of that safety */
    unsigned long baselined;
};

static void count(struct tally *t, const struct item *it)
{
    bool any = false;
    for (size_t i = 0; i < it->ds.n; i++) {
        const struct zl_diag *d = &it->ds.v[i];
        t->sev[d->severity <= ZL_SEV_ERROR ? d->severity : ZL_SEV_ERROR]++;
        any = true;
        if (d->fix && d->fix->span.line)
            d->fix->safety == ZL_FIX_SAFE ? t->safe++ : t->unsafe++;
    }
    t->files++;
    t->files_with += any;
}

static void plural(struct zl_buf *b, unsigned long n, const char *one, const char *many)
{
    zl_buf_printf(b, "%lu %s", n, n == 1 ? one : many);
}

static void print_summary(const struct run *r, const struct tally *t, size_t fixed, bool fixing)
{
    const struct cli *c = r->c;
    struct zl_buf b = { 0 };
    unsigned long total = t->sev[0] + t->sev[1] + t->sev[2];
    if (fixing) {
        zl_buf_printf(&b, "%lu %s, %lu remaining", (unsigned long)fixed,
                      c->diff ? (fixed == 1 ? "fix shown" : "fixes shown") : "fixed", total);
        if (t->unsafe && !c->unsafe_fixes)
            zl_buf_printf(&b, " (%lu fixable with --unsafe-fixes)", t->unsafe);
    } else if (!total) {
        zl_buf_printf(&b, "no %sfindings in ", t->baselined ? "new " : "");
        plural(&b, t->files, "file", "files");
    } else {
        const char *names[3][2] = { { "info", "infos" }, { "warning", "warnings" }, { "error", "errors" } };
        int parts = 0;
        for (int s = 2; s >= 0; s--)
            parts += t->sev[s] > 0;
        int k = 0;
        for (int s = 2; s >= 0; s--) {
            if (!t->sev[s])
                continue;
            if (k)
                zl_buf_puts(&b, k + 1 == parts ? " and " : ", ");
            plural(&b, t->sev[s], names[s][0], names[s][1]);
            k++;
        }
        if (t->files_with == t->files) {
            zl_buf_puts(&b, " in ");
            plural(&b, t->files, "file", "files");
        } else {
            zl_buf_printf(&b, " in %lu of %lu files", t->files_with, t->files);
        }
        if (t->safe)
            zl_buf_printf(&b, "; %lu fixable with --fix", t->safe);
        if (t->unsafe)
            zl_buf_printf(&b, t->safe ? " (%lu more with --unsafe-fixes)" : "; %lu fixable with --unsafe-fixes",
                          t->unsafe);
    }
    if (t->baselined && total)
        zl_buf_printf(&b, "; %lu more in the baseline", t->baselined);
    else if (t->baselined)
        zl_buf_printf(&b, " (%lu in the baseline)", t->baselined);
    fprintf(stderr, "%s\n", zl_buf_cstr(&b));
    zl_buf_free(&b);
}

/* --statistics: one line per rule, most frequent first. */
struct stat_row {
    const char *code, *slug;
    unsigned long n;
    bool fixable;
};

static int by_count(const void *a, const void *b)
{
    const struct stat_row *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return strcmp(x->code, y->code);
}

static int print_statistics(const struct run *r, const struct zl_diags *extra, bool json)
{
    struct stat_row *rows = NULL;
    size_t nrows = 0;
    for (size_t i = 0; i <= r->n; i++) {
        const struct zl_diags *ds = i < r->n ? &r->v[i].ds : extra;
        if (i < r->n && r->v[i].included)
            continue;
        for (size_t k = 0; k < ds->n; k++) {
            const struct zl_diag *d = &ds->v[k];
            size_t j = 0;
            while (j < nrows && strcmp(rows[j].code, d->code))
                j++;
            if (j == nrows) {
                rows = zl_xrealloc(rows, (nrows + 1) * sizeof *rows);
                rows[nrows++] = (struct stat_row){ d->code, d->slug, 0, false };
            }
            rows[j].n++;
            rows[j].fixable |= d->fix && d->fix->safety == ZL_FIX_SAFE;
        }
    }
    if (nrows)
        qsort(rows, nrows, sizeof *rows, by_count);
    struct zl_buf b = { 0 };
    if (json) {
        struct zl_jw w = { .b = &b, .pretty = 1 };
        zl_jw_arr(&w);
        for (size_t i = 0; i < nrows; i++) {
            zl_jw_obj(&w);
            zl_jw_key(&w, "code");
            zl_jw_str(&w, rows[i].code);
            zl_jw_key(&w, "rule");
            zl_jw_str(&w, rows[i].slug);
            zl_jw_key(&w, "count");
            zl_jw_uint(&w, rows[i].n);
            zl_jw_key(&w, "fixable");
            zl_jw_raw(&w, rows[i].fixable ? "true" : "false", rows[i].fixable ? 4 : 5);
            zl_jw_obj_end(&w);
        }
        zl_jw_arr_end(&w);
        zl_buf_putc(&b, '\n');
    } else {
        for (size_t i = 0; i < nrows; i++) {
            if (rows[i].fixable)
                zl_buf_printf(&b, "%6lu  %-7s %-32s [*] fixable with --fix\n", rows[i].n, rows[i].code, rows[i].slug);
            else
                zl_buf_printf(&b, "%6lu  %-7s %s\n", rows[i].n, rows[i].code, rows[i].slug);
        }
    }
    int rc = fwrite(b.data ? (const char *)b.data : "", 1, b.len, stdout) == b.len && fflush(stdout) == 0 ? 0 : 2;
    zl_buf_free(&b);
    free(rows);
    return rc;
}

/* ---- the run ------------------------------------------------------------------------------ */

static void free_run(struct run *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->v[i].arg);
        free(r->v[i].real);
        free(r->v[i].data);
        zl_settings_free(&r->v[i].st);
        zl_diags_free(&r->v[i].ds);
    }
    free(r->v);
    for (size_t i = 0; i < r->nincluded; i++)
        free(r->included[i]);
    free(r->included);
    zl_parse_sources_free(r->sources);
}

/* Report order: standard input first, then the files by path, so that the
 * output does not depend on the order of the arguments either. */
static int by_path(const void *a, const void *b)
{
    const struct item *x = a, *y = b;
    if (x->is_stdin != y->is_stdin)
        return x->is_stdin ? -1 : 1;
    return strcmp(x->arg, y->arg);
}

/* The files of the run, each once (by resolved path), sorted. */
/* A reader that reads a file's whole directory (a Terraform module) reads
 * it once, however many of its files are named or walked (pre-commit names
 * every changed one): the directory of such a file, resolved, or NULL. */
static char *module_dir(const char *file, enum zl_input_format requested)
{
    int fmt = zl_input_format_of_file(file, requested);
    if (fmt < 0 || !(zl_reader_of((enum zl_input_format)fmt)->caps & ZL_READS_MODULE))
        return NULL;
    char real[PATH_MAX];
    if (!realpath(file, real))
        return NULL;
    struct stat st;
    if (stat(real, &st) == 0 && !S_ISDIR(st.st_mode)) {
        if (!zl_tf_name_is_module_file(real))
            return NULL; /* Terraform by its content only: read alone (tf_read.c) */
        char *slash = strrchr(real, '/');
        if (slash)
            *(slash == real ? slash + 1 : slash) = '\0';
    }
    return zl_xstrdup(real);
}

static int plan(struct run *r, struct zl_settings_cache *cache)
{
    struct cli *c = r->c;
    struct zl_strlist files = { 0 }, modules = { 0 };
    int rc = zl_walk_args(c->files, c->nfiles, &c->exclude, &files);
    for (size_t i = 0; rc == 0 && i < files.n; i++) {
        char real[PATH_MAX];
        bool is_stdin = !strcmp(files.v[i], "-");
        bool resolved = !is_stdin && realpath(files.v[i], real);
        bool dup = false;
        for (size_t k = 0; resolved && k < r->n && !dup; k++)
            dup = r->v[k].real && !strcmp(r->v[k].real, real);
        char *mod = is_stdin || dup ? NULL : module_dir(files.v[i], ZL_INPUT_AUTO);
        for (size_t k = 0; mod && k < modules.n && !dup; k++)
            dup = !strcmp(modules.v[k], mod); /* its module is read with an earlier file */
        if (mod && !dup)
            zl_strlist_add(&modules, mod);
        free(mod);
        if (dup)
            continue;
        r->v = zl_xrealloc(r->v, (r->n + 1) * sizeof *r->v);
        struct item *it = &r->v[r->n++];
        memset(it, 0, sizeof *it);
        it->arg = zl_xstrdup(files.v[i]);
        it->is_stdin = is_stdin;
        it->real = resolved ? zl_xstrdup(real) : NULL;
        zl_root_default(is_stdin ? "-" : it->arg, &it->repo);
        rc = zl_settings_for(cache, it->arg, &it->st);
    }
    zl_strlist_free(&files);
    zl_strlist_free(&modules);
    if (rc == 0 && r->n > 1)
        qsort(r->v, r->n, sizeof *r->v, by_path);
    return rc;
}

static bool item_failing(const struct item *it, int *status)
{
    bool failing = false;
    if (it->rc != 0)
        *status = 2;
    for (size_t k = 0; k < it->ds.n; k++) {
        if (it->ds.v[k].rule == ZL_RULE_ZL1000)
            *status = 2; /* the file could not be read */
        else if (it->ds.v[k].severity >= it->st.fail_level)
            failing = true;
    }
    return failing && !it->st.exit_zero;
}

int zl_cmd_check(struct cli *c)
{
    if (c->nfiles == 0)
        return zl_cli_usage_error("no input files (name files or directories, or '-' for stdin)%s", "");
    if (c->add_suppressions && (c->fix || c->diff))
        return zl_cli_usage_error("--add-suppressions cannot be combined with --fix or --diff%s", "");
    if (c->unsafe_fixes && !c->fix && !c->diff)
        c->fix = true; /* --unsafe-fixes alone: as ruff, it means --fix --unsafe-fixes */
    bool fixing = c->fix || c->diff;
    struct zl_settings_cache *cache = zl_settings_cache_new(c);
    const struct zl_config *runcfg;
    int status = zl_settings_run_config(cache, &runcfg);
    if (status) {
        zl_settings_cache_free(cache);
        return status;
    }
    const char *fname = c->format ? c->format : runcfg ? runcfg->format : NULL;
    const char *cname = c->color ? c->color : runcfg ? runcfg->color : NULL;
    enum zl_format fmt;
    bool color;
    if (resolve_format(fname, &fmt) != 0) {
        zl_settings_cache_free(cache);
        return zl_cli_usage_error("--format must be text, gcc, json, sarif, github or auto, not '%s'", fname);
    }
    if (resolve_color(cname, &color) != 0) {
        zl_settings_cache_free(cache);
        return zl_cli_usage_error("--color must be auto, always or never, not '%s'", cname);
    }
    struct zl_baseline *baseline = NULL;
    if (c->baseline && !(baseline = zl_baseline_load(c->baseline))) {
        zl_settings_cache_free(cache);
        return 2;
    }

    struct run r = { c, NULL, 0, NULL, NULL, 0, false };
    status = plan(&r, cache);
    /* lint: files that another file includes are linted through it */
    for (size_t i = 0; status == 0 && i < r.n; i++) {
        struct item *it = &r.v[i];
        if (is_included(&r, it)) {
            it->included = true;
            continue;
        }
        if (it->is_stdin) {
            it->data = slurp_stdin(&it->len, c->max_input_size, &r.stdin_too_big);
            if (!it->data) {
                stdin_error(stdin_name(c), r.stdin_too_big, c->max_input_size);
                it->rc = -1;
                continue;
            }
        }
        it->rc = lint_item(&r, it, NULL, &it->ds);
    }
    for (size_t i = 0; status == 0 && i < r.n; i++)
        if (!r.v[i].included && is_included(&r, &r.v[i])) {
            r.v[i].included = true;
            zl_diags_free(&r.v[i].ds);
        }

    /* fixes */
    size_t fixed = 0;
    struct zl_fixer *fx = fixing && status == 0 ? zl_fixer_new(c->unsafe_fixes, !c->diff) : NULL;
    for (size_t i = 0; fx && i < r.n; i++)
        if (!r.v[i].included && r.v[i].rc == 0)
            fixed += fix_item(&r, &r.v[i], fx);
    if (fx) {
        int wrc = c->diff ? zl_fixer_print_diff(fx, stdout) : zl_fixer_write(fx, stderr);
        if (wrc != 0)
            status = 2;
    }

    /* the baseline: what it records is not reported; what it lacks now, once */
    struct tally t = { 0 };
    struct zl_diags extra = { 0 };
    if (baseline && status == 0) {
        for (size_t i = 0; i < r.n; i++)
            if (!r.v[i].included)
                t.baselined += zl_baseline_filter(baseline, &r.v[i].ds);
        char **linted = zl_xmalloc((r.n ? r.n : 1) * sizeof *linted);
        size_t nl = 0;
        for (size_t i = 0; i < r.n; i++)
            if (!r.v[i].included && !r.v[i].is_stdin)
                linted[nl++] = r.v[i].arg;
        zl_baseline_stale(baseline, linted, nl, &r.sources, &extra);
        free(linted);
    }

    bool recording = c->write_baseline || c->add_suppressions;
    if (status == 0 && c->write_baseline) {
        struct zl_baseline_writer *w = zl_baseline_writer_new(c->write_baseline);
        for (size_t i = 0; i < r.n; i++)
            for (size_t k = 0; !r.v[i].included && k < r.v[i].ds.n; k++)
                zl_baseline_writer_add(w, &r.v[i].ds.v[k]);
        long n = zl_baseline_writer_finish(w);
        if (n < 0)
            status = 2;
        else
            fprintf(stderr, "zonelint: %s: %ld finding%s recorded\n", c->write_baseline, n, n == 1 ? "" : "s");
    }
    if (status == 0 && c->add_suppressions) {
        struct zl_suppress_adder *a = zl_suppress_adder_new();
        for (size_t i = 0; i < r.n; i++)
            for (size_t k = 0; !r.v[i].included && k < r.v[i].ds.n; k++)
                zl_suppress_adder_add(a, &r.v[i].ds.v[k], &r.v[i].repo);
        if (zl_suppress_adder_finish(a) != 0)
            status = 2;
    }

    /* the report (--diff writes the diff on stdout instead) */
    bool failing = false;
    if (status == 0 && !recording) {
        char cwd_root[PATH_MAX] = "";
        struct zl_root here;
        if (zl_root_default("-", &here) == 0)
            snprintf(cwd_root, sizeof cwd_root, "%s", here.phys);
        struct zl_report_opts ro = { color, cwd_root[0] ? cwd_root : NULL };
        struct zl_reporter *rep = NULL;
        if (!c->statistics && !c->diff)
            rep = zl_reporter_new(fmt, stdout, &ro);
        for (size_t i = 0; i < r.n; i++) {
            struct item *it = &r.v[i];
            if (it->included)
                continue;
            if (item_failing(it, &status))
                failing = true;
            if (rep)
                zl_reporter_add_all(rep, it->ds.v, it->ds.n);
            count(&t, it);
        }
        if (rep && extra.n)
            zl_reporter_add_all(rep, extra.v, extra.n);
        if (c->diff) {
            /* the diff is the output; a file it could not read is said on stderr */
            struct zl_reporter *errs = zl_reporter_new(ZL_FMT_GCC, stderr, NULL);
            for (size_t i = 0; i < r.n; i++)
                for (size_t k = 0; !r.v[i].included && k < r.v[i].ds.n; k++)
                    if (r.v[i].ds.v[k].rule == ZL_RULE_ZL1000)
                        zl_reporter_add(errs, &r.v[i].ds.v[k]);
            zl_reporter_finish(errs);
        }
        if (rep && zl_reporter_finish(rep) != 0)
            status = 2;
        if (c->statistics && print_statistics(&r, &extra, fmt == ZL_FMT_JSON) != 0)
            status = 2;
        if ((fmt == ZL_FMT_TEXT || c->diff) && !c->quiet)
            print_summary(&r, &t, fixed, fixing);
    } else if (status == 0) {
        /* recording: the exit status says whether it worked and every file was read */
        for (size_t i = 0; i < r.n; i++)
            if (!r.v[i].included)
                item_failing(&r.v[i], &status);
    } else {
        for (size_t i = 0; i < r.n; i++)
            if (!r.v[i].included)
                item_failing(&r.v[i], &status);
    }

    zl_diags_free(&extra);
    zl_fixer_free(fx);
    zl_baseline_free(baseline);
    free_run(&r);
    zl_settings_cache_free(cache);
    if (status)
        return status;
    return failing ? 1 : 0;
}

/* ---- print -------------------------------------------------------------------------------- */

struct print_state {
    struct zl_printer *out; /* lines kept to the end: the TTLs BIND gives (print.h) */
    bool write_error;
    struct zl_reporter *errs;
};

static void print_record(void *user, const struct zl_record *rec)
{
    struct print_state *ps = user;
    zl_printer_record(ps->out, rec);
}

static void print_diag(void *user, struct zl_diag *d)
{
    struct print_state *ps = user;
    zl_reporter_add(ps->errs, d);
    zl_diag_free(d);
}

int zl_cmd_print(struct cli *c)
{
    if (c->nfiles != 1)
        return zl_cli_usage_error("print takes exactly one file%s", "");
    const char *file = c->files[0];
    struct zl_settings_cache *cache = zl_settings_cache_new(c);
    struct zl_settings st;
    int rc = zl_settings_for(cache, file, &st);
    if (rc) {
        zl_settings_free(&st);
        zl_settings_cache_free(cache);
        return rc;
    }
    struct zl_name origin, fname;
    const struct zl_name *op = NULL;
    if (st.origin && zl_origin_parse(st.origin, &origin))
        op = &origin;
    bool is_stdin = !strcmp(file, "-");
    const char *shown = is_stdin ? stdin_name(c) : file;
    bool from_conf = false;
    if (!op)
        op = zl_initial_origin(is_stdin ? NULL : file, shown, &fname, &from_conf, NULL);

    struct print_state ps;
    memset(&ps, 0, sizeof ps);
    ps.out = zl_printer_new();
    struct zl_source *sources = NULL;
    ps.errs = zl_reporter_new(ZL_FMT_GCC, stderr, NULL);
    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    po.origin = op;
    po.origin_is_guess = op && !st.origin && !from_conf; /* a zone statement is no guess */
    po.zone = st.origin ? &origin : NULL;
    po.dialect = st.dialect;
    po.drop_outside_zone = true;
    po.include_root = st.include_root;
    po.include_root_narrow = st.include_root_narrow;
    po.no_include = st.no_include;
    po.octodns_config = c->octodns_config;
    po.max_input_size = c->max_input_size;
    po.budget = &c->budget;
    po.on_record = print_record;
    po.user = &ps;
    po.sink.emit = print_diag;
    po.sink.user = &ps;
    po.sources = &sources;
    struct zl_parse_result res;
    if (is_stdin) {
        size_t len;
        bool too_big;
        char *data = slurp_stdin(&len, c->max_input_size, &too_big);
        if (!data) {
            stdin_error(shown, too_big, c->max_input_size);
            zl_reporter_finish(ps.errs);
            zl_printer_finish(ps.out, stdout);
            zl_settings_free(&st);
            zl_settings_cache_free(cache);
            return 2;
        }
        rc = zl_read_input(NULL, shown, data, len, st.input_format, &po, &res, NULL);
        free(data);
    } else {
        rc = zl_read_input(file, NULL, NULL, 0, st.input_format, &po, &res, NULL);
    }
    if (zl_printer_finish(ps.out, stdout) != 0)
        ps.write_error = true;
    if (fflush(stdout) != 0)
        ps.write_error = true;
    zl_reporter_finish(ps.errs);
    zl_parse_sources_free(sources);
    zl_settings_free(&st);
    zl_settings_cache_free(cache);
    if (rc != 0 || res.io_error || ps.write_error)
        return 2;
    return res.errors ? 1 : 0;
}

/* ---- --print-config --------------------------------------------------------------------- */

static const char *origin_reason(const struct zl_settings *st, const char *file, char *buf, size_t cap)
{
    struct zl_name n;
    struct zl_named_zone nz;
    int fmt = zl_input_format_of_file(file, st->input_format);
    if (st->origin) {
        snprintf(buf, cap, "%s (from %s)", st->origin, st->origin_from);
    } else if (fmt > 0 && (zl_reader_of((enum zl_input_format)fmt)->caps & ZL_READS_ZONE_IS_FILE_NAME)) {
        const struct zl_reader *rd = zl_reader_of((enum zl_input_format)fmt);
        if (zl_fmt_origin_from_filename(file, &n)) {
            char t[ZL_NAME_TEXT_MAX];
            zl_name_to_text(&n, t);
            snprintf(buf, cap, "%s (from %s)", t, rd->zone_from);
        } else {
            snprintf(buf, cap, "none (the zone is %s; pass --origin)", rd->zone_from);
        }
    } else if (fmt > 0) {
        snprintf(buf, cap, "%s", zl_reader_of((enum zl_input_format)fmt)->zone_from);
    } else if (fmt < 0) {
        snprintf(buf, cap, "none (the file matches no input format)");
    } else if (strcmp(file, "-") && zl_named_conf_zone(file, &nz)) {
        char t[ZL_NAME_TEXT_MAX];
        zl_name_to_text(&nz.origin, t);
        if (nz.nzones > 1)
            snprintf(buf, cap, "%.255s (from the zone statement in %.255s, the first of %u zones that load this "
                               "file; a $ORIGIN in the file takes over)", t, nz.conf, nz.nzones);
        else
            snprintf(buf, cap, "%.255s (from the zone statement in %.255s; a $ORIGIN in the file takes over)", t,
                     nz.conf);
    } else if (zl_origin_from_filename(file, &n)) {
        char t[ZL_NAME_TEXT_MAX];
        zl_name_to_text(&n, t);
        snprintf(buf, cap, "%s (from the file name; a $ORIGIN in the file takes over)", t);
    } else {
        snprintf(buf, cap, "none (a $ORIGIN in the file, else relative names are errors)");
    }
    return buf;
}

/* The dialect a file would be read as. Detection needs the header and the
 * first records, so the file is parsed (quietly). */
static const char *dialect_reason(const struct zl_settings *st, const char *file, char *buf, size_t cap)
{
    if (st->dialect != ZL_DIALECT_AUTO) {
        snprintf(buf, cap, "%s (from %s)", zl_dialect_name(st->dialect), st->dialect_from);
        return buf;
    }
    if (!strcmp(file, "-")) {
        snprintf(buf, cap, "auto (detected when the input is read)");
        return buf;
    }
    int fmt = zl_input_format_of_file(file, st->input_format);
    if (fmt > 0 && fmt != ZL_INPUT_ZONE) {
        snprintf(buf, cap, "none (%s input, not a master file)", zl_input_format_name((enum zl_input_format)fmt));
        return buf;
    }
    struct zl_name guess;
    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    if (!st->origin && zl_origin_from_filename(file, &guess)) {
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

static void put_list(const char *key, const struct zl_strlist *l, const char *none)
{
    printf("%s =", key);
    for (size_t i = 0; i < l->n; i++)
        printf("%s%s", i ? "," : " ", l->v[i]);
    printf("%s\n", l->n ? "" : none);
}

static bool same_list(const struct zl_strlist *a, const struct zl_strlist *b)
{
    if (a->n != b->n)
        return false;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->v[i], b->v[i]))
            return false;
    return true;
}

int zl_cmd_print_config(struct cli *c)
{
    struct zl_settings_cache *cache = zl_settings_cache_new(c);
    const struct zl_config *runcfg;
    struct zl_settings g;
    memset(&g, 0, sizeof g);
    int rc = zl_settings_run_config(cache, &runcfg);
    if (!rc)
        rc = zl_settings_for(cache, "-", &g);
    struct zl_strlist files = { 0 };
    if (!rc)
        rc = zl_walk_args(c->files, c->nfiles, &c->exclude, &files);
    struct zl_settings *per = zl_xcalloc(files.n ? files.n : 1, sizeof *per);
    for (size_t i = 0; !rc && i < files.n; i++)
        rc = zl_settings_for(cache, files.v[i], &per[i]);
    if (!rc) {
        const char *fmt = c->format ? c->format : runcfg && runcfg->format ? runcfg->format : "auto";
        const char *col = c->color ? c->color : runcfg && runcfg->color ? runcfg->color : "auto";
        printf("config-file = %s\n", g.cfg ? g.cfg->path : "(none)");
        printf("format = %s\ncolor = %s\n", fmt, col);
        printf("fail-level = %s\n", zl_severity_name(g.fail_level));
        printf("exit-zero = %s\n", g.exit_zero ? "true" : "false");
        put_list("select", &g.select, " (all rules)");
        put_list("ignore", &g.ignore, "");
        put_list("disable", &g.disable, "");
        if (g.include_root)
            printf("include-root = %s (from %s)\n", g.include_root,
                   c->include_root ? "--include-root" : "ZONELINT_INCLUDE_ROOT");
        else if (g.include_root_narrow)
            printf("include-root = %s (from %s; narrows the default)\n", g.include_root_narrow,
                   g.cfg->include_root_where);
        else
            printf("include-root = (the git work tree holding each file, else its directory)\n");
        printf("no-include = %s\n", g.no_include ? "true" : "false");
        printf("senders =");
        const struct zl_strlist *snd = g.cfg ? &g.cfg->senders : NULL;
        for (size_t i = 0; snd && i < snd->n; i++)
            printf("%s%s", i ? "," : " ", snd->v[i]);
        printf("%s\n", snd && snd->n ? "" : " (built-in packs only)");
        char buf[1400];
        for (size_t i = 0; i < files.n; i++) {
            const struct zl_settings *st = &per[i];
            const char *f = strcmp(files.v[i], "-") ? files.v[i] : c->stdin_filename ? c->stdin_filename : "-";
            if (st->cfg != g.cfg)
                printf("config-file[%s] = %s\n", f, st->cfg ? st->cfg->path : "(none)");
            if (st->fail_level != g.fail_level)
                printf("fail-level[%s] = %s\n", f, zl_severity_name(st->fail_level));
            if (!same_list(&st->select, &g.select)) {
                snprintf(buf, sizeof buf, "select[%s]", f);
                put_list(buf, &st->select, " (all rules)");
            }
            if (!same_list(&st->ignore, &g.ignore)) {
                snprintf(buf, sizeof buf, "ignore[%s]", f);
                put_list(buf, &st->ignore, "");
            }
            if (!same_list(&st->disable, &g.disable)) {
                snprintf(buf, sizeof buf, "disable[%s]", f);
                put_list(buf, &st->disable, "");
            }
            printf("origin[%s] = %s\n", f, origin_reason(st, f, buf, sizeof buf));
            if (st->input_format != ZL_INPUT_AUTO)
                printf("input-format[%s] = %s (from %s)\n", f, zl_input_format_name(st->input_format),
                       st->input_format_from);
            else
                printf("input-format[%s] = %s\n", f,
                       zl_input_format_describe(files.v[i], ZL_INPUT_AUTO, buf, sizeof buf));
            printf("dialect[%s] = %s\n", f, dialect_reason(st, files.v[i], buf, sizeof buf));
        }
    }
    for (size_t i = 0; i < files.n; i++)
        zl_settings_free(&per[i]);
    free(per);
    zl_strlist_free(&files);
    zl_settings_free(&g);
    zl_settings_cache_free(cache);
    if (rc)
        return rc;
    return fflush(stdout) == 0 ? 0 : 2;
}
