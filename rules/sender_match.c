/* SPDX-License-Identifier: MIT */
/* Matching records against the sender packs (see sender_match.h).
 *
 * A record is a pack entry's when the entry's cheap gate passes (the
 * target is under the entry's domain, the TXT starts with its prefix, or
 * the owner carries the template's literal text) and then its owner
 * template or its value pattern matches. Matching is done on the record
 * with the usual mistakes undone, the zone name appended to a target,
 * blanks and quotes pasted around a value, so a broken record is still
 * known (and the rules say what broke). Of several packs that could own a
 * record, the one whose owner, value and type all fit wins; on a tie the
 * pack built on the other (Customer.io on Mailgun) does. */
#include "sender_match.h"

#include <stdio.h>
#include <string.h>

#include "base/ascii.h"
#include "ses_data.h"
#include "rdata/types.h"

/* ---- text ---------------------------------------------------------------------------- */

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* ASCII lower case of every byte. */
static const uint8_t lower_table[256] = {
#define L1(c) (uint8_t)((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c))
#define L4(c) L1(c), L1(c + 1), L1(c + 2), L1(c + 3)
#define L16(c) L4(c), L4(c + 4), L4(c + 8), L4(c + 12)
#define L64(c) L16(c), L16(c + 16), L16(c + 32), L16(c + 48)
    L64(0), L64(64), L64(128), L64(192),
#undef L1
#undef L4
#undef L16
#undef L64
};

/* zl_sm_name_plain, with the end of each label's text in bounds (at most
 * maxb of them; *nb how many). */
static bool name_plain_bounds(const struct zl_name *n, char *out, size_t *len, uint16_t *bounds, unsigned maxb,
                              unsigned *nb)
{
    size_t o = 0, off = 0;
    bool ok = true;
    unsigned k = 0;
    /* One walk over the wire (label i found from label i - 1). */
    for (unsigned i = 0; i < n->nlabels && off < n->len && n->wire[off]; i++) {
        const uint8_t *l = n->wire + off;
        off += 1 + (size_t)l[0];
        if (i && o < ZL_SM_TEXT - 1)
            out[o++] = '.';
        size_t ll = l[0];
        if (ll > ZL_SM_TEXT - 1 - o)
            ll = ZL_SM_TEXT - 1 - o;
        uint8_t dots = 0;
        for (size_t j = 0; j < ll; j++) {
            uint8_t c = l[1 + j];
            dots |= c == '.';
            out[o + j] = (char)lower_table[c];
        }
        ok &= !dots;
        o += ll;
        if (k < maxb)
            bounds[k++] = (uint16_t)o;
    }
    out[o] = '\0';
    *len = o;
    if (nb)
        *nb = k;
    return ok;
}

bool zl_sm_name_plain(const struct zl_name *n, char *out, size_t *len)
{
    return name_plain_bounds(n, out, len, NULL, 0, NULL);
}

/* Length of a pasted blank or quote at s (UTF-8 aware), or 0. */
static size_t stray_at(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (!n)
        return 0;
    if (u[0] == ' ' || u[0] == '\t' || u[0] == '"' || u[0] == '\'')
        return 1;
    if (n >= 2 && u[0] == 0xc2 && u[1] == 0xa0)
        return 2; /* no-break space */
    if (n >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
        return 3; /* byte order mark */
    if (n >= 3 && u[0] == 0xe2 && u[1] == 0x80 &&
        (u[2] == 0x8b || u[2] == 0x8c || u[2] == 0x8d || u[2] == 0x98 || u[2] == 0x99 || u[2] == 0x9c ||
         u[2] == 0x9d))
        return 3; /* zero-width characters, curly quotes */
    return 0;
}

/* Same, ending at s + n. */
static size_t stray_before(const char *s, size_t n)
{
    for (size_t k = 1; k <= 3 && k <= n; k++)
        if (stray_at(s + n - k, k) == k)
            return k;
    return 0;
}

/* Removes pasted blanks and quotes from both ends; true when it did. */
static bool trim(char *s, size_t *n)
{
    size_t a = 0, b = *n, k;
    while (a < b && (k = stray_at(s + a, b - a)))
        a += k;
    while (b > a && (k = stray_before(s + a, b - a)))
        b -= k;
    if (a == 0 && b == *n)
        return false;
    memmove(s, s + a, b - a);
    *n = b - a;
    s[*n] = '\0';
    return true;
}

static bool host_chars(const char *s, size_t n)
{
    bool dot = false;
    if (!n || s[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '.') {
            if (i + 1 < n && s[i + 1] == '.')
                return false;
            dot = true;
        } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
            return false;
        }
    }
    return dot;
}

