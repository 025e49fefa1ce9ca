/* SPDX-License-Identifier: MIT */
/* DNSSEC and key types with their own syntax: RRSIG, DS/CDS/DLV/TA,
 * DNSKEY/CDNSKEY/KEY/RKEY and BIND's KEYDATA, CERT, NSEC3/NSEC3PARAM, the
 * old NXT, SSHFP, ZONEMD, HIP and DSYNC. (SIG, NSEC and the other DNSSEC
 * types are plain field lists in types.def.) */
#include "rdata/families.h"
#include "rdata/types.h"

/* ---- RRSIG ------------------------------------------------------------------- */

/* Labels of the wire name at p (at most n bytes), the root not counted. */
static unsigned wire_labels(const uint8_t *p, size_t n)
{
    unsigned k = 0;
    for (size_t i = 0; i < n && p[i] != 0; i += 1 + (size_t)p[i])
        k++;
    return k;
}

/* The fields are the row's (types.def). BIND refuses a signer with more
 * labels than the labels field counts ("out of range"; in the RFC 3597
 * form FORMERR): the signer is the owner or one of its ancestors. */
int zl_rd_rrsig_parse(struct pctx *c)
{
    size_t start = c->wire->len;
    const struct fdesc *f = c->row->fields;
    for (size_t k = 0; k < c->row->nfields; k++) {
        if (zl_rd_pfield(c, f[k].code, f[k].label) != 0)
            return -1;
        if (f[k].code == F_NAME) {
            unsigned labels = c->wire->data[start + 3];
            unsigned signer = wire_labels(c->wire->data + start + 18, c->wire->len - start - 18);
            if (signer > labels)
                return zl_rd_perr(c, c->i - 1, "RRSIG labels is %u, fewer than the %u of the signer %.*s "
                                  "(the signer is the owner or an ancestor of it)", labels, signer,
                                  (int)c->toks[c->i - 1].len, c->toks[c->i - 1].text);
        }
    }
    return 0;
}

int zl_rd_rrsig_walk(struct wctx *w)
{
    if (w->len > 18 && wire_labels(w->p + 18, w->len - 18) > w->p[3])
        return -1;
    return zl_rd_wfields(w, w->row->fields, w->row->nfields);
}

/* ---- DS, CDS, DLV, TA ------------------------------------------------------ */

