/* SPDX-License-Identifier: MIT */
/* test_render.c: escaping, sentences and the three formats. */
#include <math.h>

#include "harness.h"
#include "progdiff.h"
#include "render.h"
#include "text.h"

static void terminal(pd_buf *out, const char *s)
{
	pd_buf_clear(out);
	pd_render_escape_terminal(out, s, strlen(s));
}

static void test_render__terminal_escapes_control_characters(void)
{
	pd_buf out = PD_BUF_INIT;

	terminal(&out, "a\x1b[31mb");
	STR_EQ(out.ptr, "a\\x1b[31mb", "ESC is shown, not sent");
	terminal(&out, "x\xc2\x9b" "2Jy");
	STR_EQ(out.ptr, "x\\x9b2Jy", "the C1 CSI too");
	terminal(&out, "\x07\x7f");
	STR_EQ(out.ptr, "\\x07\\x7f", "BEL and DEL");
	terminal(&out, "Rådslaget – ”nytt”");
	STR_EQ(out.ptr, "Rådslaget – ”nytt”", "printable UTF-8 unchanged");
	terminal(&out, "a\xe2\x80\xae" "b");
	STR_EQ(out.ptr, "a\\u{202e}b", "bidirectional overrides shown");
	pd_buf_dispose(&out);
}

static void test_render__json_strings(void)
{
	pd_buf out = PD_BUF_INIT;
	const char *s = "a\"b\\c\nd\x1b" "e";

	pd_render_escape_json(&out, s, strlen(s));
	STR_EQ(out.ptr, "\"a\\\"b\\\\c\\nd\\u001be\"", "quotes, backslash, controls");
	pd_buf_clear(&out);
	pd_render_escape_json(&out, "x\xe2\x80\xae" "y", 5);
	STR_EQ(out.ptr, "\"x\\u202ey\"", "a right-to-left override is escaped");
	pd_buf_dispose(&out);
}

static void render(pd_buf *out, const char *a, const char *b, pd_format f,
                   pd_lang lang)
{
	pd_document *da = NULL, *db = NULL;
	pd_changes *c = NULL;
	pd_render_options o = PD_RENDER_OPTIONS_INIT;

	pd_buf_clear(out);
	o.format = f;
	o.lang = lang;
	o.old_label = "A";
	o.new_label = "B";
	if (pd_parse_document(&da, a, strlen(a), NULL) < 0 ||
	    pd_parse_document(&db, b, strlen(b), NULL) < 0 ||
	    pd_changes_compute(&c, da, db, NULL) < 0 ||
	    pd_render(out, c, &o) < 0)
		pd_buf_puts(out, "(error)");
	pd_changes_free(c);
	pd_document_free(db);
	pd_document_free(da);
}

static const char *old_md =
	"# Plan\n\n## Fokusområden\n\n### Trygghet\n\nTrygga miljöer.\n";
static const char *new_md =
	"# Plan\n\n## Fokusområden\n\n### Trygghet\n\nTrygga miljöer.\n\n"
	"### Funktionell *samordning*\n\nGemensam planering.\n";

static void test_render__markdown_swedish(void)
{
	pd_buf out = PD_BUF_INIT;

	render(&out, old_md, new_md, PD_FORMAT_MARKDOWN, PD_LANG_SV);
	STR_EQ(out.ptr, "## Förändringar\n\n- Programmet har fått ett nytt "
	       "målområde, \xe2\x80\x9d" "Funktionell samordning\xe2\x80\x9d.\n",
	       "the Förändringar list");
	render(&out, old_md, old_md, PD_FORMAT_MARKDOWN, PD_LANG_SV);
	STR_EQ(out.ptr, "## Förändringar\n\nInga förändringar.\n", "no changes");
	pd_buf_dispose(&out);
}

