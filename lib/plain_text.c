/* SPDX-License-Identifier: MIT */
/*
 * plain_text.c: the words a reader sees in a cmark node, as one line of
 * text, for headings, paragraphs and the title; no markup, one space
 * where a block or a line break ends.
 */
#include "parse.h"

static int is_text_block(cmark_node_type t)
{
	return t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
	       t == CMARK_NODE_ITEM || t == CMARK_NODE_BLOCK_QUOTE;
}

/* Does cmark's iterator give `t` an exit event (has it children)? */
static int is_container(cmark_node_type t)
{
	switch (t) {
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_THEMATIC_BREAK:
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_TEXT:
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
	case CMARK_NODE_CODE:
	case CMARK_NODE_HTML_INLINE:
		return 0;
	default:
		return 1;
	}
}

/*
 * The walk of cmark_iter_next(), without an iterator to allocate: enter
 * a node, go down to its first child, else leave it and the parents it
 * was the last child of, then on to the next sibling. Leaves are entered
 * and never left, as cmark's iterator has them.
 */
void pd_parse__plain_text(pd_buf *out, cmark_node *node, int skip_lists)
{
	cmark_node *cur = node, *next;
	cmark_node_type t;
	const char *lit;

	for (;;) {
		t = cmark_node_get_type(cur);
		switch (t) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_CODE_BLOCK:
			if ((lit = cmark_node_get_literal(cur)) != NULL)
				pd_buf_puts(out, lit);
			if (t == CMARK_NODE_CODE_BLOCK)
				pd_buf_putc(out, ' ');
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			pd_buf_putc(out, ' ');
			break;
		default:
			break;
		}
		if (is_container(t) &&
		    !(t == CMARK_NODE_LIST && skip_lists && cur != node) &&
		    (next = cmark_node_first_child(cur)) != NULL) {
			cur = next;
			continue;
		}
		/* leave cur, and every parent whose last child it is */
		for (;;) {
			if (is_text_block(t))
				pd_buf_putc(out, ' ');
			if (cur == node)
				return;
			if ((next = cmark_node_next(cur)) != NULL)
				break;
			cur = cmark_node_parent(cur);
			t = cmark_node_get_type(cur);
		}
		cur = next;
	}
}

