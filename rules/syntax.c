/* SPDX-License-Identifier: MIT */
/* ZL1001 syntax: the input is not a valid master file (RFC 1035 section 5,
 * with the BIND extensions $TTL, $GENERATE and RFC 3597 unknown types).
 * The parser reports it; this file only holds the explanation.
 *
 *   bad:   www IN A 192.0.2.1 (       ; "(" never closed
 *   good:  www IN A 192.0.2.1
 */
#include "rules.h"

const char zl_explain_syntax[] =
    "The parser could not read this part of the input as a resource record or\n"
    "a directive. Name servers reject the whole zone on such an error, so\n"
    "nothing after this point is checked until the next record starts.\n"
    "\n"
    "Common causes are an unclosed parenthesis or quote, a missing RDATA field,\n"
    "a TTL or class in the wrong place, an unknown record type, or a value that\n"
    "does not fit its field (an IPv4 address with five parts, a TTL above\n"
    "2147483647). Provider exports that were edited by hand often lose a\n"
    "closing parenthesis.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. (\n"
    "        2024010101 7200 3600 1209600 3600\n"
    "    www 3600 IN A 192.0.2.1\n"
    "\n"
    "Good:\n"
    "\n"
    "    example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. (\n"
    "        2024010101 7200 3600 1209600 3600 )\n"
    "    www 3600 IN A 192.0.2.1\n";
