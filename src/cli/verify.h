/* SPDX-License-Identifier: MIT */
/* `zonelint verify [options] DOMAIN`: the live checks against the servers
 * the domain is delegated to. argv[0] is "verify". Returns the exit status:
 * 0 clean, 1 findings at or above the fail level, 2 usage, I/O, or no
 * usable answer from the parent (no network). */
#ifndef ZL_VERIFY_CMD_H
#define ZL_VERIFY_CMD_H

int zl_verify_main(int argc, char **argv);

#endif
