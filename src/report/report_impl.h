/* SPDX-License-Identifier: MIT */
/* Internal to the reporters (src/report*.c): the reporter object, one ops
 * table per format, and the text helpers they share. */
#ifndef ZL_REPORT_IMPL_H
#define ZL_REPORT_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/buf.h"
#include "base/diag.h"
#include "report/report.h"
#include "base/source.h"

struct zl_reporter;

struct zl_report_ops {
    void (*begin)(struct zl_reporter *r);              /* may be NULL */
    void (*add)(struct zl_reporter *r, const struct zl_diag *d);
    void (*finish)(struct zl_reporter *r);             /* trailer; frees priv */
    void (*add_all)(struct zl_reporter *r, const struct zl_diag *v, size_t n); /* NULL: add each */
};

struct zl_reporter {
    const struct zl_report_ops *ops;
    FILE *out;
    bool color;
    char *base_dir;               /* owned copy, or NULL */
    struct zl_line_cache *lines;  /* source lines for display and fingerprints */
    struct zl_buf line;           /* scratch: the current source line */
    struct zl_buf tmp;            /* scratch: the current finding's output */
    unsigned long count;          /* findings added so far */
    void *priv;                   /* format-specific state */
};

extern const struct zl_report_ops zl_report_text_ops;
extern const struct zl_report_ops zl_report_gcc_ops;
extern const struct zl_report_ops zl_report_json_ops;
extern const struct zl_report_ops zl_report_sarif_ops;
extern const struct zl_report_ops zl_report_github_ops;

/* Writes b to the reporter's stream and empties b. */
void zl_report_flush(struct zl_reporter *r, struct zl_buf *b);

/* Length of the well-formed UTF-8 sequence at s (1-4), or 0 when the bytes
 * there are not one (overlong forms, surrogates and code points above
 * U+10FFFF included). *cp receives the code point when not NULL. */
size_t zl_utf8_len(const unsigned char *s, size_t n, uint32_t *cp);

/* Code points that change how the text around them reads, or that cannot
 * be seen: C1 controls, bidi embeddings, overrides and isolates, line and
 * paragraph separators, zero-width and other invisible characters. Every
 * format shows them as "<U+202E>", so a zone file cannot make a finding's
 * annotation read differently from what it says. */
bool zl_cp_hidden(uint32_t cp);
/* Appends "<U+XXXX>" (b may be NULL); returns its length. */
size_t zl_put_cp_escape(struct zl_buf *b, uint32_t cp);
/* Appends s with the zl_cp_hidden code points as "<U+XXXX>"; every other
 * byte as it is (JSON and github escape the rest their own way). */
void zl_put_visible(struct zl_buf *b, const char *s, size_t n);

/* Appends s for a terminal or a one-line-per-finding format: valid UTF-8 is
 * kept, except the zl_cp_hidden code points ("<U+XXXX>"); \n, \r and \t
 * become the two characters "\n" etc.; other control bytes, DEL and bytes
 * that are not UTF-8 become "\xHH". So a message can neither break the
 * line structure nor send escape sequences nor reorder what it shows. */
void zl_put_printable(struct zl_buf *b, const char *s, size_t n);

/* What a fix-it changes, only the changed part: "insert '.' after
 * 'dkim.amazonses.com'", "delete ' ' after 'p=MIIB…'", "replace 'x' with
 * 'y'" (the old text read from the source, lines of a multi-line span
 * joined by '\n'; "replace '?' with 'NEW'" when the source cannot be read).
 * Long parts keep their ends around an ellipsis. Raw bytes: each format
 * makes them printable its own way. */
void zl_report_fix_summary(struct zl_reporter *r, const struct zl_fix *fix, struct zl_buf *out);

/* JSON string body (no quotes): control characters as \b \f \n \r \t or
 * \u00XX, like common serialisers; invalid UTF-8 bytes each become U+FFFD
 * (written as \ufffd) because a JSON text must be Unicode and guessing an
 * encoding (e.g. Latin-1 via \u00XX) would invent characters. */
void zl_json_escape(struct zl_buf *b, const char *s, size_t n);

/* A small JSON writer that tracks commas and indentation. Containers
 * opened at depth < pretty get one element per line, indented two spaces;
 * deeper ones are written compactly. */
#define ZL_JW_MAXDEPTH 24
struct zl_jw {
    struct zl_buf *b;
    unsigned depth;
    unsigned pretty;
    bool after_key;
    bool nonempty[ZL_JW_MAXDEPTH];
};

void zl_jw_obj(struct zl_jw *w);
void zl_jw_obj_end(struct zl_jw *w);
void zl_jw_arr(struct zl_jw *w);
void zl_jw_arr_end(struct zl_jw *w);
void zl_jw_key(struct zl_jw *w, const char *key);
void zl_jw_str(struct zl_jw *w, const char *s);
/* A string meant to be read (message, note): as zl_jw_str after
 * zl_put_visible. */
void zl_jw_text(struct zl_jw *w, const char *s);
void zl_jw_strn(struct zl_jw *w, const char *s, size_t n);
void zl_jw_uint(struct zl_jw *w, unsigned long long v);
void zl_jw_null(struct zl_jw *w);
/* A value that is already JSON (true, or a nested writer's output). */
void zl_jw_raw(struct zl_jw *w, const char *json, size_t n);

/* What kind of input a finding's file was read as: the zone-file dialect
 * ("bind", "cloudflare", ...) or the export format ("route53", ...); NULL
 * when there is no file. Shown in JSON and SARIF output. */
const char *zl_report_input_kind(const struct zl_source *src);

#endif
