/* SPDX-License-Identifier: MIT */
/*
 * test_meta.c: metadata from YAML front matter and from the text
 * (meta.c), called directly with a pool of their own.
 */
#include <stdint.h>

#include "harness.h"
#include "helpers.h"
#include "meta.h"
#include "text.h"

typedef struct fm_result {
	pd_meta meta;
	pd_pool pool;
	size_t body;
	unsigned lines;
	int error;
} fm_result;

static void front_matter(fm_result *r, const char *src)
{
	memset(r, 0, sizeof(*r));
	pd_pool_init(&r->pool);
	r->error = pd_meta_front_matter(&r->meta, &r->pool, src, strlen(src),
	                                &r->body, &r->lines);
}

/* Infer from `body`, whose preamble ends at the first "\n## ". */
static void infer(fm_result *r, const char *body, const char *title)
{
	const char *h2 = strstr(body, "\n## ");

	memset(r, 0, sizeof(*r));
	pd_pool_init(&r->pool);
	r->error = pd_meta_infer(&r->meta, &r->pool, body, strlen(body), 1,
	                         h2 ? (size_t)(h2 - body) + 1 : strlen(body),
	                         title, title ? 1 : 0);
}

static void done(fm_result *r)
{
	pd_pool_dispose(&r->pool);
}

static void test_meta__front_matter_keys(void)
{
	fm_result r;

	front_matter(&r, "---\n"
	             "name: Södertörns   utvecklingsprogram 2035\n"
	             "target_year: 2035\n"
	             "period: 2019–2022\n"
	             "adopted: 2019-06-20\n"
	             "decision: KS 2019/0260\n"
	             "replaces: Södertörns utvecklingsprogram\n"
	             "language: English\n"
	             "revision: every mandate period\n"
	             "---\n"
	             "# Title\n");
	INT_EQ(r.error, 0, "valid front matter");
	STR_EQ(r.meta.name, "Södertörns utvecklingsprogram 2035",
	       "name, white space collapsed");
	INT_EQ(r.meta.name_line, 2, "name line");
	INT_EQ(r.meta.target_year, 2035, "target year");
	INT_EQ(r.meta.target_year_line, 3, "target year line");
	INT_EQ(r.meta.period_start, 2019, "period start (en dash)");
	INT_EQ(r.meta.period_end, 2022, "period end");
	INT_EQ(r.meta.period_line, 4, "period line");
	STR_EQ(r.meta.adopted, "2019-06-20", "adopted, as written");
	STR_EQ(r.meta.decision, "KS 2019/0260", "decision");
	STR_EQ(r.meta.replaces, "Södertörns utvecklingsprogram", "replaces");
	STR_EQ(r.meta.language, "en", "language name to code");
	STR_EQ(r.meta.revision, "mandate-period", "revision cycle");
	INT_EQ(r.meta.revision_line, 9, "revision line");
	INT_EQ(r.lines, 10, "ten lines with both fences");
	INT_EQ(r.body, strlen("---\nname: Södertörns   utvecklingsprogram 2035\n"
	       "target_year: 2035\nperiod: 2019–2022\nadopted: 2019-06-20\n"
	       "decision: KS 2019/0260\nreplaces: Södertörns "
	       "utvecklingsprogram\nlanguage: English\nrevision: every mandate "
	       "period\n---\n"), "body starts after the closing fence");
	done(&r);
}

static void test_meta__front_matter_swedish_keys(void)
{
	fm_result r;

	front_matter(&r, "---\n"
	             "titel: okänd nyckel\n"
	             "Mållår: 2040\n"
	             "antaget: 2020-01-01\n"
	             "diarienummer: 2019/KS 0260 005\n"
	             "ersätter: 2013\n"
	             "språk: svenska\n"
	             "uppdateras: årligen\n"
	             "period_start: 2021\n"
	             "period-end: 2024\n"
	             "---\n");
	INT_EQ(r.error, 0, "valid");
	OK(r.meta.name == NULL, "'titel' is not a known key");
	INT_EQ(r.meta.target_year, 2040, "Mållår, any case");
	STR_EQ(r.meta.adopted, "2020-01-01", "antaget");
	STR_EQ(r.meta.decision, "2019/KS 0260 005", "diarienummer");
	STR_EQ(r.meta.replaces, "2013", "ersätter");
	STR_EQ(r.meta.language, "sv", "svenska");
	STR_EQ(r.meta.revision, "annual", "årligen");
	INT_EQ(r.meta.period_start, 2021, "period_start");
	INT_EQ(r.meta.period_end, 2024, "period-end, hyphen or underscore");
	done(&r);
}

