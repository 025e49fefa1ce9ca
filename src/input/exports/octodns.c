/* SPDX-License-Identifier: MIT */
/* octoDNS YamlProvider zone files: a mapping of names relative to the zone
 * ('' is the apex) to one record or a list of records, each with type, an
 * optional ttl (YamlProvider's default is 3600) and value or values. The
 * zone is the file name without .yaml, or --origin.
 *
 * Values are checked as octoDNS checks them before it will sync the zone,
 * with octoDNS's own words: targets must end in a dot, TXT/SPF semicolons
 * must be escaped as \; (octoDNS stores values that way). octoDNS refuses
 * the whole zone then (ZL1004), unless the record (`octodns: {lenient:
 * true}`) or the zone (`lenient: true` in the octoDNS config, found above
 * the zone files or given with --octodns-config) is lenient. Either way the
 * record stays: a target without its dot is read as absolute, as Route 53,
 * Cloudflare and the other providers octoDNS syncs to read it. Then each
 * value becomes the presentation tokens octoDNS itself would write (TXT
 * chunked into 255-character strings), so the record is the one a
 * provider ends up serving. geo/dynamic rules are provider routing: only
 * the default values count. ALIAS and URLFWD, provider-specific types
 * ("Route53Provider/ALIAS") and the types zonelint does not convert
 * (HTTPS, SVCB, URI, OPENPGPKEY) are read but not handed on, with one
 * ZL1005 info per file; records marked `octodns: {ignored: true}` are
 * skipped. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/loc.h"
#include "input/exports/emit.h"
#include "input/exports/ystream.h"
#include "input/readers.h"
#include "input/exports/octodns_config.h"
#include "rdata/types.h"

#define OCTODNS_DEFAULT_TTL 3600

struct orec {
    size_t doc;
    yaml_node_t *rec;              /* the record mapping */
    struct zl_fmt_owner owner;
    uint16_t type;
    char tname[16];
    struct zl_span type_span;
    uint32_t ttl;
    enum zl_ttl_source ttl_source;
    bool lenient;                  /* the record's or the zone's */
};

/* What octoDNS would refuse to sync (ZL1004): reported once per value, and
 * only when neither the record nor the zone is lenient. The record stays. */
static void rejects(struct zl_fmt *f, const struct orec *r, const struct zl_span *s, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void rejects(struct zl_fmt *f, const struct orec *r, const struct zl_span *s, const char *fmt, ...)
{
    if (r->lenient)
        return;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    zl_fmt_report(f, ZL_RULE_ZL1004, s, "octoDNS refuses to sync this zone: %s", msg);
}

/* ---- value fields -------------------------------------------------------------- */

static void tok_escaped(struct zl_fmt *f, const char *s, size_t n, uint32_t flags, struct zl_span span)
{
    struct zl_buf b = { 0 };
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"' || s[i] == '\\')
            zl_buf_putc(&b, '\\');
        zl_buf_putc(&b, (uint8_t)s[i]);
    }
    zl_fmt_tok(f, b.len ? (const char *)b.data : "", b.len, flags, span);
    zl_buf_free(&b);
}

/* Adds the scalar at key (or alt) of a value mapping as one token. */
static int field(struct zl_fmt *f, struct orec *r, yaml_node_t *val, const char *key, const char *alt,
                 uint32_t flags)
{
    yaml_node_t *n = zl_y_get(&f->y, r->doc, val, key);
    if (!n && alt)
        n = zl_y_get(&f->y, r->doc, val, alt);
    if (!zl_y_is_scalar(n)) {
        struct zl_span s = zl_fmt_span(f, r->doc, val);
        zl_fmt_error(f, &s, "missing %s", key);
        return -1;
    }
    size_t len;
    const char *v = zl_y_str(n, &len);
    if (flags & ZL_TOK_QUOTED)
        tok_escaped(f, v, len, flags, zl_fmt_value_span(f, r->doc, n));
    else
        zl_fmt_tok(f, v, len, flags, zl_fmt_value_span(f, r->doc, n));
    return 0;
}

