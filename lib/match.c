/* SPDX-License-Identifier: MIT */
/*
 * match.c: pair the sections of two versions of a programme: same identity
 * under paired parents (a heading that repeats there is aligned by the
 * bodies of its sections), same heading elsewhere (a move), similar words
 * under a new heading (a rename). Renames are found through an index of
 * rare words and the position between paired neighbours, never by
 * comparing all pairs: each unpaired section is compared with at most
 * MAX_CANDIDATES others, so matching is near-linear in the input.
 * Similarity is the Jaccard index of the bodies' words, each weighted by
 * its inverse document frequency.
 *
 * Numbering is not identity: keys come from pd_text_heading_key().
 *
 * The word sets and their similarity are match_words.c's, the rename
 * round match_renames.c's; match_state.h holds what they share.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "counts.h"
#include "match.h"
#include "match_state.h"
#include "pool.h"
#include "text.h"
#include "textdiff.h"
#include "u64map.h"

/* ---- a map from 64-bit hashes to FIFO chains of section indices ---- */

typedef struct chain {
	size_t head;         /* first index of the chain */
	size_t tail;
} chain;

typedef struct chain_map {
	pd_u64map map;       /* key -> chain, never grown: room for all */
	size_t *next;        /* per section: next in its chain */
} chain_map;

static void chain_map_init(chain_map *m, size_t nitems)
{
	pd_u64map_init(&m->map, sizeof(chain), nitems);
	m->next = pd__reallocarray(NULL, nitems ? nitems : 1, sizeof(size_t));
}

static void chain_map_dispose(chain_map *m)
{
	pd_u64map_dispose(&m->map);
	free(m->next);
}

/* Slots, for arrays kept per chain. */
static size_t chain_slots(const chain_map *m)
{
	return pd_u64map_slots(&m->map);
}

static size_t chain_slot(const chain_map *m, uint64_t key)
{
	return pd_u64map_slot(&m->map, key);
}

/* The chain in `slot`; one whose head is NONE holds no section. */
static const chain *chain_at(const chain_map *m, size_t slot)
{
	static const chain empty = { NONE, NONE };

	return pd_u64map_held(&m->map, slot) ? pd_u64map_val(&m->map, slot) :
	       &empty;
}

static void chain_map_append(chain_map *m, uint64_t key, size_t item)
{
	int added;
	chain *c = pd_u64map_val(&m->map, pd_u64map_put(&m->map, key, &added));

	m->next[item] = NONE;
	if (added)
		c->head = item;
	else
		m->next[c->tail] = item;
	c->tail = item;
}

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
	return h;
}

static uint64_t key_hash(const pd_section *s)
{
	return pd_text_hash(s->key, strlen(s->key));
}

/*
 * Round 1: identity under paired parents. Sections are grouped by (old
 * parent, key) on both sides. A group of one on each side pairs at once.
 * A larger group ("Mål" under one area several times, ten thousand
 * "Delområde") is aligned by the hashes of its members' bodies, so that
 * removing one member in the middle does not pair every later one with
 * its neighbour; members left between equal ones pair in order.
 */
/*
 * A hash of a block's text that only tells texts apart (bodies are
 * grouped by equal hashes; the values are never shown or stored): eight
 * bytes a step, each step a multiplication and a shift that carry every
 * bit of the step into the low bits the next one mixes.
 */
static uint64_t text_hash(const char *s, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15ull ^ len, w;
	size_t i;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s + i, len - i);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 29);
}

static uint64_t body_hash(const pd_section *s)
{
	uint64_t h = 0x84222325cbf29ce4ull;
	size_t i;

	for (i = 0; i < s->blocks.size; i++) {
		const pd_block *b = pd_vec_get(&s->blocks, i);

		h = mix(h, text_hash(b->text, b->len));
	}
	return mix(h, s->children.size);
}

/*
 * The longest strictly increasing subsequence of key[0..n) (patience
 * sorting, O(n log n)): in_lis[i] is set to 1 for its members, 0 for the
 * rest. Returns its length.
 */
