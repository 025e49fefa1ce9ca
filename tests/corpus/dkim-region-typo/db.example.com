$ORIGIN example.com.
$TTL 3600
@	IN SOA	ns1.example.net. hostmaster.example.com. 2026090802 7200 3600 1209600 300
@	IN NS	ns1.example.net.
@	IN NS	ns2.example.net.
mful3jdgzw7s73ttkyol5dvuhjwupgds._domainkey	IN CNAME	mful3jdgzw7s73ttkyol5dvuhjwupgds.dkim.eu-south-1.amazonses.com.
j23wanwaxxhz77ewttpewkpjxn5ebeat._domainkey	IN CNAME	j23wanwaxxhz77ewttpewkpjxn5ebeat.dkim.eu-sout-1.amazonses.com.
zrp5gtkrcdyubach2acp7c6htogmsoqh._domainkey	IN CNAME	zrp5gtkrcdyubach2acp7c6htogmsoqh.dkim.eu-south-1.amazonses.com.
