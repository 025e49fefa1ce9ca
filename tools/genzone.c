/* SPDX-License-Identifier: MIT */
/*
 * genzone - deterministic generator of a large, realistic zone file for
 * `make bench`.
 *
 *   genzone [-n RECORDS] [-s SEED] [-o ORIGIN] > zone
 *   genzone -V          print the generator version (bench.sh uses it to
 *                       decide whether a cached zone can be reused)
 *
 * The output is a pure function of (version, RECORDS, SEED, ORIGIN): the PRNG
 * is our own (splitmix64), nothing depends on time, locale or the C library's
 * rand(). Exactly RECORDS resource records are written, ~85 bytes each on
 * average, and the zone loads in `named-checkzone -i local` without errors:
 *   - every owner of a generated group carries a fresh counter, so no name
 *     is reused by accident (no CNAME-and-other-data, no duplicate RRs);
 *   - in-zone NS, MX and SRV targets always have address records;
 *   - nothing but glue is put below a delegation (no occluded data);
 *   - $ORIGIN only moves to subdomains of the origin (no out-of-zone data);
 *   - A/AAAA/MX owners and MX/NS/SRV targets are valid host names, so BIND's
 *     check-names (fail by default in named-checkzone) is happy.
 * When the budget left is smaller than the next group, single A records fill
 * it, so a group is never cut in half (e.g. a delegation without its glue).
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Bump whenever the output for given arguments changes. */
#define GENZONE_VERSION "2"

#define NAME_MAX_LEN 256
#define RING_SIZE 64
#define NBLOCKS 5

/* ---- PRNG: splitmix64, small and good enough for test data ---- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Uniform-enough integer in [0, n); the modulo bias is irrelevant here. */
static unsigned below(unsigned n)
{
    return (unsigned)(rnd() % n);
}

static int chance(unsigned percent)
{
    return below(100) < percent;
}

#define PICK(arr) ((arr)[below((unsigned)(sizeof(arr) / sizeof((arr)[0])))])

/* ---- vocabulary ---- */

static const char *const words[] = {
    "www", "app", "api", "web", "db", "cache", "vpn", "git", "ci", "shop",
    "blog", "cdn", "auth", "static", "img", "dev", "stage", "files", "portal",
    "ldap", "proxy", "lb", "monitor", "grafana", "wiki", "jira", "build",
    "node", "edge", "k8s", "search", "media", "status", "docs", "crm", "erp",
    "backup", "log", "metrics", "gw", "router", "printer", "cam", "nas",
};
static const char *const envs[] = { "prod", "stg", "dev", "qa", "int", "dmz" };
static const char *const host_comments[] = {
    "web frontend", "legacy, do not remove", "TODO: decommission",
    "managed by terraform", "see ticket OPS-1234", "temporary",
    "load balancer VIP", "owner: platform team",
};
static const char *const ext_cname_fmt[] = {
    "%s.cdn.cloudprovider.net.", "%s.azurewebsites.net.",
    "%s.herokudns.com.", "%s.github.io.", "%s.edgekey.net.",
};
static const char *const mail_providers[] = {
    "mx1.mailprovider.net.", "mx2.mailprovider.net.", "aspmx.l.google.com.",
    "mx.mailhost.org.",
};
static const char *const srv_services[] = {
    "_sip._tcp", "_sips._tcp", "_xmpp-server._tcp", "_xmpp-client._tcp",
    "_ldap._tcp", "_imaps._tcp", "_submission._tcp", "_caldavs._tcp",
};
static const unsigned srv_ports[] = { 5060, 5061, 5269, 5222, 389, 993, 587, 443 };
static const char *const dkim_selectors[] = {
    "google", "selector1", "selector2", "s1", "k1", "mail", "dkim", "mx",
};
static const char *const ttl_numbers[] = { "300", "600", "3600", "86400", "60", "1800" };
static const char *const ttl_units[] = { "5m", "1h", "1d", "30m", "1h30m", "2h", "1w" };
static const char *const sub_origins[NBLOCKS] = { "eu", "us-east", "lab", "corp", "staging" };

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* ---- state ---- */

