/* SPDX-License-Identifier: MIT */
/*
 * pandoc_tables.c: find pandoc's own tables in Markdown. Pandoc writes a
 * table it cannot write as a pipe table as a simple table (a header line,
 * a column rule of dashes with gaps, the rows, a blank line) or, from a
 * Word or OpenDocument file, a multiline table (a full line of dashes, the
 * header, the column rule, rows separated by blank lines, and a full line
 * of dashes again). CommonMark has no such tables: the column rule is a
 * thematic break, and the closing full line, right after the last row,
 * is a setext underline that makes that row a level-2 heading ("Nytt
 * målområde: " and the row's words run together). This module finds each
 * such table by its column rule and indents its lines, so that the parser
 * reads it as a code block: text, never headings. The headerless forms
 * (opening and closing column rules) are found the same way.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "pandoc_tables.h"

typedef struct line {
	size_t start, end;   /* [start, end) without the line ending */
	char type;           /* 'b' blank, 'c' column rule, 'f' full rule,
	                        't' other text */
} line;

/*
 * A blank line, a column rule ("---- ------": two or more runs of at least
 * two dashes), a full rule (one run of three or more), or text; a rule may
 * be indented by up to three spaces.
 */
static char line_type(const char *s, size_t n)
{
	size_t i = 0, runs = 0, run = 0, shortest = (size_t)-1;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
		i++;
	if (i == n)
		return 'b';
	for (i = 0; i < n && i < 4 && s[i] == ' '; i++)
		;
	if (i > 3 || s[i] != '-')
		return 't';
	for (; i < n; i++) {
		if (s[i] == '-') {
			run++;
			continue;
		}
		if (s[i] != ' ' && s[i] != '\r')
			return 't';
		if (run) {
			runs++;
			if (run < shortest)
				shortest = run;
		}
		run = 0;
	}
	if (run) {
		runs++;
		if (run < shortest)
			shortest = run;
	}
	if (runs >= 2 && shortest >= 2)
		return 'c';
	if (runs == 1 && shortest >= 3)
		return 'f';
	return 't';
}

int pd_pandoc_tables__shield(pd_buf *out, const char *md, size_t len)
{
	line *lines = NULL;
	size_t n = 0, cap = 0, i, j, pos = 0;
	size_t *next_blank = NULL, *next_full = NULL;
	unsigned char *in_table = NULL;
	int found = 0;

	pd_buf_clear(out);
	if (!memchr(md, '-', len))
		return 0;
	while (pos < len) {
		const char *nl = memchr(md + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - md) : len;

		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			lines = pd__reallocarray(lines, cap, sizeof(*lines));
		}
		lines[n].start = pos;
		lines[n].end = end;
		lines[n].type = line_type(md + pos, end - pos);
		n++;
		pos = nl ? end + 1 : len;
	}
	/* the next blank line and the next full rule at or after each line */
	next_blank = pd__reallocarray(NULL, n + 1, sizeof(*next_blank));
	next_full = pd__reallocarray(NULL, n + 1, sizeof(*next_full));
	in_table = pd__calloc(n + 1, 1);
	next_blank[n] = next_full[n] = n;
	for (i = n; i-- > 0;) {
		next_blank[i] = lines[i].type == 'b' ? i : next_blank[i + 1];
		next_full[i] = lines[i].type == 'f' ? i : next_full[i + 1];
	}
	for (i = 0; i < n; i++) {
		size_t first, last;

		if (lines[i].type != 'c' || in_table[i])
			continue;
		/* the header: its lines up to a full rule (multiline), or one
		 * line (simple), or none (headerless); a blank line before */
		first = i;
		while (first > 0 && lines[first - 1].type == 't' && i - first < 12)
			first--;
		if (first > 0 && lines[first - 1].type == 'f' && first < i &&
		    (first == 1 || lines[first - 2].type == 'b')) {
			/* multiline: to the full rule that closes it */
			first--;
			last = next_full[i + 1];
			if (last == n)
				continue;
		} else {
			if (i - first > 1)
				first = i - 1;     /* a simple table's one header line */
			if (first > 0 && lines[first - 1].type != 'b')
				continue;          /* a paragraph's, not a table's */
			/* simple: to the blank line, or a closing rule */
			last = next_blank[i + 1];
			last = last == n ? n - 1 : last - 1;
			if (last == i)
				continue;          /* no rows */
		}
		for (j = first; j <= last; j++)
			in_table[j] = 1;
		found = 1;
	}
	if (found) {
		for (i = 0; i < n; i++) {
			if (in_table[i] && lines[i].type != 'b')
				pd_buf_puts(out, "    ");
			pd_buf_put(out, md + lines[i].start,
			           lines[i].end - lines[i].start);
			if (lines[i].end < len)
				pd_buf_putc(out, '\n');
		}
	}
	free(lines);
	free(next_blank);
	free(next_full);
	free(in_table);
	return found;
}
