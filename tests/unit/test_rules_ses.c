/* SPDX-License-Identifier: MIT */
/* Amazon SES rules (ZL5001-ZL5019): for each rule, broken records that fire
 * (code, line, column, the key part of the message, fix-its) and correct or
 * foreign records that stay silent; and a complete, correct SES setup that
 * is clean with every rule enabled.
 * Covers rules/ses_dkim.c, ses_dkim_key.c, ses_verify.c, ses_mail_from.c,
 * ses_cloudflare.c and the region tables of ses_data.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lint/lint.h"
#include "base/names.h"
#include "input/parser.h"

/* Keys made with openssl genpkey; public halves only. */
#define K2048_A "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA28egOqlvFqYmvhMsHrKW8UGS76bpXHTOjJfM+87hbr+mWfQiJdHUNWCWyrnphEmIl3koEVkNn1Sfn8vklde+vqNrL6tdCGeznlnPzs92zp+c8K9S5yxOm6I7An1Hm2VUXhLbRHUk9xQLiLloH3nP4UUPB+SczqxaTTLpIhQsGuIlYR2r6rrg5fp9PJ1eIXQfJKLXlGmYo6KT4l60j"
#define K2048_B "sRHXZ2nYWfjnBDJuIjCqIILEw4U/Vh7YFiH+sTw8Y5dTsXfaFrvv1i7cjztCWSGnol1Yg0CzrDYfYuTzxWJQLR35ujdgDcE75m8B3OQYNy33WubAcTEXjv79FYaChv1grPKeQIDAQAB"
#define K1024 "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDBnZVl0woPd73NhIigJaNzGNjcpSHpU/X3/ZuU4nFG9CDZ64azptba0roKpWPE2jCsX0lXp0To1XX1/HUaL47WNkybobtAoPdXMKXb90Sa9nqgG+ZjoorHvpoJ4cZVk2JZrMc3qKbKoI6eu5eGOxG54ClI6TaGcLGKJ0u+jBNjowIDAQAB"
#define K1024_A "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDBnZVl0woPd73NhIigJaNzGNjcpSHpU/X3/ZuU4nFG9CDZ64azptba0roKpWPE"
#define K1024_B "2jCsX0lXp0To1XX1/HUaL47WNkybobtAoPdXMKXb90Sa9nqgG+ZjoorHvpoJ4cZVk2JZrMc3qKbKoI6eu5eGOxG54ClI6TaGcLGKJ0u+jBNjowIDAQAB"
#define K512 "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAMQ6ltUGNxir4s0Se2st+hK8kxm2xvVTRWy4j0ORJEA2ToELnMRzEr9p90eXrcYNyHsO7g30BLarlceD0iB+Nu8CAwEAAQ=="
#define K4096_A "MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAyQpa22l0ufywd1mpe13YY8Bhlyku2VbQNScW0mNkPiJrEaKuKMoYPBPJ1HPBbtDI7Yye/oVWpYMpkg9hMEF8kUbysnmsfEIUdFH/UP0M98kh3Wvgk6vGIUEFbzcBpuciygR1VCMFbK/KK6yKXaKCYy8lOOydn9A+DdBR35odQ/yA68gONe/69vfhIA9GLCLW6828Xsx1VX+RaP"
#define K4096_B "dEwF/anO+CXwTyVfnAhdUSGisK4ZBbkXmXrGG5wQdujNNZl7vI9RChcXG/LfHvFIF/YlpoWH9bATOcE3kMSKNifjNU2GuCEQ7TX15tF8JnomuKF8kk1K1CkfDMdAqxavhquOGjo+BV6wL2hRno8Kl/tnI9QQRcA4IeB2auwOo+h0hxilio12fJFM3cJgjU6QAeCYuejBIyrsZDXY3muhv97NQbE/B88+avxhCImuPpBBa6Kf91qgB3pF8/"
#define K4096_C "oMHcBzK5D6heBgGTFpJoCLkiU996rPDcCPSWRk2hWiHf5XsS2nQlGZNL46Qg+kSOpFuk2Ys5Mzb6So5wYmIHKrPuxeI580takTDukFDdk6mATuefAjY8FN5/HQ3EoQDo7ELCt5zEu1P8CX8Iv87d7MdskXO1kWlZkozq9meajcuzFDKY3ZJP1WrCI3Q/VYM5f2OIR55vVPshYJdTPijpuBojpAZH6G5q9oUCAwEAAQ=="

#define TA "4ixtpnvpubjuxqvnex727otq55y2ew7w"
#define TB "tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo"
#define TC "vtlb7vjp6beuml7w2oxu4h7zsvbruq2r"
#define TD "ti6gtbd5kklonhgd7z67u4gxjytipv6q"
#define TE "pulp7qjsqhdbso37ilwga3oqdtijlixr"
#define TF "4hzwn5lmznmmjyl2pqf2agr3ueo2kf3d"
#define VTOK "ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg="
#define VTOK2 "T5etn/YylzSUQQWw6HspyK4+2+B9XzE7Kajpz9ogfJI="

