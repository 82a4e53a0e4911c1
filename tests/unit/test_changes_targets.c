/* SPDX-License-Identifier: MIT */
/*
 * test_changes_targets.c: the values inside changed goals: numbers in
 * goal sentences (target-changed, with how certain the direction is) and
 * indicator tables by row and cell; and the text change they explain.
 */
#include "changes.h"
#include "harness.h"
#include "progdiff.h"

/* The changes from a goal saying `a` to one saying `b`, one a line:
 * "kind old>new unit direction" */
static void diff_goal(pd_buf *out, const char *a, const char *b)
{
	pd_buf ma = PD_BUF_INIT, mb = PD_BUF_INIT;
	pd_document *da = NULL, *db = NULL;
	pd_changes *c = NULL;
	size_t i;

	pd_buf_printf(&ma, "# Plan\n\n## Fokusområden\n\n### Resor\n\n"
	              "#### Målet\n\n%s\n", a);
	pd_buf_printf(&mb, "# Plan\n\n## Fokusområden\n\n### Resor\n\n"
	              "#### Målet\n\n%s\n", b);
	pd_buf_clear(out);
	if (pd_parse_document(&da, ma.ptr, ma.size, NULL) < 0 ||
	    pd_parse_document(&db, mb.ptr, mb.size, NULL) < 0 ||
	    pd_changes_compute(&c, da, db, NULL) < 0) {
		pd_buf_puts(out, "(error)");
	} else {
		for (i = 0; i < pd_changes_count(c); i++) {
			const pd_change *ch = pd_changes_get(c, i);

			pd_buf_printf(out, "%s%s", i ? "; " : "",
			              pd_change_kind_name(ch->kind));
			if (ch->kind != PD_CHANGE_TARGET_CHANGED)
				continue;
			pd_buf_printf(out, " %s>%s %s %s", ch->old_value,
			              ch->new_value, ch->unit ? ch->unit : "-",
			              ch->flags & PD_CHANGE_STRICTER ? "stricter" :
			              ch->flags & PD_CHANGE_LOOSER ? "looser" :
			              "unclear");
		}
	}
	pd_changes_free(c);
	pd_document_free(db);
	pd_document_free(da);
	pd_buf_dispose(&ma);
	pd_buf_dispose(&mb);
}

#define GOAL(a, b, want, msg) do { \
	diff_goal(&out, a, b); \
	STR_EQ(out.ptr, want, msg); \
} while (0)

static void test_changes_targets__direction(void)
{
	pd_buf out = PD_BUF_INIT;

	GOAL("Alla ska ha högst 500 meter till en hållplats.",
	     "Alla ska ha högst 400 meter till en hållplats.",
	     "target-changed 500>400 meter stricter", "högst: less is more");
	GOAL("Alla ska ha högst 400 meter till en hållplats.",
	     "Alla ska ha högst 500 meter till en hållplats.",
	     "target-changed 400>500 meter looser", "högst: more is less");
	GOAL("Andelen ska vara minst 60 %.", "Andelen ska vara minst 75 %.",
	     "target-changed 60>75 % stricter", "minst");
	GOAL("Utsläppen ska minska med 35 procent till 2030.",
	     "Utsläppen ska minska med 25 procent till 2030.",
	     "target-changed 35>25 procent looser", "minska med");
	GOAL("Avfallet ska minska till 500 ton per år.",
	     "Avfallet ska minska till 400 ton per år.",
	     "target-changed 500>400 ton stricter", "minska till");
	GOAL("Andelen ska öka från 30 % till 45 %.",
	     "Andelen ska öka från 30 % till 50 %.",
	     "target-changed 45>50 % stricter", "öka till");
	GOAL("Andelen ska öka från 30 % till 45 %.",
	     "Andelen ska öka från 25 % till 45 %.",
	     "target-changed 30>25 % unclear", "a baseline is no ambition");
	GOAL("Kommunen ska ha 12 mötesplatser.",
	     "Kommunen ska ha 10 mötesplatser.",
	     "target-changed 12>10 mötesplatser unclear", "no direction word");
	GOAL("The share shall be at least 60 %.",
	     "The share shall be at least 75 %.",
	     "target-changed 60>75 % stricter", "at least");
	GOAL("Emissions shall fall to 2 000 tonnes by 2030.",
	     "Emissions shall fall to 2 000 tonnes by 2035.",
	     "target-changed 2030>2035 - unclear", "a year, no unit");
	GOAL("Kostnaden ska vara högst 1 000 kronor.",
	     "Kostnaden ska vara högst 1 200 kronor.",
	     "target-changed 1 000>1 200 kronor looser", "digit groups");
	pd_buf_dispose(&out);
}

static void test_changes_targets__what_the_values_explain(void)
{
	pd_buf out = PD_BUF_INIT;

	GOAL("Alla ska ha högst 500 meter. Stråken ska vara trygga.",
	     "Alla ska ha högst 400 meter. Stråken ska vara trygga.",
	     "target-changed 500>400 meter stricter",
	     "a number alone changed: no text change besides");
	GOAL("Alla ska ha högst 500 meter. Stråken ska vara trygga.",
	     "Alla ska ha högst 400 meter. Stråken ska vara trygga och ljusa.",
	     "goal-changed; target-changed 500>400 meter stricter",
	     "the words changed too: both");
	GOAL("Stråken ska vara trygga.", "Stråken ska vara trygga och ljusa.",
	     "goal-changed", "no number: a text change only");
	GOAL("Sträckan CO2 ska mätas.", "Sträckan CO3 ska mätas.",
	     "goal-changed", "the digits of a word are no value");
	pd_buf_dispose(&out);
}

