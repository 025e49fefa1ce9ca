/* Amazon SES data tables and the helpers the ses_*.c rules share.
 *
 * The region lists change as AWS opens regions, so they are data here and
 * nowhere else. Sources: AWS General Reference "Amazon SES endpoints and
 * quotas" (#ses_dkim_domains) and the SES developer guide (regions.md, the
 * 2023 snapshot), completed with the regions of the SESv2
 * SigningAttributesOrigin enum. */
#include "ses_data.h"

#include "types.h"

#include <string.h>

#include "rules.h"

const char *const zl_ses_dkim_regions[] = {
    "af-south-1", "ap-northeast-3", "ap-south-2", "ap-southeast-3", "ap-southeast-5",
    "ca-west-1", "eu-central-2", "eu-south-1", "il-central-1", "me-central-1",
    "us-gov-east-1", NULL,
};

const char *const zl_ses_feedback_regions[] = {
    "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-south-1",
    "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1",
    "ap-southeast-2", "ca-central-1", "eu-central-1", "eu-west-1", "eu-west-2",
    "eu-west-3", "eu-south-1", "eu-north-1", "me-south-1", "sa-east-1", "us-gov-west-1",
    /* regions opened later, same endpoint pattern */
    "ap-south-2", "ap-southeast-3", "ap-southeast-5", "ca-west-1", "eu-central-2",
    "il-central-1", "me-central-1", "us-gov-east-1", NULL,
};

const char *const zl_ses_inbound_regions[] = {
    "us-east-1", "us-west-2", "eu-west-1", NULL,
};

const char *const zl_ses_esp_domains[] = {
    "amazonses.com", "acm-validations.aws", "sendgrid.net", "mcsv.net", "mandrillapp.com",
    "mailgun.org", "mgsend.org", "mailgun.com", "mtasv.net", "onmicrosoft.com",
    "dkim.mail.microsoft", "zmverify.zoho.com", "dv.googlehosted.com", NULL,
};

static inline uint8_t lower(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c;
}

bool zl_ses_bytes_eq(const uint8_t *a, const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

bool zl_ses_in_list(const char *const *list, const uint8_t *s, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && zl_ses_bytes_eq((const uint8_t *)*list, s, n))
            return true;
    return false;
}

bool zl_ses_region_known(const uint8_t *s, size_t n)
{
    return zl_ses_in_list(zl_ses_feedback_regions, s, n) || zl_ses_in_list(zl_ses_dkim_regions, s, n) ||
           zl_ses_in_list(zl_ses_inbound_regions, s, n);
}

