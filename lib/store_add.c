/* SPDX-License-Identifier: MIT */
/*
 * store_add.c: adding a version to the store: its metadata checked and
 * described, the commit built on the branch's tip and the branch moved
 * by compare-and-swap, starting over when it moved meanwhile, the tag
 * made, and a lock file held by another writer waited for briefly.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "git_api.h"

#include "alloc.h"
#include "error.h"
#include "store.h"

/* ------------------------------------------------------------------ */
/* Trailers written                                                    */

/*
 * Append `s` as one line: control characters (C0, DEL, C1) and runs of
 * white space become one space, and the ends are trimmed. Values from
 * documents go through here before they become trailers.
 */
static void put_one_line(pd_buf *out, const char *s)
{
	size_t start = out->size;
	int space = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == 0xc2 && (unsigned char)s[1] >= 0x80 &&
		    (unsigned char)s[1] <= 0x9f) {
			s++;
			c = ' ';
		}
		if (c <= 0x20 || c == 0x7f) {
			space = 1;
			continue;
		}
		if (space && out->size > start)
			pd_buf_putc(out, ' ');
		space = 0;
		pd_buf_putc(out, c);
	}
}

static int is_one_line(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

static void put_trailer(pd_buf *msg, const char *key, const char *value)
{
	size_t mark = msg->size;

	if (!value)
		return;
	pd_buf_printf(msg, "%s: ", key);
	put_one_line(msg, value);
	if (msg->size == mark + strlen(key) + 2)
		pd_buf_truncate(msg, mark);
	else
		pd_buf_putc(msg, '\n');
}

/* ------------------------------------------------------------------ */
/* Adding                                                              */

static void sleep_ms(long ms)
{
	struct timespec ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Refuse early, with a message that says so, to write a read-only store. */
static int check_writable(pd_store *store)
{
	static const char *const dirs[] = { "objects", "refs" };
	const char *gitdir = git_repository_path(store->repo);
	pd_buf path = PD_BUF_INIT;
	size_t i;
	int error = 0;

	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]) && !error; i++) {
		pd_buf_clear(&path);
		pd_buf_printf(&path, "%s%s", gitdir, dirs[i]);
		if (access(path.ptr, W_OK) < 0 &&
		    (errno == EACCES || errno == EROFS || errno == EPERM)) {
			error = pd_error_set(PD_EIO, "cannot write to the store "
			                     "'%s': %s", store->path,
			                     pd_strerror(errno));
			pd_error_set_hint("the store is read-only for you: ask its "
			                  "owner for write access, or clone it with "
			                  "'git clone' and add to the clone");
		}
	}
	pd_buf_dispose(&path);
	return error;
}

static int lock_error(pd_store *store, const char *refname,
                      const char *what)
{
	const char *gitdir = git_repository_path(store->repo);
	pd_buf lock = PD_BUF_INIT, other = PD_BUF_INIT;

	git_error_clear();
	pd_buf_printf(&lock, "%s%s.lock", gitdir, refname);
	pd_buf_printf(&other, "%spacked-refs.lock", gitdir);
	if (access(lock.ptr, F_OK) < 0 && access(other.ptr, F_OK) == 0) {
		pd_buf_clear(&lock);
		pd_buf_put(&lock, other.ptr, other.size);
	}
	pd_error_set(PD_ELOCKED, "cannot update %s: the lock file '%s' exists",
	             what, lock.ptr);
	pd_error_set_hint("another progdiff or git is writing to the store; "
	                  "if none is running, one was interrupted: remove "
	                  "the lock file and try again");
	pd_buf_dispose(&other);
	pd_buf_dispose(&lock);
	return PD_ELOCKED;
}

/* Who adds: `who`, else user.name and user.email, else "progdiff". */
static int make_signature(git_signature **out, git_repository *repo,
                          const pd_identity *who)
{
	const char *name = who ? who->name : NULL;
	const char *email = who ? who->email : NULL;
	git_signature *def = NULL;
	int rc;

	if (!(name && *name && email && *email) &&
	    git_signature_default(&def, repo) == 0) {
		if (!(name && *name))
			name = def->name;
		if (!(email && *email))
			email = def->email;
	}
	git_error_clear();
	if (!(name && *name))
		name = "progdiff";
	if (!(email && *email))
		email = "progdiff@localhost";
	rc = git_signature_now(out, name, email);
	git_signature_free(def);
	return rc < 0 ? pd_error_from_git(rc, "making the commit's signature")
	              : 0;
}

