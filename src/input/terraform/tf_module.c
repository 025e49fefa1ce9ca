/* SPDX-License-Identifier: MIT */
/* Reading a Terraform module and resolving its references (tf_module.h).
 *
 * Terraform's rules followed here (developer.hashicorp.com/terraform/
 * language): a module is every *.tf and *.tf.json file of one directory;
 * the root module's variables take, last one winning, terraform.tfvars,
 * terraform.tfvars.json, then *.auto.tfvars(.json) in lexical order, over
 * the variable's default; a child module's variables take the module
 * block's arguments. count makes a list of instances, for_each over a map
 * or a set of strings a map of them, with count.index, each.key and
 * each.value bound in each. */
#include "input/terraform/tf_module.h"

#include <dirent.h>
#include <stdarg.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/fileio.h"
#include "input/exports/emit.h"
#include "input/terraform/tf_records.h"
#include "base/source.h"

/* ---- files ------------------------------------------------------------------ */

static bool under(const char *path, const char *root)
{
    size_t n = strlen(root);
    return !strncmp(path, root, n) && (path[n] == '/' || path[n] == '\0' || (n == 1 && root[0] == '/'));
}

/* Reads a confined file into the arena, or (heap) into memory the caller
 * frees. */
static int read_confined(struct zl_tf_reader *R, const char *path, char **text, size_t *len, const char **why,
                         bool heap);

int zl_tf_read_file(struct zl_tf_reader *R, const char *path, char **text, size_t *len, const char **why)
{
    return read_confined(R, path, text, len, why, false);
}

