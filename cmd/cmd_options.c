/* SPDX-License-Identifier: MIT */
/*
 * cmd_options.c: `progdiff __options [COMMAND]`, the commands and option
 * tables as data, for the shell completions and the tests. Hidden: a
 * command whose name starts with "__" is left out of `progdiff help`.
 *
 * Without COMMAND: one line per command, "NAME<TAB>SUMMARY". With it:
 * one line per option and positional argument, seven tab-separated
 * fields, "-" for an empty one (so that shells splitting on tabs never
 * see two tabs in a row):
 *
 *   type      switch, value or arg
 *   name      "--format" for an option, "OLD" for an argument
 *   short     "-f", or "-"
 *   metavar   what the value is called: "FMT", or "-"
 *   complete  what completes the value or argument: word (one of the
 *             choices), file, dir, version (a stored label or a file),
 *             label, programme, command, or none
 *   choices   the words, space-separated, or "-"
 *   help      the line --help shows
 *
 * Every command also takes --help (-h); the diff also --version. The
 * completions read these lines at completion time, so a new option in a
 * table is completed without touching them, and tests/sh/test_shell.sh
 * checks that each option is in --help and in doc/progdiff.1.
 */
#include <string.h>

#include "cmd.h"

static const cmd_opt options_opts[] = {
	{ CMD_OPT_ARG, "command", 0, NULL, "COMMAND",
	  "the command whose options to list", NULL },
	{ CMD_OPT_END, NULL, 0, NULL, NULL, NULL, NULL }
};

const cmd_spec cmd_options_spec = {
	"__options", "[COMMAND]",
	"list the commands, or a command's options, for completion",
	"Tab-separated lines for the shell completions and the tests; the\n"
	"fields are described in cmd/cmd_options.c.",
	options_opts
};

/*
 * What completes a value: by the option's name first (--section NAME is
 * not a programme), else by its metavariable; anything else: none.
 */
static const struct {
	const char *name;
	const char *complete;
} by_name[] = {
	{ "programme", "programme" },
	{ "repo", "dir" },
	{ "label", "label" },
	{ "replaces", "label" },
	{ NULL, NULL }
}, by_metavar[] = {
	{ "OLD", "version" },
	{ "NEW", "version" },
	{ "VERSION", "label" },
	{ "DIR", "dir" },
	{ "FILE", "file" },
	{ "PATH", "file" },
	{ "COMMAND", "command" },
	{ NULL, NULL }
};

static const char *completer(const cmd_opt *o)
{
	size_t i, len;

	if (o->choices)
		return "word";
	if (!o->value_name)
		return "none";
	if (o->type == CMD_OPT_VALUE)
		for (i = 0; by_name[i].name; i++)
			if (!strcmp(by_name[i].name, o->name))
				return by_name[i].complete;
	/* "PATH OLD-FILE ...": the first word names it */
	len = strcspn(o->value_name, " ");
	for (i = 0; by_metavar[i].name; i++)
		if (strlen(by_metavar[i].name) == len &&
		    !strncmp(by_metavar[i].name, o->value_name, len))
			return by_metavar[i].complete;
	return "none";
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

static void put_opt(pd_buf *out, const cmd_opt *o)
{
	const char *type = o->type == CMD_OPT_SWITCH ? "switch" :
	                   o->type == CMD_OPT_VALUE ? "value" : "arg";

	if (o->type == CMD_OPT_ARG)
		pd_buf_printf(out, "arg\t%s\t-", or_dash(o->value_name));
	else if (o->alias)
		pd_buf_printf(out, "%s\t--%s\t-%c", type, o->name, o->alias);
	else
		pd_buf_printf(out, "%s\t--%s\t-", type, o->name);
	pd_buf_printf(out, "\t%s\t%s\t%s\t%s\n",
	              o->type == CMD_OPT_SWITCH ? "-" : or_dash(o->value_name),
	              o->type == CMD_OPT_SWITCH ? "none" : completer(o),
	              or_dash(o->choices), or_dash(o->help));
}

int cmd_options(int argc, char **argv)
{
	const cmd_entry *c;
	const cmd_opt *o;
	pd_buf out = PD_BUF_INIT;
	int npos = 0, status;

	status = cmd_opt_parse(&cmd_options_spec, argc, argv, &npos);
	if (status == CMD_OPT_HELP) {
		cmd_opt_help(stdout, &cmd_options_spec);
		return PD_EXIT_SAME;
	}
	if (status)
		return status;
	if (npos > 1)
		return cmd_usage_error(&cmd_options_spec, "too many arguments");
	if (npos == 0) {
		for (c = cmd_commands; c->name; c++)
			if (!cmd_spec_hidden(c->spec))
				pd_buf_printf(&out, "%s\t%s\n", c->name,
				              c->spec->summary);
	} else if (!(c = cmd_find(argv[1]))) {
		return cmd_usage_error(&cmd_options_spec, "no command '%s'",
		                       argv[1]);
	} else {
		for (o = c->spec->opts; o && o->type; o++)
			if (o->type != CMD_OPT_ARG)
				put_opt(&out, o);
		pd_buf_puts(&out, "switch\t--help\t-h\t-\tnone\t-\tshow this help\n");
		if (c->fn == cmd_diff)
			pd_buf_puts(&out, "switch\t--version\t-\t-\tnone\t-\t"
			            "print the version\n");
		for (o = c->spec->opts; o && o->type; o++)
			if (o->type == CMD_OPT_ARG)
				put_opt(&out, o);
	}
	status = cmd_write_stdout(&out);
	pd_buf_dispose(&out);
	return status;
}
