/* SPDX-License-Identifier: MIT */
/* The CloudFormation reader (src/input/exports/cloudformation.c) and its
 * intrinsic functions (cfn_eval.c): what is known without deploying and
 * what is not (never made up), positions in the template as written, the
 * hosted zone of a record set, what CloudFormation or Route 53 refuses,
 * ZL1006, detection next to the other formats, and `print` of the fixtures
 * against their BIND twins. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "reader_harness.h"

/* A template of one RecordSet with these properties (indented 6). */
static struct h_got *one(const char *head, const char *props)
{
    struct zl_buf b = { 0 };
    zl_buf_printf(&b, "%sResources:\n  R:\n    Type: AWS::Route53::RecordSet\n    Properties:\n"
                      "      HostedZoneName: example.com.\n%s",
                  head, props);
    struct h_got *g = h_read(NULL, zl_buf_cstr(&b), "t.yaml", ZL_INPUT_AUTO, NULL);
    zl_buf_free(&b);
    return g;
}

static const char params[] =
    "Parameters:\n"
    "  Domain: {Type: String, Default: example.com}\n"
    "  Token: {Type: String, Default: 4ixtpnvpubjuxqvnex727otq55y2ew7w}\n"
    "  NoDefault: {Type: String}\n"
    "  FromSsm: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /dns/domain}\n"
    "  Ips: {Type: CommaDelimitedList, Default: '192.0.2.1, 192.0.2.2'}\n"
    "  Env: {Type: String, Default: prod}\n"
    "Mappings:\n"
    "  Hosts:\n"
    "    eu-west-1: {Mx: feedback-smtp.eu-west-1.amazonses.com}\n"
    "Conditions:\n"
    "  IsProd: !Equals [!Ref Env, prod]\n"
    "  IsDev: !Not [!Condition IsProd]\n"
    "  Both: !And [!Condition IsProd, {Condition: IsDev}]\n"
    "  Either: {\"Fn::Or\": [{\"Condition\": \"IsProd\"}, !Condition IsDev]}\n"
    "  InUsEast: !Equals [!Ref 'AWS::Region', us-east-1]\n";

/* Name and value through the functions: the record printed, or "" when the
 * reader left it out as partial (then one ZL1006). */
static void evaluates(const char *name, const char *type, const char *value, const char *want)
{
    struct zl_buf p = { 0 };
    zl_buf_printf(&p, "      Name: %s\n      Type: %s\n      TTL: 300\n      ResourceRecords:\n        - %s\n", name,
                  type, value);
    struct h_got *g = one(params, zl_buf_cstr(&p));
    if (!want[0]) {
        if (g->nrecs || h_count(g, "ZL1006") != 1)
            h_dump(g);
        assert_int_equal(g->nrecs, 0);
        assert_int_equal(h_count(g, "ZL1006"), 1);
    } else {
        if (g->nrecs != 1 || g->ndiags)
            h_dump(g);
        assert_int_equal(g->ndiags, 0);
        assert_int_equal(g->nrecs, 1);
        assert_string_equal(g->recs[0].line, want);
    }
    h_free(g);
    zl_buf_free(&p);
}

