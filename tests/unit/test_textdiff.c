/* SPDX-License-Identifier: MIT */
/* test_textdiff.c: sequence alignment and word differences. */
#include "harness.h"
#include "progdiff.h"
#include "text.h"
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
	INT_EQ(trial, 2000, "every trial rebuilt both sides");
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

/* The split by the library's own general path, a call of the word
 * scanner per word and a hash of each: what the one-pass split must
 * give, not a copy of it. */
static void split_reference(pd_textdiff_tokens *out, const char *s,
                            size_t len)
{
	size_t pos = 0, ws, wl, n = 0;
	int latin1 = pd_text_is_latin1(s, len);

	out->start = malloc((len + 2) * sizeof(size_t));
	out->hash = malloc((len + 1) * sizeof(uint64_t));
	while (latin1 ? pd_text_next_word_latin1(s, len, &pos, &ws, &wl) :
	       pd_text_next_word(s, len, &pos, &ws, &wl)) {
		if (n == 0 && ws > 0) {
			out->start[n] = 0;
			out->hash[n++] = pd_text_hash(s, ws);
		}
		out->start[n] = ws;
		out->hash[n++] = pd_text_hash(s + ws, wl);
	}
	if (n == 0 && len > 0) {
		out->start[0] = 0;
		out->hash[0] = pd_text_hash(s, len);
		n = 1;
	}
	out->start[n] = len;
	out->count = n;
}

static int split_matches_reference(const char *s, size_t len)
{
	pd_textdiff_tokens got, want;
	int same;

	pd_textdiff__split(&got, s, len);
	split_reference(&want, s, len);
	same = got.count == want.count &&
	       !memcmp(got.start, want.start, (want.count + 1) * sizeof(size_t)) &&
	       (!want.count ||
	        !memcmp(got.hash, want.hash, want.count * sizeof(uint64_t)));
	pd_textdiff__words_dispose(&got);
	free(want.start);
	free(want.hash);
	return same;
}

static void test_textdiff__split_every_latin1_code_point(void)
{
	/* each code point alone, after a letter and a joiner, after a digit */
	static const char *const before[] = { "", "x'", "x-", "9-", "é-", " " };
	char text[16];
	size_t b, len;
	int cp, bad = -1;

	for (cp = 1; cp < 0x100 && bad < 0; cp++)
		for (b = 0; b < sizeof(before) / sizeof(before[0]); b++) {
			len = strlen(before[b]);
			memcpy(text, before[b], len);
			if (cp < 0x80) {
				text[len++] = (char)cp;
			} else {
				text[len++] = (char)(0xc0 | (cp >> 6));
				text[len++] = (char)(0x80 | (cp & 0x3f));
			}
			memcpy(text + len, "ab", 2);
			if (!split_matches_reference(text, len) ||
			    !split_matches_reference(text, len + 2)) {
				bad = cp;
				break;
			}
		}
	INT_EQ(bad, -1, "the split reads each code point below U+0100 as "
	       "pd_text_next_word_latin1 does");
}

static void test_textdiff__property_split_as_reference(void)
{
	/* Latin-1 letters, joiners, white space, a code point beyond
	 * Latin-1 now and then, a cut-off sequence at the end */
	static const char *const pieces[] = {
		"a", "Z", "k", "7", " ", "  ", "\n", ".", ",", "'", "-", "--",
		"å", "Ö", "é", "ß", "µ", "ª", "×", "÷", "\xc2\xa0", "«", "¿",
		"€", "ŋ", "e\xcc\x81", "\xe2\x80\x93", "Ω", "ﬁ", "_", "\t",
		"\xc3"   /* invalid, cut off: may stand before any byte */
	};
	size_t npieces = sizeof(pieces) / sizeof(pieces[0]);
	uint64_t seed = 0x2545f4914f6cdd1dull;
	pd_buf text = PD_BUF_INIT;
	int trial, bad = -1;

	for (trial = 0; trial < 20000 && bad < 0; trial++) {
		size_t n = rnd(&seed) % 40, i;
		/* most texts Latin-1 only: the one-pass path */
		size_t limit = rnd(&seed) % 3 ? 23 : npieces;

		pd_buf_clear(&text);
		for (i = 0; i < n; i++)
			pd_buf_puts(&text, pieces[rnd(&seed) % limit]);
		if (rnd(&seed) % 50 == 0)
			pd_buf_putc(&text, (char)0xc3);
		if (!split_matches_reference(text.ptr, text.size))
			bad = trial;
	}
	INT_EQ(bad, -1, "the one-pass split gives the reference's tokens");
	pd_buf_dispose(&text);
}

