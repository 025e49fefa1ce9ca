/* SPDX-License-Identifier: MIT */
/* .zonelint files (src/cli/config.c): comments anywhere on a line, [path]
 * sections and which files they apply to, every value checked with its
 * line, did-you-mean. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli/config.h"

static char dir[] = "/tmp/zonelint-test-config-XXXXXX";

static int load(const char *text, struct zl_config *c, char *err, size_t errlen)
{
    char path[300];
    snprintf(path, sizeof path, "%s/.zonelint", dir);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    memset(c, 0, sizeof *c);
    err[0] = '\0';
    return zl_config_load(c, path, err, errlen);
}

static void test_comments(void **state)
{
    (void)state;
    struct zl_config c;
    char err[1500];
    assert_int_equal(load("# top\n  ; also\nselect = ZL2, ses-   # two\nignore = ZL2102 ; one\nfail-level = error#x\n", &c,
                          err, sizeof err), -1);
    /* a '#' not after a blank is part of the value */
    assert_non_null(strstr(err, ":5: error: fail-level must be error, warning or info, not 'error#x'"));
    zl_config_free(&c);
    assert_int_equal(load("select = ZL2, ses-   # two\nignore = ZL2102 ; one\n", &c, err, sizeof err), 0);
    assert_int_equal(c.select.n, 2);
    assert_string_equal(c.select.v[1], "ses-");
    assert_int_equal(c.ignore.n, 1);
    assert_string_equal(c.ignore.v[0], "ZL2102");
    zl_config_free(&c);
}

struct hits {
    unsigned lines[8];
    size_t n;
};

static void hit(void *user, const struct zl_config_section *s)
{
    struct hits *h = user;
    h->lines[h->n++] = s->line;
}

static void test_sections(void **state)
{
    (void)state;
    struct zl_config c;
    char err[1500];
    assert_int_equal(load("select = ZL2\n[path \"legacy/*\"]\nignore = ZL2101\n[path *.yaml]\nselect = ZL1\n"
                          "[path \"**/old/*.zone\"]\nfail-level = info\norigin = example.org\n",
                          &c, err, sizeof err), 0);
    assert_int_equal(c.nsections, 3);
    assert_string_equal(c.sections[1].glob, "*.yaml");
    assert_true(c.sections[1].has_select);
    char f[400];
    struct hits h = { { 0 }, 0 };
    snprintf(f, sizeof f, "%s/legacy/old/a.zone", dir);
    zl_config_each_section(&c, f, hit, &h);
    assert_int_equal(h.n, 2);
    assert_int_equal(h.lines[0], 2);
    assert_int_equal(h.lines[1], 6);
    h.n = 0;
    snprintf(f, sizeof f, "%s/octodns/example.com.yaml", dir);
    zl_config_each_section(&c, f, hit, &h);
    assert_int_equal(h.n, 1);
    assert_int_equal(h.lines[0], 4);
    h.n = 0;
    zl_config_each_section(&c, "/elsewhere/legacy/a.zone", hit, &h); /* not below the config */
    assert_int_equal(h.n, 0);
    zl_config_free(&c);
}

static void test_errors(void **state)
{
    (void)state;
    struct zl_config c;
    char err[1500];
    static const struct {
        const char *text, *want;
    } cases[] = {
        { "select = ZL2\nselect = target-relative-externl\n",
          ":2: error: select: no rule matches 'target-relative-externl' (did you mean 'target-relative-external'?)" },
        { "\n\norigin = not a name!\n", ":3: error: origin 'not a name!' is not a domain name" },
        { "fail-level = warn\n", ":1: error: fail-level must be error, warning or info, not 'warn'" },
        { "exitzero = true\n", ":1: error: unknown key 'exitzero' (did you mean 'exit-zero'?)" },
        { "[path \"a/*\"]\nsenders = packs\n", ":2: error: 'senders' applies to the whole run" },
        { "[path \"a/*\"]\nfial-level = info\n", ":2: error: unknown key 'fial-level' in a [path] section (did you mean 'fail-level'?)" },
        { "[path]\n", ":1: error: unknown section '[path]'" },
        { "[path \"\"]\n", ":1: error: [path] needs a pattern" },
        { "input-format = bind\n", ":1: error: input-format must be" },
        { "color = sometimes\n", ":1: error: color must be auto, always or never" },
        { "just words\n", ":1: error: expected 'key = value'" },
        { "ses-identity = bad name!=x.json\n", ":1: error: ses-identity NAME=FILE: 'bad name!' is not a domain name" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(load(cases[i].text, &c, err, sizeof err), -1);
        if (!strstr(err, cases[i].want))
            fail_msg("for %s: got '%s'", cases[i].text, err);
        assert_non_null(strstr(err, "/.zonelint:"));
        zl_config_free(&c);
    }
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/.zonelint", dir);
    unlink(path);
    rmdir(dir);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_comments),
        cmocka_unit_test(test_sections),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests_name("config", tests, setup, teardown);
}
