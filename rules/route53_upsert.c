/* SPDX-License-Identifier: MIT */
/* ZL1007 route53-upsert-apex-txt: reported by the change-batch reader
 * (src/input/exports/r53_change.c). Route 53 API reference, Change:
 * "UPSERT: If a resource record set does exist, Route 53 updates it with
 * the values in the request" -- the whole record set, not one value. */
#include "rules.h"

const char zl_explain_route53_upsert_apex_txt[] =
    "A Route 53 record set is every value of one name and type. An UPSERT\n"
    "replaces the record set with the values it lists, so an UPSERT that lists\n"
    "one TXT value at the apex of the zone deletes every other TXT value\n"
    "there: the SPF record, Google's or Microsoft's domain verification, an\n"
    "old SES token. It is the usual way a change batch written to add one\n"
    "value (an SPF record for SES, a verification token) breaks mail or\n"
    "verification that worked before. List every value the apex keeps in\n"
    "ResourceRecords (aws route53 list-resource-record-sets shows them), or\n"
    "use CREATE when the apex has no TXT record set yet: Route 53 then refuses\n"
    "the batch instead of deleting anything.\n"
    "\n"
    "zonelint cannot see the live zone, so it says this (as information) for\n"
    "every such UPSERT; it says nothing about an UPSERT of several values, or\n"
    "of one value below the apex, where a TXT set rarely holds more than one.\n"
    "The apex is --origin, else the zone guessed from the batch's names.\n"
    "\n"
    "Bad (change-batch.json):\n"
    "\n"
    "    {\"Comment\": \"SPF for Amazon SES\",\n"
    "     \"Changes\": [{\"Action\": \"UPSERT\",\n"
    "                  \"ResourceRecordSet\": {\"Name\": \"example.com\", \"Type\": \"TXT\", \"TTL\": 300,\n"
    "                                        \"ResourceRecords\": [\n"
    "                                          {\"Value\": \"\\\"v=spf1 include:amazonses.com ~all\\\"\"}]}}]}\n"
    "\n"
    "Good (change-batch.json):\n"
    "\n"
    "    {\"Comment\": \"SPF for Amazon SES, keeping the site verification\",\n"
    "     \"Changes\": [{\"Action\": \"UPSERT\",\n"
    "                  \"ResourceRecordSet\": {\"Name\": \"example.com\", \"Type\": \"TXT\", \"TTL\": 300,\n"
    "                                        \"ResourceRecords\": [\n"
    "                                          {\"Value\": \"\\\"v=spf1 include:amazonses.com ~all\\\"\"},\n"
    "                                          {\"Value\": \"\\\"google-site-verification=Xq3hP2mB0kz7Wf1rT8vYcN4sJ6uL9aE5dG0iO3pR2tQ\\\"\"}]}}]}\n";
