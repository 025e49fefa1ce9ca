/* SPDX-License-Identifier: MIT */
/* Reading a sender pack from YAML (the format is described in
 * senders/README.md). Every problem is reported at the node it is about,
 * file:line:col, so a user pack with a typo points at the typo. The same
 * code reads the built-in packs at build time (tools/gensenders.c) and user
 * packs at run time, so both are held to the same checks, PCRE2
 * compilation of every pattern included. */
#include "input/confine.h"
#include "lint/senders.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "base/buf.h"
#include "base/fileio.h"
#include "input/exports/ydoc.h"
#include "rdata/types.h"

static const char *const role_names[ZL_ROLE__COUNT] = {
    [ZL_ROLE_DKIM] = "dkim",
    [ZL_ROLE_VERIFICATION] = "verification",
    [ZL_ROLE_RETURN_PATH] = "return-path",
    [ZL_ROLE_LINK_BRANDING] = "link-branding",
    [ZL_ROLE_TRACKING] = "tracking",
    [ZL_ROLE_SPF] = "spf",
    [ZL_ROLE_MX] = "mx",
};

const char *zl_sender_role_name(unsigned role)
{
    return role < ZL_ROLE__COUNT ? role_names[role] : "?";
}

int zl_sender_role_from_name(const char *s, size_t n)
{
    for (int i = 0; i < ZL_ROLE__COUNT; i++)
        if (strlen(role_names[i]) == n && memcmp(role_names[i], s, n) == 0)
            return i;
    return -1;
}

/* Largest file, records and strings a pack may have: packs are small, and a
 * limit keeps a wrong file (a whole zone pointed at by mistake) from
 * costing much before it is refused. */
#define MAX_PACK_BYTES (256u * 1024u)
#define MAX_ENTRIES 64
#define MAX_CAPTURES 32
#define MAX_LIST 64

/* ---- templates and patterns ------------------------------------------------------ */

const struct zl_sender_capture *zl_sender_capture_find(const struct zl_sender_pack *p, const char *name,
                                                       size_t n)
{
    for (size_t i = 0; i < p->ncaptures; i++)
        if (strlen(p->captures[i].name) == n && memcmp(p->captures[i].name, name, n) == 0)
            return &p->captures[i];
    return NULL;
}

static bool ident_char(char c, bool first)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!first && c >= '0' && c <= '9');
}

/* Length of "{name}" at s (0 when s does not start a capture reference:
 * "{43}" and "{2,3}" are PCRE2 quantifiers). */
static size_t ref_len(const char *s)
{
    if (s[0] != '{' || !ident_char(s[1], true))
        return 0;
    size_t i = 2;
    while (ident_char(s[i], false))
        i++;
    return s[i] == '}' ? i + 1 : 0;
}

/* Appends capture `name` as a group the first time, a back reference after. */
static bool put_capture(struct zl_buf *b, const struct zl_sender_pack *p, const char *name, size_t n,
                        char seen[][40], size_t *nseen)
{
    const struct zl_sender_capture *c = zl_sender_capture_find(p, name, n);
    if (!c || n >= 40)
        return false;
    for (size_t i = 0; i < *nseen; i++)
        if (strlen(seen[i]) == n && memcmp(seen[i], name, n) == 0) {
            zl_buf_printf(b, "(?:\\k<%.*s>)", (int)n, name);
            return true;
        }
    if (*nseen < MAX_CAPTURES) {
        memcpy(seen[*nseen], name, n);
        seen[*nseen][n] = '\0';
        (*nseen)++;
    }
    zl_buf_printf(b, "(?<%.*s>(?:%s))", (int)n, name, c->pattern);
    return true;
}

char *zl_sender_expand_value(const struct zl_sender_pack *p, const char *pat)
{
    struct zl_buf b = { 0 };
    char seen[MAX_CAPTURES][40];
    size_t nseen = 0;
    zl_buf_puts(&b, "^(?:");
    for (const char *s = pat; *s;) {
        if (*s == '\\' && s[1]) {
            zl_buf_put(&b, s, 2);
            s += 2;
            continue;
        }
        size_t r = ref_len(s);
        if (r) {
            if (!put_capture(&b, p, s + 1, r - 2, seen, &nseen)) {
                zl_buf_free(&b);
                return NULL;
            }
            s += r;
            continue;
        }
        zl_buf_putc(&b, (uint8_t)*s++);
    }
    zl_buf_puts(&b, ")$");
    return zl_buf_cstr(&b);
}

