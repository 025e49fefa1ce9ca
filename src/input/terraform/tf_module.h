/* SPDX-License-Identifier: MIT */
/* A Terraform module as zonelint reads it: the *.tf and *.tf.json files of
 * one directory, its variables (defaults, or the caller's inputs, or the
 * root's *.tfvars), locals, resources and data sources, outputs and local
 * child modules, with a resolver that lets hcl_eval.c follow Terraform's
 * references (var., local., data., module., TYPE.NAME, count., each.). */
#ifndef ZL_TF_MODULE_H
#define ZL_TF_MODULE_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "input/exports/ydoc.h"
#include "input/terraform/hcl_eval.h"

struct zl_fmt;
struct zl_source;

struct zl_tf_file {
    char *path;                  /* as shown */
    struct zl_source *src;
    char *text;
    size_t len;
    struct zl_hcl_body *body;
    struct zl_tf_file *next;
};

struct zl_tf_res {
    const struct zl_hcl_block *block;
    const char *type, *name;
    size_t tlen, nlen;
    bool data;
    struct zl_tf_file *file;
    struct zl_tf_module *mod;
    int state;                   /* 0: not built, 1: building, 2: built */
    const struct zl_hv *value;   /* one instance object, or a list/map of them, or UNKNOWN */
};

struct zl_tf_named {             /* a variable, local, output or module call */
    const char *name;
    size_t len;
    const struct zl_hcl_block *block; /* variable, output, module */
    const struct zl_hcl_attr *attr;   /* local */
    struct zl_tf_file *file;
    int state;
    const struct zl_hv *value;
    struct zl_tf_module *child;       /* module call: the module read, when local */
    char *child_dir;                  /* module call: the local module's directory (as shown), read
                                         when its outputs are first needed (no DNS resources in it) */
    bool tried;                       /* module call: reading it was attempted */
};

struct zl_tf_module {
    struct zl_tf_reader *R;
    char *dir;                   /* as shown ("." style, relative to what the user named) */
    char *real;                  /* realpath */
    struct zl_tf_module *parent;
    struct zl_tf_named *call;    /* the module block in parent that reads this one */
    struct zl_tf_file *files;
    struct zl_tf_res *res;
    size_t nres, cres;
    struct zl_tf_named *vars, *locals, *outputs, *calls;
    size_t nvars, nlocals, noutputs, ncalls;
    size_t cvars, clocals, coutputs, ccalls;
    struct zl_hv *tfvars;        /* root only: the values of *.tfvars */
    unsigned depth;
};

/* JSON documents a tree points into (tf_json.c). */
struct zl_tf_ydocs {
    struct zl_ydocs y;
    struct zl_tf_ydocs *next;
};

/* The reader: one per top-level input. */
struct zl_tf_reader {
    struct zl_arena arena;
    struct zl_fmt *f;
    char *root_real;             /* confinement: nothing above this is read (the git work tree
                                    holding the module, else its directory; or --include-root) */
    char root_desc[PATH_MAX + 64]; /* how messages name it ("the git work tree holding 'infra'") */
    const char *root_dir;        /* the root module's directory as shown */
    struct zl_tf_module *root;
    unsigned nmodules;
    struct zl_hcl_eval E;
    struct zl_hcl_resolver resolver;
    struct zl_tf_module *cur;    /* module whose expressions are being evaluated */
    struct zl_tf_file *files;    /* every file read, for the per-file info */
    struct zl_tf_file **files_tail;
    const char *memory;          /* a single file given as bytes (stdin, fuzzing) */
    size_t memory_len;
    const char *memory_name;
    struct zl_tf_ydocs *ydocs;
    struct zl_tf_dirscan *scans;  /* which directories may hold DNS resources */
    unsigned nscans;
    struct zl_tf_skip *skipped;   /* module calls not read, for the one message per root */
    struct zl_tf_skip **skipped_tail;
};

/* A local module call that was not read, and why. */
struct zl_tf_skip {
    const char *name;
    size_t len;
    struct zl_span at;           /* its source argument */
    const char *why;             /* "its source './x' cannot be read (...)" */
    bool dns;                    /* it holds DNS resources (a cap was hit): a warning */
    struct zl_tf_skip *next;
};

/* Modules read: a module holding DNS resources (or calling one that does)
 * is read when its call is; any other only when a value it outputs is
 * needed, so a root of a hundred modules reads the few that matter. */
#define ZL_TF_MAX_MODULES 256
#define ZL_TF_MAX_MODULE_DEPTH 10
#define ZL_TF_MAX_SCANS 4096      /* directories looked into for DNS resources */
#define ZL_TF_MAX_FILES 1000
#define ZL_TF_MAX_INSTANCES 1000

/* THE one place files are read (the confinement seam): path must lie under
 * R->root_real and must not climb out with ".."; returns 0 and the bytes
 * (arena), or -1 with why set. */
int zl_tf_read_file(struct zl_tf_reader *R, const char *path, char **text, size_t *len, const char **why);

/* Reads the module in dir (the root when parent is NULL). NULL when it
 * cannot be read (reported). */
struct zl_tf_module *zl_tf_module_load(struct zl_tf_reader *R, const char *dir, struct zl_tf_module *parent,
                                       struct zl_tf_named *call);
/* Reads one file given as bytes as a whole module (stdin, fuzzing). */
struct zl_tf_module *zl_tf_module_from_memory(struct zl_tf_reader *R, const char *name, const char *text,
                                              size_t len);

/* Evaluates n in module m with scope s. */
const struct zl_hv *zl_tf_eval_in(struct zl_tf_reader *R, struct zl_tf_module *m, const struct zl_hcl_scope *s,
                                  const struct zl_hcl_node *n);
/* The instances of a resource (built once). */
const struct zl_hv *zl_tf_res_value(struct zl_tf_reader *R, struct zl_tf_res *r);

void zl_tf_reader_init(struct zl_tf_reader *R, struct zl_fmt *f);
void zl_tf_reader_free(struct zl_tf_reader *R);


/* tf_json.c: a *.tf.json file as a body (Terraform's JSON syntax); the
 * documents it points into are freed by zl_tfjson_free. */
struct zl_hcl_body *zl_tfjson_body(struct zl_tf_reader *R, struct zl_tf_file *file);
void zl_tfjson_free(struct zl_tf_reader *R);

#endif
