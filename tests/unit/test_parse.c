/* SPDX-License-Identifier: MIT */
/*
 * test_parse.c: pd_parse_document() through the model it builds (parse.c):
 * refusals and limits, the tree and its invariants, blocks, line ranges,
 * metadata and language, options. The classification of whole documents
 * is in tests/spec/parse.md.
 */
#include <time.h>

#include "harness.h"
#include "helpers.h"
#include "document.h"
#include "parse.h"
#include "text.h"

/* "kind:heading" of every section in document order, joined by "|". */
static const char *outline(pd_buf *b, const pd_document *doc)
{
	size_t i;

	pd_buf_clear(b);
	for (i = 0; doc && i < pd_document_section_count(doc); i++) {
		const pd_section *s = pd_document_section(doc, i);

		if (i)
			pd_buf_putc(b, '|');
		pd_buf_printf(b, "%s:%s", pd_kind_name(pd_section_kind(s)),
		              pd_section_heading(s));
	}
	return b->ptr;
}

static void test_parse__empty(void)
{
	pd_document *doc = NULL;
	const pd_section *root;
	size_t len = 99;

	INT_EQ(pd_parse_document(&doc, "", 0, NULL), 0, "empty input parses");
	root = pd_document_root(doc);
	STR_EQ(pd_section_heading(root), "", "no name");
	INT_EQ(pd_section_kind(root), PD_KIND_PROGRAMME, "the root");
	INT_EQ(pd_section_level(root), 0, "level 0");
	INT_EQ(pd_document_section_count(doc), 1, "only the root");
	INT_EQ(pd_document_area_count(doc), 0, "no areas");
	INT_EQ(pd_document_lang(doc), PD_LANG_SV, "Swedish by default");
	STR_EQ(pd_document_source(doc, &len), "", "empty source");
	INT_EQ(len, 0, "of length 0");
	INT_EQ(doc->line_count, 0, "no lines");
	OK(pd_document_meta(doc)->name == NULL, "no name in the metadata");
	pd_document_free(doc);
	doc = NULL;
	INT_EQ(pd_parse_document(&doc, NULL, 0, NULL), 0, "NULL, 0 parses");
	INT_EQ(pd_document_section_count(doc), 1, "only the root");
	pd_document_free(doc);
}

static void test_parse__refuses_binary_and_invalid_utf8(void)
{
	pd_document *doc = (pd_document *)&doc;

	INT_EQ(pd_parse_document(&doc, "# Ti\0tel", 8, NULL), PD_EINVALID,
	       "a NUL byte");
	STR_EQ(pd_error_message(), "binary file (NUL byte at offset 4)",
	       "named as a binary file with the offset");
	OK(doc == NULL, "no document on error");
	INT_EQ(pd_parse_document(&doc, "# \xc3(", 4, NULL), PD_EINVALID,
	       "invalid UTF-8");
	STR_EQ(pd_error_message(), "invalid UTF-8 at byte 2", "with its byte");
	INT_EQ(pd_parse_document(&doc, "\xef\xbb\xbf# \xff", 6, NULL),
	       PD_EINVALID, "after a BOM");
	STR_EQ(pd_error_message(), "invalid UTF-8 at byte 5",
	       "offsets count the BOM: they are file offsets");
	INT_EQ(pd_parse_document(&doc, "\xef\xbb", 2, NULL), PD_EINVALID,
	       "half a BOM is invalid UTF-8");
	/* what Windows-1252 explains is named so, as the import names it */
	INT_EQ(pd_parse_document(&doc, "\xef\xbb\xbf# Tr\xe4" "d\n", 9, NULL),
	       PD_EINVALID, "Latin-1 text");
	STR_EQ(pd_error_message(), "not UTF-8 but Windows-1252 or Latin-1 "
	       "text (byte 7)", "named as such, at its file offset");
	OK(strstr(pd_error_hint(), "iconv -f WINDOWS-1252") != NULL,
	   "with the iconv command");
}

static void test_parse__bom_and_source(void)
{
	const char *md = "\xef\xbb\xbf# Titel\r\n\r\nText\r\n";
	pd_document *doc = doc_of(md);
	size_t len = 0;

	STR_EQ(pd_document_source(doc, &len), "# Titel\r\n\r\nText\r\n",
	       "the source without its BOM, CR LF kept");
	INT_EQ(len, strlen(md) - 3, "its length");
	STR_EQ(pd_section_heading(pd_document_root(doc)), "Titel",
	       "the BOM is not part of the title");
	INT_EQ(doc->line_count, 3, "three lines");
	pd_document_free(doc);
}

