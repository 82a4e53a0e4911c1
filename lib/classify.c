/* SPDX-License-Identifier: MIT */
/*
 * classify.c: what a heading says it is. A classifier holds PCRE2
 * patterns per section kind: the ones a repository adds (tried first, in
 * the order added) and the built-in Swedish and English ones. Patterns are
 * matched, caseless and Unicode-aware, against the heading as
 * pd_text_heading_clean() leaves it: white space collapsed, NFC, bare
 * numbering ("2.", "IV.") and a trailing ":" or "." removed, but a kind
 * word and its number kept ("Fokusområde 2: Hållbar tillväxt").
 *
 * Only the words are judged here; where a section sits in the tree (the
 * children of "Fokusområden" are goal areas) is the parser's business.
 * Every match runs under a match, depth and heap limit, so a pattern from
 * a .progdiff file cannot hang the program; a match that hits a limit
 * counts as no match.
 *
 * Also here: the stable names of kinds and languages.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <assert.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "classify.h"
#include "text.h"

#define COMPILE_OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | \
                         PCRE2_NEVER_BACKSLASH_C)
#define MATCH_LIMIT 100000
#define DEPTH_LIMIT 1000
#define HEAP_LIMIT 2048        /* KiB */
#define MAX_HEADING 1000       /* bytes of a heading that are judged */

/* ------------------------------------------------------------------ */
/* Names                                                               */

static const char *const kind_names[PD_KIND__COUNT] = {
	"section",        /* PD_KIND_SECTION */
	"programme",      /* PD_KIND_PROGRAMME */
	"vision",         /* PD_KIND_VISION */
	"overall-goal",   /* PD_KIND_OVERALL_GOAL */
	"area-container", /* PD_KIND_CONTAINER */
	"goal-area",      /* PD_KIND_AREA */
	"goal",           /* PD_KIND_GOAL */
	"measure",        /* PD_KIND_MEASURE */
	"indicator",      /* PD_KIND_INDICATOR */
	"forum",          /* PD_KIND_FORUM */
	"changes",        /* PD_KIND_CHANGES */
	"not-area"        /* PD_KIND_NOTAREA */
};

const char *pd_kind_name(pd_kind kind)
{
	if ((int)kind < 0 || kind >= PD_KIND__COUNT)
		return NULL;
	return kind_names[kind];
}

int pd_kind_parse(pd_kind *out, const char *name)
{
	int k;

	for (k = 0; name && k < PD_KIND__COUNT; k++) {
		if (!strcmp(name, kind_names[k])) {
			*out = (pd_kind)k;
			return 0;
		}
	}
	return pd_error_set(PD_ENOTFOUND, "unknown section kind '%s'",
	                    name ? name : "");
}

static int ascii_casecmp(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		int ca = (*a >= 'A' && *a <= 'Z') ? *a + 32 : *a;
		int cb = (*b >= 'A' && *b <= 'Z') ? *b + 32 : *b;

		if (ca != cb)
			return ca - cb;
	}
	return *a - *b;
}

int pd_lang_parse(pd_lang *out, const char *name)
{
	static const struct {
		const char *name;
		pd_lang lang;
	} names[] = {
		{ "sv", PD_LANG_SV }, { "swedish", PD_LANG_SV },
		{ "svenska", PD_LANG_SV }, { "en", PD_LANG_EN },
		{ "english", PD_LANG_EN }, { "engelska", PD_LANG_EN },
		{ "auto", PD_LANG_AUTO }, { NULL, PD_LANG_AUTO }
	};
	char head[3];
	size_t i;

	if (!name)
		name = "";
	for (i = 0; names[i].name; i++) {
		if (!ascii_casecmp(name, names[i].name)) {
			*out = names[i].lang;
			return 0;
		}
	}
	/* locale-style names: "sv_SE", "en-GB", "sv_SE.UTF-8" */
	if (strlen(name) > 2 && strchr("_-.", name[2])) {
		head[0] = name[0];
		head[1] = name[1];
		head[2] = '\0';
		if (!ascii_casecmp(head, "sv") || !ascii_casecmp(head, "en"))
			return pd_lang_parse(out, head);
	}
	return pd_error_set(PD_EINVALID, "unknown language '%s' (sv, en)",
	                    name);
}

