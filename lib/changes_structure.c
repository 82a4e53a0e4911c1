/* SPDX-License-Identifier: MIT */
/*
 * changes_structure.c: the changes of a programme's structure, from the
 * pairing of its sections (match.c): the introduction, goal areas, goals
 * and other sections added, removed, renamed, moved or changed, and the
 * splits and merges the matcher found, each said once; and the heading a
 * sentence names a section by. changes.c calls it between the metadata
 * and the terms.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "changes.h"
#include "text.h"
#include "textdiff.h"

/* ---- structure ---- */

typedef enum category {
	CAT_AREA = 0,
	CAT_GOAL,
	CAT_SECTION
} category;

static category category_of(const pd_section *a, const pd_section *b)
{
	if ((a && a->kind == PD_KIND_AREA) || (b && b->kind == PD_KIND_AREA))
		return CAT_AREA;
	if ((a && a->kind == PD_KIND_GOAL) || (b && b->kind == PD_KIND_GOAL))
		return CAT_GOAL;
	return CAT_SECTION;
}

static const pd_change_kind kinds_by_cat[3][5] = {
	/* added, removed, renamed, moved, changed */
	{ PD_CHANGE_AREA_ADDED, PD_CHANGE_AREA_REMOVED, PD_CHANGE_AREA_RENAMED,
	  PD_CHANGE_AREA_MOVED, PD_CHANGE_SECTION_CHANGED },
	{ PD_CHANGE_GOAL_ADDED, PD_CHANGE_GOAL_REMOVED, PD_CHANGE_GOAL_RENAMED,
	  PD_CHANGE_GOAL_MOVED, PD_CHANGE_GOAL_CHANGED },
	{ PD_CHANGE_SECTION_ADDED, PD_CHANGE_SECTION_REMOVED,
	  PD_CHANGE_SECTION_RENAMED, PD_CHANGE_SECTION_MOVED,
	  PD_CHANGE_SECTION_CHANGED }
};

enum { OP_ADDED, OP_REMOVED, OP_RENAMED, OP_MOVED, OP_CHANGED };

/* Sections whose changes are not the programme's: its own change list. */
static int ignored(const pd_section *s)
{
	for (; s; s = s->parent)
		if (s->kind == PD_KIND_CHANGES)
			return 1;
	return 0;
}

/*
 * A heading as a sentence names it: without its numbering or a leading
 * kind word ("Fokusområde 4: Funktionell samordning" → "Funktionell
 * samordning"), as written otherwise. That is the shortest tail of the
 * heading, starting at a word, whose identity is the section's key.
 */
static size_t display_start(const pd_section *s)
{
	const char *h = s->heading;
	size_t len = strlen(h), pos = 0, ws, wl, best = 0;
	pd_buf key = PD_BUF_INIT;

	/* most headings are their key: nothing was stripped */
	pd_text_fold(&key, h, len);
	if (!strcmp(key.ptr, s->key)) {
		pd_buf_dispose(&key);
		return 0;
	}
	if (len <= 300 && *s->key) {
		while (pd_text_next_word(h, len, &pos, &ws, &wl)) {
			pd_buf_clear(&key);
			pd_text_heading_key(&key, h + ws, len - ws);
			if (!strcmp(key.ptr, s->key))
				best = ws;
			else if (best || ws > 0)
				break;
		}
	}
	pd_buf_dispose(&key);
	return best;
}

void pd_changes__display_heading(pd_buf *out, const pd_section *s)
{
	const char *h = s->heading;
	size_t len, best, end;

	len = strlen(h);
	best = display_start(s);
	if (!best) {
		pd_buf_puts(out, h);
		return;
	}
	/* the heading's own trailing punctuation goes, as in the key */
	for (end = len; end > best && (h[end - 1] == ':' || h[end - 1] == '.' ||
	                               h[end - 1] == ' '); end--)
		;
	pd_buf_put(out, h + best, end - best);
}