static char origin[NAME_MAX_LEN];   /* zone origin, absolute            */
static char mailbox_domain[NAME_MAX_LEN]; /* origin without the final dot */
static char cur_origin[NAME_MAX_LEN];     /* current $ORIGIN, absolute      */
static int cur_block;                /* -1 main part, else sub-origin block */
static unsigned long counter;        /* makes every generated name unique */
static unsigned long long remaining; /* records still to write            */
static int tab_style;                /* column style of the current section */

/* Recently created hosts with addresses: targets for CNAME/MX/SRV. */
struct host {
    char rel[NAME_MAX_LEN]; /* relative to the $ORIGIN it was written under */
    char abs[NAME_MAX_LEN];
    int block;
};
static struct host ring[RING_SIZE];
static unsigned ring_len, ring_next;

/* out = a + b + c. Names are bounded, so running out of room is a bug. */
static void join3(char *out, size_t size, const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    if (la + lb + lc >= size) {
        fprintf(stderr, "genzone: internal error: name too long\n");
        exit(1);
    }
    memcpy(out, a, la);
    memcpy(out + la, b, lb);
    memcpy(out + la + lb, c, lc + 1);
}

/* rel + "." + current origin (never the root: main() rejects it). */
static void absolute(char *out, size_t size, const char *rel)
{
    join3(out, size, rel, ".", cur_origin);
}

static void remember_host(const char *rel)
{
    struct host *h = &ring[ring_next];
    join3(h->rel, sizeof h->rel, rel, "", "");
    absolute(h->abs, sizeof h->abs, rel);
    h->block = cur_block;
    ring_next = (ring_next + 1) % RING_SIZE;
    if (ring_len < RING_SIZE)
        ring_len++;
}

/* A known host name as rdata target: relative when it was written under the
 * current $ORIGIN (and by chance), else absolute. */
static const char *host_target(void)
{
    const struct host *h = &ring[below(ring_len)];
    if (h->block == cur_block && chance(60))
        return h->rel;
    return h->abs;
}

/* Fresh label "word-123"; sometimes with an environment label below it.
 * Note: every random draw is its own statement throughout this file. The
 * order in which function arguments are evaluated is unspecified (gcc and
 * clang differ), so two draws in one call would make the output depend on
 * the compiler. */
static void fresh_name(char *out, size_t size, int allow_env)
{
    counter++;
    const char *word = PICK(words);
    if (allow_env && chance(12)) {
        const char *env = PICK(envs);
        snprintf(out, size, "%s-%lu.%s", word, counter, env);
    } else if (chance(20)) {
        snprintf(out, size, "%s%lu", word, counter);
    } else {
        snprintf(out, size, "%s-%lu", word, counter);
    }
}

/* Owner as written: relative, or absolute 20% of the time. */
static const char *owner_form(char *buf, size_t size, const char *rel)
{
    if (chance(20)) {
        absolute(buf, size, rel);
        return buf;
    }
    return rel;
}

/* TTL column for a new RRset owner: "" (implicit, $TTL), number, or units. */
static const char *pick_ttl(void)
{
    unsigned r = below(100);
    if (r < 60)
        return "";
    if (r < 90)
        return PICK(ttl_numbers);
    return PICK(ttl_units);
}

/*
 * One resource record line. owner "" continues the previous owner (the line
 * starts with blanks), ttl "" leaves the TTL implicit. Layout varies per
 * section (aligned spaces or tabs) and per line (class omitted, class
 * before TTL, trailing comment) to exercise the parser like real zones do.
 */
static void rr(const char *owner, const char *ttl, const char *type,
               const char *comment, const char *fmt, ...)
{
    char rdata[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rdata, sizeof rdata, fmt, ap);
    va_end(ap);

    unsigned r = below(100);
    const char *cls = r < 4 ? "" : "IN";
    int class_first = r >= 4 && r < 8 && ttl[0] != '\0';

    if (tab_style) {
        fputs(owner, stdout);
        if (class_first)
            printf("\t%s\t%s", cls, ttl);
        else {
            if (ttl[0])
                printf("\t%s", ttl);
            if (cls[0])
                printf("\t%s", cls);
        }
        printf("\t%s\t%s", type, rdata);
    } else {
        printf("%-23s ", owner);
        if (class_first)
            printf("%-2s %-6s ", cls, ttl);
        else
            printf("%-6s %-2s ", ttl, cls);
        printf("%-5s %s", type, rdata);
    }
    if (comment)
        printf(" ; %s", comment);
    putchar('\n');
    remaining--;
}

