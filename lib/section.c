/* SPDX-License-Identifier: MIT */
/* section.c: read access to the section tree (bodies in document.h). */
#include "document.h"

const char *pd_section_heading(const pd_section *s)
{
	return s->heading;
}

const char *pd_section_key(const pd_section *s)
{
	return s->key;
}

pd_kind pd_section_kind(const pd_section *s)
{
	return s->kind;
}

int pd_section_level(const pd_section *s)
{
	return s->level;
}

const pd_section *pd_section_parent(const pd_section *s)
{
	return s->parent;
}

size_t pd_section_child_count(const pd_section *s)
{
	return s->children.size;
}

const pd_section *pd_section_child(const pd_section *s, size_t i)
{
	return i < s->children.size ? pd_vec_get(&s->children, i) : NULL;
}

size_t pd_section_block_count(const pd_section *s)
{
	return s->blocks.size;
}

const char *pd_section_block(const pd_section *s, size_t i)
{
	const pd_block *b;

	if (i >= s->blocks.size)
		return NULL;
	b = pd_vec_get(&s->blocks, i);
	return b->text;
}

unsigned pd_section_block_line(const pd_section *s, size_t i)
{
	const pd_block *b;

	if (i >= s->blocks.size)
		return 0;
	b = pd_vec_get(&s->blocks, i);
	return b->line;
}

unsigned pd_section_line_start(const pd_section *s)
{
	return s->line_start;
}

unsigned pd_section_line_end(const pd_section *s)
{
	return s->line_end;
}

size_t pd_section_depth(const pd_section *s)
{
	size_t depth = 0;

	for (; s && s->parent; s = s->parent)
		depth++;
	return depth;
}
