/* What rules/rules.def needs declared: each rule's explanation text and
 * hooks, plus an enum so code can name a rule without a lookup:
 * ZL_RULE_REF(ZL1001) is &zl_rules[ZL_RULE_ZL1001]. */
#ifndef ZL_RULES_H
#define ZL_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rule.h"

/* Index of every rule in zl_rules[], in rules.def order. */
enum zl_rule_id {
#define ZL_RULE(code, id, ...) ZL_RULE_##code,
#include "rules.def"
#undef ZL_RULE
    ZL_RULE__COUNT
};

#define ZL_RULE_REF(code) (&zl_rules[ZL_RULE_##code])

/* Explanations: paragraphs of plain text; examples are indented by four
 * spaces and introduced by "Bad:" and "Good:" lines. */
#define ZL_RULE(code, id, ...) extern const char zl_explain_##id[];
#include "rules.def"
#undef ZL_RULE

/* Hooks. A hook is named in rules.def only when it exists, and NULL cannot
 * be declared, so each rule file's author adds its prototypes here, e.g.
 *   extern const uint16_t zl_types_cname_and_other[];
 *   void zl_check_cname_and_other(const struct zl_record *rec, struct zl_ctx *ctx);
 * (syntax and unused-suppression have none: the parser and the suppression
 * engine report them.) */

/* ZL5xxx Amazon SES (rules/ses_*.c) */
extern const uint16_t zl_types_ses_cname[];
extern const uint16_t zl_types_ses_txt[];
extern const uint16_t zl_types_ses_mail[];
extern const uint16_t zl_types_ses_key[];
struct zl_record;
struct zl_zone;
struct zl_ctx;
void zl_check_ses_dkim_target(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_ses_dkim_token_length(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_ses_dkim_token_charset(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_ses_dkim_token_case(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_ses_dkim_token_mismatch(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_ses_dkim_missing_dot(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_ses_dkim_swapped(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_ses_dkim_as_txt(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_ses_dkim_set(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_zone_ses_dkim_set(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_check_ses_verify_token(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_ses_verify_owner(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_ses_mail_from_mx(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_zone_ses_mail_from_mx(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_check_ses_mail_from_spf(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_zone_ses_mail_from_spf(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_check_ses_dmarc_strict(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_zone_ses_dmarc_strict(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_check_ses_dkim_key(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_ses_dkim_key_size(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_zone_ses_dkim_key_size(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_check_ses_dkim_key_split(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_ses_byodkim_selector(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_zone_ses_byodkim_selector(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_check_ses_cloudflare_proxied(const struct zl_record *rec, struct zl_ctx *ctx);

/* ZL51xx sender packs (rules/sender_packs.c): one engine, one family */
extern const uint16_t zl_types_sender[];
#define ZL_SENDER_HOOK_DECL(name)                                                  \
    void zl_check_##name(const struct zl_record *rec, struct zl_ctx *ctx);          \
    void zl_check_zone_##name(const struct zl_zone *zone, struct zl_ctx *ctx);
ZL_SENDER_HOOK_DECL(sender_placement)
ZL_SENDER_HOOK_DECL(sender_record_type)
ZL_SENDER_HOOK_DECL(sender_dkim_target)
ZL_SENDER_HOOK_DECL(sender_value)
ZL_SENDER_HOOK_DECL(sender_link)
ZL_SENDER_HOOK_DECL(sender_set)
ZL_SENDER_HOOK_DECL(sender_proxied)
ZL_SENDER_HOOK_DECL(sender_target_origin)
ZL_SENDER_HOOK_DECL(sender_owner_origin)
ZL_SENDER_HOOK_DECL(sender_stray_characters)
#undef ZL_SENDER_HOOK_DECL

/* ZL2xxx-ZL4xxx generic record, zone and mail-policy rules */
struct zl_record;
struct zl_zone;
struct zl_ctx;
extern const uint16_t zl_types_target_relative_external[];
extern const uint16_t zl_types_cname[];
extern const uint16_t zl_types_txt[];
void zl_check_name_doubled_origin(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_target_relative_external(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_zone_target_relative_external(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_check_value_stray_characters(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_zone_missing_soa(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_zone_missing_ns(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_check_out_of_zone(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_zone_cname_and_other_data(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_check_cname_at_apex(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_zone_cname_multiple(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_zone_target_is_cname(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_zone_duplicate_record(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_zone_rrset_ttl_mismatch(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_check_spf_multiple(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_spf_syntax(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_dmarc_syntax(const struct zl_record *rec, struct zl_ctx *ctx);
/* rules/dialect.c: provider-export dialects */
extern const uint16_t zl_types_export_placeholder[];
void zl_check_export_placeholder(const struct zl_record *rec, struct zl_ctx *ctx);
/* rules/ses_crosscheck.c: --ses-identity and --expect-ns cross-checks */
extern const uint16_t zl_types_ses_crosscheck[];
void zl_check_ns_delegation_mismatch(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_zone_ns_delegation_mismatch(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_check_ses_identity_missing(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_zone_ses_identity_missing(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_check_ses_identity_mismatch(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_zone_ses_identity_mismatch(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_check_ses_identity_wrong_name(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_zone_ses_identity_wrong_name(const struct zl_zone *zone, struct zl_ctx *ctx);
void zl_check_ses_identity_soa(const struct zl_record *rec, struct zl_ctx *ctx);
void zl_check_zone_ses_identity_soa(const struct zl_zone *zone, struct zl_ctx *ctx);
/* rules/target_relative_external.c, for its unit test */
bool zl_is_public_tld(const char *label, size_t n);
bool zl_public_tld_tables_sorted(void);

#endif
