/* SPDX-License-Identifier: MIT */
/* State shared by parser.c (record builder, directives) and generate.c. */
#ifndef ZL_PARSER_IMPL_H
#define ZL_PARSER_IMPL_H

#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/codes.h"
#include "base/names.h"
#include "input/parse_ctx.h"
#include "input/parser.h"
#include "rdata/rdata.h"
#include "rdata/record.h"

/* A token of the current line, before its text pointer is final. */
struct zl_rawtok {
    uint32_t off, len, flags;
    struct zl_span span;
};

struct zl_parser {
    const struct zl_parse_opts *opts;
    struct zl_parse_result *res;
    struct zl_source *src;          /* file being read now */
    const struct zl_source *top;    /* file named on the command line */
    unsigned depth;                 /* $INCLUDE nesting */
    struct zl_include_budget own_budget, *budget;
    bool budget_said;               /* "budget exhausted" is said once */
    bool no_ttl_said;               /* "no TTL" after an $INCLUDE that was not read: once */
    unsigned long records_dropped;  /* included records past the budget */
    const struct zl_lexer *lx;      /* the file being read's scanner state; NULL in a
                                       $GENERATE line */

    /* Zone-wide state (carried into included files). */
    struct zl_name origin;
    bool have_origin;
    struct zl_name last_owner;
    bool have_last_owner;
    uint32_t default_ttl;           /* $TTL */
    bool have_default_ttl;
    uint32_t last_ttl;
    bool have_last_ttl;
    bool last_ttl_ignored;          /* last_ttl is that of a record outside the zone, dropped */
    uint16_t zone_class;            /* first class seen */

    /* The line being parsed. */
    struct zl_buf text;
    struct zl_rawtok *toks;
    size_t ntoks, ctoks;
    struct zl_tokval last_val;      /* most recently scanned token (for messages) */
    struct zl_rawtok owner;
    uint32_t owner_flags;
    struct zl_name owner_name;
    bool have_owner;
    uint32_t ttl;
    bool ttl_explicit;
    struct zl_span ttl_span;
    uint16_t rclass;
    bool class_explicit;
    uint16_t type;
    struct zl_span type_span;
    bool line_error;                /* an error was reported for this line */
    bool line_started;              /* the grammar took an owner (or blank) token */
    bool syntax_failed;             /* the grammar rejected a token of this line */
    uint32_t comment_off, comment_len;
    struct zl_span comment_span;
    bool have_comment;

    /* Dialect (src/input/dialect.c says what each one changes). */
    enum zl_dialect dialect;        /* ZL_DIALECT_BIND until one is detected or forced */
    bool dialect_forced;
    struct zl_dialect_header header;
    struct zl_name header_zone;     /* zone named by the header comments */
    struct zl_span header_span;     /* where the header names it */
    bool have_header_zone;
    bool header_applied;            /* header_zone became the origin or was compared */
    bool origin_guess;              /* origin is from the file name */
    bool seen_record;               /* header comments come before this */
    bool saw_origin_directive;
    bool checked_origin_directive, checked_soa;
    bool mismatch_reported;         /* one dialect-origin-mismatch per file */
    bool lex_aws;                   /* the word just classified was cli53's "AWS" */
    bool aws_class, aws_alias;      /* this line is an "AWS ALIAS" pseudo-record */
    bool provider_alias;            /* ... an ALIAS/ANAME pseudo-type record */
    struct zl_span first_alias;     /* the first pseudo-record of any kind, for the info */
    struct zl_span aws_span;

    /* The directive whose arguments are being read. */
    int dir;
    struct zl_span dir_span;
    struct zl_tokval dir_name;

    /* $GENERATE: records take the directive's location. */
    bool generating;
    struct zl_span gen_span;
    unsigned long long generated;   /* records asked of $GENERATE so far (a budget) */

    /* Output of the last record. */
    struct zl_buf wire;
    struct zl_token *outtoks;
    size_t couttoks;

    unsigned errors_shown;
    /* "no origin" is said once per file; the rest are counted here. */
    unsigned no_origin_more;
    unsigned silent_errors;         /* follow-on errors of one already reported */
    bool last_owner_failed;         /* the latest owner written could not be read */
    struct zl_span no_origin_first;
    bool no_origin_said;
    struct zl_span last_error_span;

    /* Big and written before they are read: left out of the struct's
     * zeroing at the start of every file (parser_init). */
    struct zl_root root;            /* what $INCLUDE may read (confine.h); kind NONE: nothing */
    struct zl_field fields[ZL_RDATA_MAX_FIELDS];
};

