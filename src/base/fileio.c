/* SPDX-License-Identifier: MIT */
#include "base/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/vfs.h>
#endif

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

/* Kernel file systems whose "regular files" are generated on read (their
 * st_size says nothing about what a read returns): /proc/self/environ is
 * the process's secrets, not a zone. */
static bool pseudo_fs(int fd)
{
#ifdef __linux__
    struct statfs sf;
    if (fstatfs(fd, &sf) != 0)
        return false;
    switch ((unsigned long)sf.f_type) {
    case 0x9fa0UL:     /* proc */
    case 0x62656572UL: /* sysfs */
    case 0x64626720UL: /* debugfs */
    case 0x74726163UL: /* tracefs */
    case 0x73636673UL: /* securityfs */
    case 0x62656570UL: /* configfs */
    case 0x27e0ebUL:   /* cgroup */
    case 0x63677270UL: /* cgroup2 */
    case 0xcafe4a11UL: /* bpf */
    case 0xde5e81e4UL: /* efivarfs */
    case 0x6165676cUL: /* pstore */
        return true;
    default:
        return false;
    }
#else
    (void)fd;
    return false;
#endif
}

enum zl_open_status zl_file_open(const char *path, uint64_t max, struct zl_file *f)
{
    memset(f, 0, sizeof *f);
    f->fd = -1;
    if (!max)
        max = ZL_MAX_INPUT_DEFAULT;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        f->err = errno;
        return ZL_OPEN_ERRNO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        f->err = errno;
        close(fd);
        return ZL_OPEN_ERRNO;
    }
    enum zl_open_status s = ZL_OPEN_OK;
    if (S_ISDIR(st.st_mode))
        s = ZL_OPEN_DIR;
    else if (!S_ISREG(st.st_mode))
        s = ZL_OPEN_SPECIAL;
    else if (pseudo_fs(fd))
        s = ZL_OPEN_PSEUDO;
    else if ((uint64_t)st.st_size > max)
        s = ZL_OPEN_TOO_BIG;
    f->size = st.st_size > 0 ? (uint64_t)st.st_size : 0;
    f->dev = st.st_dev;
    f->ino = st.st_ino;
    if (s != ZL_OPEN_OK) {
        close(fd);
        return s;
    }
    f->fd = fd;
    return ZL_OPEN_OK;
}

FILE *zl_file_reopen(const char *path, bool check_id, dev_t dev, ino_t ino)
{
    struct zl_file f;
    if (!path || zl_file_open(path, UINT64_MAX, &f) != ZL_OPEN_OK)
        return NULL;
    if (check_id && (f.dev != dev || f.ino != ino)) {
        zl_file_close(&f);
        return NULL;
    }
    FILE *fp = fdopen(f.fd, "rb");
    if (!fp)
        zl_file_close(&f);
    return fp;
}

long zl_file_read(struct zl_file *f, uint64_t done, void *buf, size_t n)
{
    if (done >= f->size)
        return 0;
    if (n > f->size - done)
        n = (size_t)(f->size - done);
    for (;;) {
        ssize_t r = read(f->fd, buf, n);
        if (r < 0 && errno == EINTR)
            continue;
        return (long)r;
    }
}

bool zl_file_grew(struct zl_file *f)
{
    char c;
    for (;;) {
        ssize_t r = read(f->fd, &c, 1);
        if (r < 0 && errno == EINTR)
            continue;
        return r > 0;
    }
}

void zl_file_close(struct zl_file *f)
{
    if (f->fd >= 0)
        close(f->fd);
    f->fd = -1;
}

const char *zl_size_text(uint64_t n, char *buf, size_t cap)
{
    static const char *const units[] = { "KiB", "MiB", "GiB", "TiB" };
    int u = -1;
    uint64_t v = n;
    while (v >= 1024 && v % 1024 == 0 && u < 3) {
        v /= 1024;
        u++;
    }
    if (u < 0)
        snprintf(buf, cap, "%llu bytes", (unsigned long long)n);
    else
        snprintf(buf, cap, "%llu %s", (unsigned long long)v, units[u]);
    return buf;
}

int zl_size_parse(const char *s, uint64_t *out)
{
    if (!s || !*s)
        return -1;
    uint64_t v = 0;
    const char *p = s;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > (UINT64_MAX - 9) / 10)
            return -1;
        v = v * 10 + (uint64_t)(*p - '0');
    }
    if (p == s)
        return -1;
    unsigned shift = 0;
    switch (*p | 0x20) {
    case 'k': shift = 10; p++; break;
    case 'm': shift = 20; p++; break;
    case 'g': shift = 30; p++; break;
    case 't': shift = 40; p++; break;
    default: break;
    }
    if (shift && (!strcasecmp(p, "ib") || !strcasecmp(p, "b")))
        p += strlen(p);
    if (*p || v == 0 || (shift && v > (UINT64_MAX >> shift)))
        return -1;
    *out = v << shift;
    return 0;
}

const char *zl_open_status_text(enum zl_open_status s, const struct zl_file *f, uint64_t max, char *buf,
                                size_t cap)
{
    char a[32], b[32];
    switch (s) {
    case ZL_OPEN_OK: snprintf(buf, cap, "ok"); break;
    case ZL_OPEN_ERRNO: snprintf(buf, cap, "cannot open: %s", strerror(f ? f->err : EIO)); break;
    case ZL_OPEN_DIR: snprintf(buf, cap, "is a directory, not a zone file"); break;
    case ZL_OPEN_SPECIAL:
        snprintf(buf, cap, "is not a regular file (a FIFO, device or socket); zonelint reads only regular files");
        break;
    case ZL_OPEN_PSEUDO:
        snprintf(buf, cap, "is a kernel pseudo-file (/proc, /sys), not a zone file; zonelint does not read it");
        break;
    case ZL_OPEN_TOO_BIG:
        snprintf(buf, cap, "is %s, more than the limit of %s (raise it with --max-input-size)",
                 zl_size_text(f ? f->size : 0, a, sizeof a), zl_size_text(max ? max : ZL_MAX_INPUT_DEFAULT, b, sizeof b));
        break;
    case ZL_OPEN_OUTSIDE: snprintf(buf, cap, "is outside the files zonelint may read"); break;
    case ZL_OPEN_LINK_OUT:
        snprintf(buf, cap, "is a symbolic link that leads out of the git work tree holding it; zonelint "
                           "does not follow it (name the target itself, or allow it with --include-root)");
        break;
    }
    return buf;
}

const char *zl_text_not_utf8(const unsigned char *p, size_t n)
{
    if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff)))
        return "UTF-16";
    size_t m = n < 4096 ? n : 4096;
    if (m < 16 || !memchr(p, 0, m))
        return NULL; /* no NUL byte: text (the common case, found at memchr's speed) */
    /* UTF-16 text in the ASCII range has a NUL in every other byte: odd
     * bytes (little-endian) or even ones (big-endian). */
    size_t units = m / 2, nul_even = 0, nul_odd = 0;
    for (size_t i = 0; i + 1 < m; i += 2) {
        nul_even += p[i] == 0;
        nul_odd += p[i + 1] == 0;
    }
    if ((nul_odd * 4 >= units * 3 && nul_even * 4 < units) || (nul_even * 4 >= units * 3 && nul_odd * 4 < units))
        return "UTF-16";
    if ((nul_even + nul_odd) * 10 >= m * 3)
        return "binary";
    return NULL;
}
