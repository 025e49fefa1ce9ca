#!/bin/sh
# SPDX-License-Identifier: MIT
# The shell completions (zonelint --completions=SHELL, built into
# $(BUILD)/completions/) complete what the binary accepts: every option of
# --help, the values of each option (each value offered is accepted by the
# binary), the subcommands, and rule codes and slugs. bash is driven through
# its completion function, fish through `complete -C`; zsh's script is
# syntax-checked. A shell that is not installed is skipped with a message.
set -u
: "${ZONELINT:?set ZONELINT to the zonelint binary}" "${BUILD:=build}"
case "$ZONELINT" in /*) ;; *) ZONELINT="$(pwd)/$ZONELINT" ;; esac
comp=$(cd "$BUILD/completions" 2>/dev/null && pwd) || { echo "completions: $BUILD/completions not built"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "completions: $*"; fail=1; }

# Options of --help (as in tests/man/run.sh) and a zone to try values on.
"$ZONELINT" --help | sed -n 's/^  \(-[^ ,]*\(, -[^ ,]*\)*\).*/\1/p' | tr ',' '\n' | sed 's/^ *//; s/=.*//' |
    sort -u >"$tmp/options"
cat >"$tmp/example.com.zone" <<'ZONE'
@ 3600 IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300
@ 3600 IN NS ns1.example.com.
ns1 3600 IN A 192.0.2.1
ZONE

# ---- bash ----
if command -v bash >/dev/null 2>&1; then
    cat >"$tmp/drive.bash" <<'DRIVE'
# usage: drive.bash SCRIPT WORD... : completes the last word; one candidate a line
. "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=()
_zonelint
printf '%s\n' "${COMPREPLY[@]}"
DRIVE
    b() { (cd "$tmp" && bash "$tmp/drive.bash" "$comp/zonelint.bash" zonelint "$@") 2>&1 | sort; }
    # every option of --help is offered after "--" (and -h)
    b - | sed 's/=$//' >"$tmp/bash-options"
    if ! cmp -s "$tmp/options" "$tmp/bash-options"; then
        bad "bash: the options offered differ from --help:"; diff "$tmp/options" "$tmp/bash-options"
    fi
    [ "$(b --for)" = "--format=" ] || bad "bash: '--for' completes to '$(b --for)', not '--format='"
    want=$(printf 'gcc\ngithub')
    [ "$(b --format = g)" = "$want" ] || bad "bash: '--format=g' (split at =) gives '$(b --format = g)'"
    [ "$(b --format g)" = "$want" ] || bad "bash: '--format g' gives '$(b --format g)'"
    [ "$(b explain ZL310 | wc -l | tr -d ' ')" = "$("$ZONELINT" rules | grep -c '^ZL310')" ] ||
        bad "bash: 'explain ZL310' gives '$(b explain ZL310 | tr '\n' ' ')'"
    [ "$(b --select = ZL2101,name-dou)" = "ZL2101,name-doubled-origin" ] ||
        bad "bash: '--select=ZL2101,name-dou' gives '$(b --select = ZL2101,name-dou)'"
    [ "$(b ex | tr '\n' ' ')" = "example.com.zone explain " ] ||
        bad "bash: first word 'ex' gives '$(b ex | tr '\n' ' ')' (want the subcommand and the file)"
    # each offered value is one the binary takes (exit 0 or 1, never the usage error 2)
    for o in $(grep -v -e '--completions' "$tmp/options"); do
        vals=$(b "$o" = '')
        [ -n "$vals" ] || continue
        case "$vals" in *ZL1000*) continue ;; esac # rule lists: checked above
        for v in $vals; do
            [ -e "$tmp/$v" ] && continue # a file name offered for a file option
            (cd "$tmp" && "$ZONELINT" "$o=$v" example.com.zone >/dev/null 2>&1)
            [ $? -le 1 ] || bad "bash offers '$o=$v', which zonelint rejects"
        done
    done
    for s in $(b --completions = ''); do
        "$ZONELINT" --completions="$s" >/dev/null || bad "bash offers --completions=$s, which fails"
    done
    echo "completions: bash checked"
else
    echo "completions: bash not installed, skipped"
fi

# ---- fish ----
if command -v fish >/dev/null 2>&1; then
    fish -n "$comp/zonelint.fish" || bad "fish: syntax error in zonelint.fish"
    f() { (cd "$tmp" && fish --no-config -c "source $comp/zonelint.fish; complete -C '$1'") 2>&1 | cut -f1 | sort; }
    f 'zonelint --' | sed 's/=$//' >"$tmp/fish-options"
    # fish lists -h under --help's line; compare the long options only
    grep -e '^--' "$tmp/options" >"$tmp/long"
    grep -e '^--' "$tmp/fish-options" >"$tmp/fish-long"
    cmp -s "$tmp/long" "$tmp/fish-long" || { bad "fish: options differ from --help:"; diff "$tmp/long" "$tmp/fish-long"; }
    [ "$(f 'zonelint --format=g' | tr '\n' ' ')" = "--format=gcc --format=github " ] ||
        bad "fish: '--format=g' gives '$(f 'zonelint --format=g' | tr '\n' ' ')'"
    [ "$(f 'zonelint explain ZL310' | wc -l | tr -d ' ')" = "$("$ZONELINT" rules | grep -c '^ZL310')" ] ||
        bad "fish: 'explain ZL310' gives '$(f 'zonelint explain ZL310' | tr '\n' ' ')'"
    f 'zonelint ' | grep -qx explain || bad "fish: the subcommands are not offered"
    echo "completions: fish checked"
else
    echo "completions: fish not installed, skipped"
fi

# ---- zsh ----
if command -v zsh >/dev/null 2>&1; then
    zsh -n "$comp/_zonelint" || bad "zsh: syntax error in _zonelint"
    # every option has a spec: '--name=[...' or '--name[...'
    for o in $(grep -e '^--' "$tmp/options"); do
        grep -qe "'$o=\{0,1\}\[" -e "}'\[" "$comp/_zonelint" || bad "zsh: no spec for $o"
    done
    head -n 1 "$comp/_zonelint" | grep -qx '#compdef zonelint' || bad "zsh: first line is not '#compdef zonelint'"
    # completion driven through an interactive zsh on a pseudo-terminal
    here=$(cd "$(dirname "$0")" && pwd)
    (cd "$tmp" && zsh -f "$here/drive.zsh" "$comp") >"$tmp/zsh.out" 2>&1
    if grep -v '^ok ' "$tmp/zsh.out" | grep -q .; then
        bad "zsh: completion failed:"; cat "$tmp/zsh.out"
    fi
    echo "completions: zsh checked"
else
    echo "completions: zsh not installed, skipped"
fi
[ "$fail" = 0 ] && echo "completions: passed"
exit $fail
