/* SPDX-License-Identifier: MIT */
/* How the parser reads each provider's dialect (src/input/dialect.c tells
 * which one a file is): the zone named by an export's header, Cloudflare's
 * dotless SOA owner and "$ORIGIN .", GoDaddy's "@" inside names and its
 * website-builder pseudo-records, cli53's AWS ALIAS pseudo-records and
 * routing comments, and the zone named by a first absolute SOA. The
 * parser calls these at the points where a dialect reads differently from
 * BIND; nothing here changes how BIND files are read. */
#include <string.h>

#include "input/parser_impl.h"
#include "rdata/types.h"


bool zl_p_aws_allowed(const struct zl_parser *p)
{
    return p->dialect == ZL_DIALECT_CLI53 || (!p->dialect_forced && p->dialect == ZL_DIALECT_BIND);
}

/* The dialects whose header names the zone. */
static bool header_dialect(enum zl_dialect d)
{
    return d == ZL_DIALECT_CLOUDFLARE || d == ZL_DIALECT_GODADDY || d == ZL_DIALECT_AZURE;
}

static void origin_mismatch(struct zl_parser *p, const struct zl_span *at, const char *what,
                            const struct zl_name *other)
{
    /* One disagreement is enough: an "@" SOA under a wrong $ORIGIN is the same one. */
    if (p->mismatch_reported)
        return;
    p->mismatch_reported = true;
    char hz[ZL_NAME_TEXT_MAX], o[ZL_NAME_TEXT_MAX];
    zl_name_to_text(&p->header_zone, hz);
    zl_name_to_text(other, o);
    zl_p_report(p, ZL_RULE_ZL1003, at,
                "the %s export header names the zone '%s', but %s is '%s'",
                zl_dialect_name(p->dialect), hz, what, o);
}

/* Once the header's zone is known and the dialect is one that has it: the
 * zone becomes the origin unless --origin or a $ORIGIN said otherwise (then
 * they are compared). */
static void apply_header_zone(struct zl_parser *p)
{
    if (p->header_applied || !p->have_header_zone || !header_dialect(p->dialect))
        return;
    p->header_applied = true;
    p->res->header_zone = p->header_zone;
    p->res->have_header_zone = true;
    if (p->opts->zone) {
        if (!zl_name_equal(p->opts->zone, &p->header_zone))
            origin_mismatch(p, &p->header_span, "--origin", p->opts->zone);
    } else if (p->saw_origin_directive) {
        if (!zl_name_equal(&p->origin, &p->header_zone))
            origin_mismatch(p, &p->header_span, "$ORIGIN", &p->origin);
        p->checked_origin_directive = true;
    } else {
        p->origin = p->header_zone;
        p->have_origin = true;
        p->origin_guess = false;
    }
}

void zl_p_dialect_header(struct zl_parser *p, const char *text, size_t len, const struct zl_span *s)
{
    if (p->dialect_forced && p->dialect == ZL_DIALECT_BIND)
        return; /* plain BIND: comments are comments */
    bool named = zl_dialect_header_line(&p->header, text, len);
    if (!p->dialect_forced && p->dialect == ZL_DIALECT_BIND && p->header.dialect != ZL_DIALECT_AUTO)
        p->dialect = p->header.dialect;
    if (named && !p->have_header_zone) {
        /* "example.com" and "example.com." both name the zone. */
        char buf[ZL_NAME_TEXT_MAX + 2];
        size_t n = p->header.zone_len;
        if (n > 0 && n < ZL_NAME_TEXT_MAX) {
            memcpy(buf, p->header.zone, n);
            if (buf[n - 1] != '.' || (n >= 2 && buf[n - 2] == '\\'))
                buf[n++] = '.';
            if (zl_name_from_text(&p->header_zone, buf, n, NULL, NULL) == ZL_NAME_OK) {
                p->have_header_zone = true;
                p->header_span = *s;
                /* The comment span starts at ';'; the text one byte later. */
                p->header_span.col = s->col + 1 + (uint32_t)p->header.zone_col;
                p->header_span.end_col = p->header_span.col + (uint32_t)p->header.zone_len;
            }
        }
    }
    apply_header_zone(p);
}

