/* SPDX-License-Identifier: MIT */
/* Dialect names and detection. What each dialect changes is done by the
 * parser (src/input/parser.c, "dialects" section); this file only recognises them.
 *
 *   cloudflare    ";; Domain:" + ";; Exported:" header. No $ORIGIN (or
 *                 "$ORIGIN ." with an "@" SOA in 2016-2018 exports): the zone
 *                 is the header's. The SOA owner is the zone name without
 *                 its trailing dot and means the zone, not zone.zone. TTL 1 is
 *                 "automatic", served as 300. "; cf_tags=..." trailing
 *                 comments are record metadata (rec->comment).
 *   godaddy       "; Domain:" + "; Exported (y-m-d hh:mm:ss):" header. The
 *                 zone is the header's when there is no $ORIGIN (older
 *                 exports). "@" as the last label ("_sip._tls.@") means the
 *                 origin. Website-builder pseudo-records ("@ 600 IN A
 *                 GoCentral Published Site", "Parked") get one clear error.
 *   azure         "; Exported zone file from Azure DNS" header with
 *                 "Zone name:". Nothing is read differently; the header's
 *                 zone is checked against $ORIGIN.
 *   gcloud        no header (dnspython output, every name absolute, no
 *                 $ORIGIN): recognised from a Cloud DNS SOA.
 *   digitalocean,
 *   hetzner       plain BIND; recognised from the SOA's name server.
 *   cli53         "AWS ALIAS" pseudo-records are read and skipped; "; AWS
 *                 routing=... identifier=..." comments make records with
 *                 different identifiers separate record sets, as in Route 53.
 *
 * Without a header nothing changes: plain BIND reads "_sip._tls.@" and an
 * SOA owner without a dot literally, and "AWS" is an unknown type. */
#include "input/dialect.h"

#include <string.h>
#include <strings.h>

#include "base/source.h"

static const char *const names[ZL_DIALECT__COUNT] = {
    [ZL_DIALECT_AUTO] = "auto",
    [ZL_DIALECT_BIND] = "bind",
    [ZL_DIALECT_CLOUDFLARE] = "cloudflare",
    [ZL_DIALECT_GODADDY] = "godaddy",
    [ZL_DIALECT_AZURE] = "azure",
    [ZL_DIALECT_GCLOUD] = "gcloud",
    [ZL_DIALECT_DIGITALOCEAN] = "digitalocean",
    [ZL_DIALECT_HETZNER] = "hetzner",
    [ZL_DIALECT_CLI53] = "cli53",
};

const char *zl_dialect_name(enum zl_dialect d)
{
    return (unsigned)d < ZL_DIALECT__COUNT ? names[d] : "bind";
}

int zl_dialect_from_name(const char *s, enum zl_dialect *out)
{
    for (unsigned i = 0; i < ZL_DIALECT__COUNT; i++)
        if (strcasecmp(s, names[i]) == 0) {
            *out = (enum zl_dialect)i;
            return 0;
        }
    return -1;
}

const char *zl_dialect_names(void)
{
    return "auto, bind, cloudflare, godaddy, azure, gcloud, digitalocean, hetzner, cli53";
}

const char *zl_source_dialect(const struct zl_source *src)
{
    if (!src)
        return NULL;
    while (src->parent)
        src = src->parent;
    /* 0: not read by the master-file parser (a JSON or YAML export). */
    return src->dialect ? zl_dialect_name((enum zl_dialect)src->dialect) : NULL;
}

/* ---- header comments ------------------------------------------------------ */

enum {
    CF_DOMAIN = 1 << 0,
    CF_EXPORTED = 1 << 1,
    GD_DOMAIN = 1 << 2,
    GD_EXPORTED = 1 << 3,
    AZ_EXPORTED = 1 << 4,
};

static size_t skip_blank(const char *t, size_t i, size_t n)
{
    while (i < n && (t[i] == ' ' || t[i] == '\t'))
        i++;
    return i;
}

/* Does t[i..n) start with word? */
static bool starts(const char *t, size_t i, size_t n, const char *word)
{
    size_t k = strlen(word);
    return n - i >= k && strncasecmp(t + i, word, k) == 0;
}

/* The first blank-separated word from i: the zone name. */
static bool take_name(struct zl_dialect_header *h, const char *t, size_t i, size_t n)
{
    i = skip_blank(t, i, n);
    size_t e = i;
    while (e < n && t[e] != ' ' && t[e] != '\t')
        e++;
    if (e == i)
        return false;
    h->zone = t + i;
    h->zone_len = e - i;
    h->zone_col = i;
    return true;
}

