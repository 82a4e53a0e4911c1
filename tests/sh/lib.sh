# lib.sh: a small harness for the shell test suites (sourced).
#
#   suite NAME        start; sets $tmp (removed on exit), HOME, PATH
#   check DESC CMD... passes when CMD exits 0
#   ok DESC           counts a pass
#   not_ok DESC [FILE...]
#                     counts a failure, showing the first lines of each FILE
#   absorb FILE       shows FILE, the "ok   "/"FAIL " lines another program
#                     wrote, and counts them
#   verdicts DESC CMD...
#                     runs CMD, a program that prints its own "ok   "/"FAIL "
#                     lines, and absorbs them; CMD failing without a FAIL
#                     line (a crash) is one failure
#   skip WHY          ends a suite that cannot run here, saying why, as
#                     "NAME: 0 passed, 0 failed"
#   cpu_ms VAR        sets VAR to the CPU time, in ms, of the commands this
#                     shell has waited for so far (what a command costs,
#                     whatever else the machine is doing)
#   finish            prints "NAME: N passed, N failed" and sets the status;
#                     a suite that checked nothing fails
#   totals            prints the bare "N passed, N failed" that a driver
#                     of several runs adds up (.ci/run), after finish
set -u
LC_ALL=C.UTF-8
export LC_ALL
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
PROGDIFF=${PROGDIFF:-$ROOT/build/progdiff}
FIXTURES=$ROOT/fixtures
unset PROGDIFF_REPO NO_COLOR PAGER GIT_DIR GIT_WORK_TREE
_pass=0
_fail=0

suite() {
	_suite=$1
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	mkdir -p "$tmp/bin" "$tmp/home"
	ln -s "$PROGDIFF" "$tmp/bin/progdiff"
	PATH="$tmp/bin:$PATH"
	HOME="$tmp/home"
	GIT_CONFIG_NOSYSTEM=1
	export PATH HOME GIT_CONFIG_NOSYSTEM FIXTURES ROOT
}

check() {
	_desc=$1
	shift
	if "$@" >"$tmp/.check.log" 2>&1; then
		ok "$_desc"
	else
		not_ok "$_desc" "$tmp/.check.log"
	fi
}

ok() {
	_pass=$((_pass + 1))
	echo "ok   $_suite: $1"
}

not_ok() {
	_fail=$((_fail + 1))
	echo "FAIL $_suite: $1"
	shift
	for _f in "$@"; do
		[ ! -s "$_f" ] || sed -n '1,20s/^/    /p' "$_f"
	done
	return 0
}

absorb() {
	cat "$1"
	_pass=$((_pass + $(grep -c '^ok   ' "$1")))
	_fail=$((_fail + $(grep -c '^FAIL ' "$1")))
}

verdicts() {
	_desc=$1
	shift
	"$@" >"$tmp/.verdicts" 2>&1
	_status=$?
	absorb "$tmp/.verdicts"
	[ "$_status" -eq 0 ] || grep -q '^FAIL ' "$tmp/.verdicts" ||
		not_ok "$_desc: exited $_status without a verdict"
}

skip() {
	echo "$_suite: skipped: $1"
	echo "$_suite: 0 passed, 0 failed"
	exit 0
}

# _ms_of TIME: set _ms to TIME, as `times` gives it (1m2.345678s), in ms
_ms_of() {
	_min=${1%%m*}
	_sec=${1#*m}
	_sec=${_sec%s}
	_frac=${_sec#*.}000
	_frac=${_frac%"${_frac#???}"}
	_frac=${_frac#0}
	_frac=${_frac#0}
	_ms=$((_min * 60000 + ${_sec%%.*} * 1000 + ${_frac:-0}))
}

# cpu_ms VAR: set VAR to the CPU time, in ms, of the commands this shell
# has waited for so far (user and system); `times` must run in this
# shell, and nothing here starts another process
cpu_ms() {
	times >"$tmp/times"
	{ read -r _ _; read -r _u _sy; } <"$tmp/times"
	_ms_of "$_u"
	_total=$_ms
	_ms_of "$_sy"
	eval "$1=\$((_total + _ms))"
}

finish() {
	if [ $((_pass + _fail)) -eq 0 ]; then
		echo "FAIL $_suite: checked nothing"
		_fail=1
	fi
	echo "$_suite: $_pass passed, $_fail failed"
	[ "$_fail" -eq 0 ]
}

totals() {
	echo "$_pass passed, $_fail failed"
}
