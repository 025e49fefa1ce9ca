/* SPDX-License-Identifier: MIT */
/* HCL native syntax (grammar/hcl.*, src/input/terraform/hcl_ast.c) and the
 * static evaluator (hcl_eval.c, hcl_funcs.c): every construct parses to the
 * tree expected, every error message is pinned with its position, and
 * expressions evaluate as Terraform would (or to unknown). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/buf.h"
#include "input/terraform/hcl_ast.h"
#include "input/terraform/hcl_eval.h"

static char errbuf[600];

static void on_error(void *user, const struct zl_span *s, const char *msg)
{
    (void)user;
    snprintf(errbuf, sizeof errbuf, "%u:%u: %s", s->line, s->col, msg);
}

/* The tree of a file as text, or "line:col: message". */
static void parse_text(const char *text, struct zl_buf *out)
{
    struct zl_arena a = { 0 };
    struct zl_hcl_error_fn e = { on_error, NULL };
    errbuf[0] = '\0';
    struct zl_hcl_body *b = zl_hcl_parse(text, strlen(text), NULL, &a, &e);
    if (b)
        zl_hcl_dump_body(b, out);
    else
        zl_buf_printf(out, "%s", errbuf);
    zl_arena_free(&a);
}

static const struct {
    const char *in, *want;
} constructs[] = {
    { "a = 1\n",
      "a=1;" },
    { "a = 1.5e3\n",
      "a=1.5e3;" },
    { "a = true\n",
      "a=true;" },
    { "a = null\n",
      "a=null;" },
    { "a = \"x\"\n",
      "a=(tpl 'x');" },
    { "a = \"a${b}c\"\n",
      "a=(tpl 'a' (paren b) 'c');" },
    { "a = \"$${b} %%{c} $ %\"\n",
      "a=(tpl '${' 'b} ' '%{' 'c} ' '$' ' ' '%');" },
    { "a = \"\\n\\t\\\"\\\\\\u00e9\"\n",
      "a=(tpl '\n' '\t' '\"' '\\' 'é');" },
    { "a = [1, 2, 3,]\n",
      "a=(tuple 1 2 3);" },
    { "a = []\n",
      "a=(tuple);" },
    { "a = {}\n",
      "a=(object);" },
    { "a = { x = 1, \"y\" = 2, (z) = 3 }\n",
      "a=(object x 1 (tpl 'y') 2 (paren z) 3);" },
    { "a = {\n  x = 1\n  y : 2,\n}\n",
      "a=(object x 1 y 2);" },
    { "a = f()\n",
      "a=(call f);" },
    { "a = f(1, 2)\n",
      "a=(call f 1 2);" },
    { "a = f(x...)\n",
      "a=(call f... x);" },
    { "a = provider::aws::arn_parse(x)\n",
      "a=(call provider::aws::arn_parse x);" },
    { "a = x.y.z\n",
      "a=x.y.z;" },
    { "a = x[0]\n",
      "a=x[0];" },
    { "a = x.0.1\n",
      "a=x[0][1];" },
    { "a = x[*].y\n",
      "a=(splat [*] x @.y);" },
    { "a = x.*.y\n",
      "a=(splat x @.y);" },
    { "a = x.*.y[0]\n",
      "a=(splat x @.y)[0];" },
    { "a = x[*].y[0]\n",
      "a=(splat [*] x @.y[0]);" },
    { "a = (x[*].y)[0]\n",
      "a=(paren (splat [*] x @.y))[0];" },
    { "a = x ? y : z\n",
      "a=(cond x y z);" },
    { "a = x ? y : z ? w : v\n",
      "a=(cond x y (cond z w v));" },
    { "a = 1 + 2 * 3\n",
      "a=(bin + 1 (bin * 2 3));" },
    { "a = (1 + 2) * 3\n",
      "a=(bin * (paren (bin + 1 2)) 3);" },
    { "a = 1 - 2 - 3\n",
      "a=(bin - (bin - 1 2) 3);" },
    { "a = a || b && c\n",
      "a=(bin || a (bin && b c));" },
    { "a = a == b != c\n",
      "a=(bin != (bin == a b) c);" },
    { "a = a < b\n",
      "a=(bin < a b);" },
    { "a = !a\n",
      "a=(unary ! a);" },
    { "a = -a * b\n",
      "a=(bin * (unary - a) b);" },
    { "a = 10 % 3\n",
      "a=(bin % 10 3);" },
    { "a = [for v in x : v]\n",
      "a=(for ,v x _ v _);" },
    { "a = [for i, v in x : v if i > 0]\n",
      "a=(for i,v x _ v (bin > i 0));" },
    { "a = {for k, v in x : k => v}\n",
      "a=(for k,v x k v _);" },
    { "a = {for k, v in x : v => k...}\n",
      "a=(for k,v ... x v k _);" },
    { "a = {\n  for k in x : k => 1\n}\n",
      "a=(for ,k x k 1 _);" },
    { "a = \"%{if x}y%{else}z%{endif}\"\n",
      "a=(tpl (%if x (tpl 'y') (tpl 'z')));" },
    { "a = \"%{for v in x}${v},%{endfor}\"\n",
      "a=(tpl (%for ,v x (tpl (paren v) ',')));" },
    { "a = \"%{ for k, v in x ~}${k}%{ endfor ~}\"\n",
      "a=(tpl (%for k,v x (tpl (paren k))));" },
    { "a = \"  ${~ x ~}  \"\n",
      "a=(tpl '' (paren x) '');" },
    { "a = <<EOT\nhello\nEOT\n",
      "a=(tpl 'hello' '\n');" },
    { "a = <<-EOT\n    one\n      two\n    EOT\n",
      "a=(tpl 'one' '\n' '  two' '\n');" },
    { "a = <<EOT\n${x}\nEOT\n",
      "a=(tpl (paren x) '\n');" },
    { "b {\n}\n",
      "b{}" },
    { "b \"l1\" \"l2\" {\n  c = 1\n}\n",
      "b \"l1\" \"l2\"{c=1;}" },
    { "b l1 { c = 1 }\n",
      "b \"l1\"{c=1;}" },
    { "b {}\n",
      "b{}" },
    { "a = x # comment\n",
      "a=x;" },
    { "a = x // comment\n",
      "a=x;" },
    { "/* block\ncomment */ a = 1\n",
      "a=1;" },
    { "\xef\xbb\xbf" "a = 1\n",
      "a=1;" },
};

