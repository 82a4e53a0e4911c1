/* SPDX-License-Identifier: MIT */
/*
 * match_evidence.c: what besides the body says that two sections are one
 * under a new heading. The heading's own words, stemmed (libstemmer) and
 * weighted by how rare they are, with Swedish compounds and the elided
 * hyphen taken into account ("besöks- och kulturregion" shares its words
 * with "besöksregion"); and the goals beneath, when the old section's
 * goals stand under the new one by the same headings. match.c weighs
 * these with the body's similarity and the position among the siblings.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "match.h"
#include "stem.h"
#include "text.h"

#define MAX_HEADING_WORDS 32
#define MAX_CHILDREN 256     /* children of a section compared */
#define MIN_PREFIX 4         /* bytes of a stem that may begin a compound */
#define MIN_SUFFIX 5         /* bytes of a stem that may end a compound */

typedef struct hword {
	const char *stem;     /* in the evidence's pool */
	size_t len;
	float weight;
} hword;

typedef struct hwords {
	hword *w;
	size_t n;
	double total;
	int done;
} hwords;

struct pd_evidence {
	const pd_document *doc[2];
	const pd_counts *idf;
	pd_stemmer *stem;
	hwords *words[2];
	pd_counts keys[2];    /* per version: sections with each heading */
	int have_keys[2];
	pd_pool pool;
	pd_buf tmp;
};

pd_evidence *pd_match__evidence_new(const pd_document *old,
                                    const pd_document *new_doc,
                                    const pd_counts *idf)
{
	pd_evidence *ev = pd__calloc(1, sizeof(*ev));

	ev->doc[0] = old;
	ev->doc[1] = new_doc;
	ev->idf = idf;
	ev->stem = pd_stem_new(pd_document_lang(new_doc));
	ev->words[0] = pd__calloc(old->sections.size ? old->sections.size : 1,
	                          sizeof(hwords));
	ev->words[1] = pd__calloc(new_doc->sections.size ?
	                          new_doc->sections.size : 1, sizeof(hwords));
	pd_pool_init(&ev->pool);
	pd_buf_init(&ev->tmp);
	return ev;
}

void pd_match__evidence_free(pd_evidence *ev)
{
	if (!ev)
		return;
	pd_stem_free(ev->stem);
	pd_counts_dispose(&ev->keys[0]);
	pd_counts_dispose(&ev->keys[1]);
	free(ev->words[0]);
	free(ev->words[1]);
	pd_pool_dispose(&ev->pool);
	pd_buf_dispose(&ev->tmp);
	free(ev);
}

/* The stemmed words of a section's identity (its numbering is not in it). */
static const hwords *heading_words(pd_evidence *ev, int side,
                                   const pd_section *s)
{
	hwords *hw = &ev->words[side][s->index];
	const char *k = s->key;
	size_t len = strlen(k), pos = 0, ws, wl;
	hword w[MAX_HEADING_WORDS];

	if (hw->done)
		return hw;
	hw->done = 1;
	while (hw->n < MAX_HEADING_WORDS &&
	       pd_text_next_word(k, len, &pos, &ws, &wl)) {
		hword *x = &w[hw->n];

		if (pd_text__all_digits(k + ws, wl))
			continue;
		pd_buf_clear(&ev->tmp);
		pd_stem_word(&ev->tmp, ev->stem, k + ws, wl);
		x->stem = pd_pool_strndup(&ev->pool, ev->tmp.ptr, ev->tmp.size);
		x->len = ev->tmp.size;
		x->weight = pd_match__idf_weight(ev->idf,
		                                 pd_text_hash(k + ws, wl));
		hw->total += x->weight;
		hw->n++;
	}
	if (hw->n) {
		hw->w = pd_pool_malloc(&ev->pool, hw->n * sizeof(hword));
		memcpy(hw->w, w, hw->n * sizeof(hword));
	}
	return hw;
}

/*
 * How much two stems are one word: the same stem (1), one the first part
 * of a compound the other is ("besöks" in "besöksregion", "klimat" in
 * "klimatarbete": 0.8), or its last part ("region" in "kulturregion":
 * 0.6); else 0.
 */
static double word_relation(const hword *a, const hword *b)
{
	const hword *s = a->len <= b->len ? a : b, *l = s == a ? b : a;

	if (a->len == b->len)
		return memcmp(a->stem, b->stem, a->len) ? 0 : 1;
	if (s->len >= MIN_PREFIX && !memcmp(l->stem, s->stem, s->len))
		return 0.8;
	if (s->len >= MIN_SUFFIX &&
	    !memcmp(l->stem + l->len - s->len, s->stem, s->len))
		return 0.6;
	return 0;
}

