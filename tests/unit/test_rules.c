/* SPDX-License-Identifier: MIT */
/*
 * test_rules.c: rules files and their evaluation (rules.c) and the
 * check's output (rules_render.c). Documents are built by hand through
 * the model's internal constructors, so that each case controls the
 * sections, kinds and lines it needs; the command-line check on parsed
 * documents is in tests/sh/test_check.sh.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "harness.h"
#include "helpers.h"
#include "rules.h"
#include "text.h"

static char base[128];
static char rules_path[256];

/* ------------------------------------------------------------------ */
/* Files and documents                                                 */

static void write_rules(const char *text)
{
	FILE *f = fopen(rules_path, "wb");

	if (!f) {
		perror(rules_path);
		exit(2);
	}
	fputs(text, f);
	fclose(f);
}

/* Load `text` as a rules file; NULL (and a failed assertion) on error. */
static pd_rules *rules_of(const char *text)
{
	pd_rules *rules = NULL;

	write_rules(text);
	if (pd_rules_load(&rules, rules_path, 0) < 0)
		printf("  load failed: %s\n", pd_error_message());
	return rules;
}

static pd_section *add(pd_document *doc, pd_section *parent,
                       const char *heading, int level, unsigned line,
                       pd_kind kind)
{
	pd_section *s = pd_document__add_section(doc, parent, heading, level,
	                                         line);
	pd_buf key = PD_BUF_INIT;

	pd_text_heading_key(&key, heading, strlen(heading));
	s->key = pd_pool_strdup(&doc->pool, key.ptr);
	s->kind = kind;
	if (kind == PD_KIND_AREA)
		pd_vec_push(&doc->areas, s);
	pd_buf_dispose(&key);
	return s;
}

static void body(pd_document *doc, pd_section *s, const char *text,
                 unsigned line)
{
	pd_section__add_block(doc, s, PD_BLOCK_PARAGRAPH, text, strlen(text),
	                      line);
	if (line > s->line_end)
		s->line_end = line;
}

/*
 *  1  # Södertörns utvecklingsprogram 2035
 *  3  Mållår 2035. Programmet gäller 2019–2022.
 *  5  ## Vision
 *  7  Södertörn ska vara attraktivt.
 *  9  ## Fokusområden
 * 11  ### Infrastruktur
 * 13  Klimatet styr transporterna.
 * 15  ### Utbildning
 * 17  Skolor samarbetar.
 * 19  ## Förändringar
 * 21  Nytt fokusområde: Utbildning. Gäller 2019-2022.
 */
static pd_document *programme(const char *changes_text)
{
	pd_document *doc = pd_document__new();
	pd_section *root = doc->root, *s, *c;

	root->heading = "Södertörns utvecklingsprogram 2035";
	root->key = "södertörns utvecklingsprogram 2035";
	doc->meta.name = root->heading;
	doc->meta.name_line = 1;
	doc->meta.target_year = 2035;
	body(doc, root, "Mållår 2035. Programmet gäller 2019–2022.", 3);
	s = add(doc, root, "Vision", 2, 5, PD_KIND_VISION);
	body(doc, s, "Södertörn ska vara attraktivt.", 7);
	c = add(doc, root, "Fokusområden", 2, 9, PD_KIND_CONTAINER);
	s = add(doc, c, "Infrastruktur", 3, 11, PD_KIND_AREA);
	body(doc, s, "Klimatet styr transporterna.", 13);
	s = add(doc, c, "Utbildning", 3, 15, PD_KIND_AREA);
	body(doc, s, "Skolor samarbetar.", 17);
	if (changes_text) {
		s = add(doc, root, "Förändringar", 2, 19, PD_KIND_CHANGES);
		body(doc, s, changes_text, 21);
	}
	return doc;
}

static pd_change change(pd_change_kind kind, const pd_section *old_s,
                        const pd_section *new_s, const char *old_value,
                        const char *new_value)
{
	pd_change c;

	memset(&c, 0, sizeof(c));
	c.kind = kind;
	c.old_section = old_s;
	c.new_section = new_s;
	c.old_value = old_value;
	c.new_value = new_value;
	c.similarity = -1;
	c.old_line = old_s ? old_s->line_start : 0;
	c.new_line = new_s ? new_s->line_start : 0;
	return c;
}

static const pd_section *section_named(const pd_document *doc,
                                       const char *heading)
{
	size_t i;

	for (i = 0; i < doc->sections.size; i++) {
		const pd_section *s = pd_vec_get(&doc->sections, i);

		if (!strcmp(s->heading, heading))
			return s;
	}
	return NULL;
}

