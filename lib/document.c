/* SPDX-License-Identifier: MIT */
/*
 * document.c: the document and its metadata; construction helpers used
 * by the parser. Everything lives in the document's pool.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "document.h"
#include "text.h"

pd_document *pd_document__new(void)
{
	pd_document *doc = pd__calloc(1, sizeof(*doc));

	pd_pool_init(&doc->pool);
	pd_buf_init(&doc->scratch);
	pd_buf_init(&doc->scratch_words);
	doc->lang = PD_LANG_SV;
	doc->source = "";
	doc->root = pd_pool_calloc(&doc->pool, sizeof(pd_section));
	doc->root->heading = "";
	doc->root->key = "";
	doc->root->kind = PD_KIND_PROGRAMME;
	doc->root->line_start = 1;
	pd_vec_push(&doc->sections, doc->root);
	return doc;
}

pd_section *pd_document__add_section(pd_document *doc, pd_section *parent,
                                     const char *heading, int level,
                                     unsigned line)
{
	pd_section *s = pd_pool_calloc(&doc->pool, sizeof(*s));

	s->heading = pd_pool_strdup(&doc->pool, heading);
	s->key = s->heading;
	s->level = level;
	s->parent = parent;
	s->line_start = s->line_end = line;
	s->index = doc->sections.size;
	s->child_index = parent->children.size;
	pd_vec_push(&parent->children, s);
	pd_vec_push(&doc->sections, s);
	return s;
}

pd_block *pd_section__add_block(pd_document *doc, pd_section *s,
                                pd_block_type type, const char *text,
                                size_t len, unsigned line)
{
	return pd_section__add_pooled_block(doc, s, type,
	        pd_pool_strndup(&doc->pool, text, len), len, line);
}

pd_block *pd_section__add_pooled_block(pd_document *doc, pd_section *s,
                                       pd_block_type type, const char *text,
                                       size_t len, unsigned line)
{
	pd_block *b = pd_pool_calloc(&doc->pool, sizeof(*b));

	b->text = text;
	b->len = len;
	b->line = line;
	b->type = type;
	b->children_before = (unsigned)s->children.size;
	pd_vec_push(&s->blocks, b);
	return b;
}

/* The words of one text, folded and hashed, into the document's pool. */
static void fill_words(pd_document *doc, pd_words *w, const char *text,
                       size_t len)
{
	size_t n = 0, i;
	uint64_t *hash;
	uint32_t *stem;
	pd_buf *tmp = &doc->scratch_words;

	pd_buf_clear(tmp);
	/* hash and stem of each word, side by side in `tmp`, then exact-size;
	 * Latin-1 text in one pass, anything else folded and split */
	if (!pd_text_hash_words(tmp, &n, text, len))
		n = pd_text_hash_words_folded(tmp, &doc->scratch, text, len);
	hash = pd_pool_malloc(&doc->pool, pd__mul(n ? n : 1,
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

void pd_document__fill_words(pd_document *doc)
{
	size_t i, j;

	pd_counts_grow(&doc->word_counts);
	for (i = 0; i < doc->sections.size; i++) {
		pd_section *s = pd_vec_get(&doc->sections, i);

		fill_words(doc, &s->heading_words, s->heading,
		           strlen(s->heading));
		pd_counts_add(&doc->word_counts, s->heading_words.hash,
		              s->heading_words.n, i);
		for (j = 0; j < s->blocks.size; j++) {
			pd_block *b = pd_vec_get(&s->blocks, j);

			fill_words(doc, &b->words, b->text, b->len);
			pd_counts_add(&doc->word_counts, b->words.hash,
			              b->words.n, i);
		}
	}
	pd_buf_dispose(&doc->scratch);
	pd_buf_dispose(&doc->scratch_words);
}

const pd_words *pd_document__block_words(const pd_document *doc,
                                         const pd_block *b)
{
	(void)doc;
	return &b->words;
}

const pd_words *pd_document__heading_words(const pd_document *doc,
                                           const pd_section *s)
{
	(void)doc;
	return &s->heading_words;
}

const pd_counts *pd_document__word_counts(const pd_document *doc)
{
	return &doc->word_counts;
}

void pd_document_free(pd_document *doc)
{
	size_t i;

	if (!doc)
		return;
	for (i = 0; i < doc->sections.size; i++) {
		pd_section *s = pd_vec_get(&doc->sections, i);

		pd_vec_dispose(&s->children);
		pd_vec_dispose(&s->blocks);
	}
	pd_vec_dispose(&doc->sections);
	pd_counts_dispose(&doc->word_counts);
	pd_vec_dispose(&doc->areas);
	pd_buf_dispose(&doc->scratch);
	pd_buf_dispose(&doc->scratch_words);
	pd_pool_dispose(&doc->pool);
	free(doc);
}

const pd_meta *pd_document_meta(const pd_document *doc)
{
	return &doc->meta;
}

const pd_section *pd_document_root(const pd_document *doc)
{
	return doc->root;
}

pd_lang pd_document_lang(const pd_document *doc)
{
	return doc->lang;
}

size_t pd_document_section_count(const pd_document *doc)
{
	return doc->sections.size;
}

const pd_section *pd_document_section(const pd_document *doc, size_t i)
{
	return i < doc->sections.size ? pd_vec_get(&doc->sections, i) : NULL;
}

size_t pd_document_area_count(const pd_document *doc)
{
	return doc->areas.size;
}

const pd_section *pd_document_area(const pd_document *doc, size_t i)
{
	return i < doc->areas.size ? pd_vec_get(&doc->areas, i) : NULL;
}

const char *pd_document_source(const pd_document *doc, size_t *len_out)
{
	if (len_out)
		*len_out = doc->source_len;
	return doc->source;
}
