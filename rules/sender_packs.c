/* SPDX-License-Identifier: MIT */
/* ZL5101-ZL5110: every mail sender's records, checked from its sender pack
 * (senders/NAME.yaml, src/senders.h) by one engine.
 *
 * Per record: the name with the zone written twice (ZL5109), a target with
 * the zone appended (ZL5108), pasted quotes or blanks (ZL5110), a CNAME value
 * published as TXT (ZL5102), a value at a name the sender does not look up
 * (ZL5101), a value not of the documented shape (ZL5103 DKIM, ZL5104
 * others), parts that must agree and do not: the same token in the name and
 * the target, the domain with dots as dashes, hs1 with ...a (ZL5105), and a
 * proxied CNAME the sender must see (ZL5107). Per zone: the records of one
 * identity naming different accounts or regions (ZL5105), an incomplete set
 * (s1 without s2, five of Stripe's six DKIM CNAMEs, a required record
 * missing: ZL5106) and records published for the apex that belong on the
 * sending subdomain (ZL5101).
 *
 *   bad:   s2._domainkey CNAME s2.domainkey.u7310562.wl042.sendgrid.net      ; no dot
 *   good:  s2._domainkey CNAME s2.domainkey.u7310562.wl042.sendgrid.net.
 *
 * Every finding names the sender and carries it as the "sender" property
 * (JSON, SARIF), which --select/--ignore sender:NAME use. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint/ref.h"
#include "base/ascii.h"
#include "rdata/txt.h"
#include "rules.h"
#include "sender_match.h"
#include "sender_packs.h"
#include "dkim_key.h"
#include "ses_data.h"
#include "rdata/types.h"

/* The family's state lives in its first rule's slot. */
#define STATE_RULE ZL_RULE_REF(ZL5101)

/* ---- the classification API ------------------------------------------------------------ */

bool zl_sender_of(struct zl_ctx *ctx, const struct zl_record *rec, struct zl_sender_hit *out)
{
    return zl_sender_classify(zl_ctx_senders(ctx), rec, out);
}

bool zl_sender_classify(struct zl_senders *s, const struct zl_record *rec, struct zl_sender_hit *out)
{
    struct zl_sm_view v;
    if (!zl_sm_may_match(s, rec) || !zl_sm_view(rec, &v))
        return false;
    struct zl_sm_match m[8];
    size_t n = zl_sm_classify(s, &v, m, 8);
    for (size_t i = 0; i < n; i++) {
        if (m[i].e->context)
            continue;
        if (out) {
            out->pack = m[i].p;
            out->entry = m[i].e;
            out->pack_index = m[i].pack;
            out->entry_index = m[i].entry;
            out->exact = m[i].owner_ok && m[i].value_ok && m[i].type_ok && !m[i].origin_appended &&
                         !m[i].extra[0] && !v.owner_doubled && !v.stray;
        }
        return true;
    }
    return false;
}

const char *zl_sender_id_of(struct zl_ctx *ctx, const struct zl_record *rec)
{
    struct zl_sender_hit h;
    return zl_sender_of(ctx, rec, &h) ? h.pack->id : NULL;
}

/* ---- what the zone checks remember ------------------------------------------------------ */

struct hit_cap {
    const char *name;
    const char *owner, *value; /* NULL: not in the owner / the value */
};

struct hit {
    uint16_t pack, entry;
    bool context;            /* the pack's only if the identity has its anchor */
    bool value_ok;           /* the value had the documented shape */
    uint64_t idhash;         /* zl_name_hash64 of identity */
    struct zl_name identity;
    struct zl_span span;
    const char *label;       /* the owner's template part ("s1._domainkey"), "" for '@' */
    struct hit_cap *caps;
    size_t ncaps;
};

/* An owner with a DKIM key no pack claimed: an identity that may have
 * its own (legacy) DKIM, so its records are not "misplaced". */
struct dk {
    uint64_t idhash;
};

struct state {
    struct zl_list hits;
    struct zl_list unknown_dk;
};

static struct state *get_state(struct zl_ctx *ctx)
{
    void **slot = zl_ctx_state(ctx, STATE_RULE);
    if (!*slot)
        *slot = zl_ctx_alloc(ctx, sizeof(struct state));
    return *slot;
}

/* Roles bound to the sending domain: a record of such a role found at
 * another name is misplaced, not another setup. */
static bool identity_bound(const struct zl_sender_entry *e)
{
    return e->required || e->context || e->role == ZL_ROLE_SPF || e->role == ZL_ROLE_MX ||
           e->role == ZL_ROLE_TRACKING || e->role == ZL_ROLE_RETURN_PATH;
}

/* Only what a zone check can use is kept: a zone has a million
 * google-site-verification records more often than one would think. */
static bool zone_needs(const struct zl_sender_pack *p, const struct zl_sender_entry *e)
{
    if (e->role == ZL_ROLE_DKIM || e->nsame || e->set_capture || e->required || e->context)
        return true;
    return p->anchor && !p->classify_only && identity_bound(e);
}

static void cap_views(const struct zl_sm_match *m, struct hit_cap *out, size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < m->ncaps && i < ZL_SM_MAXCAP; i++) {
        out[*n].name = m->caps[i].name;
        out[*n].owner = m->caps[i].in_owner ? m->caps[i].owner : NULL;
        out[*n].value = m->caps[i].in_value ? m->caps[i].value : NULL;
        (*n)++;
    }
}

static void remember(struct zl_ctx *ctx, const struct zl_sm_match *m, const struct zl_record *rec)
{
    if (!zone_needs(m->p, m->e))
        return;
    struct state *st = get_state(ctx);
    struct hit *h = zl_list_push(ctx, &st->hits, sizeof *h);
    h->pack = (uint16_t)m->pack;
    h->entry = (uint16_t)m->entry;
    h->context = m->e->context;
    h->value_ok = m->value_ok;
    h->identity = m->identity;
    h->idhash = zl_name_hash64(&m->identity);
    h->span = rec->span;
    if (h->span.end_line != h->span.line) {
        h->span.end_line = h->span.line;
        h->span.end_col = h->span.col + 1;
    }
    h->label = zl_ctx_strdup(ctx, m->label, strlen(m->label));
    if (m->ncaps) {
        h->caps = zl_ctx_alloc(ctx, m->ncaps * sizeof *h->caps);
        for (size_t i = 0; i < m->ncaps && i < ZL_SM_MAXCAP; i++) {
            const struct zl_sm_cap *c = &m->caps[i];
            h->caps[i].name = c->name;
            h->caps[i].owner = c->in_owner ? zl_ctx_strdup(ctx, c->owner, strlen(c->owner)) : NULL;
            h->caps[i].value = c->in_value ? zl_ctx_strdup(ctx, c->value, strlen(c->value)) : NULL;
            h->ncaps++;
        }
    }
}

