/* SPDX-License-Identifier: MIT */
/*
 * u64map.c: making, growing and copying the 64-bit-key table (see
 * u64map.h, where the look-ups are, to be inlined by their callers).
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "u64map.h"

#define FIRST_CAP 16

/* A table of `cap` probed slots holding the keys and values of `m`. */
static void rehash(pd_u64map *m, size_t cap)
{
	pd_u64map bigger;
	size_t i, n = pd_u64map_slots(m);

	bigger.vsize = m->vsize;
	bigger.cap = cap;
	bigger.used = m->used;
	bigger.zero = m->zero;
	bigger.keys = pd__calloc(pd__add(cap, 1), sizeof(uint64_t));
	bigger.vals = m->vsize ? pd__calloc(pd__add(cap, 1), m->vsize) : NULL;
	for (i = 0; i < n; i++) {
		size_t k;

		if (!pd_u64map_held(m, i))
			continue;
		k = pd_u64map_slot(&bigger, pd_u64map_key(m, i));
		bigger.keys[k] = m->keys[i];
		if (m->vsize)
			memcpy(pd_u64map_val(&bigger, k), pd_u64map_val(m, i),
			       m->vsize);
	}
	free(m->keys);
	free(m->vals);
	*m = bigger;
}

void pd_u64map_init(pd_u64map *m, size_t vsize, size_t n)
{
	memset(m, 0, sizeof(*m));
	m->vsize = vsize;
	if (n)
		pd_u64map_reserve(m, n);
}

void pd_u64map_reserve(pd_u64map *m, size_t n)
{
	size_t cap = m->cap ? m->cap : FIRST_CAP;

	while (cap < pd__mul(n, 2))
		cap = pd__mul(cap, 2);
	if (cap != m->cap)
		rehash(m, cap);
}

void pd_u64map_grow(pd_u64map *m)
{
	rehash(m, m->cap ? pd__mul(m->cap, 2) : FIRST_CAP);
}

void pd_u64map_copy(pd_u64map *out, const pd_u64map *from)
{
	size_t n = pd_u64map_slots(from);

	*out = *from;
	out->keys = NULL;
	out->vals = NULL;
	if (!n)
		return;
	out->keys = pd__reallocarray(NULL, n, sizeof(uint64_t));
	memcpy(out->keys, from->keys, n * sizeof(uint64_t));
	if (from->vsize) {
		out->vals = pd__reallocarray(NULL, n, from->vsize);
		memcpy(out->vals, from->vals, n * from->vsize);
	}
}

void pd_u64map_dispose(pd_u64map *m)
{
	size_t vsize = m->vsize;

	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
	m->vsize = vsize;
}

size_t pd_u64map_probes(const pd_u64map *m, uint64_t key)
{
	size_t i, n = 1;

	if (!m->cap || !key)
		return 1;
	i = pd_u64map__home(m, key);
	while (m->keys[i] && m->keys[i] != key) {
		i = (i + 1) & (m->cap - 1);
		n++;
	}
	return n;
}
