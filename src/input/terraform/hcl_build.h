/* What grammar/hcl.y calls to build the tree (hcl_ast.c). */
#ifndef ZL_HCL_BUILD_H
#define ZL_HCL_BUILD_H

#include "input/terraform/hcl_parse.h"

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
