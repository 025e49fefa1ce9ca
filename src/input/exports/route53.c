/* Route 53: the JSON of `aws route53 list-resource-record-sets` (or its
 * --output yaml twin). One document or several pages: an object with
 * ResourceRecordSets, pages written one after another, a JSON array of
 * pages, or the bare array of record sets (--query ResourceRecordSets).
 *
 * Route 53 semantics: every name is absolute, with or without its trailing
 * dot (Route 53 never appends the zone), and characters outside a-z0-9-_
 * come back as \DDD escapes, which are presentation escapes too. Values are
 * presentation format; TXT values carry their own quotes. Alias records
 * (AliasTarget) and traffic-policy records have no RR type of their own:
 * they are skipped, neither reported nor printed. */
#include <stdlib.h>
#include <string.h>

#include "input/exports/emit.h"
#include "input/exports/ystream.h"
#include "input/readers.h"
#include "rdata/types.h"

typedef void (*set_fn)(struct zl_fmt *f, size_t doc, yaml_node_t *set, void *arg);

static void each_in_seq(struct zl_fmt *f, size_t doc, yaml_node_t *seq, set_fn fn, void *arg)
{
    for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++)
        fn(f, doc, zl_y_node(&f->y, doc, *it), arg);
}

/* Calls fn for every record set of every page; reports shapes that are not
 * Route 53's only when report is set (the second pass). */
static void each_set(struct zl_fmt *f, set_fn fn, void *arg, bool report)
{
    for (size_t d = 0; d < f->y.ndocs; d++) {
        yaml_node_t *root = zl_y_root(&f->y, d);
        yaml_node_t *sets = zl_y_get(&f->y, d, root, "ResourceRecordSets");
        if (sets && sets->type == YAML_SEQUENCE_NODE) {
            each_in_seq(f, d, sets, fn, arg);
            continue;
        }
        if (!sets && root->type == YAML_SEQUENCE_NODE) {
            for (yaml_node_item_t *it = root->data.sequence.items.start; it < root->data.sequence.items.top; it++) {
                yaml_node_t *item = zl_y_node(&f->y, d, *it);
                yaml_node_t *page = zl_y_get(&f->y, d, item, "ResourceRecordSets");
                if (page && page->type == YAML_SEQUENCE_NODE)
                    each_in_seq(f, d, page, fn, arg);
                else if (zl_y_get(&f->y, d, item, "Name"))
                    fn(f, d, item, arg); /* the bare list of record sets */
                else if (report) {
                    struct zl_span s = zl_fmt_span(f, d, item);
                    zl_fmt_error(f, &s, "expected a page with ResourceRecordSets or a record set with Name");
                }
            }
            continue;
        }
        if (report) {
            struct zl_span s = zl_fmt_span(f, d, root);
            zl_fmt_error(f, &s, "expected an object with a ResourceRecordSets list "
                                "(the output of aws route53 list-resource-record-sets)");
        }
    }
}

/* Route 53 escapes are octal (\052 is '*'), master-file ones decimal. In a
 * value each becomes the same escape in decimal, so the value keeps its
 * length and every token its position as written. */
