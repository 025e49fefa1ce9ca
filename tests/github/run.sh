#!/bin/sh
# SPDX-License-Identifier: MIT
# The GitHub side: action.yml and .github/zonelint-matcher.json.
#  1. action.yml is a valid composite action (gh-check action: inputs,
#     steps, expressions; see tests/github/gh-check.c).
#  2. Every line of `zonelint --format=gcc` over examples/ (plus an
#     unreadable file and an info finding) is matched by exactly one of the
#     matcher's patterns, whose groups equal the same finding in
#     --format=json; a matcher written with \d, and a gcc line without its
#     column, are both rejected (so the check can fail).
#  3. The action's run: steps run as the runner runs them (bash -eo
#     pipefail, env: from the inputs, GITHUB_OUTPUT passed on) in scratch
#     workspaces: findings as ::error annotations and exit 1, SARIF written,
#     a clean tree exits 0, a glob that matches nothing and a bad fail-level
#     exit 2, a second run takes zonelint from the cache. `uses:` steps
#     (actions/cache) are not run: the cache is a directory under a scratch
#     HOME that the build step fills. By default the build step finds
#     $ZONELINT there (a cache hit); ZL_ACTION_COLD=1 (make
#     check-integration, .ci/run) starts from an empty cache, so the step
#     builds zonelint from a copy of the tree without .git, as the runner
#     downloads an action.
set -u
: "${ZONELINT:?set ZONELINT to the zonelint binary}" "${BUILD:=build}"
case "$ZONELINT" in /*) ;; *) ZONELINT="$(pwd)/$ZONELINT" ;; esac
check="$(pwd)/$BUILD/gh-check"
[ -x "$check" ] || { echo "github: $check not built (make $BUILD/gh-check)"; exit 1; }
top=$(pwd)
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
fail=0
bad() { echo "github: $*"; fail=1; }

# ---- 1. action.yml ----
nsteps=$("$check" action action.yml) || { bad "action.yml is not valid (above)"; nsteps=0; }

# the scripts, as shellcheck reads bash (when it is installed)
if command -v shellcheck >/dev/null 2>&1 && [ "$nsteps" -gt 0 ]; then
    i=0
    while [ "$i" -lt "$nsteps" ]; do
        mkdir -p "$tmp/sc$i"
        "$check" step action.yml "$i" /dev/null "$tmp/sc$i" >/dev/null 2>&1
        if [ -f "$tmp/sc$i/run.sh" ]; then
            # SC2206: words=($VAR) splits on purpose (blank-separated inputs)
            shellcheck -s bash -S warning -e SC2206 "$tmp/sc$i/run.sh" || bad "action.yml step $((i + 1)): shellcheck (above)"
        fi
        i=$((i + 1))
    done
fi

# ---- 2. the problem matcher ----
printf '$ORIGIN example.com.\n@ 300 IN SOA ns1 h 1 7200 3600 1209600 300\n@ 300 IN NS ns1\nns1 300 IN A 192.0.2.1 ; zonelint: disable=ZL2101\n' \
    >"$tmp/info.zone"
# shellcheck disable=SC2046 # the example paths have no blanks
set -- $(find examples -type f \( -name '*.zone' -o -name '*.json' -o -name '*.yaml' \) ! -name 'identity-*' | sort) \
    "$tmp/info.zone" "$tmp/no-such-file.zone"
"$ZONELINT" --format=gcc "$@" >"$tmp/gcc.txt" 2>/dev/null
"$ZONELINT" --format=json "$@" >"$tmp/findings.json" 2>/dev/null
grep -q ': info: ' "$tmp/gcc.txt" || bad "the matcher test has no info finding to match"
grep -q 'no-such-file.zone: error: ' "$tmp/gcc.txt" || bad "the matcher test has no unreadable file to match"
"$check" matcher .github/zonelint-matcher.json "$tmp/gcc.txt" "$tmp/findings.json" | sed 's/^/github: matcher: /' ||
    bad "the problem matcher does not read zonelint's gcc output (above)"
[ "$(sed -n '$=' "$tmp/gcc.txt")" -gt 20 ] || bad "the matcher test saw only $(sed -n '$=' "$tmp/gcc.txt") lines"
sed 's/\[0-9\]+/\\\\d+/' .github/zonelint-matcher.json >"$tmp/d.json"
"$check" matcher "$tmp/d.json" "$tmp/gcc.txt" "$tmp/findings.json" >/dev/null 2>&1 &&
    bad "a matcher using \\d was accepted"
sed '1s/:\([0-9]*\):[0-9]*: /:\1: /' "$tmp/gcc.txt" >"$tmp/nocol.txt"
"$check" matcher .github/zonelint-matcher.json "$tmp/nocol.txt" "$tmp/findings.json" >/dev/null 2>&1 &&
    bad "a gcc line without its column was accepted"

# ---- 3. the action's steps ----
if [ "${ZL_ACTION_COLD:-0}" = 1 ]; then
    src="$tmp/action" # what the runner downloads: the files, no .git
    mkdir -p "$src"
    git ls-files -z -co --exclude-standard | tar --null --ignore-failed-read -T - -cf - 2>/dev/null |
        tar -xf - -C "$src" ||
        { bad "cannot copy the tree"; exit 1; }
else
    src=$top
fi
home="$tmp/home"
mkdir -p "$home" "$tmp/runner-temp"

# run_action WORKSPACE NAME=VALUE...: runs the steps with these inputs (the
# others at their defaults); the lint step's output in WORKSPACE/.out,
# build output in WORKSPACE/.build; returns the status of the step that stopped.
run_action() {
    ws=$1
    shift
    ctx="$ws/.ctx"
    {
        "$check" inputs "$top/action.yml"
        echo "github.action_path=$src"
        echo "runner.os=Linux"
        echo "runner.arch=X64"
        echo "runner.temp=$tmp/runner-temp"
        for kv in "$@"; do echo "inputs.$kv"; done
    } >"$ctx"
    : >"$ws/.out"
    : >"$ws/.build"
    i=0
    while [ "$i" -lt "$nsteps" ]; do
        sd="$ws/.step$i"
        rm -rf "$sd"
        mkdir -p "$sd"
        "$check" step "$top/action.yml" "$i" "$ctx" "$sd" || return 99
        i=$((i + 1))
        [ -f "$sd/uses" ] && continue
        : >"$sd/output"
        (cd "$ws" && . "$sd/env.sh" && HOME="$home" GITHUB_OUTPUT="$sd/output" GITHUB_ACTIONS=true \
            GITHUB_WORKSPACE="$ws" GITHUB_ACTION_PATH="$src" RUNNER_TEMP="$tmp/runner-temp" \
            bash --noprofile --norc -eo pipefail "$sd/run.sh") >"$sd/stdout" 2>&1
        rc=$?
        id=$(cat "$sd/id")
        while IFS= read -r line; do echo "steps.$id.outputs.$line"; done <"$sd/output" >>"$ctx"
        if [ "$id" = lint ]; then cat "$sd/stdout" >>"$ws/.out"; else cat "$sd/stdout" >>"$ws/.build"; fi
        if [ "$id" = build-key ] && [ "${ZL_ACTION_COLD:-0}" != 1 ]; then
            # a cache hit: actions/cache restores the binary into that directory
            dir=$(sed -n 's/^dir=//p' "$sd/output")
            mkdir -p "$dir" && cp "$ZONELINT" "$dir/zonelint"
        fi
        [ "$rc" = 0 ] || return "$rc"
    done
    return 0
}

if [ "$nsteps" -gt 0 ]; then
    # A: findings, SARIF, args, fail-level error
    wa="$tmp/ws-a"
    mkdir -p "$wa" && cp -R examples "$wa/"
    run_action "$wa" 'paths=examples/ses/broken.zone examples/generic/*.zone' \
        'args=--ignore=rrset-ttl-mismatch' 'sarif-file=zonelint.sarif' 'fail-level=error'
    rc=$?
    [ "$rc" = 1 ] || { bad "A: the action exited $rc, not 1 (findings):"; tail -n 20 "$wa/.build" "$wa/.out"; }
    grep -q '^::error file=examples/ses/broken.zone,line=15,' "$wa/.out" ||
        bad "A: no ::error annotation for examples/ses/broken.zone:15"
    grep -q 'file=examples/generic/broken.zone,' "$wa/.out" || bad "A: the glob examples/generic/*.zone was not linted"
    grep -q 'ZL3109' "$wa/.out" && bad "A: args --ignore=rrset-ttl-mismatch was not passed"
    grep -q '^steps.lint.outputs.exit-code=1$' "$wa/.ctx" || bad "A: output exit-code is not 1"
    if [ -f "$wa/zonelint.sarif" ]; then
        "$check" sarif "$wa/zonelint.sarif" >/dev/null || bad "A: zonelint.sarif is not zonelint's SARIF"
    else
        bad "A: sarif-file zonelint.sarif was not written"
    fi
    [ "${ZL_ACTION_COLD:-0}" = 1 ] && ! grep -q '^built zonelint ' "$wa/.build" &&
        bad "A: the build step did not build zonelint from an empty cache"

    # B: the default paths (**/*.zone) over a clean tree; zonelint from the cache
    wb="$tmp/ws-b"
    mkdir -p "$wb/zones/ses" && cp examples/ses/fixed.zone "$wb/zones/ses/example.com.zone" &&
        cp examples/generic/fixed.zone "$wb/zones/example.com.zone"
    run_action "$wb"
    rc=$?
    [ "$rc" = 0 ] || { bad "B: the action exited $rc on a clean tree:"; tail -n 20 "$wb/.build" "$wb/.out"; }
    grep -q '^::' "$wb/.out" && bad "B: annotations on a clean tree: $(head -n 3 "$wb/.out")"
    grep -q '^zonelint from the cache: zonelint ' "$wb/.build" || bad "B: the second run did not use the cache"

    # C: a glob that matches nothing; D: a bad fail-level
    run_action "$wb" 'paths=nothing/**/*.zone'
    rc=$?
    [ "$rc" = 2 ] && grep -q "no file matches 'nothing/\*\*/\*.zone'" "$wb/.out" ||
        bad "C: a glob matching nothing gave exit $rc: $(cat "$wb/.out")"
    run_action "$wb" 'fail-level=severe'
    rc=$?
    [ "$rc" = 2 ] && grep -q "fail-level must be" "$wb/.out" || bad "D: fail-level=severe gave exit $rc"
fi

[ "$fail" = 0 ] && echo "github: action.yml ($nsteps steps) and the problem matcher checked$([ "${ZL_ACTION_COLD:-0}" = 1 ] && echo ', cold build')"
exit $fail
