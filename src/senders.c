/* The sender-pack registry: the built-in packs, packs loaded from
 * directories, and their PCRE2 code, compiled on first use and kept for the
 * registry's life (one registry per process, shared by every file). */
#include "senders.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "buf.h"

struct slot {
    const struct zl_sender_pack *pack;
    struct zl_sender_pack *owned;        /* loaded from a directory: freed with the registry */
    struct zl_sender_compiled *compiled; /* nentries, NULL until first use */
};

struct zl_senders {
    struct slot *v;
    size_t n, cap;
    pcre2_match_data *md;
    uint32_t md_pairs;
};

static void push(struct zl_senders *s, const struct zl_sender_pack *p, struct zl_sender_pack *owned)
{
    long at = zl_senders_find(s, p->id, strlen(p->id));
    if (at >= 0) {
        /* A user pack replaces the built-in (or earlier) one of that id. */
        struct slot *o = &s->v[at];
        if (o->compiled) {
            for (size_t e = 0; e < o->pack->nentries; e++) {
                pcre2_code_free(o->compiled[e].owner);
                pcre2_code_free(o->compiled[e].value);
            }
            free(o->compiled);
        }
        zl_sender_pack_free(o->owned);
        o->pack = p;
        o->owned = owned;
        o->compiled = NULL;
        return;
    }
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->v = zl_xrealloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n].pack = p;
    s->v[s->n].owned = owned;
    s->v[s->n].compiled = NULL;
    s->n++;
}

struct zl_senders *zl_senders_new(void)
{
    struct zl_senders *s = zl_xcalloc(1, sizeof *s);
    for (size_t i = 0; i < zl_senders_builtin_count; i++)
        push(s, &zl_senders_builtin[i], NULL);
    return s;
}

void zl_senders_free(struct zl_senders *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        struct slot *o = &s->v[i];
        if (o->compiled) {
            for (size_t e = 0; e < o->pack->nentries; e++) {
                pcre2_code_free(o->compiled[e].owner);
                pcre2_code_free(o->compiled[e].value);
            }
            free(o->compiled);
        }
        zl_sender_pack_free(o->owned);
    }
    free(s->v);
    pcre2_match_data_free(s->md);
    free(s);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool pack_file(const char *name)
{
    size_t n = strlen(name);
    if (name[0] == '.')
        return false;
    return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) || (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

int zl_senders_load_dir(struct zl_senders *s, const char *dir, struct zl_sender_error *err)
{
    memset(err, 0, sizeof *err);
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err->file, sizeof err->file, "%s", dir);
        err->line = err->col = 1;
        snprintf(err->msg, sizeof err->msg, "cannot read the sender pack directory: %s", strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!pack_file(de->d_name))
            continue;
        if (n == 256) {
            closedir(d);
            for (size_t i = 0; i < n; i++)
                free(names[i]);
            free(names);
            snprintf(err->file, sizeof err->file, "%s", dir);
            err->line = err->col = 1;
            snprintf(err->msg, sizeof err->msg, "more than 256 sender packs in one directory");
            return -1;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            names = zl_xrealloc(names, cap * sizeof *names);
        }
        names[n++] = zl_xstrdup(de->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        struct zl_buf path = { 0 };
        zl_buf_printf(&path, "%s/%s", dir, names[i]);
        struct zl_sender_pack *p;
        if (rc == 0) {
            if (zl_sender_pack_load(zl_buf_cstr(&path), &p, err) != 0)
                rc = -1;
            else
                push(s, p, p);
        }
        zl_buf_free(&path);
        free(names[i]);
    }
    free(names);
    return rc;
}

size_t zl_senders_count(const struct zl_senders *s)
{
    return s->n;
}

const struct zl_sender_pack *zl_senders_at(const struct zl_senders *s, size_t i)
{
    return i < s->n ? s->v[i].pack : NULL;
}

bool zl_senders_is_user(const struct zl_senders *s, size_t i)
{
    return i < s->n && s->v[i].owned != NULL;
}