static void random_ipv4(char *out, size_t size)
{
    unsigned a = 1 + below(223);
    if (a == 127)
        a = 128;
    unsigned b = below(256);
    unsigned c = below(256);
    unsigned d = 1 + below(254);
    snprintf(out, size, "%u.%u.%u.%u", a, b, c, d);
}

static void random_ipv6(char *out, size_t size)
{
    unsigned r = below(10), g[6];
    for (int i = 0; i < 6; i++)
        g[i] = below(0x10000);
    unsigned last = 1 + below(0xffff);
    if (r < 6)
        snprintf(out, size, "2001:db8:%x:%x::%x", g[0], g[1], last);
    else if (r < 9)
        snprintf(out, size, "2a01:4f8:%x:%x:%x:%x:%x:%x", g[0], g[1], g[2], g[3], g[4],
                 g[5]);
    else /* uncompressed, leading zeros: still valid */
        snprintf(out, size, "2001:0db8:%04x:0000:0000:0000:0000:%04x", g[0], last);
}

static void random_chars(char *out, size_t n, const char *alphabet, unsigned alen)
{
    for (size_t i = 0; i < n; i++)
        out[i] = alphabet[below(alen)];
    out[n] = '\0';
}

static void random_hex(char *out, size_t n)
{
    random_chars(out, n, "0123456789ABCDEF", 16);
}

/* ---- record groups; each returns after writing at most GROUP_MAX records ---- */

#define GROUP_MAX 6

/* A host: A, sometimes a second A and/or an AAAA on blank-owner lines. */
static void group_host(void)
{
    char rel[NAME_MAX_LEN], buf[NAME_MAX_LEN], ip[64];
    fresh_name(rel, sizeof rel, 1);
    const char *ttl = pick_ttl();
    const char *comment = chance(10) ? PICK(host_comments) : NULL;
    random_ipv4(ip, sizeof ip);
    rr(owner_form(buf, sizeof buf, rel), ttl, "A", comment, "%s", ip);
    if (chance(15)) { /* same RRset: same TTL column */
        random_ipv4(ip, sizeof ip);
        rr("", ttl, "A", NULL, "%s", ip);
    }
    if (chance(40)) {
        random_ipv6(ip, sizeof ip);
        rr("", chance(50) ? ttl : "", "AAAA", NULL, "%s", ip);
    }
    remember_host(rel);
}

static void group_cname(void)
{
    char rel[NAME_MAX_LEN], buf[NAME_MAX_LEN], target[NAME_MAX_LEN], tok[16];
    fresh_name(rel, sizeof rel, 1);
    if (chance(65)) {
        join3(target, sizeof target, host_target(), "", "");
    } else {
        random_chars(tok, 8, "abcdefghijklmnopqrstuvwxyz0123456789", 36);
        snprintf(target, sizeof target, PICK(ext_cname_fmt), tok);
    }
    const char *owner = owner_form(buf, sizeof buf, rel);
    const char *ttl = pick_ttl();
    const char *comment = chance(8) ? "alias" : NULL;
    rr(owner, ttl, "CNAME", comment, "%s", target);
}

static void group_txt(void)
{
    char rel[NAME_MAX_LEN], owner[NAME_MAX_LEN], tok[64];
    fresh_name(rel, sizeof rel, 0);
    unsigned r = below(5);
    switch (r) {
    case 0:
        join3(owner, sizeof owner, "_acme-challenge.", rel, "");
        random_chars(tok, 43, b64url, 64);
        rr(owner, "300", "TXT", NULL, "\"%s\"", tok);
        break;
    case 1:
        random_chars(tok, 43, b64url, 64);
        rr(rel, pick_ttl(), "TXT", NULL, "\"google-site-verification=%s\"", tok);
        break;
    case 2:
        join3(owner, sizeof owner, "_dmarc.", rel, "");
        rr(owner, "", "TXT", NULL,
           "\"v=DMARC1; p=%s; rua=mailto:dmarc-reports@%s; pct=100\"",
           chance(50) ? "reject" : "quarantine", mailbox_domain);
        break;
    case 3: /* SPF split over two strings on one line */
        {
            const char *ttl = pick_ttl();
            unsigned a = 1 + below(223);
            unsigned b = below(256);
            unsigned c = below(256);
            rr(rel, ttl, "TXT", NULL,
               "\"v=spf1 ip4:%u.%u.%u.0/24 \" \"include:_spf.mailprovider.net ~all\"", a, b,
               c);
        }
        break;
    default: /* two TXT records in one RRset, one with an escaped quote */
        random_chars(tok, 32, b64, 64);
        rr(rel, "", "TXT", NULL, "\"MS=ms%u\"", 10000000 + below(90000000));
        rr("", "", "TXT", NULL, "\"owner: \\\"web team\\\" (ref %.8s)\"", tok);
        break;
    }
}

