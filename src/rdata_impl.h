/* Internal to rdata*.c: the parse and print contexts, the field codes of the
 * table-driven engine and the helpers the per-type code shares. */
#ifndef ZL_RDATA_IMPL_H
#define ZL_RDATA_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rdata.h"

/* Parsing presentation tokens into wire form. */
struct pctx {
    uint16_t type;
    const char *tname;             /* mnemonic for messages */
    const struct zl_token *toks;
    size_t ntoks;
    size_t i;                      /* next token */
    const struct zl_name *origin;
    struct zl_buf *wire;
    size_t wstart;                 /* wire->len when the RDATA started */
    struct zl_field *fields;
    size_t nf;
    struct zl_rdata_error *err;
    const char *last;              /* label of the last field read (for messages) */
};

/* Walking wire RDATA: validates it, prints it (out) and, when fields is set,
 * records the fields. */
struct wctx {
    uint16_t type;
    const uint8_t *p;
    size_t len;
    size_t off;                    /* next byte */
    struct zl_buf *out;
    size_t ostart;                 /* out->len when printing started */
    struct zl_field *fields;       /* NULL: do not record */
    size_t nf;
    uint32_t ftok;                 /* token index recorded in fields */
};

/* Field codes of the table-driven engine. */
enum fcode {
    F_NONE = 0,
    F_U8, F_U16, F_U32,            /* plain decimal numbers */
    F_TTL,                         /* 32-bit, TTL units allowed (1h30m) */
    F_NAME,
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

#define RD_MAXF 10

struct rdesc {
    uint16_t type;
    struct fdesc f[RD_MAXF];       /* generic fields, F_NONE-terminated */
    int (*parse)(struct pctx *c);  /* custom parser, or NULL */
    int (*walk)(struct wctx *w);   /* custom walker, or NULL */
};

/* rdata.c: the engine and helpers */
const struct rdesc *zl_rd_custom(uint16_t type);
int zl_rd_perr(struct pctx *c, size_t tok, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
const char *zl_rd_show(const struct zl_token *t, char *buf, size_t size);
const struct zl_token *zl_rd_need(struct pctx *c, const char *what, const char *expect);
const struct zl_token *zl_rd_word(struct pctx *c, const char *what, const char *expect);
void zl_rd_field(struct pctx *c, int kind, unsigned flags, size_t tok, size_t ntok, size_t off);
int zl_rd_pfield(struct pctx *c, int code, const char *label);
int zl_rd_end(struct pctx *c);
int zl_rd_number(const char *s, size_t n, uint32_t *v); /* 0, -1 not a number, -2 > 2^32-1 */
int zl_rd_int(struct pctx *c, int bytes, uint32_t max, const char *label);
int zl_rd_unescape(const char *s, size_t n, uint8_t *out, size_t *outlen, bool comma, size_t *used);
int zl_rd_hex_tokens(struct pctx *c, const char *label, long want);
int zl_rd_b64_tokens(struct pctx *c, const char *label, bool allow_empty);
int zl_rd_b64_decode(const char *s, size_t n, struct zl_buf *out);
int zl_rd_hexval(int ch);
int zl_rd_ip4(const char *s, size_t n, uint8_t out[4]);
int zl_rd_ip6(const char *s, size_t n, uint8_t out[16]);
int zl_rd_secalg(const char *s, size_t n, uint32_t *v);

int zl_rd_parse_ttl(const char *s, size_t n, uint32_t *out);
int zl_rd_parse_time(const char *s, size_t n, bool secs, uint32_t *out);
int zl_rd_put_time(struct zl_buf *b, uint32_t value);
int zl_rd_pstring(struct pctx *c, const char *label);
int zl_rd_pqtext(struct pctx *c, const char *label);
int zl_rd_pname(struct pctx *c, const char *label);
int zl_rd_paddr(struct pctx *c, const char *label, bool v6);
int zl_rd_palg(struct pctx *c, const char *label);
int zl_rd_prrtype(struct pctx *c, const char *label);

/* Walker helpers: all return 0, or -1 when the wire data is invalid. */
int zl_rd_wstring(struct wctx *w);
void zl_rd_sep(struct wctx *w);
void zl_rd_wfield(struct wctx *w, int kind, size_t off);
int zl_rd_wcode(struct wctx *w, int code);
int zl_rd_get(struct wctx *w, size_t n, uint32_t *v);
int zl_rd_wuint(struct wctx *w, size_t n);
int zl_rd_wname(struct wctx *w);
int zl_rd_wgeneric(struct wctx *w);
void zl_rd_put_ip6(struct zl_buf *b, const uint8_t a[16]);
void zl_rd_put_ip4(struct zl_buf *b, const uint8_t a[4]);
void zl_rd_put_hex(struct zl_buf *b, const uint8_t *p, size_t n, bool split);
void zl_rd_put_b64(struct zl_buf *b, const uint8_t *p, size_t n, bool split);
void zl_rd_put_txt(struct zl_buf *b, const uint8_t *p, size_t n);
int zl_rd_bitmap_ok(const uint8_t *p, size_t n, bool allow_empty);
void zl_rd_put_bitmap(struct zl_buf *b, const uint8_t *p, size_t n);
int zl_rd_parse_bitmap(struct pctx *c, const char *label, bool allow_empty);

/* rdata_types.c / rdata_misc.c: custom descriptors */
int zl_rd_rrsig_parse(struct pctx *c);
int zl_rd_rrsig_walk(struct wctx *w);
const struct rdesc *zl_rd_types_find(uint16_t type);
const struct rdesc *zl_rd_misc_find(uint16_t type);
const struct rdesc *zl_rd_svcb_find(uint16_t type);
const struct rdesc *zl_rd_loc_find(uint16_t type);

static inline uint16_t rd_u16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t rd_u32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

#endif
