#!/bin/sh
# compare-formats.sh [-f FORMATS] [PAIR...]: for each pair of versions
# (sodertorn and the pairs made by make-formats.sh), diff the versions as
# each format under fixtures/formats/ and compare the change list with the
# one from the Markdown: "same PAIR FORMAT", or "differs PAIR FORMAT" and
# the lines that differ. FORMATS is a space-separated list of file names
# (default: all six). Exits 1 when any differs.
set -eu
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
F=$ROOT/fixtures
formats="pandoc.docx lo.docx pandoc.odt lo.odt lo.pdf chromium.pdf"
if [ "${1:-}" = -f ]; then
	formats=$2
	shift 2
fi
[ $# -gt 0 ] || set -- sodertorn area-added area-renamed goal-changes \
	term-renamed theme-everywhere
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for pair in "$@"; do
	if [ "$pair" = sodertorn ]; then
		old_md=$F/sodertorn/2013.md new_md=$F/sodertorn/2035.md
		old=$F/formats/sodertorn-2013 new=$F/formats/sodertorn-2035
	else
		old_md=$F/pairs/$pair/old.md new_md=$F/pairs/$pair/new.md
		old=$F/formats/$pair-old new=$F/formats/$pair-new
	fi
	progdiff --format=markdown --lang=sv "$old_md" "$new_md" \
		>"$tmp/want" 2>&1 || true
	for f in $formats; do
		progdiff --format=markdown --lang=sv "$old/$f" "$new/$f" \
			>"$tmp/got" 2>&1 || true
		if cmp -s "$tmp/want" "$tmp/got"; then
			echo "same $pair $f"
		else
			echo "differs $pair $f"
			diff "$tmp/want" "$tmp/got" | grep '^[<>]' || true
			status=1
		fi
	done
done
exit $status
