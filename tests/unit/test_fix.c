/* SPDX-License-Identifier: MIT */
/* The parts of --fix, --diff, --baseline, --add-suppressions and directory
 * walks that can be tested without a command line (src/cli/fix*.c,
 * glob.c, suppress_add.c, baseline.c, walk.c). */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/buf.h"
#include "cli/baseline.h"
#include "cli/config.h"
#include "cli/fix.h"
#include "cli/glob.h"
#include "cli/suppress_add.h"
#include "cli/walk.h"
#include "lint/lint.h"

static struct zl_span sp(uint32_t l, uint32_t c, uint32_t el, uint32_t ec)
{
    struct zl_span s = { NULL, l, c, el, ec };
    return s;
}

/* Columns count bytes from the line start; a BOM on line 1 is not counted;
 * a '\r' before '\n' is a column of its own; spans outside fail. */
static void test_span_offsets(void **state)
{
    (void)state;
    const char *t = "\xef\xbb\xbf" "ab c\r\n\txyz\n";
    size_t len = strlen(t), a, b;
    struct zl_span s = sp(1, 1, 1, 3);
    assert_int_equal(zl_fix_span_offsets(t, len, &s, &a, &b), 0);
    assert_int_equal(a, 3);
    assert_int_equal(b, 5); /* "ab" */
    s = sp(2, 2, 2, 5);
    assert_int_equal(zl_fix_span_offsets(t, len, &s, &a, &b), 0);
    assert_memory_equal(t + a, "xyz", 3);
    assert_int_equal(b - a, 3);
    s = sp(1, 4, 2, 1); /* "c\r\n" across the line end */
    assert_int_equal(zl_fix_span_offsets(t, len, &s, &a, &b), 0);
    assert_memory_equal(t + a, "c\r\n", 3);
    assert_int_equal(b - a, 3);
    s = sp(1, 1, 1, 9); /* past the end of line 1 */
    assert_int_equal(zl_fix_span_offsets(t, len, &s, &a, &b), -1);
    s = sp(4, 1, 4, 1); /* no line 4 */
    assert_int_equal(zl_fix_span_offsets(t, len, &s, &a, &b), -1);
    s = sp(2, 3, 2, 2); /* ends before it starts */
    assert_int_equal(zl_fix_span_offsets(t, len, &s, &a, &b), -1);
    s = sp(3, 1, 3, 1); /* the empty line after the last newline: an insertion there */
    assert_int_equal(zl_fix_span_offsets(t, len, &s, &a, &b), 0);
    assert_int_equal(a, len);
}

static char *diff(const char *a, const char *b)
{
    struct zl_buf out = { 0 };
    zl_unified_diff(&out, "z.zone", a, strlen(a), b, strlen(b));
    return zl_buf_cstr(&out);
}

static void test_unified_diff(void **state)
{
    (void)state;
    char *d = diff("a\nb\nc\n", "a\nb\nc\n");
    assert_string_equal(d, "");
    free(d);
    d = diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n");
    assert_string_equal(d, "--- z.zone\n+++ z.zone\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+FIVE\n 6\n 7\n 8\n");
    free(d);
    /* two changes far apart: two hunks; near: one */
    d = diff("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n", "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL\n");
    assert_string_equal(d, "--- z.zone\n+++ z.zone\n@@ -1,4 +1,4 @@\n-a\n+A\n b\n c\n d\n@@ -9,4 +9,4 @@\n i\n j\n k\n-l\n+L\n");
    free(d);
    d = diff("a\nb\nc\nd\ne\n", "A\nb\nc\nd\nE\n");
    assert_string_equal(d, "--- z.zone\n+++ z.zone\n@@ -1,5 +1,5 @@\n-a\n+A\n b\n c\n d\n-e\n+E\n");
    free(d);
    /* no newline at the end, and CRLF lines kept whole */
    d = diff("x\r\ny", "x.\r\ny");
    assert_string_equal(d, "--- z.zone\n+++ z.zone\n@@ -1,2 +1,2 @@\n-x\r\n+x.\r\n y\n\\ No newline at end of file\n");
    free(d);
    /* lines added and removed: empty ranges name the line before */
    d = diff("a\nb\n", "a\nnew\nb\n");
    assert_string_equal(d, "--- z.zone\n+++ z.zone\n@@ -1,2 +1,3 @@\n a\n+new\n b\n");
    free(d);
    d = diff("", "a\n");
    assert_string_equal(d, "--- z.zone\n+++ z.zone\n@@ -0,0 +1 @@\n+a\n");
    free(d);
    d = diff("a\nb\nc\n", "a\nc\n");
    assert_string_equal(d, "--- z.zone\n+++ z.zone\n@@ -1,3 +1,2 @@\n a\n-b\n c\n");
    free(d);
}

