/* SPDX-License-Identifier: MIT */
/* zonelint verify without a network: addresses, RDATA comparison, the
 * explanations of a difference, matching an expectation against a served
 * RRset, classifying answers, the pace, dig commands, reading --zone, and
 * judging hand-built runs (answers as a server would give them) into
 * ZL6xxx findings. The live paths run against NSD in tests/verify/.
 * Covers src/verify/ (query.c's address helpers, rrcmp.c, run.c, pool.c's
 * pacer, expect.c, judge.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#include "lint/lint.h"
#include "base/names.h"
#include "rdata/types.h"
#include "verify/expect.h"
#include "verify/judge.h"
#include "verify/pool.h"
#include "verify/rrcmp.h"
#include "verify/run.h"

#define T1 "6rwjyax6r5oaj4xkvndmevzfbdof34h3"
#define VT "n0G9W8uw8de9puyHB9d3xvE/pg3mKBxfeN4/YYsakj8="

static struct zl_name N(const char *s)
{
    struct zl_name n;
    assert_int_equal(zl_name_from_text(&n, s, strlen(s), NULL, NULL), ZL_NAME_OK);
    return n;
}

/* One record line parsed by zonelint's parser: owner, type, TTL, RDATA. */
struct rec {
    struct zl_vexpects x;
    const struct zl_vexpect *e;
};

static void rec(struct rec *r, const char *line)
{
    memset(r, 0, sizeof *r);
    char buf[1024];
    snprintf(buf, sizeof buf, "%s\n", line);
    r->e = zl_vexpect_add_line(&r->x, buf, ZL_VM_RRSET, NULL, NULL);
    assert_non_null(r->e);
}

static void rec_free(struct rec *r)
{
    zl_vexpects_free(&r->x);
}

/* RDATA of a line, for the comparison tests. */
static bool equal_lines(const char *a, const char *b)
{
    struct rec x, y;
    rec(&x, a);
    rec(&y, b);
    assert_int_equal(x.e->type, y.e->type);
    bool eq = zl_vrdata_equal(x.e->type, x.e->v[0].rdata, x.e->v[0].rdlen, y.e->v[0].rdata, y.e->v[0].rdlen);
    rec_free(&x);
    rec_free(&y);
    return eq;
}

static enum zl_vdiff explain(const char *want, const char *got, char *why, size_t cap)
{
    struct rec x, y;
    rec(&x, want);
    rec(&y, got);
    struct zl_name d = N("example.com.");
    enum zl_vdiff k = zl_vexplain(x.e->type, x.e->v[0].rdata, x.e->v[0].rdlen, y.e->v[0].rdata, y.e->v[0].rdlen, &d,
                                  why, cap);
    rec_free(&x);
    rec_free(&y);
    return k;
}

/* ---- addresses ---------------------------------------------------------------- */

static void test_addresses(void **state)
{
    (void)state;
    struct zl_vaddr a;
    char t[ZL_VADDR_TEXT_MAX];
    assert_int_equal(zl_vaddr_parse("127.0.0.2", 53, &a), 0);
    assert_int_equal(a.family, AF_INET);
    assert_int_equal(a.port, 53);
    assert_string_equal(zl_vaddr_text(&a, true, t), "127.0.0.2:53");
    assert_int_equal(zl_vaddr_parse("192.0.2.1:5300", 53, &a), 0);
    assert_int_equal(a.port, 5300);
    assert_int_equal(zl_vaddr_parse("[2001:db8::1]:5353", 53, &a), 0);
    assert_int_equal(a.family, AF_INET6);
    assert_string_equal(zl_vaddr_text(&a, true, t), "[2001:db8::1]:5353");
    assert_int_equal(zl_vaddr_parse("2001:db8::53", 53, &a), 0);
    assert_string_equal(zl_vaddr_text(&a, false, t), "2001:db8::53");
    assert_int_equal(a.port, 53);
    assert_int_equal(zl_vaddr_parse("1.2.3", 53, &a), -1);
    assert_int_equal(zl_vaddr_parse("1.2.3.4:0", 53, &a), -1);
    assert_int_equal(zl_vaddr_parse("1.2.3.4:65536", 53, &a), -1);
    assert_int_equal(zl_vaddr_parse("1.2.3.4:", 53, &a), -1);
    assert_int_equal(zl_vaddr_parse("[::1", 53, &a), -1);
    assert_int_equal(zl_vaddr_parse("ns1.example.com", 53, &a), -1);
}

/* ---- RDATA equality --------------------------------------------------------------- */

static void test_rdata_equal(void **state)
{
    (void)state;
    /* names inside RDATA compare without case */
    assert_true(equal_lines("a.example.com. 300 IN CNAME Tok.DKIM.AmazonSES.com.",
                            "a.example.com. 300 IN CNAME tok.dkim.amazonses.com."));
    assert_true(equal_lines("example.com. 300 IN MX 10 MAIL.example.com.", "example.com. 300 IN MX 10 mail.example.com."));
    assert_false(equal_lines("example.com. 300 IN MX 10 mail.example.com.", "example.com. 300 IN MX 20 mail.example.com."));
    assert_false(equal_lines("a.example.com. 300 IN CNAME b.example.com.", "a.example.com. 300 IN CNAME c.example.com."));
    /* TXT: the joined text, split anywhere; but its case matters */
    assert_true(equal_lines("e.com. 300 IN TXT \"v=spf1 include:a\" \"mazonses.com ~all\"",
                            "e.com. 300 IN TXT \"v=spf1 include:amazonses.com ~all\""));
    assert_false(equal_lines("e.com. 300 IN TXT \"" VT "\"", "e.com. 300 IN TXT \"N0G9W8uw8de9puyHB9d3xvE/pg3mKBxfeN4/YYsakj8=\""));
    assert_false(equal_lines("e.com. 300 IN TXT \"abc\"", "e.com. 300 IN TXT \"abc \""));
    assert_true(equal_lines("e.com. 300 IN A 192.0.2.1", "e.com. 300 IN A 192.0.2.1"));
    assert_false(equal_lines("e.com. 300 IN A 192.0.2.1", "e.com. 300 IN A 192.0.2.2"));
    /* an SOA: both names folded, the numbers exact */
    assert_true(equal_lines("e.com. 300 IN SOA NS1.e.com. H.e.com. 1 2 3 4 5", "e.com. 300 IN SOA ns1.e.com. h.e.com. 1 2 3 4 5"));
    assert_false(equal_lines("e.com. 300 IN SOA ns1.e.com. h.e.com. 1 2 3 4 5", "e.com. 300 IN SOA ns1.e.com. h.e.com. 2 2 3 4 5"));
}

