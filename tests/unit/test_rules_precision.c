/* SPDX-License-Identifier: MIT */
/* Issue 9: precision on what real repositories hold. For each behaviour,
 * the records that must now be silent (correct real-world setups that look
 * like mistakes) and the mistakes that must now be reported.
 * Covers rules/ses_dkim.c, ses_dkim_key.c, ses_mail_from.c, ses_verify.c,
 * ses_cloudflare.c, ses_crosscheck.c, ses_data.c, dkim_key.c, dkim_name.c,
 * txt_split.c, dmarc_placement.c, occluded.c, verification_prefix.c,
 * value_stray_characters.c, spf.c, dmarc.c. */
#include "lint_case.h"

#define HEAD                                                                                \
    "$ORIGIN example.com.\n"                                                                \
    "$TTL 3600\n"                                                                           \
    "@ IN SOA ns1.example.net. hostmaster.example.com. 2024010101 7200 3600 1209600 3600\n" \
    "@ IN NS ns1.example.net.\n"                                                            \
    "@ IN NS ns2.example.org.\n"

#define TA "4ixtpnvpubjuxqvnex727otq55y2ew7w"
#define TB "tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo"
#define TC "vtlb7vjp6beuml7w2oxu4h7zsvbruq2r"
#define TD "ti6gtbd5kklonhgd7z67u4gxjytipv6q"
#define TE "pulp7qjsqhdbso37ilwga3oqdtijlixr"
#define TF "4hzwn5lmznmmjyl2pqf2agr3ueo2kf3d"

/* Keys made with openssl genpkey for these tests. */
#define K1024 "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDBnZVl0woPd73NhIigJaNzGNjcpSHpU/X3/ZuU4nFG9CDZ64azptba0roKpWPE2jCsX0lXp0To1XX1/HUaL47WNkybobtAoPdXMKXb90Sa9nqgG+ZjoorHvpoJ4cZVk2JZrMc3qKbKoI6eu5eGOxG54ClI6TaGcLGKJ0u+jBNjowIDAQAB"
#define K1024_A "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDBnZVl0woPd73NhIigJaNzGNjcpSHpU/X3/ZuU4nFG9CDZ64azptba0roKpWPE"
#define K1024_B "2jCsX0lXp0To1XX1/HUaL47WNkybobtAoPdXMKXb90Sa9nqgG+ZjoorHvpoJ4cZVk2JZrMc3qKbKoI6eu5eGOxG54ClI6TaGcLGKJ0u+jBNjowIDAQAB"
#define K4096_A "MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAyQpa22l0ufywd1mpe13YY8Bhlyku2VbQNScW0mNkPiJrEaKuKMoYPBPJ1HPBbtDI7Yye/oVWpYMpkg9hMEF8kUbysnmsfEIUdFH/UP0M98kh3Wvgk6vGIUEFbzcBpuciygR1VCMFbK/KK6yKXaKCYy8lOOydn9A+DdBR35odQ/yA68gONe/69vfhIA9GLCLW6828Xsx1VX+RaP"
#define K4096_B "dEwF/anO+CXwTyVfnAhdUSGisK4ZBbkXmXrGG5wQdujNNZl7vI9RChcXG/LfHvFIF/YlpoWH9bATOcE3kMSKNifjNU2GuCEQ7TX15tF8JnomuKF8kk1K1CkfDMdAqxavhquOGjo+BV6wL2hRno8Kl/tnI9QQRcA4IeB2auwOo+h0hxilio12fJFM3cJgjU6QAeCYuejBIyrsZDXY3muhv97NQbE/B88+avxhCImuPpBBa6Kf91qgB3pF8/"
#define K4096_C "oMHcBzK5D6heBgGTFpJoCLkiU996rPDcCPSWRk2hWiHf5XsS2nQlGZNL46Qg+kSOpFuk2Ys5Mzb6So5wYmIHKrPuxeI580takTDukFDdk6mATuefAjY8FN5/HQ3EoQDo7ELCt5zEu1P8CX8Iv87d7MdskXO1kWlZkozq9meajcuzFDKY3ZJP1WrCI3Q/VYM5f2OIR55vVPshYJdTPijpuBojpAZH6G5q9oUCAwEAAQ=="
/* a PKCS#8 private key (512 bits), in two strings */
#define PRIV_A "MIIBVgIBADANBgkqhkiG9w0BAQEFAASCAUAwggE8AgEAAkEAwks/aDCrtOUzi/xPz6tjbIIQnCzjSWHm7F8C09XS6PEHAQr+1ibAsxjMtTt1H7TJ7Kze+2KzMWtyc99Ia/AYmwIDAQABAkEAsorzeYtAPrtg4wK5VNzqQIxFNz8IniaZTh0BPCkB54v8MIAN4vjH/KSjrxpW3IRBZiJ9c34mbxOp9Ck+KM7IAQIhAOLQ"
#define PRIV_B "mfUXt4IrYjAwEA81jclMd7S4IEwyE8wNYeLJxjqRAiEA20tj/IlbM7FrY045P1KBMjsfyzk2Uma/Me3jvw++vmsCIQDRWQzhZdShNv3X0GTiROHrrMLIcTKOYaJYMvnoY6itoQIhANU1OWNAkIFzz/rfBN3B84bI4SKO33fCGcYLilAqmMM9AiAb+Hj7lKRJEnNRZG0MVGKbPKKolvVNMymAJAmnj2xBOw=="

