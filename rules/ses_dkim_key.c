/* ZL5015-ZL5018: DKIM public keys in TXT records (SES BYODKIM and others).
 *
 *   <selector>._domainkey.<domain>.  TXT  "p=<base64 SubjectPublicKeyInfo>"
 * SES BYODKIM wants "p=" and the base64 of the public key with the PEM
 * lines and line breaks removed, a 1024-2048-bit RSA key, and a selector of
 * letters, digits and dashes. A 2048-bit key (392 base64 characters) must be
 * split over two or more character-strings, which are joined with nothing
 * in between. References: SES developer guide
 * send-email-authentication-dkim-bring-your-own.md; SESv2 Selector shape
 * (botocore service-2.json); RFC 6376 section 3.6.1; RFC 8301.
 *
 *   bad:   sel._domainkey TXT "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKC" " AQEAv3x..."
 *   good:  sel._domainkey TXT "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKC" "AQEAv3x..."
 *
 * Key validity is checked for every DKIM TXT key; the size limits above 2048
 * bits and the selector shape are SES-only, so they are reported only when
 * the zone also has SES records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "ses_data.h"
#include "rdata/types.h"

#define VMAX 16384 /* joined TXT bytes looked at: a 16384-bit key fits */

enum { LATER_SIZE, LATER_SELECTOR };

struct later {
    uint8_t kind;
    struct zl_span span;
    char *msg;
};

struct key_state {
    bool ses_seen;            /* the zone has SES records */
    struct zl_list later; /* SES-only findings, reported at the end if ses_seen */
};

static struct key_state *state(struct zl_ctx *ctx)
{
    void **slot = zl_ctx_state(ctx, ZL_RULE_REF(ZL5015)); /* shared by the family */
    if (!*slot)
        *slot = zl_ctx_alloc(ctx, sizeof(struct key_state));
    return *slot;
}

/* ---- base64 and DER ---------------------------------------------------------- */

/* A table (value + 1; 0 = not base64): keys are checked for every DKIM TXT,
 * and zones can hold thousands of them. */
#define B64_ROW(a) a, a + 1, a + 2, a + 3, a + 4, a + 5, a + 6, a + 7, a + 8, a + 9
static const uint8_t b64_table[256] = {
    ['A'] = B64_ROW(1), B64_ROW(11), 21, 22, 23, 24, 25, 26,
    ['a'] = B64_ROW(27), B64_ROW(37), 47, 48, 49, 50, 51, 52,
    ['0'] = B64_ROW(53),
    ['+'] = 63, ['/'] = 64,
};

static inline int b64_val(uint8_t c)
{
    return (int)b64_table[c] - 1;
}

/* Strict base64 (RFC 4648, padded) in one pass. Returns the decoded
 * length, or -1 with a reason in why. */
static long b64_decode(const char *s, size_t n, uint8_t *out, size_t cap, char *why, size_t wcap)
{
    size_t pad = 0;
    while (pad < n && pad < 3 && s[n - 1 - pad] == '=')
        pad++;
    size_t o = 0;
    uint32_t acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n - pad; i++) {
        uint8_t c = (uint8_t)s[i];
        int v = b64_val(c);
        if (v < 0) {
            if (c > 0x20 && c < 0x7f)
                snprintf(why, wcap, "character '%c' at position %zu of the key is not base64", c, i + 1);
            else
                snprintf(why, wcap, "byte \\%03u at position %zu of the key is not base64", c, i + 1);
            return -1;
        }
        acc = acc << 6 | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (o < cap)
                out[o] = (uint8_t)(acc >> bits);
            o++;
        }
    }
    if (pad > 2 || n % 4) {
        snprintf(why, wcap,
                 "the key has %zu base64 characters, not a multiple of 4: characters were lost or added "
                 "(often where the key was split)",
                 n);
        return -1;
    }
    return (long)o;
}

struct der {
    const uint8_t *p;
    size_t n;
};

/* Reads one TLV of the expected tag; value in *v. 0, or -1 (bad), -2 (the
 * declared length runs past the data: truncated, *want set). */
