/* SPDX-License-Identifier: MIT */
/*
 * changes_terms.c: terms renamed throughout: a name replaced by another
 * in several places of paired blocks and headings, and nowhere left in
 * the new text, found in the word differences of the paired blocks. A
 * heading rename that only renames a term is folded into the term, and
 * a text change that the renamed terms explain is dropped.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "changes.h"
#include "text.h"
#include "textdiff.h"
#include "thread.h"
#include "u64map.h"

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

typedef struct term_state {
	term *terms;
	size_t n;
	pd_u64map index;   /* the hash of a term's two folded forms ->
	                      its index in `terms` */
} term_state;

/*
 * A run of words replaced by another in a paired text: a term, maybe.
 * Found in the paired texts (on two threads, for many pairs), then
 * counted in the order they were found (on one).
 */
typedef struct span {
	const char *a, *b;
	size_t alen, blen;
	const pd_section *sa, *sb;     /* a heading renamed so */
} span;

typedef struct span_finder {
	const pd_changes *c;
	const pd_match *m;
	size_t from, to;               /* the new sections to pair up */
	pd_block_memo *aligned;        /* the change list's, or one's own */
	pd_block_memo own;
	span *spans;
	size_t n, cap;
	const char *a_text, *b_text;
	pd_textdiff_tokens wa, wb;
	size_t del_off, del_len;       /* pending deleted words */
	int has_del;
	const pd_section *sa, *sb;     /* when diffing headings */
} span_finder;

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

/* A replaced run, its ends trimmed to words, kept when it may be a term. */
static void keep_span(span_finder *f, size_t ao, size_t al, size_t bo,
                      size_t bl)
{
	size_t as = f->wa.start[ao], ae = f->wa.start[ao + al];
	size_t bs = f->wb.start[bo], be = f->wb.start[bo + bl];
	span *sp;

	if (al > MAX_TERM_WORDS || bl > MAX_TERM_WORDS || !al || !bl)
		return;
	trim_span(f->a_text, &as, &ae);
	trim_span(f->b_text, &bs, &be);
	if (as == ae || bs == be || !has_letter(f->a_text + as, ae - as) ||
	    !has_letter(f->b_text + bs, be - bs))
		return;
	if (f->n == f->cap) {
		f->cap = f->cap ? pd__mul(f->cap, 2) : 64;
		f->spans = pd__reallocarray(f->spans, f->cap, sizeof(*f->spans));
	}
	sp = &f->spans[f->n++];
	sp->a = f->a_text + as;
	sp->alen = ae - as;
	sp->b = f->b_text + bs;
	sp->blen = be - bs;
	sp->sa = f->sa;
	sp->sb = f->sb;
}

static void note_term(term_state *st, const span *sp)
{
	pd_buf fa = PD_BUF_INIT, fb = PD_BUF_INIT;
	size_t i, *at;
	uint64_t key;
	int added;

	pd_text_fold(&fa, sp->a, sp->alen);
	pd_text_fold(&fb, sp->b, sp->blen);
	key = pd_text_hash(fa.ptr, fa.size) * 31 +
	      pd_text_hash(fb.ptr, fb.size);
	if (st->index.used == MAX_TERMS &&
	    pd_u64map_find(&st->index, key) == PD_U64MAP_NONE)
		goto done;
	at = pd_u64map_val(&st->index, pd_u64map_put(&st->index, key, &added));
	if (added) {
		i = *at = st->n;
		st->terms = pd__reallocarray(st->terms, st->n + 1, sizeof(term));
		memset(&st->terms[i], 0, sizeof(term));
		st->terms[i].old_text = pd__strndup(sp->a, sp->alen);
		st->terms[i].new_text = pd__strndup(sp->b, sp->blen);
		st->terms[i].old_fold = pd_buf_detach(&fa);
		st->terms[i].new_fold = pd_buf_detach(&fb);
		st->n++;
	} else {
		i = *at;
		/* another pair of the same hash is passed over, as when full */
		if (strcmp(st->terms[i].old_fold, fa.ptr) ||
		    strcmp(st->terms[i].new_fold, fb.ptr))
			goto done;
	}
	st->terms[i].count++;
	{
		unsigned char c0 = (unsigned char)sp->a[0];
		unsigned char c1 = sp->alen > 1 ? (unsigned char)sp->a[1] : 0;

		/* ASCII or Latin-1 capitals (Å, Ä, Ö, É, ...) */
		if ((c0 >= 'A' && c0 <= 'Z') || (c0 == 0xc3 && c1 < 0xa0))
			st->terms[i].capitalised = 1;
	}
	if (sp->sa) {
		st->terms[i].section_a = sp->sa;
		st->terms[i].section_b = sp->sb;
	}
done:
	pd_buf_dispose(&fa);
	pd_buf_dispose(&fb);
}