/* $ORIGIN: returns true when the dialect keeps the origin it has. */
bool zl_p_dialect_origin(struct zl_parser *p, const struct zl_name *n, const struct zl_span *s)
{
    p->saw_origin_directive = true;
    /* Cloudflare's 2016-2018 exports say "$ORIGIN ." and then "@ IN SOA":
     * every other name is absolute, and "@" means the header's zone. */
    if (p->dialect == ZL_DIALECT_CLOUDFLARE && n->nlabels == 0 && p->header_applied)
        return true;
    if (p->header_applied && !p->checked_origin_directive && p->depth == 0) {
        p->checked_origin_directive = true;
        if (!zl_name_equal(n, &p->header_zone))
            origin_mismatch(p, s, "$ORIGIN", n);
    }
    return false;
}

/* Owner names a dialect reads differently from BIND. Returns false to let
 * the caller parse the name as BIND does. */
bool zl_p_dialect_owner(struct zl_parser *p, const char *t, size_t n, struct zl_name *out,
                          unsigned *fl, enum zl_name_status *st)
{
    if (n < 2 || n > ZL_NAME_TEXT_MAX)
        return false;
    bool dotted = t[n - 1] == '.' && t[n - 2] != '\\';
    if (p->dialect == ZL_DIALECT_GODADDY && n >= 3 && t[n - 1] == '@' && t[n - 2] == '.' &&
        t[n - 3] != '\\') {
        /* "_sip._tls.@": GoDaddy's "@" as the last label is the origin. */
        *st = zl_name_from_text(out, t, n - 2, p->have_origin ? &p->origin : NULL, fl);
        return true;
    }
    if (p->dialect == ZL_DIALECT_CLOUDFLARE && p->have_header_zone && !dotted) {
        /* Cloudflare writes every name in full; the SOA's lacks its dot. */
        char buf[ZL_NAME_TEXT_MAX + 1];
        struct zl_name abs;
        memcpy(buf, t, n);
        buf[n] = '.';
        if (zl_name_from_text(&abs, buf, n + 1, NULL, NULL) == ZL_NAME_OK &&
            zl_name_equal(&abs, &p->header_zone)) {
            *out = abs;
            *fl = ZL_NAME_F_ABSOLUTE;
            *st = ZL_NAME_OK;
            return true;
        }
    }
    return false;
}

/* GoDaddy targets like "_sip.@" (rare, but the owner form exists): drop the
 * ".@" so the name is read relative to the origin. */
void zl_p_godaddy_at_targets(struct zl_parser *p, struct zl_token *toks)
{
    if (!zl_type_has_target(p->type))
        return;
    for (size_t i = 0; i < p->ntoks; i++) {
        struct zl_token *t = &toks[i];
        if (!(t->flags & ZL_TOK_QUOTED) && t->len >= 3 && t->text[t->len - 1] == '@' &&
            t->text[t->len - 2] == '.' && t->text[t->len - 3] != '\\')
            t->len -= 2;
    }
}

/* GoDaddy exports website-builder and parking entries as records whose
 * "address" is a label: "@ 600 IN A GoCentral Published Site", "@ 600 IN A
 * Parked". Returns true when it reported one. */
bool zl_p_godaddy_pseudo_record(struct zl_parser *p, const struct zl_token *toks)
{
    if (p->dialect != ZL_DIALECT_GODADDY || (p->type != ZL_T_A && p->type != ZL_T_AAAA) ||
        p->ntoks == 0 || (toks[0].flags & ZL_TOK_QUOTED))
        return false;
    char c = toks[0].text[0];
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
        return false;
    struct zl_buf words = { 0 };
    for (size_t i = 0; i < p->ntoks; i++) {
        if (i)
            zl_buf_putc(&words, ' ');
        zl_buf_put(&words, toks[i].text, toks[i].len);
    }
    char shown[128];
    struct zl_span s = toks[0].span;
    s.end_line = toks[p->ntoks - 1].span.end_line;
    s.end_col = toks[p->ntoks - 1].span.end_col;
    zl_p_error_at(p, &s, "GoDaddy website-builder pseudo-record '%s' is not an %s address; "
                         "delete it before importing",
                  zl_p_show(shown, sizeof shown, (const char *)words.data, words.len),
                  p->type == ZL_T_A ? "IPv4" : "IPv6");
    zl_buf_free(&words);
    return true;
}

/* cli53: "alias 86400 AWS ALIAS A www $self false" stands for a Route 53
 * alias (type, target, hosted zone, evaluate health). It is not DNS data:
 * read, checked for shape, and not handed on. */
