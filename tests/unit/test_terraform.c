/* SPDX-License-Identifier: MIT */
/* The Terraform reader (src/input/terraform/): each provider's naming and
 * value rules, count/for_each, what stays unevaluated, module files, the
 * JSON forms, format detection, and where findings point. Records are
 * compared in zonelint's print form, diagnostics as "CODE line:col msg".
 * Covers rules/not_evaluated.c and provider_at_name.c (reported by the
 * reader). */
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

#include "base/buf.h"
#include "base/diag.h"
#include "input/readers.h"
#include "base/names.h"
#include "input/parser.h"
#include "report/print.h"
#include "rdata/record.h"
#include "base/source.h"
#include "input/terraform/tf_records.h"

struct got {
    struct zl_buf recs, diags, comments;
    struct zl_buf zones;      /* "[zone] record" per record, as the runs the reader made */
    struct zl_buf flags;      /* per record: "C" served by Cloudflare, "U" zone unknown, "-" */
    char zone[300];
    struct zl_source *sources;
    struct zl_parse_result res;
    enum zl_input_format used;
};

static void on_zone(void *user, const struct zl_name *origin, unsigned index, unsigned nzones)
{
    struct got *g = user;
    if (origin)
        zl_name_to_text(origin, g->zone);
    else
        snprintf(g->zone, sizeof g->zone, "?%u", index);
    (void)nzones;
}

static void on_record(void *user, const struct zl_record *rec)
{
    struct got *g = user;
    struct zl_buf one = { 0 };
    zl_print_record(rec, &one);
    zl_buf_printf(&g->zones, "[%s] %s", g->zone, zl_buf_cstr(&one));
    zl_buf_free(&one);
    zl_buf_printf(&g->flags, "%s%s%s", rec->served_by == ZL_SERVED_CLOUDFLARE ? "C" : "",
                  rec->owner_flags & ZL_OWNER_ZONE_UNKNOWN ? "U" : "",
                  rec->served_by != ZL_SERVED_CLOUDFLARE && !(rec->owner_flags & ZL_OWNER_ZONE_UNKNOWN) ? "-" : "");
    zl_print_record(rec, &g->recs);
    if (rec->comment)
        zl_buf_printf(&g->comments, "%.*s@%u:%u\n", (int)rec->comment_len, rec->comment, rec->comment_span.line,
                      rec->comment_span.col);
}

static void on_diag(void *user, struct zl_diag *d)
{
    struct got *g = user;
    zl_buf_printf(&g->diags, "%s %u:%u %s\n", d->code, d->span.line, d->span.col, d->message);
    for (size_t i = 0; i < d->nnotes; i++)
        zl_buf_printf(&g->diags, "  note: %s\n", d->notes[i]);
    if (d->severity != ZL_SEV_INFO && !strcmp(d->code, "ZL1006"))
        zl_buf_printf(&g->diags, "  (%s)\n", zl_severity_name(d->severity));
    zl_diag_free(d);
}

static struct got *run(const char *path, const char *text, const char *name, enum zl_input_format fmt,
                       const char *origin)
{
    struct got *g = calloc(1, sizeof *g);
    struct zl_name o;
    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    if (origin) {
        struct zl_name root;
        zl_name_root(&root);
        assert_int_equal(zl_name_from_text(&o, origin, strlen(origin), &root, NULL), ZL_NAME_OK);
        po.origin = &o;
    }
    po.on_record = on_record;
    po.on_zone = on_zone;
    po.user = g;
    po.sink.emit = on_diag;
    po.sink.user = g;
    po.sources = &g->sources;
    zl_read_input(path, name, text, text ? strlen(text) : 0, fmt, &po, &g->res, &g->used);
    zl_buf_cstr(&g->recs);
    zl_buf_cstr(&g->diags);
    zl_buf_cstr(&g->comments);
    zl_buf_cstr(&g->zones);
    zl_buf_cstr(&g->flags);
    return g;
}

static struct got *tf(const char *text)
{
    return run(NULL, text, "main.tf", ZL_INPUT_AUTO, NULL);
}

static void got_free(struct got *g)
{
    zl_buf_free(&g->recs);
    zl_buf_free(&g->diags);
    zl_buf_free(&g->comments);
    zl_buf_free(&g->zones);
    zl_buf_free(&g->flags);
    zl_parse_sources_free(g->sources);
    free(g);
}

#define R53(name, type, recs)                                                  \
    "resource \"aws_route53_zone\" \"z\" {\n  name = \"example.com\"\n}\n"      \
    "resource \"aws_route53_record\" \"r\" {\n"                                 \
    "  zone_id = aws_route53_zone.z.zone_id\n"                                  \
    "  name    = " name "\n  type    = \"" type "\"\n  ttl     = 300\n"         \
    "  records = " recs "\n}\n"

/* terraform-provider-aws expandRecordName: lower-cased, one trailing dot
 * off, the zone appended unless the name ends with it as a string. */
