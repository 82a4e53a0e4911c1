#!/bin/sh
# run.sh: run every test suite and end with the total "N passed, N failed".
#
# Suites: the unit-test binaries in $BUILD/tests, then every executable
# tests/*/run.sh and tests/sh/test_*.sh. Each suite prints its own closing
# "NAME: N passed, N failed" line; a suite that exits non-zero without one
# counts as one failure.
set -u
BUILD=${BUILD:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case $BUILD in
/*) BUILD_ABS=$BUILD ;;
*) BUILD_ABS=$(cd "$ROOT/$BUILD" 2>/dev/null && pwd || echo "$ROOT/$BUILD") ;;
esac
export BUILD BUILD_ABS ROOT
export PROGDIFF="$BUILD_ABS/progdiff"
export LC_ALL=C.UTF-8
unset PROGDIFF_REPO NO_COLOR PAGER GIT_DIR GIT_WORK_TREE
total_pass=0
total_fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run_suite() {
	"$@" >"$log" 2>&1
	status=$?
	cat "$log"
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -n "$line" ]; then
		p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
		f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
		total_pass=$((total_pass + p))
		total_fail=$((total_fail + f))
		if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
			echo "$*: exited $status"
			total_fail=$((total_fail + 1))
		fi
	else
		echo "$*: exited $status without a summary"
		total_fail=$((total_fail + 1))
	fi
}

for t in "$BUILD_ABS"/tests/test_*; do
	[ -x "$t" ] || continue
	run_suite "$t"
done
for s in "$ROOT"/tests/*/run.sh "$ROOT"/tests/sh/test_*.sh; do
	[ -f "$s" ] || continue
	run_suite sh "$s"
done

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
