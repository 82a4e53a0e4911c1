/* SPDX-License-Identifier: MIT */
/*
 * changes_tables.c: indicator tables compared as tables. CommonMark has
 * no tables, so a pipe table reaches the model as one block; its rows
 * are read here again from the source lines it covers (kept with the
 * block by the parse), split into cells at the pipes that are not
 * escaped, without the delimiter row.
 *
 * Rows are paired by their first cell (the indicator's name, folded): a
 * row only in the new table is a new indicator, one only in the old a
 * removed indicator, and each cell that differs in a row of both is a
 * value that changed, named by its column. A header that differs (new
 * base and target years) is one change of its own.
 *
 * For --details the same rows are found again and shown as a small
 * before/after table: never a table flattened into one line; in JSON,
 * as the header and rows of cells.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "changes.h"
#include "text.h"

/* Rows compared by their first cell, at most (each row is looked up in
 * the other table): a larger table is left to the text change. */
#define MAX_ROWS 500
#define MAX_COLS 64

/* A row by its folded first cell, for finding rows by binary search */
typedef struct row_key {
	char *key;
	size_t row;
} row_key;

typedef struct table {
	const char **cell;     /* rows × cols, in the changes' pool */
	size_t rows, cols;     /* row 0 is the header */
	unsigned line;         /* the header's line */
	row_key *index;        /* rows 1.. sorted by key, then row; made
	                          when first searched */
} table;

static void table_dispose(table *t)
{
	size_t r;

	for (r = 0; t->index && r + 1 < t->rows; r++)
		free(t->index[r].key);
	free(t->index);
	free((void *)t->cell);
	memset(t, 0, sizeof(*t));
}

static int is_delimiter_cell(const char *s, size_t len)
{
	size_t i, dashes = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '-')
			dashes++;
		else if (s[i] != ':' && s[i] != ' ')
			return 0;
	}
	return dashes > 0;
}

/* Split one row into cells; NULL cells are appended up to `cols`. */
static size_t split_row(pd_pool *pool, const char ***cells, size_t *cap,
                        size_t have, const char *s, size_t len, int *delim)
{
	pd_buf cell = PD_BUF_INIT;
	size_t i = 0, n = 0, start;

	pd_changes__value_steps += len + 1;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\r' ||
	               s[len - 1] == '\t'))
		len--;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < len && s[i] == '|')
		i++;
	if (len > i && s[len - 1] == '|' && (len < 2 || s[len - 2] != '\\'))
		len--;
	*delim = 1;
	while (i <= len) {
		pd_buf_clear(&cell);
		start = i;
		for (; i < len && !(s[i] == '|' && (i == start || s[i - 1] != '\\'));
		     i++)
			if (!(s[i] == '\\' && i + 1 < len && s[i + 1] == '|'))
				pd_buf_putc(&cell, s[i]);
		{
			size_t a = 0, b = cell.size;

			while (a < b && cell.ptr[a] == ' ')
				a++;
			while (b > a && cell.ptr[b - 1] == ' ')
				b--;
			if (!is_delimiter_cell(cell.ptr + a, b - a))
				*delim = 0;
			if (have + n == *cap) {
				*cap = *cap ? *cap * 2 : 32;
				*cells = pd__reallocarray((void *)*cells, *cap,
				                          sizeof(**cells));
			}
			(*cells)[have + n] = pd_pool_strndup(pool, cell.ptr + a,
			                                     b - a);
			n++;
		}
		i++;
	}
	pd_buf_dispose(&cell);
	return n;
}

