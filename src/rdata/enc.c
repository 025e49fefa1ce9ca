/* RDATA encodings shared by every type: numbers, TTLs, RRSIG times,
 * character-strings, names, IPv4/IPv6 addresses, algorithm mnemonics,
 * base64, hex and type bitmaps; parsing as BIND 9.18 does and printing as
 * its dump does. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "rdata/rdata_impl.h"
#include "rdata/types.h"

/* ---- numbers ------------------------------------------------------------- */

int zl_rd_number(const char *s, size_t n, uint32_t *v)
{
    if (n == 0)
        return -1;
    uint64_t x = 0;
    bool big = false;
    for (size_t i = 0; i < n; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (d > 9)
            return -1;
        x = x * 10 + d;
        if (x > 0xffffffffULL) {
            big = true;
            x = 0xffffffffULL + 1;
        }
    }
    if (big)
        return -2;
    *v = (uint32_t)x;
    return 0;
}

static void put_be(struct zl_buf *b, uint32_t v, int bytes)
{
    for (int i = bytes - 1; i >= 0; i--)
        zl_buf_putc(b, (uint8_t)(v >> (8 * i)));
}

/* Static text so that the hot path formats nothing. */
static const char *int_expect(uint32_t max)
{
    switch (max) {
    case 1: return "0 or 1";
    case 3: return "a number 0-3";
    case 127: return "a number 0-127";
    case 128: return "a number 0-128";
    case 255: return "a number 0-255";
    case 65535: return "a number 0-65535";
    case 0xffffffffU: return "a number 0-4294967295";
    default: return "a number";
    }
}

int zl_rd_int(struct pctx *c, int bytes, uint32_t max, const char *label)
{
    const char *expect = int_expect(max);
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_word(c, label, expect);
    if (!t)
        return -1;
    uint32_t v;
    if (zl_rd_number(t->text, t->len, &v) != 0 || v > max) {
        char sh[80];
        return zl_rd_perr(c, ti, "%s %s must be %s, got %s", c->tname, label, expect,
                          zl_rd_show(t, sh, sizeof sh));
    }
    size_t off = c->wire->len;
    put_be(c->wire, v, bytes);
    zl_rd_field(c, ZL_FIELD_INT, 0, ti, 1, off);
    return 0;
}

/* BIND's TTL/counter syntax: a plain number, or units (w d h m s, any case)
 * each after a number; a plain number may only follow units when all of
 * them were zero (BIND quirk). 0 ok, -1 syntax, -2 > 2^32-1. */
int zl_rd_parse_ttl(const char *s, size_t n, uint32_t *out)
{
    if (n == 0 || n > 63)
        return -1;
    uint64_t total = 0;
    size_t i = 0;
    do {
        uint64_t v = 0;
        size_t start = i;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            v = v * 10 + (uint64_t)(s[i] - '0');
            if (v > 0xffffffffULL)
                return -1;
            i++;
        }
        if (i == start)
            return -1;
        if (i == n) {
            if (total != 0)
                return -1;
            total = v;
            break;
        }
        switch (s[i] | 0x20) {
        case 'w': total += v * 604800; break;
        case 'd': total += v * 86400; break;
        case 'h': total += v * 3600; break;
        case 'm': total += v * 60; break;
        case 's': total += v; break;
        default: return -1;
        }
        i++;
    } while (i < n);
    if (total > 0xffffffffULL)
        return -2;
    *out = (uint32_t)total;
    return 0;
}

/* ---- RRSIG times ----------------------------------------------------------- */

static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

