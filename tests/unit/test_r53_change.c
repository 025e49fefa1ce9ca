/* SPDX-License-Identifier: MIT */
/* The Route 53 change-batch reader (src/input/exports/r53_change.c): which
 * changes are records, what Route 53 refuses, the zone of a batch, the
 * UPSERT of one apex TXT value (ZL1007, rules/route53_upsert.c), detection,
 * and `print` of the fixture against its BIND twin. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "reader_harness.h"

/* One change: action, name, type, then the JSON of its ResourceRecords. */
static void change(struct zl_buf *b, const char *action, const char *name, const char *type, const char *rrs)
{
    zl_buf_printf(b, "%s    {\"Action\": \"%s\", \"ResourceRecordSet\": {\"Name\": \"%s\", \"Type\": \"%s\", "
                     "\"TTL\": 300, \"ResourceRecords\": %s}}",
                  b->len > 40 ? ",\n" : "", action, name, type, rrs);
}

static struct h_got *batch(const char *changes, const struct zl_name *zone)
{
    struct zl_buf b = { 0 };
    zl_buf_printf(&b, "{\"Comment\": \"test\", \"Changes\": [\n%s\n]}\n", changes);
    struct h_got *g = h_read(NULL, zl_buf_cstr(&b), "batch.json", ZL_INPUT_AUTO, zone);
    zl_buf_free(&b);
    return g;
}

static void test_actions(void **state)
{
    (void)state;
    struct zl_buf c = { 0 };
    change(&c, "CREATE", "a.example.com", "A", "[{\"Value\": \"192.0.2.1\"}]");
    change(&c, "UPSERT", "b.example.com", "A", "[{\"Value\": \"192.0.2.2\"}]");
    change(&c, "DELETE", "x.example.com.example.com", "CNAME", "[{\"Value\": \"y.example.net\"}]");
    /* the documented replacement: DELETE, then CREATE of the same set */
    change(&c, "DELETE", "c.example.com", "A", "[{\"Value\": \"192.0.2.3\"}]");
    change(&c, "CREATE", "c.example.com.", "A", "[{\"Value\": \"192.0.2.4\"}]");
    struct h_got *g = batch(zl_buf_cstr(&c), NULL);
    assert_int_equal(g->used, ZL_INPUT_R53_CHANGE);
    if (g->ndiags)
        h_dump(g);
    assert_int_equal(g->ndiags, 0);
    assert_int_equal(g->nrecs, 3);
    assert_string_equal(g->recs[0].line, "a.example.com.\t300\tIN\tA\t192.0.2.1");
    assert_string_equal(g->recs[1].line, "b.example.com.\t300\tIN\tA\t192.0.2.2");
    assert_string_equal(g->recs[2].line, "c.example.com.\t300\tIN\tA\t192.0.2.4");
    assert_string_equal(g->recs[0].origin, "example.com.");
    /* the owner points at the Name value of its change */
    h_at(g->recs[0].owner_span, 2, 57, 70);
    h_free(g);
    /* the DELETE of a doubled name is a fix: nothing to say about it */
    assert_int_equal(h_lint_count("{\"Changes\": [{\"Action\": \"DELETE\", \"ResourceRecordSet\": {\"Name\": "
                                  "\"x._domainkey.example.com.example.com\", \"Type\": \"CNAME\", \"TTL\": 300, "
                                  "\"ResourceRecords\": [{\"Value\": \"x.dkim.amazonses.com\"}]}}, "
                                  "{\"Action\": \"CREATE\", \"ResourceRecordSet\": {\"Name\": "
                                  "\"x._domainkey.example.com\", \"Type\": \"CNAME\", \"TTL\": 300, "
                                  "\"ResourceRecords\": [{\"Value\": \"x.dkim.amazonses.com\"}]}}]}",
                                  "batch.json", NULL, "ZL2101"),
                     0);
    zl_buf_free(&c);
}

