#!/bin/sh
# run.sh: the real programme histories in fixtures/real/. Each case folder
# holds one Markdown file per version and expected.json, the changes a
# careful reader lists for each pair of versions (fixtures/real/README.md);
# score.py first checks expected.json against the versions (names exist,
# text changes listed exactly where texts differ), then
# runs progdiff --format=json --lang=en on every pair and fails a
# pair that misses a required change or makes a forbidden report. Then
# visible_words.py checks, over every pair of versions the project has and
# pairs made from them by small random edits, that a change of the words a
# reader sees is reported (exit 1 and at least one change).
set -u
LC_ALL=C.UTF-8
export LC_ALL
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
PROGDIFF=${PROGDIFF:-$ROOT/build/progdiff}
unset PROGDIFF_REPO NO_COLOR PAGER
out=$(mktemp)
one=$(mktemp)
trap 'rm -f "$out" "$one"' EXIT
# run NAME COMMAND...: a command that exits non-zero without a FAIL line of
# its own (a crash) counts as one failure
run() {
	name=$1
	shift
	"$@" >"$one" 2>&1 || grep -q '^FAIL ' "$one" ||
		echo "FAIL $name: $* exited without a verdict" >>"$one"
	cat "$one" >>"$out"
}
for case in "$ROOT"/fixtures/real/*/; do
	[ -f "$case/expected.json" ] || continue
	run "real/$(basename "$case")" python3 "$ROOT/tests/real/score.py" "$PROGDIFF" "$case"
done
run real/visible-words python3 "$ROOT/tests/real/visible_words.py" "$PROGDIFF" "$ROOT"
cat "$out"
pass=$(grep -c '^ok   ' "$out")
fail=$(grep -c '^FAIL ' "$out")
echo "real: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
