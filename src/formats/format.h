/* Input formats: BIND master files and the structured exports of DNS
 * providers (Route 53 JSON, octoDNS YAML, Google Cloud DNS record sets).
 * Every format hands its records to the same zl_parse_opts callbacks as the
 * master-file parser, with spans that point into the file as written, so
 * rules, suppressions by config and `print` work unchanged. */
#ifndef ZL_FORMAT_H
#define ZL_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "parser.h"
#include "source.h"

/* ZONE is 0: a source nobody marked is a master file. */
enum zl_input_format {
    ZL_INPUT_ZONE = 0,
    ZL_INPUT_ROUTE53,  /* aws route53 list-resource-record-sets (JSON, or --output yaml) */
    ZL_INPUT_OCTODNS,  /* octoDNS YamlProvider zone file */
    ZL_INPUT_GCLOUD,   /* gcloud dns record-sets export (YAML), or record-sets list JSON */
    ZL_INPUT_TERRAFORM, /* a Terraform module: *.tf, *.tf.json (src/input/terraform/) */
    ZL_INPUT_TFJSON,   /* terraform show -json (plan or state) */
    ZL_INPUT_AUTO,     /* detect from content and file name */
};

/* "zone", "route53", "octodns", "gcloud", "terraform", "tfjson", "auto". */
const char *zl_input_format_name(enum zl_input_format f);
/* Case-insensitive; 0 and *out set, or -1. */
int zl_input_format_from_name(const char *name, enum zl_input_format *out);

/* Detection from the start of the content (a few KiB are enough) and the
 * file name (may be NULL). Returns the format, or -1 when the content looks
 * like JSON or YAML but matches none of the structured formats (why then
 * says what was seen). */
int zl_input_format_detect(const char *data, size_t len, const char *name, char *why, size_t cap);

/* The format a source was read as (what `check` and `print` used for it):
 * for the reporters, which see every diagnostic's span.src. */
enum zl_input_format zl_source_input_format(const struct zl_source *src);

/* Reads one input in the given format (AUTO: detected). data == NULL reads
 * path ("-" = stdin is the caller's business: pass the bytes as data);
 * display is the name shown (NULL: path). For a zone file this is
 * zl_parse_file / zl_parse_buffer. *used (may be NULL) receives the format
 * read. A file that cannot be read, or whose content matches no format,
 * is a ZL1000 diagnostic with res->io_error set (exit 2). Returns 0, or -1
 * with res->io_error. */
int zl_read_input(const char *path, const char *display, const char *data, size_t len,
                  enum zl_input_format fmt, const struct zl_parse_opts *opts,
                  struct zl_parse_result *res, enum zl_input_format *used);

/* The format a file would be read as (requested unless AUTO); -1 when its
 * content matches none, or it cannot be read (then ZL_INPUT_ZONE). */
int zl_input_format_of_file(const char *path, enum zl_input_format requested);

/* The zone's name from an export's file name: "example.com.yaml" (octoDNS's
 * own rule), "example.com.zone.json". */
bool zl_fmt_origin_from_filename(const char *path, struct zl_name *out);

/* What --print-config shows for a file: the format and why ("route53
 * (detected: JSON with ResourceRecordSets)"); reads the start of the file.
 * Returns buf. */
const char *zl_input_format_describe(const char *path, enum zl_input_format requested, char *buf,
                                     size_t cap);

#endif