/* Loads an identity (--ses-identity) from JSON text. */
static void identity(struct zl_ses_expect *x, const char *json)
{
    char err[512];
    memset(x, 0, sizeof *x);
    if (zl_ses_expect_load_buffer(x, json, strlen(json), "identity.json", err, sizeof err) != 0) {
        print_message("%s\n", err);
        fail();
    }
}

#define BYODKIM_JSON \
    "{\"DkimAttributes\": {\"SigningAttributesOrigin\": \"EXTERNAL\", \"Status\": \"PENDING\", \"Tokens\": [\"ses2024\"]}}"

/* ---- A3: SES is decided by the target ------------------------------------------ */

static void test_ses_backed_senders_silent(void **state)
{
    (void)state;
    struct result r;
    /* Stripe's custom email domain and Howie: SES underneath, their own DKIM
     * domain on top; the tokens have SES's shape. */
    const char *z = HEAD
        TA "._domainkey IN CNAME " TA ".dkim.custom-email-domain.stripe.com.\n"
        TB "._domainkey IN CNAME " TB ".dkim.custom-email-domain.stripe.com.\n"
        TC "._domainkey IN CNAME " TC ".dkim.custom-email-domain.stripe.com.\n"
        TD "._domainkey IN CNAME " TD ".dkim.custom-email-domain.stripe.com.\n"
        TE "._domainkey IN CNAME " TE ".dkim.custom-email-domain.stripe.com.\n"
        TF "._domainkey IN CNAME " TF ".dkim.custom-email-domain.stripe.com.\n"
        "bounce IN CNAME custom-email-domain.stripe.com.\n"
        "aqok45oupsvrr7elmqtdcvqtbn77ac4y._domainkey.mail IN CNAME aqok45oupsvrr7elmqtdcvqtbn77ac4y.dkim.howiemail.co.\n";
    lint(&r, z, NULL);
    expect_none(&r);
    done(&r);
}

static void test_ses_decided_by_target(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        TA "._domainkey IN CNAME " TA ".dkim.amazoneses.com.\n"           /* 6: misspelt */
        TB "._domainkey IN CNAME " TB ".dkim.amazonses.com.example.com.\n" /* 7: zone appended */
        TC "._domainkey IN CNAME " TC ".dkim.example.com.\n"              /* 8: own domain */
        "s1._domainkey IN CNAME s1.domainkey.u5520913.wl164.sendgrid.net.\n";
    lint(&r, z, "ses-dkim-target");
    const struct zl_diag *d = expect(&r, "ZL5001", 6, 0, "misspells 'amazonses' as 'amazoneses'");
    assert_non_null(d->fix);
    assert_string_equal(d->fix->replacement, TA ".dkim.amazonses.com.");
    expect(&r, "ZL5001", 7, 0, "has the zone name appended");
    expect(&r, "ZL5001", 8, 0, "points into your own domain");
    assert_int_equal(r.d.n, 3);
    done(&r);
}

/* ---- A4: an SES receiving MX is not a MAIL FROM --------------------------------- */

static void test_receiving_mx_not_mail_from(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "tickets IN MX 10 inbound-smtp.us-east-1.amazonaws.com.\n"
        "tickets IN TXT \"v=spf1 include:amazonses.com ~all\"\n"
        "help IN MX 10 inbound-smtp.eu-west-1.amazonaws.com.\n";
    lint(&r, z, NULL);
    expect_none(&r);
    done(&r);
    /* an inbound host name under amazonses.com does not exist */
    lint(&r, HEAD "in IN MX 10 inbound-smtp.us-east-1.amazonses.com.\n", "ses-mail-from-mx");
    expect(&r, "ZL5012", 6, 0, "does not exist");
    done(&r);
}

/* ---- A7: facts the rules got wrong ------------------------------------------------ */

static void test_spf_include_trailing_dot(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "mail IN MX 10 feedback-smtp.eu-west-1.amazonses.com.\n"
        "mail IN TXT \"v=spf1 include:amazonses.com. ~all\"\n"          /* RFC 7208 7.1: same name */
        "b2 IN MX 10 feedback-smtp.eu-west-1.amazonses.com.\n"
        "b2 IN TXT \"v=spf1 +INCLUDE:AmazonSES.com -all\"\n"
        "evil IN MX 10 feedback-smtp.eu-west-1.amazonses.com.\n"
        "evil IN TXT \"v=spf1 include:amazonses.com.evil.example ~all\"\n" /* 11: not SES */
        "howie IN MX 10 feedback-smtp.us-east-2.amazonses.com.\n"
        "howie IN TXT \"v=spf1 include:spf.howiemail.co ~all\"\n";       /* 13: the sender's own SPF */
    lint(&r, z, "ses-mail-from-spf");
    const struct zl_diag *d = expect(&r, "ZL5013", 11, 0, "does not include amazonses.com itself");
    assert_int_equal(d->severity, ZL_SEV_INFO);
    d = expect(&r, "ZL5013", 13, 0, "cannot be seen here");
    assert_int_equal(d->severity, ZL_SEV_INFO);
    assert_int_equal(r.d.n, 2);
    done(&r);
}

