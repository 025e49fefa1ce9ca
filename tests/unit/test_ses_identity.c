/* SPDX-License-Identifier: MIT */
/* --ses-identity and --expect-ns: loading the SES identity JSON (v2 and v1
 * shapes, several documents, errors), picking the identity for a zone,
 * parsing delegations (list, dig, dig +short, whois), and the cross-check
 * rules ZL5020-ZL5023 and ZL3110 on zones that match, lack or misplace
 * what SES expects.
 * Covers rules/ses_crosscheck.c (with src/xcheck/ses_identity.c, src/xcheck/delegation.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "xcheck/delegation.h"
#include "lint/lint.h"
#include "base/names.h"
#include "input/parser.h"
#include "xcheck/ses_identity.h"

#define TA "4ixtpnvpubjuxqvnex727otq55y2ew7w"
#define TB "tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo"
#define TC "vtlb7vjp6beuml7w2oxu4h7zsvbruq2r"
#define VTOK "ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg="

#define V2(tokens, extra)                                                                     \
    "{\"IdentityType\": \"DOMAIN\", \"DkimAttributes\": {\"SigningEnabled\": true,"           \
    " \"Status\": \"PENDING\", \"Tokens\": [" tokens "],"                                      \
    " \"SigningHostedZone\": \"dkim.amazonses.com\", \"SigningAttributesOrigin\": \"AWS_SES\"}" \
    extra "}"
#define V2_TOKENS "\"" TA "\", \"" TB "\", \"" TC "\""
#define V2_MAILFROM ", \"MailFromAttributes\": {\"MailFromDomain\": \"bounce.example.com\"," \
                    " \"MailFromDomainStatus\": \"PENDING\"}"
#define V2_SOA(mname, serial)                                                                \
    ", \"VerificationInfo\": {\"LastCheckedTimestamp\": \"2024-06-03T09:15:27Z\","           \
    " \"SOARecord\": {\"PrimaryNameServer\": \"" mname "\", \"SerialNumber\": " serial "}}"

#define V1_VERIFY(id, tok)                                                                   \
    "{\"VerificationAttributes\": {\"" id "\": {\"VerificationStatus\": \"Pending\","         \
    " \"VerificationToken\": \"" tok "\"}, \"user@example.com\": {\"VerificationStatus\": \"Success\"}}}\n"
#define V1_DKIM(id)                                                                          \
    "{\"DkimAttributes\": {\"" id "\": {\"DkimEnabled\": true, \"DkimVerificationStatus\": \"Pending\"," \
    " \"DkimTokens\": [" V2_TOKENS "]}}}\n"
#define V1_MAILFROM(id, mf)                                                                  \
    "{\"MailFromDomainAttributes\": {\"" id "\": {\"BehaviorOnMXFailure\": \"UseDefaultValue\"," \
    " \"MailFromDomain\": \"" mf "\", \"MailFromDomainStatus\": \"Pending\"}}}\n"

#define HEAD                                                                                 \
    "$ORIGIN example.com.\n"                                                                 \
    "$TTL 3600\n"                                                                            \
    "@ IN SOA ns1.example.net. hostmaster.example.com. 2024060101 7200 3600 1209600 3600\n"  \
    "@ IN NS ns1.example.net.\n"                                                             \
    "@ IN NS ns2.example.org.\n"
#define DKIM_OK                                                                              \
    TA "._domainkey 1800 IN CNAME " TA ".dkim.amazonses.com.\n"                               \
    TB "._domainkey 1800 IN CNAME " TB ".dkim.amazonses.com.\n"                               \
    TC "._domainkey 1800 IN CNAME " TC ".dkim.amazonses.com.\n"
#define MAILFROM_OK                                                                          \
    "bounce 1800 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n"                           \
    "bounce 1800 IN TXT \"v=spf1 include:amazonses.com ~all\"\n"

/* ---- helpers ------------------------------------------------------------------ */

static void load_ok(struct zl_ses_expect *x, const char *json)
{
    char err[512] = "";
    int rc = zl_ses_expect_load_buffer(x, json, strlen(json), "id.json", err, sizeof err);
    if (rc != 0)
        print_message("unexpected error: %s\n", err);
    assert_int_equal(rc, 0);
}

static void load_fails(const char *json, const char *want)
{
    struct zl_ses_expect x;
    memset(&x, 0, sizeof x);
    char err[512] = "";
    assert_int_equal(zl_ses_expect_load_buffer(&x, json, strlen(json), "id.json", err, sizeof err), -1);
    if (!strstr(err, want))
        print_message("error '%s' lacks '%s'\n", err, want);
    assert_non_null(strstr(err, want));
    zl_ses_expect_free(&x);
}

static struct zl_name name(const char *s)
{
    struct zl_name n;
    assert_int_equal(zl_name_from_text(&n, s, strlen(s), NULL, NULL), ZL_NAME_OK);
    return n;
}