/* ---- explanations -------------------------------------------------------------------- */

static void test_explain_txt(void **state)
{
    (void)state;
    char why[600];
    assert_int_equal(explain("_amazonses.example.com. 1 IN TXT \"" VT "\"", "_amazonses.example.com. 1 IN TXT \" " VT "\"",
                             why, sizeof why),
                     ZL_VDIFF_STRAY);
    assert_non_null(strstr(why, "a stray leading space"));
    assert_int_equal(explain("x.example.com. 1 IN TXT \"" VT "\"", "x.example.com. 1 IN TXT \"\\\"" VT "\\\"\"", why,
                             sizeof why),
                     ZL_VDIFF_STRAY);
    assert_non_null(strstr(why, "quotes around it"));
    assert_int_equal(explain("x.example.com. 1 IN TXT \"" VT "\"", "x.example.com. 1 IN TXT \"" VT "  \"", why, sizeof why),
                     ZL_VDIFF_STRAY);
    assert_non_null(strstr(why, "stray trailing blanks"));
    /* a no-break space pasted in front */
    assert_int_equal(explain("x.example.com. 1 IN TXT \"abcdefgh\"", "x.example.com. 1 IN TXT \"\\194\\160abcdefgh\"", why,
                             sizeof why),
                     ZL_VDIFF_STRAY);
    assert_non_null(strstr(why, "invisible"));
    assert_int_equal(explain("x.example.com. 1 IN TXT \"" VT "\"",
                             "x.example.com. 1 IN TXT \"n0G9W8uw8de9puyHB9d3xvE/pg3mKBxfeN4/YYsakj8\"", why, sizeof why),
                     ZL_VDIFF_NO_EQUALS);
    assert_non_null(strstr(why, "trailing '='"));
    assert_int_equal(explain("x.example.com. 1 IN TXT \"v=spf1 include:amazonses.com ~all\"",
                             "x.example.com. 1 IN TXT \"v=spf1 include:amazonses.co ~all\"", why, sizeof why),
                     ZL_VDIFF_ONE_SHORT);
    assert_non_null(strstr(why, "'m' (character 28 of 33) is missing"));
    assert_int_equal(explain("x.example.com. 1 IN TXT \"abcdefghij\"", "x.example.com. 1 IN TXT \"abcdefghi\"", why,
                             sizeof why),
                     ZL_VDIFF_ONE_SHORT);
    assert_non_null(strstr(why, "the last character, 'j', is missing"));
    assert_int_equal(explain("x.example.com. 1 IN TXT \"abcdefghijklmnop\"", "x.example.com. 1 IN TXT \"abcdefghij\"", why,
                             sizeof why),
                     ZL_VDIFF_CUT);
    assert_non_null(strstr(why, "10 of 16"));
    assert_int_equal(explain("x.example.com. 1 IN TXT \"abcdefgh\"", "x.example.com. 1 IN TXT \"abcdefghXYZ\"", why,
                             sizeof why),
                     ZL_VDIFF_EXTRA);
    assert_non_null(strstr(why, "'XYZ'"));
    assert_int_equal(explain("x.example.com. 1 IN TXT \"abcdefgh\"", "x.example.com. 1 IN TXT \"token=abcdefgh;\"", why,
                             sizeof why),
                     ZL_VDIFF_AROUND);
    assert_int_equal(explain("x.example.com. 1 IN TXT \"abcdefgh\"", "x.example.com. 1 IN TXT \"ABCDEFGH\"", why, sizeof why),
                     ZL_VDIFF_CASE);
    assert_int_equal(explain("x.example.com. 1 IN TXT \"abcdefgh\"", "x.example.com. 1 IN TXT \"abcdxfgh\"", why, sizeof why),
                     ZL_VDIFF_ONE_CHAR);
    assert_non_null(strstr(why, "'x' where the value has 'e'"));
    /* nothing alike: nothing to say */
    assert_int_equal(explain("x.example.com. 1 IN TXT \"abcdefgh\"", "x.example.com. 1 IN TXT \"something else\"", why,
                             sizeof why),
                     ZL_VDIFF_NONE);
    assert_string_equal(why, "");
}

