/* SPDX-License-Identifier: MIT */
/*
 * meta.h: a document's metadata (pd_meta) from YAML front matter, and from
 * the text where the front matter is silent. Used by the parser only.
 */
#ifndef PD_META_H
#define PD_META_H

#include "progdiff.h"
#include "pool.h"

/** Largest front matter accepted, in bytes. */
#define PD_META_MAX_FRONT_MATTER ((size_t)64 << 10)

/** Deepest nesting of flow lists and maps ("[[...]]") in front matter. */
#define PD_META_MAX_FLOW_DEPTH 64

/**
 * Read YAML front matter at the start of `src`: a first line that is
 * exactly "---", closed by a line "---" or "..." (a CR before the line
 * feed is allowed). Known keys fill `meta` (strings in `pool`, lines as
 * file lines); unknown keys and non-scalar values are ignored.
 *
 * @param[out] body_out   offset of the first byte after the front
 *                        matter; 0 when there is none
 * @param[out] lines_out  lines the front matter takes, its two fences
 *                        included; 0 when there is none
 * @return 0; PD_ELIMIT for flow lists or maps nested deeper than
 *         PD_META_MAX_FLOW_DEPTH; or PD_EINVALID for front matter that is
 *         not closed, larger than PD_META_MAX_FRONT_MATTER, not YAML or
 *         not a mapping, or a year or period that is not one ("front
 *         matter: line 3: ...")
 */
int pd_meta_front_matter(pd_meta *meta, pd_pool *pool, const char *src,
                         size_t len, size_t *body_out, unsigned *lines_out);

/**
 * Infer what `meta` does not have yet from the text of the document.
 *
 * @param body          the Markdown after the front matter (valid UTF-8)
 * @param first_line    the file line of body[0] (1 + front matter lines)
 * @param preamble_len  bytes of `body` before the first H2: target year,
 *                      adoption, decision and what it replaces are looked
 *                      for there; the period there and then in the whole
 *                      body; the revision cycle and language in the whole
 * @param title         the H1 as plain text, or NULL: the name, and a year
 *                      at its end is the target year when the text names
 *                      none
 * @param title_line    the H1's line
 * @return 0
 */
int pd_meta_infer(pd_meta *meta, pd_pool *pool, const char *body,
                  size_t len, unsigned first_line, size_t preamble_len,
                  const char *title, unsigned title_line);

/**
 * The one period grammar, for front matter, the store's trailers and
 * --period: two years of four digits, the second not before the first,
 * with "-", "–", "—", "till", "to" or "/" between them and white space
 * around: "2019-2022", "2019 – 2022", "2019 till 2022".
 * @return 0 with both years set, or -1
 */
int pd_meta__parse_period(const char *s, int *start, int *end);

/** A string as metadata keeps it: white space collapsed, NFC, in `pool`. */
const char *pd_meta__keep(pd_pool *pool, const char *s, size_t len);

#endif