struct result {
    struct zl_source *sources;
    struct zl_diags d;
    const char *text;
};

static void lint(struct result *r, const char *text, const struct zl_ses_expect *x, const struct zl_delegation *dl)
{
    memset(r, 0, sizeof *r);
    r->text = text;
    struct zl_name origin = name("example.com.");
    struct zl_lint_opts opts;
    memset(&opts, 0, sizeof opts);
    opts.origin = &origin;
    static char *sel[] = { "ZL5020", "ZL5021", "ZL5022", "ZL5023", "ZL3110" };
    opts.sel.select = sel;
    opts.sel.nselect = sizeof sel / sizeof sel[0];
    opts.ses_expect = x;
    opts.expect_ns = dl;
    assert_int_equal(zl_lint_buffer(text, strlen(text), "test.zone", &opts, &r->sources, &r->d), 0);
}

static void lint_json(struct result *r, const char *zone, const char *json, struct zl_ses_expect *x)
{
    memset(x, 0, sizeof *x);
    load_ok(x, json);
    lint(r, zone, x, NULL);
}

static void done(struct result *r)
{
    zl_diags_free(&r->d);
    zl_parse_sources_free(r->sources);
}

static void dump(const struct result *r)
{
    for (size_t i = 0; i < r->d.n; i++) {
        print_message("  %u:%u %s: %s\n", r->d.v[i].span.line, r->d.v[i].span.col, r->d.v[i].code,
                      r->d.v[i].message);
        for (size_t k = 0; k < r->d.v[i].nnotes; k++)
            print_message("      note: %s\n", r->d.v[i].notes[k]);
    }
}

