/* SPDX-License-Identifier: MIT */
/*
 * rules.c: the rules of a `.progdiff` file and their evaluation for
 * `progdiff check`. config.c reads the file; this module gives its
 * entries meaning and compiles the patterns; rules_check.c checks a
 * document (and the changes that led to it) against them. Rendering the report is in
 * rules_render.c; the classifier that takes the vocabulary is classify.c.
 *
 * Patterns are untrusted: a pull request can change `.progdiff`. Each is
 * compiled with PCRE2_AUTO_CALLOUT, and the callout counts steps against
 * one budget for the whole check. PCRE2's own match limit is not enough
 * on its own, because it starts again from zero at every position of the
 * subject: `(a+)+$` over 50 KB of "aaa…b" runs stays under any sensible
 * limit at each position and still takes minutes in all. Match, depth
 * and heap limits are set as well, for what the count cannot see.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "config.h"
#include "rules.h"
#include "text.h"
#include "vec.h"

static const char *type_names[PD_RULE__COUNT] = {
	"title-matches",
	"every-area-matches",
	"require-section",
	"forbid",
	"changes-in-sync"
};

const char *pd_rule_type_name(pd_rule_type type)
{
	return (unsigned)type < PD_RULE__COUNT ? type_names[type] : NULL;
}

const char *pd_severity_name(pd_severity severity)
{
	return severity == PD_SEVERITY_WARNING ? "warning" : "error";
}

/* ---- loading ---- */

static void rule_free(pd_rule *r)
{
	if (!r)
		return;
	pcre2_code_free(r->re);
	free(r->name);
	free(r->message);
	free(r->value);
	free(r);
}

void pd_rules_free(pd_rules *rules)
{
	size_t i;

	if (!rules)
		return;
	for (i = 0; i < rules->rules.size; i++)
		rule_free(pd_vec_get(&rules->rules, i));
	for (i = 0; i < rules->vocab.size; i++) {
		vocab_entry *v = pd_vec_get(&rules->vocab, i);

		free(v->key);
		free(v->pattern);
		free(v);
	}
	pd_vec_dispose(&rules->rules);
	pd_vec_dispose(&rules->vocab);
	free(rules->path);
	free(rules);
}

static pd_rule *rule_get(pd_rules *rules, const char *name)
{
	pd_rule *r;
	size_t i;

	for (i = 0; i < rules->rules.size; i++) {
		r = pd_vec_get(&rules->rules, i);
		if (!strcmp(r->name, name))
			return r;
	}
	r = pd__calloc(1, sizeof(*r));
	r->name = pd__strdup(name);
	pd_vec_push(&rules->rules, r);
	return r;
}

static int vocab_kind(pd_kind *out, const char *key)
{
	if (!strcmp(key, "container"))
		*out = PD_KIND_CONTAINER;
	else if (!strcmp(key, "area"))
		*out = PD_KIND_AREA;
	else if (!strcmp(key, "goal"))
		*out = PD_KIND_GOAL;
	else if (pd_kind_parse(out, key) < 0 || *out == PD_KIND_PROGRAMME)
		return -1;
	return 0;
}

static int add_vocab(pd_rules *rules, const pd_config_entry *e)
{
	vocab_entry *v;
	pd_kind kind;

	if (e->subsection) {
		pd_error_set(PD_EINVALID, "[vocabulary \"%s\"]: the vocabulary "
		             "section has no name", e->subsection);
		pd_error_set_hint("write [vocabulary]");
		return PD_EINVALID;
	}
	if (vocab_kind(&kind, e->key) < 0) {
		pd_error_set(PD_EINVALID, "vocabulary: unknown kind '%s'",
		             e->key);
		pd_error_set_hint("use container, area, goal or a kind such as "
		                  "vision, measure, indicator, forum");
		return PD_EINVALID;
	}
	if (!e->value || !*e->value)
		return pd_error_set(PD_EINVALID, "vocabulary.%s: a pattern is "
		                    "needed", e->key);
	v = pd__malloc(sizeof(*v));
	v->kind = kind;
	v->key = pd__strdup(e->key);
	v->pattern = pd__strdup(e->value);
	pd_vec_push(&rules->vocab, v);
	return 0;
}

static int find_type(pd_rule_type *out, const char *key)
{
	int i;

	for (i = 0; i < PD_RULE__COUNT; i++)
		if (!strcmp(type_names[i], key)) {
			*out = (pd_rule_type)i;
			return 0;
		}
	return -1;
}