static void test_refused_batches(void **state)
{
    (void)state;
    /* one change per value: Route 53 refuses the batch */
    struct zl_buf c = { 0 };
    change(&c, "CREATE", "example.com", "TXT", "[{\"Value\": \"\\\"v=spf1 -all\\\"\"}]");
    change(&c, "CREATE", "example.com.", "TXT", "[{\"Value\": \"\\\"google-site-verification=x\\\"\"}]");
    struct h_got *g = batch(zl_buf_cstr(&c), NULL);
    assert_int_equal(h_count(g, "ZL1001"), 1);
    const struct h_diag *d = h_find(g, "ZL1001");
    assert_non_null(d);
    if (!d)
        return;
    assert_non_null(strstr(d->msg, "refuses this whole batch"));
    assert_non_null(strstr(d->msg, "'example.com. TXT' 2 times"));
    assert_int_equal(d->span.line, 3); /* the second change's Name */
    assert_int_equal(g->nrecs, 2);     /* what was meant: both values */
    h_free(g);
    /* UPSERT twice, CREATE then UPSERT: refused too */
    c.len = 0;
    change(&c, "UPSERT", "a.example.com", "A", "[{\"Value\": \"192.0.2.1\"}]");
    change(&c, "UPSERT", "A.example.com", "A", "[{\"Value\": \"192.0.2.2\"}]");
    g = batch(zl_buf_cstr(&c), NULL);
    assert_int_equal(h_count(g, "ZL1001"), 1);
    h_free(g);
    /* distinct record sets: another type, another SetIdentifier */
    c.len = 0;
    change(&c, "CREATE", "a.example.com", "A", "[{\"Value\": \"192.0.2.1\"}]");
    change(&c, "CREATE", "a.example.com", "AAAA", "[{\"Value\": \"2001:db8::1\"}]");
    zl_buf_puts(&c, ",\n{\"Action\": \"CREATE\", \"ResourceRecordSet\": {\"Name\": \"w.example.com\", \"Type\": \"A\", "
                    "\"SetIdentifier\": \"eu\", \"Weight\": 10, \"TTL\": 60, \"ResourceRecords\": [{\"Value\": \"192.0.2.5\"}]}},\n"
                    "{\"Action\": \"CREATE\", \"ResourceRecordSet\": {\"Name\": \"w.example.com\", \"Type\": \"A\", "
                    "\"SetIdentifier\": \"us\", \"Weight\": 10, \"TTL\": 60, \"ResourceRecords\": [{\"Value\": \"192.0.2.6\"}]}}");
    g = batch(zl_buf_cstr(&c), NULL);
    if (g->ndiags)
        h_dump(g);
    assert_int_equal(g->ndiags, 0);
    assert_int_equal(g->nrecs, 4);
    assert_string_equal(g->recs[2].set_id, "eu");
    h_free(g);
    /* an Action Route 53 does not know; TXT without its quotes */
    c.len = 0;
    change(&c, "Create", "a.example.com", "A", "[{\"Value\": \"192.0.2.1\"}]");
    change(&c, "CREATE", "t.example.com", "TXT", "[{\"Value\": \"v=spf1 -all\"}]");
    g = batch(zl_buf_cstr(&c), NULL);
    assert_int_equal(h_count(g, "ZL1001"), 2);
    assert_non_null(strstr(g->diags[0].msg, "Action 'Create'"));
    assert_non_null(strstr(g->diags[1].msg, "InvalidCharacterString"));
    assert_int_equal(g->nrecs, 0);
    h_free(g);
    zl_buf_free(&c);
}

/* --cli-input-json / --cli-input-yaml, a bare list of changes, a list of
 * batches; aliases are no record data. */