/* A capture of a hit as the pack reads it (value side, owner side, fallback). */
static const char *hit_cap(const struct hit *h, const struct zl_sender_pack *p, const char *name)
{
    for (size_t i = 0; i < h->ncaps; i++) {
        if (strcmp(h->caps[i].name, name) != 0)
            continue;
        if (h->caps[i].value)
            return h->caps[i].value;
        if (h->caps[i].owner)
            return h->caps[i].owner;
    }
    const struct zl_sender_capture *c = zl_sender_capture_find(p, name, strlen(name));
    if (c && c->fallback) {
        const struct zl_sender_entry *e = &p->entries[h->entry];
        char ref[48];
        snprintf(ref, sizeof ref, "{%s}", name);
        if (strstr(e->value, ref) || strstr(e->owner, ref))
            return c->fallback;
    }
    return NULL;
}

/* ---- messages ---------------------------------------------------------------------------------- */

/* The value as people read it: the pack's "shows", else the pattern with
 * its escapes dropped and {name} written <name>. */
static const char *shows_of(const struct zl_sender_entry *e, char *buf, size_t cap)
{
    if (e->shows)
        return e->shows;
    size_t o = 0;
    for (const char *s = e->value; *s && o + 1 < cap; s++) {
        if (*s == '\\' && s[1])
            buf[o++] = *++s;
        else
            buf[o++] = *s == '{' ? '<' : *s == '}' ? '>' : *s;
    }
    buf[o] = '\0';
    return buf;
}

static const char *type_name(uint16_t t)
{
    return t == ZL_T_CNAME ? "CNAME" : t == ZL_T_MX ? "MX" : "TXT";
}

static const char *role_phrase(unsigned role)
{
    switch (role) {
    case ZL_ROLE_DKIM: return "DKIM";
    case ZL_ROLE_VERIFICATION: return "verification";
    case ZL_ROLE_RETURN_PATH: return "return-path";
    case ZL_ROLE_LINK_BRANDING: return "link-branding";
    case ZL_ROLE_TRACKING: return "tracking";
    case ZL_ROLE_SPF: return "SPF";
    case ZL_ROLE_MX: return "MX";
    }
    return "";
}

/* "s1._domainkey target" for a record below the identity, "MX target for
 * 'example.com.'" for one at it. */
static void subject_phrase(const struct zl_sm_match *m, uint16_t type, char *out, size_t cap)
{
    const char *noun = type == ZL_T_TXT ? "value" : "target";
    if (m->label[0]) {
        snprintf(out, cap, "%s %s", m->label, noun);
        return;
    }
    char t[ZL_NAME_TEXT_MAX];
    zl_name_text(&m->identity, t);
    snprintf(out, cap, "%s %s for '%s'", role_phrase(m->e->role), noun, t);
}

/* The subject with a value: "s1._domainkey target 'x.'" or "MX target for
 * 'example.com.' ('x.')", into b (cleared first). */
static const char *subject_value(const struct zl_sm_match *m, uint16_t type, const char *value, struct zl_buf *b)
{
    char subj[ZL_SM_TEXT + ZL_NAME_TEXT_MAX];
    subject_phrase(m, type, subj, sizeof subj);
    b->len = 0;
    zl_buf_printf(b, m->label[0] ? "%s '%s'" : "%s ('%s')", subj, value);
    return zl_buf_cstr(b);
}

/* "s1._domainkey" for a record below the identity, or the identity's name. */
static void subject_name(const char *label, const struct zl_name *identity, char *out, size_t cap)
{
    if (label && *label) {
        snprintf(out, cap, "%s", label);
        return;
    }
    char t[ZL_NAME_TEXT_MAX];
    zl_name_text(identity, t);
    snprintf(out, cap, "%s", t);
}

/* The owner template written out with a hit's captures ("s2._domainkey");
 * a capture with no value shows as <name>. over names one capture to set. */
static void instantiate(const char *tmpl, const struct zl_sender_pack *p, const struct hit *h, const char *over,
                        const char *over_value, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    if (strcmp(tmpl, "@") == 0)
        return;
    for (const char *s = tmpl; *s && o + 1 < cap;) {
        if (*s == '{') {
            const char *e = strchr(s, '}');
            if (e) {
                char name[48];
                size_t n = (size_t)(e - s - 1);
                if (n >= sizeof name)
                    n = sizeof name - 1;
                memcpy(name, s + 1, n);
                name[n] = '\0';
                const char *v = over && strcmp(name, over) == 0 ? over_value : h ? hit_cap(h, p, name) : NULL;
                int w = v ? snprintf(out + o, cap - o, "%s", v) : snprintf(out + o, cap - o, "<%s>", name);
                if (w > 0)
                    o += (size_t)w < cap - o ? (size_t)w : cap - o - 1;
                s = e + 1;
                continue;
            }
        }
        out[o++] = *s++;
    }
    out[o] = '\0';
}

/* label + "." + identity, as an absolute name. */
static void full_name(const char *label, const struct zl_name *identity, char *out, size_t cap)
{
    char t[ZL_NAME_TEXT_MAX];
    zl_name_text(identity, t);
    if (label && *label)
        snprintf(out, cap, "%s.%s", label, strcmp(t, ".") == 0 ? "" : t);
    else
        snprintf(out, cap, "%s", t);
}