static int der_get(struct der *d, uint8_t tag, struct der *v, size_t *want)
{
    if (d->n < 2 || d->p[0] != tag)
        return -1;
    size_t len = d->p[1], hdr = 2;
    if (len & 0x80) {
        size_t k = len & 0x7f;
        if (k == 0 || k > 3 || d->n < 2 + k)
            return -1;
        len = 0;
        for (size_t i = 0; i < k; i++)
            len = len << 8 | d->p[2 + i];
        hdr += k;
    }
    if (hdr + len > d->n) {
        if (want)
            *want = hdr + len;
        return -2;
    }
    v->p = d->p + hdr;
    v->n = len;
    d->p += hdr + len;
    d->n -= hdr + len;
    return 0;
}

static unsigned int_bits(const struct der *i)
{
    size_t k = 0;
    while (k < i->n && i->p[k] == 0)
        k++;
    if (k == i->n)
        return 0;
    unsigned top = i->p[k], b = 0;
    while (top) {
        b++;
        top >>= 1;
    }
    return (unsigned)((i->n - k - 1) * 8) + b;
}

/* Modulus size of an RSA SubjectPublicKeyInfo (or a bare PKCS#1
 * RSAPublicKey, which some publishers use); 0 with why set when it is not. */
static unsigned rsa_bits(const uint8_t *p, size_t n, char *why, size_t wcap)
{
    static const uint8_t rsa_oid[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01 };
    struct der all = { p, n }, outer, alg, oid, bs, seq, mod, exp;
    size_t want = 0;
    int rc = der_get(&all, 0x30, &outer, &want);
    if (rc == -2) {
        snprintf(why, wcap,
                 "the key is truncated: its header declares %zu bytes but the base64 decodes to %zu "
                 "(a part was probably lost where the key was split)",
                 want, n);
        return 0;
    }
    if (rc)
        goto bad;
    struct der in = outer;
    if (in.n && in.p[0] == 0x02) { /* PKCS#1 RSAPublicKey */
        if (der_get(&in, 0x02, &mod, NULL) || der_get(&in, 0x02, &exp, NULL))
            goto bad;
        return int_bits(&mod);
    }
    if (der_get(&in, 0x30, &alg, NULL) || der_get(&alg, 0x06, &oid, NULL))
        goto bad;
    if (oid.n != sizeof rsa_oid || memcmp(oid.p, rsa_oid, sizeof rsa_oid)) {
        snprintf(why, wcap, "the key is not an RSA key (its algorithm is not rsaEncryption)");
        return 0;
    }
    rc = der_get(&in, 0x03, &bs, &want);
    if (rc == -2) {
        snprintf(why, wcap, "the key is truncated inside its key data (a part was probably lost where it was split)");
        return 0;
    }
    if (rc || bs.n < 1 || bs.p[0] != 0)
        goto bad;
    bs.p++;
    bs.n--;
    if (der_get(&bs, 0x30, &seq, NULL) || der_get(&seq, 0x02, &mod, NULL) || der_get(&seq, 0x02, &exp, NULL))
        goto bad;
    return int_bits(&mod);
bad:
    snprintf(why, wcap, "the base64 decodes to %zu bytes that are not an RSA SubjectPublicKeyInfo", n);
    return 0;
}

/* ---- the TXT value ------------------------------------------------------------------ */

