/* SPDX-License-Identifier: MIT */
/*
 * heading.c: the identity of a heading, and a heading as the classifier
 * reads it.
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
#include "text.h"

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_ascii_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Length of a dash (pd_text_is_dash: "-", "–", "—"...) at s, or 0. */
static size_t dash_len(const char *s, size_t n)
{
	size_t at = 0;

	if (n == 0 || !pd_text_is_dash(pd_text__decode(s, n, &at)))
		return 0;
	return at;
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
			int32_t cp = pd_text__decode(s, n, &at);

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

		if (pd_text__folds_as_latin1(t, tl)) {
			pd_text__fold_latin1_to(t, t, tl);
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
