/* Custom RDATA code for the DNSSEC and key families: DS/CDS/DLV/TA,
 * DNSKEY/CDNSKEY/KEY/RKEY, CERT, NSEC3, NSEC3PARAM, SSHFP, ZONEMD, IPSECKEY,
 * AMTRELAY, HIP, DSYNC, DOA and KEYDATA. */
#include <stdio.h>
#include <string.h>

#include "rdata/rdata_impl.h"
#include "rdata/types.h"

struct mn {
    const char *name;
    uint16_t value;
};

static bool ieq(const char *s, size_t n, const char *m)
{
    size_t i = 0;
    for (; i < n; i++) {
        char a = s[i], b = m[i];
        if (!b)
            return false;
        if (a >= 'a' && a <= 'z')
            a = (char)(a - 32);
        if (a != b)
            return false;
    }
    return m[i] == '\0';
}

/* BIND's dns_mnemonic_fromtext: decimal when it starts with a digit, else
 * one of the (upper-case) names. 0 ok, -1 unknown, -2 out of range. */
static int mnemonic(const char *s, size_t n, const struct mn *tab, uint32_t max, uint32_t *v)
{
    if (n > 0 && s[0] >= '0' && s[0] <= '9') {
        int r = zl_rd_number(s, n, v);
        return (r == 0 && *v > max) ? -2 : r;
    }
    for (; tab->name; tab++)
        if (ieq(s, n, tab->name)) {
            *v = tab->value;
            return 0;
        }
    return -1;
}

/* Reads a mnemonic field and writes it in bytes octets. */
static int p_mnemonic(struct pctx *c, const struct mn *tab, uint32_t max, int bytes,
                      const char *label, const char *expect)
{
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_word(c, label, expect);
    if (!t)
        return -1;
    uint32_t v;
    if (mnemonic(t->text, t->len, tab, max, &v) != 0) {
        char sh[80];
        return zl_rd_perr(c, ti, "%s %s must be %s, got %s", c->tname, label, expect,
                          zl_rd_show(t, sh, sizeof sh));
    }
    size_t off = c->wire->len;
    if (bytes == 2)
        zl_buf_put_u16(c->wire, (uint16_t)v);
    else
        zl_buf_putc(c->wire, (uint8_t)v);
    zl_rd_field(c, ZL_FIELD_INT, 0, ti, 1, off);
    return 0;
}

static const char *mn_name(const struct mn *tab, uint32_t v)
{
    for (; tab->name; tab++)
        if (tab->value == v)
            return tab->name;
    return NULL;
}

/* Prints a mnemonic field (or its number). */
static int w_mnemonic(struct wctx *w, const struct mn *tab, size_t bytes)
{
    size_t off = w->off;
    uint32_t v;
    if (zl_rd_get(w, bytes, &v) != 0)
        return -1;
    zl_rd_sep(w);
    const char *n = mn_name(tab, v);
    if (n)
        zl_buf_puts(w->out, n);
    else
        zl_buf_put_uint(w->out, v);
    zl_rd_wfield(w, ZL_FIELD_INT, off);
    return 0;
}

/* Remaining octets printed as base64 or hex (split into words), one field. */
static int w_rest(struct wctx *w, bool b64, bool split, bool allow_empty)
{
    size_t off = w->off, n = w->len - w->off;
    if (n == 0)
        return allow_empty ? 0 : -1;
    zl_rd_sep(w);
    if (b64)
        zl_rd_put_b64(w->out, w->p + off, n, split);
    else
        zl_rd_put_hex(w->out, w->p + off, n, split);
    w->off = w->len;
    zl_rd_wfield(w, ZL_FIELD_OTHER, off);
    return 0;
}

/* ---- RRSIG ------------------------------------------------------------------- */

static const struct fdesc rrsig_fields[] = {
    { F_TYPE, "type covered" }, { F_ALG, "algorithm" }, { F_U8, "labels" },
    { F_U32, "original TTL" }, { F_TIME, "expiration" }, { F_TIME, "inception" },
    { F_U16, "key tag" }, { F_NAME, "signer" }, { F_B64, "signature" },
};

