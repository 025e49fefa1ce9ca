/* SPDX-License-Identifier: MIT */
/* Grammar of HCL's native syntax (hashicorp/hcl, hclsyntax/spec.md): a
 * body of attributes and blocks; expressions with the spec's operator
 * precedence; templates (quoted strings, heredocs) with interpolations and
 * if/for directives. Syntax only: every action hands its parts to
 * src/input/terraform/hcl_ast.c, which builds the tree. The first error
 * ends the parse (a file either is HCL or is not), worded as what was
 * expected. */

%define api.pure full
%define api.prefix {zl_hcl_yy}
%define parse.error custom
%define parse.lac full
%define api.value.type {union zl_hcl_yys}
%define api.location.type {struct zl_hcl_ltype}
%locations
%expect 0

%param {yyscan_t scanner}
%parse-param {struct zl_hcl_parser *P}

%code requires {
#include "input/terraform/hcl_ast_impl.h"
typedef void *yyscan_t;
}

%code {
#include "hcl.lex.h"
#include "input/terraform/hcl_ast_impl.h"
static void zl_hcl_yyerror(const struct zl_hcl_ltype *loc, yyscan_t scanner, struct zl_hcl_parser *P,
                           const char *msg);
#define S(l) zl_hcl_span(P, &(l))
#define S2(a, b) zl_hcl_span2(P, &(a), &(b))
}

%token <tok> IDENT "identifier"
%token <tok> NUMBER "number"
%token <tok> FOR "for" IN "in" IF "if"
%token <tok> TPL_LIT "template text"
%token <tok> TPL_INTERP "'${'"
%token <tok> TPL_IF "'%{if'" TPL_ELSE "'%{else'" TPL_ENDIF "'%{endif'"
%token <tok> TPL_FOR "'%{for'" TPL_ENDFOR "'%{endfor'"
%token <tok> TPL_CLOSE "'}' closing a template sequence"
%token <tok> OHEREDOC "heredoc"
%token NL "newline"
%token OQUOTE "'\"'"
%token CQUOTE "closing '\"'"
%token CHEREDOC "heredoc end marker"
%token ARROW "'=>'" ELLIPSIS "'...'" EQ "'=='" NE "'!='" LE "'<='" GE "'>='"
%token AND "'&&'" OR "'||'" DCOLON "'::'"
%token LEXERR "invalid token"
%token START_BODY START_TEMPLATE

%type <body> body stmts
%type <item> stmt
%type <node> expr postfix primary template tparts tpart tpl_if tpl_for if_head else_head for_thead
%type <node> tuple tuple_items object obj_items for_tuple for_object call args arglist cond_opt
%type <labels> labels
%type <fh> for_head
%type <tok> name label ellipsis_opt

%right '?'
%left OR
%left AND
%left EQ NE
%left '<' '>' LE GE
%left '+' '-'
%left '*' '/' '%'
%precedence '!' NEG

%%

start
    : START_BODY body            { P->root = $2; }
    | START_TEMPLATE tparts      { P->tpl_root = $2; }
    ;

/* ---- bodies: one attribute or block per line ---------------------------------- */

body
    : nl_opt                     { $$ = zl_hcl_body_new(P); }
    | nl_opt stmts               { $$ = $2; }
    | nl_opt stmts NL            { $$ = $2; }
    ;

stmts
    : stmt                       { $$ = zl_hcl_body_new(P); zl_hcl_body_add(P, $$, $1); }
    | stmts NL stmt              { $$ = $1; zl_hcl_body_add(P, $$, $3); }
    ;

stmt
    : name '=' expr              { $$ = zl_hcl_attr_item(P, &$1, S(@1), $3, S2(@1, @3)); }
    | name labels '{' body '}'   { $$ = zl_hcl_block_item(P, &$1, S(@1), $2, $4, S2(@1, @5)); }
    ;

labels
    : %empty                     { $$ = NULL; }
    | labels label               { $$ = zl_hcl_labels_add(P, $1, &$2, S(@2)); }
    ;

label
    : IDENT                      { $$ = $1; }
    | OQUOTE tparts CQUOTE       { if (zl_hcl_literal_label(P, $2, &$$, S2(@1, @3))) YYABORT; }
    ;

name : IDENT | FOR | IN | IF ;

nl_opt : %empty | NL ;

/* ---- expressions ----------------------------------------------------------------- */