/* octoDNS's target check: the name must end in a dot (MX, SRV, HTTPS and
 * SVCB may be "." itself). */
static int target(struct zl_fmt *f, struct orec *r, yaml_node_t *n, const char *key)
{
    size_t len;
    const char *v = zl_y_str(n, &len);
    struct zl_span s = zl_fmt_value_span(f, r->doc, n);
    if (len == 0) {
        zl_fmt_error(f, &s, "missing %s", key);
        return -1;
    }
    if (v[len - 1] != '.')
        rejects(f, r, &s, "%s %s \"%.*s\" missing trailing .", r->tname, key, (int)(len > 200 ? 200 : len), v);
    zl_fmt_tok(f, v, len, 0, s); /* absolute either way: the record's origin is the root */
    return 0;
}

static int target_field(struct zl_fmt *f, struct orec *r, yaml_node_t *val, const char *key, const char *alt)
{
    yaml_node_t *n = zl_y_get(&f->y, r->doc, val, key);
    if (!n && alt)
        n = zl_y_get(&f->y, r->doc, val, alt);
    if (!zl_y_is_scalar(n)) {
        struct zl_span s = zl_fmt_span(f, r->doc, val);
        zl_fmt_error(f, &s, "missing %s", key);
        return -1;
    }
    return target(f, r, n, key);
}

/* True when a word character stands right before a ';' (octoDNS's check,
 * r'\w;'): the value holds a ';' that was not escaped as '\;'. */
static bool unescaped_semicolon(const char *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        char c = v[i - 1];
        if (v[i] == ';' && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            return true;
    }
    return false;
}

static bool double_escaped_semicolon(const char *v, size_t n)
{
    for (size_t i = 2; i < n; i++)
        if (v[i] == ';' && v[i - 1] == '\\' && v[i - 2] == '\\')
            return true;
    return false;
}

/* A TXT/SPF value: octoDNS drops surrounding quotes and '" "' joins, then
 * writes it as "..." strings of at most 255 characters with '"' escaped,
 * never cutting after a backslash. Its own \; escapes are presentation
 * escapes as well, so they pass through. */
static int txt_value(struct zl_fmt *f, struct orec *r, yaml_node_t *n)
{
    size_t len;
    const char *v = zl_y_str(n, &len);
    struct zl_span whole = zl_fmt_value_span(f, r->doc, n);
    int shown = (int)(len > 200 ? 200 : len);
    if (unescaped_semicolon(v, len))
        rejects(f, r, &whole, "unescaped ; in \"%.*s\"", shown, v);
    else if (double_escaped_semicolon(v, len))
        rejects(f, r, &whole, "double escaped ; in \"%.*s\"", shown, v);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)v[i] >= 0x80) {
            rejects(f, r, &whole, "non ASCII character in \"%.*s\"", shown, v);
            break;
        }
    if (len == 0) {
        zl_fmt_error(f, &whole, "missing value(s)");
        return -1;
    }
    struct zl_buf plain = { 0 };
    size_t a = 0, b = len;
    if (v[0] == '"' && len >= 2) {
        a = 1;
        b = len - 1;
    }
    for (size_t i = a; i < b; i++) {
        if (i + 3 <= b && !memcmp(v + i, "\" \"", 3)) {
            i += 2;
            continue;
        }
        if (v[i] == '"')
            zl_buf_putc(&plain, '\\');
        zl_buf_putc(&plain, (uint8_t)v[i]);
    }
    /* Spans: per chunk when the written value is what is chunked. */
    size_t *map = (a == 0 && plain.len == len) ? zl_y_scalar_map(&f->y, r->doc, n) : NULL;
    const char *p = (const char *)plain.data;
    for (size_t i = 0; i < plain.len;) {
        size_t c = plain.len - i < 255 ? plain.len - i : 255;
        while (c > 1 && p[i + c - 1] == '\\')
            c--;
        struct zl_span s = whole;
        if (map) {
            /* As if quoted: the span starts one column early, where a zone
             * file's opening quote would be. */
            s = zl_y_map_span(&f->y, map, i, i + c);
            if (s.col > 1)
                s.col--;
            s.end_col++;
        }
        zl_fmt_tok(f, p + i, c, ZL_TOK_QUOTED, s);
        i += c;
    }
    free(map);
    zl_buf_free(&plain);
    return 0;
}

