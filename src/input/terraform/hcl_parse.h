/* Shared by grammar/hcl.l, grammar/hcl.y and hcl_ast.c: the scanner's and
 * the parser's state, and the semantic value of a token. */
#ifndef ZL_HCL_PARSE_H
#define ZL_HCL_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input/terraform/hcl_ast.h"

struct zl_hcl_ltype {
    int first_line, first_column, last_line, last_column;
};

/* A token's value: its text (decoded for template literals) and flags. */
struct zl_hcl_tok {
    const char *s;
    size_t len;
    uint32_t flags; /* ZL_HCL_T_* */
};

enum {
    ZL_HCL_T_STRIP = 1 << 0,  /* "${~" / "%{~" (strip before), "~}" (strip after) */
    ZL_HCL_T_EXACT = 1 << 1,  /* literal text equals the source bytes */
    ZL_HCL_T_BOL = 1 << 2,    /* heredoc: at the start of a line */
    ZL_HCL_T_INDENT = 1 << 3, /* heredoc "<<-" */
};

/* Lists the grammar builds before it knows what they become. */
struct zl_hcl_labels {
    const char **s;
    size_t *len;
    struct zl_span *span;
    uint32_t n, cap;
};

struct zl_hcl_forhead {
    const char *k, *v;
    size_t klen, vlen;
    struct zl_hcl_node *coll;
    struct zl_span span;
};

struct zl_hcl_item {
    struct zl_hcl_attr *attr;
    struct zl_hcl_block *block;
};

union zl_hcl_yys {
    struct zl_hcl_item item;
    struct zl_hcl_tok tok;
    struct zl_hcl_node *node;
    struct zl_hcl_body *body;
    struct zl_hcl_labels *labels;
    struct zl_hcl_forhead *fh;
};

#ifndef YYSTYPE
#define YYSTYPE union zl_hcl_yys
#endif
#ifndef YYLTYPE
#define YYLTYPE struct zl_hcl_ltype
#endif

struct zl_hcl_parser {
    struct zl_arena *arena;
    const struct zl_source *src;
    const struct zl_hcl_error_fn *err;
    bool failed;
    struct zl_hcl_body *root;
    struct zl_hcl_node *tpl_root;
    bool strip_next;         /* the last tag ended with "~}" */
    bool fixed_span;         /* every span is `at` (template from a JSON string with escapes) */
    struct zl_span at;
};

struct zl_hcl_lexer {
    const char *text;
    size_t len, pos;         /* YY_INPUT reads text[pos..len) */
    uint32_t line, col;      /* where the next token starts (1-based) */
    uint32_t tline, tcol;    /* where the current token started */
    size_t offset;           /* bytes the scanner has consumed */
    char stack[ZL_HCL_MAX_DEPTH]; /* open contexts: { b(ody/object) f(or) ( [ $ % q h */
    unsigned depth;
    struct {
        const char *marker;
        size_t len;
        uint32_t line, col; /* of "<<" */
    } heredoc[16];
    unsigned nheredoc;
    int last, last2;         /* the last two tokens returned */
    int first;               /* start token to return first (0: done) */
    bool bol;                /* heredoc: at a line start */
    bool tplonly;            /* a bare template (zl_hcl_parse_template) */
    struct zl_hcl_parser *P;
};

/* Scanner and parser glue (hcl_ast.c). */
void zl_hcl_lex_error(struct zl_hcl_parser *P, const struct zl_hcl_ltype *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
struct zl_span zl_hcl_span(const struct zl_hcl_parser *P, const struct zl_hcl_ltype *l);
struct zl_span zl_hcl_span2(const struct zl_hcl_parser *P, const struct zl_hcl_ltype *a,
                            const struct zl_hcl_ltype *b);

#endif
