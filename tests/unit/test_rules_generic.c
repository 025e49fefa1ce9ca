/* SPDX-License-Identifier: MIT */
/* Generic record, zone and mail-policy rules (ZL2101-ZL4103): for every rule
 * at least one snippet where it fires (code, line, column, message) and one
 * where it stays silent; plus the pattern table and the TLD data. Each case
 * runs with only its rule selected, through zl_lint_buffer like the CLI.
 * Covers rules/name_doubled_origin.c, target_relative_external.c,
 * value_stray_characters.c, cname.c, rrset.c, zone_completeness.c, mail_policy.c,
 * spf.c, dmarc.c, export_placeholder.c, name_other_domain.c, txt_swapped.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "lint/lint.h"
#include "lint/patterns.h"
#include "rules/rules.h"
#include "base/buf.h"

#define SOA "@ 3600 IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 3600\n" \
            "@ 3600 IN NS ns1.example.com.\n"                                                 \
            "ns1 3600 IN A 192.0.2.53\n"

struct expect {
    unsigned line, col;     /* 0: any */
    const char *msg;        /* substring of the message, or NULL */
};

struct rcase {
    const char *name;
    const char *rule;       /* slug, selected alone */
    const char *zone;
    const char *origin;     /* NULL: example.com. */
    unsigned n;             /* findings expected */
    struct expect e[3];     /* the first min(n, 3), in report order */
};

struct result {
    struct zl_diags d;
    struct zl_source *sources;
};

static void lint(struct result *r, const char *rule, const char *zone, const char *origin)
{
    memset(r, 0, sizeof *r);
    struct zl_name o;
    const char *ot = origin ? origin : "example.com.";
    assert_int_equal(zl_name_from_text(&o, ot, strlen(ot), NULL, NULL), ZL_NAME_OK);
    char *sel[1] = { (char *)rule };
    struct zl_lint_opts opts;
    memset(&opts, 0, sizeof opts);
    opts.origin = &o;
    opts.sel.select = sel;
    opts.sel.nselect = 1;
    assert_int_equal(zl_lint_buffer(zone, strlen(zone), "test.zone", &opts, &r->sources, &r->d), 0);
}

static void done(struct result *r)
{
    zl_diags_free(&r->d);
    zl_parse_sources_free(r->sources);
}

static void dump(const struct rcase *c, const struct result *r)
{
    print_error("case '%s' (%s): %zu findings\n", c->name, c->rule, r->d.n);
    for (size_t i = 0; i < r->d.n; i++)
        print_error("  %u:%u %s %s: %s\n", r->d.v[i].span.line, r->d.v[i].span.col,
                    r->d.v[i].code, r->d.v[i].slug, r->d.v[i].message);
}

static void run_cases(const struct rcase *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct rcase *c = &cases[i];
        const struct zl_rule *rule = zl_rule_find(c->rule);
        if (!rule)
            print_error("unknown rule '%s'\n", c->rule);
        assert_non_null(rule);
        struct result r;
        lint(&r, c->rule, c->zone, c->origin);
        bool ok = r.d.n == c->n;
        for (size_t k = 0; ok && k < c->n && k < 3; k++) {
            const struct zl_diag *d = &r.d.v[k];
            const struct expect *e = &c->e[k];
            ok = strcmp(d->code, rule->code) == 0 && (!e->line || d->span.line == e->line) &&
                 (!e->col || d->span.col == e->col) && (!e->msg || strstr(d->message, e->msg));
        }
        if (!ok)
            dump(c, &r);
        done(&r);
        assert_true(ok);
    }
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- ZL2107 name-other-domain ------------------------------------------------ */

static const struct rcase other_domain[] = {
    { "DMARC copied with the sample domain", "name-other-domain",
      "_dmarc.solarmora.com 300 IN TXT \"v=DMARC1; p=reject; rua=mailto:postmaster@solarmora.com\"\n", NULL, 1,
      { { 1, 1, "holds the domain 'solarmora.com'" } } },
    { "DKIM CNAME copied from another domain (dashed in the target)", "name-other-domain",
      "selector1._domainkey.contoso.com 300 IN CNAME selector1-contoso-com._domainkey.contoso.onmicrosoft.com.\n",
      NULL, 1, { { 1, 1, "'selector1._domainkey.example.com.'" } } },
    { "silent: subdomains whose last label is a TLD", "name-other-domain",
      "_dmarc.api.dev 300 IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc@example.com\"\n"
      "_acme-challenge.shop.co 300 IN TXT \"gU3uV9xk2mH7aQ0\"\n"
      "s1._domainkey.mail.us 300 IN CNAME s1.domainkey.u123.wl042.sendgrid.net.\n",
      NULL, 0, { { 0 } } },
    { "silent: report authorisations and the zone's own names", "name-other-domain",
      "example.net._report._dmarc 300 IN TXT \"v=DMARC1\"\n"
      "_dmarc 300 IN TXT \"v=DMARC1; p=none; rua=mailto:x@example.net\"\n"
      "_dmarc.example.com 300 IN TXT \"v=DMARC1; p=none; rua=mailto:x@example.com\"\n",
      NULL, 0, { { 0 } } },
    { "silent: another domain in the name, but the value is not about it", "name-other-domain",
      "_amazonses.partner.io 300 IN TXT \"pmBGN/7MjnfhTKUZ06Enqq1PeGUaOkw8lGhcfwefcHU=\"\n", NULL, 0, { { 0 } } },
};

static void test_name_other_domain(void **state)
{
    (void)state;
    run_cases(other_domain, N(other_domain));
}