/* Standard base64 of n bytes into out (4 * ceil(n / 3) chars + NUL). */
static void base64_encode(char *out, const unsigned char *in, size_t n)
{
    size_t i = 0, o = 0;
    for (; i + 2 < n; i += 3) {
        unsigned v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8 | in[i + 2];
        out[o++] = b64[v >> 18];
        out[o++] = b64[(v >> 12) & 63];
        out[o++] = b64[(v >> 6) & 63];
        out[o++] = b64[v & 63];
    }
    if (i < n) {
        unsigned v = (unsigned)in[i] << 16 | (i + 1 < n ? (unsigned)in[i + 1] << 8 : 0);
        out[o++] = b64[v >> 18];
        out[o++] = b64[(v >> 12) & 63];
        out[o++] = i + 1 < n ? b64[(v >> 6) & 63] : '=';
        out[o++] = '=';
    }
    out[o] = '\0';
}

/* DKIM: a well-formed 2048-bit RSA SubjectPublicKeyInfo (random modulus,
 * exponent 65537), 392 base64 chars split over two strings, sometimes
 * inside parentheses across lines. Well-formed so that a linter checking
 * the DER structure has nothing to report. */
static void group_dkim(void)
{
    static const unsigned char spki_head[33] = {
        0x30, 0x82, 0x01, 0x22, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48,
        0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00, 0x03, 0x82, 0x01,
        0x0f, 0x00, 0x30, 0x82, 0x01, 0x0a, 0x02, 0x82, 0x01, 0x01, 0x00,
    };
    static const unsigned char spki_tail[5] = { 0x02, 0x03, 0x01, 0x00, 0x01 };
    unsigned char der[294];
    char rel[NAME_MAX_LEN], owner[NAME_MAX_LEN], key[400];
    memcpy(der, spki_head, sizeof spki_head);
    for (size_t i = 0; i < 256; i++)
        der[33 + i] = (unsigned char)below(256);
    der[33] |= 0x80;  /* a 2048-bit modulus has its top bit set */
    der[33 + 255] |= 1; /* and is odd */
    memcpy(der + 289, spki_tail, sizeof spki_tail);
    base64_encode(key, der, sizeof der); /* 392 chars */

    counter++;
    if (chance(50))
        snprintf(owner, sizeof owner, "%s%lu._domainkey", PICK(dkim_selectors), counter);
    else {
        fresh_name(rel, sizeof rel, 0);
        join3(owner, sizeof owner, PICK(dkim_selectors), "._domainkey.", rel);
    }
    const char *ttl = pick_ttl();
    if (chance(50)) {
        /* first string: "v=DKIM1; k=rsa; p=" + 236 chars = 254 <= 255 */
        rr(owner, ttl, "TXT", NULL, "( \"v=DKIM1; k=rsa; p=%.236s\" \"%s\" )", key,
           key + 236);
    } else {
        /* the record continues on the next lines; rr() ends the first one */
        rr(owner, ttl, "TXT", NULL, "( \"v=DKIM1; k=rsa; p=%.236s\" ; part 1", key);
        printf("\t\"%s\" )\t; part 2\n", key + 236);
    }
}

