/* LOC (RFC 1876), WKS and APL: the types with geographic or address-list
 * syntax, following BIND 9.18's loc_29.c, wks_11.c and apl_42.c rules. */
#include <stdio.h>
#include <string.h>

#include "rdata_impl.h"
#include "types.h"

static bool is_digit(int ch)
{
    return ch >= '0' && ch <= '9';
}

/* ---- LOC (RFC 1876, BIND's loc_29.c rules) ------------------------------------------ */

/* strtoul's sign handling: "-0" is 0, any other negative is huge. */
static bool loc_ul(const char **sp, const char *e, unsigned long *v)
{
    const char *s = *sp;
    bool neg = false;
    if (s < e && (*s == '+' || *s == '-')) {
        neg = *s == '-';
        s++;
    }
    unsigned long x = 0;
    bool any = false, big = false;
    while (s < e && is_digit(*s)) {
        if (x > 400000000UL)
            big = true;
        else
            x = x * 10 + (unsigned long)(*s - '0');
        s++;
        any = true;
    }
    if (!any) {
        *v = 0;
        return false; /* strtoul consumed nothing: *sp stays */
    }
    *sp = s;
    *v = big || (neg && x) ? (unsigned long)-1 : x;
    return true;
}

/* loc_getdecimal: number[.digits up to prec][unit]. 0 ok, -1 syntax, -2 range. */
static int loc_decimal(const char *s, size_t n, unsigned long max, int prec, char unit,
                       unsigned long *out)
{
    const char *e = s + n, *p = s;
    unsigned long v;
    bool ok = loc_ul(&p, e, &v);
    if (p < e && *p != '.' && *p != unit)
        return -1;
    if (v > max)
        return -2;
    int i = 0;
    if (p < e && *p == '.') {
        p++;
        for (; i < prec; i++) {
            if (p == e || *p == unit)
                break;
            if (!is_digit(*p))
                return -1;
            ok = true;
            v = v * 10 + (unsigned long)(*p++ - '0');
        }
    }
    for (; i < prec; i++)
        v *= 10;
    if (p < e && *p == unit && unit)
        p++;
    if (!ok || p != e)
        return -1;
    *out = v;
    return 0;
}

/* loc_getprecision: meters with up to 2 decimals -> mantissa/exponent octet. */
static int loc_precision(const char *s, size_t n, uint8_t *out)
{
    const char *e = s + n, *p = s;
    unsigned long m, cm = 0;
    bool ok = loc_ul(&p, e, &m);
    if (p < e && *p != '.' && *p != 'm')
        return -1;
    if (m > 90000000UL)
        return -2;
    if (p < e && *p == '.') {
        p++;
        int i = 0;
        for (; i < 2; i++) {
            if (p == e || *p == 'm')
                break;
            if (!is_digit(*p))
                return -1;
            ok = true;
            cm = cm * 10 + (unsigned long)(*p++ - '0');
        }
        for (; i < 2; i++)
            cm *= 10;
    }
    if (p < e && *p == 'm')
        p++;
    if (!ok || p != e)
        return -1;
    unsigned man, ex;
    if (m > 0) {
        unsigned long pw = 1;
        ex = 0;
        while (ex < 7 && m >= pw * 10) {
            pw *= 10;
            ex++;
        }
        man = (unsigned)(m / pw);
        ex += 2;
    } else if (cm >= 10) {
        man = (unsigned)(cm / 10);
        ex = 1;
    } else {
        man = (unsigned)cm;
        ex = 0;
    }
    *out = (uint8_t)(man << 4 | ex);
    return 0;
}

static bool tok_is(const struct zl_token *t, char ch)
{
    return t->len == 1 && t->text[0] == ch && !(t->flags & ZL_TOK_QUOTED);
}