static void test_route53_names(void **state)
{
    (void)state;
    static const struct {
        const char *name, *want;
    } cases[] = {
        { "\"www\"", "www.example.com." },
        { "\"www.example.com\"", "www.example.com." },
        { "\"WWW.Example.COM.\"", "www.example.com." },
        { "\"\"", "example.com." },
        { "\"x.example.com.example.com\"", "x.example.com.example.com." },
        { "\"mail.example.org\"", "mail.example.org.example.com." },
        { "\"*.dev\"", "*.dev.example.com." },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[1024];
        snprintf(text, sizeof text, R53("%s", "A", "[\"192.0.2.1\"]"), cases[i].name);
        struct got *g = tf(text);
        char want[256];
        snprintf(want, sizeof want, "%s\t300\tIN\tA\t192.0.2.1\n", cases[i].want);
        if (strcmp(g->recs.data ? (char *)g->recs.data : "", want))
            fail_msg("name %s: got '%s' (%s), want '%s'", cases[i].name, (char *)g->recs.data,
                     (char *)g->diags.data, want);
        got_free(g);
    }
    /* "@" is not special to Route 53: a label '@' under the zone */
    struct got *g = tf(R53("\"@\"", "A", "[\"192.0.2.1\"]"));
    assert_non_null(strstr((char *)g->recs.data, ".example.com.\t300"));
    assert_null(strstr((char *)g->recs.data, "\nexample.com."));
    assert_int_not_equal(strncmp((char *)g->recs.data, "example.com.", 12), 0);
    assert_non_null(strstr((char *)g->diags.data, "ZL2106 6:14 Route 53 has no '@'"));
    got_free(g);
    /* "myexample.com" ends with "example.com" as a string: not appended,
     * and outside the zone */
    g = tf(R53("\"myexample.com\"", "A", "[\"192.0.2.1\"]"));
    assert_string_equal((char *)g->recs.data, "");
    assert_non_null(strstr((char *)g->diags.data, "ZL1001 6:14 'myexample.com.' is not in its zone 'example.com.'"));
    got_free(g);
}

/* flattenTxtEntry: each value is sent as "%s", nothing escaped. */
static void test_route53_txt(void **state)
{
    (void)state;
    struct got *g = tf(R53("\"_amazonses\"", "TXT", "[\"v=spf1 -all\", \"a\\\"\\\"b\", \"x\\\" \\\"y\"]"));
    assert_string_equal((char *)g->recs.data, "_amazonses.example.com.\t300\tIN\tTXT\t\"v=spf1 -all\"\n"
                                              "_amazonses.example.com.\t300\tIN\tTXT\t\"a\" \"b\"\n"
                                              "_amazonses.example.com.\t300\tIN\tTXT\t\"x\" \"y\"\n");
    got_free(g);
    /* quotes written around the value are published as characters */
    g = tf(R53("\"_amazonses\"", "TXT", "[\"\\\"tok\\\"\"]"));
    assert_string_equal((char *)g->recs.data, "_amazonses.example.com.\t300\tIN\tTXT\t\"\\\"tok\\\"\"\n");
    got_free(g);
    /* over 255 characters in one string: Route 53 rejects it */
    char text[2048], big[301];
    memset(big, 'k', 300);
    big[300] = '\0';
    snprintf(text, sizeof text, R53("\"k1._domainkey\"", "TXT", "[\"%s\"]"), big);
    g = tf(text);
    assert_string_equal((char *)g->recs.data, "");
    assert_non_null(strstr((char *)g->diags.data, "ZL1001 9:15"));
    got_free(g);
}

static void test_route53_values(void **state)
{
    (void)state;
    /* MX without a priority: an error at the value */
    struct got *g = tf(R53("\"bounce\"", "MX", "[\"feedback-smtp.us-east-1.amazonses.com\"]"));
    assert_string_equal((char *)g->recs.data, "");
    assert_non_null(strstr((char *)g->diags.data, "ZL1001 9:15 MX preference"));
    got_free(g);
    /* names in values are absolute, with or without the dot */
    g = tf(R53("\"www\"", "CNAME", "[\"lb.example.net\"]"));
    assert_string_equal((char *)g->recs.data, "www.example.com.\t300\tIN\tCNAME\tlb.example.net.\n");
    got_free(g);
    /* alias records have no values of their own */
    g = tf("resource \"aws_route53_record\" \"a\" {\n  zone_id = \"Z1\"\n  name = \"www.example.com\"\n"
           "  type = \"A\"\n  alias {\n    name = \"d1.cloudfront.net\"\n    zone_id = \"Z2\"\n"
           "    evaluate_target_health = false\n  }\n}\n");
    assert_string_equal((char *)g->recs.data, "");
    assert_string_equal((char *)g->diags.data, "");
    got_free(g);
    /* set_identifier: one record set per identifier */
    g = tf("resource \"aws_route53_record\" \"w\" {\n  for_each = { blue = \"192.0.2.1\", green = \"192.0.2.2\" }\n"
           "  zone_id = \"Z1\"\n  name = \"www.example.com\"\n  type = \"A\"\n  ttl = 60\n"
           "  set_identifier = each.key\n  records = [each.value]\n"
           "  weighted_routing_policy {\n    weight = 50\n  }\n}\n");
    assert_string_equal((char *)g->recs.data, "www.example.com.\t60\tIN\tA\t192.0.2.1\nwww.example.com.\t60\tIN\tA\t192.0.2.2\n");
    assert_string_equal((char *)g->diags.data, "");
    got_free(g);
}

/* Without a zone known, a name is taken as written (fully qualified);
 * --origin stands in for the zone. */
