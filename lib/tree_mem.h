/* SPDX-License-Identifier: MIT */
/*
 * tree_mem.h: the memory of one cmark tree. A parse allocates its tree
 * block by block, hundreds of thousands of small ones, and drops them all
 * at once when its sections are built. Given to cmark as its allocator, a
 * tree memory hands the small blocks out of large chunks, reuses those
 * cmark frees, and lets everything go by the chunk: no malloc per node,
 * no walk over the tree to free it, and what the tree held is back with
 * the system as soon as it is dropped. Blocks too large for a chunk are
 * malloc's, one by one, so that a long paragraph grows by mremap.
 *
 * cmark's allocator takes no context, so a tree memory is entered on the
 * thread that parses (pd_tree_mem__enter) and serves every allocation
 * cmark makes on that thread until it is disposed of.
 */
#ifndef PD_TREE_MEM_H
#define PD_TREE_MEM_H

#include <stddef.h>
#include <cmark.h>

typedef struct pd_tree_chunk pd_tree_chunk;
typedef struct pd_tree_large pd_tree_large;
typedef struct pd_tree_spare pd_tree_spare;

/* Shelves of freed room, by size: [2^k, 2^(k+1)) bytes on shelf k. */
#define PD_TREE_SHELVES 21

typedef struct pd_tree_mem {
	pd_tree_chunk *chunks;  /* every chunk, newest first */
	char *next, *end;       /* the newest chunk's free room */
	char *spare, *spare_end;/* free room in a freed block, being reused */
	pd_tree_spare *shelves[PD_TREE_SHELVES];
	pd_tree_large *large;   /* blocks of their own */
	size_t held;            /* bytes held from malloc now */
	size_t held_max;        /* the most held at once */
} pd_tree_mem;

/** An empty tree memory. */
void pd_tree_mem__init(pd_tree_mem *mem);

/**
 * Make `mem` serve cmark's allocations on this thread and return the
 * allocator to give cmark_parser_new_with_mem(). One at a time per thread.
 */
cmark_mem *pd_tree_mem__enter(pd_tree_mem *mem);

/**
 * Let every block go at once, as pd_tree_mem__dispose(), but keep one
 * chunk for the next tree: a parse that reads its input piece by piece
 * builds each piece's tree in the same memory. `mem` still serves the
 * thread.
 */
void pd_tree_mem__reset(pd_tree_mem *mem);

/**
 * Let every block go at once (the tree in it is gone), stop serving this
 * thread, and leave `mem` empty.
 */
void pd_tree_mem__dispose(pd_tree_mem *mem);

#endif
