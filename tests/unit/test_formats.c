/* SPDX-License-Identifier: MIT */
/* The structured readers (src/input/exports/) through zl_read_input: records,
 * names, TTLs and spans per format, octoDNS's and Route 53's own errors,
 * format detection, and `print` of each export fixture against the same
 * zone written as a BIND file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
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
#include "rdata/rdata.h"
#include "rdata/record.h"
#include "base/source.h"
#include "rdata/types.h"

#define MAX_RECS 64
#define MAX_DIAGS 16

struct trec {
    char line[1200];         /* print form */
    char owner_tok[256];
    uint32_t owner_flags, ttl;
    uint8_t ttl_source;
    struct zl_span owner_span, type_span;
    unsigned ntoks;
    struct zl_span tok_span[8];
    char tok[8][300];
    uint32_t tok_flags[8];
    uint8_t field_flags[8];
    char set_id[32];
};

struct tdiag {
    char code[8];
    char msg[1024];
    struct zl_span span;
};

struct got {
    struct trec recs[MAX_RECS];
    unsigned nrecs;
    struct tdiag diags[MAX_DIAGS];
    unsigned ndiags;
    struct zl_buf printed;
    struct zl_source *sources;
    struct zl_parse_result res;
    enum zl_input_format used;
};

static void on_record(void *user, const struct zl_record *rec)
{
    struct got *g = user;
    zl_print_record(rec, &g->printed);
    if (g->nrecs >= MAX_RECS)
        return;
    struct trec *t = &g->recs[g->nrecs++];
    memset(t, 0, sizeof *t);
    struct zl_buf b = { 0 };
    zl_print_record(rec, &b);
    snprintf(t->line, sizeof t->line, "%.*s", (int)(b.len ? b.len - 1 : 0), (const char *)b.data);
    zl_buf_free(&b);
    snprintf(t->owner_tok, sizeof t->owner_tok, "%.*s", (int)rec->owner_tok.len, rec->owner_tok.text);
    t->owner_flags = rec->owner_flags;
    t->ttl = rec->ttl;
    t->ttl_source = rec->ttl_source;
    t->owner_span = rec->owner_tok.span;
    t->type_span = rec->type_span;
    t->ntoks = rec->ntoks;
    for (unsigned i = 0; i < rec->ntoks && i < 8; i++) {
        t->tok_span[i] = rec->toks[i].span;
        t->tok_flags[i] = rec->toks[i].flags;
        snprintf(t->tok[i], sizeof t->tok[i], "%.*s", (int)rec->toks[i].len, rec->toks[i].text);
    }
    for (unsigned i = 0; i < rec->nfields && i < 8; i++)
        t->field_flags[i] = rec->fields[i].flags;
    if (rec->set_id)
        snprintf(t->set_id, sizeof t->set_id, "%.*s", (int)rec->set_id_len, rec->set_id);
}

static void on_diag(void *user, struct zl_diag *d)
{
    struct got *g = user;
    if (g->ndiags < MAX_DIAGS) {
        struct tdiag *t = &g->diags[g->ndiags++];
        snprintf(t->code, sizeof t->code, "%s", d->code);
        snprintf(t->msg, sizeof t->msg, "%s", d->message);
        t->span = d->span;
    }
    zl_diag_free(d);
}

static struct got *read_text(const char *text, const char *name, enum zl_input_format fmt)
{
    struct got *g = calloc(1, sizeof *g);
    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    po.on_record = on_record;
    po.user = g;
    po.sink.emit = on_diag;
    po.sink.user = g;
    po.sources = &g->sources;
    zl_read_input(NULL, name, text, strlen(text), fmt, &po, &g->res, &g->used);
    return g;
}

static struct got *read_path(const char *path, const struct zl_name *zone)
{
    struct got *g = calloc(1, sizeof *g);
    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    po.origin = zone;
    po.zone = zone;
    po.on_record = on_record;
    po.user = g;
    po.sink.emit = on_diag;
    po.sink.user = g;
    po.sources = &g->sources;
    zl_read_input(path, NULL, NULL, 0, ZL_INPUT_AUTO, &po, &g->res, &g->used);
    return g;
}

static void got_free(struct got *g)
{
    zl_buf_free(&g->printed);
    zl_parse_sources_free(g->sources);
    free(g);
}

static void assert_at(struct zl_span s, uint32_t line, uint32_t col, uint32_t end_col)
{
    assert_int_equal(s.line, line);
    assert_int_equal(s.col, col);
    if (end_col)
        assert_int_equal(s.end_col, end_col);
}

/* ---- Route 53 ------------------------------------------------------------------- */

