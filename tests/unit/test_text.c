/* SPDX-License-Identifier: MIT */
/* test_text.c: validation, NFC, folding, heading keys, words (text.c). */
#include "harness.h"
#include "helpers.h"
#include "swar.h"
#include "text.h"

#include <utf8proc.h>

static int check(const char *s, size_t len, size_t *bad)
{
	*bad = (size_t)-1;
	return pd_text_check(s, len, bad);
}

static void test_text__check_valid(void)
{
	size_t bad;
	const char *mixed = "Hållbar tillväxt – 2035 😀";

	INT_EQ(check("", 0, &bad), 0, "empty text is valid");
	INT_EQ(check(mixed, strlen(mixed), &bad), 0,
	       "two, three and four byte sequences are valid");
	INT_EQ(check("\xf4\x8f\xbf\xbf", 4, &bad), 0, "U+10FFFF is valid");
}

static void test_text__check_nul(void)
{
	size_t bad;

	INT_EQ(check("abc\0def", 7, &bad), 1, "a NUL byte is reported as 1");
	INT_EQ(bad, 3, "at its offset");
	INT_EQ(check("a\xff\0", 3, &bad), 2, "the first problem wins");
	INT_EQ(bad, 1, "the invalid byte comes first");
}

static void test_text__check_invalid(void)
{
	static const struct {
		const char *s;
		size_t len, bad;
		const char *what;
	} cases[] = {
		{ "ab\xff", 3, 2, "a byte that never starts a sequence" },
		{ "a\x80", 2, 1, "a lone continuation byte" },
		{ "ab\xc3", 3, 2, "a sequence cut short by the end" },
		{ "\xc3(", 2, 0, "a lead byte without its continuation" },
		{ "\xc0\x80", 2, 0, "an overlong NUL" },
		{ "\xe0\x80\xaf", 3, 0, "an overlong three-byte form" },
		{ "\xf0\x80\x80\xaf", 4, 0, "an overlong four-byte form" },
		{ "x\xed\xa0\x80", 4, 1, "a UTF-16 surrogate" },
		{ "\xf4\x90\x80\x80", 4, 0, "beyond U+10FFFF" },
		{ "\xf5\x80\x80\x80", 4, 0, "lead byte F5" },
	};
	size_t i, bad;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		INT_EQ(check(cases[i].s, cases[i].len, &bad), 2, cases[i].what);
		INT_EQ(bad, cases[i].bad, cases[i].what);
	}
}

static const char *nfc(pd_buf *b, const char *s)
{
	pd_buf_clear(b);
	pd_text_nfc(b, s, strlen(s));
	return b->ptr;
}

static const char *fold(pd_buf *b, const char *s)
{
	pd_buf_clear(b);
	pd_text_fold(b, s, strlen(s));
	return b->ptr;
}

static void test_text__nfc(void)
{
	pd_buf b = PD_BUF_INIT;

	STR_EQ(nfc(&b, "Ma\xcc\x8alomra\xcc\x8a" "de"), "Målområde",
	       "combining rings compose");
	STR_EQ(nfc(&b, "\xe2\x84\xab"), "\xc3\x85",
	       "the Ångström sign becomes Å");
	STR_EQ(nfc(&b, "plain ASCII"), "plain ASCII", "ASCII is unchanged");
	STR_EQ(nfc(&b, "Ä ö"), "Ä ö", "composed text is unchanged");
	STR_EQ(nfc(&b, "INFRASTRUKTUR"), "INFRASTRUKTUR", "no folding");
	pd_buf_dispose(&b);
}

static void test_text__fold(void)
{
	pd_buf b = PD_BUF_INIT;

	STR_EQ(fold(&b, "INFRASTRUKTUR"), "infrastruktur", "ASCII folds");
	STR_EQ(fold(&b, "ÅÄÖ Éa"), "åäö éa", "Swedish capitals fold");
	STR_EQ(fold(&b, "A\xcc\x8a" "ldre"), "åldre", "NFD folds to NFC");
	STR_EQ(fold(&b, "Straße"), "strasse", "full case folding");
	STR_EQ(fold(&b, ""), "", "empty");
	pd_buf_dispose(&b);
}

static void test_text__normalize(void)
{
	pd_buf b = PD_BUF_INIT;

	pd_text_normalize(&b, "  Första \t stycket,\nandra\r\nraden.  ", 34);
	STR_EQ(b.ptr, "Första stycket, andra raden.",
	       "white space runs become one space, trimmed");
	pd_buf_clear(&b);
	pd_text_normalize(&b, "a\xc2\xa0\xe2\x80\x83" "b\xe2\x80\xa8" "c", 12);
	STR_EQ(b.ptr, "a b c", "no-break, em and line separators are spaces");
	pd_buf_clear(&b);
	pd_text_normalize(&b, "A\xcc\x8a", 3);
	STR_EQ(b.ptr, "Å", "and NFC");
	pd_buf_clear(&b);
	pd_text_normalize(&b, " \n\t ", 4);
	STR_EQ(b.ptr, "", "only white space is empty");
	pd_buf_dispose(&b);
}

static const char *key(pd_buf *b, const char *s)
{
	pd_buf_clear(b);
	pd_text_heading_key(b, s, strlen(s));
	return b->ptr;
}

static const char *clean(pd_buf *b, const char *s)
{
	pd_buf_clear(b);
	pd_text_heading_clean(b, s, strlen(s));
	return b->ptr;
}

static void test_text__key_numbering(void)
{
	static const char *const cases[][2] = {
		{ "2. Infrastruktur", "infrastruktur" },
		{ "2.1. Infrastruktur", "infrastruktur" },
		{ "2.1 Infrastruktur", "infrastruktur" },
		{ "10.3.2 Infrastruktur", "infrastruktur" },
		{ "2) Infrastruktur", "infrastruktur" },
		{ "2 – Infrastruktur", "infrastruktur" },
		{ "2: Infrastruktur", "infrastruktur" },
		{ "1 Inledning", "inledning" },
		{ "IV. Infrastruktur", "infrastruktur" },
		{ "iv) Infrastruktur", "infrastruktur" },
		{ "XII – Infrastruktur", "infrastruktur" },
		{ "A) Infrastruktur", "infrastruktur" },
		{ "b. Infrastruktur", "infrastruktur" },
		{ "§ 3 Infrastruktur", "infrastruktur" },
		{ "§3. Infrastruktur", "infrastruktur" },
		{ "2. 3) Infrastruktur", "infrastruktur" },
		{ NULL, NULL }
	};
	pd_buf b = PD_BUF_INIT;
	size_t i;

	for (i = 0; cases[i][0]; i++)
		STR_EQ(key(&b, cases[i][0]), cases[i][1], cases[i][0]);
	pd_buf_dispose(&b);
}

