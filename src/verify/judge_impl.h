/* SPDX-License-Identifier: MIT */
/* Internal to verify/judge*.c: the judging state and the helpers the
 * three files share (judge.c: emitting, text, anchors and the entry point;
 * judge_deleg.c: the delegation and the servers; judge_records.c: the
 * expected records, the resolver, what was not checked). */
#ifndef ZL_VERIFY_JUDGE_IMPL_H
#define ZL_VERIFY_JUDGE_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "verify/judge.h"

struct zl_vj_soa {
    bool ok;
    struct zl_name mname;
    uint32_t ttl, serial, refresh, retry, expire, minimum;
};

struct zl_vj {
    const struct zl_vrun *r;
    const struct zl_vexpects *x;
    const struct zl_vjudge_opts *o;
    struct zl_diags *out;
    char dn[ZL_NAME_TEXT_MAX];
    bool *ok;        /* per target: answered the SOA with authority */
    struct zl_vj_soa *soa; /* per target */
    size_t nok;
};

#define NOTE(d, ...)                          \
    do {                                      \
        if (d)                                \
            zl_diag_add_note(d, __VA_ARGS__); \
    } while (0)

/* A finding of rule at span (NULL or a span without a source: nowhere),
 * or NULL when the rule is not selected; notes go on before the next one. */
struct zl_diag *zl_vj_emit(struct zl_vj *J, const struct zl_rule *rule, const struct zl_span *span, const char *fmt,
                           ...) __attribute__((format(printf, 4, 5)));
void zl_vj_dig_note(struct zl_diag *d, const struct zl_vaddr *a, uint16_t type, const struct zl_name *name, bool rec);
const char *zl_vj_ntext(const struct zl_name *n, char *out);
void zl_vj_names(struct zl_buf *b, const struct zl_name *v, size_t n);
/* "ns1.example.com. (192.0.2.1, 2001:db8::1) and ns2.example.com. (192.0.2.2)" */
void zl_vj_targets(const struct zl_vj *J, const size_t *idx, size_t n, struct zl_buf *b);
const char *zl_vj_plural(size_t n);
/* The zone file's NS record for a server (or its first), the SOA serial. */
const struct zl_span *zl_vj_ns_anchor(const struct zl_vj *J, const struct zl_name *server);
const struct zl_span *zl_vj_soa_anchor(const struct zl_vj *J);
const struct zl_vaddr *zl_vj_parent_addr(const struct zl_vrun *r, size_t i);
void zl_vj_parent_label(const struct zl_vrun *r, size_t i, char *out, size_t cap);

/* judge_deleg.c; kind returns false when there is no delegation to look further into */
bool zl_vj_kind(struct zl_vj *J);
void zl_vj_parents(struct zl_vj *J, const struct zl_name *deleg, size_t nd);
void zl_vj_expect_ns(struct zl_vj *J, const struct zl_name *deleg, size_t nd);
void zl_vj_file_ns(struct zl_vj *J, const struct zl_name *deleg, size_t nd);
void zl_vj_addresses(struct zl_vj *J);
void zl_vj_lame(struct zl_vj *J);
void zl_vj_unreachable(struct zl_vj *J);
void zl_vj_serials(struct zl_vj *J);
void zl_vj_served_ns(struct zl_vj *J, const struct zl_name *deleg, size_t nd);
void zl_vj_glue(struct zl_vj *J);

/* judge_records.c */
void zl_vj_records(struct zl_vj *J);
void zl_vj_resolver(struct zl_vj *J);
void zl_vj_incomplete(struct zl_vj *J);

#endif
