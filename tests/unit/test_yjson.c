/* SPDX-License-Identifier: MIT */
/* The fast JSON event source (src/input/exports/yjson.c) against libyaml:
 * for every input it calls plain JSON, the same events with the same
 * marks, values and styles as libyaml's parser gives; every input it
 * turns away (comments, \u escapes, non-ASCII, CR, trailing commas, a key
 * libyaml would not see as one) goes to libyaml instead. The exports under
 * tests/ and the fuzz corpora are compared too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "input/exports/yjson.h"
#include "test_files.h"

struct mem {
    const char *p;
    size_t n, at;
};

static size_t mem_read(void *data, char *buf, size_t max)
{
    struct mem *m = data;
    size_t k = m->n - m->at < max ? m->n - m->at : max;
    memcpy(buf, m->p + m->at, k);
    m->at += k;
    return k;
}

static bool valid(const char *s, size_t n)
{
    struct mem m = { s, n, 0 };
    return zl_yj_valid(mem_read, &m);
}

static void same_mark(const yaml_mark_t *a, const yaml_mark_t *b, unsigned long k, const char *what)
{
    if (a->index != b->index || a->line != b->line || a->column != b->column)
        fail_msg("event %lu: %s mark %zu/%zu:%zu, libyaml %zu/%zu:%zu", k, what, a->index, a->line, a->column,
                 b->index, b->line, b->column);
}

/* Both sources over s: the same events; returns how many. chunked: the
 * fast source reads s as ystream.c's chunks (it stops at the value's end),
 * libyaml reads s up to that end, as its chunk is fed. */
static unsigned long compare_mode(const char *s, size_t n, bool chunked);

static unsigned long compare(const char *s, size_t n)
{
    compare_mode(s, n, true);
    return compare_mode(s, n, false);
}

static unsigned long compare_mode(const char *s, size_t n, bool chunked)
{
    size_t ylen = n;
    if (chunked) {
        /* where the value ends: a first run of the fast source says */
        struct mem m0 = { s, n, 0 };
        struct zl_yj *j0 = zl_yj_new(mem_read, &m0);
        zl_yj_chunked(j0);
        yaml_event_t e;
        while (zl_yj_next(j0, &e) == 1 && e.type != YAML_DOCUMENT_END_EVENT)
            ;
        ylen = zl_yj_value_end(j0);
        zl_yj_free(j0);
        assert_true(ylen > 0 && ylen <= n);
        assert_true(s[ylen - 1] == '}' || s[ylen - 1] == ']');
    }
    yaml_parser_t y;
    assert_true(yaml_parser_initialize(&y));
    yaml_parser_set_input_string(&y, (const unsigned char *)s, ylen);
    struct mem m = { s, n, 0 };
    struct zl_yj *j = zl_yj_new(mem_read, &m);
    assert_non_null(j);
    if (chunked)
        zl_yj_chunked(j);
    unsigned long k = 0;
    for (;; k++) {
        yaml_event_t a, b;
        assert_int_equal(zl_yj_next(j, &a), 1);
        if (!yaml_parser_parse(&y, &b))
            fail_msg("libyaml fails at event %lu: %s", k, y.problem ? y.problem : "?");
        if (a.type != b.type)
            fail_msg("event %lu: type %d, libyaml %d", k, (int)a.type, (int)b.type);
        same_mark(&a.start_mark, &b.start_mark, k, "start");
        same_mark(&a.end_mark, &b.end_mark, k, "end");
        switch (a.type) {
        case YAML_SCALAR_EVENT:
            assert_int_equal(a.data.scalar.length, b.data.scalar.length);
            assert_memory_equal(a.data.scalar.value, b.data.scalar.value, a.data.scalar.length);
            assert_int_equal(a.data.scalar.value[a.data.scalar.length], 0);
            assert_int_equal(a.data.scalar.style, b.data.scalar.style);
            assert_int_equal(a.data.scalar.plain_implicit, b.data.scalar.plain_implicit);
            assert_int_equal(a.data.scalar.quoted_implicit, b.data.scalar.quoted_implicit);
            assert_null(b.data.scalar.anchor);
            assert_null(b.data.scalar.tag);
            break;
        case YAML_MAPPING_START_EVENT:
            assert_int_equal(a.data.mapping_start.style, b.data.mapping_start.style);
            assert_int_equal(a.data.mapping_start.implicit, b.data.mapping_start.implicit);
            break;
        case YAML_SEQUENCE_START_EVENT:
            assert_int_equal(a.data.sequence_start.style, b.data.sequence_start.style);
            assert_int_equal(a.data.sequence_start.implicit, b.data.sequence_start.implicit);
            break;
        case YAML_DOCUMENT_START_EVENT:
            assert_int_equal(a.data.document_start.implicit, b.data.document_start.implicit);
            break;
        case YAML_DOCUMENT_END_EVENT:
            assert_int_equal(a.data.document_end.implicit, b.data.document_end.implicit);
            break;
        default: break;
        }
        yaml_event_type_t t = b.type;
        yaml_event_delete(&b);
        if (t == YAML_STREAM_END_EVENT)
            break;
    }
    zl_yj_free(j);
    yaml_parser_delete(&y);
    return k + 1;
}

