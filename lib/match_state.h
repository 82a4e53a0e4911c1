/* SPDX-License-Identifier: MIT */
/*
 * match_state.h: what the matcher's files share: its limits, the word
 * sets and their similarity (match_words.c), the matcher's state with
 * the small accessors every round uses, and the rounds that live in
 * files of their own (match_renames.c). Not for the rest of lib/, which
 * knows only match.h.
 */
#ifndef PD_MATCH_STATE_H
#define PD_MATCH_STATE_H

#include <string.h>

#include "counts.h"
#include "match.h"
#include "pool.h"

#define NONE PD_MATCH_NONE
#define MAX_CANDIDATES 4     /* index candidates compared per section */
#define RARE_POSTINGS 16     /* a word in more sections is not rare */
#define MAX_MOVE_TRIES 4     /* same-key candidates compared per section */
#define MAX_MOVE_LOOKS 64    /* same-key entries looked at per section */
#define MAX_GROUP 8          /* unpaired siblings all compared with one */
#define MAX_GROUP_LOOK 64    /* siblings looked at to count them */
#define MAX_NOMINATED (MAX_CANDIDATES + 1 + MAX_GROUP)

/*
 * A section's words for similarity: those of its body and of its whole
 * subtree (goal headings included), but not its own heading, which is
 * what a rename changes. A section with no text below its heading (a
 * goal made from a bullet item) is its heading.
 */
typedef struct word_set {
	uint64_t *w;        /* sorted, distinct */
	float *weight;      /* per word: its inverse document frequency */
	size_t n;
	double total;       /* the sum of the weights */
	int done;
	int pooled;         /* in the matcher's pool: not freed alone */
} word_set;

typedef struct u64vec {
	uint64_t *p;
	size_t n, cap;
} u64vec;

/** Weights for every word of both versions, from their word counts. */
void pd_match__idf_build(pd_counts *m, const pd_document *a,
                         const pd_document *b);

/**
 * Build the word set of `s` in `pool` (the matcher's: freed in one call)
 * or, without one, in memory of its own that pd_match__word_set_dispose()
 * frees; `scratch` gathers the words and is kept for the next set.
 */
void pd_match__word_set_build(word_set *out, const pd_document *doc,
                              const pd_section *s, const pd_counts *idf,
                              pd_pool *pool, u64vec *scratch);
void pd_match__word_set_dispose(word_set *ws);

/** Weighted Jaccard similarity: shared weight over the union's weight. */
double pd_match__jaccard(const word_set *a, const word_set *b);

typedef struct matcher {
	const pd_document *old, *new_doc;
	pd_match *m;
	word_set *old_words, *new_words;
	pd_counts idf;
	int have_idf;
	double threshold;
	size_t paired;          /* pairs made so far */
	unsigned char *old_repeated, *new_repeated;  /* repeated_headings() */
	unsigned char *aligned; /* per new section: its children's groups were
	                           aligned by identity (2), are being (1) */
	pd_pool pool;           /* the word sets */
	pd_pool old_pool;       /* the old sets built beside the new ones */
	u64vec scratch;
	pd_evidence *ev;        /* headings' words, goals beneath */
} matcher;

static inline const pd_counts *idf_of(matcher *mt)
{
	if (!mt->have_idf) {
		pd_match__idf_build(&mt->idf, mt->old, mt->new_doc);
		mt->have_idf = 1;
	}
	return &mt->idf;
}

static inline word_set *old_set(matcher *mt, size_t o)
{
	if (!mt->old_words[o].done)
		pd_match__word_set_build(&mt->old_words[o], mt->old,
		               pd_vec_get(&mt->old->sections, o), idf_of(mt),
		               &mt->pool, &mt->scratch);
	return &mt->old_words[o];
}

static inline word_set *new_set(matcher *mt, size_t n)
{
	if (!mt->new_words[n].done)
		pd_match__word_set_build(&mt->new_words[n], mt->new_doc,
		               pd_vec_get(&mt->new_doc->sections, n), idf_of(mt),
		               &mt->pool, &mt->scratch);
	return &mt->new_words[n];
}

static inline const pd_section *old_at(const matcher *mt, size_t i)
{
	return pd_vec_get(&mt->old->sections, i);
}

static inline const pd_section *new_at(const matcher *mt, size_t i)
{
	return pd_vec_get(&mt->new_doc->sections, i);
}

static inline void pair(matcher *mt, size_t o, size_t n, double sim)
{
	mt->paired++;
	mt->m->o2n[o] = n;
	mt->m->n2o[n] = o;
	mt->m->similarity[n] = sim;
}

static inline int kind_class(pd_kind k)
{
	switch (k) {
	case PD_KIND_AREA:
		return 1;
	case PD_KIND_GOAL:
		return 2;
	default:
		return 0;
	}
}

static inline double similarity(matcher *mt, size_t o, size_t n)
{
	mt->m->comparisons++;
	return pd_match__jaccard(old_set(mt, o), new_set(mt, n));
}

typedef struct candidate {
	double sim;          /* of the bodies */
	double total;        /* of all the evidence (match_renames.c) */
	float head, goals;   /* the heading's and the goals' evidence */
	int place;           /* the old one stands where the new one does */
	size_t o, n;
	int level;
} candidate;

/* parents before children, then the best total first */
static inline int cmp_candidate(const void *a, const void *b)
{
	const candidate *x = a, *y = b;

	if (x->level != y->level)
		return x->level < y->level ? -1 : 1;
	if (x->total != y->total)
		return x->total > y->total ? -1 : 1;
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return x->o < y->o ? -1 : x->o > y->o;
}

/*
 * Were old section o and new section n, both unpaired, siblings of one
 * heading under paired parents? Identity aligned that group by bodies
 * already (pair_group), and what it left unpaired there was removed or
 * added: it is not paired again as a move or a rename.
 */
static inline int aligned_by_identity(const matcher *mt, size_t o, size_t n)
{
	const pd_section *so = old_at(mt, o), *sn = new_at(mt, n);

	return mt->m->o2n[so->parent->index] == sn->parent->index &&
	       !strcmp(so->key, sn->key);
}

/* Round 3, renames through the rare-word index: match_renames.c. */
void pd_match__renames(matcher *mt);

#endif