static void test_shapes(void **state)
{
    (void)state;
    static const char wrapped[] =
        "{\"HostedZoneId\": \"Z0123456789\", \"ChangeBatch\": {\"Changes\": [\n"
        "  {\"Action\": \"CREATE\", \"ResourceRecordSet\": {\"Name\": \"\\\\052.example.com\", \"Type\": \"CNAME\","
        " \"TTL\": 60, \"ResourceRecords\": [{\"Value\": \"lb.example.net\"}]}},\n"
        "  {\"Action\": \"UPSERT\", \"ResourceRecordSet\": {\"Name\": \"example.com\", \"Type\": \"A\","
        " \"AliasTarget\": {\"HostedZoneId\": \"Z2FDTNDATAQYW2\", \"DNSName\": \"d1.cloudfront.net.\","
        " \"EvaluateTargetHealth\": false}}}]}}\n";
    struct h_got *g = h_read(NULL, wrapped, "input.json", ZL_INPUT_AUTO, NULL);
    assert_int_equal(g->used, ZL_INPUT_R53_CHANGE);
    assert_int_equal(g->ndiags, 0);
    assert_int_equal(g->nrecs, 1);
    /* \052 (octal) is '*'; a target without its dot is absolute */
    assert_string_equal(g->recs[0].line, "*.example.com.\t60\tIN\tCNAME\tlb.example.net.");
    h_free(g);

    static const char yaml[] =
        "# aws route53 change-resource-record-sets --cli-input-yaml file://x.yaml\n"
        "HostedZoneId: Z0123456789\n"
        "ChangeBatch:\n"
        "  Changes:\n"
        "    - Action: CREATE\n"
        "      ResourceRecordSet:\n"
        "        Name: bounce.example.com\n"
        "        Type: MX\n"
        "        TTL: 300\n"
        "        ResourceRecords:\n"
        "          - Value: 10 feedback-smtp.us-east-1.amazonses.com\n";
    g = h_read(NULL, yaml, "x.yaml", ZL_INPUT_AUTO, NULL);
    assert_int_equal(g->used, ZL_INPUT_R53_CHANGE);
    assert_int_equal(g->nrecs, 1);
    assert_string_equal(g->recs[0].line, "bounce.example.com.\t300\tIN\tMX\t10 feedback-smtp.us-east-1.amazonses.com.");
    h_at(g->recs[0].tok_span[0], 11, 20, 22);
    h_at(g->recs[0].tok_span[1], 11, 23, 60);
    h_free(g);

    static const char bare[] =
        "[{\"Action\": \"CREATE\", \"ResourceRecordSet\": {\"Name\": \"a.example.com\", \"Type\": \"A\", \"TTL\": 1,"
        " \"ResourceRecords\": [{\"Value\": \"192.0.2.1\"}]}},\n"
        " {\"Changes\": [{\"Action\": \"CREATE\", \"ResourceRecordSet\": {\"Name\": \"b.example.com\", \"Type\": \"A\","
        " \"TTL\": 1, \"ResourceRecords\": [{\"Value\": \"192.0.2.2\"}]}}]}]\n";
    g = h_read(NULL, bare, "changes.json", ZL_INPUT_AUTO, NULL);
    assert_int_equal(g->nrecs, 2);
    h_free(g);

    g = h_read(NULL, "{\"Changes\": 3}\n", "c.json", ZL_INPUT_R53_CHANGE, NULL);
    assert_int_equal(h_count(g, "ZL1001"), 1);
    h_free(g);
    g = h_read(NULL, "{\"Comment\": \"nothing\"}\n", "c.json", ZL_INPUT_R53_CHANGE, NULL);
    assert_int_equal(h_count(g, "ZL1001"), 1);
    assert_non_null(strstr(g->diags[0].msg, "expected a change batch"));
    h_free(g);
}

/* The zone of a batch: --origin, else the names' common suffix, without a
 * doubled tail or service labels; one name alone: its registrable domain. */
