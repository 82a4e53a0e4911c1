#!/bin/sh
# run.sh: the command-line golden tests (after git's t4013-diff-various).
#
# Each tests/cli/cases/<name>/ holds
#   cmd              a shell command line; `progdiff` is the binary under test,
#                    $FIXTURES the fixtures folder (a relative path, so that
#                    outputs do not depend on where the tree is), run in a
#                    fresh temp folder
#   expected.out     the exact standard output (or expected.path: a file name
#                    relative to the repository root that holds it)
#   expected.status  the exit status (0 when absent)
#   expected.err     the exact standard error (optional)
# A missing expected.out is written from the actual output and the case
# fails until it is reviewed; PROGDIFF_UPDATE_GOLDEN=1 rewrites them all.
set -u
. "$(dirname "$0")/../sh/lib.sh"
suite cli
unset PROGDIFF_REPO NO_COLOR PAGER

# golden CASE: run CASE's cmd, compare with what it expects (a few
# processes a case: the run itself and the comparison)
golden() {
	case=${1%/}
	name=${case##*/}
	work="$tmp/work/$name"
	# a relative fixtures path keeps the outputs free of where the tree is
	ln -s "$ROOT/fixtures" "$work/fixtures"
	(cd "$work" && FIXTURES=fixtures exec sh "$case/cmd" \
		>"$tmp/out" 2>"$tmp/err" </dev/null)
	status=$?
	want_status=0
	[ ! -f "$case/expected.status" ] || read -r want_status <"$case/expected.status"
	if [ -f "$case/expected.path" ]; then
		read -r expected <"$case/expected.path"
		expected=$ROOT/$expected
	else
		expected="$case/expected.out"
	fi
	ok=1
	if [ ! -f "$expected" ] || [ "${PROGDIFF_UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$tmp/out" "$expected"
		[ -f "$case/expected.status" ] || echo "$status" >"$case/expected.status"
		echo "  wrote $expected: review it"
		[ "${PROGDIFF_UPDATE_GOLDEN:-}" = 1 ] || ok=0
	fi
	if ! diff -u "$expected" "$tmp/out" >"$tmp/diff"; then
		ok=0
		head -40 "$tmp/diff"
	fi
	if [ "$status" != "$want_status" ]; then
		ok=0
		echo "exit status $status, want $want_status"
	fi
	if [ -f "$case/expected.err" ] && ! diff -u "$case/expected.err" "$tmp/err" >"$tmp/diff"; then
		ok=0
		head -20 "$tmp/diff"
	fi
	[ $ok = 1 ] || sed 's/^/stderr: /' "$tmp/err" | head -5
	[ $ok = 1 ]
}

# every case's folder, made at once
set --
for case in "$ROOT"/tests/cli/cases/*/; do
	case=${case%/}
	set -- "$@" "$tmp/work/${case##*/}"
done
mkdir -p "$@"
for case in "$ROOT"/tests/cli/cases/*/; do
	case=${case%/}
	check "${case##*/}" golden "$case"
done
finish
