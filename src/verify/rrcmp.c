/* SPDX-License-Identifier: MIT */
/* Comparing served RDATA with expected RDATA, and saying how they differ.
 *
 * Equality goes through zonelint's own RDATA code: both sides are read
 * back with zl_rdata_parse in the RFC 3597 form ("\# len hex"), which
 * validates the bytes for the type and marks where its domain names are;
 * names then compare without regard to ASCII case (RFC 4343), every other
 * byte exactly. TXT (and SPF) compare by their joined text: a provider may
 * split a long value at other boundaries, and SPF, DKIM and SES read the
 * strings joined.
 *
 * The explanations take the value as a reader sees it (TXT: the joined
 * text; a name: its labels joined by dots, bytes as stored) and say what
 * the offline rules say about the same mistake in a file: stray blanks or
 * quotes (value-stray-characters), a token cut short or without its '='
 * (ses-identity-mismatch), the domain appended (target-relative-external). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rdata/rdata.h"
#include "rdata/record.h"
#include "rules/ses_data.h"
#include "rdata/types.h"
#include "verify/rrcmp.h"

size_t zl_vtxt_join(const uint8_t *rd, size_t len, char *out, size_t cap)
{
    size_t pos = 0, total = 0;
    while (pos < len) {
        size_t n = rd[pos++];
        if (n > len - pos)
            n = len - pos;
        for (size_t i = 0; i < n; i++, total++)
            if (total < cap)
                out[total] = (char)rd[pos + i];
        pos += n;
    }
    return total;
}

static bool is_txt(uint16_t type)
{
    return type == ZL_T_TXT || type == ZL_T_SPF;
}

/* Where the domain names of RDATA are: the fields zonelint's parser
 * records for it. Returns the field count, or -1 when the bytes are not
 * valid RDATA of the type. */
static long name_fields(uint16_t type, const uint8_t *rd, size_t len, struct zl_field *f)
{
    static const char digits[] = "0123456789abcdef";
    char lentext[8];
    snprintf(lentext, sizeof lentext, "%zu", len);
    char *hex = zl_xmalloc(len * 2 + 1);
    for (size_t i = 0; i < len; i++) {
        hex[2 * i] = digits[rd[i] >> 4];
        hex[2 * i + 1] = digits[rd[i] & 15];
    }
    struct zl_token t[3];
    memset(t, 0, sizeof t);
    t[0].text = "\\#";
    t[0].len = 2;
    t[1].text = lentext;
    t[1].len = (uint32_t)strlen(lentext);
    t[2].text = hex;
    t[2].len = (uint32_t)(len * 2);
    struct zl_buf wire = { 0 };
    size_t nf = 0;
    struct zl_rdata_error err;
    int r = zl_rdata_parse(type, t, len ? 3 : 2, NULL, &wire, f, &nf, &err);
    zl_buf_free(&wire);
    free(hex);
    return r == 0 ? (long)nf : -1;
}

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

bool zl_vrdata_equal(uint16_t type, const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
    if (is_txt(type)) {
        char *x = zl_xmalloc(alen + 1), *y = zl_xmalloc(blen + 1);
        size_t nx = zl_vtxt_join(a, alen, x, alen), ny = zl_vtxt_join(b, blen, y, blen);
        bool eq = nx == ny && memcmp(x, y, nx) == 0;
        free(x);
        free(y);
        return eq;
    }
    if (alen != blen)
        return false;
    struct zl_field *f = zl_xmalloc(ZL_RDATA_MAX_FIELDS * sizeof *f);
    long nf = name_fields(type, a, alen, f);
    size_t pos = 0;
    bool eq = true;
    for (long i = 0; i < nf && eq; i++) {
        if (f[i].kind != ZL_FIELD_NAME)
            continue;
        if (f[i].off > pos && memcmp(a + pos, b + pos, f[i].off - pos) != 0)
            eq = false;
        /* label length octets are below 'A', so folding them is harmless */
        for (size_t k = f[i].off; eq && k < (size_t)f[i].off + f[i].len; k++)
            eq = lower(a[k]) == lower(b[k]);
        pos = (size_t)f[i].off + f[i].len;
    }
    if (eq && pos < alen)
        eq = memcmp(a + pos, b + pos, alen - pos) == 0;
    free(f);
    return eq;
}

