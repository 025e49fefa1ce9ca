/* SPDX-License-Identifier: MIT */
/* CloudFormation and SAM templates (YAML or JSON): the record sets of their
 * AWS::Route53::RecordSet and AWS::Route53::RecordSetGroup resources.
 *
 * CloudFormation semantics (template reference, AWS::Route53::RecordSet):
 * the properties are those of the Route 53 API's ResourceRecordSet, with
 * ResourceRecords a list of strings, so r53_rrset.h applies: Name is the
 * fully qualified name, with or without its final dot (CloudFormation does
 * not append the zone, so a Name outside its hosted zone is refused);
 * values are presentation format, TXT values quoted as in zone files;
 * AliasTarget records are not record data and are skipped. The zone is
 * HostedZoneName, which must end with a dot, or the AWS::Route53::HostedZone
 * resource that HostedZoneId refers to; a RecordSetGroup gives it to its
 * RecordSets.
 *
 * Values go through the intrinsic functions (cfn_eval.h) with the
 * parameters' defaults. A record set with a part that is known only when
 * the stack is deployed (Fn::GetAtt, AWS::Region, a parameter without a
 * Default, a Condition that cannot be decided) is partial: what is known
 * is checked, nothing is made up for the rest (an unknown Name, Type or
 * TTL skips the record set, an unknown value that value), and one ZL1006
 * info per file says how many record sets were not checked whole.
 * Resources whose Condition is false are not deployed and not read. A
 * Serverless Framework file (serverless.yml) holds its CloudFormation
 * under resources:, where ${self:...} variables are unknown too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/exports/cfn_eval.h"
#include "input/exports/emit.h"
#include "input/exports/r53_rrset.h"
#include "input/readers.h"
#include "rdata/types.h"

#define TYPE_SET "AWS::Route53::RecordSet"
#define TYPE_GROUP "AWS::Route53::RecordSetGroup"
#define TYPE_ZONE "AWS::Route53::HostedZone"

/* The hosted zone of a record set. */
struct zone {
    bool known;
    struct zl_name name;
    const char *id;          /* what identifies it, for comparing record sets: "N:example.com." or "I:<as written>" */
};

struct cset {
    yaml_node_t *props, *where;
    struct zone zone;
    struct cfn_val name, type, ttl, rrs, sid;
    bool have_ttl, drop;
    bool partial;            /* counted in the ZL1006 info */
    struct zl_name owner;    /* when the name is known and valid */
    bool owner_ok;
    uint16_t rtype;
    bool rtype_ok;
    const struct cset *first; /* the same record set, created before */
};

struct reader {
    struct zl_fmt *f;
    struct cfn_eval *e;
    size_t doc;
    struct cset *v;
    size_t n, cap;
    bool saw_r53;            /* a Route 53 record resource, deployed or not */
    unsigned long partial;
    char first_why[200];
    struct zl_span first_span;
};

static yaml_node_t *get(struct reader *r, yaml_node_t *map, const char *key)
{
    return zl_y_get(&r->f->y, r->doc, map, key);
}

/* n record sets are partial (c: that one, counted once): the first named
 * in the info. */
static void partial_n(struct reader *r, struct cset *c, const struct cfn_val *why, unsigned long n)
{
    if (why->kind == CFN_UNKNOWN && why->error)
        return; /* the template is wrong there: reported already */
    if (c && c->partial)
        return;
    if (c)
        c->partial = true;
    unsigned long before = r->partial;
    r->partial += n;
    if (!before) {
        snprintf(r->first_why, sizeof r->first_why, "%s", why->why ? why->why : "a value");
        r->first_span = why->why ? cfn_point(r->e, why->why_off) : zl_fmt_span(r->f, r->doc, why->node);
    }
}

static void partial(struct reader *r, struct cset *c, const struct cfn_val *why)
{
    partial_n(r, c, why, 1);
}

