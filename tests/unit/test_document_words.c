/* SPDX-License-Identifier: MIT */
/*
 * test_document_words.c: the words of documents parsed together
 * (document_words.c): a block of the same text as an earlier one, in
 * its document or an earlier one, shares that block's words; a block of
 * the same hash but other text has its own; every block has the words
 * it has when its document is filled alone; the documents may go in any
 * order (the sanitizers see memory used after it went).
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "document.h"
#include "parse.h"
#include "text.h"

static int same_words(const pd_words *a, const pd_words *b)
{
	return a->n == b->n &&
	       (!a->n || (!memcmp(a->hash, b->hash, a->n * sizeof(*a->hash)) &&
	                  !memcmp(a->stem, b->stem, a->n * sizeof(*a->stem))));
}

/* A document of one section of the `n` texts, as blocks. */
static pd_document *doc_of(const char *const *texts, size_t n)
{
	pd_document *doc = pd_document__new();
	pd_section *s = pd_document__add_section(doc, doc->root, "Mål", 2, 1);
	size_t i;

	for (i = 0; i < n; i++)
		pd_section__add_block(doc, s, PD_BLOCK_PARAGRAPH, texts[i],
		                      strlen(texts[i]), (unsigned)(i + 3));
	return doc;
}

static const pd_block *block(const pd_document *doc, size_t i)
{
	const pd_section *s = pd_document_section(doc, 1);

	return pd_vec_get(&s->blocks, i);
}

static void test_document_words__equal_blocks_share(void)
{
	static const char *const a[] = { "Skolan ska vara trygg.",
	                                 "Vården når alla.",
	                                 "Skolan ska vara trygg." };
	static const char *const b[] = { "Vården når alla.",
	                                 "Nya vägar byggs.",
	                                 "Skolan ska vara trygg." };
	pd_document *docs[2];
	pd_document *alone_a = doc_of(a, 3), *alone_b = doc_of(b, 3);
	size_t i;

	docs[0] = doc_of(a, 3);
	docs[1] = doc_of(b, 3);
	pd_document__fill_words(docs, 2);
	pd_document__fill_words(&alone_a, 1);
	pd_document__fill_words(&alone_b, 1);
	OK(block(docs[0], 2)->words.hash == block(docs[0], 0)->words.hash,
	   "a repeat in its own document shares the first one's words");
	OK(block(docs[1], 0)->words.hash == block(docs[0], 1)->words.hash,
	   "a block of the other document's text shares its words");
	OK(block(docs[1], 2)->words.hash == block(docs[0], 0)->words.hash,
	   "the first of the text's, not a later one's");
	OK(block(docs[1], 1)->words.hash != block(docs[0], 0)->words.hash &&
	   block(docs[1], 1)->words.hash != block(docs[0], 1)->words.hash,
	   "a text of its own has words of its own");
	for (i = 0; i < 3; i++) {
		OK(same_words(&block(docs[0], i)->words, &block(alone_a, i)->words),
		   "the first document's words as filled alone");
		OK(same_words(&block(docs[1], i)->words, &block(alone_b, i)->words),
		   "the second document's words as filled alone");
	}
	INT_EQ(pd_counts_get(pd_document__word_counts(docs[1]),
	                     block(alone_b, 1)->words.hash[0]), 1,
	       "the words counted in their document");
	/* the first goes first: the second's shared words stay */
	pd_document_free(docs[0]);
	OK(same_words(&block(docs[1], 2)->words, &block(alone_b, 2)->words),
	   "the shared words outlive the document they were first found in");
	pd_document_free(docs[1]);
	pd_document_free(alone_a);
	pd_document_free(alone_b);
}

static void test_document_words__same_hash_other_text(void)
{
	static const char *const a[] = { "Skolan ska vara trygg." };
	static const char *const b[] = { "Skolan ska vara grön!",
	                                 "Skolan ska vara trygg." };
	pd_document *docs[2], *alone = doc_of(b, 2);
	pd_block *forged;

	docs[0] = doc_of(a, 1);
	docs[1] = doc_of(b, 2);
	/* a hash of the other text's, and of its length */
	forged = (pd_block *)block(docs[1], 0);
	forged->hash = block(docs[0], 0)->hash;
	pd_document__fill_words(docs, 2);
	pd_document__fill_words(&alone, 1);
	OK(block(docs[1], 0)->words.hash != block(docs[0], 0)->words.hash,
	   "not the words of the block of the same hash");
	OK(same_words(&block(docs[1], 0)->words, &block(alone, 0)->words),
	   "its own words");
	OK(block(docs[1], 1)->words.hash == block(docs[0], 0)->words.hash,
	   "the block of the same text still shares");
	pd_document_free(docs[1]);
	pd_document_free(docs[0]);
	pd_document_free(alone);
}

