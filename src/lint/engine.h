/* SPDX-License-Identifier: MIT */
/* The rule engine. Per-record rules are called as each record arrives,
 * dispatched by RR type; zone rules run once per file after input, over a
 * compact summary of every record (zl_zone). Rules never print: they report
 * through the context, which applies selection, severity, suppressions. */
#ifndef ZL_ENGINE_H
#define ZL_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "base/names.h"
#include "rdata/record.h"
#include "lint/rule.h"

struct zl_ctx;

/* ---- for rules ------------------------------------------------------------ */

/* Reports a finding of rule at span. Returns the diagnostic so the rule can
 * add notes (zl_diag_add_note) or a fix-it (zl_diag_set_fix) before its
 * hook returns, or NULL when the rule is not selected (then skip the work). */
struct zl_diag *zl_report(struct zl_ctx *ctx, const struct zl_rule *rule, const struct zl_span *span,
                          const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* True when the rule is selected (cheap; use it to skip expensive checks). */
bool zl_ctx_enabled(const struct zl_ctx *ctx, const struct zl_rule *rule);

/* The zone's origin (the file's first origin: --origin, first $ORIGIN, or the
 * file name), or NULL when unknown. */
const struct zl_name *zl_ctx_origin(const struct zl_ctx *ctx);
/* True when the file looks like a whole zone (has an SOA, or no $INCLUDE
 * and is not marked as a fragment): zone-completeness rules check only then. */
bool zl_ctx_whole_zone(const struct zl_ctx *ctx);
/* Per-rule state for the current file: a slot that starts NULL. Memory from
 * zl_ctx_alloc is zeroed and freed when the file is done. */
void **zl_ctx_state(struct zl_ctx *ctx, const struct zl_rule *rule);
void *zl_ctx_alloc(struct zl_ctx *ctx, size_t n);
/* The same, not zeroed: for a buffer that is written before it is read. */
void *zl_ctx_alloc_raw(struct zl_ctx *ctx, size_t n);
char *zl_ctx_strdup(struct zl_ctx *ctx, const char *s, size_t n);
/* A zeroed block of its own, freed when the file is done or by
 * zl_ctx_block_free (NULL: nothing): for a table that grows, or one a zone
 * hook needs only while it runs, which the arena would keep to the end. */
void *zl_ctx_block(struct zl_ctx *ctx, size_t n);
void zl_ctx_block_free(struct zl_ctx *ctx, void *p);

/* Cross-check inputs for the whole run (--ses-identity, --expect-ns), or
 * NULL when not given. */
struct zl_ses_expect;
struct zl_delegation;
const struct zl_ses_expect *zl_ctx_ses_expect(const struct zl_ctx *ctx);
const struct zl_delegation *zl_ctx_delegation(const struct zl_ctx *ctx);
/* The sender packs (src/senders.h): the run's registry, or the built-in
 * packs when the caller gave none (then made on first use, per engine). */
struct zl_senders;
struct zl_senders *zl_ctx_senders(struct zl_ctx *ctx);
/* The index the record being checked gets in the zone summary (recs[] of
 * struct zl_zone), for record hooks that point back to it later. */
uint32_t zl_ctx_record_index(const struct zl_ctx *ctx);
/* What the engine found out about rec's owner as it took the record in,
 * kept for the record hooks so each need not work it out again:
 * zl_name_hash64(&rec->owner), and whether the owner is outside the
 * origin (false without one). Computed afresh for a record other than the
 * one being checked. */
uint64_t zl_ctx_owner_hash(const struct zl_ctx *ctx, const struct zl_record *rec);
bool zl_ctx_owner_outside(const struct zl_ctx *ctx, const struct zl_record *rec);
/* Line 1, column 1 of the file being linted: the anchor for a finding about
 * something the file lacks when it has no record to point at. */
struct zl_span zl_ctx_file_start(const struct zl_ctx *ctx);
/* How many zones the input being linted holds: more than 1 for a reader of
 * many zones (a Terraform module), whose zones are linted one after the
 * other, each on its own. A cross-check about one domain then speaks only
 * in the zone that holds it. */
unsigned zl_ctx_input_zones(const struct zl_ctx *ctx);

/* ---- zone summary (for check_zone hooks) ---------------------------------- */

/* One line per record, in input order, kept small (32 bytes, and a byte of
 * flags beside it): a million records must fit in less memory than the
 * zone file. Hashes are 64-bit, case-insensitive for names; equal hashes
 * are taken as equal values. What few records have (a routing identifier)
 * and what runs of records share (their file) are kept apart. */
struct zl_zrec {
    uint64_t owner;          /* zl_name_hash64 of the owner */
    uint32_t rdata;          /* zl_rdata_hash64, folded to 32 bits: it is only ever
                                compared within one owner and type */
    uint32_t ttl;
    uint32_t next;           /* next record with the same owner, or UINT32_MAX */
    uint32_t line;           /* where the record starts; zl_zone_span() gives the span */
    uint16_t col, end_col;   /* on that line (end_col clamped) */
    uint16_t type;
    uint16_t rclass;
};

/* zl_zone.flags[i], record i's */
enum {
    ZL_ZREC_APEX = 1 << 0,       /* owner is the origin */
    ZL_ZREC_OUT_OF_ZONE = 1 << 1,
    ZL_ZREC_OWNER_FIRST = 1 << 2, /* the first record of its owner (a chain's head) */
    ZL_ZREC_SET_ID = 1 << 3,     /* has a routing identifier (zl_zone_set_id) */
};

/* The target name of CNAME/DNAME/NS/PTR/MX/AFSDB/KX/RT/SRV records, in
 * input order (rec is the index in recs). */
struct zl_ztarget {
    uint64_t name;           /* zl_name_hash64 of the target */
    uint32_t rec;
    uint32_t line;
    uint16_t col, end_col;
};

struct zl_zone {
    const struct zl_name *origin; /* may be NULL */
    bool whole_zone;              /* has an SOA or NS at its apex, and was read whole */
    bool incomplete;              /* an $INCLUDE was not read */
    const struct zl_zrec *recs;
    const uint8_t *flags;         /* ZL_ZREC_*, one byte a record */
    size_t nrecs;
    const struct zl_ztarget *targets;
    size_t ntargets;
    bool has_soa_at_apex, has_ns_at_apex;
    const struct zl_ctx *ctx;     /* internal: owns the owner index */
};

/* The span of record i (its first line), and of target k's token. */
struct zl_span zl_zone_span(const struct zl_zone *z, uint32_t i);
struct zl_span zl_zone_target_span(const struct zl_zone *z, size_t k);

/* Record i's routing-policy identifier (Route 53 SetIdentifier, cli53's
 * routing comment) as a hash, or 0 when it has none: records with
 * different identifiers are different record sets. */
uint32_t zl_zone_set_id(const struct zl_zone *z, uint32_t i);

/* First record (index) with this owner hash, or UINT32_MAX. */
uint32_t zl_zone_first(const struct zl_zone *z, uint64_t owner_hash);

uint64_t zl_name_hash64(const struct zl_name *n);
/* The same hash for a name given as wire bytes (a suffix of a name's wire
 * is the wire of its ancestor): equal to zl_name_hash64 of that name. */
uint64_t zl_wire_hash64(const uint8_t *wire, size_t len);
/* Hash of RDATA with embedded domain names case-folded (per type). */
uint64_t zl_rdata_hash64(const struct zl_record *rec);

/* ---- for the CLI ------------------------------------------------------------ */

/* Besides rules, select and ignore take "sender:NAME" (a sender pack id):
 * selecting one turns the sender-* rules on and keeps only their findings
 * about the named senders; ignoring one drops every finding whose "sender"
 * property names it. The names are checked by the caller (they depend on
 * the packs loaded). */
struct zl_selection {
    char **select;   /* codes, slugs or prefixes ("ZL5", "ses-"); NULL/empty = all */
    size_t nselect;
    char **ignore;
    size_t nignore;
};

struct zl_engine;

/* sink receives every finding that survives selection and suppressions, in
 * the order they were made; sorting is the caller's business. */
struct zl_engine *zl_engine_new(const struct zl_selection *sel, struct zl_diag_sink sink);
/* The same with another registry than the built-in one (tests). */
struct zl_engine *zl_engine_new_registry(const struct zl_registry *reg, const struct zl_selection *sel,
                                         struct zl_diag_sink sink);
void zl_engine_free(struct zl_engine *e);
/* Returns false when sel names an unknown code/slug (message in *bad). */
bool zl_selection_valid(const struct zl_selection *sel, const char **bad);
/* True when sel selects the rule, as the engine decides (for findings made
 * outside the engine: zonelint verify). */
bool zl_selection_selects(const struct zl_selection *sel, const struct zl_rule *r);

/* One file: begin, then records/comments/parser diagnostics, then end. */
void zl_engine_begin(struct zl_engine *e, const struct zl_name *origin);
void zl_engine_record(struct zl_engine *e, const struct zl_record *rec);
void zl_engine_comment(struct zl_engine *e, const char *text, size_t len, const struct zl_span *span,
                       bool own_line);
void zl_engine_diag(struct zl_engine *e, struct zl_diag *d); /* parser findings */
/* incomplete: part of the zone was not read (an $INCLUDE refused, missing
 * or over budget), so what the zone seems to lack is not reported. */
void zl_engine_end(struct zl_engine *e, bool incomplete);
/* Extra suppressions (config file): codes/slugs suppressed for a whole file. */
void zl_engine_disable_file(struct zl_engine *e, const char *code_or_slug);
/* Run-wide cross-check inputs (kept by the caller for the engine's life). */
void zl_engine_set_ses_expect(struct zl_engine *e, const struct zl_ses_expect *x);
void zl_engine_set_delegation(struct zl_engine *e, const struct zl_delegation *d);
/* The sender-pack registry for the run (kept by the caller; NULL: built-in). */
void zl_engine_set_senders(struct zl_engine *e, struct zl_senders *s);
/* The top file of the current input, for zl_ctx_file_start (before end). */
void zl_engine_set_file(struct zl_engine *e, const struct zl_source *src);
/* The input holds this many zones, linted one per begin/end (after begin). */
void zl_engine_set_input_zones(struct zl_engine *e, unsigned n);

#endif
