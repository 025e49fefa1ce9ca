/* SPDX-License-Identifier: MIT */
/* The fast block-YAML event source (src/input/exports/yblock.c) against
 * libyaml (yb_compare.h): the same events on every input, giving up where
 * libyaml fails, and reading to the stream's end the shapes octoDNS and
 * people write. Fixtures, generated documents and mutations of both are
 * compared; tests/fuzz/fuzz_yblock.c does the same with libFuzzer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include <cmocka.h>

#include "test_files.h"
#include "yb_compare.h"

/* Both sources over s, in one read and in reads of 3 bytes: the same. */
static int compare(const char *s, size_t n)
{
    char why[512];
    enum yb_result r = yb_compare(s, n, 0, why, sizeof why);
    if (r == YB_MISMATCH)
        fail_msg("%s in:\n%s", why, s);
    if (yb_compare(s, n, 3, why, sizeof why) != r)
        fail_msg("reads of 3 bytes: %s in:\n%s", r == YB_MISMATCH ? why : "another result", s);
    return (int)r;
}

static void expect_read(const char *s)
{
    if (compare(s, strlen(s)) != 1)
        fail_msg("the fast source gave up on:\n%s", s);
}

static void expect_given_up(const char *s)
{
    if (compare(s, strlen(s)) == 1)
        fail_msg("the fast source read what it should leave to libyaml:\n%s", s);
}

/* What octoDNS writes (PyYAML: indentless sequences, "? ''" for the apex,
 * long values folded over lines), and what people write by hand. */
static void test_shapes(void **state)
{
    (void)state;
    expect_read("---\n? ''\n: - ttl: 60\n    type: A\n    values:\n    - 1.2.3.4\n    - 1.2.3.5\n"
                "  - type: MX\n    value:\n      exchange: mx.example.com.\n      preference: 10\n"
                "www:\n  type: CNAME\n  value: example.com.\n");
    expect_read("---\n'':\n  - type: TXT\n    values:\n      - 'v=spf1 include:amazonses.com -all'\n"
                "      - \"plain double\"\n");
    expect_read("selector._domainkey:\n  type: TXT\n  value: v=DKIM1\\; k=rsa\\; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n"
                "    AQAB\n");
    expect_read("a:\n  value: 'v=DKIM1; k=rsa;\n    p=MIIB''x''\n\n    tail'\n");
    expect_read("# comment\n\na: 1   # trailing\nb:    two words  \nc:\nd: -1\ne: x:y\nf: a#b\n");
    expect_read("- a\n- - b\n  - c\n-\n- d: e\n  f: g\n");
    expect_read("key: a\n  b\n\n  c\nnext: x\n");
    expect_read("k : v\n'q' : r\n\"d\": s\n");
    expect_read("");
    expect_read("# only a comment\n");
    expect_read("---\n");
    expect_read("--- scalar\n");
    expect_read("a: b\nc: d");      /* no newline at the end */
    expect_read("a:\n  - b\n  -");
    expect_read("? a\n? b\n: c\n");
    expect_read("a:\n- b\nc:\n- d\n");
    expect_read("a: b\n---\nc: d\n...\n---\n- e\n...\n");
    expect_read("- \"\\\"v=DMARC1; p=none\\\"\"\n- \"\\t\\\\\\/\\0\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\\e \\ \"\n");
}

static void test_given_up(void **state)
{
    (void)state;
    expect_given_up("a:\tb\n");
    expect_given_up("a: b\r\n");
    expect_given_up("a: [b]\n");
    expect_given_up("a: {b: c}\n");
    expect_given_up("a: &x b\nc: *x\n");
    expect_given_up("a: !!str b\n");
    expect_given_up("a: |\n  b\n");
    expect_given_up("a: >\n  b\n");
    expect_given_up("%YAML 1.1\n---\na: b\n");
    expect_given_up("a: \"b\\\nc\"\n");
    expect_given_up("a: \"b\\qc\"\n");
    expect_given_up("a: \"\\ud800\"\n");
    expect_given_up("a: caf\xc3\xa9\n");
    expect_given_up("a: b: c\n");
    expect_given_up("a:\n  b: c\n d: e\n");
    expect_given_up("a\nb\n: c\n");
    expect_given_up("- a\nb: c\n");
    expect_given_up("a: 'unterminated\n");
    expect_given_up("a: @b\n");
    expect_given_up("\xef\xbb\xbf" "a: b\n");    /* libyaml reads the encoding from a byte order mark */
    expect_given_up("\xfe\xff" "/\xff)\xff");     /* UTF-16 (a fuzzer's find: the stream start's encoding) */
}