static int scalar_value(struct zl_fmt *f, struct orec *r, yaml_node_t *n)
{
    if (!zl_y_is_scalar(n)) {
        struct zl_span s = zl_fmt_span(f, r->doc, n);
        zl_fmt_error(f, &s, "%s value must be a string", r->tname);
        return -1;
    }
    return 0;
}

static int map_value(struct zl_fmt *f, struct orec *r, yaml_node_t *n)
{
    if (!n || n->type != YAML_MAPPING_NODE) {
        struct zl_span s = n ? zl_fmt_span(f, r->doc, n) : r->owner.span;
        zl_fmt_error(f, &s, "%s value must be a mapping of its fields", r->tname);
        return -1;
    }
    return 0;
}

/* Tokens of one value of the record's type. */
static int value_tokens(struct zl_fmt *f, struct orec *r, yaml_node_t *n)
{
    if (zl_type_target_only(r->type)) { /* CNAME, DNAME, NS, PTR */
        if (scalar_value(f, r, n) != 0)
            return -1;
        return target(f, r, n, "value");
    }
    switch (r->type) {
    case ZL_T_A:
    case ZL_T_AAAA:
        if (scalar_value(f, r, n) != 0)
            return -1;
        zl_fmt_tok_scalar(f, r->doc, n, 0);
        return 0;
    case ZL_T_TXT:
    case ZL_T_SPF:
        if (scalar_value(f, r, n) != 0)
            return -1;
        return txt_value(f, r, n);
    case ZL_T_MX:
        if (map_value(f, r, n) != 0)
            return -1;
        if (field(f, r, n, "preference", "priority", 0) != 0)
            return -1;
        return target_field(f, r, n, "exchange", "value");
    case ZL_T_SRV:
        if (map_value(f, r, n) != 0 || field(f, r, n, "priority", NULL, 0) != 0 ||
            field(f, r, n, "weight", NULL, 0) != 0 || field(f, r, n, "port", NULL, 0) != 0)
            return -1;
        return target_field(f, r, n, "target", NULL);
    case ZL_T_CAA:
        if (map_value(f, r, n) != 0)
            return -1;
        if (zl_y_get(&f->y, r->doc, n, "flags")) {
            if (field(f, r, n, "flags", NULL, 0) != 0)
                return -1;
        } else {
            zl_fmt_tok(f, "0", 1, 0, zl_fmt_span(f, r->doc, n));
        }
        if (field(f, r, n, "tag", NULL, 0) != 0)
            return -1;
        return field(f, r, n, "value", NULL, ZL_TOK_QUOTED);
    case ZL_T_SSHFP:
        if (map_value(f, r, n) != 0 || field(f, r, n, "algorithm", NULL, 0) != 0 ||
            field(f, r, n, "fingerprint_type", NULL, 0) != 0)
            return -1;
        return field(f, r, n, "fingerprint", NULL, 0);
    case ZL_T_TLSA:
        if (map_value(f, r, n) != 0 || field(f, r, n, "certificate_usage", NULL, 0) != 0 ||
            field(f, r, n, "selector", NULL, 0) != 0 || field(f, r, n, "matching_type", NULL, 0) != 0)
            return -1;
        return field(f, r, n, "certificate_association_data", NULL, 0);
    case ZL_T_DS:
        if (map_value(f, r, n) != 0 || field(f, r, n, "key_tag", NULL, 0) != 0 ||
            field(f, r, n, "algorithm", NULL, 0) != 0 || field(f, r, n, "digest_type", NULL, 0) != 0)
            return -1;
        return field(f, r, n, "digest", NULL, 0);
    case ZL_T_NAPTR:
        if (map_value(f, r, n) != 0 || field(f, r, n, "order", NULL, 0) != 0 ||
            field(f, r, n, "preference", NULL, 0) != 0 || field(f, r, n, "flags", NULL, ZL_TOK_QUOTED) != 0 ||
            field(f, r, n, "service", NULL, ZL_TOK_QUOTED) != 0 ||
            field(f, r, n, "regexp", NULL, ZL_TOK_QUOTED) != 0)
            return -1;
        return field(f, r, n, "replacement", NULL, 0);
    case ZL_T_LOC: {
        static const char *const keys[] = {
            "lat_degrees",  "lat_minutes",    "lat_seconds",    "lat_direction",
            "long_degrees", "long_minutes",   "long_seconds",   "long_direction",
            "altitude",     "size",           "precision_horz", "precision_vert",
        };
        if (map_value(f, r, n) != 0)
            return -1;
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
            if (field(f, r, n, keys[i], NULL, 0) != 0)
                return -1;
        return 0;
    }
    default:
        return -1;
    }
}

