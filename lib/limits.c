/* SPDX-License-Identifier: MIT */
/*
 * limits.c: one linear pass over a document's Markdown that counts what
 * makes Debian's cmark 0.30.2 slow (see limits.h for the shapes, their
 * cost and the limits) and refuses the document before cmark sees it.
 *
 * The pass reads lines, not Markdown: it strips a line's container
 * prefix (spaces, `>`, list markers) to measure its depth, and counts
 * inline markers in the rest. Wherever it cannot tell what cmark would
 * make of a line (a code block, an escaped `*`, a lazy continuation) it
 * counts as if the worst were true, so its numbers are upper bounds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "limits.h"
#include "swar.h"

/*
 * List items are remembered by the column where their content can start,
 * up to this one (a wider column counts as this one), separately for
 * each depth of block quotes, up to MAX_QUOTE_SETS of them.
 */
#define MAX_COLUMN 1024
#define MAX_QUOTE_SETS 256

/*
 * The content columns of the list items seen so far inside a given
 * number of `>`, relative to the last `>`: seen[c] is 1 when an item's
 * content could start at column c, below[c] is the number of such
 * columns <= c. An item still open in cmark is always in here (nothing
 * is ever taken out), so a line indented to column c is inside at most
 * below[c] items, and its indentation beyond the innermost of them is at
 * most c - highest[c]: when that is 4 or more, so is cmark's, and the
 * line is code or continued text, which opens no container.
 */
typedef struct column_set {
	unsigned char seen[MAX_COLUMN + 1];
	unsigned short below[MAX_COLUMN + 1];
	unsigned short highest[MAX_COLUMN + 1];  /* largest seen <= c */
} column_set;

typedef struct scan {
	const pd_limits *lim;      /* NULL: only measure */
	pd_limits_stats *st;
	unsigned line;
	column_set **sets;         /* by quote depth; allocated when used */
	size_t nsets;
	/* the current paragraph (lines since the last blank one) */
	size_t delimiters, brackets, backtick_runs, images;
	/* an open code fence: its character, length and column */
	char fence;
	size_t fence_len;
	unsigned fence_col;
	int html;                  /* a line started with '<' */
	int bytewise;              /* read every byte: see limits.h */
} scan;

void pd_limits_from_options(pd_limits *out, const pd_parse_options *opts)
{
	memset(out, 0, sizeof(*out));
	if (opts && opts->max_nesting)
		out->nesting = opts->max_nesting;
}

static column_set *quote_set(scan *s, unsigned quotes)
{
	if (quotes >= s->nsets)
		quotes = (unsigned)s->nsets - 1;
	if (!s->sets[quotes])
		s->sets[quotes] = pd__calloc(1, sizeof(column_set));
	return s->sets[quotes];
}

/* A list item whose content can start at `col`, inside `quotes` `>`. */
static void remember_column(scan *s, unsigned quotes, unsigned col)
{
	column_set *set = quote_set(s, quotes);
	unsigned c;
	int innermost = 1;

	if (col > MAX_COLUMN)
		col = MAX_COLUMN;
	if (set->seen[col])
		return;
	set->seen[col] = 1;
	for (c = col; c <= MAX_COLUMN; c++) {
		set->below[c]++;
		if (c > col && set->seen[c])
			innermost = 0;
		if (innermost)
			set->highest[c] = (unsigned short)col;
	}
}

/* How many list items a line indented to `col` can be inside. */
static unsigned items_around(scan *s, unsigned quotes, unsigned col)
{
	if (quotes >= s->nsets)
		quotes = (unsigned)s->nsets - 1;
	if (!s->sets[quotes])
		return 0;
	return s->sets[quotes]->below[col > MAX_COLUMN ? MAX_COLUMN : col];
}

/* Indentation of column `col` beyond the innermost item it can be in. */
static unsigned indent_in_item(scan *s, unsigned quotes, unsigned col)
{
	unsigned c = col > MAX_COLUMN ? MAX_COLUMN : col;

	if (quotes >= s->nsets)
		quotes = (unsigned)s->nsets - 1;
	if (!s->sets[quotes])
		return col;
	return col - s->sets[quotes]->highest[c];
}

