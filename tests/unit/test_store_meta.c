/* SPDX-License-Identifier: MIT */
/*
 * test_store_meta.c: a stored version's metadata as the version's, the
 * options of `add` that disagree with the text, and the message a
 * version was stored with.
 */
#include "harness.h"
#include "progdiff.h"
#include "store.h"

static const char *md =
	"# Plan 2035\n\nMållåret är 2035. Planen gäller 2019–2022 och antogs "
	"den 3 maj 2021, dnr KS\n2021/77.\n\n## Fokusområden\n\n### Resor\n\n"
	"Text.\n";

static void test_store_meta__stored_metadata_wins(void)
{
	pd_document *doc = NULL;
	pd_stored_version v = PD_STORED_VERSION_INIT;
	char date[] = "2021-06-01";
	const pd_meta *m;

	if (pd_parse_document(&doc, md, strlen(md), NULL) < 0) {
		OK(0, "parse");
		return;
	}
	m = pd_document_meta(doc);
	INT_EQ(m->target_year, 2035, "the text's target year");
	STR_EQ(m->adopted, "2021-05-03", "the text's date, as a date");
	STR_EQ(m->decision, "KS 2021/77", "a diarienummer across a line");
	v.target_year = 2040;
	v.adopted = date;
	pd_store_apply_meta(doc, &v);
	INT_EQ(m->target_year, 2040, "the stored target year");
	STR_EQ(m->adopted, "2021-06-01", "the stored date");
	STR_EQ(m->decision, "KS 2021/77", "the text where the store is silent");
	INT_EQ(m->period_start, 2019, "the period too");
	pd_document_free(doc);
}

static void test_store_meta__disagreements(void)
{
	pd_document *doc = NULL;
	pd_store_add_options o = PD_STORE_ADD_OPTIONS_INIT;
	pd_buf out = PD_BUF_INIT;

	if (pd_parse_document(&doc, md, strlen(md), NULL) < 0) {
		OK(0, "parse");
		return;
	}
	o.target_year = 2035;
	INT_EQ(pd_store_meta_disagreements(&out, doc, &o), 0,
	       "an option the text agrees with");
	o.target_year = 2040;
	o.period_start = 2019;
	o.period_end = 2023;
	o.decision = "KS 2021/77";
	INT_EQ(pd_store_meta_disagreements(&out, doc, &o), 2, "two disagree");
	STR_EQ(out.ptr, "--target-year 2040 (the text says 2035); --period "
	       "2019-2023 (the text says 2019-2022)", "named in one line");
	pd_buf_dispose(&out);
	pd_document_free(doc);
}

static void test_store_meta__user_message(void)
{
	char *m;

	m = pd_store__user_message("Add sodertorn/2035: Plan 2035\n\n"
	                           "Label: 2035\n", "2035");
	OK(m == NULL, "the default message is no message");
	m = pd_store__user_message("Antaget av KF\n\nErsätter 2013.\n\n"
	                           "Label: 2035\nName: Plan\n", "2035");
	STR_EQ(m ? m : "(null)", "Antaget av KF\n\nErsätter 2013.",
	       "the message without its trailers");
	free(m);
	m = pd_store__user_message("Label: 2035\n", "2035");
	OK(m == NULL, "trailers alone");
}

static const pd_test tests[] = {
	PD_TEST(test_store_meta__stored_metadata_wins),
	PD_TEST(test_store_meta__disagreements),
	PD_TEST(test_store_meta__user_message),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
