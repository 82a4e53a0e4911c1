/* SPDX-License-Identifier: MIT */
/*
 * store_complete.c: finish what an interrupted add left half done. An add
 * moves the programme's branch to the new version, then writes its tag;
 * killed between the two, the version is on its branch without its tag.
 * Every command that opens the store looks at the tip of each programme
 * branch and, when its version has no tag or one that names an older
 * commit (the version it replaced with --force), writes the tag as add
 * would have and says so in one line through the notice callback. A store
 * that cannot be written is left as it is, quietly, and one whose tag is
 * locked is named in a line: the next command that can write completes it. Only tips need looking at: every add opens the
 * store, and so completes the one before it, first.
 */
#include <string.h>

#include "git_api.h"

#include "alloc.h"
#include "error.h"
#include "store.h"

#define BRANCH_GLOB "refs/heads/programmes/*"
#define BRANCH_PREFIX "refs/heads/programmes/"

static pd_store_notice_fn notice_fn;
static void *notice_payload;

void pd_store_set_notice(pd_store_notice_fn fn, void *payload)
{
	notice_fn = fn;
	notice_payload = payload;
}

/* The commit <programme>/<label> names, or a zero id when none. */
static void tag_target(git_oid *out, git_repository *repo,
                       const char *programme, const char *label)
{
	git_object *obj = NULL;
	pd_buf spec = PD_BUF_INIT;

	memset(out, 0, sizeof(*out));
	pd_buf_printf(&spec, "refs/tags/%s/%s^{commit}", programme, label);
	if (git_revparse_single(&obj, repo, spec.ptr) == 0)
		git_oid_cpy(out, git_object_id(obj));
	git_object_free(obj);
	pd_buf_dispose(&spec);
}

/* Tag the version at the tip of the branch `ref` if it lacks its tag. */
static void complete_branch(pd_store *store, git_reference *ref)
{
	git_repository *repo = pd_store__repo(store);
	const git_oid *tip = git_reference_target(ref);
	git_commit *commit = NULL;
	pd_stored_version v = PD_STORED_VERSION_INIT;
	pd_buf line = PD_BUF_INIT;
	git_oid tagged, zero;
	pd_identity who;
	int moved;

	memset(&zero, 0, sizeof(zero));
	if (!tip || git_commit_lookup(&commit, repo, tip) < 0 ||
	    !pd_store__read_trailers(&v, git_commit_message(commit)) ||
	    pd_store_check_name(v.label, "label") < 0)
		goto done;
	v.programme = pd__strdup(git_reference_name(ref) +
	                         strlen(BRANCH_PREFIX));
	if (pd_store_check_name(v.programme, "programme") < 0)
		goto done;
	tag_target(&tagged, repo, v.programme, v.label);
	if (git_oid_equal(&tagged, tip))
		goto done;
	moved = !git_oid_equal(&tagged, &zero);
	/* the add would have tagged as the commit's committer */
	who.name = git_commit_committer(commit)->name;
	who.email = git_commit_committer(commit)->email;
	if (pd_store__tag_version(store, &v, tip, &who, PD_STORE__TAG_NOWAIT |
	                          (moved ? PD_STORE_ADD_FORCE : 0)) < 0) {
		if (pd_error_last() == PD_ELOCKED) {
			pd_buf_printf(&line, pd_msg("cannot complete version "
			              "'%s/%s' (an add was interrupted): %s"),
			              v.programme,
			              v.label, pd_error_message());
			if (notice_fn)
				notice_fn(line.ptr, notice_payload);
		}
		goto done;
	}
	pd_buf_printf(&line, pd_msg("completed version '%s/%s': an add was "
	              "interrupted before it %s its tag"), v.programme, v.label,
	              moved ? pd_msg("moved") : pd_msg("wrote"));
	if (notice_fn)
		notice_fn(line.ptr, notice_payload);
done:
	pd_error_clear();
	git_error_clear();
	pd_buf_dispose(&line);
	pd_stored_version_dispose(&v);
	git_commit_free(commit);
}

void pd_store__complete(pd_store *store)
{
	git_reference_iterator *it = NULL;
	git_reference *ref;

	if (git_reference_iterator_glob_new(&it, pd_store__repo(store),
	                                    BRANCH_GLOB) < 0) {
		git_error_clear();
		return;
	}
	while (git_reference_next(&ref, it) == 0) {
		if (git_reference_type(ref) == GIT_REFERENCE_DIRECT)
			complete_branch(store, ref);
		git_reference_free(ref);
	}
	git_reference_iterator_free(it);
	git_error_clear();
}
