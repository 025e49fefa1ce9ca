#!/bin/sh
# `make bench`: time zonelint against other zone checkers on one large
# generated zone and print a markdown table that can go into the README.
#
# Environment:
#   ZONELINT       zonelint binary            (default build/zonelint)
#   GENZONE        zone generator binary      (default build/genzone)
#   BENCH_RECORDS  records in the zone        (default 1000000)
#   BENCH_RUNS     rounds per tool            (default 5)
#   BENCH_DIR      zone cache and logs        (default build/bench)
#
# Each round runs every tool once, in a rotated order, so slow drift (thermal
# throttling, a noisy neighbour) spreads over all tools instead of hitting
# whichever tool happens to run last. Wall time and peak RSS come from GNU
# time; wall time is taken from `date +%s%N` around it when date supports
# that, because GNU time's %e only has 10 ms resolution.
set -u

ZONELINT=${ZONELINT:-build/zonelint}
GENZONE=${GENZONE:-build/genzone}
RECORDS=${BENCH_RECORDS:-1000000}
RUNS=${BENCH_RUNS:-5}
DIR=${BENCH_DIR:-build/bench}
SEED=1
ORIGIN=example.com.
TIME=/usr/bin/time

die() {
    echo "bench: $*" >&2
    exit 2
}

case $RUNS in '' | *[!0-9]* | 0) die "BENCH_RUNS must be a positive integer, got '$RUNS'" ;; esac
case $RECORDS in '' | *[!0-9]*) die "BENCH_RECORDS must be a positive integer, got '$RECORDS'" ;; esac

# GNU time is required for peak RSS; BSD/macOS time has no -f.
if ! [ -x "$TIME" ] || ! "$TIME" -f '%e %M' -o /dev/null true >/dev/null 2>&1; then
    die "needs GNU time at $TIME (for -f '%e %M'); on Debian/Ubuntu: apt-get install time"
fi
[ -x "$GENZONE" ] || die "zone generator $GENZONE not found (run: make $GENZONE)"

case $(date +%s%N 2>/dev/null) in
    *[!0-9]* | '') HIRES=0 ;;
    *) HIRES=1 ;;
esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/zl-bench.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$tmp"; [ -n "${zone:-}" ] && rm -f "$zone.tmp"' EXIT
trap 'exit 130' INT TERM

# ---- the zone: generated once, reused while generator and arguments match ----
mkdir -p "$DIR" || die "cannot create $DIR"
zone=$DIR/zone-$RECORDS.zone
stamp=$zone.stamp
want="$("$GENZONE" -V) -n $RECORDS -s $SEED -o $ORIGIN"
# A genzone binary newer than the zone (find -newer, since test -nt is not
# POSIX) means genzone.c changed, even if its version string was not bumped.
if [ -f "$zone" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] &&
    [ -z "$(find "$GENZONE" -newer "$zone" 2>/dev/null)" ]; then
    echo "bench: reusing $zone" >&2
else
    echo "bench: generating $zone ($RECORDS records)" >&2
    rm -f "$stamp"
    # Write to a temp name first: an interrupted run must not leave a
    # truncated zone that a later run would reuse.
    "$GENZONE" -n "$RECORDS" -s "$SEED" -o "$ORIGIN" >"$zone.tmp" || die "genzone failed"
    mv "$zone.tmp" "$zone" || die "cannot write $zone"
    echo "$want" >"$stamp" || die "cannot write $stamp"
fi
bytes=$(wc -c <"$zone" | tr -d ' ')

# ---- which tools run ----
tools=""
notes=""
add_note() { notes="$notes$1
"; }
if [ -x "$ZONELINT" ]; then
    tools="zl-print zl-lint"
else
    add_note "skipped zonelint: $ZONELINT is not built"
fi
for t in named-checkzone:named kzonecheck:knot nsd-checkzone:nsd validns:validns; do
    if command -v "${t%%:*}" >/dev/null 2>&1; then
        tools="$tools ${t#*:}"
    else
        add_note "skipped ${t%%:*}: not installed"
    fi
done
[ -n "$tools" ] || die "no tool to run"
ntools=0
for t in $tools; do ntools=$((ntools + 1)); done

label() {
    case $1 in
        zl-print) echo "zonelint print" ;;
        zl-lint) echo "zonelint (lint)" ;;
        named) echo "named-checkzone" ;;
        knot) echo "kzonecheck" ;;
        nsd) echo "nsd-checkzone" ;;
        validns) echo "validns" ;;
    esac
}