/* "rule:line:detail" of each violation, one a line */
static void summary(pd_buf *out, const pd_rules_report *rep)
{
	size_t i;

	pd_buf_clear(out);
	for (i = 0; i < pd_rules_report_count(rep); i++) {
		const pd_violation *v = pd_rules_report_get(rep, i);

		pd_buf_printf(out, "%s:%u:%s\n", v->name, v->line,
		              v->detail ? v->detail : "-");
	}
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */

static const char every_type[] =
	"[vocabulary]\n"
	"\tarea = (?i)^utvecklingsspår\\\\b\n"
	"[rule \"year-in-name\"]\n"
	"\ttitle-matches = \"20[0-9]{2}\"\n"
	"\tmessage = the name states the target year\n"
	"[rule \"climate\"]\n"
	"\tevery-area-matches = (?i)klimat\n"
	"\tseverity = warning\n"
	"[rule \"vision\"]\n"
	"\trequire-section = ^Vision$\n"
	"[rule \"no-removals\"]\n"
	"\tforbid = area-removed, goal-removed\n"
	"\tforbid = term-renamed\n"
	"[rule \"in-sync\"]\n"
	"\tchanges-in-sync = (?i)^förändringar$\n";

static void test_rules__load_every_type(void)
{
	pd_rules *rules = rules_of(every_type);

	OK(rules != NULL, "loads");
	if (!rules)
		return;
	INT_EQ(pd_rules_count(rules), 5, "five rules");
	STR_EQ(pd_rules_name(rules, 0), "year-in-name", "first in file order");
	INT_EQ(pd_rules_type(rules, 0), PD_RULE_TITLE_MATCHES, "title");
	INT_EQ(pd_rules_type(rules, 1), PD_RULE_EVERY_AREA_MATCHES, "areas");
	INT_EQ(pd_rules_severity(rules, 1), PD_SEVERITY_WARNING, "warning");
	INT_EQ(pd_rules_severity(rules, 0), PD_SEVERITY_ERROR,
	       "error by default");
	INT_EQ(pd_rules_type(rules, 2), PD_RULE_REQUIRE_SECTION, "section");
	INT_EQ(pd_rules_type(rules, 3), PD_RULE_FORBID, "forbid");
	STR_EQ(pd_rules__value(rules, 3), "area-removed, goal-removed "
	       "term-renamed", "repeated forbid adds up");
	INT_EQ(pd_rules_type(rules, 4), PD_RULE_CHANGES_IN_SYNC, "in sync");
	STR_EQ(pd_rule_type_name(PD_RULE_CHANGES_IN_SYNC), "changes-in-sync",
	       "type name");
	OK(pd_rule_type_name(PD_RULE__COUNT) == NULL, "out of range");
	pd_rules_free(rules);
}

static void test_rules__invalid_pattern_names_rule_and_offset(void)
{
	pd_rules *rules = NULL;

	write_rules("[rule \"broken\"]\n\ttitle-matches = (a+\n");
	INT_EQ(pd_rules_load(&rules, rules_path, 0), PD_EINVALID, "refused");
	OK(rules == NULL, "nothing returned");
	OK(strstr(pd_error_message(), "rule 'broken'") != NULL,
	   "names the rule");
	OK(strstr(pd_error_message(), "at offset 3") != NULL,
	   "gives the offset");
	OK(strstr(pd_error_message(), rules_path) != NULL, "names the file");
}

static void test_rules__load_errors(void)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{ "[rule \"a\"]\n\ttitel-matches = x\n", "unknown key 'titel-matches'" },
		{ "[rule \"a\"]\n\tforbid = area-removed\n\tseverity = fatal\n",
		  "unknown severity 'fatal'" },
		{ "[rule \"a\"]\n\tforbid = area-removed\n\ttitle-matches = x\n",
		  "two checks" },
		{ "[rule \"a\"]\n\ttitle-matches = x\n\ttitle-matches = y\n",
		  "'title-matches' given twice" },
		{ "[rule \"a\"]\n\tmessage = nothing to check\n", "checks nothing" },
		{ "[rule \"a\"]\n\tforbid = area-deleted\n",
		  "unknown change kind 'area-deleted'" },
		{ "[rule \"a\"]\n\tforbid = ,\n", "names no change kind" },
		{ "[rule]\n\tforbid = area-removed\n", "a rule needs a name" },
		{ "[rules \"a\"]\n\tforbid = area-removed\n",
		  "unknown section '[rules]'" },
		{ "[vocabulary]\n\tpillar = x\n", "unknown kind 'pillar'" },
		{ "[rule \"a\"]\n\ttitle-matches\n", "'title-matches' needs a value" },
		{ "[rule \"a\"]\n\trequire-section = x{2,1}\n", "invalid pattern" },
		{ NULL, NULL }
	};
	pd_rules *rules = NULL;
	size_t i;

	for (i = 0; cases[i].text; i++) {
		write_rules(cases[i].text);
		INT_EQ(pd_rules_load(&rules, rules_path, 0), PD_EINVALID,
		       cases[i].want);
		if (!strstr(pd_error_message(), cases[i].want)) {
			OK(0, "message");
			printf("    got  \"%s\"\n    want \"%s\"\n",
			       pd_error_message(), cases[i].want);
		}
		pd_rules_free(rules);
		rules = NULL;
	}
}

