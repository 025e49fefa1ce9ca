/* SPDX-License-Identifier: MIT */
/* Grammar of a master file: a sequence of lines, each a record, a directive,
 * or nothing. A record is  owner-or-blank [ttl] [class] type rdata-tokens.
 * The RDATA tokens (and a directive's arguments) are a plain token list that
 * the scanner appends to the line as it reads them, so they never pass
 * through here one by one; src/rdata/rdata.c checks them per type. Every action
 * hands over to src/input/parser.c, which builds the record. */

%define api.pure full
%define api.prefix {zl_yy}
%define parse.error custom
%expect 0

%param {yyscan_t scanner}
%parse-param {struct zl_parser *P}

%code requires {
#include "input/parse_ctx.h"
typedef void *yyscan_t;
}

%code {
#include "zone.lex.h"
/* The scanner keeps each token's value and place itself (and hands them to
 * the record builder), so tokens carry nothing through the parser. */
#undef yylex
#define yylex(lvalp, scanner) zl_yylex(scanner)
static void zl_yyerror(yyscan_t scanner, struct zl_parser *P, const char *msg);
}

%token OWNER   "owner name"
%token BLANK   "blank owner"
%token TTL     "TTL"
%token CLASS   "class"
%token TYPE    "record type"
%token WORD    "word"          /* a word where a TTL, class or type was expected */
%token QSTRING "quoted string" /* likewise */
%token EOL     "end of line"
%token DIR_ORIGIN "$ORIGIN" DIR_TTL "$TTL" DIR_INCLUDE "$INCLUDE"
%token DIR_GENERATE "$GENERATE" DIR_UNKNOWN "directive"
%token LEXERR  "invalid token"

%%

input
    : %empty
    | input line
    ;

/* A record: owner (or a blank one), at most one TTL and one class in either
 * order, the type; the scanner has handed each part to the builder as it
 * read it (the builder ignores the ones this grammar rejects), and its RDATA
 * tokens went onto the line's list. Spelled out so that a record costs the
 * parser two reductions. */
line
    : EOL
    | OWNER TYPE EOL             { zl_p_record_end(P); }
    | OWNER TTL TYPE EOL         { zl_p_record_end(P); }
    | OWNER CLASS TYPE EOL       { zl_p_record_end(P); }
    | OWNER TTL CLASS TYPE EOL   { zl_p_record_end(P); }
    | OWNER CLASS TTL TYPE EOL   { zl_p_record_end(P); }
    | BLANK TYPE EOL             { zl_p_record_end(P); }
    | BLANK TTL TYPE EOL         { zl_p_record_end(P); }
    | BLANK CLASS TYPE EOL       { zl_p_record_end(P); }
    | BLANK TTL CLASS TYPE EOL   { zl_p_record_end(P); }
    | BLANK CLASS TTL TYPE EOL   { zl_p_record_end(P); }
    | directive EOL              { zl_p_directive_end(P); }
    | error EOL                  { yyerrok; zl_p_line_reset(P); }
    ;

directive : DIR_ORIGIN | DIR_TTL | DIR_INCLUDE | DIR_GENERATE | DIR_UNKNOWN ;

%%

/* Token code of a grammar symbol, so src/input/parser.c can word the message. */
static int token_of(yysymbol_kind_t k)
{
    switch (k) {
    case YYSYMBOL_OWNER: return OWNER;
    case YYSYMBOL_BLANK: return BLANK;
    case YYSYMBOL_TTL: return TTL;
    case YYSYMBOL_CLASS: return CLASS;
    case YYSYMBOL_TYPE: return TYPE;
    case YYSYMBOL_WORD: return WORD;
    case YYSYMBOL_QSTRING: return QSTRING;
    case YYSYMBOL_EOL: return EOL;
    case YYSYMBOL_LEXERR: return LEXERR;
    case YYSYMBOL_YYEOF: return 0;
    default: return -1; /* directives: only ever at a line start */
    }
}

/* Hands bison's view of a syntax error to the builder, which words it. */
static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner, struct zl_parser *P)
{
    enum { MAX_EXPECTED = 8 };
    yysymbol_kind_t expected[MAX_EXPECTED];
    int n = yypcontext_expected_tokens(ctx, expected, MAX_EXPECTED);
    int exp[MAX_EXPECTED];
    if (n < 0)
        n = 0;
    for (int i = 0; i < n; i++)
        exp[i] = token_of(expected[i]);
    zl_p_syntax_error(P, token_of(yypcontext_token(ctx)), &zl_yyget_extra(scanner)->loc, exp, n);
    return 0;
}

/* Only reached when bison's stack overflows ("memory exhausted"). */
static void zl_yyerror(yyscan_t scanner, struct zl_parser *P, const char *msg)
{
    zl_p_lex_error(P, &zl_yyget_extra(scanner)->loc, "%s", msg);
}