/* Does HEAD name `refname`, or name it in one of the worktrees? */
static int head_names(git_repository *repo, const char *refname)
{
	git_reference *head = NULL;
	git_strarray trees = { NULL, 0 };
	size_t i;
	int named = 0;

	if (!git_repository_is_bare(repo) &&
	    git_reference_lookup(&head, repo, "HEAD") == 0 &&
	    git_reference_type(head) == GIT_REFERENCE_SYMBOLIC &&
	    !strcmp(git_reference_symbolic_target(head), refname))
		named = 1;
	git_reference_free(head);
	head = NULL;
	if (!named && git_worktree_list(&trees, repo) == 0) {
		for (i = 0; i < trees.count && !named; i++) {
			if (git_repository_head_for_worktree(&head, repo,
			                                     trees.strings[i]) == 0)
				named = !strcmp(git_reference_name(head), refname);
			git_reference_free(head);
			head = NULL;
		}
		git_strarray_dispose(&trees);
	}
	git_error_clear();
	return named;
}

/*
 * A branch checked out in a working tree is not moved: progdiff never
 * writes working trees, and git would then show the new version as
 * undone. (A plain `git clone` of a bare store checks out the first
 * programme's branch.)
 */
static int check_not_checked_out(pd_store *store, const char *refname)
{
	if (!head_names(store->repo, refname))
		return 0;
	pd_error_set(PD_EINVALID, "branch '%s' is checked out in '%s'",
	             refname + strlen("refs/heads/"), store->path);
	pd_error_set_hint("progdiff does not write working trees: add in a "
	                  "bare clone (git clone --bare), or first run 'git "
	                  "switch --detach' here");
	return PD_EINVALID;
}

static int check_options(const pd_store_add_options *o)
{
	static const char *const what[] = {
		"adoption date", "decision reference", "replaced version"
	};
	const char *values[3];
	size_t i;

	values[0] = o->adopted;
	values[1] = o->decision;
	values[2] = o->replaces;
	for (i = 0; i < 3; i++)
		if (values[i] && (!is_one_line(values[i]) ||
		                  strlen(values[i]) > 200))
			return pd_error_set(PD_EINVALID, "the %s must be one line of "
			                    "at most 200 bytes, without control "
			                    "characters", pd_msg(what[i]));
	if (o->target_year < 0 || o->target_year > 9999)
		return pd_error_set(PD_EINVALID, "target year %d is not a year",
		                    o->target_year);
	if ((o->period_start || o->period_end) &&
	    (o->period_start < 1 || o->period_end > 9999 ||
	     o->period_end < o->period_start))
		return pd_error_set(PD_EINVALID, "period %d-%d is not a period",
		                    o->period_start, o->period_end);
	return 0;
}

/* Fill in the version's metadata: options first, then the document. */
static int describe(pd_stored_version *v, const pd_document *doc,
                    const pd_store_add_options *o)
{
	const pd_meta *meta = pd_document_meta(doc);
	pd_buf b = PD_BUF_INIT;
	int error = 0;

	if (o->programme) {
		v->programme = pd__strdup(o->programme);
	} else {
		if ((error = pd_store_programme_slug(&b, meta->name,
		                                     pd_document_lang(doc))) < 0)
			goto done;
		v->programme = pd__strdup(b.ptr);
		pd_buf_clear(&b);
	}
	if ((error = pd_store_check_name(v->programme, "programme")) < 0)
		goto done;
	if (meta->name) {
		put_one_line(&b, meta->name);
		v->name = b.size ? pd__strdup(b.ptr) : NULL;
		pd_buf_clear(&b);
	}
	v->target_year = o->target_year ? o->target_year : meta->target_year;
	if (v->target_year < 0 || v->target_year > 9999)
		v->target_year = 0;
	if (o->period_start) {
		v->period_start = o->period_start;
		v->period_end = o->period_end;
	} else if (meta->period_start > 0 && meta->period_end >=
	           meta->period_start && meta->period_end <= 9999) {
		v->period_start = meta->period_start;
		v->period_end = meta->period_end;
	}
#define FIELD(f) \
	if (o->f || meta->f) { \
		put_one_line(&b, o->f ? o->f : meta->f); \
		v->f = b.size ? pd__strdup(b.ptr) : NULL; \
		pd_buf_clear(&b); \
	}
	FIELD(adopted)
	FIELD(decision)
	FIELD(replaces)
#undef FIELD
	if (o->label)
		pd_buf_puts(&b, o->label);
	else if (v->target_year)
		pd_buf_printf(&b, "%d", v->target_year);
	else if (v->period_start)
		pd_buf_printf(&b, "%d-%d", v->period_start, v->period_end);
	else if (pd_store__leading_year(v->adopted))
		pd_buf_printf(&b, "%.4s", v->adopted);
	if (!b.size) {
		error = pd_error_set(PD_EINVALID, "the version needs a label: the "
		                     "document names no target year, period or "
		                     "date of adoption");
		pd_error_set_hint("give one with --label, for example "
		                  "--label 2019-2022");
		goto done;
	}
	v->label = pd__strdup(b.ptr);
	error = pd_store_check_name(v->label, "label");
done:
	pd_buf_dispose(&b);
	return error;
}