static void test_text__key_kind_words(void)
{
	static const char *const cases[][2] = {
		{ "Fokusområde 3: Näringsliv", "näringsliv" },
		{ "Målområde 2 – Trygghet", "trygghet" },
		{ "Goal 4 - Quality education", "quality education" },
		/* any dash pd_text_is_dash knows: figure dash, minus */
		{ "Goal 4 \xe2\x80\x92 Quality education", "quality education" },
		{ "2 \xe2\x88\x92 Infrastruktur", "infrastruktur" },
		{ "Priority 1. Transport", "transport" },
		{ "Priority area 1 – Transport", "transport" },
		{ "Mål 1: Fler företag", "fler företag" },
		{ "Mål 1 Fler företag", "fler företag" },
		{ "Delmål 2.1 – Kortare köer", "kortare köer" },
		{ "Målområde: Trygghet", "trygghet" },
		{ "Del IV: Kultur", "kultur" },
		{ "Mål A: Skola", "skola" },
		{ "FOKUSOMRÅDE 2: ÄLDRE", "äldre" },
		{ "Fokusområdet Infrastruktur", "infrastruktur" },
		{ "2. Fokusområde 3: Näringsliv", "näringsliv" },
		{ NULL, NULL }
	};
	pd_buf b = PD_BUF_INIT;
	size_t i;

	for (i = 0; cases[i][0]; i++)
		STR_EQ(key(&b, cases[i][0]), cases[i][1], cases[i][0]);
	pd_buf_dispose(&b);
}

static void test_text__key_keeps_names(void)
{
	static const char *const cases[][2] = {
		{ "Agenda 2030", "agenda 2030" },
		{ "Södertörn 2035", "södertörn 2035" },
		{ "2035 – Vision", "2035 – vision" },
		{ "Mål 2030: Klimat", "mål 2030: klimat" },
		{ "3 nya mål", "3 nya mål" },
		{ "Mål och inriktning", "mål och inriktning" },
		{ "Mål i skolan", "mål i skolan" },
		{ "Vi – kommunerna", "vi – kommunerna" },
		{ "E4/E20", "e4/e20" },
		{ "Pillar 3", "pillar 3" },
		{ "Fokusområde 3", "fokusområde 3" },
		{ "2.", "2" },
		{ "...", "..." },
		{ "", "" },
		{ NULL, NULL }
	};
	pd_buf b = PD_BUF_INIT;
	size_t i;

	for (i = 0; cases[i][0]; i++)
		STR_EQ(key(&b, cases[i][0]), cases[i][1], cases[i][0]);
	pd_buf_dispose(&b);
}

static void test_text__key_normalises(void)
{
	pd_buf b = PD_BUF_INIT, c = PD_BUF_INIT;

	STR_EQ(key(&b, "INFRASTRUKTUR"), "infrastruktur", "case folded");
	STR_EQ(key(&b, "  Hållbar \t  tillväxt:  "), "hållbar tillväxt",
	       "white space collapsed, trailing colon gone");
	STR_EQ(key(&b, "Infrastruktur."), "infrastruktur", "trailing dot gone");
	STR_EQ(key(&b, "Vad är nytt?"), "vad är nytt?", "a question mark stays");
	key(&b, "Ma\xcc\x8alomra\xcc\x8a" "de 1: A\xcc\x88ldreomsorg");
	key(&c, "Målområde 2: Äldreomsorg");
	STR_EQ(b.ptr, c.ptr, "NFD and NFC headings have the same key");
	STR_EQ(b.ptr, "äldreomsorg", "in NFC");
	pd_buf_dispose(&b);
	pd_buf_dispose(&c);
}

static void test_text__heading_clean(void)
{
	pd_buf b = PD_BUF_INIT;

	STR_EQ(clean(&b, "2. Fokusområde 3: Näringsliv."),
	       "Fokusområde 3: Näringsliv", "bare numbering and the dot go");
	STR_EQ(clean(&b, "IV.  Vision"), "Vision", "roman numbering goes");
	STR_EQ(clean(&b, "Priority 1."), "Priority 1",
	       "a kind word keeps its number");
	STR_EQ(clean(&b, "INFRASTRUKTUR"), "INFRASTRUKTUR", "not folded");
	pd_buf_dispose(&b);
}

/* The words of s, joined by "|". */
static const char *words(pd_buf *b, const char *s)
{
	size_t pos = 0, start, len, n = strlen(s);

	pd_buf_clear(b);
	while (pd_text_next_word(s, n, &pos, &start, &len)) {
		if (b->size)
			pd_buf_putc(b, '|');
		pd_buf_put(b, s + start, len);
	}
	return b->ptr;
}

static void test_text__words(void)
{
	pd_buf b = PD_BUF_INIT;

	STR_EQ(words(&b, "Hållbar tillväxt, 2035!"), "Hållbar|tillväxt|2035",
	       "letters and digits; punctuation separates");
	STR_EQ(words(&b, "väg- och järnvägsförbindelser"),
	       "väg|och|järnvägsförbindelser", "a hyphen before a space ends");
	STR_EQ(words(&b, "tvär-förbindelse don't l’été"),
	       "tvär-förbindelse|don't|l’été",
	       "hyphens and apostrophes between letters join");
	STR_EQ(words(&b, "E4/E20 4-6 'citat'"), "E4|E20|4|6|citat",
	       "not between digits, not at the edges");
	STR_EQ(words(&b, "A\xcc\x8a" "ldre ma\xcc\x88n"),
	       "A\xcc\x8a" "ldre|ma\xcc\x88n", "combining marks are in words");
	STR_EQ(words(&b, "日本語 текст"), "日本語|текст", "any script");
	STR_EQ(words(&b, "a\xff" "b"), "a|b", "an invalid byte separates");
	STR_EQ(words(&b, " -- ... "), "", "no words");
	pd_buf_dispose(&b);
}

