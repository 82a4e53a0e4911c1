/* SPDX-License-Identifier: MIT */
/*
 * changes.c: derive the list of changes from two parsed versions and the
 * pairing of their sections (match.c):
 *
 *   - metadata: name (and the special case of a name that gains its
 *     target year), target year, period, revision cycle, decision, date;
 *   - structure: goal areas, goals and other sections added, removed,
 *     renamed, moved, and goals and sections whose text changed; what
 *     lies inside an added or removed section is part of that change;
 *   - terms: a name replaced by another in several places, and nowhere
 *     left in the new text (found in the word differences of paired
 *     blocks);
 *   - themes: a word family now present in every goal area and absent
 *     from most of them before.
 *
 * A text change that a renamed term or a new theme explains is folded
 * into that change (unless PD_DIFF_KEEP_EXPLAINED); what remains says how
 * many words were added and removed. The list is ordered: metadata,
 * themes, terms, areas, goals, sections.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "changes.h"
#include "text.h"
#include "textdiff.h"
#include "thread.h"
#if PD_THREADS
#include <pthread.h>
#endif

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

pd_change *pd_changes__add(pd_changes *c, pd_change_kind kind)
{
	return add_change(c, kind);
}

/* ---- block alignment ---- */

static uint64_t block_hash(const pd_block *b)
{
	return pd_text_hash(b->text, b->len);
}

typedef struct align_state {
	const pd_section *a, *b;
	size_t base;              /* blocks before those aligned */
	pd_block_cb cb;
	void *payload;
} align_state;

static int align_range(pd_textdiff_op op, size_t ao, size_t al, size_t bo,
                       size_t bl, void *payload)
{
	align_state *st = payload;
	size_t i;
	int error = 0;

	ao += st->base;
	bo += st->base;
	if (op == PD_TEXTDIFF_EQUAL) {
		for (i = 0; i < al && !error; i++)
			error = st->cb(PD_BLOCK_SAME, pd_vec_get(&st->a->blocks, ao + i),
			               pd_vec_get(&st->b->blocks, bo + i), st->payload);
		return error;
	}
	/* a delete is always followed by its insert: pair them there */
	if (op == PD_TEXTDIFF_DELETE) {
		for (i = 0; i < al && !error; i++)
			error = st->cb(PD_BLOCK_DELETED,
			               pd_vec_get(&st->a->blocks, ao + i), NULL,
			               st->payload);
		return error;
	}
	for (i = 0; i < bl && !error; i++)
		error = st->cb(PD_BLOCK_INSERTED, NULL,
		               pd_vec_get(&st->b->blocks, bo + i), st->payload);
	return error;
}

/*
 * Replacements (a deleted run next to an inserted run) are reported as
 * CHANGED pairs in order; buffering the deleted run makes that possible
 * while the aligner reports runs one at a time.
 */
typedef struct pairing {
	pd_block_cb cb;
	void *payload;
	const pd_block **pending;
	size_t head, npending, cap;   /* pending[head..npending) wait */
} pairing;

static int flush_pending(pairing *p)
{
	int error = 0;

	for (; p->head < p->npending && !error; p->head++)
		error = p->cb(PD_BLOCK_DELETED, p->pending[p->head], NULL,
		              p->payload);
	p->head = p->npending = 0;
	return error;
}

static int pairing_cb(pd_block_op op, const pd_block *a, const pd_block *b,
                      void *payload)
{
	pairing *p = payload;
	int error;

	if (op == PD_BLOCK_DELETED) {
		if (p->npending == p->cap) {
			p->cap = p->cap ? p->cap * 2 : 8;
			p->pending = pd__reallocarray((void *)p->pending, p->cap,
			                              sizeof(*p->pending));
		}
		p->pending[p->npending++] = a;
		return 0;
	}
	if (op == PD_BLOCK_INSERTED && p->head < p->npending)
		return p->cb(PD_BLOCK_CHANGED, p->pending[p->head++], b, p->payload);
	if ((error = flush_pending(p)) != 0)
		return error;
	return p->cb(op, a, b, p->payload);
}

static int same_block(const pd_block *x, const pd_block *y)
{
	return x->len == y->len && !memcmp(x->text, y->text, x->len);
}

/*
 * The equal blocks at both ends are found by comparing texts, as the
 * aligner would find them by their hashes, so only the blocks between
 * them are hashed: one changed paragraph of five megabytes is not
 * hashed at all, since one block against one needs no hash to be told
 * apart.
 */
