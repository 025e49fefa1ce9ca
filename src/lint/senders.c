/* SPDX-License-Identifier: MIT */
/* The sender-pack registry: the built-in packs, packs loaded from
 * directories, and their PCRE2 code, compiled on first use and kept for the
 * registry's life (one registry per process, shared by every file). */
#include "lint/senders.h"

#include "input/confine.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "base/memo.h"
#include "rdata/types.h"

struct slot {
    const struct zl_sender_pack *pack;
    struct zl_sender_pack *owned;        /* loaded from a directory: freed with the registry */
    struct zl_sender_compiled *compiled; /* nentries, NULL until first use */
};

struct index {
    struct zl_sender_ref *v;
    size_t n;
};

/* Domain refs by hash: slot -> first ref of a run of equal keys (+1; 0 empty). */
struct dom_slot {
    uint64_t h;
    uint32_t first, count;
};

struct zl_senders {
    struct slot *v;
    size_t n, cap;
    struct index idx[ZL_IDX__COUNT];
    bool indexed;
    struct dom_slot *dh;
    size_t ndh;             /* power of two */
    uint64_t *tails;        /* hashes of the domains' last two labels (0: empty), ndh of them */
    bool single;            /* some domain is one label */
    /* One bit per first two bytes (lower case) of every owner literal
     * and TXT prefix; *_short: some key is shorter than two. */
    uint8_t *owner_pairs, *prefix_pairs;
    bool owner_short, prefix_short;
    pcre2_match_data *md;
    uint32_t md_pairs;
    /* (code, subject) that did not match: a failed match leaves no
     * captures anyone reads, so a kept "no" is the whole answer. */
    struct zl_memo *no_match;
    struct zl_memo *spf_none;   /* zl_senders_spf_none; NULL while empty */
    pcre2_match_context *mctx;  /* the step limit below */
    const void **spent;         /* patterns that hit it: no match from now on */
    size_t nspent;
};

/* A pack comes with the repository: a pattern that backtracks without end
 * ("(a+)+" against "aaa...!") stops after this many steps (a few ms) and
 * is not tried again, so a zone of such records costs no more than one. The
 * packs' own patterns need a few thousand on the longest values. */
#define MATCH_LIMIT 1000000u

static void drop_index(struct zl_senders *s)
{
    for (int i = 0; i < ZL_IDX__COUNT; i++) {
        free(s->idx[i].v);
        s->idx[i].v = NULL;
        s->idx[i].n = 0;
    }
    free(s->dh);
    s->dh = NULL;
    free(s->tails);
    s->tails = NULL;
    s->single = false;
    free(s->owner_pairs);
    free(s->prefix_pairs);
    s->owner_pairs = s->prefix_pairs = NULL;
    s->owner_short = s->prefix_short = false;
    s->ndh = 0;
    s->indexed = false;
    free(s->spf_none); /* a new pack's entries may match what no old one did */
    s->spf_none = NULL;
}

static void push(struct zl_senders *s, const struct zl_sender_pack *p, struct zl_sender_pack *owned)
{
    drop_index(s);
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
            if (s->no_match) /* its keys are code addresses, which may come back */
                memset(s->no_match, 0, sizeof *s->no_match);
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
    drop_index(s);
    free(s->v);
    pcre2_match_data_free(s->md);
    free(s->no_match);
    pcre2_match_context_free(s->mctx);
    free(s->spent);
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
    /* A committed `senders = DIR` may not lead out of its work tree (a link
     * to /etc): nothing there is listed or read. */
    struct zl_root root;
    char real[PATH_MAX];
    if (zl_root_default(dir, &root) == 0 && realpath(dir, real) && !zl_root_holds(&root, real)) {
        snprintf(err->file, sizeof err->file, "%s", dir);
        err->line = err->col = 1;
        snprintf(err->msg, sizeof err->msg, "the sender pack directory is a symbolic link that leads out of the %s "
                                            "holding it; not read",
                 root.kind == ZL_ROOT_TREE ? "git work tree" : "directory");
        return -1;
    }
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
            o->compiled[e].litlen = strlen(o->compiled[e].lit);
            for (size_t c = 0; c < o->pack->ncaptures && c < 32; c++) {
                char ref[48];
                snprintf(ref, sizeof ref, "{%s}", o->pack->captures[c].name);
                if (strstr(o->pack->entries[e].owner, ref))
                    o->compiled[e].owner_caps |= 1u << c;
                if (strstr(o->pack->entries[e].value, ref))
                    o->compiled[e].value_caps |= 1u << c;
            }
            want_pairs(s, o->compiled[e].owner);
            want_pairs(s, o->compiled[e].value);
            free(a);
            free(b);
        }
    }
    return &o->compiled[entry];
}

