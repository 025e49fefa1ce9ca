/* The one place the release version lives: --version, SARIF tool.driver,
 * and anything else that reports which zonelint produced an output. */
#ifndef ZL_VERSION_H
#define ZL_VERSION_H

#define ZL_VERSION "0.1.0"

#endif
