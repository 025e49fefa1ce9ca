/* SPDX-License-Identifier: MIT */
/* BIND-style provider dialects (src/input/dialect.c, the dialect section of
 * src/input/parser.c): detection from headers, SOA and cli53 pseudo-records,
 * how each dialect reads names and TTLs, the header/origin mismatch
 * warning, --dialect overrides, and the rules that must stay quiet on a
 * dialect's normal habits (or speak up on its real problems). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "input/dialect.h"
#include "lint/lint.h"
#include "base/names.h"
#include "input/parser.h"
#include "rdata/rdata.h"
#include "rdata/record.h"
#include "base/source.h"

/* ---- collecting what the parser hands out ------------------------------ */

struct trec {
    char owner[ZL_NAME_TEXT_MAX];
    char rdata[1024];
    uint16_t type;
    uint32_t ttl;
    uint32_t owner_flags;
    char set_id[64];
    char comment[256];
    unsigned line;
};

struct tdiag {
    char code[16];
    enum zl_severity sev;
    unsigned line, col, end_col;
    char msg[512];
};

static struct {
    struct trec recs[64];
    size_t nrecs;
    struct tdiag diags[64];
    size_t ndiags;
    struct zl_parse_result res;
    struct zl_source *sources;
} G;

static void copy(char *dst, size_t cap, const char *src, size_t n)
{
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static void on_record(void *user, const struct zl_record *rec)
{
    (void)user;
    assert_true(G.nrecs < sizeof G.recs / sizeof G.recs[0]);
    struct trec *r = &G.recs[G.nrecs++];
    memset(r, 0, sizeof *r);
    zl_name_to_text(&rec->owner, r->owner);
    struct zl_buf b = { 0 };
    if (zl_rdata_to_text(rec->type, rec->rdata, rec->rdlen, &b) == 0)
        copy(r->rdata, sizeof r->rdata, (const char *)b.data, b.len);
    zl_buf_free(&b);
    r->type = rec->type;
    r->ttl = rec->ttl;
    r->owner_flags = rec->owner_flags;
    r->line = rec->span.line;
    if (rec->set_id)
        copy(r->set_id, sizeof r->set_id, rec->set_id, rec->set_id_len);
    if (rec->comment)
        copy(r->comment, sizeof r->comment, rec->comment, rec->comment_len);
}

static void on_diag(void *user, struct zl_diag *d)
{
    (void)user;
    if (G.ndiags < sizeof G.diags / sizeof G.diags[0]) {
        struct tdiag *t = &G.diags[G.ndiags++];
        copy(t->code, sizeof t->code, d->code, strlen(d->code));
        t->sev = d->severity;
        t->line = d->span.line;
        t->col = d->span.col;
        t->end_col = d->span.end_col;
        copy(t->msg, sizeof t->msg, d->message ? d->message : "", d->message ? strlen(d->message) : 0);
    }
    zl_diag_free(d);
}

static int teardown(void **state)
{
    (void)state;
    zl_parse_sources_free(G.sources);
    memset(&G, 0, sizeof G);
    return 0;
}

struct how {
    const char *origin;       /* file-name guess (origin_is_guess) unless zone */
    const char *zone;         /* --origin */
    enum zl_dialect dialect;  /* --dialect */
};

static void parse_how(const char *text, const struct how *h)
{
    zl_parse_sources_free(G.sources);
    memset(&G, 0, sizeof G);
    struct zl_name o, z;
    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    if (h && h->zone) {
        assert_int_equal(zl_name_from_text(&z, h->zone, strlen(h->zone), NULL, NULL), ZL_NAME_OK);
        po.origin = &z;
        po.zone = &z;
    } else if (h && h->origin) {
        assert_int_equal(zl_name_from_text(&o, h->origin, strlen(h->origin), NULL, NULL), ZL_NAME_OK);
        po.origin = &o;
        po.origin_is_guess = true;
    }
    po.dialect = h ? h->dialect : ZL_DIALECT_AUTO;
    po.on_record = on_record;
    po.sink.emit = on_diag;
    po.sources = &G.sources;
    assert_int_equal(zl_parse_buffer(text, strlen(text), "test.zone", &po, &G.res), 0);
}

static void parse(const char *text)
{
    parse_how(text, NULL);
}

static void dump(void)
{
    for (size_t i = 0; i < G.nrecs; i++)
        print_error("  rec %s %u type %u: %s\n", G.recs[i].owner, G.recs[i].ttl, G.recs[i].type,
                    G.recs[i].rdata);
    for (size_t i = 0; i < G.ndiags; i++)
        print_error("  diag %u:%u %s %s\n", G.diags[i].line, G.diags[i].col, G.diags[i].code, G.diags[i].msg);
}

static size_t count_code(const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < G.ndiags; i++)
        n += strcmp(G.diags[i].code, code) == 0;
    return n;
}

