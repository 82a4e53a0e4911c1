/* SPDX-License-Identifier: MIT */
/*
 * store.c: the git-backed store of programme versions (libgit2).
 *
 * A store is an ordinary git repository. Each programme has a branch
 * `programmes/<programme>`; each version is a commit on it whose tree is
 * the one file `<programme>.md`, byte for byte, whose message ends with
 * the metadata as git trailers, and which is tagged `<programme>/<label>`
 * with an annotated tag. `git log`, `git show`, `git clone` and
 * `git push --follow-tags` work on a store unchanged.
 *
 * Only libgit2's object and reference APIs are used: no working tree is
 * checked out, no index is written, and no hook, filter or configured
 * command of the repository is ever run. Writers never rewrite history:
 * a new version is a new commit, and the branch moves by compare-and-swap
 * (git_reference_create_matching with the tip it was built on), so that
 * concurrent `add`s either all land or start over on the new tip. A lock
 * file held by another writer is waited for briefly; libgit2 itself does
 * not wait. Parsing the Markdown is parse.c's business; rendering and
 * comparing versions is left to the callers.
 *
 * This file opens, creates and reads a store; store_list.c lists and
 * resolves its versions, store_add.c adds them, store_names.c checks
 * their names.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <dirent.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "git_api.h"

#include "alloc.h"
#include "error.h"
#include "store.h"

/* ------------------------------------------------------------------ */
/* Versions and lists                                                  */

void pd_stored_version_dispose(pd_stored_version *v)
{
	pd_stored_version init = PD_STORED_VERSION_INIT;

	if (!v)
		return;
	free(v->programme);
	free(v->label);
	free(v->name);
	free(v->adopted);
	free(v->decision);
	free(v->replaces);
	free(v->message);
	*v = init;
}

void pd_stored_list_dispose(pd_stored_list *list)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < list->count; i++)
		pd_stored_version_dispose(&list->items[i]);
	free(list->items);
	list->items = NULL;
	list->count = 0;
}

static char *dup_or_null(const char *s)
{
	return s ? pd__strdup(s) : NULL;
}

void pd_store__version_copy(pd_stored_version *dst,
                            const pd_stored_version *src)
{
	*dst = *src;
	dst->programme = dup_or_null(src->programme);
	dst->label = dup_or_null(src->label);
	dst->name = dup_or_null(src->name);
	dst->adopted = dup_or_null(src->adopted);
	dst->decision = dup_or_null(src->decision);
	dst->replaces = dup_or_null(src->replaces);
	dst->message = dup_or_null(src->message);
}

/* ------------------------------------------------------------------ */
/* Opening and creating                                                */

/* "path" or 'path with spaces', for a hint the user may paste. */
static void put_shell_word(pd_buf *out, const char *s)
{
	const char *p;

	for (p = s; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		            "0123456789/._-+=,@", *p))
			break;
	if (*s && !*p) {
		pd_buf_puts(out, s);
		return;
	}
	pd_buf_putc(out, '\'');
	for (p = s; *p; p++) {
		if (*p == '\'')
			pd_buf_puts(out, "'\\''");
		else
			pd_buf_putc(out, *p);
	}
	pd_buf_putc(out, '\'');
}

/* The folder to show: working tree, else the repository; no final '/'. */
static char *display_path(git_repository *repo)
{
	const char *p = git_repository_workdir(repo);
	char *s;
	size_t len;

	if (!p)
		p = git_repository_path(repo);
	s = pd__strdup(p);
	len = strlen(s);
	while (len > 1 && s[len - 1] == '/')
		s[--len] = '\0';
	return s;
}

/*
 * After a failed open: was it libgit2's ownership check? libgit2 1.5.1
 * reports it as GIT_EOWNER, or, when safe.directory is not set at all,
 * as a GIT_ENOTFOUND about that setting; so instead of reading messages,
 * try again without the check. Returns PD_ERROR with the message and the
 * hint when it was ownership, 0 when not.
 */
static int ownership_error(const char *start, unsigned flags,
                           const char *ceiling)
{
	git_repository *repo = NULL;
	pd_buf hint = PD_BUF_INIT;
	char *path;
	int rc;

	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
	rc = git_repository_open_ext(&repo, start, flags, ceiling);
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 1);
	if (rc < 0) {
		git_error_clear();
		return 0;
	}
	path = display_path(repo);
	git_repository_free(repo);
	pd_error_set(PD_ERROR, "repository '%s' is owned by another user",
	             path);
	put_shell_word(&hint, path);
	pd_error_set_hint("if you trust it, mark it safe with "
	                  "'git config --global --add safe.directory %s'",
	                  hint.ptr);
	pd_buf_dispose(&hint);
	free(path);
	return PD_ERROR;
}

static pd_store *store_new(git_repository *repo)
{
	pd_store *store = pd__calloc(1, sizeof(*store));

	store->repo = repo;
	store->path = display_path(repo);
	return store;
}