static struct zl_diag *report(struct zl_ctx *ctx, const struct zl_rule *rule, const struct zl_sender_pack *p,
                              const struct zl_span *at, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static struct zl_diag *report(struct zl_ctx *ctx, const struct zl_rule *rule, const struct zl_sender_pack *p,
                              const struct zl_span *at, const char *fmt, ...)
{
    if (!zl_ctx_enabled(ctx, rule))
        return NULL;
    struct zl_buf b = { 0 };
    va_list ap;
    va_start(ap, fmt);
    zl_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    struct zl_diag *d = zl_report(ctx, rule, at, "%s", zl_buf_cstr(&b));
    zl_buf_free(&b);
    if (d)
        zl_diag_set_prop(d, "sender", p->id);
    return d;
}

/* ---- per-record checks ---------------------------------------------------------------------- */

static const struct zl_token *value_token(const struct zl_record *rec)
{
    int tf = rec->type == ZL_T_MX ? 1 : 0;
    if ((size_t)tf >= rec->nfields)
        return NULL;
    const struct zl_field *f = &rec->fields[tf];
    return f->ntok ? &rec->toks[f->tok] : NULL;
}

static struct zl_span value_span(const struct zl_record *rec)
{
    const struct zl_token *t = value_token(rec);
    return t ? t->span : rec->span;
}

/* Proxied by Cloudflare: its export's "cf_tags=cf-proxied:true" comment. */
static long proxied_at(const struct zl_record *rec)
{
    if (rec->comment_len < 23)
        return -1;
    long tags = zl_ascii_find(rec->comment, rec->comment_len, "cf_tags=");
    if (tags < 0)
        return -1;
    long p = zl_ascii_find(rec->comment + tags, rec->comment_len - (size_t)tags, "cf-proxied:true");
    return p < 0 ? -1 : p + tags;
}

/* The domain with its dots as dashes, lower case, no final dot. */
static void dashed(const struct zl_name *n, char *out, size_t cap)
{
    char t[ZL_SM_TEXT];
    size_t len;
    zl_sm_name_plain(n, t, &len);
    size_t o = 0;
    for (size_t i = 0; i < len && o + 1 < cap; i++)
        out[o++] = t[i] == '.' ? '-' : t[i];
    out[o] = '\0';
}

/* A record's single-line rewrite: owner, TTL and class as written, then
 * type and value. */
/* A domain that has dashes of its own cannot be written unambiguously with
 * dashes for dots, so senders derive another form: Microsoft 365 drops the
 * dashes and appends a suffix (ima-citizensrights.org.uk ->
 * imacitizensrights-org-uk0i). Accept a value that, without its dashes,
 * begins with the identity's letters and digits. */
/* The identity ends in the zone's name twice (a doubled owner): the name
 * rules say that; its "domain with dashes" would be nonsense. */
static bool origin_doubled(struct zl_ctx *ctx, const struct zl_name *identity)
{
    const struct zl_name *o = zl_ctx_origin(ctx);
    return o && o->nlabels && zl_name_is_subdomain(identity, o) && zl_name_ends_in_before(identity, o->nlabels, o);
}

static bool dashed_variant(const struct zl_name *identity, const char *want, const char *value)
{
    char text[ZL_NAME_TEXT_MAX];
    zl_name_text(identity, text);
    if (!strchr(text, '-'))
        return false;
    const char *w = want, *v = value;
    for (;; w++, v++) {
        while (*w == '-')
            w++;
        while (*v == '-')
            v++;
        if (!*w)
            return strlen(v) <= 3;
        if (*w != *v)
            return false;
    }
}

static char *rewrite(const struct zl_record *rec, const char *type, const char *value)
{
    if (!rec->owner_tok.len || rec->span.line != rec->span.end_line)
        return NULL;
    struct zl_buf b = { 0 };
    char cls[16];
    zl_buf_put(&b, rec->owner_tok.text, rec->owner_tok.len);
    if (rec->ttl_source == ZL_TTL_EXPLICIT)
        zl_buf_printf(&b, " %u", rec->ttl);
    if (rec->class_explicit)
        zl_buf_printf(&b, " %s", zl_class_to_text(rec->rclass, cls));
    zl_buf_printf(&b, " %s %s", type, value);
    return zl_buf_cstr(&b);
}

/* Judges the record a pack claimed; true when it is fine. */
/* A DKIM TXT record of tags without p= ("v=DKIM1", or "k=rsa" beside a
 * record holding the p=): the generic DKIM rules say what is wrong with it
 * (ZL4106 no key, ZL4109 one key split over records), not the pack's shape. */
static bool dkim_tags_without_key(const struct zl_sender_entry *e, const struct zl_record *rec)
{
    if (e->role != ZL_ROLE_DKIM || rec->type != ZL_T_TXT)
        return false;
    struct zl_dkim_key k;
    if (!zl_dkim_key_read(rec, &k))
        return false;
    bool tags_only = k.key_record && !k.has_p && !k.bare_key;
    zl_dkim_key_free(&k);
    return tags_only;
}

static bool judge(struct zl_ctx *ctx, const struct zl_sm_view *v, const struct zl_sm_match *m)
{
    const struct zl_record *rec = v->rec;
    const struct zl_sender_pack *p = m->p;
    const struct zl_sender_entry *e = m->e;
    const char *who = p->name;
    char subj[ZL_SM_TEXT + ZL_NAME_TEXT_MAX], oname[ZL_NAME_TEXT_MAX];
    subject_phrase(m, rec->type, subj, sizeof subj);
    zl_name_text(&rec->owner, oname);
    const char *noun = rec->type == ZL_T_TXT ? "value" : "target";
    char shown[512];
    const char *shows = shows_of(e, shown, sizeof shown);
    bool ok = true;
    struct zl_diag *d;

    /* The name: the zone written twice. */
    if (v->owner_doubled) {
        ok = false;
        char meant[ZL_NAME_TEXT_MAX];
        zl_name_text(&v->owner, meant);
        struct zl_span at = zl_record_owner_span(rec);
        d = report(ctx, ZL_RULE_REF(ZL5109), p, &at,
                   "%s's %s record name '%s' ends in the zone name twice, so %s never finds it; it looks up '%s'",
                   who, role_phrase(e->role), oname, who, meant);
        if (d && rec->owner_tok.len && rec->span.line == rec->span.end_line)
            zl_diag_set_fix(d, rec->owner_tok.span, meant, ZL_FIX_SAFE);
    }

    /* The value: the zone appended, labels after the domain, stray bytes. */
    if (m->origin_appended) {
        ok = false;
        const struct zl_token *t = value_token(rec);
        struct zl_span at = value_span(rec);
        char meant[ZL_SM_TEXT + 2];
        snprintf(meant, sizeof meant, "%s.", m->subject);
        struct zl_buf sv = { 0 }, written = { 0 };
        if (v->relative && t) {
            zl_buf_put(&written, t->text, t->len);
            d = report(ctx, ZL_RULE_REF(ZL5108), p, &at,
                       "%s's %s has no trailing dot, so it expands to '%s.'; %s expects '%s'", who,
                       subject_value(m, rec->type, zl_buf_cstr(&written), &sv), v->raw, who, meant);
        } else {
            zl_buf_printf(&written, "%s.", v->raw);
            d = report(ctx, ZL_RULE_REF(ZL5108), p, &at,
                       "%s's %s has the zone name appended (a DNS tool or provider added it); %s expects '%s'",
                       who, subject_value(m, rec->type, zl_buf_cstr(&written), &sv), who, meant);
        }
        zl_buf_free(&sv);
        zl_buf_free(&written);
        if (d && t && at.line == at.end_line)
            zl_diag_set_fix(d, at, meant, ZL_FIX_SAFE);
    }
    if (v->stray) {
        ok = false;
        struct zl_span at = value_span(rec);
        d = report(ctx, ZL_RULE_REF(ZL5110), p, &at,
                   "%s's %s has pasted quotes or blanks around it; %s compares the value exactly, so "
                   "remove them: '%.*s'",
                   who, subj, who, (int)v->val_len, v->val);
        /* a TXT of one string on one line: the string without them, for sure */
        const struct zl_token *t = value_token(rec);
        if (d && rec->type == ZL_T_TXT && rec->nfields == 1 && t && (t->flags & ZL_TOK_QUOTED) &&
            at.line == at.end_line && !(rec->owner_flags & ZL_OWNER_GENERATED)) {
            struct zl_buf q = { 0 };
            zl_txt_put_quoted(&q, v->val, v->val_len);
            zl_diag_set_fix(d, at, zl_buf_cstr(&q), ZL_FIX_SAFE);
            zl_buf_free(&q);
        }
    }

    /* The type: a CNAME (or MX) value in a TXT record. */
    if (!m->type_ok) {
        ok = false;
        char host[ZL_SM_TEXT + 2];
        size_t hn = v->val_len;
        if (hn && v->val[hn - 1] == '.')
            hn--;
        snprintf(host, sizeof host, "%.*s.", (int)hn, v->val);
        struct zl_span at = rec->type_span.line ? rec->type_span : rec->span;
        char where[ZL_SM_TEXT];
        subject_name(m->label, &m->identity, where, sizeof where);
        d = report(ctx, ZL_RULE_REF(ZL5102), p, &at,
                   "%s's %s value '%s' is published as TXT; %s looks up a %s record there, so it finds "
                   "nothing: make it a %s",
                   who, where, host, who, type_name(e->type), type_name(e->type));
        char *fix = e->type == ZL_T_CNAME ? rewrite(rec, "CNAME", host) : NULL;
        if (d && fix)
            zl_diag_set_fix(d, rec->span, fix, ZL_FIX_UNSAFE);
        free(fix);
    }

    /* The name for a value of the right shape. */
    if (m->value_ok && !m->owner_ok) {
        ok = false;
        /* Which labels are the mangled template part: those holding the
         * value's captures or "domainkey"; else as many as the template. */
        unsigned k = 0, nl = zl_sender_owner_labels(e->owner);
        for (; k < v->owner.nlabels; k++) {
            const uint8_t *l = zl_name_label(&v->owner, k);
            bool part = l && (zl_ascii_find((const char *)l + 1, l[0], "domainkey") >= 0);
            for (size_t c = 0; l && !part && c < m->ncaps; c++)
                part = m->caps[c].in_value && strlen(m->caps[c].value) > 1 &&
                       zl_ascii_find((const char *)l + 1, l[0], m->caps[c].value) >= 0;
            if (!part)
                break;
        }
        struct zl_name identity;
        zl_name_suffix(&identity, &v->owner, k ? k : (nl <= v->owner.nlabels ? nl : v->owner.nlabels));
        struct hit tmp;
        struct hit_cap tcaps[ZL_SM_MAXCAP];
        memset(&tmp, 0, sizeof tmp);
        tmp.entry = (uint16_t)m->entry;
        tmp.caps = tcaps;
        cap_views(m, tcaps, &tmp.ncaps);
        for (size_t c = 0; c < tmp.ncaps; c++)
            tcaps[c].owner = NULL; /* the name is what is wrong: take the value's parts */
        char tl[ZL_SM_TEXT], want[ZL_SM_TEXT + ZL_NAME_TEXT_MAX];
        instantiate(e->owner, p, &tmp, NULL, NULL, tl, sizeof tl);
        full_name(tl, &identity, want, sizeof want);
        struct zl_span at = zl_record_owner_span(rec);
        report(ctx, ZL_RULE_REF(ZL5101), p, &at,
               "%s's %s %s '%s%s' is published at '%s', a name %s does not look up; it expects the record at "
               "'%s'",
               who, role_phrase(e->role), noun, m->subject, rec->type == ZL_T_TXT ? "" : ".", oname, who, want);
        return false;
    }

    /* The value for a record at the right name: labels after the sender's
     * domain, or not the documented shape. */
    const struct zl_rule *vr = e->role == ZL_ROLE_DKIM ? ZL_RULE_REF(ZL5103) : ZL_RULE_REF(ZL5104);
    if (m->extra[0]) {
        ok = false;
        struct zl_span at = value_span(rec);
        char meant[ZL_SM_TEXT + 2];
        snprintf(meant, sizeof meant, "%s.", m->subject);
        struct zl_buf sv = { 0 }, written = { 0 };
        zl_buf_printf(&written, "%s.%s.", m->subject, m->extra);
        d = report(ctx, vr, p, &at,
                   "%s's %s has '.%s' after %s's domain '%s', so it names a host that does not exist; %s "
                   "expects '%s'",
                   who, subject_value(m, rec->type, zl_buf_cstr(&written), &sv), m->extra, who, m->domain, who,
                   meant);
        zl_buf_free(&sv);
        zl_buf_free(&written);
        if (d && rec->type != ZL_T_TXT && at.line == at.end_line && value_token(rec))
            zl_diag_set_fix(d, at, meant, ZL_FIX_UNSAFE);
    }
    if (!m->value_ok) {
        struct zl_span at = value_span(rec);
        if (!m->extra[0] && m->strict_owner && !dkim_tags_without_key(e, rec))
            report(ctx, vr, p, &at, "%s's %s is '%s%s', not what %s gives: it has the shape '%s'", who, subj,
                   m->subject, rec->type == ZL_T_TXT ? "" : ".", who, shows);
        return false;
    }

    /* Parts that must agree within the record. */
    for (size_t c = 0; c < m->ncaps; c++) {
        const struct zl_sm_cap *cp = &m->caps[c];
        struct zl_span at = value_span(rec);
        if (cp->in_owner && cp->in_value && strcmp(cp->owner, cp->value) != 0) {
            ok = false;
            const struct zl_sender_capture *cd = zl_sender_capture_find(p, cp->name, strlen(cp->name));
            report(ctx, ZL_RULE_REF(ZL5105), p, &at,
                   "%s's %s has %s '%s' where the name has '%s'; %s publishes each name's record at the "
                   "target with the same %s, so the two must be equal",
                   who, subj, cd && cd->about ? cd->about : "the part", cp->value, cp->owner, who,
                   cd && cd->about ? cd->about : "part");
        }
        /* The domain is read from the owner: not when the owner lacks its
         * zone (Terraform with a zone known only at apply time). */
        if (cp->kind == ZL_CAP_DDASH && cp->in_value && !(rec->owner_flags & ZL_OWNER_ZONE_UNKNOWN)) {
            char want[ZL_SM_TEXT];
            dashed(&m->identity, want, sizeof want);
            if (want[0] && strlen(want) <= 50 && !origin_doubled(ctx, &m->identity) && strcmp(want, cp->value) != 0 &&
                !dashed_variant(&m->identity, want, cp->value)) {
                ok = false;
                if (strchr(cp->value, '.'))
                    report(ctx, ZL_RULE_REF(ZL5105), p, &at,
                           "%s's %s writes the domain as '%s'; %s writes it with dashes for dots, '%s'", who,
                           subj, cp->value, who, want);
                else {
                    char iname[ZL_NAME_TEXT_MAX];
                    zl_name_text(&m->identity, iname);
                    report(ctx, ZL_RULE_REF(ZL5105), p, &at,
                           "%s's %s is for the domain '%s', but the record is for '%s' ('%s' with dashes): "
                           "copy the value %s shows for this domain",
                           who, subj, cp->value, iname, want, who);
                }
            }
        }
    }
    for (size_t k = 0; k < e->nmaps; k++) {
        const struct zl_sender_map *mp = &e->maps[k];
        const char *from = zl_sm_cap_value(m, mp->from), *to = zl_sm_cap_value(m, mp->to);
        if (!from || !to)
            continue;
        for (size_t i = 0; i + 1 < mp->npairs; i += 2) {
            if (strcmp(mp->pairs[i], from) != 0)
                continue;
            if (strcmp(mp->pairs[i + 1], to) != 0) {
                ok = false;
                struct zl_span at = value_span(rec);
                const char *other = NULL;
                for (size_t q = 0; q + 1 < mp->npairs; q += 2)
                    if (strcmp(mp->pairs[q + 1], to) == 0)
                        other = mp->pairs[q];
                struct hit tmp;
                struct hit_cap tcaps[ZL_SM_MAXCAP];
                memset(&tmp, 0, sizeof tmp);
                tmp.entry = (uint16_t)m->entry;
                tmp.caps = tcaps;
                cap_views(m, tcaps, &tmp.ncaps);
                for (size_t c = 0; c < tmp.ncaps; c++)
                    tcaps[c].value = NULL; /* the owner's parts name the record */
                char otherlabel[ZL_SM_TEXT];
                if (other) {
                    instantiate(e->owner, p, &tmp, mp->from, other, otherlabel, sizeof otherlabel);
                    report(ctx, ZL_RULE_REF(ZL5105), p, &at,
                           "%s's %s has '%s', which belongs to %s; for %s it is '%s' (were the two targets "
                           "swapped?)",
                           who, subj, to, otherlabel, m->label, mp->pairs[i + 1]);
                } else {
                    report(ctx, ZL_RULE_REF(ZL5105), p, &at, "%s's %s has '%s' where %s gives '%s'", who, subj,
                           to, who, mp->pairs[i + 1]);
                }
            }
            break;
        }
    }

    /* Proxying: the sender must see the CNAME itself. */
    long px = rec->type == ZL_T_CNAME && e->proxy == ZL_PROXY_NEVER ? proxied_at(rec) : -1;
    if (px >= 0) {
        ok = false;
        struct zl_span at = zl_span_sub(&rec->comment_span, (uint32_t)px + 1, 15);
        d = report(ctx, ZL_RULE_REF(ZL5107), p, &at,
                   "%s's %s CNAME '%s' is proxied by Cloudflare (cf-proxied:true): Cloudflare answers with its "
                   "own addresses instead of the CNAME, so %s never sees '%s.'; set it to DNS only",
                   who, role_phrase(e->role), oname, who, m->subject);
        if (d && at.col != rec->comment_span.col)
            zl_diag_set_fix(d, at, "cf-proxied:false", ZL_FIX_UNSAFE);
    }
    return ok;
}

/* ---- the record hook ------------------------------------------------------------------------- */

void zl_sender_packs_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    struct zl_senders *s = zl_ctx_senders(ctx);
    struct zl_sm_view v;
    struct zl_sm_match m[16];
    size_t n = 0;
    if (zl_sm_may_match(s, rec)) {
        if (!zl_sm_view(rec, &v))
            return;
        n = zl_sm_classify(s, &v, m, 16);
    } else if (rec->type == ZL_T_TXT) {
        zl_sm_view_bare(rec, &v); /* no match: only the owner is looked at below */
    } else {
        return;
    }
    if (n == 0) {
        /* A DKIM key no pack knows: its identity may be a legacy setup.
         * Undoubling the owner keeps its second label (or drops it), so
         * the written one says when the view's owner is worth making. */
        const uint8_t *l1 = rec->type == ZL_T_TXT ? zl_name_label(&rec->owner, 1) : NULL;
        if (l1 && zl_name_label_is(l1, "_domainkey")) {
            zl_sm_view_owner(&v);
            l1 = zl_name_label(&v.owner, 1);
        }
        if (l1 && zl_name_label_is(l1, "_domainkey")) {
            struct dk *k = zl_list_push(ctx, &get_state(ctx)->unknown_dk, sizeof *k);
            struct zl_name id;
            zl_name_suffix(&id, &v.owner, 2);
            k->idhash = zl_name_hash64(&id);
        }
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (!m[i].e->context && m[i].e->role != ZL_ROLE_SPF && !m[i].p->classify_only)
            judge(ctx, &v, &m[i]);
        remember(ctx, &m[i], rec);
    }
}

