/* SPDX-License-Identifier: MIT */
/* Opening input files so that no kind of file can hang, flood or trick a
 * read: a FIFO, a device, a socket or a kernel pseudo-file (/proc, /sys) is
 * refused before a byte is read, and a regular file is read at most to the
 * size it had when it was opened (a file appended to while it is read stops
 * there). Which files may be opened at all is src/confine.c's business;
 * this layer only opens a path that was already allowed. */
#ifndef ZL_FILEIO_H
#define ZL_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* Default cap on one input file: generous for any zone (the largest TLD
 * zones are a few GiB), and a sparse or endless file stops there. */
#define ZL_MAX_INPUT_DEFAULT (4ull << 30)

enum zl_open_status {
    ZL_OPEN_OK = 0,
    ZL_OPEN_ERRNO,        /* open/fstat failed: err holds errno */
    ZL_OPEN_DIR,          /* a directory */
    ZL_OPEN_SPECIAL,      /* a FIFO, device or socket */
    ZL_OPEN_PSEUDO,       /* a file of /proc, /sys or another kernel file system */
    ZL_OPEN_TOO_BIG,      /* larger than the cap */
    ZL_OPEN_OUTSIDE,      /* confine.c: outside what may be read */
    ZL_OPEN_LINK_OUT,     /* confine.c: a link that leads out of its work tree */
};

struct zl_file {
    int fd;               /* -1 when not open */
    uint64_t size;        /* st_size at open: the most that will be read */
    dev_t dev;
    ino_t ino;
    int err;              /* errno for ZL_OPEN_ERRNO */
};

/* Opens path read-only without blocking (O_NONBLOCK, O_NOCTTY: a FIFO
 * without a writer or a terminal cannot stall the open) and checks the
 * descriptor itself (fstat, not the path: no check-then-open race). max is
 * the size cap (0: ZL_MAX_INPUT_DEFAULT). On failure f->fd is -1. */
enum zl_open_status zl_file_open(const char *path, uint64_t max, struct zl_file *f);

/* Opens path again for showing lines of it: a regular file, and with
 * check_id only the same one (device and inode) that was read. Returns a
 * FILE or NULL. */
FILE *zl_file_reopen(const char *path, bool check_id, dev_t dev, ino_t ino);

/* Reads up to n bytes at the current offset, never past f->size in total
 * (done counts what was read so far). Returns bytes read, 0 at the size
 * seen at open or at end of file, -1 on error (errno set). */
long zl_file_read(struct zl_file *f, uint64_t done, void *buf, size_t n);

/* After f->size bytes: true when the file has more now (it grew while it
 * was read). Reads one byte to find out. */
bool zl_file_grew(struct zl_file *f);

void zl_file_close(struct zl_file *f);

/* "a FIFO", "a directory", ... for messages about status s; errno text
 * for ZL_OPEN_ERRNO. max is the cap that applied (for TOO_BIG). Writes
 * into buf and returns it. */
const char *zl_open_status_text(enum zl_open_status s, const struct zl_file *f, uint64_t max, char *buf,
                                size_t cap);

/* What the first bytes of a text say it is not: "UTF-16" (a byte order mark
 * FF FE / FE FF, or a NUL in every other byte, as Windows tools write),
 * "binary" (mostly NUL bytes: a sparse or binary file), or NULL. */
const char *zl_text_not_utf8(const unsigned char *p, size_t n);

/* "4 GiB", "512 KiB", "1000 bytes": sizes in messages. */
const char *zl_size_text(uint64_t n, char *buf, size_t cap);
/* "4G", "512k", "1000", "2MiB" -> bytes (k/m/g/t with or without "iB",
 * powers of 1024). Returns 0, or -1 when malformed or zero. */
int zl_size_parse(const char *s, uint64_t *out);

#endif