static void test_known(void **state)
{
    (void)state;
    evaluates("www.example.com", "A", "192.0.2.1", "www.example.com.\t300\tIN\tA\t192.0.2.1");
    evaluates("!Ref Domain", "MX", "10 mx.example.net", "example.com.\t300\tIN\tMX\t10 mx.example.net.");
    evaluates("!Sub '${Token}._domainkey.${Domain}'", "CNAME", "!Sub '${Token}.dkim.amazonses.com'",
              "4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey.example.com.\t300\tIN\tCNAME\t"
              "4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.");
    evaluates("!Sub ['${Sub}.${Domain}', {Sub: mail}]", "TXT", "'\"v=spf1 ${!Literal} -all\"'",
              "mail.example.com.\t300\tIN\tTXT\t\"v=spf1 ${!Literal} -all\"");
    evaluates("{\"Fn::Sub\": \"_dmarc.${Domain}\"}", "TXT", "!Sub '\"v=DMARC1; p=none; x=${!Literal}\"'",
              "_dmarc.example.com.\t300\tIN\tTXT\t\"v=DMARC1; p=none; x=${Literal}\"");
    evaluates("!Join ['.', [mail, !Ref Domain]]", "MX",
              "!Join [' ', ['10', !FindInMap [Hosts, eu-west-1, Mx]]]",
              "mail.example.com.\t300\tIN\tMX\t10 feedback-smtp.eu-west-1.amazonses.com.");
    evaluates("!Select [1, !Split ['|', 'a.example.com|b.example.com']]", "A", "!Select [0, !Ref Ips]",
              "b.example.com.\t300\tIN\tA\t192.0.2.1");
    /* Select of a literal list needs only the item it picks */
    evaluates("www.example.com", "A", "!Select [0, [192.0.2.9, !GetAtt X.Ip]]",
              "www.example.com.\t300\tIN\tA\t192.0.2.9");
    evaluates("!If [IsProd, prod.example.com, dev.example.com]", "A", "!If [IsDev, 192.0.2.2, 192.0.2.3]",
              "prod.example.com.\t300\tIN\tA\t192.0.2.3");
    evaluates("!If [Either, e.example.com, !Ref 'AWS::NoValue']", "A", "!If [Both, 192.0.2.2, 192.0.2.4]",
              "e.example.com.\t300\tIN\tA\t192.0.2.4");
}

static void test_unknown(void **state)
{
    (void)state;
    evaluates("www.example.com", "CNAME", "!GetAtt LoadBalancer.DNSName", "");
    evaluates("www.example.com", "CNAME", "{\"Fn::ImportValue\": \"shared-lb\"}", "");
    evaluates("!Sub '${AWS::StackName}.example.com'", "A", "192.0.2.1", "");
    evaluates("!Sub '${NoDefault}.example.com'", "A", "192.0.2.1", "");
    evaluates("!Ref FromSsm", "A", "192.0.2.1", "");
    evaluates("!Sub 'www.${Bucket.DomainName}'", "A", "192.0.2.1", "");
    evaluates("!If [InUsEast, a.example.com, b.example.com]", "A", "192.0.2.1", "");
    evaluates("www.example.com", "A", "!Select [0, !GetAZs '']", "");

    /* partial: the known values are checked, one info says how many sets */
    struct h_got *g = one(params, "      Name: www.example.com\n      Type: A\n      TTL: 60\n"
                                  "      ResourceRecords:\n        - 192.0.2.1\n        - !GetAtt Eip.PublicIp\n"
                                  "        - !Ref 'AWS::NoValue'\n");
    assert_int_equal(g->nrecs, 1);
    assert_int_equal(h_count(g, "ZL1006"), 1);
    const struct h_diag *d = h_find(g, "ZL1006");
    assert_non_null(d);
    if (!d)
        return;
    assert_non_null(strstr(d->msg, "1 Route 53 record set of this template depends"));
    assert_non_null(strstr(d->msg, "!GetAtt Eip.PublicIp"));
    h_at(d->span, 27, 11, 0);
    h_free(g);

    g = one(params, "      Name: !Sub '${NoDefault}.example.com'\n      Type: A\n      TTL: 60\n"
                    "      ResourceRecords: [192.0.2.1]\n");
    d = h_find(g, "ZL1006");
    assert_non_null(d);
    if (!d)
        return;
    assert_non_null(strstr(d->msg, "${NoDefault}, a parameter without a Default"));
    h_at(d->span, 22, 19, 0); /* at ${NoDefault} */
    h_free(g);
}

/* Spans: the Name value, the ResourceRecords element, each token inside. */
static void test_positions(void **state)
{
    (void)state;
    struct h_got *g = one(params, "      Name: !Sub 'bounce.${Domain}'\n"            /* 22 */
                                  "      Type: MX\n"                                   /* 23 */
                                  "      TTL: 300\n"                                   /* 24 */
                                  "      ResourceRecords:\n"                           /* 25 */
                                  "        - 10 feedback-smtp.us-east-1.amazonses.com\n" /* 26 */
                                  "        - !Sub '20 ${Domain}'\n");                  /* 27 */
    assert_int_equal(g->nrecs, 2);
    h_at(g->recs[0].owner_span, 22, 19, 35); /* inside the quotes, ${Domain} included */
    assert_string_equal(g->recs[0].owner_tok, "bounce.example.com");
    h_at(g->recs[0].type_span, 23, 13, 15);
    h_at(g->recs[0].tok_span[0], 26, 11, 13);
    h_at(g->recs[0].tok_span[1], 26, 14, 51);
    h_at(g->recs[1].tok_span[1], 27, 20, 29); /* the substituted ${Domain} */
    h_free(g);
}

