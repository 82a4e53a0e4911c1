/* SPDX-License-Identifier: MIT */
/*
 * cmd_check.c: `progdiff check [--rules FILE] [OLD] NEW`, the rules of a
 * repository applied in CI. With NEW alone, the rules about a document;
 * with OLD too, the rules about the change as well. Exit 0 when no rule
 * of error severity is broken, 1 when one is, 2 on trouble (a rules file
 * that does not load, a pattern that runs out of its budget, bad input).
 */
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"

static const char *rules_path, *format_name, *lang_name;
static int quiet;
static cmd_version_opts vopts;
static const char *max_size;

static const cmd_opt check_opts[] = {
	{ CMD_OPT_VALUE, "rules", 0, &rules_path, "FILE",
	  "the rules (default: .progdiff at the top of the repository)",
	  NULL },
	{ CMD_OPT_VALUE, "format", 'f', &format_name, "FMT",
	  "output format: text, json or github", "text json github" },
	{ CMD_OPT_VALUE, "lang", 'l', &lang_name, "LANG",
	  "language of the messages: sv or en (default: the locale's)",
	  "sv en" },
	{ CMD_OPT_SWITCH, "quiet", 'q', &quiet, NULL,
	  "no output, exit status only", NULL },
	CMD_OPTS_VERSIONS(vopts, max_size),
	{ CMD_OPT_ARG, "old", 0, NULL, "OLD",
	  "the version before (for the rules about changes)", NULL },
	{ CMD_OPT_ARG, "new", 0, NULL, "NEW", "the version to check", NULL },
	{ CMD_OPT_END, NULL, 0, NULL, NULL, NULL, NULL }
};

const cmd_spec cmd_check_spec = {
	"check", "[options] [OLD] NEW",
	"apply a repository's rules; exit 1 on violations",
	"The rules are read from --rules FILE, else from .progdiff at the top\n"
	"of the repository. With NEW alone, the rules about one document are\n"
	"applied; with OLD and NEW, also forbid and changes-in-sync. Formats:\n"
	"text, json (schema progdiff-check/1) and github (annotations for\n"
	"GitHub Actions). The exit status is 0 when no rule of severity error\n"
	"is broken, 1 when one is and 2 on trouble.",
	check_opts
};

/*
 * The file the lines of violations refer to: the path of `rev:path`, the
 * argument as given otherwise (a stored label names no file).
 */
static const char *file_of(const cmd_version *v, const char *arg)
{
	const char *colon = strchr(arg, ':');
	struct stat st;

	if (!v->label && colon && colon != arg && colon[1] &&
	    stat(arg, &st) != 0)
		return colon + 1;
	return v->name ? v->name : arg;
}

/*
 * The language of the messages: --lang; without it English, as CI logs
 * have always read, unless the locale is Swedish.
 */
static int check_lang(pd_check_options *copts,
                      pd_check_render_options *ropts, pd_lang lang,
                      const pd_document *doc)
{
	(void)doc;
	if (lang == PD_LANG_AUTO)
		lang = cmd_lang_default(NULL);
	copts->lang = lang;
	ropts->lang = lang;
	return 0;
}

int cmd_check(int argc, char **argv)
{
	cmd_version a = CMD_VERSION_INIT, b = CMD_VERSION_INIT;
	pd_document *old_doc = NULL, *new_doc = NULL;
	pd_changes *changes = NULL;
	pd_rules *rules = NULL;
	pd_classifier *cls = NULL;
	pd_rules_report *report = NULL;
	pd_parse_options popts = PD_PARSE_OPTIONS_INIT;
	pd_check_render_options ropts = PD_CHECK_RENDER_OPTIONS_INIT;
	pd_check_options copts = PD_CHECK_OPTIONS_INIT;
	pd_lang lang = PD_LANG_AUTO;
	pd_buf out = PD_BUF_INIT;
	const char *old_arg = NULL, *new_arg;
	int npos = 0, status;

	status = cmd_opt_parse(&cmd_check_spec, argc, argv, &npos);
	if (status == CMD_OPT_HELP) {
		cmd_opt_help(stdout, &cmd_check_spec);
		return PD_EXIT_SAME;
	}
	if (status)
		return status;
	if (npos < 1 || npos > 2)
		return cmd_usage_error(&cmd_check_spec, npos < 1 ?
		        "a version to check is needed" : "too many arguments");
	if (format_name &&
	    pd_check_format_parse(&ropts.format, format_name) < 0)
		return cmd_usage_error(&cmd_check_spec,
		        "unknown format '%s' (text, json, github)", format_name);
	if (lang_name && pd_lang_parse(&lang, lang_name) < 0)
		return cmd_usage_error(&cmd_check_spec, "unknown language '%s' "
		                       "(sv, en)", lang_name);
	if (npos == 2 && !strcmp(argv[1], "-") && !strcmp(argv[2], "-"))
		return cmd_usage_error(&cmd_check_spec, "standard input can be "
		        "only one of OLD and NEW ('-' twice)");
	if (cmd_max_size(&vopts.max_size, &cmd_check_spec, max_size))
		return PD_EXIT_TROUBLE;
	if (npos == 2)
		old_arg = argv[1];
	new_arg = argv[npos];

	if (cmd_rules_load(&rules, rules_path, vopts.repo, 0, 0) < 0 ||
	    cmd_classifier_new(&cls, rules) < 0) {
		status = cmd_error();
		goto done;
	}
	popts.classifier = cls;
	popts.max_size = vopts.max_size;
	if ((old_arg && cmd_version_load(&a, old_arg, &vopts) < 0) ||
	    cmd_version_load(&b, new_arg, &vopts) < 0 ||
	    (old_arg ? cmd_version_parse_pair(&old_doc, &new_doc, &a, &b,
	                                      &popts) :
	               cmd_version_parse(&new_doc, &b, &popts)) < 0 ||
	    (old_arg && pd_changes_compute(&changes, old_doc, new_doc,
	                                   NULL) < 0) ||
	    check_lang(&copts, &ropts, lang, new_doc) ||
	    pd_rules_check(&report, rules, new_doc, changes, &copts) < 0) {
		status = cmd_error();
		goto done;
	}
	status = pd_rules_report_errors(report) ? PD_EXIT_CHANGES :
	         PD_EXIT_SAME;
	if (quiet)
		goto done;
	ropts.old_file = old_arg ? (a.name ? a.name : old_arg) : NULL;
	ropts.new_file = file_of(&b, new_arg);
	if (pd_rules_render(&out, report, &ropts) < 0) {
		status = cmd_error();
		goto done;
	}
	if (cmd_write_stdout(&out) != 0)
		status = PD_EXIT_TROUBLE;
done:
	pd_buf_dispose(&out);
	pd_rules_report_free(report);
	pd_changes_free(changes);
	pd_document_free(new_doc);
	pd_document_free(old_doc);
	pd_classifier_free(cls);
	pd_rules_free(rules);
	cmd_version_dispose(&b);
	cmd_version_dispose(&a);
	return status;
}
