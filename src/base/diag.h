/* SPDX-License-Identifier: MIT */
/* Diagnostics: what rules and the parser report. Nothing below src/ prints;
 * reporters (report_*.c) turn diagnostics into text/gcc/json/sarif/github. */
#ifndef ZL_DIAG_H
#define ZL_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/loc.h"
#include "base/severity.h"


/* How sure a fix-it is (ruff's applicability). --fix applies the safe ones,
 * --unsafe-fixes the others too.
 *   SAFE    it cannot change the meaning other than as the finding says:
 *           the trailing dot of a dotless external name, a doubled apex
 *           removed, pasted blanks, quotes or zero-width characters
 *           stripped, a key split at a blank rejoined, a TXT quoted;
 *   UNSAFE  a judgement: which value was meant (a token taken from the
 *           name, a misspelt domain, a record type changed, which of two
 *           policies to keep). */
enum zl_fix_safety { ZL_FIX_SAFE = 0, ZL_FIX_UNSAFE = 1 };

struct zl_fix {
    struct zl_span span;    /* text to replace */
    char *replacement;      /* owned */
    enum zl_fix_safety safety;
};

/* "safe" or "unsafe". */
const char *zl_fix_safety_name(enum zl_fix_safety s);

/* What a finding is about, for fingerprints that survive moving lines
 * (--baseline): the record's owner, type and a hash of its value. Set by
 * the engine when the finding concerns one record; valid is false for
 * findings about a whole file. */
struct zl_diag_subject {
    uint64_t owner_hash;    /* zl_name_hash64 of the owner */
    uint64_t value_hash;    /* zl_rdata_hash64 folded to 32 bits, as the zone summary keeps it */
    uint16_t type;
    bool valid;
    char *owner;            /* owned: the owner in presentation format, or NULL */
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
    struct zl_diag_subject subject; /* engine: the record it is about (baseline fingerprints) */
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
/* Replaces any earlier fix-it; safety says whether --fix may apply it
 * (enum zl_fix_safety above). */
void zl_diag_set_fix(struct zl_diag *d, struct zl_span span, const char *replacement,
                     enum zl_fix_safety safety);
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