static const struct tdiag *find_code(const char *code)
{
    for (size_t i = 0; i < G.ndiags; i++)
        if (strcmp(G.diags[i].code, code) == 0)
            return &G.diags[i];
    dump();
    fail_msg("no %s finding", code);
    return NULL;
}

static void expect_clean(void)
{
    if (G.ndiags)
        dump();
    assert_int_equal(G.ndiags, 0);
}

/* ---- names, header lines, helpers --------------------------------------- */

static void test_names(void **state)
{
    (void)state;
    enum zl_dialect d;
    for (unsigned i = 0; i < ZL_DIALECT__COUNT; i++) {
        assert_int_equal(zl_dialect_from_name(zl_dialect_name((enum zl_dialect)i), &d), 0);
        assert_int_equal(d, i);
        assert_non_null(strstr(zl_dialect_names(), zl_dialect_name((enum zl_dialect)i)));
    }
    assert_int_equal(zl_dialect_from_name("CloudFlare", &d), 0);
    assert_int_equal(d, ZL_DIALECT_CLOUDFLARE);
    assert_int_equal(zl_dialect_from_name("route53", &d), -1);
    assert_null(zl_source_dialect(NULL));
}

static void test_header_lines(void **state)
{
    (void)state;
    struct zl_dialect_header h;
    memset(&h, 0, sizeof h);
    /* Cloudflare: ";;" doubled; the name as written, with or without a dot. */
    assert_true(zl_dialect_header_line(&h, "; Domain:     example.com.", 26));
    assert_int_equal(h.zone_len, 12);
    assert_memory_equal(h.zone, "example.com.", 12);
    assert_int_equal(h.dialect, ZL_DIALECT_AUTO); /* not before ";; Exported:" */
    assert_false(zl_dialect_header_line(&h, "; Exported:   2025-06-11 12:51:10", 33));
    assert_int_equal(h.dialect, ZL_DIALECT_CLOUDFLARE);

    memset(&h, 0, sizeof h);
    const char *gd1 = " Domain: example.com", *gd2 = " Exported (y-m-d hh:mm:ss): 2016-04-04 07:25:42";
    assert_true(zl_dialect_header_line(&h, gd1, strlen(gd1)));
    assert_false(zl_dialect_header_line(&h, gd2, strlen(gd2)));
    assert_int_equal(h.dialect, ZL_DIALECT_GODADDY);
    assert_int_equal(h.zone_len, 11);

    memset(&h, 0, sizeof h);
    const char *az1 = " Exported zone file from Azure DNS", *az2 = "      Zone name: zone1.com";
    assert_false(zl_dialect_header_line(&h, az1, strlen(az1)));
    assert_int_equal(h.dialect, ZL_DIALECT_AZURE);
    assert_true(zl_dialect_header_line(&h, az2, strlen(az2)));
    assert_memory_equal(h.zone, "zone1.com", 9);
    assert_int_equal(h.zone_col, 17);

    /* A hand-written "; Domain:" alone decides nothing. */
    memset(&h, 0, sizeof h);
    assert_true(zl_dialect_header_line(&h, gd1, strlen(gd1)));
    assert_int_equal(h.dialect, ZL_DIALECT_AUTO);
}

static void test_cli53_routing_comment(void **state)
{
    (void)state;
    const char *id;
    size_t n;
    const char *c1 = " AWS routing=\"WEIGHTED\" weight=1 identifier=\"One\"";
    assert_true(zl_dialect_cli53_routing(c1, strlen(c1), &id, &n));
    assert_int_equal(n, 3);
    assert_memory_equal(id, "One", 3);
    const char *c2 = " AWS routing=\"FAILOVER\" failover=\"PRIMARY\" healthCheckId=\"6bb5\" identifier=\"failover-Primary\"";
    assert_true(zl_dialect_cli53_routing(c2, strlen(c2), &id, &n));
    assert_int_equal(n, 16);
    const char *c3 = " AWS routing=\"MULTIVALUE\"";
    assert_true(zl_dialect_cli53_routing(c3, strlen(c3), &id, &n));
    assert_int_equal(n, 0);
    const char *c4 = " cf_tags=cf-proxied:false";
    assert_false(zl_dialect_cli53_routing(c4, strlen(c4), &id, &n));
}

