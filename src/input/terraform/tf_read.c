/* SPDX-License-Identifier: MIT */
/* The Terraform reader: a module directory (or the directory of the .tf or
 * .tf.json file named), its local child modules, and the DNS records its
 * resources describe, each instance of count/for_each on its own, handed
 * on zone by zone (tf_zones.c). What is not checked is said once per root
 * (ZL1006): records that cannot be evaluated statically (how many, which
 * attributes, where), records whose zone is not known, local modules not
 * read; and once per module, resources of DNS providers without a mapper. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/codes.h"
#include "input/confine.h"
#include "input/exports/emit.h"
#include "input/readers.h"
#include "input/terraform/tf_detect.h"
#include "input/terraform/tf_module.h"
#include "input/terraform/tf_records.h"

/* ---- what was not checked, said once per root -------------------------------------- */

struct attr_count {
    const char *attr;
    unsigned n;
};

/* Records of one file that could not be evaluated. */
struct unevaluated {
    const char *path;
    unsigned n;
    struct zl_span first;
    struct attr_count attrs[8];
    size_t nattrs;
};

/* Resources of DNS providers zonelint does not map, per module directory. */
struct unmapped {
    const char *dir;
    unsigned n;
    struct zl_span first;
    const char *types[8];
    size_t ntypes;
    bool more;
};

struct tally {
    struct unevaluated *u;
    size_t nu, cu;
    struct attr_count attrs[8];  /* over all files */
    size_t nattrs;
    unsigned total;
    struct unmapped *m;
    size_t nm, cm;
};

static void count_attr(struct attr_count *v, size_t *n, const char *attr)
{
    for (size_t i = 0; i < *n; i++)
        if (!strcmp(v[i].attr, attr)) {
            v[i].n++;
            return;
        }
    if (*n < 8) {
        v[*n].attr = attr;
        v[(*n)++].n = 1;
    }
}

static void count_unevaluated(struct tally *T, const struct zl_tf_file *file, struct zl_span at, const char *attr)
{
    struct unevaluated *u = NULL;
    for (size_t i = 0; i < T->nu && !u; i++)
        if (!strcmp(T->u[i].path, file->path))
            u = &T->u[i];
    if (!u) {
        if (T->nu == T->cu) {
            T->cu = T->cu ? T->cu * 2 : 8;
            T->u = zl_xrealloc(T->u, T->cu * sizeof *T->u);
        }
        u = &T->u[T->nu++];
        memset(u, 0, sizeof *u);
        u->path = file->path;
        u->first = at;
    }
    u->n++;
    if (at.line < u->first.line || (at.line == u->first.line && at.col < u->first.col))
        u->first = at;
    count_attr(u->attrs, &u->nattrs, attr);
    count_attr(T->attrs, &T->nattrs, attr);
    T->total++;
}

static void count_unmapped(struct tally *T, const struct zl_tf_module *m, const struct zl_tf_res *r, struct zl_span at)
{
    const char *dir = m->real ? m->real : m->dir;
    struct unmapped *u = NULL;
    for (size_t i = 0; i < T->nm && !u; i++)
        if (!strcmp(T->m[i].dir, dir))
            u = &T->m[i];
    if (!u) {
        if (T->nm == T->cm) {
            T->cm = T->cm ? T->cm * 2 : 4;
            T->m = zl_xrealloc(T->m, T->cm * sizeof *T->m);
        }
        u = &T->m[T->nm++];
        memset(u, 0, sizeof *u);
        u->dir = dir;
        u->first = at;
    }
    u->n++;
    for (size_t i = 0; i < u->ntypes; i++)
        if (strlen(u->types[i]) == r->tlen && !memcmp(u->types[i], r->type, r->tlen))
            return;
    if (u->ntypes < 8) {
        char *t = zl_xstrndup(r->type, r->tlen);
        u->types[u->ntypes++] = t;
    } else {
        u->more = true;
    }
}

/* "its records uses", "the records of each uses", "their records (3) and
 * name (1) use" */
static void list_attrs(struct zl_buf *b, const struct attr_count *in, size_t n, unsigned total)
{
    /* most frequent first */
    struct attr_count v[8];
    memcpy(v, in, n * sizeof *v);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && v[j].n > v[j - 1].n; j--) {
            struct attr_count t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    if (total == 1) {
        zl_buf_printf(b, "its %s uses", v[0].attr);
        return;
    }
    if (n == 1) {
        zl_buf_printf(b, "the %s of each uses", v[0].attr);
        return;
    }
    zl_buf_puts(b, "their ");
    for (size_t i = 0; i < n; i++)
        zl_buf_printf(b, "%s%s (%u)", i == 0 ? "" : i + 1 == n ? " and " : ", ", v[i].attr, v[i].n);
    zl_buf_puts(b, " use");
}

