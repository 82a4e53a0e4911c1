/* SPDX-License-Identifier: MIT */
/*
 * test_classify.c: section kinds from heading words (classify.c), kind
 * and language names.
 */
#include "classify.h"
#include "harness.h"
#include "progdiff.h"

static pd_classifier *shared;

static void free_shared(void)
{
	pd_classifier_free(shared);
}

/* One classifier with the built-in patterns for the whole file. */
static pd_classifier *builtin(void)
{
	if (!shared) {
		if (pd_classifier_new(&shared) < 0) {
			printf("classifier: %s\n", pd_error_message());
			exit(1);
		}
		atexit(free_shared);
	}
	return shared;
}

#define cls builtin()

/* Each heading of `cases` (NULL-terminated) must classify as `kind`. */
static void expect(const char *const *cases, pd_kind kind)
{
	size_t i;

	for (i = 0; cases[i]; i++) {
		pd_kind got = pd_classify_heading(cls, cases[i], 2);

		if (got != kind)
			printf("    '%s': got %s, want %s\n", cases[i],
			       pd_kind_name(got), pd_kind_name(kind));
		INT_EQ(got, kind, cases[i]);
	}
}

static void test_classify__numbered_fokusomrade(void)
{
	INT_EQ(pd_classify_heading(cls, "Fokusområde 2: Hållbar tillväxt", 2),
	       PD_KIND_AREA, "a numbered fokusområde is a goal area");
}

static void test_classify__areas(void)
{
	static const char *const cases[] = {
		"Fokusområde 2: Hållbar tillväxt", "Målområde: Trygghet",
		"Målområde 2 – Trygghet", "Insatsområde 1. Skola",
		"Prioriterat område 3: Bostäder", "Fokusområde 4",
		"FOKUSOMRÅDE 4: ÄLDRE", "Fokusområdet Infrastruktur",
		"Tema 2: Klimat", "Priority area 1 – Transport", "Pillar 3",
		"Priority 1.", "Focus area: Health", "Goal area 2 - Jobs",
		"Strategic theme III: Culture", "2. Fokusområde 3: Näringsliv",
		NULL
	};

	expect(cases, PD_KIND_AREA);
}

static void test_classify__containers(void)
{
	static const char *const cases[] = {
		"Fokusområden", "Fokusområdena", "Våra fokusområden",
		"Fyra fokusområden", "Målområden", "Insatsområden",
		"Prioriterade områden", "Strategiska områden",
		"Fokusområden och mål", "Focus areas", "Goal areas",
		"Priority areas", "Priorities", "Our priorities", "Pillars",
		"Strategic themes", "3. Fokusområden", NULL
	};

	expect(cases, PD_KIND_CONTAINER);
}

static void test_classify__vision_and_overall_goal(void)
{
	static const char *const visions[] = {
		"Vision", "Visionen", "Vår vision", "Our vision", "Vision 2035",
		"Vision: Södertörn 2035", "VISION", "1. Vision", NULL
	};
	static const char *const overall[] = {
		"Övergripande mål", "Det övergripande målet", "Huvudmål",
		"Overall goal", "Overall objective", "Overarching goals", NULL
	};

	expect(visions, PD_KIND_VISION);
	expect(overall, PD_KIND_OVERALL_GOAL);
}

static void test_classify__goals(void)
{
	static const char *const cases[] = {
		"Mål 1: Fler företag", "Mål: Fler företag", "Mål 2 Ökad tillgänglighet",
		"Delmål 2.1 – Kortare köer", "Delmål för skolan", "Delmål",
		"Goal 2 Quality education", "Goal 4 - Quality education",
		"Objective: Better roads", "Objective 3", "Target 3.2: Fewer deaths",
		NULL
	};

	expect(cases, PD_KIND_GOAL);
}

static void test_classify__measures_and_indicators(void)
{
	static const char *const measures[] = {
		"Åtgärder", "Aktiviteter", "Insatser", "Handlingsplan",
		"Prioriterade åtgärder", "Åtgärder för 2024", "Measures", "Actions",
		"Activities", "Action plan", NULL
	};
	static const char *const indicators[] = {
		"Indikatorer", "Nyckeltal", "Nyckeltal och indikatorer",
		"Indicators", "Key performance indicators", "KPIs", NULL
	};

	expect(measures, PD_KIND_MEASURE);
	expect(indicators, PD_KIND_INDICATOR);
}

