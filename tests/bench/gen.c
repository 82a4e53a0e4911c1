/* SPDX-License-Identifier: MIT */
/*
 * gen.c: the benchmark's generator of programme pairs.
 *
 *   gen CASE OUTDIR [SEED]
 *
 * writes OUTDIR/old.md, OUTDIR/new.md and OUTDIR/truth.tsv. The output is
 * a function of CASE and SEED only (our own PRNG, splitmix64; no libc
 * rand), so a result can be reproduced on any machine.
 *
 * A programme is what progdiff reads: YAML front matter, a title with the
 * target year, a preamble, "Vision", "Övergripande mål", "Fokusområden"
 * holding the goal areas (H3) with their goals (H4), measures, bullet
 * lists and pipe tables, then "Genomförande och uppföljning"; the prose is
 * Swedish-like text drawn from a word list. The new version is the old one
 * with known edits, each written to truth.tsv as one line:
 *
 *   kind <TAB> old heading <TAB> new heading <TAB> flags <TAB> old line
 *   <TAB> new line
 *
 * (value kinds carry the old and new value in the heading columns; lines
 * are those of the headings, 0 when none). Lines starting with '#' are
 * comments; "# match: lines" asks the scorer to pair by line numbers, for
 * cases where headings are not unique.
 *
 * Cases: size-100k, size-1m, size-10m (realistic programmes with areas
 * added, removed, renamed, moved, renamed and moved, goals moved between
 * areas and renamed, words edited in about a tenth of the paragraphs, a
 * theme term added to every area, the year in the title changed), and the
 * stress shapes renamed-20k, siblings-50k, equal-10k, nest-deep, nest-60
 * and para-5m (see usage()).
 *
 * This program is deliberately independent of libprogdiff.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Utilities                                                           */

static void die(const char *msg)
{
	fprintf(stderr, "gen: %s\n", msg);
	exit(2);
}

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

/* splitmix64 (Steele, Lea, Flood 2014): small, fast, good enough. */
static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n); n > 0. The modulo bias is irrelevant here. */
static size_t rn(size_t n)
{
	return (size_t)(rnd() % n);
}

/* Uniform in [lo, hi]. */
static size_t rr(size_t lo, size_t hi)
{
	return lo + rn(hi - lo + 1);
}

/* True with probability p. */
static int chance(double p)
{
	return (double)(rnd() >> 11) / 9007199254740992.0 < p;
}

/* A growable string; `lines` counts the newlines appended (see sb_put). */
typedef struct {
	char *p;
	size_t n, cap;
	unsigned long lines;
} sb;

static void sb_put(sb *b, const char *s, size_t len)
{
	const char *q;

	if (b->n + len + 1 > b->cap) {
		b->cap = (b->n + len + 1) * 3 / 2 + 64;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, len);
	b->n += len;
	b->p[b->n] = '\0';
	for (q = s; (q = memchr(q, '\n', len - (size_t)(q - s))) != NULL; q++)
		b->lines++;
}

static void sb_puts(sb *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

static void sb_printf(sb *b, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(tmp))
		die("sb_printf: line too long");
	sb_put(b, tmp, (size_t)n);
}

static void sb_reset(sb *b)
{
	b->n = 0;
	b->lines = 0;
	if (b->p)
		b->p[0] = '\0';
}

