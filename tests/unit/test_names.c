/* SPDX-License-Identifier: MIT */
/* Domain names: presentation text -> wire (escapes, @, relative/absolute,
 * length limits, empty labels), comparison (case-insensitive, RFC 4034
 * canonical order) and wire -> text with BIND's escapes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "base/buf.h"
#include "base/names.h"

/* Parses s (absolute or relative to origin text o, which may be NULL). */
static enum zl_name_status parse(struct zl_name *out, const char *s, const char *o, unsigned *flags)
{
    struct zl_name origin;
    if (o)
        assert_int_equal(zl_name_from_text(&origin, o, strlen(o), NULL, NULL), ZL_NAME_OK);
    return zl_name_from_text(out, s, strlen(s), o ? &origin : NULL, flags);
}

static void name_ok(struct zl_name *out, const char *s, const char *o)
{
    enum zl_name_status st = parse(out, s, o, NULL);
    if (st != ZL_NAME_OK)
        fail_msg("'%s' (origin %s): %s", s, o ? o : "none", zl_name_status_text(st));
}

static void expect_status(const char *s, const char *o, enum zl_name_status want)
{
    struct zl_name n;
    enum zl_name_status st = parse(&n, s, o, NULL);
    if (st != want)
        fail_msg("'%.80s' (origin %s): got '%s', expected '%s'", s, o ? o : "none",
                 zl_name_status_text(st), zl_name_status_text(want));
}

/* Parses s and checks the presentation form and the wire form. */
static void expect_text(const char *s, const char *o, const char *want_text)
{
    struct zl_name n;
    name_ok(&n, s, o);
    char buf[ZL_NAME_TEXT_MAX];
    size_t len = zl_name_to_text(&n, buf);
    assert_int_equal(len, strlen(buf));
    if (strcmp(buf, want_text) != 0)
        fail_msg("'%s' printed as '%s', expected '%s'", s, buf, want_text);
}

static void expect_wire(const char *s, const char *o, const void *wire, size_t len, unsigned nlabels)
{
    struct zl_name n;
    name_ok(&n, s, o);
    assert_int_equal(n.len, len);
    assert_memory_equal(n.wire, wire, len);
    assert_int_equal(n.nlabels, nlabels);
}

/* A string of n copies of c. */
static const char *rep(char *buf, char c, size_t n)
{
    memset(buf, c, n);
    buf[n] = '\0';
    return buf;
}

/* ---- wire form --------------------------------------------------------- */

static void test_wire_form(void **state)
{
    (void)state;
    expect_wire("example.com.", NULL, "\7example\3com\0", 13, 2);
    expect_wire("www", "example.com.", "\3www\7example\3com\0", 17, 3);
    expect_wire(".", NULL, "\0", 1, 0);
    expect_wire("@", "example.com.", "\7example\3com\0", 13, 2);
    expect_wire("a.b.c", ".", "\1a\1b\1c\0", 7, 3);
    /* case is kept as written */
    expect_wire("WwW.Example.", NULL, "\3WwW\7Example\0", 13, 2);
}

static void test_escapes(void **state)
{
    (void)state;
    /* \X: the character itself, special meaning removed */
    expect_wire("a\\.b.", NULL, "\3a.b\0", 5, 1);
    expect_wire("\\@.", NULL, "\1@\0", 3, 1);
    expect_wire("\\\\.", NULL, "\1\\\0", 3, 1);
    expect_wire("\\(\\)\\;\\\".", NULL, "\4();\"\0", 6, 1);
    expect_wire("\\a.", NULL, "\1a\0", 3, 1);
    /* \DDD: a decimal octet */
    expect_wire("\\000.", NULL, "\1\0\0", 3, 1);
    expect_wire("\\255.", NULL, "\1\377\0", 3, 1);
    expect_wire("a\\046b.", NULL, "\3a.b\0", 5, 1); /* \046 is '.', but not a separator */
    expect_wire("\\0651.", NULL, "\2A1\0", 4, 1);   /* exactly three digits */
    expect_wire("\\032x.", NULL, "\2 x\0", 4, 1);
    /* the escaped dot at the end does not make a name absolute */
    unsigned fl = 0;
    struct zl_name n;
    assert_int_equal(parse(&n, "a\\.", "org.", &fl), ZL_NAME_OK);
    assert_true(fl & ZL_NAME_F_RELATIVE);
    assert_false(fl & ZL_NAME_F_ABSOLUTE);
    assert_int_equal(n.len, 1 + 2 + 5);
    assert_memory_equal(n.wire, "\2a.\3org\0", 8);
}