/* Mail host with addresses, then a mail domain pointing at it. */
static void group_mail(void)
{
    char mx[NAME_MAX_LEN], dom[NAME_MAX_LEN], buf[NAME_MAX_LEN], ip[64];
    counter++;
    snprintf(mx, sizeof mx, "mx-%lu", counter);
    random_ipv4(ip, sizeof ip);
    rr(mx, pick_ttl(), "A", NULL, "%s", ip);
    if (chance(50)) {
        random_ipv6(ip, sizeof ip);
        rr("", "", "AAAA", NULL, "%s", ip);
    }
    remember_host(mx);

    fresh_name(dom, sizeof dom, 0);
    const char *ttl = pick_ttl();
    rr(owner_form(buf, sizeof buf, dom), ttl, "MX", NULL, "10 %s", mx);
    rr("", ttl, "MX", "backup", "20 %s", PICK(mail_providers));
    if (chance(50))
        rr("", "", "TXT", NULL, "\"v=spf1 mx include:_spf.mailprovider.net -all\"");
}

static void group_srv(void)
{
    char host[NAME_MAX_LEN], dom[NAME_MAX_LEN], owner[NAME_MAX_LEN], ip[64];
    counter++;
    snprintf(host, sizeof host, "srv-%lu", counter);
    random_ipv4(ip, sizeof ip);
    rr(host, "", "A", NULL, "%s", ip);
    remember_host(host);

    fresh_name(dom, sizeof dom, 0);
    unsigned s = below((unsigned)(sizeof srv_services / sizeof srv_services[0]));
    join3(owner, sizeof owner, srv_services[s], ".", dom);
    const char *ttl = pick_ttl();
    rr(owner, ttl, "SRV", NULL, "10 60 %u %s", srv_ports[s], host);
    if (chance(50))
        rr("", ttl, "SRV", NULL, "20 0 %u %s", srv_ports[s], host_target());
    else if (chance(10)) /* "service decidedly not available" */
        rr("", ttl, "SRV", NULL, "0 0 0 .");
}

static void group_caa(void)
{
    char dom[NAME_MAX_LEN];
    fresh_name(dom, sizeof dom, 0);
    rr(dom, "", "CAA", NULL, "0 issue \"letsencrypt.org\"");
    if (chance(50))
        rr("", "", "CAA", NULL, "0 issuewild \";\"");
    rr("", "", "CAA", NULL, "0 iodef \"mailto:security@%s\"", mailbox_domain);
}

static void ds_record(void)
{
    char digest[100];
    if (chance(85)) {
        random_hex(digest, 64);
        rr("", "", "DS", NULL, "%u 13 2 %s", 1 + below(65535), digest);
    } else {
        random_hex(digest, 96);
        rr("", "", "DS", NULL, "%u 14 4 %s", 1 + below(65535), digest);
    }
}

/* In-zone delegation with glue (and sometimes DS), nothing else below it. */
static void group_delegation(void)
{
    char sub[NAME_MAX_LEN], buf[NAME_MAX_LEN], glue[NAME_MAX_LEN], ip[64];
    counter++;
    snprintf(sub, sizeof sub, "zone-%lu", counter);
    rr(owner_form(buf, sizeof buf, sub), "86400", "NS", NULL, "ns1.%s", sub);
    absolute(buf, sizeof buf, sub);
    rr("", "86400", "NS", NULL, "ns2.%s", buf);
    if (chance(60))
        ds_record();
    join3(glue, sizeof glue, "ns1.", sub, "");
    random_ipv4(ip, sizeof ip);
    rr(glue, "86400", "A", "glue", "%s", ip);
    join3(glue, sizeof glue, "ns2.", sub, "");
    random_ipv6(ip, sizeof ip);
    rr(glue, "86400", "AAAA", "glue", "%s", ip);
}

/* Delegation to an outside DNS provider: no glue needed. */
static void group_ext_delegation(void)
{
    char sub[NAME_MAX_LEN];
    counter++;
    snprintf(sub, sizeof sub, "cust-%lu", counter);
    unsigned p = below(4);
    rr(sub, "", "NS", NULL, "ns%u.dnsprovider.net.", 1 + p);
    rr("", "", "NS", NULL, "ns%u.dnsprovider.net.", 5 + p);
    if (chance(40))
        ds_record();
}

static void group_wildcard(void)
{
    char dom[NAME_MAX_LEN], owner[NAME_MAX_LEN], ip[64];
    fresh_name(dom, sizeof dom, 0);
    join3(owner, sizeof owner, "*.", dom, "");
    random_ipv4(ip, sizeof ip);
    rr(owner, pick_ttl(), "A", "wildcard", "%s", ip);
}

