/* SPDX-License-Identifier: MIT */
/* Terraform resources to DNS records (tf_records.c). */
#ifndef ZL_TF_RECORDS_H
#define ZL_TF_RECORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "input/exports/emit.h"
#include "input/terraform/hcl_eval.h"

struct zl_tf_emit {
    struct zl_fmt *f;
    struct zl_hcl_eval *E;
    unsigned long zone_unknown;  /* records handed on whose names lack their unknown zone */
};

/* Attributes a provider computes that still say something known: the zone
 * a zone id stands for. Adds them to inst (a resource or data source
 * instance, as tf_module.c builds it). */
void zl_tf_computed(struct zl_hcl_eval *E, const char *type, size_t tlen, bool data, struct zl_hv *inst);

/* Is this a resource type with a mapper? */
bool zl_tf_is_record_type(const char *type, size_t len);
/* A resource type whose name says it is a DNS record of a provider
 * zonelint has no mapper for (njalla_record_txt, cloudns_dns_record). */
bool zl_tf_is_unmapped_dns_type(const char *type, size_t len);

/* Which zone a record is in, as far as the configuration says: its name
 * (the zone resource or data source it refers to, azurerm's zone_name,
 * --origin), else the zone id written, else the value known only at apply
 * time that stands for it (one value, one zone, whatever it is). */
enum zl_tf_zone_kind {
    ZL_TF_ZONE_NONE,   /* no zone attribute at all */
    ZL_TF_ZONE_NAME,
    ZL_TF_ZONE_ID,
    ZL_TF_ZONE_VALUE,
};
struct zl_tf_zone_key {
    enum zl_tf_zone_kind kind;
    struct zl_name name;       /* NAME */
    const char *id;            /* ID */
    size_t idlen;
    const void *value;         /* VALUE: compared by identity */
    const char *attr;          /* not NAME: the attribute that would say ("zone_id") */
};
void zl_tf_zone_of(const struct zl_tf_emit *X, const char *type, size_t len, const struct zl_hv *inst,
                   struct zl_tf_zone_key *k);
bool zl_tf_zone_key_equal(const struct zl_tf_zone_key *a, const struct zl_tf_zone_key *b);

/* Maps one instance (an object of attributes and blocks). Returns NULL
 * when it was mapped (or is no record type), else the attribute that
 * could not be evaluated (the caller counts it). */
const char *zl_tf_map_instance(struct zl_tf_emit *X, const char *type, size_t len, const struct zl_hv *inst,
                               struct zl_span at);

/* Records of many zones, handed on zone by zone: each zone is linted on
 * its own (opts->on_zone), so records of different zones are never
 * compared, whatever their names. Add every instance, then map. */
struct zl_tf_item {
    const char *type;
    size_t tlen;
    const struct zl_hv *inst;
    struct zl_span at;
    void *user;                /* the caller's (the resource) */
    struct zl_tf_zone_key key;
    uint32_t group, next;      /* internal */
};
struct zl_tf_batch {
    struct zl_tf_item *v;
    size_t n, cap;
    /* after map: records handed on whose names lack a zone not known here
     * (ZL_OWNER_ZONE_UNKNOWN), the first of them, and the attribute that
     * would have said it */
    unsigned long unknown_zone;
    struct zl_span first_unknown;
    const char *unknown_attr;
};
void zl_tf_batch_add(struct zl_tf_emit *X, struct zl_tf_batch *b, const char *type, size_t tlen,
                     const struct zl_hv *inst, struct zl_span at, void *user);
/* Maps every item, zone by zone (in the order each zone first appears,
 * items in the order added); done(user, item, why) after each, why as
 * zl_tf_map_instance returns it. */
void zl_tf_batch_map(struct zl_tf_emit *X, struct zl_tf_batch *b,
                     void (*done)(void *ctx, const struct zl_tf_item *it, const char *why), void *ctx);
/* Reports, once, how many records have a zone not known here (ZL1006). */
void zl_tf_batch_report(struct zl_tf_emit *X, const struct zl_tf_batch *b);
void zl_tf_batch_free(struct zl_tf_batch *b);

#endif