/* ---- records ------------------------------------------------------------------ */

/* Read but not handed on: octoDNS's own pseudo-types, provider-specific
 * types ("Route53Provider/ALIAS", "CloudflareProvider/..."), and types
 * zonelint does not convert. */
static bool skipped_type(const char *t, size_t n)
{
    static const char *const skip[] = { "ALIAS", "URLFWD", "HTTPS", "SVCB", "URI", "OPENPGPKEY" };
    if (memchr(t, '/', n))
        return true;
    for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
        if (strlen(skip[i]) == n && !memcmp(skip[i], t, n))
            return true;
    return false;
}

static bool converted_type(uint16_t t)
{
    switch (t) {
    case ZL_T_A: case ZL_T_AAAA: case ZL_T_CAA: case ZL_T_CNAME: case ZL_T_DNAME: case ZL_T_DS:
    case ZL_T_LOC: case ZL_T_MX: case ZL_T_NAPTR: case ZL_T_NS: case ZL_T_PTR: case ZL_T_SPF:
    case ZL_T_SRV: case ZL_T_SSHFP: case ZL_T_TLSA: case ZL_T_TXT:
        return true;
    default:
        return false;
    }
}

static void emit_value(struct zl_fmt *f, struct orec *r, yaml_node_t *val)
{
    zl_fmt_clear(f);
    if (value_tokens(f, r, val) != 0)
        return;
    /* octoDNS values are absolute names (with or without their dot). */
    static const struct zl_name root = { .len = 1 };
    zl_fmt_record(f, &r->owner, r->type, r->type_span, r->ttl, r->ttl_source, &root, true);
}

