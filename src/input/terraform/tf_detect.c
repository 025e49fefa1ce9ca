/* SPDX-License-Identifier: MIT */
/* Is it Terraform? By name (*.tf, *.tf.json), by a directory holding such
 * files, or by content: a top-level block of Terraform's language, or the
 * JSON that `terraform show -json` prints. */
#define _GNU_SOURCE /* memmem (glibc; the BSDs and macOS have it too) */
#include "input/terraform/tf_detect.h"
#include "input/readers.h"

#include <dirent.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static bool ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n > m && !strcasecmp(s + n - m, suf);
}

static bool contains(const char *p, size_t n, const char *needle)
{
    return memmem(p, n, needle, strlen(needle)) != NULL;
}

/* The first byte that is not blank (after a byte order mark) opens a JSON object. */
static bool json_object(const char *p, size_t n)
{
    size_t i = (n >= 3 && !memcmp(p, "\xef\xbb\xbf", 3)) ? 3 : 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    return i < n && p[i] == '{';
}

bool zl_tf_name_is_module_file(const char *name)
{
    return name && (ends_with(name, ".tf") || ends_with(name, ".tf.json"));
}

bool zl_tf_dir_is_module(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return false;
    DIR *d = opendir(path);
    if (!d)
        return false;
    bool found = false;
    struct dirent *e;
    while (!found && (e = readdir(d)))
        found = e->d_name[0] != '.' && (ends_with(e->d_name, ".tf") || ends_with(e->d_name, ".tf.json"));
    closedir(d);
    return found;
}

/* The first line that is not blank or a comment starts with one of the
 * top-level block types and then a label or '{'. */
static bool hcl_content(const char *p, size_t n)
{
    static const char *const kw[] = { "resource", "data", "module", "locals", "variable", "output",
                                      "provider", "terraform" };
    size_t i = (n >= 3 && !memcmp(p, "\xef\xbb\xbf", 3)) ? 3 : 0;
    bool in_block_comment = false;
    while (i < n) {
        size_t e = i;
        while (e < n && p[e] != '\n')
            e++;
        size_t k = i;
        while (k < e && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r'))
            k++;
        if (in_block_comment) {
            if (contains(p + k, e - k, "*/"))
                in_block_comment = false;
        } else if (k + 1 < e && p[k] == '/' && p[k + 1] == '*') {
            in_block_comment = !contains(p + k + 2, e - k - 2, "*/");
        } else if (k < e && p[k] != '#' && !(k + 1 < e && p[k] == '/' && p[k + 1] == '/')) {
            for (size_t j = 0; j < sizeof kw / sizeof kw[0]; j++) {
                size_t m = strlen(kw[j]);
                if (e - k > m && !memcmp(p + k, kw[j], m) && (p[k + m] == ' ' || p[k + m] == '\t' || p[k + m] == '{')) {
                    size_t r = k + m;
                    while (r < e && (p[r] == ' ' || p[r] == '\t'))
                        r++;
                    return r < e && (p[r] == '"' || p[r] == '{');
                }
            }
            return false;
        }
        i = e + 1;
    }
    return false;
}

int zl_tf_detect(const char *data, size_t len, const char *name)
{
    if (zl_tf_name_is_module_file(name))
        return ZL_TF_DETECT_HCL;
    if (json_object(data, len) && contains(data, len, "\"format_version\"") &&
        (contains(data, len, "\"planned_values\"") || contains(data, len, "\"root_module\"")))
        return ZL_TF_DETECT_SHOW;
    if (hcl_content(data, len))
        return ZL_TF_DETECT_HCL;
    return ZL_TF_DETECT_NONE;
}

/* The reader table's sniffers (src/input/readers.def). */
bool zl_sniff_terraform(const struct zl_sniff *s)
{
    if (s->dir)
        return zl_tf_dir_is_module(s->dir);
    return zl_tf_detect(s->data, s->len, s->name) == ZL_TF_DETECT_HCL;
}

bool zl_sniff_tfjson(const struct zl_sniff *s)
{
    return !s->dir && zl_tf_detect(s->data, s->len, s->name) == ZL_TF_DETECT_SHOW;
}
