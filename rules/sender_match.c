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

#include "ses_data.h"
#include "types.h"

/* ---- text ---------------------------------------------------------------------------- */

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool zl_sm_name_plain(const struct zl_name *n, char *out, size_t *len)
{
    size_t o = 0;
    bool ok = true;
    for (unsigned i = 0; i < n->nlabels; i++) {
        const uint8_t *l = zl_ses_label(n, i);
        if (!l)
            break;
        if (i && o < ZL_SM_TEXT - 1)
            out[o++] = '.';
        for (uint8_t k = 0; k < l[0] && o < ZL_SM_TEXT - 1; k++) {
            char c = (char)l[1 + k];
            if (c == '.')
                ok = false;
            out[o++] = lower(c);
        }
    }
    out[o] = '\0';
    *len = o;
    return ok;
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

bool zl_sm_view(const struct zl_record *rec, struct zl_sm_view *v)
{
    memset(v, 0, sizeof *v);
    v->rec = rec;
    v->type = rec->type;
    v->origin = rec->origin;
    if (rec->type != ZL_T_CNAME && rec->type != ZL_T_MX && rec->type != ZL_T_TXT)
        return false;
    v->owner = rec->owner;
    struct zl_name fixed;
    if (undouble(&rec->owner, rec->origin, &fixed)) {
        v->owner = fixed;
        v->owner_doubled = true;
    }
    if (rec->type == ZL_T_TXT) {
        unsigned ns;
        size_t n = zl_ses_txt_join(rec, v->raw, sizeof v->raw - 1, &ns);
        if (n >= sizeof v->raw)
            n = sizeof v->raw - 1;
        v->raw[n] = '\0';
        v->raw_len = n;
        memcpy(v->val, v->raw, n + 1);
        v->val_len = n;
        v->stray = trim(v->val, &v->val_len);
        v->spf = has_prefix_ci(v->val, v->val_len, "v=spf1") &&
                 (v->val_len == 6 || v->val[6] == ' ' || v->val[6] == '\t');
        /* A host name in a TXT record: a CNAME or MX value in the wrong type. */
        size_t hn = v->val_len;
        if (hn && v->val[hn - 1] == '.')
            hn--;
        char h[ZL_SM_TEXT];
        for (size_t i = 0; i < hn; i++)
            h[i] = lower(v->val[i]);
        v->txt_host = hn < 254 && host_chars(h, hn);
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
    if (!zl_sm_name_plain(&t, v->raw, &v->raw_len))
        v->unnamable = true;
    memcpy(v->val, v->raw, v->raw_len + 1);
    v->val_len = v->raw_len;
    v->stray = trim(v->val, &v->val_len);
    if (!host_chars(v->val, v->val_len))
        v->unnamable = true;
    return true;
}

/* ---- matching ------------------------------------------------------------------------------ */

/* Where the entry's domain sits in text: 1 at the end, 2 followed by more
 * labels (their text in extra); 0 not there. *end is the offset just past
 * the domain. */
static int find_domain(const char *text, size_t n, const char *d, size_t *end)
{
    size_t m = strlen(d);
    if (n == m && memcmp(text, d, m) == 0) {
        *end = n;
        return 1;
    }
    if (n > m && text[n - m - 1] == '.' && memcmp(text + n - m, d, m) == 0) {
        *end = n;
        return 1;
    }
    for (size_t i = 0; i + m < n; i++) {
        if ((i == 0 || text[i - 1] == '.') && text[i + m] == '.' && memcmp(text + i, d, m) == 0) {
            *end = i + m;
            return 2;
        }
    }
    return 0;
}

/* Text of the first k labels of name (lower case), or false. */
static bool first_labels(const struct zl_name *n, unsigned k, char *out, size_t *len)
{
    if (n->nlabels < k)
        return false;
    struct zl_name tmp;
    size_t off = zl_name_label_offset(n, k);
    memcpy(tmp.wire, n->wire, off);
    tmp.wire[off] = 0;
    tmp.len = (uint8_t)(off + 1);
    tmp.nlabels = (uint8_t)k;
    return zl_sm_name_plain(&tmp, out, len);
}

static bool contains_ci(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m && lower(s[i + k]) == needle[k])
            k++;
        if (k == m)
            return true;
    }
    return false;
}

