/* SPDX-License-Identifier: MIT */
/* Runs saved fuzz inputs through the targets' entry points without
 * libFuzzer, so that every input that once crashed stays fixed: `make
 * check` (plain and SANITIZE=1) and valgrind in .ci/run run it over
 * tests/fuzz/regressions/, which has one directory per target (zone/,
 * route53/, ...).
 *
 *   fuzz-replay DIR...            DIR is named after a target, or holds such
 *                                 directories
 *   fuzz-replay -t TARGET FILE... files (or directories of them) for TARGET
 *
 * Prints "fuzz-regress: N inputs"; exits 1 when an argument is unusable
 * (a crash ends the process anyway, with the sanitizer's report). An input
 * that runs longer than $ZL_REPLAY_TIMEOUT seconds (default 30; several
 * inputs were found as timeouts) fails too. */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

static unsigned count;
static const char *volatile current;
static unsigned timeout_s = 30;

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "fuzz-replay: timed out: ";
    const char *p = current ? current : "?";
    if (write(2, msg, sizeof msg - 1) < 0 || write(2, p, strlen(p)) < 0 || write(2, "\n", 1) < 0)
        _exit(3);
    _exit(3);
}

static int run_file(const char *path, zl_fuzz_fn fn)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    size_t cap = 4096, n = 0, got;
    unsigned char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            unsigned char *nb = realloc(buf, cap *= 2);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    int err = !buf || ferror(f);
    fclose(f);
    /* An exact-size copy, so that ASan sees a read past the end as libFuzzer would. */
    unsigned char *exact = err ? NULL : malloc(n ? n : 1);
    if (!exact) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(buf);
        return -1;
    }
    memcpy(exact, buf, n);
    free(buf);
    current = path;
    alarm(timeout_s);
    fn(exact, n);
    alarm(0);
    free(exact);
    count++;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Entries of dir (without . files), sorted so runs are repeatable; NULL-terminated. */
static char **list_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return NULL;
    }
    size_t n = 0, cap = 16;
    char **v = malloc(cap * sizeof *v);
    struct dirent *e;
    while (v && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n + 1 == cap) {
            char **nv = realloc(v, (cap *= 2) * sizeof *v);
            if (!nv)
                break;
            v = nv;
        }
        size_t l = strlen(dir) + strlen(e->d_name) + 2;
        if ((v[n] = malloc(l)) == NULL)
            break;
        snprintf(v[n++], l, "%s/%s", dir, e->d_name);
    }
    closedir(d);
    if (!v)
        return NULL;
    v[n] = NULL;
    qsort(v, n, sizeof *v, cmp_str);
    return v;
}

static void free_list(char **v)
{
    for (char **p = v; p && *p; p++)
        free(*p);
    free(v);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Files, or every file in a directory, for fn. */
static int run_path(const char *path, zl_fuzz_fn fn)
{
    if (!is_dir(path))
        return run_file(path, fn);
    char **v = list_dir(path);
    if (!v)
        return -1;
    int rc = 0;
    for (char **p = v; *p; p++)
        if (run_file(*p, fn) != 0)
            rc = -1;
    free_list(v);
    return rc;
}

static zl_fuzz_fn target_of_dir(const char *dir)
{
    const char *base = strrchr(dir, '/');
    return zl_fuzz_find(base ? base + 1 : dir);
}

int main(int argc, char **argv)
{
    int rc = 0;
    const char *t = getenv("ZL_REPLAY_TIMEOUT");
    if (t && atoi(t) > 0)
        timeout_s = (unsigned)atoi(t);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    if (argc >= 3 && strcmp(argv[1], "-t") == 0) {
        zl_fuzz_fn fn = zl_fuzz_find(argv[2]);
        if (!fn) {
            fprintf(stderr, "fuzz-replay: unknown target '%s'\n", argv[2]);
            return 2;
        }
        for (int i = 3; i < argc; i++)
            if (run_path(argv[i], fn) != 0)
                rc = 1;
    } else {
        for (int i = 1; i < argc; i++) {
            zl_fuzz_fn fn = target_of_dir(argv[i]);
            if (fn) {
                if (run_path(argv[i], fn) != 0)
                    rc = 1;
                continue;
            }
            char **v = is_dir(argv[i]) ? list_dir(argv[i]) : NULL;
            if (!v) {
                fprintf(stderr, "fuzz-replay: %s: not a directory of targets\n", argv[i]);
                rc = 1;
                continue;
            }
            for (char **p = v; *p; p++) {
                zl_fuzz_fn sub = is_dir(*p) ? target_of_dir(*p) : NULL;
                if (!sub) {
                    /* A stray file would silently never run: say so. */
                    fprintf(stderr, "fuzz-replay: %s: not named after a target\n", *p);
                    rc = 1;
                } else if (run_path(*p, sub) != 0) {
                    rc = 1;
                }
            }
            free_list(v);
        }
    }
    printf("fuzz-regress: %u inputs%s\n", count, rc ? ", with errors" : "");
    return rc;
}
