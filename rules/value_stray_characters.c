/* SPDX-License-Identifier: MIT */
/* ZL2103 value-stray-characters: characters that were pasted along with a
 * value and change what it means: control characters, zero-width and
 * no-break spaces, a byte-order mark, straight or curly quotes around or
 * inside a token, spaces in names, leading/trailing blanks in quoted values.
 * AWS's "stuck pending verification" note shows a CNAME value
 * `" 4hzw...dkim.amazonses.com. "`; checkdmarc strips zero-width characters
 * from pasted domains; Terraform double-quoting leaves `"token"` with the
 * quotes inside the TXT.
 *
 *   bad:   _amazonses IN TXT "\"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\""
 *   good:  _amazonses IN TXT "ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg="
 *
 * Free text is left alone: spaces and quotes in the middle of a sentence are
 * fine; quotes and look-alikes count only at the ends of a value or in a
 * value that looks like a token (no blank, or key=value). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/bytescan.h"
#include "lint/engine.h"
#include "rules.h"
#include "rdata/types.h"

const char zl_explain_value_stray_characters[] =
    "Values copied from web consoles, chat messages and documents often bring\n"
    "characters that are invisible or look like something else: a zero-width\n"
    "space (U+200B), a no-break space (U+00A0), a byte-order mark (U+FEFF),\n"
    "typographic quotes (U+201C, U+201D), a tab, or a space at the start or\n"
    "end of a quoted value. In a domain name such a character makes a\n"
    "different name; in a verification token, SPF or DKIM record it makes the\n"
    "value fail to match, and the provider keeps reporting the record as\n"
    "missing although it looks right.\n"
    "\n"
    "The rule reports control characters and zero-width characters anywhere,\n"
    "spaces, quotes and look-alikes anywhere in a name, and quotes, no-break\n"
    "spaces and curly quotes in a TXT value that looks like a token (no blank,\n"
    "or key=value). In free text it reports a value wrapped in quotes and a\n"
    "no-break space at either end. Leading and trailing blanks of a TXT value\n"
    "(all of its strings joined) are reported too. Spaces and quotes inside\n"
    "ordinary sentences are fine.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    _amazonses 1800 IN TXT \"\\\"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\\\"\"\n"
    "    tok._domainkey 1800 IN CNAME \\032tok.dkim.amazonses.com.\n"
    "    @ 3600 IN TXT \"google-site-verification=abc123 \"\n"
    "\n"
    "Good:\n"
    "\n"
    "    _amazonses 1800 IN TXT \"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\"\n"
    "    tok._domainkey 1800 IN CNAME tok.dkim.amazonses.com.\n"
    "    @ 3600 IN TXT \"google-site-verification=abc123\"\n";

enum kind { K_NONE, K_CTRL, K_SPACE, K_QUOTE, K_ZW, K_LOOKALIKE, K_LEAD, K_TRAIL };

struct finding {
    enum kind kind;
    unsigned value;        /* byte (control) or code point */
    size_t start, end;     /* in the written token text */
    unsigned count;        /* all findings in the token */
};

/* One decoded byte of a token and where it was written. */
struct dec {
    const char *t;
    size_t n, i;
};

static bool dec_next(struct dec *d, unsigned char *b, size_t *start)
{
    if (d->i >= d->n)
        return false;
    *start = d->i;
    unsigned char c = (unsigned char)d->t[d->i];
    if (c != '\\' || d->i + 1 >= d->n) {
        *b = c;
        d->i++;
        return true;
    }
    const char *p = d->t + d->i + 1;
    if (d->i + 3 < d->n && p[0] >= '0' && p[0] <= '2' && p[1] >= '0' && p[1] <= '9' &&
        p[2] >= '0' && p[2] <= '9') {
        unsigned v = (unsigned)(p[0] - '0') * 100 + (unsigned)(p[1] - '0') * 10 + (unsigned)(p[2] - '0');
        if (v <= 255) {
            *b = (unsigned char)v;
            d->i += 4;
            return true;
        }
    }
    *b = (unsigned char)p[0];
    d->i += 2;
    return true;
}

static void note_finding(struct finding *f, enum kind k, unsigned v, size_t start, size_t end)
{
    if (f->count++ == 0) {
        f->kind = k;
        f->value = v;
        f->start = start;
        f->end = end;
    }
}

/* Code point of a 2- or 3-byte UTF-8 sequence ending in b, when it is one
 * of the characters we look for; 0 otherwise. */