/* A key too far from its ':' is not one for libyaml. */
static void test_key_reach(void **state)
{
    (void)state;
    for (size_t len = 990; len <= 1040; len += 10) {
        char *s = malloc(len + 16);
        memset(s, 'k', len);
        strcpy(s + len, ": v\n");
        compare(s, strlen(s));
        free(s);
    }
}

/* Skipping (zl_yb_skip) each collection in turn, in budgets of 1 to 3
 * events: what comes after it is libyaml's event after its end; a merge
 * key, or a collection past the limit, is held for zl_yb_next. */
static void skip_each(const char *s)
{
    /* libyaml's events: types and start marks */
    yaml_parser_t y;
    assert_true(yaml_parser_initialize(&y));
    yaml_parser_set_input_string(&y, (const unsigned char *)s, strlen(s));
    yaml_event_type_t types[256];
    size_t at[256], n = 0;
    for (;;) {
        yaml_event_t e;
        assert_true(yaml_parser_parse(&y, &e));
        assert_true(n < 256);
        types[n] = e.type;
        at[n++] = e.start_mark.index;
        yaml_event_delete(&e);
        if (types[n - 1] == YAML_STREAM_END_EVENT)
            break;
    }
    yaml_parser_delete(&y);
    for (size_t k = 0; k < n; k++) {
        if (types[k] != YAML_MAPPING_START_EVENT && types[k] != YAML_SEQUENCE_START_EVENT)
            continue;
        size_t end = k, d = 0; /* the event after the collection's end */
        do {
            d += types[end] == YAML_MAPPING_START_EVENT || types[end] == YAML_SEQUENCE_START_EVENT;
            d -= types[end] == YAML_MAPPING_END_EVENT || types[end] == YAML_SEQUENCE_END_EVENT;
            end++;
        } while (d);
        struct yb_mem m = { s, strlen(s), 0, 0 };
        struct zl_yb *b = zl_yb_new(yb_mem_read, &m);
        yaml_event_t ev;
        for (size_t i = 0; i <= k; i++)
            assert_int_equal(zl_yb_next(b, &ev), 1);
        size_t depth = zl_yb_depth(b), line;
        int r;
        while ((r = zl_yb_skip(b, depth - 1, 1000, 1 + k % 3, &line)) == 0)
            ;
        if (r == 1)
            assert_int_equal(zl_yb_depth(b), depth - 1);
        assert_int_equal(zl_yb_next(b, &ev), 1);
        if (r == 1) {
            assert_int_equal(ev.type, types[end]);
            assert_int_equal(ev.start_mark.index, at[end]);
        } else {
            /* held: a merge key inside */
            assert_int_equal(ev.type, YAML_SCALAR_EVENT);
            assert_string_equal((const char *)ev.data.scalar.value, "<<");
        }
        zl_yb_free(b);
    }
}

static void test_skip(void **state)
{
    (void)state;
    skip_each("---\n? ''\n: - ttl: 60\n    values:\n    - 1.2.3.4\n    - 1.2.3.5\n  - type: MX\n"
              "    value:\n      exchange: mx.example.com.\n      preference: 10\nwww:\n  type: A\n  value: x\n");
    skip_each("- - - a\n    - b\n  - c\n- d: e\n");
    skip_each("a:\n  <<:\n    b: c\nd: e\n");

    /* a limit of the open depth: the inner sequence is held, not counted
     * until it is given */
    const char *s = "- - a\n- b\n";
    struct yb_mem m = { s, strlen(s), 0, 0 };
    struct zl_yb *b = zl_yb_new(yb_mem_read, &m);
    yaml_event_t ev;
    for (int i = 0; i < 3; i++) /* stream, document, the outer sequence */
        assert_int_equal(zl_yb_next(b, &ev), 1);
    size_t line;
    assert_int_equal(zl_yb_skip(b, 0, 1, 100, &line), -1);
    assert_int_equal(zl_yb_depth(b), 1);
    assert_int_equal(zl_yb_next(b, &ev), 1);
    assert_int_equal(ev.type, YAML_SEQUENCE_START_EVENT);
    assert_int_equal(ev.start_mark.column, 2);
    assert_int_equal(zl_yb_depth(b), 2);
    assert_int_equal(zl_yb_skip(b, 0, 10, 100, &line), 1);
    assert_int_equal(zl_yb_next(b, &ev), 1);
    assert_int_equal(ev.type, YAML_DOCUMENT_END_EVENT);
    zl_yb_free(b);
}

