/* SPDX-License-Identifier: MIT */
/*
 * store_original.c: the file a version was imported from (a PDF, a Word
 * document, ...) kept in the version's commit beside the Markdown made
 * of it, as `<programme>.original.<ext>`, so that the archive is whole
 * and a better converter can be run on it later. `progdiff show LABEL
 * --original` reads it back byte for byte.
 */
#include <string.h>

#include "git_api.h"

#include "error.h"
#include "store.h"

#define ORIGINAL_INFIX ".original."

int pd_store__add_original(git_oid *tree_out, git_repository *repo,
                           const git_oid *tree,
                           const char *programme,
                           const pd_store_add_options *opts)
{
	git_tree *base = NULL;
	git_treebuilder *tb = NULL;
	git_oid blob;
	pd_buf file = PD_BUF_INIT;
	int rc;

	pd_buf_printf(&file, "%s" ORIGINAL_INFIX "%s", programme,
	              opts->original_ext ? opts->original_ext : "bin");
	if ((rc = git_tree_lookup(&base, repo, tree)) == 0 &&
	    (rc = git_blob_create_from_buffer(&blob, repo, opts->original,
	                                      opts->original_len)) == 0 &&
	    (rc = git_treebuilder_new(&tb, repo, base)) == 0 &&
	    (rc = git_treebuilder_insert(NULL, tb, file.ptr, &blob,
	                                 GIT_FILEMODE_BLOB)) == 0)
		rc = git_treebuilder_write(tree_out, tb);
	git_treebuilder_free(tb);
	git_tree_free(base);
	pd_buf_dispose(&file);
	return rc < 0 ? pd_error_from_git(rc, "writing the original file") : 0;
}

int pd_store_read_original(pd_buf *out, pd_store *store,
                           const pd_stored_version *v)
{
	git_repository *repo = NULL;
	git_commit *commit = NULL;
	git_tree *tree = NULL;
	git_blob *blob = NULL;
	git_oid oid;
	pd_buf prefix = PD_BUF_INIT, what = PD_BUF_INIT;
	size_t i, n;
	int rc, error = 0;

	pd_buf_printf(&what, "%s/%s", v->programme, v->label);
	pd_buf_printf(&prefix, "%s" ORIGINAL_INFIX, v->programme);
	if ((rc = git_repository_open(&repo, pd_store_path(store))) < 0 ||
	    (rc = git_oid_fromstr(&oid, v->id)) < 0 ||
	    (rc = git_commit_lookup(&commit, repo, &oid)) < 0 ||
	    (rc = git_commit_tree(&tree, commit)) < 0)
		goto done;
	n = git_tree_entrycount(tree);
	for (i = 0; i < n; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(tree, i);

		if (!strncmp(git_tree_entry_name(e), prefix.ptr, prefix.size) &&
		    git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
			if ((rc = git_blob_lookup(&blob, repo,
			                          git_tree_entry_id(e))) < 0)
				goto done;
			pd_buf_put(out, git_blob_rawcontent(blob),
			           (size_t)git_blob_rawsize(blob));
			goto done;
		}
	}
	error = pd_error_set(PD_ENOTFOUND, "%s: stored from Markdown, without "
	                     "an original file", what.ptr);
done:
	if (rc < 0)
		error = pd_error_from_git(rc, what.ptr);
	git_blob_free(blob);
	git_tree_free(tree);
	git_commit_free(commit);
	git_repository_free(repo);
	pd_buf_dispose(&what);
	pd_buf_dispose(&prefix);
	return error;
}
