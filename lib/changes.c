/* SPDX-License-Identifier: MIT */
/*
 * changes.c: derive the list of changes from two parsed versions and the
 * pairing of their sections (match.c):
 *
 *   - metadata: name (and the special case of a name that gains its
 *     target year), target year, period, revision cycle, decision, date;
 *   - structure (changes_structure.c): the introduction, goal areas,
 *     goals and other sections added, removed, renamed, moved, split,
 *     merged, and those whose text changed; what lies inside an added or
 *     removed section is part of that change;
 *   - terms: a name replaced by another in several places, and nowhere
 *     left in the new text (found in the word differences of paired
 *     blocks);
 *   - themes: a word family now present in every goal area and absent
 *     from most of them before.
 *
 * A text change that a renamed term or a new theme explains is folded
 * into that change (unless PD_DIFF_KEEP_EXPLAINED); what remains says how
 * many words were added and removed; numbers and tables in changed goals
 * become targets and indicators (changes_targets.c, changes_tables.c).
 * The list is ordered as the programme reads: metadata and introduction,
 * themes, terms, then unit by unit in NEW's order. Terms are found in
 * changes_terms.c, themes in changes_themes.c, the block alignment is
 * textdiff.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "changes.h"
#include "text.h"
#include "textdiff.h"
#include "u64map.h"

static const char *kind_names[PD_CHANGE__COUNT] = {
	"name-changed",
	"target-year-changed",
	"period-changed",
	"metadata-changed",
	"area-added",
	"area-removed",
	"area-renamed",
	"area-moved",
	"goal-added",
	"goal-removed",
	"goal-renamed",
	"goal-moved",
	"goal-changed",
	"section-added",
	"section-removed",
	"section-renamed",
	"section-moved",
	"section-changed",
	"term-renamed",
	"theme-everywhere",
	"preamble-changed",
	"area-split",
	"area-merged",
	"goal-split",
	"goal-merged",
	"target-changed",
	"indicator-added",
	"indicator-removed",
	"indicator-changed",
	"table-header-changed"
};

const char *pd_change_kind_name(pd_change_kind kind)
{
	if ((int)kind < 0 || kind >= PD_CHANGE__COUNT)
		return NULL;
	return kind_names[kind];
}

int pd_change_kind_parse(pd_change_kind *out, const char *name)
{
	int i;

	for (i = 0; i < PD_CHANGE__COUNT; i++)
		if (!strcmp(kind_names[i], name)) {
			*out = (pd_change_kind)i;
			return 0;
		}
	return pd_error_set(PD_ENOTFOUND, "unknown change kind '%s'", name);
}

static pd_change *add_change(pd_changes *c, pd_change_kind kind)
{
	pd_change *ch;

	if (c->count == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->items = pd__reallocarray(c->items, c->cap, sizeof(pd_change));
	}
	ch = &c->items[c->count++];
	memset(ch, 0, sizeof(*ch));
	ch->kind = kind;
	ch->similarity = -1;
	return ch;
}

/* add_change() for the parts of the change list in files of their own */
pd_change *pd_changes__add_change(pd_changes *c, pd_change_kind kind)
{
	return add_change(c, kind);
}

/* ---- metadata ---- */

static int str_differs(const char *a, const char *b)
{
	return (a == NULL) != (b == NULL) || (a && strcmp(a, b));
}

static const char *year_str(pd_changes *c, int year)
{
	char tmp[32];

	if (!year)
		return NULL;
	snprintf(tmp, sizeof(tmp), "%d", year);
	return pd_pool_strdup(&c->pool, tmp);
}

static const char *period_str(pd_changes *c, int start, int end)
{
	char tmp[48];

	if (!start && !end)
		return NULL;
	snprintf(tmp, sizeof(tmp), "%d–%d", start, end);
	return pd_pool_strdup(&c->pool, tmp);
}