#define HEAD                                                                          \
    "$ORIGIN example.com.\n"                                                          \
    "$TTL 3600\n"                                                                     \
    "@ IN SOA ns1.example.net. hostmaster.example.com. 2024010101 7200 3600 1209600 3600\n" \
    "@ IN NS ns1.example.net.\n"                                                      \
    "@ IN NS ns2.example.org.\n"
#define HEAD_LINES 5

struct result {
    struct zl_source *sources;
    struct zl_diags d;
    const char *text;
};

static void lint(struct result *r, const char *text, const char *select)
{
    memset(r, 0, sizeof *r);
    r->text = text;
    struct zl_name origin;
    assert_int_equal(zl_name_from_text(&origin, "example.com.", 12, NULL, NULL), ZL_NAME_OK);
    struct zl_lint_opts opts;
    memset(&opts, 0, sizeof opts);
    opts.origin = &origin;
    char *sel[1] = { (char *)select };
    if (select) {
        opts.sel.select = sel;
        opts.sel.nselect = 1;
    }
    assert_int_equal(zl_lint_buffer(text, strlen(text), "test.zone", &opts, &r->sources, &r->d), 0);
}

static void done(struct result *r)
{
    zl_diags_free(&r->d);
    zl_parse_sources_free(r->sources);
}

static void dump(const struct result *r)
{
    for (size_t i = 0; i < r->d.n; i++)
        print_message("  %u:%u %s %s: %s\n", r->d.v[i].span.line, r->d.v[i].span.col, r->d.v[i].code,
                      zl_severity_name(r->d.v[i].severity), r->d.v[i].message);
}

/* 1-based column of needle on line `line` of the text (0 when absent). */
static unsigned col_of(const char *text, unsigned line, const char *needle)
{
    const char *p = text;
    for (unsigned l = 1; l < line && p; l++) {
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    if (!p)
        return 0;
    const char *end = strchr(p, '\n');
    const char *hit = strstr(p, needle);
    if (!hit || (end && hit > end))
        return 0;
    return (unsigned)(hit - p) + 1;
}

static size_t count_code(const struct result *r, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < r->d.n; i++)
        if (strcmp(r->d.v[i].code, code) == 0)
            n++;
    return n;
}

/* The finding of code at line, with col (0: any) and msg in its message. */
static const struct zl_diag *expect(const struct result *r, const char *code, unsigned line, unsigned col,
                                    const char *msg)
{
    for (size_t i = 0; i < r->d.n; i++) {
        const struct zl_diag *d = &r->d.v[i];
        if (strcmp(d->code, code) || d->span.line != line || (col && d->span.col != col))
            continue;
        if (msg && !strstr(d->message, msg))
            continue;
        return d;
    }
    print_message("no %s at %u:%u with '%s'; got:\n", code, line, col, msg ? msg : "");
    dump(r);
    fail();
    return NULL;
}

static void expect_none(const struct result *r)
{
    if (r->d.n) {
        print_message("expected no findings, got:\n");
        dump(r);
    }
    assert_int_equal(r->d.n, 0);
}

static void expect_fix(const struct zl_diag *d, const char *replacement)
{
    assert_non_null(d->fix);
    assert_string_equal(d->fix->replacement, replacement);
}

static void expect_no_fix(const struct zl_diag *d)
{
    assert_null(d->fix);
}

/* ---- ZL5001 ses-dkim-target --------------------------------------------------- */

static void test_dkim_target_relative(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD TA "._domainkey IN CNAME " TA ".dkim.amazonses.com\n";
    lint(&r, z, "ses-dkim-target");
    const struct zl_diag *d = expect(&r, "ZL5001", 6, col_of(z, 6, TA ".dkim"),
                                     "target '" TA ".dkim.amazonses.com' has no trailing dot, so it expands to '" TA
                                     ".dkim.amazonses.com.example.com.'; SES expects '" TA ".dkim.amazonses.com.'");
    assert_int_equal(d->severity, ZL_SEV_ERROR);
    expect_fix(d, TA ".dkim.amazonses.com.");
    assert_int_equal(d->fix->span.col, col_of(z, 6, TA ".dkim"));
    assert_int_equal(r.d.n, 1);
    done(&r);
}

static void test_dkim_target_wrong_domains(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        TA "._domainkey IN CNAME " TA ".dkim.example.com.\n"                 /* 6: your own domain */
        TB "._domainkey IN CNAME " TB ".amazonses.com.\n"                    /* 7: no dkim. */
        TC "._domainkey IN CNAME " TC ".dkim.amazonses.com.example.com.\n"   /* 8: zone appended */
        TD "._domainkey IN CNAME dkim.amazonses.com.\n"                      /* 9: no token */
        TE "._domainkey IN CNAME " TE ".dkim.us-east-1.amazonses.com.\n"     /* 10: no such regional domain */
        TF "._domainkey IN CNAME " TF ".dkim.amazonses.net.\n"               /* 11: not SES */
        TA "._domainkey.x IN CNAME " TB ".amazonses.com.\n";                 /* 12: which token? */
    lint(&r, z, "ses-dkim-target");
    const struct zl_diag *d = expect(&r, "ZL5001", 6, col_of(z, 6, TA ".dkim"), "points into your own domain");
    assert_non_null(strstr(d->message, "expects '" TA ".dkim.amazonses.com.'"));
    expect_no_fix(d);
    assert_int_equal(d->nnotes, 1);
    d = expect(&r, "ZL5001", 7, 0, "lacks 'dkim.'");
    expect_fix(d, TB ".dkim.amazonses.com.");
    d = expect(&r, "ZL5001", 8, 0, "has the zone name appended");
    expect_fix(d, TC ".dkim.amazonses.com.");
    d = expect(&r, "ZL5001", 9, col_of(z, 9, "dkim.amazonses"), "lacks the token");
    expect_fix(d, TD ".dkim.amazonses.com.");
    d = expect(&r, "ZL5001", 10, 0, "region 'us-east-1' signs under dkim.amazonses.com");
    expect_fix(d, TE ".dkim.amazonses.com.");
    d = expect(&r, "ZL5001", 11, 0, "is not under an SES DKIM signing domain");
    expect_no_fix(d);
    d = expect(&r, "ZL5001", 12, 0, "lacks 'dkim.'");
    expect_no_fix(d); /* the tokens differ: rewriting the target would guess */
    assert_int_equal(r.d.n, 7);
    done(&r);
}