/* Read the table a block holds from its source lines. */
static int read_table(table *t, pd_pool *pool, const pd_document *doc,
                      const pd_block *blk)
{
	const char *s = blk->source, *end;
	const char **row = NULL;
	size_t cap = 0, rcap = 0;

	(void)doc;
	memset(t, 0, sizeof(*t));
	if (!s)
		return -1;
	end = s + blk->source_len;
	t->line = blk->line;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t len = nl ? (size_t)(nl - s) : (size_t)(end - s), n, k;
		size_t lead = 0;
		int delim;

		while (lead < len && (s[lead] == ' ' || s[lead] == '\t'))
			lead++;
		if (lead == len || s[lead] != '|' || t->rows > MAX_ROWS ||
		    t->cols > MAX_COLS)
			break;
		n = split_row(pool, &row, &rcap, 0, s, len, &delim);
		if (!(delim && t->rows == 1)) {
			if (!t->rows)
				t->cols = n;
			if ((t->rows + 1) * t->cols > cap) {
				cap = (t->rows + 1) * t->cols * 2;
				t->cell = pd__reallocarray((void *)t->cell, cap,
				                           sizeof(*t->cell));
			}
			for (k = 0; k < t->cols; k++)
				t->cell[t->rows * t->cols + k] = k < n ? row[k] : "";
			t->rows++;
		}
		if (!nl)
			break;
		s = nl + 1;
	}
	free((void *)row);
	if (t->rows < 1 || t->cols < 2 || t->rows > MAX_ROWS ||
	    t->cols > MAX_COLS) {
		table_dispose(t);
		return -1;
	}
	return 0;
}

static const char *cell(const table *t, size_t r, size_t k)
{
	return t->cell[r * t->cols + k];
}

static int compare_keys(const void *x, const void *y)
{
	const row_key *a = x, *b = y;
	int d = strcmp(a->key, b->key);

	pd_changes__value_steps++;
	return d ? d : a->row < b->row ? -1 : a->row > b->row;
}

/* Sort the rows by their folded first cells: n log n, once a table. */
static void make_index(table *t)
{
	pd_buf f = PD_BUF_INIT;
	size_t r;

	t->index = pd__reallocarray(NULL, t->rows, sizeof(*t->index));
	for (r = 1; r < t->rows; r++) {
		pd_buf_clear(&f);
		pd_text_fold(&f, cell(t, r, 0), strlen(cell(t, r, 0)));
		pd_changes__value_steps += f.size + 1;
		t->index[r - 1].key = pd__strdup(f.ptr);
		t->index[r - 1].row = r;
	}
	qsort(t->index, t->rows - 1, sizeof(*t->index), compare_keys);
	pd_buf_dispose(&f);
}

/*
 * The first row of `t` whose first cell is `key` once both are folded,
 * or 0 (the header) for none: a binary search of the index, so that
 * pairing the rows of two tables costs n log n, not n².
 */
static size_t find_row(table *t, const char *key)
{
	pd_buf f = PD_BUF_INIT;
	size_t lo = 0, hi, found = 0;

	if (t->rows < 2)
		return 0;
	if (!t->index)
		make_index(t);
	pd_text_fold(&f, key, strlen(key));
	pd_changes__value_steps += f.size + 1;
	/* the lowest entry not below the key: the first row of equals */
	hi = t->rows - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		pd_changes__value_steps++;
		if (strcmp(t->index[mid].key, f.ptr) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < t->rows - 1 && !strcmp(t->index[lo].key, f.ptr))
		found = t->index[lo].row;
	pd_buf_dispose(&f);
	return found;
}

static int header_differs(const table *a, const table *b)
{
	size_t k;

	if (a->cols != b->cols)
		return 1;
	for (k = 0; k < a->cols; k++)
		if (strcmp(cell(a, 0, k), cell(b, 0, k)))
			return 1;
	return 0;
}

/* "Utgångsvärde 2019, Målvärde 2030": the header after the first cell. */
static const char *header_list(pd_changes *c, const table *t)
{
	pd_buf out = PD_BUF_INIT;
	const char *s;
	size_t k;

	for (k = 1; k < t->cols; k++) {
		if (k > 1)
			pd_buf_puts(&out, ", ");
		pd_buf_puts(&out, cell(t, 0, k));
	}
	s = pd_pool_strndup(&c->pool, out.ptr, out.size);
	pd_buf_dispose(&out);
	return s;
}

/* Lower-case an ASCII or Å/Ä/Ö capital that starts a header cell. */
static void put_lowered(pd_buf *out, const char *s)
{
	unsigned char c0 = (unsigned char)s[0];

	if (c0 >= 'A' && c0 <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z')) {
		pd_buf_putc(out, (char)(c0 + 32));
		pd_buf_puts(out, s + 1);
	} else if (c0 == 0xc3 && ((unsigned char)s[1] == 0x84 ||
	           (unsigned char)s[1] == 0x85 || (unsigned char)s[1] == 0x96)) {
		pd_buf_putc(out, (char)c0);
		pd_buf_putc(out, (char)((unsigned char)s[1] + 0x20));
		pd_buf_puts(out, s + 2);
	} else {
		pd_buf_puts(out, s);
	}
}

