/* SPDX-License-Identifier: MIT */
/*
 * textdiff.h: sequence alignment shared by block, list-item and word
 * differences: Myers' O(ND) algorithm over arrays of hashes.
 */
#ifndef PD_TEXTDIFF_H
#define PD_TEXTDIFF_H

#include <stddef.h>
#include <stdint.h>

#include "document.h"
#include "progdiff.h"
#include "u64map.h"

/** Receives aligned ranges in order: a[a_off..+a_len] vs b[b_off..+b_len]
 *  (EQUAL: both lengths equal; DELETE: b_len 0; INSERT: a_len 0). */
typedef int (*pd_textdiff_seq_cb)(pd_textdiff_op op, size_t a_off,
                                  size_t a_len, size_t b_off, size_t b_len,
                                  void *payload);

/** Edits beyond which the middle is one delete and one insert. */
#define PD_TEXTDIFF_MAX_D 512

/**
 * Align two sequences of hashes. Common prefix and suffix are taken
 * first; the middle is Myers' greedy algorithm (E. Myers, "An O(ND)
 * Difference Algorithm and Its Variations", 1986) with a trace of at most
 * (PD_TEXTDIFF_MAX_D+1)^2 entries.
 */
int pd_textdiff__seq(const uint64_t *a, size_t n, const uint64_t *b,
                     size_t m, pd_textdiff_seq_cb cb, void *payload);

/**
 * The steps the alignments of the calling thread have taken so far (the
 * common ends, and each diagonal and each step along one in Myers'
 * search): a count for the tests that guard against quadratic time.
 */
unsigned long long pd_textdiff__work(void);

/** Word tokens of a text: offsets of each word with its trailing space. */
typedef struct pd_textdiff_tokens {
	size_t count;
	size_t *start;     /* count + 1 entries; start[count] == len */
	uint64_t *hash;
} pd_textdiff_tokens;

void pd_textdiff__split(pd_textdiff_tokens *out, const char *s, size_t len);

/**
 * Where the equal ends of two texts can be cut off without changing the
 * tokens between: a[0..*lo) == b[0..*lo) and a[*a_hi..alen) ==
 * b[*b_hi..blen), each cut is at a word that follows a space (or at the
 * text's start or end), and *lo <= *a_hi, *lo <= *b_hi. The tokens of
 * the ends are then the same in both texts, and those between are the
 * tokens of a[*lo..*a_hi) and b[*lo..*b_hi) split alone.
 */
void pd_textdiff__equal_ends(size_t *lo, size_t *a_hi, size_t *b_hi,
                             const char *a, size_t alen, const char *b,
                             size_t blen);
void pd_textdiff__words_dispose(pd_textdiff_tokens *w);

typedef enum pd_block_op {
	PD_BLOCK_SAME = 0,
	PD_BLOCK_DELETED,         /* a only */
	PD_BLOCK_INSERTED,        /* b only */
	PD_BLOCK_CHANGED          /* a and b, texts differ */
} pd_block_op;

typedef int (*pd_block_cb)(pd_block_op op, const pd_block *a,
                           const pd_block *b, void *payload);

/**
 * Align the body blocks of two sections by their exact text; blocks left
 * between equal ones are paired in order (CHANGED) and the rest deleted
 * or inserted. Headings are not blocks.
 */
int pd_changes__align_blocks(const pd_section *a, const pd_section *b,
                             pd_block_cb cb, void *payload);

/*
 * The block alignments of the section pairs a change list has looked at,
 * kept: the renamed terms, the targets and the themes each walk the
 * blocks of the same changed pairs, and each pair is aligned once.
 */
typedef struct pd_block_step pd_block_step;
typedef struct pd_block_memo {
	pd_u64map index;          /* the pair (old index, new index) → its
	                             steps in `steps`: first, count */
	pd_block_step *steps;
	size_t n, cap;
} pd_block_memo;

void pd_block_memo_init(pd_block_memo *memo);
void pd_block_memo_dispose(pd_block_memo *memo);

/**
 * pd_changes__align_blocks() of sections `a` (of the old document) and
 * `b` (of the new), aligned the first time and given again from `memo`
 * after.
 */
int pd_changes__align_blocks_kept(pd_block_memo *memo, const pd_section *a,
                                  const pd_section *b, pd_block_cb cb,
                                  void *payload);

/** Do two sections' own bodies (not their children) differ? */
int pd_changes__body_differs(const pd_section *a, const pd_section *b);

/**
 * pd_textdiff_words(), but exact: the EQUAL and DELETE runs put
 * together are `a` byte for byte, EQUAL and INSERT `b` (a word equal
 * but for its punctuation is a deletion and an insertion), as tracked
 * changes that are rejected or accepted need.
 */
int pd_textdiff__words_exact(const char *a, size_t alen, const char *b,
                             size_t blen, pd_textdiff_cb cb, void *payload);

#endif
