/* SPDX-License-Identifier: MIT */
/*
 * top_blocks.c: the top-level blocks of a Markdown body (top_blocks.h).
 *
 * Where a piece may end: after a line that is a level 1-6 ATX heading in
 * the first column, outside a fenced code block. cmark reads a body line
 * by line and decides each block from the lines before it, so after such
 * a heading, when it is a heading of the document itself, no block is
 * open and the rest parses as if it began the body. Whether it is one
 * (not a line of an HTML block, say, which the scan does not follow) is
 * asked of the piece's own tree, whose last top-level node must be that
 * heading; when it is not, the piece is parsed again to the body's end.
 * Link reference definitions are the one thing cmark applies across the
 * whole body: a body that may hold one ("]:") is parsed in one piece.
 *
 * Every piece's tree is built in one tree memory, emptied for the next.
 */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "parse.h"
#include "text.h"
#include "thread.h"
#include "top_blocks.h"
#include "tree_mem.h"

static PD_THREAD_LOCAL size_t piece_bytes = PD_TOP_PIECE;

void pd_top_blocks__set_piece(size_t bytes)
{
	piece_bytes = bytes;
}

typedef struct reader {
	pd_top_blocks *out;
	pd_pool *pool;            /* where the texts go */
	pd_buf raw;               /* scratch: text before normalisation */
	pd_buf text;              /* scratch: a block's text */
	unsigned base;            /* body lines before the piece */
	pd_top_tick tick;
	void *ctx;
} reader;

/* ------------------------------------------------------------------ */
/* Where a piece ends                                                  */

/* A fence's run of '`' or '~' at `s` (after at most three spaces). */
static size_t fence_run(const char *s, const char *end, char *ch)
{
	const char *p = s;
	size_t n = 0;

	while (p < end && *p == ' ' && p - s < 3)
		p++;
	if (p == end || (*p != '`' && *p != '~'))
		return 0;
	*ch = *p;
	while (p < end && *p == *ch) {
		p++;
		n++;
	}
	if (n < 3)
		return 0;
	/* a backtick fence's info string has no backtick */
	if (*ch == '`' && memchr(p, '`', (size_t)(end - p)))
		return 0;
	return n;
}

/* Does the line [s, end) close a fence of `n` × `ch`? */
static int closes_fence(const char *s, const char *end, char ch, size_t n)
{
	const char *p = s;
	size_t run = 0;

	while (p < end && *p == ' ' && p - s < 3)
		p++;
	while (p < end && *p == ch) {
		p++;
		run++;
	}
	if (run < n)
		return 0;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p == end;
}

/* Is the line [s, end) an ATX heading in the first column? */
static int is_heading_line(const char *s, const char *end)
{
	const char *p = s;

	while (p < end && *p == '#' && p - s < 7)
		p++;
	if (p == s || p - s > 6)
		return 0;
	return p == end || *p == ' ' || *p == '\t';
}

/*
 * The end of the piece that begins at `from`: just after the line ending
 * of the first heading line at or past `from + min` outside a fence, or
 * `len`.
 */
