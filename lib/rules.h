/* SPDX-License-Identifier: MIT */
/*
 * rules.h: what the rules share between their files (rules.c loads them,
 * rules_check.c evaluates them), with the rest of lib/ and its tests:
 * the evaluation on a plain array of changes (so that tests can make
 * the changes they need) and the report's body for the renderer.
 */
#ifndef PD_RULES_H
#define PD_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "document.h"
#include "pool.h"
#include "vec.h"

/* Limits for one pattern: compile, and each pcre2_match() call. */
#define MAX_PATTERN_LENGTH 4096
#define MAX_PARENS_NEST 64
#define MATCH_LIMIT 1000000
#define DEPTH_LIMIT 10000
#define HEAP_LIMIT_KIB 32768

/* How much of a heading an error message quotes. */
#define QUOTE_MAX 60

/* changes-in-sync: a heading longer than this is known by its first words */
#define MENTION_WORDS 6

/* theme-everywhere: code points of the theme word that identify it, as
 * in changes.c ("klimat" for klimatet, klimatfrågan, klimatarbetet) */
#define THEME_PREFIX 6

typedef struct pd_rule {
	char *name;
	pd_rule_type type;
	int has_type;
	pd_severity severity;
	char *message;          /* NULL: the default for the type */
	char *value;            /* as written; forbid: kinds joined by " " */
	pcre2_code *re;         /* the pattern rules */
	unsigned long kinds;    /* forbid: 1 << pd_change_kind */
} pd_rule;

typedef struct vocab_entry {
	pd_kind kind;
	char *key;
	char *pattern;
} vocab_entry;

struct pd_rules {
	char *path;
	pd_vec rules;   /* pd_rule *, in file order */
	pd_vec vocab;   /* vocab_entry * */
};

struct pd_rules_report {
	const pd_rules *rules;
	pd_pool pool;               /* messages and details */
	pd_violation *items;
	size_t count, cap;
	pd_rule_status *status;     /* one per rule */
	size_t errors, warnings;
	unsigned long long steps;   /* callouts counted while matching */
};

/**
 * Check `new_doc` against the rules, with the changes from an old
 * version when `have_old` (and the rules about changes skipped when
 * not). pd_rules_check() calls this with the change list's items.
 */
int pd_rules__evaluate(pd_rules_report **out, const pd_rules *rules,
                       const pd_document *new_doc, int have_old,
                       const pd_change *const *changes, size_t nchanges,
                       const pd_check_options *opts);

/** Pattern-matching steps the check took (for complexity tests). */
unsigned long long pd_rules__report_steps(const pd_rules_report *report);

/** The rule at index `i`, in file order. */
const pd_rule *pd_rules__rule_at(const pd_rules *rules, size_t i);

/** The value a rule was written with: its pattern or change kinds. */
const char *pd_rules__value(const pd_rules *rules, size_t i);

#endif
