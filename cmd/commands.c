/* SPDX-License-Identifier: MIT */
/*
 * commands.c: the table of progdiff's commands, by name, and the look-up
 * by name that main.c, help and the completions' option lister share.
 * A new command is a row here and a file cmd/cmd_<name>.c.
 */
#include <string.h>

#include "cmd.h"

const cmd_entry cmd_commands[] = {
	{ "diff", cmd_diff, &cmd_diff_spec },
	{ "help", cmd_help, &cmd_help_spec },
	{ "check", cmd_check, &cmd_check_spec },
	{ "init", cmd_init, &cmd_init_spec },
	{ "add", cmd_add, &cmd_add_spec },
	{ "list", cmd_list, &cmd_list_spec },
	{ "show", cmd_show, &cmd_show_spec },
	{ "log", cmd_log, &cmd_log_spec },
	{ "timeline", cmd_timeline, &cmd_timeline_spec },
	{ "import", cmd_import, &cmd_import_spec },
	{ "outline", cmd_outline, &cmd_outline_spec },
	{ "git-diff-driver", cmd_git_diff_driver, &cmd_git_diff_driver_spec },
	{ "__options", cmd_options, &cmd_options_spec },
	{ NULL, NULL, NULL }
};

const cmd_entry *cmd_find(const char *name)
{
	const cmd_entry *c;

	for (c = cmd_commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}
