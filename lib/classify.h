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

/**
 * Headings to classify from which compiling the patterns to machine code
 * (PCRE2's JIT, 1.6 ms for the built-ins) repays itself: the interpreter
 * takes a few microseconds more per heading.
 */
#define PD_CLASSIFY__JIT_HEADINGS 500

/**
 * Ready `cls` for about `headings` headings: from
 * PD_CLASSIFY__JIT_HEADINGS on, its patterns (and those added later)
 * are compiled to machine code, once. Call it before threads share the
 * classifier; what it matches does not change.
 */
void pd_classifier__prepare(const pd_classifier *cls, size_t headings);

/** Are `cls`'s patterns compiled to machine code (for the tests)? */
int pd_classifier__jit(const pd_classifier *cls);

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

enum pd_classify__flags {
	/* the caller vouches that the heading is valid UTF-8 (the parser
	 * checked the whole document): PCRE2 does not check it again */
	PD_CLASSIFY__VALID_UTF8 = (1u << 0),
	/* no shortcut: the whole heading is folded for the patterns of
	 * its ending, not only its end (what the tests compare with) */
	PD_CLASSIFY__EXHAUSTIVE = (1u << 1)
};

/**
 * pd_classify_heading() of heading[0..len) with `scratch`; `flags` from
 * enum pd_classify__flags.
 */
pd_kind pd_classify__heading(const pd_classifier *cls,
                             pd_classify_scratch *scratch,
                             const char *heading, size_t len,
                             unsigned flags);

#endif
