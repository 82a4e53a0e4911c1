/* SPDX-License-Identifier: MIT */
/* vec.c: growable pointer array (see vec.h), and sorting of hash arrays. */
#include <stdint.h>
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

/*
 * Sort word hashes: quicksort (Hoare's partition, middle pivot, which
 * keeps runs of equal words cheap) with insertion sort for short ranges.
 * The hashes are as good as random, so the middle pivot is as good as
 * any; qsort's comparison call per step cost more than the sort itself.
 */
void pd__sort_u64(uint64_t *a, size_t n)
{
	while (n > 16) {
		uint64_t pivot = a[n / 2], t;
		size_t i = 0, j = n - 1;

		for (;;) {
			while (a[i] < pivot)
				i++;
			while (a[j] > pivot)
				j--;
			if (i >= j)
				break;
			t = a[i];
			a[i] = a[j];
			a[j] = t;
			i++;
			j--;
		}
		/* recurse into the smaller part, loop on the larger */
		if (j + 1 < n - j - 1) {
			pd__sort_u64(a, j + 1);
			a += j + 1;
			n -= j + 1;
		} else {
			pd__sort_u64(a + j + 1, n - j - 1);
			n = j + 1;
		}
	}
	{
		size_t i, k;

		for (i = 1; i < n; i++) {
			uint64_t v = a[i];

			for (k = i; k > 0 && a[k - 1] > v; k--)
				a[k] = a[k - 1];
			a[k] = v;
		}
	}
}