static bool leap(long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int dig2(const char *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

/* BIND's dns_time32_fromtext after its "10 digits or fewer is seconds" rule.
 * 0 ok, -1 syntax, -2 range. */
int zl_rd_parse_time(const char *s, size_t n, bool secs, uint32_t *out)
{
    if (secs && n <= 10 && s[0] != '-' && s[0] != '+') {
        uint32_t v;
        int r = zl_rd_number(s, n, &v);
        if (r == 0)
            *out = v;
        return r;
    }
    if (n != 14)
        return -1;
    for (size_t i = 0; i < 14; i++)
        if (s[i] < '0' || s[i] > '9')
            return -1;
    long year = dig2(s) * 100 + dig2(s + 2);
    int mon = dig2(s + 4), day = dig2(s + 6), hh = dig2(s + 8), mm = dig2(s + 10), ss = dig2(s + 12);
    if (mon < 1 || mon > 12)
        return -2;
    if (day < 1 || day > mdays[mon - 1] + (mon == 2 && leap(year)))
        return -2;
    if (hh > 23 || mm > 59 || ss > 60)
        return -2;
    int64_t v = ss + 60 * mm + 3600 * hh + (int64_t)(day - 1) * 86400;
    for (int i = 0; i < mon - 1; i++)
        v += (int64_t)mdays[i] * 86400;
    if (leap(year) && mon > 2)
        v += 86400;
    if (year < 1970) {
        for (long y = 1969; y >= year; y--)
            v -= (leap(y) ? 366 : 365) * 86400LL;
    } else {
        for (long y = 1970; y < year; y++)
            v += (leap(y) ? 366 : 365) * 86400LL;
    }
    *out = (uint32_t)v;
    return 0;
}

/* BIND prints a 32-bit time as the date closest to now (serial arithmetic). */
int zl_rd_put_time(struct zl_buf *b, uint32_t value)
{
    uint32_t now = (uint32_t)time(NULL);
    int64_t t = (int64_t)now;
    if (value != now && (uint32_t)(value - now) < 0x80000000U)
        t += (uint32_t)(value - now);
    else
        t -= (uint32_t)(now - value);
    long year = 1970;
    while (t < 0) {
        year--;
        t += (leap(year) ? 366 : 365) * 86400LL;
    }
    for (;;) {
        int64_t ys = (leap(year) ? 366 : 365) * 86400LL;
        if (ys > t)
            break;
        t -= ys;
        year++;
        if (year > 9999)
            return -1;
    }
    int mon = 0;
    for (;;) {
        int64_t ms = (mdays[mon] + (mon == 1 && leap(year))) * 86400LL;
        if (ms > t)
            break;
        t -= ms;
        mon++;
    }
    char buf[16];
    int v[6] = { (int)(year / 100), (int)(year % 100), mon + 1, (int)(t / 86400) + 1,
                 (int)(t % 86400 / 3600), (int)(t % 3600 / 60) };
    for (int i = 0; i < 6; i++) {
        buf[2 * i] = (char)('0' + v[i] / 10);
        buf[2 * i + 1] = (char)('0' + v[i] % 10);
    }
    buf[12] = (char)('0' + t % 60 / 10);
    buf[13] = (char)('0' + t % 10);
    zl_buf_put(b, buf, 14);
    return 0;
}

/* ---- strings ----------------------------------------------------------------- */

static int decval(int ch)
{
    return (ch >= '0' && ch <= '9') ? ch - '0' : -1;
}

/* BIND's txt_fromtext/commatxt_fromtext escapes: \DDD (000-255, exactly
 * three digits) and \X. With comma set, an unescaped ',' ends the value (and
 * *used says how far we got) and "\\," at the second level is a literal
 * comma. out needs room for n octets. 0 ok, -1 bad escape. */
/* Without the comma rule (SVCB values), runs between backslashes are copied
 * whole: TXT strings are most of a zone's bytes and rarely escaped. */
static int unescape_plain(const char *s, size_t n, uint8_t *out, size_t *outlen, size_t *used)
{
    size_t i = 0, o = 0;
    while (i < n) {
        const char *bs = memchr(s + i, '\\', n - i);
        size_t run = bs ? (size_t)(bs - (s + i)) : n - i;
        memcpy(out + o, s + i, run);
        o += run;
        i += run;
        if (!bs)
            break;
        if (++i >= n)
            return -1;
        int ch = (uint8_t)s[i++];
        if (decval(ch) >= 0) {
            if (i + 2 > n || decval(s[i]) < 0 || decval(s[i + 1]) < 0)
                return -1;
            ch = decval(ch) * 100 + decval(s[i]) * 10 + decval(s[i + 1]);
            i += 2;
            if (ch > 255)
                return -1;
        }
        out[o++] = (uint8_t)ch;
    }
    if (used)
        *used = i;
    *outlen = o;
    return 0;
}

int zl_rd_unescape(const char *s, size_t n, uint8_t *out, size_t *outlen, bool comma, size_t *used)
{
    if (!comma)
        return unescape_plain(s, n, out, outlen, used);
    size_t i = 0, o = 0;
    bool esc = false, cesc = false;
    while (i < n) {
        int ch = (uint8_t)s[i++];
        if (esc && decval(ch) >= 0) {
            if (i + 2 > n || decval(s[i]) < 0 || decval(s[i + 1]) < 0)
                return -1;
            ch = decval(ch) * 100 + decval(s[i]) * 10 + decval(s[i + 1]);
            i += 2;
            if (ch > 255)
                return -1;
        } else if (!esc && ch == '\\') {
            esc = true;
            continue;
        }
        esc = false;
        if (comma && !cesc && ch == ',') {
            if (used)
                *used = i;
            *outlen = o;
            return 1;
        }
        if (comma && !cesc && ch == '\\') {
            cesc = true;
            continue;
        }
        cesc = false;
        out[o++] = (uint8_t)ch;
    }
    if (esc || cesc)
        return -1;
    if (used)
        *used = i;
    *outlen = o;
    return 0;
}

/* One <character-string> field. */
int zl_rd_pstring(struct pctx *c, const char *label)
{
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_need(c, label, "a character-string");
    if (!t)
        return -1;
    size_t off = c->wire->len;
    zl_buf_reserve(c->wire, t->len + 1);
    uint8_t *p = c->wire->data + off;
    size_t n;
    if (zl_rd_unescape(t->text, t->len, p + 1, &n, false, NULL) != 0) {
        char sh[80];
        return zl_rd_perr(c, ti, "%s %s %s has a bad escape (use \\X or \\DDD with DDD 000-255)",
                          c->tname, label, zl_rd_show(t, sh, sizeof sh));
    }
    if (n > 255)
        return zl_rd_perr(c, ti, "%s %s is %zu octets; at most 255 are allowed", c->tname, label, n);
    p[0] = (uint8_t)n;
    c->wire->len += n + 1;
    zl_rd_field(c, ZL_FIELD_STRING, t->flags & ZL_TOK_QUOTED, ti, 1, off);
    return 0;
}

/* URI target: must be written quoted (BIND), no length octet, no limit. */
int zl_rd_pqtext(struct pctx *c, const char *label)
{
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_need(c, label, "a quoted string");
    if (!t)
        return -1;
    char sh[80];
    if (!(t->flags & ZL_TOK_QUOTED))
        return zl_rd_perr(c, ti, "%s %s must be a quoted string, got %s", c->tname, label,
                          zl_rd_show(t, sh, sizeof sh));
    size_t off = c->wire->len;
    zl_buf_reserve(c->wire, t->len);
    size_t n;
    if (zl_rd_unescape(t->text, t->len, c->wire->data + off, &n, false, NULL) != 0)
        return zl_rd_perr(c, ti, "%s %s %s has a bad escape (use \\X or \\DDD with DDD 000-255)",
                          c->tname, label, zl_rd_show(t, sh, sizeof sh));
    c->wire->len += n;
    zl_rd_field(c, ZL_FIELD_STRING, ZL_TOK_QUOTED, ti, 1, off);
    return 0;
}

/* ---- names -------------------------------------------------------------------- */

int zl_rd_pname(struct pctx *c, const char *label)
{
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_word(c, label, "a domain name");
    if (!t)
        return -1;
    struct zl_name n;
    unsigned flags = 0;
    enum zl_name_status st = zl_name_from_text(&n, t->text, t->len, c->origin, &flags);
    if (st != ZL_NAME_OK) {
        char sh[80];
        return zl_rd_perr(c, ti, "%s %s %s is not a valid domain name: %s", c->tname, label,
                          zl_rd_show(t, sh, sizeof sh), zl_name_status_text(st));
    }
    size_t off = c->wire->len;
    zl_buf_put(c->wire, n.wire, n.len);
    zl_rd_field(c, ZL_FIELD_NAME, flags, ti, 1, off);
    return 0;
}

/* ---- addresses ------------------------------------------------------------------ */

int zl_rd_hexval(int ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    ch |= 0x20;
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    return -1;
}

/* inet_pton(AF_INET) as glibc does it: four decimal octets, no leading zeros. */
int zl_rd_ip4(const char *s, size_t n, uint8_t out[4])
{
    uint8_t tmp[4] = { 0 };
    int octets = 0, pos = 0;
    bool saw = false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch >= '0' && ch <= '9') {
            unsigned v = tmp[pos] * 10u + (unsigned)(ch - '0');
            if (saw && tmp[pos] == 0)
                return -1;
            if (v > 255)
                return -1;
            tmp[pos] = (uint8_t)v;
            if (!saw) {
                if (++octets > 4)
                    return -1;
                saw = true;
            }
        } else if (ch == '.' && saw) {
            if (octets == 4)
                return -1;
            pos++;
            saw = false;
        } else {
            return -1;
        }
    }
    if (octets < 4)
        return -1;
    memcpy(out, tmp, 4);
    return 0;
}

