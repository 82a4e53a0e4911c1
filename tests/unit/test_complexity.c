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
 * plus additions. The values code (targets in goals, indicator tables)
 * is held to its own count, pd_changes__value_steps, on a goal of
 * 100,000 numbers, tables of 5,000 rows of 50 cells, a table changed in
 * every cell, and cells of 20,000 bytes. The full-size shapes and their
 * timings are in tests/bench/ (make bench).
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


/* ------------------------------------------------------------------ */
/* Values: targets in goals and indicator tables                       */

/*
 * Diff `a` and `b` and render the changes as JSON with --details; the
 * steps the values code took (pd_changes__value_steps), the changes in
 * *count and those of `kind` in *of_kind.
 */
static unsigned long long values_steps(const pd_buf *a, const pd_buf *b,
                                       size_t *count, pd_change_kind kind,
                                       size_t *of_kind)
{
	pd_document *old_doc = NULL, *new_doc = NULL;
	pd_changes *changes = NULL;
	pd_render_options ro = PD_RENDER_OPTIONS_INIT;
	pd_buf out = PD_BUF_INIT;
	unsigned long long before = pd_changes__value_steps;
	size_t i;

	ro.format = PD_FORMAT_JSON;
	ro.flags |= PD_RENDER_DETAILS;
	OK(pd_parse_document(&old_doc, a->ptr, a->size, NULL) == 0 &&
	   pd_parse_document(&new_doc, b->ptr, b->size, NULL) == 0 &&
	   pd_changes_compute(&changes, old_doc, new_doc, NULL) == 0 &&
	   pd_render(&out, changes, &ro) == 0, "diffed and rendered");
	*count = changes ? pd_changes_count(changes) : 0;
	*of_kind = 0;
	for (i = 0; i < *count; i++)
		if (pd_changes_get(changes, i)->kind == kind)
			(*of_kind)++;
	pd_changes_free(changes);
	pd_document_free(new_doc);
	pd_document_free(old_doc);
	pd_buf_dispose(&out);
	return pd_changes__value_steps - before;
}

/* A programme with one goal whose text is `body`. */
static void goal_doc(pd_buf *out, const char *body)
{
	pd_buf_puts(out, "# Plan 2030\n\n## Miljö\n\n### Rent vatten\n\n");
	pd_buf_puts(out, body);
	pd_buf_putc(out, '\n');
}

/* "Andelen ska öka till 1 %, 2 %, ..." with `n` numbers; the new
 * version has `changed` of them (from the last) one higher. */
static void numbers_sentence(pd_buf *out, size_t n, size_t changed)
{
	pd_buf body = PD_BUF_INIT;
	size_t i;

	pd_buf_puts(&body, "Andelen ska öka till");
	for (i = 0; i < n; i++)
		pd_buf_printf(&body, " %lu %%", (unsigned long)(i + 1 +
		              (i + changed >= n ? 1 : 0)));
	pd_buf_puts(&body, ".");
	goal_doc(out, body.ptr);
	pd_buf_dispose(&body);
}

void test_complexity__goal_of_many_numbers(void);
void test_complexity__goal_of_many_numbers(void)
{
	pd_buf a1 = PD_BUF_INIT, b1 = PD_BUF_INIT, a2 = PD_BUF_INIT,
	       b2 = PD_BUF_INIT;
	unsigned long long w1, w2;
	size_t count, targets;
	char msg[256];

	numbers_sentence(&a1, 50000, 0);
	numbers_sentence(&b1, 50000, 1);
	numbers_sentence(&a2, 100000, 0);
	numbers_sentence(&b2, 100000, 1);
	w1 = values_steps(&a1, &b1, &count, PD_CHANGE_TARGET_CHANGED, &targets);
	INT_EQ(targets, 0, "a sentence of 50,000 numbers is not a target's");
	OK(count >= 1, "it is a change of the text");
	w2 = values_steps(&a2, &b2, &count, PD_CHANGE_TARGET_CHANGED, &targets);
	snprintf(msg, sizeof(msg), "a goal of 50,000 -> 100,000 numbers took "
	         "%llu -> %llu steps, more than 2.5 times as many", w1, w2);
	OK(w1 >= a1.size, "its bytes were scanned (the steps count them)");
	OK(w2 * 2 <= w1 * 5, msg);
	snprintf(msg, sizeof(msg), "%llu steps for %lu bytes of two versions",
	         w2, (unsigned long)(a2.size + b2.size));
	OK(w2 <= 8 * (unsigned long long)(a2.size + b2.size), msg);
	pd_buf_dispose(&a1);
	pd_buf_dispose(&b1);
	pd_buf_dispose(&a2);
	pd_buf_dispose(&b2);
}

