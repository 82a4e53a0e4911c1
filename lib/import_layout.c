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
 * 2. Headings. When the document names them (tags or bookmarks, `marks`)
 *    the lines that spell each one, in order, are its heading, at its
 *    level. Otherwise, by the body text's size (the size most characters
 *    have): a paragraph of at most three lines in a font at least 15 %
 *    larger is a heading, levels by size, the largest first; numbering
 *    ("2.", "2.1", "2.1.3") sets the level where present (one more than
 *    its depth when the document has a title above it). A paragraph that
 *    is only bold, at the body size, is a heading only when it is numbered
 *    and short (at most 15 words, not ending in a full stop): otherwise it
 *    stays a bold paragraph, because bold lead-ins, names and warnings
 *    are as common as bold headings. The first heading of the largest
 *    size is the title (H1).
 * 3. Paragraphs: lines join while the gap above is small and the size the
 *    same; a word broken by a hyphen at the end of a line is joined again
 *    ("sam-" + "arbete"), but not before "och", "eller", "samt", "and",
 *    "or" ("stads- och landsbygd").
 * 4. Lists: a line starting with a bullet (• ◦ ▪ – - * ·) is an item, and
 *    lines indented under it continue it.
 * 5. Tables: a run of lines split by wide gaps into cells that start at
 *    the same columns is a table; a line with cells in fewer columns, or
 *    close below the one before, continues that row's cells; a row that
 *    repeats the first (a header repeated on a new page) is dropped.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "import.h"

#define TOP_ZONE 0.125
#define BOTTOM_ZONE 0.875
#define HEADING_RATIO 1.15
#define MAX_COLUMNS 16

enum line_role {
	ROLE_TEXT = 0,
	ROLE_DROPPED,
	ROLE_HEADING,
	ROLE_TABLE
};

typedef struct {
	int role;
	int level;          /* headings */
	pd_origin origin;
	int cont;           /* heading: continues the line before */
	int table;          /* table: which table (1..) */
	int row_start;      /* table: starts a row */
	int item;           /* text: a list item starts here (a tag says) */
} line_info;

typedef struct {
	const pd_pdf_line *lines;
	size_t n;
	line_info *info;
	double body;        /* the body text's size */
	double gap;         /* the usual pitch of a paragraph's lines */
} layout;

/* ------------------------------------------------------------------ */
/* Small text helpers                                                  */

static void trim(const char **p, size_t *n)
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

	trim(&p, &n);
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

static double round_size(double s)
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
/* 2. Headings                                                         */

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

static int is_text(const layout *lay, size_t i)
{
	return lay->info[i].role == ROLE_TEXT;
}

