/* SPDX-License-Identifier: MIT */
/* The rule engine: selection by code, slug and prefix; suppressions on the
 * line, on the line above and for the whole file (comment or config);
 * unused suppressions; a specific SES finding replacing the generic one on
 * the same line; type dispatch; report order. Through zl_lint_buffer, as the
 * CLI runs it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "input/readers.h"
#include "lint/lint.h"
#include "rules/rules.h"
#include "input/readers.h"
#include "lint/engine.h"
#include "rdata/types.h"
#include <stdlib.h>
#include "base/buf.h"

#define HEAD "$ORIGIN example.com.\n"                                                   \
             "@ 3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n"                    \
             "@ 3600 IN NS ns1\n"                                                         \
             "ns1 3600 IN A 192.0.2.53\n"

struct run {
    struct zl_diags d;
    struct zl_source *sources;
};

static void lint(struct run *r, const char *zone, char **sel, size_t nsel, char **ign, size_t nign,
                 const char *const *disable)
{
    memset(r, 0, sizeof *r);
    struct zl_lint_opts o;
    memset(&o, 0, sizeof o);
    o.sel.select = sel;
    o.sel.nselect = nsel;
    o.sel.ignore = ign;
    o.sel.nignore = nign;
    o.disable = disable;
    assert_int_equal(zl_lint_buffer(zone, strlen(zone), "t.zone", &o, &r->sources, &r->d), 0);
}

static void done(struct run *r)
{
    zl_diags_free(&r->d);
    zl_parse_sources_free(r->sources);
}

static size_t count(const struct run *r, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < r->d.n; i++)
        n += strcmp(r->d.v[i].code, code) == 0;
    return n;
}

/* www is a CNAME with other data (ZL3104) and a dotless external target (ZL2102). */
static const char two_problems[] = HEAD
    "www IN CNAME ghs.google.com\n"
    "www IN A 192.0.2.80\n";

static void test_selection(void **state)
{
    (void)state;
    struct run r;
    lint(&r, two_problems, NULL, 0, NULL, 0, NULL);
    assert_int_equal(count(&r, "ZL2102"), 1);
    assert_int_equal(count(&r, "ZL3104"), 1);
    done(&r);

    char *by_slug[] = { "target-relative-external" };
    lint(&r, two_problems, by_slug, 1, NULL, 0, NULL);
    assert_int_equal(r.d.n, 1);
    assert_string_equal(r.d.v[0].code, "ZL2102");
    done(&r);

    char *by_prefix[] = { "ZL3" };
    lint(&r, two_problems, by_prefix, 1, NULL, 0, NULL);
    assert_int_equal(count(&r, "ZL2102"), 0);
    assert_int_equal(count(&r, "ZL3104"), 1);
    done(&r);

    char *ignore[] = { "cname-" };
    lint(&r, two_problems, NULL, 0, ignore, 1, NULL);
    assert_int_equal(count(&r, "ZL3104"), 0);
    assert_int_equal(count(&r, "ZL2102"), 1);
    done(&r);

    struct zl_selection bad = { (char *[]){ "no-such-rule" }, 1, NULL, 0 };
    const char *which = NULL;
    assert_false(zl_selection_valid(&bad, &which));
    assert_string_equal(which, "no-such-rule");
    struct zl_selection good = { (char *[]){ "ses-", "ZL2101", "syntax" }, 3, NULL, 0 };
    assert_true(zl_selection_valid(&good, &which));
}