static const char r53[] =
    "{\n"                                                                      /* 1 */
    "    \"ResourceRecordSets\": [\n"                                          /* 2 */
    "        {\"Name\": \"example.com.\", \"Type\": \"A\",\n"                  /* 3 */
    "         \"AliasTarget\": {\"HostedZoneId\": \"Z2FDTNDATAQYW2\", \"DNSName\": \"d1.cloudfront.net.\", \"EvaluateTargetHealth\": false}},\n"
    "        {\"Name\": \"example.com.\", \"Type\": \"MX\", \"TTL\": 300,\n"   /* 5 */
    "         \"ResourceRecords\": [{\"Value\": \"10 mx.example.net.\"}]},\n"  /* 6 */
    "        {\"Name\": \"\\\\052.example.com.\", \"Type\": \"CNAME\", \"TTL\": 60,\n" /* 7 */
    "         \"ResourceRecords\": [{\"Value\": \"lb.example.net\"}]},\n"      /* 8 */
    "        {\"Name\": \"k._domainkey.example.com\", \"Type\": \"TXT\", \"TTL\": 1800,\n" /* 9 */
    "         \"ResourceRecords\": [{\"Value\": \"\\\"v=DKIM1; p=AB\\\" \\\"CD\\\"\"}]},\n" /* 10 */
    "        {\"Name\": \"www.example.com.\", \"Type\": \"A\", \"SetIdentifier\": \"eu\", \"TTL\": 60,\n"
    "         \"ResourceRecords\": [{\"Value\": \"192.0.2.1\"}]},\n"           /* 12 */
    "        {\"Name\": \"t.example.com.\", \"Type\": \"TXT\", \"TTL\": 60,\n" /* 13 */
    "         \"ResourceRecords\": [{\"Value\": \"\\\"a\\\\040b\\\"\"}]}\n"    /* 14 */
    "    ]\n"
    "}\n";

static void test_route53_records(void **state)
{
    (void)state;
    struct got *g = read_text(r53, "example.com.json", ZL_INPUT_AUTO);
    assert_int_equal(g->used, ZL_INPUT_ROUTE53);
    assert_int_equal(g->ndiags, 0);
    assert_int_equal(g->nrecs, 5); /* the alias is skipped */
    assert_string_equal(g->recs[0].line, "example.com.\t300\tIN\tMX\t10 mx.example.net.");
    /* MX: each token has its own column inside the JSON string */
    assert_at(g->recs[0].tok_span[0], 6, 41, 43);
    assert_at(g->recs[0].tok_span[1], 6, 44, 59);
    assert_at(g->recs[0].owner_span, 5, 19, 31);
    /* \052 (octal) is '*'; a target without its dot is absolute in Route 53 */
    assert_string_equal(g->recs[1].line, "*.example.com.\t60\tIN\tCNAME\tlb.example.net.");
    assert_string_equal(g->recs[1].owner_tok, "*.example.com.");
    assert_true(g->recs[1].field_flags[0] & ZL_NAME_F_ABSOLUTE);
    assert_false(g->recs[1].field_flags[0] & ZL_NAME_F_RELATIVE);
    /* names without their dot are absolute too */
    assert_string_equal(g->recs[2].line, "k._domainkey.example.com.\t1800\tIN\tTXT\t\"v=DKIM1; p=AB\" \"CD\"");
    assert_true(g->recs[2].owner_flags & ZL_OWNER_ABSOLUTE);
    assert_int_equal(g->recs[2].ntoks, 2);
    assert_string_equal(g->recs[2].tok[0], "v=DKIM1; p=AB");
    assert_true(g->recs[2].tok_flags[0] & ZL_TOK_QUOTED);
    /* the span covers the escaped quotes of the JSON string */
    assert_at(g->recs[2].tok_span[0], 10, 41, 58);
    assert_at(g->recs[2].tok_span[1], 10, 59, 65);
    assert_string_equal(g->recs[3].set_id, "eu");
    /* \040 inside a TXT value is an octal space */
    assert_string_equal(g->recs[4].line, "t.example.com.\t60\tIN\tTXT\t\"a b\"");
    got_free(g);
}

