/* SPDX-License-Identifier: MIT */
/* DNS resources of Terraform providers, mapped to records with each
 * provider's own semantics (README "Terraform" cites where each is
 * documented). One row per resource type in `mappers` below; every mapper
 * reads an instance object (attributes and blocks, from HCL, *.tf.json or
 * `terraform show -json`) and hands records to zl_fmt_record, so every rule
 * works on them. A record whose name, type, TTL or values are not known
 * statically is not handed on: it is counted as not evaluated. */
#include "input/terraform/tf_records.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libpsl.h>

#include "input/exports/emit.h"
#include "rdata/types.h"

/* ---- values ------------------------------------------------------------------ */

static const struct zl_hv *get(const struct zl_hv *o, const char *k)
{
    return zl_hv_get(o, k, strlen(k));
}

static bool known_str(const struct zl_hv *v)
{
    return v && v->kind == ZL_HV_STR;
}

static bool absent(const struct zl_hv *v)
{
    return !v || v->kind == ZL_HV_NULL;
}

/* A block: written as a block (a list of objects), or in JSON as one object. */
static const struct zl_hv *block(const struct zl_hv *o, const char *k)
{
    const struct zl_hv *v = get(o, k);
    if (!v)
        return NULL;
    if (v->kind == ZL_HV_MAP)
        return v;
    if (v->kind == ZL_HV_LIST && v->n == 1 && v->items[0]->kind == ZL_HV_MAP)
        return v->items[0];
    if (v->kind == ZL_HV_LIST && v->n == 0)
        return NULL;
    return v; /* unknown, or several */
}

/* ---- emitting ------------------------------------------------------------------ */

struct rec_ctx {
    struct zl_tf_emit *X;
    const struct zl_hv *obj;
    struct zl_span at;       /* the resource block (or JSON object) */
    struct zl_name zone;
    bool have_zone;
    bool partial;
    bool names_relative;     /* the provider completes names with the zone */
    const char *why;         /* partial: the attribute that could not be evaluated */
};

/* The record is not handed on: attr is known only at apply time. */
static void not_evaluated(struct rec_ctx *c, const char *attr)
{
    if (!c->partial)
        c->why = attr;
    c->partial = true;
}

/* Tokens of a presentation-format value: text[i] sits at byte i - shift of
 * the string value v (its spans come from there). */
static int tok_presentation(struct rec_ctx *c, const char *t, size_t len, const struct zl_hv *v, size_t shift)
{
    struct zl_fmt *f = c->X->f;
    size_t i = 0;
#define SUB(a, b)                                                                      \
    zl_hv_sub_span(v, (a) > shift ? (a) - shift : 0,                                   \
                   (b) - shift > v->len ? v->len : (b) > shift ? (b) - shift : 1, v->span)
    while (i < len) {
        while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
            i++;
        if (i >= len)
            break;
        size_t start = i;
        if (t[i] == '"') {
            for (i++; i < len && t[i] != '"'; i++)
                if (t[i] == '\\' && i + 1 < len)
                    i++;
            if (i >= len) {
                struct zl_span s = SUB(start, len);
                zl_fmt_error(f, &s, "the quoted string in this value does not close");
                return -1;
            }
            i++;
            zl_fmt_tok(f, t + start + 1, i - start - 2, ZL_TOK_QUOTED, SUB(start, i));
            continue;
        }
        for (; i < len && t[i] != ' ' && t[i] != '\t' && t[i] != '\n' && t[i] != '\r' && t[i] != '"'; i++)
            if (t[i] == '\\' && i + 1 < len)
                i++;
        zl_fmt_tok(f, t + start, i - start, 0, SUB(start, i));
    }
#undef SUB
    return 0;
}

/* A raw text (not presentation format) as <character-string>s of at most
 * 255 octets, escaped for the RDATA parser. */
static void tok_raw_text(struct rec_ctx *c, const struct zl_hv *v)
{
    struct zl_fmt *f = c->X->f;
    size_t i = 0;
    do {
        size_t n = v->len - i > 255 ? 255 : v->len - i;
        struct zl_buf b = { 0 };
        bool plain = true;
        for (size_t k = 0; k < n; k++) {
            char ch = v->s[i + k];
            if (ch == '"' || ch == '\\') {
                zl_buf_put(&b, "\\", 1);
                plain = false;
            }
            zl_buf_put(&b, &ch, 1);
        }
        struct zl_span s = plain ? zl_hv_sub_span(v, i, i + n, v->span) : v->span;
        zl_fmt_tok(f, b.data ? (const char *)b.data : "", b.len, ZL_TOK_QUOTED, s);
        zl_buf_free(&b);
        i += n;
    } while (i < v->len);
}

static int tok_value(struct rec_ctx *c, const struct zl_hv *v)
{
    return tok_presentation(c, v->s, v->len, v, 0);
}

static void tok_num(struct rec_ctx *c, const struct zl_hv *v)
{
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%.0f", v->num);
    zl_fmt_tok(c->X->f, buf, (size_t)n, 0, v->span);
}

/* A number or a numeric string; false when unknown or not a number. */
static bool num_of(const struct zl_hv *v, double *out)
{
    if (!v)
        return false;
    if (v->kind == ZL_HV_NUM) {
        *out = v->num;
        return true;
    }
    if (v->kind == ZL_HV_STR && v->len) {
        char *e;
        double x = strtod(v->s, &e);
        if (*e == '\0') {
            *out = x;
            return true;
        }
    }
    return false;
}

/* 1: *ttl set; 0: not known here (the record is not evaluated); -1: not a
 * TTL (reported). */
