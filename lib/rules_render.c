/* SPDX-License-Identifier: MIT */
/*
 * rules_render.c: a check's report as text (one diagnostic a line, as
 * compilers write them), as JSON (schema progdiff-check/1, documented in
 * doc/rules.md under "progdiff check") and as GitHub Actions workflow
 * commands, which the runner turns into annotations on the lines of a
 * pull request. The change
 * list itself is render.c's; this file only reports on rules.
 */
#include <string.h>

#include "rules.h"

int pd_check_format_parse(pd_check_format *out, const char *name)
{
	if (!strcmp(name, "text"))
		*out = PD_CHECK_TEXT;
	else if (!strcmp(name, "json"))
		*out = PD_CHECK_JSON;
	else if (!strcmp(name, "github"))
		*out = PD_CHECK_GITHUB;
	else
		return pd_error_set(PD_EINVALID, "unknown format '%s' (text, "
		                    "json, github)", name);
	return 0;
}

static const char *status_name(pd_rule_status status)
{
	switch (status) {
	case PD_RULE_FAILED:
		return "failed";
	case PD_RULE_SKIPPED:
		return "skipped";
	default:
		return "passed";
	}
}

static void escape_terminal(pd_buf *out, const char *s)
{
	pd_render_escape_terminal(out, s, strlen(s));
}

static void plural(pd_buf *out, size_t n, const char *one, const char *many)
{
	pd_buf_printf(out, "%zu %s", n, n == 1 ? one : many);
}

/* The closing line's words, one and many, in English and Swedish. */
typedef struct summary_words {
	const char *rule[2], *error[2], *warning[2];
	const char *skipped;       /* after the number skipped */
} summary_words;

static const summary_words summary[2] = {
	{ { "rule", "rules" }, { "error", "errors" },
	  { "warning", "warnings" },
	  "skipped (they need an old version)" },
	{ { "regel", "regler" }, { "fel", "fel" },
	  { "varning", "varningar" },
	  "överhoppade (de behöver en tidigare version)" }
};

static void render_text(pd_buf *out, const pd_rules_report *rep,
                        const char *file, int sv)
{
	size_t i, skipped = 0, n = pd_rules_count(rep->rules);
	const summary_words *w = &summary[sv ? 1 : 0];

	for (i = 0; i < rep->count; i++) {
		const pd_violation *v = &rep->items[i];

		escape_terminal(out, file);
		if (v->line)
			pd_buf_printf(out, ":%u", v->line);
		pd_buf_printf(out, ": %s: ", !sv ? pd_severity_name(v->severity) :
		              v->severity == PD_SEVERITY_ERROR ? "fel" : "varning");
		escape_terminal(out, v->name);
		pd_buf_puts(out, ": ");
		escape_terminal(out, v->message);
		if (v->detail) {
			pd_buf_puts(out, " (");
			escape_terminal(out, v->detail);
			pd_buf_putc(out, ')');
		}
		pd_buf_putc(out, '\n');
	}
	for (i = 0; i < n; i++)
		if (rep->status[i] == PD_RULE_SKIPPED)
			skipped++;
	pd_buf_puts(out, "progdiff check: ");
	plural(out, n, w->rule[0], w->rule[1]);
	pd_buf_puts(out, ", ");
	plural(out, rep->errors, w->error[0], w->error[1]);
	pd_buf_puts(out, ", ");
	plural(out, rep->warnings, w->warning[0], w->warning[1]);
	if (skipped)
		pd_buf_printf(out, ", %zu %s", skipped, w->skipped);
	pd_buf_putc(out, '\n');
}

static void json_str(pd_buf *out, const char *s)
{
	if (s)
		pd_render_escape_json(out, s, strlen(s));
	else
		pd_buf_puts(out, "null");
}

static void json_line(pd_buf *out, unsigned line)
{
	if (line)
		pd_buf_printf(out, "%u", line);
	else
		pd_buf_puts(out, "null");
}

static void json_change(pd_buf *out, const pd_change *c)
{
	if (!c) {
		pd_buf_puts(out, "null");
		return;
	}
	pd_buf_puts(out, "{\"kind\": ");
	json_str(out, pd_change_kind_name(c->kind));
	if (c->field) {
		pd_buf_puts(out, ", \"field\": ");
		json_str(out, c->field);
	}
	pd_buf_puts(out, ", \"old_value\": ");
	json_str(out, c->old_value);
	pd_buf_puts(out, ", \"new_value\": ");
	json_str(out, c->new_value);
	pd_buf_puts(out, ", \"old_line\": ");
	json_line(out, c->old_line);
	pd_buf_puts(out, ", \"new_line\": ");
	json_line(out, c->new_line);
	pd_buf_putc(out, '}');
}