/* Range of the value of tag `name` in a tag-list (RFC 6376 3.2). */
static bool find_tag(const char *v, size_t n, const char *name, size_t *vs, size_t *ve)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j] != ';')
            j++;
        size_t a = i;
        while (a < j && (v[a] == ' ' || v[a] == '\t' || v[a] == '\r' || v[a] == '\n'))
            a++;
        if (j - a > nl && zl_ascii_eq((const uint8_t *)v + a, (const uint8_t *)name, nl)) {
            size_t e = a + nl;
            while (e < j && (v[e] == ' ' || v[e] == '\t'))
                e++;
            if (e < j && v[e] == '=') {
                e++;
                size_t b = j;
                while (e < b && (v[e] == ' ' || v[e] == '\t'))
                    e++;
                while (b > e && (v[b - 1] == ' ' || v[b - 1] == '\t'))
                    b--;
                *vs = e;
                *ve = b;
                return true;
            }
        }
        i = j + 1;
    }
    return false;
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Skips a PEM armour line "-----BEGIN ...-----" / "-----END ...-----" at i. */
static size_t pem_line(const char *s, size_t n, size_t i)
{
    if (n - i < 10 || memcmp(s + i, "-----", 5) != 0)
        return 0;
    size_t j = i + 5;
    while (j < n && s[j] != '-')
        j++;
    size_t dashes = 0;
    while (j < n && s[j] == '-' && dashes < 5) {
        j++;
        dashes++;
    }
    return dashes == 5 ? j - i : 0;
}

struct key_view {
    unsigned ns;
    size_t ps, pe;                 /* p= value in v */
    size_t bounds[64];             /* offsets where character-strings start (after the first) */
    unsigned nb;
    char *clean;                   /* base64 with whitespace, quotes and PEM lines removed */
    size_t cn;
    bool pem, ws, quote;
    size_t first_ws, first_quote;  /* offsets in v */
};

static void report_later(struct zl_ctx *ctx, struct key_state *st, int kind, const struct zl_span *span,
                         const char *msg)
{
    struct later *l = zl_list_push(ctx, &st->later, sizeof *l);
    l->kind = (uint8_t)kind;
    l->span = *span;
    l->msg = zl_ctx_strdup(ctx, msg, strlen(msg));
}

/* The record with the p= value replaced by the clean key, quoted and split. */
static char *rebuilt(const char *v, size_t n, const struct key_view *k)
{
    struct zl_buf b = { 0 };
    struct zl_buf s = { 0 };
    zl_buf_put(&s, v, k->ps);
    zl_buf_put(&s, k->clean, k->cn);
    zl_buf_put(&s, v + k->pe, n - k->pe);
    zl_txt_put_quoted(&b, (const char *)s.data, s.len);
    zl_buf_free(&s);
    return zl_buf_cstr(&b);
}

/* Fills k from the joined value; false when there is no key to judge. */
static bool view_key(const struct zl_record *rec, const char *v, size_t n, struct key_view *k)
{
    if (!find_tag(v, n, "p", &k->ps, &k->pe) || k->pe == k->ps)
        return false; /* no key, or an empty p= (a revoked key, RFC 6376) */
    size_t pos = 0, off = 0;
    while (pos < rec->rdlen) {
        size_t l = rec->rdata[pos];
        if (off && k->nb < sizeof k->bounds / sizeof k->bounds[0])
            k->bounds[k->nb++] = off;
        off += l;
        pos += 1 + l;
    }
    /* Almost every key is plain base64: then the value itself is the key. */
    size_t plain = k->ps;
    while (plain < k->pe && b64_table[(uint8_t)v[plain]])
        plain++;
    if (plain == k->pe || (plain + 2 >= k->pe && v[plain] == '=' && (plain + 1 == k->pe || v[plain + 1] == '='))) {
        k->clean = (char *)v + k->ps;
        k->cn = k->pe - k->ps;
        return true;
    }
    for (size_t i = k->ps; i < k->pe;) {
        char c = v[i];
        size_t skip = c == '-' ? pem_line(v, k->pe, i) : 0;
        if (skip) {
            k->pem = true;
            i += skip;
            continue;
        }
        if (is_ws(c)) {
            if (!k->ws)
                k->first_ws = i;
            k->ws = true;
        } else if (c == '"') {
            if (!k->quote)
                k->first_quote = i;
            k->quote = true;
        } else if (k->cn < VMAX) {
            k->clean[k->cn++] = c;
        }
        i++;
    }
    return true;
}

/* Index of the character-string holding byte off of the joined value. */
static unsigned string_at(const struct key_view *k, size_t off)
{
    unsigned i = 0;
    while (i < k->nb && k->bounds[i] <= off)
        i++;
    return i;
}

