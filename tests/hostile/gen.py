#!/usr/bin/env python3
# gen.py ROOT DIR NAME...: write each hostile input NAME
# (tests/hostile/cases.tsv) to DIR/NAME.md, ROOT being the repository's
# root. Large inputs are made here, never committed; one process makes
# them all, since starting Python costs more than most inputs.
import sys, unicodedata

ROOT = sys.argv[1]
FIX = ROOT + "/fixtures/sodertorn/2035.md"


def fixture():
    return open(FIX, encoding="utf-8").read()


def prog(areas_md):
    return "# Program 2035\n\nGäller 2019–2022.\n\n## Fokusområden\n\n" + areas_md


def quotes_then(n, inline):
    return ">" * n + " " + inline + "\n"


G = {
    # encodings and bytes
    "invalid-utf8": lambda: b"# Program\n\nText \xc3\x28 och \xff.\n",
    "overlong-utf8": lambda: b"# Program\n\n\xc0\xaf\n",
    "surrogate-utf8": lambda: b"# Program\n\n\xed\xa0\x80\n",
    "nul-bytes": lambda: b"# Program\n\nText\x00med NUL.\n",
    "binary": lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
    "empty": lambda: b"",
    "front-matter-only": lambda: "---\ntitle: Program 2035\ntarget_year: 2035\n---\n",
    "front-matter-unterminated": lambda: "---\ntitle: x\n# Program\n\n## A\n",
    "yaml-huge": lambda: "---\n" + "".join("k%d: %s\n" % (i, "v" * 10) for i in range(60000)) + "---\n# T\n",
    "yaml-deep": lambda: "---\ntitle: " + "[" * 20000 + "]" * 20000 + "\n---\n# T\n",
    "yaml-deep-maps": lambda: "---\n" + "".join("  " * i + "k:\n" for i in range(3000)) + "---\n# T\n",
    "yaml-aliases": lambda: "---\n" + "a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        "a%d: &a%d [%s]\n" % (i, i, ",".join(["*a%d" % (i - 1)] * 10)) for i in range(1, 12)) + "---\n# T\n",
    "crlf": lambda: fixture().replace("\n", "\r\n"),
    "cr-only": lambda: fixture().replace("\n", "\r"),
    "bom": lambda: "\ufeff" + fixture(),
    "nfd": lambda: unicodedata.normalize("NFD", fixture()),
    "nfc": lambda: unicodedata.normalize("NFC", fixture()),
    # what reaches the terminal
    "heading-escapes": lambda: prog(
        "### Sk&#x1b;]0;pwned&#7;ola &#x1b;[2J&#155;31m\n\nText &#x1b;[31m.\n\n"
        "### Raw \x1b[31mröd\x1b[0m \x07 \x7f \u009b \u2028 slut\n\nText.\n\n"
        "### Vård &#8238;gnirts\n\nText.\n"),
    "heading-quotes": lambda: prog(
        '### "Citat" och \\\\ bakstreck \\" \'apostrof\'\n\nText.\n\n'
        'Två rader\\\nmed "radbrytning" \\\\\n---------\n\nText.\n\n'
        "### Tab\there &#0; &#xD800; &#x10FFFF;\n\nText.\n"),
    # sizes
    "headings-100k": lambda: "# Program\n\n## Fokusområden\n\n" + "".join(
        "### Rubrik %d\n\nText %d.\n\n" % (i, i) for i in range(100000)),
    "same-heading-1000": lambda: prog("".join("### Samma\n\nText %d.\n\n" % i for i in range(1000))),
    "line-5mb": lambda: "# Program\n\n" + " ".join("ord%d" % (i % 5000) for i in range(700000))[:5000000] + "\n",
    "paragraph-1mb-words": lambda: "# Program\n\n" + ("lorem ipsum dolor " * 58000) + "\n",
    # cmark's pathological shapes, at sizes that stall Debian's 0.30.2
    "cmark-image-brackets": lambda: "# P\n\n" + "![[]()" * 80000 + "\n",
    "cmark-image-brackets-lines": lambda: "# P\n\n" + "![[]()\n" * 80000,
    "cmark-quotes-emphasis": lambda: "# P\n\n" + quotes_then(40000, "*a" * 20000),
    "cmark-quotes-50k": lambda: "# P\n\n" + "> " * 50000 + "a\n",
    "cmark-lists-1000": lambda: "# P\n\n" + "".join("  " * i + "* a\n" for i in range(1000)),
    "cmark-quote-list": lambda: "# P\n\n" + "> - " * 5000 + "a\n",
    "cmark-emphasis": lambda: "# P\n\n" + ("*a **a " * 65000) + "b" + (" a** a*" * 65000) + "\n",
    "cmark-emphasis-mixed": lambda: "# P\n\n" + "*_" * 250000 + "a" + "_*" * 250000 + "\n",
    "cmark-emphasis-paragraphs": lambda: "# P\n\n" + ("a_*_*_" * 8000 + "\n\n") * 21,
    "cmark-brackets": lambda: "# P\n\n" + "[" * 50000 + "a" + "]" * 50000 + "\n",
    "cmark-unclosed-links": lambda: "# P\n\n" + "[a](<b" * 30000 + "\n",
    "cmark-backticks": lambda: "# P\n\n" + "".join("e" + "`" * i for i in range(1, 1400)) + "\n",
    "cmark-brackets-more": lambda: "# P\n\n" + "[" * 60000 + "a" + "]" * 60000 + "\n",
    "cmark-references": lambda: "# P\n\n" + "".join("[%d]: /u\n\n" % i for i in range(100001)) + "[0] " * 1000 + "\n",
    "cmark-nesting-60": lambda: prog("### Område\n\n" + "> " * 60 + "Citat.\n\n" + "".join(
        "  " * i + "- punkt\n" for i in range(30))),
    # rules
    "rules-runaway": lambda: '[rule "r"]\n\tevery-area-matches = "(a+)+$"\n'
                             '[rule "t"]\n\ttitle-matches = "(a|aa)+$"\n',
    "doc-runaway": lambda: prog("### Område\n\n" + " ".join(["a" * 25 + "b"] * 1500) + "\n\n### Två\n\n"
                                + " ".join(["a" * 30 + "b"] * 1000) + "\n").replace("# Program 2035", "# " + "a" * 3000 + "b"),
}


