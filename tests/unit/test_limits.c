/* SPDX-License-Identifier: MIT */
/*
 * test_limits.c: the pre-scan that keeps cmark 0.30.2's slow shapes out
 * (lib/limits.c). Each limit is tested at its value and one past it, in
 * the shape that makes cmark slow; real programmes must pass untouched.
 */
#include <stdlib.h>

#include "harness.h"
#include "helpers.h"
#include "limits.h"

/* `unit` repeated `n` times, between `head` and `tail`. */
static void repeat(pd_buf *out, const char *head, const char *unit,
                   size_t n, const char *tail)
{
	size_t i;

	pd_buf_clear(out);
	pd_buf_puts(out, head);
	for (i = 0; i < n; i++)
		pd_buf_puts(out, unit);
	pd_buf_puts(out, tail);
}

static int check(const pd_buf *b)
{
	pd_error_clear();
	return pd_limits_check(b->ptr, b->size, NULL);
}

static void test_limits__fixtures_pass(void)
{
	pd_buf text = PD_BUF_INIT;
	pd_limits_stats st;
	size_t i;

	for (i = 0; sample_fixtures[i]; i++) {
		OK(read_fixture(&text, sample_fixtures[i]) == 0,
		   sample_fixtures[i]);
		INT_EQ(pd_limits_check(text.ptr, text.size, NULL), 0,
		       sample_fixtures[i]);
		pd_limits_measure(&st, text.ptr, text.size, NULL);
		OK(st.nesting <= 4, "a programme nests a few levels");
	}
	pd_buf_dispose(&text);
}

static void test_limits__empty_and_plain(void)
{
	pd_limits_stats st;

	INT_EQ(pd_limits_check("", 0, NULL), 0, "empty text passes");
	INT_EQ(pd_limits_measure(&st, "# A\n\ntext *b* [c](d)\n", 20, NULL),
	       0, "measure");
	INT_EQ(st.lines, 3, "three lines");
	INT_EQ(st.delimiters, 2, "two emphasis runs");
	INT_EQ(st.brackets, 1, "one bracket");
	INT_EQ(st.nesting, 0, "no nesting");
}

static void test_limits__quote_nesting_at_the_limit(void)
{
	pd_buf b = PD_BUF_INIT;

	repeat(&b, "", "> ", 64, "text\n");
	INT_EQ(check(&b), 0, "64 quotes pass");
	repeat(&b, "# T\n\n", "> ", 65, "text\n");
	INT_EQ(check(&b), PD_ELIMIT, "65 quotes are refused");
	STR_EQ(pd_error_message(), "line 3: nested 65 levels deep in block "
	       "quotes and lists (limit 64)", "the message names the line");
	repeat(&b, "", ">", 40000, "*a*a*a*a\n");
	INT_EQ(check(&b), PD_ELIMIT, "cmark's 40,000 quotes are refused");
	pd_buf_dispose(&b);
}

static void test_limits__list_nesting(void)
{
	pd_buf b = PD_BUF_INIT;
	pd_limits_stats st;
	size_t i, j;

	/* the benchmark's nest-60 list: 30 levels */
	for (i = 0; i < 30; i++) {
		for (j = 0; j < i; j++)
			pd_buf_puts(&b, "  ");
		pd_buf_puts(&b, "- item\n");
	}
	INT_EQ(pd_limits_measure(&st, b.ptr, b.size, NULL), 0, "measured");
	INT_EQ(st.nesting, 30, "30 levels of list");
	INT_EQ(st.nesting_line, 30, "on the last line");
	for (; i < 64; i++) {
		for (j = 0; j < i; j++)
			pd_buf_puts(&b, "  ");
		pd_buf_puts(&b, "- item\n");
	}
	INT_EQ(check(&b), 0, "64 pass");
	for (j = 0; j < i; j++)
		pd_buf_puts(&b, "  ");
	pd_buf_puts(&b, "- item\n");
	INT_EQ(check(&b), PD_ELIMIT, "65 levels are refused");
	STR_EQ(pd_error_message(), "line 65: nested 65 levels deep in block "
	       "quotes and lists (limit 64)", "message");

	/* siblings at the same columns do not add up */
	pd_buf_clear(&b);
	for (i = 0; i < 1000; i++)
		pd_buf_puts(&b, "- a\n  - b\n    1. c\n");
	INT_EQ(pd_limits_measure(&st, b.ptr, b.size, NULL), 0, "measured");
	INT_EQ(st.nesting, 3, "siblings");

	/* markers on one line nest too: "- - - a" */
	repeat(&b, "", "- ", 65, "a\n");
	INT_EQ(check(&b), PD_ELIMIT, "65 markers on one line");
	repeat(&b, "", "> - ", 33, "a\n");
	INT_EQ(check(&b), PD_ELIMIT, "33 of '> - ' are 66 deep");
	pd_buf_dispose(&b);
}

