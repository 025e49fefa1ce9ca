#!/bin/sh
# SPDX-License-Identifier: MIT
# File-based CLI tests. Each directory under tests/cli/cases/ holds:
#   args          the command line after "zonelint" (one line; run in that directory)
#   stdin         optional: fed to the command
#   expected.out  expected stdout (exact)
#   expected.err  optional: expected stderr (exact); absent = not compared
#   expected.rc   expected exit status
#   tree/         optional: files the command may change (--fix, --add-suppressions,
#                 --write-baseline): copied to a scratch directory, where the command
#                 runs instead of in the case folder
#   needs         optional: commands the case runs besides zonelint (patch, ...);
#                 without one of them the case is skipped and said so
#   setup         optional, with tree/: a sh script run there first (git init, links,
#                 modes: what cannot be committed)
#   expected.tree/ optional: files of the scratch directory after the run (exact)
# The case folder's (or scratch directory's) absolute path is written @CASEDIR@/, the
# repository's file:// URI file://@REPO@/, in
# expected files. ZONELINT must point at the binary. UPDATE=1 rewrites the expected files.
set -u
: "${ZONELINT:?set ZONELINT to the zonelint binary}"
case "$ZONELINT" in /*) ;; *) ZONELINT="$(pwd)/$ZONELINT" ;; esac
here=$(cd "$(dirname "$0")" && pwd)
pass=0
skip=0
# A case whose setup makes a git work tree needs a git that works (the
# unpacked tarball is tested with a failing one): without it, it is skipped.
git_works=0
git --version >/dev/null 2>&1 && git_works=1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "$here"/cases/*/; do
    name=$(basename "$dir")
    [ -f "$dir/args" ] || continue
    args=$(cat "$dir/args")
    run=$dir
    # needs: optional, the commands the case runs besides zonelint (patch, ...)
    if [ -f "$dir/needs" ]; then
        absent=
        for t in $(cat "$dir/needs"); do command -v "$t" >/dev/null 2>&1 || absent="$absent $t"; done
        if [ -n "$absent" ]; then
            echo "SKIP $name: needs$absent"
            skip=$((skip + 1))
            continue
        fi
    fi
    if [ -d "$dir/tree" ]; then
        run="$tmp/work/$name/"
        rm -rf "$run" && mkdir -p "$tmp/work" && cp -R "$dir/tree" "$run"
        if [ -f "$dir/setup" ] && [ "$git_works" = 0 ] && grep -qw git "$dir/setup"; then
            echo "SKIP $name: its setup needs a working git"
            skip=$((skip + 1))
            continue
        fi
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
    # Absolute paths of the case folder and of the repository holding it
    # (SARIF's base URI) differ per checkout.
    top=$(cd "$run" && git rev-parse --show-toplevel 2>/dev/null) || top=
    for f in "$tmp/out" "$tmp/err"; do
        sed "s|$run|@CASEDIR@/|g" "$f" >"$f.n" && mv "$f.n" "$f"
        if [ -n "$top" ]; then
            sed "s|file://$top/|file://@REPO@/|g" "$f" >"$f.n" && mv "$f.n" "$f"
        fi
    done
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
echo "cli: $pass passed, $fail failed$([ "$skip" = 0 ] || echo ", $skip skipped (a tool they need is missing)")"
[ "$fail" = 0 ] && [ "$pass" -gt 0 ]
