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

static void normalized_text(pd_buf *out, pd_buf *raw, cmark_node *node)
{
	pd_buf_clear(raw);
	pd_buf_clear(out);
	pd_parse__plain_text(raw, node, 0);
	pd_text_normalize(out, raw->ptr, raw->size);
}

/* A heading that names a part of a document, never the whole of it. */
static int names_a_part(pd_kind kind)
{
	return kind == PD_KIND_VISION || kind == PD_KIND_NOTAREA ||
	       kind == PD_KIND_OVERALL_GOAL || kind == PD_KIND_CONTAINER ||
	       kind == PD_KIND_CHANGES || kind == PD_KIND_MEASURE ||
	       kind == PD_KIND_INDICATOR;
}

void pd_title__find(pd_title *out, cmark_node *root, const pd_classifier *cls,
                    pd_classify_scratch *scratch)
{
	pd_buf raw = PD_BUF_INIT;
	cmark_node *node, *first_h1 = NULL;
	int before_heading = 1;
	size_t other_h1 = 0;   /* later H1s that are not an appendix & co */
	size_t below_first = 0;   /* headings under the first H1 */

	memset(out, 0, sizeof(*out));
	pd_buf_init(&out->first_h1);
	pd_buf_init(&out->first_line);
	for (node = cmark_node_first_child(root); node;
	     node = cmark_node_next(node)) {
		cmark_node_type type = cmark_node_get_type(node);

		if (type == CMARK_NODE_HEADING) {
			before_heading = 0;
			if (cmark_node_get_heading_level(node) != 1) {
				below_first += first_h1 && out->h1_count == 1;
				continue;
			}
			if (out->h1_count++ == 0) {
				first_h1 = node;
				continue;
			}
			normalized_text(&out->first_h1, &raw, node);
			other_h1 += !names_a_part(pd_classify__heading(cls,
			        scratch, out->first_h1.ptr, out->first_h1.size,
			        PD_CLASSIFY__VALID_UTF8));
		} else if (before_heading && type == CMARK_NODE_PARAGRAPH &&
		           !out->first_line_no) {
			normalized_text(&out->first_line, &raw, node);
			if (out->first_line.size && out->first_line.size <=
			    FIRST_LINE_MAX && !strchr(out->first_line.ptr, '\n'))
				out->first_line_no = (unsigned)
				        cmark_node_get_start_line(node);
			else
				pd_buf_clear(&out->first_line);
			before_heading = out->first_line_no == 0;
		} else if (type != CMARK_NODE_HTML_BLOCK &&
		           type != CMARK_NODE_THEMATIC_BREAK) {
			before_heading = 0;
		}
	}
	if (first_h1) {
		normalized_text(&out->first_h1, &raw, first_h1);
		out->first_is_part = names_a_part(pd_classify__heading(cls,
		        scratch, out->first_h1.ptr, out->first_h1.size,
		        PD_CLASSIFY__VALID_UTF8));
		/* "# Vision och mål" over "## Vision" and "## Mål 2020" is
		 * the document's title: a part is a part only beside others */
		if (out->first_is_part && out->h1_count == 1 && below_first)
			out->first_is_part = 0;
		out->first_is_name = !other_h1 && !out->first_is_part;
	}
	pd_buf_dispose(&raw);
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