static void test_changes_targets__not_in_a_goal(void)
{
	const char *a = "# Plan\n\n## Bakgrund\n\nKommunen har 80 000 invånare.\n";
	const char *b = "# Plan\n\n## Bakgrund\n\nKommunen har 85 000 invånare.\n";
	pd_document *da = NULL, *db = NULL;
	pd_changes *c = NULL;

	if (pd_parse_document(&da, a, strlen(a), NULL) < 0 ||
	    pd_parse_document(&db, b, strlen(b), NULL) < 0 ||
	    pd_changes_compute(&c, da, db, NULL) < 0) {
		OK(0, "parse");
	} else {
		INT_EQ(pd_changes_count(c), 1, "one change");
		INT_EQ(pd_changes_get(c, 0)->kind, PD_CHANGE_SECTION_CHANGED,
		       "a number in the background is no target");
	}
	pd_changes_free(c);
	pd_document_free(db);
	pd_document_free(da);
}

static const char *table_old =
	"# Plan\n\n## Indikatorer\n\n"
	"| Indikator | Utgångsvärde 2019 | Målvärde 2030 |\n"
	"| --- | ---: | ---: |\n"
	"| Andel resor (%) | 28 | 40 |\n"
	"| Antal laddpunkter | 120 | 1 000 |\n"
	"| Andel nöjda \\| trygga (%) | 61 | 70 |\n";

static const char *table_new =
	"# Plan\n\n## Indikatorer\n\n"
	"| Indikator | Utgångsvärde 2023 | Målvärde 2035 |\n"
	"| --- | ---: | ---: |\n"
	"| Andel resor (%) | 28 | 45 |\n"
	"| antal laddpunkter | 120 | 1 000 |\n"
	"| Andel elever som läser (%) | 41 | 55 |\n";

static void test_changes_targets__tables_by_row_and_cell(void)
{
	pd_document *da = NULL, *db = NULL;
	pd_changes *c = NULL;
	pd_buf out = PD_BUF_INIT, details = PD_BUF_INIT;
	size_t i;

	if (pd_parse_document(&da, table_old, strlen(table_old), NULL) < 0 ||
	    pd_parse_document(&db, table_new, strlen(table_new), NULL) < 0 ||
	    pd_changes_compute(&c, da, db, NULL) < 0) {
		OK(0, "parse");
		return;
	}
	for (i = 0; i < pd_changes_count(c); i++) {
		const pd_change *ch = pd_changes_get(c, i);

		pd_buf_printf(&out, "%s%s [%s|%s|%s|%s|%s] %u/%u", i ? "\n" : "",
		              pd_change_kind_name(ch->kind),
		              ch->goal ? ch->goal : "-",
		              ch->field ? ch->field : "-",
		              ch->old_value ? ch->old_value : "-",
		              ch->new_value ? ch->new_value : "-",
		              ch->detail ? ch->detail : "-",
		              ch->old_line, ch->new_line);
	}
	STR_EQ(out.ptr,
	       "table-header-changed [-|-|Utgångsvärde 2019, Målvärde 2030|"
	       "Utgångsvärde 2023, Målvärde 2035|-] 5/5\n"
	       "indicator-changed [Andel resor (%)|Målvärde 2035|40|45|-] 7/7\n"
	       "indicator-added [Andel elever som läser (%)|-|-|"
	       "Andel elever som läser (%)|utgångsvärde 2023: 41, målvärde "
	       "2035: 55] 0/9\n"
	       "indicator-removed [Andel nöjda | trygga (%)|-|"
	       "Andel nöjda | trygga (%)|-|-] 9/0",
	       "header, cell, new row, removed row; rows by their first cell, "
	       "any case; no section-changed besides");
	for (i = 0; i < pd_changes_count(c); i++)
		if (pd_changes_get(c, i)->kind == PD_CHANGE_INDICATOR_CHANGED)
			pd_changes__table_details(&details, c, pd_changes_get(c, i),
			                          PD_LANG_SV, 1, "  ");
	STR_EQ(details.ptr,
	       "\n  |  | Indikator | Utgångsvärde 2023 | Målvärde 2035 |\n"
	       "  | --- | --- | --- | --- |\n"
	       "  | Före | Andel resor (%) | 28 | 40 |\n"
	       "  | Efter | Andel resor (%) | 28 | 45 |\n\n",
	       "a small before/after table, its pipes not escaped");
	pd_buf_dispose(&details);
	pd_buf_dispose(&out);
	pd_changes_free(c);
	pd_document_free(db);
	pd_document_free(da);
}

static const pd_test tests[] = {
	PD_TEST(test_changes_targets__direction),
	PD_TEST(test_changes_targets__what_the_values_explain),
	PD_TEST(test_changes_targets__not_in_a_goal),
	PD_TEST(test_changes_targets__tables_by_row_and_cell),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
