/* SPDX-License-Identifier: MIT */
/*
 * document_words.c: the words of every heading and block of documents
 * parsed together, folded and hashed (words.c) and counted per section:
 * the last step of a parse (pd_document__fill_words).
 *
 * Two versions of a programme share most of their blocks word for word.
 * A block whose text an earlier block of the set has too, in the same
 * document or an earlier one, is given that block's words instead of
 * hashing them again. Blocks of equal text are found by sorting keys
 * made of their hashes and their places, each document's on a thread of
 * its own, and merging the sorted keys: a run of keys of one hash is one
 * text, or, rarely, texts whose hashes agree, which the texts themselves
 * then tell apart. The blocks left are cut into as many runs of equal
 * bytes as there are documents, each hashed on a thread of its own into
 * a pool of its own; the pools are kept in a store that every document
 * of the set holds and the last one to go frees.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "document.h"
#include "text.h"
#include "thread.h"
#include "vec.h"

struct pd_words_store {
	pd_pool *pools;         /* one per run */
	size_t n;
	size_t holders;         /* documents holding it; under the lock */
};

/* One document's blocks, in document order, from `first` on in `all`. */
typedef struct doc_blocks {
	pd_document *doc;
	pd_block **all;         /* every document's blocks, one after another */
	const pd_block **same;  /* per block of `all`: the earlier block of
	                           the same hash whose words it takes when
	                           its text is the same too, or NULL */
	size_t first, n;
	unsigned place_bits;    /* low bits of a key: its place in `all` */
	uint64_t *keys;         /* sorted: the hash's high bits, the place */
	pd_buf words, fold;     /* scratch for the headings */
} doc_blocks;

/* A run of the blocks to hash, and where their words go. */
typedef struct run {
	pd_block **blocks;
	size_t n;
	pd_pool *pool;
} run;

/* The words of one text, folded and hashed, into `pool`. */
static void hash_words(pd_words *w, pd_pool *pool, pd_buf *tmp,
                       pd_buf *fold, const char *text, size_t len)
{
	size_t n = 0, i;
	uint64_t *hash;
	uint32_t *stem;

	pd_buf_clear(tmp);
	/* hash and stem of each word, side by side in `tmp`, then exact-size;
	 * Latin-1 text in one pass, anything else folded and split */
	if (!pd_text_hash_words(tmp, &n, text, len))
		n = pd_text_hash_words_folded(tmp, fold, text, len);
	hash = pd_pool_malloc(pool, pd__mul(n ? n : 1,
	                      sizeof(uint64_t) + sizeof(uint32_t)));
	stem = (uint32_t *)(hash + n);
	for (i = 0; i < n; i++) {
		uint64_t pairv[2];

		memcpy(pairv, tmp->ptr + i * sizeof(pairv), sizeof(pairv));
		hash[i] = pairv[0];
		stem[i] = pd_text_stem_key(pairv[1]);
	}
	w->hash = hash;
	w->stem = stem;
	w->n = n;
}

/* The blocks of `d->doc`, in order, into its part of `all`. */
static void list_blocks(doc_blocks *d)
{
	const pd_vec *sections = &d->doc->sections;
	size_t i, j, at = d->first;

	for (i = 0; i < sections->size; i++) {
		const pd_section *s = pd_vec_get(sections, i);

		for (j = 0; j < s->blocks.size; j++)
			d->all[at++] = pd_vec_get(&s->blocks, j);
	}
	d->n = at - d->first;
}

/* The sorted keys of `d`'s blocks. */
static void sort_keys(void *payload)
{
	doc_blocks *d = payload;
	uint64_t place_mask = ((uint64_t)1 << d->place_bits) - 1;
	size_t i;

	d->keys = pd__reallocarray(NULL, d->n ? d->n : 1, sizeof(*d->keys));
	for (i = 0; i < d->n; i++)
		d->keys[i] = (d->all[d->first + i]->hash & ~place_mask) |
		             (d->first + i);
	pd__sort_u64(d->keys, d->n);
}

/*
 * Each block after the first of its hash gets that one as its `same`:
 * the keys of all documents merged, smallest first, so that the first
 * of a hash is the first in `all`.
 */
static void merge_keys(doc_blocks *d, size_t n)
{
	uint64_t place_mask = ((uint64_t)1 << d[0].place_bits) - 1;
	size_t *at = pd__calloc(n, sizeof(*at)), i;
	const pd_block *first = NULL;
	uint64_t hash = 0;

	for (;;) {
		size_t pick = n;
		uint64_t key;

		for (i = 0; i < n; i++)
			if (at[i] < d[i].n && (pick == n ||
			    d[i].keys[at[i]] < d[pick].keys[at[pick]]))
				pick = i;
		if (pick == n)
			break;
		key = d[pick].keys[at[pick]++];
		if (first && (key & ~place_mask) == hash) {
			d[0].same[key & place_mask] = first;
			continue;
		}
		first = d[0].all[key & place_mask];
		hash = key & ~place_mask;
	}
	free(at);
}

