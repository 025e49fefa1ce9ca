/* SPDX-License-Identifier: MIT */
/* Mail policy records in TXT (generic, not provider specific):
 *   ZL4101 spf-multiple   two or more v=spf1 records at one name (RFC 7208 3.2), here
 *   ZL4102 spf-syntax     an SPF record that does not parse: rules/spf.c
 *   ZL4103 dmarc-syntax   a DMARC record at _dmarc.* that does not parse: rules/dmarc.c
 *
 * A TXT record's strings are joined without a separator before checking,
 * as receivers do. Only records that start with the version tag are parsed,
 * so the per-record cost for ordinary TXT records is a prefix compare.
 * Findings the RFC calls a permerror are errors; the rest (ignored terms,
 * tag order, unknown tags, ptr) are one level softer. */
#include "mail_policy.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/ascii.h"
#include "rdata/txt.h"
#include "lint/ref.h"
#include "rules.h"

const char zl_explain_spf_multiple[] =
    "A name may publish at most one SPF record (RFC 7208 3.2). When a\n"
    "receiver finds two TXT records that start with v=spf1 at the same name,\n"
    "SPF evaluation ends with a permanent error and the mail is treated as if\n"
    "it had no valid SPF at all, which DMARC then counts as a failure. It\n"
    "usually happens when a second sending service is set up and its\n"
    "instructions say \"add this TXT record\".\n"
    "\n"
    "Merge the mechanisms into one record.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    @  3600 IN TXT \"v=spf1 include:_spf.google.com ~all\"\n"
    "    @  3600 IN TXT \"v=spf1 include:amazonses.com ~all\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    @  3600 IN TXT \"v=spf1 include:_spf.google.com include:amazonses.com ~all\"\n";

/* ---- the joined value --------------------------------------------------- */

#define MAX_JOINED 65536 /* a TXT record's RDATA is at most 65535 bytes */

struct scratch {
    char buf[MAX_JOINED];
};

void zl_txt_check_begin(struct zl_txt_check *c, const struct zl_record *rec, struct zl_ctx *ctx,
                        const struct zl_rule *rule)
{
    struct scratch **slot = (struct scratch **)zl_ctx_state(ctx, rule);
    if (!*slot)
        *slot = zl_ctx_alloc_raw(ctx, sizeof **slot); /* written before it is read */
    size_t n = zl_txt_join(rec, (*slot)->buf, MAX_JOINED, NULL);
    c->rec = rec;
    c->ctx = ctx;
    c->rule = rule;
    c->pats = zl_ctx_patterns(ctx);
    c->v = (*slot)->buf;
    c->n = n < MAX_JOINED ? n : MAX_JOINED;
    /* Zeroes after the value: PCRE2's JIT code may look a few bytes past
     * a subject (harmless, but never at bytes nothing wrote). */
    memset((*slot)->buf + c->n, 0, MAX_JOINED - c->n < 16 ? MAX_JOINED - c->n : 16);
}

void zl_txt_check_report(struct zl_txt_check *c, size_t off, size_t len, bool soft, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    struct zl_span sp = zl_txt_span(c->rec, off, len);
    struct zl_diag *d = zl_report(c->ctx, c->rule, &sp, "%s", msg);
    if (soft && d && d->severity == c->rule->severity && d->severity > ZL_SEV_INFO)
        d->severity = (enum zl_severity)(d->severity - 1);
}

size_t zl_txt_prefix(const struct zl_record *rec, char *out, size_t cap)
{
    size_t n = zl_txt_join(rec, out, cap, NULL);
    return n < cap ? n : cap;
}

bool zl_spf_is_record(const char *v, size_t n)
{
    return zl_ascii_has_prefix(v, n, "v=spf1") && (n == 6 || v[6] == ' ');
}

/* ---- spf-multiple ------------------------------------------------------------ */

uint32_t zl_owner_set_seen(struct zl_ctx *ctx, struct zl_owner_set *s, uint64_t key, const struct zl_span *at,
                           struct zl_span *first)
{
    if ((s->used + 1) * 2 > s->cap) {
        /* one block (keys, sources, lines), the old one freed */
        size_t cap = s->cap ? s->cap * 2 : 64;
        void *block = zl_ctx_block(ctx, cap * (sizeof *s->keys + sizeof *s->srcs + sizeof *s->lines));
        uint64_t *keys = block;
        const struct zl_source **srcs = (const struct zl_source **)(keys + cap);
        uint32_t *lines = (uint32_t *)(srcs + cap);
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->keys[i])
                continue;
            size_t j = s->keys[i] & (cap - 1);
            while (keys[j])
                j = (j + 1) & (cap - 1);
            keys[j] = s->keys[i];
            lines[j] = s->lines[i];
            srcs[j] = s->srcs[i];
        }
        zl_ctx_block_free(ctx, s->keys);
        s->keys = keys;
        s->lines = lines;
        s->srcs = srcs;
        s->cap = cap;
    }
    size_t j = key & (s->cap - 1);
    while (s->keys[j]) {
        if (s->keys[j] == key) {
            if (first) {
                memset(first, 0, sizeof *first);
                first->src = s->srcs[j];
                first->line = s->lines[j];
            }
            return s->lines[j] ? s->lines[j] : 1;
        }
        j = (j + 1) & (s->cap - 1);
    }
    s->keys[j] = key;
    s->lines[j] = at ? at->line : 0;
    s->srcs[j] = at ? at->src : NULL;
    s->used++;
    return 0;
}

static void spf_multiple(const struct zl_record *rec, struct zl_ctx *ctx)
{
    char pre[8];
    size_t n = zl_txt_prefix(rec, pre, 7);
    if (!zl_spf_is_record(pre, n))
        return;
    const struct zl_rule *rule = ZL_RULE_REF(ZL4101);
    struct zl_owner_set **slot = (struct zl_owner_set **)zl_ctx_state(ctx, rule);
    if (!*slot)
        *slot = zl_ctx_alloc(ctx, sizeof **slot);
    struct zl_span first;
    if (!zl_owner_set_seen(ctx, *slot, zl_ctx_owner_hash(ctx, rec), &rec->span, &first))
        return;
    char owner[ZL_NAME_TEXT_MAX], ref[ZL_LINE_REF_MAX];
    zl_name_to_text(&rec->owner, owner);
    struct zl_span sp = zl_txt_span(rec, 0, 6);
    struct zl_diag *d = zl_report(ctx, rule, &sp,
                                  "second SPF record at '%s' (the first is at %s): with more "
                                  "than one v=spf1 record SPF fails with a permanent error",
                                  owner, zl_line_ref(&first, &sp, ref, sizeof ref));
    if (d)
        zl_diag_add_note(d, "merge the mechanisms into one record (RFC 7208 3.2)");
}

/* ---- the pass ------------------------------------------------------------------- */

void zl_mail_policy_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    if (zl_ctx_enabled(ctx, ZL_RULE_REF(ZL4101)))
        spf_multiple(rec, ctx);
    if (zl_ctx_enabled(ctx, ZL_RULE_REF(ZL4102)))
        zl_spf_syntax_record(rec, ctx);
    if (zl_ctx_enabled(ctx, ZL_RULE_REF(ZL4103)))
        zl_dmarc_syntax_record(rec, ctx);
}
