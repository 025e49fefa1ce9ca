#!/bin/sh
# SPDX-License-Identifier: MIT
# The Debian package, built as a user would build it: from the make dist
# tarball, unpacked in a scratch directory, with dpkg-buildpackage -us -uc -b
# (Build-Depends installed first with apt-get build-dep when running as
# root). Then:
#  - the .deb holds the binary, the man page, the bash, zsh and fish
#    completions, README, CHANGELOG, the rule pages, the examples;
#  - lintian reports no error, and every warning it reports is explained in
#    README.md (its "Debian package" section names the tag);
#  - as root: apt-get install ./zonelint_VERSION_ARCH.deb, the installed
#    /usr/bin/zonelint lints examples/ (broken: exit 1, fixed: exit 0), the
#    man page and completions are where man and the shells look, then the
#    package is removed (purged). A zonelint package that was installed
#    before is left alone and the install step skipped.
# DEB_BUILD_OPTIONS is passed on (.ci/run: nocheck, since make check ran).
set -u
for t in dpkg-buildpackage git; do
    command -v "$t" >/dev/null 2>&1 || { echo "deb: skipped (needs $t; apt-get install dpkg-dev debhelper)"; exit 0; }
done
top=$(pwd)
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
fail=0
bad() { echo "deb: $*"; fail=1; }
version=$(cat VERSION)
arch=$(dpkg --print-architecture)
root=0
[ "$(id -u)" = 0 ] && root=1
export DEBIAN_FRONTEND=noninteractive

make -s --no-print-directory dist >/dev/null || { bad "make dist failed"; exit 1; }
tar -xzf "zonelint-$version.tar.gz" -C "$tmp" && rm -f "zonelint-$version.tar.gz"
src="$tmp/zonelint-$version"
if [ "$root" = 1 ] && ! (cd "$src" && dpkg-checkbuilddeps) >/dev/null 2>&1; then
    apt-get update -qq && apt-get build-dep -y -qq "$src" >/dev/null || { bad "apt-get build-dep failed"; exit 1; }
fi
start=$(date +%s)
unset MAKEFLAGS MFLAGS MAKELEVEL
if ! (cd "$src" && dpkg-buildpackage -us -uc -b) >"$tmp/build.log" 2>&1; then
    bad "dpkg-buildpackage failed; the end of its log:"
    tail -n 40 "$tmp/build.log"
    exit 1
fi
deb="$tmp/zonelint_${version}_$arch.deb"
[ -f "$deb" ] || { bad "no $deb"; ls "$tmp"; exit 1; }
echo "deb: dpkg-buildpackage -us -uc -b took $(($(date +%s) - start)) s${DEB_BUILD_OPTIONS:+ (DEB_BUILD_OPTIONS=$DEB_BUILD_OPTIONS)}: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"

dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$tmp/contents"
for f in /usr/bin/zonelint /usr/share/man/man1/zonelint.1.gz \
    /usr/share/bash-completion/completions/zonelint /usr/share/zsh/vendor-completions/_zonelint \
    /usr/share/fish/vendor_completions.d/zonelint.fish /usr/share/doc/zonelint/copyright \
    /usr/share/doc/zonelint/rules/ZL2101.md \
    /usr/share/doc/zonelint/examples/ses/broken.zone; do
    grep -qx "$f" "$tmp/contents" || bad "the package lacks $f"
done
for f in README.md CHANGELOG.md rules/README.md; do
    grep -Eqx "/usr/share/doc/zonelint/$f(\\.gz)?" "$tmp/contents" || bad "the package lacks /usr/share/doc/zonelint/$f"
done

if command -v lintian >/dev/null 2>&1; then
    changes=$(ls "$tmp"/zonelint_"$version"_*.changes)
    lintian --tag-display-limit 0 "$changes" >"$tmp/lintian" 2>&1
    sed 's/^/deb: lintian: /' "$tmp/lintian"
    grep -q '^E: ' "$tmp/lintian" && bad "lintian reports errors"
    for tag in $(sed -n 's/^W: [^ ]*: \([a-z0-9-]*\).*/\1/p' "$tmp/lintian" | sort -u); do
        sed -n '/^### Debian package/,/^### /p' "$top/README.md" | grep -q "\`$tag\`" ||
            bad "lintian warning $tag is not explained in README.md (### Debian package)"
    done
    [ -s "$tmp/lintian" ] || echo "deb: lintian: no errors, no warnings"
else
    echo "deb: lintian not installed; not checked"
fi

if [ "$root" != 1 ]; then
    echo "deb: not root; install, run and remove skipped"
elif dpkg -s zonelint >/dev/null 2>&1; then
    echo "deb: a zonelint package is installed already; install, run and remove skipped"
else
    apt-get install -y -qq "$deb" >"$tmp/install.log" 2>&1 || { bad "apt-get install ./$(basename "$deb") failed:"; cat "$tmp/install.log"; }
    if [ -x /usr/bin/zonelint ]; then
        /usr/bin/zonelint --version | head -n 1 | grep -qx "zonelint $version.*" || bad "installed --version: $(/usr/bin/zonelint --version | head -n 1)"
        (cd "$top" && /usr/bin/zonelint examples/ses/broken.zone >"$tmp/broken.out")
        rc=$?
        [ "$rc" = 1 ] && grep -q 'ZL5001' "$tmp/broken.out" || bad "installed zonelint on examples/ses/broken.zone: exit $rc"
        for f in $(cd "$top" && find examples -name 'fixed.zone'); do
            (cd "$top" && /usr/bin/zonelint "$f" >/dev/null) || bad "installed zonelint on $f: exit $?"
        done
        /usr/bin/zonelint /usr/share/doc/zonelint/examples/ses/fixed.zone >/dev/null ||
            bad "installed zonelint on the packaged examples/ses/fixed.zone: exit $?"
        if command -v man >/dev/null 2>&1; then
            [ "$(man -w zonelint 2>/dev/null)" = /usr/share/man/man1/zonelint.1.gz ] || bad "man -w zonelint: $(man -w zonelint 2>&1)"
        fi
        bash -c '. /usr/share/bash-completion/completions/zonelint && complete -p zonelint' >/dev/null 2>&1 ||
            bad "the bash completion does not load"
        echo "deb: installed zonelint $(/usr/bin/zonelint --version | head -n 1 | cut -d' ' -f2-) linted examples/"
    else
        bad "/usr/bin/zonelint is not installed"
    fi
    apt-get remove -y -qq --purge zonelint >/dev/null 2>&1 || bad "apt-get remove zonelint failed"
    [ -e /usr/bin/zonelint ] && bad "/usr/bin/zonelint is still there after removal"
fi
[ "$fail" = 0 ] && echo "deb: package built, checked and (as root) installed, run and removed"
exit $fail