static void headings_from_marks(layout *lay, const pd_pdf_mark *marks,
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
				if (!is_text(lay, i))
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

			if (!is_text(lay, i) ||
			    (marks[m].page && lay->lines[i].page < marks[m].page))
				continue;
			if (marks[m].page && lay->lines[i].page > marks[m].page + 1)
				break;
			/* lines i..j spell the title? */
			pd_buf_clear(&got);
			for (j = i; j < lay->n && j < i + 4; j++) {
				if (!is_text(lay, j))
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
static double body_size(const layout *lay)
{
	double sizes[64];
	size_t counts[64], ns = 0, i, k, best = 0;

	for (i = 0; i < lay->n; i++) {
		double s = round_size(lay->lines[i].size);

		if (!is_text(lay, i) || s <= 0)
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


static double line_height(const pd_pdf_line *l)
{
	double h = l->y1 - l->y0;

	return h > 0 ? h : (l->size > 0 ? l->size : 10);
}

/* The usual gap between two lines of a paragraph: the most common gap,
 * by half points, between lines of the body size that follow each other
 * on a page (the leading; paragraphs are set further apart). */
static double usual_gap(const layout *lay)
{
	size_t counts[160], i, best = 0;

	memset(counts, 0, sizeof(counts));
	for (i = 1; i < lay->n; i++) {
		const pd_pdf_line *a = &lay->lines[i - 1], *b = &lay->lines[i];
		double pitch = b->y0 - a->y0;

		if (a->page != b->page || round_size(a->size) != lay->body ||
		    round_size(b->size) != lay->body || pitch >= 80 ||
		    pitch < 0.8 * line_height(a) ||  /* cells side by side */
		    pitch > 2 * line_height(a))      /* paragraphs apart */
			continue;
		counts[(size_t)(pitch * 2)]++;
	}
	for (i = 1; i < 160; i++)
		if (counts[i] > counts[best])
			best = i;
	return counts[best] ? (double)best / 2 : -1;
}

/* Do lines a and b (b right after a) belong to one paragraph? */
static int same_block_in(const layout *lay, const pd_pdf_line *a,
                         const pd_pdf_line *b)
{
	double gap, h = line_height(a);

	if (round_size(a->size) != round_size(b->size) ||
	    (a->flags & PD_PDF_BOLD) != (b->flags & PD_PDF_BOLD))
		return 0;
	if (a->page != b->page)
		return 0;
	gap = b->y0 - a->y1;
	if (gap <= -h)
		return 0;
	/* the usual line pitch, and a little more, is one paragraph */
	if (lay && lay->gap > 0 && round_size(a->size) == lay->body)
		return b->y0 - a->y0 < lay->gap * 1.25 + 0.5;
	return gap < 0.6 * h;
}

#define same_block(a, b) same_block_in(lay, (a), (b))

static void headings_from_fonts(layout *lay)
{
	double sizes[8];
	size_t nsizes = 0, i, k;
	double title_size = 0;
	int have_title = 0;

	/* the distinct heading sizes, largest first */
	for (i = 0; i < lay->n; i++) {
		double s = round_size(lay->lines[i].size);

		if (!is_text(lay, i) || s < lay->body * HEADING_RATIO)
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
		double s = round_size(l->size);
		size_t j = i, words = 0, total = 0;
		const char *p = l->text;
		size_t n = l->len;
		int depth, level = 0, bold_rule = 0;

		if (!is_text(lay, i) || l->ngaps)
			continue;
		/* the paragraph this line starts */
		while (j + 1 < lay->n && is_text(lay, j + 1) &&
		       same_block(&lay->lines[j], &lay->lines[j + 1]) &&
		       j + 1 - i < 4)
			j++;
		for (k = i; k <= j; k++) {
			words += word_count(lay->lines[k].text, lay->lines[k].len);
			total += lay->lines[k].len;
		}
		trim(&p, &n);
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

/* ------------------------------------------------------------------ */
/* 5. Tables                                                           */

/* Which column of `cols` does x start? -1 when none. */
static int column_of(const double *cols, size_t ncols, double x)
{
	size_t k;

	for (k = 0; k < ncols; k++)
		if (fabs(cols[k] - x) < 6)
			return (int)k;
	return -1;
}

static void find_tables(layout *lay, size_t *ncols_out, double *cols_out)
{
	size_t i = 0;
	int table = 0;

	while (i < lay->n) {
		const pd_pdf_line *l = &lay->lines[i];
		double cols[MAX_COLUMNS];
		size_t ncols, k, j, rows = 0;

		if (!is_text(lay, i) || !l->ngaps || l->ngaps + 1 > MAX_COLUMNS) {
			i++;
			continue;
		}
		ncols = l->ngaps + 1;
		cols[0] = l->x0;
		for (k = 0; k < l->ngaps; k++)
			cols[k + 1] = l->gaps[k];
		/* the run of lines whose cells fall in these columns */
		for (j = i; j < lay->n; j++) {
			const pd_pdf_line *r = &lay->lines[j];
			int ok = 1;

			if (lay->info[j].role == ROLE_DROPPED)
				continue;
			if (!is_text(lay, j))
				break;
			if (column_of(cols, ncols, r->x0) < 0)
				ok = 0;
			/* a line of one cell only goes on close below */
			if (ok && !r->ngaps && j > i &&
			    (lay->lines[j - 1].page != r->page ||
			     r->y0 - lay->lines[j - 1].y1 > 0.6 * line_height(r)))
				ok = 0;
			for (k = 0; ok && k < r->ngaps; k++)
				if (column_of(cols, ncols, r->gaps[k]) < 0)
					ok = 0;
			if (!ok)
				break;
			if (r->ngaps)
				rows++;
		}
		if (rows < 2) {
			i++;
			continue;
		}
		table++;
		if ((size_t)table <= 8) {
			ncols_out[table - 1] = ncols;
			memcpy(cols_out + (size_t)(table - 1) * MAX_COLUMNS, cols,
			       ncols * sizeof(*cols));
		}
		for (k = i; k < j; k++) {
			const pd_pdf_line *r = &lay->lines[k];
			size_t prev = k;

			if (lay->info[k].role == ROLE_DROPPED)
				continue;
			lay->info[k].role = ROLE_TABLE;
			lay->info[k].table = table;
			while (prev > i && lay->info[prev - 1].role == ROLE_DROPPED)
				prev--;
			/* a new row: the first line, a line in column 0 after a
			 * gap, or one on a new page */
			lay->info[k].row_start = k == i ||
			        (column_of(cols, ncols, r->x0) == 0 &&
			         (prev == i || lay->lines[prev - 1].page != r->page ||
			          r->y0 - lay->lines[prev - 1].y1 >
			          0.35 * line_height(r) ||
			          r->ngaps + 1 == ncols));
		}
		i = j;
	}
}

/* ------------------------------------------------------------------ */
/* Output                                                              */

typedef struct {
	pd_buf *out;
	pd_import_info *info;
	unsigned line;      /* lines written so far */
} writer;

static void emit(writer *w, const pd_buf *b)
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
static void join_line(pd_buf *para, const char *p, size_t n)
{
	trim(&p, &n);
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

static void put_cell(pd_buf *out, const char *p, size_t n)
{
	size_t i;

	trim(&p, &n);
	for (i = 0; i < n; i++) {
		if (p[i] == '|')
			pd_buf_putc(out, '\\');
		pd_buf_putc(out, p[i]);
	}
}

static void flush_row(writer *w, pd_buf *cells, size_t ncols,
                      pd_buf *first, int *rows)
{
	pd_buf row = PD_BUF_INIT;
	size_t k;

	pd_buf_puts(&row, "|");
	for (k = 0; k < ncols; k++) {
		pd_buf_putc(&row, ' ');
		put_cell(&row, cells[k].ptr, cells[k].size);
		pd_buf_puts(&row, " |");
		pd_buf_clear(&cells[k]);
	}
	pd_buf_putc(&row, '\n');
	if (*rows > 0 && !strcmp(row.ptr, first->ptr)) {
		pd_buf_dispose(&row);
		return;       /* the header again, on a new page */
	}
	emit(w, &row);
	if (*rows == 0) {
		pd_buf_puts(first, row.ptr);
		pd_buf_clear(&row);
		pd_buf_puts(&row, "|");
		for (k = 0; k < ncols; k++)
			pd_buf_puts(&row, " --- |");
		pd_buf_putc(&row, '\n');
		emit(w, &row);
	}
	(*rows)++;
	pd_buf_dispose(&row);
}

static size_t write_table(writer *w, const layout *lay, size_t i,
                          size_t ncols, const double *cols)
{
	pd_buf cells[MAX_COLUMNS], first = PD_BUF_INIT;
	int table = lay->info[i].table, rows = 0, pending = 0;
	size_t k, head = i, last = i;

	for (k = 0; k < ncols; k++)
		pd_buf_init(&cells[k]);
	for (; i < lay->n; i++) {
		const pd_pdf_line *l = &lay->lines[i];
		size_t c, start = 0;
		int col;

		if (lay->info[i].role == ROLE_DROPPED)
			continue;
		if (lay->info[i].role != ROLE_TABLE || lay->info[i].table != table)
			break;
		/* the header row again at the top of a new page: left out, and
		 * the row it interrupted goes on after it */
		if (i > head && l->page != lay->lines[last].page &&
		    l->len == lay->lines[head].len &&
		    !memcmp(l->text, lay->lines[head].text, l->len)) {
			last = i;
			continue;
		}
		last = i;
		if (lay->info[i].row_start && pending) {
			flush_row(w, cells, ncols, &first, &rows);
			pending = 0;
		}
		/* the line's cells into their columns */
		for (c = 0; c <= l->ngaps; c++) {
			size_t end = c < l->ngaps ? l->cuts[c] : l->len;
			double x = c == 0 ? l->x0 : l->gaps[c - 1];

			col = column_of(cols, ncols, x);
			if (col < 0)
				col = 0;
			if (end > l->len)
				end = l->len;
			if (end > start)
				join_line(&cells[col], l->text + start, end - start);
			start = end;
		}
		pending = 1;
	}
	if (pending)
		flush_row(w, cells, ncols, &first, &rows);
	pd_buf_puts(w->out, "\n");
	w->line++;
	for (k = 0; k < ncols; k++)
		pd_buf_dispose(&cells[k]);
	pd_buf_dispose(&first);
	return i;
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
	lay.body = body_size(&lay);
	lay.gap = usual_gap(&lay);
	for (i = 0; i < nmarks && !marks[i].level; i++)
		;
	headings_from_marks(&lay, marks, nmarks, origin, i < nmarks);
	if (i == nmarks)
		headings_from_fonts(&lay);
	find_tables(&lay, table_cols, cols);

	for (i = 0; i < n; ) {
		const pd_pdf_line *l = &lines[i];
		const line_info *li = &lay.info[i];
		size_t b, j;

		if (li->role == ROLE_DROPPED) {
			i++;
			continue;
		}
		if (li->role == ROLE_TABLE && li->table <= 8) {
			i = write_table(&w, &lay, i, table_cols[li->table - 1],
			                cols + (size_t)(li->table - 1) * MAX_COLUMNS);
			continue;
		}
		pd_buf_clear(&para);
		if (li->role == ROLE_HEADING) {
			unsigned page = l->page;

			join_line(&para, l->text, l->len);
			for (j = i + 1; j < n && lay.info[j].role == ROLE_HEADING &&
			                lay.info[j].cont; j++)
				join_line(&para, lines[j].text, lines[j].len);
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
			join_line(&para, l->text, l->len);
		} else if (b) {
			join_line(&para, l->text + b, l->len - b);
		} else {
			join_line(&para, l->text, l->len);
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
				    m->y0 - pl->y0 > 2 * line_height(pl))
					break;
			} else if (!same_block_in(&lay, &lines[prev], m)) {
				/* a paragraph going on over a page break */
				if (!(lines[prev].page + 1 == m->page &&
				      round_size(lines[prev].size) ==
				      round_size(m->size) && para.size &&
				      strchr(".:!?", para.ptr[para.size - 1]) == NULL &&
				      m->len && (islower((unsigned char)m->text[0]) ||
				       (unsigned char)m->text[0] >= 0xc3)))
					break;
			}
			join_line(&para, m->text, m->len);
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
