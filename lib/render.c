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
 * so that a translation is read and checked in one place. A phrase is a
 * template: %a and %b are the old and new names, quoted (”X” in Swedish,
 * “X” in English); %A and %B the old and new values as they are; %p and
 * %q the old and new parents' headings, quoted; %r and %R the new and old
 * revision cycles in words; %f the metadata field; %c, %t and %n the
 * change's count, total and the number of goal areas now.
 */
typedef enum phrase_id {
	P_NAME_GAINS_YEAR, P_NAME_CHANGED, P_TARGET_YEAR, P_PERIOD,
	P_REVISION, P_DECISION, P_ADOPTED, P_FIELD,
	P_AREA_ADDED, P_AREA_REMOVED, P_AREA_RENAMED, P_AREA_MOVED_FROM_TO,
	P_AREA_MOVED,
	P_GOAL_ADDED, P_GOAL_REMOVED, P_GOAL_RENAMED, P_GOAL_MOVED_FROM_TO,
	P_GOAL_MOVED_WITHIN, P_GOAL_REWORDED, P_GOAL_CHANGED,
	P_SECTION_ADDED, P_SECTION_REMOVED, P_SECTION_RENAMED,
	P_SECTION_MOVED_UNDER, P_SECTION_MOVED, P_AREA_TEXT_CHANGED,
	P_SECTION_CHANGED,
	P_TERM_RENAMED, P_THEME,
	/* endings */
	P_PREVIOUSLY, P_PREVIOUSLY_REVISION, P_PARTLY_CHANGED,
	P_TERM_SECTION_REWRITTEN, P_OPEN, P_AND, P_CLOSE,
	P_ADDED_ONE, P_ADDED_MANY, P_REMOVED_ONE, P_REMOVED_MANY,
	P__COUNT
} phrase_id;

static const struct phrase {
	const char *sv, *en;
} phrases[P__COUNT] = {
	[P_NAME_GAINS_YEAR] = { "Namnet %a kompletteras med mållåret: %b",
	                        "The name %a gains the target year: %b" },
	[P_NAME_CHANGED] = { "Programmet byter namn från %a till %b",
	                     "The programme is renamed from %a to %b" },
	[P_TARGET_YEAR] = { "Mållåret är %B", "The target year is %B" },
	[P_PERIOD] = { "Programmet gäller %B", "The programme is valid %B" },
	[P_REVISION] = { "Programmet uppdateras %r",
	                 "The programme is updated %r" },
	[P_DECISION] = { "Beslutsreferensen är %B",
	                 "The decision reference is %B" },
	[P_ADOPTED] = { "Antagen %B", "Adopted %B" },
	[P_FIELD] = { "Uppgiften %f är %B", "The field %f is %B" },
	[P_AREA_ADDED] = { "Nytt målområde: %B", "New goal area: %B" },
	[P_AREA_REMOVED] = { "Målområdet %a utgår", "Goal area %a is removed" },
	[P_AREA_RENAMED] = { "Målområdet %a heter nu %b",
	                     "Goal area %a is renamed %b" },
	[P_AREA_MOVED_FROM_TO] = { "Målområdet %b flyttas från plats %c till "
	                           "plats %t",
	                           "Goal area %b moves from position %c to %t" },
	[P_AREA_MOVED] = { "Målområdet %b har flyttats",
	                   "Goal area %b has moved" },
	[P_GOAL_ADDED] = { "Nytt mål under %q: %b", "New goal under %q: %b" },
	[P_GOAL_REMOVED] = { "Målet %a under %p utgår",
	                     "Goal %a under %p is removed" },
	[P_GOAL_RENAMED] = { "Målet %a under %q heter nu %b",
	                     "Goal %a under %q is renamed %b" },
	[P_GOAL_MOVED_FROM_TO] = { "Målet %b flyttas från %p till %q",
	                           "Goal %b moves from %p to %q" },
	[P_GOAL_MOVED_WITHIN] = { "Målet %b flyttas inom %q",
	                          "Goal %b moves within %q" },
	[P_GOAL_REWORDED] = { "Målet %a under %q lyder nu %b",
	                      "Goal %a under %q now reads %b" },
	[P_GOAL_CHANGED] = { "Målet %b under %q har ändrats",
	                     "Goal %b under %q is changed" },
	[P_SECTION_ADDED] = { "Nytt avsnitt: %b", "New section: %b" },
	[P_SECTION_REMOVED] = { "Avsnittet %a utgår", "Section %a is removed" },
	[P_SECTION_RENAMED] = { "Avsnittet %a heter nu %b",
	                        "Section %a is renamed %b" },
	[P_SECTION_MOVED_UNDER] = { "Avsnittet %b har flyttats, nu under %q",
	                            "Section %b has moved, now under %q" },
	[P_SECTION_MOVED] = { "Avsnittet %b har flyttats",
	                      "Section %b has moved" },
	[P_AREA_TEXT_CHANGED] = { "Texten i målområdet %b har ändrats",
	                          "The text of goal area %b is changed" },
	[P_SECTION_CHANGED] = { "Avsnittet %b har ändrats",
	                        "Section %b is changed" },
	[P_TERM_RENAMED] = { "%a byter namn till %b i hela texten (%c ställen)",
	                     "%a is renamed %b throughout (%c places)" },
	[P_THEME] = { "%b finns nu med i alla %n målområden (tidigare i %c av %t)",
	              "%b now runs through all %n goal areas (before: %c of %t)" },
	[P_PREVIOUSLY] = { " (tidigare %A)", " (previously %A)" },
	[P_PREVIOUSLY_REVISION] = { " (tidigare %R)", " (previously %R)" },
	[P_PARTLY_CHANGED] = { ", med delvis ändrat innehåll",
	                       ", with partly changed content" },
	[P_TERM_SECTION_REWRITTEN] = { "; avsnittet om det har också delvis "
	                               "nytt innehåll",
	                               "; its section is partly rewritten too" },
	[P_OPEN] = { " (", " (" },
	[P_AND] = { ", ", ", " },
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
	const pd_change *ch;
	const char *pa, *pb;     /* parents' headings, or NULL */
	size_t areas_now;
} sentence;

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