/* ---- ZL2108 txt-owner-value-swapped ----------------------------------------- */

static const struct rcase swapped[] = {
    { "ACME token as owner, challenge name as value", "txt-owner-value-swapped",
      "6ch_e2oomGUrC3fuBFIleC7Fdj9BgJYDK3E2gZOWMjY 300 IN TXT _acme-challenge.www.example.com\n", NULL, 1,
      { { 1, 1, "write _acme-challenge.www.example.com. IN TXT \"6ch_e2oomGUrC3fuBFIleC7Fdj9BgJYDK3E2gZOWMjY\"" } } },
    { "SES token as owner, quoted relative-looking name under a subdomain", "txt-owner-value-swapped",
      "pmBGN7MjnfhTKUZ06Enqq1PeGUaOkw8lG.mail 300 IN TXT \"_amazonses.mail.example.com.\"\n", NULL, 1,
      { { 1, 1, "the name '_amazonses.mail.example.com.'" } } },
    { "DKIM selector name as value", "txt-owner-value-swapped",
      "k7Yq2Lm9Xw4Rt6Pz1Vb8Nc3Hs5 300 IN TXT \"s1._domainkey.example.com\"\n", NULL, 1,
      { { 1, 1, "'s1._domainkey.example.com.'" } } },
    { "silent: the right way round, and look-alikes", "txt-owner-value-swapped",
      "_acme-challenge.www 300 IN TXT \"6ch_e2oomGUrC3fuBFIleC7Fdj9BgJYDK3E2gZOWMjY\"\n"
      /* a hashed owner (DANE/SMIMEA style) with an ordinary value */
      "c93f1e400f26708f98cb19d936620da35eec8f72e57f9eec01c1afd6 300 IN TXT \"v=spf1 -all\"\n"
      /* a long owner of letters only is a host name, not a token */
      "mailserverinternalrelayhost 300 IN TXT \"_acme-challenge.example.com\"\n"
      /* the name is another zone's: no swap within this zone */
      "Qx7b9LmZ2pT4vN8cR1sW5yK3hJ6dF0aE 300 IN TXT \"_acme-challenge.example.net\"\n"
      /* two words: a sentence, not a name */
      "Qx7b9LmZ2pT4vN8cR1sW5yK3hJ6dF0aE2 300 IN TXT \"_dmarc.example.com\" \"x\"\n"
      /* a service label as owner pointing at another service name (delegation notes) */
      "_acme-challenge 300 IN TXT \"_acme-challenge.www.example.com\"\n",
      NULL, 0, { { 0 } } },
};

static void test_txt_swapped(void **state)
{
    (void)state;
    run_cases(swapped, N(swapped));
}

/* ---- ZL2101 name-doubled-origin -------------------------------------------- */

static const struct rcase doubled[] = {
    { "relative owner ending in the origin", "name-doubled-origin",
      "tok._domainkey.example.com 300 IN CNAME tok.dkim.amazonses.com.\n", NULL, 1,
      { { 1, 1, "expands to 'tok._domainkey.example.com.example.com.'" } } },
    { "relative MX target ending in the origin", "name-doubled-origin",
      "@ 300 IN MX 10 mail.example.com\n", NULL, 1,
      { { 1, 16, "MX target 'mail.example.com' already ends in the origin" } } },
    { "the origin itself written relative", "name-doubled-origin",
      "www 300 IN CNAME example.com\n", NULL, 1, { { 1, 18, "'example.com.example.com.'" } } },
    { "absolute name with the origin twice", "name-doubled-origin",
      "_amazonses.example.com.example.com. 300 IN TXT \"x\"\n", NULL, 1,
      { { 1, 1, "ends in the origin 'example.com.' twice" } } },
    { "zone name under a sub-origin", "name-doubled-origin",
      "$ORIGIN mg.example.com.\npic._domainkey.example.com 300 IN TXT \"k=rsa; p=MIGf\"\n", NULL, 1,
      { { 2, 1, "already ends in the zone name 'example.com.'" } } },
    { "case differs, still doubled", "name-doubled-origin",
      "www 300 IN CNAME web.EXAMPLE.Com\n", NULL, 1, { { 1, 18, "web.EXAMPLE.Com" } } },
    { "silent: relative, absolute and @ names", "name-doubled-origin",
      SOA "tok._domainkey 300 IN CNAME tok.dkim.amazonses.com.\n"
          "www.example.com. 300 IN CNAME example.com.\n"
          "@ 300 IN MX 10 mail\n"
          "mail 300 IN A 192.0.2.25\n"
          "example 300 IN A 192.0.2.26\n",
      NULL, 0, { { 0 } } },
    { "silent: label that merely contains the origin text", "name-doubled-origin",
      "www 300 IN CNAME myexample.com.example.com.\n"
      "x 300 IN CNAME notexample.com\n", NULL, 0, { { 0 } } },
};

static void test_name_doubled_origin(void **state)
{
    (void)state;
    run_cases(doubled, N(doubled));
}

static void test_name_doubled_origin_fix(void **state)
{
    (void)state;
    struct result r;
    lint(&r, "name-doubled-origin", "x 300 IN CNAME x.example.com\n", NULL);
    assert_int_equal(r.d.n, 1);
    assert_non_null(r.d.v[0].fix);
    assert_string_equal(r.d.v[0].fix->replacement, "x.example.com.");
    assert_int_equal(r.d.v[0].fix->span.col, 16);
    assert_int_equal(r.d.v[0].fix->span.end_col, 29);
    assert_int_equal(r.d.v[0].nnotes, 1);
    assert_non_null(strstr(r.d.v[0].notes[0], "write 'x' (relative to the origin)"));
    done(&r);

    lint(&r, "name-doubled-origin", "a.example.com.example.com. 300 IN A 192.0.2.1\n", NULL);
    assert_int_equal(r.d.n, 1);
    assert_non_null(r.d.v[0].fix);
    assert_string_equal(r.d.v[0].fix->replacement, "a.example.com.");
    done(&r);
}