/* BIND: a labels count of 0 is only valid for a signature by the root. */
int zl_rd_rrsig_parse(struct pctx *c)
{
    size_t start = c->wire->len;
    for (size_t k = 0; k < sizeof rrsig_fields / sizeof rrsig_fields[0]; k++) {
        if (zl_rd_pfield(c, rrsig_fields[k].code, rrsig_fields[k].label) != 0)
            return -1;
        if (k == 7 && c->wire->data[start + 3] == 0 && c->wire->data[start + 18] != 0)
            return zl_rd_perr(c, c->i - 1, "RRSIG labels is 0, which only a signature by the "
                              "root zone may have, but the signer is %.*s",
                              (int)c->toks[c->i - 1].len, c->toks[c->i - 1].text);
    }
    return 0;
}

int zl_rd_rrsig_walk(struct wctx *w)
{
    if (w->len > 18 && w->p[3] == 0 && w->p[18] != 0)
        return -1;
    for (size_t k = 0; k < sizeof rrsig_fields / sizeof rrsig_fields[0]; k++)
        if (zl_rd_wcode(w, rrsig_fields[k].code) != 0)
            return -1;
    return 0;
}

/* ---- DS, CDS, DLV, TA ------------------------------------------------------ */

static const struct mn digests[] = {
    { "SHA-1", 1 }, { "SHA1", 1 }, { "SHA-256", 2 }, { "SHA256", 2 }, { "GOST", 3 },
    { "SHA-384", 4 }, { "SHA384", 4 }, { NULL, 0 },
};

/* BIND checks the digest length only for the digests it knows. */
static long digest_len(unsigned type)
{
    switch (type) {
    case 1: return 20;
    case 2: return 32;
    case 4: return 48;
    default: return -1;
    }
}

static int ds_parse(struct pctx *c)
{
    if (zl_rd_int(c, 2, 0xffff, "key tag") != 0 || zl_rd_pfield(c, F_ALG, "algorithm") != 0 ||
        p_mnemonic(c, digests, 255, 1, "digest type",
                   "a digest type number 0-255 or SHA-1, SHA-256, GOST, SHA-384") != 0)
        return -1;
    unsigned dt = c->wire->data[c->wire->len - 1];
    return zl_rd_hex_tokens(c, "digest", digest_len(dt));
}

static int ds_walk(struct wctx *w)
{
    if (zl_rd_wuint(w, 2) != 0 || zl_rd_wuint(w, 1) != 0 || zl_rd_wuint(w, 1) != 0)
        return -1;
    long want = digest_len(w->p[w->off - 1]);
    if (want > 0 && w->len - w->off != (size_t)want)
        return -1;
    return w_rest(w, false, true, false);
}

/* ---- DNSKEY, CDNSKEY, KEY, RKEY ------------------------------------------------ */

struct keyflag {
    const char *name;
    uint16_t value;
};

static const struct keyflag keyflags[] = {
    { "NOCONF", 0x4000 }, { "NOAUTH", 0x8000 }, { "NOKEY", 0xC000 }, { "FLAG2", 0x2000 },
    { "EXTEND", 0x1000 }, { "FLAG4", 0x0800 },  { "FLAG5", 0x0400 }, { "USER", 0x0000 },
    { "ZONE", 0x0100 },   { "HOST", 0x0200 },   { "NTYP3", 0x0300 }, { "FLAG8", 0x0080 },
    { "FLAG9", 0x0040 },  { "FLAG10", 0x0020 }, { "FLAG11", 0x0010 }, { "SIG0", 0x0000 },
    { "SIG1", 0x0001 },   { "SIG2", 0x0002 },   { "SIG3", 0x0003 },  { "SIG4", 0x0004 },
    { "SIG5", 0x0005 },   { "SIG6", 0x0006 },   { "SIG7", 0x0007 },  { "SIG8", 0x0008 },
    { "SIG9", 0x0009 },   { "SIG10", 0x000A },  { "SIG11", 0x000B }, { "SIG12", 0x000C },
    { "SIG13", 0x000D },  { "SIG14", 0x000E },  { "SIG15", 0x000F }, { "KSK", 0x0001 },
    { NULL, 0 },
};

/* dns_keyflags_fromtext: a number (decimal, or hex when not decimal, as
 * BIND's maybe_numeric allows), or names joined by '|'; a name matches
 * when the text is a prefix of it (BIND compares with strncasecmp). */
