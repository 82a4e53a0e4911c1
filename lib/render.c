/* SPDX-License-Identifier: MIT */
/*
 * render.c: the core the renderers share (cmark's render.c plays this
 * part for its formats): the one sentence of each change in Swedish and
 * English, and escaping. No byte from a document reaches the output
 * unescaped: control characters (C0, DEL, C1, and so ESC and CSI) and
 * the bidirectional overrides are shown as \xNN or \u{NNNN}, or as \u
 * escapes in JSON, whatever the format.
 */
#include <string.h>

#include <utf8proc.h>

#include "render.h"
#include "text.h"

int pd_format_parse(pd_format *out, const char *name)
{
	if (!strcmp(name, "text"))
		*out = PD_FORMAT_TEXT;
	else if (!strcmp(name, "markdown") || !strcmp(name, "md"))
		*out = PD_FORMAT_MARKDOWN;
	else if (!strcmp(name, "json"))
		*out = PD_FORMAT_JSON;
	else
		return pd_error_set(PD_EINVALID, "unknown format '%s'", name);
	return 0;
}

void pd_render_escape_terminal(pd_buf *out, const char *s, size_t len)
{
	size_t i = 0, run;

	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n;

		/* a run of printable ASCII needs no escape: copy it whole */
		for (run = i; run < len && (unsigned char)s[run] >= 0x20 &&
		     (unsigned char)s[run] < 0x7f; run++)
			;
		if (run > i) {
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

		/* a run of printable ASCII needs no escape: copy it whole */
		for (run = i; run < len && (unsigned char)s[run] >= 0x20 &&
		     (unsigned char)s[run] < 0x7f && s[run] != '"' &&
		     s[run] != '\\'; run++)
			;
		if (run > i) {
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

typedef struct sentence {
	pd_buf *out;
	pd_lang lang;
	pd_render_put_fn put;
} sentence;

static void say(sentence *s, const char *sv, const char *en)
{
	pd_buf_puts(s->out, s->lang == PD_LANG_EN ? en : sv);
}

/* a quoted name: ”X” in Swedish, “X” in English */
static void name(sentence *s, const char *text)
{
	if (!text)
		text = "";
	pd_buf_puts(s->out, s->lang == PD_LANG_EN ? "\xe2\x80\x9c" : "\xe2\x80\x9d");
	s->put(s->out, text, strlen(text));
	pd_buf_puts(s->out, "\xe2\x80\x9d");
}

static void value(sentence *s, const char *text)
{
	s->put(s->out, text, strlen(text));
}

/* the parent's heading as sentences name it, kept in `tmp` */
static const char *parent_heading(pd_buf *tmp, const pd_section *sec)
{
	if (!sec || !sec->parent)
		return NULL;
	pd_changes__display_heading(tmp, sec->parent);
	return tmp->ptr;
}

static void revision_phrase(sentence *s, const char *rev)
{
	if (!rev)
		say(s, "okänt", "unknown");
	else if (!strcmp(rev, "mandate-period"))
		say(s, "varje mandatperiod", "every mandate period");
	else if (!strcmp(rev, "annual"))
		say(s, "årligen", "every year");
	else
		value(s, rev);
}

static void previously(sentence *s, const char *old)
{
	if (!old)
		return;
	say(s, " (tidigare ", " (previously ");
	value(s, old);
	pd_buf_putc(s->out, ')');
}

void pd_render__sentence(pd_buf *out, const pd_changes *changes,
                         const pd_change *ch, pd_lang lang,
                         pd_render_put_fn put)
{
	sentence s;
	pd_buf tmp_a = PD_BUF_INIT, tmp_b = PD_BUF_INIT;
	const char *a = ch->old_value, *b = ch->new_value;
	const char *pa = parent_heading(&tmp_a, ch->old_section);
	const char *pb = parent_heading(&tmp_b, ch->new_section);

	(void)changes;
	s.out = out;
	s.lang = lang == PD_LANG_EN ? PD_LANG_EN : PD_LANG_SV;
	s.put = put;
	switch (ch->kind) {
	case PD_CHANGE_NAME_CHANGED:
		if (ch->flags & PD_CHANGE_GAINS_TARGET_YEAR) {
			say(&s, "Namnet ", "The name ");
			name(&s, a);
			say(&s, " kompletteras med mållåret: ",
			    " gains the target year: ");
			name(&s, b);
		} else {
			say(&s, "Programmet byter namn från ",
			    "The programme is renamed from ");
			name(&s, a);
			say(&s, " till ", " to ");
			name(&s, b);
		}
		break;
	case PD_CHANGE_TARGET_YEAR_CHANGED:
		say(&s, "Mållåret är ", "The target year is ");
		value(&s, b ? b : "?");
		previously(&s, a);
		break;
	case PD_CHANGE_PERIOD_CHANGED:
		say(&s, "Programmet gäller ", "The programme is valid ");
		value(&s, b ? b : "?");
		previously(&s, a);
		break;
	case PD_CHANGE_METADATA_CHANGED:
		if (ch->field && !strcmp(ch->field, "revision")) {
			say(&s, "Programmet uppdateras ", "The programme is updated ");
			revision_phrase(&s, b);
			if (a) {
				say(&s, " (tidigare ", " (previously ");
				revision_phrase(&s, a);
				pd_buf_putc(out, ')');
			}
		} else if (ch->field && !strcmp(ch->field, "decision")) {
			say(&s, "Beslutsreferensen är ", "The decision reference is ");
			value(&s, b ? b : "?");
			previously(&s, a);
		} else if (ch->field && !strcmp(ch->field, "adopted")) {
			say(&s, "Antagen ", "Adopted ");
			value(&s, b ? b : "?");
			previously(&s, a);
		} else {
			say(&s, "Uppgiften ", "The field ");
			value(&s, ch->field ? ch->field : "?");
			say(&s, " är ", " is ");
			value(&s, b ? b : "?");
			previously(&s, a);
		}
		break;
	case PD_CHANGE_AREA_ADDED:
		say(&s, "Nytt målområde: ", "New goal area: ");
		value(&s, b);
		break;
	case PD_CHANGE_AREA_REMOVED:
		say(&s, "Målområdet ", "Goal area ");
		name(&s, a);
		say(&s, " utgår", " is removed");
		break;
	case PD_CHANGE_AREA_RENAMED:
		say(&s, "Målområdet ", "Goal area ");
		name(&s, a);
		say(&s, " heter nu ", " is renamed ");
		name(&s, b);
		if (ch->flags & PD_CHANGE_BODY_CHANGED)
			say(&s, ", med delvis ändrat innehåll",
			    ", with partly changed content");
		break;
	case PD_CHANGE_AREA_MOVED:
		say(&s, "Målområdet ", "Goal area ");
		name(&s, b);
		if (ch->count && ch->total)
			pd_buf_printf(out, s.lang == PD_LANG_EN ?
			              " moves from position %u to %u" :
			              " flyttas från plats %u till plats %u",
			              ch->count, ch->total);
		else
			say(&s, " har flyttats", " has moved");
		break;
	case PD_CHANGE_GOAL_ADDED:
		say(&s, "Nytt mål under ", "New goal under ");
		name(&s, pb);
		say(&s, ": ", ": ");
		name(&s, b);
		break;
	case PD_CHANGE_GOAL_REMOVED:
		say(&s, "Målet ", "Goal ");
		name(&s, a);
		say(&s, " under ", " under ");
		name(&s, pa);
		say(&s, " utgår", " is removed");
		break;
	case PD_CHANGE_GOAL_RENAMED:
		say(&s, "Målet ", "Goal ");
		name(&s, a);
		say(&s, " under ", " under ");
		name(&s, pb);
		say(&s, " heter nu ", " is renamed ");
		name(&s, b);
		break;
	case PD_CHANGE_GOAL_MOVED:
		say(&s, "Målet ", "Goal ");
		name(&s, b);
		if (pa && pb && ch->old_section->parent->key &&
		    strcmp(ch->old_section->parent->key, ch->new_section->parent->key)) {
			say(&s, " flyttas från ", " moves from ");
			name(&s, pa);
			say(&s, " till ", " to ");
			name(&s, pb);
		} else {
			say(&s, " flyttas inom ", " moves within ");
			name(&s, pb);
		}
		break;
	case PD_CHANGE_GOAL_CHANGED:
		say(&s, "Målet ", "Goal ");
		if (ch->old_section && ch->new_section &&
		    ch->old_section->synthetic && ch->new_section->synthetic &&
		    strcmp(a, b)) {
			name(&s, a);
			say(&s, " under ", " under ");
			name(&s, pb);
			say(&s, " lyder nu ", " now reads ");
			name(&s, b);
		} else {
			name(&s, b);
			say(&s, " under ", " under ");
			name(&s, pb);
			say(&s, " har ändrats", " is changed");
		}
		break;
	case PD_CHANGE_SECTION_ADDED:
		say(&s, "Nytt avsnitt: ", "New section: ");
		name(&s, b);
		break;
	case PD_CHANGE_SECTION_REMOVED:
		say(&s, "Avsnittet ", "Section ");
		name(&s, a);
		say(&s, " utgår", " is removed");
		break;
	case PD_CHANGE_SECTION_RENAMED:
		say(&s, "Avsnittet ", "Section ");
		name(&s, a);
		say(&s, " heter nu ", " is renamed ");
		name(&s, b);
		if (ch->flags & PD_CHANGE_BODY_CHANGED)
			say(&s, ", med delvis ändrat innehåll",
			    ", with partly changed content");
		break;
	case PD_CHANGE_SECTION_MOVED:
		say(&s, "Avsnittet ", "Section ");
		name(&s, b);
		if (pb && pb[0]) {
			say(&s, " har flyttats, nu under ", " has moved, now under ");
			name(&s, pb);
		} else {
			say(&s, " har flyttats", " has moved");
		}
		break;
	case PD_CHANGE_SECTION_CHANGED:
		if (ch->new_section && ch->new_section->kind == PD_KIND_AREA)
			say(&s, "Texten i målområdet ", "The text of goal area ");
		else
			say(&s, "Avsnittet ", "Section ");
		name(&s, b);
		say(&s, " har ändrats", " is changed");
		break;
	case PD_CHANGE_TERM_RENAMED:
		name(&s, a);
		say(&s, " byter namn till ", " is renamed ");
		name(&s, b);
		pd_buf_printf(out, s.lang == PD_LANG_EN ?
		              " throughout (%u places)" :
		              " i hela texten (%u ställen)", ch->count);
		if ((ch->flags & PD_CHANGE_WITH_SECTION) &&
		    (ch->flags & PD_CHANGE_BODY_CHANGED))
			say(&s, "; avsnittet om det har också delvis nytt innehåll",
			    "; its section is partly rewritten too");
		break;
	case PD_CHANGE_THEME_EVERYWHERE:
		name(&s, b);
		pd_buf_printf(out, s.lang == PD_LANG_EN ?
		              " now runs through all %zu goal areas (before: %u of %u)" :
		              " finns nu med i alla %zu målområden (tidigare i %u av %u)",
		              changes ? changes->new_doc->areas.size : 0,
		              ch->count, ch->total);
		break;
	default:
		value(&s, pd_change_kind_name(ch->kind) ?
		      pd_change_kind_name(ch->kind) : "?");
		break;
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

int pd_render(pd_buf *out, const pd_changes *changes,
              const pd_render_options *opts)
{
	pd_render_options o = PD_RENDER_OPTIONS_INIT;

	if (opts) {
		if (opts->version != PD_RENDER_OPTIONS_VERSION)
			return pd_error_set(PD_EINVALID,
			        "render options version %u is not supported",
			        opts->version);
		o = *opts;
	}
	if (o.lang == PD_LANG_AUTO)
		o.lang = pd_document_lang(changes->new_doc) == PD_LANG_EN ?
		         PD_LANG_EN : PD_LANG_SV;
	switch (o.format) {
	case PD_FORMAT_TEXT:
		return pd_render__text(out, changes, &o);
	case PD_FORMAT_MARKDOWN:
		return pd_render__markdown(out, changes, &o);
	case PD_FORMAT_JSON:
		return pd_render__json(out, changes, &o);
	default:
		return pd_error_set(PD_EINVALID, "unknown format %d", (int)o.format);
	}
}