static void test_text__next_word_positions(void)
{
	const char *s = "  ab, cd";
	size_t pos = 0, start = 99, len = 99;

	INT_EQ(pd_text_next_word(s, 8, &pos, &start, &len), 1, "first word");
	INT_EQ(start, 2, "starts after the spaces");
	INT_EQ(len, 2, "two bytes");
	INT_EQ(pos, 4, "pos after the word");
	INT_EQ(pd_text_next_word(s, 8, &pos, &start, &len), 1, "second word");
	INT_EQ(start, 6, "second start");
	INT_EQ(pd_text_next_word(s, 8, &pos, &start, &len), 0, "no third");
	INT_EQ(pos, 8, "pos at the end");
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void test_text__hash(void)
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz\xc3\x00 -";
	uint64_t *all = NULL, base;
	size_t n = 0, i, k, a = sizeof(alphabet) - 1, dups = 0, same = 0;
	char w[4];
	unsigned char text[16];

	OK(pd_text_hash("", 0) == pd_hash_end(PD_HASH_SEED, 0),
	   "the empty text: the seed and its length");
	OK(pd_text_hash("ab", 1) == pd_text_hash("a", 1), "only len bytes");
	OK(pd_text_hash("a", 1) != pd_text_hash("a\0", 2),
	   "a text and it with a NUL after differ: the length counts");
	/* every text of up to three bytes of the alphabet: no two alike */
	all = malloc(sizeof(*all) * (1 + a + a * a + a * a * a));
	all[n++] = pd_text_hash("", 0);
	for (i = 0; i < a; i++) {
		w[0] = alphabet[i];
		all[n++] = pd_text_hash(w, 1);
		for (k = 0; k < a; k++) {
			size_t j;

			w[1] = alphabet[k];
			all[n++] = pd_text_hash(w, 2);
			for (j = 0; j < a; j++) {
				w[2] = alphabet[j];
				all[n++] = pd_text_hash(w, 3);
			}
		}
	}
	qsort(all, n, sizeof(*all), cmp_u64);
	for (i = 1; i < n; i++)
		dups += all[i] == all[i - 1];
	INT_EQ(dups, 0, "short texts have hashes of their own");
	free(all);
	/* any one bit of a text of two chunks changes its hash */
	memset(text, 'k', sizeof(text));
	base = pd_text_hash((const char *)text, sizeof(text));
	for (i = 0; i < 8 * sizeof(text); i++) {
		text[i / 8] ^= (unsigned char)(1u << (i % 8));
		same += pd_text_hash((const char *)text, sizeof(text)) == base;
		text[i / 8] ^= (unsigned char)(1u << (i % 8));
	}
	INT_EQ(same, 0, "every bit of every byte counts");
}

static void test_text__control_and_space(void)
{
	OK(pd_text_is_control(0x1b), "ESC is a control");
	OK(pd_text_is_control('\n'), "LF is a control");
	OK(pd_text_is_control(0x7f), "DEL is a control");
	OK(pd_text_is_control(0x9b), "CSI is a control");
	OK(!pd_text_is_control(0xa0), "NBSP is not");
	OK(!pd_text_is_control('a'), "a letter is not");
	OK(pd_text_is_space(' ') && pd_text_is_space('\t') &&
	   pd_text_is_space(0xa0) && pd_text_is_space(0x3000) &&
	   pd_text_is_space(0x2029), "spaces");
	OK(!pd_text_is_space('x') && !pd_text_is_space(0x200b),
	   "a letter and a zero-width space are not white space");
}

static void test_text__line_count(void)
{
	INT_EQ(pd_text_line_count("", 0), 0, "empty: no lines");
	INT_EQ(pd_text_line_count("a", 1), 1, "a line without an end");
	INT_EQ(pd_text_line_count("a\n", 2), 1, "one line");
	INT_EQ(pd_text_line_count("a\r\nb", 4), 2, "CR LF is one break");
	INT_EQ(pd_text_line_count("a\rb\n", 4), 2, "a lone CR breaks");
	INT_EQ(pd_text_line_count("\n\n", 2), 2, "two empty lines");
}

/* line breaks at every offset and in every run count as a byte-by-byte
 * count does */
static void test_text__line_count_any_text(void)
{
	static const char alphabet[] = { '\n', '\n', 'a', ' ', '\x8a', '\0',
	                                 '\x0b', '\xc3' };
	unsigned seed = 12345, round, bad = 0;
	char s[80];

	for (round = 0; round < 20000; round++) {
		size_t len = (seed = seed * 1103515245u + 12345u) >> 16 & 63, i;
		unsigned want = 0;

		for (i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			s[i] = alphabet[(seed >> 16) & 7];
			want += s[i] == '\n';
		}
		want += len && s[len - 1] != '\n';
		bad += pd_text_line_count(s, len) != want;
	}
	INT_EQ(bad, 0, "20000 random texts counted as byte by byte");
}

/* the Latin-1 fast path folds exactly as utf8proc does */
static void test_text__fold_latin1_agrees_with_utf8proc(void)
{
	int cp;
	const char *mixed[] = { "Södertörns UTVECKLINGSPROGRAM 2035",
	                        "ÅÄÖ åäö ÉÈ Ü ß µ Ÿ ÿ ×÷ Ǆ ẞ",
	                        "e\xcc\x81 NFD", "" };
	size_t i;

	for (cp = 1; cp < 0x180; cp++) {
		char in[8];
		utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)in);
		pd_buf got = PD_BUF_INIT;
		utf8proc_uint8_t *want = NULL;

		in[n] = '\0';
		pd_text_fold(&got, in, (size_t)n);
		utf8proc_map((const utf8proc_uint8_t *)in, n, &want,
		             UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
		if (strcmp(got.ptr, (const char *)want)) {
			printf("    U+%04X\n", cp);
			OK(0, "fold agrees with utf8proc");
		}
		free(want);
		pd_buf_dispose(&got);
	}
	for (i = 0; i < sizeof(mixed) / sizeof(mixed[0]); i++) {
		pd_buf got = PD_BUF_INIT;
		utf8proc_uint8_t *want = NULL;

		pd_buf_puts(&got, "x");   /* appends after what is there */
		pd_text_fold(&got, mixed[i], strlen(mixed[i]));
		utf8proc_map((const utf8proc_uint8_t *)mixed[i],
		             (utf8proc_ssize_t)strlen(mixed[i]), &want,
		             UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
		OK(got.ptr[0] == 'x' && !strcmp(got.ptr + 1, (const char *)want),
		   "mixed text folds as utf8proc folds it");
		free(want);
		pd_buf_dispose(&got);
	}
}

/* property: the Latin-1 word splitter finds the words the general one does */
static void test_text__latin1_words_agree(void)
{
	static const char *const pieces[] = {
		"a", "Z", "å", "Ä", "ö", "é", "9", " ", "-", "'", ",", ".",
		"\xc2\xa0", "\xc3\x97", "ª", "º", "¼", "²", "\n", "--", "ß"
	};
	uint64_t seed = 0x243f6a8885a308d3ull;
	int trial, bad = 0;

	for (trial = 0; trial < 5000 && !bad; trial++) {
		pd_buf text = PD_BUF_INIT;
		size_t n = 1 + (size_t)(seed % 40);
		size_t p1 = 0, p2 = 0, s1, l1, s2, l2;
		int r1, r2;

		put_random_pieces(&text, pieces, sizeof(pieces) / sizeof(pieces[0]),
		                  n, &seed);
		if (!pd_text_is_latin1(text.ptr, text.size)) {
			pd_buf_dispose(&text);
			continue;
		}
		do {
			r1 = pd_text_next_word(text.ptr, text.size, &p1, &s1, &l1);
			r2 = pd_text_next_word_latin1(text.ptr, text.size, &p2, &s2, &l2);
			if (r1 != r2 || (r1 && (s1 != s2 || l1 != l2 || p1 != p2))) {
				printf("    text \"%s\"\n", text.ptr);
				bad = 1;
			}
		} while (r1 && r2 && !bad);
		pd_buf_dispose(&text);
	}
	OK(!bad, "both splitters find the same words");
	OK(pd_text_is_latin1("Södertörn åäö", strlen("Södertörn åäö")), "Latin-1");
	OK(!pd_text_is_latin1("klimat\xe2\x80\x99s", 9), "U+2019 is not");
}

