/* SPDX-License-Identifier: MIT */
/*
 * test_import.c: formats by content, text encodings, pandoc's Markdown
 * made structured, an HTML page's main content (import.c,
 * import_pandoc.c), and a PDF's lines made Markdown (import_layout.c).
 */
#include "harness.h"
#include "import.h"

static pd_input detect(const char *s, size_t len)
{
	return pd_import_detect(s, len);
}

static void test_import__detect(void)
{
	static const char odt[] = "PK\003\004\024\0\0\0\0\0\0\0\0\0\0\0\0\0"
	        "\0\0\0\0\0\0\0\0\010\0\0\0mimetypeapplication/vnd.oasis."
	        "opendocument.text";
	static const char epub[] = "PK\003\004\024\0\0\0\0\0\0\0\0\0\0\0\0"
	        "\0\0\0\0\0\0\0\0\0\010\0\0\0mimetypeapplication/epub+zip";

	INT_EQ(detect("%PDF-1.7\n", 9), PD_INPUT_PDF, "a PDF by its header");
	INT_EQ(detect("{\\rtf1\\ansi", 11), PD_INPUT_RTF, "RTF");
	INT_EQ(detect("<!DOCTYPE html><html>", 21), PD_INPUT_HTML,
	       "HTML by its doctype");
	INT_EQ(detect("\n  <!-- x -->\n<HTML lang=sv>", 28), PD_INPUT_HTML,
	       "HTML after a comment, any case");
	INT_EQ(detect("# Plan\n\n<html>", 15), PD_INPUT_MARKDOWN,
	       "Markdown that holds HTML later is Markdown");
	INT_EQ(detect(odt, sizeof(odt) - 1), PD_INPUT_ODT,
	       "ODT by its stored mimetype");
	INT_EQ(detect(epub, sizeof(epub) - 1), PD_INPUT_EPUB,
	       "EPUB by its stored mimetype");
	INT_EQ(detect("PK\003\004garbage", 11), PD_INPUT_MARKDOWN,
	       "a zip without a directory is not taken for a document");
	STR_EQ(pd_input_name(PD_INPUT_DOCX), "docx", "names");
	STR_EQ(pd_origin_name(PD_ORIGIN_FONT), "font-size", "origin names");
}

static void test_import__utf16(void)
{
	pd_buf out = PD_BUF_INIT;

	OK(pd_import(&out, NULL, "\xff\xfe#\0 \0T\0r\0\xe4\0d\0", 14, NULL) == 0,
	   "UTF-16LE with a BOM is read");
	STR_EQ(out.ptr, "# Träd", "and converted");
	pd_buf_clear(&out);
	OK(pd_import(&out, NULL, "\xfe\xff\xd8\x3d\xde\x00", 6, NULL) == 0,
	   "UTF-16BE with a surrogate pair");
	STR_EQ(out.ptr, "\xf0\x9f\x98\x80", "becomes one character");
	pd_buf_clear(&out);
	INT_EQ(pd_import(&out, NULL, "\xff\xfe\x00\xdc", 4, NULL), PD_EINVALID,
	       "a lone low surrogate is refused");
	pd_buf_dispose(&out);
}

static void test_import__legacy_text(void)
{
	pd_buf out = PD_BUF_INIT;

	INT_EQ(pd_import(&out, NULL, "# Tr\xe4" "dg\xe5" "rd\n", 11, NULL),
	       PD_EINVALID, "Latin-1 letters in words are refused");
	OK(strstr(pd_error_hint(), "iconv -f WINDOWS-1252") != NULL,
	   "with the iconv hint");
	INT_EQ(pd_import(&out, NULL, "\x93" "Citat\x94", 7, NULL), PD_EINVALID,
	       "Windows-1252 quotes are refused");
	pd_buf_clear(&out);
	OK(pd_import(&out, NULL, "Text \xc3\x28 och \xff.", 14, NULL) == 0,
	   "bytes no 8-bit text explains are left to the parser");
	STR_EQ(out.ptr, "Text \xc3\x28 och \xff.", "unchanged");
	pd_buf_clear(&out);
	{
		pd_import_options opts = PD_IMPORT_OPTIONS_INIT;

		/* the parser checks what it reads next: not done twice */
		opts.flags = PD_IMPORT_PARSED_NEXT;
		OK(pd_import(&out, NULL, "# Tr\xe4" "dg\xe5" "rd\n", 11,
		             &opts) == 0, "text the parser reads next is left "
		   "to it");
		INT_EQ(out.size, 11, "appended as it is");
	}
	pd_buf_dispose(&out);
}

static void restructure(pd_buf *out, const char *md, pd_import_info *info)
{
	pd_buf_clear(out);
	pd_import__restructure(out, info, md, strlen(md), PD_ORIGIN_STYLE);
}

