/* SPDX-License-Identifier: MIT */
/* Record building for the structured readers. */
#include "input/exports/emit.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/fileio.h"
#include "base/ttl.h"
#include "rdata/types.h"

#define DEFAULT_MAX_ERRORS 100


void zl_fmt_error(struct zl_fmt *f, const struct zl_span *s, const char *fmt, ...)
{
    f->res->errors++;
    f->last_error_span = *s;
    unsigned max = f->opts->max_errors ? f->opts->max_errors : DEFAULT_MAX_ERRORS;
    if (f->errors_shown >= max)
        return;
    f->errors_shown++;
    va_list ap;
    va_start(ap, fmt);
    zl_sink_vemit(&f->opts->sink, ZL_RULE_ZL1001, s, fmt, ap);
    va_end(ap);
}

void zl_fmt_report(struct zl_fmt *f, unsigned rule, const struct zl_span *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    zl_sink_vemit(&f->opts->sink, rule, s, fmt, ap);
    va_end(ap);
}

void zl_fmt_emit(struct zl_fmt *f, struct zl_diag *d)
{
    if (f->opts->sink.emit)
        f->opts->sink.emit(f->opts->sink.user, d);
    else
        zl_diag_free(d);
}

struct zl_span zl_fmt_span(struct zl_fmt *f, size_t doc, const yaml_node_t *n)
{
    return zl_y_span(&f->y, doc, n);
}

struct zl_span zl_fmt_value_span(struct zl_fmt *f, size_t doc, const yaml_node_t *n)
{
    return zl_y_value_span(&f->y, doc, n);
}

/* ---- tokens ------------------------------------------------------------------ */

void zl_fmt_clear(struct zl_fmt *f)
{
    f->text.len = 0;
    f->ntoks = 0;
}

const char *zl_fmt_no_nul(struct zl_fmt *f, const char *s, size_t n, size_t *outlen)
{
    *outlen = n;
    if (!memchr(s, '\0', n))
        return s;
    struct zl_buf b = { 0 };
    for (size_t i = 0; i < n; i++) {
        if (s[i])
            zl_buf_putc(&b, (uint8_t)s[i]);
        else
            zl_buf_put(&b, "\\000", 4);
    }
    *outlen = b.len;
    f->kept = zl_xrealloc(f->kept, (f->nkept + 1) * sizeof *f->kept);
    return f->kept[f->nkept++] = zl_buf_cstr(&b);
}

void zl_fmt_free_kept(struct zl_fmt *f)
{
    for (size_t i = 0; i < f->nkept; i++)
        free(f->kept[i]);
    free(f->kept);
    f->kept = NULL;
    f->nkept = 0;
}

void zl_fmt_tok(struct zl_fmt *f, const char *text, size_t len, uint32_t flags, struct zl_span span)
{
    if (f->ntoks == f->ctoks) {
        f->ctoks = f->ctoks ? f->ctoks * 2 : 32;
        f->toks = zl_xrealloc(f->toks, f->ctoks * sizeof *f->toks);
    }
    struct zl_fmt_tok *t = &f->toks[f->ntoks++];
    t->off = f->text.len;
    t->flags = flags;
    t->span = span;
    /* NUL as "\000" (zl_fmt_no_nul) */
    for (size_t i = 0; i < len; i++) {
        const char *z = memchr(text + i, '\0', len - i);
        size_t run = z ? (size_t)(z - (text + i)) : len - i;
        zl_buf_put(&f->text, text + i, run);
        i += run;
        if (i < len)
            zl_buf_put(&f->text, "\\000", 4);
    }
    t->len = (uint32_t)(f->text.len - t->off);
}

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int zl_fmt_tok_presentation(struct zl_fmt *f, size_t doc, const yaml_node_t *n)
{
    size_t len;
    return zl_fmt_tok_presentation_text(f, doc, n, zl_y_str(n, &len));
}

