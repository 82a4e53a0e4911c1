/* SPDX-License-Identifier: MIT */
/*
 * limits.h: the shapes of Markdown that make Debian's cmark slow, bounded
 * before cmark sees them.
 *
 * Debian ships cmark 0.30.2, without the upstream fixes for
 * CVE-2023-22486, CVE-2023-22484 and GHSA-66g8-4hjf-77xh. pd_limits_check()
 * is one linear pass over the text, run by the parser after UTF-8
 * validation and before cmark: it counts what those bugs feed on and
 * refuses, with PD_ELIMIT and a message naming the line, a document that
 * has more than any real programme could. It does not parse Markdown: it
 * over-counts (markers in code, several paragraphs between two blank
 * lines, sibling lists) and never under-counts, so it cannot be fooled by
 * a shape it would misread.
 *
 * The limits were chosen by timing cmark_parse_document() of 0.30.2 on
 * this project's machines (2 cores); tests/unit/test_limits.c keeps the
 * shapes, and tests/hostile/ runs them at the sizes that stall cmark. A "paragraph" below is a run of lines without a blank line
 * (a line of only spaces, tabs and `>`), which holds at least one whole
 * cmark paragraph.
 *
 * - Image openers (CVE-2023-22486). Every link cmark closes walks back
 *   over all the `![` still open in its paragraph: "![[]()" repeated
 *   40,000 times (240 kB) takes 4 s, 80,000 times more than 25 s. The
 *   cost is counted as that walk, assuming no image is ever closed: each
 *   `]` adds the number of `![` before it in its paragraph (escaped ones
 *   excepted). PD_LIMIT_IMAGE_STEPS, 50 million steps per document, is
 *   about 0.2 s of cmark; it takes a table of 7,000 rows with an image in
 *   each, without a blank line, to reach it.
 * - Nesting (GHSA-66g8-4hjf-77xh and the delimiter stack of
 *   CVE-2023-22484). Emphasis inside deeply nested containers is
 *   quadratic: 40,000 `>` followed by 20,000 "*a" (80 kB) take 2.9 s.
 *   Deep trees also cost every later stage a stack frame per level.
 *   Depth is counted in levels, as the parser's max_nesting counts them:
 *   a block quote is one, a list item one (cmark adds a list node for
 *   each, so 64 levels of lists are 128 nodes deep). A line's depth is
 *   its own `>` and list markers plus the list items its indentation can
 *   be inside: at each depth of quotes, every distinct column where an
 *   item's content could start, seen anywhere before, up to the line's
 *   indentation, counts as an item around it. That is exact for one list
 *   and counts sibling lists indented differently as deeper; nothing is
 *   ever missed, lazy continuation lines included. Code (fenced where
 *   cmark cannot disagree, or indented) does not nest. The limit is
 *   pd_parse_options.max_nesting, default PD_LIMIT_NESTING (64), also
 *   checked by the parser's own, closer, pre-scan; programmes nest three
 *   or four levels.
 * - Emphasis delimiter runs (CVE-2023-22484): a run of `*` or `_` is one
 *   entry on cmark's delimiter stack. At ordinary depth 0.30.2 is not
 *   quadratic in them, but slow: 0.3 to 1.4 µs a run, more in longer
 *   paragraphs (1 MB of "*_" in paragraphs of 50,000 runs: 1.4 s).
 *   Bounded per paragraph (PD_LIMIT_DELIMITERS, 50,000) and per document
 *   with the other inline markers (PD_LIMIT_INLINE_MARKERS).
 * - Brackets and backtick runs: `[` and runs of backticks are scanned
 *   forward and backward by cmark's inline parser (about 0.4 µs each);
 *   bounded per paragraph (PD_LIMIT_BRACKETS, PD_LIMIT_BACKTICK_RUNS,
 *   50,000 each) and per document.
 * - All inline markers of a document together (`*`/`_` runs, `[`,
 *   backtick runs): PD_LIMIT_INLINE_MARKERS, 500,000, at most about half
 *   a second of cmark; a 10 MB programme has a few thousand.
 * - Reference definitions (`[label]: url` lines): cmark sorts them once
 *   and looks them up by binary search (100,000 definitions and as many
 *   uses: 0.1 s), so this bound is for memory and good measure:
 *   PD_LIMIT_REFERENCES, 100,000 per document.
 *
 * What the pass cannot bound (a document that is merely large) is left
 * to the file-size limit and to the parser's time budget.
 */
