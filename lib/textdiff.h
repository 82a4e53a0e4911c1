/* SPDX-License-Identifier: MIT */
/*
 * textdiff.h: sequence alignment shared by block, list-item and word
 * differences: Myers' O(ND) algorithm over arrays of hashes.
 */
#ifndef PD_TEXTDIFF_H
#define PD_TEXTDIFF_H

#include <stddef.h>
#include <stdint.h>

#include "progdiff.h"

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

/** Word tokens of a text: offsets of each word with its trailing space. */
typedef struct pd_textdiff_tokens {
	size_t count;
	size_t *start;     /* count + 1 entries; start[count] == len */
	uint64_t *hash;
} pd_textdiff_tokens;

void pd_textdiff__split(pd_textdiff_tokens *out, const char *s, size_t len);
void pd_textdiff__words_dispose(pd_textdiff_tokens *w);

#endif
