/* SPDX-License-Identifier: MIT */
/* The syntax tree of HCL's native syntax (hashicorp/hcl hclsyntax/spec.md):
 * a body of attributes and blocks, and expressions. grammar/hcl.y builds it
 * through the functions below; nothing here knows Terraform. Every node
 * keeps its span in the file as written. All memory lives in one arena per
 * module read, freed at once. */
#ifndef ZL_HCL_AST_H
#define ZL_HCL_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/loc.h"

/* ---- arena ------------------------------------------------------------------ */

struct zl_arena_chunk;
struct zl_arena {
    struct zl_arena_chunk *head;
    size_t used;      /* bytes handed out, for the size bound */
    size_t limit;     /* 0: no bound */
    bool exhausted;   /* an allocation went past limit (it still succeeded) */
};
void *zl_arena_alloc(struct zl_arena *a, size_t n); /* zeroed */
char *zl_arena_strndup(struct zl_arena *a, const char *s, size_t n);
void zl_arena_free(struct zl_arena *a);

/* ---- expressions ----------------------------------------------------------- */

enum zl_hcl_kind {
    ZL_HCL_NULL,
    ZL_HCL_BOOL,     /* num: 0 or 1 */
    ZL_HCL_NUM,      /* num, s: the literal as written */
    ZL_HCL_LIT,      /* a template's literal part: s decoded */
    ZL_HCL_TEMPLATE, /* kids: parts (LIT, other expressions, TPL_IF, TPL_FOR) */
    ZL_HCL_TPL_IF,   /* kids: cond, then TEMPLATE, else TEMPLATE (may be NULL) */
    ZL_HCL_TPL_FOR,  /* s: key var (or NULL), s2: value var; kids: collection, body TEMPLATE */
    ZL_HCL_TUPLE,    /* kids: elements */
    ZL_HCL_OBJECT,   /* kids: key, value, key, value... */
    ZL_HCL_VAR,      /* s: the root name */
    ZL_HCL_GETATTR,  /* kids[0]: object; s: attribute */
    ZL_HCL_INDEX,    /* kids: collection, key */
    ZL_HCL_SPLAT,    /* kids: source, per-element expression over ANON (NULL: identity) */
    ZL_HCL_ANON,     /* the element a splat's steps apply to */
    ZL_HCL_CALL,     /* s: function name; kids: arguments */
    ZL_HCL_UNARY,    /* op: '!' or '-'; kids[0] */
    ZL_HCL_BINARY,   /* op: ZL_HCL_OP_*; kids: left, right */
    ZL_HCL_COND,     /* kids: condition, true, false */
    ZL_HCL_FOR,      /* s: key var (or NULL), s2: value var; kids: collection, key expr
                        (object form; NULL for tuples), value expr, condition (or NULL) */
    ZL_HCL_PAREN,    /* kids[0]: a parenthesised expression (ends a splat) */
};

enum zl_hcl_op {
    ZL_HCL_OP_OR = 1, ZL_HCL_OP_AND, ZL_HCL_OP_EQ, ZL_HCL_OP_NE, ZL_HCL_OP_LT, ZL_HCL_OP_LE,
    ZL_HCL_OP_GT, ZL_HCL_OP_GE, ZL_HCL_OP_ADD, ZL_HCL_OP_SUB, ZL_HCL_OP_MUL, ZL_HCL_OP_DIV,
    ZL_HCL_OP_MOD,
};

enum {
    ZL_HCL_F_EXACT = 1 << 0,    /* LIT: its text is the source bytes at span, one line */
    ZL_HCL_F_GROUP = 1 << 1,    /* FOR: "..." grouping */
    ZL_HCL_F_EXPAND = 1 << 2,   /* CALL: last argument expanded with "..." */
    ZL_HCL_F_FULL = 1 << 3,     /* SPLAT: [*] (any step continues it), else .* */
    ZL_HCL_F_BOL = 1 << 4,      /* heredoc part at the start of a line */
    ZL_HCL_F_HEREDOC = 1 << 5,  /* TEMPLATE from a heredoc */
    ZL_HCL_F_LEGACY = 1 << 6,   /* INDEX written .0 */
    ZL_HCL_F_STRIP_BEFORE = 1 << 7, /* template tag opened with "${~" / "%{~" */
};

struct zl_hcl_node {
    uint8_t kind, op;
    uint16_t flags;
    struct zl_span span;
    const char *s, *s2;
    size_t len, len2;
    double num;
    struct zl_hcl_node **kids;
    uint32_t nkids;
};

/* ---- bodies ---------------------------------------------------------------- */

struct zl_hcl_body;

struct zl_hcl_attr {
    const char *name;
    size_t len;
    struct zl_span name_span, span; /* span: name to the end of the value */
    struct zl_hcl_node *expr;
};

struct zl_hcl_block {
    const char *type;
    size_t tlen;
    struct zl_span type_span, span;
    const char **labels;
    size_t *label_lens;
    struct zl_span *label_spans;
    uint32_t nlabels;
    struct zl_hcl_body *body;
};

struct zl_hcl_body {
    struct zl_hcl_attr **attrs;
    uint32_t nattrs, cattrs;
    struct zl_hcl_block **blocks;
    uint32_t nblocks, cblocks;
};

/* First attribute or block of that name; NULL when none. */
const struct zl_hcl_attr *zl_hcl_attr_get(const struct zl_hcl_body *b, const char *name);
const struct zl_hcl_block *zl_hcl_block_get(const struct zl_hcl_body *b, const char *type);

/* ---- parsing --------------------------------------------------------------- */

/* Bounds on what one file may build, so hostile input cannot take the
 * machine: nesting depth of brackets and templates, and arena bytes. */
#define ZL_HCL_MAX_DEPTH 256
#define ZL_HCL_MAX_FILE (16u * 1024 * 1024)

struct zl_diag_sink;
struct zl_source;

struct zl_hcl_error_fn {
    /* Called for each syntax error (the first ends the parse). */
    void (*fn)(void *user, const struct zl_span *at, const char *msg);
    void *user;
};

/* Parses a whole file in the native syntax. Returns its body, or NULL
 * after reporting the (first) syntax error through err. */
struct zl_hcl_body *zl_hcl_parse(const char *text, size_t len, const struct zl_source *src,
                                 struct zl_arena *arena, const struct zl_hcl_error_fn *err);

/* Parses text as a bare template (the content of a JSON string in
 * Terraform's JSON syntax). at: where text starts (one line: columns
 * follow the bytes; else every part gets at). Returns NULL on error. */
struct zl_hcl_node *zl_hcl_parse_template(const char *text, size_t len, const struct zl_source *src,
                                          struct zl_span at, bool exact, struct zl_arena *arena,
                                          const struct zl_hcl_error_fn *err);

/* A compact text form of a tree (tests): (kind kids...), literals quoted. */
struct zl_buf;
void zl_hcl_dump(const struct zl_hcl_node *n, struct zl_buf *b);
void zl_hcl_dump_body(const struct zl_hcl_body *body, struct zl_buf *b);

/* Node constructors for the grammar. */
struct zl_hcl_node *zl_hcl_node_new(struct zl_arena *a, enum zl_hcl_kind kind, struct zl_span span);
void zl_hcl_node_add(struct zl_arena *a, struct zl_hcl_node *n, struct zl_hcl_node *kid);

#endif
