/* SPDX-License-Identifier: MIT */
/*
 * changes_themes.c: themes through every goal area: a word family now
 * present in every goal area and absent from most of them before, found
 * from the documents' word caches (on a thread of its own while the
 * sections are matched); a goal area's text change that only adds a
 * theme is dropped.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "changes.h"
#include "text.h"
#include "textdiff.h"
#include "u64map.h"

/* ---- themes through every goal area ---- */

#define MAX_THEME_CANDIDATES 8

typedef struct prefix_count {
	uint64_t hash;
	unsigned areas;          /* areas that have it */
	size_t last_area;        /* to count an area once */
	unsigned occurrences;
	unsigned old_areas;
	size_t old_last;
} prefix_count;

/* The stems (never 0) in a u64map of prefix_count. */
typedef pd_u64map prefix_map;

/*
 * A set of stems as 256 bits, a bit per stem's low byte: a stem whose
 * bit is clear is not in the set; one whose bit is set may be.
 */
#define STEM_BIT(stem) ((uint64_t)1 << ((stem) & 63))
#define STEM_WORD(stem) (((stem) >> 6) & 3)

typedef struct theme_walk {
	prefix_map *pm;
	size_t area;
	const uint64_t *filter;  /* old side: the stems worth looking up */
	int old_side;
} theme_walk;

/*
 * Count the stems of one text for area tw->area: on the new side each
 * occurrence, and each area once; on the old side each area once, for
 * the stems the new side has and the filter may hold.
 */
static void count_stems(theme_walk *tw, const pd_words *w)
{
	prefix_map *pm = tw->pm;
	prefix_count *pc;
	size_t k, i;
	int added;

	for (k = 0; k < w->n; k++) {
		uint64_t h = w->stem[k];

		if (!h)
			continue;
		if (tw->old_side) {
			if (!(tw->filter[STEM_WORD(h)] & STEM_BIT(h)))
				continue;
			i = pd_u64map_find(pm, h);
			if (i == PD_U64MAP_NONE)
				continue;
			pc = pd_u64map_val(pm, i);
			if (pc->old_last != tw->area) {
				pc->old_last = tw->area;
				pc->old_areas++;
			}
			continue;
		}
		pc = pd_u64map_val(pm, pd_u64map_put(pm, h, &added));
		if (added) {
			pc->hash = h;
			pc->last_area = (size_t)-1;
			pc->old_last = (size_t)-1;
		}
		pc->occurrences++;
		if (pc->last_area != tw->area) {
			pc->last_area = tw->area;
			pc->areas++;
		}
	}
}

/* count_stems() over the heading and body of `s` and its subtree. */
static void count_section(theme_walk *tw, const pd_document *doc,
                          const pd_section *s)
{
	size_t i;

	count_stems(tw, pd_document__heading_words(doc, s));
	for (i = 0; i < s->blocks.size; i++)
		count_stems(tw, pd_document__block_words(doc,
		            pd_vec_get(&s->blocks, i)));
	for (i = 0; i < s->children.size; i++)
		count_section(tw, doc, pd_vec_get(&s->children, i));
}

typedef struct form {
	char *word;
	unsigned count;
} form;

/* What one pass over the new areas' blocks learns about the candidates. */
typedef struct theme_pass {
	const pd_document *doc;
	prefix_count **cands;
	size_t ncands;
	pd_vec forms[MAX_THEME_CANDIDATES];   /* form *, per candidate */
	unsigned char *masks;                 /* per block: candidates in it */
	size_t nmasks, capmasks;
	pd_buf fold;
} theme_pass;

static int candidate_of(const theme_pass *tp, uint64_t stem)
{
	size_t c;

	for (c = 0; c < tp->ncands; c++)
		if (tp->cands[c]->hash == stem)
			return (int)c;
	return -1;
}

/* The forms (whole folded words) of the candidates in one text. */
static void note_forms(theme_pass *tp, const char *text, size_t len)
{
	size_t pos = 0, ws, wl, i;
	int latin1;

	pd_buf_clear(&tp->fold);
	latin1 = pd_text_fold(&tp->fold, text, len);
	while (latin1 ?
	       pd_text_next_word_latin1(tp->fold.ptr, tp->fold.size, &pos, &ws,
	                                &wl) :
	       pd_text_next_word(tp->fold.ptr, tp->fold.size, &pos, &ws, &wl)) {
		const char *w = tp->fold.ptr + ws;
		size_t sl = pd_text_stem_len(w, wl);
		int c = sl ? candidate_of(tp, pd_text_stem_key(pd_text_hash(w,
		             sl))) : -1;
		form *f;

		if (c < 0)
			continue;
		for (i = 0; i < tp->forms[c].size; i++) {
			f = pd_vec_get(&tp->forms[c], i);
			if (strlen(f->word) == wl && !memcmp(f->word, w, wl)) {
				f->count++;
				break;
			}
		}
		if (i < tp->forms[c].size)
			continue;
		f = pd__malloc(sizeof(*f));
		f->word = pd__strndup(w, wl);
		f->count = 1;
		pd_vec_push(&tp->forms[c], f);
	}
}