static bool has_prefix_ci(const char *s, size_t n, const char *p)
{
    size_t m = strlen(p);
    if (m > n)
        return false;
    for (size_t i = 0; i < m; i++)
        if (lower(s[i]) != lower(p[i]))
            return false;
    return true;
}

/* ---- the view ----------------------------------------------------------------------------- */

/* owner without the origin's labels at its end when it ends in them twice. */
static bool undouble(const struct zl_name *owner, const struct zl_name *origin, struct zl_name *out)
{
    if (!origin || origin->nlabels == 0 || owner->nlabels < 2u * origin->nlabels)
        return false;
    if (!zl_name_is_subdomain(owner, origin) || !zl_name_ends_in_before(owner, origin->nlabels, origin))
        return false;
    unsigned keep = owner->nlabels - 2u * origin->nlabels;
    size_t off = zl_name_label_offset(owner, keep);
    if (off + origin->len > ZL_NAME_MAX)
        return false;
    memcpy(out->wire, owner->wire, off);
    memcpy(out->wire + off, origin->wire, origin->len);
    out->len = (uint8_t)(off + origin->len);
    out->nlabels = (uint8_t)(keep);
    return true;
}

static void derive(struct zl_sm_view *v);

static bool view(const struct zl_record *rec, struct zl_sm_view *v);

/* Zeroes the bytes after a string's end: PCRE2's JIT code may look a few
 * bytes past the subject (harmless, but valgrind counts it as a use). */
static void pad(char *s, size_t len, size_t cap)
{
    size_t end = len + 16 < cap ? len + 16 : cap;
    if (len < end)
        memset(s + len, 0, end - len);
}

bool zl_sm_view(const struct zl_record *rec, struct zl_sm_view *v)
{
    if (!view(rec, v))
        return false;
    derive(v);
    pad(v->val, v->val_len, sizeof v->val);
    pad(v->host, v->hlen, sizeof v->host);
    return true;
}

void zl_sm_view_bare(const struct zl_record *rec, struct zl_sm_view *v)
{
    v->rec = rec;
    v->type = rec->type;
    v->origin = rec->origin;
    v->owner_ready = v->otext_ready = v->owner_doubled = false;
}

void zl_sm_view_owner(struct zl_sm_view *v)
{
    if (v->owner_ready)
        return;
    v->owner_ready = true;
    const struct zl_record *rec = v->rec;
    v->owner = rec->owner;
    struct zl_name fixed;
    if (undouble(&rec->owner, rec->origin, &fixed)) {
        v->owner = fixed;
        v->owner_doubled = true;
    }
}

/* The owner's text and label ends, for the entries' templates. */
static void owner_text(struct zl_sm_view *v)
{
    if (v->otext_ready)
        return;
    v->otext_ready = true;
    zl_sm_view_owner(v);
    /* The label ends come with the text (the text has no '.' but between
     * labels when the name is plain). */
    size_t on;
    unsigned nb;
    if (v->owner.nlabels < 128 && name_plain_bounds(&v->owner, v->otext, &on, v->obound, 128, &nb))
        v->onl = on ? nb : 0;
    pad(v->otext, strlen(v->otext), sizeof v->otext);
}

