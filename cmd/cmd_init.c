/* SPDX-License-Identifier: MIT */
/*
 * cmd_init.c: `progdiff init [DIR]`, create a store or adopt the git
 * repository that is in DIR. An empty or new folder becomes a bare
 * repository; a folder with files gets DIR/.git and its files stay put.
 */
#include "cmd.h"

/* the language of messages: read by cmd_opt_parse() */
static const char *lang_name;

static const cmd_opt init_opts[] = {
	{ CMD_OPT_ARG, "dir", 0, NULL, "DIR",
	  "where the store goes (default: the current folder)", NULL },
	CMD_OPT_MESSAGES_LANG(lang_name),
	{ CMD_OPT_END, NULL, 0, NULL, NULL, NULL, NULL }
};

const cmd_spec cmd_init_spec = {
	"init", "[DIR]", "create a store of programme versions",
	"A store is an ordinary git repository. In an empty or new folder,\n"
	"init creates a bare repository; in a folder with files, a repository\n"
	"in DIR/.git, as 'git init' does. In an existing repository it writes\n"
	"nothing: the repository is the store.",
	init_opts
};

int cmd_init(int argc, char **argv)
{
	pd_store *store = NULL;
	const char *dir;
	int npos = 0, created = 0, status;

	status = cmd_opt_parse(&cmd_init_spec, argc, argv, &npos);
	if (status == CMD_OPT_HELP) {
		cmd_opt_help(stdout, &cmd_init_spec);
		return PD_EXIT_SAME;
	}
	if (status)
		return status;
	if (npos > 1)
		return cmd_usage_error(&cmd_init_spec, "too many arguments");
	dir = npos ? argv[1] : ".";
	if (pd_store_init(&store, &created, dir) < 0)
		return cmd_error();
	if (created)
		printf(pd_msg("created an empty progdiff store in '%s'\n"),
		       pd_store_path(store));
	else
		printf(pd_msg("using the git repository in '%s' as a progdiff "
		              "store\n"),
		       pd_store_path(store));
	pd_store_free(store);
	return fflush(stdout) == 0 ? PD_EXIT_SAME :
	       cmd_fail("standard output: write failed");
}
