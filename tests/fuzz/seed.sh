#!/bin/sh
# seed.sh: write the seed corpora of the fuzz targets, tests/fuzz/corpus/
# <target>/seed-*, from fixtures/ and a few hand-made inputs. Run it when
# the fixtures change; inputs that fuzzing found (crash-*, regress-*) are
# kept as they are. Each input's first byte picks the target's options.
set -eu
cd "$(dirname "$0")/../.."
c=tests/fuzz/corpus
mkdir -p $c/fuzz_parse $c/fuzz_diff $c/fuzz_rules $c/fuzz_resolve $c/fuzz_pdf \
	$c/fuzz_pieces
rm -f $c/*/seed-*

# put FILE OPTION-BYTE PART... : the byte, then the parts joined by NULs
put() {
	out=$1 byte=$2
	shift 2
	{
		printf "\\$(printf %03o "$byte")"
		first=1
		for part in "$@"; do
			[ $first = 1 ] || printf '\000'
			first=0
			cat "$part"
		done
	} >"$out"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# parse: every fixture, and the shapes the parser must survive
n=0
for f in fixtures/sodertorn/*.md fixtures/pairs/*/old.md fixtures/pairs/*/new.md; do
	n=$((n + 1))
	put $c/fuzz_parse/seed-$n $((n % 16)) "$f"
done
printf '\357\273\277# Rubrik\r\n\r\nText &#x1b;[31m &#155; \\\n## Fokusområden\r\n' \
	>"$tmp/a"
put $c/fuzz_parse/seed-bom-crlf 0 "$tmp/a"
printf -- '---\ntitle: "x\nperiod: [2019, 2022]\n---\n# T\n' >"$tmp/a"
put $c/fuzz_parse/seed-front-matter 0 "$tmp/a"
printf '> > > > - 1. * a\n  > b\n\n```\n> > >\n```\n![[]()![[]()\n' >"$tmp/a"
put $c/fuzz_parse/seed-nesting 3 "$tmp/a"

# pieces: a body as it is (no option byte), and the blocks a heading
# line can stand in
n=0
for f in fixtures/sodertorn/*.md fixtures/pairs/*/new.md; do
	n=$((n + 1))
	cp "$f" $c/fuzz_pieces/seed-$n
done
printf '# A\n```\n# in code\n```\n~~~~\n# in code\n~~~\n# B\n' \
	>$c/fuzz_pieces/seed-fences
printf '# A\n<!--\n# in a comment\n\n-->\n<div>\n# in html\n</div>\n\n# B\n' \
	>$c/fuzz_pieces/seed-html
printf '# A\r\n> q\r\n# B\r\n- i\r\n  - j\r\n# C\r\n    # code\r\n#\tD' \
	>$c/fuzz_pieces/seed-containers-crlf

