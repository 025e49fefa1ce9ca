/* SPDX-License-Identifier: MIT */
/* Building what `verify` expects (see expect.h).
 *
 * --zone is read by the same readers as `check` (master files, Route 53,
 * octoDNS, Cloud DNS), with the verified domain as the zone: records
 * outside it are reported by the parser and left out, as a name server
 * leaves them out. Its records are grouped into RRsets; these are not
 * expected on their own: the apex SOA and NS (the delegation checks look at
 * them), delegations inside the zone and the glue below them (served as
 * referrals, not answers), DNSSEC records a signer makes (RRSIG, NSEC,
 * NSEC3, NSEC3PARAM), and classes other than IN.
 *
 * --ses-identity gives the records SES looks up, written as master-file
 * lines and parsed by zonelint's parser like any other record. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/readers.h"
#include "input/parser.h"
#include "rdata/rdata.h"
#include "rules/ses_data.h"
#include "rdata/types.h"
#include "verify/expect.h"
#include "verify/rrcmp.h"

/* ---- the list ---------------------------------------------------------------- */

static struct zl_vexpect *push(struct zl_vexpects *x)
{
    if (x->n == x->cap) {
        x->cap = x->cap ? x->cap * 2 : 16;
        x->v = zl_xrealloc(x->v, x->cap * sizeof *x->v);
    }
    struct zl_vexpect *e = &x->v[x->n++];
    memset(e, 0, sizeof *e);
    return e;
}

static void add_value(struct zl_vexpect *e, const uint8_t *rd, uint16_t len, uint32_t ttl, const struct zl_span *span,
                      const struct zl_span *vspan)
{
    e->v = zl_xrealloc(e->v, (e->nv + 1) * sizeof *e->v);
    struct zl_vvalue *v = &e->v[e->nv++];
    memset(v, 0, sizeof *v);
    v->rdata = zl_xmalloc(len ? len : 1);
    if (len)
        memcpy(v->rdata, rd, len);
    v->rdlen = len;
    v->ttl = ttl;
    if (span)
        v->span = *span;
    if (vspan)
        v->value_span = *vspan;
}

void zl_vexpects_free(struct zl_vexpects *x)
{
    for (size_t i = 0; i < x->n; i++) {
        for (size_t k = 0; k < x->v[i].nv; k++)
            free(x->v[i].v[k].rdata);
        free(x->v[i].v);
    }
    free(x->v);
    free(x->ns);
    free(x->ns_span);
    free(x->addrs);
    memset(x, 0, sizeof *x);
}

/* ---- one record line ---------------------------------------------------------- */

struct one {
    bool got;
    struct zl_name owner;
    uint16_t type;
    uint32_t ttl;
    struct zl_buf rd;
};

static void one_record(void *user, const struct zl_record *rec)
{
    struct one *o = user;
    if (o->got)
        return;
    o->got = true;
    o->owner = rec->owner;
    o->type = rec->type;
    o->ttl = rec->ttl;
    zl_buf_put(&o->rd, rec->rdata, rec->rdlen);
}

struct zl_vexpect *zl_vexpect_add_line(struct zl_vexpects *x, const char *line, enum zl_vmatch match,
                                       const char *what, const struct zl_span *span)
{
    struct one o;
    memset(&o, 0, sizeof o);
    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    po.on_record = one_record;
    po.user = &o;
    po.max_errors = 1;
    struct zl_source *src = NULL;
    po.sources = &src;
    struct zl_parse_result res;
    zl_parse_buffer(line, strlen(line), "<expected>", &po, &res);
    zl_parse_sources_free(src);
    if (!o.got || res.errors) {
        zl_buf_free(&o.rd);
        return NULL;
    }
    struct zl_vexpect *e = push(x);
    e->name = o.owner;
    e->type = o.type;
    e->match = match;
    snprintf(e->what, sizeof e->what, "%s", what ? what : "");
    if (span)
        e->span = *span;
    add_value(e, o.rd.data, (uint16_t)o.rd.len, o.ttl, span, span);
    zl_buf_free(&o.rd);
    return e;
}

/* ---- mail-authentication records ----------------------------------------------- */

static bool label0(const struct zl_name *n, const char *s)
{
    return zl_name_label_is(zl_name_label(n, 0), s);
}

