/* SPDX-License-Identifier: MIT */
/* Provider-export dialects (src/input/dialect.c detects them, src/input/parser.c reads
 * them):
 *
 *   ZL1003 dialect-origin-mismatch  the export header's zone (Cloudflare
 *          ";; Domain:", GoDaddy "; Domain:", Azure "Zone name:") is not the
 *          zone $ORIGIN, the SOA or --origin say. The parser reports it; this
 *          file holds the explanation.
 *
 *            bad:   ;; Domain:     example.com.        (Cloudflare header)
 *                   $ORIGIN example.org.
 *            good:  ;; Domain:     example.com.
 *                   $ORIGIN example.com.
 *
 *   ZL2104 export-placeholder  a value the exporter wrote as a placeholder
 *          was never replaced. Cloudflare's 2016-2018 exports carry
 *          "NS REPLACE&ME$WITH^YOUR@NAMESERVER." (also spelled "REPACE&ME")
 *          under ";; NS Records (YOU MUST CHANGE THIS)".
 *
 *            bad:   example.com. 1 IN NS REPLACE&ME$WITH^YOUR@NAMESERVER.
 *            good:  example.com. 1 IN NS ns1.example.net.
 *
 *          Cloudflare's exports of that time also leave a stray unquoted
 *          "Array" after some TXT values (a PHP array printed as text); in
 *          a zone file it is one more character-string of the value.
 *
 *            bad:   example.com. 1 IN TXT "v=spf1 include:_spf.google.com -all" Array
 *            good:  example.com. 1 IN TXT "v=spf1 include:_spf.google.com -all"
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "lint/engine.h"
#include "rdata/txt.h"
#include "rdata/types.h"
#include "rules.h"

const char zl_explain_dialect_origin_mismatch[] =
    "Provider exports name their zone in a header comment: Cloudflare writes\n"
    "';; Domain: example.com.', GoDaddy '; Domain: example.com', Azure\n"
    "'; Zone name: example.com'. zonelint reads the file in that provider's\n"
    "dialect and, when the file has no $ORIGIN, takes the header's zone as\n"
    "the origin. When a $ORIGIN directive, the first SOA record or --origin\n"
    "names a different zone, the file was edited, renamed or pasted into\n"
    "another zone's export, and relative names end up under a zone nobody\n"
    "meant. The file's own $ORIGIN (or --origin) wins; the header is only\n"
    "compared with it.\n"
    "\n"
    "Make the header, $ORIGIN, the SOA owner and --origin agree, or remove\n"
    "the stale header.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    ;; Domain:     example.com.\n"
    "    ;; Exported:   2025-06-11 12:51:10\n"
    "    $ORIGIN example.org.\n"
    "    @ 3600 IN SOA ns1.example.org. hostmaster.example.org. 1 7200 3600 1209600 3600\n"
    "\n"
    "Good:\n"
    "\n"
    "    ;; Domain:     example.com.\n"
    "    ;; Exported:   2025-06-11 12:51:10\n"
    "    $ORIGIN example.com.\n"
    "    @ 3600 IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 3600\n";

const char zl_explain_export_placeholder[] =
    "Some provider exports are not meant to be loaded as they are: they\n"
    "contain placeholders the user must replace. Cloudflare's older exports\n"
    "list the zone's NS records as 'REPLACE&ME$WITH^YOUR@NAMESERVER.' (or\n"
    "'REPACE&ME$WITH^YOUR@NAMESERVER.') under a heading that says 'YOU MUST\n"
    "CHANGE THIS'. Loaded as is, the zone delegates to a name that does not\n"
    "exist, and resolvers that follow the NS records fail.\n"
    "\n"
    "Replace the placeholder with the name servers that will serve the zone.\n"
    "\n"
    "The same exports leave a stray unquoted 'Array' after some TXT values;\n"
    "loaded, it becomes part of the value (an SPF record ending in -allArray\n"
    "fails with permerror). Delete it.\n"
    "\n"
    "Bad:\n"
    "\n"
    "    ;; NS Records (YOU MUST CHANGE THIS)\n"
    "    example.com.  1  IN  NS  REPLACE&ME$WITH^YOUR@NAMESERVER.\n"
    "    example.com.  1  IN  TXT \"v=spf1 include:_spf.google.com -all\"\tArray\n"
    "\n"
    "Good:\n"
    "\n"
    "    example.com.  3600  IN  NS  ns1.example.net.\n"
    "    example.com.  1  IN  TXT \"v=spf1 include:_spf.google.com -all\"\n";

/* Placeholders as exporters write them (compared case-insensitively at the
 * start of the written name). */
