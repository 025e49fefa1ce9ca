/* SPDX-License-Identifier: MIT */
/* Route 53 change batches: what `aws route53 change-resource-record-sets
 * --change-batch file://batch.json` sends ({"Comment", "Changes": [{"Action",
 * "ResourceRecordSet"}]}), the same wrapped as --cli-input-json or
 * --cli-input-yaml take it ({"HostedZoneId", "ChangeBatch": {...}}), a
 * YAML twin of either, a list of such documents, or the bare list of
 * changes.
 *
 * Route 53 semantics (API reference, ChangeResourceRecordSets and Change):
 * a batch is applied whole or not at all. CREATE and UPSERT record sets
 * are what the zone serves afterwards, so they are linted as records
 * (r53_rrset.h: names absolute, octal escapes, quoted TXT values, aliases
 * skipped); a DELETE removes a record set, so it is not linted (the DELETE
 * of a doubled name is the fix, not the mistake). A record set is one name,
 * type and SetIdentifier: a batch may change it once, or DELETE it and
 * then CREATE it; any other repetition makes Route 53 refuse the whole
 * batch (InvalidChangeBatch). An UPSERT replaces the whole record set, so
 * an UPSERT of one TXT value at the apex deletes the apex's other TXT
 * values (SPF, domain verifications): said once per change (ZL1007).
 *
 * The zone is --origin, else guessed from the names (zl_r53_zone_guess:
 * a change batch names its hosted zone only by its ID). A batch kept as a
 * template (placeholders a tool fills in: $DOMAIN, ${TOKEN}, {{ domain }})
 * is not what Route 53 receives: such changes are left out and counted in
 * one ZL1006 info. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/exports/emit.h"
#include "input/exports/r53_rrset.h"
#include "input/readers.h"
#include "rdata/types.h"

enum action { A_CREATE, A_UPSERT, A_DELETE };

struct change {
    size_t doc;
    yaml_node_t *set;          /* its ResourceRecordSet */
    yaml_node_t *action_node;
    enum action action;
    bool keyed;                /* name and type read: it has a record set key */
    struct zl_name name;
    uint16_t type;
    const char *sid;           /* SetIdentifier, or NULL */
    size_t sid_len;
    size_t index;              /* in batch order */
    bool live;                 /* handed on as a record */
    bool placeholder;          /* its Name or a Value is filled in by a tool first */
    struct zl_span ph_span;
    char ph_text[64];
};

struct batch {
    struct change *v;
    size_t n, cap;
};

/* Batches kept as templates hold what a tool fills in before sending them
 * (envsubst's $DOMAIN, ${TOKEN}, Jinja's {{ domain }}): not their values. */
static void find_placeholder(struct zl_fmt *f, struct change *ch, yaml_node_t *n)
{
    size_t len, at, pl;
    if (ch->placeholder || !zl_y_is_scalar(n))
        return;
    const char *v = zl_y_str(n, &len);
    if (!zl_r53_placeholder(v, len, true, &at, &pl))
        return;
    ch->placeholder = true;
    size_t *map = zl_y_scalar_map(&f->y, ch->doc, n);
    ch->ph_span = map ? zl_y_map_span(&f->y, map, at, at + pl) : zl_fmt_span(f, ch->doc, n);
    free(map);
    snprintf(ch->ph_text, sizeof ch->ph_text, "%.*s", (int)(pl > 60 ? 60 : pl), v + at);
}