static const struct {
    const char *in, *want;
} errors[] = {
    { "a =\n",
      "1:4: unexpected newline; expected an expression" },
    { "a = 1 +\n2\n",
      "1:8: unexpected newline; expected an expression" },
    { "a = \"x\n",
      "1:7: unterminated string: a quoted string cannot span lines (close it with '\"', or use a heredoc)" },
    { "a = \"\\q\"\n",
      "1:6: invalid escape '\\q' in a quoted string: expected \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN" },
    { "a = \"%{ foo }\"\n",
      "1:6: expected if, for, else, endif or endfor after '%{' (write %%{ for a literal '%{')" },
    { "a = <<EOF\nabc\n",
      "1:5: unterminated heredoc: no line 'EOF' closes it before the end of the file" },
    { "a = <<EOF x\n",
      "1:5: a heredoc marker must end its line: write <<EOF, a newline, the text, then EOF on a line of its own" },
    { "a = [1, 2\n",
      "2:1: unexpected end of file; expected ']' or ','" },
    { "a = (1\n",
      "2:1: unexpected end of file; expected ')'" },
    { "a = {a = 1 b = 2}\n",
      "1:12: unexpected identifier; expected newline, '}' or ','" },
    { "b \"${x}\" {}\n",
      "1:6: a block label must be a literal string, not a template" },
    { "a = 1\na = 2\n",
      "2:1: attribute 'a' is defined twice in this body (first at line 1)" },
    { "a = 1 2\n",
      "1:7: unexpected number; expected end of file or newline" },
    { "a @ 1\n",
      "1:3: invalid character '@'" },
    { "a = 1 ~}\n",
      "1:7: '~}' closes only a template interpolation or directive" },
    { "b { a = 1 b = 2 }\n",
      "1:11: unexpected identifier; expected newline or '}'" },
    { "/* never closed\n",
      "1:1: unterminated comment: '/*' is never closed by '*/'" },
    { "a = f(1,,2)\n",
      "1:9: unexpected ','; expected an expression or ')'" },
    { "a = \"${x\"\n",
      "1:9: unexpected '\"'; expected '}' closing a template sequence" },
    { "a = 1e\n",
      "1:5: invalid number: an exponent needs digits" },
    { "a = [for x in y : x...]\n",
      "1:20: unexpected '...'; expected ']'" },
    { "a = \"\\u12\"\n",
      "1:6: invalid escape: \\u takes 4 hexadecimal digits" },
    { "= 1\n",
      "1:1: unexpected '='; expected end of file, identifier or newline" },
    { "b {\n  c = 1\n",
      "3:1: unexpected end of file; expected identifier or '}'" },
    { "a = 1 }\n",
      "1:7: unexpected '}'; expected end of file or newline" },
    { "a = x.\n",
      "1:7: unexpected newline; expected identifier or number" },
    { "a = { for k in x : k }\n",
      "1:22: unexpected '}'; expected '=>'" },
    { "a = \"\\ud800\"\n",
      "1:6: escape '\\ud800' is not a Unicode character" },
    { "a = \"\\U00110000\"\n",
      "1:6: escape '\\U00110000' is not a Unicode character" },
    { "a = \"${x\n",
      "1:9: the file ends inside a template interpolation: expected '}'" },
    { "a = \"x\\\n",
      "1:7: a backslash at the end of a line escapes nothing; a quoted string cannot span lines" },
    { "a = \"%{endif}\"\n",
      "1:6: unexpected '%{endif'; expected template text, '${', '%{if', '%{for' or closing '\"'" },
    { "a = \"%{for x in y}z\"\n",
      "1:20: unexpected closing '\"'; expected template text, '${', '%{if', '%{for' or '%{endfor'" },
    { "a = \"%{if x}y\"\n",
      "1:14: unexpected closing '\"'; expected template text, '${', '%{if', '%{else', '%{endif' or '%{for'" },
    { "a = { for k, v in x : k }\n",
      "1:25: unexpected '}'; expected '=>'" },
    { "a = x ? y\n",
      "1:10: unexpected newline; expected ':'" },
    { "a = [for x in : x]\n",
      "1:15: unexpected ':'; expected an expression" },
    { "resource \"a\" \"b\" \"c\" {\n  = 1\n}\n",
      "2:3: unexpected '='; expected identifier or '}'" },
};