static void test_meta__front_matter_ignores(void)
{
	fm_result r;

	front_matter(&r, "---\n"
	             "name: [not, a, scalar]\n"
	             "tags: {a: b}\n"
	             "target_year:\n"
	             "language: de\n"
	             "revision: ~\n"
	             "? [complex, key]\n"
	             ": value\n"
	             "title: Plan\n"
	             "...\n"
	             "body\n");
	INT_EQ(r.error, 0, "unknown keys and odd values are no error");
	STR_EQ(r.meta.name, "Plan", "the scalar name wins");
	INT_EQ(r.meta.target_year, 0, "an empty value is absent");
	OK(r.meta.language == NULL, "an unknown language is absent");
	OK(r.meta.revision == NULL, "null is absent");
	INT_EQ(r.lines, 10, "closed by '...'");
	done(&r);
}

static void test_meta__no_front_matter(void)
{
	static const char *const cases[] = {
		"# Title\n", "", "----\n# Title\n", "--- \n", "-- -\n",
		" ---\nname: x\n---\n", NULL
	};
	size_t i;
	fm_result r;

	for (i = 0; cases[i]; i++) {
		front_matter(&r, cases[i]);
		INT_EQ(r.error, 0, cases[i]);
		INT_EQ(r.body, 0, "no body offset");
		INT_EQ(r.lines, 0, "no lines");
		OK(r.meta.name == NULL, "nothing read");
		done(&r);
	}
}

static void test_meta__crlf_and_empty(void)
{
	fm_result r;

	front_matter(&r, "---\r\ntarget_year: 2035\r\n---\r\n# T\r\n");
	INT_EQ(r.error, 0, "CRLF front matter");
	INT_EQ(r.meta.target_year, 2035, "read");
	INT_EQ(r.body, 29, "body after the CR LF of the fence");
	INT_EQ(r.lines, 3, "three lines");
	done(&r);
	front_matter(&r, "---\n---\n");
	INT_EQ(r.error, 0, "empty front matter");
	INT_EQ(r.body, 8, "body at the end");
	INT_EQ(r.lines, 2, "two lines");
	done(&r);
	front_matter(&r, "---\nname: x\n---");
	INT_EQ(r.error, 0, "a closing fence at the very end");
	STR_EQ(r.meta.name, "x", "read");
	INT_EQ(r.body, 15, "body empty");
	done(&r);
}

static void test_meta__front_matter_errors(void)
{
	static const struct {
		const char *src;
		const char *message;
	} cases[] = {
		{ "---\nname: x\n", "front matter: not closed (no '---' line "
		  "after line 1)" },
		{ "---", "front matter: not closed (no '---' line after line 1)" },
		{ "---\nname: [x\n---\n", "front matter: line 3: did not find "
		  "expected ',' or ']'" },
		{ "---\na: b\n  c: d\n---\n", "front matter: line 3: mapping "
		  "values are not allowed in this context" },
		{ "---\nname: x\ntarget_year: 35\n---\n", "front matter: line 3: "
		  "target year '35' is not a year" },
		{ "---\nperiod: 2022-2019\n---\n", "front matter: line 2: period "
		  "'2022-2019' is not a period like 2019-2022" },
		{ "---\nperiod_end: slutet\n---\n", "front matter: line 2: period "
		  "end 'slutet' is not a year" },
		{ "---\n- a\n---\n", "front matter: line 2: expected keys and "
		  "values" },
		{ NULL, NULL }
	};
	size_t i;
	fm_result r;

	for (i = 0; cases[i].src; i++) {
		front_matter(&r, cases[i].src);
		INT_EQ(r.error, PD_EINVALID, cases[i].src);
		STR_EQ(pd_error_message(), cases[i].message, cases[i].src);
		done(&r);
	}
}