static struct zl_span val_span(struct reader *r, const struct cfn_val *v)
{
    if (v->kind == CFN_STR && v->len)
        return cfn_span(r->e, v, 0, v->len);
    if (v->kind == CFN_STR)
        return cfn_point(r->e, v->off[0]);
    return zl_fmt_span(r->f, r->doc, v->node);
}

/* ---- hosted zones ------------------------------------------------------------------ */

static void zone_from_name(struct reader *r, struct zone *z, const struct cfn_val *v, bool need_dot)
{
    if (v->kind != CFN_STR)
        return;
    struct zl_span s = val_span(r, v);
    enum zl_name_status st;
    if (!zl_r53_name(v->s, v->len, &z->name, &st)) {
        zl_fmt_error(r->f, &s, "hosted zone name '%.*s' is not a valid domain name: %s",
                     (int)(v->len > 80 ? 80 : v->len), v->s, zl_name_status_text(st));
        return;
    }
    if (need_dot && (v->len == 0 || v->s[v->len - 1] != '.'))
        zl_fmt_error(r->f, &s, "HostedZoneName '%.*s' has no trailing dot: CloudFormation looks for a hosted zone "
                               "named exactly so, finds none and fails to create the record; write '%.*s.'",
                     (int)(v->len > 80 ? 80 : v->len), v->s, (int)(v->len > 80 ? 80 : v->len), v->s);
    z->known = true;
    char t[ZL_NAME_TEXT_MAX + 2] = "N:";
    zl_name_to_text(&z->name, t + 2);
    for (char *p = t; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + 32);
    z->id = cfn_keep(r->e, t, strlen(t));
}

/* HostedZoneName, or the HostedZone resource HostedZoneId refers to. */
static bool zone_of(struct reader *r, yaml_node_t *props, struct zone *z)
{
    yaml_node_t *hzn = get(r, props, "HostedZoneName"), *hzi = get(r, props, "HostedZoneId");
    if (hzn) {
        struct cfn_val v = cfn_value(r->e, hzn);
        zone_from_name(r, z, &v, true);
        return true;
    }
    if (!hzi)
        return false;
    size_t at;
    const char *w = cfn_written(r->e, hzi, &at);
    size_t wl = strlen(w);
    char *id = zl_xmalloc(wl + 3);
    memcpy(id, "I:", 2);
    memcpy(id + 2, w, wl + 1);
    z->id = cfn_keep(r->e, id, wl + 2);
    free(id);
    yaml_node_t *res = cfn_ref_target(r->e, hzi, "Id");
    if (res && zl_y_eq(get(r, res, "Type"), TYPE_ZONE)) {
        yaml_node_t *zn = get(r, get(r, res, "Properties"), "Name");
        if (zn) {
            struct cfn_val v = cfn_value(r->e, zn);
            const char *keep = z->id;
            zone_from_name(r, z, &v, false);
            z->id = keep;
        }
    }
    return true;
}

/* ---- record sets ------------------------------------------------------------------- */

static struct cset *new_set(struct reader *r, yaml_node_t *props, yaml_node_t *where)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->v = zl_xrealloc(r->v, r->cap * sizeof *r->v);
    }
    struct cset *c = &r->v[r->n++];
    memset(c, 0, sizeof *c);
    c->props = props;
    c->where = where;
    return c;
}

