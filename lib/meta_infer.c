/* SPDX-License-Identifier: MIT */
/*
 * meta_infer.c: what the front matter does not say about a version,
 * inferred from the text with PCRE2: target year, period, adoption date,
 * decision reference and what the version replaces from the preamble
 * (the text before the first H2), where programmes state them; the
 * period, failing that, from an explicit phrase anywhere ("gäller
 * 2019–2022"); the revision cycle and the language from the whole text.
 *
 * Every string lands in the document's pool; lines are file lines.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "dates.h"
#include "meta.h"
#include "swar.h"
#include "text.h"

/* A compiled pattern with its match data. */
typedef struct rx {
	pcre2_code *code;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
} rx;

static void rx_init(rx *r, const char *pattern, uint32_t options,
                    pcre2_match_context *mctx)
{
	int code;
	PCRE2_SIZE offset;

	r->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	                        PCRE2_UTF | PCRE2_UCP | options, &code, &offset,
	                        NULL);
	if (!r->code) {
		/* the patterns are ours: a failure is a bug */
		fprintf(stderr, "progdiff: bad built-in pattern at %lu: %s\n",
		        (unsigned long)offset, pattern);
		abort();
	}
	if (!(r->md = pcre2_match_data_create_from_pattern(r->code, NULL)))
		pd__oom();
	r->mctx = mctx;
}

static void rx_dispose(rx *r)
{
	pcre2_match_data_free(r->md);
	pcre2_code_free(r->code);
}

/*
 * Find the next match in s[from..len). @return 1 with the offsets of the
 * whole match and the groups in ov (pairs), 0 when there is none (or a
 * limit was hit).
 */
static int rx_find(rx *r, const char *s, size_t len, size_t from,
                   PCRE2_SIZE **ov)
{
	int rc;

	if (from > len)
		return 0;
	/* the body is valid UTF-8 (the parser checked it) and `from` is
	 * where a match ended: checking it again on every call cost more
	 * than all the searching, about 9 instructions a byte */
	rc = pcre2_match(r->code, (PCRE2_SPTR)s, len, from,
	                 PCRE2_NO_UTF_CHECK, r->md, r->mctx);
	if (rc == PCRE2_ERROR_NOMEMORY)
		pd__oom();
	if (rc < 0)
		return 0;
	*ov = pcre2_get_ovector_pointer(r->md);
	return 1;
}

/* The file line of body[off]: lines end at LF, CR LF or a lone CR. */
static unsigned line_of(const char *body, size_t len, size_t off,
                        unsigned first_line)
{
	unsigned n;

	if (!off)
		return first_line;
	/* the lines of body[0..off), less the last when it has no end (or
	 * its CR ends a CR LF at off) */
	n = pd_text_line_count(body, off);
	if ((body[off - 1] != '\n' && body[off - 1] != '\r') ||
	    (body[off - 1] == '\r' && off < len && body[off] == '\n'))
		n--;
	return first_line + n;
}

static int year_at(const char *s)
{
	return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	       (s[3] - '0');
}

#define YEAR "((?:19|20)\\d{2})"
#define NOT_DOT "(?:[^.!?\\n]|\\n(?![ \\t]*\\r?\\n))"

/*
 * A target year as the preamble states it, the surest wording first: a
 * named target year; a horizon ("fram till 2035", "by 2030": with
 * interim targets after it, the first is the main one); the goals' year
 * ("mål för år 2020", "targets for 2030"); a year by which the goals are
 * reached ("ska vara uppnådda år 2020", "senast 2035", "till år 2035",
 * "mot 2035"). "till" and "to" right after a year end a period, not a
 * horizon: "2019 till 2035" is no target year.
 */
#define NOT_AFTER_YEAR "(?<![0-9]\\s)(?<![0-9])"
/* white space within a paragraph, and a year that does not open a period */
#define WS "(?:[ \\t]|\\r?\\n(?![ \\t]*\\r?\\n))+"
#define HORIZON YEAR "\\b(?![ \\t]*[–—-][ \\t]*\\d)"

