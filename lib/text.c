/* SPDX-License-Identifier: MIT */
/*
 * text.c: Unicode text handling on top of utf8proc: validation, NFC, case
 * folding, white space, words, and the identity of a heading.
 *
 * Input is assumed to be valid UTF-8 (the parser rejects anything else
 * with pd_text_check()); the other functions do not crash on invalid
 * bytes but copy them or treat them as separators.
 *
 * A heading's identity (pd_text_heading_key) is what remains when the way
 * it is numbered is taken away: "2.", "2.1", "IV.", "A)", "§ 3", and a
 * leading kind word with its number ("Fokusområde 3:", "Goal 4 –"). Numbers
 * that belong to a name stay: numbering is at most three digits a group,
 * so "2035 – Vision" and "Agenda 2030" keep theirs.
 */
#include <assert.h>
#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "swar.h"
#include "text.h"

int pd_text_check(const char *s, size_t len, size_t *bad_out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, dummy;

	if (!bad_out)
		bad_out = &dummy;
	while (i < len) {
		unsigned c = p[i];
		size_t n, k;
		uint32_t cp, min;

		if (c < 0x80) {
			uint64_t w, m;

			if (!c) {
				*bad_out = i;
				return 1;
			}
			i++;
			/* eight bytes at a time while all are ASCII and none NUL;
			 * then on to the first that is not */
			while (i + 8 <= len) {
				memcpy(&w, p + i, 8);
				m = (w | ((w - ONES) & ~w)) & HIGHS;
				if (m) {
					i += first_marked(m);
					break;
				}
				i += 8;
			}
			continue;
		}
		/* two bytes (U+0080..U+07FF), the most common, inline */
		if (c >= 0xc2 && c <= 0xdf) {
			if (i + 1 < len && (p[i + 1] & 0xc0) == 0x80) {
				i += 2;
				continue;
			}
			goto bad;
		}
		if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			cp = c & 0x0f;
			min = 0x800;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			cp = c & 0x07;
			min = 0x10000;
		} else {
			goto bad;
		}
		if (len - i <= n)
			goto bad;
		for (k = 1; k <= n; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				goto bad;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		/* overlong forms, surrogates, beyond U+10FFFF */
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto bad;
		i += n + 1;
	}
	return 0;
bad:
	*bad_out = i;
	return 2;
}

/* The code point at s[*pos], advancing *pos; -1 (one byte) if invalid. */
static int32_t decode(const char *s, size_t len, size_t *pos)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;
	unsigned char c = (unsigned char)s[*pos];

	if (c < 0x80) {
		(*pos)++;
		return c;
	}
	n = utf8proc_iterate((const utf8proc_uint8_t *)s + *pos,
	                     (utf8proc_ssize_t)(len - *pos), &cp);
	if (n <= 0) {
		(*pos)++;
		return -1;
	}
	*pos += (size_t)n;
	return cp;
}

/*
 * Apply utf8proc_map(); on invalid input (which the parser never passes)
 * the bytes are copied as they are.
 */
static void map(pd_buf *out, const char *s, size_t len,
                utf8proc_option_t options)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n;

	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
	                 &dst, options);
	if (n == UTF8PROC_ERROR_NOMEM)
		pd__oom();
	if (n < 0) {
		pd_buf_put(out, s, len);
	} else {
		pd_buf_put(out, (const char *)dst, (size_t)n);
	}
	free(dst);
}

/*
 * Text whose bytes are all below 0xCC holds only code points below
 * U+0300, where no character decomposes, composes or is a combining
 * mark: it is in NFC already.
 */
static int maybe_not_nfc(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0xcc)
			return 1;
	return 0;
}

void pd_text_nfc(pd_buf *out, const char *s, size_t len)
{
	if (!maybe_not_nfc(s, len))
		pd_buf_put(out, s, len);
	else
		map(out, s, len, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

/*
 * Case folding of text whose code points are all below U+0100 (ASCII and
 * Latin-1: Swedish, English and most West European text) without
 * utf8proc: such text is in NFC already, and its capitals fold by adding
 * 0x20. The two that fold otherwise (U+00B5 to U+03BC, U+00DF to "ss")
 * and anything beyond U+00FF return 0, and utf8proc does the whole text.
 */
static int fold_latin1_to(char *dst, const char *s, size_t len)
{
	size_t i;
	char *p = dst;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i], d;
		unsigned cp;

		/* eight bytes at a time: 0x20 added to the ASCII capitals
		 * before the first byte that is not ASCII, all eight stored
		 * (the rest as they were: dst may be s), then on to that
		 * byte */
		while (i + 8 <= len) {
			uint64_t w, x, upper, high;

			memcpy(&w, s + i, 8);
			high = w & HIGHS;
			x = w & ~HIGHS;
			upper = (x + ONES * (0x80 - 'A')) &
			        ~(x + ONES * (0x80 - 'Z' - 1)) & HIGHS;
			if (high)
				upper &= before_first_marked(high);
			w |= upper >> 2;
			memcpy(p, &w, 8);
			if (high) {
				size_t k = first_marked(high);

				i += k;
				p += k;
				break;
			}
			i += 8;
			p += 8;
		}
		if (i >= len)
			break;
		c = (unsigned char)s[i];
		if (c < 0x80) {
			*p++ = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
			continue;
		}
		if ((c != 0xc2 && c != 0xc3) || i + 1 >= len)
			return 0;
		d = (unsigned char)s[++i];
		cp = ((c & 0x1fu) << 6) | (d & 0x3fu);
		if (cp == 0xb5 || cp == 0xdf)
			return 0;
		if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
			cp += 0x20;
		*p++ = (char)(0xc0 | (cp >> 6));
		*p++ = (char)(0x80 | (cp & 0x3f));
	}
	return 1;
}

