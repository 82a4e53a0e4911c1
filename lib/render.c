/* SPDX-License-Identifier: MIT */
/*
 * render.c: the core the renderers share (cmark's render.c plays this
 * part for its formats): the one sentence of each change in Swedish and
 * English, and escaping. No byte from a document reaches the output
 * unescaped: control characters (C0, DEL, C1, and so ESC and CSI) and
 * the bidirectional overrides are shown as \xNN or \u{NNNN}, or as \u
 * escapes in JSON, whatever the format.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "render.h"
#include "swar.h"
#include "text.h"

/*
 * The end of the run from s[i] that is copied as it is: printable ASCII
 * (without '"' and '\\' for JSON) and the two-byte characters from
 * U+00A0 on, Latin-1's letters among them, which are never escaped. Any
 * other byte ends the run, and the caller looks at its character whole.
 */
/* Is a byte of x zero / below b (b <= 0x80) / equal to b? */
#define HAS_ZERO(x)     (((x) - ONES) & ~(x) & HIGHS)
#define HAS_BELOW(x, b) (((x) - ONES * (b)) & ~(x) & HIGHS)
#define HAS_BYTE(x, b)  HAS_ZERO((x) ^ (ONES * (b)))

static size_t plain_run(const char *str, size_t i, size_t len, int json)
{
	const unsigned char *s = (const unsigned char *)str;

	while (i < len) {
		unsigned char c;
		uint64_t x;

		/* eight printable ASCII bytes at a time */
		while (i + 8 <= len) {
			memcpy(&x, s + i, 8);
			if ((x & HIGHS) || HAS_BELOW(x, 0x20) || HAS_BYTE(x, 0x7f) ||
			    (json && (HAS_BYTE(x, '"') || HAS_BYTE(x, '\\'))))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		c = s[i];

		if (c >= 0x20 && c < 0x7f) {
			if (json && (c == '"' || c == '\\'))
				break;
			i++;
		} else if (c >= 0xc2 && c <= 0xdf && i + 1 < len &&
		           (s[i + 1] & 0xc0) == 0x80 &&
		           (c != 0xc2 || s[i + 1] >= 0xa0)) {
			i += 2;
		} else {
			break;
		}
	}
	return i;
}

void pd_render_escape_terminal(pd_buf *out, const char *s, size_t len)
{
	size_t i = 0, run;

	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n;

		/* a run that needs no escape is copied whole */
		if ((run = plain_run(s, i, len, 0)) > i) {
			pd_buf_put(out, s + i, run - i);
			i = run;
			continue;
		}
		n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                     (utf8proc_ssize_t)(len - i), &cp);

		if (n <= 0) {
			pd_buf_printf(out, "\\x%02x", (unsigned char)s[i]);
			i++;
			continue;
		}
		if (pd_text_is_control(cp) || cp == 0x2028 || cp == 0x2029 ||
		    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) {
			if (cp < 0x100)
				pd_buf_printf(out, "\\x%02x", (unsigned)cp);
			else
				pd_buf_printf(out, "\\u{%04x}", (unsigned)cp);
		} else {
			pd_buf_put(out, s + i, (size_t)n);
		}
		i += (size_t)n;
	}
}

void pd_render_escape_json(pd_buf *out, const char *s, size_t len)
{
	size_t i = 0, run;

	pd_buf_putc(out, '"');
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		utf8proc_int32_t cp;
		utf8proc_ssize_t n;

		/* a run that needs no escape is copied whole */
		if ((run = plain_run(s, i, len, 1)) > i) {
			pd_buf_put(out, s + i, run - i);
			i = run;
			continue;
		}
		switch (c) {
		case '"': pd_buf_puts(out, "\\\""); i++; continue;
		case '\\': pd_buf_puts(out, "\\\\"); i++; continue;
		case '\n': pd_buf_puts(out, "\\n"); i++; continue;
		case '\t': pd_buf_puts(out, "\\t"); i++; continue;
		case '\r': pd_buf_puts(out, "\\r"); i++; continue;
		default: break;
		}
		n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                     (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0) {
			pd_buf_puts(out, "\\ufffd");
			i++;
			continue;
		}
		if (pd_text_is_control(cp) || cp == 0x2028 || cp == 0x2029 ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			pd_buf_printf(out, "\\u%04x", (unsigned)cp);
		else
			pd_buf_put(out, s + i, (size_t)n);
		i += (size_t)n;
	}
	pd_buf_putc(out, '"');
}

void pd_render__put_raw(pd_buf *out, const char *s, size_t len)
{
	pd_buf_put(out, s, len);
}