static const char *const target_year_patterns[] = {
	"\\bmåll?år(?:et)?\\s*(?:är\\s+|:\\s*)?(?:år\\s+)?" YEAR "\\b",
	"\\btarget\\s+year\\s*(?:is\\s+|of\\s+|:\\s*)?" YEAR "\\b",
	"\\bfram\\s+till\\s+(?:år\\s+)?" YEAR "\\b",
	"\\bby\\s+(?:the\\s+year\\s+)?" YEAR "\\b",
	"\\bmål(?:en)?" WS "för" WS "(?:år" WS ")?" HORIZON,
	"\\b(?:goals|targets|objectives)" WS "for" WS "(?:the" WS "year" WS ")?"
	HORIZON,
	"\\b(?:uppnå|nå)(?:dd|tt|s)\\w*" WS "(?:(?:till|senast)" WS ")?(?:år" WS ")?"
	HORIZON,
	"\\b(?:achieved|reached|met)" WS "(?:in" WS ")?" HORIZON,
	NOT_AFTER_YEAR "(?<!utblick )\\b(?:senast|till|mot)" WS "(?:år" WS ")?" HORIZON,
	NULL
};

#define RANGE_SEP "\\s*(?:--|[–—-]|till(?:\\s+och\\s+med)?|to|until|through)\\s*"

static const char *const period_patterns[] = {
	"\\bgäll(?:er|a|de)\\s+(?:för\\s+)?(?:perioden\\s+|åren\\s+"
	"|från\\s+(?:och\\s+med\\s+)?|under\\s+(?:perioden\\s+|åren\\s+)?)?"
	YEAR RANGE_SEP YEAR "\\b",
	"\\bperioden\\s+(?:från\\s+)?" YEAR RANGE_SEP YEAR "\\b",
	"\\bvalid\\s+(?:from\\s+|for\\s+(?:the\\s+)?(?:period\\s+|years\\s+)?"
	"|during\\s+(?:the\\s+period\\s+)?)?" YEAR RANGE_SEP YEAR "\\b",
	"\\bperiod\\s+(?:from\\s+|of\\s+)?" YEAR RANGE_SEP YEAR "\\b",
	/* a bare range, in the preamble only */
	"(?<![\\d/-])" YEAR "(?:\\s*(?:--|[–—-])\\s*|\\s+(?:till|to)\\s+)" YEAR
	"(?![\\d/-])",
	NULL
};
#define BARE_PERIOD 4

/*
 * The surest wordings (the first STRONG_TARGET patterns) decide at their
 * first match. Otherwise the weaker ones ("mot år 2050", "nås till
 * 2030") may name interim years beside the horizon: the latest year any
 * of them names is the target ("målen siktar mot år 2050, delmålen ska
 * nås till 2030": 2050).
 */
#define STRONG_TARGET 4

static void infer_target_year(pd_meta *meta, const char *body, size_t len,
                              unsigned first_line, pcre2_match_context *mctx)
{
	PCRE2_SIZE *ov;
	size_t k, from;
	int best = 0;
	rx r;

	for (k = 0; target_year_patterns[k] && !meta->target_year; k++) {
		rx_init(&r, target_year_patterns[k], PCRE2_CASELESS, mctx);
		for (from = 0; from < len && rx_find(&r, body, len, from, &ov);
		     from = ov[1]) {
			int y = year_at(body + ov[2]);

			if (y > best) {
				best = y;
				meta->target_year_line = line_of(body, len, ov[2],
				                                 first_line);
			}
			if (k < STRONG_TARGET)
				break;
		}
		rx_dispose(&r);
		if (best && k < STRONG_TARGET)
			break;
	}
	meta->target_year = best;
}

