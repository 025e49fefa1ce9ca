/* SPDX-License-Identifier: MIT */
/* Google Cloud DNS record sets: `gcloud dns record-sets export FILE
 * --zone=Z` writes a YAML stream, one document per record set
 * (kind: dns#resourceRecordSet, name, rrdatas, ttl, type); `record-sets
 * list --format=json` writes a JSON array of the same objects. rrdatas are
 * presentation-format strings. Names are written absolute; one without its
 * trailing dot is taken relative to the zone, as in a zone file, so the
 * rules about missing dots apply. Record sets with a routingPolicy and no
 * rrdatas have no fixed data and are skipped. */
#include <string.h>

#include "input/exports/emit.h"
#include "input/exports/ystream.h"
#include "input/readers.h"
#include "rdata/types.h"

typedef void (*set_fn)(struct zl_fmt *f, size_t doc, yaml_node_t *set, void *arg);

static void each_set(struct zl_fmt *f, set_fn fn, void *arg)
{
    for (size_t d = 0; d < f->y.ndocs; d++) {
        yaml_node_t *root = zl_y_root(&f->y, d);
        if (root->type == YAML_SEQUENCE_NODE) {
            for (yaml_node_item_t *it = root->data.sequence.items.start; it < root->data.sequence.items.top; it++)
                fn(f, d, zl_y_node(&f->y, d, *it), arg);
        } else {
            fn(f, d, root, arg);
        }
    }
}

/* First pass: the names that guess the zone (zl_fmt_zone_guess). */
static void find_zone(struct zl_fmt *f, size_t doc, yaml_node_t *set, void *arg)
{
    struct zl_fmt_zone_guess *g = arg;
    yaml_node_t *name = zl_y_get(&f->y, doc, set, "name");
    struct zl_name n;
    size_t len;
    if (!zl_y_is_scalar(name))
        return;
    const char *s = zl_y_str(name, &len);
    if (zl_name_from_text(&n, s, len, NULL, NULL) != ZL_NAME_OK)
        return;
    zl_fmt_zone_guess_add(g, &n, zl_y_eq(zl_y_get(&f->y, doc, set, "type"), "SOA"));
}

static void one_set(struct zl_fmt *f, size_t doc, yaml_node_t *set, void *arg)
{
    struct zl_span at = zl_fmt_span(f, doc, set);
    if (set->type != YAML_MAPPING_NODE) {
        zl_fmt_error(f, &at, "a record set must be a mapping with name, type, ttl and rrdatas");
        return;
    }
    yaml_node_t *name = zl_y_get(&f->y, doc, set, "name");
    yaml_node_t *typ = zl_y_get(&f->y, doc, set, "type");
    yaml_node_t *rrdatas = zl_y_get(&f->y, doc, set, "rrdatas");
    if (!zl_y_is_scalar(name) || !zl_y_is_scalar(typ)) {
        zl_fmt_error(f, &at, "record set without %s", zl_y_is_scalar(name) ? "a type" : "a name");
        return;
    }
    if (!rrdatas && zl_y_get(&f->y, doc, set, "routingPolicy"))
        return;

    struct zl_fmt_owner owner;
    memset(&owner, 0, sizeof owner);
    size_t nlen;
    const char *ntext = zl_y_str(name, &nlen);
    owner.text = zl_fmt_no_nul(f, ntext, nlen, &owner.len);
    owner.span = zl_fmt_value_span(f, doc, name);
    const struct zl_name *origin = f->have_origin ? &f->origin : NULL;
    unsigned fl = 0;
    enum zl_name_status st = zl_name_from_text(&owner.name, owner.text, owner.len, origin, &fl);
    if (st != ZL_NAME_OK) {
        zl_fmt_error(f, &owner.span, "name '%.*s' is not a valid domain name: %s",
                     (int)(owner.len > 80 ? 80 : owner.len), owner.text, zl_name_status_text(st));
        return;
    }
    owner.flags = (fl & ZL_NAME_F_AT ? ZL_OWNER_AT : 0) | (fl & ZL_NAME_F_RELATIVE ? ZL_OWNER_RELATIVE : 0) |
                  (fl & ZL_NAME_F_ABSOLUTE ? ZL_OWNER_ABSOLUTE : 0);
    uint16_t type;
    if (zl_fmt_type(f, doc, typ, &type) != 0)
        return;
    struct zl_span type_span = zl_fmt_value_span(f, doc, typ);
    yaml_node_t *ttln = zl_y_get(&f->y, doc, set, "ttl");
    uint32_t ttl;
    if (!ttln) {
        zl_fmt_error(f, &owner.span, "record set has no ttl");
        return;
    }
    if (zl_fmt_ttl(f, doc, ttln, &ttl) != 0)
        return;
    if (!rrdatas || rrdatas->type != YAML_SEQUENCE_NODE) {
        zl_fmt_error(f, &owner.span, "record set has no rrdatas list");
        return;
    }
    for (yaml_node_item_t *it = rrdatas->data.sequence.items.start; it < rrdatas->data.sequence.items.top; it++) {
        yaml_node_t *rd = zl_y_node(&f->y, doc, *it);
        if (!zl_y_is_scalar(rd)) {
            struct zl_span s = zl_fmt_span(f, doc, rd);
            zl_fmt_error(f, &s, "an rrdatas entry must be a string");
            continue;
        }
        zl_fmt_clear(f);
        if (zl_fmt_tok_presentation(f, doc, rd) != 0)
            continue;
        zl_fmt_record(f, &owner, type, type_span, ttl, ZL_TTL_EXPLICIT, origin, false);
    }
}