static int read_confined(struct zl_tf_reader *R, const char *path, char **text, size_t *len, const char **why,
                         bool heap)
{
    char rp[PATH_MAX];
    if (!realpath(path, rp)) {
        *why = strerror(errno);
        return -1;
    }
    if (R->root_real && !under(rp, R->root_real)) {
        *why = "it lies outside what may be read";
        return -1;
    }
    /* Through fileio: a FIFO, device or /proc file named *.tf is refused
     * before a byte is read, and a file is read at most to its size. */
    struct zl_file fh;
    enum zl_open_status st = zl_file_open(rp, ZL_HCL_MAX_FILE, &fh);
    if (st != ZL_OPEN_OK) {
        *why = st == ZL_OPEN_TOO_BIG ? "it is larger than 16 MiB"
               : st == ZL_OPEN_ERRNO ? strerror(fh.err)
                                     : "not a regular file";
        return -1;
    }
    size_t cap = (size_t)fh.size, n = 0;
    char *buf = heap ? zl_xmalloc(cap + 1) : zl_arena_alloc(&R->arena, cap + 1);
    while (n < cap) {
        long r = zl_file_read(&fh, n, buf + n, cap - n);
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    zl_file_close(&fh);
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return 0;
}

/* a + "/" + b into out; false when it does not fit. */
static bool join_path(char *out, size_t cap, const char *a, const char *b)
{
    int n = snprintf(out, cap, "%s/%s", a, b);
    return n >= 0 && (size_t)n < cap;
}

static bool ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcmp(s + n - m, suf);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void syntax_error(void *user, const struct zl_span *at, const char *msg)
{
    struct zl_tf_reader *R = user;
    zl_fmt_error(R->f, at, "%s", msg);
}

static struct zl_tf_file *add_file(struct zl_tf_reader *R, const char *shown, const char *real)
{
    struct zl_tf_file *f = zl_arena_alloc(&R->arena, sizeof *f);
    f->path = zl_arena_strndup(&R->arena, shown, strlen(shown));
    f->src = zl_source_new(R->f->opts->sources ? R->f->opts->sources : &R->f->src->next, shown);
    if (real)
        f->src->realpath = zl_xstrdup(real);
    f->src->input_format = R->f->src->input_format;
    f->src->parent = NULL;
    *R->files_tail = f;
    R->files_tail = &f->next;
    return f;
}

static struct zl_hcl_body *parse_file(struct zl_tf_reader *R, struct zl_tf_file *f)
{
    if (ends_with(f->path, ".json"))
        return zl_tfjson_body(R, f);
    struct zl_hcl_error_fn err = { syntax_error, R };
    return zl_hcl_parse(f->text, f->len, f->src, &R->arena, &err);
}

/* ---- module contents ----------------------------------------------------------- */

#define PUSH(a, n, cap)                                                        \
    do {                                                                       \
        if ((n) == (cap)) {                                                    \
            size_t c_ = (cap) ? (cap) * 2 : 8;                                 \
            void *p_ = zl_arena_alloc(&R->arena, c_ * sizeof *(a));            \
            if (n)                                                             \
                memcpy(p_, (a), (n) * sizeof *(a));                            \
            (a) = p_;                                                          \
            (cap) = c_;                                                        \
        }                                                                      \
    } while (0)

static bool is(const char *s, size_t n, const char *lit)
{
    return strlen(lit) == n && !memcmp(s, lit, n);
}

static void index_body(struct zl_tf_reader *R, struct zl_tf_module *m, struct zl_tf_file *f)
{
    const struct zl_hcl_body *b = f->body;
    for (uint32_t i = 0; b && i < b->nblocks; i++) {
        const struct zl_hcl_block *k = b->blocks[i];
        if ((is(k->type, k->tlen, "resource") || is(k->type, k->tlen, "data")) && k->nlabels == 2) {
            PUSH(m->res, m->nres, m->cres);
            struct zl_tf_res *r = &m->res[m->nres++];
            memset(r, 0, sizeof *r);
            r->block = k;
            r->type = k->labels[0];
            r->tlen = k->label_lens[0];
            r->name = k->labels[1];
            r->nlen = k->label_lens[1];
            r->data = k->type[0] == 'd';
            r->file = f;
            r->mod = m;
        } else if ((is(k->type, k->tlen, "variable") || is(k->type, k->tlen, "output") ||
                    is(k->type, k->tlen, "module")) && k->nlabels == 1) {
            struct zl_tf_named *x;
            if (k->type[0] == 'v') {
                PUSH(m->vars, m->nvars, m->cvars);
                x = &m->vars[m->nvars++];
            } else if (k->type[0] == 'o') {
                PUSH(m->outputs, m->noutputs, m->coutputs);
                x = &m->outputs[m->noutputs++];
            } else {
                PUSH(m->calls, m->ncalls, m->ccalls);
                x = &m->calls[m->ncalls++];
            }
            memset(x, 0, sizeof *x);
            x->name = k->labels[0];
            x->len = k->label_lens[0];
            x->block = k;
            x->file = f;
        } else if (is(k->type, k->tlen, "locals")) {
            for (uint32_t j = 0; j < k->body->nattrs; j++) {
                PUSH(m->locals, m->nlocals, m->clocals);
                struct zl_tf_named *x = &m->locals[m->nlocals++];
                memset(x, 0, sizeof *x);
                x->name = k->body->attrs[j]->name;
                x->len = k->body->attrs[j]->len;
                x->attr = k->body->attrs[j];
                x->file = f;
            }
        }
    }
}

static struct zl_tf_module *new_module(struct zl_tf_reader *R, const char *dir, const char *real,
                                       struct zl_tf_module *parent, struct zl_tf_named *call)
{
    struct zl_tf_module *m = zl_arena_alloc(&R->arena, sizeof *m);
    m->R = R;
    m->dir = zl_arena_strndup(&R->arena, dir, strlen(dir));
    m->real = real ? zl_arena_strndup(&R->arena, real, strlen(real)) : NULL;
    m->parent = parent;
    m->call = call;
    m->depth = parent ? parent->depth + 1 : 0;
    R->nmodules++;
    return m;
}

/* tfvars: attributes only, every value a literal (Terraform evaluates them
 * without any references). */
static void read_tfvars(struct zl_tf_reader *R, struct zl_tf_module *m, const char *dir, const char *name,
                        const char *real)
{
    char *text;
    size_t len;
    const char *why;
    char path[PATH_MAX];
    if (!join_path(path, sizeof path, dir, name) || zl_tf_read_file(R, real, &text, &len, &why) != 0)
        return;
    struct zl_tf_file *f = add_file(R, path, real);
    f->text = text;
    f->len = len;
    f->body = parse_file(R, f);
    if (!f->body)
        return;
    if (!m->tfvars)
        m->tfvars = zl_hv_new(&R->E, ZL_HV_MAP, (struct zl_span){ f->src, 1, 1, 1, 1 });
    for (uint32_t i = 0; i < f->body->nattrs; i++) {
        const struct zl_hcl_attr *a = f->body->attrs[i];
        zl_hv_put(&R->E, m->tfvars, a->name, a->len, zl_tf_eval_in(R, m, NULL, a->expr));
    }
    zl_hv_map_done(m->tfvars);
}

static bool tfvars_name(const char *n)
{
    return !strcmp(n, "terraform.tfvars") || !strcmp(n, "terraform.tfvars.json") ||
           ends_with(n, ".auto.tfvars") || ends_with(n, ".auto.tfvars.json");
}

/* terraform.tfvars first, then terraform.tfvars.json, then the auto files. */
static int tfvars_rank(const char *n)
{
    return !strcmp(n, "terraform.tfvars") ? 0 : !strcmp(n, "terraform.tfvars.json") ? 1 : 2;
}

static int cmp_tfvars(const void *a, const void *b)
{
    const char *x = *(char *const *)a, *y = *(char *const *)b;
    int d = tfvars_rank(x) - tfvars_rank(y);
    return d ? d : strcmp(x, y);
}

static void load_children(struct zl_tf_reader *R, struct zl_tf_module *m);

struct zl_tf_module *zl_tf_module_load(struct zl_tf_reader *R, const char *dir, struct zl_tf_module *parent,
                                       struct zl_tf_named *call)
{
    char real[PATH_MAX];
    if (!realpath(dir, real))
        return NULL;
    if (R->root_real && !under(real, R->root_real))
        return NULL;
    DIR *d = opendir(real);
    if (!d)
        return NULL;
    char **tf = NULL, **vars = NULL;
    size_t ntf = 0, ctf = 0, nvars = 0, cvars = 0;
    struct dirent *e;
    while ((e = readdir(d)) && ntf + nvars < ZL_TF_MAX_FILES) {
        const char *n = e->d_name;
        if (n[0] == '.')
            continue;
        if (ends_with(n, ".tf") || ends_with(n, ".tf.json")) {
            PUSH(tf, ntf, ctf);
            tf[ntf++] = zl_arena_strndup(&R->arena, n, strlen(n));
        } else if (!parent && tfvars_name(n)) {
            PUSH(vars, nvars, cvars);
            vars[nvars++] = zl_arena_strndup(&R->arena, n, strlen(n));
        }
    }
    closedir(d);
    if (ntf > 1)
        qsort(tf, ntf, sizeof *tf, cmp_names);
    struct zl_tf_module *m = new_module(R, dir, real, parent, call);
    for (size_t i = 0; i < ntf; i++) {
        char path[PATH_MAX], rp[PATH_MAX];
        if (!strcmp(dir, "."))
            snprintf(path, sizeof path, "%s", tf[i]);
        else if (!join_path(path, sizeof path, dir, tf[i]))
            continue;
        if (!join_path(rp, sizeof rp, real, tf[i]))
            continue;
        char *text;
        size_t len;
        const char *why;
        if (zl_tf_read_file(R, rp, &text, &len, &why) != 0) {
            /* never skipped in silence: its records would be missing */
            struct zl_tf_file *bad = add_file(R, path, NULL);
            struct zl_span at = { bad->src, 0, 0, 0, 0 };
            R->f->res->io_error = true;
            zl_fmt_report(R->f, ZL_RULE_ZL1000, &at, "cannot read this file of the Terraform module: %s", why);
            continue;
        }
        struct zl_tf_file *f = add_file(R, path, rp);
        f->text = text;
        f->len = len;
        f->body = parse_file(R, f);
        index_body(R, m, f);
        /* files of a module listed in order */
        f->next = NULL;
    }
    if (nvars > 1)
        qsort(vars, nvars, sizeof *vars, cmp_tfvars);
    for (size_t i = 0; i < nvars; i++) {
        char rp[PATH_MAX];
        if (!join_path(rp, sizeof rp, real, vars[i]))
            continue;
        read_tfvars(R, m, strcmp(dir, ".") ? dir : ".", vars[i], rp);
    }
    load_children(R, m);
    return m;
}

struct zl_tf_module *zl_tf_module_from_memory(struct zl_tf_reader *R, const char *name, const char *text,
                                              size_t len)
{
    struct zl_tf_module *m = new_module(R, ".", NULL, NULL, NULL);
    struct zl_tf_file *f = zl_arena_alloc(&R->arena, sizeof *f);
    f->path = zl_arena_strndup(&R->arena, name, strlen(name));
    f->src = R->f->src;
    f->text = zl_arena_strndup(&R->arena, text, len);
    f->len = len;
    *R->files_tail = f;
    R->files_tail = &f->next;
    f->body = parse_file(R, f);
    index_body(R, m, f);
    return m;
}

/* ---- which modules hold DNS resources ---------------------------------------------
 * Decided from the text before a module is read: a directory may hold DNS
 * resources when a word of one of its files is a DNS record type (mapped
 * or not), or a local path in it names a directory that may (module
 * sources are literal strings in Terraform). Words, not parsed blocks: a
 * quote in a comment cannot hide a type, and a type named in a comment
 * only makes the module read, as every module was. */

struct zl_tf_dirscan {
    char *real;
    int state;                   /* 1: being scanned, 2: no DNS, 3: may hold DNS */
    struct zl_tf_dirscan *next;
};

static bool word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static bool scan_dir(struct zl_tf_reader *R, const char *real, unsigned depth);

/* A local module source written in text: source = "./x" (HCL) or
 * "source": "./x" (JSON), from just after the word. */
static bool scan_source(struct zl_tf_reader *R, const char *dir, const char *t, size_t n, size_t i,
                        unsigned depth)
{
    if (i < n && t[i] == '"')
        i++;
    while (i < n && (t[i] == ' ' || t[i] == '\t'))
        i++;
    if (i >= n || (t[i] != '=' && t[i] != ':'))
        return false;
    for (i++; i < n && (t[i] == ' ' || t[i] == '\t'); i++)
        ;
    if (i >= n || t[i] != '"')
        return false;
    size_t a = ++i;
    while (i < n && t[i] != '"' && t[i] != '\n')
        i++;
    size_t len = i - a;
    if (!(len >= 2 && !strncmp(t + a, "./", 2)) && !(len >= 3 && !strncmp(t + a, "../", 3)))
        return false;
    char path[PATH_MAX], real[PATH_MAX];
    int k = snprintf(path, sizeof path, "%s/%.*s", dir, (int)len, t + a);
    if (k < 0 || (size_t)k >= sizeof path || !realpath(path, real))
        return false;
    if (R->root_real && !under(real, R->root_real))
        return false;
    return scan_dir(R, real, depth + 1);
}

static bool scan_text(struct zl_tf_reader *R, const char *dir, const char *t, size_t n, unsigned depth)
{
    for (size_t i = 0; i < n;) {
        if (!word_char(t[i])) {
            i++;
            continue;
        }
        size_t a = i;
        while (i < n && word_char(t[i]))
            i++;
        if (a > 0 && word_char(t[a - 1]))
            continue;
        size_t len = i - a;
        if (zl_tf_is_record_type(t + a, len) || zl_tf_is_unmapped_dns_type(t + a, len))
            return true;
        if (len == 6 && !memcmp(t + a, "source", 6) && scan_source(R, dir, t, n, i, depth))
            return true;
    }
    return false;
}

static bool scan_dir(struct zl_tf_reader *R, const char *real, unsigned depth)
{
    for (struct zl_tf_dirscan *d = R->scans; d; d = d->next)
        if (!strcmp(d->real, real))
            return d->state == 3; /* being scanned: a loop adds nothing */
    /* bounded: past it, as if a directory held DNS resources (the module
     * bounds then apply) */
    if (R->nscans >= ZL_TF_MAX_SCANS)
        return true;
    R->nscans++;
    struct zl_tf_dirscan *d = zl_arena_alloc(&R->arena, sizeof *d);
    d->real = zl_arena_strndup(&R->arena, real, strlen(real));
    d->state = 1;
    d->next = R->scans;
    R->scans = d;
    bool dns = false;
    DIR *dh = depth > 2 * ZL_TF_MAX_MODULE_DEPTH ? NULL : opendir(real);
    if (!dh)
        dns = true; /* not known: as if it did */
    size_t files = 0;
    struct dirent *e;
    while (dh && !dns && (e = readdir(dh)) && files < ZL_TF_MAX_FILES) {
        const char *n = e->d_name;
        if (n[0] == '.' || !(ends_with(n, ".tf") || ends_with(n, ".tf.json")))
            continue;
        files++;
        char path[PATH_MAX];
        char *text;
        size_t len;
        const char *why;
        if (!join_path(path, sizeof path, real, n))
            continue;
        if (read_confined(R, path, &text, &len, &why, true) != 0) {
            dns = true; /* reading it will say why */
            continue;
        }
        dns = scan_text(R, real, text, len, depth);
        free(text);
    }
    if (dh)
        closedir(dh);
    d->state = dns ? 3 : 2;
    return dns;
}

/* ---- child modules ----------------------------------------------------------------- */

static void skipped(struct zl_tf_reader *R, const struct zl_tf_named *c, struct zl_span at, bool dns,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void skipped(struct zl_tf_reader *R, const struct zl_tf_named *c, struct zl_span at, bool dns,
                    const char *fmt, ...)
{
    struct zl_tf_skip *k = zl_arena_alloc(&R->arena, sizeof *k);
    memset(k, 0, sizeof *k);
    k->name = c->name;
    k->len = c->len;
    k->at = at;
    k->dns = dns;
    struct zl_buf b = { 0 };
    va_list ap;
    va_start(ap, fmt);
    zl_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    k->why = zl_arena_strndup(&R->arena, zl_buf_cstr(&b), b.len);
    zl_buf_free(&b);
    *R->skipped_tail = k;
    R->skipped_tail = &k->next;
}

/* Reads the local module of call c in m, within the bounds. */
static void load_call(struct zl_tf_reader *R, struct zl_tf_module *m, struct zl_tf_named *c, bool dns)
{
    c->tried = true;
    if (m->depth + 1 > ZL_TF_MAX_MODULE_DEPTH || R->nmodules >= ZL_TF_MAX_MODULES) {
        /* one that holds no DNS resources only makes values unknown, and
         * the records built from them say so */
        if (dns) {
            const struct zl_hcl_attr *src = zl_hcl_attr_get(c->block->body, "source");
            skipped(R, c, src ? src->span : c->block->span, true, "module '%.*s' (%s)", (int)c->len, c->name,
                    c->child_dir);
        }
        return;
    }
    c->child = zl_tf_module_load(R, c->child_dir, m, c);
    if (!c->child && dns) {
        const struct zl_hcl_attr *src = zl_hcl_attr_get(c->block->body, "source");
        skipped(R, c, src ? src->span : c->block->span, false, "module '%.*s': its directory '%s' cannot be read (%s)",
                (int)c->len, c->name, c->child_dir, strerror(errno));
    }
}

/* module "x" { source = "./modules/ses" }: read when the source is a local
 * path inside the tree (Terraform: a source starting with ./ or ../); now
 * when it may hold DNS resources, else when its outputs are needed. */
static void load_children(struct zl_tf_reader *R, struct zl_tf_module *m)
{
    for (size_t i = 0; i < m->ncalls; i++) {
        struct zl_tf_named *c = &m->calls[i];
        const struct zl_hcl_attr *src = zl_hcl_attr_get(c->block->body, "source");
        if (!src)
            continue;
        const struct zl_hv *v = zl_tf_eval_in(R, m, NULL, src->expr);
        if (v->kind != ZL_HV_STR || !(strncmp(v->s, "./", 2) == 0 || strncmp(v->s, "../", 3) == 0))
            continue;
        char dir[PATH_MAX], real[PATH_MAX];
        if (!join_path(dir, sizeof dir, m->dir, v->s))
            continue;
        /* tidy "./x/./y" for display */
        char shown[PATH_MAX];
        size_t k = 0;
        for (size_t j = 0; dir[j] && k + 1 < sizeof shown; j++) {
            if (dir[j] == '.' && dir[j + 1] == '/' && (j == 0 || dir[j - 1] == '/')) {
                j++;
                continue;
            }
            shown[k++] = dir[j];
        }
        shown[k] = '\0';
        while (k > 1 && shown[k - 1] == '/')
            shown[--k] = '\0';
        if (!realpath(dir, real)) {
            skipped(R, c, src->span, false, "module '%.*s': its source '%s' cannot be read (%s)", (int)c->len,
                    c->name, v->s, strerror(errno));
            continue;
        }
        if (R->root_real && !under(real, R->root_real)) {
            skipped(R, c, src->span, false,
                    "module '%.*s': its source '%s' lies outside %s, which is all zonelint reads; "
                    "its records are not checked (--include-root widens it)",
                    (int)c->len, c->name, v->s, R->root_desc[0] ? R->root_desc : "the directory read");
            continue;
        }
        bool loop = false;
        for (struct zl_tf_module *p = m; p; p = p->parent)
            if (p->real && !strcmp(p->real, real))
                loop = true;
        if (loop)
            continue;
        c->child_dir = zl_arena_strndup(&R->arena, shown, strlen(shown));
        if (scan_dir(R, real, m->depth + 1))
            load_call(R, m, c, true);
    }
}

/* ---- references ------------------------------------------------------------------ */

enum ref_kind { REF_VAR, REF_LOCAL, REF_DATA, REF_DATA_TYPE, REF_RES_TYPE, REF_MODULE };

struct ref {
    enum ref_kind kind;
    struct zl_tf_module *mod;
    const char *type;
    size_t tlen;
};

static const struct zl_hv *make_ref(struct zl_hcl_eval *E, struct zl_tf_module *m, enum ref_kind k,
                                    const char *type, size_t tlen, struct zl_span at)
{
    struct zl_hv *v = zl_hv_new(E, ZL_HV_REF, at);
    struct ref *r = zl_arena_alloc(E->arena, sizeof *r);
    r->kind = k;
    r->mod = m;
    r->type = type;
    r->tlen = tlen;
    v->ref = r;
    return v;
}

static const struct zl_hv *r_root(struct zl_hcl_eval *E, const struct zl_hcl_node *var)
{
    struct zl_tf_reader *R = E->res->user;
    struct zl_tf_module *m = R->cur;
    if (!m)
        return zl_hv_unknown(E, var->span);
    if (is(var->s, var->len, "var"))
        return make_ref(E, m, REF_VAR, NULL, 0, var->span);
    if (is(var->s, var->len, "local"))
        return make_ref(E, m, REF_LOCAL, NULL, 0, var->span);
    if (is(var->s, var->len, "data"))
        return make_ref(E, m, REF_DATA, NULL, 0, var->span);
    if (is(var->s, var->len, "module"))
        return make_ref(E, m, REF_MODULE, NULL, 0, var->span);
    for (size_t i = 0; i < m->nres; i++)
        if (!m->res[i].data && m->res[i].tlen == var->len && !memcmp(m->res[i].type, var->s, var->len))
            return make_ref(E, m, REF_RES_TYPE, var->s, var->len, var->span);
    return zl_hv_unknown(E, var->span); /* path., terraform., self., unknown names */
}

static const struct zl_hv *var_value(struct zl_tf_reader *R, struct zl_tf_module *m, struct zl_tf_named *v,
                                     struct zl_span at)
{
    if (v->state == 2)
        return v->value;
    if (v->state == 1)
        return zl_hv_unknown(&R->E, at);
    v->state = 1;
    const struct zl_hv *val = NULL;
    if (m->call) {
        const struct zl_hcl_attr *a = zl_hcl_attr_get(m->call->block->body, v->name);
        if (a && v->len == a->len)
            val = zl_tf_eval_in(R, m->parent, NULL, a->expr);
    } else if (m->tfvars) {
        val = zl_hv_get(m->tfvars, v->name, v->len);
    }
    if (!val) {
        const struct zl_hcl_attr *d = zl_hcl_attr_get(v->block->body, "default");
        /* Without a default the value comes from the command line or the
         * environment: unknown here. */
        val = d ? zl_tf_eval_in(R, m, NULL, d->expr) : zl_hv_unknown(&R->E, v->block->span);
    }
    v->value = val;
    v->state = 2;
    return val;
}

static const struct zl_hv *local_value(struct zl_tf_reader *R, struct zl_tf_module *m, struct zl_tf_named *l,
                                       struct zl_span at)
{
    if (l->state == 2)
        return l->value;
    if (l->state == 1)
        return zl_hv_unknown(&R->E, at);
    l->state = 1;
    l->value = zl_tf_eval_in(R, m, NULL, l->attr->expr);
    l->state = 2;
    return l->value;
}

static const struct zl_hv *module_outputs(struct zl_tf_reader *R, struct zl_tf_module *m, struct zl_tf_named *c,
                                         struct zl_span at)
{
    if (c->state == 2)
        return c->value;
    if (!c->child && c->child_dir && !c->tried)
        load_call(R, m, c, false); /* a module without DNS resources: its outputs are needed now */
    if (!c->child || c->state == 1 || zl_hcl_attr_get(c->block->body, "count") ||
        zl_hcl_attr_get(c->block->body, "for_each"))
        return zl_hv_unknown(&R->E, at);
    c->state = 1;
    struct zl_hv *o = zl_hv_new(&R->E, ZL_HV_MAP, at);
    for (size_t i = 0; i < c->child->noutputs; i++) {
        struct zl_tf_named *out = &c->child->outputs[i];
        const struct zl_hcl_attr *v = zl_hcl_attr_get(out->block->body, "value");
        zl_hv_put(&R->E, o, out->name, out->len,
                  v ? zl_tf_eval_in(R, c->child, NULL, v->expr) : zl_hv_unknown(&R->E, out->block->span));
    }
    zl_hv_map_done(o);
    c->value = o;
    c->state = 2;
    return o;
}

static struct zl_tf_named *find_named(struct zl_tf_named *v, size_t n, const char *name, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].len == len && !memcmp(v[i].name, name, len))
            return &v[i];
    return NULL;
}