/* ---- Cloudflare ------------------------------------------------------------ */

#define CF_HEAD ";;\n;; Domain:     example.com.\n;; Exported:   2025-06-11 12:51:10\n;;\n;; Use at your own risk.\n"

static void test_cloudflare_modern(void **state)
{
    (void)state;
    /* The file-name guess is wrong on purpose: the header wins. */
    struct how h = { "export.example.", NULL, ZL_DIALECT_AUTO };
    parse_how(CF_HEAD
              ";; SOA Record\n"
              "example.com\t3600\tIN\tSOA\tx.ns.cloudflare.com. dns.cloudflare.com. 2050131287 10000 2400 604800 3600\n"
              "example.com.\t86400\tIN\tNS\tx.ns.cloudflare.com.\n"
              "api.example.com.\t1\tIN\tA\t192.0.2.10 ; cf_tags=cf-proxied:false\n"
              "www.example.com.\t1\tIN\tA\t192.0.2.10 ; traefik reverse proxy dash cf_tags=cf-proxied:true\n",
              &h);
    expect_clean();
    assert_int_equal(G.res.dialect, ZL_DIALECT_CLOUDFLARE);
    assert_false(G.res.dialect_forced);
    assert_true(G.res.have_header_zone);
    assert_int_equal(G.nrecs, 4);
    /* The SOA owner has no dot and still means the zone. */
    assert_string_equal(G.recs[0].owner, "example.com.");
    assert_true(G.recs[0].owner_flags & ZL_OWNER_ABSOLUTE);
    assert_int_equal(G.recs[0].ttl, 3600);
    /* TTL 1 is "automatic", served as 300. */
    assert_int_equal(G.recs[2].ttl, ZL_CLOUDFLARE_AUTO_TTL);
    assert_string_equal(G.recs[3].comment, " traefik reverse proxy dash cf_tags=cf-proxied:true");
    assert_string_equal(zl_source_dialect(G.sources), "cloudflare");
}

static void test_cloudflare_origin_dot(void **state)
{
    (void)state;
    /* 2016-2018 exports: "$ORIGIN ." then an "@" SOA. */
    parse(CF_HEAD
          "$ORIGIN .\n"
          "@\t3600\tIN\tSOA\texample.com.\troot.example.com.\t(\n"
          "\t\t2028186962\t; serial\n\t\t7200\t\t; refresh\n\t\t3600\t\t; retry\n"
          "\t\t86400\t\t; expire\n\t\t3600)\t\t; minimum\n"
          "example.com.\t1\tIN\tNS\tns1.example.net.\n");
    expect_clean();
    assert_int_equal(G.nrecs, 2);
    assert_string_equal(G.recs[0].owner, "example.com.");
}

static void test_cloudflare_needs_its_header(void **state)
{
    (void)state;
    /* Without the header, BIND's reading stays: the dotless SOA owner is
     * relative, and TTL 1 is one second. */
    struct how h = { "example.com.", NULL, ZL_DIALECT_AUTO };
    parse_how("example.com\t3600\tIN\tSOA\tx.ns.cloudflare.com. dns.cloudflare.com. 1 10000 2400 604800 3600\n"
              "api.example.com.\t1\tIN\tA\t192.0.2.10\n",
              &h);
    assert_int_equal(G.res.dialect, ZL_DIALECT_BIND);
    assert_string_equal(G.recs[0].owner, "example.com.example.com.");
    assert_int_equal(G.recs[1].ttl, 1);
    assert_string_equal(zl_source_dialect(G.sources), "bind");
    /* --dialect=bind ignores the header too. */
    struct how b = { "example.com.", NULL, ZL_DIALECT_BIND };
    parse_how(CF_HEAD "example.com\t3600\tIN\tSOA\tx.ns.cloudflare.com. dns.cloudflare.com. 1 10000 2400 604800 3600\n",
              &b);
    assert_int_equal(G.res.dialect, ZL_DIALECT_BIND);
    assert_true(G.res.dialect_forced);
    assert_string_equal(G.recs[0].owner, "example.com.example.com.");
}

