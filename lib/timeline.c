/* SPDX-License-Identifier: MIT */
/*
 * timeline.c: the lineage of each goal area and goal over every version
 * of a programme, from the pairing of each consecutive pair (match.c):
 * a section paired with one of the version before continues its line,
 * under a new name when its heading changed (a rename), under another
 * area when a goal moved; a section with no pair appeared, one left
 * without a pair was removed. Splits and merges are the matcher's
 * (match_split.c), as the diff reports them: they end the old lines and
 * start new ones, so that a line is always one area under its names
 * through time.
 *
 * Rendered as text, as JSON (schema "progdiff-timeline/1", doc/json.md),
 * and as HTML: an inline SVG chart (versions as columns, areas as lanes,
 * splits and merges as connecting lines) with a table of the same facts.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "match.h"
#include "render.h"

#define NONE PD_MATCH_NONE
typedef enum tl_event_type {
	TL_APPEARED = 0, TL_RENAMED, TL_MOVED, TL_SPLIT_FROM, TL_SPLIT_INTO,
	TL_MERGED_FROM, TL_MERGED_INTO, TL_REMOVED, TL__COUNT
} tl_event_type;

static const char *const event_names[TL__COUNT] = {
	"appeared", "renamed", "moved", "split-from", "split-into",
	"merged-from", "merged-into", "removed"
};

typedef struct tl_event {
	size_t version;
	tl_event_type type;
	char *from, *to;          /* renamed: names; moved: area names */
	size_t *others;           /* split/merge: the other lineages */
	size_t nothers;
} tl_event;

typedef struct tl_lineage {
	int goal;                 /* 0 goal area, 1 goal */
	size_t area;              /* goal: its area's lineage (last seen) */
	char **names;             /* per version; NULL when absent */
	size_t first, last;       /* versions it is present in */
	tl_event *events;
	size_t nevents;
} tl_lineage;

typedef struct tl_version {
	char *label, *name;
	int target_year, period_start, period_end;
} tl_version;

struct pd_timeline {
	char *programme;
	tl_version *versions;
	size_t nversions;
	tl_lineage *lin;
	size_t nlin;
	const pd_document *prev;  /* borrowed: the last version added */
	size_t *prev_lin;         /* per section of prev: lineage or NONE */
	unsigned long long comparisons;
};

int pd_timeline_new(pd_timeline **out, const char *programme)
{
	pd_timeline *tl = pd__calloc(1, sizeof(*tl));

	tl->programme = pd__strdup(programme ? programme : "");
	*out = tl;
	return 0;
}

void pd_timeline_free(pd_timeline *tl)
{
	size_t i, k;

	if (!tl)
		return;
	for (i = 0; i < tl->nlin; i++) {
		tl_lineage *l = &tl->lin[i];

		for (k = 0; k < tl->nversions; k++)
			free(l->names[k]);
		for (k = 0; k < l->nevents; k++) {
			free(l->events[k].from);
			free(l->events[k].to);
			free(l->events[k].others);
		}
		free(l->events);
		free(l->names);
	}
	for (i = 0; i < tl->nversions; i++) {
		free(tl->versions[i].label);
		free(tl->versions[i].name);
	}
	free(tl->versions);
	free(tl->lin);
	free(tl->prev_lin);
	free(tl->programme);
	free(tl);
}

/* ---- building ---- */

static char *display(const pd_section *s)
{
	pd_buf b = PD_BUF_INIT;

	pd_changes__display_heading(&b, s);
	return pd_buf_detach(&b);
}

static size_t new_lineage(pd_timeline *tl, int goal)
{
	tl_lineage *l;

	tl->lin = pd__reallocarray(tl->lin, tl->nlin + 1, sizeof(*tl->lin));
	l = &tl->lin[tl->nlin];
	memset(l, 0, sizeof(*l));
	l->goal = goal;
	l->area = NONE;
	l->names = pd__calloc(tl->nversions, sizeof(char *));
	l->first = tl->nversions - 1;
	l->last = tl->nversions - 1;
	return tl->nlin++;
}

static tl_event *add_event(tl_lineage *l, size_t version, tl_event_type t)
{
	tl_event *e;

	l->events = pd__reallocarray(l->events, l->nevents + 1,
	                             sizeof(*l->events));
	e = &l->events[l->nevents++];
	memset(e, 0, sizeof(*e));
	e->version = version;
	e->type = t;
	return e;
}