static void revision_words(sentence *s, const char *rev)
{
	int en = s->lang == PD_LANG_EN;

	if (!rev)
		pd_buf_puts(s->out, en ? "unknown" : "okänt");
	else if (!strcmp(rev, "mandate-period"))
		pd_buf_puts(s->out, en ? "every mandate period" : "varje mandatperiod");
	else if (!strcmp(rev, "annual"))
		pd_buf_puts(s->out, en ? "every year" : "årligen");
	else
		plain(s, rev);
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
		case 'p': quoted(s, s->pa); break;
		case 'q': quoted(s, s->pb); break;
		case 'r': revision_words(s, ch->new_value); break;
		case 'R': revision_words(s, ch->old_value); break;
		case 'f': plain(s, ch->field); break;
		case 'c': pd_buf_printf(s->out, "%u", ch->count); break;
		case 't': pd_buf_printf(s->out, "%u", ch->total); break;
		case 'n': pd_buf_printf(s->out, "%zu", s->areas_now); break;
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

	switch (ch->kind) {
	case PD_CHANGE_NAME_CHANGED:
		return ch->flags & PD_CHANGE_GAINS_TARGET_YEAR ?
		       P_NAME_GAINS_YEAR : P_NAME_CHANGED;
	case PD_CHANGE_TARGET_YEAR_CHANGED: return P_TARGET_YEAR;
	case PD_CHANGE_PERIOD_CHANGED: return P_PERIOD;
	case PD_CHANGE_METADATA_CHANGED:
		return field_is(ch, "revision") ? P_REVISION :
		       field_is(ch, "decision") ? P_DECISION :
		       field_is(ch, "adopted") ? P_ADOPTED : P_FIELD;
	case PD_CHANGE_AREA_ADDED: return P_AREA_ADDED;
	case PD_CHANGE_AREA_REMOVED: return P_AREA_REMOVED;
	case PD_CHANGE_AREA_RENAMED: return P_AREA_RENAMED;
	case PD_CHANGE_AREA_MOVED:
		return ch->count && ch->total ? P_AREA_MOVED_FROM_TO : P_AREA_MOVED;
	case PD_CHANGE_GOAL_ADDED: return P_GOAL_ADDED;
	case PD_CHANGE_GOAL_REMOVED: return P_GOAL_REMOVED;
	case PD_CHANGE_GOAL_RENAMED: return P_GOAL_RENAMED;
	case PD_CHANGE_GOAL_MOVED:
		return s->pa && s->pb && strcmp(a->parent->key, b->parent->key) ?
		       P_GOAL_MOVED_FROM_TO : P_GOAL_MOVED_WITHIN;
	case PD_CHANGE_GOAL_CHANGED:
		/* a goal that is a bullet item: its text is its name */
		return a && b && a->synthetic && b->synthetic &&
		       ch->old_value && ch->new_value &&
		       strcmp(ch->old_value, ch->new_value) ?
		       P_GOAL_REWORDED : P_GOAL_CHANGED;
	case PD_CHANGE_SECTION_ADDED: return P_SECTION_ADDED;
	case PD_CHANGE_SECTION_REMOVED: return P_SECTION_REMOVED;
	case PD_CHANGE_SECTION_RENAMED: return P_SECTION_RENAMED;
	case PD_CHANGE_SECTION_MOVED:
		return s->pb && s->pb[0] ? P_SECTION_MOVED_UNDER : P_SECTION_MOVED;
	case PD_CHANGE_SECTION_CHANGED:
		return b && b->kind == PD_KIND_AREA ? P_AREA_TEXT_CHANGED :
		       P_SECTION_CHANGED;
	case PD_CHANGE_TERM_RENAMED: return P_TERM_RENAMED;
	case PD_CHANGE_THEME_EVERYWHERE: return P_THEME;
	default: return P__COUNT;
	}
}