static void test_explain_names(void **state)
{
    (void)state;
    char why[600];
    assert_int_equal(explain("a.example.com. 1 IN CNAME " T1 ".dkim.amazonses.com.",
                             "a.example.com. 1 IN CNAME " T1 ".dkim.amazonses.com.example.com.", why, sizeof why),
                     ZL_VDIFF_APEX_APPENDED);
    assert_non_null(strstr(why, "appended the domain 'example.com'"));
    /* the seed's " 4hzwn....dkim.amazonses.com. ", stored relative */
    assert_int_equal(explain("a.example.com. 1 IN CNAME " T1 ".dkim.amazonses.com.",
                             "a.example.com. 1 IN CNAME \\\"\\032" T1 ".dkim.amazonses.com.\\032\\\".example.com.", why,
                             sizeof why),
                     ZL_VDIFF_STRAY);
    assert_non_null(strstr(why, "stray blanks and quotes around it"));
    assert_non_null(strstr(why, "and the provider appended the domain 'example.com'"));
    assert_int_equal(explain("a.example.com. 1 IN CNAME " T1 ".dkim.amazonses.com.",
                             "a.example.com. 1 IN CNAME 6rwjyax6r5oaj4xkvndmevzfbdof34h.dkim.amazonses.com.", why, sizeof why),
                     ZL_VDIFF_ONE_SHORT);
    assert_int_equal(explain("a.example.com. 1 IN CNAME " T1 ".dkim.amazonses.com.",
                             "a.example.com. 1 IN CNAME iukdkfz266ybfmqwxythqpvxxlby3cbo.dkim.amazonses.com.", why, sizeof why),
                     ZL_VDIFF_OTHER_TOKEN);
    assert_non_null(strstr(why, "another token"));
    assert_int_equal(explain("m.example.com. 1 IN MX 10 feedback-smtp.us-east-1.amazonses.com.",
                             "m.example.com. 1 IN MX 20 feedback-smtp.us-east-1.amazonses.com.", why, sizeof why),
                     ZL_VDIFF_FIELD);
    assert_non_null(strstr(why, "preference is 20, not 10"));
    /* letter case never makes a name differ, so it never needs explaining either */
    assert_true(equal_lines("a.example.com. 1 IN CNAME X.example.net.", "a.example.com. 1 IN CNAME x.EXAMPLE.net."));
    /* a name below the zone itself is not "the domain appended" */
    assert_int_equal(explain("a.example.com. 1 IN CNAME www.example.com.", "a.example.com. 1 IN CNAME web.example.com.", why,
                             sizeof why),
                     ZL_VDIFF_OTHER_TOKEN);
}

/* ---- matching -------------------------------------------------------------------------- */

static void served(struct rec *r, size_t n, const char *const *lines, const struct zl_vrr **out, struct zl_vrr *store)
{
    for (size_t i = 0; i < n; i++) {
        rec(&r[i], lines[i]);
        memset(&store[i], 0, sizeof store[i]);
        store[i].owner = r[i].e->name;
        store[i].type = r[i].e->type;
        store[i].rclass = ZL_CLASS_IN;
        store[i].ttl = r[i].e->v[0].ttl;
        store[i].rdata = r[i].e->v[0].rdata;
        store[i].rdlen = r[i].e->v[0].rdlen;
        out[i] = &store[i];
    }
}

static void test_match(void **state)
{
    (void)state;
    struct zl_name d = N("example.com.");
    struct zl_vmatch_res m;
    struct rec r[4];
    struct zl_vrr store[4];
    const struct zl_vrr *got[4];

    /* --zone: the served RRset must be the file's, in any order */
    struct zl_vexpects x;
    memset(&x, 0, sizeof x);
    struct zl_vexpect *e = zl_vexpect_add_line(&x, "example.com. 3600 IN TXT \"a\"\n", ZL_VM_RRSET, NULL, NULL);
    struct zl_vexpects x2;
    memset(&x2, 0, sizeof x2);
    const struct zl_vexpect *e2 = zl_vexpect_add_line(&x2, "example.com. 3600 IN TXT \"b\"\n", ZL_VM_RRSET, NULL, NULL);
    e->v = realloc(e->v, 2 * sizeof *e->v);
    e->v[1] = e2->v[0];
    e->nv = 2;
    e->have_ttl = true;
    e->ttl = 3600;
    const char *both[] = { "example.com. 3600 IN TXT \"b\"", "example.com. 3600 IN TXT \"a\"" };
    served(r, 2, both, got, store);
    zl_vmatch(e, got, 2, &d, &m);
    assert_true(m.ok);
    assert_false(m.ttl_differs);
    store[0].ttl = store[1].ttl = 300;
    zl_vmatch(e, got, 2, &d, &m);
    assert_true(m.ok);
    assert_true(m.ttl_differs);
    assert_int_equal(m.served_ttl, 300);
    zl_vmatch(e, got, 1, &d, &m); /* only "b": "a" is missing */
    assert_false(m.ok);
    assert_int_equal(m.nmissing, 1);
    assert_int_equal(m.missing[0], 0);
    assert_int_equal(m.nextra, 0);
    rec_free(&r[0]);
    rec_free(&r[1]);
    const char *other[] = { "example.com. 3600 IN TXT \"a\"", "example.com. 3600 IN TXT \"b\"", "example.com. 3600 IN TXT \"c\"" };
    served(r, 3, other, got, store);
    zl_vmatch(e, got, 3, &d, &m);
    assert_false(m.ok);
    assert_int_equal(m.nextra, 1);
    assert_int_equal(m.extra[0], 2);
    e->subset = true; /* --records=mail: another value beside the file's is not a difference */
    zl_vmatch(e, got, 3, &d, &m);
    assert_true(m.ok);
    zl_vmatch(e, got, 1, &d, &m);
    assert_false(m.ok);
    e->subset = false;
    for (int i = 0; i < 3; i++)
        rec_free(&r[i]);
    e->nv = 1; /* v[1] belongs to x2 */
    zl_vexpects_free(&x);
    zl_vexpects_free(&x2);

    /* SES: the value among others */
    memset(&x, 0, sizeof x);
    e = zl_vexpect_add_line(&x, "_amazonses.example.com. 1800 IN TXT \"" VT "\"\n", ZL_VM_VALUE, "domain verification", NULL);
    const char *txts[] = { "_amazonses.example.com. 1800 IN TXT \"T5etn/YylzSUQQWw6HspyK4+2+B9XzE7Kajpz9ogfJI=\"",
                           "_amazonses.example.com. 1800 IN TXT \"" VT "\"" };
    served(r, 2, txts, got, store);
    zl_vmatch(e, got, 2, &d, &m);
    assert_true(m.ok);
    zl_vmatch(e, got, 1, &d, &m);
    assert_false(m.ok);
    assert_int_equal(m.closest, 0); /* the only one */
    rec_free(&r[0]);
    rec_free(&r[1]);
    zl_vexpects_free(&x);

    /* SES MAIL FROM: any region's feedback endpoint; SPF must include amazonses.com */
    memset(&x, 0, sizeof x);
    e = zl_vexpect_add_line(&x, "bounce.example.com. 1800 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n", ZL_VM_SES_MX,
                            "SES custom MAIL FROM", NULL);
    const char *mx[] = { "bounce.example.com. 300 IN MX 20 feedback-smtp.ap-southeast-2.amazonses.com." };
    served(r, 1, mx, got, store);
    zl_vmatch(e, got, 1, &d, &m);
    assert_true(m.ok);
    rec_free(&r[0]);
    const char *mxbad[] = { "bounce.example.com. 300 IN MX 10 feedback-smtp.us-east-1.amazonses.com.example.com." };
    served(r, 1, mxbad, got, store);
    zl_vmatch(e, got, 1, &d, &m);
    assert_false(m.ok);
    assert_int_equal(m.closest, 0);
    rec_free(&r[0]);
    zl_vexpects_free(&x);
    memset(&x, 0, sizeof x);
    e = zl_vexpect_add_line(&x, "bounce.example.com. 1800 IN TXT \"v=spf1 include:amazonses.com ~all\"\n", ZL_VM_SES_SPF,
                            "SES custom MAIL FROM", NULL);
    const char *spf[] = { "bounce.example.com. 1 IN TXT \"v=spf1 ip4:192.0.2.0/24 include:amazonses.com -all\"" };
    served(r, 1, spf, got, store);
    zl_vmatch(e, got, 1, &d, &m);
    assert_true(m.ok);
    rec_free(&r[0]);
    const char *spfbad[] = { "bounce.example.com. 1 IN TXT \"v=spf1 -all\"" };
    served(r, 1, spfbad, got, store);
    zl_vmatch(e, got, 1, &d, &m);
    assert_false(m.ok);
    rec_free(&r[0]);
    zl_vexpects_free(&x);

    /* BYODKIM: a p= key */
    memset(&x, 0, sizeof x);
    e = zl_vexpect_add_line(&x, "sel._domainkey.example.com. 1800 IN TXT \"p=\"\n", ZL_VM_DKIM_KEY, "BYODKIM public key", NULL);
    const char *key[] = { "sel._domainkey.example.com. 1 IN TXT \"v=DKIM1; k=rsa; p=MIGfMA0\"" };
    served(r, 1, key, got, store);
    zl_vmatch(e, got, 1, &d, &m);
    assert_true(m.ok);
    rec_free(&r[0]);
    zl_vexpects_free(&x);
}

