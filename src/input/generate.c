/* SPDX-License-Identifier: MIT */
/* $GENERATE range lhs [ttl] [class] type rhs, as BIND 9.18 expands it:
 * '$' is the iterator, '${offset,width,base}' a formatted one (base d, o,
 * x, X, or n/N for reversed nibbles), '$$' a literal '$'. Each iteration is
 * parsed as an ordinary line, located at the directive. */
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "input/parser_impl.h"
#include "rdata/types.h"

#define DEFAULT_MAX_GENERATE 65536ul
/* Per file, all $GENERATE lines together may make this many times the
 * per-directive limit (two full /16 reverse zones); beyond, a line of
 * $GENERATE costs tens of MB (SES DKIM records keep ~2 KiB of state each). */
#define MAX_GENERATE_DIRECTIVES 2ull

/* A number of a ${offset,width,base} modifier, read as BIND's sscanf %d and
 * %u read it: leading white space, an optional sign, decimal digits; a
 * value too large saturates at the range of a 64-bit long (strtol,
 * strtoul: a negative %u wraps), then only its low 32 bits are kept, as
 * int (%d) or unsigned int (%u). */
static bool scan_c_number(const char **s, const char *end, bool is_unsigned, long long *out)
{
    const char *p = *s;
    while (p < end && (*p == ' ' || (*p >= '\t' && *p <= '\r')))
        p++;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    if (p == end || *p < '0' || *p > '9')
        return false;
    unsigned long long mag = 0;
    bool over = false; /* above 2^64 - 1 */
    for (; p < end && *p >= '0' && *p <= '9'; p++) {
        unsigned d = (unsigned)(*p - '0');
        if (mag > (ULLONG_MAX - d) / 10)
            over = true;
        else
            mag = mag * 10 + d;
    }
    uint64_t v;
    if (is_unsigned)
        v = over ? UINT64_MAX : neg ? (uint64_t)0 - mag : mag;
    else if (!neg)
        v = over || mag > (uint64_t)INT64_MAX ? (uint64_t)INT64_MAX : mag;
    else
        v = over || mag > (uint64_t)INT64_MAX + 1 ? (uint64_t)INT64_MAX + 1 : (uint64_t)0 - mag;
    uint32_t low = (uint32_t)v;
    *out = is_unsigned || low <= INT32_MAX ? (long long)low : (long long)low - 4294967296LL;
    *s = p;
    return true;
}

/* start-stop[/step] as BIND reads it (sscanf "%u-%u", then a '/' that must
 * be followed by the step): each number as %u takes it (scan_c_number),
 * none may exceed INT_MAX, and whatever follows is ignored ("1-2x"). */
static bool parse_range(const char *t, size_t n, long long *start, long long *stop, long long *step)
{
    const char *p = t, *end = t + n;
    *step = 1;
    if (!scan_c_number(&p, end, true, start) || p == end || *p++ != '-' ||
        !scan_c_number(&p, end, true, stop))
        return false;
    if (p < end && *p == '/') {
        p++;
        if (!scan_c_number(&p, end, true, step) || *step == 0)
            return false;
    }
    return *start <= INT_MAX && *stop <= INT_MAX && *step <= INT_MAX && *start <= *stop;
}

/* Appends one substitution of template t for iterator value it. Returns an
 * error message or NULL. */
