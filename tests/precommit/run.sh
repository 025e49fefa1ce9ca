#!/bin/sh
# SPDX-License-Identifier: MIT
# The pre-commit hooks of .pre-commit-hooks.yaml, through the pre-commit that
# is installed (Debian's 3.0.4 here), on a throwaway repository whose
# .pre-commit-config.yaml points at a snapshot of this tree (`repo: <path>`,
# `rev: <commit>`; the snapshot is a fresh one-commit repository of the
# working tree, committed or not), with a PATH on which there is no zonelint:
#  - `zonelint`: the first commit builds zonelint into pre-commit's clone
#    and passes on a good zone; a bad zone is blocked, with the findings;
#    a second run does not build again; $INCLUDE fragments and files that
#    are not zones are not linted alone (the default `files:`); the script
#    says what to install when there is no make or compiler;
#  - `zonelint-system`: fails with "not found" without zonelint on PATH and
#    lints with it.
# Skipped, with a message, when pre-commit or git is not installed.
# ZONELINT (optional): the binary for the zonelint-system case.
set -u
if ! command -v pre-commit >/dev/null 2>&1 || ! command -v git >/dev/null 2>&1; then
    echo "precommit: skipped (needs pre-commit and git; Debian: apt-get install pre-commit git)"
    exit 0
fi
top=$(pwd)
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0
bad() { echo "precommit: $*"; fail=1; }
g() { git -c user.name=zonelint-test -c user.email=test@example.invalid -c init.defaultBranch=main \
          -c commit.gpgsign=false "$@"; }

# A PATH without zonelint (and a clean environment for pre-commit).
path=""
old_ifs=$IFS
IFS=:
for d in $PATH; do
    [ -n "$d" ] && [ ! -e "$d/zonelint" ] && path="${path:+$path:}$d"
done
IFS=$old_ifs
export PATH="$path" PRE_COMMIT_HOME="$tmp/cache"
unset MAKEFLAGS MFLAGS MAKELEVEL GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
command -v zonelint >/dev/null 2>&1 && { bad "zonelint is still on PATH"; exit 1; }

# The hook repository: a snapshot of the working tree.
hooks="$tmp/hooks"
mkdir -p "$hooks"
git ls-files -z -co --exclude-standard | tar --null --ignore-failed-read -T - -cf - 2>/dev/null |
    tar -xf - -C "$hooks"
(cd "$hooks" && g init -q && g add -A && g commit -q -m snapshot) || { bad "cannot make the snapshot"; exit 1; }
rev=$(cd "$hooks" && git rev-parse HEAD)

# The project that uses the hooks.
proj="$tmp/project"
mkdir -p "$proj/zones"
cat >"$proj/.pre-commit-config.yaml" <<CONFIG
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: zonelint
CONFIG
cd "$proj" || exit 1
g init -q
pre-commit install >/dev/null || { bad "pre-commit install failed"; exit 1; }

commit() { # commit MESSAGE FILE...: adds and commits; output in $tmp/out
    msg=$1
    shift
    g add "$@" && g commit -q -m "$msg" >"$tmp/out" 2>&1
}

# 1. a good zone: the hook builds zonelint, then passes
cp "$top/examples/ses/fixed.zone" zones/example.com.zone
start=$(date +%s)
if commit good .pre-commit-config.yaml zones/example.com.zone; then
    grep -q '^zonelint.*Passed' "$tmp/out" || { bad "good commit: the hook did not run:"; cat "$tmp/out"; }
else
    bad "the good commit was refused:"
    cat "$tmp/out"
fi
built=$(find "$tmp/cache" -path '*/build/pre-commit/zonelint' -type f 2>/dev/null | head -n 1)
[ -n "$built" ] && [ -x "$built" ] || bad "no zonelint was built in pre-commit's clone"
echo "precommit: first commit (building zonelint in the hook's clone) took $(($(date +%s) - start)) s"

# 2. a bad zone: blocked, with the findings; the build is not repeated
cp "$top/examples/ses/broken.zone" zones/example.net.zone
sed -i.orig 's/example\.com/example.net/g' zones/example.net.zone && rm -f zones/example.net.zone.orig
[ -n "$built" ] && touch -d '2000-01-01' "$built"
before=$(g rev-parse HEAD)
if commit bad zones/example.net.zone; then
    bad "the commit of a broken zone was not blocked"