static void test_is_mail(void **state)
{
    (void)state;
    struct rec r;
    static const char *const mail[] = {
        "x._domainkey.example.com. 1 IN CNAME x.dkim.amazonses.com.",
        "s1._domainkey.example.com. 1 IN TXT \"v=DKIM1; p=MIGf\"",
        "_amazonses.example.com. 1 IN TXT \"" VT "\"",
        "_dmarc.example.com. 1 IN TXT \"v=DMARC1; p=none\"",
        "example.com. 1 IN TXT \"v=spf1 -all\"",
        "bounce.example.com. 1 IN MX 10 feedback-smtp.us-east-1.amazonses.com.",
    };
    static const char *const other[] = {
        "www.example.com. 1 IN A 192.0.2.1",
        "example.com. 1 IN TXT \"google-site-verification=abc\"",
        "example.com. 1 IN TXT \"v=spf10\"",
        "example.com. 1 IN MX 10 mail.example.com.",
    };
    for (size_t i = 0; i < sizeof mail / sizeof mail[0]; i++) {
        rec(&r, mail[i]);
        assert_true(zl_vexpect_is_mail(&r.e->name, r.e->type, r.e->v[0].rdata, r.e->v[0].rdlen));
        rec_free(&r);
    }
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++) {
        rec(&r, other[i]);
        assert_false(zl_vexpect_is_mail(&r.e->name, r.e->type, r.e->v[0].rdata, r.e->v[0].rdlen));
        rec_free(&r);
    }
}

/* ---- answers by hand ------------------------------------------------------------------------ */

/* Appends a record to a section of resp (0 answer, 1 authority, 2 additional;
 * call in that order). */
static void push_rr(struct zl_vresp *resp, int section, const char *line)
{
    struct rec r;
    rec(&r, line);
    size_t n = (size_t)resp->nan + resp->nns + resp->nar;
    resp->rr = realloc(resp->rr, (n + 1) * sizeof *resp->rr);
    struct zl_vrr *v = &resp->rr[n];
    memset(v, 0, sizeof *v);
    v->owner = r.e->name;
    v->type = r.e->type;
    v->rclass = ZL_CLASS_IN;
    v->ttl = r.e->v[0].ttl;
    v->rdlen = r.e->v[0].rdlen;
    v->rdata = malloc(v->rdlen ? v->rdlen : 1);
    memcpy(v->rdata, r.e->v[0].rdata, v->rdlen);
    if (section == 0)
        resp->nan++;
    else if (section == 1)
        resp->nns++;
    else
        resp->nar++;
    rec_free(&r);
}

static void answer(struct zl_vresp *r, unsigned rcode, bool aa)
{
    memset(r, 0, sizeof *r);
    r->status = ZL_VQ_OK;
    r->rcode = (uint8_t)rcode;
    r->aa = aa;
    r->attempts = 1;
}

