/* SPDX-License-Identifier: MIT */
/* Network addresses beyond A and AAAA, each in its own syntax: WKS, APL,
 * A6, L64/NID locators, the IPSECKEY and AMTRELAY gateways, and the non-IP
 * ones: X25, NSAP, ATMA, EUI48/EUI64. (A, AAAA, L32 and ISDN are plain
 * field lists in types.def.) WKS and APL follow BIND 9.18's wks_11.c and
 * apl_42.c. */
#include <stdio.h>
#include <string.h>

#include "rdata/families.h"
#include "rdata/types.h"

/* ---- WKS ---------------------------------------------------------------------------- */

/* Protocol and service names. BIND takes them from the system databases
 * (getprotobyname/getservbyname, i.e. netbase's /etc/protocols and
 * /etc/services); zonelint has Debian netbase's names built in, so a zone gets
 * the verdict BIND gives on a Debian machine, on any machine. */
struct wks_name {
    const char *name;
    uint16_t number;
    const char *proto; /* services: "tcp", "udp", ...; protocols: NULL */
};

static const struct wks_name wks_protocols[] = {
#define ZL_WKS_PROTO(name, number) { name, number, NULL },
#include "rdata/wks_protocols.def"
#undef ZL_WKS_PROTO
};

static const struct wks_name wks_services[] = {
#define ZL_WKS_SERVICE(name, port, proto) { name, port, proto },
#include "rdata/wks_services.def"
#undef ZL_WKS_SERVICE
};

/* Bytewise order, as the tables are sorted. */
static int name_cmp(const char *name, const char *s, size_t len)
{
    size_t n = strlen(name);
    int c = memcmp(name, s, n < len ? n : len);
    return c ? c : (n > len) - (n < len);
}

/* The first row named exactly s for protocol proto (any when NULL), or NULL:
 * the C library returns the first matching line, and the tables keep the
 * file's order among rows of one name. */
static const struct wks_name *wks_find(const struct wks_name *tab, size_t n, const char *s,
                                       size_t len, const char *proto)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (name_cmp(tab[mid].name, s, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && name_cmp(tab[lo].name, s, len) == 0; lo++)
        if (!proto || strcmp(tab[lo].proto, proto) == 0)
            return &tab[lo];
    return NULL;
}

/* A number, or a name as written (getprotobyname is case-sensitive: "tcp"
 * and its alias "TCP" are known, "Tcp" is not). -1 unknown, -2 out of range,
 * -3 a known name whose number is above 255 (mptcp). */
static long wks_proto(const struct zl_token *t)
{
    uint32_t v;
    int r = zl_rd_number(t->text, t->len, &v);
    if (r == 0)
        return v > 255 ? -2 : (long)v;
    if (r == -2)
        return -2;
    const struct wks_name *p =
        wks_find(wks_protocols, sizeof wks_protocols / sizeof wks_protocols[0], t->text, t->len, NULL);
    if (!p)
        return -1;
    return p->number > 255 ? -3 : p->number;
}

/* A number, or a name: lower-cased first, then as written (BIND's order). */
static long wks_port(const struct zl_token *t, const char *proto)
{
    uint32_t v;
    int r = zl_rd_number(t->text, t->len, &v);
    if (r == 0)
        return v > 65535 ? -2 : (long)v;
    if (r == -2)
        return -2;
    const size_t n = sizeof wks_services / sizeof wks_services[0];
    char low[32]; /* longer than any name: BIND's buffer is 32 bytes too */
    if (t->len < sizeof low) {
        for (size_t k = 0; k < t->len; k++) {
            char ch = t->text[k];
            low[k] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
        }
        const struct wks_name *s = wks_find(wks_services, n, low, t->len, proto);
        if (s)
            return s->number;
    }
    const struct wks_name *s = wks_find(wks_services, n, t->text, t->len, proto);
    return s ? s->number : -1;
}

