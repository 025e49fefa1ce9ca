/* SPDX-License-Identifier: MIT */
/* Every rule's explanation carries its examples, and they run (as
 * shellcheck's checks carry theirs): each `Bad:` block must raise that rule
 * and each `Good:` block must be clean, with only that rule selected, and
 * neither may hold a syntax error unless the rule is about syntax.
 *
 * An example block is a label alone on its line ("Bad:", "Good:"), a blank
 * line, then lines indented by four spaces. Blocks that give the run its
 * other inputs come before the examples:
 *   "Identity (--ses-identity):"  JSON of aws sesv2 get-email-identity
 *   "Delegation (--expect-ns):"   the delegated name servers
 * "Bad (example.com.yaml):" lints the block as a file of that name (an
 * export). "Bad (live):" and "Good (live):" show what `zonelint verify`
 * sees on the wire (the ZL6xxx rules); they cannot run offline, so the rule
 * must instead be pinned by a scenario against real name servers
 * (tests/verify/cases/) or a unit test of the judging (test_verify.c). A block whose first line starts with "zonelint " is a command line: its
 * last word is a file name that exists for Good and not for Bad (the io
 * rule). Examples are linted as a file named example.com.zone (so that is
 * their origin unless they set $ORIGIN), after a line
 * "$TTL 3600" unless they set their own or open with a provider export's
 * header comment (which must stay first for the export to be recognised). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/buf.h"
#include "input/readers.h"
#include "lint/lint.h"
#include "rules/rules.h"
#include "xcheck/delegation.h"
#include "xcheck/ses_identity.h"

enum kind { K_BAD, K_GOOD, K_IDENTITY, K_DELEGATION };

struct block {
    enum kind kind;
    struct zl_buf text;
    char file[64];           /* "Bad (example.com.yaml):": the file name to lint it as */
    bool live;               /* "Bad (live):": a verify transcript */
};

struct example_set {
    struct block v[16];
    size_t n;
};

static const struct {
    const char *label;
    enum kind kind;
} labels[] = {
    { "Bad:", K_BAD },
    { "Good:", K_GOOD },
    { "Identity (--ses-identity):", K_IDENTITY },
    { "Delegation (--expect-ns):", K_DELEGATION },
};

static bool line_is(const char *p, size_t n, const char *label)
{
    return strlen(label) == n && memcmp(p, label, n) == 0;
}

/* Splits an explanation into its labelled blocks. */
static void parse_examples(const char *explain, struct example_set *set)
{
    memset(set, 0, sizeof *set);
    struct block *cur = NULL;
    for (const char *p = explain; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        bool labelled = false;
        for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
            /* "Bad:" or "Bad (file name):" */
            size_t ll = strlen(labels[k].label) - 1;
            const char *open = n > ll + 3 ? p + ll : NULL;
            bool named = open && !memcmp(p, labels[k].label, ll) && open[0] == ' ' && open[1] == '(' &&
                         p[n - 2] == ')' && p[n - 1] == ':' && k < 2;
            if (line_is(p, n, labels[k].label) || named) {
                assert_true(set->n < sizeof set->v / sizeof set->v[0]);
                cur = &set->v[set->n++];
                cur->kind = labels[k].kind;
                snprintf(cur->file, sizeof cur->file, "%s", "example.com.zone");
                if (named)
                    snprintf(cur->file, sizeof cur->file, "%.*s", (int)(n - ll - 4), open + 2);
                cur->live = named && !strcmp(cur->file, "live");
                labelled = true;
            }
        }
        if (!labelled && cur) {
            if (n >= 4 && !memcmp(p, "    ", 4)) {
                zl_buf_put(&cur->text, p + 4, n - 4);
                zl_buf_putc(&cur->text, '\n');
            } else if (n > 0 && cur->text.len) {
                cur = NULL; /* prose after the block ends it */
            }
        }
        p += n + (e ? 1 : 0);
    }
    for (size_t i = 0; i < set->n; i++)
        zl_buf_cstr(&set->v[i].text);
}

/* The text to lint for an example block: see the header comment. */
static void example_text(const struct block *b, struct zl_buf *out)
{
    const char *t = (const char *)b->text.data;
    out->len = 0;
    if (!strstr(t, "$TTL") && t[0] != ';' && !strstr(b->file, ".yaml") && !strstr(b->file, ".json") &&
        !strstr(b->file, ".tf"))
        zl_buf_puts(out, "$TTL 3600\n");
    zl_buf_put(out, b->text.data, b->text.len);
    zl_buf_cstr(out);
}

