/* SPDX-License-Identifier: MIT */
/* ZL5015-ZL5018: Amazon SES BYODKIM keys.
 *
 *   <selector>._domainkey.<domain>.  TXT  "p=<base64 SubjectPublicKeyInfo>"
 * SES BYODKIM wants "p=" and the base64 of the public key with the PEM
 * lines and line breaks removed ("a string of characters with no spaces or
 * line breaks"), a 1024-2048-bit RSA key, and a selector of letters, digits
 * and dashes. References: SES developer guide
 * send-email-authentication-dkim-bring-your-own.md; SESv2 Selector shape
 * (botocore service-2.json).
 *
 * These limits are SES's, not DKIM's: a 4096-bit self-hosted key or an
 * s1_2024 selector is fine for any other signer. So they apply only with
 * BYODKIM evidence from --ses-identity: an identity whose
 * SigningAttributesOrigin is EXTERNAL (v1: a single token that is not an
 * Easy DKIM token), and a key at its selector (Tokens[0]); the selector
 * shape is judged for the keys under that identity's domain. Every DKIM key
 * is checked for validity by the generic rules (rules/dkim_key.c), whose
 * findings these replace for the BYODKIM key.
 *
 *   identity:  {"DkimAttributes": {"SigningAttributesOrigin": "EXTERNAL", "Tokens": ["ses2024"]}}
 *   bad:       ses2024._domainkey TXT "p=<a 4096-bit key>"
 *   good:      ses2024._domainkey TXT "p=<a 2048-bit key>" */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dkim_key.h"
#include "rules.h"
#include "ses_data.h"
#include "xcheck/ses_identity.h"

/* The BYODKIM identity whose selector sel is, or NULL. *under_domain: the
 * record is below the identity's domain (always true when the v2 output did
 * not name it). */
static const struct zl_ses_identity *byodkim_for(const struct zl_ses_expect *x, const struct zl_record *rec,
                                                 int dk, const char *sel, bool *at_selector)
{
    struct zl_name domain;
    zl_name_suffix(&domain, &rec->owner, (unsigned)dk + 1);
    const struct zl_ses_identity *in_domain = NULL;
    *at_selector = false;
    for (size_t i = 0; i < x->n; i++) {
        const struct zl_ses_identity *id = &x->v[i];
        if (!id->byodkim || !id->ntokens)
            continue;
        bool mine = !id->named || zl_name_equal(&id->domain, &domain);
        if (mine && zl_ascii_casecmp(sel, id->tokens[0]) == 0) {
            *at_selector = true;
            return id;
        }
        if (mine && !in_domain)
            in_domain = id;
    }
    return in_domain;
}

void zl_ses_dkim_key_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    const struct zl_ses_expect *x = zl_ctx_ses_expect(ctx);
    if (!x)
        return; /* no identity given: no BYODKIM evidence */
    char sel[ZL_NAME_TEXT_MAX];
    int dk;
    if (!zl_dkim_selector(rec, sel, sizeof sel, &dk))
        return;
    bool at_selector;
    const struct zl_ses_identity *id = byodkim_for(x, rec, dk, sel, &at_selector);
    if (!id)
        return;
    char oname[ZL_NAME_TEXT_MAX];
    zl_name_text(&rec->owner, oname);

    if (!at_selector) {
        /* BYODKIM selector: one label of letters, digits and dashes. */
        if (dk > 1 || strchr(sel, '_')) {
            struct zl_span at = zl_record_owner_span(rec);
            zl_report(ctx, ZL_RULE_REF(ZL5018), &at,
                      "DKIM selector '%s' has %s; valid DKIM, but SES BYODKIM selectors are one label of letters, "
                      "digits and dashes, so this key cannot be the identity's (its selector is '%s')",
                      sel, dk > 1 ? "dots" : "underscores", id->tokens[0]);
        }
        return;
    }

    struct zl_dkim_key k;
    if (!zl_dkim_key_read(rec, &k) || !k.has_p || k.revoked || k.private_key) {
        /* no key, or a private one: the generic rules say it all */
        zl_dkim_key_free(&k);
        return;
    }
    struct zl_span all = zl_txt_whole_span(rec);
    struct zl_diag *d;
    if (!k.valid || k.pem || k.quote) {
        char why[300];
        if (k.quote)
            snprintf(why, sizeof why, "p= holds a literal '\"', which is not base64");
        else if (k.pem)
            snprintf(why, sizeof why, "p= contains a PEM armour line; SES wants only the base64 between the "
                                      "'-----BEGIN PUBLIC KEY-----' and '-----END PUBLIC KEY-----' lines");
        else
            snprintf(why, sizeof why, "%s", k.why);
        d = zl_report(ctx, ZL_RULE_REF(ZL5015), &all,
                      "BYODKIM key at '%s' (the SES identity's selector '%s') is not valid: %s; SES cannot "
                      "verify the identity's DKIM with it",
                      oname, id->tokens[0], why);
        if (d && k.fix)
            zl_diag_set_fix(d, all, k.fix, ZL_FIX_SAFE);
        zl_dkim_key_free(&k);
        return;
    }
    if (k.rsa && (k.bits < 1024 || k.bits > 2048))
        zl_report(ctx, ZL_RULE_REF(ZL5016), &all,
                  "BYODKIM key at '%s' is a %u-bit RSA key; SES BYODKIM accepts 1024-2048 bits", oname, k.bits);
    if (k.ws) {
        char desc[200];
        unsigned si;
        zl_dkim_key_describe(&k, false, desc, sizeof desc, &si);
        const struct zl_token *t = zl_txt_token(rec, si);
        struct zl_span at = t ? t->span : all;
        d = zl_report(ctx, ZL_RULE_REF(ZL5017), &at,
                      "BYODKIM key at '%s': %s; DKIM verifiers skip it (RFC 6376 3.6.1), but SES asks for the key "
                      "with no spaces or line breaks",
                      oname, desc);
        if (d && k.fix)
            zl_diag_set_fix(d, all, k.fix, ZL_FIX_SAFE);
    }
    zl_dkim_key_free(&k);
}

