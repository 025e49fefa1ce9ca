#!/bin/sh
# SPDX-License-Identifier: MIT
# tools/rule-pages on made-up registries (the real one is checked by make
# docs-check): any number of rules, an explanation without examples, text
# that Markdown would misread, a code block holding backticks; and input it
# must refuse (a code that is not ZLnnnn would name a file elsewhere).
set -u
: "${BUILD:=build}"
tool="$BUILD/rule-pages"
[ -x "$tool" ] || { echo "docs: $tool not built"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "docs: $*"; fail=1; }

cat >"$tmp/two.json" <<'JSON'
[
  {"code": "ZL7001", "slug": "made-up-one", "severity": "warning", "summary": "a <made-up> rule with $VARS and *stars*",
   "explain": "Why it matters: _underscores_, [brackets] and <tags>.\n1. not a list\n- not a bullet\n\nWith an option:\n\nBad:\n\n    www IN TXT \"```\"\n\n    www IN TXT \"two\"\n\nGood:\n\n    www IN TXT \"fine\"\n\nSee made-up-two.\n"},
  {"code": "ZL8001", "slug": "made-up-two", "severity": "info", "summary": "no examples at all",
   "explain": "Only prose here.\n"}
]
JSON
mkdir -p "$tmp/out"
"$tool" "$tmp/two.json" "$tmp/out" || bad "rule-pages failed on a valid registry"
[ "$(ls "$tmp/out" | tr '\n' ' ')" = "README.md ZL7001.md ZL8001.md " ] || bad "pages: $(ls "$tmp/out" | tr '\n' ' ')"
p="$tmp/out/ZL7001.md"
grep -qx '# ZL7001 made-up-one' "$p" || bad "no title"
grep -qF 'A \<made-up\> rule with \$VARS and \*stars\*.' "$p" || bad "the summary is not escaped: $(sed -n 3p "$p")"
grep -qF '\_underscores\_, \[brackets\] and \<tags\>.' "$p" || bad "the prose is not escaped"
grep -qx '1\\. not a list' "$p" || bad "a line starting '1.' would become a list"
grep -qx '\\- not a bullet' "$p" || bad "a line starting '-' would become a bullet"
grep -qx '````' "$p" || bad "a code block holding \`\`\` needs a longer fence"
grep -qx 'www IN TXT "```"' "$p" || bad "the example lost its indentation or text"
grep -qx 'With an option:' "$p" && [ "$(grep -n 'With an option:' "$p" | cut -d: -f1)" -gt "$(grep -n '^## Examples' "$p" | cut -d: -f1)" ] ||
    bad "the line before Bad: does not introduce the examples"
grep -qx '### Bad' "$p" && grep -qx '### Good' "$p" || bad "no Bad/Good headings"
grep -qF -- '- [ZL8001 made-up-two](ZL8001.md)' "$p" || bad "the rule named in the text is not related"
grep -qF 'disable=made-up-one' "$p" || bad "no suppression"
grep -q '^## Examples' "$tmp/out/ZL8001.md" && bad "a rule without examples got an Examples section"
grep -qF -- '- [ZL7001 made-up-one](ZL7001.md)' "$tmp/out/ZL8001.md" || bad "relations are not both ways"
grep -qF '| [ZL8001](ZL8001.md) | `made-up-two` | info | no examples at all |' "$tmp/out/README.md" || bad "the index lacks ZL8001"
grep -q '^2 rules\.' "$tmp/out/README.md" || bad "the index does not count 2 rules"

# 300 rules: one page each
awk 'BEGIN { printf "["; for (i = 0; i < 300; i++) printf "%s{\"code\":\"ZL6%03d\",\"slug\":\"r%d\",\"severity\":\"error\",\"summary\":\"s\",\"explain\":\"e\\n\"}", i ? "," : "", i, i; print "]" }' >"$tmp/many.json"
mkdir -p "$tmp/many"
"$tool" "$tmp/many.json" "$tmp/many" && [ "$(ls "$tmp/many" | wc -l | tr -d ' ')" = 301 ] || bad "300 rules did not give 300 pages and an index"

for j in '[{"code":"../x","slug":"a","severity":"error","summary":"s","explain":"e"}]' \
    '[{"code":"ZL0001","slug":"A b","severity":"error","summary":"s","explain":"e"}]' \
    '[{"code":"ZL0001","slug":"a","severity":"error","summary":"s"}]' '[]' 'not json'; do
    printf '%s' "$j" >"$tmp/bad.json"
    mkdir -p "$tmp/bad"
    "$tool" "$tmp/bad.json" "$tmp/bad" 2>/dev/null
    [ $? = 2 ] || bad "rule-pages accepted $j"
done
[ -e "$tmp/x.md" ] && bad "a code of ../x wrote outside the output directory"
[ "$fail" = 0 ] && echo "docs: rule-pages handles made-up registries (2 and 300 rules, escaping, bad input)"
exit $fail