/* inet_pton(AF_INET6) as glibc does it. */
int zl_rd_ip6(const char *s, size_t n, uint8_t out[16])
{
    uint8_t tmp[16] = { 0 };
    size_t tp = 0, i = 0;
    long colonp = -1;
    if (n == 0)
        return -1;
    if (s[0] == ':') {
        if (n < 2 || s[1] != ':')
            return -1;
        i = 1;
    }
    size_t curtok = i, xd = 0;
    unsigned val = 0;
    while (i < n) {
        char ch = s[i++];
        int d = zl_rd_hexval((uint8_t)ch);
        if (d >= 0) {
            if (xd == 4)
                return -1;
            val = val << 4 | (unsigned)d;
            xd++;
            continue;
        }
        if (ch == ':') {
            curtok = i;
            if (xd == 0) {
                if (colonp >= 0)
                    return -1;
                colonp = (long)tp;
                continue;
            }
            if (i == n || tp + 2 > 16)
                return -1;
            tmp[tp++] = (uint8_t)(val >> 8);
            tmp[tp++] = (uint8_t)val;
            xd = 0;
            val = 0;
            continue;
        }
        if (ch == '.' && tp + 4 <= 16 && zl_rd_ip4(s + curtok, n - curtok, tmp + tp) == 0) {
            tp += 4;
            xd = 0;
            break;
        }
        return -1;
    }
    if (xd > 0) {
        if (tp + 2 > 16)
            return -1;
        tmp[tp++] = (uint8_t)(val >> 8);
        tmp[tp++] = (uint8_t)val;
    }
    if (colonp >= 0) {
        if (tp == 16)
            return -1;
        size_t k = tp - (size_t)colonp;
        memmove(tmp + 16 - k, tmp + colonp, k);
        memset(tmp + colonp, 0, 16 - k - (size_t)colonp);
        tp = 16;
    }
    if (tp != 16)
        return -1;
    memcpy(out, tmp, 16);
    return 0;
}

