/* SPDX-License-Identifier: MIT */
/* Route 53 record sets, shared by the readers of what is sent to or read
 * from the Route 53 API: list-resource-record-sets exports (route53.c),
 * change batches (r53_change.c) and CloudFormation's AWS::Route53::RecordSet
 * (cloudformation.c), which all carry ResourceRecordSet semantics:
 *
 * - Name is absolute with or without its trailing dot (Route 53 never
 *   appends the zone); characters outside a-z0-9-_ may be \DDD escapes,
 *   which are octal (\052 is '*'), where a master file's are decimal.
 * - Values are presentation format; names in them are absolute too. TXT
 *   and SPF values carry their own quotes: Route 53 refuses one without
 *   them (InvalidCharacterString).
 * - Alias records (AliasTarget) and traffic-policy records have no RR
 *   type of their own: they are skipped, neither reported nor printed. */
#ifndef ZL_R53_RRSET_H
#define ZL_R53_RRSET_H

#include <stdbool.h>
#include <stddef.h>

#include "input/exports/emit.h"

/* A name as a master file would write it: an octal escape of a character
 * that needs none there becomes the character ('*'), the others decimal
 * escapes; a NUL (JSON \u0000) becomes \000. The caller frees the text. */
char *zl_r53_name_text(const char *s, size_t n, size_t *outlen);
/* The name written s (n bytes), absolute; false when it is not one. */
bool zl_r53_name(const char *s, size_t n, struct zl_name *out, enum zl_name_status *st);

/* One ResourceRecordSet mapping (Name, Type, TTL, ResourceRecords,
 * SetIdentifier, AliasTarget): its records handed on, what Route 53 would
 * refuse reported. */
void zl_r53_rrset(struct zl_fmt *f, size_t doc, yaml_node_t *set);

/* One value of a record set of the given type, written v (vlen bytes):
 * tokens for zl_fmt_record, spans through map (the input offset of each
 * byte of v, vlen + 1 entries; see zl_y_scalar_map), or all at whole when
 * map is NULL. Returns 0 when the tokens are ready, -1 after reporting (a
 * TXT value without its quotes, a quote that does not close). */
int zl_r53_value(struct zl_fmt *f, uint16_t type, const char *v, size_t vlen, const size_t *map,
                 struct zl_span whole);

/* A placeholder that a tool (or a person) fills in before the text is
 * used: ${NAME}, {{ name }} (Jinja, Go templates, CloudFormation's
 * {{resolve:...}}) and, with shell set, $NAME (envsubst) and <FQDN>. Its
 * offset and length in *at, *len. */
bool zl_r53_placeholder(const char *s, size_t n, bool shell, size_t *at, size_t *len);

/* The zone of names given without it (a change batch, a record set whose
 * hosted zone is known only by its ID): the suffix common to them, with
 * what a hosted zone cannot be taken off. A doubled tail (a.example.com.
 * example.com, the mistake these files are linted for) is the zone once;
 * service labels (_dmarc, _domainkey) are no zone's top; and one name
 * alone says nothing about where its zone starts, so the registrable
 * domain (Public Suffix List) is taken for it. */
struct zl_r53_zone_guess {
    struct zl_name common, first;
    bool have, several;
};
void zl_r53_zone_guess_add(struct zl_r53_zone_guess *g, const struct zl_name *n);
bool zl_r53_zone_guess_pick(const struct zl_r53_zone_guess *g, struct zl_name *out);

#endif
