/* SPDX-License-Identifier: MIT */
/* cmd_show.c: `progdiff show VERSION`, the stored Markdown, byte-exact. */
#include "cmd.h"

static const char *repo, *programme;
static int no_pager, original;

/* the language of messages: read by cmd_opt_parse() */
static const char *lang_name;

static const cmd_opt show_opts[] = {
	{ CMD_OPT_VALUE, "programme", 0, &programme, "NAME",
	  "look VERSION up among this programme's versions", NULL },
	{ CMD_OPT_VALUE, "repo", 0, &repo, "DIR",
	  "the store (default: $PROGDIFF_REPO, else the current repository)",
	  NULL },
	{ CMD_OPT_SWITCH, "original", 0, &original, NULL,
	  "the file it was imported from (PDF, DOCX, ...), byte for byte",
	  NULL },
	{ CMD_OPT_SWITCH, "no-pager", 0, &no_pager, NULL,
	  "do not page the output on a terminal ($PAGER)", NULL },
	{ CMD_OPT_ARG, "version", 0, NULL, "VERSION",
	  "a label, PROGRAMME/LABEL, a target year or a period", NULL },
	CMD_OPT_MESSAGES_LANG(lang_name),
	{ CMD_OPT_END, NULL, 0, NULL, NULL, NULL, NULL }
};

const cmd_spec cmd_show_spec = {
	"show", "[options] VERSION", "print a stored version's Markdown",
	"Prints the Markdown of VERSION exactly as it was stored. VERSION is\n"
	"a label, PROGRAMME/LABEL, or a target year or period that exactly\n"
	"one version has.",
	show_opts
};

int cmd_show(int argc, char **argv)
{
	pd_store *store = NULL;
	pd_stored_version v = PD_STORED_VERSION_INIT;
	pd_buf text = PD_BUF_INIT;
	int npos = 0, status;

	status = cmd_opt_parse(&cmd_show_spec, argc, argv, &npos);
	if (status == CMD_OPT_HELP) {
		cmd_opt_help(stdout, &cmd_show_spec);
		return PD_EXIT_SAME;
	}
	if (status)
		return status;
	if (npos != 1)
		return cmd_usage_error(&cmd_show_spec, npos ?
		        "one version at a time" : "which version? (VERSION is "
		        "missing)");
	if ((programme && pd_store_check_name(programme, "programme") < 0) ||
	    cmd_store_open(&store, repo) < 0 ||
	    pd_store_resolve(&v, store, argv[1], programme) < 0 ||
	    (original ? pd_store_read_original(&text, store, &v) :
	                pd_store_read(&text, store, &v)) < 0) {
		status = cmd_error();
		goto done;
	}
	cmd_pager_enable(!no_pager && !original);
	status = cmd_write_stdout(&text);
done:
	pd_buf_dispose(&text);
	pd_stored_version_dispose(&v);
	pd_store_free(store);
	return status;
}
