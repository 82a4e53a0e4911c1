/* SPDX-License-Identifier: MIT */
/* test_render_html.c: the redline page: escaping, anchors, layout, lang. */
#include "harness.h"
#include "progdiff.h"
#include "render.h"

static void test_render_html__escapes_everything(void)
{
	pd_buf out = PD_BUF_INIT;
	const char *s = "<a href='javascript:x'>&\"</a>\xe2\x80\xae\x1b";

	pd_render__put_html(&out, s, strlen(s));
	STR_EQ(out.ptr, "&lt;a href=&#39;javascript:x&#39;&gt;&amp;&quot;&lt;/a&gt;"
	       "\\u{202e}\\x1b", "markup, quotes, bidi overrides, controls");
	pd_buf_dispose(&out);
}

static int page(pd_buf *out, const char *a, const char *b, pd_lang lang,
                unsigned flags)
{
	pd_document *old = NULL, *new_doc = NULL;
	pd_changes *changes = NULL;
	pd_render_options o = PD_RENDER_OPTIONS_INIT;
	int error;

	o.format = PD_FORMAT_HTML;
	o.lang = lang;
	o.flags = flags;
	o.old_label = "2013";
	o.new_label = "<2035>";
	if ((error = pd_parse_document(&old, a, strlen(a), NULL)) < 0 ||
	    (error = pd_parse_document(&new_doc, b, strlen(b), NULL)) < 0 ||
	    (error = pd_changes_compute(&changes, old, new_doc, NULL)) < 0)
		goto done;
	error = pd_render(out, changes, &o);
done:
	pd_changes_free(changes);
	pd_document_free(new_doc);
	pd_document_free(old);
	return error;
}

#define OLD "# P\n\n## Fokusområden\n\n### Skola\n\nAlla ska lära sig läsa.\n\n" \
	"### Parker\n\nGröna parker.\n\n### Kultur\n\nBibliotek.\n"
#define NEW "# P\n\n## Fokusområden\n\n### Skola\n\nAlla ska lära sig skriva.\n\n" \
	"### Parker\n\nGröna parker.\n\n### Trygghet\n\nFler vuxna ute på kvällarna " \
	"och bättre belysning i parkerna.\n"

static void test_render_html__redline(void)
{
	pd_buf out = PD_BUF_INIT;

	INT_EQ(page(&out, OLD, NEW, PD_LANG_SV, 0), 0, "renders");
	OK(!strncmp(out.ptr, "<!DOCTYPE html>\n<html lang=\"sv\">", 32), "lang sv");
	OK(strstr(out.ptr, "default-src 'none'") != NULL, "no fetch allowed");
	OK(strstr(out.ptr, "&lt;2035&gt;") && !strstr(out.ptr, "<2035>"),
	   "labels are escaped");
	OK(strstr(out.ptr, "<del>läsa.</del><ins>skriva.</ins>") != NULL,
	   "words deleted and inserted");
	OK(strstr(out.ptr, "<li><a href=\"#c1\">") != NULL, "the list links");
	OK(strstr(out.ptr, " id=\"c1\" ") != NULL, "to a mark that exists");
	OK(strstr(out.ptr, "<details id=\"s3\" class=\"same\"><summary><h3>Parker</h3>")
	   != NULL, "an unchanged section folds, its heading a heading");
	OK(strstr(out.ptr, "class=\"removed\">\n<h3><del>Kultur</del></h3>") != NULL,
	   "a removed area is struck through where it stood");
	OK(strstr(out.ptr, "@page{size:A4") != NULL, "A4 when printed");
	OK(strstr(out.ptr, "<script>") != NULL &&
	   strstr(out.ptr, "<script>") == strstr(out.ptr, "<script>(function"),
	   "one script, ours");
	pd_buf_clear(&out);
	INT_EQ(page(&out, OLD, NEW, PD_LANG_EN, PD_RENDER_SIDE), 0, "side by side");
	OK(strstr(out.ptr, "<html lang=\"en\">") != NULL, "lang en");
	OK(strstr(out.ptr, "<div class=\"row\"><div><p>Alla ska lära sig <del>läsa.</del>"
	          "</p></div><div><p>Alla ska lära sig <ins>skriva.</ins></p></div></div>")
	   != NULL, "OLD beside NEW");
	pd_buf_dispose(&out);
}

static const pd_test tests[] = {
	PD_TEST(test_render_html__escapes_everything),
	PD_TEST(test_render_html__redline),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
