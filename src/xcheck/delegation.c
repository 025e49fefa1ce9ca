/* SPDX-License-Identifier: MIT */
/* --expect-ns: the delegated name servers, from a list or dig/whois output. */
#include "xcheck/delegation.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "input/confine.h"

static bool abs_name(const char *s, size_t n, struct zl_name *out)
{
    char buf[1100];
    if (n == 0 || n + 2 > sizeof buf)
        return false;
    memcpy(buf, s, n);
    if (buf[n - 1] != '.' || (n >= 2 && buf[n - 2] == '\\'))
        buf[n++] = '.';
    return zl_name_from_text(out, buf, n, NULL, NULL) == ZL_NAME_OK;
}

static void push(struct zl_delegation *d, const struct zl_name *owner, const struct zl_name *ns)
{
    d->v = zl_xrealloc(d->v, (d->n + 1) * sizeof *d->v);
    struct zl_delegation_ns *e = &d->v[d->n++];
    memset(e, 0, sizeof *e);
    if (owner) {
        e->has_owner = true;
        e->owner = *owner;
    }
    e->ns = *ns;
}

static void set_source(struct zl_delegation *d, const char *s)
{
    free(d->source);
    d->source = zl_xstrdup(s);
}

int zl_delegation_parse_list(struct zl_delegation *d, const char *csv, char *err, size_t errlen)
{
    size_t before = d->n;
    const char *p = csv;
    while (*p) {
        while (*p == ',' || *p == ' ' || *p == '\t')
            p++;
        const char *e = p;
        while (*e && *e != ',' && *e != ' ' && *e != '\t')
            e++;
        if (e > p) {
            struct zl_name n;
            if (!abs_name(p, (size_t)(e - p), &n)) {
                snprintf(err, errlen, "'%.*s' is not a valid name server name", (int)(e - p), p);
                return -1;
            }
            push(d, NULL, &n);
        }
        p = e;
    }
    if (d->n == before) {
        snprintf(err, errlen, "no name servers given (a comma-separated list, or a file with "
                              "'dig NS' output)");
        return -1;
    }
    set_source(d, "--expect-ns");
    return 0;
}

#define MAX_TOKS 8

/* One line of dig, dig +short or whois output. Returns 0 (maybe nothing
 * found), or -1 with a message. */
static int parse_line(struct zl_delegation *d, const char *line, size_t len, const char *name, unsigned lineno,
                      char *err, size_t errlen)
{
    const char *tok[MAX_TOKS];
    size_t tlen[MAX_TOKS];
    size_t nt = 0;
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    if (i == len || line[i] == ';' || line[i] == '#' || line[i] == '%')
        return 0; /* dig comments (;; ...), shell and whois comments */

    /* whois: "Name Server: ns1.example.net" (gTLDs), "nserver: ..." (ccTLDs) */
    static const char *const whois_keys[] = { "name server:", "nameserver:", "nserver:" };
    for (size_t k = 0; k < sizeof whois_keys / sizeof whois_keys[0]; k++) {
        size_t kl = strlen(whois_keys[k]);
        if (len - i >= kl && strncasecmp(line + i, whois_keys[k], kl) == 0) {
            size_t s = i + kl;
            while (s < len && (line[s] == ' ' || line[s] == '\t'))
                s++;
            size_t e = s;
            while (e < len && line[e] != ' ' && line[e] != '\t')
                e++;
            struct zl_name n;
            if (e > s && abs_name(line + s, e - s, &n))
                push(d, NULL, &n);
            return 0;
        }
    }

    while (i < len && nt < MAX_TOKS) {
        size_t s = i;
        while (i < len && line[i] != ' ' && line[i] != '\t' && line[i] != ';')
            i++;
        tok[nt] = line + s;
        tlen[nt++] = i - s;
        if (i < len && line[i] == ';')
            break;
        while (i < len && (line[i] == ' ' || line[i] == '\t'))
            i++;
    }

    if (nt == 1) {
        /* dig +short: one name per line */
        struct zl_name n;
        if (tok[0][tlen[0] - 1] == ':')
            return 0; /* a whois heading such as "Domain:" */
        if (!abs_name(tok[0], tlen[0], &n)) {
            snprintf(err, errlen, "%s:%u: '%.*s' is not a valid name server name", name, lineno, (int)tlen[0],
                     tok[0]);
            return -1;
        }
        push(d, NULL, &n);
        return 0;
    }
    /* owner [ttl] [class] NS target: the type is never the first token */
    for (size_t k = 1; k + 1 < nt; k++) {
        if (tlen[k] == 2 && strncasecmp(tok[k], "NS", 2) == 0) {
            struct zl_name owner, n;
            if (!abs_name(tok[0], tlen[0], &owner) || !abs_name(tok[k + 1], tlen[k + 1], &n)) {
                snprintf(err, errlen, "%s:%u: cannot read this NS record", name, lineno);
                return -1;
            }
            push(d, &owner, &n);
            return 0;
        }
    }
    return 0; /* other records (SOA in an authority section, A glue...) */
}

int zl_delegation_parse_text(struct zl_delegation *d, const char *text, size_t len, const char *name,
                             char *err, size_t errlen)
{
    size_t before = d->n;
    unsigned lineno = 0;
    for (size_t p = 0; p < len;) {
        size_t e = p;
        while (e < len && text[e] != '\n')
            e++;
        size_t l = e - p;
        if (l && text[p + l - 1] == '\r')
            l--;
        lineno++;
        if (parse_line(d, text + p, l, name, lineno, err, errlen) != 0)
            return -1;
        p = e + 1;
    }
    if (d->n == before) {
        snprintf(err, errlen, "%s: no name servers found (expected 'dig NS' output, 'dig +short NS' output "
                              "or one name per line)",
                 name);
        return -1;
    }
    set_source(d, name);
    return 0;
}

int zl_delegation_load(struct zl_delegation *d, const char *arg, char *err, size_t errlen)
{
    /* A file when something of that name exists (lstat: a FIFO must not
     * be opened to find out), else a list of names. */
    struct stat st;
    bool is_file = lstat(arg, &st) == 0 && !S_ISDIR(st.st_mode);
    if (!is_file && !strchr(arg, '/'))
        return zl_delegation_parse_list(d, arg, err, errlen);
    struct zl_buf b = { 0 };
    bool too_big;
    if (zl_read_argument_file(arg, 4u << 20, &b, &too_big, err, errlen) != 0) {
        zl_buf_free(&b);
        if (too_big)
            snprintf(err, errlen, "%s: larger than 4 MiB; not a list of name servers", arg);
        return -1;
    }
    int rc = zl_delegation_parse_text(d, b.len ? (const char *)b.data : "", b.len, arg, err, errlen);
    zl_buf_free(&b);
    return rc;
}

void zl_delegation_free(struct zl_delegation *d)
{
    free(d->v);
    free(d->source);
    memset(d, 0, sizeof *d);
}

size_t zl_delegation_for(const struct zl_delegation *d, const struct zl_name *origin, const struct zl_name **out,
                         size_t cap, size_t *other_owners)
{
    size_t n = 0;
    *other_owners = 0;
    for (size_t i = 0; i < d->n; i++) {
        const struct zl_delegation_ns *e = &d->v[i];
        if (e->has_owner && (!origin || !zl_name_equal(&e->owner, origin))) {
            (*other_owners)++;
            continue;
        }
        bool dup = false;
        for (size_t k = 0; k < n && !dup; k++)
            dup = zl_name_equal(out[k], &e->ns);
        if (!dup && n < cap)
            out[n++] = &e->ns;
    }
    return n;
}