int zl_fmt_tok_presentation_text(struct zl_fmt *f, size_t doc, const yaml_node_t *n, const char *v)
{
    size_t *map = zl_y_scalar_map(&f->y, doc, n);
    int rc = zl_fmt_tok_presentation_map(f, v, n->data.scalar.length, map, zl_y_span(&f->y, doc, n));
    free(map);
    return rc;
}

int zl_fmt_tok_presentation_map(struct zl_fmt *f, const char *v, size_t len, const size_t *map,
                                struct zl_span whole)
{
    size_t i = 0;
    int rc = 0;
    while (i < len) {
        while (i < len && blank(v[i]))
            i++;
        if (i >= len)
            break;
        size_t start = i;
        if (v[i] == '"') {
            for (i++; i < len && v[i] != '"'; i++)
                if (v[i] == '\\' && i + 1 < len)
                    i++;
            if (i >= len) {
                struct zl_span s = map ? zl_y_map_span(&f->y, map, start, len) : whole;
                zl_fmt_error(f, &s, "the quoted string in this value does not close");
                rc = -1;
                break;
            }
            i++;
            zl_fmt_tok(f, v + start + 1, i - start - 2, ZL_TOK_QUOTED,
                       map ? zl_y_map_span(&f->y, map, start, i) : whole);
            continue;
        }
        for (; i < len && !blank(v[i]); i++)
            if (v[i] == '\\' && i + 1 < len)
                i++;
        zl_fmt_tok(f, v + start, i - start, 0, map ? zl_y_map_span(&f->y, map, start, i) : whole);
    }
    return rc;
}

void zl_fmt_tok_scalar(struct zl_fmt *f, size_t doc, const yaml_node_t *n, uint32_t flags)
{
    size_t len;
    const char *v = zl_y_str(n, &len);
    zl_fmt_tok(f, v, len, flags, zl_fmt_value_span(f, doc, n));
}

/* ---- TTL and type ------------------------------------------------------------ */

/* A TTL as exports write it: 1 to 10 digits, at most 32 bits. */
static bool ttl_digits(const char *v, size_t len, uint32_t *x)
{
    unsigned long long t = 0;
    if (len == 0 || len > 10)
        return false;
    for (size_t i = 0; i < len; i++) {
        if (v[i] < '0' || v[i] > '9')
            return false;
        t = t * 10 + (unsigned)(v[i] - '0');
    }
    *x = (uint32_t)t;
    return t <= 0xffffffffull;
}

int zl_fmt_ttl(struct zl_fmt *f, size_t doc, const yaml_node_t *n, uint32_t *ttl)
{
    size_t len = 0;
    const char *v = zl_y_is_scalar(n) ? zl_y_str(n, &len) : "";
    /* A TTL with nothing to say needs no span (finding it is most of the cost). */
    uint32_t x;
    if (ttl_digits(v, len, &x) && x <= ZL_TTL_MAXTTL) {
        *ttl = x;
        return 0;
    }
    return zl_fmt_ttl_text(f, v, len, zl_fmt_value_span(f, doc, n), ttl);
}

int zl_fmt_ttl_text(struct zl_fmt *f, const char *v, size_t len, struct zl_span s, uint32_t *ttl)
{
    uint32_t x;
    if (!ttl_digits(v, len, &x)) {
        zl_fmt_error(f, &s, "TTL '%.*s' is not a number of seconds (0-4294967295)",
                     (int)(len > 60 ? 60 : len), v);
        return -1;
    }
    *ttl = (uint32_t)x;
    if (*ttl > ZL_TTL_MAXTTL) {
        zl_fmt_report(f, ZL_RULE_ZL1002, &s,
                      "TTL %u is above 2147483647 (RFC 2181); name servers treat it as 0", *ttl);
        *ttl = 0;
    }
    return 0;
}

int zl_fmt_type(struct zl_fmt *f, size_t doc, const yaml_node_t *n, uint16_t *type)
{
    size_t len = 0;
    const char *v = zl_y_is_scalar(n) ? zl_y_str(n, &len) : "";
    int t = len ? zl_type_from_text(v, len) : -1;
    if (t >= 0) {
        *type = (uint16_t)t;
        return 0;
    }
    return zl_fmt_type_text(f, v, len, zl_fmt_value_span(f, doc, n), type); /* the span only for the error */
}

