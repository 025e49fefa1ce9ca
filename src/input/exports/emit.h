/* SPDX-License-Identifier: MIT */
/* Shared by the structured readers: building records from YAML/JSON nodes
 * and handing them on exactly as the master-file parser does (RDATA through
 * zl_rdata_parse, so every rule sees the same kind of record). */
#ifndef ZL_FORMATS_EMIT_H
#define ZL_FORMATS_EMIT_H

#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/codes.h"
#include "input/parser.h"
#include "rdata/rdata.h"
#include "rdata/record.h"
#include "base/fileio.h"
#include "input/exports/ydoc.h"

struct zl_fmt_tok {
    size_t off;    /* text in f->text */
    uint32_t len, flags;
    struct zl_span span;
};

/* Where a streamed reader's input is (ystream.h): a file, read from its
 * start, or the text handed to the reader. */
struct zl_fmt_input {
    struct zl_file *file;
};

struct zl_ys_run;

struct zl_fmt {
    const struct zl_parse_opts *opts;
    struct zl_parse_result *res;
    struct zl_source *src;
    struct zl_ydocs y;
    const char *name;              /* file name, for the zone derived from it */
    struct zl_name origin;         /* the zone's name, when known */
    bool have_origin;
    unsigned errors_shown;
    struct zl_span last_error_span;
    unsigned long skipped;         /* records read but not handed on (pseudo-types) */
    struct zl_span skipped_span;   /* the first of them */
    bool lenient;                  /* octoDNS: the zone is lenient (its config says so) */
    const char *path;              /* the file or directory read, NULL for bytes (stdin) */

    /* The record being built. */
    struct zl_buf text;
    struct zl_fmt_tok *toks;
    size_t ntoks, ctoks;
    struct zl_token *out;
    size_t cout;
    struct zl_buf wire;
    struct zl_field fields[ZL_RDATA_MAX_FIELDS];
    char **kept;                   /* texts made by zl_fmt_no_nul, freed with the documents */
    size_t nkept;

    /* Streaming (ystream.h). */
    struct zl_fmt_input in;
    struct zl_ys_run *ys;
};

/* How a record's owner was written. */
struct zl_fmt_owner {
    struct zl_name name;
    const char *text;      /* as written (stable while the documents are loaded) */
    size_t len;
    uint32_t flags;        /* ZL_OWNER_* */
    struct zl_span span;
    struct zl_span record_span; /* where findings about the record as a whole point, when not
                                   at the name (the second record under one octoDNS key) */
    const char *set_id;    /* Route 53 SetIdentifier: routing records of one name */
    size_t set_id_len;
    const char *comment;   /* record metadata as a zone file comment carries it
                              ("cf_tags=cf-proxied:true"); NULL: none */
    size_t comment_len;
    struct zl_span comment_span;
    uint8_t served_by;     /* enum zl_served_by: the provider the input says serves it */
};