/* A goal of `words` words with ten targets in it, all changed in `b`. */
static void long_goal(pd_buf *a, pd_buf *b, size_t words)
{
	pd_buf ta = PD_BUF_INIT, tb = PD_BUF_INIT;
	size_t i;

	for (i = 0; i < words; i++) {
		const char *w = template_words[i % 35];

		if (i % (words / 10) == words / 20) {
			pd_buf_printf(&ta, "minst %lu procent ", (unsigned long)i);
			pd_buf_printf(&tb, "minst %lu procent ",
			              (unsigned long)i + 1);
		}
		pd_buf_puts(&ta, strchr(w, '.') ? "samt" : w);
		pd_buf_putc(&ta, ' ');
		pd_buf_puts(&tb, strchr(w, '.') ? "samt" : w);
		pd_buf_putc(&tb, ' ');
	}
	pd_buf_puts(&ta, "slut.");
	pd_buf_puts(&tb, "slut.");
	goal_doc(a, ta.ptr);
	goal_doc(b, tb.ptr);
	pd_buf_dispose(&ta);
	pd_buf_dispose(&tb);
}

void test_complexity__long_goal_few_targets(void);
void test_complexity__long_goal_few_targets(void)
{
	pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT;
	unsigned long long w;
	size_t count, targets;
	char msg[256];

	long_goal(&a, &b, 40000);
	w = values_steps(&a, &b, &count, PD_CHANGE_TARGET_CHANGED, &targets);
	INT_EQ(targets, 10, "ten targets changed in one long sentence");
	/* the words before each number are read near it, not from the
	 * start of the sentence for each of them */
	snprintf(msg, sizeof(msg), "%llu steps for %lu bytes of two versions",
	         w, (unsigned long)(a.size + b.size));
	OK(w <= 4 * (unsigned long long)(a.size + b.size), msg);
	pd_buf_dispose(&a);
	pd_buf_dispose(&b);
}

/*
 * A goal of 60 long sentences, each with numbers, of which the new
 * version changes one target: the numbers of the sentences that stayed
 * as they were are not looked for, so the values code reads each text
 * about once, not once to split it and again for the numbers.
 */
void test_complexity__unchanged_sentences_not_scanned(void);
void test_complexity__unchanged_sentences_not_scanned(void)
{
	pd_buf ta = PD_BUF_INIT, tb = PD_BUF_INIT, a = PD_BUF_INIT,
	       b = PD_BUF_INIT;
	unsigned long long w;
	size_t count, targets, i;
	char msg[256];

	for (i = 0; i < 60; i++) {
		pd_buf *t[2];
		size_t k, n;

		t[0] = &ta;
		t[1] = &tb;
		for (k = 0; k < 2; k++) {
			pd_buf_printf(t[k], "Andelen i del %lu ska vara minst %lu "
			              "procent år 2030", (unsigned long)i,
			              (unsigned long)(i % 90 + (k && i == 30)));
			for (n = 0; n < 40; n++)
				pd_buf_printf(t[k], " %s",
				              strchr(template_words[n % 35], '.') ?
				              "samt" : template_words[n % 35]);
			pd_buf_puts(t[k], " i hela kommunen. ");
		}
	}
	goal_doc(&a, ta.ptr);
	goal_doc(&b, tb.ptr);
	w = values_steps(&a, &b, &count, PD_CHANGE_TARGET_CHANGED, &targets);
	INT_EQ(targets, 1, "the one target changed is found");
	snprintf(msg, sizeof(msg), "%llu steps for %lu bytes of two versions",
	         w, (unsigned long)(a.size + b.size));
	OK(w <= 3 * (unsigned long long)(a.size + b.size) / 2, msg);
	pd_buf_dispose(&ta);
	pd_buf_dispose(&tb);
	pd_buf_dispose(&a);
	pd_buf_dispose(&b);
}

/*
 * An indicator table of `rows` rows and `cols` columns, each cell
 * `cell_len` bytes or its number; `v` is added to every value, so that
 * two versions differ in every cell but the indicator's name.
 */
