/* SPDX-License-Identifier: MIT */
/* The sarif format: SARIF 2.1.0 with what GitHub code scanning requires
 * (tool.driver.name, rules with id, short/full description and help,
 * results with ruleId, message.text, a physical location with a
 * repository-relative URI and startLine, partialFingerprints).
 *
 * Columns: SARIF counts UTF-16 code units by default and GitHub assumes it,
 * while our spans count bytes, so regions are converted by reading the line
 * back (columnKind says so explicitly); a line that cannot be read keeps
 * byte columns, identical for ASCII.
 *
 * URIs: with base_dir, a file under it gets a relative URI and
 * uriBaseId %SRCROOT% (declared in originalUriBaseIds); other files and
 * absolute paths become file:// URIs. Everything outside RFC 3986's
 * path characters is percent-encoded, ':' included so that a relative
 * path's first segment never reads as a scheme.
 *
 * partialFingerprints["zonelintHash/v1"] hashes the rule, the URI and the
 * whitespace-normalised source line (not its number, so an alert survives
 * lines being added above it), plus an occurrence counter for identical
 * lines. GitHub adds its own primaryLocationLineHash on upload.
 *
 * A finding without a file (configuration, options) cannot be a result,
 * since GitHub rejects results without a location; it goes to
 * invocations[0].toolExecutionNotifications instead. Every result has a
 * region (a finding about a whole file: its first line). Notes are
 * appended to message.text ("\nnote: ..."); a fix-it becomes fixes[0],
 * with properties.safety "safe" or "unsafe". Each rule has helpUri (its
 * page, docs/rules/ZLnnnn.md under the build's DOCS_URL) and help.text
 * and help.markdown (the explanation). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/report_impl.h"
#include "lint/rule.h"
#include "base/version.h"

#define SARIF_SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#define SRCROOT "%SRCROOT%"

struct fp_slot {
    uint64_t hash;
    unsigned long count; /* 0: empty */
};

struct sarif_state {
    struct zl_jw w;
    char *base_lex;      /* base_dir made absolute lexically, or NULL */
    char *base_real;     /* base_dir through realpath(3), or NULL */
    struct fp_slot *fp;  /* open addressing, power-of-two size */
    size_t fp_cap, fp_used;
    const struct zl_source *uri_src; /* findings come grouped by file: */
    struct zl_buf uri;               /* remember the last file's URI */
    bool uri_relative;
    struct zl_buf notes;   /* JSON of findings without a file, see sarif_add */
    struct zl_jw notes_w;
};

/* ---- paths and URIs ---- */

/* Absolute, with "." and ".." segments and repeated slashes removed, without
 * touching the file system (symlinks stay as written). */
static char *lexical_abs(const char *path)
{
    struct zl_buf in = { 0 };
    if (path[0] != '/') {
        char *cwd = getcwd(NULL, 0);
        if (!cwd)
            return NULL;
        zl_buf_puts(&in, cwd);
        zl_buf_putc(&in, '/');
        free(cwd);
    }
    zl_buf_puts(&in, path);
    char *s = zl_buf_cstr(&in);

    struct zl_buf out = { 0 };
    for (char *seg = s; *seg;) {
        char *slash = strchr(seg, '/');
        size_t len = slash ? (size_t)(slash - seg) : strlen(seg);
        if (len == 0 || (len == 1 && seg[0] == '.')) {
            /* nothing */
        } else if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            while (out.len && out.data[out.len - 1] != '/')
                out.len--;
            if (out.len)
                out.len--; /* the slash before the dropped segment */
        } else {
            zl_buf_putc(&out, '/');
            zl_buf_put(&out, seg, len);
        }
        seg += len;
        if (*seg == '/')
            seg++;
    }
    if (out.len == 0)
        zl_buf_putc(&out, '/');
    zl_buf_free(&in);
    return zl_buf_cstr(&out);
}

/* The part of abs below base ("/" counts as everything), or NULL. */
static const char *below(const char *abs, const char *base)
{
    if (!abs || !base)
        return NULL;
    if (strcmp(base, "/") == 0)
        return abs[0] == '/' && abs[1] ? abs + 1 : NULL;
    size_t n = strlen(base);
    if (strncmp(abs, base, n) == 0 && abs[n] == '/' && abs[n + 1])
        return abs + n + 1;
    return NULL;
}

