#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh: the benchmark behind `make bench`.
#
# For every case, generate a programme pair with known edits (gen.c), then
# run, BENCH_RUNS times and interleaved so that all three see the same
# machine state:
#
#   progdiff --format=json OLD NEW              the semantic diff
#   cmark OLD >/dev/null; cmark NEW >/dev/null  parsing both: the floor
#   git diff --no-index --word-diff OLD NEW     a structure-blind diff
#
# and record the median wall time, processor time (user + system) and
# peak RSS of each (measure.c); progdiff and cmark are also run pinned to
# one core (taskset -c 0), as on a one-core runner or a busy laptop.
# Every case runs on each seed of BENCH_SEEDS, each seed a different pair
# with its own ground truth. progdiff's change list is scored against the
# ground truth (score.py). The tables go to stdout and to
# tests/bench/RESULTS.md.
#
#   sh tests/bench/run.sh bench   the benchmark (make bench)
#   sh tests/bench/run.sh         a quick check that the benchmark works,
#                                 as a suite of `make check`: the generator
#                                 is deterministic, progdiff reads its
#                                 output and is accurate on the 100 KB pair
#                                 and accepts nesting at depth 60; ends
#                                 with "bench: N passed, N failed"
#
# Environment:
#   BENCH_RUNS     runs per case and tool (default 5)
#   BENCH_SIZES    realistic sizes (default "100k 1m 10m"; "" for none)
#   BENCH_CASES    stress shapes (default: all; "" for none)
#   BENCH_TIMEOUT  seconds before one command is killed (default 120)
#   BENCH_SLOW     a progdiff run slower than this many seconds is not
#                  repeated (default 20)
#   BENCH_SEEDS    generator seeds, each case runs on every one
#                  (default "1 2"; BENCH_SEED=N is one seed)
#   BENCH_RESULTS  where to write the report (default tests/bench/RESULTS.md)
#   BUILD, CC, PROGDIFF, CMARK, GIT
set -eu
export LC_ALL=C.UTF-8
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in
/*) BUILD_ABS=$BUILD ;;
*) BUILD_ABS=$ROOT/$BUILD ;;
esac
CC=${CC:-cc}
PROGDIFF=${PROGDIFF:-$BUILD_ABS/progdiff}
CMARK=${CMARK:-cmark}
GIT=${GIT:-git}
RUNS=${BENCH_RUNS:-5}
SIZES=${BENCH_SIZES-100k 1m 10m}
CASES=${BENCH_CASES-prose-1m prose-10m en-1m renamed-20k siblings-50k equal-10k nest-deep nest-60 para-5m}
TIMEOUT=${BENCH_TIMEOUT:-120}
SLOW=${BENCH_SLOW:-20}
SEEDS=${BENCH_SEEDS:-${BENCH_SEED:-1 2}}
RESULTS=${BENCH_RESULTS:-$ROOT/tests/bench/RESULTS.md}
WORK=$BUILD_ABS/bench
unset GIT_DIR GIT_WORK_TREE PROGDIFF_REPO NO_COLOR PAGER GIT_EXTERNAL_DIFF
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null

die() {
	echo "bench: $*" >&2
	exit 2
}

for tool in "$PROGDIFF" "$CMARK" "$GIT" python3; do
	command -v "$tool" >/dev/null 2>&1 ||
		die "'$tool' not found (make deps installs cmark, git, python3)"
done

mkdir -p "$WORK/cases"
# the two helpers, compiled again only when their source is newer
for tool in gen measure; do
	[ "$WORK/$tool" -nt "$ROOT/tests/bench/$tool.c" ] ||
		$CC -std=c99 -O2 -o "$WORK/$tool" "$ROOT/tests/bench/$tool.c" ||
		die "cannot compile $tool.c"
done
MEASURE=$WORK/measure

if [ "${1:-check}" != bench ]; then
	. "$ROOT/tests/sh/lib.sh"
	suite bench
	d=$WORK/check
	rm -rf "$d"
	mkdir -p "$d/a" "$d/b" "$d/n"
	"$WORK/gen" size-100k "$d/a" 7 && "$WORK/gen" size-100k "$d/b" 7 &&
		cmp -s "$d/a/new.md" "$d/b/new.md" &&
		cmp -s "$d/a/truth.tsv" "$d/b/truth.tsv" &&
		ok "generator is deterministic" ||
		not_ok "generator is deterministic"
	mkdir -p "$d/e1" "$d/e2" "$d/e3"
	"$WORK/gen" en-1m "$d/e1" 3 && "$WORK/gen" en-1m "$d/e2" 3 &&
		"$WORK/gen" en-1m "$d/e3" 4 &&
		cmp -s "$d/e1/new.md" "$d/e2/new.md" &&
		cmp -s "$d/e1/truth.tsv" "$d/e2/truth.tsv" &&
		! cmp -s "$d/e1/new.md" "$d/e3/new.md" &&
		! grep -q '^---$' "$d/e1/old.md" &&
		ok "other shapes are deterministic, and differ by seed" ||
		not_ok "other shapes are deterministic, and differ by seed"
	line=$("$MEASURE" -t 10 true ::: false)
	echo "$line" | grep -qE '^[0-9.]+ [0-9]+ 0,1 [0-9.]+$' &&
		ok "measure reports time, memory and statuses" ||
		not_ok "measure reports time, memory and statuses (got '$line')"
	st=$("$MEASURE" -t 60 -o "$d/a/changes.json" "$PROGDIFF" \
		--format=json "$d/a/old.md" "$d/a/new.md" | awk '{ print $3 }')
	if [ "$st" = 1 ] && python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if d["schema"] == "progdiff/1" and d["changes"] else 1)' \
		"$d/a/changes.json" 2>/dev/null; then
		ok "progdiff reads a generated pair and writes progdiff/1 JSON"
	else
		not_ok "progdiff reads a generated pair and writes progdiff/1 JSON (exit $st)"
	fi
	if python3 "$ROOT/tests/bench/score.py" "$d/a/truth.tsv" \
		"$d/a/changes.json" size-100k >"$d/a/score.txt" 2>&1; then
		ok "changes of the 100 KB pair match the ground truth"
	else
		cat "$d/a/score.txt"
		not_ok "changes of the 100 KB pair match the ground truth"
	fi
	# a programme of another shape, whose areas all speak one small
	# vocabulary: shared words make no rename, split or merge
	for seed in 1 2; do
		mkdir -p "$d/s$seed"
		"$WORK/gen" en-1m "$d/s$seed" $seed
		"$PROGDIFF" --format=json "$d/s$seed/old.md" \
			"$d/s$seed/new.md" >"$d/s$seed/changes.json" || :
		if python3 "$ROOT/tests/bench/score.py" "$d/s$seed/truth.tsv" \
			"$d/s$seed/changes.json" en-1m >"$d/s$seed/score.txt" 2>&1; then
			ok "changes of the English 1 MB pair, seed $seed, match the ground truth"
		else
			cat "$d/s$seed/score.txt"
			not_ok "changes of the English 1 MB pair, seed $seed, match the ground truth"
		fi
	done
	"$WORK/gen" nest-60 "$d/n" 7
	st=$("$MEASURE" -t 60 "$PROGDIFF" --format=json "$d/n/old.md" \
		"$d/n/new.md" | awk '{ print $3 }')
	[ "$st" = 1 ] && ok "progdiff accepts nesting at depth 60" ||
		not_ok "progdiff accepts nesting at depth 60 (exit $st)"
	finish
	exit
fi

# The targets of a case, progdiff / cmark: "WALL CPU MEMORY", or "- - -".
target_for() {
	case $1 in
	size-1m | prose-1m | en-1m) echo 1.8 3.0 3 ;;
	size-10m | prose-10m) echo 1.4 2.5 2.5 ;;
	renamed-20k | siblings-50k | equal-10k) echo 2.5 4.0 3 ;;
	nest-deep | nest-60 | para-5m) echo 1.8 3.0 3 ;;
	*) echo - - - ;;
	esac
}

PIN=""
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
	PIN="taskset -c 0"
fi

# median FILE COLUMN: the median of a column of numbers (lower middle
# for an even count).
median() {
	awk -v c="$2" '{ print $c }' "$1" | sort -g |
		awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print "nan" }'
}

timing=$WORK/timing.md
accuracy=$WORK/accuracy.md
notes=$WORK/notes.txt
: >"$timing"
: >"$accuracy"
: >"$notes"
: >"$accuracy.sum"
fails=0

load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
all_cases=""
for s in $SIZES; do
	all_cases="$all_cases size-$s"
done
all_cases="$all_cases $CASES"

for SEED in $SEEDS; do
for c in $all_cases; do
	dir=$WORK/cases/$c-$SEED
	mkdir -p "$dir"
	"$WORK/gen" "$c" "$dir" "$SEED" || die "gen $c failed"
	old=$dir/old.md
	new=$dir/new.md
	bytes=$(($(wc -c <"$old") + $(wc -c <"$new")))
	echo "bench: $c, seed $SEED ($bytes bytes, $RUNS runs)" >&2

	# one run, untimed, keeps the JSON for scoring and warms the cache
	"$MEASURE" -t "$TIMEOUT" -o "$dir/changes.json" \
		"$PROGDIFF" --format=json "$old" "$new" >"$dir/first"
	first_s=$(awk '{ print $1 }' "$dir/first")
	pd_status=$(awk '{ print $3 }' "$dir/first")

	: >"$dir/t.progdiff"
	: >"$dir/t.cmark"
	: >"$dir/t.git"
	: >"$dir/t.progdiff1"
	: >"$dir/t.cmark1"
	pd_runs=$RUNS
	if [ "$pd_status" = 124 ] ||
		awk -v t="$first_s" -v s="$SLOW" 'BEGIN { exit !(t > s) }'; then
		pd_runs=1
	fi
	# one run wanted, or one too slow to repeat: the first is the timing
	[ "$pd_runs" -gt 1 ] || cp "$dir/first" "$dir/t.progdiff"
	r=0
	while [ "$r" -lt "$RUNS" ]; do
		r=$((r + 1))
		if [ "$r" -le "$pd_runs" ] && [ "$pd_runs" -gt 1 ]; then
			"$MEASURE" -t "$TIMEOUT" "$PROGDIFF" --format=json \
				"$old" "$new" >>"$dir/t.progdiff"
		fi
		"$MEASURE" -t "$TIMEOUT" "$CMARK" "$old" ::: "$CMARK" "$new" \
			>>"$dir/t.cmark"
		"$MEASURE" -t "$TIMEOUT" "$GIT" diff --no-index --word-diff \
			"$old" "$new" >>"$dir/t.git"
		if [ -n "$PIN" ]; then
			if [ "$r" -le "$pd_runs" ]; then
				$PIN "$MEASURE" -t "$TIMEOUT" "$PROGDIFF" \
					--format=json "$old" "$new" \
					>>"$dir/t.progdiff1"
			fi
			$PIN "$MEASURE" -t "$TIMEOUT" "$CMARK" "$old" ::: \
				"$CMARK" "$new" >>"$dir/t.cmark1"
		fi
	done

	pt=$(median "$dir/t.progdiff" 1)
	pm=$(median "$dir/t.progdiff" 2)
	ct=$(median "$dir/t.cmark" 1)
	cm=$(median "$dir/t.cmark" 2)
	gt=$(median "$dir/t.git" 1)
	gm=$(median "$dir/t.git" 2)
	pc=$(median "$dir/t.progdiff" 4)
	ccpu=$(median "$dir/t.cmark" 4)
	pt1=$(median "$dir/t.progdiff1" 1)
	ct1=$(median "$dir/t.cmark1" 1)
	read -r target target_cpu target_mem <<EOF
$(target_for "$c")
EOF
	case $pd_status in
	0 | 1) status_note=$pd_status ;;
	124) status_note="timeout (${TIMEOUT} s)" ;;
	*) status_note="$pd_status (error)" ;;
	esac
	echo "$c-$SEED $pt $ct $gt $pm $cm $pc $ccpu" >>"$notes"
	awk -v c="$c" -v sd="$SEED" -v b="$bytes" -v pt="$pt" -v ct="$ct" \
		-v gt="$gt" -v pc="$pc" -v cc="$ccpu" -v pt1="$pt1" -v ct1="$ct1" \
		-v pm="$pm" -v cm="$cm" -v gm="$gm" -v tg="$target" \
		-v tc="$target_cpu" -v tm="$target_mem" \
		-v st="$status_note" -v n="$pd_runs" 'BEGIN {
		rc = (ct > 0) ? pt / ct : 0
		rg = (gt > 0) ? pt / gt : 0
		rm = (cm > 0) ? pm / cm : 0
		rcpu = (cc > 0) ? pc / cc : 0
		r1 = (ct1 > 0) ? pt1 / ct1 : 0
		miss = ""
		if (tg != "-") {
			if (rc > tg + 0) miss = miss " wall"
			if (rcpu > tc + 0) miss = miss " CPU"
			if (rm > tm + 0) miss = miss " memory"
		}
		if (tg == "-")
			verdict = "-"
		else if (c == "nest-deep" && st ~ /^2 /)
			verdict = ((miss == "") ? "ok" : "**miss**" miss) " (refused: nesting limit)"
		else if (st !~ /^[01]$/)
			verdict = "**miss** (exit " st ")"
		else
			verdict = (miss == "") ? "ok" : "**miss**" miss
		printf "| %s | %s | %.1f MB | %.3f%s | %.3f | %.3f | %.2f | %.2f | %s | %.2f | %s | %.1f | %.1f | %.1f | %.2f | %s | %s | %s |\n",
			c, sd, b / 1e6, pt, (n == 1 ? " (n=1)" : ""), ct, gt, rc,
			rg, (tg == "-" ? "-" : "≤ " tg), rcpu,
			(tc == "-" ? "-" : "≤ " tc), pm / 1024, cm / 1024,
			gm / 1024, rm, (tm == "-" ? "-" : "≤ " tm),
			(ct1 > 0 ? sprintf("%.2f", r1) : "-"), verdict
	}' >>"$timing"

	case $pd_status in
	0 | 1)
		if ! python3 "$ROOT/tests/bench/score.py" "$dir/truth.tsv" \
			"$dir/changes.json" "$c" >"$dir/score.txt"; then
			fails=$((fails + 1))
		fi
		;;
	2)
		if [ "$c" = nest-deep ]; then
			# refusing it at the nesting limit is allowed
			printf '| %s | (not scored: refused at the nesting limit) | | | | | |\nscore: not scored (refused, exit 2)\n' \
				"$c" >"$dir/score.txt"
		else
			printf '| %s | (not scored: progdiff exited 2) | | | | | |\nscore: FAIL (exit 2)\n' \
				"$c" >"$dir/score.txt"
			fails=$((fails + 1))
		fi
		;;
	*)
		printf '| %s | (not scored: progdiff exited %s) | | | | | |\nscore: FAIL (exit %s)\n' \
			"$c" "$pd_status" "$pd_status" >"$dir/score.txt"
		fails=$((fails + 1))
		;;
	esac
	sed "s/^| $c |/| $c | $SEED |/" "$dir/score.txt" | grep '^|' \
		>>"$accuracy" || true
	sum=$(grep -E '^(split-renames|score):' "$dir/score.txt" | tr '\n' ' ')
	echo "- $c, seed $SEED: $sum" >>"$accuracy.sum"
done
done

# Scaling and memory at 10 MB, per seed and shape, when both sizes ran.
scaling=""
for SEED in $SEEDS; do
	for pair in size-1m:size-10m prose-1m:prose-10m; do
		p1=${pair%:*}-$SEED
		p10=${pair#*:}-$SEED
		grep -q "^$p1 " "$notes" && grep -q "^$p10 " "$notes" || continue
		scaling="$scaling$(awk -v a="$p1" -v z="$p10" '
		$1 == a { t1 = $2; c1 = $7 }
		$1 == z { t10 = $2; pm = $5; cm = $6; c10 = $7 }
		END {
			s = (t1 > 0) ? t10 / t1 : 0
			sc = (c1 > 0) ? c10 / c1 : 0
			m = (cm > 0) ? pm / cm : 0
			printf "- %s: time 10 MB / 1 MB: %.1f (target ≤ 12): %s (CPU time: %.1f); peak memory at 10 MB, progdiff / cmark: %.2f (target ≤ 2.5): %s\n", z, s, (s <= 12 ? "ok" : "**miss**"), sc, m, (m <= 2.5 ? "ok" : "**miss**")
		}' "$notes")
"
	done
done

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
{
	echo "# Benchmark results"
	echo
	echo "Written by \`make bench\` (tests/bench/run.sh); see doc/benchmark.md for"
	echo "the cases and how to read the tables."
	echo
	echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- Machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $(uname -sr)"
	echo "- progdiff: $("$PROGDIFF" --version 2>&1 | head -n 1)"
	echo "- cmark: $("$CMARK" --version 2>&1 | head -n 1)"
	echo "- git: $("$GIT" --version 2>&1 | head -n 1)"
	echo "- Compiler: $($CC --version 2>&1 | head -n 1)"
	echo "- Runs per case: $RUNS (median), seeds: $SEEDS"
	echo "- One core: ${PIN:-not measured (no taskset)}"
	echo "- Load average (1, 5, 15 min) at the start: $load_start; at the end:" \
		"$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")." \
		"Other work on the machine slows every tool; the ratios come" \
		"from runs interleaved in time, so they suffer least."
	echo
	echo "## Time and memory"
	echo
	echo "Medians; \"cmark\" parses both files, one after the other. Wall"
	echo "time is what a user waits for with two free cores; processor time"
	echo "(CPU: user + system of the whole process, both threads) is what"
	echo "one waits for on one core, and is less disturbed by other work on"
	echo "the machine; \"1 core\" is the wall-time ratio of runs pinned to"
	echo "one core (taskset -c 0). Memory is peak RSS in MiB (for cmark, the"
	echo "larger of its two runs). The verdict judges the wall, CPU and"
	echo "memory ratios against their targets and names those missed."
	echo
	echo "| case | seed | old+new | progdiff s | cmark s | git word-diff s | wall / cmark | progdiff / git | target | CPU / cmark | target | progdiff MiB | cmark MiB | git MiB | memory / cmark | target | 1 core / cmark | verdict |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | --- |"
	cat "$timing"
	echo
	if [ -n "$scaling" ]; then
		printf '%s\n' "$scaling"
	fi
	echo "## Accuracy against the generated ground truth"
	echo
	echo "Per change kind: changes in the truth, reported, matched; target"
	echo "≥ 0.98 for area-added/removed/renamed/moved, goal-moved, goal-renamed."
	echo
	echo "| case | seed | kind | truth | reported | hits | precision | recall |"
	echo "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
	cat "$accuracy"
	echo
	cat "$accuracy.sum"
} >"$RESULTS"
rm -f "$accuracy.sum"

cat "$RESULTS"
echo "bench: report written to $RESULTS" >&2
[ "$fails" -eq 0 ] || echo "bench: $fails case(s) below the accuracy bar" >&2
exit 0