char *zl_sender_expand_owner(const struct zl_sender_pack *p, const char *tmpl)
{
    struct zl_buf b = { 0 };
    char seen[MAX_CAPTURES][40];
    size_t nseen = 0;
    zl_buf_puts(&b, "^");
    if (strcmp(tmpl, "@") != 0) {
        for (const char *s = tmpl; *s;) {
            size_t r = ref_len(s);
            if (r) {
                if (!put_capture(&b, p, s + 1, r - 2, seen, &nseen)) {
                    zl_buf_free(&b);
                    return NULL;
                }
                s += r;
                continue;
            }
            char c = *s++;
            if (c == '.')
                zl_buf_puts(&b, "\\.");
            else if (c >= 'A' && c <= 'Z')
                zl_buf_putc(&b, (uint8_t)(c - 'A' + 'a')); /* owners are matched in lower case */
            else
                zl_buf_putc(&b, (uint8_t)c);
        }
    }
    zl_buf_puts(&b, "$");
    return zl_buf_cstr(&b);
}

unsigned zl_sender_owner_labels(const char *tmpl)
{
    if (!tmpl || !*tmpl || strcmp(tmpl, "@") == 0)
        return 0;
    unsigned n = 1;
    for (const char *s = tmpl; *s; s++)
        if (*s == '.')
            n++;
    return n;
}

/* ---- errors ---------------------------------------------------------------------------- */

struct ld {
    struct zl_ydocs y;
    const char *file;
    struct zl_sender_error *err;
    struct zl_sender_pack *p;
};

static int fail_at(struct ld *l, uint32_t line, uint32_t col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int fail_at(struct ld *l, uint32_t line, uint32_t col, const char *fmt, ...)
{
    struct zl_sender_error *e = l->err;
    snprintf(e->file, sizeof e->file, "%s", l->file);
    e->line = line ? line : 1;
    e->col = col ? col : 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return -1;
}

#define FAIL(node, ...) fail_at(l, span_of(l, node).line, span_of(l, node).col, __VA_ARGS__)

static struct zl_span span_of(struct ld *l, const yaml_node_t *n)
{
    return zl_y_span(&l->y, 0, n);
}

/* ---- scalars ------------------------------------------------------------------------------ */

static char *dup_scalar(const yaml_node_t *n)
{
    size_t len;
    const char *s = zl_y_str(n, &len);
    return zl_xstrndup(s, len);
}

static int get_string(struct ld *l, const yaml_node_t *n, const char *key, char **out)
{
    if (!zl_y_is_scalar(n))
        return FAIL(n, "'%s' must be a string", key);
    size_t len;
    const char *s = zl_y_str(n, &len);
    if (memchr(s, '\0', len))
        return FAIL(n, "'%s' holds a NUL byte", key);
    free(*out);
    *out = dup_scalar(n);
    return 0;
}

static int get_bool(struct ld *l, const yaml_node_t *n, const char *key, bool *out)
{
    if (zl_y_eq(n, "true") || zl_y_eq(n, "yes")) {
        *out = true;
        return 0;
    }
    if (zl_y_eq(n, "false") || zl_y_eq(n, "no")) {
        *out = false;
        return 0;
    }
    return FAIL(n, "'%s' must be true or false", key);
}

/* A list of strings: a sequence of scalars, or one scalar. */
static int get_list(struct ld *l, const yaml_node_t *n, const char *key, const char *const **out,
                    uint16_t *count)
{
    size_t cnt = 0;
    char **v = NULL;
    if (zl_y_is_scalar(n)) {
        v = zl_xcalloc(1, sizeof *v);
        v[cnt++] = dup_scalar(n);
    } else if (n->type == YAML_SEQUENCE_NODE) {
        size_t total = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
        if (total > MAX_LIST)
            return FAIL(n, "'%s' has %zu items; at most %u are allowed", key, total, MAX_LIST);
        v = zl_xcalloc(total ? total : 1, sizeof *v);
        for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
            yaml_node_t *e = zl_y_node(&l->y, 0, *it);
            if (!zl_y_is_scalar(e)) {
                for (size_t i = 0; i < cnt; i++)
                    free(v[i]);
                free(v);
                return FAIL(e, "every item of '%s' must be a string", key);
            }
            v[cnt++] = dup_scalar(e);
        }
    } else {
        return FAIL(n, "'%s' must be a string or a list of strings", key);
    }
    *out = (const char *const *)v;
    *count = (uint16_t)cnt;
    return 0;
}

static bool is_url(const char *s)
{
    return strncmp(s, "https://", 8) == 0 || strncmp(s, "http://", 7) == 0;
}

/* ---- pattern checks ------------------------------------------------------------------ */

