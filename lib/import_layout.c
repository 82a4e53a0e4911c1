/* SPDX-License-Identifier: MIT */
/*
 * import_layout.c: Markdown from a PDF's lines (import_pdf.c reads them
 * with poppler; the fuzz target makes them up). The steps, each a pass:
 *
 * 0. Rows: poppler reads a table column by column; fragments side by
 *    side on one row are joined into one line with a gap at each join.
 * 1. Running headers and footers: a line in the top (or bottom) eighth of
 *    its page whose text, digits aside, recurs in the top (bottom) eighth
 *    on at least half the pages (two at least) is dropped, and so is a
 *    line there that is only a page number: "3", "- 3 -", "3/9", "1 (2)",
 *    "Sida 3 av 9", "Page 3 of 9", "s. 3" (numbers of at most 4 digits).
 * 2. Headings (import_headings.c): from the document's tags or
 *    bookmarks when it has them, else from the sizes and boldness of the
 *    fonts and the numbering; the first heading of the largest size is
 *    the title (H1).
 * 3. Paragraphs: lines join while the gap above is small and the size the
 *    same; a word broken by a hyphen at the end of a line is joined again
 *    ("sam-" + "arbete"), but not before "och", "eller", "samt", "and",
 *    "or" ("stads- och landsbygd").
 * 4. Lists: a line starting with a bullet (• ◦ ▪ – - * ·) is an item, and
 *    lines indented under it continue it.
 * 5. Tables (import_tables.c): a run of lines split by wide gaps into
 *    cells that start at the same columns is a table.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "import.h"
#include "import_layout.h"

/* ------------------------------------------------------------------ */
/* Small text helpers                                                  */

void pd_import__trim(const char **p, size_t *n)
{
	while (*n && (**p == ' ' || **p == '\t')) {
		(*p)++;
		(*n)--;
	}
	while (*n && ((*p)[*n - 1] == ' ' || (*p)[*n - 1] == '\t'))
		(*n)--;
}

/* Text with each run of digits one '#', spaces dropped: a page's
 * running header and the next page's are then the same. */
static void digits_key(pd_buf *out, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)p[i])) {
			if (!out->size || out->ptr[out->size - 1] != '#')
				pd_buf_putc(out, '#');
		} else if (p[i] != ' ' && p[i] != '\t') {
			pd_buf_putc(out, p[i]);
		}
	}
}

static int ci_prefix(const char *p, size_t n, const char *word)
{
	size_t k = strlen(word), i;

	if (n < k)
		return 0;
	for (i = 0; i < k; i++)
		if (tolower((unsigned char)p[i]) != word[i])
			return 0;
	return 1;
}

/* Is a footer line only a page number? ("3", "- 3 -", "3/9", "1 (2)",
 * "Sida 3 av 9", "Page 3 of 9", "s. 3") */
static int is_page_number(const char *p, size_t n)
{
	pd_buf key = PD_BUF_INIT;
	static const char *const shapes[] = {
		"#", "-#-", "–#–", "#/#", "#(#)", "sida#", "sida#av#", "page#",
		"page#of#", "s.#", "#av#", "#of#", "[#]", NULL
	};
	size_t i, k;
	int hit = 0;

	pd_import__trim(&p, &n);
	for (i = 0, k = 0; i < n; i++) {
		k = isdigit((unsigned char)p[i]) ? k + 1 : 0;
		if (k > 4)
			return 0;      /* "20222030" is not a page number */
	}
	digits_key(&key, p, n);
	for (i = 0; i < key.size; i++)
		key.ptr[i] = (char)tolower((unsigned char)key.ptr[i]);
	for (k = 0; shapes[k] && !hit; k++)
		hit = !strcmp(key.ptr, shapes[k]);
	pd_buf_dispose(&key);
	return hit && n > 0;
}

/* The length of a bullet and its space at the start, or 0. */
static size_t bullet_len(const char *p, size_t n)
{
	static const char *const bullets[] = {
		"\xe2\x80\xa2", "\xe2\x97\xa6", "\xe2\x96\xaa", "\xe2\x80\x93",
		"\xc2\xb7", "\xef\x82\xb7", "\xe2\x97\x8f", "-", "*", NULL
	};
	size_t k;

	for (k = 0; bullets[k]; k++) {
		size_t b = strlen(bullets[k]);

		if (n > b && !memcmp(p, bullets[k], b) &&
		    (p[b] == ' ' || p[b] == '\t'))
			return b + 1;
	}
	return 0;
}