/* "utgångsvärde 41, målvärde 55": a new row's values, named. */
static const char *row_values(pd_changes *c, const table *t, size_t r)
{
	pd_buf out = PD_BUF_INIT;
	const char *s;
	size_t k;

	for (k = 1; k < t->cols; k++) {
		const char *h = cell(t, 0, k), *v = cell(t, r, k);
		size_t hl = strlen(h);

		if (!*v)
			continue;
		if (out.size)
			pd_buf_puts(&out, ", ");
		if (*h) {
			put_lowered(&out, h);
			/* "målvärde 2030: 55", not "målvärde 2030 55" */
			pd_buf_puts(&out, hl && h[hl - 1] >= '0' && h[hl - 1] <= '9' ?
			            ": " : " ");
		}
		pd_buf_puts(&out, v);
	}
	s = out.size ? pd_pool_strndup(&c->pool, out.ptr, out.size) : NULL;
	pd_buf_dispose(&out);
	return s;
}

static pd_change *table_change(pd_changes *c, size_t about,
                               pd_change_kind kind, unsigned old_line,
                               unsigned new_line)
{
	const pd_section *a = c->items[about].old_section;
	const pd_section *b = c->items[about].new_section;
	pd_change *ch = pd_changes__add_change(c, kind);

	ch->old_section = a;
	ch->new_section = b;
	ch->old_line = old_line;
	ch->new_line = new_line;
	return ch;
}

int pd_changes__tables(pd_changes *c, size_t about, const pd_block *ba,
                       const pd_block *bb)
{
	table a, b;
	size_t r, k, before = c->count;
	pd_change *ch;
	int same_columns;

	if (read_table(&a, &c->pool, c->old, ba) < 0)
		return -1;
	if (read_table(&b, &c->pool, c->new_doc, bb) < 0) {
		table_dispose(&a);
		return -1;
	}
	same_columns = a.cols == b.cols;
	if (header_differs(&a, &b)) {
		ch = table_change(c, about, PD_CHANGE_TABLE_HEADER_CHANGED,
		                  a.line, b.line);
		ch->old_value = header_list(c, &a);
		ch->new_value = header_list(c, &b);
	}
	for (r = 1; r < b.rows; r++) {
		size_t o = find_row(&a, cell(&b, r, 0));

		if (!o) {
			ch = table_change(c, about, PD_CHANGE_INDICATOR_ADDED,
			                  0, b.line + (unsigned)r + 1);
			ch->new_value = cell(&b, r, 0);
			ch->goal = cell(&b, r, 0);
			ch->detail = row_values(c, &b, r);
			continue;
		}
		pd_changes__value_steps += b.cols;
		for (k = 1; same_columns && k < b.cols; k++) {
			if (!strcmp(cell(&a, o, k), cell(&b, r, k)))
				continue;
			ch = table_change(c, about, PD_CHANGE_INDICATOR_CHANGED,
			                  a.line + (unsigned)o + 1,
			                  b.line + (unsigned)r + 1);
			ch->goal = cell(&b, r, 0);
			ch->field = cell(&b, 0, k);
			ch->old_value = *cell(&a, o, k) ? cell(&a, o, k) : NULL;
			ch->new_value = cell(&b, r, k);
		}
	}
	for (r = 1; r < a.rows; r++)
		if (!find_row(&b, cell(&a, r, 0))) {
			ch = table_change(c, about, PD_CHANGE_INDICATOR_REMOVED,
			                  a.line + (unsigned)r + 1, 0);
			ch->old_value = cell(&a, r, 0);
			ch->goal = cell(&a, r, 0);
		}
	table_dispose(&a);
	table_dispose(&b);
	return (int)(c->count - before);
}

/* ---- details ---- */

/*
 * The tables --details reads: each change of a table shows the same
 * table again, so the last few read are kept, with their row index,
 * until the change list is freed. The changes of one table come one
 * after another: reading a table of n rows once for all its n changes,
 * not n times. Each version has its own tables: a table of the old one
 * is never put out by a read of the new one while both are shown.
 */
#define CACHED_TABLES 8

struct pd_changes__tables_cache {
	struct {
		const pd_block *block;
		table t;
		int ok;
	} e[2][CACHED_TABLES];
	size_t next[2];
};