static void test_route53_pages(void **state)
{
    (void)state;
    static const char pages[] =
        "{\"ResourceRecordSets\": [{\"Name\": \"a.example.com.\", \"Type\": \"A\", \"TTL\": 1,"
        " \"ResourceRecords\": [{\"Value\": \"192.0.2.1\"}]}], \"IsTruncated\": true}\n"
        "{\"ResourceRecordSets\": [{\"Name\": \"b.example.com.\", \"Type\": \"A\", \"TTL\": 2,"
        " \"ResourceRecords\": [{\"Value\": \"192.0.2.2\"}]}], \"IsTruncated\": false}\n";
    struct got *g = read_text(pages, "x.json", ZL_INPUT_AUTO);
    assert_int_equal(g->ndiags, 0);
    assert_int_equal(g->nrecs, 2);
    assert_string_equal(g->recs[1].line, "b.example.com.\t2\tIN\tA\t192.0.2.2");
    assert_at(g->recs[1].tok_span[0], 2, 106, 115);
    got_free(g);

    static const char array[] =
        "[{\"ResourceRecordSets\": [{\"Name\": \"a.example.com.\", \"Type\": \"A\", \"TTL\": 1,"
        " \"ResourceRecords\": [{\"Value\": \"192.0.2.1\"}]}]},\n"
        " {\"ResourceRecordSets\": [{\"Name\": \"b.example.com.\", \"Type\": \"AAAA\", \"TTL\": 2,"
        " \"ResourceRecords\": [{\"Value\": \"2001:db8::2\"}]}]}]\n";
    g = read_text(array, "x.json", ZL_INPUT_ROUTE53);
    assert_int_equal(g->ndiags, 0);
    assert_int_equal(g->nrecs, 2);
    assert_string_equal(g->recs[1].line, "b.example.com.\t2\tIN\tAAAA\t2001:db8::2");
    got_free(g);
}

static void test_route53_errors(void **state)
{
    (void)state;
    static const char bad[] =
        "{\"ResourceRecordSets\": [\n"
        "  {\"Name\": \"t.example.com.\", \"Type\": \"TXT\", \"TTL\": 60, \"ResourceRecords\": [{\"Value\": \"abc\"}]},\n"
        "  {\"Name\": \"m.example.com.\", \"Type\": \"MX\", \"TTL\": 60, \"ResourceRecords\": [{\"Value\": \"mail.example.com.\"}]},\n"
        "  {\"Name\": \"n.example.com.\", \"Type\": \"A\", \"ResourceRecords\": [{\"Value\": \"192.0.2.1\"}]}\n"
        "]}\n";
    struct got *g = read_text(bad, "x.json", ZL_INPUT_AUTO);
    assert_int_equal(g->nrecs, 0);
    assert_int_equal(g->ndiags, 3);
    assert_string_equal(g->diags[0].code, "ZL1001");
    assert_non_null(strstr(g->diags[0].msg, "not enclosed in quotation marks; Route 53 rejects it"));
    assert_at(g->diags[0].span, 2, 87, 90);
    assert_at(g->diags[1].span, 3, 86, 103); /* the MX preference is missing: at the token */
    assert_non_null(strstr(g->diags[2].msg, "no TTL"));
    got_free(g);
}

/* ---- octoDNS --------------------------------------------------------------------- */

static const char octo[] =
    "---\n"                                                  /* 1 */
    "? ''\n"                                                 /* 2 */
    ": - type: MX\n"                                         /* 3 */
    "    values:\n"                                          /* 4 */
    "    - exchange: mx1.example.net.\n"                     /* 5 */
    "      preference: 10\n"                                 /* 6 */
    "  - ttl: 600\n"                                         /* 7 */
    "    type: TXT\n"                                        /* 8 */
    "    value: v=spf1 include:amazonses.com -all\n"         /* 9 */
    "k1._domainkey:\n"                                       /* 10 */
    "  type: TXT\n"                                          /* 11 */
    "  value: v=DKIM1\\; k=rsa\\; p=MIGf\n"                  /* 12 */
    "www:\n"                                                 /* 13 */
    "  type: CNAME\n"                                        /* 14 */
    "  value: example.com.\n"                                /* 15 */
    "_sip._tcp:\n"                                           /* 16 */
    "  type: SRV\n"                                          /* 17 */
    "  values:\n"                                            /* 18 */
    "  - {port: 5060, priority: 10, target: sip.example.net., weight: 5}\n";

