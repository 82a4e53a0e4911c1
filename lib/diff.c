/* SPDX-License-Identifier: MIT */
/*
 * diff.c: the pipeline of a diff in one call, as the command line and
 * the git driver run it: both versions parsed at once, their sections
 * matched (each with the metadata its store gave it, when it is a stored
 * version) and the change list computed (pd_diff), the documents handed
 * to the list that points into them.
 */
#include "changes.h"
#include "parse.h"
#include "progdiff.h"

int pd_diff(pd_changes **out, size_t *failed_out, const char *old_md,
            size_t old_len, const char *new_md, size_t new_len,
            const pd_parse_options *popts, const pd_diff_options *dopts)
{
	pd_document *docs[2] = { NULL, NULL };
	const char *md[2];
	size_t len[2], failed = 0;
	pd_changes *changes = NULL;
	int error;

	*out = NULL;
	md[0] = old_md;
	len[0] = old_len;
	md[1] = new_md;
	len[1] = new_len;
	/* the change list needs no copy of either text: the blocks have
	 * what it reads */
	if ((error = pd_parse__documents(docs, md, len, 2, popts, &failed,
	                                 0)) < 0) {
		if (failed_out)
			*failed_out = failed;
		return error;
	}
	if (dopts && dopts->old_stored)
		pd_store_apply_meta(docs[0], dopts->old_stored);
	if (dopts && dopts->new_stored)
		pd_store_apply_meta(docs[1], dopts->new_stored);
	if ((error = pd_changes_compute(&changes, docs[0], docs[1],
	                                dopts)) < 0) {
		pd_document_free(docs[1]);
		pd_document_free(docs[0]);
		return error;
	}
	changes->owned[0] = docs[0];
	changes->owned[1] = docs[1];
	*out = changes;
	return 0;
}