static void add_other(tl_event *e, size_t other)
{
	e->others = pd__reallocarray(e->others, e->nothers + 1, sizeof(size_t));
	e->others[e->nothers++] = other;
}

static size_t area_index(const pd_document *doc, const pd_section *s)
{
	size_t i;

	for (i = 0; i < doc->areas.size; i++)
		if (pd_vec_get(&doc->areas, i) == s)
			return i;
	return NONE;
}

/*
 * Splits and merges among the areas of the pair, as two lists per area:
 * split[o] the new areas old area o was split into (two or more), and
 * merged[n] the old areas merged into new area n (two or more), from
 * the matcher's groups.
 */
typedef struct area_flow {
	size_t *split_of;   /* per new area index: old area it was split
	                       from, or NONE */
	size_t *merge_of;   /* per old area index: new area it was merged
	                       into, or NONE */
} area_flow;

static void find_flows(area_flow *f, const pd_match *m, const pd_document *od,
                       const pd_document *nd)
{
	size_t no = od->areas.size, nn = nd->areas.size, i, g;

	f->split_of = pd__reallocarray(NULL, nn + 1, sizeof(size_t));
	f->merge_of = pd__reallocarray(NULL, no + 1, sizeof(size_t));
	for (i = 0; i < nn; i++)
		f->split_of[i] = NONE;
	for (i = 0; i < no; i++)
		f->merge_of[i] = NONE;
	for (g = 0; g < m->ngroups; g++) {
		const pd_match_group *grp = m->groups[g];
		const pd_document *one_doc = grp->merge ? nd : od;
		const pd_document *many_doc = grp->merge ? od : nd;
		const pd_section *one = pd_vec_get(&one_doc->sections, grp->one);
		size_t oa;

		if (one->kind != PD_KIND_AREA)
			continue;
		oa = area_index(one_doc, one);
		for (i = 0; i < grp->nmany; i++) {
			const pd_section *part = pd_vec_get(&many_doc->sections,
			                                    grp->many[i]);
			size_t pa;

			if (part->kind != PD_KIND_AREA ||
			    (pa = area_index(many_doc, part)) == NONE)
				continue;
			if (grp->merge)
				f->merge_of[pa] = oa;
			else
				f->split_of[pa] = oa;
		}
	}
}

static const pd_section *area_of(const pd_section *s)
{
	while (s && s->kind != PD_KIND_AREA)
		s = s->parent;
	return s;
}

static int tracked(const pd_section *s)
{
	return s->kind == PD_KIND_AREA || s->kind == PD_KIND_GOAL;
}

