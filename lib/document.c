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
	b->hash = pd_text_hash(text, len);
	b->line = line;
	b->type = type;
	b->children_before = (unsigned)s->children.size;
	pd_vec_push(&s->blocks, b);
	return b;
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
	pd_document__release_words(doc);
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
