/* SPDX-License-Identifier: MIT */
/* Route 53 record sets: names, values and the ResourceRecordSet object
 * (r53_rrset.h says what they mean). */
#include "input/exports/r53_rrset.h"

#include <libpsl.h>
#include <stdlib.h>
#include <string.h>

#include "input/readers.h"
#include "rdata/types.h"

/* ---- names and values ----------------------------------------------------------- */

static bool octal3(const char *d)
{
    return d[0] >= '0' && d[0] <= '3' && d[1] >= '0' && d[1] <= '7' && d[2] >= '0' && d[2] <= '7';
}

/* In a value each octal escape becomes the same escape in decimal, so the
 * value keeps its length and every token its position as written. */
static void octal_to_decimal(char *s, size_t n)
{
    for (size_t i = 0; i + 3 < n; i++) {
        if (s[i] != '\\')
            continue;
        char *d = s + i + 1;
        if (octal3(d)) {
            int v = (d[0] - '0') * 64 + (d[1] - '0') * 8 + (d[2] - '0');
            d[0] = (char)('0' + v / 100);
            d[1] = (char)('0' + v / 10 % 10);
            d[2] = (char)('0' + v % 10);
            i += 3;
        } else {
            i++; /* an escaped character */
        }
    }
}

char *zl_r53_name_text(const char *s, size_t n, size_t *outlen)
{
    char *o = zl_xmalloc(4 * n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\0') {
            /* a JSON \u0000: the same octet as the escape \000, which a
             * message can show (a NUL would end it) */
            memcpy(o + k, "\\000", 4);
            k += 4;
            continue;
        }
        if (s[i] == '\\' && i + 3 < n && octal3(s + i + 1)) {
            int v = (s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0');
            if (v > 0x20 && v < 0x7f && !strchr(".\\\"();$@", v)) {
                o[k++] = (char)v;
            } else {
                o[k++] = '\\';
                o[k++] = (char)('0' + v / 100);
                o[k++] = (char)('0' + v / 10 % 10);
                o[k++] = (char)('0' + v % 10);
            }
            i += 3;
            continue;
        }
        o[k++] = s[i];
        if (s[i] == '\\' && i + 1 < n)
            o[k++] = s[++i];
    }
    o[k] = '\0';
    *outlen = k;
    return o;
}

bool zl_r53_name(const char *s, size_t n, struct zl_name *out, enum zl_name_status *st)
{
    size_t tl;
    char *t = zl_r53_name_text(s, n, &tl);
    struct zl_name root;
    zl_name_root(&root);
    enum zl_name_status r = zl_name_from_text(out, t, tl, &root, NULL);
    free(t);
    if (st)
        *st = r;
    return r == ZL_NAME_OK;
}

/* JSON or YAML, for the words of a fix: the quotes a value needs are
 * written differently. */
static bool json_input(const struct zl_fmt *f)
{
    if (f->y.stream)
        return f->y.stream_json; /* a streamed input's start may be gone from its window */
    size_t i = f->y.len >= 3 && !memcmp(f->y.data, "\xef\xbb\xbf", 3) ? 3 : 0;
    while (i < f->y.len && (f->y.data[i] == ' ' || f->y.data[i] == '\t' || f->y.data[i] == '\r' || f->y.data[i] == '\n'))
        i++;
    return i < f->y.len && (f->y.data[i] == '{' || f->y.data[i] == '[');
}

static bool txt_like(uint16_t type)
{
    return type == ZL_T_TXT || type == ZL_T_SPF;
}

int zl_r53_value(struct zl_fmt *f, uint16_t type, const char *v, size_t vlen, const size_t *map,
                 struct zl_span whole)
{
    size_t k = 0;
    while (k < vlen && (v[k] == ' ' || v[k] == '\t'))
        k++;
    if (txt_like(type) && (k == vlen || v[k] != '"')) {
        struct zl_span s = map && vlen ? zl_y_map_span(&f->y, map, 0, vlen) : whole;
        char tn[16];
        if (json_input(f))
            zl_fmt_error(f, &s, "%s value is not enclosed in quotation marks; Route 53 rejects it "
                                "(InvalidCharacterString): write \"\\\"%.*s\\\"\"",
                         zl_type_to_text(type, tn), (int)(vlen > 60 ? 60 : vlen), v);
        else
            zl_fmt_error(f, &s, "%s value is not enclosed in quotation marks of its own; Route 53 rejects it "
                                "(InvalidCharacterString): write '\"%.*s\"'",
                         zl_type_to_text(type, tn), (int)(vlen > 60 ? 60 : vlen), v);
        return -1;
    }
    zl_fmt_clear(f);
    char *dec = zl_xstrndup(v, vlen);
    octal_to_decimal(dec, vlen);
    int bad = zl_fmt_tok_presentation_map(f, dec, vlen, map, whole);
    free(dec);
    return bad ? -1 : 0;
}