static void test_rules__vocabulary_only_ignores_rules(void)
{
	pd_rules *rules = NULL;

	write_rules("[vocabulary]\n\tgoal = ^Delmål\n"
	            "[rule \"a\"]\n\ttitle-matches = (\n[other]\n\tx = 1\n");
	INT_EQ(pd_rules_load(&rules, rules_path, PD_RULES_VOCABULARY_ONLY), 0,
	       "rules are not read");
	INT_EQ(pd_rules_count(rules), 0, "no rules");
	pd_rules_free(rules);
	rules = NULL;
	write_rules("[vocabulary]\n\tnonsense = x\n");
	INT_EQ(pd_rules_load(&rules, rules_path, PD_RULES_VOCABULARY_ONLY),
	       PD_EINVALID, "the vocabulary is still checked");
}

static void test_rules__vocabulary_teaches_the_classifier(void)
{
	pd_rules *rules = rules_of(every_type);
	pd_classifier *cls = NULL;

	OK(pd_classifier_new(&cls) == 0, "classifier");
	if (!rules || !cls)
		goto done;
	OK(pd_classify_heading(cls, "Utvecklingsspår 1: Bostäder", 2) !=
	   PD_KIND_AREA, "not known before");
	INT_EQ(pd_rules_vocabulary(rules, cls), 0, "added");
	INT_EQ(pd_classify_heading(cls, "Utvecklingsspår 1: Bostäder", 2),
	       PD_KIND_AREA, "a goal area now");
	pd_rules_free(rules);
	write_rules("[vocabulary]\n\tarea = (?<bad\n");
	rules = NULL;
	INT_EQ(pd_rules_load(&rules, rules_path, 0), 0,
	       "loading leaves vocabulary patterns to the classifier");
	INT_EQ(pd_rules_vocabulary(rules, cls), PD_EINVALID, "bad pattern");
	OK(strstr(pd_error_message(), "vocabulary.area") != NULL,
	   "names the key");
	OK(strstr(pd_error_message(), "offset") != NULL, "gives the offset");
done:
	pd_classifier_free(cls);
	pd_rules_free(rules);
}

/* ------------------------------------------------------------------ */
/* Evaluation                                                          */

static void test_rules__document_rules(void)
{
	pd_rules *rules = rules_of(every_type);
	pd_document *doc = programme("Nytt fokusområde: Utbildning.");
	pd_rules_report *rep = NULL;
	pd_buf got = PD_BUF_INIT;

	if (!rules)
		goto done;
	INT_EQ(pd_rules_check(&rep, rules, doc, NULL, NULL), 0, "checked");
	if (!rep)
		goto done;
	summary(&got, rep);
	STR_EQ(got.ptr, "climate:15:goal area \"Utbildning\"\n",
	       "the area without the climate, at its heading");
	INT_EQ(pd_rules_report_errors(rep), 0, "no errors");
	INT_EQ(pd_rules_report_warnings(rep), 1, "one warning");
	INT_EQ(pd_rules_report_status(rep, 0), PD_RULE_PASSED, "title");
	INT_EQ(pd_rules_report_status(rep, 1), PD_RULE_FAILED, "areas");
	INT_EQ(pd_rules_report_status(rep, 2), PD_RULE_PASSED, "vision");
	INT_EQ(pd_rules_report_status(rep, 3), PD_RULE_SKIPPED,
	       "forbid needs an old version");
	INT_EQ(pd_rules_report_status(rep, 4), PD_RULE_SKIPPED,
	       "changes-in-sync needs an old version");
	OK(pd_rules_report_get(rep, 0)->change == NULL, "no change");
	STR_EQ(pd_rules_report_get(rep, 0)->message,
	       "a goal area does not match /(?i)klimat/", "default message");
	pd_rules_report_free(rep);
	rep = NULL;

	/* a name without a year, no vision */
	doc->meta.name = "Södertörns utvecklingsprogram";
	((pd_section *)section_named(doc, "Vision"))->heading = "Visioner";
	INT_EQ(pd_rules_check(&rep, rules, doc, NULL, NULL), 0, "checked");
	summary(&got, rep);
	STR_EQ(got.ptr,
	       "year-in-name:1:name \"Södertörns utvecklingsprogram\"\n"
	       "climate:15:goal area \"Utbildning\"\n"
	       "vision:0:-\n", "each rule broken once");
	STR_EQ(pd_rules_report_get(rep, 0)->message,
	       "the name states the target year", "the rule's message");
	INT_EQ(pd_rules_report_errors(rep), 2, "two errors");
done:
	pd_buf_dispose(&got);
	pd_rules_report_free(rep);
	pd_document_free(doc);
	pd_rules_free(rules);
}