static void test_parse__size_limit(void)
{
	pd_parse_options opts = PD_PARSE_OPTIONS_INIT;
	pd_document *doc = NULL;

	opts.max_size = 10;
	INT_EQ(pd_parse_document(&doc, "0123456789", 10, &opts), 0,
	       "at the limit");
	pd_document_free(doc);
	doc = NULL;
	INT_EQ(pd_parse_document(&doc, "0123456789A", 11, &opts), PD_ELIMIT,
	       "beyond the limit");
	STR_EQ(pd_error_message(), "document too large (11 bytes; the limit is "
	       "10)", "message");
}

static void test_parse__nesting_limit(void)
{
	pd_parse_options opts = PD_PARSE_OPTIONS_INIT;
	pd_document *doc = NULL;
	const char *lists = "# T\n\n- a\n  - b\n    - c\n      - d\n";
	const char *siblings = "- a\n  - b\n- c\n  - d\n    - e\n";
	const char *mixed = "---\na: b\n---\n> - > 1. x\n";
	const char *item_code = "- ```\n  > > > > >\nefter\n> > > > x\n";
	const char *code = "```\n> > > > >\n```\n\n    > > > > >\n";

	opts.max_nesting = 3;
	INT_EQ(pd_parse_document(&doc, "> > > x\n", 8, &opts), 0,
	       "three quotes within three levels");
	pd_document_free(doc);
	doc = NULL;
	INT_EQ(pd_parse_document(&doc, "x\n\n> > >> x\n", 12, &opts), PD_ELIMIT,
	       "four quotes");
	STR_EQ(pd_error_message(), "nesting deeper than 3 levels at line 3",
	       "message with the line");
	INT_EQ(pd_parse_document(&doc, lists, strlen(lists), &opts), PD_ELIMIT,
	       "four lists nested by indentation");
	STR_EQ(pd_error_message(), "nesting deeper than 3 levels at line 6",
	       "the line of the fourth item");
	INT_EQ(pd_parse_document(&doc, mixed, strlen(mixed), &opts), PD_ELIMIT,
	       "quotes and lists mixed");
	STR_EQ(pd_error_message(), "nesting deeper than 3 levels at line 4",
	       "lines count the front matter");
	INT_EQ(pd_parse_document(&doc, siblings, strlen(siblings), &opts), 0,
	       "siblings do not add up");
	pd_document_free(doc);
	doc = NULL;
	INT_EQ(pd_parse_document(&doc, code, strlen(code), &opts), 0,
	       "code is not nesting");
	pd_document_free(doc);
	doc = NULL;
	INT_EQ(pd_parse_document(&doc, item_code, strlen(item_code), &opts),
	       PD_ELIMIT, "code in a list item ends with the item");
	STR_EQ(pd_error_message(), "nesting deeper than 3 levels at line 4",
	       "and what follows it counts");
	pd_document_free(doc);
}

static void test_parse__options(void)
{
	pd_parse_options opts = PD_PARSE_OPTIONS_INIT;
	pd_classifier *cls = NULL;
	pd_document *doc = NULL;
	pd_buf b = PD_BUF_INIT;
	const char *md = "# T\n\n## Satsningar\n\n### Skola\n";

	opts.version = 2;
	INT_EQ(pd_parse_document(&doc, md, strlen(md), &opts), PD_EINVALID,
	       "an unknown options version");
	STR_EQ(pd_error_message(), "unsupported parse options version 2",
	       "message");
	opts.version = PD_PARSE_OPTIONS_VERSION;
	pd_classifier_new(&cls);
	pd_classifier_add(cls, PD_KIND_CONTAINER, "^satsningar$");
	opts.classifier = cls;
	INT_EQ(pd_parse_document(&doc, md, strlen(md), &opts), 0, "parses");
	STR_EQ(outline(&b, doc), "programme:T|area-container:Satsningar|"
	       "goal-area:Skola", "the given classifier is used");
	pd_document_free(doc);
	doc = doc_of(md);
	STR_EQ(outline(&b, doc), "programme:T|goal-area:Satsningar|"
	       "goal:Skola", "the built-in one otherwise");
	pd_document_free(doc);
	pd_classifier_free(cls);
	pd_buf_dispose(&b);
}

