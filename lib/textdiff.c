/* SPDX-License-Identifier: MIT */
/*
 * textdiff.c: alignment of sequences (blocks, list items, words) and the
 * word-level difference of two texts. Computation and emission are apart
 * as in git's xdiff: the aligner reports ranges through a callback and
 * the caller decides what to print.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "text.h"
#include "textdiff.h"
#include "thread.h"

/* The steps the alignments of this thread took (pd_textdiff__work). */
static PD_THREAD_LOCAL unsigned long long work;

unsigned long long pd_textdiff__work(void)
{
	return work;
}

static int emit(pd_textdiff_seq_cb cb, void *payload, pd_textdiff_op op,
                size_t ao, size_t al, size_t bo, size_t bl)
{
	if (al == 0 && bl == 0)
		return 0;
	return cb(op, ao, al, bo, bl, payload);
}

/*
 * Myers' forward greedy search over the middle a[0..n) vs b[0..m), the
 * common ends removed. V is indexed by diagonal k = x - y, offset by D.
 * The trace keeps V after each round so that the path can be recovered
 * backwards; edits are collected in reverse, then emitted in order.
 */
typedef struct edit {
	pd_textdiff_op op;
	size_t ao, al, bo, bl;
} edit;

static int myers(const uint64_t *a, size_t n, const uint64_t *b, size_t m,
                 size_t aoff, size_t boff, pd_textdiff_seq_cb cb,
                 void *payload)
{
	size_t max = n + m, dmax, d, width, nedits = 0, i;
	long *v, *trace = NULL, x, y, k;
	edit *edits = NULL;
	int found = 0, error = 0;
	long dfound = 0;

	if (n == 0 || m == 0) {
		if ((error = emit(cb, payload, PD_TEXTDIFF_DELETE, aoff, n,
		                  boff, 0)) != 0)
			return error;
		return emit(cb, payload, PD_TEXTDIFF_INSERT, aoff + n, 0, boff, m);
	}
	dmax = max < PD_TEXTDIFF_MAX_D ? max : PD_TEXTDIFF_MAX_D;
	width = 2 * dmax + 1;
	v = pd__calloc(width, sizeof(long));
	trace = pd__reallocarray(NULL, pd__mul(dmax + 1, width), sizeof(long));
	for (d = 0; d <= dmax && !found; d++) {
		long ld = (long)d;

		for (k = -ld; k <= ld; k += 2) {
			long *vk = &v[k + (long)dmax], x0;

			if (k == -ld || (k != ld && vk[-1] < vk[1]))
				x = vk[1];
			else
				x = vk[-1] + 1;
			y = x - k;
			x0 = x;
			while (x < (long)n && y < (long)m &&
			       a[x] == b[y]) {
				x++;
				y++;
			}
			work += 1 + (unsigned long long)(x - x0);
			*vk = x;
			if (x >= (long)n && y >= (long)m) {
				found = 1;
				dfound = ld;
				break;
			}
		}
		memcpy(trace + d * width, v, width * sizeof(long));
	}
	if (!found) {
		/* too different: the middle is replaced whole */
		free(v);
		free(trace);
		if ((error = emit(cb, payload, PD_TEXTDIFF_DELETE, aoff, n,
		                  boff, 0)) != 0)
			return error;
		return emit(cb, payload, PD_TEXTDIFF_INSERT, aoff + n, 0, boff, m);
	}

	edits = pd__reallocarray(NULL, pd__add(pd__mul((size_t)dfound, 2), 2),
	                         sizeof(edit));
	x = (long)n;
	y = (long)m;
	for (d = (size_t)dfound; ; d--) {
		long ld = (long)d, prev_k, prev_x, prev_y;
		const long *vd;

		k = x - y;
		if (d == 0) {
			if (x > 0)
				edits[nedits++] = (edit){ PD_TEXTDIFF_EQUAL, 0,
				        (size_t)x, 0, (size_t)y };
			break;
		}
		vd = trace + (d - 1) * width + dmax;
		if (k == -ld || (k != ld && vd[k - 1] < vd[k + 1]))
			prev_k = k + 1;
		else
			prev_k = k - 1;
		prev_x = vd[prev_k];
		prev_y = prev_x - prev_k;
		{
			/* the snake after the edit */
			long sx = prev_k == k + 1 ? prev_x : prev_x + 1;
			long sy = sx - k;

			if (x > sx)
				edits[nedits++] = (edit){ PD_TEXTDIFF_EQUAL,
				        (size_t)sx, (size_t)(x - sx), (size_t)sy,
				        (size_t)(y - sy) };
			if (prev_k == k + 1)
				edits[nedits++] = (edit){ PD_TEXTDIFF_INSERT,
				        (size_t)prev_x, 0, (size_t)prev_y, 1 };
			else
				edits[nedits++] = (edit){ PD_TEXTDIFF_DELETE,
				        (size_t)prev_x, 1, (size_t)prev_y, 0 };
		}
		x = prev_x;
		y = prev_y;
	}
	free(v);
	free(trace);

	/* emit in order, merging neighbours of the same kind */
	for (i = nedits; i-- > 0 && !error; ) {
		edit e = edits[i];

		while (i > 0 && edits[i - 1].op == e.op) {
			i--;
			e.al += edits[i].al;
			e.bl += edits[i].bl;
		}
		error = emit(cb, payload, e.op, aoff + e.ao, e.al,
		             boff + e.bo, e.bl);
	}
	free(edits);
	return error;
}

