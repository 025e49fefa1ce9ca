/* SPDX-License-Identifier: MIT */
/* ZL4104-ZL4108: DKIM key records, whoever signs with them.
 *
 *   <selector>._domainkey.<domain>.  TXT  "v=DKIM1; k=rsa; p=<base64 public key>"
 * p= is required and holds the base64 of the public key (for RSA a DER
 * SubjectPublicKeyInfo); an empty p= revokes the key. Verifiers skip
 * folding white space inside p= (RFC 6376 3.6.1: [FWS] between base64
 * characters), must not accept RSA keys under 1024 bits (RFC 8301 3.2), and
 * find nothing they can use in a private key, a PEM armour line or literal
 * quotes (the Terraform split trick "" pasted into a tool that escapes them,
 * such as octoDNS). References: RFC 6376 3.6.1, RFC 8301, RFC 8463.
 *
 *   bad:   sel._domainkey TXT "v=DKIM1; k=rsa; p=MIGfMA0G...""...IDAQAB"
 *   good:  sel._domainkey TXT "v=DKIM1; k=rsa; p=MIGfMA0G..." "...IDAQAB"
 *
 * Amazon SES BYODKIM's own limits (1024-2048 bits, the selector's shape)
 * are rules/ses_dkim_key.c's, and apply only to the identity's selector. */
#include "dkim_key.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "lint/engine.h"
#include "lint/list.h"
#include "rdata/txt.h"
#include "rules.h"

/* ---- base64 and DER ---------------------------------------------------------- */

/* A table (value + 1; 0 = not base64): keys are checked for every DKIM TXT,
 * and zones can hold thousands of them. */
#define B64_ROW(a) a, a + 1, a + 2, a + 3, a + 4, a + 5, a + 6, a + 7, a + 8, a + 9
static const uint8_t b64_table[256] = {
    ['A'] = B64_ROW(1), B64_ROW(11), 21, 22, 23, 24, 25, 26,
    ['a'] = B64_ROW(27), B64_ROW(37), 47, 48, 49, 50, 51, 52,
    ['0'] = B64_ROW(53),
    ['+'] = 63, ['/'] = 64,
};

static inline int b64_val(uint8_t c)
{
    return (int)b64_table[c] - 1;
}

/* Strict base64 (RFC 4648, padded) in one pass. Returns the decoded
 * length, or -1 with a reason in why. */
static long b64_decode(const char *s, size_t n, uint8_t *out, size_t cap, char *why, size_t wcap)
{
    size_t pad = 0;
    while (pad < n && pad < 3 && s[n - 1 - pad] == '=')
        pad++;
    size_t o = 0;
    uint32_t acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n - pad; i++) {
        uint8_t c = (uint8_t)s[i];
        int v = b64_val(c);
        if (v < 0) {
            if (c > 0x20 && c < 0x7f)
                snprintf(why, wcap, "character '%c' at position %zu of the key is not base64", c, i + 1);
            else
                snprintf(why, wcap, "byte \\%03u at position %zu of the key is not base64", c, i + 1);
            return -1;
        }
        acc = acc << 6 | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (o < cap)
                out[o] = (uint8_t)(acc >> bits);
            o++;
        }
    }
    if (pad > 2 || n % 4) {
        snprintf(why, wcap,
                 "the key has %zu base64 characters, not a multiple of 4: characters were lost or added "
                 "(often where the key was split)",
                 n);
        return -1;
    }
    return (long)o;
}

/* The value of base64 character c, shifted to its place in a quad (slot
 * 0: the top 6 of 24 bits), or B64_BAD: one look-up a character and no
 * branch but one a quad. */
#define B64_BAD 0x80000000u
#define B64V(c)                                                                                                     \
    ((c) >= 'A' && (c) <= 'Z'   ? (c) - 'A'                                                                         \
     : (c) >= 'a' && (c) <= 'z' ? (c) - 'a' + 26                                                                    \
     : (c) >= '0' && (c) <= '9' ? (c) - '0' + 52                                                                    \
     : (c) == '+'               ? 62                                                                                \
     : (c) == '/'               ? 63                                                                                \
                                : -1)