/* Evaluates one record set's properties (zone: its group's, if any). */
static void add_set(struct reader *r, yaml_node_t *props, yaml_node_t *where, const struct zone *group)
{
    struct cset *c = new_set(r, props, where);
    if (!zone_of(r, props, &c->zone)) {
        if (group)
            c->zone = *group;
        else {
            struct zl_span s = zl_fmt_span(r->f, r->doc, where);
            zl_fmt_error(r->f, &s, "this record set names no hosted zone: CloudFormation needs HostedZoneName "
                                   "or HostedZoneId");
        }
    }
    yaml_node_t *alias = get(r, props, "AliasTarget");
    if (alias) {
        struct cfn_val why;
        if (cfn_choose(r->e, alias, &why)) {
            c->drop = true; /* an alias: not record data */
            return;
        }
        if (why.kind != CFN_NOVALUE) {
            partial(r, c, &why);
            c->drop = true;
            return;
        }
    }
    yaml_node_t *name = get(r, props, "Name"), *type = get(r, props, "Type");
    if (!name || !type) {
        struct zl_span s = zl_fmt_span(r->f, r->doc, where);
        zl_fmt_error(r->f, &s, "record set without %s (CloudFormation requires it)", name ? "a Type" : "a Name");
        c->drop = true;
        return;
    }
    c->name = cfn_value(r->e, name);
    c->type = cfn_value(r->e, type);
    for (const struct cfn_val *v = &c->name; v; v = v == &c->name ? &c->type : NULL) {
        if (v->kind == CFN_UNKNOWN) {
            partial(r, c, v);
            c->drop = true;
        } else if (v->kind != CFN_STR) {
            struct zl_span s = zl_fmt_span(r->f, r->doc, v->node);
            zl_fmt_error(r->f, &s, "%s must be a string", v == &c->name ? "Name" : "Type");
            c->drop = true;
        }
    }
    if (c->drop)
        return;
    enum zl_name_status st;
    struct zl_span ns = val_span(r, &c->name);
    c->owner_ok = zl_r53_name(c->name.s, c->name.len, &c->owner, &st);
    if (!c->owner_ok) {
        zl_fmt_error(r->f, &ns, "Name '%.*s' is not a valid domain name: %s",
                     (int)(c->name.len > 80 ? 80 : c->name.len), c->name.s, zl_name_status_text(st));
        c->drop = true;
        return;
    }
    int t = c->type.len ? zl_type_from_text(c->type.s, c->type.len) : -1;
    if (t >= 0) {
        c->rtype = (uint16_t)t;
        c->rtype_ok = true;
    }
    yaml_node_t *sid = get(r, props, "SetIdentifier");
    if (sid) {
        c->sid = cfn_value(r->e, sid);
        if (c->sid.kind == CFN_UNKNOWN) {
            /* routing records all the same: what is written tells them apart */
            size_t at;
            const char *w = cfn_written(r->e, sid, &at);
            c->sid = (struct cfn_val){ .kind = CFN_STR, .s = w, .len = strlen(w), .node = sid };
        } else if (c->sid.kind != CFN_STR) {
            c->sid.kind = CFN_NOVALUE;
        }
    }
    yaml_node_t *ttl = get(r, props, "TTL");
    if (ttl) {
        c->ttl = cfn_value(r->e, ttl);
        c->have_ttl = c->ttl.kind != CFN_NOVALUE;
    }
    yaml_node_t *rrs = get(r, props, "ResourceRecords");
    c->rrs = rrs ? cfn_value(r->e, rrs) : (struct cfn_val){ .kind = CFN_NOVALUE, .node = where };
}

/* Fn::ForEach (AWS::LanguageExtensions) makes resources from a loop, known
 * only when the transform runs: every record set in it is not evaluated. */
static void foreach(struct reader *r, yaml_node_t *n, unsigned depth)
{
    if (!n || depth > 64)
        return;
    if (n->type == YAML_MAPPING_NODE) {
        yaml_node_t *t = get(r, n, "Type");
        if (zl_y_eq(t, TYPE_SET) || zl_y_eq(t, TYPE_GROUP)) {
            r->saw_r53 = true;
            struct cfn_val why = { .kind = CFN_UNKNOWN, .node = n, .why = "Fn::ForEach" };
            size_t at;
            cfn_written(r->e, n, &at);
            why.why_off = at;
            partial(r, NULL, &why);
            return;
        }
        for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++)
            foreach(r, zl_y_node(&r->f->y, r->doc, p->value), depth + 1);
    } else if (n->type == YAML_SEQUENCE_NODE) {
        for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++)
            foreach(r, zl_y_node(&r->f->y, r->doc, *it), depth + 1);
    }
}