static bool view(const struct zl_record *rec, struct zl_sm_view *v)
{
    /* No memset of the whole view: its text buffers are kilobytes, and this
     * runs on every CNAME, MX and TXT record of the zone. */
    v->owner_doubled = v->relative = v->stray = v->txt_host = v->spf = v->unnamable = false;
    v->raw_len = v->val_len = v->hlen = v->origin_len = 0;
    v->onl = 0;
    v->has_host = false;
    v->raw[0] = v->val[0] = v->host[0] = v->otext[0] = '\0';
    v->rec = rec;
    v->type = rec->type;
    v->origin = rec->origin;
    v->owner_ready = v->otext_ready = false;
    if (rec->type != ZL_T_CNAME && rec->type != ZL_T_MX && rec->type != ZL_T_TXT)
        return false;
    if (rec->type == ZL_T_TXT) {
        unsigned ns;
        size_t n = zl_txt_join(rec, v->raw, sizeof v->raw - 1, &ns);
        if (n >= sizeof v->raw)
            n = sizeof v->raw - 1;
        v->raw[n] = '\0';
        v->raw_len = n;
        memcpy(v->val, v->raw, n + 1);
        v->val_len = n;
        v->stray = trim(v->val, &v->val_len);
        v->spf = has_prefix_ci(v->val, v->val_len, "v=spf1") &&
                 (v->val_len == 6 || v->val[6] == ' ' || v->val[6] == '\t');
        /* A host name in a TXT record: a CNAME or MX value in the wrong type
         * (checked in place: most TXT values fail at their first blank). */
        size_t hn = v->val_len;
        if (hn && v->val[hn - 1] == '.')
            hn--;
        bool dot = false, okc = hn > 0 && hn < 254 && v->val[0] != '.';
        for (size_t i = 0; okc && i < hn; i++) {
            char c = lower(v->val[i]);
            if (c == '.') {
                okc = i + 1 < hn && v->val[i + 1] != '.';
                dot = true;
            } else {
                okc = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            }
        }
        v->txt_host = okc && dot;
        return true;
    }
    int tf = rec->type == ZL_T_CNAME ? 0 : 1;
    if ((size_t)tf >= rec->nfields || rec->fields[tf].kind != ZL_FIELD_NAME)
        return false;
    const struct zl_field *f = &rec->fields[tf];
    struct zl_name t;
    if (!zl_name_from_wire(&t, rec->rdata + f->off, rec->rdlen - f->off))
        return false;
    v->relative = (f->flags & ZL_NAME_F_RELATIVE) != 0;
    /* Below the origin: the origin may have been appended by mistake. */
    if (rec->origin && rec->origin->nlabels && t.nlabels > rec->origin->nlabels &&
        zl_name_is_subdomain(&t, rec->origin))
        v->origin_len = (size_t)rec->origin->len - 1u; /* "." + its text: its wire length less the root */
    if (!zl_sm_name_plain(&t, v->raw, &v->raw_len))
        v->unnamable = true;
    memcpy(v->val, v->raw, v->raw_len + 1);
    v->val_len = v->raw_len;
    v->stray = trim(v->val, &v->val_len);
    if (!host_chars(v->val, v->val_len))
        v->unnamable = true;
    return true;
}

/* The host name of the value, once. */
static void derive(struct zl_sm_view *v)
{
    const char *t = v->val;
    size_t tn = v->val_len;
    if (v->type == ZL_T_TXT) {
        if (!v->txt_host || v->spf)
            return;
        if (tn && t[tn - 1] == '.')
            tn--;
    } else if (v->unnamable) {
        return;
    }
    for (size_t i = 0; i < tn; i++)
        v->host[i] = lower(t[i]);
    v->host[tn] = '\0';
    v->hlen = tn;
    v->has_host = tn > 0;
    /* origin_len (set by view) counts the origin's text and the dot before
     * it; a pasted blank may have shortened the host since. */
    if (v->origin_len >= tn)
        v->origin_len = 0;
}

/* ---- matching -------------------------------------------------------------------------------- */

/* A CNAME/MX entry found through its domain: how the host relates to it. */
enum { M_EXACT, M_ORIGIN, M_EXTRA };

struct cand {
    uint16_t pack, entry;
    uint8_t mode;
    uint16_t sublen;         /* the host's first sublen bytes are the value as meant */
    const char *domain;
};

/* Is needle (m bytes) in s (n bytes)? Both are lower case already. */
static bool has_sub(const char *s, size_t n, const char *needle, size_t m)
{
    if (m > n)
        return false;
    for (size_t i = 0; i + m <= n; i++)
        if (s[i] == needle[0] && memcmp(s + i, needle, m) == 0)
            return true;
    return false;
}

/* The first label of n in lower case into out (64 bytes); its length (0
 * for the root), or -1 for a label no parser makes (then ask the text). */
static long first_label_lower(const struct zl_name *n, char *out)
{
    size_t ll = n->len && n->nlabels ? n->wire[0] : 0;
    if (ll > 63 || ll + 1 > n->len)
        return -1;
    for (size_t j = 0; j < ll; j++)
        out[j] = (char)lower_table[n->wire[1 + j]];
    return (long)ll;
}

