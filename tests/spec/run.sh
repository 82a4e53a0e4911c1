#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh: the parser's spec examples, tests/spec/parse.md, run by
# build/tools/spec_parse; prints "spec: N passed, N failed".
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD_ABS=${BUILD_ABS:-$ROOT/build}
tool="$BUILD_ABS/tools/spec_parse"
if [ ! -x "$tool" ]; then
	echo "spec: $tool is not built (make $tool)"
	echo "spec: 0 passed, 1 failed"
	exit 1
fi
exec "$tool" "$ROOT/tests/spec/parse.md"