int pd_timeline_add(pd_timeline *tl, const char *label,
                    const pd_document *doc)
{
	const pd_meta *meta = pd_document_meta(doc);
	const pd_document *od = tl->prev;
	size_t v = tl->nversions, i, ns = doc->sections.size;
	size_t *lin = pd__reallocarray(NULL, ns + 1, sizeof(size_t));
	unsigned char *continued = NULL;
	tl_version *ver;
	area_flow flow = { NULL, NULL };
	pd_match m;
	int have_match = od != NULL;

	tl->versions = pd__reallocarray(tl->versions, v + 1,
	                                sizeof(*tl->versions));
	ver = &tl->versions[v];
	ver->label = pd__strdup(label ? label : "");
	ver->name = meta->name ? pd__strdup(meta->name) : NULL;
	ver->target_year = meta->target_year;
	ver->period_start = meta->period_start;
	ver->period_end = meta->period_end;
	tl->nversions++;
	for (i = 0; i < tl->nlin; i++) {
		tl->lin[i].names = pd__reallocarray(tl->lin[i].names,
		                                    tl->nversions, sizeof(char *));
		tl->lin[i].names[v] = NULL;
	}
	if (have_match) {
		pd_match_compute(&m, od, doc, 0.5);   /* the diff's own default */
		tl->comparisons += m.comparisons;
		find_flows(&flow, &m, od, doc);
		continued = pd__calloc(tl->nlin + 1, 1);
	}

	/* areas first, then goals (a goal's area has its lineage then) */
	for (i = 0; i < ns; i++)
		lin[i] = NONE;
	{
		int pass;

		for (pass = 0; pass < 2; pass++)
			for (i = 0; i < ns; i++) {
				const pd_section *s = pd_vec_get(&doc->sections, i);
				size_t oi = have_match ? m.n2o[i] : NONE, l, ai;
				const pd_section *os = oi == NONE ? NULL :
				                       pd_vec_get(&od->sections, oi);
				char *name;

				if (!tracked(s) || (s->kind == PD_KIND_GOAL) != pass)
					continue;
				ai = s->kind == PD_KIND_AREA && have_match ?
				     area_index(doc, s) : NONE;
				if (ai != NONE && flow.split_of[ai] != NONE)
					os = NULL;     /* a part of a split: new */
				if (os && os->kind == PD_KIND_AREA && have_match) {
					size_t oa = area_index(od, os);

					if (oa != NONE && flow.merge_of[oa] != NONE)
						os = NULL;     /* merged: new */
				}
				if (os && os->kind != s->kind)
					os = NULL;
				l = os ? tl->prev_lin[os->index] : NONE;
				name = display(s);
				if (l == NONE) {
					l = new_lineage(tl, pass);
					if (v > 0 && !(ai != NONE &&
					               (flow.split_of[ai] != NONE)))
						add_event(&tl->lin[l], v, TL_APPEARED);
				} else {
					tl_lineage *L = &tl->lin[l];

					continued[l] = 1;
					if (L->names[v - 1] && strcmp(L->names[v - 1], name)) {
						tl_event *e = add_event(L, v, TL_RENAMED);

						e->from = pd__strdup(L->names[v - 1]);
						e->to = pd__strdup(name);
					}
				}
				tl->lin[l].names[v] = name;
				tl->lin[l].last = v;
				lin[i] = l;
				if (pass == 1) {
					const pd_section *a = area_of(s);
					size_t al = a ? lin[a->index] : NONE;
					tl_lineage *L = &tl->lin[l];

					if (os && L->area != NONE && al != NONE &&
					    al != L->area) {
						tl_event *e = add_event(L, v, TL_MOVED);

						e->from = pd__strdup(tl->lin[L->area].names[v - 1] ?
						        tl->lin[L->area].names[v - 1] : "");
						e->to = pd__strdup(tl->lin[al].names[v]);
					}
					L->area = al;
				}
			}
	}
	if (have_match) {
		size_t k;

		/* splits and merges: events on both sides */
		for (k = 0; k < doc->areas.size; k++) {
			const pd_section *s = pd_vec_get(&doc->areas, k);
			size_t oa = flow.split_of[k], nl = lin[s->index], ol;

			if (oa == NONE)
				continue;
			ol = tl->prev_lin[((const pd_section *)
			                   pd_vec_get(&od->areas, oa))->index];
			if (ol == NONE || nl == NONE)
				continue;
			add_other(add_event(&tl->lin[nl], v, TL_SPLIT_FROM), ol);
			if (!tl->lin[ol].nevents ||
			    tl->lin[ol].events[tl->lin[ol].nevents - 1].version != v ||
			    tl->lin[ol].events[tl->lin[ol].nevents - 1].type !=
			    TL_SPLIT_INTO)
				add_event(&tl->lin[ol], v, TL_SPLIT_INTO);
			add_other(&tl->lin[ol].events[tl->lin[ol].nevents - 1], nl);
			continued[ol] = 2;
		}
		for (k = 0; k < od->areas.size; k++) {
			const pd_section *os = pd_vec_get(&od->areas, k);
			size_t na = flow.merge_of[k], ol = tl->prev_lin[os->index];
			size_t nl;
			tl_lineage *N;

			if (na == NONE || ol == NONE)
				continue;
			nl = lin[((const pd_section *)pd_vec_get(&doc->areas, na))->index];
			if (nl == NONE)
				continue;
			add_other(add_event(&tl->lin[ol], v, TL_MERGED_INTO), nl);
			N = &tl->lin[nl];
			if (N->nevents && N->events[N->nevents - 1].type == TL_APPEARED &&
			    N->events[N->nevents - 1].version == v)
				N->events[N->nevents - 1].type = TL_MERGED_FROM;
			else if (!N->nevents ||
			         N->events[N->nevents - 1].type != TL_MERGED_FROM ||
			         N->events[N->nevents - 1].version != v)
				add_event(N, v, TL_MERGED_FROM);
			add_other(&N->events[N->nevents - 1], ol);
			continued[ol] = 2;
		}
		/* the lines of the version before that go no further */
		for (i = 0; i < tl->nlin; i++)
			if (tl->lin[i].last == v - 1 && !continued[i] &&
			    tl->lin[i].first <= v - 1)
				add_event(&tl->lin[i], v, TL_REMOVED);
		pd_match_dispose(&m);
		free(flow.split_of);
		free(flow.merge_of);
		free(continued);
	}
	free(tl->prev_lin);
	tl->prev_lin = lin;
	tl->prev = doc;
	return 0;
}

