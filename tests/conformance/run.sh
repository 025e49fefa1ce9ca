#!/bin/sh
# SPDX-License-Identifier: MIT
# `make conformance`: differential test of `zonelint print` against BIND's
# reading of the shared zone-file corpus (see its README.md and MANIFEST.tsv).
#
# For every MANIFEST row, zonelint runs in the case's directory (so $INCLUDE
# resolves like it did for the reference tools) and we compare
#   - the verdict: exit 0 = accept, 1 = reject; anything else (exit 2, a
#     signal, a timeout, a sanitizer report) is a crash and always counts as
#     a disagreement;
#   - the dump, for cases both accept and BIND left a <case>.expected.
#
# Environment:
#   ZONELINT              binary under test (default <repo>/build/zonelint)
#   ZL_CONFORMANCE_DIR    corpus (default <repo>/../shared/conformance)
#   CONFORMANCE_REPORT    report file (default <repo>/build/conformance-report.txt)
#   CONFORMANCE_STRICT=1  also fail on any disagreement without a known reason
#
# Exit 0 unless: verdict agreement < 97%, dump identity < 90%, any crash, or
# (strict) an UNEXPLAINED disagreement. A missing corpus is a skip, not a failure.
set -u

root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${ZL_CONFORMANCE_DIR:-$root/../shared/conformance}
known=$root/tests/conformance/known-disagreements.tsv
report=${CONFORMANCE_REPORT:-$root/build/conformance-report.txt}
zonelint=${ZONELINT:-$root/build/zonelint}
strict=${CONFORMANCE_STRICT:-0}
TIMEOUT_S=10

if ! [ -f "$corpus/MANIFEST.tsv" ]; then
    echo "conformance: corpus not found at $corpus, skipped"
    exit 0
fi
corpus=$(cd "$corpus" && pwd)
# We cd into each case's directory, so the binary path must be absolute.
case $zonelint in /*) ;; *) zonelint=$(pwd)/$zonelint ;; esac
if ! [ -x "$zonelint" ]; then
    echo "conformance: zonelint binary not found at $zonelint" >&2
    exit 2
fi
# A hang must become a reported failure, not a stuck CI job.
if command -v timeout >/dev/null 2>&1; then
    limit="timeout -k 5 $TIMEOUT_S"
else
    echo "conformance: warning: no timeout(1), a hanging case will hang this run" >&2
    limit=""
fi
# Sanitizer builds exit 1 on an error by default, which would read as a
# plain "reject"; give them a distinct code (a user setting still wins).
ASAN_OPTIONS="exitcode=86${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
UBSAN_OPTIONS="exitcode=86${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export ASAN_OPTIONS UBSAN_OPTIONS

tmp=$(mktemp -d "${TMPDIR:-/tmp}/zl-conf.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# Pick the columns by header name, not position, so added columns do not
# break us. Fields 1-4 never hold blanks, so `read` can split on spaces and
# leave the free-text first error in the last variable.
awk -F'\t' '
NR == 1 {
    for (i = 1; i <= NF; i++) col[$i] = i
    if (!col["case_file"] || !col["origin"] || !col["bind"] || !col["bind_reject_class"]) {
        print "conformance: MANIFEST.tsv lacks an expected column" > "/dev/stderr"
        exit 2
    }
    next
}
{
    cls = $col["bind_reject_class"]; if (cls == "") cls = "-"
    err = col["bind_first_error"] ? $col["bind_first_error"] : ""
    print $col["case_file"], $col["origin"], $col["bind"], cls, err
}' "$corpus/MANIFEST.tsv" >"$tmp/rows" || exit 2

# case_file<TAB>kind<TAB>reason[<TAB>match], header and # comments skipped
# (fuzz: rows are tests/fuzz/bind-diff's).
reason_for() {
    r=""
    [ -f "$known" ] && r=$(awk -F'\t' -v c="$1" -v k="$2" '
        /^#/ || $1 == "case_file" { next }
        $1 == c && $2 == k { print $3; exit }' "$known")
    echo "${r:-UNEXPLAINED}"
}

# Shorten a line for the one-line report: tabs to spaces, at most $2 chars.
short() {
    printf '%s' "$1" | tr '\t\r' '  ' | awk -v n="$2" '{ if (length($0) > n) $0 = substr($0, 1, n - 3) "..."; print; exit }'
}

total=0 verdict_ok=0 dump_total=0 dump_ok=0 crashes=0 unexplained=0 not_compared=0
: >"$tmp/list"
: >"$tmp/seen"

# One disagreement line: case | kind | zonelint vs BIND | detail | reason
disagree() {
    reason=$(reason_for "$1" "$2")
    [ "$reason" = UNEXPLAINED ] && unexplained=$((unexplained + 1))
    printf '%s | %s | %s | %s | %s\n' "$1" "$2" "$3" "$4" "$reason" >>"$tmp/list"
    printf '%s\t%s\n' "$1" "$2" >>"$tmp/seen"
}

while read -r case_file origin bind rclass bind_err; do
    total=$((total + 1))
    dir=$corpus/$(dirname "$case_file")
    base=$(basename "$case_file")
    # No exec: the subshell reports a crash ("Segmentation fault") into the
    # captured stderr instead of this script printing it out of context.
    # The corpus's include cases reach into sibling folders: allow the whole
    # corpus (zonelint confines $INCLUDE to the zone file's folder by default).
    (cd "$dir" || exit 125; $limit "$zonelint" print --include-root "$corpus/cases" --origin "$origin" "$base"; exit $?) \
        <"/dev/null" >"$tmp/out" 2>"$tmp/err"
    rc=$?

    # What did zonelint say?
    if grep -q -e 'ERROR: AddressSanitizer' -e 'ERROR: LeakSanitizer' -e 'runtime error:' "$tmp/err"; then
        zl="crash (sanitizer report, exit $rc)"
    else
        case $rc in
            0) zl=accept ;;
            1) zl=reject ;;
            124) zl="crash (timeout after ${TIMEOUT_S}s)" ;;
            2) zl="crash (exit 2: usage or I/O error)" ;;
            *) if [ "$rc" -gt 128 ]; then
                   zl="crash (signal $(kill -l $((rc - 128)) 2>/dev/null || echo $((rc - 128))))"
               else
                   zl="crash (exit $rc)"
               fi ;;
        esac
    fi

    # BIND's verdict as the parser should see it: a reject caused only by
    # semantic checks BIND cannot switch off counts as accept.
    if [ "$bind" = accept ] || [ "$rclass" = semantic ]; then
        want=accept
    else
        want=reject
    fi
    case $bind/$rclass in
        accept/*) bind_says="BIND accept" ;;
        */semantic) bind_says="BIND reject (semantic only, counts as accept)" ;;
        *) bind_says="BIND reject ($rclass)" ;;
    esac

    case $zl in crash*) crashes=$((crashes + 1)) ;; esac
    if [ "$zl" = "$want" ]; then
        verdict_ok=$((verdict_ok + 1))
    else
        # First error line (zonelint's own, or a sanitizer's), else any line.
        zl_err=$(grep -i -m 1 -e 'error' -e 'fault' "$tmp/err" || grep -v -m 1 '^[[:space:]]*$' "$tmp/err")
        detail="zonelint: $(short "${zl_err:-(no message)}" 90)"
        [ "$want" = reject ] && detail="$detail; BIND: $(short "$bind_err" 90)"
        disagree "$case_file" verdict "zonelint $zl vs $bind_says" "$detail"
    fi

    # Dump: BIND's .expected is its -D dump, which merges duplicate records
    # (and is sorted bytewise), so compare against zonelint's output made
    # unique and sorted the same way.
    expected=$corpus/$case_file.expected
    if [ "$bind" = accept ] && [ -f "$expected" ]; then
        if [ "$zl" != accept ]; then
            not_compared=$((not_compared + 1))
            continue
        fi
        dump_total=$((dump_total + 1))
        LC_ALL=C sort -u "$tmp/out" >"$tmp/sorted"
        if cmp -s "$tmp/sorted" "$expected"; then
            dump_ok=$((dump_ok + 1))
        else
            LC_ALL=C comm -23 "$tmp/sorted" "$expected" >"$tmp/zl-only"
            LC_ALL=C comm -13 "$tmp/sorted" "$expected" >"$tmp/bind-only"
            nz=$(wc -l <"$tmp/zl-only" | tr -d ' ')
            nb=$(wc -l <"$tmp/bind-only" | tr -d ' ')
            detail=""
            [ "$nz" -gt 0 ] && detail="zonelint: $(short "$(head -n 1 "$tmp/zl-only")" 90)"
            [ "$nb" -gt 0 ] && detail="${detail:+$detail; }BIND: $(short "$(head -n 1 "$tmp/bind-only")" 90)"
            disagree "$case_file" dump "zonelint $nz lines not in BIND, BIND $nb lines not in zonelint" "$detail"
        fi
    fi
