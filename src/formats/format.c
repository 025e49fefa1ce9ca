/* Choosing the input format and driving the structured readers. */
#include "format.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "emit.h"
#include "input/terraform/tf_detect.h"

/* Detection reads this much of a file: the markers sit near the top. */
#define HEAD_BYTES 65536

static const char *const names[] = { "zone", "route53", "octodns", "gcloud", "terraform", "tfjson", "auto" };

const char *zl_input_format_name(enum zl_input_format f)
{
    return (unsigned)f < sizeof names / sizeof names[0] ? names[f] : "?";
}

int zl_input_format_from_name(const char *name, enum zl_input_format *out)
{
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcasecmp(name, names[i])) {
            *out = (enum zl_input_format)i;
            return 0;
        }
    return -1;
}

enum zl_input_format zl_source_input_format(const struct zl_source *src)
{
    return src ? (enum zl_input_format)src->input_format : ZL_INPUT_ZONE;
}

/* ---- detection ------------------------------------------------------------ */

static bool has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n > m && strcasecmp(s + n - m, suf) == 0;
}

static bool contains(const char *p, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (p[i] == needle[0] && memcmp(p + i, needle, m) == 0)
            return true;
    return false;
}

/* A YAML mapping key at the start of a line: 'quoted', "quoted" or a bare
 * word without blanks, then ':' and a blank or the end of the line. A zone
 * file line never looks like that (its fields are separated by blanks). */
static bool yaml_key_line(const char *p, size_t n)
{
    size_t i = 0;
    if (n && (p[0] == '\'' || p[0] == '"')) {
        char q = p[0];
        for (i = 1; i < n && p[i] != q; i++)
            ;
        if (i >= n)
            return false;
        i++;
        while (i < n && p[i] == ' ')
            i++;
    } else {
        while (i < n && p[i] != ':' && p[i] != ' ' && p[i] != '\t' && p[i] != ';' && p[i] != '$')
            i++;
        if (i == 0)
            return false;
    }
    return i < n && p[i] == ':' && (i + 1 == n || p[i + 1] == ' ' || p[i + 1] == '\t' || p[i + 1] == '\r');
}

/* A line "type: X" (octoDNS), possibly as a list item, or a JSON "type" key. */
static bool has_type_key(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && p[e] != '\n')
            e++;
        size_t k = i;
        while (k < e && (p[k] == ' ' || p[k] == '\t'))
            k++;
        /* list items and complex-key values: "- type:", ": - type:" */
        while (k + 1 < e && (p[k] == '-' || p[k] == ':' || p[k] == '?') && p[k + 1] == ' ')
            for (k += 2; k < e && p[k] == ' '; k++)
                ;
        if (e - k >= 5 && (!memcmp(p + k, "type:", 5) || (e - k >= 7 && !memcmp(p + k, "'type':", 7))))
            return true;
        i = e + 1;
    }
    return contains(p, n, "\"type\"");
}