void pd_changes__tables_cache_free(pd_changes *c)
{
	size_t i;

	if (!c->tables)
		return;
	for (i = 0; i < CACHED_TABLES; i++) {
		table_dispose(&c->tables->e[0][i].t);
		table_dispose(&c->tables->e[1][i].t);
	}
	free(c->tables);
	c->tables = NULL;
}

/*
 * The table block `b` of `doc` holds, read once; NULL if none. Valid
 * until CACHED_TABLES other tables of the same version are read.
 */
static table *cached_table(pd_changes *c, const pd_document *doc,
                           const pd_block *b)
{
	size_t side = doc == c->old ? 0 : 1, i;
	struct pd_changes__tables_cache *tc;

	if (!c->tables)
		c->tables = pd__calloc(1, sizeof(*c->tables));
	tc = c->tables;
	for (i = 0; i < CACHED_TABLES; i++)
		if (tc->e[side][i].block == b)
			return tc->e[side][i].ok ? &tc->e[side][i].t : NULL;
	i = tc->next[side]++ % CACHED_TABLES;
	table_dispose(&tc->e[side][i].t);
	tc->e[side][i].block = b;
	tc->e[side][i].ok = read_table(&tc->e[side][i].t, &c->pool, doc,
	                               b) == 0;
	return tc->e[side][i].ok ? &tc->e[side][i].t : NULL;
}

/* The first table of `s` that has a row `key` (or any, for NULL). */
static table *table_of(pd_changes *c, const pd_document *doc,
                       const pd_section *s, const char *key, size_t *row)
{
	size_t i;

	*row = 0;
	for (i = 0; s && i < s->blocks.size; i++) {
		const pd_block *b = pd_vec_get(&s->blocks, i);
		table *t;

		if (b->type != PD_BLOCK_TABLE ||
		    !(t = cached_table(c, doc, b)))
			continue;
		if (!key || (*row = find_row(t, key)) != 0)
			return t;
	}
	return NULL;
}

static void put_row(pd_buf *out, const char *indent, const char *label,
                    const table *t, size_t r, int markdown)
{
	size_t k;

	pd_buf_puts(out, indent);
	pd_buf_puts(out, "| ");
	if (label) {
		pd_buf_puts(out, label);
		pd_buf_puts(out, " | ");
	}
	for (k = 0; k < t->cols; k++) {
		const char *v = cell(t, r, k);

		if (k)
			pd_buf_puts(out, " | ");
		/* a cell holds no pipe unescaped, nor a control character */
		for (; *v; v++) {
			if (*v == '|')
				pd_buf_putc(out, '\\');
			pd_buf_putc(out, (unsigned char)*v < 0x20 ? ' ' : *v);
		}
	}
	pd_buf_puts(out, " |\n");
	if (markdown && r == 0 && label) {
		pd_buf_puts(out, indent);
		pd_buf_puts(out, "| --- |");
		for (k = 0; k < t->cols; k++)
			pd_buf_puts(out, " --- |");
		pd_buf_putc(out, '\n');
	}
}

void pd_changes__table_details(pd_buf *out, const pd_changes *cc,
                               const pd_change *ch, pd_lang lang,
                               int markdown, const char *indent)
{
	pd_changes *c = (pd_changes *)cc;
	int en = lang == PD_LANG_EN;
	const char *before = en ? "Before" : "Före";
	const char *after = en ? "After" : "Efter";
	const table *a = NULL, *b = NULL;
	size_t ra = 0, rb = 0;
	const char *key = ch->kind == PD_CHANGE_TABLE_HEADER_CHANGED ? NULL :
	                  ch->goal;

	if (ch->kind != PD_CHANGE_INDICATOR_ADDED)
		a = table_of(c, c->old, ch->old_section, key, &ra);
	if (ch->kind != PD_CHANGE_INDICATOR_REMOVED)
		b = table_of(c, c->new_doc, ch->new_section, key, &rb);
	if (!a && !b)
		return;
	if (markdown)
		pd_buf_putc(out, '\n');
	put_row(out, indent, "", b ? b : a, 0, markdown);
	if (ch->kind == PD_CHANGE_TABLE_HEADER_CHANGED) {
		if (a)
			put_row(out, indent, before, a, 0, 0);
	} else {
		if (a)
			put_row(out, indent, before, a, ra, 0);
		if (b)
			put_row(out, indent, after, b, rb, 0);
	}
	if (markdown)
		pd_buf_putc(out, '\n');
}