/* Search s[0..len) for a period with patterns [0, npatterns). */
static void infer_period(pd_meta *meta, const char *body, size_t len,
                         size_t npatterns, unsigned first_line,
                         pcre2_match_context *mctx)
{
	PCRE2_SIZE *ov;
	size_t k, from;
	int a, b;
	rx r;

	for (k = 0; k < npatterns && period_patterns[k]; k++) {
		rx_init(&r, period_patterns[k], PCRE2_CASELESS, mctx);
		for (from = 0; rx_find(&r, body, len, from, &ov);
		     from = ov[1]) {
			a = year_at(body + ov[2]);
			b = year_at(body + ov[4]);
			if (a <= b && b - a <= 30) {
				meta->period_start = a;
				meta->period_end = b;
				meta->period_line = line_of(body, len, ov[2],
				                            first_line);
				break;
			}
		}
		rx_dispose(&r);
		if (meta->period_start)
			return;
	}
}

static void infer_adopted(pd_meta *meta, pd_pool *pool, const char *body,
                          size_t len, pcre2_match_context *mctx)
{
	PCRE2_SIZE *ov;
	size_t end, i;
	char iso[11];
	rx r;

	/* the verb, then a date as it is written ("den 3 maj 2021",
	 * "2021-05-03", "May 3, 2021") before the sentence ends */
	rx_init(&r, "\\b(?:godkändes|godkänd|godkänt|antogs|antagen|antaget"
	        "|beslutades|fastställdes|fastställd|fastställt|adopted"
	        "|approved)\\b", PCRE2_CASELESS, mctx);
	if (rx_find(&r, body, len, 0, &ov)) {
		end = ov[1] + 200 < len ? ov[1] + 200 : len;
		for (i = ov[1]; i < end; i++)
			if ((body[i] == '!' || body[i] == '?' ||
			     (body[i] == '.' && i + 1 < len &&
			      (body[i + 1] == ' ' || body[i + 1] == '\n') &&
			      !(i > 0 && body[i - 1] >= '0' && body[i - 1] <= '9' &&
			        i + 2 < len && body[i + 2] >= 'a' &&
			        body[i + 2] <= 'z'))))
				break;
		if (i + 1 < len && body[i] == '.')
			i++;   /* "3 maj 2021." ends the sentence after the year */
		if (pd_date_find(iso, NULL, NULL, body + ov[1], i - ov[1]))
			meta->adopted = pd_pool_strdup(pool, iso);
	}
	rx_dispose(&r);
}

/* "KS", "2019/0260", "005": capitals and digits, not part of a word */
#define REF_TOKEN "[\\p{Lu}\\p{N}][\\p{Lu}\\p{N}/.:-]*(?![\\p{L}\\p{N}])"

static void infer_decision(pd_meta *meta, pd_pool *pool, const char *body,
                           size_t len, pcre2_match_context *mctx)
{
	PCRE2_SIZE *ov;
	size_t from, end, i;
	rx r;

	/* the reference itself: capitals, digits and / . : - (not caseless) */
	rx_init(&r, "(?i:\\b(?:dnr|diarienummer|diarienr|ärendenummer"
	        "|decision\\s+ref(?:erence)?|reference\\s+number))\\b\\.?"
	        "[ \\t]*:?\\s*(" REF_TOKEN "(?:(?:[ \\t]+|[ \\t]*\\r?\\n[ \\t]*)"
	        REF_TOKEN ")*)", 0,
	        mctx);
	for (from = 0; !meta->decision && rx_find(&r, body, len, from, &ov);
	     from = ov[1]) {
		end = ov[3];
		while (end > ov[2] && strchr(".:-/", body[end - 1]))
			end--;
		for (i = ov[2]; i < end; i++)
			if (body[i] >= '0' && body[i] <= '9')
				break;
		/* "KF\n2022/77", as pandoc rewraps it: "KF 2022/77" */
		if (i < end)
			meta->decision = pd_meta__keep(pool, body + ov[2], end - ov[2]);
	}
	rx_dispose(&r);
}

#define MAX_REPLACES 120