/* ---- zone checks ------------------------------------------------------------------------------ */

/* Who is at an identity: pack's anchors and every DKIM record (pack
 * UINT16_MAX: a key no pack knows), sorted for binary search. */
struct key {
    uint64_t id;
    uint16_t pack;
    uint8_t kind;            /* 0 anchor, 1 DKIM */
};

struct zone_view {
    struct zl_ctx *ctx;
    struct zl_senders *s;
    struct hit **v;          /* hits by pack, identity, line */
    size_t n;
    struct key *keys;
    size_t nkeys;
    size_t *nanchor_ids;     /* per pack: identities with its anchor */
    bool whole;
};

static int by_group(const void *a, const void *b)
{
    const struct hit *x = *(const struct hit *const *)a, *y = *(const struct hit *const *)b;
    if (x->pack != y->pack)
        return x->pack < y->pack ? -1 : 1;
    if (x->idhash != y->idhash)
        return x->idhash < y->idhash ? -1 : 1;
    if (x->span.line != y->span.line)
        return x->span.line < y->span.line ? -1 : 1;
    return x < y ? -1 : x > y;
}

static int by_key(const void *a, const void *b)
{
    const struct key *x = a, *y = b;
    if (x->id != y->id)
        return x->id < y->id ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return (x->pack > y->pack) - (x->pack < y->pack);
}

