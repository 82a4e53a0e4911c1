/* SPDX-License-Identifier: MIT */
/* cmd_help.c: `progdiff help [COMMAND]`. */
#include <string.h>

#include "cmd.h"

static const cmd_opt help_opts[] = {
	{ CMD_OPT_ARG, "command", 0, NULL, "COMMAND", "the command to explain", NULL },
	{ CMD_OPT_END, NULL, 0, NULL, NULL, NULL, NULL }
};

const cmd_spec cmd_help_spec = {
	"help", "[COMMAND]", "show help for progdiff or one of its commands",
	NULL, help_opts
};

static void overview(FILE *out)
{
	const cmd_entry *c;

	cmd_opt_help(out, &cmd_diff_spec);
	fputs("\ncommands:\n", out);
	for (c = cmd_commands; c->name; c++)
		if (!cmd_spec_hidden(c->spec))
			fprintf(out, "  %-18s%s\n", c->name, c->spec->summary);
	fputs("\nexit status: 0 no changes, 1 changes, 2 trouble\n"
	      "see 'progdiff help COMMAND' or man progdiff(1)\n", out);
}

int cmd_help(int argc, char **argv)
{
	const cmd_entry *c;
	int npos = 0, rc;

	rc = cmd_opt_parse(&cmd_help_spec, argc, argv, &npos);
	if (rc == CMD_OPT_HELP) {
		cmd_opt_help(stdout, &cmd_help_spec);
		return PD_EXIT_SAME;
	}
	if (rc)
		return rc;
	if (npos == 0) {
		overview(stdout);
		return PD_EXIT_SAME;
	}
	if (npos > 1)
		return cmd_usage_error(&cmd_help_spec, "too many arguments");
	if (!(c = cmd_find(argv[1])))
		return cmd_usage_error(&cmd_help_spec, "no command '%s'", argv[1]);
	if (c->fn == cmd_diff)
		overview(stdout);
	else
		cmd_opt_help(stdout, c->spec);
	return PD_EXIT_SAME;
}