void pd_render__put_markdown(pd_buf *out, const char *s, size_t len)
{
	pd_buf esc = PD_BUF_INIT;
	size_t i;

	pd_render_escape_terminal(&esc, s, len);
	for (i = 0; i < esc.size; i++) {
		char c = esc.ptr[i];

		if (strchr("\\`*_[]<>#|~!&", c) && c)
			pd_buf_putc(out, '\\');
		pd_buf_putc(out, c);
	}
	pd_buf_dispose(&esc);
}

/* ---- sentences ---- */

/*
 * Every phrase of the change sentences, Swedish and English side by side,
 * so that a translation is read and checked in one place. Each change is
 * one full sentence that says what happened, as a memo would ("Programmet
 * har fått mållåret 2035"), following the guidance for public
 * authorities' Swedish (klarspråk): a capital first letter, a final
 * period, numbers up to twelve in words. A phrase is a template: %a and
 * %b are the old and new names, quoted (”X” in Swedish, “X” in English);
 * %A and %B the old and new values as they are; %F the field (a
 * table's column) with a small first letter; %D and %E the old and
 * new dates in the language's words; %p and %q the old and new parents'
 * headings, quoted; %g the goal a value belongs to, quoted; %u the unit
 * after a value; %d the detail; %r and %R the new and old revision
 * cycles in words; %f the metadata field; %c, %t and %n the change's
 * count, total and the number of goal areas now, in words up to twelve.
 */
typedef enum phrase_id {
	P_NAME_GAINS_YEAR, P_NAME_CHANGED, P_TARGET_YEAR_NEW, P_TARGET_YEAR,
	P_PERIOD, P_REVISION, P_DECISION_NEW, P_DECISION, P_ADOPTED, P_FIELD,
	P_AREA_ADDED, P_AREA_REMOVED, P_AREA_RENAMED, P_AREA_MOVED_FROM_TO,
	P_AREA_MOVED,
	P_GOAL_ADDED, P_GOAL_REMOVED, P_GOAL_RENAMED, P_GOAL_MOVED_FROM_TO,
	P_GOAL_MOVED_WITHIN, P_GOAL_REWORDED, P_GOAL_CHANGED,
	P_GOAL_REWRITTEN,
	P_SECTION_ADDED, P_SECTION_REMOVED, P_SECTION_RENAMED,
	P_SECTION_MOVED_UNDER, P_SECTION_MOVED, P_AREA_TEXT_CHANGED,
	P_AREA_TEXT_REWRITTEN, P_SECTION_CHANGED, P_SECTION_REWRITTEN,
	P_TERM_RENAMED, P_THEME_NONE, P_THEME, P_THEME_BOTH_NONE,
	P_THEME_BOTH,
	P_TARGET_STRICTER, P_TARGET_LOOSER, P_TARGET_CHANGED,
	P_TARGET_STRICTER_IN, P_TARGET_LOOSER_IN, P_TARGET_CHANGED_IN,
	P_INDICATOR_ADDED, P_INDICATOR_ADDED_VALUES, P_INDICATOR_REMOVED,
	P_INDICATOR_CHANGED, P_TABLE_HEADER,
	P_PREAMBLE_CHANGED, P_PREAMBLE_REWRITTEN,
	P_AREA_SPLIT, P_AREA_MERGED, P_GOAL_SPLIT, P_GOAL_MERGED,
	P_TOP_GOAL_ADDED, P_TOP_GOAL_REMOVED, P_TOP_GOAL_RENAMED,
	P_TOP_GOAL_REWORDED, P_TOP_GOAL_CHANGED, P_TOP_GOAL_REWRITTEN,
	/* endings */
	P_PREVIOUSLY, P_PREVIOUSLY_DATE, P_PREVIOUSLY_REVISION,
	P_PREVIOUSLY_VALUE, P_PARTLY_CHANGED, P_TERM_SECTION_REWRITTEN,
	P_OPEN, P_AND, P_LAST_AND, P_CLOSE,
	P_ADDED_ONE, P_ADDED_MANY, P_REMOVED_ONE, P_REMOVED_MANY,
	P__COUNT
} phrase_id;

