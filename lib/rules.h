/* SPDX-License-Identifier: MIT */
/*
 * rules.h: what rules.c shares with the rest of lib/ and its tests: the
 * evaluation on a plain array of changes (so that tests can make the
 * changes they need) and the report's body for the renderer.
 */
#ifndef PD_RULES_H
#define PD_RULES_H

#include "document.h"
#include "pool.h"

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

/** The value a rule was written with: its pattern or change kinds. */
const char *pd_rules__value(const pd_rules *rules, size_t i);

#endif
