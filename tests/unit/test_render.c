/* SPDX-License-Identifier: MIT */
/* test_render.c: escaping, sentences and the three formats. */
#include "harness.h"
#include "progdiff.h"

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
	STR_EQ(out.ptr, "## Förändringar\n\n- Nytt målområde: Funktionell samordning\n",
	       "the Förändringar list");
	render(&out, old_md, old_md, PD_FORMAT_MARKDOWN, PD_LANG_SV);
	STR_EQ(out.ptr, "## Förändringar\n\nInga förändringar.\n", "no changes");
	pd_buf_dispose(&out);
}

static void test_render__markdown_english(void)
{
	pd_buf out = PD_BUF_INIT;

	render(&out, old_md, new_md, PD_FORMAT_MARKDOWN, PD_LANG_EN);
	STR_EQ(out.ptr, "## Changes\n\n- New goal area: Funktionell samordning\n",
	       "the Changes list");
	pd_buf_dispose(&out);
}

static void test_render__markdown_escapes_names(void)
{
	pd_buf out = PD_BUF_INIT;

	render(&out, old_md,
	       "# Plan\n\n## Fokusområden\n\n### Trygghet\n\nTrygga miljöer.\n\n"
	       "### A \\*b\\* [c] &#x1b;\n\nText.\n", PD_FORMAT_MARKDOWN, PD_LANG_EN);
	STR_EQ(out.ptr, "## Changes\n\n- New goal area: A \\*b\\* \\[c\\] \\\\x1b\n",
	       "Markdown punctuation and control characters stay text");
	pd_buf_dispose(&out);
}

static void test_render__text_report(void)
{
	pd_buf out = PD_BUF_INIT;

	render(&out, old_md, new_md, PD_FORMAT_TEXT, PD_LANG_EN);
	STR_EQ(out.ptr, "Changes from A to B (1 change):\n\n"
	       "+ New goal area: Funktionell samordning [line 9]\n", "text");
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
	OK(pd_format_parse(&f, "html") == PD_EINVALID, "unknown");
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
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