/* ---- ZL2102 target-relative-external ---------------------------------------- */

static const struct rcase relext[] = {
    { "CNAME to google", "target-relative-external", "www 300 IN CNAME ghs.google.com\n", NULL, 1,
      { { 1, 18, "CNAME target 'ghs.google.com' has no trailing dot, so it expands to "
                 "'ghs.google.com.example.com.'" } } },
    { "MX to google", "target-relative-external", "@ 300 IN MX 1 aspmx.l.google.com\n", NULL, 1,
      { { 1, 15, "MX target 'aspmx.l.google.com'" } } },
    { "SES DKIM target, ccTLD NS, SRV", "target-relative-external",
      "tok._domainkey 300 IN CNAME tok.dkim.amazonses.com\n"
      "sub 300 IN NS ns1.provider.de\n"
      "_sip._tcp 300 IN SRV 10 5 5060 sip.provider.co.uk\n", NULL, 3,
      { { 1, 29, "tok.dkim.amazonses.com.example.com." }, { 2, 15, "NS target" },
        { 3, 32, "SRV target 'sip.provider.co.uk'" } } },
    { "silent: trailing dot, single label, non-TLD, in-zone", "target-relative-external",
      "www 300 IN CNAME ghs.google.com.\n"
      "a 300 IN CNAME web\n"
      "b 300 IN CNAME web.internal\n"
      "c 300 IN CNAME mail.uk\n"
      "mail.uk 300 IN A 192.0.2.1\n"
      "t 300 IN TXT \"ghs.google.com\"\n",
      NULL, 0, { { 0 } } },
    { "new gTLD, IDN TLD, co.uk", "target-relative-external",
      "shop 300 IN CNAME storefront.example.technology\n"
      "docs 300 IN CNAME docs-host.example.xn--p1ai\n"
      "blog 300 IN CNAME blog.hosting.co.uk\n", NULL, 3,
      { { 1, 19, "storefront.example.technology.example.com." }, { 2, 19, "xn--p1ai" },
        { 3, 19, "blog.hosting.co.uk.example.com." } } },
    { "silent: a name above the expansion is in the zone", "target-relative-external",
      "intranet 300 IN CNAME web.corp.dev\n"
      "corp.dev 300 IN A 192.0.2.3\n", NULL, 0, { { 0 } } },
    { "silent: doubled origin is the other rule's", "target-relative-external",
      "www 300 IN CNAME web.example.com\n", NULL, 0, { { 0 } } },
};

static void test_target_relative_external(void **state)
{
    (void)state;
    run_cases(relext, N(relext));
    struct result r;
    lint(&r, "target-relative-external", "www 300 IN CNAME ghs.google.com\n", NULL);
    assert_int_equal(r.d.n, 1);
    assert_non_null(r.d.v[0].fix);
    assert_string_equal(r.d.v[0].fix->replacement, "ghs.google.com.");
    done(&r);
}

static void test_public_tlds(void **state)
{
    (void)state;
    assert_true(zl_is_public_tld("com", 3));
    assert_true(zl_is_public_tld("COM", 3));
    assert_true(zl_is_public_tld("de", 2));
    assert_true(zl_is_public_tld("microsoft", 9));
    assert_false(zl_is_public_tld("internal", 8));
    assert_false(zl_is_public_tld("zz", 2));
    assert_false(zl_is_public_tld("c", 1));
    assert_false(zl_is_public_tld("c-m", 3));
    /* the whole list, not a hand-kept subset: new gTLDs and IDN TLDs */
    assert_true(zl_is_public_tld("technology", 10));
    assert_true(zl_is_public_tld("xn--p1ai", 8));
    assert_true(zl_is_public_tld("Photography", 11));
    /* not delegated: the list's implicit "*" rule does not count */
    assert_false(zl_is_public_tld("corp", 4));
    assert_false(zl_is_public_tld("local", 5));
    assert_false(zl_is_public_tld("-com", 4));
}

/* ---- ZL2103 value-stray-characters ------------------------------------------ */