static const struct zl_hv *r_attr(struct zl_hcl_eval *E, const struct zl_hv *refv, const char *name, size_t len,
                                  struct zl_span at)
{
    struct zl_tf_reader *R = E->res->user;
    const struct ref *ref = refv->ref;
    struct zl_tf_module *m = ref->mod;
    struct zl_tf_named *x;
    switch (ref->kind) {
    case REF_VAR:
        x = find_named(m->vars, m->nvars, name, len);
        return x ? var_value(R, m, x, at) : zl_hv_unknown(E, at);
    case REF_LOCAL:
        x = find_named(m->locals, m->nlocals, name, len);
        return x ? local_value(R, m, x, at) : zl_hv_unknown(E, at);
    case REF_MODULE:
        x = find_named(m->calls, m->ncalls, name, len);
        return x ? module_outputs(R, m, x, at) : zl_hv_unknown(E, at);
    case REF_DATA:
        return make_ref(E, m, REF_DATA_TYPE, name, len, at);
    case REF_DATA_TYPE:
    case REF_RES_TYPE: {
        bool data = ref->kind == REF_DATA_TYPE;
        for (size_t i = 0; i < m->nres; i++) {
            struct zl_tf_res *r = &m->res[i];
            if (r->data == data && r->tlen == ref->tlen && !memcmp(r->type, ref->type, r->tlen) &&
                r->nlen == len && !memcmp(r->name, name, len))
                return zl_tf_res_value(R, r);
        }
        return zl_hv_unknown(E, at);
    }
    }
    return zl_hv_unknown(E, at);
}

