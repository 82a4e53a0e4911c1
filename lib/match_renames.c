/* SPDX-License-Identifier: MIT */
/*
 * match_renames.c: the matcher's third round, renames: every unpaired
 * new section is compared with the few unpaired old sections that share
 * its rarest words (an index of words at most RARE_POSTINGS old sections
 * have), that stand between the same paired neighbours, or that are
 * the few unpaired siblings under the same parent; each candidate is
 * weighed on the body, the heading's words, the goals beneath and the
 * place (rename_score), and the best totals pair one to one.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "match_state.h"
#include "thread.h"

/*
 * Unpaired sections on both sides beyond which their word sets are built
 * before the round, the old on a thread of their own beside the new:
 * every one of them is read, and with many each side is work enough to
 * repay a thread.
 */
#define SETS_ON_TWO_THREADS 256

typedef struct old_sets_job {
	matcher *mt;
	u64vec scratch;
} old_sets_job;

/* The word sets of the unpaired old sections, in the old pool: nothing
 * this thread writes is what the other reads or writes meanwhile. */
static void old_sets_task(void *payload)
{
	old_sets_job *job = payload;
	matcher *mt = job->mt;
	size_t i;

	for (i = 1; i < mt->m->nold; i++)
		if (mt->m->o2n[i] == NONE && !mt->old_words[i].done)
			pd_match__word_set_build(&mt->old_words[i], mt->old,
			                         old_at(mt, i), &mt->idf,
			                         &mt->old_pool, &job->scratch);
}

static size_t unpaired(const size_t *to, size_t n)
{
	size_t i, count = 0;

	for (i = 1; i < n; i++)
		count += to[i] == NONE;
	return count;
}

/*
 * The round reads the word set of every unpaired section; when there
 * are many, build them first, both versions at once. The sets are what
 * old_set() and new_set() would build one by one.
 */
static void build_sets(matcher *mt)
{
	old_sets_job job;
	pd_thread t;
	size_t i;

	if (unpaired(mt->m->o2n, mt->m->nold) < SETS_ON_TWO_THREADS ||
	    unpaired(mt->m->n2o, mt->m->nnew) < SETS_ON_TWO_THREADS)
		return;
	(void)idf_of(mt);   /* made before either thread reads it */
	memset(&job, 0, sizeof(job));
	job.mt = mt;
	pd_thread__start(&t, old_sets_task, &job);
	for (i = 1; i < mt->m->nnew; i++)
		if (mt->m->n2o[i] == NONE)
			(void)new_set(mt, i);
	pd_thread__join(&t);
	free(job.scratch.p);
}

/*
 * The index of rare words: for each word of the unpaired old sections,
 * how many of them have it, and for a word that at most RARE_POSTINGS
 * have, which. Built in two passes (count, then fill), without sorting.
 */
typedef struct rare_index {
	pd_counts counts; /* per word: unpaired old sections that have it */
	size_t *offset;     /* per slot of a rare word: into `sections` */
	size_t *sections;
} rare_index;

static int rare_build(rare_index *r, matcher *mt)
{
	pd_counts *c = &r->counts;
	size_t i, j, total = 0, *fill;

	pd_counts_grow(c);
	for (i = 1; i < mt->m->nold; i++)
		if (mt->m->o2n[i] == NONE) {
			const word_set *ws = old_set(mt, i);

			pd_counts_add(c, ws->w, ws->n, i);
		}
	if (!c->map.used)
		return 0;
	r->offset = pd__reallocarray(NULL, pd_u64map_slots(&c->map),
	                             sizeof(size_t));
	for (i = 0; i < pd_u64map_slots(&c->map); i++)
		if (pd_u64map_held(&c->map, i) &&
		    pd_counts_at(c, i) <= RARE_POSTINGS) {
			r->offset[i] = total;
			total += pd_counts_at(c, i);
		}
	r->sections = pd__reallocarray(NULL, total ? total : 1, sizeof(size_t));
	fill = pd__calloc(pd_u64map_slots(&c->map), sizeof(size_t));
	for (i = 1; i < mt->m->nold; i++) {
		const word_set *ws;

		if (mt->m->o2n[i] != NONE)
			continue;
		ws = old_set(mt, i);
		for (j = 0; j < ws->n; j++) {
			size_t k = pd_counts_slot(c, ws->w[j]);

			if (pd_counts_at(c, k) <= RARE_POSTINGS)
				r->sections[r->offset[k] + fill[k]++] = i;
		}
	}
	free(fill);
	return 1;
}

static void rare_dispose(rare_index *r)
{
	pd_counts_dispose(&r->counts);
	free(r->offset);
	free(r->sections);
}


/*
 * The unpaired old sibling in the slot where `n` stands between paired
 * neighbours: if the previous paired sibling of n is paired with old
 * child k, and n is d places after it, then old child k + d. Position
 * only nominates a candidate; similarity decides.
 */