/* Compiles src; on failure reports PCRE2's message at node. */
static int check_regex(struct ld *l, const yaml_node_t *node, const char *what, const char *src)
{
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, 0, &code, &off, NULL);
    if (re) {
        pcre2_code_free(re);
        return 0;
    }
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(code, msg, sizeof msg);
    return FAIL(node, "%s does not compile as a PCRE2 pattern: %s (at offset %zu of '%s')", what,
                (const char *)msg, (size_t)off, src);
}

/* Every {name} of s must be a capture. */
static int check_refs(struct ld *l, const yaml_node_t *node, const char *what, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\' && s[1]) {
            s++;
            continue;
        }
        size_t r = ref_len(s);
        if (!r)
            continue;
        if (!zl_sender_capture_find(l->p, s + 1, r - 2))
            return FAIL(node, "%s uses {%.*s}, which is not in 'captures'", what, (int)(r - 2), s + 1);
        s += r - 1;
    }
    return 0;
}

/* True when {name} appears in s. */
static bool uses(const char *s, const char *name)
{
    size_t n = strlen(name);
    for (; s && *s; s++) {
        size_t r = ref_len(s);
        if (r && r - 2 == n && memcmp(s + 1, name, n) == 0)
            return true;
    }
    return false;
}

static int check_owner_template(struct ld *l, const yaml_node_t *node, const char *t)
{
    if (!*t)
        return FAIL(node, "'owner' is empty; write '@' for the identity itself");
    if (strcmp(t, "@") == 0)
        return 0;
    const char *label = t;
    for (const char *s = t;; s++) {
        size_t r = ref_len(s);
        if (r) {
            s += r - 1;
            continue;
        }
        if (*s == '.' || *s == '\0') {
            if (s == label)
                return FAIL(node, "'owner' '%s' has an empty label", t);
            if (!*s)
                break;
            label = s + 1;
            continue;
        }
        char c = *s;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_'))
            return FAIL(node,
                        "'owner' '%s' has '%c': an owner template is labels of letters, digits, '-', '_' "
                        "and {capture} references, relative to the identity",
                        t, c);
    }
    return 0;
}

/* ---- captures ----------------------------------------------------------------------- */

