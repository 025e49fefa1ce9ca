/* RR type and class mnemonics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

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
    { "ZONEMD", 63 }, { "SVCB", 64 }, { "HTTPS", 65 }, { "DSYNC", 66 }, { "SPF", 99 },
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_mnemonics),
        cmocka_unit_test(test_type_numbers),
        cmocka_unit_test(test_classes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