static const struct phrase {
	const char *sv, *en;
} phrases[P__COUNT] = {
	[P_NAME_GAINS_YEAR] = { "Namnet %a har kompletterats med mållåret "
	                        "och lyder nu %b",
	                        "The name %a has gained the target year "
	                        "and now reads %b" },
	[P_NAME_CHANGED] = { "Programmet har bytt namn från %a till %b",
	                     "The programme has been renamed from %a to %b" },
	[P_TARGET_YEAR_NEW] = { "Programmet har fått mållåret %B",
	                        "The programme now has the target year %B" },
	[P_TARGET_YEAR] = { "Mållåret har ändrats till %B",
	                    "The target year has been changed to %B" },
	[P_PERIOD] = { "Programmet gäller nu %B",
	               "The programme now covers %B" },
	[P_REVISION] = { "Programmet ska nu uppdateras %r",
	                 "The programme is now to be updated %r" },
	[P_DECISION_NEW] = { "Programmet har fått diarienumret %B",
	                     "The programme now has the decision reference "
	                     "%B" },
	[P_DECISION] = { "Diarienumret har ändrats till %B",
	                 "The decision reference has been changed to %B" },
	[P_ADOPTED] = { "Programmet antogs %E", "The programme was adopted %E" },
	[P_FIELD] = { "Uppgiften om %f har ändrats till %B",
	              "The %f has been changed to %B" },
	[P_AREA_ADDED] = { "Programmet har fått ett nytt målområde, %b",
	                   "The programme has a new goal area, %b" },
	[P_AREA_REMOVED] = { "Målområdet %a har tagits bort",
	                     "The goal area %a has been removed" },
	[P_AREA_RENAMED] = { "Målområdet %a har bytt namn till %b",
	                     "The goal area %a has been renamed %b" },
	[P_AREA_MOVED_FROM_TO] = { "Målområdet %b har flyttats från plats %c "
	                           "till plats %t",
	                           "The goal area %b has moved from position "
	                           "%c to position %t" },
	[P_AREA_MOVED] = { "Målområdet %b har flyttats",
	                   "The goal area %b has moved" },
	[P_GOAL_ADDED] = { "Ett nytt mål har lagts till under %q: %b",
	                   "A new goal has been added under %q: %b" },
	[P_GOAL_REMOVED] = { "Målet %a under %p har tagits bort",
	                     "The goal %a under %p has been removed" },
	[P_GOAL_RENAMED] = { "Målet %a under %q har bytt namn till %b",
	                     "The goal %a under %q has been renamed %b" },
	[P_GOAL_MOVED_FROM_TO] = { "Målet %b har flyttats från %p till %q",
	                           "The goal %b has moved from %p to %q" },
	[P_GOAL_MOVED_WITHIN] = { "Målet %b har flyttats inom %q",
	                          "The goal %b has moved within %q" },
	[P_GOAL_REWORDED] = { "Målet %a under %q lyder nu %b",
	                      "The goal %a under %q now reads %b" },
	[P_GOAL_CHANGED] = { "Målet %b under %q har ändrats",
	                     "The goal %b under %q has been changed" },
	[P_GOAL_REWRITTEN] = { "Målet %b under %q har delvis skrivits om",
	                       "The goal %b under %q has been partly "
	                       "rewritten" },
	[P_SECTION_ADDED] = { "Ett nytt avsnitt har lagts till: %b",
	                      "A new section has been added: %b" },
	[P_SECTION_REMOVED] = { "Avsnittet %a har tagits bort",
	                        "The section %a has been removed" },
	[P_SECTION_RENAMED] = { "Avsnittet %a har bytt namn till %b",
	                        "The section %a has been renamed %b" },
	[P_SECTION_MOVED_UNDER] = { "Avsnittet %b har flyttats och ligger nu "
	                            "under %q",
	                            "The section %b has moved and is now "
	                            "under %q" },
	[P_SECTION_MOVED] = { "Avsnittet %b har flyttats",
	                      "The section %b has moved" },
	[P_AREA_TEXT_CHANGED] = { "Texten i målområdet %b har ändrats",
	                          "The text of the goal area %b has been "
	                          "changed" },
	[P_AREA_TEXT_REWRITTEN] = { "Texten i målområdet %b har delvis "
	                            "skrivits om",
	                            "The text of the goal area %b has been "
	                            "partly rewritten" },
	[P_SECTION_CHANGED] = { "Avsnittet %b har ändrats",
	                        "The section %b has been changed" },
	[P_SECTION_REWRITTEN] = { "Avsnittet %b har delvis skrivits om",
	                          "The section %b has been partly rewritten" },
	[P_TERM_RENAMED] = { "Namnet %a har bytts ut mot %b i hela texten "
	                     "(%c ställen)",
	                     "The name %a has been replaced by %b throughout "
	                     "the text (%c places)" },
	[P_THEME_NONE] = { "Temat %b finns nu med i alla %n målområden, "
	                   "tidigare i inget av %t",
	                   "The theme %b now runs through all %n goal areas, "
	                   "previously through none of %t" },
	[P_THEME] = { "Temat %b finns nu med i alla %n målområden, "
	              "tidigare i %c av %t",
	              "The theme %b now runs through all %n goal areas, "
	              "previously through %c of %t" },
	[P_THEME_BOTH_NONE] = { "Temat %b finns nu med i båda målområdena, "
	                        "tidigare i inget av %t",
	                        "The theme %b now runs through both goal "
	                        "areas, previously through none of %t" },
	[P_THEME_BOTH] = { "Temat %b finns nu med i båda målområdena, "
	                   "tidigare i %c av %t",
	                   "The theme %b now runs through both goal areas, "
	                   "previously through %c of %t" },
	[P_TARGET_STRICTER] = { "Målet %g skärps: %d (tidigare %A%u)",
	                        "The goal %g becomes more ambitious: %d "
	                        "(previously %A%u)" },
	[P_TARGET_LOOSER] = { "Målet %g sänks: %d (tidigare %A%u)",
	                      "The goal %g becomes less ambitious: %d "
	                      "(previously %A%u)" },
	[P_TARGET_CHANGED] = { "Målet %g ändras: %d (tidigare %A%u)",
	                       "The goal %g is changed: %d (previously %A%u)" },
	[P_TARGET_STRICTER_IN] = { "Ett mål i %g skärps: %d (tidigare %A%u)",
	                           "A target in %g becomes more ambitious: "
	                           "%d (previously %A%u)" },
	[P_TARGET_LOOSER_IN] = { "Ett mål i %g sänks: %d (tidigare %A%u)",
	                         "A target in %g becomes less ambitious: "
	                         "%d (previously %A%u)" },
	[P_TARGET_CHANGED_IN] = { "Ett mål i %g ändras: %d (tidigare %A%u)",
	                          "A target in %g is changed: %d (previously "
	                          "%A%u)" },
	[P_INDICATOR_ADDED] = { "Programmet har fått en ny indikator, %b",
	                        "The programme has a new indicator, %b" },
	[P_INDICATOR_ADDED_VALUES] = { "Programmet har fått en ny indikator, "
	                               "%b, med %d",
	                               "The programme has a new indicator, "
	                               "%b, with %d" },
	[P_INDICATOR_REMOVED] = { "Indikatorn %a har tagits bort",
	                          "The indicator %a has been removed" },
	[P_INDICATOR_CHANGED] = { "För indikatorn %g är %F nu %B (tidigare "
	                          "%A)",
	                          "For the indicator %g, %F is now %B "
	                          "(previously %A)" },
	[P_TABLE_HEADER] = { "Indikatortabellens kolumner har ändrats från "
	                     "%a till %b",
	                     "The columns of the indicator table have been "
	                     "changed from %a to %b" },
	[P_PREAMBLE_CHANGED] = { "Inledningen har ändrats",
	                         "The introduction has been changed" },
	[P_PREAMBLE_REWRITTEN] = { "Inledningen har delvis skrivits om",
	                           "The introduction has been partly "
	                           "rewritten" },
	[P_AREA_SPLIT] = { "Målområdet %a delas i %L",
	                   "The goal area %a is split into %L" },
	[P_AREA_MERGED] = { "Målområdena %L slås samman till %b",
	                    "The goal areas %L are merged into %b" },
	[P_GOAL_SPLIT] = { "Målet %a under %p delas i %L",
	                   "The goal %a under %p is split into %L" },
	[P_GOAL_MERGED] = { "Målen %L under %p slås samman till %b",
	                    "The goals %L under %p are merged into %b" },
	/* goals directly under the title ("Goal 1: …"): no parent to name */
	[P_TOP_GOAL_ADDED] = { "Ett nytt mål har lagts till: %b",
	                       "A new goal has been added: %b" },
	[P_TOP_GOAL_REMOVED] = { "Målet %a har tagits bort",
	                         "The goal %a has been removed" },
	[P_TOP_GOAL_RENAMED] = { "Målet %a har bytt namn till %b",
	                         "The goal %a has been renamed %b" },
	[P_TOP_GOAL_REWORDED] = { "Målet %a lyder nu %b",
	                          "The goal %a now reads %b" },
	[P_TOP_GOAL_CHANGED] = { "Målet %b har ändrats",
	                         "The goal %b has been changed" },
	[P_TOP_GOAL_REWRITTEN] = { "Målet %b har delvis skrivits om",
	                           "The goal %b has been partly rewritten" },
	[P_PREVIOUSLY] = { " (tidigare %A)", " (previously %A)" },
	[P_PREVIOUSLY_DATE] = { " (den tidigare versionen %D)",
	                        " (the previous version %D)" },
	[P_PREVIOUSLY_REVISION] = { " (tidigare %R)", " (previously %R)" },
	[P_PREVIOUSLY_VALUE] = { " (tidigare %A)", " (previously %A)" },
	[P_PARTLY_CHANGED] = { ", och innehållet har delvis ändrats",
	                       ", and its content has partly changed" },
	[P_TERM_SECTION_REWRITTEN] = { ", och avsnittet om %B har delvis "
	                               "skrivits om",
	                               ", and the section on %B has been "
	                               "partly rewritten" },
	[P_OPEN] = { " (", " (" },
	[P_AND] = { ", ", ", " },
	[P_LAST_AND] = { " och ", " and " },
	[P_CLOSE] = { ")", ")" },
	[P_ADDED_ONE] = { "%c ord tillagt", "%c word added" },
	[P_ADDED_MANY] = { "%c ord tillagda", "%c words added" },
	[P_REMOVED_ONE] = { "%t ord borttaget", "%t word removed" },
	[P_REMOVED_MANY] = { "%t ord borttagna", "%t words removed" }
};