int pd_textdiff__seq(const uint64_t *a, size_t n, const uint64_t *b,
                     size_t m, pd_textdiff_seq_cb cb, void *payload)
{
	size_t pre = 0, suf = 0;
	int error;

	while (pre < n && pre < m && a[pre] == b[pre])
		pre++;
	while (suf < n - pre && suf < m - pre &&
	       a[n - 1 - suf] == b[m - 1 - suf])
		suf++;
	work += pre + suf + 1;
	if ((error = emit(cb, payload, PD_TEXTDIFF_EQUAL, 0, pre, 0, pre)) != 0)
		return error;
	/* (an empty sequence may be NULL, and NULL + 0 is not C) */
	if ((error = myers(n ? a + pre : a, n - pre - suf,
	                   m ? b + pre : b, m - pre - suf,
	                   pre, pre, cb, payload)) != 0)
		return error;
	return emit(cb, payload, PD_TEXTDIFF_EQUAL, n - suf, suf, m - suf, suf);
}

/*
 * Tokens: a token is a word with the non-word bytes that follow it;
 * leading non-word bytes form a token of their own, and a text without
 * words is one token. A token's hash is its word's pd_text_hash(). The
 * words are those of the one word scanner (words.c): its Latin-1 path
 * for a text that has nothing beyond U+00FF, its general path else.
 */
static void grow_tokens(pd_textdiff_tokens *out, size_t *cap)
{
	*cap = pd__mul(*cap, 2);
	out->start = pd__reallocarray(out->start, *cap + 1, sizeof(size_t));
	out->hash = pd__reallocarray(out->hash, *cap, sizeof(uint64_t));
}

static void push_token(pd_textdiff_tokens *out, size_t *cap, size_t start,
                       uint64_t hash)
{
	if (out->count + 1 >= *cap)
		grow_tokens(out, cap);
	out->start[out->count] = start;
	out->hash[out->count++] = hash;
}

static void push_word(pd_textdiff_tokens *out, size_t *cap, const char *s,
                      size_t ws, uint64_t hash)
{
	if (out->count == 0 && ws > 0)
		push_token(out, cap, 0, pd_text_hash(s, ws));
	push_token(out, cap, ws, hash);
}

