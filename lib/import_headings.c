/* SPDX-License-Identifier: MIT */
/*
 * import_headings.c: step 2 of a PDF's layout (import_layout.c), the
 * headings, and the measures of the body text the other steps share (its
 * size, the usual gap between the lines of a paragraph).
 *
 * When the document names its headings (tags or bookmarks, `marks`) the
 * lines that spell each one, in order, are its heading, at its level.
 * Otherwise, by the body text's size (the size most characters have): a
 * paragraph of at most three lines in a font at least 15 % larger is a
 * heading, levels by size, the largest first; numbering ("2.", "2.1",
 * "2.1.3") sets the level where present (one more than its depth when
 * the document has a title above it). A paragraph that is only bold, at
 * the body size, is a heading only when it is numbered and short (at
 * most 15 words, not ending in a full stop): otherwise it stays a bold
 * paragraph, because bold lead-ins, names and warnings are as common as
 * bold headings. The first heading of the largest size is the title.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "import.h"
#include "import_layout.h"

/* "2." "2.1" "2.1.3" "2)" at the start, then a space: its depth. */
static int numbering_depth(const char *p, size_t n)
{
	size_t i = 0;
	int depth = 0;

	while (i < n && isdigit((unsigned char)p[i])) {
		size_t start = i;

		while (i < n && isdigit((unsigned char)p[i]))
			i++;
		if (i - start > 2)
			return 0;      /* a year, not a section number */
		depth++;
		if (i < n && (p[i] == '.' || p[i] == ')')) {
			i++;
			if (i < n && isdigit((unsigned char)p[i]))
				continue;
		}
		break;
	}
	if (!depth || i >= n || p[i] != ' ')
		return 0;
	if (depth == 1 && p[i - 1] != '.' && p[i - 1] != ')')
		return 0;      /* "2 kap" is not numbered, "2. Mål" is */
	return depth;
}

static size_t word_count(const char *p, size_t n)
{
	size_t i, words = 0;
	int in = 0;

	for (i = 0; i < n; i++) {
		int sp = p[i] == ' ' || p[i] == '\t';

		if (!sp && !in)
			words++;
		in = !sp;
	}
	return words;
}


/* Text without white space and soft hyphens, for comparing what a tag
 * or bookmark says with how the lines spell it. */
static void squeeze(pd_buf *out, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			continue;
		if (c == 0xc2 && i + 1 < n && (unsigned char)p[i + 1] == 0xad) {
			i++;
			continue;
		}
		/* the ligatures U+FB00..U+FB04 as their letters */
		if (c == 0xef && i + 2 < n && (unsigned char)p[i + 1] == 0xac &&
		    (unsigned char)p[i + 2] >= 0x80 &&
		    (unsigned char)p[i + 2] <= 0x84) {
			static const char *const lig[] = {
				"ff", "fi", "fl", "ffi", "ffl"
			};

			pd_buf_puts(out, lig[(unsigned char)p[i + 2] - 0x80]);
			i += 2;
			continue;
		}
		pd_buf_putc(out, (char)tolower(c));
	}
}

int pd_import__is_text(const layout *lay, size_t i)
{
	return lay->info[i].role == ROLE_TEXT;
}

