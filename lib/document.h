/* SPDX-License-Identifier: MIT */
/*
 * document.h: the bodies of pd_document and pd_section, for the modules
 * that build (parse, meta) and read (match, changes, render) the model.
 *
 * A document owns everything in its pool: sections, blocks, strings. The
 * vectors (children, blocks, the flat lists) own only their arrays and are
 * disposed by pd_document_free().
 */
#ifndef PD_DOCUMENT_H
#define PD_DOCUMENT_H

#include <stdint.h>

#include "progdiff.h"
#include "counts.h"
#include "pool.h"
#include "vec.h"

typedef enum pd_block_type {
	PD_BLOCK_PARAGRAPH = 0,
	PD_BLOCK_ITEM,        /* one list item (its own paragraphs joined) */
	PD_BLOCK_QUOTE,
	PD_BLOCK_CODE,
	PD_BLOCK_TABLE,       /* kept as text */
	PD_BLOCK_HTML,
	PD_BLOCK_OTHER
} pd_block_type;

/*
 * The words of a text, folded and hashed once and kept: the matcher's
 * word sets, the theme counts and the rename index all read these
 * instead of folding and splitting the same text again. Filled by the
 * parse (pd_document__fill_words): a heading's in the document's pool,
 * a block's in the words store of the documents parsed with it.
 */
typedef struct pd_words {
	const uint64_t *hash;  /* per word: pd_text_hash of its folded form */
	const uint32_t *stem;  /* per word: pd_text_stem_key() of the hash of
	                          its stem (the first PD_STEM_CODEPOINTS code
	                          points of a word of letters of at least
	                          PD_STEM_MIN_WORD), or 0 for a word that has
	                          none: 32 bits, for the words are most of a
	                          document's memory */
	size_t n;
} pd_words;

/* The words of the blocks of documents parsed together (document_words.c) */
typedef struct pd_words_store pd_words_store;

/* 72 bytes: a large programme has tens of thousands of blocks */
typedef struct pd_block {
	const char *text;     /* plain text (inlines rendered), NFC; pool */
	size_t len;
	uint64_t hash;        /* pd_text_hash of the text: blocks of equal
	                         text are found by it */
	pd_words words;       /* filled by the parse: pd_document__fill_words */
	const char *source;   /* a table: its source lines as written, to
	                         read its rows from; pool; NULL otherwise */
	unsigned source_len;  /* one paragraph: far below 4 GiB */
	unsigned line;        /* first source line, 1-based */
	pd_block_type type;
	unsigned children_before;  /* the section's children above it: a
	                              paragraph after the list of goals made
	                              of list items reads otherwise */
} pd_block;

struct pd_section {
	const char *heading;  /* plain text as written; pool; "" for none */
	const char *key;      /* identity: numbering stripped, NFC, folded */
	pd_kind kind;
	int level;            /* 0 root, 1..6 */
	unsigned synthetic;   /* 1: a goal made from a bullet item */
	pd_section *parent;
	pd_vec children;      /* pd_section * */
	pd_vec blocks;        /* pd_block * */
	unsigned line_start;  /* heading line; 1-based */
	unsigned line_end;    /* last line before the next section */
	size_t index;         /* position in pd_document.sections */
	size_t child_index;   /* position among the parent's children */
	pd_words heading_words;  /* filled by the parse, as a block's */
};

struct pd_document {
	pd_pool pool;
	pd_meta meta;
	pd_lang lang;
	pd_section *root;
	pd_vec sections;      /* all, in document order, root first */
	pd_vec areas;         /* the goal areas, in document order */
	const char *source;   /* pool copy of the input (BOM removed), or
	                         "" when the parse was told not to keep it */
	size_t source_len;
	unsigned line_count;
	pd_words_store *words_store;  /* where the words of its blocks are,
	                                 shared by the documents parsed with
	                                 it (document_words.c) */
	pd_counts word_counts;   /* see pd_document__word_counts */
	const char *name_note;   /* pool; see pd_document_name_note() */
};

/** A new, empty document with a root section (level 0, kind programme). */
pd_document *pd_document__new(void);
/** A new section appended under `parent`, added to doc->sections. */
pd_section *pd_document__add_section(pd_document *doc, pd_section *parent,
                                     const char *heading, int level,
                                     unsigned line);
/** Append a body block to `s`. `text` is copied into the pool. */
pd_block *pd_section__add_block(pd_document *doc, pd_section *s,
                                pd_block_type type, const char *text,
                                size_t len, unsigned line);
/* pd_section__add_block() of a text in the document's pool already: kept,
 * not copied */
pd_block *pd_section__add_pooled_block(pd_document *doc, pd_section *s,
                                       pd_block_type type, const char *text,
                                       size_t len, unsigned line);

/**
 * Fold and hash the words of every heading and block of the `n`
 * documents, parsed together, and count how many sections of each have
 * each word: the last step of every parse, after which a document is
 * never written again, so that a diff may read both versions from
 * several threads. A block of the same text as one before it, in any of
 * them, shares that block's words; the documents share the store of
 * them, which goes with the last one freed.
 */
void pd_document__fill_words(pd_document **docs, size_t n);
/** Let go of the words store (pd_document_free does). */
void pd_document__release_words(pd_document *doc);

/** The words of a block (filled by the parse). */
const pd_words *pd_document__block_words(const pd_document *doc,
                                         const pd_block *b);
/** The words of a section's heading (filled by the parse). */
const pd_words *pd_document__heading_words(const pd_document *doc,
                                           const pd_section *s);
/**
 * How many of the document's sections have each word (in the heading or
 * a block of its own); the groups are the sections' indexes, and the
 * table's `n` is unset.
 */
const pd_counts *pd_document__word_counts(const pd_document *doc);

#endif