int zl_rd_wks_parse(struct pctx *c)
{
    if (zl_rd_pfield(c, F_IP4, "address") != 0)
        return -1;
    size_t ti = c->i;
    char sh[80];
    const struct zl_token *t = zl_rd_word(c, "protocol", "a protocol number 0-255 or name such as tcp");
    if (!t)
        return -1;
    long proto = wks_proto(t);
    if (proto == -3)
        return zl_rd_perr(c, ti, "WKS protocol %s names a protocol number above 255; the WKS "
                          "protocol field holds 0-255", zl_rd_show(t, sh, sizeof sh));
    if (proto < 0)
        return zl_rd_perr(c, ti, "WKS protocol must be a number 0-255 or a protocol name such as "
                          "tcp or udp, got %s", zl_rd_show(t, sh, sizeof sh));
    size_t off = c->wire->len;
    zl_buf_putc(c->wire, (uint8_t)proto);
    zl_rd_field(c, ZL_FIELD_INT, 0, ti, 1, off);
    const char *ps = proto == 6 ? "tcp" : proto == 17 ? "udp" : NULL;
    uint8_t bm[8192];
    size_t used = 0; /* octets of bm in use (zeroed lazily: most lists are short) */
    size_t first = c->i;
    off = c->wire->len;
    for (; c->i < c->ntoks; c->i++) {
        t = &c->toks[c->i];
        long port = (t->flags & ZL_TOK_QUOTED) ? -1 : wks_port(t, ps);
        if (port < 0)
            return zl_rd_perr(c, c->i, "WKS service must be a port number 0-65535 or a service "
                              "name such as smtp, got %s", zl_rd_show(t, sh, sizeof sh));
        size_t need = (size_t)port / 8 + 1;
        if (need > used) {
            memset(bm + used, 0, need - used);
            used = need;
        }
        bm[port / 8] |= (uint8_t)(0x80 >> (port % 8));
    }
    zl_buf_put(c->wire, bm, used);
    zl_rd_field(c, ZL_FIELD_OTHER, 0, first, c->i - first, off);
    return 0;
}

int zl_rd_wks_walk(struct wctx *w)
{
    if (w->len < 5 || zl_rd_wcode(w, F_IP4) != 0 || zl_rd_wuint(w, 1) != 0)
        return -1;
    size_t off = w->off;
    size_t n = w->len - off;
    if (n > 8192 || (n > 0 && w->p[w->len - 1] == 0))
        return -1;
    for (size_t i = 0; i < n; i++)
        for (unsigned k = 0; k < 8; k++)
            if (w->p[off + i] & (0x80 >> k)) {
                zl_rd_sep(w);
                zl_buf_put_uint(w->out, i * 8 + k);
            }
    w->off = w->len;
    zl_rd_wfield(w, ZL_FIELD_OTHER, off);
    return 0;
}

/* ---- APL ---------------------------------------------------------------------------- */

static int apl_item(struct pctx *c, const struct zl_token *t)
{
    const char *s = t->text, *e = s + t->len;
    bool neg = s < e && *s == '!';
    if (neg)
        s++;
    uint32_t afi = 0;
    const char *p = s;
    while (p < e && zl_rd_is_digit(*p) && afi <= 65535)
        afi = afi * 10 + (uint32_t)(*p++ - '0');
    if (p == s || p == e || *p != ':')
        return -1;
    if (afi > 65535)
        return -2;
    const char *a = p + 1, *slash = memchr(a, '/', (size_t)(e - a));
    if (!slash || slash == a)
        return -1;
    uint32_t prefix;
    if (zl_rd_number(slash + 1, (size_t)(e - slash - 1), &prefix) != 0 || prefix > 255)
        return -1;
    uint8_t addr[16];
    size_t alen;
    if (afi == 1) {
        if (zl_rd_ip4(a, (size_t)(slash - a), addr) != 0)
            return -1;
        if (prefix > 32)
            return -2;
        alen = 4;
    } else if (afi == 2) {
        if (zl_rd_ip6(a, (size_t)(slash - a), addr) != 0)
            return -1;
        if (prefix > 128)
            return -2;
        alen = 16;
    } else {
        return -3;
    }
    while (alen > 0 && addr[alen - 1] == 0)
        alen--;
    zl_buf_put_u16(c->wire, (uint16_t)afi);
    zl_buf_putc(c->wire, (uint8_t)prefix);
    zl_buf_putc(c->wire, (uint8_t)(alen | (neg ? 0x80 : 0)));
    zl_buf_put(c->wire, addr, alen);
    return 0;
}

