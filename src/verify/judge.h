/* SPDX-License-Identifier: MIT */
/* Judging a verify run: the answers in a zl_vrun become ZL6xxx findings
 * (diagnostics like any rule's), each naming the servers it concerns and
 * the dig command that shows it. Needs no network: unit tests build runs by
 * hand. */
#ifndef ZL_VERIFY_JUDGE_H
#define ZL_VERIFY_JUDGE_H

#include "xcheck/delegation.h"
#include "lint/engine.h"
#include "lint/lint.h"
#include "verify/run.h"

struct zl_vjudge_opts {
    const struct zl_selection *sel;      /* --select/--ignore (NULL: all) */
    const struct zl_delegation *expect_ns; /* --expect-ns, or NULL */
};

/* Appends the findings to out, sorted (file, line, column, code, then the
 * order they were made in). */
void zl_vjudge(const struct zl_vrun *r, const struct zl_vjudge_opts *o, struct zl_diags *out);
/* That order, stable: for merging other findings (the zone's own). */
void zl_vdiags_sort(struct zl_diags *d);

/* "dig +norec @ADDR [-p PORT] TYPE NAME" (shell-quoted where needed);
 * rec: a question for a resolver (no +norec). */
void zl_vdig(struct zl_buf *b, const struct zl_vaddr *a, uint16_t type, const struct zl_name *name, bool rec);

#endif