static void resource(struct reader *r, yaml_node_t *key, yaml_node_t *res)
{
    if (zl_y_is_scalar(key) && key->data.scalar.length > 13 && !memcmp(key->data.scalar.value, "Fn::ForEach::", 13)) {
        foreach(r, res, 0);
        return;
    }
    yaml_node_t *type = get(r, res, "Type");
    bool set = zl_y_eq(type, TYPE_SET), group = zl_y_eq(type, TYPE_GROUP);
    if (!set && !group)
        return;
    r->saw_r53 = true;
    yaml_node_t *props = get(r, res, "Properties");
    struct cfn_val why = { .kind = CFN_NOVALUE };
    if (props)
        props = cfn_choose(r->e, props, &why);
    if (!props && why.kind == CFN_UNKNOWN) {
        partial(r, NULL, &why);
        return;
    }
    if (!props || props->type != YAML_MAPPING_NODE) {
        struct zl_span s = zl_fmt_span(r->f, r->doc, res);
        zl_fmt_error(r->f, &s, "%s resource without Properties", set ? TYPE_SET : TYPE_GROUP);
        return;
    }
    yaml_node_t *cond = get(r, res, "Condition");
    unsigned errors = r->f->res->errors;
    enum cfn_truth deployed = cond ? cfn_condition(r->e, cond) : CFN_TRUE;
    if (deployed == CFN_FALSE || r->f->res->errors != errors)
        return; /* not created with these parameters, or the condition is wrong (reported) */
    if (deployed == CFN_MAYBE) {
        size_t at;
        const char *w = cfn_written(r->e, cond, &at);
        char t[120];
        snprintf(t, sizeof t, "Condition: %s", w);
        why = (struct cfn_val){ .kind = CFN_UNKNOWN, .node = cond, .why = cfn_keep(r->e, t, strlen(t)), .why_off = at };
        yaml_node_t *sets = group ? get(r, props, "RecordSets") : NULL;
        unsigned long n = sets && sets->type == YAML_SEQUENCE_NODE
                              ? (unsigned long)(sets->data.sequence.items.top - sets->data.sequence.items.start) : 1;
        partial_n(r, NULL, &why, n ? n : 1);
        return;
    }
    if (set) {
        add_set(r, props, res, NULL);
        return;
    }
    struct zone gz;
    memset(&gz, 0, sizeof gz);
    bool have_gz = zone_of(r, props, &gz);
    yaml_node_t *sets = get(r, props, "RecordSets");
    if (sets)
        sets = cfn_choose(r->e, sets, &why);
    if (!sets || sets->type != YAML_SEQUENCE_NODE) {
        if (sets || why.kind == CFN_NOVALUE) {
            struct zl_span s = zl_fmt_span(r->f, r->doc, props);
            zl_fmt_error(r->f, &s, "%s without a RecordSets list", TYPE_GROUP);
        } else {
            partial(r, NULL, &why);
        }
        return;
    }
    for (yaml_node_item_t *it = sets->data.sequence.items.start; it < sets->data.sequence.items.top; it++) {
        yaml_node_t *item = cfn_choose(r->e, zl_y_node(&r->f->y, r->doc, *it), &why);
        if (!item) {
            if (why.kind != CFN_NOVALUE)
                partial(r, NULL, &why);
            continue;
        }
        if (item->type != YAML_MAPPING_NODE) {
            struct zl_span s = zl_fmt_span(r->f, r->doc, item);
            zl_fmt_error(r->f, &s, "a RecordSets entry is a record set: a mapping with Name, Type and more");
            continue;
        }
        add_set(r, item, item, have_gz ? &gz : NULL);
    }
}

/* ---- the zone of the file ----------------------------------------------------------- */