static void report_unevaluated(struct zl_tf_reader *R, const struct tally *T)
{
    if (!T->total)
        return;
    struct zl_buf attrs = { 0 };
    unsigned n = T->total;
    list_attrs(&attrs, T->attrs, T->nattrs, n);
    struct zl_diag d;
    zl_diag_init(&d, ZL_RULE_ZL1006, zl_codes[ZL_RULE_ZL1006].severity, T->u[0].first,
                 "%u DNS record%s could not be evaluated without running Terraform: %s %s known only at apply "
                 "time (another resource's computed attribute, a variable without a value); rules that need %s "
                 "skipped %s",
                 n, n == 1 ? "" : "s", zl_buf_cstr(&attrs), n == 1 || T->nattrs == 1 ? "a value" : "values",
                 n == 1 ? "it" : "them", n == 1 ? "it" : "them");
    zl_buf_free(&attrs);
    /* where, when in several files */
    for (size_t i = 0; T->nu > 1 && i < T->nu; i++) {
        struct zl_buf a = { 0 };
        list_attrs(&a, T->u[i].attrs, T->u[i].nattrs, T->u[i].n);
        zl_diag_add_note(&d, "%s:%u: %u record%s: %s %s known only at apply time", T->u[i].path,
                         T->u[i].first.line, T->u[i].n, T->u[i].n == 1 ? "" : "s", zl_buf_cstr(&a),
                         T->u[i].n == 1 || T->u[i].nattrs == 1 ? "a value" : "values");
        zl_buf_free(&a);
    }
    zl_diag_add_note(&d, "lint the plan (terraform show -json) to check them with the values Terraform resolved");
    zl_fmt_emit(R->f, &d);
}

/* Resources of DNS providers without a mapper: one info per module. */
static void report_unmapped(struct zl_tf_reader *R, const struct tally *T)
{
    for (size_t i = 0; i < T->nm; i++) {
        const struct unmapped *u = &T->m[i];
        struct zl_buf types = { 0 };
        for (size_t k = 0; k < u->ntypes; k++)
            zl_buf_printf(&types, "%s%s", k ? ", " : "", u->types[k]);
        if (u->more)
            zl_buf_puts(&types, ", ...");
        /* one provider or several: the prefix before the first '_' */
        bool several = false;
        size_t p0 = strcspn(u->types[0], "_");
        for (size_t k = 1; k < u->ntypes; k++)
            several = several || strcspn(u->types[k], "_") != p0 || strncmp(u->types[k], u->types[0], p0);
        struct zl_diag d;
        zl_diag_init(&d, ZL_RULE_ZL1006, zl_codes[ZL_RULE_ZL1006].severity, u->first,
                     "%u resource%s of %s zonelint does not read %s not checked: %s", u->n, u->n == 1 ? "" : "s",
                     several ? "DNS providers" : "a DNS provider", u->n == 1 ? "is" : "are", zl_buf_cstr(&types));
        zl_buf_free(&types);
        zl_diag_add_note(&d, "zonelint reads aws_route53_record, cloudflare_record, cloudflare_dns_record, "
                             "google_dns_record_set, azurerm_dns_*_record and digitalocean_record; "
                             "lint a zone export from this provider instead");
        zl_fmt_emit(R->f, &d);
    }
}

/* Local modules not read: one finding per root; a warning when one of
 * them holds DNS resources (a bound was reached), else an info. */
static void report_skipped(struct zl_tf_reader *R)
{
    for (int dns = 1; dns >= 0; dns--) {
        unsigned n = 0;
        const struct zl_tf_skip *first = NULL;
        for (const struct zl_tf_skip *k = R->skipped; k; k = k->next)
            if (k->dns == dns && n++ == 0)
                first = k;
        if (!n)
            continue;
        struct zl_diag d;
        if (dns)
            zl_diag_init(&d, ZL_RULE_ZL1006, ZL_SEV_WARNING, first->at,
                         "%u local module%s with DNS resources %s not read (more than %d modules, or nested "
                         "deeper than %d): %s records are not checked",
                         n, n == 1 ? "" : "s", n == 1 ? "is" : "are", ZL_TF_MAX_MODULES, ZL_TF_MAX_MODULE_DEPTH,
                         n == 1 ? "its" : "their");
        else if (n == 1)
            zl_diag_init(&d, ZL_RULE_ZL1006, zl_codes[ZL_RULE_ZL1006].severity, first->at, "%s", first->why);
        else
            zl_diag_init(&d, ZL_RULE_ZL1006, zl_codes[ZL_RULE_ZL1006].severity, first->at,
                         "%u local modules are not read, so the DNS records they may hold are not checked", n);
        unsigned shown = 0;
        for (const struct zl_tf_skip *k = R->skipped; k && (dns || n > 1); k = k->next) {
            if (k->dns != dns)
                continue;
            if (shown++ == 10) {
                zl_diag_add_note(&d, "and %u more", n - 10);
                break;
            }
            const char *path = k->at.src && k->at.src->path ? k->at.src->path : "";
            zl_diag_add_note(&d, "%s:%u: %s", path, k->at.line, k->why);
        }
        zl_fmt_emit(R->f, &d);
    }
}