/* Are the tokens of s[from..to) split alone those of the whole s there? */
static int tokens_as_whole(const char *s, size_t len, size_t from, size_t to)
{
	pd_textdiff_tokens whole, part;
	size_t i, k = 0;
	int same = 1, from_ok = from == 0, to_ok = to == len;

	pd_textdiff__split(&whole, s, len);
	pd_textdiff__split(&part, s + from, to - from);
	for (i = 0; i < whole.count; i++) {
		if (whole.start[i] < from || whole.start[i] >= to)
			continue;
		if (k >= part.count || part.start[k] + from != whole.start[i] ||
		    part.hash[k] != whole.hash[i])
			same = 0;
		k++;
	}
	if (k != part.count)
		same = 0;
	/* the cuts are where tokens start */
	for (i = 0; i < whole.count; i++) {
		from_ok |= whole.start[i] == from;
		to_ok |= whole.start[i] == to;
	}
	if (!from_ok || !to_ok)
		same = 0;
	pd_textdiff__words_dispose(&whole);
	pd_textdiff__words_dispose(&part);
	return same;
}

/* property: the equal ends cut where both texts' tokens do */
static void test_textdiff__property_equal_ends(void)
{
	static const char *const pieces[] = {
		"ord ", "Ord ", "mål, ", "år ", "2030 ", "a-b ", "e'e ", "  ",
		". ", "x", "Å", "é", " – ", "€ ", "ŋ", "\xcc\x81"
	};
	size_t npieces = sizeof(pieces) / sizeof(pieces[0]);
	uint64_t seed = 0x5851f42d4c957f2dull;
	pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT;
	int trial, bad = -1;

	for (trial = 0; trial < 20000 && bad < 0; trial++) {
		size_t n = rnd(&seed) % 30, i, lo, a_hi, b_hi, tail;

		pd_buf_clear(&a);
		pd_buf_clear(&b);
		for (i = 0; i < n; i++) {
			const char *p = pieces[rnd(&seed) % npieces];

			pd_buf_puts(&a, p);
			/* b: a with a piece changed, dropped or added here and there */
			switch (rnd(&seed) % 12) {
			case 0:
				pd_buf_puts(&b, pieces[rnd(&seed) % npieces]);
				break;
			case 1:
				break;
			case 2:
				pd_buf_puts(&b, pieces[rnd(&seed) % npieces]);
				pd_buf_puts(&b, p);
				break;
			default:
				pd_buf_puts(&b, p);
			}
		}
		pd_textdiff__equal_ends(&lo, &a_hi, &b_hi, a.ptr, a.size, b.ptr,
		                        b.size);
		tail = a.size - a_hi;
		if (lo > a_hi || lo > b_hi || a_hi > a.size || b_hi > b.size ||
		    b.size - b_hi != tail || memcmp(a.ptr, b.ptr, lo) ||
		    memcmp(a.ptr + a_hi, b.ptr + b_hi, tail) ||
		    !tokens_as_whole(a.ptr, a.size, lo, a_hi) ||
		    !tokens_as_whole(b.ptr, b.size, lo, b_hi))
			bad = trial;
	}
	INT_EQ(bad, -1, "equal ends cut at tokens, the middle split alike");
	pd_buf_dispose(&a);
	pd_buf_dispose(&b);
}

static const pd_test tests[] = {
	PD_TEST(test_textdiff__one_word_replaced),
	PD_TEST(test_textdiff__identical_is_one_equal_run),
	PD_TEST(test_textdiff__insert_into_empty),
	PD_TEST(test_textdiff__middle_insert),
	PD_TEST(test_textdiff__property_rebuilds_both_sides),
	PD_TEST(test_textdiff__minimal_on_small_cases),
	PD_TEST(test_textdiff__beyond_the_edit_cap),
	PD_TEST(test_textdiff__split_every_latin1_code_point),
	PD_TEST(test_textdiff__property_split_as_reference),
	PD_TEST(test_textdiff__property_equal_ends),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