#define Q1(c, sh) (B64V(c) < 0 ? B64_BAD : (uint32_t)B64V(c) << (sh))
#define Q4(c, sh) Q1(c, sh), Q1(c + 1, sh), Q1(c + 2, sh), Q1(c + 3, sh)
#define Q16(c, sh) Q4(c, sh), Q4(c + 4, sh), Q4(c + 8, sh), Q4(c + 12, sh)
#define Q64(c, sh) Q16(c, sh), Q16(c + 16, sh), Q16(c + 32, sh), Q16(c + 48, sh)
#define QTABLE(sh) { Q64(0, sh), Q64(64, sh), Q64(128, sh), Q64(192, sh) }
static const uint32_t b64_quad[4][256] = { QTABLE(18), QTABLE(12), QTABLE(6), QTABLE(0) };
#undef Q1
#undef Q4
#undef Q16
#undef Q64
#undef QTABLE
#undef B64V

/* The fast path of a key that is base64 and nothing else: four characters
 * at a time into three bytes. Returns the decoded length; -1 when it is
 * plain base64 but not a whole one (its length, its padding: b64_decode
 * words why); -2 when a byte other than base64 and final padding is in it
 * (blanks, quotes, PEM lines: the slow path cleans them out first). */
static long b64_plain(const char *s, size_t n, uint8_t *out, size_t cap)
{
    const uint8_t *u = (const uint8_t *)s;
    size_t i = 0, o = 0;
    size_t whole = n / 4 * 4 < cap / 3 * 4 ? n / 4 * 4 : cap / 3 * 4; /* quads that fit */
    /* Two quads a turn, their six bytes stored as one word (two bytes
     * more, which the next turn or the tail overwrites). */
    while (i + 8 <= whole && o + 8 <= cap) {
        uint32_t v = b64_quad[0][u[i]] | b64_quad[1][u[i + 1]] | b64_quad[2][u[i + 2]] | b64_quad[3][u[i + 3]];
        uint32_t w = b64_quad[0][u[i + 4]] | b64_quad[1][u[i + 5]] | b64_quad[2][u[i + 6]] | b64_quad[3][u[i + 7]];
        if ((v | w) & B64_BAD)
            break;
        uint64_t six = ((uint64_t)v << 24 | w) << 16; /* the bytes in order from the top */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        six = __builtin_bswap64(six);
#endif
        memcpy(out + o, &six, 8);
        o += 6;
        i += 8;
    }
    while (i < whole) {
        uint32_t v = b64_quad[0][u[i]] | b64_quad[1][u[i + 1]] | b64_quad[2][u[i + 2]] | b64_quad[3][u[i + 3]];
        if (v & B64_BAD)
            break;
        out[o] = (uint8_t)(v >> 16);
        out[o + 1] = (uint8_t)(v >> 8);
        out[o + 2] = (uint8_t)v;
        o += 3;
        i += 4;
    }
    while (i + 4 <= n) {
        uint8_t a = b64_table[u[i]], b = b64_table[u[i + 1]], c = b64_table[u[i + 2]], d = b64_table[u[i + 3]];
        if (!(a && b && c && d))
            break;
        uint32_t v = (uint32_t)(a - 1) << 18 | (uint32_t)(b - 1) << 12 | (uint32_t)(c - 1) << 6 | (uint32_t)(d - 1);
        if (o + 3 > cap)
            return -1;
        out[o] = (uint8_t)(v >> 16);
        out[o + 1] = (uint8_t)(v >> 8);
        out[o + 2] = (uint8_t)v;
        o += 3;
        i += 4;
    }
    /* The rest: base64 characters, then at most two '=' that end it. */
    size_t j = i;
    while (j < n && b64_table[u[j]])
        j++;
    size_t pad = n - j;
    if (pad > 2 || (pad == 2 && (u[j] != '=' || u[j + 1] != '=')) || (pad == 1 && u[j] != '='))
        return -2;
    if (i == n)
        return (long)o;
    if (n - i != 4 || pad == 0)
        return -1; /* a tail that is not a padded quad: b64_decode says what is wrong */
    uint8_t a = b64_table[u[i]], b = b64_table[u[i + 1]];
    uint8_t c = pad == 1 ? b64_table[u[i + 2]] : 1;
    uint32_t v = (uint32_t)(a - 1) << 18 | (uint32_t)(b - 1) << 12 | (uint32_t)(c - 1) << 6;
    if (o + 3 - pad > cap)
        return -1;
    out[o++] = (uint8_t)(v >> 16);
    if (pad == 1)
        out[o++] = (uint8_t)(v >> 8);
    return (long)o;
}

struct der {
    const uint8_t *p;
    size_t n;
};

/* Reads one TLV of the expected tag; value in *v. 0, or -1 (bad), -2 (the
 * declared length runs past the data: truncated, *want set). */