/* Reads the captures of the last match of code into m (owner or value side). */
static void take_caps(struct zl_senders *s, const void *code, const char *subject, const char *tmpl,
                      struct zl_sm_match *m, bool owner_side)
{
    const struct zl_sender_pack *p = m->p;
    for (size_t i = 0; i < p->ncaptures; i++) {
        const struct zl_sender_capture *c = &p->captures[i];
        char ref[48];
        snprintf(ref, sizeof ref, "{%s}", c->name);
        if (!strstr(tmpl, ref))
            continue;
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

/* The text a CNAME/MX entry judges: the target (or a TXT's host name), with
 * an appended origin or labels after the entry's domain taken off and noted
 * in m. False when the text is not under any of the entry's domains. */
static bool target_subject(const struct zl_sm_view *v, const struct zl_sender_entry *e, struct zl_sm_match *m,
                           char *subject, size_t *sn)
{
    size_t tn = v->val_len;
    if (v->type == ZL_T_TXT && tn && v->val[tn - 1] == '.')
        tn--;
    char low[ZL_SM_TEXT];
    for (size_t k = 0; k < tn; k++)
        low[k] = lower(v->val[k]);
    low[tn] = '\0';
    /* The zone name appended (a missing trailing dot, or a tool): judge
     * what was meant. */
    char otext[ZL_SM_TEXT];
    size_t on = 0;
    bool appended = v->type != ZL_T_TXT && v->origin && v->origin->nlabels &&
                    zl_sm_name_plain(v->origin, otext, &on) && tn > on + 1 && low[tn - on - 1] == '.' &&
                    memcmp(low + tn - on, otext, on) == 0;
    size_t end = 0;
    for (size_t d = 0; d < e->ndomains; d++) {
        if (appended && find_domain(low, tn - on - 1, e->domains[d], &end) == 1) {
            m->domain = e->domains[d];
            m->origin_appended = true;
            memcpy(subject, low, tn - on - 1);
            *sn = tn - on - 1;
            subject[*sn] = '\0';
            return true;
        }
    }
    for (size_t d = 0; d < e->ndomains; d++) {
        int where = find_domain(low, tn, e->domains[d], &end);
        if (!where)
            continue;
        m->domain = e->domains[d];
        if (where == 2)
            snprintf(m->extra, sizeof m->extra, "%s", low + end + 1);
        memcpy(subject, low, end);
        *sn = end;
        subject[end] = '\0';
        return true;
    }
    return false;
}

/* Matches view v against entry j of pack i; true with *m filled. include
 * is the SPF include: domain being tried, for spf entries. */
static bool try_entry(struct zl_senders *s, const struct zl_sm_view *v, size_t i, size_t j,
                      struct zl_sm_match *m, const char *include, size_t include_len)
{
    const struct zl_sender_pack *p = zl_senders_at(s, i);
    const struct zl_sender_entry *e = &p->entries[j];
    char subject[ZL_SM_TEXT];
    size_t sn = 0;
    memset(m, 0, sizeof *m);
    m->pack = i;
    m->entry = j;
    m->p = p;
    m->e = e;
    m->type_ok = true;

    if (e->role == ZL_ROLE_SPF) {
        if (!include)
            return false;
        sn = include_len < sizeof subject - 1 ? include_len : sizeof subject - 1;
        for (size_t k = 0; k < sn; k++)
            subject[k] = lower(include[k]);
        if (sn && subject[sn - 1] == '.')
            sn--; /* include:amazonses.com. is the same domain (RFC 7208 7.1) */
        subject[sn] = '\0';
        m->include = include;
        m->include_len = include_len;
    } else if (e->type == ZL_T_CNAME || e->type == ZL_T_MX) {
        if (v->type == e->type) {
            if (v->unnamable)
                return false;
        } else if (v->type == ZL_T_TXT && v->txt_host && !v->spf) {
            m->type_ok = false; /* a CNAME or MX value in a TXT record */
        } else {
            return false;
        }
        if (!target_subject(v, e, m, subject, &sn))
            return false;
    } else {
        if (v->type != ZL_T_TXT || v->spf)
            return false;
        if (e->prefix && !has_prefix_ci(v->val, v->val_len, e->prefix))
            return false;
        sn = v->val_len;
        memcpy(subject, v->val, sn);
        subject[sn] = '\0';
    }

    const struct zl_sender_compiled *c = zl_senders_compiled(s, i, j);
    if (!c)
        return false;
    /* The owner: the template's labels of it, the identity below them. */
    char otext[ZL_SM_TEXT];
    size_t on = 0;
    bool have = first_labels(&v->owner, c->nlabels, otext, &on);
    bool lit_gate = !c->lit[0] || (have && contains_ci(otext, on, c->lit));
    bool by_owner = e->type == ZL_T_TXT && !e->prefix && e->role != ZL_ROLE_SPF;
    if (by_owner && !lit_gate)
        return false; /* recognised by its owner only, and the owner lacks the literal */
    if (have && lit_gate && zl_senders_match(s, c->owner, otext, on)) {
        m->owner_ok = true;
        take_caps(s, c->owner, otext, e->owner, m, true);
    }
    if (have)
        memcpy(m->label, otext, on + 1);
    if (v->owner.nlabels >= c->nlabels)
        zl_name_suffix(&m->identity, &v->owner, c->nlabels);
    else
        m->identity = v->owner;
    if (zl_senders_match(s, c->value, subject, sn)) {
        m->value_ok = true;
        take_caps(s, c->value, subject, e->value, m, false);
    }
    if (by_owner && !m->owner_ok)
        return false;
    if (e->role == ZL_ROLE_SPF && (!m->value_ok || !m->owner_ok))
        return false;
    if (!m->owner_ok && !m->value_ok)
        return false;
    memcpy(m->subject, subject, sn + 1);
    m->subject_len = sn;
    m->score = (m->type_ok ? 8u : 0u) + (m->value_ok ? 4u : 0u) + (m->owner_ok ? 2u : 0u) +
               (m->owner_ok && c->literal ? 1u : 0u);
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

size_t zl_sm_classify(struct zl_senders *s, const struct zl_sm_view *v, struct zl_sm_match *out, size_t max)
{
    size_t np = zl_senders_count(s), n = 0;
    struct zl_sm_match cand;
    if (!max)
        return 0;
    if (v->spf) {
        /* One match per pack: an SPF record names several senders. */
        for (size_t i = 0; i < np && n < max; i++) {
            const struct zl_sender_pack *p = zl_senders_at(s, i);
            bool got = false;
            for (size_t j = 0; j < p->nentries && !got; j++) {
                if (p->entries[j].role != ZL_ROLE_SPF)
                    continue;
                size_t pos = 0;
                const char *d;
                size_t dn;
                while (!got && next_include(v->val, v->val_len, &pos, &d, &dn))
                    if (try_entry(s, v, i, j, &cand, d, dn)) {
                        out[n++] = cand;
                        got = true;
                    }
            }
        }
        return n;
    }
    bool have = false;
    struct zl_sm_match best;
    for (size_t i = 0; i < np; i++) {
        const struct zl_sender_pack *p = zl_senders_at(s, i);
        for (size_t j = 0; j < p->nentries; j++) {
            if (p->entries[j].role == ZL_ROLE_SPF || p->entries[j].context)
                continue;
            if (try_entry(s, v, i, j, &cand, NULL, 0) && (!have || better(&cand, &best))) {
                best = cand;
                have = true;
            }
        }
    }
    if (have)
        out[n++] = best;
    /* Context entries: the zone decides whether they are this pack's. */
    for (size_t i = 0; i < np && n < max; i++) {
        const struct zl_sender_pack *p = zl_senders_at(s, i);
        for (size_t j = 0; j < p->nentries && n < max; j++) {
            if (!p->entries[j].context || p->entries[j].role == ZL_ROLE_SPF)
                continue;
            if (try_entry(s, v, i, j, &cand, NULL, 0) && cand.value_ok && cand.type_ok)
                out[n++] = cand;
        }
    }
    return n;
}