/* Weights out of 1000; tuned for a realistic mix at ~85 bytes per record. */
static const struct {
    unsigned weight;
    void (*fn)(void);
} groups[] = {
    { 395, group_host },   { 180, group_cname },  { 150, group_txt },
    { 105, group_dkim },    { 50, group_mail },    { 35, group_srv },
    { 25, group_caa },     { 30, group_delegation }, { 20, group_ext_delegation },
    { 10, group_wildcard },
};

static void one_group(void)
{
    unsigned r = below(1000), acc = 0;
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++) {
        acc += groups[i].weight;
        if (r < acc) {
            groups[i].fn();
            return;
        }
    }
    group_host();
}

/* Budget nearly spent: single A records, so no group is ever cut short. */
static void filler(void)
{
    char rel[NAME_MAX_LEN], ip[64];
    fresh_name(rel, sizeof rel, 0);
    random_ipv4(ip, sizeof ip);
    rr(rel, "", "A", NULL, "%s", ip);
}

/* ---- apex ---- */

static unsigned apex(void)
{
    unsigned long long before = remaining;
    printf("$ORIGIN %s\n", origin);
    printf("$TTL 3600\n");
    printf("; Synthetic benchmark zone written by genzone %s; not real data.\n",
           GENZONE_VERSION);
    printf("@\tIN\tSOA\tns1.%s hostmaster.%s (\n", origin, origin);
    printf("\t\t\t2024060101 ; serial\n");
    printf("\t\t\t2h         ; refresh\n");
    printf("\t\t\t15m        ; retry\n");
    printf("\t\t\t2w         ; expire\n");
    printf("\t\t\t1h )       ; negative caching TTL\n");
    remaining--;
    tab_style = 1;
    rr("", "", "NS", NULL, "ns1");
    rr("", "", "NS", NULL, "ns2.%s", origin);
    rr("", "", "NS", "secondary at provider", "ns3.dnsprovider.net.");
    rr("", "", "MX", NULL, "10 mx1");
    rr("", "", "MX", NULL, "20 mx2.%s", origin);
    rr("", "", "TXT", NULL, "\"v=spf1 mx ip4:192.0.2.0/24 include:_spf.mailprovider.net -all\"");
    rr("", "", "CAA", NULL, "0 issue \"letsencrypt.org\"");
    rr("", "", "CAA", NULL, "0 iodef \"mailto:security@%s\"", mailbox_domain);
    rr("", "", "A", NULL, "192.0.2.1");
    rr("", "", "AAAA", NULL, "2001:db8::1");
    putchar('\n');
    rr("ns1", "", "A", NULL, "192.0.2.53");
    rr("", "", "AAAA", NULL, "2001:db8::53");
    rr("ns2", "", "A", NULL, "198.51.100.53");
    rr("mx1", "", "A", NULL, "192.0.2.25");
    rr("mx2", "", "A", NULL, "198.51.100.25");
    rr("www", "", "CNAME", NULL, "@");
    rr("_dmarc", "", "TXT", NULL, "\"v=DMARC1; p=reject; rua=mailto:dmarc@%s\"",
       mailbox_domain);
    remember_host("ns1");
    remember_host("mx1");
    return (unsigned)(before - remaining);
}
#define APEX_RECORDS 18

/* ---- $ORIGIN blocks: a few stretches under subdomains, then back ---- */

static void open_block(int k)
{
    char ip[64];
    cur_block = k;
    putchar('\n');
    /* Always absolute: BIND takes a relative $ORIGIN, but kzonecheck and
     * nsd-checkzone reject it, which would cut their benchmark run short. */
    printf("$ORIGIN %s.%s\n", sub_origins[k], origin);
    char sub[NAME_MAX_LEN]; /* absolute() reads cur_origin: no aliasing */
    absolute(sub, sizeof sub, sub_origins[k]);
    join3(cur_origin, sizeof cur_origin, sub, "", "");
    if (k == 3)
        printf("$TTL 1h ; shorter default for this part\n");
    random_ipv4(ip, sizeof ip);
    rr("@", "", "A", "block apex", "%s", ip);
}

static void close_block(void)
{
    printf("$ORIGIN %s\n", origin);
    if (cur_block == 3)
        printf("$TTL 3600\n");
    putchar('\n');
    join3(cur_origin, sizeof cur_origin, origin, "", "");
    cur_block = -1;
}