/* ---- the record set ---------------------------------------------------------------- */

void zl_r53_rrset(struct zl_fmt *f, size_t doc, yaml_node_t *set)
{
    struct zl_span at = zl_fmt_span(f, doc, set);
    if (set->type != YAML_MAPPING_NODE) {
        zl_fmt_error(f, &at, "a record set must be an object with Name, Type and ResourceRecords");
        return;
    }
    yaml_node_t *name = zl_y_get(&f->y, doc, set, "Name");
    yaml_node_t *typ = zl_y_get(&f->y, doc, set, "Type");
    if (!zl_y_is_scalar(name) || !zl_y_is_scalar(typ)) {
        zl_fmt_error(f, &at, "record set without %s", zl_y_is_scalar(name) ? "a Type" : "a Name");
        return;
    }
    yaml_node_t *rrs = zl_y_get(&f->y, doc, set, "ResourceRecords");
    /* Alias and traffic-policy records: no TTL and no values; nothing to check. */
    if (!rrs && (zl_y_get(&f->y, doc, set, "AliasTarget") ||
                 zl_y_get(&f->y, doc, set, "TrafficPolicyInstanceId")))
        return;

    struct zl_fmt_owner owner;
    memset(&owner, 0, sizeof owner);
    size_t nlen;
    const char *ntext = zl_y_str(name, &nlen);
    char *written = zl_r53_name_text(ntext, nlen, &owner.len);
    owner.text = written;
    owner.span = zl_fmt_value_span(f, doc, name);
    owner.flags = ZL_OWNER_ABSOLUTE;
    /* Weighted, latency, failover... records repeat Name and Type, one record
     * set per SetIdentifier. */
    yaml_node_t *sid = zl_y_get(&f->y, doc, set, "SetIdentifier");
    if (zl_y_is_scalar(sid))
        owner.set_id = zl_y_str(sid, &owner.set_id_len);
    struct zl_name root;
    zl_name_root(&root);
    enum zl_name_status st = zl_name_from_text(&owner.name, owner.text, owner.len, &root, NULL);
    if (st != ZL_NAME_OK) {
        zl_fmt_error(f, &owner.span, "Name '%.*s' is not a valid domain name: %s",
                     (int)(owner.len > 80 ? 80 : owner.len), owner.text, zl_name_status_text(st));
        goto out;
    }
    uint16_t type;
    if (zl_fmt_type(f, doc, typ, &type) != 0)
        goto out;
    struct zl_span type_span = zl_fmt_value_span(f, doc, typ);
    if (!rrs || rrs->type != YAML_SEQUENCE_NODE) {
        zl_fmt_error(f, &owner.span, "record set has no ResourceRecords list and no AliasTarget");
        goto out;
    }
    yaml_node_t *ttln = zl_y_get(&f->y, doc, set, "TTL");
    uint32_t ttl;
    if (!ttln) {
        zl_fmt_error(f, &owner.span, "record set has ResourceRecords but no TTL (Route 53 requires one)");
        goto out;
    }
    if (zl_fmt_ttl(f, doc, ttln, &ttl) != 0)
        goto out;

    for (yaml_node_item_t *it = rrs->data.sequence.items.start; it < rrs->data.sequence.items.top; it++) {
        yaml_node_t *rr = zl_y_node(&f->y, doc, *it);
        yaml_node_t *val = zl_y_get(&f->y, doc, rr, "Value");
        if (!zl_y_is_scalar(val)) {
            struct zl_span s = zl_fmt_span(f, doc, rr);
            zl_fmt_error(f, &s, "resource record without a Value string");
            continue;
        }
        size_t vlen;
        const char *v = zl_y_str(val, &vlen);
        size_t *map = zl_y_scalar_map(&f->y, doc, val);
        int bad = zl_r53_value(f, type, v, vlen, map, zl_fmt_span(f, doc, val));
        free(map);
        if (bad)
            continue;
        /* Names in values are absolute too: the root is their origin. */
        zl_fmt_record(f, &owner, type, type_span, ttl, ZL_TTL_EXPLICIT, &root, true);
    }
out:
    free(written);
}

/* ---- placeholders ------------------------------------------------------------------- */