/* lineages that existed before the last version and were not seen again
 * have their removal recorded when it happened: nothing to do at the end */

/* ---- phrases ---- */

static const struct {
	const char *sv, *en;
} words_[] = {
	/* 0 */ { "Tidslinje för", "Timeline of" },
	/* 1 */ { "versioner", "versions" },
	/* 2 */ { "Målområden", "Goal areas" },
	/* 3 */ { "Mål", "Goals" },
	/* 4 */ { "tillkommer", "appears" },
	/* 5 */ { "byter namn till", "is renamed" },
	/* 6 */ { "flyttas från", "moves from" },
	/* 7 */ { "delas från", "is split from" },
	/* 8 */ { "delas i", "is split into" },
	/* 9 */ { "slås samman av", "is merged from" },
	/* 10 */ { "slås samman till", "is merged into" },
	/* 11 */ { "utgår", "is removed" },
	/* 12 */ { "till", "to" },
	/* 13 */ { "och", "and" },
	/* 14 */ { "under", "under" },
	/* 15 */ { "Version", "Version" },
	/* 16 */ { "mållår", "target year" },
	/* 17 */ { "gäller", "valid" },
	/* 18 */ { "Händelser", "Events" },
	/* 19 */ { "version", "version" }
};

static const char *W(pd_lang lang, int i)
{
	return lang == PD_LANG_EN ? words_[i].en : words_[i].sv;
}

static const int event_word[TL__COUNT] = { 4, 5, 6, 7, 8, 9, 10, 11 };

typedef void (*put_fn)(pd_buf *out, const char *s, size_t len);

static void q(pd_buf *out, pd_lang lang, const char *s, put_fn put)
{
	pd_buf_puts(out, lang == PD_LANG_EN ? "\xe2\x80\x9c" : "\xe2\x80\x9d");
	put(out, s ? s : "", s ? strlen(s) : 0);
	pd_buf_puts(out, "\xe2\x80\x9d");
}

/* The name a lineage is known by: its last. */
static const char *last_name(const tl_lineage *l)
{
	return l->names[l->last] ? l->names[l->last] : "";
}

static const char *first_name(const tl_lineage *l)
{
	return l->names[l->first] ? l->names[l->first] : "";
}

/* "2019: is renamed “B”", the event after its version */
static void event_words(pd_buf *out, const pd_timeline *tl,
                        const tl_lineage *l, const tl_event *e,
                        pd_lang lang, put_fn put)
{
	size_t k;

	(void)l;
	pd_buf_puts(out, W(lang, event_word[e->type]));
	switch (e->type) {
	case TL_RENAMED:
		pd_buf_putc(out, ' ');
		q(out, lang, e->to, put);
		break;
	case TL_MOVED:
		pd_buf_putc(out, ' ');
		q(out, lang, e->from, put);
		pd_buf_printf(out, " %s ", W(lang, 12));
		q(out, lang, e->to, put);
		break;
	case TL_SPLIT_FROM: case TL_SPLIT_INTO:
	case TL_MERGED_FROM: case TL_MERGED_INTO:
		for (k = 0; k < e->nothers; k++) {
			const tl_lineage *o = &tl->lin[e->others[k]];
			int into = e->type == TL_SPLIT_INTO ||
			           e->type == TL_MERGED_INTO;

			pd_buf_puts(out, k == 0 ? " " : k + 1 == e->nothers ?
			            (lang == PD_LANG_EN ? " and " : " och ") : ", ");
			q(out, lang, into ? first_name(o) : o->names[e->version - 1] ?
			  o->names[e->version - 1] : last_name(o), put);
		}
		break;
	default:
		break;
	}
}

/* ---- text ---- */

