/* SPDX-License-Identifier: MIT */
/* Sender packs: what each mail sender (SendGrid, Mailgun, Microsoft 365...)
 * asks a domain to publish, as data. One YAML file per sender under
 * senders/ is turned into a const table at build time (tools/gensenders.c,
 * same loader as below), and `senders = DIR` in .zonelint adds or replaces
 * packs at run time. rules/sender_packs.c checks every pack with one engine.
 *
 * A pack is plain data (strings and small arrays) so the generator can
 * print it as C initialisers; everything compiled (PCRE2 code) lives in the
 * registry (struct zl_senders), made once per process and shared by every
 * file linted. Patterns are compiled on first use: a zone that uses two
 * senders compiles two packs' patterns. */
#ifndef ZL_SENDERS_H
#define ZL_SENDERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/loc.h"

enum zl_sender_role {
    ZL_ROLE_DKIM,
    ZL_ROLE_VERIFICATION,
    ZL_ROLE_RETURN_PATH,
    ZL_ROLE_LINK_BRANDING,
    ZL_ROLE_TRACKING,
    ZL_ROLE_SPF,
    ZL_ROLE_MX,
    ZL_ROLE__COUNT
};

/* "dkim", "verification", "return-path", ... and back (-1: unknown). */
const char *zl_sender_role_name(unsigned role);
int zl_sender_role_from_name(const char *s, size_t n);

enum zl_capture_kind {
    ZL_CAP_PLAIN,   /* whatever the pattern takes */
    ZL_CAP_DDASH,   /* must equal the identity with '.' written as '-' */
};

/* A named piece of owner and value patterns: {name} in a template or
 * pattern becomes (?<name>pattern) the first time, \k<name> after. */
struct zl_sender_capture {
    const char *name;
    const char *pattern;   /* PCRE2 fragment */
    const char *fallback;  /* value when the group did not take part ("us"), or NULL */
    uint8_t kind;          /* enum zl_capture_kind */
    const char *about;     /* what it is, for messages ("account number"), or NULL */
};

/* "capture `from` with value pairs[2i] means capture `to` must be
 * pairs[2i+1]" (HubSpot: hs1 -> ...a, hs2 -> ...b). */
struct zl_sender_map {
    const char *from, *to;
    const char *const *pairs;
    uint16_t npairs;       /* entries in pairs (twice the number of pairs) */
};

enum zl_proxy { ZL_PROXY_NEVER, ZL_PROXY_ALLOWED };

struct zl_sender_entry {
    const char *id;        /* unique in the pack: "dkim", "return-path" */
    uint8_t role;          /* enum zl_sender_role */
    uint8_t proxy;         /* enum zl_proxy */
    uint16_t type;         /* ZL_T_CNAME, ZL_T_TXT or ZL_T_MX */
    const char *owner;     /* template relative to the identity: "{sel}._domainkey", "@" */
    const char *default_owner; /* the name the sender suggests when the template allows any
                                  ("send" for Resend's "{label}"), or NULL */
    const char *value;     /* PCRE2 pattern (with {capture}) for the target or the TXT text;
                              for role spf: for each include: domain */
    const char *shows;     /* the value as people read it: "<sel>.domainkey.u<account>...",
                              or NULL (then the pattern is shown) */
    const char *const *domains; /* CNAME/MX: the sender's domains every target is under */
    uint16_t ndomains;
    const char *prefix;    /* TXT: literal start of the value ("google-site-verification=") */
    const char *const *same; /* captures every record of one identity must agree on */
    uint16_t nsame;
    const char *set_capture; /* with set_members: one record per value of this capture */
    const char *const *set_members;
    uint16_t nset_members;
    uint16_t set_count;    /* or: this many records with distinct set_capture values */
    const struct zl_sender_map *maps;
    uint16_t nmaps;
    bool required;         /* every identity of the pack needs it (see anchor) */
    bool context;          /* only this pack's when the identity has the anchor
                              (Resend's MAIL FROM MX looks like any SES one) */
    const char *source;    /* URL of the documentation of this record */
    uint32_t line;         /* where the entry starts in the pack file */
};

struct zl_sender_pack {
    const char *id;        /* "sendgrid": what sender:NAME names */
    const char *name;      /* "SendGrid" */
    const char *about;     /* a paragraph for `zonelint explain sender:ID` */
    const char *file;      /* the pack file, as given ("senders/sendgrid.yaml") */
    const char *based_on;  /* another pack whose records look like this one's (stripe: ses) */
    const char *anchor;    /* entry id whose records define an identity, or NULL */
    const char *example;   /* a correct setup, zone-file lines for example.com. */
    bool classify_only;    /* known (so other rules can ask), but its own rules judge it */
    const struct zl_sender_capture *captures;
    uint16_t ncaptures;
    const struct zl_sender_entry *entries;
    uint16_t nentries;
    const char *const *sources;
    uint16_t nsources;
};

/* ---- loading (src/sender_load.c) --------------------------------------------- */

/* Where a pack file is wrong: "file:line:col: error: msg". */
struct zl_sender_error {
    char file[512];
    uint32_t line, col;
    char msg[512];
};

/* Reads one pack from YAML text. The pack and its strings are heap memory
 * owned by the caller (zl_sender_pack_free). Returns 0, or -1 with err.
 * Patterns are checked by compiling them with PCRE2. */
int zl_sender_pack_parse(const char *data, size_t len, const char *file, struct zl_sender_pack **out,
                         struct zl_sender_error *err);
int zl_sender_pack_load(const char *path, struct zl_sender_pack **out, struct zl_sender_error *err);
void zl_sender_pack_free(struct zl_sender_pack *p);