static void test_dmarc_adkim_strict_subdomain_identity(void **state)
{
    (void)state;
    struct result r;
    /* identity mail.example.com, mail sent From: ...@mail.example.com */
    const char *z = HEAD
        "_dmarc IN TXT \"v=DMARC1; p=reject; adkim=s; rua=mailto:dmarc@example.com\"\n"
        TA "._domainkey.mail IN CNAME " TA ".dkim.amazonses.com.\n"
        TB "._domainkey.mail IN CNAME " TB ".dkim.amazonses.com.\n"
        TC "._domainkey.mail IN CNAME " TC ".dkim.amazonses.com.\n"
        "bounce.mail IN MX 10 feedback-smtp.us-east-2.amazonses.com.\n"
        "bounce.mail IN TXT \"v=spf1 include:amazonses.com ~all\"\n";
    lint(&r, z, NULL);
    expect_none(&r);
    done(&r);
    /* aspf=s with a MAIL FROM subdomain stays reported */
    lint(&r, HEAD "bounce IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n"
                  "_dmarc IN TXT \"v=DMARC1; p=reject; aspf=s\"\n", "ses-dmarc-strict");
    expect(&r, "ZL5014", 7, 0, "sets aspf=s");
    done(&r);
}

static void test_cloudflare_link_branding(void **state)
{
    (void)state;
    struct result r;
    const char *z =
        "$ORIGIN example.com.\n"
        "url6170.example.com. 1 IN CNAME sendgrid.net. ; link branding cf_tags=cf-proxied:true\n"
        "3318807.example.com. 1 IN CNAME sendgrid.net. ; cf_tags=cf-proxied:true\n"
        "email.mg.example.com. 1 IN CNAME eu.mailgun.org. ; cf_tags=cf-proxied:true\n"
        "s1._domainkey.example.com. 1 IN CNAME s1.domainkey.u3318807.wl058.sendgrid.net. ; cf_tags=cf-proxied:true\n"
        "em4821.example.com. 1 IN CNAME u3318807.wl058.sendgrid.net. ; cf_tags=cf-proxied:true\n";
    lint(&r, z, "ses-cloudflare-proxied");
    expect(&r, "ZL5019", 5, 0, "s1._domainkey.example.com.");
    expect(&r, "ZL5019", 6, 0, "em4821.example.com."); /* the return path */
    assert_int_equal(r.d.n, 2);
    done(&r);
}

/* ---- A6: DKIM keys; SES BYODKIM limits only with BYODKIM evidence -------------- */

static void test_dkim_keys_of_other_signers(void **state)
{
    (void)state;
    struct result r;
    char z[8192];
    /* a self-hosted 4096-bit key, an underscore selector, next to SES records */
    snprintf(z, sizeof z, HEAD TA "._domainkey IN CNAME " TA ".dkim.amazonses.com.\n"
             "mail._domainkey IN TXT ( \"v=DKIM1; k=rsa; p=" K4096_A "\" \"" K4096_B "\" \"" K4096_C "\" )\n"
             "s1_2024._domainkey IN TXT \"v=DKIM1; k=rsa; p=" K1024 "\"\n"
             "sub.sel._domainkey IN TXT \"p=" K1024 "\"\n");
    lint(&r, z, "ses-dkim-key");
    expect_none(&r);
    done(&r);
    lint(&r, z, "ses-byodkim-selector");
    expect_none(&r);
    done(&r);
    lint(&r, z, "dkim-");
    expect_none(&r);
    done(&r);
}

