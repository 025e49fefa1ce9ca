/* SPDX-License-Identifier: MIT */
/* ZL9001 unused-suppression: a "; zonelint: disable=..." comment, a
 * disable-file= or a config-file suppression that silenced nothing, or a
 * --baseline entry that matches no finding any more. The suppression
 * engine (and src/cli/baseline.c) reports it; this file only holds the
 * explanation.
 *
 *   bad:   www IN A 192.0.2.1 ; zonelint: disable=ZL1001   (nothing to silence)
 *   good:  www IN A 192.0.2.1
 */
#include "rules.h"

const char zl_explain_unused_suppression[] =
    "A suppression names a rule that reported nothing on the lines it covers.\n"
    "Usually the problem was fixed and the suppression stayed behind; left in\n"
    "place it would silently hide the next real finding of that rule there.\n"
    "It can also mean the code or slug is misspelt or the comment sits on the\n"
    "wrong line: a suppression covers its own line and the line below it.\n"
    "\n"
    "An entry of a --baseline file that matches no finding any more is\n"
    "reported the same way, once: the finding was fixed, and\n"
    "zonelint --write-baseline FILE writes the smaller baseline.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    ; zonelint: disable=syntax\n"
    "    www 3600 IN A 192.0.2.1\n"
    "\n"
    "Good:\n"
    "\n"
    "    www 3600 IN A 192.0.2.1\n";