static int der_get(struct der *d, uint8_t tag, struct der *v, size_t *want)
{
    if (d->n < 2 || d->p[0] != tag)
        return -1;
    size_t len = d->p[1], hdr = 2;
    if (len & 0x80) {
        size_t k = len & 0x7f;
        if (k == 0 || k > 3 || d->n < 2 + k)
            return -1;
        len = 0;
        for (size_t i = 0; i < k; i++)
            len = len << 8 | d->p[2 + i];
        hdr += k;
    }
    if (hdr + len > d->n) {
        if (want)
            *want = hdr + len;
        return -2;
    }
    v->p = d->p + hdr;
    v->n = len;
    d->p += hdr + len;
    d->n -= hdr + len;
    return 0;
}

static unsigned int_bits(const struct der *i)
{
    size_t k = 0;
    while (k < i->n && i->p[k] == 0)
        k++;
    if (k == i->n)
        return 0;
    unsigned top = i->p[k], b = 0;
    while (top) {
        b++;
        top >>= 1;
    }
    return (unsigned)((i->n - k - 1) * 8) + b;
}

/* Reads an RSA key: a SubjectPublicKeyInfo, or a bare PKCS#1 RSAPublicKey
 * (some publishers use it). A private key (PKCS#8 PrivateKeyInfo or PKCS#1
 * RSAPrivateKey: both open with the INTEGER version 0, which no modulus is)
 * sets *priv. Returns the modulus size, or 0 with why set. */
static unsigned rsa_bits(const uint8_t *p, size_t n, bool *priv, char *why, size_t wcap)
{
    static const uint8_t rsa_oid[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01 };
    struct der all = { p, n }, outer, alg, oid, bs, seq, mod, exp;
    size_t want = 0;
    /* SEQUENCE { INTEGER 0, ...: the version of a private key, whole or cut */
    size_t h = n >= 2 && p[0] == 0x30 ? (p[1] & 0x80 ? 2u + (p[1] & 0x7fu) : 2u) : 0;
    if (h && n >= h + 3 && p[h] == 0x02 && p[h + 1] == 1 && p[h + 2] == 0) {
        *priv = true;
        snprintf(why, wcap, "it is a private key, not a public one");
        return 0;
    }
    int rc = der_get(&all, 0x30, &outer, &want);
    if (rc == -2) {
        snprintf(why, wcap,
                 "the key is truncated: its header declares %zu bytes but the base64 decodes to %zu "
                 "(a part was probably lost where the key was split)",
                 want, n);
        return 0;
    }
    if (rc)
        goto bad;
    struct der in = outer;
    if (in.n && in.p[0] == 0x02) { /* PKCS#1 RSAPublicKey */
        if (der_get(&in, 0x02, &mod, NULL) || der_get(&in, 0x02, &exp, NULL))
            goto bad;
        return int_bits(&mod);
    }
    if (der_get(&in, 0x30, &alg, NULL) || der_get(&alg, 0x06, &oid, NULL))
        goto bad;
    if (oid.n != sizeof rsa_oid || memcmp(oid.p, rsa_oid, sizeof rsa_oid)) {
        snprintf(why, wcap, "the key is not an RSA key (its algorithm is not rsaEncryption)");
        return 0;
    }
    rc = der_get(&in, 0x03, &bs, &want);
    if (rc == -2) {
        snprintf(why, wcap, "the key is truncated inside its key data (a part was probably lost where it was split)");
        return 0;
    }
    if (rc || bs.n < 1 || bs.p[0] != 0)
        goto bad;
    bs.p++;
    bs.n--;
    if (der_get(&bs, 0x30, &seq, NULL) || der_get(&seq, 0x02, &mod, NULL) || der_get(&seq, 0x02, &exp, NULL))
        goto bad;
    return int_bits(&mod);
bad:
    snprintf(why, wcap, "the base64 decodes to %zu bytes that are not an RSA SubjectPublicKeyInfo", n);
    return 0;
}

/* ---- the tag-list ------------------------------------------------------------------ */

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Range of the value of tag `name` in a tag-list (RFC 6376 3.2). Blanks and
 * pasted quotes before a tag's name do not hide it ("";p=...). */
static bool find_tag(const char *v, size_t n, const char *name, size_t *vs, size_t *ve)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i < n;) {
        const char *semi = memchr(v + i, ';', n - i); /* p= runs hundreds of bytes */
        size_t j = semi ? (size_t)(semi - v) : n;
        size_t a = i;
        while (a < j && (is_ws(v[a]) || v[a] == '"'))
            a++;
        if (j - a > nl && zl_ascii_eq((const uint8_t *)v + a, (const uint8_t *)name, nl)) {
            size_t e = a + nl;
            while (e < j && (v[e] == ' ' || v[e] == '\t'))
                e++;
            if (e < j && v[e] == '=') {
                e++;
                size_t b = j;
                while (e < b && (v[e] == ' ' || v[e] == '\t'))
                    e++;
                while (b > e && (v[b - 1] == ' ' || v[b - 1] == '\t'))
                    b--;
                *vs = e;
                *ve = b;
                return true;
            }
        }
        i = j + 1;
    }
    return false;
}

