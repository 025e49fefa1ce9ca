/* SPDX-License-Identifier: MIT */
/* The RR-type table (src/rdata/types.def): mnemonics both ways, the
 * perfect-hash lookup, and what the table says about each type (targets,
 * name fields, flags), checked against independent lists and against the
 * fields the RDATA parser records. Class mnemonics too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "rdata/rdata.h"
#include "rdata/types.h"

static int type_of(const char *s)
{
    return zl_type_from_text(s, strlen(s));
}

static int class_of(const char *s)
{
    return zl_class_from_text(s, strlen(s));
}

/* Every mnemonic BIND 9.18 knows, with its number. */
static const struct {
    const char *name;
    int type;
} known[] = {
    { "A", 1 }, { "NS", 2 }, { "MD", 3 }, { "MF", 4 }, { "CNAME", 5 }, { "SOA", 6 }, { "MB", 7 },
    { "MG", 8 }, { "MR", 9 }, { "NULL", 10 }, { "WKS", 11 }, { "PTR", 12 }, { "HINFO", 13 },
    { "MINFO", 14 }, { "MX", 15 }, { "TXT", 16 }, { "RP", 17 }, { "AFSDB", 18 }, { "X25", 19 },
    { "ISDN", 20 }, { "RT", 21 }, { "NSAP", 22 }, { "NSAP-PTR", 23 }, { "SIG", 24 },
    { "KEY", 25 }, { "PX", 26 }, { "GPOS", 27 }, { "AAAA", 28 }, { "LOC", 29 }, { "NXT", 30 },
    { "EID", 31 }, { "NIMLOC", 32 }, { "SRV", 33 }, { "ATMA", 34 }, { "NAPTR", 35 },
    { "KX", 36 }, { "CERT", 37 }, { "A6", 38 }, { "DNAME", 39 }, { "SINK", 40 }, { "OPT", 41 },
    { "APL", 42 }, { "DS", 43 }, { "SSHFP", 44 }, { "IPSECKEY", 45 }, { "RRSIG", 46 },
    { "NSEC", 47 }, { "DNSKEY", 48 }, { "DHCID", 49 }, { "NSEC3", 50 }, { "NSEC3PARAM", 51 },
    { "TLSA", 52 }, { "SMIMEA", 53 }, { "HIP", 55 }, { "NINFO", 56 }, { "RKEY", 57 },
    { "TALINK", 58 }, { "CDS", 59 }, { "CDNSKEY", 60 }, { "OPENPGPKEY", 61 }, { "CSYNC", 62 },
    { "ZONEMD", 63 }, { "SVCB", 64 }, { "HTTPS", 65 }, { "DSYNC", 66 }, { "HHIT", 67 },
    { "BRID", 68 }, { "SPF", 99 },
    { "UINFO", 100 }, { "UID", 101 }, { "GID", 102 }, { "UNSPEC", 103 }, { "NID", 104 },
    { "L32", 105 }, { "L64", 106 }, { "LP", 107 }, { "EUI48", 108 }, { "EUI64", 109 },
    { "TKEY", 249 }, { "TSIG", 250 }, { "IXFR", 251 }, { "AXFR", 252 }, { "MAILB", 253 },
    { "MAILA", 254 }, { "ANY", 255 }, { "URI", 256 }, { "CAA", 257 }, { "AVC", 258 },
    { "DOA", 259 }, { "AMTRELAY", 260 }, { "RESINFO", 261 }, { "WALLET", 262 },
    { "TA", 32768 }, { "DLV", 32769 }, { "KEYDATA", 65533 },
};

static void test_all_mnemonics(void **state)
{
    (void)state;
    char buf[16];
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        const char *n = known[i].name;
        assert_int_equal(type_of(n), known[i].type);
        /* case-insensitive */
        char lower[16];
        size_t k = 0;
        for (; n[k]; k++)
            lower[k] = (n[k] >= 'A' && n[k] <= 'Z') ? (char)(n[k] + 32) : n[k];
        lower[k] = '\0';
        assert_int_equal(type_of(lower), known[i].type);
        assert_string_equal(zl_type_name((uint16_t)known[i].type), n);
        assert_string_equal(zl_type_to_text((uint16_t)known[i].type, buf), n);
    }
}

