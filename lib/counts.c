/* SPDX-License-Identifier: MIT */
/*
 * counts.c: words counted once per group (see counts.h), in the one
 * 64-bit-key table; a word's hash is its own key.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "counts.h"

void pd_counts_grow(pd_counts *m)
{
	m->map.vsize = sizeof(pd_count);
	pd_u64map_reserve(&m->map, m->map.cap ? m->map.cap : 2048);
	free(m->weight);
	m->weight = NULL;
}

/* The count for `key`, made when it is new (0, counted by no group). */
static pd_count *count_for(pd_counts *m, uint64_t key)
{
	size_t cap = m->map.cap;
	int added;
	size_t i = pd_u64map_put(&m->map, key, &added);
	pd_count *c = pd_u64map_val(&m->map, i);

	if (m->map.cap != cap) {
		/* grown: the weights are of the old slots */
		free(m->weight);
		m->weight = NULL;
	}
	if (added)
		c->last = (size_t)-1;
	return c;
}

void pd_counts_add(pd_counts *m, const uint64_t *words, size_t n,
                   size_t group)
{
	size_t k;

	m->map.vsize = sizeof(pd_count);
	for (k = 0; k < n; k++) {
		pd_count *c = count_for(m, words[k]);

		if (c->last != group) {
			c->last = group;
			c->count++;
		}
	}
}

void pd_counts_merge(pd_counts *m, const pd_counts *from)
{
	size_t i, n = pd_u64map_slots(&from->map);

	if (!m->map.cap && from->map.cap) {
		/* into an empty table: a copy of the other */
		pd_u64map_copy(&m->map, &from->map);
		for (i = 0; i < n; i++)
			((pd_count *)m->map.vals)[i].last = (size_t)-1;
		return;
	}
	m->map.vsize = sizeof(pd_count);
	for (i = 0; i < n; i++)
		if (pd_u64map_held(&from->map, i))
			count_for(m, pd_u64map_key(&from->map, i))->count +=
			        pd_counts_at(from, i);
}

unsigned pd_counts_get(const pd_counts *m, uint64_t key)
{
	size_t i = pd_u64map_find(&m->map, key);

	return i == PD_U64MAP_NONE ? 0 : pd_counts_at(m, i);
}

void pd_counts_dispose(pd_counts *m)
{
	pd_u64map_dispose(&m->map);
	free(m->weight);
	m->weight = NULL;
	m->n = 0;
}