static void add_change(struct zl_fmt *f, struct batch *b, size_t doc, yaml_node_t *c)
{
    struct zl_span at = zl_fmt_span(f, doc, c);
    yaml_node_t *act = zl_y_get(&f->y, doc, c, "Action");
    yaml_node_t *set = zl_y_get(&f->y, doc, c, "ResourceRecordSet");
    if (c->type != YAML_MAPPING_NODE || !act || !set) {
        zl_fmt_error(f, &at, "a change must be an object with Action and ResourceRecordSet");
        return;
    }
    enum action a;
    if (zl_y_eq(act, "CREATE"))
        a = A_CREATE;
    else if (zl_y_eq(act, "UPSERT"))
        a = A_UPSERT;
    else if (zl_y_eq(act, "DELETE"))
        a = A_DELETE;
    else {
        struct zl_span s = zl_fmt_value_span(f, doc, act);
        size_t len = 0;
        const char *v = zl_y_is_scalar(act) ? zl_y_str(act, &len) : "";
        zl_fmt_error(f, &s, "Action '%.*s' is not one Route 53 knows: CREATE, UPSERT or DELETE (in capitals)",
                     (int)(len > 40 ? 40 : len), v);
        return;
    }
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 16;
        b->v = zl_xrealloc(b->v, b->cap * sizeof *b->v);
    }
    struct change *ch = &b->v[b->n];
    memset(ch, 0, sizeof *ch);
    ch->doc = doc;
    ch->set = set;
    ch->action_node = act;
    ch->action = a;
    ch->index = b->n++;
    /* The key: what Route 53 calls one record set. A change without a valid
     * name or type is reported when its record set is read (or not at all
     * for a DELETE, which is never read). */
    yaml_node_t *name = zl_y_get(&f->y, doc, set, "Name");
    yaml_node_t *typ = zl_y_get(&f->y, doc, set, "Type");
    find_placeholder(f, ch, name);
    yaml_node_t *rrs = zl_y_get(&f->y, doc, set, "ResourceRecords");
    if (rrs && rrs->type == YAML_SEQUENCE_NODE)
        for (yaml_node_item_t *it = rrs->data.sequence.items.start; it < rrs->data.sequence.items.top; it++)
            find_placeholder(f, ch, zl_y_get(&f->y, doc, zl_y_node(&f->y, doc, *it), "Value"));
    if (!ch->placeholder && zl_y_is_scalar(name) && zl_y_is_scalar(typ)) {
        size_t nl, tl;
        const char *nt = zl_y_str(name, &nl), *tt = zl_y_str(typ, &tl);
        int t = tl ? zl_type_from_text(tt, tl) : -1;
        if (t >= 0 && zl_r53_name(nt, nl, &ch->name, NULL)) {
            ch->keyed = true;
            ch->type = (uint16_t)t;
        }
    }
    yaml_node_t *sid = zl_y_get(&f->y, doc, set, "SetIdentifier");
    if (zl_y_is_scalar(sid))
        ch->sid = zl_y_str(sid, &ch->sid_len);
}

static void add_changes(struct zl_fmt *f, struct batch *b, size_t doc, yaml_node_t *list)
{
    if (list->type != YAML_SEQUENCE_NODE) {
        struct zl_span s = zl_fmt_span(f, doc, list);
        zl_fmt_error(f, &s, "Changes must be a list of changes");
        return;
    }
    for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++)
        add_change(f, b, doc, zl_y_node(&f->y, doc, *it));
}

/* One batch object: {Changes}, or {ChangeBatch: {Changes}} (--cli-input-json). */
static bool add_batch(struct zl_fmt *f, struct batch *b, size_t doc, yaml_node_t *obj)
{
    yaml_node_t *cb = zl_y_get(&f->y, doc, obj, "ChangeBatch");
    yaml_node_t *changes = zl_y_get(&f->y, doc, cb ? cb : obj, "Changes");
    if (!changes)
        return false;
    add_changes(f, b, doc, changes);
    return true;
}

static void collect(struct zl_fmt *f, struct batch *b)
{
    for (size_t d = 0; d < f->y.ndocs; d++) {
        yaml_node_t *root = zl_y_root(&f->y, d);
        if (add_batch(f, b, d, root))
            continue;
        if (root->type == YAML_SEQUENCE_NODE) {
            for (yaml_node_item_t *it = root->data.sequence.items.start; it < root->data.sequence.items.top; it++) {
                yaml_node_t *item = zl_y_node(&f->y, d, *it);
                if (!add_batch(f, b, d, item))
                    add_change(f, b, d, item); /* the bare list of changes */
            }
            continue;
        }
        struct zl_span s = zl_fmt_span(f, d, root);
        zl_fmt_error(f, &s, "expected a change batch: an object with a Changes list (what aws route53 "
                            "change-resource-record-sets --change-batch takes), or with ChangeBatch");
    }
}

/* ---- which changes stay --------------------------------------------------------- */

static int sid_cmp(const struct change *a, const struct change *b)
{
    if (!a->sid || !b->sid)
        return (a->sid != NULL) - (b->sid != NULL);
    if (a->sid_len != b->sid_len)
        return a->sid_len < b->sid_len ? -1 : 1;
    return memcmp(a->sid, b->sid, a->sid_len);
}

static int key_cmp(const void *x, const void *y)
{
    const struct change *a = *(const struct change *const *)x, *b = *(const struct change *const *)y;
    int c = zl_name_compare(&a->name, &b->name);
    if (!c)
        c = (a->type > b->type) - (a->type < b->type);
    if (!c)
        c = sid_cmp(a, b);
    if (!c)
        c = (a->index > b->index) - (a->index < b->index);
    return c;
}

static bool same_key(const struct change *a, const struct change *b)
{
    return zl_name_equal(&a->name, &b->name) && a->type == b->type && sid_cmp(a, b) == 0;
}

/* Marks the changes whose record sets the zone serves after the batch, and
 * reports record sets changed in a way Route 53 refuses. */