/* ---- streamed (ystream.h): each_set over events ------------------------------------------- */

/* A document's record sets: the items of a top-level list, else the root. */
static void walk_document(struct zl_fmt *f, struct zl_ys *s, set_fn fn, void *arg)
{
    if (zl_ys_type(s) == YAML_SEQUENCE_START_EVENT) {
        zl_ys_next(s);
        while (zl_ys_type(s) != YAML_SEQUENCE_END_EVENT && zl_ys_type(s) != YAML_NO_EVENT) {
            zl_ys_unit(s);
            yaml_node_t *set = zl_ys_build(s);
            if (!set)
                return;
            fn(f, 0, set, arg);
        }
        zl_ys_next(s);
        return;
    }
    zl_ys_unit(s);
    yaml_node_t *set = zl_ys_build(s);
    if (set)
        fn(f, 0, set, arg);
}

static void guess_doc(struct zl_fmt *f, struct zl_ys *s, void *guess)
{
    walk_document(f, s, find_zone, guess);
}

static void read_doc(struct zl_fmt *f, struct zl_ys *s, void *arg)
{
    walk_document(f, s, one_set, arg);
}

/* The documents as a tree (an input with anchors, aliases or merge keys). */
static void read_tree(struct zl_fmt *f, const char *text, size_t len)
{
    zl_fmt_load_documents(f, text, len, "YAML/JSON");
    if (f->opts->zone) {
        f->origin = *f->opts->zone;
        f->have_origin = true;
    } else {
        struct zl_fmt_zone_guess g;
        memset(&g, 0, sizeof g);
        each_set(f, find_zone, &g);
        zl_fmt_zone_guess_use(f, &g);
    }
    each_set(f, one_set, NULL);
}

/* gcloud dns record-sets export (YAML) or record-sets list (JSON). */
bool zl_sniff_gcloud(const struct zl_sniff *s)
{
    return (s->json || s->yaml || s->named) &&
           (zl_sniff_contains(s, "dns#resourceRecordSet") || zl_sniff_contains(s, "rrdatas"));
}

void zl_read_gcloud(struct zl_fmt *f, const char *text, size_t len)
{
    zl_ys_read_guessing(f, text, len, "YAML/JSON", guess_doc, read_doc, read_tree);
}
