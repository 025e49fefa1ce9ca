/* SPDX-License-Identifier: MIT */
/* Record builder and driver for the generated scanner/parser: turns the
 * grammar's located tokens into zl_records, runs directives, words errors. */
#include "input/parser_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/ttl.h"
#include "rdata/enc.h"
#include "rdata/types.h"
#include "input/confine.h"
#include "base/fileio.h"
#include "zone.tab.h"
#include "zone.lex.h"

#define DEFAULT_MAX_ERRORS 100
#define DEFAULT_MAX_DEPTH 16

int zl_yyparse(yyscan_t scanner, struct zl_parser *P);

/* ---- spans and diagnostics ------------------------------------------- */

static struct zl_span span_of(struct zl_parser *p, const struct zl_yyltype *l)
{
    if (p->generating)
        return p->gen_span;
    struct zl_span s = { p->src, (uint32_t)l->first_line, (uint32_t)l->first_column,
                         (uint32_t)l->last_line, (uint32_t)l->last_column };
    return s;
}

void zl_p_report(struct zl_parser *p, unsigned rule, const struct zl_span *span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    zl_sink_vemit(&p->opts->sink, rule, span, fmt, ap);
    va_end(ap);
}

/* A syntax error: the line is dropped, and past the limit only counted. */
static void verror(struct zl_parser *p, const struct zl_span *span, const char *fmt, va_list ap)
{
    p->line_error = true;
    p->res->errors++;
    p->last_error_span = *span;
    unsigned max = p->opts->max_errors ? p->opts->max_errors : DEFAULT_MAX_ERRORS;
    if (p->errors_shown >= max)
        return;
    p->errors_shown++;
    zl_sink_vemit(&p->opts->sink, ZL_RULE_ZL1001, span, fmt, ap);
}

void zl_p_error_at(struct zl_parser *p, const struct zl_span *span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, span, fmt, ap);
    va_end(ap);
}

void zl_p_lex_error(struct zl_parser *p, const struct zl_yyltype *loc, const char *fmt, ...)
{
    struct zl_span s = span_of(p, loc);
    va_list ap;
    va_start(ap, fmt);
    verror(p, &s, fmt, ap);
    va_end(ap);
}

/* Quotes a token for a message, cut short and with control bytes escaped. */
const char *zl_p_show(char *out, size_t cap, const char *s, size_t n)
{
    size_t o = 0;
    size_t limit = n > 60 ? 57 : n;
    for (size_t i = 0; i < limit && o + 5 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f)
            o += (size_t)snprintf(out + o, cap - o, "\\%03u", c);
        else
            out[o++] = (char)c;
    }
    if (limit < n && o + 4 < cap) {
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o] = '\0';
    return out;
}

/* ---- input ------------------------------------------------------------- */

size_t zl_lex_read(struct zl_lexer *lx, char *buf, size_t max)
{
    size_t got = 0;
    if (lx->stop)
        return 0;
    if (lx->fd < 0) {
        size_t n = lx->mem_len - lx->mem_pos;
        if (n > max)
            n = max;
        memcpy(buf, lx->mem + lx->mem_pos, n);
        lx->mem_pos += n;
        got = n;
    } else {
        while (got < max) {
            long r;
            if (lx->file) {
                /* never past the size the file had when it was opened */
                r = zl_file_read(lx->file, lx->got_total, buf + got, max - got);
            } else {
                /* a stream (stdin): one byte past the cap tells it is over */
                uint64_t room = lx->max + 1 > lx->got_total ? lx->max + 1 - lx->got_total : 0;
                size_t want = max - got < room ? max - got : (size_t)room;
                r = want ? (long)read(lx->fd, buf + got, want) : 0;
            }
            if (r < 0) {
                if (errno == EINTR)
                    continue;
                lx->read_errno = errno;
                break;
            }
            if (r == 0)
                break;
            got += (size_t)r;
            lx->got_total += (uint64_t)r;
            if (got >= 3 || lx->started)
                break;
        }
        if (!lx->file && lx->got_total > lx->max) {
            got -= (size_t)(lx->got_total - lx->max);
            lx->got_total = lx->max;
            lx->cut = true;
            lx->stop = true;
        } else if (lx->file && got == 0 && !lx->read_errno && lx->got_total >= lx->file->size &&
                   zl_file_grew(lx->file)) {
            lx->cut = true;
            lx->stop = true;
        }
    }
    if (!lx->started) {
        lx->started = true;
        /* UTF-16 (Windows exports) or a binary file: one error, not one per byte. */
        const char *what = zl_text_not_utf8((const unsigned char *)buf, got);
        if (what) {
            struct zl_yyltype at = { 1, 1, 1, 2 };
            if (!strcmp(what, "UTF-16"))
                zl_p_lex_error(lx->p, &at, "this file is UTF-16; convert it to UTF-8 (for example with "
                                           "iconv -f UTF-16 -t UTF-8)");
            else
                zl_p_lex_error(lx->p, &at, "this file is binary (mostly NUL bytes), not a zone file");
            lx->stop = true;
            return 0;
        }
        /* A UTF-8 byte order mark (editors add one) is no blank to BIND
         * 9.18: it becomes part of the first word, so the first line's
         * owner is mangled or its directive refused. Said once; the rest
         * is read without it, so that its findings make sense. */
        if (got >= 3 && (unsigned char)buf[0] == 0xef && (unsigned char)buf[1] == 0xbb &&
            (unsigned char)buf[2] == 0xbf) {
            memmove(buf, buf + 3, got - 3);
            got -= 3;
            struct zl_yyltype at = { 1, 1, 1, 2 };
            zl_p_lex_error(lx->p, &at, "the file starts with a UTF-8 byte order mark: BIND reads it as part "
                                       "of the first line's first word (owner \\239\\187\\191...), so "
                                       "that line is lost; save the file without it");
            lx->p->line_error = false;
        }
    }
    return got;
}

/* ---- dialects ------------------------------------------------------------ */

/* ---- line buffer ---------------------------------------------------------- */

void zl_p_grow_tokens(struct zl_parser *p)
{
    p->ctoks = p->ctoks ? p->ctoks * 2 : 64;
    p->toks = zl_xrealloc(p->toks, p->ctoks * sizeof *p->toks);
}

const char *zl_p_text(struct zl_parser *p, const struct zl_tokval *v)
{
    return (const char *)p->text.data + v->off;
}

const char *zl_p_tok_text(struct zl_parser *p, size_t i)
{
    return (const char *)p->text.data + p->toks[i].off;
}

void zl_p_line_reset(struct zl_parser *p)
{
    p->text.len = 0;
    p->ntoks = 0;
    p->have_owner = false;
    p->owner_flags = 0;
    p->ttl_explicit = false;
    p->class_explicit = false;
    p->type = 0;
    p->line_error = false;
    p->line_started = false;
    p->syntax_failed = false;
    p->have_comment = false;
    p->lex_aws = false;
    p->aws_class = false;
    p->aws_alias = false;
    p->provider_alias = false;
}

void zl_p_comment(struct zl_parser *p, const char *text, size_t len, const struct zl_yyltype *loc,
                  bool own_line)
{
    struct zl_span s = span_of(p, loc);
    if (p->opts->on_comment) {
        struct zl_comment c = { text, len, s, own_line };
        p->opts->on_comment(p->opts->user, &c);
    }
    if (own_line) {
        /* A provider export says what it is in comments above the first record. */
        if (!p->seen_record && p->depth == 0 && !p->generating)
            zl_p_dialect_header(p, text, len, &s);
        return;
    }
    const char *id;
    size_t idl;
    if (!p->dialect_forced && p->dialect == ZL_DIALECT_BIND && zl_dialect_cli53_routing(text, len, &id, &idl))
        p->dialect = ZL_DIALECT_CLI53;
    /* A comment on a record's line travels with the record (cf_tags, suppressions).
     * Stored without touching last_val, which error messages quote. */
    p->comment_off = (uint32_t)p->text.len;
    zl_buf_put(&p->text, text, len);
    p->comment_len = (uint32_t)len;
    p->comment_span = s;
    p->have_comment = true;
}

