/* SPDX-License-Identifier: MIT */
/*
 * title.c: the programme's name when the first level-1 heading is not it.
 * A Word file whose title used the Title style reaches us, through pandoc,
 * with the title lost or turned into a paragraph and "# Vision" as its
 * first heading: taken as the name, "Vision" would name the programme and
 * hide the vision's text as a preamble. So the first level-1 heading is
 * the name only when it is not a heading the classifier knows for a part
 * of a document (unless it is the only level-1 heading and has sections
 * under it: "# Vision och mål" over "## Vision") and no later level-1
 * heading is anything but such a part (an appendix, references: "#
 * Bilaga" after the title); otherwise every
 * level-1 heading is a section, the name comes from the front matter or
 * the first line, and the document's note says in one line which it took
 * (the parser stores it, cmd/ prints it). This module decides and words
 * the note; parse.c builds the tree as it decides.
 */
#include <string.h>

#include "parse.h"
#include "pool.h"
#include "text.h"
#include "title.h"

/* The longest first line taken for a name, in bytes. */
#define FIRST_LINE_MAX 200

/* A heading that names a part of a document, never the whole of it. */
static int names_a_part(pd_kind kind)
{
	return kind == PD_KIND_VISION || kind == PD_KIND_NOTAREA ||
	       kind == PD_KIND_OVERALL_GOAL || kind == PD_KIND_CONTAINER ||
	       kind == PD_KIND_CHANGES || kind == PD_KIND_MEASURE ||
	       kind == PD_KIND_INDICATOR;
}

void pd_title__find(pd_title *out, const pd_top_blocks *top,
                    const pd_classifier *cls, pd_classify_scratch *scratch)
{
	const pd_top_block *first_h1 = NULL;
	int before_heading = 1;
	size_t other_h1 = 0;   /* later H1s that are not an appendix & co */
	size_t below_first = 0;   /* headings under the first H1 */
	size_t i;

	memset(out, 0, sizeof(*out));
	pd_buf_init(&out->first_h1);
	pd_buf_init(&out->first_line);
	for (i = 0; i < top->n; i++) {
		const pd_top_block *b = &top->v[i];
		const char *text = b->text;

		if (b->type == PD_TOP_HEADING) {
			before_heading = 0;
			if (b->level != 1) {
				below_first += first_h1 && out->h1_count == 1;
				continue;
			}
			if (out->h1_count++ == 0) {
				first_h1 = b;
				continue;
			}
			other_h1 += !names_a_part(pd_classify__heading(cls,
			        scratch, text, b->len, PD_CLASSIFY__VALID_UTF8));
		} else if (before_heading && !out->first_line_no &&
		           (b->type == PD_TOP_PARAGRAPH ||
		            b->type == PD_TOP_TABLE)) {
			if (b->len && b->len <= FIRST_LINE_MAX &&
			    !memchr(text, '\n', b->len)) {
				pd_buf_put(&out->first_line, text, b->len);
				out->first_line_no = b->line;
			}
			before_heading = out->first_line_no == 0;
		} else if (b->type != PD_TOP_HTML) {
			before_heading = 0;
		}
	}
	if (first_h1) {
		pd_buf_put(&out->first_h1, first_h1->text, first_h1->len);
		out->first_is_part = names_a_part(pd_classify__heading(cls,
		        scratch, out->first_h1.ptr, out->first_h1.size,
		        PD_CLASSIFY__VALID_UTF8));
		/* "# Vision och mål" over "## Vision" and "## Mål 2020" is
		 * the document's title: a part is a part only beside others */
		if (out->first_is_part && out->h1_count == 1 && below_first)
			out->first_is_part = 0;
		out->first_is_name = !other_h1 && !out->first_is_part;
	}
}

int pd_title__settle(pd_document *doc, const pd_title *t,
                     unsigned line_offset)
{
	pd_meta *meta = &doc->meta;
	pd_buf note = PD_BUF_INIT;
	int from_first_line = 0;

	if (t->first_is_name || !t->h1_count)
		return 0;
	if (t->first_is_part)
		pd_buf_printf(&note, pd_msg("the first heading '%s' is not "
		              "the programme's name"), t->first_h1.ptr);
	else
		pd_buf_printf(&note, pd_msg("%lu level-1 headings: none is the "
		              "programme's name"), (unsigned long)t->h1_count);
	if (meta->name && *meta->name) {
		pd_buf_printf(&note, pd_msg("; the name '%s' is from the front "
		              "matter"), meta->name);
	} else if (t->first_line_no) {
		meta->name = pd_pool_strdup(&doc->pool, t->first_line.ptr);
		meta->name_line = t->first_line_no + line_offset;
		pd_buf_printf(&note, pd_msg("; the name '%s' is from the first "
		              "line"), meta->name);
		from_first_line = 1;
	} else {
		pd_buf_puts(&note, pd_msg("; it has no name (give one in the "
		            "front matter's title:, or with add --programme)"));
	}
	pd_error_cut_quotes(note.ptr);
	doc->name_note = pd_pool_strdup(&doc->pool, note.ptr);
	pd_buf_dispose(&note);
	return from_first_line;
}

void pd_title__dispose(pd_title *t)
{
	pd_buf_dispose(&t->first_h1);
	pd_buf_dispose(&t->first_line);
}

const char *pd_document_name_note(const pd_document *doc)
{
	return doc->name_note;
}