/* degrees [minutes [seconds]] N|S (or E|W). */
static int loc_coord(struct pctx *c, const char *dirs, unsigned long max, const char *label,
                     uint32_t *out)
{
    char sh[80], expect[64];
    snprintf(expect, sizeof expect, "degrees 0-%lu", max);
    size_t ti = c->i;
    const struct zl_token *t = zl_rd_word(c, label, expect);
    if (!t)
        return -1;
    uint32_t d;
    if (zl_rd_number(t->text, t->len, &d) != 0 || d > max)
        return zl_rd_perr(c, ti, "LOC %s must be %s, got %s", label, expect,
                          zl_rd_show(t, sh, sizeof sh));
    unsigned long m = 0, s = 0;
    int dir = -1;
    for (int part = 0; part < 3 && dir < 0; part++) {
        ti = c->i;
        if (!(t = zl_rd_word(c, label, part == 2 ? dirs : "minutes, seconds or a direction")))
            return -1;
        if (tok_is(t, dirs[0]) || tok_is(t, dirs[2])) {
            dir = t->text[0] == dirs[0] ? 0 : 1;
            break;
        }
        if (part == 2)
            return zl_rd_perr(c, ti, "LOC %s direction must be %c or %c, got %s", label, dirs[0],
                              dirs[2], zl_rd_show(t, sh, sizeof sh));
        int r;
        if (part == 0) {
            uint32_t v = 0;
            r = zl_rd_number(t->text, t->len, &v);
            if (r == 0 && v > 59)
                r = -2;
            m = v;
        } else {
            r = loc_decimal(t->text, t->len, 59, 3, '\0', &s);
        }
        if (r == 0 && d == max && (part == 0 ? m : s) != 0)
            r = -2;
        if (r != 0)
            return zl_rd_perr(c, ti, "LOC %s %s must be %s, got %s", label,
                              part == 0 ? "minutes" : "seconds",
                              part == 0 ? "a whole number 0-59" : "a number 0-59.999",
                              zl_rd_show(t, sh, sizeof sh));
    }
    uint32_t v = (uint32_t)(((d * 60 + m) * 60) * 1000 + s);
    *out = dir == 0 ? 0x80000000U + v : 0x80000000U - v;
    return 0;
}

static int loc_parse(struct pctx *c)
{
    size_t first = c->i;
    uint32_t lat, lon;
    if (loc_coord(c, "N S", 90, "latitude", &lat) != 0 ||
        loc_coord(c, "E W", 180, "longitude", &lon) != 0)
        return -1;
    size_t ti = c->i;
    char sh[80];
    const struct zl_token *t = zl_rd_word(c, "altitude", "meters such as -10.5m");
    if (!t)
        return -1;
    unsigned long cm;
    uint32_t alt;
    int r;
    if (t->len > 0 && t->text[0] == '-') {
        r = loc_decimal(t->text + 1, t->len - 1, 100000, 2, 'm', &cm);
        if (r == 0 && cm > 10000000UL)
            r = -2;
        alt = (uint32_t)(10000000UL - cm);
    } else {
        r = loc_decimal(t->text, t->len, 42849672, 2, 'm', &cm);
        if (r == 0 && cm > 4284967295UL)
            r = -2;
        alt = (uint32_t)(cm + 10000000UL);
    }
    if (r != 0)
        return zl_rd_perr(c, ti, "LOC altitude must be meters -100000.00 to 42849672.95 with at "
                          "most 2 decimals, got %s", zl_rd_show(t, sh, sizeof sh));
    uint8_t prec[3] = { 0x12, 0x16, 0x13 }; /* 1m, 10000m, 10m */
    static const char *const names[3] = { "size", "horizontal precision", "vertical precision" };
    for (int k = 0; k < 3 && c->i < c->ntoks; k++) {
        ti = c->i;
        t = zl_rd_word(c, names[k], "meters");
        if (!t)
            return -1;
        if (loc_precision(t->text, t->len, &prec[k]) != 0)
            return zl_rd_perr(c, ti, "LOC %s must be meters 0-90000000.00 with at most 2 "
                              "decimals, got %s", names[k], zl_rd_show(t, sh, sizeof sh));
    }
    size_t off = c->wire->len;
    zl_buf_putc(c->wire, 0);
    zl_buf_put(c->wire, prec, 3);
    zl_buf_put_u32(c->wire, lat);
    zl_buf_put_u32(c->wire, lon);
    zl_buf_put_u32(c->wire, alt);
    zl_rd_field(c, ZL_FIELD_OTHER, 0, first, c->i - first, off);
    return 0;
}

static bool loc_prec_ok(uint8_t b)
{
    return (b & 0xf) <= 9 && (b >> 4) <= 9 && !((b >> 4) == 0 && (b & 0xf) != 0);
}