# formats: zip archives, PDFs
def zip_of(parts, stored_first=None):
    """A zip archive of (name, bytes or a generator of chunks) parts."""
    import io, zipfile
    buf = io.BytesIO()
    z = zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED)
    if stored_first:
        z.writestr(zipfile.ZipInfo(stored_first[0]), stored_first[1],
                   compress_type=zipfile.ZIP_STORED)
    for name, data in parts:
        if isinstance(data, bytes):
            z.writestr(name, data)
        else:
            with z.open(name, "w", force_zip64=True) as f:
                for chunk in data:
                    f.write(chunk)
    z.close()
    return buf.getvalue()


DOCX_XML = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Program</w:t></w:r></w:p>'
            b'</w:body></w:document>')


def spaces(mib):
    chunk = b" " * (1 << 20)
    for _ in range(mib):
        yield chunk


def pdf(pages, page_body=b"BT /F1 12 Tf 72 720 Td (Sida) Tj ET", broken_xref=False):
    """A PDF of `pages` pages sharing one content stream."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objs.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages)
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objs.append(b"<< /Length %d >>\nstream\n" % len(page_body) + page_body + b"\nendstream")
    for i in range(pages):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % (off * 7 + 13 if broken_xref else off)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, xref + 5 if broken_xref else xref)
    return bytes(out)


G.update({
    "docx-small": lambda: zip_of([("[Content_Types].xml", b"<Types/>"),
                                  ("word/document.xml", DOCX_XML)]),
    "docx-zip-bomb": lambda: zip_of([("[Content_Types].xml", b"<Types/>"),
                                     ("word/document.xml", spaces(80))]),
    "odt-huge-xml": lambda: zip_of([("content.xml", spaces(40))],
                                   ("mimetype", b"application/vnd.oasis.opendocument.text")),
    "pdf-5000-pages": lambda: pdf(5000),
    "pdf-1500-pages": lambda: pdf(1500),
    "pdf-broken-xref": lambda: pdf(3, broken_xref=True),
    "pdf-truncated": lambda: pdf(3)[:300],
    "pdf-garbage": lambda: b"%PDF-1.7\n" + bytes(range(256)) * 64,
    "latin1": lambda: "# Trädgårdsprogram\n\nGäller 2019–2022. Målår 2035.\n".replace("–", "-").encode("latin-1"),
})

status = 0
for name in sys.argv[3:]:
    if name not in G:
        print("gen.py: no input named %r" % name, file=sys.stderr)
        status = 1
        continue
    data = G[name]()
    with open("%s/%s.md" % (sys.argv[2], name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    del data
sys.exit(status)
