/* SPDX-License-Identifier: MIT */
/* ZL2106 provider-at-name: "@" written as the name of a record for a
 * provider that takes names literally. Route 53 (aws_route53_record) and
 * Cloud DNS (google_dns_record_set) have no "@": the Terraform AWS provider
 * appends the zone, so name = "@" creates a record named '@.example.com'
 * (served as \064.example.com), not one at the apex. Reported by the
 * Terraform reader (src/input/terraform/tf_records.c).
 *
 *   bad:   name = "@"
 *   good:  name = ""   (or the zone's name)
 */
#include "rules.h"

const char zl_explain_provider_at_name[] =
    "In zone files and at providers such as Cloudflare, Azure and\n"
    "DigitalOcean, '@' stands for the zone's apex. Route 53 has no such\n"
    "shorthand: terraform-provider-aws appends the zone's name to any name that\n"
    "does not already end with it, so name = \"@\" creates a record whose first\n"
    "label is the character '@' ('@.example.com'), and the apex record that was\n"
    "meant does not exist. Write an empty name, or the zone's name.\n"
    "\n"
    "Bad (main.tf):\n"
    "\n"
    "    resource \"aws_route53_record\" \"verification\" {\n"
    "      zone_id = \"Z0123456789ABCDEFGHIJ\"\n"
    "      name    = \"@\"\n"
    "      type    = \"TXT\"\n"
    "      ttl     = 300\n"
    "      records = [\"google-site-verification=rXOxyZounnZasA8Z7oaD3c14JdjS9aKSWvsR1EbUSIQ\"]\n"
    "    }\n"
    "\n"
    "Good (main.tf):\n"
    "\n"
    "    resource \"aws_route53_record\" \"verification\" {\n"
    "      zone_id = \"Z0123456789ABCDEFGHIJ\"\n"
    "      name    = \"\"\n"
    "      type    = \"TXT\"\n"
    "      ttl     = 300\n"
    "      records = [\"google-site-verification=rXOxyZounnZasA8Z7oaD3c14JdjS9aKSWvsR1EbUSIQ\"]\n"
    "    }\n";