static void test_rules__forbid(void)
{
	pd_rules *rules = rules_of("[rule \"no-removals\"]\n"
	                           "\tforbid = area-removed goal-removed\n");
	pd_document *old_doc = programme(NULL), *new_doc = programme(NULL);
	pd_rules_report *rep = NULL;
	pd_change c[3];
	const pd_change *list[3];
	pd_buf got = PD_BUF_INIT;
	size_t i;

	if (!rules)
		goto done;
	c[0] = change(PD_CHANGE_AREA_REMOVED,
	              section_named(old_doc, "Utbildning"), NULL,
	              "Utbildning", NULL);
	c[1] = change(PD_CHANGE_AREA_ADDED, NULL,
	              section_named(new_doc, "Infrastruktur"), NULL,
	              "Infrastruktur");
	c[2] = change(PD_CHANGE_GOAL_REMOVED, section_named(old_doc, "Vision"),
	              NULL, "Vision", NULL);
	for (i = 0; i < 3; i++)
		list[i] = &c[i];
	INT_EQ(pd_rules__evaluate(&rep, rules, new_doc, 1, list, 3, NULL), 0,
	       "checked");
	if (!rep)
		goto done;
	summary(&got, rep);
	/* a removal is shown where its parent is in the new version, the
	 * container at line 9; one whose parent is the root, nowhere */
	STR_EQ(got.ptr, "no-removals:9:area-removed \"Utbildning\"\n"
	       "no-removals:0:goal-removed \"Vision\"\n", "two forbidden");
	OK(pd_rules_report_get(rep, 0)->change == &c[0], "points at it");
	STR_EQ(pd_rules_report_get(rep, 0)->message,
	       "forbidden change: area-removed", "default message");
done:
	pd_buf_dispose(&got);
	pd_rules_report_free(rep);
	pd_document_free(new_doc);
	pd_document_free(old_doc);
	pd_rules_free(rules);
}

