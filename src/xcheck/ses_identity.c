/* SPDX-License-Identifier: MIT */
/* Loading SES identity JSON (see ses_identity.h).
 *
 * JSON comes from jansson (Debian libjansson-dev): a small, mature C DOM
 * library with good documentation and stable API. These files are a few
 * kilobytes and only a handful of fields are read, so a DOM is simplest;
 * positions inside the JSON are not needed, since findings point into the
 * zone. JSON_DISABLE_EOF_CHECK lets us read several documents appended to
 * one file. */
#include "xcheck/ses_identity.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "base/buf.h"
#include "input/confine.h"

/* ---- errors --------------------------------------------------------------- */

struct loader {
    struct zl_ses_expect *x;
    const char *name;      /* file name for messages */
    const struct zl_name *as; /* the identity the user says the file describes, or NULL */
    char *err;
    size_t errlen;
    bool contributed;      /* this file added something */
};

static int fail(struct loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(struct loader *L, const char *fmt, ...)
{
    int n = snprintf(L->err, L->errlen, "%s: ", L->name);
    if (n < 0 || (size_t)n >= L->errlen)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(L->err + n, L->errlen - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}

/* ---- small helpers ---------------------------------------------------------- */

static void copy_word(char *dst, size_t cap, const char *s)
{
    snprintf(dst, cap, "%s", s ? s : "");
}

/* "example.com" or "example.com." as an absolute name. */
static bool abs_name(const char *s, struct zl_name *out)
{
    size_t n = strlen(s);
    char buf[1100];
    if (n == 0 || n + 2 > sizeof buf)
        return false;
    memcpy(buf, s, n);
    if (buf[n - 1] != '.' || (n >= 2 && buf[n - 2] == '\\'))
        buf[n++] = '.';
    return zl_name_from_text(out, buf, n, NULL, NULL) == ZL_NAME_OK;
}

bool zl_ses_easy_token(const char *t)
{
    size_t n = strlen(t);
    if (n != 32)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = t[i] | 0x20;
        if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7')))
            return false;
    }
    return true;
}

/* A DKIM token or BYODKIM selector becomes a DNS label: letters, digits,
 * '-' and '_' only, at most 63 characters. */
static bool label_safe(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 63)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_'))
            return false;
    }
    return true;
}

/* The verification token becomes one quoted TXT string: printable ASCII
 * without quotes or backslashes (base64 never has them). */
static bool txt_safe(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= ZL_SES_VTOKEN_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] <= ' ' || s[i] > '~' || s[i] == '"' || s[i] == '\\')
            return false;
    return true;
}

/* Optional string member: NULL when absent or null; -1 on a wrong type. */
static int get_str(struct loader *L, json_t *obj, const char *key, const char *path, const char **out)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return fail(L, "%s.%s must be a string", path, key);
    *out = json_string_value(v);
    return 0;
}

static struct zl_ses_identity *identity_named(struct loader *L, const struct zl_name *n)
{
    struct zl_ses_expect *x = L->x;
    for (size_t i = 0; i < x->n; i++)
        if (x->v[i].named && zl_name_equal(&x->v[i].domain, n))
            return &x->v[i];
    x->v = zl_xrealloc(x->v, (x->n + 1) * sizeof *x->v);
    struct zl_ses_identity *id = &x->v[x->n++];
    memset(id, 0, sizeof *id);
    id->named = true;
    id->domain = *n;
    return id;
}

/* The key of a v1 map: a domain identity, or NULL for an email address
 * identity (those have no DNS records). */
static int v1_identity(struct loader *L, const char *key, const char *map, struct zl_ses_identity **out)
{
    *out = NULL;
    if (strchr(key, '@'))
        return 0;
    struct zl_name n;
    if (!abs_name(key, &n))
        return fail(L, "%s: identity '%s' is not a valid domain name", map, key);
    if (L->as && !zl_name_equal(&n, L->as))
        return 0; /* the user asked for another identity of this output */
    *out = identity_named(L, &n);
    return 0;
}

