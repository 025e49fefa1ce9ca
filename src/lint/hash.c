/* SPDX-License-Identifier: MIT */
/* Hashes of names and RDATA for the rules' tables: case-insensitive
 * where DNS compares names so. */
#include "lint/engine_impl.h"

uint64_t zl_wire_hash64(const uint8_t *wire, size_t len)
{
    uint64_t h = mix(fnv(0xcbf29ce484222325ull, wire, len, true));
    return h ? h : 1; /* 0 means "no name" */
}

uint64_t zl_name_hash64(const struct zl_name *n)
{
    return zl_wire_hash64(n->wire, n->len);
}

uint64_t zl_rdata_hash64(const struct zl_record *rec)
{
    uint64_t h = 0xcbf29ce484222325ull ^ rec->type;
    size_t pos = 0;
    for (size_t i = 0; i < rec->nfields; i++) {
        const struct zl_field *f = &rec->fields[i];
        if (f->kind != ZL_FIELD_NAME)
            continue;
        /* Bytes before the name as they are; the name case-folded. */
        if (f->off > pos)
            h = fnv(h, rec->rdata + pos, f->off - pos, false);
        h = fnv(h, rec->rdata + f->off, f->len, true);
        pos = (size_t)f->off + f->len;
    }
    if (pos < rec->rdlen)
        h = fnv(h, rec->rdata + pos, rec->rdlen - pos, false);
    return mix(h);
}