static void test_parse__time_budget(void)
{
	pd_parse_options opts = PD_PARSE_OPTIONS_INIT;
	pd_document *doc = NULL;
	pd_buf md = PD_BUF_INIT;
	size_t i;
	clock_t start = clock();

	for (i = 0; i < 20000; i++)
		pd_buf_printf(&md, "## Rubrik %lu\n\nText.\n\n", (unsigned long)i);
	while (clock() == start)
		;                  /* let the clock tick once */
	opts.time_budget = 1e-9;
	INT_EQ(pd_parse_document(&doc, md.ptr, md.size, &opts), PD_ELIMIT,
	       "a budget of a nanosecond is exceeded");
	STR_EQ(pd_error_message(), "parsing took longer than 1e-09 seconds",
	       "message");
	OK(doc == NULL, "no document");
	pd_buf_dispose(&md);
}

static void test_parse__tree_invariants(void)
{
	pd_document *doc = doc_of(
		"# Program\n\n"
		"## Fokusområden\n\n"
		"### Näringsliv\n\n"
		"- Fler företag\n"
		"- Bättre service\n\n"
		"### Skola\n\n"
		"#### Fler behöriga lärare\n\n"
		"## Uppföljning\n");
	pd_buf b = PD_BUF_INIT;
	size_t i, k;

	STR_EQ(outline(&b, doc), "programme:Program|area-container:Fokusområden|"
	       "goal-area:Näringsliv|goal:Fler företag|goal:Bättre service|"
	       "goal-area:Skola|goal:Fler behöriga lärare|not-area:Uppföljning",
	       "document order, synthetic goals right after their area");
	for (i = 0; doc && i < pd_document_section_count(doc); i++) {
		const pd_section *s = pd_document_section(doc, i);
		const pd_section *p = pd_section_parent(s);

		INT_EQ(s->index, i, "index is the position in the document");
		if (!p) {
			OK(i == 0, "only the root has no parent");
			continue;
		}
		OK(pd_section_child(p, s->child_index) == s,
		   "child_index is the position under the parent");
		OK(pd_section_level(s) > pd_section_level(p),
		   "a child is deeper than its parent");
		OK(pd_section_line_start(s) >= pd_section_line_start(p) &&
		   pd_section_line_end(s) <= pd_section_line_end(p),
		   "a parent's lines cover its children");
		for (k = 0; k < pd_section_child_count(s); k++)
			OK(pd_section_parent(pd_section_child(s, k)) == s,
			   "children point back");
	}
	INT_EQ(pd_document_area_count(doc), 2, "two areas");
	STR_EQ(pd_section_heading(pd_document_area(doc, 0)), "Näringsliv",
	       "in document order");
	STR_EQ(pd_section_heading(pd_document_area(doc, 1)), "Skola", "second");
	OK(pd_document_area(doc, 2) == NULL, "out of range: NULL");
	OK(pd_document_section(doc, 99) == NULL, "out of range: NULL");
	INT_EQ(pd_section_level(pd_document_section(doc, 3)), 4,
	       "a synthetic goal is one level below its area");
	INT_EQ(pd_document_section(doc, 3)->synthetic, 1, "and synthetic");
	INT_EQ(pd_section_block_count(pd_document_area(doc, 0)), 0,
	       "its items are not the area's blocks");
	STR_EQ(pd_section_key(pd_document_section(doc, 4)), "bättre service",
	       "a synthetic goal has a key");
	INT_EQ(pd_section_depth(pd_document_section(doc, 6)), 3, "depth");
	pd_document_free(doc);
	pd_buf_dispose(&b);
}