/* Findings of the readers: ZL1001 (counted against the error limit) and others. */
void zl_fmt_error(struct zl_fmt *f, const struct zl_span *s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void zl_fmt_report(struct zl_fmt *f, unsigned rule, const struct zl_span *s, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Hands on a finding built with zl_diag_init (one with notes, or another
 * severity than the rule's default); takes over d's contents. */
void zl_fmt_emit(struct zl_fmt *f, struct zl_diag *d);

/* The span of a node, and of its value without quotes when it sits on one line. */
struct zl_span zl_fmt_span(struct zl_fmt *f, size_t doc, const yaml_node_t *n);
struct zl_span zl_fmt_value_span(struct zl_fmt *f, size_t doc, const yaml_node_t *n);

/* A scalar's text with each NUL byte (JSON "\u0000") as the escape
 * "\000", which means the same octet in presentation format: no token or
 * owner text holds a NUL, so every message can quote it whole. Returns s
 * itself when it has none; else a copy kept until the documents go. */
const char *zl_fmt_no_nul(struct zl_fmt *f, const char *s, size_t n, size_t *outlen);
void zl_fmt_free_kept(struct zl_fmt *f);

/* RDATA tokens of the record being built. */
void zl_fmt_clear(struct zl_fmt *f);
void zl_fmt_tok(struct zl_fmt *f, const char *text, size_t len, uint32_t flags, struct zl_span span);
/* A presentation-format value ("10 mx.example.com.", "\"a\" \"b\"") split
 * into tokens as a zone file line would be, each with its own span inside
 * the scalar when the scalar sits on one line. Returns -1 (and reports)
 * when a quoted string does not close. */
int zl_fmt_tok_presentation(struct zl_fmt *f, size_t doc, const yaml_node_t *n);
/* The same for a rewritten value of the same length as the scalar's (so
 * its byte positions still hold). */
int zl_fmt_tok_presentation_text(struct zl_fmt *f, size_t doc, const yaml_node_t *n, const char *v);
/* The same for any value: spans through map (input offset of each byte,
 * len + 1 entries, as zl_y_scalar_map makes), or all at whole when NULL. */
int zl_fmt_tok_presentation_map(struct zl_fmt *f, const char *v, size_t len, const size_t *map,
                                struct zl_span whole);
/* A whole scalar as one token (quoted: a <character-string>). */
void zl_fmt_tok_scalar(struct zl_fmt *f, size_t doc, const yaml_node_t *n, uint32_t flags);

/* Parses a TTL scalar (decimal seconds); reports and returns -1 when bad. */
int zl_fmt_ttl(struct zl_fmt *f, size_t doc, const yaml_node_t *n, uint32_t *ttl);
int zl_fmt_ttl_text(struct zl_fmt *f, const char *v, size_t len, struct zl_span s, uint32_t *ttl);
/* The record type from a scalar; reports and returns -1 when unknown. */
int zl_fmt_type(struct zl_fmt *f, size_t doc, const yaml_node_t *n, uint16_t *type);
int zl_fmt_type_text(struct zl_fmt *f, const char *v, size_t len, struct zl_span s, uint16_t *type);

/* Hands the record on: RDATA from the tokens with rdata_origin appended to
 * relative names (names_absolute: the format says they are absolute anyway,
 * so they are marked as written absolute). Reports RDATA errors at the
 * offending token. Returns 0 when the record was handed on. */
int zl_fmt_record(struct zl_fmt *f, const struct zl_fmt_owner *owner, uint16_t type,
                  struct zl_span type_span, uint32_t ttl, enum zl_ttl_source ttl_source,
                  const struct zl_name *rdata_origin, bool names_absolute);

/* Narrows acc to the longest common suffix of the names seen (the zone of
 * an export without an SOA record). */
void zl_fmt_common_suffix(struct zl_name *acc, bool *have, const struct zl_name *n);

/* The zone of an export without one written down (Route 53, Cloud DNS):
 * the owner of the SOA record, else the longest suffix common to every
 * name. Feed every record's name, then pick. */
struct zl_fmt_zone_guess {
    struct zl_name soa, common;
    bool have_soa, have_common;
};
void zl_fmt_zone_guess_add(struct zl_fmt_zone_guess *g, const struct zl_name *n, bool is_soa);
/* Sets f's origin from the guess when it found one. */
void zl_fmt_zone_guess_use(struct zl_fmt *f, const struct zl_fmt_zone_guess *g);

/* The zone's name from an export's file name: "example.com.yaml" (octoDNS's
 * own rule), "example.com.zone.json". */
bool zl_fmt_origin_from_filename(const char *path, struct zl_name *out);

/* For the readers of YAML and JSON documents: loads text into f->y,
 * reporting a file that is not UTF-8 text or not YAML/JSON (syntax names
 * it: "JSON", "YAML/JSON"). The documents read before an error are kept.
 * Returns 0, or -1 after reporting. */
int zl_fmt_load_documents(struct zl_fmt *f, const char *text, size_t len, const char *syntax);

/* The readers' entry points are declared from their rows in
 * src/input/readers.def (readers.c). Terraform (src/input/terraform/): a
 * module directory, a .tf or .tf.json file (its directory's module), or one
 * file given as bytes (path NULL); and the JSON of `terraform show -json`. */
void zl_read_terraform(struct zl_fmt *f, const char *path, const char *data, size_t len);
void zl_read_tfshow(struct zl_fmt *f);

#endif