static void test_limits__lazy_lines_do_not_hide_depth(void)
{
	pd_buf b = PD_BUF_INIT;
	size_t i, j;

	/* a lazy continuation line between the levels ("2. x" cannot
	 * interrupt a paragraph) leaves cmark's items open */
	for (i = 0; i < 70; i++) {
		for (j = 0; j < i; j++)
			pd_buf_puts(&b, "  ");
		pd_buf_puts(&b, "* a\n2. x\n");
	}
	INT_EQ(check(&b), PD_ELIMIT, "still 70 levels");
	pd_buf_dispose(&b);
}

static void test_limits__nesting_option(void)
{
	pd_parse_options opts = PD_PARSE_OPTIONS_INIT;
	pd_limits lim;
	pd_buf b = PD_BUF_INIT;

	pd_limits_from_options(&lim, NULL);
	INT_EQ(lim.nesting, 0, "default");
	opts.max_nesting = 10;
	pd_limits_from_options(&lim, &opts);
	INT_EQ(lim.nesting, 10, "from the options");
	repeat(&b, "", "> ", 10, "a\n");
	INT_EQ(pd_limits_check(b.ptr, b.size, &lim), 0, "10 pass");
	repeat(&b, "", "> ", 11, "a\n");
	INT_EQ(pd_limits_check(b.ptr, b.size, &lim), PD_ELIMIT, "11 do not");
	opts.max_nesting = 1000;
	pd_limits_from_options(&lim, &opts);
	repeat(&b, "", "> ", 500, "a\n");
	INT_EQ(pd_limits_check(b.ptr, b.size, &lim), 0, "a higher limit");
	pd_buf_dispose(&b);
}

static void test_limits__thematic_breaks_are_not_lists(void)
{
	pd_buf b = PD_BUF_INIT;

	repeat(&b, "text\n\n", "- ", 80, "\n\n* * * * *\n");
	INT_EQ(check(&b), 0, "a long '- - -' rule is not 80 lists");
	pd_buf_dispose(&b);
}

static void test_limits__images_before_links(void)
{
	pd_buf b = PD_BUF_INIT;
	pd_limits_stats st;

	/* CVE-2023-22486: each link walks back over every open `![` */
	repeat(&b, "", "![[]()", 9000, "\n");
	INT_EQ(pd_limits_measure(&st, b.ptr, b.size, NULL), 0, "measured");
	INT_EQ(st.image_steps, 9000ULL * 9001 / 2, "steps as cmark walks");
	INT_EQ(check(&b), 0, "40 million steps pass");
	repeat(&b, "", "![[]()", 40000, "\n");
	INT_EQ(check(&b), PD_ELIMIT, "the 240 kB stall is refused");
	STR_EQ(pd_error_message(), "line 1: too many links after unclosed "
	       "images ('![') (limit 50000000)", "message");
	/* a blank line ends the paragraph and the walk */
	repeat(&b, "", "![[]()![[]()![[]()![[]()![[]()\n\n", 20000, "");
	INT_EQ(check(&b), 0, "many short paragraphs pass");
	/* escaped openers are text */
	repeat(&b, "", "\\![[]()", 20000, "\n");
	INT_EQ(check(&b), 0, "\\![ opens no image");
	pd_buf_dispose(&b);
}

static void test_limits__emphasis_runs(void)
{
	pd_buf b = PD_BUF_INIT;

	repeat(&b, "", "*a", PD_LIMIT_DELIMITERS, "\n");
	INT_EQ(check(&b), 0, "50,000 runs pass");
	repeat(&b, "", "*a", PD_LIMIT_DELIMITERS + 1, "\n");
	INT_EQ(check(&b), PD_ELIMIT, "50,001 do not");
	STR_EQ(pd_error_message(), "line 1: too many emphasis markers (runs "
	       "of * and _) in one paragraph (limit 50000)", "message");
	repeat(&b, "", "***", PD_LIMIT_DELIMITERS + 1, "\n");
	INT_EQ(check(&b), 0, "one long run is one marker");
	repeat(&b, "", "\\*a", PD_LIMIT_DELIMITERS + 1, "\n");
	INT_EQ(check(&b), 0, "escaped stars are text");
	/* spread over lines, one paragraph still */
	repeat(&b, "", "*a_b\n", PD_LIMIT_DELIMITERS / 2 + 1, "");
	INT_EQ(check(&b), PD_ELIMIT, "counted across lines");
	pd_buf_dispose(&b);
}

