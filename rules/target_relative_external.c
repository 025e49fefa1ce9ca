/* ZL2102 target-relative-external: a target written without a trailing dot
 * whose text ends in a public top-level domain, so the origin is appended to
 * what was meant as an outside name (RFC 1035 5.1; cli53 #124; the 2013
 * "aspmx.l.google.com.stackexchange.com" outage in DNSControl's docs).
 *
 *   bad:   www  IN CNAME ghs.google.com        ; -> ghs.google.com.example.com.
 *   good:  www  IN CNAME ghs.google.com.
 *
 * Candidates are found per record and reported after the file, unless the
 * expansion really is a name in this zone (then it was meant relative). */
#include <stdlib.h>
#include <string.h>

#include "lint/engine.h"
#include "rules.h"
#include "rdata/types.h"

const char zl_explain_target_relative_external[] =
    "A target name without a trailing dot is relative: the origin is appended\n"
    "to it. When the written name ends in a public top-level domain such as\n"
    "com, net or a two-letter country code, it almost certainly names a host\n"
    "outside the zone, and the appended origin turns it into a name that does\n"
    "not exist: ghs.google.com becomes ghs.google.com.example.com., mail stops\n"
    "flowing when an MX target gets the same treatment, and DKIM fails when an\n"
    "amazonses.com CNAME target does.\n"
    "\n"
    "The rule looks at CNAME, DNAME, NS, MX, SRV, PTR, AFSDB, KX and RT\n"
    "targets with at least two labels. It stays silent when the expanded name\n"
    "is itself an owner in the zone, because then the relative name was meant.\n"
    "Add the trailing dot.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    www     3600 IN CNAME ghs.google.com\n"
    "    @       3600 IN MX    1 aspmx.l.google.com\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    www     3600 IN CNAME ghs.google.com.\n"
    "    @       3600 IN MX    1 aspmx.l.google.com.\n";

const uint16_t zl_types_target_relative_external[] = {
    ZL_T_CNAME, ZL_T_DNAME, ZL_T_NS, ZL_T_MX, ZL_T_SRV, ZL_T_PTR, ZL_T_AFSDB, ZL_T_KX, ZL_T_RT, 0,
};

/* Generic and brand TLDs that targets commonly end in (sorted: bsearch). */
static const char *const gtlds[] = {
    "aero", "amazon", "app", "arpa", "asia", "aws", "azure", "biz", "blog", "cat", "cloud",
    "club", "com", "coop", "dev", "edu", "email", "google", "gov", "info", "int", "jobs",
    "link", "live", "microsoft", "mil", "mobi", "museum", "name", "net", "news", "online",
    "org", "page", "pro", "shop", "site", "store", "tech", "tel", "top", "travel", "xyz",
};

/* Every delegated two-letter country-code TLD (sorted). */
static const char cctlds[][3] = {
    "ac", "ad", "ae", "af", "ag", "ai", "al", "am", "ao", "aq", "ar", "as", "at", "au", "aw",
    "ax", "az", "ba", "bb", "bd", "be", "bf", "bg", "bh", "bi", "bj", "bm", "bn", "bo", "bq",
    "br", "bs", "bt", "bv", "bw", "by", "bz", "ca", "cc", "cd", "cf", "cg", "ch", "ci", "ck",
    "cl", "cm", "cn", "co", "cr", "cu", "cv", "cw", "cx", "cy", "cz", "de", "dj", "dk", "dm",
    "do", "dz", "ec", "ee", "eg", "er", "es", "et", "eu", "fi", "fj", "fk", "fm", "fo", "fr",
    "ga", "gb", "gd", "ge", "gf", "gg", "gh", "gi", "gl", "gm", "gn", "gp", "gq", "gr", "gs",
    "gt", "gu", "gw", "gy", "hk", "hm", "hn", "hr", "ht", "hu", "id", "ie", "il", "im", "in",
    "io", "iq", "ir", "is", "it", "je", "jm", "jo", "jp", "ke", "kg", "kh", "ki", "km", "kn",
    "kp", "kr", "kw", "ky", "kz", "la", "lb", "lc", "li", "lk", "lr", "ls", "lt", "lu", "lv",
    "ly", "ma", "mc", "md", "me", "mg", "mh", "mk", "ml", "mm", "mn", "mo", "mp", "mq", "mr",
    "ms", "mt", "mu", "mv", "mw", "mx", "my", "mz", "na", "nc", "ne", "nf", "ng", "ni", "nl",
    "no", "np", "nr", "nu", "nz", "om", "pa", "pe", "pf", "pg", "ph", "pk", "pl", "pm", "pn",
    "pr", "ps", "pt", "pw", "py", "qa", "re", "ro", "rs", "ru", "rw", "sa", "sb", "sc", "sd",
    "se", "sg", "sh", "si", "sj", "sk", "sl", "sm", "sn", "so", "sr", "ss", "st", "su", "sv",
    "sx", "sy", "sz", "tc", "td", "tf", "tg", "th", "tj", "tk", "tl", "tm", "tn", "to", "tr",
    "tt", "tv", "tw", "tz", "ua", "ug", "uk", "us", "uy", "uz", "va", "vc", "ve", "vg", "vi",
    "vn", "vu", "wf", "ws", "ye", "yt", "za", "zm", "zw",
};