/* ---- zl_yj_skip: the check pass's skipping ---------------------------------- */

/* One event of a full run: what a skipping run is checked against. */
struct ev {
    yaml_event_type_t type;
    size_t at;     /* start mark's index */
    size_t depth;  /* containers open after it */
};

/* All events of the fast source over s (chunked); *failed when it stopped
 * on a token that is not plain JSON. */
static struct ev *full_run(const char *s, size_t n, size_t *count, bool *failed)
{
    struct mem m = { s, n, 0 };
    struct zl_yj *j = zl_yj_new(mem_read, &m);
    zl_yj_chunked(j);
    size_t cap = 64, k = 0;
    struct ev *v = malloc(cap * sizeof *v);
    *failed = false;
    for (;;) {
        yaml_event_t e;
        if (zl_yj_next(j, &e) != 1) {
            *failed = true;
            break;
        }
        if (k == cap)
            v = realloc(v, (cap *= 2) * sizeof *v);
        v[k++] = (struct ev){ e.type, e.start_mark.index, zl_yj_depth(j) };
        if (e.type == YAML_STREAM_END_EVENT)
            break;
    }
    zl_yj_free(j);
    *count = k;
    return v;
}

static unsigned skip_seed = 5;

static unsigned skip_rnd(unsigned n)
{
    skip_seed = skip_seed * 1103515245u + 12345u;
    return (skip_seed >> 16) % n;
}

/* A run that skips values at random, with small budgets and depth limits:
 * after each skip the next event is the full run's event after the
 * skipped value's end, or the deeper start it stopped at, or the same
 * failure. */
static void compare_skipping(const char *s, size_t n)
{
    size_t count;
    bool failed;
    struct ev *v = full_run(s, n, &count, &failed);
    struct mem m = { s, n, 0 };
    struct zl_yj *j = zl_yj_new(mem_read, &m);
    zl_yj_chunked(j);
    size_t i = 0; /* the full run's index of the next event */
    for (;;) {
        yaml_event_t e;
        int r = zl_yj_next(j, &e);
        if (r != 1) {
            if (!failed || i != count)
                fail_msg("the skipping run fails before event %zu of %zu%s", i, count, failed ? " (failed)" : "");
            break;
        }
        if (i >= count || e.type != v[i].type || e.start_mark.index != v[i].at)
            fail_msg("the skipping run's event at %zu is not the full run's event %zu", (size_t)e.start_mark.index, i);
        i++;
        if (e.type == YAML_STREAM_END_EVENT)
            break;
        if ((e.type != YAML_MAPPING_START_EVENT && e.type != YAML_SEQUENCE_START_EVENT) || skip_rnd(2))
            continue;
        size_t d0 = zl_yj_depth(j), limit = d0 + skip_rnd(4), line = 0;
        int sr;
        while ((sr = zl_yj_skip(j, d0 - 1, limit, 1 + skip_rnd(5), &line)) == 0)
            ;
        /* where the full run is now: after the value's end, at a start
         * deeper than limit, or at the token it fails on */
        size_t k = i;
        while (k < count && v[k].depth >= d0 && !(v[k].depth > limit && (v[k].type == YAML_MAPPING_START_EVENT || v[k].type == YAML_SEQUENCE_START_EVENT)))
            k++;
        if (sr > 0) {
            assert_true(k < count && v[k].depth == d0 - 1);
            i = k + 1; /* the end event is skipped with the value */
        } else {
            assert_true(k == count ? failed : v[k].depth > limit);
            i = k;
        }
        assert_int_equal(zl_yj_depth(j), sr > 0 ? d0 - 1 : (k < count ? v[k].depth - 1 : zl_yj_depth(j)));
    }
    zl_yj_free(j);
    free(v);
}

