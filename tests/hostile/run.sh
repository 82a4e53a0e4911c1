#!/bin/sh
# run.sh: the hostile-input table, tests/hostile/cases.tsv. For each case
# its inputs are made by gen.py (none are committed: some are megabytes),
# the command runs in a fresh folder, and the case passes when the exit
# status, standard error and the check of standard output are as listed
# and its work stayed in bounds: 2 s of CPU time when its inputs are at
# most 1 MB, 10 s otherwise, counted by the kernel for the command and its
# children (`times`), so that a busy machine, which delays the command but
# does not make it do more, cannot fail a case. `ulimit -t` stops a
# runaway at 10 s of CPU (`timeout` only a command that waits forever).
# CPU milliseconds are shown for every case. HOSTILE_FILTER=TEXT runs only
# the cases whose name has TEXT. These bounds catch a blow-up, not a
# slowdown (make bench measures speed): PD_TIME_SCALE multiplies them, and
# make check sets it to 10 for a sanitizer build, which runs many times
# slower.
set -u
. "$(dirname "$0")/../sh/lib.sh"
suite hostile
HERE=$ROOT/tests/hostile
scale=${PD_TIME_SCALE:-1}
unset PROGDIFF_MAX_SIZE
mkdir -p "$tmp/inputs" "$tmp/runs"
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

# every input the chosen cases need, made by one gen.py
wanted=$(awk -F '\t' -v only="${HOSTILE_FILTER:-}" '
	$1 != "" && $1 !~ /^#/ && index($1, only) && $2 != "-" {
		n = split($2, g, ","); for (i = 1; i <= n; i++) print g[i] }' \
	"$HERE/cases.tsv" | sort -u)
# shellcheck disable=SC2086 # one word per input name
[ -z "$wanted" ] || python3 "$HERE/gen.py" "$ROOT" "$tmp/inputs" $wanted ||
	echo "    gen.py failed"

# Run each case; what it did goes to runs/N (name, input bytes, CPU ms,
# exit status, what is wrong so far), its stderr to runs/N.err. The
# outputs that check_output.py judges wait in runs/N.out for one run of
# it over them all, listed (KIND FILE...) as the positional parameters.
set --
n=0
while IFS="$TAB" read -r name inputs cmd want_status want_err check; do
	case $name in ''|'#'*) continue ;; esac
	case $name in *"${HOSTILE_FILTER:-}"*) ;; *) continue ;; esac
	n=$((n + 1))
	IN=
	IN2=
	size=0
	if [ "$inputs" != - ]; then
		i=0
		for g in $(echo "$inputs" | tr ',' ' '); do
			f=$tmp/inputs/$g.md
			[ -f "$f" ] && size=$((size + $(wc -c <"$f")))
			i=$((i + 1))
			if [ $i = 1 ]; then IN=$f; else IN2=$f; fi
		done
	fi
	export IN IN2
	work=$tmp/work/$name
	mkdir -p "$work"
	out=$tmp/runs/$n.out
	err=$tmp/runs/$n.err
	cpu_ms start
	(cd "$work" && ulimit -t $((10 * scale)) &&
		timeout $((300 * scale)) sh -c "$cmd" >"$out" \
		2>"$err" </dev/null)
	status=$?
	cpu_ms end
	elapsed=$((end - start))
	rm -rf "$work"
	bound=$((2000 * scale))
	[ "$size" -le 1048576 ] || bound=$((10000 * scale))
	why=
	[ "$want_status" = '*' ] || [ "$status" = "$want_status" ] ||
		why="exit status $status, want $want_status"
	[ "$status" != 124 ] || why="still waiting after $((300 * scale)) s"
	[ "$status" != 137 ] && [ "$status" != 152 ] ||
		why="${why:+$why; }stopped after $((10 * scale)) s of CPU time"
	case $want_err in
	'*') ;;
	-) [ ! -s "$err" ] || why="${why:+$why; }stderr is not empty" ;;
	*) grep -qF -- "$want_err" "$err" ||
		why="${why:+$why; }stderr lacks '$want_err'" ;;
	esac
	case $check in
	-) rm -f "$out" ;;
	empty) [ ! -s "$out" ] || why="${why:+$why; }stdout fails 'empty'"
		rm -f "$out" ;;
	noctl|json|sgr) set -- "$@" "$check" "$out" ;;
	*) why="${why:+$why; }unknown check '$check'"; rm -f "$out" ;;
	esac
	[ "$elapsed" -le "$bound" ] ||
		why="${why:+$why; }took $elapsed ms of CPU time, more than $bound"
	printf '%s\n' "$name" "$size" "$elapsed" "$status" "$why" >"$tmp/runs/$n"
done <"$HERE/cases.tsv"

# the verdict of check_output.py on each output it judged, as runs/N.check
if [ $# -gt 0 ]; then
	python3 "$HERE/check_output.py" "$@" >"$tmp/checked"
	k=0
	while [ $# -gt 0 ]; do
		k=$((k + 1))
		sed -n "${k}p" "$tmp/checked" >"${2%.out}.check"
		shift 2
	done
fi

# verdict N: the case's problems, or nothing when it passed
verdict() {
	{ read -r _ ; read -r _ ; read -r _ ; read -r _ ; read -r why; } <"$tmp/runs/$1"
	if [ -f "$tmp/runs/$1.check" ]; then
		v=
		read -r v <"$tmp/runs/$1.check"
		[ "$v" = ok ] ||
			why="${why:+$why; }stdout fails: $(printf '%s' "${v:-no verdict from check_output.py}" | head -c 300)"
	fi
	[ -z "$why" ] && return 0
	echo "$why"
	sed 's/^/stderr: /' "$tmp/runs/$1.err" | head -3
	return 1
}

k=0
while [ "$k" -lt "$n" ]; do
	k=$((k + 1))
	{ read -r name; read -r size; read -r elapsed; read -r status; } <"$tmp/runs/$k"
	check "$name ($size bytes, $elapsed ms CPU, exit $status)" verdict "$k"
done
finish