static unsigned suspicious_cp(unsigned char p2, unsigned char p1, unsigned char b, int *len)
{
    if (p1 == 0xc2 && b == 0xa0) {
        *len = 2;
        return 0xa0;
    }
    *len = 3;
    if (p2 == 0xe2 && p1 == 0x80 && ((b >= 0x8b && b <= 0x8d) || b == 0x98 || b == 0x99 ||
                                    b == 0x9c || b == 0x9d))
        return 0x2000u + (b - 0x80u);
    if (p2 == 0xe2 && p1 == 0x81 && b == 0xa0)
        return 0x2060;
    if (p2 == 0xef && p1 == 0xbb && b == 0xbf)
        return 0xfeff;
    return 0;
}

static bool is_zero_width(unsigned cp)
{
    return (cp >= 0x200b && cp <= 0x200d) || cp == 0x2060 || cp == 0xfeff;
}

/* Scans one written token. For names every space, quote and look-alike
 * counts. For values, control and zero-width characters always count; the
 * rest only when the value looks like a token (strict), except that a value
 * wrapped in quotes (first and last character) and a no-break space at either
 * end count in free text too. lead/trail: report a blank at the start/end. */
static void scan(const char *t, size_t n, bool name, bool strict, bool lead, bool trail,
                 struct finding *f)
{
    struct dec d = { t, n, 0 };
    unsigned char b, p1 = 0, p2 = 0, last = 0;
    size_t s, s1 = 0, s2 = 0, last_start = 0;
    bool any = false, loose = !name && !strict;
    /* In free text: a quote-like character opening the value, and the
     * candidate at the current end (dropped as soon as a byte follows). */
    struct finding open = { K_NONE, 0, 0, 0, 0 }, end = { K_NONE, 0, 0, 0, 0 };

    while (dec_next(&d, &b, &s)) {
        bool at_start = !any;
        any = true;
        end.kind = K_NONE;
        enum kind k = K_NONE;
        unsigned v = b;
        size_t ks = s;
        if (b < 0x20 || b == 0x7f) {
            note_finding(f, K_CTRL, b, s, d.i);
        } else if (b == ' ') {
            if (name)
                note_finding(f, at_start ? K_LEAD : K_SPACE, b, s, d.i);
            else if (at_start && lead)
                note_finding(f, K_LEAD, b, s, d.i);
        } else if (b == '"') {
            k = K_QUOTE;
        } else if (b >= 0x80) {
            int len;
            v = suspicious_cp(p2, p1, b, &len);
            ks = len == 2 ? s1 : s2;
            if (v && is_zero_width(v))
                note_finding(f, K_ZW, v, ks, d.i);
            else if (v)
                k = K_LOOKALIKE;
        }
        if (k != K_NONE) {
            bool nbsp = k == K_LOOKALIKE && v == 0xa0;
            if (!loose || (nbsp && ks == 0))
                note_finding(f, k, v, ks, d.i);
            else if (ks == 0)
                open = (struct finding){ k, v, ks, d.i, 0 };
            else
                end = (struct finding){ k, v, ks, d.i, 0 };
        }
        p2 = p1;
        s2 = s1;
        p1 = b;
        s1 = s;
        last = b;
        last_start = s;
    }
    if (end.kind != K_NONE && end.value == 0xa0) {
        note_finding(f, end.kind, end.value, end.start, end.end);
    } else if (end.kind != K_NONE && open.kind != K_NONE) {
        note_finding(f, open.kind, open.value, open.start, open.end);
        note_finding(f, end.kind, end.value, end.start, end.end);
    }
    /* A value that is one blank was reported as leading already. */
    if (any && !name && trail && last == ' ' && !(lead && last_start == 0))
        note_finding(f, K_TRAIL, last, last_start, d.n);
}

static const char *describe(const struct finding *f, char *buf, size_t cap)
{
    switch (f->kind) {
    case K_CTRL:
        switch (f->value) {
        case 0: return "a NUL byte (\\000)";
        case '\t': return "a tab (\\009)";
        case '\n': return "a line feed (\\010)";
        case '\r': return "a carriage return (\\013)";
        default: snprintf(buf, cap, "a control character (\\%03u)", f->value); return buf;
        }
    case K_SPACE: return "a space (\\032)";
    case K_LEAD: return "a leading space";
    case K_TRAIL: return "a trailing space";
    case K_QUOTE: return "a literal quote (\\\")";
    case K_ZW:
        switch (f->value) {
        case 0x200b: return "a zero-width space (U+200B)";
        case 0x200c: return "a zero-width non-joiner (U+200C)";
        case 0x200d: return "a zero-width joiner (U+200D)";
        case 0x2060: return "a word joiner (U+2060)";
        default: return "a byte-order mark (U+FEFF)";
        }
    case K_LOOKALIKE:
        switch (f->value) {
        case 0xa0: return "a no-break space (U+00A0)";
        case 0x2018: return "a curly quote (U+2018)";
        case 0x2019: return "a curly quote (U+2019)";
        case 0x201c: return "a curly quote (U+201C)";
        default: return "a curly quote (U+201D)";
        }
    case K_NONE: break;
    }
    return "a stray character";
}

