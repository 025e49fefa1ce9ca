#!/bin/sh
# SPDX-License-Identifier: MIT
# `make bench`: zonelint against other zone checkers on generated zones, as
# a markdown report that can go into the README.
#
#   1. wall time: one large zone, every tool once per round in a rotated
#      order; medians, MB/s, records/s, peak RSS, and each peer's time over
#      zonelint's from the same rounds (paired: the median of the per-round
#      ratios, so a noisy neighbour slows both sides of a ratio alike);
#   2. instructions (callgrind, exact where wall time on a shared machine is
#      not): `print` and `check` per byte, per record and per stage
#      (tools/cg-phases.awk), on a smaller zone from the same generator;
#   3. many files: BENCH_FILES zones of BENCH_FILE_RECORDS records in one
#      process, instructions per file;
#   4. exports: the callgrind zone as Route 53 JSON and octoDNS YAML
#      (tools/bench-export.awk), instructions per record next to the zone
#      file's, peak RSS.
#
# Environment:
#   ZONELINT           zonelint binary                 (default build/zonelint)
#   GENZONE            zone generator binary           (default build/genzone)
#   BENCH_RECORDS      records in the wall-time zone   (default 1000000)
#   BENCH_RUNS         rounds per tool                 (default 5)
#   BENCH_DIR          zones, logs and the report      (default build/bench)
#   BENCH_CG           1: count instructions (needs valgrind), 0: skip 2-4
#                      (default: 1 when valgrind is installed)
#   BENCH_CG_RECORDS   records in the callgrind zone   (default 100000)
#   BENCH_FILES        files in the many-files set     (default 1000)
#   BENCH_FILE_RECORDS records in each of them         (default 50)
#   BENCH_EXPORTS      0: skip the exports (section 4) (default 1)
#
# Wall time and peak RSS come from GNU time; wall time is taken from
# `date +%s%N` around it when date supports that, because GNU time's %e
# only has 10 ms resolution.
set -u

ZONELINT=${ZONELINT:-build/zonelint}
GENZONE=${GENZONE:-build/genzone}
RECORDS=${BENCH_RECORDS:-1000000}
RUNS=${BENCH_RUNS:-5}
DIR=${BENCH_DIR:-build/bench}
CG_RECORDS=${BENCH_CG_RECORDS:-100000}
NFILES=${BENCH_FILES:-1000}
FILE_RECORDS=${BENCH_FILE_RECORDS:-50}
EXPORTS=${BENCH_EXPORTS:-1}
SEED=1
ORIGIN=example.com.
TIME=/usr/bin/time
TOOLS_DIR=$(cd "$(dirname "$0")" && pwd)

die() {
    echo "bench: $*" >&2
    exit 2
}

for v in RUNS:BENCH_RUNS RECORDS:BENCH_RECORDS CG_RECORDS:BENCH_CG_RECORDS NFILES:BENCH_FILES \
    FILE_RECORDS:BENCH_FILE_RECORDS; do
    eval "val=\$${v%%:*}"
    case $val in '' | *[!0-9]* | 0) die "${v#*:} must be a positive integer, got '$val'" ;; esac
done

if [ -z "${BENCH_CG:-}" ]; then
    if command -v valgrind >/dev/null 2>&1; then CG=1; else CG=0; fi
else
    CG=$BENCH_CG
fi
if [ "$CG" = 1 ] && ! command -v valgrind >/dev/null 2>&1; then
    die "BENCH_CG=1 needs valgrind (Debian/Ubuntu: apt-get install valgrind)"
fi

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
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$DIR" || die "cannot create $DIR"

# ---- zones: generated once, reused while generator and arguments match ----

# gen OUT RECORDS SEED ORIGIN: OUT is rewritten only when its stamp (the
# generator's version and arguments) differs or genzone is newer than it
# (find -newer, since test -nt is not POSIX). A temp name first: an
# interrupted run must not leave a truncated zone a later run would reuse.
gen() {
    out=$1 want="$("$GENZONE" -V) -n $2 -s $3 -o $4"
    if [ -f "$out" ] && [ -f "$out.stamp" ] && [ "$(cat "$out.stamp")" = "$want" ] &&
        [ -z "$(find "$GENZONE" -newer "$out" 2>/dev/null)" ]; then
        return 0
    fi
    rm -f "$out.stamp"
    "$GENZONE" -n "$2" -s "$3" -o "$4" >"$out.tmp" || { rm -f "$out.tmp"; die "genzone failed"; }
    mv "$out.tmp" "$out" || die "cannot write $out"
    echo "$want" >"$out.stamp" || die "cannot write $out.stamp"
    GENERATED=1
}