static int set_tokens(struct loader *L, struct zl_ses_identity *id, json_t *arr, const char *path)
{
    if (!arr || json_is_null(arr))
        return 0;
    if (!json_is_array(arr))
        return fail(L, "%s must be an array of strings", path);
    size_t n = json_array_size(arr);
    if (n > ZL_SES_MAX_TOKENS)
        return fail(L, "%s has %zu entries; SES issues 3 (or 1 selector for BYODKIM)", path, n);
    for (size_t i = 0; i < n; i++) {
        json_t *t = json_array_get(arr, i);
        if (!json_is_string(t))
            return fail(L, "%s[%zu] must be a string", path, i);
        const char *s = json_string_value(t);
        if (!label_safe(s))
            return fail(L, "%s[%zu] '%s' cannot be a DNS label (1-63 letters, digits, '-' or '_')", path, i,
                        s);
        copy_word(id->tokens[i], sizeof id->tokens[i], s);
    }
    id->ntokens = n;
    id->have_dkim = n > 0;
    return 0;
}

/* ---- v2: aws sesv2 get-email-identity ------------------------------------------ */

static bool v2_dkim_shape(json_t *dkim)
{
    static const char *const keys[] = { "Tokens", "SigningEnabled", "Status", "SigningAttributesOrigin",
                                        "SigningHostedZone", "NextSigningKeyLength",
                                        "CurrentSigningKeyLength", "LastKeyGenerationTimestamp" };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (json_object_get(dkim, keys[i]))
            return true;
    return false;
}

