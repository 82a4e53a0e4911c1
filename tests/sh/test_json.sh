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
finish
