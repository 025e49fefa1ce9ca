/* SPDX-License-Identifier: MIT */
/* --diff: unified diffs as `diff -u` writes them and `patch -p0` reads them.
 * Lines are compared whole, their line ends included (a CRLF line stays a
 * CRLF line); a last line without one gets "\ No newline at end of file".
 * The line script is Myers' greedy O(ND) algorithm over the part between
 * the common first and last lines; fixes change a few lines, so D is
 * small. Past MAX_D differences the middle is shown as one replacement,
 * still a correct diff, only not the shortest. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/fix.h"

#define CONTEXT 3
#define MAX_D 1000

struct line {
    const char *s;
    size_t n;     /* with its '\n' when it has one */
    uint64_t h;
};

static size_t split(const char *t, size_t n, struct line **out)
{
    size_t cap = 64, k = 0;
    struct line *v = zl_xmalloc(cap * sizeof *v);
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(t + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - t) + 1 : n;
        if (k == cap)
            v = zl_xrealloc(v, (cap *= 2) * sizeof *v);
        uint64_t h = 0xcbf29ce484222325ull;
        for (size_t j = i; j < e; j++)
            h = (h ^ (uint8_t)t[j]) * 0x100000001b3ull;
        v[k++] = (struct line){ t + i, e - i, h };
        i = e;
    }
    *out = v;
    return k;
}

static bool same(const struct line *a, const struct line *b)
{
    return a->h == b->h && a->n == b->n && !memcmp(a->s, b->s, a->n);
}

enum op { EQ, DEL, INS };

struct script {
    enum op *v;
    size_t n, cap;
};

static void push(struct script *s, enum op o)
{
    if (s->n == s->cap)
        s->v = zl_xrealloc(s->v, (s->cap = s->cap ? s->cap * 2 : 256) * sizeof *s->v);
    s->v[s->n++] = o;
}

/* The shortest edit script of a[0..n) into b[0..m), appended to s; false
 * when it needs more than MAX_D edits. trace[d] keeps V[-d..d] after step
 * d, for the walk back. */
static bool myers(const struct line *a, long n, const struct line *b, long m, struct script *s)
{
    long max = n + m;
    if (max > MAX_D)
        max = MAX_D;
    long off = max + 1;
    long *v = zl_xcalloc((size_t)(2 * max + 3), sizeof *v);
    long **trace = zl_xcalloc((size_t)max + 1, sizeof *trace);
    long found = -1;
    for (long d = 0; d <= max && found < 0; d++) {
        for (long k = -d; k <= d; k += 2) {
            long x;
            if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
                x = v[off + k + 1];
            else
                x = v[off + k - 1] + 1;
            long y = x - k;
            while (x < n && y < m && same(&a[x], &b[y]))
                x++, y++;
            v[off + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        trace[d] = zl_xmalloc((size_t)(2 * d + 1) * sizeof **trace);
        memcpy(trace[d], v + off - d, (size_t)(2 * d + 1) * sizeof *v);
    }
    bool ok = found >= 0;
    if (ok) {
        /* walk back from (n, m), collecting the operations in reverse */
        struct script rev = { 0 };
        long x = n, y = m;
        for (long d = found; d > 0; d--) {
            const long *pv = trace[d - 1] + (d - 1); /* pv[k] for k in -(d-1)..d-1 */
            long k = x - y;
            long pk = (k == -d || (k != d && pv[k - 1] < pv[k + 1])) ? k + 1 : k - 1;
            long px = pv[pk], py = px - pk;
            while (x > px && y > py) {
                push(&rev, EQ);
                x--, y--;
            }
            push(&rev, pk == k + 1 ? INS : DEL);
            if (pk == k + 1)
                y--;
            else
                x--;
        }
        while (x > 0 && y > 0) {
            push(&rev, EQ);
            x--, y--;
        }
        for (size_t i = rev.n; i-- > 0;)
            push(s, rev.v[i]);
        free(rev.v);
    }
    for (long d = 0; d <= max; d++)
        free(trace[d]);
    free(trace);
    free(v);
    return ok;
}

static void put_line(struct zl_buf *out, char mark, const struct line *l)
{
    zl_buf_putc(out, (uint8_t)mark);
    zl_buf_put(out, l->s, l->n);
    if (!l->n || l->s[l->n - 1] != '\n')
        zl_buf_puts(out, "\n\\ No newline at end of file\n");
}

static void range(struct zl_buf *out, char sign, size_t start, size_t count)
{
    /* an empty range names the line before it */
    zl_buf_printf(out, "%c%zu", sign, count ? start + 1 : start);
    if (count != 1)
        zl_buf_printf(out, ",%zu", count);
}

void zl_unified_diff(struct zl_buf *out, const char *label, const char *a, size_t alen, const char *b,
                     size_t blen)
{
    if (alen == blen && (!alen || !memcmp(a, b, alen)))
        return;
    struct line *la, *lb;
    size_t na = split(a ? a : "", alen, &la), nb = split(b ? b : "", blen, &lb);
    size_t pre = 0, suf = 0;
    while (pre < na && pre < nb && same(&la[pre], &lb[pre]))
        pre++;
    while (suf < na - pre && suf < nb - pre && same(&la[na - 1 - suf], &lb[nb - 1 - suf]))
        suf++;
    struct script s = { 0 };
    for (size_t i = 0; i < pre; i++)
        push(&s, EQ);
    if (!myers(la + pre, (long)(na - pre - suf), lb + pre, (long)(nb - pre - suf), &s)) {
        for (size_t i = pre; i < na - suf; i++)
            push(&s, DEL);
        for (size_t i = pre; i < nb - suf; i++)
            push(&s, INS);
    }
    for (size_t i = 0; i < suf; i++)
        push(&s, EQ);

    zl_buf_printf(out, "--- %s\n+++ %s\n", label, label);
    /* hunks: runs of changes with up to 2*CONTEXT equal lines between them */
    size_t i = 0;
    size_t ai = 0, bi = 0; /* line numbers at script position i */
    while (i < s.n) {
        if (s.v[i] == EQ) {
            i++, ai++, bi++;
            continue;
        }
        /* a change at i: the hunk starts CONTEXT lines before */
        size_t back = 0;
        while (back < CONTEXT && back < i && s.v[i - back - 1] == EQ)
            back++;
        size_t hs = i - back, ha = ai - back, hb = bi - back;
        size_t he = i;
        for (;;) {
            while (he < s.n && s.v[he] != EQ)
                he++;
            size_t eq = 0;
            while (he + eq < s.n && s.v[he + eq] == EQ)
                eq++;
            if (he + eq < s.n && eq <= 2 * CONTEXT) {
                he += eq;
                continue;
            }
            he += eq < CONTEXT ? eq : CONTEXT;
            break;
        }
        size_t ca = 0, cb = 0;
        for (size_t k = hs; k < he; k++) {
            ca += s.v[k] != INS;
            cb += s.v[k] != DEL;
        }
        zl_buf_puts(out, "@@ ");
        range(out, '-', ha, ca);
        zl_buf_putc(out, ' ');
        range(out, '+', hb, cb);
        zl_buf_puts(out, " @@\n");
        size_t x = ha, y = hb;
        for (size_t k = hs; k < he; k++) {
            if (s.v[k] == EQ) {
                put_line(out, ' ', &la[x]);
                x++, y++;
            } else if (s.v[k] == DEL) {
                put_line(out, '-', &la[x++]);
            } else {
                put_line(out, '+', &lb[y++]);
            }
        }
        i = he;
        ai = x;
        bi = y;
    }
    free(s.v);
    free(la);
    free(lb);
}