int zl_rd_paddr(struct pctx *c, const char *label, bool v6)
{
    size_t ti = c->i;
    const char *expect = v6 ? "an IPv6 address" : "a dotted-quad IPv4 address";
    const struct zl_token *t = zl_rd_word(c, label, expect);
    if (!t)
        return -1;
    size_t off = c->wire->len;
    uint8_t a[16];
    if ((v6 ? zl_rd_ip6(t->text, t->len, a) : zl_rd_ip4(t->text, t->len, a)) != 0) {
        char sh[80];
        return zl_rd_perr(c, ti, "%s %s must be %s, got %s", c->tname, label, expect,
                          zl_rd_show(t, sh, sizeof sh));
    }
    zl_buf_put(c->wire, a, v6 ? 16 : 4);
    zl_rd_field(c, ZL_FIELD_OTHER, 0, ti, 1, off);
    return 0;
}

/* ---- mnemonics ------------------------------------------------------------------ */

struct mnem {
    const char *name;
    uint8_t value;
};

static const struct mnem secalgs[] = {
    { "RSAMD5", 1 }, { "DH", 2 }, { "DSA", 3 }, { "RSASHA1", 5 }, { "NSEC3DSA", 6 },
    { "NSEC3RSASHA1", 7 }, { "RSASHA256", 8 }, { "RSASHA512", 10 }, { "ECCGOST", 12 },
    { "ECDSAP256SHA256", 13 }, { "ECDSA256", 13 }, { "ECDSAP384SHA384", 14 },
    { "ECDSA384", 14 }, { "ED25519", 15 }, { "ED448", 16 }, { "INDIRECT", 252 },
    { "PRIVATEDNS", 253 }, { "PRIVATEOID", 254 }, { NULL, 0 },
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
        if (b >= 'a' && b <= 'z')
            b = (char)(b - 32);
        if (a != b)
            return false;
    }
    return m[i] == '\0';
}