/* Would fold_latin1_to() fold `s`? (It writes as much as it reads.) */
static int folds_as_latin1(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c;

		/* ASCII eight bytes at a time, then its first other byte */
		while (i + 8 <= len) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if (w & HIGHS) {
				i += first_marked(w & HIGHS);
				break;
			}
			i += 8;
		}
		if (i >= len)
			break;
		c = (unsigned char)s[i];
		if (c < 0x80)
			continue;
		if ((c != 0xc2 && c != 0xc3) || i + 1 >= len)
			return 0;
		c = (unsigned char)(((c & 0x1fu) << 6) | (s[++i] & 0x3fu));
		if (c == 0xb5 || c == 0xdf)
			return 0;
	}
	return 1;
}

static int fold_latin1(pd_buf *out, const char *s, size_t len)
{
	pd_buf_grow(out, len);
	if (!fold_latin1_to(out->ptr + out->size, s, len)) {
		out->ptr[out->size] = '\0';
		return 0;
	}
	out->size += len;
	out->ptr[out->size] = '\0';
	return 1;
}

int pd_text_fold(pd_buf *out, const char *s, size_t len)
{
	size_t start = out->size;

	if (fold_latin1(out, s, len))
		return 1;
	pd_buf_truncate(out, start);
	map(out, s, len, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_CASEFOLD);
	return 0;
}

int pd_text_is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
		return 1;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/*
 * Bytes that collapse() looks at: ASCII white space, and the lead bytes
 * of code points that may be white space or need NFC (0xC2: U+0085 and
 * U+00A0; 0xE1..0xE3: U+1680, U+2000..U+3000; 0xCC and above) or are
 * invalid. Anything else, 0xC3 (U+00C0..U+00FF) and continuation bytes
 * included, is copied as it is: a continuation byte stands for itself
 * as the byte after a 0xC3 and as a stray, invalid byte alike.
 */
static const unsigned char collapse_class[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
};

/*
 * Are the eight bytes at p copied by collapse() as they are, after text:
 * none below 0x20, no lead byte of 0xC0 or above but 0xC3, and every
 * space single and followed by text, the last by the byte after them?
 */
static int plain8(const unsigned char *p, const unsigned char *end)
{
	uint64_t w, sp, lead;

	memcpy(&w, p, 8);
	if (((w - ONES * 0x20) & ~w & HIGHS) ||
	    (p[7] == ' ' && (end - p < 9 || collapse_class[p[8]])))
		return 0;
	lead = w & (w << 1) & HIGHS & ~zero_bytes(w ^ (ONES * 0xc3));
	sp = zero_bytes(w ^ (ONES * 0x20));
	return !lead && !(sp & (sp >> 8));
}

/*
 * Copy text from p on after text was copied: bytes collapse_class passes,
 * and single spaces before more of them, which stay as they are. @return
 * where the copy stopped.
 */
static const unsigned char *copy_run(char **o_io, const unsigned char *p,
                                     const unsigned char *end)
{
	char *o = *o_io;

	for (;;) {
		const unsigned char *lim = end - p > 8 ? p + 8 : end;

		if (end - p >= 8 && plain8(p, end)) {
			memcpy(o, p, 8);
			o += 8;
			p += 8;
			continue;
		}
		while (p < lim) {
			unsigned c = *p;

			if (!collapse_class[c]) {
				*o++ = (char)c;
				p++;
				continue;
			}
			if (c != ' ' || end - p < 2 || collapse_class[p[1]]) {
				*o_io = o;
				return p;
			}
			*o++ = ' ';
			*o++ = (char)p[1];
			p += 2;
		}
		if (p >= end) {
			*o_io = o;
			return p;
		}
	}
}

/*
 * Append `s` with white space runs made one space, trimmed. Returns 1
 * when what it appended has a byte of 0xCC or above (may not be NFC).
 */