/* The PCRE2 source of an entry's owner template or value pattern with its
 * captures expanded, anchored at both ends (malloc'd). NULL when a {name}
 * has no capture (the loader rejects such packs). */
char *zl_sender_expand_owner(const struct zl_sender_pack *p, const char *tmpl);
char *zl_sender_expand_value(const struct zl_sender_pack *p, const char *pat);
/* Labels of an owner template ("@": 0, "{sel}._domainkey": 2). */
unsigned zl_sender_owner_labels(const char *tmpl);
const struct zl_sender_capture *zl_sender_capture_find(const struct zl_sender_pack *p, const char *name,
                                                       size_t n);

/* The packs built into the binary ($(BUILD)/senders_builtin.c). */
extern const struct zl_sender_pack zl_senders_builtin[];
extern const size_t zl_senders_builtin_count;

/* ---- the registry (src/senders.c) -------------------------------------------- */

struct zl_senders;

/* The built-in packs only. */
struct zl_senders *zl_senders_new(void);
void zl_senders_free(struct zl_senders *s);
/* Adds every *.yaml / *.yml file of dir (in name order); a pack with the id
 * of one already known replaces it. Returns 0, or -1 with err. */
int zl_senders_load_dir(struct zl_senders *s, const char *dir, struct zl_sender_error *err);

size_t zl_senders_count(const struct zl_senders *s);
const struct zl_sender_pack *zl_senders_at(const struct zl_senders *s, size_t i);
/* By id, ASCII case-insensitive; -1 when unknown. */
long zl_senders_find(const struct zl_senders *s, const char *id, size_t n);
/* True when pack i was loaded from a directory (not built in). */
bool zl_senders_is_user(const struct zl_senders *s, size_t i);

/* Compiled patterns of entry e of pack i (compiled on first use; NULL only
 * if PCRE2 fails, which the loader rules out). */
struct zl_sender_compiled {
    void *owner;           /* pcre2_code * */
    void *value;           /* pcre2_code * */
    char lit[40];          /* longest literal run of the owner's first label ("google"), lower case */
    size_t litlen;
    uint32_t owner_caps, value_caps; /* bit i: the pack's capture i is in the owner / value */
    unsigned nlabels;      /* labels of the owner template */
    unsigned literal;      /* literal characters in the owner template */
};
const struct zl_sender_compiled *zl_senders_compiled(struct zl_senders *s, size_t pack, size_t entry);

/* Entries by what recognises them, so a record is tried only against the
 * entries it can be (built on first use). */
struct zl_sender_ref {
    uint16_t pack, entry;
    const char *key;       /* the domain, prefix or owner literal (lower case) */
    size_t keylen;
};
enum zl_sender_index {
    ZL_IDX_DOMAIN,         /* CNAME/MX entries, one ref per domain, sorted by key */
    ZL_IDX_PREFIX,         /* TXT entries with a prefix */
    ZL_IDX_OWNER,          /* TXT entries recognised by their owner's literal text */
    ZL_IDX_SPF,            /* spf entries */
    ZL_IDX__COUNT
};
const struct zl_sender_ref *zl_senders_index(struct zl_senders *s, enum zl_sender_index which, size_t *n);
/* The refs of index ZL_IDX_DOMAIN whose domain is exactly name[0..n). */
const struct zl_sender_ref *zl_senders_by_domain(struct zl_senders *s, const char *name, size_t n, size_t *count);
/* The same with the name's hash at hand: FNV-1a over its bytes from the
 * last back to the first, so that one pass over a host from its end gives
 * the hash of every label suffix (start with ZL_SENDERS_HASH_INIT). */
#define ZL_SENDERS_HASH_INIT 0xcbf29ce484222325ull
static inline uint64_t zl_senders_hash_byte(uint64_t h, unsigned char c)
{
    return (h ^ c) * 0x100000001b3ull;
}
const struct zl_sender_ref *zl_senders_by_domain_hash(struct zl_senders *s, const char *name, size_t n, uint64_t h,
                                                      size_t *count);

/* Gates before zl_senders_by_domain_hash: whether some domain's last two
 * labels hash to h (the same hash; false only when none does), and whether
 * some domain is a single label. A host whose last two labels pass
 * neither gate is under no sender's domain. */
bool zl_senders_domain_tail(struct zl_senders *s, uint64_t h);
bool zl_senders_domain_single(struct zl_senders *s);
/* Gates before the owner and prefix refs: false only when no owner
 * literal can be in label (lower case), or no TXT prefix can start t (any
 * case), told from their first two bytes. */
bool zl_senders_owner_may_hold(struct zl_senders *s, const char *label, size_t n);
bool zl_senders_prefix_may_start(struct zl_senders *s, const char *t, size_t n);

/* An SPF include: domain (as matched: lower case, no final dot) that the
 * value of no spf entry matched when last asked; a memo that the caller
 * fills and that is emptied when the packs change. */
bool zl_senders_spf_none(struct zl_senders *s, const char *d, size_t n);
void zl_senders_spf_set_none(struct zl_senders *s, const char *d, size_t n);

/* Matches subject against a compiled pattern (whole subject). On success the
 * named captures can be read with zl_senders_capture until the next match. */
bool zl_senders_match(struct zl_senders *s, const void *code, const char *subject, size_t n);
/* Value of capture `name` of the last match: offset in the subject and
 * length; false when the group did not take part. */
bool zl_senders_capture(struct zl_senders *s, const void *code, const char *name, size_t *off, size_t *n);

#endif
