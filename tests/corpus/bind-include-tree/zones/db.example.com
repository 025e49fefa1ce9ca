$ORIGIN example.com.
$TTL 1h
$INCLUDE ../common/soa-ns.inc

@	IN A	192.0.2.81
wiki	IN CNAME	wiki-host.example.net.
status	IN CNAME	stats.uptimerobot.com