/* ---- GoDaddy ------------------------------------------------------------- */

#define GD_HEAD "; Domain: example.com\n; Exported (y-m-d hh:mm:ss): 2026-01-28 10:58:45\n;\n; Use at your own risk.\n\n"

static void test_godaddy_modern(void **state)
{
    (void)state;
    parse(GD_HEAD
          "$ORIGIN example.com.\n\n"
          "; SOA Record\n"
          "@\t3600\t IN \tSOA\tns57.domaincontrol.com.\tdns.jomax.net. (\n"
          "\t\t\t\t\t2026012105\n\t\t\t\t\t28800\n\t\t\t\t\t7200\n\t\t\t\t\t604800\n\t\t\t\t\t3600\n\t\t\t\t\t)\n"
          "@\t600\t IN \tA\t192.0.2.249\n"
          "sel._domainkey\t1800\t IN \tTXT\t\"v=DKIM1; k=rsa; p=AAAA\"\t\"BBBB\"\n"
          "www\t3600\t IN \tCNAME\t@\n"
          "_sip._tls.@\t3600\t IN \tSRV\t100\t1\t443\tsipdir.online.lync.com.\n");
    expect_clean();
    assert_int_equal(G.res.dialect, ZL_DIALECT_GODADDY);
    assert_int_equal(G.nrecs, 5);
    assert_string_equal(G.recs[2].rdata, "\"v=DKIM1; k=rsa; p=AAAA\" \"BBBB\"");
    assert_string_equal(G.recs[3].rdata, "example.com.");
    assert_string_equal(G.recs[4].owner, "_sip._tls.example.com.");
    assert_true(G.recs[4].owner_flags & ZL_OWNER_RELATIVE);
}

static void test_godaddy_at_only_in_dialect(void **state)
{
    (void)state;
    /* Plain BIND reads "@" inside a name literally. */
    struct how h = { NULL, "example.com.", ZL_DIALECT_AUTO };
    parse_how("_sip._tls.@ 3600 IN SRV 100 1 443 sipdir.online.lync.com.\n", &h);
    assert_int_equal(G.nrecs, 1);
    assert_string_equal(G.recs[0].owner, "_sip._tls.\\@.example.com.");
}

static void test_godaddy_old_and_pseudo_record(void **state)
{
    (void)state;
    /* No $ORIGIN, upper-case absolute SOA owner; the header names the zone. */
    struct how h = { "export.example.", NULL, ZL_DIALECT_AUTO };
    parse_how(GD_HEAD
              "; SOA Record\n"
              "EXAMPLE.COM.\t3600\tIN\tSOA\tns19.domaincontrol.com.\tdns.jomax.net (\n"
              "\t\t\t\t2016011201\n\t\t\t\t28800\n\t\t\t\t7200\n\t\t\t\t604800\n\t\t\t\t3600\n\t\t\t\t)\n"
              "@\t600\tIN\tA\tGoCentral Published Site\n"
              "@\t600\tIN\tA\t192.0.2.1\n"
              "ftp\t3600\tIN\tCNAME\t@\n",
              &h);
    assert_int_equal(G.ndiags, 1);
    assert_string_equal(G.diags[0].code, "ZL1001");
    assert_string_equal(G.diags[0].msg, "GoDaddy website-builder pseudo-record 'GoCentral Published Site' is not "
                                        "an IPv4 address; delete it before importing");
    assert_int_equal(G.diags[0].line, 14);
    assert_int_equal(G.diags[0].col, 12);
    assert_int_equal(G.diags[0].end_col, 36);
    /* Parsing went on; the origin is the header's, not the file name's. */
    assert_int_equal(G.nrecs, 3);
    assert_string_equal(G.recs[1].owner, "example.com.");
    assert_string_equal(G.recs[2].rdata, "example.com.");
    /* The dotless RNAME is expanded as BIND would: target-relative rules judge it. */
    assert_non_null(strstr(G.recs[0].rdata, "dns.jomax.net.example.com."));
}

/* ---- Azure and the header/origin check ----------------------------------- */