bool zl_dialect_header_line(struct zl_dialect_header *h, const char *t, size_t n)
{
    bool named = false;
    /* Cloudflare doubles the ';' (";; Domain:"), GoDaddy does not. */
    bool dbl = n > 0 && t[0] == ';';
    size_t i = skip_blank(t, dbl ? 1 : 0, n);
    if (starts(t, i, n, "Domain:")) {
        h->seen |= dbl ? CF_DOMAIN : GD_DOMAIN;
        named = take_name(h, t, i + 7, n);
    } else if (dbl && starts(t, i, n, "Exported:")) {
        h->seen |= CF_EXPORTED;
    } else if (!dbl && starts(t, i, n, "Exported (y-m-d hh:mm:ss):")) {
        h->seen |= GD_EXPORTED;
    } else if (!dbl && starts(t, i, n, "Exported zone file from Azure DNS")) {
        h->seen |= AZ_EXPORTED;
    } else if (!dbl && starts(t, i, n, "Zone name:")) {
        named = take_name(h, t, i + 10, n);
    }
    if (h->dialect == ZL_DIALECT_AUTO) {
        if ((h->seen & (CF_DOMAIN | CF_EXPORTED)) == (CF_DOMAIN | CF_EXPORTED))
            h->dialect = ZL_DIALECT_CLOUDFLARE;
        else if ((h->seen & (GD_DOMAIN | GD_EXPORTED)) == (GD_DOMAIN | GD_EXPORTED))
            h->dialect = ZL_DIALECT_GODADDY;
        else if (h->seen & AZ_EXPORTED)
            h->dialect = ZL_DIALECT_AZURE;
    }
    return named;
}

/* ---- SOA ---------------------------------------------------------------------- */

/* Lower-case presentation text of n without the final dot. */
static size_t lower_text(const struct zl_name *n, char *out)
{
    size_t len = zl_name_to_text(n, out);
    if (len > 0 && out[len - 1] == '.')
        out[--len] = '\0';
    for (size_t i = 0; i < len; i++)
        if (out[i] >= 'A' && out[i] <= 'Z')
            out[i] = (char)(out[i] + 32);
    return len;
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0 && (n == k || s[n - k - 1] == '.');
}

enum zl_dialect zl_dialect_from_soa(const struct zl_name *mname, const struct zl_name *rname)
{
    /* Zeroed: gcc expands strcmp with a constant into 8-byte loads that run
     * past the NUL; the result is right, but valgrind (CI) sees a branch on
     * uninitialised bytes. Once per file, so the memset costs nothing. */
    char m[ZL_NAME_TEXT_MAX] = { 0 }, r[ZL_NAME_TEXT_MAX] = { 0 };
    size_t ml = lower_text(mname, m);
    lower_text(rname, r);
    /* Cloud DNS: ns-cloud-e1.googledomains.com. cloud-dns-hostmaster.google.com. */
    if ((ends_with(m, ml, "googledomains.com") && strncmp(m, "ns-cloud-", 9) == 0) ||
        strcmp(r, "cloud-dns-hostmaster.google.com") == 0)
        return ZL_DIALECT_GCLOUD;
    /* DigitalOcean: ns1.digitalocean.com. hostmaster.<zone> */
    if (ends_with(m, ml, "digitalocean.com"))
        return ZL_DIALECT_DIGITALOCEAN;
    /* Hetzner: hydrogen.ns.hetzner.com. dns.hetzner.com. (also .de) */
    if (ends_with(m, ml, "ns.hetzner.com") || ends_with(m, ml, "ns.hetzner.de") ||
        ends_with(m, ml, "your-server.de") || strcmp(r, "dns.hetzner.com") == 0)
        return ZL_DIALECT_HETZNER;
    return ZL_DIALECT_AUTO;
}

/* ---- cli53 ------------------------------------------------------------------ */

bool zl_dialect_cli53_routing(const char *t, size_t n, const char **id, size_t *id_len)
{
    size_t i = skip_blank(t, 0, n);
    if (!starts(t, i, n, "AWS routing="))
        return false;
    *id = "";
    *id_len = 0;
    /* identifier="One" (cli53 quotes it; accept a bare word too). */
    for (size_t k = i; k + 11 <= n; k++) {
        if (strncmp(t + k, "identifier=", 11) != 0 || (k > 0 && t[k - 1] != ' ' && t[k - 1] != '\t'))
            continue;
        size_t s = k + 11, e;
        if (s < n && t[s] == '"') {
            s++;
            for (e = s; e < n && t[e] != '"'; e++)
                if (t[e] == '\\' && e + 1 < n)
                    e++;
        } else {
            for (e = s; e < n && t[e] != ' ' && t[e] != '\t'; e++)
                ;
        }
        *id = t + s;
        *id_len = e - s;
        break;
    }
    return true;
}