static int ttl_of(struct rec_ctx *c, const struct zl_hv *v, uint32_t *ttl)
{
    double x;
    if (!num_of(v, &x)) {
        if (v && v->kind != ZL_HV_UNKNOWN && v->kind != ZL_HV_NULL) {
            zl_fmt_error(c->X->f, &v->span, "ttl is not a number of seconds");
            return -1;
        }
        not_evaluated(c, "ttl");
        return 0;
    }
    if (x < 0 || x > 4294967295.0 || x != floor(x)) {
        zl_fmt_error(c->X->f, &v->span, "ttl %g is not a number of seconds (0-4294967295)", x);
        return -1;
    }
    *ttl = (uint32_t)x;
    return 1;
}

static bool type_of(struct rec_ctx *c, const struct zl_hv *v, uint16_t *type)
{
    if (!known_str(v))
        return false;
    int t = v->len ? zl_type_from_text(v->s, v->len) : -1;
    if (t < 0) {
        zl_fmt_error(c->X->f, &v->span, "unknown record type '%.*s'", (int)(v->len > 60 ? 60 : v->len), v->s);
        return false;
    }
    *type = (uint16_t)t;
    return true;
}

/* The owner: a presentation-format name text made absolute (no origin
 * appended here: the provider's rule has been applied). */
static bool owner_of(struct rec_ctx *c, struct zl_fmt_owner *o, const char *fqdn, size_t len,
                     const struct zl_hv *written, uint32_t flags)
{
    memset(o, 0, sizeof *o);
    o->text = written->s;
    o->len = written->len;
    o->span = zl_hv_sub_span(written, 0, written->len, written->span);
    o->flags = flags;
    struct zl_name root;
    zl_name_root(&root);
    char buf[ZL_NAME_TEXT_MAX + 2];
    if (len > ZL_NAME_TEXT_MAX) {
        zl_fmt_error(c->X->f, &o->span, "name of %zu characters is longer than a domain name can be", len);
        return false;
    }
    memcpy(buf, fqdn, len);
    if (len == 0 || buf[len - 1] != '.')
        buf[len++] = '.';
    enum zl_name_status st = zl_name_from_text(&o->name, buf, len, &root, NULL);
    if (st != ZL_NAME_OK) {
        zl_fmt_error(c->X->f, &o->span, "name '%.*s' is not a valid domain name: %s", (int)(len > 80 ? 80 : len),
                     buf, zl_name_status_text(st));
        return false;
    }
    return true;
}

static void zone_text(const struct rec_ctx *c, char *out)
{
    size_t n = zl_name_to_text(&c->zone, out);
    if (n > 1 && out[n - 1] == '.')
        out[n - 1] = '\0';
    if (c->zone.nlabels == 0)
        out[0] = '\0';
}

/* The zone's name, when the record's zone attribute gives it (set by
 * zl_tf_map_instance from the zone key). */
static void find_zone(struct rec_ctx *c, const struct zl_tf_zone_key *k)
{
    c->have_zone = k->kind == ZL_TF_ZONE_NAME;
    if (c->have_zone)
        c->zone = k->name;
}

/* A name as written that reads as fully qualified: a trailing dot, or a
 * last label that is a top-level domain (libpsl's built-in list: "com",
 * not "_dmarc" or "www"). */
static bool looks_qualified(const char *s, size_t n)
{
    if (n && s[n - 1] == '.')
        return true;
    size_t a = n;
    while (a > 0 && s[a - 1] != '.')
        a--;
    char low[64];
    if (a == 0 || n - a < 2 || n - a >= sizeof low)
        return false;
    for (size_t i = a; i < n; i++)
        low[i - a] = (char)tolower((unsigned char)s[i]);
    low[n - a] = '\0';
    return psl_is_public_suffix2(psl_builtin(), low, PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) != 0;
}

static int emit_record(struct rec_ctx *c, const struct zl_fmt_owner *o, uint16_t type, struct zl_span tspan,
                       uint32_t ttl, bool names_absolute, const struct zl_name *rdata_origin)
{
    struct zl_fmt *f = c->X->f;
    struct zl_name root;
    zl_name_root(&root);
    if (c->have_zone) {
        f->origin = c->zone;
        f->have_origin = true;
    } else {
        f->have_origin = false;
    }
    /* Names the provider completes with a zone not known here: what a rule
     * reads as the domain is not there. */
    struct zl_fmt_owner unk;
    if (!c->have_zone && c->names_relative && !looks_qualified(o->text, o->len)) {
        unk = *o;
        unk.flags |= ZL_OWNER_ZONE_UNKNOWN;
        o = &unk;
    }
    if (c->have_zone && !zl_name_is_subdomain(&o->name, &c->zone)) {
        char on[ZL_NAME_TEXT_MAX], zn[ZL_NAME_TEXT_MAX];
        zl_name_to_text(&o->name, on);
        zl_name_to_text(&c->zone, zn);
        zl_fmt_error(f, &o->span, "'%s' is not in its zone '%s': Terraform's apply fails for this record", on, zn);
        return -1;
    }
    int rc = zl_fmt_record(f, o, type, tspan, ttl, ZL_TTL_EXPLICIT, rdata_origin ? rdata_origin : &root,
                           names_absolute);
    if (rc == 0 && (o->flags & ZL_OWNER_ZONE_UNKNOWN))
        c->X->zone_unknown++;
    return rc;
}

static bool lower_eq_suffix(const char *s, size_t n, const char *suf, size_t m)
{
    return m <= n && !strncasecmp(s + n - m, suf, m);
}

/* ---- aws_route53_record ----------------------------------------------------------
 * terraform-provider-aws internal/service/route53/record.go: expandRecordName
 * lower-cases the name and strips one trailing dot, then appends the zone's
 * name unless the name already ends with it (strings.HasSuffix: as a string,
 * not by labels); an empty name is the apex. records.go: flattenTxtEntry
 * sends each TXT/SPF value as "%s" (quotes added, nothing escaped). */

