/* SPDX-License-Identifier: MIT */
/* Static evaluation of HCL expressions: what can be known without running
 * Terraform. Literals, templates, operators, conditionals, for and splat
 * expressions and the common functions are computed; a reference is handed
 * to the caller's resolver (Terraform's var., local., count., each.,
 * resources...). Whatever depends on something only known at apply time is
 * UNKNOWN, and so is everything built from it. Every value keeps where it
 * was written: strings keep, per stretch of text, the span it came from. */
#ifndef ZL_HCL_EVAL_H
#define ZL_HCL_EVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input/terraform/hcl_ast.h"

enum zl_hv_kind {
    ZL_HV_UNKNOWN,
    ZL_HV_NULL,
    ZL_HV_BOOL,
    ZL_HV_NUM,
    ZL_HV_STR,
    ZL_HV_LIST,  /* tuple, list or set */
    ZL_HV_MAP,   /* object or map: keys sorted, unique */
    ZL_HV_REF,   /* a reference being resolved (internal to the resolver) */
};

/* Bytes [off, off+len) of a string were written at span; exact: byte i of
 * the stretch sits at column span.col + i. */
struct zl_hv_seg {
    uint32_t off, len;
    struct zl_span span;
    bool exact;
};

struct zl_hv {
    uint8_t kind;
    bool set;                  /* LIST made by toset() */
    struct zl_span span;       /* the expression it came from */
    double num;
    bool b;
    const char *s;             /* STR: NUL-terminated */
    uint32_t len;
    struct zl_hv_seg *segs;
    uint32_t nsegs;
    struct zl_hv **items;      /* LIST, MAP values */
    const char **keys;         /* MAP */
    uint32_t *klens;
    uint32_t n;
    const struct zl_hv *zone;  /* UNKNOWN zone id: the zone's name (a STR), when known */
    const void *ref;           /* REF: the resolver's own state */
    uint32_t ref_step;
};

struct zl_hcl_eval;

/* Binding of a name in an expression's scope (for expressions, count,
 * each): the resolver's and the evaluator's. */
struct zl_hcl_scope {
    const char *name;
    size_t len;
    const struct zl_hv *val;
    const struct zl_hcl_scope *up;
};

/* The caller resolves references. root: a VAR's name not bound in scope;
 * the resolver returns a value (REF to be continued by attr/index, or a
 * final value). attr continues a REF by one attribute step, index by an
 * index step; either may return another REF or a final value. */
struct zl_hcl_resolver {
    const struct zl_hv *(*root)(struct zl_hcl_eval *E, const struct zl_hcl_node *var);
    const struct zl_hv *(*attr)(struct zl_hcl_eval *E, const struct zl_hv *ref, const char *name,
                                size_t len, struct zl_span at);
    const struct zl_hv *(*index)(struct zl_hcl_eval *E, const struct zl_hv *ref, const struct zl_hv *key,
                                 struct zl_span at);
    void *user;
};

/* Bounds: nesting of evaluation, work per evaluator, size of values. */
#define ZL_HCL_EVAL_MAX_DEPTH 100
#define ZL_HCL_EVAL_MAX_STEPS 10000000ul
#define ZL_HCL_EVAL_MAX_STR (1u << 20)
#define ZL_HCL_EVAL_MAX_ITEMS 100000u

struct zl_hcl_eval {
    struct zl_arena *arena;
    const struct zl_hcl_resolver *res;
    const struct zl_hcl_scope *scope;
    unsigned depth;
    unsigned long steps;
    bool exhausted;            /* a bound was hit: results are UNKNOWN */
};

const struct zl_hv *zl_hcl_eval(struct zl_hcl_eval *E, const struct zl_hcl_node *n);

/* Value constructors (arena). */
struct zl_hv *zl_hv_new(struct zl_hcl_eval *E, enum zl_hv_kind k, struct zl_span at);
const struct zl_hv *zl_hv_unknown(struct zl_hcl_eval *E, struct zl_span at);
const struct zl_hv *zl_hv_str(struct zl_hcl_eval *E, const char *s, size_t len, struct zl_span at, bool exact);
const struct zl_hv *zl_hv_num(struct zl_hcl_eval *E, double v, struct zl_span at);
const struct zl_hv *zl_hv_bool(struct zl_hcl_eval *E, bool v, struct zl_span at);
/* Lists and maps being built: add, then (maps) zl_hv_map_done sorts keys. */
void zl_hv_push(struct zl_hcl_eval *E, struct zl_hv *list, const struct zl_hv *item);
void zl_hv_put(struct zl_hcl_eval *E, struct zl_hv *map, const char *key, size_t klen, const struct zl_hv *v);
void zl_hv_map_done(struct zl_hv *map);

/* Map lookup; NULL when absent. */
const struct zl_hv *zl_hv_get(const struct zl_hv *map, const char *key, size_t klen);
/* Is v, or anything inside it, UNKNOWN? */
bool zl_hv_has_unknown(const struct zl_hv *v);
/* A string form of a primitive (numbers as Terraform prints them) into the
 * arena; NULL for anything else. */
const struct zl_hv *zl_hv_to_str(struct zl_hcl_eval *E, const struct zl_hv *v);
/* The span of bytes [a, b) of a string: from its segments when a and b
 * lie in stretches of one file (and one line), else fallback. */
struct zl_span zl_hv_sub_span(const struct zl_hv *s, size_t a, size_t b, struct zl_span fallback);

/* The functions (hcl_funcs.c): args already evaluated. Returns UNKNOWN
 * for functions not known here and for arguments that do not fit. */
const struct zl_hv *zl_hcl_call_fn(struct zl_hcl_eval *E, const char *name, size_t len,
                                   const struct zl_hv **args, uint32_t nargs, struct zl_span at);
/* String concatenation keeping segments. */
struct zl_hv_strb {
    char *data;
    uint32_t len, cap;
    struct zl_hv_seg *segs;
    uint32_t nsegs, csegs;
    bool overflow;
};
void zl_hv_strb_add(struct zl_hcl_eval *E, struct zl_hv_strb *b, const struct zl_hv *s);
void zl_hv_strb_raw(struct zl_hcl_eval *E, struct zl_hv_strb *b, const char *s, size_t n, struct zl_span at);
const struct zl_hv *zl_hv_strb_done(struct zl_hcl_eval *E, struct zl_hv_strb *b, struct zl_span at);

#endif