static void add_ref(struct index *x, size_t pack, size_t entry, const char *key)
{
    x->v = zl_xrealloc(x->v, (x->n + 1) * sizeof *x->v);
    x->v[x->n].pack = (uint16_t)pack;
    x->v[x->n].entry = (uint16_t)entry;
    x->v[x->n].key = key;
    x->v[x->n].keylen = key ? strlen(key) : 0;
    x->n++;
}

static int by_key(const void *a, const void *b)
{
    const struct zl_sender_ref *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    if (x->pack != y->pack)
        return x->pack < y->pack ? -1 : 1;
    return (x->entry > y->entry) - (x->entry < y->entry);
}

/* From the last byte back (senders.h): every label suffix of a host gets
 * its hash in one pass over it. */
static uint64_t key_hash(const char *s, size_t n)
{
    uint64_t h = ZL_SENDERS_HASH_INIT;
    for (size_t i = n; i-- > 0;)
        h = zl_senders_hash_byte(h, (unsigned char)s[i]);
    return h;
}

static void add_tail(struct zl_senders *s, const char *key, size_t n);
static uint8_t *key_bits(const struct index *x, bool *any_short);

static void build_index(struct zl_senders *s)
{
    for (size_t i = 0; i < s->n; i++) {
        const struct zl_sender_pack *p = s->v[i].pack;
        for (size_t e = 0; e < p->nentries; e++) {
            const struct zl_sender_entry *en = &p->entries[e];
            if (en->role == ZL_ROLE_SPF) {
                add_ref(&s->idx[ZL_IDX_SPF], i, e, NULL);
            } else if (en->type == ZL_T_CNAME || en->type == ZL_T_MX) {
                for (size_t d = 0; d < en->ndomains; d++)
                    add_ref(&s->idx[ZL_IDX_DOMAIN], i, e, en->domains[d]);
            } else if (en->prefix) {
                add_ref(&s->idx[ZL_IDX_PREFIX], i, e, en->prefix);
            } else {
                const struct zl_sender_compiled *c = zl_senders_compiled(s, i, e);
                add_ref(&s->idx[ZL_IDX_OWNER], i, e, c ? c->lit : NULL);
            }
        }
    }
    struct index *d = &s->idx[ZL_IDX_DOMAIN];
    if (d->n)
        qsort(d->v, d->n, sizeof *d->v, by_key);
    s->ndh = 16;
    while (s->ndh < 4 * d->n)
        s->ndh *= 2;
    s->dh = zl_xcalloc(s->ndh, sizeof *s->dh);
    for (size_t i = 0; i < d->n;) {
        size_t j = i + 1;
        while (j < d->n && strcmp(d->v[j].key, d->v[i].key) == 0)
            j++;
        uint64_t h = key_hash(d->v[i].key, d->v[i].keylen);
        size_t k = h & (s->ndh - 1);
        while (s->dh[k].count)
            k = (k + 1) & (s->ndh - 1);
        s->dh[k] = (struct dom_slot){ h, (uint32_t)i, (uint32_t)(j - i) };
        add_tail(s, d->v[i].key, d->v[i].keylen);
        i = j;
    }
    s->owner_pairs = key_bits(&s->idx[ZL_IDX_OWNER], &s->owner_short);
    s->prefix_pairs = key_bits(&s->idx[ZL_IDX_PREFIX], &s->prefix_short);
    s->indexed = true;
}

static unsigned pair_of(const char *p)
{
    return (unsigned)zl_ascii_lower((unsigned char)p[0]) << 8 | zl_ascii_lower((unsigned char)p[1]);
}

/* One bit per first two bytes of a key of x (so a label or value too
 * short for them, or without them, holds no key); *any_short when a key
 * is shorter than that. */
static uint8_t *key_bits(const struct index *x, bool *any_short)
{
    uint8_t *bits = zl_xcalloc(65536 / 8, 1);
    for (size_t i = 0; i < x->n; i++) {
        if (x->v[i].keylen < 2) {
            *any_short = true;
            continue;
        }
        unsigned p = pair_of(x->v[i].key);
        bits[p >> 3] |= (uint8_t)(1u << (p & 7));
    }
    return bits;
}

static bool bit(const uint8_t *bits, unsigned k)
{
    return bits[k >> 3] >> (k & 7) & 1;
}

static bool has_pair(const uint8_t *bits, const char *p)
{
    return bit(bits, pair_of(p));
}

/* A label starts at p of s: at 0 or after a dot (as add_cands in
 * rules/sender_match.c splits a host). */
static bool label_start(const char *s, size_t p)
{
    return p == 0 || s[p - 1] == '.';
}