static void test_import__localised_styles(void)
{
	pd_buf out = PD_BUF_INIT;
	pd_import_info info = PD_IMPORT_INFO_INIT;

	restructure(&out, "---\ntitle: Plan 2035\n---\n\n"
	            "<div custom-style=\"Rubrik 1\">\n\n1\\. Mål\n\n</div>\n\n"
	            "<div custom-style=\"Body Text\">\n\nText <span custom-style="
	            "\"Stark\">fet</span>.\n\n</div>\n\n"
	            "<div custom-style=\"Überschrift 2\">\n\nUnder\n\n</div>\n",
	            &info);
	STR_EQ(out.ptr, "# Plan 2035\n\n## 1. Mål\n\nText fet.\n\n### Under\n",
	       "the title is the H1, localised heading styles are headings "
	       "one level down, wrappers go");
	INT_EQ(info.heading_count, 3, "three headings recorded");
	if (info.heading_count == 3) {
		INT_EQ(info.headings[1].line, 3, "on their lines");
		INT_EQ(info.headings[2].line, 7, "on their lines");
		INT_EQ(info.headings[2].origin, PD_ORIGIN_STYLE, "from styles");
	}
	pd_import_info_dispose(&info);
	restructure(&out, "<div custom-style=\"Rubrik\">\n\nNamnet\n\n</div>\n\n"
	            "## Område\n", NULL);
	STR_EQ(out.ptr, "# Namnet\n\n## Område\n",
	       "Swedish Word's Title style names the programme");
	restructure(&out, "<table>\n<thead>\n<tr class=\"header\">\n<th><p>A &amp;"
	            " B</p></th>\n<th>C</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
	            "<td><div><p>1</p>\n<p>2</p></div></td>\n<td>x|y</td>\n</tr>\n"
	            "</tbody>\n</table>\n", NULL);
	STR_EQ(out.ptr, "| A & B | C |\n| --- | --- |\n| 1 2 | x\\|y |\n",
	       "an HTML table becomes a pipe table");
	pd_buf_dispose(&out);
}

static void test_import__html_main(void)
{
	pd_buf out = PD_BUF_INIT;
	const char *page = "<html><head><title>Plan</title></head><body>"
	        "<header><nav><a>Start</a></nav></header>"
	        "<div class=\"cookie-banner\"><p>Vi använder kakor</p></div>"
	        "<main><h1>Plan</h1><aside>Dela</aside><p>Text</p></main>"
	        "<footer>Kontakt</footer></body></html>";
	const char *no_main = "<html><body><nav>Meny</nav><h1>Plan</h1>"
	        "<div id=\"cookieConsent\"><div>Kakor</div></div><p>Text</p>"
	        "<footer>Kontakt</footer></body></html>";

	pd_import__html_main(&out, page, strlen(page));
	OK(strstr(out.ptr, "<h1>Plan</h1>") && strstr(out.ptr, "<p>Text</p>"),
	   "the main content is kept");
	OK(!strstr(out.ptr, "Start") && !strstr(out.ptr, "kakor") &&
	   !strstr(out.ptr, "Kontakt") && !strstr(out.ptr, "Dela"),
	   "navigation, banners, asides and footers are not");
	pd_buf_clear(&out);
	pd_import__html_main(&out, no_main, strlen(no_main));
	OK(strstr(out.ptr, "<h1>Plan</h1>") && strstr(out.ptr, "<p>Text</p>") &&
	   !strstr(out.ptr, "Meny") && !strstr(out.ptr, "Kakor") &&
	   !strstr(out.ptr, "Kontakt"),
	   "without <main>, the same are cut from the body");
	pd_buf_dispose(&out);
}

static pd_pdf_line pdf_line(unsigned page, double top, double size,
                            unsigned flags, const char *text)
{
	pd_pdf_line l;

	memset(&l, 0, sizeof(l));
	l.text = text;
	l.len = strlen(text);
	l.page = page;
	l.page_height = 842;
	l.x0 = 72;
	l.x1 = 72 + (double)l.len * size / 2;
	l.y0 = top;
	l.y1 = top + size * 1.2;
	l.size = size;
	l.flags = flags;
	return l;
}

