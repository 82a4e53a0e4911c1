/* SPDX-License-Identifier: MIT */
/*
 * store_load.c: turn a version argument into Markdown. The order is the
 * design's: `rev:path`, an existing file (or "-"), a stored label (or
 * PROGRAMME/LABEL, or a target year or period that names exactly one
 * version); an unknown name is an error that lists the known versions
 * and the closest one, and a name that is both a file and a stored
 * version is ambiguous and says so.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "error.h"
#include "store.h"
#include "thread.h"

/* The store the options name, found as pd_store_open_ext() finds it. */
static int open_store(pd_store **out, const pd_version_load_options *opts)
{
	pd_store_open_options o = PD_STORE_OPEN_OPTIONS_INIT;

	if (!opts)
		return pd_store_open(out, NULL);
	o.origin = opts->repo_origin;
	o.ceiling = opts->ceiling;
	return pd_store_open_ext(out, opts->repo, &o);
}

/*
 * Re-record the last error as "<arg>: <message>", or "<arg>: <why>" when
 * `why` is not NULL, keeping its hint.
 */
static int prefix_error(int error, const char *arg, const char *why)
{
	char hint[512];

	if (!why)
		return pd_error_prefix(error, "%s", arg);
	snprintf(hint, sizeof(hint), "%s", pd_error_hint());
	pd_error_set(error, "%s: %s", arg, pd_msg(why));
	if (*hint)
		pd_error_set_hint("%s", hint);
	return error;
}

/*
 * Could `arg` name a stored version at all? Labels have no "/" (NAME/LABEL
 * one), and "./x", "/x", "../x" and a Markdown file name say "a file":
 * then the store is not opened only to look for an ambiguity.
 */
static int could_be_label(const char *arg)
{
	const char *slash = strchr(arg, '/');
	size_t len = strlen(arg);

	if (arg[0] == '/' || !strncmp(arg, "./", 2) || !strncmp(arg, "../", 3))
		return 0;
	if (slash && strchr(slash + 1, '/'))
		return 0;
	if ((len > 3 && !strcmp(arg + len - 3, ".md")) ||
	    (len > 9 && !strcmp(arg + len - 9, ".markdown")))
		return 0;
	return 1;
}

/* Is `arg` also the name of a stored version? Quietly no on any error. */
static int also_stored(const char *arg, const pd_version_load_options *opts,
                       pd_buf *which)
{
	pd_store *store = NULL;
	pd_stored_version v = PD_STORED_VERSION_INIT;
	int found = 0;

	if (open_store(&store, opts) == 0 &&
	    pd_store_resolve(&v, store, arg, opts ? opts->programme : NULL) == 0) {
		pd_buf_printf(which, "%s/%s", v.programme, v.label);
		found = 1;
	}
	pd_stored_version_dispose(&v);
	pd_store_free(store);
	pd_error_clear();
	return found;
}

static int load_rev(pd_version_text *out, const char *arg,
                    const pd_version_load_options *opts)
{
	pd_store *store = NULL;
	int error;

	if ((error = open_store(&store, opts)) < 0)
		return prefix_error(error, arg, NULL);
	error = pd_store_read_rev(&out->text, store, arg);
	pd_store_free(store);
	if (error < 0)
		return error;
	out->name = pd__strdup(arg);
	return 0;
}

static int load_stored(pd_version_text *out, const char *arg,
                       const pd_version_load_options *opts)
{
	pd_store *store = NULL;
	pd_stored_version v = PD_STORED_VERSION_INIT;
	int error;

	if ((error = open_store(&store, opts)) < 0) {
		if (error != PD_ENOTFOUND || (opts && opts->repo))
			return prefix_error(error, arg, NULL);
		pd_error_set(PD_ENOTFOUND, "%s: no such file, and no store here "
		             "to look it up as a version", arg);
		pd_error_set_hint("name a store with --repo DIR or PROGDIFF_REPO");
		return PD_ENOTFOUND;
	}
	error = pd_store_resolve(&v, store, arg, opts ? opts->programme : NULL);
	if (error == PD_ENOTFOUND)
		prefix_error(error, arg, "no such file or stored version");
	if (error == 0)
		error = pd_store_read(&out->text, store, &v);
	if (error == 0) {
		out->name = pd__strdup(arg);
		out->label = pd__strdup(v.label);
		/* the metadata it was stored with is the version's */
		out->stored = pd__malloc(sizeof(*out->stored));
		*out->stored = v;
		v.programme = v.label = v.name = NULL;
		v.adopted = v.decision = v.replaces = v.message = NULL;
	}
	pd_stored_version_dispose(&v);
	pd_store_free(store);
	return error;
}