static int term_range(pd_textdiff_op op, size_t ao, size_t al, size_t bo,
                      size_t bl, void *payload)
{
	span_finder *f = payload;

	if (op == PD_TEXTDIFF_DELETE) {
		f->del_off = ao;
		f->del_len = al;
		f->has_del = 1;
		return 0;
	}
	if (op == PD_TEXTDIFF_INSERT && f->has_del)
		keep_span(f, f->del_off, f->del_len, bo, bl);
	f->has_del = 0;
	return 0;
}

/*
 * The words of the equal ends of the two texts are the same tokens on
 * both sides, so they are cut off before splitting: the aligner would
 * take them as its common prefix and suffix. What lies between is
 * aligned as before; should one side run out there, the difference is a
 * pure insertion or deletion, which names no term either way.
 */
static void diff_for_terms(span_finder *f, const char *a, size_t alen,
                           const char *b, size_t blen)
{
	size_t lo, a_hi, b_hi;

	pd_textdiff__equal_ends(&lo, &a_hi, &b_hi, a, alen, b, blen);
	a += lo;
	b += lo;
	alen = a_hi - lo;
	blen = b_hi - lo;
	f->a_text = a;
	f->b_text = b;
	pd_textdiff__split(&f->wa, a, alen);
	pd_textdiff__split(&f->wb, b, blen);
	f->has_del = 0;
	pd_textdiff__seq(f->wa.hash, f->wa.count, f->wb.hash, f->wb.count,
	                 term_range, f);
	pd_textdiff__words_dispose(&f->wa);
	pd_textdiff__words_dispose(&f->wb);
}

static int span_blocks(pd_block_op op, const pd_block *a, const pd_block *b,
                       void *payload)
{
	if (op == PD_BLOCK_CHANGED)
		diff_for_terms(payload, a->text, a->len, b->text, b->len);
	return 0;
}