static void test_dkim_target_good(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        TA "._domainkey IN CNAME " TA ".dkim.amazonses.com.\n"
        TB "._domainkey IN CNAME " TB ".dkim.af-south-1.amazonses.com.\n"
        TC "._domainkey IN CNAME " TC ".dkim.xx-future-9.amazonses.com.\n" /* a region newer than the table */
        TD "._domainkey.example.com. IN CNAME " TD ".DKIM.AmazonSES.com.\n";
    lint(&r, z, "ses-dkim-target");
    expect_none(&r);
    done(&r);
}

/* Other senders' DKIM CNAMEs are none of these rules' business. */
static void test_dkim_other_providers_silent(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "selector1._domainkey IN CNAME selector1-example-com._domainkey.contoso.onmicrosoft.com.\n"
        "selector2._domainkey IN CNAME selector2-example-com._domainkey.contoso.n-v1.dkim.mail.microsoft.\n"
        "s1._domainkey IN CNAME s1.domainkey.u1234567.wl123.sendgrid.net.\n"
        "k2._domainkey IN CNAME dkim2.mcsv.net.\n"
        "mte1._domainkey IN CNAME dkim1.mandrillapp.com.\n"
        "pdk1._domainkey.mg IN CNAME pdk1._domainkey.a1b2c3.dkim1.mgsend.org.\n"
        "google._domainkey IN TXT \"v=DKIM1; k=rsa; p=" K1024 "\"\n";
    lint(&r, z, "ses-");
    expect_none(&r);
    done(&r);
}

/* ---- ZL5002-ZL5004 tokens ----------------------------------------------------------- */

static void test_dkim_token_length(void **state)
{
    (void)state;
    struct result r;
    /* 31 characters, and AWS's own 33-character documentation example */
    const char *z = HEAD
        "4ixtpnvpubjuxqvnex727otq55y2ew7._domainkey IN CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7.dkim.amazonses.com.\n"
        "hirjd4exampled5477y22yd23ettobiho._domainkey IN CNAME hirjd4exampled5477y22yd23ettobiho.dkim.amazonses.com.\n";
    lint(&r, z, "ses-dkim-token-length");
    const struct zl_diag *d = expect(&r, "ZL5002", 6, 1, "has 31 characters, 1 fewer than the 32 SES issues");
    assert_int_equal(d->span.end_col, 32);
    assert_non_null(strstr(d->message, "truncated"));
    d = expect(&r, "ZL5002", 7, 1, "has 33 characters, 1 more than the 32 SES issues");
    assert_non_null(strstr(d->message, "extra characters"));
    assert_int_equal(r.d.n, 2);
    done(&r);
}

static void test_dkim_token_charset_and_case(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "4ixtpnvpubjuxqvnex727otq55y2ew0w._domainkey IN CNAME 4ixtpnvpubjuxqvnex727otq55y2ew0w.dkim.amazonses.com.\n"
        "4IXTPNVPUBJUXQVNEX727OTQ55Y2EW7W._domainkey IN CNAME 4IXTPNVPUBJUXQVNEX727OTQ55Y2EW7W.dkim.amazonses.com.\n";
    lint(&r, z, "ses-dkim-token-");
    const struct zl_diag *d = expect(&r, "ZL5003", 6, 1, "has '0' at position 31");
    assert_int_equal(d->severity, ZL_SEV_WARNING);
    assert_non_null(strstr(d->message, "misread 'o'"));
    d = expect(&r, "ZL5004", 7, 1, "has uppercase letters");
    assert_int_equal(d->severity, ZL_SEV_INFO);
    assert_int_equal(count_code(&r, "ZL5002"), 0);
    assert_int_equal(r.d.n, 2);
    done(&r);
}

/* ---- ZL5005 mismatch, ZL5006 missing dot, ZL5007 swapped, ZL5008 TXT ------------------- */

