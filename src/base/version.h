/* SPDX-License-Identifier: MIT */
/* Which zonelint this is. The release version has one source, the file
 * VERSION at the top of the tree; make writes it (and the rule pages' base
 * URL, DOCS_URL) into $(BUILD)/zl_version.h, and `git describe` of the
 * checkout (or the .git-describe that make dist put in a tarball) into
 * $(BUILD)/build_info.c, which only the zonelint binary links. */
#ifndef ZL_VERSION_H
#define ZL_VERSION_H

#include "zl_version.h" /* ZL_VERSION "0.1.0", ZL_DOCS_URL ".../docs/rules/" */

/* git describe at build time ("v0.1.0-3-g1a2b3c4-dirty"), "" when the tree
 * was built from neither a git checkout nor a make dist tarball. */
extern const char zl_build_describe[];

#endif