/* A TXT value as Route 53 receives it: "%s". Where the value holds "" or
 * " " (closing one string and opening the next, the way to write more than
 * 255 characters) it is several strings; any other '"' is a character of
 * the text, published as such; a backslash escapes the next character. */
static void tok_route53_txt(struct rec_ctx *c, const struct zl_hv *v)
{
    struct zl_buf t = { 0 };
    size_t start = 0;
    for (size_t i = 0; i <= v->len; i++) {
        bool end = i == v->len;
        size_t j = i + 1;
        if (!end && v->s[i] == '"')
            while (j < v->len && (v->s[j] == ' ' || v->s[j] == '\t'))
                j++;
        if (end || (v->s[i] == '"' && j < v->len && v->s[j] == '"')) {
            zl_fmt_tok(c->X->f, t.data ? (const char *)t.data : "", t.len, ZL_TOK_QUOTED,
                       zl_hv_sub_span(v, start, i > start ? i : start + 1, v->span));
            t.len = 0;
            start = j + 1;
            i = j;
            continue;
        }
        if (v->s[i] == '\\' && i + 1 < v->len) {
            zl_buf_put(&t, v->s + i, 2);
            i++;
        } else if (v->s[i] == '"') {
            zl_buf_put(&t, "\\\"", 2);
        } else {
            zl_buf_put(&t, v->s + i, 1);
        }
    }
    zl_buf_free(&t);
}

static void map_route53(struct rec_ctx *c)
{
    const struct zl_hv *o = c->obj;
    const struct zl_hv *name = get(o, "name"), *typ = get(o, "type");
    const struct zl_hv *alias = block(o, "alias");
    if (alias && alias->kind != ZL_HV_NULL)
        return; /* alias records: no TTL, no values of their own */
    if (!known_str(name) || !known_str(typ))
        return not_evaluated(c, !known_str(name) ? "name" : "type");
    uint16_t type;
    if (!type_of(c, typ, &type))
        return;
    struct zl_span tspan = zl_hv_sub_span(typ, 0, typ->len, typ->span);
    /* the provider's name rule */
    char fq[2 * ZL_NAME_TEXT_MAX + 4];
    size_t n = name->len;
    if (n > ZL_NAME_TEXT_MAX)
        n = ZL_NAME_TEXT_MAX;
    for (size_t i = 0; i < n; i++)
        fq[i] = (char)tolower((unsigned char)name->s[i]);
    if (n && fq[n - 1] == '.')
        n--;
    uint32_t flags = ZL_OWNER_ABSOLUTE;
    if (c->have_zone) {
        char z[ZL_NAME_TEXT_MAX];
        zone_text(c, z);
        size_t zl = strlen(z);
        if (name->len == 0) {
            memcpy(fq, z, zl);
            n = zl;
            flags = ZL_OWNER_AT;
        } else if (!lower_eq_suffix(fq, n, z, zl)) {
            fq[n++] = '.';
            memcpy(fq + n, z, zl);
            n += zl;
            flags = ZL_OWNER_RELATIVE;
        }
    } else if (name->len == 0) {
        return not_evaluated(c, "zone_id"); /* the apex of a zone not known here */
    }
    struct zl_fmt_owner ow;
    if (!owner_of(c, &ow, fq, n, name, flags))
        return;
    if (name->len == 1 && name->s[0] == '@') {
        char on[ZL_NAME_TEXT_MAX];
        zl_name_to_text(&ow.name, on);
        zl_fmt_report(c->X->f, ZL_RULE_ZL2106, &ow.span,
                      "Route 53 has no '@': this creates a record named '%s', not one at the zone's apex; "
                      "write name = \"\" or the zone's name", on);
    }
    const struct zl_hv *sid = get(o, "set_identifier");
    if (known_str(sid) && sid->len) {
        ow.set_id = sid->s;
        ow.set_id_len = sid->len;
    }
    const struct zl_hv *recs = get(o, "records"), *ttlv = get(o, "ttl");
    if (absent(recs))
        return not_evaluated(c, "records"); /* a plan leaves out what is known only after apply */
    if (recs->kind != ZL_HV_LIST || zl_hv_has_unknown(recs))
        return not_evaluated(c, "records");
    uint32_t ttl;
    if (absent(ttlv)) {
        zl_fmt_error(c->X->f, &name->span, "aws_route53_record has records but no ttl (Route 53 requires one)");
        return;
    }
    if (ttl_of(c, ttlv, &ttl) <= 0)
        return;
    for (uint32_t i = 0; i < recs->n; i++) {
        const struct zl_hv *v = zl_hv_to_str(c->X->E, recs->items[i]);
        if (!v) {
            zl_fmt_error(c->X->f, &recs->items[i]->span, "a value in records must be a string");
            continue;
        }
        zl_fmt_clear(c->X->f);
        int bad = 0;
        if (type == ZL_T_TXT || type == ZL_T_SPF) {
            tok_route53_txt(c, v);
        } else {
            bad = tok_presentation(c, v->s, v->len, v, 0);
        }
        if (!bad)
            emit_record(c, &ow, type, tspan, ttl, true, NULL);
    }
}

/* ---- cloudflare_record (v4) and cloudflare_dns_record (v5) -----------------------
 * Cloudflare's API takes the name relative to the zone or fully qualified
 * ("@" is the apex) and appends the zone to a name outside it. content (v4
 * also value) is the record's content: for TXT, a text that Cloudflare
 * splits into strings of 255; written as quoted strings, those strings.
 * priority is separate for MX; SRV and CAA may come as data. proxied is
 * carried as the comment Cloudflare's zone export writes
 * ("cf_tags=cf-proxied:true") for the proxy rule. */

