#!/bin/sh
# run.sh: replay every fuzz target's corpus, tests/fuzz/corpus/<target>/,
# through the replay binaries that `make check` built ($BUILD/fuzz/
# replay_<target>, with the sanitizers of that build). Builds nothing.
# Each input is one test: it passes when the target returns normally.
set -u
. "$(dirname "$0")/../sh/lib.sh"
suite fuzz-replay
BUILD_ABS=${BUILD_ABS:-$ROOT/build}
unset PROGDIFF_REPO GIT_DIR GIT_WORK_TREE

for dir in "$ROOT"/tests/fuzz/corpus/*/; do
	target=$(basename "$dir")
	bin=$BUILD_ABS/fuzz/replay_$target
	check "$target: the replay binary is built" test -x "$bin"
	[ -x "$bin" ] || continue
	for input in "$dir"*; do
		[ -f "$input" ] || continue
		check "$target/$(basename "$input")" timeout 60 "$bin" "$input"
	done
done
finish
