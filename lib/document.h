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

#include "progdiff.h"
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

typedef struct pd_block {
	const char *text;     /* plain text (inlines rendered), NFC; pool */
	size_t len;
	unsigned line;        /* first source line, 1-based */
	pd_block_type type;
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
};

struct pd_document {
	pd_pool pool;
	pd_meta meta;
	pd_lang lang;
	pd_section *root;
	pd_vec sections;      /* all, in document order, root first */
	pd_vec areas;         /* the goal areas, in document order */
	const char *source;   /* pool copy of the input (BOM removed) */
	size_t source_len;
	unsigned line_count;
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

#endif