int pd_changes__align_blocks(const pd_section *a, const pd_section *b,
                             pd_block_cb cb, void *payload)
{
	size_t n = a->blocks.size, m = b->blocks.size, pre = 0, suf = 0, i;
	uint64_t *ha, *hb;
	pairing p = { NULL, NULL, NULL, 0, 0, 0 };
	align_state st;
	int error;

	while (pre < n && pre < m &&
	       same_block(pd_vec_get(&a->blocks, pre),
	                  pd_vec_get(&b->blocks, pre)))
		pre++;
	while (suf < n - pre && suf < m - pre &&
	       same_block(pd_vec_get(&a->blocks, n - 1 - suf),
	                  pd_vec_get(&b->blocks, m - 1 - suf)))
		suf++;
	n -= pre + suf;
	m -= pre + suf;
	ha = pd__reallocarray(NULL, n + 1, sizeof(uint64_t));
	hb = pd__reallocarray(NULL, m + 1, sizeof(uint64_t));
	if (n == 1 && m == 1) {
		ha[0] = 0;     /* known to differ */
		hb[0] = 1;
	} else {
		for (i = 0; i < n; i++)
			ha[i] = block_hash(pd_vec_get(&a->blocks, pre + i));
		for (i = 0; i < m; i++)
			hb[i] = block_hash(pd_vec_get(&b->blocks, pre + i));
	}
	p.cb = cb;
	p.payload = payload;
	st.a = a;
	st.b = b;
	st.base = 0;
	st.cb = pairing_cb;
	st.payload = &p;
	error = align_range(PD_TEXTDIFF_EQUAL, 0, pre, 0, pre, &st);
	st.base = pre;
	if (!error)
		error = pd_textdiff__seq(ha, n, hb, m, align_range, &st);
	st.base = 0;
	if (!error)
		error = align_range(PD_TEXTDIFF_EQUAL, pre + n, suf, pre + m,
		                    suf, &st);
	if (!error)
		error = flush_pending(&p);
	free((void *)p.pending);
	free(ha);
	free(hb);
	return error;
}

