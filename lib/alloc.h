/* SPDX-License-Identifier: MIT */
/*
 * alloc.h: checked allocation. Memory exhaustion is not an error path:
 * these print "progdiff: out of memory" and abort(). Size arithmetic goes
 * through pd__mul/pd__add, which abort on overflow instead of wrapping.
 */
#ifndef PD_ALLOC_H
#define PD_ALLOC_H

#include <stddef.h>

void *pd__malloc(size_t size);
void *pd__calloc(size_t nmemb, size_t size);
void *pd__realloc(void *ptr, size_t size);
/** realloc for an array of `nmemb` elements, overflow-checked */
void *pd__reallocarray(void *ptr, size_t nmemb, size_t size);
char *pd__strdup(const char *s);
char *pd__strndup(const char *s, size_t n);
size_t pd__add(size_t a, size_t b);
size_t pd__mul(size_t a, size_t b);
void pd__oom(void);

#endif