static void test_glob(void **state)
{
    (void)state;
    assert_true(zl_glob_match("*.zone", "zones/a.zone"));
    assert_true(zl_glob_match("*.zone", "a.zone"));
    assert_false(zl_glob_match("*.zone", "a.zone.txt"));
    assert_true(zl_glob_match("legacy", "zones/legacy/a.zone"));
    assert_true(zl_glob_match("zones/legacy/*", "zones/legacy/a.zone"));
    assert_true(zl_glob_match("zones/legacy/*", "zones/legacy/old/a.zone")); /* the directory matches */
    assert_false(zl_glob_match("zones/legacy/*", "other/zones/legacy/a.zone"));
    assert_true(zl_glob_match("/zones/*.zone", "zones/a.zone"));
    assert_false(zl_glob_match("zones/*.zone", "zones/sub/a.zone"));
    assert_true(zl_glob_match("zones/**/*.zone", "zones/sub/deep/a.zone"));
    assert_true(zl_glob_match("zones/**/*.zone", "zones/a.zone"));
    assert_true(zl_glob_match("db.[d-f]*", "x/db.example"));
    assert_false(zl_glob_match("db.[!d-f]*", "db.example"));
    assert_true(zl_glob_match("db.[!a-c]*", "db.example"));
    assert_true(zl_glob_match("a?c", "abc"));
    assert_false(zl_glob_match("a?c", "a/c"));
    assert_true(zl_glob_match("build/", "build/x.zone"));
    assert_true(zl_glob_match("\\*.zone", "*.zone"));
    assert_false(zl_glob_match("\\*.zone", "a.zone"));
    char *r = zl_glob_rel("zones", "zones/sub/../a.zone");
    assert_string_equal(r, "a.zone");
    free(r);
    assert_null(zl_glob_rel("zones", "other/a.zone"));
}

static char *suppress(const char *line, const char *codes)
{
    struct zl_buf out = { 0 };
    if (zl_suppress_line(line, strlen(line), codes, &out) != 0) {
        zl_buf_free(&out);
        return NULL;
    }
    return zl_buf_cstr(&out);
}

static void test_suppress_line(void **state)
{
    (void)state;
    char *s = suppress("www IN CNAME ghs.google.com", "ZL2102");
    assert_string_equal(s, "www IN CNAME ghs.google.com ; zonelint: disable=ZL2102");
    free(s);
    s = suppress("www IN CNAME x   ; Google   ", "ZL2102,ZL3104");
    assert_string_equal(s, "www IN CNAME x   ; Google ; zonelint: disable=ZL2102,ZL3104");
    free(s);
    s = suppress("a IN A 192.0.2.1 ; zonelint: disable=ZL3108 (old)", "ZL2101,ZL3108");
    assert_string_equal(s, "a IN A 192.0.2.1 ; zonelint: disable=ZL3108,ZL2101 (old)");
    free(s);
    s = suppress("t IN TXT \"v=spf1 ; -all\"", "ZL4102"); /* a ';' inside quotes is no comment */
    assert_string_equal(s, "t IN TXT \"v=spf1 ; -all\" ; zonelint: disable=ZL4102");
    free(s);
    assert_null(suppress("t IN TXT \"open", "ZL1001"));
    assert_null(suppress("t IN A 192.0.2.1 ; zonelint: disable-file=ZL3109", "ZL2101"));
    s = suppress("t IN TXT \"a\\\"b\" ; c", "ZL2103"); /* an escaped quote */
    assert_string_equal(s, "t IN TXT \"a\\\"b\" ; c ; zonelint: disable=ZL2103");
    free(s);
}

/* zl_safe_write: a new file, a replaced one (mode kept), and a write that
 * cannot happen leaves the file alone. */
static void test_safe_write(void **state)
{
    (void)state;
    char dir[] = "/tmp/zonelint-test-fix-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[300], err[300];
    snprintf(path, sizeof path, "%s/a.zone", dir);
    assert_int_equal(zl_safe_write(path, "one\n", 4, NULL, err, sizeof err), 0);
    assert_int_equal(chmod(path, 0640), 0);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(zl_safe_write(path, "two\n", 4, &st, err, sizeof err), 0);
    struct stat st2;
    assert_int_equal(stat(path, &st2), 0);
    assert_int_equal(st2.st_mode & 07777, 0640);
    FILE *f = fopen(path, "r");
    char buf[16] = "";
    assert_non_null(fgets(buf, sizeof buf, f));
    fclose(f);
    assert_string_equal(buf, "two\n");
    /* the owner is kept (only root can give a file to someone else to test it) */
    if (geteuid() == 0) {
        assert_int_equal(chown(path, 65534, 65534), 0);
        assert_int_equal(stat(path, &st), 0);
        assert_int_equal(zl_safe_write(path, "two\n", 4, &st, err, sizeof err), 0);
        assert_int_equal(stat(path, &st2), 0);
        assert_int_equal(st2.st_uid, 65534);
        assert_int_equal(st2.st_gid, 65534);
        assert_int_equal(st2.st_mode & 07777, 0640);
    }
    /* the file changed since it was read: not written */
    assert_int_equal(zl_safe_write(path, "three\n", 6, &st, err, sizeof err), -1);
    assert_non_null(strstr(err, "changed"));
    /* no such directory */
    char missing[300];
    snprintf(missing, sizeof missing, "%s/none/a.zone", dir);
    assert_int_equal(zl_safe_write(missing, "x", 1, NULL, err, sizeof err), -1);
    /* a directory without write permission (root may write anyway) */
    if (geteuid() != 0) {
        assert_int_equal(chmod(dir, 0555), 0);
        assert_int_equal(stat(path, &st), 0);
        assert_int_equal(zl_safe_write(path, "four\n", 5, &st, err, sizeof err), -1);
        assert_non_null(strstr(err, "temporary"));
        assert_int_equal(chmod(dir, 0755), 0);
        f = fopen(path, "r");
        assert_non_null(fgets(buf, sizeof buf, f));
        fclose(f);
        assert_string_equal(buf, "two\n");
    }
    unlink(path);
    rmdir(dir);
}