void pd_import__headings_from_marks(layout *lay, const pd_pdf_mark *marks,
                                    size_t nmarks, pd_origin origin,
                                    int headings)
{
	pd_buf want = PD_BUF_INIT, got = PD_BUF_INIT;
	size_t m, at = 0;

	for (m = 0; m < nmarks; m++) {
		size_t i;

		pd_buf_clear(&want);
		squeeze(&want, marks[m].title, strlen(marks[m].title));
		if (!want.size)
			continue;
		if (!marks[m].level) {
			/* a list item: the first line from here it starts with */
			for (i = at; i < lay->n && i < at + 200; i++) {
				if (!pd_import__is_text(lay, i))
					continue;
				pd_buf_clear(&got);
				squeeze(&got, lay->lines[i].text, lay->lines[i].len);
				if (got.size && ((got.size <= want.size &&
				                  !memcmp(got.ptr, want.ptr, got.size)) ||
				                 (want.size >= 4 && want.size < got.size &&
				                  !memcmp(got.ptr, want.ptr, want.size)))) {
					lay->info[i].item = 1;
					at = i + 1;
					break;
				}
			}
			continue;
		}
		if (!headings)
			continue;
		for (i = at; i < lay->n; i++) {
			size_t j;

			if (!pd_import__is_text(lay, i) ||
			    (marks[m].page && lay->lines[i].page < marks[m].page))
				continue;
			if (marks[m].page && lay->lines[i].page > marks[m].page + 1)
				break;
			/* lines i..j spell the title? */
			pd_buf_clear(&got);
			for (j = i; j < lay->n && j < i + 4; j++) {
				if (!pd_import__is_text(lay, j))
					break;
				squeeze(&got, lay->lines[j].text, lay->lines[j].len);
				/* poppler cuts some producers' tag text short at a
				 * ligature ("Trygga o" for "Trygga offentliga"): a
				 * line in a heading's look that starts with it will do */
				if (j == i && got.size > want.size && want.size >= 4 &&
				    !memcmp(got.ptr, want.ptr, want.size) &&
				    (lay->lines[j].size > lay->body + 0.5 ||
				     (lay->lines[j].flags & PD_PDF_BOLD)))
					got.size = want.size;
				if (got.size > want.size ||
				    memcmp(got.ptr, want.ptr, got.size))
					break;
				if (got.size == want.size) {
					size_t k;

					for (k = i; k <= j; k++) {
						lay->info[k].role = ROLE_HEADING;
						lay->info[k].level = marks[m].level;
						lay->info[k].origin = origin;
						lay->info[k].cont = k > i;
					}
					at = j + 1;
					goto next;
				}
			}
		}
next:
		;
	}
	pd_buf_dispose(&got);
	pd_buf_dispose(&want);
}

/* The body size: the one most characters have (by half points). */
double pd_import__body_size(const layout *lay)
{
	double sizes[64];
	size_t counts[64], ns = 0, i, k, best = 0;

	for (i = 0; i < lay->n; i++) {
		double s = pd_import__round_size(lay->lines[i].size);

		if (!pd_import__is_text(lay, i) || s <= 0)
			continue;
		for (k = 0; k < ns && sizes[k] != s; k++)
			;
		if (k == ns) {
			if (ns == 64)
				continue;
			sizes[ns] = s;
			counts[ns++] = 0;
		}
		counts[k] += lay->lines[i].len;
	}
	for (k = 1; k < ns; k++)
		if (counts[k] > counts[best])
			best = k;
	return ns ? sizes[best] : 0;
}


double pd_import__line_height(const pd_pdf_line *l)
{
	double h = l->y1 - l->y0;

	return h > 0 ? h : (l->size > 0 ? l->size : 10);
}

/* The usual gap between two lines of a paragraph: the most common gap,
 * by half points, between lines of the body size that follow each other
 * on a page (the leading; paragraphs are set further apart). */
double pd_import__usual_gap(const layout *lay)
{
	size_t counts[160], i, best = 0;

	memset(counts, 0, sizeof(counts));
	for (i = 1; i < lay->n; i++) {
		const pd_pdf_line *a = &lay->lines[i - 1], *b = &lay->lines[i];
		double pitch = b->y0 - a->y0;

		if (a->page != b->page || pd_import__round_size(a->size) != lay->body ||
		    pd_import__round_size(b->size) != lay->body || pitch >= 80 ||
		    pitch < 0.8 * pd_import__line_height(a) ||  /* cells side by side */
		    pitch > 2 * pd_import__line_height(a))      /* paragraphs apart */
			continue;
		counts[(size_t)(pitch * 2)]++;
	}
	for (i = 1; i < 160; i++)
		if (counts[i] > counts[best])
			best = i;
	return counts[best] ? (double)best / 2 : -1;
}

