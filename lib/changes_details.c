/* SPDX-License-Identifier: MIT */
/*
 * changes_details.c: what --details shows under a change, worked out by
 * the change list rather than by each renderer: the blocks of the two
 * sections aligned, and the words of each changed block, as one list of
 * steps that a renderer walks to format them.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "changes.h"

int pd_changes__has_details(const pd_change *ch)
{
	if (!ch->old_section || !ch->new_section)
		return 0;
	switch (ch->kind) {
	case PD_CHANGE_GOAL_CHANGED:
	case PD_CHANGE_SECTION_CHANGED:
	case PD_CHANGE_PREAMBLE_CHANGED:
		return 1;
	case PD_CHANGE_AREA_RENAMED:
	case PD_CHANGE_GOAL_RENAMED:
	case PD_CHANGE_SECTION_RENAMED:
	case PD_CHANGE_TERM_RENAMED:
		return pd_changes__body_differs(ch->old_section, ch->new_section);
	default:
		return 0;
	}
}

/* `p` (of *cap elements of `size`, n in use) with room for one more. */
static void *room(void *p, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 16;
	return pd__reallocarray(p, *cap, size);
}

static int word_step(pd_textdiff_op op, const char *text, size_t len,
                     void *payload)
{
	pd_change_details *d = payload;
	pd_detail_word *w;

	d->words = room(d->words, d->nwords, &d->capwords, sizeof(*d->words));
	w = &d->words[d->nwords++];
	w->op = op;
	w->text = text;
	w->len = len;
	return 0;
}

static int block_step(pd_block_op op, const pd_block *a, const pd_block *b,
                      void *payload)
{
	pd_change_details *d = payload;
	pd_detail_block *s;
	int table = (a && a->type == PD_BLOCK_TABLE) ||
	            (b && b->type == PD_BLOCK_TABLE);
	int every = (d->flags & PD_DETAILS_EVERY_TABLE) != 0;

	/* a table kept, or changed into a table, shows nothing: the values
	 * of a changed one are changes of their own */
	if (table && !every && (op == PD_BLOCK_SAME ||
	    (op == PD_BLOCK_CHANGED && a->type == PD_BLOCK_TABLE &&
	     b->type == PD_BLOCK_TABLE)))
		return 0;
	d->blocks = room(d->blocks, d->nblocks, &d->capblocks,
	                 sizeof(*d->blocks));
	s = &d->blocks[d->nblocks++];
	s->op = op;
	s->a = a;
	s->b = b;
	s->table = table;
	s->word = d->nwords;
	if (op == PD_BLOCK_CHANGED && (!table || every))
		pd_textdiff_words(a->text, a->len, b->text, b->len, word_step, d);
	s->nwords = d->nwords - s->word;
	return 0;
}

void pd_changes__details(pd_change_details *out, const pd_change *ch,
                         unsigned flags)
{
	memset(out, 0, sizeof(*out));
	out->flags = flags;
	if (pd_changes__has_details(ch))
		pd_changes__align_blocks(ch->old_section, ch->new_section,
		                         block_step, out);
}

void pd_changes__details_dispose(pd_change_details *d)
{
	free(d->blocks);
	free(d->words);
	memset(d, 0, sizeof(*d));
}
