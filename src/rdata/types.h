/* SPDX-License-Identifier: MIT */
/* RR types and classes: mnemonics (RFC 3597 TYPEnnn / CLASSnnn included)
 * and what other stages ask about a type. The types and everything about
 * them come from one table, rdata/types.def. */
#ifndef ZL_TYPES_H
#define ZL_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    ZL_CLASS_IN = 1, ZL_CLASS_CH = 3, ZL_CLASS_HS = 4, ZL_CLASS_NONE = 254, ZL_CLASS_ANY = 255,
};

/* ZL_T_A = 1, ZL_T_NS = 2, ... one per row of types.def. */
enum {
#define ZL_TYPE(id, mnemonic, code, flags, target, read, fields) ZL_T_##id = code,
#include "rdata/types.def"
#undef ZL_TYPE
};

/* Flags of a type (types.def's flags column). */
enum {
    ZL_TF_META = 1 << 0,     /* queries and transfers only, never zone data */
    ZL_TF_OBSOLETE = 1 << 1, /* obsolete or historic (IANA, the defining RFC) */
};

/* Type from its mnemonic (case-insensitive) or TYPEnnn; -1 when unknown. */
int zl_type_from_text(const char *s, size_t n);
/* Mnemonic, or NULL for a type without one. */
const char *zl_type_name(uint16_t type);
/* Mnemonic or "TYPEnnn" into out (at least 16 bytes); returns out. */
const char *zl_type_to_text(uint16_t type, char *out);

/* The record's target: the name it points to, which a resolver or client
 * follows next (CNAME, DNAME, NS, PTR, MX exchange, SRV target, NAPTR
 * replacement, SVCB/HTTPS TargetName, ...). Returns its index in the
 * record's fields (struct zl_record's fields), or -1 for types without
 * one. Where a type's layout varies (IPSECKEY's gateway, AMTRELAY's relay)
 * the field at that index is a name only when the record has one: check
 * its kind. A type with a target has no other name field. */
int zl_type_target_field(uint16_t type);
bool zl_type_has_target(uint16_t type);
/* The RDATA is the target name alone (CNAME, DNAME, NS, PTR, ...). */
bool zl_type_target_only(uint16_t type);
/* Field i of the type's RDATA is a domain name: from the field list where
 * types.def gives one, and the target field; false for fields it does not
 * describe. */
bool zl_type_field_is_name(uint16_t type, unsigned i);

/* ZL_TF_* of the type; 0 for types without a row. */
unsigned zl_type_flags(uint16_t type);
/* A meta-type (BIND: type 0, OPT and 128-255): never in zone data. */
bool zl_type_is_meta(uint16_t type);

/* The types of types.def, in its order (for tests and listings). */
size_t zl_type_count(void);
uint16_t zl_type_at(size_t i);

/* Class from IN/CH/HS/NONE/ANY or CLASSnnn; -1 when not a class. */
int zl_class_from_text(const char *s, size_t n);
const char *zl_class_to_text(uint16_t rclass, char *out);

#endif