static void test_bad_escapes(void **state)
{
    (void)state;
    expect_status("\\256.", NULL, ZL_NAME_BAD_ESCAPE);
    expect_status("\\999.", NULL, ZL_NAME_BAD_ESCAPE);
    expect_status("a\\300b.", NULL, ZL_NAME_BAD_ESCAPE);
    expect_status("a\\", "org.", ZL_NAME_BAD_ESCAPE);   /* lone trailing backslash */
    expect_status("\\1", "org.", ZL_NAME_BAD_ESCAPE);   /* too few digits */
    expect_status("\\12", "org.", ZL_NAME_BAD_ESCAPE);
    expect_status("\\12.", NULL, ZL_NAME_BAD_ESCAPE);   /* "\12." is not \012 */
    expect_status("\\1a2.", NULL, ZL_NAME_BAD_ESCAPE);
}

static void test_at_and_flags(void **state)
{
    (void)state;
    struct zl_name n;
    unsigned fl = 99;
    assert_int_equal(parse(&n, "@", "example.com.", &fl), ZL_NAME_OK);
    assert_int_equal(fl, ZL_NAME_F_AT);
    fl = 99;
    assert_int_equal(parse(&n, "@", NULL, &fl), ZL_NAME_NO_ORIGIN);
    fl = 99;
    assert_int_equal(parse(&n, "www", "example.com.", &fl), ZL_NAME_OK);
    assert_int_equal(fl, ZL_NAME_F_RELATIVE);
    fl = 99;
    assert_int_equal(parse(&n, "www.example.com.", "org.", &fl), ZL_NAME_OK);
    assert_int_equal(fl, ZL_NAME_F_ABSOLUTE);
    fl = 99;
    assert_int_equal(parse(&n, ".", NULL, &fl), ZL_NAME_OK);
    assert_int_equal(fl, ZL_NAME_F_ABSOLUTE);
    assert_int_equal(n.len, 1);
    assert_int_equal(n.nlabels, 0);
    /* relative without an origin */
    fl = 99;
    assert_int_equal(parse(&n, "www", NULL, &fl), ZL_NAME_NO_ORIGIN);
    /* "@" is only special alone */
    expect_wire("@.example.", NULL, "\1@\7example\0", 11, 2);
    expect_wire("a@b.", NULL, "\3a@b\0", 5, 1);
    /* @ with the root as origin */
    expect_wire("@", ".", "\0", 1, 0);
    /* flags may be NULL */
    assert_int_equal(zl_name_from_text(&n, "x.", 2, NULL, NULL), ZL_NAME_OK);
}

static void test_empty_labels(void **state)
{
    (void)state;
    expect_status("", NULL, ZL_NAME_EMPTY);
    expect_status("", "org.", ZL_NAME_EMPTY);
    expect_status("a..b.", NULL, ZL_NAME_EMPTY_LABEL);
    expect_status("a..", NULL, ZL_NAME_EMPTY_LABEL);
    expect_status(".a.", NULL, ZL_NAME_EMPTY_LABEL);
    expect_status(".a", "org.", ZL_NAME_EMPTY_LABEL);
    expect_status("..", NULL, ZL_NAME_EMPTY_LABEL);
    expect_status("a..b", "org.", ZL_NAME_EMPTY_LABEL);
}