static int load_v2(struct loader *L, json_t *doc)
{
    struct zl_ses_expect *x = L->x;
    for (size_t i = 0; i < x->n && !L->as; i++)
        if (!x->v[i].named)
            return fail(L, "a second 'aws sesv2 get-email-identity' output; that output does not name its "
                           "identity, so name each one (--ses-identity mail.example.com=FILE) or give one "
                           "per run");
    for (size_t i = 0; i < x->n && L->as; i++)
        if (x->v[i].named && (x->v[i].from & ZL_SES_FROM_V2) && zl_name_equal(&x->v[i].domain, L->as))
            return fail(L, "a second 'aws sesv2 get-email-identity' output for the same identity");
    const char *s;
    if (get_str(L, doc, "IdentityType", "", &s) != 0)
        return -1;
    if (s && !strcmp(s, "EMAIL_ADDRESS"))
        return fail(L, "this identity is an email address (IdentityType EMAIL_ADDRESS); it has no DNS "
                       "records to check");

    x->v = zl_xrealloc(x->v, (x->n + 1) * sizeof *x->v);
    struct zl_ses_identity *id = &x->v[x->n++];
    memset(id, 0, sizeof *id);
    id->from = ZL_SES_FROM_V2;
    if (L->as) {
        id->named = true;
        id->domain = *L->as;
    }
    L->contributed = true;

    json_t *dkim = json_object_get(doc, "DkimAttributes");
    if (dkim && !json_is_null(dkim)) {
        if (!json_is_object(dkim))
            return fail(L, "DkimAttributes must be an object");
        if (set_tokens(L, id, json_object_get(dkim, "Tokens"), "DkimAttributes.Tokens") != 0)
            return -1;
        if (get_str(L, dkim, "SigningHostedZone", "DkimAttributes", &s) != 0)
            return -1;
        if (s && *s) {
            if (!abs_name(s, &id->signing_zone))
                return fail(L, "DkimAttributes.SigningHostedZone '%s' is not a valid domain name", s);
            id->have_signing_zone = true;
        }
        if (get_str(L, dkim, "Status", "DkimAttributes", &s) != 0)
            return -1;
        copy_word(id->dkim_status, sizeof id->dkim_status, s);
        if (get_str(L, dkim, "SigningAttributesOrigin", "DkimAttributes", &s) != 0)
            return -1;
        copy_word(id->signing_origin, sizeof id->signing_origin, s);
        id->byodkim = s && !strcmp(s, "EXTERNAL");
    }

    json_t *mf = json_object_get(doc, "MailFromAttributes");
    if (mf && !json_is_null(mf)) {
        if (!json_is_object(mf))
            return fail(L, "MailFromAttributes must be an object");
        if (get_str(L, mf, "MailFromDomain", "MailFromAttributes", &s) != 0)
            return -1;
        if (s && *s) {
            if (!abs_name(s, &id->mail_from))
                return fail(L, "MailFromAttributes.MailFromDomain '%s' is not a valid domain name", s);
            id->have_mail_from = true;
        }
        if (get_str(L, mf, "MailFromDomainStatus", "MailFromAttributes", &s) != 0)
            return -1;
        copy_word(id->mail_from_status, sizeof id->mail_from_status, s);
    }

    if (get_str(L, doc, "VerificationStatus", "", &s) != 0)
        return -1;
    copy_word(id->verification_status, sizeof id->verification_status, s);

    json_t *vi = json_object_get(doc, "VerificationInfo");
    if (vi && !json_is_null(vi)) {
        if (!json_is_object(vi))
            return fail(L, "VerificationInfo must be an object");
        if (get_str(L, vi, "ErrorType", "VerificationInfo", &s) != 0)
            return -1;
        copy_word(id->error_type, sizeof id->error_type, s);
        if (get_str(L, vi, "LastCheckedTimestamp", "VerificationInfo", &s) != 0)
            return -1;
        copy_word(id->last_checked, sizeof id->last_checked, s);
        json_t *soa = json_object_get(vi, "SOARecord");
        if (soa && !json_is_null(soa)) {
            if (!json_is_object(soa))
                return fail(L, "VerificationInfo.SOARecord must be an object");
            if (get_str(L, soa, "PrimaryNameServer", "VerificationInfo.SOARecord", &s) != 0)
                return -1;
            if (s && *s) {
                if (!abs_name(s, &id->soa_mname))
                    return fail(L, "VerificationInfo.SOARecord.PrimaryNameServer '%s' is not a valid domain "
                                   "name",
                                s);
                id->have_soa = true;
            }
            json_t *serial = json_object_get(soa, "SerialNumber");
            if (serial && !json_is_null(serial)) {
                if (!json_is_integer(serial) || json_integer_value(serial) < 0 ||
                    json_integer_value(serial) > 4294967295LL)
                    return fail(L, "VerificationInfo.SOARecord.SerialNumber must be an integer from 0 to "
                                   "4294967295");
                id->soa_serial = (uint32_t)json_integer_value(serial);
                id->have_serial = true;
            }
        }
    }
    return 0;
}

/* ---- v1: aws ses get-identity-*-attributes ----------------------------------------- */

static int v1_map(struct loader *L, json_t *doc, const char *key, json_t **out)
{
    *out = json_object_get(doc, key);
    if (*out && !json_is_object(*out))
        return fail(L, "%s must be an object keyed by identity", key);
    return 0;
}

