/* SPDX-License-Identifier: MIT */
/*
 * version.c: the versions a command names: loaded by the library
 * (pd_version_load, with --repo, $PROGDIFF_REPO and --programme), parsed
 * with errors that name the version, and diffed.
 */
#include <stdlib.h>

#include "cmd.h"

int cmd_version_load(cmd_version *out, const char *arg,
                     const cmd_version_opts *opts)
{
	pd_version_load_options o = PD_VERSION_LOAD_OPTIONS_INIT;
	const char *env = getenv("PROGDIFF_REPO");

	if (opts) {
		o.repo = opts->repo;
		o.programme = opts->programme;
		o.max_size = opts->max_size;
	}
	if (!o.repo && env && *env) {
		o.repo = env;
		o.repo_origin = "PROGDIFF_REPO";
	}
	o.ceiling = getenv("GIT_CEILING_DIRECTORIES");
	return pd_version_load(out, arg, &o);
}

void cmd_version_dispose(cmd_version *v)
{
	pd_version_text_dispose(v);
}

/* The parser's error, prefixed with the version it is about. */
static int name_error(int error, const cmd_version *v)
{
	return pd_error_prefix(error, "%s", v->name);
}

int cmd_version_parse(pd_document **out, const cmd_version *v,
                      const pd_parse_options *opts)
{
	int error = pd_parse_document(out, v->text.ptr, v->text.size, opts);

	return error < 0 ? name_error(error, v) : error;
}

int cmd_version_parse_pair(pd_document **old_out, pd_document **new_out,
                           const cmd_version *a, const cmd_version *b,
                           const pd_parse_options *opts)
{
	pd_document *docs[2];
	const char *md[2];
	size_t len[2], failed;
	int error;

	md[0] = a->text.ptr;
	len[0] = a->text.size;
	md[1] = b->text.ptr;
	len[1] = b->text.size;
	if ((error = pd_parse_documents(docs, md, len, 2, opts, &failed)) < 0)
		return name_error(error, failed ? b : a);
	*old_out = docs[0];
	*new_out = docs[1];
	return 0;
}

int cmd_version_diff(pd_changes **out, const cmd_version *a,
                     const cmd_version *b, const pd_parse_options *opts)
{
	size_t failed = 2;   /* stays 2 unless parsing fails */
	int error;

	if ((error = pd_diff(out, &failed, a->text.ptr, a->text.size,
	                     b->text.ptr, b->text.size, opts, NULL)) < 0 &&
	    failed < 2)
		return name_error(error, failed ? b : a);
	return error;
}