static void test_parse__line_ranges(void)
{
	pd_document *doc = doc_of(
		"# T\n"                 /* 1 */
		"\n"
		"## A\n"                /* 3 */
		"text\n"
		"### A1\n"              /* 5 */
		"\n"
		"## B\n"                /* 7 */
		"\n"
		"text\n");              /* 9 */
	const pd_section *root = pd_document_root(doc);
	const pd_section *a = pd_section_child(root, 0);

	INT_EQ(pd_section_line_start(root), 1, "root from line 1");
	INT_EQ(pd_section_line_end(root), 9, "to the last line");
	INT_EQ(pd_section_line_start(a), 3, "A's heading");
	INT_EQ(pd_section_line_end(a), 6, "A covers A1, up to B");
	INT_EQ(pd_section_line_start(pd_section_child(a, 0)), 5, "A1");
	INT_EQ(pd_section_line_end(pd_section_child(a, 0)), 6, "A1 ends before B");
	INT_EQ(pd_section_line_end(pd_section_child(root, 1)), 9, "B to the end");
	INT_EQ(pd_section_block_line(a, 0), 4, "block line");
	INT_EQ(pd_section_block_line(a, 1), 0, "no such block: 0");
	OK(pd_section_block(a, 1) == NULL, "no such block: NULL");
	pd_document_free(doc);
}

static void test_parse__blocks(void)
{
	pd_document *doc = doc_of(
		"# T\n\n"
		"Ett *betonat* och **starkt** ord med [länk](https://x.se) och "
		"`kod`<br>\nrad två  \nrad tre.\n\n"
		"- punkt ett\n\n  andra stycket\n  - underpunkt\n\n"
		"> citat\n\n"
		"    indenterad kod\n\n"
		"<!-- kommentar -->\n\n"
		"***\n\n"
		"Ma\xcc\x8al.\n");
	const pd_section *root = pd_document_root(doc);
	static const struct {
		pd_block_type type;
		const char *text;
	} want[] = {
		{ PD_BLOCK_PARAGRAPH, "Ett betonat och starkt ord med länk och kod "
		  "rad två rad tre." },
		{ PD_BLOCK_ITEM, "punkt ett andra stycket" },
		{ PD_BLOCK_ITEM, "underpunkt" },
		{ PD_BLOCK_QUOTE, "citat" },
		{ PD_BLOCK_CODE, "indenterad kod" },
		{ PD_BLOCK_HTML, "<!-- kommentar -->" },
		{ PD_BLOCK_PARAGRAPH, "Mål." },
	};
	size_t i, n = sizeof(want) / sizeof(want[0]);

	INT_EQ(pd_section_block_count(root), n, "blocks; the break dropped");
	for (i = 0; i < n && i < pd_section_block_count(root); i++) {
		const pd_block *blk = pd_vec_get(&root->blocks, i);

		INT_EQ(blk->type, want[i].type, want[i].text);
		STR_EQ(blk->text, want[i].text, "plain text, NFC");
		INT_EQ(blk->len, strlen(want[i].text), "its length");
	}
	pd_document_free(doc);
}

static void test_parse__metadata_and_language(void)
{
	pd_document *doc = doc_of(
		"---\n"
		"language: en\n"
		"---\n"
		"# Regional Plan 2030\n\n"
		"Det är en plan och det gäller 2021–2024.\n");
	const pd_meta *m = pd_document_meta(doc);

	STR_EQ(m->name, "Regional Plan 2030", "the name is the H1");
	INT_EQ(m->name_line, 4, "on its line in the file");
	INT_EQ(m->target_year, 2030, "the title's year");
	INT_EQ(m->target_year_line, 4, "its line");
	INT_EQ(m->period_start, 2021, "the period");
	INT_EQ(m->period_line, 6, "its line");
	STR_EQ(m->language, "en", "front matter language wins");
	INT_EQ(pd_document_lang(doc), PD_LANG_EN, "the document is English");
	pd_document_free(doc);

	doc = doc_of("# Plan\n\nThis is the plan of the city and its people.\n");
	INT_EQ(pd_document_lang(doc), PD_LANG_EN, "detected English");
	pd_document_free(doc);
	doc = doc_of("# Plan\n\nDet är en plan för staden och dess invånare.\n");
	INT_EQ(pd_document_lang(doc), PD_LANG_SV, "detected Swedish");
	STR_EQ(pd_document_meta(doc)->language, "sv", "recorded");
	pd_document_free(doc);
	doc = doc_of("# Plan 2035\n");
	INT_EQ(pd_document_lang(doc), PD_LANG_SV, "undetermined: Swedish");
	OK(pd_document_meta(doc)->language == NULL, "and not recorded");
	pd_document_free(doc);
}

