/* SPDX-License-Identifier: MIT */
/*
 * fuzz_parse.c: parse a document (any bytes) and read all of it through
 * the public API: metadata, every section, its blocks and lines. Byte 0
 * picks a nesting limit, so that the limit's edges are reached too; the
 * rest is the document.
 */
#include "fuzz.h"

static void walk(const pd_document *doc)
{
	const pd_meta *meta = pd_document_meta(doc);
	size_t i, j, n = pd_document_section_count(doc), len;
	pd_buf sink = PD_BUF_INIT;

	pd_buf_printf(&sink, "%s %d %d %d %s %s", meta->name ? meta->name : "",
	              meta->target_year, meta->period_start, meta->period_end,
	              meta->adopted ? meta->adopted : "",
	              meta->language ? meta->language : "");
	for (i = 0; i < n; i++) {
		const pd_section *s = pd_document_section(doc, i);

		pd_buf_puts(&sink, pd_section_heading(s));
		pd_buf_puts(&sink, pd_section_key(s));
		pd_buf_puts(&sink, pd_kind_name(pd_section_kind(s)));
		if (pd_section_line_start(s) > pd_section_line_end(s) &&
		    pd_section_line_end(s) != 0)
			fuzz_fail("a section ends before it starts", &sink);
		if (i > 0 && !pd_section_parent(s))
			fuzz_fail("a section without a parent", &sink);
		for (j = 0; j < pd_section_child_count(s); j++)
			if (pd_section_parent(pd_section_child(s, j)) != s)
				fuzz_fail("a child with another parent", &sink);
		for (j = 0; j < pd_section_block_count(s); j++) {
			pd_buf_puts(&sink, pd_section_block(s, j));
			(void)pd_section_block_line(s, j);
		}
		(void)pd_section_depth(s);
		(void)pd_section_level(s);
	}
	for (i = 0; i < pd_document_area_count(doc); i++)
		if (pd_section_kind(pd_document_area(doc, i)) != PD_KIND_AREA)
			fuzz_fail("an area that is not one", &sink);
	(void)pd_document_source(doc, &len);
	(void)pd_lang_name(pd_document_lang(doc));
	pd_buf_dispose(&sink);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pd_parse_options opts = PD_PARSE_OPTIONS_INIT;
	pd_document *doc = NULL;
	int error;

	if (size < 1)
		return 0;
	/* 0: the default nesting limit; else 1..15 */
	opts.max_nesting = data[0] & 0x0f;
	error = pd_parse_document(&doc, (const char *)data + 1, size - 1,
	                          &opts);
	if (error == 0) {
		walk(doc);
	} else if (error != PD_EINVALID && error != PD_ELIMIT) {
		fprintf(stderr, "fuzz: unexpected error %d: %s\n", error,
		        pd_error_message());
		abort();
	} else if (!*pd_error_message()) {
		fprintf(stderr, "fuzz: error %d without a message\n", error);
		abort();
	}
	pd_document_free(doc);
	pd_error_clear();
	return 0;
}