/* Reads the captures of the last match of code into m (owner or value
 * side); mask says which of the pack's captures the pattern has. */
static void take_caps(struct zl_senders *s, const void *code, const char *subject, uint32_t mask,
                      struct zl_sm_match *m, bool owner_side)
{
    const struct zl_sender_pack *p = m->p;
    for (size_t i = 0; i < p->ncaptures && i < 32; i++) {
        if (!(mask >> i & 1))
            continue;
        const struct zl_sender_capture *c = &p->captures[i];
        struct zl_sm_cap *cap = NULL;
        for (size_t k = 0; k < m->ncaps; k++)
            if (m->caps[k].name == c->name)
                cap = &m->caps[k];
        if (!cap) {
            if (m->ncaps == ZL_SM_MAXCAP)
                continue;
            cap = &m->caps[m->ncaps++];
            memset(cap, 0, sizeof *cap);
            cap->name = c->name;
            cap->kind = c->kind;
        }
        size_t off, n;
        if (!zl_senders_capture(s, code, c->name, &off, &n))
            continue;
        char *dst = owner_side ? cap->owner : cap->value;
        if (n >= ZL_SM_CAPLEN)
            n = ZL_SM_CAPLEN - 1;
        for (size_t k = 0; k < n; k++)
            dst[k] = lower(subject[off + k]);
        dst[n] = '\0';
        if (owner_side)
            cap->in_owner = true;
        else
            cap->in_value = true;
    }
}

const char *zl_sm_cap_value(const struct zl_sm_match *m, const char *name)
{
    for (size_t k = 0; k < m->ncaps; k++) {
        const struct zl_sm_cap *c = &m->caps[k];
        if (strcmp(c->name, name) != 0)
            continue;
        if (c->in_value)
            return c->value;
        if (c->in_owner)
            return c->owner;
    }
    const struct zl_sender_capture *c = zl_sender_capture_find(m->p, name, strlen(name));
    return c ? c->fallback : NULL;
}

/* An include: domain as the spf entries' values are matched against it,
 * into out (256 + 16 bytes); its length. */
static size_t spf_subject(const char *include, size_t include_len, char *out)
{
    size_t sn = include_len < 255 ? include_len : 255;
    for (size_t k = 0; k < sn; k++)
        out[k] = lower(include[k]);
    if (sn && out[sn - 1] == '.')
        sn--; /* include:amazonses.com. is the same domain (RFC 7208 7.1) */
    memset(out + sn, 0, 16); /* PCRE2's JIT code may look a few bytes past the subject */
    return sn;
}

/* Matches view v against entry j of pack i; true with *m filled. c is the
 * CNAME/MX entry's domain match, include the SPF include: domain. */
static bool try_entry(struct zl_senders *s, struct zl_sm_view *v, size_t i, size_t j, const struct cand *c,
                      struct zl_sm_match *m, const char *include, size_t include_len)
{
    const struct zl_sender_pack *p = zl_senders_at(s, i);
    const struct zl_sender_entry *e = &p->entries[j];
    char spf[256 + 16];
    const char *subject = "";
    size_t sn = 0;
    /* Field by field: the struct holds kilobytes of text buffers. */
    m->score = 0;
    m->owner_ok = m->value_ok = m->origin_appended = m->strict_owner = false;
    m->extra[0] = m->label[0] = m->subject[0] = '\0';
    m->domain = NULL;
    m->include = NULL;
    m->include_len = 0;
    m->subject_len = 0;
    m->ncaps = 0;
    m->pack = i;
    m->entry = j;
    m->p = p;
    m->e = e;
    m->type_ok = true;

    if (e->role == ZL_ROLE_SPF) {
        sn = spf_subject(include, include_len, spf);
        subject = spf;
        m->include = include;
        m->include_len = include_len;
    } else if (c) {
        if (v->type != e->type)
            m->type_ok = false; /* a CNAME or MX value in a TXT record */
        sn = c->sublen;
        subject = v->host;
        m->domain = c->domain;
        m->origin_appended = c->mode == M_ORIGIN;
        if (c->mode == M_EXTRA)
            snprintf(m->extra, sizeof m->extra, "%s", v->host + c->sublen + 1);
    } else {
        sn = v->val_len;
        subject = v->val;
    }

