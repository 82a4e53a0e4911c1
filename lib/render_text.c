/* SPDX-License-Identifier: MIT */
/*
 * render_text.c: the terminal report. One line a change, marked + (new),
 * - (gone), ~ (renamed, moved, changed) or * (metadata, themes, terms);
 * with --details the changed blocks follow, words marked [-old-]{+new+}
 * as git's --word-diff does, or in colour on a terminal.
 */
#include <string.h>

#include "render.h"

#define RED "\x1b[31m"
#define GREEN "\x1b[32m"
#define YELLOW "\x1b[33m"
#define CYAN "\x1b[36m"
#define BOLD "\x1b[1m"
#define RESET "\x1b[m"

typedef struct text_ctx {
	pd_buf *out;
	int color;
	const pd_changes *changes;
} text_ctx;

static char mark(pd_change_kind k, const char **color)
{
	switch (k) {
	case PD_CHANGE_AREA_ADDED:
	case PD_CHANGE_GOAL_ADDED:
	case PD_CHANGE_SECTION_ADDED:
	case PD_CHANGE_INDICATOR_ADDED:
		*color = GREEN;
		return '+';
	case PD_CHANGE_AREA_REMOVED:
	case PD_CHANGE_GOAL_REMOVED:
	case PD_CHANGE_SECTION_REMOVED:
	case PD_CHANGE_INDICATOR_REMOVED:
		*color = RED;
		return '-';
	case PD_CHANGE_NAME_CHANGED:
	case PD_CHANGE_TARGET_YEAR_CHANGED:
	case PD_CHANGE_PERIOD_CHANGED:
	case PD_CHANGE_METADATA_CHANGED:
	case PD_CHANGE_TERM_RENAMED:
	case PD_CHANGE_THEME_EVERYWHERE:
		*color = CYAN;
		return '*';
	default:
		*color = YELLOW;
		return '~';
	}
}

static void put_words(text_ctx *t, const pd_detail_word *w)
{
	pd_textdiff_op op = w->op;
	const char *text = w->text;
	size_t len = w->len;

	if (op == PD_TEXTDIFF_EQUAL) {
		pd_render_escape_terminal(t->out, text, len);
		return;
	}
	if (t->color)
		pd_buf_puts(t->out, op == PD_TEXTDIFF_DELETE ? RED : GREEN);
	else
		pd_buf_puts(t->out, op == PD_TEXTDIFF_DELETE ? "[-" : "{+");
	pd_render_escape_terminal(t->out, text, len);
	pd_buf_puts(t->out, t->color ? RESET :
	            op == PD_TEXTDIFF_DELETE ? "-]" : "+}");
}

/* One block of a change's details (see pd_changes__details). */
static void put_block(text_ctx *t, const pd_change_details *d,
                      const pd_detail_block *s)
{
	pd_block_op op = s->op;
	const pd_block *a = s->a, *b = s->b;
	size_t k;

	/* a table stays a table: its rows as written */
	if (s->table) {
		pd_changes__table_source(t->out, b ? pd_changes_new(t->changes) :
		                         pd_changes_old(t->changes), b ? b : a,
		                         b ? "      + " : "      - ");
		return;
	}
	switch (op) {
	case PD_BLOCK_SAME:
		return;
	case PD_BLOCK_DELETED:
		pd_buf_puts(t->out, t->color ? "      " RED "- " : "      - ");
		pd_render_escape_terminal(t->out, a->text, a->len);
		break;
	case PD_BLOCK_INSERTED:
		pd_buf_puts(t->out, t->color ? "      " GREEN "+ " : "      + ");
		pd_render_escape_terminal(t->out, b->text, b->len);
		break;
	case PD_BLOCK_CHANGED:
		pd_buf_puts(t->out, "      ~ ");
		for (k = s->word; k < s->word + s->nwords; k++)
			put_words(t, &d->words[k]);
		break;
	}
	if (t->color && op != PD_BLOCK_CHANGED)
		pd_buf_puts(t->out, RESET);
	pd_buf_putc(t->out, '\n');
}

