/* SPDX-License-Identifier: MIT */
/*
 * test_match.c: the pairing of sections, and the weighted similarity it
 * reports for a rename held to the formula computed from scratch.
 */
#include <math.h>

#include "document.h"
#include "harness.h"
#include "helpers.h"
#include "match.h"
#include "progdiff.h"

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

/*
 * Match `old_md` with `new_md`: every pair made by similarity must have
 * its weighted Jaccard index as its similarity and `heading` as its new
 * heading. How many such pairs there were.
 */
static size_t pairs_by_jaccard(const char *old_md, const char *new_md,
                               const char *heading)
{
	pd_document *a = doc_of(old_md), *b = doc_of(new_md);
	pd_match m;
	size_t i, renamed = 0;

	OK(a && b, "both parse");
	if (!a || !b)
		goto done;
	pd_match_compute(&m, a, b, 0.5);
	for (i = 1; i < m.nnew; i++) {
		const pd_section *s = pd_vec_get(&b->sections, i), *o;

		if (m.n2o[i] == PD_MATCH_NONE || m.similarity[i] < 0)
			continue;
		o = pd_vec_get(&a->sections, m.n2o[i]);
		renamed++;
		OK(m.similarity[i] == weighted_jaccard(a, o, b, s),
		   "the similarity of a pair is its weighted Jaccard index");
		STR_EQ(s->heading, heading, "the renamed area");
	}
	pd_match_dispose(&m);
done:
	pd_document_free(a);
	pd_document_free(b);
	return renamed;
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

	INT_EQ(pairs_by_jaccard(old_md, new_md, "Hälsa och omsorg"), 1,
	       "one pair by similarity");
}

/*
 * The same for bodies of hundreds of words, most of them repeats (the
 * sets of long bodies are rid of repeats before they are sorted): a
 * rename's similarity is still the index of the distinct words.
 */
static void test_match__long_bodies_with_repeats(void)
{
	pd_buf old_md = PD_BUF_INIT, new_md = PD_BUF_INIT;
	size_t i;

	pd_buf_puts(&old_md, "# Program\n\n## Skola\n\nSkolorna samarbetar "
	            "om lärlingsplatser i länet.\n\n## Vård\n\n");
	pd_buf_puts(&new_md, "# Program\n\n## Skola\n\nSkolorna samarbetar "
	            "om lärlingsplatser i länet.\n\n## Hälsa och omsorg\n\n");
	for (i = 0; i < 400; i++) {
		pd_buf_printf(&old_md, "vårdord%c%c ", 'a' + (int)(i % 50) / 26,
		              'a' + (int)(i % 50) % 26);
		/* a fifth of the words of its own in the new version */
		pd_buf_printf(&new_md, "vårdord%c%c ", 'a' + (int)(i % 60) / 26,
		              'a' + (int)(i % 60) % 26);
		if (i % 40 == 39) {
			pd_buf_puts(&old_md, "\n\n");
			pd_buf_puts(&new_md, "\n\n");
		}
	}
	pd_buf_puts(&old_md, "## Vägar\n\nVägarna underhålls i hela länet.\n");
	pd_buf_puts(&new_md, "## Vägar\n\nVägarna underhålls i hela länet.\n");
	INT_EQ(pairs_by_jaccard(old_md.ptr, new_md.ptr, "Hälsa och omsorg"), 1,
	       "one pair of long bodies by similarity");
	pd_buf_dispose(&old_md);
	pd_buf_dispose(&new_md);
}

/* "Skola", the area `name` with words from..to of a run of words, "Vägar" */
static char *three_areas(const char *name, int from, int to, int last)
{
	pd_buf md = PD_BUF_INIT;
	int i;

	pd_buf_puts(&md, "# Program\n\n## Skola\n\nSkolorna samarbetar om "
	            "lärlingsplatser i länet.\n\n");
	if (!last) {
		pd_buf_printf(&md, "## %s\n\n", name);
		for (i = from; i < to; i++)
			pd_buf_printf(&md, "ordet%c%c ", 'a' + i / 26, 'a' + i % 26);
		pd_buf_puts(&md, "\n\n");
	}
	pd_buf_puts(&md, "## Vägar\n\nVägarna och broarna underhålls i hela "
	            "länet.\n\n");
	if (last) {
		pd_buf_printf(&md, "## %s\n\n", name);
		for (i = from; i < to; i++)
			pd_buf_printf(&md, "ordet%c%c ", 'a' + i / 26, 'a' + i % 26);
		pd_buf_puts(&md, "\n");
	}
	return pd_buf_detach(&md);
}

