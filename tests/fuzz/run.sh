#!/bin/sh
# run.sh: replay every fuzz target's corpus, tests/fuzz/corpus/<target>/,
# through the replay binaries that `make check` built ($BUILD/fuzz/
# replay_<target>, with the sanitizers of that build). Builds nothing.
# Each input is one test: it passes when the target returns normally
# (all of a target's inputs run in one process unless one of them fails).
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
	set --
	for input in "$dir"*; do
		[ -f "$input" ] && set -- "$@" "$input"
	done
	[ $# -gt 0 ] || continue
	# all of them in one process, the way it is usually quick; when that
	# one does not return normally with every input counted, each input
	# again in a process of its own, so that each failure is its own
	if timeout $((60 * $#)) "$bin" "$@" >"$tmp/replay" 2>&1 &&
	   grep -qx "replay_$target: $# inputs" "$tmp/replay"; then
		for input in "$@"; do
			ok "$target/${input##*/}"
		done
	else
		for input in "$@"; do
			check "$target/${input##*/}" timeout 60 "$bin" "$input"
		done
	fi
done
finish