static void put_text(pd_buf *out, const char *s, size_t len)
{
	pd_render_escape_terminal(out, s, len);
}

static void text_lineages(pd_buf *out, const pd_timeline *tl, int goal,
                          pd_lang lang)
{
	size_t i, k, n = 0;

	for (i = 0; i < tl->nlin; i++)
		n += tl->lin[i].goal == goal;
	if (!n)
		return;
	pd_buf_printf(out, "\n%s (%zu):\n", W(lang, goal ? 3 : 2), n);
	for (i = 0; i < tl->nlin; i++) {
		const tl_lineage *l = &tl->lin[i];

		if (l->goal != goal)
			continue;
		pd_buf_puts(out, "  ");
		q(out, lang, first_name(l), put_text);
		pd_buf_puts(out, "  ");
		put_text(out, tl->versions[l->first].label,
		         strlen(tl->versions[l->first].label));
		pd_buf_puts(out, "\xe2\x80\x93");
		if (l->last + 1 < tl->nversions)
			put_text(out, tl->versions[l->last].label,
			         strlen(tl->versions[l->last].label));
		if (goal && l->area != NONE) {
			pd_buf_printf(out, "  (%s ", W(lang, 14));
			q(out, lang, last_name(&tl->lin[l->area]), put_text);
			pd_buf_putc(out, ')');
		}
		pd_buf_putc(out, '\n');
		for (k = 0; k < l->nevents; k++) {
			const tl_event *e = &l->events[k];

			pd_buf_puts(out, "      ");
			put_text(out, tl->versions[e->version].label,
			         strlen(tl->versions[e->version].label));
			pd_buf_puts(out, ": ");
			event_words(out, tl, l, e, lang, put_text);
			pd_buf_putc(out, '\n');
		}
	}
}

static void text(pd_buf *out, const pd_timeline *tl, pd_lang lang)
{
	size_t i;

	pd_buf_printf(out, "%s ", W(lang, 0));
	put_text(out, tl->programme, strlen(tl->programme));
	pd_buf_printf(out, ": %zu %s\n\n", tl->nversions,
	              W(lang, tl->nversions == 1 ? 19 : 1));
	for (i = 0; i < tl->nversions; i++) {
		const tl_version *v = &tl->versions[i];

		pd_buf_puts(out, "  ");
		put_text(out, v->label, strlen(v->label));
		if (v->name) {
			pd_buf_puts(out, "  ");
			put_text(out, v->name, strlen(v->name));
		}
		pd_buf_putc(out, '\n');
	}
	text_lineages(out, tl, 0, lang);
	text_lineages(out, tl, 1, lang);
}

/* ---- JSON ---- */

static void jstr(pd_buf *out, const char *s)
{
	if (!s)
		pd_buf_puts(out, "null");
	else
		pd_render_escape_json(out, s, strlen(s));
}

static void jint(pd_buf *out, int v)
{
	if (v)
		pd_buf_printf(out, "%d", v);
	else
		pd_buf_puts(out, "null");
}