/*
 * Is the area "Vård" (words 0..40) of the old version paired with the
 * area "Omsorg" (words from..to) of the new, placed last or in its place?
 * *sim is their weighted Jaccard index.
 */
static int omsorg_is_vard(int from, int to, int last, double *sim)
{
	char *old_md = three_areas("Vård", 0, 40, 0);
	char *new_md = three_areas("Omsorg", from, to, last);
	pd_document *a = doc_of(old_md), *b = doc_of(new_md);
	const pd_section *vard = pd_vec_get(&a->sections, 2);
	const pd_section *omsorg = pd_vec_get(&b->sections, last ? 3 : 2);
	pd_match m;
	int paired;

	*sim = weighted_jaccard(a, vard, b, omsorg);
	pd_match_compute(&m, a, b, 0.5);
	paired = m.n2o[omsorg->index] == vard->index;
	pd_match_dispose(&m);
	pd_document_free(a);
	pd_document_free(b);
	free(old_md);
	free(new_md);
	return paired;
}

/*
 * A body as alike as the threshold is a rename when it is nearly the
 * same or something else speaks for it too (here its place): two areas
 * on one subject share half their words and nothing else.
 */
static void test_match__half_a_body_alone_is_no_rename(void)
{
	double sim;

	OK(!omsorg_is_vard(10, 48, 1, &sim), "half the words, elsewhere");
	OK(sim >= 0.5 && sim < 0.7, "as alike as the threshold");
	OK(omsorg_is_vard(10, 48, 0, &sim), "half the words, in its place");
	OK(sim >= 0.5 && sim < 0.7, "the same body");
	OK(omsorg_is_vard(4, 44, 1, &sim), "nearly all its words, elsewhere");
	OK(sim >= 0.7, "nearly the same body");
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


/* ---- the heading's words: stems, compounds, a heading kept inside ---- */

/* the similarity of the headings of the first areas of two documents */
static double heading_sim(const char *ha, const char *hb, int en)
{
	const char *body = en ? "The council and the people of the county "
	                        "will work on this together." : "Text.";
	pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT;
	pd_document *da, *db;
	pd_evidence *ev;
	double sim = -1;

	pd_buf_printf(&a, "# P\n\n## %s\n\n%s\n", ha, body);
	pd_buf_printf(&b, "# P\n\n## %s\n\n%s\n", hb, body);
	da = doc_of(a.ptr);
	db = doc_of(b.ptr);
	if (da && db && da->areas.size && db->areas.size) {
		ev = pd_match__evidence_new(da, db, NULL);
		sim = pd_match__heading_similarity(ev, pd_vec_get(&da->areas, 0),
		                                   pd_vec_get(&db->areas, 0));
		pd_match__evidence_free(ev);
	}
	pd_document_free(da);
	pd_document_free(db);
	pd_buf_dispose(&a);
	pd_buf_dispose(&b);
	return sim;
}

static void test_match__heading_words(void)
{
	static const struct {
		const char *a, *b;
		double lo, hi;
		const char *why;
	} cases[] = {
		{ "Hälsofrämjande hälso- och sjukvård",
		  "En jämlik och hälsofrämjande hälso- och sjukvård", 0.85, 1,
		  "a heading kept whole inside the new one" },
		{ "Sustainable communities", "Sustainable community", 1, 1,
		  "the stem, not the inflection (libstemmer's English)" },
		{ "En attraktiv besöksregion",
		  "En attraktiv besöks- och kulturregion", 0.7, 1,
		  "the elided hyphen: besöks- is the first part of besöksregion" },
		{ "Klimat", "Klimatarbete", 0.6, 0.8,
		  "the first part of a compound counts less than the word" },
		{ "Fokusområde 2: Infrastruktur", "3. Infrastruktur", 1, 1,
		  "numbering and kind words are no part of the heading" },
		{ "Kultur", "Trygghet", 0, 0, "nothing shared" },
		{ "Hållbar stadsutveckling", "Hållbar mobilitet", 0.3, 0.6,
		  "one shared word of two is not the same heading" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		double sim = heading_sim(cases[i].a, cases[i].b,
		                         !strcmp(cases[i].a, "Sustainable communities"));

		OK(sim >= cases[i].lo - 1e-9 && sim <= cases[i].hi + 1e-9,
		   cases[i].why);
		if (!(sim >= cases[i].lo - 1e-9 && sim <= cases[i].hi + 1e-9))
			printf("    %s / %s: %.3f\n", cases[i].a, cases[i].b, sim);
	}
}

/* ---- splits and merges ---- */

static void groups_of(pd_buf *out, const char *old_md, const char *new_md)
{
	pd_document *a = doc_of(old_md), *b = doc_of(new_md);
	pd_match m;
	size_t g, k;

	pd_buf_clear(out);
	if (!a || !b)
		goto done;
	pd_match_compute(&m, a, b, 0.5);
	for (g = 0; g < m.ngroups; g++) {
		const pd_match_group *grp = m.groups[g];
		const pd_document *one = grp->merge ? b : a, *many = grp->merge ? a : b;

		pd_buf_printf(out, "%s%s <", g ? "; " : "", grp->merge ? "merge" :
		              "split");
		pd_buf_puts(out, ((const pd_section *)pd_vec_get(&one->sections,
		            grp->one))->heading);
		pd_buf_puts(out, ">");
		for (k = 0; k < grp->nmany; k++)
			pd_buf_printf(out, " %s", ((const pd_section *)pd_vec_get(
			              &many->sections, grp->many[k]))->heading);
	}
	pd_match_dispose(&m);
done:
	pd_document_free(a);
	pd_document_free(b);
}

static void test_match__splits_and_merges(void)
{
	pd_buf out = PD_BUF_INIT;
	const char *joined =
		"# P\n\n## Miljö och klimat\n\n"
		"Utsläppen från transporter och uppvärmning ska minska kraftigt.\n\n"
		"Sjöar, skogar och parker ska skyddas för den biologiska mångfalden.\n\n"
		"## Näringsliv\n\nFöretagen ska växa.\n";
	const char *apart =
		"# P\n\n## Klimat\n\n"
		"Utsläppen från transporter och uppvärmning ska minska kraftigt.\n\n"
		"## Miljö\n\n"
		"Sjöar, skogar och parker ska skyddas för den biologiska mångfalden.\n\n"
		"## Näringsliv\n\nFöretagen ska växa.\n";
	const char *goals_old =
		"# P\n\n## Kultur\n\nAllmänt om kultur i kommunen.\n\n"
		"### Fler besök på biblioteken\n\nText ett.\n\n"
		"## Fritid\n\nAllmänt om föreningslivet.\n\n"
		"### Fler unga i föreningar\n\nText två.\n\n"
		"## Skola\n\nUndervisning.\n";
	const char *goals_new =
		"# P\n\n## Kultur och fritid\n\nEn ny gemensam inledning här.\n\n"
		"### Fler besök på biblioteken\n\nText ett.\n\n"
		"### Fler unga i föreningar\n\nText två.\n\n"
		"## Skola\n\nUndervisning.\n";
	const char *common_words_old =
		"# P\n\n## Samverkan i regionen\n\nKommunerna ska samverka i "
		"regionen om planering och utveckling.\n\n"
		"## Näringsliv\n\nFöretagen ska växa.\n";
	const char *common_words_new =
		"# P\n\n## Bostäder\n\nKommunerna ska bygga bostäder i regionen "
		"genom planering.\n\n## Trafik\n\nKommunerna ska planera trafiken "
		"i regionen och utveckling av vägar.\n\n"
		"## Näringsliv\n\nFöretagen ska växa.\n";

	groups_of(&out, joined, apart);
	STR_EQ(out.ptr, "split <Miljö och klimat> Klimat Miljö",
	       "one area's text in two new areas named by its heading's words");
	groups_of(&out, apart, joined);
	STR_EQ(out.ptr, "merge <Miljö och klimat> Klimat Miljö",
	       "and the other way round a merge");
	groups_of(&out, goals_old, goals_new);
	STR_EQ(out.ptr, "merge <Kultur och fritid> Kultur Fritid",
	       "two areas whose goals now stand under one");
	groups_of(&out, common_words_old, common_words_new);
	STR_EQ(out.ptr, "", "shared policy words alone split nothing");
	groups_of(&out, apart, apart);
	STR_EQ(out.ptr, "", "no split without a change");
	pd_buf_dispose(&out);
}

static const pd_test tests[] = {
	PD_TEST(test_match__rename_similarity_is_the_weighted_jaccard),
	PD_TEST(test_match__long_bodies_with_repeats),
	PD_TEST(test_match__half_a_body_alone_is_no_rename),
	PD_TEST(test_match__equal_headings_pair_by_body),
	PD_TEST(test_match__heading_words),
	PD_TEST(test_match__splits_and_merges),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