static void test_dkim_token_mismatch(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        TA "._domainkey IN CNAME 4ixtpnvpubjuxqvnex727otq55y2ew.dkim.amazonses.com.\n"
        TB "._domainkey IN CNAME " TC ".dkim.amazonses.com.\n"
        TD "._domainkey IN CNAME " TD ".dkim.amazonses.com.\n";
    lint(&r, z, "ses-dkim-token-mismatch");
    const struct zl_diag *d = expect(&r, "ZL5005", 6, col_of(z, 6, "CNAME") + 6, "differs from the token '" TA "'");
    assert_int_equal(d->nnotes, 1);
    assert_non_null(strstr(d->notes[0], "last 2 character(s) cut off"));
    d = expect(&r, "ZL5005", 7, col_of(z, 7, TC), "target token '" TC "'");
    assert_non_null(strstr(d->notes[0], "same row"));
    assert_int_equal(r.d.n, 2);
    done(&r);
}

static void test_dkim_missing_dot(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD TA "_domainkey IN CNAME " TA ".dkim.amazonses.com.\n";
    lint(&r, z, "ses-dkim-");
    const struct zl_diag *d = expect(&r, "ZL5006", 6, 1, "has no dot before '_domainkey'");
    assert_non_null(strstr(d->message, "SES looks up '" TA "._domainkey.example.com.'"));
    expect_fix(d, TA "._domainkey");
    /* the token is judged without the glued suffix, so nothing else fires */
    assert_int_equal(count_code(&r, "ZL5002"), 0);
    assert_int_equal(count_code(&r, "ZL5005"), 0);
    done(&r);
}

static void test_dkim_swapped(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD TA ".dkim.amazonses.com 1800 IN CNAME " TA "._domainkey.example.com.\n";
    lint(&r, z, "ses-dkim-swapped");
    const struct zl_diag *d = expect(&r, "ZL5007", 6, 1, "name and value are swapped");
    expect_fix(d, TA "._domainkey.example.com. 1800 IN CNAME " TA ".dkim.amazonses.com.");
    assert_int_equal(d->fix->span.col, 1);
    assert_int_equal(r.d.n, 1);
    done(&r);
}

static void test_dkim_as_txt(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        TA "._domainkey IN TXT \"" TA ".dkim.amazonses.com\"\n"
        "sel._domainkey IN TXT \"p=" K1024 "\"\n";
    lint(&r, z, "ses-dkim-as-txt");
    const struct zl_diag *d = expect(&r, "ZL5008", 6, col_of(z, 6, "TXT"), "is a TXT record holding '" TA);
    expect_fix(d, "CNAME " TA ".dkim.amazonses.com.");
    assert_int_equal(r.d.n, 1);
    done(&r);
}

/* ---- ZL5009 the set ------------------------------------------------------------------- */

static void test_dkim_set_broken_member(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        TA "._domainkey IN CNAME " TA ".dkim.amazonses.com.\n"
        TB "._domainkey IN CNAME " TB ".dkim.amazonses.com\n"
        TC "._domainkey IN CNAME " TC ".dkim.amazonses.com.\n";
    lint(&r, z, "ses-dkim-set");
    /* the cause in the message itself: one coherent sentence */
    const struct zl_diag *d = expect(&r, "ZL5009", 7, 1, "only 2 of the 3 SES DKIM CNAMEs for 'example.com.' are "
                                                         "valid (line 7: the target has no trailing dot)");
    assert_int_equal(d->nnotes, 0);
    assert_int_equal(r.d.n, 1);
    done(&r);
}

static void test_dkim_set_missing_one(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        TA "._domainkey IN CNAME " TA ".dkim.amazonses.com.\n"
        TB "._domainkey IN CNAME " TB ".dkim.amazonses.com.\n"
        "mail IN A 192.0.2.1\n"
        TC "._domainkey.mail IN CNAME " TC ".dkim.amazonses.com.\n"
        TD "._domainkey.mail IN CNAME " TD ".dkim.amazonses.com.\n"
        TE "._domainkey.mail IN CNAME " TE ".dkim.amazonses.com.\n";
    lint(&r, z, "ses-dkim-set");
    expect(&r, "ZL5009", 6, 1, "'example.com.' has 2 SES DKIM CNAMEs pointing to dkim.amazonses.com.; SES issues them "
                               "in sets of three, so 1 is missing");
    assert_int_equal(r.d.n, 1); /* mail.example.com. has its three */
    done(&r);
}

static void test_dkim_set_two_regions(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        TA "._domainkey IN CNAME " TA ".dkim.amazonses.com.\n"
        TB "._domainkey IN CNAME " TB ".dkim.amazonses.com.\n"
        TC "._domainkey IN CNAME " TC ".dkim.amazonses.com.\n"
        TD "._domainkey IN CNAME " TD ".dkim.eu-south-1.amazonses.com.\n"
        TE "._domainkey IN CNAME " TE ".dkim.eu-south-1.amazonses.com.\n"
        TF "._domainkey IN CNAME " TF ".dkim.eu-south-1.amazonses.com.\n";
    lint(&r, z, "ses-");
    expect_none(&r);
    done(&r);
}

/* Without SOA or apex NS the file may be a fragment: no "missing" finding. */
static void test_dkim_set_fragment(void **state)
{
    (void)state;
    struct result r;
    const char *z = "$ORIGIN example.com.\n$TTL 3600\n" TA "._domainkey IN CNAME " TA ".dkim.amazonses.com.\n";
    lint(&r, z, "ses-dkim-set");
    expect_none(&r);
    done(&r);
}