void pd_changes__table_source(pd_buf *out, const pd_document *doc,
                              const pd_block *b, const char *indent)
{
	const char *s = b->source, *end;

	(void)doc;
	if (!s)
		return;
	end = s + b->source_len;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t len = nl ? (size_t)(nl - s) : (size_t)(end - s), i;

		while (len && (s[len - 1] == '\r' || s[len - 1] == ' '))
			len--;
		for (i = 0; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
			;
		if (i == len || s[i] != '|')
			break;
		pd_buf_puts(out, indent);
		/* as written, control characters shown */
		pd_render_escape_terminal(out, s + i, len - i);
		pd_buf_putc(out, '\n');
		if (!nl)
			break;
		s = nl + 1;
	}
}

/* ---- details as JSON data ---- */

/* ["a", "b"]: row `r` of `t`, its cells as JSON strings */
static void json_row(pd_buf *out, const table *t, size_t r)
{
	size_t k;

	pd_buf_putc(out, '[');
	for (k = 0; k < t->cols; k++) {
		const char *v = cell(t, r, k);

		if (k)
			pd_buf_puts(out, ", ");
		pd_render_escape_json(out, v, strlen(v));
	}
	pd_buf_putc(out, ']');
}

/* [[...], ...]: rows `from` to `to` (exclusive) of `t`, or [] */
static void json_rows(pd_buf *out, const table *t, size_t from, size_t to)
{
	size_t r;

	pd_buf_putc(out, '[');
	for (r = from; t && r < to; r++) {
		if (r > from)
			pd_buf_puts(out, ", ");
		json_row(out, t, r);
	}
	pd_buf_putc(out, ']');
}

/*
 * { "header": [...], "old_header": [...], "old_rows": [[...]],
 *   "new_rows": [[...]] }: the new table's header (the old one's when
 * there is no new table), the old header only when it differs, and the
 * rows of each side that the change is about.
 */
static void json_table(pd_buf *out, const table *a, size_t a_from,
                       size_t a_to, const table *b, size_t b_from,
                       size_t b_to)
{
	pd_buf_puts(out, "{ \"header\": ");
	json_row(out, b ? b : a, 0);
	if (a && b && header_differs(a, b)) {
		pd_buf_puts(out, ", \"old_header\": ");
		json_row(out, a, 0);
	}
	pd_buf_puts(out, ", \"old_rows\": ");
	json_rows(out, a, a_from, a_to);
	pd_buf_puts(out, ", \"new_rows\": ");
	json_rows(out, b, b_from, b_to);
	pd_buf_puts(out, " }");
}

int pd_changes__table_json(pd_buf *out, const pd_changes *cc,
                           const pd_change *ch)
{
	pd_changes *c = (pd_changes *)cc;
	const table *a = NULL, *b = NULL;
	size_t ra = 0, rb = 0;
	int header = ch->kind == PD_CHANGE_TABLE_HEADER_CHANGED;
	const char *key = header ? NULL : ch->goal;

	if (ch->kind != PD_CHANGE_INDICATOR_ADDED)
		a = table_of(c, c->old, ch->old_section, key, &ra);
	if (ch->kind != PD_CHANGE_INDICATOR_REMOVED)
		b = table_of(c, c->new_doc, ch->new_section, key, &rb);
	if (!a && !b)
		return 0;
	/* the header change is about the header alone: no rows */
	json_table(out, a, ra, header ? ra : ra + 1, b, rb,
	           header ? rb : rb + 1);
	return 1;
}

int pd_changes__blocks_table_json(pd_buf *out, const pd_changes *cc,
                                  const pd_block *ba, const pd_block *bb)
{
	pd_changes *c = (pd_changes *)cc;
	const table *a = NULL, *b = NULL;

	if (ba && ba->type == PD_BLOCK_TABLE)
		a = cached_table(c, c->old, ba);
	if (bb && bb->type == PD_BLOCK_TABLE)
		b = cached_table(c, c->new_doc, bb);
	if (!a && !b)
		return 0;
	json_table(out, a, 1, a ? a->rows : 0, b, 1, b ? b->rows : 0);
	return 1;
}