static void test_constructs(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof constructs / sizeof constructs[0]; i++) {
        struct zl_buf out = { 0 };
        parse_text(constructs[i].in, &out);
        if (strcmp(zl_buf_cstr(&out), constructs[i].want))
            fail_msg("%s\n  got:  %s\n  want: %s", constructs[i].in, zl_buf_cstr(&out), constructs[i].want);
        zl_buf_free(&out);
    }
}

static void test_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++) {
        struct zl_buf out = { 0 };
        parse_text(errors[i].in, &out);
        if (strcmp(zl_buf_cstr(&out), errors[i].want))
            fail_msg("%s\n  got:  %s\n  want: %s", errors[i].in, zl_buf_cstr(&out), errors[i].want);
        zl_buf_free(&out);
    }
}

/* Nothing a hostile file holds makes the parser crash, loop or recurse
 * without bound. */
static void test_bounds(void **state)
{
    (void)state;
    struct zl_buf deep = { 0 };
    zl_buf_printf(&deep, "a = ");
    for (int i = 0; i < 5000; i++)
        zl_buf_printf(&deep, "[");
    struct zl_buf out = { 0 };
    parse_text(zl_buf_cstr(&deep), &out);
    assert_non_null(strstr(zl_buf_cstr(&out), "nested more than 256 deep"));
    zl_buf_free(&out);
    zl_buf_free(&deep);

    struct zl_buf ops = { 0 };
    zl_buf_printf(&ops, "a = 1");
    for (int i = 0; i < 20000; i++)
        zl_buf_printf(&ops, " + -1");
    zl_buf_printf(&ops, "\n");
    parse_text(zl_buf_cstr(&ops), &out);
    assert_int_equal(strncmp(zl_buf_cstr(&out), "a=(bin + (bin +", 15), 0);
    zl_buf_free(&out);
    zl_buf_free(&ops);

    /* right-nested: bison's stack, not C recursion, bounds it */
    struct zl_buf neg = { 0 };
    zl_buf_printf(&neg, "a = ");
    for (int i = 0; i < 20000; i++)
        zl_buf_printf(&neg, "!");
    zl_buf_printf(&neg, "x\n");
    parse_text(zl_buf_cstr(&neg), &out);
    assert_non_null(strstr(zl_buf_cstr(&out), "nested too deeply"));
    zl_buf_free(&out);
    zl_buf_free(&neg);

    static const char nul[] = "a = 1\n\0b = 2\n";
    struct zl_arena a = { 0 };
    struct zl_hcl_error_fn e = { on_error, NULL };
    assert_null(zl_hcl_parse(nul, sizeof nul - 1, NULL, &a, &e));
    assert_string_equal(errbuf, "2:1: NUL byte in the input (is this a binary file?)");
    zl_arena_free(&a);
}