static void usage(FILE *f)
{
    fprintf(f, "usage: genzone [-n RECORDS] [-s SEED] [-o ORIGIN] > zone\n"
               "       genzone -V\n"
               "  -n  number of resource records (default 1000000, minimum %d)\n"
               "  -s  PRNG seed (default 1)\n"
               "  -o  zone origin (default example.com.)\n",
            APEX_RECORDS + 1);
}

static int parse_u64(const char *s, unsigned long long *out)
{
    char *end;
    if (s[0] < '0' || s[0] > '9')
        return -1;
    *out = strtoull(s, &end, 10);
    return *end == '\0' ? 0 : -1;
}

int main(int argc, char **argv)
{
    unsigned long long records = 1000000, seed = 1;
    const char *arg_origin = "example.com.";
    int c;

    while ((c = getopt(argc, argv, "n:s:o:Vh")) != -1) {
        switch (c) {
        case 'n':
            if (parse_u64(optarg, &records) != 0 || records <= APEX_RECORDS) {
                fprintf(stderr, "genzone: -n: need a number > %d\n", APEX_RECORDS);
                return 2;
            }
            break;
        case 's':
            if (parse_u64(optarg, &seed) != 0) {
                fprintf(stderr, "genzone: -s: need a non-negative number\n");
                return 2;
            }
            break;
        case 'o':
            arg_origin = optarg;
            break;
        case 'V':
            printf("genzone %s\n", GENZONE_VERSION);
            return 0;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (optind != argc) {
        usage(stderr);
        return 2;
    }

    /* Normalise the origin to absolute form; the root is not useful here. */
    size_t olen = strlen(arg_origin);
    if (olen == 0 || strcmp(arg_origin, ".") == 0 || olen > 200 ||
        strspn(arg_origin, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") != olen ||
        arg_origin[0] == '.' || strstr(arg_origin, "..") != NULL) {
        fprintf(stderr, "genzone: -o: need a host-name-like origin such as example.com.\n");
        return 2;
    }
    snprintf(origin, sizeof origin, "%s%s", arg_origin,
             arg_origin[olen - 1] == '.' ? "" : ".");
    snprintf(mailbox_domain, sizeof mailbox_domain, "%.*s",
             (int)(strlen(origin) - 1), origin);
    join3(cur_origin, sizeof cur_origin, origin, "", "");
    cur_block = -1;

    rng_state = seed ^ UINT64_C(0x7A6F6E656C696E74); /* "zonelint" */
    remaining = records;

    static char outbuf[1 << 20];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);

    if (apex() != APEX_RECORDS) {
        fprintf(stderr, "genzone: internal error: APEX_RECORDS is stale\n");
        return 1;
    }

    /* Blocks start at evenly spaced points and last ~0.5% of the records
     * each (at most 5000); too small zones get none. */
    unsigned long long block_len = records / 200;
    if (block_len > 5000)
        block_len = 5000;
    unsigned long long block_start[NBLOCKS];
    for (int k = 0; k < NBLOCKS; k++)
        block_start[k] = records - records * (unsigned long long)(k + 1) / (NBLOCKS + 1);
    int next_block = block_len >= 20 ? 0 : NBLOCKS;
    unsigned long long block_end = 0;
    unsigned long section_left = 0;
    unsigned long section_no = 0;

    while (remaining > 0) {
        if (cur_block >= 0 && remaining <= block_end) {
            close_block();
            section_left = 0;
        }
        if (cur_block < 0 && next_block < NBLOCKS && remaining <= block_start[next_block]) {
            open_block(next_block);
            block_end = remaining > block_len ? remaining - block_len : 0;
            next_block++;
            continue;
        }
        if (section_left == 0) {
            /* A new section: header comment and a new column style. */
            section_no++;
            tab_style = chance(35);
            section_left = 200 + below(600);
            printf("\n; ---- %s hosts, section %lu ----\n", PICK(words), section_no);
        }
        if (remaining >= GROUP_MAX)
            one_group();
        else
            filler();
        section_left--;
    }
    if (cur_block >= 0)
        close_block();

    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("genzone: write");
        return 1;
    }
    return 0;
}
