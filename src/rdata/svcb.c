/* SPDX-License-Identifier: MIT */
/* SVCB and HTTPS (RFC 9460) as BIND 9.18 reads and prints them: parameters
 * are sorted by key on input, duplicates are an error, known keys are checked
 * as on the wire, mandatory keys must be present and no-default-alpn needs
 * alpn. */
#include <stdlib.h>
#include <string.h>

#include "rdata/families.h"
#include "rdata/types.h"

#define SVC_MAXP 256

enum {
    K_MANDATORY = 0, K_ALPN = 1, K_NODEFALPN = 2, K_PORT = 3, K_IPV4HINT = 4, K_ECH = 5,
    K_IPV6HINT = 6, K_DOHPATH = 7,
};

/* Names BIND 9.18 prints (higher keys print as keyNNNNN). */
static const char *const printed[] = { "mandatory", "alpn", "no-default-alpn", "port",
                                       "ipv4hint", "ech", "ipv6hint" };

struct sparam {
    uint16_t key;
    uint16_t tok, ntok;
    size_t off, len; /* value bytes in the wire buffer */
};

/* Key from its name (case-sensitive, as BIND) or keyNNNNN (no leading
 * zeros). 0 ok, -1 unknown, -2 out of range. */
static int key_from_text(const char *s, size_t n, uint32_t *key)
{
    for (uint32_t k = 0; k < 7; k++)
        if (strlen(printed[k]) == n && memcmp(printed[k], s, n) == 0) {
            *key = k;
            return 0;
        }
    if (n == 7 && memcmp(s, "dohpath", 7) == 0) {
        *key = K_DOHPATH;
        return 0;
    }
    if (n < 4 || memcmp(s, "key", 3) != 0 || (s[3] == '0' && n > 4))
        return -1;
    uint32_t v = 0;
    for (size_t i = 3; i < n; i++) {
        if (!zl_rd_is_digit((uint8_t)s[i]))
            return -1;
        if (v > 65535)
            continue;
        v = v * 10 + (uint32_t)(s[i] - '0');
    }
    if (v > 65535)
        return -2;
    *key = v;
    return 0;
}

static bool utf8_ok(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint8_t c = p[i];
        size_t k = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2 : (c & 0xf8) == 0xf0 ? 3 : 9;
        if (k == 9 || (k == 1 && c < 0xc2) || i + k >= n + (k ? 0 : 1))
            return false;
        for (size_t j = 1; j <= k; j++)
            if ((p[i + j] & 0xc0) != 0x80)
                return false;
        i += k + 1;
    }
    return true;
}

static bool has_dns_template(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i + 6 <= n; i++)
        if (memcmp(p + i, "{?dns}", 6) == 0)
            return true;
    return false;
}

/* BIND's svcb_validate: the wire rules of the keys it knows. */
static bool value_ok(uint16_t key, const uint8_t *p, size_t n)
{
    switch (key) {
    case K_MANDATORY:
        if (n == 0 || n % 2)
            return false;
        for (size_t i = 2; i < n; i += 2)
            if (rd_u16(p + i - 2) >= rd_u16(p + i))
                return false;
        return true;
    case K_ALPN:
        if (n == 0)
            return false;
        for (size_t i = 0; i < n; i += (size_t)p[i] + 1)
            if (p[i] == 0 || (size_t)p[i] + 1 > n - i)
                return false;
        return true;
    case K_NODEFALPN: return n == 0;
    case K_PORT: return n == 2;
    case K_IPV4HINT: return n > 0 && n % 4 == 0;
    case K_IPV6HINT: return n > 0 && n % 16 == 0;
    case K_DOHPATH: return n >= 7 && p[0] == '/' && utf8_ok(p, n) && has_dns_template(p, n);
    default: return true;
    }
}

/* Comma-separated addresses. */
static int addr_list(struct pctx *c, const char *v, size_t n, bool v6)
{
    size_t i = 0;
    for (;;) {
        const char *comma = memchr(v + i, ',', n - i);
        size_t end = comma ? (size_t)(comma - v) : n;
        uint8_t a[16];
        if ((v6 ? zl_rd_ip6(v + i, end - i, a) : zl_rd_ip4(v + i, end - i, a)) != 0)
            return -1;
        zl_buf_put(c->wire, a, v6 ? 16 : 4);
        if (!comma)
            return 0;
        i = end + 1;
    }
}