static void one_record(struct zl_fmt *f, size_t doc, const struct zl_fmt_owner *owner, const char *fqdn,
                       yaml_node_t *rec, bool later_item)
{
    if (rec->type != YAML_MAPPING_NODE) {
        struct zl_span s = zl_fmt_span(f, doc, rec);
        zl_fmt_error(f, &s, "a record must be a mapping with type and value(s)");
        return;
    }
    struct orec r;
    memset(&r, 0, sizeof r);
    r.doc = doc;
    r.rec = rec;
    r.owner = *owner;
    yaml_node_t *meta = zl_y_get(&f->y, doc, rec, "octodns");
    if (zl_y_eq(zl_y_get(&f->y, doc, meta, "ignored"), "true"))
        return;
    r.lenient = f->lenient || zl_y_eq(zl_y_get(&f->y, doc, meta, "lenient"), "true");
    yaml_node_t *typ = zl_y_get(&f->y, doc, rec, "type");
    if (!zl_y_is_scalar(typ)) {
        struct zl_span s = zl_fmt_span(f, doc, rec);
        zl_fmt_error(f, &s, "Invalid record %s, missing type", fqdn);
        return;
    }
    size_t tlen;
    const char *t = zl_y_str(typ, &tlen);
    if (skipped_type(t, tlen)) {
        if (!f->skipped++)
            f->skipped_span = zl_fmt_value_span(f, doc, typ);
        return;
    }
    r.type_span = zl_fmt_value_span(f, doc, typ);
    if (later_item) {
        /* not the key's line, which belongs to the first record */
        struct zl_span item = zl_fmt_span(f, doc, rec);
        item.end_line = item.line;
        item.end_col = item.col + 1;
        r.owner.record_span = zl_span_join(&item, &r.type_span);
    }
    int code = zl_type_from_text(t, tlen);
    /* octoDNS type names are upper case; "a" is not a type to it. */
    bool upper = true;
    for (size_t i = 0; i < tlen; i++)
        if (t[i] >= 'a' && t[i] <= 'z')
            upper = false;
    if (code < 0 || !upper || !converted_type((uint16_t)code)) {
        zl_fmt_error(f, &r.type_span, "Unknown record type: \"%.*s\"", (int)(tlen > 40 ? 40 : tlen), t);
        return;
    }
    r.type = (uint16_t)code;
    zl_type_to_text(r.type, r.tname);
    yaml_node_t *ttln = zl_y_get(&f->y, doc, rec, "ttl");
    r.ttl = OCTODNS_DEFAULT_TTL;
    r.ttl_source = ZL_TTL_DEFAULT;
    if (ttln) {
        if (zl_fmt_ttl(f, doc, ttln, &r.ttl) != 0)
            return;
        r.ttl_source = ZL_TTL_EXPLICIT;
    }
    yaml_node_t *vals = zl_y_get(&f->y, doc, rec, "values");
    if (!vals)
        vals = zl_y_get(&f->y, doc, rec, "value");
    if (!vals) {
        struct zl_span s = zl_fmt_span(f, doc, rec);
        zl_fmt_error(f, &s, "missing value(s)");
        return;
    }
    if (vals->type == YAML_SEQUENCE_NODE) {
        if (vals->data.sequence.items.start == vals->data.sequence.items.top) {
            struct zl_span s = zl_fmt_span(f, doc, vals);
            zl_fmt_error(f, &s, "missing value(s)");
        }
        for (yaml_node_item_t *it = vals->data.sequence.items.start; it < vals->data.sequence.items.top; it++)
            emit_value(f, &r, zl_y_node(&f->y, doc, *it));
    } else {
        emit_value(f, &r, vals);
    }
}

/* The owner from a key, with octoDNS's name checks. */
static int owner_of(struct zl_fmt *f, size_t doc, yaml_node_t *key, struct zl_fmt_owner *o, char *fqdn,
                    size_t cap)
{
    memset(o, 0, sizeof *o);
    if (!zl_y_is_scalar(key)) {
        struct zl_span s = zl_fmt_span(f, doc, key);
        zl_fmt_error(f, &s, "a record name must be a string");
        return -1;
    }
    size_t klen;
    const char *ktext = zl_y_str(key, &klen);
    o->text = zl_fmt_no_nul(f, ktext, klen, &o->len);
    char zone[ZL_NAME_TEXT_MAX];
    zl_name_to_text(&f->origin, zone);
    /* "name.zone" (the name cut at 300 bytes), for the messages */
    size_t n = o->len > 300 ? 300 : o->len, z = strlen(zone), at = 0;
    if (n && cap > n + 1) {
        memcpy(fqdn, o->text, n);
        fqdn[n] = '.';
        at = n + 1;
    }
    if (z > cap - 1 - at)
        z = cap - 1 - at;
    memcpy(fqdn + at, zone, z);
    fqdn[at + z] = '\0';
    if (o->len == 0) {
        o->name = f->origin;
        o->flags = ZL_OWNER_AT;
        o->span = zl_fmt_span(f, doc, key);
        return 0;
    }
    o->span = zl_fmt_value_span(f, doc, key);
    if (o->len == 1 && o->text[0] == '@') {
        zl_fmt_error(f, &o->span, "invalid name \"@\", use \"\" instead");
        return -1;
    }
    if (memchr(o->text, ' ', o->len) || memchr(o->text, '\t', o->len)) {
        zl_fmt_error(f, &o->span, "invalid record, whitespace is not allowed");
        return -1;
    }
    bool dd = o->text[o->len - 1] == '.';
    for (size_t i = 1; i < o->len && !dd; i++)
        if (o->text[i] == '.' && o->text[i - 1] == '.')
            dd = true;
    if (dd) {
        zl_fmt_error(f, &o->span, "invalid name, double `.` in \"%s\"", fqdn);
        return -1;
    }
    enum zl_name_status st = zl_name_from_text(&o->name, o->text, o->len, &f->origin, NULL);
    if (st != ZL_NAME_OK) {
        zl_fmt_error(f, &o->span, "name '%.*s' is not a valid domain name: %s", (int)n, o->text,
                     zl_name_status_text(st));
        return -1;
    }
    o->flags = ZL_OWNER_RELATIVE;
    return 0;
}

