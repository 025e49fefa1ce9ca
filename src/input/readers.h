/* SPDX-License-Identifier: MIT */
/* Input formats: BIND master files and the structured exports of DNS
 * providers (Route 53 JSON, octoDNS YAML, Google Cloud DNS record sets).
 * Every format hands its records to the same zl_parse_opts callbacks as the
 * master-file parser, with spans that point into the file as written, so
 * rules, suppressions by config and `print` work unchanged. */
#ifndef ZL_FORMAT_H
#define ZL_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "input/parser.h"
#include "base/source.h"

struct zl_fmt;

/* One enumerator per row of src/input/readers.def, then AUTO. */
enum zl_input_format {
#define ZL_READER(id, name, title, looks_for, caps, sniff, read, zone_from) ZL_INPUT_##id,
#define ZL_READER_ZONE(id, name, title, caps, zone_from) ZL_INPUT_##id,
#include "input/readers.def"
#undef ZL_READER
#undef ZL_READER_ZONE
    ZL_INPUT_AUTO, /* detect from content and file name */
};

/* What a format can hold, for the stages after reading. */
enum {
    ZL_READS_SOA = 1u << 0,               /* the SOA record: a missing one is a finding (ZL3101) */
    ZL_READS_FIXITS = 1u << 1,            /* fix-its (master-file text) apply to the file as written */
    ZL_READS_ZONE_IS_FILE_NAME = 1u << 2, /* the zone's name is the file's (<zone>.yaml) */
    ZL_READS_MODULE = 1u << 3,            /* a file stands for its directory (a Terraform module): several
                                             files of one directory are read once */
    ZL_READS_MANY_ZONES = 1u << 4,        /* records of several zones, each checked against its own by the
                                             reader (no zone-wide out-of-zone check, ZL3103) */
    ZL_READS_STREAMED = 1u << 5,          /* read gets no text from a file: it streams the file
                                             itself (f->in, src/input/exports/ystream.h) */
};

/* What detection sees of a file: its first bytes and its name. */
struct zl_sniff {
    const char *data;
    size_t len;
    const char *name;  /* may be NULL */
    bool json;         /* the first significant line opens a JSON value */
    bool yaml;         /* ... is YAML (a key, a list item, a document marker) */
    bool named;        /* the name ends in .json, .yaml or .yml */
    const char *dir;   /* the input is this directory (data is empty): a reader that reads a
                          directory as one input (a Terraform module) claims it */
};

struct zl_reader {
    enum zl_input_format id;
    const char *name, *title, *looks_for;
    unsigned caps;
    bool (*sniff)(const struct zl_sniff *s);
    void (*read)(struct zl_fmt *f, const char *text, size_t len);
    const char *zone_from;
};

/* Each row's sniff and read functions (a reader's file includes this
 * header, so its entry points need no header of their own). */
#define ZL_READER(id, name, title, looks_for, caps, sniff, read, zone_from) \
    bool sniff(const struct zl_sniff *s);                                   \
    void read(struct zl_fmt *f, const char *text, size_t len);
#define ZL_READER_ZONE(id, name, title, caps, zone_from)
#include "input/readers.def"
#undef ZL_READER
#undef ZL_READER_ZONE

/* The row of a format (AUTO and out-of-range: the zone file's). */
const struct zl_reader *zl_reader_of(enum zl_input_format f);
/* The row a source was read with. */
const struct zl_reader *zl_reader_of_source(const struct zl_source *src);
/* "zone route53 gcloud octodns auto", for --help and completions. */
const char *zl_input_format_words(void);
/* "zone, route53, gcloud, octodns or auto", for messages. Returns buf. */
const char *zl_input_format_names(char *buf, size_t cap);

/* Detection helper for sniffers: is needle in the n bytes at p? */
bool zl_sniff_contains(const struct zl_sniff *s, const char *needle);
/* ... as a mapping key: "key": (JSON), key: or 'key': at the start of a
 * YAML line or list item. */
bool zl_sniff_has_key(const struct zl_sniff *s, const char *key);

/* The row's name, or "auto". */
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


/* What --print-config shows for a file: the format and why ("route53
 * (detected: JSON with ResourceRecordSets)"); reads the start of the file.
 * Returns buf. */
const char *zl_input_format_describe(const char *path, enum zl_input_format requested, char *buf,
                                     size_t cap);

#endif