static void test_zone(void **state)
{
    (void)state;
    struct zl_buf c = { 0 };
    change(&c, "CREATE", "a._domainkey.example.com.example.com", "CNAME", "[{\"Value\": \"a.dkim.amazonses.com\"}]");
    change(&c, "CREATE", "b._domainkey.example.com.example.com", "CNAME", "[{\"Value\": \"b.dkim.amazonses.com\"}]");
    struct h_got *g = batch(zl_buf_cstr(&c), NULL);
    assert_string_equal(g->recs[0].origin, "example.com.");
    h_free(g);

    c.len = 0;
    change(&c, "UPSERT", "_dmarc.example.co.uk", "TXT", "[{\"Value\": \"\\\"v=DMARC1; p=none\\\"\"}]");
    g = batch(zl_buf_cstr(&c), NULL);
    assert_string_equal(g->recs[0].origin, "example.co.uk.");
    h_free(g);

    c.len = 0;
    change(&c, "UPSERT", "a.sub.example.co.uk", "A", "[{\"Value\": \"192.0.2.1\"}]");
    change(&c, "UPSERT", "b.sub.example.co.uk", "A", "[{\"Value\": \"192.0.2.2\"}]");
    g = batch(zl_buf_cstr(&c), NULL);
    assert_string_equal(g->recs[0].origin, "sub.example.co.uk.");
    h_free(g);

    c.len = 0;
    change(&c, "UPSERT", "a._domainkey.corp.internal", "CNAME", "[{\"Value\": \"x.example.net\"}]");
    change(&c, "UPSERT", "b._domainkey.corp.internal", "CNAME", "[{\"Value\": \"x.example.net\"}]");
    g = batch(zl_buf_cstr(&c), NULL);
    assert_string_equal(g->recs[0].origin, "corp.internal.");
    h_free(g);

    /* names of two domains: no zone holds both, so none is guessed ("com." is none) */
    c.len = 0;
    change(&c, "UPSERT", "a.example.com", "A", "[{\"Value\": \"192.0.2.1\"}]");
    change(&c, "UPSERT", "b.example-mail.com", "A", "[{\"Value\": \"192.0.2.2\"}]");
    g = batch(zl_buf_cstr(&c), NULL);
    assert_string_equal(g->recs[0].origin, "");
    h_free(g);

    struct zl_name zone;
    zl_name_from_text(&zone, "sub.example.com.", 16, NULL, NULL);
    c.len = 0;
    change(&c, "UPSERT", "www.sub.example.com", "A", "[{\"Value\": \"192.0.2.1\"}]");
    g = batch(zl_buf_cstr(&c), &zone);
    assert_string_equal(g->recs[0].origin, "sub.example.com.");
    h_free(g);

    /* a doubled name alone in its batch is still found */
    c.len = 0;
    change(&c, "CREATE", "x._domainkey.example.com.example.com", "CNAME", "[{\"Value\": \"x.dkim.amazonses.com\"}]");
    struct zl_buf b = { 0 };
    zl_buf_printf(&b, "{\"Changes\": [%s]}", zl_buf_cstr(&c));
    assert_int_equal(h_lint_count(zl_buf_cstr(&b), "batch.json", NULL, "ZL2101"), 1);
    zl_buf_free(&b);
    zl_buf_free(&c);
}

static void test_upsert_apex_txt(void **state)
{
    (void)state;
    struct zl_buf c = { 0 };
    change(&c, "UPSERT", "example.com", "TXT", "[{\"Value\": \"\\\"v=spf1 include:amazonses.com ~all\\\"\"}]");
    struct h_got *g = batch(zl_buf_cstr(&c), NULL);
    assert_int_equal(h_count(g, "ZL1007"), 1);
    const struct h_diag *d = h_find(g, "ZL1007");
    assert_non_null(d);
    if (!d)
        return;
    h_at(d->span, 2, 17, 23); /* "UPSERT" */
    assert_non_null(strstr(d->msg, "apex 'example.com.'"));
    assert_int_equal(g->nrecs, 1);
    h_free(g);

    /* the whole set written out; CREATE; below the apex; another type */
    static const char *const quiet[][4] = {
        { "UPSERT", "example.com", "TXT", "[{\"Value\": \"\\\"v=spf1 -all\\\"\"}, {\"Value\": \"\\\"ms=ms123\\\"\"}]" },
        { "CREATE", "example.com", "TXT", "[{\"Value\": \"\\\"v=spf1 -all\\\"\"}]" },
        { "UPSERT", "example.com", "MX", "[{\"Value\": \"10 mx.example.net\"}]" },
    };
    for (size_t i = 0; i < sizeof quiet / sizeof quiet[0]; i++) {
        c.len = 0;
        change(&c, quiet[i][0], quiet[i][1], quiet[i][2], quiet[i][3]);
        g = batch(zl_buf_cstr(&c), NULL);
        assert_int_equal(h_count(g, "ZL1007"), 0);
        h_free(g);
    }
    /* a MAIL FROM batch: one name below the apex, which is example.com */
    c.len = 0;
    change(&c, "UPSERT", "bounce.example.com", "MX", "[{\"Value\": \"10 feedback-smtp.us-east-1.amazonses.com\"}]");
    change(&c, "UPSERT", "bounce.example.com", "TXT", "[{\"Value\": \"\\\"v=spf1 include:amazonses.com ~all\\\"\"}]");
    g = batch(zl_buf_cstr(&c), NULL);
    assert_int_equal(h_count(g, "ZL1007"), 0);
    assert_string_equal(g->recs[0].origin, "example.com.");
    h_free(g);
    /* with --origin the apex is known for certain */
    struct zl_name zone;
    zl_name_from_text(&zone, "bounce.example.com.", 19, NULL, NULL);
    g = batch(zl_buf_cstr(&c), &zone);
    assert_int_equal(h_count(g, "ZL1007"), 1);
    h_free(g);
    zl_buf_free(&c);
}