static char *sb_detach(sb *b)
{
	char *p = b->p ? b->p : xstrdup("");

	b->p = NULL;
	b->n = b->cap = 0;
	b->lines = 0;
	return p;
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

/*
 * The vocabulary is shaped like a real programme's: function words and a
 * general policy vocabulary shared by every section, and topical
 * compounds (stem + head: "bostadsplanering", "trafiknätet") of which
 * each goal area draws on its own few stems. So two unrelated areas
 * share their common words, not their subject, and a renamed area keeps
 * its subject. Within each class, earlier words are more frequent.
 */
static const char *const fwords[] = {
	"och", "att", "som", "för", "i", "med", "på", "av", "till", "en",
	"ett", "det", "den", "de", "är", "ska", "kan", "har", "genom", "inom",
	"om", "från", "både", "eller", "mer", "fler", "alla", "också",
	"därför", "samtidigt", "vidare", "särskilt", "bättre", "större",
	"nya", "goda", "hela", "olika", "andra", "många"
};
static const char *const gwords[] = {
	"arbetet", "bidra", "kommunen", "kommunerna", "regionen", "invånarna",
	"företagen", "utveckling", "samverkan", "möjligheter",
	"förutsättningar", "tillsammans", "långsiktig", "hållbar",
	"gemensamma", "ökad", "stärka", "skapa", "utveckla", "öka", "stödja",
	"erbjuda", "säkra", "främja", "människor", "samhället", "framtiden",
	"behov", "kvalitet", "resurser", "tillgång", "delaktighet",
	"trygghet", "tillväxt", "kunskap", "kompetens", "innovation",
	"aktörer", "myndigheter", "staten", "näringslivet", "civilsamhället",
	"verksamheter", "lokala", "regionala", "nationella", "digitala",
	"attraktiv", "effektiv", "tydlig", "viktig", "stark", "jämlik",
	"tillgänglig", "samordnad", "prioritera", "planera", "genomföra"
};
static const char *const adjectives[] = {
	"hållbar", "attraktiv", "trygg", "stark", "gemensam", "effektiv",
	"jämlik", "aktiv", "tillgänglig", "innovativ", "grön", "robust",
	"levande", "inkluderande", "öppen", "modern", "konkurrenskraftig",
	"sammanhållen", "smart", "växande"
};
static const char *const stems[] = {
	"bostads", "trafik", "skol", "vård", "energi", "vatten", "kultur",
	"närings", "arbets", "natur", "idrotts", "stads", "landsbygds",
	"besöks", "forsknings", "kompetens", "fritids", "omsorgs", "hälso",
	"miljö", "avfalls", "cykel", "spår", "hamn", "gods", "bredbands",
	"innovations", "företags", "utbildnings", "kust", "skärgårds",
	"park", "turism", "integrations", "ungdoms", "äldre", "förskole",
	"livsmedels", "skogs", "jordbruks", "sjukvårds", "räddnings",
	"säkerhets", "kollektivtrafik", "mark", "bygg", "transport",
	"handels"
};
static const char *const heads[] = {
	"planering", "frågor", "satsningar", "nätet", "kapaciteten",
	"försörjningen", "strukturen", "miljön", "servicen", "systemet",
	"lösningar", "investeringar", "tillgången", "kvaliteten", "behoven",
	"utbudet", "näringen", "sektorn", "verksamheten", "anläggningar",
	"stråk", "noder", "flöden", "kedjor", "satsningen", "resurserna",
	"samarbetet", "politiken", "utvecklingen", "möjligheterna",
	"kunskapen", "ekonomin"
};
static const char *const en_fwords[] = {
	"and", "to", "the", "for", "in", "with", "of", "on", "by", "a",
	"an", "that", "is", "are", "will", "can", "has", "through", "within",
	"from", "both", "or", "more", "all", "also", "therefore", "while",
	"further", "especially", "better", "greater", "new", "good", "whole",
	"different", "other", "many", "as", "its", "their"
};
static const char *const en_gwords[] = {
	"work", "contribute", "shall", "municipality", "municipalities",
	"region", "residents", "businesses", "development", "cooperation",
	"opportunities", "conditions", "together", "long-term", "sustainable",
	"shared", "increased", "strengthen", "create", "develop", "increase",
	"support", "offer", "secure", "promote", "people", "society", "future",
	"needs", "quality", "resources", "access", "participation", "safety",
	"growth", "knowledge", "skills", "innovation", "actors", "authorities",
	"state", "industry", "civil", "operations", "local", "regional",
	"national", "digital", "attractive", "effective", "clear", "important",
	"strong", "equal", "accessible", "coordinated", "prioritise", "plan",
	"carry"
};
static const char *const en_adjectives[] = {
	"sustainable", "attractive", "safe", "strong", "common", "efficient",
	"equitable", "active", "accessible", "innovative", "green", "robust",
	"lively", "inclusive", "open", "modern", "competitive", "cohesive",
	"smart", "growing"
};
static const char *const en_stems[] = {
	"housing", "traffic", "school", "care", "energy", "water", "culture",
	"business", "labour", "nature", "sports", "city", "rural", "visitor",
	"research", "competence", "leisure", "welfare", "health",
	"environment", "waste", "cycling", "rail", "harbour", "freight",
	"broadband", "innovation", "enterprise", "education", "coastal",
	"archipelago", "park", "tourism", "integration", "youth", "elderly",
	"preschool", "food", "forestry", "farming", "hospital", "rescue",
	"security", "transit", "land", "building", "transport", "retail"
};
static const char *const en_heads[] = {
	"planning", "issues", "investments", "network", "capacity", "supply",
	"structure", "surroundings", "services", "system", "solutions",
	"infrastructure", "provision", "standards", "requirements", "offer",
	"trade", "sector", "operations", "facilities", "corridors", "hubs",
	"flows", "chains", "initiative", "funding", "partnership", "policy",
	"growth", "prospects", "expertise", "economy"
};
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define NSTEMS NELEM(stems)
#define NHEADS NELEM(heads)

/*
 * The language of a programme: its vocabulary and the fixed wording of
 * its frame. Frequent words that every area has make the theme sentence,
 * besides the theme term, so that the term alone is new everywhere; no
 * word of the vocabulary begins like it.
 */
typedef struct {
	const char *const *fw, *const *gw, *const *adj, *const *stem,
	    *const *head;
	size_t nfw, ngw, nadj, nstem, nhead;
	const char *compound_sep;  /* "" (Swedish compounds) or " " */
	const char *and_word;      /* " och " */
	const char *theme_term, *theme_sentence;
	const char *measures;      /* the paragraph before a goal's list */
	const char *table_head;
	const char *const *lead;   /* first words of a goal's heading */
} language;

static const char *const sv_lead[] = {
	"Ökad", "Stärkt", "Fler", "Bättre", "Utvecklad", "Tryggad",
	"Samordnad", "Förbättrad", "Hållbar", "Breddad"
};
static const char *const en_lead[] = {
	"Increased", "Stronger", "Wider", "Better", "Developed", "Secured",
	"Coordinated", "Improved", "Lasting", "Broader"
};

static const language sv_language = {
	fwords, gwords, adjectives, stems, heads,
	NELEM(fwords), NELEM(gwords), NELEM(adjectives), NELEM(stems),
	NELEM(heads), "", " och ", "klimatomställningen",
	"Arbetet ska bidra till klimatomställningen.", "Åtgärder:",
	"| Indikator | Utgångsvärde | Målvärde | Källa |", sv_lead
};
static const language en_language = {
	en_fwords, en_gwords, en_adjectives, en_stems, en_heads,
	NELEM(en_fwords), NELEM(en_gwords), NELEM(en_adjectives),
	NELEM(en_stems), NELEM(en_heads), " ", " and ", "decarbonisation",
	"The work shall contribute to decarbonisation.", "Measures:",
	"| Indicator | Baseline | Target | Source |", en_lead
};
static const language *lang = &sv_language;

#define THEME_TERM (lang->theme_term)
#define THEME_SENTENCE (lang->theme_sentence)

/*
 * The shape of a programme beyond its size: whether it has front
 * matter, how its paragraphs are written, how much prose, lists and
 * tables a section holds, how many edits the new version has. The
 * defaults are the original realistic pairs, generated exactly as
 * before for the same seed.
 */
typedef struct {
	int fm;          /* YAML front matter */
	int wrap;        /* paragraphs wrapped at 72 columns, else one line */
	int prose;       /* prose-heavy sections: more, longer paragraphs */
	int rich;        /* nested lists and a table in every section */
	int revision;    /* how often it is revised, stated in the preamble
	                  * (1), at the very end (2) or nowhere (0) */
	int dense;       /* twice the structural edits, more word edits */
	double edit_p;   /* share of the paragraphs with words edited */
} shape;

static shape sh = { 1, 1, 0, 0, 1, 0, 0.1 };

static char *compounds[NSTEMS * NHEADS];

static void words_init(void)
{
	size_t i, j, lsep = strlen(lang->compound_sep);

	for (i = 0; i < lang->nstem; i++)
		for (j = 0; j < lang->nhead; j++) {
			const char *st = lang->stem[i], *hd = lang->head[j];
			size_t ls = strlen(st), lh = strlen(hd);
			char *w = xmalloc(ls + lsep + lh + 1);

			memcpy(w, st, ls);
			memcpy(w + ls, lang->compound_sep, lsep);
			memcpy(w + ls + lsep, hd, lh + 1);
			compounds[i * NHEADS + j] = w;
		}
}

/* A section's subject: the stems its compounds are made of. */
typedef struct {
	size_t stem[3];
	size_t n;
} topic;

static const topic *cur_topic;  /* of the text being written */
static int heading_mode;        /* words for a heading, not prose */

static void topic_new(topic *t)
{
	size_t i, j;

	t->n = rr(2, 3);
	for (i = 0; i < t->n; i++) {
again:
		t->stem[i] = rn(lang->nstem);
		for (j = 0; j < i; j++)
			if (t->stem[j] == t->stem[i])
				goto again;
	}
}

/* Skewed towards the front: index n * u^2. */
static size_t zipfish(size_t n)
{
	double u = (double)(rnd() >> 11) / 9007199254740992.0;

	return (size_t)((double)n * u * u);
}

static const char *topic_word(void)
{
	if (!cur_topic)
		return lang->gw[zipfish(lang->ngw)];
	return compounds[cur_topic->stem[rn(cur_topic->n)] * NHEADS +
	                 zipfish(lang->nhead)];
}

static const char *word(void)
{
	double u = (double)(rnd() >> 11) / 9007199254740992.0;

	if (heading_mode)
		return u < 0.3 ? lang->adj[rn(lang->nadj)] :
		       topic_word();
	if (u < 0.42)
		return lang->fw[zipfish(lang->nfw)];
	if (u < 0.70)
		return lang->gw[zipfish(lang->ngw)];
	return topic_word();
}

/* Append `w` with its first letter capitalised (ASCII and å ä ö é). */
static void put_cap(sb *b, const char *w)
{
	unsigned char c0 = (unsigned char)w[0], c1 = (unsigned char)w[1];
	char up[2];

	if (c0 >= 'a' && c0 <= 'z') {
		up[0] = (char)(c0 - 'a' + 'A');
		sb_put(b, up, 1);
		sb_puts(b, w + 1);
	} else if (c0 == 0xc3 && c1 >= 0xa0 && c1 <= 0xbe) {
		up[0] = (char)0xc3;
		up[1] = (char)(c1 - 0x20);
		sb_put(b, up, 2);
		sb_puts(b, w + 2);
	} else {
		sb_puts(b, w);
	}
}

/* A unique pseudo-word for a number: syllables in base 24, 4 of them. */
static void put_pseudo(sb *b, unsigned long n, const char *tag)
{
	static const char *const syl[] = {
		"ka", "ve", "lo", "mi", "nu", "sa", "te", "ri", "po", "gu",
		"fa", "de", "bi", "ho", "ju", "ly", "ne", "ta", "vo", "se",
		"ro", "mu", "di", "ga"
	};
	int i;

	sb_puts(b, tag);
	for (i = 0; i < 4; i++) {
		sb_puts(b, syl[n % 24]);
		n /= 24;
	}
	while (n) {
		sb_puts(b, syl[n % 24]);
		n /= 24;
	}
}

/* A sentence of `n` words: capitalised, an occasional comma, a period. */
static void put_sentence(sb *b, size_t n)
{
	const char *w, *prev = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		do
			w = word();
		while (w == prev);
		prev = w;
		if (i == 0) {
			put_cap(b, w);
		} else {
			sb_puts(b, " ");
			sb_puts(b, w);
		}
		if (i + 2 < n && i > 2 && chance(0.06))
			sb_puts(b, ",");
	}
	sb_puts(b, ".");
}

/* A paragraph of `lo`..`hi` sentences, as one line. */
static char *make_para(size_t lo, size_t hi)
{
	sb b = { 0 };
	size_t i, n = rr(lo, hi);

	for (i = 0; i < n; i++) {
		if (i)
			sb_puts(&b, " ");
		put_sentence(&b, rr(7, 18));
	}
	return sb_detach(&b);
}

