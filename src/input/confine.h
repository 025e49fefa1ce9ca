/* SPDX-License-Identifier: MIT */
/* What zonelint may read, decided in one place.
 *
 * zonelint runs on pull requests from people the repository owner does not
 * trust, so a file in the repository must not make it read a file outside.
 *
 * Files named on the command line (zone files, --ses-identity, --expect-ns,
 * --config, and the .zonelint found beside them) are read as the user wrote
 * them, with one exception: a symbolic link inside a git work tree must
 * resolve inside that work tree (a committed link zones/env.zone ->
 * /proc/self/environ is refused, the target is never opened). Outside any
 * work tree the file itself may not be a link out of its directory. An
 * explicit root (--include-root, ZONELINT_INCLUDE_ROOT) is allowed too.
 *
 * $INCLUDE may read below a root: by default the top of the git work tree
 * holding the zone file as written on the command line (the directory that
 * holds .git, a directory or a file as in worktrees and submodules), else
 * the zone file's directory. A .zonelint may narrow it, never widen it; only
 * --include-root or ZONELINT_INCLUDE_ROOT widen it. The written $INCLUDE
 * path is checked against the root before anything is looked up, and every
 * step of resolving it (links included) is checked before it is looked up,
 * so an outside file that exists and one that does not get the same answer.
 *
 * Every open goes through fileio.c: only regular files, at most their size
 * at open, at most the input size cap. */
#ifndef ZL_CONFINE_H
#define ZL_CONFINE_H

#include <limits.h>
#include <stdbool.h>
#include <string.h>
#include <stddef.h>
#include <stdint.h>

#include "base/fileio.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

enum zl_root_kind {
    ZL_ROOT_NONE = 0,
    ZL_ROOT_TREE,      /* the git work tree holding the file */
    ZL_ROOT_DIR,       /* no work tree: the file's directory */
    ZL_ROOT_EXPLICIT,  /* --include-root or ZONELINT_INCLUDE_ROOT */
    ZL_ROOT_CONFIG,    /* include-root of a .zonelint (narrower than the default) */
};

struct zl_root {
    enum zl_root_kind kind;
    char phys[PATH_MAX];   /* resolved (no links, no ..) */
    char lex[PATH_MAX];    /* as given, absolute and normalised; same as phys for default roots */
};

/* No root (kind NONE), without zeroing 8 KiB. */
static inline void zl_root_clear(struct zl_root *r)
{
    r->kind = ZL_ROOT_NONE;
    r->phys[0] = r->lex[0] = '\0';
}

/* A copy of the strings as long as they are (a file's root is set once per file). */
static inline void zl_root_copy(struct zl_root *dst, const struct zl_root *src)
{
    dst->kind = src->kind;
    size_t a = strlen(src->phys), b = strlen(src->lex);
    memcpy(dst->phys, src->phys, a + 1);
    memcpy(dst->lex, src->lex, b + 1);
}

struct zl_opened {
    struct zl_file file;
    char real[PATH_MAX];   /* the file, resolved */
    char dir[PATH_MAX];    /* resolved directory it was named in: the base of its relative $INCLUDEs */
    struct zl_root root;   /* zl_open_argument: the default $INCLUDE root for it */
};

/* An explicit root from a directory name: 0, or -1 (errno) when it cannot
 * be resolved. */
int zl_root_from_dir(const char *dir, enum zl_root_kind kind, struct zl_root *out);

/* The default root of a file as written (the work tree holding it, else its
 * directory), resolving links as zl_open_argument does but opening nothing.
 * path "-" or NULL: the working directory's. 0, or -1 (errno). */
int zl_root_default(const char *written, struct zl_root *out);

/* True when resolved path p is root or below it. */
bool zl_root_holds(const struct zl_root *root, const char *p);

/* Opens a file named on the command line (see above). widen (may be NULL)
 * is an explicit root links may also lead into. max: size cap (0 default). */
enum zl_open_status zl_open_argument(const char *written, const struct zl_root *widen, uint64_t max,
                                     struct zl_opened *o);

/* Opens the file of an $INCLUDE written in a file whose resolved directory
 * is base_dir, confined to root. o->root is left zeroed. */
enum zl_open_status zl_open_include(const char *base_dir, const char *written, const struct zl_root *root,
                                    uint64_t max, struct zl_opened *o);

/* "the git work tree holding 'zones/a.zone'" and the like: how to name a
 * root in a message without showing where it is on this machine. shown is
 * the top file as the user wrote it. Writes buf and returns it. */
const char *zl_root_describe(const struct zl_root *root, const char *shown, char *buf, size_t cap);

/* Reads a whole small file named on the command line (--ses-identity,
 * --expect-ns) through zl_open_argument into out, at most max bytes.
 * Returns 0, or -1 with "PATH: why" in err; too_big (may be NULL) says
 * the file was larger than max. */
struct zl_buf;
int zl_read_argument_file(const char *path, uint64_t max, struct zl_buf *out, bool *too_big, char *err,
                          size_t errlen);

/* What all $INCLUDEs of a run may read together. A fan-out of small files
 * (15 files each including the next four times) costs nothing in bytes but
 * millions of opens, so each included file counts at least
 * ZL_INCLUDE_COST_MIN bytes against the budget. */
#define ZL_INCLUDE_BYTES_DEFAULT (1ull << 30)
#define ZL_INCLUDE_BYTES_PER_RECORD 64u /* records budget = bytes budget / this (16 Mi) */
#define ZL_INCLUDE_COST_MIN 16384u

struct zl_include_budget {
    uint64_t bytes;       /* left */
    uint64_t records;     /* left */
    uint64_t bytes_total, records_total; /* what it started with, for messages */
};

/* bytes 0: ZL_INCLUDE_BYTES_DEFAULT; records: bytes / ZL_INCLUDE_BYTES_PER_RECORD. */
void zl_include_budget_init(struct zl_include_budget *b, uint64_t bytes);

/* ZONELINT_INCLUDE_ROOT, when set and not empty. */
const char *zl_confine_env_root(void);

#endif