static void loc_put_prec(struct zl_buf *o, uint8_t b)
{
    unsigned long man = b >> 4, ex = b & 0xf;
    if (ex >= 2) {
        while (ex-- > 2)
            man *= 10;
        zl_buf_put_uint(o, man);
    } else {
        unsigned long v = man * (ex ? 10 : 1);
        zl_buf_puts(o, "0.");
        zl_buf_putc(o, (uint8_t)('0' + v / 10));
        zl_buf_putc(o, (uint8_t)('0' + v % 10));
    }
    zl_buf_putc(o, 'm');
}

static void loc_put_coord(struct zl_buf *o, uint32_t v, const char *dirs)
{
    bool pos = v >= 0x80000000U;
    uint32_t x = pos ? v - 0x80000000U : 0x80000000U - v;
    unsigned fs = x % 1000, s = x / 1000 % 60, m = x / 60000 % 60, d = x / 3600000;
    zl_buf_put_uint(o, d);
    zl_buf_putc(o, ' ');
    zl_buf_put_uint(o, m);
    zl_buf_putc(o, ' ');
    zl_buf_put_uint(o, s);
    zl_buf_putc(o, '.');
    zl_buf_putc(o, (uint8_t)('0' + fs / 100));
    zl_buf_putc(o, (uint8_t)('0' + fs / 10 % 10));
    zl_buf_putc(o, (uint8_t)('0' + fs % 10));
    zl_buf_putc(o, ' ');
    zl_buf_putc(o, (uint8_t)(pos ? dirs[0] : dirs[1]));
}

static int loc_walk(struct wctx *w)
{
    const uint8_t *p = w->p;
    if (w->len > 0 && p[0] != 0)
        return zl_rd_wgeneric(w); /* BIND keeps other versions, prints them as \# */
    if (w->len != 16 || !loc_prec_ok(p[1]) || !loc_prec_ok(p[2]) ||
        !loc_prec_ok(p[3]))
        return -1;
    uint32_t lat = rd_u32(p + 4), lon = rd_u32(p + 8), alt = rd_u32(p + 12);
    if (lat < 0x80000000U - 324000000U || lat > 0x80000000U + 324000000U ||
        lon < 0x80000000U - 648000000U || lon > 0x80000000U + 648000000U)
        return -1;
    zl_rd_sep(w);
    struct zl_buf *o = w->out;
    loc_put_coord(o, lat, "NS");
    zl_buf_putc(o, ' ');
    loc_put_coord(o, lon, "EW");
    zl_buf_putc(o, ' ');
    uint32_t a = alt < 10000000U ? 10000000U - alt : alt - 10000000U;
    if (alt < 10000000U)
        zl_buf_putc(o, '-');
    zl_buf_put_uint(o, a / 100);
    zl_buf_putc(o, '.');
    zl_buf_putc(o, (uint8_t)('0' + a % 100 / 10));
    zl_buf_putc(o, (uint8_t)('0' + a % 10));
    zl_buf_putc(o, 'm');
    for (int k = 1; k <= 3; k++) {
        zl_buf_putc(o, ' ');
        loc_put_prec(o, p[k]);
    }
    w->off = 16;
    zl_rd_wfield(w, ZL_FIELD_OTHER, 0);
    return 0;
}

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

static int wks_parse(struct pctx *c)
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

static int wks_walk(struct wctx *w)
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
    while (p < e && is_digit(*p) && afi <= 65535)
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

static int apl_parse(struct pctx *c)
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

static int apl_walk(struct wctx *w)
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

/* ---- table --------------------------------------------------------------------- */

static const struct rdesc custom[] = {
    { ZL_T_LOC, { { F_NONE, NULL } }, loc_parse, loc_walk },
    { ZL_T_WKS, { { F_NONE, NULL } }, wks_parse, wks_walk },
    { ZL_T_APL, { { F_NONE, NULL } }, apl_parse, apl_walk },
};

const struct rdesc *zl_rd_loc_find(uint16_t type)
{
    for (size_t i = 0; i < sizeof custom / sizeof custom[0]; i++)
        if (custom[i].type == type)
            return &custom[i];
    return NULL;
}