static void settle(struct zl_fmt *f, struct batch *b)
{
    struct change **order = zl_xmalloc((b->n ? b->n : 1) * sizeof *order);
    size_t n = 0;
    for (size_t i = 0; i < b->n; i++) {
        b->v[i].live = b->v[i].action != A_DELETE;
        if (b->v[i].keyed)
            order[n++] = &b->v[i];
    }
    qsort(order, n, sizeof *order, key_cmp);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && same_key(order[i], order[j]); j++)
            ;
        if (j - i == 1)
            continue;
        if (j - i == 2 && order[i]->action == A_DELETE && order[i + 1]->action == A_CREATE)
            continue; /* replaced: the documented way */
        const struct change *second = order[i + 1];
        yaml_node_t *name = zl_y_get(&f->y, second->doc, second->set, "Name");
        struct zl_span s = zl_fmt_value_span(f, second->doc, name);
        char nt[ZL_NAME_TEXT_MAX], tt[16];
        zl_name_to_text(&second->name, nt);
        zl_fmt_error(f, &s, "Route 53 refuses this whole batch (InvalidChangeBatch): it changes the record set "
                            "'%s %s' %zu times, and a batch may change a record set once (or DELETE it, then "
                            "CREATE it); give all its values in one change's ResourceRecords",
                     nt, zl_type_to_text(second->type, tt), j - i);
    }
    free(order);
}

/* ---- the UPSERT of one apex TXT value --------------------------------------------- */

static void upsert_apex_txt(struct zl_fmt *f, const struct change *c)
{
    if (c->action != A_UPSERT || !c->keyed || c->type != ZL_T_TXT || !f->have_origin ||
        !zl_name_equal(&c->name, &f->origin))
        return;
    yaml_node_t *rrs = zl_y_get(&f->y, c->doc, c->set, "ResourceRecords");
    if (!rrs || rrs->type != YAML_SEQUENCE_NODE || rrs->data.sequence.items.top - rrs->data.sequence.items.start != 1)
        return;
    char zt[ZL_NAME_TEXT_MAX];
    zl_name_to_text(&f->origin, zt);
    struct zl_span s = zl_fmt_value_span(f, c->doc, c->action_node);
    zl_fmt_report(f, ZL_RULE_ZL1007, &s,
                  "this UPSERT replaces the whole TXT record set of the apex '%s' with this one value: "
                  "Route 53 deletes every other TXT value there (SPF, domain verifications); list them all "
                  "in ResourceRecords",
                  zt);
}

/* ---- the reader -------------------------------------------------------------------- */

/* Changes (Action with ResourceRecordSet), outside a CloudFormation
 * template: one may hold the same words in a Lambda function's code or a
 * state machine that calls Route 53. */
bool zl_sniff_r53_change(const struct zl_sniff *s)
{
    return (s->json || s->yaml || s->named) && zl_sniff_has_key(s, "Action") &&
           zl_sniff_has_key(s, "ResourceRecordSet") && !zl_sniff_has_key(s, "Resources") &&
           !zl_sniff_contains(s, "AWSTemplateFormatVersion");
}

void zl_read_r53_change(struct zl_fmt *f, const char *text, size_t len)
{
    zl_fmt_load_documents(f, text, len, "YAML/JSON");
    struct batch b = { 0 };
    collect(f, &b);
    if (f->opts->zone) {
        f->origin = *f->opts->zone;
        f->have_origin = true;
    } else {
        /* Every name of the batch is in its hosted zone, deleted or not. */
        struct zl_r53_zone_guess g;
        memset(&g, 0, sizeof g);
        for (size_t i = 0; i < b.n; i++)
            if (b.v[i].keyed)
                zl_r53_zone_guess_add(&g, &b.v[i].name);
        f->have_origin = zl_r53_zone_guess_pick(&g, &f->origin);
    }
    settle(f, &b);
    unsigned long held = 0;
    const struct change *first = NULL;
    for (size_t i = 0; i < b.n; i++) {
        if (!b.v[i].live)
            continue;
        if (b.v[i].placeholder) {
            if (!held++)
                first = &b.v[i];
            continue;
        }
        upsert_apex_txt(f, &b.v[i]);
        zl_r53_rrset(f, b.v[i].doc, b.v[i].set);
    }
    if (first)
        zl_fmt_report(f, ZL_RULE_ZL1006, &first->ph_span,
                      "%lu change%s of this batch hold%s a placeholder that a tool fills in before the batch is "
                      "sent (the first: %s); %s not checked",
                      held, held == 1 ? "" : "s", held == 1 ? "s" : "", first->ph_text, held == 1 ? "it is" : "they are");
    free(b.v);
}