zone=$DIR/zone-$RECORDS.zone
GENERATED=0
gen "$zone" "$RECORDS" "$SEED" "$ORIGIN"
if [ "$GENERATED" = 1 ]; then echo "bench: generated $zone ($RECORDS records)" >&2; else
    echo "bench: reusing $zone" >&2; fi
bytes=$(wc -c <"$zone" | tr -d ' ')

# ---- which tools run ----
tools=""
notes=""
add_note() { notes="$notes$1
"; }
if [ -x "$ZONELINT" ]; then
    tools="zl-print zl-check"
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
        zl-check) echo "zonelint check" ;;
        named) echo "named-checkzone" ;;
        knot) echo "kzonecheck" ;;
        nsd) echo "nsd-checkzone" ;;
        validns) echo "validns" ;;
    esac
}

# Runs tool $2 once under GNU time and appends "round id wall_s rss_kb exit"
# to the results. The command line goes into "$@" (function-local
# positional parameters keep file names with spaces intact without eval).
run_one() {
    round=$1 id=$2
    case $id in
        zl-print) set -- "$ZONELINT" print "$zone" ;;
        zl-check) set -- "$ZONELINT" check "$zone" ;; # exit 1 (findings) is fine
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
    echo "$round $id $wall $2 $rc" >>"$tmp/results"
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

# What a check of a small zone takes: subtracted from the large zone's
# peak RSS, the rest is what the records cost.
if [ -x "$ZONELINT" ]; then
    small=$DIR/zone-$FILE_RECORDS.zone
    gen "$small" "$FILE_RECORDS" "$SEED" "$ORIGIN"
    "$TIME" -f '%M' -o "$tmp/rss" "$ZONELINT" check "$small" >/dev/null 2>&1
    tail -n 1 "$tmp/rss" >"$DIR/rss.small-check"
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
        run_one "$round" "$t"
    done
    echo >&2
    round=$((round + 1))
done

# ---- instructions (callgrind) ----

# cg LABEL CMD...: one callgrind run; its stages land in $DIR/cg.LABEL.phases
# ("stage instructions" lines, tools/cg-phases.awk).
cg() {
    lab=$1
    shift
    printf 'bench: callgrind %s\n' "$lab" >&2
    valgrind --tool=callgrind --dump-instr=no --callgrind-out-file="$DIR/cg.$lab.out" "$@" \
        >/dev/null 2>"$DIR/cg.$lab.log"
    awk -f "$TOOLS_DIR/cg-phases.awk" "$DIR/cg.$lab.out" >"$DIR/cg.$lab.phases"
}
phase() { awk -v p="$2" '$1 == p { print $2 }' "$DIR/cg.$1.phases"; }
# rss LABEL CMD...: peak RSS in KiB of one run (GNU time)
rss() {
    lab=$1
    shift
    "$TIME" -f '%M' -o "$tmp/rss" "$@" >/dev/null 2>&1
    tail -n 1 "$tmp/rss" >"$DIR/rss.$lab"
}

