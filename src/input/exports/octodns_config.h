/* SPDX-License-Identifier: MIT */
/* octoDNS's own configuration (the file passed to octodns-sync --config-file:
 * top-level `providers:` and `zones:`), read for what it says about one zone
 * file: whether the zone is lenient. octoDNS users keep it above the zone
 * files, which a YamlProvider reads from its `directory`. */
#ifndef ZL_OCTODNS_CONFIG_H
#define ZL_OCTODNS_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/names.h"

struct zl_octodns_zone {
    bool configured;   /* the config has an entry for the zone (explicit or dynamic) */
    bool lenient;      /* zones: {<zone>: {lenient: true}} */
    char entry[256];   /* the zones: key that matched ("example.com.", "*") */
};

/* True when the YAML text is an octoDNS config (a mapping with providers:
 * and zones:), not a zone file. */
bool zl_octodns_is_config(const char *data, size_t len);

/* How the config at path configures zone (its entry and lenient flag), as
 * octoDNS picks it: the zone's own key, else the first dynamic entry ("*",
 * "*.com", ...) whose glob or regex accepts it. zone_dir is the directory of
 * the zone file as written, to tell whether a YamlProvider of the config
 * reads it (match is set then); dirs are compared after resolving links.
 * Returns 0, or -1 with a message "path:line:col: ..." in err when the file
 * cannot be read or is not a config. */
int zl_octodns_config_zone(const char *path, const struct zl_name *zone, const char *zone_dir,
                           struct zl_octodns_zone *out, bool *match, char *err, size_t errlen);

/* The config above a zone file, the way octoDNS repositories are laid out:
 * in the zone file's directory or one above, up to root (the top of the
 * repository), a *.yaml or *.yml file that is a config; the one with a
 * YamlProvider reading the zone's directory wins, else the nearest. Returns
 * a malloc'd path, or NULL. */
char *zl_octodns_config_find(const char *zone_file, const char *root);

#endif
