/* SPDX-License-Identifier: MIT */
/* Fuzz targets for the inputs zonelint only reads from a path: the .zonelint
 * config, an octoDNS config (providers: and zones:) and a sender pack
 * (senders = DIR). Each input is written to a file in a private temporary
 * directory (made once per process, removed at exit) and read through the
 * function the CLI calls, then used the way a run uses it.
 *
 * First byte:
 *   config          bit 0  lint the fixed zone with the config's selection,
 *                          disable list and include settings
 *   octodns_config  bit 0  also look for it from a zone file below it
 *                          (zl_octodns_config_find), bit 1 lint a fixed
 *                          octoDNS zone with --octodns-config
 *   senders         bit 0  lint the pack's example, bit 1 the fixed zone,
 *                          bit 2 print it (zonelint senders / explain) */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "cli/config.h"
#include "cli/senders.h"
#include "fuzz.h"
#include "input/exports/octodns_config.h"
#include "input/readers.h"
#include "lint/senders.h"

static char tmpdir[64];

static void remove_tmpdir(void)
{
    static const char *const files[] = { ".zonelint", "octodns.yaml", "senders/pack.yaml",
                                         "senders", "zones", NULL };
    char p[128];
    for (const char *const *f = files; *f; f++) {
        snprintf(p, sizeof p, "%s/%s", tmpdir, *f);
        if (unlink(p) != 0)
            rmdir(p);
    }
    rmdir(tmpdir);
}

/* tmpdir/name holding data; NULL when the directory cannot be made. */
static const char *write_file(const char *name, const uint8_t *data, size_t len)
{
    static char path[128];
    if (!tmpdir[0]) {
        const char *t = getenv("TMPDIR");
        snprintf(tmpdir, sizeof tmpdir, "%s/zl-fuzz.XXXXXX", t && strlen(t) < 40 ? t : "/tmp");
        if (!mkdtemp(tmpdir)) {
            perror("fuzz: mkdtemp");
            abort();
        }
        char p[128];
        snprintf(p, sizeof p, "%s/senders", tmpdir);
        mkdir(p, 0700);
        snprintf(p, sizeof p, "%s/zones", tmpdir);
        mkdir(p, 0700);
        atexit(remove_tmpdir);
    }
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        perror(path);
        abort();
    }
    for (size_t off = 0; off < len;) {
        ssize_t w = write(fd, data + off, len - off);
        if (w <= 0) {
            perror(path);
            abort();
        }
        off += (size_t)w;
    }
    close(fd);
    return path;
}

/* Records for the rules a selection may pick: SPF, DMARC, DKIM, SES, MX. */
static const char fixed_zone[] =
    "$TTL 3600\n"
    "@ SOA ns1.example.net. hostmaster 1 7200 3600 1209600 3600\n"
    "@ NS ns1.example.net.\n"
    "@ MX 10 inbound-smtp.us-east-1.amazonaws.com\n"
    "@ TXT \"v=spf1 include:amazonses.com include:sendgrid.net ~all\"\n"
    "_dmarc TXT \"v=DMARC1; p=none; rua=mailto:d@example.com\"\n"
    "s1._domainkey CNAME s1.domainkey.u123.wl.sendgrid.net.\n"
    "4ixtpnvpubjuxqvnex727otq55y2ew7w._domainkey CNAME 4ixtpnvpubjuxqvnex727otq55y2ew7w.dkim.amazonses.com\n"
    "_amazonses TXT ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\n"
    "www CNAME example.com\n";

/* Enough for a selection to pick rules and findings to be dropped by it. */
static const char small_zone[] =
    "$TTL 3600\n"
    "@ SOA ns1.example.net. hostmaster 1 7200 3600 1209600 3600\n"
    "@ TXT \"v=spf1 include:amazonses.com ~all\" ; zonelint: disable=ZL2103\n"
    "www CNAME example.com\n";

static void lint_text(const char *text, size_t len, const char *name, struct zl_lint_opts *lo)
{
    struct zl_lint_opts o = *lo;
    o.origin = zl_fuzz_origin();
    zl_fuzz_lint(text, len, name, &o, 0);
}

