/* SPDX-License-Identifier: MIT */
/* RDATA parsing and printing. Every row of the big table was checked against
 * BIND 9.18's named-checkzone -D: expected text is what BIND prints after the
 * type column; NULL means BIND rejects the record (and so must we). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "rdata/rdata.h"
#include "rdata/types.h"

#define MAXTOK 4096

struct toks {
    struct zl_token t[MAXTOK];
    size_t n;
};

/* Splits s like the zone scanner: whitespace separates, "..." is one token
 * (quotes dropped, ZL_TOK_QUOTED set), backslash escapes stay in place, and
 * key="a b" (SVCB) stays one token with its quotes. */
static void tokenize(const char *s, struct toks *tk)
{
    tk->n = 0;
    const char *p = s;
    while (*p && tk->n < MAXTOK) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        struct zl_token *t = &tk->t[tk->n++];
        memset(t, 0, sizeof *t);
        if (*p == '"') {
            const char *b = ++p;
            while (*p && *p != '"')
                p += (*p == '\\' && p[1]) ? 2 : 1;
            t->text = b;
            t->len = (uint32_t)(p - b);
            t->flags = ZL_TOK_QUOTED;
            if (*p)
                p++;
            continue;
        }
        const char *b = p;
        while (*p && *p != ' ' && *p != '\t') {
            if (*p == '\\' && p[1]) {
                p += 2;
            } else if (*p == '"' && p > b && p[-1] == '=') {
                p++;
                while (*p && *p != '"')
                    p += (*p == '\\' && p[1]) ? 2 : 1;
                if (*p)
                    p++;
            } else if (*p == '"') {
                break;
            } else {
                p++;
            }
        }
        t->text = b;
        t->len = (uint32_t)(p - b);
    }
}

static struct zl_name origin;

static int setup(void **state)
{
    (void)state;
    unsigned fl;
    assert_int_equal(zl_name_from_text(&origin, "example.", 8, NULL, &fl), ZL_NAME_OK);
    return 0;
}

struct result {
    int rc;
    struct zl_rdata_error err;
    struct zl_field fields[ZL_RDATA_MAX_FIELDS];
    size_t nf;
    struct zl_buf wire;
    char text[70000];
};

/* Parses "rdata" as type (a mnemonic) and prints it back. */
static void run(const char *type, const char *rdata, struct result *r)
{
    static struct toks tk;
    int t = zl_type_from_text(type, strlen(type));
    assert_true(t >= 0);
    tokenize(rdata, &tk);
    memset(&r->err, 0, sizeof r->err);
    r->wire.len = 0;
    r->text[0] = '\0';
    r->rc = zl_rdata_parse((uint16_t)t, tk.t, tk.n, &origin, &r->wire, r->fields, &r->nf, &r->err);
    if (r->rc != 0)
        return;
    struct zl_buf out = { NULL, 0, 0 };
    assert_int_equal(zl_rdata_to_text((uint16_t)t, r->wire.data, r->wire.len, &out), 0);
    assert_true(out.len < sizeof r->text);
    if (out.len)
        memcpy(r->text, out.data, out.len);
    r->text[out.len] = '\0';
    zl_buf_free(&out);
}

static struct result R;

struct tcase {
    const char *type;
    const char *rdata;
    const char *expect; /* BIND's text, or NULL: BIND rejects */
};

