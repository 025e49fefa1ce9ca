/* SPDX-License-Identifier: MIT */
/* Shared by grammar/hcl.l, grammar/hcl.y and hcl_ast.c: the scanner's and
 * the parser's state, the semantic value of a token, and the builders the
 * grammar's actions call. */
#ifndef ZL_HCL_AST_IMPL_H
#define ZL_HCL_AST_IMPL_H

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

/* ---- what grammar/hcl.y calls to build the tree (hcl_ast.c) ---- */

typedef struct zl_hcl_parser zl_hcl_P;
typedef struct zl_hcl_tok zl_hcl_T;
typedef struct zl_hcl_node zl_hcl_N;

struct zl_hcl_body *zl_hcl_body_new(zl_hcl_P *P);
void zl_hcl_body_add(zl_hcl_P *P, struct zl_hcl_body *b, struct zl_hcl_item it);
struct zl_hcl_item zl_hcl_attr_item(zl_hcl_P *P, const zl_hcl_T *name, struct zl_span ns, zl_hcl_N *e,
                                    struct zl_span s);
struct zl_hcl_item zl_hcl_block_item(zl_hcl_P *P, const zl_hcl_T *type, struct zl_span ts,
                                     struct zl_hcl_labels *l, struct zl_hcl_body *body, struct zl_span s);
struct zl_hcl_labels *zl_hcl_labels_add(zl_hcl_P *P, struct zl_hcl_labels *l, const zl_hcl_T *t,
                                        struct zl_span s);
int zl_hcl_literal_label(zl_hcl_P *P, zl_hcl_N *tpl, zl_hcl_T *out, struct zl_span s);

zl_hcl_N *zl_hcl_n3(zl_hcl_P *P, enum zl_hcl_kind k, int op, zl_hcl_N *a, zl_hcl_N *b, zl_hcl_N *c,
                    struct zl_span s);
zl_hcl_N *zl_hcl_bin(zl_hcl_P *P, enum zl_hcl_op op, zl_hcl_N *a, zl_hcl_N *b, struct zl_span s);
zl_hcl_N *zl_hcl_step_attr(zl_hcl_P *P, zl_hcl_N *on, const zl_hcl_T *name, struct zl_span s);
zl_hcl_N *zl_hcl_step_legacy(zl_hcl_P *P, zl_hcl_N *on, const zl_hcl_T *num, struct zl_span ns,
                             struct zl_span s);
zl_hcl_N *zl_hcl_step_index(zl_hcl_P *P, zl_hcl_N *on, zl_hcl_N *key, struct zl_span s);
zl_hcl_N *zl_hcl_splat(zl_hcl_P *P, zl_hcl_N *on, bool full, struct zl_span s);
zl_hcl_N *zl_hcl_number(zl_hcl_P *P, const zl_hcl_T *t, struct zl_span s);
zl_hcl_N *zl_hcl_var(zl_hcl_P *P, const zl_hcl_T *t, struct zl_span s);
zl_hcl_N *zl_hcl_heredoc(zl_hcl_P *P, const zl_hcl_T *open, zl_hcl_N *tpl, struct zl_span s);
zl_hcl_N *zl_hcl_call(zl_hcl_P *P, const zl_hcl_T *name, const zl_hcl_T *name2, zl_hcl_N *args,
                      struct zl_span s);
void zl_hcl_obj_add(zl_hcl_P *P, zl_hcl_N *obj, zl_hcl_N *k, zl_hcl_N *v);
struct zl_hcl_forhead *zl_hcl_for_head(zl_hcl_P *P, const zl_hcl_T *k, const zl_hcl_T *v, zl_hcl_N *coll,
                                       struct zl_span s);
zl_hcl_N *zl_hcl_for(zl_hcl_P *P, struct zl_hcl_forhead *h, zl_hcl_N *key, zl_hcl_N *val, bool group,
                     zl_hcl_N *cond, struct zl_span s);

zl_hcl_N *zl_hcl_tpl_add(zl_hcl_P *P, zl_hcl_N *tpl, zl_hcl_N *part);
zl_hcl_N *zl_hcl_lit(zl_hcl_P *P, const zl_hcl_T *t, struct zl_span s);
zl_hcl_N *zl_hcl_interp(zl_hcl_P *P, const zl_hcl_T *open, zl_hcl_N *e, const zl_hcl_T *close);
zl_hcl_N *zl_hcl_tag_open(zl_hcl_P *P, enum zl_hcl_kind k, const zl_hcl_T *open, zl_hcl_N *e,
                          const zl_hcl_T *close, struct zl_span s);
zl_hcl_N *zl_hcl_tpl_if(zl_hcl_P *P, zl_hcl_N *head, zl_hcl_N *then, zl_hcl_N *elsehead, zl_hcl_N *els,
                        const zl_hcl_T *end, const zl_hcl_T *close, struct zl_span s);
zl_hcl_N *zl_hcl_tpl_for_head(zl_hcl_P *P, const zl_hcl_T *open, const zl_hcl_T *k, const zl_hcl_T *v,
                              zl_hcl_N *coll, const zl_hcl_T *close, struct zl_span s);
zl_hcl_N *zl_hcl_tpl_for(zl_hcl_P *P, zl_hcl_N *head, zl_hcl_N *body, const zl_hcl_T *end,
                         const zl_hcl_T *close, struct zl_span s);

#endif