static bool is_anchor(const struct zl_sender_pack *p, const struct hit *h)
{
    return p->anchor && !h->context && strcmp(p->entries[h->entry].id, p->anchor) == 0;
}

/* First key with this id, or nkeys. */
static size_t first_key(const struct zone_view *z, uint64_t id)
{
    size_t lo = 0, hi = z->nkeys;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (z->keys[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Does pack pk have an anchor record at the identity? */
static bool has_anchor(const struct zone_view *z, size_t pk, uint64_t id)
{
    for (size_t i = first_key(z, id); i < z->nkeys && z->keys[i].id == id; i++)
        if (z->keys[i].kind == 0 && z->keys[i].pack == pk)
            return true;
    return false;
}

/* Is the identity a setup of its own for pack pk, so its records are not
 * misplaced ones of another identity? It is when it has DKIM of the pack it
 * is built on or of one built on it (Resend's MAIL FROM next to SES DKIM is
 * SES's), or a DKIM key no pack knows (Mailgun's older TXT keys). Other
 * senders' DKIM there does not count: SendGrid at the apex does not make
 * the apex a Mailgun domain. */
static bool own_setup(const struct zone_view *z, size_t pk, uint64_t id)
{
    const struct zl_sender_pack *p = zl_senders_at(z->s, pk);
    for (size_t i = first_key(z, id); i < z->nkeys && z->keys[i].id == id; i++) {
        const struct key *k = &z->keys[i];
        if (k->kind != 1)
            continue;
        if (k->pack == UINT16_MAX)
            return true;
        const struct zl_sender_pack *o = zl_senders_at(z->s, k->pack);
        if (k->pack == pk || (p->based_on && strcmp(p->based_on, o->id) == 0) ||
            (o->based_on && strcmp(o->based_on, p->id) == 0))
            return true;
    }
    return false;
}

static void index_keys(struct zone_view *z, const struct state *st)
{
    size_t cap = z->n + st->unknown_dk.n;
    z->keys = zl_ctx_block(z->ctx, (cap ? cap : 1) * sizeof *z->keys);
    for (size_t i = 0; i < z->n; i++) {
        const struct hit *h = z->v[i];
        const struct zl_sender_pack *p = zl_senders_at(z->s, h->pack);
        if (is_anchor(p, h))
            z->keys[z->nkeys++] = (struct key){ h->idhash, h->pack, 0 };
        else if (!h->context && p->entries[h->entry].role == ZL_ROLE_DKIM)
            z->keys[z->nkeys++] = (struct key){ h->idhash, h->pack, 1 };
    }
    for (size_t i = 0; i < st->unknown_dk.n; i++) {
        const struct dk *k = zl_list_at(&st->unknown_dk, i);
        z->keys[z->nkeys++] = (struct key){ k->idhash, UINT16_MAX, 1 };
    }
    qsort(z->keys, z->nkeys, sizeof *z->keys, by_key);
    size_t np = zl_senders_count(z->s);
    z->nanchor_ids = zl_ctx_alloc(z->ctx, (np ? np : 1) * sizeof *z->nanchor_ids);
    for (size_t i = 0; i < z->nkeys; i++) {
        const struct key *k = &z->keys[i];
        if (k->kind != 0 || k->pack >= np)
            continue;
        if (i && z->keys[i - 1].id == k->id && z->keys[i - 1].kind == 0 && z->keys[i - 1].pack == k->pack)
            continue; /* the same identity again */
        z->nanchor_ids[k->pack]++;
    }
}

/* "s1._domainkey record" or "MX record at 'mg.example.com.'". */
static void hit_phrase(const struct zl_sender_pack *p, const struct hit *h, char *out, size_t cap)
{
    if (h->label && h->label[0]) {
        snprintf(out, cap, "%s record", h->label);
        return;
    }
    char t[ZL_NAME_TEXT_MAX];
    zl_name_text(&h->identity, t);
    snprintf(out, cap, "%s record at '%s'", role_phrase(p->entries[h->entry].role), t);
}

/* Records of one setup that must agree: the same account, region, ...
 * The first record (in line order) that has a part is the reference; a
 * record that differs in several parts gets one finding naming them all. */
static void compare_setup(const struct zone_view *z, const struct zl_sender_pack *p, struct hit **g, size_t n)
{
    enum { MAXN = 16 };
    const char *names[MAXN];
    const struct hit *ref[MAXN];
    const char *refv[MAXN];
    size_t nn = 0;
    for (size_t i = 0; i < n; i++) {
        const struct zl_sender_entry *e = &p->entries[g[i]->entry];
        if (!g[i]->value_ok)
            continue;
        for (size_t s = 0; s < e->nsame; s++) {
            const char *v = hit_cap(g[i], p, e->same[s]);
            bool known = false;
            for (size_t k = 0; k < nn && !known; k++)
                known = strcmp(names[k], e->same[s]) == 0;
            if (!v || known || nn == MAXN)
                continue;
            names[nn] = e->same[s];
            ref[nn] = g[i];
            refv[nn] = v;
            nn++;
        }
    }
    for (size_t i = 0; i < n; i++) {
        const struct hit *h = g[i];
        const struct zl_sender_entry *e = &p->entries[h->entry];
        if (!h->value_ok)
            continue;
        struct zl_buf mine = { 0 }, theirs = { 0 };
        const struct hit *other = NULL;
        size_t ndiff = 0;
        for (size_t k = 0; k < nn; k++) {
            bool listed = false;
            for (size_t s = 0; s < e->nsame && !listed; s++)
                listed = strcmp(e->same[s], names[k]) == 0;
            const char *v = listed ? hit_cap(h, p, names[k]) : NULL;
            if (!v || ref[k] == h || strcmp(v, refv[k]) == 0)
                continue;
            if (other && other != ref[k])
                continue; /* one reference record per finding */
            other = ref[k];
            const struct zl_sender_capture *cd = zl_sender_capture_find(p, names[k], strlen(names[k]));
            const char *what = cd && cd->about ? cd->about : names[k];
            zl_buf_printf(&mine, "%s%s '%s'", ndiff ? " and " : "", what, v[0] ? v : "(none)");
            zl_buf_printf(&theirs, "%s'%s'", ndiff ? " and " : "", refv[k][0] ? refv[k] : "(none)");
            ndiff++;
        }
        if (ndiff) {
            char a[ZL_SM_TEXT + ZL_NAME_TEXT_MAX], b[ZL_SM_TEXT + ZL_NAME_TEXT_MAX], iname[ZL_NAME_TEXT_MAX];
            hit_phrase(p, h, a, sizeof a);
            hit_phrase(p, other, b, sizeof b);
            zl_name_text(&h->identity, iname);
            char where[ZL_LINE_REF_MAX];
            report(z->ctx, ZL_RULE_REF(ZL5105), p, &h->span,
                   "%s's %s has %s, but its %s (%s) has %s; the records of one %s setup for '%s' carry the "
                   "same values, so one of them is wrong",
                   p->name, a, zl_buf_cstr(&mine), b, zl_line_ref(&other->span, &h->span, where, sizeof where),
                   zl_buf_cstr(&theirs), p->name, iname);
        }
        zl_buf_free(&mine);
        zl_buf_free(&theirs);
    }
}

/* The set a DKIM record belongs to: its selector without the member
 * number (s1 and s2 -> "s", onc and onc2 -> "onc", selector1 -> "selector");
 * a counted set (Stripe's six tokens) is one set. NULL: not a set record. */
static const char *set_family(const struct zl_sender_pack *p, const struct hit *h, size_t *len)
{
    const struct zl_sender_entry *e = &p->entries[h->entry];
    if (!e->set_capture)
        return NULL;
    *len = 0;
    if (e->set_count)
        return "";
    for (size_t c = 0; c < h->ncaps; c++)
        if (strcmp(h->caps[c].name, e->set_capture) == 0 && h->caps[c].owner) {
            size_t n = strlen(h->caps[c].owner);
            while (n && h->caps[c].owner[n - 1] >= '0' && h->caps[c].owner[n - 1] <= '9')
                n--;
            *len = n;
            return h->caps[c].owner;
        }
    return NULL;
}

static bool same_family(const char *a, size_t an, const char *b, size_t bn)
{
    return a && b && an == bn && memcmp(a, b, an) == 0;
}

/* Do the parts h shares with ref (its `same` captures) all agree? */
static bool agrees(const struct zl_sender_pack *p, const struct hit *h, const struct hit *ref)
{
    const struct zl_sender_entry *e = &p->entries[h->entry];
    for (size_t s = 0; s < e->nsame; s++) {
        const char *a = hit_cap(h, p, e->same[s]), *b = hit_cap(ref, p, e->same[s]);
        if (a && b && strcmp(a, b) != 0)
            return false;
    }
    return true;
}

/* Records of one identity that must agree. One domain may hold several
 * setups of one sender (SendGrid's s1/s2 of one account beside sgd/sgd2 of
 * another, each with its own return path, and an old em<N> left over), so
 * DKIM records are compared within their set only, and a record outside
 * the sets (a return path) only with the one set there is, when no record
 * of its kind already belongs to that set. A pack without sets is one
 * setup per identity. */
static void check_same(const struct zone_view *z, const struct zl_sender_pack *p, struct hit **g, size_t n)
{
    bool sets = false;
    for (size_t e = 0; e < p->nentries && !sets; e++)
        sets = p->entries[e].set_capture != NULL;
    if (!sets) {
        compare_setup(z, p, g, n);
        return;
    }
    struct hit **sub = zl_ctx_alloc(z->ctx, (n ? n : 1) * sizeof *sub);
    const char *only = NULL;
    size_t onlyn = 0, nfam = 0;
    bool consistent = true;
    for (size_t i = 0; i < n; i++) {
        size_t fl;
        const char *f = set_family(p, g[i], &fl);
        if (!f || !g[i]->value_ok)
            continue;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++) {
            size_t kl = 0;
            const char *kf = g[k]->value_ok ? set_family(p, g[k], &kl) : NULL;
            seen = same_family(kf, kl, f, fl);
        }
        if (seen)
            continue;
        nfam++;
        only = f;
        onlyn = fl;
        size_t m = 0;
        for (size_t k = i; k < n; k++) {
            size_t kl = 0;
            const char *kf = g[k]->value_ok ? set_family(p, g[k], &kl) : NULL;
            if (same_family(kf, kl, f, fl))
                sub[m++] = g[k];
        }
        for (size_t k = 1; k < m; k++)
            consistent = consistent && agrees(p, sub[k], sub[0]);
        compare_setup(z, p, sub, m);
    }
    if (nfam != 1 || !consistent)
        return;
    /* the one set's first record, then each outside record not already
     * matched by another of its kind */
    const struct hit *ref = NULL;
    for (size_t i = 0; i < n && !ref; i++) {
        size_t fl = 0;
        const char *f = g[i]->value_ok ? set_family(p, g[i], &fl) : NULL;
        if (same_family(f, fl, only, onlyn))
            ref = g[i];
    }
    for (size_t i = 0; i < n; i++) {
        size_t fl;
        if (!g[i]->value_ok || set_family(p, g[i], &fl) || agrees(p, g[i], ref))
            continue;
        bool matched = false;
        for (size_t k = 0; k < n && !matched; k++)
            matched = k != i && g[k]->entry == g[i]->entry && g[k]->value_ok && agrees(p, g[k], ref);
        if (matched)
            continue;
        struct hit *pair[2] = { (struct hit *)ref, g[i] };
        compare_setup(z, p, pair, 2);
    }
}

/* Set completeness: s1 with s2, selector1 with selector2, six of six. */
static void check_sets(const struct zone_view *z, const struct zl_sender_pack *p, struct hit **g, size_t n)
{
    for (size_t e = 0; e < p->nentries; e++) {
        const struct zl_sender_entry *en = &p->entries[e];
        if (!en->set_capture)
            continue;
        const struct hit *first = NULL;
        char vals[32][ZL_SM_CAPLEN];
        size_t nv = 0;
        for (size_t i = 0; i < n; i++) {
            if (g[i]->entry != e || g[i]->context)
                continue;
            const char *ov = NULL;
            for (size_t c = 0; c < g[i]->ncaps; c++)
                if (strcmp(g[i]->caps[c].name, en->set_capture) == 0 && g[i]->caps[c].owner)
                    ov = g[i]->caps[c].owner;
            if (!ov)
                continue;
            if (!first)
                first = g[i];
            bool dup = false;
            for (size_t k = 0; k < nv && !dup; k++)
                dup = strcmp(vals[k], ov) == 0;
            if (!dup && nv < 32)
                snprintf(vals[nv++], sizeof vals[0], "%s", ov);
        }
        if (!first)
            continue;
        char iname[ZL_NAME_TEXT_MAX], have[ZL_SM_TEXT];
        zl_name_text(&first->identity, iname);
        if (en->set_count) {
            if (nv < en->set_count)
            {
                char shown[512];
                report(z->ctx, ZL_RULE_REF(ZL5106), p, &first->span,
                       "'%s' has %zu of the %u %s %s records %s gives (%s); %s verifies the domain only when all "
                       "of them resolve",
                       iname, nv, en->set_count, p->name, role_phrase(en->role), p->name,
                       shows_of(en, shown, sizeof shown), p->name);
            }
            continue;
        }
        bool any = false;
        for (size_t k = 0; k < en->nset_members && !any; k++)
            for (size_t q = 0; q < nv && !any; q++)
                any = strcmp(vals[q], en->set_members[k]) == 0;
        if (!any)
            continue; /* a selector outside the set (Mailchimp's older k1) */
        for (size_t k = 0; k < en->nset_members; k++) {
            bool present = false;
            for (size_t q = 0; q < nv && !present; q++)
                present = strcmp(vals[q], en->set_members[k]) == 0;
            if (present)
                continue;
            char want[ZL_SM_TEXT];
            instantiate(en->owner, p, first, en->set_capture, en->set_members[k], want, sizeof want);
            subject_name(first->label, &first->identity, have, sizeof have);
            report(z->ctx, ZL_RULE_REF(ZL5106), p, &first->span,
                   "%s's %s for '%s' has %s but not %s; %s gives both and uses either, so mail signed with the "
                   "missing one fails DKIM",
                   p->name, role_phrase(en->role), iname, have, want, p->name);
        }
    }
}

/* Required records and records published for the wrong name. */
static void check_required(const struct zone_view *z, size_t pk, const struct zl_sender_pack *p, struct hit **g,
                           size_t n, size_t nanchors)
{
    const struct hit *anchor = NULL;
    for (size_t i = 0; i < n && !anchor; i++)
        if (is_anchor(p, g[i]))
            anchor = g[i];
    if (!anchor)
        return;
    char iname[ZL_NAME_TEXT_MAX];
    zl_name_text(&anchor->identity, iname);
    for (size_t e = 0; e < p->nentries; e++) {
        const struct zl_sender_entry *en = &p->entries[e];
        if (!identity_bound(en))
            continue;
        bool present = false;
        for (size_t i = 0; i < n && !present; i++)
            present = g[i]->entry == e;
        if (present)
            continue;
        /* Published for another name that is no setup of its own? */
        bool moved = false;
        for (size_t i = 0; nanchors == 1 && i < z->n; i++) {
            const struct hit *h = z->v[i];
            if (h->pack != pk || h->entry != e || h->idhash == anchor->idhash)
                continue;
            if (has_anchor(z, pk, h->idhash) || own_setup(z, pk, h->idhash))
                continue;
            moved = true;
            char at[ZL_NAME_TEXT_MAX + ZL_SM_TEXT], want[ZL_NAME_TEXT_MAX + ZL_SM_TEXT];
            full_name(h->label, &h->identity, at, sizeof at);
            full_name(h->label, &anchor->identity, want, sizeof want);
            report(z->ctx, ZL_RULE_REF(ZL5101), p, &h->span,
                   "%s's %s record is published at '%s', but %s's DKIM records are for '%s': %s looks it up at "
                   "'%s'",
                   p->name, role_phrase(en->role), at, p->name, iname, p->name, want);
        }
        if (moved || !en->required || !z->whole)
            continue;
        char want[ZL_SM_TEXT], full[ZL_NAME_TEXT_MAX + ZL_SM_TEXT];
        if (en->default_owner)
            snprintf(want, sizeof want, "%s", en->default_owner);
        else
            instantiate(en->owner, p, anchor, NULL, NULL, want, sizeof want);
        full_name(want, &anchor->identity, full, sizeof full);
        char shown[512];
        report(z->ctx, ZL_RULE_REF(ZL5106), p, &anchor->span,
               "%s's setup for '%s' has no %s %s record (%s at %s): %s needs it before it verifies the domain",
               p->name, iname, role_phrase(en->role), type_name(en->type), shows_of(en, shown, sizeof shown), full,
               p->name);
    }
}

void zl_sender_packs_zone(const struct zl_zone *zone, struct zl_ctx *ctx)
{
    struct state *st = *zl_ctx_state(ctx, STATE_RULE);
    if (!st || !st->hits.n)
        return;
    struct zone_view z;
    memset(&z, 0, sizeof z);
    z.ctx = ctx;
    z.s = zl_ctx_senders(ctx);
    z.whole = zone->whole_zone;
    z.v = zl_ctx_block(ctx, st->hits.n * sizeof *z.v); /* this hook's tables: freed at its end */
    for (size_t i = 0; i < st->hits.n; i++)
        z.v[z.n++] = zl_list_at(&st->hits, i);
    qsort(z.v, z.n, sizeof *z.v, by_group);
    index_keys(&z, st);
    /* Context records are the pack's only where the identity has its
     * anchor; the others stay out of the groups but may be misplaced. */
    for (size_t i = 0; i < z.n; i++)
        if (z.v[i]->context && has_anchor(&z, z.v[i]->pack, z.v[i]->idhash))
            z.v[i]->context = false;
    struct hit **g = zl_ctx_block(ctx, z.n * sizeof *g);
    for (size_t i = 0; i < z.n;) {
        size_t j = i + 1;
        while (j < z.n && z.v[j]->pack == z.v[i]->pack && z.v[j]->idhash == z.v[i]->idhash)
            j++;
        size_t pk = z.v[i]->pack;
        const struct zl_sender_pack *p = zl_senders_at(z.s, pk);
        if (!p->classify_only) {
            /* The group without the records the zone does not attribute. */
            size_t gn = 0;
            for (size_t k = i; k < j; k++)
                if (!z.v[k]->context)
                    g[gn++] = z.v[k];
            check_same(&z, p, g, gn);
            if (z.whole)
                check_sets(&z, p, g, gn);
            check_required(&z, pk, p, g, gn, z.nanchor_ids[pk]);
        }
        i = j;
    }
    zl_ctx_block_free(ctx, g);
    zl_ctx_block_free(ctx, z.keys);
    zl_ctx_block_free(ctx, z.v);
}

