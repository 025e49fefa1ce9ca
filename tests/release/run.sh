#!/bin/sh
# SPDX-License-Identifier: MIT
# One version, one licence, one list of build dependencies:
# - VERSION is the version; CHANGELOG.md's latest release, debian/changelog,
#   the man page and `zonelint --version` all say the same;
# - LICENSE is MIT for "the zonelint authors", debian/copyright agrees, and
#   --version names the licence;
# - every pkg-config module the Makefile links (PKGS, and cmocka for the
#   tests) and every tool the build runs comes from a Debian package that
#   debian/control's Build-Depends lists (checked with dpkg -S where dpkg
#   is; a new library added to the Makefile fails here, naming its package).
set -u
: "${ZONELINT:?set ZONELINT to the zonelint binary}" "${BUILD:=build}"
fail=0
bad() { echo "release: $*"; fail=1; }

version=$(cat VERSION)
echo "$version" | grep -Eqx '[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?' ||
    bad "VERSION '$version' is not MAJOR.MINOR.PATCH"

# CHANGELOG.md (keepachangelog.com): the first released section is VERSION.
top=$(sed -n 's/^## \[\([^]]*\)\].*/\1/p' CHANGELOG.md | grep -vx Unreleased | head -n 1)
[ "$top" = "$version" ] || bad "CHANGELOG.md's latest section is '$top', VERSION is '$version'"
grep -q "^\[$version\]: " CHANGELOG.md || bad "CHANGELOG.md has no link line '[$version]: ...'"

deb=$(sed -n '1s/^zonelint (\([^)]*\)).*/\1/p' debian/changelog)
[ "$deb" = "$version" ] || bad "debian/changelog is at '$deb', VERSION is '$version'"

grep -q "^\.TH ZONELINT 1 .*\"zonelint $version\"" "$BUILD/zonelint.1" ||
    bad "$BUILD/zonelint.1 does not say zonelint $version"

out=$("$ZONELINT" --version)
first=$(echo "$out" | head -n 1)
case "$first" in
"zonelint $version" | "zonelint $version (git "*")") ;;
*) bad "--version says '$first'" ;;
esac
echo "$out" | grep -q '^License: MIT' || bad "--version does not name the MIT licence"
[ "$("$ZONELINT" version)" = "$out" ] || bad "'zonelint version' differs from --version"

head -n 1 LICENSE | grep -qx 'MIT License' || bad "LICENSE is not the MIT licence"
grep -q '^Copyright (c) [0-9]* the zonelint authors$' LICENSE || bad "LICENSE does not name the zonelint authors"
grep -q '^License: Expat' debian/copyright || bad "debian/copyright does not say Expat (MIT)"

# Build-Depends: the package names, one a line.
bdeps=$(awk '/^Build-Depends:/ { on = 1; sub(/^Build-Depends:/, "") }
             on && /^[A-Za-z-]+:/ && !/^Build-Depends:/ { on = 0 }
             on && !/^#/ { print }' debian/control |
        tr ',' '\n' | sed 's/[<(\[].*//; s/^ *//; s/ *$//' | grep .)
if command -v dpkg >/dev/null 2>&1 && command -v pkg-config >/dev/null 2>&1; then
    need=""
    # cmocka: the unit tests' framework (CMOCKA_CFLAGS in the Makefile)
    # a make of its own: not the flags (-w, jobserver) of the make running this test
    pkgs=$(unset MAKEFLAGS MFLAGS MAKELEVEL; make -s --no-print-directory print-PKGS)
    for m in $pkgs cmocka; do
        pc="$(pkg-config --variable=pcfiledir "$m" 2>/dev/null)/$m.pc"
        p=$(dpkg -S "$pc" 2>/dev/null | sed 's/[:,].*//' | head -n 1)
        [ -n "$p" ] || { bad "pkg-config module $m: no Debian package owns $pc"; continue; }
        need="$need $p:$m"
    done
    for t in flex bison pkg-config; do
        path=$(command -v "$t") || { bad "$t is not installed"; continue; }
        # the package that owns the name the build calls (pkg-config: pkgconf), else its target
        p=$(dpkg -S "$path" 2>/dev/null | sed 's/[:,].*//' | head -n 1)
        [ -n "$p" ] || p=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | sed 's/[:,].*//' | head -n 1)
        [ -n "$p" ] && need="$need $p:$t"
    done
    for pm in $need; do
        echo "$bdeps" | grep -qx "${pm%%:*}" ||
            bad "debian/control Build-Depends lacks ${pm%%:*} (it provides ${pm#*:}, which the build uses)"
    done
    echo "release: Build-Depends covers$(for pm in $need; do printf ' %s' "${pm%%:*}"; done)"
else
    echo "release: no dpkg or pkg-config here; Build-Depends not checked"
fi
[ "$fail" = 0 ] && echo "release: version $version everywhere, MIT licence"
exit $fail