/* Skips a PEM armour line "-----BEGIN ...-----" / "-----END ...-----" at i;
 * *priv when it names a private key. */
static size_t pem_line(const char *s, size_t n, size_t i, bool *priv)
{
    if (n - i < 10 || memcmp(s + i, "-----", 5) != 0)
        return 0;
    size_t j = i + 5;
    while (j < n && s[j] != '-')
        j++;
    if (zl_ascii_find(s + i, j - i, "PRIVATE") >= 0)
        *priv = true;
    size_t dashes = 0;
    while (j < n && s[j] == '-' && dashes < 5) {
        j++;
        dashes++;
    }
    return dashes == 5 ? j - i : 0;
}

/* A value that is only a long run of base64: a key pasted without "p=". */
static bool bare_base64(const char *v, size_t a, size_t b)
{
    while (a < b && is_ws(v[a]))
        a++;
    while (b > a && is_ws(v[b - 1]))
        b--;
    if (b - a < 100)
        return false;
    for (size_t i = a; i < b; i++)
        if (!b64_table[(uint8_t)v[i]] && v[i] != '=' && !is_ws(v[i]))
            return false;
    return true;
}

/* The record with the p= value replaced by the clean key, quoted and split. */
static char *rebuilt(const char *v, size_t n, size_t ps, size_t pe, const char *clean, size_t cn)
{
    struct zl_buf b = { 0 };
    struct zl_buf s = { 0 };
    zl_buf_put(&s, v, ps);
    zl_buf_put(&s, clean, cn);
    zl_buf_put(&s, v + pe, n - pe);
    zl_txt_put_quoted(&b, (const char *)s.data, s.len);
    zl_buf_free(&s);
    return zl_buf_cstr(&b);
}

bool zl_dkim_key_read(const struct zl_record *rec, struct zl_dkim_key *k)
{
    memset(k, 0, sizeof *k);
    char v[ZL_DKIM_VMAX];
    unsigned ns;
    size_t n = zl_txt_join(rec, v, sizeof v, &ns);
    if (n > sizeof v)
        return false; /* larger than any key */
    k->nstrings = ns;
    size_t pos = 0, off = 0;
    while (pos < rec->rdlen) {
        size_t l = rec->rdata[pos];
        if (off && k->nbounds < sizeof k->bounds / sizeof k->bounds[0])
            k->bounds[k->nbounds++] = off;
        off += l;
        pos += 1 + l;
    }

    size_t vs, ve;
    size_t a = 0;
    while (a < n && (is_ws(v[a]) || v[a] == '"'))
        a++;
    bool v_first = n - a >= 7 && zl_ascii_has_prefix(v + a, n - a, "v=DKIM1");
    bool k_tag = find_tag(v, n, "k", &vs, &ve);
    k->rsa = !k_tag || (ve - vs == 3 && zl_ascii_eq((const uint8_t *)v + vs, (const uint8_t *)"rsa", 3));
    k->has_p = find_tag(v, n, "p", &k->ps, &k->pe);
    if (!k->has_p) {
        /* "v=DKIM1; k=rsa; MIGf...": the key lost its "p=" */
        size_t last = n;
        while (last > 0 && v[last - 1] != ';')
            last--;
        k->bare_key = bare_base64(v, last, n);
        k->key_record = v_first || k_tag || k->bare_key;
        return k->key_record;
    }
    k->key_record = true;
    if (k->pe == k->ps) {
        k->revoked = true;
        return true;
    }

    char clean[ZL_DKIM_VMAX]; /* not zeroed: only the first cn bytes are used */
    uint8_t der[ZL_DKIM_VMAX];
    size_t cn = 0;
    const char *key = v + k->ps;
    /* Almost every key is plain base64: then the value itself is the key,
     * decoded as it is checked (b64_plain). */
    long dn = b64_plain(key, k->pe - k->ps, der, sizeof der);
    if (dn != -2) {
        cn = k->pe - k->ps;
        if (dn < 0) /* plain, but not whole: the strict decoder says why */
            dn = b64_decode(key, cn, der, sizeof der, k->why, sizeof k->why);
    } else {
        key = clean;
        for (size_t i = k->ps; i < k->pe;) {
            char c = v[i];
            size_t skip = c == '-' ? pem_line(v, k->pe, i, &k->private_key) : 0;
            if (skip) {
                k->pem = true;
                i += skip;
                continue;
            }
            if (is_ws(c)) {
                if (!k->ws) {
                    k->first_ws = i;
                    k->ws_char = c;
                }
                k->ws = true;
            } else if (c == '"' || (c == '\\' && i + 1 < k->pe && v[i + 1] == '"')) {
                if (!k->quote)
                    k->first_quote = i;
                k->quote = true;
                /* "" (or \"\"): two halves of a key joined by the Terraform trick */
                size_t q = c == '\\' ? i + 2 : i + 1;
                if (q < k->pe && (v[q] == '"' || (v[q] == '\\' && q + 1 < k->pe && v[q + 1] == '"')))
                    k->doubled_quotes = true;
                if (c == '\\')
                    i++;
            } else if (cn < sizeof clean) {
                clean[cn++] = c;
            }
            i++;
        }
        dn = b64_decode(key, cn, der, sizeof der, k->why, sizeof k->why);
    }

    if (dn >= 0 && k->rsa)
        k->bits = rsa_bits(der, (size_t)dn, &k->private_key, k->why, sizeof k->why);
    k->valid = dn >= 0 && (!k->rsa || k->bits) && !k->private_key;
    if (k->valid && ns && (k->pem || k->ws || k->quote))
        k->fix = rebuilt(v, n, k->ps, k->pe, key, cn);
    return true;
}

