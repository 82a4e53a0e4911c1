/* SPDX-License-Identifier: MIT */
/*
 * counts.c: words counted once per group (see counts.h). Linear probing
 * in a table at most half full; a word's hash is its own key.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "counts.h"

size_t pd_counts_slot(const pd_counts *m, uint64_t key)
{
	size_t i = (size_t)(key ^ (key >> 31)) & (m->cap - 1);

	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	return i;
}

void pd_counts_grow(pd_counts *m)
{
	pd_counts bigger;
	size_t i;

	bigger.cap = m->cap ? m->cap * 2 : 4096;
	bigger.used = m->used;
	bigger.n = m->n;
	bigger.keys = pd__calloc(bigger.cap, sizeof(uint64_t));
	bigger.count = pd__reallocarray(NULL, bigger.cap, sizeof(unsigned));
	bigger.last = pd__reallocarray(NULL, bigger.cap, sizeof(size_t));
	bigger.weight = NULL;
	for (i = 0; i < m->cap; i++) {
		size_t k;

		if (!m->keys[i])
			continue;
		k = pd_counts_slot(&bigger, m->keys[i]);
		bigger.keys[k] = m->keys[i];
		bigger.count[k] = m->count[i];
		bigger.last[k] = m->last[i];
	}
	free(m->keys);
	free(m->count);
	free(m->last);
	free(m->weight);
	*m = bigger;
}

/* The slot for `key`, made when it is new (with a count of 0). */
static size_t slot_for(pd_counts *m, uint64_t key)
{
	size_t i;

	if ((m->used + 1) * 2 > m->cap)
		pd_counts_grow(m);
	i = pd_counts_slot(m, key);
	if (!m->keys[i]) {
		m->keys[i] = key;
		m->count[i] = 0;
		m->last[i] = (size_t)-1;
		m->used++;
	}
	return i;
}

void pd_counts_add(pd_counts *m, const uint64_t *words, size_t n,
                   size_t group)
{
	size_t k;

	for (k = 0; k < n; k++) {
		size_t i = slot_for(m, words[k] ? words[k] : 1);

		if (m->last[i] != group) {
			m->last[i] = group;
			m->count[i]++;
		}
	}
}

void pd_counts_merge(pd_counts *m, const pd_counts *from)
{
	size_t i;

	if (!m->cap && from->cap) {
		/* into an empty table: a copy of the other */
		m->cap = from->cap;
		m->used = from->used;
		m->keys = pd__reallocarray(NULL, m->cap, sizeof(uint64_t));
		m->count = pd__reallocarray(NULL, m->cap, sizeof(unsigned));
		m->last = pd__reallocarray(NULL, m->cap, sizeof(size_t));
		memcpy(m->keys, from->keys, m->cap * sizeof(uint64_t));
		memcpy(m->count, from->count, m->cap * sizeof(unsigned));
		for (i = 0; i < m->cap; i++)
			m->last[i] = (size_t)-1;
		return;
	}
	for (i = 0; i < from->cap; i++) {
		size_t k;

		if (!from->keys[i])
			continue;
		/* the slot first: making it may move the table */
		k = slot_for(m, from->keys[i]);
		m->count[k] += from->count[i];
	}
}

unsigned pd_counts_get(const pd_counts *m, uint64_t key)
{
	size_t i;

	if (!m->cap)
		return 0;
	i = pd_counts_slot(m, key ? key : 1);
	return m->keys[i] ? m->count[i] : 0;
}

void pd_counts_dispose(pd_counts *m)
{
	free(m->keys);
	free(m->count);
	free(m->last);
	free(m->weight);
	memset(m, 0, sizeof(*m));
}