void zl_vrdata_text(uint16_t type, const uint8_t *rd, size_t len, struct zl_buf *out)
{
    if (zl_rdata_to_text(type, rd, len, out) == 0)
        return;
    zl_buf_printf(out, "\\# %zu", len);
    if (len)
        zl_buf_putc(out, ' ');
    for (size_t i = 0; i < len; i++)
        zl_buf_printf(out, "%02x", rd[i]);
}

/* ---- explanations ------------------------------------------------------------- */

/* The name as a reader of the value sees it: labels joined by dots, bytes
 * as stored, no final dot ("" for the root). */
static size_t name_raw(const struct zl_name *n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t p = 0; p < n->len && n->wire[p]; p += (size_t)n->wire[p] + 1) {
        if (o && o < cap)
            out[o++] = '.';
        for (size_t i = 0; i < n->wire[p] && o < cap; i++)
            out[o++] = (char)n->wire[p + 1 + i];
    }
    return o;
}

/* The name that is the value of a CNAME-like record, and the bytes before
 * it (MX preference, SRV priority/weight/port). */
static bool value_name(uint16_t type, const uint8_t *rd, size_t len, struct zl_name *n, size_t *prefix)
{
    size_t skip;
    switch (type) {
    case ZL_T_CNAME: case ZL_T_NS: case ZL_T_PTR: case ZL_T_DNAME:
        skip = 0;
        break;
    case ZL_T_MX: case ZL_T_KX: case ZL_T_AFSDB: case ZL_T_RT:
        skip = 2;
        break;
    case ZL_T_SRV:
        skip = 6;
        break;
    default:
        return false;
    }
    if (len <= skip || zl_name_from_wire(n, rd + skip, len - skip) != len - skip)
        return false;
    *prefix = skip;
    return true;
}

/* Characters pasted around a value: blanks, quotes, invisible and
 * typographic look-alikes. Returns the byte length of one at s, or 0. */
static size_t stray_at(const char *s, size_t n, int *kind)
{
    const unsigned char *p = (const unsigned char *)s;
    if (n >= 1 && (p[0] == ' ' || p[0] == '\t')) {
        *kind = 0;
        return 1;
    }
    if (n >= 1 && (p[0] == '"' || p[0] == '\'')) {
        *kind = 1;
        return 1;
    }
    if (n >= 2 && p[0] == 0xc2 && p[1] == 0xa0) {
        *kind = 2;
        return 2;
    }
    if (n >= 3 && p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99 || p[2] == 0x9c || p[2] == 0x9d)) {
        *kind = 1;
        return 3;
    }
    if (n >= 3 && ((p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0x8b && p[2] <= 0x8d) ||
                   (p[0] == 0xe2 && p[1] == 0x81 && p[2] == 0xa0) || (p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf))) {
        *kind = 2;
        return 3;
    }
    return 0;
}

/* Same, ending at s[n-1]. */
static size_t stray_before(const char *s, size_t n, int *kind)
{
    for (size_t k = 1; k <= 3 && k <= n; k++)
        if (stray_at(s + n - k, k, kind) == k)
            return k;
    return 0;
}

struct stray {
    size_t lead, trail;       /* bytes stripped */
    unsigned kinds;           /* 1 blank, 2 quote, 4 invisible */
    unsigned lead_blanks, trail_blanks;
};

/* s without the stray characters at either end (and, for a name, the dots
 * that were typed inside them). */