static void test_octodns_records(void **state)
{
    (void)state;
    struct got *g = read_text(octo, "example.com.yaml", ZL_INPUT_AUTO);
    assert_int_equal(g->used, ZL_INPUT_OCTODNS);
    assert_int_equal(g->ndiags, 0);
    assert_int_equal(g->nrecs, 5);
    assert_string_equal(g->recs[0].line, "example.com.\t3600\tIN\tMX\t10 mx1.example.net.");
    assert_int_equal(g->recs[0].ttl_source, ZL_TTL_DEFAULT);
    assert_true(g->recs[0].owner_flags & ZL_OWNER_AT);
    assert_at(g->recs[0].tok_span[0], 6, 19, 21);
    assert_at(g->recs[0].tok_span[1], 5, 17, 33);
    assert_string_equal(g->recs[1].line, "example.com.\t600\tIN\tTXT\t\"v=spf1 include:amazonses.com -all\"");
    assert_int_equal(g->recs[1].ttl_source, ZL_TTL_EXPLICIT);
    /* \; is octoDNS's escape, and a presentation escape as well */
    assert_string_equal(g->recs[2].line, "k1._domainkey.example.com.\t3600\tIN\tTXT\t\"v=DKIM1; k=rsa; p=MIGf\"");
    assert_string_equal(g->recs[2].owner_tok, "k1._domainkey");
    assert_true(g->recs[2].owner_flags & ZL_OWNER_RELATIVE);
    assert_at(g->recs[2].owner_span, 10, 1, 14);
    assert_string_equal(g->recs[3].line, "www.example.com.\t3600\tIN\tCNAME\texample.com.");
    assert_at(g->recs[3].tok_span[0], 15, 10, 22);
    assert_string_equal(g->recs[4].line, "_sip._tcp.example.com.\t3600\tIN\tSRV\t10 5 5060 sip.example.net.");
    got_free(g);
}

static void test_octodns_txt_chunks(void **state)
{
    (void)state;
    struct zl_buf y = { 0 };
    zl_buf_puts(&y, "big:\n  type: TXT\n  value: p=");
    for (int i = 0; i < 300; i++)
        zl_buf_putc(&y, (uint8_t)('A' + i % 26));
    zl_buf_puts(&y, "\n");
    struct got *g = read_text(zl_buf_cstr(&y), "example.com.yaml", ZL_INPUT_OCTODNS);
    zl_buf_free(&y);
    assert_int_equal(g->ndiags, 0);
    assert_int_equal(g->nrecs, 1);
    assert_int_equal(g->recs[0].ntoks, 2);
    assert_int_equal(strlen(g->recs[0].tok[0]), 255);
    assert_int_equal(strlen(g->recs[0].tok[1]), 47);
    /* one column before the value, where a zone file's quote would be */
    assert_at(g->recs[0].tok_span[0], 3, 9, 266);
    assert_at(g->recs[0].tok_span[1], 3, 264, 313);
    got_free(g);
}

static void test_octodns_errors(void **state)
{
    (void)state;
    static const char bad[] =
        "'@':\n"
        "  type: A\n"
        "  value: 192.0.2.1\n"
        "dkim:\n"
        "  type: CNAME\n"
        "  value: x.dkim.amazonses.com\n"
        "_dmarc:\n"
        "  type: TXT\n"
        "  value: v=DMARC1; p=none\n"
        "mx:\n"
        "  type: MX\n"
        "  value:\n"
        "    exchange: mail.example.com\n"
        "    preference: 10\n"
        "loose:\n"
        "  octodns:\n"
        "    lenient: true\n"
        "  type: CNAME\n"
        "  value: target\n"
        "x.:\n"
        "  type: A\n"
        "  value: 192.0.2.2\n"
        "odd:\n"
        "  type: FOO\n"
        "  value: bar\n";
    struct got *g = read_text(bad, "example.com.yaml", ZL_INPUT_AUTO);
    assert_int_equal(g->used, ZL_INPUT_OCTODNS);
    assert_int_equal(g->ndiags, 6);
    assert_string_equal(g->diags[0].msg, "invalid name \"@\", use \"\" instead");
    assert_string_equal(g->diags[0].code, "ZL1001");
    assert_at(g->diags[0].span, 1, 2, 3);
    /* Values octoDNS refuses to sync: their own code, and the record stays. */
    assert_string_equal(g->diags[1].msg,
                        "octoDNS refuses to sync this zone: CNAME value \"x.dkim.amazonses.com\" missing trailing .");
    assert_string_equal(g->diags[1].code, "ZL1004");
    assert_at(g->diags[1].span, 6, 10, 30);
    assert_string_equal(g->diags[2].msg, "octoDNS refuses to sync this zone: unescaped ; in \"v=DMARC1; p=none\"");
    assert_string_equal(g->diags[2].code, "ZL1004");
    assert_string_equal(g->diags[3].msg,
                        "octoDNS refuses to sync this zone: MX exchange \"mail.example.com\" missing trailing .");
    assert_at(g->diags[3].span, 13, 15, 31);
    assert_string_equal(g->diags[3].code, "ZL1004");
    assert_string_equal(g->diags[4].msg, "invalid name, double `.` in \"x..example.com.\"");
    assert_string_equal(g->diags[4].code, "ZL1001");
    assert_string_equal(g->diags[5].msg, "Unknown record type: \"FOO\"");
    assert_string_equal(g->diags[5].code, "ZL1001");
    /* A target without its dot is absolute, as the providers read it. */
    assert_int_equal(g->nrecs, 4);
    assert_string_equal(g->recs[0].line, "dkim.example.com.\t3600\tIN\tCNAME\tx.dkim.amazonses.com.");
    assert_string_equal(g->recs[2].line, "mx.example.com.\t3600\tIN\tMX\t10 mail.example.com.");
    assert_string_equal(g->recs[3].line, "loose.example.com.\t3600\tIN\tCNAME\ttarget.");
    got_free(g);
}