const char *pd_lang_name(pd_lang lang)
{
	switch (lang) {
	case PD_LANG_SV:
		return "sv";
	case PD_LANG_EN:
		return "en";
	case PD_LANG_AUTO:
		return "auto";
	}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Built-in patterns                                                   */

/*
 * Tried in this order: the first that matches names the kind. Order
 * matters where words overlap: "Mål 3: Fler besöker Nyckeltalsdagen" is a
 * goal before it is an event, "Fokusområde 4: Organisation" an area before
 * it is an organisation section, "Övergripande mål" an overall goal
 * before it is a goal.
 */
#define SV_AREA_WORD "(?:fokusområde|målområde|insatsområde|utvecklingsområde" \
	"|temaområde|prioriterat (?:fokus|insats|mål)?område" \
	"|strategiskt område|tema|område)"
#define EN_AREA_WORD "(?:focus area|goal area|priority area|strategic area" \
	"|key area|area of focus|strategic priority|priority" \
	"|strategic pillar|pillar|strategic theme|theme|area)"
#define AREA_NUMBER "(?:\\s*\\d{1,3}|\\s+[ivx]{1,6}|\\s+[a-z])"
#define SEP "\\s*[:.)–—-]\\s*\\S.*"
#define SV_GOAL_WORD "(?:mål|delmål|effektmål|resultatmål|långsiktigt mål" \
	"|långsiktiga mål|strategiskt mål|målsättning)"
#define EN_GOAL_WORD "(?:goal|sub-goal|subgoal|objective|target" \
	"|strategic goal|strategic objective|long-term goal|outcome)"
#define GOAL_NUMBER "(?:\\s*\\d{1,3}(?:\\.\\d{1,3})*|\\s+[a-z])"
#define NOTAREA_WORD "(?:inledning|introduktion|bakgrund|sammanfattning" \
	"|syftet?|förord|uppföljning(?:en)?|utvärdering|arbetsformer" \
	"|arbetssätt(?:et)?|genomförande(?:t)?|organisation(?:en)?" \
	"|styrning(?:en)?|om programmet|om utvecklingsprogrammet" \
	"|läsanvisning(?:ar)?|bilagor|bilaga|referenser|källor|ordlista" \
	"|begrepp|definitioner|avgränsningar|tidplan" \
	"|introduction|background|(?:executive )?summary|purpose|preface" \
	"|foreword|follow-up|follow up|monitoring|evaluation|reporting" \
	"|working methods|ways of working|implementation|governance" \
	"|organi[sz]ation|roles|responsibilities|about|appendix|appendices" \
	"|annex|references|glossary|definitions|scope|timeline)"
#define NOTAREA_TAIL "(?:" NOTAREA_WORD "|mål|målen|ansvar|ledning|goals" \
	"|objectives|aims)"

/*
 * A pattern that can only match a heading ending in certain words says
 * so in `ends`: a heading that ends otherwise is not given to PCRE2.
 * Such patterns look at every position of the heading ("…dagen$"), the
 * costliest of all; the check is a comparison of the last bytes.
 */
typedef struct ending {
	const char *word;
	size_t len;
} ending;

#define END(word) { word, sizeof(word) - 1 }

static const ending sv_forum_ends[] = {
	END("dag"), END("dagen"), END("dagarna"), END("konferensen"),
	END("konferens"), END("forumet"), END("forum"), END("rådet"),
	END("nätverket"), END("nätverk"), END("mötet"), END("mötesplatsen"),
	END("träffen"), { NULL, 0 }
};
static const ending en_forum_ends[] = {
	END("day"), END("conference"), END("council"), END("summit"),
	END("forum"), END("symposium"), END("assembly"), END("convention"),
	{ NULL, 0 }
};

static const struct builtin {
	pd_kind kind;
	const char *pattern;
	const ending *ends;        /* NULL: any heading */
} builtins[] = {
	/*
	 * the document's own list of changes: "Changes", or changes from,
	 * since or compared with anything; after "to", "in", "i" or "av"
	 * only a version ("Changes to the previous version"), since
	 * "Changes to the Service or Terms" is a section like any other
	 */
	{ PD_KIND_CHANGES, "^(?:viktiga |större |några )?(?:förändringar"
	  "|ändringar)(?: (?:(?:från|sedan|jämfört med|i förhållande till"
	  "|mot) .*|(?:i|av) (?:den |det |denna |detta )?(?:(?:nya|förra"
	  "|tidigare|föregående|reviderade|uppdaterade) )?(?:versionen|version"
	  "|programmet|planen|strategin|dokumentet|upplagan|revideringen"
	  "|\\d{4})\\b.*))?$", NULL },
	{ PD_KIND_CHANGES, "^(?:vad är nytt|nytt i (?:den här|denna) "
	  "version(?:en)?)(?: .*)?$", NULL },
	{ PD_KIND_CHANGES, "^(?:(?:main|key|major|summary of) )?changes"
	  "(?: (?:(?:since|from|compared (?:to|with)) .*|(?:to|in) (?:the "
	  "|this |our )?(?:(?:previous|last|earlier|former|prior|new|current"
	  "|revised|updated) )?(?:version|edition|revision|programme|program"
	  "|plan|strategy|policy|document|\\d{4})\\b.*))?$", NULL },
	{ PD_KIND_CHANGES, "^what(?:'|’)?s new(?: .*)?$", NULL },
	{ PD_KIND_CHANGES, "^what has changed(?: .*)?$", NULL },

	/* indicators: "Nyckeltal", never "Nyckeltalsdagen" */
	{ PD_KIND_INDICATOR, "^(?:indikatorer(?:na)?|indikator|nyckeltal(?:en)?"
	  "|mått|målindikatorer|resultatindikatorer|uppföljningsindikatorer)"
	  "(?: (?:för|och) .*)?$", NULL },
	{ PD_KIND_INDICATOR, "^(?:key performance indicators|performance "
	  "indicators|indicators|indicator|kpis?|metrics|measures of success)"
	  "(?: (?:for|and) .*)?$", NULL },

	/* measures, activities */
	{ PD_KIND_MEASURE, "^(?:prioriterade )?(?:åtgärder(?:na)?"
	  "|aktiviteter(?:na)?|insatser(?:na)?|handlingsplan(?:en|er)?"
	  "|åtgärdsplan(?:en)?|aktivitetsplan(?:en)?)"
	  "(?: (?:för|och|inom|under) .*)?$", NULL },
	{ PD_KIND_MEASURE, "^(?:key |planned |priority )?(?:measures|actions"
	  "|activities|action plans?)(?: (?:for|and|in|within) .*)?$", NULL },

	/* the overall goal, before "mål" makes it a goal */
	{ PD_KIND_OVERALL_GOAL, "^(?:det |vårt |våra |ett |de )?övergripande "
	  "mål(?:et|en)?(?: .*)?$", NULL },
	{ PD_KIND_OVERALL_GOAL, "^huvudmål(?:et|en)?(?: (?:för|och) .*)?$", NULL },
	{ PD_KIND_OVERALL_GOAL, "^(?:the |our )?(?:overall|overarching|main"
	  "|primary) (?:goals?|objectives?|aims?)(?: .*)?$", NULL },

	/* the vision */
	{ PD_KIND_VISION, "^(?:vår |en |gemensam |our |the |a |shared )?"
	  "vision(?:en)?(?:[ :–—-].*)?$", NULL },

	/* the container of the goal areas */
	{ PD_KIND_CONTAINER, "^(?:\\S+ )?(?:(?:fokus|mål|insats|utvecklings"
	  "|tema)områden(?:a)?|prioriterade (?:fokus|mål|insats)?områden(?:a)?"
	  "|strategiska (?:fokus|mål)?områden(?:a)?|prioriteringar(?:na)?"
	  "|(?:strategiska|prioriterade) teman(?:a)?)"
	  "(?: (?:och|för|inom|med|i) .*)?$", NULL },
	{ PD_KIND_CONTAINER, "^(?:\\S+ )?(?:focus areas|goal areas"
	  "|priority areas|key areas|strategic areas|areas of focus"
	  "|strategic priorities|priorities|(?:strategic )?pillars"
	  "|(?:strategic )?themes)(?: (?:and|for|in|with) .*)?$", NULL },

	/* a heading that names itself a goal area */
	{ PD_KIND_AREA, "^" SV_AREA_WORD AREA_NUMBER "?" SEP "$", NULL },
	{ PD_KIND_AREA, "^" SV_AREA_WORD "\\s+(?:\\d{1,3}|[ivx]{1,6})"
	  "(?:\\s+\\S.*)?$", NULL },
	{ PD_KIND_AREA, "^(?:fokus|mål|insats|utvecklings|tema)området "
	  "\\S.*$", NULL },
	{ PD_KIND_AREA, "^" EN_AREA_WORD AREA_NUMBER "?" SEP "$", NULL },
	{ PD_KIND_AREA, "^" EN_AREA_WORD "\\s+(?:\\d{1,3}|[ivx]{1,6})"
	  "(?:\\s+\\S.*)?$", NULL },

	/* goals */
	{ PD_KIND_GOAL, "^" SV_GOAL_WORD GOAL_NUMBER "?" SEP "$", NULL },
	{ PD_KIND_GOAL, "^" SV_GOAL_WORD "\\s+\\d{1,3}(?:\\.\\d{1,3})*"
	  "(?:\\s+\\S.*)?$", NULL },
	{ PD_KIND_GOAL, "^delmål(?:\\s.*)?$", NULL },
	{ PD_KIND_GOAL, "^" EN_GOAL_WORD GOAL_NUMBER "?" SEP "$", NULL },
	{ PD_KIND_GOAL, "^" EN_GOAL_WORD "\\s+\\d{1,3}(?:\\.\\d{1,3})*"
	  "(?:\\s+\\S.*)?$", NULL },
	{ PD_KIND_GOAL, "^objective(?:\\s.*)?$", NULL },

	/* sections that are about the programme, not part of it */
	{ PD_KIND_NOTAREA, "^" NOTAREA_WORD "(?:(?:,| och| samt| and| &)? "
	  NOTAREA_TAIL ")*(?: (?:av|of|för|for|med|with|i|in) .*)?$", NULL },
	{ PD_KIND_NOTAREA, "^om (?:det här |detta )?(?:program|programmet"
	  "|utvecklingsprogrammet|strategin|planen|dokumentet)$", NULL },
	{ PD_KIND_NOTAREA, "^about (?:this|the) (?:programme|program"
	  "|strategy|plan|document)$", NULL },

	/* events and meeting places: "Rådslaget", "Nyckeltalsdagen" */
	{ PD_KIND_FORUM, "^rådslag(?:et)?(?: \\d{4})?$", NULL },
	{ PD_KIND_FORUM, "^(?!.*(?:\\bi ?|\\bvar|\\bhel|\\bhelg|\\bmån|\\btis"
	  "|\\bons|\\btors|\\bfre|\\blör|\\bsön)dag(?:en)?$)"
	  ".*\\S(?:dagen|dag|dagarna|konferensen|konferens|forumet|forum"
	  "|(?<!om)rådet|nätverket|nätverk|mötet|mötesplatsen|träffen)$", sv_forum_ends },
	{ PD_KIND_FORUM, "^(?:årlig |årliga |the |annual )?(?:konferens|forum"
	  "|mötesplats|nätverksträff|conference|summit)\\b.*$", NULL },
	{ PD_KIND_FORUM, ".\\b(?:day|conference|council|summit|forum"
	  "|symposium|assembly|convention)$", en_forum_ends },
	{ PD_KIND_FORUM, "^(?:rådet|forumet|nätverket|konferensen)$", NULL }
};

#define NBUILTINS (sizeof(builtins) / sizeof(builtins[0]))

/* Longest of the `ends` words, in bytes. */
#define LONGEST_END 13

typedef struct kind_pattern {
	pd_kind kind;
	pcre2_code *code;
} kind_pattern;

struct pd_classifier {
	kind_pattern *user;     /* from pd_classifier_add, tried first */
	size_t nuser;
	size_t auser;
	kind_pattern builtin[NBUILTINS];
	size_t first_ends;      /* index of the first built-in with `ends` */
	pcre2_code *anchored;   /* the built-ins without `ends`, in one */
	pcre2_match_context *mctx;
	int jit;                /* every pattern also compiled to machine code */
};

/* `code` also as machine code, where PCRE2 has a JIT; else interpreted. */
static void to_machine_code(pcre2_code *code)
{
	if (code)
		(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
}

/* Compile `re`; on failure record a message naming it and `kind`. */
static int compile(pcre2_code **out, const char *re, pd_kind kind)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE offset = 0;
	int code = 0;

	*out = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
	                     COMPILE_OPTIONS, &code, &offset, NULL);
	if (*out)
		return 0;
	if (pcre2_get_error_message(code, msg, sizeof(msg)) < 0)
		strcpy((char *)msg, "error");
	return pd_error_set(PD_EINVALID,
	                    "invalid pattern '%s' for %s: %s at offset %lu",
	                    re, pd_kind_name(kind), (const char *)msg,
	                    (unsigned long)offset);
}