static void test_parse__front_matter_error(void)
{
	pd_document *doc = NULL;
	const char *md = "---\ntitle: [\n---\n# T\n";

	INT_EQ(pd_parse_document(&doc, md, strlen(md), NULL), PD_EINVALID,
	       "invalid front matter is an error");
	OK(strncmp(pd_error_message(), "front matter: line 3: ", 22) == 0,
	   "naming the line");
	OK(doc == NULL, "no document");
}

static void test_parse__headings(void)
{
	pd_document *doc = doc_of(
		"Titel  med\u00a0mellanrum\n=====\n\n"
		"## Fokusområde 2: *Hållbar* tillväxt <em>x</em>\n\n"
		"# Bilaga\n\n"
		"### Under andra\n");
	pd_buf b = PD_BUF_INIT;

	STR_EQ(outline(&b, doc), "programme:Titel med mellanrum|"
	       "goal-area:Fokusområde 2: Hållbar tillväxt x|"
	       "not-area:Bilaga|section:Under andra",
	       "setext title, inline markup gone, a later appendix H1 "
	       "top-level");
	STR_EQ(pd_section_key(pd_document_section(doc, 1)), "hållbar tillväxt x",
	       "the key without the kind word and number");
	STR_EQ(pd_section_key(pd_document_root(doc)), "titel med mellanrum",
	       "the root has a key too");
	INT_EQ(pd_section_level(pd_document_section(doc, 2)), 1, "an H1");
	pd_document_free(doc);
	pd_buf_dispose(&b);
}

static unsigned long long next_random(unsigned long long *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 2685821657736338717ULL;
}

/*
 * The nesting pre-scan finds the lines of a document without CR with
 * memchr, of one with CR byte by byte: random nesting, with LF, CR LF
 * and CR line ends, gets the same verdict and message from both.
 */
static void test_parse__nesting_scan_any_line_end(void)
{
	static const char *const parts[] = {
		"> ", ">", "- ", "* ", "1. ", "12) ", "  ", "    ", "\t", "x",
		"text ", "```", "~~~", "---", "* * *", "# H", "ö", "`"
	};
	static const char *const ends[] = { "\r\n", "\r" };
	pd_parse_options opts = PD_PARSE_OPTIONS_INIT;
	unsigned long long state = 0x13198a2e03707344ULL;
	pd_buf lf = PD_BUF_INIT, cr = PD_BUF_INIT, msg = PD_BUF_INIT;
	pd_document *doc = NULL;
	int round, rc_lf, rc_cr, failures = 0, refused = 0;
	size_t lines, l, k, n;

	for (round = 0; round < 3000 && failures < 5; round++) {
		const char *end = ends[round % 2];

		/* a title first: front matter takes no lone CR */
		pd_buf_clear(&lf);
		pd_buf_puts(&lf, "# T\n");
		pd_buf_clear(&cr);
		pd_buf_puts(&cr, "# T");
		pd_buf_puts(&cr, end);
		lines = (size_t)(next_random(&state) >> 33) % 12;
		for (l = 0; l < lines; l++) {
			n = (size_t)(next_random(&state) >> 33) % 6;
			for (k = 0; k < n; k++) {
				const char *w = parts[(next_random(&state) >>
				        33) % (sizeof(parts) / sizeof(parts[0]))];

				pd_buf_puts(&lf, w);
				pd_buf_puts(&cr, w);
			}
			pd_buf_putc(&lf, '\n');
			pd_buf_puts(&cr, end);
		}
		opts.max_nesting = 1 + (unsigned)(next_random(&state) >> 33) %
		                   4;
		rc_lf = pd_parse_document(&doc, lf.ptr, lf.size, &opts);
		pd_document_free(doc);
		doc = NULL;
		pd_buf_clear(&msg);
		pd_buf_puts(&msg, rc_lf < 0 ? pd_error_message() : "");
		rc_cr = pd_parse_document(&doc, cr.ptr, cr.size, &opts);
		pd_document_free(doc);
		doc = NULL;
		refused += rc_lf < 0;
		if (rc_lf != rc_cr ||
		    strcmp(msg.ptr, rc_cr < 0 ? pd_error_message() : "")) {
			failures++;
			printf("    \"%s\": %d \"%s\", with CR %d \"%s\"\n",
			       lf.ptr, rc_lf, msg.ptr, rc_cr,
			       rc_cr < 0 ? pd_error_message() : "");
		}
	}
	INT_EQ(failures, 0, "the same verdict with any line end");
	OK(refused > 100 && refused < 2900, "some refused, some not");
	pd_buf_dispose(&lf);
	pd_buf_dispose(&cr);
	pd_buf_dispose(&msg);
}