static int keyflags_parse(const char *s, size_t n, uint32_t *out)
{
    if (n > 0 && s[0] >= '0' && s[0] <= '9') {
        if (n > 12)
            return -1;
        int r = zl_rd_number(s, n, out);
        if (r == -1) {
            size_t i = 0;
            uint64_t v = 0;
            if (n > 2 && s[0] == '0' && (s[1] | 0x20) == 'x')
                i = 2;
            if (i == n)
                return -1;
            for (; i < n; i++) {
                int d = zl_rd_hexval((uint8_t)s[i]);
                if (d < 0)
                    return -1;
                v = v * 16 + (uint64_t)d;
                if (v > 0xffffffffULL)
                    return -2;
            }
            *out = (uint32_t)v;
            r = 0;
        }
        return (r == 0 && *out > 0xffff) ? -2 : r;
    }
    uint32_t v = 0;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '|')
            j++;
        const struct keyflag *k = keyflags;
        for (; k->name; k++) {
            size_t m = 0;
            while (m < j - i && k->name[m] &&
                   (k->name[m] == s[i + m] || k->name[m] == (char)(s[i + m] - 32)))
                m++;
            if (m == j - i)
                break;
        }
        if (!k->name)
            return -1;
        v |= k->value;
        i = j < n ? j + 1 : j;
    }
    *out = v;
    return 0;
}

static const struct mn protos[] = {
    { "NONE", 0 }, { "TLS", 1 }, { "EMAIL", 2 }, { "DNSSEC", 3 }, { "IPSEC", 4 }, { "ALL", 255 },
    { NULL, 0 },
};

static int key_parse(struct pctx *c)
{
    size_t ti = c->i;
    const char *expect = "a number 0-65535 or flag names such as ZONE|KSK";
    const struct zl_token *t = zl_rd_word(c, "flags", expect);
    if (!t)
        return -1;
    uint32_t flags;
    char sh[80];
    if (keyflags_parse(t->text, t->len, &flags) != 0)
        return zl_rd_perr(c, ti, "%s flags must be %s, got %s", c->tname, expect,
                          zl_rd_show(t, sh, sizeof sh));
    if (c->type == ZL_T_RKEY && flags != 0)
        return zl_rd_perr(c, ti, "RKEY flags must be 0, got %s", zl_rd_show(t, sh, sizeof sh));
    size_t off = c->wire->len;
    zl_buf_put_u16(c->wire, (uint16_t)flags);
    zl_rd_field(c, ZL_FIELD_INT, 0, ti, 1, off);
    if (p_mnemonic(c, protos, 255, 1, "protocol", "a protocol number 0-255 (3 for DNSSEC)") != 0 ||
        zl_rd_pfield(c, F_ALG, "algorithm") != 0)
        return -1;
    unsigned alg = c->wire->data[c->wire->len - 1];
    /* A KEY with the NOKEY flags has no key material (RFC 2535). */
    if (c->type == ZL_T_KEY && (flags & 0xC000) == 0xC000)
        return 0;
    (void)alg;
    return zl_rd_b64_tokens(c, "public key", false);
}

static int key_walk(struct wctx *w)
{
    if (w->len < 4)
        return -1;
    uint16_t flags = rd_u16(w->p);
    if (w->type == ZL_T_RKEY && flags != 0)
        return -1;
    if (zl_rd_wuint(w, 2) != 0 || zl_rd_wuint(w, 1) != 0 || zl_rd_wuint(w, 1) != 0)
        return -1;
    bool nokey = w->type == ZL_T_KEY && (flags & 0xC000) == 0xC000;
    if (nokey && w->off != w->len)
        return -1;
    return w_rest(w, true, true, nokey);
}

/* ---- CERT ------------------------------------------------------------------------ */

static const struct mn certtypes[] = {
    { "PKIX", 1 }, { "SPKI", 2 }, { "PGP", 3 }, { "IPKIX", 4 }, { "ISPKI", 5 }, { "IPGP", 6 },
    { "ACPKIX", 7 }, { "IACPKIX", 8 }, { "URI", 253 }, { "OID", 254 }, { NULL, 0 },
};

/* Printed names (the first name BIND lists for each value). */
static const struct mn secalg_names[] = {
    { "RSAMD5", 1 }, { "DH", 2 }, { "DSA", 3 }, { "RSASHA1", 5 }, { "NSEC3DSA", 6 },
    { "NSEC3RSASHA1", 7 }, { "RSASHA256", 8 }, { "RSASHA512", 10 }, { "ECCGOST", 12 },
    { "ECDSAP256SHA256", 13 }, { "ECDSAP384SHA384", 14 }, { "ED25519", 15 }, { "ED448", 16 },
    { "INDIRECT", 252 }, { "PRIVATEDNS", 253 }, { "PRIVATEOID", 254 }, { NULL, 0 },
};