void zl_p_alias_record(struct zl_parser *p)
{
    if (!p->aws_alias) {
        zl_p_error_at(p, &p->aws_span, "'AWS' is cli53's pseudo-class and only goes with ALIAS "
                                       "('name TTL AWS ALIAS type target zone-id evaluate-health')");
        return;
    }
    if (p->ntoks < 2 || zl_type_from_text(zl_p_tok_text(p, 0), p->toks[0].len) < 0) {
        struct zl_span s = p->ntoks ? p->toks[0].span : p->type_span;
        zl_p_error_at(p, &s, "cli53 AWS ALIAS record needs a record type and a target "
                             "('AWS ALIAS A www $self false')");
        return;
    }
    if (!p->dialect_forced)
        p->dialect = ZL_DIALECT_CLI53;
    if (!p->res->aliases++)
        p->first_alias = p->type_span;
}

/* Provider aliases written in master-file syntax, which exports of
 * providers that have them use: "www ALIAS lb.example.net." (PowerDNS,
 * DNSimple, NS1; ANAME at DNS Made Easy) and "www A ALIAS d1.cloudfront.net."
 * (Route 53 export scripts). Not DNS data: counted, one info per file, and
 * not handed on. Plain BIND (--dialect=bind) refuses both, as BIND does. */
bool zl_p_provider_alias(struct zl_parser *p)
{
    bool typed = p->provider_alias && p->ntoks >= 1;
    bool as_rdata = !p->provider_alias && zl_p_aws_allowed(p) && (p->type == ZL_T_A || p->type == ZL_T_AAAA) &&
                    p->ntoks == 2 && !(p->toks[0].flags & ZL_TOK_QUOTED) && p->toks[0].len == 5 &&
                    strncasecmp(zl_p_tok_text(p, 0), "ALIAS", 5) == 0;
    if (p->provider_alias && !typed) {
        zl_p_error_at(p, &p->type_span, "an ALIAS or ANAME record needs a target name");
        return true;
    }
    if (!typed && !as_rdata)
        return false;
    if (!p->res->aliases++)
        p->first_alias = p->type_span;
    return true;
}

/* With no $ORIGIN, no --origin and no header, a first SOA written with an
 * absolute owner names the zone (Google Cloud DNS and other dnspython-style
 * exports): it beats a zone name guessed from the file name. */
void zl_p_soa_origin(struct zl_parser *p)
{
    if (p->type != ZL_T_SOA || p->res->records != 0 || !(p->owner_flags & ZL_OWNER_ABSOLUTE) ||
        p->saw_origin_directive || p->header_applied || p->opts->zone ||
        (p->have_origin && !p->origin_guess))
        return;
    p->origin = p->owner_name;
    p->have_origin = true;
    p->origin_guess = false;
}

/* First SOA: a dialect known by its name servers, and the header's zone. */
void zl_p_dialect_soa(struct zl_parser *p, const struct zl_record *rec, size_t nfields)
{
    p->checked_soa = true;
    if (!p->dialect_forced && p->dialect == ZL_DIALECT_BIND && nfields >= 2 &&
        p->fields[0].kind == ZL_FIELD_NAME && p->fields[1].kind == ZL_FIELD_NAME) {
        struct zl_name m, r;
        if (zl_name_from_wire(&m, p->wire.data + p->fields[0].off, p->fields[0].len) &&
            zl_name_from_wire(&r, p->wire.data + p->fields[1].off, p->fields[1].len)) {
            enum zl_dialect d = zl_dialect_from_soa(&m, &r);
            if (d != ZL_DIALECT_AUTO)
                p->dialect = d;
        }
    }
    if (p->header_applied && !zl_name_equal(&rec->owner, &p->header_zone))
        origin_mismatch(p, &p->owner.span, "the SOA record's owner", &rec->owner);
}

/* cli53: "; AWS routing="WEIGHTED" weight=1 identifier="One"". */
void zl_p_cli53_routing(struct zl_parser *p, struct zl_record *rec)
{
    if (!zl_p_aws_allowed(p))
        return;
    const char *id;
    size_t idl;
    if (!zl_dialect_cli53_routing(rec->comment, rec->comment_len, &id, &idl))
        return;
    if (!p->dialect_forced)
        p->dialect = ZL_DIALECT_CLI53;
    if (idl) {
        rec->set_id = id;
        rec->set_id_len = (uint32_t)idl;
    }
}
