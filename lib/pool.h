/* SPDX-License-Identifier: MIT */
/*
 * pool.h: an arena that owns the memory of one document (its sections,
 * strings and blocks), released in one call (libgit2's git_pool). Items
 * are never freed one by one; allocation is a pointer bump.
 */
#ifndef PD_POOL_H
#define PD_POOL_H

#include <stddef.h>

typedef struct pd_pool_page pd_pool_page;

typedef struct pd_pool {
	pd_pool_page *pages;
	size_t page_size;
	size_t allocated;   /* bytes handed out, for memory accounting */
} pd_pool;

#define PD_POOL_INIT { NULL, 0, 0 }

void pd_pool_init(pd_pool *pool);
void pd_pool_dispose(pd_pool *pool);
/** Aligned, uninitialised memory owned by the pool. */
void *pd_pool_malloc(pd_pool *pool, size_t size);
/** Zero-filled memory owned by the pool. */
void *pd_pool_calloc(pd_pool *pool, size_t size);
char *pd_pool_strndup(pd_pool *pool, const char *s, size_t n);
char *pd_pool_strdup(pd_pool *pool, const char *s);

#endif