/* Describes where the first space or quote sits relative to the split. */
static void describe_split(const struct key_view *k, const char *v, char *out, size_t cap, unsigned *str)
{
    size_t at = k->ws && (!k->quote || k->first_ws < k->first_quote) ? k->first_ws : k->first_quote;
    const char *what = v[at] == '"' ? "a literal '\"'" : v[at] == ' ' ? "a space" : "white space";
    unsigned si = string_at(k, at);
    *str = si;
    size_t start = si ? k->bounds[si - 1] : 0;
    size_t end = si < k->nb ? k->bounds[si] : (size_t)-1;
    if (at == start && si)
        snprintf(out, cap, "character-string %u begins with %s, which becomes part of the key when the strings "
                           "are joined", si + 1, what);
    else if (at + 1 == end)
        snprintf(out, cap, "character-string %u ends with %s, which becomes part of the key when the strings "
                           "are joined", si + 1, what);
    else
        snprintf(out, cap, "the key contains %s at position %zu", what, at - k->ps + 1);
}

static void check_key(const struct zl_record *rec, struct zl_ctx *ctx, int dk)
{
    char v[VMAX];
    unsigned ns;
    size_t n = zl_txt_join(rec, v, sizeof v, &ns);
    if (n > sizeof v)
        return; /* larger than any key */
    char clean[VMAX]; /* not zeroed: only the first k.cn bytes are used */
    struct key_view k;
    memset(&k, 0, sizeof k);
    k.clean = clean;
    k.ns = ns;
    if (!view_key(rec, v, n, &k))
        return;
    struct key_state *st = state(ctx);
    size_t kt_s, kt_e;
    bool rsa = !find_tag(v, n, "k", &kt_s, &kt_e) || (kt_e - kt_s == 3 && zl_ascii_eq((const uint8_t *)v + kt_s, (const uint8_t *)"rsa", 3));

    uint8_t der[VMAX];
    char why[256] = "";
    long dn = b64_decode(k.clean, k.cn, der, sizeof der, why, sizeof why);
    unsigned bits = 0;
    if (dn >= 0 && rsa)
        bits = rsa_bits(der, (size_t)dn, why, sizeof why);
    bool good = dn >= 0 && (!rsa || bits);

    const struct zl_token *first = zl_txt_token(rec, 0);
    struct zl_span all = zl_txt_whole_span(rec);
    char *fix = good && first && (k.pem || k.ws || k.quote) ? rebuilt(v, n, &k) : NULL;
    char oname[ZL_NAME_TEXT_MAX];
    zl_name_text(&rec->owner, oname);

    if (k.ws || k.quote) {
        char d[200];
        unsigned si = 0;
        describe_split(&k, v, d, sizeof d, &si);
        const struct zl_token *t = zl_txt_token(rec, si);
        struct zl_span at = t ? t->span : all;
        struct zl_diag *r = zl_report(ctx, ZL_RULE_REF(ZL5017), &at,
                                      "DKIM key at '%s': %s; DKIM keys are base64 with nothing in between, and "
                                      "SES rejects the key",
                                      oname, d);
        if (r && fix)
            zl_diag_set_fix(r, all, fix);
    }
    if (k.pem) {
        struct zl_diag *r = zl_report(ctx, ZL_RULE_REF(ZL5015), &all,
                                      "DKIM key at '%s' contains a PEM armour line ('-----BEGIN PUBLIC KEY-----' "
                                      "or '-----END ...'); p= takes only the base64 between those lines",
                                      oname);
        if (r && fix)
            zl_diag_set_fix(r, all, fix);
    }
    free(fix);
    if (!good) {
        struct zl_diag *r = zl_report(ctx, ZL_RULE_REF(ZL5015), &all, "DKIM key at '%s' is not valid: %s", oname, why);
        if (r)
            zl_diag_add_note(r, "a 1024-bit RSA key is 216 base64 characters, a 2048-bit one 392 "
                                "(split over two or more strings)");
        return;
    }
    if (!rsa)
        return;

    if (bits < 1024) {
        zl_report(ctx, ZL_RULE_REF(ZL5016), &all,
                  "DKIM key at '%s' is a %u-bit RSA key; verifiers reject keys under 1024 bits (RFC 8301) and "
                  "SES BYODKIM needs 1024-2048",
                  oname, bits);
    } else if (bits > 2048) {
        char msg[ZL_NAME_TEXT_MAX + 200];
        snprintf(msg, sizeof msg,
                 "DKIM key at '%s' is a %u-bit RSA key; SES BYODKIM accepts 1024-2048 bits", oname, bits);
        report_later(ctx, st, LATER_SIZE, &all, msg);
    }

    /* BYODKIM selector: one label of letters, digits and dashes. */
    const struct zl_name *o = &rec->owner;
    bool under = false;
    for (int i = 0; i < dk; i++) {
        const uint8_t *l = zl_name_label(o, (unsigned)i);
        if (memchr(l + 1, '_', l[0]))
            under = true;
    }
    if (dk > 1 || under) {
        size_t off = zl_name_label_offset(o, (unsigned)dk);
        char sel[ZL_NAME_TEXT_MAX];
        struct zl_name s;
        memcpy(s.wire, o->wire, off);
        s.wire[off] = 0;
        s.len = (uint8_t)(off + 1);
        s.nlabels = (uint8_t)dk;
        zl_name_text(&s, sel);
        sel[strlen(sel) - 1] = '\0';
        char msg[ZL_NAME_TEXT_MAX + 200];
        snprintf(msg, sizeof msg,
                 "DKIM selector '%s' has %s; valid DKIM, but SES BYODKIM selectors are one label of letters, "
                 "digits and dashes, so SES cannot use this key",
                 sel, dk > 1 ? "dots" : "underscores");
        struct zl_span at = zl_record_owner_span(rec);
        report_later(ctx, st, LATER_SELECTOR, &at, msg);
    }
}