/* The zone's own lenience, from the octoDNS config: --octodns-config, else
 * the one found above the zone file (up to the top of the repository). */
static void zone_config(struct zl_fmt *f)
{
    const char *path = f->opts->octodns_config;
    char *found = NULL;
    const char *written = f->src && f->src->path ? f->src->path : f->name;
    if (!path && written && strcmp(written, "-") && f->src && f->src->realpath)
        path = found = zl_octodns_config_find(written, f->opts->include_root);
    if (!path)
        return;
    char dir[PATH_MAX];
    const char *slash = written ? strrchr(written, '/') : NULL;
    if (slash && (size_t)(slash - written) < sizeof dir) {
        memcpy(dir, written, (size_t)(slash - written));
        dir[slash - written] = '\0';
    } else {
        strcpy(dir, ".");
    }
    struct zl_octodns_zone oz;
    char err[512];
    if (zl_octodns_config_zone(path, &f->origin, dir, &oz, NULL, err, sizeof err) != 0) {
        if (f->opts->octodns_config) {
            struct zl_span s = { f->src, 0, 0, 0, 0 };
            f->res->io_error = true;
            zl_fmt_report(f, ZL_RULE_ZL1000, &s, "--octodns-config: %s", err);
        }
    } else {
        f->lenient = oz.lenient;
    }
    free(found);
}

/* A line "type: X" (octoDNS), possibly as a list item, or a JSON "type" key. */
static bool has_type_key(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && p[e] != '\n')
            e++;
        size_t k = i;
        while (k < e && (p[k] == ' ' || p[k] == '\t'))
            k++;
        /* list items and complex-key values: "- type:", ": - type:" */
        while (k + 1 < e && (p[k] == '-' || p[k] == ':' || p[k] == '?') && p[k + 1] == ' ')
            for (k += 2; k < e && p[k] == ' '; k++)
                ;
        if (e - k >= 5 && (!memcmp(p + k, "type:", 5) || (e - k >= 7 && !memcmp(p + k, "'type':", 7))))
            return true;
        i = e + 1;
    }
    return false;
}

/* One record name of the file (its own keys and those merged in with "<<"). */
struct name_walk {
    struct zl_fmt *f;
    size_t doc;
};

static void one_name(void *user, yaml_node_t *key, yaml_node_t *v)
{
    struct name_walk *w = user;
    struct zl_fmt *f = w->f;
    size_t d = w->doc;
    struct zl_fmt_owner owner;
    char fqdn[ZL_NAME_TEXT_MAX + 320];
    if (owner_of(f, d, key, &owner, fqdn, sizeof fqdn) != 0)
        return;
    if (v->type == YAML_SEQUENCE_NODE) {
        for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++)
            one_record(f, d, &owner, fqdn, zl_y_node(&f->y, d, *it), it > v->data.sequence.items.start);
    } else {
        one_record(f, d, &owner, fqdn, v, false);
    }
}

/* A YamlProvider zone file: YAML (not JSON) whose records have type: keys. */
bool zl_sniff_octodns(const struct zl_sniff *s)
{
    return (s->yaml || s->named) && !s->json &&
           (has_type_key(s->data, s->len) || zl_sniff_contains(s, "\"type\""));
}