/* dns_secalg_fromtext: a decimal number 0-255 when it starts with a digit,
 * else a mnemonic. 0 ok, -1 unknown, -2 range. */
int zl_rd_secalg(const char *s, size_t n, uint32_t *v)
{
    if (n > 0 && s[0] >= '0' && s[0] <= '9') {
        int r = zl_rd_number(s, n, v);
        if (r == 0 && *v > 255)
            return -2;
        return r;
    }
    for (const struct mnem *m = secalgs; m->name; m++)
        if (ieq(s, n, m->name)) {
            *v = m->value;
            return 0;
        }
    return -1;
}

int zl_rd_palg(struct pctx *c, const char *label)
{
    size_t ti = c->i;
    const char *expect = "an algorithm number 0-255 or mnemonic such as RSASHA256";
    const struct zl_token *t = zl_rd_word(c, label, expect);
    if (!t)
        return -1;
    uint32_t v;
    if (zl_rd_secalg(t->text, t->len, &v) != 0) {
        char sh[80];
        return zl_rd_perr(c, ti, "%s %s must be %s, got %s", c->tname, label, expect,
                          zl_rd_show(t, sh, sizeof sh));
    }
    size_t off = c->wire->len;
    zl_buf_putc(c->wire, (uint8_t)v);
    zl_rd_field(c, ZL_FIELD_INT, 0, ti, 1, off);
    return 0;
}

int zl_rd_prrtype(struct pctx *c, const char *label)
{
    size_t ti = c->i;
    const char *expect = "an RR type such as A or TYPE65534";
    const struct zl_token *t = zl_rd_word(c, label, expect);
    if (!t)
        return -1;
    int v = zl_type_from_text(t->text, t->len);
    if (v < 0) {
        char sh[80];
        return zl_rd_perr(c, ti, "%s %s must be %s, got %s", c->tname, label, expect,
                          zl_rd_show(t, sh, sizeof sh));
    }
    size_t off = c->wire->len;
    zl_buf_put_u16(c->wire, (uint16_t)v);
    zl_rd_field(c, ZL_FIELD_INT, 0, ti, 1, off);
    return 0;
}

/* ---- base64, hex ---------------------------------------------------------------- */

struct b64 {
    int val[4];
    int digits;
    bool end; /* padding seen: nothing may follow */
};

static int b64val(int ch)
{
    if (ch >= 'A' && ch <= 'Z')
        return ch - 'A';
    if (ch >= 'a' && ch <= 'z')
        return ch - 'a' + 26;
    if (ch >= '0' && ch <= '9')
        return ch - '0' + 52;
    if (ch == '+')
        return 62;
    if (ch == '/')
        return 63;
    if (ch == '=')
        return 64;
    return -1;
}

/* One base64 character, BIND's rules (padding only at the end of a quad,
 * unused bits zero). */
static int b64_char(struct b64 *d, int ch, struct zl_buf *out)
{
    if (d->end)
        return -1;
    int v = b64val(ch);
    if (v < 0)
        return -1;
    d->val[d->digits++] = v;
    if (d->digits < 4)
        return 0;
    int *x = d->val;
    if (x[0] == 64 || x[1] == 64)
        return -1;
    if (x[2] == 64 && x[3] != 64)
        return -1;
    if (x[2] == 64 && (x[1] & 0xf))
        return -1;
    if (x[3] == 64 && (x[2] & 0x3))
        return -1;
    int n = x[2] == 64 ? 1 : x[3] == 64 ? 2 : 3;
    if (n != 3) {
        d->end = true;
        if (x[2] == 64)
            x[2] = 0;
        if (x[3] == 64)
            x[3] = 0;
    }
    uint8_t b[3] = { (uint8_t)(x[0] << 2 | x[1] >> 4), (uint8_t)(x[1] << 4 | x[2] >> 2),
                     (uint8_t)(x[2] << 6 | x[3]) };
    zl_buf_put(out, b, (size_t)n);
    d->digits = 0;
    return 0;
}