static void test_route53_zone_unknown(void **state)
{
    (void)state;
    static const char text[] = "variable \"zone_id\" {}\n"
                               "resource \"aws_route53_record\" \"r\" {\n  zone_id = var.zone_id\n"
                               "  name = \"www\"\n  type = \"A\"\n  ttl = 60\n  records = [\"192.0.2.1\"]\n}\n";
    struct got *g = tf(text);
    assert_string_equal((char *)g->recs.data, "www.\t60\tIN\tA\t192.0.2.1\n");
    got_free(g);
    g = run(NULL, text, "main.tf", ZL_INPUT_AUTO, "example.com.");
    assert_string_equal((char *)g->recs.data, "www.example.com.\t60\tIN\tA\t192.0.2.1\n");
    got_free(g);
}

/* What cannot be known statically is not checked, and said once per file. */
static void test_unevaluated(void **state)
{
    (void)state;
    struct got *g = tf("resource \"aws_ses_domain_dkim\" \"d\" {\n  domain = \"example.com\"\n}\n"
                       "resource \"aws_route53_record\" \"dkim\" {\n  count = 3\n  zone_id = \"Z1\"\n"
                       "  name = \"${aws_ses_domain_dkim.d.dkim_tokens[count.index]}._domainkey.example.com\"\n"
                       "  type = \"CNAME\"\n  ttl = 600\n"
                       "  records = [\"${aws_ses_domain_dkim.d.dkim_tokens[count.index]}.dkim.amazonses.com\"]\n}\n"
                       "resource \"aws_route53_record\" \"n\" {\n  count = var.n\n  zone_id = \"Z1\"\n"
                       "  name = \"x.example.com\"\n  type = \"A\"\n  ttl = 1\n  records = [\"192.0.2.1\"]\n}\n"
                       "resource \"aws_route53_record\" \"ok\" {\n  count = 0\n  zone_id = \"Z1\"\n"
                       "  name = \"x.example.com\"\n  type = \"A\"\n  ttl = 1\n  records = [\"192.0.2.1\"]\n}\n");
    assert_string_equal((char *)g->recs.data, "");
    assert_string_equal((char *)g->diags.data,
                        "ZL1006 4:1 4 DNS records could not be evaluated without running Terraform: their name (3) "
                        "and count (1) use values known only at apply time (another resource's computed "
                        "attribute, a variable without a value); rules that need them skipped them\n"
                        "  note: lint the plan (terraform show -json) to check them with the values Terraform "
                        "resolved\n");
    got_free(g);
}

static void test_locals_variables_each(void **state)
{
    (void)state;
    struct got *g = tf("variable \"domain\" {\n  default = \"example.com\"\n}\n"
                       "locals {\n  hosts = { www = \"192.0.2.1\", api = \"192.0.2.2\" }\n"
                       "  ttl = var.domain == \"example.com\" ? 120 : 60\n}\n"
                       "resource \"aws_route53_zone\" \"z\" {\n  name = var.domain\n}\n"
                       "resource \"aws_route53_record\" \"h\" {\n  for_each = local.hosts\n"
                       "  zone_id = aws_route53_zone.z.zone_id\n  name = each.key\n  type = \"A\"\n"
                       "  ttl = local.ttl\n  records = [each.value]\n}\n");
    assert_string_equal((char *)g->recs.data,
                        "api.example.com.\t120\tIN\tA\t192.0.2.2\nwww.example.com.\t120\tIN\tA\t192.0.2.1\n");
    got_free(g);
}

static void test_cloudflare(void **state)
{
    (void)state;
    char big[400];
    memset(big, 'a', 300);
    big[300] = '\0';
    char text[4096];
    snprintf(text, sizeof text,
             "resource \"cloudflare_zone\" \"z\" {\n  zone = \"example.net\"\n}\n"
             "resource \"cloudflare_record\" \"apex\" {\n  zone_id = cloudflare_zone.z.id\n  name = \"@\"\n"
             "  type = \"A\"\n  value = \"192.0.2.1\"\n  proxied = true\n}\n"
             "resource \"cloudflare_record\" \"fq\" {\n  zone_id = cloudflare_zone.z.id\n  name = \"a.example.net\"\n"
             "  type = \"CNAME\"\n  value = \"example.net\"\n  ttl = 120\n}\n"
             "resource \"cloudflare_dns_record\" \"mx\" {\n  zone_id = cloudflare_zone.z.id\n  name = \"mail\"\n"
             "  type = \"MX\"\n  content = \"mx.example.net\"\n  priority = 5\n  ttl = 1\n}\n"
             "resource \"cloudflare_dns_record\" \"txt\" {\n  zone_id = cloudflare_zone.z.id\n  name = \"t\"\n"
             "  type = \"TXT\"\n  content = \"%s\"\n  ttl = 1\n}\n"
             "resource \"cloudflare_dns_record\" \"q\" {\n  zone_id = cloudflare_zone.z.id\n  name = \"q\"\n"
             "  type = \"TXT\"\n  content = \"\\\"one\\\" \\\"two\\\"\"\n  ttl = 1\n}\n"
             "resource \"cloudflare_dns_record\" \"srv\" {\n  zone_id = cloudflare_zone.z.id\n"
             "  name = \"_sip._tcp\"\n  type = \"SRV\"\n  ttl = 1\n"
             "  data = { priority = 10, weight = 5, port = 5060, target = \"sip.example.net\" }\n}\n"
             "resource \"cloudflare_dns_record\" \"nomx\" {\n  zone_id = cloudflare_zone.z.id\n  name = \"m2\"\n"
             "  type = \"MX\"\n  content = \"mx.example.net\"\n  ttl = 1\n}\n",
             big);
    struct got *g = tf(text);
    char want[4096];
    snprintf(want, sizeof want,
             "example.net.\t300\tIN\tA\t192.0.2.1\n"
             "a.example.net.\t120\tIN\tCNAME\texample.net.\n"
             "mail.example.net.\t300\tIN\tMX\t5 mx.example.net.\n"
             "t.example.net.\t300\tIN\tTXT\t\"%.255s\" \"%.45s\"\n"
             "q.example.net.\t300\tIN\tTXT\t\"one\" \"two\"\n"
             "_sip._tcp.example.net.\t300\tIN\tSRV\t10 5 5060 sip.example.net.\n",
             big, big);
    assert_string_equal((char *)g->recs.data, want);
    assert_string_equal((char *)g->comments.data, "cf_tags=cf-proxied:true@9:13\n");
    assert_non_null(strstr((char *)g->diags.data, "MX record without priority: Cloudflare requires one"));
    got_free(g);
}

