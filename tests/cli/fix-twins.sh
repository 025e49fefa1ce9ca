#!/bin/sh
# SPDX-License-Identifier: MIT
# --fix on every broken example that has a fixed twin (examples/*/broken.zone
# and fixed.zone, as examples/ and the README pair them) moves it towards the
# twin and leaves only what needs a human:
#   1. every line the fixes changed either still has a finding (what is left
#      of it needs a person) or holds a record, as a name server serves it
#      (zonelint print), that is one of the twin's records;
#   2. no finding left has a safe fix-it (each needs --unsafe-fixes or a person);
#   3. a second --fix changes nothing.
# Run by the golden case examples-fix-twins (ZONELINT set); prints one line a
# pair, and "FAIL ..." lines with the records or findings at fault.
set -u
: "${ZONELINT:?set ZONELINT to the zonelint binary}"
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for broken in "$top"/examples/*/broken.zone; do
    dir=$(dirname "$broken")
    pair=$(basename "$dir")
    twin=$dir/fixed.zone
    [ -f "$twin" ] || continue
    mkdir -p "$tmp/$pair"
    cp "$broken" "$tmp/$pair/broken.zone"
    cp "$broken" "$tmp/$pair/work.zone"
    (cd "$tmp/$pair" && "$ZONELINT" --fix -q --format=gcc work.zone >/dev/null 2>&1)
    "$ZONELINT" print "$twin" 2>/dev/null | sort >"$tmp/$pair/t"
    (cd "$tmp/$pair" && "$ZONELINT" --format=gcc --exit-zero work.zone) >"$tmp/$pair/left.gcc" 2>/dev/null
    # the changed lines (numbers in the fixed file)
    diff --unchanged-line-format= --old-line-format= --new-line-format='%dn
' "$tmp/$pair/broken.zone" "$tmp/$pair/work.zone" >"$tmp/$pair/lines"
    changed=$(wc -l <"$tmp/$pair/lines" | tr -d ' ')
    ok=1
    for n in $(cat "$tmp/$pair/lines"); do
        grep -q "^work.zone:$n:" "$tmp/$pair/left.gcc" && continue
        # the record alone, after the file's directives above it
        awk -v n="$n" 'NR < n && /^\$(ORIGIN|TTL)/ { print } NR == n { print }' "$tmp/$pair/work.zone" >"$tmp/$pair/one.zone"
        rec=$("$ZONELINT" print "$tmp/$pair/one.zone" 2>/dev/null)
        if [ -z "$rec" ] || ! grep -qxF "$rec" "$tmp/$pair/t"; then
            echo "FAIL $pair: line $n was fixed into a record that $pair/fixed.zone does not have:"
            sed -n "${n}p" "$tmp/$pair/work.zone" | cut -c1-160 | sed 's/^/    /'
            ok=0
        fi
    done
    [ "$changed" -gt 0 ] || { echo "FAIL $pair: --fix changed no record"; ok=0; }
    (cd "$tmp/$pair" && "$ZONELINT" --format=json --exit-zero work.zone) >"$tmp/$pair/left.json"
    left=$(grep -c '"code"' "$tmp/$pair/left.json")
    if grep -q '"safety":"safe"' "$tmp/$pair/left.json"; then
        echo "FAIL $pair: findings left with a safe fix-it:"
        grep '"safety":"safe"' "$tmp/$pair/left.json" | cut -c1-200 | sed 's/^/    /'
        ok=0
    fi
    cp "$tmp/$pair/work.zone" "$tmp/$pair/once.zone"
    (cd "$tmp/$pair" && "$ZONELINT" --fix -q --format=gcc work.zone >/dev/null 2>&1)
    cmp -s "$tmp/$pair/work.zone" "$tmp/$pair/once.zone" || { echo "FAIL $pair: a second --fix changed the file"; ok=0; }
    unsafe=$(grep -c '"safety":"unsafe"' "$tmp/$pair/left.json")
    [ $ok = 1 ] && echo "$pair: $changed lines fixed (as in fixed.zone, or with what needs a person left); $left findings left, $unsafe of them with an unsafe fix-it, none with a safe one"
    [ $ok = 1 ] || status=1
done
exit $status