static void test_octodns_needs_zone(void **state)
{
    (void)state;
    /* a file whose name is no zone's (NamedFileYamlProvider's shared
     * records): one info, not an error, and nothing invented */
    struct got *g = read_text("www:\n  type: A\n  value: 192.0.2.1\n", "records.yaml", ZL_INPUT_AUTO);
    assert_int_equal(g->used, ZL_INPUT_OCTODNS);
    assert_false(g->res.io_error);
    assert_int_equal(g->ndiags, 1);
    assert_string_equal(g->diags[0].code, "ZL1005");
    assert_int_equal(g->nrecs, 0);
    got_free(g);
}

/* ---- Cloud DNS --------------------------------------------------------------------- */

static const char gcl[] =
    "---\n"                                              /* 1 */
    "kind: dns#resourceRecordSet\n"                      /* 2 */
    "name: example.com.\n"                               /* 3 */
    "rrdatas:\n"                                         /* 4 */
    "- ns-cloud-a1.googledomains.com. cloud-dns-hostmaster.google.com. 1 21600 3600 259200\n"
    "  300\n"                                            /* 6 */
    "ttl: 21600\n"                                       /* 7 */
    "type: SOA\n"                                        /* 8 */
    "---\n"                                              /* 9 */
    "kind: dns#resourceRecordSet\n"                      /* 10 */
    "name: bounce.example.com.\n"                        /* 11 */
    "rrdatas:\n"                                         /* 12 */
    "- 10 feedback-smtp.us-east-1.amazonses.com\n"       /* 13 */
    "- '\"v=spf1 include:amazonses.com ~all\"'\n"        /* 14 */
    "ttl: 300\n"                                         /* 15 */
    "type: MX\n";

static void test_gcloud_records(void **state)
{
    (void)state;
    struct got *g = read_text(gcl, "export.yaml", ZL_INPUT_AUTO);
    assert_int_equal(g->used, ZL_INPUT_GCLOUD);
    /* the second rrdata is not an MX: reported at its token */
    assert_int_equal(g->ndiags, 1);
    assert_at(g->diags[0].span, 14, 4, 39);
    assert_int_equal(g->nrecs, 2);
    assert_string_equal(g->recs[0].line, "example.com.\t21600\tIN\tSOA\tns-cloud-a1.googledomains.com. "
                                         "cloud-dns-hostmaster.google.com. 1 21600 3600 259200 300");
    /* folded over two lines: every token points at the scalar */
    assert_at(g->recs[0].tok_span[6], 5, 3, 0);
    /* no trailing dot: relative to the zone, as in a zone file */
    assert_string_equal(g->recs[1].line,
                        "bounce.example.com.\t300\tIN\tMX\t10 feedback-smtp.us-east-1.amazonses.com.example.com.");
    assert_true(g->recs[1].field_flags[1] & ZL_NAME_F_RELATIVE);
    assert_at(g->recs[1].tok_span[1], 13, 6, 43);
    got_free(g);
}

/* ---- detection ----------------------------------------------------------------------- */