static void test_classify(void **state)
{
    (void)state;
    struct zl_name q = N("www.example.com.");
    struct zl_vresp r;
    answer(&r, 0, true);
    push_rr(&r, 0, "www.example.com. 300 IN A 192.0.2.1");
    assert_int_equal(zl_vclassify(&r, &q, ZL_T_A, true), ZL_VANS_DATA);
    assert_int_equal(zl_vclassify(&r, &q, ZL_T_TXT, true), ZL_VANS_NODATA);
    zl_vresp_free(&r);
    answer(&r, 0, true);
    push_rr(&r, 0, "www.example.com. 300 IN CNAME web.example.net.");
    assert_int_equal(zl_vclassify(&r, &q, ZL_T_TXT, true), ZL_VANS_CNAME);
    assert_int_equal(zl_vclassify(&r, &q, ZL_T_CNAME, true), ZL_VANS_DATA);
    zl_vresp_free(&r);
    answer(&r, 3, true);
    assert_int_equal(zl_vclassify(&r, &q, ZL_T_A, true), ZL_VANS_NXDOMAIN);
    zl_vresp_free(&r);
    answer(&r, 0, false);
    push_rr(&r, 1, "example.com. 3600 IN NS ns1.example.net.");
    assert_int_equal(zl_vclassify(&r, &q, ZL_T_A, true), ZL_VANS_REFERRAL);
    zl_vresp_free(&r);
    answer(&r, 0, false);
    push_rr(&r, 0, "www.example.com. 300 IN A 192.0.2.1");
    assert_int_equal(zl_vclassify(&r, &q, ZL_T_A, true), ZL_VANS_NOT_AUTH);
    assert_int_equal(zl_vclassify(&r, &q, ZL_T_A, false), ZL_VANS_DATA); /* a resolver's answer */
    zl_vresp_free(&r);
    answer(&r, 5, false);
    assert_int_equal(zl_vclassify(&r, &q, ZL_T_A, true), ZL_VANS_RCODE);
    memset(&r, 0, sizeof r);
    r.status = ZL_VQ_TIMEOUT;
    assert_int_equal(zl_vclassify(&r, &q, ZL_T_A, true), ZL_VANS_FAILED);
}

static void test_pacer(void **state)
{
    (void)state;
    struct zl_vpacer p = { 0 };
    assert_int_equal(zl_vpacer_take(&p, 20, 1000), 0);
    assert_int_equal(zl_vpacer_take(&p, 20, 1000), 50);
    assert_int_equal(zl_vpacer_take(&p, 20, 1010), 90);
    assert_int_equal(zl_vpacer_take(&p, 20, 5000), 0); /* idle long enough: at once */
    struct zl_vpacer q = { 0 };
    assert_int_equal(zl_vpacer_take(&q, 0, 1000), 0);
    assert_int_equal(zl_vpacer_take(&q, 0, 1000), 0);
}

static void test_dig(void **state)
{
    (void)state;
    struct zl_vaddr a;
    struct zl_buf b = { 0 };
    struct zl_name n = N("tok._domainkey.example.com.");
    zl_vaddr_parse("192.0.2.53", 53, &a);
    zl_vdig(&b, &a, ZL_T_CNAME, &n, false);
    assert_string_equal(zl_buf_cstr(&b), "dig +norec @192.0.2.53 CNAME tok._domainkey.example.com.");
    b.len = 0;
    zl_vaddr_parse("[2001:db8::53]:5300", 53, &a);
    zl_vdig(&b, &a, ZL_T_TXT, &n, true);
    assert_string_equal(zl_buf_cstr(&b), "dig @2001:db8::53 -p 5300 TXT tok._domainkey.example.com.");
    b.len = 0;
    struct zl_name odd;
    const char *oddtext = "\\\"\\032x.example.com.";
    assert_int_equal(zl_name_from_text(&odd, oddtext, strlen(oddtext), NULL, NULL), ZL_NAME_OK);
    zl_vaddr_parse("192.0.2.53", 53, &a);
    zl_vdig(&b, &a, ZL_T_CNAME, &odd, false);
    assert_string_equal(zl_buf_cstr(&b), "dig +norec @192.0.2.53 CNAME '\\\"\\032x.example.com.'");
    zl_buf_free(&b);
}

/* ---- --zone ------------------------------------------------------------------------------------ */

static void test_expect_zone(void **state)
{
    (void)state;
    char path[] = "/tmp/zl-verify-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    static const char zone[] = "$ORIGIN example.com.\n"
                               "$TTL 3600\n"
                               "@ IN SOA ns1 hostmaster 2024060102 7200 3600 1209600 300\n"
                               "@ IN NS ns1\n"
                               "@ IN NS ns2.example.net.\n"
                               "ns1 IN A 192.0.2.53\n"
                               "www IN A 192.0.2.80\n"
                               "www IN A 192.0.2.81\n"
                               "sub IN NS ns.sub\n"            /* a delegation: not expected */
                               "sub IN DS 1 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"
                               "ns.sub IN A 192.0.2.99\n"      /* glue: not expected */
                               "_dmarc IN TXT \"v=DMARC1; p=none\"\n"
                               "www IN RRSIG A 13 3 3600 20240101000000 20231201000000 1 example.com. AAAA\n";
    assert_int_equal(write(fd, zone, sizeof zone - 1), (ssize_t)(sizeof zone - 1));
    close(fd);
    struct zl_name d = N("example.com.");
    struct zl_source *sources = NULL;
    struct zl_vexpect_opts o;
    memset(&o, 0, sizeof o);
    o.domain = &d;
    o.zone_path = path;
    o.input_format = 0;
    o.sources = &sources;
    struct zl_vexpects x;
    char err[256];
    assert_int_equal(zl_vexpect_build(&o, &x, err, sizeof err), 0);
    assert_true(x.have_soa);
    assert_int_equal(x.serial, 2024060102u);
    assert_int_equal(x.soa_minimum, 300);
    assert_int_equal(x.nns, 2);
    assert_int_equal(x.naddrs, 1); /* ns1's A, for the glue */
    /* ns1 A, www A (one RRset of two), sub DS, _dmarc TXT */
    assert_int_equal(x.n, 4);
    assert_int_equal(x.v[1].type, ZL_T_A);
    assert_int_equal(x.v[1].nv, 2);
    assert_int_equal(x.v[1].span.line, 7);
    assert_int_equal(x.v[2].type, ZL_T_DS);
    assert_int_equal(x.skipped_cut, 2);
    assert_int_equal(x.skipped_dnssec, 1);
    zl_vexpects_free(&x);
    o.records = ZL_VREC_MAIL;
    assert_int_equal(zl_vexpect_build(&o, &x, err, sizeof err), 0);
    assert_int_equal(x.n, 1);
    assert_int_equal(x.v[0].type, ZL_T_TXT);
    zl_vexpects_free(&x);
    zl_parse_sources_free(sources);
    unlink(path);
}