int pd_version_load(pd_version_text *out, const char *arg,
                    const pd_version_load_options *opts)
{
	size_t limit = opts ? opts->max_size : 0;
	const char *colon = strchr(arg, ':');
	struct stat st;
	int exists, error;

	if (!strcmp(arg, "-")) {
		if ((error = pd_buf_read_file(&out->text, arg, limit)) < 0)
			return error;
		out->name = pd__strdup("standard input");
		return 0;
	}
	exists = stat(arg, &st) == 0;
	if (colon && colon != arg && !exists)
		return load_rev(out, arg, opts);
	if (exists && !S_ISDIR(st.st_mode)) {
		pd_buf which = PD_BUF_INIT;

		if (could_be_label(arg) && also_stored(arg, opts, &which)) {
			pd_error_set(PD_EAMBIGUOUS, "'%s' is ambiguous: both a file "
			             "and the stored version %s", arg, which.ptr);
			pd_error_set_hint("write ./%s for the file, or %s for the "
			                  "version", arg, which.ptr);
			pd_buf_dispose(&which);
			return PD_EAMBIGUOUS;
		}
		pd_buf_dispose(&which);
	}
	if ((exists && !S_ISDIR(st.st_mode)) ||
	    (!exists && errno != ENOENT && errno != ENOTDIR)) {
		if ((error = pd_buf_read_file(&out->text, arg, limit)) < 0)
			return error;
		out->name = pd__strdup(arg);
		return 0;
	}
	error = load_stored(out, arg, opts);
	if (error == PD_ENOTFOUND && exists && S_ISDIR(st.st_mode)) {
		/* a folder that is not a stored label either */
		pd_error_set(PD_EINVALID, "%s: is a directory", arg);
		pd_error_set_hint("name a Markdown file, or a stored version");
		return PD_EINVALID;
	}
	return error;
}

/* Is `arg` a file that pd_version_load() reads as it is, no store asked? */
static int plain_file(const char *arg)
{
	struct stat st;

	return strcmp(arg, "-") && !could_be_label(arg) &&
	       stat(arg, &st) == 0 && S_ISREG(st.st_mode);
}

typedef struct load_job {
	pd_version_text *out;
	const char *arg;
	const pd_version_load_options *opts;
	pd_error_carry error;
} load_job;

static void load_task(void *payload)
{
	load_job *job = payload;

	pd_error__keep(&job->error, pd_version_load(job->out, job->arg,
	                                            job->opts));
}

int pd_version_load_pair(pd_version_text out[2], const char *const arg[2],
                         const pd_version_load_options *opts,
                         size_t *failed_out)
{
	load_job jobs[2];
	size_t i;
	int error = 0;

	for (i = 0; i < 2; i++) {
		jobs[i].out = &out[i];
		jobs[i].arg = arg[i];
		jobs[i].opts = opts;
		jobs[i].error.code = 0;
	}
	/* two files: read side by side; a store is asked on one thread */
	if (plain_file(arg[0]) && plain_file(arg[1])) {
		pd_thread__each(load_task, jobs, sizeof(*jobs), 2);
	} else {
		load_task(&jobs[0]);
		if (!jobs[0].error.code)
			load_task(&jobs[1]);
	}
	for (i = 0; i < 2 && !error; i++) {
		if (jobs[i].error.code < 0) {
			error = pd_error__raise(&jobs[i].error);
			if (failed_out)
				*failed_out = i;
		}
	}
	if (error < 0)
		for (i = 0; i < 2; i++)
			pd_version_text_dispose(&out[i]);
	return error;
}

void pd_version_text_dispose(pd_version_text *v)
{
	if (!v)
		return;
	pd_buf_dispose(&v->text);
	free(v->name);
	free(v->label);
	pd_stored_version_dispose(v->stored);
	free(v->stored);
	v->name = v->label = NULL;
	v->stored = NULL;
}