static void test_detect(void **state)
{
    (void)state;
    char why[256];
#define DETECT(s, name) zl_input_format_detect(s, strlen(s), name, why, sizeof why)
    assert_int_equal(DETECT("$ORIGIN example.com.\n@ IN A 192.0.2.1\n", "x.zone"), ZL_INPUT_ZONE);
    assert_int_equal(DETECT("host IN AAAA 2001:db8::\n", NULL), ZL_INPUT_ZONE);
    assert_int_equal(DETECT("; c\nexample.com. 3600 IN A 192.0.2.1\n", NULL), ZL_INPUT_ZONE);
    assert_int_equal(DETECT("{\n  \"ResourceRecordSets\": []\n}\n", NULL), ZL_INPUT_ROUTE53);
    assert_int_equal(DETECT("ResourceRecordSets:\n- Name: a.\n", NULL), ZL_INPUT_ROUTE53);
    assert_int_equal(DETECT("# export\n---\nkind: dns#resourceRecordSet\n", NULL), ZL_INPUT_GCLOUD);
    assert_int_equal(DETECT("[{\"kind\": \"dns#resourceRecordSet\", \"rrdatas\": []}]", NULL), ZL_INPUT_GCLOUD);
    assert_int_equal(DETECT("---\n? ''\n: - type: A\n    value: 192.0.2.1\n", NULL), ZL_INPUT_OCTODNS);
    assert_int_equal(DETECT("www:\n  type: A\n", NULL), ZL_INPUT_OCTODNS);
    assert_int_equal(DETECT("{\"zones\": []}\n", NULL), -1);
    assert_non_null(strstr(why, "JSON"));
    assert_int_equal(DETECT("name: x\nvalue: y\n", NULL), -1);
    assert_int_equal(DETECT("@ IN A 192.0.2.1\n", "zone.yaml"), -1);
#undef DETECT
    enum zl_input_format f;
    assert_int_equal(zl_input_format_from_name("Route53", &f), 0);
    assert_int_equal(f, ZL_INPUT_ROUTE53);
    assert_int_equal(zl_input_format_from_name("bind", &f), -1);
    assert_string_equal(zl_input_format_name(ZL_INPUT_GCLOUD), "gcloud");
}

/* The reader table: names round-trip, every row but the zone file's can be
 * detected, and the messages name every reader. */
static void test_reader_table(void **state)
{
    (void)state;
    char names[256], why[512];
    zl_input_format_names(names, sizeof names);
    for (int f = 0; f < ZL_INPUT_AUTO; f++) {
        const struct zl_reader *r = zl_reader_of((enum zl_input_format)f);
        assert_int_equal(r->id, f);
        enum zl_input_format back;
        assert_int_equal(zl_input_format_from_name(r->name, &back), 0);
        assert_int_equal(back, f);
        assert_non_null(strstr(names, r->name));
        assert_non_null(strstr(zl_input_format_words(), r->name));
        assert_true((f == ZL_INPUT_ZONE) == (r->sniff == NULL));
        assert_true((f == ZL_INPUT_ZONE) == (r->read == NULL));
    }
    assert_int_equal(zl_reader_of(ZL_INPUT_AUTO)->id, ZL_INPUT_ZONE);
    const char *json = "{\"items\": []}\n";
    assert_int_equal(zl_input_format_detect(json, strlen(json), "x.json", why, sizeof why), -1);
    for (int f = 1; f < ZL_INPUT_AUTO; f++)
        assert_non_null(strstr(why, zl_reader_of((enum zl_input_format)f)->looks_for));
    const char *zone = "@ IN SOA ns h 1 2 3 4 5\n";
    assert_int_equal(zl_input_format_detect(zone, strlen(zone), "db.x", NULL, 0), ZL_INPUT_ZONE);
}

static void test_unknown_content(void **state)
{
    (void)state;
    /* Read fine, but no format fits: a finding on line 1 (exit 1), not an I/O error. */
    struct got *g = read_text("{\"zones\": []}\n", "x.json", ZL_INPUT_AUTO);
    assert_false(g->res.io_error);
    assert_int_equal(g->res.errors, 1);
    assert_int_equal(g->ndiags, 1);
    assert_string_equal(g->diags[0].code, "ZL1001");
    assert_int_equal(g->diags[0].span.line, 1);
    assert_non_null(strstr(g->diags[0].msg, "tried: zone file, "));
    for (int f = 1; f < ZL_INPUT_AUTO; f++)
        assert_non_null(strstr(g->diags[0].msg, zl_reader_of((enum zl_input_format)f)->title));
    got_free(g);

    g = read_text("{\"ResourceRecordSets\": [\n  {\"Name\": \"a.\",}\n", "x.json", ZL_INPUT_AUTO);
    assert_int_equal(g->ndiags, 1);
    assert_string_equal(g->diags[0].code, "ZL1001");
    assert_non_null(strstr(g->diags[0].msg, "JSON syntax error"));
    assert_int_equal(g->diags[0].span.line, 3); /* the end of the input: nothing closes */
    got_free(g);
}

static void test_source_format(void **state)
{
    (void)state;
    struct got *g = read_text(gcl, "export.yaml", ZL_INPUT_AUTO);
    assert_non_null(g->sources);
    assert_int_equal(zl_source_input_format(g->sources), ZL_INPUT_GCLOUD);
    got_free(g);
    g = read_text("@ 60 IN A 192.0.2.1\n", "example.com", ZL_INPUT_AUTO);
    assert_int_equal(zl_source_input_format(g->sources), ZL_INPUT_ZONE);
    got_free(g);
}

