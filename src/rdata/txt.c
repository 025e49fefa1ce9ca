/* SPDX-License-Identifier: MIT */
#include "rdata/txt.h"

#include "rdata/types.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

size_t zl_txt_join(const struct zl_record *rec, char *out, size_t cap, unsigned *nstrings)
{
    size_t total = 0, pos = 0;
    unsigned ns = 0;
    while (pos < rec->rdlen) {
        size_t l = rec->rdata[pos++];
        if (pos + l > rec->rdlen)
            l = rec->rdlen - pos;
        if (total < cap) {
            size_t c = cap - total < l ? cap - total : l;
            memcpy(out + total, rec->rdata + pos, c);
        }
        total += l;
        pos += l;
        ns++;
    }
    if (nstrings)
        *nstrings = ns;
    return total;
}

/* A TXT record written out has one token per character-string, so the
 * tokens answer for every string: the field array stops at
 * ZL_RDATA_MAX_FIELDS, while a record may hold thousands of strings. */
const struct zl_token *zl_txt_token(const struct zl_record *rec, unsigned i)
{
    if (rec->generic || i >= rec->ntoks)
        return NULL;
    if (rec->type != ZL_T_TXT && rec->type != ZL_T_SPF) {
        if (i >= rec->nfields || rec->fields[i].ntok == 0 || rec->fields[i].tok >= rec->ntoks)
            return NULL;
        return &rec->toks[rec->fields[i].tok];
    }
    return &rec->toks[i];
}

void zl_txt_put_quoted(struct zl_buf *b, const char *s, size_t n)
{
    size_t i = 0;
    do {
        size_t end = n - i > 255 ? i + 255 : n;
        if (i)
            zl_buf_putc(b, ' ');
        zl_buf_putc(b, '"');
        for (; i < end; i++) {
            uint8_t c = (uint8_t)s[i];
            if (c == '"' || c == '\\') {
                zl_buf_putc(b, '\\');
                zl_buf_putc(b, c);
            } else if (c < 0x20 || c >= 0x7f) {
                zl_buf_printf(b, "\\%03u", c);
            } else {
                zl_buf_putc(b, c);
            }
        }
        zl_buf_putc(b, '"');
    } while (i < n);
}

/* Offset in the written token text of decoded byte k. */
static size_t written_offset(const struct zl_token *tok, size_t k)
{
    size_t i = 0;
    while (k > 0 && i < tok->len) {
        if (tok->text[i] == '\\' && i + 1 < tok->len) {
            const char *p = tok->text + i + 1;
            bool ddd = i + 3 < tok->len && p[0] >= '0' && p[0] <= '9' && p[1] >= '0' &&
                       p[1] <= '9' && p[2] >= '0' && p[2] <= '9';
            i += ddd ? 4 : 2;
        } else {
            i++;
        }
        k--;
    }
    return i;
}

struct zl_span zl_txt_span(const struct zl_record *rec, size_t off, size_t len)
{
    if ((rec->owner_flags & ZL_OWNER_GENERATED) || rec->generic)
        return rec->span;
    /* The wire strings, one token each (TXT and SPF): the field array may
     * end before the strings do (ZL_RDATA_MAX_FIELDS). */
    size_t base = 0, pos = 0;
    for (uint32_t i = 0; pos < rec->rdlen; i++) {
        size_t l = rec->rdata[pos];
        size_t next = pos + 1 + l;
        /* Past this string, unless it is the last: then clamp to its end. */
        if (off >= base + l && next < rec->rdlen) {
            base += l;
            pos = next;
            continue;
        }
        if (i >= rec->ntoks)
            return rec->span;
        const struct zl_token *tok = &rec->toks[i];
        struct zl_span s = tok->span;
        if (s.line != s.end_line)
            return s;
        uint32_t q = (tok->flags & ZL_TOK_QUOTED) ? 1 : 0;
        size_t a = off > base ? off - base : 0;
        size_t b = off + len - base < l ? off + len - base : l;
        s.col = tok->span.col + q + (uint32_t)written_offset(tok, a);
        s.end_col = tok->span.col + q + (uint32_t)written_offset(tok, b);
        if (s.end_col <= s.col)
            s.end_col = s.col + 1;
        return s;
    }
    return rec->span;
}

struct zl_span zl_txt_whole_span(const struct zl_record *rec)
{
    if (rec->generic || rec->ntoks == 0)
        return rec->span;
    return zl_span_join(&rec->toks[0].span, &rec->toks[rec->ntoks - 1].span);
}