/*
 * The display heading of a section of one of the documents, worked out
 * once and kept in the change list (the documents are not written once
 * parsed): a parent named by twenty thousand changes is not worked out
 * twenty thousand times.
 */
static const char **display_slot(const pd_changes *c, const pd_section *s)
{
	if (s->index < c->old->sections.size &&
	    pd_vec_get(&c->old->sections, s->index) == s)
		return &c->display[0][s->index];
	if (s->index < c->new_doc->sections.size &&
	    pd_vec_get(&c->new_doc->sections, s->index) == s)
		return &c->display[1][s->index];
	return NULL;          /* a section of neither document */
}

static const char *display_heading(pd_changes *c, const pd_section *s)
{
	const char **slot = display_slot(c, s), *display;
	pd_buf tmp = PD_BUF_INIT;

	if (slot && *slot)
		return *slot;
	pd_changes__display_heading(&tmp, s);
	display = strcmp(tmp.ptr, s->heading) ?
	          pd_pool_strdup(&c->pool, tmp.ptr) : s->heading;
	pd_buf_dispose(&tmp);
	if (slot)
		*slot = display;
	return display;
}

const char *pd_changes__display(pd_buf *tmp, const pd_changes *c,
                                const pd_section *s)
{
	const char **slot = c ? display_slot(c, s) : NULL;

	if (slot && *slot)
		return *slot;
	pd_buf_clear(tmp);
	pd_changes__display_heading(tmp, s);
	return tmp->ptr;
}

static pd_change *structural(pd_changes *c, int op, const pd_section *a,
                             const pd_section *b)
{
	category cat = category_of(a, b);
	pd_change_kind kind = kinds_by_cat[cat][op];
	pd_change *ch;

	if (kind == PD_CHANGE__COUNT)
		return NULL;
	ch = pd_changes__add_change(c, kind);
	ch->old_section = a;
	ch->new_section = b;
	ch->old_line = a ? a->line_start : 0;
	ch->new_line = b ? b->line_start : 0;
	/* the parents too: the sentences name them */
	if (a) {
		ch->old_value = display_heading(c, a);
		if (a->parent)
			display_heading(c, a->parent);
	}
	if (b) {
		ch->new_value = display_heading(c, b);
		if (b->parent)
			display_heading(c, b->parent);
	}
	return ch;
}

/*
 * The 1-based place of each goal area among the areas, by section index
 * (0 for a section that is no area): made once, so that reporting many
 * moves does not search the list of areas for each one.
 */
static unsigned *area_positions(const pd_document *doc)
{
	unsigned *pos = pd__calloc(doc->sections.size ? doc->sections.size : 1,
	                           sizeof(unsigned));
	size_t i;

	for (i = 0; i < doc->areas.size; i++) {
		const pd_section *s = pd_vec_get(&doc->areas, i);

		pos[s->index] = (unsigned)i + 1;
	}
	return pos;
}

/*
 * The text before the first goal area or section: where a programme
 * states its purpose and scope. An edit there is a change like any other
 * (a narrowed scope must not pass unseen); one whose only differing words
 * are numbers that a metadata change already reports (a period, a target
 * year) is that change, said once.
 */
static int is_number_byte(const char *t, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *)t;

	if ((u[i] >= '0' && u[i] <= '9') || u[i] == '-')
		return 1;
	/* a byte of an en or em dash, E2 80 93/94 */
	if (u[i] == 0xe2)
		return i + 2 < len && u[i + 1] == 0x80 &&
		       (u[i + 2] == 0x93 || u[i + 2] == 0x94);
	if (u[i] == 0x80)
		return i >= 1 && u[i - 1] == 0xe2 && i + 1 < len &&
		       (u[i + 1] == 0x93 || u[i + 1] == 0x94);
	if (u[i] == 0x93 || u[i] == 0x94)
		return i >= 2 && u[i - 2] == 0xe2 && u[i - 1] == 0x80;
	return 0;
}

