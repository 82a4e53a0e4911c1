/* SPDX-License-Identifier: MIT */
/*
 * test_top_blocks.c: the top-level blocks of a body (top_blocks.c), read
 * piece by piece, are those of one tree of the whole body: on the
 * fixtures, on bodies made to trap the cut (headings in fences, in HTML
 * blocks, in lists and quotes, link references, CRLF), and on random
 * bodies of such lines; each with every piece as short as it can be.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "helpers.h"
#include "top_blocks.h"

#define WHOLE ((size_t)-1)

static int go_on(void *ctx)
{
	(void)ctx;
	return 0;
}

/* the texts of every reading, dropped when the program ends */
static pd_pool texts = PD_POOL_INIT;

static void read_with(pd_top_blocks *out, const char *md, size_t len,
                      size_t piece)
{
	pd_top_blocks__set_piece(piece);
	pd_top_blocks__read(out, &texts, md, len, go_on, NULL);
	pd_top_blocks__set_piece(PD_TOP_PIECE);
}

/* Are the blocks of `a` and `b` the same, text and lines? */
static int same_blocks(const pd_top_blocks *a, const pd_top_blocks *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++) {
		const pd_top_block *x = &a->v[i], *y = &b->v[i];

		if (x->type != y->type || x->level != y->level ||
		    x->line != y->line || x->end != y->end ||
		    x->len != y->len ||
		    memcmp(x->text, y->text, x->len))
			return 0;
	}
	return 1;
}

/*
 * Read `md` whole and in the shortest pieces: @return the pieces of the
 * latter (0 when the blocks differ), with the pieces parsed again in
 * *again.
 */
static size_t pieces_of(const char *md, size_t *again)
{
	pd_top_blocks whole, cut;
	size_t pieces;

	read_with(&whole, md, strlen(md), WHOLE);
	read_with(&cut, md, strlen(md), 0);
	pieces = same_blocks(&whole, &cut) ? cut.pieces : 0;
	if (again)
		*again = cut.again;
	pd_top_blocks__dispose(&whole);
	pd_top_blocks__dispose(&cut);
	return pieces;
}

static void test_top_blocks__fixtures_read_alike_in_pieces(void)
{
	pd_buf text = PD_BUF_INIT;
	size_t i;

	for (i = 0; sample_fixtures[i]; i++) {
		OK(read_fixture(&text, sample_fixtures[i]) == 0,
		   sample_fixtures[i]);
		OK(pieces_of(text.ptr, NULL) > 5, sample_fixtures[i]);
	}
	pd_buf_dispose(&text);
}

static void test_top_blocks__a_heading_ends_a_piece(void)
{
	pd_top_blocks b;
	const char *md = "# Plan\n\nText.\n\n## Mål 1\n\n- a\n  - b\n- c\n"
	                 "## Mål 2\nLast.";

	INT_EQ(pieces_of(md, NULL), 4, "a piece ends with each heading");
	read_with(&b, md, strlen(md), 0);
	INT_EQ(b.n, 9, "heading, paragraph, heading, list, 3 items, "
	       "heading, paragraph");
	INT_EQ(b.v[0].type, PD_TOP_HEADING, "heading");
	INT_EQ(b.v[0].level, 1, "level 1");
	INT_EQ(b.v[3].type, PD_TOP_LIST, "the list");
	INT_EQ(b.v[4].level, 0, "an item of the list itself");
	INT_EQ(b.v[4].end, 8, "its last line is that of its sub-item");
	STR_EQ(b.v[4].text, "a", "without its sub-list");
	INT_EQ(b.v[5].level, 1, "a sub-item");
	INT_EQ(b.v[7].line, 10, "lines count on across pieces");
	STR_EQ(b.v[8].text, "Last.", "the last block");
	INT_EQ(b.v[8].line, 11, "the last block's line");
	pd_top_blocks__dispose(&b);

	read_with(&b, md, strlen(md), PD_TOP_PIECE);
	INT_EQ(b.pieces, 1, "a small body is one piece");
	pd_top_blocks__dispose(&b);
}