/* The zone: HostedZoneName, the HostedZone resource of HostedZoneId, the
 * group's; what CloudFormation and Route 53 refuse. */
static void test_zones(void **state)
{
    (void)state;
    static const char t[] =
        "Resources:\n"
        "  Zone:\n"
        "    Type: AWS::Route53::HostedZone\n"
        "    Properties: {Name: example.org}\n"
        "  ByRef:\n"
        "    Type: AWS::Route53::RecordSet\n"
        "    Properties: {HostedZoneId: !Ref Zone, Name: a.example.org, Type: A, TTL: 60, ResourceRecords: [192.0.2.1]}\n"
        "  ByGetAtt:\n"
        "    Type: AWS::Route53::RecordSet\n"
        "    Properties: {HostedZoneId: !GetAtt Zone.Id, Name: www, Type: A, TTL: 60, ResourceRecords: [192.0.2.1]}\n"
        "  Group:\n"
        "    Type: AWS::Route53::RecordSetGroup\n"
        "    Properties:\n"
        "      HostedZoneName: example.org\n"
        "      RecordSets:\n"
        "        - {Name: b.example.org, Type: A, TTL: 60, ResourceRecords: [192.0.2.2]}\n"
        "        - {Name: c.example.net, Type: A, TTL: 60, ResourceRecords: [192.0.2.3]}\n"
        "        - !Ref AWS::NoValue\n"
        "  NoZone:\n"
        "    Type: AWS::Route53::RecordSet\n"
        "    Properties: {Name: d.example.org, Type: A, TTL: 60, ResourceRecords: [192.0.2.4]}\n"
        "  Literal:\n"
        "    Type: AWS::Route53::RecordSet\n"
        "    Properties: {HostedZoneId: Z0123456789, Name: e.example.org, Type: A, TTL: 60, ResourceRecords: [192.0.2.5]}\n";
    struct h_got *g = h_read(NULL, t, "t.yaml", ZL_INPUT_AUTO, NULL);
    assert_int_equal(g->used, ZL_INPUT_CLOUDFORMATION);
    assert_int_equal(g->nrecs, 4); /* a, b, d, e */
    assert_string_equal(g->recs[0].line, "a.example.org.\t60\tIN\tA\t192.0.2.1");
    assert_string_equal(g->recs[0].origin, "example.org.");
    assert_string_equal(g->recs[3].line, "e.example.org.\t60\tIN\tA\t192.0.2.5");
    assert_int_equal(h_count(g, "ZL3103"), 2); /* www. and c.example.net. are in no zone of theirs */
    const struct h_diag *d = h_find(g, "ZL3103");
    assert_non_null(d);
    if (!d)
        return;
    assert_non_null(strstr(d->msg, "write 'www.example.org.'"));
    assert_int_equal(d->span.line, 10);
    assert_int_equal(h_count(g, "ZL1001"), 2); /* the dot of HostedZoneName; NoZone names no zone */
    assert_non_null(strstr(g->diags[0].msg, "HostedZoneName 'example.org' has no trailing dot"));
    assert_non_null(strstr(g->diags[1].msg, "names no hosted zone"));
    h_free(g);

    /* two resources, one record set: the second fails; other zones and
     * SetIdentifiers are other record sets */
    static const char twice[] =
        "Resources:\n"
        "  A1: {Type: AWS::Route53::RecordSet, Properties: {HostedZoneName: example.com., Name: example.com,"
        " Type: TXT, TTL: 60, ResourceRecords: ['\"v=spf1 -all\"']}}\n"
        "  A2: {Type: AWS::Route53::RecordSet, Properties: {HostedZoneName: example.com., Name: EXAMPLE.com.,"
        " Type: TXT, TTL: 60, ResourceRecords: ['\"ms=ms1\"']}}\n"
        "  P1: {Type: AWS::Route53::RecordSet, Properties: {HostedZoneId: Z1PRIVATE, Name: example.com,"
        " Type: TXT, TTL: 60, ResourceRecords: ['\"internal\"']}}\n"
        "  W1: {Type: AWS::Route53::RecordSet, Properties: {HostedZoneName: example.com., Name: w.example.com,"
        " Type: A, SetIdentifier: one, Weight: 1, TTL: 60, ResourceRecords: [192.0.2.1]}}\n"
        "  W2: {Type: AWS::Route53::RecordSet, Properties: {HostedZoneName: example.com., Name: w.example.com,"
        " Type: A, SetIdentifier: two, Weight: 1, TTL: 60, ResourceRecords: [192.0.2.2]}}\n";
    g = h_read(NULL, twice, "t.yaml", ZL_INPUT_AUTO, NULL);
    assert_int_equal(h_count(g, "ZL1001"), 1);
    assert_non_null(strstr(g->diags[0].msg, "'EXAMPLE.com. TXT' is created at line 2 already"));
    assert_int_equal(g->diags[0].span.line, 3);
    assert_int_equal(g->nrecs, 5);
    h_free(g);
}

