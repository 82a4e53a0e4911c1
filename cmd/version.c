/* SPDX-License-Identifier: MIT */
/*
 * version.c: the versions a command names: loaded by the library
 * (pd_version_load, with --repo, $PROGDIFF_REPO and --programme), parsed
 * with errors that name the version, and diffed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

/* What the library calls standard input (in English messages). */
static const char stdin_name[] = "standard input";

/* The library's options for `opts`, with $PROGDIFF_REPO's store */
static void load_options(pd_version_load_options *o,
                         const cmd_version_opts *opts)
{
	const char *env = getenv("PROGDIFF_REPO");

	if (opts) {
		o->repo = opts->repo;
		o->programme = opts->programme;
		o->max_size = opts->max_size;
	}
	if (!o->repo && env && *env) {
		o->repo = env;
		o->repo_origin = "PROGDIFF_REPO";
	}
	o->ceiling = getenv("GIT_CEILING_DIRECTORIES");
}

/* A Word, OpenDocument, HTML or PDF file is read as its Markdown */
static int as_markdown(cmd_version *v)
{
	return cmd_import_text(&v->text, NULL, v->name, PD_IMPORT_PARSED_NEXT);
}

int cmd_version_load(cmd_version *out, const char *arg,
                     const cmd_version_opts *opts)
{
	pd_version_load_options o = PD_VERSION_LOAD_OPTIONS_INIT;
	int error;

	load_options(&o, opts);
	if ((error = pd_version_load(out, arg, &o)) < 0 ||
	    (error = as_markdown(out)) < 0)
		return error;
	return 0;
}

int cmd_version_load_pair(cmd_version out[2], const char *arg_a,
                          const char *arg_b, const cmd_version_opts *opts)
{
	pd_version_load_options o = PD_VERSION_LOAD_OPTIONS_INIT;
	const char *arg[2];
	int error;

	arg[0] = arg_a;
	arg[1] = arg_b;
	load_options(&o, opts);
	if ((error = pd_version_load_pair(out, arg, &o, NULL)) < 0 ||
	    (error = as_markdown(&out[0])) < 0 ||
	    (error = as_markdown(&out[1])) < 0)
		return error;
	return 0;
}

const char *cmd_version_shown(const cmd_version *v, pd_lang lang)
{
	if (v->label)
		return v->label;
	if (v->name && !strcmp(v->name, stdin_name))
		return lang == PD_LANG_EN ? stdin_name : "standard in";
	return v->name;
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

/* Say in one line where the name came from, when not the first heading. */
static void name_note(const pd_document *doc, const cmd_version *v)
{
	const char *note = pd_document_name_note(doc);

	if (note)
		cmd_note("%s: %s", v->name, note);
}

int cmd_version_parse(pd_document **out, const cmd_version *v,
                      const pd_parse_options *opts)
{
	int error = pd_parse_document(out, v->text.ptr, v->text.size, opts);

	if (error < 0)
		return name_error(error, v);
	pd_store_apply_meta(*out, v->stored);
	name_note(*out, v);
	return error;
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
	pd_store_apply_meta(docs[0], a->stored);
	pd_store_apply_meta(docs[1], b->stored);
	*old_out = docs[0];
	*new_out = docs[1];
	name_note(docs[0], a);
	name_note(docs[1], b);
	return 0;
}

int cmd_version_diff(pd_changes **out, const cmd_version *a,
                     const cmd_version *b, const pd_parse_options *opts)
{
	pd_diff_options dopts = PD_DIFF_OPTIONS_INIT;
	size_t failed = 2;   /* stays 2 unless parsing fails */
	int error;

	dopts.old_stored = a->stored;
	dopts.new_stored = b->stored;
	if ((error = pd_diff(out, &failed, a->text.ptr, a->text.size,
	                     b->text.ptr, b->text.size, opts, &dopts)) < 0) {
		if (failed < 2)
			return name_error(error, failed ? b : a);
		return error;
	}
	name_note(pd_changes_old(*out), a);
	name_note(pd_changes_new(*out), b);
	return 0;
}