void pd_textdiff__split(pd_textdiff_tokens *out, const char *s, size_t len)
{
	size_t pos = 0, ws, wl, cap = 16 + len / 8;   /* about a token each */

	out->start = pd__reallocarray(NULL, cap + 1, sizeof(size_t));
	out->hash = pd__reallocarray(NULL, cap, sizeof(uint64_t));
	out->count = 0;
	if (pd_text_is_latin1(s, len)) {
		while (pd_text_next_word_latin1(s, len, &pos, &ws, &wl))
			push_word(out, &cap, s, ws, pd_text_hash(s + ws, wl));
	} else {
		while (pd_text_next_word(s, len, &pos, &ws, &wl))
			push_word(out, &cap, s, ws, pd_text_hash(s + ws, wl));
	}
	if (out->count == 0 && len > 0)
		push_token(out, &cap, 0, pd_text_hash(s, len));
	out->start[out->count] = len;
}

/* A word starts at s[i] after a space: both texts cut there alike. */
static int cut_at(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	return s[i - 1] == ' ' &&
	       (pd_text__word_class[c] & (PD_WORD_LETTER | PD_WORD_DIGIT));
}

void pd_textdiff__equal_ends(size_t *lo, size_t *a_hi, size_t *b_hi,
                             const char *a, size_t alen, const char *b,
                             size_t blen)
{
	size_t min = alen < blen ? alen : blen, pre = 0, suf = 0, i;

	/* the common prefix, by blocks first */
	while (pre + 64 <= min && !memcmp(a + pre, b + pre, 64))
		pre += 64;
	while (pre < min && a[pre] == b[pre])
		pre++;
	while (suf + 64 <= min - pre &&
	       !memcmp(a + alen - suf - 64, b + blen - suf - 64, 64))
		suf += 64;
	while (suf < min - pre && a[alen - 1 - suf] == b[blen - 1 - suf])
		suf++;
	/* the word that starts and the space before it are in both texts */
	*lo = 0;
	for (i = pre; i-- > 1; )
		if (cut_at(a, i)) {
			*lo = i;
			break;
		}
	*a_hi = alen;
	*b_hi = blen;
	for (i = alen - suf + 1; i < alen; i++)
		if (cut_at(a, i)) {
			*a_hi = i;
			*b_hi = i - alen + blen;
			break;
		}
}

void pd_textdiff__words_dispose(pd_textdiff_tokens *w)
{
	free(w->start);
	free(w->hash);
	w->start = NULL;
	w->hash = NULL;
	w->count = 0;
}

typedef struct word_emit {
	const char *a, *b;
	const pd_textdiff_tokens *wa, *wb;
	pd_textdiff_cb cb;
	void *payload;
	int exact;
} word_emit;

/* An equal range whose tokens may differ outside their words ("2013-"
 * and "2013."): the equal runs as they are, each token that differs as
 * a deletion of the old and an insertion of the new. */
static int exact_equal(word_emit *we, size_t ao, size_t bo, size_t n)
{
	size_t i, run = 0;
	int error = 0;

	for (i = 0; i <= n && !error; i++) {
		size_t as = 0, al = 0, bs = 0, bl = 0;

		if (i < n) {
			as = we->wa->start[ao + i];
			al = we->wa->start[ao + i + 1] - as;
			bs = we->wb->start[bo + i];
			bl = we->wb->start[bo + i + 1] - bs;
			if (al == bl && !memcmp(we->a + as, we->b + bs, al))
				continue;
		}
		if (i > run)
			error = we->cb(PD_TEXTDIFF_EQUAL,
			               we->b + we->wb->start[bo + run],
			               we->wb->start[bo + i] -
			               we->wb->start[bo + run], we->payload);
		if (i < n && !error)
			error = we->cb(PD_TEXTDIFF_DELETE, we->a + as, al,
			               we->payload) ||
			        we->cb(PD_TEXTDIFF_INSERT, we->b + bs, bl,
			               we->payload);
		run = i + 1;
	}
	return error;
}