static int cert_parse(struct pctx *c)
{
    if (p_mnemonic(c, certtypes, 0xffff, 2, "certificate type",
                   "a number 0-65535 or a type such as PKIX, PGP, URI") != 0 ||
        zl_rd_int(c, 2, 0xffff, "key tag") != 0 || zl_rd_pfield(c, F_ALG, "algorithm") != 0)
        return -1;
    return zl_rd_b64_tokens(c, "certificate", false);
}

static int cert_walk(struct wctx *w)
{
    if (w_mnemonic(w, certtypes, 2) != 0 || zl_rd_wuint(w, 2) != 0 ||
        w_mnemonic(w, secalg_names, 1) != 0)
        return -1;
    return w_rest(w, true, true, false);
}

/* ---- NSEC3, NSEC3PARAM ----------------------------------------------------------- */

/* Salt: "-" for none, else hex in one token (at most 255 octets). */
static int p_salt(struct pctx *c)
{
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_word(c, "salt", "hex or '-'");
    if (!t)
        return -1;
    size_t off = c->wire->len;
    zl_buf_putc(c->wire, 0);
    if (!(t->len == 1 && t->text[0] == '-')) {
        char sh[80];
        if (t->len % 2 || t->len > 510)
            return zl_rd_perr(c, ti, "%s salt must be '-' or an even number of hex digits "
                              "(at most 255 octets), got %s", c->tname, zl_rd_show(t, sh, sizeof sh));
        for (size_t k = 0; k < t->len; k += 2) {
            int a = zl_rd_hexval((uint8_t)t->text[k]), b = zl_rd_hexval((uint8_t)t->text[k + 1]);
            if (a < 0 || b < 0)
                return zl_rd_perr(c, ti, "%s salt must be '-' or hex, got %s", c->tname,
                                  zl_rd_show(t, sh, sizeof sh));
            zl_buf_putc(c->wire, (uint8_t)(a << 4 | b));
        }
        c->wire->data[off] = (uint8_t)(t->len / 2);
    }
    zl_rd_field(c, ZL_FIELD_OTHER, 0, ti, 1, off);
    return 0;
}

static int w_salt(struct wctx *w)
{
    size_t off = w->off;
    if (w->off >= w->len || w->len - w->off - 1 < w->p[w->off])
        return -1;
    size_t n = w->p[w->off++];
    zl_rd_sep(w);
    if (n == 0)
        zl_buf_putc(w->out, '-');
    else
        zl_rd_put_hex(w->out, w->p + w->off, n, false);
    w->off += n;
    zl_rd_wfield(w, ZL_FIELD_OTHER, off);
    return 0;
}

static int b32val(int ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    ch |= 0x20;
    if (ch >= 'a' && ch <= 'v')
        return ch - 'a' + 10;
    return -1;
}

/* base32hex without padding (RFC 4648), as BIND's isc_base32hexnp: a final
 * partial group must be 2, 4, 5 or 7 characters with its unused bits zero. */
static int b32_decode(const char *s, size_t n, uint8_t *out, size_t *outlen)
{
    size_t o = 0, i = 0;
    while (i < n) {
        size_t k = n - i < 8 ? n - i : 8;
        uint64_t v = 0;
        for (size_t j = 0; j < 8; j++) {
            int d = j < k ? b32val((uint8_t)s[i + j]) : 0;
            if (d < 0)
                return -1;
            v = v << 5 | (uint64_t)d;
        }
        size_t bytes;
        switch (k) {
        case 8: bytes = 5; break;
        case 7: bytes = 4; break;
        case 5: bytes = 3; break;
        case 4: bytes = 2; break;
        case 2: bytes = 1; break;
        default: return -1;
        }
        if (k < 8 && (v & ((1ULL << (40 - 8 * bytes)) - 1)))
            return -1;
        for (size_t j = 0; j < bytes; j++)
            out[o++] = (uint8_t)(v >> (32 - 8 * j));
        i += k;
    }
    *outlen = o;
    return 0;
}

