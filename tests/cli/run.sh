#!/bin/sh
# File-based CLI tests. Each directory under tests/cli/cases/ holds:
#   args          the command line after "zonelint" (one line; run in that directory)
#   stdin         optional: fed to the command
#   expected.out  expected stdout (exact)
#   expected.err  optional: expected stderr (exact); absent = not compared
#   expected.rc   expected exit status
#   tree/         optional: files the command may change (--fix, --add-suppressions,
#                 --write-baseline): copied to a scratch directory, where the command
#                 runs instead of in the case folder
#   setup         optional, with tree/: a sh script run there first (git init, links,
#                 modes: what cannot be committed)
#   expected.tree/ optional: files of the scratch directory after the run (exact)
# The case folder's (or scratch directory's) absolute path is written @CASEDIR@/ in
# expected files, the checkout's as file://@TOP@/. ZONELINT must point at the binary. UPDATE=1 rewrites the expected files.
set -u
: "${ZONELINT:?set ZONELINT to the zonelint binary}"
case "$ZONELINT" in /*) ;; *) ZONELINT="$(pwd)/$ZONELINT" ;; esac
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "$here"/cases/*/; do
    name=$(basename "$dir")
    [ -f "$dir/args" ] || continue
    args=$(cat "$dir/args")
    run=$dir
    if [ -d "$dir/tree" ]; then
        run="$tmp/work/$name/"
        rm -rf "$run" && mkdir -p "$tmp/work" && cp -R "$dir/tree" "$run"
        if [ -f "$dir/setup" ] && ! (cd "$run" && sh "$dir/setup") >"$tmp/setup.out" 2>&1; then
            echo "FAIL $name: setup failed:"; head -5 "$tmp/setup.out"
            fail=$((fail + 1))
            continue
        fi
    fi
    if [ -f "$dir/stdin" ]; then
        (cd "$run" && eval "\"\$ZONELINT\" $args" <"$dir/stdin" >"$tmp/out" 2>"$tmp/err")
    else
        (cd "$run" && eval "\"\$ZONELINT\" $args" </dev/null >"$tmp/out" 2>"$tmp/err")
    fi
    rc=$?
    # Absolute paths of the case folder (SARIF's base URI) differ per checkout.
    # So does the repository's own (SARIF's work-tree root): file://@TOP@/.
    sed -e "s|$run|@CASEDIR@/|g" -e "s|file://$top/|file://@TOP@/|g" "$tmp/out" >"$tmp/out.n" &&
        mv "$tmp/out.n" "$tmp/out"
    sed "s|$run|@CASEDIR@/|g" "$tmp/err" >"$tmp/err.n" && mv "$tmp/err.n" "$tmp/err"
    if [ "${UPDATE:-0}" = 1 ]; then
        cp "$tmp/out" "$dir/expected.out"
        cp "$tmp/err" "$dir/expected.err"
        echo "$rc" >"$dir/expected.rc"
        if [ -d "$dir/expected.tree" ]; then
            (cd "$dir/expected.tree" && find . -type f) | while read -r f; do cp "$run/$f" "$dir/expected.tree/$f"; done
        fi
    fi
    ok=1
    if [ -d "$dir/expected.tree" ]; then
        for f in $(cd "$dir/expected.tree" && find . -type f | sort); do
            if ! cmp -s "$dir/expected.tree/$f" "$run/$f"; then
                echo "FAIL $name: $f differs after the run:"
                diff "$dir/expected.tree/$f" "$run/$f" | head -10
                ok=0
            fi
        done
    fi
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
