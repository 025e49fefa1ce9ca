/* SPDX-License-Identifier: MIT */
/* The origin of a master file from the BIND configuration beside it.
 *
 * A file that BIND loads for `zone "example.com" { file "db.example"; };`
 * has the zone's name as its origin; it needs no $ORIGIN, and many trees
 * have none (shared "parked" files used by several zones, files named after
 * the zone backwards). When a zone file has no $ORIGIN and no --origin is
 * given, the zone statement that names it says what BIND would use, before
 * any guess from the file name.
 *
 * Found by walking up from the zone file's directory to the top of its git
 * work tree (else only its own directory), reading named.conf* files (and
 * the files they include, inside that tree), through confine.c. Bounded:
 * a few hundred KiB of configuration, 64 files. */
#ifndef ZL_NAMED_CONF_H
#define ZL_NAMED_CONF_H

#include <stdbool.h>
#include <stddef.h>

#include "base/names.h"

struct zl_named_zone {
    struct zl_name origin;   /* the zone statement's name */
    char conf[512];          /* where: "etc/bind/named.conf.local:12", relative to the tree */
    unsigned nzones;         /* zone statements that name this file (a shared file: > 1) */
};

/* The zone statement that names zone_file (a path as written). Returns
 * false when none does (or there is no configuration to read). */
bool zl_named_conf_zone(const char *zone_file, struct zl_named_zone *out);

/* The origin a master file starts with when no --origin is given: its zone
 * statement's name (path: the file on disk, may be NULL), else one guessed
 * from its name as shown (zl_origin_from_filename). Returns NULL when
 * neither gives one; *from_conf says which (nz, may be NULL, gets where). */
const struct zl_name *zl_initial_origin(const char *path, const char *shown, struct zl_name *out, bool *from_conf,
                                        struct zl_named_zone *nz);

#endif