/* Is md[i..end) the rest of a thematic break ("* * *", "- - -", "___")? */
static int thematic_break(const char *md, size_t i, size_t end)
{
	char ch = 0;
	size_t n = 0;

	for (; i < end; i++) {
		if (md[i] == ' ' || md[i] == '\t')
			continue;
		if (md[i] != '-' && md[i] != '*' && md[i] != '_')
			return 0;
		if (ch && md[i] != ch)
			return 0;
		ch = md[i];
		n++;
	}
	return n >= 3;
}

/*
 * Length of a list marker at md[i..end) ("-", "+", "*", "1.", "12)")
 * followed by white space or the end of the line; 0 when there is none.
 */
static size_t list_marker(const char *md, size_t i, size_t end)
{
	size_t j = i;

	if (md[j] == '-' || md[j] == '+' || md[j] == '*') {
		j++;
	} else {
		while (j < end && j - i < 9 && md[j] >= '0' && md[j] <= '9')
			j++;
		if (j == i || j >= end || (md[j] != '.' && md[j] != ')'))
			return 0;
		j++;
	}
	if (j < end && md[j] != ' ' && md[j] != '\t')
		return 0;
	return j - i;
}

/* ------------------------------------------------------------------ */
/* Nesting, for the parser's own limit                                 */

/* The deepest nesting a document may ask pd_limits__check_nesting for. */
#define MAX_NESTING_CAP 100000u

/* Skip white space (and '>' too when `quotes`), counting columns. */
static size_t skip_blank(const char *s, size_t *p, size_t eol, size_t col,
                         int quotes)
{
	for (; *p < eol; (*p)++) {
		if (s[*p] == '\t')
			col = (col / 4 + 1) * 4;
		else if (s[*p] == ' ' || (quotes && s[*p] == '>'))
			col++;
		else
			break;
	}
	return col;
}

/* How many `c` start at s[p]. */
static size_t run_of(const char *s, size_t p, size_t eol, char c)
{
	size_t n = 0;

	while (p + n < eol && s[p + n] == c)
		n++;
	return n;
}

/* The state of the nesting pre-scan between lines. */
typedef struct nesting {
	size_t *cols;       /* content columns of the open list items */
	size_t depth;
	unsigned max;
	char fence;         /* the open code fence's character, 0 if none */
	size_t fence_len;
	size_t fence_col;   /* its column: a line indented less closes it */
	int prev_blank;
} nesting;

/* Close the list items whose contents start right of `col`. */
static void close_items(nesting *n, size_t col)
{
	while (n->depth > 0 && n->cols[n->depth - 1] > col)
		n->depth--;
}

