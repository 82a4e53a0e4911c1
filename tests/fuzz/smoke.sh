#!/bin/sh
# smoke.sh [SECONDS]: build the fuzz targets for libFuzzer with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer, and run each for
# SECONDS (default 10) from its corpus. Fails on any crash, leak,
# undefined behaviour, broken property (fuzz.h) or input slower than
# FUZZ_TIMEOUT seconds (default 10). New inputs go to
# build/fuzz/work/<target>, crashes to build/fuzz/artifacts/; the
# committed corpus is only read. Ends with the executions run and
# "fuzz: N passed, N failed", one test per target.
set -u
cd "$(dirname "$0")/../.."
. tests/sh/lib.sh
suite fuzz
seconds=${1:-10}
timeout_s=${FUZZ_TIMEOUT:-10}
B=${FUZZ_BUILD:-build/fuzz}
CLANG=${CLANG:-clang}
PKGS="libgit2 libcmark libpcre2-8 yaml-0.1 libutf8proc poppler-glib"
SAN=address,undefined
export GIT_CONFIG_NOSYSTEM=1
unset PROGDIFF_REPO GIT_DIR GIT_WORK_TREE

# end: the closing lines, the suite's and the bare total .ci/run adds up
end() {
	finish
	_status=$?
	totals
	exit "$_status"
}

if ! command -v "$CLANG" >/dev/null 2>&1; then
	not_ok "$CLANG is not installed (make deps)"
	end
fi
echo "# building the library with $CLANG -fsanitize=fuzzer-no-link,$SAN"
if ! make -s CC="$CLANG" BUILD="$B" SANITIZE=$SAN \
	CFLAGS="-O1 -g -fsanitize=fuzzer-no-link" "$B/libprogdiff.a" \
	>"$B.log" 2>&1; then
	not_ok "the library does not build with $CLANG" "$B.log"
	end
fi
LIBS=$(make -s print-libs)
mkdir -p "$B/artifacts"
total=0
for src in tests/fuzz/fuzz_*.c; do
	t=$(basename "$src" .c)
	bin=$B/$t
	if ! $CLANG -std=c99 -D_POSIX_C_SOURCE=200809L -pthread -O1 -g -Ilib \
		-fsanitize=fuzzer,$SAN -fno-sanitize-recover=$SAN \
		-fno-omit-frame-pointer $(pkg-config --cflags $PKGS) \
		-o "$bin" "$src" "$B/libprogdiff.a" $LIBS; then
		not_ok "$t: does not build"
		continue
	fi
	mkdir -p "$B/work/$t"
	"$bin" -max_total_time="$seconds" -timeout="$timeout_s" \
		-max_len=32768 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$B/artifacts/$t-" \
		"$B/work/$t" "tests/fuzz/corpus/$t" >"$B/$t.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$B/$t.log" |
	       tail -n 1)
	runs=${runs:-0}
	total=$((total + runs))
	if [ $rc -eq 0 ]; then
		ok "$t: $runs executions in ${seconds}s, no crash"
	else
		grep -E 'ERROR|SUMMARY|fuzz:|Test unit written|==[0-9]+==' \
			"$B/$t.log" | head -20 >"$tmp/why"
		not_ok "$t: exit $rc after $runs executions" "$tmp/why"
	fi
done
echo "fuzz: $total executions in all"
end
