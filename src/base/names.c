/* SPDX-License-Identifier: MIT */
#include "base/names.h"

#include "base/ascii.h"

#include <string.h>

static inline uint8_t lower(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c;
}

void zl_name_root(struct zl_name *out)
{
    out->len = 1;
    out->nlabels = 0;
    out->wire[0] = 0;
}

const char *zl_name_status_text(enum zl_name_status st)
{
    switch (st) {
    case ZL_NAME_OK: return "ok";
    case ZL_NAME_EMPTY: return "empty name";
    case ZL_NAME_EMPTY_LABEL: return "empty label (two dots in a row, or a leading dot)";
    case ZL_NAME_LABEL_TOO_LONG: return "label longer than 63 octets";
    case ZL_NAME_TOO_LONG: return "name longer than 255 octets";
    case ZL_NAME_BAD_ESCAPE: return "bad escape (\\DDD needs exactly three digits, 000-255)";
    case ZL_NAME_NO_ORIGIN: return "relative name but no origin is known (use $ORIGIN, --origin or a trailing dot)";
    }
    return "invalid name";
}

/* What a byte of presentation text is in a name: 0 an ordinary octet,
 * 1 the label separator, 2 the start of an escape. */
static const uint8_t name_class[256] = { ['.'] = 1, ['\\'] = 2 };

enum zl_name_status zl_name_from_text(struct zl_name *out, const char *s, size_t n,
                                      const struct zl_name *origin, unsigned *flags)
{
    unsigned fl = 0;
    if (flags)
        *flags = 0;
    if (n == 0)
        return ZL_NAME_EMPTY;
    if (n == 1 && s[0] == '@') {
        if (!origin)
            return ZL_NAME_NO_ORIGIN;
        zl_name_copy(out, origin);
        if (flags)
            *flags = ZL_NAME_F_AT;
        return ZL_NAME_OK;
    }
    if (n == 1 && s[0] == '.') {
        zl_name_root(out);
        if (flags)
            *flags = ZL_NAME_F_ABSOLUTE;
        return ZL_NAME_OK;
    }

    const uint8_t *u = (const uint8_t *)s;
    uint8_t *w = out->wire;
    size_t wl = 1;          /* bytes written */
    size_t label_start = 0; /* index of the current label's length octet */
    unsigned nlabels = 0;
    bool absolute = false;
    w[0] = 0;
    size_t i = 0;
    while (i < n) {
        /* A run of ordinary octets at once: the limits are those the first
         * octet past them would break (the label's first, as one by one). */
        size_t j = i;
        while (j < n && !name_class[u[j]])
            j++;
        if (j > i) {
            size_t r = j - i;
            size_t k_label = ZL_LABEL_MAX - (wl - label_start - 1), k_name = ZL_NAME_MAX - wl;
            if (k_label < r || k_name < r)
                return k_label <= k_name ? ZL_NAME_LABEL_TOO_LONG : ZL_NAME_TOO_LONG;
            zl_copy_small(w + wl, u + i, r);
            wl += r;
            i = j;
            if (i == n)
                break;
        }
        uint8_t c = u[i];
        if (c == '.') {
            size_t ll = wl - label_start - 1;
            if (ll == 0)
                return ZL_NAME_EMPTY_LABEL;
            w[label_start] = (uint8_t)ll;
            nlabels++;
            i++;
            if (i == n) {
                absolute = true;
                break;
            }
            if (wl >= ZL_NAME_MAX)
                return ZL_NAME_TOO_LONG;
            label_start = wl;
            w[wl++] = 0;
            continue;
        }
        /* c == '\\' */
        if (i + 1 >= n)
            return ZL_NAME_BAD_ESCAPE;
        uint8_t d = u[i + 1];
        if (d >= '0' && d <= '9') {
            if (i + 3 >= n) /* \DDD needs all three digits */
                return ZL_NAME_BAD_ESCAPE;
            uint8_t d2 = u[i + 2], d3 = u[i + 3];
            if (d2 < '0' || d2 > '9' || d3 < '0' || d3 > '9')
                return ZL_NAME_BAD_ESCAPE;
            unsigned v = (unsigned)(d - '0') * 100 + (unsigned)(d2 - '0') * 10 + (unsigned)(d3 - '0');
            if (v > 255)
                return ZL_NAME_BAD_ESCAPE;
            c = (uint8_t)v;
            i += 4;
        } else {
            c = d;
            i += 2;
        }
        if (wl - label_start - 1 >= ZL_LABEL_MAX)
            return ZL_NAME_LABEL_TOO_LONG;
        if (wl >= ZL_NAME_MAX)
            return ZL_NAME_TOO_LONG;
        w[wl++] = c;
    }
    if (!absolute) {
        size_t ll = wl - label_start - 1;
        if (ll == 0)
            return ZL_NAME_EMPTY_LABEL;
        w[label_start] = (uint8_t)ll;
        nlabels++;
        if (!origin)
            return ZL_NAME_NO_ORIGIN;
        if (wl + origin->len > ZL_NAME_MAX)
            return ZL_NAME_TOO_LONG;
        memcpy(w + wl, origin->wire, origin->len);
        wl += origin->len;
        nlabels += origin->nlabels;
        fl |= ZL_NAME_F_RELATIVE;
    } else {
        if (wl + 1 > ZL_NAME_MAX)
            return ZL_NAME_TOO_LONG;
        w[wl++] = 0;
        fl |= ZL_NAME_F_ABSOLUTE;
    }
    out->len = (uint8_t)wl;
    out->nlabels = (uint8_t)nlabels;
    if (flags)
        *flags = fl;
    return ZL_NAME_OK;
}