void zl_dkim_key_free(struct zl_dkim_key *k)
{
    free(k->fix);
    k->fix = NULL;
}

/* Index of the character-string holding byte off of the joined value. */
static unsigned string_at(const struct zl_dkim_key *k, size_t off)
{
    unsigned i = 0;
    while (i < k->nbounds && k->bounds[i] <= off)
        i++;
    return i;
}

void zl_dkim_key_describe(const struct zl_dkim_key *k, bool quote, char *out, size_t cap, unsigned *str)
{
    size_t at = quote ? k->first_quote : k->first_ws;
    const char *what = quote ? "a literal '\"'" : k->ws_char == ' ' ? "a space" : "white space";
    unsigned si = string_at(k, at);
    *str = si;
    size_t start = si ? k->bounds[si - 1] : 0;
    size_t end = si < k->nbounds ? k->bounds[si] : (size_t)-1;
    if (at == start && si)
        snprintf(out, cap, "character-string %u begins with %s", si + 1, what);
    else if (at + 1 == end)
        snprintf(out, cap, "character-string %u ends with %s", si + 1, what);
    else
        snprintf(out, cap, "the key contains %s at position %zu", what, at - k->ps + 1);
}

bool zl_dkim_selector(const struct zl_record *rec, char *out, size_t cap, int *dkp)
{
    int dk = zl_name_find_label(&rec->owner, "_domainkey");
    *dkp = dk;
    if (dk < 1)
        return false;
    size_t o = 0;
    for (int i = 0; i < dk; i++) {
        const uint8_t *l = zl_name_label(&rec->owner, (unsigned)i);
        if (o + l[0] + 2 > cap)
            return false;
        if (i)
            out[o++] = '.';
        memcpy(out + o, l + 1, l[0]);
        o += l[0];
    }
    out[o] = '\0';
    return true;
}

/* ---- the generic rules -------------------------------------------------------------- */

/* Records without p= wait for the end of the file: when another record of
 * the same name has the p= (a key written as several records of one RRset,
 * "v=DKIM1" "k=rsa" "p=..."), the key is there but split. */
struct no_p {
    uint64_t owner;
    struct zl_span span;
    bool bare_key;
    char *name;
};

struct key_state {
    struct zl_list no_p;   /* struct no_p */
    struct zl_list with_p; /* uint64_t owner hashes */
};

static struct key_state *key_state(struct zl_ctx *ctx)
{
    void **slot = zl_ctx_state(ctx, ZL_RULE_REF(ZL4106));
    if (!*slot)
        *slot = zl_ctx_alloc(ctx, sizeof(struct key_state));
    return *slot;
}