/* Decodes one complete base64 string; 0 ok, -1 bad. */
int zl_rd_b64_decode(const char *s, size_t n, struct zl_buf *out)
{
    struct b64 d = { { 0 }, 0, false };
    for (size_t i = 0; i < n; i++)
        if (b64_char(&d, (uint8_t)s[i], out) != 0)
            return -1;
    return d.digits ? -1 : 0;
}

/* Base64 in one or more tokens, to the end of the RDATA (or to the padding).
 * Records one field. */
int zl_rd_b64_tokens(struct pctx *c, const char *label, bool allow_empty)
{
    c->last = label;
    struct b64 d = { { 0 }, 0, false };
    size_t first = c->i, off = c->wire->len;
    char sh[80];
    while (c->i < c->ntoks && !d.end) {
        const struct zl_token *t = &c->toks[c->i];
        if (t->flags & ZL_TOK_QUOTED)
            return zl_rd_perr(c, c->i, "%s %s must be base64, not a quoted string; got %s",
                              c->tname, label, zl_rd_show(t, sh, sizeof sh));
        for (size_t k = 0; k < t->len; k++)
            if (b64_char(&d, (uint8_t)t->text[k], c->wire) != 0)
                return zl_rd_perr(c, c->i, "%s %s must be base64, got %s", c->tname, label,
                                  zl_rd_show(t, sh, sizeof sh));
        c->i++;
    }
    if (d.digits)
        return zl_rd_perr(c, c->i - 1, "%s %s is not valid base64: its length is not a multiple of 4",
                          c->tname, label);
    if (c->wire->len == off && !allow_empty)
        return zl_rd_perr(c, c->ntoks, "missing %s %s (base64)", c->tname, label);
    zl_rd_field(c, ZL_FIELD_OTHER, 0, first, c->i - first, off);
    return 0;
}

/* Hex in one or more tokens (digit pairs may straddle tokens, as in BIND).
 * want > 0: exactly that many octets; -1: to the end, at least one octet;
 * -2: to the end, may be empty. Records one field. */
int zl_rd_hex_tokens(struct pctx *c, const char *label, long want)
{
    c->last = label;
    size_t first = c->i, off = c->wire->len, got = 0;
    int digits = 0, acc = 0;
    char sh[80];
    while (c->i < c->ntoks && !(want > 0 && got == (size_t)want && digits == 0)) {
        const struct zl_token *t = &c->toks[c->i];
        if (t->flags & ZL_TOK_QUOTED)
            return zl_rd_perr(c, c->i, "%s %s must be hexadecimal, not a quoted string; got %s",
                              c->tname, label, zl_rd_show(t, sh, sizeof sh));
        for (size_t k = 0; k < t->len; k++) {
            int v = zl_rd_hexval((uint8_t)t->text[k]);
            if (v < 0)
                return zl_rd_perr(c, c->i, "%s %s must be hexadecimal, got %s", c->tname, label,
                                  zl_rd_show(t, sh, sizeof sh));
            acc = acc << 4 | v;
            if (++digits == 2) {
                if (want > 0 && got == (size_t)want)
                    return zl_rd_perr(c, c->i, "%s %s is longer than %ld octets", c->tname, label,
                                      want);
                zl_buf_putc(c->wire, (uint8_t)acc);
                got++;
                digits = 0;
                acc = 0;
            }
        }
        c->i++;
    }
    if (digits)
        return zl_rd_perr(c, c->i - 1, "%s %s has an odd number of hex digits", c->tname, label);
    if (want > 0 && got < (size_t)want)
        return zl_rd_perr(c, c->ntoks, "%s %s is %zu octets; it must be %ld", c->tname, label, got,
                          want);
    if (want == -1 && got == 0)
        return zl_rd_perr(c, c->ntoks, "missing %s %s (hexadecimal)", c->tname, label);
    zl_rd_field(c, ZL_FIELD_OTHER, 0, first, c->i - first, off);
    return 0;
}