static int load_v1(struct loader *L, json_t *doc)
{
    json_t *map, *val;
    const char *key, *s;
    struct zl_ses_identity *id;

    if (v1_map(L, doc, "VerificationAttributes", &map) != 0)
        return -1;
    if (map) {
        json_object_foreach(map, key, val) {
            if (!json_is_object(val))
                return fail(L, "VerificationAttributes.%s must be an object", key);
            if (v1_identity(L, key, "VerificationAttributes", &id) != 0)
                return -1;
            if (!id)
                continue;
            L->contributed = true;
            id->from |= ZL_SES_FROM_V1_VERIFY;
            if (get_str(L, val, "VerificationToken", "VerificationAttributes", &s) != 0)
                return -1;
            if (s && *s) {
                if (!txt_safe(s))
                    return fail(L, "VerificationAttributes.%s.VerificationToken is not a printable token", key);
                copy_word(id->verification_token, sizeof id->verification_token, s);
            }
            if (get_str(L, val, "VerificationStatus", "VerificationAttributes", &s) != 0)
                return -1;
            copy_word(id->verification_status, sizeof id->verification_status, s);
        }
    }

    if (v1_map(L, doc, "DkimAttributes", &map) != 0)
        return -1;
    if (map) {
        json_object_foreach(map, key, val) {
            if (!json_is_object(val))
                return fail(L, "DkimAttributes.%s must be an object", key);
            if (v1_identity(L, key, "DkimAttributes", &id) != 0)
                return -1;
            if (!id)
                continue;
            L->contributed = true;
            id->from |= ZL_SES_FROM_V1_DKIM;
            char path[300];
            snprintf(path, sizeof path, "DkimAttributes.%s.DkimTokens", key);
            if (set_tokens(L, id, json_object_get(val, "DkimTokens"), path) != 0)
                return -1;
            if (get_str(L, val, "DkimVerificationStatus", "DkimAttributes", &s) != 0)
                return -1;
            copy_word(id->dkim_status, sizeof id->dkim_status, s);
            /* v1 has no SigningAttributesOrigin: one token that is not an
             * Easy DKIM token can only be a BYODKIM selector. */
            id->byodkim = id->ntokens == 1 && !zl_ses_easy_token(id->tokens[0]);
        }
    }

    if (v1_map(L, doc, "MailFromDomainAttributes", &map) != 0)
        return -1;
    if (map) {
        json_object_foreach(map, key, val) {
            if (!json_is_object(val))
                return fail(L, "MailFromDomainAttributes.%s must be an object", key);
            if (v1_identity(L, key, "MailFromDomainAttributes", &id) != 0)
                return -1;
            if (!id)
                continue;
            L->contributed = true;
            id->from |= ZL_SES_FROM_V1_MAIL_FROM;
            if (get_str(L, val, "MailFromDomain", "MailFromDomainAttributes", &s) != 0)
                return -1;
            if (s && *s) {
                if (!abs_name(s, &id->mail_from))
                    return fail(L, "MailFromDomainAttributes.%s.MailFromDomain '%s' is not a valid domain name",
                                key, s);
                id->have_mail_from = true;
            }
            if (get_str(L, val, "MailFromDomainStatus", "MailFromDomainAttributes", &s) != 0)
                return -1;
            copy_word(id->mail_from_status, sizeof id->mail_from_status, s);
        }
    }
    return 0;
}

/* ---- documents ------------------------------------------------------------------------ */

static int load_doc(struct loader *L, json_t *doc)
{
    if (!json_is_object(doc))
        return fail(L, "expected a JSON object, the output of 'aws sesv2 get-email-identity' or "
                       "'aws ses get-identity-*-attributes'");
    static const char *const v2_keys[] = { "IdentityType", "MailFromAttributes", "VerificationStatus",
                                           "VerificationInfo", "VerifiedForSendingStatus",
                                           "FeedbackForwardingStatus" };
    bool v2 = false, v1 = json_object_get(doc, "VerificationAttributes") ||
                          json_object_get(doc, "MailFromDomainAttributes");
    for (size_t i = 0; i < sizeof v2_keys / sizeof v2_keys[0]; i++)
        if (json_object_get(doc, v2_keys[i]))
            v2 = true;
    json_t *dkim = json_object_get(doc, "DkimAttributes");
    if (dkim && json_is_object(dkim)) {
        if (v2_dkim_shape(dkim))
            v2 = true;
        else if (json_object_size(dkim))
            v1 = true;
        else if (!v2)
            v1 = true; /* {"DkimAttributes": {}}: v1 for identities it does not know */
    }
    if (v1 && v2)
        return fail(L, "the object mixes 'aws sesv2 get-email-identity' fields with 'aws ses "
                       "get-identity-*-attributes' maps; give each output as it was printed");
    if (v2)
        return load_v2(L, doc);
    if (v1)
        return load_v1(L, doc);
    return fail(L, "no DkimAttributes, MailFromAttributes, VerificationAttributes or "
                   "MailFromDomainAttributes: not the output of 'aws sesv2 get-email-identity' or "
                   "'aws ses get-identity-*-attributes'");
}

