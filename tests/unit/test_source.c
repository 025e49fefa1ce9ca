/* SPDX-License-Identifier: MIT */
/* Reading source lines back: files and memory, LF and CRLF, a last line
 * without newline, the empty line after a final newline, far lines (past
 * the cache's 64-line marks) and lines that do not exist. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/buf.h"
#include "base/source.h"

static char *write_temp(const char *data, size_t len)
{
    char tmpl[] = "/tmp/zl_source_XXXXXX";
    int fd = mkstemp(tmpl);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    close(fd);
    return strdup(tmpl);
}

static void expect_line(struct zl_line_cache *c, const struct zl_source *s, uint32_t line, const char *want)
{
    struct zl_buf b = { 0 };
    int rc = zl_line_cache_get(c, s, line, &b);
    if (!want) {
        assert_int_equal(rc, -1);
    } else {
        assert_int_equal(rc, 0);
        assert_int_equal(b.len, strlen(want));
        assert_memory_equal(b.data, want, b.len);
    }
    zl_buf_free(&b);
}

static void test_memory_crlf_and_last_line(void **state)
{
    (void)state;
    struct zl_source *list = NULL;
    struct zl_source *s = zl_source_new(&list, "<stdin>");
    const char text[] = "a\r\nbb\n\nccc";
    s->memory = (unsigned char *)strdup(text);
    s->memory_len = sizeof text - 1;
    struct zl_line_cache *c = zl_line_cache_new();
    expect_line(c, s, 0, NULL);
    expect_line(c, s, 1, "a");
    expect_line(c, s, 2, "bb");
    expect_line(c, s, 3, "");
    expect_line(c, s, 4, "ccc");
    expect_line(c, s, 5, NULL);
    expect_line(c, s, 2, "bb"); /* backwards */
    zl_line_cache_free(c);

    struct zl_buf b = { 0 };
    assert_int_equal(zl_source_line(s, 4, &b), 0);
    assert_string_equal(zl_buf_cstr(&b), "ccc");
    zl_buf_free(&b);
    zl_source_free_all(list);
}

static void test_file_many_lines(void **state)
{
    (void)state;
    struct zl_buf text = { 0 };
    for (int i = 1; i <= 1000; i++)
        zl_buf_printf(&text, "line %d%s\n", i, i % 3 ? "" : "\r");
    char *path = write_temp((const char *)text.data, text.len);

    struct zl_source *list = NULL;
    struct zl_source *s = zl_source_new(&list, "shown/name.zone");
    s->realpath = strdup(path);
    struct zl_line_cache *c = zl_line_cache_new();
    expect_line(c, s, 700, "line 700");
    expect_line(c, s, 1, "line 1");
    expect_line(c, s, 64, "line 64");
    expect_line(c, s, 65, "line 65");
    expect_line(c, s, 129, "line 129");
    expect_line(c, s, 999, "line 999");
    expect_line(c, s, 1000, "line 1000");
    expect_line(c, s, 1001, ""); /* after the final newline */
    expect_line(c, s, 1002, NULL);
    expect_line(c, s, 3, "line 3");

    /* a second source in the same cache, then back to the first */
    struct zl_source *m = zl_source_new(&list, "mem");
    m->memory = (unsigned char *)strdup("x\ny");
    m->memory_len = 3;
    expect_line(c, m, 2, "y");
    expect_line(c, s, 500, "line 500");
    zl_line_cache_free(c);

    /* no memory and no realpath (stdin not kept): nothing, even though the
     * shown name could exist on disk */
    struct zl_source *n = zl_source_new(&list, path);
    struct zl_buf b = { 0 };
    assert_int_equal(zl_source_line(n, 1, &b), -1);
    zl_buf_free(&b);

    unlink(path);
    free(path);
    zl_buf_free(&text);
    zl_source_free_all(list);
}

static void test_long_line_and_missing_file(void **state)
{
    (void)state;
    size_t n = 200000;
    char *big = malloc(n + 8);
    memset(big, 'x', n);
    memcpy(big + n, "\nend", 4);
    char *path = write_temp(big, n + 4);
    struct zl_source *list = NULL;
    struct zl_source *s = zl_source_new(&list, "big");
    s->realpath = strdup(path);
    struct zl_buf b = { 0 };
    assert_int_equal(zl_source_line(s, 1, &b), 0);
    assert_int_equal(b.len, n);
    assert_int_equal(zl_source_line(s, 2, &b), 0);
    assert_string_equal(zl_buf_cstr(&b), "end");
    unlink(path);
    assert_int_equal(zl_source_line(s, 1, &b), -1);
    zl_buf_free(&b);
    free(path);
    free(big);
    zl_source_free_all(list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_memory_crlf_and_last_line),
        cmocka_unit_test(test_file_many_lines),
        cmocka_unit_test(test_long_line_and_missing_file),
    };
    return cmocka_run_group_tests_name("source", tests, NULL, NULL);
}