    const struct zl_sender_compiled *cc = zl_senders_compiled(s, i, j);
    if (!cc)
        return false;
    /* An SPF entry needs its value to match: most includes name no sender,
     * and are turned away before the owner is looked at. */
    if (e->role == ZL_ROLE_SPF && !zl_senders_match(s, cc->value, subject, sn))
        return false;
    /* The owner: the template's labels of it, the identity below them. */
    owner_text(v);
    unsigned k = cc->nlabels;
    bool have = k == 0 || (v->onl && k <= v->onl);
    size_t on = k == 0 ? 0 : have ? v->obound[k - 1] : 0;
    bool by_owner = e->type == ZL_T_TXT && !e->prefix && e->role != ZL_ROLE_SPF;
    bool lit_gate = !cc->lit[0] || (have && has_sub(v->otext, on, cc->lit, cc->litlen));
    if (by_owner && !lit_gate)
        return false; /* recognised by its owner only, and the owner lacks the literal */
    if (have && lit_gate && zl_senders_match(s, cc->owner, v->otext, on)) {
        m->owner_ok = true;
        take_caps(s, cc->owner, v->otext, cc->owner_caps, m, true);
    }
    if (have) {
        size_t ln = on < sizeof m->label - 1 ? on : sizeof m->label - 1;
        memcpy(m->label, v->otext, ln);
        m->label[ln] = '\0';
    }
    if (v->owner.nlabels >= k)
        zl_name_suffix(&m->identity, &v->owner, k);
    else
        m->identity = v->owner;
    if (by_owner && !m->owner_ok)
        return false;
    if (zl_senders_match(s, cc->value, subject, sn)) {
        m->value_ok = true;
        take_caps(s, cc->value, subject, cc->value_caps, m, false);
    }
    if (e->role == ZL_ROLE_SPF && (!m->value_ok || !m->owner_ok))
        return false;
    if (!m->owner_ok && !m->value_ok)
        return false;
    /* A TXT record is another type's value only when it holds exactly that
     * value ("google.com" in a TXT is not Google's MX). */
    if (!m->type_ok && !m->value_ok)
        return false;
    /* Claimed by its owner alone, the value judged against the pattern:
     * only when the owner says something (a literal, or a TXT prefix). A
     * "{label}" or "@" owner with a target of another shape under the
     * sender's domain is some other service of the sender's, not a broken
     * record of this kind. */
    m->strict_owner = cc->literal > 0 || e->prefix != NULL;
    if (sn >= sizeof m->subject)
        sn = sizeof m->subject - 1;
    memcpy(m->subject, subject, sn);
    m->subject[sn] = '\0';
    m->subject_len = sn;
    m->score = (m->type_ok ? 8u : 0u) + (m->value_ok ? 4u : 0u) + (m->owner_ok ? 2u : 0u) +
               (m->owner_ok && cc->literal ? 1u : 0u);
    return true;
}

static bool better(const struct zl_sm_match *a, const struct zl_sm_match *b)
{
    if (a->score != b->score)
        return a->score > b->score;
    /* A pack built on the other wins a tie (Customer.io over Mailgun). */
    return a->p->based_on && strcmp(a->p->based_on, b->p->id) == 0;
}

/* The include: (and redirect=) domains of an SPF record, one at a time. */
static bool next_include(const char *s, size_t n, size_t *pos, const char **d, size_t *dn)
{
    size_t i = *pos;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        size_t a = i;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
        const char *t = s + a;
        size_t tn = i - a;
        if (tn && (t[0] == '+' || t[0] == '~' || t[0] == '-' || t[0] == '?')) {
            t++;
            tn--;
        }
        size_t k = 0;
        if (has_prefix_ci(t, tn, "include:"))
            k = 8;
        else if (has_prefix_ci(t, tn, "redirect="))
            k = 9;
        if (k && tn > k) {
            *d = t + k;
            *dn = tn - k;
            *pos = i;
            return true;
        }
    }
    *pos = i;
    return false;
}

/* Adds the entries whose domain is a label suffix of host[0..n): the host
 * as it stands (mode), the value meant being host[0..n). */