/* ---- explanations ------------------------------------------------------------------- */

#define BYO_IDENTITY                                                                        \
    "Identity (--ses-identity):\n"                                                          \
    "\n"                                                                                    \
    "    {\"DkimAttributes\": {\"SigningEnabled\": true, \"Status\": \"PENDING\",\n"        \
    "      \"SigningAttributesOrigin\": \"EXTERNAL\", \"Tokens\": [\"ses2024\"]}}\n"        \
    "\n"

const char zl_explain_ses_dkim_key[] =
    "Runs only with --ses-identity for a BYODKIM identity (SigningAttributesOrigin\n"
    "EXTERNAL), on the key at the identity's selector. SES BYODKIM wants p= and\n"
    "the base64 of the public key, without the PEM lines and line breaks. A key\n"
    "that does not decode (a character outside base64, a literal quote, a length\n"
    "that is not a multiple of four, a part lost where it was split, the PEM\n"
    "armour) leaves the identity's DKIM status pending. Other DKIM keys are\n"
    "dkim-key-invalid's business.\n"
    "\n" BYO_IDENTITY
    "Bad:\n"
    "\n"
    "    ses2024._domainkey TXT ( \"p=-----BEGIN PUBLIC KEY-----\"\n"
    "        \"MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\" )\n"
    "\n"
    "Good:\n"
    "\n"
    "    ses2024._domainkey TXT \"p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\"\n";

const char zl_explain_ses_dkim_key_size[] =
    "Runs only with --ses-identity for a BYODKIM identity, on the key at its\n"
    "selector: SES BYODKIM accepts RSA keys of at least 1024 and at most 2048\n"
    "bits. A 4096-bit key elsewhere in the zone is another signer's and fine\n"
    "(keys under 1024 bits are dkim-key-weak's, for every signer).\n"
    "\n" BYO_IDENTITY
    "Bad:\n"
    "\n"
    "    ses2024._domainkey TXT \"p=MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBALyhTKqGPli35/lHgq9rQtsr8sH8ESo79qIy+ltEr9dI+Kw28mC2XDoHqFjAgiFUOoKN207tORn8FE02NI9vzMECAwEAAQ==\"    ; 512 bits\n"
    "\n"
    "Good:\n"
    "\n"
    "    ses2024._domainkey TXT \"p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\"\n"
    "    mail._domainkey TXT ( \"p=MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAyQpa22l0ufywd1mpe13YY8Bhlyku2VbQNScW0mNkPiJrEaKuKMoYPBPJ1HPBbtDI7Yye/oVWpYMpkg9hMEF8kUbysnmsfEIUdFH/UP0M98kh3Wvgk6vGIUEFbzcBpuciygR1VCMFbK/KK6yKXaKCYy8lOOydn9A+DdBR35odQ/yA68gONe/69vfhIA9GLCLW6828Xsx1VX+RaP\"\n"
    "        \"dEwF/anO+CXwTyVfnAhdUSGisK4ZBbkXmXrGG5wQdujNNZl7vI9RChcXG/LfHvFIF/YlpoWH9bATOcE3kMSKNifjNU2GuCEQ7TX15tF8JnomuKF8kk1K1CkfDMdAqxavhquOGjo+BV6wL2hRno8Kl/tnI9QQRcA4IeB2auwOo+h0hxilio12fJFM3cJgjU6QAeCYuejBIyrsZDXY3muhv97NQbE/B88+avxhCImuPpBBa6Kf91qgB3pF8/\"\n"
    "        \"oMHcBzK5D6heBgGTFpJoCLkiU996rPDcCPSWRk2hWiHf5XsS2nQlGZNL46Qg+kSOpFuk2Ys5Mzb6So5wYmIHKrPuxeI580takTDukFDdk6mATuefAjY8FN5/HQ3EoQDo7ELCt5zEu1P8CX8Iv87d7MdskXO1kWlZkozq9meajcuzFDKY3ZJP1WrCI3Q/VYM5f2OIR55vVPshYJdTPijpuBojpAZH6G5q9oUCAwEAAQ==\" )\n";