/* ---- the scanner's hot helpers (grammar/zone.l) ----------------------------- */

/* A token's text into the line buffer; returns its offset there. */
static inline uint32_t zl_p_stash(struct zl_parser *p, const char *text, size_t len)
{
    uint32_t off = (uint32_t)p->text.len;
    zl_buf_put_word(&p->text, text, len);
    p->last_val.off = off;
    p->last_val.len = (uint32_t)len;
    return off;
}

void zl_p_grow_tokens(struct zl_parser *p);

/* An RDATA (or directive argument) token onto the line's list. */
static inline void zl_p_token(struct zl_parser *p, const struct zl_tokval *v, const struct zl_yyltype *l,
                              bool quoted)
{
    if (p->ntoks == p->ctoks)
        zl_p_grow_tokens(p);
    struct zl_rawtok *t = &p->toks[p->ntoks++];
    t->off = v->off;
    t->len = v->len;
    t->flags = quoted ? ZL_TOK_QUOTED : 0;
    if (p->generating) {
        t->span = p->gen_span;
    } else {
        t->span.src = p->src;
        t->span.line = (uint32_t)l->first_line;
        t->span.col = (uint32_t)l->first_column;
        t->span.end_line = (uint32_t)l->last_line;
        t->span.end_col = (uint32_t)l->last_column;
    }
}

/* Reports a syntax error (ZL1001) at span; counts it against the limit. */
void zl_p_error_at(struct zl_parser *p, const struct zl_span *span, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Reports a finding of another rule (enum zl_rule_id) at its default
 * severity: the parser's warnings. */
void zl_p_report(struct zl_parser *p, unsigned rule, const struct zl_span *span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Quotes a token for a message, cut short and with control bytes escaped. */
const char *zl_p_show(char *out, size_t cap, const char *s, size_t n);

/* ---- dialects (src/input/dialect_read.c) --------------------------------- */

/* Class/type number of cli53's "AWS" and "ALIAS": above any 16-bit code. */
#define ZL_PSEUDO_AWS 0x10000u
#define ZL_PSEUDO_ALIAS 0x10001u /* ALIAS, ANAME: provider pseudo-types */

/* cli53's pseudo-class and routing comments are read (cli53, or BIND not forced). */
bool zl_p_aws_allowed(const struct zl_parser *p);
/* A header comment: the dialect and the zone it names. */
void zl_p_dialect_header(struct zl_parser *p, const char *text, size_t len, const struct zl_span *s);
/* $ORIGIN: returns true when the dialect keeps the origin it has. */
bool zl_p_dialect_origin(struct zl_parser *p, const struct zl_name *n, const struct zl_span *s);
/* Owner names a dialect reads differently from BIND; false: parse as BIND. */
bool zl_p_dialect_owner(struct zl_parser *p, const char *t, size_t n, struct zl_name *out, unsigned *fl,
                        enum zl_name_status *st);
/* GoDaddy "_sip.@" targets: the ".@" dropped. */
void zl_p_godaddy_at_targets(struct zl_parser *p, struct zl_token *toks);
/* GoDaddy "@ 600 IN A Parked": reported (true) instead of parsed. */
bool zl_p_godaddy_pseudo_record(struct zl_parser *p, const struct zl_token *toks);
/* cli53 "AWS ALIAS" records: checked for shape, not handed on. */
void zl_p_alias_record(struct zl_parser *p);
bool zl_p_provider_alias(struct zl_parser *p);
/* A first absolute SOA names the zone when nothing else did. */
void zl_p_soa_origin(struct zl_parser *p);
/* First SOA: a dialect known by its name servers, the header's zone compared. */
void zl_p_dialect_soa(struct zl_parser *p, const struct zl_record *rec, size_t nfields);
/* cli53 "; AWS routing=... identifier=..." on a record. */
void zl_p_cli53_routing(struct zl_parser *p, struct zl_record *rec);

/* Parses text (one or more lines) with the current state, as part of the
 * current file; used by $GENERATE. */
int zl_p_parse_text(struct zl_parser *p, const char *text, size_t len);
/* Runs one $GENERATE directive whose arguments are the line's tokens. */
void zl_generate_run(struct zl_parser *p, const struct zl_span *dir_span);
/* Text of raw token i of the current line (not NUL-terminated). */
const char *zl_p_tok_text(struct zl_parser *p, size_t i);

#endif
