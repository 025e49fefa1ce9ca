$ORIGIN example.com.
$TTL 3600
@	IN SOA	ns1.example.net. hostmaster.example.com. 2026090101 7200 3600 1209600 300
@	IN NS	ns1.example.net.
@	IN NS	ns2.example.net.
@	IN A	192.0.2.50
@	IN MX	0 example-com.mail.protection.outlook.com.
@	IN TXT	"MS=ms90331852"
@	IN TXT	"google-site-verification=YFpJzkuk6QIw4ocBqk6eEqEoR-3RqcdYeduSGgUPDD6"
@	IN TXT	"stripe-verification=9d9965fd5fa958b93c725049834f11fb15ebf6adf9d3dcd1f464af245810881b"
@	IN TXT	"v=spf1 include:spf.protection.outlook.com include:_spf.google.com include:sendgrid.net include:amazonses.com -all"
_dmarc	IN TXT	"v=DMARC1; p=quarantine; adkim=r; aspf=r; rua=mailto:dmarc@example.com"
autodiscover	IN CNAME	autodiscover.outlook.com.
selector1._domainkey	IN CNAME	selector1-example-com._domainkey.exampleco.p-v1.dkim.mail.microsoft.
selector2._domainkey	IN CNAME	selector2-example-com._domainkey.exampleco.p-v1.dkim.mail.microsoft.
; Amazon SES (eu-west-1)
7nm3ehike6orhxgdzcnlhq7j5hl23mpk._domainkey	IN CNAME	7nm3ehike6orhxgdzcnlhq7j5hl23mpk.dkim.amazonses.com.
2ycsfsmfm7orsympqswhpvoj5e5f56f5._domainkey	IN CNAME	2ycsfsmfm7orsympqswhpvoj5e5f56f5.dkim.amazonses.com.
ibkidms4rcicyn54yhykw6pkbmqyakpj._domainkey	IN CNAME	ibkidms4rcicyn54yhykw6pkbmqyakpj.dkim.amazonses.com.
mail	IN MX	10 feedback-smtp.eu-west-1.amazonses.com.
mail	IN TXT	"v=spf1 include:amazonses.com. ~all"
; SES receiving for the help desk (not a MAIL FROM)
tickets	IN MX	10 inbound-smtp.eu-west-1.amazonaws.com.
tickets	IN TXT	"v=spf1 include:amazonses.com ~all"
; Stripe custom email domain (Stripe sends through SES under its own DKIM domain)
co2yjvwznxjs5pwah7miglgsofpln3y6._domainkey	IN CNAME	co2yjvwznxjs5pwah7miglgsofpln3y6.dkim.custom-email-domain.stripe.com.
lyot566ijxpuwrzv2q3l2z2kg7ztkwft._domainkey	IN CNAME	lyot566ijxpuwrzv2q3l2z2kg7ztkwft.dkim.custom-email-domain.stripe.com.
pjkfcnjmdxltxls3oudr3nbydjzk2xjr._domainkey	IN CNAME	pjkfcnjmdxltxls3oudr3nbydjzk2xjr.dkim.custom-email-domain.stripe.com.
jckkhsuoludgagy3clc4dndnccfozdbi._domainkey	IN CNAME	jckkhsuoludgagy3clc4dndnccfozdbi.dkim.custom-email-domain.stripe.com.
usfkcyjba6t3lozqtalhungii4yjwm4v._domainkey	IN CNAME	usfkcyjba6t3lozqtalhungii4yjwm4v.dkim.custom-email-domain.stripe.com.
7asviqqcb5l3lkdxo236vq4dvbo6tzre._domainkey	IN CNAME	7asviqqcb5l3lkdxo236vq4dvbo6tzre.dkim.custom-email-domain.stripe.com.
bounce	IN CNAME	custom-email-domain.stripe.com.
; SendGrid (automated security)
em7734	IN CNAME	u5520913.wl164.sendgrid.net.
s1._domainkey	IN CNAME	s1.domainkey.u5520913.wl164.sendgrid.net.
s2._domainkey	IN CNAME	s2.domainkey.u5520913.wl164.sendgrid.net.
; Google Workspace DKIM, 2048 bits, split inside the base64
google._domainkey	IN TXT	( "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1TSaGRpOF19R7Q4SB9pwu+lWyp0kHdziUVQXebuBReONCigPaf28wSizsQBYLezklHBz3S7vFTB1+UkQgCMRb0FGWFBz468v7yqpjCxox2PLuKkzJX/9BpW6eIG0IfLRNG8zeroEuVJFHOaTVqmmBiyGqHutb4ijsC9AeygYzSltH4Kb22+G4dqAGqTR" "QG5UtA/59kenCSTyYRVFphQOlxv9WCrt11f18nLfFtbv+M0yjRdVMXoftL4ucsBDNPj9GIx+6VYb5WUOZK3Di20gGtc9pkjaaKKvKg0X6FMAmXUFnkZERGydemF3uAvNGsPmI/vnPSTJCpm8oDMmMo2WYQIDAQAB" )
; self-hosted signer: 4096-bit key and a selector with an underscore (not SES business)
mail._domainkey	IN TXT	( "v=DKIM1; k=rsa; p=MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEA0UMt8j1r1r6s9mG1N1f/vDW/VtMFSe2R6qmJTsUAcrt75DLdB0qkIL9W/asngHsRdLWxtKJbk6Iuac2nvhdYpg6kghp1mi8rqtlw9rZFJ/eOlrmwG7P62KRIP1tJEz8D/sW6S5cQ/JEgcKVMG8ZldtAgfo8KpPjsgDzJp3ykfu3xY2SsUWQ96q0/Ujtv" "p8RpiT79JaJEbJUNwpA2HlGdapFii/8vAfkf3Yz5EvnqHEJ/DJnG1OoQabgHFrvxjqj5LuKwXKTlZS2Ul/QUSUxWNzUC0x8Mnp0XfsQONwwMHwOM22i5Qikl9/QWdqh89HblA7XgPKqcQIC8zo70EvWep5yGrHEDmw4ILRodGS5vdOLP+iSzRz2vmezuyF08tHmRbsh0SMosK6SOuUdra2otK6J09Ni71ci5j6i1dmaVBdTY3GhxZI1xH1" "UK+Cvx+QE+ktIWI9KYkRtMZhP3J64A7tJBm6Uxv8L9WMPhTfUwzrSL7mK7aY9OBGSjRXO7giJ2HjQwGfzelzh03vaynEjoyVCrvcBVK6IsK+3oH63lR8UjB367kOkPz2e0zR6A9UZgu8m300af/JX9UR4nOCoa4x9SEgYKYT3SYpEK6N/qLho7xxCSogjENIVuVkUiCpa0AaVi3tzuSHhv1phpR2Hqx66uieuRuHopd4+HpUbp0J8CAwEA" "AQ==" )
s1_2024._domainkey	IN TXT	"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCsvQzZ3kLOOOjy6lsmFoNN3gjYsO1J2hV7Deba8jGvgD28NzEPBtwzZZfiu8Cb97RG+a03qaEr5BPmdcu6BElZ3iKVGy7QgnanYP1jelJiID3W9wzSft5mCkawkp1mQ19YjhfNzbF368J5dR7Dpx6UM1uoPum80qwgr5Rg5tc1VQIDAQAB"
; a key folded with a blank inside the base64 (RFC 6376 3.6.1 allows FWS there)
relay._domainkey	IN TXT	( "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCsvQzZ3kLOOOjy6lsmFoNN3gjYsO1J2hV7Deba8jGvgD28NzEPBtwzZZfiu8Cb" " 97RG+a03qaEr5BPmdcu6BElZ3iKVGy7QgnanYP1jelJiID3W9wzSft5mCkawkp1mQ19YjhfNzbF368J5dR7Dpx6UM1uoPum80qwgr5Rg5tc1VQIDAQAB" )
; legacy SES verification, a DKIM token pasted where the 44-character token belongs
_amazonses	IN TXT	"2ycsfsmfm7orsympqswhpvoj5e5f56f5"