long zl_senders_find(const struct zl_senders *s, const char *id, size_t n)
{
    for (size_t i = 0; i < s->n; i++) {
        const char *p = s->v[i].pack->id;
        if (strlen(p) != n)
            continue;
        size_t k = 0;
        for (; k < n; k++) {
            char a = p[k], b = id[k];
            if (b >= 'A' && b <= 'Z')
                b = (char)(b - 'A' + 'a');
            if (a != b)
                break;
        }
        if (k == n)
            return (long)i;
    }
    return -1;
}

static pcre2_code *compile(const char *src)
{
    if (!src)
        return NULL;
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, 0, &code, &off, NULL);
    if (re)
        (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* an optimisation only */
    return re;
}

/* The owner template's literal text: its first label's longest run (a cheap
 * gate before the regex) and how many literal characters it has (a record
 * whose owner matches "cio{id}" is more surely that pack's than one whose
 * owner matches "@"). */
static void owner_literals(const char *t, struct zl_sender_compiled *c)
{
    c->nlabels = zl_sender_owner_labels(t);
    if (strcmp(t, "@") == 0)
        return;
    size_t best = 0, run = 0;
    bool first = true;
    for (const char *s = t; *s; s++) {
        if (*s == '{') {
            const char *e = strchr(s, '}');
            if (e) {
                s = e;
                run = 0;
                continue;
            }
        }
        if (*s == '.') {
            first = false;
            run = 0;
            continue;
        }
        c->literal++;
        run++;
        if (first && run > best && run < sizeof c->lit) {
            best = run;
            for (size_t i = 0; i < run; i++) {
                char ch = s[(long)i - (long)run + 1];
                c->lit[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
            }
            c->lit[run] = '\0';
        }
    }
}

static void want_pairs(struct zl_senders *s, const pcre2_code *re)
{
    uint32_t caps = 0;
    if (!re || pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &caps) != 0)
        return;
    if (caps + 1 > s->md_pairs) {
        pcre2_match_data_free(s->md);
        s->md_pairs = caps + 1;
        s->md = pcre2_match_data_create(s->md_pairs, NULL);
    }
}

const struct zl_sender_compiled *zl_senders_compiled(struct zl_senders *s, size_t pack, size_t entry)
{
    if (pack >= s->n)
        return NULL;
    struct slot *o = &s->v[pack];
    if (entry >= o->pack->nentries)
        return NULL;
    if (!o->compiled) {
        o->compiled = zl_xcalloc(o->pack->nentries, sizeof *o->compiled);
        for (size_t e = 0; e < o->pack->nentries; e++) {
            char *a = zl_sender_expand_owner(o->pack, o->pack->entries[e].owner);
            char *b = zl_sender_expand_value(o->pack, o->pack->entries[e].value);
            o->compiled[e].owner = compile(a);
            o->compiled[e].value = compile(b);
            owner_literals(o->pack->entries[e].owner, &o->compiled[e]);
            want_pairs(s, o->compiled[e].owner);
            want_pairs(s, o->compiled[e].value);
            free(a);
            free(b);
        }
    }
    return &o->compiled[entry];
}

bool zl_senders_match(struct zl_senders *s, const void *code, const char *subject, size_t n)
{
    if (!code)
        return false;
    if (!s->md) {
        s->md_pairs = 1;
        s->md = pcre2_match_data_create(1, NULL);
    }
    return pcre2_match(code, (PCRE2_SPTR)subject, n, 0, 0, s->md, NULL) >= 0;
}

bool zl_senders_capture(struct zl_senders *s, const void *code, const char *name, size_t *off, size_t *n)
{
    int num = pcre2_substring_number_from_name(code, (PCRE2_SPTR)name);
    if (num < 0 || !s->md || (uint32_t)num >= pcre2_get_ovector_count(s->md))
        return false;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
    if (ov[2 * num] == PCRE2_UNSET)
        return false;
    *off = ov[2 * num];
    *n = ov[2 * num + 1] - ov[2 * num];
    return true;
}
