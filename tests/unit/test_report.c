/* SPDX-License-Identifier: MIT */
/* Reporters: exact output for gcc, github and json; structure for text and
 * sarif. The diagnostics carry a note, a fix-it and awkward characters
 * (quotes, newline, %, ',', ':', a byte that is not UTF-8) in both the
 * message and the path. The SARIF output is also written to a file for
 * tests/sarif/validate.py ($ZL_SARIF_SAMPLE, else build/report-sample.sarif
 * when build/ exists). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "base/buf.h"
#include "base/diag.h"
#include "report/report.h"
#include "rules/rules.h"
#include "base/source.h"

#define ODD_PATH "z/odd \"q\",x:y%\n\xff.zone"
#define ODD_MSG "100% \"sure\", a:b\nline2 \xfe end"

struct fixture {
    struct zl_source *sources;
    struct zl_source *zone, *odd;
    struct zl_diag d[3];
};

static struct zl_source *mem_source(struct zl_source **list, const char *path, const char *text)
{
    struct zl_source *s = zl_source_new(list, path);
    s->memory = (unsigned char *)strdup(text);
    s->memory_len = strlen(text);
    return s;
}

static struct zl_span span(const struct zl_source *src, uint32_t l, uint32_t c, uint32_t el, uint32_t ec)
{
    struct zl_span s = { src, l, c, el, ec };
    return s;
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    f->zone = mem_source(&f->sources, "example.com.zone",
                         "$ORIGIN example.com.\n"
                         "www\tIN A 192.0.2.1.5\r\n"
                         "mail IN MX 10 mail");
    f->odd = mem_source(&f->sources, ODD_PATH,
                        "\xc3\xa9t\xc3\xa9 IN TXT \"\xf0\x9f\x98\x80x\"\n");

    /* 1: an error with a note and a fix-it, on a CRLF line with a tab */
    zl_diag_init(&f->d[0], ZL_RULE_ZL1001, ZL_SEV_ERROR, span(f->zone, 2, 10, 2, 21),
                 "bad IPv4 address \"%s\"", "192.0.2.1.5");
    zl_diag_add_note(&f->d[0], "an IPv4 address has %d parts", 4);
    zl_diag_set_fix(&f->d[0], span(f->zone, 2, 10, 2, 21), "192.0.2.1", ZL_FIX_SAFE);

    /* 2: odd characters everywhere */
    zl_diag_init(&f->d[1], ZL_RULE_ZL9001, ZL_SEV_INFO, span(f->odd, 1, 1, 1, 6), "%s", ODD_MSG);

    /* 3: a span over a 4-byte UTF-8 character after 2-byte ones */
    zl_diag_init(&f->d[2], ZL_RULE_ZL1001, ZL_SEV_WARNING, span(f->odd, 1, 15, 1, 19),
                 "emoji");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    for (int i = 0; i < 3; i++)
        zl_diag_free(&f->d[i]);
    zl_source_free_all(f->sources);
    free(f);
    return 0;
}

/* Runs a reporter over the first n diagnostics; returns the output. */
static char *run(enum zl_format fmt, const struct zl_report_opts *opts, struct fixture *f, int n)
{
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    assert_non_null(fp);
    struct zl_reporter *r = zl_reporter_new(fmt, fp, opts);
    for (int i = 0; i < n; i++)
        zl_reporter_add(r, &f->d[i]);
    assert_int_equal(zl_reporter_finish(r), 0);
    fclose(fp);
    return out;
}

static void test_format_names(void **state)
{
    (void)state;
    enum zl_format fmt;
    const char *names[] = { "text", "gcc", "json", "sarif", "github" };
    for (int i = 0; i < 5; i++) {
        assert_int_equal(zl_format_from_name(names[i], &fmt), 0);
        assert_string_equal(zl_format_name(fmt), names[i]);
    }
    assert_int_equal(zl_format_from_name("SARIF", &fmt), 0);
    assert_int_equal(fmt, ZL_FMT_SARIF);
    assert_int_equal(zl_format_from_name("auto", &fmt), -1);
    assert_int_equal(zl_format_from_name("", &fmt), -1);
    assert_int_equal(zl_format_from_name(NULL, &fmt), -1);
}

