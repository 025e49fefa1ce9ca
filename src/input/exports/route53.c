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

void zl_read_route53(struct zl_fmt *f, const char *text, size_t len)
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