static int load_captures(struct ld *l, const yaml_node_t *map)
{
    if (map->type != YAML_MAPPING_NODE)
        return FAIL(map, "'captures' must map names to patterns");
    size_t total = (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
    if (total > MAX_CAPTURES)
        return FAIL(map, "'captures' has %zu names; at most %u are allowed", total, MAX_CAPTURES);
    struct zl_sender_capture *caps = zl_xcalloc(total ? total : 1, sizeof *caps);
    l->p->captures = caps;
    for (yaml_node_pair_t *pr = map->data.mapping.pairs.start; pr < map->data.mapping.pairs.top; pr++) {
        yaml_node_t *k = zl_y_node(&l->y, 0, pr->key), *v = zl_y_node(&l->y, 0, pr->value);
        if (!zl_y_is_scalar(k))
            return FAIL(k, "a capture name must be a string");
        size_t kn;
        const char *ks = zl_y_str(k, &kn);
        bool ok = kn > 0 && kn < 40 && ident_char(ks[0], true);
        for (size_t i = 1; ok && i < kn; i++)
            ok = ident_char(ks[i], false);
        if (!ok)
            return FAIL(k, "capture name '%.*s' must be a letter or '_' followed by letters, digits or '_' "
                           "(at most 39)",
                        (int)kn, ks);
        if (zl_sender_capture_find(l->p, ks, kn))
            return FAIL(k, "capture '%.*s' is defined twice", (int)kn, ks);
        struct zl_sender_capture *c = &caps[l->p->ncaptures];
        char *name = zl_xstrndup(ks, kn);
        char *pattern = NULL, *fallback = NULL, *about = NULL;
        uint8_t kind = ZL_CAP_PLAIN;
        if (zl_y_is_scalar(v)) {
            pattern = dup_scalar(v);
        } else if (v->type == YAML_MAPPING_NODE) {
            for (yaml_node_pair_t *q = v->data.mapping.pairs.start; q < v->data.mapping.pairs.top; q++) {
                yaml_node_t *qk = zl_y_node(&l->y, 0, q->key), *qv = zl_y_node(&l->y, 0, q->value);
                int rc = 0;
                if (zl_y_eq(qk, "pattern"))
                    rc = get_string(l, qv, "pattern", &pattern);
                else if (zl_y_eq(qk, "fallback"))
                    rc = get_string(l, qv, "fallback", &fallback);
                else if (zl_y_eq(qk, "about"))
                    rc = get_string(l, qv, "about", &about);
                else if (zl_y_eq(qk, "kind")) {
                    if (zl_y_eq(qv, "d-dash"))
                        kind = ZL_CAP_DDASH;
                    else if (zl_y_eq(qv, "plain"))
                        kind = ZL_CAP_PLAIN;
                    else
                        rc = FAIL(qv, "capture kind must be 'plain' or 'd-dash' (the identity with dots "
                                      "as dashes)");
                } else {
                    rc = FAIL(qk, "unknown key in capture '%s' (known: pattern, fallback, kind, about)", name);
                }
                if (rc) {
                    free(name);
                    free(pattern);
                    free(fallback);
                    free(about);
                    return -1;
                }
            }
        } else {
            free(name);
            return FAIL(v, "capture '%.*s' must be a pattern or a mapping with 'pattern'", (int)kn, ks);
        }
        if (!pattern && kind == ZL_CAP_DDASH)
            pattern = zl_xstrdup("[a-z0-9][a-z0-9.-]*"); /* dots allowed, so a dot error can be named */
        c->name = name;
        c->pattern = pattern;
        c->fallback = fallback;
        c->kind = kind;
        c->about = about;
        l->p->ncaptures++;
        if (!pattern)
            return FAIL(v, "capture '%s' has no pattern", name);
        struct zl_buf b = { 0 };
        zl_buf_printf(&b, "(?:%s)", pattern);
        int rc = check_regex(l, v, "the capture's pattern", zl_buf_cstr(&b));
        zl_buf_free(&b);
        if (rc)
            return -1;
        if (strchr(pattern, '(') && strstr(pattern, "(?<"))
            return FAIL(v, "capture '%s' must not define named groups of its own", name);
    }
    return 0;
}

/* ---- entries ------------------------------------------------------------------------------- */

static int load_set(struct ld *l, const yaml_node_t *n, struct zl_sender_entry *e)
{
    if (n->type != YAML_MAPPING_NODE)
        return FAIL(n, "'set' must be a mapping with 'capture' and 'members' or 'count'");
    for (yaml_node_pair_t *q = n->data.mapping.pairs.start; q < n->data.mapping.pairs.top; q++) {
        yaml_node_t *k = zl_y_node(&l->y, 0, q->key), *v = zl_y_node(&l->y, 0, q->value);
        if (zl_y_eq(k, "capture")) {
            if (get_string(l, v, "capture", (char **)&e->set_capture))
                return -1;
        } else if (zl_y_eq(k, "members")) {
            if (e->set_members)
                return FAIL(k, "'members' is given twice");
            if (get_list(l, v, "members", &e->set_members, &e->nset_members))
                return -1;
        } else if (zl_y_eq(k, "count")) {
            size_t len;
            const char *s = zl_y_is_scalar(v) ? zl_y_str(v, &len) : NULL;
            char *end = NULL;
            long c = s ? strtol(s, &end, 10) : 0;
            if (!s || end != s + len || c < 2 || c > 32)
                return FAIL(v, "'count' must be a number from 2 to 32");
            e->set_count = (uint16_t)c;
        } else {
            return FAIL(k, "unknown key in 'set' (known: capture, members, count)");
        }
    }
    if (!e->set_capture)
        return FAIL(n, "'set' needs 'capture': the part of the owner that differs between the members");
    if (!e->nset_members && !e->set_count)
        return FAIL(n, "'set' needs 'members' (the values of {%s}) or 'count'", e->set_capture);
    if (e->nset_members && e->set_count)
        return FAIL(n, "'set' takes 'members' or 'count', not both");
    return 0;
}

static int load_maps(struct ld *l, const yaml_node_t *n, struct zl_sender_entry *e)
{
    if (n->type != YAML_SEQUENCE_NODE)
        return FAIL(n, "'map' must be a list of {from, to, values}");
    size_t total = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    if (total > 8)
        return FAIL(n, "'map' has %zu items; at most 8 are allowed", total);
    struct zl_sender_map *maps = zl_xcalloc(total ? total : 1, sizeof *maps);
    e->maps = maps;
    for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
        yaml_node_t *m = zl_y_node(&l->y, 0, *it);
        if (m->type != YAML_MAPPING_NODE)
            return FAIL(m, "each 'map' item must be a mapping with from, to and values");
        struct zl_sender_map *mp = &maps[e->nmaps++];
        for (yaml_node_pair_t *q = m->data.mapping.pairs.start; q < m->data.mapping.pairs.top; q++) {
            yaml_node_t *k = zl_y_node(&l->y, 0, q->key), *v = zl_y_node(&l->y, 0, q->value);
            if (zl_y_eq(k, "from")) {
                if (get_string(l, v, "from", (char **)&mp->from))
                    return -1;
            } else if (zl_y_eq(k, "to")) {
                if (get_string(l, v, "to", (char **)&mp->to))
                    return -1;
            } else if (zl_y_eq(k, "values")) {
                if (v->type != YAML_MAPPING_NODE)
                    return FAIL(v, "'values' must map values of 'from' to values of 'to'");
                if (mp->pairs)
                    return FAIL(k, "'values' is given twice");
                size_t np = (size_t)(v->data.mapping.pairs.top - v->data.mapping.pairs.start);
                if (np > 16)
                    return FAIL(v, "'values' has %zu pairs; at most 16 are allowed", np);
                char **pairs = zl_xcalloc(2 * np + 1, sizeof *pairs);
                mp->pairs = (const char *const *)pairs;
                for (yaml_node_pair_t *r = v->data.mapping.pairs.start; r < v->data.mapping.pairs.top; r++) {
                    yaml_node_t *rk = zl_y_node(&l->y, 0, r->key), *rv = zl_y_node(&l->y, 0, r->value);
                    if (!zl_y_is_scalar(rk) || !zl_y_is_scalar(rv))
                        return FAIL(rk, "'values' pairs must be strings");
                    pairs[mp->npairs++] = dup_scalar(rk);
                    pairs[mp->npairs++] = dup_scalar(rv);
                }
            } else {
                return FAIL(k, "unknown key in a 'map' item (known: from, to, values)");
            }
        }
        if (!mp->from || !mp->to || !mp->npairs)
            return FAIL(m, "a 'map' item needs from, to and values");
    }
    return 0;
}