static char *make_sentence(size_t lo, size_t hi)
{
	sb b = { 0 };

	put_sentence(&b, rr(lo, hi));
	return sb_detach(&b);
}

/* ------------------------------------------------------------------ */
/* Unique headings                                                     */

/* An open-addressing set of the headings in use (both versions), so that
 * a heading identifies one section unless a case wants otherwise. */
static char **hset;
static size_t hset_cap, hset_n;

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		h = (h ^ c) * 1099511628211ULL;
	}
	return h;
}

static int ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		unsigned char x = (unsigned char)*a, y = (unsigned char)*b;

		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return 0;
	}
	return *a == *b;
}

/* Add `s` unless present; returns 1 when added. */
static int hset_add(const char *s)
{
	size_t i;

	if ((hset_n + 1) * 2 > hset_cap) {
		char **old = hset;
		size_t oldcap = hset_cap, j;

		hset_cap = hset_cap ? hset_cap * 2 : 1024;
		hset = xmalloc(hset_cap * sizeof(*hset));
		memset(hset, 0, hset_cap * sizeof(*hset));
		for (j = 0; j < oldcap; j++) {
			if (!old[j])
				continue;
			i = (size_t)(hash_str(old[j]) & (hset_cap - 1));
			while (hset[i])
				i = (i + 1) & (hset_cap - 1);
			hset[i] = old[j];
		}
		free(old);
	}
	i = (size_t)(hash_str(s) & (hset_cap - 1));
	while (hset[i]) {
		if (ieq(hset[i], s))
			return 0;
		i = (i + 1) & (hset_cap - 1);
	}
	hset[i] = xstrdup(s);
	hset_n++;
	return 1;
}

/*
 * A new unique heading of `lo`..`hi` words on the current topic: an
 * adjective or a compound first, "och" before the last of three or more.
 * The vocabulary holds no word that the classifier reads as a kind
 * (mål, program, uppföljning, åtgärder, ...).
 */
static char *make_heading(size_t lo, size_t hi)
{
	sb b = { 0 };
	size_t i, n;
	int tries = 0;

	heading_mode = 1;
	for (;;) {
		const char *used[8];

		sb_reset(&b);
		n = rr(lo, hi);
		for (i = 0; i < n && i < 8; i++) {
			const char *w;
			size_t j;

		again:
			w = i == 0 ? word() : topic_word();
			for (j = 0; j < i; j++)
				if (used[j] == w)
					goto again;
			used[i] = w;
			if (i == 0) {
				put_cap(&b, w);
				continue;
			}
			sb_puts(&b, " ");
			if (i + 1 == n && n > 2)
				sb_puts(&b, lang->and_word + 1);
			sb_puts(&b, w);
		}
		if (++tries > 50) {
			sb_puts(&b, " ");
			put_pseudo(&b, (unsigned long)hset_n, "");
		}
		if (hset_add(b.p))
			break;
	}
	heading_mode = 0;
	return sb_detach(&b);
}

/* A goal's heading: a short clause, "Ökad tillgång till bostadsnätet". */
static char *make_goal_heading(void)
{
	sb b = { 0 };
	size_t i, n;

	for (;;) {
		sb_reset(&b);
		sb_puts(&b, lang->lead[rn(10)]);
		n = rr(3, 6);
		for (i = 0; i < n; i++) {
			sb_puts(&b, " ");
			sb_puts(&b, i == n - 2 ? lang->fw[rn(12)] : topic_word());
		}
		if (hset_add(b.p))
			return sb_detach(&b);
	}
}

/* ------------------------------------------------------------------ */
/* The programme model                                                 */

enum { B_PARA, B_LIST, B_TABLE, B_RAW };

typedef struct {
	int type;
	size_t n;       /* strings in s: 1 for a paragraph or raw text */
	char **s;       /* paragraph, list items, table rows, raw text */
} block;

typedef struct {
	size_t nb;
	block *b;
} blocks;

typedef struct goal {
	int id;
	topic topic;
	char *heading;
	blocks body;
	int touched;    /* renamed, moved or edited: not edited again */
} goal;

typedef struct area {
	int id;
	topic topic;
	char *heading;
	blocks body;
	size_t ng;
	goal **g;
	int theme;      /* has the theme sentence */
	int role;       /* what the edits did to it (R_*) */
} area;

enum { R_PLAIN, R_REMOVED, R_RENAMED, R_MOVED, R_RENMOVED, R_ADDED };

typedef struct {
	const char *head; /* front matter to the container's introduction */
	const char *tail; /* what follows the areas */
	const char *area_heading; /* "###" */
	const char *goal_heading; /* "####" */
	size_t na;
	area **a;
} doc;

static void blocks_add(blocks *bs, int type, size_t n, char **s)
{
	bs->b = xrealloc(bs->b, (bs->nb + 1) * sizeof(*bs->b));
	bs->b[bs->nb].type = type;
	bs->b[bs->nb].n = n;
	bs->b[bs->nb].s = s;
	bs->nb++;
}

static void add_para(blocks *bs, char *text)
{
	char **s = xmalloc(sizeof(*s));

	s[0] = text;
	blocks_add(bs, B_PARA, 1, s);
}

static void add_list(blocks *bs, size_t lo, size_t hi, size_t wlo, size_t whi)
{
	size_t i, n = rr(lo, hi);
	char **s = xmalloc(n * sizeof(*s));

	for (i = 0; i < n; i++)
		s[i] = make_sentence(wlo, whi);
	blocks_add(bs, B_LIST, n, s);
}

static void add_table(blocks *bs)
{
	size_t i, n = rr(2, 5);
	char **s = xmalloc((n + 1) * sizeof(*s));
	sb b = { 0 };

	s[0] = xstrdup(lang->table_head);
	for (i = 1; i <= n; i++) {
		sb_reset(&b);
		sb_puts(&b, "| ");
		put_cap(&b, word());
		sb_printf(&b, " %s %s | %u %% | %u %% | ", word(), word(),
		          (unsigned)rr(10, 60), (unsigned)rr(50, 95));
		put_cap(&b, word());
		sb_puts(&b, " |");
		s[i] = xstrdup(b.p);
	}
	free(b.p);
	blocks_add(bs, B_TABLE, n + 1, s);
}

static void add_raw(blocks *bs, char *text)
{
	char **s = xmalloc(sizeof(*s));

	s[0] = text;
	blocks_add(bs, B_RAW, 1, s);
}

/* A list two or three levels deep, bullets outside and numbers within:
 * one item a line, as raw Markdown. */
static char *nested_list(void)
{
	sb b = { 0 };
	size_t i, j, k, n = rr(2, 4);

	for (i = 0; i < n; i++) {
		size_t m = rr(0, 3);

		sb_puts(&b, "- ");
		put_sentence(&b, rr(5, 12));
		sb_puts(&b, "\n");
		for (j = 0; j < m; j++) {
			size_t d = chance(0.3) ? rr(1, 2) : 0;

			sb_printf(&b, "  %lu. ", (unsigned long)j + 1);
			put_sentence(&b, rr(4, 10));
			sb_puts(&b, "\n");
			for (k = 0; k < d; k++) {
				sb_puts(&b, "     - ");
				put_sentence(&b, rr(3, 8));
				sb_puts(&b, "\n");
			}
		}
	}
	return sb_detach(&b);
}

static int next_id;

/* A goal on the current topic. */
static goal *make_goal(void)
{
	goal *g = xmalloc(sizeof(*g));

	memset(g, 0, sizeof(*g));
	g->id = next_id++;
	g->topic = *cur_topic;
	g->heading = make_goal_heading();
	add_para(&g->body, make_para(2, 5));
	if (chance(0.4))
		add_para(&g->body, make_para(2, 4));
	if (sh.prose) {
		size_t i, np = rr(1, 3);

		for (i = 0; i < np; i++)
			add_para(&g->body, make_para(3, 7));
	}
	if (chance(0.7)) {
		add_para(&g->body, xstrdup(lang->measures));
		add_list(&g->body, 2, 4, 6, 14);
	}
	if (sh.rich) {
		if (chance(0.5))
			add_raw(&g->body, nested_list());
		if (chance(0.3))
			add_table(&g->body);
	}
	return g;
}