static void test_type_numbers(void **state)
{
    (void)state;
    char buf[16];
    assert_int_equal(type_of("TYPE1"), 1);
    assert_int_equal(type_of("type001"), 1);
    assert_int_equal(type_of("TYPE0"), 0);
    assert_int_equal(type_of("TYPE65535"), 65535);
    assert_int_equal(type_of("TYPE65536"), -1);
    assert_int_equal(type_of("TYPE123456"), -1);
    assert_int_equal(type_of("TYPE"), -1);
    assert_int_equal(type_of("TYPE1x"), -1);
    assert_int_equal(type_of("TYPE-1"), -1);
    assert_int_equal(type_of(""), -1);
    assert_int_equal(type_of("AA"), -1);
    assert_int_equal(type_of("AAAAA"), -1);
    assert_int_equal(type_of("ALIAS"), -1);  /* not in BIND 9.18 */
    assert_int_equal(type_of("NSAP_PTR"), -1);
    assert_int_equal(type_of("IN"), -1);
    assert_null(zl_type_name(65534));
    assert_null(zl_type_name(54));
    assert_string_equal(zl_type_to_text(65534, buf), "TYPE65534");
    assert_string_equal(zl_type_to_text(0, buf), "TYPE0");
    assert_string_equal(zl_type_to_text(54, buf), "TYPE54");
    /* not NUL-terminated input: only n bytes are read */
    assert_int_equal(zl_type_from_text("MXZ", 2), 15);
    assert_int_equal(zl_type_from_text("TYPE12", 5), 1);
}

static void test_classes(void **state)
{
    (void)state;
    char buf[16];
    assert_int_equal(class_of("IN"), 1);
    assert_int_equal(class_of("in"), 1);
    assert_int_equal(class_of("CH"), 3);
    assert_int_equal(class_of("CHAOS"), 3);
    assert_int_equal(class_of("HS"), 4);
    assert_int_equal(class_of("HESIOD"), 4);
    assert_int_equal(class_of("NONE"), 254);
    assert_int_equal(class_of("ANY"), 255);
    assert_int_equal(class_of("CLASS1"), 1);
    assert_int_equal(class_of("class65535"), 65535);
    assert_int_equal(class_of("CLASS65536"), -1);
    assert_int_equal(class_of("CLASS"), -1);
    assert_int_equal(class_of("A"), -1);
    assert_int_equal(class_of("INX"), -1);
    assert_string_equal(zl_class_to_text(1, buf), "IN");
    assert_string_equal(zl_class_to_text(3, buf), "CH");
    assert_string_equal(zl_class_to_text(254, buf), "NONE");
    assert_string_equal(zl_class_to_text(42, buf), "CLASS42");
}

#define NKNOWN (sizeof known / sizeof known[0])

static int known_type(const char *name)
{
    for (size_t i = 0; i < NKNOWN; i++)
        if (strcmp(known[i].name, name) == 0)
            return known[i].type;
    return -1;
}

/* Every row of the table is one of BIND's mnemonics with its number, and
 * every one of BIND's is a row: adding a row without its test fails here. */
static void test_every_row(void **state)
{
    (void)state;
    assert_int_equal(zl_type_count(), NKNOWN);
    for (size_t i = 0; i < zl_type_count(); i++) {
        uint16_t t = zl_type_at(i);
        const char *n = zl_type_name(t);
        assert_non_null(n);
        assert_int_equal(known_type(n), t);
        if (i > 0)
            assert_true(zl_type_at(i - 1) < t); /* types.def is in code order */
        /* mixed case: every other letter lower */
        char mixed[16];
        size_t k = 0;
        for (; n[k]; k++)
            mixed[k] = (k % 2 && n[k] >= 'A' && n[k] <= 'Z') ? (char)(n[k] + 32) : n[k];
        assert_int_equal(zl_type_from_text(mixed, k), t);
        /* TYPEnnn names the same type */
        char num[16];
        snprintf(num, sizeof num, "TYPE%u", (unsigned)t);
        assert_int_equal(type_of(num), t);
        /* a prefix or an extension of the mnemonic is not it */
        if (k > 1)
            assert_true(zl_type_from_text(n, k - 1) != t);
        char longer[20];
        snprintf(longer, sizeof longer, "%sX", n);
        assert_true(type_of(longer) != t);
    }
    assert_int_equal(zl_type_at(zl_type_count()), 0);
}

