/* SPDX-License-Identifier: MIT */
/*
 * render_markdown.c: the ready-to-paste list, "## Förändringar" or
 * "## Changes", one item a change; with --details, nested items show the
 * changed text with deletions struck through and insertions in bold.
 * Names from the documents are escaped so that they stay text.
 */
#include <string.h>

#include "render.h"
#include "textdiff.h"

static int word_cb(pd_textdiff_op op, const char *text, size_t len,
                   void *payload)
{
	pd_buf *out = payload;
	size_t end = len;

	if (op == PD_TEXTDIFF_EQUAL) {
		pd_render__put_markdown(out, text, len);
		return 0;
	}
	/* emphasis may not end in white space: put the space after it */
	while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n'))
		end--;
	if (end == 0)
		return 0;
	pd_buf_puts(out, op == PD_TEXTDIFF_DELETE ? "~~" : "**");
	pd_render__put_markdown(out, text, end);
	pd_buf_puts(out, op == PD_TEXTDIFF_DELETE ? "~~" : "**");
	/* the space that followed, or one between a deletion and its
	 * replacement ("~~minska.~~ **halveras.**") */
	if (end < len || op == PD_TEXTDIFF_DELETE)
		pd_buf_putc(out, ' ');
	return 0;
}

typedef struct md_details {
	pd_buf *out;
	const pd_changes *changes;
} md_details;

static int block_cb(pd_block_op op, const pd_block *a, const pd_block *b,
                    void *payload)
{
	md_details *d = payload;
	pd_buf *out = d->out;

	/* a table stays a table: its rows as written, never one line with
	 * every pipe escaped (its values are items of their own) */
	if ((a && a->type == PD_BLOCK_TABLE) || (b && b->type == PD_BLOCK_TABLE)) {
		if (op == PD_BLOCK_SAME || (op == PD_BLOCK_CHANGED &&
		    a->type == PD_BLOCK_TABLE && b->type == PD_BLOCK_TABLE))
			return 0;
		pd_buf_putc(out, '\n');
		pd_changes__table_source(out, b ? pd_changes_new(d->changes) :
		                         pd_changes_old(d->changes), b ? b : a,
		                         "  ");
		pd_buf_putc(out, '\n');
		return 0;
	}
	switch (op) {
	case PD_BLOCK_SAME:
		return 0;
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
		pd_textdiff_words(a->text, a->len, b->text, b->len, word_cb, out);
		pd_buf_putc(out, '\n');
		break;
	}
	return 0;
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
		if ((opts->flags & PD_RENDER_DETAILS) && pd_render__has_details(ch)) {
			md_details d;

			d.out = out;
			d.changes = changes;
			pd_changes__align_blocks(ch->old_section, ch->new_section,
			                         block_cb, &d);
		}
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