/* Notes a domain's last two labels in tails (or that it is one label). */
static void add_tail(struct zl_senders *s, const char *key, size_t n)
{
    if (!s->tails)
        s->tails = zl_xcalloc(s->ndh, sizeof *s->tails);
    unsigned starts = 0;
    size_t p = n;
    while (p-- > 0)
        if (label_start(key, p) && ++starts == 2)
            break;
    if (starts < 2) {
        s->single |= n > 0;
        return;
    }
    uint64_t h = key_hash(key + p, n - p) | 1;
    size_t k = h & (s->ndh - 1);
    while (s->tails[k] && s->tails[k] != h)
        k = (k + 1) & (s->ndh - 1);
    s->tails[k] = h;
}

const struct zl_sender_ref *zl_senders_index(struct zl_senders *s, enum zl_sender_index which, size_t *n)
{
    if (!s->indexed)
        build_index(s);
    *n = s->idx[which].n;
    return s->idx[which].v;
}

const struct zl_sender_ref *zl_senders_by_domain(struct zl_senders *s, const char *name, size_t n, size_t *count)
{
    return zl_senders_by_domain_hash(s, name, n, key_hash(name, n), count);
}

const struct zl_sender_ref *zl_senders_by_domain_hash(struct zl_senders *s, const char *name, size_t n, uint64_t h,
                                                      size_t *count)
{
    size_t total;
    const struct zl_sender_ref *v = zl_senders_index(s, ZL_IDX_DOMAIN, &total);
    *count = 0;
    if (!total)
        return NULL;
    for (size_t k = h & (s->ndh - 1); s->dh[k].count; k = (k + 1) & (s->ndh - 1)) {
        const struct dom_slot *d = &s->dh[k];
        if (d->h == h && v[d->first].keylen == n && memcmp(v[d->first].key, name, n) == 0) {
            *count = d->count;
            return &v[d->first];
        }
    }
    return NULL;
}

bool zl_senders_spf_none(struct zl_senders *s, const char *d, size_t n)
{
    bool yes;
    return s->spf_none && zl_memo_get(s->spf_none, 1, d, n, &yes);
}

void zl_senders_spf_set_none(struct zl_senders *s, const char *d, size_t n)
{
    if (!s->spf_none)
        s->spf_none = zl_xcalloc(1, sizeof *s->spf_none);
    zl_memo_put(s->spf_none, 1, d, n, true);
}

bool zl_senders_domain_tail(struct zl_senders *s, uint64_t h)
{
    size_t total;
    zl_senders_index(s, ZL_IDX_DOMAIN, &total);
    if (!s->tails)
        return false;
    h |= 1;
    for (size_t k = h & (s->ndh - 1); s->tails[k]; k = (k + 1) & (s->ndh - 1))
        if (s->tails[k] == h)
            return true;
    return false;
}

bool zl_senders_owner_may_hold(struct zl_senders *s, const char *label, size_t n)
{
    size_t total;
    zl_senders_index(s, ZL_IDX_OWNER, &total);
    if (s->owner_short)
        return total > 0;
    for (size_t i = 0; i + 1 < n; i++)
        if (has_pair(s->owner_pairs, label + i))
            return true;
    return false;
}

bool zl_senders_prefix_may_start(struct zl_senders *s, const char *t, size_t n)
{
    size_t total;
    zl_senders_index(s, ZL_IDX_PREFIX, &total);
    if (s->prefix_short)
        return total > 0;
    return n >= 2 && has_pair(s->prefix_pairs, t);
}

bool zl_senders_domain_single(struct zl_senders *s)
{
    size_t total;
    zl_senders_index(s, ZL_IDX_DOMAIN, &total);
    return s->single;
}

bool zl_senders_match(struct zl_senders *s, const void *code, const char *subject, size_t n)
{
    if (!code)
        return false;
    for (size_t i = 0; i < s->nspent; i++)
        if (s->spent[i] == code)
            return false;
    if (!s->md) {
        s->md_pairs = 1;
        s->md = pcre2_match_data_create(1, NULL);
    }
    if (!s->no_match)
        s->no_match = zl_xcalloc(1, sizeof *s->no_match);
    bool yes;
    if (zl_memo_get(s->no_match, (uintptr_t)code, subject, n, &yes))
        return false;
    if (!s->mctx) {
        s->mctx = pcre2_match_context_create(NULL);
        pcre2_set_match_limit(s->mctx, MATCH_LIMIT);
        pcre2_set_depth_limit(s->mctx, MATCH_LIMIT);
    }
    int rc = pcre2_match(code, (PCRE2_SPTR)subject, n, 0, 0, s->md, s->mctx);
    if (rc >= 0)
        return true;
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
        rc == PCRE2_ERROR_JIT_STACKLIMIT) {
        s->spent = zl_xrealloc(s->spent, (s->nspent + 1) * sizeof *s->spent);
        s->spent[s->nspent++] = code;
    }
    zl_memo_put(s->no_match, (uintptr_t)code, subject, n, false);
    return false;
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
