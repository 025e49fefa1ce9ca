#!/bin/sh
# SPDX-License-Identifier: MIT
# Every source file, script and Makefile names its licence in its first
# lines (issue 14): a new file without it fails make check. Without git (a
# tarball), the files below the source folders are checked.
set -u
cd "$(dirname "$0")/.."
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    list=$(git ls-files -co --exclude-standard -- src rules grammar tools tests .ci Makefile |
        grep -E '\.(c|h|l|y|def|sh|py)$|^Makefile$|^\.ci/|^tests/fuzz/(campaign|corpus-filter|corpus-seed|bind-diff)$')
else
    list=$(find src rules grammar tools tests .ci Makefile -type f 2>/dev/null |
        grep -E '\.(c|h|l|y|def|sh|py)$|^Makefile$|^\.ci/|^tests/fuzz/(campaign|corpus-filter|corpus-seed|bind-diff)$')
fi
missing=0
for f in $list; do
    case "$f" in
    tests/*/cases/* | tests/corpus/* | tests/bad-input/* | tests/fuzz/corpus/* | tests/fuzz/regressions/*) continue ;;
    esac
    [ -f "$f" ] || continue
    if ! head -n 3 "$f" | grep -q 'SPDX-License-Identifier: MIT'; then
        echo "spdx: $f has no 'SPDX-License-Identifier: MIT' line at its top"
        missing=$((missing + 1))
    fi
done
[ "$missing" = 0 ] || exit 1
echo "spdx: $(echo "$list" | wc -l) files carry the licence line"
