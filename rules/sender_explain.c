/* SPDX-License-Identifier: MIT */
/* Explanations of the sender-pack rules (ZL5101-ZL5110, rules/sender_packs.c).
 * Their Bad and Good examples run as tests (tests/unit/test_senders.c):
 * each Bad example must get its rule, each Good one must not. */
#include "rules.h"

#define SENDERS_NOTE                                                                     \
    "\n"                                                                                 \
    "The senders and their records come from the sender packs (zonelint senders lists\n" \
    "them; zonelint explain sender:NAME shows one). Findings name the sender and carry\n" \
    "it as the \"sender\" property; --ignore=sender:NAME drops a sender's findings.\n"

const char zl_explain_sender_placement[] =
    "A mail sender looks its records up at fixed names below the domain it sends\n"
    "for: SendGrid at s1._domainkey and s2._domainkey, Mailgun everything on the\n"
    "sending domain (mg.example.com, not example.com), Resend's MAIL FROM at\n"
    "send.<sending domain>. A record with the right value at another name is never\n"
    "found: the DKIM name written with a dot for the underscore (s1.domainkey), a\n"
    "token cut short in the name, or the SPF record of a Mailgun subdomain published\n"
    "on the apex while the subdomain has the DKIM records. For the last kind, the\n"
    "rule reports only when the zone holds one setup of that sender and the other\n"
    "name has no DKIM record of its own (so it is not a second setup).\n"
    SENDERS_NOTE
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    s1.domainkey   3600 IN CNAME s1.domainkey.u7310562.wl042.sendgrid.net.\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    s1._domainkey  3600 IN CNAME s1.domainkey.u7310562.wl042.sendgrid.net.\n";

const char zl_explain_sender_record_type[] =
    "Most senders publish DKIM keys and return paths as CNAME records that point into\n"
    "their own domain, so they can rotate keys without asking for DNS changes. A\n"
    "DNS form that offers TXT by default, or a copy from the wrong column, puts the\n"
    "CNAME's value into a TXT record instead: the sender looks up the CNAME, finds\n"
    "none, and verification stays pending. Mailgun's pdk1/pdk2 and Microsoft 365's\n"
    "selector1/selector2 records are often published this way.\n"
    SENDERS_NOTE
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    pdk1._domainkey.mg 3600 IN TXT \"pdk1._domainkey.7c31e0.dkim3.eu.mgsend.org\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    pdk1._domainkey.mg 3600 IN CNAME pdk1._domainkey.7c31e0.dkim3.eu.mgsend.org.\n";

const char zl_explain_sender_dkim_target[] =
    "A DKIM record that points anywhere but where the sender publishes the key fails\n"
    "every signature: Microsoft 365's selector CNAMEs end in <tenant>.onmicrosoft.com\n"
    "or <tenant>.<letter>-v1.dkim.mail.microsoft (a '.com' added to the second is a\n"
    "common slip), SendGrid's in u<account>.wl<N>.sendgrid.net, Brevo's in\n"
    "<domain-with-dashes>.dkim.brevo.com. The rule compares the target with the shape\n"
    "the sender documents (zonelint explain sender:NAME shows it) and says what does\n"
    "not fit.\n"
    SENDERS_NOTE
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    selector1._domainkey 3600 IN CNAME selector1-example-com._domainkey.contoso.n-v1.dkim.mail.microsoft.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    selector1._domainkey 3600 IN CNAME selector1-example-com._domainkey.contoso.n-v1.dkim.mail.microsoft.\n";

const char zl_explain_sender_value[] =
    "Verification tokens, return paths, tracking hosts and MX hosts each have one\n"
    "documented shape: Google's site verification is google-site-verification=\n"
    "followed by 43 characters, Mandrill's is mandrill_verify.<key> with a dot (not\n"
    "'='), Brevo's code is brevo-code: and 32 hex digits, Stripe's bounce CNAME\n"
    "points to custom-email-domain.stripe.com. A token cut short or a value edited\n"
    "by hand no longer matches, and the sender keeps the domain unverified.\n"
    SENDERS_NOTE
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    @ 3600 IN TXT \"mandrill_verify=gDcwnGBy2LqEsaOgqaHslP\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    @ 3600 IN TXT \"mandrill_verify.gDcwnGBy2LqEsaOgqaHslP\"\n";

const char zl_explain_sender_link[] =
    "Parts of a sender's records belong together. The token in a DKIM name is the\n"
    "token in its target (Stripe, Mailgun's pdk1 -> pdk1...); Microsoft 365,\n"
    "HubSpot and Brevo put the domain into the target with its dots as dashes\n"
    "(marketing.contoso.com -> marketing-contoso-com); HubSpot's hs1 points to a\n"
    "name ending in 'a' and hs2 to one ending in 'b'; and every record of one setup\n"
    "names the same account (SendGrid's u<account>), tenant and format (Microsoft),\n"
    "or data centre and region (Zoho's zoho.eu, Mailgun's EU). Records copied from\n"
    "two setups, or edited by hand, mix them, and one of them fails.\n"
    SENDERS_NOTE
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    selector1._domainkey 3600 IN CNAME selector1-example.com._domainkey.contoso.onmicrosoft.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    selector1._domainkey 3600 IN CNAME selector1-example-com._domainkey.contoso.onmicrosoft.com.\n";