static void test_meta__front_matter_too_large(void)
{
	pd_buf src = PD_BUF_INIT;
	fm_result r;
	size_t i;

	pd_buf_puts(&src, "---\n");
	for (i = 0; i < 3000; i++)
		pd_buf_printf(&src, "key%05lu: %s\n", (unsigned long)i,
		              "a value to fill the front matter up");
	pd_buf_puts(&src, "---\n# T\n");
	OK(src.size > PD_META_MAX_FRONT_MATTER, "over 64 KiB");
	front_matter(&r, src.ptr);
	INT_EQ(r.error, PD_EINVALID, "refused");
	STR_EQ(pd_error_message(), "front matter: larger than 64 KiB (no "
	       "closing '---' line)", "message");
	done(&r);
	pd_buf_dispose(&src);
}

static void test_meta__period_forms(void)
{
	static const char *const cases[] = {
		"2019-2022", "2019–2022", "2019 - 2022", "2019 — 2022",
		"2019 till 2022", "2019 to 2022", "2019/2022",
		"2019\xe2\x80\x92" "2022", "2019 \xe2\x88\x92 2022", NULL
	};
	pd_buf src = PD_BUF_INIT;
	fm_result r;
	size_t i;

	for (i = 0; cases[i]; i++) {
		pd_buf_clear(&src);
		pd_buf_printf(&src, "---\nperiod: %s\n---\n", cases[i]);
		front_matter(&r, src.ptr);
		INT_EQ(r.error, 0, cases[i]);
		INT_EQ(r.meta.period_start, 2019, cases[i]);
		INT_EQ(r.meta.period_end, 2022, cases[i]);
		done(&r);
	}
	pd_buf_dispose(&src);
}

static void test_meta__infer_target_year(void)
{
	static const char *const cases[] = {
		"Programmet har mållår 2035.",
		"Mållåret är 2035.",
		"Mållår: 2035",
		"Målår 2035 gäller.",
		"Arbetet pågår fram till år 2035.",
		"Arbetet pågår fram till 2035.",
		"The target year is 2035.",
		"Target year: 2035",
		"Emissions halve by 2035.",
		"Kommunerna har enats om mål för år 2035.",
		"Målen ska vara uppnådda år 2035.",
		"Målen ska nås senast 2035.",
		"Programmet sträcker sig till år 2035.",
		"Planen siktar mot år 2035.",
		"The goals and targets for 2035 are set out below.",
		"By 2035, with interim targets for 2030, emissions halve.",
		"Delmålen ska nås till 2030 och målen siktar mot år 2035.",
		NULL
	};
	static const struct {
		const char *text;
		int year;
		const char *why;
	} not_targets[] = {
		{ "För 2021–2027 gäller fem mål, policy objectives for 2021–2027.",
		  0, "a year that opens a period is no horizon" },
		{ "Planen gäller från 2019 till 2035.", 0,
		  "'till' after a year ends a period" },
		{ "RUFS gäller fram till 2030, med utblick mot 2050.", 2030,
		  "an outlook is not the horizon" },
		{ "År 2010 beslutade riksdagen om målen.\n\nDe ska vara uppnådda "
		  "år 2020; för klimatet gäller år 2050.", 2020,
		  "a past decision's year is no target" },
	};
	size_t i;
	fm_result r;

	for (i = 0; cases[i]; i++) {
		infer(&r, cases[i], NULL);
		INT_EQ(r.meta.target_year, 2035, cases[i]);
		INT_EQ(r.meta.target_year_line, 1, "on the first line");
		done(&r);
	}
	for (i = 0; i < sizeof(not_targets) / sizeof(not_targets[0]); i++) {
		infer(&r, not_targets[i].text, NULL);
		INT_EQ(r.meta.target_year, not_targets[i].year, not_targets[i].why);
		done(&r);
	}
	infer(&r, "Ett år, 2035, nämns.\n\n## Mål\n\nMållår 2040.\n", NULL);
	INT_EQ(r.meta.target_year, 0, "a bare year is no target year, and "
	       "the text after the first H2 is not the preamble");
	done(&r);
}