/* Spans: a literal's own columns, after escapes and strip markers. */
static void test_spans(void **state)
{
    (void)state;
    static const char text[] = "name = \"_dmarc.${var.d}\"\nx = \"  ${~ y ~}  tail\"\n";
    struct zl_arena a = { 0 };
    struct zl_hcl_error_fn e = { on_error, NULL };
    struct zl_hcl_body *b = zl_hcl_parse(text, sizeof text - 1, NULL, &a, &e);
    assert_non_null(b);
    const struct zl_hcl_attr *n = zl_hcl_attr_get(b, "name");
    assert_int_equal(n->name_span.col, 1);
    assert_int_equal(n->expr->span.col, 8);      /* the opening quote */
    assert_int_equal(n->expr->span.end_col, 25); /* past the closing quote */
    const struct zl_hcl_node *lit = n->expr->kids[0];
    assert_int_equal(lit->kind, ZL_HCL_LIT);
    assert_true(lit->flags & ZL_HCL_F_EXACT);
    assert_int_equal(lit->span.col, 9);
    assert_int_equal(lit->span.end_col, 16);
    const struct zl_hcl_node *tail = zl_hcl_attr_get(b, "x")->expr->kids[2];
    assert_int_equal(tail->len, 4); /* "tail": the blanks went with "~}" */
    assert_int_equal(tail->span.col, 18);
    zl_arena_free(&a);
}

/* ---- evaluation ------------------------------------------------------------ */

static void value_text(const struct zl_hv *v, struct zl_buf *b)
{
    switch (v->kind) {
    case ZL_HV_UNKNOWN: zl_buf_printf(b, "?"); return;
    case ZL_HV_NULL: zl_buf_printf(b, "null"); return;
    case ZL_HV_BOOL: zl_buf_printf(b, v->b ? "true" : "false"); return;
    case ZL_HV_NUM: zl_buf_printf(b, "%g", v->num); return;
    case ZL_HV_STR: zl_buf_printf(b, "\"%s\"", v->s); return;
    case ZL_HV_LIST:
        zl_buf_printf(b, "[");
        for (uint32_t i = 0; i < v->n; i++) {
            zl_buf_printf(b, i ? "," : "");
            value_text(v->items[i], b);
        }
        zl_buf_printf(b, "]");
        return;
    case ZL_HV_MAP:
        zl_buf_printf(b, "{");
        for (uint32_t i = 0; i < v->n; i++) {
            zl_buf_printf(b, "%s%s=", i ? "," : "", v->keys[i]);
            value_text(v->items[i], b);
        }
        zl_buf_printf(b, "}");
        return;
    default: zl_buf_printf(b, "ref"); return;
    }
}

/* Evaluates "v = EXPR" with x bound to ["a","b"] and m to {k1="v1",k2="v2"}. */
static void eval_text(const char *expr, struct zl_buf *out)
{
    struct zl_arena a = { 0 };
    a.limit = 16u << 20; /* as the reader bounds it, smaller */
    struct zl_hcl_error_fn e = { on_error, NULL };
    struct zl_buf src = { 0 };
    zl_buf_printf(&src, "v = %s\n", expr);
    struct zl_hcl_body *b = zl_hcl_parse((const char *)src.data, src.len, NULL, &a, &e);
    if (!b) {
        zl_buf_printf(out, "error %s", errbuf);
    } else {
        struct zl_hcl_eval E;
        memset(&E, 0, sizeof E);
        E.arena = &a;
        struct zl_span at = { 0 };
        struct zl_hv *x = zl_hv_new(&E, ZL_HV_LIST, at);
        zl_hv_push(&E, x, zl_hv_str(&E, "a", 1, at, false));
        zl_hv_push(&E, x, zl_hv_str(&E, "b", 1, at, false));
        struct zl_hv *m = zl_hv_new(&E, ZL_HV_MAP, at);
        zl_hv_put(&E, m, "k2", 2, zl_hv_str(&E, "v2", 2, at, false));
        zl_hv_put(&E, m, "k1", 2, zl_hv_str(&E, "v1", 2, at, false));
        zl_hv_map_done(m);
        struct zl_hcl_scope s1 = { "x", 1, x, NULL }, s2 = { "m", 1, m, &s1 };
        E.scope = &s2;
        value_text(zl_hcl_eval(&E, b->attrs[0]->expr), out);
    }
    zl_buf_free(&src);
    zl_arena_free(&a);
}