expr
    : expr '?' expr ':' expr %prec '?' { $$ = zl_hcl_n3(P, ZL_HCL_COND, 0, $1, $3, $5, S2(@1, @5)); }
    | expr OR expr               { $$ = zl_hcl_bin(P, ZL_HCL_OP_OR, $1, $3, S2(@1, @3)); }
    | expr AND expr              { $$ = zl_hcl_bin(P, ZL_HCL_OP_AND, $1, $3, S2(@1, @3)); }
    | expr EQ expr               { $$ = zl_hcl_bin(P, ZL_HCL_OP_EQ, $1, $3, S2(@1, @3)); }
    | expr NE expr               { $$ = zl_hcl_bin(P, ZL_HCL_OP_NE, $1, $3, S2(@1, @3)); }
    | expr '<' expr              { $$ = zl_hcl_bin(P, ZL_HCL_OP_LT, $1, $3, S2(@1, @3)); }
    | expr LE expr               { $$ = zl_hcl_bin(P, ZL_HCL_OP_LE, $1, $3, S2(@1, @3)); }
    | expr '>' expr              { $$ = zl_hcl_bin(P, ZL_HCL_OP_GT, $1, $3, S2(@1, @3)); }
    | expr GE expr               { $$ = zl_hcl_bin(P, ZL_HCL_OP_GE, $1, $3, S2(@1, @3)); }
    | expr '+' expr              { $$ = zl_hcl_bin(P, ZL_HCL_OP_ADD, $1, $3, S2(@1, @3)); }
    | expr '-' expr              { $$ = zl_hcl_bin(P, ZL_HCL_OP_SUB, $1, $3, S2(@1, @3)); }
    | expr '*' expr              { $$ = zl_hcl_bin(P, ZL_HCL_OP_MUL, $1, $3, S2(@1, @3)); }
    | expr '/' expr              { $$ = zl_hcl_bin(P, ZL_HCL_OP_DIV, $1, $3, S2(@1, @3)); }
    | expr '%' expr              { $$ = zl_hcl_bin(P, ZL_HCL_OP_MOD, $1, $3, S2(@1, @3)); }
    | '!' expr                   { $$ = zl_hcl_n3(P, ZL_HCL_UNARY, '!', $2, NULL, NULL, S2(@1, @2)); }
    | '-' expr %prec NEG         { $$ = zl_hcl_n3(P, ZL_HCL_UNARY, '-', $2, NULL, NULL, S2(@1, @2)); }
    | postfix
    ;

postfix
    : primary
    | postfix '.' name           { $$ = zl_hcl_step_attr(P, $1, &$3, S2(@1, @3)); }
    | postfix '.' NUMBER         { $$ = zl_hcl_step_legacy(P, $1, &$3, S(@3), S2(@1, @3)); }
    | postfix '.' '*'            { $$ = zl_hcl_splat(P, $1, false, S2(@1, @3)); }
    | postfix '[' expr ']'       { $$ = zl_hcl_step_index(P, $1, $3, S2(@1, @4)); }
    | postfix '[' '*' ']'        { $$ = zl_hcl_splat(P, $1, true, S2(@1, @4)); }
    ;

primary
    : NUMBER                     { $$ = zl_hcl_number(P, &$1, S(@1)); }
    | IDENT                      { $$ = zl_hcl_var(P, &$1, S(@1)); }
    | template
    | OHEREDOC tparts CHEREDOC   { $$ = zl_hcl_heredoc(P, &$1, $2, S2(@1, @3)); }
    | tuple
    | object
    | for_tuple
    | for_object
    | call
    | '(' expr ')'               { $$ = zl_hcl_n3(P, ZL_HCL_PAREN, 0, $2, NULL, NULL, S2(@1, @3)); }
    ;

call
    : IDENT '(' args ')'         { $$ = zl_hcl_call(P, &$1, NULL, $3, S2(@1, @4)); }
    | IDENT DCOLON IDENT DCOLON IDENT '(' args ')'
                                 { $$ = zl_hcl_call(P, &$3, &$5, $7, S2(@1, @8)); }
    ;

args
    : %empty                     { $$ = zl_hcl_node_new(P->arena, ZL_HCL_CALL, P->at); }
    | arglist
    | arglist ','
    | arglist ELLIPSIS           { $$ = $1; $$->flags |= ZL_HCL_F_EXPAND; }
    ;

arglist
    : expr                       { $$ = zl_hcl_node_new(P->arena, ZL_HCL_CALL, P->at); zl_hcl_node_add(P->arena, $$, $1); }
    | arglist ',' expr           { $$ = $1; zl_hcl_node_add(P->arena, $$, $3); }
    ;