static int open_at(git_repository **out, const char *start, unsigned flags,
                   const char *ceiling)
{
	int rc;

	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 1);
	if ((rc = git_repository_open_ext(out, start, flags, ceiling)) == 0)
		return 0;
	if (rc == GIT_EOWNER) {
		/* keep libgit2's message in case the second try fails */
		pd_error_from_git(rc, start);
		ownership_error(start, flags, ceiling);
		return PD_ERROR;
	}
	if (ownership_error(start, flags, ceiling) < 0)
		return PD_ERROR;
	git_error_clear();
	return PD_ENOTFOUND;
}

int pd_store_open(pd_store **out, const char *path)
{
	return pd_store_open_ext(out, path, NULL);
}

int pd_store_open_ext(pd_store **out, const char *path,
                      const pd_store_open_options *opts)
{
	const char *start = path, *origin = "--repo", *ceiling = NULL;
	git_repository *repo = NULL;
	struct stat st;
	int error;

	*out = NULL;
	if (opts) {
		if (opts->version != PD_STORE_OPEN_OPTIONS_VERSION)
			return pd_error_set(PD_EINVALID, "store open options "
			                    "version %u is not supported",
			                    opts->version);
		if (opts->origin)
			origin = opts->origin;
		ceiling = opts->ceiling;
	}
	if ((error = pd_git__init()) < 0)
		return error;
	pd_error_clear();
	if (!start) {
		error = open_at(&repo, ".", 0, ceiling);
		if (error == PD_ENOTFOUND) {
			pd_error_set(PD_ENOTFOUND, "no store here: neither this "
			             "folder nor any folder above it is a git "
			             "repository");
			pd_error_set_hint("create one with 'progdiff init DIR', or "
			                  "name one with --repo DIR or PROGDIFF_REPO");
		}
	} else if (stat(start, &st) < 0) {
		error = pd_error_set(errno == ENOENT ? PD_ENOTFOUND : PD_EIO,
		                     "%s: '%s': %s", origin, start,
		                     pd_strerror(errno));
	} else if (!S_ISDIR(st.st_mode)) {
		error = pd_error_set(PD_EINVALID, "%s: '%s' is not a folder",
		                     origin, start);
	} else {
		error = open_at(&repo, start, GIT_REPOSITORY_OPEN_NO_SEARCH,
		                NULL);
		if (error == PD_ENOTFOUND) {
			pd_buf word = PD_BUF_INIT;

			put_shell_word(&word, start);
			pd_error_set(PD_ENOTFOUND, "%s: '%s' is not a git "
			             "repository", origin, start);
			pd_error_set_hint("create a store there with 'progdiff "
			                  "init %s'", word.ptr);
			pd_buf_dispose(&word);
		}
	}
	if (error < 0) {
		return error;
	}
	*out = store_new(repo);
	pd_store__complete(*out);
	return 0;
}

git_repository *pd_store__repo(const pd_store *store)
{
	return store->repo;
}