static void test_rules__changes_in_sync(void)
{
	pd_rules *rules = rules_of("[rule \"in-sync\"]\n"
	                           "\tchanges-in-sync = ^Förändringar$\n");
	pd_document *old_doc = programme(NULL);
	pd_document *new_doc = programme(
	        "Nytt fokusområde: UTBILDNING. Gäller 2019 - 2022 och "
	        "uppdateras varje mandatperiod. Namnet har fått mållåret 2035. "
	        "Klimatfrågan finns i alla fokusområden.");
	pd_rules_report *rep = NULL;
	pd_change c[8];
	const pd_change *list[8];
	pd_buf got = PD_BUF_INIT;
	size_t i;

	if (!rules)
		goto done;
	c[0] = change(PD_CHANGE_AREA_ADDED, NULL,
	              section_named(new_doc, "Utbildning"), NULL, "Utbildning");
	c[1] = change(PD_CHANGE_PERIOD_CHANGED, NULL, NULL, NULL, "2019–2022");
	c[2] = change(PD_CHANGE_METADATA_CHANGED, NULL, NULL, NULL,
	              "mandate-period");
	c[2].field = "revision";
	c[3] = change(PD_CHANGE_NAME_CHANGED, NULL, NULL,
	              "Södertörns utvecklingsprogram",
	              "Södertörns utvecklingsprogram 2035");
	c[3].flags = PD_CHANGE_GAINS_TARGET_YEAR;
	c[4] = change(PD_CHANGE_THEME_EVERYWHERE, NULL, NULL, NULL,
	              "klimatarbetet");
	/* not mentioned */
	c[5] = change(PD_CHANGE_TERM_RENAMED, NULL, NULL, "Nyckeltalsdagen",
	              "Södertörnsdagen");
	c[6] = change(PD_CHANGE_AREA_REMOVED,
	              section_named(old_doc, "Infrastruktur"), NULL,
	              "Infrastruktur", NULL);
	/* the list itself is not a change to mention */
	c[7] = change(PD_CHANGE_SECTION_CHANGED, NULL,
	              section_named(new_doc, "Förändringar"), NULL,
	              "Förändringar");
	for (i = 0; i < 8; i++)
		list[i] = &c[i];
	INT_EQ(pd_rules__evaluate(&rep, rules, new_doc, 1, list, 8, NULL), 0,
	       "checked");
	if (!rep)
		goto done;
	summary(&got, rep);
	STR_EQ(got.ptr,
	       "in-sync:19:not mentioned: term-renamed \"Södertörnsdagen\"\n"
	       "in-sync:19:not mentioned: area-removed \"Infrastruktur\"\n",
	       "only the two it does not mention");
	STR_EQ(pd_rules_report_get(rep, 0)->message,
	       "\"Förändringar\" does not mention every change",
	       "default message");
	pd_rules_report_free(rep);
	rep = NULL;

	/* no changes: nothing to mention, even without the section */
	INT_EQ(pd_rules__evaluate(&rep, rules, old_doc, 1, NULL, 0, NULL), 0,
	       "checked");
	INT_EQ(pd_rules_report_count(rep), 0, "no changes, no violation");
	pd_rules_report_free(rep);
	rep = NULL;
	/* changes but no section to list them in */
	INT_EQ(pd_rules__evaluate(&rep, rules, old_doc, 1, list, 1, NULL), 0,
	       "checked");
	summary(&got, rep);
	STR_EQ(got.ptr, "in-sync:0:-\n", "the missing section");
	STR_EQ(pd_rules_report_get(rep, 0)->message, "no section heading "
	       "matches /^Förändringar$/ to list the changes", "says so");
done:
	pd_buf_dispose(&got);
	pd_rules_report_free(rep);
	pd_document_free(new_doc);
	pd_document_free(old_doc);
	pd_rules_free(rules);
}

/* 50 KB of "aaa…ab" runs: each position just below PCRE2's own limit */
static char *runs_of_a(size_t len, size_t run)
{
	char *s = malloc(len + 1);
	size_t i;

	for (i = 0; i < len; i++)
		s[i] = (i + 1) % (run + 1) ? 'a' : 'b';
	s[len] = '\0';
	return s;
}

static void test_rules__catastrophic_pattern_is_bounded(void)
{
	pd_rules *rules = rules_of("[rule \"runaway\"]\n"
	                           "\tevery-area-matches = (a+)+$\n");
	pd_document *doc = programme(NULL);
	pd_rules_report *rep = NULL;
	pd_check_options opts = PD_CHECK_OPTIONS_INIT;
	char *text = runs_of_a(50000, 15);
	pd_section *area;

	if (!rules)
		goto done;
	area = (pd_section *)section_named(doc, "Utbildning");
	body(doc, area, text, 18);
	/*
	 * Runs of 15: some 10^5 steps at each position, far below PCRE2's
	 * match limit, and minutes in all without the check's budget.
	 */
	INT_EQ(pd_rules_check(&rep, rules, doc, NULL, &opts), PD_ELIMIT,
	       "ends with an error");
	OK(rep == NULL, "no report");
	OK(strstr(pd_error_message(), "rule 'runaway'") != NULL,
	   "names the rule");
	OK(strstr(pd_error_message(), "goal area \"Utbildning\"") != NULL,
	   "names the area");
	OK(strstr(pd_error_message(), "budget") != NULL, "says why");
	pd_rules_free(rules);
	rules = NULL;

	/* a budget given by the caller is the one used */
	rules = rules_of("[rule \"runaway\"]\n"
	                 "\tevery-area-matches = (a+)+$\n");
	opts.budget = 1000;
	INT_EQ(pd_rules_check(&rep, rules, doc, NULL, &opts), PD_ELIMIT,
	       "a budget of 1000");
	pd_rules_free(rules);

	/* the same on a long programme name, with the default budget */
	rules = rules_of("[rule \"runaway-name\"]\n"
	                 "\ttitle-matches = (a+)+$\n");
	doc->meta.name = text;
	INT_EQ(pd_rules_check(&rep, rules, doc, NULL, NULL), PD_ELIMIT,
	       "a long name too");
	OK(strstr(pd_error_message(), "rule 'runaway-name'") != NULL,
	   "names the rule");
	doc->meta.name = doc->root->heading;
done:
	free(text);
	pd_rules_report_free(rep);
	pd_document_free(doc);
	pd_rules_free(rules);
}

