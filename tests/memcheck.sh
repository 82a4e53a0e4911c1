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
if ! command -v valgrind >/dev/null 2>&1; then
	echo "memcheck: valgrind is not installed (make deps)"
	echo "memcheck: 0 passed, 1 failed"
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/logs"
cat >"$tmp/progdiff" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full \\
	--show-leak-kinds=definite --errors-for-leak-kinds=definite \\
	--suppressions="$ROOT/tests/valgrind.supp" \\
	--log-file="$tmp/logs/vg.%p" "$real" "\$@"
WRAP
chmod +x "$tmp/progdiff"

PROGDIFF=$tmp/progdiff sh "$ROOT/tests/cli/run.sh" >"$tmp/cli.log" 2>&1
status=$?
cat "$tmp/cli.log"
line=$(grep -E '^cli: [0-9]+ passed, [0-9]+ failed' "$tmp/cli.log" | tail -n 1)
pass=$(echo "$line" | sed -n 's/^cli: \([0-9]*\) passed.*/\1/p')
fail=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
pass=${pass:-0}
fail=${fail:-1}
[ "$status" -eq 0 ] || [ "$fail" -gt 0 ] || fail=1
reports=0
for f in "$tmp"/logs/vg.*; do
	[ -s "$f" ] || continue
	reports=$((reports + 1))
	echo "valgrind: $(basename "$f"):"
	sed 's/^/    /' "$f" | head -60
done
if [ "$reports" -gt 0 ]; then
	echo "FAIL memcheck: $reports runs with memory errors or leaks"
	fail=$((fail + 1))
else
	echo "ok   memcheck: $(ls "$tmp/logs" | wc -l) runs under valgrind, clean"
	pass=$((pass + 1))
fi
echo "memcheck: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
