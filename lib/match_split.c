/* SPDX-License-Identifier: MIT */
/*
 * match_split.c: goal areas (and goals) that became several, and several
 * that became one. After the pairing, under each pair of paired parents,
 * an old section that is gone or renamed is split when two or more new
 * ones, added or its rename, each take most of their text or their goals
 * from it ("Miljö och klimat" → "Miljö" and "Klimat"); new sections are
 * merged when two or more old ones each give most of theirs to it
 * ("Näringsliv" and "Turism" → "Näringsliv och besöksnäring"). Only
 * parents with few such sections are looked at (MAX_LOOSE on each side),
 * so the pass stays linear in the document.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "match.h"
#include "vec.h"

#define MAX_LOOSE 16        /* added/removed/renamed children per parent */
#define GOALS_WENT 0.5      /* share of a part's goals now in the whole */
#define CONTAINED 0.7       /* share of a part's words found in the whole,
                               with the part's heading in the whole's */

typedef struct wset {
	uint64_t *w;
	size_t n;
	int done;
} wset;

typedef struct splitter {
	const pd_document *doc[2];
	pd_match *m;
	wset *sets[2];
	pd_vec groups;      /* pd_match_group * */
	pd_evidence *ev;    /* the headings' words */
} splitter;

static void gather(uint64_t **w, size_t *n, size_t *cap,
                   const pd_document *doc, const pd_section *s, int heading)
{
	const pd_words *ws;
	size_t i;

	if (heading) {
		ws = pd_document__heading_words(doc, s);
		if (*n + ws->n > *cap) {
			*cap = (*n + ws->n) * 2 + 32;
			*w = pd__reallocarray(*w, *cap, sizeof(uint64_t));
		}
		if (ws->n)
			memcpy(*w + *n, ws->hash, ws->n * sizeof(uint64_t));
		*n += ws->n;
	}
	for (i = 0; i < s->blocks.size; i++) {
		ws = pd_document__block_words(doc, pd_vec_get(&s->blocks, i));
		if (*n + ws->n > *cap) {
			*cap = (*n + ws->n) * 2 + 32;
			*w = pd__reallocarray(*w, *cap, sizeof(uint64_t));
		}
		if (ws->n)
			memcpy(*w + *n, ws->hash, ws->n * sizeof(uint64_t));
		*n += ws->n;
	}
	for (i = 0; i < s->children.size; i++)
		gather(w, n, cap, doc, pd_vec_get(&s->children, i), 1);
}

/* The distinct words of a section with its heading and subtree. */
static const wset *set_of(splitter *sp, int side, const pd_section *s)
{
	wset *ws = &sp->sets[side][s->index];
	size_t cap = 0, i, k = 0;

	if (ws->done)
		return ws;
	ws->done = 1;
	gather(&ws->w, &ws->n, &cap, sp->doc[side], s, 1);
	pd__sort_u64(ws->w, ws->n);
	for (i = 0; i < ws->n; i++)
		if (!k || ws->w[k - 1] != ws->w[i])
			ws->w[k++] = ws->w[i];
	ws->n = k;
	return ws;
}

/* The share of the words of `part` that `whole` has too. */
static double contained(const wset *part, const wset *whole)
{
	size_t i = 0, j = 0, common = 0;

	if (!part->n)
		return 0;
	while (i < part->n && j < whole->n) {
		if (part->w[i] == whole->w[j]) {
			common++;
			i++;
			j++;
		} else if (part->w[i] < whole->w[j]) {
			i++;
		} else {
			j++;
		}
	}
	return (double)common / (double)part->n;
}

/*
 * The share of the paired goals of `part` whose other side is under
 * `whole`: part on side `side`, whole on the other.
 */
static double goals_from(const splitter *sp, int side, const pd_section *part,
                         const pd_section *whole)
{
	const size_t *map = side ? sp->m->n2o : sp->m->o2n;
	const pd_document *other = sp->doc[!side];
	size_t i, paired = 0, there = 0;

	for (i = 0; i < part->children.size; i++) {
		const pd_section *c = pd_vec_get(&part->children, i);
		size_t x = map[c->index];

		if (x == PD_MATCH_NONE)
			continue;
		paired++;
		there += ((const pd_section *)pd_vec_get(&other->sections, x))
		         ->parent == whole;
	}
	return paired ? (double)there / (double)paired : 0;
}

static int kind_class(pd_kind k)
{
	return k == PD_KIND_AREA ? 1 : k == PD_KIND_GOAL ? 2 : 0;
}

/* Gone or renamed (old side), added or renamed (new side). */
static int loose(const splitter *sp, int side, const pd_section *s)
{
	const size_t *map = side ? sp->m->n2o : sp->m->o2n;
	const pd_document *other = sp->doc[!side];
	size_t x = map[s->index];

	if (!kind_class(s->kind))
		return 0;
	return x == PD_MATCH_NONE ||
	       strcmp(((const pd_section *)pd_vec_get(&other->sections, x))->key,
	              s->key) != 0;
}

/*
 * Is `part` (on side part_side) a part of `whole` (on the other side)?
 * Most of its goals are there; or most of its words, and its heading's
 * words are in the whole's heading ("Miljö" of "Miljö och klimat"):
 * words alone say nothing, as a large area holds most words of a small
 * one about anything. A part that is renamed to another
 * section is a part only if more of it went to the whole than to that
 * section: sections written in one policy language share many words.
 */
