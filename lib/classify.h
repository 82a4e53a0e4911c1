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

#endif