static void put_b32(struct zl_buf *b, const uint8_t *p, size_t n)
{
    static const char al[] = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
    for (size_t i = 0; i < n; i += 5) {
        uint64_t v = 0;
        size_t k = n - i < 5 ? n - i : 5;
        for (size_t j = 0; j < 5; j++)
            v = v << 8 | (j < k ? p[i + j] : 0);
        size_t chars = (k * 8 + 4) / 5;
        for (size_t j = 0; j < chars; j++)
            zl_buf_putc(b, (uint8_t)al[v >> (35 - 5 * j) & 31]);
    }
}

static int nsec3param_head(struct pctx *c)
{
    if (zl_rd_int(c, 1, 255, "hash algorithm") != 0 || zl_rd_int(c, 1, 255, "flags") != 0 ||
        zl_rd_int(c, 2, 0xffff, "iterations") != 0)
        return -1;
    return p_salt(c);
}

static int nsec3_parse(struct pctx *c)
{
    if (nsec3param_head(c) != 0)
        return -1;
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_word(c, "next hashed owner name", "base32hex");
    if (!t)
        return -1;
    size_t off = c->wire->len;
    uint8_t buf[256];
    size_t n = 0;
    char sh[80];
    if (t->len > 409 || b32_decode(t->text, t->len, buf, &n) != 0 || n == 0)
        return zl_rd_perr(c, ti, "NSEC3 next hashed owner name must be unpadded base32hex "
                          "(at most 255 octets), got %s", zl_rd_show(t, sh, sizeof sh));
    if (c->wire->data[c->wstart] == 1 && n != 20)
        return zl_rd_perr(c, ti, "NSEC3 next hashed owner name is %zu octets; a SHA-1 hash "
                          "(algorithm 1) is 20 (32 base32hex digits)", n);
    zl_buf_putc(c->wire, (uint8_t)n);
    zl_buf_put(c->wire, buf, n);
    zl_rd_field(c, ZL_FIELD_OTHER, 0, ti, 1, off);
    return zl_rd_parse_bitmap(c, "type list", true);
}

static int nsec3_walk(struct wctx *w)
{
    if (zl_rd_wuint(w, 1) != 0 || zl_rd_wuint(w, 1) != 0 || zl_rd_wuint(w, 2) != 0 ||
        w_salt(w) != 0)
        return -1;
    if (w->type == ZL_T_NSEC3PARAM)
        return 0;
    size_t off = w->off;
    if (w->off >= w->len || w->p[w->off] == 0 || w->len - w->off - 1 < w->p[w->off] ||
        (w->p[0] == 1 && w->p[w->off] != 20))
        return -1;
    size_t n = w->p[w->off++];
    zl_rd_sep(w);
    put_b32(w->out, w->p + w->off, n);
    w->off += n;
    zl_rd_wfield(w, ZL_FIELD_OTHER, off);
    return zl_rd_wcode(w, F_BITMAP_0);
}

/* ---- SSHFP, ZONEMD ------------------------------------------------------------------- */

static long sshfp_len(unsigned type)
{
    return type == 1 ? 20 : type == 2 ? 32 : -2; /* others may be empty */
}

static int sshfp_parse(struct pctx *c)
{
    if (zl_rd_int(c, 1, 255, "algorithm") != 0 || zl_rd_int(c, 1, 255, "fingerprint type") != 0)
        return -1;
    return zl_rd_hex_tokens(c, "fingerprint", sshfp_len(c->wire->data[c->wire->len - 1]));
}

static int sshfp_walk(struct wctx *w)
{
    if (zl_rd_wuint(w, 1) != 0 || zl_rd_wuint(w, 1) != 0)
        return -1;
    long want = sshfp_len(w->p[1]);
    if (want > 0 && w->len - w->off != (size_t)want)
        return -1;
    return w_rest(w, false, true, true);
}

/* SHA-384 and SHA-512 digests have their length; others need 12 octets. */
static long zonemd_len(unsigned alg)
{
    return alg == 1 ? 48 : alg == 2 ? 64 : -1;
}

static int zonemd_parse(struct pctx *c)
{
    if (zl_rd_int(c, 4, 0xffffffffU, "serial") != 0 || zl_rd_int(c, 1, 255, "scheme") != 0 ||
        zl_rd_int(c, 1, 255, "hash algorithm") != 0)
        return -1;
    long want = zonemd_len(c->wire->data[c->wire->len - 1]);
    size_t start = c->wire->len;
    if (zl_rd_hex_tokens(c, "digest", want) != 0)
        return -1;
    if (c->wire->len - start < 12)
        return zl_rd_perr(c, c->ntoks, "ZONEMD digest is %zu octets; at least 12 are required",
                          c->wire->len - start);
    return 0;
}