static void test_render__markdown_english(void)
{
	pd_buf out = PD_BUF_INIT;

	render(&out, old_md, new_md, PD_FORMAT_MARKDOWN, PD_LANG_EN);
	STR_EQ(out.ptr, "## Changes\n\n- The programme has a new goal area, "
	       "\xe2\x80\x9c" "Funktionell samordning\xe2\x80\x9d.\n",
	       "the Changes list");
	pd_buf_dispose(&out);
}

static void test_render__markdown_escapes_names(void)
{
	pd_buf out = PD_BUF_INIT;

	render(&out, old_md,
	       "# Plan\n\n## Fokusområden\n\n### Trygghet\n\nTrygga miljöer.\n\n"
	       "### A \\*b\\* [c] &#x1b;\n\nText.\n", PD_FORMAT_MARKDOWN, PD_LANG_EN);
	STR_EQ(out.ptr, "## Changes\n\n- The programme has a new goal area, "
	       "\xe2\x80\x9c" "A \\*b\\* \\[c\\] \\\\x1b\xe2\x80\x9d.\n",
	       "Markdown punctuation and control characters stay text");
	pd_buf_dispose(&out);
}

static void test_render__text_report(void)
{
	pd_buf out = PD_BUF_INIT;

	render(&out, old_md, new_md, PD_FORMAT_TEXT, PD_LANG_EN);
	STR_EQ(out.ptr, "Changes from A to B (1 change):\n\n"
	       "+ The programme has a new goal area, "
	       "\xe2\x80\x9c" "Funktionell samordning\xe2\x80\x9d. [line 9]\n", "text");
	render(&out, old_md, old_md, PD_FORMAT_TEXT, PD_LANG_SV);
	STR_EQ(out.ptr, "Inga förändringar från A till B.\n", "no changes");
	pd_buf_dispose(&out);
}

static void test_render__json_values(void)
{
	pd_buf out = PD_BUF_INIT;

	render(&out, old_md, new_md, PD_FORMAT_JSON, PD_LANG_EN);
	OK(strstr(out.ptr, "\"schema\": \"progdiff/1\"") != NULL, "schema");
	OK(strstr(out.ptr, "\"kind\": \"area-added\"") != NULL, "kind");
	OK(strstr(out.ptr, "\"new_path\": [\"Fokusområden\", \"Funktionell samordning\"]")
	   != NULL, "path from the top down");
	OK(strstr(out.ptr, "\"old_path\": null") != NULL, "null old path");
	OK(strstr(out.ptr, "\"new_line\": 9") != NULL, "line");
	pd_buf_dispose(&out);
}

static void test_render__format_names(void)
{
	pd_format f;

	OK(pd_format_parse(&f, "json") == 0 && f == PD_FORMAT_JSON, "json");
	OK(pd_format_parse(&f, "md") == 0 && f == PD_FORMAT_MARKDOWN, "md");
	STR_EQ(pd_format_name(PD_FORMAT_TEXT), "text", "the first name");
	STR_EQ(pd_format_name(PD_FORMAT_JSON), "json", "a name by its format");
	OK(pd_format_name((pd_format)-1) == NULL, "no name before the first");
	for (f = PD_FORMAT_TEXT; pd_format_name(f); f = (pd_format)(f + 1)) {
		pd_format back;

		OK(pd_format_parse(&back, pd_format_name(f)) == 0 && back == f,
		   "every name parses back to its format");
	}
	OK(pd_format_parse(&f, "html") == 0 && f == PD_FORMAT_HTML, "html");
	OK(pd_format_parse(&f, "docx") == 0 && f == PD_FORMAT_DOCX, "docx");
	OK(pd_format_parse(&f, "pdf") == PD_EINVALID, "unknown");
}


/*
 * The escapers on the edges of the runs they copy whole: each escaped code
 * point (C0, DEL, C1, the line and paragraph separators, the bidirectional
 * embeddings, overrides and isolates) and its neighbours that are not,
 * every kind of invalid byte, and a character to escape at each place
 * around an eight-byte step. The terminal shows an invalid byte and an
 * escaped code point below U+0100 as \xNN, others as \u{NNNN}; JSON has
 * its short escapes, \uNNNN, and U+FFFD for each invalid byte.
 */
