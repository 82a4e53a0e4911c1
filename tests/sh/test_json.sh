#!/bin/sh
# test_json.sh: --format=json parses and follows progdiff/1 for every
# fixture pair, in both languages and with --details.
. "$(dirname "$0")/lib.sh"
suite json

json_ok() {
	progdiff --format=json "$@" >"$tmp/out.json"
	status=$?
	[ $status -le 1 ] || return 1
	python3 "$ROOT/tests/sh/json_check.py" "$tmp/out.json"
}

check "sodertorn sv" json_ok --lang=sv "$FIXTURES/sodertorn/2013.md" "$FIXTURES/sodertorn/2035.md"
check "sodertorn en details" json_ok --lang=en --details "$FIXTURES/sodertorn/2013.md" "$FIXTURES/sodertorn/2035.md"
for pair in "$FIXTURES"/pairs/*/; do
	name=$(basename "$pair")
	check "$name" json_ok "$pair/old.md" "$pair/new.md"
	check "$name details" json_ok --details "$pair/old.md" "$pair/new.md"
done
for f in "$ROOT"/tests/hostile/*.md; do
	[ -f "$f" ] || continue
	check "hostile $(basename "$f") against itself and empty" \
		sh -c 'printf "" >"$1/empty.md"; progdiff --format=json "$1/empty.md" "$2" >"$1/h.json"; [ $? -le 1 ] && python3 "$3/tests/sh/json_check.py" "$1/h.json"' _ "$tmp" "$f" "$ROOT"
done
finish
