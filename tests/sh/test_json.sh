#!/bin/sh
# test_json.sh: --format=json parses and follows progdiff/1 for every
# fixture pair, in both languages and with --details. The outputs are
# made first and checked in one Python process (json_check.py --each).
. "$(dirname "$0")/lib.sh"
suite json

n=0
: >"$tmp/cases"
# json_case DESC ARGS...: the JSON of `progdiff --format=json ARGS`, for
# the check below (an exit status above 1 fails the case)
json_case() {
	_desc=$1
	shift
	n=$((n + 1))
	progdiff --format=json "$@" >"$tmp/$n.json"
	[ $? -le 1 ] || echo "exit status above 1" >"$tmp/$n.json"
	printf '%s\t%s\n' "$tmp/$n.json" "$_desc" >>"$tmp/cases"
}

json_case "sodertorn sv" --lang=sv "$FIXTURES/sodertorn/2013.md" "$FIXTURES/sodertorn/2035.md"
json_case "sodertorn en details" --lang=en --details "$FIXTURES/sodertorn/2013.md" "$FIXTURES/sodertorn/2035.md"
for pair in "$FIXTURES"/pairs/*/; do
	name=$(basename "$pair")
	json_case "$name" "$pair/old.md" "$pair/new.md"
	json_case "$name details" --details "$pair/old.md" "$pair/new.md"
done
printf "" >"$tmp/empty.md"
for f in "$ROOT"/tests/hostile/*.md; do
	[ -f "$f" ] || continue
	json_case "hostile $(basename "$f") against itself and empty" "$tmp/empty.md" "$f"
done

# shellcheck disable=SC2046
python3 "$ROOT/tests/sh/json_check.py" --each $(cut -f1 "$tmp/cases") >"$tmp/checked"
# json_ok FILE: did FILE pass? (if not, the problem is shown)
json_ok() {
	grep -qxF "$1 ok" "$tmp/checked" || { grep -F "$1" "$tmp/checked"; false; }
}
while IFS="$(printf '\t')" read -r file desc; do
	check "$desc" json_ok "$file"
done <"$tmp/cases"

# --- details of tables: cells in JSON, a table in Markdown ------------
pair="$FIXTURES/pairs/targets-and-indicators"
progdiff --format=json --details "$pair/old.md" "$pair/new.md" >"$tmp/t.json"
check "every indicator change carries its table's cells" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
kinds = ("indicator-added", "indicator-removed", "indicator-changed",
         "table-header-changed")
tc = [c for c in d["changes"] if c["kind"] in kinds]
assert len(tc) == 4, len(tc)
for c in tc:
    t = c["table"]
    assert t["header"][0] == "Indikator", t
    rows = t["old_rows"] + t["new_rows"]
    if c["kind"] == "table-header-changed":
        assert not rows and t["old_header"][1] == "Utgångsvärde 2019", t
    else:
        assert rows and all(r[0] == c["goal"] for r in rows), t
' "$tmp/t.json"
printf '# Plan\n\n## Uppföljning\n\nText.\n\n| Mått | Värde |\n| --- | --- |\n| Besök | 100 |\n' >"$tmp/a.md"
printf '# Plan\n\n## Uppföljning\n\nText, nu längre.\n\n| Mått | Värde \\| enhet |\n| --- | --- |\n| Besök | 120 |\n| Lån | 7 |\n' >"$tmp/b.md"
progdiff --format=json --details "$tmp/a.md" "$tmp/b.md" >"$tmp/b.json" 2>/dev/null
check "a changed table block in details is its rows of cells, an escaped pipe unescaped" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
ts = [b["table"] for c in d["changes"] for b in c.get("details", [])
      if "table" in b]
assert ts == [{"header": ["Mått", "Värde | enhet"], "old_header": ["Mått", "Värde"],
               "old_rows": [["Besök", "100"]],
               "new_rows": [["Besök", "120"], ["Lån", "7"]]}], ts
' "$tmp/b.json"
progdiff --format=markdown --details "$tmp/a.md" "$tmp/b.md" >"$tmp/b.md.out" 2>/dev/null
# table_lines_ok FILE: every table line of the list opens and closes on a
# pipe that is not escaped, and only a pipe inside a cell is escaped
table_lines_ok() {
	grep '^  |' "$1" >"$tmp/lines" && [ -s "$tmp/lines" ] &&
	! grep -v '^  | .* |$' "$tmp/lines" &&
	! grep '\\|$' "$tmp/lines" &&
	[ "$(grep -o '\\|' "$tmp/lines" | wc -l)" -eq "$(grep -c 'enhet' "$tmp/lines")" ]
}
check "--details in Markdown: a table whose pipes are not all escaped" \
	table_lines_ok "$tmp/b.md.out"
finish