/* The content column of the innermost open item at or left of `col`. */
static size_t item_base(const nesting *n, size_t col)
{
	size_t lo = 0, hi = n->depth, mid;

	while (lo < hi) {                /* cols increase up the stack */
		mid = lo + (hi - lo) / 2;
		if (n->cols[mid] <= col)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? n->cols[lo - 1] : 0;
}

/* One line, s[i..eol): its markers, then what it opens or closes. */
static int nesting_line(nesting *n, const char *s, size_t i, size_t eol,
                        unsigned line)
{
	size_t p = i, col = 0, start, base, w, quotes = 0;

	if (n->fence) {
		/* nothing nests in code, which ends at its closing fence or
		 * with its container (a line indented less than the fence) */
		col = skip_blank(s, &p, eol, 0, 1);
		if (p == eol)
			return 0;
		if (col >= n->fence_col) {
			if (run_of(s, p, eol, n->fence) >= n->fence_len)
				n->fence = 0;
			return 0;
		}
		n->fence = 0;
		p = i;
		col = 0;
	}
	for (;;) {
		start = col;
		col = skip_blank(s, &p, eol, col, 0);
		base = item_base(n, col);
		if (start > base)
			base = start;
		if (p == eol || col >= base + 4)
			break;           /* a blank line, or indented code */
		if (s[p] == '>') {
			quotes++;
			p++;
			col++;
		} else if (!thematic_break(s, p, eol) &&
		           (w = list_marker(s, p, eol)) != 0) {
			close_items(n, col);
			n->cols[n->depth++] = col + w + 1;
			p += w;
			col += w;
		} else {
			break;
		}
		if (n->depth + quotes > n->max)
			return pd_error_set(PD_ELIMIT, "nesting deeper than %u "
			                    "levels at line %u", n->max, line);
	}
	if (p == eol) {
		n->prev_blank = 1;
		return 0;
	}
	if ((s[p] == '`' || s[p] == '~') &&
	    (w = run_of(s, p, eol, s[p])) >= 3) {
		n->fence = s[p];
		n->fence_len = w;
		n->fence_col = col;
	} else if (n->prev_blank) {
		/* a paragraph after a blank line closes deeper items */
		close_items(n, col);
	}
	n->prev_blank = 0;
	return 0;
}

/*
 * Refuse block quotes and lists nested deeper than `max`, from the line
 * prefixes alone: ">" markers, list markers, and the columns where list
 * items' contents start (a stack of at most `max` columns). It follows
 * CommonMark closely enough not to undercount a real nesting by much,
 * and skips code, thematic breaks and blank lines.
 */
int pd_limits__check_nesting(const char *s, size_t len, unsigned max,
                         unsigned first_line)
{
	nesting n;
	size_t i = 0, eol;
	unsigned line = first_line;
	int error = 0, has_cr = memchr(s, '\r', len) != NULL;

	memset(&n, 0, sizeof(n));
	n.max = max < MAX_NESTING_CAP ? max : MAX_NESTING_CAP;
	n.cols = pd__calloc(pd__add(n.max, 2), sizeof(size_t));
	n.prev_blank = 1;
	while (i < len && !error) {
		if (!has_cr) {
			/* LF only, the usual case: memchr finds the end */
			const char *nl = memchr(s + i, '\n', len - i);

			eol = nl ? (size_t)(nl - s) : len;
		} else {
			for (eol = i; eol < len && s[eol] != '\n' &&
			     s[eol] != '\r';)
				eol++;
		}
		error = nesting_line(&n, s, i, eol, line++);
		i = eol;
		if (i < len && s[i] == '\r')
			i++;
		if (i < len && s[i] == '\n' && (i == eol || s[i - 1] == '\r'))
			i++;
	}
	free(n.cols);
	return error;
}

/* ------------------------------------------------------------------ */
/* The pass                                                            */

static unsigned long long lim_or(unsigned long long value,
                                 unsigned long long dflt)
{
	return value ? value : dflt;
}

/* Record a measure's maximum; refuse when it is above its limit. */
static int over(scan *s, const char *what, unsigned long long value,
                unsigned long long limit)
{
	if (!s->lim || value <= limit)
		return 0;
	return pd_error_set(PD_ELIMIT, "line %u: %s (limit %llu)",
	                    s->line, pd_msg(what), limit);
}

static int check_paragraph(scan *s)
{
	pd_limits_stats *st = s->st;
	const pd_limits *l = s->lim;
	int error;

	if (s->delimiters > st->delimiters)
		st->delimiters = s->delimiters;
	if (s->brackets > st->brackets)
		st->brackets = s->brackets;
	if (s->backtick_runs > st->backtick_runs)
		st->backtick_runs = s->backtick_runs;
	if (!l)
		return 0;
	if ((error = over(s, "too many links after unclosed images ('![')",
	                  st->image_steps,
	                  lim_or(l->image_steps, PD_LIMIT_IMAGE_STEPS))) < 0 ||
	    (error = over(s, "too many emphasis markers (runs of * and _) "
	                  "in one paragraph", s->delimiters,
	                  lim_or(l->delimiters, PD_LIMIT_DELIMITERS))) < 0 ||
	    (error = over(s, "too many brackets in one paragraph",
	                  s->brackets,
	                  lim_or(l->brackets, PD_LIMIT_BRACKETS))) < 0 ||
	    (error = over(s, "too many backtick runs in one paragraph",
	                  s->backtick_runs,
	                  lim_or(l->backtick_runs,
	                         PD_LIMIT_BACKTICK_RUNS))) < 0 ||
	    (error = over(s, "too many inline markers (emphasis, brackets, "
	                  "backticks) in the document", st->inline_markers,
	                  lim_or(l->inline_markers,
	                         PD_LIMIT_INLINE_MARKERS))) < 0 ||
	    (error = over(s, "too many link reference definitions",
	                  st->references,
	                  lim_or(l->references, PD_LIMIT_REFERENCES))) < 0)
		return error;
	return 0;
}

/* Is `c` a character a backslash escapes (ASCII punctuation)? */
static int escapable(char c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
	       (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

/* The bytes count_inlines() looks at; any other byte is plain text. */
static const unsigned char is_marker[256] = {
	['\\'] = 1, ['*'] = 1, ['_'] = 1, ['`'] = 1, ['['] = 1, [']'] = 1
};

/*
 * Might the 8 bytes at p hold a marker? Five of the six are 0x5b-0x60
 * ("[\\]^_`"), the sixth is '*' (0x2a). Both tests look at the low 7
 * bits of each byte and set its high bit without carrying into the next
 * byte: the range test with two additions, the '*' test exactly (y is
 * zero where the byte is '*'). Bytes of UTF-8 whose low bits are in the
 * range, and '^', are false alarms that the byte loop sorts out; a
 * marker is never missed. A word of plain text costs a dozen operations
 * instead of eight table look-ups.
 */
static int word_has_marker(const char *p)
{
	uint64_t x, low, y;

	memcpy(&x, p, sizeof(x));
	low = x & ~HIGHS;
	y = low ^ ('*' * ONES);
	return ((((low + 0x25 * ONES) & ~(low + 0x1f * ONES)) |
	         ~((y + 0x7f * ONES) | x)) & HIGHS) != 0;
}

/* The first marker byte in md[i..end), or end. */
static size_t skip_text(const char *md, size_t i, size_t end)
{
	size_t n, k;

	for (;;) {
		while (end - i >= 16 && !word_has_marker(md + i) &&
		       !word_has_marker(md + i + 8))
			i += 16;
		while (end - i >= 8 && !word_has_marker(md + i))
			i += 8;
		/* the last word of the line, read back from its end: the
		 * bytes before i it takes in can only raise a false alarm */
		if (end - i < 8 && end >= 8 && !word_has_marker(md + end - 8))
			return end;
		n = end - i < 8 ? end - i : 8;
		for (k = 0; k < n; k++)
			if (is_marker[(unsigned char)md[i + k]])
				return i + k;
		if (n < 8)
			return end;
		i += 8;       /* a false alarm */
	}
}

/*
 * Count the inline markers of md[i..end), the content of one line. An
 * escaped character is not a marker; everything else is counted as if
 * it were one, in code spans too. @return 0 when the line had no marker
 * byte at all (nothing was counted).
 */
static int count_inlines(scan *s, const char *md, size_t i, size_t end)
{
	pd_limits_stats *st = s->st;
	char prev = '\n', c;
	int seen = 0;

	for (; i < end; prev = c, i++) {
		/* most bytes are text: pass over them without the switch */
		if (!is_marker[(unsigned char)md[i]]) {
			size_t from = i;

			if (s->bytewise)
				while (i < end && !is_marker[(unsigned char)md[i]])
					i++;
			else
				i = skip_text(md, i, end);
			if (i == end)
				break;
			if (i > from)
				prev = md[i - 1];
		}
		seen = 1;
		c = md[i];
		switch (c) {
		case '\\':
			if (i + 1 < end && escapable(md[i + 1])) {
				i++;
				c = 0;
			}
			break;
		case '*':
		case '_':
			if (prev != c) {
				s->delimiters++;
				st->inline_markers++;
			}
			break;
		case '`':
			if (prev != '`') {
				s->backtick_runs++;
				st->inline_markers++;
			}
			break;
		case '[':
			s->brackets++;
			st->inline_markers++;
			if (prev == '!')
				s->images++;
			break;
		case ']':
			/* when this closes a link, cmark walks back over the
			 * `![` still open in the paragraph: all of them, as
			 * far as a line scan can tell */
			st->image_steps += s->images;
			break;
		default:
			break;
		}
	}
	return seen;
}

/* Does md[i..end) start a link reference definition, "[label]:"? */
static int reference_definition(const char *md, size_t i, size_t end)
{
	if (i >= end || md[i] != '[')
		return 0;
	for (i++; i + 1 < end; i++)
		if (md[i] == ']' && md[i + 1] == ':')
			return 1;
	return 0;
}

/* Is md[i..end) a run of at least 3 backticks or tildes opening a code
 * fence (a backtick fence's info string has no backtick)? Its length. */
static size_t fence_open(const char *md, size_t i, size_t end)
{
	size_t n = 0, j;

	if (i >= end || (md[i] != '`' && md[i] != '~'))
		return 0;
	while (i + n < end && md[i + n] == md[i])
		n++;
	if (n < 3)
		return 0;
	if (md[i] == '`')
		for (j = i + n; j < end; j++)
			if (md[j] == '`')
				return 0;
	return n;
}

/*
 * A line inside an open code fence: nothing in it nests or is inline
 * Markdown. Returns 1 when the line was code, 0 when the fence ended
 * before it (a line indented less than the fence: its container ended)
 * and the line is to be read as Markdown.
 */
static int fenced_line(scan *s, const char *md, size_t i, size_t end)
{
	unsigned col = 0;
	size_t n = 0;

	while (i < end && (md[i] == ' ' || md[i] == '\t')) {
		col = md[i] == '\t' ? (col + 4) & ~3u : col + 1;
		i++;
	}
	if (i >= end)
		return 1;
	if (col < s->fence_col) {
		s->fence = 0;
		return 0;
	}
	while (i + n < end && md[i + n] == s->fence)
		n++;
	if (n >= s->fence_len)
		s->fence = 0;    /* a closing fence, or near enough */
	return 1;
}

/*
 * The first bytes of a line that scan_line() must read closely: white
 * space, `>`, list and break markers, digits, '<' (HTML), fences and '['
 * (a reference definition). A line starting otherwise is plain text.
 */
static const unsigned char opens_prefix[256] = {
	[' '] = 1, ['\t'] = 1, ['>'] = 1, ['-'] = 1, ['+'] = 1, ['*'] = 1,
	['_'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
	['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['<'] = 1,
	['`'] = 1, ['~'] = 1, ['['] = 1
};

/*
 * Depth of a line in levels, as the parser counts them: each `>` (a block
 * quote) is one, each list item one. The prefix is
 * read in segments, one per quote depth: in each, the indentation before
 * the segment's first `>`, list marker or text says which list items
 * remembered at that quote depth the line can be inside, and its list
 * markers open new ones. Indentation of 4 or more beyond the innermost
 * item ends the prefix: the rest is code or continued text.
 *
 * Code fences are followed only where cmark cannot disagree: opened by a
 * line with no container marker, indented less than 4 columns, in a
 * document where no line has started with '<' (inside an HTML block a
 * fence is text); they end on a closing fence or on a line indented less
 * than the fence, whichever comes first, which is never later than in
 * cmark. Lines inside a fence count for nothing.
 */
static int scan_line(scan *s, const char *md, size_t i, size_t end)
{
	pd_limits_stats *st = s->st;
	unsigned col = 0, seg = 0, quotes = 0, items = 0, markers = 0;
	unsigned long long depth;
	int measured = 0;
	size_t m;

	if (s->fence && fenced_line(s, md, i, end))
		return 0;
	if (!s->bytewise && i < end && !opens_prefix[(unsigned char)md[i]]) {
		/*
		 * Most lines start with a letter: no container, no fence,
		 * no definition, depth 0 (remembered columns are 2 or more,
		 * so column 0 is inside no item). Only the inlines count.
		 */
		if (!count_inlines(s, md, i, end))
			return 0;
		return check_paragraph(s);
	}
	for (;;) {
		while (i < end && (md[i] == ' ' || md[i] == '\t')) {
			col = md[i] == '\t' ? (col + 4) & ~3u : col + 1;
			i++;
		}
		if (!measured) {
			/* the first thing of this segment: which items of
			 * this quote depth is it in? */
			items += items_around(s, quotes, col - seg);
			measured = 1;
		}
		if (i >= end || indent_in_item(s, quotes, col - seg) >= 4)
			break;
		if (md[i] == '>') {
			quotes++;
			col++;
			i++;
			/* the marker takes one column of white space after it */
			seg = col;
			if (i < end && (md[i] == ' ' || md[i] == '\t'))
				seg++;
			measured = 0;
			continue;
		}
		if (thematic_break(md, i, end))
			break;
		if ((m = list_marker(md, i, end)) == 0)
			break;
		markers++;
		col += (unsigned)m;
		i += m;
		/* its content starts one column after the marker at least */
		remember_column(s, quotes, col - seg + 1);
	}
	depth = (unsigned long long)quotes + items + markers;
	if (depth > st->nesting) {
		st->nesting = depth > 0xffffffffu ? 0xffffffffu : (unsigned)depth;
		st->nesting_line = s->line;
	}
	if (s->lim) {
		unsigned lim = s->lim->nesting ? s->lim->nesting :
		                                 PD_LIMIT_NESTING;

		if (depth > lim)
			return pd_error_set(PD_ELIMIT, "line %u: nested %llu "
			        "levels deep in block quotes and lists (limit %u)",
			        s->line, depth, lim);
	}

	if (i >= end && !markers) {
		/* a blank line (perhaps inside quotes) ends the paragraph */
		s->delimiters = s->brackets = s->backtick_runs = 0;
		s->images = 0;
		return 0;
	}
	if (i < end && md[i] == '<')
		s->html = 1;
	if (!quotes && !markers && col < 4 && !s->html &&
	    (m = fence_open(md, i, end)) != 0) {
		s->fence = md[i];
		s->fence_len = m;
		s->fence_col = col;
		s->delimiters = s->brackets = s->backtick_runs = 0;
		s->images = 0;
		return 0;
	}
	if (reference_definition(md, i, end))
		st->references++;
	if (!count_inlines(s, md, i, end))
		return 0;        /* nothing counted: checked as it was */
	return check_paragraph(s);
}

static int measure(pd_limits_stats *stats_out, const char *md, size_t len,
                   const pd_limits *limits, int bytewise)
{
	scan local, *s = &local;
	size_t pos = 0, k;
	unsigned lim;
	int error = 0, has_cr;

	memset(stats_out, 0, sizeof(*stats_out));
	memset(s, 0, sizeof(*s));
	s->bytewise = bytewise;
	s->lim = limits;
	s->st = stats_out;
	s->line = limits && limits->first_line ? limits->first_line - 1 : 0;
	/* a quote depth above the limit is refused on its own */
	lim = limits && limits->nesting ? limits->nesting : PD_LIMIT_NESTING;
	s->nsets = (lim < MAX_QUOTE_SETS ? lim : MAX_QUOTE_SETS) + 1;
	s->sets = pd__calloc(s->nsets, sizeof(*s->sets));
	has_cr = memchr(md, '\r', len) != NULL;
	while (pos < len) {
		size_t end = pos;

		if (!has_cr) {
			/* LF only, the usual case: memchr finds the line's end */
			const char *nl = memchr(md + pos, '\n', len - pos);

			end = nl ? (size_t)(nl - md) : len;
		} else {
			while (end < len && md[end] != '\n' && md[end] != '\r')
				end++;
		}
		s->line++;
		if ((error = scan_line(s, md, pos, end)) < 0)
			break;
		/* "\n", "\r" and "\r\n" end a line, as for cmark */
		pos = end;
		if (pos < len && md[pos] == '\r')
			pos++;
		if (pos < len && md[pos] == '\n')
			pos++;
	}
	stats_out->lines = s->line -
	                   (limits && limits->first_line ?
	                    limits->first_line - 1 : 0);
	for (k = 0; k < s->nsets; k++)
		free(s->sets[k]);
	free(s->sets);
	return error;
}

int pd_limits_measure(pd_limits_stats *stats_out, const char *md,
                      size_t len, const pd_limits *limits)
{
	return measure(stats_out, md, len, limits, 0);
}

int pd_limits__measure_bytewise(pd_limits_stats *stats_out, const char *md,
                                size_t len, const pd_limits *limits)
{
	return measure(stats_out, md, len, limits, 1);
}

int pd_limits_check(const char *md, size_t len, const pd_limits *limits)
{
	pd_limits defaults = PD_LIMITS_INIT;
	pd_limits_stats stats;

	return pd_limits_measure(&stats, md, len, limits ? limits : &defaults);
}

int pd_limits_check_parse(const char *md, size_t len, unsigned first_line,
                          const pd_parse_options *opts)
{
	pd_limits limits;

	pd_limits_from_options(&limits, opts);
	limits.first_line = first_line;
	return pd_limits_check(md, len, &limits);
}
