#!/bin/sh
# SPDX-License-Identifier: MIT
# Broken-input catalogue: runs zonelint on every row of EXPECTED.tsv (see its
# header for the columns) under a 10 s timeout ($BAD_INPUT_TIMEOUT) and checks
# the exit status, the message, that nothing crashed (status >= 128, or a
# sanitizer's exit 86/87) or hung, and that no output ever shows what lies
# outside the files zonelint may read: the content of /etc/passwd, the
# environment (a canary variable), a file marked LEAKED-CANARY outside a test
# tree, or the absolute path of the directory a row runs in (messages name
# paths relative to the repository). Prints "bad-input: N passed, M failed[,
# K skipped]".
#
# Files named '@name' in the table are made here, in a temp dir:
#   @longline          a 1 MiB token on one line
#   @longline-tokens   a 1 MiB line of 262144 short TXT strings (RDATA > 65535)
#   @longline-comment  a 1 MiB comment line, then records (fine)
#   @nested10000       10,000 nested '(' ... ')' around one TXT string
#   @nested10000-open  10,000 '(' never closed
#   @dir               a directory (adir) given as the zone file
#   @unreadable        a file with mode 000 (skipped when it is readable: root)
#   @stdin-closed      '-' with standard input closed
#   @fifo              a FIFO as the zone file (nobody writes to it)
#   @include-fifo      an $INCLUDE of a FIFO
#   @octodns-config-fifo  an octoDNS zone file beside a FIFO named config.yaml
#   @senders-fifo      .zonelint with senders = packs, packs/x.yaml a FIFO
#   @config-senders-widen  tree/.zonelint: senders = a directory outside the work tree
#   @senders-backtracking  a pack whose pattern backtracks without end, and 2000 records for it
#   @include-dev-zero  an $INCLUDE of /dev/zero
#   @include-proc      an $INCLUDE of /proc/self/environ
#   @link-environ      env.zone -> /proc/self/environ (outside any work tree)
#   @link-outside      tree/zones/x.zone -> a zone outside the work tree tree/
#   @link-dir-outside  tree/zones -> a directory outside the work tree
#   @link-inside       tree/zones/x.zone -> tree/real/x.zone (fine)
#   @link-widened      a link out of the work tree, allowed by --include-root
#   @link-config-out   tree/.zonelint -> a file outside the work tree
#   @include-link-out  links in the tree to an outside file and to a missing one
#   @bind-tree         repo/zones/db.example.edu with $INCLUDE ../common/soa.inc (fine)
#   @bind-tree-no-git  the same without .git: the include is refused
#   @config-widen      tree/.zonelint: include-root = /, disable, exit-zero
#   @config-narrow     tree/.zonelint: include-root = zones (narrower: fine)
#   @env-widen         ZONELINT_INCLUDE_ROOT set to the temp dir (the CI owner widens)
#   @include-fanout    15 files each including the next 4 times (4^15 includes, 5 KB)
#   @include-records   an include of 3000 records (under a small --include-budget)
#   @route53-minified  Route 53 JSON of 8000 record sets on one line (~830 KB)
#   @json-deep         '{"ResourceRecordSets":' and '[' x 200,000
#   @yaml-deep         'ResourceRecordSets:' and '- ' x 100,000 on one line (block sequences)
#   @sparse-5g         a sparse 5 GiB file (above the 4 GiB default cap)
#   @sparse-2g         a sparse 2 GiB file: NUL bytes only
#   @biggish           a 5000-byte zone (for --max-input-size)
#   @stdin-big         '-' with that zone on standard input
#   @generic-80000     \# 40000 with the 80,000 hex digits in one token
#   @many-tokens       \# 40000 with the 80,000 hex digits as 80,000 tokens (more than 65535)
# ZONELINT must point at the binary.
set -u
: "${ZONELINT:?set ZONELINT to the zonelint binary}"
case "$ZONELINT" in /*) ;; *) ZONELINT="$(pwd)/$ZONELINT" ;; esac
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
gen="$tmp/gen"
mkdir "$gen"
tab=$(printf '\t')

limit=${BAD_INPUT_TIMEOUT:-10}
if command -v timeout >/dev/null 2>&1; then
    run_limited() { timeout "$limit" "$@"; }
else
    run_limited() { "$@"; }
fi

# n copies of string s (no trailing newline), in O(log n) shell steps.
repeat() {
    s=$1 n=$2 acc=''
    while [ "$n" -gt 0 ]; do
        if [ $((n % 2)) = 1 ]; then acc="$acc$s"; fi
        s="$s$s"
        n=$((n / 2))
    done
    printf '%s' "$acc"
}

hdr='$ORIGIN example.com.
$TTL 3600
'
soa='@ SOA ns1 hostmaster 1 7200 3600 1209600 3600
@ NS ns1
ns1 A 192.0.2.53
'
# A secret the environment holds: no output may show it.
ZL_CANARY_SECRET=zonelint-canary-7f3a9c
export ZL_CANARY_SECRET
outside="$tmp/outside"
mkdir "$outside"
printf 'LEAKED-CANARY A 192.0.2.66\n' >"$outside/secret.zone"
printf 'LEAKED-CANARY = 1\n' >"$outside/config"

# make_generated NAME: makes the input in $gen and sets garg (the file
# argument, relative to $gen), genv (VAR=value words for env, or empty) and
# gstdin (standard input).
make_generated() {
    garg="$1.zone"
    genv=''
    gstdin=/dev/null
    case "$1" in
    longline)
        { printf '%s' "$hdr"; printf 'a TXT '; repeat x 1048576; printf '\nb A 192.0.2.2\n'; } >"$gen/longline.zone" ;;
    longline-tokens)
        { printf '%s' "$hdr"; printf 'a TXT '; repeat 'xxx ' 262144; printf '\nb A 192.0.2.2\n'; } >"$gen/longline-tokens.zone" ;;
    longline-comment)
        { printf '%s' "$hdr"; printf ';'; repeat c 1048576; printf '\na A 192.0.2.1 ;'; repeat d 1048576
          printf '\nb A 192.0.2.2\n'; } >"$gen/longline-comment.zone" ;;
    nested10000)
        { printf '%s' "$hdr"; printf 'a TXT '; repeat '(' 10000; printf ' "x" '; repeat ')' 10000
          printf '\nb A 192.0.2.2\n'; } >"$gen/nested10000.zone" ;;
    nested10000-open)
        { printf '%s' "$hdr"; printf 'a TXT '; repeat '(' 10000; printf ' "x"\nb A 192.0.2.2\n'; } >"$gen/nested10000-open.zone" ;;
    dir)
        mkdir -p "$gen/adir" ;;
    unreadable)
        { printf '%s' "$hdr"; printf 'a A 192.0.2.1\n'; } >"$gen/unreadable.zone"
        chmod 000 "$gen/unreadable.zone" ;;
    stdin-closed) ;;
    fifo)
        mkfifo "$gen/fifo.zone" ;;
    include-fifo)
        mkfifo "$gen/include-fifo.inc"
        { printf '%s' "$hdr"; printf '$INCLUDE include-fifo.inc\na A 192.0.2.1\n'; } >"$gen/include-fifo.zone" ;;
    senders-fifo)
        mkdir -p "$gen/sfifo/packs"
        mkfifo "$gen/sfifo/packs/x.yaml"
        printf 'senders = packs\n' >"$gen/sfifo/.zonelint"
        { printf '%s' "$hdr"; printf '%s' "$soa"; } >"$gen/sfifo/z.zone"
        garg=sfifo/z.zone ;;
    octodns-config-fifo)
        mkdir "$gen/odfifo"
        mkfifo "$gen/odfifo/config.yaml"
        printf "'':\n  type: A\n  value: 192.0.2.1\n" >"$gen/odfifo/example.com.yaml"
        garg=odfifo/example.com.yaml ;;
    include-dev-zero)
        { printf '%s' "$hdr"; printf '$INCLUDE /dev/zero\na A 192.0.2.1\n'; } >"$gen/include-dev-zero.zone" ;;
    include-proc)
        { printf '%s' "$hdr"; printf '$INCLUDE /proc/self/environ\na A 192.0.2.1\n'; } >"$gen/include-proc.zone" ;;
    link-environ)
        ln -s /proc/self/environ "$gen/link-environ.zone" ;;
    link-outside)
        mkdir -p "$gen/lo/.git" "$gen/lo/zones"
        ln -s "$outside/secret.zone" "$gen/lo/zones/example.com.zone"
        garg=lo/zones/example.com.zone ;;
    link-dir-outside)
        mkdir -p "$gen/ld/.git"
        ln -s "$outside" "$gen/ld/zones"
        garg=ld/zones/secret.zone ;;
    link-widened)
        mkdir -p "$gen/lw/.git"
        printf '$ORIGIN example.com.\n$TTL 60\nwidened A 192.0.2.7\n' >"$outside/widened.zone"
        ln -s "$outside/widened.zone" "$gen/lw/example.com.zone"
        garg=lw/example.com.zone ;;
    link-inside)
        mkdir -p "$gen/li/.git" "$gen/li/zones" "$gen/li/real"
        { printf '%s' "$hdr"; printf '%s' "$soa"; printf 'www A 192.0.2.80\n'; } >"$gen/li/real/example.com.zone"
        ln -s ../real/example.com.zone "$gen/li/zones/example.com.zone"
        garg=li/zones/example.com.zone ;;
    link-config-out)
        mkdir -p "$gen/lc/.git"
        ln -s "$outside/config" "$gen/lc/.zonelint"
        { printf '%s' "$hdr"; printf '%s' "$soa"; } >"$gen/lc/example.com.zone"
        garg=lc/example.com.zone ;;
    include-link-out)
        mkdir -p "$gen/il/.git"
        ln -s /etc/passwd "$gen/il/passwd.inc"
        ln -s /etc/zonelint-no-such-file "$gen/il/nope.inc"
        ln -s "$outside/secret.zone" "$gen/il/secret.inc"
        { printf '%s' "$hdr"; printf '%s' "$soa"
          printf '$INCLUDE passwd.inc\n$INCLUDE nope.inc\n$INCLUDE secret.inc\n'; } >"$gen/il/example.com.zone"
        garg=il/example.com.zone ;;
    bind-tree | bind-tree-no-git)
        r="$gen/$1"
        mkdir -p "$r/zones" "$r/common"
        if [ "$1" = bind-tree ]; then mkdir "$r/.git"; fi
        printf '$TTL 3600\n@ SOA ns1.example.edu. hostmaster.example.edu. 1 7200 3600 1209600 3600\n@ NS ns1.example.edu.\n' \
            >"$r/common/soa.inc"
        printf '$ORIGIN example.edu.\n$INCLUDE ../common/soa.inc\nns1 A 192.0.2.53\nwww A 192.0.2.80\n' \
            >"$r/zones/db.example.edu"
        garg="$1/zones/db.example.edu" ;;
    config-widen)
        mkdir -p "$gen/cw/.git"
        printf 'include-root = /\ndisable = ZL1001\nexit-zero = true\n' >"$gen/cw/.zonelint"
        { printf '%s' "$hdr"; printf '%s' "$soa"; printf '$INCLUDE /etc/passwd\n'; } >"$gen/cw/example.com.zone"
        garg=cw/example.com.zone ;;
    senders-backtracking)
        mkdir -p "$gen/sbt/.git" "$gen/sbt/packs"
        printf "sender: evil\nname: Evil\nsources: [https://evil.example/]\nrecords:\n  - id: v\n    role: verification\n    type: TXT\n    owner: '@'\n    prefix: 'evil='\n    value: 'evil=(a+)+'\n    source: https://evil.example/v\n" >"$gen/sbt/packs/evil.yaml"
        printf 'senders = packs\n' >"$gen/sbt/.zonelint"
        { printf '%s' "$hdr"; printf '%s' "$soa"
          repeat '@ TXT "evil=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"
' 2000; } >"$gen/sbt/example.com.zone"
        garg=sbt/example.com.zone ;;
    config-senders-widen)
        mkdir -p "$gen/csw/.git" "$outside/packs"
        printf 'sender: leak\nname: LEAKED-CANARY\n' >"$outside/packs/leak.yaml"
        printf 'senders = %s\n' "$outside/packs" >"$gen/csw/.zonelint"
        { printf '%s' "$hdr"; printf '%s' "$soa"; } >"$gen/csw/example.com.zone"
        garg=csw/example.com.zone ;;
    config-narrow)
        mkdir -p "$gen/cn/.git" "$gen/cn/zones" "$gen/cn/common"
        printf 'include-root = zones\n' >"$gen/cn/.zonelint"
        printf 'www A 192.0.2.80\n' >"$gen/cn/common/www.inc"
        { printf '%s' "$hdr"; printf '%s' "$soa"; printf '$INCLUDE ../common/www.inc\n'; } >"$gen/cn/zones/example.com.zone"
        garg=cn/zones/example.com.zone ;;
    env-widen)
        mkdir -p "$gen/ew/.git"
        printf 'shared A 192.0.2.99\n' >"$gen/shared.inc"
        { printf '%s' "$hdr"; printf '%s' "$soa"; printf '$INCLUDE ../shared.inc\n'; } >"$gen/ew/example.com.zone"
        garg=ew/example.com.zone
        genv="ZONELINT_INCLUDE_ROOT=$gen" ;;
    include-fanout)
        i=0
        while [ $i -lt 14 ]; do
            n=$((i + 1))
            printf '$INCLUDE f%d.inc\n$INCLUDE f%d.inc\n$INCLUDE f%d.inc\n$INCLUDE f%d.inc\n' $n $n $n $n >"$gen/f$i.inc"
            i=$n
        done
        printf 'x A 192.0.2.1\n' >"$gen/f14.inc"
        { printf '%s' "$hdr"; printf '%s' "$soa"; printf '$INCLUDE f0.inc\n'; } >"$gen/include-fanout.zone" ;;
    include-records)
        awk 'BEGIN { for (i = 0; i < 3000; i++) printf "r%d A 192.0.2.1\n", i }' >"$gen/records.inc"
        { printf '%s' "$hdr"; printf '%s' "$soa"; printf '$INCLUDE records.inc\n'; } >"$gen/include-records.zone" ;;
    route53-minified)
        awk 'BEGIN { printf "{\"ResourceRecordSets\":["
                     for (i = 0; i < 8000; i++)
                         printf "%s{\"Name\":\"host%d.example.com.\",\"Type\":\"A\",\"TTL\":300,\"ResourceRecords\":[{\"Value\":\"192.0.2.%d\"}]}", i ? "," : "", i, i % 250 + 1
                     printf "]}\n" }' >"$gen/example.com.json"
        garg=example.com.json ;;
    json-deep)
        { printf '{"ResourceRecordSets":'; repeat '[' 200000; } >"$gen/deep.json"
        garg=deep.json ;;
    yaml-deep)
        { printf 'ResourceRecordSets:\n'; repeat '- ' 100000; printf 'x\n'; } >"$gen/deep.yaml"
        garg=deep.yaml ;;
    sparse-5g | sparse-2g)
        size=5G
        [ "$1" = sparse-2g ] && size=2G
        truncate -s $size "$gen/$1.zone" 2>/dev/null || dd if=/dev/null of="$gen/$1.zone" bs=1 seek=$size 2>/dev/null ;;
    biggish | stdin-big)
        { printf '%s' "$hdr"; printf '%s' "$soa"
          awk 'BEGIN { for (i = 0; i < 250; i++) printf "host%d A 192.0.2.1\n", i }'; } >"$gen/biggish.zone"
        garg=biggish.zone
        if [ "$1" = stdin-big ]; then garg=- gstdin="$gen/biggish.zone"; fi ;;
    generic-80000)
        { printf '%s' "$hdr"; printf 'a TYPE65280 \\# 40000 '; repeat 00 40000; printf '\nb A 192.0.2.2\n'; } >"$gen/generic-80000.zone" ;;
    many-tokens)
        { printf '%s' "$hdr"; printf 'a TYPE65280 \\# 40000'; repeat ' 0' 80000; printf '\nb A 192.0.2.2\n'; } >"$gen/many-tokens.zone" ;;
    *) return 1 ;;
    esac
}

pass=0
fail=0
skip=0
n=0
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in '#'* | '') continue ;; esac
    n=$((n + 1))
    # Split on tabs (read would merge empty fields, so cut instead).
    file=$(printf '%s\n' "$line" | cut -f1)
    args=$(printf '%s\n' "$line" | cut -f2)
    want=$(printf '%s\n' "$line" | cut -f3)
    pat=$(printf '%s\n' "$line" | cut -f4)
    case "$line" in
    *"$tab"*"$tab"*"$tab"*"$tab"*) outpat=$(printf '%s\n' "$line" | cut -f5) ;;
    *) outpat='' ;;
    esac
    case "$line" in
    *"$tab"*"$tab"*"$tab"*"$tab"*"$tab"*) absent=$(printf '%s\n' "$line" | cut -f6) ;;
    *) absent='' ;;
    esac
    label="$file [$args]"

    dir=$here
    arg=$file
    stdin=/dev/null
    closed=0
    genv=''
    case "$file" in
    @*)
        name=${file#@}
        if ! make_generated "$name"; then
            printf "FAIL %s: unknown generated input\n" "$label"
            fail=$((fail + 1))
            continue
        fi
        dir=$gen
        case "$name" in
        dir) arg=adir ;;
        stdin-closed) arg=- closed=1 ;;
        *) arg=$garg stdin=$gstdin ;;
        esac
        if [ "$name" = unreadable ] && [ -r "$gen/unreadable.zone" ]; then
            printf "SKIP %s: a mode-000 file is readable here (running as root?)\n" "$label"
            skip=$((skip + 1))
            continue
        fi
        ;;
    esac

    # shellcheck disable=SC2086 # args is a word list on purpose
    if [ $closed = 1 ]; then
        (cd "$dir" && run_limited "$ZONELINT" $args "$arg" <&- >"$tmp/out" 2>"$tmp/err")
    else
        (cd "$dir" && run_limited env $genv "$ZONELINT" $args "$arg" <"$stdin" >"$tmp/out" 2>"$tmp/err")
    fi
    rc=$?
    # a generated tree may hold FIFOs and links: start afresh for the next row
    if [ "$dir" = "$gen" ]; then
        rm -rf "$gen"
        mkdir "$gen"
    fi

    ok=1
    why=''
    if [ "$rc" = 124 ]; then
        ok=0 why="$why; timed out after $limit s (hang?)"
    elif [ "$rc" = 86 ] || [ "$rc" = 87 ]; then
        ok=0 why="$why; sanitizer error (exit $rc)"
    elif [ "$rc" -ge 128 ]; then
        ok=0 why="$why; crashed (exit $rc = signal $((rc - 128)))"
    elif [ "$rc" != "$want" ]; then
        ok=0 why="$why; exit $rc, expected $want"
    fi

    # Where the message must be: stderr, and for 'check' also stdout.
    cp "$tmp/err" "$tmp/msgs"
    case "$args" in check*) cat "$tmp/out" >>"$tmp/msgs" ;; esac
    case "$pat" in
    -)
        if [ -s "$tmp/err" ]; then ok=0 why="$why; stderr should be empty"; fi ;;
    re:*)
        if ! grep -a -q -E -e "${pat#re:}" "$tmp/msgs"; then ok=0 why="$why; no line matches /${pat#re:}/"; fi ;;
    *)
        if ! grep -a -q -F -e "$pat" "$tmp/msgs"; then ok=0 why="$why; message not found: $pat"; fi ;;
    esac
    case "$outpat" in
    '') ;;
    -)
        if [ -s "$tmp/out" ]; then ok=0 why="$why; stdout should be empty"; fi ;;
    *)
        if ! grep -a -q -F -e "$outpat" "$tmp/out"; then ok=0 why="$why; stdout lacks: $outpat"; fi ;;
    esac
    if [ -n "$absent" ] && grep -a -q -F -e "$absent" "$tmp/out" "$tmp/err"; then
        ok=0 why="$why; output shows: $absent"
    fi
    if grep -a -q -E 'root:[^:]*:0:0:' "$tmp/out" "$tmp/err"; then
        ok=0 why="$why; output shows /etc/passwd content"
    fi
    if grep -a -q -F -e "$ZL_CANARY_SECRET" "$tmp/out" "$tmp/err"; then
        ok=0 why="$why; output shows the environment"
    fi
    if grep -a -q -F -e LEAKED-CANARY "$tmp/out" "$tmp/err"; then
        ok=0 why="$why; output shows a file outside the work tree"
    fi
    # (SARIF names the directory it ran in as its base URI, on purpose)
    case "$args" in *sarif*) abs_ok=1 ;; *) abs_ok=0 ;; esac
    if [ $abs_ok = 0 ] && grep -a -q -F -e "$here" -e "$tmp" "$tmp/out" "$tmp/err"; then
        ok=0 why="$why; output shows an absolute path of this machine"
    fi

    if [ $ok = 1 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        printf "FAIL %s%s\n" "$label" "$why"
        head -c 600 "$tmp/err" | head -n 4 | sed 's/^/    stderr: /'
    fi
done <"$here/EXPECTED.tsv"

if [ "$skip" -gt 0 ]; then
    echo "bad-input: $pass passed, $fail failed, $skip skipped"
else
    echo "bad-input: $pass passed, $fail failed"
fi
[ "$fail" = 0 ] && [ "$pass" -gt 0 ]