#define AZ_HEAD "\n; Exported zone file from Azure DNS\n;      Zone name: zone1.com\n" \
                ";      Resource Group Name: rg\n;      Date and time (UTC): Wed, 17 Jul 2019 10:18:47 +0800\n\n"

static void test_azure(void **state)
{
    (void)state;
    parse(AZ_HEAD
          "$TTL 300\n$ORIGIN zone1.com.\n    \n"
          "@ 3600 IN SOA ns1-03.azure-dns.com. azuredns-hostmaster.microsoft.com. (\n"
          "              1 ; serial\n              3600 ; refresh\n              300 ; retry\n"
          "              2419200 ; expire\n              300 ; minimum\n              )\n\n"
          "  172800 IN NS ns1-03.azure-dns.com.\n"
          "  172800 IN NS ns2-03.azure-dns.net.\n\n"
          "myptr 3600 IN PTR contoso.com\n");
    expect_clean();
    assert_int_equal(G.res.dialect, ZL_DIALECT_AZURE);
    assert_int_equal(G.nrecs, 4);
    assert_string_equal(G.recs[1].owner, "zone1.com.");
    assert_string_equal(G.recs[3].rdata, "contoso.com.zone1.com.");
}

static void test_header_mismatch(void **state)
{
    (void)state;
    /* $ORIGIN disagrees with the header: $ORIGIN wins, and we say so. */
    parse(AZ_HEAD "$ORIGIN zone2.com.\n@ 3600 IN SOA ns1. host. 1 2 3 4 5\n");
    assert_int_equal(count_code("ZL1003"), 1);
    const struct tdiag *d = find_code("ZL1003");
    assert_int_equal(d->sev, ZL_SEV_WARNING);
    assert_int_equal(d->line, 7);
    assert_string_equal(d->msg, "the azure export header names the zone 'zone1.com.', but $ORIGIN is 'zone2.com.'");
    assert_string_equal(G.recs[0].owner, "zone2.com.");

    /* --origin disagrees: reported at the header's zone name. */
    struct how h = { NULL, "example.org.", ZL_DIALECT_AUTO };
    parse_how(CF_HEAD "example.org. 3600 IN NS ns1.example.net.\n", &h);
    d = find_code("ZL1003");
    assert_int_equal(d->line, 2);
    assert_int_equal(d->col, 16);
    assert_int_equal(d->end_col, 28);
    assert_string_equal(d->msg, "the cloudflare export header names the zone 'example.com.', but --origin is 'example.org.'");

    /* The SOA names another zone. */
    parse(GD_HEAD "OTHER.ORG.\t3600\tIN\tSOA\tns1.example.net.\thost.example.net. 1 2 3 4 5\n");
    d = find_code("ZL1003");
    assert_int_equal(d->line, 6);
    assert_string_equal(d->msg, "the godaddy export header names the zone 'example.com.', but the SOA record's "
                                "owner is 'OTHER.ORG.'");

    /* Agreement (case and trailing dot aside) is silent. */
    parse(GD_HEAD "$ORIGIN EXAMPLE.COM.\n@ 3600 IN SOA ns1.example.net. host.example.net. 1 2 3 4 5\n");
    expect_clean();
}

/* ---- SOA-detected dialects ------------------------------------------------ */

