/* SPDX-License-Identifier: MIT */
/*
 * words.c: the words of a text: the word splitter (letters, digits, and
 * an apostrophe or hyphen between two letters), its byte-class table and
 * its Latin-1 scanner without utf8proc, the stem of a word, and the
 * one-pass word hashes of Latin-1 text with the general path beside it.
 */
#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "swar.h"
#include "text.h"

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_ascii_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

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
#define L_ PD_WORD_LETTER
#define D_ PD_WORD_DIGIT
#define J_ PD_WORD_JOINER
#define P_ PD_WORD_PAIR
#define O_ PD_WORD_OTHER
const unsigned char pd_text__word_class[256] = {
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
			if (!(pd_text__word_class[c] & (PD_WORD_LETTER | PD_WORD_DIGIT)))
				continue;
			cp = c;
		} else if (!is_word_char(cp = pd_text__decode(s, len, &i))) {
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
			if (pd_text__word_class[c] & (PD_WORD_LETTER | PD_WORD_DIGIT)) {
				base = c;
				end = i;
				continue;
			}
			cp = c;
		} else {
			cp = pd_text__decode(s, len, &i);
			if (is_word_char(cp)) {
				if (!is_mark(cp))
					base = cp;    /* marks belong to their base */
				end = i;
				continue;
			}
		}
		if (is_joiner(cp) && is_letter(base) && i < len) {
			j = i;
			next = pd_text__decode(s, len, &j);
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
		return pd_text__word_class[c];
	if ((c != 0xc2 && c != 0xc3) || i + 1 >= len)
		return 0;
	*n = 2;
	low = s[i + 1] & 0x3fu;
	if (c == 0xc3)           /* U+00C0..U+00FF but × and ÷ */
		return (low & 0x1f) == 0x17 ? 0 : PD_WORD_LETTER;
	/* ª, µ, º */
	return (low == 0x2a || low == 0x35 || low == 0x3a) ? PD_WORD_LETTER : 0;
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
		if (pd_text__word_class[s[i]] & (PD_WORD_LETTER | PD_WORD_DIGIT))
			break;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (latin1_token(s, len, i, &n) & PD_WORD_LETTER)
			break;
		i += n;
	}
	ws = i;
	for (;;) {
		size_t from = i;

		/* a run of ASCII letters and digits */
		while (i < len && (pd_text__word_class[s[i]] & (PD_WORD_LETTER | PD_WORD_DIGIT)))
			i++;
		if (i > from)
			last = pd_text__word_class[s[i - 1]];
		if (i >= len)
			break;
		t = latin1_token(s, len, i, &n);
		if (t & (PD_WORD_LETTER | PD_WORD_DIGIT)) {
			last = t;
			i += n;
			continue;
		}
		/* an apostrophe or hyphen between two letters joins them */
		if ((t & PD_WORD_JOINER) && (last & PD_WORD_LETTER) && i + 1 < len) {
			size_t m;
			unsigned nt = latin1_token(s, len, i + 1, &m);

			if (nt & PD_WORD_LETTER) {
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
 * them (its low six bits, as the word splitter reads it). The folded
 * bytes are hashed as they come, in the chunks of pd_text_hash(), so the
 * result is what pd_text_hash() gives for the folded word. A word of
 * letters alone, the bulk of any text, is read eight bytes at a time
 * (fast_word). U+00B5 and U+00DF fold to other letters, and any other
 * byte of 0x80 or above is beyond Latin-1 (or invalid): for those the
 * general path is taken.
 */

/* A word's hash as its folded bytes come one at a time. */
typedef struct word_hash {
	uint64_t h;       /* the whole chunks, mixed */
	uint64_t acc;     /* the bytes of the chunk being filled */
	size_t n;         /* bytes so far */
} word_hash;

static void hash_start(word_hash *w)
{
	w->h = PD_HASH_SEED;
	w->acc = 0;
	w->n = 0;
}

static void hash_byte(word_hash *w, unsigned byte)
{
	w->acc |= (uint64_t)byte << (8 * (w->n & 7));
	if ((++w->n & 7) == 0) {
		w->h = pd_hash_chunk(w->h, w->acc);
		w->acc = 0;
	}
}

static uint64_t hash_value(const word_hash *w)
{
	return pd_hash_end(w->n & 7 ? pd_hash_chunk(w->h, w->acc) : w->h, w->n);
}

/* The stem's hash of a word of `cps` code points, as the one pass and
 * the general path give it: none for a short word or one with a
 * digit or joiner among the stem's code points (`nonletter`). */
static uint64_t stem_of(size_t cps, size_t nonletter, uint64_t word,
                        uint64_t stem)
{
	if (nonletter <= PD_STEM_CODEPOINTS || cps < PD_STEM_MIN_WORD)
		return 0;
	return cps > PD_STEM_CODEPOINTS ? stem : word;
}

#ifdef PD_SWAR_ORDERED
/* The top bit of each byte of w that is an ASCII letter, nothing else. */
static uint64_t ascii_letters(uint64_t w)
{
	uint64_t x = (w | (ONES * 0x20)) & ~HIGHS;    /* lower case, 7 bits */
	uint64_t ge_a = x + ONES * (0x80 - 'a');      /* top bit: x >= 'a' */
	uint64_t gt_z = x + ONES * (0x7f - 'z');      /* top bit: x > 'z' */

	return ge_a & ~gt_z & ~w & HIGHS;
}

/* The position of the n-th (from 1) top bit set in m, which has n. */
static size_t nth_marked(uint64_t m, size_t n)
{
	while (--n)
		m &= m - 1;
	return first_marked(m);
}

/*
 * The word of letters alone at p (an ASCII letter or the first byte of
 * a Latin-1 one), eight bytes at a time: its hash and its stem's in
 * pairv, and where it ends; 0 when the word is not all letters or runs
 * into something else (a digit, a joiner, ×, ß, a byte beyond Latin-1,
 * the last eight bytes), and the byte path reads it instead. A chunk's
 * letters are its ASCII letters, its 0xC3 bytes and the second bytes
 * after them, which fold as ASCII capitals do: by setting 0x20.
 */
static int fast_word(const unsigned char *p, const unsigned char *end,
                     uint64_t pairv[2], const unsigned char **next)
{
	const unsigned char *q = p;
	uint64_t h = PD_HASH_SEED, stem = 0;
	size_t cps = 0;

	for (;;) {
		uint64_t w, letters, seconds, run, mask, folded, starts, odd;
		size_t k, n;

		if (end - q < 8)
			return 0;
		w = load_le64(q);
		letters = ascii_letters(w);
		seconds = w & ~(w << 1) & HIGHS;
		run = letters | seconds | zero_bytes(w ^ (ONES * 0xc3));
		k = ~run & HIGHS ? first_marked(~run & HIGHS) : 8;
		mask = k == 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * k)) - 1;
		/* ×, ÷ (0x97, 0xB7) and ß (0x9F) end a word or fold beyond
		 * Latin-1 */
		odd = zero_bytes((w & ~(ONES * 0x20)) ^ (ONES * 0x97)) |
		      zero_bytes(w ^ (ONES * 0x9f));
		if (odd & seconds & mask)
			return 0;
		/* the code points: the letters that are no second byte */
		starts = (run & ~seconds) & mask;
		n = marked_count(starts);
		folded = w | ((letters | seconds) >> 2);
		if (cps <= PD_STEM_CODEPOINTS && cps + n > PD_STEM_CODEPOINTS) {
			/* the stem ends where its seventh code point starts */
			size_t at = nth_marked(starts, PD_STEM_CODEPOINTS + 1 - cps);
			uint64_t before = ((uint64_t)1 << (8 * at)) - 1;

			stem = pd_hash_end(at ? pd_hash_chunk(h, folded & before) : h,
			                   (size_t)(q - p) + at);
		}
		cps += n;
		if (k)
			h = pd_hash_chunk(h, folded & mask);
		if (k < 8) {
			q += k;
			break;
		}
		q += 8;
	}
	/* a word ends at a byte of no class: a space, a stop, a quote */
	if (pd_text__word_class[*q] != 0)
		return 0;
	pairv[0] = pd_hash_end(h, (size_t)(q - p));
	pairv[1] = stem_of(cps, (size_t)-1, pairv[0], stem);
	*next = q;
	return 1;
}
#endif

/*
 * The code point lead, d (lead 0xC2 or 0xC3) folded: its second byte
 * (the first stays), and its class, PD_WORD_PAIR and PD_WORD_LETTER for a letter, in
 * *cl. 0 for U+00B5 and U+00DF, which fold beyond Latin-1. Capitals
 * U+00C0..U+00DE but U+00D7 fold by adding 0x20.
 */
static unsigned latin1_pair(unsigned lead, unsigned d, unsigned *cl)
{
	unsigned low = d & 0x3f;

	if (lead == 0xc2) {
		*cl = PD_WORD_PAIR | ((low == 0x2a || low == 0x3a) ? PD_WORD_LETTER : 0);
		return low == 0x35 ? 0 : 0x80 | low;
	}
	*cl = PD_WORD_PAIR | ((low & 0x1f) == 0x17 ? 0 : PD_WORD_LETTER);
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
		uint64_t stem_h = 0, pairv[2];
		unsigned t = pd_text__word_class[*p], b2 = 0, last;
		size_t cps = 0, nonletter = (size_t)-1;
		word_hash wh;

		/* between words */
		if (!(t & (PD_WORD_LETTER | PD_WORD_DIGIT))) {
			if (!(t & (PD_WORD_PAIR | PD_WORD_OTHER))) {
				p++;
				continue;
			}
			if ((t & PD_WORD_OTHER) || end - p < 2 ||
			    !(b2 = latin1_pair(p[0], p[1], &t)))
				goto general;
			if (!(t & PD_WORD_LETTER)) {
				p += 2;
				continue;
			}
		}
#ifdef PD_SWAR_ORDERED
		if ((t & PD_WORD_LETTER) && (t == PD_WORD_LETTER || *p == 0xc3) &&
		    fast_word(p, end, pairv, &p))
			goto emit;
#endif
		hash_start(&wh);
		for (;;) {
			/* the code point at p, of class t, is in the word */
			if (t == PD_WORD_LETTER) {
				hash_byte(&wh, *p++ | 0x20u);
			} else if (t & PD_WORD_PAIR) {
				hash_byte(&wh, p[0]);
				hash_byte(&wh, b2);
				p += 2;
			} else {
				/* a digit, or a joiner between letters */
				if (nonletter > cps)
					nonletter = cps;
				hash_byte(&wh, *p++);
			}
			if (++cps == PD_STEM_CODEPOINTS)
				stem_h = hash_value(&wh);
			last = t;
			/* what comes next */
			if (p >= end)
				break;
			t = pd_text__word_class[*p];
			if (t & (PD_WORD_LETTER | PD_WORD_DIGIT))
				continue;
			if (t & PD_WORD_PAIR) {
				if (end - p < 2 ||
				    !(b2 = latin1_pair(p[0], p[1], &t)))
					goto general;
				if (t & PD_WORD_LETTER)
					continue;
				break;
			}
			if (t & PD_WORD_OTHER)
				goto general;
			/* an apostrophe or hyphen between two letters */
			if ((t & PD_WORD_JOINER) && (last & PD_WORD_LETTER) && end - p >= 2) {
				unsigned nt = pd_text__word_class[p[1]], nb2 = 0;

				if (nt & PD_WORD_PAIR) {
					if (end - p < 3 ||
					    !(nb2 = latin1_pair(p[1], p[2], &nt)))
						goto general;
				} else if (nt & PD_WORD_OTHER) {
					goto general;
				}
				if (nt & PD_WORD_LETTER) {
					if (nonletter > cps)
						nonletter = cps;
					hash_byte(&wh, *p++);
					if (++cps == PD_STEM_CODEPOINTS)
						stem_h = hash_value(&wh);
					t = nt;
					b2 = nb2;
					continue;
				}
			}
			break;
		}
		/* a stem: letters only up to its end (and one past it) */
		pairv[0] = hash_value(&wh);
		pairv[1] = stem_of(cps, nonletter, pairv[0], stem_h);
#ifdef PD_SWAR_ORDERED
emit:
#endif
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