static void map_cloudflare(struct rec_ctx *c)
{
    const struct zl_hv *o = c->obj;
    const struct zl_hv *name = get(o, "name"), *typ = get(o, "type");
    /* v4 state carries both value (deprecated) and content; one may be empty */
    const struct zl_hv *content = get(o, "content"), *value = get(o, "value");
    if (absent(content) || (known_str(content) && content->len == 0 && known_str(value) && value->len))
        content = value;
    if (!known_str(name) || !known_str(typ))
        return not_evaluated(c, !known_str(name) ? "name" : "type");
    uint16_t type;
    if (!type_of(c, typ, &type))
        return;
    struct zl_span tspan = zl_hv_sub_span(typ, 0, typ->len, typ->span);
    char fq[2 * ZL_NAME_TEXT_MAX + 4];
    size_t n = name->len > ZL_NAME_TEXT_MAX ? ZL_NAME_TEXT_MAX : name->len;
    memcpy(fq, name->s, n);
    if (n && fq[n - 1] == '.')
        n--;
    uint32_t flags = ZL_OWNER_ABSOLUTE;
    bool at = n == 1 && fq[0] == '@';
    if (c->have_zone) {
        char z[ZL_NAME_TEXT_MAX];
        zone_text(c, z);
        size_t zl = strlen(z);
        if (at || n == 0) {
            memcpy(fq, z, zl);
            n = zl;
            flags = ZL_OWNER_AT;
        } else if (!(n == zl && !strncasecmp(fq, z, zl)) &&
                   !(n > zl && fq[n - zl - 1] == '.' && lower_eq_suffix(fq, n, z, zl))) {
            fq[n++] = '.';
            memcpy(fq + n, z, zl);
            n += zl;
            flags = ZL_OWNER_RELATIVE;
        }
    } else if (at || n == 0) {
        return not_evaluated(c, "zone_id"); /* the apex of a zone not known here */
    }
    struct zl_fmt_owner ow;
    if (!owner_of(c, &ow, fq, n, name, flags))
        return;
    ow.served_by = ZL_SERVED_CLOUDFLARE;
    const struct zl_hv *px = get(o, "proxied");
    if (px && px->kind == ZL_HV_BOOL) {
        ow.comment = px->b ? "cf_tags=cf-proxied:true" : "cf_tags=cf-proxied:false";
        ow.comment_len = strlen(ow.comment);
        ow.comment_span = px->span;
    } else if (px && px->kind == ZL_HV_UNKNOWN && (type == ZL_T_CNAME || type == ZL_T_A || type == ZL_T_AAAA)) {
        return not_evaluated(c, "proxied");
    }
    uint32_t ttl = 300; /* ttl 1 (or none): "automatic", 300 seconds */
    const struct zl_hv *ttlv = get(o, "ttl");
    if (!absent(ttlv)) {
        if (ttl_of(c, ttlv, &ttl) <= 0)
            return;
        if (ttl == 1)
            ttl = 300;
    }
    const struct zl_hv *prio = get(o, "priority");
    const struct zl_hv *data = block(o, "data");
    struct zl_fmt *f = c->X->f;
    zl_fmt_clear(f);
    if (absent(content) && data && data->kind == ZL_HV_MAP && (type == ZL_T_SRV || type == ZL_T_CAA)) {
        static const char *const srv[] = { "priority", "weight", "port", "target" };
        static const char *const caa[] = { "flags", "tag", "value" };
        const char *const *keys = type == ZL_T_SRV ? srv : caa;
        size_t nk = type == ZL_T_SRV ? 4 : 3;
        for (size_t i = 0; i < nk; i++) {
            const struct zl_hv *v = get(data, keys[i]);
            double x;
            if (num_of(v, &x) && v->kind == ZL_HV_NUM)
                tok_num(c, v);
            else if (known_str(v))
                zl_fmt_tok(f, v->s, v->len, type == ZL_T_CAA && i == 2 ? ZL_TOK_QUOTED : 0,
                           zl_hv_sub_span(v, 0, v->len, v->span));
            else
                return not_evaluated(c, "data");
        }
        emit_record(c, &ow, type, tspan, ttl, true, NULL);
        return;
    }
    if (!known_str(content))
        return not_evaluated(c, value == content ? "value" : "content");
    if (type == ZL_T_MX || type == ZL_T_URI) {
        double x;
        if (absent(prio)) {
            zl_fmt_error(f, &content->span, "%s record without priority: Cloudflare requires one",
                         type == ZL_T_MX ? "MX" : "URI");
            return;
        }
        if (!num_of(prio, &x))
            return not_evaluated(c, "priority");
        char buf[32];
        int k = snprintf(buf, sizeof buf, "%.0f", x);
        zl_fmt_tok(f, buf, (size_t)k, 0, prio->span);
    }
    if (type == ZL_T_TXT || type == ZL_T_SPF) {
        size_t b = 0;
        while (b < content->len && content->s[b] == ' ')
            b++;
        if (b < content->len && content->s[b] == '"')
            tok_value(c, content);
        else
            tok_raw_text(c, content);
    } else {
        tok_value(c, content);
    }
    emit_record(c, &ow, type, tspan, ttl, true, NULL);
}

/* ---- google_dns_record_set ------------------------------------------------------
 * The Google provider's google_dns_record_set: name is the fully qualified
 * name with its trailing dot; rrdatas are Cloud DNS values in presentation
 * format (TXT quoted as in zone files). */