int zl_fuzz_config(const uint8_t *data, size_t size)
{
    if (size < 1 || size > ZL_FUZZ_MAX_INPUT)
        return 0;
    unsigned flags = data[0];
    const char *path = write_file(".zonelint", data + 1, size - 1);
    struct zl_config c;
    memset(&c, 0, sizeof c);
    char err[1024];
    if (zl_config_load(&c, path, err, sizeof err) == 0 && (flags & 1)) {
        struct zl_lint_opts lo;
        memset(&lo, 0, sizeof lo);
        lo.sel.select = c.select.v;
        lo.sel.nselect = c.select.n;
        lo.sel.ignore = c.ignore.v;
        lo.sel.nignore = c.ignore.n;
        lo.disable = (const char *const *)c.disable.v;
        lo.include_root_narrow = c.include_root_narrow;
        lo.no_include = true;
        const char *bad;
        if (zl_selection_valid(&lo.sel, &bad))
            lint_text(small_zone, sizeof small_zone - 1, "example.com.zone", &lo);
    }
    zl_config_free(&c);
    return 0;
}

static const char octodns_zone[] =
    "---\n"
    "'':\n"
    "  - type: A\n"
    "    value: 192.0.2.1\n"
    "  - type: TXT\n"
    "    value: v=spf1 include:amazonses.com -all\n"
    "www:\n"
    "  type: CNAME\n"
    "  value: example.com\n"
    "_dmarc:\n"
    "  type: TXT\n"
    "  value: v=DMARC1\\; p=none\n";

int zl_fuzz_octodns_config(const uint8_t *data, size_t size)
{
    if (size < 1 || size > ZL_FUZZ_MAX_INPUT)
        return 0;
    unsigned flags = data[0];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    (void)zl_octodns_is_config(text, len);
    char path[128];
    snprintf(path, sizeof path, "%s", write_file("octodns.yaml", data + 1, len));
    char zone_dir[128], zone_file[160];
    snprintf(zone_dir, sizeof zone_dir, "%s/zones", tmpdir);
    snprintf(zone_file, sizeof zone_file, "%s/example.com.yaml", zone_dir);

    struct zl_octodns_zone oz;
    bool match;
    char err[1024];
    zl_octodns_config_zone(path, zl_fuzz_origin(), zone_dir, &oz, &match, err, sizeof err);
    if (flags & 1)
        free(zl_octodns_config_find(zone_file, tmpdir));
    if (flags & 2) {
        struct zl_lint_opts lo;
        memset(&lo, 0, sizeof lo);
        lo.no_include = true;
        lo.octodns_config = path;
        lo.input_format = ZL_INPUT_OCTODNS;
        lint_text(octodns_zone, sizeof octodns_zone - 1, "example.com.yaml", &lo);
    }
    return 0;
}

static FILE *devnull(void)
{
    static FILE *f;
    if (!f)
        f = fopen("/dev/null", "w");
    return f;
}

int zl_fuzz_senders(const uint8_t *data, size_t size)
{
    if (size < 1 || size > ZL_FUZZ_MAX_INPUT)
        return 0;
    unsigned flags = data[0];
    write_file("senders/pack.yaml", data + 1, size - 1);
    char dir[96];
    snprintf(dir, sizeof dir, "%s/senders", tmpdir);
    struct zl_senders *s = zl_senders_new();
    struct zl_sender_error e;
    if (zl_senders_load_dir(s, dir, &e) == 0) {
        struct zl_lint_opts lo;
        memset(&lo, 0, sizeof lo);
        lo.no_include = true;
        lo.senders = s;
        for (size_t i = 0; i < zl_senders_count(s); i++) {
            const struct zl_sender_pack *p = zl_senders_at(s, i);
            if (!zl_senders_is_user(s, i))
                continue;
            if ((flags & 1) && p->example) {
                struct zl_buf b = { 0 };
                zl_buf_puts(&b, "$TTL 3600\n");
                zl_buf_puts(&b, p->example);
                lint_text((const char *)b.data, b.len, "example.com.zone", &lo);
                zl_buf_free(&b);
            }
            if ((flags & 4) && devnull()) {
                zl_senders_print_pack(s, p->id, devnull());
                zl_senders_print_list(s, devnull());
            }
            char *sel[2] = { NULL, NULL };
            struct zl_buf b = { 0 };
            zl_buf_printf(&b, "sender:%s", p->id);
            sel[0] = zl_buf_cstr(&b);
            (void)zl_senders_unknown_name(s, sel, 1);
            free(sel[0]);
        }
        if (flags & 2)
            lint_text(fixed_zone, sizeof fixed_zone - 1, "example.com.zone", &lo);
    }
    zl_senders_free(s);
    return 0;
}
