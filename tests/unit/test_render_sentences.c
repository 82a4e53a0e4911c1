/* SPDX-License-Identifier: MIT */
/*
 * test_render_sentences.c: every change kind, in each of its forms, said
 * in Swedish and in English, follows the rules a memo's list follows:
 * each item a full sentence (a capital first letter, a final period),
 * no number from one to twelve written in digits, no word counts in the
 * Markdown list, and never a kind's identifier in place of a sentence.
 */
#include <strings.h>
#include <utf8proc.h>

#include "harness.h"
#include "changes.h"
#include "progdiff.h"
#include "render.h"

static const char *old_md =
	"# Programmet\n\n## Vision\n\nAlla mår bra.\n\n## Fokusområden\n\n"
	"### Alfa\n\nText om alfa.\n\n#### Beta\n\nHögst femhundra meter.\n\n"
	"### Gamma\n\n- Ett mål i punktform\n\n## Bakgrund\n\nText.\n";

static const pd_section *find(const pd_document *doc, pd_kind kind,
                              int synthetic)
{
	size_t i;

	for (i = 1; i < pd_document_section_count(doc); i++) {
		const pd_section *s = pd_document_section(doc, i);

		if (s->kind == kind && (int)s->synthetic == synthetic)
			return s;
	}
	return NULL;
}

static const pd_section *parts[2], *goal_parts[2];

/* One change of `kind`, its fields as a diff would fill them. */
static void add(pd_changes *c, pd_change_kind kind, unsigned flags,
                const char *field, const char *a, const char *b,
                const pd_section *sa, const pd_section *sb)
{
	pd_change *ch = pd_changes__add_change(c, kind);

	ch->flags = flags;
	ch->field = field;
	ch->old_value = a;
	ch->new_value = b;
	ch->old_section = sa;
	ch->new_section = sb;
	ch->count = 3;
	ch->total = 4;
	ch->old_line = ch->new_line = 7;
	if (kind == PD_CHANGE_AREA_SPLIT || kind == PD_CHANGE_AREA_MERGED) {
		ch->parts = parts;
		ch->nparts = 2;
	} else if (kind == PD_CHANGE_GOAL_SPLIT ||
	           kind == PD_CHANGE_GOAL_MERGED) {
		ch->parts = goal_parts;
		ch->nparts = 2;
	}
	if (kind == PD_CHANGE_TARGET_CHANGED) {
		ch->unit = "meter";
		ch->goal = "Beta";
		ch->detail = "Alla ska ha högst 400 meter till en hållplats.";
	} else if (kind == PD_CHANGE_INDICATOR_CHANGED ||
	           kind == PD_CHANGE_INDICATOR_ADDED ||
	           kind == PD_CHANGE_INDICATOR_REMOVED) {
		ch->goal = "Andel läsare";
		if (kind == PD_CHANGE_INDICATOR_ADDED)
			ch->detail = "utgångsvärde 41, målvärde 55";
	}
}

