/* SPDX-License-Identifier: MIT */
/* How bad a finding is: error, warning or info (SARIF: error, warning, note). */
#ifndef ZL_SEVERITY_H
#define ZL_SEVERITY_H

enum zl_severity { ZL_SEV_INFO = 0, ZL_SEV_WARNING = 1, ZL_SEV_ERROR = 2 };

const char *zl_severity_name(enum zl_severity s); /* "info", "warning", "error" */

#endif