void zl_ses_dkim_key_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    if (rec->type == ZL_T_TXT) {
        int dk = zl_name_find_label(&rec->owner, "_domainkey");
        bool ses_txt = zl_name_label_is(zl_name_label(&rec->owner, 0), "_amazonses");
        if (dk < 1 && !ses_txt)
            return;
        if (ses_txt)
            state(ctx)->ses_seen = true;
        else
            check_key(rec, ctx, dk);
        return;
    }
    /* CNAME and MX only tell whether the zone uses SES. */
    int tf = rec->type == ZL_T_MX ? 1 : 0;
    if (rec->nfields <= tf || rec->fields[tf].kind != ZL_FIELD_NAME)
        return;
    const struct zl_field *f = &rec->fields[tf];
    if (!zl_wire_has_label(rec->rdata + f->off, rec->rdlen - f->off, "amazonses"))
        return;
    state(ctx)->ses_seen = true;
}

static void flush(struct zl_ctx *ctx, int kind, const struct zl_rule *rule)
{
    const struct key_state *st = *zl_ctx_state(ctx, ZL_RULE_REF(ZL5015));
    if (!st || !st->ses_seen)
        return;
    for (size_t i = 0; i < st->later.n; i++) {
        const struct later *l = zl_list_at(&st->later, i);
        if (l->kind == kind)
            zl_report(ctx, rule, &l->span, "%s", l->msg);
    }
}

void zl_ses_dkim_key_zone(const struct zl_zone *zone, struct zl_ctx *ctx)
{
    (void)zone;
    flush(ctx, LATER_SIZE, ZL_RULE_REF(ZL5016));
    flush(ctx, LATER_SELECTOR, ZL_RULE_REF(ZL5018));
}

/* ---- explanations ------------------------------------------------------------------- */

const char zl_explain_ses_dkim_key[] =
    "A DKIM key record's p= tag holds the base64 of the public key (for RSA, a\n"
    "DER SubjectPublicKeyInfo). zonelint decodes it and reads the key: a\n"
    "character outside base64, a length that is not a multiple of four, a key\n"
    "whose DER header promises more bytes than there are (a part lost where a\n"
    "long key was split), or the PEM armour lines pasted along with the key all\n"
    "make verifiers, and SES BYODKIM, reject the key.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    sel._domainkey TXT ( \"v=DKIM1; k=rsa; p=-----BEGIN PUBLIC KEY-----\"\n"
    "        \"MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\" )\n"
    "\n"
    "Good:\n"
    "\n"
    "    sel._domainkey TXT ( \"v=DKIM1; k=rsa; \"\n"
    "        \"p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\" )\n";