static const struct {
    const char *expr, *want;
} evals[] = {
    { "1 + 2 * 3", "7" },
    { "(1 + 2) * 3", "9" },
    { "7 % 4", "3" },
    { "-2 - -3", "1" },
    { "1 < 2 && !false", "true" },
    { "\"a\" == \"a\" ? \"y\" : \"n\"", "\"y\"" },
    { "1 == \"1\"", "false" },
    { "\"n${1 + 1}x${true}\"", "\"n2xtrue\"" },
    { "\"${x}\"", "[\"a\",\"b\"]" },
    { "\"%{if true}T%{else}F%{endif}\"", "\"T\"" },
    { "\"%{for i, v in x}${i}=${v};%{endfor}\"", "\"0=a;1=b;\"" },
    { "\"a \\n ${~ \"b\" ~} \\t c\"", "\"abc\"" },
    { "<<-EOT\n    one\n      two\n    EOT\n", "\"one\n  two\n\"" },
    { "[for v in x : upper(v)]", "[\"A\",\"B\"]" },
    { "[for i, v in x : v if i > 0]", "[\"b\"]" },
    { "{for k, v in m : v => k}", "{v1=\"k1\",v2=\"k2\"}" },
    { "{for v in [\"a\", \"b\", \"a\"] : v => 1...}", "{a=[1,1],b=[1]}" },
    { "{ a = 1, \"b\" = 2 }", "{a=1,b=2}" },
    { "[{ n = 1 }, { n = 2 }][*].n", "[1,2]" },
    { "[{ n = 1 }, { n = 2 }].*.n", "[1,2]" },
    { "null[*]", "[]" },
    { "x[1]", "\"b\"" },
    { "x[5]", "?" },
    { "m.k1", "\"v1\"" },
    { "m[\"k2\"]", "\"v2\"" },
    { "unknown_thing.attr", "?" },
    { "\"${unknown_thing}.example.com\"", "?" },
    { "format(\"%s._domainkey.%s\", \"t\", \"example.com\")", "\"t._domainkey.example.com\"" },
    { "format(\"%d%%\", 50)", "\"50%\"" },
    { "format(\"%q\", \"v\")", "\"\"v\"\"" },
    { "format(\"%5s\", \"v\")", "?" },
    { "join(\".\", [\"a\", \"b\"], [\"c\"])", "\"a.b.c\"" },
    { "lower(\"ExAmple.COM\")", "\"example.com\"" },
    { "upper(\"dkim\")", "\"DKIM\"" },
    { "replace(\"a-b-c\", \"-\", \".\")", "\"a.b.c\"" },
    { "replace(\"abc\", \"/b/\", \"x\")", "?" },
    { "trimsuffix(\"example.com.\", \".\")", "\"example.com\"" },
    { "trimprefix(\"www.example.com\", \"www.\")", "\"example.com\"" },
    { "trimspace(\"  v=spf1 \\n\")", "\"v=spf1\"" },
    { "trim(\"--x--\", \"-\")", "\"x\"" },
    { "chomp(\"x\\n\")", "\"x\"" },
    { "split(\",\", \"a,b,,c\")", "[\"a\",\"b\",\"\",\"c\"]" },
    { "concat(x, [\"c\"])", "[\"a\",\"b\",\"c\"]" },
    { "element(x, 3)", "\"b\"" },
    { "lookup(m, \"k9\", \"dflt\")", "\"dflt\"" },
    { "lookup(m, \"k9\")", "?" },
    { "tolist(x)", "[\"a\",\"b\"]" },
    { "toset([\"b\", \"a\", \"b\"])", "[\"a\",\"b\"]" },
    { "keys(m)", "[\"k1\",\"k2\"]" },
    { "values(m)", "[\"v1\",\"v2\"]" },
    { "length(x)", "2" },
    { "length(\"h\\u00e9\")", "2" },
    { "substr(\"abcdef\", 1, 3)", "\"bcd\"" },
    { "substr(\"abcdef\", -2, -1)", "\"ef\"" },
    { "coalesce(\"\", null, \"z\")", "\"z\"" },
    { "coalesce(\"\", unknown_thing, \"z\")", "?" },
    { "coalescelist([], x)", "[\"a\",\"b\"]" },
    { "compact([\"a\", \"\", null])", "[\"a\"]" },
    { "distinct([\"a\", \"a\", \"b\"])", "[\"a\",\"b\"]" },
    { "flatten([[\"a\"], [[\"b\"]]])", "[\"a\",\"b\"]" },
    { "merge(m, { k1 = \"new\" })", "{k1=\"new\",k2=\"v2\"}" },
    { "contains(x, \"b\")", "true" },
    { "zipmap([\"a\", \"b\"], [1, 2])", "{a=1,b=2}" },
    { "range(3)", "[0,1,2]" },
    { "formatlist(\"%s.example.com\", x)", "[\"a.example.com\",\"b.example.com\"]" },
    { "try(unknown_thing, \"fallback\")", "?" },
    { "try(\"first\", \"fallback\")", "\"first\"" },
    { "one([\"only\"])", "\"only\"" },
    { "reverse(x)", "[\"b\",\"a\"]" },
    { "slice(x, 1, 2)", "[\"b\"]" },
    { "startswith(\"v=spf1 -all\", \"v=spf1\")", "true" },
    { "endswith(\"x.com\", \".com\")", "true" },
    { "strcontains(\"abc\", \"bc\")", "true" },
    { "max(1, 5, 3)", "5" },
    { "min(1, 5, 3)", "1" },
    { "index(x, \"b\")", "1" },
    { "tonumber(\"42\")", "42" },
    { "tostring(42)", "\"42\"" },
    { "file(\"x.txt\")", "?" },
    { "timestamp()", "?" },
};