/* A check key: title-matches = ..., forbid = ... (forbid may repeat) */
static int set_check(pd_rule *r, pd_rule_type type, const char *value)
{
	char *joined;

	if (r->has_type && r->type != type)
		return pd_error_set(PD_EINVALID, "rule '%s': two checks, '%s' "
		                    "and '%s'; a rule has one", r->name,
		                    type_names[r->type], type_names[type]);
	if (r->has_type && type != PD_RULE_FORBID)
		return pd_error_set(PD_EINVALID, "rule '%s': '%s' given "
		                    "twice", r->name, type_names[type]);
	r->type = type;
	if (!r->has_type) {
		r->value = pd__strdup(value);
	} else {
		/* the kinds of a repeated forbid add up */
		joined = pd__malloc(pd__add(pd__add(strlen(r->value),
		                                    strlen(value)), 2));
		sprintf(joined, "%s %s", r->value, value);
		free(r->value);
		r->value = joined;
	}
	r->has_type = 1;
	return 0;
}

static int set_severity(pd_rule *r, const char *value)
{
	if (!strcmp(value, "error"))
		r->severity = PD_SEVERITY_ERROR;
	else if (!strcmp(value, "warning"))
		r->severity = PD_SEVERITY_WARNING;
	else
		return pd_error_set(PD_EINVALID, "rule '%s': unknown severity "
		                    "'%s' (error, warning)", r->name, value);
	return 0;
}

static int add_rule_entry(pd_rules *rules, const pd_config_entry *e)
{
	pd_rule *r;
	pd_rule_type type;

	if (!e->subsection || !*e->subsection) {
		pd_error_set(PD_EINVALID, "a rule needs a name");
		pd_error_set_hint("write [rule \"NAME\"]");
		return PD_EINVALID;
	}
	r = rule_get(rules, e->subsection);
	if (!e->value)
		return pd_error_set(PD_EINVALID, "rule '%s': '%s' needs a "
		                    "value", r->name, e->key);
	if (find_type(&type, e->key) == 0)
		return set_check(r, type, e->value);
	if (!strcmp(e->key, "severity"))
		return set_severity(r, e->value);
	if (!strcmp(e->key, "message")) {
		free(r->message);
		r->message = *e->value ? pd__strdup(e->value) : NULL;
		return 0;
	}
	pd_error_set(PD_EINVALID, "rule '%s': unknown key '%s'", r->name,
	             e->key);
	pd_error_set_hint("a rule has one of title-matches, "
	                  "every-area-matches, require-section, forbid, "
	                  "changes-in-sync, and message, severity");
	return PD_EINVALID;
}

static int compile_rule(pd_rule *r, pcre2_compile_context *ccx)
{
	PCRE2_UCHAR why[256];
	PCRE2_SIZE offset = 0;
	int errcode = 0;

	r->re = pcre2_compile((PCRE2_SPTR)r->value, strlen(r->value),
	                      PCRE2_UTF | PCRE2_UCP | PCRE2_AUTO_CALLOUT |
	                      PCRE2_NEVER_BACKSLASH_C, &errcode, &offset, ccx);
	if (r->re)
		return 0;
	if (pcre2_get_error_message(errcode, why, sizeof(why)) < 0)
		strcpy((char *)why, "unknown error");
	return pd_error_set(PD_EINVALID, "rule '%s': invalid pattern '%s' at "
	                    "offset %lu: %s", r->name, r->value,
	                    (unsigned long)offset, (const char *)why);
}

static int is_sep(char c)
{
	return c == ' ' || c == '\t' || c == ',' || c == '\n';
}

static int parse_kinds(pd_rule *r)
{
	const char *p = r->value;
	char word[64];

	r->kinds = 0;
	while (*p) {
		size_t n = 0;
		pd_change_kind kind;

		while (*p && is_sep(*p))
			p++;
		while (p[n] && !is_sep(p[n]))
			n++;
		if (!n)
			break;
		if (n >= sizeof(word)) {
			pd_error_set(PD_EINVALID, "rule '%s': unknown change "
			             "kind '%.*s...'", r->name, 20, p);
			goto unknown;
		}
		memcpy(word, p, n);
		word[n] = '\0';
		if (pd_change_kind_parse(&kind, word) < 0) {
			pd_error_set(PD_EINVALID, "rule '%s': unknown change "
			             "kind '%s'", r->name, word);
			goto unknown;
		}
		r->kinds |= 1ul << kind;
		p += n;
	}
	if (!r->kinds)
		return pd_error_set(PD_EINVALID, "rule '%s': forbid names no "
		                    "change kind", r->name);
	return 0;
unknown:
	pd_error_set_hint("change kinds are area-added, area-removed, "
	                  "area-renamed, area-moved, goal-..., section-..., "
	                  "name-changed, target-year-changed, ... "
	                  "(see doc/rules.md: the rules file)");
	return PD_EINVALID;
}