/* The answer a linear search of the table gives (case-insensitive), the
 * reference the hashed lookup must agree with. */
static int linear(const char *s, size_t n)
{
    for (size_t i = 0; i < zl_type_count(); i++) {
        const char *m = zl_type_name(zl_type_at(i));
        size_t k = 0;
        for (; k < n && m[k]; k++) {
            char c = s[k];
            if (c >= 'a' && c <= 'z')
                c = (char)(c - 32);
            if (c != m[k])
                break;
        }
        if (k == n && !m[k])
            return zl_type_at(i);
    }
    return -1;
}

/* The hash only picks a candidate from the length and three characters;
 * strings that share those with a mnemonic, and characters that fold to a
 * mnemonic's under | 0x20 without being its letters, must not match. */
static void test_hash_collisions(void **state)
{
    (void)state;
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                   "0123456789-_.*@[`{\x01\x13\x0d\x7f\xc1\xe1";
    size_t na = sizeof alphabet - 1;
    char s[4];
    /* every string of 1-3 characters: the key covers all of them */
    for (size_t a = 0; a < na; a++) {
        s[0] = alphabet[a];
        assert_int_equal(zl_type_from_text(s, 1), linear(s, 1));
        for (size_t b = 0; b < na; b++) {
            s[1] = alphabet[b];
            assert_int_equal(zl_type_from_text(s, 2), linear(s, 2));
            for (size_t c = 0; c < na; c++) {
                s[2] = alphabet[c];
                assert_int_equal(zl_type_from_text(s, 3), linear(s, 3));
            }
        }
    }
    /* every mnemonic with one character changed, wherever it is */
    for (size_t i = 0; i < zl_type_count(); i++) {
        const char *m = zl_type_name(zl_type_at(i));
        size_t n = strlen(m);
        char buf[16];
        for (size_t pos = 0; pos < n; pos++)
            for (size_t a = 0; a < na; a++) {
                memcpy(buf, m, n);
                buf[pos] = alphabet[a];
                assert_int_equal(zl_type_from_text(buf, n), linear(buf, n));
            }
    }
    /* same length, first, middle and last character as a mnemonic */
    assert_int_equal(type_of("CXAXE"), -1);       /* CNAME */
    assert_int_equal(type_of("NXXX3PARAM"), -1);  /* NSEC3PARAM: 10 long, middle is '3' */
    assert_int_equal(type_of("NSEC\x13"), -1);    /* '\x13' | 0x20 is '3' */
    assert_int_equal(type_of("a\x01"), -1);       /* folds like "A!" */
    assert_int_equal(type_of("\xc1"), -1);        /* not 'A' in any case */
    assert_int_equal(type_of("nsec3param"), ZL_T_NSEC3PARAM);
    assert_int_equal(type_of("Nsap-Ptr"), ZL_T_NSAP_PTR);
    assert_int_equal(type_of("tYpE12"), 12);
    assert_int_equal(type_of("TYPE00012"), 12);
    assert_int_equal(type_of("WWW"), -1);
    assert_int_equal(type_of("CLASS1"), -1);
    assert_int_equal(type_of("0"), -1);
    assert_int_equal(type_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), -1);
}

/* ---- what the table says about each type ----------------------------------- */