/* Conditions, aliases, Fn::ForEach, and what is no record set at all. */
static void test_resources(void **state)
{
    (void)state;
    static const char t[] =
        "Parameters: {Env: {Type: String, Default: prod}}\n"
        "Conditions:\n"
        "  IsProd: !Equals [!Ref Env, prod]\n"
        "  IsDev: !Equals [!Ref Env, dev]\n"
        "  InUsEast: !Equals [!Ref 'AWS::Region', us-east-1]\n"
        "Resources:\n"
        "  Prod: {Type: AWS::Route53::RecordSet, Condition: IsProd, Properties: {HostedZoneName: example.com.,"
        " Name: app.example.com, Type: CNAME, TTL: 60, ResourceRecords: [prod-lb.example.net]}}\n"
        "  Dev: {Type: AWS::Route53::RecordSet, Condition: IsDev, Properties: {HostedZoneName: example.com.,"
        " Name: app.example.com, Type: CNAME, TTL: 60, ResourceRecords: [dev-lb.example.net]}}\n"
        "  Region: {Type: AWS::Route53::RecordSet, Condition: InUsEast, Properties: {HostedZoneName: example.com.,"
        " Name: us.example.com, Type: A, TTL: 60, ResourceRecords: [192.0.2.1]}}\n"
        "  Alias: {Type: AWS::Route53::RecordSet, Properties: {HostedZoneName: example.com., Name: example.com,"
        " Type: A, AliasTarget: {DNSName: !GetAtt Cdn.DomainName, HostedZoneId: Z2FDTNDATAQYW2}}}\n"
        "  MaybeAlias: {Type: AWS::Route53::RecordSet, Properties: {HostedZoneName: example.com., Name: m.example.com,"
        " Type: A, TTL: 60, ResourceRecords: [192.0.2.7], AliasTarget: !If [InUsEast, {DNSName: x., HostedZoneId: Z1},"
        " !Ref 'AWS::NoValue']}}\n"
        "  Fn::ForEach::Hosts:\n"
        "    - Host\n"
        "    - [a, b]\n"
        "    - ${Host}Record:\n"
        "        Type: AWS::Route53::RecordSet\n"
        "        Properties: {HostedZoneName: example.com., Name: !Sub '${Host}.example.com', Type: A, TTL: 60,"
        " ResourceRecords: [192.0.2.9]}\n"
        "  Bucket: {Type: AWS::S3::Bucket}\n";
    struct h_got *g = h_read(NULL, t, "t.yaml", ZL_INPUT_AUTO, NULL);
    assert_int_equal(g->nrecs, 1); /* Prod only: Dev is not created, the alias is no record */
    assert_string_equal(g->recs[0].line, "app.example.com.\t60\tIN\tCNAME\tprod-lb.example.net.");
    const struct h_diag *d = h_find(g, "ZL1006");
    assert_non_null(d);
    if (!d)
        return;
    assert_non_null(strstr(d->msg, "3 Route 53 record sets")); /* Region, MaybeAlias, the loop */
    assert_non_null(strstr(d->msg, "Condition: InUsEast"));
    assert_int_equal(g->ndiags, 1);
    h_free(g);

    /* no Route 53 record resources: nothing to check, said so */
    g = h_read(NULL, "Resources:\n  Z: {Type: AWS::Route53::HostedZone, Properties: {Name: example.com}}\n",
               "t.yaml", ZL_INPUT_CLOUDFORMATION, NULL);
    assert_int_equal(h_count(g, "ZL1001"), 1);
    assert_non_null(strstr(g->diags[0].msg, "has no AWS::Route53::RecordSet or AWS::Route53::RecordSetGroup"));
    h_free(g);
    g = h_read(NULL, "name: x\n", "t.yaml", ZL_INPUT_CLOUDFORMATION, NULL);
    assert_int_equal(h_count(g, "ZL1001"), 1);
    assert_non_null(strstr(g->diags[0].msg, "expected a CloudFormation template"));
    h_free(g);
}

