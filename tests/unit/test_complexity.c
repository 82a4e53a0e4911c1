/* SPDX-License-Identifier: MIT */
/*
 * test_complexity.c: the stress shapes of the benchmark at reduced size,
 * guarded by a count instead of a clock (cmark's pathological tests, with
 * a counted bound as in the design).
 *
 * Each shape is built in memory at n and 2n sections; doubling the input
 * may at most about 2.5x the body comparisons the matcher makes
 * (pd_changes__comparisons()): a linear or n log n matcher passes, a
 * quadratic one (4x) does not. The results must also still be right:
 * areas that were all renamed are reported as renames, not as removals
 * plus additions. The full-size shapes and their timings are in
 * tests/bench/ (make bench).
 */
#include <stdio.h>
#include <string.h>

#include "changes.h"
#include "progdiff.h"
#include "harness.h"
#include "textdiff.h"

/* A shared body: every area's text is this plus a few words of its own,
 * so that a word or shingle index sees near-identical bodies. */
static const char *const template_words[] = {
	"Kommunerna", "ska", "tillsammans", "utveckla", "en", "hållbar",
	"region", "med", "goda", "förutsättningar", "för", "arbete,",
	"boende", "och", "företagande.", "Samarbetet", "ska", "bidra",
	"till", "ökad", "tillgänglighet", "och", "en", "stark",
	"arbetsmarknad", "i", "hela", "regionen", "genom", "samverkan",
	"mellan", "kommuner,", "näringsliv", "och", "lärosäten.", NULL
};

/* A word of its own for `n` (base-24 syllables), prefixed by `tag`. */
static void put_word(pd_buf *b, const char *tag, unsigned long n)
{
	static const char *const syl[] = {
		"ka", "ve", "lo", "mi", "nu", "sa", "te", "ri", "po", "gu",
		"fa", "de", "bi", "ho", "ju", "ly", "ne", "ta", "vo", "se",
		"ro", "mu", "di", "ga"
	};
	int i;

	pd_buf_puts(b, tag);
	for (i = 0; i < 4; i++) {
		pd_buf_puts(b, syl[n % 24]);
		n /= 24;
	}
	while (n) {
		pd_buf_puts(b, syl[n % 24]);
		n /= 24;
	}
}

/* The template with three words of area `i` spread through it. */
static void put_body(pd_buf *b, unsigned long i)
{
	size_t w;

	for (w = 0; template_words[w]; w++) {
		if (w)
			pd_buf_putc(b, ' ');
		pd_buf_puts(b, template_words[w]);
		if (w == 3 || w == 15 || w == 27) {
			pd_buf_putc(b, ' ');
			put_word(b, w == 3 ? "ke" : w == 15 ? "sto" : "vi", i);
		}
	}
	pd_buf_puts(b, "\n\n");
}

static void put_head(pd_buf *b)
{
	pd_buf_puts(b, "# Utvecklingsprogram för Norrmark 2030\n\n"
	            "Programmet gäller 2023–2026. Målår är 2030.\n\n"
	            "## Fokusområden\n\n");
}

typedef struct {
	unsigned long long comparisons;
	size_t count[PD_CHANGE__COUNT];
	int error;
} diff_result;

static void diff(diff_result *r, const pd_buf *a, const pd_buf *b)
{
	pd_document *old_doc = NULL, *new_doc = NULL;
	pd_changes *changes = NULL;
	size_t i;

	memset(r, 0, sizeof(*r));
	if ((r->error = pd_parse_document(&old_doc, a->ptr, a->size,
	                                  NULL)) < 0 ||
	    (r->error = pd_parse_document(&new_doc, b->ptr, b->size,
	                                  NULL)) < 0 ||
	    (r->error = pd_changes_compute(&changes, old_doc, new_doc,
	                                   NULL)) < 0) {
		printf("    error: %s\n", pd_error_message());
		goto done;
	}
	r->comparisons = pd_changes__comparisons(changes);
	for (i = 0; i < pd_changes_count(changes); i++) {
		const pd_change *c = pd_changes_get(changes, i);

		if ((unsigned)c->kind < PD_CHANGE__COUNT)
			r->count[c->kind]++;
	}
done:
	pd_changes_free(changes);
	pd_document_free(new_doc);
	pd_document_free(old_doc);
}

/*
 * Doubling the input (n -> 2n) may multiply the comparisons by at most
 * 2.5: n log n gives about 2.2, n^2 gives 4. The slack of 64 lets a
 * constant number of comparisons through on tiny counts.
 */
static void check_growth(const char *what, size_t n,
                         unsigned long long c1, unsigned long long c2)
{
	char msg[256];

	snprintf(msg, sizeof(msg), "%s: %zu -> %zu sections took %llu -> %llu "
	         "body comparisons, more than 2.5 times as many", what, n,
	         2 * n, c1, c2);
	OK(c2 * 2 <= c1 * 5 + 64, msg);
}

/* ------------------------------------------------------------------ */
/* Every area renamed, bodies near-identical to each other             */