static void test_rules__budget_is_counted_across_the_check(void)
{
	pd_rules *rules = rules_of("[rule \"a\"]\n\tevery-area-matches = a+b\n"
	                           "[rule \"b\"]\n\tevery-area-matches = a+b\n");
	pd_document *doc = programme(NULL);
	pd_rules_report *rep = NULL;
	pd_check_options opts = PD_CHECK_OPTIONS_INIT;
	char *text = runs_of_a(2000, 9);
	unsigned long long one;

	if (!rules)
		goto done;
	body(doc, (pd_section *)section_named(doc, "Utbildning"), text, 18);
	INT_EQ(pd_rules_check(&rep, rules, doc, NULL, NULL), 0, "fits");
	if (!rep)
		goto done;
	one = pd_rules__report_steps(rep) / 2;
	OK(one > 0, "steps are counted");
	pd_rules_report_free(rep);
	rep = NULL;
	/* enough for one rule, not for both: the budget is the check's */
	opts.budget = one + one / 2;
	INT_EQ(pd_rules_check(&rep, rules, doc, NULL, &opts), PD_ELIMIT,
	       "the second rule runs out");
	OK(strstr(pd_error_message(), "rule 'b'") != NULL, "names rule b");
done:
	free(text);
	pd_rules_report_free(rep);
	pd_document_free(doc);
	pd_rules_free(rules);
}

static void test_rules__ordinary_pattern_on_large_text(void)
{
	pd_rules *rules = rules_of("[rule \"climate\"]\n"
	                           "\tevery-area-matches = (?i)klimat\n");
	pd_document *doc = programme(NULL);
	pd_rules_report *rep = NULL;
	size_t len = 1 << 20, i;
	char *text = malloc(len + 1);

	for (i = 0; i < len; i++)
		text[i] = "skolor och utbildning "[i % 22];
	memcpy(text + len - 7, "Klimat.", 7);
	text[len] = '\0';
	if (!rules)
		goto done;
	body(doc, (pd_section *)section_named(doc, "Utbildning"), text, 18);
	INT_EQ(pd_rules_check(&rep, rules, doc, NULL, NULL), 0, "checked");
	INT_EQ(pd_rules_report_count(rep), 0, "both areas match");
	/* a candidate at each "k" of "skolor": well inside the budget */
	OK(pd_rules__report_steps(rep) < PD_CHECK_BUDGET / 20,
	   "a megabyte of text takes a small part of the budget");
done:
	free(text);
	pd_rules_report_free(rep);
	pd_document_free(doc);
	pd_rules_free(rules);
}

/* ------------------------------------------------------------------ */
/* Output                                                              */

static pd_rules_report *sample(pd_rules **rules_out, pd_document **doc_out,
                               pd_change *c)
{
	pd_rules *rules = rules_of(
	        "[rule \"year\"]\n\ttitle-matches = 20[0-9]{2}\n"
	        "[rule \"climate\"]\n\tevery-area-matches = (?i)klimat\n"
	        "\tmessage = \"every area, 100% climate: really\"\n"
	        "\tseverity = warning\n"
	        "[rule \"no-removals\"]\n\tforbid = area-removed\n");
	pd_document *doc = programme(NULL);
	pd_rules_report *rep = NULL;
	const pd_change *list[1];

	*rules_out = rules;
	*doc_out = doc;
	if (!rules)
		return NULL;
	doc->meta.name = "Programmet";
	*c = change(PD_CHANGE_AREA_REMOVED, NULL, NULL, "Näringsliv", NULL);
	c->old_line = 30;
	list[0] = c;
	if (pd_rules__evaluate(&rep, rules, doc, 1, list, 1, NULL) < 0)
		printf("  check failed: %s\n", pd_error_message());
	return rep;
}

static void render(pd_buf *out, const pd_rules_report *rep,
                   pd_check_format format, const char *old_file)
{
	pd_check_render_options opts = PD_CHECK_RENDER_OPTIONS_INIT;

	opts.format = format;
	opts.old_file = old_file;
	opts.new_file = "docs/programme, v2.md";
	pd_buf_clear(out);
	INT_EQ(pd_rules_render(out, rep, &opts), 0, "rendered");
}

