#!/bin/sh
# SPDX-License-Identifier: MIT
# The `zonelint` pre-commit hook (language: script, .pre-commit-hooks.yaml):
# pre-commit runs this file from its clone of the zonelint repository. The
# first run builds zonelint into that clone (build/pre-commit/), once per
# hook revision; every run then lints the files pre-commit passes.
#
# Building needs a C compiler and GNU make 4.3 or later; `make deps`
# (tools/deps.sh) installs the other build dependencies with apt-get where
# it may (root, or sudo without a password) and otherwise prints the exact
# command to run. Several hook processes may start at once (pre-commit runs
# chunks of files in parallel, or two repositories share one clone): a lock
# directory makes one of them build while the others wait.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
build="$here/build/pre-commit"
bin="$build/zonelint"
log="$build.log"
lock="$build.lock"

say() { echo "zonelint (pre-commit): $*" >&2; }

# GNU make 4.3 or later (the Makefile uses grouped targets); macOS: gmake.
find_make() {
    for m in gmake make; do
        v=$("$m" --version 2>/dev/null | sed -n '1s/^GNU Make \([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
        [ -n "$v" ] || continue
        # shellcheck disable=SC2086 # "MAJOR MINOR" into $1 $2
        set -- $v
        if [ "$1" -gt 4 ] || { [ "$1" -eq 4 ] && [ "$2" -ge 3 ]; }; then
            echo "$m"
            return 0
        fi
    done
    return 1
}

find_cc() {
    for c in "${CC:-}" cc gcc clang; do
        [ -n "$c" ] && command -v "$c" >/dev/null 2>&1 && { echo "$c"; return 0; }
    done
    return 1
}

build_once() {
    if ! mk=$(find_make) || ! cc=$(find_cc); then
        say "building zonelint needs a C compiler and GNU make 4.3 or later."
        say "  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y gcc make"
        say "  macOS:         xcode-select --install && brew install make   (GNU make as gmake)"
        say "or install zonelint (the .deb, or make install) and use the hook 'zonelint-system'."
        return 2
    fi
    mkdir -p "$here/build" || return 2
    # one builder at a time; a lock left by a process that died is taken over
    waited=0
    until mkdir "$lock" 2>/dev/null; do
        holder=$(cat "$lock/pid" 2>/dev/null)
        if [ -n "$holder" ] && ! kill -0 "$holder" 2>/dev/null; then
            rm -rf "$lock"
            continue
        fi
        [ "$waited" = 0 ] && say "waiting for another hook process to finish building zonelint"
        waited=$((waited + 1))
        if [ "$waited" -gt 900 ]; then
            say "gave up waiting for $lock (remove it if no build is running)"
            return 2
        fi
        sleep 1
    done
    echo $$ >"$lock/pid"
    trap 'rm -rf "$lock"' EXIT
    trap 'exit 130' INT TERM
    [ -x "$bin" ] && return 0 # built while this process waited

    say "building zonelint into $here (once for this hook revision; log: $log)"
    # this make must not inherit the flags of a make that runs git or pre-commit
    unset MAKEFLAGS MFLAGS MAKELEVEL
    if ! "$mk" -C "$here" -j2 CC="$cc" BUILD=build/pre-commit deps build/pre-commit/zonelint >"$log" 2>&1; then
        say "the build failed; the end of $log:"
        tail -n 25 "$log" >&2
        rm -f "$bin"
        return 2
    fi
    say "built $("$bin" --version | head -n 1)"
    return 0
}

if [ ! -x "$bin" ]; then
    build_once || exit $?
    rm -rf "$lock"
    trap - EXIT
fi
exec "$bin" "$@"