static void build_renamed(pd_buf *a, pd_buf *b, size_t n)
{
	size_t i;

	put_head(a);
	put_head(b);
	for (i = 0; i < n; i++) {
		pd_buf_puts(a, "### Hållbar ");
		put_word(a, "ga", (unsigned long)i);
		pd_buf_puts(a, "\n\n");
		put_body(a, (unsigned long)i);
		pd_buf_puts(b, "### Stark ");
		put_word(b, "bo", (unsigned long)i);
		pd_buf_puts(b, "\n\n");
		put_body(b, (unsigned long)i);
	}
}

static void renamed_at(diff_result *r, size_t n)
{
	pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT;
	char msg[128];

	build_renamed(&a, &b, n);
	diff(r, &a, &b);
	INT_EQ(r->error, 0, "the all-renamed pair is diffed");
	snprintf(msg, sizeof(msg), "all %zu areas are reported as renamed", n);
	INT_EQ(r->count[PD_CHANGE_AREA_RENAMED], n, msg);
	INT_EQ(r->count[PD_CHANGE_AREA_REMOVED], 0,
	       "no renamed area is reported as removed");
	INT_EQ(r->count[PD_CHANGE_AREA_ADDED], 0,
	       "no renamed area is reported as added");
	OK(r->comparisons > 0, "renames are found by comparing bodies "
	   "(pd_changes__comparisons counts them)");
	pd_buf_dispose(&b);
	pd_buf_dispose(&a);
}

void test_complexity__all_areas_renamed(void);
void test_complexity__all_areas_renamed(void)
{
	diff_result r1, r2;

	renamed_at(&r1, 2000);
	renamed_at(&r2, 4000);
	check_growth("all areas renamed", 2000, r1.comparisons,
	             r2.comparisons);
}

/* ------------------------------------------------------------------ */
/* Many sections with one and the same heading                         */

static void build_equal(pd_buf *a, pd_buf *b, size_t n)
{
	size_t i;

	put_head(a);
	put_head(b);
	for (i = 0; i < n; i++) {
		pd_buf_puts(a, "### Delområde\n\n");
		put_body(a, (unsigned long)i);
		if (i == n / 2)
			continue;          /* removed from the new version */
		pd_buf_puts(b, "### Delområde\n\n");
		/* one body in a hundred gets other words of its own */
		put_body(b, (unsigned long)(i % 100 == 7 ? i + 10 * n : i));
	}
}

static void equal_at(diff_result *r, size_t n)
{
	pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT;

	build_equal(&a, &b, n);
	diff(r, &a, &b);
	INT_EQ(r->error, 0, "the equal-headings pair is diffed");
	INT_EQ(r->count[PD_CHANGE_AREA_REMOVED], 1,
	       "one of the equally named areas is removed");
	INT_EQ(r->count[PD_CHANGE_AREA_ADDED], 0,
	       "no equally named area is added");
	pd_buf_dispose(&b);
	pd_buf_dispose(&a);
}

void test_complexity__equal_headings(void);
void test_complexity__equal_headings(void)
{
	diff_result r1, r2;

	equal_at(&r1, 5000);
	equal_at(&r2, 10000);
	check_growth("equal headings", 5000, r1.comparisons, r2.comparisons);
}

/* ------------------------------------------------------------------ */
/* Many sibling headings, a few renamed                                */

static void build_siblings(pd_buf *a, pd_buf *b, size_t n)
{
	size_t i;

	put_head(a);
	put_head(b);
	for (i = 0; i < n; i++) {
		pd_buf_puts(a, "### Samverkan ");
		put_word(a, "ga", (unsigned long)i);
		pd_buf_puts(a, "\n\nArbetet med ");
		put_word(a, "ke", (unsigned long)i);
		pd_buf_puts(a, " ska utvecklas tillsammans med ");
		put_word(a, "sto", (unsigned long)i);
		pd_buf_puts(a, " och ");
		put_word(a, "vi", (unsigned long)i);
		pd_buf_puts(a, " i hela regionen.\n\n");

		pd_buf_puts(b, "### Samverkan ");
		put_word(b, i % 100 == 3 ? "nyo" : "ga", (unsigned long)i);
		pd_buf_puts(b, "\n\nArbetet med ");
		put_word(b, "ke", (unsigned long)i);
		pd_buf_puts(b, " ska utvecklas tillsammans med ");
		put_word(b, "sto", (unsigned long)i);
		pd_buf_puts(b, " och ");
		put_word(b, "vi", (unsigned long)i);
		pd_buf_puts(b, " i hela regionen.\n\n");
	}
}

static void siblings_at(diff_result *r, size_t n)
{
	pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT;
	char msg[128];

	build_siblings(&a, &b, n);
	diff(r, &a, &b);
	INT_EQ(r->error, 0, "the sibling-headings pair is diffed");
	snprintf(msg, sizeof(msg), "%zu of %zu sibling areas are renamed",
	         n / 100, n);
	INT_EQ(r->count[PD_CHANGE_AREA_RENAMED], n / 100, msg);
	INT_EQ(r->count[PD_CHANGE_AREA_REMOVED] +
	       r->count[PD_CHANGE_AREA_ADDED], 0,
	       "no sibling area is added or removed");
	pd_buf_dispose(&b);
	pd_buf_dispose(&a);
}