static void file_zone(struct reader *r)
{
    struct zl_fmt *f = r->f;
    if (f->opts->zone) {
        f->origin = *f->opts->zone;
        f->have_origin = true;
        return;
    }
    struct zl_name common;
    bool have_common = false, any_zone = false;
    struct zl_r53_zone_guess g;
    memset(&g, 0, sizeof g);
    for (size_t i = 0; i < r->n; i++) {
        const struct cset *c = &r->v[i];
        if (c->zone.known) {
            any_zone = true;
            zl_fmt_common_suffix(&common, &have_common, &c->zone.name);
        }
    }
    for (size_t i = 0; i < r->n; i++) {
        const struct cset *c = &r->v[i];
        if (c->owner_ok && !c->zone.known) {
            zl_r53_zone_guess_add(&g, &c->owner);
            if (any_zone)
                zl_fmt_common_suffix(&common, &have_common, &c->owner);
        }
    }
    if (any_zone) {
        f->have_origin = have_common && common.nlabels > 0;
        if (f->have_origin)
            f->origin = common;
    } else {
        f->have_origin = zl_r53_zone_guess_pick(&g, &f->origin);
    }
}

/* ---- records ------------------------------------------------------------------------ */

/* Two resources creating one record set: the second fails ("Tried to
 * create resource record set ... but it already exists"). Record sets are
 * the same when zone, type, name and SetIdentifier are. */
static bool comparable(const struct cset *c)
{
    return !c->drop && c->owner_ok && c->rtype_ok && c->zone.id;
}

static int sid_cmp(const struct cset *a, const struct cset *b)
{
    bool sa = a->sid.kind == CFN_STR, sb = b->sid.kind == CFN_STR;
    if (sa != sb)
        return sa ? 1 : -1;
    if (!sa)
        return 0;
    if (a->sid.len != b->sid.len)
        return a->sid.len < b->sid.len ? -1 : 1;
    return memcmp(a->sid.s, b->sid.s, a->sid.len);
}

static int set_cmp(const void *x, const void *y)
{
    const struct cset *a = *(const struct cset *const *)x, *b = *(const struct cset *const *)y;
    int c = strcmp(a->zone.id, b->zone.id);
    if (!c)
        c = (a->rtype > b->rtype) - (a->rtype < b->rtype);
    if (!c)
        c = zl_name_compare(&a->owner, &b->owner);
    if (!c)
        c = sid_cmp(a, b);
    if (!c)
        c = (a > b) - (a < b); /* template order */
    return c;
}

static void find_twice(struct reader *r)
{
    struct cset **order = zl_xmalloc((r->n ? r->n : 1) * sizeof *order);
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++)
        if (comparable(&r->v[i]))
            order[n++] = &r->v[i];
    qsort(order, n, sizeof *order, set_cmp);
    for (size_t i = 1; i < n; i++) {
        const struct cset *a = order[i - 1], *b = order[i];
        if (!strcmp(a->zone.id, b->zone.id) && a->rtype == b->rtype && zl_name_equal(&a->owner, &b->owner) &&
            sid_cmp(a, b) == 0)
            order[i]->first = a->first ? a->first : a;
    }
    free(order);
}

static void report_twice(struct reader *r, const struct cset *c)
{
    if (!c->first)
        return;
    struct zl_span s = val_span(r, &c->name), os = val_span(r, &c->first->name);
    char nt[ZL_NAME_TEXT_MAX], tt[16];
    zl_name_to_text(&c->owner, nt);
    zl_fmt_error(r->f, &s, "the record set '%s %s' is created at line %u already: Route 53 refuses the second "
                           "(it already exists) and the stack fails; one record set holds every value of a name "
                           "and type, so put them all in one ResourceRecords list",
                 nt, zl_type_to_text(c->rtype, tt), os.line);
}