static int only_numbers_differ(const pd_section *a, const pd_section *b)
{
	size_t i, j;

	for (i = 0, j = 0; i < a->blocks.size || j < b->blocks.size;) {
		const pd_block *x = i < a->blocks.size ? pd_vec_get(&a->blocks, i) : NULL;
		const pd_block *y = j < b->blocks.size ? pd_vec_get(&b->blocks, j) : NULL;
		size_t p = 0, q = 0;

		if (!x || !y)
			return 0;
		/* the same text once every run of digits and dashes is one mark */
		while (p < x->len || q < y->len) {
			int dx = p < x->len && is_number_byte(x->text, x->len, p);
			int dy = q < y->len && is_number_byte(y->text, y->len, q);

			if (dx != dy)
				return 0;
			if (dx) {
				while (p < x->len && is_number_byte(x->text, x->len, p))
					p++;
				while (q < y->len && is_number_byte(y->text, y->len, q))
					q++;
				continue;
			}
			if (p >= x->len || q >= y->len || x->text[p] != y->text[q])
				return 0;
			p++;
			q++;
		}
		i++;
		j++;
	}
	return 1;
}

static void preamble_change(pd_changes *c)
{
	const pd_section *a = c->old->root, *b = c->new_doc->root;
	size_t i;
	int meta = 0;
	pd_change *ch;

	if (!pd_changes__body_differs(a, b))
		return;
	for (i = 0; i < c->count; i++)
		meta |= c->items[i].kind == PD_CHANGE_TARGET_YEAR_CHANGED ||
		        c->items[i].kind == PD_CHANGE_PERIOD_CHANGED ||
		        c->items[i].kind == PD_CHANGE_METADATA_CHANGED;
	if (meta && only_numbers_differ(a, b))
		return;
	ch = pd_changes__add_change(c, PD_CHANGE_PREAMBLE_CHANGED);
	ch->old_section = a;
	ch->new_section = b;
	ch->old_line = a->blocks.size ?
	               ((const pd_block *)pd_vec_get(&a->blocks, 0))->line : 0;
	ch->new_line = b->blocks.size ?
	               ((const pd_block *)pd_vec_get(&b->blocks, 0))->line : 0;
}

/*
 * Splits and merges, each one change naming all its sections; their
 * sections' additions, removals and renames are said by it, and so are
 * the moves of the goals that went with them (grouped[] marks both
 * sides: 1 a member, 2 the section split or merged into).
 */
static void group_changes(pd_changes *c, const pd_match *m,
                          unsigned char *old_grouped,
                          unsigned char *new_grouped)
{
	size_t g, k;

	for (g = 0; g < m->ngroups; g++) {
		const pd_match_group *grp = m->groups[g];
		const pd_document *one_doc = grp->merge ? c->new_doc : c->old;
		const pd_document *many_doc = grp->merge ? c->old : c->new_doc;
		const pd_section *one = pd_vec_get(&one_doc->sections, grp->one);
		const pd_section **parts = pd_pool_malloc(&c->pool,
		        pd__mul(grp->nmany, sizeof(*parts)));
		pd_change *ch;
		int area = one->kind == PD_KIND_AREA;

		for (k = 0; k < grp->nmany; k++) {
			parts[k] = pd_vec_get(&many_doc->sections, grp->many[k]);
			display_heading(c, parts[k]);
			(grp->merge ? old_grouped : new_grouped)[grp->many[k]] = 1;
		}
		(grp->merge ? new_grouped : old_grouped)[grp->one] = 2;
		ch = pd_changes__add_change(c, grp->merge ?
		                (area ? PD_CHANGE_AREA_MERGED : PD_CHANGE_GOAL_MERGED) :
		                (area ? PD_CHANGE_AREA_SPLIT : PD_CHANGE_GOAL_SPLIT));
		ch->parts = parts;
		ch->nparts = grp->nmany;
		if (grp->merge) {
			ch->old_section = parts[0];
			ch->new_section = one;
			ch->old_value = display_heading(c, parts[0]);
			ch->new_value = display_heading(c, one);
		} else {
			ch->old_section = one;
			ch->new_section = parts[0];
			ch->old_value = display_heading(c, one);
			ch->new_value = display_heading(c, parts[0]);
		}
		if (one->parent)
			display_heading(c, one->parent);
		ch->old_line = ch->old_section->line_start;
		ch->new_line = ch->new_section->line_start;
	}
}