/* --zone and --ses-identity: an SES record the file already has right is
 * not asked twice; one the file has wrong is, and points at the file's line. */
static void test_expect_ses_over_zone(void **state)
{
    (void)state;
    char path[] = "/tmp/zl-verify-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    static const char zone[] = "$ORIGIN example.com.\n"
                               "$TTL 3600\n"
                               "@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
                               "@ IN NS ns1\n"
                               "ns1 IN A 192.0.2.53\n"
                               "_amazonses IN TXT \"" VT "\"\n"
                               T1 "._domainkey IN CNAME iukdkfz266ybfmqwxythqpvxxlby3cbo.dkim.amazonses.com.\n";
    assert_int_equal(write(fd, zone, sizeof zone - 1), (ssize_t)(sizeof zone - 1));
    close(fd);
    static const char id[] = "{\"DkimAttributes\": {\"Tokens\": [\"" T1 "\"], \"SigningAttributesOrigin\": \"AWS_SES\"}}";
    struct zl_ses_expect ses;
    memset(&ses, 0, sizeof ses);
    char err[256];
    assert_int_equal(zl_ses_expect_load_buffer(&ses, id, sizeof id - 1, "id.json", err, sizeof err), 0);
    struct zl_name d = N("example.com.");
    struct zl_source *sources = NULL;
    struct zl_vexpect_opts o;
    memset(&o, 0, sizeof o);
    o.domain = &d;
    o.zone_path = path;
    o.ses = &ses;
    o.sources = &sources;
    struct zl_vexpects x;
    assert_int_equal(zl_vexpect_build(&o, &x, err, sizeof err), 0);
    /* ns1 A, _amazonses TXT, the DKIM CNAME from the file, and SES's DKIM CNAME */
    assert_int_equal(x.n, 4);
    const struct zl_vexpect *sesd = &x.v[3];
    assert_string_equal(sesd->what, "Easy DKIM, token 1 of 1");
    assert_int_equal(sesd->span.line, 7); /* the file's record */
    zl_vexpects_free(&x);
    zl_parse_sources_free(sources);
    zl_ses_expect_free(&ses);
    unlink(path);
}

/* ---- judging hand-built runs ---------------------------------------------------------------------- */

struct world {
    struct zl_vrun r;
    struct zl_vexpects x;
    struct zl_diags d;
    struct zl_vserver servers[3];
    struct zl_vparent parents[1];
};

/* example.com delegated to ns1 (192.0.2.1) and ns2 (192.0.2.2), both
 * serving the SOA with `serial` (ns2: serial2) and the NS set. */
static void world(struct world *w, uint32_t serial, uint32_t serial2)
{
    memset(w, 0, sizeof *w);
    struct zl_vrun *r = &w->r;
    r->domain = N("example.com.");
    r->port = 53;
    r->lim.timeout_ms = 2000;
    r->kind = ZL_VDL_REFERRAL;
    r->parents = calloc(1, sizeof *r->parents);
    r->nparents = 1;
    zl_vaddr_parse("192.0.2.100", 53, &r->parents[0].srv.addr[0]);
    r->parents[0].srv.naddr = 1;
    answer(&r->parents[0].resp, 0, false);
    push_rr(&r->parents[0].resp, 1, "example.com. 172800 IN NS ns1.example.com.");
    push_rr(&r->parents[0].resp, 1, "example.com. 172800 IN NS ns2.example.com.");
    r->servers = calloc(2, sizeof *r->servers);
    r->nservers = 2;
    r->targets = calloc(2, sizeof *r->targets);
    r->ntargets = 2;
    for (int i = 0; i < 2; i++) {
        char name[32], addr[32], soa[160];
        snprintf(name, sizeof name, "ns%d.example.com.", i + 1);
        snprintf(addr, sizeof addr, "192.0.2.%d", i + 1);
        r->servers[i].name = N(name);
        r->servers[i].named = true;
        r->servers[i].in_domain = false; /* no glue checks here */
        zl_vaddr_parse(addr, 53, &r->servers[i].addr[0]);
        r->servers[i].naddr = 1;
        struct zl_vtarget *t = &r->targets[i];
        t->server = (size_t)i;
        t->addr = r->servers[i].addr[0];
        answer(&t->soa, 0, true);
        snprintf(soa, sizeof soa, "example.com. 3600 IN SOA ns1.example.com. h.example.com. %u 7200 3600 1209600 300",
                 i ? serial2 : serial);
        push_rr(&t->soa, 0, soa);
        answer(&t->ns, 0, true);
        push_rr(&t->ns, 0, "example.com. 3600 IN NS ns1.example.com.");
        push_rr(&t->ns, 0, "example.com. 3600 IN NS ns2.example.com.");
        t->glue = calloc(1, sizeof *t->glue);
    }
    r->x = &w->x;
}