static void build_message(pd_buf *msg, const pd_stored_version *v,
                          const char *message)
{
	git_buf pretty = { NULL, 0, 0 };

	if (message && git_message_prettify(&pretty, message, 0, '#') == 0 &&
	    pretty.size) {
		pd_buf_put(msg, pretty.ptr, pretty.size);
	} else {
		pd_buf_printf(msg, "Add %s/%s", v->programme, v->label);
		if (v->name) {
			pd_buf_puts(msg, ": ");
			put_one_line(msg, v->name);
		}
		pd_buf_putc(msg, '\n');
	}
	git_error_clear();
	git_buf_dispose(&pretty);
	pd_buf_putc(msg, '\n');
	put_trailer(msg, "Label", v->label);
	put_trailer(msg, "Name", v->name);
	if (v->target_year)
		pd_buf_printf(msg, "Target-Year: %d\n", v->target_year);
	if (v->period_start)
		pd_buf_printf(msg, "Period: %d-%d\n", v->period_start,
		              v->period_end);
	put_trailer(msg, "Adopted", v->adopted);
	put_trailer(msg, "Decision", v->decision);
	put_trailer(msg, "Replaces", v->replaces);
}

/* Write the blob and the one-file tree; no filters are applied. */
static int write_tree(git_oid *tree_out, git_repository *repo,
                      const char *programme, const char *md, size_t len)
{
	git_treebuilder *tb = NULL;
	git_oid blob;
	pd_buf file = PD_BUF_INIT;
	int rc, os_error;

	pd_buf_printf(&file, "%s.md", programme);
	errno = 0;
	if ((rc = git_blob_create_from_buffer(&blob, repo, md, len)) == 0 &&
	    (rc = git_treebuilder_new(&tb, repo, NULL)) == 0 &&
	    (rc = git_treebuilder_insert(NULL, tb, file.ptr, &blob,
	                                 GIT_FILEMODE_BLOB)) == 0)
		rc = git_treebuilder_write(tree_out, tb);
	os_error = errno;      /* before the clean-up can change it */
	git_treebuilder_free(tb);
	pd_buf_dispose(&file);
	errno = os_error;
	return rc < 0 ? pd_error_from_git(rc, "writing the version") : 0;
}

/*
 * Commit on the branch by compare-and-swap: build the commit on the tip
 * as it is, move the branch only if it still points there, and start
 * over (label check included) when it does not. Lock files are waited
 * for until `deadline`.
 */
