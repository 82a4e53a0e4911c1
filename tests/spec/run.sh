#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh: the parser's spec examples, tests/spec/parse.md, run by
# build/tools/spec_parse; prints "spec: N passed, N failed".
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD_ABS=${BUILD_ABS:-$ROOT/build}
tool="$BUILD_ABS/tools/spec_parse"
if [ ! -x "$tool" ]; then
	. "$ROOT/tests/sh/lib.sh"
	suite spec
	not_ok "$tool is not built (make $tool)"
	finish
	exit
fi
exec "$tool" "$ROOT/tests/spec/parse.md"