/* ---- ZL5010-ZL5011 _amazonses --------------------------------------------------------- */

static void test_verify_token_shapes(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "_amazonses IN TXT \"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg\"\n"       /* 6: no = */
        "_amazonses IN TXT \"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+Zpv\"\n"           /* 7: truncated */
        "_amazonses IN TXT \"\\\"" VTOK "\\\"\"\n"                                 /* 8: quotes */
        "_amazonses IN TXT \"ijkrG1GAuiLtNvQL64z1RTDN0\" \"fpLCMUZNYW+ZpvbEPg=\"\n"  /* 9: split */
        "_amazonses IN TXT \" " VTOK2 "\"\n"                                       /* 10: space */
        "_amazonses IN TXT \"" VTOK "x\"\n"                                        /* 11: extra */
        "_amazonses IN TXT \"" VTOK "\" \"" VTOK2 "\"\n";                          /* 12: two in one */
    lint(&r, z, "ses-verify-token");
    const struct zl_diag *d = expect(&r, "ZL5010", 6, col_of(z, 6, "\"ijkr"), "lacks the trailing '='");
    expect_fix(d, "\"" VTOK "\"");
    d = expect(&r, "ZL5010", 7, 0, "has 39 characters, 5 fewer than the 44");
    expect_no_fix(d);
    d = expect(&r, "ZL5010", 8, 0, "literal '\"' characters");
    expect_fix(d, "\"" VTOK "\"");
    d = expect(&r, "ZL5010", 9, col_of(z, 9, "\"ijkr"), "split into 2 character-strings");
    expect_fix(d, "\"" VTOK "\"");
    assert_int_equal(d->span.end_col, col_of(z, 9, "EPg=\"") + 5);
    d = expect(&r, "ZL5010", 10, 0, "contains spaces");
    expect_fix(d, "\"" VTOK2 "\"");
    d = expect(&r, "ZL5010", 11, 0, "1 extra character after the 44-character token ('x')");
    expect_fix(d, "\"" VTOK "\"");
    d = expect(&r, "ZL5010", 12, 0, "holds 2 verification tokens as separate character-strings");
    expect_no_fix(d);
    assert_int_equal(r.d.n, 7);
    done(&r);
}

static void test_verify_token_good(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "_amazonses IN TXT \"" VTOK "\"\n"
        "_amazonses IN TXT \"" VTOK2 "\"\n"       /* a second account or region */
        "_amazonses.mail IN TXT " VTOK "\n"       /* unquoted is the same string */
        "@ IN TXT \"" VTOK "\"\n"                 /* legacy apex placement */
        "@ IN TXT \"v=spf1 -all\"\n"
        "@ IN TXT \"abc\"\n";
    lint(&r, z, "ses-verify-");
    expect_none(&r);
    done(&r);
}

static void test_verify_owner(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "_amazonses._amazonses IN TXT \"" VTOK "\"\n"
        "_amazonses.example.com IN TXT \"" VTOK "\"\n"
        "_amazonses.example.com.example.com. IN TXT \"" VTOK "\"\n";
    lint(&r, z, "ses-verify-owner");
    const struct zl_diag *d = expect(&r, "ZL5011", 6, 1, "has '_amazonses' twice; SES looks up '_amazonses.example.com.'");
    expect_fix(d, "_amazonses");
    d = expect(&r, "ZL5011", 7, 1, "name '_amazonses.example.com' has no trailing dot, so the origin is appended");
    expect_fix(d, "_amazonses.example.com.");
    d = expect(&r, "ZL5011", 8, 1, "repeats the zone name; SES looks up '_amazonses.example.com.'");
    expect_fix(d, "_amazonses.example.com.");
    assert_int_equal(r.d.n, 3);
    done(&r);
}

/* ---- ZL5012-ZL5014 MAIL FROM and DMARC ---------------------------------------------------- */

static void test_mail_from_mx(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "bounce IN MX 10 feedback-smtp.us-east-1.amazonses.com\n"        /* 6: no dot */
        "bounce IN TXT \"v=spf1 include:amazonses.com ~all\"\n"
        "mf IN MX 10 feedback-smtp.eu-west-1.amazonses.com.\n"           /* 8 */
        "mf IN MX 20 mx.example.net.\n"                                  /* 9: second MX */
        "mf IN TXT \"v=spf1 include:amazonses.com ~all\"\n"
        "@ IN MX 10 feedback-smtp.us-west-2.amazonses.com.\n"            /* 11: apex */
        "mail IN MX 10 inbound-smtp.us-east-1.amazonaws.com.\n"          /* 12: receiving + SES SPF: fine */
        "mail IN TXT \"v=spf1 include:amazonses.com -all\"\n"
        "in IN MX 10 inbound-smtp.us-east-1.amazonses.com.\n"            /* 14: does not exist */
        "rx IN MX 10 inbound-smtp.eu-west-1.amazonaws.com.\n";           /* 15: plain receiving: fine */
    lint(&r, z, "ses-mail-from-mx");
    const struct zl_diag *d = expect(&r, "ZL5012", 6, col_of(z, 6, "feedback"),
                                     "MX target 'feedback-smtp.us-east-1.amazonses.com' has no trailing dot, so it "
                                     "expands to 'feedback-smtp.us-east-1.amazonses.com.example.com.'");
    expect_fix(d, "feedback-smtp.us-east-1.amazonses.com.");
    d = expect(&r, "ZL5012", 9, 1, "MAIL FROM domain 'mf.example.com.' has 2 MX records; SES requires exactly one");
    assert_int_equal(d->nnotes, 2);
    expect(&r, "ZL5012", 11, 1, "is at the zone apex 'example.com.'");
    expect(&r, "ZL5012", 14, col_of(z, 14, "inbound"), "does not exist");
    assert_int_equal(r.d.n, 4);
    done(&r);
}