/* Is `b` the name `a` with the target year added (before or after)? */
static int gains_year(const char *a, const char *b, int year)
{
	pd_buf fa = PD_BUF_INIT, fb = PD_BUF_INIT, key = PD_BUF_INIT;
	char y[16];
	char *p;
	int yes = 0;

	if (!year || !a || !b)
		return 0;
	snprintf(y, sizeof(y), "%d", year);
	if (strstr(a, y))
		return 0;
	pd_text_fold(&fa, a, strlen(a));
	pd_text_fold(&fb, b, strlen(b));
	if ((p = strstr(fb.ptr, y)) != NULL) {
		pd_buf_put(&key, fb.ptr, (size_t)(p - fb.ptr));
		pd_buf_puts(&key, p + strlen(y));
		/* compare without white space and punctuation around the year */
		{
			size_t i, j = 0, k = 0;
			char *x = key.ptr, *z = fa.ptr;

			for (i = 0; x[i]; i++)
				if (x[i] != ' ' && x[i] != '-' && x[i] != ',')
					x[j++] = x[i];
			x[j] = '\0';
			for (i = 0; z[i]; i++)
				if (z[i] != ' ' && z[i] != '-' && z[i] != ',')
					z[k++] = z[i];
			z[k] = '\0';
			yes = !strcmp(x, z);
		}
	}
	pd_buf_dispose(&fa);
	pd_buf_dispose(&fb);
	pd_buf_dispose(&key);
	return yes;
}

static void meta_changes(pd_changes *c)
{
	const pd_meta *a = &c->old->meta, *b = &c->new_doc->meta;
	pd_change *ch;

	if (a->name && b->name && strcmp(a->name, b->name)) {
		pd_buf fa = PD_BUF_INIT, fb = PD_BUF_INIT;

		/* case or spacing only is not a new name */
		pd_text_heading_key(&fa, a->name, strlen(a->name));
		pd_text_heading_key(&fb, b->name, strlen(b->name));
		if (strcmp(fa.ptr, fb.ptr)) {
			ch = add_change(c, PD_CHANGE_NAME_CHANGED);
			ch->old_value = a->name;
			ch->new_value = b->name;
			ch->old_line = a->name_line;
			ch->new_line = b->name_line;
			if (gains_year(a->name, b->name, b->target_year))
				ch->flags |= PD_CHANGE_GAINS_TARGET_YEAR;
		}
		pd_buf_dispose(&fa);
		pd_buf_dispose(&fb);
	}
	if (b->target_year && a->target_year != b->target_year) {
		ch = add_change(c, PD_CHANGE_TARGET_YEAR_CHANGED);
		ch->old_value = year_str(c, a->target_year);
		ch->new_value = year_str(c, b->target_year);
		ch->old_line = a->target_year_line;
		ch->new_line = b->target_year_line;
	}
	if ((b->period_start || b->period_end) &&
	    (a->period_start != b->period_start ||
	     a->period_end != b->period_end)) {
		ch = add_change(c, PD_CHANGE_PERIOD_CHANGED);
		ch->old_value = period_str(c, a->period_start, a->period_end);
		ch->new_value = period_str(c, b->period_start, b->period_end);
		ch->old_line = a->period_line;
		ch->new_line = b->period_line;
		if (a->open_ended && !a->period_start)
			ch->flags |= PD_CHANGE_WAS_OPEN_ENDED;
	}
	if (b->revision && str_differs(a->revision, b->revision)) {
		ch = add_change(c, PD_CHANGE_METADATA_CHANGED);
		ch->field = "revision";
		ch->old_value = a->revision;
		ch->new_value = b->revision;
		ch->old_line = a->revision_line;
		ch->new_line = b->revision_line;
	}
	/* a reference or date both versions state, and that differs */
	if (a->decision && b->decision && strcmp(a->decision, b->decision)) {
		ch = add_change(c, PD_CHANGE_METADATA_CHANGED);
		ch->field = "decision";
		ch->old_value = a->decision;
		ch->new_value = b->decision;
	}
	if (a->adopted && b->adopted && strcmp(a->adopted, b->adopted)) {
		ch = add_change(c, PD_CHANGE_METADATA_CHANGED);
		ch->field = "adopted";
		ch->old_value = a->adopted;
		ch->new_value = b->adopted;
	}
}

/* ---- how much a text changed ---- */

/*
 * Words added and removed in a changed section's own text: the multiset
 * difference of its words before and after (from the documents' word
 * caches, so nothing is split again), a word of a term renamed
 * throughout counted as its new name (the rename is said once, by its
 * own change). Words that only moved are not counted.
 */