static int collapse(pd_buf *out, const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str, *p = s;
	const unsigned char *end = s + len;
	int pending = 0, any = 0, nfc = 0;
	char *o;

	/* the result is never longer: a run of spaces becomes one or none */
	pd_buf_grow(out, len);
	o = out->ptr + out->size;
	while (p < end) {
		unsigned c = *p;
		const unsigned char *at = p;

		if (!collapse_class[c]) {
			if (pending)
				*o++ = ' ';
			pending = 0;
			any = 1;
			*o++ = (char)c;
			p = copy_run(&o, p + 1, end);
			continue;
		}
		if (c < 0x80) {
			pending = any;
			p++;
			continue;
		}
		{
			size_t i = (size_t)(p - s);
			int32_t cp = decode(str, len, &i);

			p = s + i;
			if (cp >= 0 && pd_text_is_space(cp)) {
				pending = any;
				continue;
			}
		}
		if (pending)
			*o++ = ' ';
		pending = 0;
		any = 1;
		if (c >= 0xcc)
			nfc = 1;
		while (at < p)
			*o++ = (char)*at++;
	}
	out->size = (size_t)(o - out->ptr);
	out->ptr[out->size] = '\0';
	return nfc;
}

void pd_text_normalize(pd_buf *out, const char *s, size_t len)
{
	size_t start = out->size;
	pd_buf tmp = PD_BUF_INIT;

	/* collapsed straight into `out`; only text that may not be in NFC
	 * (a byte of U+0300 or above) goes through utf8proc */
	if (!collapse(out, s, len))
		return;
	pd_buf_put(&tmp, out->ptr + start, out->size - start);
	pd_buf_truncate(out, start);
	pd_text_nfc(out, tmp.ptr, tmp.size);
	pd_buf_dispose(&tmp);
}

