/* SPDX-License-Identifier: MIT */
/* Matching one record against the sender packs (rules/sender_match.c):
 * shared by the classification API (sender_packs.h) and the sender-* rules
 * (sender_packs.c). Not for other rules: they use zl_sender_of(). */
#ifndef ZL_SENDER_MATCH_H
#define ZL_SENDER_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lint/engine.h"
#include "base/names.h"
#include "rdata/record.h"
#include "lint/senders.h"

#define ZL_SM_TEXT 1100
#define ZL_SM_MAXCAP 8
#define ZL_SM_CAPLEN 96

/* The record as the packs see it: its owner and value, with the mistakes
 * the sender-* rules report undone (and noted). */
struct zl_sm_view {
    const struct zl_record *rec;
    uint16_t type;
    bool owner_ready;              /* owner and owner_doubled are set */
    bool otext_ready;              /* otext, obound and onl too */
    struct zl_name owner;          /* with a doubled origin removed */
    bool owner_doubled;
    const struct zl_name *origin;  /* the origin the record was read under */
    char raw[ZL_SM_TEXT];          /* target (lower case, no final dot) or joined TXT text */
    size_t raw_len;
    char val[ZL_SM_TEXT];          /* raw without the appended origin, pasted blanks, quotes */
    size_t val_len;
    bool relative;                 /* the target was written without a final dot */
    bool stray;                    /* blanks or quotes were trimmed from the value */
    bool txt_host;                 /* a TXT whose text is a host name (a CNAME value?) */
    bool spf;                      /* a TXT starting v=spf1 */
    bool unnamable;                /* a target label with bytes no sender uses */
    /* Derived once for all the packs (the owner's part on first use): */
    char otext[ZL_SM_TEXT];        /* owner, lower case, no final dot */
    uint16_t obound[128];          /* end of label i in otext */
    unsigned onl;                  /* labels in otext (0 when the owner has odd bytes) */
    char host[ZL_SM_TEXT];         /* target or TXT host name, lower case, no final dot */
    size_t hlen;
    bool has_host;
    size_t origin_len;             /* host ends in ".<origin>": that many bytes, else 0 */
};

/* False when rec surely matches no entry (zl_sm_classify would find
 * none), told before any view is made: a CNAME or MX whose target ends in
 * no sender's domain, from its last labels; a TXT from its first string and
 * its owner's first label. True means: make the view and classify. */
bool zl_sm_may_match(struct zl_senders *s, const struct zl_record *rec);

/* Prepares the view; false when the record's type is none a pack uses.
 * The owner's part waits for zl_sm_view_owner: most records match no
 * entry, and classifying them never looks at their owner. */
bool zl_sm_view(const struct zl_record *rec, struct zl_sm_view *v);
/* A view of rec with nothing in it but what zl_sm_view_owner fills in:
 * for a record zl_sm_may_match turned away. */
void zl_sm_view_bare(const struct zl_record *rec, struct zl_sm_view *v);
/* Fills in owner and owner_doubled (once); zl_sm_classify has, and the
 * owner's text, when it matched. */
void zl_sm_view_owner(struct zl_sm_view *v);

struct zl_sm_cap {
    const char *name;              /* the pack's capture name */
    char owner[ZL_SM_CAPLEN];      /* value in the owner ("" when not there) */
    char value[ZL_SM_CAPLEN];      /* value in the target or text */
    bool in_owner, in_value;
    uint8_t kind;                  /* enum zl_capture_kind */
};

struct zl_sm_match {
    size_t pack, entry;
    const struct zl_sender_pack *p;
    const struct zl_sender_entry *e;
    unsigned score;
    bool owner_ok;                 /* the owner has the template's shape */
    bool value_ok;                 /* the (repaired) value matches the pattern */
    bool type_ok;                  /* false: a TXT record holding this CNAME/MX value */
    bool origin_appended;          /* the target ends in the origin, which was not meant */
    bool strict_owner;             /* the owner (or prefix) alone says the record is this entry's */
    char extra[128];               /* labels after the sender's domain that do not belong */
    const char *domain;            /* the entry domain the target is under */
    char subject[ZL_SM_TEXT];      /* what was matched: the value as meant (repairs undone) */
    size_t subject_len;
    struct zl_name identity;       /* owner without the template's labels */
    char label[256];               /* the owner's template part as written ("s1._domainkey") */
    const char *include;           /* spf: the include: domain that matched (in the view) */
    size_t include_len;
    struct zl_sm_cap caps[ZL_SM_MAXCAP];
    size_t ncaps;
};

/* Matches v against every pack. Fills out[] with at most max matches and
 * returns their number: for most records the best one (0 or 1); for an SPF
 * record the best per pack it includes; context entries (a pack's records
 * that only the zone can attribute) come after, flagged by e->context. */
size_t zl_sm_classify(struct zl_senders *s, struct zl_sm_view *v, struct zl_sm_match *out, size_t max);

/* A capture's value as the pack reads it: the value side, else the owner
 * side, else the fallback; NULL when absent. */
const char *zl_sm_cap_value(const struct zl_sm_match *m, const char *name);

/* The name as lower-case text without the final dot, into out
 * (ZL_SM_TEXT); false when a label holds a byte no host name has. */
bool zl_sm_name_plain(const struct zl_name *n, char *out, size_t *len);

#endif
