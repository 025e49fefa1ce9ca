/* SPDX-License-Identifier: MIT */
/* Route 53: the JSON of `aws route53 list-resource-record-sets` (or its
 * --output yaml twin). One document or several pages: an object with
 * ResourceRecordSets, pages written one after another, a JSON array of
 * pages, or the bare array of record sets (--query ResourceRecordSets).
 * Each record set is read as r53_rrset.h says (names absolute, octal
 * escapes, quoted TXT values, aliases skipped). */
#include <stdlib.h>
#include <string.h>

#include "input/exports/emit.h"
#include "input/exports/r53_rrset.h"
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

static bool parse_name(const yaml_node_t *n, struct zl_name *out)
{
    size_t len;
    const char *s = zl_y_str(n, &len);
    return zl_r53_name(s, len, out, NULL);
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

static void one_set(struct zl_fmt *f, size_t doc, yaml_node_t *set, void *arg)
{
    (void)arg;
    zl_r53_rrset(f, doc, set);
}

/* aws route53 list-resource-record-sets, as JSON or --output yaml: the
 * key, not the word (an IAM policy allows route53:ListResourceRecordSets). */
bool zl_sniff_route53(const struct zl_sniff *s)
{
    return (s->json || s->yaml || s->named) && zl_sniff_has_key(s, "ResourceRecordSets");
}

/* ---- streamed (ystream.h): the walk of each_set, over events --------------------------- */

/* What one document's walk does with each record set. */
struct walk {
    set_fn fn;
    void *arg;
    bool report;
    bool until_soa;          /* the guess: a document's first SOA decides it (arg is the guess) */
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
        if (w->until_soa && ((const struct zl_fmt_zone_guess *)w->arg)->have_soa) {
            /* nothing later in the document changes the guess (zl_fmt_zone_guess_use) */
            zl_ys_skip(s, NULL, NULL);
            continue;
        }
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
    yaml_mark_t ma = s->ev.start_mark;
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
    yaml_mark_t mb = s->ev.end_mark;
    zl_ys_next(s);
    if (page || !map || s->failed) {
        free(pairs);
        return;
    }
    zl_ys_end_mapping(s, map, pairs, npairs, a, b, &ma, &mb);
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
    struct walk w = { find_zone, guess, false, true };
    walk_document(f, s, &w);
}

static void read_doc(struct zl_fmt *f, struct zl_ys *s, void *arg)
{
    (void)arg;
    struct walk w = { one_set, NULL, true, false };
    walk_document(f, s, &w);
}

/* The documents as a tree (an input with anchors, aliases or merge keys). */
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

void zl_read_route53(struct zl_fmt *f, const char *text, size_t len)
{
    zl_ys_read_guessing(f, text, len, "JSON", guess_doc, read_doc, read_tree);
}