static void map_google(struct rec_ctx *c)
{
    const struct zl_hv *o = c->obj;
    const struct zl_hv *name = get(o, "name"), *typ = get(o, "type"), *rr = get(o, "rrdatas");
    if (!known_str(name) || !known_str(typ))
        return not_evaluated(c, !known_str(name) ? "name" : "type");
    uint16_t type;
    if (!type_of(c, typ, &type))
        return;
    if (absent(rr))
        return; /* routing_policy sets: no plain values */
    if (rr->kind != ZL_HV_LIST || zl_hv_has_unknown(rr))
        return not_evaluated(c, "rrdatas");
    uint32_t ttl;
    const struct zl_hv *ttlv = get(o, "ttl");
    if (absent(ttlv))
        ttl = 300;
    else if (ttl_of(c, ttlv, &ttl) <= 0)
        return;
    struct zl_fmt_owner ow;
    if (!owner_of(c, &ow, name->s, name->len, name, ZL_OWNER_ABSOLUTE))
        return;
    struct zl_span tspan = zl_hv_sub_span(typ, 0, typ->len, typ->span);
    for (uint32_t i = 0; i < rr->n; i++) {
        const struct zl_hv *v = zl_hv_to_str(c->X->E, rr->items[i]);
        if (!v)
            continue;
        zl_fmt_clear(c->X->f);
        if (tok_value(c, v) == 0)
            emit_record(c, &ow, type, tspan, ttl, true, NULL);
    }
}

/* ---- azurerm_dns_*_record ------------------------------------------------------
 * azurerm: name is relative to zone_name ("@" is the apex); A, AAAA, NS,
 * PTR take records (a list), CNAME record (a string), MX/SRV/TXT/CAA
 * record blocks (preference+exchange, priority+weight+port+target, value,
 * flags+tag+value). TXT values are plain text, split at 255. */

static void map_azure(struct rec_ctx *c, uint16_t type)
{
    const struct zl_hv *o = c->obj;
    const struct zl_hv *name = get(o, "name");
    /* azurerm_dns_mx_record: "name - (Optional) ... Defaults to @ (root)"
     * (the azurerm docs); every other azurerm_dns_*_record requires it. */
    struct zl_hv at_apex;
    if (absent(name) && type == ZL_T_MX) {
        memset(&at_apex, 0, sizeof at_apex);
        at_apex.kind = ZL_HV_STR;
        at_apex.s = "@";
        at_apex.len = 1;
        at_apex.span = c->at;
        name = &at_apex;
    }
    if (!known_str(name) || !c->have_zone)
        return not_evaluated(c, !c->have_zone ? "zone_name" : "name");
    char fq[2 * ZL_NAME_TEXT_MAX + 4], z[ZL_NAME_TEXT_MAX];
    zone_text(c, z);
    size_t n = 0, zl = strlen(z);
    uint32_t flags = ZL_OWNER_RELATIVE;
    if (name->len == 1 && name->s[0] == '@') {
        memcpy(fq, z, zl);
        n = zl;
        flags = ZL_OWNER_AT;
    } else {
        n = name->len > ZL_NAME_TEXT_MAX ? ZL_NAME_TEXT_MAX : name->len;
        memcpy(fq, name->s, n);
        fq[n++] = '.';
        memcpy(fq + n, z, zl);
        n += zl;
    }
    struct zl_fmt_owner ow;
    if (!owner_of(c, &ow, fq, n, name, flags))
        return;
    uint32_t ttl;
    if (ttl_of(c, get(o, "ttl"), &ttl) <= 0)
        return;
    struct zl_fmt *f = c->X->f;
    struct zl_span tspan = name->span;
    if (type == ZL_T_CNAME) {
        const struct zl_hv *r = get(o, "record");
        if (absent(r))
            return; /* target_resource_id: an Azure resource, no value here */
        if (!known_str(r))
            return not_evaluated(c, "record");
        zl_fmt_clear(f);
        tok_value(c, r);
        emit_record(c, &ow, type, tspan, ttl, true, NULL);
        return;
    }
    if (type == ZL_T_A || type == ZL_T_AAAA || type == ZL_T_NS || type == ZL_T_PTR) {
        const struct zl_hv *r = get(o, "records");
        if (absent(r))
            return;
        if (r->kind != ZL_HV_LIST || zl_hv_has_unknown(r))
            return not_evaluated(c, "records");
        for (uint32_t i = 0; i < r->n; i++) {
            if (!known_str(r->items[i]))
                continue;
            zl_fmt_clear(f);
            tok_value(c, r->items[i]);
            emit_record(c, &ow, type, tspan, ttl, true, NULL);
        }
        return;
    }
    const struct zl_hv *r = get(o, "record");
    if (!r)
        return;
    const struct zl_hv *one[1] = { r };
    const struct zl_hv *const *items = r->kind == ZL_HV_LIST ? (const struct zl_hv *const *)r->items : one;
    uint32_t count = r->kind == ZL_HV_LIST ? r->n : 1;
    if (zl_hv_has_unknown(r))
        return not_evaluated(c, "record");
    static const char *const mx[] = { "preference", "exchange" };
    static const char *const srv[] = { "priority", "weight", "port", "target" };
    static const char *const caa[] = { "flags", "tag", "value" };
    for (uint32_t i = 0; i < count; i++) {
        const struct zl_hv *b = items[i];
        if (b->kind != ZL_HV_MAP)
            continue;
        zl_fmt_clear(f);
        if (type == ZL_T_TXT) {
            const struct zl_hv *v = get(b, "value");
            if (!known_str(v))
                continue;
            tok_raw_text(c, v);
        } else {
            const char *const *keys = type == ZL_T_MX ? mx : type == ZL_T_SRV ? srv : caa;
            size_t nk = type == ZL_T_MX ? 2 : type == ZL_T_SRV ? 4 : 3;
            for (size_t k = 0; k < nk; k++) {
                const struct zl_hv *v = get(b, keys[k]);
                if (v && v->kind == ZL_HV_NUM)
                    tok_num(c, v);
                else if (known_str(v))
                    zl_fmt_tok(f, v->s, v->len, type == ZL_T_CAA && k == 2 ? ZL_TOK_QUOTED : 0,
                               zl_hv_sub_span(v, 0, v->len, v->span));
                else
                    return;
            }
        }
        emit_record(c, &ow, type, tspan, ttl, true, NULL);
    }
}