static void expect(struct world *w, const char *line, enum zl_vmatch m, const char *what)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s\n", line);
    struct zl_vexpect *e = zl_vexpect_add_line(&w->x, buf, m, what, NULL);
    assert_non_null(e);
    if (m == ZL_VM_RRSET) {
        e->have_ttl = true;
        e->ttl = e->v[0].ttl;
    }
    for (size_t i = 0; i < w->r.ntargets; i++) {
        w->r.targets[i].checks = realloc(w->r.targets[i].checks, w->x.n * sizeof *w->r.targets[i].checks);
        memset(&w->r.targets[i].checks[w->x.n - 1], 0, sizeof *w->r.targets[i].checks);
    }
}

static struct zl_vcheck *check(struct world *w, size_t target, size_t exp)
{
    return &w->r.targets[target].checks[exp];
}

static void judge(struct world *w, const char *select)
{
    char *sel[1] = { (char *)select };
    struct zl_selection s = { select ? sel : NULL, select ? 1 : 0, NULL, 0 };
    struct zl_vjudge_opts o = { &s, NULL };
    zl_vjudge(&w->r, &o, &w->d);
}

static void world_free(struct world *w)
{
    zl_vrun_free(&w->r);
    zl_vexpects_free(&w->x);
    zl_diags_free(&w->d);
}

static const struct zl_diag *find(const struct world *w, const char *code, const char *needle)
{
    for (size_t i = 0; i < w->d.n; i++)
        if (!strcmp(w->d.v[i].code, code) && (!needle || strstr(w->d.v[i].message, needle)))
            return &w->d.v[i];
    return NULL;
}

static bool any_note(const struct zl_diag *d, const char *needle)
{
    for (size_t i = 0; d && i < d->nnotes; i++)
        if (strstr(d->notes[i], needle))
            return true;
    return false;
}

static void test_judge_clean(void **state)
{
    (void)state;
    struct world w;
    world(&w, 2024060102, 2024060102);
    expect(&w, "www.example.com. 300 IN A 192.0.2.80", ZL_VM_RRSET, NULL);
    for (size_t t = 0; t < 2; t++) {
        answer(&check(&w, t, 0)->main, 0, true);
        push_rr(&check(&w, t, 0)->main, 0, "www.example.com. 300 IN A 192.0.2.80");
    }
    judge(&w, NULL);
    assert_int_equal(w.d.n, 0);
    world_free(&w);
}

static void test_judge_missing_and_serial(void **state)
{
    (void)state;
    struct world w;
    world(&w, 2024060102, 2024060101);
    expect(&w, T1 "._domainkey.example.com. 1800 IN CNAME " T1 ".dkim.amazonses.com.", ZL_VM_VALUE,
           "Easy DKIM, token 1 of 3");
    answer(&check(&w, 0, 0)->main, 0, true);
    push_rr(&check(&w, 0, 0)->main, 0, T1 "._domainkey.example.com. 1800 IN CNAME " T1 ".dkim.amazonses.com.");
    answer(&check(&w, 1, 0)->main, 3, true);
    check(&w, 1, 0)->doubled = calloc(1, sizeof(struct zl_vresp));
    check(&w, 1, 0)->swapped = calloc(1, sizeof(struct zl_vresp));
    answer(check(&w, 1, 0)->doubled, 3, true);
    answer(check(&w, 1, 0)->swapped, 3, true);
    judge(&w, NULL);
    const struct zl_diag *s = find(&w, "ZL6005", "serial 2024060101, older than 2024060102");
    assert_non_null(s);
    assert_non_null(strstr(s->message, "ns2.example.com. (192.0.2.2)"));
    const struct zl_diag *m = find(&w, "ZL6006", "is not served by ns2.example.com. (192.0.2.2): NXDOMAIN");
    assert_non_null(m);
    assert_non_null(strstr(m->message, "(Easy DKIM, token 1 of 3)"));
    assert_true(any_note(m, "ns1.example.com. (192.0.2.1) serves it"));
    assert_true(any_note(m, "reproduce: dig +norec @192.0.2.2 CNAME " T1 "._domainkey.example.com."));
    assert_int_equal(w.d.n, 2);
    world_free(&w);

    /* --select keeps only what it names */
    world(&w, 2024060102, 2024060101);
    judge(&w, "ZL6006");
    assert_int_equal(w.d.n, 0);
    world_free(&w);
}

static void test_judge_grouped_and_appended(void **state)
{
    (void)state;
    struct world w;
    world(&w, 1, 1);
    expect(&w, T1 "._domainkey.example.com. 1800 IN CNAME " T1 ".dkim.amazonses.com.", ZL_VM_RRSET, NULL);
    for (size_t t = 0; t < 2; t++) {
        struct zl_vcheck *c = check(&w, t, 0);
        answer(&c->main, 3, true);
        c->doubled = calloc(1, sizeof *c->doubled);
        answer(c->doubled, 0, true);
        push_rr(c->doubled, 0, T1 "._domainkey.example.com.example.com. 1800 IN CNAME " T1 ".dkim.amazonses.com.");
    }
    judge(&w, NULL);
    assert_int_equal(w.d.n, 1); /* one finding for both servers */
    const struct zl_diag *d = find(&w, "ZL6010", "ns1.example.com. (192.0.2.1) and ns2.example.com. (192.0.2.2)");
    assert_non_null(d);
    assert_non_null(strstr(d->message, "'" T1 "._domainkey.example.com.example.com.' is"));
    assert_true(any_note(d, "type '" T1 "._domainkey' in the provider's name field"));
    world_free(&w);
}

