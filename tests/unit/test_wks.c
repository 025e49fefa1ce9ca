/* SPDX-License-Identifier: MIT */
/* WKS protocol and service names (src/rdata/addr.c, src/rdata/wks_*.def):
 * resolved from zonelint's own tables, never from the C library's netdb
 * (/etc/protocols, /etc/services), so a zone parses the same on every machine.
 *
 * This binary runs in an empty netdb environment: it defines the C library's
 * lookup functions itself, as "nothing found", and counts the calls. The
 * library is linked statically into it, so any netdb call it made would land
 * here: names would then fail to resolve and the count would show it. */
#include <errno.h>
#include <netdb.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "rdata/rdata.h"
#include "rdata/types.h"

/* ---- the empty netdb ------------------------------------------------------------ */

static unsigned netdb_calls;

struct protoent *getprotobyname(const char *name)
{
    netdb_calls++;
    return NULL;
}

struct protoent *getprotobynumber(int proto)
{
    netdb_calls++;
    return NULL;
}

struct protoent *getprotoent(void)
{
    netdb_calls++;
    return NULL;
}

int getprotobyname_r(const char *name, struct protoent *pe, char *buf, size_t len,
                     struct protoent **res)
{
    netdb_calls++;
    *res = NULL;
    return ENOENT;
}

int getprotobynumber_r(int proto, struct protoent *pe, char *buf, size_t len, struct protoent **res)
{
    netdb_calls++;
    *res = NULL;
    return ENOENT;
}

struct servent *getservbyname(const char *name, const char *proto)
{
    netdb_calls++;
    return NULL;
}

struct servent *getservbyport(int port, const char *proto)
{
    netdb_calls++;
    return NULL;
}

struct servent *getservent(void)
{
    netdb_calls++;
    return NULL;
}

int getservbyname_r(const char *name, const char *proto, struct servent *se, char *buf, size_t len,
                    struct servent **res)
{
    netdb_calls++;
    *res = NULL;
    return ENOENT;
}

int getservbyport_r(int port, const char *proto, struct servent *se, char *buf, size_t len,
                    struct servent **res)
{
    netdb_calls++;
    *res = NULL;
    return ENOENT;
}

/* ---- parsing --------------------------------------------------------------------- */

static struct zl_name origin;
static struct zl_buf wire;

static int setup(void **state)
{
    unsigned fl;
    assert_int_equal(zl_name_from_text(&origin, "example.", 8, NULL, &fl), ZL_NAME_OK);
    netdb_calls = 0;
    return 0;
}

static int teardown(void **state)
{
    assert_int_equal(netdb_calls, 0);
    return 0;
}

/* Parses WKS rdata (words separated by single spaces) and prints it back into
 * out; returns zl_rdata_parse's result, with its message in err. */
static int wks(const char *rdata, char *out, size_t size, struct zl_rdata_error *err)
{
    struct zl_token toks[64];
    size_t n = 0;
    for (const char *p = rdata; *p && n < 64;) {
        const char *e = strchr(p, ' ');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        memset(&toks[n], 0, sizeof toks[n]);
        toks[n].text = p;
        toks[n].len = (uint32_t)len;
        n++;
        p += len + (e != NULL);
    }
    struct zl_field fields[ZL_RDATA_MAX_FIELDS];
    size_t nf;
    memset(err, 0, sizeof *err);
    wire.len = 0;
    out[0] = '\0';
    int rc = zl_rdata_parse(11, toks, n, &origin, &wire, fields, &nf, err);
    if (rc != 0)
        return rc;
    struct zl_buf text = { NULL, 0, 0 };
    assert_int_equal(zl_rdata_to_text(11, wire.data, wire.len, &text), 0);
    assert_true(text.len < size);
    memcpy(out, text.data, text.len);
    out[text.len] = '\0';
    zl_buf_free(&text);
    return 0;
}

static void expect(const char *rdata, const char *want)
{
    char got[512];
    struct zl_rdata_error err;
    int rc = wks(rdata, got, sizeof got, &err);
    if (want && rc != 0)
        print_error("WKS %s: rejected (%s), want '%s'\n", rdata, err.msg, want);
    if (!want && rc == 0)
        print_error("WKS %s: accepted as '%s', want an error\n", rdata, got);
    assert_int_equal(rc, want ? 0 : -1);
    if (want)
        assert_string_equal(got, want);
}

/* What BIND 9.18 (named-checkzone -D) prints on Debian 12 with netbase 6.4,
 * checked there by hand; NULL where it rejects the record. */
