/* SPDX-License-Identifier: MIT */
/* Zone shape (RFC 1035 5.2, RFC 1034 4.2.1):
 *   ZL3101 missing-soa   a whole zone without an SOA at its apex
 *   ZL3102 missing-ns    a whole zone without NS records at its apex
 *   ZL3103 out-of-zone   a record whose owner is not at or below the origin
 *
 *   bad:   $ORIGIN example.com.
 *          www IN A 192.0.2.1            ; no SOA, no NS
 *          www.example.org. IN A 192.0.2.2
 *   good:  @   IN SOA ns1 hostmaster 1 7200 3600 1209600 3600
 *          @   IN NS  ns1
 *          www IN A 192.0.2.1
 *
 * missing-soa/missing-ns only look at files that are whole zones
 * (zl_zone.whole_zone): fragments pulled in with $INCLUDE are fine without. */
#include <string.h>

#include "lint/engine.h"
#include "rules.h"
#include "rdata/types.h"

const char zl_explain_missing_soa[] =
    "Every zone starts with exactly one SOA record at its apex (RFC 1035 5.2):\n"
    "it names the primary server and holds the serial number and the timers\n"
    "secondaries and negative caching depend on. A name server refuses to\n"
    "load a zone file without it. Provider exports sometimes leave it out\n"
    "because the provider manages it; when such an export is loaded into\n"
    "BIND, NSD or Knot, the SOA has to be added.\n"
    "\n"
    "The rule applies to files that look like whole zones, not to fragments\n"
    "included from another file. An SOA that sits at another name than the\n"
    "origin is reported too.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    @    3600 IN NS ns1.example.net.\n"
    "    www  3600 IN A  192.0.2.1\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    @    3600 IN SOA ns1.example.net. hostmaster.example.com. (\n"
    "                 2024010101 7200 3600 1209600 3600 )\n"
    "    @    3600 IN NS ns1.example.net.\n"
    "    www  3600 IN A  192.0.2.1\n";

const char zl_explain_missing_ns[] =
    "A zone needs NS records at its apex that name its authoritative servers\n"
    "(RFC 1034 4.2.1). Name servers refuse a zone without them, and the\n"
    "apex NS set must match the delegation in the parent zone. Provider\n"
    "exports sometimes drop them because the provider fills them in.\n"
    "\n"
    "The rule applies to files that look like whole zones, not to fragments.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    @    3600 IN SOA ns1.example.net. hostmaster.example.com. (\n"
    "                 2024010101 7200 3600 1209600 3600 )\n"
    "    www  3600 IN A  192.0.2.1\n"
    "\n"
    "Good:\n"
    "\n"
    "    @    3600 IN SOA ns1.example.net. hostmaster.example.com. (\n"
    "                 2024010101 7200 3600 1209600 3600 )\n"
    "    @    3600 IN NS ns1.example.net.\n"
    "    @    3600 IN NS ns2.example.net.\n"
    "    www  3600 IN A  192.0.2.1\n";

const char zl_explain_out_of_zone[] =
    "A zone file holds the names at and below its origin. A record owned by a\n"
    "name outside the zone is not served: BIND ignores it with a warning\n"
    "(\"ignoring out-of-zone data\") and other servers refuse the file. It\n"
    "usually comes from a $ORIGIN line that switched to another domain, an\n"
    "owner written with a trailing dot and the wrong domain, or records of\n"
    "another zone pasted in.\n"
    "\n"
    "Move the record to the zone it belongs to, or fix its owner name.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    www               3600 IN A 192.0.2.1\n"
    "    www.example.org.  3600 IN A 192.0.2.2\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    www               3600 IN A 192.0.2.1\n";

static const struct zl_zrec *find_type(const struct zl_zone *z, uint16_t type, bool apex_only)
{
    for (size_t i = 0; i < z->nrecs; i++)
        if (z->recs[i].type == type && (!apex_only || (z->flags[i] & ZL_ZREC_APEX)))
            return &z->recs[i];
    return NULL;
}

static const char *origin_text(const struct zl_zone *z, char *buf)
{
    if (!z->origin)
        return "(unknown)";
    zl_name_to_text(z->origin, buf);
    return buf;
}

static void missing_soa(const struct zl_zone *z, struct zl_ctx *ctx)
{
    if (!z->whole_zone || z->has_soa_at_apex || z->nrecs == 0)
        return;
    char o[ZL_NAME_TEXT_MAX];
    const struct zl_zrec *soa = find_type(z, ZL_T_SOA, false);
    if (soa) {
        struct zl_span at = zl_zone_span(z, (uint32_t)(soa - z->recs));
        zl_report(ctx, ZL_RULE_REF(ZL3101), &at,
                  "SOA record is not at the zone apex '%s': the zone has no SOA of its own",
                  origin_text(z, o));
        return;
    }
    /* No SOA anywhere: anchor on the first record, where it should be. */
    struct zl_span first = zl_zone_span(z, 0);
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL3101), &first,
                                  "zone '%s' has no SOA record; name servers refuse to load it",
                                  origin_text(z, o));
    if (d)
        zl_diag_add_note(d, "add an SOA record at the apex (@) as the first record");
}

static void missing_ns(const struct zl_zone *z, struct zl_ctx *ctx)
{
    if (!z->whole_zone || z->has_ns_at_apex || z->nrecs == 0)
        return;
    char o[ZL_NAME_TEXT_MAX];
    const struct zl_zrec *at = find_type(z, ZL_T_SOA, true);
    if (!at)
        at = &z->recs[0];
    struct zl_span where = zl_zone_span(z, (uint32_t)(at - z->recs));
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL3102), &where,
                                  "zone '%s' has no NS records at its apex; name servers refuse "
                                  "to load it", origin_text(z, o));
    if (d)
        zl_diag_add_note(d, "add the NS records of the zone's authoritative servers at @");
}

void zl_out_of_zone_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    const struct zl_name *origin = zl_ctx_origin(ctx);
    /* An inherited owner was reported on the line that wrote it. */
    if (!origin || (rec->owner_flags & ZL_OWNER_INHERITED) || !zl_ctx_owner_outside(ctx, rec))
        return;
    char owner[ZL_NAME_TEXT_MAX], zone[ZL_NAME_TEXT_MAX];
    zl_name_to_text(&rec->owner, owner);
    zl_name_to_text(origin, zone);
    const struct zl_span *sp = rec->owner_tok.len ? &rec->owner_tok.span : &rec->span;
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL3103), sp,
                                  "owner '%s' is outside the zone '%s'; the record is not served",
                                  owner, zone);
    if (d && rec->origin && !zl_name_equal(rec->origin, origin)) {
        char cur[ZL_NAME_TEXT_MAX];
        zl_name_to_text(rec->origin, cur);
        zl_diag_add_note(d, "the origin in effect here is '%s' (from a $ORIGIN line)", cur);
    }
}

void zl_zone_completeness_zone(const struct zl_zone *z, struct zl_ctx *ctx)
{
    missing_soa(z, ctx);
    missing_ns(z, ctx);
}