/* ------------------------------------------------------------------ */
/* Heading identity                                                    */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_ascii_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Length of a dash ("-", "–", "—") at s, or 0. */
static size_t dash_len(const char *s, size_t n)
{
	if (n >= 1 && s[0] == '-')
		return 1;
	if (n >= 3 && (unsigned char)s[0] == 0xe2 &&
	    (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
		return 3;
	return 0;
}

/* The index of the first non-space at or after s[i]. */
static size_t spaces(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/*
 * A section number "2", "2.1", "10.3.2": groups of one to three digits
 * joined by dots (a dot is part of it only when a digit follows). Years
 * are not numbering. @return its length, 0 if none; *groups_out counts
 * the groups, *first_out the digits of the first.
 */
static size_t number_len(const char *s, size_t n, int *groups_out,
                         size_t *first_out)
{
	size_t i = 0, d;
	int groups = 0;

	for (;;) {
		d = 0;
		while (i + d < n && is_digit(s[i + d]))
			d++;
		if (d == 0 || d > 3)
			return 0;
		if (!groups && first_out)
			*first_out = d;
		groups++;
		i += d;
		if (groups_out)
			*groups_out = groups;
		if (i + 1 < n && s[i] == '.' && is_digit(s[i + 1]))
			i++;
		else
			return i;
	}
}

/*
 * A roman numeral I..XXXIX, all capitals or all small letters, not
 * followed by a letter.
 */
static size_t roman_len(const char *s, size_t n)
{
	static const struct {
		char s[8];
		unsigned char len;
	} romans[] = {
		{ "XXXVIII", 7 }, { "XXXVII", 6 }, { "XXVIII", 6 },
		{ "XXXIII", 6 }, { "XXXIV", 5 }, { "XXXIX", 5 }, { "XXXVI", 5 },
		{ "XXVII", 5 }, { "XXIII", 5 }, { "XVIII", 5 }, { "XXXII", 5 },
		{ "XXXV", 4 }, { "XXXI", 4 }, { "XXIV", 4 }, { "XXIX", 4 },
		{ "XXVI", 4 }, { "XXII", 4 }, { "XVII", 4 }, { "XIII", 4 },
		{ "VIII", 4 }, { "XXX", 3 }, { "XXV", 3 }, { "XXI", 3 },
		{ "XIV", 3 }, { "XIX", 3 }, { "XVI", 3 }, { "XII", 3 },
		{ "VII", 3 }, { "III", 3 }, { "XX", 2 }, { "XV", 2 },
		{ "XI", 2 }, { "IV", 2 }, { "IX", 2 }, { "VI", 2 }, { "II", 2 },
		{ "X", 1 }, { "V", 1 }, { "I", 1 }
	};
	size_t k, i, rl;

	if (!n || ((s[0] & ~0x20) != 'I' && (s[0] & ~0x20) != 'V' &&
	           (s[0] & ~0x20) != 'X'))
		return 0;
	for (k = 0; k < sizeof(romans) / sizeof(romans[0]); k++) {
		rl = romans[k].len;
		if (rl > n || (s[0] & ~0x20) != romans[k].s[0])
			continue;
		for (i = 0; i < rl; i++)
			if ((s[i] & ~0x20) != romans[k].s[i])
				break;
		if (i < rl || (rl < n && is_ascii_alpha(s[rl])))
			continue;
		for (i = 1; i < rl; i++)
			if ((s[i] & 0x20) != (s[0] & 0x20))
				return 0;        /* "Vi", not "VI" */
		return rl;
	}
	return 0;
}

/*
 * The separator after a number: "." ")" ":" followed by a space or the
 * end, or a spaced dash " – ". @return its length with the spaces after
 * it, 0 if there is none.
 */
static size_t sep_len(const char *s, size_t n)
{
	size_t i = 0, d;

	if (n == 0)
		return 0;
	if (s[0] == '.' || s[0] == ')' || s[0] == ':') {
		i = 1;
		if (i < n && s[i] != ' ')
			return 0;
		i = spaces(s, n, i);
		if ((d = dash_len(s + i, n - i)) && (i + d == n ||
		    s[i + d] == ' '))
			i = spaces(s, n, i + d);
		return i;
	}
	i = spaces(s, n, 0);
	if (i == 0 && (d = dash_len(s, n)) == 0)
		return 0;
	if ((d = dash_len(s + i, n - i)) && (i + d == n || s[i + d] == ' '))
		return spaces(s, n, i + d);
	return 0;
}

/*
 * Does `s` start with `word` (ASCII letters, space, "-", "å", "ä", "ö")
 * case-insensitively, ending there at a word boundary? @return its
 * length in `s`, or 0.
 */
static size_t word_prefix(const char *s, size_t n, const char *word)
{
	size_t i = 0, j = 0;

	while (word[j]) {
		unsigned char w = (unsigned char)word[j];

		if (i >= n)
			return 0;
		if (w == 0xc3 && word[j + 1]) {
			/* å ä ö é (C3 A5/A4/B6/A9), or their capitals
			 * (C3 85/84/96/89) */
			unsigned char lw = (unsigned char)word[j + 1];

			if (i + 1 >= n || (unsigned char)s[i] != 0xc3 ||
			    ((unsigned char)s[i + 1] != lw &&
			     (unsigned char)s[i + 1] != lw - 0x20))
				return 0;
			i += 2;
			j += 2;
			continue;
		}
		if ((s[i] | 0x20) != (char)(w | 0x20) ||
		    (w < 'a' && s[i] != (char)w))
			return 0;
		i++;
		j++;
	}
	if (i < n && (is_ascii_alpha(s[i]) || (unsigned char)s[i] >= 0x80))
		return 0;
	return i;
}

/* Words that name what a heading is, written before its number. */
static const char *const kind_words[] = {
	"prioriterat område", "strategiskt område", "fokusområde",
	"målområde", "insatsområde", "utvecklingsområde", "temaområde",
	"område", "tema", "delmål", "effektmål", "huvudmål", "mål",
	"kapitel", "avsnitt", "del", "etapp", "åtgärd", "aktivitet",
	"insats", "indikator", "priority area", "focus area", "goal area",
	"strategic area", "key area", "strategic theme", "strategic priority",
	"strategic objective", "strategic goal", "priority", "pillar",
	"theme", "sub-goal", "subgoal", "goal", "objective", "target",
	"chapter", "section", "part", "action", "measure", "activity",
	"indicator", "area", NULL
};

/*
 * The first letter of each kind word, small (| 0x20; å is 0xC3 | 0x20),
 * in the same order: memchr() finds the words a heading may start with.
 */
static const char kind_firsts[] =
	"psfmiutotdehmkade\xe3" "aiipfgsksssspptssgotcspamaia";
typedef char kind_firsts_one_a_word[sizeof(kind_firsts) ==
	sizeof(kind_words) / sizeof(kind_words[0]) ? 1 : -1];

/* "Fokusområdet Infrastruktur": the word names the kind, the rest the area */
static const char *const definite_kind_words[] = {
	"fokusområdet", "målområdet", "insatsområdet", "utvecklingsområdet",
	"temaområdet", NULL
};

/* One piece of numbering at the start of s, with what separates it. */
static size_t strip_one(const char *s, size_t n, int with_kind_words)
{
	size_t i, d, sl, first_digits = 0;
	int groups = 0, k;
	unsigned char first;

	/* "§ 3", "§3." */
	if (n >= 2 && (unsigned char)s[0] == 0xc2 &&
	    (unsigned char)s[1] == 0xa7) {
		i = spaces(s, n, 2);
		if (!(d = number_len(s + i, n - i, NULL, NULL)))
			return 0;
		i += d;
		if (i < n && is_ascii_alpha(s[i]) && (i + 1 == n ||
		    !is_ascii_alpha(s[i + 1])))
			i++;                     /* "§ 3a" */
		if (i == n)
			return i;
		if ((sl = sep_len(s + i, n - i)))
			return i + sl;
		return s[i] == ' ' ? spaces(s, n, i) : 0;
	}
	/* "2.", "2.1.", "2)", "2 –", "2.1 Text", "1 Inledning" */
	if (is_digit(s[0])) {
		if (!(d = number_len(s, n, &groups, &first_digits)))
			return 0;
		if (d == n)
			return d;
		if ((sl = sep_len(s + d, n - d)))
			return d + sl;
		if (s[d] == ' ' && d + 1 < n) {
			size_t at = d + 1;
			int32_t cp = decode(s, n, &at);

			if (groups > 1)
				return d + 1;
			if (first_digits <= 2 && cp > 0 &&
			    utf8proc_category(cp) ==
			    UTF8PROC_CATEGORY_LU)
				return d + 1;
		}
		return 0;
	}
	/* "IV.", "iv)", "II –" */
	if ((d = roman_len(s, n)) && d < n && (sl = sep_len(s + d, n - d)))
		return d + sl;
	/* "A)", "b." */
	if (is_ascii_alpha(s[0]) && n > 2 && (s[1] == ')' || s[1] == '.') &&
	    s[2] == ' ')
		return spaces(s, n, 2);
	if (!with_kind_words)
		return 0;
	/* "Fokusområde 3:", "Goal 4 –", "Mål 1 Text", "Målområde: Text";
	 * a word that does not start with s's first letter cannot match */
	first = (unsigned char)(s[0] | 0x20);
	for (k = 0; kind_words[k]; k++) {
		size_t w, num = 0;
		const char *next = memchr(kind_firsts + k, first,
		                          sizeof(kind_firsts) - 1 - (size_t)k);

		if (!next)
			break;
		k = (int)(next - kind_firsts);
		assert((unsigned char)(kind_words[k][0] | 0x20) == first);
		if (!(w = word_prefix(s, n, kind_words[k])))
			continue;
		i = spaces(s, n, w);
		if (i < n && is_digit(s[i]) &&
		    (num = number_len(s + i, n - i, NULL, NULL))) {
			i += num;
			if (i == n)
				return i;
			if ((sl = sep_len(s + i, n - i)))
				return i + sl;
			return s[i] == ' ' ? spaces(s, n, i) : 0;
		}
		/* "Del IV:", "Mål A –": a letter needs a separator */
		if (i > w && i < n) {
			num = roman_len(s + i, n - i);
			if (!num && is_ascii_alpha(s[i]) &&
			    (i + 1 == n || !is_ascii_alpha(s[i + 1])))
				num = 1;
			if (num && (i + num == n ||
			    (sl = sep_len(s + i + num, n - i - num))))
				return i + num == n ? n : i + num + sl;
		}
		if (i < n && s[i] == ':')
			return spaces(s, n, i + 1);
		if ((d = dash_len(s + i, n - i)) && i > w && i + d < n &&
		    s[i + d] == ' ')
			return spaces(s, n, i + d);
		return 0;
	}
	for (k = 0; definite_kind_words[k]; k++) {
		size_t w;

		if ((unsigned char)(definite_kind_words[k][0] | 0x20) != first)
			continue;
		w = word_prefix(s, n, definite_kind_words[k]);

		if (w && w + 1 < n && s[w] == ' ')
			return spaces(s, n, w);
		if (w && w < n && s[w] == ':')
			return spaces(s, n, w + 1);
	}
	return 0;
}

/*
 * Heading text made plain (NFC, white space collapsed) with numbering
 * and trailing ":"/"." removed; case-folded and without kind words when
 * `key`. A heading that is nothing but numbering keeps it.
 */
static void heading_norm(pd_buf *out, const char *heading, size_t len,
                         int key)
{
	size_t base = out->size, n, skip = 0, end, k;
	const char *flat;
	int round;

	/* made plain in `out` itself, then cut and folded in place */
	pd_text_normalize(out, heading, len);
	flat = out->ptr + base;
	n = out->size - base;
	for (round = 0; round < 4 && skip < n; round++) {
		if (!(k = strip_one(flat + skip, n - skip, key)))
			break;
		skip += k;
	}
	for (;;) {
		end = n;
		while (end > skip && (flat[end - 1] == ':' ||
		       flat[end - 1] == '.' || flat[end - 1] == ' '))
			end--;
		if (end > skip || skip == 0)
			break;
		skip = 0;          /* only numbering: keep it */
	}
	if (end == 0)
		end = n;           /* only dots and colons: keep them */
	memmove(out->ptr + base, flat + skip, end - skip);
	pd_buf_truncate(out, base + (end - skip));
	if (key) {
		char *t = out->ptr + base;
		size_t tl = out->size - base;

		if (folds_as_latin1(t, tl)) {
			fold_latin1_to(t, t, tl);
		} else {
			pd_buf tmp = PD_BUF_INIT;

			pd_buf_put(&tmp, t, tl);
			pd_buf_truncate(out, base);
			pd_text_fold(out, tmp.ptr, tmp.size);
			pd_buf_dispose(&tmp);
		}
	}
}

void pd_text_heading_key(pd_buf *out, const char *heading, size_t len)
{
	heading_norm(out, heading, len, 1);
}

void pd_text_heading_clean(pd_buf *out, const char *heading, size_t len)
{
	heading_norm(out, heading, len, 0);
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

/* Latin-1's letters: À-ÿ but × and ÷, and ª, µ, º (no utf8proc call). */
static int is_latin1_letter(int32_t cp)
{
	return (cp >= 0xc0 && cp != 0xd7 && cp != 0xf7) ||
	       cp == 0xaa || cp == 0xb5 || cp == 0xba;
}

static int is_letter(int32_t cp)
{
	if (cp < 0)
		return 0;
	if (cp < 0x80)
		return is_ascii_alpha((char)cp);
	if (cp < 0x100)
		return is_latin1_letter(cp);
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return 1;
	default:
		return 0;
	}
}

static int is_mark(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x300)
		return 0;
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC;
}

static int is_word_char(int32_t cp)
{
	if (cp < 0)
		return 0;
	if (cp < 0x80)
		return is_ascii_alpha((char)cp) || is_digit((char)cp);
	if (cp < 0x100)
		return is_latin1_letter(cp);
	return is_letter(cp) || is_mark(cp) ||
	       utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

/*
 * The class of each byte for the words of Latin-1 text: ASCII letters,
 * digits and joiners, the two lead bytes of U+0080..U+00FF, and the rest
 * of the bytes of 0x80 and above.
 */
enum {
	W_LETTER = 1,   /* an ASCII letter, or with W_PAIR a Latin-1 one */
	W_DIGIT = 2,
	W_JOINER = 4,   /* ' and -: joins two letters into one word */
	W_PAIR = 8,     /* 0xC2, 0xC3: a lead byte of U+0080..U+00FF */
	W_OTHER = 16    /* any other byte of 0x80 or above */
};

#define L_ W_LETTER
#define D_ W_DIGIT
#define J_ W_JOINER
#define P_ W_PAIR
#define O_ W_OTHER
static const unsigned char word_class[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, J_, 0, 0, 0, 0, 0, J_, 0, 0,
	D_, D_, D_, D_, D_, D_, D_, D_, D_, D_, 0, 0, 0, 0, 0, 0,
	0, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_,
	L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, 0, 0, 0, 0, 0,
	0, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_,
	L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, 0, 0, 0, 0, 0,
	O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_,
	O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_,
	O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_,
	O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_,
	O_, O_, P_, P_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_,
	O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_,
	O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_,
	O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_
};
#undef L_
#undef D_
#undef J_
#undef P_
#undef O_

/* An apostrophe or hyphen, which joins two letters into one word. */
static int is_joiner(int32_t cp)
{
	return cp == '\'' || cp == '-' || cp == 0x2019 || cp == 0x2010 ||
	       cp == 0x2011;
}

int pd_text_next_word(const char *s, size_t len, size_t *pos,
                      size_t *start, size_t *wlen)
{
	size_t i = *pos, ws = 0, end = 0;
	int32_t cp, base = -1;
	int found = 0;

	/* ASCII is classed by word_class, without a call */
	while (i < len && !found) {
		size_t at = i;
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			i++;
			if (!(word_class[c] & (W_LETTER | W_DIGIT)))
				continue;
			cp = c;
		} else if (!is_word_char(cp = decode(s, len, &i))) {
			continue;
		}
		found = 1;
		ws = at;
		end = i;
		base = cp;
	}
	if (!found) {
		*pos = len;
		return 0;
	}
	while (i < len) {
		size_t j;
		int32_t next;
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			i++;
			if (word_class[c] & (W_LETTER | W_DIGIT)) {
				base = c;
				end = i;
				continue;
			}
			cp = c;
		} else {
			cp = decode(s, len, &i);
			if (is_word_char(cp)) {
				if (!is_mark(cp))
					base = cp;    /* marks belong to their base */
				end = i;
				continue;
			}
		}
		if (is_joiner(cp) && is_letter(base) && i < len) {
			j = i;
			next = decode(s, len, &j);
			if (is_letter(next)) {
				base = next;
				end = i = j;
				continue;
			}
		}
		break;
	}
	*start = ws;
	*wlen = end - ws;
	*pos = end;
	return 1;
}

uint64_t pd_text_hash(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint64_t h = FNV_BASIS;
	size_t i = 0;

	/* four bytes a round: the same FNV-1a, less loop */
	for (; i + 4 <= len; i += 4) {
		h = (h ^ p[i]) * FNV_PRIME;
		h = (h ^ p[i + 1]) * FNV_PRIME;
		h = (h ^ p[i + 2]) * FNV_PRIME;
		h = (h ^ p[i + 3]) * FNV_PRIME;
	}
	for (; i < len; i++)
		h = (h ^ p[i]) * FNV_PRIME;
	return h;
}

int pd_text_is_control(int32_t cp)
{
	return (cp >= 0 && cp < 0x20) || cp == 0x7f ||
	       (cp >= 0x80 && cp < 0xa0);
}

unsigned pd_text_line_count(const char *s, size_t len)
{
	unsigned n = 0;
	size_t i;

	if (!memchr(s, '\r', len)) {
		/* LF only, the usual case: let memchr find them */
		const char *p = s, *end = s + len;

		while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
			n++;
			p++;
		}
		return n + (len && s[len - 1] != '\n');
	}
	for (i = 0; i < len; i++) {
		if (s[i] == '\n') {
			n++;
		} else if (s[i] == '\r') {
			n++;
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
		}
	}
	if (len && s[len - 1] != '\n' && s[len - 1] != '\r')
		n++;
	return n;
}