void pd_changes__structure(pd_changes *c, const pd_match *m)
{
	const pd_document *od = c->old, *nd = c->new_doc;
	unsigned *old_pos = NULL, *new_pos = NULL;
	unsigned char *old_grouped, *new_grouped;
	size_t i;

	preamble_change(c);
	old_grouped = pd__calloc(od->sections.size ? od->sections.size : 1, 1);
	new_grouped = pd__calloc(nd->sections.size ? nd->sections.size : 1, 1);
	group_changes(c, m, old_grouped, new_grouped);

	for (i = 1; i < nd->sections.size; i++) {
		const pd_section *b = pd_vec_get(&nd->sections, i), *a;
		size_t o = m->n2o[i];
		pd_change *ch;
		int renamed, differs;

		if (ignored(b))
			continue;
		if (o == PD_MATCH_NONE) {
			if (m->n2o[b->parent->index] != PD_MATCH_NONE &&
			    !new_grouped[i])
				structural(c, OP_ADDED, NULL, b);
			continue;
		}
		a = pd_vec_get(&od->sections, o);
		if (ignored(a))
			continue;
		renamed = strcmp(a->key, b->key) != 0;
		differs = pd_changes__body_differs(a, b);
		if (renamed && (old_grouped[o] || new_grouped[i])) {
			/* the split or merge says it */
		} else if (renamed && a->synthetic && b->synthetic) {
			/* a goal that is a list item: its text is its name */
			ch = structural(c, OP_RENAMED, a, b);
			ch->similarity = m->similarity[i] >= 0 ? m->similarity[i] :
			                 pd_match__similarity(od, a, nd, b);
		} else if (renamed) {
			ch = structural(c, OP_RENAMED, a, b);
			ch->similarity = m->similarity[i] >= 0 ? m->similarity[i] :
			                 pd_match__similarity(od, a, nd, b);
			if (differs)
				ch->flags |= PD_CHANGE_BODY_CHANGED;
		}
		if (m->moved[i] && old_grouped[a->parent->index] &&
		    new_grouped[b->parent->index]) {
			/* a goal that went with its area's split or merge */
		} else if (m->moved[i]) {
			ch = structural(c, OP_MOVED, a, b);
			/* moved elsewhere and changed: one edit, one item */
			if (ch && differs && !renamed &&
			    m->n2o[b->parent->index] != a->parent->index)
				ch->flags |= PD_CHANGE_BODY_CHANGED;
			if (ch && ch->kind == PD_CHANGE_AREA_MOVED) {
				if (!old_pos) {
					old_pos = area_positions(od);
					new_pos = area_positions(nd);
				}
				ch->count = old_pos[a->index];
				ch->total = new_pos[b->index];
			}
		}
		if (!renamed && differs && !(m->moved[i] &&
		    m->n2o[b->parent->index] != a->parent->index &&
		    !(old_grouped[a->parent->index] &&
		      new_grouped[b->parent->index])))
			structural(c, OP_CHANGED, a, b);
	}
	for (i = 1; i < od->sections.size; i++) {
		const pd_section *a = pd_vec_get(&od->sections, i);

		if (m->o2n[i] == PD_MATCH_NONE && !ignored(a) && !old_grouped[i] &&
		    m->o2n[a->parent->index] != PD_MATCH_NONE)
			structural(c, OP_REMOVED, a, NULL);
	}
	free(old_grouped);
	free(new_grouped);
	free(old_pos);
	free(new_pos);
}
