/* ZL1006 tf-not-evaluated: DNS records in Terraform whose name, type, TTL
 * or values depend on what only `terraform apply` knows (another
 * resource's computed attribute, a variable without a value) were not
 * checked. Reported once per file by the Terraform reader
 * (src/input/terraform/tf_read.c), with how many.
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
    "would need it say nothing about it. This info says how many records in a\n"
    "file were skipped so. Lint the plan (terraform show -json) to check them\n"
    "with the values Terraform resolved.\n"
    "\n"
    "Bad (main.tf):\n"
    "\n"
    "    resource \"aws_route53_record\" \"verify\" {\n"
    "      zone_id = \"Z0123456789ABCDEFGHIJ\"\n"
    "      name    = \"_amazonses.example.com\"\n"
    "      type    = \"TXT\"\n"
    "      ttl     = 600\n"
    "      records = [aws_ses_domain_identity.main.verification_token]\n"
    "    }\n"
    "\n"
    "Good (main.tf):\n"
    "\n"
    "    resource \"aws_route53_record\" \"verify\" {\n"
    "      zone_id = \"Z0123456789ABCDEFGHIJ\"\n"
    "      name    = \"_amazonses.example.com\"\n"
    "      type    = \"TXT\"\n"
    "      ttl     = 600\n"
    "      records = [\"pmBGN/7MjnfhTKUZ06Enqq1PeGUaOkw8lGhcfwefcHU=\"]\n"
    "    }\n"
    "\n"
    "To check records built from apply-time values, lint the plan instead:\n"
    "terraform show -json plan.out > plan.json, then zonelint plan.json, where\n"
    "Terraform has resolved them.\n";
