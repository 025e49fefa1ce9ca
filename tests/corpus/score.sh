#!/bin/sh
# SPDX-License-Identifier: MIT
# score.sh: measure zonelint's precision against hand-made labels.
#
#   ZONELINT=build/zonelint sh tests/corpus/score.sh [options] DIR...
#
# Every directory below DIR that holds a LABELS file is one case (a small
# repository). In the case directory, zonelint is run once, with --format=json,
# on the case's files, exactly as a user would run it from the top of that
# repository:
#   FILES   optional: the files to lint, one path per line, relative to the case
#           (default: every regular file except LABELS, FILES, ARGS, README*,
#           *.json identity files named in ARGS, and anything under .git/)
#   ARGS    optional: one line of extra zonelint options (e.g. --ses-identity=x.json)
#   RECORDS optional: file<TAB>count, the records each file holds, counted from
#           the source format (default: the lines `zonelint print` prints)
#   LABELS  the real mistakes, one per line, tab-separated (lines starting with
#           '#' and empty lines are ignored):
#             file  line  codes  kind  certainty  description
#           file       path relative to the case directory
#           line       N, N,M,...  or N-M (any line of the range), or * (any line)
#           codes      the codes or slugs a correct finding may carry, comma
#                      separated: ZL5001, ses-dkim-target; a trailing * is a
#                      prefix (ZL50*, ses-*); * on both ends a part
#                      (*dkim-key*: any code or slug containing it); * alone
#                      accepts any code; !X
#                      refuses X even when another entry accepts it
#                      (*,!ZL1001: any code but syntax)
#           kind       a short name for the kind of mistake (groups the misses)
#           certainty  sure | uncertain  (an uncertain label that is missed is
#                      counted apart, not as a miss)
#           description  what is wrong and which record is not served as meant
#           A case whose LABELS has no data line is a case that must stay silent.
#
# Matching: a finding is a true positive when a label has the same file, a line
# set holding the finding's line, and a code list accepting the finding's code
# or slug. Further findings that match an already matched label are counted as
# "dup" (one problem, several messages), not as false alarms. Every other
# finding at or above --min-severity is a false alarm. Records are counted with
# `zonelint print` (one line per record served).
#
# Options:
#   --min-severity=info|warning|error   findings below are ignored (default warning)
#   --max-fa-per-1k=X   exit 1 when false alarms per 1,000 records exceed X
#   --max-fa=N          exit 1 when false alarms exceed N
#   --max-missed=N      exit 1 when missed (sure) labels exceed N
#   --quiet             no table: only the summary line (and what is over a threshold)
#   --details           after the table, list every false alarm and every miss
#   --details-tsv=FILE  write every finding and label with its verdict to FILE
# Exit status: 0 within the thresholds, 1 over one of them, 2 usage or a run
# of zonelint that failed (exit status 2: usage, I/O or internal error).
set -u

min_sev=warning
max_fa_1k=
max_fa=
max_missed=
details=0
quiet=0
details_tsv=
while [ $# -gt 0 ]; do
    case "$1" in
        --min-severity=*) min_sev=${1#*=} ;;
        --max-fa-per-1k=*) max_fa_1k=${1#*=} ;;
        --max-fa=*) max_fa=${1#*=} ;;
        --max-missed=*) max_missed=${1#*=} ;;
        --details) details=1 ;;
        --quiet) quiet=1 ;;
        --details-tsv=*) details_tsv=${1#*=} ;;
        -h|--help) sed -n '2,50p' "$0"; exit 0 ;;
        --) shift; break ;;
        -*) echo "score.sh: unknown option '$1'" >&2; exit 2 ;;
        *) break ;;
    esac
    shift