static void octal_to_decimal(char *s, size_t n)
{
    for (size_t i = 0; i + 3 < n; i++) {
        if (s[i] != '\\')
            continue;
        char *d = s + i + 1;
        if (d[0] >= '0' && d[0] <= '3' && d[1] >= '0' && d[1] <= '7' && d[2] >= '0' && d[2] <= '7') {
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

static bool octal3(const char *d)
{
    return d[0] >= '0' && d[0] <= '3' && d[1] >= '0' && d[1] <= '7' && d[2] >= '0' && d[2] <= '7';
}

/* A name as a master file would write it: an octal escape of a character
 * that needs none there ('*', '@' is special so stays escaped) becomes the
 * character, the others decimal escapes. The caller frees the text. */
static char *name_text(const char *s, size_t n, size_t *outlen)
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

static bool parse_name(const yaml_node_t *n, struct zl_name *out)
{
    size_t len, tl;
    const char *s = zl_y_str(n, &len);
    char *t = name_text(s, len, &tl);
    struct zl_name root;
    zl_name_root(&root);
    bool ok = zl_name_from_text(out, t, tl, &root, NULL) == ZL_NAME_OK;
    free(t);
    return ok;
}

/* First pass: the names that guess the zone (zl_fmt_zone_guess). */
static void find_zone(struct zl_fmt *f, size_t doc, yaml_node_t *set, void *arg)
{
    struct zl_fmt_zone_guess *g = arg;
    yaml_node_t *name = zl_y_get(&f->y, doc, set, "Name");
    struct zl_name n;
    if (!zl_y_is_scalar(name) || !parse_name(name, &n))
        return;
    zl_fmt_zone_guess_add(g, &n, zl_y_eq(zl_y_get(&f->y, doc, set, "Type"), "SOA"));
}

static bool txt_like(uint16_t type)
{
    return type == ZL_T_TXT || type == ZL_T_SPF;
}

static void one_set(struct zl_fmt *f, size_t doc, yaml_node_t *set, void *arg)
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
    char *written = name_text(ntext, nlen, &owner.len);
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
        size_t k = 0;
        while (k < vlen && (v[k] == ' ' || v[k] == '\t'))
            k++;
        if (txt_like(type) && (k == vlen || v[k] != '"')) {
            struct zl_span s = zl_fmt_value_span(f, doc, val);
            char tn[16];
            zl_fmt_error(f, &s, "%s value is not enclosed in quotation marks; Route 53 rejects it "
                                "(InvalidCharacterString): write \"\\\"%.*s\\\"\"",
                         zl_type_to_text(type, tn), (int)(vlen > 60 ? 60 : vlen), v);
            continue;
        }
        zl_fmt_clear(f);
        char *dec = zl_xstrndup(v, vlen);
        octal_to_decimal(dec, vlen);
        int bad = zl_fmt_tok_presentation_text(f, doc, val, dec);
        free(dec);
        if (bad)
            continue;
        /* Names in values are absolute too: the root is their origin. */
        zl_fmt_record(f, &owner, type, type_span, ttl, ZL_TTL_EXPLICIT, &root, true);
    }
out:
    free(written);
}

/* ---- streamed (ystream.h): the walk of each_set, over events --------------------------- */

/* What one document's walk does with each record set. */
struct walk {
    set_fn fn;
    void *arg;
    bool report;
};

static void stream_error(struct zl_fmt *f, struct zl_ys *s, uint64_t a, uint64_t b, const char *msg)
{
    struct zl_span sp = zl_ys_span(s, a, b);
    zl_fmt_error(f, &sp, "%s", msg);
}

/* The items of the list at the current event, each a record set of its own. */
static void sets_of(struct zl_fmt *f, struct zl_ys *s, const struct walk *w)
{
    zl_ys_next(s);
    while (zl_ys_type(s) != YAML_SEQUENCE_END_EVENT && zl_ys_type(s) != YAML_NO_EVENT) {
        zl_ys_unit(s);
        yaml_node_t *set = zl_ys_build(s);
        if (!set)
            return;
        w->fn(f, 0, set, w->arg);
    }
    zl_ys_next(s);
}

/* An item of a top-level list: a page (its ResourceRecordSets is a list)
 * or a record set (it has a Name). Built as the record set it may be, until
 * its ResourceRecordSets turns out to be a list: then a page, whose record
 * sets go one by one. */
static void list_item(struct zl_fmt *f, struct zl_ys *s, const struct walk *w)
{
    zl_ys_unit(s);
    uint64_t a = s->start;
    int map = zl_ys_new_mapping(s);
    size_t la = s->ev.start_mark.line;
    bool page = false, seen = false;
    yaml_node_pair_t *pairs = NULL;
    size_t npairs = 0, cpairs = 0;
    zl_ys_next(s);
    while (zl_ys_type(s) != YAML_MAPPING_END_EVENT && zl_ys_type(s) != YAML_NO_EVENT) {
        if (page) {
            zl_ys_skip(s, NULL, NULL);
            zl_ys_skip(s, NULL, NULL);
            continue;
        }
        bool rrs = !seen && zl_ys_is_key(s, "ResourceRecordSets");
        seen = seen || rrs;
        int key = zl_ys_build_index(s);
        if (rrs && zl_ys_type(s) == YAML_SEQUENCE_START_EVENT) {
            page = true;
            sets_of(f, s, w);
            continue;
        }
        int value = zl_ys_build_index(s);
        if (!map || !key || !value) {
            free(pairs);
            return;
        }
        if (npairs == cpairs) {
            cpairs = cpairs ? 2 * cpairs : 16;
            pairs = zl_xrealloc(pairs, cpairs * sizeof *pairs);
        }
        pairs[npairs].key = key;
        pairs[npairs++].value = value;
    }
    uint64_t b = s->end;
    size_t lb = s->ev.end_mark.line;
    zl_ys_next(s);
    if (page || !map || s->failed) {
        free(pairs);
        return;
    }
    zl_ys_end_mapping(s, map, pairs, npairs, a, b, la, lb);
    free(pairs);
    yaml_node_t *item = yaml_document_get_node(&s->unit, map);
    if (zl_y_get(&f->y, 0, item, "Name"))
        w->fn(f, 0, item, w->arg); /* the bare list of record sets */
    else if (w->report)
        stream_error(f, s, a, b, "expected a page with ResourceRecordSets or a record set with Name");
}

static void walk_document(struct zl_fmt *f, struct zl_ys *s, const struct walk *w)
{
    uint64_t a, b;
    switch (zl_ys_type(s)) {
    case YAML_MAPPING_START_EVENT: {
        a = s->start;
        bool seen = false, listed = false;
        zl_ys_next(s);
        while (zl_ys_type(s) != YAML_MAPPING_END_EVENT && zl_ys_type(s) != YAML_NO_EVENT) {
            bool rrs = !seen && zl_ys_is_key(s, "ResourceRecordSets");
            seen = seen || rrs;
            zl_ys_skip(s, NULL, NULL);
            if (rrs && zl_ys_type(s) == YAML_SEQUENCE_START_EVENT) {
                listed = true;
                sets_of(f, s, w);
            } else {
                zl_ys_skip(s, NULL, NULL);
            }
        }
        b = s->end;
        zl_ys_next(s);
        if (!listed && w->report && !s->failed)
            stream_error(f, s, a, b, "expected an object with a ResourceRecordSets list "
                                     "(the output of aws route53 list-resource-record-sets)");
        return;
    }
    case YAML_SEQUENCE_START_EVENT:
        zl_ys_next(s);
        while (zl_ys_type(s) != YAML_SEQUENCE_END_EVENT && zl_ys_type(s) != YAML_NO_EVENT) {
            if (zl_ys_type(s) == YAML_MAPPING_START_EVENT) {
                list_item(f, s, w);
                continue;
            }
            zl_ys_skip(s, &a, &b);
            if (w->report && !s->failed)
                stream_error(f, s, a, b, "expected a page with ResourceRecordSets or a record set with Name");
        }
        zl_ys_next(s);
        return;
    default:
        zl_ys_skip(s, &a, &b);
        if (w->report && !s->failed)
            stream_error(f, s, a, b, "expected an object with a ResourceRecordSets list "
                                     "(the output of aws route53 list-resource-record-sets)");
        return;
    }
}

static void guess_doc(struct zl_fmt *f, struct zl_ys *s, void *guess)
{
    struct walk w = { find_zone, guess, false };
    walk_document(f, s, &w);
}

static void read_doc(struct zl_fmt *f, struct zl_ys *s, void *arg)
{
    (void)arg;
    struct walk w = { one_set, NULL, true };
    walk_document(f, s, &w);
}

/* The documents as a tree (an input with anchors or aliases). */
static void read_tree(struct zl_fmt *f, const char *text, size_t len)
{
    zl_fmt_load_documents(f, text, len, "JSON");
    if (f->opts->zone) {
        f->origin = *f->opts->zone;
        f->have_origin = true;
    } else {
        struct zl_fmt_zone_guess g;
        memset(&g, 0, sizeof g);
        each_set(f, find_zone, &g, false);
        zl_fmt_zone_guess_use(f, &g);
    }
    each_set(f, one_set, NULL, true);
}

/* aws route53 list-resource-record-sets, as JSON or --output yaml. */
bool zl_sniff_route53(const struct zl_sniff *s)
{
    return (s->json || s->yaml || s->named) && zl_sniff_contains(s, "ResourceRecordSets");
}

void zl_read_route53(struct zl_fmt *f, const char *text, size_t len)
{
    struct zl_fmt_zone_guess g;
    memset(&g, 0, sizeof g);
    bool guess = !f->opts->zone;
    switch (zl_ys_check(f, text, len, "JSON", guess ? guess_doc : NULL, &g)) {
    case ZL_YS_NOTHING:
        break;
    case ZL_YS_TREE:
        if ((text = zl_ys_whole(f, &len)))
            read_tree(f, text, len);
        break;
    case ZL_YS_STREAM:
        if (f->opts->zone) {
            f->origin = *f->opts->zone;
            f->have_origin = true;
        } else {
            zl_fmt_zone_guess_use(f, &g);
        }
        zl_ys_read(f, read_doc, NULL);
        break;
    }
    zl_ys_free(f);
}
