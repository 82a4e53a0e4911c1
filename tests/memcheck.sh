#!/bin/sh
# memcheck.sh: the command-line golden tests (tests/cli/run.sh) with every
# progdiff run under valgrind's memcheck (make memcheck). A run with a
# memory error or a block definitely lost exits 99 and fails its case;
# valgrind's reports are printed after the cases; tests/valgrind.supp
# says what is not reported (PCRE2's JIT code). Ends with
# "memcheck: N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
real=$(cd "$ROOT/$BUILD" && pwd)/progdiff
. "$ROOT/tests/sh/lib.sh"
suite memcheck
if ! command -v valgrind >/dev/null 2>&1; then
	not_ok "valgrind is not installed (make deps)"
	finish
	exit
fi
mkdir "$tmp/logs"
cat >"$tmp/progdiff" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full \\
	--show-leak-kinds=definite --errors-for-leak-kinds=definite \\
	--suppressions="$ROOT/tests/valgrind.supp" \\
	--log-file="$tmp/logs/vg.%p" "$real" "\$@"
WRAP
chmod +x "$tmp/progdiff"

verdicts "the CLI cases under valgrind" \
	env PROGDIFF="$tmp/progdiff" sh "$ROOT/tests/cli/run.sh"
reports=0
for f in "$tmp"/logs/vg.*; do
	[ -s "$f" ] || continue
	reports=$((reports + 1))
	echo "valgrind: $(basename "$f"):"
	sed 's/^/    /' "$f" | head -60
done
if [ "$reports" -gt 0 ]; then
	not_ok "$reports runs with memory errors or leaks"
else
	ok "$(ls "$tmp/logs" | wc -l) runs under valgrind, clean"
fi
finish