static int zonemd_walk(struct wctx *w)
{
    if (zl_rd_wuint(w, 4) != 0 || zl_rd_wuint(w, 1) != 0 || zl_rd_wuint(w, 1) != 0)
        return -1;
    long want = zonemd_len(w->p[5]);
    size_t n = w->len - w->off;
    if ((want > 0 && n != (size_t)want) || n < 12)
        return -1;
    return w_rest(w, false, true, false);
}

/* ---- IPSECKEY, AMTRELAY ---------------------------------------------------------------- */

/* Gateway/relay by type: 0 "." (none), 1 IPv4, 2 IPv6, 3 a domain name. */
static int p_gateway(struct pctx *c, unsigned gtype, const char *label)
{
    if (gtype == 0) {
        size_t ti = c->i;
        const struct zl_token *t = zl_rd_word(c, label, "'.' for none");
        if (!t)
            return -1;
        if (t->len != 1 || t->text[0] != '.') {
            char sh[80];
            return zl_rd_perr(c, ti, "%s %s must be '.' when the %s type is 0, got %s", c->tname,
                              label, label, zl_rd_show(t, sh, sizeof sh));
        }
        return 0;
    }
    return zl_rd_pfield(c, gtype == 1 ? F_IP4 : gtype == 2 ? F_IP6 : F_NAME, label);
}

static int w_gateway(struct wctx *w, unsigned gtype)
{
    if (gtype == 0) {
        zl_rd_sep(w);
        zl_buf_putc(w->out, '.');
        return 0;
    }
    return zl_rd_wcode(w, gtype == 1 ? F_IP4 : gtype == 2 ? F_IP6 : F_NAME);
}

static int ipseckey_parse(struct pctx *c)
{
    if (zl_rd_int(c, 1, 255, "precedence") != 0 || zl_rd_int(c, 1, 3, "gateway type") != 0 ||
        zl_rd_int(c, 1, 255, "algorithm") != 0)
        return -1;
    unsigned gt = c->wire->data[c->wire->len - 2];
    if (p_gateway(c, gt, "gateway") != 0)
        return -1;
    return zl_rd_b64_tokens(c, "public key", false);
}

static int ipseckey_walk(struct wctx *w)
{
    if (w->len < 3 || w->p[1] > 3)
        return -1;
    if (zl_rd_wuint(w, 1) != 0 || zl_rd_wuint(w, 1) != 0 || zl_rd_wuint(w, 1) != 0 ||
        w_gateway(w, w->p[1]) != 0)
        return -1;
    return w_rest(w, true, true, false);
}

static int amtrelay_parse(struct pctx *c)
{
    if (zl_rd_int(c, 1, 255, "precedence") != 0)
        return -1;
    size_t ti = c->i;
    size_t off = c->wire->len;
    if (zl_rd_int(c, 1, 1, "discovery optional bit") != 0)
        return -1;
    c->nf--; /* D and the type share one octet: recorded below */
    unsigned d = c->wire->data[--c->wire->len];
    if (zl_rd_int(c, 1, 127, "relay type") != 0)
        return -1;
    c->nf--;
    unsigned rt = c->wire->data[c->wire->len - 1];
    c->wire->data[c->wire->len - 1] = (uint8_t)(d << 7 | rt);
    zl_rd_field(c, ZL_FIELD_INT, 0, ti, 2, off);
    if (rt > 3)
        return zl_rd_perr(c, ti + 1, "AMTRELAY relay type %u is not one BIND can read as text "
                          "(0-3); use the \\# form", rt);
    return p_gateway(c, rt, "relay");
}

static int amtrelay_walk(struct wctx *w)
{
    if (w->len < 2)
        return -1;
    static const size_t relay_len[4] = { 0, 4, 16, 0 };
    unsigned rt = w->p[1] & 0x7f;
    if (rt > 3)
        return zl_rd_wgeneric(w); /* BIND keeps unknown relay types, prints them as \# */
    if (rt < 3 && w->len != 2 + relay_len[rt])
        return -1;
    size_t off = w->off;
    if (zl_rd_wuint(w, 1) != 0)
        return -1;
    unsigned b = w->p[1];
    zl_rd_sep(w);
    zl_buf_put_uint(w->out, b >> 7);
    zl_buf_putc(w->out, ' ');
    zl_buf_put_uint(w->out, b & 0x7f);
    w->off++;
    zl_rd_wfield(w, ZL_FIELD_INT, off + 1);
    return w_gateway(w, b & 0x7f);
}