double pd_import__round_size(double s)
{
	return floor(s * 2 + 0.5) / 2;
}

/* ------------------------------------------------------------------ */
/* 0. Rows: fragments side by side on one baseline become one line      */

#define ROW_WINDOW 200

typedef struct {
	pd_pdf_line *lines;
	size_t n;
	pd_buf text;
	double *gaps;
	size_t *cuts;
} merged;

static int x_order(const void *a, const void *b)
{
	const pd_pdf_line *const *x = a, *const *y = b;

	return (*x)->x0 < (*y)->x0 ? -1 : (*x)->x0 > (*y)->x0;
}

/*
 * Are two fragments on one row? Their tops within 40 % of a line's
 * height, or (a cell set in the middle of a taller one, as Chromium
 * sets them) their heights overlapping by 30 % of the lower one's:
 * lines one under the other overlap by their leading's 20 % at most.
 */
static int same_row(const pd_pdf_line *a, const pd_pdf_line *b)
{
	double ha = a->y1 - a->y0, hb = b->y1 - b->y0;
	double lo = a->y0 > b->y0 ? a->y0 : b->y0;
	double hi = a->y1 < b->y1 ? a->y1 : b->y1;

	if (fabs(a->y0 - b->y0) <= 0.4 * ha)
		return 1;
	return hi - lo >= 0.3 * (ha < hb ? ha : hb);
}

/*
 * poppler reads a table column by column, each cell a line of its own:
 * lines on one page whose tops are within 40 % of a line's height of
 * each other and that do not overlap side by side are joined, left to
 * right, into one line with a gap at each join; where joins were made,
 * the page's lines between the first and the last of them are put in
 * order from the top. Each line is compared with the ROW_WINDOW lines
 * after it only, so the pass is linear.
 */
