/* SPDX-License-Identifier: MIT */
/* test_dates.c: dates as Swedish and English documents write them. */
#include "dates.h"
#include "harness.h"

static const char *found(const char *s)
{
	static char iso[11];

	if (!pd_date_find(iso, NULL, NULL, s, strlen(s)))
		return "(none)";
	return iso;
}

static void test_dates__written_forms(void)
{
	STR_EQ(found("godkändes 2021-05-03 av"), "2021-05-03", "ISO");
	STR_EQ(found("antogs den 3 maj 2021."), "2021-05-03", "den 3 maj");
	STR_EQ(found("antogs 3 maj 2021"), "2021-05-03", "3 maj");
	STR_EQ(found("den 20 juni 2019"), "2019-06-20", "juni");
	STR_EQ(found("adopted on 3 May 2021"), "2021-05-03", "3 May");
	STR_EQ(found("adopted on May 3, 2021"), "2021-05-03", "May 3,");
	STR_EQ(found("on the 3rd of May 2021"), "2021-05-03", "3rd of May");
	STR_EQ(found("den 1 dec. 2020"), "2020-12-01", "a short month");
	STR_EQ(found("den 3:e maj 2021"), "2021-05-03", "3:e maj");
}

static void test_dates__not_dates(void)
{
	STR_EQ(found("den 31 april 2021"), "(none)", "no 31 April");
	STR_EQ(found("den 29 februari 2021"), "(none)", "not a leap year");
	STR_EQ(found("den 29 februari 2024"), "2024-02-29", "a leap year");
	STR_EQ(found("KS 2019/123"), "(none)", "a diary number");
	STR_EQ(found("2019-2022"), "(none)", "a period");
	STR_EQ(found("12 mars"), "(none)", "no year");
	STR_EQ(found("2021-13-01"), "(none)", "no month 13");
}

static void test_dates__whole(void)
{
	char iso[11];

	OK(pd_date_parse(iso, " den 3 maj 2021 ") && !strcmp(iso, "2021-05-03"),
	   "a value that is one date");
	OK(!pd_date_parse(iso, "våren 2021, den 3 maj 2021"),
	   "a value with more than the date");
}

static const pd_test tests[] = {
	PD_TEST(test_dates__written_forms),
	PD_TEST(test_dates__not_dates),
	PD_TEST(test_dates__whole),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
