/* SPDX-License-Identifier: MIT */
/* Fuzz target for master files: the parser and every rule, through
 * zl_lint_buffer, optionally followed by a reporter or `print`.
 *
 * The first input byte chooses the options, the rest is the zone file:
 *   bit 0  --origin example.com. (also makes it the zone: SOA at its top)
 *   bit 1  shown as "example.com.zone" (origin from the file name), else "fuzz"
 *   bit 2  $INCLUDE confined to a directory that does not exist (so every
 *          include is resolved, then refused), else --no-include; either way
 *          no file is read, so runs stay deterministic
 *   bit 3  send the findings through a reporter (zl_fuzz_report: bits 4-6)
 *   bit 3 clear: bit 4 --ses-identity, bit 5 --expect-ns (fixed documents,
 *          so the cross-check rules run), bit 6 --dialect=cloudflare
 *   bit 7  also parse again as `zonelint print` does and print every record */
#include <string.h>

#include "xcheck/delegation.h"
#include "input/dialect.h"
#include "fuzz.h"
#include "input/parser.h"
#include "report/print.h"
#include "xcheck/ses_identity.h"

static void print_record(void *user, const struct zl_record *rec)
{
    struct zl_buf *b = user;
    zl_print_record(rec, b);
    b->len = 0; /* keep the buffer small; the printing is what is tested */
}

static void drop_diag(void *user, struct zl_diag *d)
{
    (void)user;
    zl_diag_free(d);
}

static void run_print(const char *text, size_t len, const char *name, const struct zl_name *origin,
                      const char *root)
{
    struct zl_buf b = { 0 };
    struct zl_parse_opts po;
    memset(&po, 0, sizeof po);
    po.origin = origin;
    po.zone = origin;
    po.drop_outside_zone = origin != NULL;
    po.include_root = root;
    po.no_include = root == NULL;
    po.max_generate = zl_fuzz_max_generate;
    po.on_record = print_record;
    po.user = &b;
    po.sink.emit = drop_diag;
    struct zl_parse_result res;
    zl_parse_buffer(text, len, name, &po, &res);
    zl_buf_free(&b);
}

/* What an SES v2 identity and a delegation look like; loaded once, kept
 * for the process (reachable, so not a leak). */
static const struct zl_ses_expect *ses_expect(void)
{
    static struct zl_ses_expect x;
    static int loaded;
    static const char doc[] =
        "{\"IdentityType\":\"DOMAIN\",\"VerifiedForSendingStatus\":true,\"DkimAttributes\":{"
        "\"SigningEnabled\":true,\"Status\":\"SUCCESS\",\"Tokens\":["
        "\"4ixtpnvpubjuxqvnex727otq55y2ew7w\",\"tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo\","
        "\"vtlb7vjp6beuml7w2oxu4h7zsvbruq2r\"],\"SigningHostedZone\":\"dkim.amazonses.com\","
        "\"SigningAttributesOrigin\":\"AWS_SES\"},\"MailFromAttributes\":{"
        "\"MailFromDomain\":\"bounce.example.com\",\"MailFromDomainStatus\":\"SUCCESS\","
        "\"BehaviorOnMxFailure\":\"USE_DEFAULT_VALUE\"},\"VerificationStatus\":\"SUCCESS\"}";
    if (!loaded) {
        char err[256];
        loaded = zl_ses_expect_load_buffer(&x, doc, sizeof doc - 1, "fuzz-identity.json", err,
                                           sizeof err) == 0 ? 1 : -1;
    }
    return loaded > 0 ? &x : NULL;
}

static const struct zl_delegation *expect_ns(void)
{
    static struct zl_delegation d;
    static int loaded;
    if (!loaded) {
        char err[256];
        loaded = zl_delegation_parse_list(&d, "ns1.example.com,ns2.example.net", err, sizeof err) == 0
                     ? 1 : -1;
    }
    return loaded > 0 ? &d : NULL;
}

int zl_fuzz_zone(const uint8_t *data, size_t size)
{
    if (size < 1 || size > ZL_FUZZ_MAX_INPUT)
        return 0;
    unsigned flags = data[0];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;

    const char *name = (flags & 2) ? "example.com.zone" : "fuzz";
    const char *root = (flags & 4) ? "/nonexistent-zonelint-fuzz-root" : NULL;

    struct zl_lint_opts lo;
    memset(&lo, 0, sizeof lo); /* empty selection: every rule */
    lo.origin = (flags & 1) ? zl_fuzz_origin() : NULL;
    lo.include_root = root;
    lo.no_include = root == NULL;
    if (!(flags & 8)) {
        lo.ses_expect = (flags & 0x10) ? ses_expect() : NULL;
        lo.expect_ns = (flags & 0x20) ? expect_ns() : NULL;
        lo.dialect = (flags & 0x40) ? ZL_DIALECT_CLOUDFLARE : ZL_DIALECT_AUTO;
    }
    zl_fuzz_lint(text, len, name, &lo, flags);

    if (flags & 0x80)
        run_print(text, len, name, lo.origin, root);
    return 0;
}
