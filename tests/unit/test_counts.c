/* SPDX-License-Identifier: MIT */
/*
 * test_counts.c: words counted once per group (counts.c), against a
 * straightforward count, through growth and merging.
 */
#include "harness.h"
#include "counts.h"

#define WORDS 3000      /* distinct hashes: the table grows past 4,096 */
#define GROUPS 40

static unsigned long state = 7;

static unsigned rnd(unsigned n)
{
	state = state * 6364136223846793005ul + 1442695040888963407ul;
	return (unsigned)((state >> 33) % n);
}

/* Hash number k: 0 and 1 among them (two words, 0 in a slot of its
 * own), and keys that share their low bits, so that they probe past
 * each other. */
static uint64_t word(unsigned k)
{
	if (k < 2)
		return k;
	return ((uint64_t)k << 40) | (k % 7);
}

/* in_group[g][k]: does group g have word k (the reference: a plain table
 * of every pair, a genuinely simpler algorithm than the hashed counts) */
static unsigned char in_group[GROUPS][WORDS];

/* The groups in [from, to) that have word number k. */
static unsigned want_count(unsigned from, unsigned to, unsigned k)
{
	unsigned g, n = 0;

	for (g = from; g < to; g++)
		n += in_group[g][k];
	return n;
}

/* Count groups [from, to) into m, each group's words in several calls
 * and with repeats, as blocks of a section come. */
static void count(pd_counts *m, unsigned from, unsigned to)
{
	unsigned g, k;
	uint64_t words[WORDS * 2];

	for (g = from; g < to; g++) {
		size_t n = 0, half;

		for (k = 0; k < WORDS; k++)
			if (in_group[g][k]) {
				words[n++] = word(k);
				if (rnd(4) == 0)
					words[n++] = word(k);
			}
		half = n / 2;
		pd_counts_add(m, words, half, g);
		pd_counts_add(m, words + half, n - half, g);
	}
}

static void test_counts__as_counted_by_hand(void)
{
	pd_counts a = PD_COUNTS_INIT, b = PD_COUNTS_INIT,
	          both = PD_COUNTS_INIT, merged = PD_COUNTS_INIT;
	unsigned g, k, bad_a = 0, bad_merged = 0, bad_both = 0;

	for (g = 0; g < GROUPS; g++)
		for (k = 0; k < WORDS; k++)
			in_group[g][k] = rnd(g % 3 == 0 ? 2 : 50) == 0;
	pd_counts_grow(&a);
	pd_counts_grow(&b);
	pd_counts_grow(&both);
	count(&a, 0, GROUPS / 2);
	count(&b, GROUPS / 2, GROUPS);
	count(&both, 0, GROUPS);
	OK(a.map.cap > 4096, "the table grew");
	pd_counts_merge(&merged, &a);   /* into an empty table: a copy */
	pd_counts_merge(&merged, &b);
	for (k = 0; k < WORDS; k++) {
		uint64_t key = word(k);

		bad_a += pd_counts_get(&a, key) != want_count(0, GROUPS / 2, k);
		bad_both += pd_counts_get(&both, key) !=
		            want_count(0, GROUPS, k);
		bad_merged += pd_counts_get(&merged, key) !=
		              want_count(0, GROUPS, k);
	}
	INT_EQ(bad_a, 0, "each word once per group");
	INT_EQ(bad_both, 0, "over all the groups");
	INT_EQ(bad_merged, 0, "two halves merged are the whole");
	INT_EQ(merged.map.used, both.map.used, "as many words");
	OK(pd_counts_get(&merged, 0) == want_count(0, GROUPS, 0) &&
	   pd_counts_get(&merged, 1) == want_count(0, GROUPS, 1) &&
	   want_count(0, GROUPS, 0) != want_count(0, GROUPS, 1),
	   "0 and 1 are two words");
	INT_EQ(pd_counts_get(&merged, (uint64_t)12345 << 41), 0,
	       "a word nobody has");
	pd_counts_dispose(&a);
	pd_counts_dispose(&b);
	pd_counts_dispose(&both);
	pd_counts_dispose(&merged);
	INT_EQ(pd_counts_get(&merged, 5), 0, "a disposed table is empty");
}

static void test_counts__merge_into_a_table_with_words(void)
{
	pd_counts a = PD_COUNTS_INIT, b = PD_COUNTS_INIT;
	uint64_t x[] = { 10, 20, 30 }, y[] = { 20, 40 };

	pd_counts_grow(&a);
	pd_counts_grow(&b);
	pd_counts_add(&a, x, 3, 0);
	pd_counts_add(&a, y, 2, 1);
	pd_counts_add(&b, y, 2, 0);
	pd_counts_merge(&a, &b);
	INT_EQ(pd_counts_get(&a, 10), 1, "from a only");
	INT_EQ(pd_counts_get(&a, 20), 3, "in both: summed");
	INT_EQ(pd_counts_get(&a, 40), 2, "one in a, one in b");
	INT_EQ(a.map.used, 4, "four words");
	/* adding after a merge still counts a new group once */
	pd_counts_add(&a, x, 3, 7);
	pd_counts_add(&a, x, 3, 7);
	INT_EQ(pd_counts_get(&a, 10), 2, "a later group counted once");
	pd_counts_dispose(&a);
	pd_counts_dispose(&b);
}

/* Merging more words than the table holds makes it grow mid-merge. */
static void test_counts__merge_grows_the_table(void)
{
	pd_counts small = PD_COUNTS_INIT, big = PD_COUNTS_INIT;
	uint64_t w[WORDS];
	unsigned k, wrong = 0;

	for (k = 0; k < WORDS; k++)
		w[k] = word(k + 2);
	pd_counts_grow(&small);
	pd_counts_grow(&big);
	pd_counts_add(&small, w, 10, 0);
	pd_counts_add(&big, w, WORDS, 0);
	pd_counts_add(&big, w + WORDS / 2, WORDS / 2, 1);
	pd_counts_merge(&small, &big);
	OK(small.map.cap > 4096, "the table grew while merging");
	for (k = 0; k < WORDS; k++)
		wrong += pd_counts_get(&small, w[k]) !=
		         (k < 10) + 1u + (k >= WORDS / 2);
	INT_EQ(wrong, 0, "no count lost to the growth");
	INT_EQ(small.map.used, WORDS, "every word");
	pd_counts_dispose(&small);
	pd_counts_dispose(&big);
}

static const pd_test tests[] = {
	PD_TEST(test_counts__as_counted_by_hand),
	PD_TEST(test_counts__merge_into_a_table_with_words),
	PD_TEST(test_counts__merge_grows_the_table),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