void zl_dkim_key_zone(const struct zl_zone *zone, struct zl_ctx *ctx)
{
    (void)zone;
    struct key_state *st = *zl_ctx_state(ctx, ZL_RULE_REF(ZL4106));
    if (!st)
        return;
    for (size_t i = 0; i < st->no_p.n; i++) {
        const struct no_p *c = zl_list_at(&st->no_p, i);
        size_t parts = 1;
        bool split = false;
        for (size_t k = 0; k < st->with_p.n; k++)
            if (*(const uint64_t *)zl_list_at(&st->with_p, k) == c->owner) {
                split = true;
                parts++;
            }
        for (size_t k = 0; k < st->no_p.n; k++)
            if (k != i && ((const struct no_p *)zl_list_at(&st->no_p, k))->owner == c->owner)
                parts++;
        if (split) {
            /* report once, at the first piece */
            bool first = true;
            for (size_t k = 0; k < i && first; k++)
                first = ((const struct no_p *)zl_list_at(&st->no_p, k))->owner != c->owner;
            if (!first)
                continue;
            struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL4109), &c->span,
                                          "the DKIM key at '%s' is written as %zu TXT records of one name (tags "
                                          "in one, p= in another); RFC 6376 3.6.2.2 leaves the result undefined "
                                          "and verifiers that read the record without p= find no key",
                                          c->name, parts);
            if (d)
                zl_diag_add_note(d, "write the tags and the key as the strings of one record: "
                                    "\"v=DKIM1; k=rsa; p=...\"");
            continue;
        }
        struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL4106), &c->span,
                                      "DKIM record at '%s' has no p= tag: verifiers find no key and every "
                                      "signature with this selector fails (p= is required, RFC 6376 3.6.1)",
                                      c->name);
        if (d && c->bare_key)
            zl_diag_add_note(d, "the base64 key is there without its name: write 'p=' before it");
    }
}

static const char *owner_text(const struct zl_record *rec, char *buf)
{
    zl_name_text(&rec->owner, buf);
    return buf;
}

void zl_dkim_key_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    /* Cheap gate: _domainkey as label 1 (or deeper) of the owner. */
    int dk = zl_name_find_label(&rec->owner, "_domainkey");
    if (dk < 1)
        return;
    struct zl_dkim_key k;
    if (!zl_dkim_key_read(rec, &k))
        return;
    char oname[ZL_NAME_TEXT_MAX]; /* written only for a finding: most keys have none */
    struct zl_span all = zl_txt_whole_span(rec);
    struct zl_diag *d;

    if (!k.has_p) {
        struct no_p *c = zl_list_push(ctx, &key_state(ctx)->no_p, sizeof *c);
        c->owner = zl_ctx_owner_hash(ctx, rec);
        c->span = all;
        c->bare_key = k.bare_key;
        owner_text(rec, oname);
        c->name = zl_ctx_strdup(ctx, oname, strlen(oname));
        goto out;
    }
    *(uint64_t *)zl_list_push(ctx, &key_state(ctx)->with_p, sizeof(uint64_t)) = zl_ctx_owner_hash(ctx, rec);
    if (k.revoked)
        goto out;
    if (k.private_key) {
        d = zl_report(ctx, ZL_RULE_REF(ZL4105), &all,
                      "DKIM record at '%s' publishes a private key as p=: the key pair is compromised (anyone "
                      "can sign as this domain now), and verifiers find no public key",
                      owner_text(rec, oname));
        if (d)
            zl_diag_add_note(d, "generate a new key pair, publish only its public key (openssl pkey -pubout), "
                                "and remove this record from the zone and its history");
        goto out;
    }
    if (!k.valid || k.pem || k.quote) {
        char why[300];
        if (k.quote && k.doubled_quotes)
            snprintf(why, sizeof why, "p= holds literal '\"' characters where two halves were joined with \"\", "
                                      "which makes it invalid base64");
        else if (k.quote)
            snprintf(why, sizeof why, "p= holds a literal '\"', which is not base64");
        else if (k.pem)
            snprintf(why, sizeof why, "p= contains a PEM armour line ('-----BEGIN PUBLIC KEY-----' or "
                                      "'-----END ...'); it takes only the base64 between those lines");
        else
            snprintf(why, sizeof why, "%s", k.why);
        d = zl_report(ctx, ZL_RULE_REF(ZL4104), &all, "DKIM key at '%s' is not valid: %s", owner_text(rec, oname), why);
        if (d && k.doubled_quotes)
            zl_diag_add_note(d, "\"\" splits a long value for Terraform's aws_route53_record; tools that add "
                                "their own quotes (octoDNS, most provider consoles) publish the quotes instead: "
                                "give them the key in one piece");
        else if (d && !k.fix)
            zl_diag_add_note(d, "a 1024-bit RSA key is 216 base64 characters, a 2048-bit one 392 "
                                "(split over two or more strings)");
        if (d && k.fix)
            zl_diag_set_fix(d, all, k.fix, ZL_FIX_SAFE);
        goto out;
    }
    if (k.rsa && k.bits < 1024)
        zl_report(ctx, ZL_RULE_REF(ZL4107), &all,
                  "DKIM key at '%s' is a %u-bit RSA key; verifiers must not accept signatures made with keys "
                  "under 1024 bits (RFC 8301 3.2), so DKIM fails for this selector",
                  owner_text(rec, oname), k.bits);
    if (k.ws) {
        char desc[200];
        unsigned si;
        zl_dkim_key_describe(&k, false, desc, sizeof desc, &si);
        const struct zl_token *t = zl_txt_token(rec, si);
        struct zl_span at = t ? t->span : all;
        d = zl_report(ctx, ZL_RULE_REF(ZL4108), &at,
                      "DKIM key at '%s': %s; verifiers skip white space inside p= (RFC 6376 3.6.1), but "
                      "some tools that read keys do not",
                      owner_text(rec, oname), desc);
        if (d && k.fix)
            zl_diag_set_fix(d, all, k.fix, ZL_FIX_SAFE);
    }