static void test_limits__document_total(void)
{
	pd_buf b = PD_BUF_INIT, para = PD_BUF_INIT;

	/* 11 paragraphs of 49,000 runs each: each passes, all do not */
	repeat(&para, "", "*a", 49000, "\n\n");
	repeat(&b, "", para.ptr, 10, "");
	INT_EQ(check(&b), 0, "490,000 in the document pass");
	pd_buf_puts(&b, para.ptr);
	INT_EQ(check(&b), PD_ELIMIT, "539,000 do not");
	STR_EQ(pd_error_message(), "line 21: too many inline markers "
	       "(emphasis, brackets, backticks) in the document "
	       "(limit 500000)", "message");
	pd_buf_dispose(&para);
	pd_buf_dispose(&b);
}

static void test_limits__brackets_and_backticks(void)
{
	pd_buf b = PD_BUF_INIT;

	repeat(&b, "", "[a", PD_LIMIT_BRACKETS + 1, "\n");
	INT_EQ(check(&b), PD_ELIMIT, "brackets");
	STR_EQ(pd_error_message(), "line 1: too many brackets in one "
	       "paragraph (limit 50000)", "message");
	repeat(&b, "", "`a", PD_LIMIT_BACKTICK_RUNS + 1, "\n");
	INT_EQ(check(&b), PD_ELIMIT, "backtick runs");
	repeat(&b, "", "``a", PD_LIMIT_BACKTICK_RUNS, "\n");
	INT_EQ(check(&b), 0, "50,000 runs of two pass");
	pd_buf_dispose(&b);
}

static void test_limits__references(void)
{
	pd_buf b = PD_BUF_INIT;
	size_t i;

	for (i = 0; i < PD_LIMIT_REFERENCES; i++)
		pd_buf_printf(&b, "[%zu]: /u\n\n", i);
	INT_EQ(check(&b), 0, "100,000 definitions pass");
	pd_buf_puts(&b, "[x]: /u\n");
	INT_EQ(check(&b), PD_ELIMIT, "one more does not");
	STR_EQ(pd_error_message(), "line 200001: too many link reference "
	       "definitions (limit 100000)", "message");
	pd_buf_dispose(&b);
}

static void test_limits__line_ends(void)
{
	pd_buf b = PD_BUF_INIT;

	repeat(&b, "a\r\nb\rc\n\r\n", "> ", 65, "x\r\n");
	INT_EQ(check(&b), PD_ELIMIT, "CR, LF and CRLF end lines");
	STR_EQ(pd_error_message(), "line 5: nested 65 levels deep in block "
	       "quotes and lists (limit 64)", "line counted as cmark does");
	pd_buf_dispose(&b);
}