int zl_rd_apl_parse(struct pctx *c)
{
    for (; c->i < c->ntoks; c->i++) {
        const struct zl_token *t = &c->toks[c->i];
        size_t off = c->wire->len;
        int r = (t->flags & ZL_TOK_QUOTED) ? -1 : apl_item(c, t);
        if (r != 0) {
            char sh[80];
            return zl_rd_perr(c, c->i, "APL item must be [!]afi:address/prefix with afi 1 (IPv4, "
                              "prefix 0-32) or 2 (IPv6, prefix 0-128), got %s",
                              zl_rd_show(t, sh, sizeof sh));
        }
        zl_rd_field(c, ZL_FIELD_OTHER, 0, c->i, 1, off);
    }
    return 0;
}

/* BIND keeps unknown address families but then prints the record as \#. */
static bool apl_known(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i += 4 + (p[i + 3] & 0x7f)) {
        unsigned afi = rd_u16(p + i), prefix = p[i + 2], len = p[i + 3] & 0x7f;
        if (len > n - i - 4)
            return true; /* invalid: reported by apl_walk */
        if (afi != 1 && afi != 2) {
            if (len > 0 && p[i + 4 + len - 1] == 0)
                return true;
            (void)prefix;
            return false;
        }
    }
    return true;
}

int zl_rd_apl_walk(struct wctx *w)
{
    if (!apl_known(w->p, w->len)) {
        for (size_t i = 0; i < w->len; i += 4 + (w->p[i + 3] & 0x7f)) {
            unsigned afi = rd_u16(w->p + i), prefix = w->p[i + 2], len = w->p[i + 3] & 0x7f;
            if (w->len - i < 4 || len > w->len - i - 4 ||
                (afi == 1 && (prefix > 32 || len > 4)) || (afi == 2 && (prefix > 128 || len > 16)) ||
                (len > 0 && w->p[i + 4 + len - 1] == 0))
                return -1;
        }
        return zl_rd_wgeneric(w);
    }
    while (w->off < w->len) {
        size_t off = w->off;
        if (w->len - off < 4)
            return -1;
        unsigned afi = rd_u16(w->p + off), prefix = w->p[off + 2], len = w->p[off + 3] & 0x7f;
        bool neg = w->p[off + 3] & 0x80;
        if (len > w->len - off - 4)
            return -1;
        if ((afi == 1 && (prefix > 32 || len > 4)) || (afi == 2 && (prefix > 128 || len > 16)) ||
            (afi != 1 && afi != 2))
            return -1;
        if (len > 0 && w->p[off + 4 + len - 1] == 0)
            return -1;
        uint8_t addr[16] = { 0 };
        memcpy(addr, w->p + off + 4, len);
        zl_rd_sep(w);
        if (neg)
            zl_buf_putc(w->out, '!');
        zl_buf_put_uint(w->out, afi);
        zl_buf_putc(w->out, ':');
        if (afi == 1)
            zl_rd_put_ip4(w->out, addr);
        else
            zl_rd_put_ip6(w->out, addr);
        zl_buf_putc(w->out, '/');
        zl_buf_put_uint(w->out, prefix);
        w->off = off + 4 + len;
        zl_rd_wfield(w, ZL_FIELD_OTHER, off);
    }
    return 0;
}

/* ---- A6 ---------------------------------------------------------------------------------- */

int zl_rd_a6_parse(struct pctx *c)
{
    if (zl_rd_int(c, 1, 128, "prefix length") != 0)
        return -1;
    unsigned plen = c->wire->data[c->wire->len - 1];
    if (plen != 128) {
        size_t ti = c->i;
        const struct zl_token *t = zl_rd_word(c, "address suffix", "an IPv6 address");
        if (!t)
            return -1;
        uint8_t a[16];
        if (zl_rd_ip6(t->text, t->len, a) != 0) {
            char sh[80];
            return zl_rd_perr(c, ti, "A6 address suffix must be an IPv6 address, got %s",
                              zl_rd_show(t, sh, sizeof sh));
        }
        size_t octets = 16 - plen / 8, off = c->wire->len;
        a[16 - octets] &= (uint8_t)(0xff >> (plen % 8));
        zl_buf_put(c->wire, a + 16 - octets, octets);
        zl_rd_field(c, ZL_FIELD_OTHER, 0, ti, 1, off);
    }
    return plen ? zl_rd_pfield(c, F_NAME, "prefix name") : 0;
}