static const struct rcase stray[] = {
    { "TXT wrapped in literal quotes", "value-stray-characters",
      "_amazonses 300 IN TXT \"\\\"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\\\"\"\n", NULL, 1,
      { { 1, 24, "TXT value contains a literal quote" } } },
    { "leading and trailing space in a token TXT", "value-stray-characters",
      "@ 300 IN TXT \" google-site-verification=abc\"\n"
      "x 300 IN TXT \"google-site-verification=abc \"\n", NULL, 2,
      { { 1, 15, "a leading space" }, { 2, 43, "a trailing space" } } },
    { "zero-width space in a TXT (raw and escaped)", "value-stray-characters",
      "@ 300 IN TXT \"v=spf1 \xe2\x80\x8binclude:amazonses.com ~all\"\n"
      "x 300 IN TXT \"abc\\226\\128\\139def\"\n", NULL, 2,
      { { 1, 22, "zero-width space (U+200B)" }, { 2, 18, "zero-width space" } } },
    { "space and quote in names", "value-stray-characters",
      "www 300 IN CNAME \\032tok.dkim.amazonses.com.\n"
      "a\\\"b 300 IN A 192.0.2.1\n", NULL, 2,
      { { 1, 18, "CNAME name '\\032tok.dkim.amazonses.com.' contains a leading space" },
        { 2, 2, "owner name 'a\\\"b' contains a literal quote" } } },
    { "control character and curly quotes", "value-stray-characters",
      "@ 300 IN TXT \"v=spf1\\009-all\"\n"
      "x 300 IN TXT \"\xe2\x80\x9cv=spf1 -all\xe2\x80\x9d\"\n", NULL, 2,
      { { 1, 21, "a tab (\\009)" }, { 2, 15, "a curly quote (U+201C)" } } },
    { "free text wrapped in quotes", "value-stray-characters",
      "@ 300 IN TXT \"\\\"v=spf1 include:amazonses.com ~all\\\"\"\n", NULL, 1,
      { { 1, 15, "literal quote" } } },
    { "no-break space in a token", "value-stray-characters",
      "x 300 IN TXT \"MS=ms12345678\xc2\xa0\"\n", NULL, 1, { { 1, 28, "no-break space (U+00A0)" } } },
    { "silent: sentences, DKIM, split SPF, UTF-8 text", "value-stray-characters",
      "@ 300 IN TXT \"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC\"\n"
      "a 300 IN TXT \"He said \\\"hello\\\" to them\"\n"
      "a2 300 IN TXT \"note: \\\"pHcxVjGmOhvpp+Sri0M+Vy6zZp2\\\"\"\n"
      "a3 300 IN TXT \"\\\"Quoted\\\" she said\"\n"
      "b 300 IN TXT \"v=spf1 include:a.example\" \" include:b.example ~all\"\n"
      "c 300 IN TXT \"Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d words\"\n"
      "d 300 IN TXT \"\"\n"
      "e 300 IN CNAME tok.dkim.amazonses.com.\n",
      NULL, 0, { { 0 } } },
};

static void test_value_stray_characters(void **state)
{
    (void)state;
    run_cases(stray, N(stray));
    /* A single invisible character gets a fix-it that deletes it. */
    struct result r;
    lint(&r, "value-stray-characters", "x 300 IN TXT \"abc\xe2\x80\x8b\"\n", NULL);
    assert_int_equal(r.d.n, 1);
    assert_non_null(r.d.v[0].fix);
    assert_string_equal(r.d.v[0].fix->replacement, "");
    assert_int_equal(r.d.v[0].fix->span.col, 18);
    assert_int_equal(r.d.v[0].fix->span.end_col, 21);
    done(&r);
}

/* ---- ZL3101-ZL3103 zone shape ----------------------------------------------- */

static const struct rcase shape[] = {
    { "no SOA", "missing-soa",
      "@ 3600 IN NS ns1.example.net.\nwww 3600 IN A 192.0.2.1\n", NULL, 1,
      { { 1, 1, "zone 'example.com.' has no SOA record" } } },
    /* With the origin given, the parser itself rejects an SOA off the apex
     * (as BIND does), so the zone is left with no SOA. */
    { "SOA off the apex", "missing-soa",
      "@ 3600 IN NS ns1.example.net.\n"
      "sub 3600 IN SOA ns1.example.net. h.example.net. 1 2 3 4 5\n", NULL, 1,
      { { 1, 1, "zone 'example.com.' has no SOA record" } } },
    { "silent: SOA present", "missing-soa", SOA "www 3600 IN A 192.0.2.1\n", NULL, 0, { { 0 } } },
    { "no NS", "missing-ns",
      "www 3600 IN A 192.0.2.1\n"
      "@ 3600 IN SOA ns1.example.net. hostmaster.example.com. 1 7200 3600 1209600 3600\n", NULL, 1,
      { { 2, 1, "zone 'example.com.' has no NS records at its apex" } } },
    { "silent: NS present", "missing-ns", SOA, NULL, 0, { { 0 } } },
    { "owner in another zone", "out-of-zone",
      SOA "www.example.org. 3600 IN A 192.0.2.1\n"
          "                 3600 IN AAAA 2001:db8::1\n", NULL, 1,
      { { 4, 1, "owner 'www.example.org.' is outside the zone 'example.com.'" } } },
    { "$ORIGIN switched away", "out-of-zone",
      SOA "$ORIGIN example.net.\nwww 3600 IN A 192.0.2.1\n", NULL, 1,
      { { 5, 1, "'www.example.net.' is outside the zone" } } },
    { "silent: apex, below, sub-origin", "out-of-zone",
      SOA "a.b.example.com. 3600 IN A 192.0.2.1\n$ORIGIN sub.example.com.\nwww 3600 IN A 192.0.2.2\n",
      NULL, 0, { { 0 } } },
};

static void test_zone_shape(void **state)
{
    (void)state;
    run_cases(shape, N(shape));
}

/* ---- ZL3104-ZL3107 CNAME ---------------------------------------------------- */