int pd_classifier_new(pd_classifier **out)
{
	pd_classifier *cls = pd__calloc(1, sizeof(*cls));
	pd_buf all = PD_BUF_INIT;
	size_t i, n;
	int error = 0;

	cls->mctx = pcre2_match_context_create(NULL);
	if (!cls->mctx)
		pd__oom();
	pcre2_set_match_limit(cls->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(cls->mctx, DEPTH_LIMIT);
	pcre2_set_heap_limit(cls->mctx, HEAP_LIMIT);
	/* alone, only the patterns of a heading's ending are tried */
	cls->first_ends = NBUILTINS;
	for (i = 0; i < NBUILTINS; i++) {
		const ending *end;

		for (end = builtins[i].ends; end && end->word; end++)
			assert(end->len <= LONGEST_END);
		if (builtins[i].ends && cls->first_ends == NBUILTINS)
			cls->first_ends = i;
		cls->builtin[i].kind = builtins[i].kind;
		if (builtins[i].ends &&
		    (error = compile(&cls->builtin[i].code, builtins[i].pattern,
		                     builtins[i].kind)) < 0)
			goto done;
	}
	/*
	 * The built-ins that any heading may match are also tried as one
	 * alternation, in their order, each marked with its index: one call
	 * instead of thirty, whose fixed cost was most of a heading's time.
	 * The alternation is anchored at the start, so the first alternative
	 * that matches is the first pattern that matches.
	 */
	pd_buf_puts(&all, "^(?:");
	for (i = 0, n = 0; i < NBUILTINS; i++) {
		const char *re = builtins[i].pattern;

		if (builtins[i].ends)
			continue;
		/* an unanchored one would be found anywhere: ".*?" says so */
		pd_buf_printf(&all, "%s(?:%s%s)(*MARK:%u)", n++ ? "|" : "",
		              re[0] == '^' ? "" : ".*?", re[0] == '^' ? re + 1 : re,
		              (unsigned)i);
	}
	pd_buf_puts(&all, ")");
	error = compile(&cls->anchored, all.ptr, PD_KIND_SECTION);
done:
	pd_buf_dispose(&all);
	if (error < 0) {
		pd_classifier_free(cls);
		cls = NULL;
	}
	*out = cls;
	return error;
}

/* `fn` on every pattern of `cls`, those added and the built-ins. */
static void each_code(pd_classifier *cls, void (*fn)(pcre2_code *))
{
	size_t i;

	for (i = 0; i < cls->nuser; i++)
		fn(cls->user[i].code);
	for (i = 0; i < NBUILTINS; i++)
		fn(cls->builtin[i].code);
	fn(cls->anchored);
}

void pd_classifier_free(pd_classifier *cls)
{
	if (!cls)
		return;
	each_code(cls, pcre2_code_free);
	pcre2_match_context_free(cls->mctx);
	free(cls->user);
	free(cls);
}

int pd_classifier_add(pd_classifier *cls, pd_kind kind, const char *pattern)
{
	pcre2_code *code = NULL;
	int error;

	if ((int)kind < 0 || kind >= PD_KIND__COUNT ||
	    kind == PD_KIND_PROGRAMME)
		return pd_error_set(PD_EINVALID, "pattern '%s' for an invalid "
		                    "section kind", pattern ? pattern : "");
	if (!pattern)
		return pd_error_set(PD_EINVALID, "no pattern for %s",
		                    pd_kind_name(kind));
	if ((error = compile(&code, pattern, kind)) < 0)
		return error;
	if (cls->jit)
		to_machine_code(code);
	if (cls->nuser == cls->auser) {
		cls->auser = cls->auser ? pd__add(cls->auser, cls->auser / 2) :
		             4;
		cls->user = pd__reallocarray(cls->user, cls->auser,
		                             sizeof(*cls->user));
	}
	cls->user[cls->nuser].kind = kind;
	cls->user[cls->nuser].code = code;
	cls->nuser++;
	return 0;
}

void pd_classifier__prepare(const pd_classifier *cls, size_t headings)
{
	/* machine code is a cache of the patterns, not a change to them */
	pd_classifier *c = (pd_classifier *)cls;

	if (!c || c->jit || headings < PD_CLASSIFY__JIT_HEADINGS)
		return;
	each_code(c, to_machine_code);
	c->jit = 1;
}

int pd_classifier__jit(const pd_classifier *cls)
{
	return cls->jit;
}

/* Does the folded heading end in one of `ends`? */
static int ends_in(const pd_buf *folded, const ending *ends)
{
	char last;

	if (!folded->size)
		return 0;
	last = folded->ptr[folded->size - 1];
	for (; ends->word; ends++) {
		if (folded->size >= ends->len &&
		    ends->word[ends->len - 1] == last &&
		    !memcmp(folded->ptr + folded->size - ends->len, ends->word,
		            ends->len))
			return 1;
	}
	return 0;
}

/* Does `p` match? A match that runs into a limit does not. */
static int matches(const pd_classifier *cls, const kind_pattern *p,
                   const char *s, size_t len, pcre2_match_data *md,
                   uint32_t options)
{
	int rc = pcre2_match(p->code, (PCRE2_SPTR)s, len, 0, options, md,
	                     cls->mctx);

	if (rc == PCRE2_ERROR_NOMEMORY)
		pd__oom();
	return rc >= 0;
}

void pd_classify__scratch_dispose(pd_classify_scratch *scratch)
{
	if (!scratch)
		return;
	pd_buf_dispose(&scratch->clean);
	pd_buf_dispose(&scratch->folded);
	pcre2_match_data_free(scratch->match_data);
	scratch->match_data = NULL;
}

/*
 * The end of s[0..len) case-folded, at least LONGEST_END bytes of it
 * when there are as many (all that ends_in() reads): folded from an
 * ASCII character near the end. An ASCII character starts a combining
 * sequence and is never the second of a composition, and folding goes a
 * character at a time, so the folding from there is the end of the
 * whole heading's folding.
 */
static void fold_end(pd_buf *folded, const char *s, size_t len)
{
	size_t b = len > 2 * LONGEST_END ? len - 2 * LONGEST_END : 0;

	while (b > 0 && (unsigned char)s[b] >= 0x80)
		b--;
	pd_buf_clear(folded);
	pd_text_fold(folded, s + b, len - b);
	if (b > 0 && folded->size < LONGEST_END) {
		pd_buf_clear(folded);
		pd_text_fold(folded, s, len);
	}
}

pd_kind pd_classify__heading(const pd_classifier *cls,
                             pd_classify_scratch *scratch,
                             const char *heading, size_t len,
                             unsigned flags)
{
	pd_buf *clean = &scratch->clean, *folded = &scratch->folded;
	pcre2_match_data *md;
	uint32_t options = flags & PD_CLASSIFY__VALID_UTF8 ?
	                   PCRE2_NO_UTF_CHECK : 0;
	size_t i, first;

	if (!heading || !len)
		return PD_KIND_SECTION;
	if (!scratch->match_data &&
	    !(scratch->match_data = pcre2_match_data_create(1, NULL)))
		pd__oom();
	md = scratch->match_data;
	pd_buf_clear(clean);
	pd_text_heading_clean(clean, heading, len);
	len = clean->size;
	if (len > MAX_HEADING) {
		/* not a heading anyone wrote to be classified; keep it short */
		len = MAX_HEADING;
		while (len > 0 &&
		       ((unsigned char)clean->ptr[len] & 0xc0) == 0x80)
			len--;
	}
	for (i = 0; i < cls->nuser; i++)
		if (matches(cls, &cls->user[i], clean->ptr, len, md, options))
			return cls->user[i].kind;
	/* the first anchored built-in that matches, if any ... */
	first = NBUILTINS;
	if (pcre2_match(cls->anchored, (PCRE2_SPTR)clean->ptr, len, 0,
	                options, md, cls->mctx) >= 0 && pcre2_get_mark(md))
		first = strtoul((const char *)pcre2_get_mark(md), NULL, 10);
	/* ... unless a pattern of a heading's ending comes before it (the
	 * folded heading is made only when one can) */
	if (first > cls->first_ends) {
		if (flags & PD_CLASSIFY__EXHAUSTIVE) {
			pd_buf_clear(folded);
			pd_text_fold(folded, clean->ptr, len);
		} else {
			fold_end(folded, clean->ptr, len);
		}
	}
	for (i = cls->first_ends; i < first && i < NBUILTINS; i++) {
		if (!builtins[i].ends || !ends_in(folded, builtins[i].ends))
			continue;
		if (matches(cls, &cls->builtin[i], clean->ptr, len, md,
		            options)) {
			first = i;
			break;
		}
	}
	if (first < NBUILTINS) {
		assert(builtins[first].kind < PD_KIND__COUNT);
		return builtins[first].kind;
	}
	return PD_KIND_SECTION;
}

pd_kind pd_classify_heading(const pd_classifier *cls, const char *heading,
                            int level)
{
	pd_classify_scratch scratch = PD_CLASSIFY_SCRATCH_INIT;
	pd_kind kind;

	(void)level;        /* the words decide here, not the level */
	if (!heading || !*heading)
		return PD_KIND_SECTION;
	kind = pd_classify__heading(cls, &scratch, heading, strlen(heading),
	                            0);
	pd_classify__scratch_dispose(&scratch);
	return kind;
}

static pd_classifier *default_cls;

static void free_default(void)
{
	pd_classifier_free(default_cls);
	default_cls = NULL;
}

const pd_classifier *pd_classifier__default(void)
{
	/* made once: compiling the built-in patterns costs more than
	 * classifying the headings of a large programme */
	if (!default_cls && pd_classifier_new(&default_cls) == 0)
		atexit(free_default);
	return default_cls;
}