/* What another tool fills in first: dynamic references, ${...} outside
 * Fn::Sub, a Serverless Framework file's variables (read from resources:). */
static void test_placeholders(void **state)
{
    (void)state;
    evaluates("\"{{resolve:ssm:/dns/name}}\"", "A", "192.0.2.1", "");
    evaluates("www.example.com", "TXT", "'\"${Token}\"'", "");
    static const char sls[] =
        "service: mail\n"
        "custom: {domain: example.com}\n"
        "resources:\n"
        "  Resources:\n"
        "    Spf:\n"
        "      Type: AWS::Route53::RecordSet\n"
        "      Properties:\n"
        "        HostedZoneName: ${self:custom.domain}.\n"
        "        Name: ${self:custom.domain}\n"
        "        Type: TXT\n"
        "        TTL: 300\n"
        "        ResourceRecords: ['\"v=spf1 include:amazonses.com ~all\"']\n"
        "    Www:\n"
        "      Type: AWS::Route53::RecordSet\n"
        "      Properties: {HostedZoneName: example.com., Name: www.example.com, Type: CNAME, TTL: 300,"
        " ResourceRecords: [www.example.net]}\n";
    struct h_got *g = h_read(NULL, sls, "serverless.yml", ZL_INPUT_AUTO, NULL);
    assert_int_equal(g->used, ZL_INPUT_CLOUDFORMATION);
    assert_int_equal(g->nrecs, 1);
    assert_string_equal(g->recs[0].line, "www.example.com.\t300\tIN\tCNAME\twww.example.net.");
    assert_int_equal(g->ndiags, 1);
    assert_string_equal(g->diags[0].code, "ZL1006");
    assert_non_null(strstr(g->diags[0].msg, "${self:custom.domain}"));
    h_free(g);
}

/* Values CloudFormation refuses, and the API's shapes where they do not belong. */
static void test_refused(void **state)
{
    (void)state;
    struct h_got *g = one("", "      Name: example.com\n      Type: TXT\n      TTL: 60\n      ResourceRecords:\n"
                              "        - v=spf1 include:amazonses.com ~all\n        - {Value: '\"x\"'}\n");
    assert_int_equal(h_count(g, "ZL1001"), 2);
    assert_non_null(strstr(g->diags[0].msg, "write '\"v=spf1 include:amazonses.com ~all\"'"));
    assert_non_null(strstr(g->diags[1].msg, "{Value: ...}"));
    assert_int_equal(g->nrecs, 0);
    h_free(g);

    static const char *const bad[] = {
        "      Name: a.example.com\n      Type: A\n      ResourceRecords: [192.0.2.1]\n",   /* no TTL */
        "      Name: a.example.com\n      Type: AX\n      TTL: 1\n      ResourceRecords: [192.0.2.1]\n",
        "      Name: a..example.com\n      Type: A\n      TTL: 1\n      ResourceRecords: [192.0.2.1]\n",
        "      Name: a.example.com\n      Type: A\n      TTL: soon\n      ResourceRecords: [192.0.2.1]\n",
        "      Name: a.example.com\n      Type: A\n      TTL: 1\n      ResourceRecords: 192.0.2.1\n",
        "      Name: a.example.com\n      Type: A\n      TTL: 1\n",
        "      Type: A\n      TTL: 1\n      ResourceRecords: [192.0.2.1]\n",
        "      Name: !Join [x]\n      Type: A\n      TTL: 1\n      ResourceRecords: [192.0.2.1]\n",
        "      Name: !Select [9, [a.example.com]]\n      Type: A\n      TTL: 1\n      ResourceRecords: [192.0.2.1]\n",
        "      Name: !Sub [a.example.com, {}, x]\n      Type: A\n      TTL: 1\n      ResourceRecords: [192.0.2.1]\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        g = one("", bad[i]);
        if (h_count(g, "ZL1001") != 1 || g->nrecs || h_count(g, "ZL1006")) {
            fprintf(stderr, "bad[%zu]\n", i);
            h_dump(g);
        }
        assert_int_equal(h_count(g, "ZL1001"), 1);
        assert_int_equal(h_count(g, "ZL1006"), 0);
        assert_int_equal(g->nrecs, 0);
        h_free(g);
    }
}