static size_t add_cands(struct zl_senders *s, const struct zl_sm_view *v, size_t n, uint8_t mode,
                        struct cand *out, size_t nout, size_t max)
{
    /* The hash of every label suffix, in one pass from the end; then the
     * suffixes longest first, as the candidates have always been taken. */
    size_t at[256];
    uint64_t hs[256];
    size_t ns = 0;
    uint64_t h = ZL_SENDERS_HASH_INIT;
    /* A domain of two labels or more ends in the host's last two: when no
     * domain ends in them, only the last label alone can be one. */
    bool single = zl_senders_domain_single(s);
    unsigned starts = 0;
    for (size_t j = n; j-- > 0;) {
        h = zl_senders_hash_byte(h, (unsigned char)v->host[j]);
        if (j == 0 || v->host[j - 1] == '.') {
            starts++;
            if (starts == 1 && !single)
                continue;
            if (starts == 2 && !zl_senders_domain_tail(s, h))
                break;
            if (ns < 256) {
                at[ns] = j;
                hs[ns++] = h;
            }
        }
    }
    for (size_t q = ns; q-- > 0 && nout < max;) {
        size_t i = at[q];
        size_t cnt;
        const struct zl_sender_ref *r = zl_senders_by_domain_hash(s, v->host + i, n - i, hs[q], &cnt);
        for (size_t k = 0; k < cnt && nout < max; k++) {
            const struct zl_sender_entry *e = &zl_senders_at(s, r[k].pack)->entries[r[k].entry];
            if (v->type != ZL_T_TXT && v->type != e->type)
                continue;
            bool dup = false;
            for (size_t d = 0; d < nout && !dup; d++)
                dup = out[d].pack == r[k].pack && out[d].entry == r[k].entry;
            if (!dup)
                out[nout++] = (struct cand){ r[k].pack, r[k].entry, mode, (uint16_t)n, r[k].key };
        }
    }
    return nout;
}

