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
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "lint/engine.h"
#include "rules.h"
#include "rdata/types.h"

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
    "Bad:\n"
    "\n"
    "    ;; NS Records (YOU MUST CHANGE THIS)\n"
    "    example.com.  1  IN  NS  REPLACE&ME$WITH^YOUR@NAMESERVER.\n"
    "\n"
    "Good:\n"
    "\n"
    "    example.com.  3600  IN  NS  ns1.example.net.\n";

/* Placeholders as exporters write them (compared case-insensitively at the
 * start of the written name). */
static const char *const placeholders[] = {
    "REPLACE&ME$WITH^YOUR@NAMESERVER",
    "REPACE&ME$WITH^YOUR@NAMESERVER",
};

void zl_export_placeholder_record(const struct zl_record *rec, struct zl_ctx *ctx)
{
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