static void read_tree(struct zl_fmt *f, const char *text, size_t len);

/* Streamed (ystream.h): each pair of the root mapping a unit. */
static void read_doc(struct zl_fmt *f, struct zl_ys *s, void *arg)
{
    (void)arg;
    uint64_t a, b;
    if (zl_ys_type(s) != YAML_MAPPING_START_EVENT) {
        zl_ys_skip(s, &a, &b);
        if (!s->failed) {
            struct zl_span sp = zl_ys_span(s, a, b);
            zl_fmt_error(f, &sp, "an octoDNS zone file is a mapping of record names to records");
        }
        return;
    }
    zl_ys_next(s);
    while (zl_ys_type(s) != YAML_MAPPING_END_EVENT && zl_ys_type(s) != YAML_NO_EVENT) {
        zl_ys_unit(s);
        int key = zl_ys_build_index(s);
        int value = key ? zl_ys_build_index(s) : 0;
        if (!value)
            return;
        struct name_walk w = { f, 0 };
        one_name(&w, yaml_document_get_node(&s->unit, key), yaml_document_get_node(&s->unit, value));
    }
    zl_ys_next(s);
}

static void skipped_report(struct zl_fmt *f)
{
    if (f->skipped)
        zl_fmt_report(f, ZL_RULE_ZL1005, &f->skipped_span,
                      "%lu record%s of types octoDNS or its providers define (ALIAS, URLFWD, "
                      "Route53Provider/ALIAS, ...) or zonelint does not read (HTTPS, SVCB, URI, OPENPGPKEY) "
                      "%s read but not checked",
                      f->skipped, f->skipped == 1 ? "" : "s", f->skipped == 1 ? "is" : "are");
}

/* The zone: --origin, else the file name; false (reported) when neither. */
static bool zone_of(struct zl_fmt *f)
{
    if (f->opts->zone) {
        f->origin = *f->opts->zone;
        f->have_origin = true;
    } else if (zl_fmt_origin_from_filename(f->name, &f->origin)) {
        f->have_origin = true;
    } else {
        /* Not a zone file of its own: octoDNS takes the zone from the file
         * name, and a file named otherwise is one that a provider merges into
         * zones (NamedFileYamlProvider's shared records, includes). */
        struct zl_span s = { f->src, 1, 1, 1, 2 };
        zl_fmt_report(f, ZL_RULE_ZL1005, &s,
                      "not checked: octoDNS takes a zone from its file name (<zone>.yaml) and this name is no "
                      "zone's (a file other zones merge in?); pass --origin to check its records as a zone");
        return false;
    }
    zone_config(f);
    return !f->res->io_error;
}

void zl_read_octodns(struct zl_fmt *f, const char *text, size_t len)
{
    switch (zl_ys_check(f, text, len, "YAML/JSON", NULL, NULL)) {
    case ZL_YS_NOTHING:
        break;
    case ZL_YS_TREE:
        if ((text = zl_ys_whole(f, &len)))
            read_tree(f, text, len);
        break;
    case ZL_YS_STREAM:
        if (zone_of(f)) {
            zl_ys_read(f, read_doc, NULL);
            skipped_report(f);
        }
        break;
    }
    zl_ys_free(f);
}

/* The documents as a tree (an input with anchors, aliases or merge keys). */
static void read_tree(struct zl_fmt *f, const char *text, size_t len)
{
    zl_fmt_load_documents(f, text, len, "YAML/JSON");
    if (!zone_of(f))
        return;
    for (size_t d = 0; d < f->y.ndocs; d++) {
        yaml_node_t *root = zl_y_root(&f->y, d);
        if (root->type != YAML_MAPPING_NODE) {
            struct zl_span s = zl_fmt_span(f, d, root);
            zl_fmt_error(f, &s, "an octoDNS zone file is a mapping of record names to records");
            continue;
        }
        struct name_walk w = { f, d };
        zl_y_each_pair(&f->y, d, root, one_name, &w);
    }
    skipped_report(f);
}