/*
 * pd_parse__plain_text() of a document, with and without its lists, and of
 * a document's first block: the literal text of text, code and code
 * blocks (a space after a code block), a space for each break and after
 * each paragraph, heading, item and quote; nothing of HTML or thematic
 * breaks; a link or image by its text; entities as cmark decodes them;
 * lists in lists and quotes, empty items, and the node itself kept when
 * it is a list.
 */
static void test_parse__plain_text_examples(void)
{
	static const struct {
		int first;             /* the first block, not the document */
		const char *md, *text, *without_lists;
	} cases[] = {
		{ 0, "", "", "" },
		{ 0, "text\n", "text ", "text " },
		{ 0, "# T\n\nett\ntv\xc3\xa5\n", "T ett tv\xc3\xa5 ", "T ett tv\xc3\xa5 " },
		{ 0, "Text\n---\n", "Text ", "Text " },
		{ 0, "a  \nb\\\nc\n", "a b c ", "a b c " },
		{ 0, "- x\n- y\n", "x  y  ", "" },
		{ 0, "> citat\n", "citat  ", "citat  " },
		{ 0, "> - a\n>   - b\n", "a b    ", " " },
		{ 0, "1. ett\n\n   tv\xc3\xa5\n2) tre\n", "ett tv\xc3\xa5  tre  ", "" },
		{ 0, "-\n- \n", "  ", "" },
		{ 0, "```\nk\nl\n```\n", "k\nl\n ", "k\nl\n " },
		{ 0, "    indented\n", "indented\n ", "indented\n " },
		{ 0, "`code` och *em* och **b**\n", "code och em och b ",
		  "code och em och b " },
		{ 0, "[l\xc3\xa4nk](/u) ![bild](/i)\n", "l\xc3\xa4nk bild ",
		  "l\xc3\xa4nk bild " },
		{ 0, "<div>\nx\n</div>\n", "", "" },
		{ 0, "a <b>x</b> c\n", "a x c ", "a x c " },
		{ 0, "&amp; &#0; e\xcc\x81\n", "& \xef\xbf\xbd e\xcc\x81 ",
		  "& \xef\xbf\xbd e\xcc\x81 " },
		{ 0, "---\n", "", "" },
		{ 0, "ett\n\n- a\n\ntv\xc3\xa5\n", "ett a  tv\xc3\xa5 ", "ett tv\xc3\xa5 " },
		{ 1, "- x\n  - y\n", "x y   ", "x  " },
		{ 1, "> a\n>\n> - b\n", "a b   ", "a  " },
		{ 1, "# Rubrik *em*\n\ntext\n", "Rubrik em ", "Rubrik em " }
	};
	pd_buf got = PD_BUF_INIT;
	size_t i;
	int bad = 0, skip;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cmark_node *root = cmark_parse_document(cases[i].md,
		        strlen(cases[i].md), CMARK_OPT_DEFAULT);
		cmark_node *node = cases[i].first ? cmark_node_first_child(root) :
		                   root;

		for (skip = 0; skip < 2; skip++) {
			const char *want = skip ? cases[i].without_lists :
			                   cases[i].text;

			pd_buf_clear(&got);
			pd_parse__plain_text(&got, node, skip);
			if (strcmp(got.ptr, want)) {
				printf("    \"%s\"%s: \"%s\", want \"%s\"\n",
				       cases[i].md, skip ? " without lists" : "",
				       got.ptr, want);
				bad++;
			}
		}
		cmark_node_free(root);
	}
	INT_EQ(bad, 0, "the plain text written here");
	pd_buf_dispose(&got);
}

/*
 * The item blocks of random lists (nested, in quotes, with code, empty
 * items) are every item cmark's iterator enters, in its order, as plain
 * text without the sub-lists, normalised, empty ones left out.
 */