static void test_meta__title_year(void)
{
	fm_result r;

	infer(&r, "# Södertörns utvecklingsprogram 2035\n", "Södertörns "
	      "utvecklingsprogram 2035");
	INT_EQ(r.meta.target_year, 2035, "a year ending the title");
	STR_EQ(r.meta.name, "Södertörns utvecklingsprogram 2035", "the name");
	INT_EQ(r.meta.name_line, 1, "name line");
	done(&r);
	infer(&r, "Mållår 2040.\n", "Program 2035");
	INT_EQ(r.meta.target_year, 2040, "the text wins over the title");
	done(&r);
	infer(&r, "", "Handlingsplan 2019–2022");
	INT_EQ(r.meta.target_year, 0, "a period in the title is no target");
	done(&r);
	infer(&r, "", "Plan 12035");
	INT_EQ(r.meta.target_year, 0, "five digits are no year");
	done(&r);
	infer(&r, "", "Kommunplan 2015");
	INT_EQ(r.meta.target_year, 0, "a plan's own year is no target");
	done(&r);
	infer(&r, "", "Budget 2024");
	INT_EQ(r.meta.target_year, 0, "nor a budget's");
	done(&r);
	infer(&r, "", "Årsredovisning 2023");
	INT_EQ(r.meta.target_year, 0, "nor an annual report's");
	done(&r);
	infer(&r, "Planen gäller 2021–2024.", "Regionplan 2030");
	INT_EQ(r.meta.target_year, 2030, "a plan's year past its period is "
	       "its horizon");
	done(&r);
	infer(&r, "", "Vision 2030");
	INT_EQ(r.meta.target_year, 2030, "a vision's year is its target");
	done(&r);
}

static void test_meta__infer_period(void)
{
	static const char *const cases[] = {
		"Programmet gäller 2019–2022.",
		"Programmet gäller för perioden 2019-2022.",
		"Programmet gäller från 2019 till 2022.",
		"Det ska gälla från 2019 – 2022.",
		"Under perioden 2019–2022 arbetar vi.",
		"Valid from 2019 to 2022.",
		"For the period 2019-2022.",
		"Handlingsplan 2019–2022",
		"Åren 2019 till 2022.",
		NULL
	};
	size_t i;
	fm_result r;

	for (i = 0; cases[i]; i++) {
		infer(&r, cases[i], NULL);
		INT_EQ(r.meta.period_start, 2019, cases[i]);
		INT_EQ(r.meta.period_end, 2022, cases[i]);
		done(&r);
	}
	infer(&r, "Datum 2013-04-29.\n", NULL);
	INT_EQ(r.meta.period_start, 0, "a date is no period");
	done(&r);
	infer(&r, "Från 2035–2019.\n", NULL);
	INT_EQ(r.meta.period_start, 0, "a period runs forwards");
	done(&r);
	infer(&r, "Text.\n\n## Genomförande\n\nPlanen gäller 2023–2026.\n\n"
	      "## Historia\n\nÅren 1990–2010.\n", NULL);
	INT_EQ(r.meta.period_start, 2023, "explicit period after the preamble");
	INT_EQ(r.meta.period_line, 5, "its line");
	done(&r);
	infer(&r, "Text.\n\n## Historia\n\nÅren 1990–2010.\n", NULL);
	INT_EQ(r.meta.period_start, 0, "a bare range after the preamble is "
	       "not the period");
	done(&r);
}

