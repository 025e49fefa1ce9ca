/* SPDX-License-Identifier: MIT */
/* BIND-style dialects: provider exports that are master files with habits of
 * their own (Cloudflare, GoDaddy, Azure, Google Cloud, DigitalOcean,
 * Hetzner, cli53). The parser detects one from the header comments, the SOA
 * or cli53's pseudo-records, or takes it from --dialect, and reads the file
 * the way the provider meant it (see dialect.c for what each one changes). */
#ifndef ZL_DIALECT_H
#define ZL_DIALECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/names.h"

enum zl_dialect {
    ZL_DIALECT_AUTO = 0,    /* options only: detect it */
    ZL_DIALECT_BIND,        /* plain RFC 1035 / BIND: nothing detected */
    ZL_DIALECT_CLOUDFLARE,
    ZL_DIALECT_GODADDY,
    ZL_DIALECT_AZURE,
    ZL_DIALECT_GCLOUD,
    ZL_DIALECT_DIGITALOCEAN,
    ZL_DIALECT_HETZNER,
    ZL_DIALECT_CLI53,
    ZL_DIALECT__COUNT
};

/* "auto", "bind", "cloudflare", ... */
const char *zl_dialect_name(enum zl_dialect d);
/* Parses a --dialect value (case-insensitive); returns 0 or -1. */
int zl_dialect_from_name(const char *s, enum zl_dialect *out);
/* Comma-separated list of the accepted names, for messages. */
const char *zl_dialect_names(void);

/* What the header comments of a provider export said. Fed one own-line
 * comment at a time (text without the first ';'), before the first record. */
struct zl_dialect_header {
    enum zl_dialect dialect;     /* ZL_DIALECT_AUTO until a header is recognised */
    unsigned seen;               /* internal: which header lines were seen */
    const char *zone;            /* zone name as written in the header (not NUL-terminated) */
    size_t zone_len;
    size_t zone_col;             /* byte offset of the name in the comment text */
};

/* Returns true when this line named the zone (zone/zone_len just set). */
bool zl_dialect_header_line(struct zl_dialect_header *h, const char *text, size_t len);

/* Dialect implied by an SOA's MNAME and RNAME (Google Cloud DNS,
 * DigitalOcean, Hetzner), or ZL_DIALECT_AUTO. */
enum zl_dialect zl_dialect_from_soa(const struct zl_name *mname, const struct zl_name *rname);

/* cli53 writes Route 53 routing policies as a trailing comment:
 *   ; AWS routing="WEIGHTED" weight=1 identifier="One"
 * True when the comment is one; *id and *id_len receive the identifier
 * (empty when absent). */
bool zl_dialect_cli53_routing(const char *text, size_t len, const char **id, size_t *id_len);

/* Cloudflare answers "automatic" TTLs (written as 1) with this TTL. */
#define ZL_CLOUDFLARE_AUTO_TTL 300u

/* The dialect detected for the file a finding points into (an included file
 * reports its top file's dialect): "bind", "cloudflare", ... ; NULL for a
 * finding that belongs to no file, or to an input that is not a master file
 * (Route 53 JSON, octoDNS YAML). Reporters can print it per file. */
struct zl_source;
const char *zl_source_dialect(const struct zl_source *src);

#endif