/* A valid RDATA for every type that has a presentation form. */
static const struct {
    const char *type, *rdata;
} samples[] = {
    { "A", "192.0.2.1" },
    { "NS", "ns1" },
    { "MD", "mail.example.net." },
    { "MF", "mail.example.net." },
    { "CNAME", "www.example.net." },
    { "SOA", "ns1 hostmaster 2024010101 1h 15m 1w 1h" },
    { "MB", "host.example.net." },
    { "MG", "mbox.example.net." },
    { "MR", "mbox.example.net." },
    { "WKS", "192.0.2.1 6 25 80" },
    { "PTR", "host.example.net." },
    { "HINFO", "\"x86\" \"Linux\"" },
    { "MINFO", "admin errors" },
    { "MX", "10 mail" },
    { "TXT", "\"v=spf1 -all\"" },
    { "RP", "admin.example.net. txt.example.net." },
    { "AFSDB", "1 afs.example.net." },
    { "X25", "311061700956" },
    { "ISDN", "\"150862028003217\" \"004\"" },
    { "RT", "10 relay.example.net." },
    { "NSAP", "0x47.0005.80.005a00.0000.0001.e133.ffffff000162.00" },
    { "NSAP-PTR", "host.example.net." },
    { "SIG", "A 8 2 3600 20300101000000 20240101000000 12345 example. AQAB" },
    { "KEY", "256 3 8 AwEAAQ==" },
    { "PX", "10 map822.example.net. mapx400.example.net." },
    { "GPOS", "\"-32.6882\" \"116.8652\" \"10.0\"" },
    { "AAAA", "2001:db8::1" },
    { "LOC", "52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m" },
    { "NXT", "next.example.net. A NS" },
    { "EID", "ABCD" },
    { "NIMLOC", "ABCD" },
    { "SRV", "0 5 5060 sip.example.net." },
    { "ATMA", "+358400123" },
    { "NAPTR", "100 10 \"S\" \"SIP+D2U\" \"\" _sip._udp.example.net." },
    { "KX", "10 kx.example.net." },
    { "CERT", "1 0 0 AQAB" },
    { "A6", "0 2001:db8::1" },
    { "DNAME", "example.net." },
    { "SINK", "1 0 0 AQAB" },
    { "APL", "1:192.0.2.0/24" },
    { "DS", "12345 8 2 2BB183AF5F22588179A53B0A98631FAD1A292118E9A23B52A5C4D27A7ACFB9D7" },
    { "SSHFP", "1 1 123456789ABCDEF67890123456789ABCDEF67890" },
    { "IPSECKEY", "10 3 2 gw.example.net. AQAB" },
    { "RRSIG", "A 8 2 3600 20300101000000 20240101000000 12345 example. AQAB" },
    { "NSEC", "next.example. A NS RRSIG" },
    { "DNSKEY", "257 3 8 AwEAAQ==" },
    { "DHCID", "AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=" },
    { "NSEC3", "1 0 0 - 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR A" },
    { "NSEC3PARAM", "1 0 0 -" },
    { "TLSA", "3 1 1 2BB183AF5F22588179A53B0A98631FAD1A292118E9A23B52A5C4D27A7ACFB9D7" },
    { "SMIMEA", "3 1 1 2BB183AF5F22588179A53B0A98631FAD1A292118E9A23B52A5C4D27A7ACFB9D7" },
    { "HIP", "2 200100107B1A74DF365639CC39F1D578 AwEAAQ== rvs.example.net." },
    { "NINFO", "\"info\"" },
    { "RKEY", "0 3 8 AwEAAQ==" },
    { "TALINK", "prev.example.net. next.example.net." },
    { "CDS", "12345 8 2 2BB183AF5F22588179A53B0A98631FAD1A292118E9A23B52A5C4D27A7ACFB9D7" },
    { "CDNSKEY", "257 3 8 AwEAAQ==" },
    { "OPENPGPKEY", "AQAB" },
    { "CSYNC", "2024010101 3 A NS AAAA" },
    { "ZONEMD", "2024010101 1 2 2BB183AF5F22588179A53B0A98631FAD1A292118E9A23B52A5C4D27A7ACFB9D7"
                "2BB183AF5F22588179A53B0A98631FAD1A292118E9A23B52A5C4D27A7ACFB9D7" },
    { "SVCB", "1 svc.example.net. alpn=h2" },
    { "HTTPS", "1 svc.example.net. alpn=h2" },
    { "DSYNC", "CDS 1 5359 notify.example.net." },
    { "HHIT", "AQAB" },
    { "BRID", "AQAB" },
    { "SPF", "\"v=spf1 -all\"" },
    { "NID", "10 0014:4fff:ff20:ee64" },
    { "L32", "10 10.1.2.0" },
    { "L64", "10 2001:0DB8:1140:1000" },
    { "LP", "10 l64-subnet1.example.net." },
    { "EUI48", "00-00-5e-00-53-2a" },
    { "EUI64", "00-00-5e-ef-10-00-00-2a" },
    { "URI", "10 1 \"ftp://ftp1.example.com/public\"" },
    { "CAA", "0 issue \"letsencrypt.org\"" },
    { "AVC", "\"app-name:WebEx|app-class:OAM\"" },
    { "DOA", "0 1 2 \"\" aHR0cHM6Ly93d3cuaXNjLm9yZy8=" },
    { "AMTRELAY", "10 0 3 relay.example.net." },
    { "RESINFO", "\"qnamemin\"" },
    { "WALLET", "\"BTC\" \"addr\"" },
    { "TA", "12345 8 2 2BB183AF5F22588179A53B0A98631FAD1A292118E9A23B52A5C4D27A7ACFB9D7" },
    { "DLV", "12345 8 2 2BB183AF5F22588179A53B0A98631FAD1A292118E9A23B52A5C4D27A7ACFB9D7" },
    { "KEYDATA", "20240101000000 20240101000000 19700101000000 257 3 8 AwEAAQ==" },
};

