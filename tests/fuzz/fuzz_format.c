/* SPDX-License-Identifier: MIT */
/* Fuzz targets for the other inputs zonelint reads: the structured exports
 * (Route 53 JSON/YAML, octoDNS YAML, Cloud DNS YAML/JSON, Route 53 change
 * batches, CloudFormation templates), linted with
 * every rule like a zone file, and the cross-check documents
 * (--ses-identity JSON, --expect-ns files), loaded and then used to lint a
 * fixed zone so that the rules comparing against them run.
 *
 * First byte for the exports:
 *   bit 0  --origin example.com.
 *   bit 1  shown as "example.com.json" / "example.com.yaml" (origin from the
 *          file name), else "fuzz"
 *   bit 3  reporter (zl_fuzz_report: bits 4-6)
 *   bit 7  also read it as `zonelint print` does and print every record
 * First byte for the cross-check documents:
 *   bit 0  --origin example.com. when linting the fixed zone
 *   bit 1  skip linting (only load and pick) */
#include <string.h>

#include "xcheck/delegation.h"
#include "input/readers.h"
#include "fuzz.h"
#include "report/print.h"
#include "xcheck/ses_identity.h"

static void print_record(void *user, const struct zl_record *rec)
{
    struct zl_buf *b = user;
    zl_print_record(rec, b);
    b->len = 0;
}

static void drop_diag(void *user, struct zl_diag *d)
{
    (void)user;
    zl_diag_free(d);
}

static int fuzz_export(const uint8_t *data, size_t size, enum zl_input_format fmt, const char *fname)
{
    if (size < 1 || size > ZL_FUZZ_MAX_INPUT)
        return 0;
    unsigned flags = data[0];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    const char *name = (flags & 2) ? fname : "fuzz";

    struct zl_lint_opts lo;
    memset(&lo, 0, sizeof lo);
    lo.origin = (flags & 1) ? zl_fuzz_origin() : NULL;
    lo.no_include = true;
    lo.input_format = (int)fmt;
    zl_fuzz_lint(text, len, name, &lo, flags);

    if (flags & 0x80) {
        struct zl_buf b = { 0 };
        struct zl_source *sources = NULL;
        struct zl_parse_opts po;
        memset(&po, 0, sizeof po);
        po.origin = lo.origin;
        po.zone = lo.origin;
        po.no_include = true;
        po.max_generate = zl_fuzz_max_generate;
        po.on_record = print_record;
        po.user = &b;
        po.sink.emit = drop_diag;
        po.sources = &sources;
        struct zl_parse_result res;
        zl_read_input(NULL, name, text, len, fmt, &po, &res, NULL);
        zl_parse_sources_free(sources);
        zl_buf_free(&b);
    }
    return 0;
}

int zl_fuzz_route53(const uint8_t *data, size_t size)
{
    return fuzz_export(data, size, ZL_INPUT_ROUTE53, "example.com.json");
}

int zl_fuzz_octodns(const uint8_t *data, size_t size)
{
    return fuzz_export(data, size, ZL_INPUT_OCTODNS, "example.com.yaml");
}

int zl_fuzz_gcloud(const uint8_t *data, size_t size)
{
    return fuzz_export(data, size, ZL_INPUT_GCLOUD, "example.com.yaml");
}

int zl_fuzz_r53change(const uint8_t *data, size_t size)
{
    return fuzz_export(data, size, ZL_INPUT_R53_CHANGE, "example.com.json");
}

int zl_fuzz_cloudformation(const uint8_t *data, size_t size)
{
    return fuzz_export(data, size, ZL_INPUT_CLOUDFORMATION, "example.com.yaml");
}

/* A zone an SES identity and a delegation can be checked against. */
static const char fixed_zone[] =
    "$TTL 3600\n"
    "@ SOA ns1.example.net. hostmaster 1 7200 3600 1209600 3600\n"
    "@ NS ns1.example.net.\n"
    "@ NS ns2.example.org.\n"
    "@ TXT \"v=spf1 include:amazonses.com -all\"\n"
    "4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com.\n"
    "tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo._domainkey CNAME tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo.dkim.amazonses.com\n"
    "sel._domainkey TXT \"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC\"\n"
    "_amazonses TXT \"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\"\n"
    "_dmarc TXT \"v=DMARC1; p=none; aspf=s\"\n"
    "bounce MX 10 feedback-smtp.us-east-1.amazonses.com.\n"
    "bounce TXT \"v=spf1 include:amazonses.com ~all\"\n"
    "sub NS ns1.example.net.\n";

static void lint_fixed(const struct zl_ses_expect *x, const struct zl_delegation *d, unsigned flags)
{
    struct zl_lint_opts lo;
    memset(&lo, 0, sizeof lo);
    lo.origin = (flags & 1) ? zl_fuzz_origin() : NULL;
    lo.no_include = true;
    lo.ses_expect = x;
    lo.expect_ns = d;
    zl_fuzz_lint(fixed_zone, sizeof fixed_zone - 1, "example.com.zone", &lo, 0);
}

int zl_fuzz_sesid(const uint8_t *data, size_t size)
{
    if (size < 1 || size > ZL_FUZZ_MAX_INPUT)
        return 0;
    unsigned flags = data[0];
    struct zl_ses_expect x;
    memset(&x, 0, sizeof x);
    char err[512];
    if (zl_ses_expect_load_buffer(&x, (const char *)data + 1, size - 1, "fuzz.json", err, sizeof err) == 0) {
        struct zl_ses_identity id;
        zl_ses_expect_pick(&x, zl_fuzz_origin(), &id);
        zl_ses_expect_pick(&x, NULL, &id);
        if (!(flags & 2))
            lint_fixed(&x, NULL, flags);
    }
    zl_ses_expect_free(&x);
    return 0;
}

int zl_fuzz_delegation(const uint8_t *data, size_t size)
{
    if (size < 1 || size > ZL_FUZZ_MAX_INPUT)
        return 0;
    unsigned flags = data[0];
    struct zl_delegation d;
    memset(&d, 0, sizeof d);
    char err[512];
    if (zl_delegation_parse_text(&d, (const char *)data + 1, size - 1, "fuzz.txt", err, sizeof err) == 0) {
        const struct zl_name *out[16];
        size_t other;
        zl_delegation_for(&d, zl_fuzz_origin(), out, 16, &other);
        if (!(flags & 2))
            lint_fixed(NULL, &d, flags);
    }
    zl_delegation_free(&d);
    return 0;
}
