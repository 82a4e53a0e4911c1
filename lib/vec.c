/* SPDX-License-Identifier: MIT */
/* vec.c: growable pointer array (see vec.h). */
#include <stdlib.h>

#include "alloc.h"
#include "vec.h"

void pd_vec_push(pd_vec *vec, void *item)
{
	if (vec->size == vec->asize) {
		size_t next = vec->asize < 8 ? 8 : pd__add(vec->asize, vec->asize / 2);

		vec->ptr = pd__reallocarray(vec->ptr, next, sizeof(void *));
		vec->asize = next;
	}
	vec->ptr[vec->size++] = item;
}

void pd_vec_clear(pd_vec *vec)
{
	vec->size = 0;
}

void pd_vec_dispose(pd_vec *vec)
{
	if (!vec)
		return;
	free(vec->ptr);
	vec->ptr = NULL;
	vec->size = vec->asize = 0;
}