static void test_meta__infer_adopted_decision_replaces(void)
{
	fm_result r;

	infer(&r, "Programmet godkändes av kommunstyrelsen 2013-04-29 § 78 "
	      "och ersätter\nprogrammet från 2008. Dnr KS 2013/0123.\n", NULL);
	STR_EQ(r.meta.adopted, "2013-04-29", "date after godkändes");
	STR_EQ(r.meta.replaces, "programmet från 2008", "to the sentence end");
	STR_EQ(r.meta.decision, "KS 2013/0123", "Dnr, trailing dot dropped");
	done(&r);
	infer(&r, "Programmet antogs. Det hände 2013-04-29.\n", NULL);
	OK(r.meta.adopted == NULL, "a date in another sentence is not it");
	done(&r);
	infer(&r, "Diarienummer\n\n2019/KS 0260 005\n\nKommunledningsutskottet\n",
	      NULL);
	STR_EQ(r.meta.decision, "2019/KS 0260 005", "across a blank line, "
	       "stopping at the next word");
	done(&r);
	infer(&r, "Dnr: Kommunstyrelsen har beslutat. Decision reference: "
	      "KF 2020/12 Approved.\n", NULL);
	STR_EQ(r.meta.decision, "KF 2020/12", "a reference needs a digit; "
	       "words are not part of it");
	done(&r);
	infer(&r, "It replaces the plan of 2016 (see dnr. 2016/12) and more.\n",
	      NULL);
	STR_EQ(r.meta.replaces, "the plan of 2016 (see dnr", "an abbreviation "
	       "dot followed by a space ends the sentence");
	done(&r);
}

static void test_meta__replaces_is_short(void)
{
	pd_buf body = PD_BUF_INIT;
	fm_result r;
	size_t i;

	pd_buf_puts(&body, "Programmet ersätter ");
	for (i = 0; i < 40; i++)
		pd_buf_puts(&body, "åäö ");
	pd_buf_puts(&body, "slut.\n");
	infer(&r, body.ptr, NULL);
	OK(r.meta.replaces != NULL, "found");
	OK(r.meta.replaces && strlen(r.meta.replaces) <= 120, "at most 120 "
	   "bytes");
	OK(r.meta.replaces && strlen(r.meta.replaces) >= 110, "close to it");
	OK(r.meta.replaces && r.meta.replaces[strlen(r.meta.replaces) - 1] !=
	   ' ', "trimmed");
	if (r.meta.replaces)
		OK(((unsigned char)r.meta.replaces[strlen(r.meta.replaces) - 1] &
		    0xc0) != 0xc0, "not cut inside a character");
	done(&r);
	pd_buf_dispose(&body);
}

static void test_meta__infer_revision(void)
{
	static const struct {
		const char *text, *revision;
	} cases[] = {
		{ "Utvecklingsprogrammet uppdateras varje mandatperiod.",
		  "mandate-period" },
		{ "Programmet revideras i samråd med kommunerna en gång varje "
		  "mandatperiod.", "mandate-period" },
		{ "Programmet ses över inför varje ny mandatperiod.",
		  "mandate-period" },
		{ "Planen revideras årligen.", "annual" },
		{ "Planen uppdateras varje år.", "annual" },
		{ "The strategy is reviewed once every electoral term.",
		  "mandate-period" },
		{ "It is updated every mandate period.", "mandate-period" },
		{ "The plan is revised annually.", "annual" },
		{ "Målen följs upp årligen.", NULL },
		{ "Programmet uppdateras. Varje mandatperiod väljs en ny "
		  "fullmäktige.", NULL },
		/* the words a pattern needs, in any case, at either end */
		{ "PROGRAMMET UPPDATERAS VARJE MANDATPERIOD", "mandate-period" },
		{ "Uppdateras varje år", "annual" },
		{ "It is Updated every Electoral Term.", "mandate-period" },
		{ "The plan is REVISED ANNUALLY", "annual" },
		{ "Reviewed every year", "annual" },
		{ "The plan is revised. Every year a report.", NULL },
		/* white space of any length and kind within the phrase */
		{ "Programmet ses                                        "
		  "                                                      "
		  "                över i samråd varje\xc2\xa0\n   mandatperiod.",
		  "mandate-period" },
		{ "Det ska vara inf\xc3\xb6r      varje \xe2\x80\x83 ny\n"
		  "mandatperiod.", "mandate-period" },
		{ "The plan is updated every                                 "
		  "                \t\telectoral term.", "mandate-period" },
		{ "The plan is updated once                                  "
		  "                every electoral term.", NULL },
		{ NULL, NULL }
	};
	size_t i;
	fm_result r;

	for (i = 0; cases[i].text; i++) {
		infer(&r, cases[i].text, NULL);
		STR_EQ(r.meta.revision, cases[i].revision, cases[i].text);
		done(&r);
	}
	infer(&r, "# T\n\n## A\n\nText.\n\n## B\n\nPlanen revideras årligen.\n",
	      NULL);
	STR_EQ(r.meta.revision, "annual", "searched in the whole text");
	INT_EQ(r.meta.revision_line, 9, "its line");
	done(&r);
	/* the needed word early, in no match; the match at the end */
	{
		pd_buf body = PD_BUF_INIT;
		int line;

		pd_buf_puts(&body, "# T\n\nEn mandatperiod är fyra år.\n\n");
		for (line = 0; line < 2000; line++)
			pd_buf_puts(&body, "Text om det som ska g\xc3\xb6ras.\n");
		pd_buf_puts(&body, "\nProgrammet uppdateras\n\nvarje år, och "
		            "det revideras varje\nmandatperiod.\n");
		infer(&r, body.ptr, NULL);
		STR_EQ(r.meta.revision, "mandate-period", "after 2,000 lines");
		INT_EQ(r.meta.revision_line, 2008, "the line it starts on");
		done(&r);
		pd_buf_dispose(&body);
	}
}

