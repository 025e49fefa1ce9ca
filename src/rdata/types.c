/* SPDX-License-Identifier: MIT */
/* The RR-type table as data: the rows of types.def, the mnemonic lookup
 * (a perfect hash generated from the same rows), number -> row, and the
 * questions other stages ask about a type. Classes are here too. Includes
 * nothing above it: the encoders and every family file may use it. */
#include "rdata/types.h"

#include <string.h>

#include "rdata/ascii.h"
#include "rdata/type_hash.h"
#include "rdata/type_row.h"
#include "gen/types_hash.h"

/* Row ordinals: ZL_TI_A = 0, ... in types.def order. */
enum {
#define ZL_TYPE(id, mnemonic, code, flags, target, read, fields) ZL_TI_##id,
#include "rdata/types.def"
#undef ZL_TYPE
    ZL_TI_COUNT
};

#define ENGINE ZL_READ_ENGINE
#define HOOKS(parse, walk) ZL_READ_HOOKS
#define NOTEXT ZL_READ_NOTEXT
#define F(code, label) { code, label }
#define FIELDS(...) (const struct fdesc[]){ __VA_ARGS__ }, \
                    (uint8_t)(sizeof((const struct fdesc[]){ __VA_ARGS__ }) / sizeof(struct fdesc))
#define NOFIELDS NULL, 0

const struct zl_type_row zl_type_rows[] = {
#define ZL_TYPE(id, mnemonic, code, flags, target, read, fields) \
    { mnemonic, code, sizeof mnemonic - 1, flags, target, read, fields },
#include "rdata/types.def"
#undef ZL_TYPE
};

#undef ENGINE
#undef HOOKS
#undef NOTEXT
#undef F
#undef FIELDS
#undef NOFIELDS

_Static_assert(sizeof zl_type_rows / sizeof zl_type_rows[0] == ZL_TI_COUNT, "one row per type");

/* A switch on the code: the compiler makes it a table lookup for the dense
 * codes (duplicate codes in types.def do not compile). */
int zl_type_index(uint16_t type)
{
    switch (type) {
#define ZL_TYPE(id, mnemonic, code, flags, target, read, fields) case code: return ZL_TI_##id;
#include "rdata/types.def"
#undef ZL_TYPE
    default: return -1;
    }
}

const struct zl_type_row *zl_type_row(uint16_t type)
{
    int i = zl_type_index(type);
    return i < 0 ? NULL : &zl_type_rows[i];
}

size_t zl_type_count(void)
{
    return ZL_TI_COUNT;
}

uint16_t zl_type_at(size_t i)
{
    return i < ZL_TI_COUNT ? zl_type_rows[i].code : 0;
}

/* ---- mnemonics ---------------------------------------------------------- */

/* Parses "<prefix><digits>" (RFC 3597 TYPEnnn / CLASSnnn) as BIND does:
 * at most 5 digits, value at most 65535. */
static int numbered(const char *s, size_t n, const char *prefix, size_t plen)
{
    if (n <= plen || n > plen + 5 || !zl_rd_ieq(s, plen, prefix))
        return -1;
    unsigned v = 0;
    for (size_t i = plen; i < n; i++) {
        if (!zl_rd_is_digit(s[i]))
            return -1;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    return v > 65535 ? -1 : (int)v;
}

/* Called for every word at the start of a record (types, classes, owners
 * that look like words): one hashed probe, then one compare. */
int zl_type_from_text(const char *s, size_t n)
{
    if (n - 1 < ZL_TYPE_NAME_MAX) {
        unsigned slot = zl_type_hash_slot(zl_type_hash_key(s, n), ZL_TYPE_HASH_MUL, ZL_TYPE_HASH_BITS);
        unsigned r = zl_type_hash_rows[slot];
        if (r) {
            const struct zl_type_row *row = &zl_type_rows[r - 1];
            if (row->len == n && zl_rd_ieq(s, n, row->name))
                return row->code;
        }
    }
    return numbered(s, n, "TYPE", 4);
}

const char *zl_type_name(uint16_t type)
{
    int i = zl_type_index(type);
    return i < 0 ? NULL : zl_type_rows[i].name;
}

/* Writes prefix + decimal v into out; returns out. */
static const char *numbered_text(const char *prefix, unsigned v, char *out)
{
    size_t n = strlen(prefix);
    memcpy(out, prefix, n);
    char tmp[8];
    int i = 0;
    do {
        tmp[i++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (i)
        out[n++] = tmp[--i];
    out[n] = '\0';
    return out;
}

const char *zl_type_to_text(uint16_t type, char *out)
{
    int i = zl_type_index(type);
    if (i >= 0) {
        memcpy(out, zl_type_rows[i].name, zl_type_rows[i].len + 1u);
        return out;
    }
    return numbered_text("TYPE", type, out);
}

/* ---- what other stages ask ----------------------------------------------- */

int zl_type_target_field(uint16_t type)
{
    int i = zl_type_index(type);
    return i < 0 ? -1 : zl_type_rows[i].target;
}

bool zl_type_has_target(uint16_t type)
{
    return zl_type_target_field(type) >= 0;
}

bool zl_type_target_only(uint16_t type)
{
    const struct zl_type_row *r = zl_type_row(type);
    return r && r->target == 0 && r->nfields == 1;
}

bool zl_type_field_is_name(uint16_t type, unsigned i)
{
    const struct zl_type_row *r = zl_type_row(type);
    if (!r)
        return false;
    if (r->target >= 0 && (unsigned)r->target == i)
        return true;
    return i < r->nfields && r->fields[i].code == F_NAME;
}

unsigned zl_type_flags(uint16_t type)
{
    const struct zl_type_row *r = zl_type_row(type);
    return r ? r->flags : 0;
}

bool zl_type_is_meta(uint16_t type)
{
    /* BIND: type 0, OPT and the whole 128-255 range are meta-types. */
    return type == 0 || (type >= 128 && type <= 255) || (zl_type_flags(type) & ZL_TF_META);
}

/* ---- classes ------------------------------------------------------------- */

int zl_class_from_text(const char *s, size_t n)
{
    switch (n) {
    case 2:
        if (zl_rd_ieq(s, 2, "IN")) return ZL_CLASS_IN;
        if (zl_rd_ieq(s, 2, "CH")) return ZL_CLASS_CH;
        if (zl_rd_ieq(s, 2, "HS")) return ZL_CLASS_HS;
        break;
    case 3:
        if (zl_rd_ieq(s, 3, "ANY")) return ZL_CLASS_ANY;
        break;
    case 4:
        if (zl_rd_ieq(s, 4, "NONE")) return ZL_CLASS_NONE;
        break;
    case 5:
        if (zl_rd_ieq(s, 5, "CHAOS")) return ZL_CLASS_CH;
        break;
    case 6:
        if (zl_rd_ieq(s, 6, "HESIOD")) return ZL_CLASS_HS;
        break;
    default:
        break;
    }
    return numbered(s, n, "CLASS", 5);
}

const char *zl_class_to_text(uint16_t rclass, char *out)
{
    const char *n = NULL;
    switch (rclass) {
    case ZL_CLASS_IN: n = "IN"; break;
    case ZL_CLASS_CH: n = "CH"; break;
    case ZL_CLASS_HS: n = "HS"; break;
    case ZL_CLASS_NONE: n = "NONE"; break;
    case ZL_CLASS_ANY: n = "ANY"; break;
    default: break;
    }
    if (n) {
        strcpy(out, n);
        return out;
    }
    return numbered_text("CLASS", rclass, out);
}