/* A batch kept as a template: its placeholders are not values. */
static void test_placeholders(void **state)
{
    (void)state;
    struct zl_buf c = { 0 };
    change(&c, "UPSERT", "_amazonses.$DOMAIN", "TXT", "[{\"Value\": \"\\\"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\\\"\"}]");
    change(&c, "UPSERT", "example.com", "TXT", "[{\"Value\": \"\\\"${TOKEN}\\\"\"}]");
    change(&c, "UPSERT", "www.example.com", "A", "[{\"Value\": \"{{ ip }}\"}]");
    change(&c, "UPSERT", "mail.example.com", "A", "[{\"Value\": \"192.0.2.25\"}]");
    change(&c, "UPSERT", "<FQDN>", "A", "[{\"Value\": \"192.0.2.26\"}]");
    change(&c, "UPSERT", "x.example.com", "TXT", "[{\"Value\": \"\\\"a <b> and 5 > 3 $5\\\"\"}]");
    struct h_got *g = batch(zl_buf_cstr(&c), NULL);
    if (g->ndiags != 1)
        h_dump(g);
    assert_int_equal(g->ndiags, 1);
    assert_string_equal(g->diags[0].code, "ZL1006");
    assert_non_null(strstr(g->diags[0].msg, "5 changes of this batch hold a placeholder"));
    assert_non_null(strstr(g->diags[0].msg, "(the first: $DOMAIN)"));
    h_at(g->diags[0].span, 2, 68, 75);
    assert_int_equal(g->nrecs, 1); /* mail.; x.example.com's "<b>" is a placeholder too */
    assert_string_equal(g->recs[0].origin, "example.com.");
    h_free(g);
    zl_buf_free(&c);
}

/* Only change batches are claimed; every other format stays what it was. */
static void test_detect(void **state)
{
    (void)state;
    char why[1024];
#define DETECT(s, name) zl_input_format_detect(s, strlen(s), name, why, sizeof why)
    assert_int_equal(DETECT("{\"Comment\": \"x\", \"Changes\": [{\"Action\": \"UPSERT\", \"ResourceRecordSet\": {}}]}",
                            NULL),
                     ZL_INPUT_R53_CHANGE);
    assert_int_equal(DETECT("{\"Changes\":[{\"Action\":\"DELETE\",\"ResourceRecordSet\":{}}]}", "x.json"),
                     ZL_INPUT_R53_CHANGE);
    assert_int_equal(DETECT("Changes:\n  - Action: CREATE\n    ResourceRecordSet:\n      Name: a.\n", NULL),
                     ZL_INPUT_R53_CHANGE);
    assert_int_equal(DETECT("HostedZoneId: Z1\nChangeBatch:\n  Changes:\n  - Action: CREATE\n"
                            "    ResourceRecordSet: {Name: a.}\n", NULL),
                     ZL_INPUT_R53_CHANGE);
    /* the list export, an IAM policy, a template whose Lambda code calls Route 53 */
    assert_int_equal(DETECT("{\"ResourceRecordSets\": [{\"Name\": \"a.\", \"Type\": \"A\"}]}", NULL), ZL_INPUT_ROUTE53);
    assert_int_equal(DETECT("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
                            "\"route53:ChangeResourceRecordSets\", \"Resource\": \"*\"}]}", "policy.json"),
                     -1);
    assert_int_equal(DETECT("AWSTemplateFormatVersion: 2010-09-09\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n"
                            "    Properties:\n      Code:\n        ZipFile: |\n          r53.change_resource_record_sets("
                            "ChangeBatch={'Changes': [{'Action': 'UPSERT', 'ResourceRecordSet': {}}]})\n", "t.yaml"),
                     -1);
    /* a word in a value is no key */
    assert_int_equal(DETECT("{\"Comment\": \"Action ResourceRecordSet\"}", "x.json"), -1);
#undef DETECT
}

static void test_print_fixture(void **state)
{
    (void)state;
    h_same_print("tests/cli/cases/print-r53-change/change-batch.json",
                 "tests/cli/cases/print-r53-change/example.org.zone", "example.org.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_actions),       cmocka_unit_test(test_refused_batches),
        cmocka_unit_test(test_shapes),        cmocka_unit_test(test_zone),
        cmocka_unit_test(test_upsert_apex_txt), cmocka_unit_test(test_detect),
        cmocka_unit_test(test_print_fixture), cmocka_unit_test(test_placeholders),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