static const struct {
	const char *in, *terminal, *json;
} escape_cases[] = {
	{ "", "", "" },
	{ "abcdefgh", "abcdefgh", "abcdefgh" },
	{ "Programmet mål 2035", "Programmet mål 2035", "Programmet mål 2035" },
	/* the ASCII controls, quote and backslash */
	{ "\"\\", "\"\\", "\\\"\\\\" },
	{ "\n\t\r", "\\x0a\\x09\\x0d", "\\n\\t\\r" },
	{ "\x01\x1b\x1f", "\\x01\\x1b\\x1f", "\\u0001\\u001b\\u001f" },
	{ " ~\x7f", " ~\\x7f", " ~\\u007f" },
	{ "a\x1b[31mb", "a\\x1b[31mb", "a\\u001b[31mb" },
	/* C1, and the two-byte code points beside it */
	{ "\xc2\x80|\xc2\x9b|\xc2\x9f", "\\x80|\\x9b|\\x9f",
	  "\\u0080|\\u009b|\\u009f" },
	{ "\xc2\xa0|\xc2\xbf|\xdf\xbf|å|Ö|é", "\xc2\xa0|\xc2\xbf|\xdf\xbf|å|Ö|é",
	  "\xc2\xa0|\xc2\xbf|\xdf\xbf|å|Ö|é" },
	/* U+2028..U+202E and U+2066..U+2069, and their neighbours */
	{ "\xe2\x80\xa7|\xe2\x80\xa8|\xe2\x80\xa9|\xe2\x80\xaa|\xe2\x80\xae|"
	  "\xe2\x80\xaf", "\xe2\x80\xa7|\\u{2028}|\\u{2029}|\\u{202a}|\\u{202e}|"
	  "\xe2\x80\xaf", "\xe2\x80\xa7|\\u2028|\\u2029|\\u202a|\\u202e|"
	  "\xe2\x80\xaf" },
	{ "\xe2\x81\xa5|\xe2\x81\xa6|\xe2\x81\xa9|\xe2\x81\xaa",
	  "\xe2\x81\xa5|\\u{2066}|\\u{2069}|\xe2\x81\xaa",
	  "\xe2\x81\xa5|\\u2066|\\u2069|\xe2\x81\xaa" },
	{ "”–\xf0\x9f\x98\x80", "”–\xf0\x9f\x98\x80", "”–\xf0\x9f\x98\x80" },
	/* invalid: lone lead bytes, a stray continuation byte, 0xFF, a lead
	 * byte before ASCII, an overlong form, a surrogate */
	{ "\xc3", "\\xc3", "\\ufffd" },
	{ "\xc2|\x80|\xff", "\\xc2|\\x80|\\xff", "\\ufffd|\\ufffd|\\ufffd" },
	{ "\xc3\x28", "\\xc3(", "\\ufffd(" },
	{ "\xe0\x80\x80", "\\xe0\\x80\\x80", "\\ufffd\\ufffd\\ufffd" },
	{ "\xed\xa0\x80", "\\xed\\xa0\\x80", "\\ufffd\\ufffd\\ufffd" },
	{ "a\xf0\x9f\x98", "a\\xf0\\x9f\\x98", "a\\ufffd\\ufffd\\ufffd" },
	/* around the eight-byte steps */
	{ "abcdefg\x01", "abcdefg\\x01", "abcdefg\\u0001" },
	{ "abcdefgh\x01", "abcdefgh\\x01", "abcdefgh\\u0001" },
	{ "abcdefghi\"", "abcdefghi\"", "abcdefghi\\\"" },
	{ "0123456\n", "0123456\\x0a", "0123456\\n" },
	{ "abcdefgå", "abcdefgå", "abcdefgå" },
	{ "abcdefg\xe2\x80\xae" "b", "abcdefg\\u{202e}b", "abcdefg\\u202eb" },
	{ "abcdefgh\xc3", "abcdefgh\\xc3", "abcdefgh\\ufffd" },
	{ "abcdef\xc2\x9b" "abcdefgh", "abcdef\\x9babcdefgh",
	  "abcdef\\u009babcdefgh" },
	{ "x y z 123\xe2\x80\xa8mål 2035\x01é",
	  "x y z 123\\u{2028}mål 2035\\x01é",
	  "x y z 123\\u2028mål 2035\\u0001é" },
	/* a long run, then one to escape */
	{ "Programmet mål 2035 Programmet mål 2035 Programmet mål 2035 \x1b",
	  "Programmet mål 2035 Programmet mål 2035 Programmet mål 2035 \\x1b",
	  "Programmet mål 2035 Programmet mål 2035 Programmet mål 2035 \\u001b" }
};