/* Aliases of aliases make nothing blow up: each node is evaluated once,
 * strings and the work per template are bounded. */
static void test_bounded(void **state)
{
    (void)state;
    struct zl_buf b = { 0 };
    zl_buf_puts(&b, "Mappings:\n  M:\n    K:\n      l0: &l0 ['ab', 'cd']\n");
    for (int i = 1; i < 40; i++)
        zl_buf_printf(&b, "      l%d: &l%d [!Join ['', *l%d], !Join ['', *l%d]]\n", i, i, i - 1, i - 1);
    zl_buf_puts(&b, "Resources:\n  R:\n    Type: AWS::Route53::RecordSet\n    Properties:\n"
                    "      HostedZoneName: example.com.\n      Name: !Join ['', *l39]\n      Type: A\n"
                    "      TTL: 1\n      ResourceRecords: [192.0.2.1]\n");
    struct h_got *g = h_read(NULL, zl_buf_cstr(&b), "t.yaml", ZL_INPUT_AUTO, NULL);
    assert_true(h_count(g, "ZL1001") >= 1);
    assert_non_null(strstr(g->diags[0].msg, "longer than 64 KiB"));
    assert_int_equal(h_count(g, "ZL1006"), 0);
    assert_int_equal(g->nrecs, 0);
    h_free(g);

    /* more functions than any template has */
    b.len = 0;
    zl_buf_puts(&b, "Resources:\n  R:\n    Type: AWS::Route53::RecordSet\n    Properties:\n"
                    "      HostedZoneName: example.com.\n      Name: !Join ['', [");
    for (int i = 0; i < 210000; i++)
        zl_buf_puts(&b, i ? ",a" : "a");
    zl_buf_puts(&b, "]]\n      Type: A\n      TTL: 1\n      ResourceRecords: [192.0.2.1]\n");
    g = h_read(NULL, zl_buf_cstr(&b), "t.yaml", ZL_INPUT_AUTO, NULL);
    assert_int_equal(h_count(g, "ZL1001"), 1);
    assert_non_null(strstr(g->diags[0].msg, "expand beyond what zonelint evaluates"));
    assert_int_equal(g->nrecs, 0);
    h_free(g);
    zl_buf_free(&b);

    /* a condition that depends on itself */
    g = one("Conditions:\n  A: !Not [!Condition B]\n  B: !Not [!Condition A]\n",
            "      Name: !If [A, a.example.com, b.example.com]\n      Type: A\n      TTL: 1\n"
            "      ResourceRecords: [192.0.2.1]\n");
    assert_int_equal(h_count(g, "ZL1001"), 1);
    assert_non_null(strstr(g->diags[0].msg, "depends on itself"));
    h_free(g);
}

