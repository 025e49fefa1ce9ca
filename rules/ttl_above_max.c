/* SPDX-License-Identifier: MIT */
/* ZL1002 ttl-above-max: a TTL above 2^31-1. RFC 2181 section 8 says such a
 * value is treated as 0; BIND loads the zone with TTL 0 and a warning.
 *
 *   bad:   www 3000000000 IN A 192.0.2.1
 *   good:  www 86400 IN A 192.0.2.1
 */
#include "rules.h"

const char zl_explain_ttl_above_max[] =
    "A TTL must fit in 31 bits (at most 2147483647 seconds, about 68 years).\n"
    "RFC 2181 section 8 tells resolvers to treat a larger value as zero, and\n"
    "BIND loads such a record with TTL 0, so the record is never cached:\n"
    "the opposite of what a huge TTL was meant to do. The parser reports it\n"
    "where the TTL or $TTL is written.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    www  3000000000  IN A 192.0.2.1\n"
    "\n"
    "Good:\n"
    "\n"
    "    www  86400  IN A 192.0.2.1\n";