static void strip(const char *s, size_t n, bool name, struct stray *st, size_t *b, size_t *e)
{
    memset(st, 0, sizeof *st);
    size_t i = 0, j = n;
    int kind;
    for (;;) {
        size_t k = stray_at(s + i, j - i, &kind);
        if (!k && name && i < j && s[i] == '.' && i > 0)
            k = 1, kind = -1;
        if (!k)
            break;
        if (kind >= 0)
            st->kinds |= 1u << kind;
        if (kind == 0)
            st->lead_blanks++;
        i += k;
    }
    for (;;) {
        size_t k = j > i ? stray_before(s + i, j - i, &kind) : 0;
        if (!k && name && j > i && j < n && s[j - 1] == '.')
            k = 1, kind = -1;
        if (!k)
            break;
        if (kind >= 0)
            st->kinds |= 1u << kind;
        if (kind == 0)
            st->trail_blanks++;
        j -= k;
    }
    st->lead = i;
    st->trail = n - j;
    *b = i;
    *e = j;
}

static bool same(const char *a, size_t an, const char *b, size_t bn, bool fold)
{
    if (an != bn)
        return false;
    for (size_t i = 0; i < an; i++)
        if (fold ? lower((unsigned char)a[i]) != lower((unsigned char)b[i]) : a[i] != b[i])
            return false;
    return true;
}

static long find(const char *h, size_t hn, const char *nd, size_t nn, bool fold)
{
    for (size_t i = 0; nn && i + nn <= hn; i++)
        if (same(h + i, nn, nd, nn, fold))
            return (long)i;
    return -1;
}

/* "a stray leading space", "quotes around it", ...; *one: a single character. */
static const char *describe_stray(const struct stray *st, char *buf, size_t cap, bool *one)
{
    *one = st->lead + st->trail == 1;
    if (st->kinds == 1 && !st->trail)
        snprintf(buf, cap, "%s", st->lead_blanks > 1 ? "stray leading blanks" : "a stray leading space");
    else if (st->kinds == 1 && !st->lead)
        snprintf(buf, cap, "%s", st->trail_blanks > 1 ? "stray trailing blanks" : "a stray trailing space");
    else if (st->kinds == 1)
        snprintf(buf, cap, "stray blanks at both ends");
    else if (st->kinds == 2)
        snprintf(buf, cap, "%s", *one ? "a stray quote" : "quotes around it");
    else if (st->kinds == 4)
        snprintf(buf, cap, "invisible characters (no-break or zero-width spaces) around it");
    else
        snprintf(buf, cap, "stray %s%s%s around it", st->kinds & 1 ? "blanks" : "",
                 (st->kinds & 1) && (st->kinds & 6) ? " and " : "",
                 st->kinds & 2 ? (st->kinds & 4 ? "quotes and invisible characters" : "quotes")
                               : st->kinds & 4 ? "invisible characters" : "");
    return buf;
}

/* Printable copy of up to 80 bytes of s for a message. */
static void show(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 5 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (i == 80) {
            o += (size_t)snprintf(out + o, cap - o, "...");
            break;
        }
        if (c >= 0x20 && c < 0x7f)
            out[o++] = (char)c;
        else
            o += (size_t)snprintf(out + o, cap - o, "\\%03u", c);
    }
    out[o < cap ? o : cap - 1] = '\0';
}

