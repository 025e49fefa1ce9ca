/* SPDX-License-Identifier: MIT */
/* The PCRE2 pattern table (see patterns.h). Patterns are plain data here;
 * compiling happens once per process. */
#include "lint/patterns.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/buf.h"
#include "base/memo.h"

/* Building blocks, kept as macros so each pattern reads as one string. */
#define OCTET "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
#define CIDR4 "(?:3[0-2]|[12][0-9]|[0-9])"
#define CIDR6 "(?:12[0-8]|1[01][0-9]|[1-9]?[0-9])"
/* RFC 7208 7.1: macro-expand; the letters are case-insensitive there. */
#define MACRO_EXPAND "(?:%\\{[slodiphcrtvSLODIPHCRTV][0-9]*[rR]?[-.+,/_=]*\\}|%[%_-])"
#define MACRO_LITERAL "[\\x21-\\x24\\x26-\\x7e]"
#define TOPLABEL "(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])"

static const struct {
    const char *name;
    const char *src;
} table[ZL_PAT__COUNT] = {
    [ZL_PAT_SPF_IP4] = { "spf-ip4", "^" OCTET "(?:\\." OCTET "){3}(?:/" CIDR4 ")?\\z" },
    [ZL_PAT_SPF_IP6_CIDR] = { "spf-ip6-cidr", "^/" CIDR6 "\\z" },
    [ZL_PAT_SPF_DUAL_CIDR] = { "spf-dual-cidr", "^(?:/" CIDR4 ")?(?://" CIDR6 ")?\\z" },
    [ZL_PAT_SPF_DOMAIN_SPEC] = { "spf-domain-spec",
                                 "^(?:" MACRO_EXPAND "|" MACRO_LITERAL ")*?"
                                 "(?:\\." TOPLABEL "\\.?|" MACRO_EXPAND ")\\z" },
    [ZL_PAT_SPF_MACRO_STRING] = { "spf-macro-string",
                                  "^(?:" MACRO_EXPAND "|" MACRO_LITERAL ")*\\z" },
    [ZL_PAT_SPF_NAME] = { "spf-name", "^[A-Za-z][A-Za-z0-9._-]*\\z" },
    [ZL_PAT_HOSTNAME] = { "hostname", "^[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*\\.?\\z" },
    [ZL_PAT_DMARC_POLICY] = { "dmarc-policy", "^(?i:none|quarantine|reject)\\z" },
    [ZL_PAT_DMARC_ALIGN] = { "dmarc-align", "^[rsRS]\\z" },
    [ZL_PAT_DMARC_PCT] = { "dmarc-pct", "^0*(?:100|[1-9]?[0-9])\\z" },
    [ZL_PAT_DMARC_FO] = { "dmarc-fo", "^[01dsDS](?:[ \\t]*:[ \\t]*[01dsDS])*\\z" },
    [ZL_PAT_DMARC_RF] = { "dmarc-rf", "^(?i:afrf|iodef)(?:[ \\t]*:[ \\t]*(?i:afrf|iodef))*\\z" },
    [ZL_PAT_DMARC_RI] = { "dmarc-ri", "^[0-9]{1,10}\\z" },
    [ZL_PAT_DMARC_URI] = { "dmarc-uri",
                           "^(?i:mailto):[^\\s@,;!]+@[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)+\\.?"
                           "(?:![0-9]+[kmgtKMGT]?)?\\z" },
    [ZL_PAT_DMARC_BOOL] = { "dmarc-bool", "^[ynYN]\\z" },
    [ZL_PAT_DMARC_PSD] = { "dmarc-psd", "^[ynuYNU]\\z" },
};

/* The compiled table is the process's, made once (pthread_once) and kept
 * until exit: compiling and JIT-compiling the patterns cost more than
 * linting a small zone, and a run lints many. Compiled code is only read
 * once made, so every engine (thread) shares it; each engine's struct has
 * the match data, the one thing a match writes. */
static pcre2_code *shared_code[ZL_PAT__COUNT];
static uint32_t shared_pairs;
static bool shared_ok;
static pthread_once_t shared_once = PTHREAD_ONCE_INIT;

static void compile_shared(void)
{
    uint32_t max_pairs = 1;
    for (int i = 0; i < ZL_PAT__COUNT; i++) {
        int err;
        PCRE2_SIZE erroff;
        pcre2_code *c = pcre2_compile((PCRE2_SPTR)table[i].src, PCRE2_ZERO_TERMINATED, 0, &err, &erroff, NULL);
        if (!c) {
            for (int k = 0; k < i; k++) {
                pcre2_code_free(shared_code[k]);
                shared_code[k] = NULL;
            }
            return;
        }
        /* JIT is an optimisation: without it (unsupported CPU, SELinux)
         * pcre2_match interprets the same pattern. */
        (void)pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
        uint32_t caps = 0;
        if (pcre2_pattern_info(c, PCRE2_INFO_CAPTURECOUNT, &caps) == 0 && caps + 1 > max_pairs)
            max_pairs = caps + 1;
        shared_code[i] = c;
    }
    shared_pairs = max_pairs;
    shared_ok = true;
}

struct zl_patterns {
    pcre2_code *const *code;
    /* Shared by every match: the struct is used by one thread at a time. */
    pcre2_match_data *md;
    struct zl_memo *memo;  /* (pattern, subject) -> matched; made after the first 64 matches */
    unsigned unmemoised;   /* matches made before the memo */
};

struct zl_patterns *zl_patterns_new(void)
{
    if (pthread_once(&shared_once, compile_shared) != 0 || !shared_ok)
        return NULL;
    struct zl_patterns *p = zl_xcalloc(1, sizeof *p);
    p->code = shared_code;
    p->md = pcre2_match_data_create(shared_pairs, NULL);
    if (!p->md) {
        free(p);
        return NULL;
    }
    return p;
}

void zl_patterns_free(struct zl_patterns *p)
{
    if (!p)
        return;
    pcre2_match_data_free(p->md);
    free(p->memo);
    free(p);
}

const pcre2_code *zl_pattern(const struct zl_patterns *p, enum zl_pattern_id id)
{
    return (unsigned)id < ZL_PAT__COUNT ? p->code[id] : NULL;
}

const char *zl_pattern_source(enum zl_pattern_id id)
{
    return (unsigned)id < ZL_PAT__COUNT ? table[id].src : NULL;
}

const char *zl_pattern_name(enum zl_pattern_id id)
{
    return (unsigned)id < ZL_PAT__COUNT ? table[id].name : NULL;
}

bool zl_pattern_match(const struct zl_patterns *p, enum zl_pattern_id id, const char *s, size_t n)
{
    if (!p || (unsigned)id >= ZL_PAT__COUNT)
        return false;
    struct zl_patterns *w = (struct zl_patterns *)p; /* the memo is no part of the table's meaning */
    /* The memo (36 KiB) pays off only where matches repeat: a small
     * file's few matches go without it. */
    if (!w->memo && ++w->unmemoised > 64)
        w->memo = zl_xcalloc(1, sizeof *w->memo);
    bool yes;
    if (w->memo && zl_memo_get(w->memo, (uintptr_t)id + 1, s, n, &yes))
        return yes;
    yes = pcre2_match(p->code[id], (PCRE2_SPTR)s, n, 0, 0, p->md, NULL) >= 0;
    if (w->memo)
        zl_memo_put(w->memo, (uintptr_t)id + 1, s, n, yes);
    return yes;
}
