/* SPDX-License-Identifier: MIT */
/* IPv4 and IPv6 addresses: read as glibc's inet_pton, printed as BIND. */
#include <string.h>

#include "rdata/enc.h"

/* inet_pton(AF_INET) as glibc does it: four decimal octets of one to three
 * digits (at most 255, no leading zero), three dots, nothing else. */
int zl_rd_ip4(const char *s, size_t n, uint8_t out[4])
{
    uint8_t tmp[4];
    size_t i = 0;
    for (int k = 0; k < 4; k++) {
        if (k) {
            if (i >= n || s[i] != '.')
                return -1;
            i++;
        }
        unsigned d;
        if (i >= n || (d = (unsigned)(uint8_t)s[i] - '0') > 9)
            return -1;
        unsigned v = d;
        i++;
        if (v == 0) {
            if (i < n && (unsigned)(uint8_t)s[i] - '0' <= 9)
                return -1; /* a leading zero */
        } else {
            while (i < n && (d = (unsigned)(uint8_t)s[i] - '0') <= 9) {
                v = v * 10 + d;
                if (v > 255)
                    return -1;
                i++;
            }
        }
        tmp[k] = (uint8_t)v;
    }
    if (i != n)
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

/* "0." .. "255.": each octet's text and its length, four bytes apart. */
static const struct {
    char s[4];
    uint8_t n;
} octet_text[256] = {
#define O1(x) { { '0' + (x), '.' }, 1 }
#define O2(x) { { '0' + (x) / 10, '0' + (x) % 10, '.' }, 2 }
#define O3(x) { { '0' + (x) / 100, '0' + (x) / 10 % 10, '0' + (x) % 10, '.' }, 3 }
#define R10(m, b) m(b), m(b + 1), m(b + 2), m(b + 3), m(b + 4), m(b + 5), m(b + 6), m(b + 7), m(b + 8), m(b + 9)
    R10(O1, 0), R10(O2, 10), R10(O2, 20), R10(O2, 30), R10(O2, 40), R10(O2, 50), R10(O2, 60), R10(O2, 70),
    R10(O2, 80), R10(O2, 90), R10(O3, 100), R10(O3, 110), R10(O3, 120), R10(O3, 130), R10(O3, 140),
    R10(O3, 150), R10(O3, 160), R10(O3, 170), R10(O3, 180), R10(O3, 190), R10(O3, 200), R10(O3, 210),
    R10(O3, 220), R10(O3, 230), R10(O3, 240), O3(250), O3(251), O3(252), O3(253), O3(254), O3(255),
#undef O1
#undef O2
#undef O3
#undef R10
};

void zl_rd_put_ip4(struct zl_buf *b, const uint8_t a[4])
{
    zl_buf_reserve(b, 16);
    char *o = (char *)b->data + b->len, *start = o;
    for (int i = 0; i < 4; i++) {
        memcpy(o, octet_text[a[i]].s, 4); /* the digits and a dot */
        o += octet_text[a[i]].n + 1;
    }
    b->len += (size_t)(o - start) - 1; /* no dot after the last */
}

/* One group in hex without leading zeros; returns the end. */
static char *hex16(char *o, unsigned v)
{
    static const char hx[] = "0123456789abcdef";
    int n = v >= 0x1000 ? 4 : v >= 0x100 ? 3 : v >= 0x10 ? 2 : 1;
    for (int k = n - 1; k >= 0; k--) {
        o[k] = hx[v & 0xf];
        v >>= 4;
    }
    return o + n;
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
    zl_buf_reserve(b, 48);
    char *o = (char *)b->data + b->len;
    for (int i = 0; i < 8; i++) {
        if (best >= 0 && i >= best && i < best + bestlen) {
            if (i == best)
                *o++ = ':';
            continue;
        }
        if (i != 0)
            *o++ = ':';
        if (i == 6 && best == 0 && (bestlen == 6 || (bestlen == 5 && wds[5] == 0xffff))) {
            b->len = (size_t)(o - (char *)b->data);
            zl_rd_put_ip4(b, a + 12);
            return;
        }
        o = hex16(o, wds[i]);
    }
    if (best >= 0 && best + bestlen == 8)
        *o++ = ':';
    b->len = (size_t)(o - (char *)b->data);
}