/* the general path: fold, split, hash, stem */
static size_t general_words(pd_buf *out, const char *s, size_t len)
{
	pd_buf fold = PD_BUF_INIT;
	size_t pos = 0, ws, wl, n = 0;

	pd_text_fold(&fold, s, len);
	while (pd_text_next_word(fold.ptr, fold.size, &pos, &ws, &wl)) {
		size_t sl = pd_text_stem_len(fold.ptr + ws, wl);
		uint64_t pairv[2];

		pairv[0] = pd_text_hash(fold.ptr + ws, wl);
		pairv[1] = sl ? pd_text_hash(fold.ptr + ws, sl) : 0;
		pd_buf_put(out, (const char *)pairv, sizeof(pairv));
		n++;
	}
	pd_buf_dispose(&fold);
	return n;
}

/* property: hashing Latin-1 words in one pass equals the general path */
static void test_text__one_pass_word_hashes_agree(void)
{
	static const char *const pieces[] = {
		"a", "K", "Å", "ä", "Ö", "é", "É", "7", " ", "-", "'", ",",
		"klimat", "KLIMATET", "Södertörns", "x-y", "åå", "\xc2\xa0",
		"\xc3\x97", "ª", "²"
	};
	uint64_t seed = 0x9e3779b97f4a7c15ull;
	int trial, bad = 0;

	for (trial = 0; trial < 5000 && !bad; trial++) {
		pd_buf text = PD_BUF_INIT, fast = PD_BUF_INIT, slow = PD_BUF_INIT;
		size_t n = 1 + (size_t)(seed % 30), nf = 0, ns;

		put_random_pieces(&text, pieces, sizeof(pieces) / sizeof(pieces[0]),
		                  n, &seed);
		ns = general_words(&slow, text.ptr, text.size);
		if (!pd_text_hash_words(&fast, &nf, text.ptr, text.size) ||
		    nf != ns || fast.size != slow.size ||
		    memcmp(fast.ptr, slow.ptr, slow.size)) {
			printf("    text \"%s\"\n", text.ptr);
			bad = 1;
		}
		pd_buf_dispose(&text);
		pd_buf_dispose(&fast);
		pd_buf_dispose(&slow);
	}
	OK(!bad, "one pass gives the general path's hashes and stems");
	{
		pd_buf out = PD_BUF_INIT;
		size_t n = 0;

		OK(!pd_text_hash_words(&out, &n, "Straße", strlen("Straße")),
		   "ß folds to ss: the general path");
		OK(out.size == 0, "nothing appended then");
		OK(!pd_text_hash_words(&out, &n, "klimat\xe2\x80\x99s", 9),
		   "beyond Latin-1: the general path");
		pd_buf_dispose(&out);
	}
}

/* the eight-bytes-at-a-time path finds what the byte path finds */
static void test_text__check_long_ascii(void)
{
	char buf[64];
	size_t bad = 0, at;

	for (at = 0; at < 40; at++) {
		memset(buf, 'a', sizeof(buf));
		buf[at] = '\0';
		INT_EQ(pd_text_check(buf, sizeof(buf), &bad), 1, "a NUL anywhere");
		INT_EQ(bad, at, "at its offset");
		buf[at] = (char)0xff;
		INT_EQ(pd_text_check(buf, sizeof(buf), &bad), 2, "a bad byte");
		INT_EQ(bad, at, "at its offset");
	}
	memset(buf, 'a', sizeof(buf));
	INT_EQ(pd_text_check(buf, sizeof(buf), &bad), 0, "all ASCII is valid");
	INT_EQ(pd_text_line_count("a\nb\n\nc", 7), 4, "LF lines, last unended");
	INT_EQ(pd_text_line_count("a\r\nb\rc\n", 7), 3, "CRLF and CR");
}

/* ------------------------------------------------------------------ */
/* Random text from pieces rich in edge cases, for property tests      */