static const struct zl_rd_mnem digests[] = {
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

int zl_rd_ds_parse(struct pctx *c)
{
    if (zl_rd_int(c, 2, 0xffff, "key tag") != 0 || zl_rd_pfield(c, F_ALG, "algorithm") != 0 ||
        zl_rd_pmnemonic(c, digests, 255, 1, "digest type",
                        "a digest type number 0-255 or SHA-1, SHA-256, GOST, SHA-384") != 0)
        return -1;
    unsigned dt = c->wire->data[c->wire->len - 1];
    return zl_rd_hex_tokens(c, "digest", digest_len(dt));
}

int zl_rd_ds_walk(struct wctx *w)
{
    if (zl_rd_wuint(w, 2) != 0 || zl_rd_wuint(w, 1) != 0 || zl_rd_wuint(w, 1) != 0)
        return -1;
    long want = digest_len(w->p[w->off - 1]);
    if (want > 0 && w->len - w->off != (size_t)want)
        return -1;
    return zl_rd_wrest(w, false, true, false);
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
    if (n > 0 && zl_rd_is_digit(s[0])) {
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
            while (m < j - i && k->name[m] && zl_rd_upper(s[i + m]) == k->name[m])
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

static const struct zl_rd_mnem protos[] = {
    { "NONE", 0 }, { "TLS", 1 }, { "EMAIL", 2 }, { "DNSSEC", 3 }, { "IPSEC", 4 }, { "ALL", 255 },
    { NULL, 0 },
};

int zl_rd_key_parse(struct pctx *c)
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
    if (zl_rd_pmnemonic(c, protos, 255, 1, "protocol",
                        "a protocol number 0-255 (3 for DNSSEC)") != 0 ||
        zl_rd_pfield(c, F_ALG, "algorithm") != 0)
        return -1;
    /* A KEY with the NOKEY flags has no key material (RFC 2535). */
    if (c->type == ZL_T_KEY && (flags & 0xC000) == 0xC000)
        return 0;
    return zl_rd_b64_tokens(c, "public key", false);
}

int zl_rd_key_walk(struct wctx *w)
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
    return zl_rd_wrest(w, true, true, nokey);
}

/* ---- CERT ------------------------------------------------------------------------ */

static const struct zl_rd_mnem certtypes[] = {
    { "PKIX", 1 }, { "SPKI", 2 }, { "PGP", 3 }, { "IPKIX", 4 }, { "ISPKI", 5 }, { "IPGP", 6 },
    { "ACPKIX", 7 }, { "IACPKIX", 8 }, { "URI", 253 }, { "OID", 254 }, { NULL, 0 },
};

int zl_rd_cert_parse(struct pctx *c)
{
    if (zl_rd_pmnemonic(c, certtypes, 0xffff, 2, "certificate type",
                        "a number 0-65535 or a type such as PKIX, PGP, URI") != 0 ||
        zl_rd_int(c, 2, 0xffff, "key tag") != 0 || zl_rd_pfield(c, F_ALG, "algorithm") != 0)
        return -1;
    return zl_rd_b64_tokens(c, "certificate", false);
}

int zl_rd_cert_walk(struct wctx *w)
{
    if (zl_rd_wmnemonic(w, certtypes, 2) != 0 || zl_rd_wuint(w, 2) != 0 ||
        zl_rd_wmnemonic(w, zl_rd_secalgs, 1) != 0)
        return -1;
    return zl_rd_wrest(w, true, true, false);
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
        int r = zl_rd_hex_word(t->text, t->len, 255, c->wire);
        if (r == -1)
            return zl_rd_perr(c, ti, "%s salt must be '-' or an even number of hex digits "
                              "(at most 255 octets), got %s", c->tname, zl_rd_show(t, sh, sizeof sh));
        if (r != 0)
            return zl_rd_perr(c, ti, "%s salt must be '-' or hex, got %s", c->tname,
                              zl_rd_show(t, sh, sizeof sh));
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
    if (zl_rd_is_digit(ch))
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

int zl_rd_nsec3param_parse(struct pctx *c)
{
    if (zl_rd_int(c, 1, 255, "hash algorithm") != 0 || zl_rd_int(c, 1, 255, "flags") != 0 ||
        zl_rd_int(c, 2, 0xffff, "iterations") != 0)
        return -1;
    return p_salt(c);
}

int zl_rd_nsec3_parse(struct pctx *c)
{
    if (zl_rd_nsec3param_parse(c) != 0)
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

int zl_rd_nsec3_walk(struct wctx *w)
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

/* ---- NXT ---------------------------------------------------------------------------------- */

int zl_rd_nxt_parse(struct pctx *c)
{
    if (zl_rd_pfield(c, F_NAME, "next name") != 0)
        return -1;
    uint8_t bm[16] = { 0 };
    int last = -1;
    size_t first = c->i, off = c->wire->len;
    for (; c->i < c->ntoks; c->i++) {
        const struct zl_token *t = &c->toks[c->i];
        uint32_t v;
        int ty;
        if (zl_rd_number(t->text, t->len, &v) == 0)
            ty = v > 65535 ? 65536 : (int)v;
        else
            ty = zl_type_from_text(t->text, t->len);
        if (ty < 1 || ty > 127 || (t->flags & ZL_TOK_QUOTED)) {
            char sh[80];
            return zl_rd_perr(c, c->i, "NXT type list: %s must be a type 1-127",
                              zl_rd_show(t, sh, sizeof sh));
        }
        bm[ty / 8] |= (uint8_t)(0x80 >> (ty % 8));
        if (ty > last)
            last = ty;
    }
    if (last >= 0)
        zl_buf_put(c->wire, bm, (size_t)(last + 8) / 8);
    zl_rd_field(c, ZL_FIELD_OTHER, 0, first, c->i - first, off);
    return 0;
}

int zl_rd_nxt_walk(struct wctx *w)
{
    if (zl_rd_wname(w) != 0)
        return -1;
    size_t off = w->off, n = w->len - off;
    if (n > 16 || (n > 0 && (w->p[w->len - 1] == 0 || (w->p[off] & 0x80))))
        return -1;
    /* BIND prints types it has no name for as bare numbers here. */
    for (size_t i = 0; i < n; i++)
        for (unsigned k = 0; k < 8; k++)
            if (w->p[off + i] & (0x80 >> k)) {
                const char *tn = zl_type_name((uint16_t)(i * 8 + k));
                zl_rd_sep(w);
                if (tn)
                    zl_buf_puts(w->out, tn);
                else
                    zl_buf_put_uint(w->out, i * 8 + k);
            }
    w->off = w->len;
    zl_rd_wfield(w, ZL_FIELD_OTHER, off);
    return 0;
}

/* ---- SSHFP, ZONEMD ------------------------------------------------------------------- */

static long sshfp_len(unsigned type)
{
    return type == 1 ? 20 : type == 2 ? 32 : -2; /* others may be empty */
}

int zl_rd_sshfp_parse(struct pctx *c)
{
    if (zl_rd_int(c, 1, 255, "algorithm") != 0 || zl_rd_int(c, 1, 255, "fingerprint type") != 0)
        return -1;
    return zl_rd_hex_tokens(c, "fingerprint", sshfp_len(c->wire->data[c->wire->len - 1]));
}

int zl_rd_sshfp_walk(struct wctx *w)
{
    if (zl_rd_wuint(w, 1) != 0 || zl_rd_wuint(w, 1) != 0)
        return -1;
    long want = sshfp_len(w->p[1]);
    if (want > 0 && w->len - w->off != (size_t)want)
        return -1;
    return zl_rd_wrest(w, false, true, true);
}

/* SHA-384 and SHA-512 digests have their length; others need 12 octets. */
static long zonemd_len(unsigned alg)
{
    return alg == 1 ? 48 : alg == 2 ? 64 : -1;
}

int zl_rd_zonemd_parse(struct pctx *c)
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

int zl_rd_zonemd_walk(struct wctx *w)
{
    if (zl_rd_wuint(w, 4) != 0 || zl_rd_wuint(w, 1) != 0 || zl_rd_wuint(w, 1) != 0)
        return -1;
    long want = zonemd_len(w->p[5]);
    size_t n = w->len - w->off;
    if ((want > 0 && n != (size_t)want) || n < 12)
        return -1;
    return zl_rd_wrest(w, false, true, false);
}

/* ---- HIP ---------------------------------------------------------------------------- */

int zl_rd_hip_parse(struct pctx *c)
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
    int r = zl_rd_hex_word(t->text, t->len, 255, c->wire);
    if (r == -1)
        return zl_rd_perr(c, ti, "HIP HIT must be an even number of hex digits (at most 255 octets), got %s",
                          zl_rd_show(t, sh, sizeof sh));
    if (r != 0)
        return zl_rd_perr(c, ti, "HIP HIT must be hex, got %s", zl_rd_show(t, sh, sizeof sh));
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

int zl_rd_hip_walk(struct wctx *w)
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

/* ---- DSYNC, KEYDATA ----------------------------------------------------------- */

static const struct zl_rd_mnem dsync_schemes[] = { { "NOTIFY", 1 }, { NULL, 0 } };

int zl_rd_dsync_parse(struct pctx *c)
{
    if (zl_rd_pfield(c, F_TYPE, "RR type") != 0 ||
        zl_rd_pmnemonic(c, dsync_schemes, 255, 1, "scheme", "a number 0-255 or NOTIFY") != 0 ||
        zl_rd_int(c, 2, 0xffff, "port") != 0)
        return -1;
    return zl_rd_pfield(c, F_NAME, "target");
}

int zl_rd_dsync_walk(struct wctx *w)
{
    if (zl_rd_wcode(w, F_TYPE) != 0 || zl_rd_wmnemonic(w, dsync_schemes, 1) != 0 ||
        zl_rd_wuint(w, 2) != 0)
        return -1;
    return zl_rd_wname(w);
}

int zl_rd_keydata_parse(struct pctx *c)
{
    if (zl_rd_pfield(c, F_TIME, "refresh time") != 0 || zl_rd_pfield(c, F_TIME, "add time") != 0 ||
        zl_rd_pfield(c, F_TIME, "remove time") != 0)
        return -1;
    return zl_rd_key_parse(c);
}

/* BIND's dump prints KEYDATA in the \# form. */
int zl_rd_keydata_walk(struct wctx *w)
{
    zl_rd_sep(w);
    zl_rd_put_generic(w->out, w->p, w->len);
    w->off = w->len;
    return 0;
}