/* ---- classification --------------------------------------------------- */

int zl_p_classify(struct zl_parser *p, const char *text, size_t len, uint32_t *num)
{
    bool after_aws = p->lex_aws;
    p->lex_aws = false;
    uint32_t v;
    /* IN on nearly every line: no type is spelled like a class. */
    if (len == 2 && (text[0] | 0x20) == 'i' && (text[1] | 0x20) == 'n') {
        *num = ZL_CLASS_IN;
        return CLASS;
    }
    if (text[0] >= '0' && text[0] <= '9') {
        if (zl_ttl_parse(text, len, &v) == ZL_TTL_OK) {
            *num = v;
            return TTL;
        }
        return WORD;
    }
    int t = zl_type_from_text(text, len);
    if (t >= 0) {
        *num = (uint32_t)t;
        return TYPE;
    }
    int c = zl_class_from_text(text, len);
    if (c >= 0) {
        *num = (uint32_t)c;
        return CLASS;
    }
    /* cli53's "AWS ALIAS": a pseudo-class and a pseudo-type, outside the
     * 16-bit range so that zl_p_class/zl_p_type can tell them apart; and
     * the ALIAS/ANAME pseudo-types of providers (PowerDNS, DNSimple, NS1,
     * DNS Made Easy exports). */
    if (zl_p_aws_allowed(p) && len == 5 && (strncasecmp(text, "ALIAS", 5) == 0 || strncasecmp(text, "ANAME", 5) == 0) &&
        !after_aws) {
        *num = ZL_PSEUDO_ALIAS;
        return TYPE;
    }
    if (zl_p_aws_allowed(p)) {
        if (len == 3 && strncasecmp(text, "AWS", 3) == 0) {
            p->lex_aws = true;
            *num = ZL_PSEUDO_AWS;
            return CLASS;
        }
        if (after_aws && len == 5 && strncasecmp(text, "ALIAS", 5) == 0) {
            if (!p->dialect_forced)
                p->dialect = ZL_DIALECT_CLI53; /* detected even if the line fails later */
            *num = ZL_PSEUDO_AWS;
            return TYPE;
        }
    }
    return WORD;
}

/* ---- record parts ------------------------------------------------------- */

static void name_error(struct zl_parser *p, const struct zl_span *s, const char *what,
                       const char *text, size_t len, enum zl_name_status st)
{
    char shown[128];
    if (st == ZL_NAME_NO_ORIGIN && p->no_origin_said) {
        /* One missing origin makes every relative name fail: say it once. */
        p->no_origin_more++;
        p->line_error = true;
        p->res->errors++;
        return;
    }
    if (st == ZL_NAME_NO_ORIGIN) {
        p->no_origin_said = true;
        p->no_origin_first = *s;
    }
    zl_p_error_at(p, s, "%s '%s' is not a valid domain name: %s", what,
                  zl_p_show(shown, sizeof shown, text, len), zl_name_status_text(st));
}

/* The scanner hands each part over as it cuts the token. An owner (or a
 * blank one) is what the grammar takes at the start of a line unless it
 * already rejected a token there (a NUL byte: its recovery drops the rest
 * of the line); a TTL, class or type only once each, after an owner, and
 * none after the grammar rejected a token of the line: those it ignores
 * here too, so each part counts exactly when the grammar took it. */
static bool part_taken(const struct zl_parser *p)
{
    return p->line_started && !p->syntax_failed;
}

void zl_p_owner(struct zl_parser *p, const struct zl_tokval *v, const struct zl_yyltype *loc)
{
    if (p->syntax_failed)
        return;
    p->line_started = true;
    struct zl_span s = span_of(p, loc);
    const char *t = zl_p_text(p, v);
    unsigned fl = 0;
    p->owner.off = v->off;
    p->owner.len = v->len;
    p->owner.span = s;
    p->owner.flags = 0;
    p->seen_record = true;
    enum zl_name_status st;
    if (!zl_p_dialect_owner(p, t, v->len, &p->owner_name, &fl, &st))
        st = zl_name_from_text(&p->owner_name, t, v->len, p->have_origin ? &p->origin : NULL, &fl);
    if (st != ZL_NAME_OK) {
        name_error(p, &s, "owner", t, v->len, st);
        p->last_owner_failed = true;
        return;
    }
    p->last_owner_failed = false;
    p->owner_flags = (fl & ZL_NAME_F_AT ? ZL_OWNER_AT : 0) |
                     (fl & ZL_NAME_F_RELATIVE ? ZL_OWNER_RELATIVE : 0) |
                     (fl & ZL_NAME_F_ABSOLUTE ? ZL_OWNER_ABSOLUTE : 0) |
                     (p->generating ? ZL_OWNER_GENERATED : 0);
    p->have_owner = true;
    /* A valid owner is "the previous owner" even if the rest of its line fails. */
    zl_name_copy(&p->last_owner, &p->owner_name);
    p->have_last_owner = true;
}

void zl_p_owner_inherit(struct zl_parser *p, const struct zl_yyltype *loc)
{
    if (p->syntax_failed)
        return;
    p->line_started = true;
    struct zl_span s = span_of(p, loc);
    s.end_col = s.col;
    p->owner.off = (uint32_t)p->text.len;
    p->owner.len = 0;
    p->owner.span = s;
    p->owner.flags = 0;
    p->seen_record = true;
    if (!p->have_last_owner) {
        if (p->last_owner_failed) {
            /* The owner it continues was already reported: no second message. */
            p->line_error = true;
            p->res->errors++;
            p->silent_errors++;
            return;
        }
        zl_p_error_at(p, &s, "this line starts with blank space, so it continues the previous "
                             "owner, but there is no previous record");
        return;
    }
    zl_name_copy(&p->owner_name, &p->last_owner);
    p->owner_flags = ZL_OWNER_INHERITED;
    p->have_owner = true;
}

void zl_p_ttl(struct zl_parser *p, const struct zl_tokval *v, const struct zl_yyltype *loc)
{
    if (!part_taken(p) || p->ttl_explicit)
        return;
    p->ttl = v->num;
    p->ttl_explicit = true;
    p->ttl_span = span_of(p, loc);
}

void zl_p_class(struct zl_parser *p, const struct zl_tokval *v, const struct zl_yyltype *loc)
{
    if (!part_taken(p) || p->class_explicit || p->aws_class)
        return;
    if (v->num == ZL_PSEUDO_AWS) {
        p->aws_class = true;
        p->aws_span = span_of(p, loc);
        return;
    }
    p->rclass = (uint16_t)v->num;
    p->class_explicit = true;
    struct zl_span s = span_of(p, loc);
    if (p->zone_class && p->zone_class != p->rclass) {
        char a[16], b[16];
        zl_p_error_at(p, &s, "class %s differs from the zone's class %s",
                      zl_class_to_text(p->rclass, a), zl_class_to_text(p->zone_class, b));
    }
}