static void test_soa_dialects(void **state)
{
    (void)state;
    /* Google Cloud DNS: no $ORIGIN, absolute names; the SOA owner beats a
     * zone name guessed from the file name. */
    struct how h = { "heartpoints.org.txt.", NULL, ZL_DIALECT_AUTO };
    parse_how("; A BIND file is a .TXT file that\xe2\x80\x99s used to export\n\n"
              "example.org. 21600 IN SOA ns-cloud-e1.googledomains.com. cloud-dns-hostmaster.google.com. 4 21600 3600 259200 300\n"
              "example.org. 21600 IN NS ns-cloud-e1.googledomains.com.\n"
              "www 300 IN A 192.0.2.1\n",
              &h);
    expect_clean();
    assert_int_equal(G.res.dialect, ZL_DIALECT_GCLOUD);
    assert_string_equal(G.recs[2].owner, "www.example.org.");

    parse("$ORIGIN example.com.\n$TTL 1800\n"
          "example.com. IN SOA ns1.digitalocean.com. hostmaster.example.com. 1415982609 10800 3600 604800 1800\n");
    expect_clean();
    assert_int_equal(G.res.dialect, ZL_DIALECT_DIGITALOCEAN);
    assert_int_equal(G.recs[0].ttl, 1800);

    parse("$ORIGIN example.com.\n$TTL 86400\n; SOA Records\n"
          "@\t\tIN\tSOA\thydrogen.ns.hetzner.com. dns.hetzner.com. 2020030101 86400 10800 3600000 3600\n"
          "@\t\tIN\tMX\t10 mail\n");
    expect_clean();
    assert_int_equal(G.res.dialect, ZL_DIALECT_HETZNER);
    assert_string_equal(G.recs[1].rdata, "10 mail.example.com.");

    /* --origin is the zone: an SOA elsewhere is still an error, not the origin. */
    struct how z = { NULL, "example.com.", ZL_DIALECT_AUTO };
    parse_how("example.org. 300 IN SOA ns1.example.org. host.example.org. 1 2 3 4 5\n", &z);
    assert_int_equal(count_code("ZL1001"), 1);
}

/* ---- cli53 -------------------------------------------------------------------- */

static void test_cli53(void **state)
{
    (void)state;
    struct how h = { NULL, "example.com.", ZL_DIALECT_AUTO };
    parse_how("www\t86400\tIN\tA\t127.0.0.1\n"
              "alias\t86400\tAWS\tALIAS\tA www $self false\n"
              "weighted\t300\tIN\tA\t127.0.0.1 ; AWS routing=\"WEIGHTED\" weight=1 identifier=\"One\"\n"
              "weighted\t300\tIN\tA\t127.0.0.1 ; AWS routing=\"WEIGHTED\" weight=0 identifier=\"Zero\"\n",
              &h);
    /* one info says the alias is read and not checked */
    assert_int_equal(G.ndiags, 1);
    assert_int_equal(find_code("ZL1005")->line, 2);
    assert_int_equal(G.res.dialect, ZL_DIALECT_CLI53);
    assert_int_equal(G.res.aliases, 1);
    assert_int_equal(G.nrecs, 3); /* the alias is not DNS data */
    assert_string_equal(G.recs[1].set_id, "One");
    assert_string_equal(G.recs[2].set_id, "Zero");

    /* A routing comment alone is enough to recognise cli53. */
    parse_how("multivalue\t300\tIN\tA\t127.0.0.1 ; AWS routing=\"MULTIVALUE\" identifier=\"One\"\n", &h);
    assert_int_equal(G.res.dialect, ZL_DIALECT_CLI53);

    /* AWS without ALIAS is nothing. */
    parse_how("x 300 AWS A 192.0.2.1\n", &h);
    assert_int_equal(count_code("ZL1001"), 1);
    assert_non_null(strstr(G.diags[0].msg, "only goes with ALIAS"));
    assert_int_equal(G.nrecs, 0);
}

/* ALIAS/ANAME pseudo-types and "A ALIAS target" of providers' exports. */
static void test_provider_aliases(void **state)
{
    (void)state;
    struct how h = { NULL, "example.com.", ZL_DIALECT_AUTO };
    parse_how("www 300 IN A 192.0.2.1\n"
              "@ 300 IN ALIAS lb-1.example.net.\n"
              "app ANAME app.herokudns.com.\n"
              "; ALIAS (Route53-specific, not standard BIND)\n"
              "cdn A ALIAS d1a2b3c4.cloudfront.net.\n"
              "cdn AAAA ALIAS d1a2b3c4.cloudfront.net.\n"
              "alias CNAME www\n",
              &h);
    assert_int_equal(G.ndiags, 1);
    const struct tdiag *d = find_code("ZL1005");
    assert_int_equal(d->line, 2);
    assert_non_null(strstr(d->msg, "4 provider alias records"));
    assert_int_equal(G.nrecs, 2); /* www A, alias CNAME: the aliases are not DNS data */

    /* a real A record whose value is wrong stays a syntax error */
    parse_how("x A ALIAS\nx A alias.example.net. extra\n", &h);
    assert_int_equal(count_code("ZL1001"), 2);
    assert_int_equal(count_code("ZL1005"), 0);

    /* as BIND reads it */
    h.dialect = ZL_DIALECT_BIND;
    parse_how("@ 300 IN ALIAS lb-1.example.net.\ncdn A ALIAS d1.cloudfront.net.\n", &h);
    assert_int_equal(count_code("ZL1001"), 2);
    assert_non_null(strstr(G.diags[0].msg, "pseudo-types"));
    assert_int_equal(count_code("ZL1005"), 0);
}