static int check_entry(struct ld *l, const yaml_node_t *node, struct zl_sender_entry *e)
{
    const char *id = e->id ? e->id : "?";
    if (!e->id)
        return FAIL(node, "a record needs 'id' (unique in the pack, e.g. dkim or return-path)");
    for (size_t i = 0; i + 1 < l->p->nentries; i++)
        if (strcmp(l->p->entries[i].id, e->id) == 0)
            return FAIL(node, "record id '%s' is used twice", e->id);
    if (e->role == 0xff)
        return FAIL(node, "record '%s' needs 'role' (dkim, verification, return-path, link-branding, "
                          "tracking, spf or mx)",
                    id);
    if (!e->type)
        return FAIL(node, "record '%s' needs 'type' (CNAME, TXT or MX)", id);
    if (!e->owner)
        return FAIL(node, "record '%s' needs 'owner', relative to the identity ('@' for the identity)", id);
    if (!e->value)
        return FAIL(node, "record '%s' needs 'value', a PCRE2 pattern for the target or the text", id);
    if (!e->source)
        return FAIL(node, "record '%s' needs 'source': the URL of the documentation it follows", id);
    if (!is_url(e->source))
        return FAIL(node, "record '%s': 'source' must be an http(s) URL", id);
    if ((e->type == ZL_T_CNAME || e->type == ZL_T_MX) && !e->ndomains)
        return FAIL(node, "record '%s' needs 'domain': the sender's domain its targets are under", id);
    if (e->role == ZL_ROLE_SPF && e->type != ZL_T_TXT)
        return FAIL(node, "record '%s': an spf record has type TXT", id);
    if (e->type == ZL_T_TXT && e->role != ZL_ROLE_SPF && !e->prefix) {
        /* Recognised by its owner: the first label needs a literal part. */
        const char *o = e->owner;
        bool literal = false;
        for (const char *s = o; strcmp(o, "@") != 0 && *s && *s != '.'; s++) {
            size_t r = ref_len(s);
            if (r) {
                s += r - 1;
                continue;
            }
            literal = true;
        }
        if (!literal)
            return FAIL(node,
                        "record '%s' is a TXT record without 'prefix', so it is recognised by its owner; "
                        "the owner's first label needs literal text (like 'google' in "
                        "'google._domainkey')",
                        id);
    }
    for (size_t i = 0; i < e->nsame; i++)
        if (!uses(e->owner, e->same[i]) && !uses(e->value, e->same[i]))
            return FAIL(node, "record '%s': 'same' names {%s}, which its owner and value do not use", id,
                        e->same[i]);
    if (e->set_capture && !uses(e->owner, e->set_capture))
        return FAIL(node, "record '%s': the set's capture {%s} must be in the owner", id, e->set_capture);
    for (size_t i = 0; i < e->nmaps; i++) {
        const struct zl_sender_map *m = &e->maps[i];
        if (!uses(e->owner, m->from) && !uses(e->value, m->from))
            return FAIL(node, "record '%s': 'map' from {%s} is not used by the record", id, m->from);
        if (!uses(e->owner, m->to) && !uses(e->value, m->to))
            return FAIL(node, "record '%s': 'map' to {%s} is not used by the record", id, m->to);
    }
    return 0;
}