done
case "$min_sev" in info|warning|error) ;; *) echo "score.sh: --min-severity must be info, warning or error" >&2; exit 2 ;; esac
[ $# -gt 0 ] || { echo "usage: score.sh [options] DIR..." >&2; exit 2; }
: "${ZONELINT:?set ZONELINT to the zonelint binary}"
case "$ZONELINT" in /*) ;; *) ZONELINT="$(pwd)/$ZONELINT" ;; esac
[ -x "$ZONELINT" ] || { echo "score.sh: $ZONELINT is not executable" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
: >"$tmp/all"          # kind<TAB>case<TAB>fields...  (F findings, L labels, R records)
status=0

for d in "$@"; do
    [ -d "$d" ] || { echo "score.sh: $d is not a directory" >&2; exit 2; }
    (cd "$d" && find . -name LABELS -type f ! -path '*/.git/*' | sort | sed "s|^|$d	|")
done >"$tmp/cases"
[ -s "$tmp/cases" ] || { echo "score.sh: no LABELS file under $*" >&2; exit 2; }

while IFS='	' read -r root labels; do
    dir=$(cd "$root/$(dirname "$labels")" && pwd)
    case_name=$(dirname "$labels" | sed 's|^\./||')
    [ "$case_name" = . ] && case_name=$(basename "$dir")
    # A case mirrors one repository: linted as a work tree of its own (a
    # copy with a .git marker), so that $INCLUDE ../, the octoDNS config
    # above the zones and named.conf are found the same in a git checkout, a
    # tarball or a directory that is in no repository.
    if [ ! -e "$dir/.git" ]; then
        rm -rf "$tmp/case" && mkdir -p "$tmp/case" && cp -R "$dir/." "$tmp/case/" && mkdir "$tmp/case/.git"
        dir=$tmp/case
    fi
    args=
    [ -f "$dir/ARGS" ] && args=$(sed -n '1p' "$dir/ARGS")
    if [ -f "$dir/FILES" ]; then
        grep -v '^[[:space:]]*\(#\|$\)' "$dir/FILES" >"$tmp/files"
    else
        (cd "$dir" && find . -type f ! -path './.git/*' ! -name LABELS ! -name FILES \
            ! -name ARGS ! -name RECORDS ! -name 'README*' | sed 's|^\./||' | sort) >"$tmp/files"
        # identity and name-server files given as options are inputs of the
        # options, not zones
        for a in $args; do
            v=${a#*=}
            grep -vxF "$v" "$tmp/files" >"$tmp/files.n"; mv "$tmp/files.n" "$tmp/files"
        done
    fi
    # records: the case's RECORDS file (file<TAB>count, counted from the
    # source format itself) when it names the file, else what `zonelint print`
    # serves for it
    while IFS= read -r f; do
        [ -n "$f" ] || continue
        n=
        [ -f "$dir/RECORDS" ] && n=$(awk -F '\t' -v f="$f" '$1 == f { print $2; exit }' "$dir/RECORDS")
        if [ -n "$n" ]; then
            printf 'R\t%s\t%s\t%s\n' "$case_name" "$f" "$n" >>"$tmp/all"
            continue
        fi
        n=$(cd "$dir" && eval "\"\$ZONELINT\" print $args \"\$f\"" </dev/null 2>/dev/null | grep -c .)
        if [ "$n" = 0 ]; then
            n=$(cd "$dir" && "$ZONELINT" print "$f" </dev/null 2>/dev/null | grep -c .)
        fi
        printf 'R\t%s\t%s\t%s\n' "$case_name" "$f" "$n" >>"$tmp/all"
    done <"$tmp/files"
    # findings
    set --
    while IFS= read -r f; do [ -n "$f" ] && set -- "$@" "$f"; done <"$tmp/files"
    (cd "$dir" && eval "\"\$ZONELINT\" --format=json --exit-zero $args \"\$@\"" </dev/null) \
        >"$tmp/out.json" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "score.sh: zonelint exited $rc in $case_name: $(head -c 300 "$tmp/err")" >&2
        status=2
    fi
    # One JSON object per finding; the reporter writes every string with its
    # escapes, so a field ends at the first unescaped quote.
    awk -v c="$case_name" '
        function field(obj, name,   re, s) {
            re = "\"" name "\":\"([^\"\\\\]|\\\\.)*\""
            if (!match(obj, re)) return ""
            s = substr(obj, RSTART + length(name) + 4, RLENGTH - length(name) - 5)
            return s
        }
        function num(obj, name,   re) {
            re = "\"" name "\":[0-9]+"
            if (!match(obj, re)) return 0
            return substr(obj, RSTART + length(name) + 3, RLENGTH - length(name) - 3) + 0
        }
        { buf = buf $0 "\n" }
        END {
            n = split(buf, parts, /\{"file":/)
            for (i = 2; i <= n; i++) {
                o = "\"file\":" parts[i]
                f = field(o, "file"); sub(/^\.\//, "", f)
                msg = field(o, "message"); gsub(/\t/, " ", msg)
                printf "F\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", c, f, num(o, "line"), \
                    field(o, "severity"), field(o, "code"), field(o, "rule"), msg
            }
        }' "$tmp/out.json" >>"$tmp/all"
    awk -F '\t' -v c="$case_name" '
        /^[[:space:]]*#/ || /^[[:space:]]*$/ { next }
        NF < 5 { printf "score.sh: %s/LABELS:%d: needs 6 tab-separated fields\n", c, NR > "/dev/stderr"; next }
        { printf "L\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", c, $1, $2, $3, $4, $5, $6, NR }' \
        "$dir/LABELS" >>"$tmp/all"
done <"$tmp/cases"

awk -F '\t' -v min_sev="$min_sev" -v details="$details" -v quiet="$quiet" -v dtsv="$details_tsv" \
    -v max_fa_1k="$max_fa_1k" -v max_fa="$max_fa" -v max_missed="$max_missed" '
    function sevrank(s) { return s == "error" ? 3 : s == "warning" ? 2 : s == "info" ? 1 : 0 }
    function line_ok(spec, ln,   parts, k, r, lo, hi) {
        if (spec == "*") return 1
        nparts = split(spec, parts, ",")
        for (k = 1; k <= nparts; k++) {
            if (index(parts[k], "-")) {
                split(parts[k], r, "-"); lo = r[1] + 0; hi = r[2] + 0
                if (ln >= lo && ln <= hi) return 1
            } else if (parts[k] + 0 == ln) return 1
        }
        return 0
    }
    function code_one(p, code, rule) {
        if (p == "*") return 1
        if (p ~ /^\*.*\*$/) {
            p = substr(p, 2, length(p) - 2)
            return index(code, p) > 0 || index(rule, p) > 0
        }
        if (p ~ /\*$/) {
            p = substr(p, 1, length(p) - 1)
            return index(code, p) == 1 || index(rule, p) == 1
        }
        return p == code || p == rule
    }
    function code_ok(spec, code, rule,   parts, k, p, np, ok) {
        np = split(spec, parts, ",")
        ok = 0
        for (k = 1; k <= np; k++) {
            p = parts[k]; gsub(/^ +| +$/, "", p)
            if (substr(p, 1, 1) == "!") { if (code_one(substr(p, 2), code, rule)) return 0 }
            else if (code_one(p, code, rule)) ok = 1
        }
        return ok
    }
    $1 == "R" { key = $2 SUBSEP $3; rec[key] = $4; order[++nfiles] = key; next }
    $1 == "F" {
        if (sevrank($5) < sevrank(min_sev)) next
        nf++; fc[nf] = $2; ff[nf] = $3; fl[nf] = $4; fs[nf] = $5; fcode[nf] = $6; frule[nf] = $7; fmsg[nf] = $8
        next
    }
    $1 == "L" {
        nl++; lc[nl] = $2; lf[nl] = $3; ll[nl] = $4; lcodes[nl] = $5; lkind[nl] = $6; lcert[nl] = $7; ldesc[nl] = $8; lrow[nl] = $9
        next
    }
    END {
        for (i = 1; i <= nf; i++) {
            verdict[i] = "FA"
            for (j = 1; j <= nl; j++) {
                if (lc[j] != fc[i] || lf[j] != ff[i]) continue
                if (!line_ok(ll[j], fl[i]) || !code_ok(lcodes[j], fcode[i], frule[i])) continue
                if (!hit[j]) { hit[j] = i; verdict[i] = "TP"; break }
                verdict[i] = "DUP"
            }
            key = fc[i] SUBSEP ff[i]
            if (!(key in rec)) { rec[key] = "-"; order[++nfiles] = key }
            cnt[key, verdict[i]]++
            cnt[key, "findings"]++
        }
        for (j = 1; j <= nl; j++) {
            key = lc[j] SUBSEP lf[j]
            if (!(key in rec)) { rec[key] = "-"; order[++nfiles] = key }
            cnt[key, "labels"]++
            if (lcert[j] == "uncertain") { Lu++; if (hit[j]) Luh++ } else { Ls++; if (hit[j]) Lsh++ }
            if (!hit[j]) {
                if (lcert[j] == "uncertain") cnt[key, "MISSU"]++
                else cnt[key, "MISS"]++
            }
        }
        if (!quiet) printf "%-64s %7s %6s %6s %4s %4s %4s %6s %6s\n", "file", "records", "labels", "finds", "TP", "dup", "FA", "missed", "FA/1k"
        for (k = 1; k <= nfiles; k++) {
            key = order[k]
            if (seen[key]++) continue
            split(key, kp, SUBSEP)
            name = kp[1] "/" kp[2]
            if (length(name) > 64) name = "..." substr(name, length(name) - 60)
            r = rec[key]; rr = (r == "-") ? 0 : r
            fa = cnt[key, "FA"] + 0
            m = cnt[key, "MISS"] + 0; mu = cnt[key, "MISSU"] + 0
            ms = m (mu ? "+" mu "?" : "")
            if (!quiet) printf "%-64s %7s %6d %6d %4d %4d %4d %6s %6s\n", name, r, cnt[key, "labels"], cnt[key, "findings"], \
                cnt[key, "TP"], cnt[key, "DUP"], fa, ms, (rr > 0 ? sprintf("%.1f", fa * 1000 / rr) : "-")
            T_r += rr; T_l += cnt[key, "labels"]; T_f += cnt[key, "findings"]; T_tp += cnt[key, "TP"]
            T_dup += cnt[key, "DUP"]; T_fa += fa; T_m += m; T_mu += mu; T_files++
        }
        fa1k = T_r > 0 ? T_fa * 1000 / T_r : 0
        if (!quiet) printf "%-64s %7d %6d %6d %4d %4d %4d %6s %6s\n", sprintf("TOTAL (%d files)", T_files), T_r, T_l, T_f, T_tp, T_dup, T_fa, \
            T_m (T_mu ? "+" T_mu "?" : ""), sprintf("%.2f", fa1k)
        printf "%ssure labels found: %d of %d; uncertain labels found: %d of %d; false alarms: %d (%.2f per 1,000 records); findings counted: severity >= %s\n", \
            quiet ? "corpus: " : "", Lsh, Ls, Luh, Lu, T_fa, fa1k, min_sev
        if (details) {
            print ""
            for (i = 1; i <= nf; i++) if (verdict[i] == "FA")
                printf "FA\t%s/%s:%d\t%s %s\t%s\t%s\n", fc[i], ff[i], fl[i], fcode[i], frule[i], fs[i], fmsg[i]
            for (j = 1; j <= nl; j++) if (!hit[j])
                printf "MISS%s\t%s/%s:%s\t%s\t%s\t%s\n", lcert[j] == "uncertain" ? "?" : "", lc[j], lf[j], ll[j], lkind[j], lcodes[j], ldesc[j]
        }
        if (dtsv != "") {
            print "verdict\tcase\tfile\tline\tseverity\tcode\trule\tmessage_or_description" > dtsv
            for (i = 1; i <= nf; i++)
                printf "%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", verdict[i], fc[i], ff[i], fl[i], fs[i], fcode[i], frule[i], fmsg[i] > dtsv
            for (j = 1; j <= nl; j++)
                printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", hit[j] ? "LABEL-FOUND" : (lcert[j] == "uncertain" ? "LABEL-MISSED?" : "LABEL-MISSED"), \
                    lc[j], lf[j], ll[j], lcert[j], lcodes[j], lkind[j], ldesc[j] > dtsv
        }
        over = 0
        if (max_fa_1k != "" && fa1k > max_fa_1k + 0) { printf "over threshold: %.2f false alarms per 1,000 records > %s\n", fa1k, max_fa_1k; over = 1 }
        if (max_fa != "" && T_fa > max_fa + 0) { printf "over threshold: %d false alarms > %s\n", T_fa, max_fa; over = 1 }
        if (max_missed != "" && T_m > max_missed + 0) { printf "over threshold: %d missed labels > %s\n", T_m, max_missed; over = 1 }
        exit over
    }
' "$tmp/all"
rc=$?
[ "$status" -ne 0 ] && exit "$status"
exit "$rc"
