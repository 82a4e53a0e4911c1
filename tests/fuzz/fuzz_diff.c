/* SPDX-License-Identifier: MIT */
/*
 * fuzz_diff.c: the whole diff. Byte 0 picks the options (format,
 * language, details, colour, keeping explained changes, rename
 * threshold); the rest splits at its first NUL into the old and the new
 * version. Both are parsed, the changes computed and rendered, and every
 * change's sentence written; text and Markdown must hold no control
 * character, JSON must be valid. The versions are parsed as the command
 * line does, on two threads (pd_parse_documents), and once more one by
 * one: the two must render the same changes.
 */
#include "fuzz.h"

/* The versions parsed one by one give the changes in `want`. */
static void same_one_by_one(const pd_buf *want, const pd_buf *a,
                            const pd_buf *b, const pd_diff_options *dopts,
                            const pd_render_options *ropts)
{
	pd_document *old_doc = NULL, *new_doc = NULL;
	pd_changes *changes = NULL;
	pd_buf got = PD_BUF_INIT;

	if (pd_parse_document(&old_doc, a->ptr, a->size, NULL) < 0 ||
	    pd_parse_document(&new_doc, b->ptr, b->size, NULL) < 0 ||
	    pd_changes_compute(&changes, old_doc, new_doc, dopts) < 0 ||
	    pd_render(&got, changes, ropts) < 0)
		fuzz_fail("parsed one by one, the versions fail", &got);
	if (got.size != want->size || memcmp(got.ptr, want->ptr, got.size))
		fuzz_fail("parsed one by one, the changes differ", &got);
	pd_changes_free(changes);
	pd_document_free(new_doc);
	pd_document_free(old_doc);
	pd_buf_dispose(&got);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pd_diff_options dopts = PD_DIFF_OPTIONS_INIT;
	pd_render_options ropts = PD_RENDER_OPTIONS_INIT;
	pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT, out = PD_BUF_INIT;
	pd_document *old_doc = NULL, *new_doc = NULL, *docs[2];
	pd_changes *changes = NULL;
	const char *md[2];
	size_t len[2], i;
	unsigned char o;

	if (size < 1)
		return 0;
	o = data[0];
	fuzz_split(data + 1, size - 1, &a, &b);
	md[0] = a.ptr;
	md[1] = b.ptr;
	len[0] = a.size;
	len[1] = b.size;
	if (pd_parse_documents(docs, md, len, 2, NULL, NULL) < 0)
		goto done;
	old_doc = docs[0];
	new_doc = docs[1];

	dopts.flags = (o & 0x40) ? PD_DIFF_KEEP_EXPLAINED : 0;
	dopts.rename_threshold = (o & 0x80) ? 0.2 : 0;
	if (pd_changes_compute(&changes, old_doc, new_doc, &dopts) < 0) {
		fprintf(stderr, "fuzz: diff failed: %s\n", pd_error_message());
		abort();
	}

	ropts.format = (pd_format)((o & 0x03) % 3);
	ropts.lang = (pd_lang)((o >> 2) & 0x03) % 3;
	ropts.flags = ((o & 0x10) ? PD_RENDER_DETAILS : 0) |
	              ((o & 0x20) ? PD_RENDER_COLOR : 0);
	ropts.old_label = "old\x1b[31m";
	ropts.new_label = "new\xc2\x9b";
	if (pd_render(&out, changes, &ropts) < 0) {
		fprintf(stderr, "fuzz: render failed: %s\n", pd_error_message());
		abort();
	}
	if (ropts.format == PD_FORMAT_JSON)
		fuzz_valid_json(&out);
	else
		fuzz_no_controls(&out, ropts.format == PD_FORMAT_TEXT &&
		                 (ropts.flags & PD_RENDER_COLOR));

	same_one_by_one(&out, &a, &b, &dopts, &ropts);

	/* the redline: no text of the documents becomes markup or a script */
	pd_buf_clear(&out);
	ropts.format = PD_FORMAT_HTML;
	if (pd_render(&out, changes, &ropts) < 0) {
		fprintf(stderr, "fuzz: html failed: %s\n", pd_error_message());
		abort();
	}
	fuzz_no_controls(&out, 0);
	{
		const char *p = out.ptr;
		int scripts = 0;

		while ((p = strstr(p, "<script")) != NULL) {
			scripts++;
			p++;
		}
		if (scripts != 1)
			fuzz_fail("a script in the redline that is not ours", &out);
	}

	for (i = 0; i < pd_changes_count(changes); i++) {
		const pd_change *c = pd_changes_get(changes, i);

		pd_buf_clear(&out);
		if (!pd_change_kind_name(c->kind))
			fuzz_fail("a change of no kind", &out);
		pd_render_sentence(&out, changes, c,
		                   (o & 0x04) ? PD_LANG_EN : PD_LANG_SV);
		fuzz_no_controls(&out, 0);
	}
done:
	pd_changes_free(changes);
	pd_document_free(new_doc);
	pd_document_free(old_doc);
	pd_buf_dispose(&out);
	pd_buf_dispose(&b);
	pd_buf_dispose(&a);
	pd_error_clear();
	return 0;
}