static void merge_rows(merged *m, const pd_pdf_line *in, size_t n)
{
	size_t *root = pd__calloc(n ? n : 1, sizeof(*root));
	size_t *count = pd__calloc(n ? n : 1, sizeof(*count));
	const pd_pdf_line **members = NULL;
	size_t i, j, k, ngaps = 0, nout = 0, bytes = 0, gi = 0, cap = 0;

	for (i = 0; i < n; i++) {
		root[i] = i;
		count[i] = 1;
	}
	for (i = 0; i < n; i++) {
		double h = in[i].y1 - in[i].y0, lo = in[i].x0, hi = in[i].x1;

		if (root[i] != i || h <= 0)
			continue;
		for (j = i + 1; j < n && j < i + ROW_WINDOW; j++) {
			double gap = in[i].size > 0 ? in[i].size : h;

			if (in[j].page != in[i].page)
				break;
			if (root[j] != j || count[j] > 1 ||
			    !same_row(&in[i], &in[j]) ||
			    !(in[j].x0 > hi + gap || in[j].x1 < lo - gap))
				continue;
			root[j] = i;
			count[i]++;
			if (in[j].x0 < lo) lo = in[j].x0;
			if (in[j].x1 > hi) hi = in[j].x1;
		}
	}
	for (i = 0; i < n; i++) {
		bytes += in[i].len + 3;
		ngaps += in[i].ngaps + 1;
		if (root[i] == i)
			nout++;
		if (count[i] > cap)
			cap = count[i];
	}
	m->lines = pd__calloc(nout ? nout : 1, sizeof(*m->lines));
	m->gaps = pd__calloc(ngaps ? ngaps : 1, sizeof(*m->gaps));
	m->cuts = pd__calloc(ngaps ? ngaps : 1, sizeof(*m->cuts));
	members = pd__calloc(cap ? cap : 1, sizeof(*members));
	pd_buf_init(&m->text);
	pd_buf_grow(&m->text, bytes + 1);    /* never moves after this */
	m->n = 0;
	for (i = 0; i < n; i++) {
		pd_pdf_line *l;
		size_t nm = 0, at;

		if (root[i] != i)
			continue;
		l = &m->lines[m->n++];
		*l = in[i];
		if (count[i] == 1)
			continue;
		for (j = i; j < n && j < i + ROW_WINDOW && nm < count[i]; j++)
			if (root[j] == i)
				members[nm++] = &in[j];
		qsort(members, nm, sizeof(*members), x_order);
		at = m->text.size;
		l->gaps = m->gaps + gi;
		l->cuts = m->cuts + gi;
		l->ngaps = 0;
		l->x0 = members[0]->x0;
		l->x1 = members[nm - 1]->x1;
		for (k = 0; k < nm; k++) {
			const pd_pdf_line *f = members[k];
			size_t base, g;

			if (k) {
				pd_buf_putc(&m->text, ' ');
				m->gaps[gi] = f->x0;
				m->cuts[gi++] = m->text.size - at;
				l->ngaps++;
			}
			base = m->text.size - at;
			pd_buf_put(&m->text, f->text, f->len);
			for (g = 0; g < f->ngaps; g++) {
				m->gaps[gi] = f->gaps[g];
				m->cuts[gi++] = base + f->cuts[g];
				l->ngaps++;
			}
			if (f->y0 < l->y0) l->y0 = f->y0;
			if (f->y1 > l->y1) l->y1 = f->y1;
		}
		l->text = m->text.ptr + at;
		l->len = m->text.size - at;
		l->flags = members[0]->flags;
	}
	/* a bullet set apart by a tab is an item, not a cell */
	for (i = 0; i < m->n; i++) {
		pd_pdf_line *l = &m->lines[i];
		size_t b = bullet_len(l->text, l->len);

		if (b && l->ngaps) {
			while (b < l->len && (l->text[b] == ' ' || l->text[b] == '\t'))
				b++;
			if (l->cuts[0] <= b) {
				l->gaps++;
				l->cuts++;
				l->ngaps--;
			}
		}
	}
	/* the joined rows' stretch of each page, top to bottom */
	for (i = 0; i < m->n; ) {
		size_t first = m->n, last = 0, end = i;

		while (end < m->n && m->lines[end].page == m->lines[i].page) {
			const pd_pdf_line *e = &m->lines[end];
			int joined = e->ngaps && e->text >= m->text.ptr &&
			             e->text < m->text.ptr + m->text.size;
			/* a line above the one before it, in the same column:
			 * poppler went back up (a bullet's text block) */
			int back = end > i && e->y0 < m->lines[end - 1].y0 - 1 &&
			           e->x0 < m->lines[end - 1].x1 &&
			           e->x1 > m->lines[end - 1].x0;

			if ((joined || back) && first == m->n)
				first = back ? i : end;
			if (joined || back)
				last = end;
			end++;
		}
		/* and on to the page's end: the cells' other lines; then an
		 * insertion sort by top, for stretches of a sensible size */
		if (first < m->n)
			last = end - 1;
		for (j = first + 1; first < m->n && last - first < 2000 &&
		                    j <= last; j++) {
			pd_pdf_line t = m->lines[j];

			for (k = j; k > first && m->lines[k - 1].y0 > t.y0 + 1; k--)
				m->lines[k] = m->lines[k - 1];
			m->lines[k] = t;
		}
		i = end;
	}
	free(members);
	free(count);
	free(root);
}

/* ------------------------------------------------------------------ */
/* 1. Running headers and footers                                      */

static int in_zone(const pd_pdf_line *l)
{
	double h = l->page_height > 0 ? l->page_height : 842;

	return l->y0 < h * TOP_ZONE || l->y1 > h * BOTTOM_ZONE;
}

static void drop_running(layout *lay)
{
	pd_buf *keys = pd__calloc(lay->n ? lay->n : 1, sizeof(*keys));
	unsigned pages = 0;
	size_t i, j;

	for (i = 0; i < lay->n; i++) {
		const pd_pdf_line *l = &lay->lines[i];

		pd_buf_init(&keys[i]);
		if (l->page > pages)
			pages = l->page;
		/* a header is at the top of every page, a footer at the
		 * bottom: a table's head repeated at the bottom of one page
		 * and the top of the next is neither */
		if (in_zone(l)) {
			pd_buf_putc(&keys[i], l->y0 < (l->page_height > 0 ?
			            l->page_height : 842) * TOP_ZONE ? 'T' : 'B');
			digits_key(&keys[i], l->text, l->len);
		}
	}
	for (i = 0; i < lay->n; i++) {
		const pd_pdf_line *l = &lay->lines[i];
		unsigned seen = 1, last_page = l->page;

		if (!in_zone(l) || lay->info[i].role == ROLE_DROPPED)
			continue;
		if (is_page_number(l->text, l->len)) {
			lay->info[i].role = ROLE_DROPPED;
			continue;
		}
		if (pages < 2 || !keys[i].size)
			continue;
		/* count the pages with this line; bounded by the lines in
		 * the zones, a few per page */
		for (j = i + 1; j < lay->n; j++)
			if (keys[j].size && lay->lines[j].page != last_page &&
			    !strcmp(keys[j].ptr, keys[i].ptr)) {
				seen++;
				last_page = lay->lines[j].page;
			}
		if (seen >= 2 && seen * 2 >= pages) {
			for (j = i; j < lay->n; j++)
				if (keys[j].size && !strcmp(keys[j].ptr, keys[i].ptr))
					lay->info[j].role = ROLE_DROPPED;
		}
	}
	for (i = 0; i < lay->n; i++)
		pd_buf_dispose(&keys[i]);
	free(keys);
}