/* want and got as a reader sees them (want already clean). */
static enum zl_vdiff explain_text(const char *w, size_t wn, const char *g, size_t gn, bool name, bool appended,
                                  char *out, size_t cap)
{
    char sh[200];
    struct stray st;
    size_t b, e;
    strip(g, gn, name, &st, &b, &e);
    if (st.kinds && same(g + b, e - b, w, wn, name)) {
        char d[120];
        bool one;
        show(g, gn, sh, sizeof sh);
        describe_stray(&st, d, sizeof d, &one);
        snprintf(out, cap, "the value was stored with %s, as pasted ('%s')%s", d, sh,
                 appended ? "" : one ? ": enter it without that character" : ": enter it without them");
        return ZL_VDIFF_STRAY;
    }
    if (!name && same(g, gn, w, wn, true)) {
        snprintf(out, cap, "it differs only in letter case, and the value is case-sensitive");
        return ZL_VDIFF_CASE;
    }
    if (gn + 1 == wn && w[wn - 1] == '=' && same(g, gn, w, gn, name)) {
        snprintf(out, cap, "it lacks the token's trailing '='");
        return ZL_VDIFF_NO_EQUALS;
    }
    /* the first difference, then one character left out or changed there */
    size_t i = 0;
    while (i < gn && i < wn && (name ? lower((unsigned char)g[i]) == lower((unsigned char)w[i]) : g[i] == w[i]))
        i++;
    if (gn + 1 == wn && same(g + i, gn - i, w + i + 1, wn - i - 1, name)) {
        if (i + 1 == wn)
            snprintf(out, cap, "it is one character short: the last character, '%c', is missing", w[i]);
        else
            snprintf(out, cap, "it is one character short: '%c' (character %zu of %zu) is missing", w[i], i + 1, wn);
        return ZL_VDIFF_ONE_SHORT;
    }
    if (gn == wn && i < gn && same(g + i + 1, gn - i - 1, w + i + 1, wn - i - 1, name)) {
        unsigned char gc = (unsigned char)g[i];
        if (gc >= 0x20 && gc < 0x7f)
            snprintf(out, cap, "one character differs: '%c' where the value has '%c' (character %zu of %zu)", gc, w[i],
                     i + 1, wn);
        else
            snprintf(out, cap, "one character differs: byte \\%03u where the value has '%c' (character %zu of %zu)", gc,
                     w[i], i + 1, wn);
        return ZL_VDIFF_ONE_CHAR;
    }
    if (gn < wn && gn >= 8 && i == gn) {
        snprintf(out, cap, "it is the value cut short (%zu of %zu characters)", gn, wn);
        return ZL_VDIFF_CUT;
    }
    if (gn > wn && i == wn) {
        show(g + wn, gn - wn, sh, sizeof sh);
        snprintf(out, cap, "it is the value followed by extra characters ('%s')", sh);
        return ZL_VDIFF_EXTRA;
    }
    if (gn > wn && find(g, gn, w, wn, name) >= 0) {
        snprintf(out, cap, "it holds the value with characters around it");
        return ZL_VDIFF_AROUND;
    }
    return ZL_VDIFF_NONE;
}

