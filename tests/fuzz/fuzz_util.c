/* SPDX-License-Identifier: MIT */
/* Helpers shared by the fuzz targets, and the name -> entry point table. */
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "report/report.h"

unsigned long zl_fuzz_max_generate;

zl_fuzz_fn zl_fuzz_find(const char *name)
{
    static const struct {
        const char *name;
        zl_fuzz_fn fn;
    } targets[] = {
        { "zone", zl_fuzz_zone },       { "route53", zl_fuzz_route53 },
        { "octodns", zl_fuzz_octodns }, { "gcloud", zl_fuzz_gcloud },
        { "sesid", zl_fuzz_sesid },     { "delegation", zl_fuzz_delegation },
        { "terraform", zl_fuzz_terraform }, { "tfjson", zl_fuzz_tfjson },
        { "r53change", zl_fuzz_r53change }, { "cloudformation", zl_fuzz_cloudformation },
        { "config", zl_fuzz_config },   { "octodns_config", zl_fuzz_octodns_config },
        { "senders", zl_fuzz_senders },  { "yblock", zl_fuzz_yblock },
    };
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++)
        if (strcmp(name, targets[i].name) == 0)
            return targets[i].fn;
    return NULL;
}

const struct zl_name *zl_fuzz_origin(void)
{
    static struct zl_name origin;
    if (!origin.len)
        zl_name_from_text(&origin, "example.com.", 12, NULL, NULL);
    return &origin;
}

static FILE *devnull(void)
{
    static FILE *f;
    if (!f)
        f = fopen("/dev/null", "w");
    return f;
}

void zl_fuzz_report(const struct zl_diags *diags, unsigned flags)
{
    if (!(flags & 8) || !devnull())
        return;
    /* Not SARIF: its header (the whole rules table) costs ~50 lint runs each
     * time and does not depend on the input; tests/sarif checks its output
     * against the schema. */
    static const enum zl_format fmts[4] = { ZL_FMT_TEXT, ZL_FMT_GCC, ZL_FMT_JSON, ZL_FMT_GITHUB };
    struct zl_report_opts ro = { .color = (flags & 0x40) != 0, .base_dir = NULL };
    struct zl_reporter *r = zl_reporter_new(fmts[(flags >> 4) & 3], devnull(), &ro);
    for (size_t i = 0; i < diags->n; i++)
        zl_reporter_add(r, &diags->v[i]);
    zl_reporter_finish(r);
}

void zl_fuzz_lint(const char *text, size_t len, const char *name, const struct zl_lint_opts *lo,
                  unsigned flags)
{
    struct zl_source *sources = NULL;
    struct zl_diags diags = { 0 };
    struct zl_lint_opts o = *lo;
    o.max_generate = zl_fuzz_max_generate;
    zl_lint_buffer(text, len, name, &o, &sources, &diags);
    zl_fuzz_report(&diags, flags); /* reporters read lines back from the sources */
    zl_diags_free(&diags);
    zl_parse_sources_free(sources);
}
