#!/bin/sh
# SPDX-License-Identifier: MIT
# Validates zonelint's SARIF against the SARIF 2.1.0 schema: the reporter's
# own sample (written by test_report) and a real run over the examples.
# Skipped (not failed), with a message, when python3, its jsonschema module
# (Debian: python3-jsonschema) or ../shared/schemas is absent.
set -u
: "${ZONELINT:?}" "${BUILD:=build}"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
if ! command -v "$py" >/dev/null 2>&1; then
    echo "sarif: skipped: python3 not found (Debian: apt-get install python3-jsonschema)"
    exit 0
fi
out="$BUILD/examples.sarif"
"$ZONELINT" --format=sarif $(find examples -name '*.zone' | sort) >"$out"
rc=$?
if [ "$rc" -gt 1 ]; then
    echo "sarif: zonelint exited $rc"
    exit 1
fi
pass=0
fail=0
for f in "$BUILD/report-sample.sarif" "$out"; do
    "$py" tests/sarif/validate.py "$f"
    case $? in
    0) pass=$((pass + 1)) ;;
    77) echo "sarif: skipped: validator unavailable (see the line above)"; exit 0 ;;
    *) fail=$((fail + 1)) ;;
    esac
done
echo "sarif: $pass passed, $fail failed"
[ "$fail" = 0 ]
