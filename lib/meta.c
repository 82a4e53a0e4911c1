/* SPDX-License-Identifier: MIT */
/*
 * meta.c: metadata of a programme version.
 *
 * Front matter is YAML between a first line "---" and a line "---" or
 * "...", read with libyaml's loader into a document whose top-level
 * mapping is scanned for known keys (Swedish and English spellings).
 * Anything the front matter does not say is inferred from the text with
 * PCRE2: target year, period, adoption date, decision reference and what
 * the version replaces from the preamble (the text before the first H2),
 * where programmes state them; the period, failing that, from an explicit
 * phrase anywhere ("gäller 2019–2022"); the revision cycle and the
 * language from the whole text.
 *
 * Every string lands in the document's pool; lines are file lines.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "alloc.h"
#include "dates.h"
#include "meta.h"
#include "text.h"

/* ------------------------------------------------------------------ */
/* Values                                                              */

/* A year: four digits, optionally surrounded by white space. */
static int parse_year(const char *s, int *out)
{
	int y = 0, n = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	for (; *s >= '0' && *s <= '9' && n < 5; s++, n++)
		y = y * 10 + (*s - '0');
	while (*s == ' ' || *s == '\t')
		s++;
	if (n != 4 || *s || y < 1000)
		return -1;
	*out = y;
	return 0;
}

/* "2019-2022", "2019–2022" (any pd_text_is_dash), "2019 - 2022",
 * pandoc's "2019--2022", "2019 till 2022", "2019 to 2022", "2019/2022" */
int pd_meta__parse_period(const char *s, int *start, int *end)
{
	static const char *const seps[] = { "till", "to", "/", NULL };
	char head[5];
	const char *p = s;
	size_t k, n;

	while (*p == ' ' || *p == '\t')
		p++;
	if (strlen(p) < 4)
		return -1;
	memcpy(head, p, 4);
	head[4] = '\0';
	if (parse_year(head, start) < 0)
		return -1;
	p += 4;
	while (*p == ' ' || *p == '\t')
		p++;
	n = 0;
	if (!strncmp(p, "--", 2))
		n = 2;           /* pandoc's en dash */
	else if (!*p || !pd_text_is_dash(pd_text__decode(p, strlen(p), &n)))
		n = 0;           /* no dash: one of the words, or none */
	for (k = 0; !n && seps[k]; k++) {
		n = strlen(seps[k]);
		if (strncmp(p, seps[k], n))
			n = 0;
	}
	if (!n)
		return -1;
	if (parse_year(p + n, end) < 0 || *end < *start)
		return -1;
	return 0;
}

/* A string as it is kept: white space collapsed, NFC, in the pool. */
static const char *keep(pd_pool *pool, const char *s, size_t len)
{
	pd_buf tmp = PD_BUF_INIT;
	const char *out;

	pd_text_normalize(&tmp, s, len);
	out = pd_pool_strndup(pool, tmp.ptr, tmp.size);
	pd_buf_dispose(&tmp);
	return out;
}

/* "sv"/"en" for a language's name in front matter, NULL if unknown. */
static const char *language_code(const char *value)
{
	pd_buf f = PD_BUF_INIT;
	const char *code = NULL;

	pd_text_fold(&f, value, strlen(value));
	if (!strcmp(f.ptr, "sv") || !strcmp(f.ptr, "swedish") ||
	    !strcmp(f.ptr, "svenska") || !strncmp(f.ptr, "sv-", 3) ||
	    !strncmp(f.ptr, "sv_", 3))
		code = "sv";
	else if (!strcmp(f.ptr, "en") || !strcmp(f.ptr, "english") ||
	         !strcmp(f.ptr, "engelska") || !strncmp(f.ptr, "en-", 3) ||
	         !strncmp(f.ptr, "en_", 3))
		code = "en";
	pd_buf_dispose(&f);
	return code;
}

