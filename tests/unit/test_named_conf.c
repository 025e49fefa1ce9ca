/* SPDX-License-Identifier: MIT */
/* The origin of a master file from the zone statement that loads it
 * (src/input/named_conf.c). */
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

#include "input/named_conf.h"
#include "lint/lint.h"

static char top[64];

static void put(const char *rel, const char *text)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", top, rel);
    /* make the directories on the way */
    for (char *s = p + strlen(top) + 1; (s = strchr(s, '/')); s++) {
        *s = '\0';
        mkdir(p, 0700);
        *s = '/';
    }
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static bool origin_of(const char *rel, char *out, struct zl_named_zone *nz)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", top, rel);
    if (!zl_named_conf_zone(p, nz))
        return false;
    zl_name_to_text(&nz->origin, out);
    return true;
}

static const char soa[] = "$TTL 3600\n@ IN SOA ns1.host.example. h.host.example. 1 3600 300 86400 300\n"
                          "  IN NS ns1.host.example.\nwww IN CNAME host.example.\n";

static void test_zone_statements(void **state)
{
    (void)state;
    snprintf(top, sizeof top, "/tmp/zl-namedconf-XXXXXX");
    assert_non_null(mkdtemp(top));
    char p[512];
    snprintf(p, sizeof p, "%s/.git", top);
    assert_int_equal(mkdir(p, 0700), 0);
    put("etc/bind/named.conf", "include \"/etc/bind/named.conf.local\";\n"
                               "options { directory \"/var/cache/bind\"; };\n");
    put("etc/bind/named.conf.local",
        "// two parked domains share one file\n"
        "zone \"one.example\" { type master; file \"/etc/bind/zones/parked\"; };\n"
        "zone \"two.example\" IN {\n  type master;\n  file \"/etc/bind/zones/parked\"; # shared\n};\n"
        "/* a file named backwards */\n"
        "zone harcourt.example.co.uk { type master; file \"/etc/bind/zones/uk.co.example.harcourt\"; };\n"
        "view \"inside\" { zone \"corp.example\" { type master; file \"db.corp\"; }; };\n");
    put("etc/bind/zones/parked", soa);
    put("etc/bind/zones/uk.co.example.harcourt", soa);
    put("zones/db.corp", soa);
    put("other/db.loose", soa);

    char o[1024];
    struct zl_named_zone nz;
    assert_true(origin_of("etc/bind/zones/parked", o, &nz));
    assert_string_equal(o, "one.example.");
    assert_int_equal(nz.nzones, 2);
    assert_string_equal(nz.conf, "etc/bind/named.conf.local:2");
    assert_true(origin_of("etc/bind/zones/uk.co.example.harcourt", o, &nz));
    assert_string_equal(o, "harcourt.example.co.uk.");
    assert_true(origin_of("zones/db.corp", o, &nz)); /* inside a view, by its base name */
    assert_string_equal(o, "corp.example.");
    assert_false(origin_of("other/db.loose", o, &nz)); /* no statement names it */

    /* the file linted: no "no origin" errors, and the zone statement's name wins over the file name */
    struct zl_lint_opts lo;
    memset(&lo, 0, sizeof lo);
    struct zl_diags d = { 0 };
    struct zl_source *sources = NULL;
    snprintf(p, sizeof p, "%s/etc/bind/zones/uk.co.example.harcourt", top);
    assert_int_equal(zl_lint_file(p, NULL, &lo, &sources, &d), 0);
    for (size_t i = 0; i < d.n; i++)
        print_message("%s %s\n", d.v[i].code, d.v[i].message);
    assert_int_equal(d.n, 0);
    zl_diags_free(&d);
    zl_parse_sources_free(sources);
    sources = NULL;
    snprintf(p, sizeof p, "%s/etc/bind/zones/parked", top);
    assert_int_equal(zl_lint_file(p, NULL, &lo, &sources, &d), 0);
    assert_int_equal(d.n, 0);
    zl_diags_free(&d);
    zl_parse_sources_free(sources);

    snprintf(p, sizeof p, "rm -rf '%s'", top);
    assert_int_equal(system(p), 0);
}

static void test_ambiguous_and_outside_tree(void **state)
{
    (void)state;
    snprintf(top, sizeof top, "/tmp/zl-namedconf-XXXXXX");
    assert_non_null(mkdtemp(top));
    char p[512], o[1024];
    struct zl_named_zone nz;
    snprintf(p, sizeof p, "%s/.git", top);
    assert_int_equal(mkdir(p, 0700), 0);
    put("named.conf.zones", "zone \"a.example\" { file \"/srv/a/db.same\"; };\n"
                            "zone \"b.example\" { file \"/srv/b/db.same\"; };\n");
    put("zones/db.same", soa);
    assert_false(origin_of("zones/db.same", o, &nz));
    snprintf(p, sizeof p, "rm -rf '%s'", top);
    assert_int_equal(system(p), 0);

    /* no work tree: only the zone file's own directory is looked at */
    snprintf(top, sizeof top, "/tmp/zl-namedconf-XXXXXX");
    assert_non_null(mkdtemp(top));
    put("named.conf", "zone \"up.example\" { file \"sub/db.x\"; };\n");
    put("sub/db.x", soa);
    assert_false(origin_of("sub/db.x", o, &nz));
    put("sub2/named.conf", "zone \"here.example\" { file \"db.x\"; };\n");
    put("sub2/db.x", soa);
    assert_true(origin_of("sub2/db.x", o, &nz));
    assert_string_equal(o, "here.example.");
    snprintf(p, sizeof p, "rm -rf '%s'", top);
    assert_int_equal(system(p), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zone_statements),
        cmocka_unit_test(test_ambiguous_and_outside_tree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
