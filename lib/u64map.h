/* SPDX-License-Identifier: MIT */
/*
 * u64map.h: the one hash table keyed by 64-bit hashes (words, stems,
 * section identities). Open addressing with linear probing, at most half
 * full, doubled when it would be more. Each slot holds a key and `vsize`
 * bytes of the user's value, all zero when the key is added; entries are
 * never removed. Key 0 has a slot of its own past the probed ones (slot
 * `cap`), so every 64-bit value is a key and 0 in a probed slot always
 * means free. A slot number stays valid until the next put that grows
 * the table; pointers to values too.
 */
#ifndef PD_U64MAP_H
#define PD_U64MAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct pd_u64map {
	uint64_t *keys;       /* per slot; 0 in a probed slot: free */
	unsigned char *vals;  /* per slot: vsize bytes of the user's */
	size_t vsize;
	size_t cap;           /* probed slots: 0 (nothing made yet) or a
	                         power of two; slot `cap` is key 0's */
	size_t used;          /* keys held, key 0 among them */
	int zero;             /* key 0 is held */
} pd_u64map;

#define PD_U64MAP_INIT(vsize) { NULL, NULL, (vsize), 0, 0, 0 }
#define PD_U64MAP_NONE ((size_t)-1)

/** Empty `m` for values of `vsize` bytes, with room for `n` keys. */
void pd_u64map_init(pd_u64map *m, size_t vsize, size_t n);
/** Make room for `n` keys in all without growing (the first time: make
 * the table, at least 16 slots). */
void pd_u64map_reserve(pd_u64map *m, size_t n);
/** Double the table (at first: make it), keeping what it holds. */
void pd_u64map_grow(pd_u64map *m);
/** Make `out` a copy of `from` (out's old content is not freed). */
void pd_u64map_copy(pd_u64map *out, const pd_u64map *from);
void pd_u64map_dispose(pd_u64map *m);
/** How many slots are looked at to place `key` (for tests). */
size_t pd_u64map_probes(const pd_u64map *m, uint64_t key);

/** How many slots there are: for arrays the user keeps per slot. */
static inline size_t pd_u64map_slots(const pd_u64map *m)
{
	return m->cap ? m->cap + 1 : 0;
}

/* Where the probe for a key other than 0 starts. */
static inline size_t pd_u64map__home(const pd_u64map *m, uint64_t key)
{
	return (size_t)(key ^ (key >> 31)) & (m->cap - 1);
}

/** The slot of `key`: where it is, or the free slot it would take. The
 * table must have been made (cap > 0). */
static inline size_t pd_u64map_slot(const pd_u64map *m, uint64_t key)
{
	size_t i;

	if (!key)
		return m->cap;
	i = pd_u64map__home(m, key);
	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/** Does `slot` hold a key? */
static inline int pd_u64map_held(const pd_u64map *m, size_t slot)
{
	return slot == m->cap ? m->zero : m->keys[slot] != 0;
}

/** The key in a held slot. */
static inline uint64_t pd_u64map_key(const pd_u64map *m, size_t slot)
{
	return slot == m->cap ? 0 : m->keys[slot];
}

static inline void *pd_u64map_val(const pd_u64map *m, size_t slot)
{
	return m->vals + slot * m->vsize;
}

/** The slot holding `key`, or PD_U64MAP_NONE. */
static inline size_t pd_u64map_find(const pd_u64map *m, uint64_t key)
{
	size_t i;

	if (!m->cap)
		return PD_U64MAP_NONE;
	i = pd_u64map_slot(m, key);
	return pd_u64map_held(m, i) ? i : PD_U64MAP_NONE;
}

/** The slot of `key`, added (its value all zero) when new: then *added
 * is 1. May grow the table. */
static inline size_t pd_u64map_put(pd_u64map *m, uint64_t key, int *added)
{
	size_t i;

	if ((m->used + 1) * 2 > m->cap)
		pd_u64map_grow(m);
	i = pd_u64map_slot(m, key);
	*added = !pd_u64map_held(m, i);
	if (*added) {
		if (key)
			m->keys[i] = key;
		else
			m->zero = 1;
		m->used++;
	}
	return i;
}

#endif