static void emit(struct reader *r, struct cset *c)
{
    struct zl_fmt *f = r->f;
    if (c->drop)
        return;
    struct zl_span ns = val_span(r, &c->name);
    char nt[ZL_NAME_TEXT_MAX], zt[ZL_NAME_TEXT_MAX];
    if (c->zone.known && !zl_name_is_subdomain(&c->owner, &c->zone.name)) {
        zl_name_to_text(&c->owner, nt);
        zl_name_to_text(&c->zone.name, zt);
        /* a single label was meant relative to the zone: say the whole name */
        struct zl_name both;
        char joined[2 * ZL_NAME_TEXT_MAX];
        snprintf(joined, sizeof joined, "%s%s", nt, zt);
        bool hint = c->owner.nlabels == 1 &&
                    zl_name_from_text(&both, joined, strlen(joined), NULL, NULL) == ZL_NAME_OK;
        zl_fmt_report(f, ZL_RULE_ZL3103, &ns,
                      "Name '%.*s' is not in the hosted zone '%s': Route 53 takes it as the fully qualified '%s' and "
                      "refuses it (RRSet with DNS name %s is not permitted in zone %s)%s%s%s",
                      (int)(c->name.len > 80 ? 80 : c->name.len), c->name.s, zt, nt, nt, zt,
                      hint ? "; write '" : "", hint ? joined : "", hint ? "'" : "");
        return;
    }
    uint16_t type;
    if (zl_fmt_type_text(f, c->type.s, c->type.len, val_span(r, &c->type), &type) != 0)
        return;
    if (c->rrs.kind == CFN_UNKNOWN) {
        partial(r, c, &c->rrs);
        return;
    }
    if (c->rrs.kind != CFN_LIST) {
        struct zl_span s = c->rrs.kind == CFN_NOVALUE ? ns : zl_fmt_span(f, r->doc, c->rrs.node);
        zl_fmt_error(f, &s, c->rrs.kind == CFN_NOVALUE ? "record set has no ResourceRecords and no AliasTarget"
                                                       : "ResourceRecords must be a list of strings");
        return;
    }
    if (!c->have_ttl) {
        zl_fmt_error(f, &ns, "record set has ResourceRecords but no TTL (Route 53 requires one)");
        return;
    }
    if (c->ttl.kind == CFN_UNKNOWN) {
        partial(r, c, &c->ttl);
        return;
    }
    uint32_t ttl;
    if (c->ttl.kind != CFN_STR) {
        struct zl_span s = zl_fmt_span(f, r->doc, c->ttl.node);
        zl_fmt_error(f, &s, "TTL must be a number of seconds");
        return;
    }
    if (zl_fmt_ttl_text(f, c->ttl.s, c->ttl.len, val_span(r, &c->ttl), &ttl) != 0)
        return;

    struct zl_fmt_owner owner;
    memset(&owner, 0, sizeof owner);
    char *written = zl_r53_name_text(c->name.s, c->name.len, &owner.len);
    owner.text = written;
    owner.name = c->owner;
    owner.span = ns;
    owner.flags = ZL_OWNER_ABSOLUTE;
    if (c->sid.kind == CFN_STR) {
        owner.set_id = c->sid.s;
        owner.set_id_len = c->sid.len;
    }
    struct zl_name root;
    zl_name_root(&root);
    struct zl_span type_span = val_span(r, &c->type);
    for (size_t i = 0; i < c->rrs.n; i++) {
        const struct cfn_val *v = &c->rrs.items[i];
        if (v->kind == CFN_UNKNOWN) {
            partial(r, c, v);
            continue;
        }
        if (v->kind != CFN_STR) {
            struct zl_span s = zl_fmt_span(f, r->doc, v->node);
            zl_fmt_error(f, &s, "a ResourceRecords entry is a string in CloudFormation (the API's {Value: ...} "
                                "objects are not)");
            continue;
        }
        if (zl_r53_value(f, type, v->s, v->len, v->off, val_span(r, v)) != 0)
            continue;
        zl_fmt_record(f, &owner, type, type_span, ttl, ZL_TTL_EXPLICIT, &root, true);
    }
    free(written);
}

/* ---- the reader ------------------------------------------------------------------------ */

/* The template: the document, or (serverless.yml) its resources: key. */
static yaml_node_t *template_of(struct reader *r, yaml_node_t *root)
{
    yaml_node_t *sls = get(r, root, "resources");
    if (!get(r, root, "Resources") && get(r, sls, "Resources"))
        return sls;
    return root;
}