static void json(pd_buf *out, const pd_timeline *tl, pd_lang lang)
{
	size_t i, k, j;

	pd_buf_puts(out, "{\n  \"schema\": \"" PD_TIMELINE_JSON_SCHEMA "\",\n"
	            "  \"programme\": ");
	jstr(out, tl->programme);
	pd_buf_printf(out, ",\n  \"lang\": \"%s\",\n  \"versions\": [",
	              lang == PD_LANG_EN ? "en" : "sv");
	for (i = 0; i < tl->nversions; i++) {
		const tl_version *v = &tl->versions[i];

		pd_buf_printf(out, "%s\n    {\"index\": %zu, \"label\": ",
		              i ? "," : "", i);
		jstr(out, v->label);
		pd_buf_puts(out, ", \"name\": ");
		jstr(out, v->name);
		pd_buf_puts(out, ", \"target_year\": ");
		jint(out, v->target_year);
		pd_buf_puts(out, ", \"period\": ");
		if (v->period_start)
			pd_buf_printf(out, "{\"start\": %d, \"end\": %d}",
			              v->period_start, v->period_end);
		else
			pd_buf_puts(out, "null");
		pd_buf_putc(out, '}');
	}
	pd_buf_puts(out, "\n  ],\n  \"lineages\": [");
	for (i = 0; i < tl->nlin; i++) {
		const tl_lineage *l = &tl->lin[i];

		pd_buf_printf(out, "%s\n    {\n      \"id\": %zu,\n      \"kind\": "
		              "\"%s\",\n      \"area\": ", i ? "," : "", i + 1,
		              l->goal ? "goal" : "goal-area");
		if (l->goal && l->area != NONE)
			pd_buf_printf(out, "%zu", l->area + 1);
		else
			pd_buf_puts(out, "null");
		pd_buf_puts(out, ",\n      \"first\": ");
		jstr(out, tl->versions[l->first].label);
		pd_buf_puts(out, ",\n      \"last\": ");
		jstr(out, tl->versions[l->last].label);
		pd_buf_puts(out, ",\n      \"names\": [");
		for (k = 0; k < tl->nversions; k++) {
			pd_buf_puts(out, k ? ", " : "");
			jstr(out, l->names[k]);
		}
		pd_buf_puts(out, "],\n      \"events\": [");
		for (k = 0; k < l->nevents; k++) {
			const tl_event *e = &l->events[k];

			pd_buf_printf(out, "%s\n        {\"version\": ", k ? "," : "");
			jstr(out, tl->versions[e->version].label);
			pd_buf_printf(out, ", \"type\": \"%s\"", event_names[e->type]);
			if (e->from || e->to) {
				pd_buf_puts(out, ", \"from\": ");
				jstr(out, e->from);
				pd_buf_puts(out, ", \"to\": ");
				jstr(out, e->to);
			}
			if (e->nothers) {
				pd_buf_puts(out, ", \"lineages\": [");
				for (j = 0; j < e->nothers; j++)
					pd_buf_printf(out, "%s%zu", j ? ", " : "",
					              e->others[j] + 1);
				pd_buf_putc(out, ']');
			}
			pd_buf_puts(out, ", \"text\": ");
			{
				pd_buf t = PD_BUF_INIT;

				event_words(&t, tl, l, e, lang, pd_render__put_raw);
				jstr(out, t.ptr);
				pd_buf_dispose(&t);
			}
			pd_buf_putc(out, '}');
		}
		pd_buf_puts(out, l->nevents ? "\n      ]\n    }" : "]\n    }");
	}
	pd_buf_puts(out, "\n  ]\n}\n");
}

/* ---- HTML ---- */

static void put_str_html(pd_buf *out, const char *s)
{
	if (s)
		pd_render__put_html(out, s, strlen(s));
}

#define COL_W 170
#define LANE_H 34
#define LEFT 20
#define TOP 40

static void html_table(pd_buf *out, const pd_timeline *tl, int goal,
                       pd_lang lang)
{
	size_t i, k, e;

	pd_buf_printf(out, "<table>\n<caption>%s</caption>\n<thead><tr>"
	              "<th scope=\"col\">#</th>", W(lang, goal ? 3 : 2));
	for (k = 0; k < tl->nversions; k++) {
		pd_buf_puts(out, "<th scope=\"col\">");
		put_str_html(out, tl->versions[k].label);
		pd_buf_puts(out, "</th>");
	}
	pd_buf_printf(out, "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
	              W(lang, 18));
	for (i = 0; i < tl->nlin; i++) {
		const tl_lineage *l = &tl->lin[i];

		if (l->goal != goal)
			continue;
		pd_buf_printf(out, "<tr id=\"l%zu\"><th scope=\"row\">%zu</th>",
		              i + 1, i + 1);
		for (k = 0; k < tl->nversions; k++) {
			pd_buf_puts(out, "<td>");
			if (l->names[k])
				put_str_html(out, l->names[k]);
			else
				pd_buf_puts(out, "<span aria-label=\"\xe2\x80\x94\">"
				            "\xe2\x80\x94</span>");
			pd_buf_puts(out, "</td>");
		}
		pd_buf_puts(out, "<td>");
		for (e = 0; e < l->nevents; e++) {
			pd_buf_puts(out, e ? "; " : "");
			put_str_html(out, tl->versions[l->events[e].version].label);
			pd_buf_puts(out, ": ");
			event_words(out, tl, l, &l->events[e], lang,
			            pd_render__put_html);
		}
		pd_buf_puts(out, "</td></tr>\n");
	}
	pd_buf_puts(out, "</tbody>\n</table>\n");
}