const char zl_explain_ses_dkim_key_split[] =
    "Runs only with --ses-identity for a BYODKIM identity, on the key at its\n"
    "selector. A 2048-bit key is 392 base64 characters, split over two strings\n"
    "joined with nothing in between; a blank left at the start or end of a piece\n"
    "ends up inside the key. DKIM verifiers skip white space in p= (RFC 6376\n"
    "3.6.1), but SES asks for the key \"with no spaces or line breaks\": an info.\n"
    "A literal quote in the key is never valid: ses-dkim-key reports it.\n"
    "\n" BYO_IDENTITY
    "Bad:\n"
    "\n"
    "    ses2024._domainkey TXT ( \"p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvNJN0gulL6qLC6DjdeTqx2yb/qyPQCdhBQ4a0zX3RYb7ATlsC95YRJ7YzfH4o7llzw5nhC/LTg+B+YFjonDmTSQgX6qw248z7/toJQ3kV1kcQpK/HC8I5NnNe7vn+8lL2/HuwUvocQYJ7yIhEipE7bXLGmXp \"\n"
    "                         \"+r1MNVIfXoqtw1zvkw6H99vNsppwvGls/ZuYcJfO1TJAA663aWCxtIrg2NzzPCI+eKdA0OgU6QZcH06Ea18Nkb52KtinqIrfwx1v56eYK7e4oiQVrJFftqRJ+N6O/l3m7zvTsrA4hgLwaS/9tndHh+r0pVSCxZLRk/DSlVB4nLqx6Ue062tVCMidkQIDAQAB\" )\n"
    "\n"
    "Good:\n"
    "\n"
    "    ses2024._domainkey TXT ( \"p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvNJN0gulL6qLC6DjdeTqx2yb/qyPQCdhBQ4a0zX3RYb7ATlsC95YRJ7YzfH4o7llzw5nhC/LTg+B+YFjonDmTSQgX6qw248z7/toJQ3kV1kcQpK/HC8I5NnNe7vn+8lL2/HuwUvocQYJ7yIhEipE7bXLGmXp\"\n"
    "                         \"+r1MNVIfXoqtw1zvkw6H99vNsppwvGls/ZuYcJfO1TJAA663aWCxtIrg2NzzPCI+eKdA0OgU6QZcH06Ea18Nkb52KtinqIrfwx1v56eYK7e4oiQVrJFftqRJ+N6O/l3m7zvTsrA4hgLwaS/9tndHh+r0pVSCxZLRk/DSlVB4nLqx6Ue062tVCMidkQIDAQAB\" )\n";

const char zl_explain_ses_byodkim_selector[] =
    "Runs only with --ses-identity for a BYODKIM identity. DKIM allows selectors\n"
    "with several labels (a.b._domainkey.example.com) and underscores, but SES\n"
    "BYODKIM selectors are a single label of letters, digits and dashes (1-63\n"
    "characters). A key under the identity's domain published at such a selector\n"
    "cannot be the one configured in SES; other keys (another signer's\n"
    "s1_2024._domainkey) are not SES's business and are never reported.\n"
    "\n" BYO_IDENTITY
    "Bad:\n"
    "\n"
    "    ses.2024._domainkey TXT \"p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    ses2024._domainkey TXT \"p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2JIbuSurnQSW+ODTM0nqfcpZlHHnrp/ZYsDao3p0Kd0kN6RCXYXOyAObwoSRL3TbJkmL/OicQQZAHtTt18+7+a30qi11WzyoXAQZXTS4mR//HFz9hdWHZ8E8/RWzXeU0EZQLdmpK/lmU8g1mOVkddkNeAosytojSVyBkgydnJ/QIDAQAB\"\n";
