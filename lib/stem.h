/* SPDX-License-Identifier: MIT */
/*
 * stem.h: words reduced to their stems with libstemmer's Snowball
 * stemmers (Swedish, English), so that "Hälsofrämjande" and
 * "hälsofrämjandet", "responsibilities" and "responsibility" compare
 * alike. A stemmer is not shared between threads: each caller makes its
 * own and frees it.
 */
#ifndef PD_STEM_H
#define PD_STEM_H

#include <stddef.h>

#include "progdiff.h"

typedef struct pd_stemmer pd_stemmer;

/** A stemmer for `lang` (PD_LANG_EN English, anything else Swedish). */
pd_stemmer *pd_stem_new(pd_lang lang);
void pd_stem_free(pd_stemmer *st);

/**
 * Append the stem of the folded word `word` (UTF-8, `len` bytes) to
 * `out`; a word the stemmer cannot take is appended as it is.
 */
void pd_stem_word(pd_buf *out, pd_stemmer *st, const char *word, size_t len);

#endif