bool zl_vexpect_is_mail(const struct zl_name *owner, uint16_t type, const uint8_t *rdata, size_t rdlen)
{
    if ((type == ZL_T_CNAME || type == ZL_T_TXT) && zl_name_find_label(owner, "_domainkey") >= 0)
        return true;
    if (type == ZL_T_TXT && (label0(owner, "_amazonses") || label0(owner, "_dmarc")))
        return true;
    if (type == ZL_T_SPF)
        return true;
    if (type == ZL_T_TXT) {
        char s[16];
        size_t n = zl_vtxt_join(rdata, rdlen, s, sizeof s);
        if (n > sizeof s)
            n = sizeof s;
        if ((n >= 6 && zl_ascii_has_prefix(s, n, "v=spf1") && (n == 6 || s[6] == ' ')) ||
            (n >= 7 && zl_ascii_has_prefix(s, n, "v=DKIM1")))
            return true;
    }
    if (type == ZL_T_MX && rdlen > 2 && zl_wire_has_label(rdata + 2, rdlen - 2, "amazonses"))
        return true;
    return false;
}

/* ---- --zone --------------------------------------------------------------------- */

struct zrec {
    struct zl_name owner;
    uint16_t type, rclass;
    uint32_t ttl;
    uint16_t rdlen;
    uint8_t *rdata;
    struct zl_span span, value_span;
    size_t order;
    bool proxied;              /* Cloudflare export: cf-proxied:true */
};

struct zcollect {
    struct zrec *v;
    size_t n, cap;
    const struct zl_name *domain;
    struct zl_vexpects *x;
};

static struct zl_span field_span(const struct zl_record *rec, unsigned first, unsigned last)
{
    if (rec->generic || !rec->nfields || rec->nfields <= last)
        return rec->span;
    const struct zl_field *a = &rec->fields[first], *b = &rec->fields[last];
    if (!a->ntok || !b->ntok || a->tok >= rec->ntoks || (size_t)b->tok + b->ntok - 1 >= rec->ntoks)
        return rec->span;
    return zl_span_join(&rec->toks[a->tok].span, &rec->toks[b->tok + b->ntok - 1].span);
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void zone_record(void *user, const struct zl_record *rec)
{
    struct zcollect *c = user;
    struct zl_vexpects *x = c->x;
    bool apex = zl_name_equal(&rec->owner, c->domain);
    if (apex && rec->type == ZL_T_SOA && !x->have_soa && rec->nfields == 7 && rec->fields[2].kind == ZL_FIELD_INT &&
        zl_name_from_wire(&x->mname, rec->rdata, rec->rdlen)) {
        x->have_soa = true;
        x->serial = get32(rec->rdata + rec->fields[2].off);
        x->soa_minimum = get32(rec->rdata + rec->fields[6].off);
        x->soa_span = rec->span;
        x->serial_span = field_span(rec, 2, 2);
    }
    if (apex && rec->type == ZL_T_NS) {
        struct zl_name t;
        if (zl_name_from_wire(&t, rec->rdata, rec->rdlen)) {
            bool dup = false;
            for (size_t i = 0; i < x->nns && !dup; i++)
                dup = zl_name_equal(&x->ns[i], &t);
            if (!dup) {
                x->ns = zl_xrealloc(x->ns, (x->nns + 1) * sizeof *x->ns);
                x->ns_span = zl_xrealloc(x->ns_span, (x->nns + 1) * sizeof *x->ns_span);
                x->ns[x->nns] = t;
                x->ns_span[x->nns++] = field_span(rec, 0, 0);
            }
        }
    }
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 256;
        c->v = zl_xrealloc(c->v, c->cap * sizeof *c->v);
    }
    struct zrec *r = &c->v[c->n];
    r->owner = rec->owner;
    r->type = rec->type;
    r->rclass = rec->rclass;
    r->ttl = rec->ttl;
    r->rdlen = rec->rdlen;
    r->rdata = zl_xmalloc(rec->rdlen ? rec->rdlen : 1);
    if (rec->rdlen)
        memcpy(r->rdata, rec->rdata, rec->rdlen);
    r->span = rec->span;
    r->value_span = rec->nfields ? field_span(rec, 0, rec->nfields - 1u) : rec->span;
    r->proxied = false;
    long tags = rec->comment_len ? zl_ascii_find(rec->comment, rec->comment_len, "cf_tags=") : -1;
    if (tags >= 0)
        r->proxied = zl_ascii_find(rec->comment + tags, rec->comment_len - (size_t)tags, "cf-proxied:true") >= 0;
    r->order = c->n++;
}