/* Newlines inside [ ] are not reported by the scanner. */
tuple
    : '[' ']'                    { $$ = zl_hcl_node_new(P->arena, ZL_HCL_TUPLE, S2(@1, @2)); }
    | '[' tuple_items ']'        { $$ = $2; $$->span = S2(@1, @3); }
    | '[' tuple_items ',' ']'    { $$ = $2; $$->span = S2(@1, @4); }
    ;

tuple_items
    : expr                       { $$ = zl_hcl_node_new(P->arena, ZL_HCL_TUPLE, S(@1)); zl_hcl_node_add(P->arena, $$, $1); }
    | tuple_items ',' expr       { $$ = $1; zl_hcl_node_add(P->arena, $$, $3); }
    ;

/* Items are separated by commas or newlines. */
object
    : '{' nl_opt '}'             { $$ = zl_hcl_node_new(P->arena, ZL_HCL_OBJECT, S2(@1, @3)); }
    | '{' nl_opt obj_items obj_end '}' { $$ = $3; $$->span = S2(@1, @5); }
    ;

obj_items
    : expr '=' expr              { $$ = zl_hcl_node_new(P->arena, ZL_HCL_OBJECT, S(@1)); zl_hcl_obj_add(P, $$, $1, $3); }
    | expr ':' expr              { $$ = zl_hcl_node_new(P->arena, ZL_HCL_OBJECT, S(@1)); zl_hcl_obj_add(P, $$, $1, $3); }
    | obj_items obj_sep expr '=' expr { $$ = $1; zl_hcl_obj_add(P, $$, $3, $5); }
    | obj_items obj_sep expr ':' expr { $$ = $1; zl_hcl_obj_add(P, $$, $3, $5); }
    ;

obj_sep : ',' nl_opt | NL ;
obj_end : %empty | ',' nl_opt | NL ;

for_head
    : FOR IDENT IN expr          { $$ = zl_hcl_for_head(P, NULL, &$2, $4, S2(@1, @4)); }
    | FOR IDENT ',' IDENT IN expr { $$ = zl_hcl_for_head(P, &$2, &$4, $6, S2(@1, @6)); }
    ;

cond_opt
    : %empty                     { $$ = NULL; }
    | IF expr                    { $$ = $2; }
    ;

ellipsis_opt
    : %empty                     { $$.flags = 0; }
    | ELLIPSIS                   { $$.flags = 1; }
    ;

for_tuple
    : '[' for_head ':' expr cond_opt ']'
                                 { $$ = zl_hcl_for(P, $2, NULL, $4, false, $5, S2(@1, @6)); }
    ;

for_object
    : '{' nl_opt for_head ':' expr ARROW expr ellipsis_opt cond_opt '}'
                                 { $$ = zl_hcl_for(P, $3, $5, $7, $8.flags != 0, $9, S2(@1, @10)); }
    ;

/* ---- templates --------------------------------------------------------------------- */

template
    : OQUOTE tparts CQUOTE       { $$ = $2; $$->span = S2(@1, @3); }
    ;

tparts
    : %empty                     { $$ = zl_hcl_node_new(P->arena, ZL_HCL_TEMPLATE, P->at); }
    | tparts tpart               { $$ = zl_hcl_tpl_add(P, $1, $2); }
    ;

tpart
    : TPL_LIT                    { $$ = zl_hcl_lit(P, &$1, S(@1)); }
    | TPL_INTERP expr TPL_CLOSE  { $$ = zl_hcl_interp(P, &$1, $2, &$3); }
    | tpl_if
    | tpl_for
    ;

if_head
    : TPL_IF expr TPL_CLOSE      { $$ = zl_hcl_tag_open(P, ZL_HCL_TPL_IF, &$1, $2, &$3, S2(@1, @3)); }
    ;

else_head
    : TPL_ELSE TPL_CLOSE         { $$ = zl_hcl_tag_open(P, ZL_HCL_TEMPLATE, &$1, NULL, &$2, S2(@1, @2)); }
    ;

tpl_if
    : if_head tparts TPL_ENDIF TPL_CLOSE
                                 { $$ = zl_hcl_tpl_if(P, $1, $2, NULL, NULL, &$3, &$4, S2(@1, @4)); }
    | if_head tparts else_head tparts TPL_ENDIF TPL_CLOSE
                                 { $$ = zl_hcl_tpl_if(P, $1, $2, $3, $4, &$5, &$6, S2(@1, @6)); }
    ;

for_thead
    : TPL_FOR IDENT IN expr TPL_CLOSE
                                 { $$ = zl_hcl_tpl_for_head(P, &$1, NULL, &$2, $4, &$5, S2(@1, @5)); }
    | TPL_FOR IDENT ',' IDENT IN expr TPL_CLOSE
                                 { $$ = zl_hcl_tpl_for_head(P, &$1, &$2, &$4, $6, &$7, S2(@1, @7)); }
    ;

