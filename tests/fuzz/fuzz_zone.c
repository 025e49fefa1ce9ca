/* libFuzzer target: the master-file parser and every rule, through
 * zl_lint_buffer, optionally followed by a reporter or `print`.
 *
 * The first input byte chooses the options, the rest is the zone file:
 *   bit 0  --origin example.com. (also makes it the zone: SOA at its top)
 *   bit 1  shown as "example.com.zone" (origin from the file name), else "fuzz"
 *   bit 2  $INCLUDE confined to a directory that does not exist (so every
 *          include is resolved, then refused), else --no-include; either way
 *          no file is read, so runs stay deterministic
 *   bit 3  send the findings through a reporter: bits 4-5 pick text, gcc,
 *          json or github, bit 6 colour. Not SARIF: its header (the whole
 *          rules table) costs ~50 lint runs each time and does not depend on
 *          the input; tests/sarif validates its output against the schema.
 *   bit 7  also parse again as `zonelint print` does and print every record
 * Built with libFuzzer by `make fuzz`, and without it (replay.c) for the
 * regression inputs `make check` runs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lint.h"
#include "parser.h"
#include "print.h"
#include "report.h"

/* Bigger inputs only make each run slower; parser limits are per line. */
#define MAX_INPUT (64 * 1024)

static FILE *devnull(void)
{
    static FILE *f;
    if (!f)
        f = fopen("/dev/null", "w");
    return f;
}

static void print_record(void *user, const struct zl_record *rec)
{
    struct zl_buf *b = user;
    zl_print_record(rec, b);
    b->len = 0; /* keep the buffer small; the printing is what is tested */
}

static void drop_diag(void *user, struct zl_diag *d)
{
    (void)user;
    zl_diag_free(d);
}

static void run_print(const char *text, size_t len, const char *name, const struct zl_name *origin,
                      const char *root)
{
    struct zl_buf b = { 0 };
    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    po.origin = origin;
    po.zone = origin;
    po.drop_outside_zone = origin != NULL;
    po.include_root = root;
    po.no_include = root == NULL;
    po.on_record = print_record;
    po.user = &b;
    po.sink.emit = drop_diag;
    struct zl_parse_result res;
    zl_parse_buffer(text, len, name, &po, &res);
    zl_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > MAX_INPUT)
        return 0;
    unsigned flags = data[0];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;

    struct zl_name origin;
    zl_name_from_text(&origin, "example.com.", 12, NULL, NULL);
    const char *name = (flags & 2) ? "example.com.zone" : "fuzz";
    const char *root = (flags & 4) ? "/nonexistent-zonelint-fuzz-root" : NULL;

    struct zl_lint_opts lo;
    memset(&lo, 0, sizeof lo); /* empty selection: every rule */
    lo.origin = (flags & 1) ? &origin : NULL;
    lo.include_root = root;
    lo.no_include = root == NULL;

    struct zl_source *sources = NULL;
    struct zl_diags diags = { 0 };
    zl_lint_buffer(text, len, name, &lo, &sources, &diags);

    if ((flags & 8) && devnull()) {
        static const enum zl_format fmts[4] = { ZL_FMT_TEXT, ZL_FMT_GCC, ZL_FMT_JSON, ZL_FMT_GITHUB };
        struct zl_report_opts ro = { .color = (flags & 0x40) != 0, .base_dir = NULL };
        struct zl_reporter *r = zl_reporter_new(fmts[(flags >> 4) & 3], devnull(), &ro);
        for (size_t i = 0; i < diags.n; i++)
            zl_reporter_add(r, &diags.v[i]);
        zl_reporter_finish(r);
    }
    zl_diags_free(&diags);
    zl_parse_sources_free(sources);

    if (flags & 0x80)
        run_print(text, len, name, lo.origin, root);
    return 0;
}