static void test_rules__render_text(void)
{
	pd_rules *rules;
	pd_document *doc;
	pd_change c;
	pd_rules_report *rep = sample(&rules, &doc, &c);
	pd_buf out = PD_BUF_INIT;

	if (rep) {
		render(&out, rep, PD_CHECK_TEXT, "old.md");
		STR_EQ(out.ptr,
		       "docs/programme, v2.md:1: error: year: the programme's name "
		       "does not match /20[0-9]{2}/ (name \"Programmet\")\n"
		       "docs/programme, v2.md:15: warning: climate: every area, "
		       "100% climate: really (goal area \"Utbildning\")\n"
		       "docs/programme, v2.md: error: no-removals: forbidden "
		       "change: area-removed (area-removed \"Näringsliv\")\n"
		       "progdiff check: 3 rules, 2 errors, 1 warning\n",
		       "text");
	}
	pd_buf_dispose(&out);
	pd_rules_report_free(rep);
	pd_document_free(doc);
	pd_rules_free(rules);
}

static void test_rules__render_json(void)
{
	pd_rules *rules;
	pd_document *doc;
	pd_change c;
	pd_rules_report *rep = sample(&rules, &doc, &c);
	pd_buf out = PD_BUF_INIT;

	if (rep) {
		render(&out, rep, PD_CHECK_JSON, "old.md");
		STR_EQ(out.ptr,
		       "{\n"
		       "  \"schema\": \"progdiff-check/1\",\n"
		       "  \"old\": \"old.md\",\n"
		       "  \"new\": \"docs/programme, v2.md\",\n"
		       "  \"errors\": 2,\n"
		       "  \"warnings\": 1,\n"
		       "  \"rules\": [\n"
		       "    {\"name\": \"year\", \"type\": \"title-matches\", "
		       "\"value\": \"20[0-9]{2}\", \"severity\": \"error\", "
		       "\"status\": \"failed\"},\n"
		       "    {\"name\": \"climate\", \"type\": \"every-area-matches\", "
		       "\"value\": \"(?i)klimat\", \"severity\": \"warning\", "
		       "\"status\": \"failed\"},\n"
		       "    {\"name\": \"no-removals\", \"type\": \"forbid\", "
		       "\"value\": \"area-removed\", \"severity\": \"error\", "
		       "\"status\": \"failed\"}\n"
		       "  ],\n"
		       "  \"violations\": [\n"
		       "    {\"rule\": \"year\", \"type\": \"title-matches\", "
		       "\"severity\": \"error\", \"message\": \"the programme's name "
		       "does not match /20[0-9]{2}/\", \"detail\": \"name "
		       "\\\"Programmet\\\"\", \"file\": \"docs/programme, v2.md\", "
		       "\"line\": 1, \"change\": null},\n"
		       "    {\"rule\": \"climate\", \"type\": \"every-area-matches\", "
		       "\"severity\": \"warning\", \"message\": \"every area, 100% "
		       "climate: really\", \"detail\": \"goal area "
		       "\\\"Utbildning\\\"\", \"file\": \"docs/programme, v2.md\", "
		       "\"line\": 15, \"change\": null},\n"
		       "    {\"rule\": \"no-removals\", \"type\": \"forbid\", "
		       "\"severity\": \"error\", \"message\": \"forbidden change: "
		       "area-removed\", \"detail\": \"area-removed "
		       "\\\"Näringsliv\\\"\", \"file\": \"docs/programme, v2.md\", "
		       "\"line\": null, \"change\": {\"kind\": \"area-removed\", "
		       "\"old_value\": \"Näringsliv\", \"new_value\": null, "
		       "\"old_line\": 30, \"new_line\": null}}\n"
		       "  ]\n"
		       "}\n", "json");
		pd_rules_report_free(rep);
		rep = NULL;
		/* nothing broken, nothing to check */
		pd_rules_free(rules);
		rules = rules_of("");
		INT_EQ(pd_rules__evaluate(&rep, rules, doc, 0, NULL, 0, NULL), 0,
		       "no rules");
		render(&out, rep, PD_CHECK_JSON, NULL);
		STR_EQ(out.ptr, "{\n  \"schema\": \"progdiff-check/1\",\n"
		       "  \"old\": null,\n  \"new\": \"docs/programme, v2.md\",\n"
		       "  \"errors\": 0,\n  \"warnings\": 0,\n  \"rules\": [],\n"
		       "  \"violations\": []\n}\n", "empty json");
	}
	pd_buf_dispose(&out);
	pd_rules_report_free(rep);
	pd_document_free(doc);
	pd_rules_free(rules);
}