static void test_cli53_is_not_bind(void **state)
{
    (void)state;
    /* As BIND reads it: an unknown type, with a hint. */
    struct how h = { NULL, "example.com.", ZL_DIALECT_BIND };
    parse_how("www 86400 IN A 127.0.0.1\nalias 86400 AWS ALIAS A www $self false\n", &h);
    assert_int_equal(count_code("ZL1001"), 1);
    const struct tdiag *d = find_code("ZL1001");
    assert_int_equal(d->line, 2);
    assert_int_equal(d->col, 13);
    assert_non_null(strstr(d->msg, "unknown record type 'AWS'"));
    assert_non_null(strstr(d->msg, "--dialect=cli53"));
    assert_int_equal(G.nrecs, 1);

    /* Another provider's file does not take cli53 lines either. */
    struct how c = { NULL, NULL, ZL_DIALECT_AUTO };
    parse_how(CF_HEAD "alias.example.com.\t86400\tAWS\tALIAS\tA www $self false\n", &c);
    assert_int_equal(count_code("ZL1001"), 1);
    assert_int_equal(G.res.dialect, ZL_DIALECT_CLOUDFLARE);
}

/* ---- rules on dialect habits (through zl_lint_buffer) --------------------- */

struct lresult {
    struct zl_diags d;
    struct zl_source *sources;
};

static void lint(struct lresult *r, const char *text, const char *select, enum zl_dialect dialect)
{
    memset(r, 0, sizeof *r);
    char *sel[1] = { (char *)select };
    struct zl_lint_opts o;
    memset(&o, 0, sizeof o);
    if (select) {
        o.sel.select = sel;
        o.sel.nselect = 1;
    }
    o.dialect = dialect;
    assert_int_equal(zl_lint_buffer(text, strlen(text), "example.com.txt", &o, &r->sources, &r->d), 0);
}

static void lint_done(struct lresult *r)
{
    zl_diags_free(&r->d);
    zl_parse_sources_free(r->sources);
}

static void lint_dump(const struct lresult *r)
{
    for (size_t i = 0; i < r->d.n; i++)
        print_error("  %u:%u %s: %s\n", r->d.v[i].span.line, r->d.v[i].span.col, r->d.v[i].code,
                    r->d.v[i].message);
}

static void test_rules_cloudflare(void **state)
{
    (void)state;
    struct lresult r;
    /* The dotless SOA owner is not a doubled origin; TTL 1 next to 300 is one TTL. */
    lint(&r, CF_HEAD
         "example.com\t3600\tIN\tSOA\tx.ns.cloudflare.com. dns.cloudflare.com. 2050131287 10000 2400 604800 3600\n"
         "example.com.\t86400\tIN\tNS\tx.ns.cloudflare.com.\n"
         "api.example.com.\t1\tIN\tA\t192.0.2.10 ; cf_tags=cf-proxied:false\n"
         "api.example.com.\t300\tIN\tA\t192.0.2.11 ; cf_tags=cf-proxied:false\n",
         NULL, ZL_DIALECT_AUTO);
    if (r.d.n)
        lint_dump(&r);
    assert_int_equal(r.d.n, 0);
    lint_done(&r);

    /* A proxied DKIM CNAME, with user text before cf_tags=. */
    lint(&r, CF_HEAD
         "4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey.example.com.\t1\tIN\tCNAME\t"
         "4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com. ; ses dkim cf_tags=cf-proxied:true\n",
         "ses-cloudflare-proxied", ZL_DIALECT_AUTO);
    if (r.d.n != 1)
        lint_dump(&r);
    assert_int_equal(r.d.n, 1);
    assert_string_equal(r.d.v[0].code, "ZL5019");
    lint_done(&r);

    /* The export's placeholder NS is a real problem. */
    lint(&r, CF_HEAD "$ORIGIN .\n@\t3600\tIN\tSOA\texample.com.\troot.example.com.\t1 7200 3600 86400 3600\n"
         "example.com.\t1\tIN\tNS\tREPLACE&ME$WITH^YOUR@NAMESERVER.\n",
         NULL, ZL_DIALECT_AUTO);
    if (r.d.n != 1)
        lint_dump(&r);
    assert_int_equal(r.d.n, 1);
    assert_string_equal(r.d.v[0].code, "ZL2104");
    assert_int_equal(r.d.v[0].span.line, 8);
    lint_done(&r);
}

