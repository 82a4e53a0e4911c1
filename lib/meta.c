/* SPDX-License-Identifier: MIT */
/*
 * meta.c: metadata of a programme version from its front matter: YAML
 * between a first line "---" and a line "---" or "...", read with
 * libyaml's loader into a document whose top-level mapping is scanned
 * for known keys (Swedish and English spellings); and the one period
 * grammar. What the front matter does not say is inferred from the text
 * (meta_infer.c).
 *
 * Every string lands in the document's pool; lines are file lines.
 */
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

const char *pd_meta__keep(pd_pool *pool, const char *s, size_t len)
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
	return out ? out : pd_meta__keep(pool, value, strlen(value));
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
		meta->name = pd_meta__keep(pool, value, strlen(value));
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
		                pd_meta__keep(pool, value, strlen(value));
		break;
	}
	case KEY_DECISION:
		meta->decision = pd_meta__keep(pool, value, strlen(value));
		break;
	case KEY_REPLACES:
		meta->replaces = pd_meta__keep(pool, value, strlen(value));
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
