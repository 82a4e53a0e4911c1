/* SPDX-License-Identifier: MIT */
/*
 * test_messages.c: the catalogue of messages. It is sorted (a lookup is
 * a binary search), each Swedish format takes the arguments of its
 * English in the same order (a printf with the other language's format
 * must read the same arguments), and the language chosen is the one
 * pd_error_set(), pd_msg() and pd_strerror() speak. That every message
 * of the sources has an entry is tests/sh/test_messages.sh's to check.
 */
#include <errno.h>
#include <string.h>

#include "harness.h"
#include "messages.h"
#include "progdiff.h"

/* Past a width or precision at p: a '*' reads an int, digits none. */
static const char *width(const char *p, char *out, size_t *n, size_t size)
{
	if (*p == '*') {
		if (*n + 1 < size)
			out[(*n)++] = 'i';
		return p + 1;
	}
	while (*p >= '0' && *p <= '9')
		p++;
	return p;
}

/*
 * The arguments a printf format reads, one letter each: 'i' for an int
 * (a '*' width or precision, %d, %c, %u and the like), 'l' long, 'L'
 * long long, 'z' size_t, 'f' double, 's' a string, 'p' a pointer;
 * flags, widths and precisions given as digits read none. "%%" reads
 * none. Returns -1 for a conversion this test does not know.
 */
static int format_args(char *out, size_t size, const char *fmt)
{
	size_t n = 0;
	const char *p;

	for (p = fmt; *p; p++) {
		char len = 'i', kind;

		if (*p != '%')
			continue;
		if (*++p == '%')
			continue;
		while (*p && strchr("-+ #0", *p))
			p++;
		p = width(p, out, &n, size);
		if (*p == '.')
			p = width(p + 1, out, &n, size);
		if (*p == 'l' && p[1] == 'l') {
			len = 'L';
			p += 2;
		} else if (*p == 'l' || *p == 'z') {
			len = *p++;
		} else if (*p == 'h') {
			p += p[1] == 'h' ? 2 : 1;
		}
		switch (*p) {
		case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
			kind = len;
			break;
		case 'c':
			kind = 'i';
			break;
		case 'g': case 'f': case 'e':
			kind = 'f';
			break;
		case 's':
			kind = 's';
			break;
		case 'p':
			kind = 'p';
			break;
		default:
			return -1;
		}
		if (n + 1 < size)
			out[n++] = kind;
	}
	out[n] = '\0';
	return 0;
}

void test_messages__sorted(void);
void test_messages__sorted(void)
{
	size_t i, unsorted = 0;

	OK(pd_messages__count > 200, "the catalogue holds every message");
	for (i = 1; i < pd_messages__count; i++)
		if (strcmp(pd_messages__catalogue[i - 1].en,
		           pd_messages__catalogue[i].en) >= 0) {
			unsorted++;
			printf("    out of order: '%s'\n",
			       pd_messages__catalogue[i].en);
		}
	INT_EQ(unsorted, 0, "sorted by strcmp(), without doubles");
}

void test_messages__same_conversions(void);
void test_messages__same_conversions(void)
{
	size_t i, bad = 0;

	for (i = 0; i < pd_messages__count; i++) {
		const pd_message *m = &pd_messages__catalogue[i];
		char en[32], sv[32];

		if (format_args(en, sizeof(en), m->en) < 0 ||
		    format_args(sv, sizeof(sv), m->sv) < 0 || strcmp(en, sv)) {
			bad++;
			printf("    '%s' and '%s' read other arguments\n",
			       m->en, m->sv);
		}
	}
	INT_EQ(bad, 0, "each Swedish format reads its English's arguments");
}

void test_messages__every_entry_translated(void);
void test_messages__every_entry_translated(void)
{
	size_t i, empty = 0;

	for (i = 0; i < pd_messages__count; i++)
		if (!*pd_messages__catalogue[i].sv)
			empty++;
	INT_EQ(empty, 0, "no entry is left without its Swedish");
}

void test_messages__lookup(void);
void test_messages__lookup(void)
{
	const char *en = "no version '%s' in the store";

	pd_messages_set_lang(PD_LANG_EN);
	OK(pd_msg(en) == en, "English is the sources' own text");
	pd_messages_set_lang(PD_LANG_SV);
	INT_EQ(pd_messages_lang(), PD_LANG_SV, "Swedish chosen");
	STR_EQ(pd_msg(en), "Versionen '%s' finns inte i arkivet.",
	       "the Swedish of a format");
	STR_EQ(pd_msg("not in the catalogue"), "not in the catalogue",
	       "a string without an entry comes back as it is");
	OK(pd_msg(NULL) == NULL, "NULL stays NULL");
	pd_messages_set_lang(PD_LANG_AUTO);
	INT_EQ(pd_messages_lang(), PD_LANG_EN, "anything else is English");
}

void test_messages__errors_in_swedish(void);
void test_messages__errors_in_swedish(void)
{
	pd_buf b = PD_BUF_INIT;

	pd_messages_set_lang(PD_LANG_SV);
	pd_error_set(PD_ENOTFOUND, "no version '%s' in the store", "2040");
	STR_EQ(pd_error_message(), "Versionen '2040' finns inte i arkivet.",
	       "pd_error_set() records the Swedish");
	pd_error_set_hint("store one with 'progdiff add FILE'");
	STR_EQ(pd_error_hint(), "Lagra en med 'progdiff add FIL'.",
	       "and the hint");
	pd_error_prefix(PD_ENOTFOUND, "%s", "2040.md");
	STR_EQ(pd_error_message(),
	       "2040.md: Versionen '2040' finns inte i arkivet.",
	       "a prefix goes before the Swedish");
	STR_EQ(pd_strerror(ENOENT), "filen eller mappen finns inte",
	       "the operating system's reason in Swedish");
	OK(pd_buf_read_file(&b, "/nonexistent/x.md", 0) == PD_ENOTFOUND,
	   "a missing file");
	STR_EQ(pd_error_message(), "/nonexistent/x.md: filen finns inte",
	       "its message in Swedish");
	pd_messages_set_lang(PD_LANG_EN);
	pd_error_set(PD_ENOTFOUND, "no version '%s' in the store", "2040");
	STR_EQ(pd_error_message(), "no version '2040' in the store",
	       "English again");
	OK(strcmp(pd_strerror(ENOENT), "filen eller mappen finns inte") != 0,
	   "the C library's reason in English");
	pd_error_clear();
	pd_buf_dispose(&b);
}

static const pd_test tests[] = {
	PD_TEST(test_messages__sorted),
	PD_TEST(test_messages__same_conversions),
	PD_TEST(test_messages__every_entry_translated),
	PD_TEST(test_messages__lookup),
	PD_TEST(test_messages__errors_in_swedish),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