static int dir_is_empty(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	int empty = 1;

	if (!dir)
		return 0;
	while ((e = readdir(dir)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			empty = 0;
			break;
		}
	closedir(dir);
	return empty;
}

int pd_store_init(pd_store **out, int *created_out, const char *path)
{
	git_repository_init_options opts;
	git_repository *repo = NULL;
	struct stat st;
	int rc, empty = 1, error;

	*out = NULL;
	if (created_out)
		*created_out = 0;
	if ((error = pd_git__init()) < 0)
		return error;
	pd_error_clear();
	if (stat(path, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			error = pd_error_set(PD_EINVALID, "'%s' is not a folder",
			                     path);
			goto fail;
		}
		error = open_at(&repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH,
		                NULL);
		if (error == 0) {
			*out = store_new(repo);
			return 0;
		}
		if (error != PD_ENOTFOUND)
			goto fail;
		empty = dir_is_empty(path);
	} else if (errno != ENOENT) {
		error = pd_error_set(PD_EIO, "'%s': %s", path, pd_strerror(errno));
		goto fail;
	}
	/* only the built-in template: no hooks from the system's templates */
	git_repository_init_options_init(&opts,
	                                 GIT_REPOSITORY_INIT_OPTIONS_VERSION);
	opts.flags = GIT_REPOSITORY_INIT_MKPATH |
	             (empty ? GIT_REPOSITORY_INIT_BARE : 0);
	opts.description = "progdiff store of programme versions";
	if ((rc = git_repository_init_ext(&repo, path, &opts)) < 0) {
		pd_buf what = PD_BUF_INIT;

		pd_buf_printf(&what, pd_msg("cannot create a store in '%s'"),
		              path);
		error = pd_error_from_git(rc, what.ptr);
		pd_buf_dispose(&what);
		goto fail;
	}
	if (created_out)
		*created_out = 1;
	*out = store_new(repo);
	return 0;
fail:
	return error;
}

void pd_store_free(pd_store *store)
{
	if (!store)
		return;
	git_repository_free(store->repo);
	free(store->path);
	free(store);
}

const char *pd_store_path(const pd_store *store)
{
	return store->path;
}

/* ------------------------------------------------------------------ */
/* Trailers                                                            */

static void set_string(char **field, const char *value)
{
	free(*field);
	*field = *value ? pd__strdup(value) : NULL;
}

int pd_store__read_trailers(pd_stored_version *v, const char *message)
{
	git_message_trailer_array arr = { NULL, 0, NULL };
	size_t i;
	int has_label = 0;

	if (!message)
		return 0;
	if (pd_git__init() < 0)
		return 0;   /* read from a commit: libgit2 is loaded */
	if (git_message_trailers(&arr, message) < 0) {
		git_error_clear();
		return 0;
	}
	for (i = 0; i < arr.count; i++) {
		const char *key = arr.trailers[i].key;
		const char *value = arr.trailers[i].value;

		if (!strcasecmp(key, "Label")) {
			set_string(&v->label, value);
			has_label = v->label != NULL;
		} else if (!strcasecmp(key, "Name")) {
			set_string(&v->name, value);
		} else if (!strcasecmp(key, "Target-Year")) {
			v->target_year = pd_store__parse_year(value, strlen(value));
		} else if (!strcasecmp(key, "Period")) {
			if (pd_store_parse_period(&v->period_start,
			                           &v->period_end, value) < 0)
				v->period_start = v->period_end = 0;
		} else if (!strcasecmp(key, "Adopted")) {
			set_string(&v->adopted, value);
		} else if (!strcasecmp(key, "Decision")) {
			set_string(&v->decision, value);
		} else if (!strcasecmp(key, "Replaces")) {
			set_string(&v->replaces, value);
		}
	}
	git_message_trailer_array_free(&arr);
	if (has_label) {
		free(v->message);
		v->message = pd_store__user_message(message, v->label);
	}
	return has_label;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

static int put_blob(pd_buf *out, git_blob *blob, const char *what)
{
	git_object_size_t size = git_blob_rawsize(blob);

	if (size > (git_object_size_t)PD_MAX_FILE_SIZE)
		return pd_error_set(PD_ELIMIT, "%s: larger than %zu bytes", what,
		                    PD_MAX_FILE_SIZE);
	pd_buf_put(out, git_blob_rawcontent(blob), (size_t)size);
	return 0;
}

int pd_store_read(pd_buf *out, pd_store *store, const pd_stored_version *v)
{
	git_oid oid;
	git_commit *commit = NULL;
	git_tree *tree = NULL;
	git_blob *blob = NULL;
	const git_tree_entry *te = NULL;
	pd_buf file = PD_BUF_INIT, what = PD_BUF_INIT;
	size_t i, n;
	int rc = 0, error = 0;

	pd_buf_printf(&what, "%s/%s", v->programme, v->label);
	pd_buf_printf(&file, "%s.md", v->programme);
	if ((rc = git_oid_fromstr(&oid, v->id)) < 0 ||
	    (rc = git_commit_lookup(&commit, store->repo, &oid)) < 0 ||
	    (rc = git_commit_tree(&tree, commit)) < 0)
		goto done;
	/* `<programme>.md`, else the tree's only Markdown file */
	if (!(te = git_tree_entry_byname(tree, file.ptr))) {
		n = git_tree_entrycount(tree);
		for (i = 0; i < n; i++) {
			const git_tree_entry *e = git_tree_entry_byindex(tree, i);
			const char *name = git_tree_entry_name(e);
			size_t len = strlen(name);

			if (len > 3 && !strcmp(name + len - 3, ".md") &&
			    git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
				if (te) {
					error = pd_error_set(PD_EAMBIGUOUS, "%s: commit "
					        "%.7s holds several Markdown files and "
					        "no '%s'", what.ptr, v->id, file.ptr);
					goto done;
				}
				te = e;
			}
		}
	}
	if (!te) {
		error = pd_error_set(PD_ENOTFOUND, "%s: commit %.7s holds no '%s'",
		                     what.ptr, v->id, file.ptr);
		goto done;
	}
	if ((rc = git_blob_lookup(&blob, store->repo, git_tree_entry_id(te))) < 0)
		goto done;
	error = put_blob(out, blob, what.ptr);
done:
	if (rc < 0)
		error = pd_error_from_git(rc, what.ptr);
	git_blob_free(blob);
	git_tree_free(tree);
	git_commit_free(commit);
	pd_buf_dispose(&what);
	pd_buf_dispose(&file);
	return error;
}

int pd_store_read_rev(pd_buf *out, pd_store *store, const char *spec)
{
	git_object *obj = NULL;
	int rc, error;

	if ((rc = git_revparse_single(&obj, store->repo, spec)) < 0)
		return pd_error_from_git(rc, spec);
	if (git_object_type(obj) != GIT_OBJECT_BLOB)
		error = pd_error_set(PD_EINVALID, "%s: not a file but a %s", spec,
		                     git_object_type2string(git_object_type(obj)));
	else
		error = put_blob(out, (git_blob *)obj, spec);
	git_object_free(obj);
	return error;
}
