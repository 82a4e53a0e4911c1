/* SPDX-License-Identifier: MIT */
/* test_vec.c: the pointer array and the sorting of hash arrays. */
#include <stdint.h>

#include "harness.h"
#include "vec.h"

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

/* property: pd__sort_u64 sorts as qsort does, duplicates and all */
static void test_vec__sort_u64_agrees_with_qsort(void)
{
	static uint64_t a[3000], b[3000];
	uint64_t seed = 0x2545f4914f6cdd1dull;
	int trial, bad = 0;

	for (trial = 0; trial < 300 && !bad; trial++) {
		size_t n = (size_t)(seed % 3000), i;
		uint64_t range = trial % 3 == 0 ? 4 : trial % 3 == 1 ? 1000 : ~0ull;

		for (i = 0; i < n; i++) {
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			a[i] = b[i] = seed % range;
		}
		if (trial == 7)          /* already sorted, then reversed */
			for (i = 0; i < n; i++)
				a[i] = b[i] = i;
		if (trial == 8)
			for (i = 0; i < n; i++)
				a[i] = b[i] = n - i;
		pd__sort_u64(a, n);
		qsort(b, n, sizeof(uint64_t), cmp_u64);
		bad = memcmp(a, b, n * sizeof(uint64_t)) != 0;
	}
	OK(!bad, "the same order as qsort");
	pd__sort_u64(NULL, 0);
}

static void test_vec__push_and_dispose(void)
{
	pd_vec v = PD_VEC_INIT;
	int items[100], i;

	for (i = 0; i < 100; i++)
		pd_vec_push(&v, &items[i]);
	INT_EQ(v.size, 100, "every item pushed");
	OK(pd_vec_get(&v, 42) == &items[42], "in order");
	pd_vec_clear(&v);
	INT_EQ(v.size, 0, "cleared");
	pd_vec_dispose(&v);
	OK(v.ptr == NULL && v.asize == 0, "disposed");
}

static const pd_test tests[] = {
	PD_TEST(test_vec__sort_u64_agrees_with_qsort),
	PD_TEST(test_vec__push_and_dispose),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
