#!/bin/sh
# SPDX-License-Identifier: MIT
# demo.sh [PROGDIFF]: `make demo`. Creates a store in a temporary folder,
# adds the two Södertörn programmes and shows what changed from 2013 to
# 2035, printing each command before its output. The store is removed at
# the end; nothing outside the temporary folder is written.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
P=${1:-build/progdiff}
case $P in
/*) ;;
*) P=$(cd "$(dirname "$P")" && pwd)/$(basename "$P") ;;
esac
F=$ROOT/fixtures/sodertorn
for f in "$F/2013.md" "$F/2035.md"; do
	if [ ! -f "$f" ]; then
		echo "demo: $f is missing" >&2
		exit 2
	fi
done

T=$(mktemp -d "${TMPDIR:-/tmp}/progdiff-demo.XXXXXX")
trap 'rm -rf "$T"' EXIT
trap 'exit 2' INT TERM HUP
cp "$F/2013.md" "$F/2035.md" "$T/"

run() {
	printf '$ progdiff %s\n' "$*"
	"$P" "$@"
}

cd "$T"
run init store
cd store
printf '$ cd store\n'
run add ../2013.md
run add ../2035.md
run list
echo
# exit status 1 means "there are changes": that is what the demo shows
status=0
run 2013 2035 || status=$?
[ "$status" -le 1 ] || exit "$status"
exit 0