int zl_fmt_type_text(struct zl_fmt *f, const char *v, size_t len, struct zl_span s, uint16_t *type)
{
    int t = len ? zl_type_from_text(v, len) : -1;
    if (t < 0) {
        zl_fmt_error(f, &s, "unknown record type '%.*s'", (int)(len > 60 ? 60 : len), v);
        return -1;
    }
    *type = (uint16_t)t;
    return 0;
}

/* ---- records ----------------------------------------------------------------- */

static struct zl_token *final_tokens(struct zl_fmt *f)
{
    if (f->ntoks > f->cout) {
        f->cout = f->ntoks;
        f->out = zl_xrealloc(f->out, f->cout * sizeof *f->out);
    }
    /* only empty values (value: with nothing) leave the text unallocated */
    const char *text = f->text.data ? (const char *)f->text.data : "";
    for (size_t i = 0; i < f->ntoks; i++) {
        f->out[i].text = text + f->toks[i].off;
        f->out[i].len = f->toks[i].len;
        f->out[i].flags = f->toks[i].flags;
        f->out[i].span = f->toks[i].span;
    }
    return f->out;
}

int zl_fmt_record(struct zl_fmt *f, const struct zl_fmt_owner *owner, uint16_t type,
                  struct zl_span type_span, uint32_t ttl, enum zl_ttl_source ttl_source,
                  const struct zl_name *rdata_origin, bool names_absolute)
{
    struct zl_token *toks = final_tokens(f);
    struct zl_rdata_error err;
    err.tok = 0;
    err.msg[0] = '\0';
    size_t nfields = 0;
    f->wire.len = 0;
    if (zl_rdata_parse(type, toks, f->ntoks, rdata_origin, &f->wire, f->fields, &nfields, &err) != 0) {
        struct zl_span s;
        if (err.tok < f->ntoks) {
            s = toks[err.tok].span;
        } else if (f->ntoks) {
            /* Something is missing: point at the end of the value. */
            s = toks[f->ntoks - 1].span;
            s.line = s.end_line;
            s.col = s.end_col;
            s.end_col = s.col + 1;
        } else {
            s = type_span;
        }
        zl_fmt_error(f, &s, "%s", err.msg);
        return -1;
    }
    char tn[16];
    if (f->wire.len > 65535) {
        zl_fmt_error(f, &type_span, "%s RDATA is %zu octets; at most 65535 fit in a record",
                     zl_type_to_text(type, tn), f->wire.len);
        return -1;
    }
    if (names_absolute)
        for (size_t i = 0; i < nfields; i++)
            if (f->fields[i].kind == ZL_FIELD_NAME && (f->fields[i].flags & ZL_NAME_F_RELATIVE))
                f->fields[i].flags = (uint8_t)((f->fields[i].flags & ~ZL_NAME_F_RELATIVE) |
                                               ZL_NAME_F_ABSOLUTE);

    const struct zl_name *zone = f->opts->zone;
    if (zone && f->opts->drop_outside_zone && !zl_name_is_subdomain(&owner->name, zone)) {
        char on[ZL_NAME_TEXT_MAX], zn[ZL_NAME_TEXT_MAX];
        zl_name_to_text(&owner->name, on);
        zl_name_to_text(zone, zn);
        zl_fmt_report(f, ZL_RULE_ZL3103, &owner->span,
                      "'%s' is outside the zone %s: name servers ignore this record", on, zn);
        return -1;
    }
    if (zone && type == ZL_T_SOA && !zl_name_equal(&owner->name, zone)) {
        char on[ZL_NAME_TEXT_MAX], zn[ZL_NAME_TEXT_MAX];
        zl_name_to_text(&owner->name, on);
        zl_name_to_text(zone, zn);
        zl_fmt_error(f, &owner->span, "SOA record for '%s' is not at the top of the zone %s", on, zn);
        return -1;
    }

    struct zl_record rec;
    memset(&rec, 0, sizeof rec);
    rec.owner = owner->name;
    rec.owner_tok.text = owner->text;
    rec.owner_tok.len = (uint32_t)owner->len;
    rec.owner_tok.span = owner->span;
    rec.owner_flags = owner->flags;
    rec.ttl = ttl;
    rec.ttl_source = (uint8_t)ttl_source;
    rec.rclass = ZL_CLASS_IN;
    rec.type = type;
    rec.type_span = type_span;
    rec.span = owner->record_span.line ? owner->record_span : owner->span;
    rec.origin = f->have_origin ? &f->origin : NULL;
    rec.rdata = f->wire.data;
    rec.rdlen = (uint16_t)f->wire.len;
    rec.generic = zl_rdata_is_generic(rec.type, toks, f->ntoks);
    rec.toks = toks;
    rec.ntoks = (uint32_t)f->ntoks;
    rec.fields = f->fields;
    rec.nfields = (uint16_t)nfields;
    rec.set_id = owner->set_id;
    rec.set_id_len = (uint32_t)owner->set_id_len;
    rec.served_by = owner->served_by;
    if (owner->comment) {
        rec.comment = owner->comment;
        rec.comment_len = (uint32_t)owner->comment_len;
        rec.comment_span = owner->comment_span;
    }
    f->res->records++;
    if (f->opts->on_record)
        f->opts->on_record(f->opts->user, &rec);
    return 0;
}

