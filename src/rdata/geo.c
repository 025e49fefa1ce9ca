/* SPDX-License-Identifier: MIT */
/* LOC (RFC 1876) as BIND 9.18's loc_29.c reads and prints it. (GPOS, the
 * older geographic type, is a plain field list in types.def.) */
#include <stdio.h>

#include "rdata/families.h"
#include "rdata/types.h"

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
    while (s < e && zl_rd_is_digit(*s)) {
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
            if (!zl_rd_is_digit(*p))
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
            if (!zl_rd_is_digit(*p))
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

int zl_rd_loc_parse(struct pctx *c)
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

int zl_rd_loc_walk(struct wctx *w)
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