size_t pd_text_stem_len(const char *w, size_t len)
{
	size_t i, cps = 0, end = 0;

	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)w[i];

		if (ch < 0x80 && !((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
			return 0;        /* digits and joiners: no stem */
		if ((ch & 0xc0) != 0x80) {
			if (cps == PD_STEM_CODEPOINTS)
				break;
			cps++;
		}
		end = i + 1;
	}
	if (i == len && cps < PD_STEM_MIN_WORD)
		return 0;
	return end;
}

/*
 * pd_text_next_word for text whose code points are all below U+0100: the
 * same words (letters, digits, and an apostrophe or hyphen between two
 * letters), without utf8proc or a decoding call per character. The
 * class of the code point at s[i] (0 for anything not in a word), its
 * length in *n: a 0xC2 or 0xC3 with a byte after it is one code point
 * whatever that byte, any other byte of 0x80 or above one byte.
 */
static unsigned latin1_token(const unsigned char *s, size_t len, size_t i,
                             size_t *n)
{
	unsigned c = s[i], low;

	*n = 1;
	if (c < 0x80)
		return word_class[c];
	if ((c != 0xc2 && c != 0xc3) || i + 1 >= len)
		return 0;
	*n = 2;
	low = s[i + 1] & 0x3fu;
	if (c == 0xc3)           /* U+00C0..U+00FF but × and ÷ */
		return (low & 0x1f) == 0x17 ? 0 : W_LETTER;
	/* ª, µ, º */
	return (low == 0x2a || low == 0x35 || low == 0x3a) ? W_LETTER : 0;
}

int pd_text_next_word_latin1(const char *str, size_t len, size_t *pos,
                             size_t *start, size_t *wlen)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = *pos, ws, n;
	unsigned t, last = 0;

	for (;;) {
		if (i >= len) {
			*pos = len;
			return 0;
		}
		if (word_class[s[i]] & (W_LETTER | W_DIGIT))
			break;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (latin1_token(s, len, i, &n) & W_LETTER)
			break;
		i += n;
	}
	ws = i;
	for (;;) {
		size_t from = i;

		/* a run of ASCII letters and digits */
		while (i < len && (word_class[s[i]] & (W_LETTER | W_DIGIT)))
			i++;
		if (i > from)
			last = word_class[s[i - 1]];
		if (i >= len)
			break;
		t = latin1_token(s, len, i, &n);
		if (t & (W_LETTER | W_DIGIT)) {
			last = t;
			i += n;
			continue;
		}
		/* an apostrophe or hyphen between two letters joins them */
		if ((t & W_JOINER) && (last & W_LETTER) && i + 1 < len) {
			size_t m;
			unsigned nt = latin1_token(s, len, i + 1, &m);

			if (nt & W_LETTER) {
				last = nt;
				i += 1 + m;
				continue;
			}
		}
		break;
	}
	*start = ws;
	*wlen = i - ws;
	*pos = i;
	return 1;
}