static void test_bind_verdicts(void **state)
{
    expect("10.0.0.1 tcp smtp domain http", "10.0.0.1 6 25 53 80");
    expect("10.0.0.1 TCP SMTP", "10.0.0.1 6 25"); /* TCP: an alias; SMTP: lower-cased */
    expect("10.0.0.1 Tcp smtp", NULL);            /* protocol names are case-sensitive */
    expect("10.0.0.1 udp domain", "10.0.0.1 17 53");
    expect("10.0.0.1 tcp www HTTP", "10.0.0.1 6 80"); /* www: http's alias */
    expect("10.0.0.1 udp biff", "10.0.0.1 17 512");
    expect("10.0.0.1 tcp biff", NULL); /* biff is udp only */
    expect("10.0.0.1 tcp exec", "10.0.0.1 6 512");
    expect("10.0.0.1 tcp dicom", "10.0.0.1 6 104"); /* acr-nema's alias comes first */
    expect("10.0.0.1 ddp echo", "10.0.0.1 37 7");   /* any protocol: the first line */
    expect("10.0.0.1 37 rtmp", "10.0.0.1 37 1");    /* a ddp-only name, any protocol */
    expect("10.0.0.1 icmp smtp", "10.0.0.1 1 25");
    expect("10.0.0.1 sctp amqp", "10.0.0.1 132 5672");
    expect("10.0.0.1 IPv6", "10.0.0.1 41");
    expect("10.0.0.1 ipv6-icmp", "10.0.0.1 58");
    expect("10.0.0.1 mptcp", NULL); /* 262: no room in one octet */
    expect("10.0.0.1 tcp nonexist", NULL);
    expect("10.0.0.1 nonexist 25", NULL);
    expect("10.0.0.1 tcp smt", NULL); /* a prefix is not a name */
    expect("10.0.0.1 tcp smtpx", NULL);
}

static void test_messages(void **state)
{
    char got[64];
    struct zl_rdata_error err;
    assert_int_equal(wks("10.0.0.1 mptcp", got, sizeof got, &err), -1);
    assert_string_equal(err.msg, "WKS protocol 'mptcp' names a protocol number above 255; the WKS "
                                 "protocol field holds 0-255");
    assert_int_equal(wks("10.0.0.1 Tcp", got, sizeof got, &err), -1);
    assert_string_equal(err.msg, "WKS protocol must be a number 0-255 or a protocol name such as "
                                 "tcp or udp, got 'Tcp'");
}

/* ---- every row of the tables ------------------------------------------------------ */

struct row {
    const char *name;
    unsigned number;
    const char *proto;
};

static const struct row protocols[] = {
#define ZL_WKS_PROTO(name, number) { name, number, NULL },
#include "rdata/wks_protocols.def"
#undef ZL_WKS_PROTO
};

static const struct row services[] = {
#define ZL_WKS_SERVICE(name, port, proto) { name, port, proto },
#include "rdata/wks_services.def"
#undef ZL_WKS_SERVICE
};

#define NROWS(a) (sizeof(a) / sizeof(a)[0])

static unsigned proto_number(const char *name)
{
    for (size_t i = 0; i < NROWS(protocols); i++)
        if (strcmp(protocols[i].name, name) == 0)
            return protocols[i].number;
    fail_msg("protocol %s is not in the protocol table", name);
    return 0;
}

/* The reference: a linear scan in table order, first match wins. */
static const struct row *linear_find(const char *name, const char *proto)
{
    for (size_t i = 0; i < NROWS(services); i++)
        if (strcmp(services[i].name, name) == 0 && (!proto || strcmp(services[i].proto, proto) == 0))
            return &services[i];
    return NULL;
}

static void test_tables_sorted(void **state)
{
    for (size_t i = 1; i < NROWS(protocols); i++)
        if (strcmp(protocols[i - 1].name, protocols[i].name) >= 0)
            fail_msg("wks_protocols.def: '%s' before '%s'", protocols[i - 1].name, protocols[i].name);
    for (size_t i = 1; i < NROWS(services); i++)
        if (strcmp(services[i - 1].name, services[i].name) > 0)
            fail_msg("wks_services.def: '%s' before '%s'", services[i - 1].name, services[i].name);
    assert_true(NROWS(protocols) > 100 && NROWS(services) > 300);
}

/* Every protocol name resolves to its number, every service name to the port
 * a first-match scan finds (lower-cased first, then as written), under the
 * protocol it is listed for: tcp and udp by number, others by name. */
static void test_every_row(void **state)
{
    char rdata[128], want[128], got[512];
    struct zl_rdata_error err;
    for (size_t i = 0; i < NROWS(protocols); i++) {
        snprintf(rdata, sizeof rdata, "192.0.2.1 %s", protocols[i].name);
        int rc = wks(rdata, got, sizeof got, &err);
        if (protocols[i].number > 255) {
            assert_int_equal(rc, -1);
            continue;
        }
        snprintf(want, sizeof want, "192.0.2.1 %u", protocols[i].number);
        if (rc != 0)
            fail_msg("WKS %s: %s", rdata, err.msg);
        assert_string_equal(got, want);
    }
    for (size_t i = 0; i < NROWS(services); i++) {
        const struct row *s = &services[i];
        const char *ps = strcmp(s->proto, "tcp") == 0 || strcmp(s->proto, "udp") == 0 ? s->proto : NULL;
        char low[64];
        size_t k = 0;
        for (; s->name[k] && k + 1 < sizeof low; k++)
            low[k] = (char)(s->name[k] >= 'A' && s->name[k] <= 'Z' ? s->name[k] + 32 : s->name[k]);
        low[k] = '\0';
        const struct row *r = linear_find(low, ps);
        if (!r)
            r = linear_find(s->name, ps);
        assert_non_null(r);
        snprintf(rdata, sizeof rdata, "192.0.2.1 %s %s", ps ? ps : s->proto, s->name);
        snprintf(want, sizeof want, "192.0.2.1 %u %u", proto_number(s->proto), r->number);
        if (wks(rdata, got, sizeof got, &err) != 0)
            fail_msg("WKS %s: %s", rdata, err.msg);
        assert_string_equal(got, want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_bind_verdicts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_messages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tables_sorted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_row, setup, teardown),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    zl_buf_free(&wire);
    return rc;
}
