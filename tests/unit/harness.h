/* SPDX-License-Identifier: MIT */
/*
 * harness.h: the unit-test harness (after cmark's api_test/harness.h).
 *
 * A test file defines `void test_<module>__<case>(void)` functions, lists
 * them in a table and ends with PD_TEST_MAIN(table). Each case counts as
 * one test: it passes when it asserted something and none of its
 * assertions failed (a case that asserts nothing tests nothing). The binary
 * prints "ok"/"FAIL" per case and a closing "N passed, N failed"; an
 * argument runs only the cases whose name contains it.
 */
#ifndef PD_HARNESS_H
#define PD_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pd_test {
	const char *name;
	void (*fn)(void);
} pd_test;

static int pd_test__failures;
static int pd_test__checks;   /* assertions made by the current case */

static void pd_test__fail(const char *file, int line, const char *msg)
{
	pd_test__failures++;
	fprintf(stdout, "  %s:%d: %s\n", file, line, msg);
}

#define OK(cond, msg) do { \
	pd_test__checks++; \
	if (!(cond)) pd_test__fail(__FILE__, __LINE__, (msg)); \
} while (0)

#define INT_EQ(got, want, msg) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	pd_test__checks++; \
	if (g_ != w_) { \
		pd_test__fail(__FILE__, __LINE__, (msg)); \
		fprintf(stdout, "    got %lld, want %lld\n", g_, w_); \
	} \
} while (0)

#define STR_EQ(got, want, msg) do { \
	const char *g_ = (got), *w_ = (want); \
	pd_test__checks++; \
	if (!g_ || !w_ ? g_ != w_ : strcmp(g_, w_) != 0) { \
		pd_test__fail(__FILE__, __LINE__, (msg)); \
		fprintf(stdout, "    got  \"%s\"\n    want \"%s\"\n", \
		        g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
	} \
} while (0)

#define PD_TEST(fn) { #fn, fn }

static int pd_test__main(const pd_test *tests, const char *self,
                         const char *filter)
{
	int passed = 0, failed = 0;
	const pd_test *t;

	for (t = tests; t->name; t++) {
		if (filter && !strstr(t->name, filter))
			continue;
		pd_test__failures = 0;
		pd_test__checks = 0;
		t->fn();
		if (!pd_test__checks)
			pd_test__fail(t->name, 0, "asserted nothing");
		if (pd_test__failures) {
			failed++;
			printf("FAIL %s\n", t->name);
		} else {
			passed++;
			printf("ok   %s\n", t->name);
		}
	}
	printf("%s: %d passed, %d failed\n", self, passed, failed);
	return failed ? 1 : 0;
}

#define PD_TEST_MAIN(table) \
int main(int argc, char **argv) \
{ \
	const char *self = strrchr(argv[0], '/'); \
	return pd_test__main(table, self ? self + 1 : argv[0], \
	                     argc > 1 ? argv[1] : NULL); \
}

#endif