static void fill(pd_changes *c, const pd_document *d)
{
	const pd_section *area = find(d, PD_KIND_AREA, 0);
	const pd_section *goal = find(d, PD_KIND_GOAL, 0);
	const pd_section *item = find(d, PD_KIND_GOAL, 1);
	const pd_section *sec = find(d, PD_KIND_NOTAREA, 0);
	const pd_section *vis = find(d, PD_KIND_VISION, 0);

	if (!sec)
		sec = vis;
	add(c, PD_CHANGE_NAME_CHANGED, PD_CHANGE_GAINS_TARGET_YEAR, NULL,
	    "Programmet", "Programmet 2035", NULL, NULL);
	add(c, PD_CHANGE_NAME_CHANGED, 0, NULL, "Programmet", "Planen",
	    NULL, NULL);
	add(c, PD_CHANGE_TARGET_YEAR_CHANGED, 0, NULL, NULL, "2035", NULL,
	    NULL);
	add(c, PD_CHANGE_TARGET_YEAR_CHANGED, 0, NULL, "2030", "2035", NULL,
	    NULL);
	add(c, PD_CHANGE_PERIOD_CHANGED, 0, NULL, NULL, "2019–2022", NULL,
	    NULL);
	add(c, PD_CHANGE_PERIOD_CHANGED, PD_CHANGE_WAS_OPEN_ENDED, NULL, NULL,
	    "2019–2022", NULL, NULL);
	add(c, PD_CHANGE_PERIOD_CHANGED, 0, NULL, "2015–2018", "2019–2022",
	    NULL, NULL);
	add(c, PD_CHANGE_METADATA_CHANGED, 0, "revision", NULL,
	    "mandate-period", NULL, NULL);
	add(c, PD_CHANGE_METADATA_CHANGED, 0, "revision", "annual",
	    "mandate-period", NULL, NULL);
	add(c, PD_CHANGE_METADATA_CHANGED, 0, "decision", "KS 2019/123",
	    "KS 2023/45", NULL, NULL);
	add(c, PD_CHANGE_METADATA_CHANGED, 0, "decision", NULL, "KS 2023/45",
	    NULL, NULL);
	add(c, PD_CHANGE_METADATA_CHANGED, 0, "adopted", "2019-06-20",
	    "2023-05-03", NULL, NULL);
	add(c, PD_CHANGE_METADATA_CHANGED, 0, "replaces", "Planen",
	    "Programmet", NULL, NULL);
	add(c, PD_CHANGE_AREA_ADDED, 0, NULL, NULL, "Alfa", NULL, area);
	add(c, PD_CHANGE_AREA_REMOVED, 0, NULL, "Alfa", NULL, area, NULL);
	add(c, PD_CHANGE_AREA_RENAMED, 0, NULL, "Alfa", "Alfabet", area, area);
	add(c, PD_CHANGE_AREA_RENAMED, PD_CHANGE_BODY_CHANGED, NULL, "Alfa",
	    "Alfabet", area, area);
	add(c, PD_CHANGE_AREA_MOVED, 0, NULL, "Alfa", "Alfa", area, area);
	add(c, PD_CHANGE_GOAL_ADDED, 0, NULL, NULL, "Beta", NULL, goal);
	add(c, PD_CHANGE_GOAL_REMOVED, 0, NULL, "Beta", NULL, goal, NULL);
	add(c, PD_CHANGE_GOAL_RENAMED, 0, NULL, "Beta", "Betydelse", goal,
	    goal);
	add(c, PD_CHANGE_GOAL_MOVED, 0, NULL, "Beta", "Beta", goal, goal);
	add(c, PD_CHANGE_GOAL_CHANGED, 0, NULL, "Beta", "Beta", goal, goal);
	add(c, PD_CHANGE_GOAL_CHANGED, PD_CHANGE_REWRITTEN, NULL, "Beta",
	    "Beta", goal, goal);
	add(c, PD_CHANGE_GOAL_CHANGED, 0, NULL, "Ett mål i punktform",
	    "Ett annat mål i punktform", item, item);
	add(c, PD_CHANGE_SECTION_ADDED, 0, NULL, NULL, "Bakgrund", NULL, sec);
	add(c, PD_CHANGE_SECTION_REMOVED, 0, NULL, "Bakgrund", NULL, sec,
	    NULL);
	add(c, PD_CHANGE_SECTION_RENAMED, PD_CHANGE_BODY_CHANGED, NULL,
	    "Bakgrund", "Inledning", sec, sec);
	add(c, PD_CHANGE_SECTION_MOVED, 0, NULL, "Beta", "Beta", goal, goal);
	add(c, PD_CHANGE_SECTION_MOVED, 0, NULL, "Bakgrund", "Bakgrund", sec,
	    sec);
	add(c, PD_CHANGE_SECTION_CHANGED, 0, NULL, "Bakgrund", "Bakgrund",
	    sec, sec);
	add(c, PD_CHANGE_SECTION_CHANGED, PD_CHANGE_REWRITTEN, NULL,
	    "Alfa", "Alfa", area, area);
	add(c, PD_CHANGE_TERM_RENAMED, 0, NULL, "Nyckeldagen",
	    "Södertörnsdagen", NULL, NULL);
	add(c, PD_CHANGE_TERM_RENAMED, PD_CHANGE_WITH_SECTION |
	    PD_CHANGE_BODY_CHANGED, NULL, "Nyckeldagen", "Södertörnsdagen",
	    NULL, NULL);
	add(c, PD_CHANGE_THEME_EVERYWHERE, 0, NULL, NULL, "klimatet", NULL,
	    NULL);
	add(c, PD_CHANGE_TARGET_CHANGED, PD_CHANGE_STRICTER, NULL, "500",
	    "400", goal, goal);
	add(c, PD_CHANGE_TARGET_CHANGED, PD_CHANGE_LOOSER, NULL, "300",
	    "400", goal, goal);
	add(c, PD_CHANGE_TARGET_CHANGED, 0, NULL, "500", "400", area, area);
	add(c, PD_CHANGE_INDICATOR_ADDED, 0, NULL, NULL, "Andel läsare", sec,
	    sec);
	add(c, PD_CHANGE_INDICATOR_REMOVED, 0, NULL, "Andel läsare", NULL,
	    sec, sec);
	add(c, PD_CHANGE_INDICATOR_CHANGED, 0, "Målvärde", "40", "45", sec,
	    sec);
	add(c, PD_CHANGE_TABLE_HEADER_CHANGED, 0, NULL, "Utgångsvärde, Mål",
	    "Startvärde, Mål", sec, sec);
	add(c, PD_CHANGE_PREAMBLE_CHANGED, 0, NULL, NULL, NULL,
	    pd_document_root(d), pd_document_root(d));
	add(c, PD_CHANGE_PREAMBLE_CHANGED, PD_CHANGE_REWRITTEN, NULL, NULL,
	    NULL, pd_document_root(d), pd_document_root(d));
	parts[0] = parts[1] = area;
	add(c, PD_CHANGE_AREA_SPLIT, 0, NULL, "Alfa", "Alfa", area, area);
	add(c, PD_CHANGE_AREA_MERGED, 0, NULL, "Alfa", "Alfa", area, area);
	goal_parts[0] = goal_parts[1] = goal;
	add(c, PD_CHANGE_GOAL_SPLIT, 0, NULL, "Beta", "Beta", goal, goal);
	add(c, PD_CHANGE_GOAL_MERGED, 0, NULL, "Beta", "Beta", goal, goal);
	/* a theme absent from all areas before, "in none of" */
	add(c, PD_CHANGE_THEME_EVERYWHERE, 0, NULL, NULL, "klimatet", NULL,
	    NULL);
	c->items[c->count - 1].count = 0;
}

