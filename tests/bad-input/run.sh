#!/bin/sh
# Broken-input catalogue: runs zonelint on every row of EXPECTED.tsv (see its
# header for the columns) under a 10 s timeout and checks the exit status, the
# message, that nothing crashed (status >= 128) or hung, and that no output
# ever shows the content of /etc/passwd (an $INCLUDE outside the root must be
# refused, not read). Prints "bad-input: N passed, M failed[, K skipped]".
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

if command -v timeout >/dev/null 2>&1; then
    # A hang is a failure; valgrind runs ~30x slower, so CI gives it more time.
    run_limited() { timeout "${ZL_BADINPUT_TIMEOUT:-10}" "$@"; }
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
make_generated() {
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
    label="$file [$args]"

    dir=$here
    arg=$file
    stdin=/dev/null
    closed=0
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
        *) arg=$name.zone ;;
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
        (cd "$dir" && run_limited "$ZONELINT" $args "$arg" <"$stdin" >"$tmp/out" 2>"$tmp/err")
    fi
    rc=$?

    ok=1
    why=''
    if [ "$rc" = 124 ]; then
        ok=0 why="$why; timed out after 10 s (hang?)"
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
    if grep -a -q -E 'root:[^:]*:0:0:' "$tmp/out" "$tmp/err"; then
        ok=0 why="$why; output shows /etc/passwd content"
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
