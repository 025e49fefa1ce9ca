/* SPDX-License-Identifier: MIT */
/* Internal to src/rdata: the encodings RDATA fields are made of, shared by
 * the field engine and every family file. Parsing follows BIND 9.18's
 * fromtext rules; printing follows what its dump (named-checkzone -D)
 * prints. Readers (zl_rd_p*, and those taking a pctx) read tokens, append
 * wire bytes and record one field each; walkers (zl_rd_w*) print wire
 * data and record fields. All return 0, or -1 with the error filled
 * (readers) or on invalid wire data (walkers), unless said otherwise.
 *
 *   enc_num.c   numbers, TTLs, RRSIG/SIG times, mnemonic tables (DNSSEC
 *               algorithms), RR-type fields
 *   enc_text.c  character-strings, quoted text, domain names
 *   enc_ip.c    IPv4 and IPv6 addresses
 *   enc_bin.c   base64, hex, type bitmaps, the RFC 3597 \# form */
#ifndef ZL_RDATA_ENC_H
#define ZL_RDATA_ENC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rdata/ascii.h"
#include "rdata/ctx.h"

/* ---- enc_num.c ----------------------------------------------------------- */

/* Decimal digits only: 0, -1 not a number, -2 above 2^32-1. */
int zl_rd_number(const char *s, size_t n, uint32_t *v);
/* A number 0..max in bytes octets. */
int zl_rd_int(struct pctx *c, int bytes, uint32_t max, const char *label);
/* BIND's TTL syntax (1h30m): 0, -1 syntax, -2 above 2^32-1. */
int zl_rd_parse_ttl(const char *s, size_t n, uint32_t *out);
/* YYYYMMDDHHmmSS, or (secs) up to 10 digits of seconds: 0, -1 syntax, -2 range. */
int zl_rd_parse_time(const char *s, size_t n, bool secs, uint32_t *out);
/* A 32-bit time as BIND prints it: the date closest to now. */
int zl_rd_put_time(struct zl_buf *b, uint32_t value);
/* An n-octet number, printed in decimal. */
int zl_rd_wuint(struct wctx *w, size_t n);

/* Mnemonic tables, upper case, ending with { NULL, 0 }. */
struct zl_rd_mnem {
    const char *name;
    uint16_t value;
};

/* DNSSEC algorithms (BIND's names and aliases; the first name of a value
 * is the one printed). */
extern const struct zl_rd_mnem zl_rd_secalgs[];

/* BIND's dns_mnemonic_fromtext: decimal 0..max when it starts with a digit,
 * else a name of tab (any case). 0, -1 unknown, -2 out of range. */
int zl_rd_mnemonic(const char *s, size_t n, const struct zl_rd_mnem *tab, uint32_t max, uint32_t *v);
/* The first name of value v, or NULL. */
const char *zl_rd_mnem_name(const struct zl_rd_mnem *tab, uint32_t v);
/* A mnemonic field in bytes (1 or 2) octets. */
int zl_rd_pmnemonic(struct pctx *c, const struct zl_rd_mnem *tab, uint32_t max, int bytes,
                    const char *label, const char *expect);
/* Prints a mnemonic field by name, or its number when it has none. */
int zl_rd_wmnemonic(struct wctx *w, const struct zl_rd_mnem *tab, size_t bytes);
/* A DNSSEC algorithm field (number or mnemonic), one octet. */
int zl_rd_palg(struct pctx *c, const char *label);
/* An RR type field (mnemonic or TYPEnnn), two octets. */
int zl_rd_prrtype(struct pctx *c, const char *label);

/* ---- enc_text.c ---------------------------------------------------------- */

/* BIND's \DDD and \X escapes; out needs room for n octets. With comma set,
 * an unescaped ',' ends the value (returns 1, *used says how far) and "\\,"
 * is a literal comma. 0, -1 bad escape. */
int zl_rd_unescape(const char *s, size_t n, uint8_t *out, size_t *outlen, bool comma, size_t *used);
/* One <character-string>. */
int zl_rd_pstring(struct pctx *c, const char *label);
/* URI target: one quoted string, no length octet, no limit. */
int zl_rd_pqtext(struct pctx *c, const char *label);
/* A domain name (relative ones get c->origin). */
int zl_rd_pname(struct pctx *c, const char *label);
/* The same, but a quoted string is read as the name's text too: BIND 9.18
 * reads the SVCB/HTTPS target that way (a quoted name elsewhere is its
 * "unexpected token"). */
int zl_rd_pname_qstring(struct pctx *c, const char *label);
/* BIND's txt_totext with quoting. */
void zl_rd_put_txt(struct zl_buf *b, const uint8_t *p, size_t n);
int zl_rd_wstring(struct wctx *w);
int zl_rd_wname(struct wctx *w);

/* ---- enc_ip.c ------------------------------------------------------------ */

/* inet_pton as glibc does it: 0, or -1 when s is not an address. */
int zl_rd_ip4(const char *s, size_t n, uint8_t out[4]);
int zl_rd_ip6(const char *s, size_t n, uint8_t out[16]);
int zl_rd_paddr(struct pctx *c, const char *label, bool v6);
void zl_rd_put_ip4(struct zl_buf *b, const uint8_t a[4]);
/* BIND's inet_ntop6. */
void zl_rd_put_ip6(struct zl_buf *b, const uint8_t a[16]);

/* ---- enc_bin.c ----------------------------------------------------------- */

/* Decodes one complete base64 string; 0 ok, -1 bad. */
int zl_rd_b64_decode(const char *s, size_t n, struct zl_buf *out);
/* Base64 in one or more tokens, to the end of the RDATA (or the padding). */
int zl_rd_b64_tokens(struct pctx *c, const char *label, bool allow_empty);
/* Hex in one or more tokens: want > 0 octets exactly; -1 to the end, at
 * least one octet; -2 to the end, may be empty. */
int zl_rd_hex_tokens(struct pctx *c, const char *label, long want);
/* Hex in one word, an even number of digits and at most max octets:
 * 0, -1 odd or too long, -2 not hex. */
int zl_rd_hex_word(const char *s, size_t n, size_t max, struct zl_buf *out);
/* Upper-case hex / base64, in 56-character words when split. */
void zl_rd_put_hex(struct zl_buf *b, const uint8_t *p, size_t n, bool split);
void zl_rd_put_b64(struct zl_buf *b, const uint8_t *p, size_t n, bool split);
/* The remaining octets as base64 or hex, one field; empty: -1 unless allowed. */
int zl_rd_wrest(struct wctx *w, bool b64, bool split, bool allow_empty);

int zl_rd_parse_bitmap(struct pctx *c, const char *label, bool allow_empty);
int zl_rd_bitmap_ok(const uint8_t *p, size_t n, bool allow_empty);
void zl_rd_put_bitmap(struct zl_buf *b, const uint8_t *p, size_t n);

/* "\# len hex". */
void zl_rd_put_generic(struct zl_buf *out, const uint8_t *rd, size_t len);
/* The whole RDATA printed in the \# form, one field (for data BIND stores
 * but cannot print). */
int zl_rd_wgeneric(struct wctx *w);

#endif