/* Span of the finding inside the token, when the token's text is on one
 * line of the file as written (not from $GENERATE). */
static struct zl_span finding_span(const struct zl_token *tok, const struct finding *f, bool exact)
{
    struct zl_span s = tok->span;
    if (!exact || s.line != s.end_line)
        return s;
    uint32_t base = s.col + ((tok->flags & ZL_TOK_QUOTED) ? 1 : 0);
    s.col = base + (uint32_t)f->start;
    s.end_col = base + (uint32_t)f->end;
    return s;
}

/* What the token is ("owner name", "MX name", "TXT value"): type 0 means
 * the kind alone. Only worded when there is a finding. */
struct what {
    uint16_t type;
    const char *kind;
};

static void report(struct zl_ctx *ctx, const struct zl_token *tok, const struct finding *f,
                   bool exact, bool name, struct what w)
{
    char tn[16], what[40];
    if (w.type)
        snprintf(what, sizeof what, "%s %s", zl_type_to_text(w.type, tn), w.kind);
    else
        snprintf(what, sizeof what, "%s", w.kind);
    char buf[64];
    struct zl_span sp = finding_span(tok, f, exact);
    const char *desc = describe(f, buf, sizeof buf);
    struct zl_diag *d;
    if (name)
        d = zl_report(ctx, ZL_RULE_REF(ZL2103), &sp, "%s '%.*s' contains %s", what,
                      (int)(tok->len > 80 ? 80 : tok->len), tok->text, desc);
    else
        d = zl_report(ctx, ZL_RULE_REF(ZL2103), &sp, "%s contains %s", what, desc);
    if (!d)
        return;
    if (f->kind == K_ZW || f->kind == K_LOOKALIKE)
        zl_diag_add_note(d, "it is invisible or looks like a plain character in most editors; "
                            "it was probably pasted along with the value");
    if (f->kind == K_QUOTE && !name && tok->len >= 4 && memcmp(tok->text, "\\\"", 2) == 0 &&
        memcmp(tok->text + tok->len - 2, "\\\"", 2) == 0)
        zl_diag_add_note(d, "the value is wrapped in literal quotes, which become part of it; "
                            "a tool that adds its own quotes was given quoted text");
    if (f->count > 1)
        zl_diag_add_note(d, "%u more stray character%s in this %s", f->count - 1,
                         f->count > 2 ? "s" : "", name ? "name" : "value");
    /* Deleting is certainly right for invisible characters and end blanks;
     * only offered when it is the single finding in the token. */
    if (exact && f->count == 1 && tok->span.line == tok->span.end_line &&
        (f->kind == K_ZW || f->kind == K_LEAD || f->kind == K_TRAIL) && !name)
        zl_diag_set_fix(d, sp, "", ZL_FIX_SAFE);
}

/* Whether 8 bytes hold a '\\', '"', a byte below low (at most 0x21) or
 * one >= 0x7f (each test exact as a yes or no). */
static inline bool special8(const uint8_t *p, unsigned char low)
{
    uint64_t w;
    memcpy(&w, p, 8);
    uint64_t below = (w - 0x0101010101010101ull * low) & ~w & 0x8080808080808080ull;
    return (below | zl_bs_eq8(w, '"') | zl_bs_eq8(w, '\\') | zl_bs_eq8(w, 0x7f) | (w & 0x8080808080808080ull)) != 0;
}

#if defined(__SSE2__)
static inline bool special16(const uint8_t *p, unsigned char low)
{
    /* Signed compare: 0x80-0xff are negative, so below `low` as well. */
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
                             _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)), _mm_cmplt_epi8(v, _mm_set1_epi8((char)low))));
    return _mm_movemask_epi8(m) != 0;
}
#endif

/* Whether p[0..n) holds any byte zl_bs_plain_run(p, n, low) stops at: in
 * blocks, the last one overlapping the one before, as names are short
 * and a byte at a time was most of this rule's cost. */
static inline bool any_special(const uint8_t *p, size_t n, unsigned char low)
{
    size_t i = 0;
#if defined(__SSE2__)
    if (n >= 16) {
        for (; i + 16 <= n; i += 16)
            if (special16(p + i, low))
                return true;
        return i < n && special16(p + n - 16, low);
    }
#endif
    if (n >= 8) {
        for (; i + 8 <= n; i += 8)
            if (special8(p + i, low))
                return true;
        return i < n && special8(p + n - 8, low);
    }
    for (; i < n; i++)
        if (p[i] == '"' || p[i] == '\\' || p[i] < low || p[i] >= 0x7f)
            return true;
    return false;
}

