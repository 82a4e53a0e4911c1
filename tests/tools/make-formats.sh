#!/bin/sh
# make-formats.sh: make the format fixtures under fixtures/formats/ from
# the Markdown fixtures, each by two producers:
#   pandoc.docx, pandoc.odt   pandoc from the Markdown
#   lo.docx                   LibreOffice from pandoc's HTML of it
#   lo.odt                    LibreOffice from pandoc's DOCX of it (its HTML
#                             import writes the H1 as a paragraph styled
#                             Heading 1, not as an outline heading)
#   lo.pdf                    LibreOffice from pandoc's ODT with a running
#                             header (the programme and a diary number) and
#                             a footer "Sida N av M"
#   chromium.pdf              Chromium's print to PDF of pandoc's HTML, with
#                             its own running header (date, title) and
#                             footer (address, "N/M")
# The results are committed, so that `make check` needs only pandoc and
# poppler; run this again (it needs pandoc, soffice, /usr/bin/chromium and
# python3) when a source fixture changes. Usage: make-formats.sh [NAME...]
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/fixtures/formats
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home"
mkdir -p "$HOME"

# name → source Markdown
sources() {
	echo "sodertorn-2013 fixtures/sodertorn/2013.md"
	echo "sodertorn-2035 fixtures/sodertorn/2035.md"
	for p in area-added area-renamed goal-changes term-renamed \
	         theme-everywhere; do
		echo "$p-old fixtures/pairs/$p/old.md"
		echo "$p-new fixtures/pairs/$p/new.md"
	done
	echo "municipal fixtures/formats/src/municipal.md"
}

# header_footer ODT HEADER: a running header and a page-number footer in
# the ODT's standard master page
header_footer() {
	python3 - "$1" "$2" <<'PY'
import sys, zipfile, shutil
path, header = sys.argv[1], sys.argv[2]
src = zipfile.ZipFile(path)
items = [(i, src.read(i.filename)) for i in src.infolist()]
src.close()
hf = ('<style:header><text:p>%s</text:p></style:header>'
      '<style:footer><text:p>Sida <text:page-number text:select-page="current"/>'
      ' av <text:page-count/></text:p></style:footer>' % header)
out = zipfile.ZipFile(path + '.new', 'w')
for info, data in items:
    if info.filename == 'styles.xml':
        s = data.decode()
        i = s.index('<style:master-page style:name="Standard"')
        j = s.index('>', i)
        if s[j - 1] == '/':
            s = s[:j - 1] + '>' + hf + '</style:master-page>' + s[j + 1:]
        else:
            s = s[:j + 1] + hf + s[j + 1:]
        data = s.encode()
    out.writestr(info, data, compress_type=zipfile.ZIP_STORED
                 if info.filename == 'mimetype' else zipfile.ZIP_DEFLATED)
out.close()
shutil.move(path + '.new', path)
PY
}

css='<style>body{font-family:serif;font-size:11pt;max-width:40em;margin:auto}
table{border-collapse:collapse}td,th{border:1px solid #888;padding:2pt 6pt}
h1{font-size:20pt}h2{font-size:15pt}h3{font-size:12.5pt}</style>'

sources | while read -r name src; do
	if [ $# -gt 0 ]; then
		case " $* " in *" $name "*) ;; *) continue ;; esac
	fi
	d=$OUT/$name
	w=$tmp/$name
	mkdir -p "$d" "$w"
	title=$(sed -n 's/^# //p' "$ROOT/$src" | head -1)
	pandoc -f gfm -o "$d/pandoc.docx" "$ROOT/$src"
	pandoc -f gfm -o "$d/pandoc.odt" "$ROOT/$src"
	printf '%s\n' "$css" >"$w/head.html"
	pandoc -f gfm -t html5 -s -H "$w/head.html" \
		--metadata title="$title · Dnr KS 2019/0117" \
		--variable pagetitle="$title · Dnr KS 2019/0117" \
		-o "$w/doc.html" "$ROOT/$src"
	# pandoc's title block would repeat the H1: keep the H1 only
	python3 - "$w/doc.html" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding='utf-8').read()
s = re.sub(r'<header id="title-block-header">.*?</header>', '', s, flags=re.S)
open(p, 'w', encoding='utf-8').write(s)
PY
	cp "$d/pandoc.odt" "$w/hf.odt"
	header_footer "$w/hf.odt" "$title · Dnr KS 2019/0117"
	(cd "$w" &&
	 soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir lo \
		doc.html >/dev/null 2>&1 &&
	 cp "$d/pandoc.docx" fromdocx.docx &&
	 soffice --headless --convert-to odt:writer8 --outdir lo fromdocx.docx \
		>/dev/null 2>&1 &&
	 soffice --headless --convert-to pdf:writer_pdf_Export --outdir lo \
		hf.odt >/dev/null 2>&1)
	cp "$w/lo/doc.docx" "$d/lo.docx"
	cp "$w/lo/fromdocx.odt" "$d/lo.odt"
	cp "$w/lo/hf.pdf" "$d/lo.pdf"
	"$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking \
		--print-to-pdf="$d/chromium.pdf" "file://$w/doc.html" \
		>/dev/null 2>&1
	echo "made $name"
done

# localised/rubrik.docx: the municipal programme as Swedish Word names
# its styles, "Rubrik" (the Title) and "Rubrik 1".."Rubrik 3", which
# pandoc does not know as headings; and localised/municipal.epub, an
# EPUB with a title page
if [ $# -eq 0 ] || case " $* " in *" localised "*) true ;; *) false ;; esac
then
	mkdir -p "$OUT/localised"
	python3 - "$OUT/municipal/pandoc.docx" "$OUT/localised/rubrik.docx" <<'PY'
import re, sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
out = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)
for info in src.infolist():
    data = src.read(info.filename)
    if info.filename in ('word/styles.xml', 'word/document.xml'):
        s = data.decode()
        if info.filename == 'word/document.xml':
            # the programme's name in the Title style
            s = s.replace('<w:pStyle w:val="Heading1" />',
                          '<w:pStyle w:val="Title" />', 1)
        s = s.replace('w:styleId="Title"', 'w:styleId="Rubrik"')
        s = s.replace('w:val="Title"', 'w:val="Rubrik"')
        s = re.sub(r'Heading(\d)', r'Rubrik\1', s)
        s = re.sub(r'"Heading (\d)"', r'"Rubrik \1"', s)
        data = s.encode()
    out.writestr(info, data)
out.close()
PY
	pandoc -f gfm -o "$OUT/localised/municipal.epub" \
		--metadata title="Miljö- och klimatprogram för Nykvarns kommun 2030" \
		"$OUT/src/municipal.md"
	echo "made localised"
fi