out:
    zl_dkim_key_free(&k);
}

/* ---- explanations ------------------------------------------------------------------- */

const char zl_explain_dkim_key_invalid[] =
    "A DKIM key record's p= tag holds the base64 of the public key (for RSA, a\n"
    "DER SubjectPublicKeyInfo). zonelint decodes it and reads the key: a\n"
    "character outside base64, a length that is not a multiple of four, a key\n"
    "whose DER header promises more bytes than there are (a part lost where a\n"
    "long key was split), the PEM armour lines pasted along with the key, or\n"
    "literal quote characters all make verifiers reject the key, and every\n"
    "signature with this selector fails.\n"
    "\n"
    "Literal quotes usually come from Terraform's way of splitting a long value\n"
    "for aws_route53_record (\"first255\\\"\\\"rest\"), pasted into a tool that adds\n"
    "its own quotes and escapes these (octoDNS, provider consoles): the quotes\n"
    "are then published inside the key.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    sel._domainkey TXT ( \"v=DKIM1; k=rsa; p=-----BEGIN PUBLIC KEY-----\"\n"
    "        \"MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\" )\n"
    "    crm._domainkey TXT \"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJk\\\"\\\"mL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    sel._domainkey TXT ( \"v=DKIM1; k=rsa; \"\n"
    "        \"p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\" )\n"
    "    crm._domainkey TXT ( \"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJk\"\n"
    "        \"mL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\" )\n";

const char zl_explain_dkim_key_private[] =
    "A DKIM record must publish the public half of the key pair. A private key\n"
    "pasted as p= (a PKCS#8 or PKCS#1 private key, or a PEM block saying\n"
    "PRIVATE KEY) gives verifiers nothing to verify with, and worse, it is now\n"
    "public: anyone who reads the zone can sign mail as this domain. Generate a\n"
    "new pair, publish its public key, and treat the old one as compromised.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    sel._domainkey TXT ( \"p=MIIBVgIBADANBgkqhkiG9w0BAQEFAASCAUAwggE8AgEAAkEAwks/aDCrtOUzi/xPz6tjbIIQnCzjSWHm7F8C09XS6PEHAQr+1ibAsxjMtTt1H7TJ7Kze+2KzMWtyc99Ia/AYmwIDAQABAkEAsorzeYtAPrtg4wK5VNzqQIxFNz8IniaZTh0BPCkB54v8MIAN4vjH/KSjrxpW3IRBZiJ9c34mbxOp9Ck+KM7IAQIhAOLQ\"\n"
    "        \"mfUXt4IrYjAwEA81jclMd7S4IEwyE8wNYeLJxjqRAiEA20tj/IlbM7FrY045P1KBMjsfyzk2Uma/Me3jvw++vmsCIQDRWQzhZdShNv3X0GTiROHrrMLIcTKOYaJYMvnoY6itoQIhANU1OWNAkIFzz/rfBN3B84bI4SKO33fCGcYLilAqmMM9AiAb+Hj7lKRJEnNRZG0MVGKbPKKolvVNMymAJAmnj2xBOw==\" )\n"
    "\n"
    "Good:\n"
    "\n"
    "    sel._domainkey TXT \"p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\"\n";

const char zl_explain_dkim_key_missing[] =
    "p= is the one required tag of a DKIM key record (RFC 6376 3.6.1): without it\n"
    "the record holds no key, and verifiers fail every signature made with the\n"
    "selector. It happens when a console shows 'v=DKIM1; k=rsa; p=...' and the\n"
    "'p=' is lost in the copy, or the key is pasted after 'k=rsa;' alone. An\n"
    "empty p= is different: it revokes the key on purpose and is not reported.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    sel._domainkey TXT \"v=DKIM1; k=rsa; MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    sel._domainkey TXT \"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\"\n"
    "    old._domainkey TXT \"v=DKIM1; p=\"\n";

