/* SPDX-License-Identifier: MIT */
/*
 * test_u64map.c: the 64-bit-key table (u64map.c): key 0 beside the
 * others, keys that start their probe in one slot, growth that keeps
 * every value, copies, and the probes counted.
 */
#include "harness.h"
#include "u64map.h"

/* Number k of a run of keys that all start probing in slot 5 of a table
 * of up to 1,024 slots: they differ only above bit 40, and so above bit
 * 9 of what the start is taken from. */
static uint64_t crowded(unsigned k)
{
	return ((uint64_t)(k + 1) << 41) | 5;
}

static unsigned *val(const pd_u64map *m, size_t slot)
{
	return pd_u64map_val(m, slot);
}

static void test_u64map__key_zero_is_a_key(void)
{
	pd_u64map m = PD_U64MAP_INIT(sizeof(unsigned));
	int added;
	size_t z, one;

	OK(pd_u64map_find(&m, 0) == PD_U64MAP_NONE, "not in an empty table");
	z = pd_u64map_put(&m, 0, &added);
	INT_EQ(added, 1, "0 added");
	INT_EQ(z, m.cap, "in the slot past the probed ones");
	INT_EQ(*val(&m, z), 0, "a new value is zero");
	*val(&m, z) = 7;
	one = pd_u64map_put(&m, 1, &added);
	INT_EQ(added, 1, "1 is another key");
	*val(&m, one) = 8;
	pd_u64map_put(&m, 0, &added);
	INT_EQ(added, 0, "0 found again");
	INT_EQ(m.used, 2, "two keys");
	INT_EQ(*val(&m, pd_u64map_find(&m, 0)), 7, "0's value");
	INT_EQ(*val(&m, pd_u64map_find(&m, 1)), 8, "1's value");
	INT_EQ(pd_u64map_key(&m, pd_u64map_find(&m, 0)), 0, "0's key");
	pd_u64map_dispose(&m);
	OK(pd_u64map_find(&m, 0) == PD_U64MAP_NONE, "gone when disposed");
}

static void test_u64map__colliding_keys_probe_on(void)
{
	pd_u64map m;
	unsigned k, wrong = 0;
	int added;

	pd_u64map_init(&m, sizeof(unsigned), 100);
	INT_EQ(m.cap, 256, "room for 100 keys at most half full");
	for (k = 0; k < 100; k++)
		*val(&m, pd_u64map_put(&m, crowded(k), &added)) = k;
	INT_EQ(m.cap, 256, "not grown");
	INT_EQ(pd_u64map_probes(&m, crowded(0)), 1, "the first in its slot");
	INT_EQ(pd_u64map_probes(&m, crowded(99)), 100, "the last after 99");
	INT_EQ(pd_u64map_probes(&m, crowded(100)), 101, "a new one after all");
	for (k = 0; k < 100; k++)
		wrong += *val(&m, pd_u64map_find(&m, crowded(k))) != k;
	INT_EQ(wrong, 0, "each found with its value");
	OK(pd_u64map_find(&m, crowded(100)) == PD_U64MAP_NONE,
	   "one never put is not found");
	pd_u64map_dispose(&m);
}

static void test_u64map__growth_keeps_every_value(void)
{
	pd_u64map m = PD_U64MAP_INIT(sizeof(unsigned)), c;
	unsigned k, wrong = 0, held = 0, worst = 0;
	size_t i, grown = 0, cap = 0;
	int added;

	for (k = 0; k < 5000; k++) {
		/* spread keys, 0 among them, each put twice */
		uint64_t key = (uint64_t)k * 0x9e3779b97f4a7c15ull;

		*val(&m, pd_u64map_put(&m, key, &added)) += k + 1;
		pd_u64map_put(&m, key, &added);
		wrong += added;
		if (m.cap != cap) {
			grown++;
			cap = m.cap;
		}
		OK(m.used * 2 <= m.cap, "never above half full");
	}
	INT_EQ(wrong, 0, "a second put finds the key");
	INT_EQ(m.used, 5000, "every key once");
	INT_EQ(m.cap, 16384, "doubled from 16 slots");
	INT_EQ(grown, 11, "one growth per doubling");
	for (k = 0; k < 5000; k++) {
		uint64_t key = (uint64_t)k * 0x9e3779b97f4a7c15ull;
		size_t p = pd_u64map_probes(&m, key);

		wrong += *val(&m, pd_u64map_find(&m, key)) != k + 1;
		if (p > worst)
			worst = (unsigned)p;
	}
	INT_EQ(wrong, 0, "values kept through growth");
	OK(worst < 40, "spread keys probe a few slots");
	for (i = 0; i < pd_u64map_slots(&m); i++)
		held += pd_u64map_held(&m, i);
	INT_EQ(held, 5000, "the slots held are the keys");
	pd_u64map_copy(&c, &m);
	*val(&m, pd_u64map_find(&m, 0)) = 0;
	INT_EQ(*val(&c, pd_u64map_find(&c, 0)), 1, "a copy is apart");
	INT_EQ(c.used, 5000, "a copy holds as many");
	pd_u64map_dispose(&c);
	pd_u64map_dispose(&m);
}

static void test_u64map__a_set_without_values(void)
{
	pd_u64map m = PD_U64MAP_INIT(0);
	int added;

	pd_u64map_put(&m, 42, &added);
	pd_u64map_put(&m, 42, &added);
	INT_EQ(added, 0, "held once");
	pd_u64map_reserve(&m, 1000);
	INT_EQ(m.cap, 2048, "reserved: room for 1000");
	OK(pd_u64map_find(&m, 42) != PD_U64MAP_NONE, "kept through reserve");
	OK(m.vals == NULL, "no values kept");
	pd_u64map_dispose(&m);
}

static const pd_test tests[] = {
	PD_TEST(test_u64map__key_zero_is_a_key),
	PD_TEST(test_u64map__colliding_keys_probe_on),
	PD_TEST(test_u64map__growth_keeps_every_value),
	PD_TEST(test_u64map__a_set_without_values),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
