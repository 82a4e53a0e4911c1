/* SPDX-License-Identifier: MIT */
/*
 * counts.h: how many groups (sections, documents) have a word, for word
 * hashes: a table (u64map.h) that counts each word once per group.
 * The document keeps one over its sections (document.c); the matcher
 * adds the two versions' together for the words' weights and keeps one
 * over the unpaired sections for its index of rare words (match.c).
 */
#ifndef PD_COUNTS_H
#define PD_COUNTS_H

#include <stddef.h>
#include <stdint.h>

#include "u64map.h"

typedef struct pd_count {
	unsigned count;    /* groups that have the word */
	size_t last;       /* the last group that counted it */
} pd_count;

typedef struct pd_counts {
	pd_u64map map;     /* a word's hash -> pd_count */
	float *weight;     /* per slot, for the user: a weight derived from
	                      the count (NULL until the user makes it) */
	double n;          /* groups counted, as the user keeps it */
} pd_counts;

/* A pd_counts of all zero bytes is an empty table too. */
#define PD_COUNTS_INIT { PD_U64MAP_INIT(sizeof(pd_count)), NULL, 0 }

/** Double the table (at first: make it), keeping what it holds. */
void pd_counts_grow(pd_counts *m);
/** Count each of `n` words once for `group` (groups come in order). */
void pd_counts_add(pd_counts *m, const uint64_t *words, size_t n,
                   size_t group);
/** Add the counts of `from` to `m` (the groups of the two are apart). */
void pd_counts_merge(pd_counts *m, const pd_counts *from);
/** How many groups have `key` (0: none). */
unsigned pd_counts_get(const pd_counts *m, uint64_t key);
void pd_counts_dispose(pd_counts *m);

/** The slot of `key` (see pd_u64map_slot); the table must be made. */
static inline size_t pd_counts_slot(const pd_counts *m, uint64_t key)
{
	return pd_u64map_slot(&m->map, key);
}

/** The count in `slot` (0 for a free slot). */
static inline unsigned pd_counts_at(const pd_counts *m, size_t slot)
{
	return ((const pd_count *)m->map.vals)[slot].count;
}

#endif