/* A new area with a topic of its own, which becomes the current one. */
static area *area_new(void)
{
	area *a = xmalloc(sizeof(*a));

	memset(a, 0, sizeof(*a));
	a->id = next_id++;
	topic_new(&a->topic);
	cur_topic = &a->topic;
	return a;
}

static void area_add_goal(area *a, goal *g, size_t at)
{
	a->g = xrealloc(a->g, (a->ng + 1) * sizeof(*a->g));
	memmove(a->g + at + 1, a->g + at, (a->ng - at) * sizeof(*a->g));
	a->g[at] = g;
	a->ng++;
}

/* A realistic goal area: prose, a list, perhaps a table, goals. */
static area *make_area(void)
{
	area *a = area_new();
	size_t i, ng;

	a->heading = make_heading(2, 4);
	add_para(&a->body, make_para(3, 6));
	add_para(&a->body, make_para(3, 6));
	if (chance(0.5))
		add_para(&a->body, make_para(2, 5));
	if (sh.prose) {
		size_t np = rr(2, 5);

		for (i = 0; i < np; i++)
			add_para(&a->body, make_para(4, 9));
	}
	add_list(&a->body, 3, 6, 6, 16);
	if (sh.rich) {
		add_raw(&a->body, nested_list());
		add_table(&a->body);
	} else if (chance(0.5)) {
		add_table(&a->body);
	}
	ng = rr(2, 5);
	for (i = 0; i < ng; i++)
		area_add_goal(a, make_goal(), a->ng);
	return a;
}

static char **strv_dup(char **s, size_t n)
{
	char **d = xmalloc(n * sizeof(*d));
	size_t i;

	for (i = 0; i < n; i++)
		d[i] = xstrdup(s[i]);
	return d;
}

static void blocks_copy(blocks *dst, const blocks *src)
{
	size_t i;

	dst->nb = 0;
	dst->b = NULL;
	for (i = 0; i < src->nb; i++)
		blocks_add(dst, src->b[i].type, src->b[i].n,
		           strv_dup(src->b[i].s, src->b[i].n));
}

static goal *goal_copy(const goal *g)
{
	goal *c = xmalloc(sizeof(*c));

	*c = *g;
	c->heading = xstrdup(g->heading);
	blocks_copy(&c->body, &g->body);
	return c;
}

static area *area_copy(const area *a)
{
	area *c = xmalloc(sizeof(*c));
	size_t i;

	*c = *a;
	c->heading = xstrdup(a->heading);
	blocks_copy(&c->body, &a->body);
	c->g = xmalloc((a->ng ? a->ng : 1) * sizeof(*c->g));
	for (i = 0; i < a->ng; i++)
		c->g[i] = goal_copy(a->g[i]);
	return c;
}

/* ------------------------------------------------------------------ */
/* Edits                                                               */

/* Is this byte the start of a capital letter (ASCII or Latin-1 range)? */
static int is_cap(const char *w)
{
	unsigned char c0 = (unsigned char)w[0], c1 = (unsigned char)w[1];

	return (c0 >= 'A' && c0 <= 'Z') ||
	       (c0 == 0xc3 && c1 >= 0x80 && c1 <= 0x9e);
}

/*
 * Replace `k` words of `*text` (a line of words separated by single
 * spaces) by other words, keeping capitals and punctuation. Returns the
 * number replaced.
 */
static size_t edit_words(char **text, size_t k)
{
	char *s = *text;
	size_t nw = 0, cap = 0, i, done = 0, len = strlen(s);
	size_t *start = NULL, *end = NULL;
	unsigned char *hit;
	sb b = { 0 };
	size_t pos;

	for (i = 0; i < len;) {
		while (i < len && s[i] == ' ')
			i++;
		if (i >= len)
			break;
		if (nw == cap) {
			cap = cap ? cap * 2 : 64;
			start = xrealloc(start, cap * sizeof(*start));
			end = xrealloc(end, cap * sizeof(*end));
		}
		start[nw] = i;
		while (i < len && s[i] != ' ')
			i++;
		end[nw] = i;
		while (end[nw] > start[nw] &&
		       strchr(".,:;", s[end[nw] - 1]))
			end[nw]--;
		nw++;
	}
	if (!nw) {
		free(start);
		free(end);
		return 0;
	}
	if (k > nw)
		k = nw;
	hit = xmalloc(nw);
	memset(hit, 0, nw);
	while (done < k) {
		size_t w = rn(nw);

		if (hit[w] || end[w] == start[w])
			continue;
		hit[w] = 1;
		done++;
	}
	pos = 0;
	for (i = 0; i < nw; i++) {
		const char *r;
		size_t wl = end[i] - start[i];

		if (!hit[i])
			continue;
		sb_put(&b, s + pos, start[i] - pos);
		do
			r = word();
		while (strlen(r) == wl && !strncmp(r, s + start[i], wl));
		if (is_cap(s + start[i]))
			put_cap(&b, r);
		else
			sb_puts(&b, r);
		pos = end[i];
	}
	sb_puts(&b, s + pos);
	free(s);
	*text = sb_detach(&b);
	free(hit);
	free(start);
	free(end);
	return k;
}