/* The revision cycle's stable name, or the value as written. */
static const char *revision_value(pd_pool *pool, const char *value)
{
	static const char *const mandate[] = {
		"mandat", "mandate", "electoral", "term", NULL
	};
	static const char *const annual[] = {
		"annual", "årlig", "yearly", "varje år", "every year", NULL
	};
	pd_buf f = PD_BUF_INIT;
	const char *out = NULL;
	size_t k;

	pd_text_fold(&f, value, strlen(value));
	for (k = 0; !out && mandate[k]; k++)
		if (strstr(f.ptr, mandate[k]))
			out = "mandate-period";
	for (k = 0; !out && annual[k]; k++)
		if (strstr(f.ptr, annual[k]))
			out = "annual";
	pd_buf_dispose(&f);
	return out ? out : keep(pool, value, strlen(value));
}

/* ------------------------------------------------------------------ */
/* Front matter                                                        */

enum fm_key {
	KEY_NONE = 0, KEY_NAME, KEY_TARGET_YEAR, KEY_PERIOD, KEY_PERIOD_START,
	KEY_PERIOD_END, KEY_ADOPTED, KEY_DECISION, KEY_REPLACES,
	KEY_LANGUAGE, KEY_REVISION
};

static enum fm_key key_of(const char *key)
{
	static const struct {
		const char *name;
		enum fm_key key;
	} keys[] = {
		{ "name", KEY_NAME }, { "title", KEY_NAME },
		{ "target_year", KEY_TARGET_YEAR },
		{ "mållår", KEY_TARGET_YEAR }, { "målår", KEY_TARGET_YEAR },
		{ "period", KEY_PERIOD },
		{ "period_start", KEY_PERIOD_START },
		{ "period_end", KEY_PERIOD_END }, { "adopted", KEY_ADOPTED },
		{ "antagen", KEY_ADOPTED }, { "antaget", KEY_ADOPTED },
		{ "decision", KEY_DECISION }, { "diarienummer", KEY_DECISION },
		{ "dnr", KEY_DECISION }, { "replaces", KEY_REPLACES },
		{ "ersätter", KEY_REPLACES }, { "language", KEY_LANGUAGE },
		{ "lang", KEY_LANGUAGE }, { "språk", KEY_LANGUAGE },
		{ "revision", KEY_REVISION }, { "uppdateras", KEY_REVISION },
		{ NULL, KEY_NONE }
	};
	pd_buf f = PD_BUF_INIT;
	enum fm_key k = KEY_NONE;
	size_t i;

	pd_text_fold(&f, key, strlen(key));
	for (i = 0; i < f.size; i++)
		if (f.ptr[i] == '-' || f.ptr[i] == ' ')
			f.ptr[i] = '_';
	for (i = 0; keys[i].name; i++) {
		if (!strcmp(f.ptr, keys[i].name)) {
			k = keys[i].key;
			break;
		}
	}
	pd_buf_dispose(&f);
	return k;
}

/* A value that is not what its key needs. */
static int bad_value(unsigned line, const char *what, const char *value,
                     const char *expected)
{
	return pd_error_set(PD_EINVALID, "front matter: line %u: %s '%s' is "
	                    "not %s", line, pd_msg(what), value,
	                    pd_msg(expected));
}

/* Store one scalar of the front matter; `line` is its file line. */
static int set_key(pd_meta *meta, pd_pool *pool, enum fm_key key,
                   const char *value, unsigned line)
{
	int a, b;
	const char *lang;

	switch (key) {
	case KEY_NONE:
		break;
	case KEY_NAME:
		meta->name = keep(pool, value, strlen(value));
		meta->name_line = line;
		break;
	case KEY_TARGET_YEAR:
		if (parse_year(value, &a) < 0)
			return bad_value(line, "target year", value, "a year");
		meta->target_year = a;
		meta->target_year_line = line;
		break;
	case KEY_PERIOD:
		if (pd_meta__parse_period(value, &a, &b) < 0)
			return bad_value(line, "period", value,
			                 "a period like 2019-2022");
		meta->period_start = a;
		meta->period_end = b;
		meta->period_line = line;
		break;
	case KEY_PERIOD_START:
	case KEY_PERIOD_END:
		if (parse_year(value, &a) < 0)
			return bad_value(line, key == KEY_PERIOD_START ?
			                 "period start" : "period end", value,
			                 "a year");
		if (key == KEY_PERIOD_START)
			meta->period_start = a;
		else
			meta->period_end = a;
		meta->period_line = line;
		break;
	case KEY_ADOPTED: {
		char iso[11];

		/* "3 maj 2021" and "2021-05-03" are one date */
		meta->adopted = pd_date_parse(iso, value) ?
		                pd_pool_strdup(pool, iso) :
		                keep(pool, value, strlen(value));
		break;
	}
	case KEY_DECISION:
		meta->decision = keep(pool, value, strlen(value));
		break;
	case KEY_REPLACES:
		meta->replaces = keep(pool, value, strlen(value));
		break;
	case KEY_LANGUAGE:
		if ((lang = language_code(value)) != NULL)
			meta->language = lang;
		break;
	case KEY_REVISION:
		meta->revision = revision_value(pool, value);
		meta->revision_line = line;
		break;
	}
	return 0;
}