int zl_rd_a6_walk(struct wctx *w)
{
    if (w->len < 1 || w->p[0] > 128)
        return -1;
    unsigned plen = w->p[0];
    if (zl_rd_wuint(w, 1) != 0)
        return -1;
    zl_buf_putc(w->out, ' ');
    if (plen != 128) {
        size_t octets = 16 - plen / 8, off = w->off;
        if (w->len - off < octets)
            return -1;
        uint8_t mask = (uint8_t)(0xff >> (plen % 8));
        if (w->p[off] & ~mask)
            return -1;
        uint8_t a[16] = { 0 };
        memcpy(a + 16 - octets, w->p + off, octets);
        zl_rd_put_ip6(w->out, a);
        w->off += octets;
        zl_rd_wfield(w, ZL_FIELD_OTHER, off);
    }
    if (plen == 0)
        return 0;
    /* BIND prints "128  name" (two spaces) when there is no suffix. */
    zl_buf_putc(w->out, ' ');
    size_t keep = w->ostart;
    w->ostart = w->out->len; /* no extra separator before the name */
    int r = zl_rd_wname(w);
    w->ostart = keep;
    return r;
}

/* ---- L64, NID ------------------------------------------------------------------------- */

/* Four groups of 1-4 hex digits separated by ':' (BIND's locator_pton). */
static int locator(const char *s, size_t n, uint8_t out[8])
{
    size_t tp = 0, xd = 0;
    unsigned val = 0;
    for (size_t i = 0; i < n; i++) {
        int d = zl_rd_hexval((uint8_t)s[i]);
        if (d >= 0) {
            val = val << 4 | (unsigned)d;
            if (++xd > 4)
                return -1;
            continue;
        }
        if (s[i] != ':' || !xd || tp + 2 > 8)
            return -1;
        out[tp++] = (uint8_t)(val >> 8);
        out[tp++] = (uint8_t)val;
        xd = 0;
        val = 0;
    }
    if (xd) {
        if (tp + 2 > 8)
            return -1;
        out[tp++] = (uint8_t)(val >> 8);
        out[tp++] = (uint8_t)val;
    }
    return tp == 8 ? 0 : -1;
}

int zl_rd_l64_parse(struct pctx *c)
{
    if (zl_rd_int(c, 2, 0xffff, "preference") != 0)
        return -1;
    const char *label = c->type == ZL_T_NID ? "node ID" : "locator";
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_word(c, label, "four groups of hex such as 2001:db8:1:2");
    if (!t)
        return -1;
    uint8_t a[8];
    if (locator(t->text, t->len, a) != 0) {
        char sh[80];
        return zl_rd_perr(c, ti, "%s %s must be four colon-separated groups of 1-4 hex digits, "
                          "got %s", c->tname, label, zl_rd_show(t, sh, sizeof sh));
    }
    size_t off = c->wire->len;
    zl_buf_put(c->wire, a, 8);
    zl_rd_field(c, ZL_FIELD_OTHER, 0, ti, 1, off);
    return 0;
}