static const struct {
	const char *s;
	size_t len;
} edge_pieces[] = {
	{ "a", 1 }, { "Z", 1 }, { "k", 1 }, { "Q", 1 }, { "0", 1 },
	{ "9", 1 }, { " ", 1 }, { "  ", 2 }, { "\t", 1 }, { "\n", 1 },
	{ "\r\n", 2 }, { "\v\f", 2 }, { "-", 1 }, { "'", 1 }, { ",", 1 },
	{ ".", 1 }, { ":", 1 }, { "\0", 1 }, { "\x7f", 1 }, { "\x1f", 1 },
	{ "å", 2 }, { "ä", 2 }, { "ö", 2 }, { "Å", 2 }, { "Ä", 2 },
	{ "Ö", 2 }, { "é", 2 }, { "É", 2 }, { "ª", 2 }, { "º", 2 },
	{ "×", 2 }, { "÷", 2 }, { "ÿ", 2 }, { "Þ", 2 }, { "¼", 2 },
	{ "\xc2\xa0", 2 }, { "\xc2\x85", 2 },
	/* the first LATIN1_PIECES are valid Latin-1 without ß and µ */
	{ "ß", 2 }, { "µ", 2 },
	{ "\xe2\x80\xa8", 3 }, { "\xe2\x80\x83", 3 }, { "\xe3\x80\x80", 3 },
	{ "\xe2\x80\x99", 3 }, { "\xcc\x81", 2 }, { "\xcc\x8a", 2 },
	{ "\xe2\x82\xac", 3 }, { "\xe6\x97\xa5", 3 }, { "\xd0\x96", 2 },
	{ "\xf0\x9f\x98\x80", 4 }, { "\xe2\x84\xab", 3 }, { "\x80", 1 },
	{ "\xbf", 1 }, { "\xff", 1 }, { "\xc3", 1 }, { "\xc2", 1 },
	{ "\xc3" "A", 2 }, { "\xc2" "a", 2 }, { "\xe2\x80", 2 },
	{ "\xc0\x80", 2 }, { "\xed\xa0\x80", 3 }, { "\xf4\x90\x80\x80", 4 },
	{ "klimat", 6 }, { "KLIMATET", 8 }, { "Södertörns", 12 },
	{ "x-y", 3 }, { "don't", 5 }, { "abcdefghijklmnopq", 17 },
	{ "2035", 4 }, { "Fokusområde 3: ", 16 }, { "2.1 ", 4 },
	{ "@AZ[\\]^_`az{|}~", 16 }, { "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 26 }
};

#define LATIN1_PIECES 37

static uint64_t next_random(uint64_t *seed)
{
	*seed ^= *seed << 13;
	*seed ^= *seed >> 7;
	*seed ^= *seed << 17;
	return *seed;
}

/*
 * Text of up to `most` pieces; with `kinds` below the number of pieces,
 * only from the first `kinds` of them (some tests want valid text).
 */
static void random_text(pd_buf *b, uint64_t *seed, size_t most,
                        size_t kinds)
{
	size_t n = (size_t)(next_random(seed) % (most + 1)), k;
	size_t all = sizeof(edge_pieces) / sizeof(edge_pieces[0]);

	if (!kinds || kinds > all)
		kinds = all;
	pd_buf_clear(b);
	for (k = 0; k < n; k++) {
		size_t at = (size_t)(next_random(seed) % kinds);

		pd_buf_put(b, edge_pieces[at].s, edge_pieces[at].len);
	}
}

/*
 * The library's own general path for the words of `s` (fold the whole
 * text, then split and hash each word), which pd_text_hash_words() must
 * match in one pass: *n_out words appended to `out`. Not a copy: the one
 * pass is checked against the slow path the library keeps for all text.
 */
static int general_hash_words(pd_buf *out, size_t *n_out, const char *s,
                          size_t len)
{
	pd_buf fold = PD_BUF_INIT;

	*n_out = pd_text_hash_words_folded(out, &fold, s, len);
	pd_buf_dispose(&fold);
	return 1;
}

/* property: where the one pass takes a valid text, it gives what folding
 * and splitting give, and appends after what is in the buffer; on any
 * other bytes it reads nothing out of bounds */
static void test_text__hash_words_agrees_with_reference(void)
{
	pd_buf text = PD_BUF_INIT, fast = PD_BUF_INIT, slow = PD_BUF_INIT;
	uint64_t seed = 0x0123456789abcdefull;
	int trial, bad = 0, fast_ones = 0;

	for (trial = 0; trial < 40000 && !bad; trial++) {
		size_t nf = 77, ns = 77;
		int rf, rs;

		/* one in four only from the valid Latin-1 pieces */
		random_text(&text, &seed, trial % 7 ? 24 : 200,
		            trial % 4 ? 0 : LATIN1_PIECES);
		pd_buf_clear(&fast);
		pd_buf_clear(&slow);
		if (trial & 1) {
			pd_buf_puts(&fast, "prefix");
			pd_buf_puts(&slow, "prefix");
		}
		rf = pd_text_hash_words(&fast, &nf, text.ptr, text.size);
		if (!rf || pd_text_check(text.ptr, text.size, NULL))
			continue;
		rs = general_hash_words(&slow, &ns, text.ptr, text.size);
		fast_ones += rf;
		if (rf != rs || (rf && nf != ns) || fast.size != slow.size ||
		    memcmp(fast.ptr, slow.ptr, slow.size) ||
		    fast.ptr[fast.size] != '\0') {
			printf("    trial %d, %u bytes\n", trial,
			       (unsigned)text.size);
			bad = 1;
		}
	}
	OK(!bad, "the one pass agrees with folding and splitting");
	OK(fast_ones > 5000, "and many valid texts took the one pass");
	pd_buf_dispose(&text);
	pd_buf_dispose(&fast);
	pd_buf_dispose(&slow);
}

/* the word and stem boundaries, where the stem's code points are counted */
static void test_text__hash_words_stems(void)
{
	static const char *const texts[] = {
		"abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "ABCDEFGHIJ",
		"åäöåä", "åäöåäö", "åäöåäöå", "abcdé", "abcdeé", "abcdefé",
		"abcdef1", "abcdefg1", "abcde1", "1abcdefg", "ab-cdefgh",
		"abcdef-gh", "abcdefg-h", "abcde'fgh", "abc-", "abc-1",
		"abc--def", "é-é", "1-a", "a''b", "x\xc2\xa0y", "ß", "aµ",
		"abcdef\xc3", "a \xc3\x97 b", "ÅÄÖ", "ª-º", "a-\xc3\x97",
		"abcdefghijklmnopqrstuvwxyz0123456789", ""
	};
	size_t i, taken = 0;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		pd_buf fast = PD_BUF_INIT, slow = PD_BUF_INIT;
		size_t nf = 0, ns = 0, len = strlen(texts[i]);
		int rf = pd_text_hash_words(&fast, &nf, texts[i], len);
		int rs = general_hash_words(&slow, &ns, texts[i], len);

		taken += rf != 0;

		/* the one pass may leave a text to the general path */
		if (rf && (rf != rs || nf != ns || fast.size != slow.size ||
		    memcmp(fast.ptr, slow.ptr, slow.size))) {
			printf("    \"%s\"\n", texts[i]);
			OK(0, "word and stem hashes as folding and splitting give them");
		}
		pd_buf_dispose(&fast);
		pd_buf_dispose(&slow);
	}
	OK(taken > sizeof(texts) / sizeof(texts[0]) / 2,
	   "the one pass takes most of these texts, so they were compared");
}

/*
 * pd_text_normalize() on the edges of what it copies in runs: every kind
 * of white space it collapses (ASCII, U+0085, the separators, Zs) and
 * code points beside them that are not white space, combining marks and
 * NFC, each kind of invalid byte (copied as it is, and keeping the text
 * from NFC, which utf8proc refuses), a NUL, and spaces and marks on each
 * side of an eight-byte step. Each is normalised alone and appended after
 * text already in the buffer.
 */