static size_t piece_end(const char *md, size_t len, size_t from, size_t min)
{
	const char *p = md + from, *end = md + len;
	size_t fence = 0;
	char fence_ch = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		const char *text_end = eol > p && eol[-1] == '\r' ? eol - 1 : eol;

		if (fence) {
			if (closes_fence(p, text_end, fence_ch, fence))
				fence = 0;
		} else if ((fence = fence_run(p, text_end, &fence_ch)) != 0) {
			;
		} else if (nl && (size_t)(p - md) >= from + min &&
		           *p == '#' && is_heading_line(p, text_end)) {
			return (size_t)(nl + 1 - md);
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	return len;
}

/* Might the body hold a link reference definition? */
static int may_hold_references(const char *md, size_t len)
{
	const char *p = md, *end = md + len;

	while (p < end && (p = memchr(p, ']', (size_t)(end - p))) != NULL) {
		if (++p < end && *p == ':')
			return 1;
	}
	return 0;
}

/* Did the piece of `lines` lines end with a heading of the document? */
static int ends_with_heading(cmark_node *root, unsigned lines)
{
	cmark_node *last = cmark_node_last_child(root);

	return last && cmark_node_get_type(last) == CMARK_NODE_HEADING &&
	       (unsigned)cmark_node_get_start_line(last) == lines;
}

/* ------------------------------------------------------------------ */
/* Reading a tree                                                      */

static pd_top_block *add(reader *r, pd_top_type type, cmark_node *node)
{
	pd_top_blocks *out = r->out;
	pd_top_block *b;

	if (out->n == out->cap) {
		out->cap = out->cap ? pd__mul(out->cap, 2) : 256;
		out->v = pd__reallocarray(out->v, out->cap, sizeof(*out->v));
	}
	b = &out->v[out->n++];
	memset(b, 0, sizeof(*b));
	b->type = type;
	b->line = r->base + (unsigned)cmark_node_get_start_line(node);
	b->text = "";
	return b;
}

/*
 * A scratch buffer that grew past this is let go as soon as it has
 * served: a paragraph of megabytes is not held three times over.
 */
#define SCRATCH_KEPT ((size_t)1 << 20)

static void let_go_if_large(pd_buf *buf)
{
	if (buf->asize > SCRATCH_KEPT)
		pd_buf_dispose(buf);
}

/* r->text as `b`'s text, in the pool. */
static void end_text(reader *r, pd_top_block *b)
{
	b->len = r->text.size;
	if (b->len)
		b->text = pd_pool_strndup(r->pool, r->text.ptr, b->len);
	let_go_if_large(&r->text);
}

/*
 * The plain text of `node`, normalised, as `b`'s text. @return the first
 * byte of the text before normalisation (0: none)
 */
static int node_text(reader *r, pd_top_block *b, cmark_node *node,
                     int skip_lists)
{
	int first;

	pd_buf_clear(&r->raw);
	pd_buf_clear(&r->text);
	pd_parse__plain_text(&r->raw, node, skip_lists);
	pd_text_normalize(&r->text, r->raw.ptr, r->raw.size);
	first = r->raw.size ? (unsigned char)r->raw.ptr[0] : 0;
	let_go_if_large(&r->raw);
	end_text(r, b);
	return first;
}

/* A code or HTML block's text as written: line endings LF, no last one. */
static void literal_text(reader *r, pd_top_block *b, cmark_node *node)
{
	const char *lit = cmark_node_get_literal(node);
	pd_buf *text = &r->text;
	size_t n, i;

	pd_buf_clear(text);
	n = lit ? strlen(lit) : 0;
	while (n > 0 && (lit[n - 1] == '\n' || lit[n - 1] == '\r'))
		n--;
	for (i = 0; i < n; i++) {
		if (lit[i] == '\r') {
			if (i + 1 < n && lit[i + 1] == '\n')
				continue;
			pd_buf_putc(text, '\n');
		} else {
			pd_buf_putc(text, lit[i]);
		}
	}
	end_text(r, b);
}

/*
 * The last line of a block: that of its last leaf block, for cmark counts
 * the blank lines after a list item into the item.
 */
static unsigned end_line(const reader *r, cmark_node *node)
{
	cmark_node *last;

	while ((last = cmark_node_last_child(node)) != NULL &&
	       cmark_node_get_type(last) <= CMARK_NODE_LAST_BLOCK)
		node = last;
	return r->base + (unsigned)cmark_node_get_end_line(node);
}

/* Can a node of type `t` hold blocks (and so list items)? */
static int holds_blocks(cmark_node_type t)
{
	return t == CMARK_NODE_DOCUMENT || t == CMARK_NODE_BLOCK_QUOTE ||
	       t == CMARK_NODE_LIST || t == CMARK_NODE_ITEM ||
	       t == CMARK_NODE_CUSTOM_BLOCK;
}

/*
 * Every item of `list`, at any depth, in the order cmark's iterator
 * enters them; the walk goes down only into blocks that hold blocks,
 * never into a paragraph's inlines.
 */
static int read_items(reader *r, cmark_node *list)
{
	cmark_node *cur = list, *next;
	cmark_node_type t;
	int error;

	for (;;) {
		t = cmark_node_get_type(cur);
		if (t == CMARK_NODE_ITEM) {
			pd_top_block *b;

			if ((error = r->tick(r->ctx)) < 0)
				return error;
			b = add(r, PD_TOP_ITEM, cur);
			b->level = cmark_node_parent(cur) != list;
			if (!b->level)
				b->end = end_line(r, cur);
			node_text(r, b, cur, 1);
		}
		if (holds_blocks(t) &&
		    (next = cmark_node_first_child(cur)) != NULL) {
			cur = next;
			continue;
		}
		for (;;) {
			if (cur == list)
				return 0;
			if ((next = cmark_node_next(cur)) != NULL)
				break;
			cur = cmark_node_parent(cur);
		}
		cur = next;
	}
}

static int read_node(reader *r, cmark_node *node)
{
	pd_top_block *b;

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_HEADING:
		b = add(r, PD_TOP_HEADING, node);
		b->level = cmark_node_get_heading_level(node);
		node_text(r, b, node, 0);
		break;
	case CMARK_NODE_PARAGRAPH:
		b = add(r, PD_TOP_PARAGRAPH, node);
		/* CommonMark has no tables: a pipe table is a paragraph */
		if (node_text(r, b, node, 0) == '|') {
			b->type = PD_TOP_TABLE;
			b->end = r->base +
			         (unsigned)cmark_node_get_end_line(node);
		}
		break;
	case CMARK_NODE_LIST:
		add(r, PD_TOP_LIST, node);
		return read_items(r, node);
	case CMARK_NODE_BLOCK_QUOTE:
		node_text(r, add(r, PD_TOP_QUOTE, node), node, 0);
		break;
	case CMARK_NODE_CODE_BLOCK:
		literal_text(r, add(r, PD_TOP_CODE, node), node);
		break;
	case CMARK_NODE_HTML_BLOCK:
		literal_text(r, add(r, PD_TOP_HTML, node), node);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		break;
	default:
		node_text(r, add(r, PD_TOP_OTHER, node), node, 0);
		break;
	}
	return 0;
}