static size_t slot_candidate(matcher *mt, const pd_section *n)
{
	const pd_section *np = n->parent, *op;
	size_t opi = mt->m->n2o[np->index], k, base_new = 0, base_old = 0;
	size_t steps = 0;
	const pd_section *c;

	if (opi == NONE)
		return NONE;
	op = old_at(mt, opi);
	for (k = n->child_index; k-- > 0 && steps < 8; steps++) {
		const pd_section *sib = pd_vec_get(&np->children, k);
		size_t o = mt->m->n2o[sib->index];

		if (o != NONE && old_at(mt, o)->parent == op) {
			base_new = k + 1;
			base_old = old_at(mt, o)->child_index + 1;
			break;
		}
	}
	k = base_old + (n->child_index - base_new);
	if (k >= op->children.size)
		return NONE;
	c = pd_vec_get(&op->children, k);
	return mt->m->o2n[c->index] == NONE ? c->index : NONE;
}

/*
 * Whether old section `o` is new section `n` under another heading, and
 * how sure (*total), on all the evidence together:
 *
 *   body      the weighted Jaccard index of the bodies' words (`sim`);
 *   heading   the weighted Dice index of the headings' stemmed words;
 *   goals     the share of goals beneath that both have by heading;
 *   place     `o` stands where `n` stands between paired siblings.
 *
 * A body at least as similar as the threshold is a rename when it is
 * nearly the same (>= BODY_ALONE) or anything besides the body speaks for
 * it too (heading >= 0.3, goals >= 0.5, place): two areas on one subject
 * share half their words and nothing else. A less similar body is a
 * rename when at least two kinds of evidence speak for it (heading >=
 * 0.3, body >= 0.15, goals >= 0.5, place; a heading kept whole in the
 * other, >= KEPT_HEADING, speaks twice) and
 *
 *   total = body + 0.6 heading + 0.5 goals + 0.15 place >= 0.45:
 *
 * a renamed area whose text was rewritten but whose goals stayed, or
 * whose heading kept its main words, is a rename; two areas that share
 * only a common word ("hållbar") and a place are not. The candidates
 * of a new section are then assigned one to one, the highest total first.
 */
#define RENAME_TOTAL 0.45
#define KEPT_HEADING 0.85
#define BODY_ALONE 0.7
#define COMMON_FACTOR 2.5    /* a body this many times the median */

/* The evidence besides the body for candidate `c` (o, n, sim set). */
static void weigh(candidate *c, matcher *mt)
{
	const pd_section *a = old_at(mt, c->o), *b = new_at(mt, c->n);

	if (!mt->ev)
		mt->ev = pd_match__evidence_new(mt->old, mt->new_doc, idf_of(mt));
	c->head = (float)pd_match__heading_similarity(mt->ev, a, b);
	c->goals = (float)pd_match__children_overlap(mt->ev, a, b);
	c->total = c->sim + 0.6 * c->head + 0.5 * c->goals +
	           (c->place ? 0.15 : 0);
}

/*
 * Is candidate `c` a rename? `common` is how alike the bodies of the
 * candidates compared are at the median: a body counts as evidence when
 * it is at least 0.15 alike and twice that, so that in a programme whose
 * every area speaks the same words, sharing them says nothing.
 */
static int accepted(const candidate *c, const matcher *mt, double common)
{
	double body = COMMON_FACTOR * common > 0.15 ? COMMON_FACTOR * common : 0.15;
	int besides = (c->head >= 0.3) + (c->head >= KEPT_HEADING) +
	              (c->goals >= 0.5) + (c->place != 0);

	if (c->sim >= mt->threshold && (c->sim >= BODY_ALONE || besides))
		return 1;
	return besides + (c->sim >= body) >= 2 && c->total >= RENAME_TOTAL;
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return a < b ? -1 : a > b;
}

/* The median body similarity of the candidates: what unrelated share. */
static double median_sim(const candidate *cands, size_t n)
{
	double *v, m;
	size_t i;

	if (!n)
		return 0;
	v = pd__reallocarray(NULL, n, sizeof(double));
	for (i = 0; i < n; i++)
		v[i] = cands[i].sim;
	qsort(v, n, sizeof(double), cmp_double);
	m = v[n / 2];
	free(v);
	return m;
}

static void add_best(size_t *best, size_t *nbest, size_t cap, size_t o)
{
	size_t c;

	for (c = 0; c < *nbest; c++)
		if (best[c] == o)
			return;
	if (*nbest < cap)
		best[(*nbest)++] = o;
}

/*
 * Under paired parents with few unpaired children, every unpaired old
 * child of the same class is a candidate: a few comparisons per section,
 * so that a rewritten body with a kept heading word is weighed too.
 */