static void infer_replaces(pd_meta *meta, pd_pool *pool, const char *body,
                           size_t len, pcre2_match_context *mctx)
{
	pd_buf raw = PD_BUF_INIT, text = PD_BUF_INIT;
	PCRE2_SIZE *ov;
	size_t i, n;
	rx r;

	/* up to the end of the sentence: ". ", "!", "?" or a blank line */
	rx_init(&r, "\\b(?:ersätter|replaces)\\s+((?:[^.!?\\n]|\\.(?=[^\\s.])"
	        "|\\n(?![ \\t]*\\r?\\n)){1,400})", PCRE2_CASELESS, mctx);
	if (rx_find(&r, body, len, 0, &ov)) {
		for (i = ov[2]; i < ov[3]; i++)
			if (body[i] != '*' && body[i] != '`')
				pd_buf_putc(&raw, body[i]);
		pd_text_normalize(&text, raw.ptr, raw.size);
		n = text.size;
		if (n > MAX_REPLACES) {
			n = MAX_REPLACES;
			while (n > 0 &&
			       ((unsigned char)text.ptr[n] & 0xc0) == 0x80)
				n--;
			while (n > 0 && text.ptr[n - 1] == ' ')
				n--;
		}
		while (n > 0 && strchr(",;:", text.ptr[n - 1]))
			n--;
		if (n)
			meta->replaces = pd_pool_strndup(pool, text.ptr, n);
	}
	rx_dispose(&r);
	pd_buf_dispose(&raw);
	pd_buf_dispose(&text);
}

/*
 * The first q in [p, end) where q[0] and q[1] are the lower-case ASCII
 * letters c0 and c1, in either case, or NULL; q[1] must be readable for
 * every q before `end`. Eight places a round: a pair is far rarer in a
 * text than one letter, so a round seldom stops where the word is not.
 */
static const char *find_pair(const char *p, const char *end, char c0,
                             char c1)
{
	const uint64_t want0 = ONES * (unsigned char)c0;
	const uint64_t want1 = ONES * (unsigned char)c1;
	const uint64_t lower = ONES * 0x20;

	for (; end - p >= 8; p += 8) {
		uint64_t w0, w1;

		memcpy(&w0, p, 8);
		memcpy(&w1, p + 1, 8);
		if (zero_bytes((w0 | lower) ^ want0) &
		    zero_bytes((w1 | lower) ^ want1))
			break;
	}
	for (; p < end; p++)
		if ((p[0] | 0x20) == c0 && (p[1] | 0x20) == c1)
			return p;
	return NULL;
}

/* How common a lower-case letter is in text, 0 the rarest; k and s,
 * which a caseless pattern also matches as other characters (K, ſ),
 * never anchor a search. */
static size_t letter_rank(char c)
{
	static const char rare[] = "qzxjwyvbphgfcmuolidtnrae";
	const char *at = strchr(rare, c);

	return at && c ? (size_t)(at - rare) : 100;
}

/*
 * Where the lower-case ASCII `word` (two letters or more) first is in
 * s[0..len), in any case; len when nowhere. Its letters are ASCII, and
 * its anchor is neither k nor s, so this finds the word where the
 * patterns would. From one occurrence of its rarest two letters to the
 * next: far cheaper over a body than a pattern that may start at every
 * other letter.
 */
static size_t find_word(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word), at = 0, i;
	const char *p, *end, *c;

	if (len < n || n < 2)
		return len;
	for (i = 1; i + 1 < n; i++)
		if (letter_rank(word[i]) + letter_rank(word[i + 1]) <
		    letter_rank(word[at]) + letter_rank(word[at + 1]))
			at = i;
	/* the anchor pair at c: the word from c - at */
	p = s + at;
	end = s + len - (n - 1 - at);
	while (p < end) {
		if (!(c = find_pair(p, end, word[at], word[at + 1])))
			return len;
		c -= at;
		for (i = 0; i < n && (c[i] | 0x20) == word[i]; i++)
			;
		if (i == n)
			return (size_t)(c - s);
		p = c + at + 1;
	}
	return len;
}

/*
 * The words sought in the whole body so far, and where each was found:
 * two revision cycles may need the same word, and a body without it is
 * not scanned for it twice.
 */
#define MAX_SOUGHT 8