static int key_list(struct pctx *c, const char *v, size_t n)
{
    uint16_t keys[64];
    size_t nk = 0, i = 0;
    if (n == 0)
        return -1;
    for (;;) {
        const char *comma = memchr(v + i, ',', n - i);
        size_t end = comma ? (size_t)(comma - v) : n;
        uint32_t k;
        if (nk == 64 || key_from_text(v + i, end - i, &k) != 0)
            return -1;
        size_t j = nk++;
        while (j > 0 && keys[j - 1] > k) {
            keys[j] = keys[j - 1];
            j--;
        }
        if (j > 0 && keys[j - 1] == k)
            return -1;
        keys[j] = (uint16_t)k;
        if (!comma)
            break;
        i = end + 1;
    }
    for (size_t j = 0; j < nk; j++)
        zl_buf_put_u16(c->wire, keys[j]);
    return 0;
}

/* alpn: comma-separated ids; "\," or "\\," keeps a comma in an id. */
static int alpn_list(struct pctx *c, const char *v, size_t n)
{
    if (n == 0)
        return -1;
    size_t i = 0;
    while (i < n) {
        size_t start = c->wire->len, used = 0, len;
        zl_buf_reserve(c->wire, n - i + 1);
        int r = zl_rd_unescape(v + i, n - i, c->wire->data + start + 1, &len, true, &used);
        if (r < 0 || len == 0 || len > 255)
            return -1;
        c->wire->data[start] = (uint8_t)len;
        c->wire->len += len + 1;
        i += used;
        if (r == 1 && i == n)
            return -1; /* "h2," */
    }
    return 0;
}

static int raw_text(struct pctx *c, const char *v, size_t n)
{
    size_t len;
    zl_buf_reserve(c->wire, n);
    if (zl_rd_unescape(v, n, c->wire->data + c->wire->len, &len, false, NULL) != 0)
        return -1;
    c->wire->len += len;
    return 0;
}

/* Value text -> wire bytes for key; named says the key was written by name
 * (keyNNNNN values are always raw text, then checked like wire data). */
static int value_parse(struct pctx *c, uint16_t key, bool named, const char *v, size_t n)
{
    if (!named)
        return raw_text(c, v, n);
    switch (key) {
    case K_MANDATORY: return key_list(c, v, n);
    case K_ALPN: return alpn_list(c, v, n);
    case K_NODEFALPN: return n == 0 ? 0 : -1;
    case K_PORT: {
        uint32_t port;
        if (zl_rd_number(v, n, &port) != 0 || port > 65535)
            return -1;
        zl_buf_put_u16(c->wire, (uint16_t)port);
        return 0;
    }
    case K_IPV4HINT: return addr_list(c, v, n, false);
    case K_IPV6HINT: return addr_list(c, v, n, true);
    case K_ECH: return zl_rd_b64_decode(v, n, c->wire);
    default: return raw_text(c, v, n);
    }
}

static const char *value_expect(uint16_t key)
{
    switch (key) {
    case K_MANDATORY: return "a comma-separated list of distinct keys such as alpn,port";
    case K_ALPN: return "a comma-separated list of protocol ids such as h2,h3";
    case K_NODEFALPN: return "empty (no-default-alpn takes no value)";
    case K_PORT: return "a port number 0-65535";
    case K_IPV4HINT: return "a comma-separated list of IPv4 addresses";
    case K_IPV6HINT: return "a comma-separated list of IPv6 addresses";
    case K_ECH: return "base64";
    case K_DOHPATH: return "a relative URI template containing {?dns}";
    default: return "a string";
    }
}

static const struct sparam *find_key(const struct sparam *ps, size_t np, uint16_t key)
{
    for (size_t i = 0; i < np; i++)
        if (ps[i].key == key)
            return &ps[i];
    return NULL;
}

static void key_name(char *buf, uint16_t key)
{
    if (key < 7) {
        strcpy(buf, printed[key]);
        return;
    }
    char tmp[8];
    int n = 0;
    unsigned v = key;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    memcpy(buf, "key", 3);
    size_t o = 3;
    while (n)
        buf[o++] = tmp[--n];
    buf[o] = '\0';
}

/* Mandatory keys must be present; no-default-alpn needs alpn. */
static int svcb_check(struct pctx *c, const struct sparam *ps, size_t np)
{
    char kn[16];
    const struct sparam *m = find_key(ps, np, K_MANDATORY);
    if (m) {
        const uint8_t *p = c->wire->data + m->off;
        for (size_t i = 0; i + 1 < m->len; i += 2) {
            uint16_t k = rd_u16(p + i);
            key_name(kn, k);
            if (k == K_MANDATORY)
                return zl_rd_perr(c, m->tok, "%s mandatory must not list mandatory itself", c->tname);
            if (!find_key(ps, np, k))
                return zl_rd_perr(c, m->tok, "%s mandatory lists %s but there is no %s parameter",
                                  c->tname, kn, kn);
        }
    }
    const struct sparam *nd = find_key(ps, np, K_NODEFALPN);
    if (nd && !find_key(ps, np, K_ALPN))
        return zl_rd_perr(c, nd->tok, "%s no-default-alpn needs an alpn parameter", c->tname);
    return 0;
}