void test_complexity__sibling_headings(void);
void test_complexity__sibling_headings(void)
{
	diff_result r1, r2;

	siblings_at(&r1, 5000);
	siblings_at(&r2, 10000);
	check_growth("sibling headings", 5000, r1.comparisons,
	             r2.comparisons);
}

/* ------------------------------------------------------------------ */
/* One long paragraph, a word changed in every thousand                */

static void build_paragraph(pd_buf *a, pd_buf *b, size_t words)
{
	size_t i;

	put_head(a);
	put_head(b);
	pd_buf_puts(a, "### Hållbar region\n\n");
	pd_buf_puts(b, "### Hållbar region\n\n");
	for (i = 0; i < words; i++) {
		const char *w = template_words[i % 35];

		pd_buf_puts(a, w);
		put_word(a, " ka", (unsigned long)i);
		pd_buf_putc(a, ' ');
		pd_buf_puts(b, i % 1000 == 500 ? "ändrat" : w);
		put_word(b, " ka", (unsigned long)i);
		pd_buf_putc(b, ' ');
	}
	pd_buf_puts(a, "\n");
	pd_buf_puts(b, "\n");
}

/* The alignment steps of diffing and rendering with details a paragraph
 * of `words` words. */
static unsigned long long paragraph_at(size_t words)
{
	pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT, out = PD_BUF_INIT;
	pd_document *old_doc = NULL, *new_doc = NULL;
	pd_changes *changes = NULL;
	pd_render_options ro = PD_RENDER_OPTIONS_INIT;
	unsigned long long before = pd_textdiff__work();

	build_paragraph(&a, &b, words);
	ro.format = PD_FORMAT_JSON;
	ro.flags |= PD_RENDER_DETAILS;
	OK(pd_parse_document(&old_doc, a.ptr, a.size, NULL) == 0 &&
	   pd_parse_document(&new_doc, b.ptr, b.size, NULL) == 0 &&
	   pd_changes_compute(&changes, old_doc, new_doc, NULL) == 0 &&
	   pd_render(&out, changes, &ro) == 0, "the paragraph is diffed");
	OK(changes && pd_changes_count(changes) == 1 &&
	   pd_changes_get(changes, 0)->count == words / 1000,
	   "one change, a word in a thousand added");
	pd_changes_free(changes);
	pd_document_free(new_doc);
	pd_document_free(old_doc);
	pd_buf_dispose(&out);
	pd_buf_dispose(&b);
	pd_buf_dispose(&a);
	return pd_textdiff__work() - before;
}

void test_complexity__long_paragraph(void);
void test_complexity__long_paragraph(void)
{
	unsigned long long w1 = paragraph_at(20000), w2 = paragraph_at(40000);
	char msg[256];

	snprintf(msg, sizeof(msg), "a paragraph of 20,000 -> 40,000 words "
	         "took %llu -> %llu alignment steps, more than 2.5 times as "
	         "many", w1, w2);
	OK(w1 > 20000, "the words were aligned (pd_textdiff__work counts)");
	OK(w2 * 2 <= w1 * 5, msg);
}

/* ------------------------------------------------------------------ */
/* Nesting                                                             */

static void build_nested(pd_buf *b, size_t depth, size_t paragraphs)
{
	size_t i, j;

	put_head(b);
	pd_buf_puts(b, "### Citat och källor\n\n");
	for (j = 0; j < paragraphs; j++) {
		for (i = 0; i < depth; i++)
			pd_buf_puts(b, "> ");
		pd_buf_printf(b, "Citat %zu på djupet %zu.\n\n", j, depth);
	}
}

void test_complexity__nesting_at_depth_60(void);
void test_complexity__nesting_at_depth_60(void)
{
	pd_buf md = PD_BUF_INIT;
	pd_document *doc = NULL;

	build_nested(&md, 60, 200);
	INT_EQ(pd_parse_document(&doc, md.ptr, md.size, NULL), 0,
	       "block quotes nested 60 deep are within the default limit");
	pd_document_free(doc);
	pd_buf_dispose(&md);
}

void test_complexity__nesting_beyond_the_limit(void);
void test_complexity__nesting_beyond_the_limit(void)
{
	pd_buf md = PD_BUF_INIT;
	pd_document *doc = NULL;

	build_nested(&md, 50000, 1);
	INT_EQ(pd_parse_document(&doc, md.ptr, md.size, NULL), PD_ELIMIT,
	       "block quotes nested 50,000 deep exceed the nesting limit");
	pd_document_free(doc);
	pd_buf_dispose(&md);
}

static const pd_test tests[] = {
	PD_TEST(test_complexity__all_areas_renamed),
	PD_TEST(test_complexity__equal_headings),
	PD_TEST(test_complexity__sibling_headings),
	PD_TEST(test_complexity__long_paragraph),
	PD_TEST(test_complexity__nesting_at_depth_60),
	PD_TEST(test_complexity__nesting_beyond_the_limit),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