static void test_other_providers(void **state)
{
    (void)state;
    struct got *g = tf("resource \"google_dns_record_set\" \"t\" {\n  managed_zone = \"z\"\n"
                       "  name = \"example.com.\"\n  type = \"TXT\"\n  ttl = 300\n"
                       "  rrdatas = [\"\\\"v=spf1 -all\\\"\", \"two words\"]\n}\n"
                       "resource \"azurerm_dns_txt_record\" \"t\" {\n  name = \"@\"\n  zone_name = \"example.org\"\n"
                       "  resource_group_name = \"rg\"\n  ttl = 60\n  record {\n    value = \"say \\\"hi\\\"\"\n  }\n}\n"
                       "resource \"azurerm_dns_srv_record\" \"s\" {\n  name = \"_sip._tls\"\n  zone_name = \"example.org\"\n"
                       "  resource_group_name = \"rg\"\n  ttl = 60\n"
                       "  record {\n    priority = 1\n    weight = 2\n    port = 443\n    target = \"sip.example.org\"\n  }\n}\n"
                       "resource \"digitalocean_record\" \"c\" {\n  domain = \"example.net\"\n  type = \"CNAME\"\n"
                       "  name = \"www\"\n  value = \"@\"\n}\n"
                       "resource \"digitalocean_record\" \"r\" {\n  domain = \"example.net\"\n  type = \"CNAME\"\n"
                       "  name = \"docs\"\n  value = \"pages\"\n}\n");
    assert_string_equal((char *)g->recs.data, "example.com.\t300\tIN\tTXT\t\"v=spf1 -all\"\n"
                                              "example.com.\t300\tIN\tTXT\t\"two\" \"words\"\n"
                                              "example.org.\t60\tIN\tTXT\t\"say \\\"hi\\\"\"\n"
                                              "_sip._tls.example.org.\t60\tIN\tSRV\t1 2 443 sip.example.org.\n"
                                              "www.example.net.\t1800\tIN\tCNAME\texample.net.\n"
                                              "docs.example.net.\t1800\tIN\tCNAME\tpages.example.net.\n");
    got_free(g);
}

/* Findings point at the literal in the user's file. */
static void test_spans(void **state)
{
    (void)state;
    struct got *g = tf(R53("\"x.example.com.example.com\"", "TXT", "[\"v=spf1 include:amazonses.com ~all!\"]"));
    assert_string_equal((char *)g->recs.data, "x.example.com.example.com.\t300\tIN\tTXT\t\"v=spf1 include:amazonses.com ~all!\"\n");
    got_free(g);
}

static void test_json_forms(void **state)
{
    (void)state;
    struct got *g = run(NULL,
                        "{\n  \"locals\": { \"d\": \"example.com\" },\n"
                        "  \"resource\": {\n    \"aws_route53_record\": {\n      \"r\": {\n"
                        "        \"zone_id\": \"Z1\",\n        \"name\": \"www.${local.d}\",\n"
                        "        \"type\": \"A\",\n        \"ttl\": 60,\n        \"records\": [\"192.0.2.1\"]\n"
                        "      }\n    }\n  }\n}\n",
                        "main.tf.json", ZL_INPUT_AUTO, NULL);
    assert_int_equal(g->used, ZL_INPUT_TERRAFORM);
    assert_string_equal((char *)g->recs.data, "www.example.com.\t60\tIN\tA\t192.0.2.1\n");
    got_free(g);

    g = run(NULL,
            "{\"format_version\":\"1.0\",\"values\":{\"root_module\":{\"resources\":[\n"
            "{\"mode\":\"managed\",\"type\":\"aws_route53_zone\",\"name\":\"z\",\"values\":{\"name\":\"example.com\",\"zone_id\":\"Z9\"}},\n"
            "{\"mode\":\"managed\",\"type\":\"aws_route53_record\",\"name\":\"r\",\"values\":{\"name\":\"www\",\"type\":\"A\",\"ttl\":60,\"records\":[\"192.0.2.1\"],\"zone_id\":\"Z9\"}}\n"
            "],\"child_modules\":[{\"resources\":[\n"
            "{\"mode\":\"managed\",\"type\":\"aws_route53_record\",\"name\":\"c\",\"values\":{\"name\":\"api.example.com\",\"type\":\"A\",\"ttl\":60,\"records\":[\"192.0.2.2\"],\"zone_id\":\"Z9\"}}\n"
            "]}]}}}\n",
            "state.json", ZL_INPUT_AUTO, NULL);
    assert_int_equal(g->used, ZL_INPUT_TFJSON);
    assert_string_equal((char *)g->recs.data, "www.example.com.\t60\tIN\tA\t192.0.2.1\napi.example.com.\t60\tIN\tA\t192.0.2.2\n");
    assert_string_equal((char *)g->diags.data, "");
    got_free(g);

    g = run(NULL, "{\"format_version\":\"1.0\",\"values\":{}}\n", "x.json", ZL_INPUT_TFJSON, NULL);
    assert_non_null(strstr((char *)g->diags.data, "expected the output of terraform show -json"));
    got_free(g);
}