static const struct rcase cname[] = {
    { "TXT after a CNAME", "cname-and-other-data",
      "www 300 IN CNAME web.example.net.\nwww 300 IN TXT \"hello\"\n", NULL, 1,
      { { 2, 1, "TXT record at a name that has a CNAME (line 1)" } } },
    { "CNAME after an MX, names not adjacent", "cname-and-other-data",
      "mail 300 IN MX 10 mx.example.net.\nx 300 IN A 192.0.2.1\nMAIL 300 IN CNAME mx.example.net.\n",
      NULL, 1, { { 3, 1, "CNAME at a name that already has MX data (line 1)" } } },
    { "silent: DNSSEC records beside a CNAME", "cname-and-other-data",
      "www 300 IN CNAME web.example.net.\n"
      "www 300 IN RRSIG CNAME 13 3 300 20250101000000 20240101000000 12345 example.com. "
      "dGVzdA==\n"
      "www 300 IN NSEC z.example.com. CNAME RRSIG NSEC\n"
      "web 300 IN A 192.0.2.1\n",
      NULL, 0, { { 0 } } },
    { "CNAME at the apex", "cname-at-apex", "@ 300 IN CNAME myapp.herokuapp.com.\n", NULL, 1,
      { { 1, 1, "CNAME at the zone apex 'example.com.'" } } },
    { "CNAME at the apex, written in full", "cname-at-apex",
      "example.com. 300 IN CNAME x.example.net.\n", NULL, 1, { { 1, 1, "zone apex" } } },
    { "silent: CNAME below the apex", "cname-at-apex", "www 300 IN CNAME myapp.herokuapp.com.\n",
      NULL, 0, { { 0 } } },
    { "two CNAMEs", "cname-multiple",
      "www 300 IN CNAME old.example.net.\nx 300 IN A 192.0.2.1\nwww 300 IN CNAME new.example.net.\n",
      NULL, 1, { { 3, 1, "second CNAME at this name (the first is at line 1)" } } },
    { "silent: one CNAME, and an identical copy", "cname-multiple",
      "www 300 IN CNAME web.example.net.\nwww 300 IN CNAME WEB.example.net.\n", NULL, 0, { { 0 } } },
    { "MX and NS targets that are aliases", "target-is-cname",
      "@ 300 IN MX 10 mail\n"
      "mail 300 IN CNAME mx1\n"
      "mx1 300 IN A 192.0.2.25\n"
      "sub 300 IN NS ns.example.com.\n"
      "ns 300 IN CNAME mx1\n", NULL, 2,
      { { 1, 16, "MX target 'mail' is an alias (a CNAME at line 2)" },
        { 4, 15, "NS target 'ns.example.com.' is an alias (a CNAME at line 5)" } } },
    { "silent: targets with addresses", "target-is-cname",
      "@ 300 IN MX 10 mx1\nmx1 300 IN A 192.0.2.25\nwww 300 IN CNAME mx1\n"
      "@ 300 IN MX 20 mx.example.net.\n", NULL, 0, { { 0 } } },
};

static void test_cname_rules(void **state)
{
    (void)state;
    run_cases(cname, N(cname));
}

/* Many targets that are aliases, each named by two MX records: every one
 * found, pointing at its CNAME, which comes after the name's other record
 * (a name's first CNAME, as its records came). */
static void test_many_alias_targets(void **state)
{
    (void)state;
    struct zl_buf z = { 0 };
    enum { NAMES = 100 };
    for (int i = 0; i < NAMES; i++)
        zl_buf_printf(&z, "t%d 300 IN TXT \"x\"\nt%d 300 IN CNAME web.example.net.\n", i, i); /* lines 2i+1, 2i+2 */
    for (int i = 0; i < NAMES; i++)
        zl_buf_printf(&z, "m%d 300 IN MX 10 t%d\nn%d 300 IN MX 20 t%d.example.com.\n", i, i, i, NAMES - 1 - i);
    zl_buf_printf(&z, "m 300 IN MX 10 plain\nplain 300 IN A 192.0.2.1\n");
    struct result r;
    lint(&r, "target-is-cname", zl_buf_cstr(&z), NULL);
    assert_int_equal(r.d.n, 2 * NAMES);
    for (size_t k = 0; k < r.d.n; k++) {
        const struct zl_diag *d = &r.d.v[k];
        unsigned line = d->span.line, at = (unsigned)(line - 2 * NAMES - 1); /* 0-based among the MX lines */
        int target = at % 2 == 0 ? (int)(at / 2) : NAMES - 1 - (int)(at / 2);
        char want[64];
        snprintf(want, sizeof want, "(a CNAME at line %d)", 2 * target + 2);
        if (!strstr(d->message, want))
            fail_msg("line %u: %s; expected %s", line, d->message, want);
    }
    done(&r);
    zl_buf_free(&z);
}

/* ---- ZL3108-ZL3109 RRsets ----------------------------------------------------- */