tpl_for
    : for_thead tparts TPL_ENDFOR TPL_CLOSE
                                 { $$ = zl_hcl_tpl_for(P, $1, $2, &$3, &$4, S2(@1, @4)); }
    ;

%%

static void add_name(char *buf, size_t cap, size_t *len, const char *name)
{
    size_t n = strlen(name);
    if (n >= 2 && name[0] == '"' && name[n - 1] == '"') {
        name++;
        n -= 2;
    }
    if (*len + n + 1 < cap) {
        memcpy(buf + *len, name, n);
        *len += n;
        buf[*len] = '\0';
    }
}

/* "unexpected X; expected A, B or C", with the tokens that begin an
 * expression said once as "an expression". */
static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner, struct zl_hcl_parser *P)
{
    (void)scanner;
    enum { MAX_EXPECTED = 24 };
    yysymbol_kind_t exp[MAX_EXPECTED];
    int n = yypcontext_expected_tokens(ctx, exp, MAX_EXPECTED);
    if (n < 0)
        n = 0;
    yysymbol_kind_t got = yypcontext_token(ctx);
    if (got == YYSYMBOL_LEXERR)
        return 0; /* the scanner has said what is wrong */
    bool expr = false;
    for (int i = 0; i < n; i++)
        if (exp[i] == YYSYMBOL_OQUOTE)
            expr = true;
    char list[512];
    size_t len = 0;
    list[0] = '\0';
    int shown = 0, total = 0;
    const char *names[MAX_EXPECTED + 1];
    const char *skipped[MAX_EXPECTED];
    int nskipped = 0;
    bool ident = false;
    for (int i = 0; i < n; i++)
        if (exp[i] == YYSYMBOL_IDENT)
            ident = true;
    if (expr)
        names[total++] = "an expression";
    for (int i = 0; i < n; i++) {
        yysymbol_kind_t k = exp[i];
        const char *nm = yysymbol_name(k);
        static const char *const starts[] = { "identifier", "number", "'\"'", "heredoc",
                                               "'['", "'('", "'{'", "'-'", "'!'" };
        bool starts_expr = false;
        for (size_t j = 0; j < sizeof starts / sizeof starts[0]; j++)
            if (!strcmp(nm, starts[j]))
                starts_expr = true;
        if (expr && starts_expr)
            continue;
        static const char *const ops[] = { "'=='", "'!='", "'<='", "'>='", "'&&'", "'||'", "'<'", "'>'",
                                           "'+'", "'-'", "'*'", "'/'", "'%'", "'?'", "'.'", "'['",
                                           "'::'", "'('" };
        bool op = false;
        for (size_t j = 0; j < sizeof ops / sizeof ops[0]; j++)
            if (!strcmp(nm, ops[j]))
                op = true;
        if (op) {
            /* what could continue an expression: always possible, rarely the point */
            if (nskipped < MAX_EXPECTED)
                skipped[nskipped++] = nm;
            continue;
        }
        if ((k == YYSYMBOL_FOR || k == YYSYMBOL_IN || k == YYSYMBOL_IF) && (expr || ident || n > 6))
            continue;
        names[total++] = yysymbol_name(k);
    }
    for (int i = 0; total == 0 && i < nskipped; i++)
        names[total++] = skipped[i];
    for (int i = 0; i < total && shown < 6; i++, shown++) {
        if (i > 0)
            add_name(list, sizeof list, &len, i == total - 1 || shown == 5 ? " or " : ", ");
        add_name(list, sizeof list, &len, names[i]);
    }
    const char *what = got == YYSYMBOL_YYEOF ? "end of file" : yysymbol_name(got);
    char gotbuf[64];
    size_t gl = 0;
    gotbuf[0] = '\0';
    add_name(gotbuf, sizeof gotbuf, &gl, what);
    if (total)
        zl_hcl_lex_error(P, yypcontext_location(ctx), "unexpected %s; expected %s", gotbuf, list);
    else
        zl_hcl_lex_error(P, yypcontext_location(ctx), "unexpected %s", gotbuf);
    return 0;
}

/* Only reached when bison's stack overflows ("memory exhausted"). */
static void zl_hcl_yyerror(const struct zl_hcl_ltype *loc, yyscan_t scanner, struct zl_hcl_parser *P,
                           const char *msg)
{
    (void)scanner;
    zl_hcl_lex_error(P, loc, "%s: the expression is nested too deeply", msg);
}
