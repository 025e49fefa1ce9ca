/* SPDX-License-Identifier: MIT */
/* ZL2101 name-doubled-origin: an owner or RDATA name that ends in the origin
 * twice. It happens when a fully qualified name is written without its
 * trailing dot (the origin is appended again, RFC 1035 5.1), or is pasted
 * into a "host" field that appends the zone itself (AWS SES docs:
 * "..._domainkey.example.com.example.com"; aws-cdk #21306, #26738).
 *
 *   bad:   tok._domainkey.example.com  IN CNAME tok.dkim.amazonses.com.
 *   good:  tok._domainkey              IN CNAME tok.dkim.amazonses.com.
 */
#include <stdio.h>
#include <string.h>

#include "lint/engine.h"
#include "rules.h"
#include "rdata/types.h"

const char zl_explain_name_doubled_origin[] =
    "A name that is not followed by a dot is relative: the zone file reader\n"
    "appends the current origin to it. When the name already ends in the\n"
    "origin, the result ends in the origin twice, for example\n"
    "tok._domainkey.example.com.example.com., and the record a mail provider\n"
    "or a web service looks up does not exist. The zone still loads, so\n"
    "name servers never complain.\n"
    "\n"
    "Write the name relative to the origin (without the zone name), or write\n"
    "it fully qualified with a trailing dot. Both give the same name. A name\n"
    "written with a trailing dot is reported only when it literally ends in\n"
    "the origin twice.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    tok._domainkey.example.com  3600 IN CNAME tok.dkim.amazonses.com.\n"
    "    @                           3600 IN MX    10 mail.example.com\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    tok._domainkey              3600 IN CNAME tok.dkim.amazonses.com.\n"
    "    @                           3600 IN MX    10 mail.example.com.\n";

/* n without the k labels that start at label index `from`. */
static void drop_labels(struct zl_name *out, const struct zl_name *n, unsigned from, unsigned k)
{
    size_t a = zl_name_label_offset(n, from);
    size_t b = zl_name_label_offset(n, from + k);
    memcpy(out->wire, n->wire, a);
    memcpy(out->wire + a, n->wire + b, n->len - b);
    out->len = (uint8_t)(n->len - (b - a));
    out->nlabels = (uint8_t)(n->nlabels - k);
}

/* Relative text of the first m labels of n ("@" when m is 0). */
static void prefix_text(const struct zl_name *n, unsigned m, char *out)
{
    if (m == 0) {
        strcpy(out, "@");
        return;
    }
    struct zl_name p;
    size_t a = zl_name_label_offset(n, m);
    memcpy(p.wire, n->wire, a);
    p.wire[a] = 0;
    p.len = (uint8_t)(a + 1);
    p.nlabels = (uint8_t)m;
    size_t len = zl_name_to_text(&p, out);
    if (len > 1)
        out[len - 1] = '\0'; /* relative: no trailing dot */
}

/* What the name is ("owner", "MX target"): worded only for a finding. */
static const char *what_text(char *out, size_t cap, uint16_t type)
{
    char tn[16];
    if (type)
        snprintf(out, cap, "%s %s", zl_type_to_text(type, tn), zl_type_has_target(type) ? "target" : "name");
    else
        snprintf(out, cap, "owner");
    return out;
}

/* Whether n has the labels to end in s before its last skip labels (what
 * zl_name_ends_in_before asks first): most names are too short to hold
 * the origin twice, and then nothing else is looked at. */
static bool long_enough(const struct zl_name *n, unsigned skip, const struct zl_name *s)
{
    return s && s->nlabels && n->nlabels >= skip + s->nlabels;
}

/* Whether check_name can find anything in n (written with flags): only
 * a name of enough labels can hold the origin or the zone twice. */
static inline bool may_double(const struct zl_name *n, unsigned flags, const struct zl_name *origin,
                              const struct zl_name *zone)
{
    if (flags & ZL_NAME_F_RELATIVE)
        return origin && (long_enough(n, origin->nlabels, origin) || long_enough(n, origin->nlabels, zone));
    if (!(flags & ZL_NAME_F_ABSOLUTE) || (flags & ZL_NAME_F_AT))
        return false;
    return long_enough(n, origin ? origin->nlabels : 0, origin) || long_enough(n, zone ? zone->nlabels : 0, zone);
}