/*
 * How alike two headings' words are: each old word paired with the new
 * word it is most alike (each new word used once), the pair counting the
 * lesser of their weights times how alike they are; over the mean of the
 * two headings' weights (the weighted Dice coefficient), or, when more,
 * CONTAINED_WEIGHT times that over the weight of the lighter heading: a
 * heading kept inside a longer one ("Kompetensförsörjning" in
 * "Kompetensförsörjning och kompetensutveckling i hela landet") says as
 * much as one barely reworded.
 */
#define CONTAINED_WEIGHT 0.9

double pd_match__heading_similarity(pd_evidence *ev, const pd_section *a,
                                    const pd_section *b)
{
	const hwords *x = heading_words(ev, 0, a), *y = heading_words(ev, 1, b);
	unsigned char used[MAX_HEADING_WORDS];
	double common = 0, dice, shorter, contained;
	size_t i, j;

	if (!x->n || !y->n || x->total + y->total <= 0)
		return 0;
	memset(used, 0, sizeof(used));
	for (i = 0; i < x->n; i++) {
		double best = 0;
		size_t bj = 0;

		for (j = 0; j < y->n; j++) {
			double r;

			if (used[j] || (r = word_relation(&x->w[i], &y->w[j])) <= best)
				continue;
			best = r;
			bj = j;
		}
		if (best > 0) {
			used[bj] = 1;
			common += best * (x->w[i].weight < y->w[bj].weight ?
			                  x->w[i].weight : y->w[bj].weight);
		}
	}
	dice = 2 * common / (x->total + y->total);
	shorter = x->total < y->total ? x->total : y->total;
	/* a heading kept whole inside a longer one is nearly the same */
	contained = shorter > 0 ? CONTAINED_WEIGHT * common / shorter : 0;
	return dice > contained ? dice : contained;
}

double pd_match__heading_contained(pd_evidence *ev, int part_side,
                                   const pd_section *part,
                                   const pd_section *whole)
{
	const hwords *x = heading_words(ev, part_side, part);
	const hwords *y = heading_words(ev, !part_side, whole);
	size_t i, j, found = 0;

	if (!x->n)
		return 0;
	for (i = 0; i < x->n; i++)
		for (j = 0; j < y->n; j++)
			if (word_relation(&x->w[i], &y->w[j]) > 0) {
				found++;
				break;
			}
	return (double)found / (double)x->n;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static uint64_t key_hash(const pd_section *s)
{
	return pd_text_hash(s->key, strlen(s->key));
}

/* How many sections of one version have the identity of `s`. */
static unsigned key_count(pd_evidence *ev, int side, const pd_section *s)
{
	pd_counts *kc = &ev->keys[side];

	if (!ev->have_keys[side]) {
		const pd_document *doc = ev->doc[side];
		size_t i;

		pd_counts_grow(kc);
		for (i = 1; i < doc->sections.size; i++) {
			uint64_t h = key_hash(pd_vec_get(&doc->sections, i));

			pd_counts_add(kc, &h, 1, i);
		}
		ev->have_keys[side] = 1;
	}
	return pd_counts_get(kc, key_hash(s));
}

/*
 * The identities of a section's own goals, sorted; a heading that stands
 * under other sections too ("Mål", "Aktiviteter" in every area) names
 * a kind of part, not a goal, and is left out.
 */
static size_t child_keys(uint64_t *out, pd_evidence *ev, int side,
                         const pd_section *s)
{
	size_t i, k = 0;

	for (i = 0; i < s->children.size && k < MAX_CHILDREN; i++) {
		const pd_section *c = pd_vec_get(&s->children, i);

		if (key_count(ev, side, c) <= 1)
			out[k++] = key_hash(c);
	}
	qsort(out, k, sizeof(uint64_t), cmp_u64);
	return k;
}

/*
 * The share of goals that stayed: children of `a` and of `b` with the
 * same identity, over the larger number of children (at most
 * MAX_CHILDREN of each are looked at); 0 when either has none.
 */
double pd_match__children_overlap(pd_evidence *ev, const pd_section *a,
                                  const pd_section *b)
{
	uint64_t ka[MAX_CHILDREN], kb[MAX_CHILDREN];
	size_t na, nb, i = 0, j = 0, common = 0;

	if (!a->children.size || !b->children.size)
		return 0;
	na = child_keys(ka, ev, 0, a);
	nb = child_keys(kb, ev, 1, b);
	if (!na || !nb)
		return 0;
	while (i < na && j < nb) {
		if (ka[i] == kb[j]) {
			common++;
			i++;
			j++;
		} else if (ka[i] < kb[j]) {
			i++;
		} else {
			j++;
		}
	}
	return (double)common / (double)(na > nb ? na : nb);
}
