/* SPDX-License-Identifier: MIT */
/* Amazon SES data: regions, signing domains, the shape of tokens.
 *
 * The region lists change as AWS opens regions, so they are data here and
 * nowhere else. Sources: AWS General Reference "Amazon SES endpoints and
 * quotas" (#ses_dkim_domains) and the SES developer guide (regions.md, the
 * 2023 snapshot), completed with the regions of the SESv2
 * SigningAttributesOrigin enum. */
#include "ses_data.h"

#include <stdio.h>
#include "rdata/types.h"

#include <string.h>

#include "base/ascii.h"

const char *const zl_ses_dkim_regions[] = {
    "af-south-1", "ap-northeast-3", "ap-south-2", "ap-southeast-3", "ap-southeast-5",
    "ca-west-1", "eu-central-2", "eu-south-1", "il-central-1", "me-central-1",
    "us-gov-east-1", NULL,
};

const char *const zl_ses_feedback_regions[] = {
    "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-south-1",
    "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1",
    "ap-southeast-2", "ca-central-1", "eu-central-1", "eu-west-1", "eu-west-2",
    "eu-west-3", "eu-south-1", "eu-north-1", "me-south-1", "sa-east-1", "us-gov-west-1",
    /* regions opened later, same endpoint pattern */
    "ap-south-2", "ap-southeast-3", "ap-southeast-5", "ca-west-1", "eu-central-2",
    "il-central-1", "me-central-1", "us-gov-east-1", NULL,
};

const char *const zl_ses_inbound_regions[] = {
    "us-east-1", "us-west-2", "eu-west-1", NULL,
};

const char *const zl_ses_esp_domains[] = {
    "amazonses.com", "acm-validations.aws", "sendgrid.net", "mcsv.net", "mandrillapp.com",
    "mailgun.org", "mgsend.org", "mailgun.com", "mtasv.net", "onmicrosoft.com",
    "dkim.mail.microsoft", "zmverify.zoho.com", "dv.googlehosted.com", NULL,
};

/* AWS's regions (ec2 describe-regions, 2025), with GovCloud, China and the
 * European Sovereign Cloud. */
const char *const zl_aws_regions[] = {
    "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
    "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "cn-north-1",
    "cn-northwest-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
    "eu-west-1", "eu-west-2", "eu-west-3", "eusc-de-east-1", "il-central-1", "me-central-1",
    "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-gov-east-1",
    "us-gov-west-1", "us-west-1", "us-west-2", NULL,
};

bool zl_aws_region(const uint8_t *s, size_t n)
{
    return zl_ascii_in_list(zl_aws_regions, s, n);
}

static void nearest_in(const char *const *list, const uint8_t *s, size_t n, unsigned *best, const char **names,
                       size_t *nn, size_t cap)
{
    for (size_t i = 0; list[i]; i++) {
        unsigned d = zl_ascii_distance(s, n, list[i], 2);
        if (d > 2 || d > *best)
            continue;
        if (d < *best) {
            *best = d;
            *nn = 0;
        }
        bool dup = false;
        for (size_t k = 0; k < *nn && !dup; k++)
            dup = strcmp(names[k], list[i]) == 0;
        if (!dup && *nn < cap)
            names[(*nn)++] = list[i];
    }
}

bool zl_ses_region_nearest(const uint8_t *s, size_t n, char *out, size_t cap)
{
    const char *names[4];
    size_t nn = 0;
    unsigned best = 3;
    nearest_in(zl_ses_feedback_regions, s, n, &best, names, &nn, 4);
    nearest_in(zl_ses_dkim_regions, s, n, &best, names, &nn, 4);
    if (!nn)
        return false;
    size_t o = 0;
    out[0] = '\0';
    for (size_t k = 0; k < nn && o + 1 < cap; k++)
        o += (size_t)snprintf(out + o, cap - o, "%s%s", k ? (k + 1 == nn ? " or " : ", ") : "", names[k]);
    return true;
}

const char *const zl_ses_link_tracking_targets[] = {
    "sendgrid.net", "mailgun.org", "eu.mailgun.org", "mandrillapp.com", NULL,
};

bool zl_ses_region_known(const uint8_t *s, size_t n)
{
    return zl_ascii_in_list(zl_ses_feedback_regions, s, n) || zl_ascii_in_list(zl_ses_dkim_regions, s, n) ||
           zl_ascii_in_list(zl_ses_inbound_regions, s, n);
}