static void check_name(struct zl_ctx *ctx, const struct zl_name *n, const struct zl_token *tok,
                       unsigned flags, const struct zl_name *origin, const struct zl_name *zone,
                       bool can_fix, uint16_t type)
{
    const struct zl_rule *rule = ZL_RULE_REF(ZL2101);
    char what[40];
    char expanded[ZL_NAME_TEXT_MAX], intended[ZL_NAME_TEXT_MAX], shorter[ZL_NAME_TEXT_MAX];
    struct zl_name fixed;
    can_fix = can_fix && tok->len > 0 && !(tok->flags & ZL_TOK_QUOTED);

    if (flags & ZL_NAME_F_RELATIVE) {
        if (!origin || !(long_enough(n, origin->nlabels, origin) || long_enough(n, origin->nlabels, zone)))
            return;
        if (!zl_name_is_subdomain(n, origin))
            return;
        unsigned skip = origin->nlabels;
        const struct zl_name *dup = NULL;
        if (zl_name_ends_in_before(n, skip, origin))
            dup = origin;
        else if (zone && !zl_name_equal(zone, origin) && zl_name_ends_in_before(n, skip, zone))
            dup = zone; /* "$ORIGIN sub.example.com." then "www.example.com" */
        if (!dup)
            return;
        zl_name_to_text(n, expanded);
        drop_labels(&fixed, n, n->nlabels - skip, skip);
        zl_name_to_text(&fixed, intended);
        char dupt[ZL_NAME_TEXT_MAX];
        zl_name_to_text(dup, dupt);
        struct zl_diag *d = zl_report(ctx, rule, &tok->span,
                                      "%s '%.*s' already ends in %s '%s' but has no trailing dot, "
                                      "so it expands to '%s'",
                                      what_text(what, sizeof what, type), (int)tok->len, tok->text,
                                      dup == origin ? "the origin" : "the zone name", dupt, expanded);
        if (!d)
            return;
        if (dup == origin) {
            prefix_text(n, n->nlabels - 2 * skip, shorter);
            zl_diag_add_note(d, "write '%s' (relative to the origin) or '%s' (with the trailing dot)",
                             shorter, intended);
        } else {
            zl_diag_add_note(d, "write '%s' with the trailing dot", intended);
        }
        if (can_fix) {
            char *rep = zl_ctx_alloc(ctx, (size_t)tok->len + 2);
            memcpy(rep, tok->text, tok->len);
            rep[tok->len] = '.';
            zl_diag_set_fix(d, tok->span, rep, ZL_FIX_SAFE);
        }
        return;
    }

    if (!(flags & ZL_NAME_F_ABSOLUTE) || (flags & ZL_NAME_F_AT))
        return;
    /* Written with a trailing dot: only a name that literally ends in the
     * origin twice. */
    if (!long_enough(n, origin ? origin->nlabels : 0, origin) && !long_enough(n, zone ? zone->nlabels : 0, zone))
        return;
    const struct zl_name *dup = NULL;
    if (origin && zl_name_is_subdomain(n, origin) && zl_name_ends_in_before(n, origin->nlabels, origin))
        dup = origin;
    else if (zone && zl_name_is_subdomain(n, zone) && zl_name_ends_in_before(n, zone->nlabels, zone))
        dup = zone;
    if (!dup)
        return;
    zl_name_to_text(n, expanded);
    drop_labels(&fixed, n, n->nlabels - 2 * dup->nlabels, dup->nlabels);
    zl_name_to_text(&fixed, intended);
    char dupt[ZL_NAME_TEXT_MAX];
    zl_name_to_text(dup, dupt);
    struct zl_diag *d = zl_report(ctx, rule, &tok->span,
                                  "%s '%.*s' ends in the origin '%s' twice", what_text(what, sizeof what, type), (int)tok->len,
                                  tok->text, dupt);
    if (!d)
        return;
    zl_diag_add_note(d, "probably meant '%s'; the doubled name was likely pasted into a field "
                        "that appends the zone", intended);
    if (can_fix)
        zl_diag_set_fix(d, tok->span, intended, ZL_FIX_SAFE);
}

void zl_name_doubled_origin_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    const struct zl_name *zone = zl_ctx_origin(ctx);
    const struct zl_name *origin = rec->origin ? rec->origin : zone;
    if (!origin && !zone)
        return;
    bool generated = (rec->owner_flags & ZL_OWNER_GENERATED) != 0;

    /* An inherited owner was checked on the record that wrote it. */
    if (!(rec->owner_flags & (ZL_OWNER_INHERITED | ZL_OWNER_AT))) {
        unsigned fl = (rec->owner_flags & ZL_OWNER_RELATIVE ? ZL_NAME_F_RELATIVE : 0) |
                      (rec->owner_flags & ZL_OWNER_ABSOLUTE ? ZL_NAME_F_ABSOLUTE : 0);
        if (may_double(&rec->owner, fl, origin, zone))
            check_name(ctx, &rec->owner, &rec->owner_tok, fl, origin, zone, !generated, 0);
    }

    for (uint16_t i = 0; i < rec->nfields; i++) {
        const struct zl_field *f = &rec->fields[i];
        if (f->kind != ZL_FIELD_NAME || f->ntok == 0 || f->tok >= rec->ntoks)
            continue;
        struct zl_name n;
        if (!zl_name_from_wire(&n, rec->rdata + f->off, f->len))
            continue;
        if (may_double(&n, f->flags, origin, zone))
            check_name(ctx, &n, &rec->toks[f->tok], f->flags, origin, zone, !generated, rec->type);
    }
}