int zl_input_format_detect(const char *data, size_t len, const char *name, char *why, size_t cap)
{
    /* ---- Terraform (src/input/terraform/tf_detect.c) ---- */
    switch (zl_tf_detect(data, len, name)) {
    case ZL_TF_DETECT_HCL: return ZL_INPUT_TERRAFORM;
    case ZL_TF_DETECT_SHOW: return ZL_INPUT_TFJSON;
    default: break;
    }
    /* ---- */
    size_t i = (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3)) ? 3 : 0;
    bool json = false, yaml = false;
    while (i < len) {
        size_t e = i;
        while (e < len && data[e] != '\n')
            e++;
        size_t k = i;
        while (k < e && (data[k] == ' ' || data[k] == '\t' || data[k] == '\r'))
            k++;
        if (k == e || data[k] == '#') { /* blank, or a YAML comment */
            i = e + 1;
            continue;
        }
        if ((e - k >= 3 && !memcmp(data + k, "---", 3)) || (e - k >= 5 && !memcmp(data + k, "%YAML", 5))) {
            yaml = true;
            size_t r = k + 3;
            while (r < e && (data[r] == ' ' || data[r] == '\r'))
                r++;
            if (r == e || data[k] == '%') {
                i = e + 1;
                continue;
            }
            k = r; /* "--- {...}" */
        }
        if (data[k] == '{' || data[k] == '[')
            json = true;
        else if (e - k >= 2 && (data[k] == '-' || data[k] == '?') && data[k + 1] == ' ')
            yaml = true;
        else if (yaml_key_line(data + k, e - k))
            yaml = true;
        break;
    }
    bool named = name && (has_suffix(name, ".json") || has_suffix(name, ".yaml") || has_suffix(name, ".yml"));
    if (!json && !yaml && !named)
        return ZL_INPUT_ZONE;
    if (contains(data, len, "ResourceRecordSets"))
        return ZL_INPUT_ROUTE53;
    if (contains(data, len, "dns#resourceRecordSet") || contains(data, len, "rrdatas"))
        return ZL_INPUT_GCLOUD;
    if ((yaml || named) && !json && has_type_key(data, len))
        return ZL_INPUT_OCTODNS;
    if (why)
        snprintf(why, cap, "%s has no ResourceRecordSets (Route 53), no rrdatas or "
                           "kind: dns#resourceRecordSet (Cloud DNS) and no records with type: (octoDNS)",
                 json ? "the JSON" : yaml ? "the YAML" : "the file");
    return -1;
}

static const char tried[] = "tried: zone file, Route 53 JSON, octoDNS YAML, Cloud DNS record sets, "
                            "Terraform (.tf, .tf.json, terraform show -json)";

/* ---- reading ------------------------------------------------------------------ */

static int read_fd(int fd, size_t max, struct zl_buf *b)
{
    char tmp[65536];
    for (;;) {
        size_t want = sizeof tmp;
        if (max && b->len + want > max)
            want = max - b->len;
        if (want == 0)
            return 0;
        ssize_t r = read(fd, tmp, want);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0)
            return 0;
        zl_buf_put(b, tmp, (size_t)r);
    }
}

int zl_input_format_of_file(const char *path, enum zl_input_format requested)
{
    if (requested != ZL_INPUT_AUTO)
        return requested;
    if (zl_tf_dir_is_module(path)) /* Terraform: a module directory */
        return ZL_INPUT_TERRAFORM;
    int fd = strcmp(path, "-") ? open(path, O_RDONLY) : -1;
    if (fd < 0)
        return ZL_INPUT_ZONE;
    struct zl_buf b = { 0 };
    int rc = read_fd(fd, HEAD_BYTES, &b);
    close(fd);
    int f = rc == 0 ? zl_input_format_detect((const char *)b.data, b.len, path, NULL, 0) : ZL_INPUT_ZONE;
    zl_buf_free(&b);
    return f;
}

const char *zl_input_format_describe(const char *path, enum zl_input_format requested, char *buf,
                                     size_t cap)
{
    if (requested != ZL_INPUT_AUTO) {
        snprintf(buf, cap, "%s (from --input-format)", zl_input_format_name(requested));
        return buf;
    }
    if (zl_tf_dir_is_module(path)) { /* Terraform: a module directory */
        snprintf(buf, cap, "terraform (detected: a directory with .tf files)");
        return buf;
    }
    int fd = strcmp(path, "-") ? open(path, O_RDONLY) : -1;
    if (fd < 0) {
        snprintf(buf, cap, "auto (detected when read)");
        return buf;
    }
    struct zl_buf b = { 0 };
    int rc = read_fd(fd, HEAD_BYTES, &b);
    close(fd);
    char why[256];
    int f = rc == 0 ? zl_input_format_detect((const char *)b.data, b.len, path, why, sizeof why) : -1;
    if (rc != 0)
        snprintf(buf, cap, "auto (cannot read the file)");
    else if (f < 0)
        snprintf(buf, cap, "none: %s (%s)", why, tried);
    else
        snprintf(buf, cap, "%s (detected from the content)", zl_input_format_name((enum zl_input_format)f));
    zl_buf_free(&b);
    return buf;
}