static void test_label_length(void **state)
{
    (void)state;
    char l63[64], l64[65], buf[200];
    rep(l63, 'a', 63);
    rep(l64, 'a', 64);
    snprintf(buf, sizeof buf, "%s.", l63);
    struct zl_name n;
    name_ok(&n, buf, NULL);
    assert_int_equal(n.len, 65);
    assert_int_equal(n.wire[0], 63);
    snprintf(buf, sizeof buf, "%s.", l64);
    expect_status(buf, NULL, ZL_NAME_LABEL_TOO_LONG);
    expect_status(l64, "org.", ZL_NAME_LABEL_TOO_LONG);
    name_ok(&n, l63, "org.");
    /* escapes count as one octet each */
    char esc[300] = "";
    for (int i = 0; i < 63; i++)
        strcat(esc, "\\065");
    strcat(esc, ".");
    name_ok(&n, esc, NULL);
    assert_int_equal(n.wire[0], 63);
    assert_int_equal(n.wire[1], 'A');
    esc[strlen(esc) - 1] = '\0';
    strcat(esc, "\\.");
    strcat(esc, ".");
    expect_status(esc, NULL, ZL_NAME_LABEL_TOO_LONG); /* 64th octet is an escaped dot */
    /* a long label in the middle */
    snprintf(buf, sizeof buf, "x.%s.y.", l64);
    expect_status(buf, NULL, ZL_NAME_LABEL_TOO_LONG);
}

static void test_name_length(void **state)
{
    (void)state;
    char l63[64], l61[62], l62[63], buf[400];
    rep(l63, 'a', 63);
    rep(l61, 'b', 61);
    rep(l62, 'b', 62);
    struct zl_name n;

    /* 3*64 + 62 + 1 = 255 octets: the longest name */
    snprintf(buf, sizeof buf, "%s.%s.%s.%s.", l63, l63, l63, l61);
    name_ok(&n, buf, NULL);
    assert_int_equal(n.len, 255);
    assert_int_equal(n.nlabels, 4);
    char text[ZL_NAME_TEXT_MAX];
    assert_int_equal(zl_name_to_text(&n, text), strlen(buf));
    assert_string_equal(text, buf);

    /* 256 octets */
    snprintf(buf, sizeof buf, "%s.%s.%s.%s.", l63, l63, l63, l62);
    expect_status(buf, NULL, ZL_NAME_TOO_LONG);
    /* the same, relative: the origin pushes it over */
    snprintf(buf, sizeof buf, "%s.%s.%s", l63, l63, l63);
    char origin[80];
    snprintf(origin, sizeof origin, "%s.", l61);
    name_ok(&n, buf, origin);
    assert_int_equal(n.len, 255);
    snprintf(origin, sizeof origin, "%s.", l62);
    expect_status(buf, origin, ZL_NAME_TOO_LONG);

    /* many short labels: 127 one-octet labels = 255 octets */
    char many[300] = "";
    for (int i = 0; i < 127; i++)
        strcat(many, "a.");
    name_ok(&n, many, NULL);
    assert_int_equal(n.len, 255);
    assert_int_equal(n.nlabels, 127);
    strcat(many, "a.");
    expect_status(many, NULL, ZL_NAME_TOO_LONG);
    /* and far too long (must not overrun the wire buffer) */
    char huge[2100] = "";
    for (int i = 0; i < 1000; i++)
        strcat(huge, "a.");
    expect_status(huge, NULL, ZL_NAME_TOO_LONG);
    huge[strlen(huge) - 1] = '\0';
    expect_status(huge, "org.", ZL_NAME_TOO_LONG);
}

/* ---- comparison --------------------------------------------------------- */