/* ------------------------------------------------------------------ */
/* Output                                                              */

void pd_import__emit(writer *w, const pd_buf *b)
{
	size_t i;

	for (i = 0; i < b->size; i++)
		if (b->ptr[i] == '\n')
			w->line++;
	pd_buf_put(w->out, b->ptr, b->size);
}

static int is_joining_word(const char *p, size_t n)
{
	static const char *const words[] = {
		"och", "eller", "samt", "and", "or", "till", NULL
	};
	size_t k;

	for (k = 0; words[k]; k++) {
		size_t w = strlen(words[k]);

		if (ci_prefix(p, n, words[k]) && (n == w || p[w] == ' ' ||
		                                  p[w] == ',' || p[w] == '.'))
			return 1;
	}
	return 0;
}

/* Append a line to a paragraph: a space between, or a hyphen undone. */
void pd_import__join_line(pd_buf *para, const char *p, size_t n)
{
	pd_import__trim(&p, &n);
	if (!n)
		return;
	if (para->size) {
		char last = para->ptr[para->size - 1];
		char before = para->size >= 2 ? para->ptr[para->size - 2] : ' ';

		if (last == '-' && isalpha((unsigned char)before) == 0 &&
		    (unsigned char)before < 0x80)
			pd_buf_putc(para, ' ');
		else if (last == '-' && (islower((unsigned char)p[0]) ||
		                          (unsigned char)p[0] >= 0xc3) &&
		         !is_joining_word(p, n))
			pd_buf_truncate(para, para->size - 1);
		else
			pd_buf_putc(para, ' ');
	}
	/* control characters (a tab between cells, a stray NUL) are space */
	for (; n; p++, n--)
		pd_buf_putc(para, (unsigned char)*p < 0x20 ? ' ' : *p);
}

/* Escape what would make Markdown of a plain paragraph's start. */
static void put_paragraph(pd_buf *out, const pd_buf *para)
{
	const char *p = para->ptr;
	size_t n = para->size, d = 0;

	if (n && (p[0] == '#' || p[0] == '>' || p[0] == '|' ||
	          ((p[0] == '-' || p[0] == '+' || p[0] == '*') &&
	           n > 1 && p[1] == ' ')))
		pd_buf_putc(out, '\\');
	while (d < n && isdigit((unsigned char)p[d]))
		d++;
	if (d && d < 10 && d + 1 < n && (p[d] == '.' || p[d] == ')') &&
	    p[d + 1] == ' ') {
		pd_buf_put(out, p, d);
		pd_buf_putc(out, '\\');
		p += d;
		n -= d;
	}
	pd_buf_put(out, p, n);
}

