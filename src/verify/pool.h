/* SPDX-License-Identifier: MIT */
/* Bounds on the live queries: a timeout and retries per question, a pace
 * per server (at most `rate` queries a second), one deadline for the whole
 * run, and at most `jobs` servers asked at the same time (threads, one per
 * server being worked on). */
#ifndef ZL_VERIFY_POOL_H
#define ZL_VERIFY_POOL_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "verify/query.h"

/* Milliseconds on the monotonic clock. */
uint64_t zl_vnow_ms(void);

struct zl_vlimits {
    unsigned timeout_ms;       /* per attempt */
    unsigned retries;          /* more attempts after a timeout */
    unsigned rate;             /* queries per second per server; 0: no limit */
    uint64_t deadline_ms;      /* zl_vnow_ms() value after which nothing is sent */
    unsigned deadline_total_ms;/* --deadline, for messages */
    unsigned jobs;             /* servers asked in parallel */
    FILE *trace;               /* -v: one line per query on this stream, or NULL */
    pthread_mutex_t *trace_lock;
};

/* The pace of one server: when the next query may leave. */
struct zl_vpacer {
    uint64_t next_ms;
};

/* How long to wait before sending at `now` (0: at once), and books the send. */
unsigned zl_vpacer_take(struct zl_vpacer *p, unsigned rate, uint64_t now);

/* Asks with the limits: waits for the pace, tries 1 + retries times while
 * the server does not answer, never past the deadline (then DEADLINE). */
void zl_vask(const struct zl_vlimits *l, struct zl_vpacer *p, const struct zl_vaddr *to,
             const struct zl_name *qname, uint16_t qtype, bool rd, struct zl_vresp *out);

/* Runs fn(i, arg) for every i in [0, n) on at most jobs threads and
 * returns when all are done. */
void zl_vpool_run(size_t n, unsigned jobs, void (*fn)(size_t i, void *arg), void *arg);

#endif