/* ---- type bitmaps ---------------------------------------------------------------- */

int zl_rd_parse_bitmap(struct pctx *c, const char *label, bool allow_empty)
{
    size_t first = c->i, off = c->wire->len;
    uint8_t win[32];
    int cur = -1, maxb = -1;
    uint16_t types[ZL_RDATA_MAX_FIELDS];
    size_t nt = 0;
    /* Collect, then sort: lists are short and usually already sorted. */
    for (; c->i < c->ntoks; c->i++) {
        const struct zl_token *t = &c->toks[c->i];
        int v = (t->flags & ZL_TOK_QUOTED) ? -1 : zl_type_from_text(t->text, t->len);
        if (v < 0) {
            char sh[80];
            return zl_rd_perr(c, c->i, "%s %s: %s is not an RR type", c->tname, label,
                              zl_rd_show(t, sh, sizeof sh));
        }
        if (nt < ZL_RDATA_MAX_FIELDS) {
            size_t k = nt++;
            while (k > 0 && types[k - 1] > v) {
                types[k] = types[k - 1];
                k--;
            }
            types[k] = (uint16_t)v;
        } else {
            return zl_rd_perr(c, c->i, "%s %s has more than %d types", c->tname, label,
                              ZL_RDATA_MAX_FIELDS);
        }
    }
    if (nt == 0 && !allow_empty)
        return zl_rd_perr(c, c->ntoks, "missing %s %s (at least one RR type)", c->tname, label);
    for (size_t k = 0; k <= nt; k++) {
        int w = k < nt ? types[k] >> 8 : -2;
        if (w != cur && cur >= 0) {
            zl_buf_putc(c->wire, (uint8_t)cur);
            zl_buf_putc(c->wire, (uint8_t)(maxb + 1));
            zl_buf_put(c->wire, win, (size_t)maxb + 1);
        }
        if (k == nt)
            break;
        if (w != cur) {
            cur = w;
            maxb = -1;
            memset(win, 0, sizeof win);
        }
        int bit = types[k] & 0xff;
        win[bit / 8] |= (uint8_t)(0x80 >> (bit % 8));
        if (bit / 8 > maxb)
            maxb = bit / 8;
    }
    zl_rd_field(c, ZL_FIELD_OTHER, 0, first, c->i - first, off);
    return 0;
}

int zl_rd_bitmap_ok(const uint8_t *p, size_t n, bool allow_empty)
{
    size_t i = 0;
    int last = -1;
    while (i < n) {
        if (i + 2 > n)
            return -1;
        int w = p[i], len = p[i + 1];
        i += 2;
        if (w <= last || len < 1 || len > 32 || i + (size_t)len > n || p[i + len - 1] == 0)
            return -1;
        last = w;
        i += (size_t)len;
    }
    return (last < 0 && !allow_empty) ? -1 : 0;
}

void zl_rd_put_bitmap(struct zl_buf *b, const uint8_t *p, size_t n)
{
    bool first = true;
    for (size_t i = 0; i + 2 <= n;) {
        unsigned w = p[i], len = p[i + 1];
        for (unsigned j = 0; j < len; j++)
            for (unsigned k = 0; k < 8; k++) {
                if (!(p[i + 2 + j] & (0x80 >> k)))
                    continue;
                char tn[16];
                if (!first)
                    zl_buf_putc(b, ' ');
                first = false;
                zl_buf_puts(b, zl_type_to_text((uint16_t)(w * 256 + j * 8 + k), tn));
            }
        i += 2 + len;
    }
}

/* BIND's txt_totext with quoting. */
void zl_rd_put_txt(struct zl_buf *b, const uint8_t *p, size_t n)
{
    zl_buf_reserve(b, n * 4 + 2);
    uint8_t *o = b->data + b->len;
    *o++ = '"';
    for (size_t i = 0; i < n; i++) {
        uint8_t ch = p[i];
        if (ch < 0x20 || ch >= 0x7f) {
            *o++ = '\\';
            *o++ = (uint8_t)('0' + ch / 100);
            *o++ = (uint8_t)('0' + ch / 10 % 10);
            *o++ = (uint8_t)('0' + ch % 10);
            continue;
        }
        if (ch == '"' || ch == '\\')
            *o++ = '\\';
        *o++ = ch;
    }
    *o++ = '"';
    b->len = (size_t)(o - b->data);
}