const char zl_explain_ses_dkim_key_size[] =
    "SES BYODKIM accepts RSA keys of at least 1024 and at most 2048 bits, and\n"
    "verifiers must reject keys under 1024 bits (RFC 8301). Keys under 1024 bits\n"
    "are reported everywhere; keys over 2048 bits only in zones that also have\n"
    "SES records, since other senders accept them.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    sel._domainkey TXT \"p=MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBALyhTKqGPli35/lHgq9rQtsr8sH8ESo79qIy+ltEr9dI+Kw28mC2XDoHqFjAgiFUOoKN207tORn8FE02NI9vzMECAwEAAQ==\"    ; 512 bits\n"
    "\n"
    "Good:\n"
    "\n"
    "    sel._domainkey TXT \"p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\"\n";

const char zl_explain_ses_dkim_key_split[] =
    "A 2048-bit key is 392 base64 characters and a TXT character-string holds at\n"
    "most 255, so the key is split into several strings. Name servers and\n"
    "verifiers join them with nothing in between. A space left at the start or\n"
    "end of a piece, or a quote character that ended up inside the value, becomes\n"
    "part of the key. RFC 6376 lets verifiers skip white space in p=, but SES\n"
    "and many tools do not, and a quote is never valid.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    sel._domainkey TXT ( \"p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvNJN0gulL6qLC6DjdeTqx2yb/qyPQCdhBQ4a0zX3RYb7ATlsC95YRJ7YzfH4o7llzw5nhC/LTg+B+YFjonDmTSQgX6qw248z7/toJQ3kV1kcQpK/HC8I5NnNe7vn+8lL2/HuwUvocQYJ7yIhEipE7bXLGmXp \"\n"
    "                         \"+r1MNVIfXoqtw1zvkw6H99vNsppwvGls/ZuYcJfO1TJAA663aWCxtIrg2NzzPCI+eKdA0OgU6QZcH06Ea18Nkb52KtinqIrfwx1v56eYK7e4oiQVrJFftqRJ+N6O/l3m7zvTsrA4hgLwaS/9tndHh+r0pVSCxZLRk/DSlVB4nLqx6Ue062tVCMidkQIDAQAB\" )\n"
    "\n"
    "Good:\n"
    "\n"
    "    sel._domainkey TXT ( \"p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvNJN0gulL6qLC6DjdeTqx2yb/qyPQCdhBQ4a0zX3RYb7ATlsC95YRJ7YzfH4o7llzw5nhC/LTg+B+YFjonDmTSQgX6qw248z7/toJQ3kV1kcQpK/HC8I5NnNe7vn+8lL2/HuwUvocQYJ7yIhEipE7bXLGmXp\"\n"
    "                         \"+r1MNVIfXoqtw1zvkw6H99vNsppwvGls/ZuYcJfO1TJAA663aWCxtIrg2NzzPCI+eKdA0OgU6QZcH06Ea18Nkb52KtinqIrfwx1v56eYK7e4oiQVrJFftqRJ+N6O/l3m7zvTsrA4hgLwaS/9tndHh+r0pVSCxZLRk/DSlVB4nLqx6Ue062tVCMidkQIDAQAB\" )\n";

const char zl_explain_ses_byodkim_selector[] =
    "DKIM allows selectors with several labels (a.b._domainkey.example.com), but\n"
    "SES BYODKIM selectors must be a single label of letters, digits and dashes\n"
    "(1-63 characters). A key published under such a selector cannot be the one\n"
    "configured in SES. Reported only in zones that also have SES records.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    _amazonses      TXT \"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\"\n"
    "    ses.2024._domainkey TXT \"p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    _amazonses      TXT \"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\"\n"
    "    ses-2024._domainkey TXT \"p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\"\n";