static const struct rcase rrsets[] = {
    { "same record twice, name case differs", "duplicate-record",
      "@ 300 IN MX 10 mx1.example.com.\nwww 300 IN A 192.0.2.1\n@ 300 IN MX 10 MX1.Example.com.\n",
      NULL, 1, { { 3, 1, "duplicate MX record: the same name, class, type and data as line 1" } } },
    { "silent: same name and type, other data", "duplicate-record",
      "www 300 IN A 192.0.2.1\nwww 300 IN A 192.0.2.2\nwww 300 IN TXT \"192.0.2.1\"\n", NULL, 0,
      { { 0 } } },
    { "TTL differs in an A set", "rrset-ttl-mismatch",
      "www 300 IN A 192.0.2.1\nwww 3600 IN A 192.0.2.2\nwww 300 IN A 192.0.2.3\n", NULL, 1,
      { { 2, 1, "TTL 3600 differs from TTL 300 of the first A record at this name (line 1)" } } },
    { "silent: one TTL per set, other types differ", "rrset-ttl-mismatch",
      "www 300 IN A 192.0.2.1\nwww 300 IN A 192.0.2.2\nwww 3600 IN AAAA 2001:db8::1\n", NULL, 0,
      { { 0 } } },
    /* cli53's routing records: each identifier is a record set of its own */
    { "silent: weighted copies, each with its identifier and TTL", "duplicate-record",
      "www 300 IN A 192.0.2.1\n"
      "w 300 IN A 192.0.2.1 ; AWS routing=\"WEIGHTED\" weight=1 identifier=\"One\"\n"
      "www 300 IN A 192.0.2.2\n"
      "w 60 IN A 192.0.2.1 ; AWS routing=\"WEIGHTED\" weight=2 identifier=\"Two\"\n"
      "w 300 IN A 192.0.2.1 ; AWS routing=\"WEIGHTED\" weight=3 identifier=\"Three\"\n", NULL, 0, { { 0 } } },
    { "silent: weighted sets with their own TTLs", "rrset-ttl-mismatch",
      "w 300 IN A 192.0.2.1 ; AWS routing=\"WEIGHTED\" weight=1 identifier=\"One\"\n"
      "x 300 IN A 192.0.2.9\n"
      "w 60 IN A 192.0.2.1 ; AWS routing=\"WEIGHTED\" weight=2 identifier=\"Two\"\n", NULL, 0, { { 0 } } },
    { "one identifier twice with the same data", "duplicate-record",
      "w 300 IN A 192.0.2.1 ; AWS routing=\"WEIGHTED\" weight=1 identifier=\"One\"\n"
      "x 300 IN A 192.0.2.9\n"
      "w 300 IN A 192.0.2.2 ; AWS routing=\"WEIGHTED\" weight=2 identifier=\"Two\"\n"
      "w 300 IN A 192.0.2.1 ; AWS routing=\"WEIGHTED\" weight=1 identifier=\"One\"\n", NULL, 1,
      { { 4, 1, "duplicate A record: the same name, class, type and data as line 1" } } },
    { "TTLs differ within one identifier's set", "rrset-ttl-mismatch",
      "w 300 IN A 192.0.2.1 ; AWS routing=\"MULTIVALUE\" identifier=\"One\"\n"
      "w 60 IN A 192.0.2.2 ; AWS routing=\"MULTIVALUE\" identifier=\"Two\"\n"
      "w 600 IN A 192.0.2.3 ; AWS routing=\"MULTIVALUE\" identifier=\"One\"\n", NULL, 1,
      { { 3, 1, "TTL 600 differs from TTL 300 of the first A record at this name (line 1)" } } },
};

static void test_rrset_rules(void **state)
{
    (void)state;
    run_cases(rrsets, N(rrsets));
}

/* ---- ZL4101-ZL4103 SPF and DMARC ------------------------------------------------ */

static const struct rcase spf[] = {
    { "two SPF records", "spf-multiple",
      "@ 300 IN TXT \"v=spf1 include:_spf.google.com ~all\"\n"
      "@ 300 IN TXT \"google-site-verification=abc\"\n"
      "@ 300 IN TXT \"V=SPF1 include:amazonses.com ~all\"\n", NULL, 1,
      { { 3, 15, "second SPF record at 'example.com.' (the first is at line 1)" } } },
    { "silent: one per name, v=spf10 is not SPF", "spf-multiple",
      "@ 300 IN TXT \"v=spf1 -all\"\nmail 300 IN TXT \"v=spf1 -all\"\n@ 300 IN TXT \"v=spf10 x\"\n",
      NULL, 0, { { 0 } } },
    { "unknown mechanism and bad ip4", "spf-syntax",
      "@ 300 IN TXT \"v=spf1 inlcude:_spf.google.com ip4:192.0.2.0/33 -all\"\n", NULL, 2,
      { { 1, 22, "unknown mechanism 'inlcude:_spf.google.com'" },
        { 1, 46, "'ip4:192.0.2.0/33' is not an IPv4 address" } } },
    { "strings joined without separator", "spf-syntax",
      "@ 300 IN TXT \"v=spf1 include:a.example.com\" \"include:b.example.com -all\"\n", NULL, 1,
      { { 1, 22, "'include' needs ':' and a domain name, got "
                 "'include:a.example.cominclude:b.example.com' (TXT strings are joined "
                 "without a space" } } },
    { "bad ip6, empty include, mechanism with '='", "spf-syntax",
      "@ 300 IN TXT \"v=spf1 ip6:2001:db8::g include: include=x.example.com -all\"\n", NULL, 3,
      { { 1, 22, "'ip6:2001:db8::g' is not an IPv6 address" },
        { 1, 38, "'include' needs ':' and a domain name" },
        { 1, 47, "write 'include:x.example.com'" } } },
    { "too many lookups", "spf-syntax",
      "@ 300 IN TXT \"v=spf1 a mx include:a.example include:b.example include:c.example "
      "include:d.example include:e.example include:f.example include:g.example "
      "include:h.example exists:%{i}.x.example -all\"\n", NULL, 1,
      { { 1, 0, "more than 10 DNS-querying terms" } } },
    { "repeated redirect, redirect with all", "spf-syntax",
      "@ 300 IN TXT \"v=spf1 redirect=a.example redirect=b.example\"\n"
      "x 300 IN TXT \"v=spf1 -all redirect=a.example\"\n", NULL, 2,
      { { 1, 41, "'redirect=' appears twice" }, { 2, 27, "'redirect=' is ignored" } } },
    { "silent: a realistic set of valid records", "spf-syntax",
      "@ 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.7 ip6:2001:db8::/32 a mx:mail.example.com/24//64 "
      "include:_spf.google.com ~all\"\n"
      "b 300 IN TXT \"v=spf1 include:amazonses.com exists:%{i}._spf.%{d}.example.net -all exp=explain.example.com\"\n"
      "c 300 IN TXT \"v=spf1 redirect=_spf.example.com\"\n"
      "d 300 IN TXT \"v=spf1\"\n"
      "e 300 IN TXT \"not spf at all: v=spf1 inlcude\"\n",
      NULL, 0, { { 0 } } },
    { "bare address in rua, p not second, comma separator", "dmarc-syntax",
      "_dmarc 300 IN TXT \"v=DMARC1; rua=dmarc@example.com; p=none, pct=100\"\n", NULL, 3,
      { { 1, 34, "rua= needs URIs: write 'mailto:dmarc@example.com'" },
        { 1, 53, "p= should come right after v=DMARC1" },
        { 1, 55, "p=none, pct=100 is invalid: expected none, quarantine or reject (tags are "
                 "separated by ';'" } } },
    { "lower-case version, missing p", "dmarc-syntax",
      "_dmarc.sub 300 IN TXT \"v=dmarc1; rua=mailto:d@example.com\"\n", NULL, 2,
      { { 1, 24, "version must be 'DMARC1' (upper case)" }, { 1, 24, "has no p= tag" } } },
    { "version not first, bad values, unknown and repeated tags", "dmarc-syntax",
      "_dmarc 300 IN TXT \"p=reject; v=DMARC1\"\n"
      "_dmarc.a 300 IN TXT \"v=DMARC1; p=block; pct=150; adkim=x; foo=1; p=none; "
      "ruf=https://example.com/r\"\n", NULL, 7,
      { { 1, 20, "must start with v=DMARC1, not 'p=reject'" },
        { 2, 34, "p=block is invalid" },
        { 2, 45, "pct=150 is invalid: expected a number 0-100" } } },
    { "silent: valid policies and a non-DMARC TXT", "dmarc-syntax",
      "_dmarc 300 IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc@example.com\"\n"
      "_dmarc.a 300 IN TXT \"v=DMARC1;p=reject;sp=quarantine;np=reject;adkim=s;aspf=r;pct=50;"
      "fo=0:1:d;rf=afrf;ri=86400;rua=mailto:a@example.com,mailto:b@example.net!10m;"
      "ruf=mailto:f@example.com;t=n;psd=u;\"\n"
      "_dmarc.b 300 IN TXT \"v=DMARC1; \" \"p=quarantine\"\n"
      "_dmarc.c 300 IN TXT \"some other note\"\n"
      "dmarc 300 IN TXT \"v=DMARC1; p=bogus\"\n",
      NULL, 0, { { 0 } } },
};