void zl_p_type(struct zl_parser *p, const struct zl_tokval *v, const struct zl_yyltype *loc)
{
    if (!part_taken(p))
        return;
    p->type_span = span_of(p, loc);
    if (v->num == ZL_PSEUDO_AWS) {
        p->aws_alias = true;
        p->type = 0;
        return;
    }
    if (v->num == ZL_PSEUDO_ALIAS) {
        p->provider_alias = true;
        p->type = 0;
        return;
    }
    p->type = (uint16_t)v->num;
    /* BIND's loader: "obsolete", in any form (its $GENERATE does not check) */
    if ((p->type == ZL_T_MD || p->type == ZL_T_MF) && !p->generating)
        zl_p_error_at(p, &p->type_span, "%s is obsolete (RFC 973 replaced it by MX); BIND refuses it in "
                      "zone data", p->type == ZL_T_MD ? "MD" : "MF");
}

static struct zl_token *final_tokens(struct zl_parser *p)
{
    if (p->ntoks > p->couttoks) {
        p->couttoks = p->ntoks;
        p->outtoks = zl_xrealloc(p->outtoks, p->couttoks * sizeof *p->outtoks);
    }
    for (size_t i = 0; i < p->ntoks; i++) {
        p->outtoks[i].text = (const char *)p->text.data + p->toks[i].off;
        p->outtoks[i].len = p->toks[i].len;
        p->outtoks[i].flags = p->toks[i].flags;
        p->outtoks[i].span = p->toks[i].span;
    }
    return p->outtoks;
}

/* SOA minimum from wire RDATA: the last 4 bytes. */
static uint32_t soa_minimum(const uint8_t *rd, size_t len)
{
    if (len < 20)
        return 0;
    const uint8_t *m = rd + len - 4;
    return (uint32_t)m[0] << 24 | (uint32_t)m[1] << 16 | (uint32_t)m[2] << 8 | m[3];
}

/* Records of included files count against the run's $INCLUDE budget;
 * past it they are dropped, and that is said once. */
static bool include_record_fits(struct zl_parser *p)
{
    if (p->budget->records > 0) {
        p->budget->records--;
        return true;
    }
    p->res->include_failed = true;
    p->records_dropped++;
    if (!p->budget_said) {
        p->budget_said = true;
        zl_p_error_at(p, &p->owner.span, "this run's $INCLUDE budget of %llu records from included files is "
                                         "used up; the included records from here on are not read",
                      (unsigned long long)p->budget->records_total);
    }
    return false;
}

/* ---- a record line's end: RDATA, zone bounds, TTL, class, delivery ------- */

/* A name server ignores records outside its zone (BIND: "ignoring
 * out-of-zone data"): say so instead of serving them. True when the record
 * is dropped (the caller ends the line). */
static bool drop_outside_zone(struct zl_parser *p)
{
    const struct zl_name *zone = p->opts->zone;
    if (!zone || !p->opts->drop_outside_zone || zl_name_is_subdomain(&p->owner_name, zone))
        return false;
    /* BIND checks a $GENERATE's TTL before it makes the records: one with
     * none to take is that error (below), outside the zone or not. A
     * written record outside the zone needs none. */
    if ((p->owner_flags & ZL_OWNER_GENERATED) && !p->ttl_explicit && !p->have_default_ttl &&
        !p->have_last_ttl)
        return false;
    char on[ZL_NAME_TEXT_MAX], zn[ZL_NAME_TEXT_MAX];
    zl_name_to_text(&p->owner_name, on);
    zl_name_to_text(zone, zn);
    zl_p_report(p, ZL_RULE_ZL3103, &p->owner.span,
                "'%s' is outside the zone %s: name servers ignore this record", on, zn);
    /* BIND drops the record but keeps its TTL as the previous one for
     * the records after it that have none (without $TTL). */
    if (p->ttl_explicit) {
        p->last_ttl = p->ttl > ZL_TTL_MAXTTL ? 0 : p->ttl;
        p->have_last_ttl = true;
        p->last_ttl_ignored = true;
    }
    return true;
}

/* The RDATA text to wire (GoDaddy's '@' targets first), its errors, the
 * dialect the SOA reveals, the size bound. False: the record is dropped. */
static bool record_rdata(struct zl_parser *p, struct zl_record *rec, struct zl_token *toks, size_t *nfields)
{
    if (p->dialect == ZL_DIALECT_GODADDY)
        zl_p_godaddy_at_targets(p, toks);
    struct zl_rdata_error err;
    err.tok = 0;
    err.msg[0] = '\0';
    *nfields = 0;
    p->wire.len = 0;
    if (zl_rdata_parse(p->type, toks, p->ntoks, rec->origin, &p->wire, p->fields, nfields, &err) != 0) {
        struct zl_span s;
        if (err.tok < p->ntoks) {
            s = toks[err.tok].span;
        } else {
            /* Something is missing: point just past the last token of the record. */
            s = p->ntoks ? toks[p->ntoks - 1].span : p->type_span;
            s.col = s.end_col;
            s.end_col = s.col + 1;
            s.line = s.end_line;
        }
        if (!zl_p_godaddy_pseudo_record(p, toks))
            zl_p_error_at(p, &s, "%s", err.msg);
        return false;
    }
    if (p->type == ZL_T_SOA && !p->checked_soa)
        zl_p_dialect_soa(p, rec, *nfields);
    if (p->wire.len > 65535) {
        char tn[16];
        zl_p_error_at(p, &p->type_span, "%s RDATA is %zu octets; at most 65535 fit in a record",
                      zl_type_to_text(p->type, tn), p->wire.len);
        return false;
    }
    return true;
}

/* Written records outside the zone are dropped once their RDATA is read
 * (drop_outside_zone), and an SOA must sit at the top of the zone. False:
 * the record is dropped. */
static bool record_in_zone(struct zl_parser *p, const struct zl_record *rec)
{
    if (!(p->owner_flags & ZL_OWNER_GENERATED) && drop_outside_zone(p))
        return false;
    const struct zl_name *zone = p->opts->zone;
    if (!zone)
        return true;
    char on[ZL_NAME_TEXT_MAX], zn[ZL_NAME_TEXT_MAX];
    if (p->type == ZL_T_SOA && !zl_name_equal(&rec->owner, zone)) {
        zl_name_to_text(&rec->owner, on);
        zl_name_to_text(zone, zn);
        zl_p_error_at(p, &p->owner.span, "SOA record for '%s' is not at the top of the zone %s", on, zn);
        return false;
    }
    return true;
}

/* TTL: explicit, else $TTL, else the previous record's, else (SOA) its
 * minimum. False: there is none, said (once after a failed $INCLUDE). */