const char zl_explain_sender_set[] =
    "Senders hand out their DKIM records in sets and verify a domain only when the\n"
    "whole set resolves: SendGrid's s1 and s2, Microsoft 365's selector1 and\n"
    "selector2, HubSpot's hs1 and hs2, Mailgun's pdk1 and pdk2, Stripe's six\n"
    "CNAMEs; some also need another record with them (SendGrid's return-path\n"
    "CNAME, Stripe's bounce CNAME, Resend's MAIL FROM MX and SPF, Customer.io's\n"
    "MX and DKIM key). Missing members are reported for whole zones only: a file\n"
    "pulled in with $INCLUDE may hold the rest.\n"
    SENDERS_NOTE
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    @ 3600 IN SOA ns1.example.net. hostmaster.example.com. 1 7200 3600 1209600 3600\n"
    "    @ 3600 IN NS  ns1.example.net.\n"
    "    hs1-20481234._domainkey 3600 IN CNAME example-com.hs07a.dkim.hubspotemail.net.\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    @ 3600 IN SOA ns1.example.net. hostmaster.example.com. 1 7200 3600 1209600 3600\n"
    "    @ 3600 IN NS  ns1.example.net.\n"
    "    hs1-20481234._domainkey 3600 IN CNAME example-com.hs07a.dkim.hubspotemail.net.\n"
    "    hs2-20481234._domainkey 3600 IN CNAME example-com.hs07b.dkim.hubspotemail.net.\n";

const char zl_explain_sender_proxied[] =
    "Cloudflare can proxy a CNAME: it then answers with its own addresses and the\n"
    "CNAME itself is never served. A sender that follows its DKIM, verification or\n"
    "return-path CNAME then finds nothing. Link-branding and tracking CNAMEs are\n"
    "different: SendGrid documents a CDN in front of its link-branding CNAME for SSL\n"
    "click tracking, so a proxied one is not reported. Cloudflare's zone export\n"
    "shows the setting as a trailing comment cf_tags=cf-proxied:true.\n"
    SENDERS_NOTE
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    s1._domainkey 1 IN CNAME s1.domainkey.u7310562.wl042.sendgrid.net. ; cf_tags=cf-proxied:true\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    s1._domainkey 1 IN CNAME s1.domainkey.u7310562.wl042.sendgrid.net. ; cf_tags=cf-proxied:false\n"
    "    url3390       1 IN CNAME sendgrid.net. ; cf_tags=cf-proxied:true\n";

const char zl_explain_sender_target_origin[] =
    "A sender's target is always outside the zone, so in a zone file it needs its\n"
    "trailing dot; without it the origin is appended (s1.domainkey.u7310562.wl042.\n"
    "sendgrid.net.example.com.) and the sender's lookup ends nowhere. DNS providers\n"
    "that append the zone to whatever is typed produce the same name. This is\n"
    "target-relative-external for a sender's record, with the sender named; that\n"
    "generic finding is not repeated on the same line.\n"
    SENDERS_NOTE
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    s2._domainkey 3600 IN CNAME s2.domainkey.u7310562.wl042.sendgrid.net\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    s2._domainkey 3600 IN CNAME s2.domainkey.u7310562.wl042.sendgrid.net.\n";

const char zl_explain_sender_owner_origin[] =
    "Senders show record names fully qualified (s1._domainkey.example.com); pasted\n"
    "into a zone file without the trailing dot, or into a provider's host field that\n"
    "appends the zone itself, the name ends in the zone twice and the sender's\n"
    "lookup of s1._domainkey.example.com. finds nothing. This is name-doubled-origin\n"
    "for a sender's record, with the sender named.\n"
    SENDERS_NOTE
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    brevo1._domainkey.example.com 3600 IN CNAME b1.example-com.dkim.brevo.com.\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    brevo1._domainkey             3600 IN CNAME b1.example-com.dkim.brevo.com.\n";

const char zl_explain_sender_stray_characters[] =
    "Values copied from a web console or a chat often bring a blank or a quote\n"
    "along: \" google-site-verification=...\" or a TXT that holds the quotes\n"
    "themselves. Senders compare the value exactly, so the token is never found.\n"
    "This is value-stray-characters for a sender's record, with the sender named.\n"
    SENDERS_NOTE
    "\n"
    "Bad:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    @ 3600 IN TXT \" brevo-code:9e970bc7cb82062b1979005441a6a284\"\n"
    "\n"
    "Good:\n"
    "\n"
    "    $ORIGIN example.com.\n"
    "    @ 3600 IN TXT \"brevo-code:9e970bc7cb82062b1979005441a6a284\"\n";
