/* SPDX-License-Identifier: MIT */
/* Numbers, TTLs, RRSIG/SIG times, mnemonic tables and RR-type fields. */
#include <time.h>

#include "rdata/enc.h"
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

int zl_rd_wuint(struct wctx *w, size_t n)
{
    size_t off = w->off;
    uint32_t v;
    if (zl_rd_get(w, n, &v) != 0)
        return -1;
    zl_rd_sep(w);
    zl_buf_put_uint(w->out, v);
    zl_rd_wfield(w, ZL_FIELD_INT, off);
    return 0;
}

/* ---- mnemonics ------------------------------------------------------------ */

const struct zl_rd_mnem zl_rd_secalgs[] = {
    { "RSAMD5", 1 }, { "DH", 2 }, { "DSA", 3 }, { "RSASHA1", 5 }, { "NSEC3DSA", 6 },
    { "NSEC3RSASHA1", 7 }, { "RSASHA256", 8 }, { "RSASHA512", 10 }, { "ECCGOST", 12 },
    { "ECDSAP256SHA256", 13 }, { "ECDSA256", 13 }, { "ECDSAP384SHA384", 14 },
    { "ECDSA384", 14 }, { "ED25519", 15 }, { "ED448", 16 }, { "INDIRECT", 252 },
    { "PRIVATEDNS", 253 }, { "PRIVATEOID", 254 }, { NULL, 0 },
};

int zl_rd_mnemonic(const char *s, size_t n, const struct zl_rd_mnem *tab, uint32_t max, uint32_t *v)
{
    if (n > 0 && zl_rd_is_digit(s[0])) {
        int r = zl_rd_number(s, n, v);
        return (r == 0 && *v > max) ? -2 : r;
    }
    for (; tab->name; tab++)
        if (zl_rd_ieq(s, n, tab->name)) {
            *v = tab->value;
            return 0;
        }
    return -1;
}

const char *zl_rd_mnem_name(const struct zl_rd_mnem *tab, uint32_t v)
{
    for (; tab->name; tab++)
        if (tab->value == v)
            return tab->name;
    return NULL;
}

int zl_rd_pmnemonic(struct pctx *c, const struct zl_rd_mnem *tab, uint32_t max, int bytes,
                    const char *label, const char *expect)
{
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_word(c, label, expect);
    if (!t)
        return -1;
    uint32_t v;
    if (zl_rd_mnemonic(t->text, t->len, tab, max, &v) != 0) {
        char sh[80];
        return zl_rd_perr(c, ti, "%s %s must be %s, got %s", c->tname, label, expect,
                          zl_rd_show(t, sh, sizeof sh));
    }
    size_t off = c->wire->len;
    put_be(c->wire, v, bytes);
    zl_rd_field(c, ZL_FIELD_INT, 0, ti, 1, off);
    return 0;
}

int zl_rd_wmnemonic(struct wctx *w, const struct zl_rd_mnem *tab, size_t bytes)
{
    size_t off = w->off;
    uint32_t v;
    if (zl_rd_get(w, bytes, &v) != 0)
        return -1;
    zl_rd_sep(w);
    const char *n = zl_rd_mnem_name(tab, v);
    if (n)
        zl_buf_puts(w->out, n);
    else
        zl_buf_put_uint(w->out, v);
    zl_rd_wfield(w, ZL_FIELD_INT, off);
    return 0;
}

int zl_rd_palg(struct pctx *c, const char *label)
{
    return zl_rd_pmnemonic(c, zl_rd_secalgs, 255, 1, label,
                           "an algorithm number 0-255 or mnemonic such as RSASHA256");
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