# Runs tool $1 once under GNU time and appends "id wall_s rss_kb exit" to
# the results. The command line goes into "$@" (function-local positional
# parameters keep file names with spaces intact without eval).
run_one() {
    id=$1
    case $id in
        zl-print) set -- "$ZONELINT" print "$zone" ;;
        zl-lint) set -- "$ZONELINT" "$zone" ;; # exit 1 (findings) is fine
        named) set -- named-checkzone -i local -q "$ORIGIN" "$zone" ;;
        # -d off: zone loader and basic semantic checks only, no DNSSEC checks.
        knot) set -- kzonecheck -d off -o "$ORIGIN" "$zone" ;;
        nsd) set -- nsd-checkzone "${ORIGIN%.}" "$zone" ;;
        validns) set -- validns -z "$ORIGIN" "$zone" ;;
    esac
    [ "$HIRES" = 1 ] && t0=$(date +%s%N)
    # stdout is thrown away (zonelint print writes ~the zone size); stderr
    # of the last run is kept for the notes below.
    "$TIME" -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>"$DIR/$id.stderr"
    rc=$?
    [ "$HIRES" = 1 ] && t1=$(date +%s%N)
    # GNU time puts "Command exited with non-zero status N" before the
    # format line, so the numbers are on the last line.
    # shellcheck disable=SC2046 # split "%e %M" into $1 $2 on purpose
    set -- $(tail -n 1 "$tmp/time")
    wall=$1
    [ "$HIRES" = 1 ] && wall=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.4f", d / 1e9 }')
    echo "$id $wall $2 $rc" >>"$tmp/results"
}

# Untimed warm-up: fills the page cache so the first tool does not pay for
# the disk, and checks that zonelint print really prints every record (a
# parser that stops early would look fast for the wrong reason).
if [ -x "$ZONELINT" ]; then
    printed=$("$ZONELINT" print "$zone" 2>/dev/null | wc -l | tr -d ' ')
    [ "$printed" = "$RECORDS" ] ||
        add_note "zonelint print printed $printed records, the zone has $RECORDS"
else
    cat "$zone" >/dev/null
fi

round=1
while [ "$round" -le "$RUNS" ]; do
    printf 'bench: round %d/%d:' "$round" "$RUNS" >&2
    # Rotate the start of the list by one tool per round.
    skip=$(((round - 1) % ntools))
    order=""
    n=0
    for t in $tools $tools; do
        n=$((n + 1))
        [ "$n" -le "$skip" ] && continue
        [ "$n" -gt $((skip + ntools)) ] && break
        order="$order $t"
    done
    for t in $order; do
        printf ' %s' "$t" >&2
        run_one "$t"
    done
    echo >&2
    round=$((round + 1))
done

# ---- report ----
versions=""
command -v named-checkzone >/dev/null 2>&1 &&
    versions="$versions, BIND $(named-checkzone -v 2>/dev/null | sed 's/-.*//')"
command -v kzonecheck >/dev/null 2>&1 &&
    versions="$versions, Knot $(kzonecheck -V 2>/dev/null | sed -n 's/.*version //p')"
command -v nsd-checkzone >/dev/null 2>&1 &&
    versions="$versions, NSD $(nsd-checkzone -h 2>&1 | sed -n 's/^Version \([0-9.]*[0-9]\).*/\1/p')"
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')

# Tools whose exit status was not 0, with the first line of their stderr.
for t in $tools; do
    codes=$(awk -v t="$t" '$1 == t && $4 != 0 { print $4 }' "$tmp/results" | sort -u | tr '\n' ' ')
    [ -n "$codes" ] || continue
    first=$(grep -v '^Command ' "$DIR/$t.stderr" | head -n 1 | cut -c1-120)
    add_note "$(label "$t") exited ${codes% }${first:+: $first}"
done