static void test_suppressions(void **state)
{
    (void)state;
    struct run r;
    /* On the record's line (by slug), and alone on the line above (by code). */
    lint(&r, HEAD
         "www IN CNAME ghs.google.com ; zonelint: disable=target-relative-external\n"
         "; zonelint: disable=ZL3104\n"
         "www IN A 192.0.2.80\n",
         NULL, 0, NULL, 0, NULL);
    assert_int_equal(count(&r, "ZL2102"), 0);
    assert_int_equal(count(&r, "ZL3104"), 0);
    assert_int_equal(count(&r, "ZL9001"), 0);
    done(&r);

    /* Two lines above is too far: the finding stays and the suppression is unused. */
    lint(&r, HEAD
         "; zonelint: disable=ZL3104\n"
         "www IN CNAME ghs.google.com.\n"
         "www IN A 192.0.2.80\n",
         NULL, 0, NULL, 0, NULL);
    assert_int_equal(count(&r, "ZL3104"), 1);
    assert_int_equal(count(&r, "ZL9001"), 1);
    for (size_t i = 0; i < r.d.n; i++)
        if (!strcmp(r.d.v[i].code, "ZL9001")) {
            assert_int_equal(r.d.v[i].severity, ZL_SEV_INFO);
            assert_int_equal(r.d.v[i].span.line, 5);
        }
    done(&r);

    /* File-wide, from a comment anywhere. */
    lint(&r, HEAD "www IN CNAME ghs.google.com\nwww IN A 192.0.2.80\n; zonelint: disable-file=ZL2102,cname-and-other-data\n",
         NULL, 0, NULL, 0, NULL);
    assert_int_equal(r.d.n, 0);
    done(&r);

    /* File-wide from the configuration: never reported as unused. */
    const char *const cfg[] = { "ZL2102", "duplicate-record", NULL };
    lint(&r, two_problems, NULL, 0, NULL, 0, cfg);
    assert_int_equal(count(&r, "ZL2102"), 0);
    assert_int_equal(count(&r, "ZL3104"), 1);
    assert_int_equal(count(&r, "ZL9001"), 0);
    done(&r);
}

/* An SES DKIM target without its dot: ses-dkim-target says it better than
 * target-relative-external, so only the SES finding stays on that line; on
 * another line the generic rule still speaks. */
static void test_superseded(void **state)
{
    (void)state;
    struct run r;
    lint(&r, HEAD
         "4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey IN CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com\n"
         "www IN CNAME ghs.google.com\n",
         NULL, 0, NULL, 0, NULL);
    assert_int_equal(count(&r, "ZL5001"), 1);
    assert_int_equal(count(&r, "ZL2102"), 1);
    for (size_t i = 0; i < r.d.n; i++)
        if (!strcmp(r.d.v[i].code, "ZL2102"))
            assert_int_equal(r.d.v[i].span.line, 6);
    done(&r);

    /* With the SES rule off, the generic finding comes back on line 5. */
    char *ignore[] = { "ses-" };
    lint(&r, HEAD
         "4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey IN CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com\n",
         NULL, 0, ignore, 1, NULL);
    assert_int_equal(count(&r, "ZL2102"), 1);
    done(&r);
}

/* Findings come out sorted by line and column, parser findings included. */
static void test_report_order(void **state)
{
    (void)state;
    struct run r;
    lint(&r, HEAD
         "www IN A 192.0.2.1\n"
         "www IN CNAME a.example.net.\n"
         "bad IN A 192.0.2\n"
         "mx IN MX 10 aspmx.l.google.com\n",
         NULL, 0, NULL, 0, NULL);
    assert_true(r.d.n >= 3);
    for (size_t i = 1; i < r.d.n; i++) {
        const struct zl_span *a = &r.d.v[i - 1].span, *b = &r.d.v[i].span;
        assert_true(a->line < b->line || (a->line == b->line && a->col <= b->col));
    }
    assert_int_equal(count(&r, "ZL1001"), 1);
    done(&r);
}

/* Zone-level findings point at a record, never at line 0. */
static void test_zone_anchor(void **state)
{
    (void)state;
    struct run r;
    lint(&r, "$ORIGIN example.com.\n@ 3600 IN SOA ns1 h 1 2 3 4 5\nwww 3600 IN A 192.0.2.1\n"
             "www 60 IN A 192.0.2.2\n",
         NULL, 0, NULL, 0, NULL);
    assert_int_equal(count(&r, "ZL3102"), 1);
    assert_int_equal(count(&r, "ZL3109"), 1);
    for (size_t i = 0; i < r.d.n; i++) {
        assert_true(r.d.v[i].span.line >= 1);
        assert_true(r.d.v[i].span.col >= 1);
        if (!strcmp(r.d.v[i].code, "ZL3109"))
            assert_int_equal(r.d.v[i].span.line, 4);
    }
    done(&r);
}


