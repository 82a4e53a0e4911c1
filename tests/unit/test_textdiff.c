/* SPDX-License-Identifier: MIT */
/* test_textdiff.c: sequence alignment and word differences. */
#include "harness.h"
#include "progdiff.h"
#include "textdiff.h"

static int collect(pd_textdiff_op op, const char *text, size_t len,
                   void *payload)
{
	static const char *mark[] = { "=", "-", "+" };
	pd_buf *out = payload;

	pd_buf_printf(out, "%s[%.*s]", mark[op], (int)len, text);
	return 0;
}

static void words(pd_buf *out, const char *a, const char *b)
{
	pd_buf_clear(out);
	pd_textdiff_words(a, strlen(a), b, strlen(b), collect, out);
}

static void test_textdiff__one_word_replaced(void)
{
	pd_buf out = PD_BUF_INIT;

	words(&out, "Rådslaget är internt.", "Rådslaget är utåtriktat.");
	STR_EQ(out.ptr, "=[Rådslaget är ]-[internt.]+[utåtriktat.]",
	       "a replaced last word is one delete and one insert");
	pd_buf_dispose(&out);
}

static void test_textdiff__identical_is_one_equal_run(void)
{
	pd_buf out = PD_BUF_INIT;

	words(&out, "en två tre", "en två tre");
	STR_EQ(out.ptr, "=[en två tre]", "identical texts");
	words(&out, "", "");
	STR_EQ(out.ptr, "", "two empty texts emit nothing");
	pd_buf_dispose(&out);
}

static void test_textdiff__insert_into_empty(void)
{
	pd_buf out = PD_BUF_INIT;

	words(&out, "", "nytt mål");
	STR_EQ(out.ptr, "+[nytt mål]", "everything inserted");
	words(&out, "gammalt mål", "");
	STR_EQ(out.ptr, "-[gammalt mål]", "everything deleted");
	pd_buf_dispose(&out);
}

static void test_textdiff__middle_insert(void)
{
	pd_buf out = PD_BUF_INIT;

	words(&out, "a b c d", "a b x y c d");
	STR_EQ(out.ptr, "=[a b ]+[x y ]=[c d]", "insertion between equal runs");
	pd_buf_dispose(&out);
}

/* property: the ranges rebuild both sequences exactly, in order */
typedef struct rebuild {
	const uint64_t *a, *b;
	uint64_t ra[256], rb[256];
	size_t na, nb, edits;
	int bad;
} rebuild;

static int rebuild_cb(pd_textdiff_op op, size_t ao, size_t al, size_t bo,
                      size_t bl, void *payload)
{
	rebuild *r = payload;
	size_t i;

	if (ao != r->na || bo != r->nb)
		r->bad = 1;
	if (op == PD_TEXTDIFF_EQUAL && al != bl)
		r->bad = 1;
	for (i = 0; i < al && op != PD_TEXTDIFF_INSERT; i++) {
		if (op == PD_TEXTDIFF_EQUAL && r->a[ao + i] != r->b[bo + i])
			r->bad = 1;
		r->ra[r->na++] = r->a[ao + i];
	}
	for (i = 0; i < bl && op != PD_TEXTDIFF_DELETE; i++)
		r->rb[r->nb++] = r->b[bo + i];
	if (op != PD_TEXTDIFF_EQUAL)
		r->edits += al + bl;
	return 0;
}

static uint64_t rnd(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

static void test_textdiff__property_rebuilds_both_sides(void)
{
	uint64_t seed = 0x9e3779b97f4a7c15ull;
	int trial;

	for (trial = 0; trial < 2000; trial++) {
		uint64_t a[200], b[200];
		size_t n = rnd(&seed) % 200, m = rnd(&seed) % 200, i;
		unsigned alphabet = 2 + (unsigned)(rnd(&seed) % 6);
		rebuild r;

		for (i = 0; i < n; i++)
			a[i] = rnd(&seed) % alphabet;
		/* b: a edited, so that alignments are long and varied */
		for (i = 0; i < m; i++)
			b[i] = (i < n && rnd(&seed) % 4) ? a[i] : rnd(&seed) % alphabet;
		memset(&r, 0, sizeof(r));
		r.a = a;
		r.b = b;
		pd_textdiff__seq(a, n, b, m, rebuild_cb, &r);
		if (r.bad || r.na != n || r.nb != m ||
		    memcmp(r.ra, a, n * sizeof(uint64_t)) ||
		    memcmp(r.rb, b, m * sizeof(uint64_t))) {
			OK(0, "ranges rebuild both sequences in order");
			break;
		}
		if (r.edits > n + m) {
			OK(0, "edits never exceed the lengths");
			break;
		}
	}
}

static void test_textdiff__minimal_on_small_cases(void)
{
	/* one substitution is two edits, not more */
	uint64_t a[] = { 1, 2, 3, 4, 5 }, b[] = { 1, 2, 9, 4, 5 };
	rebuild r;

	memset(&r, 0, sizeof(r));
	r.a = a;
	r.b = b;
	pd_textdiff__seq(a, 5, b, 5, rebuild_cb, &r);
	INT_EQ(r.edits, 2, "one substitution costs one delete and one insert");
}

static void test_textdiff__beyond_the_edit_cap(void)
{
	/* 3000 words, all different: past the cap, one delete, one insert */
	pd_buf x = PD_BUF_INIT, y = PD_BUF_INIT, want = PD_BUF_INIT;
	pd_buf out = PD_BUF_INIT;
	int i;

	for (i = 0; i < 3000; i++) {
		pd_buf_printf(&x, "a%d ", i);
		pd_buf_printf(&y, "b%d ", i);
	}
	pd_buf_printf(&want, "-[%s]+[%s]", x.ptr, y.ptr);
	pd_textdiff_words(x.ptr, x.size, y.ptr, y.size, collect, &out);
	STR_EQ(out.ptr, want.ptr, "the middle is replaced whole");
	pd_buf_dispose(&x);
	pd_buf_dispose(&y);
	pd_buf_dispose(&want);
	pd_buf_dispose(&out);
}

static const pd_test tests[] = {
	PD_TEST(test_textdiff__one_word_replaced),
	PD_TEST(test_textdiff__identical_is_one_equal_run),
	PD_TEST(test_textdiff__insert_into_empty),
	PD_TEST(test_textdiff__middle_insert),
	PD_TEST(test_textdiff__property_rebuilds_both_sides),
	PD_TEST(test_textdiff__minimal_on_small_cases),
	PD_TEST(test_textdiff__beyond_the_edit_cap),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