static struct zl_source *new_source(const struct zl_parse_opts *opts, const char *shown, const char *path)
{
    struct zl_source *src = zl_source_new(opts->sources, shown);
    char rp[PATH_MAX];
    if (path && realpath(path, rp))
        src->realpath = zl_xstrdup(rp);
    return src;
}

static void io_error(const struct zl_parse_opts *opts, struct zl_source *src, struct zl_parse_result *res,
                     const char *fmt, const char *a, const char *b)
{
    res->io_error = true;
    if (!opts->sink.emit)
        return;
    struct zl_buf msg = { 0 };
    zl_buf_printf(&msg, fmt, a, b);
    struct zl_diag d = { 0 };
    d.code = "ZL1000";
    d.slug = "io";
    d.severity = ZL_SEV_ERROR;
    d.span.src = src;
    d.message = zl_buf_cstr(&msg);
    opts->sink.emit(opts->sink.user, &d);
}

static void read_structured(struct zl_fmt *f, enum zl_input_format fmt, const char *text, size_t len)
{
    struct zl_yerror err;
    int rc = zl_ydocs_load(&f->y, text, len, f->src, &err);
    if (rc != 0)
        zl_fmt_error(f, &err.span, "%s syntax error: %s",
                     fmt == ZL_INPUT_ROUTE53 || fmt == ZL_INPUT_TFJSON ? "JSON" : "YAML/JSON",
                     err.msg);
    switch (fmt) {
    case ZL_INPUT_ROUTE53: zl_read_route53(f); break;
    case ZL_INPUT_OCTODNS: zl_read_octodns(f); break;
    case ZL_INPUT_GCLOUD: zl_read_gcloud(f); break;
    case ZL_INPUT_TFJSON: zl_read_tfshow(f); break;
    default: break;
    }
    unsigned hidden = f->res->errors > f->errors_shown ? f->res->errors - f->errors_shown : 0;
    if (hidden)
        zl_fmt_report(f, "ZL1001", "syntax", ZL_SEV_ERROR, &f->last_error_span,
                      "%u more syntax errors not shown", hidden);
    zl_ydocs_free(&f->y);
    zl_buf_free(&f->text);
    zl_buf_free(&f->wire);
    free(f->toks);
    free(f->out);
}

/* ---- Terraform (src/input/terraform/tf_read.c) ---- */
static int read_terraform(const struct zl_parse_opts *opts, struct zl_parse_result *res, struct zl_source *src,
                          const char *shown, const char *path, const char *data, size_t len, struct zl_buf *whole)
{
    zl_buf_free(whole);
    struct stat st;
    if (!data && stat(path, &st) != 0) {
        io_error(opts, src, res, "cannot open: %s%s", strerror(errno), "");
        if (!opts->sources)
            zl_parse_sources_free(src);
        return -1;
    }
    if (data) {
        src->memory = zl_xmalloc(len + 1);
        memcpy(src->memory, data, len);
        src->memory_len = len;
    }
    struct zl_fmt f;
    memset(&f, 0, sizeof f);
    f.opts = opts;
    f.res = res;
    f.src = src;
    f.name = shown;
    zl_read_terraform(&f, path, data, len);
    unsigned hidden = res->errors > f.errors_shown ? res->errors - f.errors_shown : 0;
    if (hidden)
        zl_fmt_report(&f, "ZL1001", "syntax", ZL_SEV_ERROR, &f.last_error_span, "%u more syntax errors not shown",
                      hidden);
    zl_buf_free(&f.text);
    zl_buf_free(&f.wire);
    free(f.toks);
    free(f.out);
    if (!opts->sources)
        zl_parse_sources_free(src);
    return 0;
}
/* ---- */