static void test_meta__infer_language(void)
{
	fm_result r;

	infer(&r, "Det är en plan för att Södertörn och kommunerna ska växa.",
	      NULL);
	STR_EQ(r.meta.language, "sv", "Swedish stop words");
	done(&r);
	infer(&r, "This is the plan for the region and its people.", NULL);
	STR_EQ(r.meta.language, "en", "English stop words");
	done(&r);
	infer(&r, "Infrastruktur 2035", NULL);
	OK(r.meta.language == NULL, "undetermined");
	done(&r);
	infer(&r, "ÄR PÅ OCH", NULL);
	STR_EQ(r.meta.language, "sv", "capitals count");
	done(&r);
}

/*
 * A summary in the other language does not decide: the majority does;
 * a text far enough into one language is in it, whatever follows.
 */
static void test_meta__infer_language_lead(void)
{
	/* six English function words a line, four Swedish; three Swedish */
	static const char *const en = "The plan is for the people and the "
	                              "region.\n";
	static const char *const sv = "Planen är för alla och det gäller "
	                              "länet.\n";
	static const char *const both = "The plan is for the people and the "
	                                "region. Det är en plan.\n";
	static const struct {
		const char *first;
		size_t times, then;     /* lines of `first`, then of `sv` */
		const char *want, *why;
	} cases[] = {
		/* a lead of 240, short of deciding; then the majority */
		{ en, 40, 120, "sv", "a summary, then the text" },
		/* a lead of 300: what follows no longer counts */
		{ en, 50, 200, "en", "decided by the lead" },
		/* a lead with the other language at more than a quarter */
		{ both, 120, 200, "sv", "both at once do not decide early" }
	};
	pd_buf text = PD_BUF_INIT;
	size_t k, i;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		fm_result r;

		pd_buf_clear(&text);
		for (i = 0; i < cases[k].times; i++)
			pd_buf_puts(&text, cases[k].first);
		for (i = 0; i < cases[k].then; i++)
			pd_buf_puts(&text, sv);
		infer(&r, text.ptr, NULL);
		STR_EQ(r.meta.language, cases[k].want, cases[k].why);
		done(&r);
	}
	pd_buf_dispose(&text);
}

/*
 * The language by the definition: every word of the text (the library's
 * general splitter), lower-cased in ASCII and Å, Ä, Ö, counted when it is
 * a Swedish or an English function word; the majority, or none.
 */
