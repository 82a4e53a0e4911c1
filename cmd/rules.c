/* SPDX-License-Identifier: MIT */
/*
 * rules.c: the repository's `.progdiff` for the commands that read it:
 * `check` for its rules and vocabulary, the diff for its vocabulary. The
 * file is `--rules FILE` when given, else the one at the top of the
 * working tree of the store (--repo, else $PROGDIFF_REPO) or of the
 * current directory.
 */
#include <stdlib.h>

#include "cmd.h"

int cmd_rules_load(pd_rules **out, const char *path, const char *repo,
                   unsigned flags, int optional)
{
	pd_buf found = PD_BUF_INIT;
	int error;

	*out = NULL;
	if (!path) {
		if (!repo && (repo = getenv("PROGDIFF_REPO")) && !*repo)
			repo = NULL;
		if ((error = pd_config_find(&found, repo)) < 0) {
			pd_buf_dispose(&found);
			if (error == PD_ENOTFOUND && optional) {
				pd_error_clear();
				return 0;
			}
			if (error == PD_ENOTFOUND)
				pd_error_set_hint("write the rules there, or "
				                  "name a file with --rules FILE");
			return error;
		}
		path = found.ptr;
	}
	error = pd_rules_load(out, path, flags);
	pd_buf_dispose(&found);
	return error;
}

int cmd_classifier_new(pd_classifier **out, const pd_rules *rules)
{
	pd_classifier *cls = NULL;
	int error;

	*out = NULL;
	if (!rules)
		return 0;
	if ((error = pd_classifier_new(&cls)) < 0 ||
	    (error = pd_rules_vocabulary(rules, cls)) < 0) {
		pd_classifier_free(cls);
		return error;
	}
	*out = cls;
	return 0;
}

int cmd_vocabulary_load(pd_classifier **out, const char *repo)
{
	pd_rules *rules = NULL;
	int error;

	*out = NULL;
	if ((error = cmd_rules_load(&rules, NULL, repo,
	                            PD_RULES_VOCABULARY_ONLY, 1)) == 0)
		error = cmd_classifier_new(out, rules);
	pd_rules_free(rules);
	return error;
}