/* ---- HIP ---------------------------------------------------------------------------- */

static int hip_parse(struct pctx *c)
{
    size_t head = c->wire->len;
    zl_buf_putc(c->wire, 0); /* HIT length, filled below */
    if (zl_rd_int(c, 1, 255, "public key algorithm") != 0)
        return -1;
    zl_buf_put_u16(c->wire, 0); /* key length, filled below */
    size_t ti = c->i;
    char sh[80];
    const struct zl_token *t = zl_rd_word(c, "HIT", "hex");
    if (!t)
        return -1;
    size_t off = c->wire->len;
    if (t->len % 2 || t->len > 510)
        return zl_rd_perr(c, ti, "HIP HIT must be an even number of hex digits (at most 255 octets), got %s",
                          zl_rd_show(t, sh, sizeof sh));
    for (size_t k = 0; k < t->len; k += 2) {
        int a = zl_rd_hexval((uint8_t)t->text[k]), b = zl_rd_hexval((uint8_t)t->text[k + 1]);
        if (a < 0 || b < 0)
            return zl_rd_perr(c, ti, "HIP HIT must be hex, got %s", zl_rd_show(t, sh, sizeof sh));
        zl_buf_putc(c->wire, (uint8_t)(a << 4 | b));
    }
    zl_rd_field(c, ZL_FIELD_OTHER, 0, ti, 1, off);
    c->wire->data[head] = (uint8_t)(t->len / 2);
    ti = c->i;
    if (!(t = zl_rd_word(c, "public key", "base64")))
        return -1;
    off = c->wire->len;
    if (zl_rd_b64_decode(t->text, t->len, c->wire) != 0 || c->wire->len == off ||
        c->wire->len - off > 65535)
        return zl_rd_perr(c, ti, "HIP public key must be base64 in one token, got %s",
                          zl_rd_show(t, sh, sizeof sh));
    size_t kl = c->wire->len - off;
    c->wire->data[head + 2] = (uint8_t)(kl >> 8);
    c->wire->data[head + 3] = (uint8_t)kl;
    zl_rd_field(c, ZL_FIELD_OTHER, 0, ti, 1, off);
    while (c->i < c->ntoks)
        if (zl_rd_pfield(c, F_NAME, "rendezvous server") != 0)
            return -1;
    return 0;
}

static int hip_walk(struct wctx *w)
{
    if (w->len < 4)
        return -1;
    size_t hl = w->p[0], kl = rd_u16(w->p + 2);
    if (hl == 0 || kl == 0 || w->len - 4 < hl + kl)
        return -1;
    w->off = 1;
    if (zl_rd_wuint(w, 1) != 0)
        return -1;
    w->off = 4;
    zl_rd_sep(w);
    zl_rd_put_hex(w->out, w->p + 4, hl, false);
    w->off += hl;
    zl_rd_wfield(w, ZL_FIELD_OTHER, 4);
    zl_rd_sep(w);
    zl_rd_put_b64(w->out, w->p + w->off, kl, false);
    w->off += kl;
    zl_rd_wfield(w, ZL_FIELD_OTHER, 4 + hl);
    while (w->off < w->len)
        if (zl_rd_wname(w) != 0)
            return -1;
    return 0;
}

/* ---- DSYNC, DOA, KEYDATA ----------------------------------------------------------- */

static const struct mn dsync_schemes[] = { { "NOTIFY", 1 }, { NULL, 0 } };

static int dsync_parse(struct pctx *c)
{
    if (zl_rd_pfield(c, F_TYPE, "RR type") != 0 ||
        p_mnemonic(c, dsync_schemes, 255, 1, "scheme", "a number 0-255 or NOTIFY") != 0 ||
        zl_rd_int(c, 2, 0xffff, "port") != 0)
        return -1;
    return zl_rd_pfield(c, F_NAME, "target");
}

static int dsync_walk(struct wctx *w)
{
    if (zl_rd_wcode(w, F_TYPE) != 0 || w_mnemonic(w, dsync_schemes, 1) != 0 ||
        zl_rd_wuint(w, 2) != 0)
        return -1;
    return zl_rd_wname(w);
}

