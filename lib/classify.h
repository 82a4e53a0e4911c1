/* SPDX-License-Identifier: MIT */
/*
 * classify.h: what lib/ shares of the classifier beyond progdiff.h.
 */
#ifndef PD_CLASSIFY_H
#define PD_CLASSIFY_H

#include "progdiff.h"

/**
 * The classifier with the built-in patterns only, made on first use and
 * kept for the process (freed at exit); NULL if it cannot be made.
 */
const pd_classifier *pd_classifier__default(void);

/*
 * What classifying a heading needs besides the classifier: buffers for
 * the cleaned and folded heading and PCRE2 match data, made on first use
 * and reused for every heading after. One per thread: the classifier is
 * only read, so two parses may share it, each with its own scratch.
 */
typedef struct pd_classify_scratch {
	pd_buf clean;
	pd_buf folded;
	void *match_data;    /* pcre2_match_data *, NULL until used */
} pd_classify_scratch;

#define PD_CLASSIFY_SCRATCH_INIT { PD_BUF_INIT, PD_BUF_INIT, NULL }

void pd_classify__scratch_dispose(pd_classify_scratch *scratch);

/**
 * pd_classify_heading() of heading[0..len) with `scratch`. When
 * `valid_utf8` is set the caller vouches that the heading is valid UTF-8
 * (the parser checked the whole document) and PCRE2 does not check it
 * again.
 */
pd_kind pd_classify__heading(const pd_classifier *cls,
                             pd_classify_scratch *scratch,
                             const char *heading, size_t len,
                             int valid_utf8);

#endif
