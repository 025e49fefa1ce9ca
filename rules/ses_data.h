/* SPDX-License-Identifier: MIT */
/* Amazon SES data (regions, signing domains, token shapes), and the shared
 * helpers every ses_*.c rule uses, by include. */
#ifndef ZL_SES_DATA_H
#define ZL_SES_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "base/names.h"
#include "lint/engine.h"
#include "lint/list.h"
#include "rdata/record.h"
#include "rdata/txt.h"

/* ---- data --------------------------------------------------------------- */

/* Regions whose Easy DKIM records point to dkim.<region>.amazonses.com
 * (AWS General Reference, "Amazon SES endpoints", #ses_dkim_domains); every
 * other region uses dkim.amazonses.com. */
extern const char *const zl_ses_dkim_regions[];
/* Regions with an SES feedback endpoint feedback-smtp.<region>.amazonses.com
 * (SES developer guide, regions.md; newer regions follow the same pattern). */
extern const char *const zl_ses_feedback_regions[];
/* Regions where SES receives mail: inbound-smtp.<region>.amazonaws.com. */
extern const char *const zl_ses_inbound_regions[];

/* Target domains of sender DKIM and domain-verification CNAMEs (SES, ACM,
 * SendGrid, Mailchimp, Mandrill, Mailgun, Postmark, Microsoft 365, Zoho,
 * Google): such CNAMEs must be served as CNAMEs, never proxied. */
extern const char *const zl_ses_esp_domains[];

/* Click-tracking (link branding) hosts of those senders: SendGrid's
 * url<NNNN> and <account> CNAMEs point to sendgrid.net, Mailgun's
 * email.<domain> to mailgun.org or eu.mailgun.org, Mandrill's to
 * mandrillapp.com. Proxying those is a documented setup (the sender serves
 * HTTPS through it); it breaks nothing a sender verifies. */
extern const char *const zl_ses_link_tracking_targets[];

/* Every AWS region (all partitions, 2025), SES or not: a region-shaped name
 * that is none of them is a typo, not a new region (AWS names new regions
 * rarely, and this list is data to update when it does). */
extern const char *const zl_aws_regions[];
bool zl_aws_region(const uint8_t *s, size_t n);
/* For a region name that is no AWS region: the SES regions nearest to it,
 * at most two edits away ("eu-west-1 or us-east-1" for "eu-east-1"), into
 * out; false when none is that near. */
bool zl_ses_region_nearest(const uint8_t *s, size_t n, char *out, size_t cap);

/* Any SES region zonelint knows (the union of the lists above). */
bool zl_ses_region_known(const uint8_t *s, size_t n);
/* Looks like an AWS region name: "us-east-1", "us-gov-west-1", "ap-southeast-5". */
bool zl_ses_region_shaped(const uint8_t *s, size_t n);

/* True when n from label `from` on is exactly dkim.amazonses.com. or
 * dkim.<region>.amazonses.com. for a region that has its own DKIM domain. */
bool zl_ses_is_signing_domain(const struct zl_name *n, unsigned from);
/* A label that names amazonses, however mangled: "amazonses" itself, a
 * misspelling of it (one letter added, lost or changed, or two swapped:
 * "amazoneses", "amazonse", "amazomses"), or a label that contains it
 * ("dkimamazonses"). Decides whether a CNAME is SES's at all: senders that
 * run on SES under their own DKIM domain (Stripe, Howie) never match. */
bool zl_ses_amazonses_like(const uint8_t *s, size_t n);
/* a[0..an) and the lowercase word b differ by at most one insertion,
 * deletion, substitution or swap of neighbours (ASCII case ignored). */
bool zl_ses_one_edit(const uint8_t *a, size_t an, const char *b);
/* Index of the first amazonses-like label of n, or -1. */
int zl_ses_find_amazonses(const struct zl_name *n);
/* An SPF record (v[0..n), strings joined) that authorises SES: a term
 * include:amazonses.com with the pass qualifier (+ or none), in any case,
 * with or without the trailing dot RFC 7208 7.1 allows. A longer name
 * (include:amazonses.com.evil.example) is not SES. */
bool zl_ses_spf_authorises(const char *v, size_t n);
/* The SPF record hands part of its answer to records elsewhere (include:,
 * redirect=): whether those authorise SES is not in this zone. */
bool zl_ses_spf_delegates(const char *v, size_t n);
/* Both in one pass over the terms. */
void zl_ses_spf_scan(const char *v, size_t n, bool *authorises, bool *delegates);
/* Characters of an Easy DKIM token: lowercase base32 [a-z2-7]. */
bool zl_ses_b32_char(uint8_t c);
/* A label that may be an SES DKIM token, however mangled: 31-33 letters or
 * digits (used only to decide whether a record is SES-shaped at all). */
bool zl_ses_tokenish(const uint8_t *s, size_t n);

#endif