typedef struct word_count {
	uint64_t *a, *b;
	size_t na, nb, capa, capb;
	uint64_t *from, *to;     /* single-word terms renamed */
	size_t nterms;
} word_count;

/* The words of the blocks of `s` from `from` to `to`, one after another */
static void collect_words(uint64_t **out, size_t *n, size_t *cap,
                          const pd_document *doc, const pd_section *s,
                          size_t from, size_t to)
{
	size_t i;

	*n = 0;
	for (i = from; i < to; i++) {
		const pd_words *w = pd_document__block_words(doc,
		                                             pd_vec_get(&s->blocks, i));

		if (*n + w->n > *cap) {
			*cap = (*n + w->n) * 2 + 64;
			*out = pd__reallocarray(*out, *cap, sizeof(uint64_t));
		}
		if (w->n)
			memcpy(*out + *n, w->hash, w->n * sizeof(uint64_t));
		*n += w->n;
	}
}

/* How many words the blocks of `s` have */
static size_t count_words(const pd_document *doc, const pd_section *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->blocks.size; i++)
		n += pd_document__block_words(doc, pd_vec_get(&s->blocks, i))->n;
	return n;
}

/* Are these blocks' words the same ones: shared, as the parse shares the
 * words of equal blocks? */
static int same_words(const pd_document *da, const pd_section *a,
                      size_t ia, const pd_document *db, const pd_section *b,
                      size_t ib)
{
	const pd_words *wa = pd_document__block_words(da,
	                                              pd_vec_get(&a->blocks, ia));
	const pd_words *wb = pd_document__block_words(db,
	                                              pd_vec_get(&b->blocks, ib));

	return wa->hash == wb->hash && wa->n == wb->n;
}

/* How many blocks of the same words `a` and `b` begin and end with */
static void shared_ends(const pd_changes *c, const pd_section *a,
                        const pd_section *b, size_t *pre, size_t *suf)
{
	size_t na = a->blocks.size, nb = b->blocks.size;

	*pre = *suf = 0;
	while (*pre < na && *pre < nb &&
	       same_words(c->old, a, *pre, c->new_doc, b, *pre))
		++*pre;
	while (*suf < na - *pre && *suf < nb - *pre &&
	       same_words(c->old, a, na - 1 - *suf, c->new_doc, b, nb - 1 - *suf))
		++*suf;
}

static uint64_t fold_hash(const char *text)
{
	pd_buf f = PD_BUF_INIT;
	uint64_t h;

	pd_text_fold(&f, text, strlen(text));
	h = pd_text_hash(f.ptr, f.size);
	pd_buf_dispose(&f);
	return h;
}

/* Counts per word hash (u64map.h), +1 for each old occurrence and -1
 * for each new one. */
static void tally_add(pd_u64map *t, const uint64_t *words, size_t n,
                      long long delta)
{
	size_t j;
	int added;

	for (j = 0; j < n; j++)
		*(long long *)pd_u64map_val(t, pd_u64map_put(t, words[j], &added)) +=
		        delta;
}

void pd_changes__word_difference(unsigned *added, unsigned *removed,
                                 const uint64_t *a, size_t na,
                                 const uint64_t *b, size_t nb)
{
	pd_u64map t;
	size_t pre = 0, suf = 0, i;
	unsigned plus = 0, minus = 0;

	/* equal ends cancel out whatever the rest holds */
	while (pre < na && pre < nb && a[pre] == b[pre])
		pre++;
	while (suf < na - pre && suf < nb - pre &&
	       a[na - 1 - suf] == b[nb - 1 - suf])
		suf++;
	na -= pre + suf;
	nb -= pre + suf;
	if (!na || !nb) {
		*added = (unsigned)nb;
		*removed = (unsigned)na;
		return;
	}
	/* both non-empty, so neither is NULL: offsetting them is defined */
	pd_u64map_init(&t, sizeof(long long), 512);
	tally_add(&t, a + pre, na, 1);
	tally_add(&t, b + pre, nb, -1);
	for (i = 0; i < pd_u64map_slots(&t); i++) {
		long long count = *(long long *)pd_u64map_val(&t, i);

		if (count > 0)
			minus += (unsigned)count;
		else
			plus += (unsigned)-count;
	}
	pd_u64map_dispose(&t);
	*added = plus;
	*removed = minus;
}

