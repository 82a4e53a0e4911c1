/* SPDX-License-Identifier: MIT */
/*
 * render_unchanged.c: what stayed the same, for --unchanged: one
 * sentence naming the vision, the overall goals and the goal areas of
 * the new version that no change touches ("Visionen och målområdena
 * ”Infrastruktur” och ”Näringsliv” är oförändrade."). Whether a
 * programme's vision, objectives or priorities changed can decide which
 * consultation a revision needs, so the list can say so.
 *
 * A section is touched when a change names it or a section inside it,
 * in either version (the old one by its identity), when a theme now runs
 * through every goal area (all areas are), or when a term renamed
 * throughout occurs in it.
 */
#include <string.h>

#include "render.h"
#include "text.h"

static int is_reported(const pd_section *s)
{
	return s->kind == PD_KIND_VISION || s->kind == PD_KIND_OVERALL_GOAL ||
	       s->kind == PD_KIND_AREA;
}

/* Is `s` or a section above it the same section as `top` (by key)? */
static int within(const pd_section *s, const pd_section *top)
{
	for (; s && s->parent; s = s->parent)
		if (s == top || (s->kind == top->kind && s->key && top->key &&
		                 !strcmp(s->key, top->key)))
			return 1;
	return 0;
}

static int text_has(const pd_section *s, const char *term)
{
	size_t i;

	if (!term || !*term)
		return 0;
	if (strstr(s->heading, term))
		return 1;
	for (i = 0; i < s->blocks.size; i++)
		if (strstr(((const pd_block *)pd_vec_get(&s->blocks, i))->text,
		           term))
			return 1;
	for (i = 0; i < s->children.size; i++)
		if (text_has(pd_vec_get(&s->children, i), term))
			return 1;
	return 0;
}

static int touched(const pd_changes *c, const pd_section *s)
{
	size_t i;

	for (i = 0; i < pd_changes_count(c); i++) {
		const pd_change *ch = pd_changes_get(c, i);

		if (ch->kind == PD_CHANGE_THEME_EVERYWHERE &&
		    s->kind == PD_KIND_AREA)
			return 1;
		if (ch->kind == PD_CHANGE_TERM_RENAMED &&
		    text_has(s, ch->new_value))
			return 1;
		if ((ch->new_section && within(ch->new_section, s)) ||
		    (ch->old_section && within(ch->old_section, s)))
			return 1;
	}
	return 0;
}

typedef struct part {
	const pd_section *s[64];
	size_t n;
} part;

/* A heading that is only the kind's own words ("Övergripande mål")
 * names nothing more than the kind does. */
static int only_kind_words(const pd_section *s)
{
	static const char *const words[] = {
		"övergripande mål", "övergripande målet", "övergripande målen",
		"overall goal", "overall goals", "overall objective",
		"overall objectives", "vision", "visionen", NULL
	};
	size_t i;

	for (i = 0; words[i]; i++)
		if (s->key && !strcmp(s->key, words[i]))
			return 1;
	return 0;
}

/* The display headings, as the change list worked them out when it
 * did, else worked out now. */
static void names(pd_buf *out, const pd_changes *c, const part *p,
                  pd_lang lang, pd_render_put_fn put)
{
	size_t i;
	pd_buf h = PD_BUF_INIT;
	const char *name;

	for (i = 0; i < p->n; i++) {
		if (i)
			pd_buf_puts(out, i + 1 < p->n ? ", " :
			            lang == PD_LANG_EN ? " and " : " och ");
		name = pd_changes__display(&h, c, p->s[i]);
		pd_buf_puts(out, lang == PD_LANG_EN ? "\xe2\x80\x9c" :
		            "\xe2\x80\x9d");
		put(out, name, strlen(name));
		pd_buf_puts(out, "\xe2\x80\x9d");
	}
	pd_buf_dispose(&h);
}

int pd_render__unchanged(pd_buf *out, const pd_changes *c, pd_lang lang,
                         pd_render_put_fn put)
{
	const pd_document *doc = pd_changes_new(c);
	part vision = { { NULL }, 0 }, goals = { { NULL }, 0 };
	part areas = { { NULL }, 0 };
	size_t i, groups, done = 0, things;
	int en = lang == PD_LANG_EN;

	for (i = 1; i < pd_document_section_count(doc); i++) {
		const pd_section *s = pd_document_section(doc, i);
		part *p = s->kind == PD_KIND_VISION ? &vision :
		          s->kind == PD_KIND_OVERALL_GOAL ? &goals : &areas;

		if (!is_reported(s) || touched(c, s) || p->n == 64)
			continue;
		p->s[p->n++] = s;
	}
	groups = (vision.n > 0) + (goals.n > 0) + (areas.n > 0);
	things = vision.n + goals.n + areas.n;
	if (!groups) {
		if (!pd_document_area_count(doc))
			return 0;
		pd_buf_puts(out, en ? "Every goal area has changed." :
		            "Alla målområden har ändrats.");
		return 1;
	}
	if (vision.n) {
		pd_buf_puts(out, en ? "The vision" : "Visionen");
		done++;
	}
	if (goals.n == 1 && only_kind_words(goals.s[0])) {
		if (done)
			pd_buf_puts(out, done + 1 < groups ? ", " : en ? " and " :
			            " och ");
		pd_buf_puts(out, en ? (done ? "the overall goal" :
		            "The overall goal") : done ? "det övergripande målet" :
		            "Det övergripande målet");
		done++;
	} else if (goals.n) {
		if (done)
			pd_buf_puts(out, done + 1 < groups ? ", " : en ? " and " :
			            " och ");
		if (en)
			pd_buf_puts(out, done ? "the " : "The ");
		pd_buf_puts(out, goals.n == 1 ?
		            (en ? "overall goal " : done ? "det övergripande "
		             "målet " : "Det övergripande målet ") :
		            (en ? "overall goals " : done ? "de övergripande "
		             "målen " : "De övergripande målen "));
		names(out, c, &goals, lang, put);
		done++;
	}
	if (areas.n) {
		if (done)
			pd_buf_puts(out, en ? " and " : " och ");
		if (en)
			pd_buf_puts(out, done ? "the " : "The ");
		pd_buf_puts(out, areas.n == 1 ?
		            (en ? "goal area " : done ? "målområdet " :
		             "Målområdet ") :
		            (en ? "goal areas " : done ? "målområdena " :
		             "Målområdena "));
		names(out, c, &areas, lang, put);
	}
	if (en)
		pd_buf_puts(out, things == 1 ? " is unchanged." :
		            " are unchanged.");
	else if (things > 1)
		pd_buf_puts(out, " är oförändrade.");
	else
		pd_buf_puts(out, vision.n ? " är oförändrad." :
		            " är oförändrat.");
	return 1;
}
