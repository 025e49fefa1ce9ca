/* SPDX-License-Identifier: MIT */
/* gensenders: reads the sender packs (senders/NAME.yaml) with the loader the
 * binary uses for user packs, and writes them as a const C table, so the
 * installed binary needs no data files and a broken pack breaks the build
 * (file:line:col: error: ...), not a user's run.
 *
 *   gensenders -o build/senders_builtin.c senders/a.yaml senders/b.yaml ...  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint/senders.h"

static void put_str(FILE *f, const char *s)
{
    if (!s) {
        fputs("NULL", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n\"\n        \"", f);
        else if (*p < 0x20 || *p >= 0x7f)
            fprintf(f, "\\%03o", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

static void put_list(FILE *f, const char *name, const char *const *v, size_t n)
{
    if (!n)
        return;
    fprintf(f, "static const char *const %s[] = {", name);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : " ", f);
        put_str(f, v[i]);
    }
    fputs(" };\n", f);
}

static void emit_pack(FILE *f, size_t k, const struct zl_sender_pack *p)
{
    char nm[64];
    if (p->ncaptures) {
        fprintf(f, "static const struct zl_sender_capture p%zu_caps[] = {\n", k);
        for (size_t i = 0; i < p->ncaptures; i++) {
            const struct zl_sender_capture *c = &p->captures[i];
            fputs("    { ", f);
            put_str(f, c->name);
            fputs(", ", f);
            put_str(f, c->pattern);
            fputs(", ", f);
            put_str(f, c->fallback);
            fprintf(f, ", %u, ", c->kind);
            put_str(f, c->about);
            fputs(" },\n", f);
        }
        fputs("};\n", f);
    }
    for (size_t e = 0; e < p->nentries; e++) {
        const struct zl_sender_entry *x = &p->entries[e];
        snprintf(nm, sizeof nm, "p%zu_e%zu_same", k, e);
        put_list(f, nm, x->same, x->nsame);
        snprintf(nm, sizeof nm, "p%zu_e%zu_domains", k, e);
        put_list(f, nm, x->domains, x->ndomains);
        snprintf(nm, sizeof nm, "p%zu_e%zu_members", k, e);
        put_list(f, nm, x->set_members, x->nset_members);
        for (size_t m = 0; m < x->nmaps; m++) {
            snprintf(nm, sizeof nm, "p%zu_e%zu_m%zu_pairs", k, e, m);
            put_list(f, nm, x->maps[m].pairs, x->maps[m].npairs);
        }
        if (x->nmaps) {
            fprintf(f, "static const struct zl_sender_map p%zu_e%zu_maps[] = {\n", k, e);
            for (size_t m = 0; m < x->nmaps; m++) {
                fputs("    { ", f);
                put_str(f, x->maps[m].from);
                fputs(", ", f);
                put_str(f, x->maps[m].to);
                fprintf(f, ", p%zu_e%zu_m%zu_pairs, %u },\n", k, e, m, x->maps[m].npairs);
            }
            fputs("};\n", f);
        }
    }
    fprintf(f, "static const struct zl_sender_entry p%zu_entries[] = {\n", k);
    for (size_t e = 0; e < p->nentries; e++) {
        const struct zl_sender_entry *x = &p->entries[e];
        fputs("    {\n        .id = ", f);
        put_str(f, x->id);
        fprintf(f, ", .role = %u, .proxy = %u, .type = %u,\n        .owner = ", x->role, x->proxy, x->type);
        put_str(f, x->owner);
        fputs(", .default_owner = ", f);
        put_str(f, x->default_owner);
        fputs(",\n        .value = ", f);
        put_str(f, x->value);
        fputs(",\n        .shows = ", f);
        put_str(f, x->shows);
        if (x->ndomains)
            fprintf(f, ",\n        .domains = p%zu_e%zu_domains, .ndomains = %u", k, e, x->ndomains);
        fputs(",\n        .prefix = ", f);
        put_str(f, x->prefix);
        if (x->nsame)
            fprintf(f, ",\n        .same = p%zu_e%zu_same, .nsame = %u", k, e, x->nsame);
        if (x->set_capture) {
            fputs(",\n        .set_capture = ", f);
            put_str(f, x->set_capture);
        }
        if (x->nset_members)
            fprintf(f, ", .set_members = p%zu_e%zu_members, .nset_members = %u", k, e, x->nset_members);
        if (x->set_count)
            fprintf(f, ", .set_count = %u", x->set_count);
        if (x->nmaps)
            fprintf(f, ",\n        .maps = p%zu_e%zu_maps, .nmaps = %u", k, e, x->nmaps);
        fprintf(f, ",\n        .required = %s, .context = %s, .line = %u,\n        .source = ",
                x->required ? "true" : "false", x->context ? "true" : "false", x->line);
        put_str(f, x->source);
        fputs(",\n    },\n", f);
    }
    fputs("};\n", f);
    snprintf(nm, sizeof nm, "p%zu_sources", k);
    put_list(f, nm, p->sources, p->nsources);
}

static void emit_head(FILE *f, size_t k, const struct zl_sender_pack *p)
{
    fputs("    {\n        .id = ", f);
    put_str(f, p->id);
    fputs(", .name = ", f);
    put_str(f, p->name);
    fputs(",\n        .about = ", f);
    put_str(f, p->about);
    fputs(",\n        .file = ", f);
    put_str(f, p->file);
    fputs(", .based_on = ", f);
    put_str(f, p->based_on);
    fputs(", .anchor = ", f);
    put_str(f, p->anchor);
    fputs(",\n        .example = ", f);
    put_str(f, p->example);
    fprintf(f, ",\n        .classify_only = %s,\n", p->classify_only ? "true" : "false");
    if (p->ncaptures)
        fprintf(f, "        .captures = p%zu_caps, .ncaptures = %u,\n", k, p->ncaptures);
    fprintf(f, "        .entries = p%zu_entries, .nentries = %u,\n", k, p->nentries);
    if (p->nsources)
        fprintf(f, "        .sources = p%zu_sources, .nsources = %u,\n", k, p->nsources);
    fputs("    },\n", f);
}

static int by_id(const void *a, const void *b)
{
    const struct zl_sender_pack *x = *(const struct zl_sender_pack *const *)a;
    const struct zl_sender_pack *y = *(const struct zl_sender_pack *const *)b;
    return strcmp(x->id, y->id);
}

int main(int argc, char **argv)
{
    if (argc < 3 || strcmp(argv[1], "-o") != 0) {
        fprintf(stderr, "usage: gensenders -o OUT.c PACK.yaml...\n");
        return 2;
    }
    const char *out = argv[2];
    size_t n = (size_t)argc - 3;
    struct zl_sender_pack **packs = calloc(n ? n : 1, sizeof *packs);
    if (!packs)
        return 2;
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        struct zl_sender_error err;
        if (zl_sender_pack_load(argv[i + 3], &packs[i], &err) != 0) {
            fprintf(stderr, "%s:%u:%u: error: %s\n", err.file, err.line, err.col, err.msg);
            status = 1;
            continue;
        }
        for (size_t j = 0; j < i; j++)
            if (packs[j] && strcmp(packs[j]->id, packs[i]->id) == 0) {
                fprintf(stderr, "%s:1:1: error: sender '%s' is also defined in %s\n", argv[i + 3],
                        packs[i]->id, packs[j]->file);
                status = 1;
            }
    }
    if (status == 0 && n)
        qsort(packs, n, sizeof *packs, by_id);
    FILE *f = status ? NULL : fopen(out, "w");
    if (status == 0 && !f) {
        perror(out);
        status = 1;
    }
    if (f) {
        fputs("/* Generated by tools/gensenders.c from the sender packs (senders/): do not edit. */\n"
              "#include <stdbool.h>\n#include <stddef.h>\n\n#include \"lint/senders.h\"\n\n",
              f);
        for (size_t i = 0; i < n; i++)
            emit_pack(f, i, packs[i]);
        if (n) {
            fputs("\nconst struct zl_sender_pack zl_senders_builtin[] = {\n", f);
            for (size_t i = 0; i < n; i++)
                emit_head(f, i, packs[i]);
            fputs("};\n", f);
        } else {
            fputs("const struct zl_sender_pack zl_senders_builtin[1];\n", f);
        }
        fprintf(f, "const size_t zl_senders_builtin_count = %zu;\n", n);
        if (fclose(f) != 0) {
            perror(out);
            status = 1;
        }
    }
    for (size_t i = 0; i < n; i++)
        zl_sender_pack_free(packs[i]);
    free(packs);
    if (status)
        remove(out);
    return status;
}