/* Plain JSON, and libyaml's events for it. */
static void expect_same(const char *s)
{
    size_t n = strlen(s);
    if (!valid(s, n))
        fail_msg("not taken as plain JSON: %s", s);
    compare(s, n);
    compare_skipping(s, n);
}

static void expect_turned_away(const char *s)
{
    if (valid(s, strlen(s)))
        fail_msg("taken as plain JSON, but libyaml's to read: %s", s);
}

static void test_shapes(void **state)
{
    expect_same("{\r\n\t\"a\":\t1,\r\n\t\"b\": [\r\n1,\t2,  3]}");
    expect_same("{ \"a\" :\t1 ,\n \"b\":{\n}}\n");
    expect_same("{}");
    expect_same("[]");
    expect_same("{\"a\": 1}");
    expect_same("{\"a\":1,\"b\":[true,false,null,-0.5e+3,\"x\"]}");
    expect_same("\n\n  {\n\"ResourceRecordSets\": [\n{\"Name\": \"a.example.com.\", \"TTL\": 300}\n]\n}\n\n");
    expect_same("[{\"a\": {}}, [], [[1]], {\"b\": [{}]}]");
    expect_same("{\"Value\": \"\\\"v=spf1 include:amazonses.com ~all\\\"\"}");
    expect_same("{\"e\": \"tab\\t nl\\n cr\\r bs\\\\ b\\b f\\f q\\\"\"}");
    expect_same("{\"k\"   :    \"v\"  ,\t\"k2\"\t:\t2}");
    expect_same("{\"a\": 1}   ");
    expect_same("[\n1,\n2\n]");
    expect_same("{\n  \"a\": [\n    \"x\"\n  ]\n}");
    expect_same("{\"\": \"\"}");
    expect_same("{\r\n  \"a\": [\r\n    1,\r\n    \"x\"\r\n  ]\r\n}\r\n");
    expect_same("{\"a\": 1}\r\n\r\n");
}

static void test_key_reach(void **state)
{
    /* libyaml forgets a key that starts 1024 characters before its ':' */
    char buf[1300];
    size_t n = 0;
    buf[n++] = '{';
    buf[n++] = '"';
    for (int i = 0; i < 990; i++)
        buf[n++] = 'k';
    memcpy(buf + n, "\": 1}", 6);
    expect_same(buf);
    n = 2;
    for (int i = 0; i < 1100; i++)
        buf[n++] = 'k';
    memcpy(buf + n, "\": 1}", 6);
    expect_turned_away(buf);
    expect_turned_away("{\"a\"\n: 1}");
}

static void test_turned_away(void **state)
{
    expect_turned_away("");
    expect_turned_away("   ");
    expect_turned_away("\"top\"");
    expect_turned_away("42");
    expect_turned_away("{\"a\": 1,}");
    expect_turned_away("[1,]");
    expect_turned_away("{\"a\" 1}");
    expect_turned_away("{\"a\": 1} {\"b\": 2}");
    expect_turned_away("{\"a\": 1}\n{\"b\": 2}");
    expect_turned_away("{\"a\": 1} # comment");
    expect_turned_away("{\"a\": \"\\u00e9\"}");
    expect_turned_away("{\"a\": \"\\/\"}");
    expect_turned_away("{\"a\": \"caf\xc3\xa9\"}");
    expect_turned_away("{\"a\": 1\r}");
    expect_turned_away("{\"a\": 1}\r");
    expect_turned_away("{'a': 1}");
    expect_turned_away("{a: 1}");
    expect_turned_away("{\"a\": 01}");
    expect_turned_away("{\"a\": 1.}");
    expect_turned_away("{\"a\": tru}");
    expect_turned_away("{\"a\": \"x\ty\"}");
    expect_turned_away("{\"a\": [1}");
    expect_turned_away("{\"a\": 1");
    expect_turned_away("\xef\xbb\xbf{}");
    expect_turned_away("{\"a\": &x 1}");
    expect_turned_away("[1 2]");
    expect_turned_away("{\"a\": 1 \"b\": 2}");
    expect_turned_away("{:1}");
    expect_turned_away("\t{}");
    expect_turned_away("{}\n\t");
    expect_turned_away("{\r\"a\": 1}");
    expect_turned_away("[1,\r2]");
    expect_turned_away("[\r1]");
}

/* Mutations of a plain file (a byte changed to one that matters to JSON or
 * YAML): each one that is still plain must give libyaml's events too. */