static void render_json(pd_buf *out, const pd_rules_report *rep,
                        const pd_check_render_options *opts)
{
	size_t i, n = pd_rules_count(rep->rules);

	pd_buf_puts(out, "{\n  \"schema\": \"" PD_CHECK_JSON_SCHEMA "\",\n");
	pd_buf_puts(out, "  \"old\": ");
	json_str(out, opts->old_file);
	pd_buf_puts(out, ",\n  \"new\": ");
	json_str(out, opts->new_file);
	pd_buf_printf(out, ",\n  \"errors\": %zu,\n  \"warnings\": %zu,\n",
	              rep->errors, rep->warnings);
	pd_buf_puts(out, "  \"rules\": [");
	for (i = 0; i < n; i++) {
		pd_buf_puts(out, i ? ",\n    " : "\n    ");
		pd_buf_puts(out, "{\"name\": ");
		json_str(out, pd_rules_name(rep->rules, i));
		pd_buf_puts(out, ", \"type\": ");
		json_str(out, pd_rule_type_name(pd_rules_type(rep->rules, i)));
		pd_buf_puts(out, ", \"value\": ");
		json_str(out, pd_rules__value(rep->rules, i));
		pd_buf_puts(out, ", \"severity\": ");
		json_str(out, pd_severity_name(pd_rules_severity(rep->rules, i)));
		pd_buf_puts(out, ", \"status\": ");
		json_str(out, status_name(rep->status[i]));
		pd_buf_putc(out, '}');
	}
	pd_buf_puts(out, n ? "\n  ],\n" : "],\n");
	pd_buf_puts(out, "  \"violations\": [");
	for (i = 0; i < rep->count; i++) {
		const pd_violation *v = &rep->items[i];

		pd_buf_puts(out, i ? ",\n    " : "\n    ");
		pd_buf_puts(out, "{\"rule\": ");
		json_str(out, v->name);
		pd_buf_puts(out, ", \"type\": ");
		json_str(out, pd_rule_type_name(v->type));
		pd_buf_puts(out, ", \"severity\": ");
		json_str(out, pd_severity_name(v->severity));
		pd_buf_puts(out, ", \"message\": ");
		json_str(out, v->message);
		pd_buf_puts(out, ", \"detail\": ");
		json_str(out, v->detail);
		pd_buf_puts(out, ", \"file\": ");
		json_str(out, opts->new_file);
		pd_buf_puts(out, ", \"line\": ");
		json_line(out, v->line);
		pd_buf_puts(out, ", \"change\": ");
		json_change(out, v->change);
		pd_buf_putc(out, '}');
	}
	pd_buf_puts(out, rep->count ? "\n  ]\n}\n" : "]\n}\n");
}

/*
 * Workflow command escaping (GitHub's toolkit, command.ts): in the
 * message % CR LF are percent-encoded; in a property also ':' and ','.
 * Control characters are first made visible as for a terminal.
 */
static void escape_workflow(pd_buf *out, const char *s, int property)
{
	pd_buf esc = PD_BUF_INIT;
	size_t i;

	pd_render_escape_terminal(&esc, s, strlen(s));
	for (i = 0; i < esc.size; i++) {
		char c = esc.ptr[i];

		if (c == '%')
			pd_buf_puts(out, "%25");
		else if (c == '\r')
			pd_buf_puts(out, "%0D");
		else if (c == '\n')
			pd_buf_puts(out, "%0A");
		else if (property && c == ':')
			pd_buf_puts(out, "%3A");
		else if (property && c == ',')
			pd_buf_puts(out, "%2C");
		else
			pd_buf_putc(out, c);
	}
	pd_buf_dispose(&esc);
}

static void render_github(pd_buf *out, const pd_rules_report *rep,
                          const char *file)
{
	size_t i;

	for (i = 0; i < rep->count; i++) {
		const pd_violation *v = &rep->items[i];

		pd_buf_printf(out, "::%s file=", pd_severity_name(v->severity));
		escape_workflow(out, file, 1);
		if (v->line)
			pd_buf_printf(out, ",line=%u", v->line);
		pd_buf_puts(out, ",title=");
		escape_workflow(out, "progdiff rule ", 1);
		escape_workflow(out, v->name, 1);
		pd_buf_puts(out, "::");
		escape_workflow(out, v->message, 0);
		if (v->detail) {
			pd_buf_puts(out, " (");
			escape_workflow(out, v->detail, 0);
			pd_buf_putc(out, ')');
		}
		pd_buf_putc(out, '\n');
	}
}

int pd_rules_render(pd_buf *out, const pd_rules_report *report,
                    const pd_check_render_options *opts)
{
	pd_check_render_options defaults = PD_CHECK_RENDER_OPTIONS_INIT;
	const char *file;

	if (!opts)
		opts = &defaults;
	file = opts->new_file ? opts->new_file : "-";
	switch (opts->format) {
	case PD_CHECK_TEXT:
		render_text(out, report, file, opts->lang == PD_LANG_SV);
		break;
	case PD_CHECK_JSON:
		render_json(out, report, opts);
		break;
	case PD_CHECK_GITHUB:
		render_github(out, report, file);
		break;
	default:
		return pd_error_set(PD_EINVALID, "unknown check format %d",
		                    (int)opts->format);
	}
	return 0;
}
