#!/bin/sh
# run.sh: the hostile-input table, tests/hostile/cases.tsv. For each case
# its inputs are made by gen.py (none are committed: some are megabytes),
# the command runs in a fresh folder under `timeout 10`, and the case
# passes when the exit status, standard error and the check of standard
# output are as listed and it took little enough processor time (user and
# system, so that a busy machine does not fail it): 2 s when its inputs
# are at most 1 MB, 10 s otherwise; `timeout` still kills a hang after 10
# s of wall-clock time. Both times are shown for every case. HOSTILE_FILTER=TEXT runs only the cases whose name has TEXT.
# The inputs are made, and the outputs checked, in one Python process each.
# These bounds catch a hang or a blow-up, not a slowdown (make bench
# measures speed): PD_TIME_SCALE multiplies them, and make check sets it
# to 10 for a sanitizer build, which runs many times slower.
set -u
. "$(dirname "$0")/../sh/lib.sh"
suite hostile
HERE=$ROOT/tests/hostile
scale=${PD_TIME_SCALE:-1}
unset PROGDIFF_MAX_SIZE GIT_DIR GIT_WORK_TREE
mkdir -p "$tmp/inputs"
OK=$ROOT/fixtures/sodertorn/2035.md
OLD=$ROOT/fixtures/sodertorn/2013.md
STORE=$tmp/store
export OK OLD STORE
TAB=$(printf '\t')

if ! { progdiff init "$STORE" && progdiff add --repo "$STORE" "$OLD" &&
       progdiff add --repo "$STORE" "$OK"; } >"$tmp/setup" 2>&1; then
	echo "hostile: cannot make the store:"
	cat "$tmp/setup"
fi

ms() { date +%s%N | cut -c1-13; }
# the processor time (user and system) of the children waited for so far,
# what a case costs whatever else the machine is doing,
# in ms, into $cpu (`times` in this shell: a subshell would count its own)
cpu_now() {
	times >"$tmp/times"
	cpu=$(awk 'NR == 2 {
		split($1, u, "m"); split($2, s, "m")
		printf "%d\n", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }' \
		"$tmp/times")
}

# verdict WHY ERR: a case passes when nothing was wrong with it
verdict() {
	[ -z "$1" ] && return 0
	echo "$1"
	sed 's/^/stderr: /' "$2" | head -3
	return 1
}

# the cases, filtered; then every input they need, made in one process
grep -v '^#' "$HERE/cases.tsv" | grep -v '^$' |
	while IFS="$TAB" read -r name rest; do
		case $name in *"${HOSTILE_FILTER:-}"*) printf '%s\t%s\n' "$name" "$rest" ;; esac
	done >"$tmp/cases"
need=
for g in $(cut -f2 "$tmp/cases" | tr ',' '\n' | grep -vx -- - | sort -u); do
	need="$need $g"
done
# shellcheck disable=SC2086
[ -z "$need" ] || python3 "$HERE/gen.py" --into "$tmp/inputs" "$ROOT" $need ||
	echo "    gen.py failed"

# run each case; what its output must pass is checked below, all at once
mkdir -p "$tmp/outs"
: >"$tmp/checks"
: >"$tmp/verdicts"
while IFS="$TAB" read -r name inputs cmd want_status want_err check; do
	IN=
	IN2=
	size=0
	if [ "$inputs" != - ]; then
		i=0
		for g in $(echo "$inputs" | tr ',' ' '); do
			f=$tmp/inputs/$g.md
			size=$((size + $(wc -c <"$f")))
			i=$((i + 1))
			if [ $i = 1 ]; then IN=$f; else IN2=$f; fi
		done
	fi
	export IN IN2
	work=$tmp/work/$name
	mkdir -p "$work"
	out=$tmp/outs/$name
	start=$(ms)
	cpu_now
	cpu_start=$cpu
	(cd "$work" && timeout $((10 * scale)) sh -c "$cmd" >"$out.out" \
		2>"$out.err" </dev/null)
	status=$?
	elapsed=$(($(ms) - start))
	cpu_now
	cpu=$((cpu - cpu_start))
	rm -rf "$work"
	bound=$((2000 * scale))
	[ "$size" -le 1048576 ] || bound=$((10000 * scale))
	why=
	[ "$want_status" = '*' ] || [ "$status" = "$want_status" ] ||
		why="exit status $status, want $want_status"
	[ "$status" != 124 ] || why="killed after $((10 * scale)) s"
	case $want_err in
	'*') ;;
	-) [ ! -s "$out.err" ] || why="${why:+$why; }stderr is not empty" ;;
	*) grep -qF -- "$want_err" "$out.err" ||
		why="${why:+$why; }stderr lacks '$want_err'" ;;
	esac
	case $check in
	-) ;;
	empty) [ ! -s "$out.out" ] || why="${why:+$why; }stdout fails 'empty'" ;;
	noctl|json|sgr) echo "$name $check $out.out" >>"$tmp/checks" ;;
	*) why="${why:+$why; }unknown check '$check'" ;;
	esac
	[ "$cpu" -le "$bound" ] ||
		why="${why:+$why; }took $cpu ms of processor time, more than $bound"
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$size" \
		"$elapsed ms, $cpu ms cpu" "$status" "$check" "$why" >>"$tmp/verdicts"
done <"$tmp/cases"
python3 "$HERE/check_output.py" --many "$tmp/checks" >"$tmp/checked" ||
	echo "    check_output.py failed"

while IFS="$TAB" read -r name size elapsed status check why; do
	got=$(grep -m1 "^$name " "$tmp/checked" | cut -d' ' -f2-)
	case $check in
	noctl|json|sgr) [ "$got" = ok ] ||
		why="${why:+$why; }stdout fails '$check': $(printf '%s' "$got" | head -c 300)" ;;
	esac
	check "$name ($size bytes, $elapsed, exit $status)" verdict "$why" \
		"$tmp/outs/$name.err"
done <"$tmp/verdicts"
finish