static void test_classify__nyckeltal_is_not_nyckeltalsdagen(void)
{
	INT_EQ(pd_classify_heading(cls, "Nyckeltal", 3), PD_KIND_INDICATOR,
	       "the word itself is indicators");
	INT_EQ(pd_classify_heading(cls, "Nyckeltalsdagen", 3), PD_KIND_FORUM,
	       "the day named after it is an event");
}

static void test_classify__forums(void)
{
	static const char *const cases[] = {
		"Rådslaget", "Rådslag", "Nyckeltalsdagen", "Kommundag",
		"Södertörnskonferensen", "Innovationsforum", "Näringslivsrådet",
		"Chefsnätverket", "Forum för samverkan", "Rådet",
		"Open Data Day", "Annual conference", "Regional council",
		"Climate summit", NULL
	};

	expect(cases, PD_KIND_FORUM);
}

static void test_classify__not_forums(void)
{
	static const char *const cases[] = {
		"Hållbar vardag", "Skolan i dag", "Området", "Dagen",
		"Konferensrum och lokaler", "Infrastruktur", NULL
	};

	expect(cases, PD_KIND_SECTION);
}

static void test_classify__changes(void)
{
	static const char *const cases[] = {
		"Förändringar", "Ändringar", "Förändringar från 2013",
		"Förändringar sedan förra programmet",
		"Förändringar jämfört med tidigare program", "Changes",
		"Changes since 2013", "What's new", "What’s new in this version",
		"Changes from the previous version", "Ändringar jämfört med 2013",
		"Ändringar jämfört med förra programmet", "Changes in this version",
		"Changes to the previous version", "Förändringar i den nya versionen",
		"3. Changes", NULL
	};

	expect(cases, PD_KIND_CHANGES);
}

/* A heading that begins with "changes" is not for that the change list:
 * only one that says what the changes are against is. */
static void test_classify__not_changes(void);
static void test_classify__not_changes(void)
{
	static const char *const cases[] = {
		"Changes to the Service or Terms",
		"R. Changes to the Service or Terms", "Changes to these terms",
		"Changes in the law", "Förändringar i omvärlden",
		"Ändringar av personuppgifter", "Changes to your account", NULL
	};

	expect(cases, PD_KIND_SECTION);
}

static void test_classify__not_areas(void)
{
	static const char *const cases[] = {
		"Inledning", "Bakgrund", "Sammanfattning", "Syfte", "Förord",
		"Uppföljning", "Arbetsformer", "Arbetssätt", "Genomförande",
		"Organisation", "Styrning", "Om programmet", "Bakgrund och syfte",
		"Syfte och mål", "Uppföljning och utvärdering",
		"Genomförande och uppföljning", "Uppföljning av programmet",
		"Introduction", "Background", "Summary", "Purpose", "Preface",
		"Follow-up", "Monitoring", "Working methods", "Implementation",
		"Governance", "About", "About this strategy", "1 Inledning",
		"IV. Bakgrund", NULL
	};

	expect(cases, PD_KIND_NOTAREA);
}

static void test_classify__generic(void)
{
	static const char *const cases[] = {
		"Infrastruktur", "Organisation och ledarskap", "Mål och inriktning",
		"Mål i skolan", "Agenda 2030", "Kommunerna", "", "2.", NULL
	};

	expect(cases, PD_KIND_SECTION);
}

static void test_classify__user_patterns_first(void)
{
	pd_classifier *c = NULL;

	INT_EQ(pd_classifier_new(&c), 0, "new classifier");
	INT_EQ(pd_classify_heading(c, "Satsningar", 2), PD_KIND_SECTION,
	       "unknown before");
	INT_EQ(pd_classifier_add(c, PD_KIND_CONTAINER, "^satsning(ar|arna)?$"),
	       0, "add a container pattern");
	INT_EQ(pd_classify_heading(c, "Satsningar", 2), PD_KIND_CONTAINER,
	       "caseless, applied after adding");
	INT_EQ(pd_classify_heading(c, "3. SATSNINGARNA", 2), PD_KIND_CONTAINER,
	       "applied to the heading without its numbering");
	INT_EQ(pd_classifier_add(c, PD_KIND_NOTAREA, "^vision$"), 0,
	       "add a pattern that overlaps a built-in");
	INT_EQ(pd_classify_heading(c, "Vision", 2), PD_KIND_NOTAREA,
	       "added patterns are tried before the built-in ones");
	INT_EQ(pd_classify_heading(c, "Vår vision", 2), PD_KIND_VISION,
	       "the built-in ones still apply");
	INT_EQ(pd_classifier_add(c, PD_KIND_AREA, "^Å\\w+$"), 0,
	       "a UTF-8 pattern");
	INT_EQ(pd_classify_heading(c, "ålderdom", 2), PD_KIND_AREA,
	       "UTF and caseless: Å matches å");
	pd_classifier_free(c);
}