static void count_changed_words(pd_changes *c)
{
	word_count wc;
	size_t i, j, k;

	memset(&wc, 0, sizeof(wc));
	for (i = 0; i < c->count; i++)
		wc.nterms += c->items[i].kind == PD_CHANGE_TERM_RENAMED;
	wc.from = pd__reallocarray(NULL, wc.nterms + 1, sizeof(uint64_t));
	wc.to = pd__reallocarray(NULL, wc.nterms + 1, sizeof(uint64_t));
	for (i = 0, k = 0; i < c->count; i++)
		if (c->items[i].kind == PD_CHANGE_TERM_RENAMED) {
			wc.from[k] = fold_hash(c->items[i].old_value);
			wc.to[k++] = fold_hash(c->items[i].new_value);
		}
	for (i = 0; i < c->count; i++) {
		pd_change *ch = &c->items[i];
		unsigned added, removed;
		const pd_section *sa = ch->old_section, *sb = ch->new_section;
		size_t pre = 0, suf = 0, total_a, total_b;

		if ((ch->kind != PD_CHANGE_SECTION_CHANGED &&
		     ch->kind != PD_CHANGE_GOAL_CHANGED &&
		     ch->kind != PD_CHANGE_PREAMBLE_CHANGED) || !sa || !sb)
			continue;
		/* blocks of the same words at both ends cancel out, unless a
		 * term renamed in them makes the old ones count as other words */
		if (!wc.nterms)
			shared_ends(c, sa, sb, &pre, &suf);
		collect_words(&wc.a, &wc.na, &wc.capa, c->old, sa, pre,
		              sa->blocks.size - suf);
		collect_words(&wc.b, &wc.nb, &wc.capb, c->new_doc, sb, pre,
		              sb->blocks.size - suf);
		for (j = 0; j < wc.na; j++)
			for (k = 0; k < wc.nterms; k++)
				if (wc.a[j] == wc.from[k])
					wc.a[j] = wc.to[k];
		pd_changes__word_difference(&added, &removed, wc.a, wc.na,
		                            wc.b, wc.nb);
		ch->count = added;
		ch->total = removed;
		/* a third of the words new or gone: partly rewritten */
		total_a = count_words(c->old, sa);
		total_b = count_words(c->new_doc, sb);
		if (3 * (size_t)(added + removed) >= total_a + total_b && total_b)
			ch->flags |= PD_CHANGE_REWRITTEN;
	}
	free(wc.a);
	free(wc.b);
	free(wc.from);
	free(wc.to);
}

/* ---- order and entry point ---- */

static int rank(const pd_change *ch)
{
	switch (ch->kind) {
	case PD_CHANGE_NAME_CHANGED:
	case PD_CHANGE_TARGET_YEAR_CHANGED:
	case PD_CHANGE_PERIOD_CHANGED:
	case PD_CHANGE_METADATA_CHANGED:
	case PD_CHANGE_PREAMBLE_CHANGED:
		return 0;
	case PD_CHANGE_THEME_EVERYWHERE:
		return 1;
	case PD_CHANGE_TERM_RENAMED:
		return 2;
	default:
		return 3;
	}
}

/*
 * The order of the list: the programme first (name, years, period,
 * introduction), then what runs through it (themes, terms), then the
 * document unit by unit in NEW's order, each goal area's own change
 * before its goals'. A unit is a goal area, or a section directly under
 * the title. What NEW no longer has stands where it stood: after the
 * last section before it that both versions have.
 */
typedef struct ordered {
	pd_change change;
	size_t seq;
	size_t unit, within;     /* places in NEW, made by place_of() */
} ordered;

static int in_doc(const pd_document *doc, const pd_section *s)
{
	return s->index < doc->sections.size &&
	       pd_vec_get(&doc->sections, s->index) == s;
}

/* 2i + 2 for NEW's section i; 2i + 3 after it for an old section */
static size_t place_of(const pd_changes *c, const pd_match *m,
                       const pd_section *s)
{
	size_t i;

	if (in_doc(c->new_doc, s))
		return 2 * s->index + 2;
	for (i = s->index; i-- > 0; )
		if (m->o2n[i] != PD_MATCH_NONE)
			return 2 * m->o2n[i] + 3;
	return 1;
}

