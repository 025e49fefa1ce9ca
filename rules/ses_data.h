/* Amazon SES data tables (regions, signing domains) and the small helpers
 * the ses_*.c rules share: label tests on wire names, TXT joining, spans,
 * growable lists in the per-file arena. */
#ifndef ZL_SES_DATA_H
#define ZL_SES_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "engine.h"
#include "names.h"
#include "record.h"

/* ---- data --------------------------------------------------------------- */

/* Regions whose Easy DKIM records point to dkim.<region>.amazonses.com
 * (AWS General Reference, "Amazon SES endpoints", #ses_dkim_domains); every
 * other region uses dkim.amazonses.com. */
extern const char *const zl_ses_dkim_regions[];
/* Regions with an SES feedback endpoint feedback-smtp.<region>.amazonses.com
 * (SES developer guide, regions.md; newer regions follow the same pattern). */
extern const char *const zl_ses_feedback_regions[];
/* Regions where SES receives mail: inbound-smtp.<region>.amazonaws.com. */
extern const char *const zl_ses_inbound_regions[];

/* Target domains of sender DKIM and domain-verification CNAMEs (SES, ACM,
 * SendGrid, Mailchimp, Mandrill, Mailgun, Postmark, Microsoft 365, Zoho,
 * Google): such CNAMEs must be served as CNAMEs, never proxied. */
extern const char *const zl_ses_esp_domains[];

/* Lookups take the label bytes (not NUL-terminated), case-insensitively. */
bool zl_ses_in_list(const char *const *list, const uint8_t *s, size_t n);
/* Any SES region zonelint knows (the union of the lists above). */
bool zl_ses_region_known(const uint8_t *s, size_t n);
/* Looks like an AWS region name: "us-east-1", "us-gov-west-1", "ap-southeast-5". */
bool zl_ses_region_shaped(const uint8_t *s, size_t n);

/* ---- labels of wire names -------------------------------------------------- */

/* Label i (0 = leftmost) as its length octet, or NULL past the last label. */
const uint8_t *zl_ses_label(const struct zl_name *n, unsigned i);
/* Label (length-prefixed) equals s, ignoring ASCII case. */
bool zl_ses_label_is(const uint8_t *label, const char *s);
/* Index of the first label equal to s, or -1. */
int zl_ses_find_label(const struct zl_name *n, const char *s);
/* True when n is a listed domain or below one. */
bool zl_ses_under_any(const struct zl_name *n, const char *const *list);
/* Label s somewhere in the uncompressed wire name at p (n bytes), without
 * copying it: for cheap gates on RDATA. */
bool zl_ses_wire_has_label(const uint8_t *p, size_t n, const char *s);
/* Case-insensitive byte comparison. */
bool zl_ses_bytes_eq(const uint8_t *a, const uint8_t *b, size_t n);

/* True when n from label `from` on is exactly dkim.amazonses.com. or
 * dkim.<region>.amazonses.com. for a region that has its own DKIM domain. */
bool zl_ses_is_signing_domain(const struct zl_name *n, unsigned from);
/* Characters of an Easy DKIM token: lowercase base32 [a-z2-7]. */
bool zl_ses_b32_char(uint8_t c);
/* A label that may be an SES DKIM token, however mangled: 31-33 letters or
 * digits (used only to decide whether a record is SES-shaped at all). */
bool zl_ses_tokenish(const uint8_t *s, size_t n);

/* The name as text with its trailing dot (ZL_NAME_TEXT_MAX buffer). */
const char *zl_ses_name_text(const struct zl_name *n, char *out);
/* n with the origin's labels removed from its end, as relative text without
 * a trailing dot, into out; false when n is not below origin. */
bool zl_ses_strip_origin(const struct zl_name *n, const struct zl_name *origin, struct zl_name *out);

/* ---- TXT ------------------------------------------------------------------- */

/* Joins the character-strings of a TXT record (wire RDATA) into out, at most
 * cap bytes. Returns the joined length (may exceed cap: then out holds the
 * first cap bytes) and the number of strings in *nstrings. */
size_t zl_ses_txt_join(const struct zl_record *rec, char *out, size_t cap, unsigned *nstrings);
/* The written token of character-string i, or NULL (\# form, or no such
 * string). */
const struct zl_token *zl_ses_txt_token(const struct zl_record *rec, unsigned i);
/* The span of all the character-strings as written (the record's span for
 * the \# form). */
struct zl_span zl_ses_txt_span(const struct zl_record *rec);
/* Appends s as quoted character-strings of at most 255 octets, escaping '"',
 * '\\' and non-printing bytes as BIND does. */
void zl_ses_put_quoted(struct zl_buf *b, const char *s, size_t n);
/* Case-insensitive prefix test. */
bool zl_ses_has_prefix(const char *s, size_t n, const char *prefix);
/* Case-insensitive substring search; offset or -1. */
long zl_ses_find(const char *s, size_t n, const char *needle);

/* ---- spans ------------------------------------------------------------------- */

/* From the start of a to the end of b. */
struct zl_span zl_ses_span_join(const struct zl_span *a, const struct zl_span *b);
/* Bytes [off, off+len) of a token written on one line. */
struct zl_span zl_ses_span_sub(const struct zl_span *s, uint32_t off, uint32_t len);
/* The owner as written, or the whole record when the owner was inherited. */
struct zl_span zl_ses_owner_span(const struct zl_record *rec);

/* ---- lists in the per-file arena ------------------------------------------------ */

struct zl_ses_chunk;
struct zl_ses_list {
    struct zl_ses_chunk *head, *tail;
    size_t n, elem;
};
/* A zeroed new element of elem bytes (the first push fixes elem). */
void *zl_ses_push(struct zl_ctx *ctx, struct zl_ses_list *l, size_t elem);
/* Element i; walking with a loop over i is linear per chunk, fine for the
 * short lists rules keep. */
void *zl_ses_at(const struct zl_ses_list *l, size_t i);

/* ---- rule families ------------------------------------------------------------- */

/* Several rules share one analysis of a record. Every rule of a family has
 * a hook (the engine runs only enabled rules), and the first enabled rule of
 * the family does the work and reports for all of them; zl_report drops the
 * findings of rules that are not selected. */
bool zl_ses_family_leader(const struct zl_ctx *ctx, const struct zl_rule *self,
                          const struct zl_rule *const *family, size_t n);

#endif