size_t zl_name_from_wire(struct zl_name *out, const uint8_t *p, size_t avail)
{
    size_t i = 0;
    unsigned nl = 0;
    for (;;) {
        if (i >= avail)
            return 0;
        uint8_t ll = p[i];
        if (ll > ZL_LABEL_MAX)
            return 0; /* compression pointers are not allowed in RDATA text */
        if (i + 1 + ll > ZL_NAME_MAX)
            return 0;
        if (ll == 0) {
            i++;
            break;
        }
        if (i + 1 + ll > avail)
            return 0;
        i += 1 + (size_t)ll;
        nl++;
    }
    memcpy(out->wire, p, i);
    out->len = (uint8_t)i;
    out->nlabels = (uint8_t)nl;
    return i;
}

/* How each octet is written in presentation format: 0 as is, 1 with a
 * backslash before it, 2 as \DDD (BIND's choices). */
static const uint8_t text_class[256] = {
    [0 ... 0x20] = 2,
    ['"'] = 1, ['('] = 1, [')'] = 1, ['.'] = 1, [';'] = 1, ['\\'] = 1, ['@'] = 1, ['$'] = 1,
    [0x7f ... 0xff] = 2,
};

/* One label's octets as presentation text at out; returns the bytes written. */
static size_t label_to_text(const uint8_t *lab, unsigned ll, char *out)
{
    /* Copied as they are, and only redone when an octet needs an escape
     * (rare): the common name costs a table look-up per octet. */
    uint8_t any = 0;
    for (unsigned k = 0; k < ll; k++) {
        out[k] = (char)lab[k];
        any |= text_class[lab[k]];
    }
    if (!any)
        return ll;
    size_t o = 0;
    for (unsigned k = 0; k < ll; k++) {
        uint8_t c = lab[k];
        switch (text_class[c]) {
        case 0:
            out[o++] = (char)c;
            break;
        case 1:
            out[o++] = '\\';
            out[o++] = (char)c;
            break;
        default:
            out[o++] = '\\';
            out[o++] = (char)('0' + c / 100);
            out[o++] = (char)('0' + (c / 10) % 10);
            out[o++] = (char)('0' + c % 10);
        }
    }
    return o;
}