static int load_entry(struct ld *l, const yaml_node_t *node, struct zl_sender_entry *e)
{
    if (node->type != YAML_MAPPING_NODE)
        return FAIL(node, "each record must be a mapping (id, role, type, owner, value, source, ...)");
    e->role = 0xff;
    e->proxy = 0xff;
    e->line = span_of(l, node).line;
    yaml_node_t *owner_node = NULL, *value_node = NULL;
    for (yaml_node_pair_t *q = node->data.mapping.pairs.start; q < node->data.mapping.pairs.top; q++) {
        yaml_node_t *k = zl_y_node(&l->y, 0, q->key), *v = zl_y_node(&l->y, 0, q->value);
        int rc = 0;
        if (zl_y_eq(k, "id"))
            rc = get_string(l, v, "id", (char **)&e->id);
        else if (zl_y_eq(k, "role")) {
            size_t n = 0;
            const char *rs = zl_y_is_scalar(v) ? zl_y_str(v, &n) : NULL;
            int r = rs ? zl_sender_role_from_name(rs, n) : -1;
            if (r < 0)
                rc = FAIL(v, "role must be one of dkim, verification, return-path, link-branding, tracking, "
                             "spf, mx");
            else
                e->role = (uint8_t)r;
        } else if (zl_y_eq(k, "type")) {
            if (zl_y_eq(v, "CNAME"))
                e->type = ZL_T_CNAME;
            else if (zl_y_eq(v, "TXT"))
                e->type = ZL_T_TXT;
            else if (zl_y_eq(v, "MX"))
                e->type = ZL_T_MX;
            else
                rc = FAIL(v, "type must be CNAME, TXT or MX");
        } else if (zl_y_eq(k, "owner")) {
            owner_node = v;
            rc = get_string(l, v, "owner", (char **)&e->owner);
        } else if (zl_y_eq(k, "value")) {
            value_node = v;
            rc = get_string(l, v, "value", (char **)&e->value);
        } else if (zl_y_eq(k, "default-owner"))
            rc = get_string(l, v, "default-owner", (char **)&e->default_owner);
        else if (zl_y_eq(k, "shows"))
            rc = get_string(l, v, "shows", (char **)&e->shows);
        else if (zl_y_eq(k, "domain")) {
            rc = e->domains ? FAIL(k, "'domain' is given twice")
                            : get_list(l, v, "domain", &e->domains, &e->ndomains);
            for (size_t i = 0; !rc && i < e->ndomains; i++) {
                const char *d = e->domains[i];
                bool ok = *d && d[0] != '.' && d[strlen(d) - 1] != '.' && !strstr(d, "..");
                for (const char *c = d; ok && *c; c++)
                    ok = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '.';
                if (!ok)
                    rc = FAIL(v, "'domain' must be lower-case names without a trailing dot");
            }
        } else if (zl_y_eq(k, "prefix")) {
            rc = get_string(l, v, "prefix", (char **)&e->prefix);
            if (!rc && !*e->prefix)
                rc = FAIL(v, "'prefix' is empty");
        } else if (zl_y_eq(k, "same"))
            rc = get_list(l, v, "same", &e->same, &e->nsame);
        else if (zl_y_eq(k, "set"))
            rc = e->set_capture ? FAIL(k, "'set' is given twice") : load_set(l, v, e);
        else if (zl_y_eq(k, "map"))
            rc = e->maps ? FAIL(k, "'map' is given twice") : load_maps(l, v, e);
        else if (zl_y_eq(k, "proxy")) {
            if (zl_y_eq(v, "never"))
                e->proxy = ZL_PROXY_NEVER;
            else if (zl_y_eq(v, "allowed"))
                e->proxy = ZL_PROXY_ALLOWED;
            else
                rc = FAIL(v, "proxy must be 'never' or 'allowed'");
        } else if (zl_y_eq(k, "required"))
            rc = get_bool(l, v, "required", &e->required);
        else if (zl_y_eq(k, "context"))
            rc = get_bool(l, v, "context", &e->context);
        else if (zl_y_eq(k, "source"))
            rc = get_string(l, v, "source", (char **)&e->source);
        else
            rc = FAIL(k,
                      "unknown key in a record (known: id, role, type, owner, default-owner, value, shows, "
                      "domain, prefix, same, set, map, proxy, required, context, source)");
        if (rc)
            return -1;
    }
    if (e->proxy == 0xff)
        e->proxy = (e->role == ZL_ROLE_LINK_BRANDING || e->role == ZL_ROLE_TRACKING) ? ZL_PROXY_ALLOWED
                                                                                      : ZL_PROXY_NEVER;
    if (check_entry(l, node, e))
        return -1;
    if (check_owner_template(l, owner_node, e->owner) || check_refs(l, owner_node, "'owner'", e->owner) ||
        check_refs(l, value_node, "'value'", e->value))
        return -1;
    char *src = zl_sender_expand_owner(l->p, e->owner);
    int rc = check_regex(l, owner_node, "'owner'", src);
    free(src);
    if (rc)
        return -1;
    src = zl_sender_expand_value(l->p, e->value);
    rc = check_regex(l, value_node, "'value'", src);
    free(src);
    return rc;
}