static void free_examples(struct example_set *set)
{
    for (size_t i = 0; i < set->n; i++)
        zl_buf_free(&set->v[i].text);
}

static const struct block *find_block(const struct example_set *set, enum kind k)
{
    for (size_t i = 0; i < set->n; i++)
        if (set->v[i].kind == k)
            return &set->v[i];
    return NULL;
}

static size_t count_code(const struct zl_diags *d, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        n += strcmp(d->v[i].code, code) == 0;
    return n;
}

/* The io rule's examples are command lines: the file either exists or not. */
static size_t run_command(const struct zl_rule *r, const char *cmd, bool create, struct zl_lint_opts *o)
{
    char dir[] = "/tmp/zl-explain-XXXXXX";
    assert_non_null(mkdtemp(dir));
    const char *arg = strrchr(cmd, ' ');
    assert_non_null(arg);
    char path[512];
    snprintf(path, sizeof path, "%s/%.*s", dir, (int)strcspn(arg + 1, "\n"), arg + 1);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    char sub[512];
    bool have_sub = strcmp(path, dir) != 0;
    snprintf(sub, sizeof sub, "%s", path);
    if (have_sub)
        assert_int_equal(mkdir(sub, 0700), 0);
    *slash = '/';
    if (create) {
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs("$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1.example.net.\n", f);
        fclose(f);
    }
    struct zl_diags d = { 0 };
    struct zl_source *sources = NULL;
    zl_lint_file(path, NULL, o, &sources, &d);
    size_t hits = count_code(&d, r->code);
    zl_diags_free(&d);
    zl_parse_sources_free(sources);
    if (create)
        unlink(path);
    if (have_sub)
        rmdir(sub);
    rmdir(dir);
    return hits;
}

static unsigned problems;

/* True when code appears in a file, or the file cannot be read (the test
 * runs outside the source tree). */
static bool mentioned_in(const char *path, const char *code, bool *readable)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    *readable = true;
    char line[4096];
    bool hit = false;
    while (!hit && fgets(line, sizeof line, f))
        hit = strstr(line, code) != NULL;
    fclose(f);
    return hit;
}

/* A live rule is pinned by a verify scenario or a judging unit test. */
static bool live_rule_pinned(const char *code, bool *readable)
{
    *readable = false;
    if (mentioned_in("tests/unit/test_verify.c", code, readable))
        return true;
    DIR *d = opendir("tests/verify/cases");
    if (!d)
        return false;
    bool hit = false;
    for (struct dirent *e; !hit && (e = readdir(d));) {
        char p[512];
        if (e->d_name[0] == '.')
            continue;
        snprintf(p, sizeof p, "tests/verify/cases/%s/expected.out", e->d_name);
        hit = mentioned_in(p, code, readable);
    }
    closedir(d);
    return hit;
}
#define PROBLEM(...) (print_error(__VA_ARGS__), print_error("\n"), problems++)