static void test_byodkim_with_evidence(void **state)
{
    (void)state;
    struct result r;
    struct zl_ses_expect x;
    char z[8192];
    identity(&x, BYODKIM_JSON);
    /* 6: the identity's selector, 4096 bits; 7: another signer's 4096-bit key */
    snprintf(z, sizeof z, HEAD
             "ses2024._domainkey IN TXT ( \"p=" K4096_A "\" \"" K4096_B "\" \"" K4096_C "\" )\n"
             "mail._domainkey IN TXT ( \"p=" K4096_A "\" \"" K4096_B "\" \"" K4096_C "\" )\n"
             "ses.2024._domainkey IN TXT \"p=" K1024 "\"\n");                     /* 8: dots */
    lint_as(&r, z, "test.zone", NULL, &x);
    const struct zl_diag *d = expect(&r, "ZL5016", 6, 0, "is a 4096-bit RSA key; SES BYODKIM accepts 1024-2048");
    assert_int_equal(d->severity, ZL_SEV_WARNING);
    d = expect(&r, "ZL5018", 8, 1, "selector 'ses.2024' has dots");
    assert_int_equal(d->severity, ZL_SEV_INFO);
    done(&r);
    lint_as(&r, z, "test.zone", "ses-dkim-key-size", &x);
    assert_int_equal(r.d.n, 1);
    done(&r);

    /* a blank where the identity's key was split: an info (FWS is legal);
     * one finding, the SES one, not the generic one beside it */
    snprintf(z, sizeof z, HEAD "ses2024._domainkey IN TXT ( \"p=" K1024_A "\" \" " K1024_B "\" )\n");
    lint_as(&r, z, "test.zone", NULL, &x);
    d = expect(&r, "ZL5017", 6, 0, "character-string 2 begins with a space");
    assert_int_equal(d->severity, ZL_SEV_INFO);
    assert_int_equal(r.d.n, 1);
    done(&r);

    /* a quote in the identity's key: ses-dkim-key, once */
    snprintf(z, sizeof z, HEAD "ses2024._domainkey IN TXT ( \"p=" K1024_A "\\\"\\\"" K1024_B "\" )\n");
    lint_as(&r, z, "test.zone", NULL, &x);
    expect(&r, "ZL5015", 6, 0, "literal '\"'");
    assert_int_equal(r.d.n, 1);
    done(&r);
    zl_ses_expect_free(&x);
}

static void test_dkim_key_shapes(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "byo2025._domainkey IN TXT \"v=DKIM1; k=rsa; " K1024 "\"\n"                /* 6: p= lost */
        "byo2026._domainkey IN TXT ( \"p=" PRIV_A "\" \"" PRIV_B "\" )\n"            /* 7: private key */
        "crm._domainkey IN TXT \"v=DKIM1; k=rsa; p=" K1024_A "\\\"\\\"" K1024_B "\"\n" /* 8: Terraform "" */
        "fws._domainkey IN TXT ( \"v=DKIM1; p=" K1024_A "\" \" " K1024_B "\" )\n"    /* 9: FWS: info */
        "old._domainkey IN TXT \"v=DKIM1; k=rsa; p=\"\n"                            /* revoked: fine */
        "_adsp._domainkey IN TXT \"dkim=unknown\"\n";                                /* not a key record */
    lint(&r, z, NULL);
    expect(&r, "ZL4106", 6, 0, "has no p= tag");
    expect(&r, "ZL4106", 6, 0, "at 'byo2025._domainkey."); /* the owner is written out for the finding */
    const struct zl_diag *d = expect(&r, "ZL4105", 7, 0, "publishes a private key");
    assert_int_equal(d->severity, ZL_SEV_ERROR);
    d = expect(&r, "ZL4104", 8, 0, "two halves were joined with \"\"");
    assert_non_null(d->fix);
    d = expect(&r, "ZL4108", 9, 0, "character-string 2 begins with a space");
    assert_int_equal(d->severity, ZL_SEV_INFO);
    /* one finding per record: no ZL2103 beside the quotes of line 8 */
    assert_int_equal(r.d.n, 4);
    done(&r);

    /* octoDNS values: [v=DKIM1, k=rsa, p=...]: one key in three records */
    z = HEAD
        "google._domainkey IN TXT \"v=DKIM1\"\n"
        "google._domainkey IN TXT \"k=rsa\"\n"
        "google._domainkey IN TXT \"p=" K1024 "\"\n";
    lint(&r, z, NULL);
    d = expect(&r, "ZL4109", 6, 0, "is written as 3 TXT records of one name");
    assert_int_equal(d->severity, ZL_SEV_INFO);
    assert_int_equal(r.d.n, 1);
    done(&r);
}

static void test_verify_token_is_dkim_token(void **state)
{
    (void)state;
    struct result r;
    lint(&r, HEAD "_amazonses IN TXT \"" TB "\"\n", "ses-verify-token");
    const struct zl_diag *d = expect(&r, "ZL5010", 6, 0, "is a 32-character Easy DKIM token");
    assert_null(strstr(d->message, "truncated"));
    assert_int_equal(r.d.n, 1);
    done(&r);
    /* a 32-character value that is not base32 is still a truncated token */
    lint(&r, HEAD "_amazonses IN TXT \"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZ\"\n", "ses-verify-token");
    expect(&r, "ZL5010", 6, 0, "12 fewer than the 44");
    done(&r);
}

/* ---- A9: one coherent message per problem --------------------------------------- */