/* Quick test: can this token hold anything we look for? Most cannot. */
static inline __attribute__((always_inline)) bool maybe_stray(const char *t, size_t n, bool name)
{
    if (n == 0)
        return false;
    if (!name && (t[0] == ' ' || t[n - 1] == ' '))
        return true;
    /* a '\\', '"', control byte, byte >= 0x7f or (names) a space */
    return any_special((const uint8_t *)t, n, name ? 0x21 : 0x20);
}

/* A TXT value that machines read starts with key=. */
static bool key_value_start(const uint8_t *p, size_t n)
{
    size_t i = 0;
    while (i < n && i < 64 && ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
                               (p[i] >= '0' && p[i] <= '9') || p[i] == '-' || p[i] == '_' ||
                               p[i] == '.'))
        i++;
    return i > 0 && i < n && p[i] == '=';
}

/* A TXT value that machines read: key=value at the start, or no blank in
 * any of its strings. The value is judged whole: cli53's
 * "multivalued" " txt \"quoted\" record" is a sentence split in two.
 * Walks the wire strings: a record may hold more of them than its field
 * array (ZL_RDATA_MAX_FIELDS). */
static bool looks_structured(const struct zl_record *rec)
{
    const uint8_t *p = rec->rdata;
    size_t n = rec->rdlen;
    if (n > 1 && p[0] > 0 && key_value_start(p + 1, p[0] < n - 1 ? p[0] : n - 1))
        return true;
    for (size_t pos = 0; pos < n;) {
        size_t l = p[pos++];
        if (l > n - pos)
            l = n - pos;
        if (memchr(p + pos, ' ', l))
            return false;
        pos += l;
    }
    return true;
}

static void check_name_tok(struct zl_ctx *ctx, const struct zl_token *tok, bool exact, struct what what)
{
    if (!maybe_stray(tok->text, tok->len, true))
        return;
    struct finding f = { 0 };
    scan(tok->text, tok->len, true, true, false, false, &f);
    if (f.count)
        report(ctx, tok, &f, exact, true, what);
}

void zl_value_stray_characters_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    bool exact = !(rec->owner_flags & ZL_OWNER_GENERATED);
    if (rec->owner_tok.len && !(rec->owner_flags & ZL_OWNER_INHERITED))
        check_name_tok(ctx, &rec->owner_tok, exact, (struct what){ 0, "owner name" });

    bool txt = rec->type == ZL_T_TXT || rec->type == ZL_T_SPF;
    if (txt && !rec->generic) {
        /* One token per character-string: all of them, however many. One
         * finding per value: a key split over strings by a tool (octoDNS
         * chunks of 255) is one value with one problem, not one per chunk. */
        struct what what = { rec->type, "value" };
        int strict = -1; /* judged when a string may hold something */
        struct finding first = { 0 };
        const struct zl_token *first_tok = NULL;
        unsigned total = 0;
        for (uint32_t i = 0; i < rec->ntoks; i++) {
            const struct zl_token *tok = &rec->toks[i];
            if (!maybe_stray(tok->text, tok->len, false))
                continue;
            if (strict < 0)
                strict = rec->rdlen > 1 && rec->rdata[0] > 0 && looks_structured(rec);
            struct finding fd = { 0 };
            /* the ends of the joined value */
            scan(tok->text, tok->len, false, strict > 0, i == 0, i + 1 == rec->ntoks, &fd);
            if (!fd.count)
                continue;
            if (!first_tok) {
                first = fd;
                first_tok = tok;
            }
            total += fd.count;
        }
        if (first_tok) {
            first.count = total;
            report(ctx, first_tok, &first, exact, false, what);
        }
        return;
    }
    int first_str = -1, last_str = -1;
    for (uint16_t i = 0; i < rec->nfields; i++) {
        const struct zl_field *f = &rec->fields[i];
        if (f->ntok == 0 || f->tok >= rec->ntoks)
            continue;
        if (f->kind == ZL_FIELD_NAME) {
            check_name_tok(ctx, &rec->toks[f->tok], exact, (struct what){ rec->type, "name" });
        } else if (f->kind == ZL_FIELD_STRING) {
            if (first_str < 0)
                first_str = i;
            last_str = i;
        }
    }
    if (first_str < 0)
        return;

    struct what what = { rec->type, "string" };
    for (int i = first_str; i <= last_str; i++) {
        const struct zl_field *f = &rec->fields[i];
        if (f->kind != ZL_FIELD_STRING || f->ntok == 0 || f->tok >= rec->ntoks)
            continue;
        const struct zl_token *tok = &rec->toks[f->tok];
        bool quoted = (tok->flags & ZL_TOK_QUOTED) != 0;
        /* each quoted string on its own */
        if (!maybe_stray(tok->text, tok->len, false))
            continue;
        struct finding fd = { 0 };
        scan(tok->text, tok->len, false, false, quoted, quoted, &fd);
        if (fd.count)
            report(ctx, tok, &fd, exact, false, what);
    }
}