int zl_rd_l64_walk(struct wctx *w)
{
    if (w->len != 10 || zl_rd_wuint(w, 2) != 0)
        return -1;
    zl_rd_sep(w);
    for (int i = 0; i < 4; i++) {
        if (i)
            zl_buf_putc(w->out, ':');
        unsigned v = rd_u16(w->p + 2 + 2 * i);
        zl_buf_printf(w->out, "%x", v);
    }
    w->off = 10;
    zl_rd_wfield(w, ZL_FIELD_OTHER, 2);
    return 0;
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

int zl_rd_ipseckey_parse(struct pctx *c)
{
    if (zl_rd_int(c, 1, 255, "precedence") != 0 || zl_rd_int(c, 1, 3, "gateway type") != 0 ||
        zl_rd_int(c, 1, 255, "algorithm") != 0)
        return -1;
    unsigned gt = c->wire->data[c->wire->len - 2];
    if (p_gateway(c, gt, "gateway") != 0)
        return -1;
    return zl_rd_b64_tokens(c, "public key", false);
}

int zl_rd_ipseckey_walk(struct wctx *w)
{
    if (w->len < 3 || w->p[1] > 3)
        return -1;
    if (zl_rd_wuint(w, 1) != 0 || zl_rd_wuint(w, 1) != 0 || zl_rd_wuint(w, 1) != 0 ||
        w_gateway(w, w->p[1]) != 0)
        return -1;
    return zl_rd_wrest(w, true, true, false);
}

int zl_rd_amtrelay_parse(struct pctx *c)
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

int zl_rd_amtrelay_walk(struct wctx *w)
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

/* ---- X25 ------------------------------------------------------------------------- */

int zl_rd_x25_parse(struct pctx *c)
{
    const struct zl_token *t = c->i < c->ntoks ? &c->toks[c->i] : NULL;
    if (t) {
        bool ok = t->len >= 4;
        for (size_t k = 0; k < t->len && ok; k++)
            ok = zl_rd_is_digit((uint8_t)t->text[k]);
        if (!ok) {
            char sh[80];
            return zl_rd_perr(c, c->i, "X25 PSDN address must be at least 4 digits, got %s",
                              zl_rd_show(t, sh, sizeof sh));
        }
    }
    return zl_rd_pfield(c, F_STR, "PSDN address");
}

int zl_rd_x25_walk(struct wctx *w)
{
    if (w->len < 5 || w->p[0] != w->len - 1)
        return -1;
    for (size_t i = 1; i < w->len; i++)
        if (!zl_rd_is_digit(w->p[i]))
            return -1;
    return zl_rd_wcode(w, F_STR);
}

/* ---- NSAP, ATMA ----------------------------------------------------------------------- */

/* Hex digits with '.' anywhere; an even number of digits, at least two. */
static int dotted_hex(struct pctx *c, const char *s, size_t n)
{
    int digits = 0, acc = 0;
    bool any = false;
    for (size_t k = 0; k < n; k++) {
        if (s[k] == '.')
            continue;
        int v = zl_rd_hexval((uint8_t)s[k]);
        if (v < 0)
            return -1;
        acc = acc << 4 | v;
        if (++digits == 2) {
            zl_buf_putc(c->wire, (uint8_t)acc);
            digits = 0;
            acc = 0;
            any = true;
        }
    }
    return (digits || !any) ? -1 : 0;
}

int zl_rd_nsap_parse(struct pctx *c)
{
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_word(c, "address", "0x followed by hex digits");
    if (!t)
        return -1;
    size_t off = c->wire->len;
    if (t->len < 2 || t->text[0] != '0' || (t->text[1] | 0x20) != 'x' ||
        dotted_hex(c, t->text + 2, t->len - 2) != 0) {
        char sh[80];
        return zl_rd_perr(c, ti, "NSAP address must be 0x followed by an even number of hex "
                          "digits (dots allowed), got %s", zl_rd_show(t, sh, sizeof sh));
    }
    zl_rd_field(c, ZL_FIELD_OTHER, 0, ti, 1, off);
    return 0;
}

static void put_lhex(struct zl_buf *b, const uint8_t *p, size_t n)
{
    static const char hx[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        zl_buf_putc(b, (uint8_t)hx[p[i] >> 4]);
        zl_buf_putc(b, (uint8_t)hx[p[i] & 0xf]);
    }
}

int zl_rd_nsap_walk(struct wctx *w)
{
    if (w->len == 0)
        return -1;
    zl_rd_sep(w);
    zl_buf_puts(w->out, "0x");
    put_lhex(w->out, w->p, w->len);
    w->off = w->len;
    zl_rd_wfield(w, ZL_FIELD_OTHER, 0);
    return 0;
}

int zl_rd_atma_parse(struct pctx *c)
{
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_word(c, "address", "+E.164 digits or NSAP hex");
    if (!t)
        return -1;
    size_t off = c->wire->len;
    bool ok;
    if (t->len > 0 && t->text[0] == '+') {
        zl_buf_putc(c->wire, 1);
        ok = false;
        for (size_t k = 1; k < t->len; k++) {
            if (t->text[k] == '.')
                continue;
            if (!zl_rd_is_digit((uint8_t)t->text[k])) {
                ok = false;
                break;
            }
            zl_buf_putc(c->wire, (uint8_t)t->text[k]);
            ok = true;
        }
    } else {
        zl_buf_putc(c->wire, 0);
        ok = dotted_hex(c, t->text, t->len) == 0;
    }
    if (!ok) {
        char sh[80];
        return zl_rd_perr(c, ti, "ATMA address must be +digits (E.164) or hex (NSAP), got %s",
                          zl_rd_show(t, sh, sizeof sh));
    }
    zl_rd_field(c, ZL_FIELD_OTHER, 0, ti, 1, off);
    return 0;
}

int zl_rd_atma_walk(struct wctx *w)
{
    if (w->len < 2)
        return -1;
    if (w->p[0] > 1)
        return zl_rd_wgeneric(w); /* unknown format: BIND prints \# */
    zl_rd_sep(w);
    if (w->p[0] == 1) {
        for (size_t i = 1; i < w->len; i++)
            if (!zl_rd_is_digit(w->p[i]))
                return -1;
        zl_buf_putc(w->out, '+');
        zl_buf_put(w->out, w->p + 1, w->len - 1);
    } else {
        put_lhex(w->out, w->p + 1, w->len - 1);
    }
    w->off = w->len;
    zl_rd_wfield(w, ZL_FIELD_OTHER, 0);
    return 0;
}

/* ---- EUI48, EUI64 ----------------------------------------------------------------------- */

/* One sscanf "%2x": optional sign, optional 0x, hex digits, at most 2
 * characters in all. Returns characters used, 0 when no conversion. */
static size_t scan_2x(const char *s, size_t n, unsigned *v)
{
    size_t w = n < 2 ? n : 2, i = 0;
    bool neg = false;
    if (i < w && (s[i] == '+' || s[i] == '-')) {
        neg = s[i] == '-';
        i++;
    }
    unsigned x = 0;
    size_t start = i;
    if (i + 1 < w + 1 && i < w && s[i] == '0' && i + 1 < w && (s[i + 1] | 0x20) == 'x') {
        i += 2; /* "0x" fills the whole width: the value is 0 */
        *v = 0;
        return i;
    }
    while (i < w && zl_rd_hexval((uint8_t)s[i]) >= 0)
        x = x * 16 + (unsigned)zl_rd_hexval((uint8_t)s[i++]);
    if (i == start)
        return 0;
    *v = neg ? (unsigned)-(int)x : x;
    return i;
}

/* BIND reads EUI48/EUI64 with sscanf("%2x-%2x-..."): trailing text is ignored. */
int zl_rd_eui_parse(struct pctx *c)
{
    size_t n = c->type == ZL_T_EUI48 ? 6 : 8;
    const char *expect = n == 6 ? "xx-xx-xx-xx-xx-xx (hex)" : "xx-xx-xx-xx-xx-xx-xx-xx (hex)";
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_word(c, "address", expect);
    if (!t)
        return -1;
    uint8_t out[8];
    size_t pos = 0;
    bool ok = true;
    for (size_t k = 0; k < n && ok; k++) {
        if (k > 0) {
            ok = pos < t->len && t->text[pos] == '-';
            pos++;
        }
        unsigned v = 0;
        size_t used = ok ? scan_2x(t->text + pos, t->len - pos, &v) : 0;
        ok = ok && used > 0 && v <= 255;
        pos += used;
        out[k] = (uint8_t)v;
    }
    if (!ok) {
        char sh[80];
        return zl_rd_perr(c, ti, "%s address must be %s, got %s", c->tname, expect,
                          zl_rd_show(t, sh, sizeof sh));
    }
    size_t off = c->wire->len;
    zl_buf_put(c->wire, out, n);
    zl_rd_field(c, ZL_FIELD_OTHER, 0, ti, 1, off);
    return 0;
}

int zl_rd_eui_walk(struct wctx *w)
{
    size_t n = w->type == ZL_T_EUI48 ? 6 : 8;
    if (w->len != n)
        return -1;
    zl_rd_sep(w);
    for (size_t i = 0; i < n; i++) {
        if (i)
            zl_buf_putc(w->out, '-');
        put_lhex(w->out, w->p + i, 1);
    }
    w->off = n;
    zl_rd_wfield(w, ZL_FIELD_OTHER, 0);
    return 0;
}

