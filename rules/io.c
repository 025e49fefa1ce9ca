/* SPDX-License-Identifier: MIT */
/* ZL1000 io: an input file could not be read (missing, a directory,
 * unreadable). Reported by the parser driver; exit status 2.
 *
 *   bad:   zonelint zones/exmaple.com.zone   (misspelt: no such file)
 *   good:  zonelint zones/example.com.zone
 */
#include "rules.h"

const char zl_explain_io[] =
    "zonelint could not read an input file: it does not exist, it is a\n"
    "directory, or the permissions forbid reading it. Nothing in it was\n"
    "checked, so the run ends with exit status 2 rather than 1.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    zonelint zones/exmaple.com.zone\n"
    "\n"
    "Good:\n"
    "\n"
    "    zonelint zones/example.com.zone\n";
