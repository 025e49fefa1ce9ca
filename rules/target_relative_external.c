/* SPDX-License-Identifier: MIT */
/* ZL2102 target-relative-external: a target written without a trailing dot
 * whose text ends in a public top-level domain, so the origin is appended to
 * what was meant as an outside name (RFC 1035 5.1; cli53 #124; the 2013
 * "aspmx.l.google.com.stackexchange.com" outage in DNSControl's docs).
 *
 *   bad:   www  IN CNAME ghs.google.com        ; -> ghs.google.com.example.com.
 *   good:  www  IN CNAME ghs.google.com.
 *
 * Candidates are found per record and reported after the file, unless the
 * expansion, or a name between it and the origin, really is a name in this
 * zone (then it was meant relative). Top-level domains come from the Public
 * Suffix List (libpsl). */
#include <stdlib.h>
#include <string.h>

#include <libpsl.h>

#include "lint/engine.h"
#include "rules.h"
#include "rdata/types.h"

const char zl_explain_target_relative_external[] =
    "A target name without a trailing dot is relative: the origin is appended\n"
    "to it. When the written name ends in a public top-level domain (com,\n"
    "net, a country code, technology, an IDN TLD in its xn-- form: any TLD of\n"
    "the Public Suffix List), it almost certainly names a host outside the\n"
    "zone, and the appended origin turns it into a name that does\n"
    "not exist: ghs.google.com becomes ghs.google.com.example.com., mail stops\n"
    "flowing when an MX target gets the same treatment, and DKIM fails when an\n"
    "amazonses.com CNAME target does.\n"
    "\n"
    "The rule looks at CNAME, DNAME, NS, MX, SRV, PTR, AFSDB, KX and RT\n"
    "targets with at least two labels. It stays silent when the expanded name,\n"
    "or a name between it and the origin, is an owner in the zone (web.corp\n"
    "beside corp or web.corp records), because then the relative name was meant.\n"
    "Add the trailing dot.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    www     3600 IN CNAME ghs.google.com\n"
    "    @       3600 IN MX    1 aspmx.l.google.com\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    www     3600 IN CNAME ghs.google.com.\n"
    "    @       3600 IN MX    1 aspmx.l.google.com.\n";

const uint16_t zl_types_target_relative_external[] = {
    ZL_T_CNAME, ZL_T_DNAME, ZL_T_NS, ZL_T_MX, ZL_T_SRV, ZL_T_PTR, ZL_T_AFSDB, ZL_T_KX, ZL_T_RT, 0,
};

/* The Public Suffix List through libpsl (Debian libpsl-dev), with the data
 * built into the library: every ICANN top-level domain, IDN ones in their
 * xn-- form included, kept up to date by the distribution instead of a
 * hand-kept list here. PSL_TYPE_NO_STAR_RULE: an unlisted label ("corp",
 * "internal") is not a TLD, although the list's implicit "*" rule would
 * make it one. Exposed for the unit test. */
bool zl_is_public_tld(const char *label, size_t n)
{
    char low[64];
    if (n < 2 || n >= sizeof low)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)label[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
        low[i] = (char)c;
    }
    low[n] = '\0';
    if (low[0] == '-' || low[n - 1] == '-')
        return false;
    return psl_is_public_suffix2(psl_builtin(), low, PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) != 0;
}

struct candidate {
    struct candidate *next;
    struct zl_span span;
    uint64_t *hashes;          /* of the expansion and its ancestors below the origin */
    unsigned nhashes;
    uint16_t type;
    const char *written;       /* token as written */
    uint32_t written_len;
    const char *expanded;
    const char *tld;
    bool can_fix;              /* plain token written on this record's line */
};

struct state {
    struct candidate *head, **tail;
};

/* Finds the last written label; false when the name has a single label or
 * the last label uses escapes (no TLD does). */
static bool last_label(const char *t, size_t n, const char **lab, size_t *lablen)
{
    size_t dot = n;
    for (size_t i = 0; i < n; i++) {
        if (t[i] == '\\') {
            i++; /* \X or the first digit of \DDD: neither is a separator */
            continue;
        }
        if (t[i] == '.')
            dot = i;
    }
    if (dot == n || dot == 0 || dot + 1 >= n)
        return false;
    *lab = t + dot + 1;
    *lablen = n - dot - 1;
    return memchr(*lab, '\\', *lablen) == NULL;
}

