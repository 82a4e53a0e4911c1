/* SPDX-License-Identifier: MIT */
/*
 * fuzz_pieces.c: the body's top-level blocks read piece by piece, every
 * piece as short as it can be, are those of one cmark tree of the whole
 * (top_blocks.c): same blocks, texts and lines. The one target on a
 * module inside the library, for a document's pieces are cut only past
 * 64 KiB, beyond what the fuzzer writes. Input: the body, checked as the
 * parser checks it first (UTF-8, no NUL, nesting).
 */
#include "fuzz.h"
#include "limits.h"
#include "text.h"
#include "pool.h"
#include "top_blocks.h"

static int go_on(void *ctx)
{
	(void)ctx;
	return 0;
}

static void read_with(pd_top_blocks *out, pd_pool *pool, const char *md,
                      size_t len, size_t piece)
{
	pd_top_blocks__set_piece(piece);
	pd_top_blocks__read(out, pool, md, len, go_on, NULL);
	pd_top_blocks__set_piece(PD_TOP_PIECE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *md = (const char *)data;
	pd_top_blocks whole, cut;
	pd_pool pool;
	pd_buf why = PD_BUF_INIT;
	size_t i;

	if (pd_text_check(md, size, NULL) != 0 ||
	    pd_limits_check(md, size, NULL) != 0) {
		pd_error_clear();
		return 0;
	}
	pd_pool_init(&pool);
	read_with(&whole, &pool, md, size, (size_t)-1);
	read_with(&cut, &pool, md, size, 0);
	if (whole.n != cut.n) {
		pd_buf_printf(&why, "%lu blocks whole, %lu in %lu pieces",
		              (unsigned long)whole.n, (unsigned long)cut.n,
		              (unsigned long)cut.pieces);
		fuzz_fail("pieces read other blocks", &why);
	}
	for (i = 0; i < whole.n; i++) {
		const pd_top_block *x = &whole.v[i], *y = &cut.v[i];

		if (x->type != y->type || x->level != y->level ||
		    x->line != y->line || x->end != y->end ||
		    x->len != y->len || memcmp(x->text, y->text, x->len)) {
			pd_buf_printf(&why, "block %lu of %lu, line %u or %u",
			              (unsigned long)i, (unsigned long)whole.n,
			              x->line, y->line);
			fuzz_fail("a block read otherwise in pieces", &why);
		}
	}
	pd_top_blocks__dispose(&whole);
	pd_top_blocks__dispose(&cut);
	pd_pool_dispose(&pool);
	pd_buf_dispose(&why);
	return 0;
}