int pd_text_is_latin1(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	/* eight bytes at a time: none a lead byte (0xC0 and above) but
	 * 0xC2 and 0xC3 */
	for (; i + 8 <= len; i += 8) {
		uint64_t w;

		memcpy(&w, p + i, 8);
		if (w & (w << 1) & HIGHS &
		    ~zero_bytes((w & ~(ONES * 0x01)) ^ (ONES * 0xc2)))
			return 0;
	}
	for (; i < len; i++) {
		unsigned char c = p[i];

		if (c >= 0x80 && c != 0xc2 && c != 0xc3 && (c & 0xc0) != 0x80)
			return 0;
	}
	return 1;
}

/*
 * The one pass over Latin-1 text. A const table classes every byte; the
 * two lead bytes of U+0080..U+00FF are decoded inline with the byte after
 * them (its low six bits, as the word splitter reads it). Hashing is
 * FNV-1a over the folded bytes as they come, so the result is what
 * pd_text_hash() gives for the folded word; runs of ASCII letters, the
 * bulk of any text, are hashed in a loop of their own. U+00B5 and U+00DF
 * fold to other letters, and any other byte of 0x80 or above is beyond
 * Latin-1 (or invalid): for those the general path is taken.
 */


/*
 * The code point lead, d (lead 0xC2 or 0xC3) folded: its second byte
 * (the first stays), and its class, W_PAIR and W_LETTER for a letter, in
 * *cl. 0 for U+00B5 and U+00DF, which fold beyond Latin-1. Capitals
 * U+00C0..U+00DE but U+00D7 fold by adding 0x20.
 */