static void test_classify__invalid_pattern(void)
{
	pd_classifier *c = NULL;

	pd_classifier_new(&c);
	INT_EQ(pd_classifier_add(c, PD_KIND_AREA, "(a"), PD_EINVALID,
	       "an invalid pattern is refused");
	STR_EQ(pd_error_message(), "invalid pattern '(a' for goal-area: "
	       "missing closing parenthesis at offset 2",
	       "the message names the pattern, the kind and the offset");
	INT_EQ(pd_classifier_add(c, PD_KIND__COUNT, "x"), PD_EINVALID,
	       "an invalid kind is refused");
	INT_EQ(pd_classifier_add(c, PD_KIND_GOAL, "\xff"), PD_EINVALID,
	       "a pattern that is not UTF-8 is refused");
	INT_EQ(pd_classify_heading(c, "Vision", 2), PD_KIND_VISION,
	       "the classifier still works");
	pd_classifier_free(c);
}

static void test_classify__pattern_cannot_hang(void)
{
	pd_classifier *c = NULL;
	char heading[200];

	memset(heading, 'a', sizeof(heading) - 2);
	heading[sizeof(heading) - 2] = '!';
	heading[sizeof(heading) - 1] = '\0';
	pd_classifier_new(&c);
	INT_EQ(pd_classifier_add(c, PD_KIND_AREA, "^(a+)+$"), 0,
	       "a pattern with catastrophic backtracking");
	INT_EQ(pd_classify_heading(c, heading, 2), PD_KIND_SECTION,
	       "hits the match limit and counts as no match, promptly");
	INT_EQ(pd_classify_heading(c, "aaaa", 2), PD_KIND_AREA,
	       "and matches where it matches");
	pd_classifier_free(c);
}

/*
 * Machine code only for headings enough to repay it, and the same kinds
 * from it as from the interpreter, for the built-in patterns and for
 * patterns added before and after it is made.
 */
static void test_classify__machine_code_for_many_headings(void)
{
	static const char *const headings[] = {
		"Fokusområde 1: Klimat", "Övergripande mål", "Vision 2035",
		"Mål 2.3 Ökad trygghet", "Indikatorer", "Åtgärder",
		"Förändringar", "Nyckeltal", "Bakgrund", "Goal area 4",
		"Strategic objectives", "Forumet", "Satsningar",
		"Åkerbruk", "3. SATSNINGARNA", NULL
	};
	pd_classifier *c = NULL, *plain = NULL;
	size_t i;
	int same = 1;

	pd_classifier_new(&c);
	pd_classifier_new(&plain);
	pd_classifier_add(c, PD_KIND_CONTAINER, "^satsning(ar|arna)?$");
	pd_classifier_add(plain, PD_KIND_CONTAINER, "^satsning(ar|arna)?$");
	pd_classifier__prepare(c, PD_CLASSIFY__JIT_HEADINGS - 1);
	INT_EQ(pd_classifier__jit(c), 0, "not for fewer headings");
	pd_classifier__prepare(c, PD_CLASSIFY__JIT_HEADINGS);
	INT_EQ(pd_classifier__jit(c), 1, "for as many");
	pd_classifier_add(c, PD_KIND_AREA, "^Å\\w+$");
	pd_classifier_add(plain, PD_KIND_AREA, "^Å\\w+$");
	for (i = 0; headings[i]; i++)
		if (pd_classify_heading(c, headings[i], 2) !=
		    pd_classify_heading(plain, headings[i], 2)) {
			printf("    '%s' differs\n", headings[i]);
			same = 0;
		}
	OK(same, "every heading of the same kind from either");
	INT_EQ(pd_classify_heading(c, "Åkerbruk", 2), PD_KIND_AREA,
	       "a pattern added after the machine code is used");
	pd_classifier_free(c);
	pd_classifier_free(plain);
}

static void test_classify__kind_names(void)
{
	static const char *const names[] = {
		"section", "programme", "vision", "overall-goal", "area-container",
		"goal-area", "goal", "measure", "indicator", "forum", "changes",
		"not-area"
	};
	pd_kind k, parsed;

	INT_EQ(PD_KIND__COUNT, 12, "twelve kinds");
	for (k = PD_KIND_SECTION; k < PD_KIND__COUNT; k++) {
		STR_EQ(pd_kind_name(k), names[k], "stable name");
		parsed = PD_KIND__COUNT;
		INT_EQ(pd_kind_parse(&parsed, names[k]), 0, names[k]);
		INT_EQ(parsed, k, "round trip");
	}
	OK(pd_kind_name(PD_KIND__COUNT) == NULL, "out of range: NULL");
	INT_EQ(pd_kind_parse(&parsed, "area"), PD_ENOTFOUND, "unknown name");
	STR_EQ(pd_error_message(), "unknown section kind 'area'", "message");
}