/* ---- the engine runs the registry it is given ------------------------------------------ */

static unsigned fake_txt_calls, fake_zone_calls;
static const struct zl_rule fake_rules[];

static void fake_txt_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    fake_txt_calls++;
    assert_int_equal(rec->type, ZL_T_TXT);
    zl_report(ctx, &fake_rules[0], &rec->span, "first");
    zl_report(ctx, &fake_rules[1], &rec->span, "second");
}

static void fake_any_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    zl_report(ctx, &fake_rules[2], &rec->span, "generic");
}

static void fake_zone(const struct zl_zone *z, struct zl_ctx *ctx)
{
    fake_zone_calls++;
    (void)z;
    (void)ctx;
}

static const struct zl_pass fake_passes[] = {
    { "txt", (const uint16_t[]){ ZL_T_TXT, 0 }, fake_txt_record, fake_zone },
    { "any", NULL, fake_any_record, NULL },
};

static const struct zl_rule fake_rules[] = {
    { "XX0001", "fake-first", ZL_SEV_ERROR, "s", "e", 0, (const uint16_t[]){ 2, ZL_NONE_ID } },
    { "XX0002", "fake-second", ZL_SEV_WARNING, "s", "e", 0, NULL },
    { "XX0003", "fake-generic", ZL_SEV_INFO, "s", "e", 1, NULL },
};

static const struct zl_registry fake_registry = { fake_rules, 3, fake_passes, 2 };

static void fake_collect(void *user, struct zl_diag *d)
{
    struct zl_diags *out = user;
    out->v = realloc(out->v, (out->n + 1) * sizeof *out->v);
    out->v[out->n++] = *d;
    memset(d, 0, sizeof *d);
}

static void fake_on_record(void *user, const struct zl_record *rec)
{
    zl_engine_record(user, rec);
}

static void fake_lint(struct zl_diags *out, char **sel, size_t nsel)
{
    static const char zone[] = "$ORIGIN example.com.\n$TTL 300\n@ TXT \"a\"\n@ A 192.0.2.1\nx TXT \"b\"\n";
    memset(out, 0, sizeof *out);
    struct zl_selection s = { sel, nsel, NULL, 0 };
    struct zl_engine *e = zl_engine_new_registry(&fake_registry, &s, (struct zl_diag_sink){ fake_collect, out });
    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    po.on_record = fake_on_record;
    po.user = e;
    struct zl_source *sources = NULL;
    po.sources = &sources;
    struct zl_parse_result res;
    zl_engine_begin(e, NULL);
    zl_parse_buffer(zone, sizeof zone - 1, "fake.zone", &po, &res);
    zl_engine_end(e, false);
    zl_engine_free(e);
    zl_parse_sources_free(sources);
}

static size_t count_diag(const struct zl_diags *d, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        n += strcmp(d->v[i].code, code) == 0;
    return n;
}

static void test_fake_registry(void **state)
{
    (void)state;
    struct zl_diags d;
    /* Everything: the TXT pass runs once per TXT record for both its rules;
     * the generic finding on each TXT line is superseded by XX0001. */
    fake_txt_calls = fake_zone_calls = 0;
    fake_lint(&d, NULL, 0);
    assert_int_equal(fake_txt_calls, 2);
    assert_int_equal(fake_zone_calls, 1);
    assert_int_equal(count_diag(&d, "XX0001"), 2);
    assert_int_equal(count_diag(&d, "XX0002"), 2);
    assert_int_equal(count_diag(&d, "XX0003"), 1); /* only the A record's line */
    zl_diags_free(&d);
    /* Only the generic rule: the TXT pass does not run at all, and nothing
     * supersedes the generic findings any more. */
    char *only_generic[] = { "fake-generic" };
    fake_txt_calls = fake_zone_calls = 0;
    fake_lint(&d, only_generic, 1);
    assert_int_equal(fake_txt_calls, 0);
    assert_int_equal(fake_zone_calls, 0);
    assert_int_equal(count_diag(&d, "XX0003"), 3);
    assert_int_equal(d.n, 3);
    zl_diags_free(&d);
    /* One rule of the TXT pass: the pass runs, the other rule's findings are dropped. */
    char *second[] = { "XX0002" };
    fake_txt_calls = 0;
    fake_lint(&d, second, 1);
    assert_int_equal(fake_txt_calls, 2);
    assert_int_equal(d.n, 2);
    assert_int_equal(count_diag(&d, "XX0002"), 2);
    zl_diags_free(&d);
}