static void test_rules__render_github(void)
{
	pd_rules *rules;
	pd_document *doc;
	pd_change c;
	pd_rules_report *rep = sample(&rules, &doc, &c);
	pd_buf out = PD_BUF_INIT;

	if (rep) {
		render(&out, rep, PD_CHECK_GITHUB, "old.md");
		STR_EQ(out.ptr,
		       "::error file=docs/programme%2C v2.md,line=1,title=progdiff "
		       "rule year::the programme's name does not match "
		       "/20[0-9]{2}/ (name \"Programmet\")\n"
		       "::warning file=docs/programme%2C v2.md,line=15,"
		       "title=progdiff rule climate::every area, 100%25 climate: "
		       "really (goal area \"Utbildning\")\n"
		       "::error file=docs/programme%2C v2.md,title=progdiff rule "
		       "no-removals::forbidden change: area-removed "
		       "(area-removed \"Näringsliv\")\n", "github");
	}
	pd_buf_dispose(&out);
	pd_rules_report_free(rep);
	pd_document_free(doc);
	pd_rules_free(rules);
}

static void test_rules__render_escapes_document_text(void)
{
	pd_rules *rules = rules_of("[rule \"r:1,x\"]\n\ttitle-matches = ^X\n");
	pd_document *doc = programme(NULL);
	pd_rules_report *rep = NULL;
	pd_buf out = PD_BUF_INIT;

	if (!rules)
		goto done;
	doc->meta.name = "Evil\x1b[2J\nname\r%";
	INT_EQ(pd_rules_check(&rep, rules, doc, NULL, NULL), 0, "checked");
	if (!rep)
		goto done;
	render(&out, rep, PD_CHECK_GITHUB, NULL);
	STR_EQ(out.ptr, "::error file=docs/programme%2C v2.md,line=1,"
	       "title=progdiff rule r%3A1%2Cx::the programme's name does not "
	       "match /^X/ (name \"Evil\\x1b[2J\\x0aname\\x0d%25\")\n",
	       "one command a line, nothing raw");
	render(&out, rep, PD_CHECK_TEXT, NULL);
	OK(!strchr(out.ptr, '\x1b') && !strchr(out.ptr, '\r'),
	   "no control characters in text");
done:
	pd_buf_dispose(&out);
	pd_rules_report_free(rep);
	pd_document_free(doc);
	pd_rules_free(rules);
}

static void test_rules__format_names(void)
{
	pd_check_format f = PD_CHECK_TEXT;

	INT_EQ(pd_check_format_parse(&f, "github"), 0, "github");
	INT_EQ(f, PD_CHECK_GITHUB, "is github");
	INT_EQ(pd_check_format_parse(&f, "json"), 0, "json");
	INT_EQ(f, PD_CHECK_JSON, "is json");
	INT_EQ(pd_check_format_parse(&f, "markdown"), PD_EINVALID, "not a "
	       "check format");
}

static const pd_test tests[] = {
	PD_TEST(test_rules__load_every_type),
	PD_TEST(test_rules__invalid_pattern_names_rule_and_offset),
	PD_TEST(test_rules__load_errors),
	PD_TEST(test_rules__vocabulary_only_ignores_rules),
	PD_TEST(test_rules__vocabulary_teaches_the_classifier),
	PD_TEST(test_rules__document_rules),
	PD_TEST(test_rules__forbid),
	PD_TEST(test_rules__changes_in_sync),
	PD_TEST(test_rules__catastrophic_pattern_is_bounded),
	PD_TEST(test_rules__budget_is_counted_across_the_check),
	PD_TEST(test_rules__ordinary_pattern_on_large_text),
	PD_TEST(test_rules__render_text),
	PD_TEST(test_rules__render_json),
	PD_TEST(test_rules__render_github),
	PD_TEST(test_rules__render_escapes_document_text),
	PD_TEST(test_rules__format_names),
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	const char *self = strrchr(argv[0], '/');
	int status;

	make_temp_dir(base, sizeof(base), "test_rules");
	snprintf(rules_path, sizeof(rules_path), "%s/.progdiff", base);
	git_libgit2_init();
	status = pd_test__main(tests, self ? self + 1 : argv[0],
	                       argc > 1 ? argv[1] : NULL);
	git_libgit2_shutdown();
	remove_tree(base);
	return status;
}
