#!/bin/sh
# run.sh: replay every fuzz target's corpus, tests/fuzz/corpus/<target>/,
# through the replay binaries that `make check` built ($BUILD/fuzz/
# replay_<target>, with the sanitizers of that build). Builds nothing.
# Each input is one test: it passes when the target returns normally.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD_ABS=${BUILD_ABS:-$ROOT/build}
export GIT_CONFIG_NOSYSTEM=1
unset PROGDIFF_REPO GIT_DIR GIT_WORK_TREE
pass=0
fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for dir in "$ROOT"/tests/fuzz/corpus/*/; do
	target=$(basename "$dir")
	bin=$BUILD_ABS/fuzz/replay_$target
	if [ ! -x "$bin" ]; then
		echo "FAIL fuzz-replay/$target: $bin is not built"
		fail=$((fail + 1))
		continue
	fi
	n=0
	for input in "$dir"*; do
		[ -f "$input" ] || continue
		n=$((n + 1))
		if timeout 60 "$bin" "$input" >"$log" 2>&1; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL fuzz-replay/$target/$(basename "$input")"
			sed 's/^/    /' "$log" | head -30
		fi
	done
	echo "#    fuzz-replay/$target: $n inputs"
done
echo "fuzz-replay: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