/* The finding of code at line (0: any) with msg in its message. */
static const struct zl_diag *expect(const struct result *r, const char *code, unsigned line, const char *msg)
{
    for (size_t i = 0; i < r->d.n; i++) {
        const struct zl_diag *d = &r->d.v[i];
        if (strcmp(d->code, code) || (line && d->span.line != line) || (msg && !strstr(d->message, msg)))
            continue;
        return d;
    }
    print_message("no %s at line %u with '%s'; got:\n", code, line, msg ? msg : "");
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

static bool has_note(const struct zl_diag *d, const char *s)
{
    for (size_t i = 0; i < d->nnotes; i++)
        if (strstr(d->notes[i], s))
            return true;
    return false;
}

/* ---- loading ---------------------------------------------------------------------- */

static void test_load_v2(void **state)
{
    (void)state;
    struct zl_ses_expect x;
    memset(&x, 0, sizeof x);
    load_ok(&x, V2(V2_TOKENS, V2_MAILFROM V2_SOA("ns1.example.net", "2024060101")));
    assert_int_equal(x.n, 1);
    const struct zl_ses_identity *id = &x.v[0];
    assert_false(id->named);
    assert_true(id->have_dkim);
    assert_int_equal(id->ntokens, 3);
    assert_string_equal(id->tokens[1], TB);
    assert_false(id->byodkim);
    assert_true(id->have_signing_zone);
    struct zl_name z = name("dkim.amazonses.com.");
    assert_true(zl_name_equal(&id->signing_zone, &z));
    assert_true(id->have_mail_from);
    struct zl_name m = name("bounce.example.com.");
    assert_true(zl_name_equal(&id->mail_from, &m));
    assert_true(id->have_soa && id->have_serial);
    assert_int_equal(id->soa_serial, 2024060101u);
    assert_string_equal(id->dkim_status, "PENDING");
    assert_string_equal(x.files, "id.json");
    zl_ses_expect_free(&x);
}

static void test_load_v1_merged(void **state)
{
    (void)state;
    struct zl_ses_expect x;
    memset(&x, 0, sizeof x);
    /* three outputs appended to one file, as `aws ses ... >> f` makes */
    load_ok(&x, V1_VERIFY("example.com", VTOK) V1_DKIM("example.com") V1_MAILFROM("example.com",
                                                                                    "bounce.example.com"));
    assert_int_equal(x.n, 1); /* user@example.com has no DNS records: skipped */
    const struct zl_ses_identity *id = &x.v[0];
    assert_true(id->named);
    struct zl_name d = name("example.com.");
    assert_true(zl_name_equal(&id->domain, &d));
    assert_string_equal(id->verification_token, VTOK);
    assert_int_equal(id->ntokens, 3);
    assert_false(id->have_signing_zone);
    assert_true(id->have_mail_from);
    assert_int_equal(id->from, ZL_SES_FROM_V1_VERIFY | ZL_SES_FROM_V1_DKIM | ZL_SES_FROM_V1_MAIL_FROM);
    /* a second file adds to the same set */
    load_ok(&x, V1_VERIFY("news.example.com", VTOK));
    assert_int_equal(x.n, 2);
    assert_string_equal(x.files, "id.json, id.json");
    zl_ses_expect_free(&x);
}

static void test_load_byodkim(void **state)
{
    (void)state;
    struct zl_ses_expect x;
    memset(&x, 0, sizeof x);
    load_ok(&x, "{\"DkimAttributes\": {\"SigningAttributesOrigin\": \"EXTERNAL\", \"Tokens\": [\"ses2024\"],"
                " \"Status\": \"PENDING\"}}");
    assert_true(x.v[0].byodkim);
    assert_string_equal(x.v[0].tokens[0], "ses2024");
    zl_ses_expect_free(&x);
}

static void test_load_errors(void **state)
{
    (void)state;
    load_fails("", "empty");
    load_fails("VerificationAttributes:\n  example.com:\n", "--output json");
    load_fails("{\n  \"DkimAttributes\": {\n    \"Tokens\": [\"a\",]\n  }\n}", "id.json:3:");
    load_fails("{\"DkimAttributes\": {\"Tokens\": \"abc\"}}", "DkimAttributes.Tokens must be an array");
    load_fails("{\"DkimAttributes\": {\"Tokens\": [\"a.b\"]}}", "cannot be a DNS label");
    load_fails("{\"Foo\": 1}", "not the output of");
    load_fails("[1, 2]", "not JSON");
    load_fails("{\"IdentityType\": \"EMAIL_ADDRESS\"}", "email address");
    load_fails("{\"VerificationAttributes\": {\"a@example.com\": {}}}", "no domain identity");
    load_fails(V2(V2_TOKENS, "") V2(V2_TOKENS, ""), "second");
    load_fails("{\"IdentityType\": \"DOMAIN\", \"VerificationAttributes\": {}}", "mixes");
    load_fails("{\"IdentityType\": \"DOMAIN\", \"VerificationInfo\": {\"SOARecord\": {\"SerialNumber\": -1}}}",
               "SerialNumber");
    load_fails("{\"IdentityType\": \"DOMAIN\"} x", "invalid JSON");
    load_fails("{\"VerificationAttributes\": {\"bad..name\": {}}}", "not a valid domain name");
}

static void test_load_file(void **state)
{
    (void)state;
    struct zl_ses_expect x;
    memset(&x, 0, sizeof x);
    char err[512];
    assert_int_equal(zl_ses_expect_load(&x, "/nonexistent/id.json", err, sizeof err), -1);
    assert_non_null(strstr(err, "/nonexistent/id.json: cannot open"));
    zl_ses_expect_free(&x);
}

static void test_pick(void **state)
{
    (void)state;
    struct zl_ses_expect x;
    struct zl_ses_identity id;
    struct zl_name origin = name("example.com."), other = name("example.org.");

    /* v2 alone: the origin's */
    memset(&x, 0, sizeof x);
    load_ok(&x, V2(V2_TOKENS, ""));
    assert_int_equal(zl_ses_expect_pick(&x, &origin, &id), ZL_SES_PICK_OK);
    assert_true(zl_name_equal(&id.domain, &origin));
    assert_int_equal(zl_ses_expect_pick(&x, NULL, &id), ZL_SES_PICK_NO_ORIGIN);
    /* v1 laid under v2: the token from v1, the signing zone from v2 */
    load_ok(&x, V1_VERIFY("example.com", VTOK));
    assert_int_equal(zl_ses_expect_pick(&x, &origin, &id), ZL_SES_PICK_OK);
    assert_string_equal(id.verification_token, VTOK);
    assert_true(id.have_signing_zone);
    zl_ses_expect_free(&x);

    /* v1: by name, else the only one, else ambiguous */
    memset(&x, 0, sizeof x);
    load_ok(&x, V1_VERIFY("example.org", VTOK));
    assert_int_equal(zl_ses_expect_pick(&x, &origin, &id), ZL_SES_PICK_OK);
    assert_true(zl_name_equal(&id.domain, &other));
    load_ok(&x, V1_VERIFY("news.example.org", VTOK));
    assert_int_equal(zl_ses_expect_pick(&x, &origin, &id), ZL_SES_PICK_AMBIGUOUS);
    assert_int_equal(zl_ses_expect_pick(&x, &other, &id), ZL_SES_PICK_OK);
    assert_true(zl_name_equal(&id.domain, &other));
    zl_ses_expect_free(&x);
}

/* ---- delegation ------------------------------------------------------------------- */

static void test_delegation_parse(void **state)
{
    (void)state;
    struct zl_delegation d;
    char err[512];
    const struct zl_name *v[8];
    size_t other;
    struct zl_name origin = name("example.com.");

    memset(&d, 0, sizeof d);
    assert_int_equal(zl_delegation_parse_list(&d, "ns1.example.net, NS2.example.net.,", err, sizeof err), 0);
    assert_int_equal(d.n, 2);
    struct zl_name n2 = name("ns2.example.net.");
    assert_true(zl_name_equal(&d.v[1].ns, &n2));
    assert_string_equal(d.source, "--expect-ns");
    zl_delegation_free(&d);

    static const char dig[] = "; <<>> DiG 9.18.24 <<>> NS example.com @a.gtld-servers.net\n"
                              ";; AUTHORITY SECTION:\n"
                              "example.com.\t\t172800\tIN\tNS\tns-1.awsdns-01.org.\r\n"
                              "example.com.\t\t172800\tIN\tNS\tns-2.awsdns-02.com.\n"
                              "example.com.\t\t172800\tIN\tNS\tns-2.awsdns-02.com.\n"
                              "com.\t\t172800\tIN\tNS\ta.gtld-servers.net.\n"
                              "ns-1.awsdns-01.org.\t172800\tIN\tA\t205.251.192.1\n"
                              ";; Query time: 20 msec\n";
    memset(&d, 0, sizeof d);
    assert_int_equal(zl_delegation_parse_text(&d, dig, strlen(dig), "ns.txt", err, sizeof err), 0);
    assert_int_equal(zl_delegation_for(&d, &origin, v, 8, &other), 2); /* deduplicated */
    assert_int_equal(other, 1);                                          /* com. */
    zl_delegation_free(&d);

    static const char shortform[] = "ns1.example.net.\nns2.example.net.\n\n";
    memset(&d, 0, sizeof d);
    assert_int_equal(zl_delegation_parse_text(&d, shortform, strlen(shortform), "s.txt", err, sizeof err), 0);
    assert_int_equal(zl_delegation_for(&d, &origin, v, 8, &other), 2);
    zl_delegation_free(&d);

    static const char whois[] = "Domain Name: EXAMPLE.COM\nName Server: NS1.EXAMPLE.NET\n"
                                "Name Server: NS2.EXAMPLE.NET\nDNSSEC: unsigned\nnserver: ns3.example.net\n";
    memset(&d, 0, sizeof d);
    assert_int_equal(zl_delegation_parse_text(&d, whois, strlen(whois), "w.txt", err, sizeof err), 0);
    assert_int_equal(d.n, 3);
    zl_delegation_free(&d);

    memset(&d, 0, sizeof d);
    assert_int_equal(zl_delegation_parse_list(&d, ",,", err, sizeof err), -1);
    assert_int_equal(zl_delegation_parse_list(&d, "bad..name", err, sizeof err), -1);
    assert_non_null(strstr(err, "bad..name"));
    assert_int_equal(zl_delegation_parse_text(&d, ";; nothing\n", 11, "e.txt", err, sizeof err), -1);
    assert_non_null(strstr(err, "e.txt: no name servers"));
    assert_int_equal(zl_delegation_parse_text(&d, "ok.example.\nbad..name\n", 22, "b.txt", err, sizeof err), -1);
    assert_non_null(strstr(err, "b.txt:2:"));
    assert_int_equal(zl_delegation_load(&d, "/nonexistent/ns.txt", err, sizeof err), -1);
    zl_delegation_free(&d);
}

/* ---- the rules -------------------------------------------------------------------- */

static void test_clean(void **state)
{
    (void)state;
    struct zl_ses_expect x;
    struct result r;
    lint_json(&r, HEAD DKIM_OK MAILFROM_OK, V2(V2_TOKENS, V2_MAILFROM V2_SOA("ns1.example.net.", "2024060101")),
              &x);
    expect_none(&r);
    done(&r);
    zl_ses_expect_free(&x);
}

static void test_dkim(void **state)
{
    (void)state;
    struct zl_ses_expect x;
    struct result r;
    const struct zl_diag *d;

    /* none at all: each missing, on the SOA, with the line to add */
    lint_json(&r, HEAD, V2(V2_TOKENS, ""), &x);
    assert_int_equal(r.d.n, 3);
    d = expect(&r, "ZL5020", 3, "SES expects '" TA "._domainkey.example.com.' CNAME '" TA ".dkim.amazonses.com.'");
    assert_true(has_note(d, "add: " TA "._domainkey.example.com. 1800 IN CNAME " TA ".dkim.amazonses.com."));
    done(&r);
    zl_ses_expect_free(&x);

    /* one missing: anchored on a sibling; a wrong value: on the value, with a fix */
    lint_json(&r,
              HEAD TA "._domainkey 1800 IN CNAME " TA ".dkim.amazonses.com.\n"
                   TB "._domainkey 1800 IN CNAME " TB ".dkim.amazonses.com\n",
              V2(V2_TOKENS, ""), &x);
    expect(&r, "ZL5020", 6, TC);
    d = expect(&r, "ZL5021", 7, "points to '" TB ".dkim.amazonses.com.example.com.'");
    assert_true(has_note(d, "appended to the value"));
    assert_non_null(d->fix);
    assert_string_equal(d->fix->replacement, TB ".dkim.amazonses.com.");
    assert_int_equal(r.d.n, 2);
    done(&r);
    zl_ses_expect_free(&x);

    /* the signing hosted zone matters */
    lint_json(&r, HEAD DKIM_OK,
              "{\"DkimAttributes\": {\"Tokens\": [" V2_TOKENS "], \"SigningHostedZone\": "
              "\"dkim.eu-south-1.amazonses.com\"}}",
              &x);
    assert_int_equal(r.d.n, 3);
    d = expect(&r, "ZL5021", 6, "SES expects '" TA ".dkim.eu-south-1.amazonses.com.'");
    assert_true(has_note(d, "SigningHostedZone"));
    done(&r);
    zl_ses_expect_free(&x);

    /* wrong names: origin doubled, no dot before _domainkey; wrong type */
    lint_json(&r,
              HEAD TA "._domainkey.example.com 1800 IN CNAME " TA ".dkim.amazonses.com.\n"
                   TB "_domainkey 1800 IN CNAME " TB ".dkim.amazonses.com.\n"
                   TC "._domainkey 1800 IN TXT \"" TC ".dkim.amazonses.com\"\n",
              V2(V2_TOKENS, ""), &x);
    d = expect(&r, "ZL5022", 6, "SES looks up '" TA "._domainkey.example.com.'");
    assert_true(has_note(d, "zone name was appended to the name"));
    assert_non_null(d->fix);
    assert_string_equal(d->fix->replacement, TA "._domainkey 1800 IN CNAME " TA ".dkim.amazonses.com.");
    d = expect(&r, "ZL5022", 7, TB);
    assert_true(has_note(d, "no dot before '_domainkey'"));
    d = expect(&r, "ZL5021", 8, "the zone has a TXT record there");
    assert_non_null(d->fix);
    assert_string_equal(d->fix->replacement, "CNAME " TC ".dkim.amazonses.com.");
    assert_int_equal(r.d.n, 3);
    done(&r);
    zl_ses_expect_free(&x);

    /* v1 tokens accept any SES signing domain */
    lint_json(&r,
              HEAD TA "._domainkey 1800 IN CNAME " TA ".dkim.eu-south-1.amazonses.com.\n"
                   TB "._domainkey 1800 IN CNAME " TB ".dkim.amazonses.com.\n"
                   TC "._domainkey 1800 IN CNAME " TC ".dkim.amazonses.com.\n",
              V1_DKIM("example.com"), &x);
    expect_none(&r);
    done(&r);
    zl_ses_expect_free(&x);
}

static void test_byodkim(void **state)
{
    (void)state;
    struct zl_ses_expect x;
    struct result r;
    static const char json[] = "{\"DkimAttributes\": {\"SigningAttributesOrigin\": \"EXTERNAL\","
                               " \"Tokens\": [\"ses2024\"]}}";
    lint_json(&r, HEAD "ses2024._domainkey 1800 IN TXT \"p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ\"\n", json, &x);
    expect_none(&r);
    done(&r);
    zl_ses_expect_free(&x);

    lint_json(&r, HEAD, json, &x);
    const struct zl_diag *d = expect(&r, "ZL5020", 3, "BYODKIM public key at 'ses2024._domainkey.example.com.'");
    assert_true(has_note(d, "add: ses2024._domainkey.example.com. 1800 IN TXT \"p=<"));
    done(&r);
    zl_ses_expect_free(&x);

    /* a DKIM record without p= is dkim-key-missing's (test_rules_precision) */
    lint_json(&r, HEAD "ses2024._domainkey 1800 IN TXT \"v=DKIM1; k=rsa\"\n", json, &x);
    expect_none(&r);
    done(&r);
    zl_ses_expect_free(&x);

    lint_json(&r, HEAD "ses2024._domainkey 1800 IN TXT \"hello\"\n", json, &x);
    expect(&r, "ZL5021", 6, "no 'p=' public key");
    done(&r);
    zl_ses_expect_free(&x);

    lint_json(&r, HEAD "ses2024._domainkey.example.com 1800 IN TXT \"p=MIGf\"\n", json, &x);
    d = expect(&r, "ZL5022", 6, "SES looks up 'ses2024._domainkey.example.com.'");
    assert_string_equal(d->fix->replacement, "ses2024._domainkey");
    done(&r);
    zl_ses_expect_free(&x);
}

static void test_verification(void **state)
{
    (void)state;
    struct zl_ses_expect x;
    struct result r;
    const struct zl_diag *d;

    /* DKIM complete: the legacy TXT is not needed */
    lint_json(&r, HEAD DKIM_OK, V1_VERIFY("example.com", VTOK) V1_DKIM("example.com"), &x);
    expect_none(&r);
    done(&r);
    zl_ses_expect_free(&x);

    /* no DKIM known and no TXT: missing */
    lint_json(&r, HEAD, V1_VERIFY("example.com", VTOK), &x);
    d = expect(&r, "ZL5020", 3, "SES expects '_amazonses.example.com.' TXT \"" VTOK "\"");
    assert_true(has_note(d, "add: _amazonses.example.com. 1800 IN TXT \"" VTOK "\""));
    assert_true(has_note(d, "DKIM alone verifies"));
    done(&r);
    zl_ses_expect_free(&x);

    /* at the apex is accepted */
    lint_json(&r, HEAD "@ 1800 IN TXT \"" VTOK "\"\n", V1_VERIFY("example.com", VTOK), &x);
    expect_none(&r);
    done(&r);
    zl_ses_expect_free(&x);

    /* the '=' lost: mismatch with a fix; another account's value beside it */
    lint_json(&r,
              HEAD "_amazonses 1800 IN TXT \"T5etn/YylzSUQQWw6HspyK4+2+B9XzE7Kajpz9ogfJI=\"\n"
                   "_amazonses 1800 IN TXT \"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg\"\n",
              V1_VERIFY("example.com", VTOK), &x);
    d = expect(&r, "ZL5021", 7, "none of the TXT values at '_amazonses.example.com.' is the verification token");
    assert_true(has_note(d, "lacks the token's trailing '='"));
    assert_string_equal(d->fix->replacement, "\"" VTOK "\"");
    assert_int_equal(r.d.n, 1);
    done(&r);
    zl_ses_expect_free(&x);

    /* at a doubled name */
    lint_json(&r, HEAD "_amazonses.example.com 1800 IN TXT \"" VTOK "\"\n", V1_VERIFY("example.com", VTOK), &x);
    d = expect(&r, "ZL5022", 6, "SES looks up '_amazonses.example.com.'");
    assert_string_equal(d->fix->replacement, "_amazonses 1800 IN TXT \"" VTOK "\"");
    done(&r);
    zl_ses_expect_free(&x);
}

static void test_mail_from(void **state)
{
    (void)state;
    struct zl_ses_expect x;
    struct result r;
    const struct zl_diag *d;
    const char *json = V2("", V2_MAILFROM);

    lint_json(&r, HEAD, json, &x);
    d = expect(&r, "ZL5020", 3, "SES expects an MX at 'bounce.example.com.'");
    assert_true(has_note(d, "add: bounce.example.com. 1800 IN MX 10 feedback-smtp.us-east-1.amazonses.com."));
    assert_true(has_note(d, "us-east-1 is only an example"));
    expect(&r, "ZL5020", 3, "TXT \"v=spf1 include:amazonses.com ~all\"");
    assert_int_equal(r.d.n, 2);
    done(&r);
    zl_ses_expect_free(&x);

    /* MX present (eu-west-1), SPF missing: anchored on the MX, region kept */
    lint_json(&r, HEAD "bounce 1800 IN MX 10 feedback-smtp.eu-west-1.amazonses.com.\n", json, &x);
    expect(&r, "ZL5020", 6, "no SPF record");
    assert_int_equal(r.d.n, 1);
    done(&r);
    zl_ses_expect_free(&x);

    /* wrong values */
    lint_json(&r,
              HEAD "bounce 1800 IN MX 10 inbound-smtp.us-east-1.amazonaws.com.\n"
                   "bounce 1800 IN TXT \"v=spf1 mx -all\"\n",
              json, &x);
    expect(&r, "ZL5021", 6, "points to 'inbound-smtp.us-east-1.amazonaws.com.'");
    expect(&r, "ZL5021", 7, "does not include amazonses.com");
    done(&r);
    zl_ses_expect_free(&x);

    /* a CNAME holds the name */
    lint_json(&r, HEAD "bounce 1800 IN CNAME mail.example.net.\n", json, &x);
    d = expect(&r, "ZL5021", 6, "MAIL FROM domain 'bounce.example.com.' is a CNAME to 'mail.example.net.'");
    assert_true(has_note(d, "replace the CNAME with: bounce.example.com. 1800 IN MX 10 feedback-smtp."));
    assert_int_equal(r.d.n, 1);
    done(&r);
    zl_ses_expect_free(&x);

    /* an A record beside the missing MX is harmless: the MX is missing */
    lint_json(&r, HEAD "bounce 1800 IN A 192.0.2.1\n", json, &x);
    expect(&r, "ZL5020", 3, "SES expects an MX at 'bounce.example.com.'");
    assert_int_equal(r.d.n, 2); /* and the SPF record */
    done(&r);
    zl_ses_expect_free(&x);

    /* doubled names */
    lint_json(&r,
              HEAD "bounce.example.com 1800 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n"
                   "bounce.example.com 1800 IN TXT \"v=spf1 include:amazonses.com ~all\"\n",
              json, &x);
    d = expect(&r, "ZL5022", 6, "the MAIL FROM MX is at 'bounce.example.com.example.com.'");
    assert_string_equal(d->fix->replacement, "bounce");
    expect(&r, "ZL5022", 7, "the MAIL FROM SPF record");
    assert_int_equal(r.d.n, 2);
    done(&r);
    zl_ses_expect_free(&x);
}

static void test_soa(void **state)
{
    (void)state;
    struct zl_ses_expect x;
    struct result r;
    const struct zl_diag *d;

    lint_json(&r, HEAD DKIM_OK, V2(V2_TOKENS, V2_SOA("ns-1536.awsdns-00.co.uk", "1")), &x);
    d = expect(&r, "ZL5023", 3, "SES is reading a different zone than this file");
    assert_int_equal(d->span.col, 10); /* the MNAME */
    assert_true(has_note(d, "SES last checked at 2024-06-03T09:15:27Z"));
    assert_int_equal(r.d.n, 1);
    done(&r);
    zl_ses_expect_free(&x);

    /* same primary, SES saw a newer serial: not this file */
    lint_json(&r, HEAD DKIM_OK, V2(V2_TOKENS, V2_SOA("NS1.example.net", "2024060105")), &x);
    expect(&r, "ZL5023", 3, "newer than this file's 2024060101");
    done(&r);
    zl_ses_expect_free(&x);

    /* this file is newer (not deployed yet, or not rechecked): fine */
    lint_json(&r, HEAD DKIM_OK, V2(V2_TOKENS, V2_SOA("ns1.example.net", "2024050101")), &x);
    expect_none(&r);
    done(&r);
    zl_ses_expect_free(&x);
}

static void test_identity_choice(void **state)
{
    (void)state;
    struct zl_ses_expect x;
    struct result r;

    lint_json(&r, HEAD, V1_VERIFY("example.org", VTOK), &x);
    expect(&r, "ZL5020", 3, "SES identity 'example.org.' (from id.json) is not in this zone 'example.com.'");
    assert_int_equal(r.d.n, 1);
    done(&r);
    zl_ses_expect_free(&x);

    lint_json(&r, HEAD, V1_VERIFY("example.org", VTOK) V1_VERIFY("example.net", VTOK), &x);
    expect(&r, "ZL5020", 3, "several identities (example.org., example.net.)");
    done(&r);
    zl_ses_expect_free(&x);

    /* a sub-identity in the parent's zone */
    lint_json(&r, HEAD "_amazonses.news 1800 IN TXT \"" VTOK "\"\n", V1_VERIFY("news.example.com", VTOK), &x);
    expect_none(&r);
    done(&r);
    zl_ses_expect_free(&x);

    /* an empty file: line 1, column 1, never line 0 */
    lint_json(&r, "", V2(V2_TOKENS, ""), &x);
    assert_int_equal(r.d.n, 3);
    assert_int_equal(r.d.v[0].span.line, 1);
    assert_int_equal(r.d.v[0].span.col, 1);
    assert_non_null(r.d.v[0].span.src);
    done(&r);
    zl_ses_expect_free(&x);
}

/* The v2 output does not name its identity: named on the command line
 * (NAME=FILE), or taken from where the zone holds its DKIM records. */
static void test_subdomain_identity(void **state)
{
    (void)state;
    struct zl_ses_expect x;
    struct result r;
    static const char sub_dkim[] =
        TA "._domainkey.mail 1800 IN CNAME " TA ".dkim.amazonses.com.\n"
        TB "._domainkey.mail 1800 IN CNAME " TB ".dkim.amazonses.com.\n"
        TC "._domainkey.mail 1800 IN CNAME " TC ".dkim.amazonses.com.\n"
        "bounce.mail 1800 IN MX 10 feedback-smtp.us-east-2.amazonses.com.\n"
        "bounce.mail 1800 IN TXT \"v=spf1 include:amazonses.com ~all\"\n";
    static const char mf[] = ", \"MailFromAttributes\": {\"MailFromDomain\": \"bounce.mail.example.com\"}";
    char zone[2048];
    snprintf(zone, sizeof zone, "%s%s", HEAD, sub_dkim);

    /* inferred from the DKIM CNAMEs' placement: nothing to move */
    lint_json(&r, zone, V2(V2_TOKENS, ""), &x);
    expect_none(&r);
    done(&r);
    zl_ses_expect_free(&x);

    /* no DKIM record there yet: the MAIL FROM domain's parent, else the origin */
    char json[1024];
    snprintf(json, sizeof json, "{\"IdentityType\": \"DOMAIN\", \"DkimAttributes\": {\"Tokens\": [\"" TA "\"]}%s}",
             mf);
    lint_json(&r, HEAD, json, &x);
    expect(&r, "ZL5020", 0, "'" TA "._domainkey.mail.example.com.'");
    done(&r);
    zl_ses_expect_free(&x);
    lint_json(&r, HEAD, V2("\"" TA "\"", ""), &x);
    expect(&r, "ZL5020", 0, "'" TA "._domainkey.example.com.'");
    done(&r);
    zl_ses_expect_free(&x);

    /* doubled names are never an identity: the records are at the wrong name */
    lint_json(&r, HEAD TA "._domainkey.example.com 1800 IN CNAME " TA ".dkim.amazonses.com.\n", V2("\"" TA "\"", ""), &x);
    expect(&r, "ZL5022", 6, "SES looks up '" TA "._domainkey.example.com.'");
    done(&r);
    zl_ses_expect_free(&x);

    /* named: --ses-identity mail.example.com=FILE */
    struct zl_name as;
    assert_true(zl_ses_identity_name("mail.example.com", 16, &as));
    assert_false(zl_ses_identity_name("ses/x.json", 10, &as));
    assert_true(zl_ses_identity_name("mail.example.com.", 17, &as));
    memset(&x, 0, sizeof x);
    char err[512] = "";
    const char *j = V2(V2_TOKENS, "");
    assert_int_equal(zl_ses_expect_load_buffer_as(&x, j, strlen(j), "mail.json", &as, err, sizeof err), 0);
    assert_true(x.v[0].named);
    lint(&r, zone, &x, NULL);
    expect_none(&r);
    done(&r);
    /* a second named v2 output for another identity is fine; for the same one not */
    struct zl_name shop;
    assert_true(zl_ses_identity_name("shop.example.com", 16, &shop));
    assert_int_equal(zl_ses_expect_load_buffer_as(&x, j, strlen(j), "shop.json", &shop, err, sizeof err), 0);
    assert_int_equal(zl_ses_expect_load_buffer_as(&x, j, strlen(j), "mail2.json", &as, err, sizeof err), -1);
    assert_non_null(strstr(err, "same identity"));
    zl_ses_expect_free(&x);
}

static void test_delegation_rule(void **state)
{
    (void)state;
    struct zl_delegation dl;
    struct result r;
    char err[256];
    const struct zl_diag *d;

    memset(&dl, 0, sizeof dl);
    assert_int_equal(zl_delegation_parse_list(&dl, "ns2.example.org,NS1.example.net", err, sizeof err), 0);
    lint(&r, HEAD, NULL, &dl);
    expect_none(&r);
    done(&r);
    zl_delegation_free(&dl);

    memset(&dl, 0, sizeof dl);
    assert_int_equal(zl_delegation_parse_list(&dl, "ns-1.awsdns-01.org,ns-2.awsdns-02.com", err, sizeof err), 0);
    lint(&r, HEAD, NULL, &dl);
    d = expect(&r, "ZL3110", 4, "none of this zone's name servers (ns1.example.net., ns2.example.org.)");
    assert_true(has_note(d, "change the delegation at the registrar"));
    assert_int_equal(r.d.n, 1);
    done(&r);
    zl_delegation_free(&dl);

    memset(&dl, 0, sizeof dl);
    assert_int_equal(zl_delegation_parse_list(&dl, "ns1.example.net,ns3.example.net", err, sizeof err), 0);
    lint(&r, HEAD, NULL, &dl);
    d = expect(&r, "ZL3110", 5, "name server 'ns2.example.org.' is in this zone's apex NS set but not");
    assert_int_equal(d->span.col, 9);
    d = expect(&r, "ZL3110", 5, "delegated name server 'ns3.example.net.' (from --expect-ns) is missing");
    assert_true(has_note(d, "add: example.com. 3600 IN NS ns3.example.net."));
    assert_int_equal(r.d.n, 2);
    done(&r);

    lint(&r, "$ORIGIN example.com.\n@ IN SOA ns1.example.net. h.example.com. 1 2 3 4 5\n", NULL, &dl);
    expect(&r, "ZL3110", 2, "no NS records at its apex");
    done(&r);
    zl_delegation_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_v2),
        cmocka_unit_test(test_load_v1_merged),
        cmocka_unit_test(test_load_byodkim),
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_load_file),
        cmocka_unit_test(test_pick),
        cmocka_unit_test(test_delegation_parse),
        cmocka_unit_test(test_clean),
        cmocka_unit_test(test_dkim),
        cmocka_unit_test(test_byodkim),
        cmocka_unit_test(test_verification),
        cmocka_unit_test(test_mail_from),
        cmocka_unit_test(test_soa),
        cmocka_unit_test(test_identity_choice),
        cmocka_unit_test(test_subdomain_identity),
        cmocka_unit_test(test_delegation_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