static void siblings_of_slot(matcher *mt, const pd_section *n, size_t *best,
                             size_t *nbest)
{
	size_t opi = mt->m->n2o[n->parent->index], k, unpaired = 0;
	const pd_section *op;

	if (opi == NONE)
		return;
	op = old_at(mt, opi);
	if (op->children.size > MAX_GROUP_LOOK)
		return;
	for (k = 0; k < op->children.size; k++) {
		const pd_section *c = pd_vec_get(&op->children, k);

		unpaired += mt->m->o2n[c->index] == NONE &&
		            kind_class(c->kind) == kind_class(n->kind);
	}
	if (unpaired > MAX_GROUP)
		return;
	for (k = 0; k < op->children.size; k++) {
		const pd_section *c = pd_vec_get(&op->children, k);

		if (mt->m->o2n[c->index] == NONE &&
		    kind_class(c->kind) == kind_class(n->kind))
			add_best(best, nbest, MAX_NOMINATED, c->index);
	}
}

void pd_match__renames(matcher *mt)
{
	rare_index rare;
	size_t i, j;
	unsigned *votes;
	size_t *touched, ntouched;
	candidate *cands = NULL;
	size_t ncands = 0, capcands = 0, kept;
	double common;

	memset(&rare, 0, sizeof(rare));
	build_sets(mt);
	if (!rare_build(&rare, mt)) {
		rare_dispose(&rare);
		return;
	}
	votes = pd__calloc(mt->m->nold, sizeof(unsigned));
	touched = pd__reallocarray(NULL, mt->m->nold, sizeof(size_t));

	for (i = 1; i < mt->m->nnew; i++) {
		const pd_section *n = new_at(mt, i);
		word_set *ws;
		size_t best[MAX_NOMINATED], nbest = 0, slot, c;

		if (mt->m->n2o[i] != NONE)
			continue;
		ws = new_set(mt, i);
		ntouched = 0;
		for (j = 0; j < ws->n; j++) {
			const pd_counts *rc = &rare.counts;
			size_t k = pd_counts_slot(rc, ws->w[j]), lo, end;

			if (!pd_u64map_held(&rc->map, k) ||
			    pd_counts_at(rc, k) > RARE_POSTINGS)
				continue;
			lo = rare.offset[k];
			end = lo + pd_counts_at(rc, k);
			for (; lo < end; lo++) {
				size_t o = rare.sections[lo];

				if (kind_class(old_at(mt, o)->kind) != kind_class(n->kind))
					continue;
				if (votes[o]++ == 0)
					touched[ntouched++] = o;
			}
		}
		/* the MAX_CANDIDATES sections with the most votes */
		for (j = 0; j < ntouched; j++) {
			size_t o = touched[j], k;

			if (nbest < MAX_CANDIDATES)
				best[nbest++] = o;
			else if (votes[o] > votes[best[nbest - 1]])
				best[nbest - 1] = o;
			else
				continue;
			for (k = nbest - 1; k > 0 && votes[best[k]] > votes[best[k - 1]]; k--) {
				size_t t = best[k];

				best[k] = best[k - 1];
				best[k - 1] = t;
			}
		}
		for (j = 0; j < ntouched; j++)
			votes[touched[j]] = 0;
		slot = slot_candidate(mt, n);
		if (slot != NONE &&
		    kind_class(old_at(mt, slot)->kind) == kind_class(n->kind))
			add_best(best, &nbest, MAX_NOMINATED, slot);
		siblings_of_slot(mt, n, best, &nbest);
		for (c = 0; c < nbest; c++) {
			if (aligned_by_identity(mt, best[c], i))
				continue;
			if (ncands == capcands) {
				capcands = capcands ? capcands * 2 : 64;
				cands = pd__reallocarray(cands, capcands, sizeof(*cands));
			}
			cands[ncands].sim = similarity(mt, best[c], i);
			cands[ncands].o = best[c];
			cands[ncands].n = i;
			cands[ncands].level = n->level;
			cands[ncands].place = best[c] == slot;
			weigh(&cands[ncands], mt);
			ncands++;
		}
	}
	/* the candidates on all the evidence, against what is common here */
	common = median_sim(cands, ncands);
	for (j = 0, kept = 0; j < ncands; j++)
		if (accepted(&cands[j], mt, common))
			cands[kept++] = cands[j];
	ncands = kept;
	if (ncands)
		qsort(cands, ncands, sizeof(*cands), cmp_candidate);
	/*
	 * Greedy assignment. Text under a removed section and under an added
	 * one is part of those changes, not a rename or move of its own.
	 */
	for (j = 0; j < ncands; j++) {
		size_t o = cands[j].o, n = cands[j].n;

		if (mt->m->o2n[o] != NONE || mt->m->n2o[n] != NONE)
			continue;
		if (mt->m->o2n[old_at(mt, o)->parent->index] == NONE &&
		    mt->m->n2o[new_at(mt, n)->parent->index] == NONE)
			continue;
		pair(mt, o, n, cands[j].sim);
	}
	free(cands);
	free(touched);
	free(votes);
	rare_dispose(&rare);
}