static const char *substitute(struct zl_buf *out, const char *t, size_t n, long long it)
{
    for (size_t i = 0; i < n;) {
        char c = t[i];
        if (c == '\\' && i + 1 < n) {
            zl_buf_put(out, t + i, 2); /* escapes stay for the name/RDATA parser */
            i += 2;
            continue;
        }
        if (c != '$') {
            zl_buf_putc(out, (uint8_t)c);
            i++;
            continue;
        }
        if (i + 1 < n && t[i + 1] == '$') {
            zl_buf_putc(out, '$');
            i += 2;
            continue;
        }
        long long offset = 0, width = 0;
        char base = 'd';
        i++;
        if (i < n && t[i] == '{') {
            const char *close = memchr(t + i, '}', n - i);
            if (!close)
                return "'${' without a closing '}'";
            const char *p = t + i + 1, *end = close;
            if (!scan_c_number(&p, end, false, &offset))
                return "modifier must be ${offset[,width[,base]]}";
            if (p < end && *p == ',') {
                p++;
                /* BIND formats into 128 bytes: a wider field does not fit */
                if (!scan_c_number(&p, end, true, &width) || width > 127)
                    return "modifier width must be a number 0-127";
                if (p < end && *p == ',') {
                    p++;
                    if (p == end || !strchr("doxXnN", *p))
                        return "modifier base must be one of d, o, x, X, n, N";
                    base = *p++;
                }
            }
            if (p != end)
                return "modifier must be ${offset[,width[,base]]}";
            i = (size_t)(close - t) + 1;
        }
        long long v = it + offset;
        if (v > INT_MAX || v < INT_MIN)
            return "iterator plus offset is out of range";
        char num[300];
        int w = (int)width;
        switch (base) {
        case 'o': snprintf(num, sizeof num, "%0*o", w, (unsigned)v); break;
        case 'x': snprintf(num, sizeof num, "%0*x", w, (unsigned)v); break;
        case 'X': snprintf(num, sizeof num, "%0*X", w, (unsigned)v); break;
        case 'n': case 'N': num[0] = '\0'; break;
        default: snprintf(num, sizeof num, "%0*lld", w, v); break;
        }
        if (base == 'n' || base == 'N') {
            /* Reversed nibbles, dot separated, as BIND: the width counts
             * output characters, dots included (0x1a, 7 -> "a.1.0.0"). */
            const char *digits = base == 'n' ? "0123456789abcdef" : "0123456789ABCDEF";
            uint32_t u = (uint32_t)v;
            long long left = width;
            do {
                zl_buf_putc(out, (uint8_t)digits[u & 0xf]);
                u >>= 4;
                left--;
                if (u != 0 || left > 0) {
                    zl_buf_putc(out, '.');
                    left--;
                }
            } while (u != 0 || left > 0);
        } else {
            zl_buf_puts(out, num);
        }
    }
    return NULL;
}

static bool is_meta(int t)
{
    return t == ZL_T_TKEY || t == ZL_T_TSIG || t == ZL_T_IXFR || t == ZL_T_AXFR ||
           t == ZL_T_MAILA || t == ZL_T_MAILB || t == ZL_T_ANY || t == ZL_T_OPT;
}

