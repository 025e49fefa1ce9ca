/* SPDX-License-Identifier: MIT */
/* The files of the checkout for the unit tests that read them all
 * (test_yjson.c, test_yblock.c): every regular file under a directory and
 * below (names starting with '.' and symbolic links skipped), its first
 * max bytes read and NUL-terminated. */
#ifndef ZL_TEST_FILES_H
#define ZL_TEST_FILES_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

typedef void (*each_file_fn)(const char *name, const char *text, size_t n, void *arg);

static inline void each_file(const char *dir, size_t max, each_file_fn fn, void *arg)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        int w = snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (w < 0 || (size_t)w >= sizeof path)
            continue;
        if (lstat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            each_file(path, max, fn, arg);
            continue;
        }
        FILE *f = S_ISREG(st.st_mode) ? fopen(path, "rb") : NULL;
        if (!f)
            continue;
        char *text = malloc(max + 1);
        size_t n = fread(text, 1, max, f);
        fclose(f);
        text[n] = '\0';
        fn(e->d_name, text, n, arg);
        free(text);
    }
    closedir(d);
}

#endif