static const struct tcase cases[] = {
    /* A */
    { "A", "0.0.0.0", "0.0.0.0" },
    { "A", "255.255.255.255", "255.255.255.255" },
    { "A", "\\# 4 00000000", "0.0.0.0" },
    { "a", "0.0.0.0", "0.0.0.0" },
    { "A", "1.2.3.4", "1.2.3.4" },
    { "A", "\\# 4 01020304", "1.2.3.4" },
    { "A", "", NULL },
    { "A", "", NULL },
    { "A", "\\# 0", NULL },
    { "A", "0.0.0.256", NULL },
    { "A", "0.0.0", NULL },
    { "A", "0.0.0.A", NULL },
    /* A6 */
    { "A6", "0 2345:00C1:CA11:0001:1234:5678:9ABC:DEF0", "0 2345:c1:ca11:1:1234:5678:9abc:def0" },
    { "A6", "12 0:0:0:0:0:0:0:1 foo.example.", "12 ::1 foo.example." },
    { "A6", "128 foo.", "128  foo." },
    { "A6", "64 ::ffff:ffff:ffff:ffff foo.", "64 ::ffff:ffff:ffff:ffff foo." },
    { "A6", "65 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff foo.", "65 ::7fff:ffff:ffff:ffff foo." },
    { "A6", "\\# 14 40ff6effffffffffff03666f6f00", "64 ::ff6e:ffff:ffff:ffff foo." },
    { "A6", "129 ::1 a.", NULL },
    { "A6", "0 ::1 foo.", NULL },
    { "A6", "\\# 7 8003666f7f007f", NULL },
    { "A6", "\\# 15 417fffffffffffffff03666f6f00cd", NULL },
    /* AAAA */
    { "AAAA", "0:0:0:0:0:0:0:0", "::" },
    { "AAAA", "FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" },
    { "AAAA", "\\# 16 00000000 00000000 00000000 00000000", "::" },
    { "AAAA", "0::1.2.3.4", "::1.2.3.4" },
    { "AAAA", "::", "::" },
    { "aaAA", "::", "::" },
    { "AAAA", "", NULL },
    { "AAAA", "", NULL },
    { "AAAA", "\\# 0", NULL },
    { "AAAA", "0::FFFFF", NULL },
    { "AAAA", "0:0:0:0:0:0:0", NULL },
    { "AAAA", "0:0:0:0:0:0:0:X", NULL },
    /* AFSDB */
    { "AFSDB", "1 mail", "1 mail.example." },
    { "AFSDB", "\\# 3 0001 00", "1 ." },
    { "afsdb", "1 @", "1 example." },
    { "AFSDB", "1 a.", "1 a." },
    { "AFSDB", "\\# 3 fdff00", "65023 ." },
    { "AFSDB", "", NULL },
    { "AFSDB", "\\# 23 000c056a656c7465096e6c6e65746c606273026e6c002e", NULL },
    { "AFSDB", "\\# 6 00010461001a", NULL },
    /* AMTRELAY */
    { "AMTRELAY", "0 0 0 .", "0 0 0 ." },
    { "AMTRELAY", "10 1 1 1.2.3.4", "10 1 1 1.2.3.4" },
    { "AMTRELAY", "10 0 3 a.b.", "10 0 3 a.b." },
    { "AMTRELAY", "10 0 2 ::1", "10 0 2 ::1" },
    { "AMTRELAY", "\\# 2 0080", "0 1 0 ." },
    { "AMTRELAY", "0 0 0", NULL },
    { "AMTRELAY", "10 0 4 AAAA", NULL },
    { "AMTRELAY", "10 2 1 1.2.3.4", NULL },
    { "AMTRELAY", "\\# 3 0a 80 00", NULL },
    { "AMTRELAY", "\\# 26 808309616d7472656c617973076578610b706c6503636f6d004e", NULL },
    { "AMTRELAY", "\\# 19 0a0200000000000000000000000000000001b8", NULL },
    /* APL */
    { "APL", "", "" },
    { "APL", "1:0.0.0.0/0", "1:0.0.0.0/0" },
    { "APL", "1:255.255.255.255/32", "1:255.255.255.255/32" },
    { "APL", "1:255.255.255.255/30", "1:255.255.255.255/30" },
    { "APL", "2:::/0", "2:::/0" },
    { "APL", "2:0::0/0", "2:::/0" },
    { "APL", "0:0.0.0.0/32", NULL },
    { "APL", "x:0.0.0.0/32", NULL },
    { "APL", "!x:0.0.0.0/32", NULL },
    { "APL", "2:0.0.0.0/32", NULL },
    { "APL", "1:0::0/32", NULL },
    { "APL", "1:0.0.0.0/33", NULL },
    /* ATMA */
    { "ATMA", "+358.400.1234567", "+3584001234567" },
    { "ATMA", "39246f000e7c9c031200010001000020481a0000", "39246f000e7c9c031200010001000020481a0000" },
    { "ATMA", "1.2.3.4", "1234" },
    { "ATMA", "\\# 21 006d246f000e7c9c03120001000100001234567800", "6d246f000e7c9c03120001000100001234567800" },
    { "ATMA", "\\# 3 d31234", "\\# 3 D31234" },
    { "ATMA", "+", NULL },
    { "ATMA", "+12a", NULL },
    { "ATMA", "123", NULL },
    { "ATMA", "\\# 0", NULL },
    /* AVC */
    { "AVC", "a b c", "\"a\" \"b\" \"c\"" },
    { "AVC", "\\# 45 2c6170702d6e616d653a574f4c4647414e477c61707f2d636c6173733a4f414d7c627573696e6573733d796573", "\"app-name:WOLFGANG|ap\\127-class:OAM|business=yes\"" },
    { "AVC", "\\# 45 2c6170702d6e616d653a574f4c4647414e477c6170702d636c6173733a4f414d7c627573696e6573733d797a73", "\"app-name:WOLFGANG|app-class:OAM|business=yzs\"" },
    { "AVC", "\\# 6 01610162e863", NULL },
    /* BRID */
    { "BRID", "AAAA", "AAAA" },
    /* CAA */
    { "CAA", "0 a a", "0 a \"a\"" },
    { "CAA", "255 a a", "255 a \"a\"" },
    { "CAA", "0 a \"a ; b\"", "0 a \"a ; b\"" },
    { "caa", "0 a a", "0 a \"a\"" },
    { "CAA", "0 abcdefghijklmnopqrstuvwxyz0123456789 a", "0 abcdefghijklmnopqrstuvwxyz0123456789 \"a\"" },
    { "CAA", "0 issue \"ca.example.net; policy=ev\"", "0 issue \"ca.example.net; policy=ev\"" },
    { "CAA", "0 \"\" a", NULL },
    { "CAA", "0 \"a\" a", NULL },
    { "CAA", "", NULL },
    { "CAA", "", NULL },
    { "CAA", "\\# 0", NULL },
    { "CAA", "256 a a", NULL },
    /* CDNSKEY */
    { "CDNSKEY", "0 0 0 AA==", "0 0 0 AA==" },
    { "CDNSKEY", "65535 255 255 AA==", "65535 255 255 AA==" },
    { "CDNSKEY", "0 0 RSAMD5 AA==", "0 0 1 AA==" },
    { "CDNSKEY", "0 0 0 Zm8=", "0 0 0 Zm8=" },
    { "CDNSKEY", "0 0 0 Zm9v", "0 0 0 Zm9v" },
    { "CDNSKEY", "0 0 0 Zm9vYg==", "0 0 0 Zm9vYg==" },
    { "CDNSKEY", "", NULL },
    { "CDNSKEY", "", NULL },
    { "CDNSKEY", "\\# 0", NULL },
    { "CDNSKEY", "65536 0 0 AA==", NULL },
    { "CDNSKEY", "0 256 0 AA==", NULL },
    { "CDNSKEY", "0 0 256 AA==", NULL },
    /* CDS */
    { "CDS", "0 0 0 00", "0 0 0 00" },
    { "CDS", "65535 255 255 00", "65535 255 255 00" },
    { "CDS", "0 RSAMD5 0 00", "0 1 0 00" },
    { "CDS", "0 0 0 01 02 0304", "0 0 0 01020304" },
    { "cds", "0 0 0 00", "0 0 0 00" },
    { "CDS", "0 0 0 00", "0 0 0 00" },
    { "CDS", "", NULL },
    { "CDS", "", NULL },
    { "CDS", "\\# 0", NULL },
    { "CDS", "65536 0 0 00", NULL },
    { "CDS", "0 256 0 00", NULL },
    { "CDS", "0 0 256 00", NULL },
    /* CERT */
    { "CERT", "0 0 0 AA==", "0 0 0 AA==" },
    { "CERT", "65535 65535 255 AA==", "65535 65535 255 AA==" },
    { "CERT", "PKIX 0 0 AA==", "PKIX 0 0 AA==" },
    { "CERT", "SPKI 0 0 AA==", "SPKI 0 0 AA==" },
    { "CERT", "PGP 0 0 AA==", "PGP 0 0 AA==" },
    { "CERT", "IPKIX 0 0 AA==", "IPKIX 0 0 AA==" },
    { "CERT", "0 0 DSA-NSEC3-SHA1 AA==", NULL },
    { "CERT", "0 0 RSASHA1-NSEC3-SHA1 AA==", NULL },
    { "CERT", "0 0 ECC-GOST AA==", NULL },
    { "CERT", "", NULL },
    { "CERT", "", NULL },
    { "CERT", "\\# 0", NULL },
    /* CNAME */
    { "CNAME", "test.example.com", "test.example.com.example." },
    { "CNAME", "\\# 1 00", "." },
    { "cname", "@", "example." },
    { "CNAME", ".", "." },
    { "CNAME", "*.a.", "*.a." },
    { "CNAME", "\\# 22 0c636e616d652d746172676570076578616d706c6500", "cname-targep.example." },
    { "CNAME", "", NULL },
    { "CNAME", "..", NULL },
    { "CNAME", "\\# 5 012a01617b", NULL },
    { "CNAME", "\\# 1 02", NULL },
    /* CSYNC */
    { "CSYNC", "0 0", "0 0" },
    { "CSYNC", "4294967295 65535", "4294967295 65535" },
    { "CSYNC", "0 0 TYPE0", "0 0 TYPE0" },
    { "CSYNC", "0 0 TYPE65535", "0 0 TYPE65535" },
    { "CSYNC", "0 0 TYPE0 A NS", "0 0 TYPE0 A NS" },
    { "CSYNC", "0 0 TYPE0 TYPE256 TYPE512 TYPE32768", "0 0 TYPE0 URI TYPE512 TA" },
    { "CSYNC", "", NULL },
    { "CSYNC", "", NULL },
    { "CSYNC", "\\# 0", NULL },
    { "CSYNC", "4294967296 0", NULL },
    { "CSYNC", "0 65536", NULL },
    { "CSYNC", "0 0 TYPE65536", NULL },
    /* DHCID */
    { "DHCID", "AA==", "AA==" },
    { "DHCID", "Zm8=", "Zm8=" },
    { "DHCID", "Zm9v", "Zm9v" },
    { "DHCID", "Zm9vYg==", "Zm9vYg==" },
    { "DHCID", "Zm9v YmE=", "Zm9vYmE=" },
    { "dhcid", "AA==", "AA==" },
    { "DHCID", "", NULL },
    { "DHCID", "", NULL },
    { "DHCID", "\\# 0", NULL },
    { "DHCID", "A", NULL },
    { "DHCID", "AB", NULL },
    { "DHCID", "ABC", NULL },
    /* DLV */
    { "DLV", "\\# 24 30960301123456789abcdef67890123456789abcdef67890", "12438 3 1 123456789ABCDEF67890123456789ABCDEF67890" },
    { "DLV", "\\# 24 30390301123456789bbcdef6789012ff56789abcdef67890", "12345 3 1 123456789BBCDEF6789012FF56789ABCDEF67890" },
    { "DLV", "\\# 25 30390301123456789abcdef67890123456789abcdef67890b4", NULL },
    /* DNAME */
    { "DNAME", "test.example.com", "test.example.com.example." },
    { "DNAME", "\\# 1 00", "." },
    { "dname", "@", "example." },
    { "DNAME", "", NULL },
    { "DNAME", "\\# 14 04646e416d652d74617267657400", NULL },
    { "DNAME", "\\# 4 0c646e61", NULL },
    { "DNAME", "\\# 20 037a6f6b0564656c65f0076578616d706c65003c", NULL },
    /* DNSKEY */
    { "DNSKEY", "0 0 0 AA==", "0 0 0 AA==" },
    { "DNSKEY", "65535 255 255 AA==", "65535 255 255 AA==" },
    { "DNSKEY", "0 0 RSAMD5 AA==", "0 0 1 AA==" },
    { "DNSKEY", "0 0 0 Zm8=", "0 0 0 Zm8=" },
    { "DNSKEY", "0 0 0 Zm9v", "0 0 0 Zm9v" },
    { "DNSKEY", "0 0 0 Zm9vYg==", "0 0 0 Zm9vYg==" },
    { "DNSKEY", "", NULL },
    { "DNSKEY", "", NULL },
    { "DNSKEY", "\\# 0", NULL },
    { "DNSKEY", "65536 0 0 AA==", NULL },
    { "DNSKEY", "0 256 0 AA==", NULL },
    { "DNSKEY", "0 0 256 AA==", NULL },
    /* DOA */
    { "DOA", "0 1 2 \"\" aHR0cHM6Ly93d3cuaXNjLm9yZy8=", "0 1 2 \"\" aHR0cHM6Ly93d3cuaXNjLm9yZy8=" },
    { "DOA", "0 1 2 \"text/plain\" -", "0 1 2 \"text/plain\" -" },
    { "DOA", "0 1 2 text AAAA AAAA", "0 1 2 \"text\" AAAAAAAA" },
    { "DOA", "\\# 30 0000000000000041020068747470733a2f2f7777772e6973632e6f72672f", "0 65 2 \"\" aHR0cHM6Ly93d3cuaXNjLm9yZy8=" },
    { "DOA", "\\# 34 000000000000000102006d61696c746f3a6c616273406e6c6e65746c6162732e6e6c", "0 1 2 \"\" bWFpbHRvOmxhYnNAbmxuZXRsYWJzLm5s" },
    { "DOA", "0 1 2 \"text/plain\"", NULL },
    { "DOA", "\\# 13 0000ff00000186a0c80f657861", NULL },
    /* DS */
    { "DS", "0 0 0 00", "0 0 0 00" },
    { "DS", "65535 255 255 00", "65535 255 255 00" },
    { "DS", "0 RSAMD5 0 00", "0 1 0 00" },
    { "DS", "0 0 0 01 02 0304", "0 0 0 01020304" },
    { "ds", "0 0 0 00", "0 0 0 00" },
    { "DS", "1 8 0 00", "1 8 0 00" },
    { "DS", "", NULL },
    { "DS", "", NULL },
    { "DS", "\\# 0", NULL },
    { "DS", "65536 0 0 00", NULL },
    { "DS", "0 256 0 00", NULL },
    { "DS", "0 0 256 00", NULL },
    /* DSYNC */
    { "DSYNC", "CDS NOTIFY 53 *._dsync.example.", "CDS NOTIFY 53 *._dsync.example." },
    { "dsync", "type59 0 0 \\000\\001\\002\\003\\004\\005\\006\\007\\008\\009", "CDS 0 0 \\000\\001\\002\\003\\004\\005\\006\\007\\008\\009.example." },
    { "DSYNC", "CDS 1 5359 a.b.", "CDS NOTIFY 5359 a.b." },
    { "DSYNC", "CDS NOTIFY 5359 a.b.", "CDS NOTIFY 5359 a.b." },
    { "DSYNC", "TYPE1234 0 0 a.", "TYPE1234 0 0 a." },
    { "DSYNC", "CDS notify 53 a.", "CDS NOTIFY 53 a." },
    { "DSYNC", "", NULL },
    { "DSYNC", "\\# 0", NULL },
    { "DSYNC", "CDS", NULL },
    { "DSYNC", "JUNK NOTIFY 53 example.com.", NULL },
    { "DSYNC", "CDS JUNK 53 junk._dsync.example.", NULL },
    { "DSYNC", "CDS NOTIFY 65567 port.number.overflow.", NULL },
    /* EID */
    { "EID", "1234", "1234" },
    { "EID", "12 34", "1234" },
    { "EID", "\\# 7 31415926535897", "31415926535897" },
    { "EID", "\\# 8 81444b7cdae54217", "81444B7CDAE54217" },
    { "EID", "\\# 8 813f047cdab34217", "813F047CDAB34217" },
    { "EID", "123", NULL },
    { "EID", "", NULL },
    /* EUI48 */
    { "EUI48", "00-00-00-00-00-00", "00-00-00-00-00-00" },
    { "EUI48", "FF-FF-FF-FF-FF-FF", "ff-ff-ff-ff-ff-ff" },
    { "EUI48", "aa-bb-cc-dd-ee-ff", "aa-bb-cc-dd-ee-ff" },
    { "EUI48", "\\# 6 000000000000", "00-00-00-00-00-00" },
    { "eui48", "00-00-00-00-00-00", "00-00-00-00-00-00" },
    { "EUI48", "00-00-00-00-00-00-00", "00-00-00-00-00-00" },
    { "EUI48", "", NULL },
    { "EUI48", "", NULL },
    { "EUI48", "\\# 0", NULL },
    { "EUI48", "00-00-00-00-00", NULL },
    { "EUI48", "00:00-00-00-00-00", NULL },
    { "EUI48", "00-00-00-x0-00-00", NULL },
    /* EUI64 */
    { "EUI64", "00-00-00-00-00-00-00-00", "00-00-00-00-00-00-00-00" },
    { "EUI64", "FF-FF-FF-FF-FF-FF-FF-FF", "ff-ff-ff-ff-ff-ff-ff-ff" },
    { "EUI64", "aa-bb-cc-dd-ee-ff-01-02", "aa-bb-cc-dd-ee-ff-01-02" },
    { "EUI64", "\\# 8 0000000000000000", "00-00-00-00-00-00-00-00" },
    { "eui64", "00-00-00-00-00-00-00-00", "00-00-00-00-00-00-00-00" },
    { "EUI64", "00-00-00-00-00-00-00-00-00", "00-00-00-00-00-00-00-00" },
    { "EUI64", "", NULL },
    { "EUI64", "", NULL },
    { "EUI64", "\\# 0", NULL },
    { "EUI64", "00-00-00-00-00-00-00", NULL },
    { "EUI64", "00:00-00-00-00-00-00-00", NULL },
    { "EUI64", "00-00-00-x0-00-00-00-00", NULL },
    /* GPOS */
    { "GPOS", "-32.6882 116.8652 10.0", "\"-32.6882\" \"116.8652\" \"10.0\"" },
    { "GPOS", "a b c", "\"a\" \"b\" \"c\"" },
    { "GPOS", "\"\" \"\" \"\"", "\"\" \"\" \"\"" },
    { "GPOS", "1 2", NULL },
    { "GPOS", "\\# 25 082d33322e36383832083131362e383635320431302e308a79", NULL },
    { "GPOS", "\\# 7 0161016201e3ac", NULL },
    { "GPOS", "\\# 24 086d33322e36383832083131362e383635320431302e30f9", NULL },
    /* HHIT */
    { "HHIT", "AAAA", "AAAA" },
    { "HHIT", "\\# 0", NULL },
    /* HINFO */
    { "HINFO", "\"\" \"\"", "\"\" \"\"" },
    { "HINFO", "a b", "\"a\" \"b\"" },
    { "HINFO", "\"\\ \" \"\\ \"", "\" \" \" \"" },
    { "HINFO", "\\021 \\022", "\"\\021\" \"\\022\"" },
    { "HINFO", "\"\\\\ \\\"\" \"\\\\ \\\"\"", "\"\\\\ \\\"\" \"\\\\ \\\"\"" },
    { "HINFO", "first \\#", "\"first\" \"#\"" },
    { "HINFO", "\\ \\", NULL },
    { "HINFO", "", NULL },
    { "HINFO", "", NULL },
    { "HINFO", "\\# 0", NULL },
    { "HINFO", "\\01 \"\"", NULL },
    { "HINFO", "\\256 \"\"", NULL },
    /* HIP */
    { "HIP", "2 200100107B1A74DF365639CC39F1D578 AwEAAbdx", "2 200100107B1A74DF365639CC39F1D578 AwEAAbdx" },
    { "HIP", "2 200100107B1A74DF365639CC39F1D57 AwEAAbdx", NULL },
    { "HIP", "2 200100107B1A74DF365639CC39F1D578", NULL },
    { "HIP", "2 - AwEAAbdx", NULL },
    /* HTTPS */
    { "HTTPS", "0 .", "0 ." },
    { "HTTPS", "65535 @", "65535 example." },
    { "https", "0 .", "0 ." },
    { "HTTPS", "\\# 16 020100000300021f420005000369b710", "513 . port=8002 ech=abcQ" },
    { "HTTPS", "\\# 3 870000", "34560 ." },
    { "HTTPS", "1 . key65535=\"a\" key1000=b port=4 key7 mandatory=key7,port", NULL },
    { "HTTPS", "", NULL },
    { "HTTPS", "", NULL },
    { "HTTPS", "\\# 0", NULL },
    { "HTTPS", "65536 .", NULL },
    { "HTTPS", "0", NULL },
    /* IPSECKEY */
    { "IPSECKEY", "255 3 255 . AA==", "255 3 255 . AA==" },
    { "IPSECKEY", "0 0 1 . Zm8=", "0 0 1 . Zm8=" },
    { "IPSECKEY", "0 0 1 . Zm9v", "0 0 1 . Zm9v" },
    { "IPSECKEY", "0 0 1 . Zm9vYg==", "0 0 1 . Zm9vYg==" },
    { "IPSECKEY", "0 0 1 . Zm9v YmE=", "0 0 1 . Zm9vYmE=" },
    { "ipseckey", "0 0 1 . AA==", "0 0 1 . AA==" },
    { "IPSECKEY", "0 0 0 .", NULL },
    { "IPSECKEY", "0 1 0 0.0.0.0", NULL },
    { "IPSECKEY", "0 2 0 ::", NULL },
    { "IPSECKEY", "0 3 0 \\0320\\ \\\\\\\"\\.\\@\\*.tld.", NULL },
    { "IPSECKEY", "", NULL },
    { "IPSECKEY", "", NULL },
    /* ISDN */
    { "ISDN", "150862028003217", "\"150862028003217\"" },
    { "ISDN", "150862028003217 004", "\"150862028003217\" \"004\"" },
    { "ISDN", "\"\" \"\"", "\"\" \"\"" },
    { "ISDN", "\\# 13 0c69739c6e2061646472657373", "\"is\\156n address\"" },
    { "ISDN", "a b c", NULL },
    { "ISDN", "\\# 21 0f313530383632303238303033323137b930303407", NULL },
    { "ISDN", "\\# 25 0c6973646e2d616464726533730a73756261646472657373b7", NULL },
    /* KEY */
    { "KEY", "0 0 0 AA==", "0 0 0 AA==" },
    { "KEY", "0 0 0 Zm8=", "0 0 0 Zm8=" },
    { "KEY", "0 0 0 Zm9v", "0 0 0 Zm9v" },
    { "KEY", "0 0 0 Zm9vYg==", "0 0 0 Zm9vYg==" },
    { "KEY", "0 0 0 Zm9v YmE=", "0 0 0 Zm9vYmE=" },
    { "key", "0 0 0 AA==", "0 0 0 AA==" },
    { "KEY", "65535 255 255 AA==", NULL },
    { "KEY", "", NULL },
    { "KEY", "", NULL },
    { "KEY", "\\# 0", NULL },
    { "KEY", "65536 0 0 AA==", NULL },
    { "KEY", "0 256 0 AA==", NULL },
    { "KEY", "flag10 3 8 AwEAAQ==", "32 3 8 AwEAAQ==" },
    { "KEY", "FLAGQ0 3 8 AwEAAQ==", NULL }, /* names match ignoring case, nothing more */
    /* KEYDATA */
    { "KEYDATA", "20200101000000 20200101000000 20200101000000 256 3 8 AAAA", "\\# 19 5E0BE1005E0BE1005E0BE10001000308000000" },
    { "KEYDATA", "\\# 19 5e8ee1005e0be1005e0be10001000308000000", "\\# 19 5E8EE1005E0BE1005E0BE10001000308000000" },
    { "KEYDATA", "\\# 19 5e0be1005e0be1005e0be10000000308000200", "\\# 19 5E0BE1005E0BE1005E0BE10000000308000200" },
    { "KEYDATA", "\\# 20 5e0be1005e0be1005e0be10001000308000000b9", "\\# 20 5E0BE1005E0BE1005E0BE10001000308000000B9" },
    /* KX */
    { "KX", "1 mail", "1 mail.example." },
    { "KX", "\\# 3 0001 00", "1 ." },
    { "kx", "1 @", "1 example." },
    { "KX", "10 a.", "10 a." },
    { "KX", "\\# 3 046900", "1129 ." },
    { "KX", "\\# 11 8b01076578616d706c6500", "35585 example." },
    { "KX", "", NULL },
    { "KX", "\\# 12 00014c6d61696c076578616d", NULL },
    /* L32 */
    { "L32", "0 0.0.0.0", "0 0.0.0.0" },
    { "L32", "65535 255.255.255.255", "65535 255.255.255.255" },
    { "L32", "\\# 6 000000000000", "0 0.0.0.0" },
    { "l32", "0 0.0.0.0", "0 0.0.0.0" },
    { "L32", "10 10.1.2.0", "10 10.1.2.0" },
    { "L32", "\\# 6 2bff51ffffff", "11263 81.255.255.255" },
    { "L32", "", NULL },
    { "L32", "", NULL },
    { "L32", "\\# 0", NULL },
    { "L32", "65536 0.0.0.0", NULL },
    { "L32", "0 0.0.0.256", NULL },
    { "L32", "0 0.0.0", NULL },
    /* L64 */
    { "L64", "0 0000:0000:0000:0000", "0 0:0:0:0" },
    { "L64", "65535 FFFF:FFFF:FFFF:FFFF", "65535 ffff:ffff:ffff:ffff" },
    { "L64", "0 abcd:ef00:0000:0000", "0 abcd:ef00:0:0" },
    { "L64", "\\# 10 00000000000000000000", "0 0:0:0:0" },
    { "l64", "0 0000:0000:0000:0000", "0 0:0:0:0" },
    { "L64", "0 0000:0000:0000:000", "0 0:0:0:0" },
    { "L64", "", NULL },
    { "L64", "", NULL },
    { "L64", "\\# 0", NULL },
    { "L64", "65536", NULL },
    { "L64", "0 0000:0000:0000", NULL },
    { "L64", "0 0000:0000:0000:0000:0000", NULL },
    /* LOC */
    { "LOC", "1 N 1 E 0", "1 0 0.000 N 1 0 0.000 E 0.00m 1m 10000m 10m" },
    { "LOC", "0 1 N 1 E 0", "0 1 0.000 N 1 0 0.000 E 0.00m 1m 10000m 10m" },
    { "LOC", "0 0 1 N 1 E 0", "0 0 1.000 N 1 0 0.000 E 0.00m 1m 10000m 10m" },
    { "LOC", "1 N 0 1 E 0", "1 0 0.000 N 0 1 0.000 E 0.00m 1m 10000m 10m" },
    { "LOC", "1 N 0 0 1 E 0", "1 0 0.000 N 0 0 1.000 E 0.00m 1m 10000m 10m" },
    { "LOC", "1 N 0 0 1 E 0m", "1 0 0.000 N 0 0 1.000 E 0.00m 1m 10000m 10m" },
    { "LOC", "90 59 59.999 S 180 59 59.999 W 42849672.95m 90000000.00m 90000000.00m 90000000.00m", NULL },
    { "LOC", "\\# 16 00 00 00 00 00000000 00000000 00000000", NULL },
    { "LOC", "", NULL },
    { "LOC", "", NULL },
    { "LOC", "\\# 0", NULL },
    { "LOC", "91 0 0 N 0 0 0 E 0 0 0 0", NULL },
    /* LP */
    { "LP", "1 mail", "1 mail.example." },
    { "LP", "\\# 3 0001 00", "1 ." },
    { "lp", "1 @", "1 example." },
    { "LP", "10 l64-subnet1.example.com.", "10 l64-subnet1.example.com." },
    { "LP", "10 sub", "10 sub.example." },
    { "LP", "\\# 27 040a0b6c36342d7375626e657431076578616d706c6503636f6d00", "1034 l64-subnet1.example.com." },
    { "LP", "", NULL },
    { "LP", "\\# 3 000a03", NULL },
    { "LP", "\\# 28 000a0b6c36342d7375626e657431076578616d706c6503636f6d0027", NULL },
    /* MB */
    { "MB", "foo.", "foo." },
    { "MB", "\\# 5 0366ef6f00", "f\\239o." },
    { "MB", "\\# 7 026d62056174fb", NULL },
    { "MB", "\\# 15 026d620561746f6f6d036e6564005f", NULL },
    /* MD */
    { "MD", "foo.", "foo." },
    { "MD", "\\# 14 0239320133076778616d706c6500", "92.3.gxample." },
    { "MD", "\\# 14 026d640561746f6f6d0301657400", "md.atoom.\\001et." },
    { "MD", "\\# 2 035a", NULL },
    /* MF */
    { "MF", "foo.", "foo." },
    { "MF", "\\# 14 026d660561746f6f6d0303657400", "mf.atoom.\\003et." },
    { "MF", "\\# 0", NULL },
    { "MF", "\\# 14 026d660561746f6f6d3c6e657400", NULL },
    /* MG */
    { "MG", "foo.", "foo." },
    { "MG", "\\# 11 08736572766963657300a3", NULL },
    { "MG", "\\# 15 026d630561746f6f6d036e657400fc", NULL },
    { "MG", "\\# 11 087365727629636573009a", NULL },
    /* MINFO */
    { "MINFO", ". .", ". ." },
    { "MINFO", "@ @", "example. example." },
    { "MINFO", "mail mail.tld.", "mail.example. mail.tld." },
    { "MINFO", "\\# 2 00 00", ". ." },
    { "minfo", "@ @", "example. example." },
    { "MINFO", "a. b.", "a. b." },
    { "MINFO", "", NULL },
    { "MINFO", "", NULL },
    { "MINFO", "\\# 0", NULL },
    { "MINFO", "\\# 31 056a656c7465096e6c6e65746c616273026e6c0004696e666f056a656c7465", NULL },
    { "MINFO", "\\# 2 02ff", NULL },
    /* MR */
    { "MR", "foo.", "foo." },
    { "MR", "\\# 16 0a6d61696c72656e616d650574797065", NULL },
    { "MR", "\\# 5 4166196f00", NULL },
    { "MR", "\\# 7 026d720561746f", NULL },
    /* MX */
    { "MX", "0 @", "0 example." },
    { "MX", "65535 @", "65535 example." },
    { "MX", "1 mail", "1 mail.example." },
    { "MX", "1 mail.tld.", "1 mail.tld." },
    { "MX", "\\# 3 0001 00", "1 ." },
    { "mx", "1 @", "1 example." },
    { "MX", "", NULL },
    { "MX", "", NULL },
    { "MX", "\\# 0", NULL },
    { "MX", "-1 @", NULL },
    { "MX", "65536 @", NULL },
    { "MX", "0 @ x", NULL },
    /* NAPTR */
    { "NAPTR", "0 0 \"\" \"\" \"\" @", "0 0 \"\" \"\" \"\" example." },
    { "NAPTR", "65535 65535 \"\" \"\" \"\" @", "65535 65535 \"\" \"\" \"\" example." },
    { "NAPTR", "65535 65535 \"\" \"\" \"!^urn:cid:.+@([^\\.]+\\.)(.*)$!\\\\2!i\" @", "65535 65535 \"\" \"\" \"!^urn:cid:.+@([^.]+.)(.*)$!\\\\2!i\" example." },
    { "NAPTR", "0 0 \"\" \"\" \"\" \\0320\\ \\\\\\\"\\.\\@\\*.tld.", "0 0 \"\" \"\" \"\" \\0320\\032\\\\\\\"\\.\\@*.tld." },
    { "naptr", "0 0 \"\" \"\" \"\" @", "0 0 \"\" \"\" \"\" example." },
    { "NAPTR", "100 10 \"S\" \"SIP+D2U\" \"!^.*$!sip:customer-service@example.com!\" .", "100 10 \"S\" \"SIP+D2U\" \"!^.*$!sip:customer-service@example.com!\" ." },
    { "NAPTR", "", NULL },
    { "NAPTR", "", NULL },
    { "NAPTR", "\\# 0", NULL },
    { "NAPTR", "65536 0 \"\" \"\" \"\" @", NULL },
    { "NAPTR", "0 65536 \"\" \"\" \"\" @", NULL },
    { "NAPTR", "0 0 \"\" \"\" \"\" @ x", NULL },
    /* NID */
    { "NID", "0 0000:0000:0000:0000", "0 0:0:0:0" },
    { "NID", "\\# 10 00000000000000000000", "0 0:0:0:0" },
    { "nid", "0 0000:0000:0000:0000", "0 0:0:0:0" },
    { "NID", "10 0014:4fff:ff20:ee64", "10 14:4fff:ff20:ee64" },
    { "NID", "\\# 10 000300144fffff20ee64", "3 14:4fff:ff20:ee64" },
    { "NID", "", NULL },
    { "NID", "\\# 4 00000000", NULL },
    { "NID", "\\# 4 00000001", NULL },
    /* NIMLOC */
    { "NIMLOC", "1234ab", "1234AB" },
    { "NIMLOC", "\\# 9 3227450a010034468b", "3227450A010034468B" },
    { "NIMLOC", "\\# 11 75234159eac4578009217d", "75234159EAC4578009217D" },
    { "NIMLOC", "\\# 7 3227450a010035", "3227450A010035" },
    /* NINFO */
    { "NINFO", "\"a\" b", "\"a\" \"b\"" },
    { "NINFO", "\\# 81 02494e054e494e464f4754686973207a6f6e65206973201f6f722074647374696e672070617273696e6720616e64207072696e74696e67206f662074686520646966666572656e74205252207479706573", "\"IN\" \"NINFO\" \"This zone is \\031or tdsting parsing and printing of the different RR types\"" },
    { "NINFO", "\\# 29 02494e054e494e464f4754686973207a6f6e6520697320666f72207465", NULL },
    { "NINFO", "\\# 5 01610162b5", NULL },
    /* NS */
    { "NS", ".", "." },
    { "NS", "tld.", "tld." },
    { "NS", "tld", "tld.example." },
    { "NS", "*.", "*." },
    { "NS", "*", "*.example." },
    { "NS", "*.*", "*.*.example." },
    { "NS", "", NULL },
    { "NS", "", NULL },
    { "NS", "\\# 0", NULL },
    { "NS", "..", NULL },
    { "NS", "a\" ; Unescaped special character @ NS a\"b", NULL },
    { "NS", "\\# 3 012a62", NULL },
    /* NSAP */
    { "NSAP", "0x47.0005.80.005a00.0000.0001.e133.ffffff.000162.00", "0x47000580005a0000000001e133ffffff00016200" },
    { "NSAP", "0X4700", "0x4700" },
    { "NSAP", "0x..47..", "0x47" },
    { "NSAP", "\\# 24 47000050800005a0000000000010e1330ffffff000031000", "0x47000050800005a0000000000010e1330ffffff000031000" },
    { "NSAP", "\\# 21 47000580005a0000000001e133ffffff000161002c", "0x47000580005a0000000001e133ffffff000161002c" },
    { "NSAP", "\\# 24 47000050000005a0000000000010e1330ffffff000161000", "0x47000050000005a0000000000010e1330ffffff000161000" },
    { "NSAP", "0x", NULL },
    { "NSAP", "0x470", NULL },
    { "NSAP", "47", NULL },
    /* NSAP-PTR */
    { "NSAP-PTR", "foo.", "foo." },
    { "NSAP-PTR", "\\# 22 06630473636f31046e736170046e69737403676d7600", "c\\004sco1.nsap.nist.gmv." },
    { "NSAP-PTR", "\\# 23 0763757273697665046e736170046ee9737403676f7600", "cursive.nsap.n\\233st.gov." },
    { "NSAP-PTR", "\\# 22 056273646932066e736170046e69737403676f760026", NULL },
    /* NSEC */
    { "NSEC", ". TYPE0", ". TYPE0" },
    { "NSEC", ". TYPE65535", ". TYPE65535" },
    { "NSEC", ". TYPE0 A NS", ". TYPE0 A NS" },
    { "NSEC", ". TYPE0 TYPE256 TYPE512 TYPE32768", ". TYPE0 URI TYPE512 TA" },
    { "NSEC", "\\# 4 00 00 01 40", ". A" },
    { "NSEC", "a. A NS SOA MX TXT AAAA RRSIG NSEC DNSKEY TYPE65534 TYPE1234 CAA", "a. A NS SOA MX TXT AAAA RRSIG NSEC DNSKEY CAA TYPE1234 TYPE65534" },
    { "NSEC", ".", NULL },
    { "NSEC", "\\0320\\ \\\\\\\"\\.\\@\\*.tld.", NULL },
    { "nsec", ".", NULL },
    { "NSEC", "", NULL },
    { "NSEC", "", NULL },
    { "NSEC", "\\# 0", NULL },
    /* NSEC3 */
    { "NSEC3", "0 0 0 - CPNMUOJ1", "0 0 0 - CPNMUOJ1" },
    { "NSEC3", "1 1 12 aabbccdd 2vptu5timamqttgl4luu9kg21e0aor3s A RRSIG", "1 1 12 AABBCCDD 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3S A RRSIG" },
    { "NSEC3", "1 1 12 - 2vptu5timamqttgl4luu9kg21e0aor3s", "1 1 12 - 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3S" },
    { "NSEC3", "\\# 42 01da0029080123456789abcdef1400443214c74254b635cf00443214c74254b635cf0006000000004002", "1 218 41 0123456789ABCDEF 0123456789ABCDEF0123456789ABCDEF SRV RRSIG" },
    { "NSEC3", "\\# 42 01750029080123456789abcdef1400443214c74254b635cf00443214c74254b635cf0006000080000002", "1 117 41 0123456789ABCDEF 0123456789ABCDEF0123456789ABCDEF TXT RRSIG" },
    { "NSEC3", "0 0 0 - 00======", NULL },
    { "NSEC3", "255 255 65535 - 00======", NULL },
    { "NSEC3", "0 0 0 00FF 00======", NULL },
    { "NSEC3", "0 0 0 - 00======", NULL },
    { "NSEC3", "0 0 0 - CPNG====", NULL },
    { "NSEC3", "0 0 0 - CPNMU===", NULL },
    /* NSEC3PARAM */
    { "NSEC3PARAM", "0 0 0 -", "0 0 0 -" },
    { "NSEC3PARAM", "255 255 65535 -", "255 255 65535 -" },
    { "NSEC3PARAM", "0 0 0 0102FF", "0 0 0 0102FF" },
    { "nsec3param", "0 0 0 -", "0 0 0 -" },
    { "NSEC3PARAM", "1 0 10 -", "1 0 10 -" },
    { "NSEC3PARAM", "\\# 5 0180000c00", "1 128 12 -" },
    { "NSEC3PARAM", "", NULL },
    { "NSEC3PARAM", "", NULL },
    { "NSEC3PARAM", "\\# 0", NULL },
    { "NSEC3PARAM", "256 0 0 00", NULL },
    { "NSEC3PARAM", "0 256 0 00", NULL },
    { "NSEC3PARAM", "0 0 65536 00", NULL },
    /* NULL */
    { "NULL", "\\# 3 010203", "\\# 3 010203" },
    { "NULL", "\\# 0", "\\# 0" },
    /* NXT */
    { "NXT", "a. A NS", "a. A NS" },
    { "NXT", "a. 1 2 TYPE127", "a. A NS 127" },
    { "NXT", "a.", "a." },
    { "NXT", "\\# 19 01610060000000000000010000000000000001", "a. A NS ZONEMD 127" },
    { "NXT", "a. 67 68 TYPE69", "a. HHIT BRID 69" },
    { "NXT", "a. TYPE128", NULL },
    { "NXT", "a. 0", NULL },
    { "NXT", "\\# 12 016100600000000000000000", NULL },
    { "NXT", "\\# 2 0161", NULL },
    /* OPENPGPKEY */
    { "OPENPGPKEY", "AA==", "AA==" },
    { "openpgpkey", "AA==", "AA==" },
    { "OPENPGPKEY", "AAAA", "AAAA" },
    { "OPENPGPKEY", "AAAA AAAA", "AAAAAAAA" },
    { "OPENPGPKEY", "\\# 4 00000065", "AAAAZQ==" },
    { "OPENPGPKEY", "\\# 6 000000b30000", "AAAAswAA" },
    { "OPENPGPKEY", "", NULL },
    { "OPENPGPKEY", "\\# 0", NULL },
    { "OPENPGPKEY", "AAAA==", NULL },
    { "OPENPGPKEY", "AA==AA==", NULL },
    /* PTR */
    { "PTR", "test.example.com", "test.example.com.example." },
    { "PTR", "\\# 1 00", "." },
    { "ptr", "@", "example." },
    { "PTR", "\\# 26 0474657374076578616d746c6503636f6d076578616d706c6500", "test.examtle.com.example." },
    { "PTR", "", NULL },
    { "PTR", "\\# 11 076578616d706c65005fc7", NULL },
    { "PTR", "\\# 9 076578616d706c803e", NULL },
    /* PX */
    { "PX", "10 a. b.", "10 a. b." },
    { "PX", "\\# 3 000a01", NULL },
    { "PX", "\\# 12 27ff03666f6fec0362617200", NULL },
    { "PX", "\\# 8 000a036100016200", NULL },
    /* RESINFO */
    { "RESINFO", "\"\" \"test1\" \"\\255\" test2", "\"\" \"test1\" \"\\255\" \"test2\"" },
    { "RESINFO", "\\# 1 00", "\"\"" },
    { "resinfo", "\"\"", "\"\"" },
    { "RESINFO", "\"\"", "\"\"" },
    { "RESINFO", "\\# 76 07524553494e464f08026e616d656d696e0f6578746572723d31352c31362c31372a696e666f75726c3d68747470733a2f2f7265736f6c7665722e6578616d706c652e636f6d2f6775696465", "\"RESINFO\" \"\\002namemin\" \"exterr=15,16,17\" \"infourl=https://resolver.example.com/guide\"" },
    { "RESINFO", "", NULL },
    { "RESINFO", "\\# 1 20", NULL },
    { "RESINFO", "\\# 1 43", NULL },
    /* RKEY */
    { "RKEY", "0 1 8 AAAA", "0 1 8 AAAA" },
    { "RKEY", "0 3 8 AAAA", "0 3 8 AAAA" },
    { "RKEY", "\\# 8 00000108000000aa", "0 1 8 AAAAqg==" },
    { "RKEY", "256 1 8 AAAA", NULL },
    { "RKEY", "\\# 1 00", NULL },
    { "RKEY", "\\# 7 00020308000000", NULL },
    /* RP */
    { "RP", "mail mail.tld.", "mail.example. mail.tld." },
    { "RP", "\\# 2 00 00", ". ." },
    { "rp", "@ @", "example. example." },
    { "RP", "a. b.", "a. b." },
    { "RP", "\\# 22 056d69ff6b670561746f6f6d036e657400036e657400", "mi\\255kg.atoom.net. net." },
    { "RP", "\\# 22 053a69656b660561746f6f6d036e657400036e657400", ":iekf.atoom.net. net." },
    { "RP", "", NULL },
    /* RRSIG */
    { "RRSIG", "TYPE0 0 0 0 0 0 0 . AA==", "TYPE0 0 0 0 19700101000000 19700101000000 0 . AA==" },
    { "RRSIG", "A 2 3 4 5 6 7 \\008. CQ==", "A 2 3 4 19700101000005 19700101000006 7 \\008. CQ==" },
    { "RRSIG", "TYPE65535 255 255 4294967295 4294967295 4294967295 65535 . AA==", "TYPE65535 255 255 4294967295 19691231235959 19691231235959 65535 . AA==" },
    { "RRSIG", "TYPE0 RSAMD5 0 0 0 0 0 . AA==", "TYPE0 1 0 0 19700101000000 19700101000000 0 . AA==" },
    { "RRSIG", "A 0 0 0 19700101000000 0 0 . AA==", "A 0 0 0 19700101000000 19700101000000 0 . AA==" },
    { "RRSIG", "A 0 0 0 0 21051231235959 0 . AA==", "A 0 0 0 19700101000000 19691124173143 0 . AA==" },
    { "RRSIG", "TYPE0 0 0 0 0 0 0 \\0320\\ \\\\\\\"\\.\\@\\*.tld. AA==", NULL },
    { "RRSIG", "", NULL },
    { "RRSIG", "", NULL },
    { "RRSIG", "\\# 0", NULL },
    { "RRSIG", "X 0 0 0 0 0 0 . AA==", NULL },
    /* a signer with more labels than the labels field: out of range */
    { "RRSIG", "NS 5 1 3600 20050108142256 20041209142256 25294 a.b. AA==", NULL },
    { "RRSIG", "NS 5 2 3600 20050108142256 20041209142256 25294 a.b. AA==", "NS 5 2 3600 20050108142256 20041209142256 25294 a.b. AA==" },
    { "RRSIG", "\\# 24 0002050100000e1041dc7a3841b84d1862ce016101620000", NULL },
    { "RRSIG", "\\# 24 0002050200000e1041dc7a3841b84d1862ce016101620000", "NS 5 2 3600 20050105233728 20041209130320 25294 a.b. AA==" },
    { "RRSIG", "TYPE65536 0 0 0 0 0 0 . AA==", NULL },
    /* RT */
    { "RT", "1 mail", "1 mail.example." },
    { "RT", "\\# 3 0001 00", "1 ." },
    { "rt", "1 @", "1 example." },
    { "RT", "10 a.", "10 a." },
    { "RT", "\\# 11 0001076578616d704c6500", "1 exampLe." },
    { "RT", "", NULL },
    { "RT", "\\# 17 0001046d61696c026578616d706c650023", NULL },
    { "RT", "\\# 12 0001076578616d706c6508d1", NULL },
    /* SIG */
    { "SIG", "A 8 2 3600 20181028080856 20181007175821 47155 uri.arpa. AAAA", "A 8 2 3600 20181028080856 20181007175821 47155 uri.arpa. AAAA" },
    /* SINK */
    { "SINK", "1 2 3 AAAA", "1 2 3 AAAA" },
    { "SINK", "1 2 3", "1 2 3" },
    { "SINK", "\\# 3 010403", "1 4 3" },
    { "SINK", "\\# 4 010200c5", "1 2 0 xQ==" },
    { "SINK", "\\# 6 014203000001", "1 66 3 AAAB" },
    /* SMIMEA */
    { "SMIMEA", "0 0 0 00", "0 0 0 00" },
    { "smimea", "0 0 0 00", "0 0 0 00" },
    { "SMIMEA", "3 1 1 ab", "3 1 1 AB" },
    { "SMIMEA", "\\# 35 000001efddf0d915c7bdc5782c0881e1b2a95ad099fbdd06d7b1f77982d9364338d955", "0 0 1 EFDDF0D915C7BDC5782C0881E1B2A95AD099FBDD06D7B1F77982D936 4338D955" },
    { "SMIMEA", "\\# 36 010001efddf0d915c7bdc5782c0881e1b2a95ad099fbdd06d7b1f77982d9364338d9552f", "1 0 1 EFDDF0D915C7BDC5782C0881E1B2A95AD099FBDD06D7B1F77982D936 4338D9552F" },
    { "SMIMEA", "\\# 4 00000027", "0 0 0 27" },
    { "SMIMEA", "", NULL },
    { "SMIMEA", "3 1 1", NULL },
    /* SOA */
    { "SOA", "\\# 22 00 00 00000001 00000002 00000003 00000004 00000005", ". . 1 2 3 4 5" },
    /* SPF */
    { "SPF", "\"\" \"test1\" \"\\255\" test2", "\"\" \"test1\" \"\\255\" \"test2\"" },
    { "SPF", "\\# 1 00", "\"\"" },
    { "spf", "\"\"", "\"\"" },
    { "SPF", "\"\" \"\"", "\"\" \"\"" },
    { "SPF", "\\# 9 0005746573743101ff", "\"\" \"test1\" \"\\255\"" },
    { "SPF", "", NULL },
    { "SPF", "\\# 2 0408", NULL },
    { "SPF", "\\# 16 0005746573743101ff9b74657374322e", NULL },
    /* SRV */
    { "SRV", "0 0 0 @", "0 0 0 example." },
    { "SRV", "65535 65535 65535 @", "65535 65535 65535 example." },
    { "SRV", "0 0 0 \\0320\\ \\\\\\\"\\.\\@\\*.tld.", "0 0 0 \\0320\\032\\\\\\\"\\.\\@*.tld." },
    { "srv", "0 0 0 @", "0 0 0 example." },
    { "SRV", "0 0 0 %", "0 0 0 %.example." },
    { "SRV", "1 2 3 .", "1 2 3 ." },
    { "SRV", "", NULL },
    { "SRV", "", NULL },
    { "SRV", "\\# 0", NULL },
    { "SRV", "1h 0 0 @", NULL },
    { "SRV", "0 1h 0 @", NULL },
    { "SRV", "0 0 1h @", NULL },
    /* SSHFP */
    { "SSHFP", "0 0 00", "0 0 00" },
    { "SSHFP", "255 255 00", "255 255 00" },
    { "SSHFP", "0 0 01 02 0304", "0 0 01020304" },
    { "sshfp", "0 0 00", "0 0 00" },
    { "SSHFP", "0 0", "0 0" },
    { "SSHFP", "1 1 dd465c09cfa51fb45020cc83316fff21b9ec74ac", "1 1 DD465C09CFA51FB45020CC83316FFF21B9EC74AC" },
    { "SSHFP", "", NULL },
    { "SSHFP", "", NULL },
    { "SSHFP", "\\# 0", NULL },
    { "SSHFP", "256 0 00", NULL },
    { "SSHFP", "0 256 00", NULL },
    { "SSHFP", "0 0 0", NULL },
    /* SVCB */
    { "SVCB", "0 .", "0 ." },
    { "SVCB", "0 @", "0 example." },
    { "SVCB", "65535 . mandatory=alpn alpn=h2", "65535 . mandatory=alpn alpn=\"h2\"" },
    { "SVCB", "1 . mandatory=\"alpn\" alpn=h2", "1 . mandatory=alpn alpn=\"h2\"" },
    { "SVCB", "1 . alpn=h2", "1 . alpn=\"h2\"" },
    { "SVCB", "1 . alpn=\"part1,part2,part3\\\\,part4\\\\\\\\\"", "1 . alpn=\"part1,part2,part3\\\\,part4\\\\\\\\\"" },
    { "SVCB", "1 . no-default-alpn", NULL },
    { "SVCB", "1 . ohttp", NULL },
    { "SVCB", "1 . key65535=\"a\" key1000=b port=4 key7 mandatory=key7,port", NULL },
    { "SVCB", "", NULL },
    { "SVCB", "", NULL },
    { "SVCB", "\\# 0", NULL },
    /* TALINK */
    { "TALINK", "a. b.", "a. b." },
    { "TALINK", "\\# 13 0268310c657861ff706c650000", NULL },
    { "TALINK", "\\# 14 026831076578616d706c650000ff", NULL },
    { "TALINK", "\\# 13 02026831076578616d706c6500", NULL },
    /* TLSA */
    { "TLSA", "0 0 0 00", "0 0 0 00" },
    { "TLSA", "255 255 255 00", "255 255 255 00" },
    { "TLSA", "0 0 0 0102 00 FF", "0 0 0 010200FF" },
    { "tlsa", "0 0 0 00", "0 0 0 00" },
    { "TLSA", "\\# 4 03010100", "3 1 1 00" },
    { "TLSA", "3 1 1 a b", "3 1 1 AB" },
    { "TLSA", "", NULL },
    { "TLSA", "", NULL },
    { "TLSA", "\\# 0", NULL },
    { "TLSA", "256 0 0 00", NULL },
    { "TLSA", "0 256 0 00", NULL },
    { "TLSA", "0 0 256 00", NULL },
    /* TXT */
    { "TXT", "\"\"", "\"\"" },
    { "TXT", "a", "\"a\"" },
    { "TXT", "\"\\ \"", "\" \"" },
    { "TXT", "\\021", "\"\\021\"" },
    { "TXT", "\"\\\\ \\\"\"", "\"\\\\ \\\"\"" },
    { "TXT", "\"\" \"test1\" \"\\255\" test2", "\"\" \"test1\" \"\\255\" \"test2\"" },
    { "TXT", "\\", NULL },
    { "TXT", "", NULL },
    { "TXT", "", NULL },
    { "TXT", "\\# 0", NULL },
    { "TXT", "\\01", NULL },
    { "TXT", "\\256", NULL },
    /* TYPE0 */
    { "TYPE0", "\\# 0", NULL },
    { "TYPE0", "\\# 0", NULL },
    /* TYPE1 */
    { "TYPE1", "\\# 4 00000000", "0.0.0.0" },
    { "TYPE1", "0.0.0.0", "0.0.0.0" },
    { "TYPE1", "\\# 4 00000000", "0.0.0.0" },
    { "TYPE1", "0.0.0.0", "0.0.0.0" },
    { "TYPE1", "\\# 4 00eb0000", "0.235.0.0" },
    { "TYPE1", "\\# 5 001c000055", NULL },
    { "TYPE1", "\\# 0", NULL },
    /* TYPE104 */
    { "TYPE104", "\\# 10 00000000000000000000", "0 0:0:0:0" },
    { "TYPE104", "0 0000:0000:0000:0000", "0 0:0:0:0" },
    { "TYPE104", "\\# 10 00790000000000000000", "121 0:0:0:0" },
    { "TYPE104", "\\# 10 00000000000000010000", "0 0:0:1:0" },
    { "TYPE104", "\\# 11 0000000000000000000082", NULL },
    /* TYPE105 */
    { "TYPE105", "\\# 6 000000000000", "0 0.0.0.0" },
    { "TYPE105", "0 0.0.0.0", "0 0.0.0.0" },
    { "TYPE105", "\\# 6 0000000000ab", "0 0.0.0.171" },
    { "TYPE105", "\\# 6 0000000000f5", "0 0.0.0.245" },
    { "TYPE105", "\\# 3 000000", NULL },
    /* TYPE106 */
    { "TYPE106", "\\# 10 00000000000000000000", "0 0:0:0:0" },
    { "TYPE106", "0 0000:0000:0000:0000", "0 0:0:0:0" },
    { "TYPE106", "\\# 12 0000000000000000000028de", NULL },
    { "TYPE106", "\\# 6 000000000000", NULL },
    { "TYPE106", "\\# 11 02000000000000000000db", NULL },
    /* TYPE107 */
    { "TYPE107", "\\# 3 0001 00", "1 ." },
    { "TYPE107", "1 @", "1 example." },
    { "TYPE107", "\\# 11 00010765787f6d716c6500", "1 ex\\127mqle." },
    { "TYPE107", "\\# 13 0001076578616d706c65003909", NULL },
    { "TYPE107", "\\# 12 00010765787f6d706c650037", NULL },
    /* TYPE108 */
    { "TYPE108", "\\# 6 000000000000", "00-00-00-00-00-00" },
    { "TYPE108", "00-00-00-00-00-00", "00-00-00-00-00-00" },
    { "TYPE108", "\\# 6 00aa00006500", "00-aa-00-00-65-00" },
    { "TYPE108", "\\# 6 0000000000ff", "00-00-00-00-00-ff" },
    { "TYPE108", "\\# 7 00000000000025", NULL },
    /* TYPE109 */
    { "TYPE109", "\\# 8 0000000000000000", "00-00-00-00-00-00-00-00" },
    { "TYPE109", "00-00-00-00-00-00-00-00", "00-00-00-00-00-00-00-00" },
    { "TYPE109", "\\# 8 0200000000000000", "02-00-00-00-00-00-00-00" },
    { "TYPE109", "\\# 8 0002000000000000", "00-02-00-00-00-00-00-00" },
    { "TYPE109", "\\# 0", NULL },
    /* TYPE12 */
    { "TYPE12", "\\# 1 00", "." },
    { "TYPE12", "@", "example." },
    { "TYPE12", "\\# 9 076578616fb16c6500", "exao\\177le." },
    { "TYPE12", "\\# 9 076178616d706c6500", "axample." },
    { "TYPE12", "\\# 1 07", NULL },
    /* TYPE128 */
    { "TYPE128", "\\# 0", NULL },
    /* TYPE13 */
    { "TYPE13", "\\# 2 00 00", "\"\" \"\"" },
    { "TYPE13", "\"\" \"\"", "\"\" \"\"" },
    { "TYPE13", "\\# 2 0022", NULL },
    { "TYPE13", "\\# 2 0020", NULL },
    { "TYPE13", "\\# 0", NULL },
    /* TYPE14 */
    { "TYPE14", "\\# 2 00 00", ". ." },
    { "TYPE14", "@ @", "example. example." },
    { "TYPE14", "\\# 18 076578616d706c6500176578616d706c6500", NULL },
    { "TYPE14", "\\# 14 076578616d706c650007657861de", NULL },
    { "TYPE14", "\\# 7 076578616d7068", NULL },
    /* TYPE15 */
    { "TYPE15", "\\# 3 0001 00", "1 ." },
    { "TYPE15", "1 @", "1 example." },
    { "TYPE15", "\\# 11 0001076578e16d706c6500", "1 ex\\225mple." },
    { "TYPE15", "\\# 11 00010765786179706c6500", "1 exayple." },
    { "TYPE15", "\\# 9 00010765786100706c", NULL },
    /* TYPE16 */
    { "TYPE16", "\\# 1 00", "\"\"" },
    { "TYPE16", "\"\"", "\"\"" },
    { "TYPE16", "\\# 2 0017", NULL },
    { "TYPE16", "\\# 2 0062", NULL },
    { "TYPE16", "\\# 1 26", NULL },
    /* TYPE17 */
    { "TYPE17", "\\# 2 00 00", ". ." },
    { "TYPE17", "@ @", "example. example." },
    { "TYPE17", "\\# 18 076578616d706c6500076578616d70d96500", "example. examp\\217e." },
    { "TYPE17", "\\# 18 076504616d706c6500076578616d706c6500", "e\\004ample. example." },
    { "TYPE17", "\\# 11 076578616d7f6c65000765", NULL },
    /* TYPE18 */
    { "TYPE18", "\\# 3 0001 00", "1 ." },
    { "TYPE18", "1 @", "1 example." },
    { "TYPE18", "\\# 11 0001ff6578616d706c6500", NULL },
    { "TYPE18", "\\# 2 0001", NULL },
    { "TYPE18", "\\# 11 0001076578616d706c65ff", NULL },
    /* TYPE2 */
    { "TYPE2", "\\# 1 00", "." },
    { "TYPE2", "@", "example." },
    { "TYPE2", "\\# 9 076578616d72976500", "examr\\151e." },
    { "TYPE2", "\\# 9 8f6578616d706c6500", NULL },
    { "TYPE2", "\\# 10 076578616d706c6500f4", NULL },
    /* TYPE21 */
    { "TYPE21", "\\# 3 0001 00", "1 ." },
    { "TYPE21", "1 @", "1 example." },
    { "TYPE21", "\\# 11 0001076578612dd06c6500", "1 exa-\\208le." },
    { "TYPE21", "\\# 12 0001076578616d706c650033", NULL },
    { "TYPE21", "\\# 12 0001076578616d706c650010", NULL },
    /* TYPE25 */
    { "TYPE25", "\\# 5 0000000000", "0 0 0 AA==" },
    { "TYPE25", "0 0 0 AA==", "0 0 0 AA==" },
    { "TYPE25", "\\# 5 000000da00", "0 0 218 AA==" },
    { "TYPE25", "\\# 6 000000000025", "0 0 0 ACU=" },
    { "TYPE25", "\\# 2 0000", NULL },
    /* TYPE256 */
    { "TYPE256", "\\# 5 0000000061", "0 0 \"a\"" },
    { "TYPE256", "0 0 a", NULL },
    /* TYPE257 */
    { "TYPE257", "\\# 4 00016161", "0 a \"a\"" },
    { "TYPE257", "0 a a", "0 a \"a\"" },
    { "TYPE257", "\\# 5 820161617e", "130 a \"a~\"" },
    { "TYPE257", "\\# 4 00016103", "0 a \"\\003\"" },
    { "TYPE257", "\\# 5 0001336112", "0 3 \"a\\018\"" },
    /* TYPE261 */
    { "TYPE261", "\\# 1 00", "\"\"" },
    { "TYPE261", "\"\"", "\"\"" },
    { "TYPE261", "\\# 1 10", NULL },
    { "TYPE261", "\\# 2 d79e", NULL },
    { "TYPE261", "\\# 2 00dd", NULL },
    /* TYPE262 */
    { "TYPE262", "\\# 1 00", "\"\"" },
    { "TYPE262", "\"\"", "\"\"" },
    { "TYPE262", "\\# 1 e8", NULL },
    { "TYPE262", "\\# 1 a6", NULL },
    { "TYPE262", "\\# 1 80", NULL },
    /* TYPE28 */
    { "TYPE28", "\\# 16 00000000 00000000 00000000 00000000", "::" },
    { "TYPE28", "0:0:0:0:0:0:0:0", "::" },
    { "TYPE28", "\\# 16 00000000040000000000000000000000", "0:0:400::" },
    { "TYPE28", "\\# 16 08000000000000200000000000000000", "800:0:0:20::" },
    { "TYPE28", "\\# 1 00", NULL },
    /* TYPE29 */
    { "TYPE29", "0 N 0 E 0", "0 0 0.000 N 0 0 0.000 E 0.00m 1m 10000m 10m" },
    { "TYPE29", "\\# 16 00121680800000018000000000989680", "0 0 0.001 N 0 0 0.000 E 0.00m 1m 10000m 0.08m" },
    { "TYPE29", "\\# 16 0012160080000000800000005b989680", "0 0 0.000 N 0 0 0.000 E 15267266.56m 1m 10000m 0.00m" },
    { "TYPE29", "\\# 16 001216138000009f8000000000989680", "0 0 0.159 N 0 0 0.000 E 0.00m 1m 10000m 10m" },
    { "TYPE29", "\\# 16 00 00 00 00 00000000 00000000 00000000", NULL },
    /* TYPE33 */
    { "TYPE33", "\\# 7 000000000000 00", "0 0 0 ." },
    { "TYPE33", "0 0 0 @", "0 0 0 example." },
    { "TYPE33", "\\# 15 000000000000076578616d70686500", "0 0 0 examphe." },
    { "TYPE33", "\\# 15 000020000000076578616c706c6500", "0 8192 0 exalple." },
    { "TYPE33", "\\# 15 000000000000076578516d3d6c6500", "0 0 0 exQm=le." },
    /* TYPE35 */
    { "TYPE35", "\\# 8 00000000000000 00", "0 0 \"\" \"\" \"\" ." },
    { "TYPE35", "0 0 \"\" \"\" \"\" @", "0 0 \"\" \"\" \"\" example." },
    { "TYPE35", "\\# 17 00000000000000056578616d706c65002a", NULL },
    { "TYPE35", "\\# 17 00000000000020076578616d706c65002f", NULL },
    { "TYPE35", "\\# 16 00000000000003076578616d706c6501", NULL },
    /* TYPE36 */
    { "TYPE36", "\\# 3 0001 00", "1 ." },
    { "TYPE36", "1 @", "1 example." },
    { "TYPE36", "\\# 11 0001076578616d70526500", "1 exampRe." },
    { "TYPE36", "\\# 11 000117657861ff706c6500", NULL },
    { "TYPE36", "\\# 12 0001076578616d706c6500bf", NULL },
    /* TYPE37 */
    { "TYPE37", "\\# 6 000000000000", "0 0 0 AA==" },
    { "TYPE37", "0 0 0 AA==", "0 0 0 AA==" },
    { "TYPE37", "\\# 7 000000007f003c", "0 0 127 ADw=" },
    { "TYPE37", "\\# 6 003c00000020", "60 0 0 IA==" },
    { "TYPE37", "\\# 8 000000000000d740", "0 0 0 ANdA" },
    /* TYPE39 */
    { "TYPE39", "\\# 1 00", "." },
    { "TYPE39", "@", "example." },
    { "TYPE39", "\\# 9 076578617a706c6500", "exazple." },
    { "TYPE39", "\\# 9 076578656d706c6500", "exemple." },
    { "TYPE39", "\\# 6 026578616d70", NULL },
    /* TYPE42 */
    { "TYPE42", "\\# 4 00010000", "1:0.0.0.0/0" },
    { "TYPE42", "1:0.0.0.0/0", "1:0.0.0.0/0" },
    { "TYPE42", "\\# 2 0001", NULL },
    { "TYPE42", "\\# 1 20", NULL },
    { "TYPE42", "\\# 6 00010000bea2", NULL },
    /* TYPE43 */
    { "TYPE43", "\\# 5 0000000000", "0 0 0 00" },
    { "TYPE43", "0 0 0 00", "0 0 0 00" },
    { "TYPE43", "\\# 5 0000000310", "0 0 3 10" },
    { "TYPE43", "\\# 5 0000000100", NULL },
    { "TYPE43", "\\# 3 000000", NULL },
    /* TYPE44 */
    { "TYPE44", "\\# 3 000000", "0 0 00" },
    { "TYPE44", "0 0 00", "0 0 00" },
    { "TYPE44", "\\# 4 0100009b", "1 0 009B" },
    { "TYPE44", "\\# 3 c50000", "197 0 00" },
    { "TYPE44", "\\# 3 000106", NULL },
    /* TYPE45 */
    { "TYPE45", "0 0 1 . AA==", "0 0 1 . AA==" },
    { "TYPE45", "\\# 4 02000100", "2 0 1 . AA==" },
    { "TYPE45", "\\# 3 000000", NULL },
    { "TYPE45", "\\# 4 00bc0100", NULL },
    { "TYPE45", "\\# 5 001901005a", NULL },
    /* TYPE46 */
    { "TYPE46", "\\# 20 000100000000000000000000000000000000 00 00", "A 0 0 0 19700101000000 19700101000000 0 . AA==" },
    { "TYPE46", "A 0 0 0 0 0 0 . AA==", "A 0 0 0 19700101000000 19700101000000 0 . AA==" },
    { "TYPE46", "\\# 20 0001ba0000000000000000000000000032000000", "A 186 0 0 19700101000000 19700101000000 12800 . AA==" },
    { "TYPE46", "\\# 20 000100d700000000010000000000000000000000", "A 0 215 0 19700714042016 19700101000000 0 . AA==" },
    { "TYPE46", "\\# 3 000100", NULL },
    /* TYPE47 */
    { "TYPE47", "\\# 1 00", NULL },
    { "TYPE47", ".", NULL },
    /* TYPE48 */
    { "TYPE48", "\\# 5 0000000000", "0 0 0 AA==" },
    { "TYPE48", "0 0 0 AA==", "0 0 0 AA==" },
    { "TYPE48", "\\# 5 000000000b", "0 0 0 Cw==" },
    { "TYPE48", "\\# 5 000c000000", "12 0 0 AA==" },
    { "TYPE48", "\\# 5 0000004800", "0 0 72 AA==" },
    /* TYPE49 */
    { "TYPE49", "\\# 1 00", "AA==" },
    { "TYPE49", "AA==", "AA==" },
    { "TYPE49", "\\# 2 00b8", "ALg=" },
    { "TYPE49", "\\# 1 02", "Ag==" },
    { "TYPE49", "\\# 1 4f", "Tw==" },
    /* TYPE5 */
    { "TYPE5", "\\# 1 00", "." },
    { "TYPE5", "@", "example." },
    { "TYPE5", "\\# 9 076d78616df06c6500", "mxam\\240le." },
    { "TYPE5", "\\# 9 0765786102706c6500", "exa\\002ple." },
    { "TYPE5", "\\# 10 076578616d706c65007b", NULL },
    /* TYPE50 */
    { "TYPE50", "\\# 7 00000000000100", "0 0 0 - 00" },
    { "TYPE50", "0 0 0 - 00======", NULL },
    /* TYPE51 */
    { "TYPE51", "\\# 5 0000000000", "0 0 0 -" },
    { "TYPE51", "0 0 0 -", "0 0 0 -" },
    { "TYPE51", "\\# 1 00", NULL },
    { "TYPE51", "\\# 5 1000000046", NULL },
    { "TYPE51", "\\# 2 0000", NULL },
    /* TYPE52 */
    { "TYPE52", "\\# 4 00000000", "0 0 0 00" },
    { "TYPE52", "0 0 0 00", "0 0 0 00" },
    { "TYPE52", "\\# 4 7f000000", "127 0 0 00" },
    { "TYPE52", "\\# 4 00000056", "0 0 0 56" },
    { "TYPE52", "\\# 5 00e80000d7", "0 232 0 00D7" },
    /* TYPE53 */
    { "TYPE53", "\\# 4 00000000", "0 0 0 00" },
    { "TYPE53", "0 0 0 00", "0 0 0 00" },
    { "TYPE53", "\\# 4 7f00004d", "127 0 0 4D" },
    { "TYPE53", "\\# 4 00000000", "0 0 0 00" },
    { "TYPE53", "\\# 4 670000c2", "103 0 0 C2" },
    /* TYPE55555 */
    { "TYPE55555", "\\# 0", "\\# 0" },
    { "TYPE55555", "\\# 1 00", "\\# 1 00" },
    { "TYPE55555", "\\# 5 0102 03 04 05", "\\# 5 0102030405" },
    { "type55555", "\\# 0", "\\# 0" },
    { "TYPE55555", "", NULL },
    { "TYPE55555", "", NULL },
    { "TYPE55555", "\\#", NULL },
    { "TYPE55555", "\\# 1 0000", NULL },
    { "TYPE55555", "\\# 2 00", NULL },
    { "TYPE55555", "\\# 1 00 x", NULL },
    /* TYPE59 */
    { "TYPE59", "\\# 5 0000000000", "0 0 0 00" },
    { "TYPE59", "0 0 0 00", "0 0 0 00" },
    { "TYPE59", "\\# 6 1000000000c0", "4096 0 0 00C0" },
    { "TYPE59", "\\# 5 0100000000", "256 0 0 00" },
    { "TYPE59", "\\# 4 00000000", NULL },
    /* TYPE6 */
    { "TYPE6", "\\# 22 00 00 0000000000000000000000000000000000000000", ". . 0 0 0 0 0" },
    { "TYPE6", "@ @ 0 0 0 0 0", "example. example. 0 0 0 0 0" },
    { "TYPE6", "\\# 38 076578616d706c65000765786169706c65000000000000000000000000000000000000000000", "example. exaiple. 0 0 0 0 0" },
    { "TYPE6", "\\# 39 076578616d706c6500076578616d706c6500000000000000020000000000000000000000000067", NULL },
    { "TYPE6", "\\# 39 076578616d706c6500076578616d706c6500000000000000000000000000000000009300000030", NULL },
    /* TYPE60 */
    { "TYPE60", "\\# 5 0000000000", "0 0 0 AA==" },
    { "TYPE60", "0 0 0 AA==", "0 0 0 AA==" },
    { "TYPE60", "\\# 5 0300000000", "768 0 0 AA==" },
    { "TYPE60", "\\# 5 0000008e00", "0 0 142 AA==" },
    { "TYPE60", "\\# 2 0000", NULL },
    /* TYPE61 */
    { "TYPE61", "\\# 1 00", "AA==" },
    { "TYPE61", "AA==", "AA==" },
    { "TYPE61", "\\# 1 a5", "pQ==" },
    { "TYPE61", "\\# 3 00fa25", "APol" },
    { "TYPE61", "\\# 1 4f", "Tw==" },
    /* TYPE62 */
    { "TYPE62", "\\# 6 000000000000", "0 0" },
    { "TYPE62", "0 0", "0 0" },
    { "TYPE62", "\\# 6 000000000100", "0 256" },
    { "TYPE62", "\\# 4 0000001d", NULL },
    { "TYPE62", "\\# 4 00000200", NULL },
    /* TYPE63 */
    { "TYPE63", "\\# 7 00000000000000", NULL },
    { "TYPE63", "0 0 0 00", NULL },
    /* TYPE64 */
    { "TYPE64", "\\# 3 000000", "0 ." },
    { "TYPE64", "0 .", "0 ." },
    { "TYPE64", "\\# 3 000000", "0 ." },
    { "TYPE64", "\\# 3 ff0000", "65280 ." },
    { "TYPE64", "\\# 1 ff", NULL },
    /* TYPE65 */
    { "TYPE65", "\\# 3 000000", "0 ." },
    { "TYPE65", "0 .", "0 ." },
    { "TYPE65", "\\# 3 b80000", "47104 ." },
    { "TYPE65", "\\# 0", NULL },
    { "TYPE65", "\\# 4 76000088", NULL },
    /* TYPE65401 */
    { "TYPE65401", "\\# 1 00", "\\# 1 00" },
    { "TYPE65401", "@", NULL },
    /* TYPE65534 */
    { "TYPE65534", "\\# 30 abababababababababababababababababababababababababababababab", "\\# 30 ABABABABABABABABABABABABABABABABABABABABABABABABABABABAB ABAB" },
    /* TYPE65535 */
    { "TYPE65535", "\\# 0", "\\# 0" },
    { "TYPE65535", "\\# 2 abcd", "\\# 2 ABCD" },
    { "TYPE65535", "\\# 1 a b", "\\# 1 AB" },
    { "TYPE65535", "\\# 2 abcdef", NULL },
    { "TYPE65535", "\\# 3 abcd", NULL },
    { "TYPE65535", "\\# x", NULL },
    { "TYPE65535", "\\#", NULL },
    { "TYPE65535", "foo", NULL },
    /* TYPE66 */
    { "TYPE66", "CSYNC 1 5360 .", "CSYNC NOTIFY 5360 ." },
    { "TYPE66", "\\# 6 00050114f000", "CNAME NOTIFY 5360 ." },
    { "TYPE66", "\\# 6 ff3e0114f000", "TYPE65342 NOTIFY 5360 ." },
    { "TYPE66", "\\# 6 00360114f000", "TYPE54 NOTIFY 5360 ." },
    /* TYPE99 */
    { "TYPE99", "\\# 1 00", "\"\"" },
    { "TYPE99", "\"\"", "\"\"" },
    { "TYPE99", "\\# 2 901c", NULL },
    { "TYPE99", "\\# 2 00e2", NULL },
    { "TYPE99", "\\# 0", NULL },
    /* UINFO */
    { "UINFO", "\\# 1 00", "\\# 1 00" },
    /* UNSPEC */
    { "UNSPEC", "00", NULL },
    /* URI */
    { "URI", "0 0 \"ftp://a\"", "0 0 \"ftp://a\"" },
    { "URI", "0 0 \"\"", "0 0 \"\"" },
    { "URI", "10 1 \"ftp://ftp1.example.com/public\"", "10 1 \"ftp://ftp1.example.com/public\"" },
    { "URI", "10 1 \"\"", "10 1 \"\"" },
    { "URI", "10 1 \"a\\\"b\\\\c\\001\"", "10 1 \"a\\\"b\\\\c\\001\"" },
    { "URI", "\\# 12 000000006674703a2f2f6154", "0 0 \"ftp://aT\"" },
    { "URI", "0 0 a", NULL },
    { "URI", "65535 65535 ftp://a", NULL },
    { "uri", "0 0 a", NULL },
    { "URI", "", NULL },
    { "URI", "", NULL },
    { "URI", "\\# 0", NULL },
    /* WALLET */
    { "WALLET", "\"\" \"test1\" \"\\255\" test2", "\"\" \"test1\" \"\\255\" \"test2\"" },
    { "WALLET", "\\# 1 00", "\"\"" },
    { "wallet", "\"\"", "\"\"" },
    { "WALLET", "a b", "\"a\" \"b\"" },
    { "WALLET", "\\# 39 0342434822315064525943594d7637524138507778515a31513361435943346778d55677465075", "\"BCH\" \"1PdRYCYMv7RA8PwxQZ1Q3aCYC4gx\\213VwFPu\"" },
    { "WALLET", "\\# 15 0005746573743101ff057065737432", "\"\" \"test1\" \"\\255\" \"pest2\"" },
    { "WALLET", "", NULL },
    { "WALLET", "\\# 15 8005746573743101ff057465737432", NULL },
    /* WKS */
    { "WKS", "10.0.0.1 6 0 1 2 21 23 25 26", "10.0.0.1 6 0 1 2 21 23 25 26" },
    { "WKS", "10.0.0.1 tcp smtp domain http", "10.0.0.1 6 25 53 80" },
    { "WKS", "10.0.0.1 TCP SMTP", "10.0.0.1 6 25" },
    { "WKS", "10.0.0.1 udp domain", "10.0.0.1 17 53" },
    { "WKS", "10.0.0.1 17", "10.0.0.1 17" },
    { "WKS", "10.0.0.1 6 65535", "10.0.0.1 6 65535" },
    { "WKS", "10 6 1", NULL },
    { "WKS", "10.0.0.1 6 65536", NULL },
    { "WKS", "10.0.0.1 256 1", NULL },
    { "WKS", "10.0.0.1 6 nonexist", NULL },
    { "WKS", "\\# 4 0a000001", NULL },
    /* X25 */
    { "X25", "311061700956", "\"311061700956\"" },
    { "X25", "\"1234\"", "\"1234\"" },
    { "X25", "\\# 5 0431323334", "\"1234\"" },
    { "X25", "123", NULL },
    { "X25", "12a4", NULL },
    { "X25", "1234 5678", NULL },
    { "X25", "\\# 5 0461626364", NULL },
    { "X25", "\\# 4 03313233", NULL },
    { "X25", "\\# 3 042332", NULL },
    /* ZONEMD */
    { "ZONEMD", "1 1 9 abababababababababababab", "1 1 9 ABABABABABABABABABABABAB" },
    { "ZONEMD", "1 0 0 abababababababababababab", "1 0 0 ABABABABABABABABABABABAB" },
    { "ZONEMD", "\\# 54 7848b91c010101cefb03814f5062ad12fa951ba0ef5f8da6ae354a415767246f7dc932ceb1e742a2108f529db6a33a11c01493de358d", "2018031900 1 1 01CEFB03814F5062AD12FA951BA0EF5F8DA6AE354A415767246F7DC9 32CEB1E742A2108F529DB6A33A11C01493DE358D" },
    { "ZONEMD", "\\# 70 7848b9ff010208cf02115c7b948c4163a901270395ea226a930cd2cbcf2fa9a5e6eb85f37c8a4e114d884e66f176eab121cb02db7d652e0cc4827e7a3204f166b47e5613fd27", "2018032127 1 2 08CF02115C7B948C4163A901270395EA226A930CD2CBCF2FA9A5E6EB 85F37C8A4E114D884E66F176EAB121CB02DB7D652E0CC4827E7A3204 F166B47E5613FD27" },
    { "ZONEMD", "0 0 0 00", NULL },
    { "ZONEMD", "4294967295 255 255 00", NULL },
    { "ZONEMD", "0 0 0 0102 00 FF", NULL },
    { "zonemd", "0 0 0 00", NULL },
    { "ZONEMD", "", NULL },
    { "ZONEMD", "", NULL },
    /* SOA (owner at the apex in BIND's run) */
    { "SOA", "a. b. 1 1h 1d 1w 1", "a. b. 1 3600 86400 604800 1" },
    { "SOA", "a. b. 4294967295 2 3 4 5", "a. b. 4294967295 2 3 4 5" },
    { "SOA", "a. b. 1 0h5 3 4 5", "a. b. 1 5 3 4 5" },
    { "SOA", "a. b. 1 1H1M 3 4 5", "a. b. 1 3660 3 4 5" },
    { "SOA", "a b 1 2 3 4 5", "a.example. b.example. 1 2 3 4 5" },
    { "SOA", "a. b. 1 7101w 3 4 5", "a. b. 1 4294684800 3 4 5" },
    { "SOA", "a. b. 4294967296 2 3 4 5", NULL },
    { "SOA", "a. b. 1h 1 3 4 5", NULL },
    { "SOA", "a. b. 1 1h0 3 4 5", NULL },
    { "SOA", "a. b. 1 4294967296 3 4 5", NULL },
    { "SOA", "a. b. 1 2 3 4", NULL },
    { "SOA", "a. b. 1 2 3 4 5 6", NULL },
};

