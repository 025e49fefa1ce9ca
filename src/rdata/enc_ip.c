/* IPv4 and IPv6 addresses: read as glibc's inet_pton, printed as BIND. */
#include <string.h>

#include "rdata/enc.h"

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