static void check_rule(const struct zl_rule *r)
{
    struct example_set set;
    parse_examples(r->explain, &set);
    const struct block *bad = find_block(&set, K_BAD), *good = find_block(&set, K_GOOD);
    if (!bad || !good) {
        PROBLEM("%s %s: the explanation needs a Bad: and a Good: example", r->code, r->slug);
        free_examples(&set);
        return;
    }

    char *sel[] = { (char *)r->code, "ZL1001" };
    struct zl_lint_opts o;
    memset(&o, 0, sizeof o);
    o.sel.select = sel;
    o.sel.nselect = 2;
    o.input_format = ZL_INPUT_AUTO;

    struct zl_ses_expect ses;
    struct zl_delegation dl;
    memset(&ses, 0, sizeof ses);
    memset(&dl, 0, sizeof dl);
    char err[512];
    const struct block *id = find_block(&set, K_IDENTITY), *ns = find_block(&set, K_DELEGATION);
    if (id) {
        if (zl_ses_expect_load_buffer(&ses, (const char *)id->text.data, id->text.len, "identity.json", err,
                                      sizeof err) != 0)
            PROBLEM("%s: its Identity block does not load: %s", r->code, err);
        o.ses_expect = &ses;
    }
    if (ns) {
        char *list = zl_xstrndup((const char *)ns->text.data, ns->text.len);
        list[strcspn(list, "\n")] = '\0';
        if (zl_delegation_load(&dl, list, err, sizeof err) != 0)
            PROBLEM("%s: its Delegation block does not load: %s", r->code, err);
        free(list);
        o.expect_ns = &dl;
    }

    bool is_syntax = !strcmp(r->code, "ZL1001");
    if (bad->live || good->live) {
        bool readable;
        if (!(bad->live && good->live))
            PROBLEM("%s %s: live examples come in pairs (Bad (live): and Good (live):)", r->code, r->slug);
        else if (!live_rule_pinned(r->code, &readable) && readable)
            PROBLEM("%s %s: a live rule must be pinned by a tests/verify/cases scenario or test_verify.c",
                    r->code, r->slug);
        zl_ses_expect_free(&ses);
        zl_delegation_free(&dl);
        free_examples(&set);
        return;
    }
    for (size_t i = 0; i < set.n; i++) {
        const struct block *b = &set.v[i];
        if (b->kind != K_BAD && b->kind != K_GOOD)
            continue;
        const char *text = (const char *)b->text.data;
        size_t hits;
        if (!strncmp(text, "zonelint ", 9)) {
            hits = run_command(r, text, b->kind == K_GOOD, &o);
        } else {
            struct zl_diags d = { 0 };
            struct zl_source *sources = NULL;
            struct zl_buf full = { 0 };
            example_text(b, &full);
            zl_lint_buffer((const char *)full.data, full.len, b->file, &o, &sources, &d);
            zl_buf_free(&full);
            hits = count_code(&d, r->code);
            size_t syntax = count_code(&d, "ZL1001");
            if (!is_syntax && syntax) {
                for (size_t k = 0; k < d.n; k++)
                    print_message("%s:%u: %s\n", d.v[k].code, d.v[k].span.line, d.v[k].message);
                PROBLEM("%s %s: a %s example does not parse:\n%s", r->code, r->slug,
                         b->kind == K_BAD ? "Bad" : "Good", text);
            }
            if (b->kind == K_GOOD && hits)
                for (size_t k = 0; k < d.n; k++)
                    print_message("%s:%u: %s\n", d.v[k].code, d.v[k].span.line, d.v[k].message);
            zl_diags_free(&d);
            zl_parse_sources_free(sources);
        }
        if (b->kind == K_BAD && !hits)
            PROBLEM("%s %s: its Bad example raises nothing:\n%s", r->code, r->slug, text);
        if (b->kind == K_GOOD && hits)
            PROBLEM("%s %s: its Good example raises it:\n%s", r->code, r->slug, text);
    }
    zl_ses_expect_free(&ses);
    zl_delegation_free(&dl);
    free_examples(&set);
}

static void test_every_rule(void **state)
{
    (void)state;
    for (unsigned i = 0; i < zl_rule_count; i++)
        check_rule(&zl_rules[i]);
    assert_int_equal(problems, 0);
}

/* The harness itself: a block that does not raise its rule is caught. */
static void test_parser_of_blocks(void **state)
{
    (void)state;
    struct example_set set;
    parse_examples("Why.\n\nBad:\n\n    a 1 IN A 192.0.2.1\n    b 1 IN A 192.0.2.2\n\nGood:\n\n"
                   "    c 1 IN A 192.0.2.3\n\nMore prose.\n    not an example\n",
                   &set);
    assert_int_equal(set.n, 2);
    assert_int_equal(set.v[0].kind, K_BAD);
    assert_string_equal(zl_buf_cstr(&set.v[0].text), "a 1 IN A 192.0.2.1\nb 1 IN A 192.0.2.2\n");
    assert_string_equal(zl_buf_cstr(&set.v[1].text), "c 1 IN A 192.0.2.3\n");
    free_examples(&set);
}

/* ... and a rule whose examples are swapped fails twice. */
static void test_swapped_examples_fail(void **state)
{
    (void)state;
    struct zl_rule r = *ZL_RULE_REF(ZL2101);
    r.explain = "Bad:\n\n    www 3600 IN A 192.0.2.1\n\nGood:\n\n"
                "    www.example.com 3600 IN A 192.0.2.1\n";
    unsigned before = problems;
    check_rule(&r);
    assert_int_equal(problems - before, 2);
    problems = before;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parser_of_blocks),
        cmocka_unit_test(test_swapped_examples_fail),
        cmocka_unit_test(test_every_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
