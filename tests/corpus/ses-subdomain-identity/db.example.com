$ORIGIN example.com.
$TTL 1800
@	IN SOA	ns1.example.net. hostmaster.example.com. 2026083101 7200 3600 1209600 300
@	IN NS	ns1.example.net.
@	IN NS	ns2.example.net.
@	IN A	192.0.2.60
@	IN TXT	"v=spf1 include:_spf.google.com ~all"
_dmarc	IN TXT	"v=DMARC1; p=reject; adkim=s; rua=mailto:dmarc@example.com"
; SES identity mail.example.com (transactional mail is sent From: ...@mail.example.com)
fu4hxnervnr4qrj6khnwayxmiewibyxk._domainkey.mail	IN CNAME	fu4hxnervnr4qrj6khnwayxmiewibyxk.dkim.amazonses.com.
bfhwnu6dz6ff7efyqgivrwpl4vkova6m._domainkey.mail	IN CNAME	bfhwnu6dz6ff7efyqgivrwpl4vkova6m.dkim.amazonses.com.
qxn2a5yzmpq52hiegqneky7fllnxj3lp._domainkey.mail	IN CNAME	qxn2a5yzmpq52hiegqneky7fllnxj3lp.dkim.amazonses.com.
bounce.mail	IN MX	10 feedback-smtp.us-east-2.amazonses.com.
bounce.mail	IN TXT	"v=spf1 include:amazonses.com ~all"
