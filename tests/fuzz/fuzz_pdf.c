/* SPDX-License-Identifier: MIT */
/*
 * fuzz_pdf.c: the recovery of a PDF's structure (import_layout.c) from
 * lines made up of the input, without poppler, and the Markdown it makes
 * parsed as the diff would parse it. Byte 0: bit 0 makes lines that
 * start with '#' the document's marks (bookmarks, as many '#' as the
 * level; "#0" a list item), bit 1 says they are tags. Then lines split
 * at '\n', each four bytes and its text: page (1 + b0 % 4), top (b1 * 4
 * points), size (6 + b2 % 32), bold (b3 & 1) and left edge ((b3 >> 1) *
 * 4); a tab in the text starts a cell 30 points on.
 *
 * Checked: every heading the import records is a line of the Markdown
 * that starts with '#', in line order; the Markdown has no control
 * character but the line end.
 */
#include "fuzz.h"
#include "import.h"

#define MAX_LINES 4096

static void check_headings(const pd_buf *md, const pd_import_info *info)
{
	size_t i;
	unsigned last = 0;

	for (i = 0; i < info->heading_count; i++) {
		unsigned want = info->headings[i].line, line = 1;
		const char *p = md->ptr, *end = md->ptr + md->size;

		if (want <= last)
			fuzz_fail("headings out of order", md);
		last = want;
		while (line < want &&
		       (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
			p++;
			line++;
		}
		if (!p || p == end || *p != '#')
			fuzz_fail("a recorded heading that is not a heading line", md);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pd_pdf_line *lines;
	pd_pdf_mark *marks;
	double *gaps;
	size_t *cuts;
	size_t n = 0, nmarks = 0, ngaps = 0, i = 1;
	pd_buf md = PD_BUF_INIT;
	pd_import_info info = PD_IMPORT_INFO_INIT;
	pd_document *doc = NULL;
	unsigned opts;

	if (size < 1)
		return 0;
	opts = data[0];
	lines = calloc(MAX_LINES, sizeof(*lines));
	marks = calloc(MAX_LINES, sizeof(*marks));
	gaps = calloc(size + 1, sizeof(*gaps));
	cuts = calloc(size + 1, sizeof(*cuts));
	while (i + 4 <= size && n < MAX_LINES) {
		const uint8_t *h = data + i;
		const char *text = (const char *)data + i + 4;
		const char *end = memchr(text, '\n', size - i - 4);
		size_t len = end ? (size_t)(end - text) : size - i - 4, k;
		pd_pdf_line *l = &lines[n];

		if ((opts & 1) && len && text[0] == '#' && nmarks < MAX_LINES) {
			size_t lv = 0;

			while (lv < len && text[lv] == '#')
				lv++;
			/* the title is the text after the '#'s, NUL-free */
			marks[nmarks].title = strndup(text + lv, len - lv);
			marks[nmarks].level = lv < len && text[lv] == '0' ? 0 :
			                      (int)(lv > 6 ? 6 : lv);
			marks[nmarks++].page = 1 + h[0] % 4;
		}
		l->text = text;
		l->len = len;
		l->page = 1 + h[0] % 4;
		l->page_height = 842;
		l->y0 = h[1] * 4.0;
		l->y1 = l->y0 + 6 + h[2] % 32;
		l->size = 6 + h[2] % 32;
		l->flags = h[3] & 1 ? PD_PDF_BOLD : 0;
		l->x0 = (h[3] >> 1) * 4.0;
		l->x1 = l->x0 + (double)len * l->size / 2;
		l->gaps = gaps + ngaps;
		l->cuts = cuts + ngaps;
		for (k = 0; k < len; k++)
			if (text[k] == '\t') {
				gaps[ngaps] = l->x0 + 30.0 * (double)(l->ngaps + 1);
				cuts[ngaps++] = k + 1;
				l->ngaps++;
			}
		n++;
		i += 4 + len + (end ? 1 : 0);
	}
	pd_import__layout(&md, &info, lines, n, marks, nmarks,
	                  opts & 2 ? PD_ORIGIN_TAG : PD_ORIGIN_BOOKMARK);
	check_headings(&md, &info);
	for (i = 0; i < md.size; i++)
		if ((unsigned char)md.ptr[i] < 0x20 && md.ptr[i] != '\n')
			fuzz_fail("a control character in the Markdown", &md);
	if (pd_parse_document(&doc, md.ptr, md.size, NULL) == 0)
		(void)pd_document_meta(doc);
	pd_document_free(doc);
	pd_error_clear();
	for (i = 0; i < nmarks; i++)
		free((char *)marks[i].title);
	pd_import_info_dispose(&info);
	pd_buf_dispose(&md);
	free(cuts);
	free(gaps);
	free(marks);
	free(lines);
	return 0;
}