static void pass_text(theme_pass *tp, const pd_words *w, const char *text,
                      size_t len)
{
	unsigned char mask = 0;
	size_t k;

	for (k = 0; k < w->n; k++) {
		int c = w->stem[k] ? candidate_of(tp, w->stem[k]) : -1;

		if (c >= 0)
			mask |= (unsigned char)(1u << c);
	}
	if (!mask)
		return;
	/* only a text with a candidate is folded again, for its forms */
	note_forms(tp, text, len);
	if (tp->nmasks == tp->capmasks) {
		tp->capmasks = tp->capmasks ? tp->capmasks * 2 : 64;
		tp->masks = pd__realloc(tp->masks, tp->capmasks);
	}
	tp->masks[tp->nmasks++] = mask;
}

static void pass_section(theme_pass *tp, const pd_section *s)
{
	size_t i;

	pass_text(tp, pd_document__heading_words(tp->doc, s), s->heading,
	          strlen(s->heading));
	for (i = 0; i < s->blocks.size; i++) {
		const pd_block *b = pd_vec_get(&s->blocks, i);

		pass_text(tp, pd_document__block_words(tp->doc, b), b->text, b->len);
	}
	for (i = 0; i < s->children.size; i++)
		pass_section(tp, pd_vec_get(&s->children, i));
}

