/* SPDX-License-Identifier: MIT */
/*
 * changes.h: the change list's body and the block alignment shared by
 * the change detection and the renderers' word-level details.
 */
#ifndef PD_CHANGES_H
#define PD_CHANGES_H

#include "document.h"
#include "match.h"

struct pd_changes {
	const pd_document *old, *new_doc;
	pd_change *items;
	size_t count, cap;
	pd_pool pool;             /* strings made for the changes */
	unsigned long long comparisons;
};

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

/**
 * Append a heading as a sentence names it: without its numbering or a
 * leading kind word ("Fokusområde 4: Funktionell samordning" →
 * "Funktionell samordning"), as written otherwise: the longest tail of
 * the heading, starting at a word, whose identity is the section's key.
 */
void pd_changes__display_heading(pd_buf *out, const pd_section *s);

/** Do two sections' own bodies (not their children) differ? */
int pd_changes__body_differs(const pd_section *a, const pd_section *b);

/**
 * The words of `b` that `a` lacks (*added) and of `a` that `b` lacks
 * (*removed), as multisets of word hashes: a word twice in `a` and once
 * in `b` is removed once; order does not matter.
 */
void pd_changes__word_difference(unsigned *added, unsigned *removed,
                                 const uint64_t *a, size_t na,
                                 const uint64_t *b, size_t nb);

/** Append a change of `kind` (zeroed, similarity -1); the items may move. */
pd_change *pd_changes__add(pd_changes *c, pd_change_kind kind);

/**
 * Find the changed values inside changed goals and sections: numbers in
 * goal sentences (target-changed) and indicator tables by row and cell
 * (changes_targets.c); a text change they explain whole is dropped.
 */
void pd_changes__targets(pd_changes *c);

/**
 * Compare two versions of a table (changes_tables.c): a new row is an
 * indicator-added, a row gone indicator-removed, a changed cell an
 * indicator-changed, a changed header table-header-changed. `about` is
 * the index of the change of the section the tables are in.
 * @return the changes added, or -1 when the blocks are not tables that
 *         can be compared by row
 */
int pd_changes__tables(pd_changes *c, size_t about, const pd_block *a,
                       const pd_block *b);

/**
 * The before/after table of an indicator or table-header change, for
 * --details: the header, the old row and the new row, as a Markdown
 * table (`markdown`) or aligned text lines, each indented by `indent`.
 */
void pd_changes__table_details(pd_buf *out, const pd_changes *c,
                               const pd_change *ch, pd_lang lang,
                               int markdown, const char *indent);

/**
 * The rows of the table block `b` as its document writes them, each line
 * indented by `indent`: a table shown as a table, not one flattened line.
 */
void pd_changes__table_source(pd_buf *out, const pd_document *doc,
                              const pd_block *b, const char *indent);

#endif