static const struct zl_hv *r_index(struct zl_hcl_eval *E, const struct zl_hv *ref, const struct zl_hv *key,
                                   struct zl_span at)
{
    (void)ref;
    (void)key;
    return zl_hv_unknown(E, at);
}

const struct zl_hv *zl_tf_eval_in(struct zl_tf_reader *R, struct zl_tf_module *m, const struct zl_hcl_scope *s,
                                  const struct zl_hcl_node *n)
{
    struct zl_tf_module *saved_mod = R->cur;
    const struct zl_hcl_scope *saved_scope = R->E.scope;
    R->cur = m;
    R->E.scope = s;
    const struct zl_hv *v = zl_hcl_eval(&R->E, n);
    /* A reference left half way (var alone) is not a value. */
    if (v->kind == ZL_HV_REF)
        v = zl_hv_unknown(&R->E, n->span);
    R->cur = saved_mod;
    R->E.scope = saved_scope;
    return v;
}

/* ---- resources ------------------------------------------------------------------- */

static const struct zl_hv *body_object(struct zl_tf_reader *R, struct zl_tf_module *m, const struct zl_hcl_scope *s,
                                       const struct zl_hcl_body *b, struct zl_span at, unsigned depth)
{
    struct zl_hv *o = zl_hv_new(&R->E, ZL_HV_MAP, at);
    for (uint32_t i = 0; i < b->nattrs; i++) {
        const struct zl_hcl_attr *a = b->attrs[i];
        if (is(a->name, a->len, "count") || is(a->name, a->len, "for_each"))
            continue;
        zl_hv_put(&R->E, o, a->name, a->len, zl_tf_eval_in(R, m, s, a->expr));
    }
    for (uint32_t i = 0; i < b->nblocks && depth < 8; i++) {
        const struct zl_hcl_block *k = b->blocks[i];
        if (is(k->type, k->tlen, "lifecycle") || is(k->type, k->tlen, "provisioner") ||
            is(k->type, k->tlen, "connection"))
            continue;
        if (is(k->type, k->tlen, "dynamic")) {
            if (k->nlabels == 1)
                zl_hv_put(&R->E, o, k->labels[0], k->label_lens[0], zl_hv_unknown(&R->E, k->span));
            continue;
        }
        struct zl_hv *list = (struct zl_hv *)zl_hv_get(o, k->type, k->tlen);
        if (!list || list->kind != ZL_HV_LIST) {
            list = zl_hv_new(&R->E, ZL_HV_LIST, k->span);
            zl_hv_put(&R->E, o, k->type, k->tlen, list);
        }
        zl_hv_push(&R->E, list, body_object(R, m, s, k->body, k->span, depth + 1));
    }
    zl_hv_map_done(o);
    return o;
}