static void test_top_blocks__no_piece_ends_inside_a_block(void)
{
	size_t again;

	INT_EQ(pieces_of("# A\n```\n# not a heading\n```\n# B\nx\n", &again),
	       3, "a fenced heading ends no piece");
	INT_EQ(again, 0, "the scan follows fences");
	INT_EQ(pieces_of("# A\n~~~~\n# no\n~~~\n# no\n~~~~~\n# B\n", &again),
	       2, "a fence closes with a run as long as its own");
	INT_EQ(pieces_of("# A\n``` a`b\n# B\nx\n", &again), 3,
	       "a backtick fence's info string has no backtick");
	OK(pieces_of("# A\n<!--\n# in a comment\n\n# still\n-->\n# B\n",
	             &again) > 0, "a heading in an HTML comment");
	INT_EQ(again, 1, "the tree tells: parsed again to the end");
	OK(pieces_of("# A\n<div>\n# in the div\n</div>\n\n# B\n", &again) > 0,
	   "a heading in an HTML block");
	INT_EQ(again, 1, "parsed again");
	OK(pieces_of("# A\n> quote\n# B\n- item\n# C\n    # code\n# D\n",
	             &again) > 0, "a heading closes quotes and lists");
	INT_EQ(again, 0, "and ends its piece");
	OK(pieces_of("# A\n#hashtag\n####### seven\n#\tB\n", NULL) > 0,
	   "only ATX headings end pieces");
	INT_EQ(pieces_of("# A\r\ntext\r\n# B\r\nmore\r\n# C", NULL), 3,
	       "CRLF line endings");
	INT_EQ(pieces_of("# A\nsee [x]\n# B\n[x]: http://example.org\n", NULL),
	       1, "a link reference: one piece");
	INT_EQ(pieces_of("", NULL), 1, "an empty body is one piece");
}

static void test_top_blocks__random_bodies_read_alike(void)
{
	static const char *lines[] = {
		"# Heading", "## Mål", "###### Six", "#", "# A", "## B",
		"### C", "## D", "# E", "## F", "Text line.",
		"", "", "- item", "  - sub item", "1. numbered", "   2) more",
		"> quote", "> # quoted heading", "```", "````", "~~~", "``` c",
		"    indented", "<!--", "-->", "<div>", "</div>", "<pre>",
		"</pre>", "<!-- one line -->", "***", "Setext", "===", "---",
		"| a | b |", "|---|---|", "\tTab", "Text *em", "and more* end",
		"<?php", "?>", "<![CDATA[", "]]>", "<!DOCTYPE x"
	};
	size_t nlines = sizeof(lines) / sizeof(lines[0]);
	uint32_t seed = 20261202;
	pd_buf md = PD_BUF_INIT;
	size_t doc, i, differ = 0, cut = 0, again_in = 0;

	for (doc = 0; doc < 1500; doc++) {
		size_t n = 5 + doc % 60, pieces, again;

		pd_buf_clear(&md);
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			pd_buf_puts(&md, lines[(seed >> 8) % nlines]);
			pd_buf_puts(&md, (seed >> 20) % 7 ? "\n" : "\r\n");
		}
		pieces = pieces_of(md.ptr, &again);
		differ += pieces == 0;
		cut += pieces > 1;
		again_in += again > 0;
	}
	INT_EQ(differ, 0, "every random body reads alike in pieces");
	/* the seed is fixed: 785 bodies were cut, 836 parsed again */
	OK(cut > 500, "many were cut");
	OK(again_in > 500, "many at a heading that was not the document's");
	pd_buf_dispose(&md);
}

static int stop_at_three(void *ctx)
{
	int *calls = ctx;

	return ++*calls == 3 ? -7 : 0;
}

static void test_top_blocks__a_tick_stops_the_reading(void)
{
	pd_top_blocks b;
	int calls = 0;
	const char *md = "# A\nx\n# B\ny\n# C\nz\n";

	pd_top_blocks__set_piece(0);
	INT_EQ(pd_top_blocks__read(&b, &texts, md, strlen(md), stop_at_three,
	       &calls), -7, "the tick's error");
	pd_top_blocks__set_piece(PD_TOP_PIECE);
	INT_EQ(calls, 3, "no tick after it");
	OK(b.pieces < 3, "no piece read after it");
	pd_top_blocks__dispose(&b);
}

static const pd_test tests[] = {
	PD_TEST(test_top_blocks__fixtures_read_alike_in_pieces),
	PD_TEST(test_top_blocks__a_heading_ends_a_piece),
	PD_TEST(test_top_blocks__no_piece_ends_inside_a_block),
	PD_TEST(test_top_blocks__random_bodies_read_alike),
	PD_TEST(test_top_blocks__a_tick_stops_the_reading),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
