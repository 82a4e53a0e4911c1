/* SPDX-License-Identifier: MIT */
/*
 * title.h: which level-1 heading, if any, is the programme's name
 * (title.c), for the parser.
 */
#ifndef PD_TITLE_H
#define PD_TITLE_H

#include "classify.h"
#include "document.h"
#include "top_blocks.h"

/** What title.c found at the top of a document. */
typedef struct pd_title {
	int first_is_name;   /* the first H1 names the programme (the rule) */
	int first_is_part;   /* it names a part: "Vision", "Bakgrund" */
	size_t h1_count;     /* level-1 headings in the document */
	pd_buf first_h1;     /* its text, as normalised */
	pd_buf first_line;   /* a one-line paragraph before any heading */
	unsigned first_line_no;   /* its line in the body; 0: none */
} pd_title;

/**
 * Look at the top-level blocks `top`: the first level-1 heading is the
 * programme's name unless a later level-1 heading is more than a part of
 * a document (an appendix, references...), or the heading is one the
 * classifier knows for a part of a document
 * (vision, background, introduction, summary, the change list...), as when
 * a word processor's Title style was lost on the way to Markdown.
 * Dispose `out` with pd_title__dispose().
 */
void pd_title__find(pd_title *out, const pd_top_blocks *top,
                    const pd_classifier *cls, pd_classify_scratch *scratch);

/**
 * When the first level-1 heading was not the name: take the name from the
 * front matter, else from `t`'s first line (at file line `line_offset` +
 * its line in the body), and write in the document's note which it took, or
 * that it has none (then `add` needs --programme).
 * @return 1 when the name is the first line's, else 0
 */
int pd_title__settle(pd_document *doc, const pd_title *t,
                     unsigned line_offset);

void pd_title__dispose(pd_title *t);

#endif