static const char *language_by_definition(const char *s)
{
	static const char *const sv[] = {
		"och", "att", "det", "som", "för", "är", "en", "på", "med", NULL
	};
	static const char *const en[] = {
		"the", "and", "of", "to", "is", "in", "for", "that", "with", NULL
	};
	size_t pos = 0, ws, wl, i, k, len = strlen(s);
	int nsv = 0, nen = 0;

	while (pd_text_next_word(s, len, &pos, &ws, &wl)) {
		char w[8];

		if (wl > 4)
			continue;
		for (i = 0; i < wl; i++) {
			unsigned char c = (unsigned char)s[ws + i];

			if (c >= 'A' && c <= 'Z')
				c += 32;
			if (i && (unsigned char)s[ws + i - 1] == 0xc3 &&
			    (c == 0x84 || c == 0x85 || c == 0x96))
				c += 32;
			w[i] = (char)c;
		}
		w[wl] = '\0';
		for (k = 0; sv[k]; k++)
			nsv += !strcmp(w, sv[k]);
		for (k = 0; en[k]; k++)
			nen += !strcmp(w, en[k]);
	}
	return nsv > nen ? "sv" : nen > nsv ? "en" : NULL;
}

/* property: however the text is written (capitals, dashes, letters
 * beyond Latin-1 inside words, ß), the language is the definition's */
static void test_meta__infer_language_agrees_with_definition(void)
{
	static const char *const pieces[] = {
		"och", "Och", "PÅ", "på", "är", "ÄR", "för", "FÖR", "the", "THE",
		"to", "is", "With", "that", "en", "in", "x", "Tåg", " ", " ",
		"\n", ".", "-", "'", "\xe2\x80\x93", "\xe2\x80\x9d", "\xc5\x81",
		"\xc3\x9f", "\xc2\xb5", "\xc3\xa9", "\xc3\x89", "7", "\xe2\x80\x99"
	};
	uint64_t seed = 0x1234567887654321ull;
	int trial, bad = 0, decided = 0;

	for (trial = 0; trial < 3000 && !bad; trial++) {
		pd_buf text = PD_BUF_INIT;
		size_t n = 1 + (size_t)(seed % 40);
		const char *want;
		fm_result r;

		put_random_pieces(&text, pieces, sizeof(pieces) / sizeof(pieces[0]),
		                  n, &seed);
		want = language_by_definition(text.ptr);
		decided += want != NULL;
		infer(&r, text.ptr, NULL);
		if ((want == NULL) != (r.meta.language == NULL) ||
		    (want && strcmp(want, r.meta.language))) {
			printf("    \"%s\": %s, not %s\n", text.ptr,
			       r.meta.language ? r.meta.language : "none",
			       want ? want : "none");
			bad = 1;
		}
		done(&r);
		pd_buf_dispose(&text);
	}
	OK(!bad, "the language the definition gives");
	OK(decided > 1000, "and most texts had one");
}

static void test_meta__infer_keeps_what_is_known(void)
{
	const char *known = "Mållår 2035. Gäller 2019–2022. Uppdateras varje "
	                    "mandatperiod och det är en plan.";
	fm_result r;

	memset(&r, 0, sizeof(r));
	pd_pool_init(&r.pool);
	r.meta.name = "Namn";
	r.meta.target_year = 2050;
	r.meta.period_start = 2030;
	r.meta.period_end = 2034;
	r.meta.language = "en";
	r.meta.revision = "annual";
	pd_meta_infer(&r.meta, &r.pool, known, strlen(known), 1, strlen(known),
	              "Titel 2040", 1);
	STR_EQ(r.meta.name, "Namn", "name kept");
	INT_EQ(r.meta.target_year, 2050, "target year kept");
	INT_EQ(r.meta.period_start, 2030, "period kept");
	STR_EQ(r.meta.language, "en", "language kept");
	STR_EQ(r.meta.revision, "annual", "revision kept");
	done(&r);
}

static void test_meta__lines_offset(void)
{
	const char *body = "# T\r\n\r\nMållår 2035.\rGäller 2019–2022.\n";
	fm_result r;

	memset(&r, 0, sizeof(r));
	pd_pool_init(&r.pool);
	pd_meta_infer(&r.meta, &r.pool, body, strlen(body), 5, strlen(body),
	              NULL, 0);
	INT_EQ(r.meta.target_year_line, 7, "CR LF lines, offset by 4");
	INT_EQ(r.meta.period_line, 8, "a lone CR ends a line too");
	done(&r);
}

/*
 * The searches skip PCRE2's UTF-8 check of the body: matches far into a
 * long body of non-ASCII text, and searches resumed after a rejected
 * match, find what they always found.
 */