static size_t count_words(const char *s)
{
	size_t n = 0;
	int in = 0;

	for (; *s; s++) {
		if (*s == ' ')
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

/* Edit about `share` of the words of every prose string in `bs`. */
static void edit_share(blocks *bs, double share)
{
	size_t i, j;

	for (i = 0; i < bs->nb; i++) {
		if (bs->b[i].type != B_PARA && bs->b[i].type != B_LIST)
			continue;
		for (j = 0; j < bs->b[i].n; j++) {
			size_t nw = count_words(bs->b[i].s[j]);
			size_t k = (size_t)(nw * share + 0.5);

			if (nw > 3 && k)
				edit_words(&bs->b[i].s[j], k);
		}
	}
}

/* Edit words in about `p` of the paragraphs of `bs`; returns how many. */
static size_t edit_some(blocks *bs, double p)
{
	size_t i, n = 0;

	for (i = 0; i < bs->nb; i++) {
		size_t nw;

		if (bs->b[i].type != B_PARA || !chance(p))
			continue;
		nw = count_words(bs->b[i].s[0]);
		if (nw < 4)
			continue;
		edit_words(&bs->b[i].s[0], 1 + nw / 25);
		n++;
	}
	return n;
}

static int has_term(const blocks *bs, const char *term)
{
	size_t i, j;

	for (i = 0; i < bs->nb; i++)
		for (j = 0; j < bs->b[i].n; j++)
			if (strstr(bs->b[i].s[j], term))
				return 1;
	return 0;
}

static void add_theme(area *a)
{
	size_t i;

	for (i = 0; i < a->body.nb; i++) {
		sb b = { 0 };

		if (a->body.b[i].type != B_PARA)
			continue;
		sb_puts(&b, a->body.b[i].s[0]);
		sb_puts(&b, " ");
		sb_puts(&b, THEME_SENTENCE);
		free(a->body.b[i].s[0]);
		a->body.b[i].s[0] = sb_detach(&b);
		a->theme = 1;
		return;
	}
}

/* A reworded heading: a word or two replaced, sometimes one added; never
 * equal to a heading in use. */
static char *reword_heading(const char *h)
{
	heading_mode = 1;
	for (;;) {
		char *s = xstrdup(h);
		size_t nw = count_words(s);

		edit_words(&s, nw > 2 ? 2 : 1);
		if (chance(0.3)) {
			sb b = { 0 };

			sb_puts(&b, s);
			sb_puts(&b, lang->and_word);
			sb_puts(&b, topic_word());
			free(s);
			s = sb_detach(&b);
		}
		if (hset_add(s)) {
			heading_mode = 0;
			return s;
		}
		free(s);
	}
}

/* ------------------------------------------------------------------ */
/* Ground truth                                                        */

typedef struct {
	const char *kind;
	int old_id, new_id;   /* -1: none; else section ids */
	const char *oldv, *newv; /* value changes */
	const char *flags;
} truth;

static truth *tr;
static size_t ntr;

static void truth_add(const char *kind, int old_id, int new_id,
                      const char *oldv, const char *newv, const char *flags)
{
	tr = xrealloc(tr, (ntr + 1) * sizeof(*tr));
	tr[ntr].kind = kind;
	tr[ntr].old_id = old_id;
	tr[ntr].new_id = new_id;
	tr[ntr].oldv = oldv;
	tr[ntr].newv = newv;
	tr[ntr].flags = flags ? flags : "";
	ntr++;
}

/* Per section id: its heading line and heading, in each version. */
typedef struct {
	unsigned long line;
	const char *heading;
} where;

static where *wh[2];
static size_t wh_cap;

static void where_set(int v, int id, unsigned long line, const char *h)
{
	if (v < 0)
		return;
	if ((size_t)id >= wh_cap) {
		size_t ncap = (size_t)id * 2 + 1024;

		wh[0] = xrealloc(wh[0], ncap * sizeof(where));
		wh[1] = xrealloc(wh[1], ncap * sizeof(where));
		memset(wh[0] + wh_cap, 0, (ncap - wh_cap) * sizeof(where));
		memset(wh[1] + wh_cap, 0, (ncap - wh_cap) * sizeof(where));
		wh_cap = ncap;
	}
	wh[v][id].line = line;
	wh[v][id].heading = h;
}

/* ------------------------------------------------------------------ */
/* Rendering                                                           */

/* Wrap `text` at 72 columns: `first` before the first line, `rest`
 * before the others. */
static void put_wrapped(sb *b, const char *text, const char *first,
                        const char *rest)
{
	const char *p = text;
	size_t col;

	sb_puts(b, first);
	col = strlen(first);
	while (*p) {
		const char *e = strchr(p, ' ');
		size_t wl = e ? (size_t)(e - p) : strlen(p);

		if (sh.wrap && col > strlen(first) && col + 1 + wl > 72) {
			sb_puts(b, "\n");
			sb_puts(b, rest);
			col = strlen(rest);
		} else if (p != text) {
			sb_puts(b, " ");
			col++;
		}
		sb_put(b, p, wl);
		col += wl;
		p += wl;
		while (*p == ' ')
			p++;
	}
	sb_puts(b, "\n");
}

static void put_blocks(sb *b, const blocks *bs)
{
	size_t i, j;

	for (i = 0; i < bs->nb; i++) {
		const block *k = &bs->b[i];

		switch (k->type) {
		case B_PARA:
			put_wrapped(b, k->s[0], "", "");
			break;
		case B_LIST:
			for (j = 0; j < k->n; j++)
				put_wrapped(b, k->s[j], "- ", "  ");
			break;
		case B_TABLE:
			sb_puts(b, k->s[0]);
			sb_puts(b, "\n| --- | ---: | ---: | --- |\n");
			for (j = 1; j < k->n; j++) {
				sb_puts(b, k->s[j]);
				sb_puts(b, "\n");
			}
			break;
		case B_RAW:
			sb_puts(b, k->s[0]);
			break;
		}
		sb_puts(b, "\n");
	}
}

/* Render `d` to `b`, recording heading lines for version `v`. */
static void render(sb *b, const doc *d, int v)
{
	size_t i, j;

	sb_puts(b, d->head);
	for (i = 0; i < d->na; i++) {
		const area *a = d->a[i];

		where_set(v, a->id, b->lines + 1, a->heading);
		sb_printf(b, "%s ", d->area_heading);
		sb_puts(b, a->heading);
		sb_puts(b, "\n\n");
		put_blocks(b, &a->body);
		for (j = 0; j < a->ng; j++) {
			const goal *g = a->g[j];

			where_set(v, g->id, b->lines + 1, g->heading);
			sb_printf(b, "%s ", d->goal_heading);
			sb_puts(b, g->heading);
			sb_puts(b, "\n\n");
			put_blocks(b, &g->body);
		}
	}
	sb_puts(b, d->tail);
}

static size_t area_size(const area *a)
{
	static sb b;
	doc d;
	area *one[1];

	memset(&d, 0, sizeof(d));
	d.head = d.tail = "";
	d.area_heading = "###";
	d.goal_heading = "####";
	d.na = 1;
	one[0] = (area *)a;
	d.a = one;
	sb_reset(&b);
	render(&b, &d, -1);
	return b.n;
}

static const char *region_names[] = {
	"Norrmark", "Sjöbygden", "Älvdalen", "Kustlandet", "Mälarbygden"
};

static char *title_for(const char *region, int year)
{
	char t[256];

	if (lang == &en_language)
		snprintf(t, sizeof(t), "Development programme for %s %d",
		         region, year);
	else
		snprintf(t, sizeof(t), "Utvecklingsprogram för %s %d",
		         region, year);
	return xstrdup(t);
}

/* Everything before the first area. */
static char *make_head(const char *title, int year, int fm,
                       char **vision, char **overall, char **intro)
{
	sb b = { 0 };

	if (fm) {
		sb_puts(&b, "---\n");
		sb_printf(&b, "title: %s\n", title);
		sb_printf(&b, "target_year: %d\n", year);
		sb_puts(&b, "period: 2023–2026\n");
		sb_puts(&b, "adopted: 2023-05-10\n");
		sb_puts(&b, "decision: KS 2023/117\n");
		sb_puts(&b, lang == &en_language ? "language: en\n" :
		        "language: sv\n");
		sb_puts(&b, "---\n\n");
	}
	sb_printf(&b, "# %s\n\n", title);
	if (lang == &en_language)
		sb_printf(&b, "The programme sets out the shared direction of "
		          "development up to %d.\nThe programme is valid for "
		          "2023–2026%s. The target year is %d.\n\n", year,
		          sh.revision == 1 ? " and is updated every electoral term" :
		          "", year);
	else
		sb_printf(&b, "Programmet anger den gemensamma inriktningen för "
		          "utvecklingen fram till %d.\nProgrammet gäller "
		          "2023–2026%s. Målår är %d.\n\n", year,
		          sh.revision == 1 ? " och uppdateras varje mandatperiod" : "",
		          year);
	put_wrapped(&b, vision[0], "", "");
	sb_puts(&b, "\n## Vision\n\n");
	put_wrapped(&b, vision[1], "", "");
	sb_puts(&b, "\n");
	put_wrapped(&b, vision[2], "", "");
	sb_puts(&b, lang == &en_language ? "\n## Overall goals\n\n" :
	        "\n## Övergripande mål\n\n");
	put_wrapped(&b, overall[0], "", "");
	sb_puts(&b, "\n");
	put_wrapped(&b, overall[1], "", "");
	sb_puts(&b, lang == &en_language ? "\n## Focus areas\n\n" :
	        "\n## Fokusområden\n\n");
	put_wrapped(&b, intro[0], "", "");
	sb_puts(&b, "\n");
	return sb_detach(&b);
}

static char *make_tail(char **text)
{
	sb b = { 0 };

	if (lang == &en_language) {
		sb_puts(&b, "## Implementation and follow-up\n\n");
		put_wrapped(&b, text[0], "", "");
		sb_puts(&b, "\n| Follow-up | Responsible | When |\n"
		        "| --- | --- | --- |\n"
		        "| Annual report | Executive board | Every year |\n"
		        "| In-depth analysis | Management group | Every term |\n\n");
	} else {
		sb_puts(&b, "## Genomförande och uppföljning\n\n");
		put_wrapped(&b, text[0], "", "");
		sb_puts(&b, "\n| Uppföljning | Ansvar | När |\n| --- | --- | --- |\n"
		        "| Årlig rapport | Kommunstyrelsen | Varje år |\n"
		        "| Fördjupad analys | Ledningsgruppen | Varje mandatperiod |\n\n");
	}
	put_wrapped(&b, text[1], "", "");
	if (sh.revision == 2)
		sb_puts(&b, lang == &en_language ?
		        "\nThe programme is reviewed every electoral term.\n" :
		        "\nProgrammet ses över inför varje ny mandatperiod.\n");
	return sb_detach(&b);
}

/* The frame of a programme: title, preamble, vision, container, tail. */
typedef struct {
	const char *region;
	char *vision[3], *overall[2], *intro[1], *tail[2];
} frame;

static void frame_init(frame *f)
{
	f->region = region_names[rn(5)];
	f->vision[0] = make_para(2, 3);
	f->vision[1] = make_para(3, 5);
	f->vision[2] = make_para(2, 4);
	f->overall[0] = make_para(2, 3);
	f->overall[1] = make_para(2, 4);
	f->intro[0] = make_para(2, 3);
	f->tail[0] = make_para(3, 5);
	f->tail[1] = make_para(2, 3);
}

static void frame_apply(doc *d, const frame *f, int year)
{
	char *title = title_for(f->region, year);

	d->head = make_head(title, year, sh.fm, (char **)f->vision,
	                    (char **)f->overall, (char **)f->intro);
	d->tail = make_tail((char **)f->tail);
	d->area_heading = "###";
	d->goal_heading = "####";
	free(title);
}

/* ------------------------------------------------------------------ */
/* Realistic pairs                                                     */

static void doc_add_area(doc *d, area *a)
{
	d->a = xrealloc(d->a, (d->na + 1) * sizeof(*d->a));
	d->a[d->na++] = a;
}

static void shuffle(size_t *v, size_t n)
{
	size_t i;

	for (i = n; i > 1; i--) {
		size_t j = rn(i), t = v[i - 1];

		v[i - 1] = v[j];
		v[j] = t;
	}
}

static size_t maxz(size_t a, size_t b)
{
	return a > b ? a : b;
}

/* Options of the realistic pair generator. */
typedef struct {
	size_t target;            /* bytes of old.md, roughly */
	const char *extra_old;    /* raw Markdown in one area of both */
	int nest60;               /* nested quote and list in every area */
} real_opts;

static char *nested_block(void)
{
	sb b = { 0 };
	size_t i, j;

	/* a block quote nested 60 deep: 60 containers */
	for (j = 0; j < 3; j++) {
		for (i = 0; i < 60; i++)
			sb_puts(&b, "> ");
		put_sentence(&b, rr(5, 10));
		sb_puts(&b, "\n");
	}
	sb_puts(&b, "\n");
	/* a bullet list nested 30 levels: list + item = 60 containers */
	for (i = 0; i < 30; i++) {
		for (j = 0; j < i; j++)
			sb_puts(&b, "  ");
		sb_puts(&b, "- ");
		put_sentence(&b, rr(4, 9));
		sb_puts(&b, "\n");
	}
	return sb_detach(&b);
}

static void gen_real(doc *o, doc *n, const real_opts *opt)
{
	frame f;
	size_t size, i, j, na, nplain;
	size_t *perm;
	size_t c_rem, c_ren, c_mov, c_renmov, c_add, c_gmov, c_gren, k;
	area **plain;
	area **na_list;
	size_t *moved, nmoved = 0, nstable = 0;
	area **stable, **final;
	size_t *target;
	char *ot, *nt;

	frame_init(&f);
	frame_apply(o, &f, 2030);
	frame_apply(n, &f, 2035);
	size = strlen(o->head) + strlen(o->tail);
	while (size < opt->target || o->na < 16) {
		area *a = make_area();

		if (opt->nest60)
			add_raw(&a->body, nested_block());
		if (chance(0.1))
			add_theme(a);
		size += area_size(a);
		doc_add_area(o, a);
	}
	if (opt->extra_old)
		add_raw(&o->a[o->na / 2]->body, xstrdup(opt->extra_old));
	na = o->na;
	for (i = 0; i < na; i++)
		doc_add_area(n, area_copy(o->a[i]));

	ot = title_for(f.region, 2030);
	nt = title_for(f.region, 2035);
	truth_add("name-changed", -1, -1, ot, nt, NULL);
	truth_add("target-year-changed", -1, -1, "2030", "2035", NULL);

	c_rem = maxz(1, na / 40);
	c_ren = maxz(2, na / 20);
	c_mov = maxz(1, na / 40);
	c_renmov = maxz(1, na / 80);
	c_add = maxz(1, na / 40);
	c_gmov = maxz(1, na / 25);
	c_gren = maxz(1, na / 25);
	if (sh.dense) {
		c_rem *= 2;
		c_ren *= 2;
		c_mov *= 2;
		c_renmov *= 2;
		c_add *= 2;
		c_gmov *= 2;
		c_gren *= 2;
	}

	perm = xmalloc(na * sizeof(*perm));
	for (i = 0; i < na; i++)
		perm[i] = i;
	shuffle(perm, na);
	k = 0;
	for (i = 0; i < c_rem; i++)
		n->a[perm[k++]]->role = R_REMOVED;
	for (i = 0; i < c_ren; i++)
		n->a[perm[k++]]->role = R_RENAMED;
	for (i = 0; i < c_mov; i++)
		n->a[perm[k++]]->role = R_MOVED;
	for (i = 0; i < c_renmov; i++)
		n->a[perm[k++]]->role = R_RENMOVED;
	free(perm);

	/* renames: heading reworded, about a tenth of the words changed */
	for (i = 0; i < na; i++) {
		area *a = n->a[i];

		if (a->role == R_REMOVED)
			truth_add("area-removed", a->id, -1, NULL, NULL, NULL);
		if (a->role != R_RENAMED && a->role != R_RENMOVED)
			continue;
		cur_topic = &a->topic;
		free(a->heading);
		a->heading = reword_heading(o->a[i]->heading);
		edit_share(&a->body, 0.1);
		truth_add("area-renamed", a->id, a->id, NULL, NULL,
		          a->role == R_RENMOVED ? "moved" : NULL);
	}

	plain = xmalloc(na * sizeof(*plain));
	nplain = 0;
	for (i = 0; i < na; i++)
		if (n->a[i]->role == R_PLAIN)
			plain[nplain++] = n->a[i];

	/* goals renamed, inside plain areas */
	for (i = 0; i < c_gren; i++) {
		area *a = plain[rn(nplain)];
		goal *g;

		if (!a->ng) {
			continue;
		}
		g = a->g[rn(a->ng)];
		if (g->touched) {
			i--;
			continue;
		}
		{
			char *was = g->heading;

			cur_topic = &g->topic;
			g->heading = reword_heading(was);
			free(was);
		}
		g->touched = 1;
		truth_add("goal-renamed", g->id, g->id, NULL, NULL, NULL);
	}
	/* goals moved from one plain area to another */
	for (i = 0; i < c_gmov; i++) {
		area *from = plain[rn(nplain)], *to = plain[rn(nplain)];
		size_t at;
		goal *g;

		if (from == to || from->ng < 2) {
			i--;
			continue;
		}
		at = rn(from->ng);
		g = from->g[at];
		if (g->touched) {
			i--;
			continue;
		}
		memmove(from->g + at, from->g + at + 1,
		        (from->ng - at - 1) * sizeof(*from->g));
		from->ng--;
		g->touched = 1;
		area_add_goal(to, g, rn(to->ng + 1));
		truth_add("goal-moved", g->id, g->id, NULL, NULL, NULL);
	}
	/* words edited in about a tenth of the paragraphs */
	for (i = 0; i < na; i++) {
		area *a = n->a[i];

		if (a->role != R_PLAIN && a->role != R_MOVED)
			continue;
		cur_topic = &a->topic;
		edit_some(&a->body, sh.edit_p);
		if (a->role != R_PLAIN)
			continue;
		for (j = 0; j < a->ng; j++) {
			goal *g = a->g[j];

			if (g->touched)
				continue;
			cur_topic = &g->topic;
			if (edit_some(&g->body, sh.edit_p))
				truth_add("goal-changed", g->id, g->id, NULL,
				          NULL, NULL);
		}
	}

	/* order: removed ones out, moved ones far from where they were */
	stable = xmalloc(na * sizeof(*stable));
	moved = xmalloc(na * sizeof(*moved));
	for (i = 0; i < na; i++) {
		area *a = n->a[i];

		if (a->role == R_REMOVED)
			continue;
		if (a->role == R_MOVED || a->role == R_RENMOVED)
			moved[nmoved++] = i;
		else
			stable[nstable++] = a;
	}
	target = xmalloc((nmoved ? nmoved : 1) * sizeof(*target));
	for (i = 0; i < nmoved; i++) {
		/* rank among the stable areas where it was */
		size_t q = 0, p, dist = maxz(3, nstable / 8);

		for (j = 0; j < nstable; j++)
			if (stable[j]->id < n->a[moved[i]]->id)
				q++;
		for (;;) {
			size_t t;
			int taken = 0;

			p = rn(nstable + 1);
			for (t = 0; t < i; t++)
				if (target[t] == p || target[t] + 1 == p ||
				    p + 1 == target[t])
					taken = 1;
			if (!taken && (p > q ? p - q : q - p) >= dist)
				break;
		}
		target[i] = p;
		if (n->a[moved[i]]->role == R_MOVED)
			truth_add("area-moved", n->a[moved[i]]->id,
			          n->a[moved[i]]->id, NULL, NULL, NULL);
	}
	final = xmalloc((na + c_add) * sizeof(*final));
	k = 0;
	for (j = 0; j <= nstable; j++) {
		for (i = 0; i < nmoved; i++)
			if (target[i] == j)
				final[k++] = n->a[moved[i]];
		if (j < nstable)
			final[k++] = stable[j];
	}
	/* new areas at random places */
	for (i = 0; i < c_add; i++) {
		area *a = make_area();
		size_t at = rn(k + 1);

		if (opt->nest60)
			add_raw(&a->body, nested_block());
		a->role = R_ADDED;
		memmove(final + at + 1, final + at, (k - at) * sizeof(*final));
		final[at] = a;
		k++;
		truth_add("area-added", -1, a->id, NULL, NULL, NULL);
	}
	/* the theme runs through every area now (edits may have taken the
	 * term out of an area that had it before: put it back) */
	for (i = 0; i < k; i++)
		if (!final[i]->theme || !has_term(&final[i]->body, THEME_TERM))
			add_theme(final[i]);
	truth_add("theme-everywhere", -1, -1, "", THEME_TERM, NULL);

	na_list = n->a;
	n->a = final;
	n->na = k;
	free(na_list);
	free(stable);
	free(moved);
	free(target);
	free(plain);
}

/* ------------------------------------------------------------------ */
/* Stress shapes                                                       */

/* 20,000 areas, every one renamed, bodies near-identical to each other:
 * one shared template and three words unique to the area. */
static void gen_renamed(doc *o, doc *n, size_t count)
{
	frame f;
	char *tmpl[48];
	size_t i, j, nt = 40;
	sb b = { 0 };

	frame_init(&f);
	frame_apply(o, &f, 2030);
	frame_apply(n, &f, 2030);
	for (j = 0; j < nt; j++)
		tmpl[j] = (char *)word();
	for (i = 0; i < count; i++) {
		area *a = area_new(), *c;
		size_t u1 = rn(nt), u2 = rn(nt), u3 = rn(nt);

		a->heading = make_heading(2, 4);
		sb_reset(&b);
		for (j = 0; j < nt; j++) {
			if (j == 0)
				put_cap(&b, tmpl[j]);
			else {
				sb_puts(&b, " ");
				sb_puts(&b, tmpl[j]);
			}
			if (j == u1) {
				sb_puts(&b, " ");
				put_pseudo(&b, (unsigned long)i, "ke");
			}
			if (j == u2) {
				sb_puts(&b, " ");
				put_pseudo(&b, (unsigned long)i, "sto");
			}
			if (j == u3) {
				sb_puts(&b, " ");
				put_pseudo(&b, (unsigned long)i, "vi");
			}
			if (j == 19)
				sb_puts(&b, ".");
		}
		sb_puts(&b, ".");
		add_para(&a->body, xstrdup(b.p));
		doc_add_area(o, a);
		c = area_copy(a);
		free(c->heading);
		c->heading = make_heading(2, 4);
		doc_add_area(n, c);
		truth_add("area-renamed", a->id, a->id, NULL, NULL, NULL);
	}
	free(b.p);
}

/* `count` sibling areas with short bodies; a few renamed, removed, added,
 * moved; words edited in some. */
static void gen_siblings(doc *o, doc *n, size_t count)
{
	frame f;
	size_t i, j, k, c_edit;
	area **final;

	frame_init(&f);
	frame_apply(o, &f, 2030);
	frame_apply(n, &f, 2030);
	for (i = 0; i < count; i++) {
		area *a = area_new();

		a->heading = make_heading(2, 4);
		add_para(&a->body, make_para(1, 2));
		doc_add_area(o, a);
		doc_add_area(n, area_copy(a));
	}
	/* roles, on distinct random areas, far apart from each other */
	for (i = 0; i < count / 100; i++) {
		area *a = n->a[rn(count)];

		if (a->role != R_PLAIN) {
			i--;
			continue;
		}
		a->role = i % 10 < 5 ? R_RENAMED : i % 10 < 8 ? R_REMOVED :
		          R_MOVED;
	}
	c_edit = count / 20;
	for (i = 0; i < c_edit; i++) {
		area *a = n->a[rn(count)];

		cur_topic = &a->topic;
		if (a->role == R_PLAIN)
			edit_words(&a->body.b[0].s[0], 1);
	}
	final = xmalloc((count * 2) * sizeof(*final));
	k = 0;
	for (i = 0; i < count; i++) {
		area *a = n->a[i];

		switch (a->role) {
		case R_REMOVED:
			truth_add("area-removed", a->id, -1, NULL, NULL, NULL);
			continue;
		case R_RENAMED:
			cur_topic = &a->topic;
			free(a->heading);
			a->heading = reword_heading(o->a[i]->heading);
			truth_add("area-renamed", a->id, a->id, NULL, NULL,
			          NULL);
			break;
		case R_MOVED:
			/* moved later: taken out here */
			truth_add("area-moved", a->id, a->id, NULL, NULL,
			          NULL);
			continue;
		}
		final[k++] = a;
	}
	/* moved areas go a long way down or up; added ones anywhere */
	for (i = 0; i < count; i++) {
		area *a = n->a[i];
		size_t at;

		if (a->role != R_MOVED)
			continue;
		do {
			at = rn(k + 1);
		} while ((at > i ? at - i : i - at) < count / 10);
		memmove(final + at + 1, final + at, (k - at) * sizeof(*final));
		final[at] = a;
		k++;
	}
	for (j = 0; j < count / 200; j++) {
		area *a = area_new();
		size_t at = rn(k + 1);

		a->heading = make_heading(2, 4);
		add_para(&a->body, make_para(1, 2));
		a->role = R_ADDED;
		memmove(final + at + 1, final + at, (k - at) * sizeof(*final));
		final[at] = a;
		k++;
		truth_add("area-added", -1, a->id, NULL, NULL, NULL);
	}
	n->a = final;
	n->na = k;
}

/* `count` areas with one and the same heading and distinct bodies. */
static void gen_equal(doc *o, doc *n, size_t count)
{
	frame f;
	size_t i, k;
	area **final;

	frame_init(&f);
	frame_apply(o, &f, 2030);
	frame_apply(n, &f, 2030);
	for (i = 0; i < count; i++) {
		area *a = area_new();

		a->heading = xstrdup("Delområde");
		add_para(&a->body, make_para(2, 3));
		doc_add_area(o, a);
		doc_add_area(n, area_copy(a));
	}
	for (i = 0; i < count / 200; i++) {
		area *a = n->a[rn(count)];

		if (a->role != R_PLAIN) {
			i--;
			continue;
		}
		a->role = R_REMOVED;
		truth_add("area-removed", a->id, -1, NULL, NULL, NULL);
	}
	for (i = 0; i < count / 20; i++) {
		area *a = n->a[rn(count)];

		cur_topic = &a->topic;
		if (a->role == R_PLAIN)
			edit_words(&a->body.b[0].s[0], 1);
	}
	final = xmalloc(count * 2 * sizeof(*final));
	k = 0;
	for (i = 0; i < count; i++)
		if (n->a[i]->role != R_REMOVED)
			final[k++] = n->a[i];
	for (i = 0; i < count / 200; i++) {
		area *a = area_new();
		size_t at = rn(k + 1);

		a->heading = xstrdup("Delområde");
		add_para(&a->body, make_para(2, 3));
		memmove(final + at + 1, final + at, (k - at) * sizeof(*final));
		final[at] = a;
		k++;
		truth_add("area-added", -1, a->id, NULL, NULL, NULL);
	}
	n->a = final;
	n->na = k;
}

/* cmark's pathological inputs (test/pathological_tests.py), sized so
 * that cmark parses them in milliseconds. */
static char *pathological(void)
{
	sb b = { 0 };
	size_t i, j;

	for (i = 0; i < 50000; i++)
		sb_puts(&b, "> ");
	sb_puts(&b, "a\n\n");
	for (i = 0; i < 1000; i++) {
		for (j = 0; j < i; j++)
			sb_puts(&b, "  ");
		sb_puts(&b, "* a\n");
	}
	sb_puts(&b, "\n");
	for (i = 0; i < 5000; i++)
		sb_puts(&b, "> - ");
	sb_puts(&b, "a\n\n");
	for (i = 0; i < 30000; i++)
		sb_puts(&b, "*a **a ");
	sb_puts(&b, "b");
	for (i = 0; i < 30000; i++)
		sb_puts(&b, " a** a*");
	sb_puts(&b, "\n\n");
	for (i = 0; i < 50000; i++)
		sb_puts(&b, "[");
	sb_puts(&b, "a");
	for (i = 0; i < 50000; i++)
		sb_puts(&b, "]");
	sb_puts(&b, "\n");
	return sb_detach(&b);
}

/* A small programme whose one goal holds a paragraph of `bytes` bytes;
 * the new version edits words scattered through it. */
static void gen_bigpara(doc *o, doc *n, size_t bytes)
{
	frame f;
	size_t i, nw, edits;
	sb b = { 0 };
	area *a;
	goal *g;

	frame_init(&f);
	frame_apply(o, &f, 2030);
	frame_apply(n, &f, 2030);
	for (i = 0; i < 6; i++)
		doc_add_area(o, make_area());
	a = o->a[2];
	g = make_goal();
	while (b.n < bytes) {
		if (b.n)
			sb_puts(&b, " ");
		put_sentence(&b, rr(7, 18));
	}
	free(g->body.b[0].s[0]);
	g->body.b[0].s[0] = sb_detach(&b);
	area_add_goal(a, g, 0);
	for (i = 0; i < o->na; i++)
		doc_add_area(n, area_copy(o->a[i]));
	g = n->a[2]->g[0];
	cur_topic = &g->topic;
	nw = count_words(g->body.b[0].s[0]);
	edits = nw / 1500;
	edit_words(&g->body.b[0].s[0], edits);
	truth_add("goal-changed", g->id, g->id, NULL, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Main                                                                */

static void write_file(const char *dir, const char *name, const char *data,
                       size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (!(f = fopen(path, "wb")))
		die("cannot write the output (does OUTDIR exist?)");
	if (fwrite(data, 1, len, f) != len || fclose(f) != 0)
		die("write failed");
}

static void usage(void)
{
	fputs("usage: gen CASE OUTDIR [SEED]\n"
	      "cases:\n"
	      "  size-100k size-1m size-10m  realistic pairs with known edits\n"
	      "  renamed-20k   20,000 areas all renamed, near-identical bodies\n"
	      "  siblings-50k  50,000 sibling headings\n"
	      "  equal-10k     10,000 sections with the same heading\n"
	      "  nest-deep     cmark's pathological nesting in a programme\n"
	      "  nest-60       1 MB programme, quotes and lists nested 60 deep\n"
	      "  para-5m       one paragraph of 5 MB\n"
	      "  prose-1m prose-10m  Swedish, no front matter, prose-heavy,\n"
	      "                unwrapped, nested lists and tables, dense edits\n"
	      "  en-1m         the same shape in English, wrapped, no revision\n"
	      "                cycle stated\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	doc o, n;
	sb ob = { 0 }, nb = { 0 }, tb = { 0 };
	const char *cname, *dir;
	real_opts ro;
	int by_line = 0;
	size_t i;

	if (argc < 3 || argc > 4)
		usage();
	cname = argv[1];
	dir = argv[2];
	rng_state = argc > 3 ? strtoull(argv[3], NULL, 10) : 1;
	if (!strcmp(cname, "prose-1m") || !strcmp(cname, "prose-10m") ||
	    !strcmp(cname, "en-1m")) {
		/* no front matter, two or three times the prose of a
		 * section, nested lists and tables everywhere, twice the
		 * structural edits and words edited in 30 % of the
		 * paragraphs: several hundred edits a megabyte */
		sh.fm = 0;
		sh.prose = 1;
		sh.rich = 1;
		sh.dense = 1;
		sh.edit_p = 0.3;
		if (cname[0] == 'e') {
			lang = &en_language;
			sh.revision = 0;    /* stated nowhere */
		} else {
			sh.wrap = 0;        /* a paragraph is one line */
			sh.revision = 2;    /* stated at the very end */
		}
	}
	if (lang->nstem > NSTEMS || lang->nhead > NHEADS)
		die("a vocabulary is larger than the compound table");
	words_init();
	memset(&o, 0, sizeof(o));
	memset(&n, 0, sizeof(n));
	memset(&ro, 0, sizeof(ro));

	if (!strcmp(cname, "size-100k")) {
		ro.target = 100 * 1000;
		gen_real(&o, &n, &ro);
	} else if (!strcmp(cname, "size-1m")) {
		ro.target = 1000 * 1000;
		gen_real(&o, &n, &ro);
	} else if (!strcmp(cname, "size-10m")) {
		ro.target = 10 * 1000 * 1000;
		gen_real(&o, &n, &ro);
	} else if (!strcmp(cname, "renamed-20k")) {
		gen_renamed(&o, &n, 20000);
	} else if (!strcmp(cname, "siblings-50k")) {
		gen_siblings(&o, &n, 50000);
	} else if (!strcmp(cname, "equal-10k")) {
		gen_equal(&o, &n, 10000);
		by_line = 1;
	} else if (!strcmp(cname, "nest-deep")) {
		char *p = pathological();

		ro.target = 100 * 1000;
		ro.extra_old = p;
		gen_real(&o, &n, &ro);
		free(p);
	} else if (!strcmp(cname, "nest-60")) {
		ro.target = 1000 * 1000;
		ro.nest60 = 1;
		gen_real(&o, &n, &ro);
	} else if (!strcmp(cname, "prose-1m") || !strcmp(cname, "en-1m")) {
		ro.target = 1000 * 1000;
		gen_real(&o, &n, &ro);
	} else if (!strcmp(cname, "prose-10m")) {
		ro.target = 10 * 1000 * 1000;
		gen_real(&o, &n, &ro);
	} else if (!strcmp(cname, "para-5m")) {
		gen_bigpara(&o, &n, 5 * 1000 * 1000);
	} else {
		usage();
	}

	render(&ob, &o, 0);
	render(&nb, &n, 1);
	sb_printf(&tb, "# progdiff benchmark truth: case %s, seed %llu\n",
	          cname, (unsigned long long)(argc > 3 ?
	          strtoull(argv[3], NULL, 10) : 1));
	sb_puts(&tb, "# kind\told\tnew\tflags\told_line\tnew_line\n");
	if (by_line)
		sb_puts(&tb, "# match: lines\n");
	for (i = 0; i < ntr; i++) {
		const truth *t = &tr[i];
		const char *oh = t->oldv ? t->oldv : "";
		const char *nh = t->newv ? t->newv : "";
		unsigned long ol = 0, nl = 0;

		if (t->old_id >= 0) {
			oh = wh[0][t->old_id].heading;
			ol = wh[0][t->old_id].line;
		}
		if (t->new_id >= 0) {
			nh = wh[1][t->new_id].heading;
			nl = wh[1][t->new_id].line;
		}
		sb_printf(&tb, "%s\t", t->kind);
		sb_puts(&tb, oh);
		sb_puts(&tb, "\t");
		sb_puts(&tb, nh);
		sb_printf(&tb, "\t%s\t%lu\t%lu\n", t->flags, ol, nl);
	}
	write_file(dir, "old.md", ob.p, ob.n);
	write_file(dir, "new.md", nb.p, nb.n);
	write_file(dir, "truth.tsv", tb.p, tb.n);
	return 0;
}