static unsigned latin1_pair(unsigned lead, unsigned d, unsigned *cl)
{
	unsigned low = d & 0x3f;

	if (lead == 0xc2) {
		*cl = W_PAIR | ((low == 0x2a || low == 0x3a) ? W_LETTER : 0);
		return low == 0x35 ? 0 : 0x80 | low;
	}
	*cl = W_PAIR | ((low & 0x1f) == 0x17 ? 0 : W_LETTER);
	if (low == 0x1f)
		return 0;
	return low == 0x17 ? 0x97 : 0xa0 | low;
}

size_t pd_text_hash_words_folded(pd_buf *out, pd_buf *fold, const char *s,
                                 size_t len)
{
	size_t pos = 0, ws, wl, n = 0;
	int latin1;

	pd_buf_clear(fold);
	latin1 = pd_text_fold(fold, s, len);
	while (latin1 ?
	       pd_text_next_word_latin1(fold->ptr, fold->size, &pos, &ws, &wl) :
	       pd_text_next_word(fold->ptr, fold->size, &pos, &ws, &wl)) {
		size_t sl = pd_text_stem_len(fold->ptr + ws, wl);
		uint64_t pairv[2];

		pairv[0] = pd_text_hash(fold->ptr + ws, wl);
		pairv[1] = sl ? pd_text_hash(fold->ptr + ws, sl) : 0;
		pd_buf_put(out, (const char *)pairv, sizeof(pairv));
		n++;
	}
	return n;
}

