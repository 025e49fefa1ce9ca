/* SPDX-License-Identifier: MIT */
/* The command line's side of the sender packs: `zonelint senders`,
 * `zonelint explain sender:NAME`, loading `senders = DIR` directories and
 * checking sender:NAME in --select/--ignore. */
#ifndef ZL_SENDER_PRINT_H
#define ZL_SENDER_PRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "lint/senders.h"

/* The built-in packs plus every directory in dirs (n of them). On a pack
 * error prints "file:line:col: error: ..." to err and returns NULL. */
struct zl_senders *zl_senders_for_run(char *const *dirs, size_t n, FILE *err);

/* One line per pack: id, name, records, where it comes from. */
void zl_senders_print_list(const struct zl_senders *s, FILE *out);
/* The pack's description, records and sources; false when id is unknown. */
bool zl_senders_print_pack(const struct zl_senders *s, const char *id, FILE *out);

/* The first "sender:NAME" of list that names no pack, or NULL. */
const char *zl_senders_unknown_name(const struct zl_senders *s, char *const *list, size_t n);

#endif