static void test_doubled_owner_no_phantom_identity(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        TA "._domainkey IN CNAME " TA ".dkim.amazonses.com.\n"
        TB "._domainkey.example.com IN CNAME " TB ".dkim.amazonses.com.\n"            /* 7 */
        TC "._domainkey IN CNAME " TC ".dkim.amazonses.com.example.com.\n"            /* 8 */
        "quoted IN TXT \"\\\"\\\"\\\"legacy-verification=4c1f0e\\\"\"\n"; /* 9 */
    lint(&r, z, NULL);
    expect(&r, "ZL2101", 7, 1, "already ends in the origin");
    expect(&r, "ZL5009", 7, 1,
           "only 1 of the 3 SES DKIM CNAMEs for 'example.com.' are valid (line 7: the name "
           "has the zone name twice; line 8: the target has the zone name appended)");
    assert_int_equal(count_code(&r, "ZL5009"), 1); /* no 'example.com.example.com.' identity */
    expect(&r, "ZL5001", 8, 0, "has the zone name appended");
    expect(&r, "ZL2103", 9, 0, "literal quote");
    assert_int_equal(count_code(&r, "ZL2103"), 1);
    assert_int_equal(r.d.n, 4);
    done(&r);

    /* a value a tool cut into strings, each with a pasted quote: one finding */
    lint(&r, HEAD "t IN TXT \"\\\"token=abc\" \"def\\\"\" \"\\\"ghi\"\n", "value-stray-characters");
    const struct zl_diag *d = expect(&r, "ZL2103", 6, 0, "literal quote");
    assert_int_equal(r.d.n, 1);
    assert_non_null(strstr(d->notes[d->nnotes - 1], "2 more stray characters in this value"));
    done(&r);
}

/* ---- B13: occluded records ------------------------------------------------------ */

static void test_occluded(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "mail IN NS ns1.mail.example.com.\n"                                   /* 6 */
        "mail IN NS ns1.other.example.\n"
        "mail IN DS 60485 13 2 d4b7d520e7bb5f0f67674a0cceb1e3e0614b93c4f9e99b8383f6a1e4469da50a\n"
        "ns1.mail IN A 192.0.2.25\n"                                           /* glue */
        TA "._domainkey.mail IN CNAME " TA ".dkim.amazonses.com.\n"            /* 10: below */
        "_dmarc.mail IN TXT \"v=DMARC1; p=none\"\n"                            /* 11: below */
        "mail IN TXT \"v=spf1 include:amazonses.com ~all\"\n"                  /* 12: at the cut */
        "www.mail IN A 192.0.2.26\n"                                           /* 13: not glue */
        "deep.team IN NS ns.example.net.\n"                                    /* 14: a cut two down */
        "x.y.deep.team IN TXT \"hello\"\n"                                     /* 15 */
        "team IN TXT \"above the cut: fine\"\n"
        "www IN CNAME @\n";
    lint(&r, z, "occluded");
    expect(&r, "ZL3111", 10, 1, "CNAME record below 'mail.example.com.', which this zone delegates (NS at line 6)");
    expect(&r, "ZL3111", 11, 1, "TXT record below 'mail.example.com.'");
    const struct zl_diag *d = expect(&r, "ZL3111", 12, 1, "TXT record at 'mail.example.com.'");
    assert_int_equal(d->severity, ZL_SEV_INFO);
    d = expect(&r, "ZL3111", 13, 1, "A record below");
    assert_int_equal(d->severity, ZL_SEV_INFO);
    expect(&r, "ZL3111", 15, 1, "below 'deep.team.example.com.'");
    assert_int_equal(r.d.n, 5);
    done(&r);

    /* a delegation with its glue and DS, out-of-zone NS targets: nothing */
    z = HEAD
        "zone-1 86400 IN NS ns1.zone-1\n"
        "zone-1 86400 IN NS ns2.zone-1.example.com.\n"
        "zone-1 IN DS 60485 13 2 d4b7d520e7bb5f0f67674a0cceb1e3e0614b93c4f9e99b8383f6a1e4469da50a\n"
        "ns1.zone-1 86400 IN A 192.0.2.53\n"
        "ns2.zone-1 86400 IN AAAA 2001:db8::53\n"
        "cust-2 IN NS ns1.dnsprovider.net.\n"
        "_dmarc.cust IN TXT \"v=DMARC1; p=none\"\n";
    lint(&r, z, "occluded");
    expect_none(&r);
    done(&r);

    /* octoDNS: the values of one key share a line: one finding for them */
    z = "---\n"
        "'':\n"
        "  - type: NS\n"
        "    values: [ns-1.awsdns-01.org., ns-2.awsdns-02.com.]\n"
        "team:\n"
        "  type: NS\n"
        "  values: [ns1.example.net., ns2.example.net.]\n"
        "sub.team:\n"                                                           /* 8 */
        "  type: NS\n"
        "  values: [ns3.example.net., ns4.example.net.]\n";
    lint_as(&r, z, "example.com.yaml", "occluded", NULL);
    expect(&r, "ZL3111", 8, 0, "NS record below 'team.example.com.'");
    assert_int_equal(r.d.n, 1);
    done(&r);

    /* "$ORIGIN ." (named-compilezone output): the apex is the SOA's owner */
    z = "$ORIGIN .\n$TTL 300\n"
        "example.com IN SOA ns1.example.net. hostmaster.example.com. 1 600 300 604800 600\n"
        "            NS ns1.example.net.\n"
        "            A 192.0.2.4\n"
        "$ORIGIN example.com.\n"
        "test        A 192.0.2.5\n";
    lint_origin(&r, z, "example.com", "occluded", NULL, NULL);
    expect_none(&r);
    done(&r);
}