#ifndef PD_LIMITS_H
#define PD_LIMITS_H

#include <stddef.h>

#include "progdiff.h"

#define PD_LIMIT_NESTING 64u
#define PD_LIMIT_IMAGE_STEPS 50000000ULL
#define PD_LIMIT_DELIMITERS 50000u
#define PD_LIMIT_BRACKETS 50000u
#define PD_LIMIT_BACKTICK_RUNS 50000u
#define PD_LIMIT_INLINE_MARKERS 500000u
#define PD_LIMIT_REFERENCES 100000u

/** The limits of one check; a 0 field takes the default above. */
typedef struct pd_limits {
	unsigned nesting;                /**< depth of one line */
	unsigned long long image_steps;  /**< per document */
	size_t delimiters;               /**< `*`/`_` runs per paragraph */
	size_t brackets;                 /**< `[` per paragraph */
	size_t backtick_runs;            /**< per paragraph */
	size_t inline_markers;           /**< all of those, per document */
	size_t references;               /**< per document */
	unsigned first_line;             /**< line number of md[0]; 0: 1 */
} pd_limits;

#define PD_LIMITS_INIT { 0, 0, 0, 0, 0, 0, 0, 0 }

/** What a scan counted: the largest value of each measure. */
typedef struct pd_limits_stats {
	unsigned nesting;                /**< deepest line */
	unsigned nesting_line;           /**< ... and its line */
	unsigned long long image_steps;
	size_t delimiters;               /**< most in one paragraph */
	size_t brackets;
	size_t backtick_runs;
	size_t inline_markers;           /**< whole document */
	size_t references;               /**< whole document */
	unsigned lines;                  /**< lines scanned */
} pd_limits_stats;

/**
 * The limits a parse uses: `opts->max_nesting` when given, the defaults
 * for the rest. `opts` may be NULL.
 */
void pd_limits_from_options(pd_limits *out, const pd_parse_options *opts);

/**
 * Scan `md` (UTF-8, need not be NUL-terminated) and refuse it when it
 * exceeds a limit. One pass, O(len) time, O(1) memory.
 *
 * @param limits  NULL for the defaults
 * @return 0, or PD_ELIMIT with a message naming the line and the limit:
 *         "line 12: block nesting deeper than 64 levels (quotes and lists)"
 */
int pd_limits_check(const char *md, size_t len, const pd_limits *limits);

/**
 * The parser's check: pd_limits_check() of `md` (the document after its
 * front matter, which starts on line `first_line`) with the limits of
 * `opts` (NULL: the defaults).
 */
int pd_limits_check_parse(const char *md, size_t len, unsigned first_line,
                          const pd_parse_options *opts);

/**
 * Measure `md` without judging it (for tests and for choosing limits).
 * Stops early at the first measure above `limits` when `limits` is not
 * NULL, setting *stats_out to what was counted up to there.
 * @return 0, or PD_ELIMIT as pd_limits_check()
 */
int pd_limits_measure(pd_limits_stats *stats_out, const char *md,
                      size_t len, const pd_limits *limits);

/**
 * pd_limits_measure() reading every byte: without the eight-byte steps
 * over plain text and the short way through lines that start with a
 * letter. The same verdicts and counts: the tests hold the fast scan to
 * this one.
 */
int pd_limits__measure_bytewise(pd_limits_stats *stats_out, const char *md,
                                size_t len, const pd_limits *limits);

/**
 * Refuse block quotes and lists nested deeper than `max` (capped at
 * 100000), from the line prefixes alone: ">" markers, list markers, and
 * the columns where list items' contents start; code, thematic breaks
 * and blank lines are skipped. `first_line` numbers the first line for
 * the message.
 */
int pd_limits__check_nesting(const char *s, size_t len, unsigned max,
                             unsigned first_line);

#endif