int zl_rd_wstring(struct wctx *w)
{
    size_t off = w->off;
    if (w->off >= w->len || w->len - w->off - 1 < w->p[w->off])
        return -1;
    size_t n = w->p[w->off];
    zl_rd_sep(w);
    zl_rd_put_txt(w->out, w->p + w->off + 1, n);
    w->off += n + 1;
    zl_rd_wfield(w, ZL_FIELD_STRING, off);
    return 0;
}

void zl_rd_put_ip4(struct zl_buf *b, const uint8_t a[4])
{
    for (int i = 0; i < 4; i++) {
        if (i)
            zl_buf_putc(b, '.');
        zl_buf_put_uint(b, a[i]);
    }
}

static void put_hex16(struct zl_buf *b, unsigned v)
{
    static const char hx[] = "0123456789abcdef";
    char tmp[4];
    int n = 0;
    do {
        tmp[n++] = hx[v & 0xf];
        v >>= 4;
    } while (v);
    while (n)
        zl_buf_putc(b, (uint8_t)tmp[--n]);
}

/* BIND's inet_ntop6: longest run of two or more zero groups becomes "::"
 * (the first on a tie); ::a.b.c.d and ::ffff:a.b.c.d keep the IPv4 form. */
void zl_rd_put_ip6(struct zl_buf *b, const uint8_t a[16])
{
    unsigned wds[8];
    for (int i = 0; i < 8; i++)
        wds[i] = (unsigned)a[2 * i] << 8 | a[2 * i + 1];
    int best = -1, bestlen = 0, cur = -1, curlen = 0;
    for (int i = 0; i < 8; i++) {
        if (wds[i] == 0) {
            if (cur < 0) {
                cur = i;
                curlen = 1;
            } else {
                curlen++;
            }
        } else if (cur >= 0) {
            if (best < 0 || curlen > bestlen) {
                best = cur;
                bestlen = curlen;
            }
            cur = -1;
        }
    }
    if (cur >= 0 && (best < 0 || curlen > bestlen)) {
        best = cur;
        bestlen = curlen;
    }
    if (best >= 0 && bestlen < 2)
        best = -1;
    for (int i = 0; i < 8; i++) {
        if (best >= 0 && i >= best && i < best + bestlen) {
            if (i == best)
                zl_buf_putc(b, ':');
            continue;
        }
        if (i != 0)
            zl_buf_putc(b, ':');
        if (i == 6 && best == 0 && (bestlen == 6 || (bestlen == 5 && wds[5] == 0xffff))) {
            zl_rd_put_ip4(b, a + 12);
            return;
        }
        put_hex16(b, wds[i]);
    }
    if (best >= 0 && best + bestlen == 8)
        zl_buf_putc(b, ':');
}

/* BIND prints base64 and hex in 56-character words when the dump style has
 * a line width (named-checkzone -D does). */
#define WORD_CHARS 56

void zl_rd_put_hex(struct zl_buf *b, const uint8_t *p, size_t n, bool split)
{
    static const char hx[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        if (split && i > 0 && i % (WORD_CHARS / 2) == 0)
            zl_buf_putc(b, ' ');
        zl_buf_putc(b, (uint8_t)hx[p[i] >> 4]);
        zl_buf_putc(b, (uint8_t)hx[p[i] & 0xf]);
    }
}

void zl_rd_put_b64(struct zl_buf *b, const uint8_t *p, size_t n, bool split)
{
    static const char al[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t quads = 0;
    for (size_t i = 0; i < n; i += 3) {
        if (split && quads > 0 && quads % (WORD_CHARS / 4) == 0)
            zl_buf_putc(b, ' ');
        uint32_t v = (uint32_t)p[i] << 16;
        if (i + 1 < n)
            v |= (uint32_t)p[i + 1] << 8;
        if (i + 2 < n)
            v |= p[i + 2];
        char q[4] = { al[v >> 18], al[v >> 12 & 63], i + 1 < n ? al[v >> 6 & 63] : '=',
                      i + 2 < n ? al[v & 63] : '=' };
        zl_buf_put(b, q, 4);
        quads++;
    }
}