int zl_read_input(const char *path, const char *display, const char *data, size_t len,
                  enum zl_input_format fmt, const struct zl_parse_opts *opts,
                  struct zl_parse_result *res, enum zl_input_format *used)
{
    const char *shown = display ? display : path;
    struct zl_buf whole = { 0 };
    bool have_whole = false;
    if (fmt == ZL_INPUT_AUTO) {
        char why[256];
        int d;
        if (data) {
            d = zl_input_format_detect(data, len < HEAD_BYTES ? len : HEAD_BYTES, shown, why, sizeof why);
        } else {
            int fd = open(path, O_RDONLY);
            struct stat st;
            if (zl_tf_dir_is_module(path)) { /* Terraform: a module directory */
                d = ZL_INPUT_TERRAFORM;
            } else if (fd < 0 || fstat(fd, &st) != 0 || S_ISDIR(st.st_mode) || read_fd(fd, HEAD_BYTES, &whole) != 0) {
                d = ZL_INPUT_ZONE; /* the zone parser words the error */
            } else {
                d = zl_input_format_detect((const char *)whole.data, whole.len, shown, why, sizeof why);
                /* A zone file is read again by its parser; only the others need the rest. */
                if (d != ZL_INPUT_ZONE && read_fd(fd, 0, &whole) == 0)
                    have_whole = true;
            }
            if (fd >= 0)
                close(fd);
        }
        if (d < 0) {
            /* The file was read; its content is what is wrong: a finding at
             * its first line (exit 1), like any zone file that does not parse. */
            memset(res, 0, sizeof *res);
            struct zl_source *src = new_source(opts, shown, data ? NULL : path);
            res->errors++;
            struct zl_span at = { src, 1, 1, 1, 2 };
            struct zl_buf msg = { 0 };
            zl_buf_printf(&msg, "this file matches no input format: %s; %s", why, tried);
            struct zl_diag diag = { 0 };
            diag.code = "ZL1001";
            diag.slug = "syntax";
            diag.severity = ZL_SEV_ERROR;
            diag.span = at;
            diag.message = zl_buf_cstr(&msg);
            if (opts->sink.emit)
                opts->sink.emit(opts->sink.user, &diag);
            else
                zl_buf_free(&msg);
            if (!opts->sources)
                zl_parse_sources_free(src);
            zl_buf_free(&whole);
            return 0;
        }
        fmt = (enum zl_input_format)d;
    }
    if (used)
        *used = fmt;
    if (fmt == ZL_INPUT_ZONE) {
        zl_buf_free(&whole);
        return data ? zl_parse_buffer(data, len, shown, opts, res) : zl_parse_file(path, display, opts, res);
    }

    memset(res, 0, sizeof *res);
    struct zl_source *src = new_source(opts, shown, data ? NULL : path);
    src->input_format = (unsigned char)fmt;
    if (fmt == ZL_INPUT_TERRAFORM) /* reads its own files (a module is a directory) */
        return read_terraform(opts, res, src, shown, path, data, len, &whole);
    if (!data && !have_whole) {
        int fd = open(path, O_RDONLY);
        whole.len = 0;
        int rc = fd < 0 ? -1 : read_fd(fd, 0, &whole);
        if (fd >= 0)
            close(fd);
        if (rc != 0) {
            io_error(opts, src, res, "cannot open: %s%s", strerror(errno), "");
            if (!opts->sources)
                zl_parse_sources_free(src);
            zl_buf_free(&whole);
            return -1;
        }
    }
    if (data) {
        /* Kept so that reporters can show its lines (stdin). */
        src->memory = zl_xmalloc(len + 1);
        memcpy(src->memory, data, len);
        src->memory_len = len;
    }
    struct zl_fmt f;
    memset(&f, 0, sizeof f);
    f.opts = opts;
    f.res = res;
    f.src = src;
    f.name = shown;
    const char *text = data ? data : whole.data ? (const char *)whole.data : "";
    read_structured(&f, fmt, text, data ? len : whole.len);
    zl_buf_free(&whole);
    if (!opts->sources)
        zl_parse_sources_free(src);
    return 0;
}