static void test_equal_ignores_case(void **state)
{
    (void)state;
    struct zl_name a, b;
    name_ok(&a, "WWW.Example.COM.", NULL);
    name_ok(&b, "www.example.com.", NULL);
    assert_true(zl_name_equal(&a, &b));
    assert_int_equal(zl_name_compare(&a, &b), 0);
    assert_int_equal(zl_name_hash(&a), zl_name_hash(&b));
    name_ok(&b, "www.example.co.", NULL);
    assert_false(zl_name_equal(&a, &b));
    /* case folding is ASCII only: \200 and \240 differ */
    name_ok(&a, "\\200.", NULL);
    name_ok(&b, "\\240.", NULL);
    assert_false(zl_name_equal(&a, &b));
    /* the same octets in different label splits are different names */
    name_ok(&a, "ab.c.", NULL);
    name_ok(&b, "a.bc.", NULL);
    assert_false(zl_name_equal(&a, &b));
    assert_int_not_equal(zl_name_compare(&a, &b), 0);
    /* an escaped dot is not a label separator */
    name_ok(&a, "a\\.b.", NULL);
    name_ok(&b, "a.b.", NULL);
    assert_false(zl_name_equal(&a, &b));
}

static void test_canonical_order(void **state)
{
    (void)state;
    /* RFC 4034 section 6.1, in order */
    static const char *const order[] = {
        "example.",       "a.example.",     "yljkjljk.a.example.", "Z.a.example.",
        "zABC.a.EXAMPLE.", "z.example.",    "\\001.z.example.",    "*.z.example.",
        "\\200.z.example.",
    };
    size_t n = sizeof order / sizeof order[0];
    struct zl_name a, b;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            name_ok(&a, order[i], NULL);
            name_ok(&b, order[j], NULL);
            int c = zl_name_compare(&a, &b);
            int want = i < j ? -1 : i > j ? 1 : 0;
            if ((c > 0) - (c < 0) != want)
                fail_msg("compare(%s, %s) = %d, expected sign %d", order[i], order[j], c, want);
        }
    }
    /* the root sorts first */
    name_ok(&a, ".", NULL);
    name_ok(&b, "a.", NULL);
    assert_true(zl_name_compare(&a, &b) < 0);
    assert_true(zl_name_compare(&b, &a) > 0);
}

static void test_subdomain_and_suffix(void **state)
{
    (void)state;
    struct zl_name a, b, s;
    name_ok(&a, "www.Example.com.", NULL);
    name_ok(&b, "example.COM.", NULL);
    assert_true(zl_name_is_subdomain(&a, &b));
    assert_true(zl_name_is_subdomain(&b, &b));
    assert_false(zl_name_is_subdomain(&b, &a));
    name_ok(&b, "ample.com.", NULL);
    assert_false(zl_name_is_subdomain(&a, &b));
    name_ok(&b, ".", NULL);
    assert_true(zl_name_is_subdomain(&a, &b));
    zl_name_suffix(&s, &a, 1);
    name_ok(&b, "example.com.", NULL);
    assert_true(zl_name_equal(&s, &b));
    assert_int_equal(s.nlabels, 2);
    zl_name_suffix(&s, &a, 9);
    assert_int_equal(s.len, 1);
    assert_int_equal(zl_name_label_offset(&a, 0), 0);
    assert_int_equal(zl_name_label_offset(&a, 1), 4);
    assert_int_equal(zl_name_label_offset(&a, 2), 12);
}

static void test_from_wire(void **state)
{
    (void)state;
    struct zl_name n;
    assert_int_equal(zl_name_from_wire(&n, (const uint8_t *)"\3www\0junk", 9), 5);
    assert_int_equal(n.len, 5);
    assert_int_equal(n.nlabels, 1);
    assert_int_equal(zl_name_from_wire(&n, (const uint8_t *)"\3ww", 3), 0);     /* truncated */
    assert_int_equal(zl_name_from_wire(&n, (const uint8_t *)"\300\014", 2), 0); /* pointer */
    assert_int_equal(zl_name_from_wire(&n, (const uint8_t *)"", 0), 0);
}

/* ---- presentation ------------------------------------------------------- */