static void line_col_at(const char *data, size_t off, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off; i++) {
        if (data[i] == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

static size_t skip_space(const char *data, size_t len, size_t off)
{
    while (off < len && (data[off] == ' ' || data[off] == '\t' || data[off] == '\n' || data[off] == '\r'))
        off++;
    return off;
}

bool zl_ses_identity_name(const char *s, size_t n, struct zl_name *out)
{
    char buf[300];
    if (n == 0 || n >= sizeof buf || memchr(s, '/', n))
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return abs_name(buf, out) && out->nlabels > 0;
}

int zl_ses_expect_load_buffer(struct zl_ses_expect *x, const char *data, size_t len, const char *name,
                              char *err, size_t errlen)
{
    return zl_ses_expect_load_buffer_as(x, data, len, name, NULL, err, errlen);
}

int zl_ses_expect_load_buffer_as(struct zl_ses_expect *x, const char *data, size_t len, const char *name,
                                 const struct zl_name *as, char *err, size_t errlen)
{
    struct loader L = { x, name, as, err, errlen, false };
    size_t off = 0;
    if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
        off = 3; /* a BOM, as PowerShell's Out-File writes */
    off = skip_space(data, len, off);
    if (off == len)
        return fail(&L, "empty; expected the JSON output of 'aws sesv2 get-email-identity'");
    if (data[off] != '{')
        return fail(&L, "not JSON (expected '{'); run the aws command with '--output json'");
    while (off < len) {
        json_error_t e;
        json_t *doc = json_loadb(data + off, len - off, JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, &e);
        if (!doc) {
            int l0, c0;
            line_col_at(data, off, &l0, &c0);
            int line = e.line > 0 ? l0 + e.line - 1 : l0;
            int col = e.line == 1 ? c0 + e.column - 1 : e.column;
            snprintf(err, errlen, "%s:%d:%d: invalid JSON: %s", name, line, col > 0 ? col : 1, e.text);
            return -1;
        }
        int rc = load_doc(&L, doc);
        json_decref(doc);
        if (rc != 0)
            return -1;
        off = skip_space(data, len, off + (size_t)e.position);
    }
    if (!L.contributed && as) {
        char t[ZL_NAME_TEXT_MAX];
        zl_name_text(as, t);
        return fail(&L, "no identity '%s' in it", t);
    }
    if (!L.contributed)
        return fail(&L, "no domain identity in it (email address identities have no DNS records)");
    size_t have = x->files ? strlen(x->files) : 0;
    x->files = zl_xrealloc(x->files, have + strlen(name) + 3);
    sprintf(x->files + have, "%s%s", have ? ", " : "", name);
    return 0;
}

int zl_ses_expect_load(struct zl_ses_expect *x, const char *path, char *err, size_t errlen)
{
    return zl_ses_expect_load_as(x, path, NULL, err, errlen);
}

int zl_ses_expect_load_as(struct zl_ses_expect *x, const char *path, const struct zl_name *as, char *err,
                          size_t errlen)
{
    bool is_stdin = !strcmp(path, "-");
    const char *name = is_stdin ? "<stdin>" : path;
    struct zl_buf b = { 0 };
    bool too_big = false;
    int rd;
    if (is_stdin) {
        rd = zl_buf_read_stream(&b, stdin, 16u << 20);
        too_big = rd == -2;
        if (rd == -1)
            snprintf(err, errlen, "%s: read error: %s", name, strerror(errno));
    } else {
        /* a file named on the command line: confine.h */
        rd = zl_read_argument_file(path, 16u << 20, &b, &too_big, err, errlen);
    }
    if (rd != 0) {
        zl_buf_free(&b);
        if (too_big)
            snprintf(err, errlen, "%s: larger than 16 MiB; not an SES identity description", name);
        return -1;
    }
    int rc = zl_ses_expect_load_buffer_as(x, b.len ? (const char *)b.data : "", b.len, name, as, err, errlen);
    zl_buf_free(&b);
    return rc;
}

void zl_ses_expect_free(struct zl_ses_expect *x)
{
    free(x->v);
    free(x->files);
    memset(x, 0, sizeof *x);
}

/* ---- picking the identity for a zone ---------------------------------------------------- */

/* Lays the fields src has over dst (v2 over v1: v2 is the newer API and
 * knows the signing zone and the SOA). */
static void overlay(struct zl_ses_identity *dst, const struct zl_ses_identity *src)
{
    dst->from |= src->from;
    if (src->have_dkim) {
        memcpy(dst->tokens, src->tokens, sizeof dst->tokens);
        dst->ntokens = src->ntokens;
        dst->have_dkim = true;
        dst->byodkim = src->byodkim;
    }
    if (src->have_signing_zone) {
        dst->signing_zone = src->signing_zone;
        dst->have_signing_zone = true;
    }
    if (src->dkim_status[0])
        memcpy(dst->dkim_status, src->dkim_status, sizeof dst->dkim_status);
    if (src->signing_origin[0])
        memcpy(dst->signing_origin, src->signing_origin, sizeof dst->signing_origin);
    if (src->verification_token[0])
        memcpy(dst->verification_token, src->verification_token, sizeof dst->verification_token);
    if (src->verification_status[0])
        memcpy(dst->verification_status, src->verification_status, sizeof dst->verification_status);
    if (src->have_mail_from) {
        dst->mail_from = src->mail_from;
        dst->have_mail_from = true;
    }
    if (src->mail_from_status[0])
        memcpy(dst->mail_from_status, src->mail_from_status, sizeof dst->mail_from_status);
    if (src->have_soa) {
        dst->soa_mname = src->soa_mname;
        dst->have_soa = true;
    }
    if (src->have_serial) {
        dst->soa_serial = src->soa_serial;
        dst->have_serial = true;
    }
    if (src->error_type[0])
        memcpy(dst->error_type, src->error_type, sizeof dst->error_type);
    if (src->last_checked[0])
        memcpy(dst->last_checked, src->last_checked, sizeof dst->last_checked);
}

enum zl_ses_pick zl_ses_expect_pick(const struct zl_ses_expect *x, const struct zl_name *origin,
                                    struct zl_ses_identity *out)
{
    const struct zl_ses_identity *v2 = NULL, *match = NULL, *only = NULL;
    size_t named = 0;
    for (size_t i = 0; i < x->n; i++) {
        const struct zl_ses_identity *id = &x->v[i];
        if (!id->named) {
            v2 = id;
            continue;
        }
        named++;
        only = id;
        if (origin && zl_name_equal(&id->domain, origin))
            match = id;
    }
    const struct zl_ses_identity *base = match ? match : named == 1 ? only : NULL;
    memset(out, 0, sizeof *out);
    if (base) {
        *out = *base;
        if (v2)
            overlay(out, v2);
        return ZL_SES_PICK_OK;
    }
    if (named > 1 && !v2)
        return ZL_SES_PICK_AMBIGUOUS;
    if (!origin)
        return ZL_SES_PICK_NO_ORIGIN;
    if (v2)
        *out = *v2;
    out->named = true;
    out->assumed = true;
    out->domain = *origin;
    return ZL_SES_PICK_OK;
}
