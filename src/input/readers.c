/* SPDX-License-Identifier: MIT */
/* Choosing the input format and driving the structured readers. */
#include "input/readers.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "input/exports/emit.h"
#include "input/exports/ystream.h"
#include "input/confine.h"

/* Detection reads this much of a file: the markers sit near the top. */
#define HEAD_BYTES 65536

static const struct zl_reader readers[] = {
#define ZL_READER(id, name, title, looks_for, caps, sniff, read, zone_from) \
    { ZL_INPUT_##id, name, title, looks_for, caps, sniff, read, zone_from },
#define ZL_READER_ZONE(id, name, title, caps, zone_from) { ZL_INPUT_##id, name, title, "", caps, NULL, NULL, zone_from },
#include "input/readers.def"
#undef ZL_READER
#undef ZL_READER_ZONE
};
#define NREADERS (sizeof readers / sizeof readers[0])

const struct zl_reader *zl_reader_of(enum zl_input_format f)
{
    return (unsigned)f < NREADERS ? &readers[f] : &readers[ZL_INPUT_ZONE];
}

const struct zl_reader *zl_reader_of_source(const struct zl_source *src)
{
    return zl_reader_of(zl_source_input_format(src));
}

const char *zl_input_format_name(enum zl_input_format f)
{
    return f == ZL_INPUT_AUTO ? "auto" : (unsigned)f < NREADERS ? readers[f].name : "?";
}

int zl_input_format_from_name(const char *name, enum zl_input_format *out)
{
    if (!strcasecmp(name, "auto")) {
        *out = ZL_INPUT_AUTO;
        return 0;
    }
    for (size_t i = 0; i < NREADERS; i++)
        if (!strcasecmp(name, readers[i].name)) {
            *out = readers[i].id;
            return 0;
        }
    return -1;
}

const char *zl_input_format_names(char *buf, size_t cap)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i <= NREADERS && o < cap; i++) {
        const char *n = i < NREADERS ? readers[i].name : "auto";
        const char *sep = i == 0 ? "" : i == NREADERS ? " or " : ", ";
        int w = snprintf(buf + o, cap - o, "%s%s", sep, n);
        o += w > 0 ? (size_t)w : 0;
    }
    return buf;
}

const char *zl_input_format_words(void)
{
    static char words[256];
    if (!words[0]) {
        size_t o = 0;
        for (size_t i = 0; i < NREADERS; i++)
            o += (size_t)snprintf(words + o, sizeof words - o, "%s ", readers[i].name);
        snprintf(words + o, sizeof words - o, "auto");
    }
    return words;
}

/* "tried: zone file, Route 53 JSON, ..." */
static const char *tried(char *buf, size_t cap)
{
    size_t o = (size_t)snprintf(buf, cap, "tried: ");
    for (size_t i = 0; i < NREADERS && o < cap; i++) {
        int w = snprintf(buf + o, cap - o, "%s%s", i ? ", " : "", readers[i].title);
        o += w > 0 ? (size_t)w : 0;
    }
    return buf;
}

enum zl_input_format zl_source_input_format(const struct zl_source *src)
{
    return src ? (enum zl_input_format)src->input_format : ZL_INPUT_ZONE;
}

static const struct zl_reader *directory_reader(const char *path, enum zl_input_format fmt);

/* ---- detection ------------------------------------------------------------ */

static bool has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n > m && strcasecmp(s + n - m, suf) == 0;
}

bool zl_sniff_contains(const struct zl_sniff *s, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= s->len; i++)
        if (s->data[i] == needle[0] && memcmp(s->data + i, needle, m) == 0)
            return true;
    return false;
}

static bool blank_char(char c)
{
    return c == ' ' || c == '\t';
}