int pd_text_hash_words(pd_buf *out, size_t *n_out, const char *str,
                       size_t len)
{
	const unsigned char *p = (const unsigned char *)str, *end = p + len;
	size_t start = out->size, n = 0;
	char *w, *wend;    /* where the next pair goes; the room for pairs */

	pd_buf_grow(out, 2 * sizeof(uint64_t));
	w = out->ptr + out->size;
	wend = out->ptr + out->asize - 1;
	while (p < end) {
		uint64_t h = FNV_BASIS, stem_h = 0, pairv[2];
		unsigned t = word_class[*p], b2 = 0, last;
		size_t cps = 0, nonletter = (size_t)-1;

		/* between words */
		if (!(t & (W_LETTER | W_DIGIT))) {
			if (!(t & (W_PAIR | W_OTHER))) {
				p++;
				continue;
			}
			if ((t & W_OTHER) || end - p < 2 ||
			    !(b2 = latin1_pair(p[0], p[1], &t)))
				goto general;
			if (!(t & W_LETTER)) {
				p += 2;
				continue;
			}
		}
		for (;;) {
			/* the code point at p, of class t, is in the word */
			if (t == W_LETTER) {
				const unsigned char *from = p, *stop = end;
				uint64_t c = *p;

				/* stop after the stem's last code point */
				if (cps < PD_STEM_CODEPOINTS &&
				    (size_t)(end - p) > PD_STEM_CODEPOINTS - cps)
					stop = p + (PD_STEM_CODEPOINTS - cps);
				for (;;) {
					h = (h ^ (c | 0x20)) * FNV_PRIME;
					if (++p == stop ||
					    word_class[c = *p] != W_LETTER)
						break;
				}
				cps += (size_t)(p - from);
			} else {
				if (t & W_PAIR) {
					h = (h ^ p[0]) * FNV_PRIME;
					h = (h ^ b2) * FNV_PRIME;
					p += 2;
				} else {
					/* a digit, or a joiner between letters */
					if (nonletter > cps)
						nonletter = cps;
					h = (h ^ *p++) * FNV_PRIME;
				}
				cps++;
			}
			if (cps == PD_STEM_CODEPOINTS)
				stem_h = h;
			last = t;
			/* what comes next */
			if (p >= end)
				break;
			t = word_class[*p];
			if (t & (W_LETTER | W_DIGIT))
				continue;
			if (t & W_PAIR) {
				if (end - p < 2 ||
				    !(b2 = latin1_pair(p[0], p[1], &t)))
					goto general;
				if (t & W_LETTER)
					continue;
				break;
			}
			if (t & W_OTHER)
				goto general;
			/* an apostrophe or hyphen between two letters */
			if ((t & W_JOINER) && (last & W_LETTER) && end - p >= 2) {
				unsigned nt = word_class[p[1]], nb2 = 0;

				if (nt & W_PAIR) {
					if (end - p < 3 ||
					    !(nb2 = latin1_pair(p[1], p[2], &nt)))
						goto general;
				} else if (nt & W_OTHER) {
					goto general;
				}
				if (nt & W_LETTER) {
					if (nonletter > cps)
						nonletter = cps;
					h = (h ^ *p++) * FNV_PRIME;
					if (++cps == PD_STEM_CODEPOINTS)
						stem_h = h;
					t = nt;
					b2 = nb2;
					continue;
				}
			}
			break;
		}
		/* a stem: letters only up to its end (and one past it) */
		pairv[0] = h;
		if (nonletter <= PD_STEM_CODEPOINTS || cps < PD_STEM_MIN_WORD)
			pairv[1] = 0;
		else
			pairv[1] = cps > PD_STEM_CODEPOINTS ? stem_h : h;
		if ((size_t)(wend - w) < sizeof(pairv)) {
			out->size = (size_t)(w - out->ptr);
			pd_buf_grow(out, sizeof(pairv));
			w = out->ptr + out->size;
			wend = out->ptr + out->asize - 1;
		}
		memcpy(w, pairv, sizeof(pairv));
		w += sizeof(pairv);
		n++;
	}
	out->size = (size_t)(w - out->ptr);
	out->ptr[out->size] = '\0';
	*n_out = n;
	return 1;
general:
	out->ptr[start] = '\0';
	out->size = start;
	return 0;
}