static void test_mail_from_spf(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "b1 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n"            /* 6: no SPF */
        "b2 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n"
        "b2 IN TXT \"v=spf1 include:amazonses.com ~all\"\n"
        "b2 IN TXT \"v=spf1 include:_spf.google.com ~all\"\n"            /* 9: second */
        "b3 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n"
        "b3 IN TXT \"v=spf1 include:mailgun.org ~all\"\n"                 /* 11: included elsewhere? */
        "b4 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n"
        "b4 IN TXT \"v=spf1 \" \"include:amazonses.com ~all\"\n"          /* split but fine */
        "b5 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n"
        "b5 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n";                   /* 15: no amazonses */
    lint(&r, z, "ses-mail-from-spf");
    expect(&r, "ZL5013", 6, 1, "MAIL FROM domain 'b1.example.com.' has no SPF record");
    const struct zl_diag *d = expect(&r, "ZL5013", 9, 1, "has 2 SPF (v=spf1) records");
    assert_int_equal(d->nnotes, 2);
    d = expect(&r, "ZL5013", 11, 1, "whether the records it includes do cannot be seen here");
    assert_int_equal(d->severity, ZL_SEV_INFO);
    d = expect(&r, "ZL5013", 15, 1, "does not include amazonses.com, so mail SES sends");
    assert_int_equal(d->severity, ZL_SEV_ERROR);
    assert_int_equal(r.d.n, 4);
    done(&r);
}

static void test_dmarc_strict(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "bounce IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n"
        "bounce IN TXT \"v=spf1 include:amazonses.com ~all\"\n"
        "_dmarc IN TXT \"v=DMARC1; p=quarantine; aspf=s; rua=mailto:d@example.com\"\n"   /* 8 */
        TA "._domainkey.mail IN CNAME " TA ".dkim.amazonses.com.\n"
        "_dmarc.shop IN TXT \"v=DMARC1; p=reject; aspf=s\"\n"                            /* 10: no MAIL FROM below */
        "_dmarc.sub IN TXT \"v=DMARC1; p=reject\"\n";
    lint(&r, z, "ses-dmarc-strict");
    const struct zl_diag *d = expect(&r, "ZL5014", 8, 1, "sets aspf=s (strict SPF alignment), but SES sends with the "
                                                         "custom MAIL FROM 'bounce.example.com.'");
    assert_int_equal(d->severity, ZL_SEV_WARNING);
    expect_fix(d, "\"v=DMARC1; p=quarantine; rua=mailto:d@example.com\"");
    assert_int_equal(r.d.n, 1);
    done(&r);

    z = HEAD
        TA "._domainkey.mail IN CNAME " TA ".dkim.amazonses.com.\n"
        "_dmarc IN TXT \"v=DMARC1; p=reject; adkim=s\"\n";
    lint(&r, z, "ses-dmarc-strict");
    /* adkim=s aligns when mail is sent From: mail.example.com, the identity */
    expect_none(&r);
    done(&r);
}

/* ---- DKIM keys: the generic rules (ZL4104-ZL4108, rules/dkim_key.c); the SES
 * BYODKIM ones (ZL5015-ZL5018) need --ses-identity: test_rules_precision.c ---- */

static void test_dkim_key_good(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "ses._domainkey IN TXT \"p=" K2048_A "\" \"" K2048_B "\"\n"
        "k1._domainkey IN TXT \"v=DKIM1; k=rsa; p=" K1024 "\"\n"
        "old._domainkey IN TXT \"v=DKIM1; p=\"\n"                         /* revoked */
        "ed._domainkey IN TXT \"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"\n";
    lint(&r, z, "ses-");
    expect_none(&r);
    done(&r);
    lint(&r, z, "dkim-");
    expect_none(&r);
    done(&r);
}

