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
LC_ALL=C.UTF-8
export LC_ALL
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
PROGDIFF=${PROGDIFF:-$ROOT/build/progdiff}
HERE=$ROOT/tests/hostile
scale=${PD_TIME_SCALE:-1}
unset PROGDIFF_REPO PROGDIFF_MAX_SIZE NO_COLOR PAGER GIT_DIR GIT_WORK_TREE
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/inputs" "$tmp/home"
ln -s "$PROGDIFF" "$tmp/bin/progdiff"
PATH="$tmp/bin:$PATH"
HOME=$tmp/home
GIT_CONFIG_NOSYSTEM=1
OK=$ROOT/fixtures/sodertorn/2035.md
OLD=$ROOT/fixtures/sodertorn/2013.md
STORE=$tmp/store
export PATH HOME GIT_CONFIG_NOSYSTEM OK OLD STORE
TAB=$(printf '\t')
pass=0
fail=0

if ! { progdiff init "$STORE" && progdiff add --repo "$STORE" "$OLD" &&
       progdiff add --repo "$STORE" "$OK"; } >"$tmp/setup" 2>&1; then
	echo "hostile: cannot make the store:"
	cat "$tmp/setup"
fi

# check KIND FILE: does standard output pass the check?
check_out() {
	case $1 in
	-) return 0 ;;
	empty) [ ! -s "$2" ] ;;
	noctl) python3 "$HERE/check_output.py" noctl "$2" ;;
	json|sgr) python3 "$HERE/check_output.py" "$1" "$2" ;;
	*) echo "unknown check '$1'"; return 1 ;;
	esac
}

# cpu_ms VAR: set VAR to the CPU time, in ms, of the commands this shell
# has waited for so far (user and system); `times` must run in this shell
cpu_ms() {
	times >"$tmp/times"
	awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/)
		printf "%d\n", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }' \
		"$tmp/times" >"$tmp/ms"
	read -r "$1" <"$tmp/ms"
}

while IFS="$TAB" read -r name inputs cmd want_status want_err check; do
	case $name in ''|'#'*) continue ;; esac
	case $name in *"${HOSTILE_FILTER:-}"*) ;; *) continue ;; esac
	IN=
	IN2=
	size=0
	if [ "$inputs" != - ]; then
		i=0
		for g in $(echo "$inputs" | tr ',' ' '); do
			f=$tmp/inputs/$g.md
			[ -f "$f" ] || python3 "$HERE/gen.py" "$g" "$f" "$ROOT" ||
				echo "    gen.py $g failed"
			size=$((size + $(wc -c <"$f")))
			i=$((i + 1))
			if [ $i = 1 ]; then IN=$f; else IN2=$f; fi
		done
	fi
	export IN IN2
	work=$tmp/work/$name
	mkdir -p "$work"
	cpu_ms start
	(cd "$work" && ulimit -t $((10 * scale)) &&
		timeout $((300 * scale)) sh -c "$cmd" >"$tmp/out" \
		2>"$tmp/err" </dev/null)
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
	-) [ ! -s "$tmp/err" ] || why="${why:+$why; }stderr is not empty" ;;
	*) grep -qF -- "$want_err" "$tmp/err" ||
		why="${why:+$why; }stderr lacks '$want_err'" ;;
	esac
	if ! check_out "$check" "$tmp/out" >"$tmp/check" 2>&1; then
		why="${why:+$why; }stdout fails '$check': $(head -c 300 "$tmp/check")"
	fi
	[ "$elapsed" -le "$bound" ] ||
		why="${why:+$why; }took $elapsed ms of CPU time, more than $bound"
	if [ -z "$why" ]; then
		pass=$((pass + 1))
		echo "ok   hostile/$name ($size bytes, $elapsed ms CPU, exit $status)"
	else
		fail=$((fail + 1))
		echo "FAIL hostile/$name ($size bytes, $elapsed ms CPU): $why"
		sed 's/^/    stderr: /' "$tmp/err" | head -3
	fi
done <"$HERE/cases.tsv"
echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