static bool record_ttl(struct zl_parser *p, struct zl_record *rec)
{
    if (p->ttl_explicit) {
        rec->ttl = p->ttl;
        rec->ttl_source = ZL_TTL_EXPLICIT;
        /* Cloudflare writes "automatic" as 1 and serves 300: keep what is
         * served, so an RRset mixing 1 and 300 is one TTL, as it is there. */
        if (p->dialect == ZL_DIALECT_CLOUDFLARE && rec->ttl == 1)
            rec->ttl = ZL_CLOUDFLARE_AUTO_TTL;
        if (rec->ttl > ZL_TTL_MAXTTL) {
            zl_p_report(p, ZL_RULE_ZL1002, &p->ttl_span,
                        "TTL %u is above 2147483647 (RFC 2181); name servers treat it as 0", rec->ttl);
            rec->ttl = 0;
        }
    } else if (p->have_default_ttl) {
        rec->ttl = p->default_ttl;
        rec->ttl_source = ZL_TTL_DEFAULT;
    } else if (p->have_last_ttl) {
        rec->ttl = p->last_ttl;
        rec->ttl_source = p->last_ttl_ignored ? ZL_TTL_PREVIOUS_IGNORED : ZL_TTL_PREVIOUS;
    } else if (p->type == ZL_T_SOA) {
        /* BIND: with no $TTL, the SOA minimum becomes the default TTL. */
        rec->ttl = soa_minimum(p->wire.data, p->wire.len);
        rec->ttl_source = ZL_TTL_SOA_MIN;
        p->default_ttl = rec->ttl;
        p->have_default_ttl = true;
    } else if (p->res->include_failed) {
        /* The $INCLUDE that was not read may well have set $TTL: say so
         * once, not once per record. */
        struct zl_span s = p->owner.span;
        if (p->no_ttl_said) {
            p->line_error = true;
            p->res->errors++;
            p->silent_errors++;
        } else {
            p->no_ttl_said = true;
            zl_p_error_at(p, &s, "no TTL, perhaps because an $INCLUDE above was not read (it may set $TTL); "
                                 "this record and later ones without a TTL are not checked");
        }
        return false;
    } else {
        struct zl_span s = p->owner.span;
        zl_p_error_at(p, &s, "no TTL: this record has none, there is no $TTL and no earlier record "
                             "to take one from (add a TTL or a $TTL line)");
        return false;
    }
    return true;
}

/* The class written, else the zone's (its first record's). */
static void record_class(struct zl_parser *p, struct zl_record *rec)
{
    if (p->class_explicit) {
        rec->rclass = p->rclass;
        rec->class_explicit = 1;
    } else {
        rec->rclass = p->zone_class ? p->zone_class : ZL_CLASS_IN;
    }
    if (!p->zone_class)
        p->zone_class = rec->rclass;
}

/* How the record was written (tokens, spans, comment) and what the
 * dialect says of it (Cloudflare serves it, cli53 routing comments). */
static void record_written(struct zl_parser *p, struct zl_record *rec, struct zl_token *toks, size_t nfields)
{
    rec->owner_tok.text = (const char *)p->text.data + p->owner.off;
    rec->owner_tok.len = p->owner.len;
    rec->owner_tok.span = p->owner.span;
    rec->rdata = p->wire.data;
    rec->rdlen = (uint16_t)p->wire.len;
    rec->generic = zl_rdata_is_generic(rec->type, toks, p->ntoks);
    rec->toks = toks;
    rec->ntoks = (uint32_t)p->ntoks;
    rec->fields = p->fields;
    rec->nfields = (uint16_t)nfields;
    /* A Cloudflare export is what Cloudflare serves (dialect.c). */
    if (p->dialect == ZL_DIALECT_CLOUDFLARE)
        rec->served_by = ZL_SERVED_CLOUDFLARE;
    rec->span = p->owner.span;
    const struct zl_span *last = p->ntoks ? &toks[p->ntoks - 1].span : &p->type_span;
    rec->span.end_line = last->end_line;
    rec->span.end_col = last->end_col;
    if (p->have_comment) {
        rec->comment = (const char *)p->text.data + p->comment_off;
        rec->comment_len = p->comment_len;
        rec->comment_span = p->comment_span;
        zl_p_cli53_routing(p, rec);
    }
}

/* The record line is complete: build the record and hand it on, or drop it
 * with the reason said. Provider pseudo-records (aliases) go their own way. */

void zl_p_record_end(struct zl_parser *p)
{
    if (p->line_error || !p->have_owner) {
        zl_p_line_reset(p);
        return;
    }
    if (p->aws_class || p->aws_alias) {
        zl_p_alias_record(p);
        zl_p_line_reset(p);
        return;
    }
    if (zl_p_provider_alias(p)) {
        zl_p_line_reset(p);
        return;
    }
    zl_p_soa_origin(p);
    struct zl_record rec;
    /* Everything but the owner zeroed, the owner copied as long as it is:
     * a record a line, and the name is most of the struct. */
    memset((char *)&rec + offsetof(struct zl_record, owner_tok), 0,
           sizeof rec - offsetof(struct zl_record, owner_tok));
    zl_name_copy(&rec.owner, &p->owner_name);
    rec.owner_flags = p->owner_flags;
    rec.type = p->type;
    rec.type_span = p->type_span;
    rec.origin = p->have_origin ? &p->origin : NULL;

    /* BIND drops a generated record outside the zone before it reads its
     * RDATA ($GENERATE), a written one after (record_in_zone); a $GENERATE
     * without any TTL to take is an error first. */
    if ((p->owner_flags & ZL_OWNER_GENERATED) && drop_outside_zone(p)) {
        zl_p_line_reset(p);
        return;
    }
    struct zl_token *toks = final_tokens(p);
    size_t nfields;
    if (!record_rdata(p, &rec, toks, &nfields) || !record_in_zone(p, &rec) || !record_ttl(p, &rec)) {
        zl_p_line_reset(p);
        return;
    }
    record_class(p, &rec);
    record_written(p, &rec, toks, nfields);

    if (p->depth > 0 && !include_record_fits(p)) {
        zl_p_line_reset(p);
        return;
    }
    zl_name_copy(&p->last_owner, &p->owner_name);
    p->have_last_owner = true;
    p->last_ttl = rec.ttl;
    p->have_last_ttl = true;
    p->last_ttl_ignored = false;
    p->res->records++;
    if (p->opts->on_record)
        p->opts->on_record(p->opts->user, &rec);
    zl_p_line_reset(p);
}

/* Why a TTL-looking word is not a TTL, for the message. */
static const char *ttl_problem(const char *t, size_t n)
{
    bool units = false;
    for (size_t i = 0; i < n; i++) {
        char c = (char)(t[i] | 0x20);
        if (c == 'w' || c == 'd' || c == 'h' || c == 'm' || c == 's')
            units = true;
        else if (t[i] < '0' || t[i] > '9')
            return "only digits and the units w, d, h, m, s may appear";
    }
    if (units && n && t[n - 1] >= '0' && t[n - 1] <= '9')
        return "the last number has no unit: once units are used, every number needs one (1h30m, not 1h30)";
    return "use seconds (3600) or units (1h30m, 2w)";
}

/* ---- syntax errors from the grammar ----------------------------------- */

static bool expects(const int *exp, int n, int tok)
{
    for (int i = 0; i < n; i++)
        if (exp[i] == tok)
            return true;
    return false;
}

