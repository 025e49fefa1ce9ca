/* SPDX-License-Identifier: MIT */
/* The name servers a zone is delegated to (--expect-ns): what the registrar
 * (or the parent zone) points at. Records in a zone served by other name
 * servers are never seen by SES or anyone else, so the zone's apex NS set
 * is compared with this list (rules/ses_crosscheck.c, ns-delegation-mismatch).
 *
 * Accepted: a comma-separated list ("ns1.example.net,ns2.example.net"), or
 * a file with
 *   - dig output:      "example.com.  172800  IN  NS  ns1.example.net."
 *                      (answer or authority section; ';' comments skipped)
 *   - dig +short:      "ns1.example.net."
 *   - whois output:    "Name Server: NS1.EXAMPLE.NET" / "nserver: ..." */
#ifndef ZL_DELEGATION_H
#define ZL_DELEGATION_H

#include <stdbool.h>
#include <stddef.h>

#include "base/names.h"

struct zl_delegation_ns {
    bool has_owner;            /* from a full dig line: the delegated name */
    struct zl_name owner;
    struct zl_name ns;
};

struct zl_delegation {
    struct zl_delegation_ns *v;
    size_t n;
    char *source;              /* "--expect-ns" or the file name, for messages */
};

/* arg is a file when one exists at that path (or arg contains '/'), else a
 * comma-separated list. Returns 0, or -1 with a message in err. */
int zl_delegation_load(struct zl_delegation *d, const char *arg, char *err, size_t errlen);
/* The list form, and the file form from memory (name for messages). */
int zl_delegation_parse_list(struct zl_delegation *d, const char *csv, char *err, size_t errlen);
int zl_delegation_parse_text(struct zl_delegation *d, const char *text, size_t len, const char *name,
                             char *err, size_t errlen);
void zl_delegation_free(struct zl_delegation *d);

/* The servers that apply to the zone at origin: entries without an owner,
 * and dig lines whose owner is the origin (deduplicated, in input order).
 * Returns how many were written to out (at most cap); *other_owners counts
 * dig lines for other names (a +trace of the parents, or the wrong domain). */
size_t zl_delegation_for(const struct zl_delegation *d, const struct zl_name *origin, const struct zl_name **out,
                         size_t cap, size_t *other_owners);

#endif