/* The targets per RFC, written out independently of types.def: the field
 * index and the name in the sample. Every other type has none. */
static const struct {
    const char *type;
    int field;
    const char *name;
} targets[] = {
    { "NS", 0, "ns1.example." },
    { "MD", 0, "mail.example.net." },
    { "MF", 0, "mail.example.net." },
    { "CNAME", 0, "www.example.net." },
    { "MB", 0, "host.example.net." },
    { "PTR", 0, "host.example.net." },
    { "MX", 1, "mail.example." },
    { "AFSDB", 1, "afs.example.net." },
    { "RT", 1, "relay.example.net." },
    { "NSAP-PTR", 0, "host.example.net." },
    { "SRV", 3, "sip.example.net." },
    { "NAPTR", 5, "_sip._udp.example.net." },
    { "KX", 1, "kx.example.net." },
    { "DNAME", 0, "example.net." },
    { "IPSECKEY", 3, "gw.example.net." },
    { "SVCB", 1, "svc.example.net." },
    { "HTTPS", 1, "svc.example.net." },
    { "DSYNC", 3, "notify.example.net." },
    { "LP", 1, "l64-subnet1.example.net." },
    { "AMTRELAY", 2, "relay.example.net." },
};

#define MAXTOK 64

/* Whitespace separates; "..." is one token (quotes dropped, flagged). */
static size_t tokenize(const char *s, struct zl_token *t)
{
    size_t n = 0;
    while (*s && n < MAXTOK) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        memset(&t[n], 0, sizeof t[n]);
        if (*s == '"') {
            const char *b = ++s;
            while (*s && *s != '"')
                s++;
            t[n].text = b;
            t[n].len = (uint32_t)(s - b);
            t[n].flags = ZL_TOK_QUOTED;
            if (*s)
                s++;
        } else {
            const char *b = s;
            while (*s && *s != ' ')
                s++;
            t[n].text = b;
            t[n].len = (uint32_t)(s - b);
        }
        n++;
    }
    return n;
}

struct parsed {
    int rc;
    struct zl_buf wire;
    struct zl_field fields[ZL_RDATA_MAX_FIELDS];
    size_t nf;
    struct zl_rdata_error err;
};

static struct zl_name origin;

static void parse(uint16_t type, const char *rdata, struct parsed *p)
{
    struct zl_token toks[MAXTOK];
    size_t n = tokenize(rdata, toks);
    p->wire.len = 0;
    p->rc = zl_rdata_parse(type, toks, n, &origin, &p->wire, p->fields, &p->nf, &p->err);
}

static int expected_target(const char *type, const char **name)
{
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++)
        if (strcmp(targets[i].type, type) == 0) {
            *name = targets[i].name;
            return targets[i].field;
        }
    return -1;
}