/* The cap on findings is per record, not per line (issue 11): a minified
 * export has every record on line 1, and 150 records with one problem each
 * are 150 findings; a $GENERATE line stands for many records that share one
 * place, and those stay capped at 100 with a note. */
static void test_cap_per_record(void **state)
{
    (void)state;
    struct zl_buf j = { 0 };
    zl_buf_puts(&j, "{\"ResourceRecordSets\":[");
    for (int i = 0; i < 150; i++)
        zl_buf_printf(&j, "%s{\"Name\":\"h%d.example.com.\",\"Type\":\"TXT\",\"TTL\":300,"
                          "\"ResourceRecords\":[{\"Value\":\"\\\" abc=%d\\\"\"}]}",
                      i ? "," : "", i, i);
    zl_buf_puts(&j, "]}\n");
    struct run r;
    memset(&r, 0, sizeof r);
    struct zl_lint_opts o;
    memset(&o, 0, sizeof o);
    o.input_format = ZL_INPUT_AUTO;
    const char *text = zl_buf_cstr(&j);
    assert_int_equal(zl_lint_buffer(text, strlen(text), "example.com.json", &o, &r.sources, &r.d), 0);
    assert_int_equal(count(&r, "ZL2103"), 150);
    for (size_t i = 0; i < r.d.n; i++)
        assert_int_equal(r.d.v[i].nnotes, 0);
    done(&r);
    zl_buf_free(&j);

    /* 200 generated records at one place: 100 kept, the last says how many more */
    lint(&r, HEAD "$GENERATE 1-200 h$ CNAME x.example.com\n", NULL, 0, NULL, 0, NULL);
    assert_int_equal(count(&r, "ZL2101"), 100);
    bool noted = false;
    for (size_t i = 0; i < r.d.n; i++)
        for (size_t k = 0; k < r.d.v[i].nnotes; k++)
            noted = noted || strstr(r.d.v[i].notes[k], "100 more name-doubled-origin findings") != NULL;
    assert_true(noted);
    done(&r);
}

/* A specific finding replaces a generic one about the same record only:
 * in a minified export both records sit on line 1, and the stray space of
 * the second is its own finding. */
static void test_superseded_per_record(void **state)
{
    (void)state;
    static const char j[] =
        "{\"ResourceRecordSets\":[{\"Name\":\"_amazonses.example.com.\",\"Type\":\"TXT\",\"TTL\":300,"
        "\"ResourceRecords\":[{\"Value\":\"\\\" pmBGN/7MjnfhTKUZ06Enqq1PeGUaOkw8lGhcfwefcHU=\\\"\"}]},"
        "{\"Name\":\"x.example.com.\",\"Type\":\"TXT\",\"TTL\":300,"
        "\"ResourceRecords\":[{\"Value\":\"\\\" abc=1\\\"\"}]}]}\n";
    struct run r;
    memset(&r, 0, sizeof r);
    struct zl_lint_opts o;
    memset(&o, 0, sizeof o);
    o.input_format = ZL_INPUT_AUTO;
    assert_int_equal(zl_lint_buffer(j, strlen(j), "example.com.json", &o, &r.sources, &r.d), 0);
    assert_int_equal(count(&r, "ZL5010"), 1);
    assert_int_equal(count(&r, "ZL2103"), 1); /* the second record's, not the first's */
    for (size_t i = 0; i < r.d.n; i++)
        if (!strcmp(r.d.v[i].code, "ZL2103"))
            assert_true(r.d.v[i].span.col > 200);
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_selection),
        cmocka_unit_test(test_suppressions),
        cmocka_unit_test(test_superseded),
        cmocka_unit_test(test_report_order),
        cmocka_unit_test(test_zone_anchor),
        cmocka_unit_test(test_fake_registry),
        cmocka_unit_test(test_cap_per_record),
        cmocka_unit_test(test_superseded_per_record),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
