/* SPDX-License-Identifier: MIT */
/*
 * cmd_timeline.c: `progdiff timeline`, the lineage of each goal area and
 * goal over every stored version of a programme (pd_timeline), as text,
 * JSON or an HTML chart. Versions are read and parsed one at a time; two
 * documents are alive at once, the one added and the one before it.
 */
#include <string.h>

#include "cmd.h"

static const char *repo, *programme, *format_name, *lang_name, *output;
static int no_pager;

static const cmd_opt timeline_opts[] = {
	{ CMD_OPT_VALUE, "programme", 0, &programme, "NAME",
	  "the programme (needed when the store has several)", NULL },
	{ CMD_OPT_VALUE, "format", 'f', &format_name, "FMT",
	  "output format: text, json or html", "text json html" },
	{ CMD_OPT_VALUE, "lang", 'l', &lang_name, "LANG",
	  "language of the output: sv or en", "sv en" },
	{ CMD_OPT_VALUE, "output", 'o', &output, "FILE",
	  "write to FILE instead of standard output", NULL },
	{ CMD_OPT_VALUE, "repo", 0, &repo, "DIR",
	  "the store (default: $PROGDIFF_REPO, else the current repository)",
	  NULL },
	{ CMD_OPT_SWITCH, "no-pager", 0, &no_pager, NULL,
	  "do not page the output on a terminal ($PAGER)", NULL },
	{ CMD_OPT_END, NULL, 0, NULL, NULL, NULL, NULL }
};

const cmd_spec cmd_timeline_spec = {
	"timeline", "[options]",
	"show how each goal area and goal evolved over every version",
	"Every stored version of the programme, oldest first, and the line of\n"
	"each goal area and goal through them: when it appeared, its names,\n"
	"moves, splits, merges and removal, found by comparing each version\n"
	"with the one before it. The HTML form draws the areas as a chart.",
	timeline_opts
};

int cmd_timeline(int argc, char **argv)
{
	pd_store *store = NULL;
	pd_stored_list list = PD_STORED_LIST_INIT;
	pd_timeline *tl = NULL;
	pd_document *prev_doc = NULL, *doc = NULL;
	cmd_version text = CMD_VERSION_INIT;
	pd_buf out = PD_BUF_INIT, name = PD_BUF_INIT;
	pd_format format = PD_FORMAT_TEXT;
	pd_lang lang = PD_LANG_AUTO;
	size_t i;
	int npos = 0, status;

	status = cmd_opt_parse(&cmd_timeline_spec, argc, argv, &npos);
	if (status == CMD_OPT_HELP) {
		cmd_opt_help(stdout, &cmd_timeline_spec);
		return PD_EXIT_SAME;
	}
	if (status)
		return status;
	if (npos)
		return cmd_usage_error(&cmd_timeline_spec, "too many arguments");
	if (format_name && (pd_format_parse(&format, format_name) < 0 ||
	    (format != PD_FORMAT_TEXT && format != PD_FORMAT_JSON &&
	     format != PD_FORMAT_HTML)))
		return cmd_usage_error(&cmd_timeline_spec,
		        "unknown format '%s' (text, json, html)", format_name);
	if (lang_name && pd_lang_parse(&lang, lang_name) < 0)
		return cmd_usage_error(&cmd_timeline_spec,
		        "unknown language '%s' (sv, en)", lang_name);
	if ((programme && pd_store_check_name(programme, "programme") < 0) ||
	    cmd_store_open(&store, repo) < 0 ||
	    pd_store_list(&list, store, programme) < 0) {
		status = cmd_error();
		goto done;
	}
	if (!list.count) {
		status = cmd_no_versions(NULL);
		goto done;
	}
	for (i = 1; i < list.count; i++)
		if (strcmp(list.items[i].programme, list.items[0].programme)) {
			status = cmd_fail("the store holds several programmes "
			                  "('%s', '%s', ...)",
			                  list.items[0].programme,
			                  list.items[i].programme);
			cmd_hint("name one with --programme NAME");
			goto done;
		}
	pd_timeline_new(&tl, list.items[0].programme);
	for (i = 0; i < list.count; i++) {
		const pd_stored_version *v = &list.items[i];

		cmd_version_dispose(&text);
		pd_buf_printf(&name, "%s/%s", v->programme, v->label);
		text.name = pd_buf_detach(&name);
		if (pd_store_read(&text.text, store, v) < 0 ||
		    cmd_version_parse(&doc, &text, NULL) < 0 ||
		    pd_timeline_add(tl, v->label, doc) < 0) {
			status = cmd_error();
			goto done;
		}
		/* the timeline compares the next version with this one */
		pd_document_free(prev_doc);
		prev_doc = doc;
		doc = NULL;
		if (lang == PD_LANG_AUTO && i + 1 == list.count)
			lang = cmd_lang_default(prev_doc);
	}
	if (pd_timeline_render(&out, tl, format, lang) < 0) {
		status = cmd_error();
		goto done;
	}
	cmd_pager_enable(!no_pager && !output && format == PD_FORMAT_TEXT);
	status = cmd_output_write(&out, output, 0);
done:
	pd_buf_dispose(&name);
	pd_buf_dispose(&out);
	cmd_version_dispose(&text);
	pd_timeline_free(tl);
	pd_document_free(doc);
	pd_document_free(prev_doc);
	pd_stored_list_dispose(&list);
	pd_store_free(store);
	return status;
}
