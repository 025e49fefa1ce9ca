#!/bin/sh
# SPDX-License-Identifier: MIT
# Writes the WKS name tables src/rdata/wks_protocols.def and
# src/rdata/wks_services.def from a netbase /etc/protocols and /etc/services.
# BIND resolves WKS names through getprotobyname()/getservbyname(), i.e. these
# two files; zonelint carries their names built in, so a zone gets the same
# verdict on every machine, with or without netbase. The committed tables come
# from Debian 12's netbase 6.4. Run this when netbase changes, review the diff.
#
# usage: sh tools/gen-wks-names.sh [PROTOCOLS SERVICES [OUTDIR]]
set -eu
protocols=${1:-/etc/protocols}
services=${2:-/etc/services}
out=${3:-src/rdata}
version=$(dpkg-query -W -f '${Version}' netbase 2>/dev/null || echo unknown)
export LC_ALL=C

# name<TAB>number<TAB>line for each name and alias, sorted by name (bytewise),
# then file order; only the first row of a name survives, as the C library
# returns the first matching line.
awk '{ sub(/#.*/, "") } NF >= 2 {
        for (i = 1; i <= NF; i++) if (i != 2) printf "%s\t%s\t%d\n", $i, $2, NR
     }' "$protocols" | sort -t "$(printf '\t')" -k1,1 -k3,3n |
awk -F '\t' -v v="$version" '
    BEGIN {
        print "/* WKS protocol names (RFC 1035 3.4.2), as Debian netbase " v "'"'"'s /etc/protocols"
        print " * numbers them (IANA'"'"'s protocol numbers). BIND 9.18 looks the WKS protocol"
        print " * up with getprotobyname(): exactly, case-sensitive, names and aliases. One row"
        print " * per name or alias, sorted bytewise for binary search. Written by"
        print " * tools/gen-wks-names.sh; edit it only through that script."
        print " *"
        print " * ZL_WKS_PROTO(name, number) */"
        print ""
    }
    !seen[$1]++ { printf "ZL_WKS_PROTO(\"%s\", %d)\n", $1, $2 }' >"$out/wks_protocols.def"

# name<TAB>port<TAB>protocol<TAB>line; the first row of a name for a protocol
# survives (the C library returns the first line).
awk '{ sub(/#.*/, "") } NF >= 2 && split($2, pp, "/") == 2 {
        for (i = 1; i <= NF; i++) if (i != 2) printf "%s\t%s\t%s\t%d\n", $i, pp[1], pp[2], NR
     }' "$services" | sort -t "$(printf '\t')" -k1,1 -k4,4n |
awk -F '\t' -v v="$version" '
    BEGIN {
        print "/* WKS service names, with the ports and protocols Debian netbase " v "'"'"'s"
        print " * /etc/services gives them (IANA'"'"'s service names). BIND 9.18 looks each WKS"
        print " * service up with getservbyname(name, \"tcp\" or \"udp\", or any protocol for"
        print " * other protocol numbers), first lower-cased, then as written. One row per name"
        print " * or alias and protocol, sorted bytewise by name, then in file order (the first"
        print " * line wins: a lookup for any protocol takes the first row of its name)."
        print " * Written by tools/gen-wks-names.sh; edit it only through that script."
        print " *"
        print " * ZL_WKS_SERVICE(name, port, protocol) */"
        print ""
    }
    !seen[$1 "/" $3]++ { printf "ZL_WKS_SERVICE(\"%s\", %d, \"%s\")\n", $1, $2, $3 }' \
    >"$out/wks_services.def"