static void test_dkim_key_split(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "ses._domainkey IN TXT \"p=" K2048_A "\" \" " K2048_B "\"\n"       /* 6: leading space */
        "s2._domainkey IN TXT \"p=" K1024_A " \" \"" K1024_B "\"\n"        /* 7: trailing space */
        "s3._domainkey IN TXT \"p=" K1024_A "\\\"\" \"" K1024_B "\"\n";    /* 8: a quote */
    /* blanks inside p= are legal FWS (RFC 6376 3.6.1): an info; a quote is not base64 */
    lint(&r, z, "dkim-");
    const struct zl_diag *d = expect(&r, "ZL4108", 6, col_of(z, 6, "\" " K2048_B), "character-string 2 begins with a space");
    assert_int_equal(d->severity, ZL_SEV_INFO);
    expect_fix(d, "\"p=" K2048_A "\" \"" K2048_B "\"");
    d = expect(&r, "ZL4108", 7, col_of(z, 7, "\"p="), "character-string 1 ends with a space");
    expect_fix(d, "\"p=" K1024 "\"");
    d = expect(&r, "ZL4104", 8, 0, "p= holds a literal '\"'");
    assert_int_equal(d->severity, ZL_SEV_ERROR);
    expect_fix(d, "\"p=" K1024 "\"");
    assert_int_equal(r.d.n, 3);
    done(&r);
    /* without --ses-identity the SES BYODKIM rule says nothing */
    lint(&r, z, "ses-dkim-key-split");
    expect_none(&r);
    done(&r);
}

static void test_dkim_key_invalid(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "a._domainkey IN TXT \"p=-----BEGIN PUBLIC KEY-----\" \"" K1024 "\" \"-----END PUBLIC KEY-----\"\n" /* 6 */
        "b._domainkey IN TXT \"p=" K2048_A "\"\n"                                                /* 7: lost half */
        "c._domainkey IN TXT \"p=MIGfMA0GCSqGSIb3DQEB*QUAA4GNADCBiQKBgQ\"\n"                     /* 8 */
        "d._domainkey IN TXT \"p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQD\"\n";                  /* 9 */
    lint(&r, z, "ZL4104");
    const struct zl_diag *d = expect(&r, "ZL4104", 6, col_of(z, 6, "\"p="), "contains a PEM armour line");
    expect_fix(d, "\"p=" K1024 "\"");
    d = expect(&r, "ZL4104", 7, 0, "not valid");
    assert_true(strstr(d->message, "truncated") || strstr(d->message, "multiple of 4"));
    expect(&r, "ZL4104", 8, 0, "character '*' at position 21 of the key is not base64");
    expect(&r, "ZL4104", 9, 0, "not a multiple of 4");
    assert_int_equal(r.d.n, 4);
    done(&r);
}

static void test_dkim_key_truncated_der(void **state)
{
    (void)state;
    struct result r;
    /* 2048-bit header, 1024 bits of data: a whole string lost */
    const char *z = HEAD "b._domainkey IN TXT \"p=" K2048_B "\" \"" K2048_B "\"\n";
    lint(&r, z, "ZL4104");
    expect(&r, "ZL4104", 6, 0, "not valid");
    done(&r);
    z = HEAD "b._domainkey IN TXT \"p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA28egOqlvFqYmvhMs\"\n";
    lint(&r, z, "ZL4104");
    expect(&r, "ZL4104", 6, 0, "the key is truncated: its header declares 294 bytes but the base64 decodes to 45");
    done(&r);
}

static void test_dkim_key_size(void **state)
{
    (void)state;
    struct result r;
    const char *ses = TA "._domainkey IN CNAME " TA ".dkim.amazonses.com.\n";
    char z[4096];
    snprintf(z, sizeof z, HEAD "weak._domainkey IN TXT \"p=" K512 "\"\n"
                          "big._domainkey IN TXT \"p=" K4096_A "\" \"" K4096_B "\" \"" K4096_C "\"\n%s", ses);
    /* under 1024 bits verifiers reject the key (RFC 8301); 4096 is fine for DKIM */
    lint(&r, z, "dkim-");
    const struct zl_diag *d = expect(&r, "ZL4107", 6, 0, "is a 512-bit RSA key");
    assert_int_equal(d->severity, ZL_SEV_WARNING);
    assert_int_equal(r.d.n, 1);
    done(&r);

    /* SES zone or not: without a BYODKIM identity, 4096 bits is someone else's fine key */
    lint(&r, z, "ses-dkim-key-size");
    expect_none(&r);
    done(&r);
}

static void test_byodkim_selector(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "ses.2024._domainkey IN TXT \"p=" K1024 "\"\n"
        "ses_2024._domainkey IN TXT \"p=" K1024 "\"\n"
        "ses-2024._domainkey IN TXT \"p=" K1024 "\"\n"
        "bounce IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n";
    /* no BYODKIM identity: the selectors are nobody's concern at SES
     * (test_rules_precision.c has them with one) */
    lint(&r, z, "ses-byodkim-selector");
    expect_none(&r);
    done(&r);
}

/* ---- ZL5019 Cloudflare ------------------------------------------------------------------------- */