static size_t longest_increasing(const size_t *key, size_t n,
                                 unsigned char *in_lis)
{
	size_t *tails, *prev, i, len = 0;

	if (!n)
		return 0;
	tails = pd__reallocarray(NULL, n, sizeof(size_t));
	prev = pd__reallocarray(NULL, n, sizeof(size_t));
	for (i = 0; i < n; i++) {
		size_t lo = 0, hi = len;

		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (key[tails[mid]] < key[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo ? tails[lo - 1] : NONE;
		tails[lo] = i;
		if (lo == len)
			len++;
		in_lis[i] = 0;
	}
	for (i = tails[len - 1]; i != NONE; i = prev[i])
		in_lis[i] = 1;
	free(tails);
	free(prev);
	return len;
}

typedef struct member {
	uint64_t hash;
	size_t at;          /* position in its group */
} member;

static int cmp_member(const void *a, const void *b)
{
	const member *x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

#define MAX_GAP 32   /* members of a gap compared with each other */

/*
 * Pair the members of one gap between anchors: the most similar pairs
 * first, at or above the threshold; a gap too large to compare all pairs
 * pairs in order.
 */
static void pair_gap(matcher *mt, const size_t *o, size_t no,
                     const size_t *n, size_t nn)
{
	candidate cands[MAX_GAP * MAX_GAP];
	size_t i, j, k = 0;

	if (!no || !nn)
		return;
	if (no == 1 && nn == 1) {
		pair(mt, o[0], n[0], -1);
		return;
	}
	if (no > MAX_GAP || nn > MAX_GAP) {
		for (i = 0; i < no && i < nn; i++)
			pair(mt, o[i], n[i], -1);
		return;
	}
	for (i = 0; i < no; i++)
		for (j = 0; j < nn; j++) {
			double sim = similarity(mt, o[i], n[j]);

			if (sim < mt->threshold)
				continue;
			cands[k].sim = cands[k].total = sim;
			cands[k].o = o[i];
			cands[k].n = n[j];
			cands[k].level = 0;
			k++;
		}
	qsort(cands, k, sizeof(cands[0]), cmp_candidate);
	for (i = 0; i < k; i++)
		if (mt->m->o2n[cands[i].o] == NONE && mt->m->n2o[cands[i].n] == NONE)
			pair(mt, cands[i].o, cands[i].n, -1);
}

/*
 * A group of sections with one heading under one parent: members whose
 * body occurs once in each version anchor the alignment (the longest run
 * of them in order, as patience diff does); the gaps between anchors are
 * paired by similarity. Removing one of ten thousand "Delområde" then
 * leaves the others paired with themselves, not with their neighbours.
 */
static void pair_group(matcher *mt, size_t *o, size_t no, size_t *n,
                       size_t nn, int repeated)
{
	member *mo, *mn, *anchors;
	size_t *newpos, *keep_o, *keep_n;
	unsigned char *keep;
	size_t i, j, na = 0, len, nk, po, pn;

	/* a heading of its own pairs whatever its text; one of several is a
	 * gap between anchors, paired by similarity */
	if (no == 1 && nn == 1 && !repeated) {
		pair(mt, o[0], n[0], -1);
		return;
	}
	mo = pd__reallocarray(NULL, no, sizeof(member));
	mn = pd__reallocarray(NULL, nn, sizeof(member));
	for (i = 0; i < no; i++) {
		mo[i].hash = body_hash(old_at(mt, o[i]));
		mo[i].at = i;
	}
	for (i = 0; i < nn; i++) {
		mn[i].hash = body_hash(new_at(mt, n[i]));
		mn[i].at = i;
	}
	qsort(mo, no, sizeof(member), cmp_member);
	qsort(mn, nn, sizeof(member), cmp_member);
	/* an anchor: .hash holds its old position, .at its new one */
	anchors = pd__reallocarray(NULL, no < nn ? no + 1 : nn + 1,
	                           sizeof(member));
	for (i = 0, j = 0; i < no && j < nn; ) {
		if (mo[i].hash < mn[j].hash) {
			i++;
		} else if (mo[i].hash > mn[j].hash) {
			j++;
		} else {
			int unique = (i + 1 == no || mo[i + 1].hash != mo[i].hash) &&
			             (j + 1 == nn || mn[j + 1].hash != mn[j].hash);
			uint64_t h = mo[i].hash;

			if (unique) {
				anchors[na].hash = mo[i].at;
				anchors[na].at = mn[j].at;
				na++;
			}
			while (i < no && mo[i].hash == h)
				i++;
			while (j < nn && mn[j].hash == h)
				j++;
		}
	}
	free(mo);
	free(mn);

	/* anchors in old order; keep the longest run increasing in new */
	qsort(anchors, na, sizeof(member), cmp_member);
	newpos = pd__reallocarray(NULL, na + 1, sizeof(size_t));
	keep = pd__reallocarray(NULL, na + 1, 1);
	for (i = 0; i < na; i++)
		newpos[i] = anchors[i].at;
	len = longest_increasing(newpos, na, keep);
	keep_o = pd__reallocarray(NULL, len + 1, sizeof(size_t));
	keep_n = pd__reallocarray(NULL, len + 1, sizeof(size_t));
	nk = 0;
	for (i = 0; i < na; i++)
		if (keep[i]) {
			keep_o[nk] = (size_t)anchors[i].hash;
			keep_n[nk++] = anchors[i].at;
		}
	/* pair the anchors, and the gaps before, between and after them */
	po = pn = 0;
	for (i = 0; i <= nk; i++) {
		size_t eo = i < nk ? keep_o[i] : no, en = i < nk ? keep_n[i] : nn;

		pair_gap(mt, o + po, eo - po, n + pn, en - pn);
		if (i < nk) {
			pair(mt, o[eo], n[en], -1);
			po = eo + 1;
			pn = en + 1;
		}
	}
	free(keep_o);
	free(keep_n);
	free(newpos);
	free(keep);
	free(anchors);
}

/*
 * Which sections share their heading with a sibling (1) and which have
 * it to themselves (0): the first member of each chain of equal
 * (heading, parent) counts it, so that ten thousand "Delområde" are
 * walked once.
 */
static unsigned char *repeated_headings(const pd_document *doc)
{
	size_t n = doc->sections.size, i, k, count;
	unsigned char *rep = pd__calloc(n ? n : 1, 1), *walked;
	chain_map map;

	chain_map_init(&map, n);
	walked = pd__calloc(chain_slots(&map), 1);
	for (i = 1; i < n; i++) {
		const pd_section *s = pd_vec_get(&doc->sections, i);

		chain_map_append(&map, mix(key_hash(s), s->parent->index), i);
	}
	for (i = 1; i < n; i++) {
		const pd_section *s = pd_vec_get(&doc->sections, i), *t;
		size_t slot = chain_slot(&map, mix(key_hash(s), s->parent->index));

		if (walked[slot])
			continue;
		walked[slot] = 1;
		count = 0;
		for (k = chain_at(&map, slot)->head; k != NONE; k = map.next[k]) {
			t = pd_vec_get(&doc->sections, k);
			count += t->parent == s->parent && !strcmp(t->key, s->key);
		}
		if (count < 2)
			continue;
		for (k = chain_at(&map, slot)->head; k != NONE; k = map.next[k]) {
			t = pd_vec_get(&doc->sections, k);
			rep[k] = t->parent == s->parent && !strcmp(t->key, s->key);
		}
	}
	free(walked);
	chain_map_dispose(&map);
	return rep;
}

static void match_identity(matcher *mt)
{
	chain_map omap, nmap;
	size_t i, *ogroup, *ngroup;
	unsigned char *done;

	chain_map_init(&omap, mt->m->nold);
	chain_map_init(&nmap, mt->m->nnew);
	for (i = 1; i < mt->m->nold; i++) {
		const pd_section *s = old_at(mt, i);

		if (mt->m->o2n[i] == NONE)
			chain_map_append(&omap, mix(key_hash(s), s->parent->index), i);
	}
	for (i = 1; i < mt->m->nnew; i++) {
		const pd_section *s = new_at(mt, i);
		size_t op = mt->m->n2o[s->parent->index];

		/* the children of a parent are aligned once, in the first pass
		 * after it is paired: what is left of them stays unpaired */
		if (mt->m->n2o[i] == NONE && op != NONE &&
		    mt->aligned[s->parent->index] != 2) {
			mt->aligned[s->parent->index] = 1;
			chain_map_append(&nmap, mix(key_hash(s), op), i);
		}
	}
	ogroup = pd__reallocarray(NULL, mt->m->nold, sizeof(size_t));
	ngroup = pd__reallocarray(NULL, mt->m->nnew, sizeof(size_t));
	done = pd__calloc(chain_slots(&nmap), 1);
	for (i = 1; i < mt->m->nnew; i++) {
		const pd_section *s = new_at(mt, i);
		size_t op = mt->m->n2o[s->parent->index], slot, oslot, k;
		size_t no = 0, nn = 0;
		uint64_t key;

		if (mt->m->n2o[i] != NONE || op == NONE)
			continue;
		key = mix(key_hash(s), op);
		slot = chain_slot(&nmap, key);
		if (done[slot])
			continue;
		done[slot] = 1;
		for (k = chain_at(&nmap, slot)->head; k != NONE; k = nmap.next[k])
			if (!strcmp(new_at(mt, k)->key, s->key) &&
			    mt->m->n2o[new_at(mt, k)->parent->index] == op)
				ngroup[nn++] = k;
		oslot = chain_slot(&omap, key);
		for (k = chain_at(&omap, oslot)->head; k != NONE; k = omap.next[k])
			if (old_at(mt, k)->parent->index == op &&
			    !strcmp(old_at(mt, k)->key, s->key))
				ogroup[no++] = k;
		if (no && nn)
			pair_group(mt, ogroup, no, ngroup, nn,
			           mt->old_repeated[ogroup[0]] ||
			           mt->new_repeated[ngroup[0]]);
	}
	for (i = 0; i < mt->m->nnew; i++)
		if (mt->aligned[i] == 1)
			mt->aligned[i] = 2;
	free(done);
	free(ogroup);
	free(ngroup);
	chain_map_dispose(&omap);
	chain_map_dispose(&nmap);
}

/*
 * Identity level by level: a pass pairs the children of the sections
 * paired before it, so it is repeated while it pairs anything (once per
 * level of headings, at most seven times).
 */
static void identity_down(matcher *mt)
{
	size_t before;

	do {
		before = mt->paired;
		match_identity(mt);
	} while (mt->paired != before);
}

/*
 * Round 2: the same heading elsewhere. A key that occurs once in each
 * document pairs outright; a repeated key ("Mål", "Bakgrund") pairs only
 * between paired parents and when the words are similar, trying at most
 * MAX_MOVE_TRIES candidates.
 */
static void match_moves(matcher *mt)
{
	chain_map map;
	size_t i, *old_count, *new_count;

	chain_map_init(&map, mt->m->nold);
	old_count = pd__calloc(chain_slots(&map), sizeof(size_t));
	new_count = pd__calloc(chain_slots(&map), sizeof(size_t));
	for (i = 1; i < mt->m->nold; i++)
		if (mt->m->o2n[i] == NONE)
			chain_map_append(&map, key_hash(old_at(mt, i)), i);
	/*
	 * A heading is distinctive when it occurs once in each whole document:
	 * "Mål" under every area is not, even when one is left unpaired.
	 */
	for (i = 1; i < mt->m->nold; i++) {
		size_t slot = chain_slot(&map, key_hash(old_at(mt, i)));

		if (chain_at(&map, slot)->head != NONE)
			old_count[slot]++;
	}
	for (i = 1; i < mt->m->nnew; i++) {
		size_t slot = chain_slot(&map, key_hash(new_at(mt, i)));

		if (chain_at(&map, slot)->head != NONE)
			new_count[slot]++;
	}
	for (i = 1; i < mt->m->nnew; i++) {
		const pd_section *s = new_at(mt, i);
		size_t slot, *link, tries = 0, looks;
		int unique;

		if (mt->m->n2o[i] != NONE || !*s->key)
			continue;
		slot = chain_slot(&map, key_hash(s));
		if (chain_at(&map, slot)->head == NONE)
			continue;
		unique = old_count[slot] == 1 && new_count[slot] == 1;
		/* a repeated heading under an added section is part of it */
		if (!unique && mt->m->n2o[s->parent->index] == NONE)
			continue;
		link = &((chain *)pd_u64map_val(&map.map, slot))->head;
		while (*link != NONE && mt->m->o2n[*link] != NONE)
			*link = map.next[*link];
		/* at most MAX_MOVE_LOOKS entries are looked at: a chain of ten
		 * thousand "Mål" under removed areas is not walked per section */
		for (looks = 0; *link != NONE && tries < MAX_MOVE_TRIES &&
		     looks < MAX_MOVE_LOOKS; link = &map.next[*link], looks++) {
			size_t o = *link;

			if (mt->m->o2n[o] != NONE || strcmp(old_at(mt, o)->key, s->key))
				continue;
			if (unique) {
				pair(mt, o, i, -1);
				break;
			}
			/*
			 * A repeated heading moves only between sections that both
			 * versions have: under a removed and an added area, "Mål"
			 * and "Aktiviteter" are parts of those, not moves.
			 */
			if (mt->m->o2n[old_at(mt, o)->parent->index] == NONE ||
			    mt->m->n2o[s->parent->index] == NONE)
				continue;
			if (aligned_by_identity(mt, o, i))
				continue;
			tries++;
			if (similarity(mt, o, i) >= mt->threshold) {
				pair(mt, o, i, -1);
				break;
			}
		}
	}
	free(old_count);
	free(new_count);
	chain_map_dispose(&map);
}

/* ---- moves: parent changed, or order among siblings changed ---- */

/*
 * Mark the paired children of `np` that are not on a longest increasing
 * subsequence of their old positions: the fewest moves that explain the
 * new order (patience sorting, O(k log k)).
 */
static void mark_reordered(matcher *mt, const pd_section *np)
{
	size_t k = np->children.size, cnt = 0, i;
	size_t *idx, *pos;
	unsigned char *in_lis;
	size_t opi = mt->m->n2o[np->index];

	if (opi == NONE || k < 2)
		return;
	idx = pd__reallocarray(NULL, k, sizeof(size_t));
	pos = pd__reallocarray(NULL, k, sizeof(size_t));
	in_lis = pd__malloc(k);
	for (i = 0; i < k; i++) {
		const pd_section *c = pd_vec_get(&np->children, i);
		size_t o = mt->m->n2o[c->index];

		if (o != NONE && old_at(mt, o)->parent->index == opi) {
			idx[cnt] = c->index;
			pos[cnt] = old_at(mt, o)->child_index;
			cnt++;
		}
	}
	longest_increasing(pos, cnt, in_lis);
	for (i = 0; i < cnt; i++)
		mt->m->moved[idx[i]] = !in_lis[i];
	free(idx);
	free(pos);
	free(in_lis);
}

static void mark_moves(matcher *mt)
{
	size_t i;

	for (i = 0; i < mt->m->nnew; i++)
		mark_reordered(mt, new_at(mt, i));
	for (i = 1; i < mt->m->nnew; i++) {
		size_t o = mt->m->n2o[i];
		const pd_section *n = new_at(mt, i);

		if (o != NONE && mt->m->n2o[n->parent->index] !=
		    old_at(mt, o)->parent->index)
			mt->m->moved[i] = 1;
	}
}

void pd_match_compute(pd_match *out, const pd_document *old,
                      const pd_document *new_doc, double threshold)
{
	matcher mt;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->nold = old->sections.size;
	out->nnew = new_doc->sections.size;
	out->o2n = pd__reallocarray(NULL, out->nold, sizeof(size_t));
	out->n2o = pd__reallocarray(NULL, out->nnew, sizeof(size_t));
	out->similarity = pd__reallocarray(NULL, out->nnew, sizeof(double));
	out->moved = pd__calloc(out->nnew, 1);
	for (i = 0; i < out->nold; i++)
		out->o2n[i] = NONE;
	for (i = 0; i < out->nnew; i++) {
		out->n2o[i] = NONE;
		out->similarity[i] = -1;
	}
	mt.old = old;
	mt.new_doc = new_doc;
	mt.m = out;
	mt.threshold = threshold;
	mt.have_idf = 0;
	pd_pool_init(&mt.pool);
	pd_pool_init(&mt.old_pool);
	mt.scratch.p = NULL;
	mt.scratch.n = mt.scratch.cap = 0;
	mt.old_words = pd__calloc(out->nold, sizeof(word_set));
	mt.new_words = pd__calloc(out->nnew, sizeof(word_set));

	mt.paired = 0;
	mt.ev = NULL;
	mt.aligned = pd__calloc(out->nnew ? out->nnew : 1, 1);
	mt.old_repeated = repeated_headings(old);
	mt.new_repeated = repeated_headings(new_doc);
	pair(&mt, 0, 0, -1);
	identity_down(&mt);
	match_moves(&mt);
	pd_match__renames(&mt);
	/* children of sections paired by move or rename */
	identity_down(&mt);
	pd_match__renames(&mt);
	mark_moves(&mt);
	pd_match__find_groups(out, old, new_doc);

	for (i = 0; i < out->nold; i++)
		pd_match__word_set_dispose(&mt.old_words[i]);
	for (i = 0; i < out->nnew; i++)
		pd_match__word_set_dispose(&mt.new_words[i]);
	pd_match__evidence_free(mt.ev);
	if (mt.have_idf)
		pd_counts_dispose(&mt.idf);
	pd_pool_dispose(&mt.pool);
	pd_pool_dispose(&mt.old_pool);
	free(mt.aligned);
	free(mt.old_repeated);
	free(mt.new_repeated);
	free(mt.scratch.p);
	free(mt.old_words);
	free(mt.new_words);
}

void pd_match_dispose(pd_match *m)
{
	size_t i;

	if (!m)
		return;
	free(m->o2n);
	free(m->n2o);
	free(m->similarity);
	free(m->moved);
	for (i = 0; i < m->ngroups; i++) {
		free(m->groups[i]->many);
		free(m->groups[i]);
	}
	free(m->groups);
	memset(m, 0, sizeof(*m));
}
