/* SPDX-License-Identifier: MIT */
/*
 * text.h: Unicode text handling (utf8proc): validation, NFC, case
 * folding (text.c), heading identity (heading.c), word splitting
 * (words.c). Identity (headings) is compared after NFC and case
 * folding; wording (bodies) byte for byte after NFC.
 */
#ifndef PD_TEXT_H
#define PD_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "progdiff.h"

/**
 * Check that `s` is valid UTF-8 without NUL bytes.
 * @return 0; 1 with *bad_out set to the offset of the first NUL; 2 with
 *         *bad_out at the first byte of an invalid sequence
 */
int pd_text_check(const char *s, size_t len, size_t *bad_out);

/** Append `s` in NFC to `out` (`s` must be valid UTF-8). */
void pd_text_nfc(pd_buf *out, const char *s, size_t len);

/**
 * Append `s` NFC-normalised and case-folded to `out`. Returns 1 when
 * what it appended is all below U+0100 (pd_text_is_latin1), else 0.
 */
int pd_text_fold(pd_buf *out, const char *s, size_t len);

/**
 * Append the identity of a heading: numbering such as "2.", "2.1",
 * "IV.", "A)", "Fokusområde 3:", "Goal 4 –" removed, runs of white space
 * made one space, trimmed, NFC and case-folded.
 * "Fokusområde 3: Näringsliv" → "näringsliv", "2. Infrastruktur" →
 * "infrastruktur", "INFRASTRUKTUR" → "infrastruktur".
 */
void pd_text_heading_key(pd_buf *out, const char *heading, size_t len);

/**
 * Find the next word (a run of letters, digits and joining marks) in
 * s[*pos..len). On success sets *start and *wlen, advances *pos past the
 * word and returns 1; returns 0 at the end.
 */
int pd_text_next_word(const char *s, size_t len, size_t *pos,
                      size_t *start, size_t *wlen);

/**
 * The hash of bytes (see pd_hash_chunk() in swar.h): of a folded word,
 * the key of the matcher's index and of every word set; of a block's
 * text, what the block aligner compares.
 */
uint64_t pd_text_hash(const char *s, size_t len);

/**
 * Is `cp` a dash: "-", U+2010..U+2015 (hyphen to horizontal bar, en and
 * em dash among them) or U+2212 (minus)? The one definition, for
 * numbering ("Mål 3 – …"), periods ("2019–2022") and mentions.
 */
int pd_text_is_dash(int32_t cp);

/** Is `cp` a control character to be escaped on output (C0, DEL, C1)? */
int pd_text_is_control(int32_t cp);

/**
 * Append `s` in NFC with every run of white space (ASCII, Unicode Zs,
 * line and paragraph separators) made one space, leading and trailing
 * white space removed: the plain text of a block or a heading.
 */
void pd_text_normalize(pd_buf *out, const char *s, size_t len);

/**
 * Append a heading as the classifier reads it: like pd_text_heading_key()
 * but not case-folded, and a leading kind word keeps its number
 * ("2. Fokusområde 3: Näringsliv." → "Fokusområde 3: Näringsliv"); only
 * bare numbering ("2.", "2.1", "IV.", "A)", "§ 3") and a trailing ":" or
 * "." go.
 */
void pd_text_heading_clean(pd_buf *out, const char *heading, size_t len);

/** Is `cp` white space (ASCII, Unicode Zs, U+0085, U+2028, U+2029)? */
int pd_text_is_space(int32_t cp);

/**
 * Count the lines of `s` as CommonMark does: LF, CRLF and a lone CR end a
 * line; a last line without a line ending counts. "" has 0 lines.
 */
unsigned pd_text_line_count(const char *s, size_t len);

/** Are all code points of `s` (valid UTF-8) below U+0100? */
int pd_text_is_latin1(const char *s, size_t len);

/**
 * pd_text_next_word() for text that pd_text_is_latin1(): the same words,
 * found without utf8proc. A test holds the two to the same result.
 */
int pd_text_next_word_latin1(const char *s, size_t len, size_t *pos,
                             size_t *start, size_t *wlen);

/**
 * The words of `s` as pairs of uint64_t appended to `out`: the
 * pd_text_hash() of the folded word and of its stem (0 for none), as
 * folding, pd_text_next_word() and pd_text_stem_len() would give them,
 * in one pass. Only for text in Latin-1 (and without U+00B5 or U+00DF):
 * returns 1 and the number of words in *n_out, or 0 having appended
 * nothing, and then the caller takes the general path.
 */
int pd_text_hash_words(pd_buf *out, size_t *n_out, const char *s,
                       size_t len);

/**
 * The general path of pd_text_hash_words(), for any text: `s` folded
 * into `fold` (scratch, cleared first), split and hashed a word at a
 * time. The same pairs, appended to `out`. @return the number of words.
 */
size_t pd_text_hash_words_folded(pd_buf *out, pd_buf *fold, const char *s,
                                 size_t len);

/** Code points of a word's stem, and the shortest word that has one. */
#define PD_STEM_CODEPOINTS 6
#define PD_STEM_MIN_WORD 5

/**
 * The length in bytes of a folded word's stem: its first
 * PD_STEM_CODEPOINTS code points, when the word is letters only and at
 * least PD_STEM_MIN_WORD long; 0 otherwise. Word families share a stem
 * ("klimatfrågan", "klimatet", "klimatomställningen": "klimat"); that is
 * how a theme is recognised in every goal area.
 */
size_t pd_text_stem_len(const char *word, size_t len);

/**
 * The key a document keeps of a stem's pd_text_hash(): 32 bits, 0 only
 * for 0 (no stem). Every stem compared with a document's is made a key
 * first.
 */
static inline uint32_t pd_text_stem_key(uint64_t stem_hash)
{
	uint32_t k = (uint32_t)(stem_hash ^ (stem_hash >> 32));

	return (stem_hash && !k) ? 1u : k;
}

/* ---- shared by text.c, heading.c, words.c and textdiff.c ---- */

/* The classes of pd_text__word_class, a bit each. */
enum pd_text__word_bits {
	PD_WORD_LETTER = 1,   /* an ASCII letter, or with PD_WORD_PAIR a
	                         Latin-1 one */
	PD_WORD_DIGIT = 2,
	PD_WORD_JOINER = 4,   /* ' and -: joins two letters into one word */
	PD_WORD_PAIR = 8,     /* 0xC2, 0xC3: a lead byte of U+0080..U+00FF */
	PD_WORD_OTHER = 16    /* any other byte of 0x80 or above */
};

/**
 * The class of each byte for the words of Latin-1 text: ASCII letters,
 * digits and joiners, the two lead bytes of U+0080..U+00FF, and the rest
 * of the bytes of 0x80 and above (enum pd_text__word_bits). The one
 * byte table of the word scanners.
 */
extern const unsigned char pd_text__word_class[256];

/** The code point at s[*pos], advancing *pos; -1 (one byte) if invalid. */
int32_t pd_text__decode(const char *s, size_t len, size_t *pos);
/** Is s[0..len) nothing but ASCII digits (true for an empty run)? */
int pd_text__all_digits(const char *s, size_t len);

/**
 * Fold text whose code points are all below U+0100 into `dst` (which
 * may be `s`) without utf8proc; 0 when it holds U+00B5, U+00DF or
 * anything beyond U+00FF, and utf8proc must fold it.
 */
int pd_text__fold_latin1_to(char *dst, const char *s, size_t len);

/** Would pd_text__fold_latin1_to() fold `s`? */
int pd_text__folds_as_latin1(const char *s, size_t len);

#endif