static void test_table(void **state)
{
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct tcase *c = &cases[i];
        run(c->type, c->rdata, &R);
        if (c->expect == NULL && R.rc == 0) {
            print_error("%s %s: accepted as '%s', BIND rejects it\n", c->type, c->rdata, R.text);
            bad++;
        } else if (c->expect && R.rc != 0) {
            print_error("%s %s: rejected (%s), BIND prints '%s'\n", c->type, c->rdata, R.err.msg,
                        c->expect);
            bad++;
        } else if (c->expect && strcmp(R.text, c->expect) != 0) {
            print_error("%s %s:\n  got  '%s'\n  want '%s'\n", c->type, c->rdata, R.text, c->expect);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

/* ---- messages and the offending token ---------------------------------------- */

static void expect_error(const char *type, const char *rdata, unsigned tok, const char *msg)
{
    run(type, rdata, &R);
    assert_int_equal(R.rc, -1);
    if (strcmp(R.err.msg, msg) != 0)
        print_error("%s %s: message '%s'\n", type, rdata, R.err.msg);
    assert_string_equal(R.err.msg, msg);
    assert_int_equal(R.err.tok, tok);
}

static void test_messages(void **state)
{
    (void)state;
    expect_error("MX", "mail 10", 0, "MX preference must be a number 0-65535, got 'mail'");
    expect_error("MX", "10", 1, "missing MX exchange (a domain name)");
    expect_error("A", "1.2.3", 0, "A address must be a dotted-quad IPv4 address, got '1.2.3'");
    expect_error("SOA", "a. b. 1 2 3 4 5 foo", 7, "extra token 'foo' after the SOA minimum");
    expect_error("MX", "\"10\" a.", 0,
                 "MX preference must be a number 0-65535, not a quoted string; got \"10\"");
    expect_error("TXT",
                 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                 0, "TXT character-string is 296 octets; at most 255 are allowed");
    expect_error("DS", "1 8 1 abcd", 4, "DS digest is 2 octets; it must be 20");
    expect_error("SVCB", "1 . mandatory=alpn", 2,
                 "SVCB mandatory lists alpn but there is no alpn parameter");
    expect_error("SVCB", "1 . port=53 port=54", 3, "SVCB parameter port appears more than once");
    expect_error("TYPE65280", "00", 0,
                 "TYPE65280 is not a type BIND knows; its RDATA must be written in the RFC 3597 "
                 "form \\# <length> <hex>");
    expect_error("NULL", "", 0,
                 "NULL RDATA can only be written in the RFC 3597 form \\# <length> <hex>");
    expect_error("A", "\\# 4 0102", 3, "A RFC 3597 data is 2 octets; it must be 4");
    expect_error("A", "\\# 3 010203", 2, "the RFC 3597 data (3 octets) is not valid A RDATA");
    expect_error("CNAME", "a..b", 0,
                 "CNAME target 'a..b' is not a valid domain name: empty label "
                 "(two dots in a row, or a leading dot)");
}

/* ---- fields -------------------------------------------------------------------------- */

static void test_fields(void **state)
{
    (void)state;
    run("MX", "10 mail", &R);
    assert_int_equal(R.rc, 0);
    assert_int_equal(R.nf, 2);
    assert_int_equal(R.fields[0].kind, ZL_FIELD_INT);
    assert_int_equal(R.fields[0].off, 0);
    assert_int_equal(R.fields[0].len, 2);
    assert_int_equal(R.fields[1].kind, ZL_FIELD_NAME);
    assert_int_equal(R.fields[1].tok, 1);
    assert_int_equal(R.fields[1].ntok, 1);
    assert_int_equal(R.fields[1].off, 2);
    assert_int_equal(R.fields[1].len, 14); /* mail.example. */
    assert_true(R.fields[1].flags & ZL_NAME_F_RELATIVE);
    /* case is kept in the wire form */
    run("NS", "NS1.Example.", &R);
    assert_int_equal(R.rc, 0);
    assert_memory_equal(R.wire.data, "\003NS1\007Example\000", 13);
    assert_true(R.fields[0].flags & ZL_NAME_F_ABSOLUTE);
    assert_string_equal(R.text, "NS1.Example.");

    run("TXT", "\"a b\" c", &R);
    assert_int_equal(R.nf, 2);
    assert_int_equal(R.fields[0].kind, ZL_FIELD_STRING);
    assert_int_equal(R.fields[0].flags, ZL_TOK_QUOTED);
    assert_int_equal(R.fields[1].flags, 0);
    assert_int_equal(R.fields[1].off, 4);
    assert_int_equal(R.fields[1].len, 2);

    /* base64 split over tokens is one field */
    run("DNSKEY", "256 3 8 AwEA AbqjMQ== ", &R);
    assert_int_equal(R.rc, 0);
    assert_int_equal(R.nf, 4);
    assert_int_equal(R.fields[3].tok, 3);
    assert_int_equal(R.fields[3].ntok, 2);

    /* \# form: fields from the wire, ntok 0 */
    run("MX", "\\# 3 000a00", &R);
    assert_int_equal(R.rc, 0);
    assert_string_equal(R.text, "10 .");
    assert_int_equal(R.nf, 2);
    assert_int_equal(R.fields[0].ntok, 0);
    assert_int_equal(R.fields[1].kind, ZL_FIELD_NAME);
    assert_int_equal(R.fields[1].off, 2);
    assert_int_equal(R.fields[1].len, 1);

    /* SVCB parameters are sorted; each is a field pointing at its token */
    run("SVCB", "1 . port=443 alpn=h2", &R);
    assert_int_equal(R.rc, 0);
    assert_int_equal(R.nf, 4);
    assert_int_equal(R.fields[2].tok, 3);
    assert_int_equal(R.fields[3].tok, 2);
}

/* ---- printing from wire ---------------------------------------------------------------- */

static void test_to_text(void **state)
{
    (void)state;
    struct zl_buf out = { NULL, 0, 0 };
    zl_buf_puts(&out, "x");
    /* invalid wire: -1 and out untouched */
    static const uint8_t mx_bad[] = { 0, 10, 3, 'a' };
    assert_int_equal(zl_rdata_to_text(ZL_T_MX, mx_bad, sizeof mx_bad, &out), -1);
    assert_int_equal(out.len, 1);
    static const uint8_t a_short[] = { 1, 2, 3 };
    assert_int_equal(zl_rdata_to_text(ZL_T_A, a_short, sizeof a_short, &out), -1);
    assert_int_equal(out.len, 1);
    /* unknown types print as \# with upper-case hex in 56-character words */
    out.len = 0;
    static const uint8_t blob[30] = { 0xab, 0xcd };
    assert_int_equal(zl_rdata_to_text(65534, blob, sizeof blob, &out), 0);
    assert_string_equal(zl_buf_cstr(&out),
                        "\\# 30 ABCD" "0000000000000000000000000000000000000000000000000000" " 0000");
    out.len = 0;
    assert_int_equal(zl_rdata_to_text(65534, blob, 0, &out), 0);
    assert_string_equal(zl_buf_cstr(&out), "\\# 0");
    /* TXT escapes as BIND prints them */
    out.len = 0;
    static const uint8_t txt[] = { 6, '"', '\\', 0, 0x7f, ';', ' ' };
    assert_int_equal(zl_rdata_to_text(ZL_T_TXT, txt, sizeof txt, &out), 0);
    assert_string_equal(zl_buf_cstr(&out), "\"\\\"\\\\\\000\\127; \"");
    zl_buf_free(&out);
}

static void test_misc(void **state)
{
    (void)state;
    assert_true(zl_rdata_type_known(ZL_T_MX));
    assert_true(zl_rdata_type_known(ZL_T_SVCB));
    assert_true(zl_rdata_type_known(ZL_T_DSYNC));
    assert_false(zl_rdata_type_known(ZL_T_NULL));
    assert_false(zl_rdata_type_known(65280));
    /* relative names need an origin */
    static struct toks tk;
    struct zl_rdata_error err;
    struct zl_field f[ZL_RDATA_MAX_FIELDS];
    size_t nf;
    struct zl_buf w = { NULL, 0, 0 };
    tokenize("10 mail", &tk);
    assert_int_equal(zl_rdata_parse(ZL_T_MX, tk.t, tk.n, NULL, &w, f, &nf, &err), -1);
    assert_int_equal(err.tok, 1);
    assert_int_equal(w.len, 0);
    tokenize("10 mail.", &tk);
    assert_int_equal(zl_rdata_parse(ZL_T_MX, tk.t, tk.n, NULL, &w, f, &nf, &err), 0);
    assert_int_equal(w.len, 8);
    /* meta-types are not zone data */
    tokenize("\\# 0", &tk);
    assert_int_equal(zl_rdata_parse(ZL_T_ANY, tk.t, tk.n, NULL, &w, f, &nf, &err), -1);
    assert_int_equal(zl_rdata_parse(ZL_T_OPT, tk.t, tk.n, NULL, &w, f, &nf, &err), -1);
    /* key="value" split by the scanner into key= and "value": joined when
     * nothing separates them, an empty value otherwise (as BIND reads it) */
    struct zl_token sv[4];
    memset(sv, 0, sizeof sv);
    sv[0].text = "1";
    sv[0].len = 1;
    sv[1].text = ".";
    sv[1].len = 1;
    sv[2].text = "alpn=";
    sv[2].len = 5;
    sv[2].span.line = sv[2].span.end_line = sv[3].span.line = sv[3].span.end_line = 1;
    sv[2].span.col = 10;
    sv[2].span.end_col = 15;
    sv[3].text = "h2,h3";
    sv[3].len = 5;
    sv[3].flags = ZL_TOK_QUOTED;
    sv[3].span.col = 15;
    w.len = 0;
    assert_int_equal(zl_rdata_parse(ZL_T_SVCB, sv, 4, NULL, &w, f, &nf, &err), 0);
    struct zl_buf out = { NULL, 0, 0 };
    assert_int_equal(zl_rdata_to_text(ZL_T_SVCB, w.data, w.len, &out), 0);
    assert_string_equal(zl_buf_cstr(&out), "1 . alpn=\"h2,h3\"");
    assert_int_equal(nf, 3);
    assert_int_equal(f[2].tok, 2);
    assert_int_equal(f[2].ntok, 2);
    sv[3].span.col = 16; /* "alpn= "h2,h3"": alpn has no value */
    w.len = 0;
    assert_int_equal(zl_rdata_parse(ZL_T_SVCB, sv, 4, NULL, &w, f, &nf, &err), -1);
    assert_int_equal(err.tok, 2);
    zl_buf_free(&out);
    zl_buf_free(&w);
    zl_buf_free(&R.wire);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_table, setup),
        cmocka_unit_test_setup(test_messages, setup),
        cmocka_unit_test_setup(test_fields, setup),
        cmocka_unit_test(test_to_text),
        cmocka_unit_test_setup(test_misc, setup),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    zl_buf_free(&R.wire);
    return rc;
}