static struct zl_diags lint_text(const char *text, struct zl_source **sources)
{
    struct zl_lint_opts o;
    memset(&o, 0, sizeof o);
    o.input_format = 0;
    struct zl_diags d = { 0 };
    zl_lint_buffer(text, strlen(text), "example.com.zone", &o, sources, &d);
    return d;
}

static const struct zl_diag *find_code(const struct zl_diags *d, const char *code)
{
    for (size_t i = 0; i < d->n; i++)
        if (!strcmp(d->v[i].code, code))
            return &d->v[i];
    return NULL;
}

/* A finding's fingerprint is its record's, not its line's: records moved
 * keep it; another value gets another. */
static void test_baseline_hash(void **state)
{
    (void)state;
    const char *head = "$TTL 300\n@ IN SOA ns1.example.net. h.example.com. 1 2 3 4 5\n@ IN NS ns1.example.net.\n";
    struct zl_buf a = { 0 }, b = { 0 }, c = { 0 };
    zl_buf_printf(&a, "%swww IN CNAME ghs.google.com\n", head);
    zl_buf_printf(&b, "%sapi IN A 192.0.2.1\nold IN A 192.0.2.2\nwww    IN   CNAME ghs.google.com\n", head);
    zl_buf_printf(&c, "%swww IN CNAME ghs.google.org\n", head);
    struct zl_source *sources = NULL;
    struct zl_diags da = lint_text(zl_buf_cstr(&a), &sources), db = lint_text(zl_buf_cstr(&b), &sources),
                    dc = lint_text(zl_buf_cstr(&c), &sources);
    const struct zl_diag *x = find_code(&da, "ZL2102"), *y = find_code(&db, "ZL2102"), *z = find_code(&dc, "ZL2102");
    assert_non_null(x);
    assert_non_null(y);
    assert_non_null(z);
    assert_true(x->subject.valid);
    assert_int_not_equal(x->span.line, y->span.line);
    char hx[17], hy[17], hz[17];
    zl_baseline_hash(x, hx);
    zl_baseline_hash(y, hy);
    zl_baseline_hash(z, hz);
    assert_string_equal(hx, hy);
    assert_string_not_equal(hx, hz);
    zl_diags_free(&da);
    zl_diags_free(&db);
    zl_diags_free(&dc);
    zl_parse_sources_free(sources);
    zl_buf_free(&a);
    zl_buf_free(&b);
    zl_buf_free(&c);
}

/* What a directory walk takes: exports a reader knows, master files by
 * name or by how they start; not other JSON, YAML or text. */
static void test_walk_wants(void **state)
{
    (void)state;
    const char *soa = "@ IN SOA ns1.example.net. h.example.com. 1 2 3 4 5\n";
    assert_true(zl_walk_wants("example.com.zone", "www IN A 192.0.2.1\n", 19));
    assert_true(zl_walk_wants("db.example.com", soa, strlen(soa)));
    assert_true(zl_walk_wants("hosts", "; zone\n$TTL 300\n", 16));
    assert_false(zl_walk_wants("db.example.com", "www IN A 192.0.2.1\n", 19)); /* a fragment: through its $INCLUDE */
    assert_false(zl_walk_wants("notes.txt", "just notes, SOA is a word here too\n", 35));
    const char *r53 = "{\"ResourceRecordSets\": [{\"Name\": \"a.example.com.\", \"Type\": \"A\"}]}";
    assert_true(zl_walk_wants("export.json", r53, strlen(r53)));
    assert_false(zl_walk_wants("package.json", "{\"name\": \"x\"}", 13));
    assert_false(zl_walk_wants("ci.yml", "on: push\njobs: {}\n", 18));
    assert_false(zl_walk_wants("db.sqlite", "SQLite format 3\0\0\0\0", 20)); /* binary */
    assert_true(zl_walk_wants("x.zone", "\xff\xfe$\0T\0T\0L\0", 10)); /* UTF-16: the reader says so */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_span_offsets),
        cmocka_unit_test(test_unified_diff),
        cmocka_unit_test(test_glob),
        cmocka_unit_test(test_suppress_line),
        cmocka_unit_test(test_safe_write),
        cmocka_unit_test(test_baseline_hash),
        cmocka_unit_test(test_walk_wants),
    };
    return cmocka_run_group_tests_name("fix", tests, NULL, NULL);
}
