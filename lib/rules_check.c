/* SPDX-License-Identifier: MIT */
/*
 * rules_check.c: the evaluation of the rules rules.c loaded: each rule's
 * pattern matched against the title, the goal areas, the required
 * sections or the changes (every match's steps counted against one
 * budget, see rules.c), and changes-in-sync, whether the programme's own
 * change list mentions what changed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "rules.h"
#include "text.h"

typedef struct checker {
	const pd_rules *rules;
	pd_rules_report *report;
	const pd_document *doc;
	pcre2_match_context *mctx;
	pcre2_match_data *md;
	unsigned long long budget;
	pd_buf text;
	int sv;                /* default messages and details in Swedish */
} checker;

static int count_step(pcre2_callout_block *block, void *payload)
{
	checker *ck = payload;

	(void)block;
	if (++ck->report->steps > ck->budget)
		return PCRE2_ERROR_CALLOUT;
	return 0;
}

/* A heading as an error message may quote it: short, no controls. */
static void quote_for_message(pd_buf *out, const char *s)
{
	size_t i, n = strlen(s);

	if (n > QUOTE_MAX) {
		n = QUOTE_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	pd_buf_putc(out, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		pd_buf_putc(out, c < 0x20 || c == 0x7f ? '?' : c);
	}
	pd_buf_puts(out, n < strlen(s) ? "...\"" : "\"");
}

/* 1 match, 0 none, < 0 a limit (the message names rule and subject) */
static int rule_match(checker *ck, const pd_rule *r, const char *subject,
                      size_t len, const char *what, const char *whose)
{
	pd_buf msg = PD_BUF_INIT;
	const char *why;
	int rc, error;

	rc = pcre2_match(r->re, (PCRE2_SPTR)subject, len, 0, 0, ck->md,
	                 ck->mctx);
	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	switch (rc) {
	case PCRE2_ERROR_CALLOUT:
		why = "the check's matching budget is spent";
		break;
	case PCRE2_ERROR_MATCHLIMIT:
		why = "match limit exceeded";
		break;
	case PCRE2_ERROR_DEPTHLIMIT:
		why = "depth limit exceeded";
		break;
	case PCRE2_ERROR_HEAPLIMIT:
		why = "heap limit exceeded";
		break;
	default:
		why = NULL;
		break;
	}
	pd_buf_puts(&msg, pd_msg(what));
	if (whose) {
		pd_buf_putc(&msg, ' ');
		quote_for_message(&msg, whose);
	}
	if (why) {
		error = pd_error_set(PD_ELIMIT, "rule '%s': pattern takes too "
		                     "long on %s (%s)", r->name, msg.ptr,
		                     pd_msg(why));
		pd_error_set_hint("nested repetition such as (a+)+ backtracks "
		                  "without end; write the pattern without it");
	} else {
		PCRE2_UCHAR buf[256];

		if (pcre2_get_error_message(rc, buf, sizeof(buf)) < 0)
			strcpy((char *)buf, "unknown error");
		error = pd_error_set(PD_ERROR, "rule '%s': matching %s: %s",
		                     r->name, msg.ptr, (const char *)buf);
	}
	pd_buf_dispose(&msg);
	return error;
}

static pd_violation *add_violation(checker *ck, size_t rule,
                                   const char *detail, unsigned line,
                                   const pd_change *change,
                                   const char *message)
{
	pd_rules_report *rep = ck->report;
	const pd_rule *r = pd_rules__rule_at(ck->rules, rule);
	pd_violation *v;

	if (rep->count == rep->cap) {
		rep->cap = rep->cap ? pd__add(rep->cap, rep->cap / 2) : 8;
		rep->items = pd__reallocarray(rep->items, rep->cap,
		                              sizeof(*rep->items));
	}
	v = &rep->items[rep->count++];
	memset(v, 0, sizeof(*v));
	v->rule = rule;
	v->name = r->name;
	v->type = r->type;
	v->severity = r->severity;
	v->message = r->message ? r->message :
	             pd_pool_strdup(&rep->pool, message);
	v->detail = detail ? pd_pool_strdup(&rep->pool, detail) : NULL;
	v->line = line;
	v->change = change;
	rep->status[rule] = PD_RULE_FAILED;
	if (r->severity == PD_SEVERITY_ERROR)
		rep->errors++;
	else
		rep->warnings++;
	return v;
}

/* Heading, body blocks and everything below, one block a line. */
static void section_text(pd_buf *out, const pd_section *s, int heading)
{
	size_t i;

	if (heading && s->heading && *s->heading) {
		pd_buf_puts(out, s->heading);
		pd_buf_putc(out, '\n');
	}
	for (i = 0; i < s->blocks.size; i++) {
		const pd_block *b = pd_vec_get(&s->blocks, i);

		pd_buf_put(out, b->text, b->len);
		pd_buf_putc(out, '\n');
	}
	for (i = 0; i < s->children.size; i++)
		section_text(out, pd_vec_get(&s->children, i), 1);
}

static void default_message_sv(pd_buf *out, const pd_rule *r)
{
	switch (r->type) {
	case PD_RULE_TITLE_MATCHES:
		pd_buf_printf(out, "programmets namn matchar inte /%s/", r->value);
		break;
	case PD_RULE_EVERY_AREA_MATCHES:
		pd_buf_printf(out, "ett målområde matchar inte /%s/", r->value);
		break;
	case PD_RULE_REQUIRE_SECTION:
		pd_buf_printf(out, "ingen rubrik matchar /%s/", r->value);
		break;
	case PD_RULE_FORBID:
		pd_buf_puts(out, "en förändring av det här slaget kräver ett "
		            "beslut");
		break;
	case PD_RULE_CHANGES_IN_SYNC:
		pd_buf_puts(out, "förändringslistan nämner inte alla "
		            "förändringar");
		break;
	default:
		break;
	}
}

static void default_message(pd_buf *out, const pd_rule *r, int sv)
{
	pd_buf_clear(out);
	if (sv) {
		default_message_sv(out, r);
		return;
	}
	switch (r->type) {
	case PD_RULE_TITLE_MATCHES:
		pd_buf_printf(out, "the programme's name does not match /%s/",
		              r->value);
		break;
	case PD_RULE_EVERY_AREA_MATCHES:
		pd_buf_printf(out, "a goal area does not match /%s/", r->value);
		break;
	case PD_RULE_REQUIRE_SECTION:
		pd_buf_printf(out, "no section heading matches /%s/", r->value);
		break;
	case PD_RULE_FORBID:
		pd_buf_puts(out, "a change of this kind needs a decision");
		break;
	case PD_RULE_CHANGES_IN_SYNC:
		pd_buf_puts(out, "the list of changes does not mention every "
		            "change");
		break;
	default:
		break;
	}
}

static int check_title(checker *ck, size_t i, pd_buf *scratch)
{
	const pd_rule *r = pd_rules__rule_at(ck->rules, i);
	const pd_meta *meta = &ck->doc->meta;
	const char *name = meta->name ? meta->name : ck->doc->root->heading;
	unsigned line = meta->name_line ? meta->name_line :
	                (ck->doc->root->heading && *ck->doc->root->heading ?
	                 ck->doc->root->line_start : 0);
	int rc;

	if (!name)
		name = "";
	if ((rc = rule_match(ck, r, name, strlen(name), "the name", NULL)) < 0)
		return rc;
	if (!rc) {
		pd_buf detail = PD_BUF_INIT;

		pd_buf_printf(&detail, ck->sv ? "namnet ”%s”" : "name \"%s\"",
		              name);
		default_message(scratch, r, ck->sv);
		add_violation(ck, i, detail.ptr, line, NULL, scratch->ptr);
		pd_buf_dispose(&detail);
	}
	return 0;
}

static int check_areas(checker *ck, size_t i, pd_buf *scratch)
{
	const pd_rule *r = pd_rules__rule_at(ck->rules, i);
	size_t a;
	int rc = 0;

	for (a = 0; a < ck->doc->areas.size; a++) {
		const pd_section *s = pd_vec_get(&ck->doc->areas, a);
		size_t len;

		pd_buf_clear(&ck->text);
		section_text(&ck->text, s, 1);
		len = ck->text.size;
		if (len && ck->text.ptr[len - 1] == '\n')
			len--;
		if ((rc = rule_match(ck, r, ck->text.ptr, len, "goal area",
		                     s->heading)) < 0)
			return rc;
		if (!rc) {
			pd_buf detail = PD_BUF_INIT;

			pd_buf_printf(&detail, ck->sv ? "målområdet ”%s”" :
			              "goal area \"%s\"", s->heading);
			default_message(scratch, r, ck->sv);
			add_violation(ck, i, detail.ptr, s->line_start, NULL,
			              scratch->ptr);
			pd_buf_dispose(&detail);
		}
	}
	return 0;
}

/* The first section (not the root) whose heading matches, or NULL. */
static int find_section(const pd_section **out, size_t *count_out,
                        checker *ck, const pd_rule *r)
{
	size_t k;
	int rc;

	*out = NULL;
	*count_out = 0;
	for (k = 1; k < ck->doc->sections.size; k++) {
		const pd_section *s = pd_vec_get(&ck->doc->sections, k);

		if ((rc = rule_match(ck, r, s->heading, strlen(s->heading),
		                     "heading", s->heading)) < 0)
			return rc;
		if (rc) {
			if (!*out)
				*out = s;
			(*count_out)++;
		}
	}
	return 0;
}

static int check_require(checker *ck, size_t i, pd_buf *scratch)
{
	const pd_rule *r = pd_rules__rule_at(ck->rules, i);
	const pd_section *s;
	size_t n;
	int rc;

	if ((rc = find_section(&s, &n, ck, r)) < 0)
		return rc;
	if (!s) {
		default_message(scratch, r, ck->sv);
		add_violation(ck, i, NULL, 0, NULL, scratch->ptr);
	}
	return 0;
}

/* How to name a change in a detail: `area-added "Funktionell samordning"` */
static void change_label(pd_buf *out, const pd_change *c)
{
	const char *v = c->new_value ? c->new_value : c->old_value;

	if (!v && c->new_section)
		v = c->new_section->heading;
	if (!v && c->old_section)
		v = c->old_section->heading;
	pd_buf_puts(out, pd_change_kind_name(c->kind));
	if (c->field)
		pd_buf_printf(out, " (%s)", c->field);
	if (v)
		pd_buf_printf(out, " \"%s\"", v);
}

/*
 * The line in the new version a change is best shown at: its own, else
 * (a removal) the line of the new section that the removed one's parent
 * became, else none.
 */
static unsigned change_line(const pd_document *doc, const pd_change *c)
{
	const pd_section *p;
	size_t k;

	if (c->new_line)
		return c->new_line;
	if (c->new_section)
		return c->new_section->line_start;
	if (!c->old_section || !(p = c->old_section->parent) || !p->parent)
		return 0;
	for (k = 1; k < doc->sections.size; k++) {
		const pd_section *s = pd_vec_get(&doc->sections, k);

		if (s->kind == p->kind && s->key && p->key &&
		    !strcmp(s->key, p->key))
			return s->line_start;
	}
	return 0;
}

static void check_forbid(checker *ck, size_t i,
                         const pd_change *const *changes, size_t n)
{
	const pd_rule *r = pd_rules__rule_at(ck->rules, i);
	pd_buf detail = PD_BUF_INIT, msg = PD_BUF_INIT;
	size_t k;

	for (k = 0; k < n; k++) {
		const pd_change *c = changes[k];

		if ((unsigned)c->kind >= PD_CHANGE__COUNT ||
		    !(r->kinds & (1ul << c->kind)))
			continue;
		pd_buf_clear(&detail);
		pd_buf_clear(&msg);
		if (ck->sv) {
			/* the change in a sentence, not by its kind's name */
			pd_render_sentence(&detail, NULL, c, PD_LANG_SV);
			pd_buf_puts(&msg, "förbjuden förändring: ");
			pd_render_kind_count(&msg, c->kind, 1, PD_LANG_SV);
		} else {
			change_label(&detail, c);
			pd_buf_printf(&msg, "forbidden change: %s",
			              pd_change_kind_name(c->kind));
		}
		add_violation(ck, i, detail.ptr, change_line(ck->doc, c), c,
		              msg.ptr);
	}
	pd_buf_dispose(&detail);
	pd_buf_dispose(&msg);
}

/* ---- changes-in-sync: what it means to mention a change ---- */

/* White space, and the zero-width space a word processor leaves behind */
static int is_space(int32_t cp)
{
	return pd_text_is_space(cp) || cp == 0x200b;
}

/*
 * The form in which mentions are compared: NFC and case folded, every
 * dash a hyphen-minus, runs of white space one space, no space next to
 * a dash ("2019 – 2022" is "2019-2022"), trimmed.
 */
static void mention_form(pd_buf *out, const char *s, size_t len)
{
	pd_buf folded = PD_BUF_INIT;
	size_t i = 0;
	int space = 0;

	pd_buf_clear(out);
	pd_text_fold(&folded, s, len);
	while (i < folded.size) {
		size_t n = i;
		int32_t cp = pd_text__decode(folded.ptr, folded.size, &n);

		n -= i;

		if (is_space(cp)) {
			space = 1;
		} else if (pd_text_is_dash(cp)) {
			pd_buf_putc(out, '-');
			space = 0;
		} else {
			if (space && out->size && out->ptr[out->size - 1] != '-')
				pd_buf_putc(out, ' ');
			space = 0;
			pd_buf_put(out, folded.ptr + i, n);
		}
		i += n;
	}
	pd_buf_dispose(&folded);
}

/* The first `words` words of a mention form. */
static void first_words(pd_buf *b, size_t words)
{
	size_t i, seen = 0;

	for (i = 0; i < b->size; i++)
		if (b->ptr[i] == ' ' && ++seen == words) {
			pd_buf_truncate(b, i);
			return;
		}
}

/* The first `cps` code points of a mention form. */
static void first_code_points(pd_buf *b, size_t cps)
{
	size_t i, seen = 0;

	for (i = 0; i < b->size; i++)
		if (((unsigned char)b->ptr[i] & 0xc0) != 0x80 && seen++ == cps) {
			pd_buf_truncate(b, i);
			return;
		}
}

static int contains(const pd_buf *hay, const pd_buf *needle)
{
	return needle->size && strstr(hay->ptr, needle->ptr) != NULL;
}

/* Does the (mention form) text hold `value`, compared in that form? */
static int mentions_value(const pd_buf *text, const char *value,
                          pd_buf *scratch)
{
	if (!value || !*value)
		return 0;
	mention_form(scratch, value, strlen(value));
	return contains(text, scratch);
}

static int mentions_heading(const pd_buf *text, const pd_section *s,
                            pd_buf *scratch)
{
	const char *h;

	if (!s)
		return 0;
	h = s->key && *s->key ? s->key : s->heading;
	if (!h || !*h)
		return 0;
	mention_form(scratch, h, strlen(h));
	first_words(scratch, MENTION_WORDS);
	return contains(text, scratch);
}

/*
 * How each kind of change is recognised in the document's own list; one
 * of the listed values found, in the mention form, is enough:
 *  - a section added, renamed, moved or changed: its new heading, a
 *    section removed: its old heading (numbering left out; a heading of
 *    more than six words by its first six words);
 *  - name-changed: the new name, or the target year when that is what
 *    the name gained; target-year-, period- and metadata-changed: the new
 *    value (the old one when there is no new one); a new revision cycle
 *    also by its words ("mandatperiod", "varje år", "every year", ...);
 *  - term-renamed: the new term;
 *  - theme-everywhere: the first six letters of the theme word, the way
 *    progdiff groups its forms (klimat: klimatet, klimatfrågan).
 * A change with nothing to look for counts as mentioned.
 */
static int is_mentioned(const pd_buf *text, const pd_change *c,
                        const pd_document *doc, pd_buf *scratch)
{
	static const char *const mandate[] = {
		"mandatperiod", "mandate period", "term of office", NULL
	};
	static const char *const annual[] = {
		"årlig", "varje år", "annual", "every year", "yearly", NULL
	};
	const char *const *words = NULL;
	const char *value = c->new_value ? c->new_value : c->old_value;
	size_t k;

	switch (c->kind) {
	case PD_CHANGE_AREA_REMOVED:
	case PD_CHANGE_GOAL_REMOVED:
	case PD_CHANGE_SECTION_REMOVED:
		return mentions_heading(text, c->old_section, scratch);
	case PD_CHANGE_AREA_ADDED:
	case PD_CHANGE_AREA_RENAMED:
	case PD_CHANGE_AREA_MOVED:
	case PD_CHANGE_GOAL_ADDED:
	case PD_CHANGE_GOAL_RENAMED:
	case PD_CHANGE_GOAL_MOVED:
	case PD_CHANGE_GOAL_CHANGED:
	case PD_CHANGE_SECTION_ADDED:
	case PD_CHANGE_SECTION_RENAMED:
	case PD_CHANGE_SECTION_MOVED:
	case PD_CHANGE_SECTION_CHANGED:
		if (!c->new_section)
			return 1;
		return mentions_heading(text, c->new_section, scratch);
	case PD_CHANGE_NAME_CHANGED:
		if (mentions_value(text, c->new_value, scratch))
			return 1;
		if ((c->flags & PD_CHANGE_GAINS_TARGET_YEAR) &&
		    doc->meta.target_year > 0) {
			char year[16];

			snprintf(year, sizeof(year), "%d",
			         doc->meta.target_year);
			return mentions_value(text, year, scratch);
		}
		return !c->new_value;
	case PD_CHANGE_THEME_EVERYWHERE:
		if (!value || !*value)
			return 1;
		mention_form(scratch, value, strlen(value));
		first_code_points(scratch, THEME_PREFIX);
		return contains(text, scratch);
	case PD_CHANGE_METADATA_CHANGED:
		if (c->field && !strcmp(c->field, "revision") && c->new_value) {
			if (!strcmp(c->new_value, "mandate-period"))
				words = mandate;
			else if (!strcmp(c->new_value, "annual"))
				words = annual;
		}
		for (k = 0; words && words[k]; k++)
			if (mentions_value(text, words[k], scratch))
				return 1;
		/* fall through */
	default:
		if (!value || !*value)
			return 1;
		return mentions_value(text, value, scratch);
	}
}

/* Is `s` the list itself, inside it, or (old side) a section of that name? */
static int about_list(const pd_section *s, const pd_section *list)
{
	for (; s; s = s->parent) {
		if (s == list || s->kind == PD_KIND_CHANGES)
			return 1;
		if (list && s->key && list->key && s->level > 0 &&
		    !strcmp(s->key, list->key))
			return 1;
	}
	return 0;
}

static int check_in_sync(checker *ck, size_t i,
                         const pd_change *const *changes, size_t n,
                         pd_buf *scratch)
{
	const pd_rule *r = pd_rules__rule_at(ck->rules, i);
	const pd_section *list;
	pd_buf text = PD_BUF_INIT, detail = PD_BUF_INIT, msg = PD_BUF_INIT;
	size_t k, count, relevant = 0;
	int rc;

	if ((rc = find_section(&list, &count, ck, r)) < 0)
		return rc;
	for (k = 0; k < n; k++)
		if (!about_list(changes[k]->old_section, list) &&
		    !about_list(changes[k]->new_section, list))
			relevant++;
	if (!relevant)
		return 0;
	if (!list) {
		pd_buf_printf(&msg, ck->sv ? "ingen rubrik matchar /%s/ för "
		              "att lista förändringarna" : "no section heading "
		              "matches /%s/ to list the changes", r->value);
		add_violation(ck, i, NULL, 0, NULL, msg.ptr);
		goto done;
	}
	pd_buf_clear(&ck->text);
	section_text(&ck->text, list, 0);
	mention_form(&text, ck->text.ptr, ck->text.size);
	for (k = 0; k < n; k++) {
		const pd_change *c = changes[k];

		if (about_list(c->old_section, list) ||
		    about_list(c->new_section, list) ||
		    is_mentioned(&text, c, ck->doc, scratch))
			continue;
		pd_buf_clear(&detail);
		pd_buf_clear(&msg);
		if (ck->sv) {
			pd_buf_puts(&detail, "inte nämnt: ");
			pd_render_sentence(&detail, NULL, c, PD_LANG_SV);
			pd_buf_printf(&msg, "”%s” nämner inte alla förändringar",
			              list->heading);
		} else {
			pd_buf_puts(&detail, "not mentioned: ");
			change_label(&detail, c);
			pd_buf_printf(&msg, "\"%s\" does not mention every "
			              "change", list->heading);
		}
		add_violation(ck, i, detail.ptr, list->line_start, c, msg.ptr);
	}
done:
	pd_buf_dispose(&text);
	pd_buf_dispose(&detail);
	pd_buf_dispose(&msg);
	return 0;
}

void pd_rules_report_free(pd_rules_report *report)
{
	if (!report)
		return;
	pd_pool_dispose(&report->pool);
	free(report->items);
	free(report->status);
	free(report);
}

int pd_rules__evaluate(pd_rules_report **out, const pd_rules *rules,
                       const pd_document *new_doc, int have_old,
                       const pd_change *const *changes, size_t nchanges,
                       const pd_check_options *opts)
{
	pd_rules_report *rep;
	pd_buf scratch = PD_BUF_INIT;
	checker ck;
	size_t i, n = pd_rules_count(rules);
	int error = 0;

	*out = NULL;
	rep = pd__calloc(1, sizeof(*rep));
	pd_pool_init(&rep->pool);
	rep->rules = rules;
	rep->status = pd__calloc(n ? n : 1, sizeof(*rep->status));

	memset(&ck, 0, sizeof(ck));
	pd_buf_init(&ck.text);
	ck.rules = rules;
	ck.report = rep;
	ck.doc = new_doc;
	ck.budget = opts && opts->budget ? opts->budget : PD_CHECK_BUDGET;
	ck.sv = opts && opts->lang == PD_LANG_SV;
	if (!(ck.mctx = pcre2_match_context_create(NULL)) ||
	    !(ck.md = pcre2_match_data_create(1, NULL)))
		pd__oom();
	pcre2_set_match_limit(ck.mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(ck.mctx, DEPTH_LIMIT);
	pcre2_set_heap_limit(ck.mctx, HEAP_LIMIT_KIB);
	pcre2_set_callout(ck.mctx, count_step, &ck);

	for (i = 0; i < n && !error; i++) {
		switch (pd_rules__rule_at(rules, i)->type) {
		case PD_RULE_TITLE_MATCHES:
			error = check_title(&ck, i, &scratch);
			break;
		case PD_RULE_EVERY_AREA_MATCHES:
			error = check_areas(&ck, i, &scratch);
			break;
		case PD_RULE_REQUIRE_SECTION:
			error = check_require(&ck, i, &scratch);
			break;
		case PD_RULE_FORBID:
			if (have_old)
				check_forbid(&ck, i, changes, nchanges);
			else
				rep->status[i] = PD_RULE_SKIPPED;
			break;
		case PD_RULE_CHANGES_IN_SYNC:
			if (have_old)
				error = check_in_sync(&ck, i, changes, nchanges,
				                      &scratch);
			else
				rep->status[i] = PD_RULE_SKIPPED;
			break;
		default:
			break;
		}
	}
	pcre2_match_data_free(ck.md);
	pcre2_match_context_free(ck.mctx);
	pd_buf_dispose(&ck.text);
	pd_buf_dispose(&scratch);
	if (error < 0)
		pd_rules_report_free(rep);
	else
		*out = rep;
	return error;
}

int pd_rules_check(pd_rules_report **out, const pd_rules *rules,
                   const pd_document *new_doc, const pd_changes *changes,
                   const pd_check_options *opts)
{
	const pd_change **list = NULL;
	size_t i, n = changes ? pd_changes_count(changes) : 0;
	int error;

	if (n)
		list = pd__reallocarray(NULL, n, sizeof(*list));
	for (i = 0; i < n; i++)
		list[i] = pd_changes_get(changes, i);
	error = pd_rules__evaluate(out, rules, new_doc, changes != NULL,
	                           list, n, opts);
	free(list);
	return error;
}

size_t pd_rules_report_count(const pd_rules_report *report)
{
	return report ? report->count : 0;
}

const pd_violation *pd_rules_report_get(const pd_rules_report *report,
                                        size_t i)
{
	return i < report->count ? &report->items[i] : NULL;
}

pd_rule_status pd_rules_report_status(const pd_rules_report *report,
                                      size_t i)
{
	return i < pd_rules_count(report->rules) ? report->status[i] :
	       PD_RULE_SKIPPED;
}

size_t pd_rules_report_errors(const pd_rules_report *report)
{
	return report->errors;
}

size_t pd_rules_report_warnings(const pd_rules_report *report)
{
	return report->warnings;
}

unsigned long long pd_rules__report_steps(const pd_rules_report *report)
{
	return report->steps;
}
