/* SPDX-License-Identifier: MIT */
/*
 * render_kinds.c: the change kinds in words, counted: "ett nytt
 * målområde", "två ändrade mål", "three new goal areas", for summaries
 * such as `progdiff log` writes, where a kind's stable name
 * ("area-added") is an identifier and not a language. Numbers up to
 * twelve are words; Swedish "en"/"ett" follows the noun's gender.
 */
#include <string.h>

#include "render.h"

static const struct kind_words {
	int neuter;                  /* Swedish "ett" (1) or "en" (0) */
	const char *sv_one, *sv_many, *en_one, *en_many;
} words[PD_CHANGE__COUNT] = {
	[PD_CHANGE_NAME_CHANGED] = { 1, "nytt namn", "nya namn",
	                             "new name", "new names" },
	[PD_CHANGE_TARGET_YEAR_CHANGED] = { 1, "nytt mållår", "nya mållår",
	                                    "new target year",
	                                    "new target years" },
	[PD_CHANGE_PERIOD_CHANGED] = { 0, "ny period", "nya perioder",
	                               "new period", "new periods" },
	[PD_CHANGE_METADATA_CHANGED] = { 0, "ändrad uppgift",
	                                 "ändrade uppgifter", "changed detail",
	                                 "changed details" },
	[PD_CHANGE_AREA_ADDED] = { 1, "nytt målområde", "nya målområden",
	                           "new goal area", "new goal areas" },
	[PD_CHANGE_AREA_REMOVED] = { 1, "borttaget målområde",
	                             "borttagna målområden",
	                             "removed goal area", "removed goal areas" },
	[PD_CHANGE_AREA_RENAMED] = { 1, "målområde med nytt namn",
	                             "målområden med nya namn",
	                             "renamed goal area", "renamed goal areas" },
	[PD_CHANGE_AREA_MOVED] = { 1, "flyttat målområde",
	                           "flyttade målområden", "moved goal area",
	                           "moved goal areas" },
	[PD_CHANGE_GOAL_ADDED] = { 1, "nytt mål", "nya mål", "new goal",
	                           "new goals" },
	[PD_CHANGE_GOAL_REMOVED] = { 1, "borttaget mål", "borttagna mål",
	                             "removed goal", "removed goals" },
	[PD_CHANGE_GOAL_RENAMED] = { 1, "mål med nytt namn",
	                             "mål med nya namn", "renamed goal",
	                             "renamed goals" },
	[PD_CHANGE_GOAL_MOVED] = { 1, "flyttat mål", "flyttade mål",
	                           "moved goal", "moved goals" },
	[PD_CHANGE_GOAL_CHANGED] = { 1, "ändrat mål", "ändrade mål",
	                             "changed goal", "changed goals" },
	[PD_CHANGE_SECTION_ADDED] = { 1, "nytt avsnitt", "nya avsnitt",
	                              "new section", "new sections" },
	[PD_CHANGE_SECTION_REMOVED] = { 1, "borttaget avsnitt",
	                                "borttagna avsnitt", "removed section",
	                                "removed sections" },
	[PD_CHANGE_SECTION_RENAMED] = { 1, "avsnitt med nytt namn",
	                                "avsnitt med nya namn",
	                                "renamed section", "renamed sections" },
	[PD_CHANGE_SECTION_MOVED] = { 1, "flyttat avsnitt", "flyttade avsnitt",
	                              "moved section", "moved sections" },
	[PD_CHANGE_SECTION_CHANGED] = { 1, "ändrat avsnitt",
	                                "ändrade avsnitt", "changed section",
	                                "changed sections" },
	[PD_CHANGE_TERM_RENAMED] = { 1, "namn utbytt i hela texten",
	                             "namn utbytta i hela texten",
	                             "name replaced throughout",
	                             "names replaced throughout" },
	[PD_CHANGE_THEME_EVERYWHERE] = { 1, "tema i alla målområden",
	                                 "teman i alla målområden",
	                                 "theme in every goal area",
	                                 "themes in every goal area" },
	[PD_CHANGE_TARGET_CHANGED] = { 1, "ändrat målvärde",
	                               "ändrade målvärden", "changed target",
	                               "changed targets" },
	[PD_CHANGE_INDICATOR_ADDED] = { 0, "ny indikator", "nya indikatorer",
	                                "new indicator", "new indicators" },
	[PD_CHANGE_INDICATOR_REMOVED] = { 0, "borttagen indikator",
	                                  "borttagna indikatorer",
	                                  "removed indicator",
	                                  "removed indicators" },
	[PD_CHANGE_INDICATOR_CHANGED] = { 1, "ändrat indikatorvärde",
	                                  "ändrade indikatorvärden",
	                                  "changed indicator value",
	                                  "changed indicator values" },
	[PD_CHANGE_TABLE_HEADER_CHANGED] = { 0, "ändrad tabellrubrik",
	                                     "ändrade tabellrubriker",
	                                     "changed table header",
	                                     "changed table headers" },
	[PD_CHANGE_PREAMBLE_CHANGED] = { 0, "ändrad inledning",
	                                 "ändrade inledningar",
	                                 "changed introduction",
	                                 "changed introductions" },
	[PD_CHANGE_AREA_SPLIT] = { 1, "delat målområde", "delade målområden",
	                           "split goal area", "split goal areas" },
	[PD_CHANGE_AREA_MERGED] = { 0, "sammanslagning av målområden",
	                            "sammanslagningar av målområden",
	                            "merger of goal areas",
	                            "mergers of goal areas" },
	[PD_CHANGE_GOAL_SPLIT] = { 1, "delat mål", "delade mål", "split goal",
	                           "split goals" },
	[PD_CHANGE_GOAL_MERGED] = { 0, "sammanslagning av mål",
	                            "sammanslagningar av mål", "merger of goals",
	                            "mergers of goals" }
};

int pd_render_kind_count(pd_buf *out, pd_change_kind kind, size_t n,
                         pd_lang lang)
{
	const struct kind_words *w;
	int en = lang == PD_LANG_EN;

	if ((int)kind < 0 || kind >= PD_CHANGE__COUNT || !words[kind].sv_one) {
		pd_buf_printf(out, "%zu %s", n, pd_change_kind_name(kind) ?
		              pd_change_kind_name(kind) : "?");
		return 0;
	}
	w = &words[kind];
	if (n == 1 && !en)
		pd_buf_puts(out, w->neuter ? "ett" : "en");
	else
		pd_render__number(out, (unsigned long)n, lang);
	pd_buf_putc(out, ' ');
	pd_buf_puts(out, n == 1 ? (en ? w->en_one : w->sv_one) :
	            (en ? w->en_many : w->sv_many));
	return 0;
}
