; example.com: one company, seven senders, as such zones grow over the years.
$ORIGIN example.com.
$TTL 1h
@       IN SOA  ns1.example.net. hostmaster.example.com. (
                2024061201 ; serial
                2h         ; refresh
                1h         ; retry
                2w         ; expire
                1h )       ; negative TTL
        IN NS   ns1.example.net.
        IN NS   ns2.example.org.
        IN A    192.0.2.10
        IN MX   1 smtp.google.com.
        IN TXT  "v=spf1 include:_spf.google.com include:amazonses.com include:sendgrid.net -all"
        IN TXT  "google-site-verification=QofHhCeTYQLOPU1Wb8D1iv3rphlfX3TtzSlrgSHg4ds"
        IN TXT  "MS=ms48213307"
        IN TXT  "stripe-verification=a57cbecbc24873326c6a2db61c6dd000423fa5de133c404f999abe7249cafd85"
_dmarc  IN TXT  "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com"
www     IN CNAME example.com.

; Google Workspace DKIM
google._domainkey IN TXT "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDBnZVl0woPd73NhIigJaNzGNjcpSHpU/X3/ZuU4nFG9CDZ64azptba0roKpWPE2jCsX0lXp0To1XX1/HUaL47WNkybobtAoPdXMKXb90Sa9nqgG+ZjoorHvpoJ4cZVk2JZrMc3qKbKoI6eu5eGOxG54ClI6TaGcLGKJ0u+jBNjowIDAQAB"

; Amazon SES for the product's mail (Easy DKIM, custom MAIL FROM)
3e3r4pb4vzkca54bv45qy54zhku46v5f._domainkey IN CNAME 3e3r4pb4vzkca54bv45qy54zhku46v5f.dkim.amazonses.com.
nokzgzvu4qlr2htorkqsj4pj6hpnz3os._domainkey IN CNAME nokzgzvu4qlr2htorkqsj4pj6hpnz3os.dkim.amazonses.com.
26z6ouywvyvvgi7ooeltqnp7q7lp7xkn._domainkey IN CNAME 26z6ouywvyvvgi7ooeltqnp7q7lp7xkn.dkim.amazonses.com.
mail    IN MX   10 feedback-smtp.eu-west-1.amazonses.com.
mail    IN TXT  "v=spf1 include:amazonses.com ~all"

; Stripe receipts from the apex (Stripe sends through SES, under its own DKIM domain)
nackpbdjxphv5wrzqwonwuot2o527f5x._domainkey IN CNAME nackpbdjxphv5wrzqwonwuot2o527f5x.dkim.custom-email-domain.stripe.com.
4u4ze7bmilbs7jghzde5szolwfpttkuy._domainkey IN CNAME 4u4ze7bmilbs7jghzde5szolwfpttkuy.dkim.custom-email-domain.stripe.com.
6v4er6jh7yyaqfsec4dqk767cd6f5o4q._domainkey IN CNAME 6v4er6jh7yyaqfsec4dqk767cd6f5o4q.dkim.custom-email-domain.stripe.com.
fadvy3wdt4tb3yawyajqp7vupu7uawov._domainkey IN CNAME fadvy3wdt4tb3yawyajqp7vupu7uawov.dkim.custom-email-domain.stripe.com.
dlgzvivguv56hzagj5kmuxzoh5kv52br._domainkey IN CNAME dlgzvivguv56hzagj5kmuxzoh5kv52br.dkim.custom-email-domain.stripe.com.
virwld5ngeqne4koukdx2o2kxjl6655k._domainkey IN CNAME virwld5ngeqne4koukdx2o2kxjl6655k.dkim.custom-email-domain.stripe.com.
bounce  IN CNAME custom-email-domain.stripe.com.

; SendGrid, the marketing team's (the second DKIM CNAME copied from another account)
em4821        IN CNAME u7310562.wl042.sendgrid.net.
s1._domainkey IN CNAME s1.domainkey.u7310562.wl042.sendgrid.net.
s2._domainkey IN CNAME s2.domainkey.u8802211.wl117.sendgrid.net.
url3390       IN CNAME sendgrid.net.
7310562       IN CNAME sendgrid.net.

; Microsoft 365 for the subsidiary on corp (one selector only, so far)
selector1._domainkey.corp IN CNAME selector1-corp-example-com._domainkey.contoso.r-v1.dkim.mail.microsoft.
corp    IN MX   0 corp-example-com.mail.protection.outlook.com.

; HubSpot on info
hs1-20481234._domainkey.info IN CNAME info-example-com.hs07a.dkim.hubspotemail.net.
hs2-20481234._domainkey.info IN CNAME info-example-com.hs07b.dkim.hubspotemail.net.

; Mailchimp newsletters
k2._domainkey IN CNAME dkim2.mcsv.net.
k3._domainkey IN CNAME dkim3.mcsv.net
