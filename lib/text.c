/* SPDX-License-Identifier: MIT */
/*
 * text.c: Unicode text handling on top of utf8proc: validation, NFC, case
 * folding, white space, hashing and counting lines. The identity of a
 * heading is heading.c's, the words of a text words.c's.
 *
 * Input is assumed to be valid UTF-8 (the parser rejects anything else
 * with pd_text_check()); the other functions do not crash on invalid
 * bytes but copy them or treat them as separators.
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
int32_t pd_text__decode(const char *s, size_t len, size_t *pos)
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
int pd_text__fold_latin1_to(char *dst, const char *s, size_t len)
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

/* Would pd_text__fold_latin1_to() fold `s`? (It writes as much as it reads.) */
int pd_text__folds_as_latin1(const char *s, size_t len)
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
	if (!pd_text__fold_latin1_to(out->ptr + out->size, s, len)) {
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
			int32_t cp = pd_text__decode(str, len, &i);

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

uint64_t pd_text_hash(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint64_t h = PD_HASH_SEED, last = 0;
	size_t i = 0, k;

	for (; i + 8 <= len; i += 8)
		h = pd_hash_chunk(h, load_le64(p + i));
	if (i < len) {
		for (k = 0; i + k < len; k++)
			last |= (uint64_t)p[i + k] << (8 * k);
		h = pd_hash_chunk(h, last);
	}
	return pd_hash_end(h, len);
}

int pd_text_is_dash(int32_t cp)
{
	return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
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

int pd_text__all_digits(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}