/* ---- print of the fixtures equals print of their BIND twins -------------------------- */

static void same_print(const char *export_path, const char *bind_path)
{
    struct zl_name zone;
    assert_int_equal(zl_name_from_text(&zone, "example.com.", 12, NULL, NULL), ZL_NAME_OK);
    struct got *a = read_path(export_path, NULL);
    struct got *b = read_path(bind_path, &zone);
    assert_false(a->res.io_error);
    assert_false(b->res.io_error);
    assert_true(a->nrecs > 20);
    assert_int_equal(b->ndiags, 0);
    assert_int_equal(a->printed.len, b->printed.len);
    assert_memory_equal(a->printed.data, b->printed.data, a->printed.len);
    got_free(a);
    got_free(b);
}

static void test_print_route53(void **state)
{
    (void)state;
    same_print("tests/cli/cases/print-route53/example.com.json",
               "tests/cli/cases/print-route53/example.com.zone");
}

static void test_print_octodns(void **state)
{
    (void)state;
    same_print("tests/cli/cases/print-octodns/example.com.yaml",
               "tests/cli/cases/print-octodns/example.com.zone");
}

static void test_print_gcloud(void **state)
{
    (void)state;
    same_print("tests/cli/cases/print-gcloud/example.com.yaml",
               "tests/cli/cases/print-gcloud/example.com.zone");
}

/* ---- octoDNS configs: which zones are lenient ------------------------------------------ */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A repository laid out as octoDNS users do: config/production.yaml, zones/. */
static char *octodns_repo(const char *zones_config)
{
    char *top = strdup("/tmp/zl-octodns-XXXXXX");
    assert_non_null(mkdtemp(top));
    char p[512];
    snprintf(p, sizeof p, "%s/.git", top);
    assert_int_equal(mkdir(p, 0700), 0);
    snprintf(p, sizeof p, "%s/config", top);
    assert_int_equal(mkdir(p, 0700), 0);
    snprintf(p, sizeof p, "%s/zones", top);
    assert_int_equal(mkdir(p, 0700), 0);
    char cfg[1024];
    snprintf(cfg, sizeof cfg,
             "---\nproviders:\n  config:\n    class: octodns.provider.yaml.YamlProvider\n"
             "    directory: ./zones\n  r53:\n    class: octodns_route53.Route53Provider\nzones:\n%s",
             zones_config);
    snprintf(p, sizeof p, "%s/config/production.yaml", top);
    write_file(p, cfg);
    snprintf(p, sizeof p, "%s/zones/example.com.yaml", top);
    write_file(p, "www:\n  type: CNAME\n  value: www.example.net\n");
    return top;
}

static void rm_repo(char *top)
{
    char p[512];
    static const char *const parts[] = { "zones/example.com.yaml", "config/production.yaml", "zones", "config", ".git" };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", top, parts[i]);
        remove(p);
    }
    rmdir(top);
    free(top);
}

static struct got *read_repo_zone(const char *top, const char *config)
{
    char p[512];
    snprintf(p, sizeof p, "%s/zones/example.com.yaml", top);
    struct got *g = calloc(1, sizeof *g);
    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    po.octodns_config = config;
    po.on_record = on_record;
    po.user = g;
    po.sink.emit = on_diag;
    po.sink.user = g;
    po.sources = &g->sources;
    zl_read_input(p, NULL, NULL, 0, ZL_INPUT_AUTO, &po, &g->res, &g->used);
    return g;
}