static void put_details(text_ctx *t, const pd_change *ch)
{
	pd_change_details d;
	size_t i;

	pd_changes__details(&d, ch, 0);
	for (i = 0; i < d.nblocks; i++)
		put_block(t, &d, &d.blocks[i]);
	pd_changes__details_dispose(&d);
}

static void label(pd_buf *out, const char *l, pd_lang lang)
{
	if (l)
		pd_render_escape_terminal(out, l, strlen(l));
	else
		pd_buf_puts(out, lang == PD_LANG_EN ? "old" : "gamla");
}

int pd_render__text(pd_buf *out, const pd_changes *changes,
                    const pd_render_options *opts)
{
	text_ctx t;
	size_t i, n = pd_changes_count(changes);
	int en = opts->lang == PD_LANG_EN;

	t.out = out;
	t.color = (opts->flags & PD_RENDER_COLOR) != 0;
	t.changes = changes;
	if (t.color)
		pd_buf_puts(out, BOLD);
	if (n == 0)
		pd_buf_puts(out, en ? "No changes from " : "Inga förändringar från ");
	else
		pd_buf_puts(out, en ? "Changes from " : "Förändringar från ");
	label(out, opts->old_label, opts->lang);
	pd_buf_puts(out, en ? " to " : " till ");
	if (opts->new_label)
		pd_render_escape_terminal(out, opts->new_label,
		                          strlen(opts->new_label));
	else
		pd_buf_puts(out, en ? "new" : "nya");
	if (n) {
		pd_buf_puts(out, " (");
		pd_render__count(out, n, opts->lang);
		pd_buf_puts(out, "):");
	} else {
		pd_buf_putc(out, '.');
	}
	if (t.color)
		pd_buf_puts(out, RESET);
	pd_buf_puts(out, "\n");
	if (n)
		pd_buf_putc(out, '\n');

	for (i = 0; i < n; i++) {
		const pd_change *ch = pd_changes_get(changes, i);
		const char *color = NULL;
		char m = mark(ch->kind, &color);

		if (t.color)
			pd_buf_printf(out, "%s%c" RESET " ", color, m);
		else
			pd_buf_printf(out, "%c ", m);
		pd_render__sentence(out, changes, ch, opts->lang,
		                    pd_render_escape_terminal);
		if (opts->flags & PD_RENDER_DETAILS) {
			/* "... har ändrats (36 ord tillagda)." */
			size_t end = out->size;

			pd_render__word_counts(out, ch, opts->lang);
			if (out->size > end && out->ptr[end - 1] == '.') {
				memmove(out->ptr + end - 1, out->ptr + end,
				        out->size - end);
				out->ptr[out->size - 1] = '.';
			}
		}
		if (ch->new_line || ch->old_line)
			pd_buf_printf(out, en ? " [line %u]" : " [rad %u]",
			              ch->new_line ? ch->new_line : ch->old_line);
		pd_buf_putc(out, '\n');
		if ((opts->flags & PD_RENDER_DETAILS) && pd_changes__has_details(ch))
			put_details(&t, ch);
		else if ((opts->flags & PD_RENDER_DETAILS) &&
		         pd_render__is_table_change(ch))
			pd_changes__table_details(out, changes, ch, opts->lang, 0,
			                          "      ");
	}
	if (opts->flags & PD_RENDER_UNCHANGED) {
		size_t mark = out->size;

		pd_buf_puts(out, n ? "= " : "\n= ");
		if (pd_render__unchanged(out, changes, opts->lang,
		                         pd_render_escape_terminal))
			pd_buf_putc(out, '\n');
		else
			pd_buf_truncate(out, mark);
	}
	/* on a terminal, where a reader would look for the other outputs */
	if (t.color && n)
		pd_buf_puts(out, en ?
		        "\n(--format=html -o FILE.html: a redline to read and "
		        "print; --format=docx -o FILE.docx: tracked changes in "
		        "Word; progdiff timeline: every version)\n" :
		        "\n(--format=html -o FIL.html: en redline att läsa och "
		        "skriva ut; --format=docx -o FIL.docx: spårade ändringar "
		        "i Word; progdiff timeline: alla versioner)\n");
	return 0;
}
