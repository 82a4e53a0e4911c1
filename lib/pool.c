/* SPDX-License-Identifier: MIT */
/*
 * pool.c: arena allocation (see pool.h). Pages grow geometrically up to
 * 16 KiB, small enough for malloc to carve them out of what was freed
 * before (a parse's cmark tree) rather than take new memory; a request
 * larger than a page gets a page of its own.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "pool.h"

struct pd_pool_page {
	pd_pool_page *next;
	size_t size;
	size_t used;
	/* data follows, aligned */
};

#define ALIGN 16u
#define HEADER ((sizeof(pd_pool_page) + ALIGN - 1) & ~(size_t)(ALIGN - 1))

void pd_pool_init(pd_pool *pool)
{
	pool->pages = NULL;
	pool->page_size = 4096;
	pool->allocated = 0;
}

void pd_pool_dispose(pd_pool *pool)
{
	pd_pool_page *p, *next;

	if (!pool)
		return;
	for (p = pool->pages; p; p = next) {
		next = p->next;
		free(p);
	}
	pool->pages = NULL;
	pool->allocated = 0;
}

void *pd_pool_malloc(pd_pool *pool, size_t size)
{
	pd_pool_page *page = pool->pages;
	char *mem;

	size = pd__add(size, ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (!page || page->size - page->used < size) {
		size_t psize;

		if (!pool->page_size)
			pool->page_size = 4096;
		psize = pool->page_size;
		if (psize < (1u << 14))
			pool->page_size = psize * 2;
		if (psize < size)
			psize = size;
		page = pd__malloc(pd__add(HEADER, psize));
		page->size = psize;
		page->used = 0;
		if (pool->pages && psize == size) {
			/* a big one-off: keep the current page current */
			page->next = pool->pages->next;
			pool->pages->next = page;
		} else {
			page->next = pool->pages;
			pool->pages = page;
		}
	}
	mem = (char *)page + HEADER + page->used;
	page->used += size;
	pool->allocated += size;
	return mem;
}

void *pd_pool_calloc(pd_pool *pool, size_t size)
{
	void *p = pd_pool_malloc(pool, size);

	memset(p, 0, size);
	return p;
}

char *pd_pool_strndup(pd_pool *pool, const char *s, size_t n)
{
	char *p = pd_pool_malloc(pool, pd__add(n, 1));

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *pd_pool_strdup(pd_pool *pool, const char *s)
{
	return pd_pool_strndup(pool, s, strlen(s));
}