size_t zl_sm_classify(struct zl_senders *s, struct zl_sm_view *v, struct zl_sm_match *out, size_t max)
{
    size_t n = 0;
    struct zl_sm_match cand;
    if (!max)
        return 0;
    if (v->spf) {
        /* One match per pack: an SPF record names several senders. */
        const char *inc[32];
        size_t incn[32], ni = 0, pos = 0;
        while (ni < 32 && next_include(v->val, v->val_len, &pos, &inc[ni], &incn[ni]))
            ni++;
        if (!ni)
            return 0;
        size_t nr;
        const struct zl_sender_ref *r = zl_senders_index(s, ZL_IDX_SPF, &nr);
        /* Most includes name no sender, and a zone repeats them: an
         * include no entry's value matched is remembered and skipped. */
        char subj[32][256 + 16];
        size_t sn[32];
        bool skip[32], hit[32], any = false;
        for (size_t q = 0; q < ni; q++) {
            sn[q] = spf_subject(inc[q], incn[q], subj[q]);
            skip[q] = zl_senders_spf_none(s, subj[q], sn[q]);
            hit[q] = false;
            any |= !skip[q];
        }
        for (size_t k = 0; k < nr && n < max; k++) {
            bool dup = false;
            for (size_t q = 0; q < n && !dup; q++)
                dup = out[q].pack == r[k].pack;
            const struct zl_sender_compiled *cc = dup || !any ? NULL : zl_senders_compiled(s, r[k].pack, r[k].entry);
            for (size_t q = 0; q < ni && cc; q++) {
                if (skip[q] || !zl_senders_match(s, cc->value, subj[q], sn[q]))
                    continue; /* as try_entry would find first */
                hit[q] = true;
                if (try_entry(s, v, r[k].pack, r[k].entry, NULL, &cand, inc[q], incn[q])) {
                    out[n++] = cand;
                    break;
                }
            }
        }
        /* With no match every include was tried against every entry. */
        for (size_t q = 0; q < ni && n == 0; q++)
            if (!skip[q] && !hit[q])
                zl_senders_spf_set_none(s, subj[q], sn[q]);
        /* A pack built on another claims the record for itself (Customer.io's
         * SPF on cio<N> names mailgun.org, and is not Mailgun's). */
        size_t keep = 0;
        for (size_t a = 0; a < n; a++) {
            bool over = false;
            for (size_t b = 0; b < n && !over; b++)
                over = b != a && out[b].p->based_on && strcmp(out[b].p->based_on, out[a].p->id) == 0 &&
                       out[b].score > out[a].score;
            if (!over)
                out[keep++] = out[a];
        }
        return keep;
    }
    struct cand cands[64];
    size_t nc = 0;
    if (v->has_host) {
        nc = add_cands(s, v, v->hlen, M_EXACT, cands, nc, 64);
        if (v->origin_len)
            nc = add_cands(s, v, v->hlen - v->origin_len, M_ORIGIN, cands, nc, 64);
        size_t dot = v->hlen;
        while (dot && v->host[dot - 1] != '.')
            dot--;
        if (dot > 1)
            nc = add_cands(s, v, dot - 1, M_EXTRA, cands, nc, 64);
    }
    bool have = false;
    struct zl_sm_match best;
    for (size_t k = 0; k < nc; k++) {
        const struct zl_sender_entry *e = &zl_senders_at(s, cands[k].pack)->entries[cands[k].entry];
        if (e->context || !try_entry(s, v, cands[k].pack, cands[k].entry, &cands[k], &cand, NULL, 0))
            continue;
        if (!have || better(&cand, &best)) {
            best = cand;
            have = true;
        }
    }
    if (v->type == ZL_T_TXT) {
        size_t nr;
        const struct zl_sender_ref *r = zl_senders_index(s, ZL_IDX_PREFIX, &nr);
        for (size_t k = 0; k < nr; k++) {
            if (r[k].keylen > v->val_len || lower(v->val[0]) != lower(r[k].key[0]) ||
                !has_prefix_ci(v->val, v->val_len, r[k].key))
                continue;
            if (try_entry(s, v, r[k].pack, r[k].entry, NULL, &cand, NULL, 0) && (!have || better(&cand, &best))) {
                best = cand;
                have = true;
            }
        }
        r = zl_senders_index(s, ZL_IDX_OWNER, &nr);
        /* The literal is looked for in the first label, which is the
         * written owner's (undoubling keeps it): most owners lack every
         * literal, and then their text is never made. */
        char l0[64];
        long l0n = first_label_lower(&v->rec->owner, l0);
        for (size_t k = 0; k < nr; k++) {
            if (r[k].keylen && l0n >= 0 && !has_sub(l0, (size_t)l0n, r[k].key, r[k].keylen))
                continue;
            owner_text(v);
            if (r[k].keylen && (!v->onl || !has_sub(v->otext, v->obound[0], r[k].key, r[k].keylen)))
                continue;
            if (try_entry(s, v, r[k].pack, r[k].entry, NULL, &cand, NULL, 0) && (!have || better(&cand, &best))) {
                best = cand;
                have = true;
            }
        }
    }
    if (have)
        out[n++] = best;
    /* Context entries: the zone decides whether they are this pack's. */
    for (size_t k = 0; k < nc && n < max; k++) {
        const struct zl_sender_entry *e = &zl_senders_at(s, cands[k].pack)->entries[cands[k].entry];
        if (!e->context)
            continue;
        if (try_entry(s, v, cands[k].pack, cands[k].entry, &cands[k], &cand, NULL, 0) && cand.value_ok &&
            cand.type_ok)
            out[n++] = cand;
    }
    return n;
}

/* ---- the gate ---------------------------------------------------------------------------- */

/* A byte of a host name as the packs' domains are written (any case):
 * its lower case; 0 for any other byte. */
