/* SPDX-License-Identifier: MIT */
/*
 * import_tables.c: step 5 of a PDF's layout (import_layout.c): a run of
 * lines split by wide gaps into cells that start at the same columns is
 * a table, written as a pipe table; a line with cells in fewer columns,
 * or close below the one before, continues that row's cells; a row that
 * repeats the first (a header repeated on a new page) is dropped.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "import.h"
#include "import_layout.h"

/* Which column of `cols` does x start? -1 when none. */
static int column_of(const double *cols, size_t ncols, double x)
{
	size_t k;

	for (k = 0; k < ncols; k++)
		if (fabs(cols[k] - x) < 6)
			return (int)k;
	return -1;
}

void pd_import__find_tables(layout *lay, size_t *ncols_out,
                            double *cols_out)
{
	size_t i = 0;
	int table = 0;

	while (i < lay->n) {
		const pd_pdf_line *l = &lay->lines[i];
		double cols[MAX_COLUMNS];
		size_t ncols, k, j, rows = 0;

		if (!pd_import__is_text(lay, i) || !l->ngaps || l->ngaps + 1 > MAX_COLUMNS) {
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
			if (!pd_import__is_text(lay, j))
				break;
			if (column_of(cols, ncols, r->x0) < 0)
				ok = 0;
			/* a line of one cell only goes on close below */
			if (ok && !r->ngaps && j > i &&
			    (lay->lines[j - 1].page != r->page ||
			     r->y0 - lay->lines[j - 1].y1 > 0.6 * pd_import__line_height(r)))
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
			          0.35 * pd_import__line_height(r) ||
			          r->ngaps + 1 == ncols));
		}
		i = j;
	}
}

static void put_cell(pd_buf *out, const char *p, size_t n)
{
	size_t i;

	pd_import__trim(&p, &n);
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
	pd_import__emit(w, &row);
	if (*rows == 0) {
		pd_buf_puts(first, row.ptr);
		pd_buf_clear(&row);
		pd_buf_puts(&row, "|");
		for (k = 0; k < ncols; k++)
			pd_buf_puts(&row, " --- |");
		pd_buf_putc(&row, '\n');
		pd_import__emit(w, &row);
	}
	(*rows)++;
	pd_buf_dispose(&row);
}

size_t pd_import__write_table(writer *w, const layout *lay, size_t i,
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
				pd_import__join_line(&cells[col], l->text + start, end - start);
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