if [ "$CG" = 1 ] && [ -x "$ZONELINT" ]; then
    cgzone=$DIR/zone-$CG_RECORDS.zone
    GENERATED=0
    gen "$cgzone" "$CG_RECORDS" "$SEED" "$ORIGIN"
    cgbytes=$(wc -c <"$cgzone" | tr -d ' ')
    cg print "$ZONELINT" print "$cgzone"
    cg check "$ZONELINT" check "$cgzone"
    rss zone-print "$ZONELINT" print "$cgzone"
    rss zone-check "$ZONELINT" check "$cgzone"

    # Many small files in one process: what is done once per file.
    fdir=$DIR/files-$NFILES-$FILE_RECORDS
    mkdir -p "$fdir" || die "cannot create $fdir"
    i=1
    GENERATED=0
    while [ "$i" -le "$NFILES" ]; do
        gen "$fdir/z$i.example.com.zone" "$FILE_RECORDS" "$i" "z$i.example.com."
        i=$((i + 1))
    done
    fbytes=$(cat "$fdir"/*.zone | wc -c | tr -d ' ')
    cg files "$ZONELINT" check "$fdir"/*.zone
    cg file1 "$ZONELINT" check "$fdir/z1.example.com.zone"

    if [ "$EXPORTS" = 1 ]; then
        # The callgrind zone as exports, made again whenever the zone was.
        r53=$DIR/route53-$CG_RECORDS.json
        octo=$DIR/octodns-$CG_RECORDS/example.com.yaml
        mkdir -p "$DIR/octodns-$CG_RECORDS"
        if [ ! -f "$r53" ] || [ ! -f "$octo" ] || [ -n "$(find "$cgzone" -newer "$r53" 2>/dev/null)" ]; then
            echo "bench: writing the exports of $cgzone" >&2
            "$ZONELINT" print "$cgzone" >"$tmp/print" || die "zonelint print $cgzone failed"
            awk -v format=route53 -v origin="$ORIGIN" -f "$TOOLS_DIR/bench-export.awk" "$tmp/print" >"$r53.tmp" &&
                mv "$r53.tmp" "$r53" || die "cannot write $r53"
            awk -v format=octodns -v origin="$ORIGIN" -f "$TOOLS_DIR/bench-export.awk" "$tmp/print" >"$octo.tmp" &&
                mv "$octo.tmp" "$octo" || die "cannot write $octo"
        fi
        cg r53-print "$ZONELINT" print "$r53"
        cg r53-check "$ZONELINT" check "$r53"
        cg octo-print "$ZONELINT" print "$octo"
        cg octo-check "$ZONELINT" check "$octo"
        rss r53-print "$ZONELINT" print "$r53"
        rss r53-check "$ZONELINT" check "$r53"
        rss octo-print "$ZONELINT" print "$octo"
        rss octo-check "$ZONELINT" check "$octo"
    fi
fi

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
    codes=$(awk -v t="$t" '$2 == t && $5 != 0 { print $5 }' "$tmp/results" | sort -u | tr '\n' ' ')
    [ -n "$codes" ] || continue
    first=$(grep -v '^Command ' "$DIR/$t.stderr" | head -n 1 | cut -c1-120)
    add_note "$(label "$t") exited ${codes% }${first:+: $first}"
done

# Median of the per-round ratios wall(a) / wall(b).
paired() {
    awk -v a="$1" -v b="$2" '
        $2 == a { wa[$1] = $3 } $2 == b { wb[$1] = $3 }
        END {
            n = 0
            for (r in wa) if ((r in wb) && wb[r] > 0) v[++n] = wa[r] / wb[r]
            for (i = 2; i <= n; i++) { x = v[i]; for (j = i - 1; j >= 1 && v[j] > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
            if (n) printf "%.1f", n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
        }' "$tmp/results"
}

{
    echo "### zonelint benchmark"
    echo
    echo "- zone: \`$zone\` (genzone $("$GENZONE" -V | sed 's/^genzone //'), seed $SEED): $RECORDS records," \
        "$(awk -v b="$bytes" 'BEGIN { printf "%.1f MB (%d bytes), %.1f bytes/record", b / 1e6, b, b / '"$RECORDS"' }')"
    echo "- $RUNS rounds, tools alternating within each round; wall time is the median (min-max), RSS the peak over all runs"
    echo "- host: $(uname -sm), $ncpu CPUs${cpu:+, $cpu}${versions}"
    echo
    for t in $tools; do
        awk -v t="$t" '$2 == t' "$tmp/results" >"$tmp/r.$t"
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
            w[++n] = f[3] + 0
            if (f[4] + 0 > rss) rss = f[4] + 0
            if (index(" " codes " ", " " f[5] " ") == 0) codes = codes (codes == "" ? "" : ",") f[5]
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
    }' "$tmp/labels"
    # Paired ratios: each peer against zonelint print and check, round by round.
    line=""
    for p in $tools; do
        case $p in zl-*) continue ;; esac
        for z in zl-print zl-check; do
            case " $tools " in *" $z "*) ;; *) continue ;; esac
            r=$(paired "$p" "$z")
            [ -n "$r" ] && line="$line${line:+; }$(label "$p") / $(label "$z") = ${r}x"
        done
    done
    if [ -n "$line" ]; then
        echo
        echo "Paired (median of the per-round ratios, above 1 = zonelint is faster): $line"
    fi
    if [ -f "$DIR/rss.small-check" ]; then
        echo
        awk -v t=zl-check -v base="$(cat "$DIR/rss.small-check")" -v n="$RECORDS" '
            $2 == t && $4 + 0 > peak { peak = $4 + 0 }
            END { if (peak) printf "zonelint check keeps %.0f bytes per record: (peak RSS %.1f MiB - %.1f MiB for a %s-record zone) / %d records.\n", (peak - base) * 1024 / n, peak / 1024, base / 1024, small, n }
        ' small="$FILE_RECORDS" "$tmp/results"
    fi
    echo
    echo "Commands (FILE = \`$zone\`):"
    echo
    for t in $tools; do
        case $t in
            zl-print) c="zonelint print FILE >/dev/null" ;;
            zl-check) c="zonelint check FILE" ;;
            named) c="named-checkzone -i local -q $ORIGIN FILE" ;;
            knot) c="kzonecheck -d off -o $ORIGIN FILE" ;;
            nsd) c="nsd-checkzone ${ORIGIN%.} FILE" ;;
            validns) c="validns -z $ORIGIN FILE" ;;
        esac
        echo "- \`$c\`"
    done

    if [ "$CG" = 1 ] && [ -x "$ZONELINT" ]; then
        echo
        echo "#### Instructions (callgrind)"
        echo
        echo "\`valgrind --tool=callgrind --dump-instr=no\` on \`$cgzone\` ($CG_RECORDS records," \
            "$(awk -v b="$cgbytes" -v r="$CG_RECORDS" 'BEGIN { printf "%.1f MB, %.1f bytes/record", b / 1e6, b / r }')):" \
            "exact counts, the same on every run. Stages (tools/cg-phases.awk) in instructions per input byte."
        echo
        echo "| run | instructions | per byte | per record | scanner | parser | building | RDATA | output | rules | other |"
        echo "| --- | -----------: | -------: | ---------: | ------: | -----: | -------: | ----: | -----: | ----: | ----: |"
        for r in print check; do
            awk -v r="$r" -v b="$cgbytes" -v n="$CG_RECORDS" '
                { v[$1] = $2 }
                END {
                    printf "| zonelint %s | %.0f M | %.1f | %.0f |", r, v["total"] / 1e6, v["total"] / b, v["total"] / n
                    split("scanner parser building rdata output rules other", s, " ")
                    for (i = 1; i <= 7; i++) printf " %.1f |", v[s[i]] / b
                    printf "\n"
                }' "$DIR/cg.$r.phases"
        done
        ft=$(phase files total)
        f1=$(phase file1 total)
        echo
        echo "Many files: \`zonelint check\` on $NFILES zones of $FILE_RECORDS records each in one process" \
            "($(awk -v b="$fbytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') in all):" \
            "$(awk -v t="$ft" -v n="$NFILES" -v o="$f1" 'BEGIN { printf "%.0f M instructions, %.3f M per file (one such file alone: %.2f M, start-up included)", t / 1e6, t / n / 1e6, o / 1e6 }')."
        zr=$(awk -v p="$(phase check total)" -v n="$CG_RECORDS" 'BEGIN { printf "%.0f", p / n }')
        zp=$(awk -v p="$(phase print total)" -v n="$CG_RECORDS" 'BEGIN { printf "%.0f", p / n }')
        kib() { awk -v k="$(cat "$DIR/rss.$1")" 'BEGIN { printf "%.1f", k / 1024 }'; }
        if [ "$EXPORTS" = 1 ]; then
            echo
            echo "Exports of the same $CG_RECORDS records (tools/bench-export.awk from \`zonelint print\`): instructions" \
                "per record, and as a multiple of the zone file's; peak RSS of one run."
            echo
            echo "| input | bytes/record | print instr/record | x zone | check instr/record | x zone | print RSS MiB | check RSS MiB |"
            echo "| ----- | -----------: | -----------------: | -----: | -----------------: | -----: | ------------: | ------------: |"
            printf '| zone file | %s | %s | 1.0 | %s | 1.0 | %s | %s |\n' \
                "$(awk -v b="$cgbytes" -v n="$CG_RECORDS" 'BEGIN { printf "%.0f", b / n }')" "$zp" "$zr" \
                "$(kib zone-print)" "$(kib zone-check)"
            for e in r53:"Route 53 JSON":"$r53" octo:"octoDNS YAML":"$octo"; do
                k=${e%%:*} rest=${e#*:}
                nm=${rest%%:*} f=${rest#*:}
                eb=$(wc -c <"$f" | tr -d ' ')
                awk -v nm="$nm" -v b="$eb" -v n="$CG_RECORDS" -v p="$(phase "$k-print" total)" \
                    -v c="$(phase "$k-check" total)" -v zp="$zp" -v zr="$zr" -v rp="$(kib "$k-print")" \
                    -v rc="$(kib "$k-check")" 'BEGIN {
                        printf "| %s | %.0f | %.0f | %.1f | %.0f | %.1f | %s | %s |\n", nm, b / n, p / n, p / n / zp, c / n, c / n / zr, rp, rc
                    }'
            done
        fi
        echo
        echo "Commands: \`zonelint print ZONE\`, \`zonelint check ZONE\` under" \
            "\`valgrind --tool=callgrind --dump-instr=no\`; the outputs stay in \`$DIR/cg.*.out\`" \
            "(\`callgrind_annotate --inclusive=yes\` reads them)."
    fi
    if [ -n "$notes" ]; then
        echo
        echo "Notes:"
        echo
        printf '%s' "$notes" | sed 's/^/- /'
    fi
} | tee "$DIR/report-$RECORDS.md"
echo "bench: report saved to $DIR/report-$RECORDS.md; stderr of each tool's last run in $DIR/<tool>.stderr" >&2