static const struct {
	const char *in;
	size_t len;
	const char *want;
	size_t want_len;
} normalize_cases[] = {
#define NC(in, want) { in, sizeof(in) - 1, want, sizeof(want) - 1 }
	NC("", ""), NC("   ", ""), NC("\r\n", ""), NC("a", "a"),
	NC("\t\n\v\f\r a \r\n", "a"), NC("a\x0b\x0c" "b", "a b"),
	/* white space beyond ASCII, and its neighbours */
	NC("a\xc2\x85" "b", "a b"), NC("a\xc2\xa0\xc2\xa0" "b", "a b"),
	NC("a\xe1\x9a\x80" "b", "a b"), NC("a\xe2\x80\x83" "b", "a b"),
	NC("a\xe2\x80\xaf" "b", "a b"), NC("a\xe2\x81\x9f" "b", "a b"),
	NC("a\xe3\x80\x80" "b", "a b"), NC("a\xe2\x80\xa8\xe2\x80\xa9" "b", "a b"),
	NC("\xe2\x80\xa8" "a\xe3\x80\x80", "a"),
	NC("a\xe2\x80\x8b" "b", "a\xe2\x80\x8b" "b"),
	NC("a\xe2\x80\x99" "b", "a\xe2\x80\x99" "b"),
	NC("a\xc2\xa7 \xc2\xbf", "a\xc2\xa7 \xc2\xbf"),
	NC("\xc3\x85 \xc3\xa4 \xc3\x97", "\xc3\x85 \xc3\xa4 \xc3\x97"),
	/* combining marks and NFC */
	NC("e\xcc\x81", "\xc3\xa9"), NC("A\xcc\x8a", "\xc3\x85"),
	NC("\xe2\x84\xab", "\xc3\x85"), NC("\xcc\x81", "\xcc\x81"),
	NC("a \xcc\x81", "a \xcc\x81"), NC("e\xcc\x81  x", "\xc3\xa9 x"),
	NC("\xd0\x96 \xe6\x97\xa5 \xf0\x9f\x98\x80", "\xd0\x96 \xe6\x97\xa5 \xf0\x9f\x98\x80"),
	/* invalid bytes are text, and keep NFC away */
	NC("\xc3", "\xc3"), NC("a  \xff  b", "a \xff b"),
	NC("\x80 \xbf", "\x80 \xbf"), NC("\xc3" "A", "\xc3" "A"),
	NC("\xe2\x80  x", "\xe2\x80 x"), NC("\xc0\x80 a", "\xc0\x80 a"),
	NC("\xed\xa0\x80 a", "\xed\xa0\x80 a"),
	NC("\xf4\x90\x80\x80 a", "\xf4\x90\x80\x80 a"),
	NC("e\xcc\x81 \xff", "e\xcc\x81 \xff"),
	NC("a\0 \0b", "a\0 \0b"), NC("a\x7f\x1f b", "a\x7f\x1f b"),
	/* around an eight-byte step */
	NC("abcdefg  h", "abcdefg h"), NC("abcdefgh  ", "abcdefgh"),
	NC("abcdefgh i", "abcdefgh i"), NC("abcdefg\xc2\xa0" "b", "abcdefg b"),
	NC("abcdefghe\xcc\x81", "abcdefgh\xc3\xa9"),
	NC("abcdefg \xe2\x80\x83 h", "abcdefg h"),
	NC("abcdefg\xff  h", "abcdefg\xff h"), NC("ABCDEFG\x01 x", "ABCDEFG\x01 x"),
	NC("       a", "a"), NC("a        ", "a"),
	NC("abcdefghijklmnopq  abcdefghijklmnopq", "abcdefghijklmnopq abcdefghijklmnopq"),
	/* a long text */
	NC(" Södertörns  utvecklingsprogram\n\n2035 gäller\t 2019–2022 ",
	   "Södertörns utvecklingsprogram 2035 gäller 2019–2022")
#undef NC
};

static void test_text__normalize_edges(void)
{
	pd_buf got = PD_BUF_INIT, want = PD_BUF_INIT;
	size_t i, n = sizeof(normalize_cases) / sizeof(normalize_cases[0]);
	int bad = 0;

	for (i = 0; i < n; i++) {
		const char *in = normalize_cases[i].in;
		size_t len = normalize_cases[i].len;

		pd_buf_clear(&want);
		pd_buf_put(&want, normalize_cases[i].want,
		           normalize_cases[i].want_len);
		pd_buf_clear(&got);
		pd_text_normalize(&got, in, len);
		if (got.size != want.size || memcmp(got.ptr, want.ptr, want.size) ||
		    got.ptr[got.size] != '\0') {
			printf("    case %u: \"%s\"\n", (unsigned)i, got.ptr);
			bad++;
		}
		pd_buf_clear(&got);
		pd_buf_puts(&got, "x ");
		pd_buf_clear(&want);
		pd_buf_puts(&want, "x ");
		pd_buf_put(&want, normalize_cases[i].want,
		           normalize_cases[i].want_len);
		pd_text_normalize(&got, in, len);
		if (got.size != want.size || memcmp(got.ptr, want.ptr, want.size)) {
			printf("    case %u, after \"x \"\n", (unsigned)i);
			bad++;
		}
	}
	INT_EQ(bad, 0, "normalised as written here, alone and appended");
	pd_buf_dispose(&got);
	pd_buf_dispose(&want);
}

/* the edges of the runs normalize copies as they are */
static void test_text__normalize_runs(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "a b", "a b" }, { "a  b", "a b" }, { "a \tb", "a b" },
		{ " a", "a" }, { "a ", "a" }, { "a b ", "a b" },
		{ "a \xc3\xa5", "a \xc3\xa5" }, { "\xc3\xa5 \xc3\xa5", "å å" },
		{ "a \xc2\xa0" "b", "a b" }, { "a\xc2\xa0 b", "a b" },
		{ "a \xc2\xa7", "a \xc2\xa7" }, { "a\xe2\x80\xa8", "a" },
		{ "a \xcc\x81", "a \xcc\x81" }, { "e\xcc\x81 x", "\xc3\xa9 x" },
		{ "\xc3", "\xc3" }, { "a \xff b", "a \xff b" },
		{ "a\n", "a" }, { " \n ", "" }, { "", "" }
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		pd_buf b = PD_BUF_INIT;

		pd_text_normalize(&b, cases[i].in, strlen(cases[i].in));
		STR_EQ(b.ptr, cases[i].want, "collapsed as one code point at a time");
		pd_buf_dispose(&b);
	}
}

/*
 * Validation by utf8proc, a sequence at a time: what pd_text_check(),
 * eight bytes at a time, must find (utf8proc refuses overlong forms,
 * surrogates and code points above U+10FFFF as the check does).
 */
static int utf8proc_check(const char *s, size_t len, size_t *bad_out)
{
	size_t i = 0;

	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(
		        (const utf8proc_uint8_t *)s + i,
		        (utf8proc_ssize_t)(len - i), &cp);

		if (n < 0) {
			*bad_out = i;
			return 2;
		}
		if (cp == 0) {
			*bad_out = i;
			return 1;
		}
		i += (size_t)n;
	}
	return 0;
}

/*
 * The definitions, one byte at a time, for the scans that look at eight
 * bytes at a time: a genuinely simpler algorithm, not a copy. Latin-1 text
 * has no lead byte but 0xC2 and 0xC3; the hash takes the bytes in chunks
 * of eight, the first byte lowest, a short last chunk padded with zeros,
 * then the length (swar.h), here built byte by byte with arithmetic that
 * does not depend on the machine's byte order.
 */
static int latin1_bytewise(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80 && c != 0xc2 && c != 0xc3 && (c & 0xc0) != 0x80)
			return 0;
	}
	return 1;
}