void zl_p_syntax_error(struct zl_parser *p, int unexpected, const struct zl_yyltype *loc,
                       const int *expected, int nexpected)
{
    p->syntax_failed = true;
    if (unexpected == LEXERR)
        return; /* the scanner has said what is wrong */
    struct zl_span s = span_of(p, loc);
    char shown[128];
    const char *t = (const char *)p->text.data + p->last_val.off;
    size_t n = p->last_val.len;

    if (unexpected == EOL || unexpected == 0) {
        s.end_col = s.col + 1;
        if (expects(expected, nexpected, TYPE))
            zl_p_error_at(p, &s, "record has no type: expected a type such as A, MX or TXT after the %s",
                          p->ttl_explicit || p->class_explicit ? "TTL/class" : "owner name");
        else
            zl_p_error_at(p, &s, "unexpected end of line");
        return;
    }
    if (expects(expected, nexpected, TYPE)) {
        zl_p_show(shown, sizeof shown, t, n);
        if (unexpected == TTL)
            zl_p_error_at(p, &s, "a second TTL '%s': expected a record type", shown);
        else if (unexpected == CLASS)
            zl_p_error_at(p, &s, "a second class '%s': expected a record type", shown);
        else if (unexpected == QSTRING)
            zl_p_error_at(p, &s, "expected a record type, got the quoted string \"%s\"", shown);
        else if (n && t[0] >= '0' && t[0] <= '9') {
            uint32_t v;
            enum zl_ttl_status st = zl_ttl_parse(t, n, &v);
            if (st == ZL_TTL_RANGE)
                zl_p_error_at(p, &s, "TTL '%s' is out of range (at most 4294967295 seconds)", shown);
            else
                zl_p_error_at(p, &s, "'%s' is neither a record type nor a TTL: %s", shown, ttl_problem(t, n));
        } else if (n == 3 && strncasecmp(t, "AWS", 3) == 0)
            zl_p_error_at(p, &s, "unknown record type 'AWS': 'AWS ALIAS' is cli53's pseudo-record for "
                                 "Route 53 aliases, not DNS (read cli53 exports with --dialect=cli53)");
        else if (n == 5 && (strncasecmp(t, "ALIAS", 5) == 0 || strncasecmp(t, "ANAME", 5) == 0))
            zl_p_error_at(p, &s, "unknown record type '%s': ALIAS and ANAME are providers' pseudo-types, which "
                                 "BIND refuses (without --dialect=bind they are read as a provider's export)", shown);
        else
            zl_p_error_at(p, &s, "unknown record type '%s' (use a known type or TYPEnnn with \\# RDATA)", shown);
        return;
    }
    if (unexpected == QSTRING)
        zl_p_error_at(p, &s, "unexpected quoted string: an owner name cannot be quoted");
    else
        zl_p_error_at(p, &s, "unexpected '%s'", zl_p_show(shown, sizeof shown, t, n));
}

/* ---- directives ------------------------------------------------------- */

static struct zl_span tok_span(struct zl_parser *p, size_t i)
{
    return p->toks[i].span;
}

static bool want_args(struct zl_parser *p, const struct zl_span *dir, const char *name,
                      size_t min, size_t max, const char *usage)
{
    if (p->ntoks < min) {
        struct zl_span s = *dir;
        zl_p_error_at(p, &s, "%s needs %s", name, usage);
        return false;
    }
    if (p->ntoks > max) {
        struct zl_span s = tok_span(p, max);
        char shown[128];
        zl_p_error_at(p, &s, "extra argument '%s' after %s %s", zl_p_show(shown, sizeof shown,
                      zl_p_tok_text(p, max), p->toks[max].len), name, usage);
        return false;
    }
    return true;
}

static void dir_origin(struct zl_parser *p, const struct zl_span *dir)
{
    if (!want_args(p, dir, "$ORIGIN", 1, 1, "one domain name"))
        return;
    struct zl_name n;
    unsigned fl;
    struct zl_span s = tok_span(p, 0);
    enum zl_name_status st = zl_name_from_text(&n, zl_p_tok_text(p, 0), p->toks[0].len,
                                               p->have_origin ? &p->origin : NULL, &fl);
    if (st != ZL_NAME_OK) {
        name_error(p, &s, "$ORIGIN", zl_p_tok_text(p, 0), p->toks[0].len, st);
        return;
    }
    p->res->saw_origin = true;
    if (zl_p_dialect_origin(p, &n, &s))
        return;
    p->origin = n;
    p->have_origin = true;
    p->origin_guess = false;
}

static void dir_ttl(struct zl_parser *p, const struct zl_span *dir)
{
    if (!want_args(p, dir, "$TTL", 1, 1, "one TTL value"))
        return;
    uint32_t v;
    struct zl_span s = tok_span(p, 0);
    char shown[128];
    zl_p_show(shown, sizeof shown, zl_p_tok_text(p, 0), p->toks[0].len);
    switch (zl_ttl_parse(zl_p_tok_text(p, 0), p->toks[0].len, &v)) {
    case ZL_TTL_OK:
        break;
    case ZL_TTL_RANGE:
        zl_p_error_at(p, &s, "$TTL '%s' is out of range (at most 4294967295 seconds)", shown);
        return;
    default:
        zl_p_error_at(p, &s, "$TTL '%s' is not a TTL: %s", shown,
                      ttl_problem(zl_p_tok_text(p, 0), p->toks[0].len));
        return;
    }
    if (v > ZL_TTL_MAXTTL) {
        zl_p_report(p, ZL_RULE_ZL1002, &s,
                    "$TTL %u is above 2147483647 (RFC 2181); name servers treat it as 0", v);
        v = 0;
    }
    p->default_ttl = v;
    p->have_default_ttl = true;
}

/* $DATE YYYYMMDDHHMMSS: BIND's dump time (named-checkzone and named read
 * it and change nothing else): one unquoted time from 1970 to 2106 (32-bit
 * seconds), checked as BIND checks it. */
static void dir_date(struct zl_parser *p, const struct zl_span *dir)
{
    if (!want_args(p, dir, "$DATE", 1, 1, "one time YYYYMMDDHHMMSS"))
        return;
    struct zl_span s = tok_span(p, 0);
    const char *t = zl_p_tok_text(p, 0);
    size_t n = p->toks[0].len;
    char shown[128];
    zl_p_show(shown, sizeof shown, t, n);
    uint32_t v;
    int r = p->toks[0].flags & ZL_TOK_QUOTED ? -1 : zl_rd_parse_time(t, n, false, &v);
    if (r == -1)
        zl_p_error_at(p, &s, "$DATE '%s' is not a time YYYYMMDDHHMMSS", shown);
    else if (r != 0)
        zl_p_error_at(p, &s, "$DATE '%s' is not a valid date and time", shown);
    else if (memcmp(t, "1970", 4) < 0 || memcmp(t, "21060207062815", 14) > 0)
        zl_p_error_at(p, &s, "$DATE '%s' is outside 1970-2106 (BIND: \"$DATE outside epoch\")", shown);
}

static int parse_source(struct zl_parser *p, struct zl_source *src, int fd, struct zl_file *file,
                        const char *mem, size_t len);

static struct zl_source *new_source(struct zl_parser *p, const char *path, const struct zl_opened *o)
{
    struct zl_source *s = zl_xcalloc(1, sizeof *s);
    s->path = zl_xstrdup(path);
    if (o) {
        s->realpath = zl_xstrdup(o->real);
        s->dir = zl_xstrdup(o->dir);
        s->dev = o->file.dev;
        s->ino = o->file.ino;
        s->has_id = o->file.fd >= 0;
    }
    if (p->opts->sources) {
        s->next = *p->opts->sources;
        *p->opts->sources = s;
    }
    return s;
}

void zl_parse_sources_free(struct zl_source *head)
{
    zl_source_free_all(head);
}

const char *zl_overlay_text(const struct zl_overlay *o, const char *realpath, size_t *len)
{
    return o && o->text && realpath ? o->text(o->user, realpath, len) : NULL;
}

/* Parses src from the overlay's text when it has some (kept as the
 * source's memory, so its lines are shown as parsed), else from the file. */
static void parse_file_or_overlay(struct zl_parser *p, struct zl_source *src, struct zl_file *file)
{
    size_t len = 0;
    const char *text = zl_overlay_text(p->opts->overlay, src->realpath, &len);
    if (!text) {
        parse_source(p, src, file->fd, file, NULL, 0);
        return;
    }
    src->memory = zl_xmalloc(len + 1);
    memcpy(src->memory, text, len);
    src->memory_len = len;
    parse_source(p, src, -1, NULL, (const char *)src->memory, len);
}

