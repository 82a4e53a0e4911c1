/* SPDX-License-Identifier: MIT */
/*
 * changes.h: the change list's body, and what its parts in
 * changes.c, changes_terms.c and changes_themes.c share.
 */
#ifndef PD_CHANGES_H
#define PD_CHANGES_H

#include "document.h"
#include "match.h"
#include "textdiff.h"
#include "thread.h"

struct pd_changes {
	const pd_document *old, *new_doc;
	pd_change *items;
	size_t count, cap;
	pd_pool pool;             /* strings made for the changes */
	unsigned long long comparisons;
	pd_document *owned[2];    /* pd_diff's documents, freed with the list */
	const char **display[2];  /* per section of old, new: its display
	                             heading once worked out (pool), or NULL */
	struct pd_changes__tables_cache *tables;  /* the tables --details
	                             read, each once (changes_tables.c) */
	pd_match pairing;         /* every section's pair, as matched: the
	                             redlines show the sections that did not
	                             change too */
	pd_block_memo aligned;    /* the blocks of changed pairs, aligned
	                             once while the list is made */
};

/*
 * The steps the values code of this thread has taken (bytes scanned,
 * sentences and rows compared, index entries sorted and searched): a
 * count for the tests that guard against quadratic time, as
 * pd_textdiff__work(). Counted by changes_targets.c and changes_tables.c.
 */
extern PD_THREAD_LOCAL unsigned long long pd_changes__value_steps;

/** The tables read for --details; NULL-safe (changes_tables.c). */
void pd_changes__tables_cache_free(pd_changes *c);

/**
 * Append a heading as a sentence names it: without its numbering or a
 * leading kind word ("Fokusområde 4: Funktionell samordning" →
 * "Funktionell samordning"), as written otherwise: the longest tail of
 * the heading, starting at a word, whose identity is the section's key.
 */
void pd_changes__display_heading(pd_buf *out, const pd_section *s);

/**
 * The display heading of `s`, a section of one of the documents of `c`:
 * as the change list worked it out, else worked out now in `tmp` (`c`
 * may be NULL). Borrowed from `c` or `tmp`.
 */
const char *pd_changes__display(pd_buf *tmp, const pd_changes *c,
                                const pd_section *s);

/**
 * The words of `b` that `a` lacks (*added) and of `a` that `b` lacks
 * (*removed), as multisets of word hashes: a word twice in `a` and once
 * in `b` is removed once; order does not matter.
 */
void pd_changes__word_difference(unsigned *added, unsigned *removed,
                                 const uint64_t *a, size_t na,
                                 const uint64_t *b, size_t nb);

/** Comparisons of bodies made while matching (for complexity tests). */
unsigned long long pd_changes__comparisons(const pd_changes *changes);

/* The structure's changes, from the pairing (changes_structure.c). */
void pd_changes__structure(pd_changes *c, const pd_match *m);

/* Add a change of `kind` to the list, all else empty. */
pd_change *pd_changes__add_change(pd_changes *c, pd_change_kind kind);

/* ---- what --details shows under a change: changes_details.c ---- */

/* One run of a changed block's words: kept, removed or added. */
typedef struct pd_detail_word {
	pd_textdiff_op op;
	const char *text;          /* into the block's text */
	size_t len;
} pd_detail_word;

/* One block of the two sections aligned; a changed one (two texts, no
 * table) with its words words[word .. word + nwords). */
typedef struct pd_detail_block {
	pd_block_op op;
	const pd_block *a, *b;     /* old, new; NULL when added, removed */
	int table;                 /* a table, or a text where one was or is
	                              now: b, else a, shown as its rows */
	size_t word, nwords;
} pd_detail_block;

/* Keep the table steps the reports leave out (a table kept, or changed
 * into a table), a changed one with its words: JSON gives every block. */
#define PD_DETAILS_EVERY_TABLE 1u

typedef struct pd_change_details {
	unsigned flags;            /* as asked for: PD_DETAILS_* */
	pd_detail_block *blocks;
	size_t nblocks, capblocks;
	pd_detail_word *words;
	size_t nwords, capwords;
} pd_change_details;

/** Has `ch` a body to show under it (both sections, their text differs)? */
int pd_changes__has_details(const pd_change *ch);
/**
 * The details of `ch` (none unless pd_changes__has_details): its blocks
 * aligned and the words of each changed one; a table kept or changed
 * into a table has no step (its values are changes of their own) unless
 * `flags` has PD_DETAILS_EVERY_TABLE. Points into the documents;
 * dispose with pd_changes__details_dispose().
 */
void pd_changes__details(pd_change_details *out, const pd_change *ch,
                         unsigned flags);
void pd_changes__details_dispose(pd_change_details *d);

/* ---- terms renamed throughout: changes_terms.c ---- */

void pd_changes__term_changes(pd_changes *c, const pd_match *m);
void pd_changes__fold_terms_into_renames(pd_changes *c);
void pd_changes__drop_changes_explained_by_terms(pd_changes *c);

/* Does `word` (folded) begin a word somewhere in `text` (folded)? */
int pd_changes__occurs(const pd_buf *text, const char *word);

/* ---- themes through every goal area: changes_themes.c ---- */

#define MAX_THEMES 3
typedef struct themes_found {
	char *word[MAX_THEMES];   /* the form each is shown by (heap) */
	unsigned old_areas[MAX_THEMES];
	unsigned nold;            /* the old version's areas */
	size_t n;
} themes_found;

/*
 * The themes depend on the two documents only, not on how their
 * sections pair, and documents are not written once parsed: the themes
 * are found on a thread of their own while the sections are matched.
 */
typedef struct themes_job {
	const pd_document *old, *new_doc;
	themes_found found;
	pd_thread thread;
} themes_job;

void pd_changes__themes_start(themes_job *job, const pd_document *old,
                              const pd_document *new_doc);
void pd_changes__themes_finish(pd_changes *c, themes_job *job);
void pd_changes__drop_changes_explained_by_themes(pd_changes *c);


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
 * The tables of an indicator or table-header change, for --details in
 * JSON: `{ "header": [cells], "old_header": [cells], "old_rows":
 * [[cells]], "new_rows": [[cells]] }`, with the header of the new table
 * (of the old without one), the old header only when it differs, and
 * the row each side has of the indicator (none for a header change).
 * @return 1 when written, 0 when neither side holds such a table
 */
int pd_changes__table_json(pd_buf *out, const pd_changes *c,
                           const pd_change *ch);

/**
 * The same object for two blocks of a changed section, either NULL or
 * not a table: every row below the header of each table that is one.
 * @return 1 when written, 0 when neither block is a table to read
 */
int pd_changes__blocks_table_json(pd_buf *out, const pd_changes *c,
                                  const pd_block *a, const pd_block *b);

/**
 * The rows of the table block `b` as its document writes them, each line
 * indented by `indent`: a table shown as a table, not one flattened line.
 */
void pd_changes__table_source(pd_buf *out, const pd_document *doc,
                              const pd_block *b, const char *indent);

#endif