static void test_detection(void **state)
{
    (void)state;
    char why[256];
    assert_int_equal(zl_input_format_detect("x", 1, "main.tf", why, sizeof why), ZL_INPUT_TERRAFORM);
    assert_int_equal(zl_input_format_detect("{}", 2, "main.tf.json", why, sizeof why), ZL_INPUT_TERRAFORM);
    static const char hcl[] = "# DNS\n/* zone */\nresource \"aws_route53_record\" \"x\" {\n}\n";
    assert_int_equal(zl_input_format_detect(hcl, sizeof hcl - 1, NULL, why, sizeof why), ZL_INPUT_TERRAFORM);
    static const char zone[] = "$ORIGIN example.com.\nresource 300 IN A 192.0.2.1\n";
    assert_int_equal(zl_input_format_detect(zone, sizeof zone - 1, NULL, why, sizeof why), ZL_INPUT_ZONE);
    static const char show[] = "{\"format_version\":\"1.2\",\"planned_values\":{}}";
    assert_int_equal(zl_input_format_detect(show, sizeof show - 1, "plan.json", why, sizeof why), ZL_INPUT_TFJSON);
    enum zl_input_format f;
    assert_int_equal(zl_input_format_from_name("terraform", &f), 0);
    assert_int_equal(f, ZL_INPUT_TERRAFORM);
    assert_int_equal(zl_input_format_from_name("tfjson", &f), 0);
    assert_int_equal(f, ZL_INPUT_TFJSON);
}

/* A directory: every .tf file, tfvars in order, a local child module; a
 * module source outside the directory read is not followed. */