static int cmp_theme(const void *a, const void *b)
{
	const prefix_count *x = *(prefix_count *const *)a;
	const prefix_count *y = *(prefix_count *const *)b;

	if (x->occurrences != y->occurrences)
		return x->occurrences > y->occurrences ? -1 : 1;
	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

/*
 * Themes: word families (stems, see pd_text_stem_len) that every goal
 * area has now and at most a minority had before. A family is shown by
 * its most frequent form; one whose every block also has a stronger
 * theme is part of that theme ("utsläppen" inside the climate
 * paragraphs). The words come from the documents' word caches; only the
 * blocks that hold a candidate are folded again, for its forms.
 */
static void find_themes(themes_found *out, const pd_document *od,
                        const pd_document *nd)
{
	prefix_map pm;
	theme_walk tw;
	theme_pass tp;
	prefix_count *cands[MAX_THEME_CANDIDATES];
	size_t ncands = 0, i, k, nthemes = 0;
	size_t nold = od->areas.size, nnew = nd->areas.size;
	unsigned accepted = 0;
	uint64_t everywhere[4] = { 0, 0, 0, 0 };

	memset(out, 0, sizeof(*out));
	out->nold = (unsigned)nold;
	if (nnew < 2 || nold < 1)
		return;
	pd_u64map_init(&pm, sizeof(prefix_count), 512);
	memset(&tw, 0, sizeof(tw));
	tw.pm = &pm;
	for (i = 0; i < nnew; i++) {
		tw.area = i;
		count_section(&tw, nd, pd_vec_get(&nd->areas, i));
	}
	/*
	 * Only a stem that every new area has can be a theme, so only those
	 * are counted in the old areas (the others' old counts are never
	 * read): a filter of them spares a look-up per old word.
	 */
	for (i = 0, k = 0; i < pd_u64map_slots(&pm); i++) {
		const prefix_count *pc = pd_u64map_val(&pm, i);
		uint64_t h = pc->hash;

		if (h && pc->areas == nnew) {
			everywhere[STEM_WORD(h)] |= STEM_BIT(h);
			k++;
		}
	}
	tw.old_side = 1;
	tw.filter = everywhere;
	for (i = 0; i < nold && k; i++) {
		tw.area = i;
		count_section(&tw, od, pd_vec_get(&od->areas, i));
	}
	for (i = 0; i < pd_u64map_slots(&pm); i++) {
		prefix_count *pc = pd_u64map_val(&pm, i);

		if (!pc->hash || pc->areas != nnew ||
		    !(pc->old_areas == 0 || pc->old_areas * 2 < nold))
			continue;
		if (ncands < MAX_THEME_CANDIDATES) {
			cands[ncands++] = pc;
		} else if (cmp_theme(&pc, &cands[ncands - 1]) < 0) {
			/* by count, then by stem: never by where the table put it */
			cands[ncands - 1] = pc;
		} else {
			continue;
		}
		qsort(cands, ncands, sizeof(cands[0]), cmp_theme);
	}
	if (!ncands) {
		pd_u64map_dispose(&pm);
		return;
	}

	memset(&tp, 0, sizeof(tp));
	tp.doc = nd;
	tp.cands = cands;
	tp.ncands = ncands;
	pd_buf_init(&tp.fold);
	for (i = 0; i < nnew; i++)
		pass_section(&tp, pd_vec_get(&nd->areas, i));

	for (i = 0; i < ncands && nthemes < MAX_THEMES; i++) {
		form *best = NULL;
		int free_block = 0;

		for (k = 0; k < tp.forms[i].size; k++) {
			form *f = pd_vec_get(&tp.forms[i], k);

			if (!best || f->count > best->count ||
			    (f->count == best->count && strcmp(f->word, best->word) < 0))
				best = f;
		}
		for (k = 0; k < tp.nmasks && !free_block; k++)
			free_block = (tp.masks[k] & (1u << i)) &&
			             !(tp.masks[k] & accepted);
		if (!best || !free_block)
			continue;
		accepted |= 1u << i;
		out->word[nthemes] = pd__strdup(best->word);
		out->old_areas[nthemes] = cands[i]->old_areas;
		nthemes++;
	}
	for (i = 0; i < ncands; i++) {
		for (k = 0; k < tp.forms[i].size; k++) {
			form *f = pd_vec_get(&tp.forms[i], k);

			free(f->word);
			free(f);
		}
		pd_vec_dispose(&tp.forms[i]);
	}
	pd_buf_dispose(&tp.fold);
	free(tp.masks);
	pd_u64map_dispose(&pm);
	out->n = nthemes;
}

/* The themes found, as changes, in the order they were found. */
static void add_themes(pd_changes *c, themes_found *tf)
{
	size_t i;

	for (i = 0; i < tf->n; i++) {
		pd_change *ch = pd_changes__add_change(c, PD_CHANGE_THEME_EVERYWHERE);

		ch->new_value = pd_pool_strdup(&c->pool, tf->word[i]);
		ch->count = tf->old_areas[i];
		ch->total = tf->nold;
		free(tf->word[i]);
	}
	tf->n = 0;
}

static void themes_task(void *payload)
{
	themes_job *job = payload;

	find_themes(&job->found, job->old, job->new_doc);
}

void pd_changes__themes_start(themes_job *job, const pd_document *old,
                         const pd_document *new_doc)
{
	job->old = old;
	job->new_doc = new_doc;
	pd_thread__start(&job->thread, themes_task, job);
}

void pd_changes__themes_finish(pd_changes *c, themes_job *job)
{
	pd_thread__join(&job->thread);
	add_themes(c, &job->found);
}

/*
 * A goal area whose text changed only by gaining a theme (a paragraph
 * about the climate added, or a sentence about it in a paragraph) has no
 * change of its own: the theme-everywhere change says it.
 */
typedef struct theme_check {
	const char **prefixes;
	size_t n;
	pd_buf fold;
	int explained;
	const pd_changes *c;
} theme_check;

/*
 * A paragraph that gained the theme and lost at most one word of what it
 * said (an inserted sentence or clause, a word made into the theme's); a
 * paragraph rewritten around the theme has a change of its own.
 */
#define THEME_WORDS_LOST 1

static int only_gained(const theme_check *tc, const pd_block *a,
                       const pd_block *b)
{
	const pd_words *wa = pd_document__block_words(tc->c->old, a);
	const pd_words *wb = pd_document__block_words(tc->c->new_doc, b);
	unsigned added, removed;

	pd_changes__word_difference(&added, &removed, wa->hash, wa->n,
	                            wb->hash, wb->n);
	return removed <= THEME_WORDS_LOST;
}

static int has_theme(theme_check *tc, const pd_block *b)
{
	size_t i;

	pd_buf_clear(&tc->fold);
	pd_text_fold(&tc->fold, b->text, b->len);
	for (i = 0; i < tc->n; i++)
		if (pd_changes__occurs(&tc->fold, tc->prefixes[i]))
			return 1;
	return 0;
}

static int theme_block(pd_block_op op, const pd_block *a, const pd_block *b,
                       void *payload)
{
	theme_check *tc = payload;

	if (op == PD_BLOCK_DELETED ||
	    (op == PD_BLOCK_INSERTED && !has_theme(tc, b)) ||
	    (op == PD_BLOCK_CHANGED && (has_theme(tc, a) || !has_theme(tc, b) ||
	                                !only_gained(tc, a, b))))
		tc->explained = 0;
	return 0;
}

void pd_changes__drop_changes_explained_by_themes(pd_changes *c)
{
	const char *prefixes[MAX_THEMES];
	theme_check tc;
	size_t i, k = 0, n = 0;

	for (i = 0; i < c->count && n < MAX_THEMES; i++)
		if (c->items[i].kind == PD_CHANGE_THEME_EVERYWHERE) {
			const char *w = c->items[i].new_value;

			prefixes[n++] = pd_pool_strndup(&c->pool, w,
			                                 pd_text_stem_len(w, strlen(w)));
		}
	if (!n)
		return;
	tc.prefixes = prefixes;
	tc.n = n;
	tc.c = c;
	pd_buf_init(&tc.fold);
	for (i = 0; i < c->count; i++) {
		pd_change *ch = &c->items[i];

		if (ch->kind == PD_CHANGE_SECTION_CHANGED &&
		    ch->new_section->kind == PD_KIND_AREA) {
			tc.explained = 1;
			pd_changes__align_blocks_kept(&c->aligned,
			        ch->old_section, ch->new_section, theme_block,
			        &tc);
			if (tc.explained)
				continue;
		}
		c->items[k++] = *ch;
	}
	c->count = k;
	pd_buf_dispose(&tc.fold);
}