static int cmp_param(const void *a, const void *b)
{
    const struct sparam *x = a, *y = b;
    return (int)x->key - (int)y->key;
}

/* Rewrites the collected values (in input order, at vstart) as sorted
 * key/length/value parameters, and records one field per parameter. */
static void svcb_emit(struct pctx *c, struct sparam *ps, size_t np, size_t vstart)
{
    size_t vlen = c->wire->len - vstart;
    uint8_t *copy = zl_xmalloc(vlen);
    memcpy(copy, c->wire->data + vstart, vlen);
    c->wire->len = vstart;
    qsort(ps, np, sizeof ps[0], cmp_param);
    for (size_t i = 0; i < np; i++) {
        size_t off = c->wire->len;
        zl_buf_put_u16(c->wire, ps[i].key);
        zl_buf_put_u16(c->wire, (uint16_t)ps[i].len);
        zl_buf_put(c->wire, copy + (ps[i].off - vstart), ps[i].len);
        zl_rd_field(c, ZL_FIELD_OTHER, 0, ps[i].tok, ps[i].ntok, off);
    }
    free(copy);
}

/* True when the next token is a quoted string written right after the
 * current one (no blank between: BIND reads key="value" as one token). */
static bool adjacent_quoted(const struct pctx *c)
{
    if (c->i + 1 >= c->ntoks)
        return false;
    const struct zl_token *a = &c->toks[c->i], *b = &c->toks[c->i + 1];
    return (b->flags & ZL_TOK_QUOTED) && a->span.end_line == b->span.line &&
           a->span.end_col == b->span.col;
}

int zl_rd_svcb_parse(struct pctx *c)
{
    if (zl_rd_int(c, 2, 0xffff, "priority") != 0 || zl_rd_pname_qstring(c, "target") != 0)
        return -1;
    struct sparam ps[SVC_MAXP];
    size_t np = 0, vstart = c->wire->len;
    char sh[80], kn[16];
    for (; c->i < c->ntoks; c->i++) {
        const struct zl_token *t = &c->toks[c->i];
        if (t->flags & ZL_TOK_QUOTED)
            return zl_rd_perr(c, c->i, "%s parameter must be key or key=value (only the value "
                              "may be quoted), got %s", c->tname, zl_rd_show(t, sh, sizeof sh));
        const char *eq = memchr(t->text, '=', t->len);
        size_t kl = eq ? (size_t)(eq - t->text) : t->len;
        uint32_t key;
        if (key_from_text(t->text, kl, &key) != 0)
            return zl_rd_perr(c, c->i, "%s parameter key must be mandatory, alpn, "
                              "no-default-alpn, port, ipv4hint, ech, ipv6hint, dohpath or "
                              "keyNNNNN (0-65535), got %s", c->tname, zl_rd_show(t, sh, sizeof sh));
        key_name(kn, (uint16_t)key);
        if (find_key(ps, np, (uint16_t)key))
            return zl_rd_perr(c, c->i, "%s parameter %s appears more than once", c->tname, kn);
        if (np == SVC_MAXP)
            return zl_rd_perr(c, c->i, "%s has more than %d parameters", c->tname, SVC_MAXP);
        const char *v = eq ? eq + 1 : t->text + t->len;
        size_t vn = eq ? t->len - kl - 1 : 0;
        if (vn >= 2 && v[0] == '"' && v[vn - 1] == '"') {
            v++;
            vn -= 2;
        }
        size_t ti = c->i;
        if (eq && vn == 0 && adjacent_quoted(c)) {
            /* key="value" that the scanner split into key= and "value" */
            c->i++;
            v = c->toks[c->i].text;
            vn = c->toks[c->i].len;
        }
        size_t off = c->wire->len;
        bool named = t->text[0] != 'k' || kl < 4 || !zl_rd_is_digit((uint8_t)t->text[3]);
        if (value_parse(c, (uint16_t)key, named, v, vn) != 0 ||
            !value_ok((uint16_t)key, c->wire->data + off, c->wire->len - off))
            return zl_rd_perr(c, ti, "%s %s value must be %s, got %s%s", c->tname, kn,
                              value_expect((uint16_t)key), zl_rd_show(t, sh, sizeof sh),
                              c->i != ti ? " with a quoted value" : "");
        if (c->wire->len - off > 65535)
            return zl_rd_perr(c, ti, "%s %s value is too long", c->tname, kn);
        ps[np++] = (struct sparam){ (uint16_t)key, (uint16_t)ti, (uint16_t)(c->i - ti + 1), off,
                                    c->wire->len - off };
    }
    if (svcb_check(c, ps, np) != 0)
        return -1;
    svcb_emit(c, ps, np, vstart);
    return 0;
}

