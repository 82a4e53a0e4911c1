/* SPDX-License-Identifier: MIT */
/*
 * match_words.c: how alike two sections are: the word set of a section
 * (its body and subtree, from the documents' word caches), each word
 * weighted by its inverse document frequency over both versions, and the
 * weighted Jaccard index of two sets.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "counts.h"
#include "match_state.h"
#include "pool.h"
#include "u64map.h"

static void u64_push_words(u64vec *v, const pd_words *w)
{
	if (w->n == 0)
		return;
	if (v->n + w->n > v->cap) {
		v->cap = (v->n + w->n) * 2 + 64;
		v->p = pd__reallocarray(v->p, v->cap, sizeof(uint64_t));
	}
	memcpy(v->p + v->n, w->hash, w->n * sizeof(uint64_t));
	v->n += w->n;
}

static void gather(u64vec *v, const pd_document *doc, const pd_section *s,
                   int own_heading)
{
	size_t i;

	if (own_heading)
		u64_push_words(v, pd_document__heading_words(doc, s));
	for (i = 0; i < s->blocks.size; i++)
		u64_push_words(v, pd_document__block_words(doc,
		               pd_vec_get(&s->blocks, i)));
	for (i = 0; i < s->children.size; i++)
		gather(v, doc, pd_vec_get(&s->children, i), 1);
}

/* ---- word counts: inverse document frequency, the rare-word index ---- */

/*
 * How many sections have a word. Over every section of both versions
 * (each its own heading and body) it gives a word's weight: the words
 * every section shares ("och", "kommunen") weigh almost nothing, so that
 * two unrelated areas written in the same policy language do not look
 * alike. Over the unpaired old sections it says which words are rare.
 * The inverse document frequency of a word that `df` sections have:
 */
static float idf_of_df(const pd_counts *m, unsigned df)
{
	return (float)log((m->n + 1.0) / ((df ? df : 1) + 0.5));
}

void pd_match__idf_build(pd_counts *m, const pd_document *a,
                      const pd_document *b)
{
	size_t i;

	/* each version counted its sections as it was parsed */
	memset(m, 0, sizeof(*m));
	pd_counts_merge(m, pd_document__word_counts(a));
	pd_counts_merge(m, pd_document__word_counts(b));
	if (!m->map.cap)
		pd_counts_grow(m);
	m->n = (double)(a->sections.size + b->sections.size);
	/* a weight per word, not per word of every set: a logarithm is
	 * dearer than the look-up */
	m->weight = pd__reallocarray(NULL, pd_u64map_slots(&m->map),
	                             sizeof(float));
	for (i = 0; i < pd_u64map_slots(&m->map); i++)
		if (pd_u64map_held(&m->map, i))
			m->weight[i] = idf_of_df(m, pd_counts_at(m, i));
}

float pd_match__idf_weight(const pd_counts *m, uint64_t key)
{
	size_t i;

	if (!m)
		return 1.0f;
	i = pd_counts_slot(m, key);
	return pd_u64map_held(&m->map, i) ? m->weight[i] : idf_of_df(m, 0);
}

/*
 * Sets gathered from this many words are rid of their repeats before
 * they are sorted: most words of a section's text are repeats ("och",
 * its own terms), and only the distinct ones need sorting. An area of
 * prose has a few thousand words and several times fewer distinct ones.
 */
#define DEDUPE_FROM 64

/* Keep one of each of v->p[0..v->n), in the order met. */
static void dedupe(u64vec *v)
{
	pd_u64map seen;
	size_t i, kept = 0;
	int added;

	pd_u64map_init(&seen, 0, v->n);
	for (i = 0; i < v->n; i++) {
		(void)pd_u64map_put(&seen, v->p[i], &added);
		if (added)
			v->p[kept++] = v->p[i];
	}
	pd_u64map_dispose(&seen);
	v->n = kept;
}

/*
 * Build the word set of `s` in `pool` (the matcher's: freed in one call)
 * or, without one, in memory of its own that pd_match__word_set_dispose() frees;
 * `scratch` gathers the words and is kept for the next set.
 */
void pd_match__word_set_build(word_set *out, const pd_document *doc,
                           const pd_section *s, const pd_counts *idf,
                           pd_pool *pool, u64vec *scratch)
{
	u64vec *v = scratch;
	size_t i, n = 0;

	v->n = 0;
	gather(v, doc, s, 0);
	if (v->n == 0)
		u64_push_words(v, pd_document__heading_words(doc, s));
	if (v->n >= DEDUPE_FROM)
		dedupe(v);
	pd__sort_u64(v->p, v->n);
	for (i = 0; i < v->n; i++)
		if (n == 0 || v->p[n - 1] != v->p[i])
			v->p[n++] = v->p[i];
	if (pool) {
		out->w = pd_pool_malloc(pool, pd__mul(n ? n : 1, sizeof(uint64_t)));
		out->weight = pd_pool_malloc(pool, pd__mul(n ? n : 1, sizeof(float)));
	} else {
		out->w = pd__reallocarray(NULL, n ? n : 1, sizeof(uint64_t));
		out->weight = pd__reallocarray(NULL, n ? n : 1, sizeof(float));
	}
	out->pooled = pool != NULL;
	if (n)
		memcpy(out->w, v->p, n * sizeof(uint64_t));
	out->n = n;
	out->total = 0;
	for (i = 0; i < n; i++) {
		out->weight[i] = pd_match__idf_weight(idf, v->p[i]);
		out->total += out->weight[i];
	}
	out->done = 1;
}

void pd_match__word_set_dispose(word_set *ws)
{
	if (ws->pooled)
		return;
	free(ws->w);
	free(ws->weight);
}

/* Weighted Jaccard similarity: shared weight over the union's weight. */
double pd_match__jaccard(const word_set *a, const word_set *b)
{
	size_t i = 0, j = 0;
	double common = 0, all;

	if (a->n == 0 || b->n == 0)
		return a->n == b->n ? 1.0 : 0.0;
	while (i < a->n && j < b->n) {
		if (a->w[i] == b->w[j]) {
			common += a->weight[i];
			i++;
			j++;
		} else if (a->w[i] < b->w[j]) {
			i++;
		} else {
			j++;
		}
	}
	all = a->total + b->total - common;
	return all > 0 ? common / all : 1.0;
}

double pd_match__similarity(const pd_document *old,
                            const pd_section *a,
                            const pd_document *new_doc,
                            const pd_section *b)
{
	word_set sa, sb;
	u64vec scratch = { NULL, 0, 0 };
	double sim;

	pd_match__word_set_build(&sa, old, a, NULL, NULL, &scratch);
	pd_match__word_set_build(&sb, new_doc, b, NULL, NULL, &scratch);
	sim = pd_match__jaccard(&sa, &sb);
	pd_match__word_set_dispose(&sa);
	pd_match__word_set_dispose(&sb);
	free(scratch.p);
	return sim;
}