static void test_cloudflare_proxied(void **state)
{
    (void)state;
    struct result r;
    const char *z =
        ";; Domain:     example.com.\n"
        "example.com.\t3600\tIN\tSOA\tx.ns.cloudflare.com. dns.cloudflare.com. 2050131287 10000 2400 604800 3600\n"
        TA "._domainkey.example.com.\t1\tIN\tCNAME\t" TA ".dkim.amazonses.com. ; cf_tags=cf-proxied:true\n"
        "_1234abcd.example.com.\t1\tIN\tCNAME\t_5678.xyz.acm-validations.aws. ; moved here cf_tags=cf-proxied:true\n"
        "em1234.example.com.\t1\tIN\tCNAME\tu1234.wl123.sendgrid.net. ; cf_tags=cf-proxied:true\n"
        "www.example.com.\t1\tIN\tCNAME\tapp.example.net. ; cf_tags=cf-proxied:true\n"
        "api.example.com.\t1\tIN\tA\t192.0.2.10 ; cf_tags=cf-proxied:true\n"
        "_acme-challenge.example.com.\t1\tIN\tCNAME\tx.acme.example.net. ;cf_tags=cf-proxied:true\n"
        TB "._domainkey.example.com.\t1\tIN\tCNAME\t" TB ".dkim.amazonses.com. ; cf_tags=cf-proxied:false\n";
    lint(&r, z, "ses-cloudflare-proxied");
    const struct zl_diag *d = expect(&r, "ZL5019", 3, col_of(z, 3, "cf-proxied"), "is proxied by Cloudflare");
    expect_fix(d, "cf-proxied:false");
    assert_int_equal(d->fix->span.end_col - d->fix->span.col, 15);
    expect(&r, "ZL5019", 4, col_of(z, 4, "cf-proxied"), "'_1234abcd.example.com.'");
    expect(&r, "ZL5019", 5, 0, "u1234.wl123.sendgrid.net.");
    expect(&r, "ZL5019", 8, col_of(z, 8, "cf-proxied"), "'_acme-challenge.example.com.'");
    assert_int_equal(r.d.n, 4);
    done(&r);
}

/* ---- the complete, correct setup ------------------------------------------------------------------ */

#define FULL_SETUP                                                                              \
    "$ORIGIN example.com.\n"                                                                    \
    "$TTL 3600\n"                                                                               \
    "@ IN SOA ns1.example.net. hostmaster.example.com. 2024010101 7200 3600 1209600 3600\n"     \
    "@ IN NS ns1.example.net.\n"                                                                \
    "@ IN NS ns2.example.org.\n"                                                                \
    "@ IN A 192.0.2.10\n"                                                                       \
    "@ IN MX 10 mx1.example.net.\n"                                                             \
    "@ IN TXT \"v=spf1 include:amazonses.com -all\"\n"                                          \
    "www IN CNAME example.com.\n"                                                               \
    TA "._domainkey 1800 IN CNAME " TA ".dkim.amazonses.com.\n"                                 \
    TB "._domainkey 1800 IN CNAME " TB ".dkim.amazonses.com.\n"                                 \
    TC "._domainkey 1800 IN CNAME " TC ".dkim.amazonses.com.\n"                                 \
    "_amazonses 1800 IN TXT \"" VTOK "\"\n"                                                     \
    "bounce 1800 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n"                             \
    "bounce 1800 IN TXT \"v=spf1 include:amazonses.com ~all\"\n"                                \
    "_dmarc 1800 IN TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\"\n"             \
    "ses2024._domainkey 1800 IN TXT \"p=" K2048_A "\" \"" K2048_B "\"\n"

static void test_full_setup_clean(void **state)
{
    (void)state;
    struct result r;
    lint(&r, FULL_SETUP, NULL);
    size_t bad = 0;
    for (size_t i = 0; i < r.d.n; i++)
        if (r.d.v[i].severity >= ZL_SEV_WARNING)
            bad++;
    if (bad)
        dump(&r);
    assert_int_equal(bad, 0);
    done(&r);
    /* and with the SES rules alone: not even an info */
    lint(&r, FULL_SETUP, "ZL5");
    expect_none(&r);
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dkim_target_relative),
        cmocka_unit_test(test_dkim_target_wrong_domains),
        cmocka_unit_test(test_dkim_target_good),
        cmocka_unit_test(test_dkim_other_providers_silent),
        cmocka_unit_test(test_dkim_token_length),
        cmocka_unit_test(test_dkim_token_charset_and_case),
        cmocka_unit_test(test_dkim_token_mismatch),
        cmocka_unit_test(test_dkim_missing_dot),
        cmocka_unit_test(test_dkim_swapped),
        cmocka_unit_test(test_dkim_as_txt),
        cmocka_unit_test(test_dkim_set_broken_member),
        cmocka_unit_test(test_dkim_set_missing_one),
        cmocka_unit_test(test_dkim_set_two_regions),
        cmocka_unit_test(test_dkim_set_fragment),
        cmocka_unit_test(test_verify_token_shapes),
        cmocka_unit_test(test_verify_token_good),
        cmocka_unit_test(test_verify_owner),
        cmocka_unit_test(test_mail_from_mx),
        cmocka_unit_test(test_mail_from_spf),
        cmocka_unit_test(test_dmarc_strict),
        cmocka_unit_test(test_dkim_key_good),
        cmocka_unit_test(test_dkim_key_split),
        cmocka_unit_test(test_dkim_key_invalid),
        cmocka_unit_test(test_dkim_key_truncated_der),
        cmocka_unit_test(test_dkim_key_size),
        cmocka_unit_test(test_byodkim_selector),
        cmocka_unit_test(test_cloudflare_proxied),
        cmocka_unit_test(test_full_setup_clean),
    };
    return cmocka_run_group_tests_name("rules_ses", tests, NULL, NULL);
}