/* Do lines a and b (b right after a) belong to one paragraph? */
int pd_import__same_block(const layout *lay, const pd_pdf_line *a,
                          const pd_pdf_line *b)
{
	double gap, h = pd_import__line_height(a);

	if (pd_import__round_size(a->size) != pd_import__round_size(b->size) ||
	    (a->flags & PD_PDF_BOLD) != (b->flags & PD_PDF_BOLD))
		return 0;
	if (a->page != b->page)
		return 0;
	gap = b->y0 - a->y1;
	if (gap <= -h)
		return 0;
	/* the usual line pitch, and a little more, is one paragraph */
	if (lay && lay->gap > 0 && pd_import__round_size(a->size) == lay->body)
		return b->y0 - a->y0 < lay->gap * 1.25 + 0.5;
	return gap < 0.6 * h;
}

#define same_block(a, b) pd_import__same_block(lay, (a), (b))

void pd_import__headings_from_fonts(layout *lay)
{
	double sizes[8];
	size_t nsizes = 0, i, k;
	double title_size = 0;
	int have_title = 0;

	/* the distinct heading sizes, largest first */
	for (i = 0; i < lay->n; i++) {
		double s = pd_import__round_size(lay->lines[i].size);

		if (!pd_import__is_text(lay, i) || s < lay->body * HEADING_RATIO)
			continue;
		for (k = 0; k < nsizes && sizes[k] != s; k++)
			;
		if (k < nsizes || nsizes == 8)
			continue;
		for (k = nsizes++; k > 0 && sizes[k - 1] < s; k--)
			sizes[k] = sizes[k - 1];
		sizes[k] = s;
	}
	if (nsizes)
		title_size = sizes[0];
	for (i = 0; i < lay->n; i++) {
		const pd_pdf_line *l = &lay->lines[i];
		double s = pd_import__round_size(l->size);
		size_t j = i, words = 0, total = 0;
		const char *p = l->text;
		size_t n = l->len;
		int depth, level = 0, bold_rule = 0;

		if (!pd_import__is_text(lay, i) || l->ngaps)
			continue;
		/* the paragraph this line starts */
		while (j + 1 < lay->n && pd_import__is_text(lay, j + 1) &&
		       same_block(&lay->lines[j], &lay->lines[j + 1]) &&
		       j + 1 - i < 4)
			j++;
		for (k = i; k <= j; k++) {
			words += word_count(lay->lines[k].text, lay->lines[k].len);
			total += lay->lines[k].len;
		}
		pd_import__trim(&p, &n);
		depth = numbering_depth(p, n);
		if (s >= lay->body * HEADING_RATIO && j - i < 3 && total < 300) {
			for (k = 0; k < nsizes && sizes[k] != s; k++)
				;
			level = (int)k + 1;
			if (s == title_size && !have_title) {
				level = 1;
				have_title = 1;
			} else if (have_title && level == 1) {
				level = 2;
			}
		} else if ((l->flags & PD_PDF_BOLD) && depth && words <= 15 &&
		           s < lay->body * HEADING_RATIO &&
		           lay->lines[j].len &&
		           lay->lines[j].text[lay->lines[j].len - 1] != '.') {
			level = nsizes + 1 > 5 ? 6 : (int)nsizes + 1;
			bold_rule = 1;
		}
		if (!level)
			continue;
		if (depth && level != 1)
			level = depth + (have_title ? 1 : 0) > 6 ? 6 :
			        depth + (have_title ? 1 : 0);
		for (k = i; k <= j; k++) {
			lay->info[k].role = ROLE_HEADING;
			lay->info[k].level = level;
			lay->info[k].origin = bold_rule ? PD_ORIGIN_NUMBERING :
			                      depth ? PD_ORIGIN_NUMBERING :
			                      PD_ORIGIN_FONT;
			lay->info[k].cont = k > i;
		}
		i = j;
	}
}