/* ---- the pack ------------------------------------------------------------------------------ */

static bool id_ok(const char *s)
{
    if (!*s || strlen(s) > 32)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return false;
    return true;
}

static int load_pack(struct ld *l, yaml_node_t *root)
{
    struct zl_sender_pack *p = l->p;
    if (!root || root->type != YAML_MAPPING_NODE)
        return fail_at(l, 1, 1, "a sender pack is a YAML mapping (sender, name, records, ...)");
    /* Captures first: records refer to them wherever they are written. */
    yaml_node_t *caps = zl_y_get(&l->y, 0, root, "captures");
    if (caps && load_captures(l, caps))
        return -1;
    yaml_node_t *records = NULL;
    for (yaml_node_pair_t *q = root->data.mapping.pairs.start; q < root->data.mapping.pairs.top; q++) {
        yaml_node_t *k = zl_y_node(&l->y, 0, q->key), *v = zl_y_node(&l->y, 0, q->value);
        int rc = 0;
        if (zl_y_eq(k, "sender")) {
            rc = get_string(l, v, "sender", (char **)&p->id);
            if (!rc && !id_ok(p->id))
                rc = FAIL(v, "'sender' must be 1-32 lower-case letters, digits or '-' (it is what "
                             "sender:NAME names)");
        } else if (zl_y_eq(k, "name"))
            rc = get_string(l, v, "name", (char **)&p->name);
        else if (zl_y_eq(k, "about"))
            rc = get_string(l, v, "about", (char **)&p->about);
        else if (zl_y_eq(k, "based-on"))
            rc = get_string(l, v, "based-on", (char **)&p->based_on);
        else if (zl_y_eq(k, "anchor"))
            rc = get_string(l, v, "anchor", (char **)&p->anchor);
        else if (zl_y_eq(k, "example"))
            rc = get_string(l, v, "example", (char **)&p->example);
        else if (zl_y_eq(k, "classify-only"))
            rc = get_bool(l, v, "classify-only", &p->classify_only);
        else if (zl_y_eq(k, "sources")) {
            rc = p->sources ? FAIL(k, "'sources' is given twice")
                            : get_list(l, v, "sources", &p->sources, &p->nsources);
            for (size_t i = 0; !rc && i < p->nsources; i++)
                if (!is_url(p->sources[i]))
                    rc = FAIL(v, "every item of 'sources' must be an http(s) URL");
        } else if (zl_y_eq(k, "captures"))
            continue;
        else if (zl_y_eq(k, "records"))
            records = v;
        else
            rc = FAIL(k, "unknown key (known: sender, name, about, based-on, anchor, classify-only, sources, "
                         "captures, records, example)");
        if (rc)
            return -1;
    }
    if (!p->id)
        return FAIL(root, "the pack needs 'sender', its id (for sender:NAME)");
    if (!p->name)
        return FAIL(root, "the pack needs 'name', the sender as people call it");
    if (!records)
        return FAIL(root, "the pack needs 'records'");
    if (records->type != YAML_SEQUENCE_NODE)
        return FAIL(records, "'records' must be a list");
    size_t total = (size_t)(records->data.sequence.items.top - records->data.sequence.items.start);
    if (total == 0)
        return FAIL(records, "'records' is empty");
    if (total > MAX_ENTRIES)
        return FAIL(records, "'records' has %zu items; at most %u are allowed", total, MAX_ENTRIES);
    struct zl_sender_entry *ents = zl_xcalloc(total, sizeof *ents);
    p->entries = ents;
    for (yaml_node_item_t *it = records->data.sequence.items.start; it < records->data.sequence.items.top;
         it++) {
        p->nentries++;
        if (load_entry(l, zl_y_node(&l->y, 0, *it), &ents[p->nentries - 1]))
            return -1;
    }
    if (p->anchor) {
        bool found = false;
        for (size_t i = 0; i < p->nentries; i++)
            found |= strcmp(p->entries[i].id, p->anchor) == 0;
        if (!found)
            return FAIL(zl_y_get(&l->y, 0, root, "anchor"), "'anchor' names no record id of this pack");
    }
    return 0;
}