static int doa_parse(struct pctx *c)
{
    if (zl_rd_int(c, 4, 0xffffffffU, "enterprise") != 0 || zl_rd_int(c, 4, 0xffffffffU, "type") != 0 ||
        zl_rd_int(c, 1, 255, "location") != 0 || zl_rd_pfield(c, F_STR, "media type") != 0)
        return -1;
    if (c->i + 1 == c->ntoks && c->toks[c->i].len == 1 && c->toks[c->i].text[0] == '-' &&
        !(c->toks[c->i].flags & ZL_TOK_QUOTED)) {
        zl_rd_field(c, ZL_FIELD_OTHER, 0, c->i, 1, c->wire->len);
        c->i++;
        return 0;
    }
    return zl_rd_b64_tokens(c, "data", false);
}

static int doa_walk(struct wctx *w)
{
    if (zl_rd_wuint(w, 4) != 0 || zl_rd_wuint(w, 4) != 0 || zl_rd_wuint(w, 1) != 0 ||
        zl_rd_wcode(w, F_STR) != 0)
        return -1;
    if (w->off == w->len) {
        zl_rd_sep(w);
        zl_buf_putc(w->out, '-');
        return 0;
    }
    return w_rest(w, true, true, false);
}

static int keydata_parse(struct pctx *c)
{
    if (zl_rd_pfield(c, F_TIME, "refresh time") != 0 || zl_rd_pfield(c, F_TIME, "add time") != 0 ||
        zl_rd_pfield(c, F_TIME, "remove time") != 0)
        return -1;
    return key_parse(c);
}

/* BIND's dump prints KEYDATA in the \# form. */
static int keydata_walk(struct wctx *w)
{
    zl_rd_sep(w);
    zl_buf_puts(w->out, "\\# ");
    zl_buf_put_uint(w->out, w->len);
    if (w->len) {
        zl_buf_putc(w->out, ' ');
        zl_rd_put_hex(w->out, w->p, w->len, true);
    }
    w->off = w->len;
    return 0;
}

/* ---- table ------------------------------------------------------------------------ */

static const struct rdesc custom[] = {
    { ZL_T_KEY, { { F_NONE, NULL } }, key_parse, key_walk },
    { ZL_T_CERT, { { F_NONE, NULL } }, cert_parse, cert_walk },
    { ZL_T_DS, { { F_NONE, NULL } }, ds_parse, ds_walk },
    { ZL_T_SSHFP, { { F_NONE, NULL } }, sshfp_parse, sshfp_walk },
    { ZL_T_IPSECKEY, { { F_NONE, NULL } }, ipseckey_parse, ipseckey_walk },
    { ZL_T_DNSKEY, { { F_NONE, NULL } }, key_parse, key_walk },
    { ZL_T_NSEC3, { { F_NONE, NULL } }, nsec3_parse, nsec3_walk },
    { ZL_T_NSEC3PARAM, { { F_NONE, NULL } }, nsec3param_head, nsec3_walk },
    { ZL_T_HIP, { { F_NONE, NULL } }, hip_parse, hip_walk },
    { ZL_T_RKEY, { { F_NONE, NULL } }, key_parse, key_walk },
    { ZL_T_CDS, { { F_NONE, NULL } }, ds_parse, ds_walk },
    { ZL_T_CDNSKEY, { { F_NONE, NULL } }, key_parse, key_walk },
    { ZL_T_ZONEMD, { { F_NONE, NULL } }, zonemd_parse, zonemd_walk },
    { ZL_T_DSYNC, { { F_NONE, NULL } }, dsync_parse, dsync_walk },
    { ZL_T_DOA, { { F_NONE, NULL } }, doa_parse, doa_walk },
    { ZL_T_AMTRELAY, { { F_NONE, NULL } }, amtrelay_parse, amtrelay_walk },
    { ZL_T_TA, { { F_NONE, NULL } }, ds_parse, ds_walk },
    { ZL_T_DLV, { { F_NONE, NULL } }, ds_parse, ds_walk },
    { ZL_T_KEYDATA, { { F_NONE, NULL } }, keydata_parse, keydata_walk },
};

const struct rdesc *zl_rd_types_find(uint16_t type)
{
    for (size_t i = 0; i < sizeof custom / sizeof custom[0]; i++)
        if (custom[i].type == type)
            return &custom[i];
    return NULL;
}