size_t zl_name_to_text(const struct zl_name *n, char *out)
{
    size_t o = 0;
    size_t i = 0;
    if (n->len <= 1) {
        out[0] = '.';
        out[1] = '\0';
        return 1;
    }
    while (i < n->len && n->wire[i]) {
        uint8_t ll = n->wire[i++];
        o += label_to_text(n->wire + i, ll, out + o);
        i += ll;
        out[o++] = '.';
    }
    out[o] = '\0';
    return o;
}

size_t zl_wire_to_text(const uint8_t *p, size_t avail, char *out, size_t *used)
{
    size_t i = 0, o = 0;
    for (;;) {
        if (i >= avail)
            return 0;
        uint8_t ll = p[i];
        if (ll > ZL_LABEL_MAX || i + 1 + ll > ZL_NAME_MAX)
            return 0;
        if (ll == 0) {
            i++;
            break;
        }
        if (i + 1 + ll > avail)
            return 0;
        o += label_to_text(p + i + 1, ll, out + o);
        out[o++] = '.';
        i += 1 + (size_t)ll;
    }
    if (o == 0)
        out[o++] = '.';
    out[o] = '\0';
    *used = i;
    return o;
}

void zl_name_to_buf(const struct zl_name *n, struct zl_buf *b)
{
    zl_buf_reserve(b, ZL_NAME_TEXT_MAX);
    b->len += zl_name_to_text(n, (char *)b->data + b->len);
}

bool zl_name_equal(const struct zl_name *a, const struct zl_name *b)
{
    if (a->len != b->len)
        return false;
    /* The same bytes (the usual case: names of one zone are written alike)
     * at memcmp's speed; else octet by octet, case folded. */
    if (memcmp(a->wire, b->wire, a->len) == 0)
        return true;
    for (size_t i = 0; i < a->len; i++)
        if (lower(a->wire[i]) != lower(b->wire[i]))
            return false;
    return true;
}

size_t zl_name_label_offset(const struct zl_name *n, unsigned idx)
{
    size_t off = 0;
    for (unsigned k = 0; k < idx && off < n->len && n->wire[off]; k++)
        off += 1 + (size_t)n->wire[off];
    return off;
}

int zl_name_compare(const struct zl_name *a, const struct zl_name *b)
{
    size_t ao[128], bo[128];
    unsigned an = 0, bn = 0;
    for (size_t o = 0; o < a->len && a->wire[o] && an < 128; o += 1 + (size_t)a->wire[o])
        ao[an++] = o;
    for (size_t o = 0; o < b->len && b->wire[o] && bn < 128; o += 1 + (size_t)b->wire[o])
        bo[bn++] = o;
    while (an && bn) {
        const uint8_t *la = a->wire + ao[--an];
        const uint8_t *lb = b->wire + bo[--bn];
        unsigned m = la[0] < lb[0] ? la[0] : lb[0];
        for (unsigned k = 1; k <= m; k++) {
            uint8_t ca = lower(la[k]), cb = lower(lb[k]);
            if (ca != cb)
                return ca < cb ? -1 : 1;
        }
        if (la[0] != lb[0])
            return la[0] < lb[0] ? -1 : 1;
    }
    if (an == bn)
        return 0;
    return an < bn ? -1 : 1;
}