enum zl_vdiff zl_vexplain(uint16_t type, const uint8_t *want, size_t wlen, const uint8_t *got, size_t glen,
                          const struct zl_name *domain, char *out, size_t cap)
{
    out[0] = '\0';
    struct zl_name wn, gn;
    size_t wp, gp;
    if (value_name(type, want, wlen, &wn, &wp) && value_name(type, got, glen, &gn, &gp) && wp == gp) {
        if (wp && memcmp(want, got, wp) != 0) {
            if (!zl_name_equal(&wn, &gn))
                return ZL_VDIFF_NONE;
            unsigned a = (unsigned)(want[0] << 8 | want[1]), b = (unsigned)(got[0] << 8 | got[1]);
            if (type == ZL_T_SRV)
                snprintf(out, cap, "the target is right, but priority, weight or port differ");
            else
                snprintf(out, cap, "the name is right, but the preference is %u, not %u", b, a);
            return ZL_VDIFF_FIELD;
        }
        char w[ZL_NAME_TEXT_MAX], g[ZL_NAME_TEXT_MAX], d[ZL_NAME_TEXT_MAX], wt[ZL_NAME_TEXT_MAX];
        size_t wl = name_raw(&wn, w, sizeof w), gl = name_raw(&gn, g, sizeof g);
        size_t dl = domain ? name_raw(domain, d, sizeof d) : 0;
        zl_name_to_text(&wn, wt);
        bool appended = false;
        /* the domain appended to what was typed: strip it first */
        if (dl && gl > dl + 1 && g[gl - dl - 1] == '.' && same(g + gl - dl, dl, d, dl, true) &&
            !(wl > dl && same(w + wl - dl, dl, d, dl, true))) {
            appended = true;
            gl -= dl + 1;
        }
        if (appended && same(g, gl, w, wl, true)) {
            snprintf(out, cap, "the provider appended the domain '%.*s' to the value: enter it as a full name with a "
                               "trailing dot ('%s')",
                     (int)dl, d, wt);
            return ZL_VDIFF_APEX_APPENDED;
        }
        char why[400];
        enum zl_vdiff k = explain_text(w, wl, g, gl, true, appended, why, sizeof why);
        if (k != ZL_VDIFF_NONE) {
            if (appended)
                snprintf(out, cap, "%s, and the provider appended the domain '%.*s' to it: enter '%s' alone, with "
                                   "its trailing dot",
                         why, (int)dl, d, wt);
            else
                snprintf(out, cap, "%s", why);
            return k;
        }
        if (appended) {
            snprintf(out, cap, "the provider appended the domain '%.*s' to the value", (int)dl, d);
            return ZL_VDIFF_APEX_APPENDED;
        }
        /* same shape, another first label: a token from another row or identity */
        if (wn.nlabels == gn.nlabels && wn.nlabels > 1) {
            struct zl_name ws, gs;
            zl_name_suffix(&ws, &wn, 1);
            zl_name_suffix(&gs, &gn, 1);
            if (zl_name_equal(&ws, &gs)) {
                char a[80], b[80];
                show((const char *)wn.wire + 1, wn.wire[0], a, sizeof a);
                show((const char *)gn.wire + 1, gn.wire[0], b, sizeof b);
                snprintf(out, cap, "it points to another token ('%s' instead of '%s'): copied from another row or "
                                   "another identity",
                         b, a);
                return ZL_VDIFF_OTHER_TOKEN;
            }
        }
        return ZL_VDIFF_NONE;
    }
    if (is_txt(type)) {
        char *w = zl_xmalloc(wlen + 1), *g = zl_xmalloc(glen + 1);
        size_t wl = zl_vtxt_join(want, wlen, w, wlen), gl = zl_vtxt_join(got, glen, g, glen);
        enum zl_vdiff k = explain_text(w, wl, g, gl, false, false, out, cap);
        free(w);
        free(g);
        return k;
    }
    return ZL_VDIFF_NONE;
}

/* ---- SES predicates ----------------------------------------------------------------- */

bool zl_vses_feedback_mx(const struct zl_name *t)
{
    if (t->nlabels != 4 || !zl_name_label_is(zl_name_label(t, 0), "feedback-smtp") ||
        !zl_name_label_is(zl_name_label(t, 2), "amazonses") || !zl_name_label_is(zl_name_label(t, 3), "com"))
        return false;
    const uint8_t *r = zl_name_label(t, 1);
    return zl_ses_region_shaped(r + 1, r[0]);
}

static bool spf_text(const char *s, size_t n)
{
    return n >= 6 && zl_ascii_has_prefix(s, n, "v=spf1") && (n == 6 || s[6] == ' ');
}

bool zl_vses_spf(const uint8_t *rd, size_t len)
{
    char *s = zl_xmalloc(len + 1);
    size_t n = zl_vtxt_join(rd, len, s, len);
    bool ok = spf_text(s, n) && zl_ascii_find(s, n, "include:amazonses.com") >= 0;
    free(s);
    return ok;
}

static bool dkim_key(const uint8_t *rd, size_t len)
{
    char *s = zl_xmalloc(len + 1);
    size_t n = zl_vtxt_join(rd, len, s, len);
    bool ok = zl_ascii_has_prefix(s, n, "p=");
    for (size_t i = 0; !ok && i + 2 < n; i++)
        if (s[i] == ';') {
            size_t k = i + 1;
            while (k < n && (s[k] == ' ' || s[k] == '\t'))
                k++;
            ok = k + 2 <= n && zl_ascii_has_prefix(s + k, n - k, "p=");
        }
    free(s);
    return ok;
}