/* ---- generated documents --------------------------------------------------------- */

static unsigned gen_seed = 11;

static unsigned rnd(unsigned n)
{
    gen_seed = gen_seed * 1103515245u + 12345u;
    return (gen_seed >> 16) % n;
}

struct gen {
    char *p;
    size_t n, cap;
};

static void emit(struct gen *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(g->p + g->n, g->cap - g->n, fmt, ap);
    va_end(ap);
    if (w > 0 && g->n + (size_t)w < g->cap)
        g->n += (size_t)w;
}

static void gen_scalar(struct gen *g, unsigned indent)
{
    static const char *plain[] = { "1.2.3.4", "v=spf1 -all", "a#b", "x:y", "-1", "mx.example.com.", "two  words",
                                   "~", "yes", "a,b[c]{d}", "p=MIIB/+=", "it's", "say \"hi\"" };
    switch (rnd(7)) {
    case 0: emit(g, "'%s'", rnd(2) ? "q''s" : "single"); break;
    case 1: emit(g, "\"%s\"", rnd(2) ? "dq" : ""); break;
    case 2: /* a folded plain scalar */
        emit(g, "first part%s\n%*s%s", rnd(2) ? "  " : "", (int)(indent + 1 + rnd(3)), "", rnd(2) ? "second" : "- dash");
        if (rnd(2))
            emit(g, "\n\n%*sthird", (int)(indent + 1), "");
        break;
    case 3: /* a folded quoted scalar */
        emit(g, "'one%s\n%*stwo%s'", rnd(2) ? " " : "", (int)rnd(4), "", rnd(2) ? "\n\n x" : "");
        break;
    default: emit(g, "%s", plain[rnd(sizeof plain / sizeof *plain)]); break;
    }
    if (rnd(6) == 0)
        emit(g, " # note");
}

static void gen_key(struct gen *g)
{
    static const char *keys[] = { "type", "ttl", "values", "value", "'www'", "\"q\"", "''", "_dmarc", "a b", "k" };
    emit(g, "%s%s", keys[rnd(sizeof keys / sizeof *keys)], rnd(8) == 0 ? " " : "");
}

static void gen_node(struct gen *g, unsigned indent, int depth, bool inline_ok);

static void gen_map(struct gen *g, unsigned indent, int depth, bool first_inline)
{
    unsigned k = 1 + rnd(3);
    for (unsigned i = 0; i < k && g->n < g->cap - 400; i++) {
        if (i || !first_inline)
            emit(g, "%*s", (int)indent, "");
        if (rnd(10) == 0) {
            emit(g, "? ");
            gen_scalar(g, indent);
            emit(g, "\n%*s:", (int)indent, "");
        } else {
            gen_key(g);
            emit(g, ":");
        }
        gen_node(g, indent, depth + 1, true);
        if (rnd(8) == 0)
            emit(g, "%s\n", rnd(2) ? "" : "   # between");
    }
}

static void gen_seq(struct gen *g, unsigned indent, int depth, bool first_inline)
{
    unsigned k = 1 + rnd(3);
    for (unsigned i = 0; i < k && g->n < g->cap - 400; i++) {
        if (i || !first_inline)
            emit(g, "%*s", (int)indent, "");
        emit(g, "-");
        gen_node(g, indent + 2, depth + 1, true);
    }
}

/* A value after "key:" or "-" on the current line (indent: the column of
 * the collection the value is in, plus 2 for a sequence's). */
