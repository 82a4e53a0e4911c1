/* SPDX-License-Identifier: MIT */
/*
 * match.h: the pairing of old and new sections, read by changes.c.
 */
#ifndef PD_MATCH_H
#define PD_MATCH_H

#include <stddef.h>

#include "document.h"

#define PD_MATCH_NONE ((size_t)-1)

/*
 * A split (merge = 0: the old section `one` became the new sections
 * `many`) or a merge (merge = 1: the old sections `many` became the new
 * section `one`); indexes into the documents' section lists.
 */
typedef struct pd_match_group {
	int merge;
	size_t one;
	size_t *many;
	size_t nmany;
} pd_match_group;

typedef struct pd_match {
	size_t nold, nnew;
	size_t *o2n;            /* old section index → new index, or NONE */
	size_t *n2o;            /* new section index → old index, or NONE */
	double *similarity;     /* per new index: body similarity of the pair
	                           when computed, else -1 */
	unsigned char *moved;   /* per new index: 1 when the pair changed
	                           parent or order among its siblings */
	unsigned long long comparisons;  /* similarity computations */
	pd_match_group **groups;         /* splits and merges, in new order */
	size_t ngroups;
} pd_match;

/**
 * Pair the sections of `old` and `new`: (1) same identity under paired
 * parents, sections that share a heading aligned by their bodies, (2)
 * same identity elsewhere (a move), (3) similar text under another
 * heading (a rename), candidates drawn from an index of rare words and
 * from the position between paired neighbours, never by comparing all
 * pairs; then (1) and (3) again for the children of sections paired by
 * (2) and (3). Roots are always paired.
 */
void pd_match_compute(pd_match *out, const pd_document *old,
                      const pd_document *new_doc, double threshold);
void pd_match_dispose(pd_match *m);

/**
 * Jaccard similarity of the words of two sections' bodies and subtrees
 * (their own headings left out), unweighted.
 */
double pd_match__similarity(const pd_document *old, const pd_section *a,
                            const pd_document *new_doc,
                            const pd_section *b);

/**
 * Find the splits and merges among the sections that a finished pairing
 * left added, removed or renamed (match_split.c); fills m->groups.
 */
void pd_match__find_groups(pd_match *m, const pd_document *old,
                           const pd_document *new_doc);

/** The inverse document frequency of a word hash in `idf` (1 without). */
float pd_match__idf_weight(const pd_counts *idf, uint64_t key);

/* match_evidence.c: the heading's words and the goals beneath */
typedef struct pd_evidence pd_evidence;

/** Evidence about the sections of `old` and `new`, weighted by `idf`. */
pd_evidence *pd_match__evidence_new(const pd_document *old,
                                    const pd_document *new_doc,
                                    const pd_counts *idf);
void pd_match__evidence_free(pd_evidence *ev);
/** 0..1: how alike the stemmed words of two headings' identities are. */
double pd_match__heading_similarity(pd_evidence *ev, const pd_section *a,
                                    const pd_section *b);
/**
 * 0..1: the share of the heading words of `part` (old side when
 * part_side is 0, else new) that are words of the heading of `whole` (on
 * the other side), counted alike.
 */
double pd_match__heading_contained(pd_evidence *ev, int part_side,
                                   const pd_section *part,
                                   const pd_section *whole);
/** 0..1: the share of children that both sections have by identity. */
double pd_match__children_overlap(pd_evidence *ev, const pd_section *a,
                                  const pd_section *b);

#endif