static void test_eval(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof evals / sizeof evals[0]; i++) {
        struct zl_buf out = { 0 };
        eval_text(evals[i].expr, &out);
        if (strcmp(zl_buf_cstr(&out), evals[i].want))
            fail_msg("%s\n  got:  %s\n  want: %s", evals[i].expr, zl_buf_cstr(&out), evals[i].want);
        zl_buf_free(&out);
    }
}

/* A string built from several literals keeps each literal's columns. */
static void test_eval_spans(void **state)
{
    (void)state;
    static const char text[] = "v = \"www.${\"example\"}.com\"\n";
    struct zl_arena a = { 0 };
    struct zl_hcl_error_fn e = { on_error, NULL };
    struct zl_hcl_body *b = zl_hcl_parse(text, sizeof text - 1, NULL, &a, &e);
    struct zl_hcl_eval E;
    memset(&E, 0, sizeof E);
    E.arena = &a;
    const struct zl_hv *v = zl_hcl_eval(&E, b->attrs[0]->expr);
    assert_string_equal(v->s, "www.example.com");
    struct zl_span none = { 0 };
    struct zl_span s = zl_hv_sub_span(v, 0, 3, none); /* "www" */
    assert_int_equal(s.col, 6);
    assert_int_equal(s.end_col, 9);
    s = zl_hv_sub_span(v, 4, 11, none); /* "example", inside the interpolation */
    assert_int_equal(s.col, 13);
    assert_int_equal(s.end_col, 20);
    s = zl_hv_sub_span(v, 0, 15, none); /* all of it: one line, one file */
    assert_int_equal(s.col, 6);
    assert_int_equal(s.end_col, 26);
    zl_arena_free(&a);
}

/* Hostile expressions end as unknown, within bounds. */
static void test_eval_bounds(void **state)
{
    (void)state;
    struct zl_buf out = { 0 };
    eval_text("[for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]]", &out);
    assert_string_equal(zl_buf_cstr(&out), "?");
    zl_buf_free(&out);
    eval_text("range(100000)", &out);
    assert_string_equal(zl_buf_cstr(&out), "?");
    zl_buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_constructs), cmocka_unit_test(test_errors),
        cmocka_unit_test(test_bounds),     cmocka_unit_test(test_spans),
        cmocka_unit_test(test_eval),       cmocka_unit_test(test_eval_spans),
        cmocka_unit_test(test_eval_bounds),
    };
    return cmocka_run_group_tests_name("hcl", tests, NULL, NULL);
}