static int commit_version(git_oid *commit_out, pd_store *store,
                          const pd_stored_version *v, const git_oid *tree_id,
                          const char *msg, const pd_store_add_options *opts)
{
	git_repository *repo = store->repo;
	git_signature *author = NULL, *committer = NULL;
	git_tree *tree = NULL;
	pd_buf branch = PD_BUF_INIT, tag = PD_BUF_INIT, logmsg = PD_BUF_INIT;
	pd_buf what = PD_BUF_INIT;
	long deadline = now_ms() + PD_STORE_LOCK_WAIT_MS, pause = 5;
	int attempt, rc = 0, error;

	pd_buf_printf(&branch, BRANCH_PREFIX "%s", v->programme);
	pd_buf_printf(&tag, TAG_PREFIX "%s/%s", v->programme, v->label);
	pd_buf_printf(&logmsg, "progdiff add: %s/%s", v->programme, v->label);
	pd_buf_printf(&what, pd_msg("branch 'programmes/%s'"), v->programme);
	if ((error = make_signature(&author, repo, &opts->author)) < 0 ||
	    (error = make_signature(&committer, repo, &opts->committer)) < 0)
		goto done;
	if ((error = check_not_checked_out(store, branch.ptr)) < 0 ||
	    (rc = git_tree_lookup(&tree, repo, tree_id)) < 0)
		goto done;
	for (attempt = 0; ; attempt++) {
		git_commit *parent = NULL;
		git_reference *ref = NULL, *existing = NULL;
		git_oid tip;
		int have = 0, local = 0, found = 0;

		if ((error = pd_store__branch_tip(&tip, &have, &local, repo,
		                        v->programme)) < 0)
			goto done;
		if (have && (error = pd_store__label_on_branch(&found, repo, v->programme,
		                                     &tip, v->label)) < 0)
			goto done;
		if (!found && git_reference_lookup(&existing, repo, tag.ptr) == 0)
			found = 1;
		git_reference_free(existing);
		git_error_clear();
		if (found && !(opts->flags & PD_STORE_ADD_FORCE)) {
			error = pd_error_set(PD_EEXISTS, "version '%s/%s' exists "
			                     "already", v->programme, v->label);
			pd_error_set_hint("replace it with --force, or give this "
			                  "version another label with --label");
			goto done;
		}
		if (have && (rc = git_commit_lookup(&parent, repo, &tip)) < 0)
			goto done;
		rc = git_commit_create(commit_out, repo, NULL, author, committer,
		                       NULL, msg, tree, have ? 1 : 0,
		                       (const git_commit **)&parent);
		git_commit_free(parent);
		if (rc < 0)
			goto done;
		if (have && local)
			rc = git_reference_create_matching(&ref, repo, branch.ptr,
			        commit_out, 1, &tip, logmsg.ptr);
		else
			rc = git_reference_create(&ref, repo, branch.ptr,
			        commit_out, 0, logmsg.ptr);
		git_reference_free(ref);
		if (rc == 0)
			break;
		if ((rc == GIT_EMODIFIED || rc == GIT_EEXISTS) &&
		    attempt < PD_STORE_MAX_RETRIES) {
			git_error_clear();
			continue;
		}
		if (rc == GIT_ELOCKED && now_ms() < deadline) {
			git_error_clear();
			sleep_ms(pause);
			pause = pause < 100 ? pause * 2 : 100;
			continue;
		}
		if (rc == GIT_ELOCKED) {
			error = lock_error(store, branch.ptr, what.ptr);
			rc = 0;
		}
		goto done;
	}
done:
	if (rc < 0)
		error = pd_error_from_git(rc, what.ptr);
	git_tree_free(tree);
	git_signature_free(committer);
	git_signature_free(author);
	pd_buf_dispose(&what);
	pd_buf_dispose(&logmsg);
	pd_buf_dispose(&tag);
	pd_buf_dispose(&branch);
	return error;
}

/* Does the tag <programme>/<label> `name` name the commit `id`? */
static int tag_names(git_repository *repo, const char *name,
                     const git_oid *id)
{
	git_object *obj = NULL;
	pd_buf ref = PD_BUF_INIT;
	int same;

	pd_buf_printf(&ref, TAG_PREFIX "%s^{commit}", name);
	same = git_revparse_single(&obj, repo, ref.ptr) == 0 &&
	       git_oid_equal(git_object_id(obj), id);
	git_object_free(obj);
	git_error_clear();
	pd_buf_dispose(&ref);
	return same;
}