static void map_azure_a(struct rec_ctx *c) { map_azure(c, ZL_T_A); }
static void map_azure_aaaa(struct rec_ctx *c) { map_azure(c, ZL_T_AAAA); }
static void map_azure_caa(struct rec_ctx *c) { map_azure(c, ZL_T_CAA); }
static void map_azure_cname(struct rec_ctx *c) { map_azure(c, ZL_T_CNAME); }
static void map_azure_mx(struct rec_ctx *c) { map_azure(c, ZL_T_MX); }
static void map_azure_ns(struct rec_ctx *c) { map_azure(c, ZL_T_NS); }
static void map_azure_ptr(struct rec_ctx *c) { map_azure(c, ZL_T_PTR); }
static void map_azure_srv(struct rec_ctx *c) { map_azure(c, ZL_T_SRV); }
static void map_azure_txt(struct rec_ctx *c) { map_azure(c, ZL_T_TXT); }

/* ---- digitalocean_record ------------------------------------------------------
 * DigitalOcean: domain is the zone, name relative to it ("@" the apex);
 * value is the data: for CNAME, MX, NS and SRV a host name, fully qualified
 * with a trailing dot or "@" for the domain itself; priority, weight, port
 * and flags/tag are separate attributes. ttl defaults to 1800. */

static void map_digitalocean(struct rec_ctx *c)
{
    const struct zl_hv *o = c->obj;
    const struct zl_hv *name = get(o, "name"), *typ = get(o, "type"), *val = get(o, "value");
    if (!known_str(name) || !known_str(typ) || !c->have_zone)
        return not_evaluated(c, !c->have_zone ? "domain" : !known_str(name) ? "name" : "type");
    uint16_t type;
    if (!type_of(c, typ, &type))
        return;
    char fq[2 * ZL_NAME_TEXT_MAX + 4], z[ZL_NAME_TEXT_MAX];
    zone_text(c, z);
    size_t n, zl = strlen(z);
    uint32_t flags = ZL_OWNER_RELATIVE;
    if (name->len == 1 && name->s[0] == '@') {
        memcpy(fq, z, zl);
        n = zl;
        flags = ZL_OWNER_AT;
    } else {
        n = name->len > ZL_NAME_TEXT_MAX ? ZL_NAME_TEXT_MAX : name->len;
        memcpy(fq, name->s, n);
        fq[n++] = '.';
        memcpy(fq + n, z, zl);
        n += zl;
    }
    struct zl_fmt_owner ow;
    if (!owner_of(c, &ow, fq, n, name, flags))
        return;
    uint32_t ttl = 1800;
    const struct zl_hv *ttlv = get(o, "ttl");
    if (!absent(ttlv) && ttl_of(c, ttlv, &ttl) <= 0)
        return;
    if (!known_str(val))
        return not_evaluated(c, "value");
    struct zl_fmt *f = c->X->f;
    zl_fmt_clear(f);
    static const char *const pre_mx[] = { "priority" };
    static const char *const pre_srv[] = { "priority", "weight", "port" };
    static const char *const pre_caa[] = { "flags", "tag" };
    const char *const *pre = NULL;
    size_t np = 0;
    if (type == ZL_T_MX) { pre = pre_mx; np = 1; }
    if (type == ZL_T_SRV) { pre = pre_srv; np = 3; }
    if (type == ZL_T_CAA) { pre = pre_caa; np = 2; }
    for (size_t i = 0; i < np; i++) {
        const struct zl_hv *v = get(o, pre[i]);
        if (v && v->kind == ZL_HV_NUM)
            tok_num(c, v);
        else if (known_str(v))
            zl_fmt_tok(f, v->s, v->len, 0, v->span);
        else if (absent(v)) {
            zl_fmt_error(f, &val->span, "%s record without %s: DigitalOcean requires it", typ->s, pre[i]);
            return;
        } else
            return not_evaluated(c, pre[i]);
    }
    bool host = type == ZL_T_CNAME || type == ZL_T_MX || type == ZL_T_NS || type == ZL_T_SRV;
    struct zl_name origin = c->zone;
    if (type == ZL_T_TXT || type == ZL_T_CAA) {
        if (type == ZL_T_CAA)
            zl_fmt_tok(f, val->s, val->len, ZL_TOK_QUOTED, zl_hv_sub_span(val, 0, val->len, val->span));
        else
            tok_raw_text(c, val);
    } else if (host && val->len == 1 && val->s[0] == '@') {
        char zt[ZL_NAME_TEXT_MAX + 1];
        size_t k = (size_t)snprintf(zt, sizeof zt, "%s.", z);
        zl_fmt_tok(f, zt, k, 0, val->span);
    } else {
        tok_value(c, val);
    }
    emit_record(c, &ow, type, name->span, ttl, false, &origin);
}

/* ---- the table ------------------------------------------------------------------ */

/* zone: the attribute that says which zone a record is in; zone_is_name:
 * it holds the zone's name (else an id, whose zone a zone resource or data
 * source may name); relative: the provider completes record names with
 * the zone. */
