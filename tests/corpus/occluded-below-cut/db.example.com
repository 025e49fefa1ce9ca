$ORIGIN example.com.
$TTL 3600
@	IN SOA	ns1.example.com. hostmaster.example.com. 2026090601 7200 3600 1209600 300
@	IN NS	ns1.example.com.
@	IN NS	ns2.example.com.
ns1	IN A	192.0.2.1
ns2	IN A	192.0.2.2
; mail.example.com is delegated to the mail team's own servers
mail	IN NS	ns1.mail.example.com.
mail	IN NS	ns1.other.example.
ns1.mail	IN A	192.0.2.25
; ...but the SES records for mail.example.com were added here, in the parent
4o4wx3agvv6va4i6yk4etuwqivmxeyh3._domainkey.mail	IN CNAME	4o4wx3agvv6va4i6yk4etuwqivmxeyh3.dkim.amazonses.com.
kls5oupuzfbneigl4hi7v7dypbwijndb._domainkey.mail	IN CNAME	kls5oupuzfbneigl4hi7v7dypbwijndb.dkim.amazonses.com.
firn4herdqjbaqy6bcwddgoudcypqpbs._domainkey.mail	IN CNAME	firn4herdqjbaqy6bcwddgoudcypqpbs.dkim.amazonses.com.
_dmarc.mail	IN TXT	"v=DMARC1; p=none"
www	IN CNAME	@
