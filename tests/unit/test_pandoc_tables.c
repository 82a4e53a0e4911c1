/* SPDX-License-Identifier: MIT */
/*
 * test_pandoc_tables.c: pandoc's simple and multiline tables become code
 * blocks, and nothing else does.
 */
#include <string.h>

#include "harness.h"
#include "pandoc_tables.h"

/* The shielded copy of `md`, or "-" when nothing was shielded. */
static const char *shield(const char *md)
{
	static pd_buf out = PD_BUF_INIT;

	if (!pd_pandoc_tables__shield(&out, md, strlen(md)))
		return "-";
	return out.ptr;
}

static void test_pandoc_tables__multiline(void)
{
	STR_EQ(shield("Text.\n\n"
	              "  ------------------\n"
	              "  Name     Value\n"
	              "  -------- ---------\n"
	              "  Nya      6\n"
	              "  företag\n"
	              "\n"
	              "  Fler     9\n"
	              "  ------------------\n"
	              "\nAfter.\n"),
	       "Text.\n\n"
	       "      ------------------\n"
	       "      Name     Value\n"
	       "      -------- ---------\n"
	       "      Nya      6\n"
	       "      företag\n"
	       "\n"
	       "      Fler     9\n"
	       "      ------------------\n"
	       "\nAfter.\n",
	       "a multiline table, closing rule and all, is indented");
}

static void test_pandoc_tables__simple(void)
{
	STR_EQ(shield("  A   B\n  --- ---\n  1   2\n\n# Next\n"),
	       "      A   B\n      --- ---\n      1   2\n\n# Next\n",
	       "a simple table to its blank line");
	STR_EQ(shield("--- ---\n1   2\n--- ---\n"),
	       "    --- ---\n    1   2\n    --- ---\n",
	       "a headerless simple table, both rules");
}

static void test_pandoc_tables__not_tables(void)
{
	STR_EQ(shield("Heading\n-------\n\nText.\n"), "-",
	       "a setext heading is left alone");
	STR_EQ(shield("Some text\nmore text\n--- ---\n1 2\n"), "-",
	       "a column rule under a paragraph is the paragraph's");
	STR_EQ(shield("- a\n- b\n\n---\n\n- - -\n"), "-",
	       "lists and thematic breaks are no tables");
	STR_EQ(shield("---- ----\n\n"), "-", "a rule without rows");
	STR_EQ(shield("------\nTitle\n---- ----\nrow\n"), "-",
	       "a multiline table without its closing rule is none");
}

static const pd_test tests[] = {
	PD_TEST(test_pandoc_tables__multiline),
	PD_TEST(test_pandoc_tables__simple),
	PD_TEST(test_pandoc_tables__not_tables),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
