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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ses_backed_senders_silent),
        cmocka_unit_test(test_ses_decided_by_target),
        cmocka_unit_test(test_receiving_mx_not_mail_from),
        cmocka_unit_test(test_spf_include_trailing_dot),
        cmocka_unit_test(test_dmarc_adkim_strict_subdomain_identity),
        cmocka_unit_test(test_cloudflare_link_branding),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