/* ---- B14: DKIM name shapes ------------------------------------------------------- */

static void test_dkim_name_shapes(void **state)
{
    (void)state;
    struct result r;
    /* a fragment (no SOA): the shapes are judged all the same */
    const char *z =
        "$ORIGIN example.com.\n$TTL 3600\n"
        TA ".domainkey IN CNAME " TA ".dkim.amazonses.com.\n"                    /* 3 */
        TB "._domainkeys IN CNAME " TB ".dkim.amazonses.com.\n"                  /* 4 */
        TC "._dkim IN CNAME " TC ".dkim.amazonses.com.\n"                        /* 5 */
        "_domainkey IN CNAME " TD ".dkim.amazonses.com.\n"                       /* 6 */
        TE "." TE "._domainkey IN CNAME " TE ".dkim.amazonses.com.\n"            /* 7 */
        TF "._domainkey._domainkey IN CNAME " TF ".dkim.amazonses.com.\n"        /* 8 */
        /* look-alikes that are right */
        "s1._domainkey IN CNAME s1.domainkey.u5520913.wl164.sendgrid.net.\n"
        "selector1._domainkey IN CNAME selector1-example-com._domainkey.exampleco.p-v1.dkim.mail.microsoft.\n"
        "k2._domainkey IN CNAME dkim2.mcsv.net.\n"
        "x.domainkey IN CNAME docs.example.net.\n";
    lint(&r, z, "ses-dkim-name");
    const struct zl_diag *d = expect(&r, "ZL5024", 3, 1, "'domainkey' lacks its leading underscore; SES looks up '" TA
                                                         "._domainkey.example.com.'");
    assert_non_null(d->fix);
    assert_string_equal(d->fix->replacement, TA "._domainkey");
    expect(&r, "ZL5024", 4, 1, "the label '_domainkeys' should be '_domainkey'");
    expect(&r, "ZL5024", 5, 1, "the label '_dkim' should be '_domainkey'");
    d = expect(&r, "ZL5024", 6, 1, "the token is missing before '_domainkey'; SES looks up '" TD "._domainkey.example.com.'");
    assert_string_equal(d->fix->replacement, TD "._domainkey");
    expect(&r, "ZL5024", 7, 1, "the token is written twice");
    expect(&r, "ZL5024", 8, 1, "'_domainkey' is written twice");
    assert_int_equal(r.d.n, 6);
    done(&r);
    /* the set counts them as broken members of example.com, even in a fragment */
    lint(&r, z, "ses-dkim-set");
    expect(&r, "ZL5009", 3, 1, "only 0 of the 6 SES DKIM CNAMEs for 'example.com.' are valid");
    assert_int_equal(r.d.n, 1);
    done(&r);
}

/* ---- B15: MAIL FROM shapes and region typos ------------------------------------- */

static void test_mail_from_shapes(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "bounce IN CNAME feedback-smtp.us-east-1.amazonses.com.\n"           /* 6 */
        "em IN MX 10 feedback-smtp.eu-east-1.amazonses.com.\n"               /* 7: typo */
        "em IN TXT \"v=spf1 include:amazonses.com ~all\"\n"
        "news IN MX 10 feedback-smtp.ap-east-2.amazonses.com.\n"             /* 9: a real, newer region */
        "news IN TXT \"v=spf1 include:amazonses.com ~all\"\n"
        "mx IN MX 10 feedback-smtp.mx-central-1.amazonses.com.\n"            /* 11 */
        "mx IN TXT \"v=spf1 include:amazonses.com ~all\"\n"
        "ok IN MX 10 feedback-smtp.eu-central-2.amazonses.com.\n"
        "ok IN TXT \"v=spf1 include:amazonses.com ~all\"\n";
    lint(&r, z, "ses-mail-from-mx");
    const struct zl_diag *d = expect(&r, "ZL5012", 6, 0, "is a CNAME to the SES feedback endpoint");
    assert_int_equal(d->severity, ZL_SEV_ERROR);
    assert_string_equal(d->fix->replacement, "MX 10 feedback-smtp.us-east-1.amazonses.com.");
    d = expect(&r, "ZL5012", 7, 0, "region 'eu-east-1', which does not exist (nearest: us-east-1, eu-west-1 or sa-east-1)");
    assert_int_equal(d->severity, ZL_SEV_WARNING);
    d = expect(&r, "ZL5012", 9, 0, "region 'ap-east-2', which is not in zonelint's list");
    assert_int_equal(d->severity, ZL_SEV_INFO);
    d = expect(&r, "ZL5012", 11, 0, "region 'mx-central-1'");
    assert_int_equal(d->severity, ZL_SEV_INFO);
    assert_int_equal(r.d.n, 4);
    done(&r);
}