void zl_target_relative_external_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    const struct zl_rule *rule = ZL_RULE_REF(ZL2102);
    for (uint16_t i = 0; i < rec->nfields; i++) {
        const struct zl_field *f = &rec->fields[i];
        if (f->kind != ZL_FIELD_NAME || !(f->flags & ZL_NAME_F_RELATIVE) || f->ntok == 0 ||
            f->tok >= rec->ntoks)
            continue;
        const struct zl_token *tok = &rec->toks[f->tok];
        const char *lab;
        size_t lablen;
        if (!last_label(tok->text, tok->len, &lab, &lablen) || !zl_is_public_tld(lab, lablen))
            continue;
        struct zl_name n;
        if (!zl_name_from_wire(&n, rec->rdata + f->off, f->len))
            continue;
        const struct zl_name *origin = rec->origin;
        const struct zl_name *zone = zl_ctx_origin(ctx);
        if (origin && zl_name_ends_in_before(&n, origin->nlabels, origin))
            continue;
        if (origin && zone && zl_name_ends_in_before(&n, origin->nlabels, zone))
            continue;

        struct state **slot = (struct state **)zl_ctx_state(ctx, rule);
        if (!*slot) {
            *slot = zl_ctx_alloc(ctx, sizeof **slot);
            (*slot)->tail = &(*slot)->head;
        }
        struct candidate *c = zl_ctx_alloc(ctx, sizeof *c);
        char text[ZL_NAME_TEXT_MAX];
        size_t tl = zl_name_to_text(&n, text);
        c->span = tok->span;
        /* The expansion and each ancestor down to the origin: one of them
         * being a name of this zone means the relative name was meant. */
        unsigned below = origin ? n.nlabels - origin->nlabels : 1;
        c->hashes = zl_ctx_alloc(ctx, (below ? below : 1) * sizeof *c->hashes);
        for (unsigned k = 0; k < below; k++) {
            struct zl_name a;
            zl_name_suffix(&a, &n, k);
            c->hashes[c->nhashes++] = zl_name_hash64(&a);
        }
        c->type = rec->type;
        c->written = zl_ctx_strdup(ctx, tok->text, tok->len);
        c->written_len = tok->len;
        c->expanded = zl_ctx_strdup(ctx, text, tl);
        c->tld = zl_ctx_strdup(ctx, lab, lablen);
        c->can_fix = !(tok->flags & ZL_TOK_QUOTED) && !(rec->owner_flags & ZL_OWNER_GENERATED);
        *(*slot)->tail = c;
        (*slot)->tail = &c->next;
    }
}

void zl_target_relative_external_zone(const struct zl_zone *zone, struct zl_ctx *ctx)
{
    const struct zl_rule *rule = ZL_RULE_REF(ZL2102);
    struct state *st = *zl_ctx_state(ctx, rule);
    if (!st)
        return;
    for (const struct candidate *c = st->head; c; c = c->next) {
        bool in_zone = false;
        for (unsigned k = 0; k < c->nhashes && !in_zone; k++)
            in_zone = zl_zone_first(zone, c->hashes[k]) != UINT32_MAX;
        if (in_zone)
            continue; /* the expansion, or a name above it, is here: relative on purpose */
        char tn[16];
        struct zl_diag *d = zl_report(ctx, rule, &c->span,
                                      "%s target '%.*s' has no trailing dot, so it expands to '%s'",
                                      zl_type_to_text(c->type, tn), (int)c->written_len, c->written,
                                      c->expanded);
        if (!d)
            continue;
        zl_diag_add_note(d, "'%s' is a public top-level domain: if the name is meant as written, "
                            "end it with a dot", c->tld);
        if (!c->can_fix)
            continue;
        char *rep = zl_ctx_alloc(ctx, (size_t)c->written_len + 2);
        memcpy(rep, c->written, c->written_len);
        rep[c->written_len] = '.';
        zl_diag_set_fix(d, c->span, rep, ZL_FIX_SAFE);
    }
}