static void test_meta__long_non_ascii_body(void)
{
	pd_buf body = PD_BUF_INIT;
	fm_result r;
	int i;

	pd_buf_puts(&body, "# Åtgärdsprogram\n\nÖversikt.\n\n## Del\n\n");
	for (i = 0; i < 3000; i++)
		pd_buf_puts(&body, "Räksmörgås – e\xcc\x81tude “citat” år "
		            "1990–2040 och 2031-2032/33.\n");
	pd_buf_puts(&body, "Perioden 2024–2027 gäller. Planen uppdateras "
	            "inför\nvarje ny mandatperiod.\n");
	infer(&r, body.ptr, NULL);
	INT_EQ(r.meta.period_start, 2024, "a period after 3,000 lines");
	INT_EQ(r.meta.period_end, 2027, "its end");
	INT_EQ(r.meta.period_line, 3007, "its line");
	STR_EQ(r.meta.revision, "mandate-period", "the revision cycle");
	INT_EQ(r.meta.revision_line, 3007, "its line");
	STR_EQ(r.meta.language, "sv", "the language");
	done(&r);
	pd_buf_dispose(&body);
}

/*
 * libyaml's time grows with the square of flow nesting ("[[[[...": a
 * second for 20,000 levels): front matter nested deeper than any metadata
 * is refused before libyaml sees it, and the refusal is counted work, one
 * pass over the bytes.
 */
/* "---\ntitle: " and `depth` brackets opened and closed */
static const char *nested(char *buf, size_t depth)
{
	size_t n = strlen("---\ntitle: "), i;

	memcpy(buf, "---\ntitle: ", n);
	for (i = 0; i < depth; i++)
		buf[n++] = '[';
	for (i = 0; i < depth; i++)
		buf[n++] = ']';
	memcpy(buf + n, "\n---\n# T\n", sizeof("\n---\n# T\n"));
	return buf;
}

static void test_meta__deep_flow_nesting(void)
{
	static const char quoted[] = "---\ntitle: 'a [[[[[[[[[[[[[[[[[[[[[[[["
	        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ b'\n---\n";
	char src[512];
	fm_result r;

	front_matter(&r, nested(src, 64));
	INT_EQ(r.error, 0, "64 levels are read");
	done(&r);
	front_matter(&r, nested(src, 65));
	INT_EQ(r.error, PD_ELIMIT, "65 are refused");
	STR_EQ(pd_error_message(), "front matter: line 2: lists or maps nested "
	       "more than 64 deep", "the message says where and why");
	done(&r);
	front_matter(&r, quoted);
	INT_EQ(r.error, 0, "brackets in a quoted string are text");
	OK(r.meta.name && !strncmp(r.meta.name, quoted + 12,
	                           strlen(r.meta.name)) &&
	   strlen(r.meta.name) == sizeof(quoted) - 1 - 12 - 6,
	   "and are the name");
	done(&r);
}

static const pd_test tests[] = {
	PD_TEST(test_meta__front_matter_keys),
	PD_TEST(test_meta__front_matter_swedish_keys),
	PD_TEST(test_meta__front_matter_ignores),
	PD_TEST(test_meta__no_front_matter),
	PD_TEST(test_meta__crlf_and_empty),
	PD_TEST(test_meta__front_matter_errors),
	PD_TEST(test_meta__front_matter_too_large),
	PD_TEST(test_meta__period_forms),
	PD_TEST(test_meta__infer_target_year),
	PD_TEST(test_meta__title_year),
	PD_TEST(test_meta__infer_period),
	PD_TEST(test_meta__infer_adopted_decision_replaces),
	PD_TEST(test_meta__replaces_is_short),
	PD_TEST(test_meta__infer_revision),
	PD_TEST(test_meta__infer_language),
	PD_TEST(test_meta__infer_language_lead),
	PD_TEST(test_meta__infer_language_agrees_with_definition),
	PD_TEST(test_meta__infer_keeps_what_is_known),
	PD_TEST(test_meta__lines_offset),
	PD_TEST(test_meta__long_non_ascii_body),
	PD_TEST(test_meta__deep_flow_nesting),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