static bool mx_target(const struct zl_vrr *r, struct zl_name *t)
{
    return r->rdlen > 2 && zl_name_from_wire(t, r->rdata + 2, r->rdlen - 2u) == r->rdlen - 2u;
}

/* ---- matching --------------------------------------------------------------------------- */

static bool good(const struct zl_vexpect *e, const struct zl_vrr *r)
{
    struct zl_name t;
    switch (e->match) {
    case ZL_VM_SES_MX:
        return mx_target(r, &t) && zl_vses_feedback_mx(&t);
    case ZL_VM_SES_SPF:
        return zl_vses_spf(r->rdata, r->rdlen);
    case ZL_VM_DKIM_KEY:
        return dkim_key(r->rdata, r->rdlen);
    default:
        return e->nv && zl_vrdata_equal(e->type, e->v[0].rdata, e->v[0].rdlen, r->rdata, r->rdlen);
    }
}

/* A served record that looks like a mangled form of the expected value. */
static bool near(const struct zl_vexpect *e, const struct zl_vrr *r, const struct zl_name *domain)
{
    char why[512];
    if (e->match == ZL_VM_SES_SPF) {
        char s[512];
        size_t n = zl_vtxt_join(r->rdata, r->rdlen, s, sizeof s);
        if (n > sizeof s)
            n = sizeof s;
        return find(s, n, "v=spf1", 6, true) >= 0;
    }
    if (e->match == ZL_VM_SES_MX) {
        struct zl_name t, head;
        return mx_target(r, &t) && zl_name_strip_origin(&t, domain, &head) && zl_vses_feedback_mx(&head);
    }
    if (e->match == ZL_VM_DKIM_KEY || !e->nv)
        return false;
    return zl_vexplain(e->type, e->v[0].rdata, e->v[0].rdlen, r->rdata, r->rdlen, domain, why, sizeof why) !=
           ZL_VDIFF_NONE;
}

void zl_vmatch(const struct zl_vexpect *e, const struct zl_vrr *const *got, size_t n, const struct zl_name *domain,
               struct zl_vmatch_res *out)
{
    memset(out, 0, sizeof *out);
    out->closest = -1;
    if (n)
        out->served_ttl = got[0]->ttl;
    if (e->match == ZL_VM_RRSET) {
        bool *used = zl_xcalloc(n + 1, 1);
        for (size_t i = 0; i < e->nv; i++) {
            bool found = false;
            for (size_t j = 0; j < n; j++)
                if (zl_vrdata_equal(e->type, e->v[i].rdata, e->v[i].rdlen, got[j]->rdata, got[j]->rdlen)) {
                    used[j] = true;
                    found = true;
                }
            if (!found) {
                if (out->nmissing < sizeof out->missing / sizeof out->missing[0])
                    out->missing[out->nmissing] = i;
                out->nmissing++;
            }
        }
        for (size_t j = 0; j < n; j++)
            if (!used[j]) {
                if (out->nextra < sizeof out->extra / sizeof out->extra[0])
                    out->extra[out->nextra] = j;
                out->nextra++;
            }
        free(used);
        out->ok = out->nmissing == 0 && (out->nextra == 0 || e->subset);
        out->ttl_differs = n && e->have_ttl && got[0]->ttl != e->ttl;
        return;
    }
    for (size_t j = 0; j < n; j++)
        if (good(e, got[j])) {
            out->ok = true;
            return;
        }
    for (size_t j = 0; j < n && out->closest < 0; j++)
        if (near(e, got[j], domain))
            out->closest = (long)j;
    if (out->closest < 0 && n == 1)
        out->closest = 0;
}
