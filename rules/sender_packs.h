/* SPDX-License-Identifier: MIT */
/* Which mail sender a record belongs to, for any rule: the sender packs
 * (senders/NAME.yaml, src/senders.h) know each sender's record shapes, so a
 * rule about one sender can leave another's records alone. The SES rules,
 * for example, should not judge Stripe's
 *   <tok>._domainkey CNAME <tok>.dkim.custom-email-domain.stripe.com.
 * as a broken SES DKIM record: zl_sender_of() says "stripe".
 *
 * Classification looks at one record: the target's domain, a TXT prefix, or
 * a distinctive owner (google._domainkey), then the pack's patterns. It is
 * tolerant of the mistakes the sender-* rules report (a doubled zone name,
 * a missing trailing dot, pasted quotes, a CNAME value in a TXT record), so
 * a broken record still says whose it is. Records that only context can
 * attribute (Resend's MAIL FROM MX looks like any SES one) classify as the
 * sender they look like (ses). */
#ifndef ZL_SENDER_PACKS_H
#define ZL_SENDER_PACKS_H

#include <stdbool.h>
#include <stddef.h>

#include "lint/engine.h"
#include "rdata/record.h"
#include "lint/senders.h"

struct zl_sender_hit {
    const struct zl_sender_pack *pack;
    const struct zl_sender_entry *entry; /* which record of the pack */
    size_t pack_index;                   /* in the registry (zl_ctx_senders) */
    size_t entry_index;
    bool exact;   /* owner, value and type are the documented ones */
};

/* The sender rec belongs to; false when none of the packs knows it. An SPF
 * record that includes several senders gives the first. */
bool zl_sender_of(struct zl_ctx *ctx, const struct zl_record *rec, struct zl_sender_hit *out);
/* Shorthand: the pack id ("stripe", "ses", ...) or NULL. */
const char *zl_sender_id_of(struct zl_ctx *ctx, const struct zl_record *rec);
/* The same against a registry, outside a rule (tests, tools). */
bool zl_sender_classify(struct zl_senders *s, const struct zl_record *rec, struct zl_sender_hit *out);

#endif