/* Does `word` (folded) begin a word somewhere in `text` (folded)? */
int pd_changes__occurs(const pd_buf *text, const char *word)
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
static int words_have(const pd_words *w, uint32_t stem)
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
	uint32_t stem = 0;
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
		stem = pd_text_stem_key(pd_text_hash(t, sl));
	for (i = 0; i < doc->sections.size && !found; i++) {
		const pd_section *s = pd_vec_get(&doc->sections, i);

		if (!sl || words_have(pd_document__heading_words(doc, s), stem)) {
			pd_buf_clear(&fold);
			pd_text_fold(&fold, s->heading, strlen(s->heading));
			found = pd_changes__occurs(&fold, t);
		}
		for (j = 0; j < s->blocks.size && !found; j++) {
			const pd_block *bl = pd_vec_get(&s->blocks, j);

			if (sl && !words_have(pd_document__block_words(doc, bl), stem))
				continue;
			pd_buf_clear(&fold);
			pd_text_fold(&fold, bl->text, bl->len);
			found = pd_changes__occurs(&fold, t);
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

/* The replaced runs of the pairs of new sections [f->from, f->to). */
static void find_spans(span_finder *f)
{
	const pd_document *od = f->c->old, *nd = f->c->new_doc;
	size_t i;

	for (i = f->from; i < f->to; i++) {
		const pd_section *b = pd_vec_get(&nd->sections, i), *a;

		if (f->m->n2o[i] == PD_MATCH_NONE)
			continue;
		a = pd_vec_get(&od->sections, f->m->n2o[i]);
		if (strcmp(a->heading, b->heading)) {
			f->sa = a;
			f->sb = b;
			diff_for_terms(f, a->heading, strlen(a->heading),
			               b->heading, strlen(b->heading));
			f->sa = f->sb = NULL;
		}
		if (pd_changes__body_differs(a, b))
			pd_changes__align_blocks_kept(f->aligned, a, b,
			                              span_blocks, f);
	}
}

static void find_spans_task(void *payload)
{
	find_spans(payload);
}

/*
 * Paired blocks beyond which the replaced runs are found on two threads,
 * each over half of them; the second aligns its pairs in an alignment
 * memory of its own, and the targets align those again.
 */
#define SPANS_ON_TWO_THREADS 1024

/* Where the paired new sections split into halves of as many blocks. */
static size_t halfway(const pd_changes *c, const pd_match *m)
{
	const pd_document *nd = c->new_doc;
	size_t i, total = 0, so_far = 0;

	for (i = 0; i < nd->sections.size; i++)
		if (m->n2o[i] != PD_MATCH_NONE)
			total += ((const pd_section *)pd_vec_get(&nd->sections,
			          i))->blocks.size + 1;
	if (total < SPANS_ON_TWO_THREADS)
		return nd->sections.size;
	for (i = 0; i < nd->sections.size && 2 * so_far < total; i++)
		if (m->n2o[i] != PD_MATCH_NONE)
			so_far += ((const pd_section *)pd_vec_get(&nd->sections,
			           i))->blocks.size + 1;
	return i;
}

void pd_changes__term_changes(pd_changes *c, const pd_match *m)
{
	const pd_document *od = c->old, *nd = c->new_doc;
	span_finder f[2];
	pd_thread helper;
	term_state st;
	size_t i, j, k, mid = halfway(c, m);

	memset(&st, 0, sizeof(st));
	pd_u64map_init(&st.index, sizeof(size_t), MAX_TERMS);
	memset(f, 0, sizeof(f));
	for (k = 0; k < 2; k++) {
		f[k].c = c;
		f[k].m = m;
	}
	f[0].aligned = &c->aligned;
	f[0].to = mid;
	pd_block_memo_init(&f[1].own);
	f[1].aligned = &f[1].own;
	f[1].from = mid;
	f[1].to = nd->sections.size;
	/* the first half here, the second beside it; counted in order */
	if (mid < nd->sections.size)
		pd_thread__start(&helper, find_spans_task, &f[1]);
	find_spans(&f[0]);
	if (mid < nd->sections.size)
		pd_thread__join(&helper);
	for (k = 0; k < 2; k++) {
		for (j = 0; j < f[k].n; j++)
			note_term(&st, &f[k].spans[j]);
		free(f[k].spans);
	}
	pd_block_memo_dispose(&f[1].own);
	merge_inflections(&st);
	for (i = 0; i < st.n; i++) {
		term *t = &st.terms[i];
		pd_change *ch;

		/* renamed throughout: gone from the new text, new to the old */
		if (t->count < 2 || !t->capitalised ||
		    doc_has_term(nd, t->old_fold) || doc_has_term(od, t->new_fold))
			continue;
		ch = pd_changes__add_change(c, PD_CHANGE_TERM_RENAMED);
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
	pd_u64map_dispose(&st.index);
}

/*
 * A term renamed together with the heading of its own section: one
 * change says both. A renamed goal area or goal stays a rename of its
 * own, and the term is dropped.
 */
void pd_changes__fold_terms_into_renames(pd_changes *c)
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

void pd_changes__drop_changes_explained_by_terms(pd_changes *c)
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
		                  ch->kind == PD_CHANGE_GOAL_CHANGED ||
		                  ch->kind == PD_CHANGE_PREAMBLE_CHANGED))
			continue;
		if (explained)
			ch->flags &= ~(unsigned)PD_CHANGE_BODY_CHANGED;
		c->items[k++] = *ch;
	}
	c->count = k;
}