static void put_uri_encoded(struct zl_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    (c && strchr("-._~!$&'()*+,;=@/", c));
        if (keep) {
            zl_buf_putc(b, c);
        } else {
            zl_buf_putc(b, '%');
            zl_buf_putc(b, (uint8_t)hex[c >> 4]);
            zl_buf_putc(b, (uint8_t)hex[c & 15]);
        }
    }
}

/* Sets uri (encoded) and returns whether it is relative to %SRCROOT%. */
static bool compute_uri(struct sarif_state *st, const struct zl_source *src, struct zl_buf *uri)
{
    uri->len = 0;
    const char *path = src->path ? src->path : "";
    char *abs = lexical_abs(path);
    char *real = NULL;
    const char *rel = NULL; /* points into abs, real or src->realpath */
    bool under_base = false;
    if (st->base_lex) {
        rel = below(abs, st->base_lex);
        /* a symlinked checkout or zone file: compare resolved paths too */
        if (!rel && st->base_real)
            rel = below(src->realpath, st->base_real);
        if (!rel && st->base_real && !src->memory && (real = realpath(path, NULL)))
            rel = below(real, st->base_real);
        under_base = rel != NULL;
    } else if (path[0] != '/') {
        /* no base: a relative path stays relative, only normalised */
        char *cwd = lexical_abs(".");
        rel = below(abs, cwd);
        free(cwd);
    }
    if (rel) {
        put_uri_encoded(uri, rel);
    } else {
        zl_buf_puts(uri, "file://");
        put_uri_encoded(uri, abs ? abs : path);
    }
    zl_buf_cstr(uri);
    free(real);
    free(abs);
    return under_base;
}

static bool make_uri(struct sarif_state *st, const struct zl_source *src, struct zl_buf *uri)
{
    if (src != st->uri_src) {
        st->uri_relative = compute_uri(st, src, &st->uri);
        st->uri_src = src;
    }
    uri->len = 0;
    zl_buf_put(uri, st->uri.data, st->uri.len);
    zl_buf_cstr(uri);
    return st->uri_relative;
}

static void put_artifact_location(struct zl_jw *w, struct sarif_state *st, const struct zl_source *src)
{
    struct zl_buf uri = { 0 };
    bool relative = make_uri(st, src, &uri);
    zl_jw_obj(w);
    zl_jw_key(w, "uri");
    zl_jw_strn(w, (const char *)uri.data, uri.len);
    if (relative) {
        zl_jw_key(w, "uriBaseId");
        zl_jw_str(w, SRCROOT);
    }
    zl_jw_obj_end(w);
    zl_buf_free(&uri);
}

/* ---- regions ---- */

/* Byte column -> UTF-16 column on a source line; unchanged when the line
 * cannot be read. Invalid bytes count as one unit (a viewer shows U+FFFD). */
static uint32_t utf16_col(struct zl_reporter *r, const struct zl_source *src, uint32_t line, uint32_t col)
{
    if (col <= 1 || zl_line_cache_get(r->lines, src, line, &r->line) != 0)
        return col;
    const unsigned char *s = r->line.data;
    size_t n = r->line.len, want = col - 1, i = 0;
    uint32_t units = 0;
    while (i < want && i < n) {
        uint32_t cp;
        size_t len = zl_utf8_len(s + i, n - i, &cp);
        if (len == 0 || i + len > want) {
            units++;
            i++;
        } else {
            units += cp >= 0x10000 ? 2 : 1;
            i += len;
        }
    }
    units += (uint32_t)(want - i); /* past the end of the line */
    return units + 1;
}

static void put_region(struct zl_jw *w, struct zl_reporter *r, const struct zl_span *sp)
{
    zl_jw_obj(w);
    zl_jw_key(w, "startLine");
    zl_jw_uint(w, sp->line);
    if (sp->col) {
        zl_jw_key(w, "startColumn");
        zl_jw_uint(w, utf16_col(r, sp->src, sp->line, sp->col));
    }
    bool has_end = sp->end_line > sp->line || (sp->end_line == sp->line && sp->end_col >= sp->col);
    if (has_end) {
        zl_jw_key(w, "endLine");
        zl_jw_uint(w, sp->end_line);
        if (sp->col && sp->end_col) {
            zl_jw_key(w, "endColumn");
            zl_jw_uint(w, utf16_col(r, sp->src, sp->end_line, sp->end_col));
        }
    }
    zl_jw_obj_end(w);
}

