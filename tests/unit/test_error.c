/* SPDX-License-Identifier: MIT */
/* test_error.c: the last error, and a prefix added to it on the way up. */
#include <string.h>

#include "harness.h"
#include "progdiff.h"

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
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