static bool template(struct reader *r, yaml_node_t *root)
{
    yaml_node_t *res = get(r, root, "Resources");
    if (root->type != YAML_MAPPING_NODE || !res || res->type != YAML_MAPPING_NODE) {
        struct zl_span s = zl_fmt_span(r->f, r->doc, root);
        zl_fmt_error(r->f, &s, "expected a CloudFormation template: a mapping with a Resources mapping");
        return false;
    }
    for (yaml_node_pair_t *p = res->data.mapping.pairs.start; p < res->data.mapping.pairs.top; p++)
        resource(r, zl_y_node(&r->f->y, r->doc, p->key), zl_y_node(&r->f->y, r->doc, p->value));
    return true;
}

/* A Type key whose value is AWS::Route53::RecordSet or ...Group: a
 * resource, not a mention in a description or another tool's output
 * ("ResourceType": "AWS::Route53::RecordSet" of describe-stack-resources). */
static bool type_key_before(const char *d, size_t i)
{
    size_t p = i;
    if (p && (d[p - 1] == '"' || d[p - 1] == '\''))
        p--;
    while (p && (d[p - 1] == ' ' || d[p - 1] == '\t'))
        p--;
    if (!p || d[p - 1] != ':')
        return false;
    p--;
    while (p && (d[p - 1] == ' ' || d[p - 1] == '\t'))
        p--;
    bool quoted = p && (d[p - 1] == '"' || d[p - 1] == '\'');
    if (quoted)
        p--;
    if (p < 4 || memcmp(d + p - 4, "Type", 4))
        return false;
    char c = p > 4 ? d[p - 5] : '\n';
    return quoted ? c == '"' || c == '\'' : c == ' ' || c == '\t' || c == '\n' || c == '{' || c == ',';
}

bool zl_sniff_cloudformation(const struct zl_sniff *s)
{
    if (!(s->json || s->yaml || s->named))
        return false;
    static const char t[] = TYPE_SET;
    size_t m = sizeof t - 1;
    for (size_t i = 0; i + m <= s->len; i++) {
        if (s->data[i] != 'A' || memcmp(s->data + i, t, m))
            continue;
        size_t j = i + m;
        if (j + 5 <= s->len && !memcmp(s->data + j, "Group", 5))
            j += 5;
        char c = j < s->len ? s->data[j] : '\n';
        bool ends = c == '"' || c == '\'' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == '}';
        if (ends && type_key_before(s->data, i))
            return true;
    }
    return false;
}

void zl_read_cloudformation(struct zl_fmt *f, const char *text, size_t len)
{
    if (zl_fmt_load_documents(f, text, len, "YAML/JSON") != 0 && !f->y.ndocs)
        return;
    struct reader r;
    memset(&r, 0, sizeof r);
    r.f = f;
    bool any = false; /* a template was read */
    for (size_t d = 0; d < f->y.ndocs; d++) {
        r.doc = d;
        r.n = 0;
        yaml_node_t *root = template_of(&r, zl_y_root(&f->y, d));
        r.e = cfn_eval_new(f, d, root);
        any |= template(&r, root);
        file_zone(&r);
        find_twice(&r);
        for (size_t i = 0; i < r.n; i++) {
            report_twice(&r, &r.v[i]);
            emit(&r, &r.v[i]);
        }
        cfn_eval_free(r.e);
    }
    if (any && !r.saw_r53) {
        struct zl_span at = { f->src, 1, 1, 1, 2 };
        zl_fmt_error(f, &at, "this CloudFormation template has no %s or %s resources: it holds no DNS records "
                             "to check", TYPE_SET, TYPE_GROUP);
    }
    if (r.partial)
        zl_fmt_report(f, ZL_RULE_ZL1006, &r.first_span,
                      "%lu Route 53 record set%s of this template depend%s on values known only when the stack is "
                      "deployed (the first: %s); what depends on them is not checked",
                      r.partial, r.partial == 1 ? "" : "s", r.partial == 1 ? "s" : "", r.first_why);
    free(r.v);
}
