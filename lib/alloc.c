/* SPDX-License-Identifier: MIT */
/*
 * alloc.c: allocation that cannot fail. Every allocation in libprogdiff
 * goes through here, so that callers never test for NULL (cmark's xcalloc,
 * git's xmalloc).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "progdiff.h"

void pd__oom(void)
{
	/* pd_msg() allocates nothing: a binary search of a static table */
	fprintf(stderr, "progdiff: %s\n", pd_msg("out of memory"));
	abort();
}

void *pd__malloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		pd__oom();
	return p;
}

void *pd__calloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (!p)
		pd__oom();
	return p;
}

void *pd__realloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		pd__oom();
	return p;
}

size_t pd__add(size_t a, size_t b)
{
	if (a > SIZE_MAX - b)
		pd__oom();
	return a + b;
}

size_t pd__mul(size_t a, size_t b)
{
	if (b && a > SIZE_MAX / b)
		pd__oom();
	return a * b;
}

void *pd__reallocarray(void *ptr, size_t nmemb, size_t size)
{
	return pd__realloc(ptr, pd__mul(nmemb, size));
}

char *pd__strndup(const char *s, size_t n)
{
	char *p = pd__malloc(pd__add(n, 1));

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *pd__strdup(const char *s)
{
	return pd__strndup(s, strlen(s));
}