static void field_name(const struct parsed *p, size_t i, char *out)
{
    struct zl_name nm;
    assert_true(zl_name_from_wire(&nm, p->wire.data + p->fields[i].off, p->fields[i].len) > 0);
    zl_name_to_text(&nm, out);
}

static void check_fields(uint16_t type, const struct parsed *p, const char *tname)
{
    const char *want = NULL;
    int tf = expected_target(tname, &want);
    unsigned names = 0;
    for (size_t i = 0; i < p->nf; i++)
        if (p->fields[i].kind == ZL_FIELD_NAME)
            names++;
    if (tf >= 0) {
        /* the target is a recorded name field, the only one */
        assert_true((size_t)tf < p->nf);
        assert_int_equal(p->fields[tf].kind, ZL_FIELD_NAME);
        assert_int_equal(names, 1);
        char text[ZL_NAME_TEXT_MAX];
        field_name(p, (size_t)tf, text);
        assert_string_equal(text, want);
        assert_true(zl_type_field_is_name(type, (unsigned)tf));
    }
    /* where the table lists fields, field_is_name says what was recorded */
    for (size_t i = 0; i < p->nf; i++)
        if (zl_type_field_is_name(type, (unsigned)i))
            assert_int_equal(p->fields[i].kind, ZL_FIELD_NAME);
}

static void test_samples(void **state)
{
    (void)state;
    unsigned fl;
    assert_int_equal(zl_name_from_text(&origin, "example.", 8, NULL, &fl), ZL_NAME_OK);
    static struct parsed p, g;
    size_t texts = 0;
    for (size_t i = 0; i < zl_type_count(); i++) {
        uint16_t type = zl_type_at(i);
        const char *tname = zl_type_name(type);
        const char *rdata = NULL;
        for (size_t k = 0; k < sizeof samples / sizeof samples[0]; k++)
            if (strcmp(samples[k].type, tname) == 0)
                rdata = samples[k].rdata;
        if (!zl_rdata_type_known(type)) {
            assert_null(rdata);
            continue;
        }
        texts++;
        if (!rdata)
            fail_msg("no sample for %s in samples[]", tname);
        parse(type, rdata, &p);
        if (p.rc != 0)
            fail_msg("%s %s: %s", tname, rdata, p.err.msg);
        check_fields(type, &p, tname);
        /* printed and read back: the same wire; and the same from \# */
        struct zl_buf out = { NULL, 0, 0 };
        assert_int_equal(zl_rdata_to_text(type, p.wire.data, p.wire.len, &out), 0);
        zl_buf_putc(&out, 0);
        parse(type, (const char *)out.data, &g);
        if (g.rc != 0)
            fail_msg("%s printed as '%s': %s", tname, (const char *)out.data, g.err.msg);
        assert_int_equal(g.wire.len, p.wire.len);
        assert_memory_equal(g.wire.data, p.wire.data, p.wire.len);
        out.len = 0;
        zl_buf_printf(&out, "\\# %zu ", p.wire.len);
        for (size_t k = 0; k < p.wire.len; k++)
            zl_buf_printf(&out, "%02X", p.wire.data[k]);
        zl_buf_putc(&out, 0);
        parse(type, (const char *)out.data, &g);
        assert_int_equal(g.rc, 0);
        assert_int_equal(g.wire.len, p.wire.len);
        const char *want = NULL;
        int tf = expected_target(tname, &want);
        if (tf >= 0) {
            assert_true((size_t)tf < g.nf);
            assert_int_equal(g.fields[tf].kind, ZL_FIELD_NAME);
        }
        zl_buf_free(&out);
    }
    assert_int_equal(texts, sizeof samples / sizeof samples[0]);
    zl_buf_free(&p.wire);
    zl_buf_free(&g.wire);
}

