#!/bin/sh
# run.sh: the HTML outputs in a real browser (Debian's chromium, headless):
# the redline of the Södertörn pair and of three pair fixtures, the side by
# side layout, a hostile document, and the timeline's chart. One browser
# start checks them all (check.mjs); the PDFs it prints are measured here
# with pdfinfo: A4 pages. Screenshots and PDFs are kept in
# $BUILD/browser-artifacts. Skipped, saying so, when chromium, node or
# pdfinfo is missing.
set -u
. "$(dirname "$0")/../sh/lib.sh"
suite browser
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
ART=${BUILD_ABS:-$ROOT/build}/browser-artifacts
F=$ROOT/fixtures
for tool in "$CHROMIUM" node pdfinfo; do
	command -v "$tool" >/dev/null 2>&1 ||
		skip "$tool is not installed (.ci/deps.sh installs it)"
done
mkdir -p "$ART"

"$PROGDIFF" --format=html --lang=sv "$F/sodertorn/2013.md" "$F/sodertorn/2035.md" \
	>"$tmp/sodertorn.html"
"$PROGDIFF" --format=html --lang=en --html-layout=side \
	"$F/sodertorn/2013.md" "$F/sodertorn/2035.md" >"$tmp/sodertorn-side.html"
for p in area-renamed goal-changes merged-areas; do
	"$PROGDIFF" --format=html --lang=en "$F/pairs/$p/old.md" "$F/pairs/$p/new.md" \
		>"$tmp/$p.html"
done
"$PROGDIFF" --format=html --lang=en "$F/hostile-html/old.md" \
	"$F/hostile-html/new.md" >"$tmp/hostile.html"
"$PROGDIFF" init "$tmp/store" >/dev/null
for y in 2015 2019 2023 2027; do
	"$PROGDIFF" add --repo "$tmp/store" --label $y "$F/timeline/v$y.md" >/dev/null
done
"$PROGDIFF" timeline --repo "$tmp/store" --format=html --lang=en >"$tmp/timeline.html"

verdicts "the pages in the browser" node "$ROOT/tests/browser/check.mjs" "$CHROMIUM" "$tmp/profile" "$ART" \
	"sodertorn=$tmp/sodertorn.html|{\"lang\":\"sv\",\"keys\":true,\"ins\":[\"Funktionell samordning\",\"Södertörnsdagen\",\"Södertörns utvecklingsprogram 2035\"],\"del\":[\"Nyckeltalsdagen\",\"godkändes av kommunstyrelsen\"]}" \
	"sodertorn-side=$tmp/sodertorn-side.html|{\"lang\":\"en\",\"ins\":[\"Södertörnsdagen\"],\"del\":[\"Nyckeltalsdagen\"]}" \
	"area-renamed=$tmp/area-renamed.html|{\"ins\":[\"Kompetens och arbetsmarknad\",\"Bristen på\"],\"del\":[\"Kompetensförsörjning\",\"Tillgången till\"]}" \
	"goal-changes=$tmp/goal-changes.html|{\"ins\":[\"halveras under planperioden.\",\"Trygga övergångar mellan skolformer\"],\"del\":[\"minska.\",\"Läsning i fokus\"]}" \
	"merged-areas=$tmp/merged-areas.html|{\"ins\":[\"Kultur och fritid\"],\"del\":[\"Fritid\"]}" \
	"hostile=$tmp/hostile.html|{\"hostile\":true,\"keys\":true}" \
	"timeline=$tmp/timeline.html|{\"svg\":10,\"lang\":\"en\"}"
for pdf in "$ART"/*.pdf; do
	name=$(basename "$pdf" .pdf)
	info=$(pdfinfo "$pdf" 2>/dev/null)
	pages=$(echo "$info" | sed -n 's/^Pages: *//p')
	size=$(echo "$info" | sed -n 's/^Page size: *//p')
	case $name in
	timeline) want='^841[.0-9]* x 59[45][.0-9]* pts \(A4\)' ;;   # A4 landscape
	*) want='^59[45][.0-9]* x 841[.0-9]* pts \(A4\)' ;;
	esac
	check "$name: prints on A4 ($pages pages, $size)" \
		sh -c 'echo "$1" | grep -Eq "$2"' sh "$size" "$want"
	check "$name: the PDF has pages" test "${pages:-0}" -ge 1
done
finish
