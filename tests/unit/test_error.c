/* SPDX-License-Identifier: MIT */
/*
 * test_error.c: the last error's message and hint, a prefix added to it
 * on the way up, and the one rule that keeps them short: input quoted in
 * them is cut to 80 characters.
 */
#include <string.h>

#include "harness.h"
#include "progdiff.h"

/* n copies of c, for a quoted run */
static const char *run_of(char c, size_t n)
{
	static char s[8192];

	memset(s, c, n);
	s[n] = '\0';
	return s;
}

void test_error__short_quotes_kept(void);
void test_error__short_quotes_kept(void)
{
	pd_error_set(PD_EINVALID, "rule '%s': it's '%s'", "a", run_of('x', 80));
	STR_EQ(pd_error_message(), "rule 'a': it's 'xxxxxxxxxxxxxxxxxxxxxxxxxx"
	       "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'",
	       "80 characters and an apostrophe are left as they are");
}

void test_error__long_quotes_cut(void);
void test_error__long_quotes_cut(void)
{
	char want[9000];

	pd_error_set(PD_EINVALID, "rule 'r': invalid pattern '%s' at offset %d",
	             run_of('(', 5000), 5000);
	snprintf(want, sizeof(want), "rule 'r': invalid pattern '%s...' at "
	         "offset 5000", run_of('(', 77));
	STR_EQ(pd_error_message(), want,
	       "5,000 parentheses become 77 and an ellipsis, the rest is kept");
	pd_error_set_hint("the closest is '%s'", run_of('y', 300));
	snprintf(want, sizeof(want), "the closest is '%s...'", run_of('y', 77));
	STR_EQ(pd_error_hint(), want, "a hint is cut alike");
}

void test_error__cut_counts_characters(void);
void test_error__cut_counts_characters(void)
{
	char in[1024], want[512];
	size_t i;

	/* "å" is two bytes: 100 of them are 100 characters, cut at 77 */
	in[0] = '\0';
	for (i = 0; i < 100; i++)
		strcat(in, "\xc3\xa5");
	pd_error_set(PD_ENOTFOUND, "no version '%s'", in);
	want[0] = '\0';
	strcat(want, "no version '");
	for (i = 0; i < 77; i++)
		strcat(want, "\xc3\xa5");
	strcat(want, "...'");
	STR_EQ(pd_error_message(), want, "cut between characters, not bytes");
}

void test_error__cut_in_place(void);
void test_error__cut_in_place(void)
{
	char msg[9000];

	snprintf(msg, sizeof(msg), "--max-size: '%s' is not a size",
	         run_of('9', 200));
	pd_error_cut_quotes(msg);
	OK(strlen(msg) == strlen("--max-size: '' is not a size") + 80,
	   "cmd/ cuts its own messages with the same helper");
}

static void test_error__prefix_keeps_the_hint(void)
{
	pd_error_set(PD_EINVALID, "invalid UTF-8 at byte %d", 12);
	pd_error_set_hint("save it as UTF-8");
	INT_EQ(pd_error_prefix(PD_ENOTFOUND, "%s", "2035.md"), PD_ENOTFOUND,
	       "returns the code given");
	STR_EQ(pd_error_message(), "2035.md: invalid UTF-8 at byte 12",
	       "the prefix, then the message");
	STR_EQ(pd_error_hint(), "save it as UTF-8", "the hint is kept");
	INT_EQ(pd_error_last(), PD_ENOTFOUND, "the code is the new one");
	pd_error_clear();
}

static void test_error__prefix_is_cut_to_the_buffer(void)
{
	char longer[2000];

	memset(longer, 'x', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	pd_error_set(PD_ERROR, "%s", "why");
	pd_error_prefix(PD_ERROR, "%s", longer);
	INT_EQ(strlen(pd_error_message()), 1023,
	       "a prefix too long for the message is cut");
	OK(!strcmp(pd_error_message() + 1021, ": "), "its ': ' is kept");
	pd_error_set(PD_ERROR, "%s", longer);
	pd_error_prefix(PD_ERROR, "%s", "a.md");
	INT_EQ(strlen(pd_error_message()), 1023, "a long message is cut");
	OK(!strncmp(pd_error_message(), "a.md: xxx", 9), "after the prefix");
	pd_error_clear();
}

static const pd_test tests[] = {
	PD_TEST(test_error__prefix_keeps_the_hint),
	PD_TEST(test_error__prefix_is_cut_to_the_buffer),
	PD_TEST(test_error__short_quotes_kept),
	PD_TEST(test_error__long_quotes_cut),
	PD_TEST(test_error__cut_counts_characters),
	PD_TEST(test_error__cut_in_place),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
