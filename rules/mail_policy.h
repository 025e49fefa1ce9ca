/* SPDX-License-Identifier: MIT */
/* Shared by the mail-policy rules (rules/mail_policy.c, spf.c, dmarc.c):
 * a TXT record's strings joined as receivers join them, and findings at
 * byte ranges of that value, pointing into the strings as written. */
#ifndef ZL_MAIL_POLICY_H
#define ZL_MAIL_POLICY_H

#include <stdbool.h>
#include <stddef.h>

#include "lint/engine.h"
#include "lint/patterns.h"
#include "rdata/record.h"

struct zl_txt_check {
    const struct zl_record *rec;
    struct zl_ctx *ctx;
    const struct zl_rule *rule;
    const struct zl_patterns *pats;
    const char *v;           /* the joined value */
    size_t n;
};

/* Joins rec's strings into the rule's scratch buffer and fills c. */
void zl_txt_check_begin(struct zl_txt_check *c, const struct zl_record *rec, struct zl_ctx *ctx,
                        const struct zl_rule *rule);
/* A finding of c->rule at joined bytes [off, off+len). Findings the RFC
 * does not call fatal are `soft`: one level below the rule's severity,
 * unless the user changed that severity (then theirs holds). */
void zl_txt_check_report(struct zl_txt_check *c, size_t off, size_t len, bool soft, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* The first cap bytes of the joined value, without joining all of it. */
size_t zl_txt_prefix(const struct zl_record *rec, char *out, size_t cap);
/* Owners seen once (open addressing on 64-bit name hashes, in the file's
 * memory): the line of an earlier record of this owner (and its place in
 * *first, when first is not NULL), or 0 after remembering this one, at at
 * (NULL: a look-up that remembers no place) (spf-multiple, dmarc-multiple). */
struct zl_owner_set {
    uint64_t *keys;
    uint32_t *lines;
    const struct zl_source **srcs;
    size_t cap, used;
};
uint32_t zl_owner_set_seen(struct zl_ctx *ctx, struct zl_owner_set *s, uint64_t key, const struct zl_span *at,
                           struct zl_span *first);
/* v starts a v=spf1 record. */
bool zl_spf_is_record(const char *v, size_t n);

/* The passes' parts, run by zl_mail_policy_record. */
void zl_spf_syntax_record(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_dmarc_syntax_record(const struct zl_record *rec, struct zl_ctx *ctx);

#endif