bool zl_ses_region_shaped(const uint8_t *s, size_t n)
{
    /* letters '-' (letters '-')+ digits: two or more letter parts, a number last */
    size_t i = 0, parts = 0;
    while (i < n) {
        size_t st = i;
        while (i < n && lower(s[i]) >= 'a' && lower(s[i]) <= 'z')
            i++;
        if (i == st || i == n || s[i] != '-')
            break;
        i++;
        parts++;
    }
    if (parts < 2 || i >= n)
        return false;
    for (; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

const uint8_t *zl_ses_label(const struct zl_name *n, unsigned i)
{
    size_t off = 0;
    for (unsigned k = 0; k < i; k++) {
        if (off >= n->len || n->wire[off] == 0)
            return NULL;
        off += 1 + (size_t)n->wire[off];
    }
    if (off >= n->len || n->wire[off] == 0)
        return NULL;
    return n->wire + off;
}

bool zl_ses_label_is(const uint8_t *label, const char *s)
{
    size_t n = strlen(s);
    return label && label[0] == n && zl_ses_bytes_eq(label + 1, (const uint8_t *)s, n);
}

int zl_ses_find_label(const struct zl_name *n, const char *s)
{
    size_t len = strlen(s);
    size_t off = 0;
    for (int i = 0; off < n->len && n->wire[off]; i++) {
        uint8_t ll = n->wire[off];
        if (ll == len && zl_ses_bytes_eq(n->wire + off + 1, (const uint8_t *)s, len))
            return i;
        off += 1 + (size_t)ll;
    }
    return -1;
}

bool zl_ses_under_any(const struct zl_name *n, const char *const *list)
{
    char text[ZL_NAME_TEXT_MAX];
    size_t tl = zl_name_to_text(n, text);
    for (; *list; list++) {
        size_t l = strlen(*list);
        /* "<list item>." at the end, after a dot or as the whole name */
        if (tl < l + 1 || text[tl - 1] != '.')
            continue;
        size_t at = tl - 1 - l;
        if (zl_ses_bytes_eq((const uint8_t *)text + at, (const uint8_t *)*list, l) && (at == 0 || text[at - 1] == '.'))
            return true;
    }
    return false;
}

bool zl_ses_wire_has_label(const uint8_t *p, size_t n, const char *s)
{
    size_t sl = strlen(s);
    for (size_t i = 0; i < n && p[i] && p[i] <= ZL_LABEL_MAX; i += 1 + (size_t)p[i])
        if (p[i] == sl && i + 1 + sl <= n && zl_ses_bytes_eq(p + i + 1, (const uint8_t *)s, sl))
            return true;
    return false;
}

bool zl_ses_is_signing_domain(const struct zl_name *n, unsigned from)
{
    const uint8_t *l = zl_ses_label(n, from);
    if (!zl_ses_label_is(l, "dkim"))
        return false;
    unsigned rest = n->nlabels - from;
    if (rest == 3)
        return zl_ses_label_is(zl_ses_label(n, from + 1), "amazonses") &&
               zl_ses_label_is(zl_ses_label(n, from + 2), "com");
    if (rest == 4) {
        const uint8_t *r = zl_ses_label(n, from + 1);
        return zl_ses_in_list(zl_ses_dkim_regions, r + 1, r[0]) &&
               zl_ses_label_is(zl_ses_label(n, from + 2), "amazonses") &&
               zl_ses_label_is(zl_ses_label(n, from + 3), "com");
    }
    return false;
}

bool zl_ses_b32_char(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7');
}

bool zl_ses_tokenish(const uint8_t *s, size_t n)
{
    if (n < 31 || n > 33)
        return false;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = lower(s[i]);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

const char *zl_ses_name_text(const struct zl_name *n, char *out)
{
    zl_name_to_text(n, out);
    return out;
}

bool zl_ses_strip_origin(const struct zl_name *n, const struct zl_name *origin, struct zl_name *out)
{
    if (!origin || n->nlabels <= origin->nlabels || !zl_name_is_subdomain(n, origin))
        return false;
    size_t keep = (size_t)n->len - origin->len; /* the labels above the origin */
    memcpy(out->wire, n->wire, keep);
    out->wire[keep] = 0;
    out->len = (uint8_t)(keep + 1);
    out->nlabels = (uint8_t)(n->nlabels - origin->nlabels);
    return true;
}

/* ---- TXT ------------------------------------------------------------------- */

size_t zl_ses_txt_join(const struct zl_record *rec, char *out, size_t cap, unsigned *nstrings)
{
    size_t total = 0, pos = 0;
    unsigned ns = 0;
    while (pos < rec->rdlen) {
        size_t l = rec->rdata[pos++];
        if (pos + l > rec->rdlen)
            l = rec->rdlen - pos;
        if (total < cap) {
            size_t c = cap - total < l ? cap - total : l;
            memcpy(out + total, rec->rdata + pos, c);
        }
        total += l;
        pos += l;
        ns++;
    }
    if (nstrings)
        *nstrings = ns;
    return total;
}

/* A TXT record written out has one token per character-string, so the
 * tokens answer for every string: the field array stops at
 * ZL_RDATA_MAX_FIELDS, while a record may hold thousands of strings. */
const struct zl_token *zl_ses_txt_token(const struct zl_record *rec, unsigned i)
{
    if (rec->generic || i >= rec->ntoks)
        return NULL;
    if (rec->type != ZL_T_TXT && rec->type != ZL_T_SPF) {
        if (i >= rec->nfields || rec->fields[i].ntok == 0 || rec->fields[i].tok >= rec->ntoks)
            return NULL;
        return &rec->toks[rec->fields[i].tok];
    }
    return &rec->toks[i];
}

struct zl_span zl_ses_txt_span(const struct zl_record *rec)
{
    if (rec->generic || rec->ntoks == 0)
        return rec->span;
    return zl_ses_span_join(&rec->toks[0].span, &rec->toks[rec->ntoks - 1].span);
}

void zl_ses_put_quoted(struct zl_buf *b, const char *s, size_t n)
{
    size_t i = 0;
    do {
        size_t end = n - i > 255 ? i + 255 : n;
        if (i)
            zl_buf_putc(b, ' ');
        zl_buf_putc(b, '"');
        for (; i < end; i++) {
            uint8_t c = (uint8_t)s[i];
            if (c == '"' || c == '\\') {
                zl_buf_putc(b, '\\');
                zl_buf_putc(b, c);
            } else if (c < 0x20 || c >= 0x7f) {
                zl_buf_printf(b, "\\%03u", c);
            } else {
                zl_buf_putc(b, c);
            }
        }
        zl_buf_putc(b, '"');
    } while (i < n);
}

bool zl_ses_has_prefix(const char *s, size_t n, const char *prefix)
{
    size_t pl = strlen(prefix);
    return n >= pl && zl_ses_bytes_eq((const uint8_t *)s, (const uint8_t *)prefix, pl);
}

long zl_ses_find(const char *s, size_t n, const char *needle)
{
    size_t nl = strlen(needle);
    for (size_t i = 0; i + nl <= n; i++)
        if (zl_ses_bytes_eq((const uint8_t *)s + i, (const uint8_t *)needle, nl))
            return (long)i;
    return -1;
}

/* ---- spans ------------------------------------------------------------------- */

struct zl_span zl_ses_span_join(const struct zl_span *a, const struct zl_span *b)
{
    struct zl_span s = *a;
    s.end_line = b->end_line;
    s.end_col = b->end_col;
    return s;
}

struct zl_span zl_ses_span_sub(const struct zl_span *s, uint32_t off, uint32_t len)
{
    struct zl_span r = *s;
    if (s->line != s->end_line || s->col + off + len > s->end_col)
        return r; /* not on one line, or past its end: keep the whole token */
    r.col = s->col + off;
    r.end_col = r.col + len;
    return r;
}

struct zl_span zl_ses_owner_span(const struct zl_record *rec)
{
    return rec->owner_tok.len ? rec->owner_tok.span : rec->span;
}

/* ---- lists --------------------------------------------------------------------- */

struct zl_ses_chunk {
    struct zl_ses_chunk *next;
    size_t n, cap;
    unsigned char data[];
};

void *zl_ses_push(struct zl_ctx *ctx, struct zl_ses_list *l, size_t elem)
{
    if (!l->elem)
        l->elem = elem;
    struct zl_ses_chunk *c = l->tail;
    if (!c || c->n == c->cap) {
        /* Doubling chunks: few allocations, nothing ever moves. */
        size_t cap = c ? c->cap * 2 : 8;
        struct zl_ses_chunk *nc = zl_ctx_alloc(ctx, sizeof *nc + cap * l->elem);
        nc->cap = cap;
        if (c)
            c->next = nc;
        else
            l->head = nc;
        l->tail = nc;
        c = nc;
    }
    void *p = c->data + c->n * l->elem;
    c->n++;
    l->n++;
    return p;
}

void *zl_ses_at(const struct zl_ses_list *l, size_t i)
{
    for (struct zl_ses_chunk *c = l->head; c; c = c->next) {
        if (i < c->n)
            return c->data + i * l->elem;
        i -= c->n;
    }
    return NULL;
}

bool zl_ses_family_leader(const struct zl_ctx *ctx, const struct zl_rule *self,
                          const struct zl_rule *const *family, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (family[i] == self)
            return true;
        if (zl_ctx_enabled(ctx, family[i]))
            return false;
    }
    return false;
}