/* Only templates with Route 53 record resources are claimed. */
static void test_detect(void **state)
{
    (void)state;
    char why[1024];
#define DETECT(s, name) zl_input_format_detect(s, strlen(s), name, why, sizeof why)
    assert_int_equal(DETECT("Resources:\n  R:\n    Type: AWS::Route53::RecordSet\n", NULL), ZL_INPUT_CLOUDFORMATION);
    assert_int_equal(DETECT("Resources:\n  R:\n    Type: \"AWS::Route53::RecordSetGroup\"\n", NULL),
                     ZL_INPUT_CLOUDFORMATION);
    assert_int_equal(DETECT("{\"Resources\":{\"R\":{\"Type\":\"AWS::Route53::RecordSet\"}}}", NULL),
                     ZL_INPUT_CLOUDFORMATION);
    assert_int_equal(DETECT("{\n \"Resources\": {\n  \"R\": {\n   \"Type\" : 'AWS::Route53::RecordSet',\n", "t.json"),
                     ZL_INPUT_CLOUDFORMATION);
    /* SAM with an OpenAPI body (type: object lines) stays CloudFormation */
    assert_int_equal(DETECT("Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n"
                            "    Properties:\n      DefinitionBody:\n        components:\n          schemas:\n"
                            "            Pet:\n              type: object\n  Dns:\n    Type: AWS::Route53::RecordSet\n",
                            "template.yaml"),
                     ZL_INPUT_CLOUDFORMATION);
    /* templates without Route 53 records, look-alikes: not claimed */
    assert_int_equal(DETECT("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n",
                            "t.yaml"),
                     -1);
    assert_non_null(strstr(why, "AWS::Route53::RecordSet resources (CloudFormation)"));
    assert_int_equal(DETECT("Resources:\n  Z:\n    Type: AWS::Route53::HostedZone\n", "t.yaml"), -1);
    assert_int_equal(DETECT("Description: records of type AWS::Route53::RecordSet, later\nResources: {}\n", "t.yaml"), -1);
    assert_int_equal(DETECT("{\"StackResources\": [{\"ResourceType\": \"AWS::Route53::RecordSet\"}]}", "d.json"), -1);
    assert_int_equal(DETECT("Resources:\n  R:\n    Type: AWS::Route53::RecordSetting\n", "t.yaml"), -1);
    /* the other formats, as before */
    assert_int_equal(DETECT("www:\n  type: CNAME\n  value: x.example.net.\n", "example.com.yaml"), ZL_INPUT_OCTODNS);
    assert_int_equal(DETECT("'':\n  - type: Route53Provider/ALIAS\n    value: {type: A}\n", "example.com.yaml"),
                     ZL_INPUT_OCTODNS);
    assert_int_equal(DETECT("---\nkind: dns#resourceRecordSet\nname: a.example.com.\nrrdatas: [192.0.2.1]\n", NULL),
                     ZL_INPUT_GCLOUD);
    assert_int_equal(DETECT("{\"ResourceRecordSets\": []}", NULL), ZL_INPUT_ROUTE53);
    assert_int_equal(DETECT("$ORIGIN example.com.\n@ 300 IN TXT \"Type: AWS::Route53::RecordSet\"\n", "db.example.com"),
                     ZL_INPUT_ZONE);
#undef DETECT
}

static void test_print_fixtures(void **state)
{
    (void)state;
    h_same_print("tests/cli/cases/print-cloudformation/ses-domain.yaml",
                 "tests/cli/cases/print-cloudformation/example.com.zone", "example.com.");
    struct h_got *g = h_read("tests/cli/cases/print-cloudformation-json/MailStack.template.json", NULL, NULL,
                             ZL_INPUT_AUTO, NULL);
    assert_int_equal(g->nrecs, 6);
    assert_int_equal(g->ndiags, 0);
    h_free(g);
    struct zl_name zone;
    zl_name_from_text(&zone, "example.net.", 12, NULL, NULL);
    struct h_got *a = h_read("tests/cli/cases/print-cloudformation-json/MailStack.template.json", NULL, NULL,
                             ZL_INPUT_AUTO, NULL);
    struct h_got *b = h_read("tests/cli/cases/print-cloudformation-json/example.net.zone", NULL, NULL, ZL_INPUT_AUTO,
                             &zone);
    assert_int_equal(a->printed.len, b->printed.len);
    assert_memory_equal(a->printed.data, b->printed.data, a->printed.len);
    h_free(a);
    h_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known),     cmocka_unit_test(test_unknown),   cmocka_unit_test(test_positions),
        cmocka_unit_test(test_zones),     cmocka_unit_test(test_resources), cmocka_unit_test(test_refused),
        cmocka_unit_test(test_bounded),   cmocka_unit_test(test_detect),    cmocka_unit_test(test_print_fixtures),
        cmocka_unit_test(test_placeholders),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
