#!/bin/sh
# run.sh: run every test suite and end with the total "N passed, N failed".
#
# Suites: the unit-test binaries in $BUILD/tests, then every executable
# tests/*/run.sh and tests/sh/test_*.sh. Each suite prints its own closing
# "NAME: N passed, N failed" line; a suite that exits non-zero without one
# counts as one failure. Suites run side by side (PD_TEST_JOBS lanes);
# their output is shown whole, one suite after another, in this order.
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
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# tally LOG STATUS NAME: add a suite's closing line to the totals
tally() {
	cat "$1"
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
	if [ -n "$line" ]; then
		p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
		f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
		total_pass=$((total_pass + p))
		total_fail=$((total_fail + f))
		if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
			echo "$3: exited $2"
			total_fail=$((total_fail + 1))
		fi
	else
		echo "$3: exited $2 without a summary"
		total_fail=$((total_fail + 1))
	fi
}

# The suites, in the order their results are shown. They run in
# PD_TEST_JOBS lanes at once (default: the processors), each lane taking
# the next suite that no other has taken, in the order below.
n=0
for t in "$BUILD_ABS"/tests/test_*; do
	[ -x "$t" ] || continue
	n=$((n + 1))
	echo "unit $t" >"$logs/$n.cmd"
done
for s in "$ROOT"/tests/*/run.sh "$ROOT"/tests/sh/test_*.sh; do
	[ -f "$s" ] || continue
	n=$((n + 1))
	echo "sh $s" >"$logs/$n.cmd"
done
# The order the lanes take them in: the suites that take longest first,
# so that the lanes end together (a suite not named here only starts
# later), then the rest from the last, the shell suites before the units.
: >"$logs/order"
for long in sh/test_store.sh cli/run.sh sh/test_shell.sh \
	sh/test_store_faults.sh hostile/run.sh real/run.sh; do
	grep -lxF "sh $ROOT/tests/$long" "$logs"/*.cmd 2>/dev/null |
		sed 's|.*/\([0-9]*\)\.cmd$|\1|' >>"$logs/order"
done
k=$n
while [ "$k" -ge 1 ]; do
	grep -qx "$k" "$logs/order" || echo "$k" >>"$logs/order"
	k=$((k - 1))
done
lanes=${PD_TEST_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
[ "$lanes" -ge 1 ] 2>/dev/null || lanes=1

# run K: suite K, its output in K.log and its exit status in K.rc
run() {
	read -r kind path <"$logs/$1.cmd"
	if [ "$kind" = sh ]; then
		sh "$path" >"$logs/$1.log" 2>&1
	else
		"$path" >"$logs/$1.log" 2>&1
	fi
	echo $? >"$logs/$1.rc"
}
lane=0
while [ "$lane" -lt "$lanes" ]; do
	(
		# the next suite no lane has claimed (mkdir is atomic)
		while read -r k; do
			mkdir "$logs/$k.claim" 2>/dev/null && run "$k"
		done <"$logs/order"
	) &
	lane=$((lane + 1))
done
wait

k=1
while [ "$k" -le "$n" ]; do
	tally "$logs/$k.log" "$(cat "$logs/$k.rc")" \
		"$(sed 's/^unit //' "$logs/$k.cmd")"
	k=$((k + 1))
done

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
