/* SPDX-License-Identifier: MIT */
/* Replacing a file's content without ever leaving it half written
 * (zl_safe_write in fix.h): the new text goes to a temporary file beside
 * it, which gets the original's mode and owner, is fsync'd and renamed
 * over the original (atomic on POSIX), then the directory is fsync'd. Any
 * failure before the rename leaves the original as it was and removes the
 * temporary file. A file larger than RLIMIT_FSIZE allows fails with EFBIG
 * instead of killing the process (SIGXFSZ is ignored while writing). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/fix.h"

#include <stdbool.h>

static int fail(char *err, size_t errlen, const char *step, int e)
{
    snprintf(err, errlen, "%s: %s", step, strerror(e));
    return -1;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
           a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

int zl_safe_write(const char *path, const void *data, size_t len, const struct stat *expect, char *err,
                  size_t errlen)
{
    struct stat st;
    bool exists = stat(path, &st) == 0;
    if (!exists && (expect || errno != ENOENT))
        return fail(err, errlen, "stat", errno);
    if (exists && !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "it is not a regular file");
        return -1;
    }
    if (expect && !same_file(&st, expect)) {
        snprintf(err, errlen, "it changed while zonelint was fixing it");
        return -1;
    }
    if (!exists) {
        /* a new file: the mode the umask leaves of 0666 */
        mode_t um = umask(0);
        umask(um);
        memset(&st, 0, sizeof st);
        st.st_mode = 0666 & ~um;
        st.st_uid = geteuid();
        st.st_gid = getegid();
    }
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX], tmp[PATH_MAX];
    int n = slash ? snprintf(dir, sizeof dir, "%.*s", (int)(slash == path ? 1 : slash - path), path)
                  : snprintf(dir, sizeof dir, ".");
    const char *base = slash ? slash + 1 : path;
    if (n < 0 || (size_t)n >= sizeof dir ||
        (size_t)snprintf(tmp, sizeof tmp, "%s/.%s.zonelint-XXXXXX", dir, base) >= sizeof tmp) {
        snprintf(err, errlen, "the path is too long");
        return -1;
    }
    void (*old_xfsz)(int) = signal(SIGXFSZ, SIG_IGN);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        signal(SIGXFSZ, old_xfsz);
        return fail(err, errlen, "creating a temporary file beside it", errno);
    }
    const char *step = NULL;
    int e = 0;
    struct stat tst;
    if (fstat(fd, &tst) != 0) {
        step = "fstat", e = errno;
    } else if ((tst.st_uid != st.st_uid || tst.st_gid != st.st_gid) && fchown(fd, st.st_uid, st.st_gid) != 0) {
        step = "keeping its owner and group", e = errno;
    } else if (fchmod(fd, st.st_mode & 07777) != 0) {
        step = "keeping its mode", e = errno;
    }
    const char *p = data;
    for (size_t done = 0; !step && done < len;) {
        ssize_t w = write(fd, p + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            step = "writing", e = w < 0 ? errno : EIO;
            break;
        }
        done += (size_t)w;
    }
    if (!step && fsync(fd) != 0)
        step = "fsync", e = errno;
    if (close(fd) != 0 && !step)
        step = "closing", e = errno;
    /* the original must still be the file that was read */
    struct stat now;
    if (!step && exists && (stat(path, &now) != 0 || !same_file(&now, &st))) {
        unlink(tmp);
        signal(SIGXFSZ, old_xfsz);
        snprintf(err, errlen, "it changed while zonelint was fixing it");
        return -1;
    }
    if (!step && rename(tmp, path) != 0)
        step = "renaming the new text over it", e = errno;
    signal(SIGXFSZ, old_xfsz);
    if (step) {
        unlink(tmp);
        return fail(err, errlen, step, e);
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        fsync(dfd); /* the rename itself; some file systems refuse, which is fine */
        close(dfd);
    }
    return 0;
}
