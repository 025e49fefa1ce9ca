/* SPDX-License-Identifier: MIT */
/* Pacing, retries, the deadline and the worker threads of `verify`. Each
 * worker takes the next server and asks it everything in turn, so a
 * server's pace needs no lock; results go into that server's own slots. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rdata/types.h"
#include "verify/pool.h"

uint64_t zl_vnow_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void sleep_ms(unsigned ms)
{
    struct timespec ts = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

unsigned zl_vpacer_take(struct zl_vpacer *p, unsigned rate, uint64_t now)
{
    if (rate == 0)
        return 0;
    uint64_t interval = 1000u / rate ? 1000u / rate : 1;
    uint64_t at = p->next_ms > now ? p->next_ms : now;
    p->next_ms = at + interval;
    return (unsigned)(at - now);
}

static void trace(const struct zl_vlimits *l, const struct zl_vaddr *to, const struct zl_name *qname,
                  uint16_t qtype, bool rd, const struct zl_vresp *r, uint64_t ms)
{
    if (!l->trace)
        return;
    char a[ZL_VADDR_TEXT_MAX], n[ZL_NAME_TEXT_MAX], t[16], rc[16];
    zl_name_to_text(qname, n);
    zl_type_to_text(qtype, t);
    if (l->trace_lock)
        pthread_mutex_lock(l->trace_lock);
    fprintf(l->trace, "zonelint: verify: %s %s %s%s -> ", zl_vaddr_text(to, true, a), t, n, rd ? " +rec" : "");
    if (r->status == ZL_VQ_OK)
        fprintf(l->trace, "%s%s%s, %u answer%s, %u authority, %u additional%s (%llu ms)\n",
                zl_vq_rcode_name(r->rcode, rc), r->aa ? " aa" : "", r->tcp ? " tcp" : "", r->nan,
                r->nan == 1 ? "" : "s", r->nns, r->nar, r->attempts > 1 ? ", after a retry" : "",
                (unsigned long long)ms);
    else
        fprintf(l->trace, "%s (%llu ms)\n", r->error, (unsigned long long)ms);
    if (l->trace_lock)
        pthread_mutex_unlock(l->trace_lock);
}

void zl_vask(const struct zl_vlimits *l, struct zl_vpacer *p, const struct zl_vaddr *to,
             const struct zl_name *qname, uint16_t qtype, bool rd, struct zl_vresp *out)
{
    memset(out, 0, sizeof *out);
    unsigned attempts = 0;
    uint64_t start = zl_vnow_ms();
    for (;;) {
        uint64_t now = zl_vnow_ms();
        unsigned wait = zl_vpacer_take(p, l->rate, now);
        if (now + wait + 20 >= l->deadline_ms) {
            zl_vresp_free(out);
            out->status = ZL_VQ_DEADLINE;
            snprintf(out->error, sizeof out->error, "not asked: the deadline had passed");
            break;
        }
        if (wait)
            sleep_ms(wait);
        now = zl_vnow_ms();
        uint64_t left = l->deadline_ms > now ? l->deadline_ms - now : 1;
        struct zl_vq_opts o = { l->timeout_ms < left ? l->timeout_ms : (unsigned)left, rd, 0 };
        zl_vresp_free(out);
        zl_vq_ask(to, qname, qtype, &o, out);
        attempts++;
        out->attempts = attempts;
        if ((out->status != ZL_VQ_TIMEOUT && out->status != ZL_VQ_BAD_REPLY) || attempts > l->retries)
            break;
    }
    trace(l, to, qname, qtype, rd, out, zl_vnow_ms() - start);
}

struct pool {
    pthread_mutex_t lock;
    size_t next, n;
    void (*fn)(size_t, void *);
    void *arg;
};

static void *worker(void *v)
{
    struct pool *p = v;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next < p->n ? p->next++ : p->n;
        pthread_mutex_unlock(&p->lock);
        if (i >= p->n)
            return NULL;
        p->fn(i, p->arg);
    }
}

void zl_vpool_run(size_t n, unsigned jobs, void (*fn)(size_t i, void *arg), void *arg)
{
    struct pool p = { PTHREAD_MUTEX_INITIALIZER, 0, n, fn, arg };
    size_t nt = jobs ? jobs : 1;
    if (nt > n)
        nt = n;
    pthread_t *t = zl_xcalloc(nt ? nt : 1, sizeof *t);
    size_t started = 0;
    for (size_t i = 1; i < nt; i++) /* the calling thread is worker 0 */
        if (pthread_create(&t[started], NULL, worker, &p) == 0)
            started++;
    worker(&p);
    for (size_t i = 0; i < started; i++)
        pthread_join(t[i], NULL);
    free(t);
    pthread_mutex_destroy(&p.lock);
}
