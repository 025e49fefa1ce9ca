/* Terraform resources to DNS records (tf_records.c). */
#ifndef ZL_TF_RECORDS_H
#define ZL_TF_RECORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "input/exports/emit.h"
#include "input/terraform/tf_module.h"

struct zl_tf_emit {
    struct zl_fmt *f;
    struct zl_hcl_eval *E;
    struct zl_fmt_zone_guess guess; /* names seen, for the zone when none is known */
};

/* Is this a resource type with a mapper? */
bool zl_tf_is_record_type(const char *type, size_t len);
/* Maps one instance (an object of attributes and blocks). Returns false
 * when it could not be evaluated (the caller counts it). */
bool zl_tf_map_instance(struct zl_tf_emit *X, const char *type, size_t len, const struct zl_hv *inst,
                        struct zl_span at);

#endif
