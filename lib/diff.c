/* SPDX-License-Identifier: MIT */
/*
 * diff.c: the pipeline of a diff in one call, as the command line and
 * the git driver run it: both versions parsed at once, their sections
 * matched and the change list computed (pd_diff), the documents handed
 * to the list that points into them.
 */
#include "changes.h"
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
	if ((error = pd_parse_documents(docs, md, len, 2, popts, &failed)) < 0) {
		if (failed_out)
			*failed_out = failed;
		return error;
	}
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