/* Is s[i..] " maj"/" May", or s[..start) "May "? (a day in a date) */
static int in_date(const char *s, size_t len, size_t start, size_t i)
{
	static const char *const months[] = {
		"jan", "feb", "mar", "apr", "maj", "may", "jun", "jul", "aug",
		"sep", "okt", "oct", "nov", "dec", NULL
	};
	size_t k;

	for (k = 0; months[k]; k++) {
		if (i + 4 <= len && s[i] == ' ' &&
		    !strncasecmp(s + i + 1, months[k], 3))
			return 1;
		if (start >= 4 && !strncasecmp(s + start - 4, months[k], 3))
			return 1;
	}
	return 0;
}

/* A number from one to twelve in digits, standing alone. */
static int small_number(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t start = i;
		unsigned v = 0;

		if (s[i] < '0' || s[i] > '9') {
			i++;
			continue;
		}
		while (i < len && s[i] >= '0' && s[i] <= '9')
			v = v * 10 + (unsigned)(s[i++] - '0');
		if (i - start <= 2 && v >= 1 && v <= 12 &&
		    !(start > 0 && (s[start - 1] == '/' || s[start - 1] == '-')) &&
		    !(i < len && (s[i] == '/' || s[i] == '-' || s[i] == ':')) &&
		    !in_date(s, len, start, i))
			return 1;
	}
	return 0;
}

static int capital_first(const char *s)
{
	utf8proc_int32_t cp;

	if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp) <= 0)
		return 0;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

static void check_lines(const pd_buf *out, const char *prefix, int markdown,
                        const char *what, size_t *items)
{
	const char *p = out->ptr, *nl;
	size_t plen = strlen(prefix), k;
	static const char *const counts[] = {
		"ord tillagd", "ord borttag", "word added", "words added",
		"word removed", "words removed", NULL
	};

	for (; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		size_t len = (size_t)(nl - p);
		const char *end = p + len;
		char line[600];

		if (len <= plen || strncmp(p, prefix, plen))
			continue;
		/* the text report: an item is its mark and a space */
		if (!markdown) {
			if (len < 3 || !strchr("*+-~=", p[0]) || p[1] != ' ')
				continue;
			plen = 2;
		}
		/* the text report's "[rad 7]" is not part of the sentence */
		if (!markdown && len > 8 && end[-1] == ']')
			while (end > p && *end != '[')
				end--;
		while (end > p && end[-1] == ' ')
			end--;
		snprintf(line, sizeof(line), "%s: %.*s", what, (int)len, p);
		(*items)++;
		OK(capital_first(p + plen), line);
		OK(end > p && end[-1] == '.', line);
		OK(!small_number(p + plen, (size_t)(end - p) - plen), line);
		OK(!strstr(p, "-changed") && !strstr(p, "-added") &&
		   !strstr(p, "-removed"), line);
		for (k = 0; markdown && counts[k]; k++)
			OK(!strstr(line, counts[k]), line);
	}
}