static void test_import__layout_fonts(void)
{
	pd_pdf_line lines[16];
	pd_buf out = PD_BUF_INIT;
	pd_import_info info = PD_IMPORT_INFO_INIT;
	size_t n = 0;

	lines[n++] = pdf_line(1, 20, 8, 0, "Kommunen · Dnr KS 2019/117");
	lines[n++] = pdf_line(1, 80, 20, PD_PDF_BOLD, "Plan 2035");
	lines[n++] = pdf_line(1, 120, 11, 0, "Kommunen ska arbeta med sam-");
	lines[n++] = pdf_line(1, 136, 11, 0, "arbete i stads- och");
	lines[n++] = pdf_line(1, 152, 11, 0, "landsbygd.");
	lines[n++] = pdf_line(1, 190, 11, PD_PDF_BOLD, "Viktigt att veta");
	lines[n++] = pdf_line(1, 220, 11, 0, "Mer text.");
	lines[n++] = pdf_line(1, 800, 8, 0, "Sida 1 av 2");
	lines[n++] = pdf_line(2, 20, 8, 0, "Kommunen · Dnr KS 2019/117");
	lines[n++] = pdf_line(2, 80, 11, PD_PDF_BOLD, "2.1 Mål för området");
	lines[n++] = pdf_line(2, 110, 11, 0, "• Fler ska resa kollektivt.");
	lines[n++] = pdf_line(2, 126, 11, 0, "• Färre bilar.");
	lines[n++] = pdf_line(2, 800, 8, 0, "2 (2)");
	pd_import__layout(&out, &info, lines, n, NULL, 0, PD_ORIGIN_FONT);
	STR_EQ(out.ptr, "# Plan 2035\n\n"
	       "Kommunen ska arbeta med samarbete i stads- och landsbygd.\n\n"
	       "Viktigt att veta\n\nMer text.\n\n"
	       "### 2.1 Mål för området\n\n"
	       "- Fler ska resa kollektivt.\n- Färre bilar.\n",
	       "running header and page numbers gone, the hyphen joined but "
	       "before 'och', a lone bold line stays text, a numbered one is a "
	       "heading at its depth, bullets are items");
	INT_EQ(info.heading_count, 2, "two headings");
	if (info.heading_count == 2) {
		INT_EQ(info.headings[0].origin, PD_ORIGIN_FONT, "by size");
		INT_EQ(info.headings[1].origin, PD_ORIGIN_NUMBERING,
		       "by numbering");
		INT_EQ(info.headings[1].page, 2, "on page 2");
		INT_EQ(info.headings[1].line, 9, "at its line");
	}
	pd_import_info_dispose(&info);
	pd_buf_dispose(&out);
}

static void test_import__layout_marks(void)
{
	pd_pdf_line lines[8];
	pd_pdf_mark marks[3];
	pd_buf out = PD_BUF_INIT;
	size_t n = 0;

	lines[n++] = pdf_line(1, 80, 14, 0, "Miljöprogram för");
	lines[n++] = pdf_line(1, 98, 14, 0, "kommunen");
	lines[n++] = pdf_line(1, 130, 11, 0, "Text.");
	lines[n++] = pdf_line(1, 160, 11, 0, "Trygga offentliga miljöer");
	marks[0].title = "Miljöprogram för kommunen";
	marks[0].level = 1;
	marks[0].page = 1;
	/* cut short at a ligature, as poppler reads some tags */
	marks[1].title = "Trygga o\xef\xac\x80";
	marks[1].level = 2;
	marks[1].page = 0;
	pd_import__layout(&out, NULL, lines, n, marks, 2, PD_ORIGIN_TAG);
	STR_EQ(out.ptr, "# Miljöprogram för kommunen\n\nText.\n\n"
	       "Trygga offentliga miljöer\n",
	       "a title over two lines is one heading; a cut-short tag needs "
	       "the heading's look");
	lines[3].flags = PD_PDF_BOLD;
	pd_buf_clear(&out);
	pd_import__layout(&out, NULL, lines, n, marks, 2, PD_ORIGIN_TAG);
	STR_EQ(out.ptr, "# Miljöprogram för kommunen\n\nText.\n\n"
	       "## Trygga offentliga miljöer\n", "which a bold line has");
	pd_buf_dispose(&out);
}

static void test_import__layout_running_zones(void)
{
	pd_pdf_line lines[8];
	pd_buf out = PD_BUF_INIT;
	size_t n = 0;

	lines[n++] = pdf_line(1, 20, 8, 0, "Plan · Dnr 2019/117");
	lines[n++] = pdf_line(1, 400, 11, 0, "Text.");
	lines[n++] = pdf_line(1, 790, 11, 0, "Indikator 2022");
	lines[n++] = pdf_line(1, 815, 8, 0, "20222030");
	lines[n++] = pdf_line(2, 20, 8, 0, "Plan · Dnr 2019/118");
	lines[n++] = pdf_line(2, 60, 11, 0, "Indikator 2022");
	lines[n++] = pdf_line(2, 400, 11, 0, "Mer.");
	pd_import__layout(&out, NULL, lines, n, NULL, 0, PD_ORIGIN_FONT);
	STR_EQ(out.ptr, "Text.\n\nIndikator 2022\n\n20222030\n\n"
	       "Indikator 2022\n\nMer.\n",
	       "a header recurs at the top of each page, digits aside; a line "
	       "at the bottom of one page and the top of the next is kept, and "
	       "eight digits are no page number");
	pd_buf_dispose(&out);
}

static const pd_test tests[] = {
	PD_TEST(test_import__detect),
	PD_TEST(test_import__utf16),
	PD_TEST(test_import__legacy_text),
	PD_TEST(test_import__localised_styles),
	PD_TEST(test_import__html_main),
	PD_TEST(test_import__layout_fonts),
	PD_TEST(test_import__layout_marks),
	PD_TEST(test_import__layout_running_zones),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
