/* SPDX-License-Identifier: MIT */
/*
 * vec.h: a growable array of pointers. The vector owns its array, not
 * what the pointers point to.
 */
#ifndef PD_VEC_H
#define PD_VEC_H

#include <stddef.h>
#include <stdint.h>

typedef struct pd_vec {
	void **ptr;
	size_t size;
	size_t asize;
} pd_vec;

#define PD_VEC_INIT { NULL, 0, 0 }

void pd_vec_push(pd_vec *vec, void *item);
void pd_vec_dispose(pd_vec *vec);
void pd_vec_clear(pd_vec *vec);
#define pd_vec_get(vec, i) ((vec)->ptr[(i)])

/** Sort 64-bit hashes in place, ascending (quicksort, no callbacks). */
void pd__sort_u64(uint64_t *a, size_t n);

#endif