static uint64_t hash_bytewise(const char *s, size_t len)
{
	uint64_t h = PD_HASH_SEED, chunk = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		chunk += (uint64_t)(unsigned char)s[i] *
		         ((uint64_t)1 << (8 * (i % 8)));
		if (i % 8 == 7 || i + 1 == len) {
			h = pd_hash_chunk(h, chunk);
			chunk = 0;
		}
	}
	return pd_hash_end(h, len);
}

/*
 * property: validation, the Latin-1 test and the hash, which look at
 * eight bytes at a time, agree with byte at a time versions; every
 * suffix of each text is tried, so a byte sits at each place of a word
 */
static void test_text__byte_scans_agree_with_reference(void)
{
	pd_buf text = PD_BUF_INIT;
	uint64_t seed = 0x5555aaaa3333ccccull;
	int trial, bad = 0;

	for (trial = 0; trial < 20000 && !bad; trial++) {
		size_t off;

		random_text(&text, &seed, 30, trial % 3 ? 0 : LATIN1_PIECES);
		for (off = 0; off <= text.size && off < 9 && !bad; off++) {
			const char *t = text.ptr + off;
			size_t n = text.size - off, b1 = 0, b2 = 0;
			int r1 = pd_text_check(t, n, &b1), r2 = utf8proc_check(t, n, &b2);

			if (r1 != r2 || (r1 && b1 != b2) ||
			    pd_text_is_latin1(t, n) != latin1_bytewise(t, n) ||
			    pd_text_hash(t, n) != hash_bytewise(t, n)) {
				printf("    trial %d, offset %u\n", trial,
				       (unsigned)off);
				bad = 1;
			}
		}
	}
	OK(!bad, "the scans agree with the byte at a time versions");
	pd_buf_dispose(&text);
}

/* a long text, mostly valid, with one problem at each place in turn */
static void test_text__check_each_offset(void)
{
	char buf[80];
	size_t at;
	int fails = 0, v;

	for (at = 0; at + 2 <= sizeof(buf); at++) {
		for (v = 0; v < 3; v++) {
			size_t k, b1 = 0, b2 = 0;
			int r1, r2;

			for (k = 0; k + 2 <= sizeof(buf); k += 2)
				memcpy(buf + k, k % 6 ? "ab" : "\xc3\xa5", 2);
			if (v == 0)
				memcpy(buf + at, "\xc3x", 2);   /* cut short */
			else if (v == 1)
				buf[at] = '\0';
			else
				buf[at] = (char)0xff;
			r1 = pd_text_check(buf, sizeof(buf), &b1);
			r2 = utf8proc_check(buf, sizeof(buf), &b2);
			if (r1 != r2 || !r1 || b1 != b2)
				fails++;
		}
	}
	INT_EQ(fails, 0, "the first problem, at its offset");
}

/*
 * The library's own general path for folding, which pd_text_fold() takes
 * for any text its Latin-1 path declines: utf8proc's case folding and
 * composition, the bytes as they are when utf8proc refuses them. On valid
 * UTF-8 the Latin-1 path must give what this gives; on invalid bytes the
 * two differ, and test_text__fold_edges says what the fold does there.
 */
static void general_fold(pd_buf *out, const char *s, size_t len)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)len, &dst, UTF8PROC_STABLE |
	    UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);

	if (n < 0)
		pd_buf_put(out, s, len);
	else
		pd_buf_put(out, (const char *)dst, (size_t)n);
	free(dst);
}

/* property: folding valid text eight bytes at a time folds as utf8proc
 * does, and appends after what is in the buffer */
static void test_text__fold_agrees_with_utf8proc(void)
{
	pd_buf text = PD_BUF_INIT, fast = PD_BUF_INIT, slow = PD_BUF_INIT;
	uint64_t seed = 0x0f0f0f0f12121212ull;
	int trial, bad = 0, valid = 0;

	for (trial = 0; trial < 20000 && !bad; trial++) {
		size_t off;

		random_text(&text, &seed, 30, trial % 2 ? 0 : LATIN1_PIECES);
		for (off = 0; off <= text.size && off < 9 && !bad; off++) {
			if (pd_text_check(text.ptr + off, text.size - off,
			                  NULL) != 0)
				continue;
			valid++;
			pd_buf_clear(&fast);
			pd_buf_clear(&slow);
			pd_buf_puts(&fast, "P");
			pd_buf_puts(&slow, "P");
			pd_text_fold(&fast, text.ptr + off, text.size - off);
			general_fold(&slow, text.ptr + off, text.size - off);
			if (fast.size != slow.size ||
			    memcmp(fast.ptr, slow.ptr, slow.size) ||
			    fast.ptr[fast.size] != '\0') {
				size_t k;

				printf("    trial %d, offset %u:", trial,
				       (unsigned)off);
				for (k = off; k < text.size; k++)
					printf(" %02x", (unsigned char)text.ptr[k]);
				printf("\n");
				bad = 1;
			}
		}
	}
	OK(!bad, "fold agrees with utf8proc on valid text");
	OK(valid > 50000, "and many valid texts were folded");
	pd_buf_dispose(&text);
	pd_buf_dispose(&fast);
	pd_buf_dispose(&slow);
}

/*
 * pd_text_fold() where the property above does not look: invalid bytes
 * (the Latin-1 path reads the byte after 0xC2 or 0xC3 by its low six
 * bits; any other invalid byte leaves the whole text as it is, ASCII
 * capitals too, because utf8proc refuses it), and the eight-byte steps
 * with a capital, a Latin-1 letter or an invalid byte on either side.
 */