static void test_targets(void **state)
{
    (void)state;
    for (size_t i = 0; i < zl_type_count(); i++) {
        uint16_t t = zl_type_at(i);
        const char *want = NULL;
        int tf = expected_target(zl_type_name(t), &want);
        assert_int_equal(zl_type_target_field(t), tf);
        assert_int_equal(zl_type_has_target(t), tf >= 0);
    }
    /* the whole RDATA is the target */
    static const uint16_t only[] = { ZL_T_CNAME, ZL_T_DNAME, ZL_T_NS, ZL_T_PTR, ZL_T_MD, ZL_T_MF,
                                     ZL_T_MB, ZL_T_NSAP_PTR };
    size_t nonly = 0;
    for (size_t i = 0; i < zl_type_count(); i++)
        if (zl_type_target_only(zl_type_at(i)))
            nonly++;
    assert_int_equal(nonly, sizeof only / sizeof only[0]);
    for (size_t i = 0; i < sizeof only / sizeof only[0]; i++)
        assert_true(zl_type_target_only(only[i]));
    assert_false(zl_type_target_only(ZL_T_MX));
    assert_false(zl_type_target_only(ZL_T_SVCB));
    /* not targets: other names */
    assert_false(zl_type_has_target(ZL_T_SOA));
    assert_false(zl_type_has_target(ZL_T_RRSIG));
    assert_false(zl_type_has_target(ZL_T_NSEC));
    assert_false(zl_type_has_target(ZL_T_URI)); /* a URI, not a domain name */
    assert_false(zl_type_has_target(ZL_T_HIP)); /* a list of rendezvous servers */
    assert_int_equal(zl_type_target_field(65534), -1);
    assert_int_equal(zl_type_target_field(0), -1);
    /* name fields from the field lists */
    assert_true(zl_type_field_is_name(ZL_T_SOA, 0));
    assert_true(zl_type_field_is_name(ZL_T_SOA, 1));
    assert_false(zl_type_field_is_name(ZL_T_SOA, 2));
    assert_false(zl_type_field_is_name(ZL_T_SOA, 7));
    assert_true(zl_type_field_is_name(ZL_T_RRSIG, 7));
    assert_false(zl_type_field_is_name(ZL_T_MX, 0));
    assert_true(zl_type_field_is_name(ZL_T_MX, 1));
    assert_false(zl_type_field_is_name(ZL_T_TXT, 0));
    assert_false(zl_type_field_is_name(65534, 0));
}

static void test_flags(void **state)
{
    (void)state;
    static const uint16_t meta[] = { ZL_T_OPT, ZL_T_TKEY, ZL_T_TSIG, ZL_T_IXFR, ZL_T_AXFR,
                                     ZL_T_MAILB, ZL_T_MAILA, ZL_T_ANY };
    size_t nmeta = 0;
    for (size_t i = 0; i < zl_type_count(); i++) {
        uint16_t t = zl_type_at(i);
        if (zl_type_flags(t) & ZL_TF_META) {
            nmeta++;
            assert_true(zl_type_is_meta(t));
            assert_false(zl_rdata_type_known(t));
        }
    }
    assert_int_equal(nmeta, sizeof meta / sizeof meta[0]);
    for (size_t i = 0; i < sizeof meta / sizeof meta[0]; i++)
        assert_true(zl_type_flags(meta[i]) & ZL_TF_META);
    /* BIND's meta range has numbers without a row */
    assert_true(zl_type_is_meta(0));
    assert_true(zl_type_is_meta(128));
    assert_false(zl_type_is_meta(ZL_T_A));
    assert_false(zl_type_is_meta(256));
    assert_int_equal(zl_type_flags(65534), 0);
    assert_true(zl_type_flags(ZL_T_MD) & ZL_TF_OBSOLETE);
    assert_true(zl_type_flags(ZL_T_A6) & ZL_TF_OBSOLETE);
    assert_true(zl_type_flags(ZL_T_DLV) & ZL_TF_OBSOLETE);
    assert_false(zl_type_flags(ZL_T_MX) & ZL_TF_OBSOLETE);
    /* known to BIND, but only in the \# form */
    assert_false(zl_rdata_type_known(ZL_T_NULL));
    assert_false(zl_rdata_type_known(ZL_T_UNSPEC));
    assert_true(zl_rdata_type_known(ZL_T_KEYDATA));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_mnemonics),
        cmocka_unit_test(test_type_numbers),
        cmocka_unit_test(test_classes),
        cmocka_unit_test(test_every_row),
        cmocka_unit_test(test_hash_collisions),
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_targets),
        cmocka_unit_test(test_flags),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