static int cmp_gtld(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

static int cmp_cctld(const void *key, const void *elem)
{
    return strcmp(key, elem);
}

/* True when label (n bytes, plain text) is a known public TLD. Exposed for
 * the unit test, which also checks that both tables are sorted. */
bool zl_is_public_tld(const char *label, size_t n)
{
    char low[16];
    if (n < 2 || n >= sizeof low)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)label[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c < 'a' || c > 'z')
            return false;
        low[i] = (char)c;
    }
    low[n] = '\0';
    if (n == 2)
        return bsearch(low, cctlds, sizeof cctlds / sizeof cctlds[0], sizeof cctlds[0], cmp_cctld) != NULL;
    return bsearch(low, gtlds, sizeof gtlds / sizeof gtlds[0], sizeof gtlds[0], cmp_gtld) != NULL;
}

bool zl_public_tld_tables_sorted(void)
{
    for (size_t i = 1; i < sizeof gtlds / sizeof gtlds[0]; i++)
        if (strcmp(gtlds[i - 1], gtlds[i]) >= 0)
            return false;
    for (size_t i = 1; i < sizeof cctlds / sizeof cctlds[0]; i++)
        if (strcmp(cctlds[i - 1], cctlds[i]) >= 0)
            return false;
    return true;
}

struct candidate {
    struct candidate *next;
    struct zl_span span;
    uint64_t hash;             /* of the expansion */
    uint16_t type;
    const char *written;       /* token as written */
    uint32_t written_len;
    const char *expanded;
    const char *tld;
    bool can_fix;              /* plain token written on this record's line */
};

struct state {
    struct candidate *head, **tail;
};

/* Finds the last written label; false when the name has a single label or
 * the last label uses escapes (no TLD does). */
static bool last_label(const char *t, size_t n, const char **lab, size_t *lablen)
{
    size_t dot = n;
    for (size_t i = 0; i < n; i++) {
        if (t[i] == '\\') {
            i++; /* \X or the first digit of \DDD: neither is a separator */
            continue;
        }
        if (t[i] == '.')
            dot = i;
    }
    if (dot == n || dot == 0 || dot + 1 >= n)
        return false;
    *lab = t + dot + 1;
    *lablen = n - dot - 1;
    return memchr(*lab, '\\', *lablen) == NULL;
}

void zl_target_relative_external_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    const struct zl_rule *rule = ZL_RULE_REF(ZL2102);
    for (uint16_t i = 0; i < rec->nfields; i++) {
        const struct zl_field *f = &rec->fields[i];
        if (f->kind != ZL_FIELD_NAME || !(f->flags & ZL_NAME_F_RELATIVE) || f->ntok == 0 ||
            f->tok >= rec->ntoks)
            continue;
        const struct zl_token *tok = &rec->toks[f->tok];
        const char *lab;
        size_t lablen;
        if (!last_label(tok->text, tok->len, &lab, &lablen) || !zl_is_public_tld(lab, lablen))
            continue;
        struct zl_name n;
        if (!zl_name_from_wire(&n, rec->rdata + f->off, f->len))
            continue;
        const struct zl_name *origin = rec->origin;
        const struct zl_name *zone = zl_ctx_origin(ctx);
        if (origin && zl_name_ends_in_before(&n, origin->nlabels, origin))
            continue;
        if (origin && zone && zl_name_ends_in_before(&n, origin->nlabels, zone))
            continue;

        struct state **slot = (struct state **)zl_ctx_state(ctx, rule);
        if (!*slot) {
            *slot = zl_ctx_alloc(ctx, sizeof **slot);
            (*slot)->tail = &(*slot)->head;
        }
        struct candidate *c = zl_ctx_alloc(ctx, sizeof *c);
        char text[ZL_NAME_TEXT_MAX];
        size_t tl = zl_name_to_text(&n, text);
        c->span = tok->span;
        c->hash = zl_name_hash64(&n);
        c->type = rec->type;
        c->written = zl_ctx_strdup(ctx, tok->text, tok->len);
        c->written_len = tok->len;
        c->expanded = zl_ctx_strdup(ctx, text, tl);
        c->tld = zl_ctx_strdup(ctx, lab, lablen);
        c->can_fix = !(tok->flags & ZL_TOK_QUOTED) && !(rec->owner_flags & ZL_OWNER_GENERATED);
        *(*slot)->tail = c;
        (*slot)->tail = &c->next;
    }
}

void zl_target_relative_external_zone(const struct zl_zone *zone, struct zl_ctx *ctx)
{
    const struct zl_rule *rule = ZL_RULE_REF(ZL2102);
    struct state *st = *zl_ctx_state(ctx, rule);
    if (!st)
        return;
    for (const struct candidate *c = st->head; c; c = c->next) {
        if (zl_zone_first(zone, c->hash) != UINT32_MAX)
            continue; /* the expansion exists here: relative on purpose */
        char tn[16];
        struct zl_diag *d = zl_report(ctx, rule, &c->span,
                                      "%s target '%.*s' has no trailing dot, so it expands to '%s'",
                                      zl_type_to_text(c->type, tn), (int)c->written_len, c->written,
                                      c->expanded);
        if (!d)
            continue;
        zl_diag_add_note(d, "'%s' is a public top-level domain: if the name is meant as written, "
                            "end it with a dot", c->tld);
        if (!c->can_fix)
            continue;
        char *rep = zl_ctx_alloc(ctx, (size_t)c->written_len + 2);
        memcpy(rep, c->written, c->written_len);
        rep[c->written_len] = '.';
        zl_diag_set_fix(d, c->span, rep);
    }
}