static void test_gcc(void **state)
{
    char *out = run(ZL_FMT_GCC, NULL, *state, 2);
    assert_string_equal(out,
        "example.com.zone:2:10: error: bad IPv4 address \"192.0.2.1.5\" [ZL1001 syntax]\n"
        "z/odd \"q\",x:y%\\n\\xff.zone:1:1: info: 100% \"sure\", a:b\\nline2 \\xfe end"
        " [ZL9001 unused-suppression]\n");
    free(out);

    /* colour only when asked (--color=always), and no file means "zonelint:" */
    struct zl_report_opts opts = { .color = false };
    struct fixture *f = *state;
    struct zl_diag d;
    zl_diag_init(&d, ZL_RULE_ZL1001, ZL_SEV_WARNING, span(NULL, 0, 0, 0, 0), "no file");
    char *o2 = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&o2, &len);
    struct zl_reporter *r = zl_reporter_new(ZL_FMT_GCC, fp, &opts);
    zl_reporter_add(r, &d);
    zl_reporter_add(r, &f->d[0]);
    zl_reporter_finish(r);
    fclose(fp);
    assert_string_equal(o2, "zonelint: warning: no file [ZL1001 syntax]\n"
                            "example.com.zone:2:10: error: bad IPv4 address \"192.0.2.1.5\" [ZL1001 syntax]\n");
    free(o2);
    zl_diag_free(&d);

    /* --color=always colours it like gcc does */
    struct zl_report_opts col = { .color = true };
    char *o3 = run(ZL_FMT_GCC, &col, *state, 1);
    assert_string_equal(o3, "\033[1mexample.com.zone:2:10:\033[0m \033[1;31merror:\033[0m bad IPv4 address "
                            "\"192.0.2.1.5\" [\033[1;31mZL1001 syntax\033[0m]\n");
    free(o3);
}

static void test_github(void **state)
{
    char *out = run(ZL_FMT_GITHUB, NULL, *state, 2);
    assert_string_equal(out,
        "::error file=example.com.zone,line=2,col=10,endLine=2,endColumn=21,title=ZL1001 syntax"
        "::bad IPv4 address \"192.0.2.1.5\"%0Anote: an IPv4 address has 4 parts"
        "%0Afix: delete '.5' after '192.0.2.1'\n"
        "::notice file=z/odd \"q\"%2Cx%3Ay%25%0A\xEF\xBF\xBD.zone,line=1,col=1,endLine=1,endColumn=6,"
        "title=ZL9001 unused-suppression"
        "::100%25 \"sure\", a:b%0Aline2 \xEF\xBF\xBD end\n");
    free(out);
}

static void test_json(void **state)
{
    char *out = run(ZL_FMT_JSON, NULL, *state, 2);
    assert_string_equal(out,
        "[\n"
        "  {\"file\":\"example.com.zone\",\"input\":\"zone\",\"line\":2,\"column\":10,\"end_line\":2,\"end_column\":21,"
        "\"severity\":\"error\",\"code\":\"ZL1001\",\"rule\":\"syntax\","
        "\"message\":\"bad IPv4 address \\\"192.0.2.1.5\\\"\","
        "\"notes\":[\"an IPv4 address has 4 parts\"],"
        "\"fix\":{\"replacement\":\"192.0.2.1\",\"line\":2,\"column\":10,\"end_line\":2,\"end_column\":21,"
        "\"safety\":\"safe\"}},\n"
        "  {\"file\":\"z/odd \\\"q\\\",x:y%\\n\\ufffd.zone\",\"input\":\"zone\",\"line\":1,\"column\":1,\"end_line\":1,"
        "\"end_column\":6,\"severity\":\"info\",\"code\":\"ZL9001\",\"rule\":\"unused-suppression\","
        "\"message\":\"100% \\\"sure\\\", a:b\\nline2 \\ufffd end\",\"notes\":[],\"fix\":null}\n"
        "]\n");
    free(out);

    char *empty = run(ZL_FMT_JSON, NULL, *state, 0);
    assert_string_equal(empty, "[]\n");
    free(empty);
}

