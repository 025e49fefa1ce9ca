/* RR type and class mnemonics. The set is BIND 9.18's (lib/dns/rdata), so
 * that a mnemonic zonelint accepts is exactly one BIND accepts. */
#include "rdata/types.h"

#include <stdbool.h>
#include <string.h>

struct tname {
    const char *name;
    uint16_t type;
};

/* Buckets by mnemonic length: zl_type_from_text is called for every record,
 * so a lookup compares against a handful of same-length names, first
 * character first. */
static const struct tname len1[] = { { "A", ZL_T_A }, { NULL, 0 } };
static const struct tname len2[] = {
    { "NS", ZL_T_NS }, { "MX", ZL_T_MX }, { "DS", ZL_T_DS }, { "MD", ZL_T_MD },
    { "MF", ZL_T_MF }, { "MB", ZL_T_MB }, { "MG", ZL_T_MG }, { "MR", ZL_T_MR },
    { "RP", ZL_T_RP }, { "RT", ZL_T_RT }, { "PX", ZL_T_PX }, { "KX", ZL_T_KX },
    { "A6", ZL_T_A6 }, { "TA", ZL_T_TA }, { "LP", ZL_T_LP }, { NULL, 0 },
};
static const struct tname len3[] = {
    { "SOA", ZL_T_SOA }, { "TXT", ZL_T_TXT }, { "PTR", ZL_T_PTR }, { "SRV", ZL_T_SRV },
    { "CAA", ZL_T_CAA }, { "SPF", ZL_T_SPF }, { "WKS", ZL_T_WKS }, { "X25", ZL_T_X25 },
    { "SIG", ZL_T_SIG }, { "KEY", ZL_T_KEY }, { "LOC", ZL_T_LOC }, { "NXT", ZL_T_NXT },
    { "EID", ZL_T_EID }, { "OPT", ZL_T_OPT }, { "HIP", ZL_T_HIP }, { "NID", ZL_T_NID },
    { "L32", ZL_T_L32 }, { "L64", ZL_T_L64 }, { "URI", ZL_T_URI }, { "AVC", ZL_T_AVC },
    { "DOA", ZL_T_DOA }, { "DLV", ZL_T_DLV }, { "ANY", ZL_T_ANY }, { "UID", ZL_T_UID },
    { "GID", ZL_T_GID }, { "APL", ZL_T_APL }, { NULL, 0 },
};
static const struct tname len4[] = {
    { "AAAA", ZL_T_AAAA }, { "NSEC", ZL_T_NSEC }, { "ISDN", ZL_T_ISDN }, { "NSAP", ZL_T_NSAP },
    { "GPOS", ZL_T_GPOS }, { "ATMA", ZL_T_ATMA }, { "HHIT", ZL_T_HHIT }, { "BRID", ZL_T_BRID }, { "CERT", ZL_T_CERT }, { "SINK", ZL_T_SINK },
    { "TLSA", ZL_T_TLSA }, { "RKEY", ZL_T_RKEY }, { "SVCB", ZL_T_SVCB }, { "TKEY", ZL_T_TKEY },
    { "TSIG", ZL_T_TSIG }, { "IXFR", ZL_T_IXFR }, { "AXFR", ZL_T_AXFR }, { "NULL", ZL_T_NULL },
    { NULL, 0 },
};
static const struct tname len5[] = {
    { "CNAME", ZL_T_CNAME }, { "DNAME", ZL_T_DNAME }, { "RRSIG", ZL_T_RRSIG },
    { "HINFO", ZL_T_HINFO }, { "MINFO", ZL_T_MINFO }, { "AFSDB", ZL_T_AFSDB },
    { "NAPTR", ZL_T_NAPTR }, { "NSEC3", ZL_T_NSEC3 }, { "HTTPS", ZL_T_HTTPS },
    { "SSHFP", ZL_T_SSHFP }, { "DHCID", ZL_T_DHCID }, { "NINFO", ZL_T_NINFO },
    { "CSYNC", ZL_T_CSYNC }, { "EUI48", ZL_T_EUI48 }, { "EUI64", ZL_T_EUI64 },
    { "DSYNC", ZL_T_DSYNC }, { "UINFO", ZL_T_UINFO }, { "MAILA", ZL_T_MAILA },
    { "MAILB", ZL_T_MAILB }, { NULL, 0 },
};
static const struct tname len6[] = {
    { "DNSKEY", ZL_T_DNSKEY }, { "ZONEMD", ZL_T_ZONEMD }, { "SMIMEA", ZL_T_SMIMEA },
    { "NIMLOC", ZL_T_NIMLOC }, { "TALINK", ZL_T_TALINK }, { "WALLET", ZL_T_WALLET },
    { "UNSPEC", ZL_T_UNSPEC }, { NULL, 0 },
};
static const struct tname len7[] = {
    { "CDNSKEY", ZL_T_CDNSKEY }, { "RESINFO", ZL_T_RESINFO }, { "KEYDATA", ZL_T_KEYDATA },
    { NULL, 0 },
};
static const struct tname len8[] = {
    { "IPSECKEY", ZL_T_IPSECKEY }, { "NSAP-PTR", ZL_T_NSAP_PTR }, { "AMTRELAY", ZL_T_AMTRELAY },
    { NULL, 0 },
};
static const struct tname len10[] = {
    { "NSEC3PARAM", ZL_T_NSEC3PARAM }, { "OPENPGPKEY", ZL_T_OPENPGPKEY }, { NULL, 0 },
};
static const struct tname cds[] = { { "CDS", ZL_T_CDS }, { NULL, 0 } };