static const struct mapper {
    const char *type;
    void (*map)(struct rec_ctx *c);
    const char *zone;
    bool zone_is_name, relative;
} mappers[] = {
    { "aws_route53_record", map_route53, "zone_id", false, true },
    { "cloudflare_record", map_cloudflare, "zone_id", false, true },
    { "cloudflare_dns_record", map_cloudflare, "zone_id", false, true },
    { "google_dns_record_set", map_google, "managed_zone", false, false },
    { "azurerm_dns_a_record", map_azure_a, "zone_name", true, true },
    { "azurerm_dns_aaaa_record", map_azure_aaaa, "zone_name", true, true },
    { "azurerm_dns_caa_record", map_azure_caa, "zone_name", true, true },
    { "azurerm_dns_cname_record", map_azure_cname, "zone_name", true, true },
    { "azurerm_dns_mx_record", map_azure_mx, "zone_name", true, true },
    { "azurerm_dns_ns_record", map_azure_ns, "zone_name", true, true },
    { "azurerm_dns_ptr_record", map_azure_ptr, "zone_name", true, true },
    { "azurerm_dns_srv_record", map_azure_srv, "zone_name", true, true },
    { "azurerm_dns_txt_record", map_azure_txt, "zone_name", true, true },
    { "digitalocean_record", map_digitalocean, "domain", true, true },
};

static const struct mapper *mapper_of(const char *type, size_t len)
{
    for (size_t i = 0; i < sizeof mappers / sizeof mappers[0]; i++)
        if (strlen(mappers[i].type) == len && !memcmp(mappers[i].type, type, len))
            return &mappers[i];
    return NULL;
}

bool zl_tf_is_record_type(const char *type, size_t len)
{
    return mapper_of(type, len) != NULL;
}

/* Words of a resource type that say it is a DNS record. */
static bool word_is(const char *w, size_t n, const char *lit)
{
    return strlen(lit) == n && !memcmp(w, lit, n);
}

bool zl_tf_is_unmapped_dns_type(const char *type, size_t len)
{
    if (mapper_of(type, len))
        return false;
    /* PROVIDER_..._record_... with "dns", "domain" or "zone" in it, or
     * the record right after the provider: njalla_record_txt,
     * cloudns_dns_record, hetznerdns_record, dns_a_record_set,
     * linode_domain_record, ovh_domain_zone_record, azurerm_private_dns_a_record. */
    bool record = false, dnsish = false, first_is_record = false;
    size_t i = 0, k = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && type[j] != '_')
            j++;
        const char *w = type + i;
        size_t n = j - i;
        bool rec = word_is(w, n, "record") || word_is(w, n, "records") || word_is(w, n, "recordset") ||
                   word_is(w, n, "rrset");
        if (k == 0) {
            for (size_t q = 0; q + 3 <= n; q++)
                if (!strncasecmp(w + q, "dns", 3))
                    dnsish = true;
        } else {
            record = record || rec;
            first_is_record = first_is_record || (k == 1 && rec);
            if (word_is(w, n, "domain") || word_is(w, n, "zone"))
                dnsish = true;
            for (size_t q = 0; q + 3 <= n; q++)
                if (!strncasecmp(w + q, "dns", 3))
                    dnsish = true;
        }
        k++;
        i = j + 1;
    }
    return record && (dnsish || first_is_record);
}

void zl_tf_zone_of(const struct zl_tf_emit *X, const char *type, size_t len, const struct zl_hv *inst,
                   struct zl_tf_zone_key *k)
{
    memset(k, 0, sizeof *k);
    const struct mapper *m = mapper_of(type, len);
    const struct zl_hv *v = m && inst && inst->kind == ZL_HV_MAP ? get(inst, m->zone) : NULL;
    const struct zl_hv *name = !v ? NULL : m->zone_is_name ? v : v->zone;
    struct zl_name root;
    zl_name_root(&root);
    if (name && name->kind == ZL_HV_STR && name->len &&
        zl_name_from_text(&k->name, name->s, name->len, &root, NULL) == ZL_NAME_OK) {
        k->kind = ZL_TF_ZONE_NAME;
    } else if (X->f->opts->origin && !X->f->opts->origin_is_guess) {
        /* --origin stands in for a zone not known here (not a guess from
         * the file name: "main.tf" is no zone) */
        k->kind = ZL_TF_ZONE_NAME;
        k->name = *X->f->opts->origin;
    } else if (v && v->kind == ZL_HV_STR) {
        k->kind = ZL_TF_ZONE_ID;
        k->id = v->s;
        k->idlen = v->len;
    } else if (v && v->kind == ZL_HV_UNKNOWN) {
        /* One value known only at apply time, wherever it is used (a
         * variable, a data source's id): the same zone, whatever it is. */
        k->kind = ZL_TF_ZONE_VALUE;
        k->value = v;
    } else {
        k->kind = ZL_TF_ZONE_NONE;
    }
    if (k->kind != ZL_TF_ZONE_NAME && m)
        k->attr = m->zone;
}

bool zl_tf_zone_key_equal(const struct zl_tf_zone_key *a, const struct zl_tf_zone_key *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case ZL_TF_ZONE_NAME:
        return zl_name_equal(&a->name, &b->name);
    case ZL_TF_ZONE_ID:
        return a->idlen == b->idlen && !memcmp(a->id, b->id, a->idlen);
    case ZL_TF_ZONE_VALUE:
        return a->value == b->value;
    default:
        return true;
    }
}