static int read_tree(reader *r, cmark_node *root)
{
	cmark_node *node;
	int error;

	for (node = cmark_node_first_child(root); node;
	     node = cmark_node_next(node))
		if ((error = r->tick(r->ctx)) < 0 ||
		    (error = read_node(r, node)) < 0)
			return error;
	return 0;
}

/* ------------------------------------------------------------------ */

static cmark_node *parse(pd_tree_mem *mem, const char *md, size_t len)
{
	cmark_parser *cp;

	pd_tree_mem__reset(mem);
	cp = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT,
	                               pd_tree_mem__enter(mem));
	cmark_parser_feed(cp, md, len);
	/* the parser, like the tree, is in the tree memory: both go with it */
	return cmark_parser_finish(cp);
}

int pd_top_blocks__read(pd_top_blocks *out, pd_pool *pool, const char *md,
                        size_t len, pd_top_tick tick, void *ctx)
{
	pd_tree_mem mem;
	reader r;
	size_t from = 0, min = piece_bytes;
	int error = 0;

	memset(out, 0, sizeof(*out));
	memset(&r, 0, sizeof(r));
	r.out = out;
	r.pool = pool;
	r.tick = tick;
	r.ctx = ctx;
	pd_buf_init(&r.raw);
	pd_buf_init(&r.text);
	pd_tree_mem__init(&mem);
	if (min == (size_t)-1 || may_hold_references(md, len))
		min = len;
	while (!error && (from < len || !out->pieces)) {
		size_t to = min >= len - from ? len : piece_end(md, len, from,
		                                                  min);
		unsigned lines = pd_text_line_count(md + from, to - from);
		cmark_node *root = parse(&mem, md + from, to - from);

		if (to < len && !ends_with_heading(root, lines)) {
			/* the heading was not the document's: no piece here */
			to = len;
			out->again++;
			lines = pd_text_line_count(md + from, to - from);
			root = parse(&mem, md + from, to - from);
		}
		out->pieces++;
		error = read_tree(&r, root);
		r.base += lines;
		from = to;
	}
	pd_tree_mem__dispose(&mem);
	pd_buf_dispose(&r.raw);
	pd_buf_dispose(&r.text);
	return error;
}

void pd_top_blocks__dispose(pd_top_blocks *blocks)
{
	free(blocks->v);
	memset(blocks, 0, sizeof(*blocks));
}
