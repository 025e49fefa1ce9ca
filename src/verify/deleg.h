/* SPDX-License-Identifier: MIT */
/* Finding the delegation: the parent zone's servers (by walking down from
 * the root with non-recursive queries, or given with --parent) are asked
 * for the domain's NS records; their referral names the delegated servers
 * and their glue. Servers named without glue get their addresses the same
 * way (a walk from the root, or the --parent servers first). */
#ifndef ZL_VERIFY_DELEG_H
#define ZL_VERIFY_DELEG_H

#include <stddef.h>

#include "verify/run.h"

enum { ZL_VFAMILY_V4 = 1, ZL_VFAMILY_V6 = 2 };

struct zl_vdeleg_opts {
    const struct zl_vaddr *parents;   /* --parent; NULL: walk from the root */
    size_t nparents;
    const struct zl_vaddr *roots;     /* --root (a private root, for tests); NULL: the root servers */
    size_t nroots;
    int families;                     /* ZL_VFAMILY_*: -4, -6 */
};

/* Fills r->kind, the parent fields and r->servers. Returns 0, or -1 with a
 * message in err when no parent server gave a usable answer (no network,
 * every parent lame): exit 2. */
int zl_vdeleg_find(struct zl_vrun *r, const struct zl_vdeleg_opts *o, char *err, size_t errlen);

/* The root servers' addresses (IANA root hints), IPv4 first. */
size_t zl_vroot_hints(struct zl_vaddr *out, size_t cap, uint16_t port);

#endif