/* An empty value, "~" or "null": as good as absent. */
static int is_null(const yaml_node_t *v)
{
	const char *s = (const char *)v->data.scalar.value;

	if (v->data.scalar.length == 0)
		return 1;
	return v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       (!strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
	        !strcmp(s, "NULL"));
}

/* Is src[at..] a fence line "---" or "..."? Sets *next to the next line. */
static int fence_at(const char *src, size_t len, size_t at, int opening,
                    size_t *next)
{
	size_t i = at + 3;

	if (len - at < 3)
		return 0;
	if (memcmp(src + at, "---", 3) &&
	    (opening || memcmp(src + at, "...", 3)))
		return 0;
	if (i < len && src[i] == '\r')
		i++;
	if (i < len && src[i] != '\n')
		return 0;
	*next = i < len ? i + 1 : i;
	return 1;
}

static int too_large(void)
{
	return pd_error_set(PD_EINVALID, "front matter: larger than %lu KiB "
	                    "(no closing '---' line)",
	                    (unsigned long)PD_META_MAX_FRONT_MATTER / 1024);
}

/*
 * Refuse flow collections ("[[[", "{{{") nested deeper than any metadata
 * needs, before libyaml, whose time grows with the square of that depth
 * (a second for 20,000 levels). One pass: brackets inside quoted scalars
 * and comments are text; a quote opens a scalar only where one starts.
 */
static int check_flow_depth(const char *s, size_t len)
{
	size_t i, depth = 0;
	unsigned long line = 2;     /* the line after the opening fence */
	char quote = 0, prev = '\n';

	for (i = 0; i < len; prev = s[i++]) {
		char c = s[i];

		if (c == '\n')
			line++;
		if (quote) {
			if (c == '\\' && quote == '"' && i + 1 < len)
				prev = s[i++];
			else if (c == quote)
				quote = 0;
			continue;
		}
		if ((c == '\'' || c == '"') && strchr(" \t\n[{,:", prev)) {
			quote = c;
		} else if (c == '#' && strchr(" \t\n", prev)) {
			while (i + 1 < len && s[i + 1] != '\n')
				i++;
		} else if (c == '[' || c == '{') {
			if (++depth > PD_META_MAX_FLOW_DEPTH)
				return pd_error_set(PD_ELIMIT, "front matter: line "
				                    "%lu: lists or maps nested more "
				                    "than %d deep", line,
				                    PD_META_MAX_FLOW_DEPTH);
		} else if ((c == ']' || c == '}') && depth > 0) {
			depth--;
		}
	}
	return 0;
}