static int cmp_rrset(const void *a, const void *b)
{
    const struct zrec *x = *(const struct zrec *const *)a, *y = *(const struct zrec *const *)b;
    int c = zl_name_compare(&x->owner, &y->owner);
    if (c)
        return c;
    if (x->type != y->type)
        return x->type < y->type ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* One RRset: a run of the sorted index. */
struct run {
    const struct zrec *first;
    size_t start, n;
};

static int cmp_run(const void *a, const void *b)
{
    const struct run *x = a, *y = b;
    return x->first->order < y->first->order ? -1 : x->first->order > y->first->order;
}

static int cmp_name(const void *a, const void *b)
{
    return zl_name_compare(a, b);
}

/* At or below a delegation inside the zone (cuts sorted). */
static bool below_cut(const struct zl_name *n, const struct zl_name *cuts, size_t ncuts, bool *at_cut)
{
    *at_cut = false;
    for (unsigned k = 0; k < n->nlabels && ncuts; k++) {
        struct zl_name s;
        zl_name_suffix(&s, n, k);
        if (bsearch(&s, cuts, ncuts, sizeof *cuts, cmp_name)) {
            *at_cut = k == 0;
            return true;
        }
    }
    return false;
}

static bool dnssec_made(uint16_t type)
{
    return type == ZL_T_RRSIG || type == ZL_T_NSEC || type == ZL_T_NSEC3 || type == ZL_T_NSEC3PARAM;
}

static int read_zone(const struct zl_vexpect_opts *o, struct zl_vexpects *x, char *err, size_t errlen)
{
    struct zcollect c;
    memset(&c, 0, sizeof c);
    c.domain = o->domain;
    c.x = x;
    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    po.origin = o->domain;
    po.zone = o->domain;
    po.drop_outside_zone = true;
    po.dialect = o->dialect;
    po.on_record = zone_record;
    po.user = &c;
    po.sink = o->sink;
    po.sources = o->sources;
    struct zl_parse_result res;
    zl_read_input(o->zone_path, NULL, NULL, 0, (enum zl_input_format)o->input_format, &po, &res, NULL);
    if (res.io_error) {
        for (size_t i = 0; i < c.n; i++)
            free(c.v[i].rdata);
        free(c.v);
        err[0] = '\0'; /* the reader reported it (ZL1000) */
        return -1;
    }
    x->have_zone = true;
    x->zone_path = o->zone_path;

    /* Delegations inside the zone. */
    struct zl_name *cuts = NULL;
    size_t ncuts = 0;
    for (size_t i = 0; i < c.n; i++)
        if (c.v[i].type == ZL_T_NS && !zl_name_equal(&c.v[i].owner, o->domain)) {
            cuts = zl_xrealloc(cuts, (ncuts + 1) * sizeof *cuts);
            cuts[ncuts++] = c.v[i].owner;
        }
    if (ncuts)
        qsort(cuts, ncuts, sizeof *cuts, cmp_name);

    /* Addresses of in-zone name servers (for the glue). */
    for (size_t i = 0; i < c.n; i++) {
        const struct zrec *r = &c.v[i];
        if ((r->type != ZL_T_A || r->rdlen != 4) && (r->type != ZL_T_AAAA || r->rdlen != 16))
            continue;
        bool ns = false;
        for (size_t k = 0; k < x->nns && !ns; k++)
            ns = zl_name_equal(&x->ns[k], &r->owner);
        if (!ns)
            continue;
        x->addrs = zl_xrealloc(x->addrs, (x->naddrs + 1) * sizeof *x->addrs);
        struct zl_vaddr_rec *a = &x->addrs[x->naddrs++];
        memset(a, 0, sizeof *a);
        a->owner = r->owner;
        a->type = r->type;
        memcpy(a->a, r->rdata, r->rdlen);
        a->span = r->span;
    }

    /* RRsets, in the order of their first record. */
    const struct zrec **idx = zl_xmalloc((c.n + 1) * sizeof *idx);
    for (size_t i = 0; i < c.n; i++)
        idx[i] = &c.v[i];
    qsort(idx, c.n, sizeof *idx, cmp_rrset);
    /* each RRset as a run of idx, then the runs in the order of their first record */
    struct run *runs = zl_xmalloc((c.n + 1) * sizeof *runs);
    size_t nruns = 0;
    for (size_t i = 0; i < c.n; i++) {
        if (i == 0 || !(zl_name_equal(&idx[i - 1]->owner, &idx[i]->owner) && idx[i - 1]->type == idx[i]->type)) {
            runs[nruns].first = idx[i];
            runs[nruns].start = i;
            runs[nruns++].n = 0;
        }
        runs[nruns - 1].n++;
    }
    qsort(runs, nruns, sizeof *runs, cmp_run);

    struct zl_ses_identity id;
    bool have_id = o->ses && zl_ses_expect_pick(o->ses, o->domain, &id) == ZL_SES_PICK_OK && id.have_mail_from;
    for (size_t h = 0; h < nruns; h++) {
        const struct zrec *r = runs[h].first;
        bool apex = zl_name_equal(&r->owner, o->domain), at_cut;
        if (r->rclass != ZL_CLASS_IN) {
            x->skipped_other++;
            continue;
        }
        if (apex && (r->type == ZL_T_SOA || r->type == ZL_T_NS))
            continue;
        if (dnssec_made(r->type)) {
            x->skipped_dnssec++;
            continue;
        }
        if (!apex && below_cut(&r->owner, cuts, ncuts, &at_cut) && !(at_cut && r->type == ZL_T_DS)) {
            x->skipped_cut++;
            continue;
        }
        /* the members, in file order (idx sorts a run by order) */
        const struct zrec *const *m = idx + runs[h].start;
        size_t nm = runs[h].n;
        bool mail = have_id && zl_name_equal(&r->owner, &id.mail_from), proxied = false;
        for (size_t i = 0; i < nm; i++) {
            mail = mail || zl_vexpect_is_mail(&m[i]->owner, m[i]->type, m[i]->rdata, m[i]->rdlen) ||
                   (m[i]->type == ZL_T_CNAME && zl_ascii_find((const char *)m[i]->owner.wire, m[i]->owner.len, "_") >= 0);
            proxied = proxied || m[i]->proxied;
        }
        /* Cloudflare answers a proxied name with its own addresses: only a
         * mail record there is a finding (ses-cloudflare-proxied offline) */
        if (proxied && !mail) {
            x->skipped_proxied++;
            continue;
        }
        if (o->records == ZL_VREC_MAIL && !mail)
            continue;
        struct zl_vexpect *e = push(x);
        e->name = r->owner;
        e->type = r->type;
        e->match = ZL_VM_RRSET;
        e->subset = o->records == ZL_VREC_MAIL;
        e->have_ttl = true;
        e->ttl = r->ttl;
        e->span = r->span;
        e->proxied = proxied;
        for (size_t i = 0; i < nm; i++) {
            bool dup = false;
            for (size_t k = 0; k < e->nv && !dup; k++)
                dup = zl_vrdata_equal(e->type, e->v[k].rdata, e->v[k].rdlen, m[i]->rdata, m[i]->rdlen);
            if (!dup)
                add_value(e, m[i]->rdata, m[i]->rdlen, m[i]->ttl, &m[i]->span, &m[i]->value_span);
        }
    }
    free(runs);
    free(idx);
    free(cuts);
    for (size_t i = 0; i < c.n; i++)
        free(c.v[i].rdata);
    free(c.v);
    return 0;
}

/* ---- --ses-identity ------------------------------------------------------------------ */

/* The identity files, to point a finding at the line that names its token. */
struct locator {
    struct zl_source **sources;
    const char *const *paths;
    size_t n;
    char **text;
    struct zl_source **src;
};

static void locator_open(struct locator *L, const struct zl_vexpect_opts *o)
{
    memset(L, 0, sizeof *L);
    L->sources = o->sources;
    L->paths = o->ses_paths;
    L->n = o->nses_paths;
    L->text = zl_xcalloc(L->n + 1, sizeof *L->text);
    L->src = zl_xcalloc(L->n + 1, sizeof *L->src);
    for (size_t i = 0; i < L->n; i++) {
        if (!strcmp(L->paths[i], "-"))
            continue;
        FILE *f = fopen(L->paths[i], "rb");
        if (!f)
            continue;
        struct zl_buf b = { 0 };
        if (zl_buf_read_stream(&b, f, 1u << 20) == 0)
            L->text[i] = zl_buf_cstr(&b);
        else
            zl_buf_free(&b);
        fclose(f);
    }
}

static void locator_close(struct locator *L)
{
    for (size_t i = 0; i < L->n; i++)
        free(L->text[i]);
    free(L->text);
    free(L->src);
}

/* The first line of the identity files that holds needle (as a JSON
 * string's content), as a span; zero when none does. */
static struct zl_span locate(struct locator *L, const char *needle)
{
    struct zl_span s;
    memset(&s, 0, sizeof s);
    size_t nl = strlen(needle);
    for (size_t i = 0; i < L->n && nl; i++) {
        const char *t = L->text[i];
        const char *hit = t ? strstr(t, needle) : NULL;
        if (!hit)
            continue;
        if (!L->src[i]) {
            L->src[i] = zl_source_new(L->sources, L->paths[i]);
            L->src[i]->realpath = realpath(L->paths[i], NULL); /* where reporters read the line back */
        }
        uint32_t line = 1;
        const char *bol = t;
        for (const char *p = t; p < hit; p++)
            if (*p == '\n') {
                line++;
                bol = p + 1;
            }
        s.src = L->src[i];
        s.line = s.end_line = line;
        s.col = (uint32_t)(hit - bol) + 1;
        s.end_col = s.col + (uint32_t)nl;
        return s;
    }
    return s;
}

static void dkim_value(const struct zl_ses_identity *id, const char *tok, char *out, size_t cap)
{
    char z[ZL_NAME_TEXT_MAX];
    if (id->have_signing_zone)
        snprintf(out, cap, "%s.%s", tok, zl_name_text(&id->signing_zone, z));
    else
        snprintf(out, cap, "%s.dkim.amazonses.com.", tok);
}

static void ses_expectations(const struct zl_vexpect_opts *o, const struct zl_ses_identity *id,
                             struct zl_vexpects *x)
{
    struct locator L;
    locator_open(&L, o);
    char dn[ZL_NAME_TEXT_MAX], what[64], val[ZL_NAME_TEXT_MAX + 80], mf[ZL_NAME_TEXT_MAX];
    zl_name_to_text(o->domain, dn);
    struct zl_buf line = { 0 };
    if (id->have_dkim && !id->byodkim) {
        for (size_t i = 0; i < id->ntokens; i++) {
            dkim_value(id, id->tokens[i], val, sizeof val);
            line.len = 0;
            zl_buf_printf(&line, "%s._domainkey.%s 1800 IN CNAME %s\n", id->tokens[i], dn, val);
            snprintf(what, sizeof what, "Easy DKIM, token %zu of %zu", i + 1, id->ntokens);
            struct zl_span sp = locate(&L, id->tokens[i]);
            struct zl_vexpect *e = zl_vexpect_add_line(x, zl_buf_cstr(&line), ZL_VM_VALUE, what, &sp);
            if (e)
                e->dkim = true;
        }
    } else if (id->have_dkim && id->ntokens) {
        line.len = 0;
        zl_buf_printf(&line, "%s._domainkey.%s 1800 IN TXT \"p=\"\n", id->tokens[0], dn);
        struct zl_span sp = locate(&L, id->tokens[0]);
        struct zl_vexpect *e = zl_vexpect_add_line(x, zl_buf_cstr(&line), ZL_VM_DKIM_KEY, "BYODKIM public key", &sp);
        if (e)
            e->dkim = true;
    }
    if (id->verification_token[0]) {
        line.len = 0;
        zl_buf_printf(&line, "_amazonses.%s 1800 IN TXT ", dn);
        zl_txt_put_quoted(&line, id->verification_token, strlen(id->verification_token));
        zl_buf_putc(&line, '\n');
        struct zl_span sp = locate(&L, id->verification_token);
        struct zl_vexpect *e = zl_vexpect_add_line(x, zl_buf_cstr(&line), ZL_VM_VALUE, "domain verification", &sp);
        if (e)
            e->unless_dkim = id->have_dkim;
    }
    if (id->have_mail_from && zl_name_is_subdomain(&id->mail_from, o->domain)) {
        zl_name_to_text(&id->mail_from, mf);
        char bare[ZL_NAME_TEXT_MAX];
        snprintf(bare, sizeof bare, "%.*s", (int)(strlen(mf) - 1), mf);
        struct zl_span sp = locate(&L, bare);
        line.len = 0;
        zl_buf_printf(&line, "%s 1800 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n", mf);
        zl_vexpect_add_line(x, zl_buf_cstr(&line), ZL_VM_SES_MX, "SES custom MAIL FROM", &sp);
        line.len = 0;
        zl_buf_printf(&line, "%s 1800 IN TXT \"v=spf1 include:amazonses.com ~all\"\n", mf);
        zl_vexpect_add_line(x, zl_buf_cstr(&line), ZL_VM_SES_SPF, "SES custom MAIL FROM", &sp);
    }
    zl_buf_free(&line);
    locator_close(&L);
}

/* An SES expectation the zone file already fulfils at the same name and
 * type: the file's record says it better (its line, its exact value). */
static bool covered(const struct zl_vexpects *x, size_t nzone, struct zl_vexpect *s, const struct zl_name *domain)
{
    for (size_t i = 0; i < nzone; i++) {
        const struct zl_vexpect *z = &x->v[i];
        if (z->type != s->type || !zl_name_equal(&z->name, &s->name))
            continue;
        struct zl_vrr *rr = zl_xcalloc(z->nv + 1, sizeof *rr);
        const struct zl_vrr **p = zl_xcalloc(z->nv + 1, sizeof *p);
        for (size_t k = 0; k < z->nv; k++) {
            rr[k].owner = z->name;
            rr[k].type = z->type;
            rr[k].rclass = ZL_CLASS_IN;
            rr[k].rdata = z->v[k].rdata;
            rr[k].rdlen = z->v[k].rdlen;
            p[k] = &rr[k];
        }
        struct zl_vmatch_res m;
        zl_vmatch(s, p, z->nv, domain, &m);
        free(p);
        free(rr);
        if (!m.ok) { /* both kept; the finding points at the file's record */
            s->span = z->span;
            if (s->nv && z->nv)
                s->v[0].value_span = z->v[0].value_span;
        }
        return m.ok;
    }
    return false;
}

int zl_vexpect_build(const struct zl_vexpect_opts *o, struct zl_vexpects *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    err[0] = '\0';
    if (o->zone_path && read_zone(o, out, err, errlen) != 0)
        return -1;
    if (!o->ses)
        return 0;
    struct zl_ses_identity id;
    char dn[ZL_NAME_TEXT_MAX], other[ZL_NAME_TEXT_MAX];
    zl_name_to_text(o->domain, dn);
    switch (zl_ses_expect_pick(o->ses, o->domain, &id)) {
    case ZL_SES_PICK_OK:
        break;
    case ZL_SES_PICK_AMBIGUOUS:
    case ZL_SES_PICK_NO_ORIGIN:
        snprintf(err, errlen, "--ses-identity: %s describe several identities and none is '%s'", o->ses->files, dn);
        return -1;
    }
    if (!zl_name_equal(&id.domain, o->domain) && id.named) {
        snprintf(err, errlen, "--ses-identity: %s describes '%s', not '%s'", o->ses->files,
                 zl_name_text(&id.domain, other), dn);
        return -1;
    }
    size_t nzone = out->n;
    struct zl_vexpects ses;
    memset(&ses, 0, sizeof ses);
    ses_expectations(o, &id, &ses);
    for (size_t i = 0; i < ses.n; i++) {
        if (covered(out, nzone, &ses.v[i], o->domain)) {
            for (size_t k = 0; k < ses.v[i].nv; k++)
                free(ses.v[i].v[k].rdata);
            free(ses.v[i].v);
            continue;
        }
        *push(out) = ses.v[i];
    }
    free(ses.v);
    return 0;
}