bool zl_name_is_subdomain(const struct zl_name *name, const struct zl_name *parent)
{
    if (name->nlabels < parent->nlabels || name->len < parent->len)
        return false;
    /* Walk to the label where the parent's length of bytes remains. */
    size_t off = 0, want = (size_t)name->len - parent->len;
    while (off < want)
        off += 1 + (size_t)name->wire[off];
    if (off != want)
        return false;
    const uint8_t *a = name->wire + off, *b = parent->wire;
    if (memcmp(a, b, parent->len) == 0)
        return true;
    for (size_t i = 0; i < parent->len; i++)
        if (a[i] != b[i] && lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

bool zl_name_ends_in_before(const struct zl_name *n, unsigned skip, const struct zl_name *s)
{
    unsigned k = s->nlabels;
    if (k == 0 || n->nlabels < skip + k)
        return false;
    size_t a = zl_name_label_offset(n, n->nlabels - skip - k);
    size_t b = zl_name_label_offset(n, n->nlabels - skip);
    if (b - a != (size_t)s->len - 1)
        return false;
    for (size_t i = 0; i < b - a; i++)
        if (lower(n->wire[a + i]) != lower(s->wire[i]))
            return false;
    return true;
}

void zl_name_suffix(struct zl_name *out, const struct zl_name *n, unsigned k)
{
    if (k > n->nlabels)
        k = n->nlabels;
    size_t off = zl_name_label_offset(n, k);
    memmove(out->wire, n->wire + off, n->len - off);
    out->len = (uint8_t)(n->len - off);
    out->nlabels = (uint8_t)(n->nlabels - k);
}

uint32_t zl_name_hash(const struct zl_name *n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n->len; i++) {
        h ^= lower(n->wire[i]);
        h *= 16777619u;
    }
    return h;
}

/* ---- labels ------------------------------------------------------------ */

const uint8_t *zl_name_label(const struct zl_name *n, unsigned i)
{
    size_t off = 0;
    for (unsigned k = 0; k < i; k++) {
        if (off >= n->len || n->wire[off] == 0)
            return NULL;
        off += 1 + (size_t)n->wire[off];
    }
    if (off >= n->len || n->wire[off] == 0)
        return NULL;
    return n->wire + off;
}

bool zl_name_label_is(const uint8_t *label, const char *s)
{
    size_t n = strlen(s);
    return label && label[0] == n && zl_ascii_eq(label + 1, (const uint8_t *)s, n);
}

int zl_name_find_label(const struct zl_name *n, const char *s)
{
    size_t len = strlen(s);
    size_t off = 0;
    for (int i = 0; off < n->len && n->wire[off]; i++) {
        uint8_t ll = n->wire[off];
        if (ll == len && zl_ascii_eq(n->wire + off + 1, (const uint8_t *)s, len))
            return i;
        off += 1 + (size_t)ll;
    }
    return -1;
}

bool zl_name_under_any(const struct zl_name *n, const char *const *list)
{
    char text[ZL_NAME_TEXT_MAX];
    size_t tl = zl_name_to_text(n, text);
    for (; *list; list++) {
        size_t l = strlen(*list);
        /* "<list item>." at the end, after a dot or as the whole name */
        if (tl < l + 1 || text[tl - 1] != '.')
            continue;
        size_t at = tl - 1 - l;
        if (zl_ascii_eq((const uint8_t *)text + at, (const uint8_t *)*list, l) && (at == 0 || text[at - 1] == '.'))
            return true;
    }
    return false;
}

bool zl_wire_has_label(const uint8_t *p, size_t n, const char *s)
{
    size_t sl = strlen(s);
    for (size_t i = 0; i < n && p[i] && p[i] <= ZL_LABEL_MAX; i += 1 + (size_t)p[i])
        if (p[i] == sl && i + 1 + sl <= n && zl_ascii_eq(p + i + 1, (const uint8_t *)s, sl))
            return true;
    return false;
}

const char *zl_name_text(const struct zl_name *n, char *out)
{
    zl_name_to_text(n, out);
    return out;
}

bool zl_name_strip_origin(const struct zl_name *n, const struct zl_name *origin, struct zl_name *out)
{
    if (!origin || n->nlabels <= origin->nlabels || !zl_name_is_subdomain(n, origin))
        return false;
    size_t keep = (size_t)n->len - origin->len; /* the labels above the origin */
    memcpy(out->wire, n->wire, keep);
    out->wire[keep] = 0;
    out->len = (uint8_t)(keep + 1);
    out->nlabels = (uint8_t)(n->nlabels - origin->nlabels);
    return true;
}