static void test_render__escapes_on_the_edges(void)
{
	pd_buf got = PD_BUF_INIT, want = PD_BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(escape_cases) / sizeof(escape_cases[0]); i++) {
		const char *in = escape_cases[i].in;

		pd_buf_clear(&got);
		pd_render_escape_terminal(&got, in, strlen(in));
		STR_EQ(got.ptr, escape_cases[i].terminal, "shown on a terminal");
		pd_buf_clear(&got);
		pd_buf_clear(&want);
		pd_render_escape_json(&got, in, strlen(in));
		pd_buf_printf(&want, "\"%s\"", escape_cases[i].json);
		STR_EQ(got.ptr, want.ptr, "a JSON string");
	}
	pd_buf_dispose(&got);
	pd_buf_dispose(&want);
}

static unsigned long prng_state = 12345;

static unsigned prng(unsigned n)
{
	prng_state = prng_state * 6364136223846793005ul + 1442695040888963407ul;
	return (unsigned)((prng_state >> 33) % n);
}

static void test_render__fixed3_is_printf(void)
{
	pd_buf got = PD_BUF_INIT;
	char want[64];
	int i, bad = 0;

	for (i = 0; i < 200000; i++) {
		double v;

		/* exact halves (k/2000, k/16), their neighbours, and any */
		switch (i % 4) {
		case 0: v = prng(2001) / 2000.0; break;
		case 1: v = prng(17) / 16.0; break;
		case 2: v = nextafter(prng(2001) / 2000.0, i % 8 < 4 ? 2.0 : -1.0);
			break;
		default: v = prng(1u << 30) / (double)(1u << 30); break;
		}
		if (v < 0)
			v = 0;
		pd_buf_clear(&got);
		pd_render__fixed3(&got, v);
		snprintf(want, sizeof(want), "%.3f", v);
		if (strcmp(got.ptr, want)) {
			if (bad++ < 3)
				printf("    %.17g: got %s, want %s\n", v, got.ptr, want);
		}
	}
	INT_EQ(bad, 0, "\"%.3f\" of similarities");
	pd_buf_clear(&got);
	pd_render__fixed3(&got, 0.0625);
	STR_EQ(got.ptr, "0.062", "a binary half rounds to even, as printf");
	pd_buf_clear(&got);
	pd_render__fixed3(&got, 1.0);
	STR_EQ(got.ptr, "1.000", "one");
	pd_buf_dispose(&got);
}

static const pd_test tests[] = {
	PD_TEST(test_render__terminal_escapes_control_characters),
	PD_TEST(test_render__json_strings),
	PD_TEST(test_render__markdown_swedish),
	PD_TEST(test_render__markdown_english),
	PD_TEST(test_render__markdown_escapes_names),
	PD_TEST(test_render__text_report),
	PD_TEST(test_render__json_values),
	PD_TEST(test_render__format_names),
	PD_TEST(test_render__escapes_on_the_edges),
	PD_TEST(test_render__fixed3_is_printf),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