static inline char upper(char c)
{
    return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

/* Case-insensitive compare of s[0..n) with an upper-case mnemonic of length n. */
static bool same(const char *s, const char *mn, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (upper(s[i]) != mn[i])
            return false;
    return true;
}

static int lookup(const struct tname *b, const char *s, size_t n)
{
    char c0 = upper(s[0]);
    for (; b->name; b++)
        if (b->name[0] == c0 && same(s, b->name, n))
            return b->type;
    return -1;
}

/* Parses "<prefix><digits>" (RFC 3597 TYPEnnn / CLASSnnn) as BIND does:
 * at most 5 digits, value at most 65535. */
static int numbered(const char *s, size_t n, const char *prefix, size_t plen)
{
    if (n <= plen || n > plen + 5 || !same(s, prefix, plen))
        return -1;
    unsigned v = 0;
    for (size_t i = plen; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    return v > 65535 ? -1 : (int)v;
}

int zl_type_from_text(const char *s, size_t n)
{
    int t = -1;
    switch (n) {
    case 0: return -1;
    case 1: t = lookup(len1, s, n); break;
    case 2: t = lookup(len2, s, n); break;
    case 3:
        t = lookup(len3, s, n);
        if (t < 0)
            t = lookup(cds, s, n);
        break;
    case 4: t = lookup(len4, s, n); break;
    case 5: t = lookup(len5, s, n); break;
    case 6: t = lookup(len6, s, n); break;
    case 7: t = lookup(len7, s, n); break;
    case 8: t = lookup(len8, s, n); break;
    case 10: t = lookup(len10, s, n); break;
    default: break;
    }
    if (t >= 0)
        return t;
    return numbered(s, n, "TYPE", 4);
}

/* Indexed by type for 0..127; the few higher ones are handled in a switch. */
static const char *const low_names[128] = {
    [ZL_T_A] = "A", [ZL_T_NS] = "NS", [ZL_T_MD] = "MD", [ZL_T_MF] = "MF",
    [ZL_T_CNAME] = "CNAME", [ZL_T_SOA] = "SOA", [ZL_T_MB] = "MB", [ZL_T_MG] = "MG",
    [ZL_T_MR] = "MR", [ZL_T_NULL] = "NULL", [ZL_T_WKS] = "WKS", [ZL_T_PTR] = "PTR",
    [ZL_T_HINFO] = "HINFO", [ZL_T_MINFO] = "MINFO", [ZL_T_MX] = "MX", [ZL_T_TXT] = "TXT",
    [ZL_T_RP] = "RP", [ZL_T_AFSDB] = "AFSDB", [ZL_T_X25] = "X25", [ZL_T_ISDN] = "ISDN",
    [ZL_T_RT] = "RT", [ZL_T_NSAP] = "NSAP", [ZL_T_NSAP_PTR] = "NSAP-PTR", [ZL_T_SIG] = "SIG",
    [ZL_T_KEY] = "KEY", [ZL_T_PX] = "PX", [ZL_T_GPOS] = "GPOS", [ZL_T_AAAA] = "AAAA",
    [ZL_T_LOC] = "LOC", [ZL_T_NXT] = "NXT", [ZL_T_EID] = "EID", [ZL_T_NIMLOC] = "NIMLOC",
    [ZL_T_SRV] = "SRV", [ZL_T_ATMA] = "ATMA", [ZL_T_NAPTR] = "NAPTR", [ZL_T_KX] = "KX",
    [ZL_T_CERT] = "CERT", [ZL_T_A6] = "A6", [ZL_T_DNAME] = "DNAME", [ZL_T_SINK] = "SINK",
    [ZL_T_OPT] = "OPT", [ZL_T_APL] = "APL", [ZL_T_DS] = "DS", [ZL_T_SSHFP] = "SSHFP",
    [ZL_T_IPSECKEY] = "IPSECKEY", [ZL_T_RRSIG] = "RRSIG", [ZL_T_NSEC] = "NSEC",
    [ZL_T_DNSKEY] = "DNSKEY", [ZL_T_DHCID] = "DHCID", [ZL_T_NSEC3] = "NSEC3",
    [ZL_T_NSEC3PARAM] = "NSEC3PARAM", [ZL_T_TLSA] = "TLSA", [ZL_T_SMIMEA] = "SMIMEA",
    [ZL_T_HIP] = "HIP", [ZL_T_NINFO] = "NINFO", [ZL_T_RKEY] = "RKEY", [ZL_T_TALINK] = "TALINK",
    [ZL_T_CDS] = "CDS", [ZL_T_CDNSKEY] = "CDNSKEY", [ZL_T_OPENPGPKEY] = "OPENPGPKEY",
    [ZL_T_CSYNC] = "CSYNC", [ZL_T_ZONEMD] = "ZONEMD", [ZL_T_SVCB] = "SVCB",
    [ZL_T_HTTPS] = "HTTPS", [ZL_T_DSYNC] = "DSYNC", [ZL_T_HHIT] = "HHIT", [ZL_T_BRID] = "BRID", [ZL_T_SPF] = "SPF",
    [ZL_T_UINFO] = "UINFO", [ZL_T_UID] = "UID", [ZL_T_GID] = "GID", [ZL_T_UNSPEC] = "UNSPEC",
    [ZL_T_NID] = "NID", [ZL_T_L32] = "L32", [ZL_T_L64] = "L64", [ZL_T_LP] = "LP",
    [ZL_T_EUI48] = "EUI48", [ZL_T_EUI64] = "EUI64",
};

const char *zl_type_name(uint16_t type)
{
    if (type < 128)
        return low_names[type];
    switch (type) {
    case ZL_T_TKEY: return "TKEY";
    case ZL_T_TSIG: return "TSIG";
    case ZL_T_IXFR: return "IXFR";
    case ZL_T_AXFR: return "AXFR";
    case ZL_T_MAILB: return "MAILB";
    case ZL_T_MAILA: return "MAILA";
    case ZL_T_ANY: return "ANY";
    case ZL_T_URI: return "URI";
    case ZL_T_CAA: return "CAA";
    case ZL_T_AVC: return "AVC";
    case ZL_T_DOA: return "DOA";
    case ZL_T_AMTRELAY: return "AMTRELAY";
    case ZL_T_RESINFO: return "RESINFO";
    case ZL_T_WALLET: return "WALLET";
    case ZL_T_TA: return "TA";
    case ZL_T_DLV: return "DLV";
    case ZL_T_KEYDATA: return "KEYDATA";
    default: return NULL;
    }
}

/* Writes prefix + decimal v into out; returns out. */
static const char *numbered_text(const char *prefix, unsigned v, char *out)
{
    size_t n = strlen(prefix);
    memcpy(out, prefix, n);
    char tmp[8];
    int i = 0;
    do {
        tmp[i++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (i)
        out[n++] = tmp[--i];
    out[n] = '\0';
    return out;
}

const char *zl_type_to_text(uint16_t type, char *out)
{
    const char *n = zl_type_name(type);
    if (n) {
        strcpy(out, n);
        return out;
    }
    return numbered_text("TYPE", type, out);
}

int zl_class_from_text(const char *s, size_t n)
{
    switch (n) {
    case 2:
        if (same(s, "IN", 2)) return ZL_CLASS_IN;
        if (same(s, "CH", 2)) return ZL_CLASS_CH;
        if (same(s, "HS", 2)) return ZL_CLASS_HS;
        break;
    case 3:
        if (same(s, "ANY", 3)) return ZL_CLASS_ANY;
        break;
    case 4:
        if (same(s, "NONE", 4)) return ZL_CLASS_NONE;
        break;
    case 5:
        if (same(s, "CHAOS", 5)) return ZL_CLASS_CH;
        break;
    case 6:
        if (same(s, "HESIOD", 6)) return ZL_CLASS_HS;
        break;
    default:
        break;
    }
    return numbered(s, n, "CLASS", 5);
}

const char *zl_class_to_text(uint16_t rclass, char *out)
{
    const char *n = NULL;
    switch (rclass) {
    case ZL_CLASS_IN: n = "IN"; break;
    case ZL_CLASS_CH: n = "CH"; break;
    case ZL_CLASS_HS: n = "HS"; break;
    case ZL_CLASS_NONE: n = "NONE"; break;
    case ZL_CLASS_ANY: n = "ANY"; break;
    default: break;
    }
    if (n) {
        strcpy(out, n);
        return out;
    }
    return numbered_text("CLASS", rclass, out);
}