static void indicator_table(pd_buf *out, size_t rows, size_t cols,
                            size_t cell_len, unsigned v)
{
	size_t r, k, i;

	pd_buf_puts(out, "# Plan 2030\n\n## Uppföljning\n\n### Indikatorer\n\n");
	pd_buf_puts(out, "| Indikator |");
	for (k = 1; k < cols; k++)
		pd_buf_printf(out, " Värde %lu |", (unsigned long)k);
	pd_buf_puts(out, "\n|");
	for (k = 0; k < cols; k++)
		pd_buf_puts(out, " --- |");
	pd_buf_putc(out, '\n');
	for (r = 0; r < rows; r++) {
		pd_buf_printf(out, "| Indikator %lu |", (unsigned long)r);
		for (k = 1; k < cols; k++) {
			pd_buf_printf(out, " %lu", (unsigned long)(r + k + v));
			for (i = 0; i < cell_len; i++)
				pd_buf_putc(out, "abcdefgh"[(r + k + i) % 8]);
			pd_buf_puts(out, " |");
		}
		pd_buf_putc(out, '\n');
	}
}

/* The values code's steps on a table of `rows` rows, changed in every
 * cell, and how many changes of its cells it gave (in *cells). */
static unsigned long long table_steps(size_t rows, size_t cols,
                                      size_t cell_len, size_t *count,
                                      size_t *cells, size_t *old_size)
{
	pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT;
	unsigned long long w;

	indicator_table(&a, rows, cols, cell_len, 0);
	indicator_table(&b, rows, cols, cell_len, 1);
	w = values_steps(&a, &b, count, PD_CHANGE_INDICATOR_CHANGED, cells);
	if (old_size)
		*old_size = a.size;
	pd_buf_dispose(&a);
	pd_buf_dispose(&b);
	return w;
}

void test_complexity__table_changed_in_every_cell(void);
void test_complexity__table_changed_in_every_cell(void)
{
	unsigned long long w1, w2;
	size_t count, cells;
	char msg[256];

	w1 = table_steps(200, 50, 0, &count, &cells, NULL);
	INT_EQ(cells, 200 * 49, "every cell of 200 rows changed, each a change");
	w2 = table_steps(400, 50, 0, &count, &cells, NULL);
	INT_EQ(cells, 400 * 49, "and of 400 rows");
	/* rows paired through a sorted index, and each table read once for
	 * all the details of its changes: n log n, not n² */
	snprintf(msg, sizeof(msg), "200 -> 400 rows changed in every cell "
	         "took %llu -> %llu steps, more than 2.5 times as many", w1, w2);
	OK(w2 * 2 <= w1 * 5, msg);
}

void test_complexity__table_of_5000_rows(void);
void test_complexity__table_of_5000_rows(void)
{
	unsigned long long w1, w2;
	size_t count, cells, size;
	char msg[256];

	w1 = table_steps(5000, 50, 0, &count, &cells, &size);
	INT_EQ(cells, 0, "a table of 5,000 rows is left to the text change");
	OK(count >= 1, "which is reported");
	w2 = table_steps(10000, 50, 0, &count, &cells, NULL);
	/* reading stops at the rows compared at most: a table twice as
	 * long costs the values code no more */
	snprintf(msg, sizeof(msg), "5,000 -> 10,000 rows took %llu -> %llu "
	         "steps of the values code", w1, w2);
	OK(w2 * 10 <= w1 * 11, msg);
	OK(w2 <= (unsigned long long)size, "less than reading it whole");
}

void test_complexity__table_of_long_cells(void);
void test_complexity__table_of_long_cells(void)
{
	pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT;
	unsigned long long w;
	size_t count, cells;
	char msg[256];

	indicator_table(&a, 20, 5, 20000, 0);
	indicator_table(&b, 20, 5, 20000, 1);
	w = values_steps(&a, &b, &count, PD_CHANGE_INDICATOR_CHANGED, &cells);
	INT_EQ(cells, 20 * 4, "every long cell changed, each a change");
	snprintf(msg, sizeof(msg), "%llu steps for %lu bytes of two versions",
	         w, (unsigned long)(a.size + b.size));
	OK(w <= 4 * (unsigned long long)(a.size + b.size), msg);
	pd_buf_dispose(&a);
	pd_buf_dispose(&b);
}

static const pd_test tests[] = {
	PD_TEST(test_complexity__all_areas_renamed),
	PD_TEST(test_complexity__equal_headings),
	PD_TEST(test_complexity__sibling_headings),
	PD_TEST(test_complexity__long_paragraph),
	PD_TEST(test_complexity__nesting_at_depth_60),
	PD_TEST(test_complexity__nesting_beyond_the_limit),
	PD_TEST(test_complexity__goal_of_many_numbers),
	PD_TEST(test_complexity__long_goal_few_targets),
	PD_TEST(test_complexity__unchanged_sentences_not_scanned),
	PD_TEST(test_complexity__table_changed_in_every_cell),
	PD_TEST(test_complexity__table_of_5000_rows),
	PD_TEST(test_complexity__table_of_long_cells),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