static void test_text__fold_edges(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "", "" }, { "\xc3", "\xc3" }, { "A\xff", "A\xff" },
		{ "a\x80", "a\x80" }, { "\xc3" "A", "\xc3\xa1" },
		{ "\xc2" "a", "\xc2\xa1" }, { "\xc3\xc3", "\xc3\xa3" },
		{ "\xc5\x8c\xc3", "\xc5\x8c\xc3" },
		{ "ABCDEFGH\xc3", "ABCDEFGH\xc3" }, { "ABCDEFG\xc3", "ABCDEFG\xc3" },
		{ "\xc3\x85\xe2\x80", "\xc3\x85\xe2\x80" },
		{ "\xc3\x85" "BC\xc0\x80", "\xc3\x85" "BC\xc0\x80" },
		{ "\xed\xa0\x80X", "\xed\xa0\x80X" },
		{ "ABCDEFGH", "abcdefgh" }, { "ABCDEFG\xc3\x85", "abcdefg\xc3\xa5" },
		{ "ABCDEFGH\xc3\x85", "abcdefgh\xc3\xa5" },
		{ "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz" },
		{ "@AZ[\\]^_`az{|}~", "@az[\\]^_`az{|}~" },
		{ "ABCDEFG\xc3\x9f", "abcdefgss" }, { "ABCDEFG\xc2\xb5", "abcdefg\xce\xbc" },
		{ "\xc3\x80\xc3\x9e\xc3\x97\xc3\xb7\xc3\xbf", "\xc3\xa0\xc3\xbe\xc3\x97\xc3\xb7\xc3\xbf" },
		{ "E\xcc\x81", "\xc3\xa9" }, { "\xe2\x84\xab", "\xc3\xa5" },
		{ "\xc7\x85", "\xc7\x86" }, { "\xe1\xba\x9e", "ss" },
		{ "S\xc3\x96" "DERT\xc3\x96RNS UTVECKLINGSPROGRAM 2035",
		  "s\xc3\xb6" "dert\xc3\xb6rns utvecklingsprogram 2035" }
	};
	pd_buf got = PD_BUF_INIT;
	size_t i;
	int bad = 0;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		pd_buf_clear(&got);
		pd_buf_puts(&got, "P");
		pd_text_fold(&got, cases[i].in, strlen(cases[i].in));
		if (got.ptr[0] != 'P' || strcmp(got.ptr + 1, cases[i].want)) {
			printf("    case %u: \"%s\"\n", (unsigned)i, got.ptr);
			bad++;
		}
	}
	INT_EQ(bad, 0, "folded as written here, after what the buffer held");
	pd_buf_clear(&got);
	pd_text_fold(&got, "AB\0CDEFGH\0\xc3\x85", 13);
	OK(got.size == 13 && !memcmp(got.ptr, "ab\0cdefgh\0\xc3\xa5", 13),
	   "a NUL is a character like another");
	pd_buf_clear(&got);
	pd_text_fold(&got, "AB\0\xc3" "A\xcc\x81", 7);
	OK(got.size == 7 && !memcmp(got.ptr, "AB\0\xc3" "A\xcc\x81", 7),
	   "and does not hide an invalid byte after it");
	pd_buf_dispose(&got);
}

/* The kind words a heading may start with, as the classifier knows them. */
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

/* "Fokusområdet Infrastruktur": the word names the kind, the rest the area */
static const char *const definite_kind_words[] = {
	"fokusområdet", "målområdet", "insatsområdet", "utvecklingsområdet",
	"temaområdet", NULL
};

/* `tmpl` with its "%s" (if any) replaced by `word` */
static void fill(pd_buf *out, const char *tmpl, const char *word)
{
	const char *at = strstr(tmpl, "%s");

	if (!at) {
		pd_buf_puts(out, tmpl);
		return;
	}
	pd_buf_put(out, tmpl, (size_t)(at - tmpl));
	pd_buf_puts(out, word);
	pd_buf_puts(out, at + 2);
}

/*
 * every kind word, as written and with a capital, in each way it is
 * numbered: the key of each form ("%s" is the kind word), for a kind
 * word and for a definite one; a clean heading keeps the kind word and
 * loses only bare numbering in front ("1. ")
 */
static void test_text__heading_each_kind_word(void)
{
	static const struct {
		const char *before, *after, *key, *definite_key;
	} forms[] = {
		{ "", " 3: Näringsliv", "näringsliv", "näringsliv" },
		{ "", " 2.1 Vatten", "vatten", "vatten" },
		{ "", " IV – Text", "text", "text" },
		{ "", " A: Text", "text", "a: text" },
		{ "", ": Text", "text", "text" },
		{ "", " Text", "%s text", "text" },
		{ "", "", "%s", "%s" },
		{ "", " 12 mål", "mål", "12 mål" },
		{ "1. ", " 3: Näringsliv", "näringsliv", "näringsliv" },
		{ "", " - Text", "text", "- text" },
		{ "X", " 3: Text", "x%s 3: text", "x%s 3: text" }
	};
	const char *const *lists[2];
	size_t l, k, f;
	int fails = 0, cap;

	lists[0] = kind_words;
	lists[1] = definite_kind_words;
	for (l = 0; l < 2; l++) {
		for (k = 0; lists[l][k]; k++) {
			for (f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
				for (cap = 0; cap < 2; cap++) {
					pd_buf h = PD_BUF_INIT, got = PD_BUF_INIT;
					pd_buf want = PD_BUF_INIT;
					size_t skip = strcmp(forms[f].before, "1. ") ? 0 : 3;

					pd_buf_puts(&h, forms[f].before);
					pd_buf_puts(&h, lists[l][k]);
					pd_buf_puts(&h, forms[f].after);
					if (cap)   /* the kind word's first letter a capital */
						h.ptr[strlen(forms[f].before)] &= ~0x20;
					pd_text_heading_key(&got, h.ptr, h.size);
					fill(&want, l ? forms[f].definite_key :
					     forms[f].key, lists[l][k]);
					if (strcmp(got.ptr, want.ptr)) {
						printf("    key \"%s\": \"%s\", want \"%s\"\n",
						       h.ptr, got.ptr, want.ptr);
						fails++;
					}
					pd_buf_clear(&got);
					pd_text_heading_clean(&got, h.ptr, h.size);
					if (strcmp(got.ptr, h.ptr + skip)) {
						printf("    clean \"%s\": \"%s\"\n", h.ptr,
						       got.ptr);
						fails++;
					}
					pd_buf_dispose(&h);
					pd_buf_dispose(&got);
					pd_buf_dispose(&want);
				}
			}
		}
	}
	INT_EQ(fails, 0, "each kind word strips as its form says");
}

static const pd_test tests[] = {
	PD_TEST(test_text__heading_each_kind_word),
	PD_TEST(test_text__fold_agrees_with_utf8proc),
	PD_TEST(test_text__fold_edges),
	PD_TEST(test_text__byte_scans_agree_with_reference),
	PD_TEST(test_text__check_each_offset),
	PD_TEST(test_text__normalize_edges),
	PD_TEST(test_text__normalize_runs),
	PD_TEST(test_text__hash_words_agrees_with_reference),
	PD_TEST(test_text__hash_words_stems),
	PD_TEST(test_text__check_long_ascii),
	PD_TEST(test_text__one_pass_word_hashes_agree),
	PD_TEST(test_text__latin1_words_agree),
	PD_TEST(test_text__fold_latin1_agrees_with_utf8proc),
	PD_TEST(test_text__check_valid),
	PD_TEST(test_text__check_nul),
	PD_TEST(test_text__check_invalid),
	PD_TEST(test_text__nfc),
	PD_TEST(test_text__fold),
	PD_TEST(test_text__normalize),
	PD_TEST(test_text__key_numbering),
	PD_TEST(test_text__key_kind_words),
	PD_TEST(test_text__key_keeps_names),
	PD_TEST(test_text__key_normalises),
	PD_TEST(test_text__heading_clean),
	PD_TEST(test_text__words),
	PD_TEST(test_text__next_word_positions),
	PD_TEST(test_text__hash),
	PD_TEST(test_text__control_and_space),
	PD_TEST(test_text__line_count),
	PD_TEST(test_text__line_count_any_text),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