bool zl_sniff_has_key(const struct zl_sniff *s, const char *key)
{
    size_t m = strlen(key);
    const char *d = s->data;
    for (size_t i = 0; i + m <= s->len; i++) {
        if (d[i] != key[0] || memcmp(d + i, key, m) != 0)
            continue;
        char q = i > 0 && (d[i - 1] == '"' || d[i - 1] == '\'') ? d[i - 1] : 0;
        size_t j = i + m, b = q ? i - 1 : i;
        if (q && (j >= s->len || d[j++] != q))
            continue;
        while (j < s->len && blank_char(d[j]))
            j++;
        if (j >= s->len || d[j] != ':')
            continue;
        /* a bare YAML key ends at ": " or the end of the line */
        if (!q && j + 1 < s->len && !blank_char(d[j + 1]) && d[j + 1] != '\r' && d[j + 1] != '\n')
            continue;
        size_t b0 = b;
        while (b > 0 && blank_char(d[b - 1]))
            b--;
        char c = b > 0 ? d[b - 1] : '\n';
        if (b == 3 && !memcmp(d, "\xef\xbb\xbf", 3))
            c = '\n'; /* after a byte order mark: the first line */
        if (c == '\n' || c == '\r' || c == '{' || c == ',' || ((c == '-' || c == '?') && b < b0))
            return true;
    }
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

int zl_input_format_detect(const char *data, size_t len, const char *name, char *why, size_t cap)
{
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
    struct zl_sniff sn = {
        .data = data, .len = len, .name = name, .json = json, .yaml = yaml,
        .named = name && (has_suffix(name, ".json") || has_suffix(name, ".yaml") || has_suffix(name, ".yml")),
    };
    for (size_t r = 0; r < NREADERS; r++)
        if (readers[r].sniff && readers[r].sniff(&sn))
            return readers[r].id;
    if (!json && !yaml && !sn.named)
        return ZL_INPUT_ZONE;
    if (why) {
        size_t o = (size_t)snprintf(why, cap, "%s has no ", json ? "the JSON" : yaml ? "the YAML" : "the file");
        size_t nl = 0, k = 0;
        for (size_t r = 0; r < NREADERS; r++)
            nl += readers[r].sniff != NULL;
        for (size_t r = 0; r < NREADERS && o < cap; r++) {
            if (!readers[r].sniff)
                continue;
            k++;
            int w = snprintf(why + o, cap - o, "%s%s", k == 1 ? "" : k == nl ? " and no " : ", no ",
                             readers[r].looks_for);
            o += w > 0 ? (size_t)w : 0;
        }
    }
    return -1;
}

/* ---- reading ------------------------------------------------------------------ */

/* Appends the file's bytes to b until it holds max (0: the whole file, as
 * big as it was when opened). 0, or -1 on a read error (errno set). */
static int read_file(struct zl_file *f, size_t max, struct zl_buf *b)
{
    char tmp[65536];
    for (;;) {
        size_t want = sizeof tmp;
        if (max && b->len + want > max)
            want = max - b->len;
        if (want == 0)
            return 0;
        long r = zl_file_read(f, b->len, tmp, want);
        if (r < 0)
            return -1;
        if (r == 0)
            return 0;
        zl_buf_put(b, tmp, (size_t)r);
    }
}

/* The start of a file named on the command line, for detection. */
static int read_head(const char *path, struct zl_buf *b)
{
    struct zl_opened o;
    if (!strcmp(path, "-") || zl_open_argument(path, NULL, 0, &o) != ZL_OPEN_OK)
        return -1;
    int rc = read_file(&o.file, HEAD_BYTES, b);
    zl_file_close(&o.file);
    return rc;
}

int zl_input_format_of_file(const char *path, enum zl_input_format requested)
{
    if (requested != ZL_INPUT_AUTO)
        return requested;
    const struct zl_reader *dr = directory_reader(path, requested);
    if (dr)
        return dr->id;
    struct zl_buf b = { 0 };
    int rc = read_head(path, &b);
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
    const struct zl_reader *dr = directory_reader(path, requested);
    if (dr) {
        snprintf(buf, cap, "%s (detected: a directory it reads as one input)", dr->name);
        return buf;
    }
    struct zl_buf b = { 0 };
    if (read_head(path, &b) != 0) {
        zl_buf_free(&b);
        snprintf(buf, cap, "auto (detected when read)");
        return buf;
    }
    char why[512], t[512];
    int f = zl_input_format_detect((const char *)b.data, b.len, path, why, sizeof why);
    if (f < 0)
        snprintf(buf, cap, "none: %s (%s)", why, tried(t, sizeof t));
    else
        snprintf(buf, cap, "%s (detected from the content)", zl_input_format_name((enum zl_input_format)f));
    zl_buf_free(&b);
    return buf;
}

static struct zl_source *new_source(const struct zl_parse_opts *opts, const char *shown, const struct zl_opened *o)
{
    struct zl_source *src = zl_source_new(opts->sources, shown);
    if (o) {
        src->realpath = zl_xstrdup(o->real);
        src->dir = zl_xstrdup(o->dir);
        src->dev = o->file.dev;
        src->ino = o->file.ino;
        src->has_id = true;
    }
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
    struct zl_diag d;
    zl_diag_init(&d, ZL_RULE_ZL1000, ZL_SEV_ERROR, (struct zl_span){ .src = src }, "%s", zl_buf_cstr(&msg));
    zl_buf_free(&msg);
    opts->sink.emit(opts->sink.user, &d);
}

static void read_structured(struct zl_fmt *f, enum zl_input_format fmt, const char *text, size_t len)
{
    zl_reader_of(fmt)->read(f, text, len);
    unsigned hidden = f->res->errors > f->errors_shown ? f->res->errors - f->errors_shown : 0;
    if (hidden)
        zl_fmt_report(f, ZL_RULE_ZL1001, &f->last_error_span,
                      "%u more syntax errors not shown", hidden);
    zl_ydocs_free(&f->y);
    zl_ys_free(f);
    zl_fmt_free_kept(f);
    zl_buf_free(&f->text);
    zl_buf_free(&f->wire);
    free(f->toks);
    free(f->out);
}

/* The content matches no format: a finding at its first line (exit 1),
 * like any zone file that does not parse. */
static void no_format(const struct zl_parse_opts *opts, struct zl_parse_result *res, const char *shown,
                      const struct zl_opened *o, const char *why)
{
    memset(res, 0, sizeof *res);
    struct zl_source *src = new_source(opts, shown, o);
    res->errors++;
    struct zl_span at = { src, 1, 1, 1, 2 };
    struct zl_diag diag;
    char t[512];
    zl_diag_init(&diag, ZL_RULE_ZL1001, ZL_SEV_ERROR, at, "this file matches no input format: %s; %s", why,
                 tried(t, sizeof t));
    if (opts->sink.emit)
        opts->sink.emit(opts->sink.user, &diag);
    else
        zl_diag_free(&diag);
    if (!opts->sources)
        zl_parse_sources_free(src);
}

static void structured(const struct zl_parse_opts *opts, struct zl_parse_result *res, struct zl_source *src,
                       enum zl_input_format fmt, const char *shown, const char *path, const char *text,
                       size_t len, struct zl_file *file)
{
    struct zl_fmt f;
    memset(&f, 0, sizeof f);
    f.opts = opts;
    f.res = res;
    f.src = src;
    f.name = shown;
    f.path = path;
    f.in.file = file;
    read_structured(&f, fmt, text, len);
}

/* The reader that reads the directory at path as one input, or NULL (not
 * a directory, or no reader claims it). */
static const struct zl_reader *directory_reader(const char *path, enum zl_input_format fmt)
{
    struct stat st;
    if (!path || stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return NULL;
    struct zl_sniff sn = { .data = "", .len = 0, .name = path, .dir = path };
    for (size_t i = 0; i < NREADERS; i++)
        if (readers[i].sniff && (fmt == ZL_INPUT_AUTO || fmt == readers[i].id) && readers[i].sniff(&sn))
            return &readers[i];
    return NULL;
}

/* A directory named on the command line that a reader reads as one input
 * (a Terraform module): AUTO asks each reader; 1 when one claimed it (and
 * read it), 0 when none did. */
static int read_directory(const char *path, const char *shown, enum zl_input_format fmt,
                          const struct zl_parse_opts *opts, struct zl_parse_result *res, enum zl_input_format *used)
{
    const struct zl_reader *r = directory_reader(path, fmt);
    if (!r)
        return 0;
    if (used)
        *used = r->id;
    memset(res, 0, sizeof *res);
    struct zl_source *src = new_source(opts, shown, NULL);
    src->input_format = (unsigned char)r->id;
    structured(opts, res, src, r->id, shown, path, NULL, 0, NULL);
    if (!opts->sources)
        zl_parse_sources_free(src);
    return 1;
}

/* A file named on the command line: opened once (confine.h), its start
 * read for detection, then handed to the zone parser or read whole. */
static int read_file_input(const char *path, const char *shown, enum zl_input_format fmt,
                           const struct zl_parse_opts *opts, struct zl_parse_result *res,
                           enum zl_input_format *used)
{
    if (read_directory(path, shown, fmt, opts, res, used))
        return res->io_error ? -1 : 0;
    struct zl_root widen;
    bool have_widen = opts->include_root && zl_root_from_dir(opts->include_root, ZL_ROOT_EXPLICIT, &widen) == 0;
    struct zl_opened o;
    enum zl_open_status st = zl_open_argument(path, have_widen ? &widen : NULL, opts->max_input_size, &o);
    if (st != ZL_OPEN_OK) {
        if (used)
            *used = fmt == ZL_INPUT_AUTO ? ZL_INPUT_ZONE : fmt;
        return zl_parse_opened(&o, st, shown, opts, res); /* words the error */
    }
    struct zl_buf whole = { 0 };
    size_t olen = 0;
    const char *otext = zl_overlay_text(opts->overlay, o.real, &olen);
    if (otext) {
        /* --fix/--diff changed it: its text stands in for the file's */
        zl_buf_put(&whole, otext, olen);
    } else if (read_file(&o.file, fmt == ZL_INPUT_ZONE ? 1 : HEAD_BYTES, &whole) != 0) {
        o.file.err = errno;
        zl_file_close(&o.file);
        zl_buf_free(&whole);
        return zl_parse_opened(&o, ZL_OPEN_ERRNO, shown, opts, res);
    }
    if (fmt == ZL_INPUT_AUTO && zl_text_not_utf8(whole.data ? whole.data : (const uint8_t *)"", whole.len))
        fmt = ZL_INPUT_ZONE; /* UTF-16 or binary: the zone reader says so, once */
    if (fmt == ZL_INPUT_AUTO) {
        char why[512];
        int d = zl_input_format_detect((const char *)whole.data, whole.len, shown, why, sizeof why);
        if (d < 0) {
            no_format(opts, res, shown, &o, why);
            zl_file_close(&o.file);
            zl_buf_free(&whole);
            return 0;
        }
        fmt = (enum zl_input_format)d;
    }
    if (used)
        *used = fmt;
    if (fmt == ZL_INPUT_ZONE) {
        zl_buf_free(&whole);
        return zl_parse_opened(&o, ZL_OPEN_OK, shown, opts, res);
    }
    memset(res, 0, sizeof *res);
    struct zl_source *src = new_source(opts, shown, &o);
    src->input_format = (unsigned char)fmt;
    if (otext) {
        zl_file_close(&o.file);
        src->memory = zl_xmalloc(olen + 1);
        memcpy(src->memory, otext, olen);
        src->memory_len = olen;
        structured(opts, res, src, fmt, shown, path, otext, olen, NULL);
        zl_buf_free(&whole);
        if (!opts->sources)
            zl_parse_sources_free(src);
        return 0;
    }
    if (zl_reader_of(fmt)->caps & ZL_READS_STREAMED) {
        /* read as it goes (it says itself when the file cannot be read whole) */
        zl_buf_free(&whole);
        structured(opts, res, src, fmt, shown, path, NULL, 0, &o.file);
        zl_file_close(&o.file);
        if (!opts->sources)
            zl_parse_sources_free(src);
        return res->io_error ? -1 : 0;
    }
    int rc = read_file(&o.file, 0, &whole);
    bool grew = rc == 0 && zl_file_grew(&o.file);
    zl_file_close(&o.file);
    if (rc != 0 || grew) {
        char a[32];
        if (grew)
            zl_size_text(o.file.size, a, sizeof a);
        io_error(opts, src, res, grew ? "the file grew while it was read; only the %s it had when zonelint "
                                        "opened it were read (lint it again when it is complete)%s"
                                      : "read error: %s%s",
                 grew ? a : strerror(errno), "");
    } else {
        structured(opts, res, src, fmt, shown, path, whole.data ? (const char *)whole.data : "", whole.len, NULL);
    }
    zl_buf_free(&whole);
    if (!opts->sources)
        zl_parse_sources_free(src);
    return res->io_error ? -1 : 0;
}

int zl_read_input(const char *path, const char *display, const char *data, size_t len,
                  enum zl_input_format fmt, const struct zl_parse_opts *opts,
                  struct zl_parse_result *res, enum zl_input_format *used)
{
    const char *shown = display ? display : path;
    if (!data)
        return read_file_input(path, shown, fmt, opts, res, used);
    if (fmt == ZL_INPUT_AUTO && zl_text_not_utf8((const unsigned char *)data, len))
        fmt = ZL_INPUT_ZONE; /* UTF-16 or binary: the zone reader says so, once */
    if (fmt == ZL_INPUT_AUTO) {
        char why[512];
        int d = zl_input_format_detect(data, len < HEAD_BYTES ? len : HEAD_BYTES, shown, why, sizeof why);
        if (d < 0) {
            no_format(opts, res, shown, NULL, why);
            return 0;
        }
        fmt = (enum zl_input_format)d;
    }
    if (used)
        *used = fmt;
    if (fmt == ZL_INPUT_ZONE)
        return zl_parse_buffer(data, len, shown, opts, res);
    memset(res, 0, sizeof *res);
    struct zl_source *src = new_source(opts, shown, NULL);
    src->input_format = (unsigned char)fmt;
    /* Kept so that reporters can show its lines (stdin). */
    src->memory = zl_xmalloc(len + 1);
    memcpy(src->memory, data, len);
    src->memory_len = len;
    structured(opts, res, src, fmt, shown, NULL, data, len, NULL);
    if (!opts->sources)
        zl_parse_sources_free(src);
    return 0;
}
