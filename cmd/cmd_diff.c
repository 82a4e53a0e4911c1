/* SPDX-License-Identifier: MIT */
/*
 * cmd_diff.c: `progdiff [options] OLD NEW`, the semantic diff of two
 * versions. Reads both, parses, computes the change list and renders it
 * in one buffer, written whole. Exit 0 when nothing changed, 1 when
 * something did, 2 on trouble.
 */
#include <string.h>

#include "cmd.h"

static const char *format_name, *lang_name, *color_when;
static const char *update_path, *update_section;
static int details, quiet, no_pager, all, unchanged;
static cmd_version_opts vopts;
static const char *max_size;
static const char *html_layout, *output_path;

/*
 * The change list and both documents, left for the process's exit to drop
 * at once: freeing a large diff block by block is time the user waits
 * for. Held here, they stay reachable, which is no leak to valgrind or
 * LeakSanitizer.
 */
static pd_changes *kept_for_exit;

static const cmd_opt diff_opts[] = {
	CMD_OPTS_RENDER(format_name, lang_name, details, color_when),
	{ CMD_OPT_VALUE, "html-layout", 0, &html_layout, "LAYOUT",
	  "html: the redline inline, or OLD and NEW side by side",
	  "inline side" },
	{ CMD_OPT_VALUE, "output", 'o', &output_path, "FILE",
	  "write the report to FILE instead of standard output", NULL },
	{ CMD_OPT_SWITCH, "all", 0, &all, NULL,
	  "list in Markdown also a changed diarienummer on its own", NULL },
	{ CMD_OPT_SWITCH, "unchanged", 0, &unchanged, NULL,
	  "end the list with what did not change", NULL },
	{ CMD_OPT_SWITCH, "quiet", 'q', &quiet, NULL,
	  "no output, exit status only", NULL },
	{ CMD_OPT_SWITCH, "no-pager", 0, &no_pager, NULL,
	  "do not page the output on a terminal ($PAGER)", NULL },
	CMD_OPTS_VERSIONS(vopts, max_size),
	{ CMD_OPT_VALUE, "update", 0, &update_path, "FILE",
	  "write the change list into FILE's Förändringar section", NULL },
	{ CMD_OPT_VALUE, "section", 0, &update_section, "NAME",
	  "the section --update writes (default: Förändringar/Changes)",
	  NULL },
	{ CMD_OPT_ARG, "old", 0, NULL, "OLD", "the older version", NULL },
	{ CMD_OPT_ARG, "new", 0, NULL, "NEW", "the newer version", NULL },
	{ CMD_OPT_END, NULL, 0, NULL, NULL, NULL, NULL }
};

const cmd_spec cmd_diff_spec = {
	"diff", "[options] OLD NEW",
	"show what changed between two versions of a programme",
	"OLD and NEW are files, '-' for standard input, stored labels\n"
	"(2013, 2035) or rev:path. The exit status is 0 when nothing changed,\n"
	"1 when something did and 2 on trouble.",
	diff_opts
};

int cmd_diff(int argc, char **argv)
{
	cmd_version v[2] = { CMD_VERSION_INIT, CMD_VERSION_INIT };
	pd_changes *changes = NULL;
	pd_classifier *cls = NULL;
	pd_parse_options popts = PD_PARSE_OPTIONS_INIT;
	pd_render_options ropts = PD_RENDER_OPTIONS_INIT;
	pd_buf out = PD_BUF_INIT;
	int npos = 0, status;

	status = cmd_opt_parse(&cmd_diff_spec, argc, argv, &npos);
	if (status == CMD_OPT_HELP) {
		cmd_opt_help(stdout, &cmd_diff_spec);
		return PD_EXIT_SAME;
	}
	if (status)
		return status;
	if (npos != 2)
		return cmd_usage_error(&cmd_diff_spec, npos < 2 ?
		        "two versions are needed, OLD and NEW" :
		        "too many arguments");
	if (!strcmp(argv[1], "-") && !strcmp(argv[2], "-"))
		return cmd_usage_error(&cmd_diff_spec, "standard input can be "
		        "only one of OLD and NEW ('-' twice)");
	if ((status = cmd_render_options(&ropts, &cmd_diff_spec, format_name,
	                                 lang_name, color_when, details)) != 0)
		return status;
	if (html_layout && strcmp(html_layout, "inline") &&
	    strcmp(html_layout, "side"))
		return cmd_usage_error(&cmd_diff_spec, "unknown layout '%s' "
		        "(inline, side)", html_layout);
	if (html_layout && !strcmp(html_layout, "side"))
		ropts.flags |= PD_RENDER_SIDE;
	ropts.flags |= (all ? PD_RENDER_ALL : 0) |
	               (unchanged ? PD_RENDER_UNCHANGED : 0);

	if (update_section && !update_path)
		return cmd_usage_error(&cmd_diff_spec,
		        "--section is for --update FILE");
	if (cmd_max_size(&vopts.max_size, &cmd_diff_spec, max_size))
		return PD_EXIT_TROUBLE;

	if (cmd_vocabulary_load(&cls, vopts.repo) < 0 ||
	    cmd_update_classifier(&cls, update_section) < 0) {
		status = cmd_error();
		goto done;
	}
	popts.classifier = cls;
	popts.max_size = vopts.max_size;
	if (cmd_version_load_pair(v, argv[1], argv[2], &vopts) < 0 ||
	    cmd_version_diff(&changes, &v[0], &v[1], &popts) < 0) {
		status = cmd_error();
		goto done;
	}
	status = pd_changes_count(changes) ? PD_EXIT_CHANGES : PD_EXIT_SAME;
	if (!quiet) {
		cmd_warn_structure(pd_changes_old(changes),
		                   v[0].name ? v[0].name : argv[1]);
		cmd_warn_structure(pd_changes_new(changes),
		                   v[1].name ? v[1].name : argv[2]);
	}
	if (update_path) {
		/* the file gets the list without colour, whatever stdout is */
		pd_render_options uopts = ropts;

		uopts.flags &= ~(unsigned)PD_RENDER_COLOR;
		if (cmd_update(update_path, update_section, changes, &uopts)) {
			status = PD_EXIT_TROUBLE;
			goto done;
		}
	}
	if (quiet)
		goto done;

	if (ropts.lang == PD_LANG_AUTO)
		ropts.lang = cmd_lang_default(pd_changes_new(changes));
	ropts.env = cmd_env();
	ropts.old_label = cmd_version_shown(&v[0], ropts.lang);
	ropts.new_label = cmd_version_shown(&v[1], ropts.lang);
	if (pd_render(&out, changes, &ropts) < 0) {
		status = cmd_error();
		goto done;
	}
	cmd_pager_enable(!no_pager && !output_path);
	if (cmd_output_write(&out, output_path,
	                     ropts.format == PD_FORMAT_DOCX) != 0)
		status = PD_EXIT_TROUBLE;
done:
	pd_buf_dispose(&out);
	pd_changes_free(kept_for_exit);
	kept_for_exit = changes;
	pd_classifier_free(cls);
	cmd_version_dispose(&v[1]);
	cmd_version_dispose(&v[0]);
	return status;
}
