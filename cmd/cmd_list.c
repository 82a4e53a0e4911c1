/* SPDX-License-Identifier: MIT */
/*
 * cmd_list.c: `progdiff list`, the stored versions, one a line, in the
 * order they took effect. `--porcelain` is for scripts and completion:
 * tab-separated fields, empty when unknown, never a tab or newline in a
 * field, and the columns stay as they are:
 *
 *   programme  label  target-year  period  adopted  decision  replaces
 *   commit  name
 */
#include <string.h>

#include "cmd.h"

static const char *repo, *programme, *lang_name;
static int porcelain;

static const cmd_opt list_opts[] = {
	{ CMD_OPT_VALUE, "lang", 'l', &lang_name, "LANG",
	  "language of the headings: sv or en (default: the locale's)",
	  "sv en" },
	{ CMD_OPT_SWITCH, "porcelain", 0, &porcelain, NULL,
	  "tab-separated fields for scripts (the columns are documented)",
	  NULL },
	{ CMD_OPT_VALUE, "programme", 0, &programme, "NAME",
	  "only this programme's versions", NULL },
	{ CMD_OPT_VALUE, "repo", 0, &repo, "DIR",
	  "the store (default: $PROGDIFF_REPO, else the current repository)",
	  NULL },
	{ CMD_OPT_END, NULL, 0, NULL, NULL, NULL, NULL }
};

const cmd_spec cmd_list_spec = {
	"list", "[options]", "list the stored versions",
	"One version a line: label, target year, period, date adopted and\n"
	"name ('-' when unknown). With --porcelain, the tab-separated fields\n"
	"programme, label, target year, period, adopted, decision, replaces,\n"
	"commit and name (empty when unknown).",
	list_opts
};

/* A porcelain field: control characters (tabs, newlines) become spaces. */
static void put_field(pd_buf *out, const char *s)
{
	for (; s && *s; s++)
		pd_buf_putc(out, (unsigned char)*s < 0x20 || *s == 0x7f ?
		                 ' ' : *s);
}

/* Columns in terminal cells: UTF-8 continuation bytes take none. */
static size_t width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		w += ((unsigned char)*s & 0xc0) != 0x80;
	return w;
}

static void put_cell(pd_buf *out, const char *s, size_t w)
{
	size_t have = width(s);

	pd_render_escape_terminal(out, s, strlen(s));
	while (have++ < w + 2)
		pd_buf_putc(out, ' ');
}

static void list_porcelain(pd_buf *out, const pd_stored_list *list)
{
	size_t i;

	for (i = 0; i < list->count; i++) {
		const pd_stored_version *v = &list->items[i];

		put_field(out, v->programme);
		pd_buf_putc(out, '\t');
		put_field(out, v->label);
		pd_buf_putc(out, '\t');
		if (v->target_year)
			pd_buf_printf(out, "%d", v->target_year);
		pd_buf_putc(out, '\t');
		if (v->period_start)
			pd_buf_printf(out, "%d-%d", v->period_start, v->period_end);
		pd_buf_putc(out, '\t');
		put_field(out, v->adopted);
		pd_buf_putc(out, '\t');
		put_field(out, v->decision);
		pd_buf_putc(out, '\t');
		put_field(out, v->replaces);
		pd_buf_printf(out, "\t%s\t", v->id);
		put_field(out, v->name);
		pd_buf_putc(out, '\n');
	}
}

/* The text of one cell of the human listing ("-" when unknown). */
static void format_cell(pd_buf *out, const pd_stored_version *v, int col,
                        int full)
{
	pd_buf_clear(out);
	switch (col) {
	case 0:
		if (full)
			pd_buf_printf(out, "%s/", v->programme);
		pd_buf_puts(out, v->label);
		break;
	case 1:
		if (v->target_year)
			pd_buf_printf(out, "%d", v->target_year);
		break;
	case 2:
		if (v->period_start)
			pd_buf_printf(out, "%d-%d", v->period_start, v->period_end);
		break;
	case 3:
		if (v->adopted)
			pd_buf_puts(out, v->adopted);
		break;
	default:
		if (v->name)
			pd_buf_puts(out, v->name);
		break;
	}
	if (!out->size)
		pd_buf_putc(out, '-');
}

static void list_human(pd_buf *out, const pd_stored_list *list,
                       pd_lang lang)
{
	static const char *const head_en[] = {
		"VERSION", "TARGET", "PERIOD", "ADOPTED", "NAME"
	};
	static const char *const head_sv[] = {
		"VERSION", "MÅLLÅR", "PERIOD", "ANTAGEN", "NAMN"
	};
	const char *const *head = lang == PD_LANG_EN ? head_en : head_sv;
	size_t w[4], i;
	pd_buf cell = PD_BUF_INIT;
	int col, full = 0;

	for (i = 1; i < list->count; i++)
		if (strcmp(list->items[i].programme, list->items[0].programme))
			full = 1;
	for (col = 0; col < 4; col++) {
		w[col] = width(head[col]);
		for (i = 0; i < list->count; i++) {
			format_cell(&cell, &list->items[i], col, full);
			if (width(cell.ptr) > w[col])
				w[col] = width(cell.ptr);
		}
	}
	for (col = 0; col < 4; col++)
		put_cell(out, head[col], w[col]);
	pd_buf_printf(out, "%s\n", head[4]);
	for (i = 0; i < list->count; i++) {
		for (col = 0; col < 4; col++) {
			format_cell(&cell, &list->items[i], col, full);
			put_cell(out, cell.ptr, w[col]);
		}
		format_cell(&cell, &list->items[i], 4, full);
		pd_render_escape_terminal(out, cell.ptr, cell.size);
		pd_buf_putc(out, '\n');
	}
	pd_buf_dispose(&cell);
}

int cmd_list(int argc, char **argv)
{
	pd_store *store = NULL;
	pd_stored_list list = PD_STORED_LIST_INIT;
	pd_buf out = PD_BUF_INIT;
	int npos = 0, status;
	pd_lang lang = PD_LANG_AUTO;

	status = cmd_opt_parse(&cmd_list_spec, argc, argv, &npos);
	if (status == CMD_OPT_HELP) {
		cmd_opt_help(stdout, &cmd_list_spec);
		return PD_EXIT_SAME;
	}
	if (status)
		return status;
	if (npos)
		return cmd_usage_error(&cmd_list_spec, "too many arguments");
	if (lang_name && pd_lang_parse(&lang, lang_name) < 0)
		return cmd_usage_error(&cmd_list_spec, "unknown language '%s' "
		                       "(sv, en)", lang_name);
	if (lang == PD_LANG_AUTO)
		lang = cmd_lang_default(NULL);
	if (cmd_store_open(&store, repo) < 0 ||
	    pd_store_list(&list, store, programme) < 0) {
		status = cmd_error();
		goto done;
	}
	if (porcelain)
		list_porcelain(&out, &list);
	else if (list.count)
		list_human(&out, &list, lang);
	else
		cmd_no_versions(programme);
	status = cmd_write_stdout(&out);
done:
	pd_buf_dispose(&out);
	pd_stored_list_dispose(&list);
	pd_store_free(store);
	return status;
}
