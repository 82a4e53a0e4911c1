/* SPDX-License-Identifier: MIT */
/*
 * cmd_git_diff_driver.c: `progdiff git-diff-driver`, progdiff as git's
 * external diff for Markdown files. With
 *
 *   .gitattributes:  *.md diff=progdiff
 *   git config diff.progdiff.command "progdiff git-diff-driver"
 *
 * `git diff` and `git log -p` call it with the seven arguments of
 * GIT_EXTERNAL_DIFF (path old-file old-hex old-mode new-file new-hex
 * new-mode; nine for a rename: new-path and the rename's description
 * follow; one for an unmerged path). Options from the configured command
 * come before them. git stops at a driver that fails, so a file that
 * does not parse is reported in the output and the status stays 0; only
 * an unreadable file is trouble (2).
 */
#include <string.h>

#include "cmd.h"

static const char *format_name, *lang_name, *color_when;
static int details;

static const cmd_opt driver_opts[] = {
	CMD_OPTS_RENDER(format_name, lang_name, details, color_when),
	{ CMD_OPT_ARG, "path", 0, NULL, "PATH OLD-FILE OLD-HEX OLD-MODE "
	  "NEW-FILE NEW-HEX NEW-MODE", "what git passes", NULL },
	{ CMD_OPT_END, NULL, 0, NULL, NULL, NULL, NULL }
};

const cmd_spec cmd_git_diff_driver_spec = {
	"git-diff-driver", "[options] PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE "
	"NEW-HEX NEW-MODE",
	"semantic diff as git's external diff driver",
	"Set it up in a repository with two lines:\n"
	"  echo '*.md diff=progdiff' >> .gitattributes\n"
	"  git config diff.progdiff.command 'progdiff git-diff-driver'\n"
	"Then 'git diff' and 'git log -p' show progdiff's changes for\n"
	"Markdown files. Options go before git's arguments, in the command.",
	driver_opts
};

static int looks_like_mode(const char *s)
{
	size_t i;

	if (!strcmp(s, "."))
		return 1;
	for (i = 0; s[i]; i++)
		if (s[i] < '0' || s[i] > '7')
			return 0;
	return i == 6;
}

/* Are the last `n` arguments git's, and all before them options? */
static int git_args_are_last(int argc, char **argv, int n)
{
	int k = argc - 1 - n, i;

	if (k < 0)
		return 0;
	for (i = 1; i <= k; i++)
		if (argv[i][0] != '-')
			return 0;
	if (n == 1)   /* an unmerged path; "--help" is not one */
		return argv[k + 1][0] != '-';
	return looks_like_mode(argv[k + 4]) && looks_like_mode(argv[k + 7]);
}

static int read_side(pd_buf *out, const char *file)
{
	if (!strcmp(file, "/dev/null"))
		return 0;   /* added or deleted: an empty programme */
	if (pd_buf_read_file(out, file, 0) < 0)
		return -1;
	return cmd_import_text(out, NULL, file, PD_IMPORT_PARSED_NEXT);
}

int cmd_git_diff_driver(int argc, char **argv)
{
	cmd_version a = CMD_VERSION_INIT, b = CMD_VERSION_INIT;
	pd_changes *changes = NULL;
	pd_classifier *cls = NULL;
	pd_parse_options popts = PD_PARSE_OPTIONS_INIT;
	pd_render_options ropts = PD_RENDER_OPTIONS_INIT;
	pd_buf out = PD_BUF_INIT, name = PD_BUF_INIT;
	const char *path, *new_path;
	char **git;
	int n = 0, k, npos = 0, status;

	/* alone, --help or -h is a person asking, not a path from git */
	if (argc == 2 && (!strcmp(argv[1], "--help") ||
	                  !strcmp(argv[1], "-h"))) {
		cmd_opt_help(stdout, &cmd_git_diff_driver_spec);
		return PD_EXIT_SAME;
	}
	if (git_args_are_last(argc, argv, 9))
		n = 9;
	else if (git_args_are_last(argc, argv, 7))
		n = 7;
	else if (git_args_are_last(argc, argv, 1))
		n = 1;
	k = argc - n;   /* argv[0] and the options */
	status = cmd_opt_parse(&cmd_git_diff_driver_spec, n ? k : argc, argv,
	                       &npos);
	if (status == CMD_OPT_HELP) {
		cmd_opt_help(stdout, &cmd_git_diff_driver_spec);
		return PD_EXIT_SAME;
	}
	if (status)
		return status;
	if (!n || npos)
		return cmd_usage_error(&cmd_git_diff_driver_spec, "git passes 7 "
		        "arguments (9 for a rename); this is for git to call");
	if ((status = cmd_render_options(&ropts, &cmd_git_diff_driver_spec,
	                                 format_name, lang_name, color_when,
	                                 details)) != 0)
		return status;
	/* git shows what a driver writes as text, in its pager */
	if (ropts.format == PD_FORMAT_DOCX)
		return cmd_usage_error(&cmd_git_diff_driver_spec,
		        "a Word document is not a diff git can show");
	git = argv + k;
	path = git[0];
	if (n == 1) {
		pd_buf_puts(&out, "* Unmerged path ");
		pd_render_escape_terminal(&out, path, strlen(path));
		pd_buf_putc(&out, '\n');
		status = cmd_write_stdout(&out);
		goto done;
	}
	new_path = n == 9 ? git[7] : path;

	pd_buf_printf(&name, "a/%s", path);
	a.name = pd_buf_detach(&name);
	pd_buf_printf(&name, "b/%s", new_path);
	b.name = pd_buf_detach(&name);
	if (read_side(&a.text, git[1]) < 0 || read_side(&b.text, git[4]) < 0) {
		status = cmd_error();
		goto done;
	}
	/* the repository's own words for its areas and goals, as diff has */
	if (cmd_vocabulary_load(&cls, NULL) < 0) {
		status = cmd_error();
		goto done;
	}
	popts.classifier = cls;
	pd_buf_puts(&out, "diff --progdiff ");
	pd_render_escape_terminal(&out, a.name, strlen(a.name));
	pd_buf_putc(&out, ' ');
	pd_render_escape_terminal(&out, b.name, strlen(b.name));
	pd_buf_putc(&out, '\n');
	if (cmd_version_diff(&changes, &a, &b, &popts) < 0) {
		const char *msg = pd_error_message();
		pd_lang lang = ropts.lang != PD_LANG_AUTO ? ropts.lang :
		               cmd_lang_default(NULL);

		/* the reason is the library's, in English */
		pd_buf_puts(&out, lang == PD_LANG_EN ? "not compared: " :
		            "inte jämförd: ");
		pd_render_escape_terminal(&out, msg, strlen(msg));
		pd_buf_putc(&out, '\n');
		status = cmd_write_stdout(&out);
		goto done;
	}
	if (ropts.lang == PD_LANG_AUTO)
		ropts.lang = cmd_lang_default(pd_changes_new(changes));
	ropts.env = cmd_env();
	ropts.old_label = a.name;
	ropts.new_label = b.name;
	if (pd_render(&out, changes, &ropts) < 0) {
		status = cmd_error();
		goto done;
	}
	status = cmd_write_stdout(&out);
done:
	pd_buf_dispose(&name);
	pd_buf_dispose(&out);
	pd_changes_free(changes);
	pd_classifier_free(cls);
	cmd_version_dispose(&b);
	cmd_version_dispose(&a);
	return status;
}