int pd_meta_front_matter(pd_meta *meta, pd_pool *pool, const char *src,
                         size_t len, size_t *body_out, unsigned *lines_out)
{
	yaml_parser_t parser;
	yaml_document_t document;
	yaml_node_t *root;
	yaml_node_pair_t *pair;
	size_t start, at, next = 0, yaml_len;
	unsigned line = 1;
	int closed = 0, parser_ready = 0, doc_ready = 0, error = 0;

	*body_out = 0;
	*lines_out = 0;
	if (!fence_at(src, len, 0, 1, &start))
		return 0;                    /* no front matter */
	/* find the closing fence, line by line */
	for (at = start; at < len;) {
		const char *nl;

		line++;
		if (at - start > PD_META_MAX_FRONT_MATTER)
			return too_large();
		if (fence_at(src, len, at, 0, &next)) {
			closed = 1;
			break;
		}
		nl = memchr(src + at, '\n', len - at);
		at = nl ? (size_t)(nl - src) + 1 : len;
	}
	if (!closed)
		return pd_error_set(PD_EINVALID, "front matter: not closed (no "
		                    "'---' line after line 1)");
	yaml_len = at - start;
	if ((error = check_flow_depth(src + start, yaml_len)) < 0)
		return error;

	if (!yaml_parser_initialize(&parser))
		pd__oom();
	parser_ready = 1;
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&parser,
	                             (const unsigned char *)src + start,
	                             yaml_len);
	if (!yaml_parser_load(&parser, &document)) {
		if (parser.error == YAML_MEMORY_ERROR)
			pd__oom();
		error = pd_error_set(PD_EINVALID, "front matter: line %lu: %s",
		                     (unsigned long)parser.problem_mark.line +
		                     2, parser.problem ? parser.problem :
		                     pd_msg("invalid YAML"));
		goto done;
	}
	doc_ready = 1;
	root = yaml_document_get_root_node(&document);
	if (root && root->type == YAML_SCALAR_NODE &&
	    root->data.scalar.length == 0)
		root = NULL;                 /* "---\n~\n---": nothing */
	if (root && root->type != YAML_MAPPING_NODE) {
		error = pd_error_set(PD_EINVALID, "front matter: line %lu: "
		                     "expected keys and values",
		                     (unsigned long)root->start_mark.line + 2);
		goto done;
	}
	for (pair = root ? root->data.mapping.pairs.start : NULL;
	     root && pair < root->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(&document, pair->key);
		yaml_node_t *v = yaml_document_get_node(&document, pair->value);

		if (!k || !v || k->type != YAML_SCALAR_NODE ||
		    v->type != YAML_SCALAR_NODE || is_null(v))
			continue;
		if ((error = set_key(meta, pool,
		                     key_of((const char *)k->data.scalar.value),
		                     (const char *)v->data.scalar.value,
		                     (unsigned)v->start_mark.line + 2)) < 0)
			goto done;
	}
	*body_out = next;
	*lines_out = line;
done:
	if (doc_ready)
		yaml_document_delete(&document);
	if (parser_ready)
		yaml_parser_delete(&parser);
	return error;
}

/* ------------------------------------------------------------------ */
/* Inference                                                           */

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
			meta->decision = keep(pool, body + ov[2], end - ov[2]);
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
 * Where the lower-case ASCII `word` first is in s[0..len), in any case;
 * len when nowhere. Its letters are ASCII but for k and s, the only ones
 * a caseless pattern also matches with other characters (K, ſ), so this
 * finds the word where the patterns would. From one occurrence of its
 * rarest letter to the next, each case found with memchr: far cheaper
 * over a body than a pattern that may start at every other letter.
 */
static size_t find_word(const char *s, size_t len, const char *word)
{
	static const char rare[] = "qzxjwyvbphgfcmuolidtnrae";
	size_t n = strlen(word), at = 0, i;
	const char *p, *end, *lo, *up, *c;

	if (len < n)
		return len;
	for (i = 1; i < n; i++)
		if (strchr(rare, word[i]) < strchr(rare, word[at]))
			at = i;
	/* the anchor letter at c: the word from c - at */
	p = s + at;
	end = s + len - (n - 1 - at);
	while (p < end) {
		lo = memchr(p, word[at], (size_t)(end - p));
		up = memchr(p, word[at] - 32, (size_t)((lo ? lo : end) - p));
		if (!(c = up ? up : lo))
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
	PCRE2_SIZE *ov;
	size_t k, i, first, at;
	rx r;

	for (k = 0; cycles[k].pattern && !meta->revision; k++) {
		first = len;
		for (i = 0; cycles[k].need[i]; i++) {
			/* only an occurrence that begins before the first
			 * found so far matters */
			size_t n = strlen(cycles[k].need[i]) - 1;

			at = find_word(body, first < len - n ? first + n : len,
			               cycles[k].need[i]);
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

	if (len > LANGUAGE_SAMPLE)
		len = LANGUAGE_SAMPLE;
	while (pd_text_next_word(body, len, &pos, &ws, &wl)) {
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