static bool word_start(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool zl_r53_placeholder(const char *s, size_t n, bool shell, size_t *at, size_t *len)
{
    for (size_t i = 0; i + 1 < n; i++) {
        const char *end = NULL;
        if (s[i] == '$' && s[i + 1] == '{' && (i + 2 >= n || s[i + 2] != '!')) /* ${!x}: Fn::Sub's literal */
            end = memchr(s + i + 2, '}', n - i - 2);
        else if (s[i] == '{' && s[i + 1] == '{' && i + 2 < n) {
            for (size_t k = i + 2; k + 1 < n && !end; k++)
                if (s[k] == '}' && s[k + 1] == '}')
                    end = s + k + 1;
        } else if (shell && s[i] == '<' && word_start(s[i + 1])) { /* <FQDN>, <zone-id> */
            size_t k = i + 1;
            while (k < n && (word_start(s[k]) || (s[k] >= '0' && s[k] <= '9') || s[k] == '-' || s[k] == '.'))
                k++;
            if (k < n && s[k] == '>')
                end = s + k;
        } else if (shell && s[i] == '$' && word_start(s[i + 1]) && (i == 0 || s[i - 1] != '\\')) {
            size_t k = i + 1;
            while (k < n && (word_start(s[k]) || (s[k] >= '0' && s[k] <= '9')))
                k++;
            end = s + k - 1;
        }
        if (end) {
            *at = i;
            *len = (size_t)(end - s) + 1 - i;
            return true;
        }
    }
    return false;
}

/* ---- the zone of names written without it -------------------------------------------- */

void zl_r53_zone_guess_add(struct zl_r53_zone_guess *g, const struct zl_name *n)
{
    if (!g->have)
        g->first = *n;
    else if (!zl_name_equal(&g->first, n))
        g->several = true;
    zl_fmt_common_suffix(&g->common, &g->have, n);
}

/* Are labels [a, a+k) of n the same as labels [b, b+k)? */
static bool same_labels(const struct zl_name *n, unsigned a, unsigned b, unsigned k)
{
    for (unsigned i = 0; i < k; i++) {
        const uint8_t *x = zl_name_label(n, a + i), *y = zl_name_label(n, b + i);
        if (!x || !y || x[0] != y[0])
            return false;
        for (unsigned j = 1; j <= x[0]; j++) {
            uint8_t c = x[j], d = y[j];
            if (c >= 'A' && c <= 'Z')
                c = (uint8_t)(c + 32);
            if (d >= 'A' && d <= 'Z')
                d = (uint8_t)(d + 32);
            if (c != d)
                return false;
        }
    }
    return true;
}

/* Labels of the registrable domain of n (its public suffix, ICANN part,
 * and one label more), or 0 when n is under no public suffix; *public
 * (may be NULL) says whether n is a public suffix itself. */
static unsigned registrable_labels(const struct zl_name *n, bool *public)
{
    unsigned best = 0;
    for (unsigned k = 1; k <= n->nlabels && k <= 8; k++) {
        struct zl_name suf;
        zl_name_suffix(&suf, n, n->nlabels - k);
        char t[ZL_NAME_TEXT_MAX];
        size_t len = zl_name_to_text(&suf, t);
        if (len < 2 || memchr(t, '\\', len))
            break;
        t[len - 1] = '\0'; /* no trailing dot */
        for (size_t i = 0; i < len; i++)
            if (t[i] >= 'A' && t[i] <= 'Z')
                t[i] = (char)(t[i] + 32);
        if (psl_is_public_suffix2(psl_builtin(), t, PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE))
            best = k;
    }
    if (public)
        *public = best && best == n->nlabels;
    return best && best < n->nlabels ? best + 1 : 0;
}

bool zl_r53_zone_guess_pick(const struct zl_r53_zone_guess *g, struct zl_name *out)
{
    if (!g->have || g->common.nlabels == 0)
        return false;
    const struct zl_name *s = &g->common;
    bool public;
    unsigned n = s->nlabels, reg = registrable_labels(s, &public);
    if (public)
        return false; /* names of several domains: no one zone holds them */
    /* a doubled tail: the zone appended to a name that held it already */
    for (unsigned k = reg ? reg : 2; 2 * k <= n; k++)
        if (same_labels(s, n - 2 * k, n - k, k)) {
            zl_name_suffix(out, s, n - k);
            return true;
        }
    unsigned skip = 0, limit = reg ? n - reg : n - 1;
    while (skip < limit) {
        const uint8_t *l = zl_name_label(s, skip);
        if (!l || l[0] == 0 || l[1] != '_')
            break;
        skip++;
    }
    if (reg && skip < n - reg && !g->several)
        skip = n - reg;
    zl_name_suffix(out, s, skip);
    return true;
}