static int part_of(splitter *sp, int part_side, const pd_section *part,
                   const pd_section *whole)
{
	const size_t *map = part_side ? sp->m->n2o : sp->m->o2n;
	const pd_section *partner = NULL;
	double in_whole;

	if (kind_class(part->kind) != kind_class(whole->kind))
		return 0;
	if (map[part->index] != PD_MATCH_NONE)
		partner = pd_vec_get(&sp->doc[!part_side]->sections,
		                     map[part->index]);
	if (partner == whole)
		return 1;
	if (part->children.size &&
	    goals_from(sp, part_side, part, whole) >= GOALS_WENT)
		return !partner ||
		       goals_from(sp, part_side, part, whole) >
		       goals_from(sp, part_side, part, partner);
	if (pd_match__heading_contained(sp->ev, part_side, part, whole) < 1)
		return 0;
	in_whole = contained(set_of(sp, part_side, part),
	                     set_of(sp, !part_side, whole));
	if (in_whole < CONTAINED)
		return 0;
	return !partner ||
	       in_whole > contained(set_of(sp, part_side, part),
	                            set_of(sp, !part_side, partner));
}

static void add_group(splitter *sp, int merge, const pd_section *one,
                      const pd_section **many, size_t n)
{
	pd_match_group *g = pd__calloc(1, sizeof(*g));
	size_t i;

	g->merge = merge;
	g->one = one->index;
	g->many = pd__reallocarray(NULL, n, sizeof(size_t));
	for (i = 0; i < n; i++)
		g->many[i] = many[i]->index;
	g->nmany = n;
	pd_vec_push(&sp->groups, g);
}

/*
 * Under one pair of parents: each loose section of one side with the
 * loose sections of the other that are parts of it, in document order.
 * A section already in a group is in no other.
 */
static void groups_under(splitter *sp, const pd_section *po,
                         const pd_section *pn, unsigned char *taken[2])
{
	const pd_section *lo[MAX_LOOSE], *ln[MAX_LOOSE], *parts[MAX_LOOSE];
	size_t no = 0, nn = 0, i, j, np;
	int side;

	for (i = 0; i < po->children.size; i++) {
		const pd_section *c = pd_vec_get(&po->children, i);

		if (loose(sp, 0, c) && no++ >= MAX_LOOSE)
			return;
		if (loose(sp, 0, c))
			lo[no - 1] = c;
	}
	for (i = 0; i < pn->children.size; i++) {
		const pd_section *c = pd_vec_get(&pn->children, i);

		if (loose(sp, 1, c) && nn++ >= MAX_LOOSE)
			return;
		if (loose(sp, 1, c))
			ln[nn - 1] = c;
	}
	if (!no || !nn || no + nn < 3)
		return;
	/* side 0: an old section split into new parts; 1: merged from old */
	for (side = 0; side < 2; side++) {
		const pd_section **wholes = side ? ln : lo, **cands = side ? lo : ln;
		size_t nw = side ? nn : no, nc = side ? no : nn;

		for (i = 0; i < nw; i++) {
			if (taken[side][wholes[i]->index])
				continue;
			for (j = 0, np = 0; j < nc; j++)
				if (!taken[!side][cands[j]->index] &&
				    part_of(sp, !side, cands[j], wholes[i]))
					parts[np++] = cands[j];
			if (np < 2)
				continue;
			taken[side][wholes[i]->index] = 1;
			for (j = 0; j < np; j++)
				taken[!side][parts[j]->index] = 1;
			add_group(sp, side, wholes[i], parts, np);
		}
	}
}

void pd_match__find_groups(pd_match *m, const pd_document *old,
                           const pd_document *new_doc)
{
	splitter sp;
	unsigned char *taken[2];
	size_t i;

	memset(&sp, 0, sizeof(sp));
	sp.doc[0] = old;
	sp.doc[1] = new_doc;
	sp.m = m;
	sp.sets[0] = pd__calloc(m->nold ? m->nold : 1, sizeof(wset));
	sp.sets[1] = pd__calloc(m->nnew ? m->nnew : 1, sizeof(wset));
	sp.ev = pd_match__evidence_new(old, new_doc, NULL);
	taken[0] = pd__calloc(m->nold ? m->nold : 1, 1);
	taken[1] = pd__calloc(m->nnew ? m->nnew : 1, 1);
	for (i = 0; i < m->nnew; i++) {
		const pd_section *pn = pd_vec_get(&new_doc->sections, i);
		size_t o = m->n2o[i];

		if (o != PD_MATCH_NONE && pn->children.size)
			groups_under(&sp, pd_vec_get(&old->sections, o), pn, taken);
	}
	m->groups = (pd_match_group **)sp.groups.ptr;
	m->ngroups = sp.groups.size;
	for (i = 0; i < m->nold; i++)
		free(sp.sets[0][i].w);
	for (i = 0; i < m->nnew; i++)
		free(sp.sets[1][i].w);
	free(sp.sets[0]);
	free(sp.sets[1]);
	free(taken[0]);
	free(taken[1]);
	pd_match__evidence_free(sp.ev);
}
