/* SPDX-License-Identifier: MIT */
/*
 * pandoc_tables.h: pandoc's simple and multiline tables, kept from
 * CommonMark's reading of their rules (pandoc_tables.c), for the parser.
 */
#ifndef PD_PANDOC_TABLES_H
#define PD_PANDOC_TABLES_H

#include "progdiff.h"

/**
 * Copy md[0..len) to `out` with each line of a pandoc simple or multiline
 * table indented by four spaces, so that CommonMark reads the table as one
 * code block (its text as written, its lines where they were) and never
 * its closing line of dashes as a setext underline. Linear in `len`.
 * @return 1 when a table was found (`out` holds the copy), 0 when none
 *         (`out` is left empty: read `md` itself)
 */
int pd_pandoc_tables__shield(pd_buf *out, const char *md, size_t len);

#endif