{
    echo "### zonelint benchmark"
    echo
    echo "- zone: \`$zone\` (genzone $("$GENZONE" -V | sed 's/^genzone //'), seed $SEED): $RECORDS records," \
        "$(awk -v b="$bytes" 'BEGIN { printf "%.1f MB (%d bytes), %.1f bytes/record", b / 1e6, b, b / '"$RECORDS"' }')"
    echo "- $RUNS rounds, tools alternating within each round; wall time is the median (min-max), RSS the peak over all runs"
    echo "- host: $(uname -sm), $ncpu CPUs${cpu:+, $cpu}${versions}"
    echo
    for t in $tools; do
        awk -v t="$t" '$1 == t' "$tmp/results" >"$tmp/r.$t"
        printf '%s\t%s\n' "$t" "$(label "$t")"
    done >"$tmp/labels"
    awk -v bytes="$bytes" -v records="$RECORDS" -v tmpdir="$tmp" '
    function fmt_rate(x) {
        if (x >= 1e6) return sprintf("%.2f M", x / 1e6)
        if (x >= 1e3) return sprintf("%.0f k", x / 1e3)
        return sprintf("%.0f", x)
    }
    function median(a, n,    i, j, v) {          # insertion sort, n is small
        for (i = 2; i <= n; i++) {
            v = a[i]
            for (j = i - 1; j >= 1 && a[j] > v; j--) a[j + 1] = a[j]
            a[j + 1] = v
        }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    BEGIN { FS = "\t" }
    {
        id[++ntools] = $1; name[ntools] = $2
        file = tmpdir "/r." $1; n = 0; rss = 0; codes = ""
        delete w
        while ((getline line < file) > 0) {
            split(line, f, " ")
            w[++n] = f[2] + 0
            if (f[3] + 0 > rss) rss = f[3] + 0
            if (index(" " codes " ", " " f[4] " ") == 0) codes = codes (codes == "" ? "" : ",") f[4]
        }
        close(file)
        med[ntools] = median(w, n); lo[ntools] = w[1]; hi[ntools] = w[n]
        peak[ntools] = rss; exits[ntools] = codes
        if ($1 == "zl-print") base = med[ntools]
    }
    END {
        ncol = 7
        cell[0, 1] = "tool"; cell[0, 2] = "wall s, median (min-max)"; cell[0, 3] = "MB/s"
        cell[0, 4] = "records/s"; cell[0, 5] = "peak RSS MiB"; cell[0, 6] = "exit"
        cell[0, 7] = "time / zonelint print"
        for (i = 1; i <= ntools; i++) {
            m = med[i] > 0 ? med[i] : 0.0001   # guard against a 0.00 reading
            cell[i, 1] = name[i]
            cell[i, 2] = sprintf("%.3f (%.3f-%.3f)", med[i], lo[i], hi[i])
            cell[i, 3] = sprintf("%.1f", bytes / 1e6 / m)
            cell[i, 4] = fmt_rate(records / m)
            cell[i, 5] = sprintf("%.1f", peak[i] / 1024)
            cell[i, 6] = exits[i]
            cell[i, 7] = base > 0 ? sprintf("%.2fx", med[i] / base) : "n/a"
            if (base > 0 && id[i] != "zl-print")
                summary = summary (summary == "" ? "" : ", ") sprintf("%s/zonelint-print = %.1fx", name[i], med[i] / base)
        }
        for (c = 1; c <= ncol; c++)
            for (i = 0; i <= ntools; i++)
                if (length(cell[i, c]) > width[c]) width[c] = length(cell[i, c])
        for (i = 0; i <= ntools; i++) {
            line = "|"
            for (c = 1; c <= ncol; c++)
                line = line " " sprintf(c == 1 || c == 6 ? "%-" width[c] "s" : "%" width[c] "s", cell[i, c]) " |"
            print line
            if (i == 0) {
                line = "|"
                for (c = 1; c <= ncol; c++) {
                    dash = ""
                    for (k = 0; k < width[c]; k++) dash = dash "-"
                    line = line (c == 1 || c == 6 ? " " dash " |" : " " substr(dash, 2) ": |")
                }
                print line
            }
        }
        if (summary != "") print "\n" summary " (above 1 = slower than zonelint print)"
    }' "$tmp/labels"
    echo
    echo "Commands (FILE = \`$zone\`):"
    echo
    for t in $tools; do
        case $t in
            zl-print) c="zonelint print FILE >/dev/null" ;;
            zl-lint) c="zonelint FILE" ;;
            named) c="named-checkzone -i local -q $ORIGIN FILE" ;;
            knot) c="kzonecheck -d off -o $ORIGIN FILE" ;;
            nsd) c="nsd-checkzone ${ORIGIN%.} FILE" ;;
            validns) c="validns -z $ORIGIN FILE" ;;
        esac
        echo "- \`$c\`"
    done
    if [ -n "$notes" ]; then
        echo
        echo "Notes:"
        echo
        printf '%s' "$notes" | sed 's/^/- /'
    fi
} | tee "$DIR/report-$RECORDS.md"
echo "bench: report saved to $DIR/report-$RECORDS.md; stderr of each tool's last run in $DIR/<tool>.stderr" >&2