static void gen_node(struct gen *g, unsigned indent, int depth, bool inline_ok)
{
    unsigned r = depth > 5 ? 5 + rnd(3) : rnd(8);
    (void)inline_ok;
    switch (r) {
    case 0: /* a mapping on the next lines */
    case 1: {
        emit(g, "\n");
        gen_map(g, indent + 2, depth, false);
        return;
    }
    case 2: /* a sequence on the next lines, indented or not */
        emit(g, "\n");
        gen_seq(g, indent + (rnd(2) ? 2 : 0), depth, false);
        return;
    case 3: /* a compact mapping or sequence */
        emit(g, " ");
        if (rnd(2))
            gen_map(g, indent + 2, depth, true);
        else
            gen_seq(g, indent + 2, depth, true);
        return;
    case 4: emit(g, "\n"); return; /* empty */
    default:
        emit(g, " ");
        gen_scalar(g, indent);
        emit(g, "\n");
        return;
    }
}

static void gen_doc(struct gen *g)
{
    g->n = 0;
    if (rnd(3) == 0)
        emit(g, "---\n");
    if (rnd(4) == 0)
        emit(g, "# generated\n\n");
    if (rnd(5) == 0)
        gen_seq(g, 0, 0, false);
    else
        gen_map(g, 0, 0, false);
    if (rnd(4) == 0 && g->n)
        g->n--; /* no newline at the end */
    g->p[g->n] = '\0';
}

static void test_generated(void **state)
{
    (void)state;
    char buf[32768];
    struct gen g = { buf, 0, sizeof buf - 1 };
    unsigned read_all = 0, libyaml_only = 0, mutated = 0;
    for (int round = 0; round < 3000; round++) {
        gen_doc(&g);
        int r = compare(buf, g.n);
        read_all += r == 1;
        /* the generator writes only what the fast source reads */
        if (r == 0 && libyaml_only++ < 3)
            print_message("given up, libyaml reads it:\n%s\n", buf);
        /* mutations: a byte changed, dropped or doubled; a line shifted */
        for (int m = 0; m < 4 && g.n > 2; m++) {
            char tmp[32768];
            size_t n = g.n, at = rnd((unsigned)n);
            memcpy(tmp, buf, n);
            static const char bytes[] = " \n:-'\"#?a\t";
            switch (rnd(4)) {
            case 0: tmp[at] = bytes[rnd(sizeof bytes - 1)]; break;
            case 1: memmove(tmp + at, tmp + at + 1, n - at - 1); n--; break;
            case 2: memmove(tmp + at + 1, tmp + at, n - at); n++; break;
            default:
                memmove(tmp + at + 1, tmp + at, n - at);
                tmp[at] = ' ';
                n++;
                break;
            }
            tmp[n] = '\0';
            mutated += compare(tmp, n) == 1;
        }
    }
    print_message("generated: %u of 3000 read to the end, %u mutations too\n", read_all, mutated);
    assert_int_equal(libyaml_only, 0);
    assert_true(read_all > 1500);
}

/* ---- the YAML under tests/ and examples/ ---------------------------------------- */

struct yaml_count {
    unsigned files, read_all;
};

static void one_yaml(const char *name, const char *s, size_t n, void *arg)
{
    struct yaml_count *c = arg;
    size_t l = strlen(name);
    if ((l > 5 && !strcmp(name + l - 5, ".yaml")) || (l > 4 && !strcmp(name + l - 4, ".yml"))) {
        c->files++;
        c->read_all += compare(s, n) == 1;
    }
}

static void test_files(void **state)
{
    (void)state;
    struct yaml_count c = { 0, 0 };
    const char *dirs[] = { "tests", "examples", "../shared/samples" };
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++)
        each_file(dirs[i], 4 << 20, one_yaml, &c);
    print_message("%u YAML files, %u of them read to the end\n", c.files, c.read_all);
    if (c.files == 0)
        skip(); /* run from elsewhere than the checkout */
    assert_true(c.read_all > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shapes),
        cmocka_unit_test(test_given_up),
        cmocka_unit_test(test_key_reach),
        cmocka_unit_test(test_skip),
        cmocka_unit_test(test_generated),
        cmocka_unit_test(test_files),
    };
    return cmocka_run_group_tests_name("yblock", tests, NULL, NULL);
}