/* Why an $INCLUDE was not read, said in one place. */
static void include_refused(struct zl_parser *p, const struct zl_span *at, const char *file,
                            enum zl_open_status st, const struct zl_opened *o)
{
    char why[400], where[400];
    p->res->include_failed = true;
    switch (st) {
    case ZL_OPEN_OUTSIDE:
        zl_p_error_at(p, at, "$INCLUDE '%s' is outside what zonelint may read here (%s); to allow it, "
                             "pass --include-root=DIR or set ZONELINT_INCLUDE_ROOT",
                      file, zl_root_describe(&p->root, p->top ? p->top->path : "?", where, sizeof where));
        break;
    case ZL_OPEN_ERRNO:
        zl_p_error_at(p, at, "$INCLUDE '%s': %s", file, strerror(o->file.err));
        break;
    case ZL_OPEN_DIR:
        zl_p_error_at(p, at, "$INCLUDE '%s' is a directory, not a zone file", file);
        break;
    default:
        zl_p_error_at(p, at, "$INCLUDE '%s' %s", file,
                      zl_open_status_text(st, &o->file, p->opts->max_input_size, why, sizeof why));
        break;
    }
}

static void dir_include(struct zl_parser *p, const struct zl_span *dir)
{
    if (!want_args(p, dir, "$INCLUDE", 1, 2, "a file name and an optional origin")) {
        p->res->include_failed = true;
        return;
    }
    p->res->saw_include = true;
    struct zl_span fspan = tok_span(p, 0);
    if (p->opts->no_include) {
        p->res->include_failed = true;
        zl_p_error_at(p, &fspan, "$INCLUDE refused (--no-include)");
        return;
    }
    unsigned maxd = p->opts->max_include_depth ? p->opts->max_include_depth : DEFAULT_MAX_DEPTH;
    if (p->depth + 1 > maxd) {
        p->res->include_failed = true;
        zl_p_error_at(p, &fspan, "$INCLUDE nested more than %u deep", maxd);
        return;
    }
    /* BIND takes the file name literally: no escapes are decoded. */
    char *file = zl_xstrndup(zl_p_tok_text(p, 0), p->toks[0].len);

    /* Relative to the including file's directory: the resolved one it was
     * named in (a file read from a buffer: its shown name's, from the
     * working directory). path is how the included file is shown. */
    char *path;
    const char *dslash = p->src->path ? strrchr(p->src->path, '/') : NULL;
    if (file[0] == '/' || !dslash) {
        path = zl_xstrdup(file);
    } else {
        size_t dl = (size_t)(dslash - p->src->path) + 1;
        path = zl_xmalloc(dl + strlen(file) + 1);
        memcpy(path, p->src->path, dl);
        strcpy(path + dl, file);
    }
    char cwd[PATH_MAX], cwdr[PATH_MAX];
    const char *base = p->src->dir, *written = file;
    if (!base) {
        base = getcwd(cwd, sizeof cwd) && realpath(cwd, cwdr) ? cwdr : "/";
        written = path;
    }

    struct zl_name new_origin = p->origin;
    bool have_new_origin = p->have_origin;
    if (p->ntoks == 2) {
        unsigned fl;
        struct zl_span os = tok_span(p, 1);
        enum zl_name_status st = zl_name_from_text(&new_origin, zl_p_tok_text(p, 1), p->toks[1].len,
                                                   p->have_origin ? &p->origin : NULL, &fl);
        if (st != ZL_NAME_OK) {
            p->res->include_failed = true;
            name_error(p, &os, "$INCLUDE origin", zl_p_tok_text(p, 1), p->toks[1].len, st);
            free(file);
            free(path);
            return;
        }
        have_new_origin = true;
    }

    struct zl_opened o;
    enum zl_open_status ost = p->root.kind == ZL_ROOT_NONE
                                  ? ZL_OPEN_OUTSIDE
                                  : zl_open_include(base, written, &p->root, p->opts->max_input_size, &o);
    if (ost != ZL_OPEN_OK) {
        include_refused(p, &fspan, file, ost, &o);
        free(file);
        free(path);
        return;
    }
    for (const struct zl_source *s = p->src; s; s = s->parent) {
        if (s->realpath && strcmp(s->realpath, o.real) == 0) {
            struct zl_buf chain = { 0 };
            for (const struct zl_source *c = p->src; c; c = c->parent) {
                zl_buf_puts(&chain, c->path);
                if (c->parent)
                    zl_buf_puts(&chain, " <- ");
            }
            p->res->include_failed = true;
            zl_p_error_at(p, &fspan, "$INCLUDE loop: '%s' is already being read (%s)", file,
                          zl_buf_cstr(&chain));
            zl_buf_free(&chain);
            zl_file_close(&o.file);
            free(file);
            free(path);
            return;
        }
    }
    /* The run's budget: every included file costs at least the minimum. */
    uint64_t cost = o.file.size > ZL_INCLUDE_COST_MIN ? o.file.size : ZL_INCLUDE_COST_MIN;
    if (cost > p->budget->bytes) {
        char a[32], b[32];
        p->res->include_failed = true;
        p->budget->bytes = 0;
        zl_p_error_at(p, &fspan, "$INCLUDE '%s' not read: this run's $INCLUDE budget is used up (%s of included "
                                 "text, each included file counting at least %s); a zone that needs more "
                                 "includes a tree of files over and over",
                      file, zl_size_text(p->budget->bytes_total, a, sizeof a),
                      zl_size_text(ZL_INCLUDE_COST_MIN, b, sizeof b));
        zl_file_close(&o.file);
        free(file);
        free(path);
        return;
    }
    p->budget->bytes -= cost;
    struct zl_source *src = new_source(p, path, &o);
    src->parent = p->src;
    src->include_span = fspan;

    /* The included file starts with the given origin; ours comes back after. */
    struct zl_name saved_origin = p->origin;
    bool saved_have = p->have_origin;
    /* The included file continues our owner; ours comes back afterwards (BIND). */
    struct zl_name saved_owner = p->last_owner;
    bool saved_have_owner = p->have_last_owner;
    p->origin = new_origin;
    p->have_origin = have_new_origin;
    zl_p_line_reset(p);
    parse_file_or_overlay(p, src, &o.file);
    zl_file_close(&o.file);
    p->origin = saved_origin;
    p->have_origin = saved_have;
    p->last_owner = saved_owner;
    p->have_last_owner = saved_have_owner;
    if (!p->opts->sources)
        zl_parse_sources_free(src);
    free(file);
    free(path);
}

void zl_p_directive(struct zl_parser *p, int which, const struct zl_tokval *name,
                    const struct zl_yyltype *loc)
{
    p->dir = which;
    p->dir_span = span_of(p, loc);
    p->dir_name = *name;
}