typedef struct sought {
	const char *word[MAX_SOUGHT];
	size_t at[MAX_SOUGHT], n;
} sought;

/* find_word(body, len, word), each word's scan kept in `s` */
static size_t find_in_body(sought *s, const char *body, size_t len,
                           const char *word)
{
	size_t j;

	for (j = 0; j < s->n; j++)
		if (!strcmp(s->word[j], word))
			return s->at[j];
	if (s->n == MAX_SOUGHT)
		return find_word(body, len, word);
	s->word[s->n] = word;
	return s->at[s->n++] = find_word(body, len, word);
}

/* Can s[i] be (part of) white space, \s? ASCII space or any byte of a
 * multi-byte character, to be safe. */
static int maybe_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c >= 0x80;
}

#define BACK_SPACE (-1)

/*
 * Walk back from `at` by `steps` (up to 0): a number of bytes, or
 * BACK_SPACE over what may be white space. Each step is monotone in
 * `at`, so the walk from a later occurrence never ends earlier.
 */
static size_t walk_back(const char *s, size_t at, const int *steps)
{
	for (; *steps; steps++) {
		if (*steps == BACK_SPACE)
			while (at > 0 && maybe_space((unsigned char)s[at - 1]))
				at--;
		else
			at = at > (size_t)*steps ? at - (size_t)*steps : 0;
	}
	return at;
}

/*
 * Every match of a cycle pattern holds one of its words `need` (lower
 * case, no k or s: see find_word). Where none is in the body, as in most
 * bodies, the pattern cannot match and is not run. Otherwise no match
 * starts before the walk `back` from the first of them: the longest the
 * pattern can run ahead of the word (in bytes, ſ for s, and any run of
 * white space), so the search starts there, with the same first match.
 */
static void infer_revision(pd_meta *meta, const char *body, size_t len,
                           unsigned first_line, pcre2_match_context *mctx)
{
	static const struct {
		const char *pattern;
		const char *value;
		const char *need[3];
		int back[8];
	} cycles[] = {
		/* \s+ varje, 40 NOT_DOT of 4 bytes, ſeſ\s+över or
		 * uppdateraſ (11) */
		{ "\\b(?:uppdateras|revideras|ses\\s+över|följs\\s+upp)\\b"
		  NOT_DOT "{0,40}?\\bvarje\\s+mandatperiod", "mandate-period",
		  { "mandatperiod", NULL },
		  { BACK_SPACE, 5 + 160 + 11, BACK_SPACE, 7, 0 } },
		{ "\\binför\\s+varje\\s+ny\\s+mandatperiod", "mandate-period",
		  { "mandatperiod", NULL },
		  { BACK_SPACE, 2, BACK_SPACE, 5, BACK_SPACE, 6, 0 } },
		/* \s+ every, 40 NOT_DOT, reviſed (8) */
		{ "\\b(?:updated|revised|reviewed)\\b" NOT_DOT "{0,40}?"
		  "\\bevery\\s+(?:mandate|electoral)\\s+(?:period|term)",
		  "mandate-period", { "mandate", "electoral", NULL },
		  { BACK_SPACE, 5 + 160 + 8, 0 } },
		/* the words begin the match */
		{ "\\b(?:uppdateras|revideras)\\b" NOT_DOT "{0,20}?"
		  "\\b(?:årligen|varje\\s+år)\\b", "annual",
		  { "uppdatera", "revidera", NULL }, { 0 } },
		{ "\\b(?:updated|revised|reviewed)\\b" NOT_DOT "{0,20}?"
		  "\\b(?:annually|every\\s+year)\\b", "annual",
		  { "updated", "revi", NULL }, { 0 } },
		{ NULL, NULL, { NULL }, { 0 } }
	};
	sought whole;
	size_t k, i, first, at;
	PCRE2_SIZE *ov;
	rx r;

	whole.n = 0;
	for (k = 0; cycles[k].pattern && !meta->revision; k++) {
		first = len;
		for (i = 0; cycles[k].need[i]; i++) {
			/* only an occurrence that begins before the first
			 * found so far matters */
			const char *need = cycles[k].need[i];
			size_t n = strlen(need) - 1;

			at = first < len ?
			     find_word(body, len - first > n ? first + n : len,
			               need) :
			     find_in_body(&whole, body, len, need);
			if (at < first)
				first = at;
		}
		if (first == len)
			continue;
		rx_init(&r, cycles[k].pattern, PCRE2_CASELESS, mctx);
		if (rx_find(&r, body, len, walk_back(body, first,
		                                      cycles[k].back), &ov)) {
			meta->revision = cycles[k].value;
			meta->revision_line = line_of(body, len, ov[0],
			                              first_line);
		}
		rx_dispose(&r);
	}
}