/* property: random documents from a few texts, filled together, have
 * each block's words as filled alone, and share where the text is equal */
static void test_document_words__property_as_filled_alone(void)
{
	static const char *const texts[] = {
		"Mål.", "Skolan ska vara trygg.", "Vården når alla i länet.",
		"Vägar och broar.", "Ännu en text, längre än de andra, om "
		"kollektivtrafik och cykelvägar.", "x"
	};
	uint64_t seed = 0x2545f4914f6cdd1dull;
	int trial, bad = 0;

	for (trial = 0; trial < 300 && !bad; trial++) {
		const char *pick[3][24];
		size_t count[3], ndocs = 1 + (size_t)trial % 3, i, k;
		pd_document *docs[3], *alone[3];

		for (k = 0; k < ndocs; k++) {
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			count[k] = (size_t)(seed % 24);
			for (i = 0; i < count[k]; i++)
				pick[k][i] = texts[(seed >> (i % 50)) % 6];
			docs[k] = doc_of(pick[k], count[k]);
			alone[k] = doc_of(pick[k], count[k]);
			pd_document__fill_words(&alone[k], 1);
		}
		pd_document__fill_words(docs, ndocs);
		for (k = 0; k < ndocs; k++)
			for (i = 0; i < count[k]; i++)
				if (!same_words(&block(docs[k], i)->words,
				                &block(alone[k], i)->words))
					bad = 1;
		/* equal texts, when several are filled together: the words of
		 * the first of them */
		for (k = 0; k < ndocs && ndocs > 1; k++)
			for (i = 0; i < count[k]; i++)
				if (strcmp(pick[k][i], pick[0][0]) == 0 && count[0] &&
				    block(docs[k], i)->words.hash !=
				    block(docs[0], 0)->words.hash)
					bad = 2;
		for (k = ndocs; k-- > 0;) {
			pd_document_free(docs[(k + (size_t)trial) % ndocs]);
			pd_document_free(alone[k]);
		}
	}
	INT_EQ(bad, 0, "every block's words as filled alone, equal ones shared");
}

/* two versions parsed together share their equal blocks' words */
static void test_document_words__parsed_together_share(void)
{
	static const char *const md[2] = {
		"# Plan\n\n## Skola\n\nSkolan ska vara trygg.\n\n## Vård\n\n"
		"Vården når alla.\n",
		"# Plan\n\n## Vård\n\nVården når alla.\n\n## Skola\n\n"
		"Skolan ska vara trygg och grön.\n"
	};
	size_t len[2];
	pd_document *docs[2] = { NULL, NULL };
	const pd_section *vard_a, *vard_b;

	len[0] = strlen(md[0]);
	len[1] = strlen(md[1]);
	INT_EQ(pd_parse_documents(docs, md, len, 2, NULL, NULL), 0, "parsed");
	if (!docs[0] || !docs[1])
		return;
	vard_a = pd_document_section(docs[0], 2);
	vard_b = pd_document_section(docs[1], 1);
	OK(vard_a && vard_b && vard_a->blocks.size && vard_b->blocks.size,
	   "the sections, each with its block");
	if (!vard_a || !vard_b || !vard_a->blocks.size || !vard_b->blocks.size)
		return;
	STR_EQ(vard_a->heading, "Vård", "the old version's section");
	STR_EQ(vard_b->heading, "Vård", "the new version's section");
	OK(((const pd_block *)pd_vec_get(&vard_b->blocks, 0))->words.hash ==
	   ((const pd_block *)pd_vec_get(&vard_a->blocks, 0))->words.hash,
	   "the block of the same text shares its words");
	pd_document_free(docs[1]);
	pd_document_free(docs[0]);
}

static const pd_test tests[] = {
	PD_TEST(test_document_words__equal_blocks_share),
	PD_TEST(test_document_words__same_hash_other_text),
	PD_TEST(test_document_words__property_as_filled_alone),
	PD_TEST(test_document_words__parsed_together_share),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