static void mutate_and_compare(const char *buf, size_t n)
{
    static const char alphabet[] = "{}[]:,\"\\ \t\n-+.0123456789eEtrufalsn#&*!|>'?%@`~/";
    static unsigned seed = 11;
    char *m = malloc(n + 1);
    for (int round = 0; round < 40; round++) {
        memcpy(m, buf, n + 1);
        for (int k = 0; k < 1 + round % 3; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % n;
            seed = seed * 1103515245u + 12345u;
            m[at] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        if (valid(m, n))
            compare(m, n);
        compare_skipping(m, n); /* plain or not: the same events, or the same failure */
    }
    free(m);
}

struct json_count {
    unsigned files, plain;
};

/* A JSON file (its first byte past blanks opens an object or array):
 * when plain, the same events. */
static void one_json(const char *name, const char *buf, size_t n, void *arg)
{
    struct json_count *c = arg;
    (void)name;
    size_t i = 0;
    while (i < n && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\t'))
        i++;
    if (i < n && (buf[i] == '{' || buf[i] == '[')) {
        c->files++;
        if (valid(buf, n)) {
            c->plain++;
            compare(buf, n);
            compare_skipping(buf, n);
            mutate_and_compare(buf, n);
        }
    }
}

static void test_files(void **state)
{
    struct json_count c = { 0, 0 };
    const char *dirs[] = { "tests/cli", "tests/fuzz/corpus", "tests/fuzz/regressions", "tests/bad-input", "examples" };
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++)
        each_file(dirs[i], (1 << 20) - 1, one_json, &c);
    print_message("%u JSON files, %u of them plain\n", c.files, c.plain);
    if (c.files == 0)
        skip(); /* run from elsewhere than the checkout */
    assert_true(c.plain > 0);
}

/* Irregular inputs: a generator, not a fixture. */
static unsigned gen_seed = 7;

static unsigned rnd(unsigned n)
{
    gen_seed = gen_seed * 1103515245u + 12345u;
    return (gen_seed >> 16) % n;
}

static void gen_space(char *buf, size_t *n)
{
    static const char *sp[] = { "", "", " ", "\n", "\t", "\n  ", "   ", "\r\n", "\r\n\t" };
    *n += (size_t)sprintf(buf + *n, "%s", sp[rnd(9)]);
}

static void gen_value(char *buf, size_t *n, size_t cap, int depth)
{
    static const char *vals[] = { "1", "-2.5", "true", "null", "\"s\"", "\"a\\\"b\"", "\"\"", "1e9", "0", "\"x y\"" };
    unsigned r = rnd(10);
    if (depth > 12 || *n > cap - 600 || r >= 4) {
        *n += (size_t)sprintf(buf + *n, "%s", vals[rnd(10)]);
        return;
    }
    bool obj = r < 2;
    buf[(*n)++] = obj ? '{' : '[';
    unsigned k = rnd(5);
    for (unsigned i = 0; i < k && *n < cap - 600; i++) {
        if (i)
            buf[(*n)++] = ',';
        gen_space(buf, n);
        if (obj) {
            *n += (size_t)sprintf(buf + *n, "\"k%u\"%s:", rnd(100), rnd(2) ? " " : ""); /* a key's ':' on its line */
            gen_space(buf, n);
        }
        gen_value(buf, n, cap, depth + 1);
        gen_space(buf, n);
    }
    buf[(*n)++] = obj ? '}' : ']';
}

static void test_generated(void **state)
{
    for (int round = 0; round < 300; round++) {
        char buf[16384];
        size_t n = 0;
        n += (size_t)sprintf(buf, "%s", round & 2 ? "\n " : ""); /* no tab outside the value */
        buf[n++] = round & 1 ? '[' : '{';
        if (round & 1)
            gen_value(buf, &n, sizeof buf, 0);
        else {
            n += (size_t)sprintf(buf + n, "\"root\": ");
            gen_value(buf, &n, sizeof buf, 0);
        }
        buf[n++] = round & 1 ? ']' : '}';
        n += (size_t)sprintf(buf + n, "%s", round & 4 ? " \n\n" : "");
        buf[n] = '\0';
        expect_same(buf);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shapes),
        cmocka_unit_test(test_key_reach),
        cmocka_unit_test(test_turned_away),
        cmocka_unit_test(test_files),
        cmocka_unit_test(test_generated),
    };
    return cmocka_run_group_tests_name("yjson", tests, NULL, NULL);
}