const char *zl_tf_map_instance(struct zl_tf_emit *X, const char *type, size_t len, const struct zl_hv *inst,
                               struct zl_span at)
{
    const struct mapper *m = mapper_of(type, len);
    if (!m)
        return NULL;
    if (!inst || inst->kind != ZL_HV_MAP)
        return "its values";
    struct rec_ctx c;
    memset(&c, 0, sizeof c);
    c.X = X;
    c.obj = inst;
    c.at = at;
    c.names_relative = m->relative;
    struct zl_tf_zone_key k;
    zl_tf_zone_of(X, type, len, inst, &k);
    find_zone(&c, &k);
    m->map(&c);
    return c.partial ? (c.why ? c.why : "a value") : NULL;
}
/* The zone name a Cloudflare zone look-up's filter selects, when it can
 * select only that one: v5 data "cloudflare_zone" filter = { name = ... }
 * (docs/data-sources/zone.md: name with the default "equal" operator;
 * "contains:x", "starts_with:x" ... are searches), and v4 data
 * "cloudflare_zones" filter { name = ... } (lookup_type "exact", the
 * default). NULL otherwise. */
static const struct zl_hv *cloudflare_filter_name(const struct zl_hv *filter, bool v4)
{
    if (!filter || filter->kind != ZL_HV_MAP)
        return NULL;
    const struct zl_hv *nm = get(filter, "name");
    if (!known_str(nm) || !nm->len || memchr(nm->s, ':', nm->len))
        return NULL;
    if (v4) {
        const struct zl_hv *lt = get(filter, "lookup_type");
        if (!absent(lt) && !(known_str(lt) && lt->len == 5 && !memcmp(lt->s, "exact", 5)))
            return NULL;
    } else {
        /* match = "any": the name or another criterion */
        const struct zl_hv *mt = get(filter, "match");
        bool other = get(filter, "status") || get(filter, "account");
        if (other && !absent(mt) && !(known_str(mt) && mt->len == 3 && !memcmp(mt->s, "all", 3)))
            return NULL;
    }
    return nm;
}

/* An unknown id that stands for the zone named nm. */
static struct zl_hv *zone_id_for(struct zl_hcl_eval *E, const struct zl_hv *nm, struct zl_span at)
{
    struct zl_hv *u = zl_hv_new(E, ZL_HV_UNKNOWN, at);
    u->zone = nm && nm->kind == ZL_HV_STR ? nm : NULL;
    return u;
}

/* Computed attributes that name a zone: a record's zone_id refers to the
 * zone resource, whose name is known when written. */
void zl_tf_computed(struct zl_hcl_eval *E, const char *type, size_t tlen, bool data, struct zl_hv *inst)
{
    const char *name_attr = NULL;
    const char *ids[2] = { "id", NULL };
    const struct zl_hv *nm = NULL;
    if (tlen == 16 && !memcmp(type, "aws_route53_zone", 16)) {
        name_attr = "name";
        ids[1] = "zone_id";
        /* data "aws_route53_zone" looked up by zone_id: its name is that zone's */
        const struct zl_hv *zid = zl_hv_get(inst, "zone_id", 7);
        if (data && !zl_hv_get(inst, "name", 4) && zid && zid->zone)
            zl_hv_put(E, inst, "name", 4, zid->zone);
    } else if (tlen == 15 && !memcmp(type, "cloudflare_zone", 15)) {
        name_attr = zl_hv_get(inst, "zone", 4) ? "zone" : "name";
        ids[1] = "zone_id";
        /* v5 data source: name is read-only; the look-up is filter.name */
        if (data && !zl_hv_get(inst, "name", 4) && !zl_hv_get(inst, "zone_id", 7)) {
            nm = cloudflare_filter_name(block(inst, "filter"), false);
            if (nm)
                zl_hv_put(E, inst, "name", 4, nm);
        }
    } else if (tlen == 16 && !memcmp(type, "cloudflare_zones", 16) && data) {
        /* v4: zones = [{ id, name }] of the zones the filter selects */
        nm = cloudflare_filter_name(block(inst, "filter"), true);
        if (nm && !zl_hv_get(inst, "zones", 5)) {
            struct zl_hv *z = zl_hv_new(E, ZL_HV_MAP, inst->span);
            zl_hv_put(E, z, "id", 2, zone_id_for(E, nm, inst->span));
            zl_hv_put(E, z, "name", 4, nm);
            zl_hv_map_done(z);
            struct zl_hv *list = zl_hv_new(E, ZL_HV_LIST, inst->span);
            zl_hv_push(E, list, z);
            zl_hv_put(E, inst, "zones", 5, list);
        }
        zl_hv_map_done(inst);
        return;
    } else if (tlen == 23 && !memcmp(type, "google_dns_managed_zone", 23)) {
        /* a record's managed_zone is the zone's name (its label in Cloud
         * DNS); dns_name is the domain */
        const struct zl_hv *zn = zl_hv_get(inst, "name", 4), *dn = zl_hv_get(inst, "dns_name", 8);
        if (known_str(zn) && known_str(dn)) {
            struct zl_hv *copy = zl_hv_new(E, ZL_HV_STR, zn->span);
            *copy = *zn;
            copy->zone = dn;
            zl_hv_put(E, inst, "name", 4, copy);
        }
        zl_hv_map_done(inst);
        return;
    } else if (tlen == 19 && !memcmp(type, "digitalocean_domain", 19)) {
        const struct zl_hv *dnm = zl_hv_get(inst, "name", 4);
        if (dnm && !zl_hv_get(inst, "id", 2))
            zl_hv_put(E, inst, "id", 2, dnm); /* a domain's id is its name */
        zl_hv_map_done(inst);
        return;
    } else {
        return;
    }
    nm = zl_hv_get(inst, name_attr, strlen(name_attr));
    for (int i = 0; i < 2; i++) {
        if (!ids[i] || zl_hv_get(inst, ids[i], strlen(ids[i])))
            continue;
        zl_hv_put(E, inst, ids[i], strlen(ids[i]), zone_id_for(E, nm, inst->span));
    }
    zl_hv_map_done(inst);
}