/* "gäller tills vidare", "valid until further notice" */
static void infer_open_ended(pd_meta *meta, const char *body, size_t len,
                             pcre2_match_context *mctx)
{
	PCRE2_SIZE *ov;
	rx r;

	rx_init(&r, "\\b(?:gäll(?:er|a|de)\\s+(?:tills\\s+vidare|till\\s+"
	        "dess\\s+(?:att\\s+)?(?:ett\\s+)?nytt)|(?:is\\s+)?valid\\s+"
	        "until\\s+further\\s+notice)", PCRE2_CASELESS, mctx);
	if (rx_find(&r, body, len, 0, &ov))
		meta->open_ended = 1;
	rx_dispose(&r);
}

/* Bytes of text the language is judged on. */
#define LANGUAGE_SAMPLE ((size_t)256 << 10)

/*
 * Function words of one language this many more than of the other, and
 * four times as many, decide before the sample ends: a page or two of a
 * summary in the other language does not come near it, and a text that
 * far into one language is written in it.
 */
#define LANGUAGE_LEAD 256u

/* Lower-case a short word: ASCII and the Swedish Å, Ä, Ö. */
static size_t lower_word(char *dst, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];

		if (c >= 'A' && c <= 'Z')
			c += 32;
		else if (i > 0 && (unsigned char)w[i - 1] == 0xc3 &&
		         (c == 0x84 || c == 0x85 || c == 0x96))
			c += 0x20;
		dst[i] = (char)c;
	}
	dst[n] = '\0';
	return n;
}

static const char *infer_language(const char *body, size_t len)
{
	static const char *const sv[] = {
		"och", "att", "det", "som", "för", "är", "en", "på", "med",
		NULL
	};
	static const char *const en[] = {
		"the", "and", "of", "to", "is", "in", "for", "that", "with",
		NULL
	};
	size_t pos = 0, ws, wl, k;
	unsigned nsv = 0, nen = 0;
	char w[8];
	int latin1;

	if (len > LANGUAGE_SAMPLE) {
		/* whole code points only */
		len = LANGUAGE_SAMPLE;
		while (len > 0 && ((unsigned char)body[len] & 0xc0) == 0x80)
			len--;
	}
	/* the same words, found without utf8proc where it is not needed */
	latin1 = pd_text_is_latin1(body, len);
	while (latin1 ? pd_text_next_word_latin1(body, len, &pos, &ws, &wl) :
	       pd_text_next_word(body, len, &pos, &ws, &wl)) {
		if (wl > 4)
			continue;
		lower_word(w, body + ws, wl);
		/* the first letters first: most words are none of these */
		for (k = 0; sv[k]; k++)
			if (w[0] == sv[k][0] && !strcmp(w, sv[k]))
				nsv++;
		for (k = 0; en[k]; k++)
			if (w[0] == en[k][0] && !strcmp(w, en[k]))
				nen++;
		if ((nsv >= nen + LANGUAGE_LEAD && nsv >= 4 * nen) ||
		    (nen >= nsv + LANGUAGE_LEAD && nen >= 4 * nsv))
			break;
	}
	if (nsv > nen)
		return "sv";
	if (nen > nsv)
		return "en";
	return NULL;
}