static void test_dkim_region_typo(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        TA "._domainkey IN CNAME " TA ".dkim.eu-south-1.amazonses.com.\n"
        TB "._domainkey IN CNAME " TB ".dkim.eu-sout-1.amazonses.com.\n"        /* 7 */
        TC "._domainkey IN CNAME " TC ".dkim.eu-south-1.amazonses.com.\n"
        TD "._domainkey.new IN CNAME " TD ".dkim.ap-southeast-7.amazonses.com.\n"; /* real region: silent */
    lint(&r, z, NULL);
    const struct zl_diag *d = expect(&r, "ZL5001", 7, 0, "names region 'eu-sout-1', which does not exist (nearest: eu-south-1)");
    assert_int_equal(d->severity, ZL_SEV_WARNING);
    expect(&r, "ZL5009", 7, 0, "only 2 of the 3 SES DKIM CNAMEs for 'example.com.' are valid (line 7: the target's "
                               "region is misspelt)");
    assert_int_equal(count_code(&r, "ZL5009"), 2); /* and new.example.com. has 1 of 3 */
    done(&r);
}

/* ---- B11: TXT strings that join into another policy -------------------------- */

static void test_policy_split(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "@ IN TXT v=spf1 include:_spf.google.com ~all\n"                           /* 6: unquoted */
        "mail IN TXT \"v=spf1\" \"include:amazonses.com ~all\"\n"                  /* 7: split at a blank */
        "_dmarc IN TXT v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\n"     /* 8: ';' comment */
        "x._domainkey IN TXT \"v=DKIM1\" \"k=rsa; p=" K1024 "\"\n"                 /* 9: tags merged */
        "y._domainkey IN TXT v=DKIM1; k=rsa; p=" K1024 "\n";                       /* 10: ';' comment */
    lint(&r, z, NULL);
    const struct zl_diag *d = expect(&r, "ZL4110", 6, 0, "is 3 character-strings, which receivers join without blanks: "
                                                         "'v=spf1include:_spf.google.com~all'");
    assert_string_equal(d->fix->replacement, "\"v=spf1 include:_spf.google.com ~all\"");
    d = expect(&r, "ZL4110", 7, 0, "split at a blank between character-strings 1 and 2");
    assert_string_equal(d->fix->replacement, "\"v=spf1 include:amazonses.com ~all\"");
    d = expect(&r, "ZL4111", 8, 0, "the record holds only 'v=DMARC1'");
    assert_string_equal(d->fix->replacement, "\"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\"");
    expect(&r, "ZL4110", 9, 0, "split at a blank");
    expect(&r, "ZL4111", 10, 0, "the record holds only 'v=DKIM1'");
    /* one finding each: no dmarc-syntax or dkim-key-missing beside them */
    assert_int_equal(r.d.n, 5);
    done(&r);

    /* look-alikes that join as meant */
    z = HEAD
        "@ IN TXT \"v=spf1 \" \"include:amazonses.com ~all\"\n"
        "a IN TXT \"v=spf1 include:_spf.goo\" \"gle.com ~all\"\n"                 /* split inside a term */
        "b IN TXT \"v=spf1 ip4:192.0.2.1\" \"0/24 -all\"\n"
        "k._domainkey IN TXT ( \"v=DKIM1; k=rsa; p=" K1024_A "\" \"" K1024_B "\" )\n" /* inside base64 */
        "l._domainkey IN TXT \"v=DKIM1;\" \"k=rsa;\" \"p=" K1024 "\"\n"
        "_dmarc.shop IN TXT v=DMARC1\\;p=none ; an escaped ';' is part of the value\n"
        "_dmarc.a IN TXT \"v=DMARC1; p=none\" ; p=reject was too strict\n"        /* a real comment */
        "t IN TXT google-site-verification=Vzh30RNQzbt4_AdQ3wU90mwTxE74ygj4fNUp_sMkBq8\n"
        "u IN TXT this is some text\n";
    lint(&r, z, NULL);
    expect_none(&r);
    done(&r);
}

/* ---- B12: DMARC records receivers never apply -------------------------------- */