static void test_rules_cli53_routing(void **state)
{
    (void)state;
    struct lresult r;
    const char *zone = "$ORIGIN example.com.\n"
                       "@ 900 IN SOA ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400\n"
                       "@ 172800 IN NS ns-1.awsdns-01.org.\n"
                       "api\t60\tIN\tA\t192.0.2.1 ; AWS routing=\"WEIGHTED\" weight=70 identifier=\"blue\"\n"
                       "api\t300\tIN\tA\t192.0.2.2 ; AWS routing=\"WEIGHTED\" weight=30 identifier=\"green\"\n"
                       "api\t60\tIN\tA\t192.0.2.1 ; AWS routing=\"WEIGHTED\" weight=0 identifier=\"standby\"\n"
                       "status\t60\tIN\tCNAME\ts1.example.net. ; AWS routing=\"FAILOVER\" failover=\"PRIMARY\" identifier=\"p\"\n"
                       "status\t60\tIN\tCNAME\ts2.example.net. ; AWS routing=\"FAILOVER\" failover=\"SECONDARY\" identifier=\"s\"\n";
    lint(&r, zone, NULL, ZL_DIALECT_AUTO);
    if (r.d.n)
        lint_dump(&r);
    assert_int_equal(r.d.n, 0);
    lint_done(&r);

    /* The same identifier twice is one record set again. */
    lint(&r, "$ORIGIN example.com.\n"
             "api\t60\tIN\tA\t192.0.2.1 ; AWS routing=\"WEIGHTED\" weight=70 identifier=\"blue\"\n"
             "api\t300\tIN\tA\t192.0.2.2 ; AWS routing=\"WEIGHTED\" weight=70 identifier=\"blue\"\n",
         "rrset-ttl-mismatch", ZL_DIALECT_AUTO);
    assert_int_equal(r.d.n, 1);
    lint_done(&r);
}

static void test_rules_split_sentence_txt(void **state)
{
    (void)state;
    /* cli53's multi-string TXT: quotes inside a sentence are not stray. */
    struct lresult r;
    lint(&r, "$ORIGIN example.com.\nTEST 86400 IN TXT \"multivalued\" \" txt \\\"quoted\\\" record\"\n",
         "value-stray-characters", ZL_DIALECT_AUTO);
    if (r.d.n)
        lint_dump(&r);
    assert_int_equal(r.d.n, 0);
    lint_done(&r);
    /* A token wrapped in quotes still is. */
    lint(&r, "$ORIGIN example.com.\n_amazonses 1800 IN TXT \"\\\"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\\\"\"\n",
         "value-stray-characters", ZL_DIALECT_AUTO);
    assert_int_equal(r.d.n, 1);
    lint_done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_header_lines),
        cmocka_unit_test(test_cli53_routing_comment),
        cmocka_unit_test_teardown(test_cloudflare_modern, teardown),
        cmocka_unit_test_teardown(test_cloudflare_origin_dot, teardown),
        cmocka_unit_test_teardown(test_cloudflare_needs_its_header, teardown),
        cmocka_unit_test_teardown(test_godaddy_modern, teardown),
        cmocka_unit_test_teardown(test_godaddy_at_only_in_dialect, teardown),
        cmocka_unit_test_teardown(test_godaddy_old_and_pseudo_record, teardown),
        cmocka_unit_test_teardown(test_azure, teardown),
        cmocka_unit_test_teardown(test_header_mismatch, teardown),
        cmocka_unit_test_teardown(test_soa_dialects, teardown),
        cmocka_unit_test_teardown(test_cli53, teardown),
        cmocka_unit_test_teardown(test_provider_aliases, teardown),
        cmocka_unit_test_teardown(test_cli53_is_not_bind, teardown),
        cmocka_unit_test(test_rules_cloudflare),
        cmocka_unit_test(test_rules_cli53_routing),
        cmocka_unit_test(test_rules_split_sentence_txt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
