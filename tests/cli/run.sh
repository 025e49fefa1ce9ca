#!/bin/sh
# File-based CLI tests. Each directory under tests/cli/cases/ holds:
#   args          the command line after "zonelint" (one line; run in that directory)
#   stdin         optional: fed to the command
#   expected.out  expected stdout (exact)
#   expected.err  optional: expected stderr (exact); absent = not compared
#   expected.rc   expected exit status
# The case folder's absolute path is written @CASEDIR@/ in expected files.
# ZONELINT must point at the binary. UPDATE=1 rewrites the expected files.
set -u
: "${ZONELINT:?set ZONELINT to the zonelint binary}"
case "$ZONELINT" in /*) ;; *) ZONELINT="$(pwd)/$ZONELINT" ;; esac
here=$(cd "$(dirname "$0")" && pwd)
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "$here"/cases/*/; do
    name=$(basename "$dir")
    [ -f "$dir/args" ] || continue
    args=$(cat "$dir/args")
    if [ -f "$dir/stdin" ]; then
        (cd "$dir" && eval "\"\$ZONELINT\" $args" <stdin >"$tmp/out" 2>"$tmp/err")
    else
        (cd "$dir" && eval "\"\$ZONELINT\" $args" </dev/null >"$tmp/out" 2>"$tmp/err")
    fi
    rc=$?
    # Absolute paths of the case folder (SARIF's base URI) differ per checkout.
    sed "s|$dir|@CASEDIR@/|g" "$tmp/out" >"$tmp/out.n" && mv "$tmp/out.n" "$tmp/out"
    sed "s|$dir|@CASEDIR@/|g" "$tmp/err" >"$tmp/err.n" && mv "$tmp/err.n" "$tmp/err"
    if [ "${UPDATE:-0}" = 1 ]; then
        cp "$tmp/out" "$dir/expected.out"
        cp "$tmp/err" "$dir/expected.err"
        echo "$rc" >"$dir/expected.rc"
    fi
    ok=1
    want_rc=$(cat "$dir/expected.rc" 2>/dev/null || echo missing)
    if [ "$rc" = 86 ] || [ "$rc" = 87 ]; then
        echo "FAIL $name: sanitizer error (exit $rc):"
        head -20 "$tmp/err"
        ok=0
    elif [ "$rc" -ge 128 ]; then
        echo "FAIL $name: crashed (exit $rc = signal $((rc - 128)))"
        ok=0
    elif [ "$rc" != "$want_rc" ]; then
        echo "FAIL $name: exit status $rc, expected $want_rc"
        ok=0
    fi
    if ! cmp -s "$tmp/out" "$dir/expected.out"; then
        echo "FAIL $name: stdout differs:"
        diff "$dir/expected.out" "$tmp/out" | head -20
        ok=0
    fi
    if [ -f "$dir/expected.err" ] && ! cmp -s "$tmp/err" "$dir/expected.err"; then
        echo "FAIL $name: stderr differs:"
        diff "$dir/expected.err" "$tmp/err" | head -20
        ok=0
    fi
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ] && [ "$pass" -gt 0 ]
