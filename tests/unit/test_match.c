/* SPDX-License-Identifier: MIT */
/*
 * test_match.c: the pairing of sections, and the weighted similarity it
 * reports for a rename held to the formula computed from scratch.
 */
#include <math.h>

#include "document.h"
#include "harness.h"
#include "match.h"
#include "progdiff.h"

static pd_document *doc_of(const char *md)
{
	pd_document *doc = NULL;

	if (pd_parse_document(&doc, md, strlen(md), NULL) < 0) {
		printf("  parse failed: %s\n", pd_error_message());
		return NULL;
	}
	return doc;
}

/* ---- the weighted Jaccard index, plainly ---- */

typedef struct hashes {
	uint64_t *h;
	size_t n, cap;
} hashes;

static void hashes_add(hashes *s, const pd_words *w)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		if (s->n == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 64;
			s->h = realloc(s->h, s->cap * sizeof(uint64_t));
		}
		s->h[s->n++] = w->hash[i];
	}
}

static int cmp_hash(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

/* sorted, each word once */
static void hashes_distinct(hashes *s)
{
	size_t i, k = 0;

	if (s->n)
		qsort(s->h, s->n, sizeof(uint64_t), cmp_hash);
	for (i = 0; i < s->n; i++)
		if (k == 0 || s->h[k - 1] != s->h[i])
			s->h[k++] = s->h[i];
	s->n = k;
}

/* A section's words for similarity: body and subtree, not its heading. */
static void words_below(hashes *s, const pd_document *doc,
                        const pd_section *sec, int own_heading)
{
	size_t i;

	if (own_heading)
		hashes_add(s, pd_document__heading_words(doc, sec));
	for (i = 0; i < sec->blocks.size; i++)
		hashes_add(s, pd_document__block_words(doc,
		           pd_vec_get(&sec->blocks, i)));
	for (i = 0; i < sec->children.size; i++)
		words_below(s, doc, pd_vec_get(&sec->children, i), 1);
}

/* How many sections of both documents (heading and body each) have w. */
static unsigned sections_with(const pd_document *const docs[2], uint64_t w)
{
	unsigned df = 0;
	size_t d, i, j, k;

	for (d = 0; d < 2; d++)
		for (i = 0; i < docs[d]->sections.size; i++) {
			const pd_section *s = pd_vec_get(&docs[d]->sections, i);
			hashes own = { NULL, 0, 0 };
			int has = 0;

			hashes_add(&own, pd_document__heading_words(docs[d], s));
			for (j = 0; j < s->blocks.size; j++)
				hashes_add(&own, pd_document__block_words(docs[d],
				           pd_vec_get(&s->blocks, j)));
			for (k = 0; k < own.n && !has; k++)
				has = own.h[k] == w;
			df += (unsigned)has;
			free(own.h);
		}
	return df;
}

static double weighted_jaccard(const pd_document *old, const pd_section *a,
                               const pd_document *new_doc,
                               const pd_section *b)
{
	const pd_document *docs[2];
	hashes sa = { NULL, 0, 0 }, sb = { NULL, 0, 0 };
	double n, common = 0, ta = 0, tb = 0, all;
	size_t i, j;

	docs[0] = old;
	docs[1] = new_doc;
	n = (double)(old->sections.size + new_doc->sections.size);
	words_below(&sa, old, a, 0);
	words_below(&sb, new_doc, b, 0);
	hashes_distinct(&sa);
	hashes_distinct(&sb);
	for (i = 0; i < sa.n; i++)
		ta += (float)log((n + 1.0) / (sections_with(docs, sa.h[i]) + 0.5));
	for (j = 0; j < sb.n; j++)
		tb += (float)log((n + 1.0) / (sections_with(docs, sb.h[j]) + 0.5));
	for (i = 0, j = 0; i < sa.n && j < sb.n; ) {
		if (sa.h[i] == sb.h[j]) {
			common += (float)log((n + 1.0) /
			                     (sections_with(docs, sa.h[i]) + 0.5));
			i++;
			j++;
		} else if (sa.h[i] < sb.h[j]) {
			i++;
		} else {
			j++;
		}
	}
	free(sa.h);
	free(sb.h);
	all = ta + tb - common;
	return all > 0 ? common / all : 1.0;
}

static void test_match__rename_similarity_is_the_weighted_jaccard(void)
{
	const char *old_md =
		"# Program\n\n"
		"## Skola\n\nSkolorna samarbetar om lärlingsplatser i länet.\n\n"
		"## Vård\n\nVården når alla i hela länet, också på landsbygden.\n\n"
		"### Mål\n\nKortare väntetider och fler vårdplatser i länet.\n\n"
		"## Vägar\n\nVägarna och broarna underhålls i hela länet.\n";
	const char *new_md =
		"# Program\n\n"
		"## Skola\n\nSkolorna samarbetar om lärlingsplatser i länet.\n\n"
		"## Hälsa och omsorg\n\nVården når alla i hela länet, också "
		"i skärgården.\n\n"
		"### Mål\n\nKortare väntetider och fler vårdplatser i länet.\n\n"
		"## Vägar\n\nVägarna och broarna underhålls i hela länet.\n";
	pd_document *a = doc_of(old_md), *b = doc_of(new_md);
	pd_match m;
	size_t i, renamed = 0;

	OK(a && b, "both parse");
	if (!a || !b)
		goto done;
	pd_match_compute(&m, a, b, 0.5);
	for (i = 1; i < m.nnew; i++) {
		const pd_section *s = pd_vec_get(&b->sections, i), *o;
		double want;

		if (m.n2o[i] == PD_MATCH_NONE || m.similarity[i] < 0)
			continue;
		o = pd_vec_get(&a->sections, m.n2o[i]);
		want = weighted_jaccard(a, o, b, s);
		renamed++;
		OK(m.similarity[i] == want,
		   "the similarity of a pair is its weighted Jaccard index");
		STR_EQ(s->heading, "Hälsa och omsorg", "the renamed area");
	}
	INT_EQ(renamed, 1, "one pair by similarity");
	pd_match_dispose(&m);
done:
	pd_document_free(a);
	pd_document_free(b);
}

/*
 * Sections under one heading pair by their bodies' hashes: bodies that
 * differ in one byte, wherever it stands, are told apart, so removing
 * two of sixty pairs the rest with themselves, comparing none.
 */
static void test_match__equal_headings_pair_by_body(void)
{
	const char *base = "abcdefghijklmnopqrstuvwxyzabcdefghijklmn";
	pd_buf old_md = PD_BUF_INIT, new_md = PD_BUF_INIT, body = PD_BUF_INIT;
	pd_document *a = NULL, *b = NULL;
	pd_match m;
	size_t i, wrong = 0, paired = 0;

	pd_buf_puts(&old_md, "# P\n\n");
	pd_buf_puts(&new_md, "# P\n\n");
	for (i = 0; i < 60; i++) {
		pd_buf_clear(&body);
		/* the i-th body: 33 to 40 letters of the base, one of its
		 * last eight changed (the last bytes hashed, not a whole step) */
		pd_buf_put(&body, base, 33 + i % 8);
		body.ptr[body.size - 1 - i / 8] = 'X';
		pd_buf_printf(&old_md, "## Delområde\n\n%s\n\n", body.ptr);
		if (i != 17 && i != 41)
			pd_buf_printf(&new_md, "## Delområde\n\n%s\n\n", body.ptr);
	}
	a = doc_of(old_md.ptr);
	b = doc_of(new_md.ptr);
	OK(a && b, "both parse");
	if (!a || !b)
		goto done;
	pd_match_compute(&m, a, b, 0.5);
	for (i = 1; i < m.nnew; i++) {
		const pd_section *s = pd_vec_get(&b->sections, i), *o;
		const pd_block *x, *y;

		if (s->blocks.size != 1 || m.n2o[i] == PD_MATCH_NONE)
			continue;
		o = pd_vec_get(&a->sections, m.n2o[i]);
		x = pd_vec_get(&o->blocks, 0);
		y = pd_vec_get(&s->blocks, 0);
		paired++;
		wrong += x->len != y->len || memcmp(x->text, y->text, x->len);
	}
	INT_EQ(paired, 58, "every remaining section paired");
	INT_EQ(wrong, 0, "each with the one of the same body");
	INT_EQ(m.comparisons, 0, "no body compared: the hashes tell them apart");
	pd_match_dispose(&m);
done:
	pd_document_free(a);
	pd_document_free(b);
	pd_buf_dispose(&old_md);
	pd_buf_dispose(&new_md);
	pd_buf_dispose(&body);
}

static const pd_test tests[] = {
	PD_TEST(test_match__rename_similarity_is_the_weighted_jaccard),
	PD_TEST(test_match__equal_headings_pair_by_body),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