static void test_json_escapes(void **state)
{
    struct fixture *f = *state;
    struct zl_diag d;
    zl_diag_init(&d, ZL_RULE_ZL1001, ZL_SEV_ERROR, span(f->zone, 1, 1, 0, 0),
                 "\x01\x1f\t\b\f\\/\x7f\xc3\xa9\xe0\x80\x80\xed\xa0\x80");
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    struct zl_reporter *r = zl_reporter_new(ZL_FMT_JSON, fp, NULL);
    zl_reporter_add(r, &d);
    zl_reporter_finish(r);
    fclose(fp);
    /* overlong (E0 80 80) and surrogate (ED A0 80) forms: one U+FFFD per byte;
     * no end recorded: the span is empty at its start */
    assert_non_null(strstr(out, "\"line\":1,\"column\":1,\"end_line\":1,\"end_column\":1,"));
    assert_non_null(strstr(out, "\"message\":\"\\u0001\\u001f\\t\\b\\f\\\\/\x7f\xc3\xa9"
                                "\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\""));
    free(out);
    zl_diag_free(&d);
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static void test_text(void **state)
{
    char *out = run(ZL_FMT_TEXT, NULL, *state, 3);
    /* headline = gcc line; tab expanded to column 8; caret under "192..." */
    const char *want1 =
        "example.com.zone:2:10: error: bad IPv4 address \"192.0.2.1.5\" [ZL1001 syntax]\n"
        "www     IN A 192.0.2.1.5\n"
        "             ^~~~~~~~~~~\n"
        "  note: an IPv4 address has 4 parts\n"
        "  fix: delete '.5' after '192.0.2.1'\n";
    assert_memory_equal(out, want1, strlen(want1));
    const char *rest = out + strlen(want1);
    const char *want2 =
        "\n"
        "z/odd \"q\",x:y%\\n\\xff.zone:1:1: info: 100% \"sure\", a:b\\nline2 \\xfe end"
        " [ZL9001 unused-suppression]\n"
        "\xc3\xa9t\xc3\xa9 IN TXT \"\xf0\x9f\x98\x80x\"\n"
        "^~~\n";
    assert_memory_equal(rest, want2, strlen(want2));
    rest += strlen(want2);
    /* the emoji takes two cells: caret and one tilde under it */
    assert_string_equal(rest,
        "\n"
        "z/odd \"q\",x:y%\\n\\xff.zone:1:15: warning: emoji [ZL1001 syntax]\n"
        "\xc3\xa9t\xc3\xa9 IN TXT \"\xf0\x9f\x98\x80x\"\n"
        "            ^~\n");
    assert_null(strchr(out, '\033'));
    assert_int_equal(count_lines(out), 13); /* with the blank lines between findings */
    free(out);
}

static void test_text_color(void **state)
{
    struct zl_report_opts opts = { .color = true };
    char *out = run(ZL_FMT_TEXT, &opts, *state, 1);
    assert_non_null(strstr(out, "\033[1mexample.com.zone:2:10:\033[0m \033[1;31merror:\033[0m bad IPv4"));
    assert_non_null(strstr(out, "[\033[1;31mZL1001 syntax\033[0m]\n"));
    assert_non_null(strstr(out, "\033[1;32m^~~~~~~~~~~\033[0m\n"));
    assert_non_null(strstr(out, "  \033[1;36mnote:\033[0m an IPv4"));
    free(out);
}

static void test_text_control_chars_in_source(void **state)
{
    (void)state;
    struct zl_source *list = NULL;
    struct zl_source *s = mem_source(&list, "c.zone", "a\033[31mb\tc\n");
    struct zl_diag d;
    /* span "b": byte 7; ESC is shown as \x1b (4 cells) */
    zl_diag_init(&d, ZL_RULE_ZL1001, ZL_SEV_ERROR, span(s, 1, 7, 2, 1), "m");
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    struct zl_reporter *r = zl_reporter_new(ZL_FMT_TEXT, fp, NULL);
    zl_reporter_add(r, &d);
    zl_reporter_finish(r);
    fclose(fp);
    /* multi-line span: "~" to the end of the first line */
    assert_string_equal(out, "c.zone:1:7: error: m [ZL1001 syntax]\n"
                             "a\\x1b[31mb      c\n"
                             "         ^~~~~~~~\n");
    free(out);
    zl_diag_free(&d);
    zl_source_free_all(list);
}

/* gcc 12 reports strstr() results into open_memstream() buffers as dangling
 * pointers (a false positive: the buffer is freed only after these checks). */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#endif


static void check_emoji_span(const char *sarif)
{
    const char *emoji = strstr(sarif, "\"text\": \"emoji\"");
    assert_non_null(emoji);
    assert_non_null(strstr(emoji, "\"startColumn\": 13,"));
    assert_non_null(strstr(emoji, "\"endColumn\": 15"));
}

/* Minimal structural checks; the schema check is tests/sarif/validate.py. */
static void test_sarif(void **state)
{
    struct fixture *f = *state;
    struct zl_report_opts opts = { .base_dir = "." };
    char *out = run(ZL_FMT_SARIF, &opts, f, 3);
    const char *must[] = {
        "\"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\"",
        "\"version\": \"2.1.0\"",
        "\"name\": \"zonelint\"",
        "\"version\": \"0.1.0\"",
        "\"id\": \"ZL1001\"",
        "\"name\": \"syntax\"",
        "\"id\": \"ZL9001\"",
        "\"name\": \"unused-suppression\"",
        "\"level\": \"note\"",
        "\"ruleId\": \"ZL9001\"",
        "\"ruleIndex\": 1",
        "\"uri\": \"example.com.zone\"",
        "\"uriBaseId\": \"%SRCROOT%\"",
        /* percent-encoded: space, quote, ':', '%', newline, 0xFF */
        "\"uri\": \"z/odd%20%22q%22,x%3Ay%25%0A%FF.zone\"",
        "\"text\": \"bad IPv4 address \\\"192.0.2.1.5\\\"\\nnote: an IPv4 address has 4 parts\"",
        "\"insertedContent\": {",
        "\"text\": \"192.0.2.1\"",
        "\"zonelintHash/v1\": \"",
        "\"columnKind\": \"utf16CodeUnits\"",
    };
    for (size_t i = 0; i < sizeof must / sizeof must[0]; i++) {
        if (!strstr(out, must[i]))
            fail_msg("missing %s", must[i]);
    }
    /* the emoji span: UTF-16 columns 13..15 (bytes 15..19) */
    check_emoji_span(out);
    assert_int_equal(out[strlen(out) - 1], '\n');

    const char *path = getenv("ZL_SARIF_SAMPLE");
    struct stat st;
    if (!path && stat("build", &st) == 0 && S_ISDIR(st.st_mode))
        path = "build/report-sample.sarif";
    if (path) {
        FILE *fp = fopen(path, "w");
        if (fp) {
            fputs(out, fp);
            fclose(fp);
        }
    }
    free(out);

    /* no results is still a complete log */
    char *empty = run(ZL_FMT_SARIF, NULL, f, 0);
    assert_non_null(strstr(empty, "\"results\": []"));
    assert_null(strstr(empty, "originalUriBaseIds"));
    free(empty);
}

static void test_sarif_fingerprints_distinct(void **state)
{
    struct fixture *f = *state;
    /* the same finding twice: same hash, occurrence 1 then 2 */
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    struct zl_reporter *r = zl_reporter_new(ZL_FMT_SARIF, fp, NULL);
    zl_reporter_add(r, &f->d[0]);
    zl_reporter_add(r, &f->d[0]);
    zl_reporter_finish(r);
    fclose(fp);
    const char *a = strstr(out, "\"zonelintHash/v1\": \"");
    assert_non_null(a);
    const char *b = strstr(a + 1, "\"zonelintHash/v1\": \"");
    assert_non_null(b);
    a += strlen("\"zonelintHash/v1\": \"");
    b += strlen("\"zonelintHash/v1\": \"");
    assert_memory_equal(a, b, 16);
    assert_memory_equal(a + 16, ":1\"", 3);
    assert_memory_equal(b + 16, ":2\"", 3);
    free(out);
}

/* A finding without a file: no result (GitHub needs a location) but a tool
 * execution notification; json says "file":null. */
static void test_no_file(void **state)
{
    struct fixture *f = *state;
    struct zl_diag d;
    zl_diag_init(&d, ZL_RULE_ZL1001, ZL_SEV_ERROR, span(NULL, 0, 0, 0, 0), "bad \"config\"");
    const enum zl_format fmts[] = { ZL_FMT_SARIF, ZL_FMT_JSON, ZL_FMT_GITHUB };
    char *out[3];
    for (int k = 0; k < 3; k++) {
        size_t len = 0;
        FILE *fp = open_memstream(&out[k], &len);
        struct zl_reporter *r = zl_reporter_new(fmts[k], fp, NULL);
        zl_reporter_add(r, &d);
        zl_reporter_add(r, &f->d[0]);
        assert_int_equal(zl_reporter_finish(r), 0);
        fclose(fp);
    }
    const char *inv = strstr(out[0], "\"invocations\": [");
    assert_non_null(inv);
    assert_non_null(strstr(inv, "\"executionSuccessful\": true,"));
    assert_non_null(strstr(inv, "\"toolExecutionNotifications\": ["));
    assert_non_null(strstr(inv, "\"text\": \"bad \\\"config\\\"\""));
    assert_non_null(strstr(inv, "\"id\": \"ZL1001\""));
    /* exactly one result: the finding with a file */
    const char *res = strstr(out[0], "\"ruleId\"");
    assert_non_null(res);
    assert_null(strstr(res + 1, "\"ruleId\""));

    assert_non_null(strstr(out[1], "[\n  {\"file\":null,\"input\":null,\"line\":0,\"column\":0,"));
    assert_memory_equal(out[2], "::error title=ZL1001 syntax::bad \"config\"\n", 39);
    for (int k = 0; k < 3; k++)
        free(out[k]);
    zl_diag_free(&d);
}

static void test_write_error_reported(void **state)
{
    FILE *fp = fopen("/dev/full", "w");
    if (!fp)
        skip();
    struct zl_reporter *r = zl_reporter_new(ZL_FMT_GCC, fp, NULL);
    zl_reporter_add(r, &((struct fixture *)*state)->d[0]);
    assert_int_equal(zl_reporter_finish(r), -1);
    fclose(fp);
}

/* One diagnostic through a reporter of format fmt; the output (malloc'd). */
static char *report_one(enum zl_format fmt, const struct zl_diag *d)
{
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    assert_non_null(fp);
    struct zl_reporter *r = zl_reporter_new(fmt, fp, NULL);
    zl_reporter_add(r, d);
    assert_int_equal(zl_reporter_finish(r), 0);
    fclose(fp);
    return out;
}

/* Bidi overrides and isolates, line and paragraph separators, C1 controls
 * and invisible characters in a finding would let a zone file rewrite how
 * its annotation reads (issue 11): every format shows them as <U+XXXX>. */
#define RLO "\xe2\x80\xae"  /* U+202E right-to-left override */
#define LRI "\xe2\x81\xa6"  /* U+2066 left-to-right isolate */
#define LSEP "\xe2\x80\xa8" /* U+2028 line separator */
#define PSEP "\xe2\x80\xa9" /* U+2029 paragraph separator */
#define CSI "\xc2\x9b"       /* U+009B C1 control sequence introducer */
#define ZWSP "\xe2\x80\x8b" /* U+200B zero-width space */
#define BOMC "\xef\xbb\xbf" /* U+FEFF */

static void test_invisibles_escaped_in_every_format(void **state)
{
    (void)state;
    struct zl_source *list = NULL;
    struct zl_source *src = mem_source(&list, "x.zone", "a" RLO "b IN TXT \"" CSI "31m" LSEP "\"\n");
    struct zl_diag d;
    zl_diag_init(&d, ZL_RULE_ZL2103, ZL_SEV_ERROR, span(src, 1, 1, 1, 6),
                 "owner 'a" RLO "b' " LRI "x" PSEP CSI ZWSP BOMC);
    zl_diag_add_note(&d, "note " RLO "gnp.exe");
    zl_diag_set_fix(&d, span(src, 1, 1, 1, 6), "ab", ZL_FIX_SAFE); /* the old text, shown in summaries, has one */
    static const enum zl_format fmts[] = { ZL_FMT_TEXT, ZL_FMT_GCC, ZL_FMT_JSON, ZL_FMT_SARIF, ZL_FMT_GITHUB };
    static const char *const raw[] = { RLO, LRI, LSEP, PSEP, CSI, ZWSP, BOMC };
    for (size_t f = 0; f < sizeof fmts / sizeof fmts[0]; f++) {
        char *out = report_one(fmts[f], &d);
        for (size_t k = 0; k < sizeof raw / sizeof raw[0]; k++) {
            const char *at = strstr(out, raw[k]);
            if (at)
                print_error("format %s shows U+%02x%02x%02x raw: %s\n", zl_format_name(fmts[f]),
                            (unsigned char)raw[k][0], (unsigned char)raw[k][1], (unsigned char)raw[k][2], out);
            assert_null(at);
        }
        assert_non_null(strstr(out, "<U+202E>"));
        assert_non_null(strstr(out, "<U+2066>"));
        assert_non_null(strstr(out, "<U+2029>"));
        assert_non_null(strstr(out, "<U+009B>"));
        assert_non_null(strstr(out, "<U+200B>"));
        assert_non_null(strstr(out, "<U+FEFF>"));
        free(out);
    }
    zl_diag_free(&d);
    zl_source_free_all(list);
}

/* A long source line is shown as a window around the span, marked with
 * ellipses, with the caret under the span; a 1 MB minified export line
 * once went out whole for every finding (issue 11). */
static void test_text_long_line_elided(void **state)
{
    (void)state;
    struct zl_buf line = { 0 };
    for (int i = 0; i < 3000; i++)
        zl_buf_putc(&line, (uint8_t)('a' + i % 26));
    memcpy(line.data + 1500, "XYZWV", 5); /* the span, found again below */
    zl_buf_puts(&line, "\n");
    struct zl_source *list = NULL;
    struct zl_source *src = mem_source(&list, "long.zone", zl_buf_cstr(&line));
    struct zl_diag d;
    /* bytes 1501..1505 (1-based columns 1501-1505) */
    zl_diag_init(&d, ZL_RULE_ZL1001, ZL_SEV_ERROR, span(src, 1, 1501, 1, 1506), "m");
    char *out = report_one(ZL_FMT_TEXT, &d);
    /* the headline, the window, the caret: short lines */
    char *l2 = strchr(out, '\n') + 1, *l3 = strchr(l2, '\n') + 1;
    size_t n2 = (size_t)(l3 - l2 - 1);
    assert_true(n2 < 200);
    assert_memory_equal(l2, "\xe2\x80\xa6", 3); /* starts with an ellipsis */
    assert_memory_equal(l3 - 4, "\xe2\x80\xa6", 3); /* and ends with one */
    /* the caret sits under byte 1501 of the line, shown at its column */
    const char *caret = strchr(l3, '^');
    assert_non_null(caret);
    size_t cc = (size_t)(caret - l3);  /* display column of the caret */
    /* the window shows an ellipsis (one column) then the bytes around the span */
    const char *shown = strstr(l2, "XYZWV");
    assert_non_null(shown);
    assert_int_equal(cc, (size_t)(shown - (l2 + 3)) + 1);
    assert_memory_equal(caret, "^~~~~\n", 6);
    assert_true(strlen(out) < 600);
    free(out);
    zl_diag_free(&d);

    /* a span at the start of the long line: no leading ellipsis */
    zl_diag_init(&d, ZL_RULE_ZL1001, ZL_SEV_ERROR, span(src, 1, 1, 1, 2), "m");
    out = report_one(ZL_FMT_TEXT, &d);
    l2 = strchr(out, '\n') + 1;
    assert_memory_equal(l2, "abcdef", 6);
    assert_true(strlen(out) < 600);
    free(out);
    zl_diag_free(&d);

    /* a fix-it that replaces most of the line: its summary is elided too */
    zl_diag_init(&d, ZL_RULE_ZL1001, ZL_SEV_ERROR, span(src, 1, 1, 1, 2), "m");
    zl_diag_set_fix(&d, span(src, 1, 1, 1, 2901), (const char *)line.data + 100, ZL_FIX_UNSAFE);
    for (int f = 0; f < 2; f++) {
        out = report_one(f ? ZL_FMT_GITHUB : ZL_FMT_TEXT, &d);
        assert_true(strlen(out) < 1200);
        assert_non_null(strstr(out, "\xe2\x80\xa6"));
        free(out);
    }
    zl_diag_free(&d);
    zl_source_free_all(list);
    zl_buf_free(&line);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names),
        cmocka_unit_test_setup_teardown(test_gcc, setup, teardown),
        cmocka_unit_test_setup_teardown(test_github, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_escapes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_color, setup, teardown),
        cmocka_unit_test(test_text_control_chars_in_source),
        cmocka_unit_test(test_invisibles_escaped_in_every_format),
        cmocka_unit_test(test_text_long_line_elided),
        cmocka_unit_test_setup_teardown(test_sarif, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sarif_fingerprints_distinct, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_error_reported, setup, teardown),
    };
    return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