void zl_generate_run(struct zl_parser *p, const struct zl_span *dir_span)
{
    size_t n = p->ntoks;
    if (n < 4 || n > 6) {
        zl_p_error_at(p, dir_span, "$GENERATE needs: range lhs [ttl] [class] type rhs");
        return;
    }
    long long start, stop, step;
    const char *rt = zl_p_tok_text(p, 0);
    if (!parse_range(rt, p->toks[0].len, &start, &stop, &step)) {
        zl_p_error_at(p, &p->toks[0].span, "$GENERATE range '%.*s' is invalid: use start-stop or "
                      "start-stop/step with start <= stop and step > 0", (int)p->toks[0].len, rt);
        return;
    }
    unsigned long max = p->opts->max_generate ? p->opts->max_generate : DEFAULT_MAX_GENERATE;
    unsigned long long count = (unsigned long long)((stop - start) / step) + 1;
    if (count > max) {
        zl_p_error_at(p, &p->toks[0].span, "$GENERATE range '%.*s' makes %llu records; the limit is %lu",
                      (int)p->toks[0].len, rt, count, max);
        return;
    }
    /* All directives of the input together, so that a few hundred bytes of
     * $GENERATE lines cannot ask for millions of records (seconds of work
     * and hundreds of MB). */
    unsigned long long total = (unsigned long long)max * MAX_GENERATE_DIRECTIVES;
    if (p->generated + count > total) {
        zl_p_error_at(p, &p->toks[0].span, "$GENERATE range '%.*s' would bring the records made by "
                      "$GENERATE in this file to %llu; the limit is %llu",
                      (int)p->toks[0].len, rt, p->generated + count, total);
        return;
    }
    p->generated += count;
    size_t type_i = n - 2;
    int type = zl_type_from_text(zl_p_tok_text(p, type_i), p->toks[type_i].len);
    if (type < 0) {
        zl_p_error_at(p, &p->toks[type_i].span, "$GENERATE: unknown record type '%.*s'",
                      (int)p->toks[type_i].len, zl_p_tok_text(p, type_i));
        return;
    }
    if (is_meta(type)) {
        zl_p_error_at(p, &p->toks[type_i].span, "$GENERATE: '%.*s' is a meta type, not a record type",
                      (int)p->toks[type_i].len, zl_p_tok_text(p, type_i));
        return;
    }

    /* The fixed middle part: [ttl] [class] type. */
    struct zl_buf mid = { 0 };
    for (size_t i = 2; i <= type_i; i++) {
        zl_buf_putc(&mid, ' ');
        zl_buf_put(&mid, zl_p_tok_text(p, i), p->toks[i].len);
    }
    zl_buf_putc(&mid, ' ');

    /* Copy templates out: the nested parses reuse the line buffer. */
    char *lhs = zl_xstrndup(zl_p_tok_text(p, 1), p->toks[1].len);
    size_t lhs_len = p->toks[1].len;
    char *rhs = zl_xstrndup(zl_p_tok_text(p, n - 1), p->toks[n - 1].len);
    size_t rhs_len = p->toks[n - 1].len;
    struct zl_span lhs_span = p->toks[1].span, rhs_span = p->toks[n - 1].span;

    struct zl_buf line = { 0 };
    /* A blank owner after the directive continues the owner before it, as
     * in BIND: the generated names are not "the previous owner". */
    struct zl_name saved_owner = p->last_owner;
    bool saved_have_owner = p->have_last_owner, saved_owner_failed = p->last_owner_failed;
    bool was = p->generating;
    struct zl_span saved_span = p->gen_span;
    p->generating = true;
    p->gen_span = *dir_span;
    p->gen_span.end_line = rhs_span.end_line;
    p->gen_span.end_col = rhs_span.end_col;
    for (long long it = start; it <= stop; it += step) {
        line.len = 0;
        const char *e = substitute(&line, lhs, lhs_len, it);
        if (e) {
            p->generating = was;
            zl_p_error_at(p, &lhs_span, "$GENERATE owner template: %s", e);
            break;
        }
        if (line.len && line.data[0] == '$') {
            /* BIND makes the owner from the text ("$$TTL" is the name
             * \$TTL), never a directive: escape it for the line parser */
            zl_buf_putc(&line, 0);
            memmove(line.data + 1, line.data, line.len - 1);
            line.data[0] = '\\';
        }
        zl_buf_put(&line, mid.data, mid.len);
        e = substitute(&line, rhs, rhs_len, it);
        if (e) {
            p->generating = was;
            zl_p_error_at(p, &rhs_span, "$GENERATE RDATA template: %s", e);
            break;
        }
        zl_buf_putc(&line, '\n');
        unsigned before = p->res->errors;
        zl_p_parse_text(p, (const char *)line.data, line.len);
        if (p->res->errors != before)
            break; /* one error per directive is enough */
    }
    p->generating = was;
    p->gen_span = saved_span;
    p->last_owner = saved_owner;
    p->have_last_owner = saved_have_owner;
    p->last_owner_failed = saved_owner_failed;
    zl_buf_free(&line);
    zl_buf_free(&mid);
    free(lhs);
    free(rhs);
}
