/* SPDX-License-Identifier: MIT */
/* Internal to src/rdata: one row of types.def as data (types.c builds the
 * rows, rdata.c adds each row's hooks), and the field codes rows are made
 * of. Public questions about a type go through rdata/types.h. */
#ifndef ZL_RDATA_TYPE_ROW_H
#define ZL_RDATA_TYPE_ROW_H

#include <stdint.h>

/* Field codes: the presentation syntax of one RDATA field (fields.c reads
 * and prints each; types.def rows list them). */
enum fcode {
    F_NONE = 0,
    F_U8, F_U16, F_U32,            /* plain decimal numbers */
    F_TTL,                         /* 32-bit, TTL units allowed (1h30m) */
    F_NAME,                        /* a domain name (relative ones get the origin) */
    F_STR,                         /* one <character-string> */
    F_OSTR,                        /* optional trailing <character-string> */
    F_STRS,                        /* one or more, to the end */
    F_IP4, F_IP6,
    F_ALG,                         /* DNSSEC algorithm, number or mnemonic */
    F_TYPE,                        /* RR type mnemonic, 16 bits */
    F_TIME,                        /* RRSIG time: YYYYMMDDHHmmSS or seconds */
    F_DATE,                        /* SIG time: YYYYMMDDHHmmSS only */
    F_B64,                         /* base64 to the end, at least one octet */
    F_B64_0,                       /* base64 to the end, may be empty */
    F_HEX,                         /* hex to the end, at least one octet */
    F_HEX_0,                       /* hex to the end, may be empty */
    F_BITMAP,                      /* type bitmap, at least one type */
    F_BITMAP_0,                    /* type bitmap, may be empty */
    F_QTEXT,                       /* one quoted string, no length octet, to the end */
};

struct fdesc {
    uint8_t code;                  /* enum fcode */
    const char *label;             /* "preference", used in messages */
};

/* How a type's presentation form is read (types.def's read column). */
enum zl_type_read {
    ZL_READ_ENGINE,                /* by fields.c, from the row's field list */
    ZL_READ_HOOKS,                 /* by parse/walk hooks in a family file */
    ZL_READ_NOTEXT,                /* no presentation form: only \# (or none: meta) */
};

struct zl_type_row {
    const char *name;              /* mnemonic, upper case */
    uint16_t code;
    uint8_t len;                   /* strlen(name) */
    uint8_t flags;                 /* ZL_TF_* */
    int8_t target;                 /* index of the target field, -1: none */
    uint8_t read;                  /* enum zl_type_read */
    const struct fdesc *fields;    /* NULL when the row lists none */
    uint8_t nfields;
};

/* The rows, in types.def order. */
extern const struct zl_type_row zl_type_rows[];

/* Index of the type's row, or -1 when types.def has none. */
int zl_type_index(uint16_t type);

/* The type's row, or NULL. */
const struct zl_type_row *zl_type_row(uint16_t type);

#endif
