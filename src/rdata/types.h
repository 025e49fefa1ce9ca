/* RR type and class mnemonics (RFC 3597 TYPEnnn / CLASSnnn included). */
#ifndef ZL_TYPES_H
#define ZL_TYPES_H

#include <stddef.h>
#include <stdint.h>

enum {
    ZL_CLASS_IN = 1, ZL_CLASS_CH = 3, ZL_CLASS_HS = 4, ZL_CLASS_NONE = 254, ZL_CLASS_ANY = 255,
};

enum {
    ZL_T_A = 1, ZL_T_NS = 2, ZL_T_MD = 3, ZL_T_MF = 4, ZL_T_CNAME = 5, ZL_T_SOA = 6,
    ZL_T_MB = 7, ZL_T_MG = 8, ZL_T_MR = 9, ZL_T_NULL = 10, ZL_T_WKS = 11, ZL_T_PTR = 12,
    ZL_T_HINFO = 13, ZL_T_MINFO = 14, ZL_T_MX = 15, ZL_T_TXT = 16, ZL_T_RP = 17,
    ZL_T_AFSDB = 18, ZL_T_X25 = 19, ZL_T_ISDN = 20, ZL_T_RT = 21, ZL_T_NSAP = 22,
    ZL_T_NSAP_PTR = 23, ZL_T_SIG = 24, ZL_T_KEY = 25, ZL_T_PX = 26, ZL_T_GPOS = 27,
    ZL_T_AAAA = 28, ZL_T_LOC = 29, ZL_T_NXT = 30, ZL_T_EID = 31, ZL_T_NIMLOC = 32,
    ZL_T_SRV = 33, ZL_T_ATMA = 34, ZL_T_NAPTR = 35, ZL_T_KX = 36, ZL_T_CERT = 37,
    ZL_T_A6 = 38, ZL_T_DNAME = 39, ZL_T_SINK = 40, ZL_T_OPT = 41, ZL_T_APL = 42,
    ZL_T_DS = 43, ZL_T_SSHFP = 44, ZL_T_IPSECKEY = 45, ZL_T_RRSIG = 46, ZL_T_NSEC = 47,
    ZL_T_DNSKEY = 48, ZL_T_DHCID = 49, ZL_T_NSEC3 = 50, ZL_T_NSEC3PARAM = 51,
    ZL_T_TLSA = 52, ZL_T_SMIMEA = 53, ZL_T_HIP = 55, ZL_T_NINFO = 56, ZL_T_RKEY = 57,
    ZL_T_TALINK = 58, ZL_T_CDS = 59, ZL_T_CDNSKEY = 60, ZL_T_OPENPGPKEY = 61,
    ZL_T_CSYNC = 62, ZL_T_ZONEMD = 63, ZL_T_SVCB = 64, ZL_T_HTTPS = 65, ZL_T_DSYNC = 66, ZL_T_HHIT = 67, ZL_T_BRID = 68,
    ZL_T_SPF = 99,
    ZL_T_UINFO = 100, ZL_T_UID = 101, ZL_T_GID = 102, ZL_T_UNSPEC = 103,
    ZL_T_NID = 104, ZL_T_L32 = 105, ZL_T_L64 = 106, ZL_T_LP = 107, ZL_T_EUI48 = 108,
    ZL_T_EUI64 = 109, ZL_T_TKEY = 249, ZL_T_TSIG = 250, ZL_T_IXFR = 251, ZL_T_AXFR = 252,
    ZL_T_MAILB = 253, ZL_T_MAILA = 254, ZL_T_ANY = 255, ZL_T_URI = 256, ZL_T_CAA = 257,
    ZL_T_AVC = 258, ZL_T_DOA = 259, ZL_T_AMTRELAY = 260, ZL_T_RESINFO = 261,
    ZL_T_WALLET = 262, ZL_T_TA = 32768, ZL_T_DLV = 32769,
    ZL_T_KEYDATA = 65533, /* BIND-private (managed keys); BIND knows the mnemonic */
};

/* Type from its mnemonic (case-insensitive) or TYPEnnn; -1 when unknown. */
int zl_type_from_text(const char *s, size_t n);
/* Mnemonic, or NULL for a type without one. */
const char *zl_type_name(uint16_t type);
/* Mnemonic or "TYPEnnn" into out (at least 16 bytes); returns out. */
const char *zl_type_to_text(uint16_t type, char *out);

/* Class from IN/CH/HS/NONE/ANY or CLASSnnn; -1 when not a class. */
int zl_class_from_text(const char *s, size_t n);
const char *zl_class_to_text(uint16_t rclass, char *out);

#endif