/* alpn ids: ',' and '\' get a second-level backslash, then the whole value
 * is escaped as a quoted string. */
static void put_alpn(struct zl_buf *o, const uint8_t *p, size_t n)
{
    zl_buf_putc(o, '"');
    for (size_t i = 0; i < n; i += (size_t)p[i] + 1) {
        if (i)
            zl_buf_putc(o, ',');
        for (size_t j = 1; j <= p[i]; j++) {
            uint8_t ch = p[i + j];
            if (ch == ',' || ch == '\\')
                zl_buf_puts(o, "\\\\");
            if (ch == '"') {
                zl_buf_puts(o, "\\\"");
            } else if (ch < 0x20 || ch >= 0x7f) {
                zl_buf_putc(o, '\\');
                zl_buf_putc(o, (uint8_t)('0' + ch / 100));
                zl_buf_putc(o, (uint8_t)('0' + ch / 10 % 10));
                zl_buf_putc(o, (uint8_t)('0' + ch % 10));
            } else if (ch == '\\') {
                zl_buf_puts(o, "\\\\");
            } else {
                zl_buf_putc(o, ch);
            }
        }
    }
    zl_buf_putc(o, '"');
}

static void put_value(struct zl_buf *o, uint16_t key, const uint8_t *p, size_t n)
{
    char kn[16];
    switch (key) {
    case K_MANDATORY:
        for (size_t i = 0; i < n; i += 2) {
            if (i)
                zl_buf_putc(o, ',');
            key_name(kn, rd_u16(p + i));
            zl_buf_puts(o, kn);
        }
        return;
    case K_ALPN: put_alpn(o, p, n); return;
    case K_PORT: zl_buf_put_uint(o, rd_u16(p)); return;
    case K_IPV4HINT:
    case K_IPV6HINT: {
        size_t step = key == K_IPV4HINT ? 4 : 16;
        for (size_t i = 0; i < n; i += step) {
            if (i)
                zl_buf_putc(o, ',');
            if (step == 4)
                zl_rd_put_ip4(o, p + i);
            else
                zl_rd_put_ip6(o, p + i);
        }
        return;
    }
    case K_ECH: zl_rd_put_b64(o, p, n, false); return;
    default: zl_rd_put_txt(o, p, n); return;
    }
}

/* The mandatory and no-default-alpn rules on wire data (BIND checks them in
 * fromwire too). params points at the first parameter. */
static bool wire_has_key(const uint8_t *p, size_t n, uint16_t key)
{
    for (size_t i = 0; i + 4 <= n; i += 4 + rd_u16(p + i + 2))
        if (rd_u16(p + i) == key)
            return true;
    return false;
}

static bool wire_keys_ok(const uint8_t *p, size_t n)
{
    if (n >= 4 && rd_u16(p) == K_MANDATORY) { /* sorted: mandatory comes first */
        size_t mlen = rd_u16(p + 2);
        for (size_t i = 0; i + 1 < mlen; i += 2) {
            uint16_t k = rd_u16(p + 4 + i);
            if (k == K_MANDATORY || !wire_has_key(p, n, k))
                return false;
        }
    }
    return !wire_has_key(p, n, K_NODEFALPN) || wire_has_key(p, n, K_ALPN);
}

int zl_rd_svcb_walk(struct wctx *w)
{
    if (zl_rd_wuint(w, 2) != 0 || zl_rd_wname(w) != 0)
        return -1;
    size_t pstart = w->off;
    long last = -1;
    while (w->off < w->len) {
        size_t off = w->off;
        if (w->len - off < 4)
            return -1;
        uint16_t key = rd_u16(w->p + off), n = rd_u16(w->p + off + 2);
        if ((long)key <= last || n > w->len - off - 4 || !value_ok(key, w->p + off + 4, n))
            return -1;
        last = key;
        char kn[16];
        key_name(kn, key);
        zl_rd_sep(w);
        zl_buf_puts(w->out, kn);
        if (n) {
            zl_buf_putc(w->out, '=');
            put_value(w->out, key, w->p + off + 4, n);
        }
        w->off = off + 4 + n;
        zl_rd_wfield(w, ZL_FIELD_OTHER, off);
    }
    return wire_keys_ok(w->p + pstart, w->len - pstart) ? 0 : -1;
}