typedef struct sentence {
	pd_buf *out;
	pd_lang lang;
	pd_render_put_fn put;
	const pd_changes *changes;   /* may be NULL */
	const pd_change *ch;
	const char *pa, *pb;     /* parents' headings, or NULL */
	size_t areas_now;
	int digits;              /* counts as digits (the word counts) */
} sentence;

void pd_render__number(pd_buf *out, unsigned long n, pd_lang lang)
{
	static const char *const sv[] = {
		"noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju",
		"åtta", "nio", "tio", "elva", "tolv"
	};
	static const char *const en[] = {
		"zero", "one", "two", "three", "four", "five", "six", "seven",
		"eight", "nine", "ten", "eleven", "twelve"
	};

	if (n <= 12)
		pd_buf_puts(out, lang == PD_LANG_EN ? en[n] : sv[n]);
	else
		pd_buf_printf(out, "%lu", n);
}

static const char *const months_sv[] = {
	"januari", "februari", "mars", "april", "maj", "juni", "juli",
	"augusti", "september", "oktober", "november", "december"
};
static const char *const months_en[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

void pd_render__date(pd_buf *out, const char *date, pd_lang lang,
                     pd_render_put_fn put)
{
	int y, m, d;
	char tail;

	/* "2021-05-03" as "den 3 maj 2021" / "on 3 May 2021" */
	if (date && sscanf(date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
	    strlen(date) == 10 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
		if (lang == PD_LANG_EN)
			pd_buf_printf(out, "on %d %s %d", d, months_en[m - 1], y);
		else
			pd_buf_printf(out, "den %d %s %d", d, months_sv[m - 1], y);
		return;
	}
	if (!date)
		date = "?";
	put(out, date, strlen(date));
}

static void quoted(sentence *s, const char *text)
{
	if (!text)
		text = "";
	pd_buf_puts(s->out, s->lang == PD_LANG_EN ? "\xe2\x80\x9c" : "\xe2\x80\x9d");
	s->put(s->out, text, strlen(text));
	pd_buf_puts(s->out, "\xe2\x80\x9d");
}

static void plain(sentence *s, const char *text)
{
	if (!text)
		text = "?";
	s->put(s->out, text, strlen(text));
}

static void count(sentence *s, unsigned long n)
{
	if (s->digits)
		pd_buf_printf(s->out, "%lu", n);
	else
		pd_render__number(s->out, n, s->lang);
}

static void revision_words(sentence *s, const char *rev)
{
	int en = s->lang == PD_LANG_EN;

	if (!rev)
		pd_buf_puts(s->out, en ? "unknown" : "okänt");
	else if (!strcmp(rev, "mandate-period"))
		pd_buf_puts(s->out, en ? "every mandate period" : "varje mandatperiod");
	else if (!strcmp(rev, "annual"))
		pd_buf_puts(s->out, en ? "every year" : "årligen");
	else if (!strcmp(rev, "until-further-notice"))
		pd_buf_puts(s->out, en ? "until further notice" : "tills vidare");
	else
		plain(s, rev);
}

/* The metadata field in the language's words. */
static void field_words(sentence *s, const char *field)
{
	static const struct {
		const char *field, *sv, *en;
	} names[] = {
		{ "replaces", "vad programmet ersätter", "version it replaces" },
		{ "language", "språk", "language" },
		{ "adopted", "antagandedatum", "date of adoption" },
		{ "decision", "diarienummer", "decision reference" },
		{ NULL, NULL, NULL }
	};
	size_t i;

	for (i = 0; field && names[i].field; i++)
		if (!strcmp(field, names[i].field)) {
			pd_buf_puts(s->out, s->lang == PD_LANG_EN ? names[i].en :
			            names[i].sv);
			return;
		}
	plain(s, field);
}

/* A sentence part from the document whose first letter is not shouted:
 * "Andelen ska öka" inside a sentence reads "andelen ska öka". */
static void lowered(sentence *s, const char *text)
{
	size_t len;

	if (!text)
		text = "";
	len = strlen(text);
	while (len && (text[len - 1] == '.' || text[len - 1] == ' '))
		len--;
	if (len >= 2 && text[0] >= 'A' && text[0] <= 'Z' &&
	    !(text[1] >= 'A' && text[1] <= 'Z')) {
		char c = (char)(text[0] + 32);

		s->put(s->out, &c, 1);
		s->put(s->out, text + 1, len - 1);
	} else {
		s->put(s->out, text, len);
	}
}

static void say(sentence *s, phrase_id id);

/* a split's new parts or a merge's old ones: "”A”, ”B” och ”C”" */
static void parts(sentence *s)
{
	const pd_change *ch = s->ch;
	pd_buf tmp = PD_BUF_INIT;
	size_t i;

	for (i = 0; i < ch->nparts; i++) {
		if (i && i + 1 == ch->nparts)
			say(s, P_LAST_AND);
		else if (i)
			say(s, P_AND);
		quoted(s, pd_changes__display(&tmp, s->changes, ch->parts[i]));
	}
	pd_buf_dispose(&tmp);
}

static void say(sentence *s, phrase_id id)
{
	const char *t = s->lang == PD_LANG_EN ? phrases[id].en : phrases[id].sv;
	const pd_change *ch = s->ch;

	for (; *t; t++) {
		if (*t != '%') {
			pd_buf_putc(s->out, *t);
			continue;
		}
		switch (*++t) {
		case 'a': quoted(s, ch->old_value); break;
		case 'b': quoted(s, ch->new_value); break;
		case 'A': plain(s, ch->old_value); break;
		case 'B': plain(s, ch->new_value); break;
		case 'D': pd_render__date(s->out, ch->old_value, s->lang, s->put);
			break;
		case 'E': pd_render__date(s->out, ch->new_value, s->lang, s->put);
			break;
		case 'g': quoted(s, ch->goal); break;
		case 'd': lowered(s, ch->detail); break;
		case 'u':
			if (ch->unit) {
				if (strcmp(ch->unit, "%"))
					pd_buf_putc(s->out, ' ');
				else
					pd_buf_puts(s->out, "\xc2\xa0");
				plain(s, ch->unit);
			}
			break;
		case 'p': quoted(s, s->pa); break;
		case 'q': quoted(s, s->pb); break;
		case 'r': revision_words(s, ch->new_value); break;
		case 'R': revision_words(s, ch->old_value); break;
		case 'f': field_words(s, ch->field); break;
		case 'F': lowered(s, ch->field); break;
		case 'c': count(s, ch->count); break;
		case 't': count(s, ch->total); break;
		case 'n': count(s, (unsigned long)s->areas_now); break;
		case 'L': parts(s); break;
		default: pd_buf_putc(s->out, *t); break;
		}
	}
}

/* the parent's heading as sentences name it, kept in `tmp` */
static const char *parent_heading(pd_buf *tmp, const pd_changes *changes,
                                  const pd_section *sec)
{
	if (!sec || !sec->parent)
		return NULL;
	return pd_changes__display(tmp, changes, sec->parent);
}

static int field_is(const pd_change *ch, const char *field)
{
	return ch->field && !strcmp(ch->field, field);
}

/* Which phrase says a change (endings are added by the caller). */
static phrase_id phrase_of(const sentence *s)
{
	const pd_change *ch = s->ch;
	const pd_section *a = ch->old_section, *b = ch->new_section;
	int rewritten = (ch->flags & PD_CHANGE_REWRITTEN) != 0;

	switch (ch->kind) {
	case PD_CHANGE_NAME_CHANGED:
		return ch->flags & PD_CHANGE_GAINS_TARGET_YEAR ?
		       P_NAME_GAINS_YEAR : P_NAME_CHANGED;
	case PD_CHANGE_TARGET_YEAR_CHANGED:
		return ch->old_value ? P_TARGET_YEAR : P_TARGET_YEAR_NEW;
	case PD_CHANGE_PERIOD_CHANGED: return P_PERIOD;
	case PD_CHANGE_METADATA_CHANGED:
		return field_is(ch, "revision") ? P_REVISION :
		       field_is(ch, "decision") ?
		       (ch->old_value ? P_DECISION : P_DECISION_NEW) :
		       field_is(ch, "adopted") ? P_ADOPTED : P_FIELD;
	case PD_CHANGE_AREA_ADDED: return P_AREA_ADDED;
	case PD_CHANGE_AREA_REMOVED: return P_AREA_REMOVED;
	case PD_CHANGE_AREA_RENAMED: return P_AREA_RENAMED;
	case PD_CHANGE_AREA_MOVED:
		return ch->count && ch->total ? P_AREA_MOVED_FROM_TO : P_AREA_MOVED;
	case PD_CHANGE_GOAL_ADDED: return P_GOAL_ADDED;
	case PD_CHANGE_GOAL_REMOVED: return P_GOAL_REMOVED;
	case PD_CHANGE_GOAL_RENAMED:
		/* a goal that is a list item: its text is its name */
		return a && b && a->synthetic && b->synthetic ?
		       P_GOAL_REWORDED : P_GOAL_RENAMED;
	case PD_CHANGE_GOAL_MOVED:
		return s->pa && s->pb && strcmp(a->parent->key, b->parent->key) ?
		       P_GOAL_MOVED_FROM_TO : P_GOAL_MOVED_WITHIN;
	case PD_CHANGE_GOAL_CHANGED:
		/* a goal that is a bullet item: its text is its name */
		return a && b && a->synthetic && b->synthetic &&
		       ch->old_value && ch->new_value &&
		       strcmp(ch->old_value, ch->new_value) ? P_GOAL_REWORDED :
		       rewritten ? P_GOAL_REWRITTEN : P_GOAL_CHANGED;
	case PD_CHANGE_SECTION_ADDED: return P_SECTION_ADDED;
	case PD_CHANGE_SECTION_REMOVED: return P_SECTION_REMOVED;
	case PD_CHANGE_SECTION_RENAMED: return P_SECTION_RENAMED;
	case PD_CHANGE_SECTION_MOVED:
		return s->pb && s->pb[0] ? P_SECTION_MOVED_UNDER : P_SECTION_MOVED;
	case PD_CHANGE_SECTION_CHANGED:
		if (b && b->kind == PD_KIND_AREA)
			return rewritten ? P_AREA_TEXT_REWRITTEN :
			       P_AREA_TEXT_CHANGED;
		return rewritten ? P_SECTION_REWRITTEN : P_SECTION_CHANGED;
	case PD_CHANGE_TERM_RENAMED: return P_TERM_RENAMED;
	case PD_CHANGE_THEME_EVERYWHERE:
		if (s->areas_now == 2)
			return ch->count ? P_THEME_BOTH : P_THEME_BOTH_NONE;
		return ch->count ? P_THEME : P_THEME_NONE;
	case PD_CHANGE_TARGET_CHANGED:
		/* a goal by its name; a bullet goal or other text by where */
		if (b && b->kind == PD_KIND_GOAL && !b->synthetic)
			return ch->flags & PD_CHANGE_STRICTER ? P_TARGET_STRICTER :
			       ch->flags & PD_CHANGE_LOOSER ? P_TARGET_LOOSER :
			       P_TARGET_CHANGED;
		return ch->flags & PD_CHANGE_STRICTER ? P_TARGET_STRICTER_IN :
		       ch->flags & PD_CHANGE_LOOSER ? P_TARGET_LOOSER_IN :
		       P_TARGET_CHANGED_IN;
	case PD_CHANGE_INDICATOR_ADDED:
		return ch->detail && *ch->detail ? P_INDICATOR_ADDED_VALUES :
		       P_INDICATOR_ADDED;
	case PD_CHANGE_INDICATOR_REMOVED: return P_INDICATOR_REMOVED;
	case PD_CHANGE_INDICATOR_CHANGED: return P_INDICATOR_CHANGED;
	case PD_CHANGE_TABLE_HEADER_CHANGED: return P_TABLE_HEADER;
	case PD_CHANGE_PREAMBLE_CHANGED:
		return rewritten ? P_PREAMBLE_REWRITTEN : P_PREAMBLE_CHANGED;
	case PD_CHANGE_AREA_SPLIT: return P_AREA_SPLIT;
	case PD_CHANGE_AREA_MERGED: return P_AREA_MERGED;
	case PD_CHANGE_GOAL_SPLIT: return P_GOAL_SPLIT;
	case PD_CHANGE_GOAL_MERGED: return P_GOAL_MERGED;
	default: return P__COUNT;
	}
}

/* The phrase for a goal that stands directly under the title. */
static phrase_id at_top(const sentence *s, phrase_id id)
{
	const pd_section *g = s->ch->new_section ? s->ch->new_section :
	                      s->ch->old_section;

	if (!g || !g->parent || g->parent->parent)
		return id;
	switch (id) {
	case P_GOAL_ADDED: return P_TOP_GOAL_ADDED;
	case P_GOAL_REMOVED: return P_TOP_GOAL_REMOVED;
	case P_GOAL_RENAMED: return P_TOP_GOAL_RENAMED;
	case P_GOAL_REWORDED: return P_TOP_GOAL_REWORDED;
	case P_GOAL_CHANGED: return P_TOP_GOAL_CHANGED;
	case P_GOAL_REWRITTEN: return P_TOP_GOAL_REWRITTEN;
	default: return id;
	}
}

void pd_render__sentence(pd_buf *out, const pd_changes *changes,
                         const pd_change *ch, pd_lang lang,
                         pd_render_put_fn put)
{
	sentence s;
	pd_buf tmp_a = PD_BUF_INIT, tmp_b = PD_BUF_INIT;
	phrase_id id;
	size_t start = out->size;
	char last;

	s.out = out;
	s.lang = lang == PD_LANG_EN ? PD_LANG_EN : PD_LANG_SV;
	s.put = put;
	s.changes = changes;
	s.ch = ch;
	s.pa = parent_heading(&tmp_a, changes, ch->old_section);
	s.pb = parent_heading(&tmp_b, changes, ch->new_section);
	s.areas_now = changes ? changes->new_doc->areas.size : 0;
	s.digits = 0;
	id = at_top(&s, phrase_of(&s));
	if (id == P__COUNT) {
		plain(&s, pd_change_kind_name(ch->kind));
	} else {
		say(&s, id);
		switch (id) {
		case P_TARGET_YEAR: case P_PERIOD: case P_DECISION:
		case P_FIELD:
			if (ch->old_value)
				say(&s, P_PREVIOUSLY);
			else if (id == P_PERIOD &&
			         (ch->flags & PD_CHANGE_WAS_OPEN_ENDED))
				pd_buf_puts(out, s.lang == PD_LANG_EN ?
				            " (previously until further notice)" :
				            " (tidigare tills vidare)");
			break;
		case P_ADOPTED:
			if (ch->old_value)
				say(&s, P_PREVIOUSLY_DATE);
			break;
		case P_REVISION:
			if (ch->old_value)
				say(&s, P_PREVIOUSLY_REVISION);
			break;
		case P_AREA_RENAMED: case P_SECTION_RENAMED:
		case P_AREA_MOVED: case P_AREA_MOVED_FROM_TO:
		case P_GOAL_MOVED_FROM_TO: case P_GOAL_MOVED_WITHIN:
		case P_SECTION_MOVED: case P_SECTION_MOVED_UNDER:
			/* renamed or moved elsewhere, and changed too */
			if (ch->flags & PD_CHANGE_BODY_CHANGED)
				say(&s, P_PARTLY_CHANGED);
			break;
		case P_TERM_RENAMED:
			if ((ch->flags & PD_CHANGE_WITH_SECTION) &&
			    (ch->flags & PD_CHANGE_BODY_CHANGED))
				say(&s, P_TERM_SECTION_REWRITTEN);
			break;
		default:
			break;
		}
	}
	/* a sentence ends with a period, or with a quoted one's */
	last = out->size > start ? out->ptr[out->size - 1] : '.';
	if (out->size >= start + 4 &&
	    !memcmp(out->ptr + out->size - 3, "\xe2\x80\x9d", 3))
		last = out->ptr[out->size - 4];
	if (last != '.' && last != '!' && last != '?')
		pd_buf_putc(out, '.');
	pd_buf_dispose(&tmp_a);
	pd_buf_dispose(&tmp_b);
}

void pd_render__word_counts(pd_buf *out, const pd_change *ch, pd_lang lang)
{
	sentence s;

	if ((ch->kind != PD_CHANGE_GOAL_CHANGED &&
	     ch->kind != PD_CHANGE_SECTION_CHANGED &&
	     ch->kind != PD_CHANGE_PREAMBLE_CHANGED) ||
	    (!ch->count && !ch->total))
		return;
	s.out = out;
	s.lang = lang == PD_LANG_EN ? PD_LANG_EN : PD_LANG_SV;
	s.put = pd_render__put_raw;
	s.changes = NULL;
	s.ch = ch;
	s.pa = s.pb = NULL;
	s.areas_now = 0;
	s.digits = 1;
	say(&s, P_OPEN);
	if (ch->count)
		say(&s, ch->count == 1 ? P_ADDED_ONE : P_ADDED_MANY);
	if (ch->count && ch->total)
		say(&s, P_AND);
	if (ch->total)
		say(&s, ch->total == 1 ? P_REMOVED_ONE : P_REMOVED_MANY);
	say(&s, P_CLOSE);
}

int pd_render_sentence(pd_buf *out, const pd_changes *changes,
                       const pd_change *change, pd_lang lang)
{
	pd_render__sentence(out, changes, change, lang,
	                    pd_render_escape_terminal);
	return 0;
}

void pd_render_number(pd_buf *out, unsigned long n, pd_lang lang)
{
	pd_render__number(out, n, lang);
}

void pd_render_date(pd_buf *out, const char *date, pd_lang lang)
{
	pd_render__date(out, date, lang, pd_render_escape_terminal);
}

int pd_render__is_table_change(const pd_change *ch)
{
	return ch->kind == PD_CHANGE_INDICATOR_ADDED ||
	       ch->kind == PD_CHANGE_INDICATOR_REMOVED ||
	       ch->kind == PD_CHANGE_INDICATOR_CHANGED ||
	       ch->kind == PD_CHANGE_TABLE_HEADER_CHANGED;
}

void pd_render__count(pd_buf *out, size_t n, pd_lang lang)
{
	if (lang == PD_LANG_EN)
		pd_buf_printf(out, "%zu change%s", n, n == 1 ? "" : "s");
	else
		pd_buf_printf(out, "%zu förändring%s", n, n == 1 ? "" : "ar");
}
