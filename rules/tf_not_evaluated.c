/* ZL1006 tf-not-evaluated: DNS records in Terraform that zonelint did not
 * check, said once per root by the Terraform reader
 * (src/input/terraform/tf_read.c, tf_zones.c): records whose name, type,
 * TTL or values depend on what only `terraform apply` knows (how many,
 * which attributes, in which files), records whose zone is not known,
 * local modules not read; and once per module, resources of DNS providers
 * zonelint has no mapper for.
 *
 *   bad:   records = [aws_ses_domain_identity.main.verification_token]
 *   good:  zonelint on `terraform show -json plan.out`, where it is known
 */
#include "rules.h"

const char zl_explain_tf_not_evaluated[] =
    "zonelint reads Terraform without running it: every value written in the\n"
    "configuration, in variable defaults, locals and *.tfvars files, in other\n"
    "resources' arguments and in for, count and for_each over such values is\n"
    "evaluated. A value that Terraform only learns when it applies the plan,\n"
    "such as the tokens SES issues or a variable given on the command line,\n"
    "cannot be known: a record built from one is not checked, and rules that\n"
    "would need it say nothing about it. One info per root says how many\n"
    "records were skipped so, and which attributes (records, name, count, ...)\n"
    "held the values not known, file by file.\n"
    "\n"
    "The same info says what else was not checked: records whose zone is not\n"
    "known (a zone_id from a variable without a value: each is checked only\n"
    "with the records of the same zone_id, never with another zone's), local\n"
    "modules that could not be read (a warning when a bound on the number or\n"
    "depth of modules kept one with DNS resources out), and, once per module,\n"
    "resources of DNS providers zonelint does not read (njalla_record_txt,\n"
    "cloudns_dns_record, ...). Modules without DNS resources are read only\n"
    "when a record needs a value they output, and never reported.\n"
    "\n"
    "Bad (main.tf):\n"
    "\n"
    "    resource \"aws_route53_zone\" \"main\" {\n"
    "      name = \"example.com\"\n"
    "    }\n"
    "    resource \"aws_route53_record\" \"verify\" {\n"
    "      zone_id = aws_route53_zone.main.zone_id\n"
    "      name    = \"_amazonses.example.com\"\n"
    "      type    = \"TXT\"\n"
    "      ttl     = 600\n"
    "      records = [aws_ses_domain_identity.main.verification_token]\n"
    "    }\n"
    "\n"
    "Good (main.tf):\n"
    "\n"
    "    resource \"aws_route53_zone\" \"main\" {\n"
    "      name = \"example.com\"\n"
    "    }\n"
    "    resource \"aws_route53_record\" \"verify\" {\n"
    "      zone_id = aws_route53_zone.main.zone_id\n"
    "      name    = \"_amazonses.example.com\"\n"
    "      type    = \"TXT\"\n"
    "      ttl     = 600\n"
    "      records = [\"pmBGN/7MjnfhTKUZ06Enqq1PeGUaOkw8lGhcfwefcHU=\"]\n"
    "    }\n"
    "\n"
    "To check records built from apply-time values, lint the plan instead:\n"
    "terraform show -json plan.out > plan.json, then zonelint plan.json, where\n"
    "Terraform has resolved them.\n";