void pd_import__layout(pd_buf *out, pd_import_info *info,
                       const pd_pdf_line *lines, size_t n,
                       const pd_pdf_mark *marks, size_t nmarks,
                       pd_origin origin)
{
	layout lay;
	merged mrg;
	writer w;
	pd_buf para = PD_BUF_INIT;
	size_t table_cols[8];
	double cols[8 * MAX_COLUMNS];
	size_t i;

	merge_rows(&mrg, lines, n);
	lines = mrg.lines;
	n = mrg.n;
	lay.lines = lines;
	lay.n = n;
	lay.info = pd__calloc(n ? n : 1, sizeof(*lay.info));
	w.out = out;
	w.info = info;
	w.line = 0;
	memset(table_cols, 0, sizeof(table_cols));
	drop_running(&lay);
	lay.body = pd_import__body_size(&lay);
	lay.gap = pd_import__usual_gap(&lay);
	for (i = 0; i < nmarks && !marks[i].level; i++)
		;
	pd_import__headings_from_marks(&lay, marks, nmarks, origin, i < nmarks);
	if (i == nmarks)
		pd_import__headings_from_fonts(&lay);
	pd_import__find_tables(&lay, table_cols, cols);

	for (i = 0; i < n; ) {
		const pd_pdf_line *l = &lines[i];
		const line_info *li = &lay.info[i];
		size_t b, j;

		if (li->role == ROLE_DROPPED) {
			i++;
			continue;
		}
		if (li->role == ROLE_TABLE && li->table <= 8) {
			i = pd_import__write_table(&w, &lay, i, table_cols[li->table - 1],
			                cols + (size_t)(li->table - 1) * MAX_COLUMNS);
			continue;
		}
		pd_buf_clear(&para);
		if (li->role == ROLE_HEADING) {
			unsigned page = l->page;

			pd_import__join_line(&para, l->text, l->len);
			for (j = i + 1; j < n && lay.info[j].role == ROLE_HEADING &&
			                lay.info[j].cont; j++)
				pd_import__join_line(&para, lines[j].text, lines[j].len);
			pd_buf_printf(out, "%.*s ", li->level, "######");
			pd_buf_put(out, para.ptr, para.size);
			pd_buf_puts(out, "\n\n");
			pd_import__add_heading(info, w.line + 1, page, li->origin);
			w.line += 2;
			i = j;
			continue;
		}
		b = bullet_len(l->text, l->len);
		if (!b && li->item)
			b = (size_t)-1;    /* an item without a written bullet */
		if (b == (size_t)-1) {
			pd_import__join_line(&para, l->text, l->len);
		} else if (b) {
			pd_import__join_line(&para, l->text + b, l->len - b);
		} else {
			pd_import__join_line(&para, l->text, l->len);
		}
		for (j = i + 1; j < n; j++) {
			const pd_pdf_line *m = &lines[j];
			size_t prev = j - 1;

			if (lay.info[j].role == ROLE_DROPPED)
				continue;
			while (lay.info[prev].role == ROLE_DROPPED && prev > i)
				prev--;
			if (lay.info[j].role != ROLE_TEXT)
				break;
			if (bullet_len(m->text, m->len) || lay.info[j].item)
				break;
			if (b && b != (size_t)-1) {
				/* an item goes on in lines indented under its text */
				const pd_pdf_line *pl = &lines[prev];

				if (m->page != pl->page || m->x0 < l->x0 + 2 ||
				    m->y0 <= pl->y0 ||
				    m->y0 - pl->y0 > 2 * pd_import__line_height(pl))
					break;
			} else if (!pd_import__same_block(&lay, &lines[prev], m)) {
				/* a paragraph going on over a page break */
				if (!(lines[prev].page + 1 == m->page &&
				      pd_import__round_size(lines[prev].size) ==
				      pd_import__round_size(m->size) && para.size &&
				      strchr(".:!?", para.ptr[para.size - 1]) == NULL &&
				      m->len && (islower((unsigned char)m->text[0]) ||
				       (unsigned char)m->text[0] >= 0xc3)))
					break;
			}
			pd_import__join_line(&para, m->text, m->len);
		}
		if (b) {
			pd_buf_puts(out, "- ");
			pd_buf_put(out, para.ptr, para.size);
			pd_buf_putc(out, '\n');
			w.line++;
			/* the next item follows without a blank line */
			if (j < n && lay.info[j].role == ROLE_TEXT &&
			    (bullet_len(lines[j].text, lines[j].len) ||
			     lay.info[j].item)) {
				i = j;
				continue;
			}
			pd_buf_putc(out, '\n');
			w.line++;
		} else {
			put_paragraph(out, &para);
			pd_buf_puts(out, "\n\n");
			w.line += 2;
		}
		i = j;
	}
	while (out->size >= 2 && out->ptr[out->size - 1] == '\n' &&
	       out->ptr[out->size - 2] == '\n')
		pd_buf_truncate(out, out->size - 1);
	pd_buf_dispose(&para);
	free(lay.info);
	free(mrg.lines);
	free(mrg.gaps);
	free(mrg.cuts);
	pd_buf_dispose(&mrg.text);
}
