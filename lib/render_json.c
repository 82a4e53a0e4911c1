/* SPDX-License-Identifier: MIT */
/*
 * render_json.c: the "progdiff/1" JSON document (schema in doc/json.md):
 * both versions' metadata, a summary by kind, and every change with its
 * kind, sentence, heading paths, lines and values. Strings are escaped
 * for JSON (control characters as \u escapes); output is UTF-8.
 */
#include <math.h>
#include <string.h>

#include "render.h"

static void jstr(pd_buf *out, const char *s)
{
	if (!s)
		pd_buf_puts(out, "null");
	else
		pd_render_escape_json(out, s, strlen(s));
}

/* The digits of `v`, as "%lu" writes them, without printf's cost. */
static void put_ulong(pd_buf *out, unsigned long v)
{
	char digits[24];
	size_t n = sizeof(digits);

	do {
		digits[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	pd_buf_put(out, digits + n, sizeof(digits) - n);
}

static void jint(pd_buf *out, long v)
{
	if (!v) {
		pd_buf_puts(out, "null");
	} else if (v < 0) {
		pd_buf_putc(out, '-');
		put_ulong(out, 0ul - (unsigned long)v);
	} else {
		put_ulong(out, (unsigned long)v);
	}
}

void pd_render__fixed3(pd_buf *out, double v)
{
	double m = v * 1000.0, whole;
	unsigned long k;

	if (!(v >= 0 && v < 1e6) ||
	    fabs(m - floor(m) - 0.5) < 1e-6) {
		pd_buf_printf(out, "%.3f", v);
		return;
	}
	whole = floor(m + 0.5);
	k = (unsigned long)whole;
	put_ulong(out, k / 1000);
	pd_buf_putc(out, '.');
	pd_buf_putc(out, (char)('0' + k / 100 % 10));
	pd_buf_putc(out, (char)('0' + k / 10 % 10));
	pd_buf_putc(out, (char)('0' + k % 10));
}

static void meta(pd_buf *out, const pd_document *doc, const char *label)
{
	const pd_meta *m = pd_document_meta(doc);
	size_t i;

	pd_buf_puts(out, "{\n    \"label\": ");
	jstr(out, label);
	pd_buf_puts(out, ",\n    \"name\": ");
	jstr(out, m->name);
	pd_buf_puts(out, ",\n    \"target_year\": ");
	jint(out, m->target_year);
	pd_buf_puts(out, ",\n    \"period\": ");
	if (m->period_start || m->period_end) {
		pd_buf_puts(out, "{ \"start\": ");
		jint(out, m->period_start);
		pd_buf_puts(out, ", \"end\": ");
		jint(out, m->period_end);
		pd_buf_puts(out, " }");
	} else {
		pd_buf_puts(out, "null");
	}
	pd_buf_puts(out, ",\n    \"adopted\": ");
	jstr(out, m->adopted);
	pd_buf_puts(out, ",\n    \"decision\": ");
	jstr(out, m->decision);
	pd_buf_puts(out, ",\n    \"replaces\": ");
	jstr(out, m->replaces);
	pd_buf_puts(out, ",\n    \"revision\": ");
	jstr(out, m->revision);
	pd_buf_puts(out, ",\n    \"language\": ");
	jstr(out, pd_lang_name(pd_document_lang(doc)));
	pd_buf_puts(out, ",\n    \"areas\": [");
	for (i = 0; i < pd_document_area_count(doc); i++) {
		pd_buf_puts(out, i ? ", " : "");
		jstr(out, pd_section_heading(pd_document_area(doc, i)));
	}
	pd_buf_puts(out, "]\n  }");
}

static void path(pd_buf *out, const pd_section *s)
{
	const pd_section *chain[8];
	size_t depth = pd_section_depth(s), i, n = 0;
	const pd_section *p;

	if (!s) {
		pd_buf_puts(out, "null");
		return;
	}
	pd_buf_putc(out, '[');
	/* headings are at most six levels deep below the root */
	for (p = s; p && p->parent && n < depth && n < 8; p = p->parent)
		chain[n++] = p;
	for (i = n; i-- > 0; ) {
		jstr(out, chain[i]->heading);
		if (i)
			pd_buf_puts(out, ", ");
	}
	pd_buf_putc(out, ']');
}

static int is_split(const pd_change *ch)
{
	return ch->kind == PD_CHANGE_AREA_SPLIT || ch->kind == PD_CHANGE_GOAL_SPLIT;
}

static int is_merge(const pd_change *ch)
{
	return ch->kind == PD_CHANGE_AREA_MERGED ||
	       ch->kind == PD_CHANGE_GOAL_MERGED;
}

/* the paths of a split's new parts or a merge's old ones */
static void paths(pd_buf *out, const char *key, const pd_change *ch)
{
	size_t i;

	pd_buf_puts(out, key);
	pd_buf_putc(out, '[');
	for (i = 0; i < ch->nparts; i++) {
		if (i)
			pd_buf_puts(out, ", ");
		path(out, ch->parts[i]);
	}
	pd_buf_putc(out, ']');
}

/* One run of a changed block's words. */
static void put_words(pd_buf *out, const pd_detail_word *w, int first)
{
	static const char *ops[] = { "equal", "delete", "insert" };

	pd_buf_puts(out, first ? "{ \"op\": \"" : ", { \"op\": \"");
	pd_buf_puts(out, ops[w->op]);
	pd_buf_puts(out, "\", \"text\": ");
	pd_render_escape_json(out, w->text, w->len);
	pd_buf_puts(out, " }");
}

static void put_text(pd_buf *out, const pd_block *b)
{
	if (b)
		pd_render_escape_json(out, b->text, b->len);
	else
		pd_buf_puts(out, "null");
}

/* One block of a change's details (see pd_changes__details). */
static void put_block(pd_buf *out, const pd_changes *changes,
                      const pd_change_details *d, const pd_detail_block *s)
{
	static const char *ops[] = { "same", "deleted", "inserted", "changed" };
	size_t k;

	pd_buf_puts(out, "{ \"op\": \"");
	pd_buf_puts(out, ops[s->op]);
	pd_buf_puts(out, "\", \"old_line\": ");
	jint(out, s->a ? (long)s->a->line : 0);
	pd_buf_puts(out, ", \"new_line\": ");
	jint(out, s->b ? (long)s->b->line : 0);
	pd_buf_puts(out, ", \"old\": ");
	put_text(out, s->a);
	pd_buf_puts(out, ", \"new\": ");
	put_text(out, s->b);
	if (s->table) {
		/* a table as its cells, not only as one flattened string */
		size_t mark = out->size;

		pd_buf_puts(out, ", \"table\": ");
		if (!pd_changes__blocks_table_json(out, changes, s->a, s->b))
			pd_buf_truncate(out, mark);
	}
	if (s->op == PD_BLOCK_CHANGED) {
		pd_buf_puts(out, ", \"words\": [");
		for (k = s->word; k < s->word + s->nwords; k++)
			put_words(out, &d->words[k], k == s->word);
		pd_buf_putc(out, ']');
	}
	pd_buf_puts(out, " }");
}

/* The blocks that differ, every table among them too. */
static void put_details(pd_buf *out, const pd_changes *changes,
                        const pd_change *ch)
{
	pd_change_details d;
	size_t i;
	int first = 1;

	pd_changes__details(&d, ch, PD_DETAILS_EVERY_TABLE);
	pd_buf_puts(out, ",\n      \"details\": [");
	for (i = 0; i < d.nblocks; i++) {
		if (d.blocks[i].op == PD_BLOCK_SAME)
			continue;
		pd_buf_puts(out, first ? "\n        " : ",\n        ");
		first = 0;
		put_block(out, changes, &d, &d.blocks[i]);
	}
	pd_buf_puts(out, "\n      ]");
	pd_changes__details_dispose(&d);
}

int pd_render__json(pd_buf *out, const pd_changes *changes,
                    const pd_render_options *opts)
{
	size_t i, k, n = pd_changes_count(changes);
	pd_buf sentence = PD_BUF_INIT;
	unsigned counts[PD_CHANGE__COUNT];
	int first;

	memset(counts, 0, sizeof(counts));
	pd_buf_puts(out, "{\n  \"schema\": \"" PD_JSON_SCHEMA "\",\n");
	pd_buf_printf(out, "  \"lang\": \"%s\",\n", pd_lang_name(opts->lang));
	pd_buf_puts(out, "  \"old\": ");
	meta(out, pd_changes_old(changes), opts->old_label);
	pd_buf_puts(out, ",\n  \"new\": ");
	meta(out, pd_changes_new(changes), opts->new_label);
	for (i = 0; i < n; i++)
		counts[pd_changes_get(changes, i)->kind]++;
	pd_buf_printf(out, ",\n  \"summary\": { \"total\": %zu, \"by_kind\": {", n);
	for (k = 0, first = 1; k < PD_CHANGE__COUNT; k++) {
		if (!counts[k])
			continue;
		pd_buf_printf(out, "%s \"%s\": %u", first ? "" : ",",
		              pd_change_kind_name((pd_change_kind)k), counts[k]);
		first = 0;
	}
	pd_buf_puts(out, first ? "} },\n" : " } },\n");
	pd_buf_puts(out, "  \"changes\": [");
	for (i = 0; i < n; i++) {
		const pd_change *ch = pd_changes_get(changes, i);

		pd_buf_puts(out, i ? ",\n    {" : "\n    {");
		pd_buf_puts(out, "\n      \"kind\": \"");
		pd_buf_puts(out, pd_change_kind_name(ch->kind));
		pd_buf_puts(out, "\",\n      \"text\": ");
		pd_buf_clear(&sentence);
		pd_render__sentence(&sentence, changes, ch, opts->lang,
		                    pd_render__put_raw);
		pd_render_escape_json(out, sentence.ptr, sentence.size);
		pd_buf_puts(out, ",\n      \"old_path\": ");
		path(out, is_merge(ch) ? NULL : ch->old_section);
		if (is_merge(ch))
			paths(out, ",\n      \"old_paths\": ", ch);
		pd_buf_puts(out, ",\n      \"new_path\": ");
		path(out, is_split(ch) ? NULL : ch->new_section);
		if (is_split(ch))
			paths(out, ",\n      \"new_paths\": ", ch);
		pd_buf_puts(out, ",\n      \"old_line\": ");
		jint(out, ch->old_line);
		pd_buf_puts(out, ",\n      \"new_line\": ");
		jint(out, ch->new_line);
		pd_buf_puts(out, ",\n      \"old_value\": ");
		jstr(out, ch->old_value);
		pd_buf_puts(out, ",\n      \"new_value\": ");
		jstr(out, ch->new_value);
		if (ch->field) {
			pd_buf_puts(out, ",\n      \"field\": ");
			jstr(out, ch->field);
		}
		if (ch->unit || ch->kind == PD_CHANGE_TARGET_CHANGED) {
			pd_buf_puts(out, ",\n      \"unit\": ");
			jstr(out, ch->unit);
		}
		if (ch->kind == PD_CHANGE_TARGET_CHANGED)
			pd_buf_printf(out, ",\n      \"direction\": \"%s\"",
			              ch->flags & PD_CHANGE_STRICTER ? "stricter" :
			              ch->flags & PD_CHANGE_LOOSER ? "looser" :
			              "unclear");
		if (ch->goal) {
			pd_buf_puts(out, ",\n      \"goal\": ");
			jstr(out, ch->goal);
		}
		if (ch->detail) {
			pd_buf_puts(out, ",\n      \"detail\": ");
			jstr(out, ch->detail);
		}
		if (ch->similarity >= 0) {
			pd_buf_puts(out, ",\n      \"similarity\": ");
			pd_render__fixed3(out, ch->similarity);
		}
		if (ch->kind == PD_CHANGE_TERM_RENAMED)
			pd_buf_printf(out, ",\n      \"occurrences\": %u", ch->count);
		if (ch->kind == PD_CHANGE_THEME_EVERYWHERE)
			pd_buf_printf(out, ",\n      \"areas_before\": %u,"
			              "\n      \"areas_total_before\": %u,"
			              "\n      \"areas_now\": %zu",
			              ch->count, ch->total,
			              pd_document_area_count(pd_changes_new(changes)));
		if (ch->kind == PD_CHANGE_SECTION_CHANGED ||
		    ch->kind == PD_CHANGE_GOAL_CHANGED ||
		    ch->kind == PD_CHANGE_PREAMBLE_CHANGED)
			pd_buf_printf(out, ",\n      \"words_added\": %u,"
			              "\n      \"words_removed\": %u",
			              ch->count, ch->total);
		if (ch->kind == PD_CHANGE_AREA_MOVED && ch->count)
			pd_buf_printf(out, ",\n      \"old_position\": %u,"
			              "\n      \"new_position\": %u",
			              ch->count, ch->total);
		if ((opts->flags & PD_RENDER_DETAILS) &&
		    pd_changes__has_details(ch)) {
			put_details(out, changes, ch);
		} else if ((opts->flags & PD_RENDER_DETAILS) &&
		           pd_render__is_table_change(ch)) {
			size_t mark = out->size;

			pd_buf_puts(out, ",\n      \"table\": ");
			if (!pd_changes__table_json(out, changes, ch))
				pd_buf_truncate(out, mark);
		}
		pd_buf_puts(out, "\n    }");
	}
	pd_buf_puts(out, n ? "\n  ]" : "]");
	if (opts->flags & PD_RENDER_UNCHANGED) {
		pd_buf_clear(&sentence);
		pd_buf_puts(out, ",\n  \"unchanged\": ");
		if (pd_render__unchanged(&sentence, changes, opts->lang,
		                         pd_render__put_raw))
			pd_render_escape_json(out, sentence.ptr, sentence.size);
		else
			pd_buf_puts(out, "null");
	}
	pd_buf_puts(out, "\n}\n");
	pd_buf_dispose(&sentence);
	return 0;
}