/* ---- fingerprints ---- */

static uint64_t fnv1a(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* How many results before this one had the same hash (then counts it). */
static unsigned long fp_occurrence(struct sarif_state *st, uint64_t h)
{
    if (2 * (st->fp_used + 1) > st->fp_cap) {
        size_t ncap = st->fp_cap ? st->fp_cap * 2 : 64;
        struct fp_slot *nt = zl_xcalloc(ncap, sizeof *nt);
        for (size_t i = 0; i < st->fp_cap; i++) {
            if (!st->fp[i].count)
                continue;
            size_t j = (size_t)st->fp[i].hash & (ncap - 1);
            while (nt[j].count)
                j = (j + 1) & (ncap - 1);
            nt[j] = st->fp[i];
        }
        free(st->fp);
        st->fp = nt;
        st->fp_cap = ncap;
    }
    size_t j = (size_t)h & (st->fp_cap - 1);
    while (st->fp[j].count && st->fp[j].hash != h)
        j = (j + 1) & (st->fp_cap - 1);
    if (!st->fp[j].count) {
        st->fp[j].hash = h;
        st->fp_used++;
    }
    return st->fp[j].count++;
}

static void put_fingerprint(struct zl_jw *w, struct zl_reporter *r, struct sarif_state *st,
                            const struct zl_diag *d, const struct zl_buf *uri)
{
    const char *code = d->code ? d->code : "";
    uint64_t h = fnv1a(0xcbf29ce484222325ULL, code, strlen(code) + 1);
    h = fnv1a(h, uri->data, uri->len);
    h = fnv1a(h, "", 1);
    const struct zl_span *sp = &d->span;
    if (sp->src && sp->line && zl_line_cache_get(r->lines, sp->src, sp->line, &r->line) == 0) {
        /* whitespace-insensitive: re-indenting a zone keeps its alerts */
        bool space = false, any = false;
        for (size_t i = 0; i < r->line.len; i++) {
            unsigned char c = r->line.data[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
                space = true;
                continue;
            }
            if (space && any)
                h = fnv1a(h, " ", 1);
            h = fnv1a(h, &c, 1);
            space = false;
            any = true;
        }
    } else {
        char num[16];
        int n = snprintf(num, sizeof num, "#%u", (unsigned)sp->line);
        h = fnv1a(h, num, (size_t)n);
    }
    char val[40];
    int n = snprintf(val, sizeof val, "%016llx:%lu", (unsigned long long)h, fp_occurrence(st, h) + 1);
    zl_jw_key(w, "partialFingerprints");
    zl_jw_obj(w);
    zl_jw_key(w, "zonelintHash/v1");
    zl_jw_strn(w, val, (size_t)n);
    zl_jw_obj_end(w);
}

/* ---- header: tool and rules ---- */

static const char *sarif_level(enum zl_severity s)
{
    return s == ZL_SEV_ERROR ? "error" : s == ZL_SEV_WARNING ? "warning" : "note";
}

/* {"text": ...}: meant to be read, so with zl_cp_hidden code points as
 * "<U+XXXX>" (exact selects the text as it is: insertedContent is data). */
static void put_text_obj_as(struct zl_jw *w, const char *key, const char *text, size_t n, bool exact)
{
    zl_jw_key(w, key);
    zl_jw_obj(w);
    zl_jw_key(w, "text");
    if (exact) {
        zl_jw_strn(w, text, n);
    } else {
        struct zl_buf v = { 0 };
        zl_put_visible(&v, text, n);
        zl_jw_strn(w, v.data ? (const char *)v.data : "", v.len);
        zl_buf_free(&v);
    }
    zl_jw_obj_end(w);
}

static void put_text_obj(struct zl_jw *w, const char *key, const char *text, size_t n)
{
    put_text_obj_as(w, key, text, n, false);
}

/* The explanation's first paragraph as one line. */
static void first_paragraph(const char *explain, struct zl_buf *out)
{
    const char *end = strstr(explain, "\n\n");
    size_t n = end ? (size_t)(end - explain) : strlen(explain);
    while (n && explain[n - 1] == '\n')
        n--;
    for (size_t i = 0; i < n; i++)
        zl_buf_putc(out, explain[i] == '\n' ? ' ' : (uint8_t)explain[i]);
}

/* help.markdown: the explanation as Markdown (its 4-space indented examples
 * are code blocks already; other text has Markdown's characters escaped:
 * "_domainkey" must not turn italic), then the rule's page. */
static void help_markdown(const struct zl_rule *rule, const char *explain, const char *uri, struct zl_buf *md)
{
    zl_buf_printf(md, "**%s %s**: ", rule->code, rule->slug);
    for (const char *p = rule->summary ? rule->summary : ""; *p; p++) {
        if (strchr("\\`*_{}[]<>#|", *p))
            zl_buf_putc(md, '\\');
        zl_buf_putc(md, (uint8_t)*p);
    }
    zl_buf_puts(md, "\n\n");
    for (const char *line = explain; *line;) {
        size_t n = strcspn(line, "\n");
        if (n >= 4 && !strncmp(line, "    ", 4)) {
            zl_buf_put(md, line, n);
        } else {
            for (size_t i = 0; i < n; i++) {
                if (strchr("\\`*_{}[]<>#|", line[i]))
                    zl_buf_putc(md, '\\');
                zl_buf_putc(md, (uint8_t)line[i]);
            }
        }
        zl_buf_putc(md, '\n');
        line += n + (line[n] == '\n');
    }
    zl_buf_printf(md, "\n[%s %s](%s)\n", rule->code, rule->slug, uri);
}

static void put_rule(struct zl_jw *w, const struct zl_rule *rule)
{
    const char *summary = rule->summary ? rule->summary : "";
    const char *explain = rule->explain && *rule->explain ? rule->explain : summary;
    zl_jw_obj(w);
    zl_jw_key(w, "id");
    zl_jw_str(w, rule->code);
    zl_jw_key(w, "name");
    zl_jw_str(w, rule->slug);
    put_text_obj(w, "shortDescription", summary, strlen(summary));
    struct zl_buf full = { 0 };
    first_paragraph(explain, &full);
    put_text_obj(w, "fullDescription", (const char *)full.data, full.len);
    zl_buf_free(&full);
    /* docs/rules/ZLnnnn.md (make docs); the base is the build's DOCS_URL */
    char uri[sizeof ZL_DOCS_URL + 16];
    snprintf(uri, sizeof uri, "%s%s.md", ZL_DOCS_URL, rule->code);
    zl_jw_key(w, "help");
    zl_jw_obj(w);
    zl_jw_key(w, "text");
    zl_jw_text(w, explain);
    struct zl_buf md = { 0 };
    help_markdown(rule, explain, uri, &md);
    zl_jw_key(w, "markdown");
    zl_jw_text(w, zl_buf_cstr(&md));
    zl_buf_free(&md);
    zl_jw_obj_end(w);
    zl_jw_key(w, "helpUri");
    zl_jw_str(w, uri);
    zl_jw_key(w, "defaultConfiguration");
    zl_jw_obj(w);
    zl_jw_key(w, "level");
    zl_jw_str(w, sarif_level(rule->severity));
    zl_jw_obj_end(w);
    zl_jw_obj_end(w);
}

static void sarif_begin(struct zl_reporter *r)
{
    struct sarif_state *st = zl_xcalloc(1, sizeof *st);
    r->priv = st;
    st->w.b = &r->tmp;
    st->w.pretty = ZL_JW_MAXDEPTH;
    if (r->base_dir) {
        st->base_lex = lexical_abs(r->base_dir);
        st->base_real = realpath(r->base_dir, NULL);
    }

    struct zl_jw *w = &st->w;
    zl_jw_obj(w);
    zl_jw_key(w, "$schema");
    zl_jw_str(w, SARIF_SCHEMA);
    zl_jw_key(w, "version");
    zl_jw_str(w, "2.1.0");
    zl_jw_key(w, "runs");
    zl_jw_arr(w);
    zl_jw_obj(w);
    zl_jw_key(w, "tool");
    zl_jw_obj(w);
    zl_jw_key(w, "driver");
    zl_jw_obj(w);
    zl_jw_key(w, "name");
    zl_jw_str(w, "zonelint");
    zl_jw_key(w, "version");
    zl_jw_str(w, ZL_VERSION);
    zl_jw_key(w, "semanticVersion");
    zl_jw_str(w, ZL_VERSION);
    zl_jw_key(w, "rules");
    zl_jw_arr(w);
    for (unsigned i = 0; i < zl_rule_count; i++)
        put_rule(w, &zl_rules[i]);
    zl_jw_arr_end(w);
    zl_jw_obj_end(w); /* driver */
    zl_jw_obj_end(w); /* tool */
    if (st->base_lex) {
        zl_jw_key(w, "originalUriBaseIds");
        zl_jw_obj(w);
        zl_jw_key(w, SRCROOT);
        zl_jw_obj(w);
        struct zl_buf uri = { 0 };
        zl_buf_puts(&uri, "file://");
        put_uri_encoded(&uri, st->base_lex);
        if (uri.data[uri.len - 1] != '/')
            zl_buf_putc(&uri, '/'); /* SARIF: a base URI ends with a slash */
        zl_jw_key(w, "uri");
        zl_jw_strn(w, (const char *)uri.data, uri.len);
        zl_buf_free(&uri);
        zl_jw_obj_end(w);
        zl_jw_obj_end(w);
    }
    zl_jw_key(w, "columnKind");
    zl_jw_str(w, "utf16CodeUnits");
    zl_jw_key(w, "results");
    zl_jw_arr(w);
    zl_report_flush(r, &r->tmp);
}

/* ---- results ---- */

static void put_location(struct zl_jw *w, struct zl_reporter *r, struct sarif_state *st,
                         const struct zl_span *sp)
{
    zl_jw_obj(w);
    zl_jw_key(w, "physicalLocation");
    zl_jw_obj(w);
    zl_jw_key(w, "artifactLocation");
    put_artifact_location(w, st, sp->src);
    zl_jw_key(w, "region");
    if (sp->line) {
        put_region(w, r, sp);
    } else {
        /* about the whole file (it cannot be read): its first line, since
         * every result needs a region to be shown in a review */
        zl_jw_obj(w);
        zl_jw_key(w, "startLine");
        zl_jw_uint(w, 1);
        zl_jw_obj_end(w);
    }
    zl_jw_obj_end(w);
    zl_jw_obj_end(w);
}

static void put_fix(struct zl_jw *w, struct zl_reporter *r, struct sarif_state *st, const struct zl_fix *fix)
{
    struct zl_buf desc = { 0 };
    zl_report_fix_summary(r, fix, &desc);
    zl_jw_key(w, "fixes");
    zl_jw_arr(w);
    zl_jw_obj(w);
    put_text_obj(w, "description", (const char *)desc.data, desc.len);
    zl_buf_free(&desc);
    zl_jw_key(w, "artifactChanges");
    zl_jw_arr(w);
    zl_jw_obj(w);
    zl_jw_key(w, "artifactLocation");
    put_artifact_location(w, st, fix->span.src);
    zl_jw_key(w, "replacements");
    zl_jw_arr(w);
    zl_jw_obj(w);
    zl_jw_key(w, "deletedRegion");
    put_region(w, r, &fix->span);
    const char *text = fix->replacement ? fix->replacement : "";
    put_text_obj_as(w, "insertedContent", text, strlen(text), true);
    zl_jw_obj_end(w);
    zl_jw_arr_end(w);
    zl_jw_obj_end(w);
    zl_jw_arr_end(w);
    /* safe: zonelint --fix applies it; unsafe: only --unsafe-fixes */
    zl_jw_key(w, "properties");
    zl_jw_obj(w);
    zl_jw_key(w, "safety");
    zl_jw_str(w, zl_fix_safety_name(fix->safety));
    zl_jw_obj_end(w);
    zl_jw_obj_end(w);
    zl_jw_arr_end(w);
}

/* A result needs a location for GitHub, and a finding without a file has
 * none: it is about the run (configuration, options), which SARIF records as
 * a tool execution notification. They are written after the results. */
static void add_notification(struct sarif_state *st, const struct zl_diag *d)
{
    struct zl_jw *w = &st->notes_w;
    if (!w->b) {
        w->b = &st->notes;
        w->pretty = ZL_JW_MAXDEPTH;
        /* written later as the value of invocations[0]'s key, so lay it out
         * at that depth: log, runs, run, invocations, invocation */
        w->depth = 5;
        w->after_key = true;
        zl_jw_arr(w);
    }
    zl_jw_obj(w);
    zl_jw_key(w, "level");
    zl_jw_str(w, sarif_level(d->severity));
    zl_jw_key(w, "message");
    zl_jw_obj(w);
    zl_jw_key(w, "text");
    zl_jw_text(w, d->message ? d->message : "");
    zl_jw_obj_end(w);
    zl_jw_key(w, "descriptor");
    zl_jw_obj(w);
    zl_jw_key(w, "id");
    zl_jw_str(w, d->code ? d->code : "");
    zl_jw_obj_end(w);
    zl_jw_obj_end(w);
}

static void sarif_add(struct zl_reporter *r, const struct zl_diag *d)
{
    struct sarif_state *st = r->priv;
    struct zl_jw *w = &st->w;
    const struct zl_rule *rule = zl_rule_find(d->code);
    if (!d->span.src) {
        add_notification(st, d);
        return;
    }

    zl_jw_obj(w);
    zl_jw_key(w, "ruleId");
    zl_jw_str(w, d->code ? d->code : "");
    if (rule) {
        zl_jw_key(w, "ruleIndex");
        zl_jw_uint(w, (unsigned long long)(rule - zl_rules));
    }
    zl_jw_key(w, "level");
    zl_jw_str(w, sarif_level(d->severity));

    /* notes have no location of their own: they belong to the message */
    struct zl_buf msg = { 0 };
    zl_buf_puts(&msg, d->message ? d->message : "");
    for (size_t i = 0; i < d->nnotes; i++) {
        zl_buf_puts(&msg, "\nnote: ");
        zl_buf_puts(&msg, d->notes[i]);
    }
    put_text_obj(w, "message", (const char *)msg.data, msg.len);
    zl_buf_free(&msg);

    struct zl_buf uri = { 0 };
    make_uri(st, d->span.src, &uri);
    zl_jw_key(w, "locations");
    zl_jw_arr(w);
    put_location(w, r, st, &d->span);
    zl_jw_arr_end(w);
    put_fingerprint(w, r, st, d, &uri);
    const char *kind = zl_report_input_kind(d->span.src);
    if (kind || d->nprops) {
        /* How the file was read: the zone-file dialect or the export format;
         * then the finding's own properties (the sender pack it is about). */
        zl_jw_key(w, "properties");
        zl_jw_obj(w);
        if (kind) {
            zl_jw_key(w, "input");
            zl_jw_str(w, kind);
        }
        for (size_t i = 0; i < d->nprops; i++) {
            zl_jw_key(w, d->props[i].key);
            zl_jw_str(w, d->props[i].value);
        }
        zl_jw_obj_end(w);
    }
    zl_buf_free(&uri);
    if (d->fix && d->fix->span.src && d->fix->span.line)
        put_fix(w, r, st, d->fix);
    zl_jw_obj_end(w);
    zl_report_flush(r, &r->tmp);
}

static void sarif_finish(struct zl_reporter *r)
{
    struct sarif_state *st = r->priv;
    struct zl_jw *w = &st->w;
    zl_jw_arr_end(w); /* results */
    if (st->notes_w.b) {
        zl_jw_arr_end(&st->notes_w);
        zl_jw_key(w, "invocations");
        zl_jw_arr(w);
        zl_jw_obj(w);
        zl_jw_key(w, "executionSuccessful");
        zl_jw_raw(w, "true", 4); /* the run finished; its findings say the rest */
        zl_jw_key(w, "toolExecutionNotifications");
        zl_jw_raw(w, (const char *)st->notes.data, st->notes.len);
        zl_jw_obj_end(w);
        zl_jw_arr_end(w);
    }
    zl_jw_obj_end(w); /* run */
    zl_jw_arr_end(w); /* runs */
    zl_jw_obj_end(w);
    zl_buf_putc(&r->tmp, '\n');
    zl_report_flush(r, &r->tmp);
    free(st->base_lex);
    free(st->base_real);
    free(st->fp);
    zl_buf_free(&st->uri);
    zl_buf_free(&st->notes);
    free(st);
    r->priv = NULL;
}

const struct zl_report_ops zl_report_sarif_ops = { sarif_begin, sarif_add, sarif_finish, NULL };
