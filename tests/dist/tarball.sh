#!/bin/sh
# SPDX-License-Identifier: MIT
# make dist: zonelint-VERSION.tar.gz holds exactly the files git tracks plus
# .git-describe (the `git describe` of the tree it was made from), nothing
# built; unpacked elsewhere it builds with make where git is not usable
# (a `git` that fails is first on PATH), its --version carries that
# describe, and its own `make check` passes there, rule pages included
# (so no generated file in it is stale).
set -u
: "${BUILD:=build}"
command -v git >/dev/null 2>&1 || { echo "dist: skipped (needs git)"; exit 0; }
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "dist: $*"; fail=1; }
version=$(cat VERSION)
describe=$(git describe --tags --match 'v[0-9]*' --always --dirty)

make -s --no-print-directory dist BUILD="$BUILD" || { bad "make dist failed"; exit 1; }
tarball="$top/zonelint-$version.tar.gz"
[ -f "$tarball" ] || { bad "make dist made no $tarball"; exit 1; }
tar -xzf "$tarball" -C "$tmp" || { bad "cannot unpack $tarball"; exit 1; }
d="$tmp/zonelint-$version"
[ -d "$d" ] || { bad "the tarball does not unpack into zonelint-$version/"; exit 1; }

(cd "$d" && find . -type f | sed 's|^\./||' | sort) >"$tmp/got"
(git ls-files; echo .git-describe) | sort >"$tmp/want"
cmp -s "$tmp/want" "$tmp/got" || { bad "the tarball's files differ from git ls-files:"; diff "$tmp/want" "$tmp/got" | head; }
[ "$(cat "$d/.git-describe")" = "$describe" ] || bad ".git-describe is '$(cat "$d/.git-describe")', not '$describe'"

# build and test without git
mkdir -p "$tmp/nogit"
printf '#!/bin/sh\necho "git $*" >>"%s/git-calls"\nexit 127\n' "$tmp" >"$tmp/nogit/git"
chmod +x "$tmp/nogit/git"
unset MAKEFLAGS MFLAGS MAKELEVEL
start=$(date +%s)
if (cd "$d" && PATH="$tmp/nogit:$PATH" make -j2 check CHECK_PRECOMMIT=0) >"$tmp/check.log" 2>&1; then
    echo "dist: make check in the unpacked tarball passed ($(($(date +%s) - start)) s)"
else
    bad "make check in the unpacked tarball failed; the end of its log:"
    tail -n 30 "$tmp/check.log"
fi
v=$("$d/build/zonelint" --version 2>/dev/null | head -n 1)
[ "$v" = "zonelint $version (git $describe)" ] || bad "the tarball's zonelint says '$v'"
rm -f "$tarball"
[ "$fail" = 0 ] && echo "dist: zonelint-$version.tar.gz ($describe) builds and passes make check without git"
exit $fail