static void test_classify__lang_names(void)
{
	pd_lang l = PD_LANG_AUTO;

	INT_EQ(pd_lang_parse(&l, "sv"), 0, "sv");
	INT_EQ(l, PD_LANG_SV, "sv is Swedish");
	INT_EQ(pd_lang_parse(&l, "English"), 0, "English");
	INT_EQ(l, PD_LANG_EN, "English is English");
	INT_EQ(pd_lang_parse(&l, "swedish"), 0, "swedish");
	INT_EQ(l, PD_LANG_SV, "swedish is Swedish");
	INT_EQ(pd_lang_parse(&l, "en_GB.UTF-8"), 0, "a locale name");
	INT_EQ(l, PD_LANG_EN, "en_GB is English");
	INT_EQ(pd_lang_parse(&l, "auto"), 0, "auto");
	INT_EQ(l, PD_LANG_AUTO, "auto is auto");
	INT_EQ(pd_lang_parse(&l, "de"), PD_EINVALID, "German is not known");
	STR_EQ(pd_error_message(), "unknown language 'de' (sv, en)", "message");
	STR_EQ(pd_lang_name(PD_LANG_SV), "sv", "name of sv");
	STR_EQ(pd_lang_name(PD_LANG_EN), "en", "name of en");
	STR_EQ(pd_lang_name(PD_LANG_AUTO), "auto", "name of auto");
}

static void test_classify__free_null(void)
{
	pd_error_set(PD_EINVALID, "before");
	pd_classifier_free(NULL);
	INT_EQ(pd_error_last(), PD_EINVALID, "freeing NULL touches nothing");
	STR_EQ(pd_error_message(), "before", "not even the last error");
	pd_error_clear();
}

static unsigned long long next_random(unsigned long long *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 2685821657736338717ULL;
}

/* A heading of pattern words, endings, numbering and odd characters. */
static void random_heading(pd_buf *out, unsigned long long *state)
{
	static const char *const words[] = {
		"Fokusområde", "FOKUSOMRÅDE", "fokusområden", "Mål", "MÅL",
		"mål", "delmål", "Nyckeltal", "Nyckeltalsdagen", "dagen",
		"Rådet", "rådet", "RÅDET", "forum", "Forumet", "konferensen",
		"Konferens", "nätverket", "mötesplatsen", "träffen", "day",
		"Conference", "council", "summit", "Focus area", "goal",
		"Objective", "Indikatorer", "åtgärder", "Vision", "vår",
		"Övergripande", "övergripande mål", "Förändringar", "från",
		"och", "för", "i", "om", "Om programmet", "Inledning",
		"Uppföljning", "Bakgrund", "Hållbar", "tillväxt", "Skolan",
		"vardag", "helgdag", "måndag", "Strategiska", "områden",
		"priorities", "pillars", "ſ", "\xe2\x84\xaa", "ß", "e\xcc\x81",
		"\xc3\x85", "A\xcc\x8a", "1", "2.", "3:", "IV", "iv", "a",
		"12.3", "–", "—", "-", ":", ".", ")", "(", "  ", "\t", "!", "?",
		"OMRÅDEN", "Områdena", "fokusområden", "FOKUSOMR\xe2\x84\xab"
		"DEN", "målområden", "Prioriteringar", "PRIORITERINGAR",
		"prioriterade", "teman", "Strategiska teman", "Focus areas",
		"FOCUS AREA\xc5\xbf", "Strategic Priorities", "pillar\xc5\xbf",
		"THEMES", "Key areas", "areas of focus", "Våra", "omr",
		"områd", "ÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖdagen", "e\xcc\x81" "dagen",
		"Mötesplatsen", "MÖTESPLATSEN", "FORUMET", "Kommundag",
		"\xe2\x80\x9cnätverket\xe2\x80\x9d", "ÅÄÖåäöÅÄÖåäöÅÄÖ"
	};
	size_t n = 1 + (size_t)(next_random(state) >> 33) % 6, k;

	pd_buf_clear(out);
	for (k = 0; k < n; k++) {
		const char *w = words[(next_random(state) >> 33) %
		                      (sizeof(words) / sizeof(words[0]))];

		if (k && (next_random(state) >> 40) % 4)
			pd_buf_putc(out, ' ');
		pd_buf_puts(out, w);
	}
	if ((next_random(state) >> 40) % 8 == 0)
		for (k = 0; k < 300; k++)
			pd_buf_puts(out, " långt");
}

