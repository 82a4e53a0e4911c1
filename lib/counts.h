/* SPDX-License-Identifier: MIT */
/*
 * counts.h: how many groups (sections, documents) have a word, for word
 * hashes: an open-addressing table that counts each word once per group.
 * The document keeps one over its sections (document.c); the matcher
 * adds the two versions' together for the words' weights and keeps one
 * over the unpaired sections for its index of rare words (match.c).
 */
#ifndef PD_COUNTS_H
#define PD_COUNTS_H

#include <stddef.h>
#include <stdint.h>

typedef struct pd_counts {
	uint64_t *keys;    /* a word's hash (0 is stored as 1); 0: free slot */
	unsigned *count;   /* groups that have it */
	size_t *last;      /* the last group that counted it */
	float *weight;     /* per slot, for the user: a weight derived from
	                      the count (NULL until the user makes it) */
	size_t cap, used;
	double n;          /* groups counted, as the user keeps it */
} pd_counts;

#define PD_COUNTS_INIT { NULL, NULL, NULL, NULL, 0, 0, 0 }

/** The slot of `key` (never 0): where it is, or the free slot for it. */
size_t pd_counts_slot(const pd_counts *m, uint64_t key);
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

#endif
