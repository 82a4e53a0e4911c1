/* SPDX-License-Identifier: MIT */
/* test_timeline.c: lineages over versions: renames, splits, merges, removal. */
#include "harness.h"
#include "helpers.h"
#include "progdiff.h"

#define P1 "Miljön runt sjön ska skyddas och vattnet bli renare för fisk och fåglar. "
#define P2 "Utsläppen från bilar och bussar ska minska genom el och biogas i trafiken. "
#define P3 "Företagen behöver mark och snabb service i tillstånd och bygglov. "
#define P4 "Besökarna kommer för slottet, golfbanan och vandringslederna i skogen. "
#define P5 "Skolan ska ge alla elever stöd att nå kunskapskraven i varje ämne. "

static const char *const versions[] = {
	"# P\n\n## Fokusområden\n\n### Miljö och klimat\n\n" P1 "\n\n" P2
	"\n\n### Näringsliv\n\n" P3 "\n\n### Turism\n\n" P4
	"\n\n### Skola\n\n" P5 "\n",
	"# P\n\n## Fokusområden\n\n### Miljö\n\n" P1 "\n\n### Klimat\n\n" P2
	"\n\n### Näringsliv\n\n" P3 "\n\n### Turism\n\n" P4
	"\n\n### Utbildning\n\n" P5 "\n",
	"# P\n\n## Fokusområden\n\n### Miljö\n\n" P1 "\n\n### Klimat\n\n" P2
	"\n\n### Näringsliv och turism\n\n" P3 "\n\n" P4 "\n"
};

static void build(pd_timeline **tl)
{
	pd_document *prev = NULL, *d;
	size_t i;
	char label[8];

	pd_timeline_new(tl, "p");
	for (i = 0; i < sizeof(versions) / sizeof(versions[0]); i++) {
		d = doc_of(versions[i]);
		OK(d != NULL, "a version parses");
		snprintf(label, sizeof(label), "v%zu", i + 1);
		INT_EQ(pd_timeline_add(*tl, label, d), 0, "a version is added");
		pd_document_free(prev);
		prev = d;
	}
	pd_document_free(prev);
}

static void test_timeline__events(void)
{
	pd_timeline *tl = NULL;
	pd_buf out = PD_BUF_INIT;

	build(&tl);
	INT_EQ((int)pd_timeline_version_count(tl), 3, "three versions");
	pd_timeline_render(&out, tl, PD_FORMAT_TEXT, PD_LANG_EN);
	OK(strstr(out.ptr, "\xe2\x80\x9cMilj\xc3\xb6 och klimat\xe2\x80\x9d  v1\xe2\x80\x93v1\n"
	       "      v2: is split into \xe2\x80\x9cMilj\xc3\xb6\xe2\x80\x9d and "
	       "\xe2\x80\x9cKlimat\xe2\x80\x9d\n") != NULL, "the split ends the old line");
	OK(strstr(out.ptr, "v2: is split from \xe2\x80\x9cMilj\xc3\xb6 och klimat") != NULL,
	   "and starts the parts");
	OK(strstr(out.ptr, "v3: is merged from \xe2\x80\x9cN\xc3\xa4ringsliv\xe2\x80\x9d and "
	       "\xe2\x80\x9cTurism\xe2\x80\x9d") != NULL, "a merge names its sources");
	OK(strstr(out.ptr, "v3: is merged into \xe2\x80\x9cN\xc3\xa4ringsliv och turism") != NULL,
	   "and the sources name it");
	OK(strstr(out.ptr, "v2: is renamed \xe2\x80\x9cUtbildning\xe2\x80\x9d\n"
	       "      v3: is removed\n") != NULL, "a rename, then a removal");
	pd_buf_dispose(&out);
	pd_timeline_free(tl);
}

static void test_timeline__json_and_html(void)
{
	pd_timeline *tl = NULL;
	pd_buf out = PD_BUF_INIT;

	build(&tl);
	pd_timeline_render(&out, tl, PD_FORMAT_JSON, PD_LANG_SV);
	OK(!strncmp(out.ptr, "{\n  \"schema\": \"progdiff-timeline/1\",",
	            strlen("{\n  \"schema\": \"progdiff-timeline/1\",")),
	   "the schema comes first");
	OK(strstr(out.ptr, "\"type\": \"split-into\", \"lineages\": [") != NULL,
	   "a split refers to the parts");
	pd_buf_clear(&out);
	pd_timeline_render(&out, tl, PD_FORMAT_HTML, PD_LANG_SV);
	OK(strstr(out.ptr, "<html lang=\"sv\">") != NULL, "lang");
	OK(strstr(out.ptr, "<path class=\"split\"") != NULL, "a split is drawn");
	OK(strstr(out.ptr, "<path class=\"merge\"") != NULL, "a merge is drawn");
	OK(strstr(out.ptr, "<table>") != NULL, "a table holds the facts");
	INT_EQ(pd_timeline_render(&out, tl, PD_FORMAT_MARKDOWN, PD_LANG_SV),
	       PD_EINVALID, "no Markdown timeline");
	pd_buf_dispose(&out);
	pd_timeline_free(tl);
}

/* Splits and merges weigh every old area against every new one of a
 * pair: areas times areas per pair, no more, however long the texts. */
static void test_timeline__work_is_bounded(void)
{
	pd_timeline *tl = NULL;
	pd_buf md = PD_BUF_INIT;
	pd_document *a, *b;
	int i, k;

	pd_buf_puts(&md, "# P\n\n## Fokusområden\n\n");
	for (i = 0; i < 30; i++) {
		pd_buf_printf(&md, "### Område %d\n\n", i);
		for (k = 0; k < 200; k++)
			pd_buf_printf(&md, "ord%d_%d ", i, k);
		pd_buf_puts(&md, "\n\n");
	}
	a = doc_of(md.ptr);
	b = doc_of(md.ptr);
	pd_timeline_new(&tl, "p");
	pd_timeline_add(tl, "1", a);
	pd_timeline_add(tl, "2", b);
	OK(pd_timeline_comparisons(tl) <= 30 * 30 + 2 * 31,
	   "areas weighed pairwise, and the matcher's own few");
	pd_timeline_free(tl);
	pd_document_free(b);
	pd_document_free(a);
	pd_buf_dispose(&md);
}

static const pd_test tests[] = {
	PD_TEST(test_timeline__events),
	PD_TEST(test_timeline__json_and_html),
	PD_TEST(test_timeline__work_is_bounded),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