static void test_octodns_config_lenient(void **state)
{
    (void)state;
    /* A dynamic "*" entry with lenient: the dotless target is read as absolute, silently. */
    char *top = octodns_repo("  '*':\n    lenient: true\n    sources: [config]\n    targets: [r53]\n");
    struct got *g = read_repo_zone(top, NULL);
    assert_int_equal(g->ndiags, 0);
    assert_int_equal(g->nrecs, 1);
    assert_string_equal(g->recs[0].line, "www.example.com.\t3600\tIN\tCNAME\twww.example.net.");
    got_free(g);
    rm_repo(top);

    /* The zone's own entry wins over a dynamic one, and it is not lenient. */
    top = octodns_repo("  example.com.:\n    sources: [config]\n  '*':\n    lenient: true\n");
    g = read_repo_zone(top, NULL);
    assert_int_equal(g->ndiags, 1);
    assert_string_equal(g->diags[0].code, "ZL1004");
    assert_int_equal(g->nrecs, 1); /* and the record stays */
    got_free(g);
    rm_repo(top);

    /* A dynamic entry whose glob does not take the zone; the next one does. */
    top = octodns_repo("  '*.org':\n    glob: '*.org.'\n    lenient: true\n  '*':\n    regex: 'com\\.$'\n"
                       "    lenient: false\n");
    g = read_repo_zone(top, NULL);
    assert_int_equal(g->ndiags, 1);
    assert_string_equal(g->diags[0].code, "ZL1004");
    got_free(g);
    rm_repo(top);

    /* A config that is a link out of the work tree is not read: the zone is
     * not lenient, as with no config. */
    top = octodns_repo("  '*':\n    lenient: true\n");
    char p[600], outside[] = "/tmp/zl-octodns-outside-XXXXXX";
    int fd = mkstemp(outside);
    assert_true(fd >= 0);
    const char cfgtext[] = "---\nproviders:\n  config:\n    class: octodns.provider.yaml.YamlProvider\n"
                           "    directory: ./zones\nzones:\n  '*':\n    lenient: true\n";
    assert_int_equal(write(fd, cfgtext, sizeof cfgtext - 1), (long)(sizeof cfgtext - 1));
    close(fd);
    snprintf(p, sizeof p, "%s/config/production.yaml", top);
    assert_int_equal(unlink(p), 0);
    assert_int_equal(symlink(outside, p), 0);
    g = read_repo_zone(top, NULL);
    assert_int_equal(g->ndiags, 1);
    assert_string_equal(g->diags[0].code, "ZL1004");
    got_free(g);
    unlink(outside);
    rm_repo(top);

    /* --octodns-config that cannot be read: an input error, not a silent default. */
    top = octodns_repo("  '*':\n    lenient: true\n");
    g = read_repo_zone(top, "/nonexistent/octodns.yaml");
    assert_true(g->res.io_error);
    assert_int_equal(g->ndiags, 1);
    assert_string_equal(g->diags[0].code, "ZL1000");
    got_free(g);
    rm_repo(top);
}

/* YAML merge keys, as octoDNS's loader (PyYAML SafeLoader) reads them. */
static void test_octodns_merge_keys(void **state)
{
    (void)state;
    struct got *g = read_text("---\n"
                              "web: &site\n  type: CNAME\n  value: pages.example.net.\n"
                              "www:\n  <<: *site\n"
                              "short: &short\n  type: A\n  ttl: 60\n  value: 192.0.2.1\n"
                              "api:\n  <<: [*short, *site]\n  value: 192.0.2.2\n",
                              "example.com.yaml", ZL_INPUT_AUTO);
    assert_int_equal(g->ndiags, 0);
    assert_int_equal(g->nrecs, 4);
    assert_string_equal(g->recs[1].line, "www.example.com.\t3600\tIN\tCNAME\tpages.example.net.");
    /* the earlier merge wins (type A, ttl 60 of *short); the own value wins over both */
    assert_string_equal(g->recs[3].line, "api.example.com.\t60\tIN\tA\t192.0.2.2");
    got_free(g);
}

static void test_octodns_provider_types(void **state)
{
    (void)state;
    struct got *g = read_text("'':\n  - type: Route53Provider/ALIAS\n    value:\n      type: A\n"
                              "      name: d1.cloudfront.net.\n      hosted-zone-id: Z2FDTNDATAQYW2\n"
                              "  - type: A\n    value: 192.0.2.1\nx:\n  type: CloudflareProvider/PAGE\n  value: y\n",
                              "example.com.yaml", ZL_INPUT_AUTO);
    assert_int_equal(g->nrecs, 1);
    assert_int_equal(g->ndiags, 1);
    assert_string_equal(g->diags[0].code, "ZL1005");
    assert_non_null(strstr(g->diags[0].msg, "2 records"));
    assert_at(g->diags[0].span, 2, 11, 32);
    got_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_route53_records),
        cmocka_unit_test(test_route53_pages),
        cmocka_unit_test(test_route53_errors),
        cmocka_unit_test(test_octodns_records),
        cmocka_unit_test(test_octodns_txt_chunks),
        cmocka_unit_test(test_octodns_merge_keys),
        cmocka_unit_test(test_octodns_errors),
        cmocka_unit_test(test_octodns_needs_zone),
        cmocka_unit_test(test_octodns_config_lenient),
        cmocka_unit_test(test_octodns_provider_types),
        cmocka_unit_test(test_gcloud_records),
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_reader_table),
        cmocka_unit_test(test_unknown_content),
        cmocka_unit_test(test_source_format),
        cmocka_unit_test(test_print_route53),
        cmocka_unit_test(test_print_octodns),
        cmocka_unit_test(test_print_gcloud),
    };
    return cmocka_run_group_tests_name("formats", tests, NULL, NULL);
}