static void test_mail_policy(void **state)
{
    (void)state;
    run_cases(spf, N(spf));
}

static void test_soft_findings_are_warnings(void **state)
{
    (void)state;
    struct result r;
    lint(&r, "spf-syntax", "@ 300 IN TXT \"v=spf1 -all a ptr\"\n", NULL);
    assert_int_equal(r.d.n, 2);
    assert_non_null(strstr(r.d.v[0].message, "comes after 'all'"));
    assert_int_equal(r.d.v[0].severity, ZL_SEV_WARNING);
    assert_non_null(strstr(r.d.v[1].message, "'ptr' is slow"));
    assert_int_equal(r.d.v[1].severity, ZL_SEV_WARNING);
    done(&r);
    lint(&r, "spf-syntax", "@ 300 IN TXT \"v=spf1 ipv4:192.0.2.1 -all\"\n", NULL);
    assert_int_equal(r.d.n, 1);
    assert_int_equal(r.d.v[0].severity, ZL_SEV_ERROR);
    done(&r);
}

/* Selection: a rule that is not selected reports nothing. */
static void test_selection(void **state)
{
    (void)state;
    struct result r;
    lint(&r, "cname-at-apex", "www 300 IN CNAME ghs.google.com\n@ 300 IN CNAME x.example.net.\n", NULL);
    assert_int_equal(r.d.n, 1);
    assert_string_equal(r.d.v[0].slug, "cname-at-apex");
    done(&r);
}

/* ---- the pattern table --------------------------------------------------------- */