static void test_limits__code_is_not_nesting(void)
{
	pd_buf b = PD_BUF_INIT;

	repeat(&b, "```\n", ">", 75, "\n```\n\n    >>>>>>>>>>>>>>>>>>>>"
	       ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>\n");
	INT_EQ(check(&b), 0, "fenced and indented code are text");
	repeat(&b, "~~~~ x\n~~~\n", "> ", 70, "\n~~~~\n");
	INT_EQ(check(&b), 0, "a shorter fence does not close");
	repeat(&b, "- a\n  ```\n  ", "*a", 60000, "\n");
	INT_EQ(check(&b), 0, "code in a list item");
	pd_buf_dispose(&b);
}

static void test_limits__fences_that_are_not(void)
{
	pd_buf b = PD_BUF_INIT;

	/* each of these leaves the `>` line outside code for cmark */
	repeat(&b, "<pre>\n```\n</pre>\n", ">", 65, " a\n");
	INT_EQ(check(&b), PD_ELIMIT, "a fence in an HTML block is text");
	repeat(&b, "```a`b\n", ">", 65, " a\n");
	INT_EQ(check(&b), PD_ELIMIT, "a backtick in the info string");
	repeat(&b, "- a\n  ```\n", ">", 65, " a\n");
	INT_EQ(check(&b), PD_ELIMIT, "the list item, and its fence, end");
	repeat(&b, "> ```\n", ">", 65, " a\n");
	INT_EQ(check(&b), PD_ELIMIT, "a fence in a quote ends with it");
	repeat(&b, "    ```\n", ">", 65, " a\n");
	INT_EQ(check(&b), PD_ELIMIT, "indented code is no fence");
	repeat(&b, "- a\n\n      ```\n", ">", 65, " a\n");
	INT_EQ(check(&b), PD_ELIMIT, "nor is code in a list item");
	/* indentation in a list item is not code */
	repeat(&b, "- a\n\n    ", ">", 64, " a\n");
	INT_EQ(check(&b), PD_ELIMIT, "quotes in a list item");
	pd_buf_dispose(&b);
}

static void test_limits__first_line_after_front_matter(void)
{
	pd_buf b = PD_BUF_INIT;

	repeat(&b, "a\n", "> ", 65, "x\n");
	INT_EQ(pd_limits_check_parse(b.ptr, b.size, 5, NULL), PD_ELIMIT,
	       "refused");
	STR_EQ(pd_error_message(), "line 6: nested 65 levels deep in block "
	       "quotes and lists (limit 64)", "lines count from the first");
	pd_buf_dispose(&b);
}

static void test_limits__blank_quote_line_ends_paragraph(void)
{
	pd_buf b = PD_BUF_INIT;

	repeat(&b, "", "> *a*a*a*a*a*a*a*a*a*a\n>\n", 9000, "");
	INT_EQ(check(&b), 0, "a '>' line ends a paragraph in a quote");
	pd_buf_dispose(&b);
}

/* A small deterministic generator (xorshift64*), state in the caller. */
static unsigned long long next_random(unsigned long long *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 2685821657736338717ULL;
}

static size_t pick(unsigned long long *state, size_t n)
{
	return (size_t)(next_random(state) >> 33) % n;
}

/* Markdown-ish text: container prefixes, inline markers, plain runs of
 * every length around the 8-byte words, non-ASCII and invalid bytes. */
static void random_markdown(pd_buf *out, unsigned long long *state)
{
	static const char *const starts[] = {
		"", "", "", "", "> ", ">", ">>> ", "  ", "    ", "\t", " \t",
		"- ", "* ", "+ ", "1. ", "12) ", "1234567890. ", "-", "***",
		"---", "___", "* * *", "- - -", "```", "````js", "~~~", "``` `",
		"<div>", "[ref]: /u", "[a]", "> - ", "  - ", "     1. ", "_a",
		"Ö", "\xff", "a", "Text "
	};
	static const char *const inlines[] = {
		"word ", "plain text of some length ", "ö", "é",
		"e\xcc\x81", "\xff", "\x80", "\xe2\x80\x93", "*", "**", "_",
		"__", "`", "``", "[", "]", "![", "](", "\\*", "\\", "\\a",
		"^", "!", " ", "\t", "1234567", "abcdefgh", "abcdefghi",
		"0123456789abcdef", "\x7f", "\x01", "Z", "z", "{|}~", "@"
	};
	static const char *const ends[] = {
		"\n", "\n", "\n", "\r\n", "\r", "\n\n", "\n>\n", "\n \n"
	};
	size_t lines = pick(state, 40), l, k, n;

	pd_buf_clear(out);
	for (l = 0; l < lines; l++) {
		n = pick(state, 3);
		for (k = 0; k < n; k++)
			pd_buf_puts(out, starts[pick(state,
			            sizeof(starts) / sizeof(starts[0]))]);
		n = pick(state, 12);
		for (k = 0; k < n; k++)
			pd_buf_puts(out, inlines[pick(state,
			            sizeof(inlines) / sizeof(inlines[0]))]);
		if (l + 1 < lines || pick(state, 2))
			pd_buf_puts(out, ends[pick(state,
			            sizeof(ends) / sizeof(ends[0]))]);
	}
}

static int same_stats(const pd_limits_stats *a, const pd_limits_stats *b)
{
	return a->nesting == b->nesting &&
	       a->nesting_line == b->nesting_line &&
	       a->image_steps == b->image_steps &&
	       a->delimiters == b->delimiters &&
	       a->brackets == b->brackets &&
	       a->backtick_runs == b->backtick_runs &&
	       a->inline_markers == b->inline_markers &&
	       a->references == b->references && a->lines == b->lines;
}

/* The fast scan and the bytewise one agree on verdict, message and counts:
 * the bytewise one is the library's own scan with its shortcuts off (the
 * general path), not a copy of it. */
static void test_limits__same_as_bytewise(void)
{
	unsigned long long state = 0x9e3779b97f4a7c15ULL;
	pd_buf md = PD_BUF_INIT, msg = PD_BUF_INIT;
	pd_limits_stats got, want;
	pd_limits lim;
	int round, rc_got, rc_want, failures = 0, refused = 0;

	for (round = 0; round < 20000 && failures < 5; round++) {
		const pd_limits *use = &lim;

		random_markdown(&md, &state);
		memset(&lim, 0, sizeof(lim));
		switch (pick(&state, 4)) {
		case 0:
			use = NULL;          /* measure only */
			break;
		case 1:
			break;               /* the defaults */
		default:
			lim.nesting = 1 + (unsigned)pick(&state, 5);
			lim.image_steps = 1 + pick(&state, 20);
			lim.delimiters = 1 + pick(&state, 20);
			lim.brackets = 1 + pick(&state, 10);
			lim.backtick_runs = 1 + pick(&state, 10);
			lim.inline_markers = 1 + pick(&state, 60);
			lim.references = 1 + pick(&state, 3);
			lim.first_line = (unsigned)pick(&state, 30);
			break;
		}
		pd_error_clear();
		rc_want = pd_limits__measure_bytewise(&want, md.ptr, md.size, use);
		pd_buf_clear(&msg);
		pd_buf_puts(&msg, pd_error_message());
		pd_error_clear();
		rc_got = pd_limits_measure(&got, md.ptr, md.size, use);
		refused += rc_want < 0;
		if (rc_got != rc_want || !same_stats(&got, &want) ||
		    strcmp(msg.ptr, pd_error_message())) {
			failures++;
			printf("    input \"%s\": rc %d/%d, \"%s\" / \"%s\"\n",
			       md.ptr, rc_got, rc_want, pd_error_message(),
			       msg.ptr);
		}
	}
	INT_EQ(failures, 0, "same verdicts and counts as reading every byte");
	OK(refused > 1000, "the small limits refuse some inputs");
	OK(refused < 15000, "... and pass others");
	pd_buf_dispose(&md);
	pd_buf_dispose(&msg);
}

/* A marker at every offset of long plain runs (the word-at-a-time path). */
static void test_limits__markers_at_every_offset(void)
{
	static const char *const markers[] = {
		"*", "_", "`", "[", "]", "\\*", "![", "^", "\xdb\x80",
		"\xe0\xa4\x85", "\xc2\xaa", "\xc3\x9b", NULL
	};
	pd_buf md = PD_BUF_INIT;
	pd_limits_stats got, want;
	size_t before, after, m, k;
	int failures = 0;

	for (m = 0; markers[m]; m++) {
		for (before = 0; before < 20; before++) {
			for (after = 0; after < 20; after++) {
				pd_buf_clear(&md);
				for (k = 0; k < before; k++)
					pd_buf_putc(&md, k % 3 ? 'a' : '\xc3');
				pd_buf_puts(&md, markers[m]);
				for (k = 0; k < after; k++)
					pd_buf_putc(&md, 'z');
				pd_buf_puts(&md, markers[m]);
				pd_limits__measure_bytewise(&want, md.ptr, md.size,
				                   NULL);
				pd_limits_measure(&got, md.ptr, md.size, NULL);
				failures += !same_stats(&got, &want);
			}
		}
	}
	INT_EQ(failures, 0, "every offset counts as reading every byte");
	pd_buf_dispose(&md);
}

static const pd_test tests[] = {
	PD_TEST(test_limits__fixtures_pass),
	PD_TEST(test_limits__empty_and_plain),
	PD_TEST(test_limits__quote_nesting_at_the_limit),
	PD_TEST(test_limits__list_nesting),
	PD_TEST(test_limits__lazy_lines_do_not_hide_depth),
	PD_TEST(test_limits__nesting_option),
	PD_TEST(test_limits__thematic_breaks_are_not_lists),
	PD_TEST(test_limits__images_before_links),
	PD_TEST(test_limits__emphasis_runs),
	PD_TEST(test_limits__document_total),
	PD_TEST(test_limits__brackets_and_backticks),
	PD_TEST(test_limits__references),
	PD_TEST(test_limits__line_ends),
	PD_TEST(test_limits__code_is_not_nesting),
	PD_TEST(test_limits__fences_that_are_not),
	PD_TEST(test_limits__first_line_after_front_matter),
	PD_TEST(test_limits__blank_quote_line_ends_paragraph),
	PD_TEST(test_limits__same_as_bytewise),
	PD_TEST(test_limits__markers_at_every_offset),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
