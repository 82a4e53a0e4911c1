/* SPDX-License-Identifier: MIT */
/*
 * render_markdown.c: the ready-to-paste list, "## Förändringar" or
 * "## Changes", one item a change; with --details, nested items show the
 * changed text with deletions struck through and insertions in bold.
 * Names from the documents are escaped so that they stay text.
 */
#include <string.h>

#include "render.h"

static void put_words(pd_buf *out, const pd_detail_word *w)
{
	pd_textdiff_op op = w->op;
	const char *text = w->text;
	size_t len = w->len, end = len;

	if (op == PD_TEXTDIFF_EQUAL) {
		pd_render__put_markdown(out, text, len);
		return;
	}
	/* emphasis may not end in white space: put the space after it */
	while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n'))
		end--;
	if (end == 0)
		return;
	pd_buf_puts(out, op == PD_TEXTDIFF_DELETE ? "~~" : "**");
	pd_render__put_markdown(out, text, end);
	pd_buf_puts(out, op == PD_TEXTDIFF_DELETE ? "~~" : "**");
	/* the space that followed, or one between a deletion and its
	 * replacement ("~~minska.~~ **halveras.**") */
	if (end < len || op == PD_TEXTDIFF_DELETE)
		pd_buf_putc(out, ' ');
}

/* One block of a change's details (see pd_changes__details). */
static void put_block(pd_buf *out, const pd_changes *changes,
                      const pd_change_details *d, const pd_detail_block *s)
{
	pd_block_op op = s->op;
	const pd_block *a = s->a, *b = s->b;
	size_t k;

	/* a table stays a table: its rows as written, never one line with
	 * every pipe escaped */
	if (s->table) {
		pd_buf_putc(out, '\n');
		pd_changes__table_source(out, b ? pd_changes_new(changes) :
		                         pd_changes_old(changes), b ? b : a,
		                         "  ");
		pd_buf_putc(out, '\n');
		return;
	}
	switch (op) {
	case PD_BLOCK_SAME:
		return;
	case PD_BLOCK_DELETED:
		pd_buf_puts(out, "  - ~~");
		pd_render__put_markdown(out, a->text, a->len);
		pd_buf_puts(out, "~~\n");
		break;
	case PD_BLOCK_INSERTED:
		pd_buf_puts(out, "  - **");
		pd_render__put_markdown(out, b->text, b->len);
		pd_buf_puts(out, "**\n");
		break;
	case PD_BLOCK_CHANGED:
		pd_buf_puts(out, "  - ");
		for (k = s->word; k < s->word + s->nwords; k++)
			put_words(out, &d->words[k]);
		pd_buf_putc(out, '\n');
		break;
	}
}

static void put_details(pd_buf *out, const pd_changes *changes,
                        const pd_change *ch)
{
	pd_change_details d;
	size_t i;

	pd_changes__details(&d, ch, 0);
	for (i = 0; i < d.nblocks; i++)
		put_block(out, changes, &d, &d.blocks[i]);
	pd_changes__details_dispose(&d);
}

/*
 * What a memo does not list: a new diarienummer is the registry's
 * business, not the programme's (JSON and the terminal report keep it;
 * PD_RENDER_ALL lists it too).
 */
static int left_out(const pd_change *ch, const pd_render_options *opts)
{
	return !(opts->flags & PD_RENDER_ALL) &&
	       ch->kind == PD_CHANGE_METADATA_CHANGED && ch->field &&
	       !strcmp(ch->field, "decision");
}

int pd_render__markdown(pd_buf *out, const pd_changes *changes,
                        const pd_render_options *opts)
{
	size_t i, n = pd_changes_count(changes), shown = 0;
	int en = opts->lang == PD_LANG_EN;

	pd_buf_puts(out, en ? "## Changes\n\n" : "## Förändringar\n\n");
	for (i = 0; i < n; i++)
		shown += !left_out(pd_changes_get(changes, i), opts);
	if (shown == 0)
		pd_buf_puts(out, en ? "No changes.\n" : "Inga förändringar.\n");
	for (i = 0; i < n; i++) {
		const pd_change *ch = pd_changes_get(changes, i);

		if (left_out(ch, opts))
			continue;
		pd_buf_puts(out, "- ");
		pd_render__sentence(out, changes, ch, opts->lang,
		                    pd_render__put_markdown);
		pd_buf_putc(out, '\n');
		if ((opts->flags & PD_RENDER_DETAILS) && pd_changes__has_details(ch))
			put_details(out, changes, ch);
		else if ((opts->flags & PD_RENDER_DETAILS) &&
		         pd_render__is_table_change(ch))
			pd_changes__table_details(out, changes, ch, opts->lang, 1,
			                          "  ");
	}
	if (opts->flags & PD_RENDER_UNCHANGED) {
		size_t mark = out->size;

		pd_buf_puts(out, "- ");
		if (pd_render__unchanged(out, changes, opts->lang,
		                         pd_render__put_markdown))
			pd_buf_putc(out, '\n');
		else
			pd_buf_truncate(out, mark);
	}
	return 0;
}