# diff: every pair, in each format and language
n=0
for d in fixtures/pairs/*/; do
	n=$((n + 1))
	put $c/fuzz_diff/seed-$n $(((n * 37) % 256)) "$d/old.md" "$d/new.md"
done
put $c/fuzz_diff/seed-sodertorn-text 0 fixtures/sodertorn/2013.md \
	fixtures/sodertorn/2035.md
put $c/fuzz_diff/seed-sodertorn-json 18 fixtures/sodertorn/2013.md \
	fixtures/sodertorn/2035.md
put $c/fuzz_diff/seed-sodertorn-markdown 49 fixtures/sodertorn/2013.md \
	fixtures/sodertorn/2035.md
printf '# A\n\n## Fokusområden\n\n### Sk&#x1b;]0;x&#7;ola\n\ntext\n' >"$tmp/a"
printf '# A\n\n## Fokusområden\n\n### "Q" \\\\ &#155;2J\n\ntext\n' >"$tmp/b"
put $c/fuzz_diff/seed-escapes 2 "$tmp/a" "$tmp/b"

# rules: the documented example and each kind of check
cat >"$tmp/r" <<'RULES'
[vocabulary]
	area = (?i)^insatsområde\\b
	goal = (?i)^delmål\\b
[rule "year-in-name"]
	title-matches = "20[0-9]{2}"
	message = the programme's name states its target year
[rule "climate-everywhere"]
	every-area-matches = (?i)klimat
[rule "has-vision"]
	require-section = ^Vision$
	severity = warning
[rule "no-removed-areas"]
	forbid = area-removed, goal-removed
[rule "changes-listed"]
	changes-in-sync = ^Förändringar$
RULES
put $c/fuzz_rules/seed-all 4 "$tmp/r" fixtures/sodertorn/2035.md \
	fixtures/sodertorn/2013.md
put $c/fuzz_rules/seed-all-json 5 "$tmp/r" fixtures/sodertorn/2035.md \
	fixtures/sodertorn/2013.md
put $c/fuzz_rules/seed-all-github 6 "$tmp/r" fixtures/sodertorn/2035.md \
	fixtures/sodertorn/2013.md
printf '[rule "r"]\n\tevery-area-matches = "(a+)+$"\n' >"$tmp/r"
{ printf '# T\n\n## Fokusområden\n\n### Område\n\n'
  i=0; while [ $i -lt 300 ]; do printf 'aaaaaaaaaaaaaaaaaaaaaaaaab '; i=$((i + 1)); done
  printf '\n'; } >"$tmp/d"
put $c/fuzz_rules/seed-runaway 0 "$tmp/r" "$tmp/d"
printf '[include]\n\tpath = /dev/zero\n[rule "x"]\n\ttitle-matches = (\n' \
	>"$tmp/r"
put $c/fuzz_rules/seed-invalid 1 "$tmp/r" fixtures/pairs/identical/new.md

# resolve: labels, paths, and revision syntax that must not be one
for name in 2013 2035 sodertorn/2013 klimat/2019-2022 2019-2022 2019–2022 \
	HEAD HEAD~1 '2035^{tree}' 'a..b' '@{-1}' 'HEAD~1:sodertorn.md' \
	'sodertorn/2013:sodertorn.md' '../x' '-rf' 'refs/tags/sodertorn/2013' \
	'programmes/sodertorn' ''; do
	n=$(printf '%s' "$name" | od -An -tx1 | tr -d ' \n' | cut -c1-40)
	printf '%s' "$name" >$c/fuzz_resolve/seed-x$n
done
# pdf: page layouts as fuzz_pdf.c reads them (4 bytes, then the text):
# running headers and footers, headings by size and numbering, bullets,
# hyphenation, a table, bookmarks and tags
mkdir -p $c/fuzz_pdf
python3 - "$c/fuzz_pdf" <<'PY'
import sys
out = sys.argv[1]
def line(page, top, size, bold, x, text):
    return bytes([(page - 1) % 4, top // 4, (size - 6) % 32,
                  (bold & 1) | ((x // 4) << 1)]) + text.encode() + b"\n"
def write(name, opts, lines):
    with open("%s/seed-%s" % (out, name), "wb") as f:
        f.write(bytes([opts]) + b"".join(line(*l) for l in lines))
body = []
for p in (1, 2, 3):
    body.append((p, 8, 8, 0, 72, "Nykvarns kommun · Dnr KS 2023/117"))
    body.append((p, 800, 8, 0, 280, "Sida %d av 3" % p))
write("municipal", 0, [
    (1, 60, 20, 1, 72, "Miljöprogram för Nykvarns kommun 2030"),
    (1, 100, 11, 0, 72, "Programmet gäller 2024–2027. Målår är 2030."),
    (1, 140, 15, 1, 72, "1. Inledning"),
    (1, 164, 11, 0, 72, "Kommunen ska minska sin klimat-"),
    (1, 180, 11, 0, 72, "påverkan och stärka stads- och"),
    (1, 196, 11, 0, 72, "landsbygd."),
    (1, 240, 15, 1, 72, "2. Fokusområden"),
    (1, 270, 12, 1, 72, "2.1 Hållbara transporter"),
    (1, 296, 11, 0, 72, "• Fler ska resa kollektivt."),
    (1, 312, 11, 0, 72, "• Kommunens fordon ska drivas"),
    (1, 328, 11, 0, 90, "med förnybart."),
    (2, 100, 11, 1, 72, "2.2 Energi"),
    (2, 130, 11, 1, 72, "Viktigt att veta"),
    (2, 160, 11, 0, 72, "Indikator\tUtgångsvärde\tMål"),
    (2, 176, 11, 0, 72, "Förnybart\t45 %\t100 %"),
    (2, 192, 11, 0, 72, "Energi\t160\t120"),
    (3, 100, 15, 1, 72, "3. Uppföljning"),
    (3, 130, 11, 0, 72, "1 (3)"),
] + body)
write("bookmarks", 1, [
    (1, 40, 11, 0, 72, "#Plan 2035"), (1, 80, 11, 0, 72, "##Mål"),
    (1, 60, 16, 1, 72, "Plan 2035"), (1, 100, 11, 0, 72, "Text om planen."),
    (1, 140, 11, 0, 72, "Mål"), (1, 160, 11, 0, 72, "Mer text."),
])
write("tags", 3, [
    (1, 40, 11, 0, 72, "#Plan"), (1, 50, 11, 0, 72, "#0Första punkten"),
    (1, 60, 16, 1, 72, "Plan"), (1, 100, 11, 0, 100, "Första punkten"),
    (1, 116, 11, 0, 100, "går vidare."), (1, 140, 11, 0, 100, "Andra."),
])
write("empty-lines", 0, [(1, 0, 0, 0, 0, ""), (1, 0, 0, 0, 0, "\t\t"),
                         (4, 255, 37, 1, 508, "#"), (1, 10, 11, 0, 0, "-")])
PY
echo "seeded: $(ls $c/*/seed-* | wc -l) inputs"
