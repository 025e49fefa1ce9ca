/* The Terraform reader: a module directory (or the directory of the .tf or
 * .tf.json file named), its local child modules, and the DNS records its
 * resources describe, each instance of count/for_each on its own. Records
 * that cannot be evaluated statically are counted, and each file with any
 * gets one info (ZL1006) saying how many. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input/confine.h"
#include "input/exports/emit.h"
#include "input/readers.h"
#include "input/terraform/tf_module.h"
#include "input/terraform/tf_records.h"

static void count_unevaluated(struct zl_tf_file *file, struct zl_span at)
{
    if (file->unevaluated++ == 0)
        file->first_unevaluated = at;
}

static void map_module(struct zl_tf_reader *R, struct zl_tf_emit *X, struct zl_tf_module *m)
{
    for (size_t i = 0; i < m->nres; i++) {
        struct zl_tf_res *r = &m->res[i];
        if (r->data || !zl_tf_is_record_type(r->type, r->tlen))
            continue;
        struct zl_span at = r->block->type_span;
        at.end_line = r->block->label_spans[1].end_line;
        at.end_col = r->block->label_spans[1].end_col;
        const struct zl_hv *v = zl_tf_res_value(R, r);
        bool multi = zl_hcl_attr_get(r->block->body, "count") || zl_hcl_attr_get(r->block->body, "for_each");
        if (v->kind == ZL_HV_UNKNOWN || (multi && v->kind != ZL_HV_LIST && v->kind != ZL_HV_MAP)) {
            count_unevaluated(r->file, at);
            continue;
        }
        if (!multi) {
            if (!zl_tf_map_instance(X, r->type, r->tlen, v, at))
                count_unevaluated(r->file, at);
            continue;
        }
        for (uint32_t k = 0; k < v->n; k++)
            if (!zl_tf_map_instance(X, r->type, r->tlen, v->items[k], at))
                count_unevaluated(r->file, at);
    }
    for (size_t i = 0; i < m->ncalls; i++) {
        struct zl_tf_named *c = &m->calls[i];
        if (!c->child)
            continue;
        /* count/for_each on a module: its inputs per instance are not
         * evaluated here; its records still are, with what is known. */
        map_module(R, X, c->child);
    }
}

static void report_unevaluated(struct zl_tf_reader *R)
{
    /* A module called several times was read once per call: one info per
     * file all the same. */
    for (struct zl_tf_file *f = R->files; f; f = f->next)
        for (struct zl_tf_file *g = f->next; f->unevaluated && g; g = g->next)
            if (g->unevaluated && !strcmp(f->path, g->path)) {
                f->unevaluated += g->unevaluated;
                g->unevaluated = 0;
            }
    for (struct zl_tf_file *f = R->files; f; f = f->next)
        if (f->unevaluated)
            zl_fmt_report(R->f, ZL_RULE_ZL1006, &f->first_unevaluated,
                          "%u DNS record%s in this file could not be evaluated without running "
                          "Terraform (%s values known only at apply time, such as another resource's "
                          "computed attribute or a variable without a value); rules that need them skipped them",
                          f->unevaluated, f->unevaluated == 1 ? "" : "s", f->unevaluated == 1 ? "it uses" : "they use");
}

void zl_read_terraform(struct zl_fmt *f, const char *path, const char *data, size_t len)
{
    struct zl_tf_reader *R = zl_xmalloc(sizeof *R);
    zl_tf_reader_init(R, f);
    if (data) {
        R->root = zl_tf_module_from_memory(R, f->name, data, len);
    } else {
        /* a directory, or the directory of the file named */
        char dir[PATH_MAX];
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            snprintf(dir, sizeof dir, "%s", path);
        } else {
            const char *slash = strrchr(path, '/');
            if (slash)
                snprintf(dir, sizeof dir, "%.*s", (int)(slash > path ? slash - path : 1), path);
            else
                snprintf(dir, sizeof dir, ".");
        }
        size_t n = strlen(dir);
        while (n > 1 && dir[n - 1] == '/')
            dir[--n] = '\0';
        /* What may be read: the git work tree holding the module (modules
         * usually sit in ../../modules), else its directory; --include-root
         * widens it, as it does for $INCLUDE. */
        struct zl_root root;
        bool explicit_root = f->opts->include_root &&
                             zl_root_from_dir(f->opts->include_root, ZL_ROOT_EXPLICIT, &root) == 0;
        bool have_root = explicit_root || zl_root_default(dir, &root) == 0;
        if (have_root && root.kind == ZL_ROOT_DIR && !realpath(dir, root.phys)) /* no work tree: the module's own */
            have_root = false;
        if (have_root) {
            R->root_real = zl_xstrdup(root.phys);
            zl_root_describe(&root, dir, R->root_desc, sizeof R->root_desc);
        }
        R->root_dir = dir;
        R->root = zl_tf_module_load(R, dir, NULL, NULL);
        if (!R->root) {
            struct zl_span s = { f->src, 1, 1, 1, 2 };
            zl_fmt_error(f, &s, "cannot read the Terraform module in '%s': %s", dir, strerror(errno));
        }
    }
    if (R->root) {
        struct zl_tf_emit X;
        memset(&X, 0, sizeof X);
        X.f = f;
        X.E = &R->E;
        map_module(R, &X, R->root);
        report_unevaluated(R);
    }
    zl_tf_reader_free(R);
    free(R);
}

/* The reader table's entry (src/input/readers.def): the module of f->path
 * (a directory, or a .tf file's directory), or the bytes when there is no
 * path (stdin). */
void zl_read_terraform_input(struct zl_fmt *f, const char *text, size_t len)
{
    zl_read_terraform(f, f->path, f->path ? NULL : text, len);
}