static void html_svg(pd_buf *out, const pd_timeline *tl, pd_lang lang)
{
	size_t i, k, e, lane = 0, nareas = 0;
	size_t *row = pd__calloc(tl->nlin + 1, sizeof(size_t));
	unsigned w, h;

	for (i = 0; i < tl->nlin; i++)
		if (!tl->lin[i].goal)
			row[i] = nareas++;
	w = LEFT * 2 + (unsigned)tl->nversions * COL_W;
	h = TOP + (unsigned)(nareas ? nareas : 1) * LANE_H + 10;
	pd_buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	              "role=\"img\" aria-labelledby=\"svg-title\" "
	              "aria-describedby=\"areas-table\" viewBox=\"0 0 %u %u\" "
	              "width=\"%u\" height=\"%u\">\n<title id=\"svg-title\">"
	              "%s</title>\n", w, h, w, h, W(lang, 2));
	for (k = 0; k < tl->nversions; k++) {
		unsigned x = LEFT + (unsigned)k * COL_W;

		pd_buf_printf(out, "<line class=\"col\" x1=\"%u\" y1=\"%u\" "
		              "x2=\"%u\" y2=\"%u\"/><text class=\"ver\" x=\"%u\" "
		              "y=\"20\">", x, TOP - 12, x, h, x + 4);
		put_str_html(out, tl->versions[k].label);
		pd_buf_puts(out, "</text>\n");
	}
	for (i = 0; i < tl->nlin; i++) {
		const tl_lineage *l = &tl->lin[i];
		unsigned y, x0, x1;

		if (l->goal)
			continue;
		lane = row[i];
		y = TOP + (unsigned)lane * LANE_H + LANE_H / 2;
		x0 = LEFT + (unsigned)l->first * COL_W;
		x1 = LEFT + (unsigned)l->last * COL_W + COL_W - 16;
		pd_buf_printf(out, "<g class=\"lane\" data-lineage=\"%zu\">"
		              "<rect x=\"%u\" y=\"%u\" width=\"%u\" height=\"%u\" "
		              "rx=\"4\"/>", i + 1, x0, y - 11, x1 - x0, 22);
		for (k = l->first; k <= l->last; k++) {
			if (!l->names[k] || (k > l->first && l->names[k - 1] &&
			                     !strcmp(l->names[k - 1], l->names[k])))
				continue;
			pd_buf_printf(out, "<text x=\"%u\" y=\"%u\">",
			              LEFT + (unsigned)k * COL_W + 6, y + 5);
			put_str_html(out, l->names[k]);
			pd_buf_puts(out, "</text>");
		}
		/* a rename: a mark across the lane where the name changes */
		for (e = 0; e < l->nevents; e++)
			if (l->events[e].type == TL_RENAMED)
				pd_buf_printf(out, "<line class=\"rename\" x1=\"%u\" "
				              "y1=\"%u\" x2=\"%u\" y2=\"%u\"/>",
				              LEFT + (unsigned)l->events[e].version * COL_W,
				              y - 13, LEFT + (unsigned)l->events[e].version *
				              COL_W, y + 13);
		pd_buf_puts(out, "</g>\n");
		/* splits and merges: a line from each source's end */
		for (e = 0; e < l->nevents; e++) {
			const tl_event *ev = &l->events[e];
			size_t j;

			if (ev->type != TL_SPLIT_FROM && ev->type != TL_MERGED_FROM)
				continue;
			for (j = 0; j < ev->nothers; j++) {
				const tl_lineage *o = &tl->lin[ev->others[j]];
				unsigned oy = TOP + (unsigned)row[ev->others[j]] * LANE_H +
				              LANE_H / 2;

				if (o->goal)
					continue;
				pd_buf_printf(out, "<path class=\"%s\" d=\"M%u %u C%u %u "
				              "%u %u %u %u\"/>\n",
				              ev->type == TL_SPLIT_FROM ? "split" : "merge",
				              LEFT + (unsigned)(ev->version - 1) * COL_W +
				              COL_W - 16, oy,
				              LEFT + (unsigned)ev->version * COL_W - 4, oy,
				              LEFT + (unsigned)ev->version * COL_W - 12, y,
				              LEFT + (unsigned)ev->version * COL_W, y);
			}
		}
	}
	pd_buf_puts(out, "</svg>\n");
	free(row);
}

