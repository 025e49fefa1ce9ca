/* SPDX-License-Identifier: MIT */
/* Which rules a selection (--select, --ignore, configuration) turns on:
 * codes, slugs, their prefixes ("ZL5", "ses-"), ALL and sender:NAME. */
#include <string.h>

#include "base/ascii.h"
#include "lint/engine_impl.h"
#include "lint/rule.h"

static bool pattern_matches(const char *pat, const struct zl_rule *r)
{
    if (zl_ascii_casecmp(pat, r->code) == 0 || zl_ascii_casecmp(pat, r->slug) == 0)
        return true;
    size_t n = strlen(pat);
    if (n == 0)
        return false;
    /* Prefixes: "ZL5" matches ZL5xxx, "ses-" (or "ses") matches ses-*. */
    if (zl_ascii_ncasecmp(pat, r->code, n) == 0)
        return true;
    if (zl_ascii_ncasecmp(pat, r->slug, n) == 0 && (pat[n - 1] == '-' || r->slug[n] == '-'))
        return true;
    return false;
}

/* "sender:NAME" in a selection (the name is the caller's to check). */
static bool sender_pattern(const char *pat)
{
    return zl_ascii_ncasecmp(pat, "sender:", 7) == 0 && pat[7] != '\0';
}

static bool sender_rule(const struct zl_rule *r)
{
    return strncmp(r->slug, "sender-", 7) == 0;
}

static bool any_matches(const char *pat)
{
    if (sender_pattern(pat))
        return true;
    for (unsigned i = 0; i < zl_registry.nrules; i++)
        if (pattern_matches(pat, &zl_registry.rules[i]))
            return true;
    return zl_ascii_casecmp(pat, "ALL") == 0;
}

bool zl_selection_valid(const struct zl_selection *sel, const char **bad)
{
    for (size_t i = 0; i < sel->nselect; i++)
        if (!any_matches(sel->select[i])) {
            *bad = sel->select[i];
            return false;
        }
    for (size_t i = 0; i < sel->nignore; i++)
        if (!any_matches(sel->ignore[i])) {
            *bad = sel->ignore[i];
            return false;
        }
    return true;
}

bool zl_selection_selects(const struct zl_selection *sel, const struct zl_rule *r)
{
    bool on = sel->nselect == 0;
    for (size_t i = 0; i < sel->nselect && !on; i++)
        on = zl_ascii_casecmp(sel->select[i], "ALL") == 0 || pattern_matches(sel->select[i], r) ||
             (sender_pattern(sel->select[i]) && sender_rule(r));
    for (size_t i = 0; i < sel->nignore && on; i++)
        on = !pattern_matches(sel->ignore[i], r);
    return on;
}

/* sender:NAME in the selection: ignoring one drops the findings about it;
 * selecting some keeps only sender-rule findings about those. */
bool zl_selection_wants_finding(const struct zl_selection *sel, const struct zl_diag *d)
{
    const char *sender = zl_diag_prop(d, "sender");
    if (!sender)
        return true;
    for (size_t i = 0; i < sel->nignore; i++)
        if (sender_pattern(sel->ignore[i]) && zl_ascii_casecmp(sel->ignore[i] + 7, sender) == 0)
            return false;
    if (strncmp(d->slug, "sender-", 7) != 0)
        return true;
    bool any = false;
    for (size_t i = 0; i < sel->nselect; i++) {
        if (!sender_pattern(sel->select[i]))
            continue;
        any = true;
        if (zl_ascii_casecmp(sel->select[i] + 7, sender) == 0)
            return true;
    }
    return !any;
}