void zl_p_directive_end(struct zl_parser *p)
{
    struct zl_span s = p->dir_span;
    if (p->line_error) {
        zl_p_line_reset(p);
        return;
    }
    if (p->lx && p->lx->eof_eol_sent) {
        /* the line's end was made up at the end of the input */
        char shown[32];
        zl_p_error_at(p, &s, "the file ends on this %s line without a newline: BIND 9.18 refuses the "
                      "zone (\"extra input text\"); end the line", zl_p_show(shown, sizeof shown,
                      zl_p_text(p, &p->dir_name), p->dir_name.len));
    }
    /* BIND reads directive arguments as plain words: quoted, it refuses
     * them ("syntax error"), but for $INCLUDE's file and $GENERATE's RDATA */
    size_t from = p->dir == ZL_DIR_INCLUDE ? 1 : 0;
    size_t upto = p->dir == ZL_DIR_GENERATE && p->ntoks ? p->ntoks - 1 : p->ntoks;
    for (size_t i = from; p->dir != ZL_DIR_UNKNOWN && i < upto; i++) {
        if (p->toks[i].flags & ZL_TOK_QUOTED) {
            struct zl_span qs = tok_span(p, i);
            char shown[128], name[16];
            zl_p_error_at(p, &qs, "%s argument \"%s\" is quoted: BIND 9.18 refuses a quoted word here "
                          "(syntax error); write it without the quotes",
                          zl_p_show(name, sizeof name, zl_p_text(p, &p->dir_name), p->dir_name.len),
                          zl_p_show(shown, sizeof shown, zl_p_tok_text(p, i), p->toks[i].len));
            if (p->dir == ZL_DIR_INCLUDE)
                p->res->include_failed = true;
            zl_p_line_reset(p);
            return;
        }
    }
    switch (p->dir) {
    case ZL_DIR_ORIGIN: dir_origin(p, &s); break;
    case ZL_DIR_TTL: dir_ttl(p, &s); break;
    case ZL_DIR_INCLUDE: dir_include(p, &s); break;
    case ZL_DIR_GENERATE: zl_generate_run(p, &s); break;
    default: {
        if (p->dir_name.len == 5 && strncasecmp(zl_p_text(p, &p->dir_name), "$DATE", 5) == 0) {
            dir_date(p, &s);
            break;
        }
        char shown[128];
        zl_p_error_at(p, &s, "unknown directive '%s' (known: $ORIGIN, $TTL, $INCLUDE, $GENERATE, $DATE)",
                      zl_p_show(shown, sizeof shown, zl_p_text(p, &p->dir_name), p->dir_name.len));
        break;
    }
    }
    zl_p_line_reset(p);
}

/* ---- driving the scanner and parser ------------------------------------ */

static int run(struct zl_parser *p, struct zl_lexer *lx, const char *mem, size_t len)
{
    yyscan_t scanner;
    if (zl_yylex_init_extra(lx, &scanner) != 0)
        return -1;
    YY_BUFFER_STATE b = NULL;
    if (mem) {
        b = zl_yy_scan_bytes(mem, (int)len, scanner);
    } else if ((lx->fd < 0 && lx->mem_len < 64 * 1024) || (lx->file && lx->file->size < 64 * 1024)) {
        /* A small input gets a buffer its size, not flex's 512 KiB (flex
         * grows it if a token needs more): fuzzing and tests lint thousands
         * of buffers, a zone may include thousands of small files, and each
         * big buffer is an mmap/munmap. */
        size_t n = lx->fd < 0 ? lx->mem_len : (size_t)lx->file->size;
        b = zl_yy_create_buffer(NULL, (int)n + 16, scanner);
        zl_yy_switch_to_buffer(b, scanner);
    }
    int r = zl_yyparse(scanner, p);
    if (b)
        zl_yy_delete_buffer(b, scanner);
    zl_yylex_destroy(scanner);
    return r;
}

static int parse_source(struct zl_parser *p, struct zl_source *src, int fd, struct zl_file *file,
                        const char *mem, size_t len)
{
    struct zl_source *saved_src = p->src;
    p->src = src;
    p->depth += saved_src ? 1 : 0;
    struct zl_lexer lx;
    memset(&lx, 0, sizeof lx);
    lx.p = p;
    lx.fd = fd;
    lx.file = file;
    lx.max = p->opts->max_input_size ? p->opts->max_input_size : ZL_MAX_INPUT_DEFAULT;
    lx.mem = mem;
    lx.mem_len = len;
    lx.line = 1;
    const struct zl_lexer *saved_lx = p->lx;
    p->lx = &lx;
    int r = run(p, &lx, NULL, 0);
    p->lx = saved_lx;
    if (lx.read_errno) {
        struct zl_span s = { src, lx.line, 1, lx.line, 1 };
        zl_p_error_at(p, &s, "read error: %s", strerror(lx.read_errno));
        if (!saved_src)
            p->res->io_error = true;
        else
            p->res->include_failed = true;
    }
    if (lx.cut) {
        /* Not a syntax error: the input could not be read whole (exit 2 for
         * the file named on the command line). */
        char a[32];
        struct zl_span s = { src, 0, 0, 0, 0 };
        if (lx.file)
            zl_p_report(p, saved_src ? ZL_RULE_ZL1001 : ZL_RULE_ZL1000, &s,
                        "the file grew while it was read; only the %s it had when zonelint opened it were "
                        "read (lint it again when it is complete)",
                        zl_size_text(lx.file->size, a, sizeof a));
        else
            zl_p_report(p, ZL_RULE_ZL1000, &s,
                        "the input is larger than the limit of %s; only that much was read "
                        "(raise it with --max-input-size)", zl_size_text(lx.max, a, sizeof a));
        if (!saved_src)
            p->res->io_error = true;
        else
            p->res->include_failed = true;
    }
    p->depth -= saved_src ? 1 : 0;
    p->src = saved_src;
    zl_p_line_reset(p);
    return r;
}

int zl_p_parse_text(struct zl_parser *p, const char *text, size_t len)
{
    struct zl_lexer lx;
    memset(&lx, 0, sizeof lx);
    lx.p = p;
    lx.fd = -1;
    lx.started = true;
    lx.line = p->gen_span.line;
    /* The caller's line is in progress: keep its buffers apart. */
    struct zl_buf saved_text = p->text;
    struct zl_rawtok *saved_toks = p->toks;
    size_t saved_n = p->ntoks, saved_c = p->ctoks;
    memset(&p->text, 0, sizeof p->text);
    p->toks = NULL;
    p->ntoks = p->ctoks = 0;
    /* A comment on the caller's line lives in saved_text: a generated record
     * must not take it (comment_off would index the new buffer: ASan). */
    bool saved_have_comment = p->have_comment;
    p->have_comment = false;
    const struct zl_lexer *saved_lx = p->lx;
    p->lx = NULL;
    int r = run(p, &lx, text, len);
    p->lx = saved_lx;
    zl_buf_free(&p->text);
    free(p->toks);
    p->text = saved_text;
    p->toks = saved_toks;
    p->ntoks = saved_n;
    p->ctoks = saved_c;
    p->have_comment = saved_have_comment;
    return r;
}

static void parser_init(struct zl_parser *p, const struct zl_parse_opts *opts, struct zl_parse_result *res)
{
    memset(p, 0, offsetof(struct zl_parser, root));
    zl_root_clear(&p->root);
    memset(res, 0, sizeof *res);
    p->opts = opts;
    p->res = res;
    if (opts->origin) {
        p->origin = *opts->origin;
        p->have_origin = true;
        p->origin_guess = opts->origin_is_guess && !opts->zone;
    }
    p->dialect_forced = opts->dialect != ZL_DIALECT_AUTO;
    p->dialect = p->dialect_forced ? opts->dialect : ZL_DIALECT_BIND;
}

static void parser_finish(struct zl_parser *p)
{
    if (p->no_origin_more) {
        struct zl_span s = p->no_origin_first;
        zl_p_report(p, ZL_RULE_ZL1001, &s,
                    "%u more relative names could not be expanded for want of an origin "
                    "(give --origin, or add $ORIGIN at the top)", p->no_origin_more);
    }
    if (p->res->aliases) {
        struct zl_span s = p->first_alias;
        zl_p_report(p, ZL_RULE_ZL1005, &s,
                    "%lu provider alias record%s (ALIAS, ANAME, 'A ALIAS target', cli53's AWS ALIAS) read and not "
                    "checked: they are not DNS data, the provider resolves them (BIND, Knot and NSD refuse them)",
                    p->res->aliases, p->res->aliases == 1 ? "" : "s");
    }
    p->res->dialect = p->dialect;
    p->res->dialect_forced = p->dialect_forced;
    unsigned counted = p->errors_shown + p->no_origin_more + p->silent_errors;
    unsigned hidden = p->res->errors > counted ? p->res->errors - counted : 0;
    if (hidden) {
        struct zl_span s = p->last_error_span;
        zl_p_report(p, ZL_RULE_ZL1001, &s, "%u more syntax errors not shown", hidden);
    }
    zl_buf_free(&p->text);
    zl_buf_free(&p->wire);
    free(p->toks);
    free(p->outtoks);
}