/* "rule 'x': ..." becomes ".progdiff: rule 'x': ...", hint kept */
static int with_path(int error, const char *path)
{
	return pd_error_prefix(error, "%s", path);
}

int pd_rules_load(pd_rules **out, const char *path, unsigned flags)
{
	pd_config *cfg = NULL;
	pd_rules *rules = NULL;
	pcre2_compile_context *ccx = NULL;
	size_t i;
	int error;

	*out = NULL;
	if ((error = pd_config_read(&cfg, path)) < 0)
		goto done;
	rules = pd__calloc(1, sizeof(*rules));
	rules->path = pd__strdup(path);
	for (i = 0; i < pd_config_count(cfg); i++) {
		const pd_config_entry *e = pd_config_get(cfg, i);

		if (!strcmp(e->section, "vocabulary"))
			error = add_vocab(rules, e);
		else if (flags & PD_RULES_VOCABULARY_ONLY)
			error = 0;
		else if (!strcmp(e->section, "rule"))
			error = add_rule_entry(rules, e);
		else {
			error = pd_error_set(PD_EINVALID, "unknown section "
			                     "'[%s]'", e->section);
			pd_error_set_hint("a rules file has [vocabulary] and "
			                  "[rule \"NAME\"] sections");
		}
		if (error < 0)
			goto done;
	}

	if (!(ccx = pcre2_compile_context_create(NULL)))
		pd__oom();
	pcre2_set_max_pattern_length(ccx, MAX_PATTERN_LENGTH);
	pcre2_set_parens_nest_limit(ccx, MAX_PARENS_NEST);
	for (i = 0; i < rules->rules.size; i++) {
		pd_rule *r = pd_vec_get(&rules->rules, i);

		if (!r->has_type) {
			error = pd_error_set(PD_EINVALID, "rule '%s' checks "
			                     "nothing", r->name);
			pd_error_set_hint("give it one of title-matches, "
			                  "every-area-matches, require-section, "
			                  "forbid, changes-in-sync");
			goto done;
		}
		if (r->type == PD_RULE_FORBID)
			error = parse_kinds(r);
		else
			error = compile_rule(r, ccx);
		if (error < 0)
			goto done;
	}
	*out = rules;
	rules = NULL;
	error = 0;
done:
	if (error < 0 && cfg)
		with_path(error, path);
	pcre2_compile_context_free(ccx);
	pd_rules_free(rules);
	pd_config_free(cfg);
	return error;
}

size_t pd_rules_count(const pd_rules *rules)
{
	return rules ? rules->rules.size : 0;
}

const pd_rule *pd_rules__rule_at(const pd_rules *rules, size_t i)
{
	return pd_vec_get(&rules->rules, i);
}

const char *pd_rules_name(const pd_rules *rules, size_t i)
{
	return pd_rules__rule_at(rules, i)->name;
}

pd_rule_type pd_rules_type(const pd_rules *rules, size_t i)
{
	return pd_rules__rule_at(rules, i)->type;
}

pd_severity pd_rules_severity(const pd_rules *rules, size_t i)
{
	return pd_rules__rule_at(rules, i)->severity;
}

const char *pd_rules__value(const pd_rules *rules, size_t i)
{
	return pd_rules__rule_at(rules, i)->value;
}

int pd_rules_vocabulary(const pd_rules *rules, pd_classifier *cls)
{
	size_t i;
	int error;

	for (i = 0; rules && i < rules->vocab.size; i++) {
		const vocab_entry *v = pd_vec_get(&rules->vocab, i);

		if ((error = pd_classifier_add(cls, v->kind, v->pattern)) < 0)
			return pd_error_prefix(error, "%s: vocabulary.%s",
			                       rules->path, v->key);
	}
	return 0;
}