static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_directory(void **state)
{
    (void)state;
    char dir[] = "/tmp/zl-tf-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char p[512];
    snprintf(p, sizeof p, "%s/root", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/root/mod", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/outside", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/root/a.tf", dir);
    write_file(p, "variable \"d\" {\n  default = \"default.example\"\n}\nvariable \"t\" {}\n"
                  "module \"m\" {\n  source = \"./mod\"\n  name = \"www.${var.d}\"\n  ttl = var.t\n}\n"
                  "module \"far\" {\n  source = \"../outside\"\n}\n");
    snprintf(p, sizeof p, "%s/root/terraform.tfvars", dir);
    write_file(p, "d = \"tfvars.example\"\nt = 10\n");
    snprintf(p, sizeof p, "%s/root/z.auto.tfvars", dir);
    write_file(p, "t = 20\n");
    snprintf(p, sizeof p, "%s/root/mod/main.tf", dir);
    write_file(p, "variable \"name\" {}\nvariable \"ttl\" {}\n"
                  "resource \"aws_route53_record\" \"r\" {\n  zone_id = \"Z1\"\n  name = var.name\n"
                  "  type = \"A\"\n  ttl = var.ttl\n  records = [\"192.0.2.1\"]\n}\n");
    snprintf(p, sizeof p, "%s/outside/main.tf", dir);
    write_file(p, "resource \"aws_route53_record\" \"r\" {\n  zone_id = \"Z1\"\n  name = \"no.example\"\n"
                  "  type = \"A\"\n  ttl = 1\n  records = [\"192.0.2.9\"]\n}\n");
    snprintf(p, sizeof p, "%s/root", dir);
    struct got *g = run(p, NULL, NULL, ZL_INPUT_AUTO, NULL);
    assert_int_equal(g->used, ZL_INPUT_TERRAFORM);
    assert_string_equal((char *)g->recs.data, "www.tfvars.example.\t20\tIN\tA\t192.0.2.1\n");
    assert_non_null(strstr((char *)g->diags.data, "ZL1006 11:3 module 'far': its source '../outside' lies outside"));
    got_free(g);
    /* a file named: its directory's module */
    snprintf(p, sizeof p, "%s/root/a.tf", dir);
    g = run(p, NULL, NULL, ZL_INPUT_AUTO, NULL);
    assert_string_equal((char *)g->recs.data, "www.tfvars.example.\t20\tIN\tA\t192.0.2.1\n");
    got_free(g);
    /* a FIFO named like a module file: refused, said, never waited on */
    snprintf(p, sizeof p, "%s/root/pipe.tf", dir);
    assert_int_equal(mkfifo(p, 0600), 0);
    snprintf(p, sizeof p, "%s/root", dir);
    g = run(p, NULL, NULL, ZL_INPUT_AUTO, NULL);
    assert_non_null(strstr((char *)g->diags.data, "ZL1000"));
    assert_non_null(strstr((char *)g->diags.data, "not a regular file"));
    assert_string_equal((char *)g->recs.data, "www.tfvars.example.\t20\tIN\tA\t192.0.2.1\n");
    got_free(g);
    snprintf(p, sizeof p, "%s/root/pipe.tf", dir);
    assert_int_equal(unlink(p), 0);
    /* in a git work tree the whole tree may be read: ../outside is a module
     * of the repository, as envs/prod -> ../../modules/x is */
    snprintf(p, sizeof p, "%s/.git", dir);
    assert_int_equal(mkdir(p, 0700), 0);
    snprintf(p, sizeof p, "%s/root", dir);
    g = run(p, NULL, NULL, ZL_INPUT_AUTO, NULL);
    assert_non_null(strstr((char *)g->recs.data, "no.example.\t1\tIN\tA\t192.0.2.9\n"));
    assert_null(strstr((char *)g->diags.data, "lies outside"));
    got_free(g);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}


/* Cloudflare zone look-ups: the v5 data source's filter = { name = ... }
 * and the v4 cloudflare_zones filter { name = ... } name the zone when
 * they can select only it; a search ("contains:") does not. */
static void test_cloudflare_zone_lookups(void **state)
{
    (void)state;
    struct got *g = tf("data \"cloudflare_zone\" \"one\" {\n  filter = { name = \"one.example\" }\n}\n"
                       "data \"cloudflare_zones\" \"two\" {\n  filter {\n    name = \"two.example\"\n  }\n}\n"
                       "resource \"cloudflare_dns_record\" \"a\" {\n  zone_id = data.cloudflare_zone.one.id\n"
                       "  name = \"_dmarc\"\n  type = \"TXT\"\n  content = \"v=DMARC1; p=none\"\n  ttl = 1\n}\n"
                       "resource \"cloudflare_record\" \"b\" {\n  zone_id = data.cloudflare_zones.two.zones[0].id\n"
                       "  name = \"_dmarc\"\n  type = \"TXT\"\n  value = \"v=DMARC1; p=reject\"\n}\n");
    assert_string_equal((char *)g->zones.data,
                        "[one.example.] _dmarc.one.example.\t300\tIN\tTXT\t\"v=DMARC1; p=none\"\n"
                        "[two.example.] _dmarc.two.example.\t300\tIN\tTXT\t\"v=DMARC1; p=reject\"\n");
    assert_string_equal((char *)g->diags.data, "");
    got_free(g);
    /* searches name no zone */
    g = tf("data \"cloudflare_zone\" \"one\" {\n  filter = { name = \"contains:one\" }\n}\n"
           "data \"cloudflare_zones\" \"two\" {\n  filter {\n    name = \"two\"\n    lookup_type = \"contains\"\n  }\n}\n"
           "resource \"cloudflare_dns_record\" \"a\" {\n  zone_id = data.cloudflare_zone.one.id\n"
           "  name = \"www\"\n  type = \"A\"\n  content = \"192.0.2.1\"\n  ttl = 1\n}\n"
           "resource \"cloudflare_record\" \"b\" {\n  zone_id = data.cloudflare_zones.two.zones[0].id\n"
           "  name = \"www\"\n  type = \"A\"\n  value = \"192.0.2.2\"\n}\n");
    assert_null(strstr((char *)g->zones.data, "one"));
    assert_null(strstr((char *)g->zones.data, "two"));
    got_free(g);
}

/* Records are handed on zone by zone; records whose zone is not known are
 * kept apart by the value that stands for it (the same data source or
 * variable, whatever it is), and said once. */
static void test_zones_apart(void **state)
{
    (void)state;
    struct got *g = tf("variable \"z1\" {}\nvariable \"z2\" {}\n"
                       "resource \"aws_route53_zone\" \"k\" {\n  name = \"known.example\"\n}\n"
                       "resource \"aws_route53_record\" \"a\" {\n  zone_id = var.z1\n  name = \"_dmarc\"\n"
                       "  type = \"TXT\"\n  ttl = 60\n  records = [\"v=DMARC1; p=none\"]\n}\n"
                       "resource \"aws_route53_record\" \"b\" {\n  zone_id = var.z2\n  name = \"_dmarc\"\n"
                       "  type = \"TXT\"\n  ttl = 60\n  records = [\"v=DMARC1; p=reject\"]\n}\n"
                       "resource \"aws_route53_record\" \"c\" {\n  zone_id = aws_route53_zone.k.zone_id\n"
                       "  name = \"www\"\n  type = \"A\"\n  ttl = 60\n  records = [\"192.0.2.1\"]\n}\n"
                       "resource \"aws_route53_record\" \"d\" {\n  zone_id = var.z1\n  name = \"_dmarc\"\n"
                       "  type = \"TXT\"\n  ttl = 60\n  records = [\"v=DMARC1; p=quarantine\"]\n}\n");
    assert_string_equal((char *)g->zones.data,
                        "[?0] _dmarc.\t60\tIN\tTXT\t\"v=DMARC1; p=none\"\n"
                        "[?0] _dmarc.\t60\tIN\tTXT\t\"v=DMARC1; p=quarantine\"\n"
                        "[?1] _dmarc.\t60\tIN\tTXT\t\"v=DMARC1; p=reject\"\n"
                        "[known.example.] www.known.example.\t60\tIN\tA\t192.0.2.1\n");
    assert_string_equal((char *)g->flags.data, "UUU-");
    assert_non_null(strstr((char *)g->diags.data, "ZL1006 6:1 the zone of 3 DNS records is not known without "
                                                  "running Terraform (zone_id is known only at apply time"));
    got_free(g);
    /* a name that reads as fully qualified keeps its domain */
    g = tf("resource \"aws_route53_record\" \"a\" {\n  zone_id = \"Z0123\"\n  name = \"_dmarc.example.com\"\n"
           "  type = \"TXT\"\n  ttl = 60\n  records = [\"v=DMARC1; p=none\"]\n}\n");
    assert_string_equal((char *)g->flags.data, "-");
    assert_string_equal((char *)g->diags.data, "");
    got_free(g);
}

/* What the reader says Cloudflare serves. */
static void test_served_by(void **state)
{
    (void)state;
    struct got *g = tf("resource \"cloudflare_zone\" \"z\" {\n  zone = \"example.net\"\n}\n"
                       "resource \"cloudflare_record\" \"apex\" {\n  zone_id = cloudflare_zone.z.id\n  name = \"@\"\n"
                       "  type = \"CNAME\"\n  value = \"example.github.io\"\n}\n"
                       "resource \"aws_route53_record\" \"r\" {\n  zone_id = \"Z1\"\n  name = \"www.example.com\"\n"
                       "  type = \"A\"\n  ttl = 60\n  records = [\"192.0.2.1\"]\n}\n");
    assert_string_equal((char *)g->flags.data, "C-");
    got_free(g);
    g = run(NULL, ";; Domain:     example.org.\n;; Exported:   2024-01-01 00:00:00\n"
                  "example.org.\t1\tIN\tCNAME\texample.github.io.\n", "example.org.txt", ZL_INPUT_AUTO, NULL);
    assert_string_equal((char *)g->flags.data, "C");
    got_free(g);
    g = run(NULL, "$ORIGIN example.org.\n@\t300\tIN\tCNAME\texample.github.io.\n", "example.org.zone",
            ZL_INPUT_AUTO, NULL);
    assert_string_equal((char *)g->flags.data, "-");
    got_free(g);
}

/* azurerm_dns_mx_record: name defaults to "@" (the azurerm docs). */
static void test_azure_defaults(void **state)
{
    (void)state;
    struct got *g = tf("resource \"azurerm_dns_mx_record\" \"m\" {\n  zone_name = \"example.net\"\n"
                       "  resource_group_name = \"rg\"\n  ttl = 300\n"
                       "  record {\n    preference = 10\n    exchange = \"mx.example.org\"\n  }\n}\n"
                       "resource \"azurerm_dns_txt_record\" \"t\" {\n  zone_name = \"example.net\"\n"
                       "  resource_group_name = \"rg\"\n  ttl = 300\n  record {\n    value = \"x\"\n  }\n}\n");
    assert_string_equal((char *)g->recs.data, "example.net.\t300\tIN\tMX\t10 mx.example.org.\n");
    /* the TXT record requires a name: not evaluated, and said which */
    assert_non_null(strstr((char *)g->diags.data, "1 DNS record could not be evaluated without running "
                                                  "Terraform: its name uses a value known only at apply time"));
    got_free(g);
}

/* Resources of DNS providers without a mapper: one info per module. */
static void test_unmapped_providers(void **state)
{
    (void)state;
    static const char *const dns[] = {
        "njalla_record_txt", "cloudns_dns_record", "hetznerdns_record", "dns_a_record_set",
        "linode_domain_record", "ovh_domain_zone_record", "azurerm_private_dns_a_record", "powerdns_record",
        "gandi_livedns_record", "namecheap_domain_records", "oci_dns_rrset", "ns1_record",
    };
    static const char *const other[] = {
        "aws_route53_record", "cloudflare_dns_record", "aws_route53_zone", "aws_dynamodb_table_item",
        "azurerm_dns_zone", "aws_route53_resolver_rule", "google_dns_managed_zone", "aws_ses_domain_identity",
    };
    for (size_t i = 0; i < sizeof dns / sizeof dns[0]; i++)
        if (!zl_tf_is_unmapped_dns_type(dns[i], strlen(dns[i])))
            fail_msg("%s is a DNS record type", dns[i]);
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
        if (zl_tf_is_unmapped_dns_type(other[i], strlen(other[i])))
            fail_msg("%s is no DNS record type of an unmapped provider", other[i]);
    struct got *g = tf("resource \"njalla_record_txt\" \"spf\" {\n  domain = \"example.org\"\n  name = \"@\"\n"
                       "  content = \"v=spf1 include:_spf.protonmail.ch -all\"\n  ttl = 3600\n}\n"
                       "resource \"njalla_record_mx\" \"mx\" {\n  domain = \"example.org\"\n  name = \"@\"\n"
                       "  content = \"mail.protonmail.ch\"\n  priority = 10\n  ttl = 3600\n}\n"
                       "resource \"cloudns_dns_record\" \"d\" {\n  zone = \"example.org\"\n  name = \"_dmarc\"\n"
                       "  type = \"TXT\"\n  value = \"v=DMARC1; p=none\"\n  ttl = 3600\n}\n"
                       "resource \"njalla_record_txt\" \"dmarc\" {\n  domain = \"example.org\"\n  name = \"_dmarc\"\n"
                       "  content = \"v=DMARC1; p=none\"\n  ttl = 3600\n}\n");
    assert_string_equal((char *)g->diags.data,
                        "ZL1006 1:1 4 resources of DNS providers zonelint does not read are not checked: "
                        "njalla_record_txt, njalla_record_mx, cloudns_dns_record\n"
                        "  note: zonelint reads aws_route53_record, cloudflare_record, cloudflare_dns_record, "
                        "google_dns_record_set, azurerm_dns_*_record and digitalocean_record; lint a zone export "
                        "from this provider instead\n");
    got_free(g);
}


/* Modules: those holding DNS resources are read, however many others the
 * root calls; one without is read when a value it outputs is needed; a
 * DNS module kept out by a bound is a warning, once per root. */
static void test_modules_read(void **state)
{
    (void)state;
    char dir[] = "/tmp/zl-tfmod-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char p[512];
    static const char *const dirs[] = { "root", "root/noop", "root/cfg", "root/dns", "deep" };
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, dirs[i]);
        assert_int_equal(mkdir(p, 0700), 0);
    }
    struct zl_buf root = { 0 };
    for (int i = 0; i < 300; i++)
        zl_buf_printf(&root, "module \"noop%d\" {\n  source = \"./noop\"\n  n = %d\n}\n", i, i);
    zl_buf_puts(&root, "module \"cfg\" {\n  source = \"./cfg\"\n}\n"
                       "module \"dns\" {\n  source = \"./dns\"\n  domain = module.cfg.domain\n}\n");
    snprintf(p, sizeof p, "%s/root/main.tf", dir);
    write_file(p, zl_buf_cstr(&root));
    zl_buf_free(&root);
    snprintf(p, sizeof p, "%s/root/noop/main.tf", dir);
    write_file(p, "variable \"n\" {}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b${var.n}\"\n}\n");
    snprintf(p, sizeof p, "%s/root/cfg/main.tf", dir);
    write_file(p, "output \"domain\" {\n  value = \"example.com\"\n}\n");
    snprintf(p, sizeof p, "%s/root/dns/main.tf", dir);
    write_file(p, "variable \"domain\" {}\nresource \"aws_route53_zone\" \"z\" {\n  name = var.domain\n}\n"
                  "resource \"aws_route53_record\" \"d\" {\n  zone_id = aws_route53_zone.z.zone_id\n"
                  "  name = \"_dmarc\"\n  type = \"TXT\"\n  ttl = 300\n  records = [\"v=DMARC1; p=none\"]\n}\n");
    snprintf(p, sizeof p, "%s/root", dir);
    struct got *g = run(p, NULL, NULL, ZL_INPUT_AUTO, NULL);
    assert_string_equal((char *)g->recs.data, "_dmarc.example.com.\t300\tIN\tTXT\t\"v=DMARC1; p=none\"\n");
    assert_string_equal((char *)g->diags.data, "");
    got_free(g);

    /* 12 modules deep, the last with a record: kept out by the depth bound */
    char sub[400];
    snprintf(sub, sizeof sub, "%s/deep", dir);
    for (int i = 0; i < 12; i++) {
        snprintf(p, sizeof p, "%s/main.tf", sub);
        write_file(p, "module \"next\" {\n  source = \"./d\"\n}\n");
        size_t n = strlen(sub);
        snprintf(sub + n, sizeof sub - n, "/d");
        assert_int_equal(mkdir(sub, 0700), 0);
    }
    snprintf(p, sizeof p, "%s/main.tf", sub);
    write_file(p, "resource \"aws_route53_record\" \"r\" {\n  zone_id = \"Z1\"\n  name = \"www.example.com\"\n"
                  "  type = \"A\"\n  ttl = 60\n  records = [\"192.0.2.1\"]\n}\n");
    snprintf(p, sizeof p, "%s/deep", dir);
    g = run(p, NULL, NULL, ZL_INPUT_AUTO, NULL);
    assert_string_equal((char *)g->recs.data, "");
    assert_non_null(strstr((char *)g->diags.data, "1 local module with DNS resources is not read (more than 256 "
                                                  "modules, or nested deeper than 10): its records are not checked\n"
                                                  "  note: "));
    assert_non_null(strstr((char *)g->diags.data, "  (warning)\n"));
    got_free(g);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_route53_names),   cmocka_unit_test(test_route53_txt),
        cmocka_unit_test(test_route53_values),  cmocka_unit_test(test_route53_zone_unknown),
        cmocka_unit_test(test_unevaluated),     cmocka_unit_test(test_locals_variables_each),
        cmocka_unit_test(test_cloudflare),      cmocka_unit_test(test_other_providers),
        cmocka_unit_test(test_spans),           cmocka_unit_test(test_json_forms),
        cmocka_unit_test(test_detection),       cmocka_unit_test(test_directory),
        cmocka_unit_test(test_cloudflare_zone_lookups), cmocka_unit_test(test_zones_apart),
        cmocka_unit_test(test_served_by),       cmocka_unit_test(test_azure_defaults),
        cmocka_unit_test(test_unmapped_providers), cmocka_unit_test(test_modules_read),
    };
    return cmocka_run_group_tests_name("terraform", tests, NULL, NULL);
}