/* "Södertörns utvecklingsprogram 2035" → 2035; not "Plan 2019–2022". */
/*
 * Does the word that ends at title[end), before the year `year`, name a
 * document of one year ("Budget 2024", "Årsredovisning 2022", "Annual
 * report 2023")? Its year is the year it is for, not a target. So is a
 * plan's ("Kommunplan 2015", "Verksamhetsplan 2022"), unless the plan
 * states a period that ends before that year ("Regionplan 2030", valid
 * 2021–2024): then the year is the horizon it plans for.
 */
static char lower_ascii(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int names_plan_year(const char *title, size_t end, int year,
                           int period_end)
{
	static const char *const endings[] = {
		"plan", "budget", "redovisning", "rapport", "report", "bokslut",
		"uppföljning", "statement", NULL
	};
	size_t k, start = end, len;

	while (start > 0 && title[start - 1] != ' ')
		start--;
	len = end - start;
	for (k = 0; endings[k]; k++) {
		size_t el = strlen(endings[k]), j;

		if (len < el)
			continue;
		for (j = 0; j < el; j++)
			if (lower_ascii(title[end - el + j]) != endings[k][j])
				break;
		if (j == el)
			return k > 0 || !period_end || year <= period_end;
	}
	return 0;
}

static int title_year(const char *title, int period_end)
{
	size_t n = strlen(title), i;
	int y;

	while (n > 0 && (title[n - 1] == ' ' || title[n - 1] == '.'))
		n--;
	if (n < 4)
		return 0;
	for (i = n - 4; i < n; i++)
		if (title[i] < '0' || title[i] > '9')
			return 0;
	if (n > 4 && title[n - 5] >= '0' && title[n - 5] <= '9')
		return 0;
	y = year_at(title + n - 4);
	if (y < 1900 || y > 2099)
		return 0;
	i = n - 4;
	while (i > 0 && title[i - 1] == ' ')
		i--;
	if (i > 0 && (title[i - 1] == '-' || title[i - 1] == '/' ||
	    (i >= 3 && !memcmp(title + i - 3, "\xe2\x80\x93", 3)) ||
	    (i >= 3 && !memcmp(title + i - 3, "\xe2\x80\x94", 3))))
		return 0;                 /* the end of a period */
	if (names_plan_year(title, i, y, period_end))
		return 0;
	return y;
}

int pd_meta_infer(pd_meta *meta, pd_pool *pool, const char *body,
                  size_t len, unsigned first_line, size_t preamble_len,
                  const char *title, unsigned title_line)
{
	pcre2_match_context *mctx = pcre2_match_context_create(NULL);

	if (!mctx)
		pd__oom();
	pcre2_set_match_limit(mctx, 1000000);
	pcre2_set_depth_limit(mctx, 10000);
	if (preamble_len > len)
		preamble_len = len;
	if (!meta->name && title && *title) {
		meta->name = pd_pool_strdup(pool, title);
		meta->name_line = title_line;
	}
	if (!meta->target_year)
		infer_target_year(meta, body, preamble_len, first_line, mctx);
	if (!meta->period_start && !meta->period_end) {
		infer_period(meta, body, preamble_len, (size_t)-1, first_line,
		             mctx);
		if (!meta->period_start)
			infer_period(meta, body, len, BARE_PERIOD, first_line,
			             mctx);
	}
	if (!meta->target_year && title && (meta->target_year =
	    title_year(title, meta->period_end)) != 0)
		meta->target_year_line = title_line;
	if (!meta->period_start && !meta->period_end)
		infer_open_ended(meta, body, preamble_len, mctx);
	if (!meta->adopted)
		infer_adopted(meta, pool, body, preamble_len, mctx);
	if (!meta->decision)
		infer_decision(meta, pool, body, preamble_len, mctx);
	if (!meta->replaces)
		infer_replaces(meta, pool, body, preamble_len, mctx);
	if (!meta->revision)
		infer_revision(meta, body, len, first_line, mctx);
	if (!meta->language)
		meta->language = infer_language(body, len);
	pcre2_match_context_free(mctx);
	return 0;
}