static void test_dmarc_placement(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "@ IN TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\"\n"     /* 6: apex, _dmarc exists */
        "_dmarc IN TXT \"v=DMARC1; p=none; rua=mailto:reports@example.com\"\n"
        "_dmarc IN TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@vendor.example\"\n" /* 8: second */
        "_dmarc.shop IN TXT \"example.net._report._dmarc.example.com\"\n"         /* 9: a name as value */
        "counterspell IN TXT \"v=DMARC1; p=none\"\n"                              /* 10: no _dmarc there */
        "scrapyard IN TXT \"v=DMARC1; p=none\"\n"                                 /* 11: a dead copy */
        "_dmarc.scrapyard IN TXT \"v=DMARC1; p=none\"\n";
    lint(&r, z, NULL);
    const struct zl_diag *d = expect(&r, "ZL4113", 6, 0, "whose several records cancel each other");
    assert_int_equal(d->severity, ZL_SEV_WARNING);
    expect(&r, "ZL4112", 8, 0, "second DMARC record at '_dmarc.example.com.' (the first is at line 7)");
    expect(&r, "ZL4114", 9, 0, "is a DNS name, not a DMARC record");
    d = expect(&r, "ZL4113", 10, 0, "they read only '_dmarc.counterspell.example.com.'");
    assert_int_equal(d->severity, ZL_SEV_ERROR);
    d = expect(&r, "ZL4113", 11, 0, "this copy can go");
    assert_int_equal(d->severity, ZL_SEV_INFO);
    assert_int_equal(r.d.n, 5);
    done(&r);

    /* right: one record per _dmarc name, report authorisations, other text */
    z = HEAD
        "_dmarc IN TXT \"v=DMARC1; p=none; rua=mailto:reports@example.com\"\n"
        "_dmarc.shop IN TXT \"v=DMARC1; p=reject\"\n"
        "_dmarc.shop IN TXT \"some other note\"\n"
        "example.net._report._dmarc IN TXT \"v=DMARC1\"\n"
        "digital.example.org._report._dmarc IN TXT \"v=DMARC1;\"\n"
        "_dmarc_ttp_policy IN TXT \"v=DMARC1; p=reject; sp=reject\"\n"          /* other zones CNAME to it */
        "t IN TXT \"see example.net._report._dmarc.example.com for the reports\"\n";
    lint(&r, z, NULL);
    expect_none(&r);
    done(&r);
}

/* ---- B16: other mistakes real files hold --------------------------------------- */

static void test_verification_prefix_typo(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "grants IN TXT \"google-site-verication=Tv7gr5D9-eJRbfj_o-TCQGQ5oK3W-PIRLW-m98evRbs\"\n"
        "sao IN TXT \"facebook-domian-verification=0t6kt6h3sd1dcw4a7bp6zpemb3rxmk\"\n"
        /* right, and other services' prefixes */
        "@ IN TXT \"google-site-verification=Tv7gr5D9-eJRbfj_o-TCQGQ5oK3W-PIRLW-m98evRbs\"\n"
        "@ IN TXT \"atlassian-domain-verification=Z8oUd5brL6/RGUMCkxs4U0P/RyhpiNJEIVx9HXJLr3uqEQ1eDmTnj1eq1ObCgY1i\"\n"
        "@ IN TXT \"zoho-verification=zb31415926.zmverify.zoho.com\"\n"
        "@ IN TXT \"some-other-service-verification=abc\"\n"
        "@ IN TXT \"MS=ms90331852\"\n";
    lint(&r, z, "verification-prefix-typo");
    const struct zl_diag *d = expect(&r, "ZL2105", 6, 0, "a misspelling of 'google-site-verification='");
    assert_string_equal(d->fix->replacement, "google-site-verification");
    expect(&r, "ZL2105", 7, 0, "a misspelling of 'facebook-domain-verification='");
    assert_int_equal(r.d.n, 2);
    done(&r);
}

static void test_exporter_array(void **state)
{
    (void)state;
    struct result r;
    const char *z = HEAD
        "@ 1 IN TXT \"v=spf1 include:_spf.google.com -all\"\tArray\n"
        "a 1 IN TXT \"Array\"\n"                               /* quoted: someone's word */
        "b 1 IN TXT \"one\" Array two\n";                      /* not at the end */
    lint(&r, z, NULL);
    const struct zl_diag *d = expect(&r, "ZL2104", 6, 0, "'v=spf1 include:_spf.google.com -allArray'");
    assert_non_null(d->fix);
    assert_string_equal(d->fix->replacement, "");
    assert_int_equal(r.d.n, 1); /* not also spf-syntax's unknown mechanism */
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ses_backed_senders_silent),
        cmocka_unit_test(test_ses_decided_by_target),
        cmocka_unit_test(test_receiving_mx_not_mail_from),
        cmocka_unit_test(test_spf_include_trailing_dot),
        cmocka_unit_test(test_dmarc_adkim_strict_subdomain_identity),
        cmocka_unit_test(test_cloudflare_link_branding),
        cmocka_unit_test(test_dkim_keys_of_other_signers),
        cmocka_unit_test(test_byodkim_with_evidence),
        cmocka_unit_test(test_dkim_key_shapes),
        cmocka_unit_test(test_verify_token_is_dkim_token),
        cmocka_unit_test(test_doubled_owner_no_phantom_identity),
        cmocka_unit_test(test_occluded),
        cmocka_unit_test(test_dkim_name_shapes),
        cmocka_unit_test(test_mail_from_shapes),
        cmocka_unit_test(test_dkim_region_typo),
        cmocka_unit_test(test_policy_split),
        cmocka_unit_test(test_dmarc_placement),
        cmocka_unit_test(test_verification_prefix_typo),
        cmocka_unit_test(test_exporter_array),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
