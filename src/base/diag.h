/* Diagnostics: what rules and the parser report. Nothing below src/ prints;
 * reporters (report_*.c) turn diagnostics into text/gcc/json/sarif/github. */
#ifndef ZL_DIAG_H
#define ZL_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "base/loc.h"
#include "base/severity.h"


struct zl_fix {
    struct zl_span span;    /* text to replace */
    char *replacement;      /* owned */
};

/* A key/value the reporters add to a finding's machine-readable output
 * (JSON "properties", SARIF result.properties): {"sender": "sendgrid"}. */
struct zl_diag_prop {
    char *key, *value;      /* owned */
};

struct zl_diag {
    const char *code;       /* "ZL1001" (static, from the registry) */
    const char *slug;       /* "syntax" (static) */
    enum zl_severity severity;
    struct zl_span span;
    char *message;          /* owned */
    char **notes;           /* owned, nnotes entries */
    size_t nnotes;
    struct zl_fix *fix;     /* owned, optional */
    uint16_t rule;          /* index in the registry that made it (enum zl_rule_id) */
    struct zl_diag_prop *props; /* owned, nprops entries, usually none */
    size_t nprops;
    uint32_t rec_line, rec_col; /* engine: where the record it is about starts (0: not known) */
};

void zl_diag_free(struct zl_diag *d);

/* Building diagnostics (src/base/diag.c). zl_diag_free frees what d owns and
 * zeroes it, not d itself (sinks take ownership of contents, not of the
 * struct). */
/* Sets code and slug of the registry's rule `rule` (enum zl_rule_id in
 * base/codes.h) and formats the message; severity is explicit because the
 * configuration may override the rule's default. */
void zl_diag_init(struct zl_diag *d, unsigned rule, enum zl_severity sev,
                  struct zl_span span, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void zl_diag_add_note(struct zl_diag *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Sets property key (replacing an earlier value of it). */
void zl_diag_set_prop(struct zl_diag *d, const char *key, const char *value);
/* Value of property key, or NULL. */
const char *zl_diag_prop(const struct zl_diag *d, const char *key);
/* Replaces any earlier fix-it. */
void zl_diag_set_fix(struct zl_diag *d, struct zl_span span, const char *replacement);
/* Deep copy, for sinks that keep diagnostics (sorting, suppression). */
void zl_diag_copy(struct zl_diag *dst, const struct zl_diag *src);
/* Report order: file path, line, column, code. NULL source sorts first. */
int zl_diag_cmp(const struct zl_diag *a, const struct zl_diag *b);

/* Where diagnostics go while parsing/linting. */
struct zl_diag_sink {
    void (*emit)(void *user, struct zl_diag *d); /* takes ownership of d's contents */
    void *user;
};

/* Formats a finding of the registry's rule `rule` (enum zl_rule_id), at its
 * default severity, and hands it to sink (nothing when sink->emit is NULL):
 * how the parser and the input readers report. */
void zl_sink_vemit(const struct zl_diag_sink *sink, unsigned rule, const struct zl_span *span,
                   const char *fmt, va_list ap);

#endif