else
    grep -q '^zonelint.*Failed' "$tmp/out" || bad "bad commit: no 'zonelint ... Failed' line"
    grep -q 'zones/example.net.zone:15:[0-9]*: error: .*\[ZL5001 ses-dkim-target\]' "$tmp/out" ||
        { bad "bad commit: the findings are not shown:"; cat "$tmp/out"; }
    grep -q '\^~' "$tmp/out" || bad "bad commit: the text format's caret lines are missing"
fi
[ "$(g rev-parse HEAD)" = "$before" ] || bad "HEAD moved although the hook failed"
grep -q 'building zonelint' "$tmp/out" && bad "the second run built zonelint again"
[ -n "$built" ] && [ -n "$(find "$built" -newermt '2001-01-01' 2>/dev/null)" ] && bad "the binary was rebuilt"
g reset -q zones/example.net.zone
rm -f zones/example.net.zone

# 3. files: fragments and non-zones are not linted alone; zone names are
printf '; an $INCLUDE fragment: relative names, no SOA, no origin of its own\nmx1 IN A 192.0.2.25\n' >zones/mail.db
cp zones/mail.db zones/db.mail
cp zones/mail.db zones/common.inc
printf 'import sqlite3\n' >db.py
printf 'not a zone\n' >app.db
if commit fragments zones/mail.db zones/db.mail zones/common.inc db.py app.db; then
    grep -q '^zonelint.*no files to check.*Skipped' "$tmp/out" ||
        { bad "fragments: the hook did not skip them:"; cat "$tmp/out"; }
else
    bad "a commit of \$INCLUDE fragments and non-zone files was blocked:"
    cat "$tmp/out"
fi
for f in db.example.org example.org.db db.2.0.192.in-addr.arpa forward.zone; do
    cp "$top/examples/generic/broken.zone" "zones/$f"
    if commit "zone $f" "zones/$f"; then
        bad "zones/$f was not linted (the files: pattern should match it)"
    fi
    g reset -q "zones/$f"
    rm -f "zones/$f"
done

# 4. no make, no compiler: the script says what to install
fresh="$tmp/fresh"
cp -R "$hooks" "$fresh" && rm -rf "$fresh/build"
mkdir -p "$tmp/nobin"
ln -s "$(command -v sh)" "$tmp/nobin/sh"
for t in dirname sed cat mkdir; do ln -s "$(command -v "$t")" "$tmp/nobin/$t"; done
PATH="$tmp/nobin" "$fresh/tools/pre-commit-hook.sh" zones/example.com.zone >"$tmp/nomake" 2>&1
rc=$?
[ "$rc" = 2 ] && grep -q 'needs a C compiler and GNU make' "$tmp/nomake" && grep -q 'apt-get install' "$tmp/nomake" ||
    { bad "without make the hook exited $rc and said:"; cat "$tmp/nomake"; }

# 5. zonelint-system: not found without zonelint on PATH, works with it
cat >.pre-commit-config.yaml <<CONFIG
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: zonelint-system
CONFIG
cp "$top/examples/generic/broken.zone" zones/example.org.zone
g add .pre-commit-config.yaml zones/example.org.zone
pre-commit run zonelint-system --files zones/example.org.zone >"$tmp/out" 2>&1 &&
    bad "zonelint-system passed without a zonelint on PATH"
grep -q 'Executable `zonelint` not found' "$tmp/out" || { bad "zonelint-system without zonelint said:"; cat "$tmp/out"; }
if [ -n "${ZONELINT:-}" ]; then
    case "$ZONELINT" in /*) z=$ZONELINT ;; *) z="$top/$ZONELINT" ;; esac
    mkdir -p "$tmp/bin" && ln -s "$z" "$tmp/bin/zonelint"
    PATH="$tmp/bin:$PATH" pre-commit run zonelint-system --files zones/example.org.zone >"$tmp/out" 2>&1 &&
        bad "zonelint-system passed a broken zone"
    grep -q 'zones/example.org.zone:[0-9]*:[0-9]*: error: ' "$tmp/out" ||
        { bad "zonelint-system with zonelint on PATH said:"; cat "$tmp/out"; }
fi

[ "$fail" = 0 ] && echo "precommit: pre-commit $(pre-commit --version | sed 's/^pre-commit //'): hooks zonelint and zonelint-system checked"
exit $fail