static void test_parse__list_items_same_as_iterator(void)
{
	static const char *const parts[] = {
		"- ", "* ", "1. ", "2) ", "  ", "    ", "  - ", "   > ", "> ",
		"> - ", "```", "text ", "*em* ", "`c` ", "ö ", "[l](/u) ",
		"\t", "+ ", "<i>x</i> ", "a"
	};
	unsigned long long state = 0x082efa98ec4e6c89ULL;
	pd_buf md = PD_BUF_INIT, raw = PD_BUF_INIT, text = PD_BUF_INIT;
	int round, failures = 0;
	size_t items = 0, lines, l, k, n;

	for (round = 0; round < 3000 && failures < 5; round++) {
		pd_document *doc = NULL;
		const pd_section *root;
		cmark_node *croot, *top;
		size_t b = 0;

		pd_buf_clear(&md);
		lines = (size_t)(next_random(&state) >> 33) % 14;
		for (l = 0; l < lines; l++) {
			n = (size_t)(next_random(&state) >> 33) % 5;
			for (k = 0; k < n; k++)
				pd_buf_puts(&md, parts[(next_random(&state) >>
				            33) % (sizeof(parts) /
				                   sizeof(parts[0]))]);
			pd_buf_putc(&md, '\n');
		}
		if (pd_parse_document(&doc, md.ptr, md.size, NULL) < 0) {
			printf("    parse failed: %s\n", pd_error_message());
			failures++;
			continue;
		}
		if (pd_document_section_count(doc) > 1) {
			/* a setext heading: items may be goals there */
			pd_document_free(doc);
			continue;
		}
		root = pd_document_root(doc);
		croot = cmark_parse_document(md.ptr, md.size,
		                             CMARK_OPT_DEFAULT);
		for (top = cmark_node_first_child(croot); top;
		     top = cmark_node_next(top)) {
			cmark_iter *it;
			cmark_event_type ev;

			if (cmark_node_get_type(top) != CMARK_NODE_LIST)
				continue;
			it = cmark_iter_new(top);
			while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
				cmark_node *cur = cmark_iter_get_node(it);
				const pd_block *blk;

				if (ev != CMARK_EVENT_ENTER ||
				    cmark_node_get_type(cur) != CMARK_NODE_ITEM)
					continue;
				pd_buf_clear(&raw);
				pd_buf_clear(&text);
				pd_parse__plain_text(&raw, cur, 1);
				pd_text_normalize(&text, raw.ptr, raw.size);
				if (!text.size)
					continue;
				/* the next item block of the root */
				blk = NULL;
				while (b < root->blocks.size) {
					blk = pd_vec_get(&root->blocks, b++);
					if (blk->type == PD_BLOCK_ITEM)
						break;
					blk = NULL;
				}
				items++;
				if (!blk || strcmp(blk->text, text.ptr) ||
				    blk->line != (unsigned)
				    cmark_node_get_start_line(cur)) {
					if (failures++ < 5)
						printf("    \"%s\": item \"%s\" "
						       "line %d\n", md.ptr,
						       text.ptr,
						       cmark_node_get_start_line(
						       cur));
					break;
				}
			}
			cmark_iter_free(it);
		}
		cmark_node_free(croot);
		pd_document_free(doc);
	}
	INT_EQ(failures, 0, "the items the iterator finds");
	if (items <= 1500)
		printf("    %lu items\n", (unsigned long)items);
	OK(items > 1500, "many items compared");
	pd_buf_dispose(&md);
	pd_buf_dispose(&raw);
	pd_buf_dispose(&text);
}

static void test_parse__crlf_equals_lf(void)
{
	const char *lf = "# T\n\n## A\n\nett\ntvå\n\n- x\n  - y\n\n```\nk\nl\n```\n";
	const char *crlf = "# T\r\n\r\n## A\r\n\r\nett\r\ntvå\r\n\r\n- x\r\n"
	                   "  - y\r\n\r\n```\r\nk\r\nl\r\n```\r\n";
	pd_document *a = doc_of(lf), *b = doc_of(crlf);
	size_t i, k;

	INT_EQ(pd_document_section_count(a), pd_document_section_count(b),
	       "as many sections");
	for (i = 0; a && b && i < pd_document_section_count(a); i++) {
		const pd_section *sa = pd_document_section(a, i);
		const pd_section *sb = pd_document_section(b, i);

		STR_EQ(pd_section_heading(sa), pd_section_heading(sb), "heading");
		INT_EQ(pd_section_line_start(sa), pd_section_line_start(sb),
		       "line start");
		INT_EQ(pd_section_line_end(sa), pd_section_line_end(sb), "line end");
		INT_EQ(pd_section_block_count(sa), pd_section_block_count(sb),
		       "blocks");
		for (k = 0; k < pd_section_block_count(sa); k++) {
			STR_EQ(pd_section_block(sa, k), pd_section_block(sb, k),
			       "block text, code included");
			INT_EQ(pd_section_block_line(sa, k),
			       pd_section_block_line(sb, k), "block line");
		}
	}
	pd_document_free(a);
	pd_document_free(b);
}