/* ---- mapping ------------------------------------------------------------------------ */

struct collect {
    struct zl_tf_reader *R;
    struct zl_tf_emit *X;
    struct zl_tf_batch batch;
    struct tally T;
};

static struct zl_span res_span(const struct zl_tf_res *r)
{
    struct zl_span at = r->block->type_span;
    at.end_line = r->block->label_spans[1].end_line;
    at.end_col = r->block->label_spans[1].end_col;
    return at;
}

/* Every instance of every DNS record resource, into the batch; what
 * cannot be evaluated at all (count or for_each unknown) counted. */
static void collect_module(struct collect *C, struct zl_tf_module *m)
{
    struct zl_tf_reader *R = C->R;
    for (size_t i = 0; i < m->nres; i++) {
        struct zl_tf_res *r = &m->res[i];
        if (r->data)
            continue;
        if (!zl_tf_is_record_type(r->type, r->tlen)) {
            if (zl_tf_is_unmapped_dns_type(r->type, r->tlen))
                count_unmapped(&C->T, m, r, res_span(r));
            continue;
        }
        struct zl_span at = res_span(r);
        const struct zl_hv *v = zl_tf_res_value(R, r);
        bool count = zl_hcl_attr_get(r->block->body, "count") != NULL;
        bool multi = count || zl_hcl_attr_get(r->block->body, "for_each");
        if (v->kind == ZL_HV_UNKNOWN || (multi && v->kind != ZL_HV_LIST && v->kind != ZL_HV_MAP)) {
            count_unevaluated(&C->T, r->file, at, count ? "count" : multi ? "for_each" : "its values");
            continue;
        }
        if (!multi) {
            zl_tf_batch_add(C->X, &C->batch, r->type, r->tlen, v, at, r);
            continue;
        }
        for (uint32_t k = 0; k < v->n; k++)
            zl_tf_batch_add(C->X, &C->batch, r->type, r->tlen, v->items[k], at, r);
    }
    for (size_t i = 0; i < m->ncalls; i++) {
        struct zl_tf_named *c = &m->calls[i];
        /* count/for_each on a module: its inputs per instance are not
         * evaluated here; its records still are, with what is known. */
        if (c->child)
            collect_module(C, c->child);
    }
}

static void mapped(void *ctx, const struct zl_tf_item *it, const char *why)
{
    struct collect *C = ctx;
    const struct zl_tf_res *r = it->user;
    if (why)
        count_unevaluated(&C->T, r->file, it->at, why);
}

static void map_root(struct zl_tf_reader *R)
{
    struct zl_tf_emit X;
    memset(&X, 0, sizeof X);
    X.f = R->f;
    X.E = &R->E;
    struct collect C;
    memset(&C, 0, sizeof C);
    C.R = R;
    C.X = &X;
    collect_module(&C, R->root);
    zl_tf_batch_map(&X, &C.batch, mapped, &C);
    report_skipped(R);
    report_unmapped(R, &C.T);
    report_unevaluated(R, &C.T);
    zl_tf_batch_report(&X, &C.batch);
    zl_tf_batch_free(&C.batch);
    free(C.T.u);
    for (size_t i = 0; i < C.T.nm; i++)
        for (size_t k = 0; k < C.T.m[i].ntypes; k++)
            free((char *)C.T.m[i].types[k]);
    free(C.T.m);
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
    if (R->root)
        map_root(R);
    zl_tf_reader_free(R);
    free(R);
}

/* The reader table's entry (src/input/readers.def): the module of f->path
 * (a directory, or a .tf file's directory), or the bytes when there is no
 * path (stdin) or the file is Terraform only by its content (db.zone
 * starting with 'resource "..."'): Terraform would not read it as part of
 * its directory, and reading the directory instead skipped every line. */
void zl_read_terraform_input(struct zl_fmt *f, const char *text, size_t len)
{
    struct stat st;
    bool module = f->path && ((stat(f->path, &st) == 0 && S_ISDIR(st.st_mode)) ||
                              zl_tf_name_is_module_file(f->path));
    zl_read_terraform(f, f->path, module ? NULL : text, len);
}