int zl_sender_pack_parse(const char *data, size_t len, const char *file, struct zl_sender_pack **out,
                         struct zl_sender_error *err)
{
    memset(err, 0, sizeof *err);
    *out = NULL;
    struct ld l;
    memset(&l, 0, sizeof l);
    l.file = file;
    l.err = err;
    if (len > MAX_PACK_BYTES)
        return fail_at(&l, 1, 1, "a sender pack is at most %u bytes; this file has %zu", MAX_PACK_BYTES, len);
    if (memchr(data, '\0', len))
        return fail_at(&l, 1, 1, "the file holds a NUL byte: it is not a YAML sender pack");
    struct zl_yerror ye;
    if (zl_ydocs_load(&l.y, data, len, NULL, &ye) != 0) {
        fail_at(&l, ye.span.line, ye.span.col, "%s", ye.msg);
        zl_ydocs_free(&l.y);
        return -1;
    }
    if (l.y.ndocs != 1) {
        fail_at(&l, 1, 1, "a sender pack file holds exactly one YAML document (this one has %zu)", l.y.ndocs);
        zl_ydocs_free(&l.y);
        return -1;
    }
    l.p = zl_xcalloc(1, sizeof *l.p);
    l.p->file = zl_xstrdup(file);
    int rc = load_pack(&l, zl_y_root(&l.y, 0));
    zl_ydocs_free(&l.y);
    if (rc) {
        zl_sender_pack_free(l.p);
        return -1;
    }
    *out = l.p;
    return 0;
}

int zl_sender_pack_load(const char *path, struct zl_sender_pack **out, struct zl_sender_error *err)
{
    memset(err, 0, sizeof *err);
    *out = NULL;
    /* Through confine.c: a pack in the repository that is a link out of it,
     * a FIFO or a device is not read. */
    struct zl_buf b = { 0 };
    bool too_big = false;
    char why[PATH_MAX + 200];
    int rc = zl_read_argument_file(path, MAX_PACK_BYTES, &b, &too_big, why, sizeof why);
    if (rc != 0) {
        snprintf(err->file, sizeof err->file, "%s", path);
        err->line = err->col = 1;
        if (too_big)
            snprintf(err->msg, sizeof err->msg, "a sender pack is at most %u bytes", MAX_PACK_BYTES);
        else
            snprintf(err->msg, sizeof err->msg, "cannot read the sender pack: %.300s", why);
        zl_buf_free(&b);
        return -1;
    }
    rc = zl_sender_pack_parse(b.data ? (const char *)b.data : "", b.len, path, out, err);
    zl_buf_free(&b);
    return rc;
}

static void free_list(const char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free((char *)v[i]);
    free((void *)v);
}

void zl_sender_pack_free(struct zl_sender_pack *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->ncaptures; i++) {
        free((char *)p->captures[i].name);
        free((char *)p->captures[i].pattern);
        free((char *)p->captures[i].fallback);
        free((char *)p->captures[i].about);
    }
    free((void *)p->captures);
    for (size_t i = 0; i < p->nentries; i++) {
        const struct zl_sender_entry *e = &p->entries[i];
        free((char *)e->id);
        free((char *)e->owner);
        free((char *)e->default_owner);
        free((char *)e->value);
        free((char *)e->shows);
        free_list(e->domains, e->ndomains);
        free((char *)e->prefix);
        free((char *)e->source);
        free((char *)e->set_capture);
        free_list(e->same, e->nsame);
        free_list(e->set_members, e->nset_members);
        for (size_t k = 0; k < e->nmaps; k++) {
            free((char *)e->maps[k].from);
            free((char *)e->maps[k].to);
            free_list(e->maps[k].pairs, e->maps[k].npairs);
        }
        free((void *)e->maps);
    }
    free((void *)p->entries);
    free_list(p->sources, p->nsources);
    free((char *)p->id);
    free((char *)p->name);
    free((char *)p->about);
    free((char *)p->file);
    free((char *)p->based_on);
    free((char *)p->anchor);
    free((char *)p->example);
    free(p);
}