static const uint8_t host_table[256] = {
#define H1(c)                                                                                                       \
    (uint8_t)(((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9') || (c) == '-' || (c) == '_' ? (c)          \
              : (c) >= 'A' && (c) <= 'Z'                                              ? (c) + 32                    \
                                                                                      : 0)
#define H4(c) H1(c), H1(c + 1), H1(c + 2), H1(c + 3)
#define H16(c) H4(c), H4(c + 4), H4(c + 8), H4(c + 12)
#define H64(c) H16(c), H16(c + 16), H16(c + 32), H16(c + 48)
    H64(0), H64(64), H64(128), H64(192),
#undef H1
#undef H4
#undef H16
#undef H64
};

/* Whether some domain may end in the last two of the first k labels of
 * wire name w (label i at at[i]): their text hashed as add_cands does. */
static bool tail_known(struct zl_senders *s, const uint8_t *w, const size_t *at, unsigned k)
{
    if (k < 2)
        return false;
    uint64_t h = ZL_SENDERS_HASH_INIT;
    for (unsigned i = k; i-- > k - 2;) {
        const uint8_t *l = w + at[i];
        for (size_t j = l[0]; j > 0; j--)
            h = zl_senders_hash_byte(h, host_table[l[j]]);
        if (i == k - 1)
            h = zl_senders_hash_byte(h, '.');
    }
    return zl_senders_domain_tail(s, h);
}

/* A byte a pasted blank or quote may start with (stray_at). */
static bool stray_start(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '"' || c == '\'' || c >= 0x80;
}

/* What a byte of a TXT value can be in a host name, in one look-up. */
enum { C_HOST = 0, C_DOT = 1, C_STRAY = 2, C_OTHER = 4 };
static const uint8_t txt_class[256] = {
#define T1(c)                                                                                                       \
    (uint8_t)(((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || ((c) >= '0' && (c) <= '9') ||           \
                      (c) == '-' || (c) == '_'                                                                      \
                  ? C_HOST                                                                                          \
              : (c) == '.'                                                                     ? C_DOT             \
              : (c) == ' ' || (c) == '\t' || (c) == '"' || (c) == '\'' || (c) >= 0x80 ? C_STRAY                     \
                                                                                               : C_OTHER)
#define T4(c) T1(c), T1(c + 1), T1(c + 2), T1(c + 3)
#define T16(c) T4(c), T4(c + 4), T4(c + 8), T4(c + 12)
#define T64(c) T16(c), T16(c + 16), T16(c + 32), T16(c + 48)
    T64(0), T64(64), T64(128), T64(192),
#undef T1
#undef T4
#undef T16
#undef T64
};

/* zl_sm_may_match for a TXT record, from its first string s (n bytes,
 * whole: the only one when `only`): false when the joined and trimmed
 * value can be no SPF record, no host name, starts with no entry's prefix,
 * and the owner's first label holds no entry's literal. */
static bool txt_may_match(struct zl_senders *s, const struct zl_record *rec, const uint8_t *t, size_t n, bool only)
{
    char l0[64];
    long l0n = first_label_lower(&rec->owner, l0);
    if (l0n < 0 || zl_senders_owner_may_hold(s, l0, (size_t)l0n))
        return true;
    /* The value starts with the first string's bytes, untrimmed (and a
     * prefix longer than them may go on in the next string). */
    if (n < 7 || stray_start(t[0]) || zl_ascii_has_prefix((const char *)t, n, "v=spf1"))
        return true;
    if (zl_senders_prefix_may_start(s, (const char *)t, n))
        return true;
    /* A host name: no byte but host bytes and '.' (after the end is trimmed:
     * a byte that starts no stray stays), and a dot. */
    unsigned seen = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = txt_class[t[i]];
        if (c & C_OTHER)
            return false;
        seen |= c;
    }
    return (seen & C_DOT) || !only;
}

bool zl_sm_may_match(struct zl_senders *s, const struct zl_record *rec)
{
    if (rec->type == ZL_T_TXT)
        return rec->rdlen < 1 || rec->generic || rec->rdata[0] >= rec->rdlen ||
               txt_may_match(s, rec, rec->rdata + 1, rec->rdata[0], rec->rdata[0] + 1u == rec->rdlen);
    if (rec->type != ZL_T_CNAME && rec->type != ZL_T_MX)
        return true;
    size_t tf = rec->type == ZL_T_CNAME ? 0 : 1;
    if (tf >= rec->nfields || rec->fields[tf].kind != ZL_FIELD_NAME || rec->fields[tf].off > rec->rdlen)
        return true;
    const uint8_t *w = rec->rdata + rec->fields[tf].off;
    size_t avail = rec->rdlen - rec->fields[tf].off, off = 0, at[128];
    unsigned nl = 0;
    while (off < avail && w[off]) {
        size_t ll = w[off];
        if (off + 1 + ll > avail || nl == 128)
            return true;
        for (size_t j = 1; j <= ll; j++)
            if (!host_table[w[off + j]])
                return true; /* trimmed or turned away: the view decides */
        at[nl++] = off;
        off += 1 + ll;
    }
    if (off >= avail || zl_senders_domain_single(s))
        return true;
    /* The host as it stands, less its last label, less the origin. */
    unsigned onl = rec->origin ? rec->origin->nlabels : 0;
    return tail_known(s, w, at, nl) || (nl >= 2 && tail_known(s, w, at, nl - 1)) ||
           (onl && nl > onl && tail_known(s, w, at, nl - onl));
}