static const char *const placeholders[] = {
    "REPLACE&ME$WITH^YOUR@NAMESERVER",
    "REPACE&ME$WITH^YOUR@NAMESERVER",
};

/* "..." Array: an unquoted Array after quoted strings. */
static void txt_array(const struct zl_record *rec, struct zl_ctx *ctx)
{
    /* cheap gate: a TXT's fields are its strings; the last one reads "Array" */
    unsigned ns = rec->nfields;
    if (ns < 2 || rec->fields[ns - 1].len != 6 ||
        memcmp(rec->rdata + rec->fields[ns - 1].off + 1, "Array", 5) != 0)
        return;
    const struct zl_token *last = zl_txt_token(rec, ns - 1), *prev = zl_txt_token(rec, ns - 2);
    if (!last || !prev || (last->flags & ZL_TOK_QUOTED) || !(prev->flags & ZL_TOK_QUOTED) || last->len != 5 ||
        memcmp(last->text, "Array", 5) != 0)
        return;
    /* the end of the value as served: the previous string's tail, then Array */
    const struct zl_field *pf = NULL;
    for (uint16_t i = 0, k = 0; i < rec->nfields; i++)
        if (rec->fields[i].kind == ZL_FIELD_STRING && ++k == ns - 1)
            pf = &rec->fields[i];
    size_t pl = pf ? rec->rdata[pf->off] : 0;
    const char *ps = pf ? (const char *)rec->rdata + pf->off + 1 : "";
    size_t show = pl > 50 ? 50 : pl;
    struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL2104), &last->span,
                                  "TXT value ends in an unquoted 'Array' that the exporter left behind: it is "
                                  "published as part of the value ('%s%.*sArray')",
                                  pl > show ? "..." : "", (int)show, ps + pl - show);
    if (d) {
        zl_diag_add_note(d, "Cloudflare's exports of 2016-2018 print it after some TXT values; delete it");
        if (!(rec->owner_flags & ZL_OWNER_GENERATED) && last->span.line == last->span.end_line)
            zl_diag_set_fix(d, last->span, "", ZL_FIX_SAFE);
    }
}

void zl_export_placeholder_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
    if (rec->type == ZL_T_TXT) {
        txt_array(rec, ctx);
        return;
    }
    for (uint16_t i = 0; i < rec->nfields; i++) {
        const struct zl_field *f = &rec->fields[i];
        if (f->kind != ZL_FIELD_NAME || f->ntok == 0 || f->tok >= rec->ntoks)
            continue;
        const struct zl_token *tok = &rec->toks[f->tok];
        for (size_t k = 0; k < sizeof placeholders / sizeof placeholders[0]; k++) {
            size_t n = strlen(placeholders[k]);
            if (tok->len < n || strncasecmp(tok->text, placeholders[k], n) != 0)
                continue;
            char tn[16];
            struct zl_diag *d = zl_report(ctx, ZL_RULE_REF(ZL2104), &tok->span,
                                          "%s '%.*s' is the export's placeholder, not a real host name",
                                          zl_type_to_text(rec->type, tn), (int)tok->len, tok->text);
            if (d)
                zl_diag_add_note(d, "replace it with the name servers that will serve this zone "
                                    "before loading or importing the file");
            break;
        }
    }
}