static void test_to_text_plain(void **state)
{
    (void)state;
    expect_text(".", NULL, ".");
    expect_text("www.example.com.", NULL, "www.example.com.");
    expect_text("www", "example.com.", "www.example.com.");
    expect_text("WwW.", NULL, "WwW."); /* case kept */
    expect_text("*.example.", NULL, "*.example.");
    expect_text("_sip._tcp.example.", NULL, "_sip._tcp.example.");
    expect_text("a-b.example.", NULL, "a-b.example.");
    expect_text("a/b+c=d.", NULL, "a/b+c=d.");
}

static void test_to_text_escapes_like_bind(void **state)
{
    (void)state;
    expect_text("a\\.b.", NULL, "a\\.b.");
    expect_text("\\\"q.", NULL, "\\\"q.");
    expect_text("\\(x\\).", NULL, "\\(x\\).");
    expect_text("a\\;b.", NULL, "a\\;b.");
    expect_text("\\@.", NULL, "\\@.");
    expect_text("a@b.", NULL, "a\\@b.");
    expect_text("\\$x.", NULL, "\\$x.");
    expect_text("\\\\.", NULL, "\\\\.");
    /* non-printables and space as \DDD */
    expect_text("\\000.", NULL, "\\000.");
    expect_text("a\\032b.", NULL, "a\\032b.");
    expect_text("\\ x.", NULL, "\\032x.");
    expect_text("\\009.", NULL, "\\009.");
    expect_text("\\127.", NULL, "\\127.");
    expect_text("\\128\\200\\255.", NULL, "\\128\\200\\255.");
    /* \DDD of a printable character prints as the character */
    expect_text("\\065\\066.", NULL, "AB.");
    expect_text("\\126.", NULL, "~.");
    /* \DDD of a special character prints with the \X form */
    expect_text("\\046.", NULL, "\\..");
    expect_text("\\059.", NULL, "\\;.");
}

static void test_to_text_round_trip(void **state)
{
    (void)state;
    /* every octet value survives text -> wire -> text -> wire */
    for (unsigned c = 0; c < 256; c++) {
        char in[16];
        snprintf(in, sizeof in, "x\\%03u.", c);
        struct zl_name a, b;
        name_ok(&a, in, NULL);
        char text[ZL_NAME_TEXT_MAX];
        size_t len = zl_name_to_text(&a, text);
        assert_int_equal(zl_name_from_text(&b, text, len, NULL, NULL), ZL_NAME_OK);
        assert_int_equal(a.len, b.len);
        assert_memory_equal(a.wire, b.wire, a.len);
    }
    /* the longest text: 255 octets of \DDD fit ZL_NAME_TEXT_MAX */
    char in[1200] = "";
    for (int l = 0; l < 4; l++) {
        for (int i = 0; i < (l < 3 ? 63 : 61); i++)
            strcat(in, "\\001");
        strcat(in, ".");
    }
    struct zl_name n;
    name_ok(&n, in, NULL);
    assert_int_equal(n.len, 255);
    char text[ZL_NAME_TEXT_MAX];
    size_t len = zl_name_to_text(&n, text);
    assert_true(len < ZL_NAME_TEXT_MAX);
    assert_string_equal(text, in);
    struct zl_buf b = { 0 };
    zl_buf_puts(&b, "<");
    zl_name_to_buf(&n, &b);
    assert_int_equal(b.len, len + 1);
    assert_memory_equal(b.data + 1, in, len);
    zl_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wire_form),
        cmocka_unit_test(test_escapes),
        cmocka_unit_test(test_bad_escapes),
        cmocka_unit_test(test_at_and_flags),
        cmocka_unit_test(test_empty_labels),
        cmocka_unit_test(test_label_length),
        cmocka_unit_test(test_name_length),
        cmocka_unit_test(test_equal_ignores_case),
        cmocka_unit_test(test_canonical_order),
        cmocka_unit_test(test_subdomain_and_suffix),
        cmocka_unit_test(test_from_wire),
        cmocka_unit_test(test_to_text_plain),
        cmocka_unit_test(test_to_text_escapes_like_bind),
        cmocka_unit_test(test_to_text_round_trip),
    };
    return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
