/* SPDX-License-Identifier: MIT */
/*
 * test_tree_mem.c: the memory of one cmark tree (tree_mem.c): zero blocks
 * for calloc wherever they are cut from, contents kept by realloc in place
 * and moved, freed room reused, large blocks apart, random sequences of
 * calls checked against what each block must hold, and cmark trees built
 * in it, on one thread and on two at once, the same as with cmark's own
 * allocator.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "thread.h"
#include "tree_mem.h"

/* 1 MiB, the chunk tree_mem.c cuts small blocks from */
#define CHUNK ((size_t)1 << 20)

static int all_zero(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

static void test_tree_mem__calloc_is_zero_even_from_freed_room(void)
{
	pd_tree_mem t;
	cmark_mem *m;
	unsigned char *a, *b, *c;

	pd_tree_mem__init(&t);
	m = pd_tree_mem__enter(&t);
	a = m->calloc(1, 300);
	OK(all_zero(a, 300), "a fresh block is zero");
	memset(a, 0xff, 300);
	b = m->calloc(1, 16);          /* a is no longer the newest */
	m->free(a);                     /* so its room goes on a shelf */
	c = m->calloc(3, 100);
	OK(c == a, "the freed room serves the next block of its size");
	OK(all_zero(c, 300), "and is cleared for calloc");
	memset(b, 0xff, 16);
	m->free(b);                     /* the newest: back to the chunk */
	b = m->calloc(1, 16);
	OK(all_zero(b, 16), "the chunk's room is zero again");
	pd_tree_mem__dispose(&t);
	OK(t.held == 0 && t.chunks == NULL, "nothing held when disposed");
}

static void test_tree_mem__realloc_keeps_what_a_block_holds(void)
{
	pd_tree_mem t;
	cmark_mem *m;
	char *p, *q, *r;
	size_t i, n;
	int kept = 1;

	pd_tree_mem__init(&t);
	m = pd_tree_mem__enter(&t);
	p = m->realloc(NULL, 10);
	memcpy(p, "0123456789", 10);
	q = m->realloc(p, 4000);
	OK(q == p, "the newest block grows in place");
	OK(!memcmp(q, "0123456789", 10), "and keeps its bytes");
	r = m->calloc(1, 8);
	p = m->realloc(q, 8000);
	OK(p != q, "a block that is not the newest moves");
	OK(!memcmp(p, "0123456789", 10), "and keeps its bytes");
	q = m->realloc(p, 5);
	OK(q == p && !memcmp(q, "01234", 5), "shrinking keeps the start");
	/* a paragraph of a million bytes, line by line as cmark adds them:
	 * the block grows past the chunk and is malloc's from then on */
	for (n = 0, p = NULL; n < 1000000; n += 50) {
		p = m->realloc(p, n + 50 + (n + 50) / 2);
		for (i = 0; i < 50; i++)
			p[n + i] = (char)('a' + (n / 50 + i) % 26);
	}
	for (n = 0; n < 1000000; n += 50)
		for (i = 0; i < 50; i++)
			if (p[n + i] != (char)('a' + (n / 50 + i) % 26))
				kept = 0;
	OK(kept, "a million bytes kept through every growth");
	OK(t.held_max < 8 * CHUNK, "held at most a few copies of it");
	m->free(p);
	m->free(r);
	pd_tree_mem__dispose(&t);
}

static void test_tree_mem__freed_room_is_reused(void)
{
	static void *blocks[1000];
	pd_tree_mem t;
	cmark_mem *m;
	unsigned round, i;

	pd_tree_mem__init(&t);
	m = pd_tree_mem__enter(&t);
	/* 100 rounds of 1,000 blocks, of 200 bytes and then of 120, freed
	 * oldest first, so that all but the last go on a shelf: 16 MB
	 * through one chunk */
	for (round = 0; round < 100; round++) {
		for (i = 0; i < 1000; i++)
			blocks[i] = m->calloc(1, round < 50 ? 200 : 120);
		for (i = 0; i < 1000; i++)
			m->free(blocks[i]);
	}
	OK(t.held_max < 2 * CHUNK, "one chunk held, never a second");
	pd_tree_mem__dispose(&t);
}

/* A block of the random sequence, and what it must hold. */
typedef struct {
	unsigned char *p;
	size_t size;
	unsigned char fill;
} live_block;

static uint64_t next_random(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static int holds(const live_block *b)
{
	size_t i;

	for (i = 0; i < b->size; i++)
		if (b->p[i] != (unsigned char)(b->fill + i))
			return 0;
	return 1;
}

static void fill(live_block *b, size_t from)
{
	size_t i;

	for (i = from; i < b->size; i++)
		b->p[i] = (unsigned char)(b->fill + i);
}

/* Sizes as cmark asks them: mostly small, now and then a large one. */
static size_t random_size(uint64_t *s)
{
	uint64_t r = next_random(s);

	if (r % 100 == 0)
		return 200000 + (size_t)(r >> 8) % 400000;
	if (r % 10 == 0)
		return 1 + (size_t)(r >> 8) % 5000;
	return 1 + (size_t)(r >> 8) % 160;
}

static void test_tree_mem__random_calls_keep_every_block(void)
{
	enum { SLOTS = 500, CALLS = 20000 };
	static live_block b[SLOTS];
	pd_tree_mem t;
	cmark_mem *m;
	uint64_t s = 0x9e3779b97f4a7c15u;
	unsigned i, k, bad = 0, zero_bad = 0;

	memset(b, 0, sizeof(b));
	pd_tree_mem__init(&t);
	m = pd_tree_mem__enter(&t);
	for (i = 0; i < CALLS; i++) {
		live_block *x = &b[next_random(&s) % SLOTS];
		unsigned op = (unsigned)(next_random(&s) % 3);

		if (x->p && op == 0) {
			if (!holds(x))
				bad++;
			m->free(x->p);
			x->p = NULL;
		} else if (x->p && op == 1) {
			size_t was = x->size;

			if (!holds(x))
				bad++;
			x->size = random_size(&s);
			x->p = m->realloc(x->p, x->size);
			if (!holds(&(live_block){ x->p,
			           was < x->size ? was : x->size, x->fill }))
				bad++;
			fill(x, was < x->size ? was : x->size);
		} else if (!x->p) {
			x->size = random_size(&s);
			x->fill = (unsigned char)next_random(&s);
			if (op == 2) {
				x->p = m->calloc(1, x->size);
				if (!all_zero(x->p, x->size))
					zero_bad++;
			} else {
				x->p = m->realloc(NULL, x->size);
			}
			fill(x, 0);
		}
	}
	for (k = 0; k < SLOTS; k++)
		if (b[k].p && !holds(&b[k]))
			bad++;
	INT_EQ(bad, 0, "every block holds what was written to it");
	INT_EQ(zero_bad, 0, "every calloc'd block was zero");
	pd_tree_mem__dispose(&t);
}

static const char sample[] =
	"# Programme\n\nIntro with *emphasis*, **strong**, `code` and a\n"
	"[link][ref], wrapped\nover lines.\n\n[ref]: https://example.org\n\n"
	"## Area one\n\n- goal one\n  - nested\n- goal two\n\n1. first\n"
	"2. second\n\n> quoted\n> text\n\n```\ncode block\n```\n\n"
	"| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>html</div>\n\n"
	"Setext\n======\n\n---\n\nTail_with_underscores and a\\\nbreak.\n";

/* The HTML of `md` parsed with `mem` (NULL: cmark's allocator), as a
 * string of malloc's. */
static char *html_of(const char *md, size_t copies, cmark_mem *mem)
{
	size_t len = strlen(md), i;
	char *all = malloc(len * copies + 1), *html, *out;
	cmark_parser *p;
	cmark_node *root;

	for (i = 0; i < copies; i++)
		memcpy(all + i * len, md, len);
	all[len * copies] = '\0';
	p = mem ? cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, mem) :
	    cmark_parser_new(CMARK_OPT_DEFAULT);
	cmark_parser_feed(p, all, len * copies);
	root = cmark_parser_finish(p);
	/* the HTML is the tree's allocator's too: copied out of it */
	html = cmark_render_html(root, CMARK_OPT_DEFAULT);
	out = malloc(strlen(html) + 1);
	strcpy(out, html);
	if (!mem) {
		free(html);
		cmark_parser_free(p);
		cmark_node_free(root);
	}
	free(all);
	return out;
}

static void test_tree_mem__a_tree_is_as_with_cmarks_allocator(void)
{
	pd_tree_mem t;
	char *want = html_of(sample, 2000, NULL), *got;

	pd_tree_mem__init(&t);
	got = html_of(sample, 2000, pd_tree_mem__enter(&t));
	STR_EQ(got, want, "the same HTML from 2,000 copies of the sample");
	OK(t.held > CHUNK, "the tree took more than a chunk");
	pd_tree_mem__dispose(&t);
	INT_EQ(t.held, 0, "and gave it all back");
	free(got);
	free(want);
}

typedef struct {
	size_t copies;
	char *html;
} parse_job;

static void parse_in_tree(void *payload)
{
	parse_job *j = payload;
	pd_tree_mem t;

	pd_tree_mem__init(&t);
	j->html = html_of(sample, j->copies, pd_tree_mem__enter(&t));
	pd_tree_mem__dispose(&t);
}

static void test_tree_mem__two_threads_two_trees(void)
{
	parse_job a = { 1500, NULL }, b = { 1700, NULL };
	pd_thread th;
	char *want_a = html_of(sample, 1500, NULL);
	char *want_b = html_of(sample, 1700, NULL);

	pd_thread__start(&th, parse_in_tree, &b);
	parse_in_tree(&a);
	pd_thread__join(&th);
	STR_EQ(a.html, want_a, "this thread's tree");
	STR_EQ(b.html, want_b, "the other thread's tree");
	free(a.html);
	free(b.html);
	free(want_a);
	free(want_b);
}

static void test_tree_mem__reset_keeps_one_chunk_zero(void)
{
	pd_tree_mem t;
	cmark_mem *m;
	unsigned char *a, *b;
	size_t i;

	pd_tree_mem__init(&t);
	m = pd_tree_mem__enter(&t);
	for (i = 0; i < 3000; i++)
		memset(m->calloc(1, 1000), 0xa5, 1000);
	a = m->realloc(NULL, 2 * CHUNK);
	memset(a, 0xa5, 2 * CHUNK);
	OK(t.held > 3 * CHUNK, "three chunks and a large block");
	pd_tree_mem__reset(&t);
	OK(t.held < CHUNK + 64, "one chunk left");
	OK(t.held_max > 3 * CHUNK, "the most held is kept");
	/* the kept chunk serves this thread still, zero where it was used */
	for (i = 0; i < 900; i++) {
		b = m->calloc(1, 1000);
		if (!all_zero(b, 1000))
			break;
		memset(b, 0x5a, 1000);
	}
	INT_EQ(i, 900, "every block cut after the reset is zero");
	pd_tree_mem__reset(&t);
	pd_tree_mem__reset(&t);
	OK(t.held < CHUNK + 64, "a reset of a reset");
	pd_tree_mem__dispose(&t);
	INT_EQ(t.held, 0, "nothing held after dispose");
	pd_tree_mem__init(&t);
	pd_tree_mem__reset(&t);
	INT_EQ(t.held, 0, "a reset of an empty memory holds nothing");
	pd_tree_mem__dispose(&t);
}

static const pd_test tests[] = {
	PD_TEST(test_tree_mem__calloc_is_zero_even_from_freed_room),
	PD_TEST(test_tree_mem__realloc_keeps_what_a_block_holds),
	PD_TEST(test_tree_mem__freed_room_is_reused),
	PD_TEST(test_tree_mem__random_calls_keep_every_block),
	PD_TEST(test_tree_mem__a_tree_is_as_with_cmarks_allocator),
	PD_TEST(test_tree_mem__two_threads_two_trees),
	PD_TEST(test_tree_mem__reset_keeps_one_chunk_zero),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