done <"$tmp/rows"

# Known reasons whose disagreement is gone: worth deleting from the list.
stale=""
if [ -f "$known" ]; then
    stale=$(awk -F'\t' 'FILENAME == ARGV[1] { seen[$1 "\t" $2] = 1; next }
        /^#/ || $1 == "case_file" || $1 ~ /^fuzz:/ || NF < 2 { next }
        !(($1 "\t" $2) in seen) { print "  " $1 " (" $2 ")" }' "$tmp/seen" "$known" 2>/dev/null)
fi

pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.1f%%", 100 * a / b }'; }

status=0
fail=""
[ $((verdict_ok * 100)) -lt $((total * 97)) ] && fail="$fail verdict agreement $(pct $verdict_ok $total) < 97%;"
[ "$dump_total" -gt 0 ] && [ $((dump_ok * 100)) -lt $((dump_total * 90)) ] &&
    fail="$fail dump identity $(pct $dump_ok $dump_total) < 90%;"
[ "$crashes" -gt 0 ] && fail="$fail $crashes crash(es);"
[ "$strict" = 1 ] && [ "$unexplained" -gt 0 ] && fail="$fail $unexplained UNEXPLAINED (CONFORMANCE_STRICT=1);"
[ -n "$fail" ] && status=1

{
    echo "conformance: verdicts $verdict_ok/$total agree, dumps $dump_ok/$dump_total identical"
    echo "conformance: $(pct $verdict_ok $total) / $(pct $dump_ok $dump_total); $crashes crash(es)," \
        "$unexplained UNEXPLAINED, $not_compared BIND-accepted case(s) without a dump comparison (zonelint did not accept)"
    if [ -s "$tmp/list" ]; then
        echo "disagreements (case | kind | zonelint vs BIND | first difference | reason):"
        cat "$tmp/list"
    fi
    if [ -n "$stale" ]; then
        echo "known disagreements that no longer occur (remove them from tests/conformance/known-disagreements.tsv):"
        echo "$stale"
    fi
    if [ "$status" -ne 0 ]; then
        echo "conformance: FAIL:${fail%;}"
    else
        echo "conformance: OK"
    fi
} >"$tmp/report"

cat "$tmp/report"
if mkdir -p "$(dirname "$report")" 2>/dev/null && cp "$tmp/report" "$report" 2>/dev/null; then
    echo "conformance: full report in $report"
else
    echo "conformance: warning: cannot write $report" >&2
fi
exit $status