void pd_render__sentence(pd_buf *out, const pd_changes *changes,
                         const pd_change *ch, pd_lang lang,
                         pd_render_put_fn put)
{
	sentence s;
	pd_buf tmp_a = PD_BUF_INIT, tmp_b = PD_BUF_INIT;
	phrase_id id;

	s.out = out;
	s.lang = lang == PD_LANG_EN ? PD_LANG_EN : PD_LANG_SV;
	s.put = put;
	s.ch = ch;
	s.pa = parent_heading(&tmp_a, changes, ch->old_section);
	s.pb = parent_heading(&tmp_b, changes, ch->new_section);
	s.areas_now = changes ? changes->new_doc->areas.size : 0;
	id = phrase_of(&s);
	if (id == P__COUNT) {
		plain(&s, pd_change_kind_name(ch->kind));
	} else {
		say(&s, id);
		switch (id) {
		case P_TARGET_YEAR: case P_PERIOD: case P_DECISION:
		case P_ADOPTED: case P_FIELD:
			if (ch->old_value)
				say(&s, P_PREVIOUSLY);
			break;
		case P_REVISION:
			if (ch->old_value)
				say(&s, P_PREVIOUSLY_REVISION);
			break;
		case P_AREA_RENAMED: case P_SECTION_RENAMED:
			if (ch->flags & PD_CHANGE_BODY_CHANGED)
				say(&s, P_PARTLY_CHANGED);
			break;
		case P_TERM_RENAMED:
			if ((ch->flags & PD_CHANGE_WITH_SECTION) &&
			    (ch->flags & PD_CHANGE_BODY_CHANGED))
				say(&s, P_TERM_SECTION_REWRITTEN);
			break;
		case P_GOAL_CHANGED: case P_AREA_TEXT_CHANGED:
		case P_SECTION_CHANGED:
			/* how much: "(41 ord tillagda, 1 ord borttaget)" */
			if (!ch->count && !ch->total)
				break;
			say(&s, P_OPEN);
			if (ch->count)
				say(&s, ch->count == 1 ? P_ADDED_ONE : P_ADDED_MANY);
			if (ch->count && ch->total)
				say(&s, P_AND);
			if (ch->total)
				say(&s, ch->total == 1 ? P_REMOVED_ONE : P_REMOVED_MANY);
			say(&s, P_CLOSE);
			break;
		default:
			break;
		}
	}
	pd_buf_dispose(&tmp_a);
	pd_buf_dispose(&tmp_b);
}

int pd_render_sentence(pd_buf *out, const pd_changes *changes,
                       const pd_change *change, pd_lang lang)
{
	pd_render__sentence(out, changes, change, lang,
	                    pd_render_escape_terminal);
	return 0;
}

int pd_render__has_details(const pd_change *ch)
{
	if (!ch->old_section || !ch->new_section)
		return 0;
	switch (ch->kind) {
	case PD_CHANGE_GOAL_CHANGED:
	case PD_CHANGE_SECTION_CHANGED:
		return 1;
	case PD_CHANGE_AREA_RENAMED:
	case PD_CHANGE_GOAL_RENAMED:
	case PD_CHANGE_SECTION_RENAMED:
	case PD_CHANGE_TERM_RENAMED:
		return pd_changes__body_differs(ch->old_section, ch->new_section);
	default:
		return 0;
	}
}

void pd_render__count(pd_buf *out, size_t n, pd_lang lang)
{
	if (lang == PD_LANG_EN)
		pd_buf_printf(out, "%zu change%s", n, n == 1 ? "" : "s");
	else
		pd_buf_printf(out, "%zu förändring%s", n, n == 1 ? "" : "ar");
}
