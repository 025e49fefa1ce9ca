/* SPDX-License-Identifier: MIT */
/* The rule registry: lookup by code or slug, and the invariants every line
 * added to rules/rules.def must keep. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "lint/rule.h"
#include "rules/rules.h"

static void test_find_by_code_and_slug(void **state)
{
    (void)state;
    const struct zl_rule *r = zl_rule_find("ZL1001");
    assert_non_null(r);
    assert_string_equal(r->slug, "syntax");
    assert_int_equal(r->severity, ZL_SEV_ERROR);
    assert_ptr_equal(zl_rule_find("syntax"), r);
    assert_ptr_equal(zl_rule_find("zl1001"), r);
    assert_ptr_equal(zl_rule_find("SYNTAX"), r);
    assert_ptr_equal(ZL_RULE_REF(ZL1001), r);

    const struct zl_rule *u = zl_rule_find("unused-suppression");
    assert_non_null(u);
    assert_string_equal(u->code, "ZL9001");
    assert_int_equal(u->severity, ZL_SEV_INFO);
    assert_ptr_equal(zl_rule_find("Unused-Suppression"), u);
    assert_ptr_equal(ZL_RULE_REF(ZL9001), u);
}

static void test_find_unknown(void **state)
{
    (void)state;
    assert_null(zl_rule_find(NULL));
    assert_null(zl_rule_find(""));
    assert_null(zl_rule_find("ZL100"));
    assert_null(zl_rule_find("ZL10011"));
    assert_null(zl_rule_find("syntax "));
    assert_null(zl_rule_find("unused_suppression"));
}

static int is_code(const char *s)
{
    if (strlen(s) != 6 || s[0] != 'Z' || s[1] != 'L')
        return 0;
    for (int i = 2; i < 6; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static int is_kebab(const char *s)
{
    if (!*s || *s == '-' || s[strlen(s) - 1] == '-')
        return 0;
    for (const char *p = s; *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return 0;
        if (p[0] == '-' && p[1] == '-')
            return 0;
    }
    return 1;
}

static void test_registry_invariants(void **state)
{
    (void)state;
    assert_int_equal(zl_rule_count, ZL_RULE__COUNT);
    assert_true(zl_rule_count >= 2);
    for (unsigned i = 0; i < zl_rule_count; i++) {
        const struct zl_rule *r = &zl_rules[i];
        assert_true(is_code(r->code));
        assert_true(is_kebab(r->slug));
        /* a slug must not look like a code, or lookups would be ambiguous */
        assert_false(is_code(r->slug));
        assert_true(r->severity == ZL_SEV_ERROR || r->severity == ZL_SEV_WARNING ||
                    r->severity == ZL_SEV_INFO);
        assert_non_null(r->summary);
        assert_true(strlen(r->summary) > 0 && strlen(r->summary) < 80);
        assert_true(strchr(r->summary, '\n') == NULL);
        assert_non_null(r->explain);
        assert_true(strstr(r->explain, "Bad:\n") || strstr(r->explain, "Bad ("));
        assert_true(strstr(r->explain, "Good:\n") || strstr(r->explain, "Good ("));
        assert_ptr_equal(zl_rule_find(r->code), r);
        assert_ptr_equal(zl_rule_find(r->slug), r);
        if (i > 0) /* sorted by code, so duplicates would sit side by side */
            assert_true(strcmp(zl_rules[i - 1].code, r->code) < 0);
        for (unsigned j = 0; j < i; j++)
            assert_true(strcmp(zl_rules[j].slug, r->slug) != 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find_by_code_and_slug),
        cmocka_unit_test(test_find_unknown),
        cmocka_unit_test(test_registry_invariants),
    };
    return cmocka_run_group_tests_name("rule", tests, NULL, NULL);
}