static void test_patterns_compile(void **state)
{
    (void)state;
    struct zl_patterns *p = zl_patterns_new();
    assert_non_null(p);
    for (int i = 0; i < ZL_PAT__COUNT; i++) {
        assert_non_null(zl_pattern(p, (enum zl_pattern_id)i));
        assert_non_null(zl_pattern_name((enum zl_pattern_id)i));
        assert_non_null(zl_pattern_source((enum zl_pattern_id)i));
    }
    struct {
        enum zl_pattern_id id;
        const char *s;
        bool match;
    } v[] = {
        { ZL_PAT_SPF_IP4, "192.0.2.0/24", true },
        { ZL_PAT_SPF_IP4, "255.255.255.255", true },
        { ZL_PAT_SPF_IP4, "192.0.2.0/33", false },
        { ZL_PAT_SPF_IP4, "192.0.2", false },
        { ZL_PAT_SPF_IP4, "192.0.2.01", false },
        { ZL_PAT_SPF_IP4, "256.0.0.1", false },
        { ZL_PAT_SPF_IP6_CIDR, "/128", true },
        { ZL_PAT_SPF_IP6_CIDR, "/129", false },
        { ZL_PAT_SPF_DUAL_CIDR, "", true },
        { ZL_PAT_SPF_DUAL_CIDR, "/24//64", true },
        { ZL_PAT_SPF_DUAL_CIDR, "//64", true },
        { ZL_PAT_SPF_DUAL_CIDR, "/33", false },
        { ZL_PAT_SPF_DOMAIN_SPEC, "_spf.google.com", true },
        { ZL_PAT_SPF_DOMAIN_SPEC, "%{i}._spf.%{d}.example.net", true },
        { ZL_PAT_SPF_DOMAIN_SPEC, "%{ir}.%{v}._spf.%{d2}", true },
        { ZL_PAT_SPF_DOMAIN_SPEC, "example.com.", true },
        { ZL_PAT_SPF_DOMAIN_SPEC, "localhost", false },
        { ZL_PAT_SPF_DOMAIN_SPEC, "example.123", false },
        { ZL_PAT_SPF_DOMAIN_SPEC, "%{x}.example.com", false },
        { ZL_PAT_SPF_MACRO_STRING, "%{d}", true },
        { ZL_PAT_SPF_MACRO_STRING, "50%", false },
        { ZL_PAT_SPF_NAME, "redirect", true },
        { ZL_PAT_SPF_NAME, "1x", false },
        { ZL_PAT_HOSTNAME, "_spf.example.com.", true },
        { ZL_PAT_HOSTNAME, "a.example.cominclude:b.example", false },
        { ZL_PAT_DMARC_POLICY, "Quarantine", true },
        { ZL_PAT_DMARC_POLICY, "block", false },
        { ZL_PAT_DMARC_ALIGN, "s", true },
        { ZL_PAT_DMARC_ALIGN, "strict", false },
        { ZL_PAT_DMARC_PCT, "100", true },
        { ZL_PAT_DMARC_PCT, "0", true },
        { ZL_PAT_DMARC_PCT, "101", false },
        { ZL_PAT_DMARC_FO, "0:1:d:s", true },
        { ZL_PAT_DMARC_FO, "2", false },
        { ZL_PAT_DMARC_RF, "afrf", true },
        { ZL_PAT_DMARC_RF, "arf", false },
        { ZL_PAT_DMARC_RI, "86400", true },
        { ZL_PAT_DMARC_RI, "1d", false },
        { ZL_PAT_DMARC_URI, "mailto:dmarc@example.com", true },
        { ZL_PAT_DMARC_URI, "MAILTO:d@example.com!10m", true },
        { ZL_PAT_DMARC_URI, "dmarc@example.com", false },
        { ZL_PAT_DMARC_URI, "mailto:dmarc", false },
        { ZL_PAT_DMARC_URI, "https://example.com/", false },
        { ZL_PAT_DMARC_BOOL, "y", true },
        { ZL_PAT_DMARC_BOOL, "u", false },
        { ZL_PAT_DMARC_PSD, "u", true },
    };
    for (size_t i = 0; i < N(v); i++) {
        bool m = zl_pattern_match(p, v[i].id, v[i].s, strlen(v[i].s));
        if (m != v[i].match)
            print_error("%s on '%s': expected %s\n", zl_pattern_name(v[i].id), v[i].s,
                        v[i].match ? "a match" : "no match");
        assert_true(m == v[i].match);
    }
    /* Anchored at the end even before a newline. */
    assert_false(zl_pattern_match(p, ZL_PAT_DMARC_ALIGN, "s\n", 2));
    zl_patterns_free(p);
}

/* A TXT record may hold more character-strings than a record's field array
 * (ZL_RDATA_MAX_FIELDS = 512): every string is still checked, and findings
 * point into the string that holds them (issue 11: the capped array once
 * made the SES rules crash, and these two miss or misplace). */
static void test_txt_more_strings_than_fields(void **state)
{
    (void)state;
    struct zl_buf z = { 0 };
    zl_buf_puts(&z, "x 300 IN TXT \"tok\"");
    for (int i = 0; i < 599; i++)
        zl_buf_puts(&z, " \"a\"");
    zl_buf_puts(&z, " \"a \"\n");
    const char *zone = zl_buf_cstr(&z);
    struct result r;
    lint(&r, "value-stray-characters", zone, NULL);
    assert_int_equal(r.d.n, 1);
    assert_non_null(strstr(r.d.v[0].message, "a trailing space"));
    assert_int_equal(r.d.v[0].span.col, (unsigned)(strlen(zone) - 2));
    done(&r);

    z.len = 0;
    zl_buf_puts(&z, "@ 300 IN TXT \"v=spf1 ip4:192.0.2.1\"");
    for (int i = 0; i < 599; i++)
        zl_buf_puts(&z, " \"\"");
    zl_buf_puts(&z, " \" bogus:x -all\"\n");
    zone = zl_buf_cstr(&z);
    lint(&r, "spf-syntax", zone, NULL);
    assert_int_equal(r.d.n, 1);
    assert_non_null(strstr(r.d.v[0].message, "bogus"));
    assert_int_equal(r.d.v[0].span.col, (unsigned)(strstr(zone, "bogus") - zone) + 1);
    done(&r);
    zl_buf_free(&z);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_txt_more_strings_than_fields),
        cmocka_unit_test(test_patterns_compile),
        cmocka_unit_test(test_public_tlds),
        cmocka_unit_test(test_name_doubled_origin),
        cmocka_unit_test(test_name_doubled_origin_fix),
        cmocka_unit_test(test_target_relative_external),
        cmocka_unit_test(test_value_stray_characters),
        cmocka_unit_test(test_zone_shape),
        cmocka_unit_test(test_cname_rules),
        cmocka_unit_test(test_many_alias_targets),
        cmocka_unit_test(test_rrset_rules),
        cmocka_unit_test(test_mail_policy),
        cmocka_unit_test(test_soft_findings_are_warnings),
        cmocka_unit_test(test_selection),
        cmocka_unit_test(test_name_other_domain),
        cmocka_unit_test(test_txt_swapped),
    };
    return cmocka_run_group_tests_name("rules_generic", tests, NULL, NULL);
}