static void test_parse__many_equal_headings(void)
{
	pd_buf md = PD_BUF_INIT;
	pd_document *doc;
	size_t i;

	pd_buf_puts(&md, "# T\n\n## Fokusområden\n\n");
	for (i = 0; i < 1000; i++)
		pd_buf_puts(&md, "### Infrastruktur\n\nText.\n\n");
	pd_buf_puts(&md, "x");
	for (i = 0; i < 100000; i++)
		pd_buf_puts(&md, " ord");
	pd_buf_puts(&md, "\n");
	doc = doc_of(md.ptr);
	INT_EQ(pd_document_section_count(doc), 1002, "a thousand equal headings");
	INT_EQ(pd_document_area_count(doc), 1000, "all areas");
	INT_EQ(pd_section_block_count(pd_document_area(doc, 999)), 2,
	       "the giant paragraph is one block of the last");
	INT_EQ(strlen(pd_section_block(pd_document_area(doc, 999), 1)),
	       1 + 4 * 100000, "whole");
	pd_document_free(doc);
	pd_buf_dispose(&md);
}

/* The steps one parse of `md` takes (pd_parse__work). */
static unsigned long long parse_work(const pd_buf *md)
{
	pd_document *doc = NULL;
	unsigned long long before = pd_parse__work();

	pd_parse_document(&doc, md->ptr, md->size, NULL);
	pd_document_free(doc);
	return pd_parse__work() - before;
}

static void flat_headings(pd_buf *md, size_t n)
{
	size_t i;

	pd_buf_clear(md);
	pd_buf_puts(md, "# T\n\n## Fokusområden\n\n");
	for (i = 0; i < n; i++)
		pd_buf_printf(md, "### Område %lu\n\n- mål\n\n", (unsigned long)i);
}

static void test_parse__linear_in_sections(void)
{
	pd_buf md = PD_BUF_INIT;
	unsigned long long w1, w4;

	/*
	 * Siblings under one parent are where a parent found by searching
	 * back (rather than a stack) costs n² steps: four times the sections
	 * must cost about four times the steps, not sixteen.
	 */
	flat_headings(&md, 5000);
	w1 = parse_work(&md);
	flat_headings(&md, 20000);
	w4 = parse_work(&md);
	if (w4 > 5 * w1)
		printf("    5000 sections: %llu steps, 20000: %llu\n", w1, w4);
	OK(w1 >= 5000, "the steps are counted");
	OK(w4 <= 5 * w1, "parsing is linear in the sections");
	pd_buf_dispose(&md);
}

static const pd_test tests[] = {
	PD_TEST(test_parse__empty),
	PD_TEST(test_parse__refuses_binary_and_invalid_utf8),
	PD_TEST(test_parse__bom_and_source),
	PD_TEST(test_parse__size_limit),
	PD_TEST(test_parse__nesting_limit),
	PD_TEST(test_parse__nesting_scan_any_line_end),
	PD_TEST(test_parse__plain_text_examples),
	PD_TEST(test_parse__list_items_same_as_iterator),
	PD_TEST(test_parse__options),
	PD_TEST(test_parse__time_budget),
	PD_TEST(test_parse__tree_invariants),
	PD_TEST(test_parse__line_ranges),
	PD_TEST(test_parse__blocks),
	PD_TEST(test_parse__metadata_and_language),
	PD_TEST(test_parse__front_matter_error),
	PD_TEST(test_parse__headings),
	PD_TEST(test_parse__crlf_equals_lf),
	PD_TEST(test_parse__many_equal_headings),
	PD_TEST(test_parse__linear_in_sections),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
