/* SPDX-License-Identifier: MIT */
/*
 * parse.h: what lib/ shares of the parser beyond progdiff.h.
 */
#ifndef PD_PARSE_H
#define PD_PARSE_H

#include <cmark.h>

#include "progdiff.h"

/**
 * Append the plain text of a cmark node to `out`: text and code
 * literals, line breaks as spaces, links and images as their text, HTML
 * dropped; blocks separated by a space. Lists inside `node` are left out
 * when `skip_lists` (their items are blocks of their own).
 */
void pd_parse__plain_text(pd_buf *out, cmark_node *node, int skip_lists);

/**
 * The steps the parses of the calling thread have taken so far (each node
 * visited, each open section looked at when one closes): a count for the
 * tests that guard against quadratic time, as pd_textdiff__work().
 */
unsigned long long pd_parse__work(void);

/**
 * The lines of `md` that start with '#' (ATX headings, as pandoc and most
 * writers make them), counted up to `enough`: whether the classifier's
 * machine code would repay itself (pd_classifier__prepare).
 */
size_t pd_parse__heading_lines(const char *md, size_t len, size_t enough);

/**
 * pd_parse_documents(), and with `keep_source` 0 documents that keep no
 * copy of their text (pd_document_source() gives ""): a diff reads what
 * it needs of the text from the blocks, tables included.
 */
int pd_parse__documents(pd_document **out, const char *const *md,
                        const size_t *len, size_t n,
                        const pd_parse_options *opts, size_t *failed_out,
                        int keep_source);

#endif