static void test_render_sentences__every_kind_in_both_languages(void)
{
	pd_document *a = NULL, *b = NULL;
	pd_changes *c = NULL;
	pd_render_options o = PD_RENDER_OPTIONS_INIT;
	pd_buf out = PD_BUF_INIT;
	unsigned seen[PD_CHANGE__COUNT] = { 0 };
	size_t i, items = 0, n;
	int lang, fmt;

	if (pd_parse_document(&a, old_md, strlen(old_md), NULL) < 0 ||
	    pd_parse_document(&b, old_md, strlen(old_md), NULL) < 0 ||
	    pd_changes_compute(&c, a, b, NULL) < 0) {
		OK(0, "the documents parse");
		return;
	}
	fill(c, b);
	n = pd_changes_count(c);
	for (i = 0; i < n; i++)
		seen[pd_changes_get(c, i)->kind]++;
	for (i = 0; i < PD_CHANGE__COUNT; i++)
		OK(seen[i] > 0, pd_change_kind_name((pd_change_kind)i));
	for (lang = 0; lang < 2; lang++)
		for (fmt = 0; fmt < 2; fmt++) {
			o.lang = lang ? PD_LANG_EN : PD_LANG_SV;
			o.format = fmt ? PD_FORMAT_TEXT : PD_FORMAT_MARKDOWN;
			o.flags = PD_RENDER_ALL;
			pd_buf_clear(&out);
			pd_render(&out, c, &o);
			check_lines(&out, fmt ? "" : "- ", !fmt,
			            lang ? "en" : "sv", &items);
		}
	/* text lines start with their mark: count those the markdown saw */
	INT_EQ(items >= 2 * n, 1, "every change was said in both languages");
	pd_buf_dispose(&out);
	pd_changes_free(c);
	pd_document_free(b);
	pd_document_free(a);
}

static void test_render_sentences__numbers_in_words(void)
{
	pd_buf out = PD_BUF_INIT;

	pd_render_number(&out, 4, PD_LANG_SV);
	pd_buf_putc(&out, ' ');
	pd_render_number(&out, 12, PD_LANG_EN);
	pd_buf_putc(&out, ' ');
	pd_render_number(&out, 13, PD_LANG_SV);
	STR_EQ(out.ptr, "fyra twelve 13", "up to twelve in words");
	pd_buf_clear(&out);
	pd_render_kind_count(&out, PD_CHANGE_AREA_ADDED, 1, PD_LANG_SV);
	pd_buf_puts(&out, ", ");
	pd_render_kind_count(&out, PD_CHANGE_INDICATOR_ADDED, 1, PD_LANG_SV);
	pd_buf_puts(&out, ", ");
	pd_render_kind_count(&out, PD_CHANGE_GOAL_CHANGED, 3, PD_LANG_SV);
	pd_buf_puts(&out, ", ");
	pd_render_kind_count(&out, PD_CHANGE_AREA_ADDED, 2, PD_LANG_EN);
	STR_EQ(out.ptr, "ett nytt målområde, en ny indikator, tre ändrade mål, "
	       "two new goal areas", "kinds counted in words, by gender");
	pd_buf_clear(&out);
	pd_render_date(&out, "2021-05-03", PD_LANG_SV);
	pd_buf_puts(&out, "; ");
	pd_render_date(&out, "2021-05-03", PD_LANG_EN);
	pd_buf_puts(&out, "; ");
	pd_render_date(&out, "våren 2021", PD_LANG_EN);
	STR_EQ(out.ptr, "den 3 maj 2021; on 3 May 2021; våren 2021",
	       "a date in the language's words, other text as it is");
	pd_buf_dispose(&out);
}

static const pd_test tests[] = {
	PD_TEST(test_render_sentences__every_kind_in_both_languages),
	PD_TEST(test_render_sentences__numbers_in_words),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
