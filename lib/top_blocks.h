/* SPDX-License-Identifier: MIT */
/*
 * top_blocks.h: the top-level blocks of a Markdown body, in order, with
 * their text as the parser's passes read it (top_blocks.c).
 *
 * cmark parses the body a piece at a time, each piece ending with a
 * top-level heading, and each piece's tree is dropped as soon as its
 * blocks are read: a large programme never has more than one piece's
 * tree in memory, and the blocks are the same as from one tree of the
 * whole body.
 */
#ifndef PD_TOP_BLOCKS_H
#define PD_TOP_BLOCKS_H

#include <stddef.h>

#include "pool.h"
#include "progdiff.h"

typedef enum pd_top_type {
	PD_TOP_HEADING,
	PD_TOP_PARAGRAPH,
	PD_TOP_TABLE,       /* a paragraph that starts with '|' */
	PD_TOP_LIST,        /* its items follow it, as PD_TOP_ITEM */
	PD_TOP_ITEM,        /* one item of the list before it, at any depth */
	PD_TOP_QUOTE,
	PD_TOP_CODE,        /* text as written: line endings LF, no last one */
	PD_TOP_HTML,        /* likewise */
	PD_TOP_OTHER
} pd_top_type;

typedef struct pd_top_block {
	pd_top_type type;
	int level;          /* a heading's, 1..6; an item: 0 for an item of
	                       the list itself, 1 for any deeper one */
	unsigned line;      /* first line, of the body (cmark's), 1-based */
	unsigned end;       /* a table: its last line; an item of the list
	                       itself: that of its last leaf block */
	const char *text;   /* normalised (an item's without its sub-lists),
	                       NUL-terminated, in the pool given to
	                       pd_top_blocks__read(); "" for none */
	size_t len;
} pd_top_block;

typedef struct pd_top_blocks {
	pd_top_block *v;
	size_t n, cap;
	size_t pieces;      /* the pieces cmark parsed */
	size_t again;       /* pieces parsed again, to the body's end, for
	                       the heading that ended them was not the
	                       document's */
} pd_top_blocks;

/** Called for every node read; a negative return stops the reading. */
typedef int (*pd_top_tick)(void *ctx);

/**
 * The top-level blocks of `md` (valid UTF-8, no NUL) into `out`, which
 * the caller disposes of with pd_top_blocks__dispose() whatever the
 * return, their texts into `pool`, where a document keeps them without
 * a copy. Thematic breaks are left out. @return 0, or what `tick`
 * returned when it stopped the reading
 */
int pd_top_blocks__read(pd_top_blocks *out, pd_pool *pool, const char *md,
                        size_t len, pd_top_tick tick, void *ctx);

void pd_top_blocks__dispose(pd_top_blocks *blocks);

/**
 * The size a piece reaches before it may end (at the next heading), for
 * the tests: 0 makes every heading that can end a piece end one, and
 * (size_t)-1 makes the whole body one piece. Per thread; the default
 * is restored with PD_TOP_PIECE.
 */
#define PD_TOP_PIECE ((size_t)64 << 10)
void pd_top_blocks__set_piece(size_t bytes);

#endif