static void html(pd_buf *out, const pd_timeline *tl, pd_lang lang)
{
	pd_buf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	              "<meta charset=\"utf-8\">\n"
	              "<meta http-equiv=\"Content-Security-Policy\" "
	              "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
	              "<meta name=\"viewport\" content=\"width=device-width, "
	              "initial-scale=1\">\n<title>%s ",
	              lang == PD_LANG_EN ? "en" : "sv", W(lang, 0));
	put_str_html(out, tl->programme);
	pd_buf_puts(out, "</title>\n<style>\n"
	            ":root{color:#1a1a1a;background:#fff;font:16px/1.5 system-ui,"
	            "sans-serif}body{margin:0 auto;padding:1rem 1.5rem;"
	            "max-width:75rem}\n"
	            ".chart{overflow-x:auto}svg text{font:13px system-ui,"
	            "sans-serif;fill:#1a1a1a}svg .ver{font-weight:bold}\n"
	            "svg .col{stroke:#8c8c8c;stroke-dasharray:3 3}\n"
	            "svg .lane rect{fill:#dbe8f7;stroke:#1d4f91}"
	            "svg .rename{stroke:#6b4e00;stroke-width:3}\n"
	            "svg .split,svg .merge{fill:none;stroke-width:2}"
	            "svg .split{stroke:#8a1111}svg .merge{stroke:#0a4f1c;"
	            "stroke-dasharray:6 3}\n"
	            "table{border-collapse:collapse;margin:1rem 0}"
	            "th,td{border:1px solid #8c8c8c;padding:.25rem .5rem;"
	            "text-align:left;vertical-align:top}caption{text-align:left;"
	            "font-weight:bold}\n"
	            "@page{size:A4 landscape;margin:15mm}"
	            "@media print{.chart{overflow:visible}svg{max-width:100%;"
	            "height:auto}tr{break-inside:avoid}}\n"
	            "</style>\n</head>\n<body>\n<h1>");
	pd_buf_printf(out, "%s ", W(lang, 0));
	put_str_html(out, tl->programme);
	pd_buf_printf(out, "</h1>\n<p>%zu %s</p>\n<h2>%s</h2>\n"
	              "<div class=\"chart\">\n", tl->nversions,
	              W(lang, tl->nversions == 1 ? 19 : 1),
	              W(lang, 2));
	html_svg(out, tl, lang);
	pd_buf_printf(out, "</div>\n<p>%s</p>\n<div id=\"areas-table\">\n",
	              lang == PD_LANG_EN ?
	              "A lane is a goal area, from the version it appears in to "
	              "the last it is in; a bar across it marks a new name, a "
	              "solid line a split and a dashed line a merge." :
	              "Ett f\xc3\xa4lt \xc3\xa4r ett m\xc3\xa5lomr\xc3\xa5" "de, "
	              "fr\xc3\xa5n versionen d\xc3\xa5 det tillkommer till den "
	              "sista det finns i; ett streck tv\xc3\xa4rs \xc3\xb6ver "
	              "det visar ett nytt namn, en heldragen linje en delning och "
	              "en streckad linje en sammanslagning.");
	html_table(out, tl, 0, lang);
	pd_buf_puts(out, "</div>\n");
	pd_buf_printf(out, "<h2>%s</h2>\n", W(lang, 3));
	html_table(out, tl, 1, lang);
	pd_buf_puts(out, "</body>\n</html>\n");
}

int pd_timeline_render(pd_buf *out, const pd_timeline *tl, pd_format format,
                       pd_lang lang)
{
	lang = lang == PD_LANG_EN ? PD_LANG_EN : PD_LANG_SV;
	switch (format) {
	case PD_FORMAT_TEXT:
		text(out, tl, lang);
		return 0;
	case PD_FORMAT_JSON:
		json(out, tl, lang);
		return 0;
	case PD_FORMAT_HTML:
		html(out, tl, lang);
		return 0;
	default:
		return pd_error_set(PD_EINVALID, "the timeline is text, json or "
		                    "html");
	}
}

size_t pd_timeline_version_count(const pd_timeline *tl)
{
	return tl->nversions;
}

unsigned long long pd_timeline_comparisons(const pd_timeline *tl)
{
	return tl->comparisons;
}