static void test_judge_mismatch_explained(void **state)
{
    (void)state;
    struct world w;
    world(&w, 1, 1);
    expect(&w, "_amazonses.example.com. 1800 IN TXT \"" VT "\"", ZL_VM_RRSET, NULL);
    for (size_t t = 0; t < 2; t++) {
        answer(&check(&w, t, 0)->main, 0, true);
        push_rr(&check(&w, t, 0)->main, 0, t ? "_amazonses.example.com. 1800 IN TXT \"" VT "\""
                                              : "_amazonses.example.com. 1800 IN TXT \" " VT "\"");
    }
    judge(&w, NULL);
    const struct zl_diag *d = find(&w, "ZL6007", "on ns1.example.com. (192.0.2.1) is \" " VT "\"");
    assert_non_null(d);
    assert_true(any_note(d, "a stray leading space"));
    assert_int_equal(w.d.n, 1); /* ns2 serves it right */
    world_free(&w);
}

static void test_judge_lame_and_ns(void **state)
{
    (void)state;
    struct world w;
    world(&w, 1, 1);
    zl_vresp_free(&w.r.targets[1].soa);
    answer(&w.r.targets[1].soa, 5, false); /* REFUSED */
    zl_vresp_free(&w.r.targets[0].ns);
    answer(&w.r.targets[0].ns, 0, true);
    push_rr(&w.r.targets[0].ns, 0, "example.com. 3600 IN NS ns1.example.com.");
    push_rr(&w.r.targets[0].ns, 0, "example.com. 3600 IN NS ns3.example.com.");
    judge(&w, NULL);
    const struct zl_diag *l = find(&w, "ZL6004", "ns2.example.com. (192.0.2.2) is delegated for 'example.com.' but answers "
                                                 "REFUSED");
    assert_non_null(l);
    assert_true(any_note(l, "reproduce: dig +norec @192.0.2.2 SOA example.com."));
    const struct zl_diag *n = find(&w, "ZL6002", "serves the apex NS set ns1.example.com., ns3.example.com.");
    assert_non_null(n);
    assert_non_null(strstr(n->message, "missing there: ns2.example.com.; not delegated: ns3.example.com."));
    world_free(&w);
}

static void test_judge_timeout_and_no_route(void **state)
{
    (void)state;
    struct world w;
    world(&w, 1, 1);
    zl_vresp_free(&w.r.targets[1].soa);
    w.r.targets[1].soa.status = ZL_VQ_TIMEOUT;
    w.r.targets[1].soa.attempts = 3;
    judge(&w, NULL);
    assert_non_null(find(&w, "ZL6004", "does not answer: no reply to SOA within 2000 ms, 3 tries"));
    world_free(&w);

    /* every IPv6 address unreachable from here: one note, not a lame server */
    world(&w, 1, 1);
    zl_vaddr_parse("2001:db8::2", 53, &w.r.targets[1].addr);
    zl_vresp_free(&w.r.targets[1].soa);
    w.r.targets[1].soa.status = ZL_VQ_UNREACHABLE;
    snprintf(w.r.targets[1].soa.error, sizeof w.r.targets[1].soa.error, "Network is unreachable");
    judge(&w, NULL);
    assert_int_equal(w.d.n, 1);
    assert_non_null(find(&w, "ZL6013", "the IPv6 address of the delegated servers (1) was not checked"));
    world_free(&w);
}

static void test_judge_not_delegated(void **state)
{
    (void)state;
    struct world w;
    world(&w, 1, 1);
    w.r.kind = ZL_VDL_NXDOMAIN;
    judge(&w, NULL);
    assert_int_equal(w.d.n, 1);
    assert_non_null(find(&w, "ZL6001", "does not delegate 'example.com.': it answers NXDOMAIN"));
    world_free(&w);
}

static void test_judge_resolver(void **state)
{
    (void)state;
    struct world w;
    world(&w, 1, 1);
    expect(&w, T1 "._domainkey.example.com. 1800 IN CNAME " T1 ".dkim.amazonses.com.", ZL_VM_RRSET, NULL);
    for (size_t t = 0; t < 2; t++) {
        answer(&check(&w, t, 0)->main, 0, true);
        push_rr(&check(&w, t, 0)->main, 0, T1 "._domainkey.example.com. 1800 IN CNAME " T1 ".dkim.amazonses.com.");
    }
    w.r.have_resolver = true;
    zl_vaddr_parse("192.0.2.200", 53, &w.r.resolver);
    w.r.resolved = calloc(1, sizeof *w.r.resolved);
    answer(&w.r.resolved[0], 3, false);
    push_rr(&w.r.resolved[0], 1, "example.com. 120 IN SOA ns1.example.com. h.example.com. 1 7200 3600 1209600 300");
    judge(&w, NULL);
    const struct zl_diag *d = find(&w, "ZL6011", "the resolver 192.0.2.200 still answers NXDOMAIN");
    assert_non_null(d);
    /* the zone's negative TTL: min(SOA TTL 3600, minimum 300) */
    assert_non_null(strstr(d->message, "for up to the SOA minimum, 300 seconds"));
    assert_true(any_note(d, "120 more seconds"));
    assert_true(any_note(d, "reproduce: dig @192.0.2.200 CNAME"));
    world_free(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_addresses),
        cmocka_unit_test(test_rdata_equal),
        cmocka_unit_test(test_explain_txt),
        cmocka_unit_test(test_explain_names),
        cmocka_unit_test(test_match),
        cmocka_unit_test(test_is_mail),
        cmocka_unit_test(test_classify),
        cmocka_unit_test(test_pacer),
        cmocka_unit_test(test_dig),
        cmocka_unit_test(test_expect_zone),
        cmocka_unit_test(test_expect_ses_over_zone),
        cmocka_unit_test(test_judge_clean),
        cmocka_unit_test(test_judge_missing_and_serial),
        cmocka_unit_test(test_judge_grouped_and_appended),
        cmocka_unit_test(test_judge_mismatch_explained),
        cmocka_unit_test(test_judge_lame_and_ns),
        cmocka_unit_test(test_judge_timeout_and_no_route),
        cmocka_unit_test(test_judge_not_delegated),
        cmocka_unit_test(test_judge_resolver),
    };
    return cmocka_run_group_tests_name("verify", tests, NULL, NULL);
}