void zl_fmt_common_suffix(struct zl_name *acc, bool *have, const struct zl_name *n)
{
    if (!*have) {
        *acc = *n;
        *have = true;
        return;
    }
    while (acc->nlabels > 0 && !zl_name_is_subdomain(n, acc)) {
        struct zl_name up;
        zl_name_suffix(&up, acc, 1);
        *acc = up;
    }
}

bool zl_fmt_origin_from_filename(const char *path, struct zl_name *out)
{
    static const char *const exts[] = { ".json", ".yaml", ".yml" };
    size_t n = strlen(path);
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        size_t el = strlen(exts[i]);
        if (n > el && strcasecmp(path + n - el, exts[i]) == 0) {
            char *base = zl_xstrndup(path, n - el);
            bool ok = zl_origin_from_filename(base, out);
            free(base);
            return ok;
        }
    }
    return zl_origin_from_filename(path, out);
}

void zl_fmt_zone_guess_add(struct zl_fmt_zone_guess *g, const struct zl_name *n, bool is_soa)
{
    if (is_soa && !g->have_soa) {
        g->soa = *n;
        g->have_soa = true;
    }
    zl_fmt_common_suffix(&g->common, &g->have_common, n);
}

void zl_fmt_zone_guess_use(struct zl_fmt *f, const struct zl_fmt_zone_guess *g)
{
    if (g->have_soa || (g->have_common && g->common.nlabels > 0)) {
        f->origin = g->have_soa ? g->soa : g->common;
        f->have_origin = true;
    }
}

int zl_fmt_load_documents(struct zl_fmt *f, const char *text, size_t len, const char *syntax)
{
    const char *enc = zl_text_not_utf8((const unsigned char *)text, len);
    if (enc) {
        struct zl_span at = { f->src, 1, 1, 1, 2 };
        if (!strcmp(enc, "UTF-16"))
            zl_fmt_error(f, &at, "this file is UTF-16; convert it to UTF-8 (for example with iconv -f UTF-16 -t UTF-8)");
        else
            zl_fmt_error(f, &at, "this file is binary (mostly NUL bytes), not %s", strcmp(syntax, "JSON") ? "YAML or JSON" : "JSON");
        return -1;
    }
    struct zl_yerror err;
    if (zl_ydocs_load(&f->y, text, len, f->src, &err) == 0)
        return 0;
    if (err.nested)
        zl_fmt_error(f, &err.span, "%s", err.msg);
    else
        zl_fmt_error(f, &err.span, "%s syntax error: %s", syntax, err.msg);
    return -1;
}