/*
 * The parser's way (one scratch reused for every heading, UTF-8 taken
 * as checked, only the end of a heading folded, and only when an ending
 * pattern could still decide) against the whole heading folded, and
 * against pd_classify_heading(), with and without patterns of a
 * repository.
 */
static void test_classify__scratch_same_as_public(void)
{
	pd_classify_scratch scratch = PD_CLASSIFY_SCRATCH_INIT;
	pd_classifier *user = NULL;
	unsigned long long state = 0x243f6a8885a308d3ULL;
	pd_buf heading = PD_BUF_INIT;
	int round, failures = 0, forums = 0, sections = 0, containers = 0;

	OK(pd_classifier_new(&user) == 0, "a classifier");
	OK(pd_classifier_add(user, PD_KIND_MEASURE, "^uppföljning") == 0,
	   "a user pattern");
	OK(pd_classifier_add(user, PD_KIND_FORUM, "nätverk$") == 0,
	   "another");
	for (round = 0; round < 20000 && failures < 5; round++) {
		const pd_classifier *c = round % 2 ? cls : user;
		pd_kind fast, slow, public;

		random_heading(&heading, &state);
		fast = pd_classify__heading(c, &scratch, heading.ptr,
		                            heading.size,
		                            PD_CLASSIFY__VALID_UTF8);
		slow = pd_classify__heading(c, &scratch, heading.ptr,
		                            heading.size,
		                            PD_CLASSIFY__EXHAUSTIVE);
		public = pd_classify_heading(c, heading.ptr, 2);
		forums += slow == PD_KIND_FORUM;
		sections += slow == PD_KIND_SECTION;
		containers += slow == PD_KIND_CONTAINER;
		if (fast != slow || public != slow) {
			failures++;
			printf("    '%s': %s with shortcuts, %s without, %s "
			       "public\n", heading.ptr, pd_kind_name(fast),
			       pd_kind_name(slow), pd_kind_name(public));
		}
	}
	INT_EQ(failures, 0, "the same kind either way");
	OK(forums > 500, "endings decide some headings");
	OK(sections > 500, "and nothing others");
	OK(containers > 300, "container words in some");
	pd_buf_clear(&heading);
	pd_buf_puts(&heading, "Mål 3: Fler besöker Nyckeltalsdagen");
	INT_EQ(pd_classify__heading(cls, &scratch, heading.ptr, heading.size,
	       PD_CLASSIFY__VALID_UTF8), PD_KIND_GOAL,
	       "a goal before an event, unfolded");
	pd_buf_clear(&heading);
	pd_buf_puts(&heading, "SÖDERTÖRNSKONFERENSEN");
	INT_EQ(pd_classify__heading(cls, &scratch, heading.ptr, heading.size,
	       PD_CLASSIFY__VALID_UTF8), PD_KIND_FORUM,
	       "an ending decides, folded");
	INT_EQ(pd_classify__heading(cls, &scratch, "", 0,
	       PD_CLASSIFY__VALID_UTF8),
	       PD_KIND_SECTION, "empty");
	pd_classify__scratch_dispose(&scratch);
	pd_classify__scratch_dispose(&scratch);
	pd_classifier_free(user);
	pd_buf_dispose(&heading);
}

static const pd_test tests[] = {
	PD_TEST(test_classify__numbered_fokusomrade),
	PD_TEST(test_classify__areas),
	PD_TEST(test_classify__containers),
	PD_TEST(test_classify__vision_and_overall_goal),
	PD_TEST(test_classify__goals),
	PD_TEST(test_classify__measures_and_indicators),
	PD_TEST(test_classify__nyckeltal_is_not_nyckeltalsdagen),
	PD_TEST(test_classify__forums),
	PD_TEST(test_classify__not_forums),
	PD_TEST(test_classify__changes),
	PD_TEST(test_classify__not_changes),
	PD_TEST(test_classify__not_areas),
	PD_TEST(test_classify__generic),
	PD_TEST(test_classify__user_patterns_first),
	PD_TEST(test_classify__invalid_pattern),
	PD_TEST(test_classify__pattern_cannot_hang),
	PD_TEST(test_classify__machine_code_for_many_headings),
	PD_TEST(test_classify__kind_names),
	PD_TEST(test_classify__lang_names),
	PD_TEST(test_classify__free_null),
	PD_TEST(test_classify__scratch_same_as_public),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