int pd_changes__body_differs(const pd_section *a, const pd_section *b)
{
	size_t i;

	if (a->blocks.size != b->blocks.size)
		return 1;
	for (i = 0; i < a->blocks.size; i++) {
		const pd_block *x = pd_vec_get(&a->blocks, i);
		const pd_block *y = pd_vec_get(&b->blocks, i);

		if (x->len != y->len || memcmp(x->text, y->text, x->len))
			return 1;
	}
	return 0;
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

	if (s->display) {
		pd_buf_puts(out, s->display);
		return;
	}
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
 * once and kept in the section (in its document's pool): a parent named
 * by twenty thousand changes is not worked out twenty thousand times.
 */
static const char *display_heading(pd_changes *c, const pd_section *cs)
{
	pd_section *s = (pd_section *)cs;
	const pd_document *doc = c->old;
	pd_buf tmp = PD_BUF_INIT;

	if (s->display)
		return s->display;
	pd_changes__display_heading(&tmp, s);
	if (!(s->index < c->old->sections.size &&
	      pd_vec_get(&c->old->sections, s->index) == s))
		doc = c->new_doc;
	s->display = strcmp(tmp.ptr, s->heading) ?
	             pd_pool_strdup(&((pd_document *)doc)->pool, tmp.ptr) :
	             s->heading;
	pd_buf_dispose(&tmp);
	return s->display;
}

static pd_change *structural(pd_changes *c, int op, const pd_section *a,
                             const pd_section *b)
{
	category cat = category_of(a, b);
	pd_change_kind kind = kinds_by_cat[cat][op];
	pd_change *ch;

	if (kind == PD_CHANGE__COUNT)
		return NULL;
	ch = add_change(c, kind);
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

static void structure_changes(pd_changes *c, const pd_match *m)
{
	const pd_document *od = c->old, *nd = c->new_doc;
	unsigned *old_pos = NULL, *new_pos = NULL;
	size_t i;

	for (i = 1; i < nd->sections.size; i++) {
		const pd_section *b = pd_vec_get(&nd->sections, i), *a;
		size_t o = m->n2o[i];
		pd_change *ch;
		int renamed, differs;

		if (ignored(b))
			continue;
		if (o == PD_MATCH_NONE) {
			if (m->n2o[b->parent->index] != PD_MATCH_NONE)
				structural(c, OP_ADDED, NULL, b);
			continue;
		}
		a = pd_vec_get(&od->sections, o);
		if (ignored(a))
			continue;
		renamed = strcmp(a->key, b->key) != 0;
		differs = pd_changes__body_differs(a, b);
		if (renamed && a->synthetic && b->synthetic) {
			/* a goal that is a bullet item: its text is its body */
			structural(c, OP_CHANGED, a, b);
		} else if (renamed) {
			ch = structural(c, OP_RENAMED, a, b);
			ch->similarity = m->similarity[i] >= 0 ? m->similarity[i] :
			                 pd_match__similarity(od, a, nd, b);
			if (differs)
				ch->flags |= PD_CHANGE_BODY_CHANGED;
		}
		if (m->moved[i]) {
			ch = structural(c, OP_MOVED, a, b);
			if (ch && ch->kind == PD_CHANGE_AREA_MOVED) {
				if (!old_pos) {
					old_pos = area_positions(od);
					new_pos = area_positions(nd);
				}
				ch->count = old_pos[a->index];
				ch->total = new_pos[b->index];
			}
		}
		if (!renamed && differs)
			structural(c, OP_CHANGED, a, b);
	}
	for (i = 1; i < od->sections.size; i++) {
		const pd_section *a = pd_vec_get(&od->sections, i);

		if (m->o2n[i] == PD_MATCH_NONE && !ignored(a) &&
		    m->o2n[a->parent->index] != PD_MATCH_NONE)
			structural(c, OP_REMOVED, a, NULL);
	}
	free(old_pos);
	free(new_pos);
}

/* ---- terms renamed throughout ---- */

#define MAX_TERM_WORDS 4
#define MAX_TERMS 256

typedef struct term {
	char *old_text, *new_text;     /* as written */
	char *old_fold, *new_fold;
	unsigned count;
	int capitalised;
	const pd_section *section_a, *section_b;  /* a heading renamed so */
} term;

/* The terms by the hash of their two folded forms: open addressing,
 * a slot holding a term's index + 1 (0: empty), never above half full. */
#define TERM_SLOTS (2 * MAX_TERMS)

typedef struct term_state {
	term *terms;
	size_t n;
	uint64_t key[MAX_TERMS];       /* per term: its slot's hash */
	unsigned short slot[TERM_SLOTS];
	const char *a_text, *b_text;
	pd_textdiff_tokens wa, wb;
	size_t del_off, del_len;       /* pending deleted words */
	int has_del;
	const pd_section *sa, *sb;     /* when diffing headings */
} term_state;

static void trim_span(const char *s, size_t *start, size_t *end)
{
	/* keep from the first word's start to the last word's end */
	size_t pos = *start, ws, wl, last = *start, first = (size_t)-1;

	while (pos < *end && pd_text_next_word(s, *end, &pos, &ws, &wl)) {
		if (first == (size_t)-1)
			first = ws;
		last = ws + wl;
	}
	if (first == (size_t)-1) {
		*end = *start;
		return;
	}
	*start = first;
	*end = last;
}

static int has_letter(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80 ||
		    ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
			return 1;
	return 0;
}

static void note_term(term_state *st, size_t ao, size_t al, size_t bo,
                      size_t bl)
{
	size_t as = st->wa.start[ao], ae = st->wa.start[ao + al];
	size_t bs = st->wb.start[bo], be = st->wb.start[bo + bl];
	pd_buf fa = PD_BUF_INIT, fb = PD_BUF_INIT;
	size_t i, k;
	uint64_t key;

	if (al > MAX_TERM_WORDS || bl > MAX_TERM_WORDS || !al || !bl)
		return;
	trim_span(st->a_text, &as, &ae);
	trim_span(st->b_text, &bs, &be);
	if (as == ae || bs == be || !has_letter(st->a_text + as, ae - as) ||
	    !has_letter(st->b_text + bs, be - bs))
		return;
	pd_text_fold(&fa, st->a_text + as, ae - as);
	pd_text_fold(&fb, st->b_text + bs, be - bs);
	key = pd_text_hash(fa.ptr, fa.size) * 31 +
	      pd_text_hash(fb.ptr, fb.size);
	for (k = (size_t)key & (TERM_SLOTS - 1); st->slot[k];
	     k = (k + 1) & (TERM_SLOTS - 1)) {
		i = st->slot[k] - 1u;
		if (st->key[i] == key &&
		    !strcmp(st->terms[i].old_fold, fa.ptr) &&
		    !strcmp(st->terms[i].new_fold, fb.ptr))
			break;
	}
	if (!st->slot[k]) {
		if (st->n == MAX_TERMS)
			goto done;
		i = st->n;
		st->slot[k] = (unsigned short)(i + 1);
		st->key[i] = key;
		st->terms = pd__reallocarray(st->terms, st->n + 1, sizeof(term));
		memset(&st->terms[i], 0, sizeof(term));
		st->terms[i].old_text = pd__strndup(st->a_text + as, ae - as);
		st->terms[i].new_text = pd__strndup(st->b_text + bs, be - bs);
		st->terms[i].old_fold = pd_buf_detach(&fa);
		st->terms[i].new_fold = pd_buf_detach(&fb);
		st->n++;
	}
	st->terms[i].count++;
	{
		unsigned char c0 = (unsigned char)st->a_text[as];

		unsigned char c1 = (unsigned char)st->a_text[as + 1];

		/* ASCII or Latin-1 capitals (Å, Ä, Ö, É, ...) */
		if ((c0 >= 'A' && c0 <= 'Z') || (c0 == 0xc3 && c1 < 0xa0))
			st->terms[i].capitalised = 1;
	}
	if (st->sa) {
		st->terms[i].section_a = st->sa;
		st->terms[i].section_b = st->sb;
	}
done:
	pd_buf_dispose(&fa);
	pd_buf_dispose(&fb);
}

static int term_range(pd_textdiff_op op, size_t ao, size_t al, size_t bo,
                      size_t bl, void *payload)
{
	term_state *st = payload;

	if (op == PD_TEXTDIFF_DELETE) {
		st->del_off = ao;
		st->del_len = al;
		st->has_del = 1;
		return 0;
	}
	if (op == PD_TEXTDIFF_INSERT && st->has_del)
		note_term(st, st->del_off, st->del_len, bo, bl);
	st->has_del = 0;
	return 0;
}

/*
 * The words of the equal ends of the two texts are the same tokens on
 * both sides, so they are cut off before splitting: the aligner would
 * take them as its common prefix and suffix. What lies between is
 * aligned as before; should one side run out there, the difference is a
 * pure insertion or deletion, which names no term either way.
 */
static void diff_for_terms(term_state *st, const char *a, size_t alen,
                           const char *b, size_t blen)
{
	size_t lo, a_hi, b_hi;

	pd_textdiff__equal_ends(&lo, &a_hi, &b_hi, a, alen, b, blen);
	a += lo;
	b += lo;
	alen = a_hi - lo;
	blen = b_hi - lo;
	st->a_text = a;
	st->b_text = b;
	pd_textdiff__split(&st->wa, a, alen);
	pd_textdiff__split(&st->wb, b, blen);
	st->has_del = 0;
	pd_textdiff__seq(st->wa.hash, st->wa.count, st->wb.hash, st->wb.count,
	                 term_range, st);
	pd_textdiff__words_dispose(&st->wa);
	pd_textdiff__words_dispose(&st->wb);
}

static int term_blocks(pd_block_op op, const pd_block *a, const pd_block *b,
                       void *payload)
{
	if (op == PD_BLOCK_CHANGED)
		diff_for_terms(payload, a->text, a->len, b->text, b->len);
	return 0;
}

/* Does `word` (folded) begin a word somewhere in `text` (folded)? */
static int occurs(const pd_buf *text, const char *word)
{
	const char *p = text->ptr;
	size_t len = strlen(word);

	if (!len)
		return 0;
	while ((p = strstr(p, word)) != NULL) {
		unsigned char prev = p == text->ptr ? ' ' : (unsigned char)p[-1];

		/* a byte >= 0x80 before it is part of a letter */
		if (prev < 0x80 && !((prev | 0x20) >= 'a' && (prev | 0x20) <= 'z') &&
		    !(prev >= '0' && prev <= '9'))
			return 1;
		p += len;
	}
	return 0;
}

/*
 * Does `t` (a folded term) begin a word anywhere in `doc`'s headings and
 * bodies? A word that begins with it shares its stem, so only the texts
 * whose cached words have that stem are folded and searched; a term too
 * short to have a stem as long as PD_STEM_CODEPOINTS (or with digits)
 * is searched for in every text.
 */
static int words_have(const pd_words *w, uint64_t stem)
{
	size_t k;

	for (k = 0; k < w->n; k++)
		if (w->stem[k] == stem)
			return 1;
	return 0;
}

static int doc_has_term(const pd_document *doc, const char *t)
{
	size_t pos = 0, ws, wl, sl = 0, i, j, cps = 0, b;
	uint64_t stem = 0;
	pd_buf fold = PD_BUF_INIT;
	int found = 0;

	if (pd_text_next_word(t, strlen(t), &pos, &ws, &wl)) {
		for (b = ws; b < ws + wl; b++)
			cps += ((unsigned char)t[b] & 0xc0) != 0x80;
		sl = cps > PD_STEM_CODEPOINTS ? pd_text_stem_len(t + ws, wl) : 0;
		if (ws != 0)
			sl = 0;
	}
	if (sl)
		stem = pd_text_hash(t, sl);
	for (i = 0; i < doc->sections.size && !found; i++) {
		const pd_section *s = pd_vec_get(&doc->sections, i);

		if (!sl || words_have(pd_document__heading_words(doc, s), stem)) {
			pd_buf_clear(&fold);
			pd_text_fold(&fold, s->heading, strlen(s->heading));
			found = occurs(&fold, t);
		}
		for (j = 0; j < s->blocks.size && !found; j++) {
			const pd_block *bl = pd_vec_get(&s->blocks, j);

			if (sl && !words_have(pd_document__block_words(doc, bl), stem))
				continue;
			pd_buf_clear(&fold);
			pd_text_fold(&fold, bl->text, bl->len);
			found = occurs(&fold, t);
		}
	}
	pd_buf_dispose(&fold);
	return found;
}

/* Merge inflected forms: (a+s → b+s) counts for (a → b). */
static void merge_inflections(term_state *st)
{
	size_t i, j, *len;

	/* the lengths of the folded forms, old then new, once each */
	len = pd__reallocarray(NULL, 2 * st->n + 1, sizeof(size_t));
	for (i = 0; i < st->n; i++) {
		len[2 * i] = strlen(st->terms[i].old_fold);
		len[2 * i + 1] = strlen(st->terms[i].new_fold);
	}
	for (i = 0; i < st->n; i++) {
		term *t = &st->terms[i];
		size_t la = len[2 * i], lb = len[2 * i + 1];

		for (j = 0; j < st->n; j++) {
			term *u = &st->terms[j];
			size_t ua = len[2 * j], ub = len[2 * j + 1];

			if (i == j || !u->count || ua <= la || ua - la > 4 ||
			    ub <= lb || ua - la != ub - lb)
				continue;
			if (!strncmp(u->old_fold, t->old_fold, la) &&
			    !strncmp(u->new_fold, t->new_fold, lb) &&
			    !strcmp(u->old_fold + la, u->new_fold + lb)) {
				t->count += u->count;
				t->capitalised |= u->capitalised;
				if (!t->section_a) {
					t->section_a = u->section_a;
					t->section_b = u->section_b;
				}
				u->count = 0;
			}
		}
	}
	free(len);
}

static void term_changes(pd_changes *c, const pd_match *m)
{
	const pd_document *od = c->old, *nd = c->new_doc;
	term_state st;
	size_t i, j;

	memset(&st, 0, sizeof(st));
	for (i = 0; i < nd->sections.size; i++) {
		const pd_section *b = pd_vec_get(&nd->sections, i), *a;

		if (m->n2o[i] == PD_MATCH_NONE)
			continue;
		a = pd_vec_get(&od->sections, m->n2o[i]);
		if (strcmp(a->heading, b->heading)) {
			st.sa = a;
			st.sb = b;
			diff_for_terms(&st, a->heading, strlen(a->heading),
			               b->heading, strlen(b->heading));
			st.sa = st.sb = NULL;
		}
		if (pd_changes__body_differs(a, b))
			pd_changes__align_blocks(a, b, term_blocks, &st);
	}
	merge_inflections(&st);
	for (i = 0; i < st.n; i++) {
		term *t = &st.terms[i];
		pd_change *ch;

		/* renamed throughout: gone from the new text, new to the old */
		if (t->count < 2 || !t->capitalised ||
		    doc_has_term(nd, t->old_fold) || doc_has_term(od, t->new_fold))
			continue;
		ch = add_change(c, PD_CHANGE_TERM_RENAMED);
		ch->old_value = pd_pool_strdup(&c->pool, t->old_text);
		ch->new_value = pd_pool_strdup(&c->pool, t->new_text);
		ch->count = t->count;
		if (t->section_a) {
			ch->old_section = t->section_a;
			ch->new_section = t->section_b;
			ch->old_line = t->section_a->line_start;
			ch->new_line = t->section_b->line_start;
		}
	}
	for (j = 0; j < st.n; j++) {
		free(st.terms[j].old_text);
		free(st.terms[j].new_text);
		free(st.terms[j].old_fold);
		free(st.terms[j].new_fold);
	}
	free(st.terms);
}

/*
 * A term renamed together with the heading of its own section: one
 * change says both. A renamed goal area or goal stays a rename of its
 * own, and the term is dropped.
 */
static void fold_terms_into_renames(pd_changes *c)
{
	size_t i, j, k = 0;

	for (i = 0; i < c->count; i++) {
		pd_change *t = &c->items[i];

		if (t->kind != PD_CHANGE_TERM_RENAMED || !t->old_section)
			continue;
		for (j = 0; j < c->count; j++) {
			pd_change *r = &c->items[j];

			if (r->old_section != t->old_section ||
			    r->new_section != t->new_section)
				continue;
			if (r->kind == PD_CHANGE_SECTION_RENAMED) {
				t->flags |= PD_CHANGE_WITH_SECTION |
				            (r->flags & PD_CHANGE_BODY_CHANGED);
				t->similarity = r->similarity;
				r->kind = PD_CHANGE__COUNT;  /* drop */
			} else if (r->kind == PD_CHANGE_AREA_RENAMED ||
			           r->kind == PD_CHANGE_GOAL_RENAMED) {
				t->kind = PD_CHANGE__COUNT;
				break;
			}
		}
	}
	for (i = 0; i < c->count; i++)
		if (c->items[i].kind != PD_CHANGE__COUNT)
			c->items[k++] = c->items[i];
	c->count = k;
}

/*
 * A section whose text differs only where a term was renamed throughout
 * has no change of its own: the term-renamed change says it.
 */
static void replace_terms(pd_buf *out, const char *s, size_t len,
                          const pd_changes *c)
{
	size_t i, pos = 0;

	pd_buf_clear(out);
	while (pos < len) {
		const pd_change *best = NULL;

		for (i = 0; i < c->count; i++) {
			const pd_change *t = &c->items[i];
			size_t tl;

			if (t->kind != PD_CHANGE_TERM_RENAMED)
				continue;
			tl = strlen(t->old_value);
			if (tl && tl <= len - pos && !memcmp(s + pos, t->old_value, tl)) {
				best = t;
				break;
			}
		}
		if (best) {
			pd_buf_puts(out, best->new_value);
			pos += strlen(best->old_value);
		} else {
			pd_buf_putc(out, s[pos++]);
		}
	}
}

static int differs_beyond_terms(const pd_changes *c, const pd_section *a,
                                const pd_section *b)
{
	pd_buf tmp = PD_BUF_INIT;
	size_t i;
	int differs = 0;

	if (a->blocks.size != b->blocks.size)
		return 1;
	for (i = 0; i < a->blocks.size && !differs; i++) {
		const pd_block *x = pd_vec_get(&a->blocks, i);
		const pd_block *y = pd_vec_get(&b->blocks, i);

		replace_terms(&tmp, x->text, x->len, c);
		differs = tmp.size != y->len || memcmp(tmp.ptr, y->text, y->len);
	}
	pd_buf_dispose(&tmp);
	return differs;
}

static void drop_changes_explained_by_terms(pd_changes *c)
{
	size_t i, k = 0, terms = 0;

	for (i = 0; i < c->count; i++)
		terms += c->items[i].kind == PD_CHANGE_TERM_RENAMED;
	if (!terms)
		return;
	for (i = 0; i < c->count; i++) {
		pd_change *ch = &c->items[i];
		int explained = ch->old_section && ch->new_section &&
		        !differs_beyond_terms(c, ch->old_section, ch->new_section);

		if (explained && (ch->kind == PD_CHANGE_SECTION_CHANGED ||
		                  ch->kind == PD_CHANGE_GOAL_CHANGED))
			continue;
		if (explained)
			ch->flags &= ~(unsigned)PD_CHANGE_BODY_CHANGED;
		c->items[k++] = *ch;
	}
	c->count = k;
}

/* ---- themes through every goal area ---- */

#define MAX_THEMES 3
#define MAX_THEME_CANDIDATES 8

typedef struct prefix_count {
	uint64_t hash;
	unsigned areas;          /* areas that have it */
	size_t last_area;        /* to count an area once */
	unsigned occurrences;
	unsigned old_areas;
	size_t old_last;
} prefix_count;

typedef struct prefix_map {
	prefix_count *slots;
	size_t cap, used;
} prefix_map;

/* The slot of `h`: where it is, or the empty slot where it would go. */
static size_t prefix_slot(const prefix_map *pm, uint64_t h)
{
	size_t i = (size_t)h & (pm->cap - 1);

	while (pm->slots[i].hash && pm->slots[i].hash != h)
		i = (i + 1) & (pm->cap - 1);
	return i;
}

/* Double the map (at first: make it), the entries in their slot order. */
static void prefix_grow(prefix_map *pm)
{
	prefix_map bigger;
	size_t k;

	bigger.cap = pm->cap ? pm->cap * 2 : 1024;
	bigger.used = pm->used;
	bigger.slots = pd__calloc(bigger.cap, sizeof(prefix_count));
	for (k = 0; k < pm->cap; k++)
		if (pm->slots[k].hash)
			bigger.slots[prefix_slot(&bigger, pm->slots[k].hash)] =
			        pm->slots[k];
	free(pm->slots);
	*pm = bigger;
}

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

	for (k = 0; k < w->n; k++) {
		uint64_t h = w->stem[k];

		if (!h)
			continue;
		if (tw->old_side) {
			if (!(tw->filter[STEM_WORD(h)] & STEM_BIT(h)))
				continue;
			pc = &pm->slots[prefix_slot(pm, h)];
			if (pc->hash && pc->old_last != tw->area) {
				pc->old_last = tw->area;
				pc->old_areas++;
			}
			continue;
		}
		if ((pm->used + 1) * 2 > pm->cap)
			prefix_grow(pm);
		i = prefix_slot(pm, h);
		pc = &pm->slots[i];
		if (!pc->hash) {
			pc->hash = h;
			pc->last_area = (size_t)-1;
			pc->old_last = (size_t)-1;
			pm->used++;
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
		int c = sl ? candidate_of(tp, pd_text_hash(w, sl)) : -1;
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
typedef struct themes_found {
	char *word[MAX_THEMES];   /* the form each is shown by (heap) */
	unsigned old_areas[MAX_THEMES];
	unsigned nold;            /* the old version's areas */
	size_t n;
} themes_found;

static void find_themes(themes_found *out, const pd_document *od,
                        const pd_document *nd)
{
	prefix_map pm = { NULL, 0, 0 };
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
	for (i = 0, k = 0; i < pm.cap; i++) {
		uint64_t h = pm.slots[i].hash;

		if (h && pm.slots[i].areas == nnew) {
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
	for (i = 0; i < pm.cap; i++) {
		prefix_count *pc = &pm.slots[i];

		if (!pc->hash || pc->areas != nnew ||
		    !(pc->old_areas == 0 || pc->old_areas * 2 < nold))
			continue;
		if (ncands < MAX_THEME_CANDIDATES) {
			cands[ncands++] = pc;
		} else if (pc->occurrences > cands[ncands - 1]->occurrences) {
			cands[ncands - 1] = pc;
		} else {
			continue;
		}
		qsort(cands, ncands, sizeof(cands[0]), cmp_theme);
	}
	if (!ncands) {
		free(pm.slots);
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
	free(pm.slots);
	out->n = nthemes;
}

/* The themes found, as changes, in the order they were found. */
static void add_themes(pd_changes *c, themes_found *tf)
{
	size_t i;

	for (i = 0; i < tf->n; i++) {
		pd_change *ch = add_change(c, PD_CHANGE_THEME_EVERYWHERE);

		ch->new_value = pd_pool_strdup(&c->pool, tf->word[i]);
		ch->count = tf->old_areas[i];
		ch->total = tf->nold;
		free(tf->word[i]);
	}
	tf->n = 0;
}

/*
 * The themes depend on the two documents only, not on how their
 * sections pair: when both documents' word caches are filled (parsed by
 * pd_parse_documents, so that nothing is written to them any more), the
 * themes are found on a thread of their own while the sections are
 * matched.
 */
typedef struct themes_job {
	const pd_document *old, *new_doc;
	themes_found found;
#if PD_THREADS
	pthread_t thread;
#endif
	int started;
} themes_job;

#if PD_THREADS
static void *themes_thread(void *payload)
{
	themes_job *job = payload;

	find_themes(&job->found, job->old, job->new_doc);
	return NULL;
}
#endif

static void themes_start(themes_job *job, const pd_document *old,
                         const pd_document *new_doc)
{
	job->old = old;
	job->new_doc = new_doc;
	job->started = 0;
#if PD_THREADS
	if (old->word_counts_done && new_doc->word_counts_done)
		job->started = pthread_create(&job->thread, NULL, themes_thread,
		                              job) == 0;
#endif
}

static void themes_finish(pd_changes *c, themes_job *job)
{
#if PD_THREADS
	if (job->started)
		pthread_join(job->thread, NULL);
	else
#endif
		find_themes(&job->found, job->old, job->new_doc);
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
} theme_check;

static int has_theme(theme_check *tc, const pd_block *b)
{
	size_t i;

	pd_buf_clear(&tc->fold);
	pd_text_fold(&tc->fold, b->text, b->len);
	for (i = 0; i < tc->n; i++)
		if (occurs(&tc->fold, tc->prefixes[i]))
			return 1;
	return 0;
}

static int theme_block(pd_block_op op, const pd_block *a, const pd_block *b,
                       void *payload)
{
	theme_check *tc = payload;

	if (op == PD_BLOCK_DELETED ||
	    (op == PD_BLOCK_INSERTED && !has_theme(tc, b)) ||
	    (op == PD_BLOCK_CHANGED && (has_theme(tc, a) || !has_theme(tc, b))))
		tc->explained = 0;
	return 0;
}

static void drop_changes_explained_by_themes(pd_changes *c)
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
	pd_buf_init(&tc.fold);
	for (i = 0; i < c->count; i++) {
		pd_change *ch = &c->items[i];

		if (ch->kind == PD_CHANGE_SECTION_CHANGED &&
		    ch->new_section->kind == PD_KIND_AREA) {
			tc.explained = 1;
			pd_changes__align_blocks(ch->old_section, ch->new_section,
			                         theme_block, &tc);
			if (tc.explained)
				continue;
		}
		c->items[k++] = *ch;
	}
	c->count = k;
	pd_buf_dispose(&tc.fold);
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

static void collect_words(uint64_t **out, size_t *n, size_t *cap,
                          const pd_document *doc, const pd_section *s)
{
	size_t i;

	*n = 0;
	for (i = 0; i < s->blocks.size; i++) {
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

static uint64_t fold_hash(const char *text)
{
	pd_buf f = PD_BUF_INIT;
	uint64_t h;

	pd_text_fold(&f, text, strlen(text));
	h = pd_text_hash(f.ptr, f.size);
	pd_buf_dispose(&f);
	return h;
}

/*
 * Counts per word hash, +1 for each old occurrence and -1 for each new
 * one: open addressing, doubled at half full. The hash 0, which marks
 * an empty slot, is counted apart.
 */
typedef struct word_tally {
	uint64_t *keys;
	long long *count;
	size_t cap, used;
	long long zero;
} word_tally;

static size_t tally_slot(const word_tally *t, uint64_t key)
{
	size_t i = (size_t)(key ^ (key >> 32)) & (t->cap - 1);

	while (t->keys[i] && t->keys[i] != key)
		i = (i + 1) & (t->cap - 1);
	return i;
}

static void tally_grow(word_tally *t)
{
	word_tally bigger;
	size_t i, k;

	bigger.cap = t->cap ? t->cap * 2 : 1024;
	bigger.used = t->used;
	bigger.zero = t->zero;
	bigger.keys = pd__calloc(bigger.cap, sizeof(uint64_t));
	bigger.count = pd__reallocarray(NULL, bigger.cap, sizeof(long long));
	for (i = 0; i < t->cap; i++)
		if (t->keys[i]) {
			k = tally_slot(&bigger, t->keys[i]);
			bigger.keys[k] = t->keys[i];
			bigger.count[k] = t->count[i];
		}
	free(t->keys);
	free(t->count);
	*t = bigger;
}

static void tally_add(word_tally *t, const uint64_t *words, size_t n,
                      long long delta)
{
	size_t j, i;

	for (j = 0; j < n; j++) {
		if (!words[j]) {
			t->zero += delta;
			continue;
		}
		if ((t->used + 1) * 2 > t->cap)
			tally_grow(t);
		i = tally_slot(t, words[j]);
		if (!t->keys[i]) {
			t->keys[i] = words[j];
			t->count[i] = 0;
			t->used++;
		}
		t->count[i] += delta;
	}
}

void pd_changes__word_difference(unsigned *added, unsigned *removed,
                                 const uint64_t *a, size_t na,
                                 const uint64_t *b, size_t nb)
{
	word_tally t = { NULL, NULL, 0, 0, 0 };
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
	tally_add(&t, a + pre, na, 1);
	tally_add(&t, b + pre, nb, -1);
	for (i = 0; i < t.cap; i++)
		if (t.keys[i] && t.count[i] > 0)
			minus += (unsigned)t.count[i];
		else if (t.keys[i])
			plus += (unsigned)-t.count[i];
	if (t.zero > 0)
		minus += (unsigned)t.zero;
	else
		plus += (unsigned)-t.zero;
	free(t.keys);
	free(t.count);
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

		if ((ch->kind != PD_CHANGE_SECTION_CHANGED &&
		     ch->kind != PD_CHANGE_GOAL_CHANGED) ||
		    !ch->old_section || !ch->new_section)
			continue;
		collect_words(&wc.a, &wc.na, &wc.capa, c->old, ch->old_section);
		collect_words(&wc.b, &wc.nb, &wc.capb, c->new_doc, ch->new_section);
		for (j = 0; j < wc.na; j++)
			for (k = 0; k < wc.nterms; k++)
				if (wc.a[j] == wc.from[k])
					wc.a[j] = wc.to[k];
		pd_changes__word_difference(&added, &removed, wc.a, wc.na,
		                            wc.b, wc.nb);
		ch->count = added;
		ch->total = removed;
		/* a third of the words new or gone: partly rewritten */
		if (3 * (size_t)(added + removed) >= wc.nb + wc.na && wc.nb)
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
		return 0;
	case PD_CHANGE_THEME_EVERYWHERE:
		return 1;
	case PD_CHANGE_TERM_RENAMED:
		return 2;
	case PD_CHANGE_AREA_ADDED:
	case PD_CHANGE_AREA_REMOVED:
	case PD_CHANGE_AREA_RENAMED:
	case PD_CHANGE_AREA_MOVED:
		return 3;
	case PD_CHANGE_GOAL_ADDED:
	case PD_CHANGE_GOAL_REMOVED:
	case PD_CHANGE_GOAL_RENAMED:
	case PD_CHANGE_GOAL_MOVED:
	case PD_CHANGE_GOAL_CHANGED:
	case PD_CHANGE_TARGET_CHANGED:
	case PD_CHANGE_INDICATOR_ADDED:
	case PD_CHANGE_INDICATOR_REMOVED:
	case PD_CHANGE_INDICATOR_CHANGED:
	case PD_CHANGE_TABLE_HEADER_CHANGED:
		return 4;
	default:
		return 5;
	}
}

typedef struct ordered {
	pd_change change;
	size_t seq;
} ordered;

static int cmp_ordered(const void *pa, const void *pb)
{
	const ordered *a = pa, *b = pb;
	int ra = rank(&a->change), rb = rank(&b->change);

	if (ra != rb)
		return ra < rb ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void sort_changes(pd_changes *c)
{
	ordered *o;
	size_t i;

	if (c->count < 2)
		return;
	o = pd__reallocarray(NULL, c->count, sizeof(*o));
	for (i = 0; i < c->count; i++) {
		o[i].change = c->items[i];
		o[i].seq = i;
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

	themes_start(&themes, old, new_doc);
	pd_match_compute(&m, old, new_doc, threshold);
	c->comparisons = m.comparisons;
	meta_changes(c);
	structure_changes(c, &m);
	term_changes(c, &m);
	fold_terms_into_renames(c);
	themes_finish(c, &themes);
	if (!keep_explained) {
		drop_changes_explained_by_terms(c);
		drop_changes_explained_by_themes(c);
	}
	count_changed_words(c);
	pd_changes__targets(c);
	sort_changes(c);
	pd_match_dispose(&m);
	*out = c;
	return 0;
}

void pd_changes_free(pd_changes *changes)
{
	if (!changes)
		return;
	pd_pool_dispose(&changes->pool);
	free(changes->items);
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

unsigned long long pd_changes_comparisons(const pd_changes *changes)
{
	return changes->comparisons;
}