static void hash_run(void *payload)
{
	run *r = payload;
	pd_buf tmp = PD_BUF_INIT, fold = PD_BUF_INIT;
	size_t i;

	for (i = 0; i < r->n; i++)
		hash_words(&r->blocks[i]->words, r->pool, &tmp, &fold,
		           r->blocks[i]->text, r->blocks[i]->len);
	pd_buf_dispose(&tmp);
	pd_buf_dispose(&fold);
}

/* The headings' words, the blocks' taken from their equals, the counts. */
static void finish_doc(void *payload)
{
	doc_blocks *d = payload;
	pd_document *doc = d->doc;
	size_t i, j, k = 0;

	pd_counts_grow(&doc->word_counts);
	for (i = 0; i < doc->sections.size; i++) {
		pd_section *s = pd_vec_get(&doc->sections, i);

		hash_words(&s->heading_words, &doc->pool, &d->words, &d->fold,
		           s->heading, strlen(s->heading));
		pd_counts_add(&doc->word_counts, s->heading_words.hash,
		              s->heading_words.n, i);
		for (j = 0; j < s->blocks.size; j++, k++) {
			pd_block *b = pd_vec_get(&s->blocks, j);
			const pd_block *like = d->same[d->first + k];

			if (like && like->len == b->len &&
			    !memcmp(like->text, b->text, b->len))
				b->words = like->words;
			else if (like)    /* the same hash, not the same text */
				hash_words(&b->words, &doc->pool, &d->words, &d->fold,
				           b->text, b->len);
			pd_counts_add(&doc->word_counts, b->words.hash,
			              b->words.n, i);
		}
	}
	pd_buf_dispose(&d->words);
	pd_buf_dispose(&d->fold);
}

void pd_document__fill_words(pd_document **docs, size_t n)
{
	pd_words_store *store;
	doc_blocks *d;
	run *runs;
	pd_block **all, **firsts;
	const pd_block **same;
	size_t i, j, blocks = 0, nfirsts, total = 0, at, bytes;
	unsigned bits = 1;

	if (!n)
		return;
	store = pd__calloc(1, sizeof(*store));
	store->pools = pd__calloc(n, sizeof(*store->pools));
	store->n = n;
	store->holders = n;
	for (i = 0; i < n; i++) {
		const pd_vec *sections = &docs[i]->sections;

		pd_pool_init(&store->pools[i]);
		docs[i]->words_store = store;
		for (j = 0; j < sections->size; j++)
			blocks = pd__add(blocks, ((const pd_section *)
			                 pd_vec_get(sections, j))->blocks.size);
	}
	all = pd__reallocarray(NULL, blocks ? blocks : 1, sizeof(*all));
	same = pd__calloc(blocks ? blocks : 1, sizeof(*same));
	while (bits < 63 && ((uint64_t)1 << bits) < blocks)
		bits++;
	d = pd__calloc(n, sizeof(*d));
	for (i = 0, at = 0; i < n; i++) {
		d[i].doc = docs[i];
		d[i].all = all;
		d[i].same = same;
		d[i].first = at;
		d[i].place_bits = bits;
		list_blocks(&d[i]);
		at += d[i].n;
	}
	/* the blocks hashed: the first of each text (all, for one document) */
	firsts = all;
	nfirsts = blocks;
	if (n > 1) {
		pd_thread__each(sort_keys, d, sizeof(*d), n);
		merge_keys(d, n);
		/* in the order of the text: read straight through */
		firsts = pd__reallocarray(NULL, blocks ? blocks : 1,
		                          sizeof(*firsts));
		for (i = 0, nfirsts = 0; i < blocks; i++)
			if (!same[i])
				firsts[nfirsts++] = all[i];
	}
	for (i = 0; i < nfirsts; i++)
		total = pd__add(total, firsts[i]->len);
	/* n runs of about total / n bytes each */
	runs = pd__calloc(n, sizeof(*runs));
	for (i = 0, at = 0, bytes = 0; i < n; i++) {
		size_t end = total / n * (i + 1);

		runs[i].blocks = firsts + at;
		runs[i].pool = &store->pools[i];
		while (at < nfirsts && (i + 1 == n || bytes < end)) {
			bytes += firsts[at++]->len;
			runs[i].n++;
		}
	}
	pd_thread__each(hash_run, runs, sizeof(*runs), n);
	pd_thread__each(finish_doc, d, sizeof(*d), n);
	for (i = 0; i < n; i++)
		free(d[i].keys);
	if (firsts != all)
		free(firsts);
	free(all);
	free((void *)same);
	free(runs);
	free(d);
}

void pd_document__release_words(pd_document *doc)
{
	pd_words_store *store = doc->words_store;
	size_t i;
	int last;

	if (!store)
		return;
	doc->words_store = NULL;
	pd_thread__lock();
	last = --store->holders == 0;
	pd_thread__unlock();
	if (!last)
		return;
	for (i = 0; i < store->n; i++)
		pd_pool_dispose(&store->pools[i]);
	free(store->pools);
	free(store);
}