/* The $INCLUDE root of a parse: the explicit one when given, else the
 * default (the top file's work tree or directory), narrowed by a .zonelint
 * root that lies inside it. */
static void choose_root(struct zl_parser *p, const struct zl_root *dflt)
{
    const struct zl_parse_opts *opts = p->opts;
    zl_root_clear(&p->root);
    if (opts->include_root) {
        if (zl_root_from_dir(opts->include_root, ZL_ROOT_EXPLICIT, &p->root) != 0) {
            /* not there: nothing below it can be read; keep the name for messages */
            strcpy(p->root.phys, p->root.lex[0] ? p->root.lex : "/nonexistent");
            p->root.kind = ZL_ROOT_EXPLICIT;
        }
        return;
    }
    if (!dflt)
        return;
    zl_root_copy(&p->root, dflt);
    struct zl_root narrow;
    if (opts->include_root_narrow && zl_root_from_dir(opts->include_root_narrow, ZL_ROOT_CONFIG, &narrow) == 0 &&
        zl_root_holds(dflt, narrow.phys))
        zl_root_copy(&p->root, &narrow);
}

static void use_budget(struct zl_parser *p)
{
    if (p->opts->budget) {
        p->budget = p->opts->budget;
        if (!p->budget->bytes_total)
            zl_include_budget_init(p->budget, 0);
    } else {
        zl_include_budget_init(&p->own_budget, 0);
        p->budget = &p->own_budget;
    }
}

/* A file could not be opened: the message says why (exit 2). */
static void open_failed(struct zl_parser *p, struct zl_source *src, enum zl_open_status st,
                        const struct zl_opened *o)
{
    struct zl_span at = { src, 0, 0, 0, 0 };
    char why[400];
    if (st == ZL_OPEN_LINK_OUT)
        snprintf(why, sizeof why, "is a symbolic link that leads out of the %s holding it; zonelint does not "
                                  "follow it (name the target itself, or allow it with --include-root)",
                 o->root.kind == ZL_ROOT_TREE ? "git work tree" : "directory");
    else
        zl_open_status_text(st, &o->file, p->opts->max_input_size, why, sizeof why);
    zl_p_report(p, ZL_RULE_ZL1000, &at, "%s", why);
    p->res->io_error = true;
}

static int parse_opened(struct zl_parser *p, struct zl_opened *o, enum zl_open_status st, const char *shown)
{
    struct zl_parse_result *res = p->res;
    struct zl_source *src = new_source(p, shown, st == ZL_OPEN_OK ? o : NULL);
    if (st != ZL_OPEN_OK) {
        open_failed(p, src, st, o);
    } else {
        choose_root(p, &o->root);
        use_budget(p);
        p->top = src;
        parse_file_or_overlay(p, src, &o->file);
    }
    zl_file_close(&o->file);
    parser_finish(p);
    src->dialect = (unsigned char)res->dialect;
    if (!p->opts->sources)
        zl_parse_sources_free(src);
    return res->io_error ? -1 : 0;
}

int zl_parse_opened(struct zl_opened *o, enum zl_open_status st, const char *shown,
                    const struct zl_parse_opts *opts, struct zl_parse_result *res)
{
    struct zl_parser p;
    parser_init(&p, opts, res);
    if (st == ZL_OPEN_OK && (o->file.fd < 0 || lseek(o->file.fd, 0, SEEK_SET) != 0)) {
        o->file.err = o->file.fd < 0 ? EBADF : errno;
        st = ZL_OPEN_ERRNO;
    }
    return parse_opened(&p, o, st, shown);
}

int zl_parse_file(const char *path, const char *display_name, const struct zl_parse_opts *opts,
                  struct zl_parse_result *res)
{
    struct zl_parser p;
    parser_init(&p, opts, res);
    bool is_stdin = strcmp(path, "-") == 0;
    const char *shown = display_name ? display_name : (is_stdin ? "<stdin>" : path);
    if (!is_stdin) {
        struct zl_root widen;
        bool have_widen = opts->include_root && zl_root_from_dir(opts->include_root, ZL_ROOT_EXPLICIT, &widen) == 0;
        struct zl_opened o;
        enum zl_open_status st = zl_open_argument(path, have_widen ? &widen : NULL, opts->max_input_size, &o);
        return parse_opened(&p, &o, st, shown);
    }
    struct zl_source *src = new_source(&p, shown, NULL);
    struct zl_root dflt;
    choose_root(&p, zl_root_default("-", &dflt) == 0 ? &dflt : NULL);
    use_budget(&p);
    p.top = src;
    parse_source(&p, src, 0, NULL, NULL, 0);
    parser_finish(&p);
    src->dialect = (unsigned char)res->dialect;
    if (!opts->sources)
        zl_parse_sources_free(src);
    return res->io_error ? -1 : 0;
}

int zl_parse_buffer(const char *data, size_t len, const char *name, const struct zl_parse_opts *opts,
                    struct zl_parse_result *res)
{
    struct zl_parser p;
    parser_init(&p, opts, res);
    struct zl_source *src = new_source(&p, name, NULL);
    src->memory = zl_xmalloc(len + 1);
    memcpy(src->memory, data, len);
    src->memory_len = len;
    struct zl_root dflt;
    choose_root(&p, zl_root_default("-", &dflt) == 0 ? &dflt : NULL);
    use_budget(&p);
    p.top = src;
    parse_source(&p, src, -1, NULL, (const char *)src->memory, len);
    parser_finish(&p);
    src->dialect = (unsigned char)res->dialect;
    if (!opts->sources)
        zl_parse_sources_free(src);
    return 0;
}

bool zl_origin_from_filename(const char *path, struct zl_name *out)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 3 && strncasecmp(base, "db.", 3) == 0) {
        base += 3;
        n -= 3;
    }
    /* ".txt": provider exports are saved as example.com.txt. */
    static const char *const suffixes[] = { ".zone", ".db", ".dns", ".hosts", ".txt" };
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t sl = strlen(suffixes[i]);
        if (n > sl && strncasecmp(base + n - sl, suffixes[i], sl) == 0) {
            n -= sl;
            break;
        }
    }
    if (n && base[n - 1] == '.')
        n--;
    /* It must look like a domain: at least two labels of letters, digits, '-' and '_'. */
    bool dot = false;
    for (size_t i = 0; i < n; i++) {
        char c = base[i];
        if (c == '.') {
            if (i == 0 || base[i - 1] == '.')
                return false;
            dot = true;
        } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '-' || c == '_')) {
            return false;
        }
    }
    if (!dot)
        return false;
    char buf[300];
    if (n + 2 > sizeof buf)
        return false;
    memcpy(buf, base, n);
    buf[n] = '.';
    /* The last label must not be all digits (a file like "backup.2024"). */
    size_t lastdot = n;
    while (lastdot > 0 && buf[lastdot - 1] != '.')
        lastdot--;
    bool alldigit = true;
    for (const char *q = buf + lastdot; q < buf + n; q++)
        if (*q < '0' || *q > '9')
            alldigit = false;
    if (alldigit)
        return false;
    return zl_name_from_text(out, buf, n + 1, NULL, NULL) == ZL_NAME_OK;
}
