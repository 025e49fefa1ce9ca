/* SPDX-License-Identifier: MIT */
/* TTL values as BIND reads them: plain seconds, unit forms (w d h m s, any
 * case, any order, repeats add up), a number without a unit after a unit
 * ("1h30") is not a TTL, and values beyond 32 bits are out of range. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/ttl.h"

/* Parses s; checks the status and, when OK, the value. */
static void expect_ttl(const char *s, enum zl_ttl_status want, uint32_t want_value)
{
    uint32_t v = 0xdeadbeefu;
    enum zl_ttl_status st = zl_ttl_parse(s, strlen(s), &v);
    if (st != want)
        fail_msg("zl_ttl_parse(\"%s\") = %d, expected %d", s, (int)st, (int)want);
    if (want == ZL_TTL_OK && v != want_value)
        fail_msg("zl_ttl_parse(\"%s\") gave %u, expected %u", s, v, want_value);
}

static void expect_ok(const char *s, uint32_t v)
{
    expect_ttl(s, ZL_TTL_OK, v);
}

static void expect_bad(const char *s)
{
    expect_ttl(s, ZL_TTL_BAD, 0);
}

static void expect_range(const char *s)
{
    expect_ttl(s, ZL_TTL_RANGE, 0);
}

static void test_plain(void **state)
{
    (void)state;
    expect_ok("0", 0);
    expect_ok("1", 1);
    expect_ok("3600", 3600);
    expect_ok("086400", 86400); /* leading zeros are digits like any other */
    expect_ok("2147483647", 2147483647u);
    expect_ok("2147483648", 2147483648u); /* > MAXTTL is still a TTL; the parser warns */
}

static void test_units(void **state)
{
    (void)state;
    expect_ok("1s", 1);
    expect_ok("1m", 60);
    expect_ok("1h", 3600);
    expect_ok("1d", 86400);
    expect_ok("1w", 604800);
    expect_ok("1W", 604800);
    expect_ok("1H30M", 5400);
    expect_ok("1h30m", 5400);
    expect_ok("1w2d3h4m5s", 604800 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5);
    expect_ok("5s4m3h2d1w", 604800 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5); /* any order */
    expect_ok("0s", 0);
    expect_ok("0w0d", 0);
    expect_ok("90m", 5400);
}

static void test_repeats_add_up(void **state)
{
    (void)state;
    expect_ok("1h1h", 7200); /* named-checkzone: 7200 */
    expect_ok("1m1m1m", 180);
    expect_ok("30s30s", 60);
}

static void test_not_ttls(void **state)
{
    (void)state;
    expect_bad("");
    expect_bad("h");
    expect_bad("s1");
    expect_bad("1h30"); /* BIND wants a unit on every part */
    expect_bad("1d2");
    expect_bad("1x");
    expect_bad("1 h");
    expect_bad("-1");
    expect_bad("+1");
    expect_bad("1.5h");
    expect_bad("1hh"); /* a unit with no number before it */
    expect_bad("A");
    expect_bad("IN");
    expect_bad("0x10");
    expect_bad("3600 ");
}

static void test_bounds(void **state)
{
    (void)state;
    expect_ok("4294967295", 4294967295u);
    expect_ok("4294967295s", 4294967295u);
    expect_ok("71582788m15s", 4294967295u);
    /* One more than 32 bits, written plainly, looks like a TTL and is too
     * big: that is what ZL_TTL_RANGE is for ("TTL ... is out of range"),
     * not "not a TTL". */
    expect_range("4294967296");
    expect_range("99999999999");
    expect_range("99999999999999999999999999"); /* must not wrap around */
}

static void test_unit_overflow_is_range(void **state)
{
    (void)state;
    expect_range("4294967296s");
    expect_range("71582789m");      /* 4294967340 */
    expect_range("7102w");          /* 4295347200 */
    expect_range("4294967295s1s");  /* the sum overflows, not any part */
    expect_range("1000000000000000000000w");
    expect_range("49711d");         /* 4295030400 */
    /* an overflowing part followed by a malformed tail is still not a TTL */
    uint32_t v;
    assert_int_not_equal(zl_ttl_parse("99999999999w1", 13, &v), ZL_TTL_OK);
}

static void test_length_is_respected(void **state)
{
    (void)state;
    uint32_t v = 0;
    /* n bounds the text: the bytes after it are not read */
    assert_int_equal(zl_ttl_parse("3600junk", 4, &v), ZL_TTL_OK);
    assert_int_equal(v, 3600);
    assert_int_equal(zl_ttl_parse("1h30", 2, &v), ZL_TTL_OK);
    assert_int_equal(v, 3600);
    assert_int_equal(zl_ttl_parse("1h30", 0, &v), ZL_TTL_BAD);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_repeats_add_up),
        cmocka_unit_test(test_not_ttls),
        cmocka_unit_test(test_bounds),
        cmocka_unit_test(test_unit_overflow_is_range),
        cmocka_unit_test(test_length_is_respected),
    };
    return cmocka_run_group_tests_name("ttl", tests, NULL, NULL);
}
