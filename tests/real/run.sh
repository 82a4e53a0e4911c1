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
. "$(dirname "$0")/../sh/lib.sh"
suite real

set --
for case in "$ROOT"/fixtures/real/*/; do
	[ -f "$case/expected.json" ] && set -- "$@" "$case"
done
verdicts real/cases python3 "$ROOT/tests/real/score.py" "$PROGDIFF" "$@"
verdicts real/visible-words python3 "$ROOT/tests/real/visible_words.py" "$PROGDIFF" "$ROOT"
finish
