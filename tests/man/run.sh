#!/bin/sh
# SPDX-License-Identifier: MIT
# The man page documents the command line this binary has: every option and
# subcommand that `zonelint --help` lists, and every key the configuration
# file accepts, has its own entry (a .TP item) in the page; the environment
# variables zonelint reads are listed; groff reads the page without warnings.
# The same check run on a copy of the page with one entry cut out must fail,
# so the test can fail.
set -u
: "${ZONELINT:?set ZONELINT to the zonelint binary}" "${BUILD:=build}"
page=$BUILD/zonelint.1
[ -f "$page" ] || { echo "man: $page not built (make $page)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Options from --help: the label of each "  -x, --name=ARG   help" line.
"$ZONELINT" --help | sed -n 's/^  \(-[^ ,]*\(, -[^ ,]*\)*\).*/\1/p' | tr ',' '\n' | sed 's/^ *//; s/=.*//' |
    sort -u >"$tmp/options"
# Subcommands from the usage lines.
"$ZONELINT" --help | sed -n 's/^\(usage:\)\{0,1\} *zonelint \([a-z][a-z]*\) .*/\2/p; s/^usage: zonelint \[\([a-z]*\)\].*/\1/p' |
    sort -u >"$tmp/commands"
# Configuration keys, from the error for an unknown one.
printf 'no-such-key = 1\n' >"$tmp/bad.conf"
"$ZONELINT" --config="$tmp/bad.conf" /dev/null 2>&1 | sed -n 's/.*(known: \(.*\)).*/\1/p' |
    tr ',' '\n' | sed 's/^ *//' | grep . | sort -u >"$tmp/keys"
printf '%s\n' NO_COLOR FORCE_COLOR GITHUB_ACTIONS >"$tmp/env"

for f in options commands keys; do
    [ -s "$tmp/$f" ] || { echo "man: found no $f to look for (did the --help or config error layout change?)"; exit 1; }
done

# The words each .TP item's tag line names, with roff escapes and fonts removed.
tags() {
    awk 'prev == ".TP" || prev == ".TQ" { print } { prev = $1 }' "$1" |
        sed 's/\\f[BIRP]//g; s/\\-/-/g; s/\\(..//g; s/\\~/ /g; s/"//g; s/^\.[A-Z][A-Z]* //' |
        tr ' ,|[]=' '\n\n\n\n\n\n' | grep . | sort -u
}

# Prints what the page at $1 lacks; returns 1 when anything is missing.
check_page() {
    tags "$1" >"$tmp/tags"
    missing=0
    for f in options commands keys env; do
        for w in $(cat "$tmp/$f"); do
            if ! grep -qxF -- "$w" "$tmp/tags"; then
                echo "man: $1 has no entry for $f '$w'"
                missing=1
            fi
        done
    done
    return $missing
}

fail=0
check_page "$page" || fail=1

# Negative control: without the --exit-zero entry the check must complain.
sed 's/^\.B \\-\\-exit\\-zero$/.B \\-\\-exit\\-removed/' "$page" >"$tmp/cut.1"
if check_page "$tmp/cut.1" >"$tmp/cut.out"; then
    echo "man: the check did not notice a missing --exit-zero entry"
    fail=1
elif ! grep -q "'--exit-zero'" "$tmp/cut.out"; then
    echo "man: the check missed --exit-zero but said:"; cat "$tmp/cut.out"
    fail=1
fi

# groff's own warnings (lintian reports them too).
if command -v groff >/dev/null 2>&1; then
    LC_ALL=C.UTF-8 groff -man -ww -z -Tutf8 "$page" >"$tmp/groff" 2>&1
    if [ -s "$tmp/groff" ]; then
        echo "man: groff warns about $page:"; cat "$tmp/groff"; fail=1
    fi
    if command -v man >/dev/null 2>&1; then
        LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null |
            grep -v '^$' >"$tmp/manw"
        if [ -s "$tmp/manw" ]; then
            echo "man: man --warnings about $page:"; cat "$tmp/manw"; fail=1
        fi
    fi
else
    echo "man: groff not installed, page formatting not checked"
fi

n=$(cat "$tmp/options" "$tmp/commands" "$tmp/keys" "$tmp/env" | wc -l | tr -d ' ')
[ "$fail" = 0 ] && echo "man: $n options, commands, config keys and variables documented"
exit $fail