bool zl_ses_region_shaped(const uint8_t *s, size_t n)
{
    /* letters '-' (letters '-')+ digits: two or more letter parts, a number last */
    size_t i = 0, parts = 0;
    while (i < n) {
        size_t st = i;
        while (i < n && zl_ascii_lower(s[i]) >= 'a' && zl_ascii_lower(s[i]) <= 'z')
            i++;
        if (i == st || i == n || s[i] != '-')
            break;
        i++;
        parts++;
    }
    if (parts < 2 || i >= n)
        return false;
    for (; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

bool zl_ses_is_signing_domain(const struct zl_name *n, unsigned from)
{
    const uint8_t *l = zl_name_label(n, from);
    if (!zl_name_label_is(l, "dkim"))
        return false;
    unsigned rest = n->nlabels - from;
    if (rest == 3)
        return zl_name_label_is(zl_name_label(n, from + 1), "amazonses") &&
               zl_name_label_is(zl_name_label(n, from + 2), "com");
    if (rest == 4) {
        const uint8_t *r = zl_name_label(n, from + 1);
        return zl_ascii_in_list(zl_ses_dkim_regions, r + 1, r[0]) &&
               zl_name_label_is(zl_name_label(n, from + 2), "amazonses") &&
               zl_name_label_is(zl_name_label(n, from + 3), "com");
    }
    return false;
}

/* a and b (case-insensitive) differ by at most one insertion, deletion,
 * substitution or swap of neighbours. */
bool zl_ses_one_edit(const uint8_t *a, size_t an, const char *b)
{
    size_t bn = strlen(b);
    if (an + 1 < bn || an > bn + 1)
        return false;
    size_t i = 0;
    while (i < an && i < bn && zl_ascii_lower(a[i]) == (uint8_t)b[i])
        i++;
    if (i == an && i == bn)
        return true;
    const uint8_t *ra = a + i;
    const char *rb = b + i;
    size_t na = an - i, nb = bn - i;
    if (na == nb) {
        if (na >= 2 && zl_ascii_lower(ra[0]) == (uint8_t)rb[1] && zl_ascii_lower(ra[1]) == (uint8_t)rb[0] &&
            zl_ascii_eq(ra + 2, (const uint8_t *)rb + 2, na - 2))
            return true; /* swapped neighbours */
        return zl_ascii_eq(ra + 1, (const uint8_t *)rb + 1, na - 1);
    }
    if (na > nb)
        return zl_ascii_eq(ra + 1, (const uint8_t *)rb, nb);
    return zl_ascii_eq(ra, (const uint8_t *)rb + 1, na);
}

bool zl_ses_amazonses_like(const uint8_t *s, size_t n)
{
    return zl_ascii_find((const char *)s, n, "amazonses") >= 0 || zl_ses_one_edit(s, n, "amazonses");
}

int zl_ses_find_amazonses(const struct zl_name *n)
{
    for (unsigned i = 0; i < n->nlabels; i++) {
        const uint8_t *l = zl_name_label(n, i);
        if (l[0] >= 8 && zl_ses_amazonses_like(l + 1, l[0]))
            return (int)i;
    }
    return -1;
}

/* Calls fn on each space-separated term of an SPF record after v=spf1. */
static bool spf_any_term(const char *v, size_t n, bool (*fn)(const char *t, size_t tl))
{
    for (size_t i = 0; i < n;) {
        while (i < n && (v[i] == ' ' || v[i] == '\t'))
            i++;
        size_t t = i;
        while (i < n && v[i] != ' ' && v[i] != '\t')
            i++;
        if (i > t && fn(v + t, i - t))
            return true;
    }
    return false;
}

static bool ses_include(const char *t, size_t tl)
{
    if (tl && t[0] == '+') {
        t++;
        tl--;
    }
    if (tl && t[tl - 1] == '.')
        tl--;
    return tl == 21 && zl_ascii_eq((const uint8_t *)t, (const uint8_t *)"include:amazonses.com", 21);
}

static bool delegating(const char *t, size_t tl)
{
    if (tl && (t[0] == '+' || t[0] == '-' || t[0] == '~' || t[0] == '?')) {
        t++;
        tl--;
    }
    return zl_ascii_has_prefix(t, tl, "include:") || zl_ascii_has_prefix(t, tl, "redirect=");
}

void zl_ses_spf_scan(const char *v, size_t n, bool *authorises, bool *delegates)
{
    *authorises = *delegates = false;
    for (size_t i = 0; i < n;) {
        while (i < n && (v[i] == ' ' || v[i] == '\t'))
            i++;
        size_t t = i;
        while (i < n && v[i] != ' ' && v[i] != '\t')
            i++;
        if (i == t)
            continue;
        if (ses_include(v + t, i - t))
            *authorises = true;
        else if (delegating(v + t, i - t))
            *delegates = true;
    }
    if (*authorises)
        *delegates = false;
}

bool zl_ses_spf_authorises(const char *v, size_t n)
{
    return spf_any_term(v, n, ses_include);
}

bool zl_ses_spf_delegates(const char *v, size_t n)
{
    return spf_any_term(v, n, delegating);
}

bool zl_ses_b32_char(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7');
}

bool zl_ses_tokenish(const uint8_t *s, size_t n)
{
    if (n < 31 || n > 33)
        return false;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = zl_ascii_lower(s[i]);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}