static const struct zl_hv *instance(struct zl_tf_reader *R, struct zl_tf_res *r, const struct zl_hcl_scope *s)
{
    struct zl_hv *o = (struct zl_hv *)body_object(R, r->mod, s, r->block->body, r->block->span, 0);
    zl_tf_computed(&R->E, r->type, r->tlen, r->data, o);
    return o;
}

static const struct zl_hv *build_instances(struct zl_tf_reader *R, struct zl_tf_res *r)
{
    struct zl_hcl_eval *E = &R->E;
    const struct zl_hcl_attr *count = zl_hcl_attr_get(r->block->body, "count");
    const struct zl_hcl_attr *each = zl_hcl_attr_get(r->block->body, "for_each");
    if (count) {
        const struct zl_hv *n = zl_tf_eval_in(R, r->mod, NULL, count->expr);
        if (n->kind != ZL_HV_NUM || n->num < 0 || n->num > ZL_TF_MAX_INSTANCES || n->num != (double)(long)n->num)
            return zl_hv_unknown(E, count->span);
        struct zl_hv *list = zl_hv_new(E, ZL_HV_LIST, r->block->span);
        for (long i = 0; i < (long)n->num; i++) {
            struct zl_hv *c = zl_hv_new(E, ZL_HV_MAP, count->span);
            zl_hv_put(E, c, "index", 5, zl_hv_num(E, (double)i, count->span));
            struct zl_hcl_scope sc = { "count", 5, c, NULL };
            zl_hv_push(E, list, instance(R, r, &sc));
        }
        return list;
    }
    if (each) {
        const struct zl_hv *coll = zl_tf_eval_in(R, r->mod, NULL, each->expr);
        if ((coll->kind != ZL_HV_MAP && coll->kind != ZL_HV_LIST) || coll->n > ZL_TF_MAX_INSTANCES)
            return zl_hv_unknown(E, each->span);
        struct zl_hv *map = zl_hv_new(E, ZL_HV_MAP, r->block->span);
        for (uint32_t i = 0; i < coll->n; i++) {
            const struct zl_hv *key;
            const struct zl_hv *val;
            if (coll->kind == ZL_HV_MAP) {
                key = zl_hv_str(E, coll->keys[i], coll->klens[i], each->span, false);
                val = coll->items[i];
            } else {
                /* a set of strings: each.key and each.value are the element */
                key = zl_hv_to_str(E, coll->items[i]);
                if (!key)
                    return zl_hv_unknown(E, each->span);
                val = coll->items[i];
            }
            struct zl_hv *e = zl_hv_new(E, ZL_HV_MAP, each->span);
            zl_hv_put(E, e, "key", 3, key);
            zl_hv_put(E, e, "value", 5, val);
            zl_hv_map_done(e);
            struct zl_hcl_scope sc = { "each", 4, e, NULL };
            zl_hv_put(E, map, key->s, key->len, instance(R, r, &sc));
        }
        zl_hv_map_done(map);
        return map;
    }
    return instance(R, r, NULL);
}

const struct zl_hv *zl_tf_res_value(struct zl_tf_reader *R, struct zl_tf_res *r)
{
    if (r->state == 2)
        return r->value;
    if (r->state == 1)
        return zl_hv_unknown(&R->E, r->block->span);
    r->state = 1;
    r->value = build_instances(R, r);
    r->state = 2;
    return r->value;
}

/* ---- reader ---------------------------------------------------------------------- */

void zl_tf_reader_init(struct zl_tf_reader *R, struct zl_fmt *f)
{
    memset(R, 0, sizeof *R);
    R->f = f;
    R->files_tail = &R->files;
    R->skipped_tail = &R->skipped;
    R->arena.limit = 256u * 1024 * 1024;
    R->E.arena = &R->arena;
    R->resolver.root = r_root;
    R->resolver.attr = r_attr;
    R->resolver.index = r_index;
    R->resolver.user = R;
    R->E.res = &R->resolver;
}

void zl_tf_reader_free(struct zl_tf_reader *R)
{
    zl_tfjson_free(R);
    free(R->root_real);
    zl_arena_free(&R->arena);
}