const char zl_explain_dkim_key_split_records[] =
    "A DKIM key is one TXT record: its tags and the key are character-strings of\n"
    "that record (\"v=DKIM1; k=rsa; \" \"p=...\"). Written as several records of\n"
    "one name (an octoDNS values: list with v=DKIM1, k=rsa and p=... as separate\n"
    "entries), the selector has several TXT records, and RFC 6376 3.6.2.2 leaves\n"
    "the result undefined: verifiers that take the first record they get may find\n"
    "one without p=, depending on the order the name server returns them in. The\n"
    "p= record alone is a valid key (v= is optional, k= defaults to rsa), so\n"
    "those that pick it succeed; whether a given verifier does is not known\n"
    "here, hence an info.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    mx._domainkey TXT \"k=rsa\"\n"
    "    mx._domainkey TXT \"p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    mx._domainkey TXT \"k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\"\n";

const char zl_explain_dkim_key_weak[] =
    "RFC 8301 (section 3.2) says verifiers must not accept signatures made with\n"
    "RSA keys under 1024 bits: a 512- or 768-bit DKIM key makes every signature\n"
    "with its selector fail, so DMARC rests on SPF alone. Publish a 2048-bit key\n"
    "(split over two strings), or at least 1024 bits. Larger keys are fine for\n"
    "DKIM; Amazon SES BYODKIM's upper limit is ses-dkim-key-size's business.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    sel._domainkey TXT \"p=MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBALyhTKqGPli35/lHgq9rQtsr8sH8ESo79qIy+ltEr9dI+Kw28mC2XDoHqFjAgiFUOoKN207tORn8FE02NI9vzMECAwEAAQ==\"    ; 512 bits\n"
    "\n"
    "Good:\n"
    "\n"
    "    sel._domainkey TXT \"p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\"\n";

const char zl_explain_dkim_key_whitespace[] =
    "A 2048-bit key is 392 base64 characters and a TXT character-string holds at\n"
    "most 255, so the key is split into several strings, which are joined with\n"
    "nothing in between. A blank left at the start or end of a piece ends up\n"
    "inside p=. RFC 6376 (3.6.1) allows folding white space between the base64\n"
    "characters and verifiers skip it, so the key works; some tools that read\n"
    "keys (and Amazon SES BYODKIM's instructions, \"no spaces or line breaks\")\n"
    "expect none, hence an info.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    sel._domainkey TXT ( \"p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvNJN0gulL6qLC6DjdeTqx2yb/qyPQCdhBQ4a0zX3RYb7ATlsC95YRJ7YzfH4o7llzw5nhC/LTg+B+YFjonDmTSQgX6qw248z7/toJQ3kV1kcQpK/HC8I5NnNe7vn+8lL2/HuwUvocQYJ7yIhEipE7bXLGmXp \"\n"
    "                         \"+r1MNVIfXoqtw1zvkw6H99vNsppwvGls/ZuYcJfO1TJAA663aWCxtIrg2NzzPCI+eKdA0OgU6QZcH06Ea18Nkb52KtinqIrfwx1v56eYK7e4oiQVrJFftqRJ+N6O/l3m7zvTsrA4hgLwaS/9tndHh+r0pVSCxZLRk/DSlVB4nLqx6Ue062tVCMidkQIDAQAB\" )\n"
    "\n"
    "Good:\n"
    "\n"
    "    sel._domainkey TXT ( \"p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvNJN0gulL6qLC6DjdeTqx2yb/qyPQCdhBQ4a0zX3RYb7ATlsC95YRJ7YzfH4o7llzw5nhC/LTg+B+YFjonDmTSQgX6qw248z7/toJQ3kV1kcQpK/HC8I5NnNe7vn+8lL2/HuwUvocQYJ7yIhEipE7bXLGmXp\"\n"
    "                         \"+r1MNVIfXoqtw1zvkw6H99vNsppwvGls/ZuYcJfO1TJAA663aWCxtIrg2NzzPCI+eKdA0OgU6QZcH06Ea18Nkb52KtinqIrfwx1v56eYK7e4oiQVrJFftqRJ+N6O/l3m7zvTsrA4hgLwaS/9tndHh+r0pVSCxZLRk/DSlVB4nLqx6Ue062tVCMidkQIDAQAB\" )\n";