int pd_store__tag_version(pd_store *store, const pd_stored_version *v,
                          const git_oid *commit_id, const pd_identity *who,
                          unsigned flags)
{
	git_repository *repo = store->repo;
	git_signature *tagger = NULL;
	git_object *target = NULL;
	git_oid tag_id;
	pd_buf name = PD_BUF_INIT, msg = PD_BUF_INIT, what = PD_BUF_INIT;
	long deadline = now_ms() + PD_STORE_LOCK_WAIT_MS, pause = 5;
	int rc = 0, error;

	pd_buf_printf(&name, "%s/%s", v->programme, v->label);
	pd_buf_printf(&what, pd_msg("tag '%s'"), name.ptr);
	if (v->name) {
		put_one_line(&msg, v->name);
		pd_buf_printf(&msg, " (%s)\n", v->label);
	} else {
		pd_buf_printf(&msg, "%s\n", name.ptr);
	}
	if ((error = make_signature(&tagger, repo, who)) < 0)
		goto done;
	if ((rc = git_object_lookup(&target, repo, commit_id,
	                            GIT_OBJECT_COMMIT)) < 0)
		goto done;
	for (;;) {
		rc = git_tag_create(&tag_id, repo, name.ptr, target, tagger,
		                    msg.ptr, (flags & PD_STORE_ADD_FORCE) ? 1 : 0);
		if (rc == GIT_EEXISTS && tag_names(repo, name.ptr, commit_id)) {
			/* the next command opening the store completed us */
			git_error_clear();
			rc = 0;
			break;
		}
		if (rc != GIT_ELOCKED)
			break;
		if (now_ms() >= deadline || (flags & PD_STORE__TAG_NOWAIT)) {
			pd_buf ref = PD_BUF_INIT;

			pd_buf_printf(&ref, TAG_PREFIX "%s", name.ptr);
			error = lock_error(store, ref.ptr, what.ptr);
			pd_buf_dispose(&ref);
			rc = 0;
			goto done;
		}
		git_error_clear();
		sleep_ms(pause);
		pause = pause < 100 ? pause * 2 : 100;
	}
done:
	if (rc < 0)
		error = pd_error_from_git(rc, what.ptr);
	git_object_free(target);
	git_signature_free(tagger);
	pd_buf_dispose(&what);
	pd_buf_dispose(&msg);
	pd_buf_dispose(&name);
	return error;
}

int pd_store_add(pd_stored_version *out, pd_store *store, const char *md,
                 size_t len, const pd_store_add_options *opts)
{
	pd_store_add_options defaults = PD_STORE_ADD_OPTIONS_INIT;
	pd_parse_options popts = PD_PARSE_OPTIONS_INIT;
	pd_document *doc = NULL;
	pd_stored_version v = PD_STORED_VERSION_INIT;
	pd_buf msg = PD_BUF_INIT, branch = PD_BUF_INIT;
	git_oid tree_id, commit_id;
	int error;

	if (!opts)
		opts = &defaults;
	popts.max_size = opts->max_size;
	if ((error = check_options(opts)) < 0 ||
	    (error = pd_parse_document(&doc, md, len, &popts)) < 0 ||
	    (error = describe(&v, doc, opts)) < 0 ||
	    (error = check_writable(store)) < 0 ||
	    (error = write_tree(&tree_id, store->repo, v.programme, md,
	                        len)) < 0 ||
	    (opts->original &&
	     (error = pd_store__add_original(&tree_id, store->repo, &tree_id,
	                                     v.programme, opts)) < 0))
		goto done;
	build_message(&msg, &v, opts->message);
	if ((error = commit_version(&commit_id, store, &v, &tree_id, msg.ptr,
	                            opts)) < 0)
		goto done;
	git_oid_tostr(v.id, sizeof(v.id), &commit_id);
	v.time = (long long)time(NULL);
	/* the version is stored; the tag names it for git users */
	if ((error = pd_store__tag_version(store, &v, &commit_id,
	                                   &opts->committer, opts->flags)) < 0)
		goto done;
	/* a new bare store: HEAD names the first programme, so that a
	 * clone checks it out (never in a repository with a working tree) */
	pd_buf_printf(&branch, BRANCH_PREFIX "%s", v.programme);
	if (git_repository_is_bare(store->repo) &&
	    git_repository_head_unborn(store->repo) == 1)
		git_repository_set_head(store->repo, branch.ptr);
	git_error_clear();
	if (out) {
		*out = v;
		v.programme = v.label = v.name = NULL;
		v.adopted = v.decision = v.replaces = NULL;
	}
done:
	pd_stored_version_dispose(&v);
	pd_buf_dispose(&branch);
	pd_buf_dispose(&msg);
	pd_document_free(doc);
	return error;
}