static const pd_section *unit_of(const pd_section *s)
{
	const pd_section *u;

	for (u = s; u; u = u->parent)
		if (u->kind == PD_KIND_AREA)
			return u;
	for (u = s; u->parent && u->parent->parent; u = u->parent)
		;
	return u;
}

static int cmp_ordered(const void *pa, const void *pb)
{
	const ordered *a = pa, *b = pb;
	int ra = rank(&a->change), rb = rank(&b->change);

	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (a->unit != b->unit)
		return a->unit < b->unit ? -1 : 1;
	if (a->within != b->within)
		return a->within < b->within ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void sort_changes(pd_changes *c, const pd_match *m)
{
	ordered *o;
	size_t i;

	if (c->count < 2)
		return;
	o = pd__reallocarray(NULL, c->count, sizeof(*o));
	for (i = 0; i < c->count; i++) {
		const pd_change *ch = &c->items[i];
		const pd_section *s = ch->new_section ? ch->new_section :
		                      ch->old_section;

		o[i].change = *ch;
		o[i].seq = i;
		o[i].unit = o[i].within = 0;
		if (s && rank(ch) == 3) {
			const pd_section *u = unit_of(s);

			o[i].unit = place_of(c, m, u);
			o[i].within = u == s ? 0 : place_of(c, m, s);
		}
	}
	qsort(o, c->count, sizeof(*o), cmp_ordered);
	for (i = 0; i < c->count; i++)
		c->items[i] = o[i].change;
	free(o);
}

int pd_changes_compute(pd_changes **out, const pd_document *old,
                       const pd_document *new_doc,
                       const pd_diff_options *opts)
{
	pd_changes *c;
	pd_match m;
	themes_job themes;
	double threshold = 0.5;
	int keep_explained = 0;

	if (opts) {
		if (opts->version != PD_DIFF_OPTIONS_VERSION)
			return pd_error_set(PD_EINVALID,
			        "diff options version %u is not supported",
			        opts->version);
		if (opts->rename_threshold > 0)
			threshold = opts->rename_threshold;
		keep_explained = (opts->flags & PD_DIFF_KEEP_EXPLAINED) != 0;
	}
	c = pd__calloc(1, sizeof(*c));
	pd_pool_init(&c->pool);
	c->old = old;
	c->new_doc = new_doc;
	c->display[0] = pd__calloc(old->sections.size + 1, sizeof(char *));
	c->display[1] = pd__calloc(new_doc->sections.size + 1, sizeof(char *));
	pd_block_memo_init(&c->aligned);

	pd_changes__themes_start(&themes, old, new_doc);
	pd_match_compute(&m, old, new_doc, threshold);
	c->comparisons = m.comparisons;
	meta_changes(c);
	pd_changes__structure(c, &m);
	pd_changes__term_changes(c, &m);
	pd_changes__fold_terms_into_renames(c);
	pd_changes__themes_finish(c, &themes);
	if (!keep_explained) {
		pd_changes__drop_changes_explained_by_terms(c);
		pd_changes__drop_changes_explained_by_themes(c);
	}
	count_changed_words(c);
	pd_changes__targets(c);
	pd_block_memo_dispose(&c->aligned);
	sort_changes(c, &m);
	c->pairing = m;
	*out = c;
	return 0;
}

void pd_changes_free(pd_changes *changes)
{
	if (!changes)
		return;
	pd_changes__tables_cache_free(changes);
	pd_match_dispose(&changes->pairing);
	pd_pool_dispose(&changes->pool);
	free((void *)changes->display[0]);
	free((void *)changes->display[1]);
	free(changes->items);
	/* the list points into them: they go last */
	pd_document_free(changes->owned[1]);
	pd_document_free(changes->owned[0]);
	free(changes);
}

size_t pd_changes_count(const pd_changes *changes)
{
	return changes->count;
}

const pd_change *pd_changes_get(const pd_changes *changes, size_t i)
{
	return i < changes->count ? &changes->items[i] : NULL;
}

const pd_document *pd_changes_old(const pd_changes *changes)
{
	return changes->old;
}

const pd_document *pd_changes_new(const pd_changes *changes)
{
	return changes->new_doc;
}

unsigned long long pd_changes__comparisons(const pd_changes *changes)
{
	return changes->comparisons;
}
