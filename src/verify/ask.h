/* SPDX-License-Identifier: MIT */
/* Asking every address of every delegated server what verify needs to
 * know, and the resolver when there is one; servers in parallel (at most
 * run->lim.jobs at a time), each at its own pace. Fills run->targets and
 * run->resolved. */
#ifndef ZL_VERIFY_ASK_H
#define ZL_VERIFY_ASK_H

#include "verify/run.h"

void zl_vask_all(struct zl_vrun *r);

#endif