static int word_range(pd_textdiff_op op, size_t ao, size_t al, size_t bo,
                      size_t bl, void *payload)
{
	word_emit *we = payload;

	if (op == PD_TEXTDIFF_INSERT)
		return we->cb(op, we->b + we->wb->start[bo],
		              we->wb->start[bo + bl] - we->wb->start[bo],
		              we->payload);
	if (op == PD_TEXTDIFF_EQUAL && we->exact)
		return exact_equal(we, ao, bo, al);
	/* EQUAL shows the new text: only the words are known equal */
	if (op == PD_TEXTDIFF_EQUAL)
		return we->cb(op, we->b + we->wb->start[bo],
		              we->wb->start[bo + bl] - we->wb->start[bo],
		              we->payload);
	return we->cb(op, we->a + we->wa->start[ao],
	              we->wa->start[ao + al] - we->wa->start[ao], we->payload);
}

static int words(const char *a, size_t alen, const char *b, size_t blen,
                 pd_textdiff_cb cb, void *payload, int exact)
{
	pd_textdiff_tokens wa, wb;
	word_emit we;
	int error;

	pd_textdiff__split(&wa, a, alen);
	pd_textdiff__split(&wb, b, blen);
	we.a = a;
	we.b = b;
	we.wa = &wa;
	we.wb = &wb;
	we.cb = cb;
	we.payload = payload;
	we.exact = exact;
	error = pd_textdiff__seq(wa.hash, wa.count, wb.hash, wb.count,
	                         word_range, &we);
	pd_textdiff__words_dispose(&wb);
	pd_textdiff__words_dispose(&wa);
	return error;
}

int pd_textdiff_words(const char *a, size_t alen, const char *b,
                      size_t blen, pd_textdiff_cb cb, void *payload)
{
	return words(a, alen, b, blen, cb, payload, 0);
}

int pd_textdiff__words_exact(const char *a, size_t alen, const char *b,
                             size_t blen, pd_textdiff_cb cb, void *payload)
{
	return words(a, alen, b, blen, cb, payload, 1);
}

/* ---- block alignment ---- */

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
			ha[i] = ((const pd_block *)pd_vec_get(&a->blocks,
			                              pre + i))->hash;
		for (i = 0; i < m; i++)
			hb[i] = ((const pd_block *)pd_vec_get(&b->blocks,
			                              pre + i))->hash;
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

		if (x->len != y->len || memcmp(x->text, y->text, x->len) ||
		    (x->children_before > 0) != (y->children_before > 0))
			return 1;
	}
	return 0;
}

/* ---- alignments kept ---- */

struct pd_block_step {
	pd_block_op op;
	const pd_block *a, *b;
};

void pd_block_memo_init(pd_block_memo *memo)
{
	memset(memo, 0, sizeof(*memo));
	pd_u64map_init(&memo->index, 2 * sizeof(size_t), 0);
}

void pd_block_memo_dispose(pd_block_memo *memo)
{
	pd_u64map_dispose(&memo->index);
	free(memo->steps);
	memset(memo, 0, sizeof(*memo));
}

static int keep_step(pd_block_op op, const pd_block *a, const pd_block *b,
                     void *payload)
{
	pd_block_memo *memo = payload;

	if (memo->n == memo->cap) {
		memo->cap = memo->cap ? pd__mul(memo->cap, 2) : 256;
		memo->steps = pd__reallocarray(memo->steps, memo->cap,
		                               sizeof(*memo->steps));
	}
	memo->steps[memo->n].op = op;
	memo->steps[memo->n].a = a;
	memo->steps[memo->n].b = b;
	memo->n++;
	return 0;
}

int pd_changes__align_blocks_kept(pd_block_memo *memo, const pd_section *a,
                                  const pd_section *b, pd_block_cb cb,
                                  void *payload)
{
	uint64_t key = (uint64_t)a->index << 32 | (uint64_t)b->index;
	size_t *run, i;
	int added, error = 0;

	run = pd_u64map_val(&memo->index,
	                    pd_u64map_put(&memo->index, key, &added));
	if (added) {
		run[0] = memo->n;
		pd_changes__align_blocks(a, b, keep_step, memo);
		/* nothing is put in the map meanwhile: `run` stays valid */
		run[1] = memo->n - run[0];
	}
	for (i = run[0]; i < run[0] + run[1] && !error; i++)
		error = cb(memo->steps[i].op, memo->steps[i].a,
		           memo->steps[i].b, payload);
	return error;
}
