#!/bin/sh
# SPDX-License-Identifier: MIT
# Compares zonelint's built-in WKS names (src/rdata/wks_*.def) with BIND's
# verdict on this machine: one WKS record per protocol name, and per service
# name under tcp, udp and other protocols, as written and upper-cased, parsed
# by named-checkzone (which reads /etc/protocols and /etc/services) and by
# zonelint print. Meaningful where netbase is the version the tables came from.
# usage: ZONELINT=build/zonelint sh tools/check-wks-names.sh
set -eu
ZONELINT=${ZONELINT:-build/zonelint}
command -v named-checkzone >/dev/null 2>&1 || { echo "check-wks-names: no named-checkzone, skipped"; exit 0; }
[ -r /etc/services ] && [ -r /etc/protocols ] || { echo "check-wks-names: no netbase, skipped"; exit 0; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export LC_ALL=C
{
    printf '$ORIGIN example.\n$TTL 3600\n@ SOA ns hm 1 2 3 4 5\n@ NS ns\nns A 192.0.2.1\n'
    sed -n 's/^ZL_WKS_PROTO("\([^"]*\)".*/\1/p' src/rdata/wks_protocols.def |
        awk '{ print "p" NR " WKS 192.0.2.1 " $1 " 25"; print "q" NR " WKS 192.0.2.1 " toupper($1) " 25" }'
    sed -n 's/^ZL_WKS_SERVICE("\([^"]*\)".*/\1/p' src/rdata/wks_services.def | sort -u |
        awk '{ n = split("tcp udp 1 37 132", p, " ")
               for (i = 1; i <= n; i++) {
                   print "s" NR "-" i " WKS 192.0.2.1 " p[i] " " $1
                   print "t" NR "-" i " WKS 192.0.2.1 " p[i] " " toupper($1) " smtp"
               } }'
} >"$dir/all.zone"
# BIND: the lines it rejects, then a dump of the rest.
named-checkzone -o /dev/null example "$dir/all.zone" 2>&1 |
    sed -n 's/^dns_rdata_fromtext: [^:]*:\([0-9]*\): .*/\1/p' | sort -n >"$dir/bind.bad" || true
awk 'NR == FNR { bad[$1] = 1; next } !(FNR in bad)' "$dir/bind.bad" "$dir/all.zone" >"$dir/good.zone"
awk 'NR == FNR { bad[$1] = 1; next } FNR <= 5 || (FNR in bad)' "$dir/bind.bad" "$dir/all.zone" >"$dir/bad.zone"
named-checkzone -q -D -o "$dir/bind.dump" example "$dir/good.zone"
wks() { awk '$4 == "WKS" { s = $1 " " $4; for (i = 5; i <= NF; i++) s = s " " $i; print s }' "$@" | sort; }
wks "$dir/bind.dump" >"$dir/bind.wks"
# zonelint: the records BIND accepts, printed the same, and none of the others.
fail=0
"$ZONELINT" print "$dir/good.zone" >"$dir/zl.good" 2>"$dir/zl.err" || { fail=1; head -5 "$dir/zl.err"; }
wks "$dir/zl.good" >"$dir/zl.wks"
if ! cmp -s "$dir/bind.wks" "$dir/zl.wks"; then
    echo "printed differently (< BIND, > zonelint):"
    diff "$dir/bind.wks" "$dir/zl.wks" | head -20
    fail=1
fi
"$ZONELINT" print "$dir/bad.zone" >"$dir/zl.bad" 2>/dev/null || true
if [ -n "$(wks "$dir/zl.bad")" ]; then
    echo "accepted by zonelint, rejected by BIND:"
    wks "$dir/zl.bad" | head -20
    fail=1
fi
n=$(grep -c ' WKS ' "$dir/all.zone")
if [ "$fail" = 0 ]; then
    echo "check-wks-names: $n records, BIND rejects $(wc -l <"$dir/bind.bad"): zonelint agrees on all"
else
    echo "check-wks-names: zonelint and BIND differ"
fi
exit "$fail"
